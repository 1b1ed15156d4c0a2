//! The PowerShell engine: values, scopes, evaluation, the parameter binder, errors, formatting.

pub mod bind;
pub mod callplan;
pub mod commands;
pub mod convert;
pub mod datetime;
pub mod display;
pub mod dotnet;
pub mod enums;
pub mod error;
pub mod eval;
pub mod format;
pub mod funcsig;
pub mod host;
pub mod interp;
pub mod messages;
pub mod netfmt;
pub mod netobjects;
pub mod ops;
pub mod pipeline;
pub mod pscmdlet;
pub mod statics;
pub mod types;
pub mod value;
pub mod vartable;

use crate::engine::interp::Interp;
use crate::engine::value::Value;

impl Interp {
    /// The simulated world, created on first use from the command line's options
    /// (`--state`, `--scenario`, else the embedded default scenario).
    pub fn world_mut(&mut self) -> &mut crate::sim::World {
        let (opts, host) = (&self.session.sim, &mut self.host);
        self.world.get_or_insert_with(|| Box::new(crate::sim::create_world(opts, host)))
    }

    /// Send an object to the host's Out-Default document.
    pub fn out_default(&mut self, v: &Value) {
        let v = crate::engine::format::resolve_script_properties(self, v);
        self.host.formatter.push(&v);
        self.host.drain_formatter();
    }

    /// Close the Out-Default document (end of a script or REPL line).
    pub fn out_default_end(&mut self) {
        self.host.formatter.end();
        self.host.drain_formatter();
    }

    pub fn session_modules(&self) -> &Vec<String> {
        &self.loaded_modules
    }
    pub fn session_modules_mut(&mut self) -> &mut Vec<String> {
        &mut self.loaded_modules
    }
}

/// The sink at the end of a top-level pipeline: Out-Default.
pub struct OutDefaultSink;

impl eval::Sink for OutDefaultSink {
    fn push(&mut self, it: &mut Interp, v: Value) -> error::R {
        it.out_default(&v);
        Ok(())
    }
}
