//! Scenarios: the JSON that describes an initial world. The default scenario is embedded in the
//! binary (`default_scenario.json`) and only parsed when a command needs the world. The format
//! is documented in README.md ("Scenario files") with a sample in `scripts/scenario-sample.json`.

use serde::Deserialize;

use crate::sim::clock::{TICKS_PER_DAY, parse_iso};
use crate::sim::directory::{self, DEFAULT_PLAN, GLOBAL_ADMIN, GroupKind, MIGRATION_SKU, Text, User};
use crate::sim::error::{SimError, SimResult};
use crate::sim::exchange::{self, MailboxContent};
use crate::sim::exchange_migration::{MailboxFault, MbxPhase};
use crate::sim::ids;
use crate::sim::spo::{
    BYTES_PER_GB, Fault, FaultOutcome, LockState, PartnerRole, Phase, Relationship, Site, SpoTenant, TEMPLATE_GROUP, TEMPLATE_TEAM, UserMapping, new_onedrive,
};
use crate::sim::tenant::{Cloud, Compatibility, MoveSettings, Tenant};
use crate::sim::world::World;

pub const DEFAULT_SCENARIO: &str = include_str!("default_scenario.json");

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    #[serde(default)]
    pub description: Option<String>,
    /// Virtual start time (RFC 3339, UTC).
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub tenants: Vec<TenantSpec>,
    #[serde(default)]
    pub faults: Vec<FaultSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TenantSpec {
    pub name: String,
    #[serde(default)]
    pub tenant_id: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub cloud: Option<String>,
    #[serde(default)]
    pub customer_key: bool,
    #[serde(default)]
    pub compatibility: Option<String>,
    #[serde(default)]
    pub one_drive_creation_restricted: bool,
    #[serde(default)]
    pub licenses_expire_on: Option<String>,
    #[serde(default)]
    pub data_location: Option<String>,
    #[serde(default, rename = "oneDriveStorageQuotaMB")]
    pub onedrive_storage_quota_mb: Option<i64>,
    #[serde(default)]
    pub settings: Option<MoveSettings>,
    #[serde(default)]
    pub users: Vec<UserSpec>,
    #[serde(default)]
    pub bulk_users: Vec<BulkSpec>,
    #[serde(default)]
    pub groups: Vec<GroupSpec>,
    #[serde(default)]
    pub sites: Vec<SiteSpec>,
    #[serde(default)]
    pub relationships: Vec<RelationshipSpec>,
    #[serde(default)]
    pub identity_map: Vec<MappingSpec>,
    /// Exchange Online: the organization is dehydrated (RULE 4 of the mailbox migration).
    #[serde(default)]
    pub dehydrated: bool,
    /// Verified (accepted) domains beyond `<name>.onmicrosoft.com`.
    #[serde(default)]
    pub domains: Vec<String>,
}

/// `"oneDrive": false` (none), `true` / absent (a small one), or its content.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum OneDriveSpec {
    Present(bool),
    Content(ContentSpec),
}

impl Default for OneDriveSpec {
    fn default() -> Self {
        OneDriveSpec::Present(true)
    }
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContentSpec {
    #[serde(default, rename = "sizeGB")]
    pub size_gb: Option<f64>,
    #[serde(default)]
    pub item_count: Option<u64>,
    #[serde(default)]
    pub longest_path_length: Option<u32>,
    #[serde(default)]
    pub hold: bool,
    #[serde(default)]
    pub read_only: bool,
    #[serde(default, rename = "quotaGB")]
    pub quota_gb: Option<f64>,
}

/// Defaults for a user's OneDrive when none is described: 250 MB, 120 items.
pub const DEFAULT_ONEDRIVE_GB: f64 = 0.25;
pub const DEFAULT_ONEDRIVE_ITEMS: u64 = 120;
pub const DEFAULT_LONGEST_PATH: u32 = 60;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserSpec {
    pub upn: String,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub object_id: Option<String>,
    /// Replaces the default licences (a OneDrive/Exchange plan + the migration add-on).
    #[serde(default)]
    pub licenses: Option<Vec<String>>,
    #[serde(default)]
    pub no_migration_license: bool,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub one_drive: OneDriveSpec,
    /// `"mailbox": false` (none), `true` / absent (a small one), or its content.
    #[serde(default)]
    pub mailbox: MailboxSpec,
    #[serde(default)]
    pub archive: bool,
    /// A mail user instead of a mailbox (`"mailbox": false` too).
    #[serde(default)]
    pub mail_user: Option<MailUserSpec>,
    /// Service plans turned off in the user's licences, by name (`EXCHANGE_S_ENTERPRISE`) or id.
    #[serde(default)]
    pub disabled_plans: Vec<String>,
    #[serde(default)]
    pub guest: bool,
    /// What the user teaches in the scenario (documentation only).
    #[serde(default)]
    pub note: Option<String>,
}

/// A user's mailbox in a scenario.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum MailboxSpec {
    Present(bool),
    Content(MailboxContent),
}

impl Default for MailboxSpec {
    fn default() -> Self {
        MailboxSpec::Present(true)
    }
}

/// A user that is a MailUser (e.g. a pre-created target of a mailbox migration).
#[derive(Debug, Deserialize, Clone, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MailUserSpec {
    pub external_email_address: String,
    #[serde(default)]
    pub primary_smtp_address: Option<String>,
    /// Proxy addresses to add (e.g. one in a domain the tenant doesn't own).
    #[serde(default)]
    pub extra_addresses: Vec<String>,
    /// RULE 9 of the mailbox migration: the user had a mailbox before.
    #[serde(default)]
    pub previous_mailbox: bool,
}

/// `N` generated users `prefix000001@domain` … with OneDrive sizes spread in a range.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkSpec {
    pub prefix: String,
    pub count: usize,
    #[serde(default = "one")]
    pub start: usize,
    #[serde(default = "six")]
    pub digits: usize,
    /// `[min, max]` in GB.
    #[serde(default, rename = "oneDriveSizeGB")]
    pub onedrive_size_gb: Option<[f64; 2]>,
    #[serde(default)]
    pub item_count: Option<[u64; 2]>,
    #[serde(default)]
    pub longest_path_length: Option<u32>,
    #[serde(default)]
    pub no_one_drive: bool,
    #[serde(default)]
    pub no_migration_license: bool,
    #[serde(default)]
    pub licenses: Option<Vec<String>>,
    /// Give every generated user a mailbox, sizes spread in `[min, max]` GB.
    #[serde(default)]
    pub mailbox: bool,
    #[serde(default, rename = "mailboxSizeGB")]
    pub mailbox_size_gb: Option<[f64; 2]>,
}

fn one() -> usize {
    1
}
fn six() -> usize {
    6
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GroupSpec {
    pub display_name: String,
    pub alias: String,
    #[serde(default)]
    pub object_id: Option<String>,
    #[serde(default)]
    pub kind: Option<GroupKind>,
    #[serde(default)]
    pub members: Vec<String>,
    /// A group-connected site at `/teams/<alias>` with this content.
    #[serde(default)]
    pub site: Option<ContentSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SiteSpec {
    pub url: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(flatten)]
    pub content: ContentSpecLoose,
}

/// ContentSpec without deny_unknown_fields (serde cannot combine it with flatten).
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ContentSpecLoose {
    #[serde(default, rename = "sizeGB")]
    pub size_gb: Option<f64>,
    #[serde(default)]
    pub item_count: Option<u64>,
    #[serde(default)]
    pub longest_path_length: Option<u32>,
    #[serde(default)]
    pub hold: bool,
    #[serde(default)]
    pub read_only: bool,
    #[serde(default, rename = "quotaGB")]
    pub quota_gb: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RelationshipSpec {
    /// Partner tenant name or cross-tenant host URL.
    pub partner: String,
    pub partner_role: String,
    /// Age of the request (RULE 8: dormant for 7 days).
    #[serde(default)]
    pub created_days_ago: f64,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MappingSpec {
    /// Source tenant name (or tenant id).
    pub source_tenant: String,
    pub source: String,
    pub target: String,
    #[serde(default)]
    pub target_email: Option<String>,
    #[serde(default)]
    pub user_type: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultSpec {
    /// Source UPN (user moves), source site URL or source group alias.
    #[serde(alias = "userPrincipalName", alias = "site", alias = "group")]
    pub user: String,
    pub phase: String,
    pub outcome: String,
    #[serde(default)]
    pub message: Option<String>,
    /// `Mailbox`: a mailbox-move fault (phases Validation, InitialSync, Completion); absent or
    /// `OneDrive`: a OneDrive/SharePoint move fault.
    #[serde(default)]
    pub workload: Option<String>,
    /// Mailbox faults: the exception name in the migration user's error.
    #[serde(default)]
    pub exception: Option<String>,
}

fn bad(msg: impl Into<String>) -> SimError {
    SimError::Invalid(msg.into())
}

/// A new, empty tenant `<name>.onmicrosoft.com` with its Global Administrator.
pub fn new_tenant(name: &str) -> SimResult<Tenant> {
    let valid =
        !name.is_empty() && name.len() <= 27 && name.chars().all(|c| c.is_ascii_alphanumeric()) && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if !valid {
        return Err(bad(format!("'{name}' is not a valid tenant name: use letters and digits only (at most 27), starting with a letter.")));
    }
    let mut t = Tenant {
        name: name.to_string(),
        tenant_id: ids::guid(&["tenant", &name.to_ascii_lowercase()]),
        display_name: name.to_string(),
        cloud: Cloud::Commercial,
        customer_key: false,
        compatibility: Compatibility::Compatible,
        onedrive_creation_restricted: false,
        licenses_expire: None,
        data_location: "NAM".into(),
        settings: MoveSettings::default(),
        directory: Default::default(),
        spo: SpoTenant::default(),
        exo: Default::default(),
        graph: Default::default(),
    };
    let admin_upn = t.admin_account();
    let mut admin = directory::new_user(name, &admin_upn, "MOD Administrator");
    admin.roles = vec![GLOBAL_ADMIN.to_string()];
    admin.licenses = directory::license_names(&[DEFAULT_PLAN]);
    let ai = t.directory.add_user(admin);
    exchange::provision_mailbox(&mut t, ai, &exchange::NewMailbox::default(), crate::sim::DEFAULT_START_TICKS)?;
    Ok(t)
}

/// Options of a new user (shared by scenarios and New-TenantSimUser).
#[derive(Debug, Clone, Default)]
pub struct NewUser {
    pub upn: String,
    pub display_name: Option<String>,
    pub object_id: Option<String>,
    pub licenses: Option<Vec<String>>,
    pub no_migration_license: bool,
    pub roles: Vec<String>,
    /// None: no OneDrive.
    pub onedrive: Option<ContentSpec>,
    pub mailbox: bool,
    pub archive: bool,
    pub guest: bool,
    /// The mailbox's content (when `mailbox`).
    pub mailbox_content: Option<MailboxContent>,
    /// A mail user instead of a mailbox.
    pub mail_user: Option<MailUserSpec>,
}

/// Add a user (and its OneDrive) to a tenant.
pub fn add_user(t: &mut Tenant, spec: NewUser, now: i64) -> SimResult<usize> {
    let upn = spec.upn.trim().to_string();
    let Some((local, domain)) = upn.split_once('@') else {
        return Err(bad(format!("'{upn}' is not a user principal name (local@domain).")));
    };
    if local.is_empty() || domain.is_empty() {
        return Err(bad(format!("'{upn}' is not a user principal name (local@domain).")));
    }
    if t.directory.user(&upn).is_some() {
        return Err(SimError::UserExists(upn, t.name.clone()));
    }
    let display = spec.display_name.clone().unwrap_or_else(|| directory::display_from_upn(&upn));
    let mut u: User = directory::new_user(&t.name, &upn, &display);
    if let Some(id) = &spec.object_id {
        u.object_id = id.to_ascii_lowercase();
    }
    let mut licenses = match &spec.licenses {
        Some(l) => directory::license_names(l),
        None => directory::license_names(&[DEFAULT_PLAN, MIGRATION_SKU]),
    };
    if spec.no_migration_license {
        licenses.retain(|l| !l.eq_ignore_ascii_case(MIGRATION_SKU));
    }
    u.licenses = licenses;
    let mut roles = Vec::new();
    for r in &spec.roles {
        roles.push(
            directory::canonical_role(r)
                .map(str::to_string)
                .ok_or_else(|| bad(format!("Unknown role '{r}'. Known roles: {}.", directory::KNOWN_ROLES.join(", "))))?,
        );
    }
    u.roles = roles;
    u.mailbox = spec.mailbox;
    u.archive = spec.archive;
    if spec.guest {
        u.user_type = directory::UserType::Guest;
    }
    let i = t.directory.add_user(u);
    if spec.mailbox {
        let nm = exchange::NewMailbox { archive: spec.archive, content: spec.mailbox_content.clone().unwrap_or_default() };
        exchange::provision_mailbox(t, i, &nm, now)?;
        if spec.mailbox_content.as_ref().is_some_and(|c| c.previous_mailbox) {
            let r = t.exo.by_external(&t.directory.users[i].object_id).unwrap_or(0);
            let prev = ids::guid(&["previous-mailbox", &t.name.to_ascii_lowercase(), &upn.to_ascii_lowercase()]);
            t.exo.update_recipient(r, now, |r| {
                r.previous_exchange_guid = Some(prev);
                r.previous_kind = Some(exchange::RecipientKind::UserMailbox);
            });
        }
    } else if let Some(m) = &spec.mail_user {
        let nm = exchange::NewMailUser {
            primary_smtp: m.primary_smtp_address.clone(),
            external_email_address: m.external_email_address.clone(),
            ..Default::default()
        };
        let r = exchange::provision_mail_user(t, i, &nm, now)?;
        let prev = ids::guid(&["previous-mailbox", &t.name.to_ascii_lowercase(), &upn.to_ascii_lowercase()]);
        let extra: Vec<String> = m.extra_addresses.iter().map(|a| exchange::normalize_proxy(a)).collect();
        let previous = m.previous_mailbox;
        t.exo.update_recipient(r, now, |r| {
            for a in extra {
                if !r.has_proxy(&a) {
                    r.email_addresses.push(a);
                }
            }
            if previous {
                r.previous_exchange_guid = Some(prev);
                r.previous_kind = Some(exchange::RecipientKind::UserMailbox);
            }
        });
    }
    if let Some(c) = &spec.onedrive {
        let mut site = new_onedrive(t, &upn, &display, now);
        apply_content(&mut site, c);
        match t.spo.sites.entry(crate::sim::tenant::url_key(&site.url)) {
            std::collections::btree_map::Entry::Occupied(_) => return Err(SimError::SiteExists(site.url)),
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(site);
            }
        }
    }
    Ok(i)
}

fn apply_content(site: &mut Site, c: &ContentSpec) {
    site.bytes = (c.size_gb.unwrap_or(DEFAULT_ONEDRIVE_GB).max(0.0) * BYTES_PER_GB) as u64;
    site.items = c.item_count.unwrap_or(DEFAULT_ONEDRIVE_ITEMS);
    site.longest_path = c.longest_path_length.unwrap_or(DEFAULT_LONGEST_PATH);
    site.hold = c.hold;
    site.lock = if c.read_only { LockState::ReadOnly } else { LockState::Unlock };
    if let Some(q) = c.quota_gb {
        site.quota_mb = (q * 1024.0) as i64;
    }
    // A OneDrive larger than its quota has had its quota raised.
    let used_mb = (site.bytes / (1024 * 1024)) as i64;
    if used_mb > site.quota_mb {
        site.quota_mb = (used_mb / 1_048_576 + 1) * 1_048_576;
    }
}

fn loose(c: &ContentSpecLoose) -> ContentSpec {
    ContentSpec {
        size_gb: c.size_gb,
        item_count: c.item_count,
        longest_path_length: c.longest_path_length,
        hold: c.hold,
        read_only: c.read_only,
        quota_gb: c.quota_gb,
    }
}

/// Build a world from a scenario.
pub fn build(sc: &Scenario, seed: u64) -> SimResult<World> {
    let start = match &sc.start {
        Some(s) => parse_iso(s).ok_or_else(|| bad(format!("'start' is not an RFC 3339 date: {s}")))?,
        None => crate::sim::DEFAULT_START_TICKS,
    };
    let mut w = World::empty(start, seed);
    for ts in &sc.tenants {
        let t = tenant_from(ts, start)?;
        w.add_tenant(t)?;
    }
    // Cross-tenant parts need every tenant to exist.
    for ts in &sc.tenants {
        let ti = w.tenant_named(&ts.name)?;
        for r in &ts.relationships {
            let partner = w
                .tenant_index(&r.partner)
                .or_else(|| w.tenant_by_url(&r.partner).map(|x| x.0))
                .ok_or_else(|| bad(format!("relationship partner '{}' is not a tenant of the scenario", r.partner)))?;
            let role = PartnerRole::parse(&r.partner_role).ok_or_else(|| bad(format!("partnerRole must be Source or Target, not '{}'", r.partner_role)))?;
            let url = w.tenants[partner].my_site_host_url();
            let created = start - (r.created_days_ago * TICKS_PER_DAY as f64) as i64;
            w.tenants[ti].spo.relationships.push(Relationship { partner_url: url, partner_role: role, scenario: "MnA".into(), created });
        }
        for m in &ts.identity_map {
            let si = w
                .tenant_index(&m.source_tenant)
                .ok_or_else(|| bad(format!("identityMap sourceTenant '{}' is not a tenant of the scenario", m.source_tenant)))?;
            let sid = w.tenants[si].tenant_id.clone();
            let t = &mut w.tenants[ti];
            let puid = t.directory.user(&m.target).map(|u| u.puid.clone()).unwrap_or_default();
            let mapping = UserMapping {
                source_tenant_company_id: sid,
                source_user_key: m.source.clone(),
                target_user_upn: m.target.clone(),
                target_user_email: m.target_email.clone().unwrap_or_else(|| m.target.clone()),
                target_user_puid: puid,
                user_type: m.user_type.clone().unwrap_or_else(|| "RegularUser".into()),
            };
            t.spo.identity_map.add_user(mapping).map_err(bad)?;
        }
    }
    for f in &sc.faults {
        if f.workload.as_deref().is_some_and(|x| x.eq_ignore_ascii_case("Mailbox") || x.eq_ignore_ascii_case("Exchange")) {
            let phase = MbxPhase::parse(&f.phase)
                .ok_or_else(|| bad(format!("mailbox fault phase must be Validation, InitialSync or Completion, not '{}'", f.phase)))?;
            let fail = match FaultOutcome::parse(&f.outcome) {
                Some(FaultOutcome::Failed) => true,
                Some(FaultOutcome::Rescheduled) => false,
                None => return Err(bad(format!("fault outcome must be Failed or Rescheduled, not '{}'", f.outcome))),
            };
            w.mailbox_faults.push(MailboxFault { key: f.user.clone(), phase, fail, exception: f.exception.clone(), message: f.message.clone() });
            continue;
        }
        w.faults.push(Fault {
            key: f.user.clone(),
            phase: Phase::parse(&f.phase).ok_or_else(|| bad(format!("fault phase must be Validation, Backup, Restore or Cleanup, not '{}'", f.phase)))?,
            outcome: FaultOutcome::parse(&f.outcome).ok_or_else(|| bad(format!("fault outcome must be Failed or Rescheduled, not '{}'", f.outcome)))?,
            message: f.message.clone(),
        });
    }
    Ok(w)
}

fn tenant_from(ts: &TenantSpec, now: i64) -> SimResult<Tenant> {
    let mut t = new_tenant(&ts.name)?;
    if let Some(id) = &ts.tenant_id {
        if !ids::is_guid(id) {
            return Err(bad(format!("tenantId of {} is not a GUID: {id}", ts.name)));
        }
        t.tenant_id = id.to_ascii_lowercase();
    }
    if let Some(d) = &ts.display_name {
        t.display_name = d.clone();
    }
    if let Some(c) = &ts.cloud {
        t.cloud = Cloud::parse(c).ok_or_else(|| bad(format!("cloud must be Commercial, GCC, GCCHigh, DoD or Consumer, not '{c}'")))?;
    }
    if let Some(c) = &ts.compatibility {
        t.compatibility = Compatibility::parse(c).ok_or_else(|| bad(format!("compatibility must be Compatible, Warning or Incompatible, not '{c}'")))?;
    }
    t.customer_key = ts.customer_key;
    t.onedrive_creation_restricted = ts.one_drive_creation_restricted;
    if let Some(e) = &ts.licenses_expire_on {
        t.licenses_expire = Some(parse_iso(e).ok_or_else(|| bad(format!("licensesExpireOn is not an RFC 3339 date: {e}")))?);
    }
    if let Some(g) = &ts.data_location {
        t.data_location = g.clone();
    }
    if let Some(q) = ts.onedrive_storage_quota_mb {
        t.spo.onedrive_storage_quota = q;
    }
    if let Some(s) = &ts.settings {
        t.settings = s.clone();
    }
    let domain = t.initial_domain();
    for u in &ts.users {
        let onedrive = match &u.one_drive {
            OneDriveSpec::Present(false) => None,
            OneDriveSpec::Present(true) => Some(ContentSpec::default()),
            OneDriveSpec::Content(c) => Some(c.clone()),
        };
        let disabled: Vec<String> = u
            .disabled_plans
            .iter()
            .map(|d| {
                let lic = u.licenses.clone().unwrap_or_else(|| vec![DEFAULT_PLAN.to_string()]);
                lic.iter()
                    .flat_map(|l| crate::sim::graph::service_plans(l))
                    .find(|p| p.name.eq_ignore_ascii_case(d))
                    .map(|p| p.id)
                    .unwrap_or_else(|| d.to_ascii_lowercase())
            })
            .collect();
        let (mailbox, mailbox_content) = match &u.mailbox {
            MailboxSpec::Present(b) => (*b && u.mail_user.is_none(), None),
            MailboxSpec::Content(c) => (true, Some(c.clone())),
        };
        let spec = NewUser {
            upn: u.upn.clone(),
            display_name: u.display_name.clone(),
            object_id: u.object_id.clone(),
            licenses: u.licenses.clone(),
            no_migration_license: u.no_migration_license,
            roles: u.roles.clone(),
            onedrive,
            mailbox,
            archive: u.archive,
            guest: u.guest,
            mailbox_content,
            mail_user: u.mail_user.clone(),
        };
        let ui = add_user(&mut t, spec, now)?;
        t.directory.users[ui].disabled_plans = disabled;
    }
    for b in &ts.bulk_users {
        let pad = b.digits.clamp(1, 12);
        for n in b.start..b.start + b.count {
            let local = format!("{}{:0pad$}", b.prefix, n);
            let upn = format!("{local}@{domain}");
            let onedrive = if b.no_one_drive {
                None
            } else {
                let u1 = ids::unit(0, &[&t.name, &local, "size"]);
                let u2 = ids::unit(0, &[&t.name, &local, "items"]);
                Some(ContentSpec {
                    size_gb: Some(b.onedrive_size_gb.map(|[a, z]| a + (z - a) * u1).unwrap_or(DEFAULT_ONEDRIVE_GB)),
                    item_count: Some(b.item_count.map(|[a, z]| a + ((z.saturating_sub(a)) as f64 * u2) as u64).unwrap_or(DEFAULT_ONEDRIVE_ITEMS)),
                    longest_path_length: b.longest_path_length,
                    ..Default::default()
                })
            };
            let mailbox_content = b.mailbox_size_gb.map(|[a, z]| {
                let gb = a + (z - a) * ids::unit(0, &[&t.name, &local, "mailbox"]);
                MailboxContent { size_gb: Some(gb), item_count: Some((gb * 5000.0) as u64), ..Default::default() }
            });
            let spec = NewUser {
                upn,
                display_name: Some(local.clone()),
                licenses: b.licenses.clone(),
                no_migration_license: b.no_migration_license,
                onedrive,
                mailbox: b.mailbox,
                mailbox_content,
                ..Default::default()
            };
            add_user(&mut t, spec, now)?;
        }
    }
    t.exo.dehydrated = ts.dehydrated;
    for d in &ts.domains {
        t.exo.domains.push(d.trim().to_string());
    }
    for g in &ts.groups {
        add_group(&mut t, g, now)?;
    }
    for s in &ts.sites {
        let url = s.url.trim().to_string();
        if crate::sim::tenant::host_of(&url) != crate::sim::tenant::host_of(&t.root_site_url()) {
            return Err(bad(format!("site {url} is not under {}", t.root_site_url())));
        }
        let mut site = new_onedrive(&t, "x@x", "", now);
        site.url = url.clone();
        site.template = s.template.clone().map(Text::Owned).unwrap_or(Text::Borrowed(TEMPLATE_TEAM));
        site.owner = s.owner.clone();
        site.title = s.title.clone().unwrap_or_else(|| url.rsplit('/').next().unwrap_or("").to_string());
        site.quota_mb = 26_214_400;
        apply_content(&mut site, &loose(&s.content));
        t.spo.insert_site(site);
    }
    Ok(t)
}

pub fn add_group(t: &mut Tenant, g: &GroupSpec, now: i64) -> SimResult<()> {
    if t.directory.group_by_alias(&g.alias).is_some() {
        return Err(bad(format!("a group with alias '{}' already exists in {}", g.alias, t.name)));
    }
    let object_id = g
        .object_id
        .clone()
        .map(|x| x.to_ascii_lowercase())
        .unwrap_or_else(|| ids::guid(&["group", &t.name.to_ascii_lowercase(), &g.alias.to_ascii_lowercase()]));
    let mut members = Vec::new();
    for m in &g.members {
        let u = t.directory.user(m).ok_or_else(|| SimError::UserNotFound(m.clone(), t.name.clone()))?;
        members.push(u.object_id.clone());
    }
    let site_url = g.site.as_ref().map(|_| format!("{}teams/{}", t.root_site_url(), g.alias));
    if let (Some(url), Some(c)) = (&site_url, &g.site) {
        let mut site = new_onedrive(t, "x@x", &g.display_name, now);
        site.url = url.clone();
        site.template = Text::Borrowed(TEMPLATE_GROUP);
        site.owner = None;
        site.quota_mb = 26_214_400;
        site.group_id = Some(object_id.clone());
        apply_content(&mut site, c);
        t.spo.insert_site(site);
    }
    let kind = g.kind.unwrap_or_default();
    let gi = t.directory.add_group(directory::Group { object_id, display_name: g.display_name.clone(), alias: g.alias.clone(), kind, members, site_url });
    // Mail-enabled groups are Exchange recipients too.
    if matches!(kind, GroupKind::MailEnabledSecurity | GroupKind::Distribution) {
        exchange::provision_group(t, gi, None, now)?;
    }
    Ok(())
}

pub fn parse(text: &str) -> SimResult<Scenario> {
    serde_json::from_str(text).map_err(|e| bad(format!("invalid scenario JSON: {e}")))
}

/// The embedded default scenario.
pub fn default_world(seed: u64) -> World {
    match parse(DEFAULT_SCENARIO).and_then(|s| build(&s, seed)) {
        Ok(w) => w,
        // The embedded scenario is tested (`default_scenario_builds`); never reached.
        Err(_) => World::empty(crate::sim::DEFAULT_START_TICKS, seed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scenario_builds() {
        let sc = parse(DEFAULT_SCENARIO).expect("default scenario parses");
        let w = build(&sc, 0).expect("default scenario builds");
        let src = w.tenant_named("M365x016651").expect("source tenant");
        let tgt = w.tenant_named("M365x946316").expect("target tenant");
        assert!(w.tenants[src].directory.user("DiegoS@M365x016651.OnMicrosoft.com").is_some());
        let t = &w.tenants[tgt];
        assert!(t.directory.user("Test-Diego@M365x946316.OnMicrosoft.com").is_some());
        assert!(t.spo.site(&crate::sim::spo::onedrive_url(t, "Test-Diego@M365x946316.OnMicrosoft.com")).is_none());
        assert!(t.directory.user("admin@M365x946316.onmicrosoft.com").is_some_and(|u| u.is_spo_admin()));
    }

    #[test]
    fn bulk_users_are_generated() {
        let sc = parse(r#"{"tenants":[{"name":"Big","bulkUsers":[{"prefix":"u","count":50,"oneDriveSizeGB":[1,2]}]}]}"#).expect("parses");
        let w = build(&sc, 0).expect("builds");
        let t = &w.tenants[0];
        assert_eq!(t.directory.users.len(), 51);
        assert!(t.directory.user("u000050@Big.onmicrosoft.com").is_some());
        assert_eq!(t.spo.sites.len(), 50);
    }

    #[test]
    fn unknown_fields_are_refused() {
        assert!(parse(r#"{"tenants":[{"name":"A","colour":"blue"}]}"#).is_err());
    }
}
