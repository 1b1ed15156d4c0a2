//! One test per consolidated rule of the cross-tenant OneDrive migration
//! (`reference/onedrive-t2t.md`, "Consolidated RULES"): each proves the failure and its
//! message, and where useful that fixing the cause makes the move succeed.

mod onedrive_support;

use onedrive_support::run;

#[test]
fn rule01_government_clouds_are_not_supported() {
    run(r#"
Set-TenantSimTenant -Name M365x016651 -Cloud GCC
Src
Err { Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH }
Tgt
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SH
Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SH
"#)
    .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.SetCrossTenantRelationship | The Cross-Tenant content move feature is not enabled for this tenant.")
    .line("CouldNotContactPartner");
}

#[test]
fn rule02_migration_license_on_source_or_target() {
    let o = run(r#"
Ready 'LeeG@M365x016651.OnMicrosoft.com=>LeeG@M365x946316.OnMicrosoft.com', 'AlexW@M365x016651.OnMicrosoft.com=>AlexW@M365x946316.OnMicrosoft.com'
$s = Invoke-Move 'LeeG@M365x016651.OnMicrosoft.com' 'LeeG@M365x946316.OnMicrosoft.com'
"LeeG: $($s.MoveState) | $($s.ErrorMessage)"
# The licence may be on the target user instead: AlexW loses it in the source, gains it in the target.
Set-TenantSimUser -Tenant M365x016651 -UserPrincipalName AlexW@M365x016651.OnMicrosoft.com -License SPE_E5
Set-TenantSimUser -Tenant M365x946316 -UserPrincipalName AlexW@M365x946316.OnMicrosoft.com -License SPE_E5, Cross_tenant_user_data_migration
$s = Invoke-Move 'AlexW@M365x016651.OnMicrosoft.com' 'AlexW@M365x946316.OnMicrosoft.com'
"AlexW: $($s.MoveState)"
"#);
    o.line("LeeG: Failed | Neither LeeG@M365x016651.OnMicrosoft.com nor LeeG@M365x946316.OnMicrosoft.com has a Cross Tenant User Data Migration license. Assign the license to the source or the target user.")
        .line("AlexW: Success")
        .no_errors();
}

#[test]
fn rule03_customer_key_on_the_source_fails_the_move() {
    run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'
Set-TenantSimTenant -Name M365x016651 -CustomerKey $true
$s = Invoke-Move 'DiegoS@M365x016651.OnMicrosoft.com' 'Test-Diego@M365x946316.OnMicrosoft.com'
"$($s.MoveState) | $($s.ErrorMessage)"
"#)
    .line("Failed | The source tenant uses Service Encryption with Microsoft Purview Customer Key; cross-tenant migration is not supported for it.")
    .no_errors();
}

#[test]
fn rule04_sharepoint_or_global_admin_and_source_side_only() {
    let o = run(r#"
$diego = New-Object System.Management.Automation.PSCredential 'DiegoS@M365x016651.OnMicrosoft.com', (ConvertTo-SecureString 'x' -AsPlainText -Force)
Err { Connect-SPOService -Url $SourceAdminUrl -Credential $diego }
Err { Connect-SPOService -Url $SourceAdminUrl -Credential nobody@M365x016651.OnMicrosoft.com }
Connect-SPOService -Url $SourceAdminUrl -Credential SPAdmin@M365x016651.OnMicrosoft.com
"spadmin: $(Get-SPOCrossTenantHostUrl)"
# The role taken away during the session: the next cmdlet is refused.
Set-TenantSimUser -Tenant M365x016651 -UserPrincipalName SPAdmin@M365x016651.OnMicrosoft.com -Role @()
Err { Get-SPOCrossTenantHostUrl }
# Moves start in the source tenant only.
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'
Tgt
Err { Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $SH }
"#);
    o.line("ERR Microsoft.SharePoint.Client.ServerUnauthorizedAccessException,Microsoft.Online.SharePoint.PowerShell.ConnectSPOService | Access denied. You do not have permission to perform this action or access this resource.")
        .line("ERR Microsoft.SharePoint.Client.IdcrlException,Microsoft.Online.SharePoint.PowerShell.ConnectSPOService | The sign-in name or password does not match one in the Microsoft account system.")
        .line("spadmin: https://m365x016651-my.sharepoint.com/")
        .line("ERR Microsoft.SharePoint.Client.ServerUnauthorizedAccessException,Microsoft.Online.SharePoint.PowerShell.GetCrossTenantHostUrl | Access denied. You do not have permission to perform this action or access this resource.")
        .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.StartCrossTenantUserContentMove | This tenant has no cross-tenant relationship with 'https://m365x016651-my.sharepoint.com/' as a target. Start-/Stop- cross-tenant moves must be run in the source tenant after Set-SPOCrossTenantRelationship -PartnerRole Target.");
}

#[test]
fn rule05_trust_must_be_set_on_both_sides_with_the_right_roles() {
    run(r#"
Src
Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH
"after source: " + (Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH)
Start-Sleep -Seconds (30 * 86400)
Err { Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH }
# The target sets the wrong role (Target instead of Source): still not established by the partner.
Tgt
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $SH
Src
"wrong role: " + (Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH)
"#)
    .line("NotEstablished")
    .line("after source: NotEstablishedByPartner")
    .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.StartCrossTenantUserContentMove | The cross-tenant relationship with 'https://m365x946316-my.sharepoint.com/' is not ready: NotEstablishedByPartner. Run Verify-SPOCrossTenantRelationship on both tenants and continue only when it returns GoodToProceed.")
    .line("wrong role: NotEstablishedByPartner");
}

#[test]
fn rule06_trust_request_emails_the_partner_admins() {
    run(r#"
Src
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH
$n = Get-TenantSimNotification -Tenant M365x946316
$n.Subject
$n.To -join ','
"#)
    .line("SPO Tenant [https://m365x016651-my.sharepoint.com/] [setuporupdate] Organization Relation [Scenario=MnA, Role=Source] with us")
    .line("admin@M365x946316.onmicrosoft.com,SPAdmin@M365x946316.OnMicrosoft.com")
    .no_errors();
}

#[test]
fn rule07_verify_results_and_good_to_proceed_on_both_sides() {
    run(r#"
Src
"unknown partner: " + (Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl https://nowhere-my.sharepoint.com)
Trust
"source: " + (Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH)
Tgt
"target: " + (Test-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SH)
"#)
    .line("unknown partner: CouldNotContactPartner")
    .line("source: GoodToProceed")
    .line("target: GoodToProceed")
    .no_errors();
}

#[test]
fn rule08_partner_request_is_dormant_for_seven_days() {
    run(r#"
Tgt; Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SH
Src; Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH
"day 0: " + (Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH)
Start-Sleep -Seconds (6 * 86400 + 23 * 3600)
"day 6: " + (Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH)
Err { Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH }
Start-Sleep -Seconds 3600
"day 7: " + (Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH)
"#)
    .line("day 0: DormantByPartner")
    .line("day 6: DormantByPartner")
    .has("is not ready: DormantByPartner.")
    .line("day 7: GoodToProceed");
}

#[test]
fn rule10_target_user_must_be_precreated_with_a_onedrive_license() {
    run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Diego.New@M365x946316.OnMicrosoft.com', 'AlexW@M365x016651.OnMicrosoft.com=>AlexW@M365x946316.OnMicrosoft.com'
$s = Invoke-Move 'DiegoS@M365x016651.OnMicrosoft.com' 'Diego.New@M365x946316.OnMicrosoft.com'
"missing: $($s.ErrorMessage)"
Set-TenantSimUser -Tenant M365x946316 -UserPrincipalName AlexW@M365x946316.OnMicrosoft.com -License EXCHANGESTANDARD
$s = Invoke-Move 'AlexW@M365x016651.OnMicrosoft.com' 'AlexW@M365x946316.OnMicrosoft.com'
"unlicensed: $($s.ErrorMessage)"
"#)
    .line("missing: The target user Diego.New@M365x946316.OnMicrosoft.com was not found in the target tenant. Pre-create and license the target user before migrating.")
    .line("unlicensed: The target user AlexW@M365x946316.OnMicrosoft.com does not have a license that includes OneDrive.")
    .no_errors();
}

#[test]
fn rule11_target_onedrive_must_not_exist() {
    run(r#"
Ready 'LidiaH@M365x016651.OnMicrosoft.com=>LidiaH@M365x946316.OnMicrosoft.com', 'AlexW@M365x016651.OnMicrosoft.com=>AlexW@M365x946316.OnMicrosoft.com'
$s = Invoke-Move 'LidiaH@M365x016651.OnMicrosoft.com' 'LidiaH@M365x946316.OnMicrosoft.com'
"lidia: $($s.ErrorMessage)"
# Pre-provisioning the target OneDrive (Request-SPOPersonalSite) causes the same failure.
Tgt; Request-SPOPersonalSite -UserEmails AlexW@M365x946316.OnMicrosoft.com; Src
$s = Invoke-Move 'AlexW@M365x016651.OnMicrosoft.com' 'AlexW@M365x946316.OnMicrosoft.com'
"alex: $($s.MoveState)"
"#)
    .line("lidia: A OneDrive already exists for LidiaH@M365x946316.OnMicrosoft.com at https://m365x946316-my.sharepoint.com/personal/lidiah_m365x946316_onmicrosoft_com/. The target OneDrive must not exist before the migration; it cannot be overwritten or merged.")
    .line("alex: Failed")
    .no_errors();
}

#[test]
fn rule12_identity_map_csv_format() {
    let o = run(r#"
$path = [System.IO.Path]::GetTempPath() + "tenantsim-rule12-$TestRun.csv"
[System.IO.File]::WriteAllLines($path, [string[]]@(
    'Type,SourceTenantCompanyID,SourceUserUpn,TargetUserUpn,TargetUserEmail,UserType',
    "User,$SID,DiegoS@M365x016651.OnMicrosoft.com,Test-Diego@M365x946316.OnMicrosoft.com",
    "User,$SID,AlexW@M365x016651.OnMicrosoft.com,AlexW@M365x946316.OnMicrosoft.com,AlexW@M365x946316.OnMicrosoft.com,Member",
    "Person,$SID,a@b.c,d@e.f,d@e.f,RegularUser",
    "Group,$SID,not-a-guid,1b2c3d4e-0000-4000-8000-000000000001,1b2c3d4e-0000-4000-8000-000000000001,RegularGroup",
    "User,$SID,ChristieC@M365x016651.OnMicrosoft.com,ChristieC@M365x946316.OnMicrosoft.com,ChristieC@M365x946316.OnMicrosoft.com,RegularUser"))
Tgt
Add-SPOTenantIdentityMap -IdentityMapPath $path 2>&1 | ForEach-Object { "E: $_" }
"kept: " + ((Get-SPOTenantIdentityMappingUser -Field SourceUserKey -Value ChristieC@M365x016651.OnMicrosoft.com).TargetUserUpn)
"diego: " + @(Get-SPOTenantIdentityMappingUser -Field SourceUserKey -Value DiegoS@M365x016651.OnMicrosoft.com).Count
[System.IO.File]::Delete($path)
"#);
    o.line("E: Line 1 can't be added: column 2 must be the source tenant ID (a GUID), not 'SourceTenantCompanyID' (the file must not have a header row). Check the format: Type,SourceTenantCompanyID,SourceUserUpn,TargetUserUpn,TargetUserEmail,UserType")
        .has("E: Line 2 can't be added: a line must have exactly 6 columns, this one has 4.")
        .has("E: Line 3 can't be added: column 6 (UserType) must be one of RegularUser, AdminUser, GuestUser, not 'Member'.")
        .has("E: Line 4 can't be added: column 1 must be User or Group, not 'Person'.")
        .has("E: Line 5 can't be added: column 3 (SourceGroupObjectID) must be a group object ID (GUID), not 'not-a-guid'.")
        .line("kept: ChristieC@M365x946316.OnMicrosoft.com")
        .line("diego: 0");
}

#[test]
fn rule13_identity_map_is_one_to_one() {
    run(r#"
$path = [System.IO.Path]::GetTempPath() + "tenantsim-rule13-$TestRun.csv"
[System.IO.File]::WriteAllLines($path, [string[]]@(
    "User,$SID,admin@M365x016651.onmicrosoft.com,AlexW@M365x946316.OnMicrosoft.com,AlexW@M365x946316.OnMicrosoft.com,AdminUser",
    "User,$SID,admin@M365x016651.onmicrosoft.com,DebraB@M365x946316.OnMicrosoft.com,DebraB@M365x946316.OnMicrosoft.com,AdminUser",
    "User,$SID,IsaiahL@M365x016651.OnMicrosoft.com,AlexW@M365x946316.OnMicrosoft.com,AlexW@M365x946316.OnMicrosoft.com,RegularUser"))
Tgt
Add-SPOTenantIdentityMap -IdentityMapPath $path 2>&1 | ForEach-Object { "E: $_" }
[System.IO.File]::Delete($path)
"#)
    .has("E: Line 2 can't be added: the source user 'admin@M365x016651.onmicrosoft.com' is already mapped to 'AlexW@M365x946316.OnMicrosoft.com'; the identity map is strictly one-to-one.")
    .has("E: Line 3 can't be added: the target user 'AlexW@M365x946316.OnMicrosoft.com' is already the target of 'admin@M365x016651.onmicrosoft.com'; the identity map is strictly one-to-one.");
}

#[test]
fn rule14_each_upload_replaces_the_map_and_locked_files_fail() {
    run(r#"
Map 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'
Map 'AlexW@M365x016651.OnMicrosoft.com=>AlexW@M365x946316.OnMicrosoft.com'
Tgt
"diego after second upload: " + @(Get-SPOTenantIdentityMappingUser -Field SourceUserKey -Value DiegoS@M365x016651.OnMicrosoft.com).Count
"alex: " + (Get-SPOTenantIdentityMappingUser -Field SourceUserKey -Value AlexW@M365x016651.OnMicrosoft.com).TargetUserUpn
$path = [System.IO.Path]::GetTempPath() + "tenantsim-rule14-$TestRun.csv"
[System.IO.File]::WriteAllLines($path, [string[]]@("User,$SID,AlexW@M365x016651.OnMicrosoft.com,AlexW@M365x946316.OnMicrosoft.com,AlexW@M365x946316.OnMicrosoft.com,RegularUser"))
Lock-TenantSimFile -Path $path
Err { Add-SPOTenantIdentityMap -IdentityMapPath $path }
Unlock-TenantSimFile -Path $path
Err { Add-SPOTenantIdentityMap -IdentityMapPath $path }
[System.IO.File]::Delete($path)
"#)
    .line("diego after second upload: 0")
    .line("alex: AlexW@M365x946316.OnMicrosoft.com")
    .has("ERR System.IO.IOException,Microsoft.Online.SharePoint.PowerShell.AddTenantIdentityMap | The process cannot access the file '")
    .has(".csv' because it is being used by another process.")
    .line("no error");
}

#[test]
fn rule15_source_user_must_be_in_the_identity_map() {
    run(r#"
Ready 'AlexW@M365x016651.OnMicrosoft.com=>AlexW@M365x946316.OnMicrosoft.com'
$s = Invoke-Move 'DiegoS@M365x016651.OnMicrosoft.com' 'Test-Diego@M365x946316.OnMicrosoft.com'
"$($s.MoveState) | $($s.ErrorMessage)"
"#)
    .line("Failed | The source user DiegoS@M365x016651.OnMicrosoft.com is not in the identity map of the target tenant. Add it to the CSV and upload it again with Add-SPOTenantIdentityMap.")
    .no_errors();
}

#[test]
fn rule16_apostrophe_is_an_invalid_character() {
    run(r#"
Ready "Ciaran.O'Brien@M365x016651.OnMicrosoft.com=>CiaranO@M365x946316.OnMicrosoft.com"
Err { Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName "Ciaran.O'Brien@M365x016651.OnMicrosoft.com" -TargetUserPrincipalName CiaranO@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH }
"#)
    .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.StartCrossTenantUserContentMove | The user name or URL 'Ciaran.O'Brien@M365x016651.OnMicrosoft.com' contains an invalid character (').");
}

#[test]
fn rule17_target_url_plus_path_within_400_characters() {
    run(r#"
New-TenantSimUser -Tenant M365x946316 -UserPrincipalName JL@M365x946316.OnMicrosoft.com -NoOneDrive -License SPE_E5 | Out-Null
Ready 'JohannaL@M365x016651.OnMicrosoft.com=>Johanna.Lorenz@M365x946316.OnMicrosoft.com'
$s = Invoke-Move 'JohannaL@M365x016651.OnMicrosoft.com' 'Johanna.Lorenz@M365x946316.OnMicrosoft.com'
"long: $($s.ErrorMessage)"
# A shorter target URL keeps every path within the limit.
Map 'JohannaL@M365x016651.OnMicrosoft.com=>JL@M365x946316.OnMicrosoft.com'
$s = Invoke-Move 'JohannaL@M365x016651.OnMicrosoft.com' 'JL@M365x946316.OnMicrosoft.com'
"short: $($s.MoveState)"
"#)
    .line("long: Some items would exceed the 400-character path limit in the target: https://m365x946316-my.sharepoint.com/personal/johanna_lorenz_m365x946316_onmicrosoft_com (89 characters) + the longest relative path (316 characters) = 406 characters. Shorten the folder structure or use a shorter target URL.")
    .line("short: Success")
    .no_errors();
}

#[test]
fn rule18_size_and_item_limits() {
    run(r#"
Ready 'MeganB@M365x016651.OnMicrosoft.com=>MeganB@M365x946316.OnMicrosoft.com', 'NestorW@M365x016651.OnMicrosoft.com=>NestorW@M365x946316.OnMicrosoft.com'
$s = Invoke-Move 'MeganB@M365x016651.OnMicrosoft.com' 'MeganB@M365x946316.OnMicrosoft.com'
"megan: $($s.ErrorMessage)"
$s = Invoke-Move 'NestorW@M365x016651.OnMicrosoft.com' 'NestorW@M365x946316.OnMicrosoft.com'
"nestor: $($s.ErrorMessage)"
# The limit is configurable (the 2025 overview says 5 TB).
Set-TenantSimTenant -Name M365x016651 -MaxOneDriveSizeGB 5120
$s = Invoke-Move 'MeganB@M365x016651.OnMicrosoft.com' 'MeganB@M365x946316.OnMicrosoft.com'
"megan with 5 TB: $($s.MoveState)"
"#)
    .line("megan: The OneDrive https://m365x016651-my.sharepoint.com/personal/meganb_m365x016651_onmicrosoft_com/ uses 2.30 TB, above the 2.00 TB limit of a cross-tenant move.")
    .line("nestor: The OneDrive https://m365x016651-my.sharepoint.com/personal/nestorw_m365x016651_onmicrosoft_com/ has 1184000 items, above the limit of 1000000 items (files including versions, folders and list items).")
    .line("megan with 5 TB: Success")
    .no_errors();
}

#[test]
fn rule19_onedrives_under_hold_are_blocked() {
    run(r#"
Ready 'AdeleV@M365x016651.OnMicrosoft.com=>AdeleV@M365x946316.OnMicrosoft.com'
$s = Invoke-Move 'AdeleV@M365x016651.OnMicrosoft.com' 'AdeleV@M365x946316.OnMicrosoft.com'
"hold: $($s.ErrorMessage)"
Set-TenantSimUser -Tenant M365x016651 -UserPrincipalName AdeleV@M365x016651.OnMicrosoft.com -Hold $false
$s = Invoke-Move 'AdeleV@M365x016651.OnMicrosoft.com' 'AdeleV@M365x946316.OnMicrosoft.com'
"released: $($s.MoveState)"
"#)
    .line("hold: The OneDrive https://m365x016651-my.sharepoint.com/personal/adelev_m365x016651_onmicrosoft_com/ is under a hold policy. Remove the hold, migrate, then reapply the hold in the target tenant.")
    .line("released: Success")
    .no_errors();
}

#[test]
fn rule20_source_must_be_read_write_and_is_read_only_during_the_move() {
    run(r#"
Ready 'PattiF@M365x016651.OnMicrosoft.com=>PattiF@M365x946316.OnMicrosoft.com', 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'
$s = Invoke-Move 'PattiF@M365x016651.OnMicrosoft.com' 'PattiF@M365x946316.OnMicrosoft.com'
"patti: $($s.ErrorMessage)"
$url = 'https://m365x016651-my.sharepoint.com/personal/diegos_m365x016651_onmicrosoft_com/'
"before: " + (Get-SPOSite -Identity $url).LockState
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH | Out-Null
Start-Sleep -Seconds 600
"during: " + (Get-SPOSite -Identity $url).LockState
"#)
    .line("patti: The source OneDrive https://m365x016651-my.sharepoint.com/personal/pattif_m365x016651_onmicrosoft_com/ is locked (ReadOnly); it must be read/write before the move.")
    .line("before: Unlock")
    .line("during: ReadOnly")
    .no_errors();
}

#[test]
fn rule21_compatibility_status() {
    run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com', 'AlexW@M365x016651.OnMicrosoft.com=>AlexW@M365x946316.OnMicrosoft.com'
Set-TenantSimTenant -Name M365x946316 -CompatibilityStatus Warning
"warning: " + (Get-SPOCrossTenantCompatibilityStatus -PartnerCrossTenantHostUrl $TH)
"alex: " + (Invoke-Move 'AlexW@M365x016651.OnMicrosoft.com' 'AlexW@M365x946316.OnMicrosoft.com').MoveState
Set-TenantSimTenant -Name M365x946316 -CompatibilityStatus Incompatible
"incompatible: " + (Get-SPOCrossTenantCompatibilityStatus -PartnerCrossTenantHostUrl $TH)
$s = Invoke-Move 'DiegoS@M365x016651.OnMicrosoft.com' 'Test-Diego@M365x946316.OnMicrosoft.com'
"diego: $($s.ErrorMessage)"
"#)
    .line("warning: Warning")
    .line("alex: Success")
    .line("incompatible: Incompatible")
    .line("diego: The source and target tenants are Incompatible (Get-SPOCrossTenantCompatibilityStatus). Wait 48 hours for both tenants to be updated, then contact support.")
    .no_errors();
}

#[test]
fn rule22_queue_limit() {
    run(r#"
Set-TenantSimTenant -Name M365x016651 -QueueLimit 2
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com', 'AlexW@M365x016651.OnMicrosoft.com=>AlexW@M365x946316.OnMicrosoft.com', 'DebraB@M365x016651.OnMicrosoft.com=>DebraB@M365x946316.OnMicrosoft.com'
$later = (Get-Date).AddDays(3)
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH -PreferredMoveBeginDate $later | Out-Null
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName AlexW@M365x016651.OnMicrosoft.com -TargetUserPrincipalName AlexW@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH -PreferredMoveBeginDate $later | Out-Null
Err { Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DebraB@M365x016651.OnMicrosoft.com -TargetUserPrincipalName DebraB@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH }
# A stopped move frees its place in the queue.
Stop-SPOCrossTenantUserContentMove -SourceUserPrincipalName AlexW@M365x016651.OnMicrosoft.com
Err { Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DebraB@M365x016651.OnMicrosoft.com -TargetUserPrincipalName DebraB@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH }
"#)
    .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.StartCrossTenantUserContentMove | The move queue of this tenant is full: at most 2 moves can be scheduled at a time. Wait until the current batch is close to completion, then schedule the next batch.")
    .line("no error");
}

#[test]
fn rule23_preferred_dates_are_utc_and_the_end_follows_the_beginning() {
    run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'
$begin = [datetime]::new(2026, 12, 5, 22, 0, 0)
Err { Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH -PreferredMoveBeginDate $begin -PreferredMoveEndDate $begin.AddHours(-1) }
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH -PreferredMoveBeginDate $begin -PreferredMoveEndDate $begin.AddHours(6) | Out-Null
Set-TenantSimClock -Date $begin.AddMinutes(-1)
"before: " + (Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com).MoveState
Set-TenantSimClock -Date $begin.AddMinutes(1)
"at begin: " + (Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com).MoveState
"#)
    .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.StartCrossTenantUserContentMove | PreferredMoveEndDate (2026-12-05T21:00:00Z) must be later than PreferredMoveBeginDate (2026-12-05T22:00:00Z).")
    .line("before: Scheduled")
    .line("at begin: ReadytoTrigger");
}

#[test]
fn rule24_moves_walk_the_documented_states() {
    let o = run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH | ForEach-Object { "start: " + $_.MoveState }
$seen = @()
for ($i = 0; $i -lt 100; $i++) {
    $s = Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com
    if ($seen.Count -eq 0 -or $seen[-1] -ne $s.MoveState) { $seen += $s.MoveState }
    if ($s.MoveState -eq 'Success') { break }
    Start-Sleep -Seconds 30
}
"seen: " + ($seen -join ' > ')
Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -Verbose 4>&1 | ForEach-Object { "$_" } | Where-Object { $_ -match '^\s+2026' } | ForEach-Object { "v:" + ($_ -replace '^\s*\S+\s+', '') }
"#);
    o.line("start: NotStarted")
        .line("seen: NotStarted > Scheduled > ReadytoTrigger > InProgress > Success")
        .line("v:NotStarted")
        .line("v:Scheduled")
        .line("v:ReadytoTrigger")
        .line("v:InProgress / Validation")
        .line("v:InProgress / Backup")
        .line("v:InProgress / Restore")
        .line("v:InProgress / Cleanup")
        .line("v:Success");
}

#[test]
fn rule25_stop_only_in_allowed_states() {
    run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com', 'GradyA@M365x016651.OnMicrosoft.com=>GradyA@M365x946316.OnMicrosoft.com', 'AlexW@M365x016651.OnMicrosoft.com=>AlexW@M365x946316.OnMicrosoft.com'
$later = (Get-Date).AddDays(1)
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName AlexW@M365x016651.OnMicrosoft.com -TargetUserPrincipalName AlexW@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH -PreferredMoveBeginDate $later | Out-Null
Start-Sleep -Seconds 120
Stop-SPOCrossTenantUserContentMove -SourceUserPrincipalName AlexW@M365x016651.OnMicrosoft.com
"alex: " + (Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -SourceUserPrincipalName AlexW@M365x016651.OnMicrosoft.com).MoveState
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH | Out-Null
Start-Sleep -Seconds 600
Err { Stop-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com }
Wait-Move DiegoS@M365x016651.OnMicrosoft.com | Out-Null
Err { Stop-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com }
# GradyA has a declared fault: Rescheduled after Backup.
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName GradyA@M365x016651.OnMicrosoft.com -TargetUserPrincipalName GradyA@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH | Out-Null
do { Start-Sleep -Seconds 60; $g = Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH -SourceUserPrincipalName GradyA@M365x016651.OnMicrosoft.com } while ($g.MoveState -ne 'Rescheduled')
"grady: $($g.MoveState) | $($g.ErrorMessage)"
Err { Stop-SPOCrossTenantUserContentMove -SourceUserPrincipalName GradyA@M365x016651.OnMicrosoft.com }
"grady at the end: " + (Wait-Move GradyA@M365x016651.OnMicrosoft.com).MoveState
"#)
    .line("alex: Stopped")
    .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.StopCrossTenantUserContentMove | The move for 'DiegoS@M365x016651.OnMicrosoft.com' cannot be stopped because its state is InProgress.")
    .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.StopCrossTenantUserContentMove | The move for 'DiegoS@M365x016651.OnMicrosoft.com' cannot be stopped because its state is Success.")
    .line("grady: Rescheduled | The service is busy (throttled); the move has been requeued for another pass.")
    .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.StopCrossTenantUserContentMove | The move for 'GradyA@M365x016651.OnMicrosoft.com' cannot be stopped because its state is Rescheduled.")
    .line("grady at the end: Success");
}

#[test]
fn rule25_sharepoint_site_moves_may_be_stopped_when_rescheduled() {
    run(r#"
Trust
Tgt; Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SH; Src
Add-TenantSimFault -UserPrincipalName https://m365x016651.sharepoint.com/sites/ContosoBrand -Phase Validation -Outcome Rescheduled | Out-Null
Start-SPOCrossTenantSiteContentMove -SourceSiteUrl https://m365x016651.sharepoint.com/sites/ContosoBrand -TargetSiteUrl https://m365x946316.sharepoint.com/sites/ContosoBrand -TargetCrossTenantHostUrl $TH | Out-Null
do { Start-Sleep -Seconds 60; $m = Get-SPOCrossTenantSiteContentMoveState -PartnerCrossTenantHostUrl $TH -SourceSiteUrl https://m365x016651.sharepoint.com/sites/ContosoBrand } while ($m.MoveState -ne 'Rescheduled')
Stop-SPOCrossTenantSiteContentMove -SourceSiteUrl https://m365x016651.sharepoint.com/sites/ContosoBrand
"site: " + (Get-SPOCrossTenantSiteContentMoveState -PartnerCrossTenantHostUrl $TH -SourceSiteUrl https://m365x016651.sharepoint.com/sites/ContosoBrand).MoveState
"#)
    .line("site: Stopped")
    .no_errors();
}

#[test]
fn rule26_status_from_either_side() {
    run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'
Invoke-Move 'DiegoS@M365x016651.OnMicrosoft.com' 'Test-Diego@M365x946316.OnMicrosoft.com' | Out-Null
$s = Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH
"source: $($s.MoveState) $($s.MoveDirection)"
Tgt
$t = Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $SH -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com
"target: $($t.MoveState) $($t.MoveDirection) $($t.MoveJobId -eq $s.MoveJobId)"
"moveout from target: " + @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $SH -MoveDirection MoveOut).Count
"#)
    .line("source: Success MoveOut")
    .line("target: Success MoveIn True")
    .line("moveout from target: 0")
    .no_errors();
}

#[test]
fn rule27_moves_are_one_and_done() {
    run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'
Invoke-Move 'DiegoS@M365x016651.OnMicrosoft.com' 'Test-Diego@M365x946316.OnMicrosoft.com' | Out-Null
Err { Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl $TH }
"#)
    .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.StartCrossTenantUserContentMove | The content of 'DiegoS@M365x016651.OnMicrosoft.com' was already moved to 'https://m365x946316-my.sharepoint.com/personal/test-diego_m365x946316_onmicrosoft_com/'. Cross-tenant moves are one-time: incremental or delta passes cannot be run.");
}

#[test]
fn rule28_29_redirect_site_replaces_the_source_until_removed() {
    run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'
"before: " + @(Get-SPOSite -Template RedirectSite#0).Count
Invoke-Move 'DiegoS@M365x016651.OnMicrosoft.com' 'Test-Diego@M365x946316.OnMicrosoft.com' | Out-Null
Start-Sleep -Seconds (365 * 86400)
$r = Get-Sposite -Template REDIRECTSITE#0
"redirect: $($r.Url) $($r.Template)"
Remove-SPOSite -Identity $r.Url
"after removal: " + @(Get-SPOSite -Template RedirectSite#0).Count
"#)
    .line("before: 0")
    .line("redirect: https://m365x016651-my.sharepoint.com/personal/diegos_m365x016651_onmicrosoft_com/ RedirectSite#0")
    .line("after removal: 0")
    .no_errors();
}

#[test]
fn rule30_moving_back_conflicts_with_the_redirect_until_it_is_removed() {
    run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'
Invoke-Move 'DiegoS@M365x016651.OnMicrosoft.com' 'Test-Diego@M365x946316.OnMicrosoft.com' | Out-Null
# Reverse the trust: the old target becomes the source.
Src; Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $TH
$tid = (Get-TenantSimTenant -Name M365x946316).TenantId
$path = [System.IO.Path]::GetTempPath() + "tenantsim-rule30-$TestRun.csv"
[System.IO.File]::WriteAllLines($path, [string[]]@("User,$tid,Test-Diego@M365x946316.OnMicrosoft.com,DiegoS@M365x016651.OnMicrosoft.com,DiegoS@M365x016651.OnMicrosoft.com,RegularUser"))
Add-SPOTenantIdentityMap -IdentityMapPath $path
[System.IO.File]::Delete($path)
Tgt; Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $SH
Start-Sleep -Seconds (8 * 86400)
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetCrossTenantHostUrl $SH | Out-Null
do { Start-Sleep -Seconds 300; $m = Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $SH -SourceUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com } while ($m.MoveState -ne 'Failed' -and $m.MoveState -ne 'Success')
"back: $($m.MoveState) | $($m.ErrorMessage)"
Src; Remove-SPOSite -Identity https://m365x016651-my.sharepoint.com/personal/diegos_m365x016651_onmicrosoft_com/
Tgt
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetCrossTenantHostUrl $SH | Out-Null
do { Start-Sleep -Seconds 300; $m = Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $SH -SourceUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com } while ($m.MoveState -ne 'Failed' -and $m.MoveState -ne 'Success')
"after removing the redirect: $($m.MoveState)"
"#)
    .line("back: Failed | The target URL https://m365x016651-my.sharepoint.com/personal/diegos_m365x016651_onmicrosoft_com/ is already in use by a redirect site (RedirectSite#0). Site URLs must be unique: remove the redirect with Remove-SPOSite on the target tenant, then start the move again.")
    .line("after removing the redirect: Success")
    .no_errors();
}

#[test]
fn rule31_remove_the_trust_before_the_source_licenses_expire() {
    run(r#"
Trust
Set-TenantSimClock -Date ([datetime]::new(2027, 4, 1))
Src
Err { Remove-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TH }
Tgt
Err { Remove-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SH }
"#)
    .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.RemoveCrossTenantRelationship | The cross-tenant relationship cannot be removed: the licenses of this tenant expired on 2027-03-31T00:00:00Z. Remove the trust on both tenants before the source tenant's licenses expire.")
    .line("no error");
}

#[test]
fn rule32_the_target_onedrive_belongs_to_the_new_identity() {
    run(r#"
Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'
Invoke-Move 'DiegoS@M365x016651.OnMicrosoft.com' 'Test-Diego@M365x946316.OnMicrosoft.com' | Out-Null
Tgt
$site = Get-SPOSite -Identity https://m365x946316-my.sharepoint.com/personal/test-diego_m365x946316_onmicrosoft_com/
"owner: $($site.Owner) template: $($site.Template) MB: $($site.StorageUsageCurrent)"
(Get-TenantSimUser -Tenant M365x946316 -UserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com).OneDriveUrl
"#)
    .line("owner: Test-Diego@M365x946316.OnMicrosoft.com template: SPSPERS#10 MB: 3276")
    .line("https://m365x946316-my.sharepoint.com/personal/test-diego_m365x946316_onmicrosoft_com/")
    .no_errors();
}

#[test]
fn rule33_group_names_with_a_period_and_group_connected_sites() {
    run(r#"
Trust
Err { Start-SPOCrossTenantGroupContentMove -SourceGroupAlias RetailSales -TargetGroupAlias RetailSales -TargetCrossTenantHostUrl $TH }
Start-SPOCrossTenantGroupContentMove -SourceGroupAlias Mark8ProjectTeam -TargetGroupAlias Mark8ProjectTeam -TargetCrossTenantHostUrl $TH | Out-Null
do { Start-Sleep -Seconds 300; $m = Get-SPOCrossTenantGroupContentMoveState -PartnerCrossTenantHostUrl $TH -SourceGroupAlias Mark8ProjectTeam } while ($m.MoveState -ne 'Failed' -and $m.MoveState -ne 'Success')
"group: $($m.MoveState) $($m.TargetSiteUrl)"
New-TenantSimGroup -Tenant M365x016651 -DisplayName 'Legal' -Alias Legal -WithSite | Out-Null
Start-SPOCrossTenantGroupContentMove -SourceGroupAlias Legal -TargetGroupAlias Legal -TargetCrossTenantHostUrl $TH | Out-Null
do { Start-Sleep -Seconds 300; $m = Get-SPOCrossTenantGroupContentMoveState -PartnerCrossTenantHostUrl $TH -SourceGroupAlias Legal } while ($m.MoveState -ne 'Failed' -and $m.MoveState -ne 'Success')
"not pre-created: $($m.ErrorMessage)"
"#)
    .line("ERR Microsoft.SharePoint.Client.ServerException,Microsoft.Online.SharePoint.PowerShell.StartCrossTenantGroupContentMove | Invalid character: the Microsoft 365 group name 'Retail.Sales' contains a period (.).")
    .line("group: Success https://m365x946316.sharepoint.com/teams/Mark8ProjectTeam")
    .line("not pre-created: The target Microsoft 365 group 'Legal' was not found in the target tenant. Pre-create it before migrating.");
}
