//! When the grammar fails, find the error pwsh would report first: its message, error id and
//! position. pest tells us how far it got and which rules it expected there; the depth scan
//! (lang/depth.rs) knows which brackets, strings and comments are unclosed; the rest re-enacts
//! pwsh's error reporting for the common cases. Each case names the Parser.cs / tokenizer.cs
//! routine whose `ReportError` / `ReportIncompleteInput` it mirrors, with pwsh's extent:
//! `After(x)` is an empty extent right after token x, a token extent covers the token.

use std::rc::Rc;

use super::Rule;
use crate::engine::messages as m;
use crate::lang::ParseError;
use crate::lang::ast::Span;
use crate::lang::depth::{Opener, ScanResult, Unclosed};
use crate::lang::source::SourceFile;

fn err(message: impl Into<String>, id: &'static str, start: usize, end: usize) -> ParseError {
    ParseError { message: message.into(), id, span: Span::new(start, end.max(start)) }
}

/// pwsh's ForceStartNewToken (plus the end of a line).
fn ends_token(c: char) -> bool {
    c.is_whitespace() || "(){};,|&".contains(c)
}

fn is_dq(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

fn is_sq(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

/// The text of the token starting at `pos`, roughly as pwsh's tokenizer would cut it.
fn token_at(text: &str, pos: usize) -> String {
    let rest = text.get(pos.min(text.len())..).unwrap_or("");
    let mut chars = rest.chars();
    let Some(first) = chars.next() else { return String::new() };
    if is_dq(first) || is_sq(first) {
        let quote_len = first.len_utf8();
        if let Some(end) = rest[quote_len..].find(|c: char| if is_dq(first) { is_dq(c) } else { is_sq(c) }) {
            let close = rest[quote_len + end..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
            return rest[..quote_len + end + close].to_string();
        }
    }
    if "(){},;|&".contains(first) {
        if (first == '&' || first == '|') && rest[1..].starts_with(first) {
            return rest[..2].to_string();
        }
        return first.to_string();
    }
    rest.chars().take_while(|c| !ends_token(*c)).collect()
}

/// Offset just after the last non-blank character before `pos` (skipping newlines too).
fn prev_end(text: &str, pos: usize) -> usize {
    text[..pos.min(text.len())].trim_end().len()
}

/// The word (letters, digits, '_', '-') ending at `end`.
fn word_before(text: &str, end: usize) -> (usize, &str) {
    let before = &text[..end];
    let start = before.char_indices().rev().take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '-').last().map(|(i, _)| i).unwrap_or(end);
    (start, &text[start..end])
}

pub fn diagnose(file: &Rc<SourceFile>, e: &pest::error::Error<Rule>, scan: &ScanResult) -> ParseError {
    let text = file.text.as_str();
    let pos = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    }
    .min(text.len());
    let (positives, custom) = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => (positives.clone(), None),
        pest::error::ErrorVariant::CustomError { message } => (Vec::new(), Some(message.clone())),
    };

    if let Some(d) = unterminated_token(text, scan) {
        return d;
    }
    let innermost = scan.unclosed.iter().find(|u| !matches!(u.opener, Opener::Bracket)).or_else(|| scan.unclosed.first());
    if custom.is_some() {
        // The call limit or pest's own stack guard: the input is pathological.
        if let Some(u) = innermost {
            return unclosed(text, u);
        }
        return err(m::PARSE_SCRIPT_TOO_COMPLICATED, "ScriptTooComplicated", pos, pos);
    }
    // A statement keyword whose statement is malformed before its body.
    if let Some(e) = keyword_statement_error(text, pos) {
        return e;
    }
    let specific = expected_here(text, pos, &positives);
    if let Some(u) = innermost {
        // pwsh reports what it finds inside an unclosed construct before the missing closer.
        if let Some(e) = specific.filter(|e| e.span.start as usize > u.offset) {
            return e;
        }
        return unclosed(text, u);
    }
    if let Some((c, off)) = scan.stray_closer {
        if off <= pos + 1 {
            // CompleteScriptBlockBody / PipelineRule: a closer with nothing to close.
            return err(m::render(m::PARSE_UNEXPECTED_TOKEN, &[&c.to_string()]), "UnexpectedToken", off, off + 1);
        }
    }
    if let Some(e) = specific {
        return e;
    }
    let tok = token_at(text, pos);
    if text[pos..].trim().is_empty() {
        return err(m::render(m::PARSE_UNEXPECTED_TOKEN, &[""]), "UnexpectedToken", pos, pos);
    }
    // PipelineRule / CompleteScriptBlockBody: anything else is an unexpected token.
    let len = tok.len().max(1);
    err(m::render(m::PARSE_UNEXPECTED_TOKEN, &[&tok]), "UnexpectedToken", pos, pos + len)
}

// ───────────────────────────── keyword statements ─────────────────────────────

/// Skip spaces, tabs, comments and backtick-newlines (and newlines when `newlines`).
fn skip(text: &str, mut i: usize, newlines: bool) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | 0x0B | 0x0C => i += 1,
            b'\n' | b'\r' if newlines => i += 1,
            b'`' if matches!(b.get(i + 1), Some(b'\n' | b'\r' | b' ' | b'\t')) => i += 2,
            b'#' => {
                while i < b.len() && !matches!(b[i], b'\n' | b'\r') {
                    i += 1;
                }
            }
            b'<' if b.get(i + 1) == Some(&b'#') => match text[i + 2..].find("#>") {
                Some(e) => i += 2 + e + 2,
                None => return b.len(),
            },
            0xC2 if b.get(i + 1) == Some(&0xA0) => i += 2,
            _ => break,
        }
    }
    i
}

fn skip_seps(text: &str, mut i: usize) -> usize {
    loop {
        let j = skip(text, i, true);
        if text[j..].starts_with(';') {
            i = j + 1;
        } else {
            return j;
        }
    }
}

/// The offset of the bracket closing the one at `open` (string- and comment-aware), if any.
fn closing(text: &str, open: usize) -> Option<usize> {
    let scan = crate::lang::depth::scan(&text[open..]);
    if !scan.unclosed.iter().any(|u| u.offset == 0) {
        // Find where the first bracket closes: scan growing prefixes would be quadratic, so
        // walk with a small stack instead.
        return close_of(text, open);
    }
    None
}

fn close_of(text: &str, open: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut stack: Vec<u8> = Vec::new();
    let mut i = open;
    while i < b.len() {
        let c = b[i];
        match c {
            b'(' | b'{' | b'[' => stack.push(c),
            b')' | b'}' | b']' => {
                let want = match c {
                    b')' => b'(',
                    b'}' => b'{',
                    _ => b'[',
                };
                while let Some(top) = stack.pop() {
                    if top == want {
                        break;
                    }
                }
                if stack.is_empty() {
                    return Some(i);
                }
            }
            b'\'' => {
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    i += 1;
                }
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'`' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'`' => i += 1,
            b'#' if i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r' | b';' | b'{' | b'}' | b'(' | b')') => {
                while i < b.len() && !matches!(b[i], b'\n' | b'\r') {
                    i += 1;
                }
            }
            b'<' if b.get(i + 1) == Some(&b'#') => match text[i + 2..].find("#>") {
                Some(e) => i += 2 + e + 1,
                None => return None,
            },
            _ => {}
        }
        i += 1;
    }
    None
}

/// The identifier at `i` (letters, digits, '_'), lowercased, and where it ends.
fn word_at(text: &str, i: usize) -> (String, usize) {
    let end = text[i..].char_indices().find(|(_, c)| !(c.is_alphanumeric() || *c == '_')).map(|(j, _)| i + j).unwrap_or(text.len());
    (text[i..end].to_ascii_lowercase(), end)
}

fn ends_keyword(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_none_or(ends_token)
}

/// The start of the last statement keyword before `pos` that begins a statement (after the
/// start of the text, a newline, ';', '{', '}', '=' or a label).
fn last_statement_keyword(text: &str, pos: usize) -> Option<(usize, String)> {
    const KEYWORDS: [&str; 11] = ["if", "while", "for", "foreach", "switch", "do", "try", "trap", "function", "filter", "workflow"];
    let b = text.as_bytes();
    let mut i = pos.min(text.len());
    while i > 0 {
        i -= 1;
        if !b[i].is_ascii_alphabetic() || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] == b'-' || b[i - 1] == b'$')) {
            continue;
        }
        let (w, end) = word_at(text, i);
        if !KEYWORDS.contains(&w.as_str()) || !ends_keyword(text, end) {
            continue;
        }
        let before = text[..i].trim_end_matches([' ', '\t']);
        let prev = before.chars().last();
        let label = before.rsplit(|c: char| c.is_whitespace()).next().is_some_and(|t| t.starts_with(':') && t.len() > 1);
        if prev.is_none_or(|c| matches!(c, '\n' | '\r' | ';' | '{' | '}' | '=')) || label {
            return Some((i, w));
        }
    }
    None
}

/// Re-enact pwsh's rule for the keyword statement around `pos` up to the start of its body,
/// reporting what pwsh reports when the statement is malformed there (IfStatementRule,
/// WhileStatementRule, ForStatementRule, ForeachStatementRule, SwitchStatementRule,
/// DoWhileStatementRule, TryStatementRule, CatchBlockRule, TrapStatementRule,
/// FunctionDeclarationRule).
fn keyword_statement_error(text: &str, pos: usize) -> Option<ParseError> {
    let (start, kw) = last_statement_keyword(text, pos)?;
    let kw_end = start + kw.len();
    let kw_text = &text[start..kw_end];
    let eof = text.len();
    let after = |i: usize| skip(text, i, true);
    let block_from = |i: usize| -> Result<usize, ()> {
        let j = after(i);
        if text[j..].starts_with('{') { closing(text, j).map(|c| c + 1).ok_or(()) } else { Err(()) }
    };
    match kw.as_str() {
        "if" | "while" => {
            let mut kw_start = start;
            let mut kw_here = kw_text.to_string();
            let mut i = kw_end;
            loop {
                let j = after(i);
                if !text[j..].starts_with('(') {
                    return Some(if kw == "if" {
                        err(
                            m::render(m::PARSE_MISSING_OPEN_PAREN_IN_IF, &[&kw_here]),
                            "MissingOpenParenthesisInIfStatement",
                            kw_start + kw_here.len(),
                            kw_start + kw_here.len(),
                        )
                    } else {
                        err(m::render(m::PARSE_MISSING_OPEN_PAREN_AFTER_KEYWORD, &[&kw_here]), "MissingOpenParenthesisAfterKeyword", kw_end, kw_end)
                    });
                }
                let Some(close) = closing(text, j) else {
                    let inner = text[j + 1..].trim();
                    if inner.is_empty() {
                        return Some(if kw == "if" {
                            err(m::render(m::PARSE_IF_STATEMENT_MISSING_CONDITION, &[&kw_here]), "IfStatementMissingCondition", j + 1, j + 1)
                        } else {
                            err(m::render(m::PARSE_MISSING_EXPRESSION_AFTER_KEYWORD, &[&kw]), "MissingExpressionAfterKeyword", j + 1, j + 1)
                        });
                    }
                    return None;
                };
                if text[j + 1..close].trim().is_empty() {
                    return Some(if kw == "if" {
                        err(m::render(m::PARSE_IF_STATEMENT_MISSING_CONDITION, &[&kw_here]), "IfStatementMissingCondition", j + 1, j + 1)
                    } else {
                        err(m::render(m::PARSE_MISSING_EXPRESSION_AFTER_KEYWORD, &[&kw]), "MissingExpressionAfterKeyword", j + 1, j + 1)
                    });
                }
                let Ok(body_end) = block_from(close + 1) else {
                    if text[after(close + 1)..].starts_with('{') {
                        return None; // an unclosed body: reported as such
                    }
                    return Some(if kw == "if" {
                        err(m::render(m::PARSE_MISSING_STATEMENT_BLOCK, &[&kw_here]), "MissingStatementBlock", close, close + 1)
                    } else {
                        err(m::render(m::PARSE_MISSING_LOOP_STATEMENT, &[&kw]), "MissingLoopStatement", close + 1, close + 1)
                    });
                };
                if kw != "if" || body_end > pos {
                    return None;
                }
                let k = after(body_end);
                let (w, wend) = word_at(text, k);
                if w == "elseif" && ends_keyword(text, wend) {
                    kw_start = k;
                    kw_here = text[k..wend].to_string();
                    i = wend;
                    continue;
                }
                if w == "else" && ends_keyword(text, wend) {
                    if block_from(wend).is_err() && !text[after(wend)..].starts_with('{') {
                        return Some(err(m::PARSE_MISSING_STATEMENT_BLOCK_AFTER_ELSE, "MissingStatementBlockAfterElse", wend, wend));
                    }
                }
                return None;
            }
        }
        "for" => {
            let j = after(kw_end);
            if !text[j..].starts_with('(') {
                return Some(err(m::render(m::PARSE_MISSING_OPEN_PAREN_AFTER_KEYWORD, &["for"]), "MissingOpenParenthesisAfterKeyword", kw_end, kw_end));
            }
            match closing(text, j) {
                None => {
                    let e = prev_end(text, eof).max(j + 1);
                    Some(err(m::render(m::PARSE_MISSING_END_PAREN_AFTER_STATEMENT, &["for"]), "MissingEndParenthesisAfterStatement", e, e))
                }
                Some(close) => match block_from(close + 1) {
                    Err(()) if !text[after(close + 1)..].starts_with('{') => {
                        Some(err(m::render(m::PARSE_MISSING_LOOP_STATEMENT, &["for"]), "MissingLoopStatement", close + 1, close + 1))
                    }
                    _ => None,
                },
            }
        }
        "foreach" => {
            let mut j = after(kw_end);
            // -parallel / -throttlelimit flags
            while text[j..].starts_with(['-', '\u{2013}', '\u{2014}', '\u{2015}']) {
                let e = j + text[j..].find(|c: char| c.is_whitespace() || c == '(').unwrap_or(text.len() - j);
                j = after(e);
            }
            if !text[j..].starts_with('(') {
                return Some(err(m::render(m::PARSE_MISSING_OPEN_PAREN_AFTER_KEYWORD, &["foreach"]), "MissingOpenParenthesisAfterKeyword", kw_end, kw_end));
            }
            let v = after(j + 1);
            if !text[v..].starts_with(['$', '@']) || crate::lang::build::variable_len(&text[v..]).is_none() {
                return Some(err(m::PARSE_MISSING_VARIABLE_NAME_AFTER_FOREACH, "MissingVariableNameAfterForeach", j + 1, j + 1));
            }
            let vend = v + crate::lang::build::variable_len(&text[v..]).unwrap_or(1);
            let k = after(vend);
            let (w, wend) = word_at(text, k);
            if w != "in" || !ends_keyword(text, wend) {
                return Some(err(m::PARSE_MISSING_IN_IN_FOREACH, "MissingInInForeach", vend, vend));
            }
            let p = after(wend);
            if p >= eof || text[p..].starts_with(')') {
                return Some(err(m::PARSE_MISSING_FOREACH_EXPRESSION, "MissingForeachExpression", wend, wend));
            }
            match closing(text, j) {
                None => {
                    let e = prev_end(text, eof);
                    Some(err(m::PARSE_MISSING_END_PAREN_AFTER_FOREACH, "MissingEndParenthesisAfterForeach", e, e))
                }
                Some(close) => match block_from(close + 1) {
                    Err(()) if !text[after(close + 1)..].starts_with('{') => {
                        Some(err(m::PARSE_MISSING_FOREACH_STATEMENT, "MissingForeachStatement", close + 1, close + 1))
                    }
                    _ => None,
                },
            }
        }
        "switch" => {
            let mut j = after(kw_end);
            let mut last = kw_end;
            let mut file = false;
            while text[j..].starts_with(['-', '\u{2013}', '\u{2014}', '\u{2015}']) {
                let e = j + text[j..].find(|c: char| ends_token(c)).unwrap_or(text.len() - j);
                let flag = text[j..e].trim_start_matches(['-', '\u{2013}', '\u{2014}', '\u{2015}']).to_ascii_lowercase();
                let known = ["regex", "wildcard", "exact", "casesensitive", "parallel", "file"];
                match known.iter().find(|k| !flag.is_empty() && k.starts_with(flag.as_str())) {
                    None => return Some(err(m::render(m::PARSE_INVALID_SWITCH_FLAG, &[&text[j + 1..e]]), "InvalidSwitchFlag", j, e)),
                    Some(&"file") => {
                        file = true;
                        let f = after(e);
                        if f >= eof || text[f..].starts_with(['{', '(']) {
                            return Some(err(m::PARSE_MISSING_FILENAME_OPTION, "MissingFilenameOption", e, e));
                        }
                        let fe = f + token_at(text, f).len().max(1);
                        last = fe;
                        j = after(fe);
                        continue;
                    }
                    Some(_) => {}
                }
                last = e;
                j = after(e);
            }
            let cond_end;
            if text[j..].starts_with('(') {
                if file {
                    return Some(err(m::PARSE_PIPELINE_VALUE_REQUIRED, "PipelineValueRequired", j, j + 1));
                }
                match closing(text, j) {
                    None => {
                        if text[j + 1..].trim().is_empty() {
                            return Some(err(m::PARSE_PIPELINE_VALUE_REQUIRED, "PipelineValueRequired", j + 1, j + 1));
                        }
                        let e = prev_end(text, eof);
                        return Some(err(m::PARSE_MISSING_END_PAREN_IN_SWITCH, "MissingEndParenthesisInSwitchStatement", e, e));
                    }
                    Some(close) => {
                        if text[j + 1..close].trim().is_empty() {
                            return Some(err(m::PARSE_PIPELINE_VALUE_REQUIRED, "PipelineValueRequired", j + 1, j + 1));
                        }
                        cond_end = close + 1;
                    }
                }
            } else if file {
                cond_end = last;
            } else {
                return Some(err(m::PARSE_PIPELINE_VALUE_REQUIRED, "PipelineValueRequired", last, last));
            }
            let b = after(cond_end);
            if !text[b..].starts_with('{') {
                return Some(err(m::PARSE_MISSING_CURLY_BRACE_IN_SWITCH, "MissingCurlyBraceInSwitchStatement", cond_end, cond_end));
            }
            // Clauses: a condition (one argument token, or a script block), then a block.
            let body_close = closing(text, b);
            let mut last = b + 1;
            let mut c = skip_seps(text, b + 1);
            loop {
                if c >= eof || body_close == Some(c) {
                    if last == b + 1 {
                        return Some(err(m::PARSE_MISSING_SWITCH_CONDITION_EXPRESSION, "MissingSwitchConditionExpression", b + 1, b + 1));
                    }
                    return None;
                }
                let cond_end = if text[c..].starts_with(['{', '(']) { closing(text, c)? + 1 } else { c + token_at(text, c).len().max(1) };
                let k = after(cond_end);
                if !text[k..].starts_with('{') {
                    return Some(err(m::PARSE_MISSING_SWITCH_STATEMENT_CLAUSE, "MissingSwitchStatementClause", cond_end, cond_end));
                }
                let kc = closing(text, k)?;
                last = kc + 1;
                c = skip_seps(text, kc + 1);
            }
        }
        "do" => {
            let j = after(kw_end);
            if !text[j..].starts_with('{') {
                return Some(err(m::render(m::PARSE_MISSING_LOOP_STATEMENT, &["do"]), "MissingLoopStatement", kw_end, kw_end));
            }
            let close = closing(text, j)?;
            let k = after(close + 1);
            let (w, wend) = word_at(text, k);
            if (w != "while" && w != "until") || !ends_keyword(text, wend) {
                return Some(err(m::PARSE_MISSING_WHILE_OR_UNTIL_IN_DO, "MissingWhileOrUntilInDoWhile", close + 1, close + 1));
            }
            let p = after(wend);
            if !text[p..].starts_with('(') {
                return Some(err(m::render(m::PARSE_MISSING_OPEN_PAREN_AFTER_KEYWORD, &[&w]), "MissingOpenParenthesisAfterKeyword", wend, wend));
            }
            match closing(text, p) {
                None if text[p + 1..].trim().is_empty() => {
                    Some(err(m::render(m::PARSE_MISSING_EXPRESSION_AFTER_KEYWORD, &[&w]), "MissingExpressionAfterKeyword", p + 1, p + 1))
                }
                None => {
                    let e = prev_end(text, eof);
                    Some(err(m::render(m::PARSE_MISSING_END_PAREN_AFTER_STATEMENT, &[&w]), "MissingEndParenthesisAfterStatement", e, e))
                }
                Some(_) => None,
            }
        }
        "try" => {
            let j = after(kw_end);
            if !text[j..].starts_with('{') {
                return Some(err(m::PARSE_MISSING_TRY_STATEMENT_BLOCK, "MissingTryStatementBlock", kw_end, kw_end));
            }
            let mut end = closing(text, j)? + 1;
            loop {
                let k = after(end);
                let (w, wend) = word_at(text, k);
                if w == "catch" && ends_keyword(text, wend) {
                    // catch [T1], [T2] { … }
                    let mut t = after(wend);
                    let mut last = wend;
                    while text[t..].starts_with('[') {
                        let tc = close_of(text, t)?;
                        last = tc + 1;
                        t = after(tc + 1);
                        if text[t..].starts_with(',') {
                            last = t + 1;
                            t = after(t + 1);
                            if !text[t..].starts_with('[') {
                                return Some(err(m::PARSE_MISSING_TYPE_LITERAL_TOKEN, "MissingTypeLiteralToken", last, last));
                            }
                        }
                    }
                    if !text[t..].starts_with('{') {
                        return Some(err(m::PARSE_MISSING_CATCH_HANDLER_BLOCK, "MissingCatchHandlerBlock", last, last));
                    }
                    end = closing(text, t)? + 1;
                    continue;
                }
                if w == "finally" && ends_keyword(text, wend) {
                    if !text[after(wend)..].starts_with('{') {
                        return Some(err(m::PARSE_MISSING_FINALLY_STATEMENT_BLOCK, "MissingFinallyStatementBlock", wend, wend));
                    }
                }
                return None;
            }
        }
        "trap" => {
            let mut j = after(kw_end);
            let mut last = kw_end;
            if text[j..].starts_with('[') {
                if let Some(tc) = close_of(text, j) {
                    last = tc + 1;
                    j = after(tc + 1);
                }
            }
            if !text[j..].starts_with('{') {
                return Some(err(m::PARSE_MISSING_TRAP_STATEMENT, "MissingTrapStatement", last, last));
            }
            None
        }
        "function" | "filter" | "workflow" => {
            let j = after(kw_end);
            let name = token_at(text, j);
            if name.is_empty() || name.starts_with(['(', '{', ')', '}', ';', '|', '&', '$', '"', '\'', '@']) {
                return Some(err(m::render(m::PARSE_MISSING_NAME_AFTER_KEYWORD, &[kw_text]), "MissingNameAfterKeyword", kw_end, kw_end));
            }
            let mut last = j + name.len();
            let mut k = after(last);
            if text[k..].starts_with('(') {
                match closing(text, k) {
                    None => {
                        let e = prev_end(text, eof).max(k + 1);
                        return Some(err(m::PARSE_MISSING_END_PAREN_IN_FUNCTION_PARAMETER_LIST, "MissingEndParenthesisInFunctionParameterList", e, e));
                    }
                    Some(c) => {
                        last = c + 1;
                        k = after(c + 1);
                    }
                }
            }
            if !text[k..].starts_with('{') {
                return Some(err(m::PARSE_MISSING_FUNCTION_BODY, "MissingFunctionBody", last, last));
            }
            None
        }
        _ => None,
    }
}

/// Strings, here-strings and block comments that never end (tokenizer.cs ScanStringLiteral,
/// ScanStringExpandable, ScanHereString*, ScanBlockComment): reported at their start.
fn unterminated_token(text: &str, scan: &ScanResult) -> Option<ParseError> {
    let string = scan.unclosed.iter().rev().find(|u| matches!(u.opener, Opener::DqString | Opener::SqString | Opener::HereDq | Opener::HereSq));
    let comment = scan.unterminated_comment;
    match (string, comment) {
        (Some(u), c) if c.is_none_or(|c| u.offset < c) => {
            let o = u.offset;
            let q =
                |here: &str, plain: &str| -> String { if matches!(u.opener, Opener::HereDq | Opener::HereSq) { here.to_string() } else { plain.to_string() } };
            let term = match u.opener {
                Opener::DqString | Opener::HereDq => q("\"@", "\""),
                _ => q("'@", "'"),
            };
            if matches!(u.opener, Opener::HereDq | Opener::HereSq) {
                // ScanHereString*: a footer indented by whitespace is reported where it is.
                let quote = if u.opener == Opener::HereDq { is_dq } else { is_sq };
                let body = &text[o..];
                let mut line_start = body.find('\n').map(|i| i + 1);
                while let Some(ls) = line_start {
                    let line = &body[ls..];
                    let trimmed = line.trim_start_matches([' ', '\t']);
                    let indent = line.len() - trimmed.len();
                    let mut cs = trimmed.chars();
                    if indent > 0 && cs.next().is_some_and(quote) && cs.next() == Some('@') {
                        let at = o + ls + indent;
                        return Some(err(m::PARSE_WHITESPACE_BEFORE_HERE_STRING_FOOTER, "WhitespaceBeforeHereStringFooter", at, at + 1));
                    }
                    line_start = line.find('\n').map(|i| ls + i + 1);
                }
            }
            Some(err(m::render(m::PARSE_TERMINATOR_EXPECTED_AT_END_OF_STRING, &[&term]), "TerminatorExpectedAtEndOfString", o, o + 1))
        }
        (_, Some(c)) => Some(err(m::PARSE_MISSING_TERMINATOR_MULTILINE_COMMENT, "MissingTerminatorMultiLineComment", c, c + 2)),
        _ => None,
    }
}

/// The innermost unclosed bracket, reported as the pwsh rule that owns it would.
fn unclosed(text: &str, u: &Unclosed) -> ParseError {
    let o = u.offset;
    let eof = text.len();
    match u.opener {
        // StatementBlockRule / CompleteScriptBlockBody: the '{' itself.
        Opener::Brace => err(m::PARSE_MISSING_END_CURLY_BRACE, "MissingEndCurlyBrace", o, o + 1),
        // HashExpressionRule: After('@{').
        Opener::Hash => err(m::PARSE_MISSING_END_CURLY_BRACE, "MissingEndCurlyBrace", o + 2, o + 2),
        // SubExpressionRule: at the token found instead of ')', here the end of input.
        Opener::SubExpr | Opener::ArraySub => err(m::PARSE_MISSING_END_PAREN_IN_SUBEXPRESSION, "MissingEndParenthesisInSubexpression", eof, eof),
        Opener::Paren => {
            let inner_end = prev_end(text, eof).max(o + 1);
            let empty = text[o + 1..].trim().is_empty();
            let before = prev_end(text, o);
            let (ks, kw) = word_before(text, before);
            let kw_lower = kw.to_ascii_lowercase();
            let prev_char = text[..before].chars().last();
            match kw_lower.as_str() {
                // IfStatementRule: the condition is missing, or ')' is (at the next token: EOF).
                "if" | "elseif" if ks + kw.len() == before => {
                    if empty {
                        err(m::render(m::PARSE_IF_STATEMENT_MISSING_CONDITION, &[kw]), "IfStatementMissingCondition", o + 1, o + 1)
                    } else {
                        err(m::render(m::PARSE_MISSING_END_PAREN_AFTER_STATEMENT, &[kw]), "MissingEndParenthesisAfterStatement", eof, eof)
                    }
                }
                "while" | "for" if ks + kw.len() == before => {
                    if empty && kw_lower == "while" {
                        err(m::render(m::PARSE_MISSING_EXPRESSION_AFTER_KEYWORD, &[&kw_lower]), "MissingExpressionAfterKeyword", o + 1, o + 1)
                    } else {
                        err(m::render(m::PARSE_MISSING_END_PAREN_AFTER_STATEMENT, &[&kw_lower]), "MissingEndParenthesisAfterStatement", inner_end, inner_end)
                    }
                }
                "switch" if ks + kw.len() == before => {
                    err(m::PARSE_MISSING_END_PAREN_IN_SWITCH, "MissingEndParenthesisInSwitchStatement", inner_end, inner_end)
                }
                "foreach" if ks + kw.len() == before => {
                    err(m::PARSE_MISSING_END_PAREN_AFTER_FOREACH, "MissingEndParenthesisAfterForeach", inner_end, inner_end)
                }
                "param" if ks + kw.len() == before => {
                    err(m::PARSE_MISSING_END_PAREN_IN_FUNCTION_PARAMETER_LIST, "MissingEndParenthesisInFunctionParameterList", inner_end, inner_end)
                }
                _ if before == o && prev_char.is_some_and(|c| c.is_alphanumeric() || c == '_') && text[..ks].ends_with('.')
                    || text[..ks].ends_with("::") && before == o =>
                {
                    // MemberInvokeRule / InvokeParamParenListRule: After(last argument or '(').
                    err(m::PARSE_MISSING_END_PAREN_IN_METHOD_CALL, "MissingEndParenthesisInMethodCall", inner_end, inner_end)
                }
                _ if empty => err(m::PARSE_EXPECTED_EXPRESSION, "ExpectedExpression", o + 1, o + 1),
                // ParenthesizedExpressionRule: After(pipeline).
                _ => err(m::PARSE_MISSING_END_PAREN_IN_EXPRESSION, "MissingEndParenthesisInExpression", inner_end, inner_end),
            }
        }
        Opener::Bracket => {
            let before = text[..o].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | ')' | ']' | '}' | '"' | '\'')) {
                let inner_end = prev_end(text, eof);
                if text[o + 1..].trim().is_empty() {
                    err(m::PARSE_MISSING_ARRAY_INDEX_EXPRESSION, "MissingArrayIndexExpression", o + 1, o + 1)
                } else {
                    err(m::PARSE_MISSING_END_SQUARE_BRACKET, "MissingEndSquareBracket", inner_end, inner_end)
                }
            } else {
                let inner_end = prev_end(text, eof);
                err(m::PARSE_END_SQUARE_BRACKET_EXPECTED_AT_END_OF_ATTRIBUTE, "EndSquareBracketExpectedAtEndOfAttribute", inner_end, inner_end)
            }
        }
        _ => err(m::render(m::PARSE_UNEXPECTED_TOKEN, &[&token_at(text, o)]), "UnexpectedToken", o, o + 1),
    }
}

/// The grammar stopped at `pos` expecting `positives`: a specific pwsh error, if one applies.
fn expected_here(text: &str, pos: usize, positives: &[Rule]) -> Option<ParseError> {
    let has = |r: Rule| positives.contains(&r);
    let tok = token_at(text, pos);
    let at_end = text[pos..].trim().is_empty();
    let pe = prev_end(text, pos);
    let before = &text[..pe];

    // PipelineRule: `|` with nothing after it, or a pipe that starts a statement.
    if before.ends_with('|') && !before.ends_with("||") && (at_end || tok.starts_with('|') || matches!(tok.as_str(), ")" | "}" | ";")) {
        return Some(err(m::PARSE_EMPTY_PIPE_ELEMENT, "EmptyPipeElement", pe, pe));
    }
    if tok == "|" && (pe == 0 || before.ends_with(['\n', ';', '{', '('])) {
        return Some(err(m::PARSE_EMPTY_PIPE_ELEMENT, "EmptyPipeElement", pos, pos + 1));
    }
    if tok == "&&" || tok == "||" {
        if pe == 0 || before.ends_with(['\n', ';', '{', '(']) {
            return Some(err(m::render(m::PARSE_UNEXPECTED_TOKEN, &[&tok]), "UnexpectedToken", pos, pos + 2));
        }
    }
    if before.ends_with("&&") || before.ends_with("||") {
        // PipelineChainRule: EmptyPipelineChainElement after the operator.
        let op = &before[pe - 2..];
        return Some(err(m::render(m::PARSE_EMPTY_PIPELINE_CHAIN_ELEMENT, &[op]), "EmptyPipelineChainElement", pe, pe));
    }

    // Keyword statements missing their block (IfStatementRule, While/For/ForeachStatementRule,
    // TryStatementRule, CatchBlockRule, FunctionDeclarationRule, TrapStatementRule).
    if has(Rule::statement_block) {
        let (_, kw) = word_before(text, pe);
        let lower = kw.to_ascii_lowercase();
        match lower.as_str() {
            "else" => return Some(err(m::PARSE_MISSING_STATEMENT_BLOCK_AFTER_ELSE, "MissingStatementBlockAfterElse", pe, pe)),
            "try" => return Some(err(m::PARSE_MISSING_TRY_STATEMENT_BLOCK, "MissingTryStatementBlock", pe, pe)),
            "finally" => return Some(err(m::PARSE_MISSING_FINALLY_STATEMENT_BLOCK, "MissingFinallyStatementBlock", pe, pe)),
            "catch" => return Some(err(m::PARSE_MISSING_CATCH_HANDLER_BLOCK, "MissingCatchHandlerBlock", pe, pe)),
            "trap" => return Some(err(m::PARSE_MISSING_TRAP_STATEMENT, "MissingTrapStatement", pe, pe)),
            "do" => return Some(err(m::render(m::PARSE_MISSING_LOOP_STATEMENT, &["do"]), "MissingLoopStatement", pe, pe)),
            // NamedBlockListRule: MissingNamedStatementBlock, After(block name).
            "begin" | "process" | "end" | "dynamicparam" | "clean" => {
                return Some(err(m::render(m::PARSE_MISSING_NAMED_STATEMENT_BLOCK, &[&lower]), "MissingNamedStatementBlock", pe, pe));
            }
            _ => {}
        }
        if before.ends_with(']') {
            // `catch [Type]` without a block.
            return Some(err(m::PARSE_MISSING_CATCH_HANDLER_BLOCK, "MissingCatchHandlerBlock", pe, pe));
        }
    }
    if has(Rule::function_body) || has(Rule::function_parens) {
        return Some(err(m::PARSE_MISSING_FUNCTION_BODY, "MissingFunctionBody", pe, pe));
    }
    if has(Rule::do_kind) {
        return Some(err(m::PARSE_MISSING_WHILE_OR_UNTIL_IN_DO, "MissingWhileOrUntilInDo", pe, pe));
    }
    if has(Rule::condition) {
        let (_, kw) = word_before(text, pe);
        let lower = kw.to_ascii_lowercase();
        if matches!(lower.as_str(), "if" | "elseif") {
            return Some(err(m::render(m::PARSE_MISSING_OPEN_PAREN_IN_IF, &[kw]), "MissingOpenParenthesisInIfStatement", pe, pe));
        }
        if matches!(lower.as_str(), "while" | "until") {
            return Some(err(m::render(m::PARSE_MISSING_OPEN_PAREN_AFTER_KEYWORD, &[&lower]), "MissingOpenParenthesisAfterKeyword", pe, pe));
        }
    }

    // An operand is missing after an operator (BinaryExpressionRule / UnaryExpressionRule /
    // ArrayLiteralRule), or a value after '=' (PipelineChainRule, GetKeyValuePair).
    if has(Rule::postfix_expression) || has(Rule::statement) || has(Rule::unary_expression) {
        if before.ends_with('=') && !before.ends_with("==") {
            let in_hash = crate::lang::depth::scan(before).unclosed.first().is_some_and(|u| u.opener == Opener::Hash);
            if in_hash {
                return Some(err(m::PARSE_MISSING_STATEMENT_IN_HASH_LITERAL, "MissingStatementInHashLiteral", pe, pe));
            }
            let op_start = before.trim_end_matches('=');
            let op = match op_start.chars().last() {
                Some(c) if "+-*/%?".contains(c) || c == '\u{2013}' => {
                    let s = before[..pe - 1].trim_end_matches('?');
                    &before[if c == '?' { s.len() } else { pe - 1 - c.len_utf8() }..]
                }
                _ => "=",
            };
            return Some(err(m::render(m::PARSE_EXPECTED_VALUE_EXPRESSION, &[op]), "ExpectedValueExpression", pe, pe));
        }
        if before.ends_with(',') {
            return Some(err(m::render(m::PARSE_MISSING_EXPRESSION_AFTER_TOKEN, &[","]), "MissingExpressionAfterToken", pe, pe));
        }
        // ExpressionRule (ternary): nothing after '?' or ':'.
        if (before.ends_with(" ?") || before.ends_with("\t?")) && !before.ends_with("??") {
            return Some(err(m::render(m::PARSE_EXPECTED_VALUE_EXPRESSION, &["?"]), "ExpectedValueExpression", pe, pe));
        }
        if before.ends_with(':') && before.contains(" ?") {
            return Some(err(m::render(m::PARSE_EXPECTED_VALUE_EXPRESSION, &[":"]), "ExpectedValueExpression", pe, pe));
        }
        if let Some(op) = trailing_operator(before) {
            if op.unary {
                return Some(err(m::render(m::PARSE_MISSING_EXPRESSION_AFTER_OPERATOR, &[&op.text]), "MissingExpressionAfterOperator", pe, pe));
            }
            return Some(err(m::render(m::PARSE_EXPECTED_VALUE_EXPRESSION, &[&op.text]), "ExpectedValueExpression", pe, pe));
        }
    }
    if has(Rule::parameter) {
        // ParamBlockRule / FunctionParameterDeclarationRule: After(last parameter or '(').
        return Some(err(m::PARSE_MISSING_END_PAREN_IN_FUNCTION_PARAMETER_LIST, "MissingEndParenthesisInFunctionParameterList", pe, pe));
    }
    if tok == "," && has(Rule::command_argument) {
        // Parser.CommandRule / GetCommandArgument: a comma with no argument before it is
        // MissingArgument; one with nothing after it, MissingExpression after the comma.
        let (ws, word) = word_before(text, pe);
        let line_start = text[..ws].rfind(['\n', '\r', ';', '|', '{', '(']).map(|i| i + 1).unwrap_or(0);
        let is_name = text[line_start..ws].trim().is_empty();
        let is_param = text[..ws].ends_with(['-', '\u{2013}', '\u{2014}', '\u{2015}']) && !word.is_empty();
        if is_name || is_param || pe == 0 {
            return Some(err(m::PARSE_MISSING_ARGUMENT, "MissingArgument", pos, pos + 1));
        }
        let next = skip(text, pos + 1, true);
        if next >= text.len() || text[next..].starts_with([';', '|', ')', '}']) {
            return Some(err(m::render(m::PARSE_MISSING_EXPRESSION, &[","]), "MissingExpression", pos + 1, pos + 1));
        }
        return Some(err(m::PARSE_MISSING_ARGUMENT, "MissingArgument", pos, pos + 1));
    }
    if before.ends_with('[') {
        let b2 = before[..pe - 1].trim_end_matches('?');
        if b2.chars().last().is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | ')' | ']' | '}' | '"' | '\'' | '$')) {
            // ElementAccessRule: MissingArrayIndexExpression, After('[').
            return Some(err(m::PARSE_MISSING_ARRAY_INDEX_EXPRESSION, "MissingArrayIndexExpression", pe, pe));
        }
    }
    if has(Rule::ternary_tail) && tok == "?" {
        // ExpressionRule: '?' parsed, no ':' after the true branch: at the token found instead.
        let rest_line_end = text[pos..].find(['\n', '\r', ';']).map(|i| pos + i).unwrap_or(text.len());
        let at = prev_end(text, rest_line_end);
        return Some(err(m::PARSE_MISSING_COLON_IN_TERNARY, "MissingColonInTernaryExpression", at, at));
    }
    if has(Rule::hash_entry) {
        // GetKeyValuePair: MissingEqualsInHashLiteral, After(key).
        let key_end = pos + token_at(text, pos).trim_end_matches('=').len();
        return Some(err(m::PARSE_MISSING_EQUALS_IN_HASH_LITERAL, "MissingEqualsInHashLiteral", key_end, key_end));
    }
    if has(Rule::member_ident) {
        // MemberAccessRule: MissingPropertyName, After(operator).
        return Some(err(m::PARSE_MISSING_PROPERTY_NAME, "MissingPropertyName", pe, pe));
    }
    if has(Rule::command_name_expr) {
        let op = &before[pe.saturating_sub(1)..];
        return Some(err(m::render(m::PARSE_MISSING_EXPRESSION, &[op]), "MissingExpression", pe.saturating_sub(1), pe));
    }
    let _ = (tok, at_end);
    None
}

struct TrailingOp {
    text: String,
    unary: bool,
}

/// The operator that ends `before`, if it ends with one.
fn trailing_operator(before: &str) -> Option<TrailingOp> {
    let t = before.trim_end();
    let last = t.chars().last()?;
    if "+*/%!".contains(last) || last == '-' || matches!(last, '\u{2013}' | '\u{2014}' | '\u{2015}') {
        let text = last.to_string();
        let prev = t[..t.len() - last.len_utf8()].trim_end();
        // `-`/`+`/`!` with no operand before them are unary.
        let unary = last == '!'
            || prev.is_empty()
            || prev.ends_with(['(', '[', ',', '=', '{', ';', '\n', '|'])
            || ((last == '-' || last == '+') && trailing_operator(prev).is_some());
        if t.ends_with("..") {
            return Some(TrailingOp { text: "..".into(), unary: false });
        }
        if t.ends_with("++") || t.ends_with("--") {
            return Some(TrailingOp { text: t[t.len() - 2..].to_string(), unary: true });
        }
        return Some(TrailingOp { text, unary });
    }
    if t.ends_with("..") || t.ends_with("??") {
        return Some(TrailingOp { text: t[t.len() - 2..].to_string(), unary: false });
    }
    // `-word` operators.
    let (ws, word) = {
        let start = t.char_indices().rev().take_while(|(_, c)| c.is_ascii_alphabetic()).last().map(|(i, _)| i)?;
        (start, &t[start..])
    };
    let dash = t[..ws].chars().last()?;
    if !matches!(dash, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}') {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let unary_words = ["not", "bnot", "split", "isplit", "csplit", "join"];
    let binary_words = [
        "eq",
        "ne",
        "gt",
        "ge",
        "lt",
        "le",
        "like",
        "notlike",
        "match",
        "notmatch",
        "contains",
        "notcontains",
        "in",
        "notin",
        "replace",
        "split",
        "join",
        "is",
        "isnot",
        "as",
        "f",
        "and",
        "or",
        "xor",
        "band",
        "bor",
        "bxor",
        "shl",
        "shr",
        "ceq",
        "cne",
        "cgt",
        "cge",
        "clt",
        "cle",
        "clike",
        "cnotlike",
        "cmatch",
        "cnotmatch",
        "ccontains",
        "cnotcontains",
        "cin",
        "cnotin",
        "creplace",
        "csplit",
        "ieq",
        "ine",
        "igt",
        "ige",
        "ilt",
        "ile",
        "ilike",
        "inotlike",
        "imatch",
        "inotmatch",
        "icontains",
        "inotcontains",
        "iin",
        "inotin",
        "ireplace",
        "isplit",
    ];
    let text = t[ws - dash.len_utf8()..].to_string();
    let prev = t[..ws - dash.len_utf8()].trim_end();
    let operand_before = !prev.is_empty() && !prev.ends_with(['(', ',', '=', '{', ';', '\n', '|']);
    if binary_words.contains(&lower.as_str()) && operand_before {
        return Some(TrailingOp { text, unary: false });
    }
    if unary_words.contains(&lower.as_str()) {
        return Some(TrailingOp { text, unary: true });
    }
    None
}
