//! Exchange Online cmdlets (ExchangeOnlineManagement): thin translations between bound
//! parameters, the simulation (`sim::exchange`, `sim::exchange_migration`) and output objects.
//!
//! * The cmdlets exist only after Connect-ExchangeOnline (see `cmdlets::lookup`); with
//!   `-Prefix X` they are `Verb-XNoun` and run against that connection's tenant
//!   (`cx.info.prefix`). Several connections (two tenants) can be open at once.
//! * The connected account's directory roles decide which cmdlets exist (Exchange RBAC):
//!   Global / Exchange Administrator = Organization Management (everything); Exchange
//!   Recipient Administrator = Recipient Management (recipients, Move Mailboxes, migration, but
//!   no organization relationships or organization settings); other accounts get none.
//! * Errors are written as EXO V3 writes them: non-terminating, category mostly NotSpecified,
//!   FullyQualifiedErrorId `[Server=…,RequestId=…,TimeStamp=…] [FailureCategory=Cmdlet-<Exception>]
//!   <hex>,Microsoft.Exchange.Management.<Area>.<Class>`.
//! * Output types and property names are the service's (`Microsoft.Exchange.Data.*`), with the
//!   default table views EXO's format data declares.

use std::rc::Rc;

use crate::cmdlets::{ExoConnection, Make, put, text};
use crate::engine::commands::{Cmdlet, Cx, FnCmdlet};
use crate::engine::convert::{to_bool, to_display_string};
use crate::engine::datetime::{DateKind, DateTime};
use crate::engine::error::{ErrorRecord, R};
use crate::engine::interp::Interp;
use crate::engine::value::{PsObject, Value, parse_guid};
use crate::sim::directory;
use crate::sim::exchange::{
    self as exo, ArchiveStatus, ExoError, MAILBOX_QUOTA_GB, MailboxPermission, MoveCapability, Recipient, RecipientKind, RelationshipChange, ZERO_GUID,
    byte_size, domain_of,
};
use crate::sim::exchange_admin::{self as admin, MultiChange, RoleGroup};
use crate::sim::exchange_migration::{self as mig, MbxPhase, MoveStatus, NewBatch, NewEndpoint, UserStatus};
use crate::sim::tenant::Tenant;
use crate::sim::{World, clock, ids};

macro_rules! simple {
    ($f:path) => {{
        fn make() -> Box<dyn Cmdlet> {
            Box::new(FnCmdlet($f))
        }
        make as Make
    }};
}

pub const CMDLETS: &[(&str, Make)] = &[
    ("Connect-ExchangeOnline", simple!(connect)),
    ("Disconnect-ExchangeOnline", simple!(disconnect)),
    ("Get-OrganizationConfig", simple!(get_org_config)),
    ("Enable-OrganizationCustomization", simple!(enable_customization)),
    ("Get-AcceptedDomain", simple!(get_accepted_domain)),
    ("Get-OrganizationRelationship", simple!(get_relationship)),
    ("New-OrganizationRelationship", simple!(new_relationship)),
    ("Set-OrganizationRelationship", simple!(set_relationship)),
    ("Remove-OrganizationRelationship", simple!(remove_relationship)),
    ("Get-MigrationEndpoint", simple!(get_endpoint)),
    ("New-MigrationEndpoint", simple!(new_endpoint)),
    ("Set-MigrationEndpoint", simple!(set_endpoint)),
    ("Remove-MigrationEndpoint", simple!(remove_endpoint)),
    ("Test-MigrationServerAvailability", simple!(test_server)),
    ("Get-MigrationBatch", simple!(get_batch)),
    ("New-MigrationBatch", simple!(new_batch)),
    ("Start-MigrationBatch", simple!(start_batch)),
    ("Stop-MigrationBatch", simple!(stop_batch)),
    ("Complete-MigrationBatch", simple!(complete_batch)),
    ("Set-MigrationBatch", simple!(set_batch)),
    ("Remove-MigrationBatch", simple!(remove_batch)),
    ("Get-MigrationUser", simple!(get_migration_user)),
    ("Remove-MigrationUser", simple!(remove_migration_user)),
    ("Get-MigrationUserStatistics", simple!(get_migration_user_stats)),
    ("Get-MoveRequest", simple!(get_move_request)),
    ("Get-MoveRequestStatistics", simple!(get_move_request_stats)),
    ("Get-Mailbox", simple!(get_mailbox)),
    ("Set-Mailbox", simple!(set_mailbox)),
    ("Enable-Mailbox", simple!(enable_mailbox)),
    ("Get-MailUser", simple!(get_mail_user)),
    ("New-MailUser", simple!(new_mail_user)),
    ("Set-MailUser", simple!(set_mail_user)),
    ("Get-User", simple!(get_user)),
    ("Set-User", simple!(set_user)),
    ("Get-Recipient", simple!(get_recipient)),
    ("Get-DistributionGroup", simple!(get_group)),
    ("New-DistributionGroup", simple!(new_group)),
    ("Add-DistributionGroupMember", simple!(add_member)),
    ("Get-DistributionGroupMember", simple!(get_members)),
    ("Remove-DistributionGroupMember", simple!(remove_member)),
    ("Get-MailboxPermission", simple!(get_permission)),
    ("Add-MailboxPermission", simple!(add_permission)),
    // Simulation control for the mailbox side (declared in simctl.jsonl).
    ("Set-TenantSimMailbox", simple!(sim_set_mailbox)),
    ("Add-TenantSimMailboxFault", simple!(sim_add_fault)),
];

const T_MAILBOX: &str = "Microsoft.Exchange.Data.Directory.Management.Mailbox";
const T_MAILUSER: &str = "Microsoft.Exchange.Data.Directory.Management.MailUser";
const T_RECIPIENT: &str = "Microsoft.Exchange.Data.Directory.Management.ReducedRecipient";
const T_USER: &str = "Microsoft.Exchange.Data.Directory.Management.User";
const T_GROUP: &str = "Microsoft.Exchange.Data.Directory.Management.DistributionGroup";
const T_ORGCONFIG: &str = "Microsoft.Exchange.Data.Directory.Management.OrganizationConfig";
const T_DOMAIN: &str = "Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomain";
const T_ORGREL: &str = "Microsoft.Exchange.Data.Directory.Management.OrganizationRelationship";
const T_ENDPOINT: &str = "Microsoft.Exchange.Data.Storage.Management.MigrationEndpoint";
const T_BATCH: &str = "Microsoft.Exchange.Data.Storage.Management.MigrationBatch";
const T_MIGUSER: &str = "Microsoft.Exchange.Data.Storage.Management.MigrationUser";
const T_MIGSTATS: &str = "Microsoft.Exchange.Data.Storage.Management.MigrationUserStatistics";
const T_MOVE: &str = "Microsoft.Exchange.Data.Directory.Management.MoveRequest";
const T_MOVESTATS: &str = "Microsoft.Exchange.Data.Directory.Management.MoveRequestStatistics";
const T_PERMISSION: &str = "Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject";
const T_TEST: &str = "Microsoft.Exchange.Migration.TestMigrationServerAvailabilityOutcome";

/// The default views of EXO's format data, registered once.
fn register_views() {
    thread_local! { static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) }; }
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    use crate::engine::format::{register_display, register_table_view};
    let cols = |c: &[&'static str]| c.iter().map(|p| (*p, *p, 0usize, false)).collect::<Vec<_>>();
    register_table_view(T_MAILBOX, &cols(&["Name", "Alias", "Database", "ProhibitSendQuota", "ExternalDirectoryObjectId"]));
    register_table_view(T_MAILUSER, &cols(&["Name", "RecipientType"]));
    register_table_view(T_RECIPIENT, &cols(&["Name", "RecipientType"]));
    register_table_view(T_USER, &cols(&["Name", "RecipientType"]));
    register_table_view(T_GROUP, &cols(&["Name", "DisplayName", "GroupType", "PrimarySmtpAddress"]));
    register_table_view(T_DOMAIN, &cols(&["Name", "DomainName", "DomainType", "Default"]));
    register_table_view(T_ORGREL, &cols(&["Name", "DomainNames", "FreeBusyAccessEnabled", "FreeBusyAccessLevel"]));
    register_table_view(T_ENDPOINT, &cols(&["Identity", "EndpointType", "RemoteServer"]));
    register_table_view(T_BATCH, &cols(&["Identity", "Status", "Type", "TotalCount"]));
    register_table_view(T_MIGUSER, &cols(&["Identity", "Batch", "Status", "LastSyncTime"]));
    register_table_view(
        T_MIGSTATS,
        &[
            ("Identity", "Identity", 0, false),
            ("Batch", "Batch", 0, false),
            ("Status", "Status", 0, false),
            ("Items Synced", "SyncedItemCount", 0, true),
            ("Items Skipped", "SkippedItemCount", 0, true),
        ],
    );
    register_table_view(T_MOVE, &cols(&["DisplayName", "Status", "TargetDatabase"]));
    register_table_view(T_MOVESTATS, &cols(&["DisplayName", "StatusDetail", "TotalMailboxSize", "TotalArchiveSize", "PercentComplete"]));
    register_table_view(T_PERMISSION, &cols(&["Identity", "User", "AccessRights", "IsInherited", "Deny"]));
    register_display(T_TEST, &["RunspaceId", "Result", "Message", "SupportsCutover", "ErrorDetail"]);
}

// ───────────────────────────── plumbing ─────────────────────────────

fn date(ticks: i64) -> Value {
    Value::DateTime(DateTime::from_ticks(ticks, DateKind::Utc))
}
fn opt_date(t: Option<i64>) -> Value {
    t.map(date).unwrap_or(Value::Null)
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
fn opt_str(s: Option<&str>) -> Value {
    s.map(Value::str).unwrap_or(Value::Null)
}
fn opt_bool(cx: &Cx, name: &str) -> Option<bool> {
    cx.get(name).filter(|v| !v.is_null()).map(to_bool)
}

/// An identity argument: an object (piped from a Get- cmdlet) by its Guid or Identity, else text.
pub fn ident(v: &Value) -> String {
    if let Value::Object(o) = v {
        let o = o.borrow();
        for p in ["Guid", "Identity", "Name"] {
            if let Some(x) = o.get_value(p).filter(|x| !x.is_null()) {
                return to_display_string(&x);
            }
        }
    }
    to_display_string(v).trim().to_string()
}

fn ident_param(cx: &Cx, name: &str) -> Option<String> {
    cx.get(name).filter(|v| !v.is_null()).map(ident)
}

/// The connection this cmdlet runs against (its prefix), if any.
fn connection(it: &Interp, prefix: Option<&str>) -> Option<ExoConnection> {
    it.session
        .exo
        .iter()
        .find(|c| match (&c.prefix, prefix) {
            (None, None) => true,
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => false,
        })
        .cloned()
}

/// Does the connection's account hold the role the cmdlet needs? (`cmdlets::lookup` asks, so
/// a cmdlet outside the account's roles does not exist, as in Exchange Online.)
pub fn cmdlet_allowed(it: &Interp, prefix: Option<&str>, name: &str) -> bool {
    let need = admin::required_role_group(name);
    if need == RoleGroup::None {
        return true;
    }
    let (Some(c), Some(w)) = (connection(it, prefix), it.world.as_deref()) else { return true };
    match w.tenant_index(&c.tenant) {
        Some(t) => w.tenants[t].exo_role_group(&c.account) >= need,
        None => false,
    }
}

/// The namespace and class of a cmdlet in the FullyQualifiedErrorId.
fn class_of(name: &str) -> String {
    let (verb, noun) = name.split_once('-').unwrap_or((name, ""));
    let compact = format!("{verb}{noun}");
    let area = match noun.to_ascii_lowercase().as_str() {
        "organizationrelationship" | "acceptedomain" | "accepteddomain" | "organizationconfig" => "SystemConfigurationTasks",
        "organizationcustomization" => return format!("Microsoft.Exchange.Management.Deployment.{compact}Task"),
        "migrationendpoint" | "migrationserveravailability" => "Migration.MigrationService.Endpoint",
        "migrationbatch" => "Migration.MigrationService.Batch",
        "migrationuser" | "migrationuserstatistics" => "Migration.MigrationService.User",
        _ => "RecipientTasks",
    };
    format!("Microsoft.Exchange.Management.{area}.{compact}")
}

/// An error record as Exchange Online writes it.
fn exo_record(cx: &mut Cx, t: Option<usize>, exception: &str, message: &str, category: &'static str) -> ErrorRecord {
    let short = exception.rsplit('.').next().unwrap_or(exception).to_string();
    let name = cx.name().to_string();
    let (server, request, ts) = match t {
        Some(t) => {
            let w = cx.it.world_mut();
            let now = w.now_ticks;
            let tn = &mut w.tenants[t];
            tn.exo.requests += 1;
            let req = ids::guid(&["request", &tn.tenant_id, &tn.exo.requests.to_string()]);
            (tn.exo_server(), req, us_time(now))
        }
        None => ("EXO".into(), ids::guid(&["request", &name]), String::new()),
    };
    let hex = format!("{:08X}", ids::hash(&[&short, &name]) as u32);
    let fqid = format!("[Server={server},RequestId={request},TimeStamp={ts}] [FailureCategory=Cmdlet-{short}] {hex},{}", class_of(&name));
    ErrorRecord::new(exception, message.to_string(), &fqid, category).at(cx.file, cx.span).for_command(cx.invoked_as)
}

/// `1/14/2022 2:38:19 PM` (the service's en-US timestamps).
fn us_time(ticks: i64) -> String {
    match clock::to_chrono(ticks) {
        Some(d) => d.format("%-m/%-d/%Y %-I:%M:%S %p").to_string(),
        None => String::new(),
    }
}

fn fail(cx: &mut Cx, t: Option<usize>, e: &ExoError) -> R {
    let rec = exo_record(cx, t, e.exception(), &e.to_string(), e.category());
    cx.write_error(rec)
}

/// The tenant of this cmdlet's connection (always there: the cmdlet resolves only when it is).
fn tenant(cx: &mut Cx) -> Result<usize, R> {
    let prefix = cx.info.prefix.clone();
    let conn = connection(cx.it, prefix.as_deref());
    let Some(conn) = conn else {
        let rec = exo_record(
            cx,
            None,
            "System.InvalidOperationException",
            "No active Exchange Online connection. Run Connect-ExchangeOnline first.",
            "InvalidOperation",
        );
        return Err(cx.write_error(rec));
    };
    register_views();
    match cx.it.world_mut().tenant_index(&conn.tenant) {
        Some(t) => Ok(t),
        None => {
            let rec =
                exo_record(cx, None, "System.InvalidOperationException", &format!("The organization '{}' no longer exists.", conn.tenant), "InvalidOperation");
            Err(cx.write_error(rec))
        }
    }
}

macro_rules! tenant_or_return {
    ($cx:expr) => {
        match tenant($cx) {
            Ok(t) => t,
            Err(r) => return r,
        }
    };
}

fn world<'a>(cx: &'a mut Cx) -> &'a mut World {
    cx.it.world_mut()
}

fn emit_all(cx: &mut Cx, values: Vec<Value>) -> R {
    for v in values {
        cx.emit(v)?;
    }
    Ok(())
}

/// ResultSize: 1000 by default (with the service's warning when more exist), `Unlimited`.
fn result_size(cx: &Cx) -> Option<usize> {
    match cx.get("ResultSize") {
        None => Some(1000),
        Some(v) => {
            let s = to_display_string(v);
            if s.eq_ignore_ascii_case("unlimited") { None } else { s.trim().parse::<usize>().ok().or(Some(1000)) }
        }
    }
}

fn limit(cx: &mut Cx, mut v: Vec<Value>) -> Result<Vec<Value>, crate::engine::error::Flow> {
    if let Some(n) = result_size(cx) {
        if v.len() > n {
            v.truncate(n);
            if !cx.has("ResultSize") {
                cx.warning("By default, only the first 1000 items are returned. Use the ResultSize parameter to specify the number of items returned. To return all items, specify \"-ResultSize Unlimited\". Be aware that, depending upon the actual number of items, returning all items can take a long time and consume a large amount of memory. Also, we don't recommend storing the results in a variable. Instead, pipe the results to another task or script to perform batch changes.")?;
            }
        }
    }
    Ok(v)
}

// ───────────────────────────── connection ─────────────────────────────

const BANNER: &str = "----------------------------------------------------------------------------------------
This V3 EXO PowerShell module contains new REST API backed Exchange Online cmdlets which doesn't require WinRM for Client-Server communication. You can now run these cmdlets after turning off WinRM Basic Auth in your client machine thus making it more secure.

Unlike the EXO* prefixed cmdlets, the cmdlets in this module support full functional parity with the RPS (V1) cmdlets.

V3 cmdlets in the downloaded module are resilient to transient failures, handling retries and throttling errors inherently.

REST backed EOP and SCC cmdlets are also available in the V3 module. Similar to EXO, the cmdlets can be run without WinRM basic auth enabled.

For more information check https://aka.ms/exov3-module
----------------------------------------------------------------------------------------
";

/// The tenant a domain or tenant id names (initial domain, accepted domain or tenant id).
fn connect(cx: &mut Cx) -> R {
    let prefix = cx.string("Prefix").filter(|p| !p.trim().is_empty());
    let upn = cx.string("UserPrincipalName").or_else(|| {
        cx.get("Credential").and_then(|v| match v {
            Value::Object(o) => o.borrow().get_value("UserName").map(|u| to_display_string(&u)),
            _ => None,
        })
    });
    let org = cx.string("Organization").or_else(|| cx.string("DelegatedOrganization"));
    let app_only = cx.has("AppId") || cx.has("CertificateThumbprint") || cx.has("Certificate") || cx.switch("ManagedIdentity") || cx.has("AccessToken");
    let show_banner = cx.get("ShowBanner").map(to_bool).unwrap_or(true);
    let w = world(cx);
    let domain = org.clone().or_else(|| upn.as_ref().map(|u| domain_of(u)));
    let interactive = upn.is_none() && !app_only;
    let result: Result<ExoConnection, (String, String, &'static str)> = match domain.filter(|_| !interactive) {
        None => Err((
            "System.InvalidOperationException".into(),
            "tenantsim has no interactive sign-in: use Connect-ExchangeOnline -UserPrincipalName <admin UPN> (or -AppId and -Organization for app-only authentication).".into(),
            "InvalidOperation",
        )),
        Some(d) => {
            match w.sign_in(&d, upn.as_deref()) {
                Ok((t, account)) => Ok(ExoConnection { prefix: prefix.clone(), tenant: w.tenants[t].name.clone(), account }),
                Err(e) => Err(("Microsoft.Identity.Client.MsalServiceException".into(), e.to_string(), "AuthenticationError")),
            }
        }
    };
    match result {
        Ok(c) => {
            if show_banner {
                cx.it.host.write_line(BANNER);
            }
            let session = &mut cx.it.session.exo;
            session.retain(|x| !x.prefix.as_deref().map(str::to_ascii_lowercase).eq(&c.prefix.as_deref().map(str::to_ascii_lowercase)));
            session.push(c);
            // Commands come and go with connections: re-resolve every call site.
            cx.it.generation += 1;
            Ok(())
        }
        Err((exc, msg, cat)) => {
            let rec = ErrorRecord::new(&exc, msg, &format!("{},Connect-ExchangeOnline", exc.rsplit('.').next().unwrap_or(&exc)), cat)
                .at(cx.file, cx.span)
                .for_command(cx.invoked_as);
            Err(cx.terminate(rec))
        }
    }
}

fn disconnect(cx: &mut Cx) -> R {
    let prefixes = cx.strings("ModulePrefix");
    let ids = cx.strings("ConnectionId");
    let session = &mut cx.it.session.exo;
    let before = session.len();
    if prefixes.is_empty() && ids.is_empty() {
        session.clear();
    } else {
        session.retain(|c| {
            let p = c.prefix.clone().unwrap_or_default();
            !prefixes.iter().any(|x| x.eq_ignore_ascii_case(&p)) && !ids.iter().any(|x| x.eq_ignore_ascii_case(&connection_id(c)))
        });
    }
    if session.len() != before {
        cx.it.generation += 1;
    }
    Ok(())
}

/// A stable ConnectionId of a connection.
fn connection_id(c: &ExoConnection) -> String {
    ids::guid(&["exo-connection", &c.tenant, c.prefix.as_deref().unwrap_or("")])
}

// ───────────────────────────── organization ─────────────────────────────

fn get_org_config(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let tn = &world(cx).tenants[t];
    let mut o = PsObject::typed(T_ORGCONFIG);
    put(&mut o, "Name", Value::string(tn.initial_domain()));
    put(&mut o, "DisplayName", Value::str(&tn.display_name));
    put(&mut o, "Identity", Value::string(tn.initial_domain()));
    put(&mut o, "Guid", guid(&ids::guid(&["orgconfig", &tn.tenant_id])));
    put(&mut o, "ExternalDirectoryOrganizationId", guid(&tn.tenant_id));
    put(&mut o, "IsDehydrated", Value::Bool(tn.exo.dehydrated));
    put(&mut o, "OrganizationId", Value::string(format!("{} - {}", tn.exo_dc(), tn.initial_domain())));
    put(&mut o, "EwsApplicationAccessPolicy", Value::Null);
    put(&mut o, "OAuth2ClientProfileEnabled", Value::Bool(true));
    put(&mut o, "MailTipsAllTipsEnabled", Value::Bool(true));
    put(&mut o, "AutoExpandingArchiveEnabled", Value::Bool(false));
    put(&mut o, "DefaultPublicFolderMailbox", Value::Null);
    put(&mut o, "IsValid", Value::Bool(true));
    cx.emit(o.into_value())
}

fn enable_customization(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    match world(cx).enable_customization(t) {
        Ok(()) => Ok(()),
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn get_accepted_domain(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity");
    let tn = &world(cx).tenants[t];
    let domains = tn.accepted_domains();
    let mut out = Vec::new();
    for (i, d) in domains.iter().enumerate() {
        if id.as_deref().is_some_and(|x| !x.eq_ignore_ascii_case(d)) {
            continue;
        }
        let mut o = PsObject::typed(T_DOMAIN);
        put(&mut o, "Name", Value::str(d));
        put(&mut o, "DomainName", Value::str(d));
        put(&mut o, "DomainType", text("Authoritative"));
        put(&mut o, "Default", Value::Bool(i == 0));
        put(&mut o, "InitialDomain", Value::Bool(i == 0));
        put(&mut o, "Identity", Value::str(d));
        put(&mut o, "Guid", guid(&ids::guid(&["accepted-domain", &tn.tenant_id, &d.to_ascii_lowercase()])));
        out.push(o.into_value());
    }
    if out.is_empty() {
        if let Some(x) = id {
            let e = ExoError::NotFound(x, tn.exo_dc());
            return fail(cx, Some(t), &e);
        }
    }
    emit_all(cx, out)
}

fn relationship_object(r: &exo::OrgRelationship) -> Value {
    let mut o = PsObject::typed(T_ORGREL);
    put(&mut o, "Name", Value::str(&r.name));
    put(&mut o, "DomainNames", strs(&r.domain_names));
    put(&mut o, "FreeBusyAccessEnabled", Value::Bool(r.free_busy_access_enabled));
    put(&mut o, "FreeBusyAccessLevel", Value::str(r.free_busy_access_level.as_deref().unwrap_or("None")));
    put(&mut o, "FreeBusyAccessScope", Value::Null);
    put(&mut o, "MailboxMoveEnabled", Value::Bool(r.mailbox_move_enabled));
    put(&mut o, "MailboxMoveCapability", Value::string(MoveCapability::display(&r.capability)));
    put(&mut o, "MailboxMovePublishedScopes", strs(&r.published_scopes));
    put(&mut o, "OAuthApplicationId", opt_str(r.oauth_application_id.as_deref()));
    put(&mut o, "DeliveryReportEnabled", Value::Bool(r.delivery_report_enabled));
    put(&mut o, "MailTipsAccessEnabled", Value::Bool(r.mail_tips_access_enabled));
    put(&mut o, "MailTipsAccessLevel", text("None"));
    put(&mut o, "PhotosEnabled", Value::Bool(r.photos_enabled));
    put(&mut o, "TargetApplicationUri", opt_str(r.target_application_uri.as_deref()));
    put(&mut o, "TargetSharingEpr", Value::Null);
    put(&mut o, "TargetOwaURL", Value::Null);
    put(&mut o, "TargetAutodiscoverEpr", opt_str(r.target_autodiscover_epr.as_deref()));
    put(&mut o, "OrganizationContact", opt_str(r.organization_contact.as_deref()));
    put(&mut o, "Enabled", Value::Bool(r.enabled));
    put(&mut o, "ArchiveAccessEnabled", Value::Bool(r.archive_access_enabled));
    put(&mut o, "Identity", Value::str(&r.name));
    put(&mut o, "IsValid", Value::Bool(true));
    put(&mut o, "WhenChanged", date(r.changed));
    put(&mut o, "WhenCreated", date(r.created));
    put(&mut o, "Guid", guid(&r.guid));
    o.into_value()
}

fn get_relationship(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity");
    let tn = &world(cx).tenants[t];
    let out: Vec<Value> = tn
        .exo
        .relationships
        .iter()
        .filter(|r| id.as_deref().is_none_or(|x| r.name.eq_ignore_ascii_case(x) || r.guid.eq_ignore_ascii_case(x)))
        .map(relationship_object)
        .collect();
    if out.is_empty() {
        if let Some(x) = id {
            let e = ExoError::NotFound(x, tn.exo_dc());
            return fail(cx, Some(t), &e);
        }
    }
    emit_all(cx, out)
}

/// The relationship parameters of New-/Set-OrganizationRelationship.
fn relationship_change(cx: &Cx) -> Result<RelationshipChange, ExoError> {
    let mut c = RelationshipChange::default();
    if cx.has("DomainNames") {
        let names: Vec<String> = cx.strings("DomainNames").into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        if let Some(bad) = names.iter().find(|d| !exo::valid_domain_name(d)) {
            return Err(ExoError::BadDomainName(bad.clone()));
        }
        c.domain_names = Some(names);
    }
    c.enabled = opt_bool(cx, "Enabled");
    c.mailbox_move_enabled = opt_bool(cx, "MailboxMoveEnabled");
    if cx.has("MailboxMoveCapability") {
        c.capability = Some(MoveCapability::parse_flags(&cx.strings("MailboxMoveCapability"))?);
    }
    if cx.has("OAuthApplicationId") {
        c.oauth_application_id = Some(cx.string("OAuthApplicationId"));
    }
    if cx.has("MailboxMovePublishedScopes") {
        c.published_scopes = Some(cx.strings("MailboxMovePublishedScopes"));
    }
    c.free_busy_access_enabled = opt_bool(cx, "FreeBusyAccessEnabled");
    c.free_busy_access_level = cx.string("FreeBusyAccessLevel");
    c.mail_tips_access_enabled = opt_bool(cx, "MailTipsAccessEnabled");
    c.delivery_report_enabled = opt_bool(cx, "DeliveryReportEnabled");
    c.archive_access_enabled = opt_bool(cx, "ArchiveAccessEnabled");
    c.photos_enabled = opt_bool(cx, "PhotosEnabled");
    c.target_application_uri = cx.string("TargetApplicationUri");
    c.target_autodiscover_epr = cx.string("TargetAutodiscoverEpr");
    c.organization_contact = cx.string("OrganizationContact");
    c.name = cx.string("Name");
    Ok(c)
}

/// A -MailboxMoveCapability or -DomainNames value the parameter's type doesn't accept: the
/// binder's (statement-terminating) error.
fn binding_error(cx: &mut Cx, e: &ExoError) -> R {
    let (msg, id, cat) = match e {
        ExoError::BadDomainName(_) => {
            (format!("Cannot process argument transformation on parameter 'DomainNames'. {e}"), "ParameterArgumentTransformationError", "InvalidData")
        }
        _ => (format!("Cannot bind parameter 'MailboxMoveCapability'. {e}"), "CannotConvertArgumentNoMessage", "InvalidArgument"),
    };
    let rec = ErrorRecord::new("System.Management.Automation.ParameterBindingException", msg, &format!("{id},{}", cx.invoked_as), cat)
        .at(cx.file, cx.span)
        .for_command(cx.invoked_as);
    Err(cx.terminate(rec))
}

fn new_relationship(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let name = cx.string("Name").unwrap_or_default();
    let change = relationship_change(cx);
    let change = match change {
        Ok(c) => c,
        Err(e @ (ExoError::BadCapability(_) | ExoError::BadDomainName(_))) => return binding_error(cx, &e),
        Err(e) => return fail(cx, Some(t), &e),
    };
    let mut change = change;
    change.name = None;
    match world(cx).new_relationship(t, &name, change) {
        Ok(i) => {
            let v = relationship_object(&world(cx).tenants[t].exo.relationships[i]);
            cx.emit(v)
        }
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn set_relationship(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    let change = match relationship_change(cx) {
        Ok(c) => c,
        Err(e @ (ExoError::BadCapability(_) | ExoError::BadDomainName(_))) => return binding_error(cx, &e),
        Err(e) => return fail(cx, Some(t), &e),
    };
    match world(cx).set_relationship_exo(t, &id, change) {
        Ok(_) => Ok(()),
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn remove_relationship(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    match world(cx).remove_relationship_exo(t, &id) {
        Ok(()) => Ok(()),
        Err(e) => fail(cx, Some(t), &e),
    }
}

// ───────────────────────────── migration endpoints ─────────────────────────────

fn endpoint_object(e: &exo::Endpoint) -> Value {
    let mut o = PsObject::typed(T_ENDPOINT);
    put(&mut o, "Identity", Value::str(&e.name));
    put(&mut o, "EndpointType", text("ExchangeRemoteMove"));
    put(&mut o, "RemoteServer", Value::str(&e.remote_server));
    put(&mut o, "RemoteTenant", opt_str(e.remote_tenant.as_deref()));
    put(&mut o, "ApplicationId", opt_str(e.application_id.as_deref()));
    put(&mut o, "AppSecretKeyVaultUrl", opt_str(e.app_secret_key_vault_url.as_deref()));
    put(&mut o, "Username", opt_str(e.username.as_deref()));
    put(&mut o, "MaxConcurrentMigrations", Value::string(e.max_concurrent_migrations.to_string()));
    put(&mut o, "MaxConcurrentIncrementalSyncs", Value::string(e.max_concurrent_incremental_syncs.to_string()));
    put(&mut o, "IsRemote", Value::Bool(true));
    put(&mut o, "Guid", guid(&e.guid));
    put(&mut o, "LastModifiedTime", date(e.created));
    o.into_value()
}

fn get_endpoint(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity");
    let ty = cx.string("Type");
    let tn = &world(cx).tenants[t];
    let out: Vec<Value> = tn
        .exo
        .endpoints
        .iter()
        .filter(|e| id.as_deref().is_none_or(|x| e.name.eq_ignore_ascii_case(x) || e.guid.eq_ignore_ascii_case(x)))
        .filter(|_| ty.as_deref().is_none_or(|x| x.eq_ignore_ascii_case("ExchangeRemoteMove")))
        .map(endpoint_object)
        .collect();
    if out.is_empty() {
        if let Some(x) = id {
            return fail(cx, Some(t), &ExoError::EndpointNotFound(x));
        }
    }
    emit_all(cx, out)
}

fn credential(cx: &Cx, name: &str) -> (Option<String>, Option<String>) {
    match cx.get(name) {
        Some(Value::Object(o)) => {
            let o = o.borrow();
            let user = o.get_value("UserName").map(|u| to_display_string(&u));
            let pw = match o.get_value("Password") {
                Some(Value::SecureString(s)) => Some(s.to_string()),
                Some(v) if !v.is_null() => Some(to_display_string(&v)),
                _ => None,
            };
            (user, pw)
        }
        _ => (None, None),
    }
}

fn new_endpoint(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    if cx.set_name() != "ExchangeRemoteMove" {
        return Err(crate::cmdlets::core::not_supported(cx, &format!("The {} parameter set of New-MigrationEndpoint", cx.set_name())));
    }
    let (username, secret) = credential(cx, "Credentials");
    let spec = NewEndpoint {
        name: cx.string("Name").unwrap_or_default(),
        remote_server: cx.string("RemoteServer").unwrap_or_default(),
        remote_tenant: cx.string("RemoteTenant"),
        application_id: cx.string("ApplicationId"),
        app_secret_key_vault_url: cx.string("AppSecretKeyVaultUrl"),
        username,
        secret,
        skip_verification: cx.switch("SkipVerification"),
        max_concurrent_migrations: cx.int("MaxConcurrentMigrations").map(|x| x.clamp(1, 1000) as u32),
        max_concurrent_incremental_syncs: cx.int("MaxConcurrentIncrementalSyncs").map(|x| x.clamp(1, 1000) as u32),
    };
    match world(cx).new_endpoint(t, spec) {
        Ok(i) => {
            let v = endpoint_object(&world(cx).tenants[t].exo.endpoints[i]);
            cx.emit(v)
        }
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn set_endpoint(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    let (username, secret) = credential(cx, "Credentials");
    let app = cx.string("ApplicationId");
    let kv = cx.string("AppSecretKeyVaultUrl");
    let server = cx.string("RemoteServer");
    let maxm = cx.int("MaxConcurrentMigrations");
    let maxi = cx.int("MaxConcurrentIncrementalSyncs");
    let skip = cx.switch("SkipVerification") || (username.is_none() && app.is_none() && server.is_none());
    let r = world(cx).set_endpoint(
        t,
        &id,
        |e| {
            if username.is_some() {
                e.username = username;
                e.secret = secret;
            }
            if app.is_some() {
                e.application_id = app;
            }
            if kv.is_some() {
                e.app_secret_key_vault_url = kv;
            }
            if let Some(s) = server {
                e.remote_server = s;
            }
            if let Some(m) = maxm {
                e.max_concurrent_migrations = m.clamp(1, 1000) as u32;
            }
            if let Some(m) = maxi {
                e.max_concurrent_incremental_syncs = m.clamp(1, 1000) as u32;
            }
        },
        skip,
    );
    match r {
        Ok(()) => Ok(()),
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn remove_endpoint(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    match world(cx).remove_endpoint(t, &id) {
        Ok(()) => Ok(()),
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn test_server(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    if cx.set_name() != "TestEndpoint" {
        return Err(crate::cmdlets::core::not_supported(cx, &format!("The {} parameter set of Test-MigrationServerAvailability", cx.set_name())));
    }
    let ep = ident_param(cx, "Endpoint").unwrap_or_default();
    let mbx = ident_param(cx, "TestMailbox");
    let outcome = match world(cx).test_endpoint(t, &ep, mbx.as_deref()) {
        Ok(o) => o,
        Err(e) => return fail(cx, Some(t), &e),
    };
    let w = world(cx);
    let tn = &mut w.tenants[t];
    tn.exo.requests += 1;
    let runspace = ids::guid(&["runspace", &tn.tenant_id, &tn.exo.requests.to_string()]);
    let mut o = PsObject::typed(T_TEST);
    put(&mut o, "RunspaceId", guid(&runspace));
    put(&mut o, "Result", text(if outcome.success { "Success" } else { "Failed" }));
    put(&mut o, "Message", Value::string(outcome.message));
    put(&mut o, "SupportsCutover", Value::Bool(false));
    put(&mut o, "ErrorDetail", opt_str(outcome.error_detail.as_deref()));
    put(&mut o, "TestedEndpoint", Value::string(ep));
    put(&mut o, "IsValid", Value::Bool(true));
    cx.emit(o.into_value())
}

// ───────────────────────────── batches ─────────────────────────────

fn batch_object(w: &World, t: usize, b: usize) -> Value {
    let exo = &w.tenants[t].exo;
    let batch = &exo.batches[b];
    let (mut active, mut stopped, mut synced, mut finalized, mut failed, mut pending) = (0i64, 0i64, 0i64, 0i64, 0i64, 0i64);
    for u in &batch.users {
        match exo.migration_users[*u as usize].status {
            UserStatus::Queued if batch.started.is_none() => pending += 1,
            UserStatus::Queued | UserStatus::Validating | UserStatus::Syncing | UserStatus::Completing => active += 1,
            UserStatus::Synced => synced += 1,
            UserStatus::Completed => finalized += 1,
            UserStatus::Failed => failed += 1,
            UserStatus::Stopped => stopped += 1,
        }
    }
    let source = &w.tenants[batch.source_tenant];
    let mut o = PsObject::typed(T_BATCH);
    put(&mut o, "Identity", Value::str(&batch.name));
    put(&mut o, "Status", text(batch.status.name()));
    put(&mut o, "Type", text("ExchangeRemoteMove"));
    put(&mut o, "TotalCount", Value::Int(batch.users.len() as i32));
    put(&mut o, "ActiveCount", Value::Int(active as i32));
    put(&mut o, "StoppedCount", Value::Int(stopped as i32));
    put(&mut o, "SyncedCount", Value::Int(synced as i32));
    put(&mut o, "FinalizedCount", Value::Int(finalized as i32));
    put(&mut o, "FailedCount", Value::Int(failed as i32));
    put(&mut o, "PendingCount", Value::Int(pending as i32));
    put(&mut o, "CreationDateTime", date(batch.created));
    put(&mut o, "CreationDateTimeUTC", date(batch.created));
    put(&mut o, "StartDateTime", opt_date(batch.started));
    put(&mut o, "LastSyncedDateTime", opt_date(batch.last_synced));
    put(&mut o, "FinalizedDateTime", opt_date(batch.finalized));
    put(&mut o, "CompleteAfter", opt_date(batch.complete_after));
    put(&mut o, "CompleteAfterUTC", opt_date(batch.complete_after));
    put(&mut o, "StartAfter", opt_date(batch.start_after));
    put(&mut o, "SourceEndpoint", Value::str(&batch.endpoint));
    put(&mut o, "TargetEndpoint", Value::Null);
    put(&mut o, "TargetDeliveryDomain", Value::str(&batch.target_delivery_domain));
    put(&mut o, "NotificationEmails", strs(&batch.notification_emails));
    put(&mut o, "SubmittedByUser", Value::str(&batch.submitted_by));
    put(&mut o, "BatchDirection", text("Onboarding"));
    put(&mut o, "MigrationType", text("ExchangeRemoteMove"));
    put(&mut o, "SourceTenant", Value::string(source.initial_domain()));
    put(&mut o, "Message", text(""));
    put(&mut o, "Guid", guid(&batch.guid));
    o.into_value()
}

fn batch_of(cx: &mut Cx, t: usize) -> Result<usize, R> {
    let id = ident_param(cx, "Identity").unwrap_or_default();
    match world(cx).batch_index(t, &id) {
        Some(b) => Ok(b),
        None => Err(fail(cx, Some(t), &ExoError::BatchNotFound(id))),
    }
}

fn get_batch(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity");
    let status = cx.string("Status");
    let endpoint = ident_param(cx, "Endpoint");
    let w = world(cx);
    let exo = &w.tenants[t].exo;
    let out: Vec<Value> = (0..exo.batches.len())
        .filter(|b| {
            let batch = &exo.batches[*b];
            !batch.removed
                && id.as_deref().is_none_or(|x| batch.name.eq_ignore_ascii_case(x) || batch.guid.eq_ignore_ascii_case(x))
                && status.as_deref().is_none_or(|s| batch.status.name().eq_ignore_ascii_case(s))
                && endpoint.as_deref().is_none_or(|e| batch.endpoint.eq_ignore_ascii_case(e))
        })
        .map(|b| batch_object(w, t, b))
        .collect();
    if out.is_empty() {
        if let Some(x) = id {
            return fail(cx, Some(t), &ExoError::BatchNotFound(x));
        }
    }
    emit_all(cx, out)
}

fn bytes_param(cx: &Cx, name: &str) -> Option<Vec<u8>> {
    match cx.get(name)? {
        Value::Bytes(b) => Some(b.to_vec()),
        Value::Null => None,
        v => match v.enumerate() {
            Some(items) => Some(items.iter().map(|x| crate::engine::convert::to_num(x).map(|n| n.to_f64() as u8).unwrap_or(0)).collect()),
            None => Some(to_display_string(v).into_bytes()),
        },
    }
}

fn date_param(cx: &Cx, name: &str) -> Option<i64> {
    match cx.get(name) {
        Some(Value::DateTime(d)) => Some(d.ticks()),
        Some(v) if !v.is_null() => clock::parse_iso(&to_display_string(v)),
        _ => None,
    }
}

fn new_batch(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    if cx.set_name() != "Onboarding" {
        return Err(crate::cmdlets::core::not_supported(cx, &format!("The {} parameter set of New-MigrationBatch", cx.set_name())));
    }
    let account = connection(cx.it, cx.info.prefix.as_deref()).map(|c| c.account).unwrap_or_default();
    let spec = NewBatch {
        name: cx.string("Name").unwrap_or_default(),
        endpoint: ident_param(cx, "SourceEndpoint"),
        csv: bytes_param(cx, "CSVData").unwrap_or_default(),
        allow_unknown_columns: opt_bool(cx, "AllowUnknownColumnsInCsv").unwrap_or(false),
        target_delivery_domain: cx.string("TargetDeliveryDomain"),
        auto_start: cx.switch("AutoStart"),
        auto_complete: cx.switch("AutoComplete"),
        complete_after: date_param(cx, "CompleteAfter"),
        start_after: date_param(cx, "StartAfter"),
        notification_emails: cx.strings("NotificationEmails"),
        submitted_by: account,
    };
    match world(cx).new_batch(t, spec) {
        Ok(b) => {
            let rows = world(cx).tenants[t].exo.batches[b].users.len();
            // RULE 16: at most 2,000 mailboxes per batch are recommended.
            if rows > mig::RECOMMENDED_BATCH_SIZE {
                cx.warning(&format!(
                    "The batch has {rows} users. Cross-tenant migration batches of at most {} mailboxes are recommended; split larger migrations into several batches.",
                    mig::RECOMMENDED_BATCH_SIZE
                ))?;
            }
            let v = batch_object(world(cx), t, b);
            cx.emit(v)
        }
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn batch_op(cx: &mut Cx, op: fn(&mut World, usize, usize) -> Result<(), ExoError>) -> R {
    let t = tenant_or_return!(cx);
    let b = match batch_of(cx, t) {
        Ok(b) => b,
        Err(r) => return r,
    };
    match op(world(cx), t, b) {
        Ok(()) => Ok(()),
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn start_batch(cx: &mut Cx) -> R {
    batch_op(cx, |w, t, b| w.start_batch(t, b))
}
fn stop_batch(cx: &mut Cx) -> R {
    batch_op(cx, |w, t, b| w.stop_batch(t, b))
}
fn complete_batch(cx: &mut Cx) -> R {
    batch_op(cx, |w, t, b| w.complete_batch(t, b))
}
fn remove_batch(cx: &mut Cx) -> R {
    batch_op(cx, |w, t, b| w.remove_batch(t, b))
}

fn set_batch(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let b = match batch_of(cx, t) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let complete_after = date_param(cx, "CompleteAfter");
    let notification = if cx.has("NotificationEmails") { Some(cx.strings("NotificationEmails")) } else { None };
    let csv = if cx.switch("AddUsers") || cx.has("CSVData") {
        bytes_param(cx, "CSVData").map(|c| (c, opt_bool(cx, "AllowUnknownColumnsInCsv").unwrap_or(false)))
    } else {
        None
    };
    match world(cx).set_batch(t, b, complete_after, notification, csv) {
        Ok(()) => Ok(()),
        Err(e) => fail(cx, Some(t), &e),
    }
}

// ───────────────────────────── migration users ─────────────────────────────

fn migration_user_object(w: &World, t: usize, u: usize) -> Value {
    let exo = &w.tenants[t].exo;
    let mu = &exo.migration_users[u];
    let batch = &exo.batches[mu.batch as usize];
    let mut o = PsObject::typed(T_MIGUSER);
    put(&mut o, "Identity", Value::str(&mu.identity));
    put(&mut o, "Batch", Value::str(&batch.name));
    put(&mut o, "Status", text(mu.status.name()));
    put(&mut o, "StatusSummary", text(mu.status.summary()));
    put(&mut o, "LastSyncTime", opt_date(mu.last_sync));
    put(&mut o, "ErrorSummary", opt_str(mu.error.as_ref().map(|e| e.text()).as_deref()));
    put(&mut o, "MailboxEmailAddress", Value::str(&mu.identity));
    put(&mut o, "MailboxGuid", mu.exchange_guid.as_deref().map(guid).unwrap_or_else(|| guid(ZERO_GUID)));
    put(&mut o, "RequestGuid", mu.move_request.map(|m| guid(&exo.move_requests[m as usize].guid)).unwrap_or_else(|| guid(ZERO_GUID)));
    put(&mut o, "RecipientType", text("Mailbox"));
    put(&mut o, "BatchId", Value::str(&batch.name));
    put(&mut o, "WorkflowStep", text(if mu.status == UserStatus::Completed { "Completed" } else { "Initial Seeding" }));
    put(&mut o, "Guid", guid(&mu.guid));
    o.into_value()
}

fn users_named(cx: &mut Cx, t: usize, id: &str) -> Result<Vec<usize>, R> {
    let v = world(cx).migration_users_named(t, id);
    if v.is_empty() {
        return Err(fail(cx, Some(t), &ExoError::MigrationUserNotFound(id.to_string())));
    }
    Ok(v)
}

fn get_migration_user(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").or_else(|| cx.string("EmailAddress"));
    let batch = ident_param(cx, "BatchId");
    let status = cx.string("Status");
    let summary = cx.string("StatusSummary");
    let mailbox_guid = cx.string("MailboxGuid");
    let list: Vec<usize> = match &id {
        Some(x) => match users_named(cx, t, x) {
            Ok(v) => v,
            Err(r) => return r,
        },
        None => {
            let exo = &world(cx).tenants[t].exo;
            (0..exo.migration_users.len()).filter(|u| !exo.migration_users[*u].removed).collect()
        }
    };
    let w = world(cx);
    let exo = &w.tenants[t].exo;
    let out: Vec<Value> = list
        .into_iter()
        .filter(|u| {
            let mu = &exo.migration_users[*u];
            let b = &exo.batches[mu.batch as usize];
            batch.as_deref().is_none_or(|x| b.name.eq_ignore_ascii_case(x) || b.guid.eq_ignore_ascii_case(x))
                && status.as_deref().is_none_or(|s| mu.status.name().eq_ignore_ascii_case(s))
                && summary.as_deref().is_none_or(|s| mu.status.summary().eq_ignore_ascii_case(s))
                && mailbox_guid.as_deref().is_none_or(|g| mu.exchange_guid.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(g)))
        })
        .map(|u| migration_user_object(w, t, u))
        .collect();
    emit_all(cx, out)
}

fn remove_migration_user(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    let list = match users_named(cx, t, &id) {
        Ok(v) => v,
        Err(r) => return r,
    };
    for u in list {
        if let Err(e) = world(cx).remove_migration_user(t, u) {
            fail(cx, Some(t), &e)?;
        }
    }
    Ok(())
}

fn get_migration_user_stats(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    let list = match users_named(cx, t, &id) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let w = world(cx);
    let exo = &w.tenants[t].exo;
    let mut out = Vec::new();
    for u in list {
        let mu = &exo.migration_users[u];
        let m = mu.move_request.map(|m| &exo.move_requests[m as usize]);
        let mut o = PsObject::typed(T_MIGSTATS);
        put(&mut o, "Identity", Value::str(&mu.identity));
        put(&mut o, "Batch", Value::str(&exo.batches[mu.batch as usize].name));
        put(&mut o, "Status", text(mu.status.name()));
        put(&mut o, "StatusSummary", text(mu.status.summary()));
        put(&mut o, "SyncedItemCount", Value::Long(mu.items_synced as i64));
        put(&mut o, "SkippedItemCount", Value::Long(0));
        put(&mut o, "SkippedItems", Value::array(Vec::new()));
        put(&mut o, "Error", opt_str(mu.error.as_ref().map(|e| e.text()).as_deref()));
        put(&mut o, "ErrorSummary", opt_str(mu.error.as_ref().map(|e| e.text()).as_deref()));
        put(&mut o, "BytesTransferred", Value::string(byte_size(m.map(|m| m.bytes_transferred).unwrap_or(0))));
        put(&mut o, "EstimatedTotalTransferSize", Value::string(byte_size(m.map(|m| m.bytes_total + m.archive_bytes).unwrap_or(0))));
        put(&mut o, "TotalItemsInSourceMailboxCount", Value::Long(m.map(|m| m.items_total as i64).unwrap_or(0)));
        put(&mut o, "PercentageComplete", Value::Int(m.map(|m| m.percent as i32).unwrap_or(0)));
        put(&mut o, "LastSuccessfulSyncTime", opt_date(mu.last_sync));
        put(&mut o, "MailboxGuid", mu.exchange_guid.as_deref().map(guid).unwrap_or_else(|| guid(ZERO_GUID)));
        put(&mut o, "Report", Value::Null);
        put(&mut o, "DiagnosticInfo", Value::Null);
        put(&mut o, "Guid", guid(&mu.guid));
        out.push(o.into_value());
    }
    emit_all(cx, out)
}

// ───────────────────────────── move requests ─────────────────────────────

fn move_object(m: &mig::MoveRequest) -> Value {
    let target_db = if m.cross_tenant { mig::target_database(&m.exchange_guid) } else { String::new() };
    let mut o = PsObject::typed(T_MOVE);
    put(&mut o, "DisplayName", Value::str(&m.display_name));
    put(&mut o, "Alias", Value::str(&m.alias));
    put(&mut o, "ExchangeGuid", guid(&m.exchange_guid));
    put(&mut o, "Status", text(m.status.name()));
    put(&mut o, "BatchName", Value::str(&m.batch_name));
    put(&mut o, "Flags", Value::string(m.flags().join(", ")));
    put(&mut o, "RequestStyle", text(if m.cross_tenant { "CrossOrg" } else { "IntraOrg" }));
    put(&mut o, "Direction", text("Pull"));
    put(&mut o, "IsOffline", Value::Bool(false));
    put(&mut o, "Protect", Value::Bool(false));
    put(&mut o, "Suspend", Value::Bool(m.status == MoveStatus::Suspended));
    put(&mut o, "SuspendWhenReadyToComplete", Value::Bool(false));
    put(&mut o, "RemoteHostName", Value::str(&m.remote_host));
    put(&mut o, "TargetDeliveryDomain", Value::str(&m.target_delivery_domain));
    put(&mut o, "TargetDatabase", if target_db.is_empty() { Value::Null } else { Value::string(target_db) });
    put(&mut o, "RequestGuid", guid(&m.guid));
    put(&mut o, "Identity", Value::str(&m.display_name));
    put(&mut o, "Guid", guid(&m.exchange_guid));
    o.into_value()
}

/// RequestFlags a -Flags value asks for (all must be set).
fn flags_match(m: &mig::MoveRequest, wanted: &[String]) -> bool {
    let have = m.flags();
    wanted
        .iter()
        .flat_map(|w| w.split(','))
        .map(str::trim)
        .filter(|f| !f.is_empty() && !f.eq_ignore_ascii_case("None"))
        .all(|f| have.iter().any(|h| h.eq_ignore_ascii_case(f)))
}

/// Move requests an identity names: request guid, ExchangeGuid, alias, display name, or any
/// identity of the mailbox / mail user in this tenant.
fn moves_named(w: &World, t: usize, id: &str) -> Vec<usize> {
    let exo = &w.tenants[t].exo;
    let id = id.trim();
    let mut guids: Vec<String> = exo.find(id).iter().map(|i| exo.recipients[*i as usize].exchange_guid.to_ascii_lowercase()).collect();
    guids.retain(|g| g != ZERO_GUID);
    exo.move_requests
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            !m.removed
                && (m.guid.eq_ignore_ascii_case(id)
                    || m.exchange_guid.eq_ignore_ascii_case(id)
                    || m.alias.eq_ignore_ascii_case(id)
                    || m.display_name.eq_ignore_ascii_case(id)
                    || guids.iter().any(|g| m.exchange_guid.eq_ignore_ascii_case(g)))
        })
        .map(|(i, _)| i)
        .collect()
}

fn get_move_request(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity");
    let flags = cx.strings("Flags");
    let status = cx.string("Status");
    let batch = cx.string("BatchName");
    let w = world(cx);
    let exo = &w.tenants[t].exo;
    let list: Vec<usize> = match &id {
        Some(x) => moves_named(w, t, x),
        None => (0..exo.move_requests.len()).filter(|i| !exo.move_requests[*i].removed).collect(),
    };
    let out: Vec<Value> = list
        .into_iter()
        .map(|i| &exo.move_requests[i])
        .filter(|m| flags_match(m, &flags))
        .filter(|m| status.as_deref().is_none_or(|s| m.status.name().eq_ignore_ascii_case(s)))
        .filter(|m| {
            batch.as_deref().is_none_or(|b| m.batch_name.eq_ignore_ascii_case(b) || m.batch_name.split(':').nth(1).is_some_and(|x| x.eq_ignore_ascii_case(b)))
        })
        .map(move_object)
        .collect();
    if out.is_empty() {
        if let Some(x) = id {
            return fail(cx, Some(t), &ExoError::MoveRequestNotFound(x));
        }
    }
    let out = limit(cx, out)?;
    emit_all(cx, out)
}

fn duration(ticks: i64) -> Value {
    Value::TimeSpan(ticks.max(0))
}

fn get_move_request_stats(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    let w = world(cx);
    let now = w.now_ticks;
    let list = moves_named(w, t, &id);
    if list.is_empty() {
        return fail(cx, Some(t), &ExoError::MoveRequestNotFound(id));
    }
    let exo = &w.tenants[t].exo;
    let mut out = Vec::new();
    for i in list {
        let m = &exo.move_requests[i];
        let mut o = PsObject::typed(T_MOVESTATS);
        put(&mut o, "DisplayName", Value::str(&m.display_name));
        put(&mut o, "StatusDetail", Value::str(&m.status_detail));
        put(&mut o, "TotalMailboxSize", Value::string(byte_size(m.bytes_total)));
        put(&mut o, "TotalArchiveSize", if m.archive_bytes > 0 { Value::string(byte_size(m.archive_bytes)) } else { Value::Null });
        put(&mut o, "PercentComplete", Value::Int(m.percent as i32));
        put(&mut o, "Status", text(m.status.name()));
        put(&mut o, "Alias", Value::str(&m.alias));
        put(&mut o, "ExchangeGuid", guid(&m.exchange_guid));
        put(&mut o, "BatchName", Value::str(&m.batch_name));
        put(&mut o, "Flags", Value::string(m.flags().join(", ")));
        put(&mut o, "RequestStyle", text(if m.cross_tenant { "CrossOrg" } else { "IntraOrg" }));
        put(&mut o, "Direction", text("Pull"));
        put(&mut o, "RemoteHostName", Value::str(&m.remote_host));
        put(&mut o, "TargetDeliveryDomain", Value::str(&m.target_delivery_domain));
        put(&mut o, "BytesTransferred", Value::string(byte_size(m.bytes_transferred)));
        put(&mut o, "ItemsTransferred", Value::Long(m.items_transferred as i64));
        put(&mut o, "TotalMailboxItemCount", Value::Long(m.items_total as i64));
        put(&mut o, "QueuedTimestamp", date(m.queued));
        put(&mut o, "StartTimestamp", opt_date(m.started));
        put(&mut o, "InitialSeedingCompletedTimestamp", opt_date(m.synced));
        put(&mut o, "CompletionTimestamp", opt_date(m.completed));
        put(&mut o, "LastUpdateTimestamp", date(m.last_update));
        put(&mut o, "OverallDuration", duration(m.completed.unwrap_or(now) - m.queued));
        put(&mut o, "FailureType", opt_str(m.failure.as_ref().map(|f| f.exception.as_str())));
        put(&mut o, "FailureSide", if m.failure.is_some() { text("Target") } else { Value::Null });
        put(&mut o, "Message", opt_str(m.failure.as_ref().map(|f| format!("Error: {}", f.message)).as_deref()));
        put(&mut o, "Identity", Value::str(&m.display_name));
        put(&mut o, "RequestGuid", guid(&m.guid));
        out.push(o.into_value());
    }
    emit_all(cx, out)
}

// ───────────────────────────── recipients ─────────────────────────────

fn upn_of(t: &Tenant, r: &Recipient) -> Option<String> {
    t.directory.user_by_object_id(&r.external_id).map(|u| u.upn.clone())
}

const CUSTOM_ATTRIBUTES: [&str; 15] = [
    "CustomAttribute1",
    "CustomAttribute2",
    "CustomAttribute3",
    "CustomAttribute4",
    "CustomAttribute5",
    "CustomAttribute6",
    "CustomAttribute7",
    "CustomAttribute8",
    "CustomAttribute9",
    "CustomAttribute10",
    "CustomAttribute11",
    "CustomAttribute12",
    "CustomAttribute13",
    "CustomAttribute14",
    "CustomAttribute15",
];

fn custom_attributes(o: &mut PsObject, r: &Recipient) {
    for (n, name) in (1..=15u8).zip(CUSTOM_ATTRIBUTES) {
        let v = r.custom_attribute(n);
        put(o, name, if v.is_empty() { text("") } else { Value::str(v) });
    }
}

fn common_recipient(o: &mut PsObject, t: &Tenant, r: &Recipient) {
    put(o, "Name", Value::str(&r.name));
    put(o, "Alias", Value::str(&r.alias));
    put(o, "DisplayName", Value::str(&r.display_name));
    put(o, "Identity", Value::str(&r.name));
    put(o, "Guid", guid(&r.guid));
    put(o, "ExternalDirectoryObjectId", if r.external_id.is_empty() { Value::Null } else { Value::str(&r.external_id) });
    put(o, "UserPrincipalName", opt_str(upn_of(t, r).as_deref()));
    put(o, "PrimarySmtpAddress", Value::str(&r.primary_smtp));
    put(o, "WindowsEmailAddress", Value::str(&r.primary_smtp));
    put(o, "EmailAddresses", strs(&r.email_addresses));
    put(o, "RecipientType", text(r.kind.recipient_type()));
    put(o, "RecipientTypeDetails", text(r.kind.details()));
    put(o, "ExchangeGuid", guid(&r.exchange_guid));
    put(o, "ArchiveGuid", guid(&r.archive_guid));
    put(o, "LegacyExchangeDN", Value::str(&r.legacy_dn));
}

fn mailbox_object(t: &Tenant, r: &Recipient) -> Value {
    let mut o = PsObject::typed(T_MAILBOX);
    common_recipient(&mut o, t, r);
    put(&mut o, "SamAccountName", Value::str(&r.alias));
    put(&mut o, "Database", Value::str(&r.database));
    // The quotas are the same for every mailbox: formatted once.
    static QUOTAS: std::sync::OnceLock<[String; 3]> = std::sync::OnceLock::new();
    let [send, send_receive, warning] =
        QUOTAS.get_or_init(|| [MAILBOX_QUOTA_GB - 1, MAILBOX_QUOTA_GB, MAILBOX_QUOTA_GB - 2].map(|gb| byte_size(gb * exo::BYTES_PER_GB)));
    put(&mut o, "ProhibitSendQuota", text(send));
    put(&mut o, "ProhibitSendReceiveQuota", text(send_receive));
    put(&mut o, "IssueWarningQuota", text(warning));
    put(&mut o, "ArchiveQuota", text(send_receive));
    let archive = r.archive_status == ArchiveStatus::Active;
    put(&mut o, "ArchiveName", if archive { strs(&[format!("In-Place Archive -{}", r.display_name)]) } else { Value::array(Vec::new()) });
    put(&mut o, "ArchiveStatus", text(if archive { "Active" } else { "None" }));
    put(&mut o, "ArchiveState", text(if archive { "Local" } else { "None" }));
    put(&mut o, "ArchiveDatabase", if archive { Value::str(&r.database) } else { Value::Null });
    put(&mut o, "AutoExpandingArchiveEnabled", Value::Bool(r.aux_archives > 0));
    put(&mut o, "DisabledArchiveGuid", guid(r.disabled_archive_guid.as_deref().unwrap_or(ZERO_GUID)));
    put(&mut o, "LitigationHoldEnabled", Value::Bool(r.litigation_hold));
    put(&mut o, "InPlaceHolds", strs(&r.in_place_holds));
    put(&mut o, "ComplianceTagHoldApplied", Value::Bool(false));
    put(&mut o, "DelayHoldApplied", Value::Bool(false));
    put(&mut o, "RetentionHoldEnabled", Value::Bool(false));
    put(&mut o, "GrantSendOnBehalfTo", strs(&r.send_on_behalf));
    put(&mut o, "ForwardingSmtpAddress", Value::Null);
    put(&mut o, "HiddenFromAddressListsEnabled", Value::Bool(false));
    put(&mut o, "IsMailboxEnabled", Value::Bool(true));
    put(&mut o, "IsShared", Value::Bool(r.kind == RecipientKind::SharedMailbox));
    put(&mut o, "MailboxMoveStatus", text("None"));
    custom_attributes(&mut o, r);
    put(&mut o, "WhenMailboxCreated", date(r.created));
    put(&mut o, "WhenChanged", date(r.changed));
    put(&mut o, "WhenCreated", date(r.created));
    o.into_value()
}

fn mail_user_object(t: &Tenant, r: &Recipient) -> Value {
    let mut o = PsObject::typed(T_MAILUSER);
    common_recipient(&mut o, t, r);
    put(&mut o, "ExternalEmailAddress", opt_str(r.external_email_address.as_deref()));
    put(&mut o, "SamAccountName", Value::str(&r.alias));
    put(&mut o, "FirstName", Value::str(&r.first_name));
    put(&mut o, "LastName", Value::str(&r.last_name));
    put(&mut o, "ArchiveStatus", text("None"));
    put(&mut o, "DisabledArchiveGuid", guid(r.disabled_archive_guid.as_deref().unwrap_or(ZERO_GUID)));
    put(&mut o, "LitigationHoldEnabled", Value::Bool(r.litigation_hold));
    put(&mut o, "HiddenFromAddressListsEnabled", Value::Bool(false));
    put(&mut o, "MailboxMoveStatus", text("None"));
    custom_attributes(&mut o, r);
    put(&mut o, "WhenChanged", date(r.changed));
    put(&mut o, "WhenCreated", date(r.created));
    o.into_value()
}

fn reduced_object(t: &Tenant, r: &Recipient) -> Value {
    let mut o = PsObject::typed(T_RECIPIENT);
    common_recipient(&mut o, t, r);
    put(&mut o, "ExternalEmailAddress", opt_str(r.external_email_address.as_deref()));
    put(&mut o, "ArchiveStatus", text(if r.archive_status == ArchiveStatus::Active { "Active" } else { "None" }));
    custom_attributes(&mut o, r);
    put(&mut o, "WhenChanged", date(r.changed));
    put(&mut o, "WhenCreated", date(r.created));
    o.into_value()
}

fn group_object(t: &Tenant, r: &Recipient) -> Value {
    let mut o = PsObject::typed(T_GROUP);
    put(&mut o, "Name", Value::str(&r.name));
    put(&mut o, "DisplayName", Value::str(&r.display_name));
    put(&mut o, "GroupType", text(if r.kind == RecipientKind::MailUniversalSecurityGroup { "Universal, SecurityEnabled" } else { "Universal" }));
    put(&mut o, "PrimarySmtpAddress", Value::str(&r.primary_smtp));
    put(&mut o, "Alias", Value::str(&r.alias));
    put(&mut o, "EmailAddresses", strs(&r.email_addresses));
    put(&mut o, "RecipientType", text(r.kind.recipient_type()));
    put(&mut o, "RecipientTypeDetails", text(r.kind.details()));
    put(&mut o, "ManagedBy", strs(&[t.admin_account()]));
    put(&mut o, "ExternalDirectoryObjectId", Value::str(&r.external_id));
    put(&mut o, "Identity", Value::str(&r.name));
    put(&mut o, "Guid", guid(&r.guid));
    put(&mut o, "WhenChanged", date(r.changed));
    put(&mut o, "WhenCreated", date(r.created));
    o.into_value()
}

/// A tiny OPATH filter: `Prop -eq|-ne|-like|-notlike 'value'` terms joined with `-and`.
fn opath_match(r: &Recipient, t: &Tenant, filter: &str) -> Result<bool, ExoError> {
    for term in split_ci(filter.trim().trim_matches(|c| c == '{' || c == '}'), " -and ") {
        let term = term.trim().trim_matches(|c| c == '(' || c == ')').trim();
        let mut parts = term.splitn(3, ' ').map(str::trim);
        let (Some(prop), Some(op), Some(val)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(ExoError::Invalid(format!(
                "Invalid filter syntax. For a description of the filter parameter syntax see the command help.\n\"{filter}\" at position 1."
            )));
        };
        let val = val.trim_matches(|c| c == '\'' || c == '"');
        let actual: String = match prop.to_ascii_lowercase().as_str() {
            "alias" => r.alias.clone(),
            "name" => r.name.clone(),
            "displayname" => r.display_name.clone(),
            "primarysmtpaddress" | "windowsemailaddress" => r.primary_smtp.clone(),
            "recipienttypedetails" => r.kind.details().into(),
            "recipienttype" => r.kind.recipient_type().into(),
            "userprincipalname" => upn_of(t, r).unwrap_or_default(),
            "exchangeguid" => r.exchange_guid.clone(),
            "litigationholdenabled" => r.litigation_hold.to_string(),
            "emailaddresses" => r.email_addresses.join(" "),
            p if p.starts_with("customattribute") => p[15..].parse::<u8>().map(|n| r.custom_attribute(n).to_string()).unwrap_or_default(),
            _ => {
                return Err(ExoError::Invalid(format!(
                    "Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"The property '{prop}' isn't supported by tenantsim's filter.\""
                )));
            }
        };
        let val = match val.to_ascii_lowercase().as_str() {
            "$true" => "true",
            "$false" => "false",
            _ => val,
        };
        let ok = match op.to_ascii_lowercase().as_str() {
            "-eq" => actual.eq_ignore_ascii_case(val),
            "-ne" => !actual.eq_ignore_ascii_case(val),
            "-like" => crate::engine::ops::wildcard_match(val, &actual, false),
            "-notlike" => !crate::engine::ops::wildcard_match(val, &actual, false),
            _ => return Err(ExoError::Invalid(format!("Invalid filter syntax: the operator '{op}' isn't supported."))),
        };
        if !ok {
            return Ok(false);
        }
    }
    Ok(true)
}

fn split_ci<'a>(s: &'a str, sep: &str) -> Vec<&'a str> {
    let lower = s.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(p) = lower[start..].find(sep) {
        out.push(&s[start..start + p]);
        start += p + sep.len();
    }
    out.push(&s[start..]);
    out
}

/// Get-Mailbox / Get-MailUser / Get-Recipient: identity, -Filter, -RecipientTypeDetails, -ResultSize.
fn list_recipients(cx: &mut Cx, accept: fn(&Recipient) -> bool, build: fn(&Tenant, &Recipient) -> Value) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").or_else(|| cx.string("Anr"));
    let filter = cx.string("Filter");
    let types = cx.strings("RecipientTypeDetails");
    let w = world(cx);
    let tn = &w.tenants[t];
    let candidates: Vec<usize> = match &id {
        Some(x) => match exo::resolve(tn, x, accept) {
            Ok(i) => vec![i],
            Err(e) => return fail(cx, Some(t), &e),
        },
        None => (0..tn.exo.recipients.len()).filter(|i| accept(&tn.exo.recipients[*i])).collect(),
    };
    let mut out = Vec::new();
    for i in candidates {
        let r = &tn.exo.recipients[i];
        if !types.is_empty() && !types.iter().flat_map(|x| x.split(',')).any(|x| x.trim().eq_ignore_ascii_case(r.kind.details())) {
            continue;
        }
        if let Some(f) = &filter {
            match opath_match(r, tn, f) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(e) => return fail(cx, Some(t), &e),
            }
        }
        out.push(build(tn, r));
    }
    let out = limit(cx, out)?;
    emit_all(cx, out)
}

fn get_mailbox(cx: &mut Cx) -> R {
    if cx.switch("SoftDeletedMailbox") || cx.switch("InactiveMailboxOnly") {
        return Ok(());
    }
    list_recipients(cx, |r| r.kind.is_mailbox(), mailbox_object)
}

fn get_mail_user(cx: &mut Cx) -> R {
    if cx.switch("SoftDeletedMailUser") {
        return Ok(());
    }
    list_recipients(cx, |r| r.kind == RecipientKind::MailUser, mail_user_object)
}

fn get_recipient(cx: &mut Cx) -> R {
    list_recipients(cx, |_| true, reduced_object)
}

fn get_group(cx: &mut Cx) -> R {
    list_recipients(cx, |r| r.kind.is_group(), group_object)
}

/// Resolve exactly one recipient of a kind, or write the service's not-found error.
fn one(cx: &mut Cx, t: usize, id: &str, accept: fn(&Recipient) -> bool) -> Result<usize, R> {
    let r = exo::resolve(&world(cx).tenants[t], id, accept);
    match r {
        Ok(i) => Ok(i),
        Err(e) => Err(fail(cx, Some(t), &e)),
    }
}

/// A MultiValuedProperty change: `@{add=…; remove=…}` or a replacement list.
fn multi_change(v: &Value) -> MultiChange {
    let list = |v: &Value| -> Vec<String> {
        match v.enumerate() {
            Some(items) => items.iter().map(to_display_string).collect(),
            None if v.is_null() => Vec::new(),
            None => vec![to_display_string(v)],
        }
    };
    if let Value::Hashtable(h) = v {
        let h = h.borrow();
        let mut add = Vec::new();
        let mut remove = Vec::new();
        for (k, x) in h.iter() {
            let key = to_display_string(k).to_ascii_lowercase();
            match key.as_str() {
                "add" | "+" => add.extend(list(x)),
                "remove" | "-" => remove.extend(list(x)),
                _ => {}
            }
        }
        return MultiChange::Edit { add, remove };
    }
    MultiChange::Replace(list(v))
}

fn set_mailbox(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    let i = match one(cx, t, &id, |r| r.kind.is_mailbox()) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let remove_disabled = cx.switch("RemoveDisabledArchive");
    let delegates = cx.get("GrantSendOnBehalfTo").map(multi_change);
    match world(cx).set_mailbox(t, i, remove_disabled, delegates) {
        Ok(()) => Ok(()),
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn enable_mailbox(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    let i = match one(cx, t, &id, |r| r.kind.is_mailbox()) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let auto_expanding = cx.switch("AutoExpandingArchive");
    match world(cx).enable_archive(t, i, auto_expanding) {
        Ok(()) => {
            let tn = &world(cx).tenants[t];
            let v = mailbox_object(tn, &tn.exo.recipients[i]);
            cx.emit(v)
        }
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn new_mail_user(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    if cx.set_name() != "MicrosoftOnlineServicesID" {
        return Err(crate::cmdlets::core::not_supported(cx, &format!("The {} parameter set of New-MailUser", cx.set_name())));
    }
    let mosi = cx.string("MicrosoftOnlineServicesID").unwrap_or_default().trim().to_string();
    let spec = exo::NewMailUser {
        name: cx.string("Name"),
        alias: cx.string("Alias"),
        display_name: cx.string("DisplayName"),
        first_name: cx.string("FirstName"),
        last_name: cx.string("LastName"),
        primary_smtp: cx.string("PrimarySmtpAddress"),
        external_email_address: cx.string("ExternalEmailAddress").unwrap_or_default(),
    };
    match world(cx).new_mail_user(t, &mosi, &spec) {
        Ok(i) => {
            let tn = &world(cx).tenants[t];
            let v = mail_user_object(tn, &tn.exo.recipients[i]);
            cx.emit(v)
        }
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn guid_param(cx: &Cx, name: &str) -> Result<Option<String>, ExoError> {
    match cx.get(name) {
        None => Ok(None),
        Some(Value::Guid(g)) => Ok(Some(crate::engine::value::format_guid(g))),
        Some(v) if v.is_null() => Ok(Some(ZERO_GUID.into())),
        Some(v) => {
            let s = to_display_string(v);
            if ids::is_guid(&s) {
                Ok(Some(s.trim().trim_matches(|c| c == '{' || c == '}').to_ascii_lowercase()))
            } else {
                Err(ExoError::Invalid(format!(
                    "Cannot process argument transformation on parameter '{name}'. Cannot convert value \"{s}\" to type \"System.Guid\"."
                )))
            }
        }
    }
}

fn set_mail_user(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    let i = match one(cx, t, &id, |r| r.kind == RecipientKind::MailUser) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let supported = [
        "Identity",
        "EmailAddresses",
        "ExchangeGuid",
        "ArchiveGuid",
        "ExternalEmailAddress",
        "PrimarySmtpAddress",
        "DisplayName",
        "Name",
        "Alias",
        "HiddenFromAddressListsEnabled",
        "RemoveDisabledArchive",
        "WindowsEmailAddress",
    ];
    // The parameters given (not all ~100 declared ones: this runs once per mail user).
    for &b in &cx.bound.order {
        let n: &str = &cx.sig.params[b].name;
        let custom = n.starts_with("CustomAttribute");
        if !supported.iter().any(|s| s.eq_ignore_ascii_case(n)) && !custom && !matches!(n, "Confirm" | "WhatIf") {
            return crate::cmdlets::core::reject(cx, &[n]);
        }
    }
    let exchange_guid = match guid_param(cx, "ExchangeGuid") {
        Ok(g) => g,
        Err(e) => return fail(cx, Some(t), &e),
    };
    let archive_guid = match guid_param(cx, "ArchiveGuid") {
        Ok(g) => g,
        Err(e) => return fail(cx, Some(t), &e),
    };
    let change = admin::MailUserChange {
        exchange_guid,
        archive_guid,
        email_addresses: cx.get("EmailAddresses").map(multi_change),
        external_email_address: cx.string("ExternalEmailAddress"),
        primary_smtp_address: cx.string("PrimarySmtpAddress"),
        windows_email_address: cx.string("WindowsEmailAddress"),
        name: cx.string("Name"),
        alias: cx.string("Alias"),
        display_name: cx.string("DisplayName"),
        custom_attributes: (1..=15u8).zip(CUSTOM_ATTRIBUTES).filter_map(|(n, name)| cx.get(name).map(|v| (n, to_display_string(v)))).collect(),
        remove_disabled_archive: cx.switch("RemoveDisabledArchive"),
    };
    match world(cx).set_mail_user(t, i, change) {
        Ok(()) => Ok(()),
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn user_object(t: &Tenant, u: &directory::User) -> Value {
    let r = t.exo.by_external(&u.object_id).map(|i| &t.exo.recipients[i]);
    let mut o = PsObject::typed(T_USER);
    let name = r.map(|r| r.name.clone()).unwrap_or_else(|| exo::alias_from(&u.upn));
    let (first, last) = match r {
        Some(r) if !r.first_name.is_empty() || !r.last_name.is_empty() => (r.first_name.clone(), r.last_name.clone()),
        _ => match u.display_name.split_once(' ') {
            Some((f, l)) => (f.to_string(), l.to_string()),
            None => (String::new(), String::new()),
        },
    };
    put(&mut o, "Name", Value::string(name.clone()));
    put(&mut o, "DisplayName", Value::str(&u.display_name));
    put(&mut o, "FirstName", Value::string(first));
    put(&mut o, "LastName", Value::string(last));
    put(&mut o, "UserPrincipalName", Value::str(&u.upn));
    put(&mut o, "WindowsEmailAddress", Value::str(r.map(|r| r.primary_smtp.as_str()).unwrap_or("")));
    put(&mut o, "PreviousRecipientTypeDetails", Value::str(r.and_then(|r| r.previous_kind).map(|k| k.details()).unwrap_or("None")));
    put(&mut o, "RecipientType", Value::str(r.map(|r| r.kind.recipient_type()).unwrap_or("User")));
    put(&mut o, "RecipientTypeDetails", Value::str(r.map(|r| r.kind.details()).unwrap_or("User")));
    put(&mut o, "PreviousExchangeGuid", guid(r.and_then(|r| r.previous_exchange_guid.as_deref()).unwrap_or(ZERO_GUID)));
    put(&mut o, "AccountDisabled", Value::Bool(!u.account_enabled));
    put(&mut o, "ExternalDirectoryObjectId", Value::str(&u.object_id));
    put(&mut o, "Identity", Value::string(name));
    put(&mut o, "Guid", guid(&ids::guid(&["exo-user", &t.tenant_id, &u.object_id])));
    o.into_value()
}

/// Directory users an identity names (UPN, object id, or any identity of their recipient).
fn users_matching(t: &Tenant, id: &str) -> Vec<usize> {
    if let Some(i) = t.directory.user_index(id) {
        return vec![i];
    }
    let mut v: Vec<usize> = t.directory.users.iter().enumerate().filter(|(_, u)| u.object_id.eq_ignore_ascii_case(id.trim())).map(|(i, _)| i).collect();
    if v.is_empty() {
        for ri in t.exo.find(id) {
            let ext = &t.exo.recipients[ri as usize].external_id;
            if let Some(ui) = t.directory.user_index_by_object_id(ext) {
                if !v.contains(&ui) {
                    v.push(ui);
                }
            }
        }
    }
    v
}

fn get_user(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity");
    let types = cx.strings("RecipientTypeDetails");
    let tn = &world(cx).tenants[t];
    let list: Vec<usize> = match &id {
        Some(x) => {
            let v = users_matching(tn, x);
            match v.len() {
                0 => {
                    let e = ExoError::NotFound(x.clone(), tn.exo_dc());
                    return fail(cx, Some(t), &e);
                }
                1 => v,
                _ => return fail(cx, Some(t), &ExoError::Ambiguous(x.clone())),
            }
        }
        None => (0..tn.directory.users.len()).collect(),
    };
    let out: Vec<Value> = list
        .into_iter()
        .map(|i| &tn.directory.users[i])
        .filter(|u| {
            types.is_empty() || {
                let d = tn.exo.by_external(&u.object_id).map(|r| tn.exo.recipients[r].kind.details()).unwrap_or("User");
                types.iter().any(|x| x.eq_ignore_ascii_case(d))
            }
        })
        .map(|u| user_object(tn, u))
        .collect();
    let out = limit(cx, out)?;
    emit_all(cx, out)
}

fn set_user(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    let clear = cx.switch("PermanentlyClearPreviousMailboxInfo");
    let tn = &world(cx).tenants[t];
    let users = users_matching(tn, &id);
    if users.len() != 1 {
        let e = if users.is_empty() { ExoError::NotFound(id, tn.exo_dc()) } else { ExoError::Ambiguous(id) };
        return fail(cx, Some(t), &e);
    }
    if clear {
        world(cx).clear_previous_mailbox(t, users[0]);
    }
    Ok(())
}

// ───────────────────────────── groups ─────────────────────────────

fn new_group(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let name = cx.string("Name").unwrap_or_default();
    let alias = cx.string("Alias");
    let security = cx.string("Type").is_some_and(|x| x.eq_ignore_ascii_case("Security"));
    let primary = cx.string("PrimarySmtpAddress");
    let members = cx.strings("Members");
    let display = cx.string("DisplayName");
    let w = world(cx);
    match w.new_distribution_group(t, &name, alias.as_deref(), security, primary, &members) {
        Ok(i) => {
            let now = w.now_ticks;
            let tn = &mut w.tenants[t];
            if let Some(d) = display {
                tn.exo.update_recipient(i, now, |r| r.display_name = d);
            }
            let v = group_object(tn, &tn.exo.recipients[i]);
            cx.emit(v)
        }
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn member_op(cx: &mut Cx, add: bool) -> R {
    let t = tenant_or_return!(cx);
    let g = ident_param(cx, "Identity").unwrap_or_default();
    let m = ident_param(cx, "Member").unwrap_or_default();
    let w = world(cx);
    let r = if add { w.add_group_member(t, &g, &m) } else { w.remove_group_member(t, &g, &m) };
    match r {
        Ok(()) => Ok(()),
        Err(e) => fail(cx, Some(t), &e),
    }
}

fn add_member(cx: &mut Cx) -> R {
    member_op(cx, true)
}
fn remove_member(cx: &mut Cx) -> R {
    member_op(cx, false)
}

fn get_members(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let g = ident_param(cx, "Identity").unwrap_or_default();
    let gi = match one(cx, t, &g, |r| r.kind.is_group()) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let w = world(cx);
    let members = w.group_member_recipients(t, gi);
    let tn = &w.tenants[t];
    let out: Vec<Value> = members.into_iter().map(|i| reduced_object(tn, &tn.exo.recipients[i])).collect();
    emit_all(cx, out)
}

// ───────────────────────────── permissions ─────────────────────────────

fn permission_object(r: &Recipient, p: &MailboxPermission) -> Value {
    let mut o = PsObject::typed(T_PERMISSION);
    put(&mut o, "Identity", Value::str(&r.name));
    put(&mut o, "User", Value::str(&p.user));
    put(&mut o, "AccessRights", strs(&p.rights));
    put(&mut o, "IsInherited", Value::Bool(p.inherited));
    put(&mut o, "Deny", Value::Bool(p.deny));
    put(&mut o, "InheritanceType", text("All"));
    o.into_value()
}

fn get_permission(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    let user = ident_param(cx, "User");
    let i = match one(cx, t, &id, |r| r.kind.is_mailbox()) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let tn = &world(cx).tenants[t];
    let r = &tn.exo.recipients[i];
    let user_upn = user.as_deref().map(|u| tn.exo.find(u).first().and_then(|x| upn_of(tn, &tn.exo.recipients[*x as usize])).unwrap_or_else(|| u.to_string()));
    let out: Vec<Value> =
        r.permissions.iter().filter(|p| user_upn.as_deref().is_none_or(|u| p.user.eq_ignore_ascii_case(u))).map(|p| permission_object(r, p)).collect();
    emit_all(cx, out)
}

fn add_permission(cx: &mut Cx) -> R {
    let t = tenant_or_return!(cx);
    let id = ident_param(cx, "Identity").unwrap_or_default();
    let user = ident_param(cx, "User").unwrap_or_default();
    let rights = cx.strings("AccessRights");
    let deny = cx.switch("Deny");
    let i = match one(cx, t, &id, |r| r.kind.is_mailbox()) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let ui = match one(cx, t, &user, |r| !r.kind.is_group() || r.kind == RecipientKind::MailUniversalSecurityGroup) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let p = world(cx).add_mailbox_permission(t, i, ui, &rights, deny);
    let v = permission_object(&world(cx).tenants[t].exo.recipients[i], &p);
    cx.emit(v)
}

// ───────────────────────────── simulation control ─────────────────────────────

fn sim_error(cx: &mut Cx, msg: String) -> R {
    let rec = cx.error("System.ArgumentException", msg, "InvalidArgument", "InvalidArgument");
    cx.write_error(rec)
}

/// Set-TenantSimMailbox: what an administrator can't set with Exchange cmdlets but a
/// rehearsal needs (holds, size, auxiliary archives, a disabled archive, an internal move).
fn sim_set_mailbox(cx: &mut Cx) -> R {
    let tenant = cx.string("Tenant").unwrap_or_default();
    let id = cx.string("Identity").unwrap_or_default();
    let hold = opt_bool(cx, "LitigationHold");
    let in_place = if cx.has("InPlaceHolds") { Some(cx.strings("InPlaceHolds")) } else { None };
    let size = cx.get("SizeGB").and_then(crate::engine::convert::to_num).map(|n| n.to_f64());
    let items = cx.int("ItemCount");
    let aux = cx.int("AuxArchiveCount");
    let disabled = opt_bool(cx, "DisabledArchive");
    let moving = opt_bool(cx, "MoveInProgress");
    let pass_thru = cx.switch("PassThru");
    let w = world(cx);
    let now = w.now_ticks;
    let Some(t) = w.tenant_index(&tenant) else { return sim_error(cx, format!("Tenant '{tenant}' was not found.")) };
    let i = match exo::resolve(&w.tenants[t], &id, |r| r.kind.is_mailbox() || r.kind == RecipientKind::MailUser) {
        Ok(i) => i,
        Err(e) => return sim_error(cx, e.to_string()),
    };
    let tname = w.tenants[t].name.to_ascii_lowercase();
    w.tenants[t].exo.update_recipient(i, now, |r| {
        if let Some(h) = hold {
            r.litigation_hold = h;
        }
        if let Some(v) = in_place {
            r.in_place_holds = v;
        }
        if let Some(g) = size {
            r.size_bytes = (g.max(0.0) * exo::BYTES_PER_GB as f64) as u64;
        }
        if let Some(n) = items {
            r.items = n.max(0) as u64;
        }
        if let Some(n) = aux {
            r.aux_archives = n.clamp(0, 1000) as u32;
        }
        if let Some(d) = disabled {
            r.disabled_archive_guid = if d { Some(ids::guid(&["disabled-archive", &tname, &r.guid])) } else { None };
        }
    });
    if let Some(m) = moving {
        let r = w.tenants[t].exo.recipients[i].clone();
        let exo_t = &mut w.tenants[t].exo;
        if m {
            // An internal (intra-organization) move of the mailbox, e.g. a database rebalance.
            let mr = exo_t.move_requests.len() as u32;
            exo_t.move_requests.push(mig::MoveRequest {
                guid: ids::guid(&["internal-move", &r.guid, &now.to_string()]),
                exchange_guid: r.exchange_guid.clone(),
                display_name: r.display_name.clone(),
                alias: r.alias.clone(),
                source_tenant: t,
                cross_tenant: false,
                batch_name: String::new(),
                migration_user: None,
                status: MoveStatus::InProgress,
                status_detail: "CopyingMessages".into(),
                percent: 40,
                remote_host: String::new(),
                target_delivery_domain: String::new(),
                bytes_total: r.size_bytes,
                items_total: r.items,
                archive_bytes: r.archive_size_bytes,
                bytes_transferred: r.size_bytes / 2,
                items_transferred: r.items / 2,
                queued: now,
                started: Some(now),
                synced: None,
                completed: None,
                last_update: now,
                failure: None,
                removed: false,
            });
            exo_t.idx.move_by_guid.insert(r.exchange_guid.to_ascii_lowercase().into_boxed_str(), mr);
        } else {
            for m in exo_t.move_requests.iter_mut().filter(|m| !m.cross_tenant && m.exchange_guid.eq_ignore_ascii_case(&r.exchange_guid)) {
                m.status = MoveStatus::Completed;
                m.status_detail = "Completed".into();
                m.percent = 100;
                m.completed = Some(now);
            }
        }
    }
    if pass_thru {
        register_views();
        let tn = &w.tenants[t];
        let r = &tn.exo.recipients[i];
        let v = if r.kind.is_mailbox() { mailbox_object(tn, r) } else { mail_user_object(tn, r) };
        return cx.emit(v);
    }
    Ok(())
}

/// Add-TenantSimMailboxFault: a declared failure of a mailbox move.
fn sim_add_fault(cx: &mut Cx) -> R {
    let key = cx.string("Mailbox").unwrap_or_default();
    let phase = cx.string("Phase").unwrap_or_default();
    let outcome = cx.string("Outcome").unwrap_or_else(|| "Failed".into());
    let Some(phase) = MbxPhase::parse(&phase) else { return sim_error(cx, format!("Unknown phase '{phase}': use Validation, InitialSync or Completion.")) };
    let fail = match outcome.to_ascii_lowercase().as_str() {
        "failed" => true,
        "rescheduled" | "transient" => false,
        _ => return sim_error(cx, format!("Unknown outcome '{outcome}': use Failed or Rescheduled.")),
    };
    let f = mig::MailboxFault { key: key.trim().to_string(), phase, fail, exception: cx.string("Exception"), message: cx.string("Message") };
    let mut o = PsObject::typed("TenantSim.MailboxFault");
    put(&mut o, "Mailbox", Value::str(&f.key));
    put(&mut o, "Phase", text(f.phase.name()));
    put(&mut o, "Outcome", text(if f.fail { "Failed" } else { "Rescheduled" }));
    put(&mut o, "Exception", opt_str(f.exception.as_deref()));
    put(&mut o, "Message", opt_str(f.message.as_deref()));
    world(cx).mailbox_faults.push(f);
    cx.emit(o.into_value())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_classes_follow_exchange() {
        assert_eq!(class_of("Get-Mailbox"), "Microsoft.Exchange.Management.RecipientTasks.GetMailbox");
        assert_eq!(class_of("New-OrganizationRelationship"), "Microsoft.Exchange.Management.SystemConfigurationTasks.NewOrganizationRelationship");
        assert_eq!(class_of("Enable-OrganizationCustomization"), "Microsoft.Exchange.Management.Deployment.EnableOrganizationCustomizationTask");
        assert_eq!(
            class_of("Test-MigrationServerAvailability"),
            "Microsoft.Exchange.Management.Migration.MigrationService.Endpoint.TestMigrationServerAvailability"
        );
    }

    #[test]
    fn times_are_en_us() {
        assert_eq!(us_time(crate::sim::DEFAULT_START_TICKS), "11/23/2026 9:00:00 AM");
    }
}
