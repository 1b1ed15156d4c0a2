//! Cross-tenant mailbox migration: migration endpoints, migration batches and users, move
//! requests, and the rules of `reference/mailbox-t2t.md` (section 14 rules, section 13
//! failures) checked before and during every move.
//!
//! Lifecycle (virtual time, the world's one event queue):
//! * batch: Created → (Start-MigrationBatch / -AutoStart) Syncing → Synced | SyncedWithErrors |
//!   Failed → (Complete-MigrationBatch / -AutoComplete / -CompleteAfter) Completing →
//!   Completed | CompletedWithErrors; Stop-MigrationBatch → Stopped; Start-MigrationBatch
//!   resumes stopped and failed users.
//! * migration user: Queued → Validating → Syncing → Synced → Completing → Completed; Failed
//!   (the error names the documented exception), Stopped.
//! * move request (created once validation passes): Queued → InProgress → Synced →
//!   CompletionInProgress → Completed; Failed; Suspended.
//!
//! Moves are pulled by the target tenant, at most `MaxConcurrentMigrations` at a time per
//! endpoint; durations follow the mailbox size with a ±10 % variation drawn from the seed.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::sim::clock::{TICKS_PER_MINUTE, TICKS_PER_SECOND};
use crate::sim::directory::MIGRATION_SKU;
use crate::sim::exchange::{
    ArchiveStatus, BYTES_PER_GB, DEFAULT_MAX_CONCURRENT_INCREMENTAL, DEFAULT_MAX_CONCURRENT_MIGRATIONS, Endpoint, ExoError, MailboxPermission, MoveCapability,
    REMOTE_SERVER, RecipientKind, SELF_PRINCIPAL, domain_of,
};
use crate::sim::ids;
use crate::sim::scheduler::Step;
use crate::sim::world::World;

/// Validation (pre-flight) of a queued user.
pub const VALIDATION_TIME: i64 = 3 * TICKS_PER_MINUTE;
/// Fixed part of the initial sync; the rest follows the size.
pub const SYNC_OVERHEAD: i64 = 5 * TICKS_PER_MINUTE;
/// Copy throughput of the initial sync (GB per hour).
pub const SYNC_GB_PER_HOUR: f64 = 3.0;
/// Finalization (the last incremental pass, switch-over and conversions).
pub const COMPLETION_TIME: i64 = 4 * TICKS_PER_MINUTE;
/// A transient failure (a declared "Rescheduled" fault) retries after this.
pub const RETRY_DELAY: i64 = 30 * TICKS_PER_MINUTE;
/// RULE 16: recommended maximum of mailboxes per batch.
pub const RECOMMENDED_BATCH_SIZE: usize = 2000;
/// RULE 16: auto-expanding archives with at most 12 auxiliary archives.
pub const MAX_AUX_ARCHIVES: u32 = 12;

// ───────────────────────────── types ─────────────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MbxStep {
    /// Validating → Syncing or Failed.
    Validate,
    /// Syncing → Synced.
    SyncDone,
    /// Completing → Completed.
    CompleteDone,
    /// A transient failure is over: back to the queue.
    Retry,
    /// The batch's CompleteAfter time is reached (target = batch index).
    CompleteAfter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BatchStatus {
    Created,
    Syncing,
    Synced,
    SyncedWithErrors,
    Completing,
    Completed,
    CompletedWithErrors,
    Failed,
    Stopped,
}

impl BatchStatus {
    pub fn name(self) -> &'static str {
        match self {
            BatchStatus::Created => "Created",
            BatchStatus::Syncing => "Syncing",
            BatchStatus::Synced => "Synced",
            BatchStatus::SyncedWithErrors => "SyncedWithErrors",
            BatchStatus::Completing => "Completing",
            BatchStatus::Completed => "Completed",
            BatchStatus::CompletedWithErrors => "CompletedWithErrors",
            BatchStatus::Failed => "Failed",
            BatchStatus::Stopped => "Stopped",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UserStatus {
    Queued,
    Validating,
    Syncing,
    Synced,
    Completing,
    Completed,
    Failed,
    Stopped,
}

/// The number of UserStatus values (the size of a batch's status counts).
pub const USER_STATUSES: usize = 8;

impl UserStatus {
    pub fn name(self) -> &'static str {
        match self {
            UserStatus::Queued => "Queued",
            UserStatus::Validating => "Validating",
            UserStatus::Syncing => "Syncing",
            UserStatus::Synced => "Synced",
            UserStatus::Completing => "Completing",
            UserStatus::Completed => "Completed",
            UserStatus::Failed => "Failed",
            UserStatus::Stopped => "Stopped",
        }
    }
    /// StatusSummary.
    pub fn summary(self) -> &'static str {
        match self {
            UserStatus::Queued | UserStatus::Validating | UserStatus::Syncing | UserStatus::Completing => "Active",
            UserStatus::Synced => "Synced",
            UserStatus::Completed => "Completed",
            UserStatus::Failed => "Failed",
            UserStatus::Stopped => "Stopped",
        }
    }
    pub fn is_active(self) -> bool {
        matches!(self, UserStatus::Queued | UserStatus::Validating | UserStatus::Syncing | UserStatus::Completing)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoveStatus {
    Queued,
    InProgress,
    Synced,
    CompletionInProgress,
    Completed,
    Failed,
    Suspended,
}

impl MoveStatus {
    pub fn name(self) -> &'static str {
        match self {
            MoveStatus::Queued => "Queued",
            MoveStatus::InProgress => "InProgress",
            MoveStatus::Synced => "Synced",
            MoveStatus::CompletionInProgress => "CompletionInProgress",
            MoveStatus::Completed => "Completed",
            MoveStatus::Failed => "Failed",
            MoveStatus::Suspended => "Suspended",
        }
    }
    pub fn is_active(self) -> bool {
        matches!(self, MoveStatus::Queued | MoveStatus::InProgress | MoveStatus::Synced | MoveStatus::CompletionInProgress | MoveStatus::Suspended)
    }
}

/// A failure of a migration user / move request: the exception name (section 13's names where
/// documented) and the message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoveFailure {
    pub exception: String,
    pub message: String,
}

impl MoveFailure {
    fn new(exception: &str, message: String) -> MoveFailure {
        MoveFailure { exception: exception.to_string(), message }
    }
    /// `CrossTenantMigrationWithoutLicensePermanentException: No license was found …`
    pub fn text(&self) -> String {
        format!("{}: {}", self.exception, self.message)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MigrationBatch {
    pub name: String,
    pub guid: String,
    pub endpoint: String,
    pub source_tenant: usize,
    pub target_delivery_domain: String,
    pub status: BatchStatus,
    pub auto_complete: bool,
    #[serde(default)]
    pub complete_after: Option<i64>,
    #[serde(default)]
    pub start_after: Option<i64>,
    /// Complete-MigrationBatch was run (or CompleteAfter passed).
    #[serde(default)]
    pub completion_requested: bool,
    #[serde(default)]
    pub notification_emails: Vec<String>,
    pub submitted_by: String,
    pub created: i64,
    #[serde(default)]
    pub started: Option<i64>,
    #[serde(default)]
    pub last_synced: Option<i64>,
    #[serde(default)]
    pub finalized: Option<i64>,
    pub users: Vec<u32>,
    #[serde(default)]
    pub generation: u32,
    #[serde(default)]
    pub removed: bool,
    /// How many of `users` are in each UserStatus (kept by `ExoTenant::set_user_status`, rebuilt
    /// on load): the batch status is recomputed at every event, which must not scan 2,000 users.
    #[serde(skip)]
    pub(crate) counts: [u32; USER_STATUSES],
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MigrationUser {
    /// The CSV address (a target address).
    pub identity: String,
    pub guid: String,
    pub batch: u32,
    pub status: UserStatus,
    #[serde(default)]
    pub exchange_guid: Option<String>,
    #[serde(default)]
    pub move_request: Option<u32>,
    #[serde(default)]
    pub error: Option<MoveFailure>,
    /// The user failed the scope check of RULE 7 once (AuxArchiveNotFoundInTargetRecipientException).
    #[serde(default)]
    pub scope_failed: bool,
    /// Auxiliary archives of the source when the initial sync started.
    #[serde(default)]
    pub aux_at_start: Option<u32>,
    #[serde(default)]
    pub attempts: u32,
    pub created: i64,
    #[serde(default)]
    pub last_sync: Option<i64>,
    #[serde(default)]
    pub items_synced: u64,
    #[serde(default)]
    pub generation: u32,
    #[serde(default)]
    pub removed: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MoveRequest {
    pub guid: String,
    pub exchange_guid: String,
    pub display_name: String,
    pub alias: String,
    /// The tenant the mailbox is pulled from (== the owning tenant for an intra-org move).
    pub source_tenant: usize,
    pub cross_tenant: bool,
    pub batch_name: String,
    #[serde(default)]
    pub migration_user: Option<u32>,
    pub status: MoveStatus,
    pub status_detail: String,
    pub percent: u8,
    pub remote_host: String,
    pub target_delivery_domain: String,
    pub bytes_total: u64,
    pub items_total: u64,
    pub archive_bytes: u64,
    pub bytes_transferred: u64,
    pub items_transferred: u64,
    pub queued: i64,
    #[serde(default)]
    pub started: Option<i64>,
    #[serde(default)]
    pub synced: Option<i64>,
    #[serde(default)]
    pub completed: Option<i64>,
    pub last_update: i64,
    #[serde(default)]
    pub failure: Option<MoveFailure>,
    #[serde(default)]
    pub removed: bool,
}

impl MoveRequest {
    /// RequestFlags as Get-MoveRequest shows them.
    pub fn flags(&self) -> Vec<&'static str> {
        if self.cross_tenant { vec!["CrossOrg", "Pull", "CrossTenant"] } else { vec!["IntraOrg", "Pull"] }
    }
}

/// A mailbox fault declared in a scenario or with Add-TenantSimMailboxFault.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MailboxFault {
    /// Source mailbox address (UPN or any SMTP address).
    pub key: String,
    pub phase: MbxPhase,
    /// true: the move fails; false: a transient failure, retried.
    pub fail: bool,
    #[serde(default)]
    pub exception: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MbxPhase {
    Validation,
    InitialSync,
    Completion,
}

impl MbxPhase {
    pub fn parse(s: &str) -> Option<MbxPhase> {
        match s.trim().to_ascii_lowercase().as_str() {
            "validation" | "validating" => Some(MbxPhase::Validation),
            "initialsync" | "syncing" | "initialseeding" | "copyingmessages" => Some(MbxPhase::InitialSync),
            "completion" | "completing" | "finalization" => Some(MbxPhase::Completion),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            MbxPhase::Validation => "Validation",
            MbxPhase::InitialSync => "InitialSync",
            MbxPhase::Completion => "Completion",
        }
    }
}

/// New-MigrationEndpoint -ExchangeRemoteMove.
#[derive(Debug, Clone, Default)]
pub struct NewEndpoint {
    pub name: String,
    pub remote_server: String,
    pub remote_tenant: Option<String>,
    pub application_id: Option<String>,
    pub app_secret_key_vault_url: Option<String>,
    pub username: Option<String>,
    pub secret: Option<String>,
    pub skip_verification: bool,
    pub max_concurrent_migrations: Option<u32>,
    pub max_concurrent_incremental_syncs: Option<u32>,
}

/// New-MigrationBatch (the Onboarding set, cross-tenant).
#[derive(Debug, Clone, Default)]
pub struct NewBatch {
    pub name: String,
    pub endpoint: Option<String>,
    pub csv: Vec<u8>,
    pub allow_unknown_columns: bool,
    pub target_delivery_domain: Option<String>,
    pub auto_start: bool,
    pub auto_complete: bool,
    pub complete_after: Option<i64>,
    pub start_after: Option<i64>,
    pub notification_emails: Vec<String>,
    pub submitted_by: String,
}

/// Test-MigrationServerAvailability's outcome.
#[derive(Debug, Clone)]
pub struct TestOutcome {
    pub success: bool,
    pub message: String,
    pub error_detail: Option<String>,
}

/// Endpoint state the queue needs (concurrency slots), kept next to the endpoint list.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Queue {
    pub waiting: VecDeque<u32>,
    pub running: u32,
}

// ───────────────────────────── rule checks ─────────────────────────────

struct BatchInfo {
    name: String,
    endpoint: String,
    source_tenant: usize,
    target_delivery_domain: String,
}

/// What validation established about a user.
struct Checked {
    source_recipient: usize,
    target_recipient: usize,
}

fn pfail(message: String) -> MoveFailure {
    MoveFailure::new("MigrationPermanentException", message)
}

impl World {
    fn endpoint_source(&self, t: usize, ep: &Endpoint) -> Result<usize, ExoError> {
        let rt = ep.remote_tenant.clone().unwrap_or_default();
        self.tenant_index(&rt)
            .ok_or_else(|| ExoError::ConnectionFailed(ep.remote_server.clone(), crate::sim::graph::GraphError::TenantNotFound(rt.clone()).to_string()))
            .and_then(|s| if s == t { Err(ExoError::SameTenant) } else { Ok(s) })
    }

    /// RULE 2 and 3: the endpoint's app can still get a token for the source. RULE 1 (target
    /// first) follows from it: the token needs the source's consent, and the source
    /// relationship names the app the target registered.
    fn endpoint_auth(&self, t: usize, source: usize, ep: &Endpoint) -> Result<(), MoveFailure> {
        let client = ep.username.clone().or_else(|| ep.application_id.clone()).unwrap_or_default();
        self.authenticate(t, source, &client, ep.secret.as_deref().unwrap_or("")).map_err(|e| {
            MoveFailure::new(
                "MigrationServerConnectionFailedException",
                format!("The connection to the server '{}' could not be completed. --> {e}", ep.remote_server),
            )
        })
    }

    /// The organization-level checks (RULES 2-6) of a move from `source` into `t`.
    fn org_checks(&self, t: usize, source: usize, ep: &Endpoint) -> Result<(), MoveFailure> {
        self.endpoint_auth(t, source, ep)?;
        // RULE 5: the target's relationship with the source allows Inbound moves (text of
        // MicrosoftDocs/microsoft-365-docs#3507). RULE 19: moving back is the same check with the
        // roles swapped, so each relationship needs `Inbound, RemoteOutbound` (a flags value).
        let inbound = self.relationship_with(t, source).is_some_and(|r| r.allows(MoveCapability::Inbound));
        if !inbound {
            return Err(pfail(
                "Your organization does not authorize 'pull' or Inbound moves from the remote organization. Contact your administrator to confirm organization relationships are configured correctly.".into(),
            ));
        }
        // RULE 6: the source's relationship with the target allows RemoteOutbound moves by the
        // endpoint's application.
        let app = ep.application_id.clone().or_else(|| ep.username.clone()).unwrap_or_default();
        match self.relationship_with(source, t) {
            Some(r) if r.allows(MoveCapability::RemoteOutbound) => {
                if !r.oauth_application_id.as_deref().is_some_and(|a| a.trim().eq_ignore_ascii_case(app.trim())) {
                    return Err(MoveFailure::new(
                        "MRSRemotePermanentException",
                        format!(
                            "The remote organization doesn't authorize the application '{app}' for mailbox moves: the OAuthApplicationId of its organization relationship with your organization is '{}'. Contact the administrator of the remote organization to confirm organization relationships are configured correctly.",
                            r.oauth_application_id.clone().unwrap_or_default()
                        ),
                    ));
                }
                Ok(())
            }
            _ => Err(MoveFailure::new(
                "MRSRemotePermanentException",
                "The remote organization does not authorize 'push' or RemoteOutbound moves to your organization. Contact the administrator of the remote organization to confirm organization relationships are configured correctly.".into(),
            )),
        }
    }

    /// Every user-level rule (RULES 7-14 and the documented failures of section 13) for the
    /// target recipient `target_id` (an address or identity in tenant `t`).
    fn user_checks(&mut self, t: usize, source: usize, target_id: &str, tdd: Option<&str>, mu: Option<&MigrationUser>) -> Result<Checked, MoveFailure> {
        let tn = &self.tenants[t];
        // The CSV row names a recipient of the target (text of microsoft-365-docs#6139).
        let ti = tn.exo.find(target_id).first().map(|i| *i as usize).ok_or_else(|| {
            MoveFailure::new(
                "MigrationRecipientNotFoundException",
                format!("A recipient wasn't found for \"{target_id}\" on the target. Create a recipient of the appropriate type for this migration on the target and try again."),
            )
        })?;
        let tr = tn.exo.recipients[ti].clone();
        // RULE 10: licensing the mail user before ExchangeGuid was stamped made it a mailbox
        // (text of microsoft-365-docs#6139).
        if tr.kind.is_mailbox() {
            return Err(pfail(format!("Target user '{}' already has a primary mailbox.", tr.name)));
        }
        if tr.kind != RecipientKind::MailUser {
            return Err(MoveFailure::new(
                "MigrationRecipientNotFoundException",
                format!(
                    "A recipient wasn't found for \"{target_id}\" on the target. Create a recipient of the appropriate type for this migration on the target and try again."
                ),
            ));
        }
        // The source mailbox: by ExchangeGuid, else by the mail user's targetAddress.
        let sn = &self.tenants[source];
        let by_guid = if tr.has_exchange_guid() { sn.exo.by_exchange_guid(&tr.exchange_guid).first().map(|i| *i as usize) } else { None };
        let by_ext = tr.external_email_address.as_deref().and_then(|e| sn.exo.smtp_owner(crate::sim::exchange::smtp_of(e).unwrap_or(e)));
        let si = match (by_guid, by_ext) {
            (Some(s), _) => s,
            (None, Some(s)) => {
                // RULE 8: the mail user must carry the source mailbox's ExchangeGuid.
                let sguid = sn.exo.recipients[s].exchange_guid.clone();
                let why = if tr.has_exchange_guid() {
                    format!("its ExchangeGuid {} doesn't match the source mailbox's {sguid}", tr.exchange_guid)
                } else {
                    format!("it has no ExchangeGuid; the source mailbox's is {sguid}")
                };
                return Err(MoveFailure::new(
                    "MissingExchangeGuidException",
                    format!(
                        "The target MailUser '{}' can't be matched with the source mailbox: {why}. Set it with Set-MailUser -ExchangeGuid and resume the batch.",
                        tr.name
                    ),
                ));
            }
            (None, None) => {
                if !tr.has_exchange_guid() {
                    return Err(MoveFailure::new(
                        "MissingExchangeGuidException",
                        format!(
                            "The target MailUser '{}' doesn't have an ExchangeGuid. Set the ExchangeGuid of the source mailbox with Set-MailUser -ExchangeGuid and resume the batch.",
                            tr.name
                        ),
                    ));
                }
                return Err(MoveFailure::new(
                    "MigrationRecipientNotFoundException",
                    format!(
                        "A recipient wasn't found for \"{}\" on the source. Check the ExchangeGuid and ExternalEmailAddress of the target MailUser '{}'.",
                        tr.exchange_guid, tr.name
                    ),
                ));
            }
        };
        let sr = sn.exo.recipients[si].clone();
        if !sr.kind.is_mailbox() {
            return Err(pfail(format!(
                "The source recipient '{}' is a {}, not a mailbox. A mailbox that was already moved can't be moved again from this organization.",
                sr.name,
                sr.kind.details()
            )));
        }
        // RULE 14: an existing move of the source mailbox (section 13).
        if let Some(m) = self.active_move_of(source, &sr.exchange_guid, t, mu.and_then(|u| u.move_request)) {
            return Err(MoveFailure::new(
                "SourceMailboxAlreadyBeingMovedPermanentException",
                format!(
                    "The source mailbox '{}' is already being moved (move request '{}' in status {}). Wait for that move to finish or remove it, then remove the migration user and add it to a new batch.",
                    sr.primary_smtp, m.0, m.1
                ),
            ));
        }
        // RULE 7: the mailbox is a member of a group published by the source's relationship.
        let scopes = self.relationship_with(source, t).map(|r| r.published_scopes.clone()).unwrap_or_default();
        if scopes.is_empty() {
            return Err(MoveFailure::new(
                "MailboxNotInCrossTenantMigrationScopeException",
                format!(
                    "The mailbox '{}' isn't in the cross-tenant migration scope: the source organization's relationship with your organization has no MailboxMovePublishedScopes.",
                    sr.primary_smtp
                ),
            ));
        }
        let mut in_scope = false;
        for s in &scopes {
            let gid = {
                let sn = &self.tenants[source];
                sn.exo.find(s).iter().map(|i| *i as usize).find(|i| sn.exo.recipients[*i].kind.is_group()).map(|i| sn.exo.recipients[i].external_id.clone())
            };
            if let Some(gid) = gid {
                let members = self.group_members(source, &gid);
                if members.contains(&*sr.external_id.to_ascii_lowercase()) {
                    in_scope = true;
                    break;
                }
            }
        }
        if !in_scope {
            return Err(MoveFailure::new(
                "MailboxNotInCrossTenantMigrationScopeException",
                format!(
                    "The mailbox '{}' isn't in the cross-tenant migration scope: it isn't a member of the mail-enabled security group(s) in MailboxMovePublishedScopes ({}) of the source organization's relationship with your organization. Add it to the group and resume the batch.",
                    sr.primary_smtp,
                    scopes.join(", ")
                ),
            ));
        }
        // Section 13: in scope now, but not when the batch started, with an auxiliary archive.
        if mu.is_some_and(|u| u.scope_failed) && sr.aux_archives > 0 {
            return Err(MoveFailure::new(
                "AuxArchiveNotFoundInTargetRecipientException",
                format!(
                    "The auxiliary archive of '{}' wasn't found in the target recipient: the user wasn't in the migration scope when the batch started. Remove the migration user and add it to a new batch.",
                    sr.primary_smtp
                ),
            ));
        }
        // RULE 12: mailboxes on any type of hold are not moved.
        if sr.on_hold() {
            let what = if sr.litigation_hold { "Litigation Hold".to_string() } else { format!("In-Place Hold ({})", sr.in_place_holds.join(", ")) };
            return Err(pfail(format!(
                "The source mailbox '{}' is on hold ({what}). Mailboxes on any type of hold can't be moved cross-tenant; release the hold first.",
                sr.primary_smtp
            )));
        }
        // RULE 11: the Cross Tenant User Data Migration licence on the source or the target user
        // (the documented text; both ids are the ExchangeGuid the two objects share).
        let licensed = |tenant: usize, object_id: &str| {
            self.tenants[tenant].directory.user_by_object_id(object_id).is_some_and(|u| u.licenses.iter().any(|l| l.eq_ignore_ascii_case(MIGRATION_SKU)))
        };
        if !licensed(source, &sr.external_id) && !licensed(t, &tr.external_id) {
            return Err(MoveFailure::new(
                "CrossTenantMigrationWithoutLicensePermanentException",
                format!(
                    "No license was found for the source recipient, '{}', or the target recipient, '{}'. A Cross-tenant User Data Migration license is required to move a mailbox between tenants.",
                    sr.exchange_guid, tr.exchange_guid
                ),
            ));
        }
        // RULE 9: a previous mailbox of the target user must be cleared first.
        if let Some(prev) = tr.previous_exchange_guid.as_deref().filter(|p| !p.eq_ignore_ascii_case(&sr.exchange_guid)) {
            return Err(pfail(format!(
                "Target user '{}' still has information about a previous mailbox (PreviousExchangeGuid {prev}). Clear it with Set-User -PermanentlyClearPreviousMailboxInfo and resume the batch.",
                tr.name
            )));
        }
        // Section 13: a disabled ("demoted") archive on the source.
        if !sr.has_archive() {
            if let Some(g) = &sr.disabled_archive_guid {
                return Err(MoveFailure::new(
                    "UserAlreadyHasDemotedArchiveException",
                    format!(
                        "The source mailbox '{}' has a disabled archive ({g}). Remove it with Set-Mailbox -RemoveDisabledArchive, or enable it with Enable-Mailbox -Archive and set its ArchiveGuid on the target MailUser, then resume the batch.",
                        sr.primary_smtp
                    ),
                ));
            }
        }
        // RULE 8: ArchiveGuid when the source has an archive.
        if sr.has_archive() && !tr.archive_guid.eq_ignore_ascii_case(&sr.archive_guid) {
            return Err(pfail(format!(
                "The target MailUser '{}' doesn't have the ArchiveGuid of the source archive ({}). Set it with Set-MailUser -ArchiveGuid and resume the batch.",
                tr.name, sr.archive_guid
            )));
        }
        // RULE 16: at most 12 auxiliary archives.
        if sr.aux_archives > MAX_AUX_ARCHIVES {
            return Err(pfail(format!(
                "The source mailbox '{}' has {} auxiliary archives; cross-tenant moves support auto-expanding archives with at most {MAX_AUX_ARCHIVES}.",
                sr.primary_smtp, sr.aux_archives
            )));
        }
        // RULE 8: x500:<source LegacyExchangeDN> and every X500 proxy of the source.
        let mut needed = vec![format!("x500:{}", sr.legacy_dn)];
        needed.extend(sr.x500_proxies().map(|p| format!("x500:{}", &p[5..])));
        for n in needed {
            let dn = &n[5..];
            if !tr.has_proxy(&n) && !tr.legacy_dn.eq_ignore_ascii_case(dn) {
                return Err(pfail(format!(
                    "The target MailUser '{}' doesn't have the proxy address '{n}' of the source mailbox (its LegacyExchangeDN and X500 addresses must be copied). Add it with Set-MailUser -EmailAddresses @{{add='{n}'}} and resume the batch.",
                    tr.name
                )));
            }
        }
        // RULE 8 / section 13: every SMTP proxy of the target in an accepted domain.
        let tt = &self.tenants[t];
        if let Some(bad) = tr.smtp_addresses().find(|a| !tt.accepts(&domain_of(a))) {
            return Err(MoveFailure::new(
                "NotAcceptedDomainException",
                format!(
                    "The proxy address 'smtp:{bad}' of the target MailUser '{}' is in the domain '{}', which isn't an accepted domain of your organization. Remove the proxy address and resume the batch.",
                    tr.name,
                    domain_of(bad)
                ),
            ));
        }
        // RULE 13/15: a proxy in the target delivery domain becomes the source's targetAddress.
        if let Some(d) = tdd {
            if !tr.smtp_addresses().any(|a| domain_of(a).eq_ignore_ascii_case(d)) {
                return Err(pfail(format!("The target MailUser '{}' has no proxy address in the target delivery domain '{d}'.", tr.name)));
            }
        }
        Ok(Checked { source_recipient: si, target_recipient: ti })
    }

    /// An active move of the source mailbox other than `own`: in the source tenant itself (an
    /// internal move) or any other cross-tenant move of the same ExchangeGuid.
    fn active_move_of(&self, source: usize, exchange_guid: &str, t: usize, own: Option<u32>) -> Option<(String, &'static str)> {
        let key = exchange_guid.to_ascii_lowercase();
        for (ti, tn) in self.tenants.iter().enumerate() {
            let Some(i) = tn.exo.idx.move_by_guid.get(&*key) else { continue };
            let m = &tn.exo.move_requests[*i as usize];
            if m.removed || !m.status.is_active() || (ti == t && own == Some(*i)) {
                continue;
            }
            if ti == source || m.source_tenant == source {
                return Some((m.display_name.clone(), m.status.name()));
            }
        }
        None
    }

    // ───────────────────────────── endpoints ─────────────────────────────

    /// New-MigrationEndpoint -ExchangeRemoteMove (RULE 3).
    pub fn new_endpoint(&mut self, t: usize, spec: NewEndpoint) -> Result<usize, ExoError> {
        // RULE 4: not in a dehydrated organization.
        self.require_customized(t)?;
        if self.tenants[t].exo.endpoint_index(&spec.name).is_some() {
            return Err(ExoError::EndpointExists(spec.name));
        }
        let server = spec.remote_server.trim().to_string();
        let ep = Endpoint {
            name: spec.name.clone(),
            guid: ids::guid(&["endpoint", &self.tenants[t].tenant_id, &spec.name.to_ascii_lowercase(), &self.now_ticks.to_string()]),
            remote_server: server.clone(),
            remote_tenant: spec.remote_tenant.clone(),
            application_id: spec.application_id.clone(),
            app_secret_key_vault_url: spec.app_secret_key_vault_url.clone(),
            username: spec.username.clone(),
            secret: spec.secret.clone(),
            max_concurrent_migrations: spec.max_concurrent_migrations.unwrap_or(DEFAULT_MAX_CONCURRENT_MIGRATIONS),
            max_concurrent_incremental_syncs: spec.max_concurrent_incremental_syncs.unwrap_or(DEFAULT_MAX_CONCURRENT_INCREMENTAL),
            created: self.now_ticks,
        };
        if !spec.skip_verification {
            self.verify_endpoint(t, &ep)?;
        }
        let exo = &mut self.tenants[t].exo;
        exo.endpoints.push(ep);
        Ok(exo.endpoints.len() - 1)
    }

    /// Connectivity of an endpoint: the remote server, the remote tenant, the token (RULE 2/3).
    fn verify_endpoint(&self, t: usize, ep: &Endpoint) -> Result<usize, ExoError> {
        let server = ep.remote_server.to_ascii_lowercase();
        if server != REMOTE_SERVER && server != "outlook.office365.com" {
            return Err(ExoError::ConnectionFailed(ep.remote_server.clone(), "No such host is known.".into()));
        }
        let source = self.endpoint_source(t, ep)?;
        if let (Some(a), Some(u)) = (&ep.application_id, &ep.username) {
            if !a.trim().eq_ignore_ascii_case(u.trim()) {
                let msg = crate::sim::graph::GraphError::AppNotFoundInDirectory(u.trim().to_string(), self.tenants[t].initial_domain()).to_string();
                return Err(ExoError::ConnectionFailed(ep.remote_server.clone(), msg));
            }
        }
        self.endpoint_auth(t, source, ep)
            .map_err(|f| ExoError::ConnectionFailed(ep.remote_server.clone(), f.message.split(" --> ").nth(1).unwrap_or(&f.message).to_string()))?;
        Ok(source)
    }

    pub fn remove_endpoint(&mut self, t: usize, identity: &str) -> Result<(), ExoError> {
        let exo = &self.tenants[t].exo;
        let i = exo.endpoint_index(identity).ok_or_else(|| ExoError::EndpointNotFound(identity.trim().to_string()))?;
        let name = exo.endpoints[i].name.clone();
        // RULE 20: cleanup removes the endpoint once no batch uses it (remove the batches first).
        if let Some(b) = exo.batches.iter().find(|b| !b.removed && b.endpoint.eq_ignore_ascii_case(&name)) {
            return Err(ExoError::EndpointInUse(name, b.name.clone()));
        }
        self.tenants[t].exo.endpoints.remove(i);
        Ok(())
    }

    /// Set-MigrationEndpoint: new credentials or settings, verified unless -SkipVerification.
    pub fn set_endpoint(&mut self, t: usize, identity: &str, f: impl FnOnce(&mut Endpoint), skip_verification: bool) -> Result<(), ExoError> {
        let i = self.tenants[t].exo.endpoint_index(identity).ok_or_else(|| ExoError::EndpointNotFound(identity.trim().to_string()))?;
        let mut ep = self.tenants[t].exo.endpoints[i].clone();
        f(&mut ep);
        if !skip_verification {
            self.verify_endpoint(t, &ep)?;
        }
        self.tenants[t].exo.endpoints[i] = ep;
        Ok(())
    }

    /// Test-MigrationServerAvailability -Endpoint [-TestMailbox]: every precondition, in the
    /// order a move checks them; the first failing one is reported.
    pub fn test_endpoint(&mut self, t: usize, identity: &str, test_mailbox: Option<&str>) -> Result<TestOutcome, ExoError> {
        let i = self.tenants[t].exo.endpoint_index(identity).ok_or_else(|| ExoError::EndpointNotFound(identity.trim().to_string()))?;
        let ep = self.tenants[t].exo.endpoints[i].clone();
        let fail = |f: MoveFailure| TestOutcome {
            success: false,
            message: f.message.clone(),
            error_detail: Some(format!("Microsoft.Exchange.Migration.{}: {}", f.exception, f.message)),
        };
        let source = match self.endpoint_source(t, &ep) {
            Ok(s) => s,
            Err(e) => return Ok(TestOutcome { success: false, message: e.to_string(), error_detail: Some(format!("{}: {e}", e.exception())) }),
        };
        if let Err(f) = self.org_checks(t, source, &ep) {
            return Ok(fail(f));
        }
        if let Some(mbx) = test_mailbox {
            // The article's -TestMailbox is the target MailUser; a source address (seed 004's
            // wording) is not found in the target, as the service reports it.
            if self.tenants[t].exo.find(mbx).is_empty() {
                let e = ExoError::NotFound(mbx.trim().to_string(), self.tenants[t].exo_dc());
                return Ok(TestOutcome { success: false, message: e.to_string(), error_detail: Some(format!("{}: {e}", e.exception())) });
            }
            if let Err(f) = self.user_checks(t, source, mbx, None, None) {
                return Ok(fail(f));
            }
        }
        Ok(TestOutcome { success: true, message: String::new(), error_detail: None })
    }

    // ───────────────────────────── batches ─────────────────────────────

    pub fn batch_index(&self, t: usize, identity: &str) -> Option<usize> {
        let id = identity.trim();
        self.tenants[t].exo.batches.iter().position(|b| !b.removed && (b.name.eq_ignore_ascii_case(id) || b.guid.eq_ignore_ascii_case(id)))
    }

    /// New-MigrationBatch (RULE 13): the endpoint, the CSV (header EmailAddress, target
    /// addresses), the target delivery domain; one migration user per row. RULE 14: a user
    /// already in another batch fails with UserDuplicateInOtherBatchException.
    pub fn new_batch(&mut self, t: usize, spec: NewBatch) -> Result<usize, ExoError> {
        let now = self.now_ticks;
        if spec.name.trim().is_empty() || spec.name.chars().count() > 64 {
            return Err(ExoError::Invalid(format!("The batch name '{}' isn't valid: use 1 to 64 characters.", spec.name)));
        }
        if self.batch_index(t, &spec.name).is_some() {
            return Err(ExoError::BatchExists(spec.name));
        }
        let ep_name = spec
            .endpoint
            .clone()
            .ok_or_else(|| ExoError::Invalid("The SourceEndpoint parameter is required for a cross-tenant (ExchangeRemoteMove) migration batch.".into()))?;
        let ei = self.tenants[t].exo.endpoint_index(&ep_name).ok_or_else(|| ExoError::EndpointNotFound(ep_name.trim().to_string()))?;
        let ep = self.tenants[t].exo.endpoints[ei].clone();
        let source = self.endpoint_source(t, &ep)?;
        let tdd = spec
            .target_delivery_domain
            .clone()
            .ok_or_else(|| ExoError::Invalid("You must specify the TargetDeliveryDomain parameter for this type of migration.".into()))?;
        if !self.tenants[t].accepts(&tdd) {
            return Err(ExoError::DomainNotAccepted(tdd));
        }
        let rows = parse_csv(&spec.csv, spec.allow_unknown_columns)?;
        let tn = &self.tenants[t];
        let bi = tn.exo.batches.len() as u32;
        let batch = MigrationBatch {
            name: spec.name.clone(),
            guid: ids::guid(&["batch", &tn.tenant_id, &spec.name.to_ascii_lowercase(), &now.to_string()]),
            endpoint: ep.name.clone(),
            source_tenant: source,
            target_delivery_domain: tdd,
            status: BatchStatus::Created,
            auto_complete: spec.auto_complete,
            complete_after: spec.complete_after,
            start_after: spec.start_after,
            completion_requested: false,
            notification_emails: spec.notification_emails.clone(),
            submitted_by: spec.submitted_by.clone(),
            created: now,
            started: None,
            last_synced: None,
            finalized: None,
            users: Vec::new(),
            generation: 0,
            removed: false,
            counts: [0; USER_STATUSES],
        };
        let exo = &mut self.tenants[t].exo;
        exo.batches.push(batch);
        let mut duplicates = Vec::new();
        for row in rows {
            let ui = exo.migration_users.len() as u32;
            let dup = exo
                .idx
                .migration_users
                .get(&*row.to_ascii_lowercase())
                .and_then(|v| v.iter().map(|i| &exo.migration_users[*i as usize]).find(|u| !u.removed).map(|u| exo.batches[u.batch as usize].name.clone()));
            let mut mu = MigrationUser {
                identity: row.clone(),
                guid: ids::guid(&["migration-user", &spec.name.to_ascii_lowercase(), &row.to_ascii_lowercase(), &now.to_string()]),
                batch: bi,
                status: UserStatus::Queued,
                exchange_guid: None,
                move_request: None,
                error: None,
                scope_failed: false,
                aux_at_start: None,
                attempts: 0,
                created: now,
                last_sync: None,
                items_synced: 0,
                generation: 0,
                removed: false,
            };
            if let Some(other) = dup {
                mu.status = UserStatus::Failed;
                mu.error = Some(MoveFailure::new(
                    "UserDuplicateInOtherBatchException",
                    format!("The user '{row}' already exists in the migration batch '{other}'. Remove the migration user and add it to a new batch."),
                ));
                duplicates.push(ui);
            }
            exo.idx.migration_users.entry(row.to_ascii_lowercase().into_boxed_str()).or_default().push(ui);
            exo.batches[bi as usize].counts[mu.status as usize] += 1;
            exo.migration_users.push(mu);
            exo.batches[bi as usize].users.push(ui);
        }
        if let Some(at) = spec.complete_after {
            let g = exo.batches[bi as usize].generation;
            self.events.push(at.max(now), bi, g, Step::Mailbox(t as u16, MbxStep::CompleteAfter));
        }
        if spec.auto_start {
            self.start_batch(t, bi as usize)?;
        }
        Ok(bi as usize)
    }

    /// Start-MigrationBatch: start a created batch, or resume a stopped or failed one (the
    /// documented remedy "resume the batch" after fixing a user).
    pub fn start_batch(&mut self, t: usize, b: usize) -> Result<(), ExoError> {
        let now = self.now_ticks;
        let batch = &self.tenants[t].exo.batches[b];
        if matches!(batch.status, BatchStatus::Syncing | BatchStatus::Completing) {
            return Err(ExoError::InvalidState(format!(
                "The migration batch '{}' can't be started because it's already in the {} state.",
                batch.name,
                batch.status.name()
            )));
        }
        if batch.status == BatchStatus::Completed {
            return Err(ExoError::InvalidState(format!("The migration batch '{}' is already completed.", batch.name)));
        }
        let users = batch.users.clone();
        let exo = &mut self.tenants[t].exo;
        exo.batches[b].started.get_or_insert(now);
        let mut queued = Vec::new();
        for u in users {
            let mu = &mut exo.migration_users[u as usize];
            if mu.removed {
                continue;
            }
            let dup = mu.error.as_ref().is_some_and(|e| e.exception == "UserDuplicateInOtherBatchException");
            if matches!(mu.status, UserStatus::Failed | UserStatus::Stopped) && !dup {
                mu.error = None;
                mu.generation = mu.generation.wrapping_add(1);
                exo.set_user_status(u as usize, UserStatus::Queued);
                queued.push(u);
            } else if mu.status == UserStatus::Queued && !dup {
                queued.push(u);
            }
        }
        let ep = exo.batches[b].endpoint.clone();
        for u in queued {
            let st = exo.migration_users[u as usize].status;
            if st == UserStatus::Synced {
                continue;
            }
            // Resumed users whose move request was suspended keep it.
            if let Some(mr) = exo.migration_users[u as usize].move_request {
                let m = &mut exo.move_requests[mr as usize];
                if m.status == MoveStatus::Suspended || m.status == MoveStatus::Failed {
                    m.status = MoveStatus::Queued;
                    m.status_detail = "Queued".into();
                    m.failure = None;
                    m.last_update = now;
                }
            }
            exo.queues_mut(&ep).waiting.push_back(u);
        }
        self.refresh_batch(t, b);
        self.fill(t, &ep);
        Ok(())
    }

    /// Stop-MigrationBatch: active users stop, their move requests are suspended.
    pub fn stop_batch(&mut self, t: usize, b: usize) -> Result<(), ExoError> {
        let now = self.now_ticks;
        let exo = &mut self.tenants[t].exo;
        let batch = &exo.batches[b];
        if !matches!(batch.status, BatchStatus::Syncing | BatchStatus::Synced | BatchStatus::SyncedWithErrors | BatchStatus::Completing) {
            return Err(ExoError::InvalidState(format!(
                "The migration batch '{}' can't be stopped because it's in the {} state.",
                batch.name,
                batch.status.name()
            )));
        }
        let ep = batch.endpoint.clone();
        let users = batch.users.clone();
        for u in users {
            let mu = &mut exo.migration_users[u as usize];
            if mu.removed || !(mu.status.is_active() || mu.status == UserStatus::Synced) || mu.status == UserStatus::Completing {
                continue;
            }
            let held_slot = matches!(mu.status, UserStatus::Validating | UserStatus::Syncing);
            mu.generation = mu.generation.wrapping_add(1);
            if let Some(mr) = mu.move_request {
                let m = &mut exo.move_requests[mr as usize];
                m.status = MoveStatus::Suspended;
                m.status_detail = "Suspended".into();
                m.last_update = now;
            }
            exo.set_user_status(u as usize, UserStatus::Stopped);
            if held_slot {
                let q = exo.queues_mut(&ep);
                q.running = q.running.saturating_sub(1);
            }
        }
        self.tenants[t].exo.batches[b].status = BatchStatus::Stopped;
        self.fill(t, &ep);
        Ok(())
    }

    /// Complete-MigrationBatch: synced users finalize now, the others as soon as they are synced.
    pub fn complete_batch(&mut self, t: usize, b: usize) -> Result<(), ExoError> {
        let batch = &self.tenants[t].exo.batches[b];
        if !matches!(batch.status, BatchStatus::Syncing | BatchStatus::Synced | BatchStatus::SyncedWithErrors) {
            return Err(ExoError::InvalidState(format!(
                "The migration batch '{}' can't be completed because it's in the {} state. Only a syncing or synced batch can be completed.",
                batch.name,
                batch.status.name()
            )));
        }
        self.request_completion(t, b);
        Ok(())
    }

    fn request_completion(&mut self, t: usize, b: usize) {
        let exo = &mut self.tenants[t].exo;
        exo.batches[b].completion_requested = true;
        let synced: Vec<u32> = exo.batches[b]
            .users
            .iter()
            .copied()
            .filter(|u| !exo.migration_users[*u as usize].removed && exo.migration_users[*u as usize].status == UserStatus::Synced)
            .collect();
        for u in synced {
            self.begin_completion(t, u as usize);
        }
        self.refresh_batch(t, b);
    }

    /// Set-MigrationBatch: CompleteAfter, StartAfter, notification e-mails, added users.
    pub fn set_batch(
        &mut self,
        t: usize,
        b: usize,
        complete_after: Option<i64>,
        notification: Option<Vec<String>>,
        csv: Option<(Vec<u8>, bool)>,
    ) -> Result<(), ExoError> {
        let now = self.now_ticks;
        if let Some(at) = complete_after {
            let exo = &mut self.tenants[t].exo;
            let batch = &mut exo.batches[b];
            batch.complete_after = Some(at);
            batch.generation = batch.generation.wrapping_add(1);
            let g = batch.generation;
            self.events.push(at.max(now), b as u32, g, Step::Mailbox(t as u16, MbxStep::CompleteAfter));
        }
        if let Some(n) = notification {
            self.tenants[t].exo.batches[b].notification_emails = n;
        }
        if let Some((bytes, allow)) = csv {
            let rows = parse_csv(&bytes, allow)?;
            let exo = &mut self.tenants[t].exo;
            let bname = exo.batches[b].name.clone();
            for row in rows {
                let existing = exo
                    .idx
                    .migration_users
                    .get(&*row.to_ascii_lowercase())
                    .and_then(|v| v.iter().map(|i| &exo.migration_users[*i as usize]).find(|u| !u.removed).cloned());
                let ui = exo.migration_users.len() as u32;
                let mut mu = MigrationUser {
                    identity: row.clone(),
                    guid: ids::guid(&["migration-user", &bname.to_ascii_lowercase(), &row.to_ascii_lowercase(), &now.to_string()]),
                    batch: b as u32,
                    status: UserStatus::Queued,
                    exchange_guid: None,
                    move_request: None,
                    error: None,
                    scope_failed: false,
                    aux_at_start: None,
                    attempts: 0,
                    created: now,
                    last_sync: None,
                    items_synced: 0,
                    generation: 0,
                    removed: false,
                };
                if let Some(other) = existing {
                    if other.batch as usize == b {
                        continue;
                    }
                    mu.status = UserStatus::Failed;
                    mu.error = Some(MoveFailure::new(
                        "UserDuplicateInOtherBatchException",
                        format!(
                            "The user '{row}' already exists in the migration batch '{}'. Remove the migration user and add it to a new batch.",
                            exo.batches[other.batch as usize].name
                        ),
                    ));
                }
                exo.idx.migration_users.entry(row.to_ascii_lowercase().into_boxed_str()).or_default().push(ui);
                exo.batches[b].counts[mu.status as usize] += 1;
                exo.migration_users.push(mu);
                exo.batches[b].users.push(ui);
                let running = matches!(exo.batches[b].status, BatchStatus::Syncing | BatchStatus::Synced | BatchStatus::SyncedWithErrors);
                if running && exo.migration_users[ui as usize].status == UserStatus::Queued {
                    let ep = exo.batches[b].endpoint.clone();
                    exo.queues_mut(&ep).waiting.push_back(ui);
                }
            }
            let ep = self.tenants[t].exo.batches[b].endpoint.clone();
            self.refresh_batch(t, b);
            self.fill(t, &ep);
        }
        Ok(())
    }

    /// Remove-MigrationBatch: only when nothing in it is running.
    pub fn remove_batch(&mut self, t: usize, b: usize) -> Result<(), ExoError> {
        let exo = &mut self.tenants[t].exo;
        let batch = &exo.batches[b];
        if matches!(batch.status, BatchStatus::Syncing | BatchStatus::Completing) {
            return Err(ExoError::InvalidState(format!(
                "The migration batch '{}' can't be removed while it's in the {} state. Stop it first with Stop-MigrationBatch.",
                batch.name,
                batch.status.name()
            )));
        }
        let users = batch.users.clone();
        for u in users {
            self.remove_user_record(t, u as usize);
        }
        self.tenants[t].exo.batches[b].removed = true;
        Ok(())
    }

    /// Remove-MigrationUser (the remedy of several section 13 failures). Not while it syncs.
    pub fn remove_migration_user(&mut self, t: usize, u: usize) -> Result<(), ExoError> {
        let mu = &self.tenants[t].exo.migration_users[u];
        if matches!(mu.status, UserStatus::Validating | UserStatus::Syncing | UserStatus::Completing) {
            return Err(ExoError::InvalidState(format!(
                "The migration user '{}' can't be removed while it's in the {} state. Stop the batch first.",
                mu.identity,
                mu.status.name()
            )));
        }
        let b = mu.batch as usize;
        self.remove_user_record(t, u);
        self.refresh_batch(t, b);
        Ok(())
    }

    fn remove_user_record(&mut self, t: usize, u: usize) {
        let exo = &mut self.tenants[t].exo;
        let mu = &mut exo.migration_users[u];
        if mu.removed {
            return;
        }
        mu.removed = true;
        mu.generation = mu.generation.wrapping_add(1);
        // Its move request goes too, unless the move completed.
        if let Some(mr) = mu.move_request {
            let m = &mut exo.move_requests[mr as usize];
            if m.status != MoveStatus::Completed {
                m.removed = true;
            }
        }
        let b = exo.migration_users[u].batch as usize;
        let st = exo.migration_users[u].status;
        exo.batches[b].counts[st as usize] -= 1;
        exo.batches[b].users.retain(|x| *x as usize != u);
    }

    /// Migration users matching an identity (e-mail address or guid), oldest first.
    pub fn migration_users_named(&self, t: usize, identity: &str) -> Vec<usize> {
        let exo = &self.tenants[t].exo;
        let id = identity.trim();
        let mut v: Vec<usize> = exo.idx.migration_users.get(&*id.to_ascii_lowercase()).map(|v| v.iter().map(|i| *i as usize).collect()).unwrap_or_default();
        if v.is_empty() {
            v = exo.migration_users.iter().enumerate().filter(|(_, u)| u.guid.eq_ignore_ascii_case(id)).map(|(i, _)| i).collect();
        }
        v.retain(|i| !exo.migration_users[*i].removed);
        v
    }

    // ───────────────────────────── the queue ─────────────────────────────

    /// Start queued users while the endpoint has free slots (MaxConcurrentMigrations).
    fn fill(&mut self, t: usize, endpoint: &str) {
        loop {
            let exo = &mut self.tenants[t].exo;
            let limit = exo.endpoint_index(endpoint).map(|i| exo.endpoints[i].max_concurrent_migrations).unwrap_or(DEFAULT_MAX_CONCURRENT_MIGRATIONS).max(1);
            let q = exo.queues_mut(endpoint);
            if q.running >= limit {
                return;
            }
            let Some(u) = q.waiting.pop_front() else { return };
            let mu = &mut exo.migration_users[u as usize];
            if mu.removed || mu.status != UserStatus::Queued {
                continue;
            }
            exo.queues_mut(endpoint).running += 1;
            exo.set_user_status(u as usize, UserStatus::Validating);
            let mu = &mut exo.migration_users[u as usize];
            mu.attempts += 1;
            mu.generation = mu.generation.wrapping_add(1);
            let g = mu.generation;
            let at = self.now_ticks + self.jitter(VALIDATION_TIME, t, u as usize, "validate");
            self.events.push(at, u, g, Step::Mailbox(t as u16, MbxStep::Validate));
            let b = self.tenants[t].exo.migration_users[u as usize].batch as usize;
            self.refresh_batch(t, b);
        }
    }

    fn release(&mut self, t: usize, endpoint: &str) {
        let q = self.tenants[t].exo.queues_mut(endpoint);
        q.running = q.running.saturating_sub(1);
        self.fill(t, endpoint);
    }

    fn jitter(&self, base: i64, t: usize, u: usize, what: &str) -> i64 {
        let mu = &self.tenants[t].exo.migration_users[u];
        let j = 0.9 + 0.2 * ids::unit(self.seed, &[&mu.guid, what, &mu.attempts.to_string()]);
        (base as f64 * j) as i64
    }

    /// The scheduler's entry point for mailbox events.
    pub(crate) fn handle_mailbox(&mut self, t: usize, target: usize, generation: u32, step: MbxStep) {
        if t >= self.tenants.len() {
            return;
        }
        if step == MbxStep::CompleteAfter {
            let Some(b) = self.tenants[t].exo.batches.get(target) else { return };
            if b.removed || b.generation != generation || b.completion_requested {
                return;
            }
            if matches!(b.status, BatchStatus::Syncing | BatchStatus::Synced | BatchStatus::SyncedWithErrors) {
                self.request_completion(t, target);
            } else if b.status == BatchStatus::Created {
                // Not started yet: completion is requested for when it is.
                self.tenants[t].exo.batches[target].completion_requested = true;
            }
            return;
        }
        let Some(mu) = self.tenants[t].exo.migration_users.get(target) else { return };
        if mu.removed || mu.generation != generation {
            return;
        }
        match (step, mu.status) {
            (MbxStep::Validate, UserStatus::Validating) => self.validated(t, target),
            (MbxStep::SyncDone, UserStatus::Syncing) => self.synced(t, target),
            (MbxStep::CompleteDone, UserStatus::Completing) => self.completed(t, target),
            (MbxStep::Retry, UserStatus::Syncing) => {
                let ep = self.batch_of(t, target).endpoint.clone();
                let exo = &mut self.tenants[t].exo;
                exo.set_user_status(target, UserStatus::Queued);
                let mu = &mut exo.migration_users[target];
                mu.generation = mu.generation.wrapping_add(1);
                exo.queues_mut(&ep).waiting.push_back(target as u32);
                self.fill(t, &ep);
            }
            _ => {}
        }
    }

    /// What the state steps need of a user's batch (without cloning its user list).
    fn batch_info(&self, t: usize, u: usize) -> BatchInfo {
        let b = self.batch_of(t, u);
        BatchInfo {
            name: b.name.clone(),
            endpoint: b.endpoint.clone(),
            source_tenant: b.source_tenant,
            target_delivery_domain: b.target_delivery_domain.clone(),
        }
    }

    fn batch_of(&self, t: usize, u: usize) -> &MigrationBatch {
        let exo = &self.tenants[t].exo;
        &exo.batches[exo.migration_users[u].batch as usize]
    }

    /// A declared fault for this user's source mailbox in this phase (consumed when it fires).
    fn take_fault(&mut self, source: usize, source_recipient: usize, phase: MbxPhase) -> Option<MailboxFault> {
        let r = &self.tenants[source].exo.recipients[source_recipient];
        let upn = self.tenants[source].directory.user_by_object_id(&r.external_id).map(|u| u.upn.clone()).unwrap_or_default();
        let pos = self
            .mailbox_faults
            .iter()
            .position(|f| f.phase == phase && (f.key.trim().eq_ignore_ascii_case(&upn) || r.smtp_addresses().any(|a| a.eq_ignore_ascii_case(f.key.trim()))))?;
        Some(self.mailbox_faults.remove(pos))
    }

    fn fail_user(&mut self, t: usize, u: usize, f: MoveFailure, held_slot: bool) {
        let now = self.now_ticks;
        let ep = self.batch_of(t, u).endpoint.clone();
        let exo = &mut self.tenants[t].exo;
        exo.set_user_status(u, UserStatus::Failed);
        let mu = &mut exo.migration_users[u];
        mu.generation = mu.generation.wrapping_add(1);
        // Section 13 AuxArchiveNotFoundInTargetRecipientException remembers the scope failure.
        if f.exception == "MailboxNotInCrossTenantMigrationScopeException" {
            mu.scope_failed = true;
        }
        if let Some(mr) = mu.move_request {
            let m = &mut exo.move_requests[mr as usize];
            m.status = MoveStatus::Failed;
            m.status_detail = "FailedOther".into();
            m.failure = Some(f.clone());
            m.last_update = now;
        }
        exo.migration_users[u].error = Some(f);
        let b = exo.migration_users[u].batch as usize;
        if held_slot {
            self.release(t, &ep);
        }
        self.refresh_batch(t, b);
    }

    /// Validation is over: the rules decide, then the move request is created and syncs.
    fn validated(&mut self, t: usize, u: usize) {
        let now = self.now_ticks;
        let batch = self.batch_info(t, u);
        let source = batch.source_tenant;
        let ep = {
            let exo = &self.tenants[t].exo;
            match exo.endpoint_index(&batch.endpoint) {
                Some(i) => exo.endpoints[i].clone(),
                None => {
                    let f = pfail(format!("The migration endpoint '{}' of the batch no longer exists.", batch.endpoint));
                    self.fail_user(t, u, f, true);
                    return;
                }
            }
        };
        let mu = self.tenants[t].exo.migration_users[u].clone();
        let checked = self.org_checks(t, source, &ep).and_then(|_| self.user_checks(t, source, &mu.identity, Some(&batch.target_delivery_domain), Some(&mu)));
        let c = match checked {
            Ok(c) => c,
            Err(f) => {
                self.fail_user(t, u, f, true);
                return;
            }
        };
        if let Some(f) = self.take_fault(source, c.source_recipient, MbxPhase::Validation) {
            self.fault_fires(t, u, f, true);
            return;
        }
        let sr = self.tenants[source].exo.recipients[c.source_recipient].clone();
        let tr_name = self.tenants[t].exo.recipients[c.target_recipient].display_name.clone();
        // The move request (one per mailbox; a resumed user keeps its own).
        let exo = &mut self.tenants[t].exo;
        let mr = match mu.move_request {
            Some(mr) if !exo.move_requests[mr as usize].removed => mr,
            _ => {
                let mr = exo.move_requests.len() as u32;
                exo.move_requests.push(MoveRequest {
                    guid: ids::guid(&["move-request", &mu.guid, &now.to_string()]),
                    exchange_guid: sr.exchange_guid.clone(),
                    display_name: tr_name,
                    alias: sr.alias.clone(),
                    source_tenant: source,
                    cross_tenant: true,
                    batch_name: format!("MigrationService:{}", batch.name),
                    migration_user: Some(u as u32),
                    status: MoveStatus::Queued,
                    status_detail: "Queued".into(),
                    percent: 0,
                    remote_host: ep.remote_server.clone(),
                    target_delivery_domain: batch.target_delivery_domain.clone(),
                    bytes_total: sr.size_bytes,
                    items_total: sr.items,
                    archive_bytes: sr.archive_size_bytes,
                    bytes_transferred: 0,
                    items_transferred: 0,
                    queued: now,
                    started: None,
                    synced: None,
                    completed: None,
                    last_update: now,
                    failure: None,
                    removed: false,
                });
                exo.idx.move_by_guid.insert(sr.exchange_guid.to_ascii_lowercase().into_boxed_str(), mr);
                mr
            }
        };
        let m = &mut exo.move_requests[mr as usize];
        m.status = MoveStatus::InProgress;
        m.status_detail = "CopyingMessages".into();
        m.percent = 10;
        m.started.get_or_insert(now);
        m.last_update = now;
        m.failure = None;
        exo.set_user_status(u, UserStatus::Syncing);
        let mu = &mut exo.migration_users[u];
        mu.move_request = Some(mr);
        mu.exchange_guid = Some(sr.exchange_guid.clone());
        mu.aux_at_start = Some(sr.aux_archives);
        mu.generation = mu.generation.wrapping_add(1);
        let g = mu.generation;
        let gb = (sr.size_bytes + sr.archive_size_bytes) as f64 / BYTES_PER_GB as f64;
        let secs = gb / SYNC_GB_PER_HOUR * 3600.0 + sr.items as f64 * 0.01;
        let base = SYNC_OVERHEAD + (secs * TICKS_PER_SECOND as f64) as i64;
        let at = now + self.jitter(base, t, u, "sync");
        self.events.push(at, u as u32, g, Step::Mailbox(t as u16, MbxStep::SyncDone));
        let b = self.tenants[t].exo.migration_users[u].batch as usize;
        self.refresh_batch(t, b);
    }

    fn fault_fires(&mut self, t: usize, u: usize, f: MailboxFault, held_slot: bool) {
        let exc = f.exception.clone().unwrap_or_else(|| if f.fail { "MigrationPermanentException".into() } else { "MigrationTransientException".into() });
        let msg = f.message.clone().unwrap_or_else(|| format!("The move failed during {}.", f.phase.name()));
        if f.fail {
            self.fail_user(t, u, MoveFailure::new(&exc, msg), held_slot);
            return;
        }
        // Transient: the move request stalls and the user is retried later.
        let now = self.now_ticks;
        let ep = self.batch_of(t, u).endpoint.clone();
        let exo = &mut self.tenants[t].exo;
        exo.set_user_status(u, UserStatus::Syncing);
        let mu = &mut exo.migration_users[u];
        mu.error = Some(MoveFailure::new(&exc, msg.clone()));
        mu.generation = mu.generation.wrapping_add(1);
        let g = mu.generation;
        if let Some(mr) = mu.move_request {
            let m = &mut exo.move_requests[mr as usize];
            m.status = MoveStatus::Queued;
            m.status_detail = "StalledDueToTarget_Processor".into();
            m.failure = Some(MoveFailure::new(&exc, msg));
            m.last_update = now;
        }
        self.events.push(now + RETRY_DELAY, u as u32, g, Step::Mailbox(t as u16, MbxStep::Retry));
        if held_slot {
            self.release(t, &ep);
        }
    }

    /// Initial sync over: Synced; completion starts if requested (AutoComplete, CompleteAfter,
    /// Complete-MigrationBatch).
    fn synced(&mut self, t: usize, u: usize) {
        let now = self.now_ticks;
        let batch = self.batch_info(t, u);
        let source = batch.source_tenant;
        let mu = self.tenants[t].exo.migration_users[u].clone();
        let sr = mu.exchange_guid.as_deref().and_then(|g| self.tenants[source].exo.by_exchange_guid(g).first().map(|i| *i as usize));
        if let Some(si) = sr {
            if let Some(f) = self.take_fault(source, si, MbxPhase::InitialSync) {
                self.fault_fires(t, u, f, true);
                return;
            }
            // Section 13: a new auxiliary archive created in the source during the move.
            let aux_now = self.tenants[source].exo.recipients[si].aux_archives;
            if mu.aux_at_start.is_some_and(|a| aux_now > a) {
                let addr = self.tenants[source].exo.recipients[si].primary_smtp.clone();
                let f = MoveFailure::new(
                    "SourceAuxArchiveIsProvisionedDuringCrossTenantMovePermanentException",
                    format!(
                        "A new auxiliary archive was provisioned for the source mailbox '{addr}' during the move. Remove the migration user and add it to a new batch."
                    ),
                );
                self.fail_user(t, u, f, true);
                return;
            }
        }
        let exo = &mut self.tenants[t].exo;
        let m_i = mu.move_request.unwrap_or(0) as usize;
        if let Some(m) = exo.move_requests.get_mut(m_i) {
            m.status = MoveStatus::Synced;
            m.status_detail = "Synced".into();
            m.percent = 95;
            m.bytes_transferred = m.bytes_total + m.archive_bytes;
            m.items_transferred = m.items_total;
            m.synced = Some(now);
            m.last_update = now;
            m.failure = None;
        }
        let items = exo.move_requests.get(m_i).map(|m| m.items_total).unwrap_or(0);
        exo.set_user_status(u, UserStatus::Synced);
        let um = &mut exo.migration_users[u];
        um.last_sync = Some(now);
        um.items_synced = items;
        um.error = None;
        um.generation = um.generation.wrapping_add(1);
        let b = um.batch as usize;
        exo.batches[b].last_synced = Some(now);
        let ep = exo.batches[b].endpoint.clone();
        let complete = exo.batches[b].auto_complete || exo.batches[b].completion_requested || exo.batches[b].complete_after.is_some_and(|c| c <= now);
        self.release(t, &ep);
        if complete {
            self.tenants[t].exo.batches[b].completion_requested = true;
            self.begin_completion(t, u);
        }
        self.refresh_batch(t, b);
    }

    fn begin_completion(&mut self, t: usize, u: usize) {
        let now = self.now_ticks;
        let exo = &mut self.tenants[t].exo;
        if exo.migration_users[u].status != UserStatus::Synced {
            return;
        }
        exo.set_user_status(u, UserStatus::Completing);
        let mu = &mut exo.migration_users[u];
        mu.generation = mu.generation.wrapping_add(1);
        let g = mu.generation;
        if let Some(mr) = mu.move_request {
            let m = &mut exo.move_requests[mr as usize];
            m.status = MoveStatus::CompletionInProgress;
            m.status_detail = "CompletionInProgress".into();
            m.percent = 95;
            m.last_update = now;
        }
        let at = now + self.jitter(COMPLETION_TIME, t, u, "complete");
        self.events.push(at, u as u32, g, Step::Mailbox(t as u16, MbxStep::CompleteDone));
    }

    /// RULE 15: the switch-over. The source mailbox becomes a MailUser whose
    /// ExternalEmailAddress is the target's proxy in the TargetDeliveryDomain; the target
    /// MailUser becomes a Mailbox with the content; the content is gone from the source.
    /// RULE 18: FullAccess survives only between moved mailboxes; Send-on-behalf doesn't move.
    fn completed(&mut self, t: usize, u: usize) {
        let now = self.now_ticks;
        let batch = self.batch_info(t, u);
        let source = batch.source_tenant;
        let mu = self.tenants[t].exo.migration_users[u].clone();
        let Some(guid) = mu.exchange_guid.clone() else { return };
        let Some(si) =
            self.tenants[source].exo.by_exchange_guid(&guid).iter().map(|i| *i as usize).find(|i| self.tenants[source].exo.recipients[*i].kind.is_mailbox())
        else {
            self.fail_user(t, u, pfail(format!("The source mailbox with ExchangeGuid {guid} no longer exists.")), false);
            return;
        };
        let Some(ti) = self.tenants[t]
            .exo
            .by_exchange_guid(&guid)
            .iter()
            .map(|i| *i as usize)
            .find(|i| self.tenants[t].exo.recipients[*i].kind == RecipientKind::MailUser)
        else {
            self.fail_user(t, u, pfail(format!("The target MailUser with ExchangeGuid {guid} no longer exists.")), false);
            return;
        };
        if let Some(f) = self.take_fault(source, si, MbxPhase::Completion) {
            self.fault_fires(t, u, f, false);
            return;
        }
        let sr = self.tenants[source].exo.recipients[si].clone();
        let tdd = batch.target_delivery_domain.clone();
        let routing =
            self.tenants[t].exo.recipients[ti].smtp_addresses().find(|a| domain_of(a).eq_ignore_ascii_case(&tdd)).map(str::to_string).unwrap_or_default();
        // FullAccess: delegates that are mailboxes already moved into this tenant map to their
        // new identity; the others wait for their delegate to move (the article recommends the
        // same batch but only requires both to be moved, so a later batch completes the grant).
        let mut perms =
            vec![MailboxPermission { user: SELF_PRINCIPAL.into(), rights: vec!["FullAccess".into(), "ReadPermission".into()], inherited: false, deny: false }];
        let mut pending = Vec::new();
        for p in sr.permissions.iter().filter(|p| p.user != SELF_PRINCIPAL) {
            match self.moved_identity(source, t, &p.user) {
                Some(upn) => perms.push(MailboxPermission { user: upn, ..p.clone() }),
                None => pending.push(p.clone()),
            }
        }
        let source_upn = self.tenants[source].directory.user_by_object_id(&sr.external_id).map(|x| x.upn.clone()).unwrap_or_default();
        // Target: MailUser → Mailbox.
        let tenant_t = &mut self.tenants[t];
        let tr_ext = tenant_t.exo.update_recipient(ti, now, |r| {
            r.kind = if sr.kind == RecipientKind::SharedMailbox { RecipientKind::SharedMailbox } else { RecipientKind::UserMailbox };
            r.external_email_address = None;
            r.size_bytes = sr.size_bytes;
            r.items = sr.items;
            r.archive_guid = sr.archive_guid.clone();
            r.archive_status = sr.archive_status;
            r.archive_size_bytes = sr.archive_size_bytes;
            r.archive_items = sr.archive_items;
            r.aux_archives = sr.aux_archives;
            r.permissions = perms;
            r.pending_permissions = pending;
            r.send_on_behalf = Vec::new();
            r.database = target_database(&guid);
            r.external_id.clone()
        });
        if let Some(i) = tenant_t.directory.user_index_by_object_id(&tr_ext) {
            tenant_t.directory.users[i].mailbox = true;
            tenant_t.directory.users[i].archive = sr.archive_status == ArchiveStatus::Active;
        }
        let target_upn = tenant_t.directory.user_by_object_id(&tr_ext).map(|x| x.upn.clone()).unwrap_or_default();
        // Mailboxes moved before this one that granted FullAccess to this user in the source: the
        // grant follows now that both are moved.
        let mut keys: Vec<String> = vec![source_upn.to_ascii_lowercase()];
        keys.extend(sr.smtp_addresses().map(str::to_ascii_lowercase));
        let holders: Vec<u32> = {
            let idx = &mut self.tenants[t].exo.idx.pending;
            let mut v = Vec::new();
            for key in &keys {
                if let Some(list) = idx.remove(key.as_str()) {
                    v.extend(list);
                }
            }
            v.sort_unstable();
            v.dedup();
            v
        };
        for oti in holders {
            let oti = oti as usize;
            let upn = target_upn.clone();
            let keys = keys.clone();
            self.tenants[t].exo.update_recipient(oti, now, |r| {
                let (now_moved, still): (Vec<MailboxPermission>, Vec<MailboxPermission>) =
                    r.pending_permissions.drain(..).partition(|p| keys.iter().any(|k| k.eq_ignore_ascii_case(&p.user)));
                r.pending_permissions = still;
                for g in now_moved {
                    if !r.permissions.iter().any(|p| p.user.eq_ignore_ascii_case(&upn)) {
                        r.permissions.push(MailboxPermission { user: upn.clone(), ..g });
                    }
                }
            });
        }
        // Source: Mailbox → MailUser pointing at the target.
        let tenant_s = &mut self.tenants[source];
        tenant_s.exo.update_recipient(si, now, |r| {
            r.kind = RecipientKind::MailUser;
            r.external_email_address = Some(format!("SMTP:{routing}"));
            r.size_bytes = 0;
            r.items = 0;
            r.archive_status = ArchiveStatus::None;
            r.archive_size_bytes = 0;
            r.archive_items = 0;
            r.aux_archives = 0;
            r.permissions = Vec::new();
            r.send_on_behalf = Vec::new();
            r.database = String::new();
        });
        if let Some(i) = tenant_s.directory.user_index_by_object_id(&sr.external_id) {
            tenant_s.directory.users[i].mailbox = false;
            tenant_s.directory.users[i].archive = false;
        }
        let exo = &mut self.tenants[t].exo;
        if let Some(mr) = mu.move_request {
            let m = &mut exo.move_requests[mr as usize];
            m.status = MoveStatus::Completed;
            m.status_detail = "Completed".into();
            m.percent = 100;
            m.completed = Some(now);
            m.last_update = now;
        }
        exo.set_user_status(u, UserStatus::Completed);
        let um = &mut exo.migration_users[u];
        um.last_sync = Some(now);
        um.generation = um.generation.wrapping_add(1);
        let b = um.batch as usize;
        self.refresh_batch(t, b);
    }

    /// The identity in `target` of a delegate from `source`, when its mailbox was moved there.
    fn moved_identity(&self, source: usize, target: usize, delegate: &str) -> Option<String> {
        let sn = &self.tenants[source];
        let di = sn.exo.find(delegate).first().map(|i| *i as usize)?;
        let d = &sn.exo.recipients[di];
        if !d.has_exchange_guid() {
            return None;
        }
        let tn = &self.tenants[target];
        let ti = tn.exo.by_exchange_guid(&d.exchange_guid).iter().map(|i| *i as usize).find(|i| tn.exo.recipients[*i].kind.is_mailbox())?;
        let r = &tn.exo.recipients[ti];
        Some(tn.directory.user_by_object_id(&r.external_id).map(|u| u.upn.clone()).unwrap_or_else(|| r.primary_smtp.clone()))
    }

    /// Recompute a batch's status from its users.
    pub(crate) fn refresh_batch(&mut self, t: usize, b: usize) {
        let now = self.now_ticks;
        let exo = &mut self.tenants[t].exo;
        let batch = &exo.batches[b];
        let n = |s: UserStatus| batch.counts[s as usize];
        let (active, synced, completing, completed, failed, stopped) = (
            n(UserStatus::Queued) + n(UserStatus::Validating) + n(UserStatus::Syncing),
            n(UserStatus::Synced),
            n(UserStatus::Completing),
            n(UserStatus::Completed),
            n(UserStatus::Failed),
            n(UserStatus::Stopped),
        );
        if batch.removed || batch.status == BatchStatus::Stopped && active + completing == 0 {
            return;
        }
        let started = batch.started.is_some();
        let status = if !started {
            BatchStatus::Created
        } else if completing > 0 || (batch.completion_requested && active > 0 && (completed > 0)) {
            BatchStatus::Completing
        } else if active > 0 {
            BatchStatus::Syncing
        } else if stopped > 0 && synced == 0 && completed == 0 {
            BatchStatus::Stopped
        } else if completed > 0 && synced == 0 {
            if failed > 0 { BatchStatus::CompletedWithErrors } else { BatchStatus::Completed }
        } else if synced > 0 {
            if failed > 0 { BatchStatus::SyncedWithErrors } else { BatchStatus::Synced }
        } else if failed > 0 {
            BatchStatus::Failed
        } else {
            batch.status
        };
        let batch = &mut exo.batches[b];
        if matches!(status, BatchStatus::Completed | BatchStatus::CompletedWithErrors) && batch.finalized.is_none() {
            batch.finalized = Some(now);
        }
        batch.status = status;
    }
}

impl crate::sim::exchange::ExoTenant {
    /// Change a migration user's status, keeping its batch's counts.
    pub(crate) fn set_user_status(&mut self, u: usize, status: UserStatus) {
        let mu = &mut self.migration_users[u];
        let old = std::mem::replace(&mut mu.status, status);
        if !mu.removed && old != status {
            let c = &mut self.batches[mu.batch as usize].counts;
            c[old as usize] -= 1;
            c[status as usize] += 1;
        }
    }

    /// The batches' status counts from their users (after loading a state file).
    pub(crate) fn recount_batches(&mut self) {
        for b in self.batches.iter_mut() {
            b.counts = [0; USER_STATUSES];
            for u in &b.users {
                b.counts[self.migration_users[*u as usize].status as usize] += 1;
            }
        }
    }

    /// The concurrency queue of an endpoint.
    pub(crate) fn queues_mut(&mut self, endpoint: &str) -> &mut Queue {
        let key = endpoint.to_ascii_lowercase();
        if let Some(i) = self.queues.iter().position(|(k, _)| *k == key) {
            return &mut self.queues[i].1;
        }
        self.queues.push((key, Queue::default()));
        let n = self.queues.len() - 1;
        &mut self.queues[n].1
    }
}

/// The database a moved mailbox lands in (its move request's TargetDatabase).
pub fn target_database(exchange_guid: &str) -> String {
    let h = ids::hash(&["db", &exchange_guid.to_ascii_lowercase()]);
    format!("NAMPR{:02}DG{:03}-db{:03}", h % 20, (h >> 8) % 1000, (h >> 20) % 200)
}

/// The rows of a migration CSV: header `EmailAddress` (other known columns ignored), one
/// address per row.
pub fn parse_csv(bytes: &[u8], allow_unknown: bool) -> Result<Vec<String>, ExoError> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(header) = lines.next() else {
        return Err(ExoError::InvalidCsv("The CSV file is empty. It must contain the header row EmailAddress and at least one data row.".into()));
    };
    let cols: Vec<String> = header.split(',').map(|c| c.trim().trim_matches('"').to_string()).collect();
    let Some(ci) = cols.iter().position(|c| c.eq_ignore_ascii_case("EmailAddress")) else {
        return Err(ExoError::InvalidCsv(format!("The CSV file doesn't contain the required column 'EmailAddress'. The header row is '{header}'.")));
    };
    const KNOWN: &[&str] = &["EmailAddress", "TargetDatabase", "TargetArchiveDatabase", "BadItemLimit", "LargeItemLimit", "MailboxType"];
    if !allow_unknown {
        if let Some(bad) = cols.iter().find(|c| !KNOWN.iter().any(|k| k.eq_ignore_ascii_case(c))) {
            return Err(ExoError::InvalidCsv(format!("The CSV file contains the unknown column '{bad}'. Use -AllowUnknownColumnsInCsv $true to ignore it.")));
        }
    }
    let mut out: Vec<String> = Vec::new();
    // Lower-cased addresses seen so far: a 2,000-row CSV must not compare every pair.
    let mut seen = std::collections::HashSet::new();
    for (n, line) in lines.enumerate() {
        let a = line.split(',').nth(ci).map(|s| s.trim().trim_matches('"')).unwrap_or("");
        if !crate::sim::exchange::valid_smtp(a) {
            return Err(ExoError::InvalidCsv(format!("Data row {} of the CSV file has an invalid EmailAddress value '{a}'.", n + 1)));
        }
        if !seen.insert(a.to_ascii_lowercase()) {
            return Err(ExoError::InvalidCsv(format!("The email address '{a}' appears more than once in the CSV file.")));
        }
        out.push(a.to_string());
    }
    if out.is_empty() {
        return Err(ExoError::InvalidCsv("The CSV file doesn't contain any data rows.".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_needs_the_email_address_column() {
        assert_eq!(parse_csv(b"EmailAddress\r\na@b.com\r\nc@d.com\r\n", false).expect("parses"), vec!["a@b.com", "c@d.com"]);
        assert!(parse_csv(b"Mail\na@b.com", false).is_err());
        assert!(parse_csv(b"EmailAddress\n", false).is_err());
        assert!(parse_csv(b"EmailAddress\na@b.com\nA@b.com", false).is_err());
        assert!(parse_csv(b"\xef\xbb\xbfEmailAddress,Extra\na@b.com,1", true).is_ok());
    }
}
