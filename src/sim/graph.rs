//! Microsoft Entra ID as Microsoft Graph sees it, beyond the directory's users and groups:
//! app registrations (sign-in audience, redirect URIs, required permissions, client secrets),
//! service principals (enterprise applications) with their app roles, and admin consent.
//!
//! RULE 2 (mailbox-t2t.md §14): the migration app is multi-tenant, redirects to
//! https://office.com, requests the `Mailbox.Migration` application permission of Office 365
//! Exchange Online, has a client secret, and an administrator consented to it in both tenants.
//! Token requests (`authenticate`) fail with Entra ID's AADSTS errors when one of those is
//! missing; New-MigrationEndpoint and every move re-authenticate through it.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::sim::ids;
use crate::sim::tenant::Tenant;
use crate::sim::world::World;

/// Office 365 Exchange Online (well-known first-party application id).
pub const EXO_APP_ID: &str = "00000002-0000-0ff1-ce00-000000000000";
/// Microsoft Graph.
pub const GRAPH_APP_ID: &str = "00000003-0000-0000-c000-000000000000";
pub const MAILBOX_MIGRATION: &str = "Mailbox.Migration";
/// The redirect URI of the article's consent URL.
pub const OFFICE_REDIRECT: &str = "https://office.com";

pub const AUDIENCE_SINGLE: &str = "AzureADMyOrg";
pub const AUDIENCE_MULTI: &str = "AzureADMultipleOrgs";
pub const AUDIENCES: &[&str] = &["AzureADMyOrg", "AzureADMultipleOrgs", "AzureADandPersonalMicrosoftAccount", "PersonalMicrosoftAccount"];

#[derive(Debug, Clone, PartialEq, Error)]
pub enum GraphError {
    #[error("Resource '{0}' does not exist or one of its queried reference-property objects are not present.")]
    NotFound(String),
    #[error("Insufficient privileges to complete the operation.")]
    Forbidden,
    #[error("Invalid value specified for property '{0}' of resource '{1}'.")]
    BadProperty(String, String),
    #[error("Another object with the same value for property {0} already exists.")]
    Conflict(String),
    #[error("Invalid filter clause: {0}")]
    BadFilter(String),
    #[error("License assignment cannot be done for user with invalid usage location.")]
    NoUsageLocation,
    #[error("License {0} does not correspond to a valid company License.")]
    UnknownSku(String),
    #[error("User license is inconsistent: the license {0} is not assigned to the user.")]
    LicenseNotAssigned(String),
    /// Entra ID's token/consent errors (AADSTS texts as Entra ID writes them).
    #[error(
        "AADSTS700016: Application with identifier '{0}' was not found in the directory '{1}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."
    )]
    AppNotFoundInDirectory(String, String),
    #[error(
        "AADSTS50011: The redirect URI '{0}' specified in the request does not match the redirect URIs configured for the application '{1}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this."
    )]
    RedirectMismatch(String, String),
    #[error(
        "AADSTS650056: Misconfigured application. This could be due to one of the following: the client has not listed any permissions for '{0}' in the requested permissions in the client's application registration. Or, the admin has not consented in the tenant. Or, check the application identifier in the request to ensure it matches the configured client application identifier."
    )]
    NoPermissionRequested(String),
    #[error(
        "AADSTS65001: The user or administrator has not consented to use the application with ID '{0}' named '{1}'. Send an interactive authorization request for this user and resource."
    )]
    NotConsented(String, String),
    #[error(
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{0}'."
    )]
    BadSecret(String),
    #[error(
        "AADSTS7000222: The provided client secret keys for app '{0}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds."
    )]
    SecretExpired(String),
    #[error("AADSTS90002: Tenant '{0}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.")]
    TenantNotFound(String),
    #[error("{0}")]
    Invalid(String),
}

impl GraphError {
    /// The Graph error code (`ErrorCode:` line and first part of the FullyQualifiedErrorId).
    pub fn code(&self) -> &'static str {
        use GraphError::*;
        match self {
            NotFound(_) => "Request_ResourceNotFound",
            Forbidden => "Authorization_RequestDenied",
            BadProperty(..) | BadFilter(_) | Invalid(_) => "Request_BadRequest",
            Conflict(_) => "Request_BadRequest",
            NoUsageLocation | UnknownSku(_) | LicenseNotAssigned(_) => "Request_BadRequest",
            _ => "invalid_client",
        }
    }
    pub fn status(&self) -> &'static str {
        match self {
            GraphError::NotFound(_) => "404 (NotFound)",
            GraphError::Forbidden => "403 (Forbidden)",
            _ => "400 (BadRequest)",
        }
    }
    pub fn category(&self) -> &'static str {
        match self {
            GraphError::NotFound(_) => "ObjectNotFound",
            GraphError::Forbidden => "AuthenticationError",
            _ => "InvalidOperation",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppRole {
    pub id: String,
    pub value: String,
    pub display_name: String,
    pub description: String,
    pub allowed_member_types: Vec<String>,
}

/// One permission of `requiredResourceAccess`: an app role (`Role`) or a delegated scope (`Scope`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ResourceAccess {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RequiredResource {
    pub resource_app_id: String,
    pub access: Vec<ResourceAccess>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PasswordCredential {
    pub key_id: String,
    #[serde(default)]
    pub display_name: Option<String>,
    pub hint: String,
    /// The secret value (returned once by Add-MgApplicationPassword; kept to check tokens).
    pub secret: String,
    pub start: i64,
    pub end: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    /// Object id (what Add-MgApplicationPassword -ApplicationId takes).
    pub id: String,
    /// Application (client) id.
    pub app_id: String,
    pub display_name: String,
    pub sign_in_audience: String,
    #[serde(default)]
    pub redirect_uris: Vec<String>,
    #[serde(default)]
    pub required: Vec<RequiredResource>,
    #[serde(default)]
    pub passwords: Vec<PasswordCredential>,
    pub created: i64,
}

impl Application {
    /// Does the app request an application permission (app role) of a resource?
    pub fn requests_role(&self, resource_app_id: &str, role_id: &str) -> bool {
        self.required.iter().any(|r| {
            r.resource_app_id.eq_ignore_ascii_case(resource_app_id)
                && r.access.iter().any(|a| a.id.eq_ignore_ascii_case(role_id) && a.kind.eq_ignore_ascii_case("Role"))
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServicePrincipal {
    pub id: String,
    pub app_id: String,
    pub display_name: String,
    pub app_owner_tenant_id: String,
    #[serde(default)]
    pub sign_in_audience: String,
    #[serde(default)]
    pub app_roles: Vec<AppRole>,
    #[serde(default)]
    pub reply_urls: Vec<String>,
    /// Application permissions an administrator consented to: (resource app id, role value).
    #[serde(default)]
    pub granted: Vec<(String, String)>,
    pub created: i64,
}

impl ServicePrincipal {
    pub fn has_grant(&self, resource_app_id: &str, role: &str) -> bool {
        self.granted.iter().any(|(r, v)| r.eq_ignore_ascii_case(resource_app_id) && v.eq_ignore_ascii_case(role))
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphTenant {
    #[serde(default)]
    pub applications: Vec<Application>,
    #[serde(default)]
    pub service_principals: Vec<ServicePrincipal>,
}

impl GraphTenant {
    pub fn app_by_app_id(&self, app_id: &str) -> Option<usize> {
        self.applications.iter().position(|a| a.app_id.eq_ignore_ascii_case(app_id.trim()))
    }
    pub fn app_by_id(&self, id: &str) -> Option<usize> {
        self.applications.iter().position(|a| a.id.eq_ignore_ascii_case(id.trim()))
    }
    pub fn sp_by_app_id(&self, app_id: &str) -> Option<usize> {
        self.service_principals.iter().position(|s| s.app_id.eq_ignore_ascii_case(app_id.trim()))
    }
}

/// The app role id of `Mailbox.Migration` on Office 365 Exchange Online. The real id is not in
/// the harvested reference; this stand-in is what every simulated tenant publishes, so scripts
/// that look it up with Get-MgServicePrincipal (as real ones do) work unchanged.
pub fn mailbox_migration_role_id() -> String {
    ids::guid(&["app-role", EXO_APP_ID, MAILBOX_MIGRATION])
}

fn role(resource: &str, value: &str, display: &str, description: &str) -> AppRole {
    AppRole {
        id: ids::guid(&["app-role", resource, value]),
        value: value.into(),
        display_name: display.into(),
        description: description.into(),
        allowed_member_types: vec!["Application".into()],
    }
}

/// The first-party service principals every tenant has.
pub fn ensure_builtins(t: &mut Tenant, now: i64) {
    let tid = t.tenant_id.clone();
    let g = &mut t.graph;
    if g.sp_by_app_id(EXO_APP_ID).is_none() {
        g.service_principals.push(ServicePrincipal {
            id: ids::guid(&["sp", &tid, EXO_APP_ID]),
            app_id: EXO_APP_ID.into(),
            display_name: "Office 365 Exchange Online".into(),
            app_owner_tenant_id: "f8cdef31-a31e-4b4a-93e4-5f571e91255a".into(),
            sign_in_audience: AUDIENCE_MULTI.into(),
            app_roles: vec![
                role(
                    EXO_APP_ID,
                    MAILBOX_MIGRATION,
                    "Move mailboxes between organizations",
                    "Allows the app to move mailboxes between organizations without a signed-in user.",
                ),
                role(
                    EXO_APP_ID,
                    "Exchange.ManageAsApp",
                    "Manage Exchange As Application",
                    "Allows the app to manage the organization's Exchange environment without any user interaction.",
                ),
                role(
                    EXO_APP_ID,
                    "full_access_as_app",
                    "Use Exchange Web Services with full access to all mailboxes",
                    "Allows the app to have full access via Exchange Web Services to all mailboxes without a signed-in user.",
                ),
            ],
            reply_urls: Vec::new(),
            granted: Vec::new(),
            created: now,
        });
    }
    if g.sp_by_app_id(GRAPH_APP_ID).is_none() {
        g.service_principals.push(ServicePrincipal {
            id: ids::guid(&["sp", &tid, GRAPH_APP_ID]),
            app_id: GRAPH_APP_ID.into(),
            display_name: "Microsoft Graph".into(),
            app_owner_tenant_id: "f8cdef31-a31e-4b4a-93e4-5f571e91255a".into(),
            sign_in_audience: AUDIENCE_MULTI.into(),
            app_roles: vec![
                role(GRAPH_APP_ID, "User.Read.All", "Read all users' full profiles", "Allows the app to read user profiles without a signed in user."),
                role(
                    GRAPH_APP_ID,
                    "User.Invite.All",
                    "Invite guest users to the organization",
                    "Allows the app to invite guest users to the organization, without a signed-in user.",
                ),
                role(
                    GRAPH_APP_ID,
                    "Directory.ReadWrite.All",
                    "Read and write directory data",
                    "Allows the app to read and write data in your organization's directory, such as users, and groups, without a signed-in user.",
                ),
            ],
            reply_urls: Vec::new(),
            granted: Vec::new(),
            created: now,
        });
    }
}

/// A client secret value in Entra ID's shape: 3 hint characters, `8Q~`, 34 more.
fn secret_text(seed: &[&str]) -> String {
    const ALPHA: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.";
    let mut out = String::new();
    let mut h = ids::hash(seed);
    for i in 0..37 {
        if i == 3 {
            out.push_str("8Q~");
        }
        out.push(ALPHA[(h % ALPHA.len() as u64) as usize] as char);
        h = ids::mix(h ^ i as u64);
    }
    out
}

/// A new app registration (New-MgApplication).
#[derive(Debug, Clone, Default)]
pub struct NewApp {
    pub display_name: String,
    pub sign_in_audience: Option<String>,
    pub redirect_uris: Vec<String>,
    pub required: Vec<RequiredResource>,
}

impl World {
    /// The tenant that owns an app registration (by application id).
    pub fn app_owner(&self, app_id: &str) -> Option<(usize, usize)> {
        self.tenants.iter().enumerate().find_map(|(ti, t)| t.graph.app_by_app_id(app_id).map(|ai| (ti, ai)))
    }

    pub fn new_application(&mut self, t: usize, spec: NewApp) -> Result<usize, GraphError> {
        let now = self.now_ticks;
        let audience = spec.sign_in_audience.unwrap_or_else(|| AUDIENCE_SINGLE.into());
        let Some(aud) = AUDIENCES.iter().find(|a| a.eq_ignore_ascii_case(&audience)) else {
            return Err(GraphError::BadProperty("signInAudience".into(), "application".into()));
        };
        let tn = &mut self.tenants[t];
        let n = tn.graph.applications.len().to_string();
        let app = Application {
            id: ids::guid(&["app-object", &tn.tenant_id, &spec.display_name, &n, &now.to_string()]),
            app_id: ids::guid(&["app-id", &tn.tenant_id, &spec.display_name, &n, &now.to_string()]),
            display_name: spec.display_name,
            sign_in_audience: aud.to_string(),
            redirect_uris: spec.redirect_uris,
            required: spec.required,
            passwords: Vec::new(),
            created: now,
        };
        tn.graph.applications.push(app);
        Ok(tn.graph.applications.len() - 1)
    }

    /// Add-MgApplicationPassword: a new client secret; its value is returned once.
    pub fn add_password(&mut self, t: usize, app_object_id: &str, display: Option<String>, end: Option<i64>) -> Result<PasswordCredential, GraphError> {
        let now = self.now_ticks;
        let tn = &mut self.tenants[t];
        let ai = tn.graph.app_by_id(app_object_id).ok_or_else(|| GraphError::NotFound(app_object_id.trim().to_string()))?;
        let app = &mut tn.graph.applications[ai];
        let n = app.passwords.len().to_string();
        let secret = secret_text(&["secret", &app.app_id, &n, &now.to_string(), &self.seed.to_string()]);
        let cred = PasswordCredential {
            key_id: ids::guid(&["key", &app.app_id, &n, &now.to_string()]),
            display_name: display,
            hint: secret.chars().take(3).collect(),
            secret,
            start: now,
            // Two years by default (the portal's recommended 180 days is a UI choice).
            end: end.unwrap_or(now + 730 * crate::sim::clock::TICKS_PER_DAY),
        };
        app.passwords.push(cred.clone());
        Ok(cred)
    }

    /// New-MgServicePrincipal: the enterprise application of an app in this tenant.
    pub fn new_service_principal(&mut self, t: usize, app_id: &str) -> Result<usize, GraphError> {
        let now = self.now_ticks;
        let Some((owner, ai)) = self.app_owner(app_id) else {
            return Err(GraphError::Invalid(format!("The appId '{}' of the service principal does not reference a valid application object.", app_id.trim())));
        };
        let app = self.tenants[owner].graph.applications[ai].clone();
        if owner != t && app.sign_in_audience == AUDIENCE_SINGLE {
            return Err(GraphError::Invalid(format!("The appId '{}' of the service principal does not reference a valid application object.", app.app_id)));
        }
        let owner_id = self.tenants[owner].tenant_id.clone();
        let tn = &mut self.tenants[t];
        if tn.graph.sp_by_app_id(&app.app_id).is_some() {
            return Err(GraphError::Conflict("appId".into()));
        }
        tn.graph.service_principals.push(ServicePrincipal {
            id: ids::guid(&["sp", &tn.tenant_id, &app.app_id]),
            app_id: app.app_id.clone(),
            display_name: app.display_name.clone(),
            app_owner_tenant_id: owner_id,
            sign_in_audience: app.sign_in_audience.clone(),
            app_roles: Vec::new(),
            reply_urls: app.redirect_uris.clone(),
            granted: Vec::new(),
            created: now,
        });
        Ok(tn.graph.service_principals.len() - 1)
    }

    /// An administrator of `t` opens the article's admin-consent URL
    /// (`https://login.microsoftonline.com/<t>/adminconsent?client_id=<appId>&redirect_uri=https://office.com`)
    /// and accepts (RULE 2; in the target the portal's "Grant admin consent" does the same).
    /// Returns the application permissions granted.
    pub fn grant_admin_consent(&mut self, t: usize, app_id: &str) -> Result<Vec<String>, GraphError> {
        let now = self.now_ticks;
        let tenant_label = self.tenants[t].initial_domain();
        let Some((owner, ai)) = self.app_owner(app_id) else {
            return Err(GraphError::AppNotFoundInDirectory(app_id.trim().to_string(), tenant_label));
        };
        let app = self.tenants[owner].graph.applications[ai].clone();
        // RULE 2: only a multi-tenant app can be consented to in another tenant.
        if owner != t && app.sign_in_audience == AUDIENCE_SINGLE {
            return Err(GraphError::AppNotFoundInDirectory(app.app_id, tenant_label));
        }
        // RULE 2: the consent URL redirects to https://office.com, which the app must list.
        let ok_redirect = app.redirect_uris.iter().any(|u| u.trim().trim_end_matches('/').eq_ignore_ascii_case(OFFICE_REDIRECT));
        if !ok_redirect {
            return Err(GraphError::RedirectMismatch(OFFICE_REDIRECT.into(), app.app_id));
        }
        // RULE 2: the app requests Mailbox.Migration on Office 365 Exchange Online.
        let role_id = mailbox_migration_role_id();
        if !app.requests_role(EXO_APP_ID, &role_id) {
            return Err(GraphError::NoPermissionRequested("Office 365 Exchange Online".into()));
        }
        // Every application permission the app requests, by value, for the resources known here.
        let tn = &self.tenants[t];
        let mut granted = Vec::new();
        for r in &app.required {
            let Some(sp) = tn.graph.sp_by_app_id(&r.resource_app_id).map(|i| &tn.graph.service_principals[i]) else { continue };
            for a in r.access.iter().filter(|a| a.kind.eq_ignore_ascii_case("Role")) {
                if let Some(role) = sp.app_roles.iter().find(|x| x.id.eq_ignore_ascii_case(&a.id)) {
                    granted.push((r.resource_app_id.clone(), role.value.clone()));
                }
            }
        }
        let owner_id = self.tenants[owner].tenant_id.clone();
        let tn = &mut self.tenants[t];
        let si = match tn.graph.sp_by_app_id(&app.app_id) {
            Some(i) => i,
            None => {
                tn.graph.service_principals.push(ServicePrincipal {
                    id: ids::guid(&["sp", &tn.tenant_id, &app.app_id]),
                    app_id: app.app_id.clone(),
                    display_name: app.display_name.clone(),
                    app_owner_tenant_id: owner_id,
                    sign_in_audience: app.sign_in_audience.clone(),
                    app_roles: Vec::new(),
                    reply_urls: app.redirect_uris.clone(),
                    granted: Vec::new(),
                    created: now,
                });
                tn.graph.service_principals.len() - 1
            }
        };
        let sp = &mut tn.graph.service_principals[si];
        for g in &granted {
            if !sp.has_grant(&g.0, &g.1) {
                sp.granted.push(g.clone());
            }
        }
        Ok(granted.into_iter().map(|(_, v)| v).collect())
    }

    /// A client-credentials token request of the migration service, made in `target` for
    /// access to `source` (New-MigrationEndpoint, Test-MigrationServerAvailability, every
    /// move): the app exists, the secret is valid, and both tenants consented to
    /// Mailbox.Migration (RULE 2 and 3).
    pub fn authenticate(&self, target: usize, source: usize, client_id: &str, secret: &str) -> Result<(), GraphError> {
        let target_label = self.tenants[target].initial_domain();
        let source_label = self.tenants[source].initial_domain();
        let Some((owner, ai)) = self.app_owner(client_id) else {
            return Err(GraphError::AppNotFoundInDirectory(client_id.trim().to_string(), target_label));
        };
        let app = &self.tenants[owner].graph.applications[ai];
        let now = self.now_ticks;
        let matching: Vec<&PasswordCredential> = app.passwords.iter().filter(|p| p.secret == secret).collect();
        if matching.is_empty() {
            return Err(GraphError::BadSecret(app.app_id.clone()));
        }
        if !matching.iter().any(|p| p.start <= now && now < p.end) {
            return Err(GraphError::SecretExpired(app.app_id.clone()));
        }
        for (tenant, label) in [(target, &target_label), (source, &source_label)] {
            if tenant != owner && app.sign_in_audience == AUDIENCE_SINGLE {
                return Err(GraphError::AppNotFoundInDirectory(app.app_id.clone(), label.clone()));
            }
            let g = &self.tenants[tenant].graph;
            let consented = g.sp_by_app_id(&app.app_id).is_some_and(|i| g.service_principals[i].has_grant(EXO_APP_ID, MAILBOX_MIGRATION));
            if !consented {
                return Err(GraphError::NotConsented(app.app_id.clone(), app.display_name.clone()));
            }
        }
        Ok(())
    }
}

/// A service plan of a licence.
#[derive(Debug, Clone)]
pub struct ServicePlan {
    pub id: String,
    pub name: &'static str,
}

impl ServicePlan {
    /// Plans that provision an Exchange Online mailbox.
    pub fn is_exchange_mailbox(&self) -> bool {
        self.name.starts_with("EXCHANGE_S_")
    }
}

/// The service plans of the SKUs the simulation knows (plan ids as Microsoft publishes them in
/// "Product names and service plan identifiers for licensing"; the two migration plans, whose
/// ids are not in the harvested reference, get stand-in ids).
pub fn service_plans(part_number: &str) -> Vec<ServicePlan> {
    let p = |id: &str, name: &'static str| ServicePlan { id: id.to_string(), name };
    let e5_extras = || {
        vec![
            p("9f431833-0334-42de-a7dc-70aa40db46db", "LOCKBOX_ENTERPRISE"),
            p("c4801e8a-cb58-4c35-aca6-f2dcc106f287", "INFORMATION_BARRIERS"),
            p("efb0351d-3b08-4503-993d-383af8de41e3", "MIP_S_CLP2"),
            p("5136a095-5cf0-4aff-bec3-e84448b38ea5", "MIP_S_CLP1"),
            p("33c4f319-9bdd-48d6-9c4d-410b750a4a5a", "MYANALYTICS_P2"),
            p("34c0d7a0-a70f-4668-9238-47f9fc208882", "EXCHANGE_ANALYTICS"),
            p("4de31727-a228-4ec3-a5bf-8e45b5ca48cc", "EQUIVIO_ANALYTICS"),
            p("8e0c0a52-6a6c-4d40-8370-dd62790dcd70", "THREAT_INTELLIGENCE"),
            p("b1188c4c-1b36-4018-b48b-ee07604f6feb", "PAM_ENTERPRISE"),
            p("617b097b-4b93-4ede-83de-5f075bb5fb2f", "PREMIUM_ENCRYPTION"),
        ]
    };
    let enterprise = || {
        vec![
            p("efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE"),
            p("5dbe027f-2339-4123-9542-606e4d348a72", "SHAREPOINTENTERPRISE"),
            p("57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1"),
            p("43de0ff5-c92c-492b-9116-175376d08c38", "OFFICESUBSCRIPTION"),
        ]
    };
    match part_number.to_ascii_uppercase().as_str() {
        "SPE_E5" | "ENTERPRISEPREMIUM" => {
            let mut v = enterprise();
            v.extend(e5_extras());
            v
        }
        "SPE_E3" | "ENTERPRISEPACK" => enterprise(),
        "O365_BUSINESS_PREMIUM" => vec![
            p("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "EXCHANGE_S_STANDARD"),
            p("c7699d2e-19aa-44de-8edf-1736da088ca1", "SHAREPOINTSTANDARD"),
            p("57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1"),
        ],
        "WACONEDRIVESTANDARD" => vec![p("13696edf-5a08-49f6-8134-03083ed8ba30", "ONEDRIVESTANDARD")],
        "EXCHANGESTANDARD" => vec![p("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "EXCHANGE_S_STANDARD")],
        "CROSS_TENANT_USER_DATA_MIGRATION" => vec![
            ServicePlan { id: ids::guid(&["service-plan", "EXCHANGEONLINE_T2TMBXMOVE"]), name: "EXCHANGEONLINE_T2TMBXMOVE" },
            ServicePlan { id: ids::guid(&["service-plan", "SHAREPOINTONLINE_T2TODMOVE"]), name: "SHAREPOINTONLINE_T2TODMOVE" },
        ],
        _ => Vec::new(),
    }
}

/// Does a user's licensing provision an Exchange Online mailbox (a licence with an Exchange
/// plan that is not disabled)?
pub fn has_exchange_plan(u: &crate::sim::directory::User) -> bool {
    u.licenses.iter().any(|l| service_plans(l).iter().any(|p| p.is_exchange_mailbox() && !u.disabled_plans.iter().any(|d| d.eq_ignore_ascii_case(&p.id))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_have_entra_shape() {
        let s = secret_text(&["a"]);
        assert_eq!(s.len(), 40);
        assert_eq!(&s[3..6], "8Q~");
        assert_ne!(s, secret_text(&["b"]));
    }
}

// ───────────────────────────── users, licences, groups (Graph) ─────────────────────────────

/// POST /users: what New-MgUser sends.
#[derive(Debug, Clone, Default)]
pub struct NewGraphUser {
    pub user_principal_name: Option<String>,
    pub display_name: Option<String>,
    pub mail_nickname: Option<String>,
    pub password_profile: bool,
    pub account_enabled: Option<bool>,
    pub usage_location: Option<String>,
}

/// PATCH /users/{id}: what Update-MgUser sends (None: unchanged).
#[derive(Debug, Clone, Default)]
pub struct GraphUserUpdate {
    pub user_principal_name: Option<String>,
    pub display_name: Option<String>,
    pub account_enabled: Option<bool>,
    pub usage_location: Option<String>,
}

/// assignLicense: SKUs (by skuId, or part number) to add with their disabled plans, SKUs to
/// remove.
#[derive(Debug, Clone, Default)]
pub struct LicenseChange {
    pub add: Vec<(String, Vec<String>)>,
    pub remove: Vec<String>,
}

/// POST /groups: what New-MgGroup sends.
#[derive(Debug, Clone, Default)]
pub struct NewGraphGroup {
    pub display_name: String,
    pub mail_nickname: String,
    pub mail_enabled: bool,
    pub security_enabled: bool,
    pub unified: bool,
}

fn bad_upn_domain() -> GraphError {
    GraphError::Invalid(
        "The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.".into(),
    )
}

/// A simulation error as Graph reports it.
fn graph_err(e: crate::sim::SimError) -> GraphError {
    match e {
        crate::sim::SimError::Graph(g) => g,
        other => GraphError::Invalid(other.to_string()),
    }
}

fn sku_by_id(id: &str) -> Option<&'static crate::sim::directory::Sku> {
    let s = id.trim();
    crate::sim::directory::SKUS.iter().find(|k| k.sku_id.eq_ignore_ascii_case(s) || k.part_number.eq_ignore_ascii_case(s))
}

impl Tenant {
    /// A user by object id or UPN (Graph's `{id | userPrincipalName}`).
    pub fn graph_user(&self, id: &str) -> Option<usize> {
        self.directory.user_index(id).or_else(|| self.directory.user_index_by_object_id(id))
    }
}

impl World {
    /// New-MgUser: the properties Graph requires, a UPN in a verified domain, unique.
    pub fn graph_new_user(&mut self, t: usize, spec: NewGraphUser) -> Result<usize, GraphError> {
        for (name, missing) in [
            ("accountEnabled", spec.account_enabled.is_none()),
            ("displayName", spec.display_name.is_none()),
            ("mailNickname", spec.mail_nickname.is_none()),
            ("passwordProfile", !spec.password_profile),
            ("userPrincipalName", spec.user_principal_name.is_none()),
        ] {
            if missing {
                return Err(GraphError::Invalid(format!("Property '{name}' is required when creating the entity.")));
            }
        }
        let upn = spec.user_principal_name.unwrap_or_default();
        let tn = &mut self.tenants[t];
        if !crate::sim::exchange::valid_smtp(&upn) || !tn.accepts(&crate::sim::exchange::domain_of(&upn)) {
            return Err(bad_upn_domain());
        }
        if tn.directory.user(&upn).is_some() {
            return Err(GraphError::Conflict("userPrincipalName".into()));
        }
        let mut u = crate::sim::directory::new_user(&tn.name, &upn, spec.display_name.as_deref().unwrap_or(&upn));
        u.account_enabled = spec.account_enabled.unwrap_or(true);
        u.usage_location = spec.usage_location;
        Ok(tn.directory.add_user(u))
    }

    /// Update-MgUser: a new UPN must be in a verified domain and free; a usage location is a
    /// two-letter country code (stored upper-case).
    pub fn graph_update_user(&mut self, t: usize, id: &str, c: GraphUserUpdate) -> Result<usize, GraphError> {
        let tn = &mut self.tenants[t];
        let i = tn.graph_user(id).ok_or_else(|| GraphError::NotFound(id.to_string()))?;
        if let Some(u) = &c.user_principal_name {
            if !tn.accepts(&crate::sim::exchange::domain_of(u)) {
                return Err(bad_upn_domain());
            }
            if tn.directory.user_index(u).is_some_and(|j| j != i) {
                return Err(GraphError::Conflict("userPrincipalName".into()));
            }
        }
        if let Some(u) = &c.usage_location {
            if u.len() != 2 || !u.chars().all(|c| c.is_ascii_alphabetic()) {
                return Err(GraphError::BadProperty("usageLocation".into(), "User".into()));
            }
        }
        let user = &mut tn.directory.users[i];
        if let Some(d) = c.display_name {
            user.display_name = d;
        }
        if let Some(u) = c.usage_location {
            user.usage_location = Some(u.to_ascii_uppercase());
        }
        if let Some(e) = c.account_enabled {
            user.account_enabled = e;
        }
        if let Some(u) = c.user_principal_name {
            let old = std::mem::replace(&mut user.upn, u);
            tn.directory.reindex_user(i, &old);
        }
        Ok(i)
    }

    /// Set-MgUserLicense (assignLicense): licences need a usage location; removing one the user
    /// doesn't have fails; disabled plans apply to their SKU only. Exchange follows the change
    /// (`licenses_changed`: RULE 10 and the proxy scrubbing of known issue 4).
    pub fn assign_licenses(&mut self, t: usize, id: &str, c: LicenseChange) -> Result<usize, GraphError> {
        let tn = &self.tenants[t];
        let i = tn.graph_user(id).ok_or_else(|| GraphError::NotFound(id.to_string()))?;
        let mut adds = Vec::new();
        for (sku, disabled) in c.add {
            let s = sku_by_id(&sku).ok_or(GraphError::UnknownSku(sku))?;
            adds.push((s, disabled.into_iter().map(|d| d.to_ascii_lowercase()).collect::<Vec<_>>()));
        }
        let mut removes = Vec::new();
        for sku in c.remove {
            removes.push(sku_by_id(&sku).ok_or(GraphError::UnknownSku(sku))?);
        }
        let user = &tn.directory.users[i];
        if !adds.is_empty() && user.usage_location.is_none() {
            return Err(GraphError::NoUsageLocation);
        }
        if let Some(s) = removes.iter().find(|s| !user.licenses.iter().any(|l| l.eq_ignore_ascii_case(s.part_number))) {
            return Err(GraphError::LicenseNotAssigned(s.sku_id.to_string()));
        }
        let had = has_exchange_plan(user);
        let user = &mut self.tenants[t].directory.users[i];
        for s in removes {
            user.licenses.retain(|l| !l.eq_ignore_ascii_case(s.part_number));
            let plan_ids: Vec<String> = service_plans(s.part_number).into_iter().map(|p| p.id).collect();
            user.disabled_plans.retain(|d| !plan_ids.iter().any(|p| p.eq_ignore_ascii_case(d)));
        }
        for (s, disabled) in adds {
            if !user.licenses.iter().any(|l| l.eq_ignore_ascii_case(s.part_number)) {
                user.licenses.push(crate::sim::directory::Text::Borrowed(s.part_number));
            }
            let plan_ids: Vec<String> = service_plans(s.part_number).into_iter().map(|p| p.id).collect();
            user.disabled_plans.retain(|d| !plan_ids.iter().any(|p| p.eq_ignore_ascii_case(d)));
            for d in disabled {
                if plan_ids.iter().any(|p| p.eq_ignore_ascii_case(&d)) && !user.disabled_plans.contains(&d) {
                    user.disabled_plans.push(d);
                }
            }
        }
        self.licenses_changed(t, i, had).map_err(graph_err)?;
        Ok(i)
    }

    /// New-MgGroup: Graph creates security groups and Microsoft 365 groups; mail-enabled
    /// security groups and distribution lists are Exchange's (New-DistributionGroup).
    pub fn graph_new_group(&mut self, t: usize, g: NewGraphGroup) -> Result<usize, GraphError> {
        use crate::sim::directory::GroupKind;
        if g.display_name.is_empty() || g.mail_nickname.is_empty() {
            return Err(GraphError::Invalid("Property 'displayName' and 'mailNickname' are required when creating the entity.".into()));
        }
        let kind = if g.unified {
            GroupKind::Unified
        } else if g.mail_enabled {
            return Err(GraphError::Invalid("Cannot create a mail-enabled security groups and or distribution list.".into()));
        } else if g.security_enabled {
            GroupKind::Security
        } else {
            return Err(GraphError::Invalid("A group must be security-enabled or a Microsoft 365 group (GroupTypes Unified).".into()));
        };
        let now = self.now_ticks;
        let tn = &mut self.tenants[t];
        if tn.directory.group_by_alias(&g.mail_nickname).is_some() {
            return Err(GraphError::Conflict("mailNickname".into()));
        }
        let spec = crate::sim::scenario::GroupSpec {
            display_name: g.display_name,
            alias: g.mail_nickname.clone(),
            object_id: None,
            kind: Some(kind),
            members: Vec::new(),
            site: None,
        };
        crate::sim::scenario::add_group(tn, &spec, now).map_err(graph_err)?;
        tn.directory.groups.iter().position(|x| x.alias.eq_ignore_ascii_case(&g.mail_nickname)).ok_or(GraphError::NotFound(g.mail_nickname))
    }

    /// New-MgGroupMember: users or groups into a security or Microsoft 365 group (Exchange
    /// owns the members of mail-enabled groups).
    pub fn graph_add_group_member(&mut self, t: usize, group_id: &str, member: &str) -> Result<(), GraphError> {
        use crate::sim::directory::GroupKind;
        let tn = &mut self.tenants[t];
        let gi = tn
            .directory
            .groups
            .iter()
            .position(|g| g.object_id.eq_ignore_ascii_case(group_id.trim()))
            .ok_or_else(|| GraphError::NotFound(group_id.to_string()))?;
        if matches!(tn.directory.groups[gi].kind, GroupKind::MailEnabledSecurity | GroupKind::Distribution) {
            return Err(GraphError::Invalid("Cannot Update a mail-enabled security groups and or distribution list.".into()));
        }
        if tn.directory.user_by_object_id(member).is_none() && tn.directory.group(member).is_none() {
            return Err(GraphError::NotFound(member.to_string()));
        }
        let g = &mut tn.directory.groups[gi];
        if g.members.iter().any(|m| m.eq_ignore_ascii_case(member.trim())) {
            return Err(GraphError::Invalid("One or more added object references already exist for the following modified properties: 'members'.".into()));
        }
        g.members.push(member.trim().to_ascii_lowercase());
        tn.exo.membership_changed();
        Ok(())
    }
}
