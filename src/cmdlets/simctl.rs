//! Simulation control cmdlets (`*-TenantSim*`): build and steer worlds from scripts and tests.
//! Their names and parameters are a public interface (declared in `signatures/simctl.jsonl`).

use std::rc::Rc;

use crate::cmdlets::Make;
use crate::engine::commands::{Cmdlet, Cx, FnCmdlet};
use crate::engine::convert::to_bool;
use crate::engine::datetime::{DateKind, DateTime};
use crate::engine::error::{ErrorRecord, R};
use crate::engine::value::{PsObject, Value, parse_guid};
use crate::sim::scenario::{self, ContentSpec, NewUser};
use crate::sim::spo::{self as model, BYTES_PER_GB, Fault, FaultOutcome, LockState, Phase};
use crate::sim::tenant::{Cloud, Compatibility, Tenant};
use crate::sim::{SimError, World, clock, directory};

macro_rules! simple {
    ($f:path) => {{
        fn make() -> Box<dyn Cmdlet> {
            Box::new(FnCmdlet($f))
        }
        make as Make
    }};
}

pub const CMDLETS: &[(&str, Make)] = &[
    ("Get-TenantSimTenant", simple!(get_tenant)),
    ("New-TenantSimTenant", simple!(new_tenant)),
    ("Set-TenantSimTenant", simple!(set_tenant)),
    ("New-TenantSimUser", simple!(new_user)),
    ("Get-TenantSimUser", simple!(get_user)),
    ("Set-TenantSimUser", simple!(set_user)),
    ("New-TenantSimGroup", simple!(new_group)),
    ("New-TenantSimSite", simple!(new_site)),
    ("Get-TenantSimClock", simple!(get_clock)),
    ("Set-TenantSimClock", simple!(set_clock)),
    ("Add-TenantSimFault", simple!(add_fault)),
    ("Get-TenantSimFault", simple!(get_fault)),
    ("Checkpoint-TenantSim", simple!(checkpoint)),
    ("Restore-TenantSim", simple!(restore)),
    ("Lock-TenantSimFile", simple!(lock_file)),
    ("Unlock-TenantSimFile", simple!(unlock_file)),
    ("Get-TenantSimNotification", simple!(get_notification)),
    ("Grant-TenantSimAdminConsent", simple!(grant_admin_consent)),
];

fn record(cx: &Cx, e: &SimError) -> ErrorRecord {
    cx.error(e.exception(), e.to_string(), error_id(e), e.category())
}

fn error_id(e: &SimError) -> &'static str {
    match e {
        SimError::TenantNotFound(_) => "TenantNotFound",
        SimError::TenantExists(_) => "TenantExists",
        SimError::UserNotFound(..) => "UserNotFound",
        SimError::UserExists(..) => "UserExists",
        SimError::ClockBackwards(..) => "ClockBackwards",
        SimError::CheckpointNotFound(_) => "CheckpointNotFound",
        SimError::SiteExists(_) => "SiteExists",
        SimError::Graph(_) => "AdminConsentFailed",
        _ => "InvalidArgument",
    }
}

/// Run `f` on the world; a SimError becomes a non-terminating error record.
fn run(cx: &mut Cx, f: impl FnOnce(&mut Cx) -> Result<Vec<Value>, SimError>) -> R {
    match f(cx) {
        Ok(values) => {
            for v in values {
                cx.emit(v)?;
            }
            Ok(())
        }
        Err(e) => {
            let rec = record(cx, &e);
            cx.write_error(rec)
        }
    }
}

fn w<'a>(cx: &'a mut Cx) -> &'a mut World {
    cx.it.world_mut()
}

fn date(ticks: i64) -> Value {
    Value::DateTime(DateTime::from_ticks(ticks, DateKind::Utc))
}

fn strs<S: AsRef<str>>(v: &[S]) -> Value {
    Value::array(v.iter().map(|s| Value::str(s.as_ref())).collect())
}

fn guid(s: &str) -> Value {
    parse_guid(s).map(|g| Value::Guid(Rc::new(g))).unwrap_or_else(|| Value::str(s))
}

fn opt_bool(cx: &Cx, name: &str) -> Option<bool> {
    cx.get(name).map(to_bool)
}

fn num(cx: &Cx, name: &str) -> Option<f64> {
    cx.get(name).and_then(crate::engine::convert::to_num).map(|n| n.to_f64())
}

pub fn tenant_object(t: &Tenant) -> Value {
    let mut o = PsObject::typed("TenantSim.Tenant");
    o.set("Name", Value::str(&t.name));
    o.set("TenantId", guid(&t.tenant_id));
    o.set("InitialDomain", Value::string(t.initial_domain()));
    o.set("AdminUrl", Value::string(t.admin_url()));
    o.set("MySiteHostUrl", Value::string(t.my_site_host_url()));
    o.set("RootSiteUrl", Value::string(t.root_site_url()));
    o.set("DisplayName", Value::str(&t.display_name));
    o.set("Cloud", Value::str(t.cloud.name()));
    o.set("CustomerKey", Value::Bool(t.customer_key));
    o.set("CompatibilityStatus", Value::str(t.compatibility.name()));
    o.set("OneDriveCreationRestricted", Value::Bool(t.onedrive_creation_restricted));
    o.set("LicensesExpireOn", t.licenses_expire.map(date).unwrap_or(Value::Null));
    o.set("UserCount", Value::Long(t.directory.users.len() as i64));
    o.into_value()
}

fn user_object(t: &Tenant, u: &directory::User) -> Value {
    let mut o = PsObject::typed("TenantSim.User");
    o.set("Tenant", Value::str(&t.name));
    o.set("UserPrincipalName", Value::str(&u.upn));
    o.set("DisplayName", Value::str(&u.display_name));
    o.set("ObjectId", guid(&u.object_id));
    o.set("UserType", Value::str(if u.user_type == directory::UserType::Guest { "Guest" } else { "Member" }));
    o.set("Licenses", strs(&u.licenses));
    o.set("Roles", strs(&u.roles));
    o.set("AccountEnabled", Value::Bool(u.account_enabled));
    let od = model::onedrive_url(t, &u.upn);
    o.set("OneDriveUrl", t.spo.site(&od).filter(|s| s.is_personal()).map(|s| Value::str(&s.url)).unwrap_or(Value::Null));
    o.set("Mailbox", Value::Bool(u.mailbox));
    o.set("Archive", Value::Bool(u.archive));
    o.into_value()
}

// ───────────────────────────── tenants ─────────────────────────────

fn get_tenant(cx: &mut Cx) -> R {
    let name = cx.string("Name");
    run(cx, |cx| {
        let w = w(cx);
        match name {
            Some(n) => {
                let i = w.tenant_named(&n)?;
                Ok(vec![tenant_object(&w.tenants[i])])
            }
            None => Ok(w.tenants.iter().map(tenant_object).collect()),
        }
    })
}

fn new_tenant(cx: &mut Cx) -> R {
    let name = cx.string("Name").unwrap_or_default();
    let display = cx.string("DisplayName");
    let cloud = cx.string("Cloud");
    run(cx, |cx| {
        let mut t = scenario::new_tenant(name.trim())?;
        if let Some(d) = display {
            t.display_name = d;
        }
        if let Some(c) = cloud {
            t.cloud = Cloud::parse(&c).ok_or_else(|| SimError::Invalid(format!("Unknown cloud '{c}'.")))?;
        }
        let w = w(cx);
        let i = w.add_tenant(t)?;
        Ok(vec![tenant_object(&w.tenants[i])])
    })
}

fn set_tenant(cx: &mut Cx) -> R {
    let name = cx.string("Name").unwrap_or_default();
    let cloud = cx.string("Cloud");
    let ck = opt_bool(cx, "CustomerKey");
    let compat = cx.string("CompatibilityStatus");
    let restricted = opt_bool(cx, "OneDriveCreationRestricted");
    let expires = match cx.get("LicensesExpireOn") {
        Some(Value::DateTime(d)) => Some(Some(d.ticks())),
        Some(Value::Null) => Some(None),
        _ => None,
    };
    let max_gb = num(cx, "MaxOneDriveSizeGB");
    let max_items = cx.int("MaxItemCount");
    let max_path = cx.int("MaxPathLength");
    let queue = cx.int("QueueLimit");
    let conc = cx.int("Concurrency");
    let tput = num(cx, "ThroughputMBps");
    let dormant = num(cx, "DormantDays");
    let pass_thru = cx.switch("PassThru");
    run(cx, |cx| {
        let w = w(cx);
        let i = w.tenant_named(&name)?;
        let t = &mut w.tenants[i];
        if let Some(c) = cloud {
            t.cloud = Cloud::parse(&c).ok_or_else(|| SimError::Invalid(format!("Unknown cloud '{c}'.")))?;
        }
        if let Some(b) = ck {
            t.customer_key = b;
        }
        if let Some(c) = compat {
            t.compatibility = Compatibility::parse(&c).ok_or_else(|| SimError::Invalid(format!("Unknown compatibility status '{c}'.")))?;
        }
        if let Some(b) = restricted {
            t.onedrive_creation_restricted = b;
        }
        if let Some(e) = expires {
            t.licenses_expire = e;
        }
        let s = &mut t.settings;
        if let Some(x) = max_gb {
            s.max_size_gb = x;
        }
        if let Some(x) = max_items {
            s.max_items = x.max(0) as u64;
        }
        if let Some(x) = max_path {
            s.max_path_length = x.max(0) as u32;
        }
        if let Some(x) = queue {
            s.queue_limit = x.max(0) as usize;
        }
        if let Some(x) = conc {
            s.concurrency = x.max(1) as usize;
        }
        if let Some(x) = tput {
            if x <= 0.0 {
                return Err(SimError::Invalid("ThroughputMBps must be positive.".into()));
            }
            s.throughput_mbps = x;
        }
        if let Some(x) = dormant {
            s.dormant_days = x.max(0.0);
        }
        Ok(if pass_thru { vec![tenant_object(t)] } else { Vec::new() })
    })
}

// ───────────────────────────── users, groups, sites ─────────────────────────────

fn new_user(cx: &mut Cx) -> R {
    let tenant = cx.string("Tenant").unwrap_or_default();
    let onedrive = if cx.switch("NoOneDrive") {
        None
    } else {
        Some(ContentSpec {
            size_gb: num(cx, "OneDriveSizeGB"),
            item_count: cx.int("OneDriveItemCount").map(|x| x.max(0) as u64),
            longest_path_length: cx.int("LongestPathLength").map(|x| x.max(0) as u32),
            hold: cx.switch("Hold"),
            read_only: cx.switch("ReadOnly"),
            quota_gb: None,
        })
    };
    let spec = NewUser {
        upn: cx.string("UserPrincipalName").unwrap_or_default(),
        display_name: cx.string("DisplayName"),
        object_id: None,
        licenses: if cx.has("License") { Some(cx.strings("License")) } else { None },
        no_migration_license: cx.switch("NoMigrationLicense"),
        roles: cx.strings("Role"),
        onedrive,
        mailbox: cx.switch("Mailbox") || cx.switch("Archive") || cx.has("MailboxSizeGB"),
        archive: cx.switch("Archive"),
        guest: cx.switch("Guest"),
        mailbox_content: num(cx, "MailboxSizeGB").map(|gb| crate::sim::exchange::MailboxContent {
            size_gb: Some(gb),
            item_count: Some((gb.max(0.0) * 5000.0) as u64),
            ..Default::default()
        }),
        mail_user: None,
    };
    run(cx, |cx| {
        let w = w(cx);
        let now = w.now_ticks;
        let i = w.tenant_named(&tenant)?;
        let t = &mut w.tenants[i];
        let u = scenario::add_user(t, spec, now)?;
        Ok(vec![user_object(t, &t.directory.users[u])])
    })
}

fn get_user(cx: &mut Cx) -> R {
    let tenant = cx.string("Tenant").unwrap_or_default();
    let upn = cx.string("UserPrincipalName");
    run(cx, |cx| {
        let w = w(cx);
        let i = w.tenant_named(&tenant)?;
        let t = &w.tenants[i];
        match upn {
            Some(u) => {
                let user = t.directory.user(&u).ok_or_else(|| SimError::UserNotFound(u.clone(), t.name.clone()))?;
                Ok(vec![user_object(t, user)])
            }
            None => Ok(t.directory.users.iter().map(|u| user_object(t, u)).collect()),
        }
    })
}

fn set_user(cx: &mut Cx) -> R {
    let tenant = cx.string("Tenant").unwrap_or_default();
    let upn = cx.string("UserPrincipalName").unwrap_or_default();
    let hold = opt_bool(cx, "Hold");
    let read_only = opt_bool(cx, "ReadOnly");
    let licenses = if cx.has("License") { Some(cx.strings("License")) } else { None };
    let roles = if cx.has("Role") { Some(cx.strings("Role")) } else { None };
    let enabled = opt_bool(cx, "AccountEnabled");
    let size = num(cx, "OneDriveSizeGB");
    let items = cx.int("OneDriveItemCount");
    let path = cx.int("LongestPathLength");
    let pass_thru = cx.switch("PassThru");
    run(cx, |cx| {
        let w = w(cx);
        let i = w.tenant_named(&tenant)?;
        let t = &mut w.tenants[i];
        let tname = t.name.clone();
        let u = t.directory.user_mut(&upn).ok_or_else(|| SimError::UserNotFound(upn.clone(), tname))?;
        if let Some(l) = licenses {
            u.licenses = directory::license_names(&l);
        }
        if let Some(r) = roles {
            let mut out = Vec::new();
            for x in r {
                out.push(directory::canonical_role(&x).map(str::to_string).ok_or_else(|| SimError::Invalid(format!("Unknown role '{x}'.")))?);
            }
            u.roles = out;
        }
        if let Some(e) = enabled {
            u.account_enabled = e;
        }
        let real_upn = u.upn.clone();
        let url = model::onedrive_url(t, &real_upn);
        let wants_site = hold.is_some() || read_only.is_some() || size.is_some() || items.is_some() || path.is_some();
        if wants_site {
            let site = t.spo.site_mut(&url).filter(|s| s.is_personal()).ok_or_else(|| SimError::Invalid(format!("User '{real_upn}' has no OneDrive.")))?;
            if let Some(h) = hold {
                site.hold = h;
            }
            if let Some(r) = read_only {
                site.lock = if r { LockState::ReadOnly } else { LockState::Unlock };
            }
            if let Some(g) = size {
                site.bytes = (g.max(0.0) * BYTES_PER_GB) as u64;
            }
            if let Some(n) = items {
                site.items = n.max(0) as u64;
            }
            if let Some(p) = path {
                site.longest_path = p.max(0) as u32;
            }
        }
        let t = &w.tenants[i];
        Ok(if pass_thru { t.directory.user(&real_upn).map(|u| vec![user_object(t, u)]).unwrap_or_default() } else { Vec::new() })
    })
}

fn new_group(cx: &mut Cx) -> R {
    let tenant = cx.string("Tenant").unwrap_or_default();
    let kind = match cx.string("GroupType").unwrap_or_else(|| "Unified".into()).to_ascii_lowercase().as_str() {
        "security" => directory::GroupKind::Security,
        "mailenabledsecurity" => directory::GroupKind::MailEnabledSecurity,
        "distribution" => directory::GroupKind::Distribution,
        _ => directory::GroupKind::Unified,
    };
    let site = if cx.switch("WithSite") || cx.has("SiteSizeGB") { Some(ContentSpec { size_gb: num(cx, "SiteSizeGB"), ..Default::default() }) } else { None };
    let spec = scenario::GroupSpec {
        display_name: cx.string("DisplayName").unwrap_or_default(),
        alias: cx.string("Alias").unwrap_or_default(),
        object_id: None,
        kind: Some(kind),
        members: cx.strings("Member"),
        site,
    };
    run(cx, |cx| {
        let w = w(cx);
        let now = w.now_ticks;
        let i = w.tenant_named(&tenant)?;
        let t = &mut w.tenants[i];
        scenario::add_group(t, &spec, now)?;
        let g = t.directory.group_by_alias(&spec.alias).ok_or_else(|| SimError::Invalid("group not created".into()))?;
        let mut o = PsObject::typed("TenantSim.Group");
        o.set("Tenant", Value::str(&t.name));
        o.set("DisplayName", Value::str(&g.display_name));
        o.set("Alias", Value::str(&g.alias));
        o.set("ObjectId", guid(&g.object_id));
        o.set("SiteUrl", g.site_url.as_deref().map(Value::str).unwrap_or(Value::Null));
        Ok(vec![o.into_value()])
    })
}

fn new_site(cx: &mut Cx) -> R {
    let tenant = cx.string("Tenant").unwrap_or_default();
    let url = cx.string("Url").unwrap_or_default();
    let title = cx.string("Title");
    let owner = cx.string("Owner");
    let content = ContentSpec {
        size_gb: num(cx, "SizeGB"),
        item_count: cx.int("ItemCount").map(|x| x.max(0) as u64),
        longest_path_length: cx.int("LongestPathLength").map(|x| x.max(0) as u32),
        hold: cx.switch("Hold"),
        read_only: cx.switch("ReadOnly"),
        quota_gb: None,
    };
    run(cx, |cx| {
        let w = w(cx);
        let now = w.now_ticks;
        let i = w.tenant_named(&tenant)?;
        let t = &mut w.tenants[i];
        if crate::sim::tenant::host_of(&url) != crate::sim::tenant::host_of(&t.root_site_url()) {
            return Err(SimError::Invalid(format!("The site URL {url} is not under {}.", t.root_site_url())));
        }
        if t.spo.site(&url).is_some() {
            return Err(SimError::SiteExists(url.clone()));
        }
        let mut site = model::new_onedrive(t, "x@x", "", now);
        site.url = url.trim().trim_end_matches('/').to_string();
        site.template = directory::Text::Borrowed(model::TEMPLATE_TEAM);
        site.owner = owner;
        site.title = title.unwrap_or_else(|| site.url.rsplit('/').next().unwrap_or("").to_string());
        site.quota_mb = 26_214_400;
        site.bytes = (content.size_gb.unwrap_or(scenario::DEFAULT_ONEDRIVE_GB).max(0.0) * BYTES_PER_GB) as u64;
        site.items = content.item_count.unwrap_or(scenario::DEFAULT_ONEDRIVE_ITEMS);
        site.longest_path = content.longest_path_length.unwrap_or(scenario::DEFAULT_LONGEST_PATH);
        site.hold = content.hold;
        site.lock = if content.read_only { LockState::ReadOnly } else { LockState::Unlock };
        let mut o = PsObject::typed("TenantSim.Site");
        o.set("Tenant", Value::str(&t.name));
        o.set("Url", Value::str(&site.url));
        o.set("Template", Value::str(&site.template));
        o.set("Title", Value::str(&site.title));
        t.spo.insert_site(site);
        Ok(vec![o.into_value()])
    })
}

// ───────────────────────────── clock, faults, checkpoints ─────────────────────────────

fn get_clock(cx: &mut Cx) -> R {
    let now = w(cx).now_ticks;
    cx.emit(date(now))
}

fn set_clock(cx: &mut Cx) -> R {
    // The date is taken as UTC whatever its Kind (the simulation's clock is UTC).
    let target = match cx.get("Date") {
        Some(Value::DateTime(d)) => d.ticks(),
        _ => return Ok(()),
    };
    run(cx, |cx| {
        let w = w(cx);
        if target < w.now_ticks {
            return Err(SimError::ClockBackwards(clock::iso(target), clock::iso(w.now_ticks)));
        }
        w.run_until(target);
        Ok(Vec::new())
    })
}

fn fault_object(f: &Fault) -> Value {
    let mut o = PsObject::typed("TenantSim.Fault");
    o.set("UserPrincipalName", Value::str(&f.key));
    o.set("Phase", Value::str(f.phase.name()));
    o.set(
        "Outcome",
        Value::str(match f.outcome {
            FaultOutcome::Failed => "Failed",
            FaultOutcome::Rescheduled => "Rescheduled",
        }),
    );
    o.set("Message", f.message.as_deref().map(Value::str).unwrap_or(Value::Null));
    o.into_value()
}

fn add_fault(cx: &mut Cx) -> R {
    let key = cx.string("UserPrincipalName").unwrap_or_default();
    let phase = cx.string("Phase").unwrap_or_default();
    let outcome = cx.string("Outcome").unwrap_or_default();
    let message = cx.string("Message");
    run(cx, |cx| {
        let f = Fault {
            key: key.trim().to_string(),
            phase: Phase::parse(&phase).ok_or_else(|| SimError::Invalid(format!("Unknown phase '{phase}'.")))?,
            outcome: FaultOutcome::parse(&outcome).ok_or_else(|| SimError::Invalid(format!("Unknown outcome '{outcome}'.")))?,
            message,
        };
        let v = fault_object(&f);
        w(cx).faults.push(f);
        Ok(vec![v])
    })
}

fn get_fault(cx: &mut Cx) -> R {
    run(cx, |cx| Ok(w(cx).faults.iter().map(fault_object).collect()))
}

fn checkpoint(cx: &mut Cx) -> R {
    let name = cx.string("Name").unwrap_or_default();
    w(cx).checkpoint(&name);
    Ok(())
}

fn restore(cx: &mut Cx) -> R {
    let name = cx.string("Name").unwrap_or_default();
    run(cx, |cx| w(cx).restore(&name).map(|_| Vec::new()))
}

fn full_path(p: &str) -> String {
    let path = std::path::PathBuf::from(p);
    let full = if path.is_absolute() { path } else { std::env::current_dir().map(|d| d.join(&path)).unwrap_or(path) };
    full.display().to_string()
}

fn lock_file(cx: &mut Cx) -> R {
    let p = full_path(&cx.string("Path").unwrap_or_default());
    let w = w(cx);
    if !w.locked_files.contains(&p) {
        w.locked_files.push(p);
    }
    Ok(())
}

fn unlock_file(cx: &mut Cx) -> R {
    let p = full_path(&cx.string("Path").unwrap_or_default());
    w(cx).locked_files.retain(|f| f != &p);
    Ok(())
}

fn get_notification(cx: &mut Cx) -> R {
    let tenant = cx.string("Tenant");
    run(cx, |cx| {
        let w = w(cx);
        let filter = match &tenant {
            Some(t) => Some(w.tenants[w.tenant_named(t)?].name.clone()),
            None => None,
        };
        Ok(w.notifications
            .iter()
            .filter(|n| filter.as_deref().is_none_or(|f| f == n.tenant))
            .map(|n| {
                let mut o = PsObject::typed("TenantSim.Notification");
                o.set("Tenant", Value::str(&n.tenant));
                o.set("Received", date(n.at));
                o.set("To", strs(&n.to));
                o.set("Subject", Value::str(&n.subject));
                o.into_value()
            })
            .collect())
    })
}

// ───────────────────────────── admin consent ─────────────────────────────

/// The browser step of the mailbox migration: an administrator of -Tenant opens the article's
/// admin-consent URL and accepts (RULE 2 of mailbox-t2t.md; `sim::graph::grant_admin_consent`).
fn grant_admin_consent(cx: &mut Cx) -> R {
    let tenant = cx.string("Tenant").unwrap_or_default();
    let app_id = cx.string("ApplicationId").unwrap_or_default();
    run(cx, |cx| {
        let w = w(cx);
        let t = w.tenant_named(&tenant)?;
        let granted = w.grant_admin_consent(t, &app_id)?;
        let tn = &w.tenants[t];
        let name = w.app_owner(&app_id).map(|(o, a)| w.tenants[o].graph.applications[a].display_name.clone()).unwrap_or_default();
        let mut o = PsObject::typed("TenantSim.AdminConsent");
        o.set("Tenant", Value::str(&tn.name));
        o.set("ApplicationId", Value::string(app_id.trim().to_string()));
        o.set("DisplayName", Value::string(name));
        o.set("GrantedPermissions", strs(&granted));
        o.set(
            "ConsentUrl",
            Value::string(format!(
                "https://login.microsoftonline.com/{}/adminconsent?client_id={}&redirect_uri=https://office.com",
                tn.initial_domain(),
                app_id.trim()
            )),
        );
        Ok(vec![o.into_value()])
    })
}
