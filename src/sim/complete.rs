//! Read-only queries the REPL's Tab completion asks of the world: the UPNs, URLs, domains and
//! tenant ids an admin types as parameter values. Nothing here mutates the world; callers pass
//! the world only when one exists (completion never creates it).

use super::World;

/// What kind of value a parameter wants, as far as completion can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    /// User principal names of every tenant's users.
    Upn,
    /// Site collection URLs (OneDrives included).
    SiteUrl,
    /// The cross-tenant host URLs (`https://contoso-my.sharepoint.com/`).
    HostUrl,
    /// The SharePoint admin centre URLs (`Connect-SPOService -Url`).
    AdminUrl,
    /// Initial domains (`contoso.onmicrosoft.com`).
    Domain,
    /// Tenant ids (GUIDs).
    TenantId,
    /// Tenant names (`contoso`).
    TenantName,
}

/// Every value of `kind` the world holds, in a stable order (tenants in scenario order).
pub fn completion_candidates(world: &World, kind: CompletionKind) -> Vec<String> {
    let mut out = Vec::new();
    for t in &world.tenants {
        match kind {
            CompletionKind::Upn => out.extend(t.directory.users.iter().map(|u| u.upn.clone())),
            CompletionKind::SiteUrl => out.extend(t.spo.sites.values().map(|s| s.url.clone())),
            CompletionKind::HostUrl => out.push(t.my_site_host_url()),
            CompletionKind::AdminUrl => out.push(t.admin_url()),
            CompletionKind::Domain => out.push(t.initial_domain()),
            CompletionKind::TenantId => out.push(t.tenant_id.clone()),
            CompletionKind::TenantName => out.push(t.name.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_world_offers_upns_and_urls() {
        let w = crate::sim::scenario::default_world(0);
        let upns = completion_candidates(&w, CompletionKind::Upn);
        assert!(upns.iter().any(|u| u == "DiegoS@M365x016651.OnMicrosoft.com"));
        let hosts = completion_candidates(&w, CompletionKind::HostUrl);
        assert!(hosts.iter().any(|h| h.eq_ignore_ascii_case("https://m365x946316-my.sharepoint.com/")));
        let sites = completion_candidates(&w, CompletionKind::SiteUrl);
        assert!(sites.iter().any(|s| s.ends_with("/sites/ContosoBrand")));
    }
}
