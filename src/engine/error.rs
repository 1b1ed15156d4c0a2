//! Error records and non-local control flow.
//!
//! pwsh has three kinds of errors and we keep all three:
//! * non-terminating: a cmdlet writes a record to the error stream and carries on;
//! * statement-terminating: the current statement stops (runtime exceptions, binding errors,
//!   `ThrowTerminatingError`), the script continues with the next statement unless a
//!   `try`/`trap` is active or `$ErrorActionPreference` is `Stop`;
//! * script-terminating: `throw` and `-ErrorAction Stop` unwind until a `try`/`trap` or the top.

use std::any::Any;
use std::rc::Rc;

use crate::engine::value::{NetObject, Value};
use crate::lang::ast::Span;
use crate::lang::source::SourceFile;

pub type R<T = ()> = Result<T, Flow>;

#[derive(Debug, Clone)]
pub enum Flow {
    Break(Option<Rc<str>>),
    Continue(Option<Rc<str>>),
    Return,
    Exit(i32),
    Error(Rc<ErrorRecord>, Termination),
}

/// The error that stops a running pipeline when Ctrl+C is pressed (pwsh's StopProcessing).
/// `try`/`catch` does not catch it, as in pwsh; only `finally` blocks run on the way out.
pub fn pipeline_stopped() -> Flow {
    Flow::Error(
        Rc::new(ErrorRecord::new(PIPELINE_STOPPED_TYPE, crate::engine::messages::RT_PIPELINE_STOPPED, "PipelineStopped", "OperationStopped")),
        Termination::Script,
    )
}

pub const PIPELINE_STOPPED_TYPE: &str = "System.Management.Automation.PipelineStoppedException";

/// Whether `rec` is the stop of the pipeline by the user, which no `catch` handles.
pub fn is_pipeline_stop(rec: &ErrorRecord) -> bool {
    &*rec.exception.type_name == PIPELINE_STOPPED_TYPE
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Termination {
    Statement,
    /// `$PSCmdlet.ThrowTerminatingError()`: ends the whole function, then is a statement-
    /// terminating error where the function was called.
    Command,
    Script,
}

/// Where an error happened: the command and the extent of the failing statement or token.
#[derive(Debug, Clone)]
pub struct Position {
    pub file: Rc<SourceFile>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct InvocationInfo {
    /// `MyCommand` name (e.g. "Get-Item"); `None` for errors raised by the language itself.
    pub command: Option<Rc<str>>,
    pub position: Option<Position>,
}

#[derive(Debug, Clone)]
pub struct ExceptionInfo {
    /// Full .NET type name, e.g. "System.Management.Automation.CommandNotFoundException".
    pub type_name: Rc<str>,
    pub message: Rc<str>,
    pub inner: Option<Rc<ExceptionInfo>>,
    /// For a `throw $obj`, the thrown object (RuntimeException.WasThrownFromThrowStatement).
    pub thrown: Option<Value>,
}

impl ExceptionInfo {
    pub fn new(type_name: &str, message: impl Into<Rc<str>>) -> ExceptionInfo {
        ExceptionInfo { type_name: Rc::from(type_name), message: message.into(), inner: None, thrown: None }
    }
}

#[derive(Debug, Clone)]
pub struct ErrorRecord {
    pub exception: Rc<ExceptionInfo>,
    /// FullyQualifiedErrorId, e.g. "NamedParameterNotFound,Get-Item".
    pub fqid: Rc<str>,
    /// ErrorCategory name, e.g. "ObjectNotFound".
    pub category: &'static str,
    pub target: Value,
    pub invocation: InvocationInfo,
    /// ErrorDetails.Message, when set it replaces the exception message in displays.
    pub details: Option<Rc<str>>,
    /// The activity shown in CategoryInfo (defaults to the command name).
    pub activity: Option<Rc<str>>,
    /// Script stack trace at the point of failure ("at f, file: line 3").
    pub stack_trace: Rc<str>,
    /// Raised by `-ErrorAction Stop` / `$ErrorActionPreference = 'Stop'` (pwsh wraps the record in
    /// an ActionPreferenceStopException, which `catch [ActionPreferenceStopException]` sees).
    pub stopped: bool,
}

impl ErrorRecord {
    pub fn new(exception_type: &str, message: impl Into<Rc<str>>, fqid: &str, category: &'static str) -> ErrorRecord {
        ErrorRecord {
            exception: Rc::new(ExceptionInfo::new(exception_type, message)),
            fqid: Rc::from(fqid),
            category,
            target: Value::Null,
            invocation: InvocationInfo { command: None, position: None },
            details: None,
            activity: None,
            stack_trace: Rc::from(""),
            stopped: false,
        }
    }

    /// Same record with an inner exception (`$_.Exception.InnerException`).
    pub fn with_inner(mut self, type_name: &str, message: impl Into<Rc<str>>) -> ErrorRecord {
        let mut ex = (*self.exception).clone();
        ex.inner = Some(Rc::new(ExceptionInfo::new(type_name, message)));
        self.exception = Rc::new(ex);
        self
    }

    /// The text pwsh displays: ErrorDetails when present, else the exception message.
    pub fn message(&self) -> &str {
        self.details.as_deref().unwrap_or(&self.exception.message)
    }

    pub fn with_target(mut self, target: Value) -> ErrorRecord {
        self.target = target;
        self
    }

    pub fn at(mut self, file: &Rc<SourceFile>, span: Span) -> ErrorRecord {
        if self.invocation.position.is_none() {
            self.invocation.position = Some(Position { file: file.clone(), span });
        }
        self
    }

    pub fn for_command(mut self, name: &str) -> ErrorRecord {
        if self.invocation.command.is_none() {
            self.invocation.command = Some(Rc::from(name));
        }
        self
    }

    /// The short exception type name used as CategoryInfo.Reason.
    pub fn reason(&self) -> &str {
        self.exception.type_name.rsplit('.').next().unwrap_or(&self.exception.type_name)
    }

    /// pwsh's ErrorCategoryInfo.ToString(): "ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException".
    pub fn category_info_text(&self) -> String {
        let target_name = crate::engine::convert::to_display_string(&self.target);
        let target_type = if self.target.is_null() { String::new() } else { crate::engine::types::type_of(&self.target).name() };
        let activity = self.activity.clone().or_else(|| self.invocation.command.clone()).map(|s| s.to_string()).unwrap_or_default();
        format!("{}: ({}:{}) [{}], {}", self.category, target_name, target_type, activity, self.reason())
    }

    pub fn terminating(self, t: Termination) -> Flow {
        Flow::Error(Rc::new(self), t)
    }

    pub fn is_type(&self, full_name: &str) -> bool {
        type_derives(&self.exception.type_name, full_name)
    }

    /// The exception types a `catch`/`trap` looks at, in pwsh's order (ExceptionHandlingOps.
    /// FindMatchingHandler): the thrown RuntimeException's inner exception first, then the
    /// RuntimeException itself. A record whose exception is not a RuntimeException travels
    /// wrapped in one (ConvertToRuntimeException), so that exception is the "inner" one.
    /// Each candidate carries the exception `$_` shows when the handler matched through it.
    fn handler_candidates(&self) -> Vec<(Rc<str>, Option<Rc<ExceptionInfo>>)> {
        const RTE: &str = "System.Management.Automation.RuntimeException";
        let ex = &self.exception;
        let mut out = Vec::new();
        if self.stopped {
            // ActionPreferenceStopException: the stopped record's exception (and its inner one).
            if let Some(i) = &ex.inner {
                out.push((i.type_name.clone(), Some(i.clone())));
            }
            out.push((ex.type_name.clone(), None));
            out.push((Rc::from("System.Management.Automation.ActionPreferenceStopException"), None));
            return out;
        }
        if type_derives(&ex.type_name, RTE) {
            if let Some(i) = &ex.inner {
                out.push((i.type_name.clone(), Some(i.clone())));
            }
            out.push((ex.type_name.clone(), None));
        } else {
            out.push((ex.type_name.clone(), None));
            out.push((Rc::from(RTE), None));
        }
        out
    }

    /// The record a handler sees as `$_` (ErrorRecord(record, replaceParentContainsErrorRecordException)).
    pub fn as_handled(self: &Rc<Self>, replacement: Option<Rc<ExceptionInfo>>) -> Rc<ErrorRecord> {
        match replacement {
            Some(ex) if !Rc::ptr_eq(&ex, &self.exception) => {
                let mut r = (**self).clone();
                r.exception = ex;
                Rc::new(r)
            }
            _ => self.clone(),
        }
    }
}

/// `t` is `base` or derives from it (known exception hierarchy; every exception is an Exception).
pub fn type_derives(t: &str, base: &str) -> bool {
    use crate::lang::sym::eq_ci;
    if eq_ci(t, base) {
        return true;
    }
    if eq_ci(base, "System.Exception") || eq_ci(base, "System.Object") {
        return true;
    }
    crate::engine::types::exception_bases(t).iter().any(|b| eq_ci(b, base))
}

/// Pick the `catch` clause (or `trap`) that handles an error, as pwsh does: for each candidate
/// exception type (inner first), an exact type match in any clause wins, then a base-type match,
/// then a catch-all; a catch-all found for the inner exception gives way to a typed clause that
/// matches the outer one. `clauses[i]` lists the clause's type names; empty = catch-all.
pub fn find_handler(rec: &ErrorRecord, clauses: &[Vec<String>]) -> Option<(usize, Option<Rc<ExceptionInfo>>)> {
    use crate::lang::sym::eq_ci;
    let by_type = |t: &str| -> Option<usize> {
        if let Some(i) = clauses.iter().position(|c| c.iter().any(|n| eq_ci(n, t))) {
            return Some(i);
        }
        if let Some(i) = clauses.iter().position(|c| c.iter().any(|n| type_derives(t, n))) {
            return Some(i);
        }
        clauses.iter().position(|c| c.is_empty())
    };
    let mut found = None;
    for (t, ex) in rec.handler_candidates() {
        match by_type(&t) {
            Some(i) if !clauses[i].is_empty() => return Some((i, ex)),
            Some(i) => found = Some((i, None)),
            None => {}
        }
    }
    found
}

/// Convenience constructors with pwsh's exception types and categories.
pub fn runtime_error(message: impl Into<Rc<str>>, fqid: &str) -> ErrorRecord {
    ErrorRecord::new("System.Management.Automation.RuntimeException", message, fqid, "InvalidOperation")
}

pub fn statement_error(rec: ErrorRecord) -> Flow {
    Flow::Error(Rc::new(rec), Termination::Statement)
}

/// `$_` inside `catch`, `$Error[0]`: an ErrorRecord as a .NET object.
#[derive(Debug)]
pub struct ErrorRecordObject(pub Rc<ErrorRecord>);

#[derive(Debug)]
pub struct ExceptionObject(pub Rc<ExceptionInfo>, pub Option<Rc<ErrorRecord>>);

impl NetObject for ErrorRecordObject {
    fn type_name(&self) -> &str {
        "System.Management.Automation.ErrorRecord"
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        use crate::lang::sym::eq_ci;
        let r = &self.0;
        let v = if eq_ci(name, "Exception") {
            Value::Net(Rc::new(ExceptionObject(r.exception.clone(), Some(r.clone()))))
        } else if eq_ci(name, "FullyQualifiedErrorId") {
            Value::Str(r.fqid.clone())
        } else if eq_ci(name, "CategoryInfo") {
            Value::Net(Rc::new(CategoryInfoObject(r.clone())))
        } else if eq_ci(name, "InvocationInfo") {
            Value::Net(Rc::new(InvocationInfoObject(r.clone())))
        } else if eq_ci(name, "TargetObject") {
            r.target.clone()
        } else if eq_ci(name, "ErrorDetails") {
            match &r.details {
                Some(d) => Value::Str(d.clone()),
                None => Value::Null,
            }
        } else if eq_ci(name, "ScriptStackTrace") {
            Value::Str(r.stack_trace.clone())
        } else if eq_ci(name, "PipelineIterationInfo") {
            Value::array(vec![])
        } else {
            return None;
        };
        Some(v)
    }
    fn property_names(&self) -> Vec<Rc<str>> {
        ["Exception", "TargetObject", "CategoryInfo", "FullyQualifiedErrorId", "ErrorDetails", "InvocationInfo", "ScriptStackTrace", "PipelineIterationInfo"]
            .iter()
            .map(|s| Rc::from(*s))
            .collect()
    }
    fn call_method(&self, name: &str, _args: &[Value]) -> Option<Result<Value, String>> {
        if crate::lang::sym::eq_ci(name, "ToString") {
            return Some(Ok(Value::str(self.0.message())));
        }
        None
    }
    fn to_display_string(&self) -> String {
        self.0.message().to_string()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl NetObject for ExceptionObject {
    fn type_name(&self) -> &str {
        &self.0.type_name
    }
    fn type_hierarchy(&self) -> Vec<&str> {
        let mut v = vec![&*self.0.type_name];
        v.extend(crate::engine::types::exception_bases(&self.0.type_name).iter().copied());
        if !v.contains(&"System.Exception") {
            v.push("System.Exception");
        }
        v.push("System.Object");
        v
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        use crate::lang::sym::eq_ci;
        let e = &self.0;
        Some(if eq_ci(name, "Message") {
            Value::Str(e.message.clone())
        } else if eq_ci(name, "InnerException") {
            match &e.inner {
                Some(i) => Value::Net(Rc::new(ExceptionObject(i.clone(), None))),
                None => Value::Null,
            }
        } else if eq_ci(name, "ErrorRecord") {
            match &self.1 {
                Some(r) => Value::Net(Rc::new(ErrorRecordObject(r.clone()))),
                None => Value::Null,
            }
        } else if eq_ci(name, "HResult") {
            Value::Int(-2146233087)
        } else if eq_ci(name, "Source") || eq_ci(name, "HelpLink") || eq_ci(name, "StackTrace") {
            Value::Null
        } else if eq_ci(name, "WasThrownFromThrowStatement") {
            Value::Bool(e.thrown.is_some())
        } else if eq_ci(name, "Data") {
            Value::Hashtable(Rc::new(std::cell::RefCell::new(crate::engine::value::Hashtable::new())))
        } else {
            return None;
        })
    }
    fn property_names(&self) -> Vec<Rc<str>> {
        ["Message", "InnerException", "ErrorRecord", "HResult", "Source", "StackTrace"].iter().map(|s| Rc::from(*s)).collect()
    }
    fn call_method(&self, name: &str, _args: &[Value]) -> Option<Result<Value, String>> {
        use crate::lang::sym::eq_ci;
        if eq_ci(name, "ToString") {
            return Some(Ok(Value::string(format!("{}: {}", self.0.type_name, self.0.message))));
        }
        if eq_ci(name, "GetBaseException") {
            let mut e = self.0.clone();
            while let Some(i) = e.inner.clone() {
                e = i;
            }
            return Some(Ok(Value::Net(Rc::new(ExceptionObject(e, None)))));
        }
        None
    }
    fn to_display_string(&self) -> String {
        self.0.message.to_string()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[derive(Debug)]
pub struct CategoryInfoObject(pub Rc<ErrorRecord>);

impl NetObject for CategoryInfoObject {
    fn type_name(&self) -> &str {
        "System.Management.Automation.ErrorCategoryInfo"
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        use crate::lang::sym::eq_ci;
        let r = &self.0;
        Some(if eq_ci(name, "Category") {
            crate::engine::enums::make("System.Management.Automation.ErrorCategory", r.category).unwrap_or_else(|| Value::str(r.category))
        } else if eq_ci(name, "Activity") {
            Value::Str(r.activity.clone().or_else(|| r.invocation.command.clone()).unwrap_or_else(|| Rc::from("")))
        } else if eq_ci(name, "Reason") {
            Value::str(r.reason())
        } else if eq_ci(name, "TargetName") {
            Value::string(crate::engine::convert::to_display_string(&r.target))
        } else if eq_ci(name, "TargetType") {
            if r.target.is_null() { Value::str("") } else { Value::string(crate::engine::types::type_of(&r.target).name()) }
        } else {
            return None;
        })
    }
    fn property_names(&self) -> Vec<Rc<str>> {
        ["Category", "Activity", "Reason", "TargetName", "TargetType"].iter().map(|s| Rc::from(*s)).collect()
    }
    fn to_display_string(&self) -> String {
        self.0.category_info_text()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[derive(Debug)]
pub struct InvocationInfoObject(pub Rc<ErrorRecord>);

impl NetObject for InvocationInfoObject {
    fn type_name(&self) -> &str {
        "System.Management.Automation.InvocationInfo"
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        use crate::lang::sym::eq_ci;
        let inv = &self.0.invocation;
        let pos = inv.position.as_ref();
        let (line, col) = pos.map(|p| p.file.line_col(p.span.start)).unwrap_or((0, 0));
        Some(if eq_ci(name, "MyCommand") {
            inv.command.clone().map(Value::Str).unwrap_or(Value::Null)
        } else if eq_ci(name, "InvocationName") {
            inv.command.clone().map(Value::Str).unwrap_or(Value::str(""))
        } else if eq_ci(name, "ScriptLineNumber") {
            Value::Int(line as i32)
        } else if eq_ci(name, "OffsetInLine") {
            Value::Int(col as i32)
        } else if eq_ci(name, "ScriptName") || eq_ci(name, "PSCommandPath") {
            Value::string(pos.map(|p| crate::engine::display::script_path(&p.file)).unwrap_or_default())
        } else if eq_ci(name, "Line") {
            Value::string(pos.map(|p| format!("{}\n", p.file.line_text(line))).unwrap_or_default())
        } else if eq_ci(name, "PositionMessage") {
            Value::string(pos.map(|p| crate::engine::display::position_message(&p.file, p.span)).unwrap_or_default())
        } else {
            return None;
        })
    }
    fn property_names(&self) -> Vec<Rc<str>> {
        ["MyCommand", "ScriptLineNumber", "OffsetInLine", "ScriptName", "Line", "PositionMessage", "InvocationName"].iter().map(|s| Rc::from(*s)).collect()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
