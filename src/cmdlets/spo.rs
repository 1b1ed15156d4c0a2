//! SharePoint Online cmdlets (Microsoft.Online.SharePoint.PowerShell): thin translations
//! between bound parameters, the simulation (`sim::spo`) and output objects.
//!
//! * One connection per session (`Session::spo`); `-Url` of Connect-SPOService picks the tenant.
//! * Errors from the simulation become non-terminating error records (the module writes its
//!   service errors with WriteError, so `-ErrorAction Stop` is needed to catch them), with the
//!   exception type the module surfaces and a FullyQualifiedErrorId of
//!   `<ExceptionType>,Microsoft.Online.SharePoint.PowerShell.<CmdletClass>`.
//! * Output types: `Microsoft.Online.SharePoint.PowerShell.<Type>`. Where the reference is
//!   silent about an output (the cross-tenant cmdlets were only ever documented as stubs) the
//!   property names are those public scripts read from the real objects, noted at each builder.

use std::rc::Rc;

use crate::cmdlets::{Connection, Make, put};
use crate::engine::commands::{Cmdlet, Cx, FnCmdlet};
use crate::engine::convert::to_display_string;
use crate::engine::datetime::{DateKind, DateTime};
use crate::engine::error::{ErrorRecord, R};
use crate::engine::value::{PsObject, Value, parse_guid};
use crate::sim::clock::iso;
use crate::sim::spo::{self as model, MoveKind, MoveQuery, PartnerRole, StartRequest};
use crate::sim::tenant::Compatibility;
use crate::sim::world::HostKind;
use crate::sim::{SimError, World};

macro_rules! simple {
    ($f:path) => {{
        fn make() -> Box<dyn Cmdlet> {
            Box::new(FnCmdlet($f))
        }
        make as Make
    }};
}

pub const CMDLETS: &[(&str, Make)] = &[
    ("Connect-SPOService", simple!(connect)),
    ("Disconnect-SPOService", simple!(disconnect)),
    ("Get-SPOCrossTenantHostUrl", simple!(get_host_url)),
    ("Set-SPOCrossTenantRelationship", simple!(set_relationship)),
    ("Get-SPOCrossTenantRelationship", simple!(get_relationship)),
    ("Get-SPOCrossTenantRelationshipByPartner", simple!(get_relationship)),
    ("Get-SPOCrossTenantRelationshipByScenario", simple!(get_relationship)),
    ("Verify-SPOCrossTenantRelationship", simple!(verify_relationship)),
    ("Remove-SPOCrossTenantRelationship", simple!(remove_relationship)),
    ("Get-SPOCrossTenantCompatibilityStatus", simple!(compatibility)),
    ("Add-SPOTenantIdentityMap", simple!(add_identity_map)),
    ("Add-SPOTenantIdentityMappingUser", simple!(add_mapping_user)),
    ("Add-SPOTenantIdentityMappingGroup", simple!(add_mapping_group)),
    ("Get-SPOTenantIdentityMappingUser", simple!(get_mapping_user)),
    ("Get-SPOTenantIdentityMappingGroup", simple!(get_mapping_group)),
    ("Remove-SPOTenantIdentityMappingUser", simple!(remove_mapping_user)),
    ("Remove-SPOTenantIdentityMappingGroup", simple!(remove_mapping_group)),
    ("Start-SPOCrossTenantUserContentMove", simple!(start_user_move)),
    ("Start-SPOCrossTenantSiteContentMove", simple!(start_site_move)),
    ("Start-SPOCrossTenantGroupContentMove", simple!(start_group_move)),
    ("Stop-SPOCrossTenantUserContentMove", simple!(stop_user_move)),
    ("Stop-SPOCrossTenantSiteContentMove", simple!(stop_site_move)),
    ("Stop-SPOCrossTenantGroupContentMove", simple!(stop_group_move)),
    ("Get-SPOCrossTenantUserContentMoveState", simple!(user_move_state)),
    ("Get-SPOCrossTenantSiteContentMoveState", simple!(site_move_state)),
    ("Get-SPOCrossTenantGroupContentMoveState", simple!(group_move_state)),
    ("Get-SPOUserAndContentMoveState", simple!(geo_move_state)),
    ("Get-SPOSite", simple!(get_site)),
    ("Remove-SPOSite", simple!(remove_site)),
    ("Get-SPOTenant", simple!(get_tenant)),
    ("Set-SPOTenant", simple!(set_tenant)),
    ("Request-SPOPersonalSite", simple!(request_personal_site)),
];

const NS: &str = "Microsoft.Online.SharePoint.PowerShell";

// ───────────────────────────── plumbing ─────────────────────────────

/// The module's cmdlet class: `Get-SPOSite` → `GetSite`, `Connect-SPOService` → `ConnectSPOService`.
fn class_name(cmdlet: &str) -> String {
    let (verb, noun) = cmdlet.split_once('-').unwrap_or((cmdlet, ""));
    let noun = if noun.eq_ignore_ascii_case("SPOService") { noun } else { noun.strip_prefix("SPO").unwrap_or(noun) };
    format!("{verb}{noun}")
}

pub(crate) fn record(cx: &Cx, e: &SimError) -> ErrorRecord {
    let fqid = format!("{},{NS}.{}", e.id(), class_name(cx.name()));
    ErrorRecord::new(e.exception(), e.to_string(), &fqid, e.category()).at(cx.file, cx.span).for_command(cx.invoked_as)
}

fn fail(cx: &mut Cx, e: SimError) -> R {
    let rec = record(cx, &e);
    cx.write_error(rec)
}

/// The connected tenant, after RULE 4: the signed-in account must be SharePoint
/// Administrator or Global Administrator of that tenant.
fn tenant_of(cx: &mut Cx) -> Result<usize, SimError> {
    let conn = cx.it.session.spo.clone().ok_or(SimError::NoConnection)?;
    let w = cx.it.world_mut();
    let t = w.tenant_index(&conn.tenant).ok_or(SimError::NoConnection)?;
    match w.tenants[t].directory.user(&conn.account) {
        Some(u) if u.account_enabled && u.is_spo_admin() => Ok(t),
        _ => Err(SimError::AccessDenied(conn.account.clone())),
    }
}

/// Run `f` against the connected tenant; a SimError becomes an error record.
fn with_tenant(cx: &mut Cx, f: impl FnOnce(&mut Cx, usize) -> Result<(), SimError>) -> R {
    match tenant_of(cx) {
        Ok(t) => match f(cx, t) {
            Ok(()) => Ok(()),
            Err(e) => fail(cx, e),
        },
        Err(e) => fail(cx, e),
    }
}

/// Write-Verbose semantics (honours `4>&1` and `4>$null`), for -Verbose detail.
fn verbose(cx: &mut Cx, msg: &str) {
    if !cx.verbose {
        return;
    }
    match cx.it.redirects.streams[4].clone() {
        Some(crate::engine::interp::StreamTarget::Discard) => {}
        Some(crate::engine::interp::StreamTarget::Merge(buf)) => buf.borrow_mut().push(Value::str(msg)),
        Some(crate::engine::interp::StreamTarget::File(p, _)) => {
            let _ = crate::engine::pipeline::append_file(&p, &format!("{msg}\n"));
        }
        None => cx.it.host.write_verbose(msg),
    }
}

fn world<'a>(cx: &'a mut Cx) -> &'a mut World {
    cx.it.world_mut()
}

fn date(ticks: i64) -> Value {
    Value::DateTime(DateTime::from_ticks(ticks, DateKind::Utc))
}

fn opt_date(ticks: Option<i64>) -> Value {
    ticks.map(date).unwrap_or(Value::Null)
}

fn guid(s: &str) -> Value {
    match parse_guid(s) {
        Some(g) => Value::Guid(Rc::new(g)),
        None => Value::str(s),
    }
}

fn opt_str(s: &Option<String>) -> Value {
    s.as_deref().map(Value::str).unwrap_or(Value::Null)
}

/// RULE 23: PreferredMoveBeginDate/EndDate are UTC: the clock reading is taken as UTC
/// whatever its Kind (the service never converts).
fn date_param(cx: &Cx, name: &str) -> Option<i64> {
    match cx.get(name) {
        Some(Value::DateTime(d)) => Some(d.ticks()),
        _ => None,
    }
}

fn partner_role(cx: &Cx) -> Result<PartnerRole, SimError> {
    let r = cx.string("PartnerRole").unwrap_or_default();
    PartnerRole::parse(&r).ok_or(SimError::BadPartnerRole(r))
}

// ───────────────────────────── connection ─────────────────────────────

/// What .NET's Uri accepts as an absolute http(s) URL (UrlCmdletPipeBind wraps a Uri).
fn valid_uri(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = match lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) {
        Some(r) => r,
        None => return false,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == ':')
        && !s.chars().any(|c| c.is_whitespace() || "<>\"{}|\\^`".contains(c))
}

fn credential_account(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o.borrow().get_value("UserName").map(|u| to_display_string(&u)),
        Value::Null => None,
        other => Some(to_display_string(other)),
    }
}

fn connect(cx: &mut Cx) -> R {
    let url = cx.string("Url").unwrap_or_default();
    if !valid_uri(&url) {
        // The string → UrlCmdletPipeBind conversion (a System.Uri) fails during binding.
        let msg = format!("Cannot bind parameter 'Url'. Cannot convert the \"{url}\" value of type \"System.String\" to type \"{NS}.UrlCmdletPipeBind\".");
        let rec = ErrorRecord::new(
            "System.Management.Automation.ParameterBindingException",
            msg,
            &format!("CannotConvertArgumentNoMessage,{NS}.ConnectSPOService"),
            "InvalidArgument",
        )
        .at(cx.file, cx.span)
        .for_command(cx.invoked_as);
        return Err(cx.terminate(rec));
    }
    let account = cx.get("Credential").and_then(credential_account);
    let w = world(cx);
    let result = match w.tenant_by_url(&url) {
        None => Err(SimError::UnknownTenantUrl(url.clone())),
        Some((_, kind)) if kind != HostKind::Admin => Err(SimError::NotAdminSite(url.clone())),
        Some((t, _)) => {
            let tenant = &w.tenants[t];
            // App-only sign-in (certificate / managed identity) acts with the tenant's admin rights.
            let account = account.unwrap_or_else(|| tenant.admin_account());
            match tenant.directory.user(&account) {
                Some(u) if !u.account_enabled => Err(SimError::BadCredential(account)),
                Some(u) if !u.is_spo_admin() => Err(SimError::AccessDenied(account)),
                Some(u) => Ok(Connection { tenant: tenant.name.clone(), account: u.upn.clone() }),
                None => Err(SimError::BadCredential(account)),
            }
        }
    };
    match result {
        Ok(c) => {
            cx.it.session.spo = Some(c);
            Ok(())
        }
        Err(e) => {
            let rec = record(cx, &e);
            Err(cx.terminate(rec))
        }
    }
}

fn disconnect(cx: &mut Cx) -> R {
    if cx.it.session.spo.take().is_none() {
        return fail(cx, SimError::NoConnection);
    }
    Ok(())
}

fn get_host_url(cx: &mut Cx) -> R {
    with_tenant(cx, |cx, t| {
        let url = world(cx).cross_tenant_host_url(t);
        cx.emit(Value::string(url)).map_err(|_| SimError::Invalid("pipeline stopped".into()))
    })
}

// ───────────────────────────── relationships ─────────────────────────────

fn set_relationship(cx: &mut Cx) -> R {
    with_tenant(cx, |cx, t| {
        let scenario = cx.string("Scenario").unwrap_or_default();
        let role = partner_role(cx)?;
        let url = cx.string("PartnerCrossTenantHostUrl").unwrap_or_default();
        world(cx).set_relationship(t, &scenario, role, &url)
    })
}

/// Type and properties are our assumption (the reference has stubs only): the three values
/// Set-SPOCrossTenantRelationship takes and when the request was made.
fn relationship_object(r: &model::Relationship) -> Value {
    let mut o = PsObject::typed(&format!("{NS}.SPOCrossTenantRelationship"));
    o.set("Scenario", Value::str(&r.scenario));
    o.set("PartnerRole", Value::str(r.partner_role.name()));
    o.set("PartnerCrossTenantHostUrl", Value::str(&r.partner_url));
    o.set("CreatedTime", date(r.created));
    o.into_value()
}

fn get_relationship(cx: &mut Cx) -> R {
    let host = cx.string("PartnerCrossTenantHostUrl");
    let role = cx.string("PartnerRole").and_then(|r| PartnerRole::parse(&r));
    let scenario = cx.string("Scenario");
    let out = match tenant_of(cx) {
        Ok(t) => {
            let w = world(cx);
            w.tenants[t]
                .spo
                .relationships
                .iter()
                .filter(|r| host.as_deref().is_none_or(|h| crate::sim::tenant::host_of(h) == r.partner_host()))
                .filter(|r| role.is_none_or(|x| x == r.partner_role))
                .filter(|r| scenario.as_deref().is_none_or(|s| s.eq_ignore_ascii_case(&r.scenario)))
                .map(relationship_object)
                .collect::<Vec<_>>()
        }
        Err(e) => return fail(cx, e),
    };
    for v in out {
        cx.emit(v)?;
    }
    Ok(())
}

fn verify_relationship(cx: &mut Cx) -> R {
    match tenant_of(cx) {
        Ok(t) => {
            let scenario = cx.string("Scenario").unwrap_or_default();
            if !scenario.eq_ignore_ascii_case("MnA") {
                return fail(cx, SimError::BadScenario(scenario));
            }
            let role = match partner_role(cx) {
                Ok(r) => r,
                Err(e) => return fail(cx, e),
            };
            let url = cx.string("PartnerCrossTenantHostUrl").unwrap_or_default();
            let status = world(cx).verify_relationship(t, role, &url);
            cx.emit(Value::str(status.name()))
        }
        Err(e) => fail(cx, e),
    }
}

fn remove_relationship(cx: &mut Cx) -> R {
    with_tenant(cx, |cx, t| {
        let scenario = cx.string("Scenario").unwrap_or_default();
        let role = partner_role(cx)?;
        let url = cx.string("PartnerCrossTenantHostUrl").unwrap_or_default();
        world(cx).remove_relationship(t, &scenario, role, &url)
    })
}

fn compatibility(cx: &mut Cx) -> R {
    match tenant_of(cx) {
        Ok(t) => {
            let url = cx.string("PartnerCrossTenantHostUrl").unwrap_or_default();
            match world(cx).compatibility(t, &url) {
                Ok(c) => cx.emit(Value::str(Compatibility::name(c))),
                Err(e) => fail(cx, e),
            }
        }
        Err(e) => fail(cx, e),
    }
}

// ───────────────────────────── identity map ─────────────────────────────

fn full_path(p: &str) -> std::path::PathBuf {
    let path = std::path::PathBuf::from(p);
    if path.is_absolute() {
        return path;
    }
    std::env::current_dir().map(|d| d.join(&path)).unwrap_or(path)
}

fn add_identity_map(cx: &mut Cx) -> R {
    let t = match tenant_of(cx) {
        Ok(t) => t,
        Err(e) => return fail(cx, e),
    };
    let path = full_path(&cx.string("IdentityMapPath").unwrap_or_default());
    let up = match world(cx).upload_identity_map(t, &path) {
        Ok(u) => u,
        Err(e) => return fail(cx, e),
    };
    for bad in &up.rejected {
        // Rejected rows are reported one by one; the upload itself goes on (the map holds the
        // valid rows only).
        let msg = format!("Line {} can't be added: {}. Check the format: {}", bad.line, bad.reason, bad.text);
        let rec = ErrorRecord::new("System.ArgumentException", msg, &format!("InvalidIdentityMapLine,{NS}.AddTenantIdentityMap"), "InvalidData")
            .at(cx.file, cx.span)
            .for_command(cx.invoked_as);
        cx.write_error(rec)?;
    }
    verbose(
        cx,
        &format!("Identity map uploaded from {}: {} user and {} group mappings ({} lines rejected).", path.display(), up.users, up.groups, up.rejected.len()),
    );
    Ok(())
}

fn mapping_user_object(m: &model::UserMapping) -> Value {
    let mut o = PsObject::typed(&format!("{NS}.SPOTenantIdentityMappingUser"));
    o.set("SourceTenantCompanyId", guid(&m.source_tenant_company_id));
    o.set("SourceUserKey", Value::str(&m.source_user_key));
    o.set("TargetUserPuid", Value::str(&m.target_user_puid));
    o.set("TargetUserUpn", Value::str(&m.target_user_upn));
    o.set("TargetUserEmail", Value::str(&m.target_user_email));
    o.set("UserType", Value::str(&m.user_type));
    o.into_value()
}

fn mapping_group_object(m: &model::GroupMapping) -> Value {
    let mut o = PsObject::typed(&format!("{NS}.SPOTenantIdentityMappingGroup"));
    o.set("SourceTenantCompanyId", guid(&m.source_tenant_company_id));
    o.set("SourceGroupObjectId", guid(&m.source_group_object_id));
    o.set("TargetGroupObjectId", guid(&m.target_group_object_id));
    o.set("TargetGroupName", Value::str(&m.target_group_name));
    o.set("GroupType", Value::str(&m.group_type));
    o.into_value()
}

fn user_field<'a>(m: &'a model::UserMapping, field: &str) -> &'a str {
    match field.to_ascii_lowercase().as_str() {
        "targetuserpuid" => &m.target_user_puid,
        "targetuserupn" => &m.target_user_upn,
        "targetuseremail" => &m.target_user_email,
        _ => &m.source_user_key,
    }
}

fn group_field<'a>(m: &'a model::GroupMapping, field: &str) -> &'a str {
    match field.to_ascii_lowercase().as_str() {
        "targetgroupobjectid" => &m.target_group_object_id,
        "targetgroupname" => &m.target_group_name,
        _ => &m.source_group_object_id,
    }
}

fn get_mapping_user(cx: &mut Cx) -> R {
    let field = cx.string("Field").unwrap_or_default();
    let value = cx.string("Value").unwrap_or_default();
    let t = match tenant_of(cx) {
        Ok(t) => t,
        Err(e) => return fail(cx, e),
    };
    let out: Vec<Value> = world(cx).tenants[t]
        .spo
        .identity_map
        .users
        .iter()
        .filter(|m| user_field(m, &field).eq_ignore_ascii_case(value.trim()))
        .map(mapping_user_object)
        .collect();
    for v in out {
        cx.emit(v)?;
    }
    Ok(())
}

fn get_mapping_group(cx: &mut Cx) -> R {
    let field = cx.string("Field").unwrap_or_default();
    let value = cx.string("Value").unwrap_or_default();
    let t = match tenant_of(cx) {
        Ok(t) => t,
        Err(e) => return fail(cx, e),
    };
    let out: Vec<Value> = world(cx).tenants[t]
        .spo
        .identity_map
        .groups
        .iter()
        .filter(|m| group_field(m, &field).eq_ignore_ascii_case(value.trim()))
        .map(mapping_group_object)
        .collect();
    for v in out {
        cx.emit(v)?;
    }
    Ok(())
}

fn add_mapping_user(cx: &mut Cx) -> R {
    with_tenant(cx, |cx, t| {
        let s = |n: &str| cx.string(n).unwrap_or_default();
        let target_upn = s("TargetUserUpn");
        let w_puid = s("TargetUserPuid");
        let m = model::UserMapping {
            source_tenant_company_id: s("SourceTenantCompanyId").to_ascii_lowercase(),
            source_user_key: s("SourceUserKey"),
            target_user_upn: target_upn.clone(),
            target_user_email: s("TargetUserEmail"),
            target_user_puid: w_puid,
            user_type: s("UserType"),
        };
        let w = world(cx);
        let mut m = m;
        if m.target_user_puid.is_empty() {
            m.target_user_puid = w.tenants[t].directory.user(&target_upn).map(|u| u.puid.clone()).unwrap_or_default();
        }
        // RULE 13: one-to-one.
        w.tenants[t].spo.identity_map.add_user(m).map_err(|r| SimError::Invalid(format!("The identity mapping can't be added: {r}.")))
    })
}

fn add_mapping_group(cx: &mut Cx) -> R {
    with_tenant(cx, |cx, t| {
        let s = |n: &str| cx.string(n).unwrap_or_default();
        let m = model::GroupMapping {
            source_tenant_company_id: s("SourceTenantCompanyId").to_ascii_lowercase(),
            source_group_object_id: s("SourceGroupObjectId").to_ascii_lowercase(),
            target_group_object_id: s("TargetGroupObjectId").to_ascii_lowercase(),
            target_group_name: s("TargetGroupName"),
            group_type: s("GroupType"),
        };
        world(cx).tenants[t].spo.identity_map.add_group(m).map_err(|r| SimError::Invalid(format!("The identity mapping can't be added: {r}.")))
    })
}

fn remove_mapping_user(cx: &mut Cx) -> R {
    with_tenant(cx, |cx, t| {
        let field = cx.string("Field").unwrap_or_default();
        let value = cx.string("Value").unwrap_or_default();
        let map = &mut world(cx).tenants[t].spo.identity_map;
        let before = map.users.len();
        map.users.retain(|m| !user_field(m, &field).eq_ignore_ascii_case(value.trim()));
        if map.users.len() == before {
            return Err(SimError::Invalid(format!("No identity mapping with {field} '{value}' was found.")));
        }
        map.rebuild();
        Ok(())
    })
}

fn remove_mapping_group(cx: &mut Cx) -> R {
    with_tenant(cx, |cx, t| {
        let field = cx.string("Field").unwrap_or_default();
        let value = cx.string("Value").unwrap_or_default();
        let map = &mut world(cx).tenants[t].spo.identity_map;
        let before = map.groups.len();
        map.groups.retain(|m| !group_field(m, &field).eq_ignore_ascii_case(value.trim()));
        if map.groups.len() == before {
            return Err(SimError::Invalid(format!("No identity mapping with {field} '{value}' was found.")));
        }
        map.rebuild();
        Ok(())
    })
}

// ───────────────────────────── moves ─────────────────────────────

const USER_MOVE_TYPE: &str = "SPOCrossTenantUserContentMoveState";
const SITE_MOVE_TYPE: &str = "SPOCrossTenantSiteContentMoveState";
const GROUP_MOVE_TYPE: &str = "SPOCrossTenantGroupContentMoveState";

/// A move state object. The reference documents no properties; these are the ones public
/// migration scripts read from the real objects (MoveJobId, SourceSiteUrl, TargetSiteUrl,
/// MoveState, SourceDataLocation, DestinationDataLocation, TimeStamp), plus the identities,
/// direction, the preferred window and the error of a failed move.
fn move_object(w: &World, i: usize, viewer: usize) -> Value {
    let m = &w.moves[i];
    let ty = match m.kind {
        MoveKind::User => USER_MOVE_TYPE,
        MoveKind::Site => SITE_MOVE_TYPE,
        MoveKind::Group => GROUP_MOVE_TYPE,
    };
    let mut o = PsObject::typed(&format!("{NS}.{ty}"));
    put(&mut o, "MoveJobId", guid(&m.id));
    match m.kind {
        MoveKind::User => {
            put(&mut o, "SourceUserPrincipalName", Value::str(&m.source_key));
            put(&mut o, "TargetUserPrincipalName", Value::str(&m.target_key));
        }
        MoveKind::Group => {
            put(&mut o, "SourceGroupAlias", Value::str(&m.source_key));
            put(&mut o, "TargetGroupAlias", Value::str(&m.target_key));
        }
        MoveKind::Site => {}
    }
    put(&mut o, "SourceSiteUrl", Value::str(&m.source_site_url));
    put(&mut o, "TargetSiteUrl", Value::str(&m.target_site_url));
    put(&mut o, "MoveState", Value::str(m.state.name()));
    put(&mut o, "MoveDirection", Value::str(if m.source == viewer { "MoveOut" } else { "MoveIn" }));
    put(&mut o, "SourceDataLocation", Value::str(&w.tenants[m.source].data_location));
    put(&mut o, "DestinationDataLocation", Value::str(&w.tenants[m.target].data_location));
    put(&mut o, "PreferredMoveBeginDate", opt_date(m.begin));
    put(&mut o, "PreferredMoveEndDate", opt_date(m.end));
    put(&mut o, "TimeStamp", date(m.modified));
    put(&mut o, "ErrorMessage", opt_str(&m.error));
    o.into_value()
}

/// `-Verbose` detail: the current phase and every state change.
fn move_verbose(w: &World, i: usize) -> Vec<String> {
    let m = &w.moves[i];
    let mut lines = Vec::new();
    let phase = match m.phase {
        Some(p) => format!(" ({} of 4: {})", p.number(), p.name()),
        None => String::new(),
    };
    lines.push(format!("Move {} of {} to {}: {}{}.", m.id, m.source_key, m.target_key, m.state.name(), phase));
    lines.push(format!("Source {} ({} bytes, {} items); target {}; attempt {}.", m.source_site_url, m.bytes, m.items, m.target_site_url, m.attempts));
    for h in &m.history {
        let p = h.phase.map(|p| format!(" / {}", p.name())).unwrap_or_default();
        lines.push(format!("  {}  {}{}", iso(h.at), h.state.name(), p));
    }
    if let Some(e) = &m.error {
        lines.push(format!("Error: {e}"));
    }
    lines
}

fn start_move(cx: &mut Cx, kind: MoveKind) -> R {
    let (src, tgt) = match kind {
        MoveKind::User => ("SourceUserPrincipalName", "TargetUserPrincipalName"),
        MoveKind::Site => ("SourceSiteUrl", "TargetSiteUrl"),
        MoveKind::Group => ("SourceGroupAlias", "TargetGroupAlias"),
    };
    let req = StartRequest {
        kind,
        source_key: cx.string(src).unwrap_or_default().trim().to_string(),
        target_key: cx.string(tgt).unwrap_or_default().trim().to_string(),
        target_host_url: cx.string("TargetCrossTenantHostUrl").unwrap_or_default(),
        begin: date_param(cx, "PreferredMoveBeginDate"),
        end: date_param(cx, "PreferredMoveEndDate"),
        validation_only: cx.switch("ValidationOnly"),
    };
    // -Force: accepted; the reference documents no behaviour for it, so it changes nothing.
    let t = match tenant_of(cx) {
        Ok(t) => t,
        Err(e) => return fail(cx, e),
    };
    let w = world(cx);
    let res = match w.start_move(t, req) {
        Ok(r) => r,
        Err(e) => return fail(cx, e),
    };
    let w = world(cx);
    let obj = match res.index {
        Some(i) => move_object(w, i, t),
        None => {
            // -ValidationOnly: the Validation checks now, nothing queued. The object has the
            // state properties plus ValidationState (as the Multi-Geo validation result does).
            let preview = res.preview;
            let v = res.validation.unwrap_or(Ok(()));
            let mut o = PsObject::typed(&format!(
                "{NS}.{}",
                match kind {
                    MoveKind::User => USER_MOVE_TYPE,
                    MoveKind::Site => SITE_MOVE_TYPE,
                    MoveKind::Group => GROUP_MOVE_TYPE,
                }
            ));
            o.set("SourceSiteUrl", Value::str(&preview.source_site_url));
            o.set("TargetSiteUrl", Value::str(&preview.target_site_url));
            o.set("MoveState", Value::str("NotStarted"));
            let _ = w;
            o.set("ValidationState", Value::str(if v.is_ok() { "Success" } else { "Failed" }));
            o.set("ErrorMessage", v.err().map(Value::string).unwrap_or(Value::Null));
            o.into_value()
        }
    };
    cx.emit(obj)
}

fn start_user_move(cx: &mut Cx) -> R {
    start_move(cx, MoveKind::User)
}
fn start_site_move(cx: &mut Cx) -> R {
    start_move(cx, MoveKind::Site)
}
fn start_group_move(cx: &mut Cx) -> R {
    start_move(cx, MoveKind::Group)
}

fn stop_move(cx: &mut Cx, kind: MoveKind, param: &str) -> R {
    let key = cx.string(param).unwrap_or_default();
    with_tenant(cx, |cx, t| world(cx).stop_move(t, kind, &key).map(|_| ()))
}

fn stop_user_move(cx: &mut Cx) -> R {
    stop_move(cx, MoveKind::User, "SourceUserPrincipalName")
}
fn stop_site_move(cx: &mut Cx) -> R {
    stop_move(cx, MoveKind::Site, "SourceSiteUrl")
}
fn stop_group_move(cx: &mut Cx) -> R {
    stop_move(cx, MoveKind::Group, "SourceGroupAlias")
}

fn move_state(cx: &mut Cx, kind: MoveKind, key_param: &str) -> R {
    let t = match tenant_of(cx) {
        Ok(t) => t,
        Err(e) => return fail(cx, e),
    };
    let q = MoveQuery {
        source_key: cx.string(key_param),
        move_id: cx.string("SiteMoveId"),
        state: cx.string("MoveState"),
        direction: cx.string("MoveDirection"),
        partner_role: cx.string("PartnerRole").and_then(|r| PartnerRole::parse(&r)),
        start_time: date_param(cx, "MoveStartTime"),
        end_time: date_param(cx, "MoveEndTime"),
        limit: cx.int("Limit").map(|l| l.max(0) as usize),
    };
    let partner = cx.string("PartnerCrossTenantHostUrl").unwrap_or_default();
    let want_verbose = cx.verbose;
    let w = world(cx);
    let found = match w.query_moves(t, kind, &partner, &q) {
        Ok(f) => f,
        Err(e) => return fail(cx, e),
    };
    let items: Vec<(Value, Vec<String>)> = found.iter().map(|i| (move_object(w, *i, t), if want_verbose { move_verbose(w, *i) } else { Vec::new() })).collect();
    for (v, lines) in items {
        for l in lines {
            verbose(cx, &l);
        }
        cx.emit(v)?;
    }
    Ok(())
}

fn user_move_state(cx: &mut Cx) -> R {
    move_state(cx, MoveKind::User, "SourceUserPrincipalName")
}
fn site_move_state(cx: &mut Cx) -> R {
    move_state(cx, MoveKind::Site, "SourceSiteUrl")
}
fn group_move_state(cx: &mut Cx) -> R {
    move_state(cx, MoveKind::Group, "SourceGroupAlias")
}

/// Get-SPOUserAndContentMoveState is the Multi-Geo cmdlet: the simulated tenants have a single
/// geo, so there are never geo moves to report (cross-tenant moves are not geo moves).
fn geo_move_state(cx: &mut Cx) -> R {
    match tenant_of(cx) {
        Ok(_) => Ok(()),
        Err(e) => fail(cx, e),
    }
}

// ───────────────────────────── sites ─────────────────────────────

/// Microsoft.Online.SharePoint.PowerShell.SPOSite, with the properties the module's object has
/// that the simulation can fill; pwsh shows Url, Owner and StorageQuota by default (format view).
fn site_object(s: &model::Site) -> Value {
    let mut o = PsObject::typed(&format!("{NS}.SPOSite"));
    let mb = (s.bytes / (1024 * 1024)) as i64;
    put(&mut o, "LastContentModifiedDate", date(s.modified));
    put(&mut o, "Status", Value::str("Active"));
    put(&mut o, "ResourceUsageCurrent", Value::Double(0.0));
    put(&mut o, "ResourceUsageAverage", Value::Double(0.0));
    put(&mut o, "StorageUsageCurrent", Value::Long(mb));
    put(&mut o, "LockIssue", Value::Null);
    put(&mut o, "WebsCount", Value::Int(if s.is_redirect() { 0 } else { 1 }));
    put(&mut o, "CompatibilityLevel", Value::Int(15));
    put(&mut o, "Url", Value::str(&s.url));
    put(&mut o, "LocaleId", Value::Long(1033));
    put(&mut o, "LockState", Value::str(s.lock_state().name()));
    put(&mut o, "Owner", Value::str(s.owner.as_deref().unwrap_or("")));
    put(&mut o, "StorageQuota", Value::Long(s.quota_mb));
    put(&mut o, "StorageQuotaWarningLevel", Value::Long(s.quota_mb * 95 / 100));
    put(&mut o, "ResourceQuota", Value::Double(0.0));
    put(&mut o, "ResourceQuotaWarningLevel", Value::Double(0.0));
    put(&mut o, "Template", Value::str(&s.template));
    put(&mut o, "Title", Value::str(&s.title));
    put(&mut o, "AllowSelfServiceUpgrade", Value::Bool(true));
    put(&mut o, "DenyAddAndCustomizePages", Value::str("Enabled"));
    put(&mut o, "PWAEnabled", Value::str("Disabled"));
    put(&mut o, "SharingCapability", Value::str(if s.is_personal() { "ExternalUserAndGuestSharing" } else { "ExternalUserSharingOnly" }));
    put(&mut o, "SandboxedCodeActivationCapability", Value::str("Disabled"));
    put(&mut o, "GroupId", s.group_id.as_deref().map(guid).unwrap_or_else(|| guid("00000000-0000-0000-0000-000000000000")));
    o.into_value()
}

/// `-Filter`: the server-side filter syntax (`Url -like 'x'`, `Owner -eq 'y'`, joined with
/// `-and` / `-or`); `-like` without wildcards matches a substring, as the service does.
/// `(property, operator, value)` terms; all of a group must hold, any group may.
type FilterTerms = Vec<Vec<(String, String, String)>>;

fn site_filter(text: &str) -> Result<FilterTerms, String> {
    let t = text.trim().trim_start_matches('{').trim_end_matches('}').trim();
    let mut alternatives = Vec::new();
    for alt in split_ci(t, " -or ") {
        let mut all = Vec::new();
        for term in split_ci(&alt, " -and ") {
            let term = term.trim();
            let mut parts = term.splitn(3, char::is_whitespace).filter(|p| !p.is_empty());
            let (Some(prop), Some(op), Some(val)) = (parts.next(), parts.next(), parts.next()) else {
                return Err(format!("'{term}' is not <Property> -<operator> <value>"));
            };
            let op = op.to_ascii_lowercase();
            if !["-eq", "-ne", "-like", "-notlike"].contains(&op.as_str()) {
                return Err(format!("the operator '{op}' is not supported (use -eq, -ne, -like or -notlike)"));
            }
            let val = val.trim().trim_matches(['\'', '"']).to_string();
            all.push((prop.to_string(), op, val));
        }
        alternatives.push(all);
    }
    Ok(alternatives)
}

fn split_ci(s: &str, sep: &str) -> Vec<String> {
    let lower = s.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut last = 0;
    let mut from = 0;
    while let Some(p) = lower[from..].find(sep) {
        let at = from + p;
        out.push(s[last..at].to_string());
        last = at + sep.len();
        from = last;
    }
    out.push(s[last..].to_string());
    out
}

fn like(value: &str, pattern: &str) -> bool {
    let v = value.to_ascii_lowercase();
    let p = pattern.to_ascii_lowercase();
    if !p.contains('*') {
        return v.contains(&p);
    }
    let parts: Vec<&str> = p.split('*').collect();
    let mut pos = 0;
    for (i, part) in parts.iter().enumerate() {
        if part.is_empty() {
            continue;
        }
        match v[pos..].find(part) {
            Some(at) if i > 0 || at == 0 => pos += at + part.len(),
            _ => return false,
        }
    }
    parts.last().is_none_or(|l| l.is_empty() || v.ends_with(l))
}

fn site_prop(s: &model::Site, prop: &str) -> String {
    match prop.to_ascii_lowercase().as_str() {
        "url" => s.url.clone(),
        "owner" => s.owner.clone().unwrap_or_default(),
        "template" => s.template.to_string(),
        "title" => s.title.clone(),
        "lockstate" => s.lock_state().name().to_string(),
        "status" => "Active".into(),
        "storagequota" => s.quota_mb.to_string(),
        _ => String::new(),
    }
}

thread_local! {
    static VIEWS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The module's format.ps1xml view of SPOSite: Url, Owner and "Storage Quota".
fn register_views() {
    if !VIEWS.with(|v| v.replace(true)) {
        crate::engine::format::register_table_view(
            &format!("{NS}.SPOSite"),
            &[("Url", "Url", 0, false), ("Owner", "Owner", 0, false), ("Storage Quota", "StorageQuota", 0, true)],
        );
    }
}

fn get_site(cx: &mut Cx) -> R {
    register_views();
    let t = match tenant_of(cx) {
        Ok(t) => t,
        Err(e) => return fail(cx, e),
    };
    if let Some(id) = cx.string("Identity") {
        let found = world(cx).tenants[t].spo.site(&id).map(site_object);
        return match found {
            Some(v) => cx.emit(v),
            None => fail(cx, SimError::SiteNotFound(id)),
        };
    }
    // Get-SPOSite returns 200 sites unless -Limit says otherwise.
    let limit = match cx.string("Limit") {
        None => Some(200usize),
        Some(l) if l.eq_ignore_ascii_case("all") => None,
        Some(l) => match l.trim().parse::<usize>() {
            Ok(n) if n > 0 => Some(n),
            _ => return fail(cx, SimError::BadLimit(l)),
        },
    };
    let template = cx.string("Template");
    let include_personal = cx.get("IncludePersonalSite").map(crate::engine::convert::to_bool).unwrap_or(false);
    let group_defined = cx.get("GroupIdDefined").map(crate::engine::convert::to_bool);
    let filter = match cx.string("Filter").map(|f| site_filter(&f).map_err(|e| (f, e))) {
        None => None,
        Some(Ok(f)) => Some(f),
        Some(Err((f, e))) => return fail(cx, SimError::BadFilter(f, e)),
    };
    let w = world(cx);
    let mut out = Vec::new();
    for s in w.tenants[t].spo.sites.values() {
        match &template {
            Some(tpl) => {
                if !s.template.eq_ignore_ascii_case(tpl.trim()) {
                    continue;
                }
                if s.is_personal() && !include_personal {
                    continue;
                }
            }
            // OneDrives only with -IncludePersonalSite $true.
            None if s.is_personal() && !include_personal => continue,
            None => {}
        }
        if let Some(g) = group_defined {
            if s.group_id.is_some() != g {
                continue;
            }
        }
        if let Some(f) = &filter {
            let ok = f.iter().any(|all| {
                all.iter().all(|(p, op, v)| {
                    let x = site_prop(s, p);
                    match op.as_str() {
                        "-eq" => x.eq_ignore_ascii_case(v),
                        "-ne" => !x.eq_ignore_ascii_case(v),
                        "-like" => like(&x, v),
                        _ => !like(&x, v),
                    }
                })
            });
            if !ok {
                continue;
            }
        }
        out.push(site_object(s));
        if limit.is_some_and(|l| out.len() >= l) {
            break;
        }
    }
    for v in out {
        cx.emit(v)?;
    }
    Ok(())
}

fn remove_site(cx: &mut Cx) -> R {
    let id = cx.string("Identity").unwrap_or_default();
    let t = match tenant_of(cx) {
        Ok(t) => t,
        Err(e) => return fail(cx, e),
    };
    if world(cx).tenants[t].spo.site(&id).is_none() {
        return fail(cx, SimError::SiteNotFound(id));
    }
    if cx.switch("WhatIf") || !cx.should_process(&id, "Remove-SPOSite") {
        if cx.switch("WhatIf") {
            cx.it.host.write_line(&format!("What if: Performing the operation \"Remove-SPOSite\" on target \"{id}\"."));
        }
        return Ok(());
    }
    match world(cx).remove_site(t, &id) {
        Ok(_) => Ok(()),
        Err(e) => fail(cx, e),
    }
}

fn request_personal_site(cx: &mut Cx) -> R {
    let upns = cx.strings("UserEmails");
    with_tenant(cx, |cx, t| {
        let created = world(cx).request_personal_sites(t, &upns);
        for url in created {
            verbose(cx, &format!("Personal site requested: {url}"));
        }
        Ok(())
    })
}

// ───────────────────────────── tenant ─────────────────────────────

fn get_tenant(cx: &mut Cx) -> R {
    let t = match tenant_of(cx) {
        Ok(t) => t,
        Err(e) => return fail(cx, e),
    };
    let w = world(cx);
    let tn = &w.tenants[t];
    let used: u64 = tn.spo.sites.values().map(|s| s.bytes).sum();
    let mut o = PsObject::typed(&format!("{NS}.SPOTenant"));
    o.set("StorageQuota", Value::Long(1_048_576 + 10 * 1024 * tn.directory.users.len() as i64));
    o.set("StorageQuotaAllocated", Value::Long((used / (1024 * 1024)) as i64));
    o.set("ResourceQuota", Value::Double(0.0));
    o.set("ResourceQuotaAllocated", Value::Double(0.0));
    o.set("OneDriveStorageQuota", Value::Long(tn.spo.onedrive_storage_quota));
    o.set("SelfServiceSiteCreationDisabled", Value::Bool(tn.spo.self_service_site_creation_disabled));
    o.set("SharingCapability", Value::str("ExternalUserAndGuestSharing"));
    o.set("RootSiteUrl", Value::str(tn.root_site_url().trim_end_matches('/')));
    o.set("EnableRestrictedAccessControl", Value::Bool(false));
    let v = o.into_value();
    cx.emit(v)
}

fn set_tenant(cx: &mut Cx) -> R {
    let quota = cx.int("OneDriveStorageQuota");
    let ssc = cx.get("SelfServiceSiteCreationDisabled").map(crate::engine::convert::to_bool);
    with_tenant(cx, |cx, t| {
        let spo = &mut world(cx).tenants[t].spo;
        if let Some(q) = quota {
            if q <= 0 {
                return Err(SimError::Invalid(format!("OneDriveStorageQuota must be a positive number of megabytes, not {q}.")));
            }
            spo.onedrive_storage_quota = q;
        }
        if let Some(b) = ssc {
            spo.self_service_site_creation_disabled = b;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_follow_the_module() {
        assert_eq!(class_name("Get-SPOSite"), "GetSite");
        assert_eq!(class_name("Connect-SPOService"), "ConnectSPOService");
        assert_eq!(class_name("Start-SPOCrossTenantUserContentMove"), "StartCrossTenantUserContentMove");
    }

    #[test]
    fn filters_parse_and_match() {
        let f = site_filter("Url -like 'sites/Contoso' -and Owner -eq 'a@b.c'").expect("parses");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].len(), 2);
        assert!(like("https://x.sharepoint.com/sites/ContosoBrand", "sites/contoso"));
        assert!(like("abc", "a*c"));
        assert!(!like("abd", "a*c"));
        assert!(site_filter("Url").is_err());
    }

    #[test]
    fn uris_are_validated_like_system_uri() {
        assert!(valid_uri("https://contoso-admin.sharepoint.com"));
        assert!(!valid_uri("https://<TenantName>-admin.sharepoint.com"));
        assert!(!valid_uri("contoso-admin.sharepoint.com"));
    }
}
