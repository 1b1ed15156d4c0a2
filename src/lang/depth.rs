//! A single linear pass over the source before pest sees it. It does two jobs:
//! * caps bracket nesting so that no input can overflow the recursive-descent parser's stack;
//! * when pest fails, finds what pwsh would complain about first: an unclosed `{`, `(`, `[`,
//!   or an unterminated string, with the position pwsh reports.

/// Deepest nesting of `(`, `{`, `[`, `@(`, `$(`, `@{` and strings-within-subexpressions accepted.
pub const MAX_NESTING: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    Paren,
    Brace,
    Bracket,
    SubExpr,
    ArraySub,
    Hash,
    /// `"…"` (inside `$( )` strings nest)
    DqString,
    SqString,
    HereDq,
    HereSq,
}

#[derive(Debug, Clone, Copy)]
pub struct Unclosed {
    pub opener: Opener,
    pub offset: usize,
}

#[derive(Debug, Default)]
pub struct ScanResult {
    pub max_depth: usize,
    /// Offset where MAX_NESTING was exceeded.
    pub too_deep_at: Option<usize>,
    /// Innermost-first list of openers never closed (outermost is last).
    pub unclosed: Vec<Unclosed>,
    /// A closer with no opener (`}` at top level).
    pub stray_closer: Option<(char, usize)>,
}

fn is_dq(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}
fn is_sq(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

pub fn scan(src: &str) -> ScanResult {
    let mut res = ScanResult::default();
    let mut stack: Vec<Unclosed> = Vec::new();
    let chars: Vec<(usize, char)> = src.char_indices().collect();
    let n = chars.len();
    let mut i = 0;
    let at_line_start = |i: usize| -> bool { i == 0 || matches!(chars[i - 1].1, '\n' | '\r') };
    let mut prev_is_token_start = true;
    while i < n {
        let (off, c) = chars[i];
        let top = stack.last().map(|u| u.opener);
        match top {
            Some(Opener::SqString) => {
                if is_sq(c) {
                    if i + 1 < n && is_sq(chars[i + 1].1) {
                        i += 2;
                        continue;
                    }
                    stack.pop();
                }
                i += 1;
                continue;
            }
            Some(Opener::HereSq) => {
                if at_line_start(i) && is_sq(c) && i + 1 < n && chars[i + 1].1 == '@' {
                    stack.pop();
                    i += 2;
                    continue;
                }
                i += 1;
                continue;
            }
            Some(Opener::DqString) | Some(Opener::HereDq) => {
                let here = top == Some(Opener::HereDq);
                if c == '`' {
                    i += 2;
                    continue;
                }
                if c == '$' && i + 1 < n && chars[i + 1].1 == '(' {
                    push(&mut stack, &mut res, Opener::SubExpr, off);
                    i += 2;
                    continue;
                }
                if here {
                    if at_line_start(i) && is_dq(c) && i + 1 < n && chars[i + 1].1 == '@' {
                        stack.pop();
                        i += 2;
                        continue;
                    }
                } else if is_dq(c) {
                    if i + 1 < n && is_dq(chars[i + 1].1) {
                        i += 2;
                        continue;
                    }
                    stack.pop();
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        match c {
            '`' => {
                i += 2;
                prev_is_token_start = false;
                continue;
            }
            '#' if prev_is_token_start => {
                while i < n && !matches!(chars[i].1, '\n' | '\r') {
                    i += 1;
                }
                continue;
            }
            '<' if i + 1 < n && chars[i + 1].1 == '#' => {
                i += 2;
                while i < n && !(chars[i].1 == '#' && i + 1 < n && chars[i + 1].1 == '>') {
                    i += 1;
                }
                i += 2;
                continue;
            }
            '@' if i + 1 < n && (is_dq(chars[i + 1].1) || is_sq(chars[i + 1].1)) => {
                // A here-string only when the quote is followed by the end of the line.
                let mut j = i + 2;
                while j < n && matches!(chars[j].1, ' ' | '\t') {
                    j += 1;
                }
                if j >= n || matches!(chars[j].1, '\n' | '\r') {
                    let kind = if is_dq(chars[i + 1].1) { Opener::HereDq } else { Opener::HereSq };
                    push(&mut stack, &mut res, kind, off);
                    i = j;
                    continue;
                }
                i += 1;
                continue;
            }
            '@' if i + 1 < n && chars[i + 1].1 == '(' => {
                push(&mut stack, &mut res, Opener::ArraySub, off);
                i += 2;
                prev_is_token_start = true;
                continue;
            }
            '@' if i + 1 < n && chars[i + 1].1 == '{' => {
                push(&mut stack, &mut res, Opener::Hash, off);
                i += 2;
                prev_is_token_start = true;
                continue;
            }
            '$' if i + 1 < n && chars[i + 1].1 == '(' => {
                push(&mut stack, &mut res, Opener::SubExpr, off);
                i += 2;
                prev_is_token_start = true;
                continue;
            }
            '$' if i + 1 < n && chars[i + 1].1 == '{' => {
                // ${braced variable}
                i += 2;
                while i < n && chars[i].1 != '}' {
                    if chars[i].1 == '`' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                prev_is_token_start = false;
                continue;
            }
            '(' => push(&mut stack, &mut res, Opener::Paren, off),
            '{' => push(&mut stack, &mut res, Opener::Brace, off),
            '[' => push(&mut stack, &mut res, Opener::Bracket, off),
            ')' | '}' | ']' => {
                let want: &[Opener] = match c {
                    ')' => &[Opener::Paren, Opener::SubExpr, Opener::ArraySub],
                    '}' => &[Opener::Brace, Opener::Hash],
                    _ => &[Opener::Bracket],
                };
                if let Some(pos) = stack.iter().rposition(|u| want.contains(&u.opener)) {
                    // Mismatched closers inside (e.g. `( ]`) are pest's problem; keep the outer
                    // structure so the unclosed report stays meaningful.
                    if pos == stack.len() - 1 {
                        stack.pop();
                    } else if c != ']' {
                        stack.truncate(pos);
                    }
                } else if res.stray_closer.is_none() && c != ']' {
                    res.stray_closer = Some((c, off));
                }
            }
            c if is_dq(c) => push(&mut stack, &mut res, Opener::DqString, off),
            c if is_sq(c) => push(&mut stack, &mut res, Opener::SqString, off),
            _ => {}
        }
        prev_is_token_start = c.is_whitespace() || matches!(c, ';' | '(' | ')' | '{' | '}' | '|' | '&' | ',' | '=');
        i += 1;
    }
    stack.reverse();
    res.unclosed = stack;
    res
}

fn push(stack: &mut Vec<Unclosed>, res: &mut ScanResult, opener: Opener, offset: usize) {
    stack.push(Unclosed { opener, offset });
    if stack.len() > res.max_depth {
        res.max_depth = stack.len();
        if res.max_depth > MAX_NESTING && res.too_deep_at.is_none() {
            res.too_deep_at = Some(offset);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_unclosed_if_block_of_seed_004() {
        let src = "If ($null -eq $x)\n{\n    New-Thing -A $b$c=Get-Thing\n$y = $c | ?{$_.D -like $e\n}\n";
        let r = scan(src);
        assert_eq!(r.unclosed.len(), 1);
        assert_eq!(r.unclosed[0].opener, Opener::Brace);
        assert_eq!(r.unclosed[0].offset, src.find('{').unwrap());
    }

    #[test]
    fn strings_and_comments_do_not_count() {
        let r = scan("'(' ; \"{$(1)\" # (\n<# { #> @'\n(\n'@\n");
        assert!(r.unclosed.is_empty(), "{:?}", r.unclosed);
    }

    #[test]
    fn depth_is_capped() {
        let src = "(".repeat(MAX_NESTING + 5);
        assert!(scan(&src).too_deep_at.is_some());
    }
}
