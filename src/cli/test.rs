//! `tenantsim test [PATH…]`: run `*.Tests.ps1` files with the Pester 5 subset
//! (`cmdlets::pester`, the run itself in `cmdlets::pester::runner`), print Pester's Detailed
//! output, write JUnit/NUnit reports, and exit with the number of failures (tests, blocks and
//! files) capped at 255, as `Invoke-Pester -CI`; 255 when no test file was found.
//!
//! ```text
//! tenantsim test [PATH…] [--junit FILE] [--nunit FILE] [--output Detailed|Normal|None] [--wall-clock]
//! ```
//! A PATH is a test file or a directory searched recursively for `*.Tests.ps1` (default: the
//! current directory). Every file runs in a fresh session on a fresh world (the common options
//! `--scenario`, `--now`, `--seed` apply to each).
//!
//! Also `tenantsim run --expect FILE.out [--update] SCRIPT.ps1`: transcript tests.

use std::path::{Path, PathBuf};

use crate::cli::Common;
use crate::cmdlets::pester::runtime::Verbosity;
use crate::engine::host::Host;

pub use crate::cmdlets::pester::runner::{TestOptions, find_test_files};

/// Run the tests; the exit code.
pub fn run(common: &Common, opts: &TestOptions, host: &mut Host) -> i32 {
    crate::cmdlets::pester::runner::run(common, opts, host).code
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
        // Very different long texts: show everything as replaced rather than use gigabytes.
        if trace.len().saturating_mul(v.len()) > 20_000_000 {
            let mut edits: Vec<Edit> = (0..a.len()).map(Edit::Delete).collect();
            edits.extend((0..b.len()).map(Edit::Insert));
            return edits;
        }
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

    #[test]
    fn very_different_long_texts_diff_without_exhausting_memory() {
        let a: String = (0..20_000).map(|i| format!("a{i}\n")).collect();
        let b: String = (0..20_000).map(|i| format!("b{i}\n")).collect();
        let d = unified_diff(&a, &b, "e", "a");
        assert!(d.starts_with("--- e\n+++ a\n@@ -1,20000 +1,20000 @@\n-a0\n"));
        assert_eq!(d.lines().count(), 3 + 40_000);
    }
}
