//! Drives the real `tenantsim` REPL in a pseudo-terminal (tmux): keys are typed, the screen is
//! read back with `tmux capture-pane` and polled until it shows what is expected (or a timeout
//! fails the test with the screen). Each test runs its own tmux server on a unique socket.
//! Skipped, with a message, only when tmux is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_tenantsim");
const PROMPT: &str = "PS [SPO:\u{2014} EXO:\u{2014}] > ";
const TIMEOUT: Duration = Duration::from_secs(20);

static COUNTER: AtomicUsize = AtomicUsize::new(0);

fn tmux_available() -> bool {
    let ok = Command::new("tmux").arg("-V").output().map(|o| o.status.success()).unwrap_or(false);
    if !ok {
        eprintln!("SKIPPED: tmux is not installed; the REPL terminal tests need it (apt-get install tmux)");
    }
    ok
}

struct Repl {
    socket: String,
    dir: tempfile::TempDir,
}

impl Repl {
    /// Start `tenantsim ARGS` in a 120×50 tmux pane with its own history file; the exit code
    /// is printed when it ends (`[exit N]`).
    fn start(args: &[&str]) -> Repl {
        let dir = tempfile::tempdir().expect("tempdir");
        Repl::start_in(dir, args)
    }

    fn start_in(dir: tempfile::TempDir, args: &[&str]) -> Repl {
        let socket = format!("tenantsim-test-{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst));
        let history = dir.path().join("history");
        let mut cmd = format!("env TENANTSIM_HISTORY={} TERM=xterm-256color {}", sh_quote(&history.display().to_string()), sh_quote(BIN));
        for a in args {
            cmd.push(' ');
            cmd.push_str(&sh_quote(a));
        }
        // The wrapping shell ignores Ctrl+C (a no-op trap, reset for tenantsim) so it lives on
        // to print the exit code.
        let script = format!("trap : INT; cd {}; {cmd}; echo \"[exit $?]\"; sleep 60", sh_quote(&dir.path().display().to_string()));
        let st = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d", "-s", "repl", "-x", "120", "-y", "50", "sh", "-c", &script])
            .env_remove("TMUX")
            .status()
            .expect("run tmux");
        assert!(st.success(), "tmux new-session failed");
        let r = Repl { socket, dir };
        r.wait_for(|s| s.contains(PROMPT) || s.contains("PS ["), "the first prompt");
        r
    }

    /// End this tmux server, keeping the directory (history file, state) for a next session.
    fn into_dir(mut self) -> tempfile::TempDir {
        std::mem::replace(&mut self.dir, tempfile::tempdir().expect("tempdir"))
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).env_remove("TMUX").output().expect("run tmux")
    }

    /// Type text literally.
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "repl", "-l", text]);
    }

    /// Press a key (tmux key name: Tab, Enter, C-c, C-d, Up).
    fn press(&self, key: &str) {
        self.tmux(&["send-keys", "-t", "repl", key]);
    }

    fn screen(&self) -> String {
        let o = self.tmux(&["capture-pane", "-p", "-t", "repl", "-S", "-500"]);
        String::from_utf8_lossy(&o.stdout).to_string()
    }

    fn wait_for(&self, pred: impl Fn(&str) -> bool, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The screen lines, right-trimmed, without trailing blank lines.
    fn lines(&self) -> Vec<String> {
        let s = self.screen();
        let mut v: Vec<String> = s.lines().map(|l| l.trim_end().to_string()).collect();
        while v.last().is_some_and(|l| l.is_empty()) {
            v.pop();
        }
        v
    }

    /// Wait until the last line is an (empty) prompt, the REPL being idle.
    fn wait_idle(&self, prompt: &str) {
        let p = prompt.trim_end().to_string();
        let start = Instant::now();
        loop {
            if self.lines().last().is_some_and(|l| *l == p) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for an idle prompt {p:?}; the screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Type a line, press Enter and wait for the prompt to come back.
    fn run(&self, line: &str) {
        self.type_text(line);
        self.wait_for(|s| s.contains(line), "the typed line to show");
        self.press("Enter");
        self.wait_idle(PROMPT);
    }

    fn exit_code(&self) -> i32 {
        let s = self.wait_for(|s| s.contains("[exit "), "tenantsim to exit");
        let at = s.rfind("[exit ").unwrap_or(0);
        s[at + 6..].split(']').next().and_then(|n| n.trim().parse().ok()).unwrap_or(-1)
    }
}

impl Drop for Repl {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).env_remove("TMUX").output();
    }
}

fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

#[test]
fn tab_completes_a_command_and_a_multi_line_block_runs() {
    if !tmux_available() {
        return;
    }
    let r = Repl::start(&[]);
    // The prompt shows the (absent) connections.
    assert!(r.screen().contains(PROMPT.trim_end()), "prompt: {}", r.screen());

    // A partial command name, Tab: the completed name is on screen.
    r.type_text("Get-Dat");
    r.wait_for(|s| s.contains("> Get-Dat"), "the partial command");
    r.press("Tab");
    let s = r.wait_for(|s| s.contains("> Get-Date"), "the completed command name");
    assert!(s.lines().any(|l| l.trim_end() == format!("{}Get-Date", PROMPT).trim_end()), "{s}");
    r.press("Enter");
    r.wait_for(|s| s.contains("November 23, 2026"), "Get-Date's output (the virtual clock)");
    r.wait_idle(PROMPT);

    // A multi-line block: `>> ` continues it until the closing brace, then it runs.
    r.type_text("foreach ($i in 1..2) {");
    r.press("Enter");
    r.wait_for(|s| s.lines().last().is_some_and(|l| l.trim_end() == ">>") || s.trim_end().ends_with(">>"), "the continuation prompt");
    r.type_text("\"x$i\"");
    r.press("Enter");
    r.wait_for(|s| s.matches(">> ").count() >= 2 || s.trim_end().ends_with(">>"), "the second continuation prompt");
    r.type_text("}");
    r.press("Enter");
    r.wait_idle(PROMPT);
    let lines = r.lines();
    let at = lines.iter().position(|l| l.ends_with("foreach ($i in 1..2) {")).expect("the block's first line");
    assert_eq!(&lines[at + 1..at + 5], &[">> \"x$i\"", ">> }", "x1", "x2"], "{lines:#?}");

    // Allman style: `if (…)` waits for its block on the next lines.
    for (i, line) in ["if ($true)", "{", "'allman'", "}"].iter().enumerate() {
        r.type_text(line);
        r.press("Enter");
        if i < 3 {
            r.wait_for(|s| s.lines().map(str::trim_end).rfind(|l| !l.is_empty()) == Some(">>"), "an empty continuation prompt");
        }
    }
    r.wait_idle(PROMPT);
    assert!(r.lines().iter().any(|l| l == "allman"), "{}", r.screen());

    // Ctrl+D on an empty `>>` line abandons the unfinished input, and does not exit.
    r.type_text("if ($true) {");
    r.press("Enter");
    r.wait_for(|s| s.trim_end().ends_with(">>"), "the continuation prompt");
    r.press("C-d");
    r.wait_idle(PROMPT);
    r.run("'not exited'");
    assert!(r.lines().iter().any(|l| l == "not exited"), "{}", r.screen());

    // Ctrl+D on an empty line leaves with exit code 0.
    r.press("C-d");
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn parameters_and_enum_values_complete_and_errors_show_like_pwsh() {
    if !tmux_available() {
        return;
    }
    let r = Repl::start(&[]);
    r.type_text("Write-Host -Fore");
    r.press("Tab");
    r.wait_for(|s| s.contains("> Write-Host -ForegroundColor"), "the completed parameter");
    r.type_text(" DarkG");
    r.press("Tab");
    r.wait_for(|s| s.contains("-ForegroundColor DarkG"), "the typed value");
    // DarkGray and DarkGreen: ambiguous — a second Tab lists both.
    r.press("Tab");
    r.wait_for(|s| s.contains("DarkGray") && s.contains("DarkGreen"), "the list of candidates");
    r.type_text("e");
    r.press("Tab");
    r.wait_for(|s| s.contains("-ForegroundColor DarkGreen"), "the completed enum value");
    r.type_text(" 'all green'");
    r.press("Enter");
    r.wait_for(|s| s.lines().any(|l| l.trim_end() == "all green"), "Write-Host's output");
    r.wait_idle(PROMPT);

    // Errors: ConciseView, no position for a one-line input.
    r.run("Get-Nothing");
    let s = r.screen();
    assert!(s.contains("Get-Nothing: The term 'Get-Nothing' is not recognized as a name of a cmdlet"), "{s}");
    assert!(!s.contains("Line |"), "{s}");
    // `$?` tells the previous input failed.
    r.run("$?");
    assert_eq!(r.lines().iter().rev().nth(1).map(String::as_str), Some("False"), "{}", r.screen());

    // Ctrl+C abandons the line being edited.
    r.type_text("Get-Date -Format 'abandoned'");
    r.wait_for(|s| s.contains("'abandoned'"), "the typed line");
    r.press("C-c");
    r.run("'after'");
    let lines = r.lines();
    assert!(lines.iter().any(|l| l == "after"), "{lines:#?}");
    assert!(!lines.iter().any(|l| l == "abandoned"), "{lines:#?}");

    // Variables persist between inputs.
    r.run("$tenant = 'M365x016651'");
    r.type_text("$tena");
    r.press("Tab");
    r.wait_for(|s| s.contains("> $tenant"), "the completed variable");
    r.press("Enter");
    r.wait_for(|s| s.lines().any(|l| l.trim_end() == "M365x016651"), "the variable's value");
    r.wait_idle(PROMPT);

    r.type_text("exit 3");
    r.press("Enter");
    assert_eq!(r.exit_code(), 3);
}

#[test]
fn the_prompt_follows_connections_and_world_data_completes() {
    if !tmux_available() {
        return;
    }
    let r = Repl::start(&[]);
    r.type_text("Connect-SPOService -Url https://m365x0166");
    r.press("Tab");
    r.wait_for(|s| s.contains("-Url https://m365x016651-admin.sharepoint.com"), "the admin URL from the world");
    r.press("Enter");
    let connected = "PS [SPO:M365x016651 EXO:\u{2014}] > ";
    r.wait_idle(connected);
    r.type_text("Get-SPOUserAndContentMoveState -UserPrincipalName Dieg");
    r.press("Tab");
    r.wait_for(|s| s.contains("-UserPrincipalName DiegoS@M365x016651.OnMicrosoft.com"), "the UPN from the world");
    r.press("C-c");
    r.wait_idle(connected);
    r.press("C-d");
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn history_persists_and_the_session_exports_as_a_replayable_script() {
    if !tmux_available() {
        return;
    }
    let r = Repl::start(&[]);
    r.run("$n = 2");
    r.run("Get-Nothing");
    // A definition after a failed input did not fail; a parse error is not exported.
    r.run("function Get-Factor { 21 }");
    r.run("1 +* 2");
    r.run("\"value $($n * (Get-Factor))\"");
    r.run("Export-TenantSimHistory -Path ./session.ps1");
    let script_path = r.path("session.ps1");
    let script = read(&script_path);
    let body: Vec<&str> =
        script.lines().filter(|l| !l.is_empty() && !l.starts_with("# tenantsim") && !l.starts_with("# Replay") && !l.starts_with("# Inputs")).collect();
    assert_eq!(body, vec!["$n = 2", "# FAILED: Get-Nothing", "function Get-Factor { 21 }", "\"value $($n * (Get-Factor))\""], "{script}");
    r.press("C-d");
    assert_eq!(r.exit_code(), 0);

    // The script replays outside the REPL (as CI would run it).
    let out = Command::new(BIN).arg("run").arg(&script_path).output().expect("run tenantsim");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "value 42\n");
    assert!(out.status.success());

    // A new session recalls the previous one's inputs with Up.
    let dir = r.into_dir();
    let r2 = Repl::start_in(dir, &[]);
    r2.press("Up");
    r2.wait_for(|s| s.contains(&format!("{PROMPT}Export-TenantSimHistory -Path ./session.ps1")), "the last input recalled from the history file");
    r2.press("Up");
    r2.wait_for(|s| s.contains(&format!("{PROMPT}\"value $($n * (Get-Factor))\"")), "the input before it");
    r2.press("C-c");
    r2.press("C-d");
    assert_eq!(r2.exit_code(), 0);
}

#[test]
fn state_file_keeps_the_world_between_sessions() {
    if !tmux_available() {
        return;
    }
    let r = Repl::start(&["--state", "world.json"]);
    r.run("Start-Sleep -Seconds 3600");
    r.run("(Get-Date).ToString('HH:mm')");
    assert!(r.lines().iter().any(|l| l == "10:00"), "{}", r.screen());
    r.press("C-d");
    assert_eq!(r.exit_code(), 0);
    assert!(r.path("world.json").exists(), "the state file was not written");

    let dir = r.into_dir();
    let r2 = Repl::start_in(dir, &["--state", "world.json"]);
    r2.run("(Get-Date).ToString('HH:mm')");
    assert!(r2.lines().iter().any(|l| l == "10:00"), "the clock did not survive: {}", r2.screen());
    r2.press("C-d");
    assert_eq!(r2.exit_code(), 0);
}

#[test]
fn ctrl_c_stops_a_running_pipeline_without_killing_the_shell() {
    if !tmux_available() {
        return;
    }
    let r = Repl::start(&[]);
    r.type_text("$i = 0; while ($true) { $i++; \"tick $i\" }");
    r.press("Enter");
    r.wait_for(|s| s.contains("tick 20"), "the loop's output");
    r.press("C-c");
    r.wait_idle(PROMPT);
    r.run("'still here'");
    assert!(r.lines().iter().any(|l| l == "still here"), "{}", r.screen());
    r.run("(Get-History | Select-Object -Last 2 | ForEach-Object ExecutionStatus) -join ','");
    assert!(r.lines().iter().any(|l| l == "Stopped,Completed"), "{}", r.screen());
    r.press("C-d");
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn ctrl_c_stops_a_loop_that_writes_nothing_and_catch_does_not_swallow_it() {
    if !tmux_available() {
        return;
    }
    let r = Repl::start(&[]);
    // No output reaches the host, so only the loop itself can notice the stop; `catch` must not
    // handle it (pwsh's PipelineStoppedException) but `finally` runs.
    r.type_text("$n = 0; try { while ($true) { $n++ } } catch { 'caught' } finally { $stoppedAt = $n }");
    r.press("Enter");
    std::thread::sleep(std::time::Duration::from_millis(300));
    r.press("C-c");
    r.wait_idle(PROMPT);
    r.run("$stoppedAt -gt 0");
    assert!(r.lines().iter().any(|l| l == "True"), "{}", r.screen());
    assert!(!r.lines().iter().any(|l| l == "caught"), "{}", r.screen());
    r.press("C-d");
    assert_eq!(r.exit_code(), 0);
}
