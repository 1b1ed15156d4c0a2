//! Cross-tenant mailbox migration end to end, the two-prefix pattern, connections and command
//! resolution, the Graph portal steps, the control cmdlets, state files and determinism.

mod mailbox_support;

use std::path::Path;

use mailbox_support::{run, run_raw, run_with};
use tenantsim::cli::{Common, run_file};
use tenantsim::engine::host::Host;

fn run_script(common: &Common, path: &Path) -> (i32, String, String) {
    let (host, out, err) = Host::split_capture();
    let (code, mut it) = run_file(common, path, &[], host);
    it.host.flush();
    let (o, e) = (out.borrow().clone(), err.borrow().clone());
    (code, o, e)
}

#[test]
fn documented_procedure_runs_green_end_to_end() {
    let (code, out, err) = run_script(&Common::default(), Path::new("scripts/mailbox-t2t.ps1"));
    assert_eq!(code, 0, "{err}\n{out}");
    assert!(err.is_empty(), "{err}");
    for want in [
        "Tenants: source 4c6a9b1e-2d3f-4a5b-8c7d-016651016651, target 9e1d7c3a-5b2f-4e8d-a6c4-946316946316",
        "Step 3: source admin consented: Mailbox.Migration",
        "Step 2: endpoint M365x016651-migration; relationship M365x016651: Inbound, dehydrated now False",
        "Group already exists.",
        "Step 3: source relationship RemoteOutbound, scope 'Mailbox Migration Scope' with 15 members",
        "Step 5: Test-MigrationServerAvailability: Success",
        "Step 6: batch T2Tbatch Syncing, 9 users",
        "Step 6: Completed: 9 of 9 finalized",
        "Step 6: 9 cross-tenant move requests, 9 completed",
        "Step 7: source DiegoS is a MailUser -> SMTP:Test-Diego@M365x946316.OnMicrosoft.com",
        "Step 7: target Test-Diego is a UserMailbox, archive Active",
        "Step 7: target users licensed; LaraN is a UserMailbox",
        "Step 7: endpoint and organization relationships removed on both tenants",
    ] {
        assert!(out.lines().any(|l| l == want), "missing {want:?} in\n{out}");
    }
    assert!(out.lines().any(|l| l.starts_with("Step 6: Synced after ") && l.ends_with(" hours (9 synced, 0 failed)")), "{out}");
    let table: Vec<&str> = out.lines().skip_while(|l| !l.starts_with("Identity ")).collect();
    for user in ["AlexW@", "AllanD@", "ChristieC@", "CiaranO@", "DebraB@", "GradyA@", "IsaiahL@", "LaraN@", "Test-Diego@"] {
        assert!(table.iter().any(|l| l.starts_with(user) && l.trim_end().ends_with(" Completed")), "{user} not completed in\n{out}");
    }
}

#[test]
fn procedure_is_deterministic_for_a_seed() {
    let common = |seed| Common { seed, ..Common::default() };
    let a = run_script(&common(7), Path::new("scripts/mailbox-t2t.ps1"));
    let b = run_script(&common(7), Path::new("scripts/mailbox-t2t.ps1"));
    let c = run_script(&common(8), Path::new("scripts/mailbox-t2t.ps1"));
    assert_eq!(a, b);
    assert_eq!(a.0, 0, "{}", a.2);
    assert_ne!(a.1, c.1, "another seed gives other secrets and durations");
}

#[test]
fn two_prefixes_two_tenants_in_one_session() {
    run(r#"
Conn
"$((Get-SourceMailbox DiegoS).PrimarySmtpAddress) / $((Get-TargetMailUser Test-Diego).PrimarySmtpAddress)"
$pw = ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force
$m = New-TargetMailUser -Name LaraN -MicrosoftOnlineServicesID LaraN@M365x946316.onmicrosoft.com -ExternalEmailAddress (Get-SourceMailbox LaraN).PrimarySmtpAddress -Password $pw
"new: $($m.RecipientTypeDetails) $($m.ExternalEmailAddress)"
"commands: $((Get-SourceMailbox DiegoS).Alias) $([bool](Get-Command Get-Mailbox -ErrorAction SilentlyContinue))"
# Reconnecting a prefix to another tenant retargets the same command names.
Connect-ExchangeOnline -UserPrincipalName admin@M365x946316.onmicrosoft.com -Prefix Source -ShowBanner:$false
"source now: $((Get-SourceMailUser LaraN).Name)"
Disconnect-ExchangeOnline -ModulePrefix Source -Confirm:$false
try { Get-SourceMailbox DiegoS } catch { "after disconnect: $($_.FullyQualifiedErrorId)" }
"target still: $((Get-TargetMailUser Test-Diego).Alias)"
"#)
    .line("DiegoS@M365x016651.OnMicrosoft.com / Test-Diego@M365x946316.OnMicrosoft.com")
    .line("new: MailUser SMTP:LaraN@M365x016651.OnMicrosoft.com")
    .line("commands: DiegoS False")
    .line("source now: LaraN")
    .line("after disconnect: CommandNotFoundException")
    .line("target still: Test-Diego")
    .no_errors();
}

#[test]
fn call_sites_re_resolve_when_connections_change() {
    // The same call site: not recognized, then the cmdlet, then not recognized again.
    run(r#"
function M { try { @(Get-Mailbox -ResultSize 1 -ErrorAction Stop).Count } catch { $_.FullyQualifiedErrorId } }
foreach ($i in 1..4) {
    if ($i -eq 2) { Connect-ExchangeOnline -UserPrincipalName admin@M365x016651.onmicrosoft.com -ShowBanner:$false }
    if ($i -eq 4) { Disconnect-ExchangeOnline -Confirm:$false }
    "$i $(M)"
}
"#)
    .line("1 CommandNotFoundException")
    .line("2 1")
    .line("3 1")
    .line("4 CommandNotFoundException")
    .no_errors();
}

#[test]
fn connect_exchange_online_failures() {
    let o = run_raw(
        &Common::default(),
        r#"
try { Connect-ExchangeOnline -UserPrincipalName nobody@M365x016651.onmicrosoft.com -ShowBanner:$false } catch { $_.Exception.Message }
try { Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com -ShowBanner:$false } catch { $_.Exception.Message }
try { Connect-ExchangeOnline -ShowBanner:$false } catch { $_.Exception.Message }
Connect-ExchangeOnline -UserPrincipalName admin@M365x016651.onmicrosoft.com
"#,
    );
    o.line("AADSTS50034: The user account nobody@M365x016651.onmicrosoft.com does not exist in the 4c6a9b1e-2d3f-4a5b-8c7d-016651016651 directory. To sign into this application, the account must be added to the directory.")
        .line("AADSTS90002: Tenant 'contoso.onmicrosoft.com' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.")
        .has("tenantsim has no interactive sign-in")
        // Without -ShowBanner:$false the module prints its banner.
        .has("This V3 EXO PowerShell module contains new REST API backed Exchange Online cmdlets")
        .no_errors();
}

#[test]
fn graph_portal_steps_and_scopes() {
    let o = run(r#"
Connect-MgGraph -TenantId $TD -Scopes User.Read -NoWelcome
Err { New-MgApplication -DisplayName x }
Connect-MgGraph -TenantId $TD -Scopes Application.ReadWrite.All -NoWelcome
$exo = Get-MgServicePrincipal -Filter "appId eq '00000002-0000-0ff1-ce00-000000000000'"
"$($exo.DisplayName): $(($exo.AppRoles | % Value) -join ', ')"
$app = New-MgApplication -DisplayName 'T2T' -SignInAudience AzureADMultipleOrgs -Web @{ RedirectUris = 'https://office.com' } -RequiredResourceAccess @{ ResourceAppId = $exo.AppId; ResourceAccess = @(@{ Id = ($exo.AppRoles | ? Value -eq 'Mailbox.Migration').Id; Type = 'Role' }) }
$pw = Add-MgApplicationPassword -ApplicationId $app.Id -PasswordCredential @{ DisplayName = 'migration' }
"secret once: $($pw.SecretText.Length) chars, hint $($pw.Hint -eq $pw.SecretText.Substring(0, 3))"
"later: [$((Get-MgApplication -ApplicationId $app.Id).PasswordCredentials[0].SecretText)]"
$g = Get-MgApplication -Filter "appId eq '$($app.AppId)'"
"$($g.SignInAudience) $($g.Web.RedirectUris) $($g.RequiredResourceAccess[0].ResourceAppId)"
Err { Add-MgApplicationPassword -ApplicationId 00000000-0000-0000-0000-000000000001 -PasswordCredential @{} }
New-MgServicePrincipal -AppId $app.AppId | % { "sp: $($_.DisplayName) $($_.AppOwnerOrganizationId -eq $TID)" }
$c = Grant-TenantSimAdminConsent -Tenant M365x016651 -ApplicationId $app.AppId
"$($c.GrantedPermissions) $($c.ConsentUrl -replace [regex]::Escape($app.AppId), '<app>')"
Connect-MgGraph -TenantId $SD -Scopes Application.Read.All, Organization.Read.All -NoWelcome
"in the source: $((Get-MgServicePrincipal -Filter "appId eq '$($app.AppId)'").DisplayName)"
"organization: $((Get-MgOrganization).Id -eq $SID) $((Get-MgOrganization).VerifiedDomains[0].Name)"
"#);
    o.has("ERR Authorization_RequestDenied,Microsoft.Graph.PowerShell.Cmdlets.NewMgApplication_CreateExpanded | Insufficient privileges to complete the operation.")
        .line("Office 365 Exchange Online: Mailbox.Migration, Exchange.ManageAsApp, full_access_as_app")
        .line("secret once: 40 chars, hint True")
        .line("later: []")
        .line("AzureADMultipleOrgs https://office.com 00000002-0000-0ff1-ce00-000000000000")
        .has("ERR Request_ResourceNotFound,Microsoft.Graph.PowerShell.Cmdlets.AddMgApplicationPassword_AddExpanded | Resource '00000000-0000-0000-0000-000000000001' does not exist or one of its queried reference-property objects are not present.")
        .line("sp: T2T True")
        .line("Mailbox.Migration https://login.microsoftonline.com/M365x016651.onmicrosoft.com/adminconsent?client_id=<app>&redirect_uri=https://office.com")
        .line("in the source: T2T")
        .line("organization: True M365x016651.onmicrosoft.com")
        .no_errors();
}

#[test]
fn graph_users_licences_and_groups() {
    run(r#"
Connect-MgGraph -TenantId $TD -Scopes User.ReadWrite.All, Group.ReadWrite.All, Organization.Read.All -NoWelcome
$u = New-MgUser -DisplayName 'Kim Akers' -UserPrincipalName KimA@M365x946316.onmicrosoft.com -MailNickname KimA -AccountEnabled -PasswordProfile @{ Password = 'xWwvJ]6NMw+bWH-d' } -UsageLocation US
"new: $($u.UserPrincipalName) $($u.UsageLocation)"
Err { New-MgUser -DisplayName 'Kim Akers' -UserPrincipalName KimA@M365x946316.onmicrosoft.com -MailNickname KimA -AccountEnabled -PasswordProfile @{ Password = 'x' } }
Err { New-MgUser -DisplayName 'X' -UserPrincipalName x@contoso.com -MailNickname x -AccountEnabled -PasswordProfile @{ Password = 'x' } }
$sku = Get-MgSubscribedSku -All | ? SkuPartNumber -eq 'SPE_E5'
$exch = ($sku.ServicePlans | ? ServicePlanName -eq 'EXCHANGE_S_ENTERPRISE').ServicePlanId
Set-MgUserLicense -UserId $u.Id -AddLicenses @(@{ SkuId = $sku.SkuId; DisabledPlans = @($exch) }) -RemoveLicenses @() | Out-Null
(Get-MgUserLicenseDetail -UserId $u.Id).ServicePlans | ? ServicePlanName -eq 'EXCHANGE_S_ENTERPRISE' | % { "exchange plan: $($_.ProvisioningStatus)" }
Get-TenantSimUser -Tenant M365x946316 -UserPrincipalName KimA@M365x946316.onmicrosoft.com | % { "licences: $($_.Licenses -join ',') mailbox: $($_.Mailbox)" }
Set-MgUserLicense -UserId $u.Id -AddLicenses @(@{ SkuId = $sku.SkuId; DisabledPlans = @() }) -RemoveLicenses @() | Out-Null
"mailbox: $((Get-TenantSimUser -Tenant M365x946316 -UserPrincipalName KimA@M365x946316.onmicrosoft.com).Mailbox)"
Update-MgUser -UserId $u.Id -DisplayName 'Kim A.'
"renamed: $((Get-MgUser -UserId KimA@M365x946316.onmicrosoft.com).DisplayName)"
$g = New-MgGroup -DisplayName 'Pilot' -MailEnabled:$false -MailNickname pilot -SecurityEnabled
New-MgGroupMember -GroupId $g.Id -DirectoryObjectId $u.Id
"group: $($g.DisplayName) $($g.SecurityEnabled) $($g.MailEnabled)"
Err { New-MgGroup -DisplayName 'Mail SG' -MailEnabled -MailNickname mailsg -SecurityEnabled }
Err { Get-MgUser -UserId nobody@M365x946316.onmicrosoft.com }
Err { New-MgUser -DisplayName 'No Nick' -UserPrincipalName nn@M365x946316.onmicrosoft.com -AccountEnabled -PasswordProfile @{ Password = 'x' } }
Err { Update-MgUser -UserId $u.Id -UsageLocation USA }
Err { New-MgGroupMember -GroupId $g.Id -DirectoryObjectId $u.Id }
$v = New-MgUser -DisplayName 'Leo B' -UserPrincipalName LeoB@M365x946316.onmicrosoft.com -MailNickname LeoB -AccountEnabled -PasswordProfile @{ Password = 'xWwvJ]6NMw+bWH-d' }
Err { Set-MgUserLicense -UserId $v.Id -AddLicenses @{ SkuId = $sku.SkuId } -RemoveLicenses @() }
Err { Set-MgUserLicense -UserId $v.Id -AddLicenses @() -RemoveLicenses @($sku.SkuId) }
"#)
    .line("new: KimA@M365x946316.onmicrosoft.com US")
    .has("ERR Request_BadRequest,Microsoft.Graph.PowerShell.Cmdlets.NewMgUser_CreateExpanded | Another object with the same value for property userPrincipalName already exists.")
    .has("| The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.")
    .line("exchange plan: Disabled")
    .line("licences: SPE_E5 mailbox: False")
    .line("mailbox: True")
    .line("renamed: Kim A.")
    .line("group: Pilot True False")
    .has("| Cannot create a mail-enabled security groups and or distribution list.")
    .has("ERR Request_ResourceNotFound,Microsoft.Graph.PowerShell.Cmdlets.GetMgUser_Get | Resource 'nobody@M365x946316.onmicrosoft.com' does not exist")
    .has("| Property 'mailNickname' is required when creating the entity.")
    .has("| Invalid value specified for property 'usageLocation' of resource 'User'.")
    .has("| One or more added object references already exist for the following modified properties: 'members'.")
    .has("| License assignment cannot be done for user with invalid usage location.")
    .has("| User license is inconsistent: the license 06ebc4ee-1bb5-47dd-8120-11324bc54e06 is not assigned to the user.")
    .no_errors();
}

#[test]
fn graph_pre_created_target_user_serves_the_onedrive_move() {
    // Pre-creating the OneDrive target user with Graph (as setup scripts do) instead of the
    // scenario: the SharePoint side sees the same directory.
    run(r#"
Connect-MgGraph -TenantId $TD -Scopes User.ReadWrite.All, Organization.Read.All -NoWelcome
$u = New-MgUser -DisplayName 'Kim Akers' -UserPrincipalName KimA@M365x946316.onmicrosoft.com -MailNickname KimA -AccountEnabled -PasswordProfile @{ Password = 'xWwvJ]6NMw+bWH-d' } -UsageLocation US
$e5 = (Get-MgSubscribedSku -All | ? SkuPartNumber -eq 'SPE_E5').SkuId
Set-MgUserLicense -UserId $u.Id -AddLicenses @{ SkuId = $e5 } -RemoveLicenses @() | Out-Null
New-TenantSimUser -Tenant M365x016651 -UserPrincipalName KimA@M365x016651.OnMicrosoft.com -OneDriveSizeGB 1 | Out-Null
$SH = 'https://m365x016651-my.sharepoint.com/'; $TH = 'https://m365x946316-my.sharepoint.com/'
Connect-SPOService -Url https://m365x946316-admin.sharepoint.com
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SH
Connect-SPOService -Url https://m365x016651-admin.sharepoint.com
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH
Start-Sleep -Seconds (7 * 86400 + 60)
$path = [System.IO.Path]::GetTempPath() + "tenantsim-mbx-od-$TestRun.csv"
$null = [System.IO.File]::WriteAllLines($path, [string[]]@("User,$SID,KimA@M365x016651.OnMicrosoft.com,KimA@M365x946316.onmicrosoft.com,KimA@M365x946316.onmicrosoft.com,RegularUser"))
Connect-SPOService -Url https://m365x946316-admin.sharepoint.com
Add-SPOTenantIdentityMap -IdentityMapPath $path
Remove-Item $path
Connect-SPOService -Url https://m365x016651-admin.sharepoint.com
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName KimA@M365x016651.OnMicrosoft.com -TargetUserPrincipalName KimA@M365x946316.onmicrosoft.com -TargetCrossTenantHostUrl $TH | Out-Null
for ($i = 0; $i -lt 100; $i++) {
    $s = Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -SourceUserPrincipalName KimA@M365x016651.OnMicrosoft.com
    if ($s.MoveState -in 'Success', 'Failed') { break }
    Start-Sleep -Seconds 300
}
"onedrive: $($s.MoveState)"
"#)
    .line("onedrive: Success")
    .no_errors();
}

#[test]
fn new_tenantsim_user_creates_the_mailbox_side() {
    run(r#"
$u = New-TenantSimUser -Tenant M365x016651 -UserPrincipalName KimA@M365x016651.OnMicrosoft.com -NoOneDrive -Mailbox -Archive -MailboxSizeGB 2.5
"$($u.Mailbox) $($u.Archive)"
New-TenantSimUser -Tenant M365x016651 -UserPrincipalName NoMbx@M365x016651.OnMicrosoft.com -NoOneDrive | Out-Null
Connect-ExchangeOnline -UserPrincipalName admin@M365x016651.onmicrosoft.com -ShowBanner:$false
$m = Get-Mailbox KimA
"$($m.RecipientTypeDetails) $($m.ArchiveStatus) $($m.PrimarySmtpAddress) $($m.ExchangeGuid -ne [guid]::Empty)"
"no mailbox: $((Get-User NoMbx@M365x016651.OnMicrosoft.com).RecipientTypeDetails)"
$p = Set-TenantSimMailbox -Tenant M365x016651 -Identity KimA -LitigationHold $true -PassThru
"hold: $($p.LitigationHoldEnabled)"
"#)
    .line("True True")
    .line("UserMailbox Active KimA@M365x016651.OnMicrosoft.com True")
    .line("no mailbox: User")
    .line("hold: True");
}

#[test]
fn the_scenario_carries_the_mailbox_side() {
    run(r#"
Conn
"source: $(@(Get-SourceMailbox -ResultSize Unlimited).Count) mailboxes, $(@(Get-SourceMailbox -ResultSize Unlimited | ? ArchiveStatus -eq 'Active').Count) with archives, on hold: $((Get-SourceMailbox -ResultSize Unlimited | ? LitigationHoldEnabled | % Alias) -join ',')"
"scope: $((Get-SourceDistributionGroup).Name) ($(@(Get-SourceDistributionGroupMember 'Mailbox Migration Scope').Count) members)"
"target: dehydrated $((Get-TargetOrganizationConfig).IsDehydrated), $(@(Get-TargetMailUser -ResultSize Unlimited).Count) mail users, $(@(Get-TargetMailbox -ResultSize Unlimited).Count) mailboxes"
"domains: $((Get-SourceAcceptedDomain).DomainName) / $((Get-TargetAcceptedDomain).DomainName)"
"#)
    .line("source: 17 mailboxes, 4 with archives, on hold: AdeleV")
    .line("scope: Mailbox Migration Scope (15 members)")
    .line("target: dehydrated True, 15 mail users, 2 mailboxes")
    .line("domains: M365x016651.onmicrosoft.com M365x016651.mail.onmicrosoft.com / M365x946316.onmicrosoft.com M365x946316.mail.onmicrosoft.com")
    .no_errors();
}

#[test]
fn mailbox_faults_can_be_declared_in_a_scenario_file() {
    let dir = std::env::temp_dir().join(format!("tenantsim-mbx-scenario-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("scenario.json");
    std::fs::write(
        &path,
        r#"{"tenants":[
  {"name":"Src","users":[{"upn":"a@Src.onmicrosoft.com","mailbox":{"sizeGB":1}}],
   "groups":[{"displayName":"Scope","alias":"Scope","kind":"MailEnabledSecurity","members":["a@Src.onmicrosoft.com"]}]},
  {"name":"Tgt","domains":["fabrikam.com"],"users":[{"upn":"a@Tgt.onmicrosoft.com","mailbox":false,"mailUser":{"externalEmailAddress":"a@Src.onmicrosoft.com"}}]}],
 "faults":[{"user":"a@Src.onmicrosoft.com","workload":"Mailbox","phase":"Completion","outcome":"Failed","exception":"MailboxIsNotInExpectedDBException","message":"Maintenance."}]}"#,
    )
    .expect("write");
    let common = Common { scenario: Some(path.clone()), ..Common::default() };
    run_with(
        &common,
        r#"
$SD = 'Src.onmicrosoft.com'; $TD = 'Tgt.onmicrosoft.com'
$SID = (Get-TenantSimTenant -Name Src).TenantId; $TID = (Get-TenantSimTenant -Name Tgt).TenantId
Connect-ExchangeOnline -UserPrincipalName admin@Src.onmicrosoft.com -Prefix Source -ShowBanner:$false
Connect-ExchangeOnline -UserPrincipalName admin@Tgt.onmicrosoft.com -Prefix Target -ShowBanner:$false
$global:App = New-MigrationApp
Grant-TenantSimAdminConsent -Tenant Tgt -ApplicationId $App.AppId | Out-Null
Grant-TenantSimAdminConsent -Tenant Src -ApplicationId $App.AppId | Out-Null
New-EP $App | Out-Null
New-TargetOrganizationRelationship S -MailboxMoveEnabled:$true -MailboxMoveCapability Inbound -DomainNames $SID | Out-Null
New-SourceOrganizationRelationship T -MailboxMoveEnabled:$true -MailboxMoveCapability RemoteOutbound -DomainNames $TID -OAuthApplicationId $App.AppId -MailboxMovePublishedScopes Scope | Out-Null
Stamp a@Src.onmicrosoft.com a@Tgt.onmicrosoft.com
"domains: $((Get-TargetAcceptedDomain).DomainName -join ', ')"
$b = Batch B1 'a@Tgt.onmicrosoft.com' -Complete
Why a@Tgt.onmicrosoft.com
"#,
    )
    .line("domains: Tgt.onmicrosoft.com, Tgt.mail.onmicrosoft.com, fabrikam.com")
    .line("Failed | MailboxIsNotInExpectedDBException: Maintenance.")
    .no_errors();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn state_files_keep_the_mailbox_side() {
    let dir = std::env::temp_dir().join(format!("tenantsim-mbx-state-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let state = dir.join("state.json");
    let common = Common { state: Some(state.clone()), ..Common::default() };
    let run_saved = |text: &str| {
        let (host, out, err) = Host::split_capture();
        let (code, mut it) = tenantsim::cli::run_command(&common, text, host);
        it.host.flush();
        let (o, e) = (out.borrow().clone(), err.borrow().clone());
        (code, o, e)
    };
    let (code, _, err) = run_saved(&format!(
        "{}\nReady\nStamp AlexW@M365x016651.OnMicrosoft.com AlexW@M365x946316.OnMicrosoft.com\n$null = Batch B1 'AlexW@M365x946316.OnMicrosoft.com'",
        mailbox_support::PRELUDE.replace("$TestRun", "'state'")
    ));
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run_saved(
        "Connect-ExchangeOnline -UserPrincipalName admin@M365x946316.onmicrosoft.com -ShowBanner:$false\n(Get-MigrationBatch B1).Status\nComplete-MigrationBatch B1\nStart-Sleep -Seconds 1200\n(Get-MigrationBatch B1).Status\n(Get-Mailbox AlexW@M365x946316.OnMicrosoft.com).RecipientTypeDetails",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "Synced\nCompleted\nUserMailbox\n", "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn checkpoints_restore_the_mailbox_side() {
    run(r#"
Ready
Stamp AlexW@M365x016651.OnMicrosoft.com AlexW@M365x946316.OnMicrosoft.com
Checkpoint-TenantSim -Name before
$null = Batch B1 'AlexW@M365x946316.OnMicrosoft.com' -Complete
"after: $((Get-TargetRecipient AlexW@M365x946316.OnMicrosoft.com).RecipientTypeDetails)"
Restore-TenantSim -Name before
"restored: $((Get-TargetRecipient AlexW@M365x946316.OnMicrosoft.com).RecipientTypeDetails) $(@(Get-TargetMigrationBatch).Count)"
"again: $((Batch B1 'AlexW@M365x946316.OnMicrosoft.com' -Complete).Status)"
"#)
    .line("after: UserMailbox")
    .line("restored: MailUser 0")
    .line("again: Completed")
    .no_errors();
}

#[test]
fn stop_and_start_a_batch() {
    run(r#"
Ready
Stamp AllanD@M365x016651.OnMicrosoft.com AllanD@M365x946316.OnMicrosoft.com
New-TargetMigrationBatch -Name B1 -SourceEndpoint EP -CSVData (CsvBytes 'AllanD@M365x946316.OnMicrosoft.com') -TargetDeliveryDomain $TD -AutoStart | Out-Null
Start-Sleep -Seconds 1800
"running: $((Get-TargetMigrationBatch B1).Status) $((Get-TargetMoveRequest AllanD@M365x946316.OnMicrosoft.com).Status)"
Stop-TargetMigrationBatch B1
"stopped: $((Get-TargetMigrationBatch B1).Status) $((Get-TargetMigrationUser AllanD@M365x946316.OnMicrosoft.com).Status) $((Get-TargetMoveRequest AllanD@M365x946316.OnMicrosoft.com).Status)"
Start-Sleep -Seconds 86400
"still: $((Get-TargetMigrationBatch B1).Status)"
Err { Complete-TargetMigrationBatch B1 }
"resumed: $((Resume B1).Status)"
"#)
    .line("running: Syncing InProgress")
    .line("stopped: Stopped Stopped Suspended")
    .line("still: Stopped")
    .has("The migration batch 'B1' can't be completed because it's in the Stopped state.")
    .line("resumed: Synced")
    .no_errors();
}

#[test]
fn auto_complete_and_complete_after() {
    run(r#"
Ready
Stamp AlexW@M365x016651.OnMicrosoft.com AlexW@M365x946316.OnMicrosoft.com
Stamp ChristieC@M365x016651.OnMicrosoft.com ChristieC@M365x946316.OnMicrosoft.com
"auto: $((Batch B1 'AlexW@M365x946316.OnMicrosoft.com' -Complete).Status)"
$when = (Get-Date).AddDays(2)
New-TargetMigrationBatch -Name B2 -SourceEndpoint EP -CSVData (CsvBytes 'ChristieC@M365x946316.OnMicrosoft.com') -TargetDeliveryDomain $TD -AutoStart -CompleteAfter $when | Out-Null
"waiting: $((Wait-Batch B2).Status)"
Start-Sleep -Seconds 86400
"a day later: $((Get-TargetMigrationBatch B2).Status)"
Start-Sleep -Seconds 90000
"after CompleteAfter: $((Wait-Batch B2).Status)"
"#)
    .line("auto: Completed")
    .line("waiting: Synced")
    .line("a day later: Synced")
    .line("after CompleteAfter: Completed")
    .no_errors();
}

#[test]
fn exchange_and_graph_declarations_are_implemented_and_examples_parse() {
    // (The reference's own examples mix commands with their output text; only the examples
    // written for the overrides are parsed.)
    let files = [
        (true, include_str!("../src/cmdlets/signatures/exchange_overrides.jsonl")),
        (true, include_str!("../src/cmdlets/signatures/graph_overrides.jsonl")),
        (false, include_str!("../src/cmdlets/signatures/reference.jsonl")),
    ];
    let mut problems = Vec::new();
    for (parse_examples, file) in files {
        for line in file.lines().filter(|l| !l.trim().is_empty()) {
            let j: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
            let module = j["module"].as_str().unwrap_or_default();
            if module != "ExchangeOnlineManagement" && !module.starts_with("Microsoft.Graph") {
                continue;
            }
            let name = j["name"].as_str().unwrap_or_default();
            if tenantsim::cmdlets::implementation(name).is_none() {
                problems.push(format!("{name} is declared but not implemented"));
                continue;
            }
            let decl = tenantsim::cmdlets::declared(name).expect("declared");
            for ex in decl.1.examples.iter().filter(|_| parse_examples) {
                if tenantsim::lang::parse_script(ex.clone(), None).is_err() {
                    problems.push(format!("{name}: example does not parse: {ex:?}"));
                }
            }
        }
    }
    for (n, _) in tenantsim::cmdlets::exchange::CMDLETS.iter().chain(tenantsim::cmdlets::graph::CMDLETS) {
        if tenantsim::cmdlets::declared(n).is_none() {
            problems.push(format!("{n} is implemented but not declared"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_benchmark_script_runs_on_a_small_world() {
    // benches/mailbox/bench-10k-mailboxes.ps1 on its own scenario cut down to 20 mailboxes, in 5
    // batches of 4: the script the README's numbers come from keeps working.
    let dir = std::env::temp_dir().join(format!("tenantsim-mbx-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let scenario = std::fs::read_to_string("benches/mailbox/bench-10k.json").expect("scenario").replace("\"count\": 10000", "\"count\": 20");
    assert!(scenario.contains("\"count\": 20"));
    let path = dir.join("bench-20.json");
    std::fs::write(&path, scenario).expect("write");
    let common = Common { scenario: Some(path), ..Common::default() };
    let (host, out, err) = Host::split_capture();
    let args = ["-BatchSize".to_string(), "4".to_string()];
    let (code, mut it) = run_file(&common, Path::new("benches/mailbox/bench-10k-mailboxes.ps1"), &args, host);
    it.host.flush();
    let (out, err) = (out.borrow().clone(), err.borrow().clone());
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    for want in [
        "Setup: 20 mailboxes in 5 scope groups",
        "Setup: 20 target mail users",
        "Wave5: Completed, 4 of 4 finalized",
        "Cross-tenant move requests completed: 20",
        "Source mail users now: 20",
    ] {
        assert!(out.lines().any(|l| l == want), "no line {want:?} in\n{out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
