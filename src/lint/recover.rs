//! Linting past a parse error. pwsh runs nothing of a script that does not parse, so the parse
//! errors are reported as they are; but a runbook copied from the docs usually fails on one
//! placeholder or one pasted output table, and the linter should still say what is wrong with
//! the rest. So, after a parse error:
//!
//! 1. the text is *repaired* without moving a byte — `<placeholder>` becomes `'placeholder'`
//!    (or `_placeholder_` inside a word), pasted command output and confirmation prompts become
//!    blanks, a stray `|` after a parameter name becomes a space — and each repair is itself a
//!    finding (it explains the parse error at that place);
//! 2. the repaired text is parsed again; if it still fails, it is cut into top-level statements
//!    at line boundaries and the ranges that parse are linted (halving failed ranges, so a few
//!    bad statements cost a few extra parses, not one per line).
//!
//! Repairs keep every byte offset, so spans of the repaired trees are spans of the original
//! text and rules read the original text at them.

use std::path::PathBuf;
use std::rc::Rc;

use crate::lang::ast::{ScriptBlock, Span};
use crate::lang::source::SourceFile;
use crate::lang::{ParseError, parse_file};
use crate::lint::{Finding, rules};

/// Past this size a script that does not parse is not cut into statements: each extra parse
/// reads the whole text.
const MAX_SPLIT_BYTES: usize = 1 << 20;

/// What a byte of the source is, as far as the text-level scans need to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Code,
    Str,
    Comment,
}

fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}'..='\u{201B}')
}

fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}'..='\u{201E}')
}

/// Strings, comments and here-strings as PowerShell's tokenizer delimits them (closely enough
/// for finding placeholders and statement boundaries; the parser has the last word).
pub fn classify(text: &str) -> Vec<Class> {
    let mut out = vec![Class::Code; text.len()];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mark = |out: &mut Vec<Class>, from: usize, to: usize, c: Class| {
        for x in &mut out[from..to.min(text.len())] {
            *x = c;
        }
    };
    let mut i = 0;
    // A token starts after whitespace or an operator: `#` only starts a comment there.
    let mut at_token_start = true;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let next = chars.get(i + 1).map(|x| x.1);
        if c == '`' {
            i += 2;
            at_token_start = false;
            continue;
        }
        if c == '<' && next == Some('#') {
            let end = text[pos + 2..].find("#>").map(|e| pos + 2 + e + 2).unwrap_or(text.len());
            mark(&mut out, pos, end, Class::Comment);
            i = chars.partition_point(|x| x.0 < end);
            at_token_start = true;
            continue;
        }
        if c == '#' && at_token_start {
            let end = text[pos..].find(['\n', '\r']).map(|e| pos + e).unwrap_or(text.len());
            mark(&mut out, pos, end, Class::Comment);
            i = chars.partition_point(|x| x.0 < end);
            continue;
        }
        if c == '@' && next.is_some_and(|q| is_single_quote(q) || is_double_quote(q)) {
            // A here-string when only blanks follow the opening quote on its line.
            let q = next.unwrap_or('"');
            let after = pos + 1 + q.len_utf8();
            let rest_of_line = text[after..].split(['\n', '\r']).next().unwrap_or("");
            if rest_of_line.trim().is_empty() && after + rest_of_line.len() < text.len() {
                let closing = if is_single_quote(q) { ["\n'@", "\n\u{2019}@"] } else { ["\n\"@", "\n\u{201D}@"] };
                let end = closing.iter().filter_map(|cl| text[after..].find(cl).map(|e| after + e + cl.len())).min().unwrap_or(text.len());
                mark(&mut out, pos, end, Class::Str);
                i = chars.partition_point(|x| x.0 < end);
                at_token_start = false;
                continue;
            }
        }
        if is_single_quote(c) {
            let mut j = i + 1;
            while j < chars.len() {
                if is_single_quote(chars[j].1) {
                    if chars.get(j + 1).is_some_and(|x| is_single_quote(x.1)) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j += 1;
            }
            let end = chars.get(j).map(|x| x.0 + x.1.len_utf8()).unwrap_or(text.len());
            mark(&mut out, pos, end, Class::Str);
            i = j + 1;
            at_token_start = false;
            continue;
        }
        if is_double_quote(c) {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                if d == '`' {
                    j += 2;
                    continue;
                }
                if is_double_quote(d) {
                    if chars.get(j + 1).is_some_and(|x| is_double_quote(x.1)) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j += 1;
            }
            let end = chars.get(j).map(|x| x.0 + x.1.len_utf8()).unwrap_or(text.len());
            mark(&mut out, pos, end, Class::Str);
            i = j + 1;
            at_token_start = false;
            continue;
        }
        at_token_start = c.is_whitespace() || "(){};,|=&".contains(c);
        i += 1;
    }
    out
}

/// The result of parsing one script for linting.
pub struct Parsed {
    /// The parse errors of the original text: what pwsh reports.
    pub errors: Vec<ParseError>,
    /// Trees covering what could be parsed, in source order (one when nothing failed).
    pub trees: Vec<Rc<ScriptBlock>>,
    /// Findings made while repairing the text.
    pub findings: Vec<Finding>,
    /// Byte ranges that did not parse even after the repairs.
    pub unparsed: Vec<Span>,
}

pub fn parse(file: &Rc<SourceFile>) -> Parsed {
    let errors = match parse_file(file.clone()) {
        Ok(sb) => return Parsed { errors: Vec::new(), trees: vec![sb], findings: Vec::new(), unparsed: Vec::new() },
        Err(e) => e.errors,
    };
    let text = &file.text;
    let class = classify(text);
    let mut bytes = text.as_bytes().to_vec();
    let mut findings = Vec::new();
    blank_pasted_output(text, &class, &mut bytes, &mut findings);
    quote_angle_placeholders(text, &class, &mut bytes, &mut findings);
    drop_stray_pipes(text, &class, &mut bytes, &mut findings);
    // Only ASCII bytes were written, each over a whole character of the same length.
    let repaired = String::from_utf8(bytes).unwrap_or_else(|_| text.clone());
    let mut parsed = Parsed { errors, trees: Vec::new(), findings, unparsed: Vec::new() };
    let repaired_file = Rc::new(SourceFile::new(file.path.clone(), repaired.clone()));
    match parse_file(repaired_file) {
        Ok(sb) => parsed.trees.push(sb),
        Err(_) if repaired.len() <= MAX_SPLIT_BYTES => {
            let starts = statement_starts(&repaired, &class);
            split_parse(&repaired, file.path.clone(), &starts, 0, starts.len() - 1, &mut parsed);
        }
        Err(_) => parsed.unparsed.push(Span::new(0, text.len())),
    }
    for range in parsed.unparsed.clone() {
        rules::text_fallback(text, &class, range, &mut parsed.findings);
    }
    parsed
}

/// Byte offsets at which a top-level statement may start (line starts outside brackets,
/// strings and continued lines), plus the end of the text.
fn statement_starts(text: &str, class: &[Class]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut depth: i64 = 0;
    let mut last_code: Option<u8> = None;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if class[i] == Class::Code {
            match c {
                b'(' | b'{' | b'[' => depth += 1,
                b')' | b'}' | b']' => depth = (depth - 1).max(0),
                _ => {}
            }
            if c == b'\n' {
                let continued = matches!(last_code, Some(b'`') | Some(b'|'));
                let next_line = text[i + 1..].split('\n').next().unwrap_or("").trim_start().to_ascii_lowercase();
                let clause = ["else", "elseif", "catch", "finally", "until", "|"]
                    .iter()
                    .any(|k| next_line.starts_with(k) && next_line[k.len()..].chars().next().is_none_or(|x| !x.is_alphanumeric() && x != '-'));
                if depth == 0 && !continued && !clause && i + 1 < b.len() {
                    starts.push(i + 1);
                }
            } else if !c.is_ascii_whitespace() {
                last_code = Some(c);
            }
        }
        i += 1;
    }
    starts.push(text.len());
    starts.dedup();
    starts
}

/// Parse the statements between `starts[lo]` and `starts[hi]`; on failure, halves.
fn split_parse(text: &str, path: Option<PathBuf>, starts: &[usize], lo: usize, hi: usize, out: &mut Parsed) {
    if lo >= hi {
        return;
    }
    let (from, to) = (starts[lo], starts[hi]);
    if text[from..to].trim().is_empty() {
        return;
    }
    // Everything outside the range becomes blanks (line breaks kept): spans stay those of the text.
    let mut masked: Vec<u8> = text.as_bytes()[..to].to_vec();
    for x in &mut masked[..from] {
        if *x != b'\n' && *x != b'\r' {
            *x = b' ';
        }
    }
    let masked = String::from_utf8(masked).unwrap_or_default();
    match parse_file(Rc::new(SourceFile::new(path.clone(), masked))) {
        Ok(sb) => out.trees.push(sb),
        Err(_) if hi - lo > 1 => {
            let mid = lo + (hi - lo) / 2;
            split_parse(text, path.clone(), starts, lo, mid, out);
            split_parse(text, path, starts, mid, hi, out);
        }
        Err(_) => out.unparsed.push(Span::new(from, to)),
    }
}

fn blank(bytes: &mut [u8], from: usize, to: usize) {
    for x in &mut bytes[from..to] {
        if *x != b'\n' && *x != b'\r' {
            *x = b' ';
        }
    }
}

/// Line (start, end-without-terminator) byte ranges.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' { i - 1 } else { i };
            out.push((start, end));
            start = i + 1;
        }
    }
    out.push((start, text.len()));
    out
}

/// A table underline as Format-Table prints it: runs of dashes separated by blanks.
fn is_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 2 && t.starts_with("--") && t.chars().all(|c| c == '-' || c == ' ')
}

/// Command output pasted after a command (a table: header, dashes, rows up to a blank line),
/// and a confirmation prompt pasted with its question (`[Y] Yes  [A] Yes to All …`).
fn blank_pasted_output(text: &str, class: &[Class], bytes: &mut [u8], findings: &mut Vec<Finding>) {
    let ls = lines(text);
    let is_blank = |i: usize| text[ls[i].0..ls[i].1].trim().is_empty();
    let mut i = 1;
    while i < ls.len() {
        let (s, e) = ls[i];
        let line = &text[s..e];
        let code_here = class.get(s).is_none_or(|c| *c == Class::Code);
        let table = is_underline(line) && !is_blank(i - 1) && code_here;
        let prompt = line.trim_start().starts_with("[Y] Yes") && code_here;
        if !table && !prompt {
            i += 1;
            continue;
        }
        let mut first = i;
        if table {
            first = i - 1;
        } else {
            // The question above the choices, up to the command that asked it.
            while first > 0 && !is_blank(first - 1) && !starts_with_command(&text[ls[first - 1].0..ls[first - 1].1]) {
                first -= 1;
            }
        }
        let mut last = i;
        while last + 1 < ls.len() && !is_blank(last + 1) && !is_underline(&text[ls[last + 1].0..ls[last + 1].1]) {
            last += 1;
        }
        let span = Span::new(ls[first].0, ls[last].1);
        blank(bytes, span.start as usize, span.end as usize);
        findings.push(rules::pasted_output(span, table));
        i = last + 1;
    }
}

/// A line whose first word is a declared cmdlet (not output, even when pasted among output).
fn starts_with_command(line: &str) -> bool {
    let word = line.split_whitespace().next().unwrap_or("");
    word.contains('-') && crate::cmdlets::declared(word).is_some()
}

/// `<…>` placeholders in code: at the start of a token they are pwsh's reserved `<` operator;
/// inside a word (`https://<TenantName>-admin…`) they are part of the word.
fn quote_angle_placeholders(text: &str, class: &[Class], bytes: &mut [u8], findings: &mut Vec<Finding>) {
    for (at, end) in angle_placeholders(text, class) {
        let inner = &text[at + 1..end - 1];
        let prev = text[..at].chars().next_back();
        let token_start = prev.is_none_or(|c| c.is_whitespace() || "(,=;|{".contains(c));
        let (open, close) = if !token_start {
            (b'_', b'_')
        } else if !inner.contains('\'') {
            (b'\'', b'\'')
        } else if !inner.contains('"') {
            (b'"', b'"')
        } else {
            continue;
        };
        bytes[at] = open;
        bytes[end - 1] = close;
        findings.push(rules::placeholder(Span::new(at, end), &text[at..end], if token_start { rules::Written::TokenStart } else { rules::Written::InWord }));
    }
}

/// Every `<…>` in code on one line: content without brackets, quotes, pipes or braces.
pub fn angle_placeholders(text: &str, class: &[Class]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<' && class[i] == Class::Code && b.get(i + 1).is_some_and(|c| *c != b'#' && *c != b' ' && *c != b'>') {
            let rest = &text[i + 1..];
            let stop = rest.find(|c: char| "<>|;{}()\"'`\n\r".contains(c)).unwrap_or(rest.len());
            if rest[stop..].starts_with('>') && stop > 0 {
                let end = i + 1 + stop + 1;
                if class[i..end].iter().all(|c| *c == Class::Code) {
                    out.push((i, end));
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// `-Name| value`: a pipe glued to a parameter name, followed by what can only be its value.
fn drop_stray_pipes(text: &str, class: &[Class], bytes: &mut [u8], findings: &mut Vec<Finding>) {
    let b = text.as_bytes();
    for i in 1..b.len() {
        if b[i] != b'|' || class[i] != Class::Code || b.get(i + 1) == Some(&b'|') {
            continue;
        }
        // The word before the pipe must be a parameter name: a dash, then letters.
        let before = &text[..i];
        let word_start = before.rfind(|c: char| c.is_whitespace()).map(|p| p + 1).unwrap_or(0);
        let word = &before[word_start..];
        let mut wc = word.chars();
        let is_param = wc.next().is_some_and(|c| matches!(c, '-' | '\u{2013}'..='\u{2015}')) && word.len() > 1 && wc.all(|c| c.is_alphanumeric() || c == '_');
        let after = text[i + 1..].trim_start_matches([' ', '\t']);
        let value_follows = after.starts_with(['<', '[', '\'', '"']) || after.to_ascii_lowercase().starts_with("http");
        if is_param && value_follows {
            bytes[i] = b' ';
            findings.push(rules::stray_pipe(Span::new(i, i + 1), word));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_marks_strings_and_comments_only() {
        let t = "Get-X 'a#b' # c\n\"d`\"e\" <# f #> g";
        let c = classify(t);
        let at = |s: &str| t.find(s).map(|i| c[i]);
        assert_eq!(at("a#b"), Some(Class::Str));
        assert_eq!(at("# c"), Some(Class::Comment));
        assert_eq!(at("e\""), Some(Class::Str));
        assert_eq!(at("f #"), Some(Class::Comment));
        assert_eq!(at("g"), Some(Class::Code));
        assert_eq!(at("Get"), Some(Class::Code));
    }

    #[test]
    fn repairs_keep_offsets_and_let_the_rest_parse() {
        let text = "Set-X -Url <TARGETCrossTenantHostUrl>\nGet-Y -Url https://<TenantName>-admin.sharepoint.com\n";
        let file = Rc::new(SourceFile::new(None, text.to_string()));
        let p = parse(&file);
        assert!(!p.errors.is_empty(), "the original does not parse");
        assert_eq!(p.trees.len(), 1, "the repaired text parses");
        assert_eq!(p.trees[0].file.text.len(), text.len());
        assert_eq!(p.findings.len(), 2);
    }

    #[test]
    fn unparsable_statements_are_cut_out() {
        let text = "Get-A\nif ($x) {\n  Get-B\nGet-C\n";
        let file = Rc::new(SourceFile::new(None, text.to_string()));
        let p = parse(&file);
        assert_eq!(p.trees.len(), 1, "Get-A parses on its own");
        assert_eq!(p.unparsed.len(), 1);
        assert_eq!(&text[p.unparsed[0].start as usize..], "if ($x) {\n  Get-B\nGet-C\n");
    }
}
