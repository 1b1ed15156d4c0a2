# Cross-tenant OneDrive migration, steps 1-7, as documented in
# microsoft-365/enterprise/cross-tenant-onedrive-migration-step1.md ... -step7.md,
# filled in for tenantsim's default scenario:
#   source M365x016651 (Contoso demo users)  ->  target M365x946316 (pre-created users)
#
#   tenantsim run scripts/onedrive-t2t.ps1
#
# It migrates the users of the scenario that meet every rule; the scenario's trap users
# (hold, size, paths, apostrophe, licence, existing OneDrive, read-only) are left out here and
# rehearsed by scripts/onedrive-t2t-traps.ps1. Where the docs have a bug, the corrected command
# is used and the doc bug is named in a comment.

$ErrorActionPreference = 'Stop'

$SourceAdminUrl = 'https://m365x016651-admin.sharepoint.com'
$TargetAdminUrl = 'https://m365x946316-admin.sharepoint.com'

# Users to migrate: source UPN -> pre-created target UPN (step 4).
$Moves = @(
    [pscustomobject]@{ Source = 'DiegoS@M365x016651.OnMicrosoft.com';    Target = 'Test-Diego@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'AlexW@M365x016651.OnMicrosoft.com';     Target = 'AlexW@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'AllanD@M365x016651.OnMicrosoft.com';    Target = 'AllanD@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'ChristieC@M365x016651.OnMicrosoft.com'; Target = 'ChristieC@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'DebraB@M365x016651.OnMicrosoft.com';    Target = 'DebraB@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'GradyA@M365x016651.OnMicrosoft.com';    Target = 'GradyA@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'IsaiahL@M365x016651.OnMicrosoft.com';   Target = 'IsaiahL@M365x946316.OnMicrosoft.com' }
)

# ── Step 1: connect to the source and the target tenants ─────────────────────────────────
# One SharePoint connection at a time: each Connect-SPOService replaces the previous one.
Connect-SPOService -Url $SourceAdminUrl
$SourceHostUrl = Get-SPOCrossTenantHostUrl
Connect-SPOService -Url $TargetAdminUrl
$TargetHostUrl = Get-SPOCrossTenantHostUrl
Write-Host "Step 1: source host $SourceHostUrl, target host $TargetHostUrl"

# ── Step 2: establish trust on both tenants ─────────────────────────────────────────────
# On the TARGET (connected now): the partner is the source.
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SourceHostUrl
# On the SOURCE: the partner is the target.
Connect-SPOService -Url $SourceAdminUrl
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TargetHostUrl
Write-Host 'Step 2: trust requested on both tenants'

# ── Step 3: verify the trust (both sides) ──────────────────────────────────────────────
# A partner's request is dormant for 7 days (DormantByPartner); Start-Sleep advances the
# virtual clock, so the wait is instant.
$days = 0
while ($true) {
    Connect-SPOService -Url $SourceAdminUrl
    $onSource = Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TargetHostUrl
    Connect-SPOService -Url $TargetAdminUrl
    $onTarget = Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SourceHostUrl
    if ($onSource -eq 'GoodToProceed' -and $onTarget -eq 'GoodToProceed') { break }
    if ($days -gt 14) { throw "Trust not established: source $onSource, target $onTarget" }
    Start-Sleep -Seconds 86400
    $days++
}
Write-Host "Step 3: GoodToProceed on both tenants after $days days"

# ── Step 4: pre-created target users (done in the scenario) must not have a OneDrive ─────
# (connected to the target)
foreach ($m in $Moves) {
    $segment = $m.Target.ToLower() -replace '[^a-z0-9-]', '_'
    $url = "$($TargetHostUrl)personal/$segment/"
    $existing = Get-SPOSite -Identity $url -ErrorAction SilentlyContinue
    if ($existing) { throw "Target OneDrive already exists: $url" }
}
Write-Host 'Step 4: target users have no OneDrive yet'

# ── Step 5: identity map (TARGET) and compatibility (SOURCE) ───────────────────────────────
# The source tenant ID comes from the Entra admin center (Properties > Tenant ID).
$SourceTenantId = (Get-TenantSimTenant -Name M365x016651).TenantId
$lines = foreach ($m in $Moves) { "User,$SourceTenantId,$($m.Source),$($m.Target),$($m.Target),RegularUser" }
$MapPath = [System.IO.Path]::GetTempPath() + "tenantsim-onedrive-identitymap-$PID.csv"
[System.IO.File]::WriteAllLines($MapPath, [string[]]$lines)
Add-SPOTenantIdentityMap -IdentityMapPath $MapPath
[System.IO.File]::Delete($MapPath)
$check = Get-SPOTenantIdentityMappingUser -Field SourceUserKey -Value DiegoS@M365x016651.OnMicrosoft.com
Write-Host "Step 5: identity map uploaded; DiegoS maps to $($check.TargetUserUpn)"

Connect-SPOService -Url $SourceAdminUrl
$compat = Get-SPOCrossTenantCompatibilityStatus -PartnerCrossTenantHostUrl $TargetHostUrl
if ($compat -ne 'Compatible' -and $compat -ne 'Warning') { throw "Tenants are $compat" }
Write-Host "Step 5: compatibility status $compat"

# ── Step 6: start the moves (SOURCE) and monitor them ──────────────────────────────────────
# Doc bug: the step 6 example splits the command over two lines without a backtick.
foreach ($m in $Moves) {
    Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName $m.Source -TargetUserPrincipalName $m.Target -TargetCrossTenantHostUrl $TargetHostUrl | Out-Null
}
Write-Host "Step 6: $($Moves.Count) moves started at $((Get-Date).ToString('u'))"
do {
    Start-Sleep -Seconds 600
    $states = @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TargetHostUrl)
    $pending = @($states | Where-Object { $_.MoveState -ne 'Success' -and $_.MoveState -ne 'Failed' -and $_.MoveState -ne 'Stopped' })
} while ($pending.Count -gt 0)
$failed = @($states | Where-Object { $_.MoveState -ne 'Success' })
if ($failed.Count -gt 0) { throw "$($failed.Count) moves did not succeed" }
Write-Host "Step 6: all moves succeeded by $((Get-Date).ToString('u'))"

# ── Step 7: post-migration ─────────────────────────────────────────────────────────────────
# A redirect site now sits at each source OneDrive URL.
$redirects = @(Get-SPOSite -Template RedirectSite#0)
Write-Host "Step 7: $($redirects.Count) redirect sites on the source"

# Remove the trust on both tenants before the source licences expire.
Remove-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TargetHostUrl
Connect-SPOService -Url $TargetAdminUrl
# Doc bug: the docs repeat the source command here (-PartnerRole Target with the target's own
# URL), which finds no relationship; the target removes its trust in the source.
Remove-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SourceHostUrl
Write-Host 'Step 7: trust removed on both tenants'

$states | Select-Object @{ n = 'Source'; e = { $_.SourceUserPrincipalName.Split('@')[0] } },
                       @{ n = 'Target'; e = { $_.TargetUserPrincipalName.Split('@')[0] } },
                       MoveState, TimeStamp
