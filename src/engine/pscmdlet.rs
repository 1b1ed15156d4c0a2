//! `$PSCmdlet` and `$MyInvocation` of advanced functions and scripts: ShouldProcess (honouring
//! `-WhatIf`, `-Verbose`), WriteError/ThrowTerminatingError positioned at the call site,
//! WriteVerbose/WriteWarning/WriteDebug/WriteObject, ParameterSetName, MyInvocation.

use std::any::Any;
use std::rc::Rc;

use crate::engine::convert::{to_bool, to_display_string};
use crate::engine::error::{ErrorRecord, Flow, R, Termination};
use crate::engine::interp::{ActionPref, Interp, StreamTarget};
use crate::engine::value::{NetObject, PsObject, Value};
use crate::lang::ast::{ScriptBlock, Span};
use crate::lang::source::SourceFile;
use crate::lang::sym::{eq_ci, well_known as wk};

/// The object behind `$PSCmdlet` in an advanced function or script.
#[derive(Debug)]
pub struct PSCmdletObject {
    pub command: Rc<str>,
    pub set_name: Rc<str>,
    pub invocation: Value,
    /// Where the function was called: errors it writes are positioned there.
    pub call_file: Option<Rc<SourceFile>>,
    pub call_span: Span,
}

impl NetObject for PSCmdletObject {
    fn type_name(&self) -> &str {
        "System.Management.Automation.PSScriptCmdlet"
    }
    fn type_hierarchy(&self) -> Vec<&str> {
        vec![
            "System.Management.Automation.PSScriptCmdlet",
            "System.Management.Automation.PSCmdlet",
            "System.Management.Automation.Cmdlet",
            "System.Management.Automation.Internal.InternalCommand",
            "System.Object",
        ]
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        if eq_ci(name, "ParameterSetName") {
            return Some(Value::Str(self.set_name.clone()));
        }
        if eq_ci(name, "MyInvocation") {
            return Some(self.invocation.clone());
        }
        if eq_ci(name, "CommandRuntime") {
            return Some(Value::Str(self.command.clone()));
        }
        None
    }
    fn property_names(&self) -> Vec<Rc<str>> {
        ["ParameterSetName", "MyInvocation", "CommandRuntime"].iter().map(|s| Rc::from(*s)).collect()
    }
    fn to_display_string(&self) -> String {
        self.command.to_string()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Is this script block a whole script file (rather than a function or `{…}` block)?
pub fn is_script_body(body: &ScriptBlock) -> bool {
    body.file.path.is_some() && body.span.start == 0 && body.span.end as usize >= body.file.text.trim_end().len()
}

impl Interp {
    /// `$MyInvocation` of a function or script: its command, bound and unbound arguments, and
    /// the call site (the calling script's line).
    pub fn invocation_object(&self, name: &str, body: &ScriptBlock, bound_params: Value, unbound: Vec<Value>, call_span: Span) -> Value {
        let script = is_script_body(body);
        let caller = if self.files.len() >= 2 { self.files.get(self.files.len() - 2).cloned() } else { None };
        let mut cmd;
        if script {
            let path = body.file.path.as_ref().and_then(|p| std::path::absolute(p).ok()).map(|p| p.display().to_string()).unwrap_or_default();
            let leaf = body.file.path.as_ref().and_then(|p| p.file_name()).map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
            cmd = PsObject::typed("System.Management.Automation.ExternalScriptInfo");
            cmd.set("Name", Value::string(leaf.clone()));
            cmd.set("CommandType", Value::str("ExternalScript"));
            cmd.set("Path", Value::string(path.clone()));
            cmd.set("Definition", Value::string(path.clone()));
            cmd.set("Source", Value::string(path));
            cmd.to_string = Some(Rc::from(leaf.as_str()));
        } else {
            cmd = PsObject::typed("System.Management.Automation.FunctionInfo");
            cmd.set("Name", Value::str(name));
            cmd.set("CommandType", Value::str("Function"));
            cmd.set("Definition", Value::str(body.body_text()));
            cmd.set("Source", Value::str(""));
            cmd.to_string = Some(Rc::from(name));
        }
        let mut inv = PsObject::typed("System.Management.Automation.InvocationInfo");
        let invocation_name = if script { body.file.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default() } else { name.to_string() };
        inv.set("MyCommand", cmd.into_value());
        inv.set("BoundParameters", bound_params);
        inv.set("UnboundArguments", Value::array(unbound));
        inv.set("InvocationName", Value::string(invocation_name));
        match &caller {
            Some(f) => {
                let (line, col) = f.line_col(call_span.start);
                let file_path = f.path.as_ref().and_then(|p| std::path::absolute(p).ok());
                inv.set("ScriptLineNumber", Value::Int(line as i32));
                inv.set("OffsetInLine", Value::Int(col as i32));
                inv.set("Line", Value::string(format!("{}\n", f.line_text(line))));
                inv.set("ScriptName", Value::string(file_path.as_ref().map(|p| p.display().to_string()).unwrap_or_default()));
                inv.set("PSScriptRoot", Value::string(file_path.as_ref().and_then(|p| p.parent()).map(|p| p.display().to_string()).unwrap_or_default()));
                inv.set("PSCommandPath", Value::string(file_path.as_ref().map(|p| p.display().to_string()).unwrap_or_default()));
                inv.set("PositionMessage", Value::string(crate::engine::display::position_message(f, call_span)));
            }
            None => {
                inv.set("ScriptLineNumber", Value::Int(0));
                inv.set("OffsetInLine", Value::Int(0));
                inv.set("Line", Value::str(""));
                inv.set("ScriptName", Value::str(""));
                inv.set("PSScriptRoot", Value::str(""));
                inv.set("PSCommandPath", Value::str(""));
                inv.set("PositionMessage", Value::str(""));
            }
        }
        inv.set("PipelineLength", Value::Int(1));
        inv.set("PipelinePosition", Value::Int(1));
        inv.set("ExpectingInput", Value::Bool(false));
        inv.set("CommandOrigin", Value::str("Internal"));
        inv.into_value()
    }

    /// A line on the verbose (4), debug (5) or information (6) stream, honouring redirection.
    pub fn write_stream_line(&mut self, stream: usize, msg: &str) {
        match self.redirects.streams[stream].clone() {
            Some(StreamTarget::Discard) => {}
            Some(StreamTarget::Merge(buf)) => buf.borrow_mut().push(Value::str(msg)),
            Some(StreamTarget::File(p, _)) => {
                let _ = crate::engine::pipeline::append_file(&p, &format!("{msg}\n"));
            }
            None => match stream {
                4 => self.host.write_verbose(msg),
                5 => self.host.write_debug(msg),
                _ => self.host.write_line(msg),
            },
        }
    }

    fn positioned_for(&self, c: &PSCmdletObject, mut rec: ErrorRecord) -> ErrorRecord {
        if rec.invocation.command.is_none() {
            rec.invocation.command = Some(c.command.clone());
            // ErrorRecord.SetInvocationInfo: the id is qualified with the writing command.
            if !rec.fqid.contains(',') {
                rec.fqid = Rc::from(format!("{},{}", rec.fqid, c.command).as_str());
            }
        }
        if let Some(f) = &c.call_file {
            rec = rec.at(f, c.call_span);
        }
        rec
    }

    /// `$PSCmdlet.Method(…)`.
    pub fn pscmdlet_method(&mut self, c: &PSCmdletObject, name: &str, args: &[Value], span: Span) -> R<Value> {
        let lname = name.to_ascii_lowercase();
        let arg = |i: usize| args.get(i).map(to_display_string).unwrap_or_default();
        match lname.as_str() {
            "shouldprocess" => {
                let (what_if_text, verbose_text) = match args.len() {
                    0 => {
                        return Err(self.runtime_err(
                            "Cannot find an overload for \"ShouldProcess\" and the argument count: \"0\".",
                            "MethodCountCouldNotFindBest",
                            span,
                        ));
                    }
                    1 => {
                        let m = format!("Performing the operation \"{}\" on target \"{}\".", c.command, arg(0));
                        (m.clone(), m)
                    }
                    2 => {
                        let m = format!("Performing the operation \"{}\" on target \"{}\".", arg(1), arg(0));
                        (m.clone(), m)
                    }
                    _ => (arg(0), arg(0)),
                };
                let what_if = self.get_var(wk::WHATIF_PREFERENCE).map(|v| to_bool(&v)).unwrap_or(false);
                if what_if {
                    self.host.write_line(&format!("What if: {what_if_text}"));
                    return Ok(Value::Bool(false));
                }
                if self.pref(wk::VERBOSE_PREFERENCE, ActionPref::SilentlyContinue) == ActionPref::Continue {
                    self.write_stream_line(4, &verbose_text);
                }
                // Confirmation prompts need an interactive host: `run`/`-Command` never prompt.
                Ok(Value::Bool(true))
            }
            "shouldcontinue" => Ok(Value::Bool(true)),
            "writeverbose" => {
                if self.pref(wk::VERBOSE_PREFERENCE, ActionPref::SilentlyContinue) == ActionPref::Continue {
                    self.write_stream_line(4, &arg(0));
                }
                Ok(Value::Null)
            }
            "writedebug" => {
                if self.pref(wk::DEBUG_PREFERENCE, ActionPref::SilentlyContinue) != ActionPref::SilentlyContinue {
                    self.write_stream_line(5, &arg(0));
                }
                Ok(Value::Null)
            }
            "writewarning" => {
                let action = self.pref(wk::WARNING_PREFERENCE, ActionPref::Continue);
                self.write_warning(&arg(0), action)?;
                Ok(Value::Null)
            }
            "writeinformation" => {
                if self.pref(wk::INFORMATION_PREFERENCE, ActionPref::SilentlyContinue) == ActionPref::Continue {
                    self.write_stream_line(6, &arg(0));
                }
                Ok(Value::Null)
            }
            "writeprogress" => Ok(Value::Null),
            "writeobject" => {
                // WriteObject(x) writes x as one object; WriteObject(x, $true) enumerates it.
                let v = args.first().cloned().unwrap_or(Value::Null);
                let enumerate = args.get(1).map(to_bool).unwrap_or(false);
                Ok(if enumerate || !v.is_enumerable() { v } else { Value::array(vec![v]) })
            }
            "writeerror" | "throwterminatingerror" => {
                let rec = match args.first() {
                    Some(Value::Net(n)) => n.as_any().downcast_ref::<crate::engine::error::ErrorRecordObject>().map(|r| (*r.0).clone()),
                    _ => None,
                };
                let Some(rec) = rec else {
                    let shown = args.first().map(crate::engine::bind::argument_text).unwrap_or_else(|| "null".into());
                    return Err(self.runtime_err(
                        &format!(
                            "Cannot convert argument \"errorRecord\", with value: \"{shown}\", for \"{name}\" to type \"System.Management.Automation.ErrorRecord\": \"Cannot convert the \"{shown}\" value of type \"{}\" to type \"System.Management.Automation.ErrorRecord\".\"",
                            args.first().map(|v| crate::engine::types::type_of(v).full_name()).unwrap_or_else(|| "System.Object".into())
                        ),
                        "MethodArgumentConversionInvalidCastArgument",
                        span,
                    ));
                };
                let rec = self.positioned_for(c, rec);
                if lname == "writeerror" {
                    let action = self.error_action();
                    self.write_error(rec, action)?;
                    return Ok(Value::Null);
                }
                Err(Flow::Error(Rc::new(rec), Termination::Command))
            }
            "getresolvedproviderpathfrompspath" | "getunresolvedproviderpathfrompspath" => {
                let p = crate::engine::pipeline::resolve_path(&arg(0));
                let abs = std::path::absolute(&p).unwrap_or(p);
                Ok(Value::string(abs.display().to_string()))
            }
            "tostring" => Ok(Value::Str(c.command.clone())),
            _ => Err(self.runtime_err(
                &format!("Method invocation failed because [System.Management.Automation.PSScriptCmdlet] does not contain a method named '{name}'."),
                "MethodNotFound",
                span,
            )),
        }
    }
}
