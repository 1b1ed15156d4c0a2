//! `tenantsim check`: parse every file and bind every command statically against the declared
//! signatures, without running anything. Problems are reported as `file:line:col: message`.
//!
//! Severity follows what pwsh does with the script: a parse error stops pwsh from running any
//! of it, so it is an `error` and makes the exit code 1. Everything found by binding commands
//! statically is a `warning`: pwsh runs the script and fails only that command at run time (an
//! unknown command may also come from a module, and an ambiguous parameter set may be resolved
//! by pipeline input). `--strict` makes warnings fail the check too. Binding that depends on a
//! value not known statically is not reported, nor is a parameter missing from a signature that
//! is declared partial.

use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;

use crate::engine::bind::{self, Arg, BindRequest, Signature};
use crate::engine::value::Value;
use crate::lang::ast::*;
use crate::lang::source::SourceFile;
use crate::lang::walk::{Visitor, walk_script_block};

#[derive(Debug, Clone)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub severity: &'static str,
    pub code: String,
    pub message: String,
}

/// A statically unknown argument value: binds to anything, validates as anything.
#[derive(Debug)]
pub struct Unknown;

impl crate::engine::value::NetObject for Unknown {
    fn type_name(&self) -> &str {
        "tenantsim.StaticallyUnknown"
    }
    fn get_property(&self, _name: &str) -> Option<Value> {
        None
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn unknown() -> Value {
    Value::Net(Rc::new(Unknown))
}

pub fn is_unknown(v: &Value) -> bool {
    matches!(v, Value::Net(n) if n.as_any().is::<Unknown>())
}

/// Constant folding good enough for arguments: literals, `$true/$false/$null`, arrays of them.
pub fn const_value(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Const(v) => Some(v.clone()),
        ExprKind::Var(v) => match v.special {
            SpecialVar::True => Some(Value::Bool(true)),
            SpecialVar::False => Some(Value::Bool(false)),
            SpecialVar::Null => Some(Value::Null),
            _ => None,
        },
        ExprKind::Array(items) => items.iter().map(const_value).collect::<Option<Vec<_>>>().map(Value::array),
        _ => None,
    }
}

struct Collector {
    functions: HashMap<String, Rc<Signature>>,
    calls: Vec<(Rc<CommandCall>, bool)>,
}

impl Visitor for Collector {
    fn function(&mut self, name: &str, body: &ScriptBlock) {
        let n = name.rsplit(':').next().unwrap_or(name);
        self.functions.insert(n.to_ascii_lowercase(), Rc::new(crate::engine::funcsig::signature_for(body, n)));
    }
}

struct CallCollector<'a> {
    calls: &'a mut Vec<(*const CommandCall, bool)>,
}

impl Visitor for CallCollector<'_> {
    fn command(&mut self, c: &CommandCall, after_first: bool) {
        self.calls.push((c as *const CommandCall, after_first));
    }
}

pub fn static_args(c: &CommandCall) -> (Vec<Arg>, bool) {
    let mut args = Vec::new();
    let mut has_splat = false;
    for a in &c.args {
        match a {
            CommandArg::Param { name, value, colon, span } => {
                let v = value.as_ref().map(|e| const_value(e).unwrap_or_else(unknown));
                args.push(Arg::Named { name: name.clone(), value: v, colon: *colon, span: *span });
            }
            CommandArg::Value(e) => {
                let v = const_value(e).unwrap_or_else(unknown);
                let text: Rc<str> = match &v {
                    Value::Array(_) => Rc::from("System.Object[]"),
                    _ if is_unknown(&v) => Rc::from(crate::lang::source::SourceFile::new(None, String::new()).slice(e.span)),
                    other => Rc::from(crate::engine::convert::to_display_string(other).as_str()),
                };
                args.push(Arg::Positional { value: v, span: e.span, text });
            }
            CommandArg::Splat { .. } => has_splat = true,
        }
    }
    (args, has_splat)
}

/// Check one parsed script; returns its problems.
pub fn check_script(sb: &ScriptBlock) -> Vec<Problem> {
    let file = &sb.file;
    let mut problems = Vec::new();
    let mut col = Collector { functions: HashMap::new(), calls: Vec::new() };
    walk_script_block(sb, &mut col);
    let _ = &col.calls;
    let mut raw: Vec<(*const CommandCall, bool)> = Vec::new();
    walk_script_block(sb, &mut CallCollector { calls: &mut raw });
    let dot_sources = raw.iter().any(|(c, _)| unsafe { &**c }.invocation == Invocation::DotSource);
    for (ptr, after_first) in raw {
        // SAFETY: the pointers were taken from `sb`, which outlives this loop unchanged.
        let call: &CommandCall = unsafe { &*ptr };
        let CommandName::Bare(name) = &call.name else { continue };
        let mut target = name.to_string();
        if let Some(a) = crate::cmdlets::builtin_alias(&target) {
            target = a.to_string();
        }
        let sig: Option<Rc<Signature>> = match col.functions.get(&target.to_ascii_lowercase()) {
            Some(s) => Some(s.clone()),
            None => crate::cmdlets::declared(&target)
                .map(|d| d.0.clone())
                .filter(|_| crate::cmdlets::implementation(&target).is_some() || crate::cmdlets::declared(&target).is_some()),
        };
        let Some(sig) = sig else {
            let is_path = name.contains('/') || name.contains('\\') || name.ends_with(".ps1");
            if !is_path && !dot_sources {
                push(
                    &mut problems,
                    file,
                    call.span,
                    "warning",
                    "CommandNotFoundException",
                    crate::engine::pipeline::command_not_found(name).exception.message.to_string(),
                );
            }
            continue;
        };
        let (args, has_splat) = static_args(call);
        let args: Vec<Arg> = args
            .into_iter()
            .map(|a| match a {
                Arg::Positional { value, span, .. } if is_unknown(&value) => Arg::Positional { value, span, text: Rc::from(file.slice(span)) },
                other => other,
            })
            .collect();
        let req = BindRequest { sig: &sig, args, expects_input: after_first || has_splat, command_name: &target };
        match bind::bind(req) {
            Ok(_) => {}
            Err(e) => {
                if has_splat && matches!(e.id, "MissingMandatoryParameter" | "AmbiguousParameterSet" | "PositionalParameterNotFound") {
                    continue;
                }
                // A conversion of a value only known at run time: nothing to say statically.
                if e.message.contains("tenantsim.StaticallyUnknown") {
                    continue;
                }
                if e.id == "NamedParameterNotFound" && signature_is_partial(&target) {
                    continue;
                }
                push(&mut problems, file, e.span.unwrap_or(call.span), "warning", e.id, e.message.clone());
            }
        }
    }
    problems
}

/// Reference signatures reduced to the parameters the migration articles use say so in their
/// synopsis ("only parameters … are kept"); any other parameter may well exist.
fn signature_is_partial(cmdlet: &str) -> bool {
    crate::cmdlets::declared(cmdlet).is_some_and(|d| d.1.synopsis.contains("only parameters"))
}

fn push(problems: &mut Vec<Problem>, file: &SourceFile, span: Span, severity: &'static str, code: &str, message: String) {
    let (line, column) = file.line_col(span.start);
    problems.push(Problem { file: file.display_name(), line, column, severity, code: code.to_string(), message });
}

pub fn check_file(path: &PathBuf, syntax_only: bool) -> Vec<Problem> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            return vec![Problem {
                file: path.display().to_string(),
                line: 0,
                column: 0,
                severity: "error",
                code: "FileNotFound".into(),
                message: e.to_string(),
            }];
        }
    };
    match crate::lang::parse_script(text, Some(path.clone())) {
        Ok(sb) => {
            let problems = if syntax_only { Vec::new() } else { check_script(&sb) };
            // `check` exits right after: dropping a large tree node by node is wasted work.
            std::mem::forget(sb);
            problems
        }
        Err(pe) => pe
            .errors
            .iter()
            .map(|e| {
                let (line, column) = pe.file.line_col(e.span.start);
                Problem { file: pe.file.display_name(), line, column, severity: "error", code: e.id.to_string(), message: e.message.clone() }
            })
            .collect(),
    }
}

pub fn run(files: &[PathBuf], syntax_only: bool, json: bool, strict: bool) -> i32 {
    let mut all = Vec::new();
    for f in files {
        all.extend(check_file(f, syntax_only));
    }
    if json {
        let arr: Vec<serde_json::Value> = all
            .iter()
            .map(|p| serde_json::json!({"file": p.file, "line": p.line, "column": p.column, "severity": p.severity, "code": p.code, "message": p.message}))
            .collect();
        println!("{}", serde_json::to_string_pretty(&arr).unwrap_or_else(|_| "[]".into()));
    } else {
        for p in &all {
            println!("{}:{}:{}: {}: {}", p.file, p.line, p.column, p.severity, p.message.replace('\n', " "));
        }
    }
    if all.iter().any(|p| p.severity == "error" || strict) { 1 } else { 0 }
}
