//! The simulated world: tenants, users, OneDrives, relationships, identity maps, the move queue
//! and the virtual clock. Pure Rust: no PowerShell types, no printing. Cmdlets translate to and
//! from it.
//!
//! | module | owns |
//! | --- | --- |
//! | `world` | the World, tenant lookup by name/URL, notifications, checkpoints |
//! | `clock` | ticks, ISO formatting |
//! | `scheduler` | the event queue and the move state machine |
//! | `tenant` | tenant identity, URLs, cloud, service settings |
//! | `directory` | users, groups, licences (SKUs), roles — shared by every workload |
//! | `spo` | sites, relationships, identity maps, cross-tenant moves and their rules |
//! | `exchange` | Exchange Online recipients, accepted domains, organization config and relationships |
//! | `exchange_admin` | recipient administration (mail users, mailboxes, archives, permissions), Exchange RBAC, sign-in |
//! | `exchange_migration` | migration endpoints, batches, migration users, move requests and their rules |
//! | `graph` | app registrations, service principals, client secrets, admin consent; Graph users, licences, groups |
//! | `scenario` | JSON scenarios and the embedded default |
//! | `state` | `--state` save/load |
//! | `complete` | read-only queries for the REPL's Tab completion (UPNs, URLs) |
//!
//! Exchange Online and Graph are sibling modules of SharePoint over the same World, clock and
//! event queue.

pub mod clock;
pub mod complete;
pub mod directory;
pub mod error;
pub mod exchange;
pub mod exchange_admin;
pub mod exchange_migration;
pub mod graph;
pub mod ids;
pub mod scenario;
pub mod scheduler;
pub mod spo;
pub mod state;
pub mod tenant;
pub mod world;

use std::path::PathBuf;

use crate::engine::datetime::{DateKind, DateTime};

pub use complete::{CompletionKind, completion_candidates};
pub use error::{SimError, SimResult};
pub use world::World;

/// The default virtual start time (deterministic runs): 2026-11-23 09:00:00 UTC.
pub const DEFAULT_START_UNIX: i64 = 1_795_424_400;
pub const DEFAULT_START_TICKS: i64 = clock::UNIX_EPOCH_TICKS + DEFAULT_START_UNIX * clock::TICKS_PER_SECOND;

/// How to create the world when a command first needs it (from the command line).
#[derive(Debug, Clone, Default)]
pub struct SimOptions {
    pub scenario: Option<PathBuf>,
    pub state: Option<PathBuf>,
    pub now: Option<String>,
    pub seed: u64,
}

impl World {
    /// The clock as the engine's DateTime (Get-Date, [DateTime]::Now).
    pub fn clock_now(&self) -> DateTime {
        DateTime::from_ticks(self.now_ticks, DateKind::Utc)
    }

    /// Build the world the options describe: the state file if it exists, else the scenario
    /// file, else the embedded default; then `--now`.
    pub fn create(opts: &SimOptions) -> Result<World, String> {
        let mut w = match &opts.state {
            Some(p) => state::load(p)?,
            None => None,
        };
        if w.is_none() {
            w = Some(match &opts.scenario {
                Some(p) => {
                    let text = std::fs::read_to_string(p).map_err(|e| format!("cannot read scenario {}: {e}", p.display()))?;
                    let sc = scenario::parse(&text).map_err(|e| format!("{}: {e}", p.display()))?;
                    scenario::build(&sc, opts.seed).map_err(|e| format!("{}: {e}", p.display()))?
                }
                None => scenario::default_world(opts.seed),
            });
        }
        let mut w = w.unwrap_or_default();
        if let Some(now) = &opts.now {
            let t = clock::parse_iso(now).ok_or_else(|| format!("--now expects an RFC 3339 date, got '{now}'"))?;
            w.now_ticks = t;
        }
        if opts.seed != 0 {
            w.seed = opts.seed;
        }
        Ok(w)
    }
}

/// Create the world for an interpreter (called lazily by `Interp::world_mut`). A broken
/// scenario or state file is reported on stderr and an empty world is used.
pub fn create_world(opts: &SimOptions, host: &mut crate::engine::host::Host) -> World {
    match World::create(opts) {
        Ok(w) => w,
        Err(e) => {
            host.write(crate::engine::host::Stream::Err, &format!("tenantsim: {e}\n"));
            World::empty(DEFAULT_START_TICKS, opts.seed)
        }
    }
}

/// Record the command line's world options; the world itself is created on first use.
pub fn configure(it: &mut crate::engine::interp::Interp, common: &crate::cli::Common) {
    it.session.sim = SimOptions { scenario: common.scenario.clone(), state: common.state.clone(), now: common.now.clone(), seed: common.seed };
}

/// Save the world back to `--state FILE` (atomically), when given and the world was used.
pub fn save_state(it: &mut crate::engine::interp::Interp, common: &crate::cli::Common) {
    let Some(path) = &common.state else { return };
    let Some(w) = it.world.as_deref() else { return };
    if let Err(e) = state::save(path, w) {
        it.host.write(crate::engine::host::Stream::Err, &format!("tenantsim: {e}\n"));
    }
}
