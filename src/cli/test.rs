//! `tenantsim test [PATH…]`: run `*.Tests.ps1` files with the Pester 5 subset
//! (`cmdlets::pester`), print Pester's Detailed output, write JUnit/NUnit reports, and exit
//! with the number of failures (tests, blocks and files) capped at 255, as `Invoke-Pester -CI`.
//!
//! ```text
//! tenantsim test [PATH…] [--junit FILE] [--nunit FILE] [--output Detailed|Normal|None] [--wall-clock]
//! ```
//! A PATH is a test file or a directory searched recursively for `*.Tests.ps1` (default: the
//! current directory). Every file runs in a fresh session on a fresh world (the common options
//! `--scenario`, `--now`, `--seed` apply to each).
//!
//! Determinism: durations come from the virtual clock (simulated time a test consumed, so
//! usually `0ms`), the report's date is the virtual start time and its environment describes
//! the simulation, not the machine; `--wall-clock` prints real durations instead.

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

/// Parse the arguments after `test`.
pub fn parse(args: &[String]) -> Result<TestOptions, String> {
    let mut o = TestOptions::default();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let mut value = |name: &str| -> Result<String, String> {
            i += 1;
            args.get(i).cloned().ok_or_else(|| format!("missing value for {name}"))
        };
        match a.to_ascii_lowercase().as_str() {
            "--junit" => o.junit = Some(PathBuf::from(value(a)?)),
            "--nunit" => o.nunit = Some(PathBuf::from(value(a)?)),
            "--output" => {
                let v = value(a)?;
                o.output.verbosity = match v.to_ascii_lowercase().as_str() {
                    "detailed" | "diagnostic" => Verbosity::Detailed,
                    "normal" => Verbosity::Normal,
                    "none" => Verbosity::None,
                    _ => return Err(format!("--output expects Detailed, Normal or None, not '{v}'")),
                };
            }
            "--wall-clock" => o.output.wall_clock = true,
            _ if a.starts_with("--") => return Err(format!("unknown test option '{a}'")),
            _ => o.paths.push(PathBuf::from(a)),
        }
        i += 1;
    }
    if o.paths.is_empty() {
        o.paths.push(PathBuf::from("."));
    }
    Ok(o)
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
pub fn run(common: &Common, opts: &TestOptions, host: &mut Host) -> i32 {
    let files = match find_test_files(&opts.paths) {
        Ok(f) => f,
        Err(e) => {
            host.write(crate::engine::host::Stream::Err, &format!("tenantsim test: {e}\n"));
            return 64;
        }
    };
    let verbosity = opts.output.verbosity;
    let wall = opts.output.wall_clock;
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
        return 255;
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
    let _ = wall;
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
                host.write(crate::engine::host::Stream::Err, &format!("tenantsim test: cannot write '{}': {e}\n", p.display()));
                return 64;
            }
        }
    }
    host.flush();
    (summary.counts.failed + summary.failed_blocks.len() + summary.failed_containers.len()).min(255) as i32
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

// ───────────────────────────── transcript tests ─────────────────────────────

/// `tenantsim run --expect FILE.out [--update] SCRIPT.ps1 [ARGS…]`: run the script with its
/// whole output captured (stdout and stderr interleaved, as the golden tests see it) and
/// compare it with FILE.out. Exit 0 when it matches, 1 with a unified diff on stdout when it
/// differs; `--update` rewrites FILE.out instead. The script's own exit code is not compared
/// (a transcript of a failing runbook is a valid expectation). CRLF in FILE.out reads as LF.
pub fn run_transcript(common: &Common, file: &Path, args: &[String], expect: &Path, update: bool) -> i32 {
    let (host, buf) = Host::capture();
    let (_code, mut it) = crate::cli::run_file(common, file, args, host);
    it.host.flush();
    let got = buf.borrow().clone();
    if update {
        return match std::fs::write(expect, &got) {
            Ok(()) => {
                eprintln!("tenantsim: wrote {}", expect.display());
                0
            }
            Err(e) => {
                eprintln!("tenantsim: cannot write '{}': {e}", expect.display());
                64
            }
        };
    }
    let want = match std::fs::read_to_string(expect) {
        Ok(t) => t.replace("\r\n", "\n"),
        Err(_) => {
            eprintln!("tenantsim: {} does not exist (use --update to create it)", expect.display());
            String::new()
        }
    };
    if got == want {
        return 0;
    }
    print!("{}", unified_diff(&want, &got, &expect.display().to_string(), "actual output"));
    1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    Keep(usize, usize),
    Delete(usize),
    Insert(usize),
}

/// Myers' O(ND) line diff.
fn diff_lines(a: &[&str], b: &[&str]) -> Vec<Edit> {
    let n = a.len() as isize;
    let m = b.len() as isize;
    let max = (n + m) as usize;
    let offset = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    'outer: for d in 0..=max as isize {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let idx = (k + offset) as usize;
            let mut x = if k == -d || (k != d && v[idx - 1] < v[idx + 1]) { v[idx + 1] } else { v[idx - 1] + 1 };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[idx] = x;
            if x >= n && y >= m {
                trace.push(v.clone());
                break 'outer;
            }
            k += 2;
        }
    }
    // Backtrack.
    let mut edits = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..trace.len() as isize - 1).rev() {
        let v = &trace[d as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && v[(k - 1 + offset) as usize] < v[(k + 1 + offset) as usize]) { k + 1 } else { k - 1 };
        let prev_x = v[(prev_k + offset) as usize];
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            x -= 1;
            y -= 1;
            edits.push(Edit::Keep(x as usize, y as usize));
        }
        if x == prev_x {
            y -= 1;
            edits.push(Edit::Insert(y as usize));
        } else {
            x -= 1;
            edits.push(Edit::Delete(x as usize));
        }
        x = prev_x;
        y = prev_y;
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        edits.push(Edit::Keep(x as usize, y as usize));
    }
    edits.reverse();
    edits
}

fn split_lines(s: &str) -> (Vec<&str>, bool) {
    if s.is_empty() {
        return (Vec::new(), true);
    }
    let ends_with_newline = s.ends_with('\n');
    let body = if ends_with_newline { &s[..s.len() - 1] } else { s };
    (body.split('\n').collect(), ends_with_newline)
}

/// A unified diff (3 lines of context) of two texts, as `diff -u` prints it.
pub fn unified_diff(want: &str, got: &str, want_name: &str, got_name: &str) -> String {
    let (a, a_nl) = split_lines(want);
    let (b, b_nl) = split_lines(got);
    let mut edits = diff_lines(&a, &b);
    // A changed final newline is a change of the last line.
    if a_nl != b_nl && !a.is_empty() && !b.is_empty() {
        if let Some(pos) = edits.iter().rposition(|e| matches!(e, Edit::Keep(i, j) if *i == a.len() - 1 && *j == b.len() - 1)) {
            edits.splice(pos..=pos, [Edit::Delete(a.len() - 1), Edit::Insert(b.len() - 1)]);
        }
    }
    let mut out = format!("--- {want_name}\n+++ {got_name}\n");
    let changed: Vec<usize> = edits.iter().enumerate().filter(|(_, e)| !matches!(e, Edit::Keep(..))).map(|(i, _)| i).collect();
    let mut i = 0;
    while i < changed.len() {
        let start = changed[i].saturating_sub(3);
        let mut end = changed[i];
        while i < changed.len() && changed[i] <= end + 6 {
            end = changed[i];
            i += 1;
        }
        let end = (end + 3).min(edits.len() - 1);
        let hunk = &edits[start..=end];
        let a_start = hunk.iter().find_map(|e| match e {
            Edit::Keep(x, _) | Edit::Delete(x) => Some(*x),
            _ => None,
        });
        let b_start = hunk.iter().find_map(|e| match e {
            Edit::Keep(_, y) | Edit::Insert(y) => Some(*y),
            _ => None,
        });
        let a_count = hunk.iter().filter(|e| matches!(e, Edit::Keep(..) | Edit::Delete(_))).count();
        let b_count = hunk.iter().filter(|e| matches!(e, Edit::Keep(..) | Edit::Insert(_))).count();
        let range = |s: Option<usize>, c: usize, before: usize| -> String {
            let first = if c == 0 { before } else { s.map(|x| x + 1).unwrap_or(before) };
            if c == 1 { format!("{first}") } else { format!("{first},{c}") }
        };
        // For an empty side, the line before the hunk.
        let a_before = edits[..start].iter().filter(|e| matches!(e, Edit::Keep(..) | Edit::Delete(_))).count();
        let b_before = edits[..start].iter().filter(|e| matches!(e, Edit::Keep(..) | Edit::Insert(_))).count();
        out.push_str(&format!("@@ -{} +{} @@\n", range(a_start, a_count, a_before), range(b_start, b_count, b_before)));
        for e in hunk {
            let (prefix, text, last_without_nl) = match *e {
                Edit::Keep(x, _) => (' ', a[x], x == a.len() - 1 && !a_nl && a_nl == b_nl),
                Edit::Delete(x) => ('-', a[x], x == a.len() - 1 && !a_nl),
                Edit::Insert(y) => ('+', b[y], y == b.len() - 1 && !b_nl),
            };
            out.push(prefix);
            out.push_str(text);
            out.push('\n');
            if last_without_nl {
                out.push_str("\\ No newline at end of file\n");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unified_diff_has_hunks_with_context() {
        let want = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let got = "a\nb\nc\nD\ne\nf\ng\nh\n";
        assert_eq!(unified_diff(want, got, "x.out", "actual"), "--- x.out\n+++ actual\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n");
        assert_eq!(unified_diff("", "x\n", "e", "a"), "--- e\n+++ a\n@@ -0,0 +1 @@\n+x\n");
        assert_eq!(unified_diff("x\n", "x", "e", "a"), "--- e\n+++ a\n@@ -1 +1 @@\n-x\n+x\n\\ No newline at end of file\n");
        assert_eq!(unified_diff("a\nb\n", "a\nb\nc\n", "e", "a"), "--- e\n+++ a\n@@ -1,2 +1,3 @@\n a\n b\n+c\n");
    }
}
