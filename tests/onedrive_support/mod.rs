//! Shared helpers of the OneDrive integration tests: run a script in-process against the
//! default scenario (or a scenario file) and capture stdout and stderr.

#![allow(dead_code)]

use tenantsim::cli::{Common, run_command};
use tenantsim::engine::host::Host;

/// PowerShell helpers every test script can use.
///
/// * `Src` / `Tgt` connect to the source / target admin URL.
/// * `Trust` sets the relationship on both tenants and waits out the 7-day dormant window.
/// * `Ready 'src=>tgt', …` = `Trust` then `Map`.
/// * `Map 'src=>tgt', …` uploads an identity map (on the target) and reconnects to the source.
/// * `Invoke-Move src tgt` starts a user move and polls it (Start-Sleep) until it ends.
/// * `Err { … }` runs a block with -ErrorAction Stop and prints `ERR <FQID> | <message>`.
pub const PRELUDE: &str = r#"
$SourceAdminUrl = 'https://m365x016651-admin.sharepoint.com'
$TargetAdminUrl = 'https://m365x946316-admin.sharepoint.com'
$SH = 'https://m365x016651-my.sharepoint.com/'
$TH = 'https://m365x946316-my.sharepoint.com/'
$SID = (Get-TenantSimTenant -Name M365x016651).TenantId
function Src { Connect-SPOService -Url $SourceAdminUrl }
function Tgt { Connect-SPOService -Url $TargetAdminUrl }
function Trust {
    Tgt; Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SH
    Src; Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH
    Start-Sleep -Seconds (7 * 86400 + 60)
}
function Map([string[]]$pairs) {
    $lines = foreach ($p in $pairs) { $a, $b = $p -split '=>'; "User,$SID,$a,$b,$b,RegularUser" }
    $path = [System.IO.Path]::GetTempPath() + "tenantsim-test-$TestRun-" + [guid]::NewGuid() + '.csv'
    [System.IO.File]::WriteAllLines($path, [string[]]$lines)
    Tgt; Add-SPOTenantIdentityMap -IdentityMapPath $path; Src
    [System.IO.File]::Delete($path)
}
function Ready([string[]]$pairs) { Trust; Map $pairs }
function Wait-Move($upn) {
    for ($i = 0; $i -lt 5000; $i++) {
        $s = Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -SourceUserPrincipalName $upn
        if ($s.MoveState -eq 'Success' -or $s.MoveState -eq 'Failed' -or $s.MoveState -eq 'Stopped') { return $s }
        Start-Sleep -Seconds 300
    }
}
function Invoke-Move($src, $tgt) {
    Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName $src -TargetUserPrincipalName $tgt -TargetCrossTenantHostUrl $TH | Out-Null
    Wait-Move $src
}
function Err($b) { $ErrorActionPreference = 'Stop'; try { & $b | Out-Null; 'no error' } catch { 'ERR ' + $_.FullyQualifiedErrorId + ' | ' + $_.Exception.Message } }
"#;

pub struct Outcome {
    pub code: i32,
    pub out: String,
    pub err: String,
}

impl Outcome {
    /// Assert stdout has this line (exactly, after trimming trailing spaces).
    #[track_caller]
    pub fn line(&self, want: &str) -> &Self {
        assert!(self.out.lines().any(|l| l.trim_end() == want), "stdout has no line {want:?}\n--- stdout ---\n{}\n--- stderr ---\n{}", self.out, self.err);
        self
    }
    #[track_caller]
    pub fn has(&self, want: &str) -> &Self {
        assert!(self.out.contains(want), "stdout does not contain {want:?}\n--- stdout ---\n{}\n--- stderr ---\n{}", self.out, self.err);
        self
    }
    #[track_caller]
    pub fn lacks(&self, unwanted: &str) -> &Self {
        assert!(!self.out.contains(unwanted), "stdout contains {unwanted:?}\n--- stdout ---\n{}", self.out);
        self
    }
    /// stderr as plain text: ConciseView's `Line |` gutters removed and wrapped lines joined.
    pub fn err_text(&self) -> String {
        let mut words = Vec::new();
        for l in self.err.lines() {
            let t = l.trim_start();
            let t = match t.split_once("| ") {
                Some((gutter, rest)) if gutter.trim().chars().all(|c| c.is_ascii_digit()) => rest,
                _ => t,
            };
            words.extend(t.split_whitespace().map(str::to_string));
        }
        words.join(" ")
    }
    /// Assert stderr has this error message (whitespace-insensitive).
    #[track_caller]
    pub fn error(&self, want: &str) -> &Self {
        let want_n = want.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(self.err_text().contains(&want_n), "stderr does not contain {want:?}\n--- stderr ---\n{}\n--- stdout ---\n{}", self.err, self.out);
        self
    }
    #[track_caller]
    pub fn exit(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "exit code\n--- stderr ---\n{}\n--- stdout ---\n{}", self.err, self.out);
        self
    }
    #[track_caller]
    pub fn no_errors(&self) -> &Self {
        assert!(self.err.is_empty(), "unexpected errors:\n{}\n--- stdout ---\n{}", self.err, self.out);
        self
    }
}

/// Run commands (as `tenantsim -Command`) against the default scenario, prelude first.
pub fn run(body: &str) -> Outcome {
    run_with(&Common::default(), body)
}

/// A token unique to this test run: tests run in parallel and [guid]::NewGuid() is seeded
/// (deterministic), so temporary file names need it.
fn run_id() -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    format!("{}-{}", std::process::id(), NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

pub fn run_with(common: &Common, body: &str) -> Outcome {
    let (host, out, err) = Host::split_capture();
    let text = format!("$TestRun = '{}'\n{PRELUDE}\n{body}", run_id());
    let (code, mut it) = run_command(common, &text, host);
    it.host.flush();
    let o = out.borrow().clone();
    let e = err.borrow().clone();
    Outcome { code, out: o, err: e }
}

/// Run text exactly as given (no prelude), e.g. the documented commands verbatim.
pub fn run_raw(common: &Common, text: &str) -> Outcome {
    let (host, out, err) = Host::split_capture();
    let (code, mut it) = run_command(common, text, host);
    it.host.flush();
    let o = out.borrow().clone();
    let e = err.borrow().clone();
    Outcome { code, out: o, err: e }
}

pub const DIEGO: &str = "DiegoS@M365x016651.OnMicrosoft.com";
pub const TEST_DIEGO: &str = "Test-Diego@M365x946316.OnMicrosoft.com";
