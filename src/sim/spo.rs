//! SharePoint Online: sites (OneDrives, redirect sites, team sites), cross-tenant
//! relationships, identity maps, and cross-tenant content moves with every documented rule.
//!
//! Rules are numbered as in "Consolidated RULES" of `reference/onedrive-t2t.md`; each check
//! carries a `RULE n` comment. Checks the real service makes when the cmdlet runs return a
//! [`SimError`] (the cmdlet writes an error record); checks it makes while the move runs
//! (the Validation phase) end the move in `Failed` with the message in its state object.

use std::collections::{BTreeMap, VecDeque};

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use crate::sim::clock::{TICKS_PER_DAY, iso};
use crate::sim::directory::Text;
use crate::sim::error::{SimError, SimResult};
use crate::sim::ids;
use crate::sim::tenant::{Compatibility, Tenant, host_of, url_key};
use crate::sim::world::{HostKind, World};

pub const TEMPLATE_PERSONAL: &str = "SPSPERS#10";
pub const TEMPLATE_REDIRECT: &str = "RedirectSite#0";
pub const TEMPLATE_TEAM: &str = "STS#3";
pub const TEMPLATE_GROUP: &str = "GROUP#0";
pub const DEFAULT_ONEDRIVE_QUOTA_MB: i64 = 1_048_576;
pub const BYTES_PER_GB: f64 = 1024.0 * 1024.0 * 1024.0;

// ───────────────────────────── sites ─────────────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum LockState {
    #[default]
    Unlock,
    ReadOnly,
    NoAdditions,
    NoAccess,
}

impl LockState {
    pub fn name(self) -> &'static str {
        match self {
            LockState::Unlock => "Unlock",
            LockState::ReadOnly => "ReadOnly",
            LockState::NoAdditions => "NoAdditions",
            LockState::NoAccess => "NoAccess",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Site {
    pub url: String,
    pub template: Text,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub title: String,
    /// Storage used.
    #[serde(default)]
    pub bytes: u64,
    /// Files (incl. versions), folders and list items.
    #[serde(default)]
    pub items: u64,
    /// Longest path of an item relative to the site URL, in characters.
    #[serde(default)]
    pub longest_path: u32,
    /// Under a retention/legal hold policy.
    #[serde(default)]
    pub hold: bool,
    /// Lock set by an administrator.
    #[serde(default)]
    pub lock: LockState,
    /// Read-only because a cross-tenant move is running (RULE 20).
    #[serde(default)]
    pub move_read_only: bool,
    #[serde(default)]
    pub quota_mb: i64,
    #[serde(default)]
    pub created: i64,
    #[serde(default)]
    pub modified: i64,
    /// For redirect sites: where visitors are sent.
    #[serde(default)]
    pub redirect_to: Option<String>,
    #[serde(default)]
    pub group_id: Option<String>,
}

impl Site {
    pub fn is_personal(&self) -> bool {
        self.template.to_ascii_uppercase().starts_with("SPSPERS")
    }
    pub fn is_redirect(&self) -> bool {
        self.template.eq_ignore_ascii_case(TEMPLATE_REDIRECT)
    }
    /// LockState as Get-SPOSite shows it.
    pub fn lock_state(&self) -> LockState {
        if self.lock == LockState::Unlock && self.move_read_only { LockState::ReadOnly } else { self.lock }
    }
}

// ───────────────────────────── relationships ─────────────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartnerRole {
    Source,
    Target,
}

impl PartnerRole {
    pub fn name(self) -> &'static str {
        match self {
            PartnerRole::Source => "Source",
            PartnerRole::Target => "Target",
        }
    }
    pub fn parse(s: &str) -> Option<PartnerRole> {
        match s.trim().to_ascii_lowercase().as_str() {
            "source" => Some(PartnerRole::Source),
            "target" => Some(PartnerRole::Target),
            _ => None,
        }
    }
    pub fn opposite(self) -> PartnerRole {
        match self {
            PartnerRole::Source => PartnerRole::Target,
            PartnerRole::Target => PartnerRole::Source,
        }
    }
}

/// This tenant's half of a trust (Set-SPOCrossTenantRelationship).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Relationship {
    /// The partner's cross-tenant host URL as stored (`https://x-my.sharepoint.com/`).
    pub partner_url: String,
    pub partner_role: PartnerRole,
    pub scenario: String,
    pub created: i64,
}

impl Relationship {
    pub fn partner_host(&self) -> String {
        host_of(&self.partner_url)
    }
}

/// Verify-SPOCrossTenantRelationship results (RULE 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustStatus {
    NotEstablished,
    NotEstablishedByPartner,
    DormantByPartner,
    CouldNotContactPartner,
    GoodToProceed,
}

impl TrustStatus {
    pub fn name(self) -> &'static str {
        match self {
            TrustStatus::NotEstablished => "NotEstablished",
            TrustStatus::NotEstablishedByPartner => "NotEstablishedByPartner",
            TrustStatus::DormantByPartner => "DormantByPartner",
            TrustStatus::CouldNotContactPartner => "CouldNotContactPartner",
            TrustStatus::GoodToProceed => "GoodToProceed",
        }
    }
}

// ───────────────────────────── identity map ─────────────────────────────

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserMapping {
    pub source_tenant_company_id: String,
    /// Column 3 of the CSV (the source UPN): the module calls it SourceUserKey.
    pub source_user_key: String,
    pub target_user_upn: String,
    pub target_user_email: String,
    pub target_user_puid: String,
    pub user_type: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupMapping {
    pub source_tenant_company_id: String,
    pub source_group_object_id: String,
    pub target_group_object_id: String,
    pub target_group_name: String,
    pub group_type: String,
}

pub const USER_TYPES: &[&str] = &["RegularUser", "AdminUser", "GuestUser"];
pub const GROUP_TYPES: &[&str] = &["RegularGroup", "AdminGroup", "O365Group"];

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IdentityMap {
    pub users: Vec<UserMapping>,
    #[serde(default)]
    pub groups: Vec<GroupMapping>,
    #[serde(skip)]
    by_source_user: HashMap<String, u32>,
    #[serde(skip)]
    by_target_user: HashMap<String, u32>,
    #[serde(skip)]
    by_source_group: HashMap<String, u32>,
}

fn map_key(tenant_id: &str, key: &str) -> String {
    format!("{}|{}", tenant_id.trim().trim_matches(['{', '}']).to_ascii_lowercase(), key.trim().to_ascii_lowercase())
}

impl IdentityMap {
    pub fn rebuild(&mut self) {
        self.by_source_user = self.users.iter().enumerate().map(|(i, m)| (map_key(&m.source_tenant_company_id, &m.source_user_key), i as u32)).collect();
        self.by_target_user = self.users.iter().enumerate().map(|(i, m)| (m.target_user_upn.to_ascii_lowercase(), i as u32)).collect();
        self.by_source_group =
            self.groups.iter().enumerate().map(|(i, m)| (map_key(&m.source_tenant_company_id, &m.source_group_object_id), i as u32)).collect();
    }
    pub fn user(&self, source_tenant_id: &str, source_upn: &str) -> Option<&UserMapping> {
        self.by_source_user.get(&map_key(source_tenant_id, source_upn)).map(|i| &self.users[*i as usize])
    }
    pub fn user_for_target(&self, target_upn: &str) -> Option<&UserMapping> {
        self.by_target_user.get(&target_upn.to_ascii_lowercase()).map(|i| &self.users[*i as usize])
    }
    pub fn group(&self, source_tenant_id: &str, source_group_id: &str) -> Option<&GroupMapping> {
        self.by_source_group.get(&map_key(source_tenant_id, source_group_id)).map(|i| &self.groups[*i as usize])
    }
    /// RULE 13: one-to-one. Adds the mapping unless the source or the target is already mapped.
    pub fn add_user(&mut self, m: UserMapping) -> Result<(), String> {
        if let Some(prev) = self.user(&m.source_tenant_company_id, &m.source_user_key) {
            return Err(format!(
                "the source user '{}' is already mapped to '{}'; the identity map is strictly one-to-one",
                m.source_user_key, prev.target_user_upn
            ));
        }
        if let Some(prev) = self.user_for_target(&m.target_user_upn) {
            return Err(format!(
                "the target user '{}' is already the target of '{}'; the identity map is strictly one-to-one",
                m.target_user_upn, prev.source_user_key
            ));
        }
        let i = self.users.len() as u32;
        self.by_source_user.insert(map_key(&m.source_tenant_company_id, &m.source_user_key), i);
        self.by_target_user.insert(m.target_user_upn.to_ascii_lowercase(), i);
        self.users.push(m);
        Ok(())
    }
    pub fn add_group(&mut self, m: GroupMapping) -> Result<(), String> {
        if self.group(&m.source_tenant_company_id, &m.source_group_object_id).is_some() {
            return Err(format!("the source group '{}' is already mapped; the identity map is strictly one-to-one", m.source_group_object_id));
        }
        if self.groups.iter().any(|g| g.target_group_object_id.eq_ignore_ascii_case(&m.target_group_object_id)) {
            return Err(format!("the target group '{}' is already mapped; the identity map is strictly one-to-one", m.target_group_object_id));
        }
        let i = self.groups.len() as u32;
        self.by_source_group.insert(map_key(&m.source_tenant_company_id, &m.source_group_object_id), i);
        self.groups.push(m);
        Ok(())
    }
}

/// One rejected line of an identity-map CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLineError {
    pub line: usize,
    pub text: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default)]
pub struct MapUpload {
    pub users: usize,
    pub groups: usize,
    pub rejected: Vec<MapLineError>,
}

// ───────────────────────────── moves ─────────────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoveKind {
    User,
    Site,
    Group,
}

impl MoveKind {
    pub fn code(self) -> u8 {
        self as u8
    }
    pub fn noun(self) -> &'static str {
        match self {
            MoveKind::User => "OneDrive",
            MoveKind::Site => "site",
            MoveKind::Group => "group-connected site",
        }
    }
}

/// RULE 24: the documented move states (plus `Stopped`, from the module's enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoveState {
    NotStarted,
    Scheduled,
    ReadytoTrigger,
    InProgress,
    Success,
    Rescheduled,
    Failed,
    Stopped,
}

impl MoveState {
    pub fn name(self) -> &'static str {
        match self {
            MoveState::NotStarted => "NotStarted",
            MoveState::Scheduled => "Scheduled",
            MoveState::ReadytoTrigger => "ReadytoTrigger",
            MoveState::InProgress => "InProgress",
            MoveState::Success => "Success",
            MoveState::Rescheduled => "Rescheduled",
            MoveState::Failed => "Failed",
            MoveState::Stopped => "Stopped",
        }
    }
    /// Counts against the queue (RULE 22).
    pub fn is_active(self) -> bool {
        !matches!(self, MoveState::Success | MoveState::Failed | MoveState::Stopped)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Phase {
    Validation,
    Backup,
    Restore,
    Cleanup,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Validation => "Validation",
            Phase::Backup => "Backup",
            Phase::Restore => "Restore",
            Phase::Cleanup => "Cleanup",
        }
    }
    pub fn parse(s: &str) -> Option<Phase> {
        [Phase::Validation, Phase::Backup, Phase::Restore, Phase::Cleanup].into_iter().find(|p| p.name().eq_ignore_ascii_case(s.trim()))
    }
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
    pub fn next(self) -> Option<Phase> {
        match self {
            Phase::Validation => Some(Phase::Backup),
            Phase::Backup => Some(Phase::Restore),
            Phase::Restore => Some(Phase::Cleanup),
            Phase::Cleanup => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FaultOutcome {
    Failed,
    Rescheduled,
}

impl FaultOutcome {
    pub fn parse(s: &str) -> Option<FaultOutcome> {
        match s.trim().to_ascii_lowercase().as_str() {
            "failed" => Some(FaultOutcome::Failed),
            "rescheduled" => Some(FaultOutcome::Rescheduled),
            _ => None,
        }
    }
}

/// A declared failure: when the move of `key` (source UPN, site URL or group alias) finishes
/// `phase`, it ends with `outcome` instead. Consumed when it fires.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fault {
    #[serde(alias = "userPrincipalName", alias = "user")]
    pub key: String,
    pub phase: Phase,
    pub outcome: FaultOutcome,
    #[serde(default)]
    pub message: Option<String>,
}

/// A state change, for `-Verbose` detail.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Transition {
    pub at: i64,
    pub state: MoveState,
    #[serde(default)]
    pub phase: Option<Phase>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Move {
    pub id: String,
    pub kind: MoveKind,
    pub source: usize,
    pub target: usize,
    /// Source UPN, source site URL or source group alias, as given.
    pub source_key: String,
    /// Target UPN, target site URL or target group alias, as given.
    pub target_key: String,
    pub source_site_url: String,
    pub target_site_url: String,
    pub state: MoveState,
    #[serde(default)]
    pub phase: Option<Phase>,
    pub created: i64,
    #[serde(default)]
    pub begin: Option<i64>,
    #[serde(default)]
    pub end: Option<i64>,
    #[serde(default)]
    pub started: Option<i64>,
    #[serde(default)]
    pub finished: Option<i64>,
    pub modified: i64,
    #[serde(default)]
    pub error: Option<String>,
    pub bytes: u64,
    pub items: u64,
    #[serde(default)]
    pub attempts: u32,
    /// Bumped on every state change; scheduled events of older generations are ignored.
    #[serde(default)]
    pub generation: u32,
    #[serde(default)]
    pub history: Vec<Transition>,
}

impl Move {
    pub fn index_key(&self) -> (u8, usize, String) {
        (self.kind.code(), self.source, self.source_key.to_ascii_lowercase())
    }
}

/// What Start-SPOCrossTenant*ContentMove asks for.
#[derive(Debug, Clone)]
pub struct StartRequest {
    pub kind: MoveKind,
    pub source_key: String,
    pub target_key: String,
    pub target_host_url: String,
    pub begin: Option<i64>,
    pub end: Option<i64>,
    pub validation_only: bool,
}

pub struct StartResult {
    /// Index of the queued move (None for -ValidationOnly).
    pub index: Option<usize>,
    pub preview: Move,
    /// For -ValidationOnly: the outcome of the Validation checks.
    pub validation: Option<Result<(), String>>,
}

/// Filters of Get-SPOCrossTenant*ContentMoveState.
#[derive(Debug, Clone, Default)]
pub struct MoveQuery {
    pub source_key: Option<String>,
    pub move_id: Option<String>,
    /// Module enum: NotStarted, InProgress, Success, Failed, Stopped, Queued, NotSupported, Rescheduled, All.
    pub state: Option<String>,
    /// MoveOut (this tenant is the source), MoveIn, All.
    pub direction: Option<String>,
    pub partner_role: Option<PartnerRole>,
    pub start_time: Option<i64>,
    pub end_time: Option<i64>,
    pub limit: Option<usize>,
}

// ───────────────────────────── per-tenant SharePoint state ─────────────────────────────

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpoTenant {
    /// Site collections by URL key (sorted: deterministic listings).
    pub sites: BTreeMap<String, Site>,
    #[serde(default)]
    pub relationships: Vec<Relationship>,
    #[serde(default)]
    pub identity_map: IdentityMap,
    /// Set-SPOTenant -OneDriveStorageQuota (MB).
    #[serde(default = "default_quota")]
    pub onedrive_storage_quota: i64,
    #[serde(default)]
    pub self_service_site_creation_disabled: bool,
    /// Moves with this tenant as source that are not finished (RULE 22).
    #[serde(default)]
    pub active_moves: usize,
    /// Moves with this tenant as source that hold a slot (ReadytoTrigger / InProgress).
    #[serde(default)]
    pub running: usize,
    /// Eligible moves waiting for a slot, in order.
    #[serde(default)]
    pub waiting: VecDeque<u32>,
}

fn default_quota() -> i64 {
    DEFAULT_ONEDRIVE_QUOTA_MB
}

impl Default for SpoTenant {
    fn default() -> Self {
        SpoTenant {
            sites: BTreeMap::new(),
            relationships: Vec::new(),
            identity_map: IdentityMap::default(),
            onedrive_storage_quota: DEFAULT_ONEDRIVE_QUOTA_MB,
            self_service_site_creation_disabled: false,
            active_moves: 0,
            running: 0,
            waiting: VecDeque::new(),
        }
    }
}

impl SpoTenant {
    pub fn rebuild_indexes(&mut self) {
        self.identity_map.rebuild();
    }
    pub fn site(&self, url: &str) -> Option<&Site> {
        self.sites.get(&url_key(url))
    }
    pub fn site_mut(&mut self, url: &str) -> Option<&mut Site> {
        self.sites.get_mut(&url_key(url))
    }
    pub fn insert_site(&mut self, site: Site) {
        self.sites.insert(url_key(&site.url), site);
    }
}

/// The OneDrive URL SharePoint derives from a UPN: `https://x-my.sharepoint.com/personal/a_x_com/`.
pub fn onedrive_url(t: &Tenant, upn: &str) -> String {
    let upn = upn.trim();
    let mut s = String::with_capacity(48 + t.name.len() + upn.len());
    s.push_str("https://");
    s.extend(t.name.chars().map(|c| c.to_ascii_lowercase()));
    s.push_str("-my.sharepoint.com/personal/");
    s.extend(upn.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c.to_ascii_lowercase() } else { '_' }));
    s.push('/');
    s
}

pub fn new_onedrive(t: &Tenant, upn: &str, title: &str, now: i64) -> Site {
    Site {
        url: onedrive_url(t, upn),
        template: Text::Borrowed(TEMPLATE_PERSONAL),
        owner: Some(upn.to_string()),
        title: title.to_string(),
        bytes: 0,
        items: 0,
        longest_path: 0,
        hold: false,
        lock: LockState::Unlock,
        move_read_only: false,
        quota_mb: t.spo.onedrive_storage_quota,
        created: now,
        modified: now,
        redirect_to: None,
        group_id: None,
    }
}

fn gb(bytes: u64) -> String {
    let g = bytes as f64 / BYTES_PER_GB;
    if g >= 1024.0 { format!("{:.2} TB", g / 1024.0) } else { format!("{g:.2} GB") }
}

// ───────────────────────────── operations ─────────────────────────────

impl World {
    /// The tenant a cross-tenant host URL names. Only the my-site host is a cross-tenant host
    /// URL; the admin or root URL of a tenant is refused with a hint.
    pub fn partner_by_host_url(&self, url: &str) -> SimResult<usize> {
        match self.tenant_by_url(url) {
            Some((i, HostKind::My)) => Ok(i),
            _ => Err(SimError::PartnerNotFound(url.trim().to_string())),
        }
    }

    /// Get-SPOCrossTenantHostUrl.
    pub fn cross_tenant_host_url(&self, tenant: usize) -> String {
        self.tenants[tenant].my_site_host_url()
    }

    /// Set-SPOCrossTenantRelationship.
    pub fn set_relationship(&mut self, tenant: usize, scenario: &str, role: PartnerRole, partner_url: &str) -> SimResult<()> {
        check_scenario(scenario)?;
        // RULE 1: government / consumer clouds do not have the feature.
        if !self.tenants[tenant].cloud.supports_cross_tenant() {
            return Err(SimError::FeatureNotEnabled);
        }
        let partner = self.partner_by_host_url(partner_url)?;
        if partner == tenant {
            return Err(SimError::SelfRelationship(partner_url.trim().to_string()));
        }
        let partner_url = self.tenants[partner].my_site_host_url();
        let now = self.now_ticks;
        let rels = &mut self.tenants[tenant].spo.relationships;
        match rels.iter_mut().find(|r| r.partner_url.eq_ignore_ascii_case(&partner_url) && r.scenario.eq_ignore_ascii_case("MnA")) {
            Some(r) if r.partner_role == role => {}
            Some(r) => {
                r.partner_role = role;
                r.created = now;
            }
            None => rels.push(Relationship { partner_url: partner_url.clone(), partner_role: role, scenario: "MnA".into(), created: now }),
        }
        // RULE 6: the partner's administrators receive an e-mail (subject == body).
        let subject = format!(
            "SPO Tenant [{}] [setuporupdate] Organization Relation [Scenario=MnA, Role={}] with us",
            self.tenants[tenant].my_site_host_url(),
            role.opposite().name()
        );
        self.notify_admins(partner, subject);
        Ok(())
    }

    /// Remove-SPOCrossTenantRelationship.
    pub fn remove_relationship(&mut self, tenant: usize, scenario: &str, role: PartnerRole, partner_url: &str) -> SimResult<()> {
        check_scenario(scenario)?;
        // RULE 31: once this tenant's licences have expired the removal no longer works.
        let t = &self.tenants[tenant];
        if let Some(exp) = t.licenses_expire.filter(|e| self.now_ticks >= *e) {
            return Err(SimError::LicensesExpired(iso(exp)));
        }
        let host = host_of(partner_url);
        let rels = &mut self.tenants[tenant].spo.relationships;
        match rels.iter().position(|r| r.partner_host() == host && r.partner_role == role) {
            Some(i) => {
                rels.remove(i);
                Ok(())
            }
            None => Err(SimError::RelationshipNotFound { host: partner_url.trim().to_string(), role: role.name().into(), scenario: "MnA".into() }),
        }
    }

    /// Verify-SPOCrossTenantRelationship (RULES 5, 7, 8).
    pub fn verify_relationship(&self, tenant: usize, role: PartnerRole, partner_url: &str) -> TrustStatus {
        let me = &self.tenants[tenant];
        let Ok(partner) = self.partner_by_host_url(partner_url) else { return TrustStatus::CouldNotContactPartner };
        let p = &self.tenants[partner];
        // RULE 1: both tenants in the same, commercial cloud.
        if partner == tenant || p.cloud != me.cloud || !p.cloud.supports_cross_tenant() {
            return TrustStatus::CouldNotContactPartner;
        }
        let host = host_of(&p.my_site_host_url());
        // RULE 5: this side must have requested the trust, with the partner in `role`.
        if !me.spo.relationships.iter().any(|r| r.partner_host() == host && r.partner_role == role) {
            return TrustStatus::NotEstablished;
        }
        // RULE 5: …and the partner the mirror image.
        let my_host = host_of(&me.my_site_host_url());
        let Some(theirs) = p.spo.relationships.iter().find(|r| r.partner_host() == my_host && r.partner_role == role.opposite()) else {
            return TrustStatus::NotEstablishedByPartner;
        };
        // RULE 8: a partner's request is dormant for 7 days after it was made.
        let window = (me.settings.dormant_days * TICKS_PER_DAY as f64) as i64;
        if self.now_ticks < theirs.created + window {
            return TrustStatus::DormantByPartner;
        }
        TrustStatus::GoodToProceed
    }

    /// Get-SPOCrossTenantCompatibilityStatus (RULE 21).
    pub fn compatibility(&self, tenant: usize, partner_url: &str) -> SimResult<Compatibility> {
        let partner = self.partner_by_host_url(partner_url)?;
        let (a, b) = (self.tenants[tenant].compatibility, self.tenants[partner].compatibility);
        Ok(if a == Compatibility::Incompatible || b == Compatibility::Incompatible {
            Compatibility::Incompatible
        } else if a == Compatibility::Warning || b == Compatibility::Warning {
            Compatibility::Warning
        } else {
            Compatibility::Compatible
        })
    }

    // ── identity map ────────────────────────────────────────────────────────────────

    /// Add-SPOTenantIdentityMap: validate every line (RULE 12), keep one-to-one (RULE 13),
    /// replace the whole map (RULE 14). `path` is the resolved full path.
    pub fn upload_identity_map(&mut self, tenant: usize, path: &std::path::Path) -> SimResult<MapUpload> {
        let shown = path.display().to_string();
        // RULE 14: the file must not be open in another program.
        if self.locked_files.iter().any(|f| std::path::Path::new(f) == path) {
            return Err(SimError::FileLocked(shown));
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let parent_missing = path.parent().is_some_and(|p| !p.as_os_str().is_empty() && !p.exists());
                return Err(if parent_missing { SimError::PathNotFound(shown) } else { SimError::FileNotFound(shown) });
            }
            Err(e) => return Err(SimError::Invalid(e.to_string())),
        };
        let text = String::from_utf8_lossy(&bytes);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut map = IdentityMap::default();
        let mut up = MapUpload::default();
        let target = &self.tenants[tenant];
        let line_text = |n: usize| text.lines().nth(n.saturating_sub(1)).unwrap_or("").trim_end_matches('\r').to_string();
        let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        let mut rec = csv::StringRecord::new();
        loop {
            let n = rdr.position().line() as usize;
            match rdr.read_record(&mut rec) {
                Ok(false) => break,
                Ok(true) => {
                    let n = rec.position().map(|p| p.line() as usize).unwrap_or(n);
                    if rec.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    let outcome = match parse_map_record(&rec, Some(target)) {
                        Ok(MapRow::User(m)) => map.add_user(m).map(|_| up.users += 1),
                        Ok(MapRow::Group(g)) => map.add_group(g).map(|_| up.groups += 1),
                        Err(reason) => Err(reason),
                    };
                    if let Err(reason) = outcome {
                        up.rejected.push(MapLineError { line: n, text: line_text(n), reason });
                    }
                }
                Err(e) => {
                    let n = e.position().map(|p| p.line() as usize).unwrap_or(n);
                    up.rejected.push(MapLineError { line: n, text: line_text(n), reason: format!("the line is not valid CSV ({e})") });
                }
            }
        }
        // RULE 14: every upload replaces the whole map.
        self.tenants[tenant].spo.identity_map = map;
        Ok(up)
    }

    // ── sites ───────────────────────────────────────────────────────────────────────

    /// Request-SPOPersonalSite: pre-provision OneDrives for licensed users. Returns the URLs
    /// created. (Pre-provisioning by an admin ignores the Create Personal Site restriction.)
    pub fn request_personal_sites(&mut self, tenant: usize, upns: &[String]) -> Vec<String> {
        let now = self.now_ticks;
        let mut created = Vec::new();
        for upn in upns {
            let t = &self.tenants[tenant];
            let Some(u) = t.directory.user(upn) else { continue };
            if !u.has_onedrive_license() {
                continue;
            }
            let (upn, title) = (u.upn.clone(), u.display_name.clone());
            if t.spo.site(&onedrive_url(t, &upn)).is_some() {
                continue;
            }
            let site = new_onedrive(t, &upn, &title, now);
            created.push(site.url.clone());
            self.tenants[tenant].spo.insert_site(site);
        }
        created
    }

    /// Remove-SPOSite.
    pub fn remove_site(&mut self, tenant: usize, url: &str) -> SimResult<Site> {
        let key = url_key(url);
        self.tenants[tenant].spo.sites.remove(&key).ok_or_else(|| SimError::SiteNotFound(url.trim().to_string()))
    }

    // ── moves ───────────────────────────────────────────────────────────────────────

    pub fn move_for(&self, kind: MoveKind, source: usize, key: &str) -> Option<usize> {
        self.idx.move_by_source.get(&(kind.code(), source, key.trim().to_ascii_lowercase())).copied()
    }

    /// Start-SPOCrossTenantUserContentMove / SiteContentMove / GroupContentMove.
    pub fn start_move(&mut self, tenant: usize, req: StartRequest) -> SimResult<StartResult> {
        let me = &self.tenants[tenant];
        // RULE 1
        if !me.cloud.supports_cross_tenant() {
            return Err(SimError::FeatureNotEnabled);
        }
        let target = self.partner_by_host_url(&req.target_host_url)?;
        // RULE 4/5: moves start in the source tenant, which trusts the partner as Target.
        let host = host_of(&self.tenants[target].my_site_host_url());
        if target == tenant || !me.spo.relationships.iter().any(|r| r.partner_host() == host && r.partner_role == PartnerRole::Target) {
            return Err(SimError::NotSourceSide(req.target_host_url.trim().to_string()));
        }
        // RULES 7, 8: GoodToProceed on both sides.
        let status = self.verify_relationship(tenant, PartnerRole::Target, &req.target_host_url);
        if status != TrustStatus::GoodToProceed {
            return Err(SimError::TrustNotReady { host: req.target_host_url.trim().to_string(), status: status.name().into() });
        }
        let (source_site_url, target_site_url, bytes, items) = self.resolve_move_endpoints(tenant, target, &req)?;
        // One move per source at a time; RULE 27: one and done.
        if let Some(prev) = self.move_for(req.kind, tenant, &req.source_key) {
            let p = &self.moves[prev];
            if p.state == MoveState::Success {
                return Err(SimError::AlreadyMoved(req.source_key.clone(), p.target_site_url.clone()));
            }
            if p.state.is_active() {
                return Err(SimError::MoveAlreadyActive(req.source_key.clone(), p.state.name().into()));
            }
        }
        // RULE 23: dates are UTC; the end is best effort but must follow the beginning.
        if let (Some(b), Some(e)) = (req.begin, req.end) {
            if e <= b {
                return Err(SimError::BadMoveWindow(iso(b), iso(e)));
            }
        }
        let now = self.now_ticks;
        let id = ids::guid(&["move", &self.seed.to_string(), &self.moves.len().to_string(), &req.source_key.to_ascii_lowercase(), &now.to_string()]);
        let preview = Move {
            id,
            kind: req.kind,
            source: tenant,
            target,
            source_key: req.source_key.clone(),
            target_key: req.target_key.clone(),
            source_site_url,
            target_site_url,
            state: MoveState::NotStarted,
            phase: None,
            created: now,
            begin: req.begin,
            end: req.end,
            started: None,
            finished: None,
            modified: now,
            error: None,
            bytes,
            items,
            attempts: 0,
            generation: 0,
            history: vec![Transition { at: now, state: MoveState::NotStarted, phase: None }],
        };
        if req.validation_only {
            let v = self.validate_move(&preview);
            return Ok(StartResult { index: None, preview, validation: Some(v) });
        }
        // RULE 22: at most 4,000 moves queued per source tenant.
        let limit = self.tenants[tenant].settings.queue_limit;
        if self.tenants[tenant].spo.active_moves >= limit {
            return Err(SimError::QueueFull(limit));
        }
        let index = self.moves.len();
        self.moves.push(preview.clone());
        self.idx.move_by_source.insert(self.moves[index].index_key(), index);
        self.tenants[tenant].spo.active_moves += 1;
        self.schedule_after_start(index);
        Ok(StartResult { index: Some(index), preview, validation: None })
    }

    /// Immediate checks on what is moved; returns (source URL, target URL, bytes, items).
    fn resolve_move_endpoints(&self, source: usize, target: usize, req: &StartRequest) -> SimResult<(String, String, u64, u64)> {
        let s = &self.tenants[source];
        let t = &self.tenants[target];
        match req.kind {
            MoveKind::User => {
                // RULE 16: apostrophes fail with "invalid character".
                for upn in [&req.source_key, &req.target_key] {
                    if upn.contains('\'') {
                        return Err(SimError::InvalidCharacter(upn.clone()));
                    }
                }
                let u = s.directory.user(&req.source_key).ok_or_else(|| SimError::SourceUserNotFound(req.source_key.clone()))?;
                let url = onedrive_url(s, &u.upn);
                let site = s.spo.site(&url).ok_or_else(|| SimError::NoSourceOneDrive(req.source_key.clone()))?;
                // RULE 27: the OneDrive is already a redirect (moved before).
                if site.is_redirect() {
                    return Err(SimError::AlreadyMoved(req.source_key.clone(), site.redirect_to.clone().unwrap_or_default()));
                }
                Ok((site.url.clone(), onedrive_url(t, &req.target_key), site.bytes, site.items))
            }
            MoveKind::Site => {
                for url in [&req.source_key, &req.target_key] {
                    if url.contains('\'') {
                        return Err(SimError::InvalidCharacter(url.clone()));
                    }
                }
                let site = s.spo.site(&req.source_key).filter(|x| !x.is_personal()).ok_or_else(|| SimError::SourceSiteNotFound(req.source_key.clone()))?;
                if site.is_redirect() {
                    return Err(SimError::AlreadyMoved(req.source_key.clone(), site.redirect_to.clone().unwrap_or_default()));
                }
                Ok((site.url.clone(), req.target_key.trim().to_string(), site.bytes, site.items))
            }
            MoveKind::Group => {
                let g = s.directory.group_by_alias(&req.source_key).ok_or_else(|| SimError::SourceGroupNotFound(req.source_key.clone()))?;
                // RULE 33: Microsoft 365 group names with a period fail with "Invalid character".
                if g.display_name.contains('.') {
                    return Err(SimError::GroupNameInvalidCharacter(g.display_name.clone()));
                }
                let url = g.site_url.clone().ok_or_else(|| SimError::SourceGroupNotFound(req.source_key.clone()))?;
                let site = s.spo.site(&url).ok_or_else(|| SimError::SourceGroupNotFound(req.source_key.clone()))?;
                if site.is_redirect() {
                    return Err(SimError::AlreadyMoved(req.source_key.clone(), site.redirect_to.clone().unwrap_or_default()));
                }
                // RULE 33: the target site URL follows the target group alias.
                Ok((site.url.clone(), format!("{}teams/{}", t.root_site_url(), req.target_key.trim()), site.bytes, site.items))
            }
        }
    }

    /// The checks the service makes in the Validation phase. `Err` = the move fails with it.
    pub fn validate_move(&self, m: &Move) -> Result<(), String> {
        let s = &self.tenants[m.source];
        let t = &self.tenants[m.target];
        // RULES 5/7: the trust must still be there.
        if self.verify_relationship(m.source, PartnerRole::Target, &t.my_site_host_url()) != TrustStatus::GoodToProceed {
            return Err(format!("The cross-tenant relationship between {} and {} is no longer established.", s.my_site_host_url(), t.my_site_host_url()));
        }
        // RULE 3: Customer Key on the source blocks the move.
        if s.customer_key {
            return Err("The source tenant uses Service Encryption with Microsoft Purview Customer Key; cross-tenant migration is not supported for it.".into());
        }
        // RULE 21: Incompatible tenants cannot migrate.
        if let Ok(Compatibility::Incompatible) = self.compatibility(m.source, &t.my_site_host_url()) {
            return Err("The source and target tenants are Incompatible (Get-SPOCrossTenantCompatibilityStatus). Wait 48 hours for both tenants to be updated, then contact support.".into());
        }
        let site = s.spo.site(&m.source_site_url).ok_or_else(|| format!("The source {} {} no longer exists.", m.kind.noun(), m.source_site_url))?;
        match m.kind {
            MoveKind::User => self.validate_user_identities(m)?,
            MoveKind::Group => {
                // RULES 10/33: the target Microsoft 365 group must be pre-created.
                match t.directory.group_by_alias(&m.target_key) {
                    Some(g) if g.kind == crate::sim::directory::GroupKind::Unified => {}
                    _ => {
                        return Err(format!(
                            "The target Microsoft 365 group '{}' was not found in the target tenant. Pre-create it before migrating.",
                            m.target_key
                        ));
                    }
                }
            }
            MoveKind::Site => {
                if self.tenant_by_url(&m.target_site_url).map(|x| x.0) != Some(m.target) {
                    return Err(format!("The target site URL {} is not in the target tenant.", m.target_site_url));
                }
            }
        }
        // RULES 11 / 30: the target URL must be free.
        if let Some(existing) = t.spo.site(&m.target_site_url) {
            if existing.is_redirect() {
                // RULE 30: a redirect left by an earlier move occupies the URL.
                return Err(format!(
                    "The target URL {} is already in use by a redirect site (RedirectSite#0). Site URLs must be unique: remove the redirect with Remove-SPOSite on the target tenant, then start the move again.",
                    existing.url
                ));
            }
            if m.kind == MoveKind::User {
                // RULE 11: no pre-existing target OneDrive; no overwrite or merge.
                return Err(format!(
                    "A OneDrive already exists for {} at {}. The target OneDrive must not exist before the migration; it cannot be overwritten or merged.",
                    m.target_key, existing.url
                ));
            }
            return Err(format!("A site already exists at the target URL {}.", existing.url));
        }
        // RULE 19: holds block the move.
        if site.hold {
            return Err(format!(
                "The {} {} is under a hold policy. Remove the hold, migrate, then reapply the hold in the target tenant.",
                m.kind.noun(),
                site.url
            ));
        }
        // RULE 20: the source must be read/write before the move.
        if site.lock != LockState::Unlock {
            return Err(format!("The source {} {} is locked ({}); it must be read/write before the move.", m.kind.noun(), site.url, site.lock.name()));
        }
        // RULE 18: size and item limits.
        let max_bytes = (s.settings.max_size_gb * BYTES_PER_GB) as u64;
        if site.bytes > max_bytes {
            return Err(format!("The {} {} uses {}, above the {} limit of a cross-tenant move.", m.kind.noun(), site.url, gb(site.bytes), gb(max_bytes)));
        }
        if site.items > s.settings.max_items {
            return Err(format!(
                "The {} {} has {} items, above the limit of {} items (files including versions, folders and list items).",
                m.kind.noun(),
                site.url,
                site.items,
                s.settings.max_items
            ));
        }
        // RULE 17: target URL + relative path must stay within 400 characters.
        let base = m.target_site_url.trim_end_matches('/');
        let full = base.chars().count() as u32 + 1 + site.longest_path;
        if site.longest_path > 0 && full > s.settings.max_path_length {
            return Err(format!(
                "Some items would exceed the {}-character path limit in the target: {} ({} characters) + the longest relative path ({} characters) = {} characters. Shorten the folder structure or use a shorter target URL.",
                s.settings.max_path_length,
                base,
                base.chars().count(),
                site.longest_path,
                full
            ));
        }
        Ok(())
    }

    fn validate_user_identities(&self, m: &Move) -> Result<(), String> {
        let s = &self.tenants[m.source];
        let t = &self.tenants[m.target];
        let su = s.directory.user(&m.source_key).ok_or_else(|| format!("The source user {} no longer exists.", m.source_key))?;
        // RULE 10: the target user must be pre-created…
        let Some(tu) = t.directory.user(&m.target_key) else {
            return Err(format!(
                "The target user {} was not found in the target tenant. Pre-create and license the target user before migrating.",
                m.target_key
            ));
        };
        // RULE 2: Cross Tenant User Data Migration licence on the source or the target user.
        if !su.has_migration_license() && !tu.has_migration_license() {
            return Err(format!(
                "Neither {} nor {} has a Cross Tenant User Data Migration license. Assign the license to the source or the target user.",
                su.upn, tu.upn
            ));
        }
        // RULE 10: …with a OneDrive-capable licence.
        if !tu.has_onedrive_license() {
            return Err(format!("The target user {} does not have a license that includes OneDrive.", tu.upn));
        }
        // RULE 15: the source identity must be in the target's identity map, mapped to this user.
        match t.spo.identity_map.user(&s.tenant_id, &su.upn) {
            None => Err(format!(
                "The source user {} is not in the identity map of the target tenant. Add it to the CSV and upload it again with Add-SPOTenantIdentityMap.",
                su.upn
            )),
            Some(map) if !map.target_user_upn.eq_ignore_ascii_case(&tu.upn) => {
                Err(format!("The identity map of the target tenant maps {} to {}, not to {}.", su.upn, map.target_user_upn, tu.upn))
            }
            Some(_) => Ok(()),
        }
    }

    /// Stop-SPOCrossTenant*ContentMove (RULE 25).
    pub fn stop_move(&mut self, tenant: usize, kind: MoveKind, key: &str) -> SimResult<usize> {
        let i = self.move_for(kind, tenant, key).ok_or_else(|| SimError::MoveNotFound(key.trim().to_string()))?;
        let state = self.moves[i].state;
        // RULE 25: OneDrive moves cannot be stopped InProgress, Rescheduled or Success; the
        // SharePoint site article only excludes InProgress and Success.
        let refused = match kind {
            MoveKind::User => matches!(state, MoveState::InProgress | MoveState::Rescheduled | MoveState::Success),
            MoveKind::Site | MoveKind::Group => matches!(state, MoveState::InProgress | MoveState::Success),
        };
        if refused || state == MoveState::Stopped {
            return Err(SimError::CannotStop(self.moves[i].source_key.clone(), state.name().into()));
        }
        self.finish_move(i, MoveState::Stopped, None);
        Ok(i)
    }

    /// Get-SPOCrossTenant*ContentMoveState (RULE 26: either side, partner = the other side).
    pub fn query_moves(&self, tenant: usize, kind: MoveKind, partner_url: &str, q: &MoveQuery) -> SimResult<Vec<usize>> {
        let partner = self.partner_by_host_url(partner_url)?;
        let mut out = Vec::new();
        let dir = q.direction.as_deref().map(|d| d.to_ascii_lowercase());
        for (i, m) in self.moves.iter().enumerate() {
            if m.kind != kind {
                continue;
            }
            let outgoing = m.source == tenant && m.target == partner;
            let incoming = m.target == tenant && m.source == partner;
            if !outgoing && !incoming {
                continue;
            }
            match dir.as_deref() {
                Some("moveout") if !outgoing => continue,
                Some("movein") if !incoming => continue,
                _ => {}
            }
            match q.partner_role {
                Some(PartnerRole::Target) if !outgoing => continue,
                Some(PartnerRole::Source) if !incoming => continue,
                _ => {}
            }
            if let Some(k) = &q.source_key {
                let hit = m.source_key.eq_ignore_ascii_case(k.trim()) || (kind != MoveKind::Group && url_key(&m.source_site_url) == url_key(k));
                if !hit {
                    continue;
                }
            }
            if let Some(id) = &q.move_id {
                if !m.id.eq_ignore_ascii_case(id.trim()) {
                    continue;
                }
            }
            if let Some(s) = &q.state {
                if !state_matches(m.state, s) {
                    continue;
                }
            }
            let t0 = m.started.unwrap_or(m.created);
            if q.start_time.is_some_and(|s| t0 < s) || q.end_time.is_some_and(|e| t0 > e) {
                continue;
            }
            out.push(i);
        }
        // With a source key, the latest move of that source only.
        if q.source_key.is_some() && out.len() > 1 {
            out = out.split_off(out.len() - 1);
        }
        if let Some(l) = q.limit.filter(|l| *l > 0) {
            out.truncate(l);
        }
        Ok(out)
    }
}

fn check_scenario(s: &str) -> SimResult<()> {
    if s.trim().eq_ignore_ascii_case("MnA") { Ok(()) } else { Err(SimError::BadScenario(s.trim().to_string())) }
}

/// The module's MoveState filter values against the states moves report.
pub fn state_matches(state: MoveState, filter: &str) -> bool {
    match filter.trim().to_ascii_lowercase().as_str() {
        "all" | "" => true,
        "queued" => matches!(state, MoveState::Scheduled | MoveState::ReadytoTrigger),
        "notsupported" => false,
        f => state.name().eq_ignore_ascii_case(f),
    }
}

enum MapRow {
    User(UserMapping),
    Group(GroupMapping),
}

/// RULE 12 for one line of an identity map, without a tenant to upload it to (the linter):
/// why Add-SPOTenantIdentityMap would reject it.
pub fn check_identity_map_record(rec: &csv::StringRecord) -> Result<(), String> {
    parse_map_record(rec, None).map(|_| ())
}

/// RULE 12: exactly six columns, no header, `User`/`Group` rows, a GUID in column 2. The
/// target tenant, when known, gives the mapped user's PUID.
fn parse_map_record(rec: &csv::StringRecord, target: Option<&Tenant>) -> Result<MapRow, String> {
    let cols: Vec<String> = rec.iter().map(|c| c.trim().to_string()).collect();
    if cols.len() != 6 {
        return Err(format!("a line must have exactly 6 columns, this one has {}", cols.len()));
    }
    if cols.iter().any(|c| c.is_empty()) {
        return Err("all 6 columns must have a value".into());
    }
    if !ids::is_guid(&cols[1]) {
        return Err(format!(
            "column 2 must be the source tenant ID (a GUID), not '{}'{}",
            cols[1],
            if cols[0].eq_ignore_ascii_case("User") || cols[0].eq_ignore_ascii_case("Group") { "" } else { " (the file must not have a header row)" }
        ));
    }
    let tenant_id = cols[1].trim_matches(['{', '}']).to_ascii_lowercase();
    if cols[0].eq_ignore_ascii_case("User") {
        for (i, name) in [(2, "SourceUserUpn"), (3, "TargetUserUpn"), (4, "TargetUserEmail")] {
            if !cols[i].contains('@') {
                return Err(format!("column {} ({name}) must be a user principal name, not '{}'", i + 1, cols[i]));
            }
        }
        let Some(ut) = USER_TYPES.iter().find(|t| t.eq_ignore_ascii_case(&cols[5])) else {
            return Err(format!("column 6 (UserType) must be one of {}, not '{}'", USER_TYPES.join(", "), cols[5]));
        };
        let puid = target.and_then(|t| t.directory.user(&cols[3])).map(|u| u.puid.clone()).unwrap_or_default();
        Ok(MapRow::User(UserMapping {
            source_tenant_company_id: tenant_id,
            source_user_key: cols[2].clone(),
            target_user_upn: cols[3].clone(),
            target_user_email: cols[4].clone(),
            target_user_puid: puid,
            user_type: ut.to_string(),
        }))
    } else if cols[0].eq_ignore_ascii_case("Group") {
        for (i, name) in [(2, "SourceGroupObjectID"), (3, "TargetGroupObjectID")] {
            if !ids::is_guid(&cols[i]) {
                return Err(format!("column {} ({name}) must be a group object ID (GUID), not '{}'", i + 1, cols[i]));
            }
        }
        let Some(gt) = GROUP_TYPES.iter().find(|t| t.eq_ignore_ascii_case(&cols[5])) else {
            return Err(format!("column 6 (GroupType) must be one of {}, not '{}'", GROUP_TYPES.join(", "), cols[5]));
        };
        Ok(MapRow::Group(GroupMapping {
            source_tenant_company_id: tenant_id,
            source_group_object_id: cols[2].to_ascii_lowercase(),
            target_group_object_id: cols[3].to_ascii_lowercase(),
            target_group_name: cols[4].clone(),
            group_type: gt.to_string(),
        }))
    } else {
        Err(format!("column 1 must be User or Group, not '{}'", cols[0]))
    }
}

#[cfg(test)]
mod url_tests {
    #[test]
    fn onedrive_url_matches_the_segment_rule() {
        let t = crate::sim::scenario::new_tenant("M365x946316").expect("tenant");
        let upn = "Test-Diego@M365x946316.OnMicrosoft.com";
        assert_eq!(super::onedrive_url(&t, upn), format!("{}personal/{}/", t.my_site_host_url(), crate::sim::tenant::personal_segment(upn)));
    }
}
