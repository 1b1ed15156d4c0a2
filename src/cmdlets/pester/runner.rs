//! The test run behind `tenantsim test` and `Invoke-Pester`: find the `*.Tests.ps1` files,
//! run each one in a fresh session (Discovery for all, then Run), print the summary, write the
//! JUnit/NUnit reports, and decide the exit code (failed tests + failed blocks + failed files,
//! capped at 255, as `Invoke-Pester -CI`).
//!
//! Determinism: durations come from the virtual clock (simulated time a test consumed, so
//! usually `0ms`), the report's date is the virtual start time and its environment describes
//! the simulation, not the machine; wall-clock timing is an option.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::cli::Common;
use crate::cmdlets::pester::runtime::{self, Color, Counts, Failure, Item, Outcome, OutputOptions, State, Verbosity, human_time, write_host};
use crate::cmdlets::pester::{Phase, Shared};
use crate::engine::error::Flow;
use crate::engine::eval::NullSink;
use crate::engine::host::Host;
use crate::engine::interp::Interp;

#[derive(Debug, Clone, Default)]
pub struct TestOptions {
    pub paths: Vec<PathBuf>,
    pub junit: Option<PathBuf>,
    pub nunit: Option<PathBuf>,
    pub output: OutputOptions,
}

fn is_test_file(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.to_ascii_lowercase().ends_with(".tests.ps1"))
}

/// Pester's Find-File: a directory contributes its `*.Tests.ps1` files (its own files first,
/// then each subdirectory, in name order); a file is taken as it is.
pub fn find_test_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let mut files = Vec::new();
        let mut dirs = Vec::new();
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if is_test_file(&p) {
                files.push(p);
            }
        }
        files.sort();
        dirs.sort();
        out.extend(files);
        for d in dirs {
            walk(&d, out);
        }
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            return Err(format!("cannot find path '{}' because it does not exist", p.display()));
        }
    }
    // `./x.Tests.ps1` and `x.Tests.ps1` name the same file: show it as given, once.
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.canonicalize().unwrap_or_else(|_| p.clone())));
    Ok(out.into_iter().map(|p| p.strip_prefix("./").map(Path::to_path_buf).unwrap_or(p)).collect())
}

/// One test file: its session and its runner state.
struct Container {
    it: Interp,
    st: Shared,
}

/// Run the test files; returns the exit code. Everything is written to `host`.
/// What a run produced (`Invoke-Pester -PassThru` shows it).
#[derive(Debug, Clone, Default)]
pub struct RunResult {
    /// The exit code: failures capped at 255; 255 without test files; 64 for a usage error.
    pub code: i32,
    pub counts: Counts,
    pub failed_blocks: usize,
    pub failed_containers: usize,
    /// Ticks.
    pub duration: i64,
    /// A usage error (a missing path, an unwritable report), already written to the host.
    pub usage_error: Option<String>,
}

fn usage_error(host: &mut Host, message: String) -> RunResult {
    host.write(crate::engine::host::Stream::Err, &format!("tenantsim test: {message}\n"));
    RunResult { code: 64, usage_error: Some(message), ..RunResult::default() }
}

/// Run the test files of `opts`; everything is written to `host`.
pub fn run(common: &Common, opts: &TestOptions, host: &mut Host) -> RunResult {
    let files = match find_test_files(&opts.paths) {
        Ok(f) => f,
        Err(e) => return usage_error(host, e),
    };
    let verbosity = opts.output.verbosity;
    if verbosity == Verbosity::Detailed {
        let version = crate::cmdlets::core::session::module_version("Pester").unwrap_or("5");
        write_host(host, Color::Magenta, &format!("Pester v{version}"), true);
    }
    if files.is_empty() {
        // Invoke-Pester throws this; with -CI the run ends with `exit -1`.
        if verbosity != Verbosity::None {
            write_host(
                host,
                Color::Red,
                "System.Management.Automation.RuntimeException: No test files were found and no scriptblocks were provided. Please ensure that you provided at least one path to a *.Tests.ps1 file, or a directory that contains such file.",
                true,
            );
        }
        host.flush();
        return RunResult { code: 255, ..RunResult::default() };
    }
    if verbosity != Verbosity::None {
        write_host(host, Color::Magenta, &format!("\nStarting discovery in {} files.", files.len()), true);
    }
    let mut containers: Vec<Container> = Vec::new();
    let mut discovery_time = 0i64;
    let mut executed_at = None;
    for file in &files {
        let mut it = crate::cli::new_interp(common, Host::capture().0);
        std::mem::swap(&mut it.host, host);
        if executed_at.is_none() {
            executed_at = Some(it.world_mut().clock_now());
        }
        let display = file.display().to_string();
        let c = discover(&mut it, file, &display, opts.output);
        discovery_time += c.borrow().discovery_duration;
        let failed = c.borrow().discovery_failed;
        if failed && verbosity != Verbosity::None {
            let errors = c.borrow().container_errors.clone();
            runtime::write(&mut it, Color::Red, &format!("[-] Discovery in {display} failed with:"), true);
            runtime::write(&mut it, Color::Red, &runtime::format_errors(&errors, ""), true);
        }
        std::mem::swap(&mut it.host, host);
        containers.push(Container { it, st: c });
    }
    let discovered: usize = containers.iter().map(|c| c.st.borrow().tree.tests.len()).sum();
    if verbosity != Verbosity::None {
        write_host(host, Color::Magenta, &format!("Discovery found {discovered} tests in {}.", human_time(discovery_time)), true);
        write_host(host, Color::Magenta, "Running tests.", true);
    }
    for c in &mut containers {
        if c.st.borrow().discovery_failed || c.st.borrow().tree.tests.is_empty() {
            c.st.borrow_mut().phase = Phase::Done;
            continue;
        }
        std::mem::swap(&mut c.it.host, host);
        runtime::run(&mut c.it, &c.st);
        c.it.out_default_end();
        std::mem::swap(&mut c.it.host, host);
    }
    let summary = Summary::of(&containers);
    if verbosity != Verbosity::None {
        summary.write(host);
    }
    let executed_at = executed_at.unwrap_or_else(|| crate::sim::World::default().clock_now());
    for (path, xml) in [(&opts.junit, junit_report(&containers, &summary)), (&opts.nunit, nunit_report(&containers, &summary, executed_at))] {
        if let Some(p) = path {
            if let Err(e) = std::fs::write(p, xml) {
                return usage_error(host, format!("cannot write '{}': {e}", p.display()));
            }
        }
    }
    host.flush();
    RunResult {
        code: (summary.counts.failed + summary.failed_blocks.len() + summary.failed_containers.len()).min(255) as i32,
        counts: summary.counts.clone(),
        failed_blocks: summary.failed_blocks.len(),
        failed_containers: summary.failed_containers.len(),
        duration: summary.duration,
        usage_error: None,
    }
}

/// Run the Discovery phase of one file.
fn discover(it: &mut Interp, file: &Path, display: &str, opts: OutputOptions) -> Shared {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let parsed = crate::lang::parse_script(text.clone(), Some(file.to_path_buf()));
    let source = match &parsed {
        Ok(sb) => sb.file.clone(),
        Err(_) => Rc::new(crate::lang::source::SourceFile::new(Some(file.to_path_buf()), text)),
    };
    let st: Shared = Rc::new(std::cell::RefCell::new(State::new(source, display.to_string(), opts)));
    it.session.pester = Some(st.clone());
    match parsed {
        Err(pe) => {
            let rec = crate::engine::display::parse_error_record(&pe);
            let mut s = st.borrow_mut();
            s.discovery_failed = true;
            s.container_errors.push(runtime::failure_from(&rec));
        }
        Ok(sb) => {
            let t0 = runtime::now(it, opts.wall_clock);
            // Pester runs Discovery inside a try: statement-terminating errors fail the file.
            it.try_depth += 1;
            let r = it.run_script(&sb, vec![], &mut NullSink);
            it.try_depth -= 1;
            let elapsed = runtime::now(it, opts.wall_clock) - t0;
            let mut s = st.borrow_mut();
            s.discovery_duration = elapsed;
            s.cur_block = 0;
            match r {
                Err(Flow::Error(rec, _)) => {
                    s.discovery_failed = true;
                    s.container_errors.push(runtime::failure_from(&rec));
                }
                Err(Flow::Exit(code)) => {
                    s.discovery_failed = true;
                    s.container_errors.push(Failure {
                        message: format!("RuntimeException: The test file called 'exit {code}' during Discovery."),
                        trace: String::new(),
                        fqid: "Exit".into(),
                    });
                }
                _ => {}
            }
        }
    }
    {
        let mut s = st.borrow_mut();
        if s.discovery_failed {
            s.tree = runtime::Tree::new(s.tree.blocks[0].file.clone());
        }
    }
    st
}

// ───────────────────────────── summary ─────────────────────────────

struct Summary {
    counts: Counts,
    duration: i64,
    failed_blocks: Vec<String>,
    failed_containers: Vec<String>,
}

impl Summary {
    fn of(containers: &[Container]) -> Summary {
        let mut counts = Counts::default();
        let mut duration = 0;
        let mut failed_blocks = Vec::new();
        let mut failed_containers = Vec::new();
        for c in containers {
            let s = c.st.borrow();
            let cc = s.counts();
            counts.passed += cc.passed;
            counts.failed += cc.failed;
            counts.skipped += cc.skipped;
            counts.inconclusive += cc.inconclusive;
            counts.not_run += cc.not_run;
            duration += s.duration;
            for b in s.failed_blocks() {
                failed_blocks.push(s.tree.block_path(b).join("."));
            }
            if s.container_failed() {
                failed_containers.push(s.container.clone());
            }
        }
        Summary { counts, duration, failed_blocks, failed_containers }
    }

    /// Write-PesterReport.
    fn write(&self, host: &mut Host) {
        let c = &self.counts;
        write_host(host, Color::White, &format!("Tests completed in {}", human_time(self.duration)), true);
        let (success, failure) = if c.failed > 0 { (Color::White, Color::Red) } else { (Color::DarkGreen, Color::DarkGray) };
        let pick = |n: usize, color: Color| if n > 0 { color } else { Color::DarkGray };
        write_host(host, success, &format!("Tests Passed: {}, ", c.passed), false);
        write_host(host, failure, &format!("Failed: {}, ", c.failed), false);
        write_host(host, pick(c.skipped, Color::Yellow), &format!("Skipped: {}, ", c.skipped), false);
        write_host(host, pick(c.inconclusive, Color::Gray), &format!("Inconclusive: {}, ", c.inconclusive), false);
        write_host(host, pick(c.not_run, Color::Gray), &format!("NotRun: {}", c.not_run), true);
        if !self.failed_blocks.is_empty() {
            write_host(host, Color::Red, &format!("BeforeAll \\ AfterAll failed: {}", self.failed_blocks.len()), true);
            let list: Vec<String> = self.failed_blocks.iter().map(|b| format!("  - {b}")).collect();
            write_host(host, Color::Red, &list.join("\n"), true);
        }
        if !self.failed_containers.is_empty() {
            write_host(host, Color::Red, &format!("Container failed: {}", self.failed_containers.len()), true);
            let list: Vec<String> = self.failed_containers.iter().map(|b| format!("  - {b}")).collect();
            write_host(host, Color::Red, &list.join("\n"), true);
        }
    }
}

// ───────────────────────────── XML reports ─────────────────────────────

/// A minimal XmlWriter with .NET's output (`Indent = true`): two-space indentation,
/// `<a />` for empty elements, `&#xA;` for newlines inside attributes.
struct Xml {
    out: String,
    stack: Vec<(String, bool)>,
    open_tag: bool,
}

fn escape_attr(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\n' => o.push_str("&#xA;"),
            '\r' => o.push_str("&#xD;"),
            '\t' => o.push_str("&#x9;"),
            c => push_xml_char(&mut o, c),
        }
    }
    o
}

/// Characters XML 1.0 cannot carry (other control characters) are shown as their Unicode
/// control pictures, as Pester 6 does in messages.
fn push_xml_char(o: &mut String, c: char) {
    let u = c as u32;
    if u < 0x20 {
        o.push(char::from_u32(0x2400 + u).unwrap_or('?'));
    } else if u == 0x7F {
        o.push('\u{2421}');
    } else if (0xFFFE..=0xFFFF).contains(&u) || (0xD800..=0xDFFF).contains(&u) {
        o.push('\u{FFFD}');
    } else {
        o.push(c);
    }
}

fn escape_text(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '\n' | '\t' => o.push(c),
            '\r' => o.push_str("&#xD;"),
            c => push_xml_char(&mut o, c),
        }
    }
    o
}

impl Xml {
    fn new() -> Xml {
        Xml { out: String::from("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>"), stack: Vec::new(), open_tag: false }
    }
    fn close_open_tag(&mut self) {
        if self.open_tag {
            self.out.push('>');
            self.open_tag = false;
        }
    }
    fn start(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.close_open_tag();
        if let Some(parent) = self.stack.last_mut() {
            parent.1 = true;
        }
        self.out.push('\n');
        self.out.push_str(&"  ".repeat(self.stack.len()));
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push_str(&format!(" {k}=\"{}\"", escape_attr(v)));
        }
        self.open_tag = true;
        self.stack.push((name.to_string(), false));
    }
    /// Text content (written inline, as XmlWriter does for mixed content).
    fn text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        self.close_open_tag();
        if let Some(top) = self.stack.last_mut() {
            top.1 = false;
        }
        self.out.push_str(&escape_text(t));
        // Text makes the element "mixed": no indentation before its end tag.
        if let Some(top) = self.stack.last_mut() {
            top.0.insert(0, '!');
        }
    }
    fn end(&mut self) {
        let Some((name, had_children)) = self.stack.pop() else { return };
        if self.open_tag {
            self.out.push_str(" />");
            self.open_tag = false;
            return;
        }
        let (name, mixed) = match name.strip_prefix('!') {
            Some(n) => (n.to_string(), true),
            None => (name, false),
        };
        if had_children && !mixed {
            self.out.push('\n');
            self.out.push_str(&"  ".repeat(self.stack.len()));
        }
        self.out.push_str(&format!("</{name}>"));
    }
    fn element(&mut self, name: &str, text: &str) {
        self.start(name, &[]);
        self.text(text);
        self.end();
    }
    fn finish(mut self) -> String {
        while !self.stack.is_empty() {
            self.end();
        }
        self.out
    }
}

fn seconds3(ticks: i64) -> String {
    format!("{:.3}", ticks as f64 / 10_000_000.0)
}

/// Convert-TimeSpan: seconds rounded to 4 decimals, as PowerShell prints a double.
fn seconds4(ticks: i64) -> String {
    if ticks == 0 {
        return "0".into();
    }
    crate::engine::convert::format_double(runtime::round_half_even(ticks as f64 / 10_000_000.0, 4))
}

/// Get-RunTimeEnvironment, describing the simulation (deterministic reports).
fn environment() -> Vec<(&'static str, String)> {
    vec![
        ("nunit-version", "2.5.8.0".into()),
        ("junit-version", "4".into()),
        ("os-version", env!("CARGO_PKG_VERSION").into()),
        ("platform", "tenantsim".into()),
        ("cwd", ".".into()),
        ("machine-name", "tenantsim".into()),
        ("user", "tenantsim".into()),
        ("user-domain", "".into()),
        ("clr-version", "tenantsim".into()),
        ("framework-version", crate::cmdlets::core::session::module_version("Pester").unwrap_or("5").into()),
    ]
}

/// Get-ErrorForXmlReport: (message, stack trace) of a failed or skipped test.
fn error_for_report(s: &State, t: usize) -> (String, String) {
    let test = &s.tree.tests[t];
    if test.outcome == Outcome::Failed && !test.executed {
        return ("This test should run but it did not. Most likely a setup in some parent block failed.".into(), String::new());
    }
    if let Some(m) = &test.result_message {
        return (m.clone(), String::new());
    }
    let errs = &test.errors;
    if errs.len() > 1 {
        let msg = errs.iter().enumerate().map(|(i, e)| format!("[{i}] {}", e.message)).collect::<Vec<_>>().join("\n");
        let st = errs.iter().enumerate().map(|(i, e)| format!("[{i}] {}", e.trace)).collect::<Vec<_>>().join("\n");
        (msg, st)
    } else if let Some(e) = errs.first() {
        (e.message.clone(), e.trace.clone())
    } else {
        (String::new(), String::new())
    }
}

fn reported_tests(s: &State) -> Vec<usize> {
    (0..s.tree.tests.len()).filter(|&t| s.tree.tests[t].outcome != Outcome::NotRun).collect()
}

fn junit_report(containers: &[Container], sum: &Summary) -> String {
    let mut x = Xml::new();
    let c = &sum.counts;
    x.start(
        "testsuites",
        &[
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance".into()),
            ("xsi:noNamespaceSchemaLocation", "junit_schema_4.xsd".into()),
            ("name", "Pester".into()),
            ("tests", c.total().to_string()),
            ("errors", (sum.failed_containers.len() + sum.failed_blocks.len()).to_string()),
            ("failures", c.failed.to_string()),
            ("disabled", (c.not_run + c.skipped).to_string()),
            ("time", seconds3(sum.duration)),
        ],
    );
    let mut id = 0;
    for cont in containers {
        let s = cont.st.borrow();
        let tests = reported_tests(&s);
        if tests.is_empty() && !s.container_failed() {
            continue;
        }
        let cc = s.counts();
        let package = s.container.clone();
        x.start(
            "testsuite",
            &[
                ("name", package.clone()),
                ("tests", cc.total().to_string()),
                ("errors", "0".into()),
                ("failures", cc.failed.to_string()),
                ("hostname", "tenantsim".into()),
                ("id", id.to_string()),
                ("skipped", cc.skipped.to_string()),
                ("disabled", cc.not_run.to_string()),
                ("package", package.clone()),
                ("time", seconds3(s.duration)),
            ],
        );
        id += 1;
        x.start("properties", &[]);
        for (k, v) in environment() {
            if k == "nunit-version" {
                continue;
            }
            x.start("property", &[("name", k.into()), ("value", v)]);
            x.end();
        }
        x.end();
        for t in tests {
            let test = &s.tree.tests[t];
            x.start(
                "testcase",
                &[
                    ("name", s.tree.test_path(t).join(".")),
                    ("status", test.outcome.name().into()),
                    ("classname", package.clone()),
                    ("assertions", "0".into()),
                    ("time", seconds3(test.duration)),
                ],
            );
            let element = match test.outcome {
                Outcome::Passed => None,
                Outcome::Failed => Some("failure"),
                _ => Some("skipped"),
            };
            if let Some(el) = element {
                let (msg, trace) = error_for_report(&s, t);
                x.start(el, &[("message", msg)]);
                x.text(&trace);
                x.end();
            }
            x.end();
        }
        x.end();
    }
    x.finish()
}

struct SuiteInfo {
    name: String,
    description: String,
    result: &'static str,
    success: bool,
    time: i64,
}

fn group_result(c: &Counts) -> &'static str {
    if c.failed > 0 {
        "Failure"
    } else if c.skipped > 0 {
        "Ignored"
    } else if c.inconclusive > 0 {
        "Inconclusive"
    } else {
        "Success"
    }
}

fn counts_of(s: &State, tests: &[usize]) -> Counts {
    let mut c = Counts::default();
    for &t in tests {
        c.add(s.tree.tests[t].outcome);
    }
    c
}

fn write_suite_start(x: &mut Xml, kind: &str, info: &SuiteInfo) {
    x.start(
        "test-suite",
        &[
            ("type", kind.into()),
            ("name", info.name.clone()),
            ("executed", "True".into()),
            ("result", info.result.into()),
            ("success", if info.success { "True" } else { "False" }.into()),
            ("time", seconds4(info.time)),
            ("asserts", "0".into()),
            ("description", info.description.clone()),
        ],
    );
    x.start("results", &[]);
}

fn write_suite_end(x: &mut Xml) {
    x.end();
    x.end();
}

fn write_test_case(x: &mut Xml, s: &State, t: usize, suite_name: &str) {
    let test = &s.tree.tests[t];
    let mut name = s.tree.test_path(t).join(".");
    if name == suite_name {
        if let Some(data) = &test.data {
            let values: Vec<crate::engine::value::Value> = match data {
                crate::engine::value::Value::Hashtable(h) => h.borrow().values(),
                other => vec![other.clone()],
            };
            let params: Vec<String> = values
                .iter()
                .map(|v| match v {
                    crate::engine::value::Value::Null => "null".to_string(),
                    crate::engine::value::Value::Str(s) => format!("\"{s}\""),
                    other => crate::engine::convert::to_display_string(other),
                })
                .collect();
            name = format!("{name}({})", params.join(","));
        }
    }
    let mut attrs = vec![
        ("description", test.expanded_name.clone()),
        ("name", name),
        ("time", seconds4(test.duration)),
        ("asserts", "0".into()),
        ("success", if test.outcome == Outcome::Passed { "True" } else { "False" }.into()),
    ];
    let (result, executed) = match test.outcome {
        Outcome::Passed => ("Success", "True"),
        Outcome::Skipped => ("Ignored", "False"),
        Outcome::Inconclusive => ("Inconclusive", "True"),
        _ => ("Failure", "True"),
    };
    attrs.push(("result", result.into()));
    attrs.push(("executed", executed.into()));
    x.start("test-case", &attrs);
    match test.outcome {
        Outcome::Failed => {
            let (msg, trace) = error_for_report(s, t);
            x.start("failure", &[]);
            x.element("message", &msg);
            x.element("stack-trace", &trace);
            x.end();
        }
        Outcome::Skipped | Outcome::Inconclusive => {
            if let Some(m) = &test.result_message {
                x.start("reason", &[]);
                x.element("message", m);
                x.end();
            }
        }
        _ => {}
    }
    x.end();
}

/// Write-NUnitTestSuiteElements for a block (the root block is the file).
fn write_block_suite(x: &mut Xml, s: &State, b: usize, info: SuiteInfo) {
    write_suite_start(x, "TestFixture", &info);
    let items = &s.tree.blocks[b].items;
    let blocks: Vec<usize> = items
        .iter()
        .filter_map(|i| match *i {
            Item::Block(c) if s.tree.tests_under(c).iter().any(|&t| s.tree.tests[t].outcome != Outcome::NotRun) => Some(c),
            _ => None,
        })
        .collect();
    let tests: Vec<usize> =
        items.iter().filter_map(|i| if let Item::Test(t) = *i { Some(t) } else { None }).filter(|&t| s.tree.tests[t].outcome != Outcome::NotRun).collect();
    // Group-Object -Property Id: plain tests (no group) first-appearance order with the groups.
    let mut groups: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    for &t in &tests {
        let g = s.tree.tests[t].group;
        match groups.iter_mut().find(|(k, _)| *k == g) {
            Some((_, v)) => v.push(t),
            None => groups.push((g, vec![t])),
        }
    }
    // NUnit 2.5 `results` hold either suites or cases: when both would appear, each plain
    // test gets a suite of its own (Pester issue #2143).
    let mixed = !blocks.is_empty() || groups.iter().any(|(g, _)| g.is_some());
    for c in blocks {
        let tests = s.tree.tests_under(c);
        let counts = counts_of(s, &tests);
        let path = s.tree.block_path(c).join(".");
        let time = tests.iter().map(|&t| s.tree.tests[t].duration).sum::<i64>() + s.tree.blocks[c].own_duration;
        write_block_suite(x, s, c, SuiteInfo { name: path.clone(), description: path, result: group_result(&counts), success: counts.failed == 0, time });
    }
    for (g, members) in groups {
        match g {
            Some(_) => {
                let first = members[0];
                let path = s.tree.test_path(first);
                let counts = counts_of(s, &members);
                let info = SuiteInfo {
                    name: path.join("."),
                    description: path.last().cloned().unwrap_or_default(),
                    result: group_result(&counts),
                    success: counts.failed == 0,
                    time: members.iter().map(|&t| s.tree.tests[t].duration).sum(),
                };
                write_suite_start(x, "ParameterizedTest", &info);
                for t in members {
                    write_test_case(x, s, t, &info.name);
                }
                write_suite_end(x);
            }
            None => {
                for t in members {
                    if mixed {
                        let counts = counts_of(s, &[t]);
                        let path = s.tree.test_path(t).join(".");
                        let info = SuiteInfo {
                            name: path,
                            description: s.tree.tests[t].expanded_name.clone(),
                            result: group_result(&counts),
                            success: counts.failed == 0,
                            time: s.tree.tests[t].duration,
                        };
                        write_suite_start(x, "TestFixture", &info);
                        write_test_case(x, s, t, "");
                        write_suite_end(x);
                    } else {
                        write_test_case(x, s, t, "");
                    }
                }
            }
        }
    }
    write_suite_end(x);
}

fn nunit_report(containers: &[Container], sum: &Summary, executed_at: crate::engine::datetime::DateTime) -> String {
    let mut x = Xml::new();
    let c = &sum.counts;
    x.start(
        "test-results",
        &[
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance".into()),
            ("xsi:noNamespaceSchemaLocation", "nunit_schema_2.5.xsd".into()),
            ("name", "Pester".into()),
            ("total", (c.total() - c.not_run).to_string()),
            ("errors", "0".into()),
            ("failures", c.failed.to_string()),
            ("not-run", c.not_run.to_string()),
            ("inconclusive", c.inconclusive.to_string()),
            ("ignored", "0".into()),
            ("skipped", c.skipped.to_string()),
            ("invalid", "0".into()),
            ("date", crate::engine::netfmt::format_datetime(executed_at, "yyyy-MM-dd")),
            ("time", crate::engine::netfmt::format_datetime(executed_at, "HH:mm:ss")),
        ],
    );
    let env: Vec<(&str, String)> = environment().into_iter().filter(|(k, _)| *k != "junit-version" && *k != "framework-version").collect();
    x.start("environment", &env);
    x.end();
    x.start("culture-info", &[("current-culture", "en-US".into()), ("current-uiculture", "en-US".into())]);
    x.end();
    write_suite_start(
        &mut x,
        "TestFixture",
        &SuiteInfo { name: "Pester".into(), description: "Pester".into(), result: group_result(c), success: c.failed == 0, time: sum.duration },
    );
    for cont in containers {
        let s = cont.st.borrow();
        let tests = reported_tests(&s);
        if tests.is_empty() {
            continue;
        }
        let counts = s.counts();
        write_block_suite(
            &mut x,
            &s,
            0,
            SuiteInfo {
                name: s.container.clone(),
                description: s.container.clone(),
                result: group_result(&counts),
                success: counts.failed == 0,
                time: s.duration,
            },
        );
    }
    write_suite_end(&mut x);
    x.finish()
}
