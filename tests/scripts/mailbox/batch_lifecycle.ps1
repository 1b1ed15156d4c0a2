# A batch over virtual time: Created, Syncing, Synced, Completing, Completed, as the
# migration cmdlets show it. (Setup as in scripts/mailbox-t2t.ps1, condensed.)
Connect-MgGraph -TenantId M365x946316.onmicrosoft.com -Scopes Application.ReadWrite.All -NoWelcome
$exo = Get-MgServicePrincipal -Filter "appId eq '00000002-0000-0ff1-ce00-000000000000'"
$role = $exo.AppRoles | Where-Object Value -eq 'Mailbox.Migration'
$app = New-MgApplication -DisplayName 'T2T' -SignInAudience AzureADMultipleOrgs -Web @{ RedirectUris = 'https://office.com' } -RequiredResourceAccess @{ ResourceAppId = $exo.AppId; ResourceAccess = @(@{ Id = $role.Id; Type = 'Role' }) }
$pw = Add-MgApplicationPassword -ApplicationId $app.Id -PasswordCredential @{ DisplayName = 'x' }
Grant-TenantSimAdminConsent -Tenant M365x946316 -ApplicationId $app.AppId | Out-Null
Grant-TenantSimAdminConsent -Tenant M365x016651 -ApplicationId $app.AppId | Out-Null
Connect-ExchangeOnline -UserPrincipalName admin@M365x016651.onmicrosoft.com -Prefix Source -ShowBanner:$false
Connect-ExchangeOnline -UserPrincipalName admin@M365x946316.onmicrosoft.com -Prefix Target -ShowBanner:$false
Enable-TargetOrganizationCustomization
$cred = New-Object System.Management.Automation.PSCredential $app.AppId, (ConvertTo-SecureString $pw.SecretText -AsPlainText -Force)
New-TargetMigrationEndpoint -Name EP -RemoteServer outlook.office.com -RemoteTenant M365x016651.onmicrosoft.com -Credentials $cred -ExchangeRemoteMove -ApplicationId $app.AppId
New-TargetOrganizationRelationship Contoso -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability Inbound -DomainNames 4c6a9b1e-2d3f-4a5b-8c7d-016651016651 | Out-Null
New-SourceOrganizationRelationship Fabrikam -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability RemoteOutbound -DomainNames 9e1d7c3a-5b2f-4e8d-a6c4-946316946316 -OAuthApplicationId $app.AppId -MailboxMovePublishedScopes 'Mailbox Migration Scope' | Out-Null
foreach ($pair in @(@('ChristieC', 'ChristieC@M365x946316.OnMicrosoft.com'), @('LeeG', 'LeeG@M365x946316.OnMicrosoft.com'))) {
    $m = Get-SourceMailbox $pair[0]
    $x = @('x500:' + $m.LegacyExchangeDN) + @($m.EmailAddresses | Where-Object { $_ -match '^x500:' } | ForEach-Object { 'x500:' + $_.Substring(5) })
    Set-TargetMailUser $pair[1] -ExchangeGuid $m.ExchangeGuid -ArchiveGuid $m.ArchiveGuid -EmailAddresses @{ add = $x }
}
$csv = [System.IO.Path]::GetTempPath() + "tenantsim-golden-batch-$PID.csv"
$null = [System.IO.File]::WriteAllLines($csv, [string[]]@('EmailAddress', 'ChristieC@M365x946316.OnMicrosoft.com', 'LeeG@M365x946316.OnMicrosoft.com'))
New-TargetMigrationBatch -Name T2Tbatch -SourceEndpoint EP -CSVData ([System.IO.File]::ReadAllBytes($csv)) -TargetDeliveryDomain M365x946316.onmicrosoft.com
Remove-Item $csv
Start-TargetMigrationBatch T2Tbatch
Get-TargetMigrationBatch
Start-Sleep -Seconds 1200
Get-TargetMigrationUser | Format-Table Identity, Batch, Status
Get-TargetMoveRequest
Start-Sleep -Seconds 3600
Get-TargetMigrationUserStatistics ChristieC@M365x946316.OnMicrosoft.com
Get-TargetMigrationBatch | Format-List Identity, Status, TotalCount, SyncedCount, FailedCount
(Get-TargetMigrationUser LeeG@M365x946316.OnMicrosoft.com).ErrorSummary
Complete-TargetMigrationBatch T2Tbatch
(Get-TargetMigrationBatch T2Tbatch).Status
Start-Sleep -Seconds 600
Get-TargetMoveRequestStatistics ChristieC@M365x946316.OnMicrosoft.com
(Get-TargetMigrationBatch T2Tbatch).Status
Get-SourceMailUser ChristieC | Format-List Name, RecipientTypeDetails, ExternalEmailAddress
