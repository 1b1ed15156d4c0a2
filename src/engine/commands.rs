//! The contract between the engine and cmdlet implementations.
//!
//! A cmdlet is declared as data (its signature, in `cmdlets/signatures/*.jsonl`) plus a type
//! implementing [`Cmdlet`]. The engine binds arguments with the one generic binder and calls
//! `begin`, `process` (once per pipeline object, or once without input) and `end`. Cmdlets never
//! parse arguments: they read bound values through [`Cx`].

use std::rc::Rc;

use crate::engine::bind::{Bound, Signature};
use crate::engine::convert::{to_bool, to_display_string};
use crate::engine::error::{ErrorRecord, Flow, R, Termination};
use crate::engine::eval::Sink;
use crate::engine::interp::{ActionPref, FunctionInfo, Interp};
use crate::engine::value::Value;
use crate::lang::ast::Span;
use crate::lang::source::SourceFile;

pub trait Cmdlet {
    fn begin(&mut self, _cx: &mut Cx) -> R {
        Ok(())
    }
    fn process(&mut self, cx: &mut Cx) -> R;
    fn end(&mut self, _cx: &mut Cx) -> R {
        Ok(())
    }
}

/// A cmdlet implemented by one function called per `process`.
pub struct FnCmdlet(pub fn(&mut Cx) -> R);
impl Cmdlet for FnCmdlet {
    fn process(&mut self, cx: &mut Cx) -> R {
        (self.0)(cx)
    }
}

/// What a resolved cmdlet needs at run time.
#[derive(Debug)]
pub struct CmdletInfo {
    pub name: Rc<str>,
    pub module: Rc<str>,
    pub sig: Rc<Signature>,
    pub make: fn() -> Box<dyn Cmdlet>,
    /// For Exchange cmdlets imported with `-Prefix`: the prefix (connection) they run against.
    pub prefix: Option<Rc<str>>,
}

/// A command name resolved at a call site.
#[derive(Debug, Clone)]
pub enum Resolved {
    Cmdlet(Rc<CmdletInfo>),
    Function(Rc<FunctionInfo>),
    /// A function plus the binding plan of this call site (see engine::callplan).
    Planned(Rc<FunctionInfo>, Rc<crate::engine::callplan::CallPlan>),
    Script(Rc<std::path::PathBuf>),
}

/// Everything a running cmdlet can see and do.
pub struct Cx<'a> {
    pub it: &'a mut Interp,
    pub sig: &'a Signature,
    pub bound: &'a Bound,
    pub out: &'a mut dyn Sink,
    pub info: &'a CmdletInfo,
    /// The name as typed (with an Exchange prefix, if any).
    pub invoked_as: &'a str,
    pub file: &'a Rc<SourceFile>,
    pub span: Span,
    /// True when pipeline input is flowing into this command.
    pub has_input: bool,
    pub error_action: ActionPref,
    pub warning_action: ActionPref,
    pub verbose: bool,
    pub errors_written: &'a mut u32,
}

impl Cx<'_> {
    /// A bound parameter value (None when not bound).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.bound.get(self.sig, name)
    }
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
    pub fn string(&self, name: &str) -> Option<String> {
        self.get(name).filter(|v| !v.is_null()).map(to_display_string)
    }
    pub fn switch(&self, name: &str) -> bool {
        self.get(name).map(to_bool).unwrap_or(false)
    }
    /// Bound value as a list (arrays enumerate; a scalar is a list of one).
    pub fn list(&self, name: &str) -> Vec<Value> {
        match self.get(name) {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => v.enumerate().unwrap_or_else(|| vec![v.clone()]),
        }
    }
    pub fn strings(&self, name: &str) -> Vec<String> {
        self.list(name).iter().map(to_display_string).collect()
    }
    pub fn int(&self, name: &str) -> Option<i64> {
        self.get(name).and_then(crate::engine::convert::to_num).map(|n| n.to_f64() as i64)
    }
    pub fn set_name(&self) -> &str {
        self.bound.set_name(self.sig)
    }
    pub fn name(&self) -> &str {
        &self.info.name
    }

    pub fn emit(&mut self, v: Value) -> R {
        self.out.push(self.it, v)
    }
    /// Emit the elements of a collection one by one (WriteObject(x, enumerateCollection: true)).
    pub fn emit_all(&mut self, v: Value) -> R {
        crate::engine::eval::emit(self.it, v, self.out)
    }

    /// An error record positioned at this command, with a cmdlet-style FullyQualifiedErrorId.
    pub fn error(&self, exception: &str, message: impl Into<Rc<str>>, id: &str, category: &'static str) -> ErrorRecord {
        let fqid = format!("{id},{}", self.fqid_suffix());
        ErrorRecord::new(exception, message, &fqid, category).at(self.file, self.span).for_command(self.invoked_as)
    }

    fn fqid_suffix(&self) -> String {
        let compact: String = self.info.name.chars().filter(|c| *c != '-').collect();
        match &*self.info.module {
            m if m.starts_with("Microsoft.PowerShell") => format!("Microsoft.PowerShell.Commands.{compact}Command"),
            "" => self.info.name.to_string(),
            m => format!("{m}.{compact}"),
        }
    }

    /// Write a non-terminating error, honouring -ErrorAction and $ErrorActionPreference.
    pub fn write_error(&mut self, rec: ErrorRecord) -> R {
        *self.errors_written += 1;
        self.it.write_error(rec, self.error_action)
    }

    /// A statement-terminating error (ThrowTerminatingError).
    pub fn terminate(&self, rec: ErrorRecord) -> Flow {
        Flow::Error(Rc::new(rec), Termination::Statement)
    }

    pub fn warning(&mut self, msg: &str) -> R {
        self.it.write_warning(msg, self.warning_action)
    }

    pub fn verbose(&mut self, msg: &str) {
        if self.verbose {
            self.it.host.write_verbose(msg);
        }
    }

    /// `-WhatIf`: print pwsh's "What if:" line and return false.
    pub fn should_process(&mut self, target: &str, action: &str) -> bool {
        let what_if =
            self.bound.common.what_if.unwrap_or_else(|| self.it.get_var(crate::lang::sym::well_known::WHATIF_PREFERENCE).map(|v| to_bool(&v)).unwrap_or(false));
        if what_if {
            self.it.host.write_line(&format!("What if: Performing the operation \"{action}\" on target \"{target}\"."));
            return false;
        }
        true
    }
}
