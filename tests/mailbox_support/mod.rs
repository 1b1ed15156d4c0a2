//! Shared helpers of the mailbox-migration integration tests: run commands in-process against
//! the default scenario (or a scenario file) and capture stdout and stderr.

#![allow(dead_code)]

use tenantsim::cli::{Common, run_command};
use tenantsim::engine::host::Host;

/// PowerShell helpers every test can use (default scenario: source M365x016651, target
/// M365x946316).
///
/// * `Conn` connects Exchange Online to both tenants: `-Prefix Source` and `-Prefix Target`.
/// * `New-MigrationApp` registers the migration app in the target with Graph (options break
///   one requirement of RULE 2) and returns its AppId and secret.
/// * `Ready` = the documented setup: app, consent in both tenants, endpoint `EP` in the target,
///   relationships on both sides (scope group "Mailbox Migration Scope"); `$App` holds the app.
/// * `Stamp src tgt` stamps the target MailUser from the source mailbox (ExchangeGuid,
///   ArchiveGuid, x500 of LegacyExchangeDN and of every X500 proxy).
/// * `Batch name targets [-Complete] [-NoStart]` creates a batch on EP and, when started, polls it
///   with Start-Sleep until it settles; returns the batch.
/// * `Why id` prints `Status | ErrorSummary` of the (latest) migration user.
/// * `Err { … }` runs a block with -ErrorAction Stop and prints `ERR <Exception>,<Class> | <message>`
///   (the volatile server/request part of Exchange's FullyQualifiedErrorId removed).
pub const PRELUDE: &str = r#"
$SD = 'M365x016651.onmicrosoft.com'
$TD = 'M365x946316.onmicrosoft.com'
$SID = (Get-TenantSimTenant -Name M365x016651 -ErrorAction SilentlyContinue).TenantId
$TID = (Get-TenantSimTenant -Name M365x946316 -ErrorAction SilentlyContinue).TenantId
function Conn {
    Connect-ExchangeOnline -UserPrincipalName admin@M365x016651.onmicrosoft.com -Prefix Source -ShowBanner:$false
    Connect-ExchangeOnline -UserPrincipalName admin@M365x946316.onmicrosoft.com -Prefix Target -ShowBanner:$false
}
function New-MigrationApp([string]$Audience = 'AzureADMultipleOrgs', [string[]]$Redirect = @('https://office.com'), [switch]$NoMailboxMigration, [string]$Tenant = $TD) {
    Connect-MgGraph -TenantId $Tenant -Scopes 'Application.ReadWrite.All', 'User.ReadWrite.All', 'Organization.Read.All' -NoWelcome
    $exo = Get-MgServicePrincipal -Filter "appId eq '00000002-0000-0ff1-ce00-000000000000'"
    $role = $exo.AppRoles | Where-Object Value -eq 'Mailbox.Migration'
    if ($NoMailboxMigration) { $rra = @() } else { $rra = @(@{ ResourceAppId = $exo.AppId; ResourceAccess = @(@{ Id = $role.Id; Type = 'Role' }) }) }
    $app = New-MgApplication -DisplayName 'T2T migration' -SignInAudience $Audience -Web @{ RedirectUris = $Redirect } -RequiredResourceAccess $rra
    $pw = Add-MgApplicationPassword -ApplicationId $app.Id -PasswordCredential @{ DisplayName = 'secret' }
    [pscustomobject]@{ AppId = $app.AppId; Secret = $pw.SecretText; Id = $app.Id }
}
function Cred($user, $secret) { New-Object System.Management.Automation.PSCredential $user, (ConvertTo-SecureString $secret -AsPlainText -Force) }
function New-EP($app, $name = 'EP') {
    New-TargetMigrationEndpoint -Name $name -RemoteServer outlook.office.com -RemoteTenant $SD -Credentials (Cred $app.AppId $app.Secret) -ExchangeRemoteMove -ApplicationId $app.AppId
}
function Ready {
    Conn
    $global:App = New-MigrationApp
    Grant-TenantSimAdminConsent -Tenant M365x946316 -ApplicationId $App.AppId | Out-Null
    Grant-TenantSimAdminConsent -Tenant M365x016651 -ApplicationId $App.AppId | Out-Null
    Enable-TargetOrganizationCustomization
    New-EP $App | Out-Null
    New-TargetOrganizationRelationship Source -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability Inbound -DomainNames $SID | Out-Null
    New-SourceOrganizationRelationship Target -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability RemoteOutbound -DomainNames $TID -OAuthApplicationId $App.AppId -MailboxMovePublishedScopes 'Mailbox Migration Scope' | Out-Null
}
function Stamp($src, $tgt) {
    $m = Get-SourceMailbox $src
    $x = @('x500:' + $m.LegacyExchangeDN) + @($m.EmailAddresses | Where-Object { $_ -match '^x500:' } | ForEach-Object { 'x500:' + $_.Substring(5) })
    Set-TargetMailUser $tgt -ExchangeGuid $m.ExchangeGuid -ArchiveGuid $m.ArchiveGuid -EmailAddresses @{ add = $x }
}
function CsvBytes([string[]]$targets) {
    $path = [System.IO.Path]::GetTempPath() + "tenantsim-mbx-$TestRun-" + [guid]::NewGuid() + '.csv'
    $null = [System.IO.File]::WriteAllLines($path, [string[]](@('EmailAddress') + $targets))
    $bytes = [System.IO.File]::ReadAllBytes($path)
    Remove-Item $path
    , $bytes
}
function Wait-Batch($name) {
    for ($i = 0; $i -lt 3000; $i++) {
        $b = Get-TargetMigrationBatch $name
        if ($b.Status -ne 'Syncing' -and $b.Status -ne 'Completing') { return $b }
        Start-Sleep -Seconds 600
    }
    $b
}
function Batch($name, [string[]]$targets, [switch]$Complete, [switch]$NoStart) {
    $bytes = CsvBytes $targets
    if ($NoStart) { return New-TargetMigrationBatch -Name $name -SourceEndpoint EP -CSVData $bytes -TargetDeliveryDomain $TD }
    if ($Complete) { $b = New-TargetMigrationBatch -Name $name -SourceEndpoint EP -CSVData $bytes -TargetDeliveryDomain $TD -AutoStart -AutoComplete }
    else { $b = New-TargetMigrationBatch -Name $name -SourceEndpoint EP -CSVData $bytes -TargetDeliveryDomain $TD -AutoStart }
    Wait-Batch $name
}
function Resume($name) { Start-TargetMigrationBatch $name; Wait-Batch $name }
function Why($id) { $u = @(Get-TargetMigrationUser $id)[-1]; "$($u.Status) | $($u.ErrorSummary)" }
function Err($b) {
    $ErrorActionPreference = 'Stop'
    try { & $b | Out-Null; 'no error' }
    catch { 'ERR ' + ($_.FullyQualifiedErrorId -replace '^\[[^\]]*\] \[FailureCategory=Cmdlet-(\w+)\] [0-9A-F]{8},', '$1,') + ' | ' + $_.Exception.Message }
}
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

/// A token unique to this test run (tests run in parallel; temporary file names need it).
fn run_id() -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    format!("{}-{}", std::process::id(), NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

/// Run commands (as `tenantsim -Command`) against the default scenario, prelude first.
pub fn run(body: &str) -> Outcome {
    run_with(&Common::default(), body)
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

pub const S: &str = "@M365x016651.OnMicrosoft.com";
pub const T: &str = "@M365x946316.OnMicrosoft.com";
