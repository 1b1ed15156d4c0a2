//! The documented migration failures (`reference/mailbox-t2t.md`, section 13): each is
//! reproduced with its exception name in the migration user's error, then fixed with the
//! documented remedy.

mod mailbox_support;

use mailbox_support::run;

#[test]
fn mailbox_not_in_cross_tenant_migration_scope() {
    run(r#"
Ready
Stamp "LidiaH@M365x016651.OnMicrosoft.com" "LidiaH@M365x946316.OnMicrosoft.com"
$b = Batch B1 'LidiaH@M365x946316.OnMicrosoft.com'
$u = Get-TargetMigrationUser LidiaH@M365x946316.OnMicrosoft.com
"$($u.Status) $($u.ErrorSummary.Split(':')[0])"
# Remedy: add the user to the source security group, resume the batch.
Add-SourceDistributionGroupMember -Identity 'Mailbox Migration Scope' -Member LidiaH@M365x016651.OnMicrosoft.com
"resumed: $((Resume B1).Status)"
"#)
    .line("Failed MailboxNotInCrossTenantMigrationScopeException")
    .line("resumed: Synced")
    .no_errors();
}

#[test]
fn aux_archive_not_found_in_target_recipient() {
    run(r#"
Ready
Set-TenantSimMailbox -Tenant M365x016651 -Identity LidiaH -AuxArchiveCount 2
Stamp "LidiaH@M365x016651.OnMicrosoft.com" "LidiaH@M365x946316.OnMicrosoft.com"
$b = Batch B1 'LidiaH@M365x946316.OnMicrosoft.com'
"1: $((Why LidiaH@M365x946316.OnMicrosoft.com).Split(':')[0])"
Add-SourceDistributionGroupMember 'Mailbox Migration Scope' -Member LidiaH
$b = Resume B1
"2: $(Why LidiaH@M365x946316.OnMicrosoft.com)"
# Remedy: remove the migration user and add it to a new batch.
Get-TargetMigrationUser -Identity LidiaH@M365x946316.OnMicrosoft.com -IncludeAssociatedUsers | Remove-TargetMigrationUser
"3: $((Batch B2 'LidiaH@M365x946316.OnMicrosoft.com').Status)"
"#)
    .line("1: Failed | MailboxNotInCrossTenantMigrationScopeException")
    .line("2: Failed | AuxArchiveNotFoundInTargetRecipientException: The auxiliary archive of 'LidiaH@M365x016651.OnMicrosoft.com' wasn't found in the target recipient: the user wasn't in the migration scope when the batch started. Remove the migration user and add it to a new batch.")
    .line("3: Synced")
    .no_errors();
}

#[test]
fn mailbox_is_not_in_expected_db() {
    run(r#"
Ready
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
Add-TenantSimMailboxFault -Mailbox AlexW@M365x016651.OnMicrosoft.com -Phase InitialSync -Exception MailboxIsNotInExpectedDBException -Message 'The mailbox is not in the expected database (internal maintenance).' | Out-Null
$b = Batch B1 'AlexW@M365x946316.OnMicrosoft.com'
Why AlexW@M365x946316.OnMicrosoft.com
(Get-TargetMoveRequestStatistics AlexW@M365x946316.OnMicrosoft.com).FailureType
Get-TargetMigrationUser -Identity AlexW@M365x946316.OnMicrosoft.com -IncludeAssociatedUsers | Remove-TargetMigrationUser
"new batch: $((Batch B2 'AlexW@M365x946316.OnMicrosoft.com').Status)"
"#)
    .line("Failed | MailboxIsNotInExpectedDBException: The mailbox is not in the expected database (internal maintenance).")
    .line("MailboxIsNotInExpectedDBException")
    .line("new batch: Synced")
    .no_errors();
}

#[test]
fn not_accepted_domain() {
    run(r#"
Ready
Stamp "JohannaL@M365x016651.OnMicrosoft.com" "Johanna.Lorenz@M365x946316.OnMicrosoft.com"
$b = Batch B1 'Johanna.Lorenz@M365x946316.OnMicrosoft.com'
Why Johanna.Lorenz@M365x946316.OnMicrosoft.com
# Remedy: remove the proxy (the article's command, with this user), resume the batch.
Set-TargetMailUser Johanna.Lorenz@M365x946316.OnMicrosoft.com -EmailAddress @{remove="smtp:JohannaL@M365x016651.OnMicrosoft.com"}
"resumed: $((Resume B1).Status)"
"#)
    .line("Failed | NotAcceptedDomainException: The proxy address 'smtp:JohannaL@M365x016651.OnMicrosoft.com' of the target MailUser 'Johanna.Lorenz' is in the domain 'm365x016651.onmicrosoft.com', which isn't an accepted domain of your organization. Remove the proxy address and resume the batch.")
    .line("resumed: Synced")
    .no_errors();
}

#[test]
fn source_aux_archive_is_provisioned_during_cross_tenant_move() {
    run(r#"
Ready
Set-TenantSimMailbox -Tenant M365x016651 -Identity AlexW -AuxArchiveCount 1
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
New-TargetMigrationBatch -Name B1 -SourceEndpoint EP -CSVData (CsvBytes 'AlexW@M365x946316.OnMicrosoft.com') -TargetDeliveryDomain $TD -AutoStart | Out-Null
Start-Sleep -Seconds 600
"syncing: $((Get-TargetMigrationUser AlexW@M365x946316.OnMicrosoft.com).Status)"
# A new auxiliary archive appears in the source while the move runs.
Set-TenantSimMailbox -Tenant M365x016651 -Identity AlexW -AuxArchiveCount 2
$b = Wait-Batch B1
Why AlexW@M365x946316.OnMicrosoft.com
Get-TargetMigrationUser -Identity AlexW@M365x946316.OnMicrosoft.com -IncludeAssociatedUsers | Remove-TargetMigrationUser
"new batch: $((Batch B2 'AlexW@M365x946316.OnMicrosoft.com').Status)"
"#)
    .line("syncing: Syncing")
    .line("Failed | SourceAuxArchiveIsProvisionedDuringCrossTenantMovePermanentException: A new auxiliary archive was provisioned for the source mailbox 'AlexW@M365x016651.OnMicrosoft.com' during the move. Remove the migration user and add it to a new batch.")
    .line("new batch: Synced")
    .no_errors();
}

#[test]
fn user_duplicate_in_other_batch() {
    run(r#"
Ready
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
Stamp "DebraB@M365x016651.OnMicrosoft.com" "DebraB@M365x946316.OnMicrosoft.com"
$b = Batch B1 'AlexW@M365x946316.OnMicrosoft.com' -NoStart
$b = Batch B2 'AlexW@M365x946316.OnMicrosoft.com', 'DebraB@M365x946316.OnMicrosoft.com'
"B2: $($b.Status)"
Get-TargetMigrationUser -BatchId B2 | % { "$($_.Identity): $($_.Status) $("$($_.ErrorSummary)".Split(':')[0])" }
# Remedy: remove the migration user (both records) and add it to a new batch.
Get-TargetMigrationUser -Identity AlexW@M365x946316.OnMicrosoft.com -IncludeAssociatedUsers | Remove-TargetMigrationUser
"B3: $((Batch B3 'AlexW@M365x946316.OnMicrosoft.com').Status)"
"#)
    .line("B2: SyncedWithErrors")
    .line("AlexW@M365x946316.OnMicrosoft.com: Failed UserDuplicateInOtherBatchException")
    .line("DebraB@M365x946316.OnMicrosoft.com: Synced")
    .line("B3: Synced")
    .no_errors();
}

#[test]
fn missing_exchange_guid() {
    run(r#"
Ready
$src = Get-SourceMailbox IsaiahL
Set-TargetMailUser IsaiahL@M365x946316.OnMicrosoft.com -EmailAddresses @{ add = @("x500:$($src.LegacyExchangeDN)") + @($src.EmailAddresses | ? { $_ -like 'X500:*' } | % { 'x500:' + $_.Substring(5) }) }
$b = Batch B1 'IsaiahL@M365x946316.OnMicrosoft.com'
(Why IsaiahL@M365x946316.OnMicrosoft.com).Split(':')[0..1] -join ':'
# Remedy: Set-MailUser ... -ExchangeGuid <guid>, resume.
Set-TargetMailUser IsaiahL@M365x946316.OnMicrosoft.com -ExchangeGuid $src.ExchangeGuid
"resumed: $((Resume B1).Status)"
"#)
    .line("Failed | MissingExchangeGuidException: The target MailUser 'IsaiahL' can't be matched with the source mailbox")
    .line("resumed: Synced")
    .no_errors();
}

#[test]
fn source_mailbox_already_being_moved() {
    run(r#"
Ready
Stamp "AlexW@M365x016651.OnMicrosoft.com" "AlexW@M365x946316.OnMicrosoft.com"
Set-TenantSimMailbox -Tenant M365x016651 -Identity AlexW -MoveInProgress $true
$b = Batch B1 'AlexW@M365x946316.OnMicrosoft.com'
(Why AlexW@M365x946316.OnMicrosoft.com).Split(':')[0]
# Remedy: wait for (or remove) the existing move, remove the migration user, new batch.
Set-TenantSimMailbox -Tenant M365x016651 -Identity AlexW -MoveInProgress $false
Get-TargetMigrationUser -Identity AlexW@M365x946316.OnMicrosoft.com -IncludeAssociatedUsers | Remove-TargetMigrationUser
"new batch: $((Batch B2 'AlexW@M365x946316.OnMicrosoft.com').Status)"
"#)
    .line("Failed | SourceMailboxAlreadyBeingMovedPermanentException")
    .line("new batch: Synced")
    .no_errors();
}

#[test]
fn user_already_has_demoted_archive_remove_it() {
    run(r#"
Ready
Stamp "NestorW@M365x016651.OnMicrosoft.com" "NestorW@M365x946316.OnMicrosoft.com"
$b = Batch B1 'NestorW@M365x946316.OnMicrosoft.com'
(Why NestorW@M365x946316.OnMicrosoft.com) -replace '\([0-9a-f-]{36}\)', '(<guid>)'
# Remedy 1 (irreversible): remove the disabled archive, resume.
Set-SourceMailbox -RemoveDisabledArchive NestorW@M365x016651.OnMicrosoft.com
"resumed: $((Resume B1).Status)"
"#)
    .line("Failed | UserAlreadyHasDemotedArchiveException: The source mailbox 'NestorW@M365x016651.OnMicrosoft.com' has a disabled archive (<guid>). Remove it with Set-Mailbox -RemoveDisabledArchive, or enable it with Enable-Mailbox -Archive and set its ArchiveGuid on the target MailUser, then resume the batch.")
    .line("resumed: Synced")
    .no_errors();
}

#[test]
fn user_already_has_demoted_archive_enable_it() {
    run(r#"
Ready
Stamp "NestorW@M365x016651.OnMicrosoft.com" "NestorW@M365x946316.OnMicrosoft.com"
$b = Batch B1 'NestorW@M365x946316.OnMicrosoft.com'
"1: $((Why NestorW@M365x946316.OnMicrosoft.com).Split(':')[0])"
# Remedy 2: Enable-Mailbox -Archive (reconnects the disabled archive), then the ArchiveGuid on
# the target MailUser, resume.
$m = Enable-SourceMailbox -Archive NestorW@M365x016651.OnMicrosoft.com
"archive: $($m.ArchiveStatus)"
$b = Resume B1
"2: $((Why NestorW@M365x946316.OnMicrosoft.com).Split('(')[0])"
Set-TargetMailUser NestorW@M365x946316.OnMicrosoft.com -ArchiveGuid $m.ArchiveGuid
"resumed: $((Resume B1).Status)"
"#)
    .line("1: Failed | UserAlreadyHasDemotedArchiveException")
    .line("archive: Active")
    .line("2: Failed | MigrationPermanentException: The target MailUser 'NestorW' doesn't have the ArchiveGuid of the source archive")
    .line("resumed: Synced")
    .no_errors();
}

#[test]
fn cross_tenant_migration_without_license() {
    run(r#"
Ready
Stamp "LeeG@M365x016651.OnMicrosoft.com" "LeeG@M365x946316.OnMicrosoft.com"
$b = Batch B1 'LeeG@M365x946316.OnMicrosoft.com'
$s = Get-TargetMigrationUserStatistics LeeG@M365x946316.OnMicrosoft.com
"Error: $($s.Error)" -replace [regex]::Escape("$((Get-SourceMailbox LeeG).ExchangeGuid)"), '65c3c3ea-2b9a-44d0-a685-9bfe300f8c87'
"#)
    // The documented text, with the ExchangeGuid of the example.
    .line("Error: CrossTenantMigrationWithoutLicensePermanentException: No license was found for the source recipient, '65c3c3ea-2b9a-44d0-a685-9bfe300f8c87', or the target recipient, '65c3c3ea-2b9a-44d0-a685-9bfe300f8c87'. A Cross-tenant User Data Migration license is required to move a mailbox between tenants.")
    .no_errors();
}

#[test]
fn declared_scenario_faults_work_for_mailboxes() {
    // The default scenario declares a transient stall of GradyA's initial sync.
    run(r#"
Ready
Stamp "GradyA@M365x016651.OnMicrosoft.com" "GradyA@M365x946316.OnMicrosoft.com"
New-TargetMigrationBatch -Name B1 -SourceEndpoint EP -CSVData (CsvBytes 'GradyA@M365x946316.OnMicrosoft.com') -TargetDeliveryDomain $TD -AutoStart | Out-Null
$seen = @()
for ($i = 0; $i -lt 200; $i++) {
    $m = Get-TargetMoveRequestStatistics GradyA@M365x946316.OnMicrosoft.com -ErrorAction SilentlyContinue
    if ($m -and ($seen.Count -eq 0 -or $seen[-1] -ne $m.StatusDetail)) { $seen += $m.StatusDetail }
    if ((Get-TargetMigrationBatch B1).Status -ne 'Syncing') { break }
    Start-Sleep -Seconds 300
}
"details: $($seen -join ' > ')"
"batch: $((Get-TargetMigrationBatch B1).Status)"
"#)
    .line("details: CopyingMessages > StalledDueToTarget_Processor > CopyingMessages > Synced")
    .line("batch: Synced")
    .no_errors();
}
