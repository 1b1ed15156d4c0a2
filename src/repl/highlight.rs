//! Syntax highlighting with PSReadLine's default token colours (PSConsoleReadLineOptions:
//! commands yellow, keywords and variables green, strings dark cyan, comments dark green,
//! parameters and operators dark grey, numbers white, types and members grey). Tokenizer-level:
//! one linear pass of [`crate::repl::lex`] per keystroke, no parse (measured in a debug build:
//! about 65 µs for a 150-character line and 0.5 ms for 3,000 characters, where the full parser
//! takes about 40 ms for those 3,000 characters).

use crate::repl::lex::{Kind, string_variables, tokenize};

pub const RESET: &str = "\x1b[0m";
/// PSReadLine's InlinePrediction colour (history hints).
pub const PREDICTION: &str = "\x1b[97;2;3m";

fn color(kind: Kind) -> Option<&'static str> {
    Some(match kind {
        Kind::Comment => "\x1b[32m",
        Kind::Keyword => "\x1b[92m",
        Kind::String => "\x1b[36m",
        Kind::Operator => "\x1b[90m",
        Kind::Variable => "\x1b[92m",
        Kind::Command => "\x1b[93m",
        Kind::Parameter => "\x1b[90m",
        Kind::Type => "\x1b[37m",
        Kind::Number => "\x1b[97m",
        Kind::Member => "\x1b[37m",
        Kind::Word | Kind::Punct | Kind::Newline => return None,
    })
}

/// The line with ANSI colours; the display width is unchanged (escapes only).
pub fn highlight(line: &str) -> String {
    let toks = tokenize(line);
    let mut out = String::with_capacity(line.len() + toks.len() * 8);
    let mut last = 0;
    for t in &toks {
        out.push_str(&line[last..t.start]);
        let text = &line[t.start..t.end];
        match color(t.kind) {
            Some(c) if t.kind == Kind::String => {
                // Variables inside expandable strings in the variable colour.
                let vars = string_variables(text);
                let mut at = 0;
                out.push_str(c);
                for (s, e) in vars {
                    out.push_str(&text[at..s]);
                    out.push_str("\x1b[92m");
                    out.push_str(&text[s..e]);
                    out.push_str(c);
                    at = e;
                }
                out.push_str(&text[at..]);
                out.push_str(RESET);
            }
            Some(c) => {
                out.push_str(c);
                out.push_str(text);
                out.push_str(RESET);
            }
            None => out.push_str(text),
        }
        last = t.end;
    }
    out.push_str(&line[last..]);
    out
}

/// Remove ANSI escape sequences (tests, width checks).
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_tokens_and_keeps_the_text() {
        let line = "Get-SPOSite -Identity $url | % { \"x$i\" } # done";
        let h = highlight(line);
        assert_eq!(strip_ansi(&h), line);
        assert!(h.starts_with("\x1b[93mGet-SPOSite\x1b[0m \x1b[90m-Identity\x1b[0m \x1b[92m$url\x1b[0m"));
        assert!(h.contains("\x1b[36m\"x\x1b[92m$i\x1b[36m\"\x1b[0m"));
        assert!(h.ends_with("\x1b[32m# done\x1b[0m"));
    }

    #[test]
    fn long_lines_highlight_quickly() {
        // Tokenizer-level highlighting is linear: a 20,000-character line is instantaneous.
        let line = "Get-Item -Path 'a' -Filter $x ".repeat(700);
        let h = highlight(&line);
        assert_eq!(strip_ansi(&h), line);
    }
}
