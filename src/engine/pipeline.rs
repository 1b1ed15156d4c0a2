//! Pipelines: command resolution, argument evaluation, binding, and streaming objects through
//! `begin`/`process`/`end` of every command. Objects flow one at a time; nothing is collected
//! unless the consumer collects it.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::engine::bind::{self, Arg, BindError, BindRequest, Bound, Signature};
use crate::engine::commands::{Cmdlet, CmdletInfo, Cx, Resolved};
use crate::engine::convert::to_display_string;
use crate::engine::error::{ErrorRecord, Flow, R, Termination, statement_error};
use crate::engine::eval::{NullSink, Sink, emit};
use crate::engine::interp::{ActionPref, FunctionInfo, Interp, StreamTarget};
use crate::engine::value::{Hashtable, ListValue, Value};
use crate::lang::ast::*;
use crate::lang::source::SourceFile;
use crate::lang::sym::{intern, well_known as wk};

pub fn resolve_path(p: &str) -> PathBuf {
    let expanded = if let Some(rest) = p.strip_prefix("~/") {
        match std::env::var("HOME") {
            Ok(h) => format!("{h}/{rest}"),
            Err(_) => p.to_string(),
        }
    } else {
        p.to_string()
    };
    PathBuf::from(expanded.replace('\\', "/"))
}

pub fn append_file(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    f.write_all(text.as_bytes())
}

enum StageKind {
    Cmdlet { info: Rc<CmdletInfo>, bound: Bound, imp: Box<dyn Cmdlet>, error_action: ActionPref, warning_action: ActionPref, verbose: bool, processed: bool },
    Script { body: Rc<ScriptBlock>, sig: Rc<Signature>, bound: Bound, input: Vec<Value>, dot: bool, scope: Option<usize>, is_file: bool, started: bool },
}

struct Stage {
    name: Rc<str>,
    file: Rc<SourceFile>,
    span: Span,
    /// The scope the pipeline runs in: cmdlets run here, functions get a child of it.
    caller_scope: usize,
    kind: StageKind,
    expects_input: bool,
    errors_written: u32,
    redirects: Vec<(u8, StreamTarget)>,
    merge: Option<Rc<RefCell<Vec<Value>>>>,
    /// `-OutVariable` / `-ErrorVariable`: the lists the variables hold, filled as the command runs.
    out_variable: Option<Rc<ListValue>>,
    error_variable: Option<Rc<ListValue>>,
    pipeline_variable: Option<Rc<str>>,
}

struct Downstream<'a> {
    stages: &'a mut [Stage],
    out: &'a mut dyn Sink,
}

impl Sink for Downstream<'_> {
    fn push(&mut self, it: &mut Interp, v: Value) -> R {
        match self.stages.split_first_mut() {
            None => self.out.push(it, v),
            Some((first, rest)) => first.run(it, Phase::Process(Some(v)), &mut Downstream { stages: rest, out: &mut *self.out }),
        }
    }
}

/// Records what a stage outputs for -OutVariable / -PipelineVariable before passing it on, and
/// lets records merged into the output (`2>&1`) flow on in the order they were written.
struct Tap<'a> {
    inner: &'a mut dyn Sink,
    out_var: Option<Rc<ListValue>>,
    pipeline_var: Option<Rc<str>>,
    merge: Option<Rc<RefCell<Vec<Value>>>>,
}

impl Tap<'_> {
    fn drain_merged(&mut self, it: &mut Interp) -> R {
        if let Some(buf) = &self.merge {
            if buf.borrow().is_empty() {
                return Ok(());
            }
            let pending: Vec<Value> = buf.borrow_mut().drain(..).collect();
            for v in pending {
                self.inner.push(it, v)?;
            }
        }
        Ok(())
    }
}

impl Sink for Tap<'_> {
    fn push(&mut self, it: &mut Interp, v: Value) -> R {
        self.drain_merged(it)?;
        if let Some(ov) = &self.out_var {
            ov.items.borrow_mut().push(v.clone());
        }
        if let Some(pv) = &self.pipeline_var {
            let _ = it.set_var(intern(pv), v.clone());
        }
        self.inner.push(it, v)
    }
}

enum Phase {
    Begin,
    Process(Option<Value>),
    End,
}

impl Stage {
    fn run(&mut self, it: &mut Interp, phase: Phase, down: &mut dyn Sink) -> R {
        // Apply this command's own redirections for the duration of the call.
        let saved_redirects = if self.redirects.is_empty() {
            None
        } else {
            let saved = it.redirects.clone();
            for (stream, target) in &self.redirects {
                if *stream == 0 {
                    for s in 2..=6 {
                        it.redirects.streams[s] = Some(target.clone());
                    }
                } else {
                    it.redirects.streams[*stream as usize] = Some(target.clone());
                }
            }
            Some(saved)
        };
        let saved_cur = it.cur;
        // Functions and scripts are frames: Write-Error reports their call site.
        let is_script = matches!(self.kind, StageKind::Script { .. });
        if is_script {
            it.frames.push(crate::engine::interp::Frame { command: self.name.clone(), file: Some(self.file.clone()), span: self.span });
        }
        if let Some(l) = &self.error_variable {
            it.error_vars.push(l.clone());
        }
        let mut tap = Tap { inner: down, out_var: self.out_variable.clone(), pipeline_var: self.pipeline_variable.clone(), merge: self.merge.clone() };
        let result = self.run_inner(it, phase, &mut tap);
        if let Some(l) = &self.error_variable {
            it.error_vars.pop();
            if let Err(Flow::Error(rec, _)) = &result {
                l.items.borrow_mut().push(Value::Net(Rc::new(crate::engine::error::ErrorRecordObject(rec.clone()))));
            }
        }
        if is_script {
            it.frames.pop();
        }
        it.cur = saved_cur;
        if let Some(saved) = saved_redirects {
            it.redirects = saved;
        }
        // Error records merged into output (`2>&1`) that were written after the last output.
        tap.drain_merged(it)?;
        result
    }

    fn run_inner(&mut self, it: &mut Interp, phase: Phase, down: &mut dyn Sink) -> R {
        match &mut self.kind {
            StageKind::Cmdlet { info, bound, imp, error_action, warning_action, verbose, processed } => {
                it.cur = self.caller_scope;
                let has_input = self.expects_input;
                match phase {
                    Phase::Process(Some(ref input)) => {
                        if let Err(e) = bind::bind_pipeline(&info.sig, bound, input, &info.name) {
                            let rec = binding_error_record(&e, &self.file, self.span, &self.name, &info.name, &info.module).with_target(input.clone());
                            self.errors_written += 1;
                            return it.write_error(rec, *error_action);
                        }
                        *processed = true;
                    }
                    Phase::Process(None) => *processed = true,
                    Phase::End if !*processed && !self.expects_input => {
                        // No input and never processed: pwsh calls ProcessRecord once.
                        *processed = true;
                        let mut cx = Cx {
                            it,
                            sig: &info.sig,
                            bound,
                            out: down,
                            info,
                            invoked_as: &self.name,
                            file: &self.file,
                            span: self.span,
                            has_input,
                            error_action: *error_action,
                            warning_action: *warning_action,
                            verbose: *verbose,
                            errors_written: &mut self.errors_written,
                        };
                        imp.process(&mut cx)?;
                        return imp.end(&mut cx);
                    }
                    _ => {}
                }
                let mut cx = Cx {
                    it,
                    sig: &info.sig,
                    bound,
                    out: down,
                    info,
                    invoked_as: &self.name,
                    file: &self.file,
                    span: self.span,
                    has_input,
                    error_action: *error_action,
                    warning_action: *warning_action,
                    verbose: *verbose,
                    errors_written: &mut self.errors_written,
                };
                match phase {
                    Phase::Begin => imp.begin(&mut cx),
                    Phase::Process(_) => imp.process(&mut cx),
                    Phase::End => imp.end(&mut cx),
                }
            }
            StageKind::Script { body, sig, bound, input, dot, scope, is_file, started } => {
                let body = body.clone();
                match phase {
                    Phase::Begin => {
                        it.call_depth += 1;
                        let fscope = if *dot { self.caller_scope } else { it.new_scope(self.caller_scope) };
                        *scope = Some(fscope);
                        *started = true;
                        it.cur = fscope;
                        if *is_file {
                            it.scope_mut(fscope).is_script = true;
                        }
                        it.files.push(body.file.clone());
                        let saved_script = it.script_scope;
                        if *is_file && !*dot {
                            it.script_scope = fscope;
                        }
                        let r = (|| -> R {
                            it.bind_into_scope(sig, bound, &body, fscope, self.span)?;
                            match &body.begin {
                                Some(b) => catch_return(it.exec_block(b, down)),
                                None => Ok(()),
                            }
                        })();
                        it.script_scope = saved_script;
                        it.files.pop();
                        r
                    }
                    Phase::Process(item) => {
                        let Some(fscope) = *scope else { return Ok(()) };
                        match &body.process {
                            Some(pb) => {
                                it.cur = fscope;
                                it.files.push(body.file.clone());
                                let saved_script = it.script_scope;
                                if *is_file && !*dot {
                                    it.script_scope = fscope;
                                }
                                let r = (|| -> R {
                                    if let Some(v) = &item {
                                        it.define_var(fscope, wk::UNDERSCORE, v.clone(), None);
                                        it.define_var(fscope, wk::INPUT, Value::array(vec![v.clone()]), None);
                                        if sig.params.iter().any(|p| p.pipeline_in(u64::MAX) || p.by_name_in(u64::MAX)) {
                                            // Parameters bound from the previous object get their
                                            // defaults back (RestoreDefaultParameterValues).
                                            let previous = bound.from_pipeline.clone();
                                            let r = bind::bind_pipeline(sig, bound, v, &self.name);
                                            for i in previous {
                                                if !bound.from_pipeline.contains(&i) {
                                                    it.define_param(fscope, &sig.params[i], None)?;
                                                }
                                            }
                                            match r {
                                                Ok(()) => {
                                                    for &i in &bound.from_pipeline {
                                                        let p = &sig.params[i];
                                                        let val = bound.values[i].clone().unwrap_or(Value::Null);
                                                        it.define_var(fscope, intern(&p.name), val, param_constraint(p));
                                                    }
                                                }
                                                Err(e) => {
                                                    let rec =
                                                        binding_error_record(&e, &self.file, self.span, &self.name, &self.name, "").with_target(v.clone());
                                                    let ea = it.error_action();
                                                    return it.write_error(rec, ea);
                                                }
                                            }
                                        }
                                    }
                                    catch_return(it.exec_block(pb, down))
                                })();
                                it.script_scope = saved_script;
                                it.files.pop();
                                r
                            }
                            None => {
                                if let Some(v) = item {
                                    input.push(v);
                                }
                                Ok(())
                            }
                        }
                    }
                    Phase::End => {
                        let Some(fscope) = *scope else { return Ok(()) };
                        it.cur = fscope;
                        it.files.push(body.file.clone());
                        let saved_script = it.script_scope;
                        if *is_file && !*dot {
                            it.script_scope = fscope;
                        }
                        let r = match &body.end {
                            Some(eb) => {
                                if body.process.is_none() {
                                    let items = std::mem::take(input);
                                    it.define_var(fscope, wk::INPUT, Value::array(items), None);
                                }
                                let r = it.exec_block(eb, down);
                                match r {
                                    Err(Flow::Exit(code)) if *is_file => {
                                        it.set_var_in(0, wk::LAST_EXIT_CODE, Value::Int(code)).ok();
                                        // A script that exits non-zero leaves `$?` false.
                                        if code != 0 {
                                            self.errors_written += 1;
                                        }
                                        Ok(())
                                    }
                                    other => catch_return(other),
                                }
                            }
                            None => Ok(()),
                        };
                        it.script_scope = saved_script;
                        it.files.pop();
                        r
                    }
                }
            }
        }
    }

    /// Release a function's scope (also after errors).
    fn finish(&mut self, it: &mut Interp) {
        if let StageKind::Script { scope, dot, started, .. } = &mut self.kind {
            if std::mem::take(started) {
                it.call_depth = it.call_depth.saturating_sub(1);
            }
            if let Some(s) = scope.take() {
                if !*dot {
                    it.free_scope(s);
                }
            }
        }
    }
}

impl Interp {
    /// `-OutVariable x` / `-ErrorVariable +x`: the list the command fills, stored in the variable
    /// (in the caller's scope) before the command runs; `+name` appends to the existing value.
    pub fn stream_variable(&mut self, spec: &str) -> Rc<ListValue> {
        let (append, name) = match spec.strip_prefix('+') {
            Some(n) => (true, n),
            None => (false, spec),
        };
        let sym = intern(name);
        let mut items = Vec::new();
        if append {
            match self.get_var(sym) {
                Some(Value::List(l)) if l.element_type.is_none() => return l,
                Some(Value::Null) | None => {}
                Some(other) => items = other.enumerate().unwrap_or_else(|| vec![other.clone()]),
            }
        }
        let l = Rc::new(ListValue { items: RefCell::new(items), element_type: None });
        let _ = self.set_var(sym, Value::List(l.clone()));
        l
    }
}

/// The end of a function, script block or script: `return` stops here, and an error that
/// terminated the command becomes statement-terminating for the caller.
pub fn catch_return(r: R) -> R {
    match r {
        Err(Flow::Return) => Ok(()),
        Err(Flow::Error(rec, Termination::Command)) => Err(Flow::Error(rec, Termination::Statement)),
        other => other,
    }
}

fn param_constraint(p: &bind::ParamDef) -> Option<Rc<crate::engine::types::TypeRef>> {
    match &p.ty {
        bind::ParamType::Typed(t) => Some(t.clone()),
        bind::ParamType::Switch => Some(crate::engine::types::TypeRef::known(crate::engine::types::Known::SwitchParameter)),
        _ => None,
    }
}

/// A ParameterBindingException as pwsh reports it.
pub fn binding_error_record(e: &BindError, file: &Rc<SourceFile>, cmd_span: Span, invoked_as: &str, command: &str, module: &str) -> ErrorRecord {
    let compact: String = command.chars().filter(|c| *c != '-').collect();
    let suffix = if module.starts_with("Microsoft.PowerShell") {
        format!("Microsoft.PowerShell.Commands.{compact}Command")
    } else if module.is_empty() {
        command.to_string()
    } else {
        format!("{module}.{compact}")
    };
    ErrorRecord::new(e.exception, e.message.clone(), &format!("{},{}", e.id, suffix), e.category).at(file, e.span.unwrap_or(cmd_span)).for_command(invoked_as)
}

impl Interp {
    /// Run one pipeline (`a | b | c`, or an expression, or an assignment).
    pub fn run_pipeline(&mut self, p: &Pipeline, out: &mut dyn Sink) -> R {
        if p.elements.len() == 1 {
            match &p.elements[0] {
                PipeElement::Command(c) if c.redirections.is_empty() && c.invocation != Invocation::DotSource => match self.cached_function(c) {
                    Some((f, Some(plan))) => {
                        let r = self.call_planned(c, &f, &plan, out);
                        self.last_ok = r.is_ok() && self.last_ok;
                        return r;
                    }
                    Some((f, None)) => {
                        let r = self.call_function(c, &f, out);
                        self.last_ok = r.is_ok() && self.last_ok;
                        return r;
                    }
                    None => {}
                },
                PipeElement::Assign(a) => {
                    self.assign(a)?;
                    self.last_ok = true;
                    return Ok(());
                }
                PipeElement::Expr { expr, redirections } if redirections.is_empty() => {
                    if let ExprKind::IncDec { .. } = expr.kind {
                        self.eval(expr)?;
                        return Ok(());
                    }
                    let v = self.eval(expr)?;
                    self.last_ok = true;
                    return emit(self, v, out);
                }
                _ => {}
            }
        }
        let mut stages: Vec<Stage> = Vec::with_capacity(p.elements.len());
        let mut head: Option<(&Expr, &[Redirection])> = None;
        for (i, el) in p.elements.iter().enumerate() {
            match el {
                PipeElement::Expr { expr, redirections } => head = Some((expr, redirections)),
                PipeElement::Assign(a) => {
                    self.assign(a)?;
                }
                PipeElement::Command(c) => match self.prepare_stage(c, i > 0) {
                    Ok(s) => stages.push(s),
                    Err(e) => {
                        for s in &mut stages {
                            s.finish(self);
                        }
                        return Err(e);
                    }
                },
            }
        }
        // `expr > file`, `cmd > file`: the pipeline's output goes to the file.
        let mut file_sink: Option<FileSink> = None;
        let mut out_reds: Vec<Redirection> = Vec::new();
        if let Some((_, reds)) = head {
            out_reds.extend(reds.iter().cloned());
        }
        if let Some(PipeElement::Command(c)) = p.elements.last() {
            out_reds.extend(c.redirections.iter().filter(|r| r.stream == 1 || r.stream == 0).cloned());
        }
        if !out_reds.is_empty() {
            match self.output_redirect_target(&out_reds) {
                Ok(Some(t)) => file_sink = Some(FileSink { target: t, fmt: crate::engine::format::OutDefault::for_text(None) }),
                Ok(None) => {}
                Err(e) => {
                    for s in &mut stages {
                        s.finish(self);
                    }
                    return Err(e);
                }
            }
        }
        let errors_before = self.error_list.items.borrow().len();
        let result = match file_sink.as_mut() {
            Some(fs) => self.drive(&mut stages, head.map(|h| h.0), fs),
            None => self.drive(&mut stages, head.map(|h| h.0), out),
        };
        for s in &mut stages {
            s.finish(self);
        }
        if let Some(fs) = file_sink.as_mut() {
            fs.flush()?;
        }
        let any_error = stages.iter().any(|s| s.errors_written > 0) || self.error_list.items.borrow().len() > errors_before && stages.is_empty();
        self.last_ok = result.is_ok() && !any_error;
        result
    }

    fn drive(&mut self, stages: &mut [Stage], head: Option<&Expr>, out: &mut dyn Sink) -> R {
        for i in 0..stages.len() {
            let (left, right) = stages.split_at_mut(i + 1);
            let cur = &mut left[i];
            cur.run(self, Phase::Begin, &mut Downstream { stages: right, out: &mut *out })?;
        }
        if let Some(e) = head {
            // Stream a range without materialising it.
            if let ExprKind::Binary(BinOp::Range, a, b) = &e.kind {
                let lo = self.eval(a)?;
                let hi = self.eval(b)?;
                if let (Some(lo), Some(hi)) = (crate::engine::ops::range_bound(&lo), crate::engine::ops::range_bound(&hi)) {
                    let step: i64 = if hi >= lo { 1 } else { -1 };
                    let mut i = lo;
                    loop {
                        Downstream { stages: &mut *stages, out: &mut *out }.push(self, Value::Int(i as i32))?;
                        if i == hi {
                            break;
                        }
                        i += step;
                    }
                }
            } else {
                let v = self.eval(e)?;
                emit(self, v, &mut Downstream { stages: &mut *stages, out: &mut *out })?;
            }
        } else if let Some((first, rest)) = stages.split_first_mut() {
            if !first.expects_input {
                first.run(self, Phase::Process(None), &mut Downstream { stages: rest, out: &mut *out })?;
            }
        }
        for i in 0..stages.len() {
            let (left, right) = stages.split_at_mut(i + 1);
            let cur = &mut left[i];
            cur.run(self, Phase::End, &mut Downstream { stages: right, out: &mut *out })?;
        }
        Ok(())
    }

    fn output_redirect_target(&mut self, reds: &[Redirection]) -> R<Option<(PathBuf, bool)>> {
        let mut target = None;
        for r in reds {
            if r.stream == 1 || r.stream == 0 {
                if let RedirectTarget::File(e) = &r.target {
                    let v = self.eval(e)?;
                    if v.is_null() {
                        target = Some((PathBuf::new(), false));
                    } else {
                        target = Some((resolve_path(&to_display_string(&v)), r.append));
                    }
                }
            }
        }
        Ok(target)
    }

    fn prepare_stage(&mut self, call: &CommandCall, has_input: bool) -> R<Stage> {
        let file = self.current_file_or_anon();
        let (resolved, name) = self.resolve_call(call, &file)?;
        let args = self.eval_args(call)?;
        let caller_scope = self.cur;
        let mut redirects = Vec::new();
        let mut merge = None;
        for r in &call.redirections {
            let target = match &r.target {
                RedirectTarget::Stream(_) => {
                    let buf = merge.get_or_insert_with(|| Rc::new(RefCell::new(Vec::new()))).clone();
                    StreamTarget::Merge(buf)
                }
                RedirectTarget::File(e) => {
                    let v = self.eval(e)?;
                    if v.is_null() {
                        StreamTarget::Discard
                    } else {
                        let p = resolve_path(&to_display_string(&v));
                        if !r.append && r.stream != 1 {
                            let _ = std::fs::write(&p, "");
                        }
                        StreamTarget::File(p, r.append)
                    }
                }
            };
            if r.stream != 1 {
                redirects.push((r.stream, target));
            }
        }
        let kind = match &resolved {
            Resolved::Cmdlet(info) => {
                let bound = bind::bind(BindRequest { sig: &info.sig, args, expects_input: has_input, command_name: &info.name })
                    .map_err(|e| statement_error(binding_error_record(&e, &file, call.span, &name, &info.name, &info.module)))?;
                let error_action = bound.common.error_action.unwrap_or_else(|| self.error_action());
                let warning_action = bound.common.warning_action.unwrap_or_else(|| self.pref(wk::WARNING_PREFERENCE, ActionPref::Continue));
                let verbose = bound.common.verbose.unwrap_or_else(|| self.pref(wk::VERBOSE_PREFERENCE, ActionPref::SilentlyContinue) == ActionPref::Continue);
                StageKind::Cmdlet { info: info.clone(), bound, imp: (info.make)(), error_action, warning_action, verbose, processed: false }
            }
            Resolved::Function(f) | Resolved::Planned(f, _) => {
                self.check_call_depth()?;
                let sig = crate::engine::funcsig::cached_signature(&f.body, &f.name);
                let bound = bind::bind(BindRequest { sig: &sig, args, expects_input: has_input, command_name: &f.name })
                    .map_err(|e| statement_error(binding_error_record(&e, &file, call.span, &name, &f.name, "")))?;
                StageKind::Script {
                    body: f.body.clone(),
                    sig,
                    bound,
                    input: Vec::new(),
                    dot: call.invocation == Invocation::DotSource,
                    scope: None,
                    is_file: false,
                    started: false,
                }
            }
            Resolved::Script(path) => {
                self.check_call_depth()?;
                let body = self.load_script(path, &file, call.span)?;
                let sig = crate::engine::funcsig::cached_signature(&body, &path.display().to_string());
                let bound = bind::bind(BindRequest { sig: &sig, args, expects_input: has_input, command_name: &name })
                    .map_err(|e| statement_error(binding_error_record(&e, &file, call.span, &name, &name, "")))?;
                StageKind::Script {
                    body,
                    sig,
                    bound,
                    input: Vec::new(),
                    dot: call.invocation == Invocation::DotSource,
                    scope: None,
                    is_file: true,
                    started: false,
                }
            }
        };
        let common = match &kind {
            StageKind::Cmdlet { bound, .. } | StageKind::Script { bound, .. } => &bound.common,
        };
        let (ov, ev, pipeline_variable) = (common.out_variable.clone(), common.error_variable.clone(), common.pipeline_variable.clone());
        let out_variable = ov.map(|n| self.stream_variable(&n));
        let error_variable = ev.map(|n| self.stream_variable(&n));
        Ok(Stage {
            name,
            file,
            span: call.span,
            caller_scope,
            kind,
            expects_input: has_input,
            errors_written: 0,
            redirects,
            merge,
            out_variable,
            error_variable,
            pipeline_variable,
        })
    }

    /// The function a call site resolved to last time, if the command table has not changed.
    fn cached_function(&self, call: &CommandCall) -> Option<(Rc<FunctionInfo>, Option<Rc<crate::engine::callplan::CallPlan>>)> {
        if let CommandName::Bare(_) = &call.name {
            match call.cache.borrow().as_ref() {
                Some((generation, Resolved::Function(f))) if *generation == self.generation => return Some((f.clone(), None)),
                Some((generation, Resolved::Planned(f, p))) if *generation == self.generation => return Some((f.clone(), Some(p.clone()))),
                _ => {}
            }
        }
        None
    }

    /// A function call that is a whole pipeline: no streaming machinery needed.
    fn call_function(&mut self, call: &CommandCall, f: &Rc<FunctionInfo>, out: &mut dyn Sink) -> R {
        let args = self.eval_args(call)?;
        self.check_call_depth()?;
        let sig = crate::engine::funcsig::cached_signature(&f.body, &f.name);
        if let Some(plan) = crate::engine::callplan::plan_for(call, f, &sig) {
            let generation = self.generation;
            *call.cache.borrow_mut() = Some((generation, Resolved::Planned(f.clone(), Rc::new(plan))));
        }
        let bound = match bind::bind(BindRequest { sig: &sig, args, expects_input: false, command_name: &f.name }) {
            Ok(b) => b,
            Err(e) => {
                let file = self.current_file_or_anon();
                return Err(statement_error(binding_error_record(&e, &file, call.span, &f.name, &f.name, "")));
            }
        };
        self.last_ok = true;
        let c = &bound.common;
        if c.out_variable.is_some() || c.error_variable.is_some() || c.pipeline_variable.is_some() {
            let ov = c.out_variable.clone().map(|n| self.stream_variable(&n));
            let ev = c.error_variable.clone().map(|n| self.stream_variable(&n));
            let mut tap = Tap { inner: out, out_var: ov, pipeline_var: c.pipeline_variable.clone(), merge: None };
            if let Some(l) = &ev {
                self.error_vars.push(l.clone());
            }
            let r = self.run_function_body(call, f, &sig, &bound, &mut tap);
            if let Some(l) = &ev {
                self.error_vars.pop();
                if let Err(Flow::Error(rec, _)) = &r {
                    l.items.borrow_mut().push(Value::Net(Rc::new(crate::engine::error::ErrorRecordObject(rec.clone()))));
                }
            }
            return r;
        }
        self.run_function_body(call, f, &sig, &bound, out)
    }

    fn run_function_body(&mut self, call: &CommandCall, f: &Rc<FunctionInfo>, sig: &Signature, bound: &Bound, out: &mut dyn Sink) -> R {
        let caller = self.cur;
        let scope = self.new_scope(caller);
        self.cur = scope;
        self.call_depth += 1;
        self.files.push(f.body.file.clone());
        let body = &f.body;
        let r = (|| -> R {
            self.bind_into_scope(sig, bound, body, scope, call.span)?;
            if let Some(b) = &body.begin {
                catch_return(self.exec_block(b, out))?;
            }
            if let Some(b) = &body.process {
                catch_return(self.exec_block(b, out))?;
            }
            if let Some(b) = &body.end {
                catch_return(self.exec_block(b, out))?;
            }
            Ok(())
        })();
        self.files.pop();
        self.call_depth -= 1;
        self.cur = caller;
        self.free_scope(scope);
        r
    }

    fn load_script(&mut self, path: &Path, file: &Rc<SourceFile>, span: Span) -> R<Rc<ScriptBlock>> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            statement_error(
                ErrorRecord::new(
                    "System.Management.Automation.CommandNotFoundException",
                    format!("Cannot read script '{}': {e}", path.display()),
                    "CommandNotFoundException",
                    "ObjectNotFound",
                )
                .at(file, span),
            )
        })?;
        match crate::lang::parse_script(text, Some(path.to_path_buf())) {
            Ok(sb) => Ok(sb),
            Err(pe) => Err(Flow::Error(Rc::new(crate::engine::display::parse_error_record(&pe)), Termination::Script)),
        }
    }

    /// Bind parameter values into a new function/script scope as variables.
    pub fn bind_into_scope(&mut self, sig: &Signature, bound: &Bound, body: &ScriptBlock, scope: usize, _span: Span) -> R {
        for (i, p) in sig.params.iter().enumerate() {
            self.define_param(scope, p, bound.values[i].clone())?;
        }
        self.bind_scope_extras(sig, bound, body, scope, _span)
    }

    /// Define one parameter variable in a function scope: its bound value, else its default
    /// (evaluated in the function scope), else its type's default.
    pub fn define_param(&mut self, scope: usize, p: &bind::ParamDef, value: Option<Value>) -> R {
        let sym = p.sym;
        let constraint = param_constraint(p);
        {
            match value {
                Some(v) => self.define_var(scope, sym, v, constraint),
                None => {
                    let v = match &p.default {
                        Some(e) => {
                            let saved = self.cur;
                            self.cur = scope;
                            let r = self.eval(e);
                            self.cur = saved;
                            let v = r?;
                            match &constraint {
                                Some(t) => crate::engine::convert::convert_to(&v, t).unwrap_or(v),
                                None => v,
                            }
                        }
                        None => match &p.ty {
                            bind::ParamType::Switch => Value::Switch(false),
                            bind::ParamType::Typed(t) => match &**t {
                                crate::engine::types::TypeRef::Known(k) => match k {
                                    crate::engine::types::Known::String => Value::str(""),
                                    crate::engine::types::Known::Int32 | crate::engine::types::Known::Int16 | crate::engine::types::Known::Byte => {
                                        Value::Int(0)
                                    }
                                    crate::engine::types::Known::Int64 => Value::Long(0),
                                    crate::engine::types::Known::Double => Value::Double(0.0),
                                    crate::engine::types::Known::Bool => Value::Bool(false),
                                    _ => Value::Null,
                                },
                                _ => Value::Null,
                            },
                            _ => Value::Null,
                        },
                    };
                    self.define_var(scope, sym, v, constraint);
                }
            }
        }
        Ok(())
    }

    fn bind_scope_extras(&mut self, sig: &Signature, bound: &Bound, body: &ScriptBlock, scope: usize, _span: Span) -> R {
        if body.uses_args {
            self.define_var(scope, wk::ARGS, Value::array(bound.remaining.clone()), None);
        }
        if body.uses_bound_parameters {
            let table = Value::Hashtable(Rc::new(RefCell::new(bind::bound_parameters_table(sig, bound))));
            self.define_var(scope, wk::PS_BOUND_PARAMETERS, table.clone(), None);
            let inv = self.invocation_object(&sig.name, body, table, bound.remaining.clone(), _span);
            self.define_var(scope, wk::MY_INVOCATION, inv.clone(), None);
            if sig.kind == bind::SigKind::Advanced {
                let call_file = if self.files.len() >= 2 { self.files.get(self.files.len() - 2).cloned() } else { None };
                let obj = crate::engine::pscmdlet::PSCmdletObject {
                    command: sig.name.clone(),
                    set_name: Rc::from(bound.set_name(sig)),
                    invocation: inv,
                    call_file,
                    call_span: _span,
                };
                self.define_var(scope, wk::PS_CMDLET, Value::Net(Rc::new(obj)), None);
            }
        }
        // Common parameters of advanced functions become local preferences.
        let c = &bound.common;
        if let Some(ea) = c.error_action {
            self.define_var(scope, wk::ERROR_ACTION_PREFERENCE, Value::str(ea.name()), None);
        }
        if let Some(wa) = c.warning_action {
            self.define_var(scope, wk::WARNING_PREFERENCE, Value::str(wa.name()), None);
        }
        if c.verbose == Some(true) {
            self.define_var(scope, wk::VERBOSE_PREFERENCE, Value::str("Continue"), None);
        }
        if c.debug == Some(true) {
            self.define_var(scope, wk::DEBUG_PREFERENCE, Value::str("Continue"), None);
        }
        if let Some(w) = c.what_if {
            self.define_var(scope, wk::WHATIF_PREFERENCE, Value::Bool(w), None);
        }
        // [ValidateScript()] runs with $_ bound to the argument.
        for (i, p) in sig.params.iter().enumerate() {
            if let (Some(vs), Some(v)) = (&p.validate_script, &bound.values[i]) {
                let ok = self.invoke_script_block_value(vs, vec![], Some(v.clone()), false)?;
                if !crate::engine::convert::to_bool(&ok) {
                    // The caller's file: the function's own file is the innermost one here.
                    let file = if self.files.len() >= 2 { self.files[self.files.len() - 2].clone() } else { self.current_file_or_anon() };
                    let e = BindError {
                        message: format!(
                            "Cannot validate argument on parameter '{}'. The \"{}\" validation script for the argument with value \"{}\" did not return a result of True. Determine why the validation script failed, and then try the command again.",
                            p.name,
                            vs.body_text(),
                            to_display_string(v)
                        ),
                        id: "ParameterArgumentValidationError",
                        exception: "System.Management.Automation.ParameterBindingValidationException",
                        category: "InvalidData",
                        span: bound.spans.get(i).copied().flatten(),
                    };
                    return Err(statement_error(binding_error_record(&e, &file, _span, &sig.name, &sig.name, "")));
                }
            }
        }
        Ok(())
    }

    /// Evaluate a command's arguments, expanding splats.
    pub fn eval_args(&mut self, call: &CommandCall) -> R<Vec<Arg>> {
        let mut out = Vec::with_capacity(call.args.len());
        for a in &call.args {
            match a {
                CommandArg::Param { name, value, colon, span } => {
                    let v = match value {
                        Some(e) => Some(self.eval(e)?),
                        None => None,
                    };
                    out.push(Arg::Named { name: name.clone(), value: v, colon: *colon, span: *span });
                }
                CommandArg::Value(e) => {
                    let v = self.eval(e)?;
                    out.push(Arg::Positional { value: v, span: e.span, text: bind::no_text() });
                }
                CommandArg::Splat { var, span } => {
                    let v = self.read_var(var, *span)?;
                    match &v {
                        Value::Hashtable(h) => {
                            for (k, val) in h.borrow().iter() {
                                let name: Rc<str> = Rc::from(to_display_string(k).as_str());
                                out.push(Arg::Named { name, value: Some(val.clone()), colon: true, span: *span });
                            }
                        }
                        Value::Null => {}
                        other => {
                            for item in other.enumerate().unwrap_or_else(|| vec![other.clone()]) {
                                out.push(Arg::Positional { value: item, span: *span, text: bind::no_text() });
                            }
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    fn resolve_call(&mut self, call: &CommandCall, file: &Rc<SourceFile>) -> R<(Resolved, Rc<str>)> {
        let name: Rc<str> = match &call.name {
            CommandName::Bare(n) => {
                if let Some((generation, r)) = call.cache.borrow().as_ref() {
                    if *generation == self.generation {
                        return Ok((r.clone(), n.clone()));
                    }
                }
                n.clone()
            }
            CommandName::Expr(e) => {
                let v = self.eval(e)?;
                match &v {
                    Value::ScriptBlock(sb) => {
                        let f = Rc::new(FunctionInfo { name: Rc::from("<ScriptBlock>"), body: sb.clone(), is_filter: false });
                        return Ok((Resolved::Function(f), Rc::from("<ScriptBlock>")));
                    }
                    Value::Object(o) if o.borrow().get("Name").is_some() && o.borrow().type_names[0].contains("CommandInfo") => {
                        Rc::from(o.borrow().get_value("Name").map(|v| to_display_string(&v)).unwrap_or_default().as_str())
                    }
                    other => Rc::from(to_display_string(other).as_str()),
                }
            }
        };
        match self.resolve_command(&name) {
            Some(r) => {
                if let CommandName::Bare(_) = &call.name {
                    *call.cache.borrow_mut() = Some((self.generation, r.clone()));
                }
                Ok((r, name))
            }
            None => Err(statement_error(command_not_found(&name).at(file, command_name_span(call, file)))),
        }
    }

    /// Resolve a command name: alias, function, cmdlet (incl. prefixed Exchange cmdlets), script.
    pub fn resolve_command(&mut self, name: &str) -> Option<Resolved> {
        let mut name = name.to_string();
        for _ in 0..8 {
            let sym = intern(&name);
            if let Some(target) = self.find_alias(sym) {
                name = target.to_string();
                continue;
            }
            if let Some(target) = crate::cmdlets::builtin_alias(&name) {
                if self.find_function(sym).is_none() {
                    name = target.to_string();
                    continue;
                }
            }
            break;
        }
        // Pester mocks shadow functions and cmdlets (only while a test run is active).
        if self.session.pester.is_some() {
            if let Some(r) = crate::cmdlets::pester::mock::resolve(self, &name) {
                return Some(r);
            }
        }
        let sym = intern(&name);
        if let Some(f) = self.find_function(sym) {
            return Some(Resolved::Function(f));
        }
        if let Some(info) = crate::cmdlets::lookup(self, &name) {
            return Some(Resolved::Cmdlet(info));
        }
        if name.ends_with(".ps1") || name.contains('/') || name.contains('\\') {
            let p = resolve_path(&name);
            if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ps1")) && p.is_file() {
                return Some(Resolved::Script(Rc::new(p)));
            }
        }
        None
    }

    // ───────────────────────────── script blocks ─────────────────────────────

    /// Invoke a script block with `$_` and arguments; output goes to `out`.
    /// `new_scope` false = dot-sourced (ForEach-Object, Where-Object, switch conditions).
    pub fn invoke_script_block(&mut self, sb: &Rc<ScriptBlock>, args: Vec<Value>, dollar_under: Option<Value>, new_scope: bool, out: &mut dyn Sink) -> R {
        self.call_depth += 1;
        if self.call_depth > crate::engine::interp::MAX_CALL_DEPTH {
            self.call_depth -= 1;
            return self.check_call_depth().and(Ok(()));
        }
        let saved_cur = self.cur;
        let scope = if new_scope { self.new_scope(self.cur) } else { self.cur };
        self.cur = scope;
        let saved_under = if new_scope { None } else { self.scope(scope).vars.get(&wk::UNDERSCORE).cloned() };
        if let Some(v) = &dollar_under {
            self.define_var(scope, wk::UNDERSCORE, v.clone(), None);
        }
        self.files.push(sb.file.clone());
        let r = (|| -> R {
            if sb.params.is_some() || !args.is_empty() {
                if sb.params.is_some() {
                    let sig = crate::engine::funcsig::cached_signature(sb, "<ScriptBlock>");
                    let bargs: Vec<Arg> = args.iter().map(|v| Arg::Positional { value: v.clone(), span: sb.span, text: bind::no_text() }).collect();
                    let bound = bind::bind(BindRequest { sig: &sig, args: bargs, expects_input: false, command_name: "<ScriptBlock>" })
                        .map_err(|e| statement_error(binding_error_record(&e, &sb.file, sb.span, "<ScriptBlock>", "<ScriptBlock>", "")))?;
                    self.bind_into_scope(&sig, &bound, sb, scope, sb.span)?;
                } else {
                    self.define_var(scope, wk::ARGS, Value::array(args.clone()), None);
                }
            }
            if let Some(b) = &sb.begin {
                self.exec_block(b, out)?;
            }
            if let Some(p) = &sb.process {
                self.exec_block(p, out)?;
            }
            if let Some(e) = &sb.end {
                self.exec_block(e, out)?;
            }
            Ok(())
        })();
        self.files.pop();
        if !new_scope {
            match saved_under {
                Some(v) => {
                    self.scope_mut(scope).vars.insert(wk::UNDERSCORE, v);
                }
                None => {
                    if dollar_under.is_some() {
                        self.remove_var(scope, wk::UNDERSCORE);
                    }
                }
            }
        }
        self.cur = saved_cur;
        if new_scope {
            self.free_scope(scope);
        }
        self.call_depth -= 1;
        catch_return(r)
    }

    pub fn invoke_script_block_value(&mut self, sb: &Rc<ScriptBlock>, args: Vec<Value>, dollar_under: Option<Value>, new_scope: bool) -> R<Value> {
        // `{ $_.Dept -eq 3 }` run per pipeline object: a dot-sourced block that is one
        // expression evaluates it directly (same scope, same `$_`, same error handling).
        if !new_scope && args.is_empty() && sb.params.is_none() && sb.begin.is_none() && sb.process.is_none() {
            if let Some([stmt]) = sb.end.as_deref() {
                if let Some(e) = crate::engine::eval::single_expression(stmt) {
                    if self.call_depth < crate::engine::interp::MAX_CALL_DEPTH {
                        return self.eval_with_dollar_under(sb, e, dollar_under);
                    }
                }
            }
        }
        let mut items = crate::engine::eval::Collector::default();
        self.invoke_script_block(sb, args, dollar_under, new_scope, &mut items)?;
        Ok(items.into_value())
    }

    fn eval_with_dollar_under(&mut self, sb: &Rc<ScriptBlock>, e: &Expr, dollar_under: Option<Value>) -> R<Value> {
        let scope = self.cur;
        // Swap `$_` in place instead of saving and re-inserting the variable.
        let previous = match dollar_under {
            Some(v) => match self.scope_mut(scope).vars.get_mut(&wk::UNDERSCORE) {
                Some(var) => Some(Some(std::mem::replace(&mut var.value, v))),
                None => {
                    self.define_var(scope, wk::UNDERSCORE, v, None);
                    Some(None)
                }
            },
            None => None,
        };
        self.files.push(sb.file.clone());
        self.call_depth += 1;
        let r = self.eval(e);
        self.call_depth -= 1;
        self.files.pop();
        match previous {
            Some(Some(old)) => {
                if let Some(var) = self.scope_mut(scope).vars.get_mut(&wk::UNDERSCORE) {
                    var.value = old;
                }
            }
            Some(None) => {
                self.remove_var(scope, wk::UNDERSCORE);
            }
            None => {}
        }
        match r {
            Ok(v) if !v.is_enumerable() => {
                self.last_ok = true;
                Ok(v)
            }
            Ok(v) => {
                let mut items = crate::engine::eval::Collector::default();
                emit(self, v, &mut items)?;
                Ok(items.into_value())
            }
            Err(Flow::Error(rec, term)) => {
                self.statement_failed(rec, term)?;
                Ok(Value::Null)
            }
            Err(Flow::Return) => Ok(Value::Null),
            Err(other) => Err(other),
        }
    }

    /// Run a whole script file as the top-level program (`tenantsim run`).
    pub fn run_script(&mut self, sb: &Rc<ScriptBlock>, args: Vec<Arg>, out: &mut dyn Sink) -> R {
        let sig = crate::engine::funcsig::cached_signature(sb, &sb.file.display_name());
        let name = sb.file.display_name();
        let caller = self.cur;
        let scope = self.new_scope(caller);
        self.scope_mut(scope).is_script = true;
        let saved_script = self.script_scope;
        self.script_scope = scope;
        self.cur = scope;
        self.files.push(sb.file.clone());
        let r = (|| -> R {
            let bound = bind::bind(BindRequest { sig: &sig, args, expects_input: false, command_name: &name }).map_err(|e| {
                Flow::Error(Rc::new(binding_error_record(&e, &sb.file, sb.param_span.unwrap_or(Span::new(0, 0)), &name, &name, "")), Termination::Script)
            })?;
            self.bind_into_scope(&sig, &bound, sb, scope, sb.span)?;
            if let Some(b) = &sb.begin {
                catch_return(self.exec_block(b, out))?;
            }
            if let Some(p) = &sb.process {
                catch_return(self.exec_block(p, out))?;
            }
            if let Some(e) = &sb.end {
                catch_return(self.exec_block(e, out))?;
            }
            Ok(())
        })();
        self.files.pop();
        self.script_scope = saved_script;
        self.cur = caller;
        // The script scope is kept alive: the REPL and tests read its variables afterwards.
        r
    }

    /// Run statements in the current scope (REPL lines, `-Command`).
    pub fn run_interactive(&mut self, sb: &Rc<ScriptBlock>, out: &mut dyn Sink) -> R {
        self.files.push(sb.file.clone());
        let r = (|| -> R {
            if let Some(b) = &sb.begin {
                catch_return(self.exec_block(b, out))?;
            }
            if let Some(p) = &sb.process {
                catch_return(self.exec_block(p, out))?;
            }
            if let Some(e) = &sb.end {
                catch_return(self.exec_block(e, out))?;
            }
            Ok(())
        })();
        self.files.pop();
        r
    }

    // ───────────────────────────── streams ─────────────────────────────

    /// A non-terminating error from a command, with its effective ErrorAction.
    pub fn write_error(&mut self, mut rec: ErrorRecord, action: ActionPref) -> R {
        match action {
            ActionPref::Ignore => return Ok(()),
            ActionPref::Stop => {
                rec.stopped = true;
                return Err(Flow::Error(Rc::new(rec), Termination::Script));
            }
            _ => {}
        }
        let rec = Rc::new(rec);
        self.append_error_variables(&rec);
        self.record_error(&rec);
        self.last_ok = false;
        if action == ActionPref::SilentlyContinue {
            return Ok(());
        }
        self.report_error_display_only(&rec);
        Ok(())
    }

    /// Add an error to the lists of every running command's `-ErrorVariable`.
    pub fn append_error_variables(&mut self, rec: &Rc<ErrorRecord>) {
        for l in &self.error_vars {
            l.items.borrow_mut().push(Value::Net(Rc::new(crate::engine::error::ErrorRecordObject(rec.clone()))));
        }
    }

    pub fn write_warning(&mut self, msg: &str, action: ActionPref) -> R {
        match action {
            ActionPref::SilentlyContinue | ActionPref::Ignore => Ok(()),
            ActionPref::Stop => {
                let rec = ErrorRecord::new(
                    "System.Management.Automation.ActionPreferenceStopException",
                    format!("The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: {msg}"),
                    "ActionPreferenceStop",
                    "OperationStopped",
                );
                Err(Flow::Error(Rc::new(rec), Termination::Script))
            }
            _ => {
                match self.redirects.streams[3].clone() {
                    Some(StreamTarget::Discard) => {}
                    Some(StreamTarget::Merge(buf)) => buf.borrow_mut().push(Value::string(msg.to_string())),
                    Some(StreamTarget::File(p, _)) => {
                        let _ = append_file(&p, &format!("{msg}\n"));
                    }
                    None => self.host.write_warning(msg),
                }
                Ok(())
            }
        }
    }

    pub fn run_null(&mut self, stmts: &[Stmt]) -> R {
        self.exec_block(stmts, &mut NullSink)
    }
}

/// The extent of a command's name element (pwsh positions "not recognized" errors there).
pub fn command_name_span(call: &CommandCall, file: &SourceFile) -> Span {
    match &call.name {
        CommandName::Expr(e) => e.span,
        CommandName::Bare(n) => {
            let text = file.text.as_bytes();
            let mut start = call.span.start as usize;
            if call.invocation != Invocation::Plain {
                // Skip the `&` / `.` operator and the blanks after it.
                start += 1;
                while start < text.len() && (text[start] == b' ' || text[start] == b'\t') {
                    start += 1;
                }
            }
            let end = (start + n.len()).min(call.span.end as usize).max(start);
            let end = if file.text.is_char_boundary(end) { end } else { call.span.end as usize };
            Span::new(start, end)
        }
    }
}

pub fn command_not_found(name: &str) -> ErrorRecord {
    ErrorRecord::new(
        "System.Management.Automation.CommandNotFoundException",
        format!("The term '{name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again."),
        "CommandNotFoundException",
        "ObjectNotFound",
    )
    .with_target(Value::str(name))
    .for_command(name)
}

/// Output redirected to a file (`> out.txt`): written as Out-File would.
struct FileSink {
    target: (PathBuf, bool),
    /// One Out-File document for the whole pipeline.
    fmt: crate::engine::format::OutDefault,
}

impl Sink for FileSink {
    fn push(&mut self, it: &mut Interp, v: Value) -> R {
        let v = crate::engine::format::resolve_script_properties(it, &v);
        self.fmt.push(&v);
        Ok(())
    }
}

impl FileSink {
    fn flush(&mut self) -> R {
        let (path, append) = &self.target;
        if path.as_os_str().is_empty() {
            return Ok(());
        }
        self.fmt.end();
        let text = self.fmt.take();
        let r = if *append { append_file(path, &text) } else { std::fs::write(path, &text) };
        r.map_err(|e| statement_error(ErrorRecord::new("System.IO.IOException", e.to_string(), "FileOpenFailure", "OpenError")))
    }
}

/// `$h = @{}` style helper for cmdlets.
pub fn new_hashtable() -> Value {
    Value::Hashtable(Rc::new(RefCell::new(Hashtable::new())))
}
