//! Recipient administration in Exchange Online: what New-/Set-MailUser, Set-Mailbox,
//! Enable-Mailbox -Archive, Set-User and Add-MailboxPermission change, with the service's
//! checks, and the role groups (Exchange RBAC) that decide which cmdlets an account has.
//! The cmdlets in `cmdlets::exchange` only translate parameters into these calls.

use crate::sim::directory::{self, EXCHANGE_ADMIN, EXCHANGE_RECIPIENT_ADMIN, GLOBAL_ADMIN};
use crate::sim::exchange::{
    self as exo, ArchiveStatus, ExoError, MailboxPermission, NewMailUser, Recipient, RecipientKind, ZERO_GUID, domain_of, normalize_proxy, smtp_of, valid_smtp,
};
use crate::sim::ids;
use crate::sim::tenant::Tenant;
use crate::sim::world::World;

// ───────────────────────────── RBAC ─────────────────────────────

/// The Exchange management role group an account has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RoleGroup {
    None,
    RecipientManagement,
    OrganizationManagement,
}

impl Tenant {
    /// RULE 21: Global and Exchange Administrators are Organization Management; an Exchange
    /// Recipient Administrator is Recipient Management (which holds Move Mailboxes); other
    /// accounts have no Exchange role.
    pub fn exo_role_group(&self, account: &str) -> RoleGroup {
        match self.directory.user(account) {
            Some(u) if u.account_enabled && (u.has_role(GLOBAL_ADMIN) || u.has_role(EXCHANGE_ADMIN)) => RoleGroup::OrganizationManagement,
            Some(u) if u.account_enabled && u.has_role(EXCHANGE_RECIPIENT_ADMIN) => RoleGroup::RecipientManagement,
            _ => RoleGroup::None,
        }
    }
}

/// RULE 21 (Exchange RBAC role entries are cmdlet names): Organization Management alone changes
/// organization relationships (and so sets -MailboxMoveCapability) and organization settings;
/// Move Mailboxes (in Recipient Management) runs migrations, and Recipient Management manages
/// recipients. Connecting needs no role.
pub fn required_role_group(cmdlet: &str) -> RoleGroup {
    let n = cmdlet.to_ascii_lowercase();
    if matches!(n.as_str(), "connect-exchangeonline" | "disconnect-exchangeonline") {
        return RoleGroup::None;
    }
    if n.ends_with("-organizationrelationship") && !n.starts_with("get-") || n == "enable-organizationcustomization" {
        return RoleGroup::OrganizationManagement;
    }
    RoleGroup::RecipientManagement
}

// ───────────────────────────── sign-in ─────────────────────────────

/// Why Entra ID refused a sign-in (its AADSTS texts).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SignInError {
    #[error("AADSTS90002: Tenant '{0}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.")]
    TenantNotFound(String),
    #[error("AADSTS50057: The user account is disabled. The account '{0}' is disabled.")]
    AccountDisabled(String),
    #[error(
        "AADSTS50034: The user account {0} does not exist in the {1} directory. To sign into this application, the account must be added to the directory."
    )]
    NoSuchAccount(String, String),
}

impl World {
    /// The tenant a tenant name, tenant id or one of its accepted domains names.
    pub fn tenant_by_domain(&self, domain: &str) -> Option<usize> {
        let d = domain.trim();
        self.tenant_index(d).or_else(|| self.tenants.iter().position(|t| t.accepts(d)))
    }

    /// Sign in to the tenant of `domain` as `account` (app-only: as the tenant's administrator,
    /// whose roles the app's Exchange.ManageAsApp role stands for). Returns the tenant and the
    /// account's UPN as the directory spells it.
    pub fn sign_in(&self, domain: &str, account: Option<&str>) -> Result<(usize, String), SignInError> {
        let t = self.tenant_by_domain(domain).ok_or_else(|| SignInError::TenantNotFound(domain.trim().to_string()))?;
        let tn = &self.tenants[t];
        let account = account.map(str::to_string).unwrap_or_else(|| tn.admin_account());
        match tn.directory.user(&account) {
            Some(u) if u.account_enabled => Ok((t, u.upn.clone())),
            Some(u) => Err(SignInError::AccountDisabled(u.upn.clone())),
            None => Err(SignInError::NoSuchAccount(account, tn.tenant_id.clone())),
        }
    }
}

// ───────────────────────────── multi-valued properties ─────────────────────────────

/// A change of a multi-valued property: the whole new list, or `@{add=…; remove=…}`.
#[derive(Debug, Clone)]
pub enum MultiChange {
    Replace(Vec<String>),
    Edit { add: Vec<String>, remove: Vec<String> },
}

/// `SMTP:` marks the primary address: demote every other one.
fn demote_primaries(list: &mut [String]) {
    for x in list.iter_mut() {
        if x.starts_with("SMTP:") {
            *x = format!("smtp:{}", &x[5..]);
        }
    }
}

/// A new EmailAddresses list for `r` (primary handling as Exchange does).
pub fn apply_addresses(t: &Tenant, r: &Recipient, change: MultiChange) -> Result<Vec<String>, ExoError> {
    let mut list = r.email_addresses.clone();
    let check = |p: &str| -> Result<(), ExoError> {
        if let Some(a) = smtp_of(p) {
            if !valid_smtp(a) {
                return Err(ExoError::BadSmtp(a.to_string()));
            }
            // RULE 17: a domain belongs to one tenant: Exchange Online accepts SMTP proxies in
            // its accepted domains only (RULE 8's foreign proxies come from directory
            // synchronization, see the scenario's `extraAddresses`).
            if !t.accepts(&domain_of(a)) {
                return Err(not_accepted(a));
            }
            if let Some(o) = t.exo.smtp_owner(a) {
                if t.exo.recipients[o].guid != r.guid {
                    return Err(ExoError::ProxyInUse(p.to_string(), t.exo.recipients[o].name.clone()));
                }
            }
        }
        Ok(())
    };
    match change {
        MultiChange::Replace(v) => {
            let mut new: Vec<String> = Vec::new();
            for p in v {
                let p = normalize_proxy(&p);
                check(&p)?;
                if !new.iter().any(|x| x.eq_ignore_ascii_case(&p)) {
                    new.push(p);
                }
            }
            if !new.iter().any(|p| p.starts_with("SMTP:")) {
                if let Some(first) = new.iter_mut().find(|p| p.starts_with("smtp:")) {
                    *first = format!("SMTP:{}", &first[5..]);
                }
            }
            list = new;
        }
        MultiChange::Edit { add, remove } => {
            for p in remove {
                let p = normalize_proxy(&p);
                list.retain(|x| !x.eq_ignore_ascii_case(&p));
            }
            for p in add {
                let p = normalize_proxy(&p);
                check(&p)?;
                if p.starts_with("SMTP:") {
                    demote_primaries(&mut list);
                    list.retain(|x| !x.eq_ignore_ascii_case(&p));
                }
                if !list.iter().any(|x| x.eq_ignore_ascii_case(&p) && (x == &p || !p.starts_with("SMTP:"))) {
                    list.push(p);
                }
            }
        }
    }
    Ok(list)
}

fn not_accepted(address: &str) -> ExoError {
    ExoError::Invalid(format!("You can't use the domain {} because it's not an accepted domain for your organization.", domain_of(address)))
}

// ───────────────────────────── changes ─────────────────────────────

/// What Set-MailUser changes (None: left as it is). GUIDs are lower-case text; the all-zero
/// GUID clears one.
#[derive(Debug, Clone, Default)]
pub struct MailUserChange {
    pub exchange_guid: Option<String>,
    pub archive_guid: Option<String>,
    pub email_addresses: Option<MultiChange>,
    pub external_email_address: Option<String>,
    pub primary_smtp_address: Option<String>,
    pub windows_email_address: Option<String>,
    pub name: Option<String>,
    pub alias: Option<String>,
    pub display_name: Option<String>,
    pub custom_attributes: Vec<(u8, String)>,
    pub remove_disabled_archive: bool,
}

impl World {
    /// New-MailUser -MicrosoftOnlineServicesID: a directory user (no usage location: licences
    /// need one first) mail-enabled as a MailUser.
    pub fn new_mail_user(&mut self, t: usize, mosi: &str, spec: &NewMailUser) -> Result<usize, ExoError> {
        let now = self.now_ticks;
        let tn = &mut self.tenants[t];
        let mosi = mosi.trim();
        if let Some(n) = spec.name.as_deref() {
            exo::check_name(n)?;
        }
        if !valid_smtp(mosi) {
            return Err(ExoError::BadSmtp(mosi.to_string()));
        }
        if !tn.accepts(&domain_of(mosi)) {
            return Err(ExoError::DomainNotAccepted(domain_of(mosi)));
        }
        if tn.directory.user(mosi).is_some() || tn.exo.smtp_owner(mosi).is_some() {
            return Err(ExoError::ValueInUse(mosi.to_string(), "MicrosoftOnlineServicesID".into()));
        }
        if let Some(n) = spec.name.as_deref() {
            if tn.exo.find(n).iter().any(|i| tn.exo.recipients[*i as usize].name.eq_ignore_ascii_case(n)) {
                return Err(ExoError::ValueInUse(n.to_string(), "Name".into()));
            }
        }
        let display = spec.display_name.clone().or_else(|| spec.name.clone()).unwrap_or_else(|| directory::display_from_upn(mosi));
        let mut u = directory::new_user(&tn.name, mosi, &display);
        u.usage_location = None;
        let ui = tn.directory.add_user(u);
        exo::provision_mail_user(tn, ui, spec, now).inspect_err(|_| {
            tn.directory.remove_last_user();
        })
    }

    /// Set-MailUser on recipient `i`: every check first, then the change as a whole.
    pub fn set_mail_user(&mut self, t: usize, i: usize, c: MailUserChange) -> Result<(), ExoError> {
        let now = self.now_ticks;
        let tn = &self.tenants[t];
        let r = &tn.exo.recipients[i];
        if let Some(g) = c.exchange_guid.as_deref().filter(|g| *g != ZERO_GUID) {
            if let Some(o) = tn.exo.by_exchange_guid(g).iter().map(|x| *x as usize).find(|x| *x != i) {
                return Err(ExoError::ValueInUse(g.to_string(), format!("ExchangeGuid\" of \"{}", tn.exo.recipients[o].name)));
            }
        }
        let mut addresses = match c.email_addresses {
            Some(change) => apply_addresses(tn, r, change)?,
            None => r.email_addresses.clone(),
        };
        let mut primary = addresses.iter().find_map(|p| p.strip_prefix("SMTP:")).map(str::to_string).unwrap_or_else(|| r.primary_smtp.clone());
        let mut external = r.external_email_address.clone();
        if let Some(x) = &c.external_email_address {
            let a = smtp_of(x).unwrap_or(x).trim().to_string();
            if !valid_smtp(&a) {
                return Err(ExoError::BadSmtp(a));
            }
            external = Some(format!("SMTP:{a}"));
            // RULE 8 (article, target MailUser table): set without PrimarySmtpAddress, the
            // external address becomes the primary SMTP address too, and moves fail.
            if c.primary_smtp_address.is_none() {
                demote_primaries(&mut addresses);
                addresses.retain(|p| !p.eq_ignore_ascii_case(&format!("smtp:{a}")));
                addresses.insert(0, format!("SMTP:{a}"));
                primary = a;
            }
        }
        if let Some(p) = c.primary_smtp_address.as_deref().or(c.windows_email_address.as_deref()) {
            let p = p.trim().to_string();
            if !valid_smtp(&p) {
                return Err(ExoError::BadSmtp(p));
            }
            // RULE 17: the primary address too must be in an accepted domain.
            if !tn.accepts(&domain_of(&p)) {
                return Err(not_accepted(&p));
            }
            demote_primaries(&mut addresses);
            addresses.retain(|x| !x.eq_ignore_ascii_case(&format!("smtp:{p}")));
            addresses.insert(0, format!("SMTP:{p}"));
            primary = p;
        }
        self.tenants[t].exo.update_recipient(i, now, |r| {
            r.email_addresses = addresses;
            r.primary_smtp = primary;
            r.external_email_address = external;
            if let Some(g) = c.exchange_guid {
                r.exchange_guid = g;
            }
            if let Some(g) = c.archive_guid {
                r.archive_guid = g;
            }
            if let Some(n) = c.name {
                r.name = n;
            }
            if let Some(a) = c.alias {
                r.alias = a;
            }
            if let Some(d) = c.display_name {
                r.display_name = d;
            }
            for (n, v) in c.custom_attributes {
                r.set_custom_attribute(n, &v);
            }
            if c.remove_disabled_archive {
                r.disabled_archive_guid = None;
            }
        });
        Ok(())
    }

    /// Set-Mailbox on mailbox `i`: -RemoveDisabledArchive and -GrantSendOnBehalfTo (delegates
    /// resolved to mailboxes or mail users of the organization, kept by name).
    pub fn set_mailbox(&mut self, t: usize, i: usize, remove_disabled_archive: bool, send_on_behalf: Option<MultiChange>) -> Result<(), ExoError> {
        let now = self.now_ticks;
        let tn = &self.tenants[t];
        let resolve_all = |ids: Vec<String>| -> Result<Vec<String>, ExoError> {
            ids.iter()
                .map(|x| exo::resolve(tn, x, |r| r.kind.is_mailbox() || r.kind == RecipientKind::MailUser).map(|j| tn.exo.recipients[j].name.clone()))
                .collect()
        };
        let delegates = match send_on_behalf {
            None => None,
            Some(MultiChange::Replace(v)) => Some((Some(resolve_all(v)?), Vec::new(), Vec::new())),
            Some(MultiChange::Edit { add, remove }) => Some((None, resolve_all(add)?, resolve_all(remove)?)),
        };
        self.tenants[t].exo.update_recipient(i, now, |r| {
            // Section 13 remedy of UserAlreadyHasDemotedArchiveException (irreversible).
            if remove_disabled_archive {
                r.disabled_archive_guid = None;
            }
            if let Some((replace, add, remove)) = delegates {
                if let Some(v) = replace {
                    r.send_on_behalf = v;
                }
                for a in add {
                    if !r.send_on_behalf.iter().any(|x| x.eq_ignore_ascii_case(&a)) {
                        r.send_on_behalf.push(a);
                    }
                }
                r.send_on_behalf.retain(|x| !remove.iter().any(|y| y.eq_ignore_ascii_case(x)));
            }
        });
        Ok(())
    }

    /// Enable-Mailbox -Archive (a disabled archive is reconnected: the section 13 alternative
    /// remedy of UserAlreadyHasDemotedArchiveException) or -AutoExpandingArchive.
    pub fn enable_archive(&mut self, t: usize, i: usize, auto_expanding: bool) -> Result<(), ExoError> {
        let now = self.now_ticks;
        let tn = &mut self.tenants[t];
        let r = &tn.exo.recipients[i];
        if auto_expanding {
            if r.archive_status != ArchiveStatus::Active {
                return Err(ExoError::InvalidState(format!("The archive of '{}' isn't enabled. Enable it with Enable-Mailbox -Archive first.", r.name)));
            }
            tn.exo.update_recipient(i, now, |r| r.aux_archives = r.aux_archives.max(1));
            return Ok(());
        }
        if r.archive_status == ArchiveStatus::Active {
            return Err(ExoError::InvalidState(format!("The mailbox '{}' already has an archive.", r.name)));
        }
        let new_guid =
            r.disabled_archive_guid.clone().unwrap_or_else(|| ids::guid(&["archive-guid", &tn.name.to_ascii_lowercase(), &r.guid, &now.to_string()]));
        let user = tn.directory.user_index_by_object_id(&r.external_id);
        tn.exo.update_recipient(i, now, |r| {
            r.archive_guid = new_guid;
            r.archive_status = ArchiveStatus::Active;
            r.disabled_archive_guid = None;
        });
        if let Some(u) = user {
            tn.directory.users[u].archive = true;
        }
        Ok(())
    }

    /// Set-User -PermanentlyClearPreviousMailboxInfo on directory user `user`. RULE 9:
    /// irreversible — the previous (soft-deleted) mailbox can't be reconnected afterwards.
    pub fn clear_previous_mailbox(&mut self, t: usize, user: usize) {
        let now = self.now_ticks;
        let tn = &mut self.tenants[t];
        let oid = tn.directory.users[user].object_id.clone();
        if let Some(r) = tn.exo.by_external(&oid) {
            tn.exo.update_recipient(r, now, |r| {
                r.previous_exchange_guid = None;
                r.previous_kind = None;
            });
        }
    }

    /// Add-MailboxPermission on mailbox `i` for recipient `delegate`: rights merge into an
    /// existing grant of the same kind (allow / deny). Returns the grant as asked.
    pub fn add_mailbox_permission(&mut self, t: usize, i: usize, delegate: usize, rights: &[String], deny: bool) -> MailboxPermission {
        let now = self.now_ticks;
        let tn = &mut self.tenants[t];
        let d = &tn.exo.recipients[delegate];
        // Grants name the delegate by UPN (mail users and mailboxes) or SMTP address.
        let user = tn.directory.user_by_object_id(&d.external_id).map(|u| u.upn.clone()).unwrap_or_else(|| d.primary_smtp.clone());
        let rights: Vec<String> = rights.iter().flat_map(|r| r.split(',')).map(|r| r.trim().to_string()).filter(|r| !r.is_empty()).collect();
        let p = MailboxPermission { user, rights, inherited: false, deny };
        let pc = p.clone();
        tn.exo.update_recipient(i, now, |r| match r.permissions.iter_mut().find(|x| x.user.eq_ignore_ascii_case(&pc.user) && x.deny == pc.deny) {
            Some(x) => {
                for right in &pc.rights {
                    if !x.rights.iter().any(|y| y.eq_ignore_ascii_case(right)) {
                        x.rights.push(right.clone());
                    }
                }
            }
            None => r.permissions.push(pc),
        });
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_groups_the_cmdlets_need() {
        assert_eq!(required_role_group("New-OrganizationRelationship"), RoleGroup::OrganizationManagement);
        assert_eq!(required_role_group("set-organizationrelationship"), RoleGroup::OrganizationManagement);
        assert_eq!(required_role_group("Enable-OrganizationCustomization"), RoleGroup::OrganizationManagement);
        assert_eq!(required_role_group("Get-OrganizationRelationship"), RoleGroup::RecipientManagement);
        assert_eq!(required_role_group("New-MigrationBatch"), RoleGroup::RecipientManagement);
        assert_eq!(required_role_group("Connect-ExchangeOnline"), RoleGroup::None);
    }
}
