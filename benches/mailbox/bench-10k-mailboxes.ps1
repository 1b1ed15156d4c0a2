# Benchmark: 10,000 mailboxes moved cross-tenant in 5 batches of 2,000 (the recommended maximum),
# with one scope group per batch (the guidance for more than 10,000 users), polled to
# completion with a Start-Sleep loop. See README ("Mailbox benchmark") and benches/mailbox/run.sh.
# (tests/mailbox.rs runs it on a 20-mailbox world with -BatchSize 4, so that it keeps working.)
param([int]$BatchCount = 5, [int]$BatchSize = 2000)
$ErrorActionPreference = 'Stop'
$SourceDomain = 'Contoso10k.onmicrosoft.com'
$TargetDomain = 'Fabrikam10k.onmicrosoft.com'
$SourceTenantId = '11111111-1111-4111-8111-111111111111'
$TargetTenantId = '22222222-2222-4222-8222-222222222222'

# The migration app in the target, consented in both tenants.
Connect-MgGraph -TenantId $TargetDomain -Scopes Application.ReadWrite.All -NoWelcome
$exo = Get-MgServicePrincipal -Filter "appId eq '00000002-0000-0ff1-ce00-000000000000'"
$role = $exo.AppRoles | Where-Object Value -eq 'Mailbox.Migration'
$app = New-MgApplication -DisplayName 'T2T bench' -SignInAudience AzureADMultipleOrgs -Web @{ RedirectUris = 'https://office.com' } -RequiredResourceAccess @{ ResourceAppId = $exo.AppId; ResourceAccess = @(@{ Id = $role.Id; Type = 'Role' }) }
$secret = (Add-MgApplicationPassword -ApplicationId $app.Id -PasswordCredential @{ DisplayName = 'bench' }).SecretText
Grant-TenantSimAdminConsent -Tenant Fabrikam10k -ApplicationId $app.AppId | Out-Null
Grant-TenantSimAdminConsent -Tenant Contoso10k -ApplicationId $app.AppId | Out-Null

Connect-ExchangeOnline -UserPrincipalName admin@Contoso10k.onmicrosoft.com -Prefix Source -ShowBanner:$false
Connect-ExchangeOnline -UserPrincipalName admin@Fabrikam10k.onmicrosoft.com -Prefix Target -ShowBanner:$false

$cred = New-Object System.Management.Automation.PSCredential $app.AppId, (ConvertTo-SecureString $secret -AsPlainText -Force)
New-TargetMigrationEndpoint -Name Bench -RemoteServer outlook.office.com -RemoteTenant $SourceDomain -Credentials $cred -ExchangeRemoteMove -ApplicationId $app.AppId | Out-Null
New-TargetOrganizationRelationship Contoso10k -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability Inbound -DomainNames $SourceTenantId | Out-Null

# Five scope groups of 2,000 members.
$mailboxes = @(Get-SourceMailbox -ResultSize Unlimited | Where-Object Alias -like 'user*')
$waves = 0..($BatchCount - 1) | ForEach-Object { , @($mailboxes[($_ * $BatchSize)..($_ * $BatchSize + $BatchSize - 1)]) }
$scopes = 0..($BatchCount - 1) | ForEach-Object {
    $name = "Migration Scope $($_ + 1)"
    New-SourceDistributionGroup -Type Security -Name $name -Members @($waves[$_] | ForEach-Object Alias) | Out-Null
    $name
}
New-SourceOrganizationRelationship Fabrikam10k -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability RemoteOutbound -DomainNames $TargetTenantId -OAuthApplicationId $app.AppId -MailboxMovePublishedScopes $scopes | Out-Null
Write-Host "Setup: $($mailboxes.Count) mailboxes in $($scopes.Count) scope groups"

# Target mail users, stamped from the source mailboxes.
$Password = ConvertTo-SecureString 'P@ssw0rd-bench!' -AsPlainText -Force
foreach ($m in $mailboxes) {
    $mosi = $m.Alias + '@' + $TargetDomain
    New-TargetMailUser -Name $m.Name -MicrosoftOnlineServicesID $mosi -ExternalEmailAddress $m.PrimarySmtpAddress -Password $Password | Out-Null
    $x500 = @('x500:' + $m.LegacyExchangeDN) + @($m.EmailAddresses | Where-Object { $_ -match '^x500:' } | ForEach-Object { 'x500:' + $_.Substring(5) })
    Set-TargetMailUser $mosi -ExchangeGuid $m.ExchangeGuid -ArchiveGuid $m.ArchiveGuid -EmailAddresses @{ add = $x500 }
}
Write-Host "Setup: $(@(Get-TargetMailUser -ResultSize Unlimited).Count) target mail users"

# Five batches, auto-completing.
$dir = [System.IO.Path]::GetTempPath()
for ($i = 0; $i -lt $BatchCount; $i++) {
    $csv = $dir + "tenantsim-bench-$PID-$i.csv"
    $null = [System.IO.File]::WriteAllLines($csv, [string[]](@('EmailAddress') + @($waves[$i] | ForEach-Object { $_.Alias + '@' + $TargetDomain })))
    New-TargetMigrationBatch -Name "Wave$($i + 1)" -SourceEndpoint Bench -CSVData ([System.IO.File]::ReadAllBytes($csv)) -AutoStart -AutoComplete -TargetDeliveryDomain $TargetDomain | Out-Null
    Remove-Item $csv
}

$start = Get-Date
$polls = 0
do {
    Start-Sleep -Seconds 1800
    $polls++
    $batches = @(Get-TargetMigrationBatch)
    $done = @($batches | Where-Object { $_.Status -in 'Completed', 'CompletedWithErrors', 'Failed' }).Count
} while ($done -lt $BatchCount)
$hours = ((Get-Date) - $start).TotalHours
foreach ($b in $batches) { Write-Host "$($b.Identity): $($b.Status), $($b.FinalizedCount) of $($b.TotalCount) finalized" }
Write-Host "All batches done after $polls polls, $hours virtual hours"
Write-Host "Cross-tenant move requests completed: $(@(Get-TargetMoveRequest -Flags CrossTenant -Status Completed -ResultSize Unlimited).Count)"
Write-Host "Source mail users now: $(@(Get-SourceMailUser -ResultSize Unlimited).Count)"
