//! Microsoft Graph PowerShell cmdlets (Microsoft.Graph.*): the portal steps of the migrations,
//! scripted the way real setup scripts do it — app registration, secret, service principals,
//! users, licences, groups — over the same directory the SharePoint and Exchange sides use.
//!
//! * One connection per session (`Session::graph`, scopes in `Session::graph_scopes`);
//!   without it every cmdlet fails with the SDK's "Authentication needed" error.
//! * Delegated connections need the right scopes (`-Scopes`), else the service's 403
//!   Authorization_RequestDenied; app-only connections act with the app's full rights.
//! * Errors read as the SDK prints them: `Get-MgUser_Get: <message>` followed by the status and
//!   error code lines; FullyQualifiedErrorId `<ErrorCode>,Microsoft.Graph.PowerShell.Cmdlets.<Verb><Noun>_<Set>`.

use std::rc::Rc;

use crate::cmdlets::{Connection, Make, put, text};
use crate::engine::commands::{Cmdlet, Cx, FnCmdlet};
use crate::engine::convert::{to_bool, to_display_string};
use crate::engine::datetime::{DateKind, DateTime};
use crate::engine::error::{ErrorRecord, R};
use crate::engine::value::{PsObject, Value, parse_guid};
use crate::sim::directory::{self, GroupKind, SKUS};
use crate::sim::graph::{self as model, GraphError, GraphUserUpdate, LicenseChange, NewApp, NewGraphGroup, NewGraphUser, RequiredResource, ResourceAccess};
use crate::sim::tenant::Tenant;
use crate::sim::{World, clock};

macro_rules! simple {
    ($f:path) => {{
        fn make() -> Box<dyn Cmdlet> {
            Box::new(FnCmdlet($f))
        }
        make as Make
    }};
}

pub const CMDLETS: &[(&str, Make)] = &[
    ("Connect-MgGraph", simple!(connect)),
    ("Disconnect-MgGraph", simple!(disconnect)),
    ("Get-MgContext", simple!(get_context)),
    ("Get-MgOrganization", simple!(get_organization)),
    ("Get-MgServicePrincipal", simple!(get_service_principal)),
    ("New-MgServicePrincipal", simple!(new_service_principal)),
    ("Get-MgApplication", simple!(get_application)),
    ("New-MgApplication", simple!(new_application)),
    ("Add-MgApplicationPassword", simple!(add_password)),
    ("New-MgUser", simple!(new_user)),
    ("Get-MgUser", simple!(get_user)),
    ("Update-MgUser", simple!(update_user)),
    ("Set-MgUserLicense", simple!(set_license)),
    ("Get-MgUserLicenseDetail", simple!(get_license_detail)),
    ("Get-MgSubscribedSku", simple!(get_subscribed_sku)),
    ("New-MgGroup", simple!(new_group)),
    ("New-MgGroupMember", simple!(new_group_member)),
];

const NS: &str = "Microsoft.Graph.PowerShell.Models";

fn register_views() {
    thread_local! { static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) }; }
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    use crate::engine::format::register_table_view;
    let cols = |c: &[&'static str]| c.iter().map(|p| (*p, *p, 0usize, false)).collect::<Vec<_>>();
    register_table_view(&format!("{NS}.MicrosoftGraphUser"), &cols(&["Id", "DisplayName", "Mail", "UserPrincipalName"]));
    register_table_view(&format!("{NS}.MicrosoftGraphOrganization"), &cols(&["Id", "DisplayName", "BusinessPhones", "PostalCode"]));
    register_table_view(&format!("{NS}.MicrosoftGraphServicePrincipal"), &cols(&["DisplayName", "Id", "AppId", "SignInAudience", "ServicePrincipalType"]));
    register_table_view(&format!("{NS}.MicrosoftGraphApplication"), &cols(&["DisplayName", "Id", "AppId", "SignInAudience", "PublisherDomain"]));
    register_table_view(
        &format!("{NS}.MicrosoftGraphPasswordCredential"),
        &cols(&["CustomKeyIdentifier", "DisplayName", "EndDateTime", "Hint", "KeyId", "SecretText", "StartDateTime"]),
    );
    register_table_view(&format!("{NS}.MicrosoftGraphSubscribedSku"), &cols(&["SkuId", "SkuPartNumber", "ConsumedUnits", "AppliesTo"]));
    register_table_view(&format!("{NS}.MicrosoftGraphGroup"), &cols(&["DisplayName", "Id", "MailNickname", "Description", "GroupTypes"]));
    register_table_view(&format!("{NS}.MicrosoftGraphLicenseDetails"), &cols(&["Id", "SkuId", "SkuPartNumber"]));
}

// ───────────────────────────── plumbing ─────────────────────────────

fn date(ticks: i64) -> Value {
    Value::DateTime(DateTime::from_ticks(ticks, DateKind::Utc))
}
fn guid(s: &str) -> Value {
    match parse_guid(s) {
        Some(g) => Value::Guid(Rc::new(g)),
        None => Value::str(s),
    }
}
fn strs<S: AsRef<str>>(v: &[S]) -> Value {
    Value::array(v.iter().map(|s| Value::str(s.as_ref())).collect())
}
fn obj(type_name: &str) -> PsObject {
    PsObject::typed(&format!("{NS}.{type_name}"))
}

/// The SDK's cmdlet name in errors: `Get-MgUser_Get`, `New-MgApplication_CreateExpanded`.
fn sdk_name(cx: &Cx) -> String {
    let set = cx.set_name();
    if set == "__AllParameterSets" { cx.name().to_string() } else { format!("{}_{set}", cx.name()) }
}

fn graph_record(cx: &mut Cx, e: &GraphError) -> ErrorRecord {
    let name = sdk_name(cx);
    let compact: String = name.chars().filter(|c| *c != '-').collect();
    let now = cx.it.world.as_deref().map(|w| w.now_ticks).unwrap_or(crate::sim::DEFAULT_START_TICKS);
    let msg = format!("{e}\n\nStatus: {}\nErrorCode: {}\nDate: {}", e.status(), e.code(), clock::iso(now).trim_end_matches('Z'));
    let fqid = format!("{},Microsoft.Graph.PowerShell.Cmdlets.{compact}", e.code());
    ErrorRecord::new("System.Exception", msg, &fqid, e.category()).at(cx.file, cx.span).for_command(&name)
}

fn fail(cx: &mut Cx, e: GraphError) -> R {
    let rec = graph_record(cx, &e);
    cx.write_error(rec)
}

/// Scopes that allow an operation: any of them (Directory.* cover everything).
fn scope_ok(cx: &Cx, any_of: &[&str]) -> bool {
    let scopes = &cx.it.session.graph_scopes;
    if scopes.iter().any(|s| s == ".default") {
        return true;
    }
    any_of.iter().chain(["Directory.ReadWrite.All"].iter()).any(|a| scopes.iter().any(|s| s.eq_ignore_ascii_case(a)))
}

/// The connected tenant, or the SDK's error. `scopes`: what the operation needs.
fn tenant(cx: &mut Cx, scopes: &[&str]) -> Result<usize, R> {
    let Some(conn) = cx.it.session.graph.clone() else {
        let name = sdk_name(cx);
        let rec = ErrorRecord::new(
            "System.Management.Automation.PSInvalidOperationException",
            "Authentication needed. Please call Connect-MgGraph.",
            &format!("Microsoft.Graph.PowerShell.Cmdlets.{}", name.replace('-', "")),
            "InvalidOperation",
        )
        .at(cx.file, cx.span)
        .for_command(&name);
        return Err(cx.write_error(rec));
    };
    register_views();
    if !scopes.is_empty() && !scope_ok(cx, scopes) {
        return Err(fail(cx, GraphError::Forbidden));
    }
    match cx.it.world_mut().tenant_index(&conn.tenant) {
        Some(t) => Ok(t),
        None => Err(fail(cx, GraphError::TenantNotFound(conn.tenant))),
    }
}

macro_rules! tenant_or_return {
    ($cx:expr, $scopes:expr) => {
        match tenant($cx, $scopes) {
            Ok(t) => t,
            Err(r) => return r,
        }
    };
}

const READ_USERS: &[&str] = &["User.Read.All", "User.ReadWrite.All", "User.ReadBasic.All", "Directory.Read.All"];
const WRITE_USERS: &[&str] = &["User.ReadWrite.All"];
const READ_APPS: &[&str] = &["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All"];
const WRITE_APPS: &[&str] = &["Application.ReadWrite.All"];
const READ_ORG: &[&str] = &["Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "User.Read"];
const WRITE_GROUPS: &[&str] = &["Group.ReadWrite.All"];

fn world<'a>(cx: &'a mut Cx) -> &'a mut World {
    cx.it.world_mut()
}

fn emit_all(cx: &mut Cx, values: Vec<Value>) -> R {
    for v in values {
        cx.emit(v)?;
    }
    Ok(())
}

/// A value of a hashtable or object by key (case-insensitive).
fn field(v: &Value, key: &str) -> Option<Value> {
    match v {
        Value::Hashtable(h) => h.borrow().iter().find(|(k, _)| to_display_string(k).eq_ignore_ascii_case(key)).map(|(_, x)| x.clone()),
        Value::Object(o) => o.borrow().get_value(key),
        _ => None,
    }
    .filter(|x| !x.is_null())
}

fn list_of(v: Option<Value>) -> Vec<Value> {
    match v {
        None => Vec::new(),
        Some(v) => v.enumerate().unwrap_or_else(|| vec![v]),
    }
}

/// `appId eq 'x'`, `displayName eq 'x'`, `startswith(displayName,'x')`: (property, value, prefix?).
fn parse_filter(f: &str) -> Result<Vec<(String, String, bool)>, GraphError> {
    let mut out = Vec::new();
    for term in f.split(" and ").flat_map(|x| x.split(" AND ")) {
        let term = term.trim();
        if let Some(rest) = term.strip_prefix("startswith(").or_else(|| term.strip_prefix("startsWith(")) {
            let inner = rest.trim_end_matches(')');
            let (p, v) = inner.split_once(',').ok_or_else(|| GraphError::BadFilter(f.to_string()))?;
            out.push((p.trim().to_string(), v.trim().trim_matches('\'').to_string(), true));
            continue;
        }
        let parts: Vec<&str> = term.splitn(3, ' ').collect();
        if parts.len() != 3 || !parts[1].eq_ignore_ascii_case("eq") {
            return Err(GraphError::BadFilter(f.to_string()));
        }
        out.push((parts[0].to_string(), parts[2].trim().trim_matches('\'').to_string(), false));
    }
    Ok(out)
}

fn filter_ok(terms: &[(String, String, bool)], get: impl Fn(&str) -> Option<String>) -> bool {
    terms.iter().all(|(p, v, prefix)| {
        let actual = get(&p.to_ascii_lowercase()).unwrap_or_default();
        if *prefix { actual.to_ascii_lowercase().starts_with(&v.to_ascii_lowercase()) } else { actual.eq_ignore_ascii_case(v) }
    })
}

// ───────────────────────────── connection ─────────────────────────────

const WELCOME: &str = "Welcome to Microsoft Graph!

Connected via delegated access using 14d82eec-204b-4c2f-b7e8-296a70dab67e
Readme: https://aka.ms/graph/sdk/powershell
SDK Docs: https://aka.ms/graph/sdk/powershell/docs
API Docs: https://aka.ms/graph/docs

NOTE: You can use the -NoWelcome parameter to suppress this message.
";

fn connect(cx: &mut Cx) -> R {
    let tenant_arg = cx.string("TenantId");
    let scopes: Vec<String> =
        cx.strings("Scopes").iter().flat_map(|s| s.split(',').map(|x| x.trim().to_string()).collect::<Vec<_>>()).filter(|s| !s.is_empty()).collect();
    let app_only = cx.set_name() != "UserParameterSet";
    let no_welcome = cx.switch("NoWelcome");
    let w = world(cx);
    let found = tenant_arg.as_deref().and_then(|t| w.tenant_by_domain(t));
    let t = match (tenant_arg, found) {
        (_, Some(t)) => t,
        (None, None) => {
            let rec = ErrorRecord::new(
                "System.InvalidOperationException",
                "tenantsim has no interactive sign-in: use Connect-MgGraph -TenantId <tenant id or domain> -Scopes <scopes>.",
                "InvalidOperation,Microsoft.Graph.PowerShell.Authentication.Cmdlets.ConnectMgGraph",
                "InvalidOperation",
            )
            .at(cx.file, cx.span)
            .for_command(cx.invoked_as);
            return Err(cx.terminate(rec));
        }
        (Some(x), None) => {
            let e = GraphError::TenantNotFound(x);
            let rec = ErrorRecord::new(
                "Azure.Identity.AuthenticationFailedException",
                e.to_string(),
                "Microsoft.Graph.PowerShell.Authentication.Cmdlets.ConnectMgGraph",
                "AuthenticationError",
            )
            .at(cx.file, cx.span)
            .for_command(cx.invoked_as);
            return Err(cx.terminate(rec));
        }
    };
    let tn = &w.tenants[t];
    cx.it.session.graph = Some(Connection { tenant: tn.name.clone(), account: if app_only { String::new() } else { tn.admin_account() } });
    cx.it.session.graph_scopes = if app_only {
        vec![".default".into()]
    } else if scopes.is_empty() {
        vec!["openid".into(), "profile".into(), "User.Read".into(), "email".into()]
    } else {
        scopes
    };
    if !no_welcome {
        cx.it.host.write_line(WELCOME);
    }
    Ok(())
}

fn disconnect(cx: &mut Cx) -> R {
    cx.it.session.graph = None;
    cx.it.session.graph_scopes.clear();
    Ok(())
}

fn get_context(cx: &mut Cx) -> R {
    let Some(conn) = cx.it.session.graph.clone() else { return Ok(()) };
    let scopes = cx.it.session.graph_scopes.clone();
    let tid = world(cx).tenant_index(&conn.tenant).map(|t| world(cx).tenants[t].tenant_id.clone()).unwrap_or_default();
    let mut o = PsObject::typed("Microsoft.Graph.PowerShell.Authentication.AuthContext");
    put(&mut o, "ClientId", text("14d82eec-204b-4c2f-b7e8-296a70dab67e"));
    put(&mut o, "TenantId", Value::string(tid));
    put(&mut o, "Scopes", strs(&scopes));
    put(&mut o, "AuthType", text(if conn.account.is_empty() { "AppOnly" } else { "Delegated" }));
    put(&mut o, "Account", Value::string(conn.account));
    put(&mut o, "Environment", text("Global"));
    cx.emit(o.into_value())
}

// ───────────────────────────── organization, SKUs ─────────────────────────────

fn get_organization(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, READ_ORG);
    let tn = &world(cx).tenants[t];
    let mut o = obj("MicrosoftGraphOrganization");
    put(&mut o, "Id", Value::str(&tn.tenant_id));
    put(&mut o, "DisplayName", Value::str(&tn.display_name));
    put(&mut o, "BusinessPhones", Value::array(Vec::new()));
    put(&mut o, "PostalCode", Value::Null);
    put(&mut o, "CountryLetterCode", text("US"));
    put(&mut o, "TenantType", text("AAD"));
    let domains: Vec<Value> = tn
        .accepted_domains()
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut v = obj("MicrosoftGraphVerifiedDomain");
            put(&mut v, "Capabilities", text("Email, OfficeCommunicationsOnline"));
            put(&mut v, "IsDefault", Value::Bool(i == 0));
            put(&mut v, "IsInitial", Value::Bool(i == 0));
            put(&mut v, "Name", Value::str(d));
            put(&mut v, "Type", text("Managed"));
            v.to_string = Some(Rc::from(format!("{NS}.MicrosoftGraphVerifiedDomain")));
            v.into_value()
        })
        .collect();
    put(&mut o, "VerifiedDomains", Value::array(domains));
    cx.emit(o.into_value())
}

fn consumed(tn: &Tenant, part: &str) -> i64 {
    tn.directory.users.iter().filter(|u| u.licenses.iter().any(|l| l.eq_ignore_ascii_case(part))).count() as i64
}

fn plan_objects(part: &str, disabled: &[String]) -> Value {
    Value::array(
        model::service_plans(part)
            .iter()
            .map(|p| {
                let mut o = obj("MicrosoftGraphServicePlanInfo");
                put(&mut o, "AppliesTo", text("User"));
                put(&mut o, "ProvisioningStatus", text(if disabled.iter().any(|d| d.eq_ignore_ascii_case(&p.id)) { "Disabled" } else { "Success" }));
                put(&mut o, "ServicePlanId", guid(&p.id));
                put(&mut o, "ServicePlanName", Value::str(p.name));
                o.into_value()
            })
            .collect(),
    )
}

fn get_subscribed_sku(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, &["Organization.Read.All", "Directory.Read.All", "LicenseAssignment.Read.All", "LicenseAssignment.ReadWrite.All"]);
    let tn = &world(cx).tenants[t];
    let out: Vec<Value> = SKUS
        .iter()
        .map(|s| {
            let used = consumed(tn, s.part_number);
            let mut prepaid = obj("MicrosoftGraphLicenseUnitsDetail");
            put(&mut prepaid, "Enabled", Value::Long(used.max(25)));
            put(&mut prepaid, "LockedOut", Value::Long(0));
            put(&mut prepaid, "Suspended", Value::Long(0));
            put(&mut prepaid, "Warning", Value::Long(0));
            let mut o = obj("MicrosoftGraphSubscribedSku");
            put(&mut o, "AppliesTo", text("User"));
            put(&mut o, "CapabilityStatus", text("Enabled"));
            put(&mut o, "ConsumedUnits", Value::Long(used));
            put(&mut o, "Id", Value::string(format!("{}_{}", tn.tenant_id, s.sku_id)));
            put(&mut o, "PrepaidUnits", prepaid.into_value());
            put(&mut o, "ServicePlans", plan_objects(s.part_number, &[]));
            put(&mut o, "SkuId", guid(s.sku_id));
            put(&mut o, "SkuPartNumber", Value::str(s.part_number));
            o.into_value()
        })
        .collect();
    emit_all(cx, out)
}

// ───────────────────────────── service principals, applications ─────────────────────────────

fn sp_object(sp: &model::ServicePrincipal) -> Value {
    let mut o = obj("MicrosoftGraphServicePrincipal");
    put(&mut o, "DisplayName", Value::str(&sp.display_name));
    put(&mut o, "Id", Value::str(&sp.id));
    put(&mut o, "AppId", Value::str(&sp.app_id));
    put(&mut o, "SignInAudience", Value::str(&sp.sign_in_audience));
    put(&mut o, "ServicePrincipalType", text("Application"));
    put(&mut o, "AppOwnerOrganizationId", Value::str(&sp.app_owner_tenant_id));
    put(&mut o, "AccountEnabled", Value::Bool(true));
    put(&mut o, "ReplyUrls", strs(&sp.reply_urls));
    let roles: Vec<Value> = sp
        .app_roles
        .iter()
        .map(|r| {
            let mut x = obj("MicrosoftGraphAppRole");
            put(&mut x, "AllowedMemberTypes", strs(&r.allowed_member_types));
            put(&mut x, "Description", Value::str(&r.description));
            put(&mut x, "DisplayName", Value::str(&r.display_name));
            put(&mut x, "Id", Value::str(&r.id));
            put(&mut x, "IsEnabled", Value::Bool(true));
            put(&mut x, "Origin", text("Application"));
            put(&mut x, "Value", Value::str(&r.value));
            x.to_string = Some(Rc::from(format!("{NS}.MicrosoftGraphAppRole")));
            x.into_value()
        })
        .collect();
    put(&mut o, "AppRoles", Value::array(roles));
    o.into_value()
}

fn get_service_principal(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, READ_APPS);
    let id = cx.string("ServicePrincipalId");
    let filter = cx.string("Filter");
    let terms = match filter.as_deref().map(parse_filter).transpose() {
        Ok(x) => x.unwrap_or_default(),
        Err(e) => return fail(cx, e),
    };
    let tn = &world(cx).tenants[t];
    let sps = &tn.graph.service_principals;
    if let Some(id) = id {
        return match sps.iter().find(|s| s.id.eq_ignore_ascii_case(&id)) {
            Some(s) => {
                let v = sp_object(s);
                cx.emit(v)
            }
            None => fail(cx, GraphError::NotFound(id)),
        };
    }
    let out: Vec<Value> = sps
        .iter()
        .filter(|s| {
            filter_ok(&terms, |p| match p {
                "appid" => Some(s.app_id.clone()),
                "displayname" => Some(s.display_name.clone()),
                "id" => Some(s.id.clone()),
                "serviceprincipaltype" => Some("Application".into()),
                _ => None,
            })
        })
        .map(sp_object)
        .collect();
    emit_all(cx, out)
}

fn new_service_principal(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, WRITE_APPS);
    let app_id = cx.string("AppId").or_else(|| cx.get("BodyParameter").and_then(|b| field(b, "AppId")).map(|v| to_display_string(&v))).unwrap_or_default();
    match world(cx).new_service_principal(t, &app_id) {
        Ok(i) => {
            let v = sp_object(&world(cx).tenants[t].graph.service_principals[i]);
            cx.emit(v)
        }
        Err(e) => fail(cx, e),
    }
}

fn password_object(p: &model::PasswordCredential, with_secret: bool) -> Value {
    let mut o = obj("MicrosoftGraphPasswordCredential");
    put(&mut o, "CustomKeyIdentifier", Value::Null);
    put(&mut o, "DisplayName", p.display_name.as_deref().map(Value::str).unwrap_or(Value::Null));
    put(&mut o, "EndDateTime", date(p.end));
    put(&mut o, "Hint", Value::str(&p.hint));
    put(&mut o, "KeyId", Value::str(&p.key_id));
    put(&mut o, "SecretText", if with_secret { Value::str(&p.secret) } else { Value::Null });
    put(&mut o, "StartDateTime", date(p.start));
    o.into_value()
}

fn app_object(tn: &Tenant, a: &model::Application) -> Value {
    let mut o = obj("MicrosoftGraphApplication");
    put(&mut o, "DisplayName", Value::str(&a.display_name));
    put(&mut o, "Id", Value::str(&a.id));
    put(&mut o, "AppId", Value::str(&a.app_id));
    put(&mut o, "SignInAudience", Value::str(&a.sign_in_audience));
    put(&mut o, "PublisherDomain", Value::string(tn.initial_domain()));
    put(&mut o, "CreatedDateTime", date(a.created));
    let mut web = obj("MicrosoftGraphWebApplication");
    put(&mut web, "RedirectUris", strs(&a.redirect_uris));
    put(&mut web, "HomePageUrl", Value::Null);
    put(&mut web, "LogoutUrl", Value::Null);
    web.to_string = Some(Rc::from(format!("{NS}.MicrosoftGraphWebApplication")));
    put(&mut o, "Web", web.into_value());
    let rra: Vec<Value> = a
        .required
        .iter()
        .map(|r| {
            let mut x = obj("MicrosoftGraphRequiredResourceAccess");
            put(&mut x, "ResourceAppId", Value::str(&r.resource_app_id));
            let access: Vec<Value> = r
                .access
                .iter()
                .map(|ra| {
                    let mut y = obj("MicrosoftGraphResourceAccess");
                    put(&mut y, "Id", Value::str(&ra.id));
                    put(&mut y, "Type", Value::str(&ra.kind));
                    y.to_string = Some(Rc::from(format!("{NS}.MicrosoftGraphResourceAccess")));
                    y.into_value()
                })
                .collect();
            put(&mut x, "ResourceAccess", Value::array(access));
            x.to_string = Some(Rc::from(format!("{NS}.MicrosoftGraphRequiredResourceAccess")));
            x.into_value()
        })
        .collect();
    put(&mut o, "RequiredResourceAccess", Value::array(rra));
    put(&mut o, "PasswordCredentials", Value::array(a.passwords.iter().map(|p| password_object(p, false)).collect()));
    o.into_value()
}

fn get_application(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, READ_APPS);
    let id = cx.string("ApplicationId");
    let terms = match cx.string("Filter").as_deref().map(parse_filter).transpose() {
        Ok(x) => x.unwrap_or_default(),
        Err(e) => return fail(cx, e),
    };
    let tn = &world(cx).tenants[t];
    if let Some(id) = id {
        return match tn.graph.app_by_id(&id) {
            Some(i) => {
                let v = app_object(tn, &tn.graph.applications[i]);
                cx.emit(v)
            }
            None => fail(cx, GraphError::NotFound(id)),
        };
    }
    let out: Vec<Value> = tn
        .graph
        .applications
        .iter()
        .filter(|a| {
            filter_ok(&terms, |p| match p {
                "appid" => Some(a.app_id.clone()),
                "displayname" => Some(a.display_name.clone()),
                "id" => Some(a.id.clone()),
                "signinaudience" => Some(a.sign_in_audience.clone()),
                _ => None,
            })
        })
        .map(|a| app_object(tn, a))
        .collect();
    emit_all(cx, out)
}

/// `@{ResourceAppId=…; ResourceAccess=@(@{Id=…; Type='Role'})}` → RequiredResource.
fn required_resources(values: Vec<Value>) -> Result<Vec<RequiredResource>, GraphError> {
    let mut out = Vec::new();
    for v in values {
        let app = field(&v, "ResourceAppId")
            .map(|x| to_display_string(&x))
            .ok_or_else(|| GraphError::BadProperty("resourceAppId".into(), "requiredResourceAccess".into()))?;
        let mut access = Vec::new();
        for a in list_of(field(&v, "ResourceAccess")) {
            let id = field(&a, "Id").map(|x| to_display_string(&x)).ok_or_else(|| GraphError::BadProperty("id".into(), "resourceAccess".into()))?;
            let kind = field(&a, "Type").map(|x| to_display_string(&x)).unwrap_or_else(|| "Scope".into());
            if !kind.eq_ignore_ascii_case("Role") && !kind.eq_ignore_ascii_case("Scope") {
                return Err(GraphError::BadProperty("type".into(), "resourceAccess".into()));
            }
            access.push(ResourceAccess {
                id: id.trim().to_ascii_lowercase(),
                kind: if kind.eq_ignore_ascii_case("Role") { "Role".into() } else { "Scope".into() },
            });
        }
        out.push(RequiredResource { resource_app_id: app.trim().to_ascii_lowercase(), access });
    }
    Ok(out)
}

fn new_application(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, WRITE_APPS);
    let body = cx.get("BodyParameter").cloned();
    let get = |cx: &Cx, name: &str| cx.get(name).cloned().filter(|v| !v.is_null()).or_else(|| body.as_ref().and_then(|b| field(b, name)));
    let display = get(cx, "DisplayName").map(|v| to_display_string(&v));
    let Some(display) = display else {
        return fail(cx, GraphError::BadProperty("displayName".into(), "application".into()));
    };
    let audience = get(cx, "SignInAudience").map(|v| to_display_string(&v));
    let redirect: Vec<String> = get(cx, "Web").map(|w| list_of(field(&w, "RedirectUris")).iter().map(to_display_string).collect()).unwrap_or_default();
    let required = match required_resources(list_of(get(cx, "RequiredResourceAccess"))) {
        Ok(r) => r,
        Err(e) => return fail(cx, e),
    };
    let spec = NewApp { display_name: display, sign_in_audience: audience, redirect_uris: redirect, required };
    let w = world(cx);
    match w.new_application(t, spec) {
        Ok(i) => {
            let tn = &w.tenants[t];
            let v = app_object(tn, &tn.graph.applications[i]);
            cx.emit(v)
        }
        Err(e) => fail(cx, e),
    }
}

fn add_password(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, WRITE_APPS);
    let app = cx.string("ApplicationId").unwrap_or_default();
    let pc = cx.get("PasswordCredential").cloned().or_else(|| cx.get("BodyParameter").and_then(|b| field(b, "PasswordCredential")));
    let display = pc.as_ref().and_then(|p| field(p, "DisplayName")).map(|v| to_display_string(&v));
    let end = pc.as_ref().and_then(|p| field(p, "EndDateTime")).and_then(|v| match v {
        Value::DateTime(d) => Some(d.ticks()),
        other => clock::parse_iso(&to_display_string(&other)),
    });
    match world(cx).add_password(t, &app, display, end) {
        Ok(p) => cx.emit(password_object(&p, true)),
        Err(e) => fail(cx, e),
    }
}

// ───────────────────────────── users, licences ─────────────────────────────

fn user_object(tn: &Tenant, u: &directory::User) -> Value {
    let mail = tn.exo.by_external(&u.object_id).map(|r| tn.exo.recipients[r].primary_smtp.clone()).or_else(|| u.mail.clone());
    let (given, surname) = match u.display_name.split_once(' ') {
        Some((g, s)) => (Value::str(g), Value::str(s)),
        None => (Value::Null, Value::Null),
    };
    let mut o = obj("MicrosoftGraphUser");
    put(&mut o, "Id", Value::str(&u.object_id));
    put(&mut o, "DisplayName", Value::str(&u.display_name));
    put(&mut o, "Mail", mail.map(Value::string).unwrap_or(Value::Null));
    put(&mut o, "UserPrincipalName", Value::str(&u.upn));
    put(&mut o, "UserType", text(if u.user_type == directory::UserType::Guest { "Guest" } else { "Member" }));
    put(&mut o, "GivenName", given);
    put(&mut o, "Surname", surname);
    put(&mut o, "AccountEnabled", Value::Bool(u.account_enabled));
    put(&mut o, "UsageLocation", u.usage_location.as_deref().map(Value::str).unwrap_or(Value::Null));
    put(&mut o, "MailNickname", Value::string(crate::sim::exchange::alias_from(&u.upn)));
    let lic: Vec<Value> = u
        .licenses
        .iter()
        .filter_map(|l| directory::sku(l))
        .map(|s| {
            let mut x = obj("MicrosoftGraphAssignedLicense");
            let plans: Vec<String> = model::service_plans(s.part_number)
                .iter()
                .filter(|p| u.disabled_plans.iter().any(|d| d.eq_ignore_ascii_case(&p.id)))
                .map(|p| p.id.clone())
                .collect();
            put(&mut x, "DisabledPlans", strs(&plans));
            put(&mut x, "SkuId", Value::str(s.sku_id));
            x.to_string = Some(Rc::from(format!("{NS}.MicrosoftGraphAssignedLicense")));
            x.into_value()
        })
        .collect();
    put(&mut o, "AssignedLicenses", Value::array(lic));
    put(&mut o, "BusinessPhones", Value::array(Vec::new()));
    o.into_value()
}

/// A user by object id or UPN.
fn get_user(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, READ_USERS);
    let id = cx.string("UserId");
    let top = cx.int("Top");
    let terms = match cx.string("Filter").as_deref().map(parse_filter).transpose() {
        Ok(x) => x.unwrap_or_default(),
        Err(e) => return fail(cx, e),
    };
    let tn = &world(cx).tenants[t];
    if let Some(id) = id {
        return match tn.graph_user(&id) {
            Some(i) => {
                let v = user_object(tn, &tn.directory.users[i]);
                cx.emit(v)
            }
            None => fail(cx, GraphError::NotFound(id)),
        };
    }
    let mut out: Vec<Value> = tn
        .directory
        .users
        .iter()
        .filter(|u| {
            filter_ok(&terms, |p| match p {
                "userprincipalname" => Some(u.upn.clone()),
                "displayname" => Some(u.display_name.clone()),
                "id" => Some(u.object_id.clone()),
                "mail" => tn.exo.by_external(&u.object_id).map(|r| tn.exo.recipients[r].primary_smtp.clone()),
                "usertype" => Some(if u.user_type == directory::UserType::Guest { "Guest".into() } else { "Member".into() }),
                _ => None,
            })
        })
        .map(|u| user_object(tn, u))
        .collect();
    // Without -All the service returns one page (100 users).
    let page = top.map(|n| n.max(0) as usize).unwrap_or(if cx.switch("All") { usize::MAX } else { 100 });
    out.truncate(page);
    emit_all(cx, out)
}

fn new_user(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, WRITE_USERS);
    let body = cx.get("BodyParameter").cloned();
    let get = |cx: &Cx, name: &str| cx.get(name).cloned().filter(|v| !v.is_null()).or_else(|| body.as_ref().and_then(|b| field(b, name)));
    let spec = NewGraphUser {
        user_principal_name: get(cx, "UserPrincipalName").map(|v| to_display_string(&v)),
        display_name: get(cx, "DisplayName").map(|v| to_display_string(&v)),
        mail_nickname: get(cx, "MailNickname").map(|v| to_display_string(&v)),
        password_profile: get(cx, "PasswordProfile").is_some(),
        account_enabled: get(cx, "AccountEnabled").map(|v| to_bool(&v)),
        usage_location: get(cx, "UsageLocation").map(|v| to_display_string(&v)),
    };
    match world(cx).graph_new_user(t, spec) {
        Ok(i) => {
            let tn = &world(cx).tenants[t];
            let v = user_object(tn, &tn.directory.users[i]);
            cx.emit(v)
        }
        Err(e) => fail(cx, e),
    }
}

fn update_user(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, WRITE_USERS);
    let id = cx.string("UserId").unwrap_or_default();
    let body = cx.get("BodyParameter").cloned();
    let get = |cx: &Cx, name: &str| cx.get(name).cloned().filter(|v| !v.is_null()).or_else(|| body.as_ref().and_then(|b| field(b, name)));
    let change = GraphUserUpdate {
        user_principal_name: get(cx, "UserPrincipalName").map(|v| to_display_string(&v)),
        display_name: get(cx, "DisplayName").map(|v| to_display_string(&v)),
        account_enabled: get(cx, "AccountEnabled").map(|v| to_bool(&v)),
        usage_location: get(cx, "UsageLocation").map(|v| to_display_string(&v)),
    };
    match world(cx).graph_update_user(t, &id, change) {
        Ok(_) => Ok(()),
        Err(e) => fail(cx, e),
    }
}

fn set_license(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, &["User.ReadWrite.All", "LicenseAssignment.ReadWrite.All"]);
    let id = cx.string("UserId").unwrap_or_default();
    let body = cx.get("BodyParameter").cloned();
    let add = list_of(cx.get("AddLicenses").cloned().filter(|v| !v.is_null()).or_else(|| body.as_ref().and_then(|b| field(b, "AddLicenses"))));
    let remove = list_of(cx.get("RemoveLicenses").cloned().filter(|v| !v.is_null()).or_else(|| body.as_ref().and_then(|b| field(b, "RemoveLicenses"))));
    let change = LicenseChange {
        add: add
            .iter()
            .map(|a| {
                let sku = field(a, "SkuId").map(|v| to_display_string(&v)).unwrap_or_default();
                (sku, list_of(field(a, "DisabledPlans")).iter().map(to_display_string).collect())
            })
            .collect(),
        remove: remove.iter().map(to_display_string).collect(),
    };
    match world(cx).assign_licenses(t, &id, change) {
        Ok(i) => {
            let tn = &world(cx).tenants[t];
            let v = user_object(tn, &tn.directory.users[i]);
            cx.emit(v)
        }
        Err(e) => fail(cx, e),
    }
}

fn get_license_detail(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, READ_USERS);
    let id = cx.string("UserId").unwrap_or_default();
    let tn = &world(cx).tenants[t];
    let Some(i) = tn.graph_user(&id) else { return fail(cx, GraphError::NotFound(id)) };
    let u = &tn.directory.users[i];
    let out: Vec<Value> = u
        .licenses
        .iter()
        .filter_map(|l| directory::sku(l))
        .map(|s| {
            let mut o = obj("MicrosoftGraphLicenseDetails");
            put(&mut o, "Id", Value::string(format!("{}_{}", u.object_id, s.sku_id)));
            put(&mut o, "SkuId", Value::str(s.sku_id));
            put(&mut o, "SkuPartNumber", Value::str(s.part_number));
            put(&mut o, "ServicePlans", plan_objects(s.part_number, &u.disabled_plans));
            o.into_value()
        })
        .collect();
    emit_all(cx, out)
}

// ───────────────────────────── groups ─────────────────────────────

fn group_object(tn: &Tenant, g: &directory::Group) -> Value {
    let mut o = obj("MicrosoftGraphGroup");
    put(&mut o, "DisplayName", Value::str(&g.display_name));
    put(&mut o, "Id", Value::str(&g.object_id));
    put(&mut o, "MailNickname", Value::str(&g.alias));
    put(&mut o, "Description", Value::Null);
    put(&mut o, "GroupTypes", strs(if g.kind == GroupKind::Unified { &["Unified"][..] } else { &[][..] }));
    put(&mut o, "MailEnabled", Value::Bool(!matches!(g.kind, GroupKind::Security)));
    put(&mut o, "SecurityEnabled", Value::Bool(matches!(g.kind, GroupKind::Security | GroupKind::MailEnabledSecurity)));
    let mail = tn.exo.by_external(&g.object_id).map(|r| tn.exo.recipients[r].primary_smtp.clone());
    put(&mut o, "Mail", mail.map(Value::string).unwrap_or(Value::Null));
    o.into_value()
}

fn new_group(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, WRITE_GROUPS);
    let body = cx.get("BodyParameter").cloned();
    let get = |cx: &Cx, name: &str| cx.get(name).cloned().filter(|v| !v.is_null()).or_else(|| body.as_ref().and_then(|b| field(b, name)));
    let spec = NewGraphGroup {
        display_name: get(cx, "DisplayName").map(|v| to_display_string(&v)).unwrap_or_default(),
        mail_nickname: get(cx, "MailNickname").map(|v| to_display_string(&v)).unwrap_or_default(),
        mail_enabled: get(cx, "MailEnabled").map(|v| to_bool(&v)).unwrap_or(false),
        security_enabled: get(cx, "SecurityEnabled").map(|v| to_bool(&v)).unwrap_or(false),
        unified: list_of(get(cx, "GroupTypes")).iter().any(|v| to_display_string(v).eq_ignore_ascii_case("Unified")),
    };
    match world(cx).graph_new_group(t, spec) {
        Ok(g) => {
            let tn = &world(cx).tenants[t];
            let v = group_object(tn, &tn.directory.groups[g]);
            cx.emit(v)
        }
        Err(e) => fail(cx, e),
    }
}

fn new_group_member(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx, &["GroupMember.ReadWrite.All", "Group.ReadWrite.All"]);
    let gid = cx.string("GroupId").unwrap_or_default();
    let member = cx.string("DirectoryObjectId").unwrap_or_default();
    match world(cx).graph_add_group_member(t, &gid, &member) {
        Ok(()) => Ok(()),
        Err(e) => fail(cx, e),
    }
}
