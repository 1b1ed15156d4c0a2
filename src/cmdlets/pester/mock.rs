//! `Mock`, the command-resolution hook that makes a mock shadow a function or cmdlet, and
//! `Should -Invoke` / `Should -InvokeVerifiable`.
//!
//! A mock is a hook plus behaviours. The hook is a `CmdletInfo` with the mocked command's own
//! signature (so calls bind exactly as they would to the real command) whose implementation
//! is [`MockCmdlet`]; `Interp::resolve_command` returns it while the command has behaviours.
//! Behaviours belong to the test (`Mock` inside `It`/`BeforeEach`) or to the block (`Mock` in
//! `BeforeAll`) that defined them and disappear with it. For a call, parametrized behaviours
//! are tried first (the most recently defined first, test before block, inner block before
//! outer), then the most recent default one; with none matching the real command runs. Calls
//! to a behaviour are recorded for `Should -Invoke`.

use std::rc::Rc;

use crate::cmdlets::pester::should::{Verdict, format_because};
use crate::cmdlets::pester::{Shared, keyword_error, script_block, state};
use crate::engine::bind::{ParamType, Signature};
use crate::engine::commands::{Cmdlet, CmdletInfo, Cx, Resolved};
use crate::engine::convert::to_bool;
use crate::engine::error::{ErrorRecord, Flow, R, Termination};
use crate::engine::eval::{Collector, Sink};
use crate::engine::interp::{FunctionInfo, Interp};
use crate::engine::value::{Hashtable, Value};
use crate::lang::ast::ScriptBlock;
use crate::lang::sym::{eq_ci, intern, well_known as wk};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Block(usize),
    Test(usize),
}

#[derive(Debug, Clone)]
enum Original {
    Cmdlet(Rc<CmdletInfo>),
    Function(Rc<FunctionInfo>),
    /// A cmdlet declared in the signatures whose implementation is not there yet: it can be
    /// mocked (with its real parameters); calling it unmocked is CommandNotFound.
    Declared(Rc<str>),
}

#[derive(Debug)]
struct Hook {
    /// The name calls resolve to (the command's name; for a prefixed Exchange cmdlet, the
    /// prefixed name).
    key: String,
    info: Rc<CmdletInfo>,
    original: Original,
}

#[derive(Debug)]
pub struct Behavior {
    key: String,
    command: String,
    body: Option<Rc<ScriptBlock>>,
    filter: Option<Rc<ScriptBlock>>,
    verifiable: bool,
    executed: bool,
    owner: Owner,
}

#[derive(Debug)]
struct CallRecord {
    key: String,
    owner: Owner,
    bound: Vec<(Rc<str>, Value)>,
    args: Vec<Value>,
}

#[derive(Debug, Default)]
pub struct Mocks {
    hooks: Vec<Hook>,
    behaviors: Vec<Behavior>,
    history: Vec<CallRecord>,
}

/// The hook for a command name, when it is mocked (called by `Interp::resolve_command`).
pub fn resolve(it: &Interp, name: &str) -> Option<Resolved> {
    let st = it.session.pester.as_ref()?;
    let s = st.try_borrow().ok()?;
    if s.mocks.hooks.is_empty() {
        return None;
    }
    s.mocks.hooks.iter().find(|h| eq_ci(&h.key, name)).map(|h| Resolved::Cmdlet(h.info.clone()))
}

/// Drop the behaviours of a finished test or block (and hooks left without behaviours).
pub fn remove_owned(it: &mut Interp, st: &Shared, owner: Owner) {
    let mut s = st.borrow_mut();
    let before = s.mocks.behaviors.len();
    s.mocks.behaviors.retain(|b| b.owner != owner);
    if s.mocks.behaviors.len() != before {
        let m = &mut s.mocks;
        let behaviors = &m.behaviors;
        m.hooks.retain(|h| behaviors.iter().any(|b| b.key == h.key));
        it.generation += 1;
    }
}

fn mock_make() -> Box<dyn Cmdlet> {
    Box::<MockCmdlet>::default()
}

fn command_not_found(cx: &Cx, name: &str) -> Flow {
    let msg = format!("Could not find Command {name}");
    let rec = ErrorRecord::new("System.Management.Automation.CommandNotFoundException", msg, "CommandNotFoundException", "ObjectNotFound")
        .at(cx.file, cx.span)
        .with_target(Value::str(name));
    Flow::Error(Rc::new(rec), Termination::Script)
}

/// Find the hook for `name`, creating it from the real command when needed.
fn hook_for(cx: &mut Cx, st: &Shared, name: &str) -> Result<(String, String), Flow> {
    let resolved = cx.it.resolve_command(name);
    {
        let s = st.borrow();
        if let Some(Resolved::Cmdlet(info)) = &resolved {
            if let Some(h) = s.mocks.hooks.iter().find(|h| Rc::ptr_eq(&h.info, info)) {
                return Ok((h.key.clone(), h.info.name.to_string()));
            }
        }
    }
    let (key, original, sig, module, prefix, command) = match resolved {
        Some(Resolved::Cmdlet(info)) => {
            let key = if info.prefix.is_some() { name.to_string() } else { info.name.to_string() };
            let command = key.clone();
            (key, Original::Cmdlet(info.clone()), info.sig.clone(), info.module.clone(), info.prefix.clone(), command)
        }
        Some(Resolved::Function(f)) | Some(Resolved::Planned(f, _)) => {
            let sig = crate::engine::funcsig::cached_signature(&f.body, &f.name);
            (f.name.to_string(), Original::Function(f.clone()), sig, Rc::from(""), None, f.name.to_string())
        }
        _ => match crate::cmdlets::declared(name) {
            Some(decl) => {
                let command = decl.1.name.clone();
                (command.clone(), Original::Declared(Rc::from(command.as_str())), decl.0.clone(), Rc::from(decl.1.module.as_str()), None, command)
            }
            None => return Err(command_not_found(cx, name)),
        },
    };
    let info = Rc::new(CmdletInfo { name: Rc::from(command.as_str()), module, sig, make: mock_make, prefix });
    st.borrow_mut().mocks.hooks.push(Hook { key: key.clone(), info, original });
    Ok((key, command))
}

/// `Mock CommandName { … } [-ParameterFilter { … }] [-Verifiable]`.
pub fn mock(cx: &mut Cx) -> R {
    let Some(st) = state(cx.it) else {
        return Err(keyword_error(cx, "Mock can be used only inside Describe, Context or It blocks of a test file run with 'tenantsim test'."));
    };
    if st.borrow().phase == crate::cmdlets::pester::Phase::Discovery {
        // Pester ignores mocks placed between Describe and It during Discovery.
        return Ok(());
    }
    let name = cx.string("CommandName").unwrap_or_default();
    let body = script_block(cx.get("MockWith"));
    let filter = script_block(cx.get("ParameterFilter"));
    let verifiable = cx.switch("Verifiable");
    let (key, command) = hook_for(cx, &st, &name)?;
    let mut s = st.borrow_mut();
    let owner = match s.cur_test {
        Some(t) => Owner::Test(t),
        None => Owner::Block(s.cur_block),
    };
    s.mocks.behaviors.push(Behavior { key, command, body, filter, verifiable, executed: false, owner });
    drop(s);
    cx.it.generation += 1;
    Ok(())
}

/// Behaviours visible from the current test/block, in the order Pester tries them.
fn visible(st: &Shared, key: &str) -> Vec<usize> {
    let s = st.borrow();
    let mut out = Vec::new();
    if let Some(t) = s.cur_test {
        out.extend((0..s.mocks.behaviors.len()).rev().filter(|&i| s.mocks.behaviors[i].owner == Owner::Test(t) && eq_ci(&s.mocks.behaviors[i].key, key)));
    }
    let mut b = Some(s.cur_block);
    while let Some(id) = b {
        out.extend((0..s.mocks.behaviors.len()).rev().filter(|&i| s.mocks.behaviors[i].owner == Owner::Block(id) && eq_ci(&s.mocks.behaviors[i].key, key)));
        b = s.tree.blocks.get(id).and_then(|x| x.parent);
    }
    out
}

/// Define the mocked command's parameters (bound value, else `$null`/`$false`) and
/// `$PesterBoundParameters` in `scope`.
fn define_params(it: &mut Interp, scope: usize, sig: &Signature, bound: &[(Rc<str>, Value)], args: &[Value]) {
    for p in &sig.params {
        let v = bound.iter().find(|(n, _)| eq_ci(n, &p.name)).map(|(_, v)| v.clone());
        let v = v.unwrap_or(if p.ty == ParamType::Switch { Value::Switch(false) } else { Value::Null });
        it.define_var(scope, p.sym, v, None);
    }
    for (n, v) in bound {
        if sig.param_index(n).is_none() {
            it.define_var(scope, intern(n), v.clone(), None);
        }
    }
    let mut h = Hashtable::new();
    for (n, v) in bound {
        h.insert(Value::Str(n.clone()), v.clone());
    }
    it.define_var(scope, intern("PesterBoundParameters"), Value::Hashtable(Rc::new(std::cell::RefCell::new(h))), None);
    it.define_var(scope, wk::ARGS, Value::array(args.to_vec()), None);
}

/// Run a script block in a child scope of the current one with the call's parameters.
fn run_with_params(
    it: &mut Interp,
    sb: &Rc<ScriptBlock>,
    sig: &Signature,
    bound: &[(Rc<str>, Value)],
    args: &[Value],
    under: Option<Value>,
    out: &mut dyn Sink,
) -> R {
    let saved = it.cur;
    let scope = it.new_scope(saved);
    it.cur = scope;
    define_params(it, scope, sig, bound, args);
    let r = it.invoke_script_block(sb, vec![], under, false, out);
    it.cur = saved;
    it.free_scope(scope);
    r
}

fn filter_passes(it: &mut Interp, filter: &Rc<ScriptBlock>, sig: &Signature, bound: &[(Rc<str>, Value)], args: &[Value]) -> R<bool> {
    let mut c = Collector::default();
    run_with_params(it, filter, sig, bound, args, None, &mut c)?;
    Ok(to_bool(&c.into_value()))
}

fn bound_list(cx: &Cx) -> Vec<(Rc<str>, Value)> {
    let mut out = Vec::new();
    for &i in &cx.bound.order {
        if let Some(v) = &cx.bound.values[i] {
            out.push((cx.sig.params[i].name.clone(), v.clone()));
        }
    }
    for (n, v) in &cx.bound.common.bound {
        out.push((n.clone(), v.clone()));
    }
    out
}

/// The implementation behind every mock hook.
#[derive(Default)]
pub struct MockCmdlet {
    original: Option<Box<dyn Cmdlet>>,
}

impl MockCmdlet {
    fn call_original(&mut self, cx: &mut Cx, original: &Original) -> R {
        match original {
            Original::Cmdlet(info) => {
                if self.original.is_none() {
                    let mut imp = (info.make)();
                    imp.begin(cx)?;
                    self.original = Some(imp);
                }
                match self.original.as_mut() {
                    Some(imp) => imp.process(cx),
                    None => Ok(()),
                }
            }
            Original::Function(f) => {
                let body = f.body.clone();
                let it = &mut *cx.it;
                it.check_call_depth()?;
                let saved = it.cur;
                let scope = it.new_scope(saved);
                it.cur = scope;
                it.call_depth += 1;
                it.files.push(body.file.clone());
                let r = (|| -> R {
                    it.bind_into_scope(cx.sig, cx.bound, &body, scope, cx.span)?;
                    for block in [&body.begin, &body.process, &body.end].into_iter().flatten() {
                        crate::engine::pipeline::catch_return(it.exec_block(block, cx.out))?;
                    }
                    Ok(())
                })();
                it.files.pop();
                it.call_depth -= 1;
                it.cur = saved;
                it.free_scope(scope);
                r
            }
            Original::Declared(name) => {
                let rec = crate::engine::pipeline::command_not_found(name).at(cx.file, cx.span);
                Err(Flow::Error(Rc::new(rec), Termination::Statement))
            }
        }
    }
}

impl Cmdlet for MockCmdlet {
    fn process(&mut self, cx: &mut Cx) -> R {
        let Some(st) = state(cx.it) else { return Ok(()) };
        let hook = {
            let s = st.borrow();
            s.mocks.hooks.iter().find(|h| std::ptr::eq(Rc::as_ptr(&h.info), cx.info as *const CmdletInfo)).map(|h| (h.key.clone(), h.original.clone()))
        };
        let Some((key, original)) = hook else { return Ok(()) };
        let sig = cx.info.sig.clone();
        let bound = bound_list(cx);
        let args = cx.bound.remaining.clone();
        let under = cx.bound.from_pipeline.first().and_then(|&i| cx.bound.values[i].clone());
        let candidates = visible(&st, &key);
        let mut chosen = None;
        for &i in &candidates {
            let filter = st.borrow().mocks.behaviors.get(i).and_then(|b| b.filter.clone());
            if let Some(f) = filter {
                if filter_passes(cx.it, &f, &sig, &bound, &args)? {
                    chosen = Some(i);
                    break;
                }
            }
        }
        if chosen.is_none() {
            chosen = candidates.iter().copied().find(|&i| st.borrow().mocks.behaviors.get(i).is_some_and(|b| b.filter.is_none()));
        }
        let Some(i) = chosen else {
            return self.call_original(cx, &original);
        };
        let body = {
            let mut s = st.borrow_mut();
            let owner = match s.cur_test {
                Some(t) => Owner::Test(t),
                None => Owner::Block(s.cur_block),
            };
            s.mocks.history.push(CallRecord { key: key.clone(), owner, bound: bound.clone(), args: args.clone() });
            let b = &mut s.mocks.behaviors[i];
            b.executed = true;
            b.body.clone()
        };
        match body {
            Some(sb) => run_with_params(cx.it, &sb, &sig, &bound, &args, under, cx.out),
            None => Ok(()),
        }
    }

    fn end(&mut self, cx: &mut Cx) -> R {
        match self.original.as_mut() {
            Some(imp) => imp.end(cx),
            None => Ok(()),
        }
    }
}

// ───────────────────────────── Should -Invoke ─────────────────────────────

fn assertion_error(cx: &Cx, message: &str) -> Flow {
    let rec = ErrorRecord::new("System.Management.Automation.RuntimeException", message, message, "OperationStopped").at(cx.file, cx.span);
    Flow::Error(Rc::new(rec), Termination::Script)
}

/// The call history `Should -Invoke` looks at (Pester's Get-AssertMockTable).
fn history_in_scope(st: &Shared, key: &str, scope: &str, cx: &Cx) -> Result<Vec<usize>, Flow> {
    let s = st.borrow();
    let in_test = s.cur_test;
    let cur_block = s.cur_block;
    let numeric = scope.chars().all(|c| c.is_ascii_digit());
    let mut level: usize = if numeric { scope.parse().unwrap_or(0) } else { 0 };
    if !numeric {
        if eq_ci(scope, "It") {
            if in_test.is_none() {
                return Err(assertion_error(cx, "Assertion is placed outside of an It block, but -Scope It is specified."));
            }
        } else {
            // Walk up to the nearest Describe/Context block.
            let mut found = None;
            let mut i = Some(cur_block);
            let mut l = 0;
            while let Some(b) = i {
                if eq_ci(s.tree.blocks[b].command, scope) {
                    found = Some(l);
                    break;
                }
                l += 1;
                i = s.tree.blocks[b].parent;
            }
            level = found.unwrap_or(l) + usize::from(in_test.is_some());
        }
    }
    let records = s.mocks.history.iter().enumerate().filter(|(_, r)| eq_ci(&r.key, key));
    if let (Some(t), 0) = (in_test, level) {
        return Ok(records.filter(|(_, r)| r.owner == Owner::Test(t)).map(|(i, _)| i).collect());
    }
    if in_test.is_some() {
        level -= 1;
    }
    let mut block = cur_block;
    for _ in 0..level {
        match s.tree.blocks[block].parent {
            Some(p) => block = p,
            None => break,
        }
    }
    Ok(records
        .filter(|(_, r)| match r.owner {
            Owner::Test(t) => s.tree.is_ancestor(block, s.tree.tests[t].block),
            Owner::Block(b) => s.tree.is_ancestor(block, b),
        })
        .map(|(i, _)| i)
        .collect())
}

pub fn should_invoke(cx: &mut Cx, negate: bool, actual: &Value, because: Option<&str>) -> Result<Verdict, Flow> {
    if !actual.is_null() {
        return Err(assertion_error(cx, "Should -Invoke does not take pipeline input or ActualValue."));
    }
    let Some(st) = state(cx.it) else {
        return Err(assertion_error(cx, "Should -Invoke can be used only inside a test file run with 'tenantsim test'."));
    };
    let name = cx.string("CommandName").unwrap_or_default();
    let times = cx.int("Times").unwrap_or(1);
    let times_given = cx.has("Times");
    let exactly = cx.switch("Exactly");
    let scope = cx.string("Scope").unwrap_or_else(|| "0".into());
    let named = ["Describe", "Context", "It"].iter().any(|s| eq_ci(s, &scope));
    let numeric = !scope.is_empty() && scope.chars().all(|c| c.is_ascii_digit());
    if !named && !numeric {
        return Err(assertion_error(cx, "Parameter Scope must be one of 'Describe', 'Context', 'It' or a non-negative number."));
    }
    let exclusive = script_block(cx.get("ExclusiveFilter"));
    if exclusive.is_some() && negate {
        return Err(assertion_error(cx, "Cannot use -ExclusiveFilter when -Not is specified. Use -ParameterFilter instead."));
    }
    let filter = exclusive.clone().or_else(|| script_block(cx.get("ParameterFilter")));
    // Resolve the command as Pester does (it must exist).
    let existing = {
        let s = st.borrow();
        s.mocks.hooks.iter().find(|h| eq_ci(&h.key, &name)).map(|h| (h.key.clone(), h.info.name.to_string(), h.info.sig.clone()))
    };
    let (key, command, sig) = match existing {
        Some(x) => x,
        None => match cx.it.resolve_command(&name) {
            Some(Resolved::Cmdlet(info)) => {
                let key = if info.prefix.is_some() { name.clone() } else { info.name.to_string() };
                (key.clone(), key, info.sig.clone())
            }
            Some(Resolved::Function(f)) | Some(Resolved::Planned(f, _)) => {
                (f.name.to_string(), f.name.to_string(), crate::engine::funcsig::cached_signature(&f.body, &f.name))
            }
            _ => match crate::cmdlets::declared(&name) {
                Some(decl) => (decl.1.name.clone(), decl.1.name.clone(), decl.0.clone()),
                None => return Err(command_not_found(cx, &name)),
            },
        },
    };
    let records = history_in_scope(&st, &key, &scope, cx)?;
    let mut matching = 0i64;
    let mut non_matching = 0i64;
    for i in records {
        let (bound, args) = {
            let s = st.borrow();
            let r = &s.mocks.history[i];
            (r.bound.clone(), r.args.clone())
        };
        let ok = match &filter {
            Some(f) => filter_passes(cx.it, f, &sig, &bound, &args)?,
            None => true,
        };
        if ok {
            matching += 1;
        } else {
            non_matching += 1;
        }
    }
    let b = format_because(because);
    if negate {
        if matching == times && (exactly || !times_given) {
            return Ok(Verdict::Fail(format!("Expected {command} not to be called exactly {times} times,{b} but it was")));
        }
        if matching >= times && !exactly {
            return Ok(Verdict::Fail(format!("Expected {command} to be called less than {times} times,{b} but was called {matching} times")));
        }
    } else {
        if matching != times && (exactly || times == 0) {
            return Ok(Verdict::Fail(format!("Expected {command} to be called {times} times exactly,{b} but was called {matching} times")));
        }
        if matching < times {
            return Ok(Verdict::Fail(format!("Expected {command} to be called at least {times} times,{b} but was called {matching} times")));
        }
        if exclusive.is_some() && non_matching > 0 {
            return Ok(Verdict::Fail(format!(
                "Expected {command} to only be called with with parameters matching the specified filter,{b} but {non_matching} non-matching calls were made"
            )));
        }
    }
    Ok(Verdict::Pass(None))
}

pub fn should_invoke_verifiable(cx: &mut Cx, negate: bool, because: Option<&str>) -> Result<Verdict, Flow> {
    let Some(st) = state(cx.it) else {
        return Err(assertion_error(cx, "Should -InvokeVerifiable can be used only inside a test file run with 'tenantsim test'."));
    };
    let s = st.borrow();
    let mut owners = Vec::new();
    if let Some(t) = s.cur_test {
        owners.push(Owner::Test(t));
    }
    let mut b = Some(s.cur_block);
    while let Some(id) = b {
        owners.push(Owner::Block(id));
        b = s.tree.blocks[id].parent;
    }
    let mut msg = String::new();
    let mut any = false;
    for o in owners {
        for beh in s.mocks.behaviors.iter().filter(|x| x.owner == o && x.verifiable && x.executed == negate) {
            any = true;
            msg.push_str(&format!("\n Command {} ", beh.command));
            if let Some(f) = &beh.filter {
                msg.push_str(&format!("with {{ {} }}", f.body_text().trim()));
            }
        }
    }
    if !any {
        return Ok(Verdict::Pass(None));
    }
    let bc = format_because(because);
    if negate {
        Ok(Verdict::Fail(format!("\nExpected no verifiable mocks to be called,{bc} but these were:{msg}")))
    } else {
        Ok(Verdict::Fail(format!("\nExpected all verifiable mocks to be called,{bc} but these were not:{msg}")))
    }
}
