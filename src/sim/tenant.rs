//! A tenant: identity (tenant id, initial domain, SharePoint host URLs), service settings, its
//! directory and its SharePoint state; its Exchange Online and Graph state are sibling fields.

use serde::{Deserialize, Serialize};

use crate::sim::directory::Directory;
use crate::sim::spo::SpoTenant;

/// The cloud a tenant lives in (RULE 1: only the commercial cloud supports cross-tenant moves).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Cloud {
    #[default]
    Commercial,
    #[serde(rename = "GCC")]
    Gcc,
    #[serde(rename = "GCCHigh")]
    GccHigh,
    DoD,
    Consumer,
}

impl Cloud {
    pub fn name(self) -> &'static str {
        match self {
            Cloud::Commercial => "Commercial",
            Cloud::Gcc => "GCC",
            Cloud::GccHigh => "GCCHigh",
            Cloud::DoD => "DoD",
            Cloud::Consumer => "Consumer",
        }
    }
    pub fn parse(s: &str) -> Option<Cloud> {
        [Cloud::Commercial, Cloud::Gcc, Cloud::GccHigh, Cloud::DoD, Cloud::Consumer].into_iter().find(|c| c.name().eq_ignore_ascii_case(s.trim()))
    }
    /// RULE 1: government and consumer clouds are not supported.
    pub fn supports_cross_tenant(self) -> bool {
        self == Cloud::Commercial
    }
}

/// Result of Get-SPOCrossTenantCompatibilityStatus (RULE 21).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Compatibility {
    #[default]
    Compatible,
    Warning,
    Incompatible,
}

impl Compatibility {
    pub fn name(self) -> &'static str {
        match self {
            Compatibility::Compatible => "Compatible",
            Compatibility::Warning => "Warning",
            Compatibility::Incompatible => "Incompatible",
        }
    }
    pub fn parse(s: &str) -> Option<Compatibility> {
        [Compatibility::Compatible, Compatibility::Warning, Compatibility::Incompatible].into_iter().find(|c| c.name().eq_ignore_ascii_case(s.trim()))
    }
}

/// Service limits and behaviour of a tenant acting as a migration source.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MoveSettings {
    /// RULE 18: maximum OneDrive size (2 TB as in the seeds; the 2025 overview says 5 TB).
    pub max_size_gb: f64,
    /// RULE 18: maximum item count (files incl. versions, folders, list items).
    pub max_items: u64,
    /// RULE 17: maximum full path length (target OneDrive URL + relative path).
    pub max_path_length: u32,
    /// RULE 22: moves queued at a time per source tenant.
    pub queue_limit: usize,
    /// Moves running (ReadytoTrigger / InProgress) at once per source tenant.
    pub concurrency: usize,
    /// Copy throughput of Backup and Restore, in MB per second.
    pub throughput_mbps: f64,
    /// RULE 8: days a partner's trust request stays dormant after creation.
    pub dormant_days: f64,
}

impl Default for MoveSettings {
    fn default() -> Self {
        MoveSettings {
            max_size_gb: 2048.0,
            max_items: 1_000_000,
            max_path_length: 400,
            queue_limit: 4000,
            concurrency: 200,
            throughput_mbps: 25.0,
            dormant_days: 7.0,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tenant {
    /// Short name: the initial domain without `.onmicrosoft.com`, e.g. `M365x016651`.
    pub name: String,
    #[serde(rename = "tenantId")]
    pub tenant_id: String,
    #[serde(rename = "displayName")]
    pub display_name: String,
    #[serde(default)]
    pub cloud: Cloud,
    /// RULE 3: Service Encryption with Microsoft Purview Customer Key.
    #[serde(default, rename = "customerKey")]
    pub customer_key: bool,
    /// RULE 21: schema compatibility reported against any partner.
    #[serde(default)]
    pub compatibility: Compatibility,
    /// RULE 11: OneDrive creation restricted (Create Personal Site permission removed).
    #[serde(default, rename = "oneDriveCreationRestricted")]
    pub onedrive_creation_restricted: bool,
    /// RULE 31: when the tenant's licences expire (ticks, UTC).
    #[serde(default, rename = "licensesExpireTicks")]
    pub licenses_expire: Option<i64>,
    /// Preferred data location (Multi-Geo code) shown in move states.
    #[serde(default = "default_geo", rename = "dataLocation")]
    pub data_location: String,
    #[serde(default)]
    pub settings: MoveSettings,
    pub directory: Directory,
    pub spo: SpoTenant,
    /// Exchange Online (recipients, relationships, endpoints, batches, moves).
    #[serde(default)]
    pub exo: crate::sim::exchange::ExoTenant,
    /// Entra ID app registrations, service principals and consents.
    #[serde(default)]
    pub graph: crate::sim::graph::GraphTenant,
}

fn default_geo() -> String {
    "NAM".into()
}

impl Tenant {
    pub fn host_label(&self) -> String {
        self.name.to_ascii_lowercase()
    }
    pub fn initial_domain(&self) -> String {
        format!("{}.onmicrosoft.com", self.name)
    }
    /// `https://contoso-admin.sharepoint.com`
    pub fn admin_url(&self) -> String {
        format!("https://{}-admin.sharepoint.com", self.host_label())
    }
    /// The cross-tenant host URL: the my-site host with a trailing slash.
    pub fn my_site_host_url(&self) -> String {
        format!("https://{}-my.sharepoint.com/", self.host_label())
    }
    pub fn root_site_url(&self) -> String {
        format!("https://{}.sharepoint.com/", self.host_label())
    }
    pub fn admin_account(&self) -> String {
        format!("admin@{}", self.initial_domain())
    }
    pub fn licenses_expired(&self, now: i64) -> bool {
        self.licenses_expire.is_some_and(|t| now >= t)
    }
}

/// Normalise a URL for lookups: lower case, no scheme, no trailing slash, no query.
pub fn url_key(url: &str) -> String {
    let t = url.trim();
    let t = t.split(['?', '#']).next().unwrap_or(t);
    fn strip<'a>(t: &'a str, p: &str) -> Option<&'a str> {
        t.get(..p.len()).filter(|h| h.eq_ignore_ascii_case(p)).map(|_| &t[p.len()..])
    }
    let t = strip(t, "https://").or_else(|| strip(t, "http://")).unwrap_or(t);
    t.trim_end_matches('/').to_ascii_lowercase()
}

/// The host part of a URL key (`contoso-my.sharepoint.com`).
pub fn host_of(url: &str) -> String {
    let k = url_key(url);
    k.split('/').next().unwrap_or("").to_string()
}

/// How SharePoint turns a UPN into the last segment of a OneDrive URL: lower case, every
/// character other than letters, digits and `-` replaced by `_`.
pub fn personal_segment(upn: &str) -> String {
    upn.trim().to_ascii_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_urls_follow_sharepoint() {
        assert_eq!(personal_segment("DiegoS@M365x016651.OnMicrosoft.com"), "diegos_m365x016651_onmicrosoft_com");
        assert_eq!(personal_segment("Test-Diego@M365x946316.OnMicrosoft.com"), "test-diego_m365x946316_onmicrosoft_com");
    }

    #[test]
    fn url_keys_ignore_case_scheme_and_slash() {
        assert_eq!(url_key("https://M365x946316-my.sharepoint.com/"), "m365x946316-my.sharepoint.com");
        assert_eq!(url_key("m365x946316-my.sharepoint.com"), "m365x946316-my.sharepoint.com");
        assert_eq!(host_of("https://a-my.sharepoint.com/personal/x/"), "a-my.sharepoint.com");
    }
}
