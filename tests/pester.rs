//! `tenantsim test` (the Pester 5 runner) and `tenantsim run --expect` (transcript tests).
//!
//! * `tests/pester/*.Tests.ps1` are passing suites: they must all pass.
//! * `tests/pester/failing/*.Tests.ps1` fail on purpose; each one's whole output (Pester's
//!   Detailed layout, stdout and stderr interleaved) must equal the sibling `.out` file, and
//!   its exit code the `# exit: N` header. The `.out` files follow Pester 5's output texts
//!   (`src/functions/Output.ps1`, the assertion messages of `src/functions/assertions`);
//!   `UPDATE_EXPECT=1 cargo test --test pester` rewrites them only to review a diff.
//! * The JUnit and NUnit reports are validated against the schemas in `tests/data/`.

#[path = "pester/xsd.rs"]
mod xsd;

use std::path::{Path, PathBuf};
use std::process::Command;

use tenantsim::cli::Common;
use tenantsim::engine::host::Host;

const PESTER_SIGNATURES: &str = include_str!("../src/cmdlets/signatures/pester.jsonl");

/// Run `tenantsim test ARGS…` in-process; the exit code and the whole output.
fn run_tests(args: &[&str]) -> (i32, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let opts = tenantsim::cli::test::parse(&args).expect("valid test options");
    let (mut host, buf) = Host::capture();
    let code = tenantsim::cli::test::run(&Common::default(), &opts, &mut host);
    // Positions name scripts by their full path (as pwsh and Pester do); transcripts are
    // written relative to the repository root.
    let cwd = format!("{}/", std::env::current_dir().unwrap_or_default().display());
    let out = buf.borrow().replace(&cwd, "");
    (code, out)
}

fn test_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("test directory").flatten().map(|e| e.path()).filter(|p| p.to_string_lossy().ends_with(".Tests.ps1")).collect();
    files.sort();
    files
}

fn tenantsim() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tenantsim"));
    c.current_dir(env!("CARGO_MANIFEST_DIR")).env("TENANTSIM_COLOR", "never");
    c
}

// ───────────────────────────── declarations ─────────────────────────────

fn pester_names() -> Vec<String> {
    PESTER_SIGNATURES
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("valid JSON line")["name"].as_str().expect("name").to_string())
        .collect()
}

#[test]
fn every_pester_keyword_is_declared_and_implemented() {
    for n in pester_names() {
        assert!(tenantsim::cmdlets::implementation(&n).is_some(), "{n} is declared in pester.jsonl but not implemented");
        assert_eq!(tenantsim::cmdlets::declared(&n).expect("declared").1.module, "Pester");
    }
    for (n, _) in tenantsim::cmdlets::pester::CMDLETS {
        assert!(tenantsim::cmdlets::declared(n).is_some(), "{n} is implemented but not declared");
    }
}

#[test]
fn every_pester_example_binds_against_its_signature() {
    let mut problems = Vec::new();
    for n in pester_names() {
        let decl = tenantsim::cmdlets::declared(&n).expect("declared");
        assert!(!decl.1.examples.is_empty(), "{n} has no example");
        for ex in &decl.1.examples {
            let sb = tenantsim::lang::parse_script(ex.clone(), None).unwrap_or_else(|e| panic!("{n}: example does not parse: {ex:?}: {}", e.errors[0].message));
            for p in tenantsim::cli::check::check_script(&sb) {
                if p.code != "CommandNotFoundException" {
                    problems.push(format!("{n}: {ex:?}: {}", p.message));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ───────────────────────────── suites ─────────────────────────────

#[test]
fn the_passing_suites_pass() {
    let files = test_files("tests/pester");
    assert!(files.len() >= 5, "passing suites are missing");
    let args: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out) = run_tests(&args);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("[-]"), "{out}");
    assert!(out.contains("\nTests Passed: 57, Failed: 0, Skipped: 3, Inconclusive: 0, NotRun: 0\n"), "{out}");
    assert!(out.starts_with("Pester v5"), "{out}");
    assert!(out.contains("\nStarting discovery in 5 files.\nDiscovery found 60 tests in 0ms.\nRunning tests.\n"), "{out}");
    // Per-test lines in Detailed output, with the virtual-clock durations.
    assert!(
        out.contains("\nDescribing Data-driven tests\n  [+] greets alice (Hello, alice) 0ms (0ms|0ms)\n  [+] greets bob (Hello, bob) 0ms (0ms|0ms)\n"),
        "{out}"
    );
    assert!(out.contains("\n  [+] can move the clock 3600s (3600s|0ms)\n"), "{out}");
    assert!(out.contains("\n  [!] skips from inside the test is skipped, because the feature is not simulated 0ms (0ms|0ms)\n"), "{out}");
}

fn header(text: &str, key: &str) -> Option<String> {
    text.lines().take_while(|l| l.starts_with('#')).find_map(|l| l.strip_prefix(&format!("# {key}:")).map(|v| v.trim().to_string()))
}

#[test]
fn the_failing_suites_match_their_transcripts() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    let files = test_files("tests/pester/failing");
    assert!(files.len() >= 3, "failing suites are missing");
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable test file");
        let want_code: i32 = header(&text, "exit").and_then(|c| c.parse().ok()).expect("a `# exit: N` header");
        let path = f.display().to_string();
        let (code, got) = run_tests(&[&path]);
        let expected_path = PathBuf::from(path.trim_end_matches(".Tests.ps1").to_string() + ".out");
        if update {
            std::fs::write(&expected_path, &got).expect("write .out");
            continue;
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| panic!("missing {}", expected_path.display()));
        if got != want || code != want_code {
            failures.push(format!(
                "── {} (exit {code}, want {want_code})\n{}",
                f.display(),
                tenantsim::cli::test::unified_diff(&want, &got, "expected", "actual")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_exit_code_is_the_failure_count_capped_at_255() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("Many.Tests.ps1");
    std::fs::write(&file, "Describe 'many' {\n    It 'fails <_>' -ForEach (1..300) { $false | Should -BeTrue }\n    It 'fails too' { throw 'x' }\n}\n")
        .expect("write");
    let (code, out) = run_tests(&[&file.display().to_string(), "--output", "None"]);
    assert_eq!(code, 255);
    assert_eq!(out, "");
    std::fs::write(&file, "Describe 'few' {\n    BeforeAll { throw 'setup' }\n    It 'a' { }\n    It 'b' { }\n}\n").expect("write");
    // Two tests that could not run plus the failed block.
    let (code, _) = run_tests(&[&file.display().to_string(), "--output", "None"]);
    assert_eq!(code, 3);
}

// ───────────────────────────── reports ─────────────────────────────

fn attr<'a>(doc: &'a roxmltree::Document, tag: &str, name: &str) -> Vec<&'a str> {
    doc.descendants().filter(|n| n.has_tag_name(tag)).filter_map(|n| n.attribute(name)).collect()
}

#[test]
fn junit_and_nunit_reports_follow_their_schemas() {
    let dir = tempfile::tempdir().expect("tempdir");
    let junit = dir.path().join("junit.xml");
    let nunit = dir.path().join("nunit.xml");
    let mut args: Vec<String> = test_files("tests/pester").iter().chain(test_files("tests/pester/failing").iter()).map(|p| p.display().to_string()).collect();
    args.extend(["--junit".into(), junit.display().to_string(), "--nunit".into(), nunit.display().to_string(), "--output".into(), "None".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _) = run_tests(&args);
    // 29 failed tests, 2 failed blocks, 1 failed file.
    assert_eq!(code, 32);

    let junit_xml = std::fs::read_to_string(&junit).expect("JUnit report written");
    let schema = xsd::Schema::parse(include_str!("data/junit_schema_4.xsd"));
    assert_eq!(schema.validate(&junit_xml), Vec::<String>::new(), "{junit_xml}");
    let doc = roxmltree::Document::parse(&junit_xml).expect("well-formed");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("tests"), Some("94"));
    assert_eq!(root.attribute("failures"), Some("29"));
    assert_eq!(root.attribute("errors"), Some("3"));
    assert_eq!(root.attribute("disabled"), Some("5"));
    assert!(attr(&doc, "testcase", "name").contains(&"Failing assertions.Be"));
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("testcase") && n.attribute("name") == Some("Failing assertions.Be"))
        .and_then(|n| n.children().find(|c| c.has_tag_name("failure")));
    let failure = failure.expect("a failure element");
    assert_eq!(failure.attribute("message"), Some("Expected 3, but got 2."));
    assert_eq!(
        failure.text(),
        Some("at It 'Be' { 1 + 1 | Should -Be 3 }, tests/pester/failing/Assertions.Tests.ps1:6\nat <ScriptBlock>, tests/pester/failing/Assertions.Tests.ps1:6")
    );
    assert!(junit_xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n<testsuites xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"junit_schema_4.xsd\" name=\"Pester\""));

    let nunit_xml = std::fs::read_to_string(&nunit).expect("NUnit report written");
    let schema = xsd::Schema::parse(include_str!("data/nunit_schema_2.5.xsd"));
    assert_eq!(schema.validate(&nunit_xml), Vec::<String>::new(), "{nunit_xml}");
    let doc = roxmltree::Document::parse(&nunit_xml).expect("well-formed");
    let root = doc.root_element();
    assert_eq!(root.attribute("total"), Some("94"));
    assert_eq!(root.attribute("failures"), Some("29"));
    assert_eq!(root.attribute("skipped"), Some("5"));
    assert_eq!(root.attribute("inconclusive"), Some("1"));
    assert_eq!(root.attribute("date"), Some("2026-11-23"));
    assert!(attr(&doc, "test-suite", "type").contains(&"ParameterizedTest"));
    let case = doc.descendants().find(|n| n.has_tag_name("test-case") && n.attribute("name") == Some("Failing assertions.Be")).expect("test case");
    assert_eq!(case.attribute("result"), Some("Failure"));
    assert_eq!(case.attribute("success"), Some("False"));
    let message = case.descendants().find(|n| n.has_tag_name("message")).and_then(|n| n.text());
    assert_eq!(message, Some("Expected 3, but got 2."));
    let skipped = doc.descendants().find(|n| n.has_tag_name("test-case") && n.attribute("name") == Some("Results.is skipped")).expect("skipped case");
    assert_eq!((skipped.attribute("result"), skipped.attribute("executed")), (Some("Ignored"), Some("False")));
}

// ───────────────────────────── the command line ─────────────────────────────

#[test]
fn tenantsim_test_runs_from_the_command_line() {
    let out = tenantsim().args(["test", "tests/pester/World.Tests.ps1"]).output().expect("run tenantsim");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Running tests from 'tests/pester/World.Tests.ps1'\nDescribing Virtual clock isolation\n"), "{stdout}");
    assert!(stdout.ends_with("Tests completed in 3720s\nTests Passed: 4, Failed: 0, Skipped: 0, Inconclusive: 0, NotRun: 0\n"), "{stdout}");

    let out = tenantsim().args(["test", "tests/pester/failing/Blocks.Tests.ps1", "--output", "Normal"]).output().expect("run tenantsim");
    assert_eq!(out.status.code(), Some(11));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\n[-] Errors in tests.throws 0ms (0ms|0ms)\n RuntimeException: The batch is not ready\n"), "{stdout}");
    assert!(!stdout.contains("Describing"), "{stdout}");

    let empty = tempfile::tempdir().expect("tempdir");
    let out = tenantsim().args(["test", &empty.path().display().to_string()]).output().expect("run tenantsim");
    assert_eq!(out.status.code(), Some(255));
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("\nSystem.Management.Automation.RuntimeException: No test files were found and no scriptblocks were provided. Please ensure that you provided at least one path to a *.Tests.ps1 file, or a directory that contains such file.\n"));

    let out = tenantsim().args(["test", "tests/pester/no-such-dir"]).output().expect("run tenantsim");
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
}

#[test]
fn run_expect_compares_transcripts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("runbook.ps1");
    std::fs::write(&script, "'checking'\nWrite-Error 'a warning sign'\nStart-Sleep -Seconds 5\n\"done at $((Get-Date).ToString('HH:mm:ss'))\"\n")
        .expect("write");
    let expect = dir.path().join("runbook.out");
    let s = script.display().to_string();
    let e = expect.display().to_string();

    // --update writes the transcript; then the same run matches it.
    let out = tenantsim().args(["run", "--expect", &e, "--update", &s]).output().expect("run tenantsim");
    assert_eq!(out.status.code(), Some(0));
    let transcript = std::fs::read_to_string(&expect).expect("transcript written");
    assert_eq!(transcript, "checking\nWrite-Error: a warning sign\ndone at 09:00:05\n");
    let out = tenantsim().args(["run", "--expect", &e, &s]).output().expect("run tenantsim");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());

    // A mismatch prints a unified diff and fails.
    std::fs::write(&expect, "checking\nWrite-Error: a warning sign\ndone at 09:00:06\n").expect("write");
    let out = tenantsim().args(["run", "--expect", &e, &s]).output().expect("run tenantsim");
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert_eq!(diff, format!("--- {e}\n+++ actual output\n@@ -1,3 +1,3 @@\n checking\n Write-Error: a warning sign\n-done at 09:00:06\n+done at 09:00:05\n"));

    // CRLF transcripts (a Windows checkout) still match.
    std::fs::write(&expect, "checking\r\nWrite-Error: a warning sign\r\ndone at 09:00:05\r\n").expect("write");
    assert_eq!(tenantsim().args(["run", "--expect", &e, &s]).output().expect("run tenantsim").status.code(), Some(0));

    // A missing transcript is reported, and everything shows as added.
    std::fs::remove_file(&expect).expect("remove");
    let out = tenantsim().args(["run", "--expect", &e, &s]).output().expect("run tenantsim");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist (use --update to create it)"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("@@ -0,0 +1,3 @@\n+checking\n"));

    // Script arguments still follow the script.
    std::fs::write(&script, "param($Name) \"hello $Name\"\n").expect("write");
    std::fs::write(&expect, "hello world\n").expect("write");
    assert_eq!(tenantsim().args(["run", "--expect", &e, &s, "world"]).output().expect("run tenantsim").status.code(), Some(0));
    // The plain form is unchanged.
    let out = tenantsim().args(["run", &s, "-Name", "you"]).output().expect("run tenantsim");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hello you\n");
    let _ = Path::new(&s);
}

#[test]
fn invoke_pester_runs_tests_from_a_script() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pester");
    let world = root.join("World.Tests.ps1").display().to_string();
    let assertions = root.join("failing/Assertions.Tests.ps1").display().to_string();
    let blocks = root.join("failing/Blocks.Tests.ps1").display().to_string();
    let script = dir.path().join("ci.ps1");
    std::fs::write(
        &script,
        format!(
            "$r = Invoke-Pester -Path '{world}' -PassThru -Output None\n\
             \"$($r.Result) $($r.PassedCount)/$($r.TotalCount) $LASTEXITCODE\"\n\
             $r = Invoke-Pester -Path '{assertions}' -PassThru -Output None\n\
             \"$($r.Result) $($r.FailedCount) $LASTEXITCODE\"\n\
             Invoke-Pester -Path '{blocks}' -Output None -CI\n\
             'not reached'\n"
        ),
    )
    .expect("write");
    let out = tenantsim().current_dir(dir.path()).args(["run", &script.display().to_string()]).output().expect("run tenantsim");
    // -CI: exit with the failure count (9 tests, 2 blocks) and write testResults.xml.
    assert_eq!(out.status.code(), Some(11), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Passed 4/4 0\nFailed 20 20\n");
    let xml = std::fs::read_to_string(dir.path().join("testResults.xml")).expect("-CI writes testResults.xml");
    let schema = xsd::Schema::parse(include_str!("data/nunit_schema_2.5.xsd"));
    assert_eq!(schema.validate(&xml), Vec::<String>::new());
}
