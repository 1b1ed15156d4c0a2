//! Exchange Online in a tenant: recipients (mailboxes, mail users, mail contacts, mail-enabled
//! groups), accepted domains, the organization configuration (dehydrated or not), organization
//! relationships and migration endpoints. Batches, migration users and move requests are in
//! `exchange_migration`; the Entra side (users, groups, licences, roles) stays in `directory`
//! and the app registrations and consents in `graph`.
//!
//! Recipients link to the directory by object id (`ExternalDirectoryObjectId`): a mailbox or
//! mail user is the Exchange face of a directory user, a mail-enabled group of a directory
//! group, whose membership lives in the directory. The rules of the cross-tenant mailbox
//! migration (`reference/mailbox-t2t.md`, section 14) are enforced here and in
//! `exchange_migration`, each next to a comment naming it.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use smallvec::SmallVec;
use thiserror::Error;

use crate::sim::directory::{self, GroupKind};
use crate::sim::error::{SimError, SimResult};
use crate::sim::exchange_migration::{MigrationBatch, MigrationUser, MoveRequest, Queue};
use crate::sim::ids;
use crate::sim::tenant::Tenant;
use crate::sim::world::World;

pub const ZERO_GUID: &str = "00000000-0000-0000-0000-000000000000";
pub const BYTES_PER_GB: u64 = 1 << 30;
/// ProhibitSendReceiveQuota of an Exchange Online (Plan 2) mailbox.
pub const MAILBOX_QUOTA_GB: u64 = 100;
/// The endpoint remote server the article uses for every cross-tenant endpoint.
pub const REMOTE_SERVER: &str = "outlook.office.com";

// ───────────────────────────── errors ─────────────────────────────

/// Errors of the Exchange Online cmdlets. Texts are the service's where public issues, docs or
/// module output quote them (noted per variant); elsewhere ours, in the service's style.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ExoError {
    /// ManagementObjectNotFoundException (text quoted in PowerShell/PowerShell#19793 and others).
    #[error("The operation couldn't be performed because object '{0}' couldn't be found on '{1}'.")]
    NotFound(String, String),
    #[error("The operation couldn't be performed because '{0}' matches multiple entries.")]
    Ambiguous(String),
    /// RULE 4: quoted in MicrosoftDocs/microsoft-365-docs#7403 (New-OrganizationRelationship on
    /// a dehydrated tenant).
    #[error(
        "The command you tried to run isn't currently allowed in your organization. To run this command, you first need to run the command: Enable-OrganizationCustomization."
    )]
    Dehydrated,
    /// Quoted in MicrosoftDocs/office-docs-powershell#6497.
    #[error("This operation is not required. Organization is already enabled for customization.")]
    AlreadyCustomized,
    #[error("The value \"{0}\" of property \"{1}\" is used by another recipient object. Please specify a unique value.")]
    ValueInUse(String, String),
    #[error("The proxy address \"{0}\" is already being used by the proxy addresses or LegacyExchangeDN of \"{1}\". Please choose another proxy address.")]
    ProxyInUse(String, String),
    #[error("The domain '{0}' isn't an accepted domain for your organization.")]
    DomainNotAccepted(String),
    #[error("\"{0}\" isn't a valid SMTP address. The domain name can't contain spaces and it has to have a prefix and a suffix, such as example.com.")]
    BadSmtp(String),
    #[error("The recipient \"{0}\" is already a member of the group \"{1}\".")]
    AlreadyMember(String, String),
    #[error("The recipient \"{0}\" isn't a member of the group \"{1}\".")]
    NotMember(String, String),
    #[error("The object '{0}' is of type {1}, which isn't supported by this cmdlet.")]
    WrongType(String, String),
    #[error("An organization relationship with the domain name '{0}' already exists ('{1}').")]
    RelationshipDomainExists(String, String),
    #[error(
        "Cannot convert value \"{0}\" to type \"Microsoft.Exchange.Data.MailboxMoveCapability\". Error: \"Unable to match the identifier name {0} to a valid enumerator name. Specify one of the following enumerator names and try again:\nNone, Inbound, Outbound, RemoteInbound, RemoteOutbound\""
    )]
    BadCapability(String),
    #[error("Cannot convert value \"{0}\" to type \"Microsoft.Exchange.Data.SmtpDomain\". Error: \"The domain name '{0}' isn't valid.\"")]
    BadDomainName(String),
    #[error("The length of the property is too long. The maximum length is {0} and the length of the value provided is {1}.")]
    TooLong(usize, usize),
    #[error("The migration endpoint '{0}' couldn't be found. Reason: The migration endpoint '{0}' couldn't be found.")]
    /// Quoted in MicrosoftDocs/microsoft-365-docs#8888.
    EndpointNotFound(String),
    #[error("A migration endpoint with the name '{0}' already exists.")]
    EndpointExists(String),
    /// Quoted in MicrosoftDocs/microsoft-365-docs#10645 (RemoteTenant = the target itself).
    #[error("ASSERT: The resource tenant and the accessing tenant cannot be equal.")]
    SameTenant,
    /// MigrationServerConnectionFailedException (microsoft/cross-tenant#96) wrapping the token
    /// error of Entra ID (AADSTS texts as Entra ID writes them).
    #[error("The connection to the server '{0}' could not be completed. --> {1}")]
    ConnectionFailed(String, String),
    #[error("The migration endpoint '{0}' is in use by the migration batch '{1}' and can't be removed.")]
    EndpointInUse(String, String),
    #[error("The migration batch '{0}' couldn't be found.")]
    BatchNotFound(String),
    #[error("A migration batch with the name '{0}' already exists.")]
    BatchExists(String),
    #[error("The migration user '{0}' couldn't be found.")]
    MigrationUserNotFound(String),
    #[error("The move request '{0}' couldn't be found.")]
    MoveRequestNotFound(String),
    #[error("{0}")]
    InvalidCsv(String),
    #[error("{0}")]
    InvalidState(String),
    #[error("{0}")]
    Invalid(String),
}

impl ExoError {
    /// The .NET exception type Exchange Online surfaces.
    pub fn exception(&self) -> &'static str {
        use ExoError::*;
        match self {
            NotFound(..) | MigrationUserNotFound(_) | MoveRequestNotFound(_) => "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
            Ambiguous(_) => "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException",
            Dehydrated => "Microsoft.Exchange.Configuration.Tasks.InvalidOperationInDehydratedContextException",
            AlreadyCustomized => "System.InvalidOperationException",
            ValueInUse(..) | ProxyInUse(..) => "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
            DomainNotAccepted(_) | BadSmtp(_) => "Microsoft.Exchange.Data.DataValidationException",
            AlreadyMember(..) => "Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException",
            NotMember(..) => "Microsoft.Exchange.Management.Tasks.MemberNotFoundException",
            WrongType(..) => "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
            RelationshipDomainExists(..) => "Microsoft.Exchange.Management.SystemConfigurationTasks.DuplicateOrganizationRelationshipDomainException",
            BadCapability(_) | BadDomainName(_) => "System.Management.Automation.ParameterBindingException",
            TooLong(..) => "Microsoft.Exchange.Data.DataValidationException",
            EndpointNotFound(_) => "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
            EndpointExists(_) => "Microsoft.Exchange.Migration.MigrationEndpointDuplicateException",
            SameTenant => "System.InvalidOperationException",
            ConnectionFailed(..) => "Microsoft.Exchange.Migration.MigrationServerConnectionFailedException",
            EndpointInUse(..) => "Microsoft.Exchange.Migration.MigrationEndpointInUseException",
            BatchNotFound(_) => "Microsoft.Exchange.Migration.MigrationBatchNotFoundException",
            BatchExists(_) => "Microsoft.Exchange.Migration.MigrationBatchDuplicateException",
            InvalidCsv(_) => "Microsoft.Exchange.Migration.MigrationCSVParsingException",
            InvalidState(_) => "Microsoft.Exchange.Migration.MigrationPermanentException",
            Invalid(_) => "System.ArgumentException",
        }
    }

    /// The ErrorCategory: Exchange Online writes most of its errors as NotSpecified.
    pub fn category(&self) -> &'static str {
        match self {
            ExoError::BadCapability(_) | ExoError::BadDomainName(_) | ExoError::Invalid(_) => "InvalidArgument",
            _ => "NotSpecified",
        }
    }
}

// ───────────────────────────── recipients ─────────────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecipientKind {
    UserMailbox,
    SharedMailbox,
    MailUser,
    MailContact,
    MailUniversalSecurityGroup,
    MailUniversalDistributionGroup,
}

impl RecipientKind {
    /// RecipientTypeDetails.
    pub fn details(self) -> &'static str {
        match self {
            RecipientKind::UserMailbox => "UserMailbox",
            RecipientKind::SharedMailbox => "SharedMailbox",
            RecipientKind::MailUser => "MailUser",
            RecipientKind::MailContact => "MailContact",
            RecipientKind::MailUniversalSecurityGroup => "MailUniversalSecurityGroup",
            RecipientKind::MailUniversalDistributionGroup => "MailUniversalDistributionGroup",
        }
    }
    /// RecipientType.
    pub fn recipient_type(self) -> &'static str {
        match self {
            RecipientKind::UserMailbox | RecipientKind::SharedMailbox => "UserMailbox",
            other => other.details(),
        }
    }
    pub fn is_mailbox(self) -> bool {
        matches!(self, RecipientKind::UserMailbox | RecipientKind::SharedMailbox)
    }
    pub fn is_group(self) -> bool {
        matches!(self, RecipientKind::MailUniversalSecurityGroup | RecipientKind::MailUniversalDistributionGroup)
    }
    pub fn parse(s: &str) -> Option<RecipientKind> {
        use RecipientKind::*;
        [UserMailbox, SharedMailbox, MailUser, MailContact, MailUniversalSecurityGroup, MailUniversalDistributionGroup]
            .into_iter()
            .find(|k| k.details().eq_ignore_ascii_case(s.trim()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ArchiveStatus {
    #[default]
    None,
    Active,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MailboxPermission {
    /// The delegate as Exchange shows it (a UPN, or `NT AUTHORITY\SELF`).
    pub user: String,
    pub rights: Vec<String>,
    #[serde(default)]
    pub inherited: bool,
    #[serde(default)]
    pub deny: bool,
}

pub const SELF_PRINCIPAL: &str = "NT AUTHORITY\\SELF";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Recipient {
    /// The Exchange object's Guid.
    pub guid: String,
    /// ExternalDirectoryObjectId: the directory user or group (empty for mail contacts).
    #[serde(default)]
    pub external_id: String,
    pub kind: RecipientKind,
    pub name: String,
    pub alias: String,
    pub display_name: String,
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
    pub primary_smtp: String,
    /// Proxy addresses with their prefixes (`SMTP:` primary, `smtp:`, `X500:`, `x500:` …).
    pub email_addresses: Vec<String>,
    /// `SMTP:…` (mail users and contacts: the targetAddress).
    #[serde(default)]
    pub external_email_address: Option<String>,
    pub exchange_guid: String,
    pub archive_guid: String,
    #[serde(default)]
    pub archive_status: ArchiveStatus,
    /// A disabled ("demoted") archive the mailbox still carries (UserAlreadyHasDemotedArchiveException).
    #[serde(default)]
    pub disabled_archive_guid: Option<String>,
    /// Auto-expanding archive: auxiliary archives.
    #[serde(default)]
    pub aux_archives: u32,
    pub legacy_dn: String,
    #[serde(default)]
    pub litigation_hold: bool,
    #[serde(default)]
    pub in_place_holds: Vec<String>,
    #[serde(default)]
    pub size_bytes: u64,
    #[serde(default)]
    pub items: u64,
    #[serde(default)]
    pub archive_size_bytes: u64,
    #[serde(default)]
    pub archive_items: u64,
    /// RULE 9: the mailbox the user had before (Previous home MDB / Previous Mailbox GUID).
    #[serde(default)]
    pub previous_exchange_guid: Option<String>,
    #[serde(default)]
    pub previous_kind: Option<RecipientKind>,
    #[serde(default)]
    pub permissions: Vec<MailboxPermission>,
    /// RULE 18: FullAccess grants of the source mailbox whose delegate (a source UPN) has not
    /// moved yet; they apply if the delegate moves in the same batch.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pending_permissions: Vec<MailboxPermission>,
    #[serde(default)]
    pub send_on_behalf: Vec<String>,
    /// CustomAttribute1..15 that are set: (number, value).
    #[serde(default)]
    pub custom_attributes: Vec<(u8, String)>,
    #[serde(default)]
    pub database: String,
    pub created: i64,
    pub changed: i64,
}

impl Recipient {
    pub fn has_exchange_guid(&self) -> bool {
        !self.exchange_guid.is_empty() && self.exchange_guid != ZERO_GUID
    }
    pub fn has_archive(&self) -> bool {
        self.archive_status == ArchiveStatus::Active && self.archive_guid != ZERO_GUID
    }
    /// RULE 12: any type of hold.
    pub fn on_hold(&self) -> bool {
        self.litigation_hold || !self.in_place_holds.is_empty()
    }
    pub fn custom_attribute(&self, n: u8) -> &str {
        self.custom_attributes.iter().find(|(k, _)| *k == n).map(|(_, v)| v.as_str()).unwrap_or("")
    }
    pub fn set_custom_attribute(&mut self, n: u8, v: &str) {
        self.custom_attributes.retain(|(k, _)| *k != n);
        if !v.is_empty() {
            self.custom_attributes.push((n, v.to_string()));
            self.custom_attributes.sort();
        }
    }
    /// SMTP addresses (without prefix) of the recipient.
    pub fn smtp_addresses(&self) -> impl Iterator<Item = &str> {
        self.email_addresses.iter().filter_map(|p| smtp_of(p))
    }
    /// X500 proxies, as written.
    pub fn x500_proxies(&self) -> impl Iterator<Item = &str> {
        self.email_addresses.iter().filter(|p| p.len() > 5 && p[..5].eq_ignore_ascii_case("x500:")).map(String::as_str)
    }
    pub fn has_proxy(&self, proxy: &str) -> bool {
        self.email_addresses.iter().any(|p| p.eq_ignore_ascii_case(proxy.trim()))
    }
    /// The lower-case keys the identity index holds for this recipient.
    fn keys(&self) -> Vec<String> {
        let mut k = vec![self.guid.to_ascii_lowercase(), self.name.to_ascii_lowercase(), self.alias.to_ascii_lowercase(), self.legacy_dn.to_ascii_lowercase()];
        if !self.external_id.is_empty() {
            k.push(self.external_id.to_ascii_lowercase());
        }
        if self.has_exchange_guid() {
            k.push(self.exchange_guid.to_ascii_lowercase());
        }
        for a in self.smtp_addresses() {
            k.push(a.to_ascii_lowercase());
        }
        k.retain(|x| !x.is_empty());
        k.sort();
        k.dedup();
        k
    }
}

/// `SMTP:a@b` / `smtp:a@b` → `a@b`.
pub fn smtp_of(proxy: &str) -> Option<&str> {
    let p = proxy.trim();
    if p.len() > 5 && p[..5].eq_ignore_ascii_case("smtp:") { Some(&p[5..]) } else { None }
}

/// The domain of an address, lower case.
pub fn domain_of(address: &str) -> String {
    address.rsplit_once('@').map(|(_, d)| d.trim().to_ascii_lowercase()).unwrap_or_default()
}

/// A valid SMTP address: local@domain.tld, no spaces.
pub fn valid_smtp(a: &str) -> bool {
    let a = a.trim();
    match a.split_once('@') {
        Some((l, d)) => {
            !l.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.') && !a.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
        }
        None => false,
    }
}

/// Normalise a proxy address: a bare address is `smtp:`; `SMTP:` marks the primary.
pub fn normalize_proxy(p: &str) -> String {
    let p = p.trim();
    match p.split_once(':') {
        Some((prefix, rest)) if !prefix.contains('@') && !prefix.is_empty() => format!("{prefix}:{rest}"),
        _ => format!("smtp:{p}"),
    }
}

/// ByteQuantifiedSize as Exchange prints it: `3.452 GB (3,706,431,488 bytes)`.
pub fn byte_size(bytes: u64) -> String {
    let units = [("TB", 1u64 << 40), ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)];
    let grouped = group_thousands(bytes);
    for (name, size) in units {
        if bytes >= size {
            // Exchange formats the value as "0.###" (rounded, trailing zeros dropped).
            let v = bytes as f64 / size as f64;
            let text = if bytes.is_multiple_of(size) {
                format!("{}", bytes / size)
            } else {
                let t = format!("{v:.3}");
                t.trim_end_matches('0').trim_end_matches('.').to_string()
            };
            return format!("{text} {name} ({grouped} bytes)");
        }
    }
    format!("{bytes} B ({grouped} bytes)")
}

pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// ───────────────────────────── organization ─────────────────────────────

/// MailboxMoveCapability flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoveCapability {
    Inbound,
    Outbound,
    RemoteInbound,
    RemoteOutbound,
}

impl MoveCapability {
    pub const ALL: [MoveCapability; 4] = [MoveCapability::Inbound, MoveCapability::Outbound, MoveCapability::RemoteInbound, MoveCapability::RemoteOutbound];
    pub fn name(self) -> &'static str {
        match self {
            MoveCapability::Inbound => "Inbound",
            MoveCapability::Outbound => "Outbound",
            MoveCapability::RemoteInbound => "RemoteInbound",
            MoveCapability::RemoteOutbound => "RemoteOutbound",
        }
    }
    /// Parse a flags value: `Inbound`, `Inbound, RemoteOutbound`, `None`.
    pub fn parse_flags(parts: &[String]) -> Result<Vec<MoveCapability>, ExoError> {
        let mut out = Vec::new();
        for p in parts.iter().flat_map(|s| s.split(',')) {
            let p = p.trim();
            if p.is_empty() || p.eq_ignore_ascii_case("None") {
                continue;
            }
            let c = MoveCapability::ALL.into_iter().find(|c| c.name().eq_ignore_ascii_case(p)).ok_or_else(|| ExoError::BadCapability(p.to_string()))?;
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out.sort_by_key(|c| MoveCapability::ALL.iter().position(|x| x == c));
        Ok(out)
    }
    pub fn display(caps: &[MoveCapability]) -> String {
        if caps.is_empty() { "None".into() } else { caps.iter().map(|c| c.name()).collect::<Vec<_>>().join(", ") }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgRelationship {
    pub name: String,
    pub guid: String,
    pub domain_names: Vec<String>,
    pub enabled: bool,
    pub mailbox_move_enabled: bool,
    pub capability: Vec<MoveCapability>,
    #[serde(default)]
    pub oauth_application_id: Option<String>,
    #[serde(default)]
    pub published_scopes: Vec<String>,
    #[serde(default)]
    pub free_busy_access_enabled: bool,
    #[serde(default)]
    pub free_busy_access_level: Option<String>,
    #[serde(default)]
    pub mail_tips_access_enabled: bool,
    #[serde(default)]
    pub delivery_report_enabled: bool,
    #[serde(default)]
    pub archive_access_enabled: bool,
    #[serde(default)]
    pub photos_enabled: bool,
    #[serde(default)]
    pub target_application_uri: Option<String>,
    #[serde(default)]
    pub target_autodiscover_epr: Option<String>,
    #[serde(default)]
    pub organization_contact: Option<String>,
    pub created: i64,
    pub changed: i64,
}

impl OrgRelationship {
    pub fn covers(&self, domain: &str) -> bool {
        self.domain_names.iter().any(|d| d.trim().eq_ignore_ascii_case(domain.trim()))
    }
    pub fn allows(&self, c: MoveCapability) -> bool {
        self.enabled && self.mailbox_move_enabled && self.capability.contains(&c)
    }
}

/// Settings of a relationship: every field optional (New-/Set-OrganizationRelationship).
#[derive(Debug, Clone, Default)]
pub struct RelationshipChange {
    pub name: Option<String>,
    pub domain_names: Option<Vec<String>>,
    pub enabled: Option<bool>,
    pub mailbox_move_enabled: Option<bool>,
    pub capability: Option<Vec<MoveCapability>>,
    pub oauth_application_id: Option<Option<String>>,
    /// Group identities as given (the sim resolves them to the groups' names).
    pub published_scopes: Option<Vec<String>>,
    pub free_busy_access_enabled: Option<bool>,
    pub free_busy_access_level: Option<String>,
    pub mail_tips_access_enabled: Option<bool>,
    pub delivery_report_enabled: Option<bool>,
    pub archive_access_enabled: Option<bool>,
    pub photos_enabled: Option<bool>,
    pub target_application_uri: Option<String>,
    pub target_autodiscover_epr: Option<String>,
    pub organization_contact: Option<String>,
}

/// A migration endpoint (only ExchangeRemoteMove endpoints are modelled).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoint {
    pub name: String,
    pub guid: String,
    pub remote_server: String,
    pub remote_tenant: Option<String>,
    pub application_id: Option<String>,
    pub app_secret_key_vault_url: Option<String>,
    /// The credential's user name (the application id in the article).
    #[serde(default)]
    pub username: Option<String>,
    /// The credential's password (the client secret), kept to re-authenticate on every move.
    #[serde(default)]
    pub secret: Option<String>,
    pub max_concurrent_migrations: u32,
    pub max_concurrent_incremental_syncs: u32,
    pub created: i64,
}

/// Default MaxConcurrentMigrations / MaxConcurrentIncrementalSyncs of a new remote-move endpoint.
pub const DEFAULT_MAX_CONCURRENT_MIGRATIONS: u32 = 100;
pub const DEFAULT_MAX_CONCURRENT_INCREMENTAL: u32 = 20;

/// What a scenario says about a user's mailbox.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MailboxContent {
    #[serde(default, rename = "sizeGB")]
    pub size_gb: Option<f64>,
    #[serde(default)]
    pub item_count: Option<u64>,
    #[serde(default, rename = "archiveSizeGB")]
    pub archive_size_gb: Option<f64>,
    /// Litigation hold (RULE 12).
    #[serde(default)]
    pub hold: bool,
    #[serde(default)]
    pub aux_archives: Option<u32>,
    /// A disabled archive from the past (UserAlreadyHasDemotedArchiveException).
    #[serde(default)]
    pub disabled_archive: bool,
    /// Proxy addresses to add (e.g. an SMTP address in a domain the tenant does not own).
    #[serde(default)]
    pub extra_addresses: Vec<String>,
    /// RULE 9: the user had a mailbox before (PreviousExchangeGuid set).
    #[serde(default)]
    pub previous_mailbox: bool,
    /// A shared mailbox (RecipientTypeDetails SharedMailbox).
    #[serde(default)]
    pub shared: bool,
}

/// Defaults of a mailbox the scenario does not describe.
pub const DEFAULT_MAILBOX_GB: f64 = 0.8;
pub const DEFAULT_MAILBOX_ITEMS: u64 = 4200;

// ───────────────────────────── the tenant's Exchange state ─────────────────────────────

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExoTenant {
    /// RULE 4: a new tenant is dehydrated until Enable-OrganizationCustomization.
    #[serde(default)]
    pub dehydrated: bool,
    /// Verified domains beyond the initial `<name>.onmicrosoft.com` one.
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub recipients: Vec<Recipient>,
    #[serde(default)]
    pub relationships: Vec<OrgRelationship>,
    #[serde(default)]
    pub endpoints: Vec<Endpoint>,
    #[serde(default)]
    pub batches: Vec<MigrationBatch>,
    #[serde(default)]
    pub migration_users: Vec<MigrationUser>,
    #[serde(default)]
    pub move_requests: Vec<MoveRequest>,
    /// Concurrency queue of each endpoint (lower-case endpoint name).
    #[serde(default)]
    pub queues: Vec<(String, Queue)>,
    /// Counter of requests served (request ids of error records).
    #[serde(default)]
    pub requests: u64,
    #[serde(skip)]
    pub(crate) idx: ExoIndex,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ExoIndex {
    /// lower-case identity key → recipients
    pub by_key: HashMap<Box<str>, SmallVec<[u32; 1]>>,
    /// lower-case ExternalDirectoryObjectId → recipient
    pub by_external: HashMap<Box<str>, u32>,
    /// lower-case ExchangeGuid (non-zero) → recipients
    pub by_exchange_guid: HashMap<Box<str>, SmallVec<[u32; 1]>>,
    /// lower-case migration user identity (e-mail address) → migration users
    pub migration_users: HashMap<Box<str>, SmallVec<[u32; 2]>>,
    /// lower-case ExchangeGuid → the latest move request of that mailbox
    pub move_by_guid: HashMap<Box<str>, u32>,
    /// RULE 18: lower-case delegate (source UPN) → target mailboxes holding a pending FullAccess
    /// grant for it
    pub pending: HashMap<Box<str>, Vec<u32>>,
    /// members (transitive) of a mail-enabled group, by the group's object id: the scope check
    /// of RULE 7 for thousands of users without scanning member lists each time.
    pub members: HashMap<Box<str>, std::rc::Rc<HashSet<Box<str>>>>,
}

fn k(s: &str) -> Box<str> {
    s.trim().to_ascii_lowercase().into_boxed_str()
}

impl ExoTenant {
    pub fn rebuild_indexes(&mut self) {
        self.idx = ExoIndex::default();
        for i in 0..self.recipients.len() {
            self.index_recipient(i);
        }
        for (i, u) in self.migration_users.iter().enumerate() {
            self.idx.migration_users.entry(k(&u.identity)).or_default().push(i as u32);
        }
        for (i, m) in self.move_requests.iter().enumerate() {
            self.idx.move_by_guid.insert(k(&m.exchange_guid), i as u32);
        }
        self.recount_batches();
    }

    fn index_recipient(&mut self, i: usize) {
        let r = &self.recipients[i];
        for key in r.keys() {
            self.idx.by_key.entry(key.into_boxed_str()).or_default().push(i as u32);
        }
        if !r.external_id.is_empty() {
            self.idx.by_external.insert(k(&r.external_id), i as u32);
        }
        if r.has_exchange_guid() {
            self.idx.by_exchange_guid.entry(k(&r.exchange_guid)).or_default().push(i as u32);
        }
        for p in &r.pending_permissions {
            let e = self.idx.pending.entry(k(&p.user)).or_default();
            if !e.contains(&(i as u32)) {
                e.push(i as u32);
            }
        }
    }

    /// Change a recipient and keep the indexes right: only the identity keys that changed are
    /// moved (a recipient keeps its place among others sharing a key).
    pub fn update_recipient<T>(&mut self, i: usize, now: i64, f: impl FnOnce(&mut Recipient) -> T) -> T {
        let old_keys = self.recipients[i].keys();
        let old_guid = self.recipients[i].has_exchange_guid().then(|| k(&self.recipients[i].exchange_guid));
        let out = f(&mut self.recipients[i]);
        self.recipients[i].changed = now;
        let r = &self.recipients[i];
        let new_keys = r.keys();
        let new_guid = r.has_exchange_guid().then(|| k(&r.exchange_guid));
        let ix = i as u32;
        // Both key lists are sorted and deduplicated.
        for key in old_keys.iter().filter(|x| new_keys.binary_search(x).is_err()) {
            if let Some(v) = self.idx.by_key.get_mut(key.as_str()) {
                v.retain(|x| *x != ix);
                if v.is_empty() {
                    self.idx.by_key.remove(key.as_str());
                }
            }
        }
        for key in new_keys.into_iter().filter(|x| old_keys.binary_search(x).is_err()) {
            self.idx.by_key.entry(key.into_boxed_str()).or_default().push(ix);
        }
        if old_guid != new_guid {
            if let Some(g) = old_guid {
                if let Some(v) = self.idx.by_exchange_guid.get_mut(&g) {
                    v.retain(|x| *x != ix);
                    if v.is_empty() {
                        self.idx.by_exchange_guid.remove(&g);
                    }
                }
            }
            if let Some(g) = new_guid {
                self.idx.by_exchange_guid.entry(g).or_default().push(ix);
            }
        }
        let r = &self.recipients[i];
        if !r.external_id.is_empty() {
            self.idx.by_external.insert(k(&r.external_id), ix);
        }
        for p in &r.pending_permissions {
            let e = self.idx.pending.entry(k(&p.user)).or_default();
            if !e.contains(&ix) {
                e.push(ix);
            }
        }
        out
    }

    pub fn add_recipient(&mut self, r: Recipient) -> usize {
        let i = self.recipients.len();
        self.recipients.push(r);
        self.index_recipient(i);
        i
    }

    /// Recipients an identity names (GUID, name, alias, UPN, any SMTP address, LegacyExchangeDN,
    /// ExchangeGuid, ExternalDirectoryObjectId).
    pub fn find(&self, identity: &str) -> SmallVec<[u32; 1]> {
        let key = identity.trim().trim_start_matches("SMTP:").trim_start_matches("smtp:");
        self.idx.by_key.get(&*key.to_ascii_lowercase()).cloned().unwrap_or_default()
    }

    pub fn by_external(&self, object_id: &str) -> Option<usize> {
        self.idx.by_external.get(&*object_id.trim().to_ascii_lowercase()).map(|i| *i as usize)
    }

    pub fn by_exchange_guid(&self, guid: &str) -> SmallVec<[u32; 1]> {
        self.idx.by_exchange_guid.get(&*guid.trim().to_ascii_lowercase()).cloned().unwrap_or_default()
    }

    /// The recipient using an SMTP address (any proxy), if any.
    pub fn smtp_owner(&self, address: &str) -> Option<usize> {
        let a = address.trim().to_ascii_lowercase();
        self.idx.by_key.get(&*a)?.iter().map(|i| *i as usize).find(|i| self.recipients[*i].smtp_addresses().any(|x| x.eq_ignore_ascii_case(&a)))
    }

    pub fn relationship_index(&self, identity: &str) -> Option<usize> {
        let id = identity.trim();
        self.relationships.iter().position(|r| r.name.eq_ignore_ascii_case(id) || r.guid.eq_ignore_ascii_case(id))
    }

    pub fn endpoint_index(&self, identity: &str) -> Option<usize> {
        let id = identity.trim();
        self.endpoints.iter().position(|e| e.name.eq_ignore_ascii_case(id) || e.guid.eq_ignore_ascii_case(id))
    }

    /// Forget the cached group memberships (after any membership change).
    pub fn membership_changed(&mut self) {
        self.idx.members.clear();
    }
}

impl Tenant {
    /// Accepted domains: the initial domain first, the coexistence domain
    /// `<name>.mail.onmicrosoft.com` every Exchange Online organization has (hybrid routing
    /// addresses use it), then the verified ones.
    pub fn accepted_domains(&self) -> Vec<String> {
        let mut v = vec![self.initial_domain(), self.mail_domain()];
        for d in &self.exo.domains {
            if !v.iter().any(|x| x.eq_ignore_ascii_case(d)) {
                v.push(d.clone());
            }
        }
        v
    }
    pub fn mail_domain(&self) -> String {
        format!("{}.mail.onmicrosoft.com", self.name)
    }
    pub fn accepts(&self, domain: &str) -> bool {
        let d = domain.trim();
        d.eq_ignore_ascii_case(&self.initial_domain())
            || d.eq_ignore_ascii_case(&self.mail_domain())
            || self.exo.domains.iter().any(|x| x.eq_ignore_ascii_case(d))
    }
    /// The domain controller name error messages cite (`NAMPR06A001DC04.NAMPR06A001.prod.outlook.com`).
    pub fn exo_dc(&self) -> String {
        let h = ids::hash(&["dc", &self.name.to_ascii_lowercase()]);
        let region = format!("NAMPR{:02}A{:03}", h % 20, (h >> 8) % 1000);
        format!("{region}DC{:02}.{region}.prod.outlook.com", (h >> 20) % 10)
    }
    /// The mailbox server name in request ids (`PH7PR11MB5915`).
    pub fn exo_server(&self) -> String {
        let h = ids::hash(&["server", &self.name.to_ascii_lowercase()]);
        format!("PH{}PR{:02}MB{:04}", h % 9 + 1, (h >> 8) % 20, (h >> 16) % 10000)
    }
}

// ───────────────────────────── provisioning ─────────────────────────────

fn legacy_dn(hexsrc: &str, alias: &str, org: &str) -> String {
    let hex: String = ids::guid(&[hexsrc]).chars().filter(|c| *c != '-').collect();
    let short: String = alias.chars().filter(|c| c.is_ascii_alphanumeric()).take(8).collect();
    format!("/o={org}/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn={hex}-{short}")
}

/// Mailbox database names look like `NAMPR06DG123-db045`.
fn database_for(tenant: &str, key: &str) -> String {
    let h = ids::hash(&["db", tenant, key]);
    format!("NAMPR{:02}DG{:03}-db{:03}", (h % 20), (h >> 8) % 1000, (h >> 20) % 200)
}

/// An alias from an address or name: letters, digits and `.-_` only.
pub fn alias_from(s: &str) -> String {
    let local = s.split('@').next().unwrap_or(s);
    let a: String = local.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')).collect();
    if a.is_empty() { "user".into() } else { a }
}

fn split_name(display: &str) -> (String, String) {
    match display.trim().split_once(' ') {
        Some((f, l)) => (f.to_string(), l.trim().to_string()),
        None => (String::new(), String::new()),
    }
}

/// Options of a new mailbox (scenario users, New-TenantSimUser -Mailbox).
#[derive(Debug, Clone, Default)]
pub struct NewMailbox {
    pub archive: bool,
    pub content: MailboxContent,
}

/// Give a directory user a mailbox (RecipientTypeDetails UserMailbox): ExchangeGuid,
/// LegacyExchangeDN, primary SMTP = the user's mail or UPN, an `alias@<initial domain>` proxy
/// and the X500 proxy of an earlier organization (the addresses RULE 8 asks to copy).
pub fn provision_mailbox(t: &mut Tenant, user: usize, spec: &NewMailbox, now: i64) -> SimResult<usize> {
    let u = &t.directory.users[user];
    let upn = u.upn.clone();
    let object_id = u.object_id.clone();
    let display = u.display_name.clone();
    let primary = u.mail.clone().unwrap_or_else(|| upn.clone());
    if t.exo.by_external(&object_id).is_some() {
        return Err(SimError::Invalid(format!("User '{upn}' already has an Exchange recipient.")));
    }
    let tname = t.name.to_ascii_lowercase();
    let lower = upn.to_ascii_lowercase();
    let alias = unique_alias(t, &alias_from(&upn));
    let name = unique_name(t, &alias);
    let mut addresses = vec![format!("SMTP:{primary}")];
    let routing = format!("{alias}@{}", t.initial_domain());
    if !routing.eq_ignore_ascii_case(&primary) {
        addresses.push(format!("smtp:{routing}"));
    }
    for a in &spec.content.extra_addresses {
        let p = normalize_proxy(a);
        if !addresses.iter().any(|x| x.eq_ignore_ascii_case(&p)) {
            addresses.push(p);
        }
    }
    addresses.push(format!("X500:{}", legacy_dn(&format!("x500|{tname}|{lower}"), &alias, "First Organization")));
    let c = &spec.content;
    let archive = spec.archive || c.archive_size_gb.is_some();
    let (first, last) = split_name(&display);
    let r = Recipient {
        guid: ids::guid(&["exo-object", &tname, &lower]),
        external_id: object_id,
        kind: if c.shared { RecipientKind::SharedMailbox } else { RecipientKind::UserMailbox },
        name,
        alias: alias.clone(),
        display_name: display,
        first_name: first,
        last_name: last,
        primary_smtp: primary,
        email_addresses: addresses,
        external_email_address: None,
        exchange_guid: ids::guid(&["exchange-guid", &tname, &lower]),
        archive_guid: if archive { ids::guid(&["archive-guid", &tname, &lower]) } else { ZERO_GUID.into() },
        archive_status: if archive { ArchiveStatus::Active } else { ArchiveStatus::None },
        disabled_archive_guid: if c.disabled_archive { Some(ids::guid(&["disabled-archive", &tname, &lower])) } else { None },
        aux_archives: c.aux_archives.unwrap_or(0),
        legacy_dn: legacy_dn(&format!("ldn|{tname}|{lower}"), &alias, "ExchangeLabs"),
        litigation_hold: c.hold,
        in_place_holds: Vec::new(),
        size_bytes: (c.size_gb.unwrap_or(DEFAULT_MAILBOX_GB).max(0.0) * BYTES_PER_GB as f64) as u64,
        items: c.item_count.unwrap_or(DEFAULT_MAILBOX_ITEMS),
        archive_size_bytes: if archive { (c.archive_size_gb.unwrap_or(0.2).max(0.0) * BYTES_PER_GB as f64) as u64 } else { 0 },
        archive_items: if archive { (c.archive_size_gb.unwrap_or(0.2).max(0.0) * 6000.0) as u64 } else { 0 },
        previous_exchange_guid: None,
        previous_kind: None,
        permissions: vec![MailboxPermission {
            user: SELF_PRINCIPAL.into(),
            rights: vec!["FullAccess".into(), "ReadPermission".into()],
            inherited: false,
            deny: false,
        }],
        pending_permissions: Vec::new(),
        send_on_behalf: Vec::new(),
        custom_attributes: Vec::new(),
        database: database_for(&tname, &lower),
        created: now,
        changed: now,
    };
    let i = t.exo.add_recipient(r);
    let u = &mut t.directory.users[user];
    u.mailbox = true;
    u.archive = archive;
    Ok(i)
}

/// Options of a new mail user (New-MailUser, scenarios).
#[derive(Debug, Clone, Default)]
pub struct NewMailUser {
    pub name: Option<String>,
    pub alias: Option<String>,
    pub display_name: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub primary_smtp: Option<String>,
    pub external_email_address: String,
}

/// Mail-enable a directory user as a MailUser: no mailbox, ExternalEmailAddress (targetAddress)
/// pointing elsewhere, primary SMTP in an accepted domain, an `alias@<initial domain>` proxy.
pub fn provision_mail_user(t: &mut Tenant, user: usize, spec: &NewMailUser, now: i64) -> Result<usize, ExoError> {
    let u = &t.directory.users[user];
    let upn = u.upn.clone();
    let object_id = u.object_id.clone();
    let tname = t.name.to_ascii_lowercase();
    let lower = upn.to_ascii_lowercase();
    let display = spec.display_name.clone().unwrap_or_else(|| u.display_name.clone());
    let ext = smtp_of(&spec.external_email_address).unwrap_or(spec.external_email_address.trim()).to_string();
    if !valid_smtp(&ext) {
        return Err(ExoError::BadSmtp(ext));
    }
    let primary = spec.primary_smtp.clone().unwrap_or_else(|| upn.clone());
    if !valid_smtp(&primary) {
        return Err(ExoError::BadSmtp(primary));
    }
    if !t.accepts(&domain_of(&primary)) {
        return Err(ExoError::DomainNotAccepted(domain_of(&primary)));
    }
    let alias = match &spec.alias {
        Some(a) => {
            if !t.exo.find(a).is_empty() {
                return Err(ExoError::ValueInUse(a.clone(), "Alias".into()));
            }
            a.clone()
        }
        None => unique_alias(t, &alias_from(&upn)),
    };
    let name = match &spec.name {
        Some(n) => {
            if t.exo.find(n).iter().any(|i| t.exo.recipients[*i as usize].name.eq_ignore_ascii_case(n)) {
                return Err(ExoError::ValueInUse(n.clone(), "Name".into()));
            }
            n.clone()
        }
        None => unique_name(t, &alias),
    };
    if let Some(owner) = t.exo.smtp_owner(&primary) {
        return Err(ExoError::ProxyInUse(format!("SMTP:{primary}"), t.exo.recipients[owner].name.clone()));
    }
    let mut addresses = vec![format!("SMTP:{primary}")];
    let routing = format!("{alias}@{}", t.initial_domain());
    if !routing.eq_ignore_ascii_case(&primary) && t.exo.smtp_owner(&routing).is_none() {
        addresses.push(format!("smtp:{routing}"));
    }
    let (f, l) = split_name(&display);
    let r = Recipient {
        guid: ids::guid(&["exo-object", &tname, &lower]),
        external_id: object_id,
        kind: RecipientKind::MailUser,
        name,
        alias: alias.clone(),
        display_name: display,
        first_name: spec.first_name.clone().unwrap_or(f),
        last_name: spec.last_name.clone().unwrap_or(l),
        primary_smtp: primary,
        email_addresses: addresses,
        external_email_address: Some(format!("SMTP:{ext}")),
        exchange_guid: ZERO_GUID.into(),
        archive_guid: ZERO_GUID.into(),
        archive_status: ArchiveStatus::None,
        disabled_archive_guid: None,
        aux_archives: 0,
        legacy_dn: legacy_dn(&format!("ldn|{tname}|{lower}"), &alias, "ExchangeLabs"),
        litigation_hold: false,
        in_place_holds: Vec::new(),
        size_bytes: 0,
        items: 0,
        archive_size_bytes: 0,
        archive_items: 0,
        previous_exchange_guid: None,
        previous_kind: None,
        permissions: Vec::new(),
        pending_permissions: Vec::new(),
        send_on_behalf: Vec::new(),
        custom_attributes: Vec::new(),
        database: String::new(),
        created: now,
        changed: now,
    };
    Ok(t.exo.add_recipient(r))
}

/// Mail-enable a directory group (mail-enabled security or distribution group).
pub fn provision_group(t: &mut Tenant, group: usize, primary: Option<String>, now: i64) -> Result<usize, ExoError> {
    let g = &t.directory.groups[group];
    let kind = match g.kind {
        GroupKind::MailEnabledSecurity => RecipientKind::MailUniversalSecurityGroup,
        GroupKind::Distribution => RecipientKind::MailUniversalDistributionGroup,
        _ => return Err(ExoError::Invalid(format!("The group '{}' is not mail-enabled.", g.display_name))),
    };
    let (object_id, display, alias0) = (g.object_id.clone(), g.display_name.clone(), g.alias.clone());
    let alias = if t.exo.find(&alias0).is_empty() { alias0 } else { unique_alias(t, &alias0) };
    let primary = primary.unwrap_or_else(|| format!("{alias}@{}", t.initial_domain()));
    if let Some(owner) = t.exo.smtp_owner(&primary) {
        return Err(ExoError::ProxyInUse(format!("SMTP:{primary}"), t.exo.recipients[owner].name.clone()));
    }
    let tname = t.name.to_ascii_lowercase();
    let r = Recipient {
        guid: ids::guid(&["exo-group", &tname, &object_id]),
        external_id: object_id.clone(),
        kind,
        name: display.clone(),
        alias: alias.clone(),
        display_name: display,
        first_name: String::new(),
        last_name: String::new(),
        primary_smtp: primary.clone(),
        email_addresses: vec![format!("SMTP:{primary}")],
        external_email_address: None,
        exchange_guid: ZERO_GUID.into(),
        archive_guid: ZERO_GUID.into(),
        archive_status: ArchiveStatus::None,
        disabled_archive_guid: None,
        aux_archives: 0,
        legacy_dn: legacy_dn(&format!("ldn|{tname}|{object_id}"), &alias, "ExchangeLabs"),
        litigation_hold: false,
        in_place_holds: Vec::new(),
        size_bytes: 0,
        items: 0,
        archive_size_bytes: 0,
        archive_items: 0,
        previous_exchange_guid: None,
        previous_kind: None,
        permissions: Vec::new(),
        pending_permissions: Vec::new(),
        send_on_behalf: Vec::new(),
        custom_attributes: Vec::new(),
        database: String::new(),
        created: now,
        changed: now,
    };
    Ok(t.exo.add_recipient(r))
}

fn unique_alias(t: &Tenant, base: &str) -> String {
    if t.exo.find(base).is_empty() {
        return base.to_string();
    }
    (1..).map(|n| format!("{base}{n}")).find(|a| t.exo.find(a).is_empty()).unwrap_or_else(|| base.to_string())
}

fn unique_name(t: &Tenant, base: &str) -> String {
    let taken = |n: &str| t.exo.find(n).iter().any(|i| t.exo.recipients[*i as usize].name.eq_ignore_ascii_case(n));
    if !taken(base) {
        return base.to_string();
    }
    (1..).map(|n| format!("{base}{n}")).find(|a| !taken(a)).unwrap_or_else(|| base.to_string())
}

// ───────────────────────────── world operations ─────────────────────────────

/// Names of Exchange objects (recipients, relationships) have at most 64 characters.
pub fn check_name(name: &str) -> Result<(), ExoError> {
    let n = name.chars().count();
    if n > 64 { Err(ExoError::TooLong(64, n)) } else { Ok(()) }
}

/// A DomainNames entry (SmtpDomain): letters, digits, hyphens and dots (a tenant id GUID is one).
pub fn valid_domain_name(d: &str) -> bool {
    let d = d.trim();
    !d.is_empty() && d.len() <= 255 && d.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.') && !d.starts_with('.') && !d.ends_with('.')
}

/// The result of resolving an identity to exactly one recipient.
pub fn resolve(t: &Tenant, identity: &str, accept: impl Fn(&Recipient) -> bool) -> Result<usize, ExoError> {
    let hits: Vec<usize> = t.exo.find(identity).iter().map(|i| *i as usize).filter(|i| accept(&t.exo.recipients[*i])).collect();
    match hits.len() {
        0 => Err(ExoError::NotFound(identity.trim().to_string(), t.exo_dc())),
        1 => Ok(hits[0]),
        _ => Err(ExoError::Ambiguous(identity.trim().to_string())),
    }
}

impl World {
    /// RULE 4: organization-level objects can't be created in a dehydrated tenant.
    pub fn require_customized(&self, t: usize) -> Result<(), ExoError> {
        if self.tenants[t].exo.dehydrated { Err(ExoError::Dehydrated) } else { Ok(()) }
    }

    pub fn enable_customization(&mut self, t: usize) -> Result<(), ExoError> {
        let exo = &mut self.tenants[t].exo;
        if !exo.dehydrated {
            return Err(ExoError::AlreadyCustomized);
        }
        exo.dehydrated = false;
        Ok(())
    }

    /// New-OrganizationRelationship.
    pub fn new_relationship(&mut self, t: usize, name: &str, mut c: RelationshipChange) -> Result<usize, ExoError> {
        self.resolve_scopes(t, &mut c)?;
        self.require_customized(t)?;
        check_name(name)?;
        let now = self.now_ticks;
        let exo = &self.tenants[t].exo;
        if exo.relationship_index(name).is_some() {
            return Err(ExoError::ValueInUse(name.to_string(), "Name".into()));
        }
        let domains = c.domain_names.clone().unwrap_or_default();
        for d in &domains {
            if let Some(r) = exo.relationships.iter().find(|r| r.covers(d)) {
                return Err(ExoError::RelationshipDomainExists(d.clone(), r.name.clone()));
            }
        }
        let tname = self.tenants[t].name.to_ascii_lowercase();
        let mut r = OrgRelationship {
            name: name.to_string(),
            guid: ids::guid(&["orgrel", &tname, &name.to_ascii_lowercase(), &now.to_string()]),
            domain_names: domains,
            enabled: true,
            mailbox_move_enabled: false,
            capability: Vec::new(),
            oauth_application_id: None,
            published_scopes: Vec::new(),
            free_busy_access_enabled: false,
            free_busy_access_level: None,
            mail_tips_access_enabled: false,
            delivery_report_enabled: false,
            archive_access_enabled: false,
            photos_enabled: false,
            target_application_uri: None,
            target_autodiscover_epr: None,
            organization_contact: None,
            created: now,
            changed: now,
        };
        apply_relationship(&mut r, c, now);
        let exo = &mut self.tenants[t].exo;
        exo.relationships.push(r);
        Ok(exo.relationships.len() - 1)
    }

    /// Set-OrganizationRelationship.
    pub fn set_relationship_exo(&mut self, t: usize, identity: &str, mut c: RelationshipChange) -> Result<usize, ExoError> {
        self.resolve_scopes(t, &mut c)?;
        self.require_customized(t)?;
        let now = self.now_ticks;
        let dc = self.tenants[t].exo_dc();
        let exo = &mut self.tenants[t].exo;
        let i = exo.relationship_index(identity).ok_or_else(|| ExoError::NotFound(identity.to_string(), dc))?;
        if let Some(domains) = &c.domain_names {
            for d in domains {
                if let Some((j, r)) = exo.relationships.iter().enumerate().find(|(j, r)| *j != i && r.covers(d)) {
                    let _ = j;
                    return Err(ExoError::RelationshipDomainExists(d.clone(), r.name.clone()));
                }
            }
        }
        if let Some(n) = &c.name {
            if exo.relationships.iter().enumerate().any(|(j, r)| j != i && r.name.eq_ignore_ascii_case(n)) {
                return Err(ExoError::ValueInUse(n.clone(), "Name".into()));
            }
        }
        apply_relationship(&mut exo.relationships[i], c, now);
        Ok(i)
    }

    /// RULE 6: each published scope is a mail-enabled security group of this organization; the
    /// relationship keeps the groups' names.
    fn resolve_scopes(&self, t: usize, c: &mut RelationshipChange) -> Result<(), ExoError> {
        let Some(ids) = c.published_scopes.take() else { return Ok(()) };
        let tn = &self.tenants[t];
        let mut scopes = Vec::new();
        for s in ids.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
            let i = resolve(tn, s, |r| r.kind == RecipientKind::MailUniversalSecurityGroup).map_err(|_| ExoError::NotFound(s.to_string(), tn.exo_dc()))?;
            scopes.push(tn.exo.recipients[i].name.clone());
        }
        c.published_scopes = Some(scopes);
        Ok(())
    }

    pub fn remove_relationship_exo(&mut self, t: usize, identity: &str) -> Result<(), ExoError> {
        let dc = self.tenants[t].exo_dc();
        let exo = &mut self.tenants[t].exo;
        let i = exo.relationship_index(identity).ok_or_else(|| ExoError::NotFound(identity.to_string(), dc))?;
        exo.relationships.remove(i);
        Ok(())
    }

    /// The relationship of tenant `t` naming tenant `partner` (by tenant id, as the article's
    /// DomainNames, or by one of its domains).
    pub fn relationship_with(&self, t: usize, partner: usize) -> Option<&OrgRelationship> {
        let p = &self.tenants[partner];
        let names: Vec<String> = std::iter::once(p.tenant_id.clone()).chain(p.accepted_domains()).collect();
        self.tenants[t].exo.relationships.iter().find(|r| names.iter().any(|n| r.covers(n)))
    }

    /// The directory users and groups a mail-enabled group contains, transitively (nested groups
    /// are supported, though not recommended, by the current article), as lower-case object ids.
    pub fn group_members(&mut self, t: usize, group_object_id: &str) -> std::rc::Rc<HashSet<Box<str>>> {
        let key = k(group_object_id);
        if let Some(s) = self.tenants[t].exo.idx.members.get(&key) {
            return s.clone();
        }
        let dir = &self.tenants[t].directory;
        let mut out: HashSet<Box<str>> = HashSet::new();
        let mut seen: HashSet<Box<str>> = HashSet::new();
        let mut stack = vec![key.clone()];
        while let Some(g) = stack.pop() {
            if !seen.insert(g.clone()) {
                continue;
            }
            let Some(group) = dir.group(&g) else { continue };
            for m in &group.members {
                let mk = k(m);
                if dir.group(&mk).is_some() {
                    stack.push(mk);
                } else {
                    out.insert(mk);
                }
            }
        }
        let rc = std::rc::Rc::new(out);
        self.tenants[t].exo.idx.members.insert(key, rc.clone());
        rc
    }

    /// Add a member (any mail-enabled recipient) to a mail-enabled group: the directory group's
    /// membership changes.
    pub fn add_group_member(&mut self, t: usize, group: &str, member: &str) -> Result<(), ExoError> {
        let tn = &self.tenants[t];
        let gi = resolve(tn, group, |r| r.kind.is_group())?;
        let mi = resolve(tn, member, |_| true)?;
        let (gid, gname) = (tn.exo.recipients[gi].external_id.clone(), tn.exo.recipients[gi].name.clone());
        let (mid, mname) = (tn.exo.recipients[mi].external_id.clone(), tn.exo.recipients[mi].name.clone());
        let dg = tn
            .directory
            .groups
            .iter()
            .position(|g| g.object_id.eq_ignore_ascii_case(&gid))
            .ok_or_else(|| ExoError::NotFound(group.to_string(), tn.exo_dc()))?;
        if mid.is_empty() {
            return Err(ExoError::WrongType(member.to_string(), tn.exo.recipients[mi].kind.details().into()));
        }
        let g = &mut self.tenants[t].directory.groups[dg];
        if g.members.iter().any(|m| m.eq_ignore_ascii_case(&mid)) {
            return Err(ExoError::AlreadyMember(mname, gname));
        }
        g.members.push(mid);
        self.tenants[t].exo.membership_changed();
        Ok(())
    }

    pub fn remove_group_member(&mut self, t: usize, group: &str, member: &str) -> Result<(), ExoError> {
        let tn = &self.tenants[t];
        let gi = resolve(tn, group, |r| r.kind.is_group())?;
        let mi = resolve(tn, member, |_| true)?;
        let (gid, gname) = (tn.exo.recipients[gi].external_id.clone(), tn.exo.recipients[gi].name.clone());
        let (mid, mname) = (tn.exo.recipients[mi].external_id.clone(), tn.exo.recipients[mi].name.clone());
        let dg = tn
            .directory
            .groups
            .iter()
            .position(|g| g.object_id.eq_ignore_ascii_case(&gid))
            .ok_or_else(|| ExoError::NotFound(group.to_string(), tn.exo_dc()))?;
        let g = &mut self.tenants[t].directory.groups[dg];
        let before = g.members.len();
        g.members.retain(|m| !m.eq_ignore_ascii_case(&mid));
        if g.members.len() == before {
            return Err(ExoError::NotMember(mname, gname));
        }
        self.tenants[t].exo.membership_changed();
        Ok(())
    }

    /// Recipients (indexes) that are direct members of a group, in membership order.
    pub fn group_member_recipients(&self, t: usize, group_recipient: usize) -> Vec<usize> {
        let tn = &self.tenants[t];
        let gid = &tn.exo.recipients[group_recipient].external_id;
        let Some(g) = tn.directory.group(gid) else { return Vec::new() };
        g.members.iter().filter_map(|m| tn.exo.by_external(m)).collect()
    }

    /// New-DistributionGroup: a directory group plus its Exchange recipient.
    pub fn new_distribution_group(
        &mut self,
        t: usize,
        name: &str,
        alias: Option<&str>,
        security: bool,
        primary: Option<String>,
        members: &[String],
    ) -> Result<usize, ExoError> {
        let now = self.now_ticks;
        check_name(name)?;
        let tn = &self.tenants[t];
        if tn.exo.find(name).iter().any(|i| tn.exo.recipients[*i as usize].name.eq_ignore_ascii_case(name))
            || tn.directory.groups.iter().any(|g| g.display_name.eq_ignore_ascii_case(name))
        {
            return Err(ExoError::ValueInUse(name.to_string(), "Name".into()));
        }
        let alias = alias.map(str::to_string).unwrap_or_else(|| alias_from(&name.replace(' ', "")));
        if alias.chars().count() > 64 {
            return Err(ExoError::TooLong(64, alias.chars().count()));
        }
        if !tn.exo.find(&alias).is_empty() || tn.directory.group_by_alias(&alias).is_some() {
            return Err(ExoError::ValueInUse(alias, "Alias".into()));
        }
        let mut member_ids = Vec::new();
        for m in members {
            let mi = resolve(tn, m, |_| true)?;
            let id = tn.exo.recipients[mi].external_id.clone();
            if !id.is_empty() && !member_ids.contains(&id) {
                member_ids.push(id);
            }
        }
        let object_id = ids::guid(&["group", &tn.name.to_ascii_lowercase(), &alias.to_ascii_lowercase()]);
        let g = directory::Group {
            object_id,
            display_name: name.to_string(),
            alias,
            kind: if security { GroupKind::MailEnabledSecurity } else { GroupKind::Distribution },
            members: member_ids,
            site_url: None,
        };
        let tn = &mut self.tenants[t];
        let gi = tn.directory.add_group(g);
        match provision_group(tn, gi, primary, now) {
            Ok(r) => {
                tn.exo.membership_changed();
                Ok(r)
            }
            Err(e) => {
                // Roll the directory group back (it was appended last).
                tn.directory.groups.pop();
                tn.directory.rebuild_indexes();
                Err(e)
            }
        }
    }
}

impl World {
    /// Licences of a directory user changed (Set-MgUserLicense). RULE 10: an Exchange licence
    /// on a MailUser whose ExchangeGuid is not stamped provisions a new mailbox (the move then
    /// fails: the target already has a primary mailbox); on a stamped MailUser it does not.
    /// Known issue 4: licensing scrubs SMTP proxies outside the tenant's accepted domains.
    /// Losing the Exchange licence turns a mailbox into a MailUser that remembers its previous
    /// mailbox (RULE 9's PreviousRecipientTypeDetails / PreviousExchangeGuid).
    pub fn licenses_changed(&mut self, t: usize, user: usize, had_exchange: bool) -> SimResult<()> {
        let now = self.now_ticks;
        let tn = &mut self.tenants[t];
        let u = tn.directory.users[user].clone();
        let has = crate::sim::graph::has_exchange_plan(&u);
        let ri = tn.exo.by_external(&u.object_id);
        if has && !had_exchange {
            match ri {
                None => {
                    provision_mailbox(tn, user, &NewMailbox::default(), now)?;
                }
                Some(ri) => {
                    let initial = tn.initial_domain();
                    let accepted = tn.accepted_domains();
                    let tname = tn.name.to_ascii_lowercase();
                    let lower = u.upn.to_ascii_lowercase();
                    let stamped = tn.exo.recipients[ri].has_exchange_guid();
                    let is_mail_user = tn.exo.recipients[ri].kind == RecipientKind::MailUser;
                    tn.exo.update_recipient(ri, now, |r| {
                        // Proxy scrubbing (known issue 4).
                        let ok = |a: &str| accepted.iter().any(|d| d.eq_ignore_ascii_case(&domain_of(a)));
                        r.email_addresses.retain(|p| smtp_of(p).is_none_or(ok));
                        if !ok(&r.primary_smtp) {
                            let new_primary = format!("{}@{initial}", r.alias);
                            r.email_addresses.retain(|p| !p.eq_ignore_ascii_case(&format!("smtp:{new_primary}")));
                            r.email_addresses.insert(0, format!("SMTP:{new_primary}"));
                            r.primary_smtp = new_primary;
                        } else if !r.email_addresses.iter().any(|p| p.starts_with("SMTP:")) {
                            let p = r.primary_smtp.clone();
                            r.email_addresses.retain(|x| !x.eq_ignore_ascii_case(&format!("smtp:{p}")));
                            r.email_addresses.insert(0, format!("SMTP:{p}"));
                        }
                        if is_mail_user && !stamped {
                            r.kind = RecipientKind::UserMailbox;
                            r.exchange_guid = ids::guid(&["exchange-guid", &tname, &lower, &now.to_string()]);
                            r.external_email_address = None;
                            r.database = database_for(&tname, &lower);
                            r.permissions = vec![MailboxPermission {
                                user: SELF_PRINCIPAL.into(),
                                rights: vec!["FullAccess".into(), "ReadPermission".into()],
                                inherited: false,
                                deny: false,
                            }];
                        }
                    });
                    if is_mail_user && !stamped {
                        tn.directory.users[user].mailbox = true;
                    }
                }
            }
        } else if !has && had_exchange {
            if let Some(ri) = ri.filter(|ri| tn.exo.recipients[*ri].kind.is_mailbox()) {
                tn.exo.update_recipient(ri, now, |r| {
                    r.previous_exchange_guid = Some(r.exchange_guid.clone());
                    r.previous_kind = Some(r.kind);
                    r.kind = RecipientKind::MailUser;
                    r.exchange_guid = ZERO_GUID.into();
                    r.archive_status = ArchiveStatus::None;
                    r.external_email_address = Some(format!("SMTP:{}", r.primary_smtp));
                    r.size_bytes = 0;
                    r.items = 0;
                    r.database = String::new();
                });
                tn.directory.users[user].mailbox = false;
                tn.directory.users[user].archive = false;
            }
        }
        Ok(())
    }
}

fn apply_relationship(r: &mut OrgRelationship, c: RelationshipChange, now: i64) {
    if let Some(x) = c.name {
        r.name = x;
    }
    if let Some(x) = c.domain_names {
        r.domain_names = x;
    }
    if let Some(x) = c.enabled {
        r.enabled = x;
    }
    if let Some(x) = c.mailbox_move_enabled {
        r.mailbox_move_enabled = x;
    }
    if let Some(x) = c.capability {
        r.capability = x;
    }
    if let Some(x) = c.oauth_application_id {
        r.oauth_application_id = x.filter(|s| !s.trim().is_empty());
    }
    if let Some(x) = c.published_scopes {
        r.published_scopes = x;
    }
    if let Some(x) = c.free_busy_access_enabled {
        r.free_busy_access_enabled = x;
    }
    if let Some(x) = c.free_busy_access_level {
        r.free_busy_access_level = Some(x);
    }
    if let Some(x) = c.mail_tips_access_enabled {
        r.mail_tips_access_enabled = x;
    }
    if let Some(x) = c.delivery_report_enabled {
        r.delivery_report_enabled = x;
    }
    if let Some(x) = c.archive_access_enabled {
        r.archive_access_enabled = x;
    }
    if let Some(x) = c.photos_enabled {
        r.photos_enabled = x;
    }
    if let Some(x) = c.target_application_uri {
        r.target_application_uri = Some(x);
    }
    if let Some(x) = c.target_autodiscover_epr {
        r.target_autodiscover_epr = Some(x);
    }
    if let Some(x) = c.organization_contact {
        r.organization_contact = Some(x);
    }
    r.changed = now;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_print_as_exchange_does() {
        assert_eq!(byte_size(99 * BYTES_PER_GB), "99 GB (106,300,440,576 bytes)");
        assert_eq!(byte_size(3_706_431_488), "3.452 GB (3,706,431,488 bytes)");
        assert_eq!(byte_size(4_509_715_660), "4.2 GB (4,509,715,660 bytes)");
        assert_eq!(byte_size(512), "512 B (512 bytes)");
    }

    #[test]
    fn capabilities_parse_as_flags() {
        let c = MoveCapability::parse_flags(&["RemoteOutbound, Inbound".into()]).expect("parses");
        assert_eq!(MoveCapability::display(&c), "Inbound, RemoteOutbound");
        assert!(MoveCapability::parse_flags(&["Inbund".into()]).is_err());
        assert_eq!(MoveCapability::display(&[]), "None");
    }

    #[test]
    fn proxies_normalise() {
        assert_eq!(normalize_proxy("a@b.com"), "smtp:a@b.com");
        assert_eq!(normalize_proxy("X500:/o=x"), "X500:/o=x");
        assert_eq!(smtp_of("SMTP:a@b.com"), Some("a@b.com"));
        assert!(valid_smtp("a@b.com") && !valid_smtp("a@b") && !valid_smtp("a b@c.com"));
    }
}
