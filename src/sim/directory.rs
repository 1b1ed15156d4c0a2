//! The directory of a tenant (Entra ID): users, groups, licences, admin roles. Shared by every
//! workload (SharePoint now; Exchange Online and Microsoft Graph next), so it knows nothing
//! about sites or mailboxes beyond the flags a scenario gives a user.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::sim::ids;

/// Text that is usually one of a few constants (SKU part numbers, site templates): borrowed
/// when it is, so 100,000 users do not hold 100,000 copies.
pub type Text = std::borrow::Cow<'static, str>;

/// A licence (SKU) the simulation knows, with the capabilities the rules look at.
#[derive(Debug, Clone, Copy)]
pub struct Sku {
    /// `SkuPartNumber` as Microsoft Graph reports it.
    pub part_number: &'static str,
    pub display_name: &'static str,
    pub sku_id: &'static str,
    /// Includes a SharePoint/OneDrive service plan (RULE 10: OneDrive-capable target licence).
    pub onedrive: bool,
    /// Includes an Exchange Online mailbox plan.
    pub exchange: bool,
    /// The *Cross Tenant User Data Migration* add-on (RULE 2).
    pub migration: bool,
}

/// Licences known to the simulation. Part numbers and SKU ids as Microsoft publishes them in
/// "Product names and service plan identifiers for licensing".
pub const SKUS: &[Sku] = &[
    Sku {
        part_number: "SPE_E5",
        display_name: "Microsoft 365 E5",
        sku_id: "06ebc4ee-1bb5-47dd-8120-11324bc54e06",
        onedrive: true,
        exchange: true,
        migration: false,
    },
    Sku {
        part_number: "SPE_E3",
        display_name: "Microsoft 365 E3",
        sku_id: "05e9a617-0261-4cee-bb44-138d3ef5d965",
        onedrive: true,
        exchange: true,
        migration: false,
    },
    Sku {
        part_number: "ENTERPRISEPACK",
        display_name: "Office 365 E3",
        sku_id: "6fd2c87f-b296-42f0-b197-1e91e994b900",
        onedrive: true,
        exchange: true,
        migration: false,
    },
    Sku {
        part_number: "ENTERPRISEPREMIUM",
        display_name: "Office 365 E5",
        sku_id: "c7df2760-2c81-4ef7-b578-5b5392b571df",
        onedrive: true,
        exchange: true,
        migration: false,
    },
    Sku {
        part_number: "O365_BUSINESS_PREMIUM",
        display_name: "Microsoft 365 Business Standard",
        sku_id: "f245ecc8-75af-4f8e-b61f-27d8114de5f3",
        onedrive: true,
        exchange: true,
        migration: false,
    },
    Sku {
        part_number: "WACONEDRIVESTANDARD",
        display_name: "OneDrive for Business (Plan 1)",
        sku_id: "e6778190-713e-4e4f-9119-8b8238de25df",
        onedrive: true,
        exchange: false,
        migration: false,
    },
    Sku {
        part_number: "EXCHANGESTANDARD",
        display_name: "Exchange Online (Plan 1)",
        sku_id: "4b9405b0-7788-4568-add1-99614e613b69",
        onedrive: false,
        exchange: true,
        migration: false,
    },
    // Part number and SKU id as tenants report them (Get-MgSubscribedSku; quoted in public
    // write-ups of the licence: SkuId 946ce899-873d-44bb-9d8b-671870cbfdbf).
    Sku {
        part_number: "Cross_tenant_user_data_migration",
        display_name: "Cross Tenant User Data Migration",
        sku_id: "946ce899-873d-44bb-9d8b-671870cbfdbf",
        onedrive: false,
        exchange: false,
        migration: true,
    },
];

pub const DEFAULT_PLAN: &str = "SPE_E5";
pub const MIGRATION_SKU: &str = "Cross_tenant_user_data_migration";

/// Licence names as stored: known part numbers in their canonical spelling, shared.
pub fn license_names<S: AsRef<str>>(names: &[S]) -> Vec<Text> {
    names
        .iter()
        .map(|n| n.as_ref().trim())
        .filter(|n| !n.is_empty())
        .map(|n| sku(n).map(|s| Text::Borrowed(s.part_number)).unwrap_or_else(|| Text::Owned(n.to_string())))
        .collect()
}

pub fn sku(part_number: &str) -> Option<&'static Sku> {
    SKUS.iter().find(|s| s.part_number.eq_ignore_ascii_case(part_number))
}

/// Directory roles the rules look at (display names as Entra shows them).
pub const GLOBAL_ADMIN: &str = "Global Administrator";
pub const SHAREPOINT_ADMIN: &str = "SharePoint Administrator";
pub const EXCHANGE_ADMIN: &str = "Exchange Administrator";
/// Exchange's Recipient Management role group (Move Mailboxes, recipients; no organization
/// settings).
pub const EXCHANGE_RECIPIENT_ADMIN: &str = "Exchange Recipient Administrator";
pub const KNOWN_ROLES: &[&str] = &[GLOBAL_ADMIN, SHAREPOINT_ADMIN, EXCHANGE_ADMIN, EXCHANGE_RECIPIENT_ADMIN, "User Administrator", "Global Reader"];

pub fn canonical_role(name: &str) -> Option<&'static str> {
    let squash = |s: &str| s.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    let n = squash(name);
    match n.as_str() {
        "globaladmin" | "companyadministrator" | "tenantadmin" => return Some(GLOBAL_ADMIN),
        "sharepointadmin" | "sharepointserviceadministrator" | "spoadmin" => return Some(SHAREPOINT_ADMIN),
        "exchangeadmin" | "exchangeserviceadministrator" => return Some(EXCHANGE_ADMIN),
        "exchangerecipientadmin" | "recipientmanagement" => return Some(EXCHANGE_RECIPIENT_ADMIN),
        _ => {}
    }
    KNOWN_ROLES.iter().find(|r| squash(r) == n).copied()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum UserType {
    #[default]
    Member,
    Guest,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct User {
    #[serde(rename = "objectId")]
    pub object_id: String,
    pub upn: String,
    #[serde(rename = "displayName")]
    pub display_name: String,
    /// Primary SMTP address when it differs from the UPN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail: Option<String>,
    #[serde(default, rename = "userType")]
    pub user_type: UserType,
    /// SKU part numbers (see [`SKUS`]); unknown part numbers are kept as given.
    #[serde(default)]
    pub licenses: Vec<Text>,
    #[serde(default)]
    pub roles: Vec<String>,
    /// The SharePoint PUID (hex), what the identity map calls TargetUserPuid.
    pub puid: String,
    #[serde(default = "yes", rename = "accountEnabled")]
    pub account_enabled: bool,
    /// Flags for the Exchange Online workload (mailbox migration, next).
    #[serde(default)]
    pub mailbox: bool,
    #[serde(default)]
    pub archive: bool,
    /// Service plans turned off in the user's licences (Graph `disabledPlans`, plan ids).
    #[serde(default, rename = "disabledPlans", skip_serializing_if = "Vec::is_empty")]
    pub disabled_plans: Vec<String>,
    /// Graph `usageLocation` (two-letter country code); licences need one.
    #[serde(default, rename = "usageLocation", skip_serializing_if = "Option::is_none")]
    pub usage_location: Option<String>,
}

fn yes() -> bool {
    true
}

impl User {
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r.eq_ignore_ascii_case(role))
    }
    /// RULE 4: SharePoint Administrator or Global Administrator.
    pub fn is_spo_admin(&self) -> bool {
        self.has_role(GLOBAL_ADMIN) || self.has_role(SHAREPOINT_ADMIN)
    }
    fn skus(&self) -> impl Iterator<Item = &'static Sku> + '_ {
        self.licenses.iter().filter_map(|l| sku(l))
    }
    /// RULE 10: a licence with a OneDrive (SharePoint) service plan.
    pub fn has_onedrive_license(&self) -> bool {
        self.skus().any(|s| s.onedrive)
    }
    /// RULE 2: the Cross Tenant User Data Migration add-on.
    pub fn has_migration_license(&self) -> bool {
        self.skus().any(|s| s.migration)
    }
    pub fn has_exchange_license(&self) -> bool {
        self.skus().any(|s| s.exchange)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum GroupKind {
    /// Microsoft 365 group (GroupTypes = Unified).
    #[default]
    Unified,
    Security,
    MailEnabledSecurity,
    Distribution,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Group {
    #[serde(rename = "objectId")]
    pub object_id: String,
    #[serde(rename = "displayName")]
    pub display_name: String,
    /// MailNickname / alias.
    pub alias: String,
    #[serde(default)]
    pub kind: GroupKind,
    /// Member object ids.
    #[serde(default)]
    pub members: Vec<String>,
    /// URL of the group-connected site, when it has one.
    #[serde(default, rename = "siteUrl")]
    pub site_url: Option<String>,
}

/// Users and groups with the indexes the cmdlets query (no scans over all users).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Directory {
    pub users: Vec<User>,
    #[serde(default)]
    pub groups: Vec<Group>,
    /// Case-insensitive hash of the UPN → index (verified on lookup; `upn_overflow` holds
    /// the rare users whose hash another UPN already has).
    #[serde(skip)]
    by_upn: FxHashMap<u64, u32>,
    #[serde(skip)]
    upn_overflow: Vec<u32>,
    #[serde(skip)]
    by_object_id: FxHashMap<u128, u32>,
    #[serde(skip)]
    group_by_id: FxHashMap<Box<str>, u32>,
    #[serde(skip)]
    group_by_alias: FxHashMap<Box<str>, u32>,
}

/// FNV-1a over the ASCII-lower-cased bytes (no allocation).
fn ci_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.trim().bytes() {
        h ^= b.to_ascii_lowercase() as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    ids::mix(h)
}

/// An object id as a number: the 128 bits of a GUID, or a hash of any other text.
fn id_key(s: &str) -> u128 {
    let t = s.trim();
    let mut v: u128 = 0;
    let mut digits = 0;
    for c in t.chars() {
        match c.to_digit(16) {
            Some(d) => {
                v = (v << 4) | d as u128;
                digits += 1;
            }
            None if matches!(c, '-' | '{' | '}') => {}
            None => {
                digits = 99;
                break;
            }
        }
    }
    if digits == 32 {
        return v;
    }
    let lower = t.to_ascii_lowercase();
    ((ids::hash(&["id", &lower]) as u128) << 64) | ids::hash(&["id2", &lower]) as u128
}

fn key(s: &str) -> Box<str> {
    s.trim().to_ascii_lowercase().into_boxed_str()
}

impl Directory {
    pub fn rebuild_indexes(&mut self) {
        self.by_upn = FxHashMap::default();
        self.upn_overflow = Vec::new();
        for i in 0..self.users.len() {
            self.index_upn(i);
        }
        self.by_object_id = self.users.iter().enumerate().map(|(i, u)| (id_key(&u.object_id), i as u32)).collect();
        self.group_by_id = self.groups.iter().enumerate().map(|(i, g)| (key(&g.object_id), i as u32)).collect();
        self.group_by_alias = self.groups.iter().enumerate().map(|(i, g)| (key(&g.alias), i as u32)).collect();
    }

    fn index_upn(&mut self, i: usize) {
        match self.by_upn.entry(ci_hash(&self.users[i].upn)) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(i as u32);
            }
            std::collections::hash_map::Entry::Occupied(_) => self.upn_overflow.push(i as u32),
        }
    }

    pub fn user_index(&self, upn: &str) -> Option<usize> {
        let upn = upn.trim();
        if let Some(&i) = self.by_upn.get(&ci_hash(upn)) {
            if self.users[i as usize].upn.eq_ignore_ascii_case(upn) {
                return Some(i as usize);
            }
        }
        self.upn_overflow.iter().map(|i| *i as usize).find(|i| self.users[*i].upn.eq_ignore_ascii_case(upn))
    }
    pub fn user(&self, upn: &str) -> Option<&User> {
        self.user_index(upn).map(|i| &self.users[i])
    }
    pub fn user_mut(&mut self, upn: &str) -> Option<&mut User> {
        let i = self.user_index(upn)?;
        Some(&mut self.users[i])
    }
    pub fn user_index_by_object_id(&self, id: &str) -> Option<usize> {
        self.by_object_id.get(&id_key(id)).map(|i| *i as usize).filter(|i| self.users[*i].object_id.eq_ignore_ascii_case(id.trim()))
    }
    pub fn user_by_object_id(&self, id: &str) -> Option<&User> {
        self.user_index_by_object_id(id).map(|i| &self.users[i])
    }

    /// Add a user; returns its index. The caller has checked the UPN is free.
    pub fn add_user(&mut self, user: User) -> usize {
        let i = self.users.len();
        self.by_object_id.insert(id_key(&user.object_id), i as u32);
        self.users.push(user);
        self.index_upn(i);
        i
    }

    /// Undo the last `add_user` (a creation that failed half-way), keeping the indexes right
    /// without rebuilding them.
    pub fn remove_last_user(&mut self) -> Option<User> {
        let u = self.users.pop()?;
        let i = self.users.len() as u32;
        let h = ci_hash(&u.upn);
        if self.by_upn.get(&h) == Some(&i) {
            self.by_upn.remove(&h);
        }
        self.upn_overflow.retain(|x| *x != i);
        let k = id_key(&u.object_id);
        if self.by_object_id.get(&k) == Some(&i) {
            self.by_object_id.remove(&k);
        }
        Some(u)
    }

    pub fn group(&self, id_or_alias: &str) -> Option<&Group> {
        let k = id_or_alias.trim().to_ascii_lowercase();
        self.group_by_id.get(&*k).or_else(|| self.group_by_alias.get(&*k)).map(|i| &self.groups[*i as usize])
    }
    /// Forget a user's UPN key and index it under its current one (after a UPN change).
    pub fn reindex_user(&mut self, i: usize, old_upn: &str) {
        let h = ci_hash(old_upn);
        if self.by_upn.get(&h) == Some(&(i as u32)) {
            self.by_upn.remove(&h);
        }
        self.upn_overflow.retain(|x| *x as usize != i);
        self.index_upn(i);
    }
    pub fn group_by_alias(&self, alias: &str) -> Option<&Group> {
        self.group_by_alias.get(&*alias.trim().to_ascii_lowercase()).map(|i| &self.groups[*i as usize])
    }
    pub fn add_group(&mut self, group: Group) -> usize {
        let i = self.groups.len();
        self.group_by_id.insert(key(&group.object_id), i as u32);
        self.group_by_alias.insert(key(&group.alias), i as u32);
        self.groups.push(group);
        i
    }
}

/// A new user with derived ids (deterministic for a given tenant and UPN).
pub fn new_user(tenant_name: &str, upn: &str, display_name: &str) -> User {
    let lower = upn.to_ascii_lowercase();
    User {
        object_id: ids::guid(&["user", tenant_name, &lower]),
        upn: upn.to_string(),
        display_name: display_name.to_string(),
        mail: None,
        user_type: UserType::Member,
        licenses: Vec::new(),
        roles: Vec::new(),
        puid: ids::puid(&["puid", tenant_name, &lower]),
        account_enabled: true,
        mailbox: false,
        archive: false,
        disabled_plans: Vec::new(),
        usage_location: Some("US".into()),
    }
}

/// A display name from a UPN's local part: `DiegoS` → `DiegoS`, `johanna.lorenz` → `Johanna Lorenz`.
pub fn display_from_upn(upn: &str) -> String {
    let local = upn.split('@').next().unwrap_or(upn);
    local
        .split(['.', '_'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
