//! The interactive shell (`tenantsim` with no arguments), modelled on pwsh 7 with PSReadLine:
//!
//! * the prompt shows the tenants this session is connected to, per module:
//!   `PS [SPO:M365x016651 EXO:—] > ` (a `prompt` function defined in the session replaces it,
//!   as in pwsh); `>> ` continues an unfinished input (an open `{`, `(`, string or here-string,
//!   a trailing `|` or backtick) until it parses;
//! * Tab completes command names, parameters, enum values, variables, members, UPNs and URLs
//!   of the world, and paths ([`complete`]); syntax highlighting with PSReadLine's colours
//!   ([`highlight`]); grey inline predictions from history (Right arrow accepts);
//! * each input runs in the global scope (variables, functions and connections persist) with
//!   its own Out-Default document; errors show in pwsh's ConciseView, in red on a terminal;
//! * history persists across sessions ([`history`]); `Get-History` and
//!   `Export-TenantSimHistory -Path x.ps1` give the session back as objects or as a script;
//! * Ctrl+C cancels the line being edited (and a multi-line input); while a command runs it
//!   stops the pipeline at its next output (twice more: leaves tenantsim); Ctrl+D on an empty
//!   line exits with code 0, `exit N` with N. The world is saved to `--state FILE` on exit.

pub mod complete;
pub mod highlight;
pub mod history;
mod interrupt;
pub mod lex;

use std::borrow::Cow;
use std::cell::RefCell;
use std::io::IsTerminal;
use std::rc::Rc;
use std::time::SystemTime;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{
    Cmd, CompletionType, ConditionalEventHandler, Config, Context, EditMode, Editor, Event, EventContext, EventHandler, Helper, KeyEvent, RepeatCount,
};

use crate::engine::error::{Flow, R};
use crate::engine::eval::Sink;
use crate::engine::host::Host;
use crate::engine::interp::Interp;
use crate::engine::value::Value;
use crate::lang::ParseErrors;

// ───────────────────────────── the line editor's helper ─────────────────────────────

struct ReplHelper {
    it: Rc<RefCell<Interp>>,
    hinter: HistoryHinter,
    color: bool,
}

impl Completer for ReplHelper {
    type Candidate = Pair;
    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let Ok(it) = self.it.try_borrow() else { return Ok((pos, Vec::new())) };
        // Completion must never take the shell down: a bug here beeps instead.
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| complete::complete(&it, line, pos)));
        let (start, cands) = r.unwrap_or((pos, Vec::new()));
        Ok((start, cands.into_iter().map(|c| Pair { display: c.display, replacement: c.replacement }).collect()))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        if line.is_empty() { None } else { self.hinter.hint(line, pos, ctx) }
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.color { Cow::Owned(highlight::highlight(line)) } else { Cow::Borrowed(line) }
    }
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color { Cow::Owned(format!("{}{hint}{}", highlight::PREDICTION, highlight::RESET)) } else { Cow::Borrowed(hint) }
    }
    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        self.color && kind != CmdKind::MoveCursor
    }
}

impl Validator for ReplHelper {}
impl Helper for ReplHelper {}

/// Ctrl+C while editing: abandon the line. Bound as "accept the line, flagged cancelled"
/// rather than rustyline's Interrupt, which drops keys typed ahead of the next prompt.
struct CancelLine(std::sync::Arc<std::sync::atomic::AtomicBool>);

impl ConditionalEventHandler for CancelLine {
    fn handle(&self, _evt: &Event, _n: RepeatCount, _positive: bool, _ctx: &EventContext) -> Option<Cmd> {
        self.0.store(true, std::sync::atomic::Ordering::SeqCst);
        Some(Cmd::AcceptLine)
    }
}

// ───────────────────────────── prompt ─────────────────────────────

/// A tenant as the prompt shows it: `M365x016651` for a name, a domain or a SharePoint URL.
pub fn tenant_short_name(t: &str) -> String {
    let t = t.trim();
    let host = t.strip_prefix("https://").or_else(|| t.strip_prefix("http://")).unwrap_or(t);
    let first = host.split(['/', '.']).next().unwrap_or(host);
    let first = first.strip_suffix("-admin").or_else(|| first.strip_suffix("-my")).unwrap_or(first);
    if first.is_empty() { t.to_string() } else { first.to_string() }
}

/// `PS [SPO:M365x016651 EXO:—] > ` from the session's connections (`MG:` once Graph is connected).
pub fn default_prompt(it: &Interp) -> String {
    let none = "\u{2014}";
    let spo = it.session.spo.as_ref().map(|c| tenant_short_name(&c.tenant)).unwrap_or_else(|| none.to_string());
    let exo = if it.session.exo.is_empty() {
        none.to_string()
    } else {
        it.session
            .exo
            .iter()
            .map(|c| match &c.prefix {
                Some(p) => format!("{p}={}", tenant_short_name(&c.tenant)),
                None => tenant_short_name(&c.tenant),
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut s = format!("PS [SPO:{spo} EXO:{exo}");
    if let Some(g) = &it.session.graph {
        s.push_str(&format!(" MG:{}", tenant_short_name(&g.tenant)));
    }
    s.push_str("] > ");
    s
}

/// The prompt: the session's `prompt` function when one is defined (its output, or pwsh's
/// `PS>` fallback when it fails), else [`default_prompt`].
fn prompt(it: &mut Interp) -> String {
    if it.find_function(crate::lang::sym::intern("prompt")).is_none() {
        return default_prompt(it);
    }
    let Ok(sb) = crate::lang::parse_script("prompt".to_string(), None) else { return default_prompt(it) };
    let mut out: Vec<Value> = Vec::new();
    let saved_ok = it.last_ok;
    let r = it.run_interactive(&sb, &mut out);
    it.last_ok = saved_ok;
    it.host.flush();
    match r {
        Ok(()) | Err(Flow::Return) => {
            let s: String = out.iter().map(crate::engine::convert::to_display_string).collect::<Vec<_>>().join(" ");
            if s.is_empty() { "PS>".into() } else { s }
        }
        _ => "PS>".into(),
    }
}

// ───────────────────────────── input ─────────────────────────────

/// pwsh's IncompleteParseException: the input ends inside a construct that more lines could
/// finish, so the shell asks for them with `>> ` instead of reporting an error.
pub fn is_incomplete(text: &str, pe: &ParseErrors) -> bool {
    let trimmed = text.trim_end();
    if trimmed.ends_with('`') {
        return true;
    }
    let Some(e) = pe.errors.first() else { return false };
    match e.id {
        "MissingEndCurlyBrace"
        | "MissingEndParenthesisInExpression"
        | "MissingEndParenthesisInSubexpression"
        | "MissingEndParenthesisInFunctionParameterList"
        | "MissingEndParenthesisAfterStatement"
        | "IncompleteHashLiteral"
        | "TerminatorExpectedAtEndOfString"
        | "EndSquareBracketExpectedAtEndOfAttribute"
        | "MissingEndSquareBracket" => true,
        "UnexpectedEndOfInput"
        | "EmptyPipeElement"
        | "ExpectedValueExpression"
        | "MissingCatchOrFinally"
        | "MissingStatementBlock"
        | "MissingExpressionAfterOperator" => {
            let (start, end) = (e.span.start as usize, e.span.end as usize);
            end >= trimmed.len() || start + 1 >= trimmed.len()
        }
        _ => !crate::lang::depth::scan(text).unclosed.is_empty() && e.span.start as usize >= trimmed.len().saturating_sub(1),
    }
}

/// What the shell does with the text typed so far.
pub enum Input {
    /// Nothing to run (blank or comments only).
    Empty,
    /// Wants more lines.
    Incomplete,
    Parsed(Rc<crate::lang::ast::ScriptBlock>),
    Invalid(ParseErrors),
}

pub fn classify(text: &str) -> Input {
    if text.trim().is_empty() {
        return Input::Empty;
    }
    if awaits_block(text) {
        return Input::Incomplete;
    }
    match crate::lang::parse_script(text.to_string(), None) {
        Ok(sb) => Input::Parsed(sb),
        Err(pe) if is_incomplete(text, &pe) => Input::Incomplete,
        Err(pe) => Input::Invalid(pe),
    }
}

/// The input ends where pwsh's grammar still requires a statement block or a clause: after a
/// keyword such as `else`/`try`/`do`/`function`, after `if (…)`/`foreach (…)`/`while (…)`/
/// `switch (…)`, after `function Name` (or `function Name (…)`), `catch [Type]`, or a `do { }`
/// without its `while`/`until` — the Allman style (`{` on the next line) that runbooks use.
pub fn awaits_block(text: &str) -> bool {
    use lex::Kind;
    let toks: Vec<lex::Token> = lex::tokenize(text).into_iter().filter(|t| !matches!(t.kind, Kind::Comment | Kind::Newline)).collect();
    let Some(last) = toks.last() else { return false };
    let kw = |t: &lex::Token| if t.kind == Kind::Keyword { t.text(text).to_ascii_lowercase() } else { String::new() };
    let last_kw = kw(last);
    if matches!(
        last_kw.as_str(),
        "if" | "elseif"
            | "else"
            | "while"
            | "until"
            | "for"
            | "foreach"
            | "switch"
            | "try"
            | "catch"
            | "finally"
            | "trap"
            | "do"
            | "function"
            | "filter"
            | "workflow"
            | "param"
            | "begin"
            | "process"
            | "end"
            | "clean"
            | "dynamicparam"
    ) {
        return true;
    }
    let n = toks.len();
    // The group that ends the input: `( … )` or `{ … }` (index of its opener).
    let opener_of = |close: usize, open_txt: &[&str], close_txt: &str| -> Option<usize> {
        let d = toks[close].depth;
        (0..close)
            .rev()
            .find(|&i| toks[i].depth == d && toks[i].kind == Kind::Punct && open_txt.contains(&toks[i].text(text)))
            .filter(|_| toks[close].text(text) == close_txt)
    };
    // `function Name` / `filter Name`.
    if n >= 2 && matches!(kw(&toks[n - 2]).as_str(), "function" | "filter" | "workflow") {
        return true;
    }
    // `catch [Type]` (also `catch [A], [B]`).
    if last.kind == Kind::Type {
        let mut i = n - 1;
        while i > 0 && (toks[i].kind == Kind::Type || toks[i].text(text) == ",") {
            i -= 1;
        }
        return kw(&toks[i]) == "catch";
    }
    if let Some(open) = opener_of(n - 1, &["("], ")") {
        // `if (…)`, `switch -Regex (…)`, `function Name (…)`.
        let first = if open >= 1 { kw(&toks[open - 1]) } else { String::new() };
        if matches!(first.as_str(), "while" | "until") && open >= 2 && toks[open - 2].text(text) == "}" {
            // `do { … } while (…)` is complete.
            let close = open - 2;
            let d = toks[close].depth;
            if let Some(o) = (0..close).rev().find(|&i| toks[i].depth == d && toks[i].text(text) == "{") {
                if o >= 1 && kw(&toks[o - 1]) == "do" {
                    return false;
                }
            }
        }
        if matches!(first.as_str(), "if" | "elseif" | "while" | "for" | "foreach" | "switch") {
            return true;
        }
        if open >= 2 && matches!(kw(&toks[open - 2]).as_str(), "function" | "filter") {
            return true;
        }
        if open >= 2 && kw(&toks[open - 2]) == "switch" || open >= 3 && kw(&toks[open - 3]) == "switch" {
            return true;
        }
        return false;
    }
    if let Some(open) = opener_of(n - 1, &["{"], "}") {
        // `do { … }` waiting for `while`/`until`.
        return open >= 1 && kw(&toks[open - 1]) == "do";
    }
    false
}

// ───────────────────────────── running an input ─────────────────────────────

/// The end of every top-level pipeline in the REPL: Out-Default, unless Ctrl+C asked the
/// command to stop — then the pipeline stops, as pwsh's StopProcessing does.
struct ReplSink;

impl Sink for ReplSink {
    fn push(&mut self, it: &mut Interp, v: Value) -> R {
        if crate::engine::host::interrupt_requested() {
            return Err(crate::engine::error::pipeline_stopped());
        }
        it.out_default(&v);
        Ok(())
    }
}

/// Run one parsed input in the global scope; its outcome for the history, and the exit code
/// when it ran `exit`.
pub fn execute(it: &mut Interp, sb: &Rc<crate::lang::ast::ScriptBlock>) -> (history::Status, Option<i32>) {
    interrupt::begin();
    // `$?` keeps the previous input's outcome until this input sets it; whether this input
    // failed is judged by the errors it recorded in `$Error`.
    let errors_before = error_marker(it);
    let r = it.run_interactive(sb, &mut ReplSink);
    let stopped = crate::engine::host::interrupt_requested();
    let mut status = history::Status::Completed;
    let mut exit = None;
    match &r {
        Err(Flow::Error(rec, _)) if stopped || crate::engine::error::is_pipeline_stop(rec) => {
            // pwsh shows nothing for a pipeline stopped with Ctrl+C.
            it.out_default_end();
            status = history::Status::Stopped;
        }
        Err(Flow::Error(rec, _)) => {
            it.out_default_end();
            it.report_error(rec);
            status = history::Status::Failed;
        }
        Err(Flow::Exit(code)) => exit = Some(*code),
        _ => {}
    }
    it.out_default_end();
    it.host.flush();
    interrupt::end();
    if status == history::Status::Completed && !it.last_ok && error_marker(it) != errors_before {
        status = history::Status::Failed;
    }
    if stopped && status == history::Status::Completed {
        status = history::Status::Stopped;
    }
    (status, exit)
}

/// Identifies the newest `$Error` entry, to tell whether an input recorded an error.
fn error_marker(it: &Interp) -> (usize, usize) {
    let items = it.error_list.items.borrow();
    let newest = match items.first() {
        Some(Value::Net(n)) => Rc::as_ptr(n) as *const () as usize,
        _ => 0,
    };
    (items.len(), newest)
}

fn report_parse_error(it: &mut Interp, pe: &ParseErrors) {
    it.host.write_error_record(&crate::engine::display::parse_error_record(pe));
    it.host.flush();
}

// ───────────────────────────── the loop ─────────────────────────────

pub fn run(common: &crate::cli::Common) -> i32 {
    let mut host = Host::stdio();
    host.interactive = true;
    let color = host.color_out;
    let mut it = crate::cli::new_interp(common, host);
    it.options.non_interactive = false;
    let it = Rc::new(RefCell::new(it));

    let builder = Config::builder().completion_type(CompletionType::List).edit_mode(EditMode::Emacs).auto_add_history(false).history_ignore_space(false);
    let config = builder.max_history_size(history::MAX_ENTRIES).and_then(|b| b.history_ignore_dups(true)).map(|b| b.build());
    let editor = config.and_then(Editor::<ReplHelper, DefaultHistory>::with_config);
    let mut rl = match editor {
        Ok(rl) => rl,
        Err(e) => {
            eprintln!("tenantsim: cannot start the interactive shell: {e}");
            return 1;
        }
    };
    rl.set_helper(Some(ReplHelper { it: it.clone(), hinter: HistoryHinter::new(), color }));
    let cancelled = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    rl.bind_sequence(KeyEvent::ctrl('C'), EventHandler::Conditional(Box::new(CancelLine(cancelled.clone()))));
    let hist_path = history::file_path();
    if let Some(p) = &hist_path {
        history::trim(p);
        let _ = rl.load_history(p);
    }
    interrupt::install();
    let tty = std::io::stdout().is_terminal();

    history::set_origin(common);
    let mut buffer = String::new();
    let mut last_entry: Option<String> = None;
    let code = loop {
        let p = if buffer.is_empty() { prompt(&mut it.borrow_mut()) } else { ">> ".to_string() };
        let line = match rl.readline(&p) {
            Ok(_) if cancelled.swap(false, std::sync::atomic::Ordering::SeqCst) => {
                // Ctrl+C: abandon the line (and an unfinished multi-line input).
                buffer.clear();
                continue;
            }
            Ok(l) => l,
            Err(ReadlineError::Interrupted) => {
                // Ctrl+C: abandon the line (and an unfinished multi-line input).
                buffer.clear();
                continue;
            }
            // Ctrl+D on an empty `>> ` line abandons the unfinished input; at the prompt it exits.
            Err(ReadlineError::Eof) if !buffer.is_empty() => {
                buffer.clear();
                continue;
            }
            Err(ReadlineError::Eof) => break 0,
            Err(e) => {
                eprintln!("tenantsim: {e}");
                break 1;
            }
        };
        if !buffer.is_empty() {
            buffer.push('\n');
        }
        buffer.push_str(&line);
        let input = classify(&buffer);
        if matches!(input, Input::Incomplete) {
            continue;
        }
        let text = std::mem::take(&mut buffer);
        if matches!(input, Input::Empty) {
            continue;
        }
        if last_entry.as_deref() != Some(text.as_str()) {
            let _ = rl.add_history_entry(text.as_str());
            if let Some(p) = &hist_path {
                if !history::is_sensitive(&text) {
                    let _ = history::append(p, &text);
                }
            }
            last_entry = Some(text.clone());
        }
        let mut guard = it.borrow_mut();
        let interp: &mut Interp = &mut guard;
        if tty {
            if let Some((cols, _)) = rl.dimensions() {
                let w = (cols as usize).saturating_sub(1).max(20);
                interp.host.formatter.width = w;
                interp.host.formatter.list_width = Some(w);
            }
        }
        match input {
            Input::Parsed(sb) => {
                let start = SystemTime::now();
                let (status, exit) = execute(interp, &sb);
                history::record(&text, true, status, start, SystemTime::now());
                if let Some(code) = exit {
                    break code;
                }
            }
            Input::Invalid(pe) => {
                let now = SystemTime::now();
                report_parse_error(interp, &pe);
                history::record(&text, false, history::Status::Failed, now, now);
            }
            Input::Empty | Input::Incomplete => {}
        }
    };
    let mut it = it.borrow_mut();
    crate::sim::save_state(&mut it, common);
    it.host.flush();
    code
}
