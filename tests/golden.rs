//! Golden script tests: every `tests/scripts/**/*.ps1` runs as `tenantsim run` would run it
//! (in-process, output captured). Its stdout and stderr, interleaved in order, must equal the
//! sibling `.out` file byte for byte. A first-line comment `# exit: N` sets the expected exit
//! code (default 0); `# args: a b c` passes script arguments.
//!
//! Expected outputs are written from pwsh's documented behaviour, not from tenantsim's:
//! `UPDATE_EXPECT=1 cargo test --test golden` rewrites them only to review a diff.

use std::path::{Path, PathBuf};

use tenantsim::cli::{Common, run_file};
use tenantsim::engine::host::Host;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "ps1") {
            out.push(p);
        }
    }
}

fn header(text: &str, key: &str) -> Option<String> {
    text.lines().take_while(|l| l.starts_with('#')).find_map(|l| l.strip_prefix(&format!("# {key}:")).map(|v| v.trim().to_string()))
}

#[test]
fn golden_scripts() {
    let mut files = Vec::new();
    collect(Path::new("tests/scripts"), &mut files);
    files.sort();
    assert!(!files.is_empty(), "no golden scripts found");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable script");
        let want_code: i32 = header(&text, "exit").and_then(|c| c.parse().ok()).unwrap_or(0);
        let args: Vec<String> = header(&text, "args").map(|a| a.split_whitespace().map(String::from).collect()).unwrap_or_default();
        let (host, buf) = Host::capture();
        let rel = f.strip_prefix(std::env::current_dir().unwrap_or_default()).unwrap_or(f).to_path_buf();
        let (code, mut it) = run_file(&Common::default(), &rel, &args, host);
        it.host.flush();
        // Error positions name scripts by their full path, as pwsh does; transcripts are
        // written relative to the repository root.
        let cwd = format!("{}/", std::env::current_dir().unwrap_or_default().display());
        let got = buf.borrow().replace(&cwd, "");
        let expected_path = f.with_extension("out");
        if update {
            std::fs::write(&expected_path, &got).expect("write .out");
            continue;
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| panic!("missing {}", expected_path.display()));
        if got != want || code != want_code {
            failures.push(format!("── {} (exit {code}, want {want_code})\n{}", f.display(), diff(&want, &got)));
        }
    }
    if !failures.is_empty() {
        panic!("{} of {} golden scripts differ:\n{}", failures.len(), files.len(), failures.join("\n"));
    }
}

/// A small line diff: `-` expected, `+` actual.
fn diff(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.split('\n').collect();
    let g: Vec<&str> = got.split('\n').collect();
    let mut out = String::new();
    let n = w.len().max(g.len());
    for i in 0..n {
        match (w.get(i), g.get(i)) {
            (Some(a), Some(b)) if a == b => out.push_str(&format!("  {a}\n")),
            (a, b) => {
                if let Some(a) = a {
                    out.push_str(&format!("- {a:?}\n"));
                }
                if let Some(b) = b {
                    out.push_str(&format!("+ {b:?}\n"));
                }
            }
        }
    }
    out
}
