//! Statement and expression evaluation.

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::convert::{convert_to, to_bool, to_display_string};
use crate::engine::error::{ErrorRecord, Flow, R, Termination, runtime_error, statement_error};
use crate::engine::interp::Interp;
use crate::engine::ops;
use crate::engine::types::TypeRef;
use crate::engine::value::{Hashtable, PsObject, Value};
use crate::lang::ast::*;
use crate::lang::sym::{intern, well_known as wk};

/// Where statement output goes.
pub trait Sink {
    fn push(&mut self, it: &mut Interp, v: Value) -> R;
}

impl Sink for Vec<Value> {
    fn push(&mut self, _it: &mut Interp, v: Value) -> R {
        Vec::push(self, v);
        Ok(())
    }
}

/// Collects output without allocating for the common zero- and one-item cases.
#[derive(Default)]
pub struct Collector {
    first: Option<Value>,
    rest: Vec<Value>,
}

impl Sink for Collector {
    #[inline]
    fn push(&mut self, _it: &mut Interp, v: Value) -> R {
        if self.rest.is_empty() {
            match self.first.take() {
                None => self.first = Some(v),
                Some(f) => {
                    self.rest.reserve(4);
                    self.rest.push(f);
                    self.rest.push(v);
                }
            }
        } else {
            self.rest.push(v);
        }
        Ok(())
    }
}

impl Collector {
    /// Nothing → $null, one item → the item, more → an array.
    pub fn into_value(self) -> Value {
        if self.rest.is_empty() { self.first.unwrap_or(Value::Null) } else { Value::array(self.rest) }
    }
    pub fn into_vec(self) -> Vec<Value> {
        if self.rest.is_empty() { self.first.into_iter().collect() } else { self.rest }
    }
}

pub struct NullSink;
impl Sink for NullSink {
    fn push(&mut self, _it: &mut Interp, _v: Value) -> R {
        Ok(())
    }
}

/// Collected pipeline output as one value: nothing → $null, one item → the item, more → array.
pub fn collect_value(mut items: Vec<Value>) -> Value {
    match items.len() {
        0 => Value::Null,
        1 => items.pop().unwrap_or(Value::Null),
        _ => Value::array(items),
    }
}

/// Write a value to a sink the way the pipeline does: collections are unrolled one level.
#[inline]
pub fn emit(it: &mut Interp, v: Value, out: &mut dyn Sink) -> R {
    match &v {
        Value::Array(_) | Value::List(_) | Value::Bytes(_) | Value::Net(_) => emit_collection(it, v, out),
        _ => out.push(it, v),
    }
}

#[inline(never)]
fn emit_collection(it: &mut Interp, v: Value, out: &mut dyn Sink) -> R {
    match &v {
        Value::Array(a) => {
            let items = a.borrow().clone();
            for x in items {
                out.push(it, x)?;
            }
            Ok(())
        }
        Value::List(l) => {
            let items = l.items.borrow().clone();
            for x in items {
                out.push(it, x)?;
            }
            Ok(())
        }
        Value::Bytes(b) => {
            for x in b.iter() {
                out.push(it, Value::Byte(*x))?;
            }
            Ok(())
        }
        Value::Net(n) => match n.enumerate() {
            Some(items) => {
                for x in items {
                    out.push(it, x)?;
                }
                Ok(())
            }
            None => out.push(it, v),
        },
        _ => out.push(it, v),
    }
}

/// The expression of a statement that is just one expression (no pipeline, no redirection).
#[inline]
pub fn single_expression(s: &Stmt) -> Option<&Expr> {
    if let StmtKind::Pipeline(chain) = &s.kind {
        if chain.rest.is_empty() && chain.first.elements.len() == 1 {
            if let PipeElement::Expr { expr, redirections } = &chain.first.elements[0] {
                if redirections.is_empty() {
                    return Some(expr);
                }
            }
        }
    }
    None
}

/// The expression of a pipeline chain that is just one expression.
#[inline]
fn single_chain_expression(chain: &PipelineChain) -> Option<&Expr> {
    if chain.rest.is_empty() && chain.first.elements.len() == 1 {
        if let PipeElement::Expr { expr, redirections } = &chain.first.elements[0] {
            if redirections.is_empty() {
                return Some(expr);
            }
        }
    }
    None
}

/// A failed cast as pwsh reports it: the PSInvalidCastException travels inside a
/// RuntimeException (ConvertToRuntimeException), whose record keeps the cast's id and category.
pub fn cast_error_record(err: &crate::engine::convert::ConvError) -> ErrorRecord {
    let msg = err.message();
    ErrorRecord::new("System.Management.Automation.RuntimeException", msg.clone(), err.id, "InvalidArgument")
        .with_inner("System.Management.Automation.PSInvalidCastException", msg)
}

/// The full .NET name a `catch [T]` / `trap [T]` type literal stands for.
fn catch_type_name(t: &TypeName) -> String {
    TypeRef::resolve(t).map(|x| x.full_name()).unwrap_or_else(|| t.full_text())
}

fn label_matches(flow_label: &Option<Rc<str>>, loop_label: &Option<Rc<str>>) -> bool {
    match flow_label {
        None => true,
        Some(l) => loop_label.as_ref().is_some_and(|x| crate::lang::sym::eq_ci(x, l)),
    }
}

enum LoopCtl {
    Next,
    Break,
}

/// Decide what a loop does with its body's result.
/// The end of one loop iteration: `break`/`continue` for this loop, or the error that leaves it.
/// Also where a loop notices Ctrl+C in the REPL, so that `while ($true) {}` can be stopped.
fn loop_result(r: R, label: &Option<Rc<str>>) -> Result<LoopCtl, Flow> {
    if crate::engine::host::interrupt_requested() {
        return Err(crate::engine::error::pipeline_stopped());
    }
    match r {
        Ok(()) => Ok(LoopCtl::Next),
        Err(Flow::Break(l)) if label_matches(&l, label) => Ok(LoopCtl::Break),
        Err(Flow::Continue(l)) if label_matches(&l, label) => Ok(LoopCtl::Next),
        Err(e) => Err(e),
    }
}

impl Interp {
    // ───────────────────────────── statements ─────────────────────────────

    /// Run a statement list. Statement-terminating errors are reported here and execution
    /// continues with the next statement — unless a `try` is active up the call chain, a
    /// `trap` in this list handles it, or `$ErrorActionPreference` is Stop.
    pub fn exec_block(&mut self, stmts: &[Stmt], out: &mut dyn Sink) -> R {
        let has_trap = stmts.iter().any(|s| matches!(s.kind, StmtKind::Trap { .. }));
        for s in stmts {
            if let StmtKind::Trap { .. } = s.kind {
                continue;
            }
            match self.exec_stmt(s, out) {
                Ok(()) => {}
                Err(Flow::Error(rec, term)) => {
                    if has_trap {
                        if let Some(flow) = self.run_trap(stmts, &rec, out)? {
                            return Err(flow);
                        }
                        continue;
                    }
                    self.statement_failed(rec, term)?;
                }
                Err(other) => return Err(other),
            }
        }
        Ok(())
    }

    /// A statement failed: report it and go on (Ok), or propagate (Err) — to an active `try`,
    /// because it is script-terminating, or because `$ErrorActionPreference` is Stop.
    pub fn statement_failed(&mut self, rec: Rc<ErrorRecord>, term: Termination) -> R {
        if term == Termination::Statement && self.try_depth == 0 {
            match self.error_action() {
                crate::engine::interp::ActionPref::Stop => return Err(Flow::Error(rec, Termination::Script)),
                crate::engine::interp::ActionPref::SilentlyContinue | crate::engine::interp::ActionPref::Ignore => {
                    self.append_error_variables(&rec);
                    self.record_error(&rec);
                }
                _ => {
                    self.append_error_variables(&rec);
                    self.report_error(&rec)
                }
            }
            self.last_ok = false;
            return Ok(());
        }
        Err(Flow::Error(rec, term))
    }

    /// Run the matching `trap` of a statement list. Returns Some(flow) when the trap ends the
    /// block (`break` in the trap, or a rethrow), None to continue after the failing statement.
    fn run_trap(&mut self, stmts: &[Stmt], rec: &Rc<ErrorRecord>, out: &mut dyn Sink) -> Result<Option<Flow>, Flow> {
        let traps: Vec<(&Vec<TypeName>, &Vec<Stmt>)> = stmts
            .iter()
            .filter_map(|s| match &s.kind {
                StmtKind::Trap { types, body } => Some((types, body)),
                _ => None,
            })
            .collect();
        let names: Vec<Vec<String>> = traps.iter().map(|(types, _)| types.iter().map(catch_type_name).collect()).collect();
        let Some((i, replacement)) = crate::engine::error::find_handler(rec, &names) else {
            return Ok(Some(Flow::Error(rec.clone(), Termination::Script)));
        };
        let body = traps[i].1;
        self.record_error(rec);
        let saved = self.get_var(wk::UNDERSCORE);
        let _ = self.set_var(wk::UNDERSCORE, Value::Net(Rc::new(crate::engine::error::ErrorRecordObject(rec.as_handled(replacement)))));
        let r = self.exec_block(body, out);
        if let Some(v) = saved {
            let _ = self.set_var(wk::UNDERSCORE, v);
        }
        match r {
            Ok(()) => {
                // A trap without break/continue reports the error and continues.
                self.report_error_display_only(rec);
                Ok(None)
            }
            Err(Flow::Continue(_)) => Ok(None),
            Err(Flow::Break(_)) => Ok(Some(Flow::Error(rec.clone(), Termination::Script))),
            Err(other) => Err(other),
        }
    }

    pub fn exec_stmt(&mut self, s: &Stmt, out: &mut dyn Sink) -> R {
        match &s.kind {
            StmtKind::Pipeline(chain) => {
                if chain.rest.is_empty() && chain.first.elements.len() == 1 {
                    match &chain.first.elements[0] {
                        PipeElement::Assign(a) => {
                            self.assign(a)?;
                            self.last_ok = true;
                            return Ok(());
                        }
                        PipeElement::Expr { expr, redirections } if redirections.is_empty() && !matches!(expr.kind, ExprKind::IncDec { .. }) => {
                            let v = self.eval(expr)?;
                            self.last_ok = true;
                            return emit(self, v, out);
                        }
                        _ => {}
                    }
                }
                self.run_chain(chain, out)
            }
            StmtKind::If { clauses, else_body } => {
                for (cond, body) in clauses {
                    let v = self.eval_chain_value(cond)?;
                    if to_bool(&v) {
                        return self.exec_block(body, out);
                    }
                }
                match else_body {
                    Some(b) => self.exec_block(b, out),
                    None => Ok(()),
                }
            }
            StmtKind::While { label, cond, body } => {
                loop {
                    let v = self.eval_chain_value(cond)?;
                    if !to_bool(&v) {
                        break;
                    }
                    let r = self.exec_block(body, out);
                    if let LoopCtl::Break = loop_result(r, label)? {
                        break;
                    }
                }
                Ok(())
            }
            StmtKind::DoLoop { label, body, cond, until } => {
                loop {
                    let r = self.exec_block(body, out);
                    if let LoopCtl::Break = loop_result(r, label)? {
                        break;
                    }
                    let v = to_bool(&self.eval_chain_value(cond)?);
                    if v == *until {
                        break;
                    }
                }
                Ok(())
            }
            StmtKind::For { label, init, cond, iter, body } => {
                if let Some(i) = init {
                    self.run_chain(i, &mut crate::engine::eval::NullSink)?;
                }
                loop {
                    if let Some(c) = cond {
                        if !to_bool(&self.eval_chain_value(c)?) {
                            break;
                        }
                    }
                    let r = self.exec_block(body, out);
                    if let LoopCtl::Break = loop_result(r, label)? {
                        break;
                    }
                    if let Some(i) = iter {
                        self.run_chain(i, &mut NullSink)?;
                    }
                }
                Ok(())
            }
            StmtKind::Foreach { label, var, iter, body } => self.exec_foreach(label, var, iter, body, out),
            StmtKind::Switch(sw) => self.exec_switch(sw, out),
            StmtKind::Try { body, catches, finally } => self.exec_try(body, catches, finally.as_deref(), out),
            StmtKind::Trap { .. } => Ok(()),
            StmtKind::Function { name, is_filter, body } => {
                let (scope, fname) = self.function_target_scope(name);
                self.define_function(scope, crate::engine::interp::FunctionInfo { name: Rc::from(fname), body: body.clone(), is_filter: *is_filter });
                Ok(())
            }
            StmtKind::Return(v) => {
                if let Some(chain) = v {
                    match single_chain_expression(chain) {
                        Some(e) => {
                            let v = self.eval(e)?;
                            emit(self, v, out)?;
                        }
                        None => self.run_chain(chain, out)?,
                    }
                }
                Err(Flow::Return)
            }
            StmtKind::Exit(v) => {
                let code = match v {
                    Some(chain) => {
                        let val = self.eval_chain_value(chain)?;
                        match crate::engine::convert::to_num(&val) {
                            Some(n) => n.to_f64() as i32,
                            None => 0,
                        }
                    }
                    None => 0,
                };
                Err(Flow::Exit(code))
            }
            StmtKind::Break(l) => Err(Flow::Break(l.clone())),
            StmtKind::Continue(l) => Err(Flow::Continue(l.clone())),
            StmtKind::Throw(v) => {
                let val = match v {
                    Some(chain) => self.eval_chain_value(chain)?,
                    None => {
                        // `throw` alone in a catch block rethrows the error being handled.
                        if let Some((rec, depth)) = self.handling.last() {
                            if *depth == self.call_depth {
                                return Err(Flow::Error(rec.clone(), Termination::Script));
                            }
                        }
                        Value::Null
                    }
                };
                Err(self.throw_value(val, s.span))
            }
        }
    }

    /// `function global:Foo` defines in the global scope, `script:` in the script scope.
    fn function_target_scope<'a>(&self, name: &'a str) -> (usize, &'a str) {
        if let Some((scope, rest)) = name.split_once(':') {
            match scope.to_ascii_lowercase().as_str() {
                "global" => return (0, rest),
                "script" => return (self.script_scope, rest),
                "local" | "private" => return (self.cur, rest),
                _ => {}
            }
        }
        (self.cur, name)
    }

    /// `throw <value>`: an ErrorRecord is rethrown as is; anything else becomes a
    /// RuntimeException whose message is the value's string form.
    pub fn throw_value(&mut self, val: Value, span: Span) -> Flow {
        let file = self.current_file_or_anon();
        if let Value::Net(n) = &val {
            if let Some(r) = n.as_any().downcast_ref::<crate::engine::error::ErrorRecordObject>() {
                return Flow::Error(r.0.clone(), Termination::Script);
            }
            if let Some(e) = n.as_any().downcast_ref::<crate::engine::error::ExceptionObject>() {
                // A RuntimeException carries its ErrorRecord: `throw $_.Exception` rethrows it.
                if let Some(orig) = &e.1 {
                    if Rc::ptr_eq(&orig.exception, &e.0) && crate::engine::error::type_derives(&e.0.type_name, "System.Management.Automation.RuntimeException")
                    {
                        return Flow::Error(orig.clone(), Termination::Script);
                    }
                }
                // Any other exception: ErrorRecord(exception, exception.Message, OperationStopped).
                let mut rec = ErrorRecord::new(&e.0.type_name, e.0.message.clone(), &e.0.message, "OperationStopped").at(&file, span);
                rec.exception = e.0.clone();
                return Flow::Error(Rc::new(rec), Termination::Script);
            }
        }
        let (msg, id): (String, String) = if val.is_null() {
            ("ScriptHalted".into(), "ScriptHalted".into())
        } else {
            let m = to_display_string(&val);
            (m.clone(), m)
        };
        let mut rec = ErrorRecord::new("System.Management.Automation.RuntimeException", msg, &id, "OperationStopped").at(&file, span);
        let mut ex = (*rec.exception).clone();
        ex.thrown = Some(val.clone());
        rec.exception = Rc::new(ex);
        rec.target = val;
        Flow::Error(Rc::new(rec), Termination::Script)
    }

    fn exec_foreach(&mut self, label: &Option<Rc<str>>, var: &VarRef, iter: &PipelineChain, body: &[Stmt], out: &mut dyn Sink) -> R {
        // `foreach ($i in 1..N)` iterates the range without building it.
        if iter.rest.is_empty() && iter.first.elements.len() == 1 {
            if let PipeElement::Expr { expr, redirections } = &iter.first.elements[0] {
                if redirections.is_empty() {
                    if let ExprKind::Binary(BinOp::Range, a, b) = &expr.kind {
                        let lo = self.eval(a)?;
                        let hi = self.eval(b)?;
                        if let (Some(lo), Some(hi)) = (ops::range_bound(&lo), ops::range_bound(&hi)) {
                            let step: i64 = if hi >= lo { 1 } else { -1 };
                            let mut i = lo;
                            loop {
                                self.assign_var(var, Value::Int(i as i32), expr.span)?;
                                let r = self.exec_block(body, out);
                                if let LoopCtl::Break = loop_result(r, label)? {
                                    break;
                                }
                                if i == hi {
                                    break;
                                }
                                i += step;
                            }
                            return Ok(());
                        }
                    }
                }
            }
        }
        let v = self.eval_chain_value(iter)?;
        let items = match &v {
            Value::Null => return Ok(()),
            other => other.enumerate().unwrap_or_else(|| vec![other.clone()]),
        };
        for item in items {
            self.assign_var(var, item, iter.span)?;
            let r = self.exec_block(body, out);
            if let LoopCtl::Break = loop_result(r, label)? {
                break;
            }
        }
        Ok(())
    }

    fn exec_switch(&mut self, sw: &SwitchStmt, out: &mut dyn Sink) -> R {
        let subject = self.eval_chain_value(&sw.subject)?;
        let items: Vec<Value> = if sw.file {
            let path = to_display_string(&subject);
            match std::fs::read_to_string(crate::engine::pipeline::resolve_path(&path)) {
                Ok(t) => t.lines().map(Value::str).collect(),
                Err(_) => {
                    let file = self.current_file_or_anon();
                    return Err(statement_error(
                        ErrorRecord::new(
                            "System.Management.Automation.ItemNotFoundException",
                            format!("Cannot find path '{path}' because it does not exist."),
                            "PathNotFound",
                            "ObjectNotFound",
                        )
                        .at(&file, sw.subject.span),
                    ));
                }
            }
        } else {
            match &subject {
                Value::Null => vec![Value::Null],
                other => other.enumerate().unwrap_or_else(|| vec![other.clone()]),
            }
        };
        let saved = self.get_var(wk::UNDERSCORE);
        let result = (|| -> R {
            'items: for item in items {
                self.set_var(wk::UNDERSCORE, item.clone())?;
                let mut matched = false;
                for clause in &sw.clauses {
                    let hit = self.switch_clause_matches(sw, &clause.cond, &item)?;
                    if hit {
                        matched = true;
                        match self.exec_block(&clause.body, out) {
                            Ok(()) => {}
                            Err(Flow::Break(l)) if label_matches(&l, &sw.label) => break 'items,
                            Err(Flow::Continue(l)) if label_matches(&l, &sw.label) => continue 'items,
                            Err(e) => return Err(e),
                        }
                    }
                }
                if !matched {
                    if let Some(d) = &sw.default {
                        match self.exec_block(d, out) {
                            Ok(()) => {}
                            Err(Flow::Break(l)) if label_matches(&l, &sw.label) => break 'items,
                            Err(Flow::Continue(l)) if label_matches(&l, &sw.label) => continue 'items,
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
            Ok(())
        })();
        match saved {
            Some(v) => {
                let _ = self.set_var(wk::UNDERSCORE, v);
            }
            None => {
                let cur = self.cur;
                self.remove_var(cur, wk::UNDERSCORE);
            }
        }
        result
    }

    fn switch_clause_matches(&mut self, sw: &SwitchStmt, cond: &Expr, item: &Value) -> Result<bool, Flow> {
        if let ExprKind::ScriptBlock(sb) = &cond.kind {
            let v = self.invoke_script_block_value(sb, vec![], Some(item.clone()), false)?;
            return Ok(to_bool(&v));
        }
        let c = self.eval(cond)?;
        let cs = sw.case_sensitive;
        Ok(match sw.mode {
            SwitchMode::Exact => crate::engine::convert::values_equal(item, &c, cs) || (item.is_null() && c.is_null()),
            SwitchMode::Wildcard => ops::wildcard_match(&to_display_string(&c), &to_display_string(item), cs),
            SwitchMode::Regex => {
                let (hit, m) = ops::regex_match(self, &to_display_string(item), &to_display_string(&c), cs)
                    .map_err(|e| self.runtime_err(&e, "InvalidRegularExpression", cond.span))?;
                if hit {
                    if let Some(m) = m {
                        let _ = self.set_var(wk::MATCHES, m);
                    }
                }
                hit
            }
        })
    }

    fn exec_try(&mut self, body: &[Stmt], catches: &[CatchClause], finally: Option<&[Stmt]>, out: &mut dyn Sink) -> R {
        self.try_depth += 1;
        let r = self.exec_block(body, out);
        self.try_depth -= 1;
        let r = match r {
            Err(Flow::Error(rec, _)) if !crate::engine::error::is_pipeline_stop(&rec) => {
                let names: Vec<Vec<String>> = catches.iter().map(|c| c.types.iter().map(catch_type_name).collect()).collect();
                match crate::engine::error::find_handler(&rec, &names) {
                    Some((i, replacement)) => {
                        let c = &catches[i];
                        self.record_error(&rec);
                        let saved = self.get_var(wk::UNDERSCORE);
                        let _ = self.set_var(wk::UNDERSCORE, Value::Net(Rc::new(crate::engine::error::ErrorRecordObject(rec.as_handled(replacement)))));
                        self.handling.push((rec.clone(), self.call_depth));
                        let r = self.exec_block(&c.body, out);
                        self.handling.pop();
                        match saved {
                            Some(v) => {
                                let _ = self.set_var(wk::UNDERSCORE, v);
                            }
                            None => {
                                let cur = self.cur;
                                self.remove_var(cur, wk::UNDERSCORE);
                            }
                        }
                        r
                    }
                    None => Err(Flow::Error(rec, Termination::Script)),
                }
            }
            other => other,
        };
        if let Some(f) = finally {
            self.exec_block(f, out)?;
        }
        r
    }

    // ───────────────────────────── pipelines ─────────────────────────────

    pub fn run_chain(&mut self, chain: &PipelineChain, out: &mut dyn Sink) -> R {
        self.run_pipeline(&chain.first, out)?;
        for (op, p) in &chain.rest {
            let go = match op {
                ChainOp::And => self.last_ok,
                ChainOp::Or => !self.last_ok,
            };
            if go {
                self.run_pipeline(p, out)?;
            }
        }
        Ok(())
    }

    /// Run a pipeline chain and collect its output as one value.
    #[inline]
    pub fn eval_chain_value(&mut self, chain: &PipelineChain) -> R<Value> {
        if chain.rest.is_empty() && chain.first.elements.len() == 1 {
            if let PipeElement::Expr { expr, redirections } = &chain.first.elements[0] {
                if redirections.is_empty() {
                    return self.eval(expr);
                }
            }
        }
        let mut items = Collector::default();
        self.run_chain(chain, &mut items)?;
        Ok(items.into_value())
    }

    /// Run statements and collect their output.
    pub fn eval_block_value(&mut self, stmts: &[Stmt]) -> R<Vec<Value>> {
        let mut items = Vec::new();
        self.exec_block(stmts, &mut items)?;
        Ok(items)
    }

    fn eval_stmt_value(&mut self, s: &Stmt) -> R<Value> {
        if let StmtKind::Pipeline(chain) = &s.kind {
            return self.eval_chain_value(chain);
        }
        let mut items = Vec::new();
        self.exec_stmt(s, &mut items)?;
        Ok(collect_value(items))
    }

    // ───────────────────────────── expressions ─────────────────────────────

    /// Evaluate an expression. The hot shapes (constants, variables, binary operators,
    /// parentheses) are handled here; everything else in `eval_other`, which keeps this
    /// function's frame small — it runs for every node of every expression.
    #[inline]
    pub fn eval(&mut self, e: &Expr) -> R<Value> {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Var(v) => self.read_var(v, e.span),
            ExprKind::Binary(op, a, b) => self.eval_binary(*op, a, b, e.span),
            ExprKind::Paren(chain) if chain.rest.is_empty() && chain.first.elements.len() == 1 => match &chain.first.elements[0] {
                PipeElement::Expr { expr, redirections } if redirections.is_empty() => self.eval(expr),
                _ => self.eval_other(e),
            },
            _ => self.eval_other(e),
        }
    }

    /// A leaf operand without a recursive `eval` call.
    #[inline(always)]
    fn eval_operand(&mut self, e: &Expr) -> R<Value> {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Var(v) if v.special == SpecialVar::None && v.scope == VarScope::Any => match self.find_var(v.sym) {
                Some(x) => Ok(x.value.clone()),
                None => self.read_var(v, e.span),
            },
            _ => self.eval(e),
        }
    }

    #[inline(never)]
    fn eval_other(&mut self, e: &Expr) -> R<Value> {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Var(v) => self.read_var(v, e.span),
            ExprKind::Binary(op, a, b) => self.eval_binary(*op, a, b, e.span),
            ExprKind::Expandable(parts) => Ok(Value::string(self.expand(parts)?)),
            ExprKind::Member { target, name, is_static, null_conditional } => {
                let t = self.eval_member_target(target, *is_static)?;
                if *null_conditional && t.is_null() {
                    return Ok(Value::Null);
                }
                let n = self.member_name(name)?;
                if *is_static {
                    return self.get_static_member(&t, &n, e.span);
                }
                self.get_member(&t, &n, e.span)
            }
            ExprKind::Invoke { target, name, args, is_static, null_conditional } => {
                let t = self.eval_member_target(target, *is_static)?;
                if *null_conditional && t.is_null() {
                    return Ok(Value::Null);
                }
                let n = self.member_name(name)?;
                let mut argv = Vec::with_capacity(args.len());
                for a in args {
                    argv.push(self.eval(a)?);
                }
                if *is_static {
                    return self.call_static(&t, &n, argv, e.span);
                }
                self.call_method(&t, &n, argv, e.span)
            }
            ExprKind::Index { target, index, null_conditional } => {
                let t = self.eval(target)?;
                if *null_conditional && t.is_null() {
                    return Ok(Value::Null);
                }
                let i = self.eval(index)?;
                self.index_value(&t, &i, e.span)
            }
            ExprKind::Unary(op, x) => {
                let v = self.eval(x)?;
                ops::unary(self, *op, v).map_err(|m| self.runtime_err(&m, "UnaryOperatorFailed", e.span))
            }
            ExprKind::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.eval(i)?);
                }
                Ok(Value::array(out))
            }
            ExprKind::ArraySub(stmts) => {
                let items = self.eval_block_value(stmts)?;
                Ok(Value::array(items))
            }
            ExprKind::SubExpr(stmts) => {
                let items = self.eval_block_value(stmts)?;
                Ok(collect_value(items))
            }
            ExprKind::Paren(chain) => {
                // `($x = 5)` outputs the assigned value.
                if chain.rest.is_empty() && chain.first.elements.len() == 1 {
                    if let PipeElement::Assign(a) = &chain.first.elements[0] {
                        self.assign(a)?;
                        return self.eval(&a.target);
                    }
                }
                self.eval_chain_value(chain)
            }
            ExprKind::Hash(entries) => {
                let mut h = Hashtable::with_capacity(entries.len());
                for (k, v) in entries.iter() {
                    let key = self.eval(k)?;
                    if key.is_null() {
                        return Err(self.runtime_error_at("A null key is not allowed in a hash literal.", "InvalidNullKey", k.span));
                    }
                    let val = match single_expression(v) {
                        Some(x) => self.eval(x)?,
                        None => self.eval_stmt_value(v)?,
                    };
                    if !h.insert_new(key.clone(), val) {
                        let ks = to_display_string(&key);
                        return Err(self.runtime_error_at(
                            &format!("Duplicate keys '{ks}' are not allowed in hash literals."),
                            "DuplicateKeyInHashLiteral",
                            k.span,
                        ));
                    }
                }
                Ok(Value::Hashtable(Rc::new(RefCell::new(h))))
            }
            ExprKind::ScriptBlock(sb) => Ok(Value::ScriptBlock(sb.clone())),
            ExprKind::TypeLit(t) => self.resolve_type(t).map(|t| Value::Type(Rc::new(t))),
            ExprKind::Cast(t, x) => {
                // `[ordered]@{…}` keeps the literal's key order (all our hashtables do).
                if crate::lang::sym::eq_ci(&t.name, "ordered") {
                    let v = self.eval(x)?;
                    if let Value::Hashtable(h) = &v {
                        let mut copy = h.borrow().clone();
                        copy.ordered = true;
                        return Ok(Value::Hashtable(Rc::new(RefCell::new(copy))));
                    }
                    return Err(self.runtime_error_at(
                        "The ordered attribute can be specified only on a hash literal node.",
                        "OrderedAttributeOnlyOnHashLiteralNode",
                        e.span,
                    ));
                }
                // `[ref]$var` refers to the variable itself.
                if crate::lang::sym::eq_ci(&t.name, "ref") {
                    if let ExprKind::Var(var) = &x.kind {
                        if var.scope == VarScope::Any && var.special == SpecialVar::None {
                            return Ok(self.make_ref(var.sym));
                        }
                    }
                    let v = self.eval(x)?;
                    if crate::engine::netobjects::as_ref(&v).is_some() {
                        return Ok(v);
                    }
                    return Ok(Value::Net(Rc::new(crate::engine::netobjects::RefObject { var: None, cell: RefCell::new(v) })));
                }
                let ty = self.resolve_type(t)?;
                let v = self.eval(x)?;
                if crate::lang::sym::eq_ci(&t.name, "pscustomobject") {
                    if let Value::Hashtable(h) = &v {
                        let mut o = PsObject::new();
                        for (k, val) in h.borrow().iter() {
                            o.set(&to_display_string(k), val.clone());
                        }
                        return Ok(o.into_value());
                    }
                }
                self.cast(&v, &ty, e.span)
            }
            ExprKind::Ternary(c, a, b) => {
                let cv = self.eval(c)?;
                if to_bool(&cv) { self.eval(a) } else { self.eval(b) }
            }
            ExprKind::IncDec { target, increment, prefix } => {
                let old = self.eval(target)?;
                let delta = if *increment { Value::Int(1) } else { Value::Int(-1) };
                let new = ops::binary(self, BinOp::Add, &old, &delta).map_err(|m| self.runtime_err(&m, "OperatorFailed", e.span))?;
                self.assign_to(target, new.clone())?;
                Ok(if *prefix { new } else { old })
            }
            ExprKind::Splat(v) => self.read_var(v, e.span),
        }
    }

    fn eval_member_target(&mut self, target: &Expr, is_static: bool) -> R<Value> {
        if is_static {
            if let ExprKind::TypeLit(t) = &target.kind {
                return self.resolve_type(t).map(|t| Value::Type(Rc::new(t)));
            }
        }
        self.eval(target)
    }

    fn member_name(&mut self, name: &MemberName) -> R<Rc<str>> {
        Ok(match name {
            MemberName::Static(s) => s.clone(),
            MemberName::Dynamic(e) => {
                let v = self.eval(e)?;
                Rc::from(to_display_string(&v).as_str())
            }
        })
    }

    pub fn resolve_type(&mut self, t: &TypeName) -> R<TypeRef> {
        match TypeRef::resolve(t) {
            Some(r) => Ok(r),
            None => {
                let name = t.full_text();
                Err(self.runtime_error_at(&format!("Unable to find type [{name}]."), "TypeNotFound", t.span))
            }
        }
    }

    pub fn cast(&mut self, v: &Value, ty: &TypeRef, span: Span) -> R<Value> {
        convert_to(v, ty).map_err(|err| {
            let file = self.current_file_or_anon();
            statement_error(cast_error_record(&err).at(&file, span))
        })
    }

    fn eval_binary(&mut self, op: BinOp, a: &Expr, b: &Expr, span: Span) -> R<Value> {
        match op {
            BinOp::And => {
                let l = self.eval(a)?;
                if !to_bool(&l) {
                    return Ok(Value::Bool(false));
                }
                let r = self.eval(b)?;
                Ok(Value::Bool(to_bool(&r)))
            }
            BinOp::Or => {
                let l = self.eval(a)?;
                if to_bool(&l) {
                    return Ok(Value::Bool(true));
                }
                let r = self.eval(b)?;
                Ok(Value::Bool(to_bool(&r)))
            }
            BinOp::Coalesce => {
                let l = self.eval(a)?;
                if !l.is_null() {
                    return Ok(l);
                }
                self.eval(b)
            }
            _ => {
                let l = self.eval_operand(a)?;
                let r = self.eval_operand(b)?;
                // Hot path: Int32 arithmetic and comparison without going through ops.
                if let (Value::Int(x), Value::Int(y)) = (&l, &r) {
                    let (x, y) = (*x, *y);
                    match op {
                        BinOp::Add => return Ok(x.checked_add(y).map(Value::Int).unwrap_or(Value::Double(x as f64 + y as f64))),
                        BinOp::Sub => return Ok(x.checked_sub(y).map(Value::Int).unwrap_or(Value::Double(x as f64 - y as f64))),
                        BinOp::Mul => return Ok(x.checked_mul(y).map(Value::Int).unwrap_or(Value::Double(x as f64 * y as f64))),
                        BinOp::Rem if y != 0 => return Ok(Value::Int(x.wrapping_rem(y))),
                        BinOp::Cmp(CmpOp::Eq, _) => return Ok(Value::Bool(x == y)),
                        BinOp::Cmp(CmpOp::Ne, _) => return Ok(Value::Bool(x != y)),
                        BinOp::Cmp(CmpOp::Lt, _) => return Ok(Value::Bool(x < y)),
                        BinOp::Cmp(CmpOp::Le, _) => return Ok(Value::Bool(x <= y)),
                        BinOp::Cmp(CmpOp::Gt, _) => return Ok(Value::Bool(x > y)),
                        BinOp::Cmp(CmpOp::Ge, _) => return Ok(Value::Bool(x >= y)),
                        _ => {}
                    }
                }
                ops::binary(self, op, &l, &r).map_err(|m| self.op_error(m, span))
            }
        }
    }

    /// Build the error for a failed operator. Messages beginning with a known exception marker
    /// keep pwsh's exception type.
    fn op_error(&mut self, m: String, span: Span) -> Flow {
        let file = self.current_file_or_anon();
        if let Some(rest) = m.strip_prefix("DivideByZero:") {
            return statement_error(
                ErrorRecord::new("System.Management.Automation.RuntimeException", rest.to_string(), "RuntimeException", "NotSpecified")
                    .with_inner("System.DivideByZeroException", rest.to_string())
                    .at(&file, span),
            );
        }
        if let Some(rest) = m.strip_prefix("FormatError:") {
            return statement_error(runtime_error(rest.to_string(), "FormatError").at(&file, span));
        }
        // A .NET exception from the operation (ConvertToRuntimeException): OperationStopped.
        if let Some(rest) = m.strip_prefix("ArgumentException:") {
            return statement_error(
                ErrorRecord::new("System.ArgumentException", rest.to_string(), "System.ArgumentException", "OperationStopped").at(&file, span),
            );
        }
        statement_error(runtime_error(m, "RuntimeException").at(&file, span))
    }

    // ───────────────────────────── strings ─────────────────────────────

    pub fn expand(&mut self, parts: &[StrPart]) -> R<String> {
        let mut s = String::new();
        for p in parts {
            match p {
                StrPart::Lit(l) => s.push_str(l),
                StrPart::Var(v, span) => {
                    let val = self.read_var(v, *span)?;
                    self.append_string(&mut s, &val);
                }
                StrPart::Sub(stmts, _) => {
                    let val = match stmts.as_slice() {
                        [one] if single_expression(one).is_some() => match single_expression(one) {
                            Some(e) => self.eval(e)?,
                            None => Value::Null,
                        },
                        _ => {
                            let mut items = Collector::default();
                            self.exec_block(stmts, &mut items)?;
                            items.into_value()
                        }
                    };
                    self.append_string(&mut s, &val);
                }
                StrPart::Expr(e) => {
                    let val = self.eval(e)?;
                    self.append_string(&mut s, &val);
                }
            }
        }
        Ok(s)
    }

    /// String form inside an expandable string: arrays joined with `$OFS`.
    pub fn append_string(&self, s: &mut String, v: &Value) {
        match v {
            Value::Str(x) => s.push_str(x),
            Value::Int(i) => crate::engine::convert::push_int(s, *i as i64),
            Value::Long(i) => crate::engine::convert::push_int(s, *i),
            Value::Array(_) | Value::List(_) => s.push_str(&crate::engine::convert::to_string_with(v, &self.ofs())),
            other => s.push_str(&to_display_string(other)),
        }
    }

    // ───────────────────────────── variables ─────────────────────────────

    #[inline]
    pub fn read_var(&mut self, v: &VarRef, span: Span) -> R<Value> {
        if v.special == SpecialVar::None && v.scope == VarScope::Any {
            if let Some(x) = self.find_var(v.sym) {
                return Ok(x.value.clone());
            }
        }
        self.read_var_slow(v, span)
    }

    #[inline(never)]
    fn read_var_slow(&mut self, v: &VarRef, span: Span) -> R<Value> {
        match v.special {
            SpecialVar::Null => return Ok(Value::Null),
            SpecialVar::True => return Ok(Value::Bool(true)),
            SpecialVar::False => return Ok(Value::Bool(false)),
            SpecialVar::Underscore if v.scope == VarScope::Any => return Ok(self.find_var(wk::UNDERSCORE).map(|x| x.value.clone()).unwrap_or(Value::Null)),
            _ => {}
        }
        let found = match v.scope {
            VarScope::Any | VarScope::Variable => self.find_var(v.sym).map(|x| x.value.clone()),
            VarScope::Global => self.scope(0).vars.get(&v.sym).map(|x| x.value.clone()),
            VarScope::Script => {
                let s = self.script_scope;
                let mut idx = Some(s);
                let mut found = None;
                while let Some(i) = idx {
                    if let Some(x) = self.scope(i).vars.get(&v.sym) {
                        found = Some(x.value.clone());
                        break;
                    }
                    idx = self.parent_of(i);
                }
                found
            }
            VarScope::Local | VarScope::Private => self.scope(self.cur).vars.get(&v.sym).map(|x| x.value.clone()),
            VarScope::Env => return Ok(self.env_get(&v.name).map(Value::string).unwrap_or(Value::Null)),
            VarScope::Using => self.find_var(v.sym).map(|x| x.value.clone()),
            VarScope::Function => {
                return Ok(self.find_function(intern(&v.name)).map(|f| Value::ScriptBlock(f.body.clone())).unwrap_or(Value::Null));
            }
            VarScope::Drive => return Ok(Value::Null),
        };
        if let Some(x) = found {
            return Ok(x);
        }
        if let Some(x) = self.automatic_variable(&v.name) {
            return Ok(x);
        }
        if self.strict_mode() >= 1 {
            return Err(self.runtime_error_at(
                &format!("The variable '${}' cannot be retrieved because it has not been set.", v.name),
                "VariableIsUndefined",
                span,
            ));
        }
        Ok(Value::Null)
    }

    /// Automatic variables computed on demand.
    fn automatic_variable(&mut self, name: &str) -> Option<Value> {
        let lower = name.to_ascii_lowercase();
        Some(match lower.as_str() {
            "?" => Value::Bool(self.last_ok),
            "psscriptroot" => Value::string(
                self.current_file()
                    .and_then(|f| f.path.as_ref())
                    .and_then(|p| std::path::absolute(p).ok())
                    .and_then(|p| p.parent().map(|x| x.display().to_string()))
                    .unwrap_or_default(),
            ),
            "pscommandpath" => Value::string(
                self.current_file()
                    .and_then(|f| f.path.as_ref())
                    .and_then(|p| std::path::absolute(p).ok())
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            ),
            "pwd" => Value::string(std::env::current_dir().map(|p| p.display().to_string()).unwrap_or_default()),
            "home" => Value::string(self.env_get("HOME").unwrap_or_default()),
            "pid" => Value::Int(std::process::id() as i32),
            "islinux" => Value::Bool(true),
            "iswindows" | "ismacos" => Value::Bool(false),
            "iscoreclr" => Value::Bool(true),
            "pshome" => Value::str("/opt/microsoft/powershell/7"),
            "shellid" => Value::str("Microsoft.PowerShell"),
            "psculture" => Value::str("en-US"),
            "psuiculture" => Value::str("en-US"),
            "nestedpromptlevel" => Value::Int(0),
            "psedition" => Value::str("Core"),
            "maximumhistorycount" => Value::Int(4096),
            "psversiontable" => crate::engine::dotnet::ps_version_table(),
            "host" => crate::engine::dotnet::host_object(),
            "executioncontext" => Value::Null,
            "input" => Value::array(vec![]),
            "lastexitcode" => Value::Null,
            _ => return None,
        })
    }

    /// Give an error without a position the extent of the failing expression.
    pub fn with_position(&self, f: Flow, span: Span) -> Flow {
        match f {
            Flow::Error(rec, t) if rec.invocation.position.is_none() => {
                let file = self.current_file_or_anon();
                let mut r = (*rec).clone();
                r = r.at(&file, span);
                Flow::Error(Rc::new(r), t)
            }
            other => other,
        }
    }

    /// Assign to a variable reference (foreach variable, parameters of scripts).
    pub fn assign_var(&mut self, v: &VarRef, value: Value, span: Span) -> R {
        match v.scope {
            VarScope::Private => self.set_private_var(v.sym, value),
            VarScope::Any | VarScope::Local | VarScope::Variable => {
                if v.special == SpecialVar::Null {
                    return Ok(());
                }
                if matches!(v.special, SpecialVar::True | SpecialVar::False) {
                    let file = self.current_file_or_anon();
                    return Err(statement_error(
                        ErrorRecord::new(
                            "System.Management.Automation.SessionStateUnauthorizedAccessException",
                            format!("Cannot overwrite variable {} because it is read-only or constant.", v.name),
                            "VariableNotWritable",
                            "WriteError",
                        )
                        .with_target(Value::str(&v.name))
                        .at(&file, span),
                    ));
                }
                self.set_var(v.sym, value)
            }
            VarScope::Global => self.set_var_in(0, v.sym, value),
            VarScope::Script => {
                let s = self.script_scope;
                self.set_var_in(s, v.sym, value)
            }
            VarScope::Env => {
                let s = if value.is_null() { None } else { Some(to_display_string(&value)) };
                self.env_set(&v.name, s);
                Ok(())
            }
            VarScope::Using | VarScope::Drive | VarScope::Function => Err(self.runtime_error_at(
                "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
                "InvalidLeftHandSide",
                span,
            )),
        }
    }

    // ───────────────────────────── assignment ─────────────────────────────

    pub fn assign(&mut self, a: &Assignment) -> R {
        let value = match single_expression(&a.value) {
            Some(e) => self.eval(e)?,
            None => self.eval_stmt_value(&a.value)?,
        };
        // `$x = …` / `$x += …` on a plain variable of the current scope: one lookup, in place.
        if let ExprKind::Var(v) = &a.target.kind {
            if v.scope == VarScope::Any && v.special == SpecialVar::None {
                let cur = self.cur;
                if let Some(var) = self.scope_mut(cur).vars.get_mut(&v.sym) {
                    if var.constraint.is_none() && !var.read_only && !var.constant {
                        match (a.op, &var.value, &value) {
                            (AssignOp::Assign, _, _) => {
                                var.value = value;
                                return Ok(());
                            }
                            (AssignOp::Add, Value::Int(x), Value::Int(y)) => {
                                var.value = x.checked_add(*y).map(Value::Int).unwrap_or(Value::Double(*x as f64 + *y as f64));
                                return Ok(());
                            }
                            (AssignOp::Sub, Value::Int(x), Value::Int(y)) => {
                                var.value = x.checked_sub(*y).map(Value::Int).unwrap_or(Value::Double(*x as f64 - *y as f64));
                                return Ok(());
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        let value = match a.op {
            AssignOp::Assign => value,
            AssignOp::Coalesce => {
                let cur = self.eval(&a.target)?;
                if !cur.is_null() {
                    return Ok(());
                }
                value
            }
            op => {
                let cur = self.eval(&a.target)?;
                // `$sum += $i` on Int32 stays out of ops for speed.
                if let (AssignOp::Add, Value::Int(x), Value::Int(y)) = (op, &cur, &value) {
                    let v = x.checked_add(*y).map(Value::Int).unwrap_or(Value::Double(*x as f64 + *y as f64));
                    return self.assign_to(&a.target, v).map_err(|f| self.with_position(f, a.span));
                }
                let bop = match op {
                    AssignOp::Add => BinOp::Add,
                    AssignOp::Sub => BinOp::Sub,
                    AssignOp::Mul => BinOp::Mul,
                    AssignOp::Div => BinOp::Div,
                    _ => BinOp::Rem,
                };
                ops::binary(self, bop, &cur, &value).map_err(|m| self.op_error(m, a.span))?
            }
        };
        self.assign_to(&a.target, value).map_err(|f| self.with_position(f, a.span))
    }

    pub fn assign_to(&mut self, target: &Expr, value: Value) -> R {
        match &target.kind {
            ExprKind::Var(v) => self.assign_var(v, value, target.span),
            ExprKind::Cast(t, inner) => {
                let ty = Rc::new(self.resolve_type(t)?);
                let v = self.cast(&value, &ty, target.span)?;
                if let ExprKind::Var(var) = &inner.kind {
                    let scope = match var.scope {
                        VarScope::Global => 0,
                        VarScope::Script => self.script_scope,
                        _ => self.cur,
                    };
                    self.define_var(scope, var.sym, v, Some(ty));
                    return Ok(());
                }
                self.assign_to(inner, v)
            }
            ExprKind::Member { target: obj, name, is_static, .. } => {
                let o = self.eval_member_target(obj, *is_static)?;
                let n = self.member_name(name)?;
                self.set_member(&o, &n, value, target.span)
            }
            ExprKind::Index { target: obj, index, .. } => {
                let o = self.eval(obj)?;
                let i = self.eval(index)?;
                self.set_index(&o, &i, value, target.span)
            }
            ExprKind::Array(targets) => {
                let items = match &value {
                    Value::Null => vec![],
                    other => other.enumerate().unwrap_or_else(|| vec![other.clone()]),
                };
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    let v = if i + 1 == n {
                        let rest: Vec<Value> = items.iter().skip(i).cloned().collect();
                        match rest.len() {
                            0 => Value::Null,
                            1 => rest.into_iter().next().unwrap_or(Value::Null),
                            _ => Value::array(rest),
                        }
                    } else {
                        items.get(i).cloned().unwrap_or(Value::Null)
                    };
                    self.assign_to(t, v)?;
                }
                Ok(())
            }
            _ => Err(self.runtime_error_at(
                "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
                "InvalidLeftHandSide",
                target.span,
            )),
        }
    }

    // ───────────────────────────── errors ─────────────────────────────

    pub fn current_file_or_anon(&self) -> Rc<crate::lang::source::SourceFile> {
        match self.files.last() {
            Some(f) => f.clone(),
            None => Rc::new(crate::lang::source::SourceFile::new(None, String::new())),
        }
    }

    /// A statement-terminating RuntimeException at a position of the current file.
    pub fn runtime_error_at(&self, msg: &str, id: &str, span: Span) -> Flow {
        let file = self.current_file_or_anon();
        statement_error(runtime_error(msg.to_string(), id).at(&file, span))
    }

    pub fn runtime_err(&self, msg: &str, id: &str, span: Span) -> Flow {
        self.runtime_error_at(msg, id, span)
    }

    /// Add to `$Error` (newest first), without displaying.
    pub fn record_error(&mut self, rec: &Rc<ErrorRecord>) {
        let obj = Value::Net(Rc::new(crate::engine::error::ErrorRecordObject(rec.clone())));
        let mut list = self.error_list.items.borrow_mut();
        if let Some(Value::Net(first)) = list.first() {
            if let Some(r) = first.as_any().downcast_ref::<crate::engine::error::ErrorRecordObject>() {
                if Rc::ptr_eq(&r.0, rec) {
                    return;
                }
            }
        }
        list.insert(0, obj);
        if list.len() > 256 {
            list.truncate(256);
        }
    }

    /// Record and display an error that reached the top of a statement.
    pub fn report_error(&mut self, rec: &Rc<ErrorRecord>) {
        self.record_error(rec);
        self.report_error_display_only(rec);
    }

    pub fn report_error_display_only(&mut self, rec: &Rc<ErrorRecord>) {
        if let Some(target) = self.redirects.streams[2].clone() {
            match target {
                crate::engine::interp::StreamTarget::Discard => return,
                crate::engine::interp::StreamTarget::Merge(buf) => {
                    buf.borrow_mut().push(Value::Net(Rc::new(crate::engine::error::ErrorRecordObject(rec.clone()))));
                    return;
                }
                crate::engine::interp::StreamTarget::File(path, _) => {
                    let text = crate::engine::display::render_error(rec, false);
                    let _ = crate::engine::pipeline::append_file(&path, &text);
                    return;
                }
            }
        }
        let view = self.get_var_str("ErrorView").map(|v| crate::engine::convert::to_display_string(&v));
        self.host.write_error_record_as(rec, view.as_deref());
    }
}
