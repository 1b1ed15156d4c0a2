//! Cross-tenant OneDrive migration end to end, the TenantSim control cmdlets, scenarios,
//! state files, determinism and the scheduler.

mod onedrive_support;

use std::path::{Path, PathBuf};

use onedrive_support::{run, run_raw, run_with};
use tenantsim::cli::{Common, run_command, run_file};
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
    let (code, out, err) = run_script(&Common::default(), Path::new("scripts/onedrive-t2t.ps1"));
    assert_eq!(code, 0, "{err}\n{out}");
    assert!(err.is_empty(), "{err}");
    for want in [
        "Step 1: source host https://m365x016651-my.sharepoint.com/, target host https://m365x946316-my.sharepoint.com/",
        "Step 3: GoodToProceed on both tenants after 7 days",
        "Step 5: identity map uploaded; DiegoS maps to Test-Diego@M365x946316.OnMicrosoft.com",
        "Step 5: compatibility status Compatible",
        "Step 7: 7 redirect sites on the source",
        "Step 7: trust removed on both tenants",
    ] {
        assert!(out.lines().any(|l| l == want), "missing {want:?} in\n{out}");
    }
    let table: Vec<&str> = out.lines().skip_while(|l| !l.starts_with("Source ")).collect();
    assert!(table.len() >= 9, "{out}");
    for user in ["DiegoS    Test-Diego", "AlexW     AlexW", "AllanD    AllanD", "GradyA    GradyA"] {
        assert!(table.iter().any(|l| l.starts_with(user) && l.contains(" Success ")), "{user} not in\n{out}");
    }
}

#[test]
fn procedure_is_deterministic_for_a_seed() {
    let common = |seed| Common { seed, ..Common::default() };
    let a = run_script(&common(7), Path::new("scripts/onedrive-t2t.ps1"));
    let b = run_script(&common(7), Path::new("scripts/onedrive-t2t.ps1"));
    let c = run_script(&common(8), Path::new("scripts/onedrive-t2t.ps1"));
    assert_eq!(a, b);
    assert_eq!(a.0, 0);
    assert_ne!(a.1, c.1, "another seed gives other durations");
}

#[test]
fn traps_script_shows_every_trap() {
    let (code, out, err) = run_script(&Common::default(), Path::new("scripts/onedrive-t2t-traps.ps1"));
    assert_eq!(code, 0, "{err}\n{out}");
    for want in [
        "AdeleV: Failed (RULE 19)",
        "MeganB: Failed (RULE 18)",
        "NestorW: Failed (RULE 18)",
        "JohannaL: Failed (RULE 17)",
        "LeeG: Failed (RULE 2)",
        "LidiaH: Failed (RULE 11)",
        "PattiF: Failed (RULE 20)",
        "Ciaran.O'Brien: refused (RULE 16)",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
}

#[test]
fn the_world_is_created_lazily() {
    let (host, _buf) = Host::capture();
    let (code, it) = run_command(&Common::default(), "1", host);
    assert_eq!(code, 0);
    assert!(it.world.is_none(), "a plain command must not build the world");
    let (host, _buf) = Host::capture();
    let (_, it) = run_command(&Common::default(), "Get-Date | Out-Null", host);
    assert!(it.world.is_some());
}

#[test]
fn get_date_reads_and_start_sleep_advances_the_clock() {
    run("(Get-Date).ToUniversalTime().ToString('s')\nStart-Sleep -Seconds 3600\n(Get-TenantSimClock).ToString('s')\nErr { Set-TenantSimClock -Date ([datetime]::new(2020,1,1)) }")
        .line("2026-11-23T09:00:00")
        .line("2026-11-23T10:00:00")
        .line("ERR ClockBackwards,TenantSim.SetTenantSimClock | The clock can only move forward: 2020-01-01T00:00:00Z is earlier than the current time 2026-11-23T10:00:00Z.");
}

#[test]
fn now_option_sets_the_start_time() {
    let common = Common { now: Some("2027-02-01T12:00:00Z".into()), ..Common::default() };
    run_with(&common, "(Get-TenantSimClock).ToString('s')").line("2027-02-01T12:00:00");
}

#[test]
fn tenant_objects_expose_the_public_properties() {
    run("$t = Get-TenantSimTenant -Name M365x016651\n$t.Name; $t.TenantId; $t.InitialDomain; $t.AdminUrl; $t.MySiteHostUrl\n@(Get-TenantSimTenant).Count")
        .line("M365x016651")
        .line("4c6a9b1e-2d3f-4a5b-8c7d-016651016651")
        .line("M365x016651.onmicrosoft.com")
        .line("https://m365x016651-admin.sharepoint.com")
        .line("https://m365x016651-my.sharepoint.com/")
        .line("2")
        .no_errors();
}

#[test]
fn new_tenant_has_a_global_admin_and_new_users_are_licensed() {
    run(r#"
$t = New-TenantSimTenant -Name Northwind
$t.InitialDomain
$u = New-TenantSimUser -Tenant Northwind -UserPrincipalName kim@Northwind.onmicrosoft.com
"$($u.Licenses -join ',') | $($u.OneDriveUrl)"
$g = New-TenantSimUser -Tenant Northwind -UserPrincipalName lee@Northwind.onmicrosoft.com -NoOneDrive -NoMigrationLicense -Mailbox
"$($g.Licenses -join ',') | $($null -eq $g.OneDriveUrl) | $($g.Mailbox)"
(Get-TenantSimUser -Tenant Northwind -UserPrincipalName admin@Northwind.onmicrosoft.com).Roles
Connect-SPOService -Url https://northwind-admin.sharepoint.com
Get-SPOCrossTenantHostUrl
Err { New-TenantSimUser -Tenant Northwind -UserPrincipalName kim@Northwind.onmicrosoft.com }
Err { New-TenantSimTenant -Name Northwind }
"#)
    .line("Northwind.onmicrosoft.com")
    .line("SPE_E5,Cross_tenant_user_data_migration | https://northwind-my.sharepoint.com/personal/kim_northwind_onmicrosoft_com/")
    .line("SPE_E5 | True | True")
    .line("Global Administrator")
    .line("https://northwind-my.sharepoint.com/")
    .line("ERR UserExists,TenantSim.NewTenantSimUser | A user with user principal name 'kim@Northwind.onmicrosoft.com' already exists in tenant 'Northwind'.")
    .line("ERR TenantExists,TenantSim.NewTenantSimTenant | A tenant named 'Northwind' already exists.");
}

#[test]
fn a_brand_new_pair_of_tenants_migrates() {
    run(r#"
New-TenantSimTenant -Name Alpha | Out-Null
New-TenantSimTenant -Name Beta | Out-Null
New-TenantSimUser -Tenant Alpha -UserPrincipalName zoe@Alpha.onmicrosoft.com -OneDriveSizeGB 2 | Out-Null
New-TenantSimUser -Tenant Beta -UserPrincipalName zoe@Beta.onmicrosoft.com -NoOneDrive | Out-Null
$aid = (Get-TenantSimTenant -Name Alpha).TenantId
Connect-SPOService -Url https://beta-admin.sharepoint.com
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl https://alpha-my.sharepoint.com
$path = [System.IO.Path]::GetTempPath() + "tenantsim-ab-$TestRun.csv"
[System.IO.File]::WriteAllLines($path, [string[]]@("User,$aid,zoe@Alpha.onmicrosoft.com,zoe@Beta.onmicrosoft.com,zoe@Beta.onmicrosoft.com,RegularUser"))
Add-SPOTenantIdentityMap -IdentityMapPath $path
[System.IO.File]::Delete($path)
Connect-SPOService -Url https://alpha-admin.sharepoint.com
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl https://beta-my.sharepoint.com
Start-Sleep -Seconds (8 * 86400)
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName zoe@Alpha.onmicrosoft.com -TargetUserPrincipalName zoe@Beta.onmicrosoft.com -TargetCrossTenantHostUrl https://beta-my.sharepoint.com | Out-Null
Start-Sleep -Seconds 7200
(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl https://beta-my.sharepoint.com).MoveState
"#)
    .line("Success")
    .no_errors();
}

#[test]
fn runtime_faults_fail_or_reschedule_a_phase() {
    run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com', 'AlexW@M365x016651.OnMicrosoft.com=>AlexW@M365x946316.OnMicrosoft.com'
Add-TenantSimFault -UserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -Phase Restore -Outcome Failed -Message 'Restore failed: storage unavailable.' | Out-Null
Add-TenantSimFault -UserPrincipalName AlexW@M365x016651.OnMicrosoft.com -Phase Cleanup -Outcome Rescheduled | Out-Null
"faults: " + @(Get-TenantSimFault).Count
$d = Invoke-Move DiegoS@M365x016651.OnMicrosoft.com Test-Diego@M365x946316.OnMicrosoft.com
"diego: $($d.MoveState) | $($d.ErrorMessage)"
# A failed move can be started again; the fault fired once.
"again: " + (Invoke-Move DiegoS@M365x016651.OnMicrosoft.com Test-Diego@M365x946316.OnMicrosoft.com).MoveState
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName AlexW@M365x016651.OnMicrosoft.com -TargetUserPrincipalName AlexW@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH | Out-Null
$states = @()
do { Start-Sleep -Seconds 120; $a = Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -SourceUserPrincipalName AlexW@M365x016651.OnMicrosoft.com; if ($states.Count -eq 0 -or $states[-1] -ne $a.MoveState) { $states += $a.MoveState } } while ($a.MoveState -ne 'Success' -and $a.MoveState -ne 'Failed')
"alex: " + ($states -join ' > ')
"faults left: " + @(Get-TenantSimFault).Count
"#)
    .line("faults: 3")
    .line("diego: Failed | Restore failed: storage unavailable.")
    .line("again: Success")
    .line("alex: Scheduled > ReadytoTrigger > InProgress > Rescheduled > Scheduled > ReadytoTrigger > InProgress > Success")
    .line("faults left: 1")
    .no_errors();
}

#[test]
fn validation_only_checks_without_queueing() {
    run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com', 'AdeleV@M365x016651.OnMicrosoft.com=>AdeleV@M365x946316.OnMicrosoft.com'
$v = Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH -ValidationOnly
"diego: $($v.ValidationState)"
$v = Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName AdeleV@M365x016651.OnMicrosoft.com -TargetUserPrincipalName AdeleV@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH -ValidationOnly
"adele: $($v.ValidationState) | $($v.ErrorMessage)"
"queued: " + @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH).Count
"#)
    .line("diego: Success")
    .line("adele: Failed | The OneDrive https://m365x016651-my.sharepoint.com/personal/adelev_m365x016651_onmicrosoft_com/ is under a hold policy. Remove the hold, migrate, then reapply the hold in the target tenant.")
    .line("queued: 0")
    .no_errors();
}

#[test]
fn concurrency_limit_and_state_filters() {
    run(r#"
Set-TenantSimTenant -Name M365x016651 -Concurrency 2
$pairs = 'DiegoS=>Test-Diego', 'AlexW=>AlexW', 'ChristieC=>ChristieC', 'DebraB=>DebraB', 'IsaiahL=>IsaiahL' | ForEach-Object { $a, $b = $_ -split '=>'; "$a@M365x016651.OnMicrosoft.com=>$b@M365x946316.OnMicrosoft.com" }
Ready $pairs
foreach ($p in $pairs) { $a, $b = $p -split '=>'; Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName $a -TargetUserPrincipalName $b -TargetCrossTenantHostUrl $TH | Out-Null }
$max = 0
do {
    Start-Sleep -Seconds 60
    $running = @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH | Where-Object { $_.MoveState -eq 'InProgress' -or $_.MoveState -eq 'ReadytoTrigger' }).Count
    if ($running -gt $max) { $max = $running }
    $done = @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -MoveState Success).Count
} while ($done -lt 5)
"max running: $max"
"limit 2: " + @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -Limit 2).Count
"in progress: " + @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -MoveState InProgress).Count
"moveout: " + @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -MoveDirection MoveOut).Count
"partner target: " + @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -PartnerRole Target).Count
"#)
    .line("max running: 2")
    .line("limit 2: 2")
    .line("in progress: 0")
    .line("moveout: 5")
    .line("partner target: 5")
    .no_errors();
}

#[test]
fn get_spo_site_parameters() {
    run(r#"
Src
"default: " + @(Get-SPOSite).Count
"personal: " + @(Get-SPOSite -IncludePersonalSite $true -Limit All).Count
"limit 3: " + @(Get-SPOSite -IncludePersonalSite $true -Limit 3).Count
"group: " + ((Get-SPOSite -Template GROUP#0 | ForEach-Object { $_.Url }) -join ',')
"filter: " + (Get-SPOSite -Filter "Url -like 'sites/Contoso'").Url
"owner: " + (Get-SPOSite -IncludePersonalSite $true -Filter { Owner -eq 'DiegoS@M365x016651.OnMicrosoft.com' }).Title
$s = Get-SPOSite -Identity https://m365x016651-my.sharepoint.com/personal/diegos_m365x016651_onmicrosoft_com
"$($s.Owner) $($s.Template) $($s.StorageQuota) $($s.LockState)"
Err { Get-SPOSite -Identity https://m365x016651.sharepoint.com/sites/Nope }
Err { Get-SPOSite -Limit 0 }
"#)
    .line("default: 3")
    .line("personal: 18")
    .line("limit 3: 3")
    .line("group: https://m365x016651.sharepoint.com/teams/Mark8ProjectTeam,https://m365x016651.sharepoint.com/teams/RetailSales")
    .line("filter: https://m365x016651.sharepoint.com/sites/ContosoBrand")
    .line("owner: Diego Siciliani")
    .line("DiegoS@M365x016651.OnMicrosoft.com SPSPERS#10 1048576 Unlock")
    .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.GetSite | Cannot get site https://m365x016651.sharepoint.com/sites/Nope.")
    .line("ERR System.ArgumentException,Microsoft.Online.SharePoint.PowerShell.GetSite | The Limit parameter must be a positive number or All.");
}

#[test]
fn spo_tenant_settings() {
    run("Tgt\nSet-SPOTenant -OneDriveStorageQuota 5242880\n(Get-SPOTenant).OneDriveStorageQuota\nRequest-SPOPersonalSite -UserEmails Test-Diego@M365x946316.OnMicrosoft.com\n(Get-SPOSite -Identity https://m365x946316-my.sharepoint.com/personal/test-diego_m365x946316_onmicrosoft_com/).StorageQuota")
        .line("5242880")
        .line("5242880")
        .no_errors();
}

#[test]
fn checkpoint_and_restore() {
    run(r#"
Checkpoint-TenantSim -Name start
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'
Invoke-Move DiegoS@M365x016651.OnMicrosoft.com Test-Diego@M365x946316.OnMicrosoft.com | Out-Null
"moved: " + @(Get-SPOSite -Template RedirectSite#0).Count
Restore-TenantSim -Name start
"restored: " + @(Get-SPOSite -Template RedirectSite#0).Count + ' ' + (Get-TenantSimClock).ToString('s')
"relationships: " + @(Get-SPOCrossTenantRelationship).Count
Err { Restore-TenantSim -Name nope }
"#)
    .line("moved: 1")
    .line("restored: 0 2026-11-23T09:00:00")
    .line("relationships: 0")
    .line("ERR CheckpointNotFound,TenantSim.RestoreTenantSim | Checkpoint 'nope' was not found.");
}

fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("tenantsim-{name}-{}.json", std::process::id()))
}

#[test]
fn state_file_persists_the_world_between_runs() {
    let state = temp_path("state");
    let _ = std::fs::remove_file(&state);
    let common = Common { state: Some(state.clone()), ..Common::default() };
    run_with(&common, "Trust\nMap 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'\nStart-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH | Out-Null").no_errors();
    assert!(state.exists());
    let dir = state.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    let leftovers = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten().filter(|e| e.file_name().to_string_lossy().contains(".tmp") && e.file_name().to_string_lossy().contains("tenantsim-state")).count()
        })
        .unwrap_or(0);
    assert_eq!(leftovers, 0, "the temporary file was renamed into place");
    // A new process: the connection is gone, the world (clock, trust, queued move) is not.
    run_with(
        &common,
        "Src\n(Get-TenantSimClock).ToString('s')\nStart-Sleep -Seconds 7200\n(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH).MoveState",
    )
    .line("2026-11-30T09:01:00")
    .line("Success")
    .no_errors();
    run_with(&common, "Src\n(Get-SPOSite -Template RedirectSite#0).Url")
        .line("https://m365x016651-my.sharepoint.com/personal/diegos_m365x016651_onmicrosoft_com/");
    let _ = std::fs::remove_file(&state);
}

#[test]
fn scenario_files_load_and_the_sample_is_valid() {
    let common = Common { scenario: Some(PathBuf::from("scripts/scenario-sample.json")), ..Common::default() };
    run_raw(&common, r#"
(Get-TenantSimTenant).Name -join ','
(Get-TenantSimClock).ToString('s')
@(Get-TenantSimUser -Tenant ContosoSrc).Count
Connect-SPOService -Url https://contososrc-admin.sharepoint.com
Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl https://fabrikamdst-my.sharepoint.com/
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName ana@ContosoSrc.onmicrosoft.com -TargetUserPrincipalName ana.bowman@FabrikamDst.onmicrosoft.com -TargetCrossTenantHostUrl https://fabrikamdst-my.sharepoint.com/ | Out-Null
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName ben@ContosoSrc.onmicrosoft.com -TargetUserPrincipalName ben.walters@FabrikamDst.onmicrosoft.com -TargetCrossTenantHostUrl https://fabrikamdst-my.sharepoint.com/ | Out-Null
Start-Sleep -Seconds 7200
Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl https://fabrikamdst-my.sharepoint.com/ | ForEach-Object { "$($_.SourceUserPrincipalName) $($_.MoveState) $($_.ErrorMessage)" }
"#)
    .line("ContosoSrc,FabrikamDst")
    .line("2027-01-11T08:00:00")
    .line("31")
    .line("GoodToProceed")
    .line("ana@ContosoSrc.onmicrosoft.com Success")
    .line("ben@ContosoSrc.onmicrosoft.com Failed Restore failed: the target storage account is unavailable.")
    .no_errors();
}

#[test]
fn a_broken_scenario_is_reported() {
    let bad = temp_path("bad-scenario");
    std::fs::write(&bad, r#"{"tenants":[{"name":"A","colour":"blue"}]}"#).expect("write");
    let common = Common { scenario: Some(bad.clone()), ..Common::default() };
    let o = run_raw(&common, "@(Get-TenantSimTenant).Count");
    assert!(o.err.contains("tenantsim:") && o.err.contains("unknown field `colour`"), "{}", o.err);
    o.line("0");
    let _ = std::fs::remove_file(&bad);
}

#[test]
fn simctl_examples_run_cleanly() {
    // Every TenantSim cmdlet declares examples; each must run without error.
    let text = include_str!("../src/cmdlets/signatures/simctl.jsonl");
    let mut n = 0;
    for line in text.lines() {
        let j: serde_json::Value = serde_json::from_str(line).expect("valid jsonl");
        let name = j["name"].as_str().unwrap_or_default().to_string();
        let examples = j["examples"].as_array().cloned().unwrap_or_default();
        assert!(!examples.is_empty(), "{name} has no example");
        for ex in examples {
            let ex = ex.as_str().unwrap_or_default();
            let o = run_raw(&Common::default(), ex);
            assert!(o.err.is_empty() && o.code == 0, "{name}: {ex}\n{}", o.err);
            n += 1;
        }
    }
    assert!(n >= 17);
}

#[test]
fn notifications_and_relationship_listing() {
    run(r#"
Trust
Src
Get-SPOCrossTenantRelationshipByPartner -PartnerCrossTenantHostUrl $TH | ForEach-Object { $_.PartnerRole }
@(Get-SPOCrossTenantRelationshipByScenario -Scenario MnA -PartnerRole Source).Count
@(Get-TenantSimNotification).Count
"#)
    .line("Target")
    .line("0")
    .line("2")
    .no_errors();
}

#[test]
fn identity_mapping_user_and_group_cmdlets() {
    run(r#"
Tgt
Add-SPOTenantIdentityMappingUser -SourceTenantCompanyId $SID -SourceUserKey a@M365x016651.OnMicrosoft.com -TargetUserUpn AlexW@M365x946316.OnMicrosoft.com -TargetUserEmail AlexW@M365x946316.OnMicrosoft.com -UserType RegularUser
$m = Get-SPOTenantIdentityMappingUser -Field TargetUserUpn -Value AlexW@M365x946316.OnMicrosoft.com
"$($m.SourceUserKey) $($m.UserType) $($m.TargetUserPuid.Length)"
Err { Add-SPOTenantIdentityMappingUser -SourceTenantCompanyId $SID -SourceUserKey b@M365x016651.OnMicrosoft.com -TargetUserUpn AlexW@M365x946316.OnMicrosoft.com -TargetUserEmail AlexW@M365x946316.OnMicrosoft.com -UserType RegularUser }
Remove-SPOTenantIdentityMappingUser -Field SourceUserKey -Value a@M365x016651.OnMicrosoft.com
"after remove: " + @(Get-SPOTenantIdentityMappingUser -Field TargetUserUpn -Value AlexW@M365x946316.OnMicrosoft.com).Count
Add-SPOTenantIdentityMappingGroup -SourceTenantCompanyId $SID -SourceGroupObjectId 11111111-0000-4000-8000-000000000001 -TargetGroupObjectId 22222222-0000-4000-8000-000000000002 -TargetGroupName Falcon -GroupType O365Group
(Get-SPOTenantIdentityMappingGroup -Field TargetGroupName -Value Falcon).GroupType
"#)
    .line("a@M365x016651.OnMicrosoft.com RegularUser 16")
    .has("ERR System.ArgumentException,Microsoft.Online.SharePoint.PowerShell.AddTenantIdentityMappingUser | The identity mapping can't be added: the target user 'AlexW@M365x946316.OnMicrosoft.com' is already the target of 'a@M365x016651.OnMicrosoft.com'")
    .line("after remove: 0")
    .line("O365Group");
}

#[test]
fn every_spo_cmdlet_of_the_reference_is_declared_and_implemented() {
    let mut n = 0;
    for file in [include_str!("../src/cmdlets/signatures/reference.jsonl"), include_str!("../src/cmdlets/signatures/spo_overrides.jsonl")] {
        for line in file.lines() {
            let j: serde_json::Value = serde_json::from_str(line).expect("valid jsonl");
            if j["module"] != "Microsoft.Online.SharePoint.PowerShell" {
                continue;
            }
            let name = j["name"].as_str().unwrap_or_default();
            assert!(tenantsim::cmdlets::declared(name).is_some(), "{name} does not load");
            assert!(tenantsim::cmdlets::implementation(name).is_some(), "{name} has no implementation");
            n += 1;
        }
    }
    assert!(n >= 33);
}
