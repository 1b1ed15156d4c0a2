//! Microsoft.PowerShell.* cmdlets: pipeline filters, output, formatting, data conversion,
//! files, the session and help. One file per family:
//!
//! * [`output`]: Write-*, Out-*, Tee-Object, Format-Table, Format-List
//! * [`objects`]: Where-Object, ForEach-Object, Select-Object, Sort-Object, Group-Object,
//!   Measure-Object, Compare-Object, Add-Member, Get-Member, New-Object
//! * [`data`]: CSV, JSON, secure strings, credentials, Read-Host
//! * [`files`]: Get/Set/Add-Content, Test/Join/Split/Resolve-Path, New-Item, Remove-Item
//! * [`session`]: dates, random, variables, modules, strict mode, Invoke-*, transcripts
//! * [`help`]: Get-Command, Get-Help

pub mod data;
pub mod files;
pub mod help;
pub mod objects;
pub mod output;
pub mod session;

use std::rc::Rc;

use crate::cmdlets::Make;
use crate::engine::commands::{Cmdlet, Cx, FnCmdlet};
use crate::engine::convert::to_display_string;
use crate::engine::error::{Flow, R};
use crate::engine::value::Value;
use crate::lang::ast::ScriptBlock;
use crate::lang::sym::eq_ci;

macro_rules! simple {
    ($f:path) => {{
        fn make() -> Box<dyn Cmdlet> {
            Box::new(FnCmdlet($f))
        }
        make as Make
    }};
}

macro_rules! stateful {
    ($t:ty) => {{
        fn make() -> Box<dyn Cmdlet> {
            Box::new(<$t>::default())
        }
        make as Make
    }};
}

/// The registration table: cmdlet name → implementation.
pub const CMDLETS: &[(&str, Make)] = &[
    // output
    ("Write-Output", simple!(output::write_output)),
    ("Write-Host", simple!(output::write_host)),
    ("Write-Warning", simple!(output::write_warning)),
    ("Write-Verbose", simple!(output::write_verbose)),
    ("Write-Debug", simple!(output::write_debug)),
    ("Write-Information", simple!(output::write_information)),
    ("Write-Progress", simple!(output::write_progress)),
    ("Write-Error", simple!(output::write_error)),
    ("Out-Null", simple!(output::out_null)),
    ("Out-Default", stateful!(output::OutHost)),
    ("Out-Host", stateful!(output::OutHost)),
    ("Out-String", stateful!(output::OutString)),
    ("Out-File", stateful!(output::OutFile)),
    ("Tee-Object", stateful!(output::TeeObject)),
    ("Format-Table", stateful!(output::FormatTable)),
    ("Format-List", stateful!(output::FormatList)),
    // objects
    ("Where-Object", simple!(objects::where_object)),
    ("ForEach-Object", stateful!(objects::ForEachObject)),
    ("Select-Object", stateful!(objects::SelectObject)),
    ("Sort-Object", stateful!(objects::SortObject)),
    ("Group-Object", stateful!(objects::GroupObject)),
    ("Measure-Object", stateful!(objects::MeasureObject)),
    ("Compare-Object", stateful!(objects::CompareObject)),
    ("Add-Member", simple!(objects::add_member)),
    ("Get-Member", stateful!(objects::GetMember)),
    ("New-Object", simple!(objects::new_object)),
    // data
    ("ConvertTo-SecureString", simple!(data::convert_to_secure_string)),
    ("ConvertFrom-SecureString", simple!(data::convert_from_secure_string)),
    ("Get-Credential", simple!(data::get_credential)),
    ("Read-Host", simple!(data::read_host)),
    ("Import-Csv", simple!(data::import_csv)),
    ("Export-Csv", stateful!(data::ExportCsv)),
    ("ConvertTo-Csv", stateful!(data::ConvertToCsv)),
    ("ConvertFrom-Csv", stateful!(data::ConvertFromCsv)),
    ("ConvertTo-Json", stateful!(data::ConvertToJson)),
    ("ConvertFrom-Json", stateful!(data::ConvertFromJson)),
    // files
    ("Get-Content", simple!(files::get_content)),
    ("Set-Content", stateful!(files::SetContent)),
    ("Add-Content", stateful!(files::AddContent)),
    ("Test-Path", simple!(files::test_path)),
    ("Join-Path", simple!(files::join_path)),
    ("Split-Path", simple!(files::split_path)),
    ("Resolve-Path", simple!(files::resolve_path)),
    ("New-Item", simple!(files::new_item)),
    ("Remove-Item", simple!(files::remove_item)),
    // session
    ("Get-Date", simple!(session::get_date)),
    ("New-TimeSpan", simple!(session::new_timespan)),
    ("Start-Sleep", simple!(session::start_sleep)),
    ("Get-Random", stateful!(session::GetRandom)),
    ("New-Guid", simple!(session::new_guid)),
    ("Get-Variable", simple!(session::get_variable)),
    ("Set-Variable", stateful!(session::SetVariable)),
    ("Set-StrictMode", simple!(session::set_strict_mode)),
    ("Import-Module", simple!(session::import_module)),
    ("Get-Module", simple!(session::get_module)),
    ("Invoke-Expression", simple!(session::invoke_expression)),
    ("Invoke-Command", stateful!(session::InvokeCommand)),
    ("Start-Transcript", simple!(session::start_transcript)),
    ("Stop-Transcript", simple!(session::stop_transcript)),
    // help
    ("Get-Command", simple!(help::get_command)),
    ("Get-Help", simple!(help::get_help)),
];

// ───────────────────────────── shared helpers ─────────────────────────────

/// A statement-terminating error for a parameter tenantsim declares (so binding matches
/// pwsh) but does not implement.
pub fn not_supported(cx: &Cx, what: &str) -> Flow {
    let msg = format!("{what} is not supported by tenantsim.");
    cx.terminate(cx.error("System.Management.Automation.PSNotSupportedException", msg, "NotSupportedByTenantsim", "NotImplemented"))
}

/// Fail when any of the given (declared but unimplemented) parameters is bound.
pub fn reject(cx: &Cx, params: &[&str]) -> R {
    for p in params {
        if cx.has(p) {
            return Err(not_supported(cx, &format!("The -{p} parameter of {}", cx.name())));
        }
    }
    Ok(())
}

/// The pipeline object (or `-InputObject` value) of this `process` call; None when there is
/// none (no input, and the parameter was not given).
pub fn input(cx: &Cx) -> Option<Value> {
    match cx.get("InputObject") {
        Some(v) if cx.has_input || !v.is_null() => Some(v.clone()),
        Some(_) | None => None,
    }
}

/// A property expression: a property name (possibly with wildcards) or a script block.
#[derive(Clone, Debug)]
pub enum Expr {
    Name(Rc<str>),
    Script(Rc<ScriptBlock>),
}

/// A calculated property (`@{Name=…; Expression=…}`) or a plain property reference, as
/// Select-Object, Format-Table/List, Sort-Object, Group-Object and Measure-Object take them.
#[derive(Clone, Debug)]
pub struct PropSpec {
    /// The label (`Name`/`Label`); None for plain properties.
    pub label: Option<Rc<str>>,
    pub expr: Expr,
    pub width: Option<usize>,
    pub align: Option<crate::engine::format::Align>,
    pub format_string: Option<Rc<str>>,
    /// Sort-Object: per-key direction.
    pub descending: Option<bool>,
}

impl PropSpec {
    pub fn name(name: &str) -> PropSpec {
        PropSpec { label: None, expr: Expr::Name(Rc::from(name)), width: None, align: None, format_string: None, descending: None }
    }
    pub fn has_wildcard(&self) -> bool {
        matches!(&self.expr, Expr::Name(n) if n.contains(['*', '?', '[']))
    }
    /// The label shown for this property (`Name`, else the expression's text).
    pub fn display_label(&self) -> Rc<str> {
        match (&self.label, &self.expr) {
            (Some(l), _) => l.clone(),
            (None, Expr::Name(n)) => n.clone(),
            (None, Expr::Script(sb)) => Rc::from(sb.body_text()),
        }
    }
}

/// Which keys a calculated property may have, per cmdlet (pwsh validates them).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum KeySet {
    Select,
    Format,
    Sort,
    Group,
}

fn key_matches(key: &str, full: &str) -> bool {
    !key.is_empty() && full.len() >= key.len() && full[..key.len()].eq_ignore_ascii_case(key)
}

/// Parse `-Property` values into property specs, with pwsh's errors for bad hashtables.
pub fn parse_props(cx: &Cx, values: &[Value], keys: KeySet) -> R<Vec<PropSpec>> {
    let mut out = Vec::new();
    for v in values {
        match v {
            Value::Hashtable(h) => {
                let h = h.borrow();
                let mut spec = PropSpec { label: None, expr: Expr::Name(Rc::from("")), width: None, align: None, format_string: None, descending: None };
                let mut has_expr = false;
                for (k, val) in h.iter() {
                    let key = to_display_string(k);
                    let allowed_label = matches!(keys, KeySet::Select | KeySet::Format);
                    if allowed_label && (key_matches(&key, "Name") || key_matches(&key, "Label")) {
                        if spec.label.is_some() {
                            return Err(bad_key(cx, &key, "DuplicateKey"));
                        }
                        spec.label = Some(Rc::from(to_display_string(val).as_str()));
                    } else if key_matches(&key, "Expression") {
                        has_expr = true;
                        spec.expr = match val {
                            Value::ScriptBlock(sb) => Expr::Script(sb.clone()),
                            other => Expr::Name(Rc::from(to_display_string(other).as_str())),
                        };
                    } else if keys == KeySet::Format && key_matches(&key, "Width") {
                        spec.width = crate::engine::convert::to_num(val).map(|n| n.to_f64().max(0.0) as usize);
                    } else if keys == KeySet::Format && key_matches(&key, "Alignment") {
                        let a = to_display_string(val);
                        spec.align = if a.eq_ignore_ascii_case("right") {
                            Some(crate::engine::format::Align::Right)
                        } else if a.eq_ignore_ascii_case("left") || a.eq_ignore_ascii_case("center") {
                            Some(crate::engine::format::Align::Left)
                        } else {
                            return Err(illegal_value(cx, "Alignment", &a));
                        };
                    } else if keys == KeySet::Format && key_matches(&key, "FormatString") {
                        spec.format_string = Some(Rc::from(to_display_string(val).as_str()));
                    } else if keys == KeySet::Sort && key_matches(&key, "Ascending") {
                        spec.descending = Some(!crate::engine::convert::to_bool(val));
                    } else if keys == KeySet::Sort && key_matches(&key, "Descending") {
                        spec.descending = Some(crate::engine::convert::to_bool(val));
                    } else {
                        return Err(bad_key(cx, &key, "IllegalKey"));
                    }
                }
                if !has_expr {
                    let rec = cx.error(
                        "System.Management.Automation.PSArgumentException",
                        "The \"expression\" key is missing.",
                        "DictionaryKeyMissingKey",
                        "InvalidArgument",
                    );
                    return Err(cx.terminate(rec));
                }
                out.push(spec);
            }
            Value::ScriptBlock(sb) => {
                out.push(PropSpec { label: None, expr: Expr::Script(sb.clone()), width: None, align: None, format_string: None, descending: None })
            }
            Value::Null => {}
            other => out.push(PropSpec::name(&to_display_string(other))),
        }
    }
    Ok(out)
}

fn bad_key(cx: &Cx, key: &str, id: &str) -> Flow {
    let msg = if id == "DuplicateKey" { format!("The \"{key}\" key has already been specified.") } else { format!("The \"{key}\" key is not valid.") };
    cx.terminate(cx.error("System.Management.Automation.PSArgumentException", msg, &format!("DictionaryKey{id}"), "InvalidArgument"))
}

fn illegal_value(cx: &Cx, key: &str, value: &str) -> Flow {
    let msg = format!("The \"{value}\" value of the \"{key}\" key is not valid.");
    cx.terminate(cx.error("System.Management.Automation.PSArgumentException", msg, "DictionaryKeyIllegalValue", "InvalidArgument"))
}

/// The value of a property expression for one object (`$_` is the object).
pub fn eval_expr(cx: &mut Cx, item: &Value, expr: &Expr) -> R<Value> {
    match expr {
        // ETS properties only (hashtable keys are not properties); script properties run.
        Expr::Name(n) => match item {
            Value::Hashtable(_) | Value::Null => Ok(crate::engine::format::property_of(item, n)),
            _ if crate::engine::format::has_property(item, n) => {
                let span = cx.span;
                cx.it.get_member(item, n, span)
            }
            _ => Ok(Value::Null),
        },
        Expr::Script(sb) => cx.it.invoke_script_block_value(sb, vec![], Some(item.clone()), false),
    }
}

/// Expand wildcard property names against an object's properties.
pub fn expand_names(item: &Value, specs: &[PropSpec]) -> Vec<PropSpec> {
    let mut out = Vec::new();
    for s in specs {
        match &s.expr {
            Expr::Name(n) if s.label.is_none() && s.has_wildcard() => {
                for (pn, _) in crate::engine::format::all_properties(item) {
                    if crate::engine::ops::wildcard_match(n, &pn, false) && !out.iter().any(|o: &PropSpec| matches!(&o.expr, Expr::Name(x) if eq_ci(x, &pn))) {
                        out.push(PropSpec { label: None, expr: Expr::Name(pn), ..s.clone() });
                    }
                }
            }
            Expr::Name(n) if s.label.is_none() => {
                // The property's own spelling when the object has it.
                let actual = crate::engine::format::all_properties(item).into_iter().find(|(pn, _)| eq_ci(pn, n)).map(|x| x.0).unwrap_or_else(|| n.clone());
                out.push(PropSpec { expr: Expr::Name(actual), ..s.clone() });
            }
            _ => out.push(s.clone()),
        }
    }
    out
}

/// Collect a cmdlet's `-InputObject`: pipeline items one by one, or a bound array unrolled.
pub fn collect_input(cx: &Cx, items: &mut Vec<Value>) {
    if let Some(v) = cx.get("InputObject") {
        if cx.has_input {
            items.push(v.clone());
        } else if !v.is_null() {
            match v {
                Value::Array(_) | Value::List(_) => items.extend(v.enumerate().unwrap_or_default()),
                _ => items.push(v.clone()),
            }
        }
    }
}
