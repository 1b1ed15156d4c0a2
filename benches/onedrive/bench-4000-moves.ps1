# Benchmark: the OneDrive procedure for 4,000 users of a 100,000-user tenant, polled to
# completion with a Start-Sleep loop. See README ("Benchmark") and benches/onedrive/run.sh.
$ErrorActionPreference = 'Stop'
$N = 4000
Connect-SPOService -Url https://benchsrc-admin.sharepoint.com
$src = Get-SPOCrossTenantHostUrl
Connect-SPOService -Url https://benchdst-admin.sharepoint.com
$dst = Get-SPOCrossTenantHostUrl
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $src
$sid = (Get-TenantSimTenant -Name BenchSrc).TenantId
$lines = foreach ($i in 1..$N) {
    $u = 'user{0:d6}' -f $i
    "User,$sid,$u@BenchSrc.onmicrosoft.com,$u@BenchDst.onmicrosoft.com,$u@BenchDst.onmicrosoft.com,RegularUser"
}
$map = [System.IO.Path]::GetTempPath() + "tenantsim-bench-map-$PID.csv"
[System.IO.File]::WriteAllLines($map, [string[]]$lines)
Add-SPOTenantIdentityMap -IdentityMapPath $map
[System.IO.File]::Delete($map)
Connect-SPOService -Url https://benchsrc-admin.sharepoint.com
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $dst
Start-Sleep -Seconds (7 * 86400 + 60)
if ((Verify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl $dst) -ne 'GoodToProceed') { throw 'trust' }

foreach ($i in 1..$N) {
    $u = 'user{0:d6}' -f $i
    Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName "$u@BenchSrc.onmicrosoft.com" -TargetUserPrincipalName "$u@BenchDst.onmicrosoft.com" -TargetCrossTenantHostUrl $dst | Out-Null
}
$started = Get-Date
$polls = 0
do {
    Start-Sleep -Seconds 900
    $polls++
    $ok = @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $dst -MoveState Success).Count
    $failed = @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $dst -MoveState Failed).Count
} while ($ok + $failed -lt $N)
"$ok of $N moves succeeded, $failed failed; $polls polls; virtual time {0:N1} hours" -f ((Get-Date) - $started).TotalHours
