//! Binding plans for function call sites.
//!
//! A call such as `Get-Score -Seed $acc -Value $i` inside a loop binds the same argument shape
//! to the same function every time. The first call goes through the full binder; if the shape
//! is simple (named or positional arguments only, no splatting, no parameter sets, no common
//! parameters, nothing that needs `$args`/`$PSBoundParameters`), the call site records which
//! argument feeds which parameter. Later calls evaluate the argument expressions straight into
//! parameter slots and run the body: same semantics as the binder for these shapes (coercion
//! and validation still run per call), without re-matching names or allocating binder state.

use std::rc::Rc;

use smallvec::SmallVec;

use crate::engine::bind::{self, ParamType, SigKind, Signature};
use crate::engine::error::{R, statement_error};
use crate::engine::eval::Sink;
use crate::engine::interp::{FunctionInfo, Interp};
use crate::engine::value::Value;
use crate::lang::ast::{CommandArg, CommandCall, Expr};
use crate::lang::sym::{eq_ci, starts_with_ci};

#[derive(Debug)]
pub struct CallPlan {
    pub sig: Rc<Signature>,
    /// (index into `call.args` holding the value expression, or None for a bare switch;
    /// parameter index)
    pub slots: Vec<(Option<usize>, usize)>,
}

fn find_param(sig: &Signature, name: &str) -> Option<usize> {
    if let Some(i) = sig.params.iter().position(|p| eq_ci(&p.name, name) || p.aliases.iter().any(|a| eq_ci(a, name))) {
        return Some(i);
    }
    let hits: Vec<usize> = sig.params.iter().enumerate().filter(|(_, p)| starts_with_ci(&p.name, name)).map(|(i, _)| i).collect();
    // Any common parameter could also match a prefix: leave those calls to the binder.
    let common = sig.kind != SigKind::Simple
        && bind::COMMON_PARAMETERS
            .iter()
            .chain(bind::SHOULD_PROCESS_PARAMETERS.iter())
            .any(|c| starts_with_ci(c.0, name) || c.1.iter().any(|a| eq_ci(a, name)));
    if hits.len() == 1 && !common { Some(hits[0]) } else { None }
}

/// Build a plan for this call site, or None when the full binder must run every time.
pub fn plan_for(call: &CommandCall, f: &FunctionInfo, sig: &Rc<Signature>) -> Option<CallPlan> {
    let body = &f.body;
    if !sig.sets.is_empty() || body.uses_bound_parameters || body.uses_args {
        return None;
    }
    if sig.params.iter().any(|p| p.sets.iter().any(|s| s.from_remaining) || p.validate_script.is_some()) {
        return None;
    }
    let mut slots: Vec<(Option<usize>, usize)> = Vec::new();
    let mut bound = vec![false; sig.params.len()];
    let mut positional: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < call.args.len() {
        match &call.args[i] {
            CommandArg::Splat { .. } => return None,
            CommandArg::Value(_) => positional.push(i),
            CommandArg::Param { name, value, colon, .. } => {
                let p = find_param(sig, name)?;
                if bound[p] {
                    return None;
                }
                bound[p] = true;
                match (value, *colon) {
                    (Some(_), _) => slots.push((Some(i), p)),
                    (None, true) => return None,
                    (None, false) => {
                        if sig.params[p].is_switch() {
                            slots.push((None, p));
                        } else {
                            match call.args.get(i + 1) {
                                Some(CommandArg::Value(_)) => {
                                    slots.push((Some(i + 1), p));
                                    i += 1;
                                }
                                _ => return None,
                            }
                        }
                    }
                }
            }
        }
        i += 1;
    }
    // Positional arguments go to the unbound positional parameters in position order.
    let mut by_position: Vec<(u32, usize)> =
        sig.params.iter().enumerate().filter(|(i, _)| !bound[*i]).filter_map(|(i, p)| p.position_in(u64::MAX).map(|pos| (pos, i))).collect();
    by_position.sort();
    if positional.len() > by_position.len() {
        return None;
    }
    for (arg, (_, p)) in positional.into_iter().zip(by_position) {
        bound[p] = true;
        slots.push((Some(arg), p));
    }
    if sig.params.iter().enumerate().any(|(i, p)| !bound[i] && p.mandatory_in(u64::MAX)) {
        return None;
    }
    Some(CallPlan { sig: sig.clone(), slots })
}

fn arg_expr(call: &CommandCall, i: usize) -> Option<&Expr> {
    match &call.args[i] {
        CommandArg::Param { value: Some(e), .. } => Some(e),
        CommandArg::Value(e) => Some(e),
        _ => None,
    }
}

impl Interp {
    /// Call a function through a plan: evaluate arguments into parameter slots and run it.
    pub fn call_planned(&mut self, call: &CommandCall, f: &Rc<FunctionInfo>, plan: &CallPlan, out: &mut dyn Sink) -> R {
        let sig = &plan.sig;
        let mut values: SmallVec<[Option<Value>; 8]> = SmallVec::from_elem(None, sig.params.len());
        for &(arg, p) in &plan.slots {
            let raw = match arg.and_then(|a| arg_expr(call, a)) {
                Some(e) => self.eval(e)?,
                None => Value::Bool(true),
            };
            let span = arg.map(|a| match &call.args[a] {
                CommandArg::Param { span, .. } => *span,
                CommandArg::Value(e) => e.span,
                CommandArg::Splat { span, .. } => *span,
            });
            // `-Name:value` errors cover the whole token, like the binder's.
            let v = match (&sig.params[p].ty, &raw) {
                // The common cases need no conversion.
                (ParamType::Any, _) if !sig.params[p].mandatory_anywhere() => raw,
                (ParamType::Typed(t), Value::Int(_)) if t.is_known(crate::engine::types::Known::Int32) && !sig.params[p].has_validation() => raw,
                _ => match bind::coerce_and_validate(sig, &sig.params[p], raw, span, &f.name) {
                    Ok(v) => v,
                    Err(e) => {
                        let file = self.current_file_or_anon();
                        return Err(statement_error(crate::engine::pipeline::binding_error_record(&e, &file, call.span, &f.name, &f.name, "")));
                    }
                },
            };
            values[p] = Some(v);
        }
        self.check_call_depth()?;
        self.last_ok = true;
        let caller = self.cur;
        let scope = self.new_scope(caller);
        self.cur = scope;
        self.call_depth += 1;
        self.files.push(f.body.file.clone());
        let body = &f.body;
        let r = (|| -> R {
            for (i, p) in sig.params.iter().enumerate() {
                let v = values[i].take();
                self.define_param(scope, p, v)?;
            }
            if let Some(b) = &body.begin {
                crate::engine::pipeline::catch_return(self.exec_block(b, out))?;
            }
            if let Some(b) = &body.process {
                crate::engine::pipeline::catch_return(self.exec_block(b, out))?;
            }
            if let Some(b) = &body.end {
                crate::engine::pipeline::catch_return(self.exec_block(b, out))?;
            }
            Ok(())
        })();
        self.files.pop();
        self.call_depth -= 1;
        self.cur = caller;
        self.free_scope(scope);
        r
    }
}
