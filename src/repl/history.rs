//! History: the session's log of inputs (Get-History, Export-TenantSimHistory) and the
//! persistent history file the line editor recalls across sessions.
//!
//! * The session log holds every input that parsed, with its outcome: Completed, Failed (an
//!   error reached the prompt, or `$?` was false at the end) or Stopped (Ctrl+C).
//! * The history file is `$TENANTSIM_HISTORY` (empty: no file), else
//!   `$XDG_DATA_HOME/tenantsim/history`, else `~/.local/share/tenantsim/history`, in
//!   rustyline's `#V2` format (one entry per line, `\n` and `\\` escaped). As PSReadLine does by
//!   default, inputs that look sensitive (password, asplaintext, token, apikey, secret) stay in
//!   the session's memory but are not written to the file.

use std::cell::RefCell;
use std::io::Write;
use std::path::PathBuf;
use std::time::SystemTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Completed,
    Failed,
    Stopped,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Completed => "Completed",
            Status::Failed => "Failed",
            Status::Stopped => "Stopped",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub id: i64,
    pub text: String,
    /// False for an input with a parse error (in Get-History as Failed, never exported).
    pub parsed: bool,
    pub status: Status,
    pub start: SystemTime,
    pub end: SystemTime,
}

thread_local! {
    static LOG: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
}

/// How the session's world was set up: the command-line options a replay needs.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// `--scenario F --now T --seed N`, as typed on the command line.
    pub options: String,
    /// `--state FILE`, when given.
    pub state: Option<String>,
}

thread_local! {
    static ORIGIN: RefCell<Option<Origin>> = const { RefCell::new(None) };
}

/// Remember the session's world options for the exported script's header.
pub fn set_origin(common: &crate::cli::Common) {
    let mut opts = Vec::new();
    if let Some(s) = &common.scenario {
        opts.push(format!("--scenario {}", s.display()));
    }
    if let Some(n) = &common.now {
        opts.push(format!("--now {n}"));
    }
    if common.seed != 0 {
        opts.push(format!("--seed {}", common.seed));
    }
    let origin = Origin { options: opts.join(" "), state: common.state.as_ref().map(|p| p.display().to_string()) };
    ORIGIN.with(|o| *o.borrow_mut() = Some(origin));
}

/// Record an input that ran (or, `parsed` false, one that did not parse).
pub fn record(text: &str, parsed: bool, status: Status, start: SystemTime, end: SystemTime) {
    LOG.with(|l| {
        let mut l = l.borrow_mut();
        let id = l.last().map(|e| e.id + 1).unwrap_or(1);
        // Kept whole (no MaximumHistoryCount): the export must replay the session from its start.
        l.push(Entry { id, text: text.to_string(), parsed, status, start, end });
    });
}

/// The session's inputs, oldest first.
pub fn entries() -> Vec<Entry> {
    LOG.with(|l| l.borrow().clone())
}

pub fn clear() {
    LOG.with(|l| l.borrow_mut().clear());
}

/// Whether the input invokes one of the history cmdlets (kept out of exported scripts).
fn invokes_export(text: &str) -> bool {
    crate::repl::lex::tokenize(text).iter().any(|t| t.kind == crate::repl::lex::Kind::Command && t.text(text).eq_ignore_ascii_case("Export-TenantSimHistory"))
}

/// The session as a replayable script: the inputs that parsed, in order. Failed and stopped inputs are kept as comments
/// (`# FAILED: …`, `# STOPPED: …`, every line of a block) so that replaying the script in CI
/// does what succeeded in the session, and the transcript still shows what was tried;
/// `include_failed` keeps them as live commands instead. Inputs that ran
/// Export-TenantSimHistory are left out.
pub fn script(entries: &[Entry], include_failed: bool) -> String {
    let mut s = String::from("# tenantsim session exported by Export-TenantSimHistory.\n");
    let origin = ORIGIN.with(|o| o.borrow().clone());
    match &origin {
        Some(o) if !o.options.is_empty() => s.push_str(&format!("# Replay: tenantsim {} run FILE.ps1\n", o.options)),
        _ => s.push_str("# Replay: tenantsim run FILE.ps1\n"),
    }
    if let Some(state) = origin.as_ref().and_then(|o| o.state.as_ref()) {
        s.push_str(&format!(
            "# The session started from the world in {state} (which it saved back on exit): replay from a copy of it taken before the session.\n"
        ));
    }
    if !include_failed {
        s.push_str("# Inputs that failed or were stopped are kept as comments.\n");
    }
    s.push('\n');
    for e in entries {
        if !e.parsed || invokes_export(&e.text) {
            continue;
        }
        let tag = match e.status {
            Status::Completed => None,
            _ if include_failed => None,
            Status::Failed => Some("FAILED"),
            Status::Stopped => Some("STOPPED"),
        };
        match tag {
            None => {
                s.push_str(e.text.trim_end());
                s.push('\n');
            }
            Some(tag) => {
                for (i, line) in e.text.trim_end().lines().enumerate() {
                    if i == 0 {
                        s.push_str(&format!("# {tag}: {line}\n"));
                    } else {
                        s.push_str(&format!("# {}  {line}\n", " ".repeat(tag.len())));
                    }
                }
            }
        }
    }
    s
}

// ───────────────────────────── the history file ─────────────────────────────

/// Entries kept in memory and, after trimming, in the file (pwsh's MaximumHistoryCount).
pub const MAX_ENTRIES: usize = 4096;

pub fn file_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TENANTSIM_HISTORY") {
        return if p.is_empty() { None } else { Some(PathBuf::from(p)) };
    }
    let base = match std::env::var_os("XDG_DATA_HOME") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".local").join("share"),
    };
    Some(base.join("tenantsim").join("history"))
}

/// PSReadLine's default AddToHistoryHandler: lines that look like they carry a secret are not
/// saved to the file.
pub fn is_sensitive(text: &str) -> bool {
    let l = text.to_ascii_lowercase();
    ["password", "asplaintext", "token", "apikey", "secret"].iter().any(|w| l.contains(w))
}

fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => {}
            c => s.push(c),
        }
    }
    s
}

/// Append one entry to the history file (creating it and its directory).
pub fn append(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)?;
        }
    }
    let fresh = std::fs::metadata(path).map(|m| m.len() == 0).unwrap_or(true);
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    let mut s = String::new();
    if fresh {
        s.push_str("#V2\n");
    }
    s.push_str(&escape(text));
    s.push('\n');
    f.write_all(s.as_bytes())
}

/// Keep the file from growing without bound: past twice the limit, keep the newest entries.
pub fn trim(path: &std::path::Path) {
    let Ok(text) = std::fs::read_to_string(path) else { return };
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= MAX_ENTRIES * 2 {
        return;
    }
    let body: Vec<&str> = lines.iter().copied().filter(|l| *l != "#V2").collect();
    let keep = &body[body.len().saturating_sub(MAX_ENTRIES)..];
    let mut s = String::from("#V2\n");
    for l in keep {
        s.push_str(l);
        s.push('\n');
    }
    let tmp = path.with_extension("tmp");
    if std::fs::write(&tmp, s).is_ok() {
        let _ = std::fs::rename(&tmp, path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str, status: Status) -> Entry {
        Entry { id: 1, text: text.into(), parsed: true, status, start: SystemTime::UNIX_EPOCH, end: SystemTime::UNIX_EPOCH }
    }

    #[test]
    fn failed_inputs_become_comments() {
        let es = vec![
            entry("$a = 1", Status::Completed),
            Entry { parsed: false, ..entry("1 +* 2", Status::Failed) },
            entry("Get-Nothing", Status::Failed),
            entry("foreach ($i in 1..2) {\n  Get-Nope\n}", Status::Stopped),
            entry("Export-TenantSimHistory -Path x.ps1", Status::Completed),
            entry("\"done\"", Status::Completed),
        ];
        let s = script(&es, false);
        let body: Vec<&str> = s.lines().filter(|l| !l.starts_with("# tenantsim") && !l.starts_with("# Replay") && !l.starts_with("# Inputs")).collect();
        assert!(s.starts_with("# tenantsim session exported by Export-TenantSimHistory.\n# Replay: tenantsim run FILE.ps1\n"), "{s}");
        assert_eq!(body, vec!["", "$a = 1", "# FAILED: Get-Nothing", "# STOPPED: foreach ($i in 1..2) {", "#            Get-Nope", "#          }", "\"done\""]);
        let s = script(&es, true);
        assert!(s.contains("\nGet-Nothing\n"));
    }

    #[test]
    fn history_file_round_trips_through_rustyline() {
        let dir = std::env::temp_dir().join(format!("tenantsim-hist-{}", std::process::id()));
        let path = dir.join("h");
        let _ = std::fs::remove_file(&path);
        append(&path, "Get-Date").unwrap();
        append(&path, "foreach ($i in 1..2) {\n\"x\\$i\"\n}").unwrap();
        let mut h = rustyline::history::FileHistory::new();
        use rustyline::history::History;
        h.load(&path).unwrap();
        assert_eq!(h.len(), 2);
        let e = h.get(1, rustyline::history::SearchDirection::Forward).unwrap().unwrap();
        assert_eq!(e.entry, "foreach ($i in 1..2) {\n\"x\\$i\"\n}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn secrets_stay_out_of_the_file() {
        assert!(is_sensitive("$pw = ConvertTo-SecureString 'x' -AsPlainText -Force"));
        assert!(!is_sensitive("Get-SPOSite -Limit All"));
    }
}
