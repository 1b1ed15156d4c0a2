# The traps of tenantsim's default scenario: each source user below breaks one rule of the
# cross-tenant OneDrive migration (reference/onedrive-t2t.md, "Consolidated RULES").
# Steps 1-5 as in onedrive-t2t.ps1, then every trap user is moved and the outcome printed.
#
#   tenantsim run scripts/onedrive-t2t-traps.ps1

$SourceAdminUrl = 'https://m365x016651-admin.sharepoint.com'
$TargetAdminUrl = 'https://m365x946316-admin.sharepoint.com'

$Traps = @(
    [pscustomobject]@{ Source = 'AdeleV@M365x016651.OnMicrosoft.com';         Target = 'AdeleV@M365x946316.OnMicrosoft.com';         Rule = 19; Why = 'OneDrive under a hold policy' }
    [pscustomobject]@{ Source = 'MeganB@M365x016651.OnMicrosoft.com';         Target = 'MeganB@M365x946316.OnMicrosoft.com';         Rule = 18; Why = '2.3 TB, above the 2 TB limit' }
    [pscustomobject]@{ Source = 'NestorW@M365x016651.OnMicrosoft.com';        Target = 'NestorW@M365x946316.OnMicrosoft.com';        Rule = 18; Why = 'more than 1 million items' }
    [pscustomobject]@{ Source = 'JohannaL@M365x016651.OnMicrosoft.com';       Target = 'Johanna.Lorenz@M365x946316.OnMicrosoft.com'; Rule = 17; Why = 'paths over 400 characters under the target URL' }
    [pscustomobject]@{ Source = 'LeeG@M365x016651.OnMicrosoft.com';           Target = 'LeeG@M365x946316.OnMicrosoft.com';           Rule = 2;  Why = 'no Cross Tenant User Data Migration licence' }
    [pscustomobject]@{ Source = 'LidiaH@M365x016651.OnMicrosoft.com';         Target = 'LidiaH@M365x946316.OnMicrosoft.com';         Rule = 11; Why = 'the target OneDrive already exists' }
    [pscustomobject]@{ Source = 'PattiF@M365x016651.OnMicrosoft.com';         Target = 'PattiF@M365x946316.OnMicrosoft.com';         Rule = 20; Why = 'the source OneDrive is read-only' }
    [pscustomobject]@{ Source = "Ciaran.O'Brien@M365x016651.OnMicrosoft.com"; Target = 'CiaranO@M365x946316.OnMicrosoft.com';        Rule = 16; Why = 'an apostrophe in the UPN' }
)

# Steps 1-3: connect, trust on both sides, wait out the 7-day dormant window.
Connect-SPOService -Url $SourceAdminUrl
$SourceHostUrl = Get-SPOCrossTenantHostUrl
Connect-SPOService -Url $TargetAdminUrl
$TargetHostUrl = Get-SPOCrossTenantHostUrl
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SourceHostUrl
Connect-SPOService -Url $SourceAdminUrl
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $TargetHostUrl
Start-Sleep -Seconds (7 * 86400 + 60)

# Step 5: identity map on the target.
$SourceTenantId = (Get-TenantSimTenant -Name M365x016651).TenantId
$lines = foreach ($t in $Traps) { "User,$SourceTenantId,$($t.Source),$($t.Target),$($t.Target),RegularUser" }
$MapPath = [System.IO.Path]::GetTempPath() + "tenantsim-traps-identitymap-$PID.csv"
[System.IO.File]::WriteAllLines($MapPath, [string[]]$lines)
Connect-SPOService -Url $TargetAdminUrl
Add-SPOTenantIdentityMap -IdentityMapPath $MapPath
[System.IO.File]::Delete($MapPath)
Connect-SPOService -Url $SourceAdminUrl

# Step 6: start every trap; some are refused at once, the others fail in Validation.
foreach ($t in $Traps) {
    $name = $t.Source.Split('@')[0]
    try {
        Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName $t.Source -TargetUserPrincipalName $t.Target -TargetCrossTenantHostUrl $TargetHostUrl -ErrorAction Stop | Out-Null
    } catch {
        Write-Host "$($name): refused (RULE $($t.Rule)) - $($t.Why)"
        Write-Host "    $($_.Exception.Message)"
    }
}
do {
    Start-Sleep -Seconds 600
    $states = @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TargetHostUrl)
    $pending = @($states | Where-Object { $_.MoveState -ne 'Success' -and $_.MoveState -ne 'Failed' })
} while ($pending.Count -gt 0)
foreach ($s in $states) {
    $t = $Traps | Where-Object { $_.Source -eq $s.SourceUserPrincipalName }
    Write-Host "$($s.SourceUserPrincipalName.Split('@')[0]): $($s.MoveState) (RULE $($t.Rule)) - $($t.Why)"
    Write-Host "    $($s.ErrorMessage)"
}
