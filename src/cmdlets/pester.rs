//! Pester 5: the keywords real test suites use, as cmdlets (signatures in
//! `signatures/pester.jsonl`).
//!
//! Pester runs a test file in two phases. **Discovery** runs the file: `Describe`/`Context`
//! create blocks and run their body at once to find what is inside, `It` and the setup
//! keywords only register their script blocks, `Mock` does nothing. **Run** then walks the
//! discovered tree (see [`runtime`]): each block's `BeforeAll` in a scope of its own, each test
//! in a child scope of its block with `BeforeEach`, the test body and `AfterEach`
//! dot-sourced into it. Code directly in a `Describe` body therefore runs during Discovery only,
//! as in Pester.
//!
//! The runner state lives in the interpreter session (`Session::pester`); `tenantsim test`
//! (`cli::test`) creates it, one per test file.
//!
//! * [`runtime`]: the discovered tree, the run phase, the console output;
//! * [`should`]: `Should` and its operators (Pester's failure messages);
//! * [`mock`]: `Mock`, the command-resolution hook and `Should -Invoke`.

pub mod mock;
pub mod runner;
pub mod runtime;
pub mod should;

use std::cell::RefCell;
use std::rc::Rc;

use crate::cmdlets::Make;
use crate::engine::commands::{Cmdlet, Cx, FnCmdlet};
use crate::engine::convert::to_display_string;
use crate::engine::error::{ErrorRecord, Flow, R, Termination};
use crate::engine::eval::{NullSink, Sink};
use crate::engine::interp::Interp;
use crate::engine::value::Value;
use crate::lang::ast::ScriptBlock;
use crate::lang::sym::{intern, well_known as wk};

pub use runtime::{Phase, State};

macro_rules! simple {
    ($f:path) => {{
        fn make() -> Box<dyn Cmdlet> {
            Box::new(FnCmdlet($f))
        }
        make as Make
    }};
}

macro_rules! stateful {
    ($t:ty) => {{
        fn make() -> Box<dyn Cmdlet> {
            Box::new(<$t>::default())
        }
        make as Make
    }};
}

/// The registration table: cmdlet name → implementation.
pub const CMDLETS: &[(&str, Make)] = &[
    ("Describe", simple!(describe)),
    ("Context", simple!(context)),
    ("It", simple!(it_keyword)),
    ("BeforeAll", simple!(before_all)),
    ("BeforeEach", simple!(before_each)),
    ("AfterEach", simple!(after_each)),
    ("AfterAll", simple!(after_all)),
    ("BeforeDiscovery", simple!(before_discovery)),
    ("Mock", simple!(mock::mock)),
    ("Should", stateful!(should::Should)),
    ("InModuleScope", simple!(in_module_scope)),
    ("Set-ItResult", simple!(set_it_result)),
    ("Invoke-Pester", simple!(invoke_pester)),
];

/// The runner state shared between the keywords and `tenantsim test`.
pub type Shared = Rc<RefCell<State>>;

/// The Pester state of this session, if a test run is active.
pub fn state(it: &Interp) -> Option<Shared> {
    it.session.pester.clone()
}

/// A script block argument, if one was bound.
pub fn script_block(v: Option<&Value>) -> Option<Rc<ScriptBlock>> {
    match v {
        Some(Value::ScriptBlock(sb)) => Some(sb.clone()),
        _ => None,
    }
}

/// A terminating error raised by a keyword itself (`throw "..."` in Pester's functions).
pub fn keyword_error(cx: &Cx, message: &str) -> Flow {
    let rec = ErrorRecord::new("System.Management.Automation.RuntimeException", message, message, "OperationStopped").at(cx.file, cx.span);
    Flow::Error(Rc::new(rec), Termination::Script)
}

fn outside_runner(cx: &Cx) -> Flow {
    let msg = format!("{} can be used only in a test file run with 'tenantsim test'.", cx.name());
    let rec =
        ErrorRecord::new("System.InvalidOperationException", msg.clone(), "PesterNotRunning", "InvalidOperation").at(cx.file, cx.span).for_command(cx.name());
    Flow::Error(Rc::new(rec), Termination::Script)
}

/// Define `-ForEach`/`-TestCases` data in a scope: every key of a dictionary becomes a
/// variable, and the item itself is `$_`.
pub fn define_data(it: &mut Interp, scope: usize, data: &Value) {
    if let Value::Hashtable(h) = data {
        let entries: Vec<(Value, Value)> = h.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in entries {
            it.define_var(scope, intern(&to_display_string(&k)), v, None);
        }
    }
    it.define_var(scope, wk::UNDERSCORE, data.clone(), None);
}

/// Run a script block in a new child scope of the current one, with data defined in it.
pub fn invoke_in_child_scope(it: &mut Interp, sb: &Rc<ScriptBlock>, data: Option<&Value>, out: &mut dyn Sink) -> R {
    let saved = it.cur;
    let scope = it.new_scope(saved);
    it.cur = scope;
    if let Some(d) = data {
        define_data(it, scope, d);
    }
    let r = it.invoke_script_block(sb, vec![], None, false, out);
    it.cur = saved;
    it.free_scope(scope);
    r
}

// ───────────────────────────── blocks and tests ─────────────────────────────

fn describe(cx: &mut Cx) -> R {
    block_keyword(cx, "Describe")
}

fn context(cx: &mut Cx) -> R {
    block_keyword(cx, "Context")
}

fn block_keyword(cx: &mut Cx, command: &'static str) -> R {
    let name = cx.string("Name").unwrap_or_default();
    let Some(fixture) = script_block(cx.get("Fixture")) else {
        return Err(keyword_error(
            cx,
            if name.contains('\n') {
                "Test fixture name has multiple lines and no test fixture is provided. (Have you provided a name for the test group?)"
            } else {
                "No test fixture is provided. (Have you put the open curly brace on the next line?)"
            },
        ));
    };
    let Some(st) = state(cx.it) else { return Err(outside_runner(cx)) };
    if st.borrow().phase != Phase::Discovery {
        return Err(keyword_error(cx, &format!("{command} cannot be used inside of It, BeforeAll, BeforeEach, AfterEach or AfterAll.")));
    }
    let skip = cx.switch("Skip");
    let tags = cx.strings("Tag");
    let line = cx.file.line_col(cx.span.start).0;
    let items: Vec<Option<Value>> = if cx.has("ForEach") {
        let items = cx.list("ForEach");
        if items.is_empty() {
            // `-ForEach @()` or `$null`: no block at all.
            return Ok(());
        }
        items.into_iter().map(Some).collect()
    } else {
        vec![None]
    };
    for data in items {
        let parent = st.borrow().cur_block;
        let id = st.borrow_mut().tree.add_block(parent, &name, command, data.clone(), skip, tags.clone(), cx.file.clone(), line, fixture.clone());
        st.borrow_mut().cur_block = id;
        let r = invoke_in_child_scope(cx.it, &fixture, data.as_ref(), &mut NullSink);
        st.borrow_mut().cur_block = parent;
        r?;
    }
    Ok(())
}

fn it_keyword(cx: &mut Cx) -> R {
    let name = cx.string("Name").unwrap_or_default();
    let Some(body) = script_block(cx.get("Test")) else {
        return Err(keyword_error(
            cx,
            if name.contains('\n') {
                "Test name has multiple lines and no test scriptblock is provided. Did you provide the test name?"
            } else {
                "No test scriptblock is provided. Did you put the opening curly brace on the next line?"
            },
        ));
    };
    let Some(st) = state(cx.it) else { return Err(outside_runner(cx)) };
    if st.borrow().phase != Phase::Discovery {
        return Err(keyword_error(cx, "It cannot be used inside of another It, BeforeAll, BeforeEach, AfterEach or AfterAll."));
    }
    let skip = cx.switch("Skip") || cx.switch("Pending");
    let tags = cx.strings("Tag");
    let line = cx.file.line_col(cx.span.start).0;
    let (items, group): (Vec<Option<Value>>, bool) = if cx.has("ForEach") {
        let items = cx.list("ForEach");
        if items.is_empty() {
            return Ok(());
        }
        (items.into_iter().map(Some).collect(), true)
    } else {
        (vec![None], false)
    };
    let mut s = st.borrow_mut();
    let group_id = if group { Some(s.tree.next_group()) } else { None };
    let block = s.cur_block;
    for data in items {
        s.tree.add_test(block, &name, body.clone(), data, skip, tags.clone(), line, group_id);
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Setup {
    BeforeAll,
    BeforeEach,
    AfterEach,
    AfterAll,
}

fn setup_keyword(cx: &mut Cx, which: Setup) -> R {
    let Some(sb) = script_block(cx.get("Scriptblock")) else { return Ok(()) };
    let Some(st) = state(cx.it) else { return Err(outside_runner(cx)) };
    let mut s = st.borrow_mut();
    if s.phase != Phase::Discovery {
        drop(s);
        return Err(keyword_error(cx, &format!("{} cannot be used inside of It, BeforeAll, BeforeEach, AfterEach or AfterAll.", cx.name())));
    }
    let b = s.cur_block;
    let block = &mut s.tree.blocks[b];
    match which {
        Setup::BeforeAll => block.before_all.push(sb),
        Setup::BeforeEach => block.before_each.push(sb),
        Setup::AfterEach => block.after_each.push(sb),
        Setup::AfterAll => block.after_all.push(sb),
    }
    Ok(())
}

fn before_all(cx: &mut Cx) -> R {
    setup_keyword(cx, Setup::BeforeAll)
}
fn before_each(cx: &mut Cx) -> R {
    setup_keyword(cx, Setup::BeforeEach)
}
fn after_each(cx: &mut Cx) -> R {
    setup_keyword(cx, Setup::AfterEach)
}
fn after_all(cx: &mut Cx) -> R {
    setup_keyword(cx, Setup::AfterAll)
}

/// `BeforeDiscovery { … }`: runs at once, dot-sourced into the current scope, so the variables
/// it defines can generate tests (`It -ForEach $cases`).
fn before_discovery(cx: &mut Cx) -> R {
    let Some(sb) = script_block(cx.get("Scriptblock")) else { return Ok(()) };
    cx.it.invoke_script_block(&sb, vec![], None, false, &mut NullSink)
}

/// `InModuleScope Name { … }`: tenantsim has no module session states, so the script block
/// runs in a child scope of the caller, with `-Parameters` as variables and `-ArgumentList`
/// as `$args`.
fn in_module_scope(cx: &mut Cx) -> R {
    let Some(sb) = script_block(cx.get("ScriptBlock")) else { return Ok(()) };
    let args = cx.list("ArgumentList");
    let params = cx.get("Parameters").cloned();
    let saved = cx.it.cur;
    let scope = cx.it.new_scope(saved);
    cx.it.cur = scope;
    if let Some(Value::Hashtable(h)) = params {
        let entries: Vec<(Value, Value)> = h.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in entries {
            cx.it.define_var(scope, intern(&to_display_string(&k)), v, None);
        }
    }
    let mut items = crate::engine::eval::Collector::default();
    let r = cx.it.invoke_script_block(&sb, args, None, false, &mut items);
    cx.it.cur = saved;
    cx.it.free_scope(scope);
    r?;
    for v in items.into_vec() {
        cx.emit(v)?;
    }
    Ok(())
}

/// `Set-ItResult -Skipped|-Inconclusive [-Because …]`: ends the test with that result.
fn set_it_result(cx: &mut Cx) -> R {
    let (id, mut message) = if cx.set_name() == "Inconclusive" {
        ("PesterTestInconclusive", "is inconclusive".to_string())
    } else {
        ("PesterTestSkipped", "is skipped".to_string())
    };
    if let Some(b) = cx.string("Because") {
        let formatted = should::format_because(Some(&b));
        if let Some(trimmed) = formatted.strip_suffix(',') {
            message.push(',');
            message.push_str(trimmed);
        }
    }
    let line = cx.file.line_col(cx.span.start).0;
    let rec = should::pester_error_record(id, &message, &cx.file.display_name(), line, cx.file.line_text(line).trim(), false);
    Err(Flow::Error(Rc::new(rec.at(cx.file, cx.span)), Termination::Script))
}

/// `Invoke-Pester [-Path …] [-Output …] [-CI] [-PassThru]`: the run of `tenantsim test`, from a
/// script (output Normal by default, as Pester's). `-CI` writes `testResults.xml` (NUnit 2.5)
/// and exits with the failure count when there are failures; `$LASTEXITCODE` is the count.
fn invoke_pester(cx: &mut Cx) -> R {
    crate::cmdlets::core::reject(cx, &["ExcludePath", "TagFilter", "ExcludeTagFilter", "FullNameFilter", "Container", "Configuration"])?;
    let mut paths: Vec<std::path::PathBuf> = cx.strings("Path").into_iter().map(std::path::PathBuf::from).collect();
    if paths.is_empty() {
        paths.push(std::path::PathBuf::from("."));
    }
    let verbosity = match cx.string("Output").unwrap_or_else(|| "Normal".into()).to_ascii_lowercase().as_str() {
        "detailed" | "diagnostic" => runtime::Verbosity::Detailed,
        "none" => runtime::Verbosity::None,
        _ => runtime::Verbosity::Normal,
    };
    let ci = cx.switch("CI");
    let opts = runner::TestOptions {
        paths,
        junit: None,
        nunit: if ci { Some(std::path::PathBuf::from("testResults.xml")) } else { None },
        output: runtime::OutputOptions { verbosity, wall_clock: false },
    };
    let sim = cx.it.session.sim.clone();
    let common = crate::cli::Common { scenario: sim.scenario, state: None, now: sim.now, seed: sim.seed };
    let r = runner::run(&common, &opts, &mut cx.it.host);
    if let Some(e) = r.usage_error {
        let rec =
            ErrorRecord::new("System.Management.Automation.RuntimeException", e.clone(), &e, "InvalidArgument").at(cx.file, cx.span).for_command(cx.name());
        return Err(Flow::Error(Rc::new(rec), Termination::Statement));
    }
    let failed = r.counts.failed + r.failed_blocks + r.failed_containers;
    let _ = cx.it.set_var_in(0, wk::LAST_EXIT_CODE, Value::Int(failed as i32));
    if cx.switch("PassThru") {
        let c = &r.counts;
        let mut o = crate::engine::value::PsObject::typed("Pester.Run");
        let result = if r.code == 0 { "Passed" } else { "Failed" };
        o.set("Result", Value::str(result));
        o.set("FailedCount", Value::Int(c.failed as i32));
        o.set("FailedBlocksCount", Value::Int(r.failed_blocks as i32));
        o.set("FailedContainersCount", Value::Int(r.failed_containers as i32));
        o.set("PassedCount", Value::Int(c.passed as i32));
        o.set("SkippedCount", Value::Int(c.skipped as i32));
        o.set("InconclusiveCount", Value::Int(c.inconclusive as i32));
        o.set("NotRunCount", Value::Int(c.not_run as i32));
        o.set("TotalCount", Value::Int(c.total() as i32));
        o.set("Duration", Value::TimeSpan(r.duration));
        o.set("Executed", Value::Bool(true));
        o.set("Version", Value::str(crate::cmdlets::core::session::module_version("Pester").unwrap_or("5")));
        cx.emit(o.into_value())?;
    }
    if ci && r.code != 0 {
        return Err(Flow::Exit(if r.code == 255 && failed == 0 { -1 } else { failed as i32 }));
    }
    Ok(())
}
