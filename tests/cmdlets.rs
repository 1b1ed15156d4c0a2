//! Core cmdlets: declarations agree with implementations, every example in `core.jsonl` binds
//! against its signature, and the behaviours golden scripts cannot show (stdin, registry).

use std::collections::VecDeque;
use std::path::Path;

use tenantsim::cli::{Common, run_file};
use tenantsim::engine::host::Host;

const CORE_SIGNATURES: &str = include_str!("../src/cmdlets/signatures/core.jsonl");

fn core_names() -> Vec<String> {
    CORE_SIGNATURES
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("valid JSON line")["name"].as_str().expect("name").to_string())
        .collect()
}

#[test]
fn every_core_declaration_is_implemented_and_vice_versa() {
    for n in core_names() {
        assert!(tenantsim::cmdlets::implementation(&n).is_some(), "{n} is declared in core.jsonl but not implemented");
    }
    for (n, _) in tenantsim::cmdlets::core::CMDLETS {
        assert!(tenantsim::cmdlets::declared(n).is_some(), "{n} is implemented but not declared");
    }
}

#[test]
fn every_core_example_binds_against_its_signature() {
    let mut problems = Vec::new();
    for n in core_names() {
        let decl = tenantsim::cmdlets::declared(&n).expect("declared");
        assert!(!decl.1.examples.is_empty(), "{n} has no example");
        for ex in &decl.1.examples {
            let sb = match tenantsim::lang::parse_script(ex.clone(), None) {
                Ok(sb) => sb,
                Err(e) => {
                    problems.push(format!("{n}: example does not parse: {ex:?}: {}", e.errors[0].message));
                    continue;
                }
            };
            for p in tenantsim::cli::check::check_script(&sb) {
                // Examples mention commands tenantsim does not have (Get-Process, …).
                if p.code != "CommandNotFoundException" {
                    problems.push(format!("{n}: {ex:?}: {}", p.message));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn run_with_stdin(script: &str, lines: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ps1");
    std::fs::write(&path, script).expect("write script");
    let (mut host, buf) = Host::capture();
    host.stdin_lines = Some(lines.iter().map(|s| s.to_string()).collect::<VecDeque<String>>());
    let (code, mut it) = run_file(&Common::default(), Path::new(&path), &[], host);
    it.host.flush();
    let out = buf.borrow().clone();
    (code, out.replace(&path.display().to_string(), "s.ps1"))
}

#[test]
fn read_host_reads_stdin_and_writes_the_prompt() {
    let (code, out) = run_with_stdin("$a = Read-Host 'Your age'\n\"got $a\"\n$p = Read-Host -AsSecureString\n$p.GetType().Name\n", &["42", "secret"]);
    assert_eq!(code, 0);
    assert_eq!(out, "Your age: got 42\nSecureString\n");
}

#[test]
fn read_host_without_input_is_an_error() {
    let (_, out) = run_with_stdin("Read-Host\n'after'\n", &[]);
    assert!(out.contains("PowerShell is in NonInteractive mode. Read and Prompt functionality is"), "{out}");
    assert!(out.ends_with("after\n"), "{out}");
}

#[test]
fn registered_views_apply_to_other_families() {
    tenantsim::engine::format::register_table_view("Test.Family.Site", &[("Url", "Url", 0, false), ("Size", "StorageUsage", 6, true)]);
    let mut o = tenantsim::engine::value::PsObject::typed("Test.Family.Site");
    o.set("Url", tenantsim::engine::value::Value::str("https://x"));
    o.set("StorageUsage", tenantsim::engine::value::Value::Int(12));
    o.set("Hidden", tenantsim::engine::value::Value::Int(1));
    let text = tenantsim::engine::format::format_values(&[o.into_value()], Some(79));
    assert_eq!(text, "\nUrl       Size\n---       ----\nhttps://x   12\n\n");
    // A view whose first column has a fixed width is not cached: free columns share the rest.
    tenantsim::engine::format::register_table_view("Test.Family.Pair", &[("Key", "Key", 10, false), ("Value", "Value", 0, false)]);
    let mut p = tenantsim::engine::value::PsObject::typed("Test.Family.Pair");
    p.set("Key", tenantsim::engine::value::Value::str("k"));
    p.set("Value", tenantsim::engine::value::Value::str("v"));
    let text = tenantsim::engine::format::format_values(&[p.into_value()], Some(30));
    assert_eq!(text, "\nKey        Value\n---        -----\nk          v\n\n");
}

#[test]
fn every_embedded_signature_line_parses() {
    for file in [
        "src/cmdlets/signatures/core.jsonl",
        "src/cmdlets/signatures/reference.jsonl",
        "src/cmdlets/signatures/simctl.jsonl",
        "src/cmdlets/signatures/spo_overrides.jsonl",
    ] {
        let text = std::fs::read_to_string(file).expect("signature file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{file}: {e}"));
            let name = v["name"].as_str().expect("name");
            assert!(tenantsim::cmdlets::declared(name).is_some(), "{file}: {name} does not load");
        }
    }
}
