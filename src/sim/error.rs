//! Typed errors of the simulation. Cmdlets translate them into error records: `exception()` is
//! the .NET exception type the real module surfaces, `category()` the ErrorCategory, `id()` the
//! first half of the FullyQualifiedErrorId.
//!
//! Where the real message is known (quoted in issues, docs or the module's own texts) it is
//! used verbatim; elsewhere the wording is ours and says exactly what rule was broken.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Error)]
pub enum SimError {
    // ── connection and authorisation ──────────────────────────────────────────────
    /// The module's own text when no Connect-SPOService has been run.
    #[error("No connection available. Use Connect-SPOService before running this CmdLet.")]
    NoConnection,
    /// A well-formed SharePoint URL whose tenant does not exist.
    #[error("Could not connect to SharePoint Online.")]
    UnknownTenantUrl(String),
    /// Connecting to a tenant's my-site or root URL instead of its -admin URL.
    #[error("Current site is not a tenant administration site.")]
    NotAdminSite(String),
    /// -Credential names an account that does not exist in the tenant.
    #[error("The sign-in name or password does not match one in the Microsoft account system.")]
    BadCredential(String),
    /// RULE 4: the caller must be SharePoint Administrator or Global Administrator.
    #[error("Access denied. You do not have permission to perform this action or access this resource.")]
    AccessDenied(String),

    // ── tenants, relationships ──────────────────────────────────────────────────────
    /// RULE 1: not available in government / consumer clouds (text quoted in
    /// MicrosoftDocs/microsoft-365-docs issues #10255 and #12073).
    #[error("The Cross-Tenant content move feature is not enabled for this tenant.")]
    FeatureNotEnabled,
    #[error("Could not contact the partner tenant '{0}'. Check the cross-tenant host URL (run Get-SPOCrossTenantHostUrl on the partner tenant).")]
    PartnerNotFound(String),
    #[error("A tenant cannot establish a cross-tenant relationship with itself ('{0}').")]
    SelfRelationship(String),
    #[error("No cross-tenant relationship with partner '{host}' in role '{role}' for scenario '{scenario}' was found on this tenant.")]
    RelationshipNotFound { host: String, role: String, scenario: String },
    /// RULE 31: trust removal stops working once the tenant's licences have expired.
    #[error(
        "The cross-tenant relationship cannot be removed: the licenses of this tenant expired on {0}. Remove the trust on both tenants before the source tenant's licenses expire."
    )]
    LicensesExpired(String),
    #[error("The scenario '{0}' is not supported; use -Scenario MnA.")]
    BadScenario(String),
    #[error("The partner role '{0}' is not valid; use -PartnerRole Source or -PartnerRole Target.")]
    BadPartnerRole(String),

    // ── moves: refused at once ───────────────────────────────────────────────────────
    /// RULE 4/5: Start/Stop run in the source tenant, which holds the relationship with
    /// PartnerRole Target.
    #[error(
        "This tenant has no cross-tenant relationship with '{0}' as a target. Start-/Stop- cross-tenant moves must be run in the source tenant after Set-SPOCrossTenantRelationship -PartnerRole Target."
    )]
    NotSourceSide(String),
    /// RULE 5/7/8: both halves of the trust must exist and be out of the 7-day dormant window.
    #[error(
        "The cross-tenant relationship with '{host}' is not ready: {status}. Run Verify-SPOCrossTenantRelationship on both tenants and continue only when it returns GoodToProceed."
    )]
    TrustNotReady { host: String, status: String },
    /// RULE 16: apostrophes in user names / URLs.
    #[error("The user name or URL '{0}' contains an invalid character (').")]
    InvalidCharacter(String),
    /// RULE 33: M365 group names with a period.
    #[error("Invalid character: the Microsoft 365 group name '{0}' contains a period (.).")]
    GroupNameInvalidCharacter(String),
    #[error("User '{0}' was not found in the source tenant.")]
    SourceUserNotFound(String),
    #[error("User '{0}' does not have a OneDrive in the source tenant.")]
    NoSourceOneDrive(String),
    #[error("The site '{0}' was not found in the source tenant.")]
    SourceSiteNotFound(String),
    #[error("The Microsoft 365 group '{0}' was not found in the source tenant or has no connected site.")]
    SourceGroupNotFound(String),
    /// RULE 27: one and done.
    #[error("The content of '{0}' was already moved to '{1}'. Cross-tenant moves are one-time: incremental or delta passes cannot be run.")]
    AlreadyMoved(String, String),
    #[error("A move for '{0}' already exists in state {1}.")]
    MoveAlreadyActive(String, String),
    /// RULE 22: at most 4,000 queued moves per source tenant.
    #[error(
        "The move queue of this tenant is full: at most {0} moves can be scheduled at a time. Wait until the current batch is close to completion, then schedule the next batch."
    )]
    QueueFull(usize),
    /// RULE 23 (sanity): end before begin.
    #[error("PreferredMoveEndDate ({1}) must be later than PreferredMoveBeginDate ({0}).")]
    BadMoveWindow(String, String),
    #[error("No cross-tenant move was found for '{0}'.")]
    MoveNotFound(String),
    /// RULE 25: stop refused in InProgress / Rescheduled / Success (SharePoint sites: InProgress / Success).
    #[error("The move for '{0}' cannot be stopped because its state is {1}.")]
    CannotStop(String, String),

    // ── sites ────────────────────────────────────────────────────────────────────────
    /// Get-SPOSite / Remove-SPOSite with an unknown URL (real module text).
    #[error("Cannot get site {0}.")]
    SiteNotFound(String),
    #[error("A site already exists at url {0}.")]
    SiteExists(String),
    #[error("The Limit parameter must be a positive number or All.")]
    BadLimit(String),
    #[error("The filter '{0}' is not valid: {1}")]
    BadFilter(String, String),

    // ── identity map ─────────────────────────────────────────────────────────────────
    /// RULE 14: the CSV must not be open in another program.
    #[error("The process cannot access the file '{0}' because it is being used by another process.")]
    FileLocked(String),
    #[error("Could not find file '{0}'.")]
    FileNotFound(String),
    #[error("Could not find a part of the path '{0}'.")]
    PathNotFound(String),

    // ── directory / control ──────────────────────────────────────────────────────────
    #[error("Tenant '{0}' was not found.")]
    TenantNotFound(String),
    #[error("A tenant named '{0}' already exists.")]
    TenantExists(String),
    #[error("User '{0}' was not found in tenant '{1}'.")]
    UserNotFound(String, String),
    #[error("A user with user principal name '{0}' already exists in tenant '{1}'.")]
    UserExists(String, String),
    #[error("The clock can only move forward: {0} is earlier than the current time {1}.")]
    ClockBackwards(String, String),
    #[error("Checkpoint '{0}' was not found.")]
    CheckpointNotFound(String),
    #[error("{0}")]
    Invalid(String),

    // ── Exchange Online and Microsoft Graph ──────────────────────────────────────────
    #[error(transparent)]
    Exo(#[from] crate::sim::exchange::ExoError),
    #[error(transparent)]
    Graph(#[from] crate::sim::graph::GraphError),
}

impl SimError {
    /// The .NET exception type the real cmdlet surfaces.
    pub fn exception(&self) -> &'static str {
        use SimError::*;
        match self {
            Exo(e) => e.exception(),
            // Microsoft Graph PowerShell writes service errors as System.Exception.
            Graph(_) => "System.Exception",
            NoConnection => "System.InvalidOperationException",
            UnknownTenantUrl(_) => "System.Net.WebException",
            BadCredential(_) => "Microsoft.SharePoint.Client.IdcrlException",
            AccessDenied(_) => "Microsoft.SharePoint.Client.ServerUnauthorizedAccessException",
            FileLocked(_) => "System.IO.IOException",
            FileNotFound(_) => "System.IO.FileNotFoundException",
            PathNotFound(_) => "System.IO.DirectoryNotFoundException",
            TenantNotFound(_) | UserNotFound(..) | CheckpointNotFound(_) => "System.Management.Automation.ItemNotFoundException",
            TenantExists(_) | UserExists(..) | ClockBackwards(..) | Invalid(_) => "System.ArgumentException",
            BadLimit(_) | BadFilter(..) => "System.ArgumentException",
            _ => "Microsoft.SharePoint.Client.ServerException",
        }
    }

    pub fn category(&self) -> &'static str {
        use SimError::*;
        match self {
            Exo(e) => e.category(),
            Graph(e) => e.category(),
            NoConnection => "NotSpecified",
            AccessDenied(_) => "PermissionDenied",
            FileLocked(_) => "ReadError",
            FileNotFound(_) | PathNotFound(_) => "ObjectNotFound",
            TenantNotFound(_) | UserNotFound(..) | CheckpointNotFound(_) => "ObjectNotFound",
            TenantExists(_) | UserExists(..) => "ResourceExists",
            ClockBackwards(..) | Invalid(_) | BadLimit(_) | BadFilter(..) => "InvalidArgument",
            _ => "NotSpecified",
        }
    }

    /// First part of the FullyQualifiedErrorId (the module uses the exception type name).
    pub fn id(&self) -> &'static str {
        self.exception()
    }
}

pub type SimResult<T> = Result<T, SimError>;
