//! The world: every tenant, the cross-tenant move queue, faults, the virtual clock and the
//! event queue. Workload modules (`spo`, and next `exo`, `graph`) add `impl World` blocks.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::sim::error::{SimError, SimResult};
use crate::sim::scheduler::EventQueue;
use crate::sim::spo::{Fault, Move};
use crate::sim::tenant::{Tenant, host_of};

/// An e-mail the service sent to a tenant's administrators (RULE 6: trust requests).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Notification {
    pub tenant: String,
    pub at: i64,
    pub to: Vec<String>,
    pub subject: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Checkpoint {
    pub name: String,
    pub world: Box<World>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct World {
    /// Virtual time in .NET ticks (UTC).
    pub now_ticks: i64,
    /// Seed of every simulated duration (`--seed`).
    pub seed: u64,
    pub tenants: Vec<Tenant>,
    /// Every cross-tenant move (user, site and group content moves), oldest first.
    pub moves: Vec<Move>,
    /// Declared failures, consumed when they fire.
    pub faults: Vec<Fault>,
    /// Files another program holds open (RULE 14), as full paths.
    #[serde(default)]
    pub locked_files: Vec<String>,
    #[serde(default)]
    pub notifications: Vec<Notification>,
    #[serde(default)]
    pub events: EventQueue,
    #[serde(default)]
    pub checkpoints: Vec<Checkpoint>,
    /// Declared mailbox-move failures (`sim::exchange_migration`), consumed when they fire.
    #[serde(default)]
    pub mailbox_faults: Vec<crate::sim::exchange_migration::MailboxFault>,
    #[serde(skip)]
    pub(crate) idx: Indexes,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Indexes {
    /// lower-case tenant name → index
    pub tenant_by_name: HashMap<String, usize>,
    /// any SharePoint host of a tenant (admin, my, root) → (index, which)
    pub tenant_by_host: HashMap<String, (usize, HostKind)>,
    /// (kind, source tenant, lower-case source key) → latest move
    pub move_by_source: HashMap<(u8, usize, String), usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKind {
    Admin,
    My,
    Root,
}

impl Default for World {
    fn default() -> Self {
        World::empty(crate::sim::DEFAULT_START_TICKS, 0)
    }
}

impl World {
    pub fn empty(now_ticks: i64, seed: u64) -> World {
        World {
            now_ticks,
            seed,
            tenants: Vec::new(),
            moves: Vec::new(),
            faults: Vec::new(),
            locked_files: Vec::new(),
            notifications: Vec::new(),
            events: EventQueue::default(),
            checkpoints: Vec::new(),
            mailbox_faults: Vec::new(),
            idx: Indexes::default(),
        }
    }

    /// Rebuild every index (after loading a state file or restoring a checkpoint).
    pub fn rebuild_indexes(&mut self) {
        let mut idx = Indexes::default();
        let now = self.now_ticks;
        for (i, t) in self.tenants.iter_mut().enumerate() {
            t.directory.rebuild_indexes();
            t.spo.rebuild_indexes();
            t.exo.rebuild_indexes();
            crate::sim::graph::ensure_builtins(t, now);
            idx.tenant_by_name.insert(t.name.to_ascii_lowercase(), i);
        }
        self.idx = idx;
        for i in 0..self.tenants.len() {
            self.index_hosts(i);
        }
        for (i, m) in self.moves.iter().enumerate() {
            self.idx.move_by_source.insert(m.index_key(), i);
        }
    }

    fn index_hosts(&mut self, i: usize) {
        let t = &self.tenants[i];
        let hosts = [(host_of(&t.admin_url()), HostKind::Admin), (host_of(&t.my_site_host_url()), HostKind::My), (host_of(&t.root_site_url()), HostKind::Root)];
        for (h, k) in hosts {
            self.idx.tenant_by_host.insert(h, (i, k));
        }
    }

    pub fn add_tenant(&mut self, t: Tenant) -> SimResult<usize> {
        if self.tenant_index(&t.name).is_some() {
            return Err(SimError::TenantExists(t.name.clone()));
        }
        let i = self.tenants.len();
        self.idx.tenant_by_name.insert(t.name.to_ascii_lowercase(), i);
        // Tenants are built through Directory/SpoTenant/ExoTenant methods that keep their indexes.
        self.tenants.push(t);
        let now = self.now_ticks;
        crate::sim::graph::ensure_builtins(&mut self.tenants[i], now);
        self.index_hosts(i);
        Ok(i)
    }

    /// A tenant by short name (`M365x016651`), initial domain or tenant id.
    pub fn tenant_index(&self, name: &str) -> Option<usize> {
        let n = name.trim().to_ascii_lowercase();
        let short = n.strip_suffix(".onmicrosoft.com").unwrap_or(&n);
        if let Some(i) = self.idx.tenant_by_name.get(short) {
            return Some(*i);
        }
        self.tenants.iter().position(|t| t.tenant_id.eq_ignore_ascii_case(&n))
    }

    pub fn tenant_named(&self, name: &str) -> SimResult<usize> {
        self.tenant_index(name).ok_or_else(|| SimError::TenantNotFound(name.to_string()))
    }

    /// The tenant owning a SharePoint URL, and which of its hosts it names.
    pub fn tenant_by_url(&self, url: &str) -> Option<(usize, HostKind)> {
        self.idx.tenant_by_host.get(&host_of(url)).copied()
    }

    pub fn tenant(&self, i: usize) -> &Tenant {
        &self.tenants[i]
    }
    pub fn tenant_mut(&mut self, i: usize) -> &mut Tenant {
        &mut self.tenants[i]
    }

    pub fn notify_admins(&mut self, tenant: usize, subject: String) {
        let t = &self.tenants[tenant];
        let to: Vec<String> = t
            .directory
            .users
            .iter()
            .filter(|u| u.has_role(crate::sim::directory::GLOBAL_ADMIN) || u.has_role(crate::sim::directory::SHAREPOINT_ADMIN))
            .map(|u| u.upn.clone())
            .collect();
        let n = Notification { tenant: t.name.clone(), at: self.now_ticks, to, subject };
        self.notifications.push(n);
    }

    // ── checkpoints ─────────────────────────────────────────────────────────────────

    pub fn checkpoint(&mut self, name: &str) {
        let mut snap = self.clone();
        snap.checkpoints.clear();
        let snap = Box::new(snap);
        match self.checkpoints.iter_mut().find(|c| c.name.eq_ignore_ascii_case(name)) {
            Some(c) => c.world = snap,
            None => self.checkpoints.push(Checkpoint { name: name.to_string(), world: snap }),
        }
    }

    pub fn restore(&mut self, name: &str) -> SimResult<()> {
        let snap = self
            .checkpoints
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
            .map(|c| c.world.clone())
            .ok_or_else(|| SimError::CheckpointNotFound(name.to_string()))?;
        let checkpoints = std::mem::take(&mut self.checkpoints);
        *self = *snap;
        self.checkpoints = checkpoints;
        self.rebuild_indexes();
        Ok(())
    }
}
