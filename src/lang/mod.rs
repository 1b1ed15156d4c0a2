//! The PowerShell language front end: pest grammar glue, AST construction and parse errors
//! worded as pwsh words them.

pub mod ast;
mod build;
pub mod depth;
mod diagnose;
#[cfg(test)]
mod grammar_gen;
pub mod source;
pub mod sym;
pub mod walk;

use std::path::PathBuf;
use std::rc::Rc;

use pest::Parser;

use crate::lang::ast::{ScriptBlock, Span};
use crate::lang::source::SourceFile;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/powershell.pest"]
pub(crate) struct PsParser;

/// One parse error: pwsh's message and error id, and where it is.
#[derive(Debug, Clone)]
pub struct ParseError {
    pub message: String,
    /// pwsh's ParseError.ErrorId, e.g. "RedirectionNotSupported", "MissingEndCurlyBrace".
    pub id: &'static str,
    pub span: Span,
}

/// All errors of one parse; pwsh reports them together and runs nothing.
#[derive(Debug, Clone)]
pub struct ParseErrors {
    pub file: Rc<SourceFile>,
    pub errors: Vec<ParseError>,
}

impl std::fmt::Display for ParseErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for e in &self.errors {
            let (l, c) = self.file.line_col(e.span.start);
            writeln!(f, "{}:{}:{}: {}", self.file.display_name(), l, c, e.message)?;
        }
        Ok(())
    }
}

/// Parse a whole script. The text is kept by the returned tree for error display.
pub fn parse_script(text: String, path: Option<PathBuf>) -> Result<Rc<ScriptBlock>, ParseErrors> {
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(t) => t.to_string(),
        None => text,
    };
    let file = Rc::new(SourceFile::new(path, text));
    parse_file(file)
}

/// pest calls allowed per byte of input (plus [`BASE_CALLS`]). A valid script needs about ten;
/// the limit only stops inputs that make the grammar backtrack exponentially (deeply nested
/// constructs that fail to parse at the bottom), which then report ScriptTooComplicated.
const CALLS_PER_BYTE: usize = 400;
const BASE_CALLS: usize = 2_000_000;

/// pest's call limit is a process-wide setting read when a parse starts: parses that set it
/// must not interleave.
static PARSE_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

pub fn parse_file(file: Rc<SourceFile>) -> Result<Rc<ScriptBlock>, ParseErrors> {
    let scan = depth::scan(&file.text);
    if let Some(at) = scan.too_deep_at {
        // pwsh reports this when parsing runs out of stack (Parser.ParseTask); tenantsim caps
        // nesting at depth::MAX_NESTING so that it never does.
        return Err(ParseErrors {
            file: file.clone(),
            errors: vec![ParseError {
                message: crate::engine::messages::PARSE_SCRIPT_TOO_COMPLICATED.to_string(),
                id: "ScriptTooComplicated",
                span: Span::new(at, at + 1),
            }],
        });
    }
    let _guard = PARSE_LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    pest::set_call_limit(std::num::NonZeroUsize::new(file.text.len().saturating_mul(CALLS_PER_BYTE).saturating_add(BASE_CALLS)));
    if let Some(built) = parse_chunked(&file) {
        return built;
    }
    parse_whole(file, &scan)
}

/// The whole text in one pest parse: scripts with named blocks, and the errors of a script that
/// does not parse.
fn parse_whole(file: Rc<SourceFile>, scan: &depth::ScanResult) -> Result<Rc<ScriptBlock>, ParseErrors> {
    build::set_base(0);
    match PsParser::parse(Rule::script, &file.text) {
        Ok(mut pairs) => {
            let mut b = build::Builder::new(file.clone());
            let sb = match pairs.next() {
                Some(script) => b.script(script),
                None => return Err(ParseErrors { file: file.clone(), errors: vec![] }),
            };
            if b.errors.is_empty() {
                Ok(Rc::new(sb))
            } else {
                b.errors.sort_by_key(|e| e.span.start);
                Err(ParseErrors { file, errors: b.errors })
            }
        }
        Err(e) => Err(ParseErrors { file: file.clone(), errors: vec![diagnose::diagnose(&file, &e, scan)] }),
    }
}

/// The fast path for a script whose body is a statement list: its head (`using`, `param`), then
/// one top-level statement at a time, each built into the tree before the next is parsed, so that
/// pest's token queue never holds more than one statement. `None` when the script has named
/// blocks or a piece does not parse: the caller then parses the whole text, which gives the same
/// tree, or the errors.
fn parse_chunked(file: &Rc<SourceFile>) -> Option<Result<Rc<ScriptBlock>, ParseErrors>> {
    let text = file.text.as_str();
    let head = PsParser::parse(Rule::script_head, text).ok()?.next()?;
    let mut pos = head.as_span().end();
    let mut b = build::Builder::new(file.clone());
    build::set_base(0);
    let mut sb = b.script_start(Span::new(0, text.len()));
    for c in head.into_inner() {
        b.script_part(&mut sb, c);
    }
    let mut stmts = Vec::new();
    while pos < text.len() {
        let chunk = PsParser::parse(Rule::script_chunk, &text[pos..]).ok().and_then(|mut p| p.next());
        let Some(chunk) = chunk else {
            build::set_base(0);
            return None;
        };
        let len = chunk.as_span().end();
        if len == 0 {
            build::set_base(0);
            return None;
        }
        build::set_base(pos);
        b.statements_into(chunk, &mut stmts);
        pos += len;
    }
    build::set_base(0);
    sb.end = Some(stmts);
    let sb = b.script_finish(sb);
    Some(if b.errors.is_empty() {
        Ok(Rc::new(sb))
    } else {
        b.errors.sort_by_key(|e| e.span.start);
        Err(ParseErrors { file: file.clone(), errors: b.errors })
    })
}

/// Parse on a thread with a large stack: nesting is capped by [`depth::MAX_NESTING`], and this
/// stack size is what that cap was measured against.
pub const PARSER_STACK_BYTES: usize = 512 * 1024 * 1024;
