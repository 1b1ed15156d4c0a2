# Cross-tenant mailbox migration, as documented in
# microsoft-365/enterprise/cross-tenant-mailbox-migration.md, filled in for tenantsim's
# default scenario:
#   source M365x016651 (Contoso demo users)  ->  target M365x946316 (Fabrikam, dehydrated)
#
#   tenantsim run scripts/mailbox-t2t.ps1
#
# The portal steps (app registration, secret, admin consent) are scripted with Microsoft Graph
# PowerShell, as real setup scripts do; the source admin's browser step (opening the consent URL
# and accepting) is Grant-TenantSimAdminConsent. Both tenants are open at once through
# Connect-ExchangeOnline -Prefix Source / -Prefix Target where a step needs both; the article's
# single-tenant blocks run unprefixed, as an admin of that tenant would run them.
#
# It migrates the users of the scenario that meet every rule. The trap users (hold, no licence,
# out of scope, auxiliary archives, disabled archive, foreign proxy, previous mailbox) are left
# out here and rehearsed by tests/mailbox_rules.rs.

$ErrorActionPreference = 'Stop'

$SourceDomain = 'M365x016651.onmicrosoft.com'
$TargetDomain = 'M365x946316.onmicrosoft.com'
$SourceAdmin  = 'admin@M365x016651.onmicrosoft.com'
$TargetAdmin  = 'admin@M365x946316.onmicrosoft.com'

# Source mailbox -> target MailUser. LaraN has no target object yet (step 4 creates it).
$Moves = @(
    [pscustomobject]@{ Source = 'DiegoS@M365x016651.OnMicrosoft.com';         Target = 'Test-Diego@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'AlexW@M365x016651.OnMicrosoft.com';          Target = 'AlexW@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'AllanD@M365x016651.OnMicrosoft.com';         Target = 'AllanD@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'ChristieC@M365x016651.OnMicrosoft.com';      Target = 'ChristieC@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'DebraB@M365x016651.OnMicrosoft.com';         Target = 'DebraB@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'GradyA@M365x016651.OnMicrosoft.com';         Target = 'GradyA@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'IsaiahL@M365x016651.OnMicrosoft.com';        Target = 'IsaiahL@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = "Ciaran.O'Brien@M365x016651.OnMicrosoft.com"; Target = 'CiaranO@M365x946316.OnMicrosoft.com' }
    [pscustomobject]@{ Source = 'LaraN@M365x016651.OnMicrosoft.com';          Target = $null }
)

# The partners' tenant IDs (Entra admin center > Overview > Tenant ID), exchanged beforehand.
Connect-MgGraph -TenantId $SourceDomain -Scopes 'Organization.Read.All' -NoWelcome
$SourceTenantId = (Get-MgOrganization).Id
Connect-MgGraph -TenantId $TargetDomain -Scopes 'Application.ReadWrite.All', 'User.ReadWrite.All', 'Organization.Read.All' -NoWelcome
$TargetTenantId = (Get-MgOrganization).Id
Write-Host "Tenants: source $SourceTenantId, target $TargetTenantId"

# ── Step 1 (TARGET): the migration application and its secret ────────────────────────────
# Multi-tenant, redirect URI (Web) https://office.com, application permission Mailbox.Migration
# on Office 365 Exchange Online, a client secret (shown once).
$exoSp = Get-MgServicePrincipal -Filter "appId eq '00000002-0000-0ff1-ce00-000000000000'"
$mailboxMigration = $exoSp.AppRoles | Where-Object Value -eq 'Mailbox.Migration'
$app = New-MgApplication -DisplayName 'T2T mailbox migration' -SignInAudience AzureADMultipleOrgs `
    -Web @{ RedirectUris = @('https://office.com') } `
    -RequiredResourceAccess @(@{ ResourceAppId = $exoSp.AppId; ResourceAccess = @(@{ Id = $mailboxMigration.Id; Type = 'Role' }) })
$password = Add-MgApplicationPassword -ApplicationId $app.Id -PasswordCredential @{ DisplayName = 'cross-tenant mailbox migration' }
New-MgServicePrincipal -AppId $app.AppId | Out-Null
# Enterprise applications > the app > API permissions > Grant admin consent for Fabrikam.
Grant-TenantSimAdminConsent -Tenant M365x946316 -ApplicationId $app.AppId | Out-Null
$ConsentUrl = "https://login.microsoftonline.com/$SourceDomain/adminconsent?client_id=$($app.AppId)&redirect_uri=https://office.com"
Write-Host "Step 1: app $($app.AppId) ($($app.SignInAudience)), secret hint $($password.Hint)"
Write-Host "Step 1: consent URL for the source admin: $ConsentUrl"

# ── Step 3a (SOURCE): accept the app through the consent URL ───────────────────────────────
# Done before the endpoint: New-MigrationEndpoint fails until the source has consented.
$granted = Grant-TenantSimAdminConsent -Tenant M365x016651 -ApplicationId $app.AppId
Write-Host "Step 3: source admin consented: $($granted.GrantedPermissions -join ', ')"

# ── Step 2 (TARGET): migration endpoint and organization relationship ─────────────────────
Connect-ExchangeOnline -UserPrincipalName $TargetAdmin -ShowBanner:$false

$AppId = $app.AppId
$name = "M365x016651-migration"
$remote = $SourceDomain
$secret = $password.SecretText
# Enable customization if tenant is dehydrated
$dehydrated = Get-OrganizationConfig | select isdehydrated
if ($dehydrated.isdehydrated -eq $true) {Enable-OrganizationCustomization}
$Credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $AppId, (ConvertTo-SecureString -String $secret -AsPlainText -Force)
New-MigrationEndpoint -RemoteServer outlook.office.com -RemoteTenant $remote -Credentials $Credential -ExchangeRemoteMove:$true -Name $name -ApplicationId $AppId | Out-Null

$sourceTenantId = $SourceTenantId
$orgrelname = "M365x016651"
$orgrels = Get-OrganizationRelationship
$existingOrgRel = $orgrels | ?{$_.DomainNames -like $sourceTenantId}
If ($null -ne $existingOrgRel)
{
    Set-OrganizationRelationship $existingOrgRel.Name -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability Inbound
}
If ($null -eq $existingOrgRel)
{
    New-OrganizationRelationship $orgrelname -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability Inbound -DomainNames $sourceTenantId | Out-Null
}
$rel = Get-OrganizationRelationship $orgrelname
Write-Host "Step 2: endpoint $name; relationship $($rel.Name): $($rel.MailboxMoveCapability), dehydrated now $((Get-OrganizationConfig).IsDehydrated)"

# ── Step 3b (SOURCE): organization relationship with the scope group ─────────────────────
Connect-ExchangeOnline -UserPrincipalName $SourceAdmin -ShowBanner:$false

$targetTenantId = $TargetTenantId
$appId = $app.AppId
$scope = "Mailbox Migration Scope"
$orgrelname = "M365x946316"
# Enable customization if tenant is dehydrated
$dehydrated = Get-OrganizationConfig | select isdehydrated
if ($dehydrated.isdehydrated -eq $true) {Enable-OrganizationCustomization}
# The scope group exists in the scenario: New-DistributionGroup fails, which the documented
# check reports ("Group already exists."); -ErrorAction keeps that failure non-terminating
# under this script's $ErrorActionPreference = 'Stop'.
if (!(New-DistributionGroup -Type Security -Name $scope -ErrorAction SilentlyContinue)) { Write-Host "Group already exists." }
$orgrels=Get-OrganizationRelationship
$existingOrgRel = $orgrels | ?{$_.DomainNames -like $targetTenantId}
If ($null -ne $existingOrgRel)
{
    Set-OrganizationRelationship $existingOrgRel.Name -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability RemoteOutbound -OAuthApplicationId $appId -MailboxMovePublishedScopes $scope
}
If ($null -eq $existingOrgRel)
{
    New-OrganizationRelationship $orgrelname -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability RemoteOutbound -DomainNames $targetTenantId -OAuthApplicationId $appId -MailboxMovePublishedScopes $scope | Out-Null
}
$members = @(Get-DistributionGroupMember $scope).Count
Write-Host "Step 3: source relationship RemoteOutbound, scope '$scope' with $members members"

# ── Step 4 (TARGET): target MailUsers with ExchangeGuid, ArchiveGuid and X500 proxies ──────
# Both tenants at once: the source through -Prefix Source, the target through -Prefix Target.
Connect-ExchangeOnline -UserPrincipalName $SourceAdmin -Prefix Source -ShowBanner:$false
Connect-ExchangeOnline -UserPrincipalName $TargetAdmin -Prefix Target -ShowBanner:$false

foreach ($m in $Moves) {
    $src = Get-SourceMailbox $m.Source
    # x500:<LegacyExchangeDN> plus every X500 proxy of the source mailbox.
    $x500 = @('x500:' + $src.LegacyExchangeDN) + @($src.EmailAddresses | Where-Object { $_ -match '^x500:' } | ForEach-Object { 'x500:' + $_.Substring(5) })
    if ($null -eq $m.Target) {
        # The article's MEU sample, against Exchange Online: a new MailUser in the target.
        $mosi = $src.Alias + '@' + $TargetDomain
        $Password = ConvertTo-SecureString -String ([guid]::NewGuid().ToString()) -AsPlainText -Force
        $tmpUser = New-TargetMailUser -MicrosoftOnlineServicesID $mosi -PrimarySmtpAddress $mosi -ExternalEmailAddress $src.PrimarySmtpAddress -Name $src.Name -DisplayName $src.DisplayName -Alias $src.Alias -Password $Password
        $m.Target = $mosi
    }
    Set-TargetMailUser $m.Target -ExchangeGuid $src.ExchangeGuid -ArchiveGuid $src.ArchiveGuid -EmailAddresses @{ add = $x500 }
}
$lara = Get-TargetMailUser LaraN
Write-Host "Step 4: $($Moves.Count) target MailUsers stamped; LaraN ExchangeGuid $($lara.ExchangeGuid) -> $($lara.ExternalEmailAddress)"

# ── Step 5 (TARGET): verify ────────────────────────────────────────────────────────────────
$test = Test-TargetMigrationServerAvailability -EndPoint $name -TestMailbox 'Test-Diego@M365x946316.OnMicrosoft.com'
Write-Host "Step 5: Test-MigrationServerAvailability: $($test.Result)"

# ── Step 6 (TARGET): the migration batch ─────────────────────────────────────────────────
$CsvPath = [System.IO.Path]::GetTempPath() + "tenantsim-mailbox-users-$PID.csv"
$lines = @('EmailAddress') + @($Moves | ForEach-Object { $_.Target })
[System.IO.File]::WriteAllLines($CsvPath, [string[]]$lines)
$batch = New-TargetMigrationBatch -Name T2Tbatch -SourceEndpoint $name -CSVData ([System.IO.File]::ReadAllBytes($CsvPath)) -Autostart -TargetDeliveryDomain $TargetDomain
Remove-Item $CsvPath
Write-Host "Step 6: batch $($batch.Identity) $($batch.Status), $($batch.TotalCount) users"

$hours = 0
do {
    Start-Sleep -Seconds 900
    $hours += 0.25
    $batch = Get-TargetMigrationBatch T2Tbatch
} while ($batch.Status -eq 'Syncing')
Write-Host "Step 6: $($batch.Status) after $hours hours ($($batch.SyncedCount) synced, $($batch.FailedCount) failed)"
if ($batch.Status -ne 'Synced') { throw "Batch is $($batch.Status)" }

Complete-TargetMigrationBatch T2Tbatch
do {
    Start-Sleep -Seconds 300
    $batch = Get-TargetMigrationBatch T2Tbatch
} while ($batch.Status -eq 'Completing' -or $batch.Status -eq 'Synced')
Write-Host "Step 6: $($batch.Status): $($batch.FinalizedCount) of $($batch.TotalCount) finalized"
$requests = @(Get-TargetMoveRequest -Flags "CrossTenant")
Write-Host "Step 6: $($requests.Count) cross-tenant move requests, $(@($requests | Where-Object Status -eq 'Completed').Count) completed"

# ── Step 7: after the migration ──────────────────────────────────────────────────────────
$before = Get-SourceMailUser DiegoS
$after = Get-TargetMailbox Test-Diego@M365x946316.OnMicrosoft.com
Write-Host "Step 7: source DiegoS is a $($before.RecipientTypeDetails) -> $($before.ExternalEmailAddress)"
Write-Host "Step 7: target $($after.Name) is a $($after.RecipientTypeDetails), archive $($after.ArchiveStatus)"

# Licences in the target after the move (inside the 30-day grace period): the Exchange plan
# disabled until now is turned on; LaraN needs a usage location and her licences first.
$e5 = Get-MgSubscribedSku -All | Where-Object SkuPartNumber -eq 'SPE_E5'
$migrationSku = Get-MgSubscribedSku -All | Where-Object SkuPartNumber -eq 'Cross_tenant_user_data_migration'
foreach ($m in $Moves) {
    $user = Get-MgUser -UserId $m.Target
    if ($null -eq $user.UsageLocation) { Update-MgUser -UserId $user.Id -UsageLocation US }
    Set-MgUserLicense -UserId $user.Id -AddLicenses @(@{ SkuId = $e5.SkuId; DisabledPlans = @() }, @{ SkuId = $migrationSku.SkuId }) -RemoveLicenses @() | Out-Null
}
Write-Host "Step 7: target users licensed; LaraN is a $((Get-TargetMailbox LaraN).RecipientTypeDetails)"

Get-TargetMigrationUser | Sort-Object Identity | Format-Table Identity, Status -AutoSize | Out-String -Width 120 | Write-Host

# Cleanup: the batch, the endpoint and both relationships.
Remove-TargetMigrationBatch T2Tbatch
Remove-TargetMigrationEndpoint $name
Remove-TargetOrganizationRelationship M365x016651
Remove-SourceOrganizationRelationship M365x946316
Write-Host "Step 7: endpoint and organization relationships removed on both tenants"
Disconnect-ExchangeOnline
Disconnect-MgGraph
