//! One test per consolidated rule of the cross-tenant mailbox migration
//! (`reference/mailbox-t2t.md`, section 14): each proves the failure with the service's
//! message, and where useful that fixing the cause lets the move complete.

mod mailbox_support;

use mailbox_support::run;

#[test]
fn rule01_target_first_the_endpoint_needs_the_source_consent() {
    run(r#"
Conn
$app = New-MigrationApp
Grant-TenantSimAdminConsent -Tenant M365x946316 -ApplicationId $app.AppId | Out-Null
Enable-TargetOrganizationCustomization
$r = Err { New-EP $app }
$r -replace [regex]::Escape($app.AppId), '<app>'
Grant-TenantSimAdminConsent -Tenant M365x016651 -ApplicationId $app.AppId | Out-Null
"after consent: $((New-EP $app).Identity)"
"#)
    .line("ERR MigrationServerConnectionFailedException,Microsoft.Exchange.Management.Migration.MigrationService.Endpoint.NewMigrationEndpoint | The connection to the server 'outlook.office.com' could not be completed. --> AADSTS65001: The user or administrator has not consented to use the application with ID '<app>' named 'T2T migration'. Send an interactive authorization request for this user and resource.")
    .line("after consent: EP")
    .no_errors();
}

#[test]
fn rule02_migration_app_requirements() {
    let o = run(r#"
Conn
Enable-TargetOrganizationCustomization
# Single-tenant app: the source can't consent to it.
$single = New-MigrationApp -Audience AzureADMyOrg
Err { Grant-TenantSimAdminConsent -Tenant M365x016651 -ApplicationId $single.AppId } | % { $_ -replace [regex]::Escape($single.AppId), '<app>' }
# No https://office.com redirect: the consent URL's redirect doesn't match.
$noredirect = New-MigrationApp -Redirect 'https://contoso.com'
Err { Grant-TenantSimAdminConsent -Tenant M365x016651 -ApplicationId $noredirect.AppId } | % { $_ -replace [regex]::Escape($noredirect.AppId), '<app>' }
# No Mailbox.Migration permission.
$noperm = New-MigrationApp -NoMailboxMigration
Err { Grant-TenantSimAdminConsent -Tenant M365x016651 -ApplicationId $noperm.AppId }
# A good app, consented in the source only: the target's own consent is missing.
$good = New-MigrationApp
Grant-TenantSimAdminConsent -Tenant M365x016651 -ApplicationId $good.AppId | Out-Null
Err { New-EP $good } | % { $_ -replace [regex]::Escape($good.AppId), '<app>' }
Grant-TenantSimAdminConsent -Tenant M365x946316 -ApplicationId $good.AppId | Out-Null
# The wrong secret.
Err { New-TargetMigrationEndpoint -Name Bad -RemoteServer outlook.office.com -RemoteTenant $SD -Credentials (Cred $good.AppId 'not-the-secret') -ExchangeRemoteMove -ApplicationId $good.AppId } | % { $_ -replace [regex]::Escape($good.AppId), '<app>' }
"good: $((New-EP $good).Identity)"
"#);
    o.line("ERR AdminConsentFailed,TenantSim.GrantTenantSimAdminConsent | AADSTS700016: Application with identifier '<app>' was not found in the directory 'M365x016651.onmicrosoft.com'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.")
        .line("ERR AdminConsentFailed,TenantSim.GrantTenantSimAdminConsent | AADSTS50011: The redirect URI 'https://office.com' specified in the request does not match the redirect URIs configured for the application '<app>'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.")
        .line("ERR AdminConsentFailed,TenantSim.GrantTenantSimAdminConsent | AADSTS650056: Misconfigured application. This could be due to one of the following: the client has not listed any permissions for 'Office 365 Exchange Online' in the requested permissions in the client's application registration. Or, the admin has not consented in the tenant. Or, check the application identifier in the request to ensure it matches the configured client application identifier.")
        .line("ERR MigrationServerConnectionFailedException,Microsoft.Exchange.Management.Migration.MigrationService.Endpoint.NewMigrationEndpoint | The connection to the server 'outlook.office.com' could not be completed. --> AADSTS65001: The user or administrator has not consented to use the application with ID '<app>' named 'T2T migration'. Send an interactive authorization request for this user and resource.")
        .line("ERR MigrationServerConnectionFailedException,Microsoft.Exchange.Management.Migration.MigrationService.Endpoint.NewMigrationEndpoint | The connection to the server 'outlook.office.com' could not be completed. --> AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '<app>'.")
        .line("good: EP")
        .no_errors();
}

#[test]
fn rule03_endpoint_parameters() {
    run(r#"
Ready
# RemoteTenant = the target itself (text of microsoft-365-docs#10645).
Err { New-TargetMigrationEndpoint -Name Self -RemoteServer outlook.office.com -RemoteTenant $TD -Credentials (Cred $App.AppId $App.Secret) -ExchangeRemoteMove -ApplicationId $App.AppId }
Err { New-TargetMigrationEndpoint -Name Nowhere -RemoteServer mail.contoso.com -RemoteTenant $SD -Credentials (Cred $App.AppId $App.Secret) -ExchangeRemoteMove -ApplicationId $App.AppId }
Err { New-EP $App }
$ep = Get-TargetMigrationEndpoint EP
"$($ep.EndpointType) $($ep.RemoteServer) $($ep.RemoteTenant) $($ep.ApplicationId -eq $App.AppId) $($ep.IsRemote)"
"#)
    .line("ERR InvalidOperationException,Microsoft.Exchange.Management.Migration.MigrationService.Endpoint.NewMigrationEndpoint | ASSERT: The resource tenant and the accessing tenant cannot be equal.")
    .line("ERR MigrationServerConnectionFailedException,Microsoft.Exchange.Management.Migration.MigrationService.Endpoint.NewMigrationEndpoint | The connection to the server 'mail.contoso.com' could not be completed. --> No such host is known.")
    .line("ERR MigrationEndpointDuplicateException,Microsoft.Exchange.Management.Migration.MigrationService.Endpoint.NewMigrationEndpoint | A migration endpoint with the name 'EP' already exists.")
    .line("ExchangeRemoteMove outlook.office.com M365x016651.onmicrosoft.com True True")
    .no_errors();
}

#[test]
fn rule04_dehydrated_tenants_need_customization_first() {
    run(r#"
Conn
"dehydrated: $((Get-TargetOrganizationConfig).IsDehydrated)"
Err { New-TargetOrganizationRelationship Source -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability Inbound -DomainNames $SID }
$app = New-MigrationApp
Grant-TenantSimAdminConsent -Tenant M365x946316 -ApplicationId $app.AppId | Out-Null
Grant-TenantSimAdminConsent -Tenant M365x016651 -ApplicationId $app.AppId | Out-Null
Err { New-EP $app }
Enable-TargetOrganizationCustomization
"dehydrated: $((Get-TargetOrganizationConfig).IsDehydrated)"
Err { Enable-TargetOrganizationCustomization }
"relationship: $((New-TargetOrganizationRelationship Source -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability Inbound -DomainNames $SID).MailboxMoveCapability)"
# The source is not dehydrated.
"source dehydrated: $((Get-SourceOrganizationConfig).IsDehydrated)"
"#)
    .line("dehydrated: True")
    .line("ERR InvalidOperationInDehydratedContextException,Microsoft.Exchange.Management.SystemConfigurationTasks.NewOrganizationRelationship | The command you tried to run isn't currently allowed in your organization. To run this command, you first need to run the command: Enable-OrganizationCustomization.")
    .line("ERR InvalidOperationInDehydratedContextException,Microsoft.Exchange.Management.Migration.MigrationService.Endpoint.NewMigrationEndpoint | The command you tried to run isn't currently allowed in your organization. To run this command, you first need to run the command: Enable-OrganizationCustomization.")
    .line("dehydrated: False")
    .line("ERR InvalidOperationException,Microsoft.Exchange.Management.Deployment.EnableOrganizationCustomizationTask | This operation is not required. Organization is already enabled for customization.")
    .line("relationship: Inbound")
    .line("source dehydrated: False")
    .no_errors();
}

#[test]
fn rule05_target_relationship_must_allow_inbound_moves() {
    run(r#"
Ready
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
Set-TargetOrganizationRelationship Source -MailboxMoveCapability RemoteOutbound
$t = Test-TargetMigrationServerAvailability -Endpoint EP
"test: $($t.Result) | $($t.Message)"
$b = Batch B1 'AlexW@M365x946316.OnMicrosoft.com'
"batch: $($b.Status)"
Why AlexW@M365x946316.OnMicrosoft.com
# The documented values fix it: resume the batch.
Set-TargetOrganizationRelationship Source -Enabled:$true -MailboxMoveEnabled:$true -MailboxMoveCapability Inbound
"resumed: $((Resume B1).Status)"
"#)
    .line("test: Failed | Your organization does not authorize 'pull' or Inbound moves from the remote organization. Contact your administrator to confirm organization relationships are configured correctly.")
    .line("batch: Failed")
    .line("Failed | MigrationPermanentException: Your organization does not authorize 'pull' or Inbound moves from the remote organization. Contact your administrator to confirm organization relationships are configured correctly.")
    .line("resumed: Synced")
    .no_errors();
}

#[test]
fn rule06_source_relationship_remote_outbound_app_and_scopes() {
    run(r#"
Ready
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
Set-SourceOrganizationRelationship Target -MailboxMoveCapability Outbound
"a: $((Test-TargetMigrationServerAvailability -Endpoint EP).Message)"
Set-SourceOrganizationRelationship Target -MailboxMoveCapability RemoteOutbound -OAuthApplicationId 11111111-2222-3333-4444-555555555555
"b: $((Test-TargetMigrationServerAvailability -Endpoint EP).Message -replace [regex]::Escape($App.AppId), '<app>')"
Set-SourceOrganizationRelationship Target -OAuthApplicationId $App.AppId -MailboxMovePublishedScopes @()
$t = Test-TargetMigrationServerAvailability -Endpoint EP -TestMailbox AlexW@M365x946316.OnMicrosoft.com
"c: $($t.Result) | $($t.Message)"
Set-SourceOrganizationRelationship Target -MailboxMovePublishedScopes 'Mailbox Migration Scope'
"d: $((Test-TargetMigrationServerAvailability -Endpoint EP -TestMailbox AlexW@M365x946316.OnMicrosoft.com).Result)"
Err { Set-SourceOrganizationRelationship Target -MailboxMovePublishedScopes 'No Such Group' }
"#)
    .line("a: The remote organization does not authorize 'push' or RemoteOutbound moves to your organization. Contact the administrator of the remote organization to confirm organization relationships are configured correctly.")
    .line("b: The remote organization doesn't authorize the application '<app>' for mailbox moves: the OAuthApplicationId of its organization relationship with your organization is '11111111-2222-3333-4444-555555555555'. Contact the administrator of the remote organization to confirm organization relationships are configured correctly.")
    .line("c: Failed | The mailbox 'AlexW@M365x016651.OnMicrosoft.com' isn't in the cross-tenant migration scope: the source organization's relationship with your organization has no MailboxMovePublishedScopes.")
    .line("d: Success")
    .has("ERR ManagementObjectNotFoundException,Microsoft.Exchange.Management.SystemConfigurationTasks.SetOrganizationRelationship | The operation couldn't be performed because object 'No Such Group' couldn't be found on")
    .no_errors();
}

#[test]
fn rule07_only_members_of_a_published_scope_group_move() {
    run(r#"
Ready
Stamp "LidiaH@M365x016651.OnMicrosoft.com" "LidiaH@M365x946316.OnMicrosoft.com"
$b = Batch B1 'LidiaH@M365x946316.OnMicrosoft.com'
"batch: $($b.Status)"
Why LidiaH@M365x946316.OnMicrosoft.com
# Nested groups are supported (not recommended): LidiaH in a group that is in the scope group.
New-SourceDistributionGroup -Type Security -Name 'Scope Wave 2' | Out-Null
Add-SourceDistributionGroupMember 'Scope Wave 2' -Member LidiaH
Add-SourceDistributionGroupMember 'Mailbox Migration Scope' -Member 'Scope Wave 2'
"resumed: $((Resume B1).Status)"
"#)
    .line("batch: Failed")
    .line("Failed | MailboxNotInCrossTenantMigrationScopeException: The mailbox 'LidiaH@M365x016651.OnMicrosoft.com' isn't in the cross-tenant migration scope: it isn't a member of the mail-enabled security group(s) in MailboxMovePublishedScopes (Mailbox Migration Scope) of the source organization's relationship with your organization. Add it to the group and resume the batch.")
    .line("resumed: Synced")
    .no_errors();
}

#[test]
fn rule08_target_mail_user_attributes() {
    let o = run(r#"
Ready
$t = 'AlexW@M365x946316.OnMicrosoft.com'
$src = Get-SourceMailbox AlexW
$b = Batch B1 $t
"1: $(Why $t)" -replace [regex]::Escape("$($src.ExchangeGuid)"), '<guid>'
Set-TargetMailUser $t -ExchangeGuid $src.ExchangeGuid
$null = Resume B1
"2: $(Why $t)" -replace [regex]::Escape("x500:$($src.LegacyExchangeDN)"), 'x500:<dn>'
Set-TargetMailUser $t -EmailAddresses @{ add = "x500:$($src.LegacyExchangeDN)" }
$null = Resume B1
$xv = @($src.EmailAddresses | ? { $_ -like 'X500:*' })[0].Substring(5)
"3: $(Why $t)" -replace [regex]::Escape("x500:$xv"), 'x500:<x500>'
$x = $src.EmailAddresses | ? { $_ -like 'X500:*' } | % { 'x500:' + $_.Substring(5) }
Set-TargetMailUser $t -EmailAddresses @{ add = $x }
"4: $((Resume B1).Status)"
# DiegoS has an archive: the ArchiveGuid must be stamped too.
$d = Get-SourceMailbox DiegoS
Set-TargetMailUser Test-Diego@M365x946316.OnMicrosoft.com -ExchangeGuid $d.ExchangeGuid -EmailAddresses @{ add = @("x500:$($d.LegacyExchangeDN)") + @($d.EmailAddresses | ? { $_ -like 'X500:*' } | % { 'x500:' + $_.Substring(5) }) }
$b = Batch B2 'Test-Diego@M365x946316.OnMicrosoft.com'
"5: $(Why Test-Diego@M365x946316.OnMicrosoft.com)" -replace [regex]::Escape("$($d.ArchiveGuid)"), '<archive>'
Set-TargetMailUser Test-Diego@M365x946316.OnMicrosoft.com -ArchiveGuid $d.ArchiveGuid
"6: $((Resume B2).Status)"
# ExternalEmailAddress set without PrimarySmtpAddress becomes the primary address.
Set-TargetMailUser ChristieC@M365x946316.OnMicrosoft.com -ExternalEmailAddress ChristieC@M365x016651.OnMicrosoft.com
$c = Get-TargetMailUser ChristieC@M365x946316.OnMicrosoft.com
"7: $($c.PrimarySmtpAddress) $($c.ExternalEmailAddress)"
"#);
    o.line("1: Failed | MissingExchangeGuidException: The target MailUser 'AlexW' can't be matched with the source mailbox: it has no ExchangeGuid; the source mailbox's is <guid>. Set it with Set-MailUser -ExchangeGuid and resume the batch.")
        .line("2: Failed | MigrationPermanentException: The target MailUser 'AlexW' doesn't have the proxy address 'x500:<dn>' of the source mailbox (its LegacyExchangeDN and X500 addresses must be copied). Add it with Set-MailUser -EmailAddresses @{add='x500:<dn>'} and resume the batch.")
        .line("4: Synced")
        .line("5: Failed | MigrationPermanentException: The target MailUser 'Test-Diego' doesn't have the ArchiveGuid of the source archive (<archive>). Set it with Set-MailUser -ArchiveGuid and resume the batch.")
        .line("6: Synced")
        .line("7: ChristieC@M365x016651.OnMicrosoft.com SMTP:ChristieC@M365x016651.OnMicrosoft.com")
        .no_errors();
    o.line("3: Failed | MigrationPermanentException: The target MailUser 'AlexW' doesn't have the proxy address 'x500:<x500>' of the source mailbox (its LegacyExchangeDN and X500 addresses must be copied). Add it with Set-MailUser -EmailAddresses @{add='x500:<x500>'} and resume the batch.");
}

#[test]
fn rule09_previous_mailbox_must_be_cleared() {
    run(r#"
Ready
Stamp "PattiF@M365x016651.OnMicrosoft.com" "PattiF@M365x946316.OnMicrosoft.com"
Get-TargetUser PattiF@M365x946316.OnMicrosoft.com | select Name, *recipient* | Format-Table -AutoSize | Out-String -Width 120 | % { $_.Trim() }
$b = Batch B1 'PattiF@M365x946316.OnMicrosoft.com'
(Why PattiF@M365x946316.OnMicrosoft.com) -replace '[0-9a-f]{8}-[0-9a-f-]{27}', '<guid>'
Set-TargetUser PattiF@M365x946316.OnMicrosoft.com -PermanentlyClearPreviousMailboxInfo
"previous: $((Get-TargetUser PattiF@M365x946316.OnMicrosoft.com).PreviousRecipientTypeDetails)"
"resumed: $((Resume B1).Status)"
"#)
    .line("Name   PreviousRecipientTypeDetails RecipientType RecipientTypeDetails")
    .line("PattiF UserMailbox                  MailUser      MailUser")
    .line("Failed | MigrationPermanentException: Target user 'PattiF' still has information about a previous mailbox (PreviousExchangeGuid <guid>). Clear it with Set-User -PermanentlyClearPreviousMailboxInfo and resume the batch.")
    .line("previous: None")
    .line("resumed: Synced")
    .no_errors();
}

#[test]
fn rule10_licensing_before_the_exchange_guid_creates_a_mailbox() {
    run(r#"
Ready
$sku = (Get-MgSubscribedSku -All | ? SkuPartNumber -eq 'SPE_E5').SkuId
# KimA: a new mail user licensed with Exchange before its ExchangeGuid is stamped.
New-TenantSimUser -Tenant M365x016651 -UserPrincipalName KimA@M365x016651.OnMicrosoft.com -NoOneDrive -Mailbox | Out-Null
Add-SourceDistributionGroupMember 'Mailbox Migration Scope' -Member KimA
$pw = ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force
New-TargetMailUser -Name KimA -MicrosoftOnlineServicesID KimA@M365x946316.onmicrosoft.com -ExternalEmailAddress KimA@M365x016651.OnMicrosoft.com -Password $pw | Out-Null
Err { Set-MgUserLicense -UserId KimA@M365x946316.onmicrosoft.com -AddLicenses @{ SkuId = $sku } -RemoveLicenses @() }
Update-MgUser -UserId KimA@M365x946316.onmicrosoft.com -UsageLocation US
Set-MgUserLicense -UserId KimA@M365x946316.onmicrosoft.com -AddLicenses @{ SkuId = $sku } -RemoveLicenses @() | Out-Null
"KimA is a $((Get-TargetRecipient KimA).RecipientTypeDetails)"
$b = Batch B1 'KimA@M365x946316.onmicrosoft.com'
Why KimA@M365x946316.onmicrosoft.com
# LeoB: stamped first, then licensed: it stays a mail user and moves.
New-TenantSimUser -Tenant M365x016651 -UserPrincipalName LeoB@M365x016651.OnMicrosoft.com -NoOneDrive -Mailbox | Out-Null
Add-SourceDistributionGroupMember 'Mailbox Migration Scope' -Member LeoB
New-TargetMailUser -Name LeoB -MicrosoftOnlineServicesID LeoB@M365x946316.onmicrosoft.com -ExternalEmailAddress LeoB@M365x016651.OnMicrosoft.com -Password $pw | Out-Null
Stamp LeoB@M365x016651.OnMicrosoft.com LeoB@M365x946316.onmicrosoft.com
Update-MgUser -UserId LeoB@M365x946316.onmicrosoft.com -UsageLocation US
Set-MgUserLicense -UserId LeoB@M365x946316.onmicrosoft.com -AddLicenses @{ SkuId = $sku } -RemoveLicenses @() | Out-Null
"LeoB is a $((Get-TargetRecipient LeoB).RecipientTypeDetails)"
"LeoB: $((Batch B2 'LeoB@M365x946316.onmicrosoft.com' -Complete).Status)"
"#)
    .has("ERR Request_BadRequest,Microsoft.Graph.PowerShell.Cmdlets.SetMgUserLicense_AssignExpanded | License assignment cannot be done for user with invalid usage location.\n\nStatus: 400 (BadRequest)\nErrorCode: Request_BadRequest\nDate: 2026-11-23T")
    .line("KimA is a UserMailbox")
    .line("Failed | MigrationPermanentException: Target user 'KimA' already has a primary mailbox.")
    .line("LeoB is a MailUser")
    .line("LeoB: Completed")
    .no_errors();
}

#[test]
fn rule11_cross_tenant_migration_license_on_source_or_target() {
    run(r#"
Ready
Stamp "LeeG@M365x016651.OnMicrosoft.com" "LeeG@M365x946316.OnMicrosoft.com"
$b = Batch B1 'LeeG@M365x946316.OnMicrosoft.com'
$g = (Get-SourceMailbox LeeG).ExchangeGuid
(Why LeeG@M365x946316.OnMicrosoft.com) -replace "$g", '<guid>'
# The licence on the target user is enough.
$sku = (Get-MgSubscribedSku -All | ? SkuPartNumber -eq 'Cross_tenant_user_data_migration').SkuId
Set-MgUserLicense -UserId LeeG@M365x946316.OnMicrosoft.com -AddLicenses @{ SkuId = $sku } -RemoveLicenses @() | Out-Null
"resumed: $((Resume B1).Status)"
"#)
    .line("Failed | CrossTenantMigrationWithoutLicensePermanentException: No license was found for the source recipient, '<guid>', or the target recipient, '<guid>'. A Cross-tenant User Data Migration license is required to move a mailbox between tenants.")
    .line("resumed: Synced")
    .no_errors();
}

#[test]
fn rule12_mailboxes_on_hold_are_not_moved() {
    run(r#"
Ready
Stamp "AdeleV@M365x016651.OnMicrosoft.com" "AdeleV@M365x946316.OnMicrosoft.com"
"hold: $((Get-SourceMailbox AdeleV).LitigationHoldEnabled)"
$b = Batch B1 'AdeleV@M365x946316.OnMicrosoft.com'
Why AdeleV@M365x946316.OnMicrosoft.com
Set-TenantSimMailbox -Tenant M365x016651 -Identity AdeleV -LitigationHold $false -InPlaceHolds 'UniH7d895e1e-9d4b-4a4d-bb0b-1a0e6c2b1a11'
$null = Resume B1
Why AdeleV@M365x946316.OnMicrosoft.com
Set-TenantSimMailbox -Tenant M365x016651 -Identity AdeleV -InPlaceHolds @()
"resumed: $((Resume B1).Status)"
"#)
    .line("hold: True")
    .line("Failed | MigrationPermanentException: The source mailbox 'AdeleV@M365x016651.OnMicrosoft.com' is on hold (Litigation Hold). Mailboxes on any type of hold can't be moved cross-tenant; release the hold first.")
    .line("Failed | MigrationPermanentException: The source mailbox 'AdeleV@M365x016651.OnMicrosoft.com' is on hold (In-Place Hold (UniH7d895e1e-9d4b-4a4d-bb0b-1a0e6c2b1a11)). Mailboxes on any type of hold can't be moved cross-tenant; release the hold first.")
    .line("resumed: Synced")
    .no_errors();
}

#[test]
fn rule13_batches_are_created_on_the_target_from_a_csv() {
    run(r#"
Ready
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
$dir = [System.IO.Path]::GetTempPath()
$bad = $dir + "tenantsim-mbx-$TestRun-bad.csv"
$null = [System.IO.File]::WriteAllLines($bad, [string[]]@('Mail', 'AlexW@M365x946316.OnMicrosoft.com'))
Err { New-TargetMigrationBatch -Name X -SourceEndpoint EP -CSVData ([System.IO.File]::ReadAllBytes($bad)) -TargetDeliveryDomain $TD }
Remove-Item $bad
Err { New-TargetMigrationBatch -Name X -SourceEndpoint EP -CSVData (CsvBytes 'AlexW@M365x946316.OnMicrosoft.com') }
Err { New-TargetMigrationBatch -Name X -SourceEndpoint EP -CSVData (CsvBytes 'AlexW@M365x946316.OnMicrosoft.com') -TargetDeliveryDomain contoso.com }
$b = Batch B1 'AlexW@M365x946316.OnMicrosoft.com' -NoStart
"$($b.Identity) $($b.Status) $($b.Type) $($b.TotalCount) $($b.TargetDeliveryDomain)"
Start-TargetMigrationBatch B1
"started: $((Get-TargetMigrationBatch B1).Status)"
"synced: $((Wait-Batch B1).Status)"
Err { Start-TargetMigrationBatch B1x }
# Unknown addresses fail per user (text of microsoft-365-docs#6139).
$b = Batch B2 'nobody@M365x946316.onmicrosoft.com'
Why nobody@M365x946316.onmicrosoft.com
"#)
    .line("ERR MigrationCSVParsingException,Microsoft.Exchange.Management.Migration.MigrationService.Batch.NewMigrationBatch | The CSV file doesn't contain the required column 'EmailAddress'. The header row is 'Mail'.")
    .line("ERR ArgumentException,Microsoft.Exchange.Management.Migration.MigrationService.Batch.NewMigrationBatch | You must specify the TargetDeliveryDomain parameter for this type of migration.")
    .line("ERR DataValidationException,Microsoft.Exchange.Management.Migration.MigrationService.Batch.NewMigrationBatch | The domain 'contoso.com' isn't an accepted domain for your organization.")
    .line("B1 Created ExchangeRemoteMove 1 M365x946316.onmicrosoft.com")
    .line("started: Syncing")
    .line("synced: Synced")
    .line("ERR MigrationBatchNotFoundException,Microsoft.Exchange.Management.Migration.MigrationService.Batch.StartMigrationBatch | The migration batch 'B1x' couldn't be found.")
    .line("Failed | MigrationRecipientNotFoundException: A recipient wasn't found for \"nobody@M365x946316.onmicrosoft.com\" on the target. Create a recipient of the appropriate type for this migration on the target and try again.")
    .no_errors();
}

#[test]
fn rule14_one_batch_per_user_and_no_existing_move() {
    run(r#"
Ready
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
Stamp "DebraB@M365x016651.OnMicrosoft.com" "DebraB@M365x946316.OnMicrosoft.com"
$b = Batch B1 'AlexW@M365x946316.OnMicrosoft.com'
$b = Batch B2 'AlexW@M365x946316.OnMicrosoft.com'
Get-TargetMigrationUser AlexW@M365x946316.OnMicrosoft.com | % { "$($_.Batch) $($_.Status) | $($_.ErrorSummary)" }
# An internal move of DebraB's mailbox is running in the source.
Set-TenantSimMailbox -Tenant M365x016651 -Identity DebraB -MoveInProgress $true
$b = Batch B3 'DebraB@M365x946316.OnMicrosoft.com'
Why DebraB@M365x946316.OnMicrosoft.com
Set-TenantSimMailbox -Tenant M365x016651 -Identity DebraB -MoveInProgress $false
"resumed: $((Resume B3).Status)"
"#)
    .line("B1 Synced |")
    .line("B2 Failed | UserDuplicateInOtherBatchException: The user 'AlexW@M365x946316.OnMicrosoft.com' already exists in the migration batch 'B1'. Remove the migration user and add it to a new batch.")
    .line("Failed | SourceMailboxAlreadyBeingMovedPermanentException: The source mailbox 'DebraB@M365x016651.OnMicrosoft.com' is already being moved (move request 'Debra Berger' in status InProgress). Wait for that move to finish or remove it, then remove the migration user and add it to a new batch.")
    .line("resumed: Synced")
    .no_errors();
}

#[test]
fn rule15_completion_converts_both_sides() {
    run(r#"
Ready
Stamp "DiegoS@M365x016651.OnMicrosoft.com" "Test-Diego@M365x946316.OnMicrosoft.com"
$before = Get-SourceMailbox DiegoS
$b = Batch B1 'Test-Diego@M365x946316.OnMicrosoft.com'
"synced: $($b.Status); source still $((Get-SourceRecipient DiegoS).RecipientTypeDetails)"
Complete-TargetMigrationBatch B1
"completing: $((Get-TargetMigrationBatch B1).Status)"
$b = Wait-Batch B1
"batch: $($b.Status) $($b.FinalizedCount)/$($b.TotalCount)"
$s = Get-SourceMailUser DiegoS
"source: $($s.RecipientTypeDetails) $($s.ExternalEmailAddress) $($s.ExchangeGuid -eq $before.ExchangeGuid)"
Err { Get-SourceMailbox DiegoS }
$t = Get-TargetMailbox Test-Diego@M365x946316.OnMicrosoft.com
"target: $($t.RecipientTypeDetails) $($t.ExchangeGuid -eq $before.ExchangeGuid) $($t.ArchiveStatus) $($t.ArchiveGuid -eq $before.ArchiveGuid)"
$st = Get-TargetMoveRequestStatistics Test-Diego@M365x946316.OnMicrosoft.com
"$($st.StatusDetail) $($st.PercentComplete) $($st.TotalMailboxSize)"
"#)
    .line("synced: Synced; source still UserMailbox")
    .line("completing: Completing")
    .line("batch: Completed 1/1")
    .line("source: MailUser SMTP:Test-Diego@M365x946316.OnMicrosoft.com True")
    .has("ERR ManagementObjectNotFoundException,Microsoft.Exchange.Management.RecipientTasks.GetMailbox | The operation couldn't be performed because object 'DiegoS' couldn't be found on '")
    .line("target: UserMailbox True Active True")
    .line("Completed 100 4.2 GB (4,509,715,660 bytes)")
    .no_errors();
}

#[test]
fn rule15_the_target_delivery_domain_picks_the_routing_address() {
    run(r#"
Ready
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
Stamp "ChristieC@M365x016651.OnMicrosoft.com" "ChristieC@M365x946316.OnMicrosoft.com"
# Every organization accepts its coexistence domain <name>.mail.onmicrosoft.com.
Set-TargetMailUser AlexW@M365x946316.OnMicrosoft.com -EmailAddresses @{ add = 'smtp:AlexW@M365x946316.mail.onmicrosoft.com' }
$bytes = CsvBytes 'AlexW@M365x946316.OnMicrosoft.com', 'ChristieC@M365x946316.OnMicrosoft.com'
New-TargetMigrationBatch -Name B1 -SourceEndpoint EP -CSVData $bytes -TargetDeliveryDomain M365x946316.mail.onmicrosoft.com -AutoStart -AutoComplete | Out-Null
"batch: $((Wait-Batch B1).Status)"
"AlexW: $((Get-SourceMailUser AlexW).ExternalEmailAddress)"
Why ChristieC@M365x946316.OnMicrosoft.com
"#)
    .line("batch: CompletedWithErrors")
    .line("AlexW: SMTP:AlexW@M365x946316.mail.onmicrosoft.com")
    .line("Failed | MigrationPermanentException: The target MailUser 'ChristieC' has no proxy address in the target delivery domain 'M365x946316.mail.onmicrosoft.com'.")
    .no_errors();
}

#[test]
fn rule16_limits_batch_size_and_auxiliary_archives() {
    let o = run(r#"
Ready
Stamp "MeganB@M365x016651.OnMicrosoft.com" "MeganB@M365x946316.OnMicrosoft.com"
"aux: $((Get-SourceMailbox MeganB).AutoExpandingArchiveEnabled)"
$b = Batch B1 'MeganB@M365x946316.OnMicrosoft.com'
Why MeganB@M365x946316.OnMicrosoft.com
$many = 1..2001 | % { "user$_@M365x946316.onmicrosoft.com" }
$big = New-TargetMigrationBatch -Name Big -SourceEndpoint EP -CSVData (CsvBytes $many) -TargetDeliveryDomain $TD
"big: $($big.TotalCount) $($big.Status)"
"#);
    o.line("aux: True")
        .line("Failed | MigrationPermanentException: The source mailbox 'MeganB@M365x016651.OnMicrosoft.com' has 13 auxiliary archives; cross-tenant moves support auto-expanding archives with at most 12.")
        .line("WARNING: The batch has 2001 users. Cross-tenant migration batches of at most 2000 mailboxes are recommended; split larger migrations into several batches.")
        .line("big: 2001 Created")
        .no_errors();
}

#[test]
fn rule17_a_domain_belongs_to_one_tenant() {
    run(r#"
Ready
Err { Set-TargetMailUser AlexW@M365x946316.OnMicrosoft.com -EmailAddresses @{ add = 'smtp:AlexW@M365x016651.OnMicrosoft.com' } }
Err { Set-TargetMailUser AlexW@M365x946316.OnMicrosoft.com -PrimarySmtpAddress AlexW@M365x016651.OnMicrosoft.com }
# A foreign proxy synchronized from elsewhere (JohannaL's target in the scenario) blocks the move.
(Get-TargetMailUser Johanna.Lorenz@M365x946316.OnMicrosoft.com).EmailAddresses -join ' '
"#)
    .line("ERR ArgumentException,Microsoft.Exchange.Management.RecipientTasks.SetMailUser | You can't use the domain m365x016651.onmicrosoft.com because it's not an accepted domain for your organization.")
    .line("ERR ArgumentException,Microsoft.Exchange.Management.RecipientTasks.SetMailUser | You can't use the domain m365x016651.onmicrosoft.com because it's not an accepted domain for your organization.")
    .line("SMTP:Johanna.Lorenz@M365x946316.OnMicrosoft.com smtp:JohannaL@M365x016651.OnMicrosoft.com")
    .no_errors();
}

#[test]
fn rule18_permissions_survive_only_between_moved_mailboxes() {
    run(r#"
Ready
Add-SourceMailboxPermission DiegoS -User AlexW -AccessRights FullAccess | Out-Null
Add-SourceMailboxPermission DiegoS -User LeeG -AccessRights FullAccess | Out-Null
Add-SourceMailboxPermission AlexW -User DiegoS -AccessRights FullAccess | Out-Null
Set-SourceMailbox DiegoS -GrantSendOnBehalfTo AlexW
"before: $((Get-SourceMailbox DiegoS).GrantSendOnBehalfTo)"
Stamp "DiegoS@M365x016651.OnMicrosoft.com" "Test-Diego@M365x946316.OnMicrosoft.com"
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
$b = Batch B1 'Test-Diego@M365x946316.OnMicrosoft.com', 'AlexW@M365x946316.OnMicrosoft.com' -Complete
"batch: $($b.Status)"
Get-TargetMailboxPermission Test-Diego@M365x946316.OnMicrosoft.com | % { "Test-Diego: $($_.User) {$($_.AccessRights -join ', ')}" }
Get-TargetMailboxPermission AlexW@M365x946316.OnMicrosoft.com | % { "AlexW: $($_.User) {$($_.AccessRights -join ', ')}" }
"after: [$((Get-TargetMailbox Test-Diego@M365x946316.OnMicrosoft.com).GrantSendOnBehalfTo)]"
"#)
    .line("before: AlexW")
    .line("batch: Completed")
    .line("Test-Diego: NT AUTHORITY\\SELF {FullAccess, ReadPermission}")
    .line("Test-Diego: AlexW@M365x946316.OnMicrosoft.com {FullAccess}")
    .line("AlexW: NT AUTHORITY\\SELF {FullAccess, ReadPermission}")
    .line("AlexW: Test-Diego@M365x946316.OnMicrosoft.com {FullAccess}")
    .lacks("LeeG@")
    .line("after: []")
    .no_errors();
}

#[test]
fn rule18_a_full_access_grant_follows_when_the_delegate_moves_in_a_later_batch() {
    run(r#"
Ready
Add-SourceMailboxPermission DiegoS -User AlexW -AccessRights FullAccess | Out-Null
Stamp "DiegoS@M365x016651.OnMicrosoft.com" "Test-Diego@M365x946316.OnMicrosoft.com"
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
$b = Batch B1 'Test-Diego@M365x946316.OnMicrosoft.com' -Complete
"B1: $($b.Status)"
"after B1: $(@(Get-TargetMailboxPermission Test-Diego@M365x946316.OnMicrosoft.com | % User) -join ', ')"
$b = Batch B2 'AlexW@M365x946316.OnMicrosoft.com' -Complete
"B2: $($b.Status)"
"after B2: $(@(Get-TargetMailboxPermission Test-Diego@M365x946316.OnMicrosoft.com | % User) -join ', ')"
"#)
    .line("B1: Completed")
    .line("after B1: NT AUTHORITY\\SELF")
    .line("B2: Completed")
    .line("after B2: NT AUTHORITY\\SELF, AlexW@M365x946316.OnMicrosoft.com")
    .no_errors();
}

#[test]
fn rule19_moving_back_needs_inbound_and_remote_outbound_on_both_sides() {
    run(r#"
Ready
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
"there: $((Batch B1 'AlexW@M365x946316.OnMicrosoft.com' -Complete).Status)"
# The new source (M365x946316) and new target (M365x016651) swap roles: an app in the new
# target, consented in both; an endpoint in the new target; both relationships edited to
# 'Inbound, RemoteOutbound'; a new scope group in the new source.
$back = New-MigrationApp -Tenant $SD
Grant-TenantSimAdminConsent -Tenant M365x016651 -ApplicationId $back.AppId | Out-Null
Grant-TenantSimAdminConsent -Tenant M365x946316 -ApplicationId $back.AppId | Out-Null
New-SourceMigrationEndpoint -Name Back -RemoteServer outlook.office.com -RemoteTenant $TD -Credentials (Cred $back.AppId $back.Secret) -ExchangeRemoteMove -ApplicationId $back.AppId | Out-Null
New-TargetDistributionGroup -Type Security -Name 'Move Back Scope' | Out-Null
Add-TargetDistributionGroupMember 'Move Back Scope' -Member AlexW@M365x946316.OnMicrosoft.com
Set-TargetOrganizationRelationship Source -MailboxMoveCapability Inbound, RemoteOutbound -OAuthApplicationId $back.AppId -MailboxMovePublishedScopes 'Move Back Scope'
# Not yet 'Inbound, RemoteOutbound' in the new target: the move back fails.
$m = Get-TargetMailbox AlexW@M365x946316.OnMicrosoft.com
$x = @('x500:' + $m.LegacyExchangeDN) + @($m.EmailAddresses | ? { $_ -match '^x500:' } | % { 'x500:' + $_.Substring(5) })
Set-SourceMailUser AlexW -EmailAddresses @{ add = $x }
$csv = CsvBytes 'AlexW@M365x016651.OnMicrosoft.com'
New-SourceMigrationBatch -Name Back -SourceEndpoint Back -CSVData $csv -TargetDeliveryDomain $SD -AutoStart -AutoComplete | Out-Null
Start-Sleep -Seconds 3600
$u = Get-SourceMigrationUser AlexW@M365x016651.OnMicrosoft.com
"back: $($u.Status) | $($u.ErrorSummary)"
Set-SourceOrganizationRelationship Target -MailboxMoveCapability 'Inbound, RemoteOutbound'
"relationships: $((Get-SourceOrganizationRelationship Target).MailboxMoveCapability) / $((Get-TargetOrganizationRelationship Source).MailboxMoveCapability)"
Start-SourceMigrationBatch Back
Start-Sleep -Seconds 7200
"back: $((Get-SourceMigrationBatch Back).Status)"
"AlexW in the source: $((Get-SourceRecipient AlexW).RecipientTypeDetails); in the target: $((Get-TargetRecipient AlexW@M365x946316.OnMicrosoft.com).RecipientTypeDetails)"
"#)
    .line("there: Completed")
    .line("back: Failed | MigrationPermanentException: Your organization does not authorize 'pull' or Inbound moves from the remote organization. Contact your administrator to confirm organization relationships are configured correctly.")
    .line("relationships: Inbound, RemoteOutbound / Inbound, RemoteOutbound")
    .line("back: Completed")
    .line("AlexW in the source: UserMailbox; in the target: MailUser")
    .no_errors();
}

#[test]
fn rule20_cleanup_removes_endpoint_and_relationships() {
    run(r#"
Ready
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
$b = Batch B1 'AlexW@M365x946316.OnMicrosoft.com' -Complete
Err { Remove-TargetMigrationEndpoint EP }
Remove-TargetMigrationBatch B1
Remove-TargetMigrationEndpoint EP
Remove-TargetOrganizationRelationship Source
Remove-SourceOrganizationRelationship Target
"endpoints: $(@(Get-TargetMigrationEndpoint).Count); relationships: $(@(Get-TargetOrganizationRelationship).Count) / $(@(Get-SourceOrganizationRelationship).Count)"
"move request kept: $((Get-TargetMoveRequest AlexW@M365x946316.OnMicrosoft.com).Status)"
Err { Remove-TargetOrganizationRelationship Source }
"#)
    .line("ERR MigrationEndpointInUseException,Microsoft.Exchange.Management.Migration.MigrationService.Endpoint.RemoveMigrationEndpoint | The migration endpoint 'EP' is in use by the migration batch 'B1' and can't be removed.")
    .line("endpoints: 0; relationships: 0 / 0")
    .line("move request kept: Completed")
    .has("ERR ManagementObjectNotFoundException,Microsoft.Exchange.Management.SystemConfigurationTasks.RemoveOrganizationRelationship | The operation couldn't be performed because object 'Source' couldn't be found on '")
    .no_errors();
}

#[test]
fn rule21_roles_organization_management_and_move_mailboxes() {
    run(r#"
Set-TenantSimUser -Tenant M365x946316 -UserPrincipalName BiancaP@M365x946316.OnMicrosoft.com -Role 'Exchange Recipient Administrator'
Connect-ExchangeOnline -UserPrincipalName BiancaP@M365x946316.OnMicrosoft.com -ShowBanner:$false
"recipient admin: relationships $([bool](Get-Command New-OrganizationRelationship -ErrorAction SilentlyContinue)), batches $([bool](Get-Command New-MigrationBatch -ErrorAction SilentlyContinue)), read $([bool](Get-Command Get-OrganizationRelationship -ErrorAction SilentlyContinue))"
Err { New-OrganizationRelationship X -DomainNames contoso.com -MailboxMoveCapability Inbound }
Connect-ExchangeOnline -UserPrincipalName AlexW@M365x946316.OnMicrosoft.com -ShowBanner:$false
"plain user: batches $([bool](Get-Command New-MigrationBatch -ErrorAction SilentlyContinue))"
Connect-ExchangeOnline -UserPrincipalName admin@M365x946316.onmicrosoft.com -ShowBanner:$false
"global admin: relationships $([bool](Get-Command New-OrganizationRelationship -ErrorAction SilentlyContinue))"
"#)
    .line("recipient admin: relationships False, batches True, read True")
    .has("ERR CommandNotFoundException | The term 'New-OrganizationRelationship' is not recognized as a name of a cmdlet, function, script file, or executable program.")
    .line("plain user: batches False")
    .line("global admin: relationships True")
    .no_errors();
}
