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
    /// A `<#` with no `#>`.
    pub unterminated_comment: Option<usize>,
}

/// A quote at byte `i`: Some((is_double, byte_len)). ASCII quotes and the Unicode quotes pwsh
/// accepts (U+2018–U+201B single, U+201C–U+201E double, all encoded E2 80 98..9E).
fn quote_at(b: &[u8], i: usize) -> Option<(bool, usize)> {
    match b.get(i)? {
        b'"' => Some((true, 1)),
        b'\'' => Some((false, 1)),
        0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2)? {
            0x98..=0x9B => Some((false, 3)),
            0x9C..=0x9E => Some((true, 3)),
            _ => None,
        },
        _ => None,
    }
}

fn is_quote(b: &[u8], i: usize, double: bool) -> Option<usize> {
    quote_at(b, i).filter(|(d, _)| *d == double).map(|(_, l)| l)
}

/// Length in bytes of the UTF-8 sequence starting with `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

pub fn scan(src: &str) -> ScanResult {
    let mut res = ScanResult::default();
    let mut stack: Vec<Unclosed> = Vec::new();
    let b = src.as_bytes();
    let n = b.len();
    let mut i = 0;
    let at_line_start = |i: usize| -> bool { i == 0 || matches!(b[i - 1], b'\n' | b'\r') };
    let mut prev_is_token_start = true;
    while i < n {
        let c = b[i];
        let top = stack.last().map(|u| u.opener);
        match top {
            Some(Opener::SqString) => {
                if let Some(l) = is_quote(b, i, false) {
                    if let Some(l2) = is_quote(b, i + l, false) {
                        i += l + l2;
                        continue;
                    }
                    stack.pop();
                    i += l;
                    continue;
                }
                i += 1;
                continue;
            }
            Some(Opener::HereSq) => {
                if at_line_start(i) {
                    if let Some(l) = is_quote(b, i, false) {
                        if b.get(i + l) == Some(&b'@') {
                            stack.pop();
                            i += l + 1;
                            continue;
                        }
                    }
                }
                i += 1;
                continue;
            }
            Some(Opener::DqString) | Some(Opener::HereDq) => {
                let here = top == Some(Opener::HereDq);
                if c == b'`' {
                    i += 1 + b.get(i + 1).map(|x| utf8_len(*x)).unwrap_or(0);
                    continue;
                }
                if c == b'$' && b.get(i + 1) == Some(&b'(') {
                    push(&mut stack, &mut res, Opener::SubExpr, i);
                    i += 2;
                    continue;
                }
                if let Some(l) = is_quote(b, i, true) {
                    if here {
                        if at_line_start(i) && b.get(i + l) == Some(&b'@') {
                            stack.pop();
                            i += l + 1;
                            continue;
                        }
                    } else {
                        if let Some(l2) = is_quote(b, i + l, true) {
                            i += l + l2;
                            continue;
                        }
                        stack.pop();
                    }
                    i += l;
                    continue;
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        match c {
            b'`' => {
                i += 1 + b.get(i + 1).map(|x| utf8_len(*x)).unwrap_or(0);
                prev_is_token_start = false;
                continue;
            }
            b'#' if prev_is_token_start => {
                while i < n && !matches!(b[i], b'\n' | b'\r') {
                    i += 1;
                }
                continue;
            }
            b'<' if b.get(i + 1) == Some(&b'#') => {
                let start = i;
                i += 2;
                while i < n && !(b[i] == b'#' && b.get(i + 1) == Some(&b'>')) {
                    i += 1;
                }
                if i >= n && res.unterminated_comment.is_none() {
                    res.unterminated_comment = Some(start);
                }
                i += 2;
                continue;
            }
            b'@' if quote_at(b, i + 1).is_some() => {
                // A here-string only when the quote is followed by the end of the line.
                let (double, l) = quote_at(b, i + 1).unwrap_or((true, 1));
                let mut j = i + 1 + l;
                while j < n && matches!(b[j], b' ' | b'\t') {
                    j += 1;
                }
                if j >= n || matches!(b[j], b'\n' | b'\r') {
                    push(&mut stack, &mut res, if double { Opener::HereDq } else { Opener::HereSq }, i);
                    i = j;
                    continue;
                }
                i += 1;
                continue;
            }
            b'@' if b.get(i + 1) == Some(&b'(') => {
                push(&mut stack, &mut res, Opener::ArraySub, i);
                i += 2;
                prev_is_token_start = true;
                continue;
            }
            b'@' if b.get(i + 1) == Some(&b'{') => {
                push(&mut stack, &mut res, Opener::Hash, i);
                i += 2;
                prev_is_token_start = true;
                continue;
            }
            b'$' if b.get(i + 1) == Some(&b'(') => {
                push(&mut stack, &mut res, Opener::SubExpr, i);
                i += 2;
                prev_is_token_start = true;
                continue;
            }
            b'$' if b.get(i + 1) == Some(&b'{') => {
                // ${braced variable}
                i += 2;
                while i < n && b[i] != b'}' {
                    if b[i] == b'`' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                prev_is_token_start = false;
                continue;
            }
            b'(' => push(&mut stack, &mut res, Opener::Paren, i),
            b'{' => push(&mut stack, &mut res, Opener::Brace, i),
            b'[' => push(&mut stack, &mut res, Opener::Bracket, i),
            b')' | b'}' | b']' => {
                let want: &[Opener] = match c {
                    b')' => &[Opener::Paren, Opener::SubExpr, Opener::ArraySub],
                    b'}' => &[Opener::Brace, Opener::Hash],
                    _ => &[Opener::Bracket],
                };
                if let Some(pos) = stack.iter().rposition(|u| want.contains(&u.opener)) {
                    // Mismatched closers inside (e.g. `( ]`) are the parser's problem; keep the
                    // outer structure so the unclosed report stays meaningful.
                    if pos == stack.len() - 1 {
                        stack.pop();
                    } else if c != b']' {
                        stack.truncate(pos);
                    }
                } else if res.stray_closer.is_none() && c != b']' {
                    res.stray_closer = Some((c as char, i));
                }
            }
            _ => {
                if let Some((double, l)) = quote_at(b, i) {
                    push(&mut stack, &mut res, if double { Opener::DqString } else { Opener::SqString }, i);
                    i += l;
                    prev_is_token_start = false;
                    continue;
                }
            }
        }
        prev_is_token_start = matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b';' | b'(' | b')' | b'{' | b'}' | b'|' | b'&' | b',' | b'=')
            || (c >= 0x80 && src.get(i..).and_then(|t| t.chars().next()).is_some_and(|ch| ch.is_whitespace()));
        i += if c >= 0x80 { utf8_len(c) } else { 1 };
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
