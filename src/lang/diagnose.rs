//! When the grammar fails, find the error pwsh would report first: its message, error id and
//! position. pest only tells us how far it got; the depth scan (lang/depth.rs) knows which
//! brackets and strings are unclosed; the rest is pwsh's error recovery re-enacted for the
//! common cases (Parser.cs names the rule each case comes from).

use std::rc::Rc;

use super::Rule;
use crate::engine::messages as m;
use crate::lang::ParseError;
use crate::lang::ast::Span;
use crate::lang::depth::{Opener, ScanResult};
use crate::lang::source::SourceFile;

fn token_at(text: &str, pos: usize) -> String {
    let rest = text.get(pos.min(text.len())..).unwrap_or("");
    let mut chars = rest.chars();
    let Some(first) = chars.next() else { return String::new() };
    if matches!(first, '"' | '\'') {
        if let Some(end) = rest[1..].find(first) {
            return rest[..end + 2].to_string();
        }
    }
    if "(){}[],;|&".contains(first) {
        return first.to_string();
    }
    rest.chars().take_while(|c| !c.is_whitespace() && !"(){}[],;|&".contains(*c)).collect()
}

pub fn diagnose(file: &Rc<SourceFile>, e: &pest::error::Error<Rule>, scan: &ScanResult) -> ParseError {
    let pos = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let text = &file.text;
    let pos = pos.min(text.len());
    // An unterminated string swallows the rest of the script: pwsh reports it at the quote.
    if let Some(u) = scan.unclosed.iter().rev().find(|u| matches!(u.opener, Opener::DqString | Opener::SqString | Opener::HereDq | Opener::HereSq)) {
        let term = match u.opener {
            Opener::DqString => "\"",
            Opener::SqString => "'",
            Opener::HereDq => "\"@",
            _ => "'@",
        };
        return ParseError {
            message: m::render(m::PARSE_TERMINATOR_EXPECTED_AT_END_OF_STRING, &[term]),
            id: "TerminatorExpectedAtEndOfString",
            span: Span::new(u.offset, text.len()),
        };
    }
    let at_end = text[pos..].trim().is_empty();
    if at_end || !scan.unclosed.is_empty() {
        if let Some(u) = scan.unclosed.first() {
            let (msg, id) = match u.opener {
                Opener::Brace | Opener::Hash => (m::PARSE_MISSING_END_CURLY_BRACE, "MissingEndCurlyBrace"),
                Opener::Paren => (m::PARSE_MISSING_END_PAREN_IN_EXPRESSION, "MissingEndParenthesisInExpression"),
                Opener::SubExpr | Opener::ArraySub => (m::PARSE_MISSING_END_PAREN_IN_SUBEXPRESSION, "MissingEndParenthesisInSubexpression"),
                Opener::Bracket => (m::PARSE_END_SQUARE_BRACKET_EXPECTED_AT_END_OF_ATTRIBUTE, "EndSquareBracketExpectedAtEndOfAttribute"),
                _ => ("Unexpected end of input.", "UnexpectedEndOfInput"),
            };
            return ParseError { message: msg.into(), id, span: Span::new(u.offset, u.offset + 1) };
        }
    }
    if at_end {
        // `Get-Foo |` at the end of the script.
        let before = text[..pos].trim_end();
        if before.ends_with('|') {
            let p = before.len();
            return ParseError { message: m::PARSE_EMPTY_PIPE_ELEMENT.into(), id: "EmptyPipeElement", span: Span::new(p, p) };
        }
        if let Some(op) = ["-and", "-or", "+", "-", "*", "/", "=", ","].iter().find(|o| before.to_ascii_lowercase().ends_with(*o)) {
            let p = before.len();
            return ParseError { message: m::render(m::PARSE_EXPECTED_VALUE_EXPRESSION, &[op]), id: "ExpectedValueExpression", span: Span::new(p, p) };
        }
        return ParseError { message: "Unexpected end of input.".into(), id: "UnexpectedEndOfInput", span: Span::new(pos, pos) };
    }
    if let Some((c, off)) = scan.stray_closer {
        return ParseError { message: m::render(m::PARSE_UNEXPECTED_TOKEN, &[&c.to_string()]), id: "UnexpectedToken", span: Span::new(off, off + 1) };
    }
    let tok = token_at(text, pos);
    let before = text[..pos].trim_end();
    if before.ends_with('|') && (tok == "|" || tok.is_empty()) {
        let p = before.len();
        return ParseError { message: m::PARSE_EMPTY_PIPE_ELEMENT.into(), id: "EmptyPipeElement", span: Span::new(p, p) };
    }
    let len = tok.len().max(1);
    ParseError { message: m::render(m::PARSE_UNEXPECTED_TOKEN, &[&tok]), id: "UnexpectedToken", span: Span::new(pos, pos + len) }
}
