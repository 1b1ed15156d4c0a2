//! `tenantsim check`: parse every file and bind every command statically against the declared
//! signatures, without running anything, then lint it (`crate::lint`). Problems are reported as
//! `file:line:col: severity[rule]: message`, with `  help: fix` when the linter suggests one, or
//! as a JSON array (`--format json`).
//!
//! Severity follows what pwsh does with the script: a parse error stops pwsh from running any
//! of it, so it is an `error` and makes the exit code 1. Everything found by binding commands
//! statically is a `warning`: pwsh runs the script and fails only that command at run time (an
//! unknown command may also come from a module, and an ambiguous parameter set may be resolved
//! by pipeline input). The linter's findings are warnings (the command fails or does the wrong
//! thing) or `info` (works in pwsh 7, fragile elsewhere). `--strict` makes warnings fail the
//! check too; infos never do. Binding that depends on a value not known statically is not
//! reported, nor is a parameter missing from a signature that is declared partial.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use crate::engine::bind::{self, Arg, BindError, BindRequest, Bound, Signature};
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
    /// pwsh's error id (`RedirectionNotSupported`, `NamedParameterNotFound`, …), or the rule id
    /// for what only the linter finds.
    pub code: String,
    /// The lint rule that explains the problem, or the error id when none does.
    pub rule: String,
    pub message: String,
    /// A suggested fix.
    pub fix: Option<String>,
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

/// Arguments of a call as the binder sees them statically: constants, or [`unknown`] (or what
/// `resolve` knows of an expression, for the linter's tracked variables).
pub fn static_args(c: &CommandCall, file: &SourceFile, resolve: &dyn Fn(&Expr) -> Option<Value>) -> (Vec<Arg>, bool) {
    let mut args = Vec::new();
    let mut has_splat = false;
    let value_of = |e: &Expr| const_value(e).or_else(|| resolve(e)).unwrap_or_else(unknown);
    for a in &c.args {
        match a {
            CommandArg::Param { name, value, colon, span } => {
                let v = value.as_ref().map(value_of);
                args.push(Arg::Named { name: name.clone(), value: v, colon: *colon, span: *span });
            }
            CommandArg::Value(e) => {
                let v = value_of(e);
                let text: Rc<str> = match &v {
                    Value::Array(_) => Rc::from("System.Object[]"),
                    _ if is_unknown(&v) => Rc::from(file.slice(e.span)),
                    other => Rc::from(crate::engine::convert::to_display_string(other).as_str()),
                };
                args.push(Arg::Positional { value: v, span: e.span, text });
            }
            CommandArg::Splat { .. } => has_splat = true,
        }
    }
    (args, has_splat)
}

/// Functions the script defines, and whether it dot-sources anything (then any command may
/// come from there).
#[derive(Default)]
pub struct ScriptScope {
    pub functions: HashMap<String, Rc<Signature>>,
    pub dot_sources: bool,
}

impl Visitor for ScriptScope {
    fn function(&mut self, name: &str, body: &ScriptBlock) {
        let n = name.rsplit(':').next().unwrap_or(name);
        self.functions.insert(n.to_ascii_lowercase(), Rc::new(crate::engine::funcsig::signature_for(body, n)));
    }
    fn command(&mut self, c: &CommandCall, _after_first: bool) {
        if c.invocation == Invocation::DotSource {
            self.dot_sources = true;
        }
    }
}

/// A command call bound statically.
pub struct StaticCall {
    /// The command name with a built-in alias resolved, as declared when it is declared.
    pub name: String,
    pub sig: Option<Rc<Signature>>,
    pub bound: Option<Bound>,
    pub error: Option<BindError>,
    /// What pwsh would report at run time: (where, error id, message).
    pub problem: Option<(Span, &'static str, String)>,
    pub has_splat: bool,
}

pub fn bind_call(
    call: &CommandCall,
    file: &SourceFile,
    scope: &ScriptScope,
    after_first: bool,
    resolve: &dyn Fn(&Expr) -> Option<Value>,
) -> Option<StaticCall> {
    let CommandName::Bare(name) = &call.name else { return None };
    let mut target = name.to_string();
    if let Some(a) = crate::cmdlets::builtin_alias(&target) {
        target = a.to_string();
    }
    let (sig, canonical) = match scope.functions.get(&target.to_ascii_lowercase()) {
        Some(s) => (Some(s.clone()), target.clone()),
        None => match crate::cmdlets::declared(&target) {
            Some(d) => (Some(d.0.clone()), d.1.name.clone()),
            None => (None, target.clone()),
        },
    };
    let mut out = StaticCall { name: canonical, sig: sig.clone(), bound: None, error: None, problem: None, has_splat: false };
    let Some(sig) = sig else {
        let is_path = name.contains('/') || name.contains('\\') || name.ends_with(".ps1");
        if !is_path && !scope.dot_sources {
            out.problem = Some((call.span, "CommandNotFoundException", crate::engine::pipeline::command_not_found(name).exception.message.to_string()));
        }
        return Some(out);
    };
    let (args, has_splat) = static_args(call, file, resolve);
    out.has_splat = has_splat;
    let req = BindRequest { sig: &sig, args, expects_input: after_first || has_splat, command_name: &target };
    match bind::bind(req) {
        Ok(b) => out.bound = Some(b),
        Err(e) => {
            let quiet = (has_splat && matches!(e.id, "MissingMandatoryParameter" | "AmbiguousParameterSet" | "PositionalParameterNotFound"))
                // A conversion of a value only known at run time: nothing to say statically.
                || e.message.contains("tenantsim.StaticallyUnknown")
                || (e.id == "NamedParameterNotFound" && signature_is_partial(&target))
                // The Exchange reference pages mark no default parameter set, which the real
                // cmdlets have: with none declared, an ambiguity may be the reference's.
                || (e.id == "AmbiguousParameterSet" && sig.default_set.is_none() && sig.kind == crate::engine::bind::SigKind::Cmdlet && sig.sets.len() > 1);
            if !quiet {
                out.problem = Some((e.span.unwrap_or(call.span), e.id, e.message.clone()));
            }
            out.error = Some(e);
        }
    }
    Some(out)
}

struct Binder<'a> {
    scope: &'a ScriptScope,
    file: &'a SourceFile,
    problems: Vec<Problem>,
}

impl Visitor for Binder<'_> {
    fn command(&mut self, c: &CommandCall, after_first: bool) {
        if let Some((span, code, message)) = bind_call(c, self.file, self.scope, after_first, &|_| None).and_then(|s| s.problem) {
            let (line, column) = self.file.line_col(span.start);
            self.problems.push(Problem {
                file: self.file.display_name(),
                line,
                column,
                severity: "warning",
                code: code.to_string(),
                rule: code.to_string(),
                message,
                fix: None,
            });
        }
    }
}

/// Bind every command of one parsed script statically; returns the binding problems (what pwsh
/// would report when running it), without the linter's rules.
pub fn check_script(sb: &ScriptBlock) -> Vec<Problem> {
    let mut scope = ScriptScope::default();
    walk_script_block(sb, &mut scope);
    let mut b = Binder { scope: &scope, file: &sb.file, problems: Vec::new() };
    walk_script_block(sb, &mut b);
    b.problems
}

/// Reference signatures reduced to the parameters the migration articles use say so in their
/// synopsis ("only parameters … are kept"); any other parameter may well exist.
pub fn signature_is_partial(cmdlet: &str) -> bool {
    crate::cmdlets::declared(cmdlet).is_some_and(|d| d.1.synopsis.contains("only parameters"))
}

pub fn check_file(path: &std::path::Path, syntax_only: bool) -> Vec<Problem> {
    let worlds = crate::lint::Worlds::new(crate::sim::SimOptions::default());
    crate::lint::lint_path(path, &crate::lint::LintOptions { syntax_only }, &worlds)
}

/// How `check` was asked to run.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub files: Vec<PathBuf>,
    pub syntax_only: bool,
    pub json: bool,
    pub strict: bool,
    pub list_rules: bool,
}

pub fn run(common: &crate::cli::Common, opts: &CheckOptions) -> i32 {
    if opts.list_rules {
        print_rules();
        return 0;
    }
    let sim = crate::sim::SimOptions { scenario: common.scenario.clone(), state: common.state.clone(), now: common.now.clone(), seed: common.seed };
    let explicit_world = sim.scenario.is_some() || sim.state.is_some();
    let worlds = crate::lint::Worlds::new(sim);
    if explicit_world {
        if let Err(e) = worlds.load() {
            eprintln!("tenantsim: {e}");
            return 64;
        }
    }
    let lint = crate::lint::LintOptions { syntax_only: opts.syntax_only };
    let mut all = Vec::new();
    for f in &opts.files {
        let problems = crate::lint::lint_path(f, &lint, &worlds);
        all.extend(problems);
    }
    // Written with errors ignored: a reader that stops early (`| head`) is not a failure.
    let mut out = std::io::stdout().lock();
    if opts.json {
        let arr: Vec<serde_json::Value> = all
            .iter()
            .map(|p| {
                serde_json::json!({"file": p.file, "line": p.line, "column": p.column, "severity": p.severity, "rule": p.rule, "code": p.code, "message": p.message, "fix": p.fix})
            })
            .collect();
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&arr).unwrap_or_else(|_| "[]".into()));
    } else {
        for p in &all {
            let mut text = format!("{}:{}:{}: {}[{}]: {}\n", p.file, p.line, p.column, p.severity, p.rule, p.message.replace('\n', " "));
            if let Some(fix) = &p.fix {
                text.push_str(&format!("  help: {}\n", fix.replace('\n', " ")));
            }
            if out.write_all(text.as_bytes()).is_err() {
                break;
            }
        }
    }
    let _ = out.flush();
    let fails = |p: &Problem| p.severity == "error" || (opts.strict && p.severity == "warning");
    if all.iter().any(fails) { 1 } else { 0 }
}

fn print_rules() {
    let mut out = std::io::stdout().lock();
    for r in crate::lint::RULES {
        let bugs = if r.doc_bugs.is_empty() {
            String::new()
        } else {
            format!(" (doc bugs {})", r.doc_bugs.iter().map(|b| format!("#{b}")).collect::<Vec<_>>().join(", "))
        };
        if writeln!(out, "{:<24} {:<8} {}{}", r.id, r.severity.name(), r.summary, bugs).is_err() {
            return;
        }
    }
}
