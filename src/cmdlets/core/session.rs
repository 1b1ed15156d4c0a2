//! Session cmdlets: dates and the virtual clock, random numbers, GUIDs, variables, modules,
//! strict mode, Invoke-Expression / Invoke-Command, transcripts.

use std::rc::Rc;

use super::{input, reject};
use crate::engine::commands::{Cmdlet, Cx};
use crate::engine::convert::to_display_string;
use crate::engine::datetime::{DateKind, DateTime, TICKS_PER_DAY, TICKS_PER_MS, TICKS_PER_SECOND};
use crate::engine::error::{Flow, R, Termination};
use crate::engine::value::{PsObject, Value};
use crate::lang::sym::{eq_ci, intern, name_of};

// ───────────────────────────── dates and time ─────────────────────────────

fn cannot_convert_date(cx: &Cx, v: &Value) -> Flow {
    let msg = format!("Cannot bind parameter 'Date'. Cannot convert value \"{}\" to type \"System.DateTime\".", to_display_string(v));
    cx.terminate(cx.error("System.Management.Automation.ParameterBindingException", msg, "CannotConvertArgumentNoMessage", "InvalidArgument"))
}

pub fn get_date(cx: &mut Cx) -> R {
    use chrono::{Datelike, Timelike};
    if let Some(h) = cx.string("DisplayHint") {
        if !eq_ci(&h, "DateTime") {
            return Err(super::not_supported(cx, &format!("Get-Date -DisplayHint {h}")));
        }
    }
    let d = match cx.get("Date") {
        Some(Value::DateTime(d)) => *d,
        Some(other) => match crate::engine::convert::convert_to(other, &crate::engine::types::TypeRef::Known(crate::engine::types::Known::DateTime)) {
            Ok(Value::DateTime(d)) => d,
            _ => return Err(cannot_convert_date(cx, other)),
        },
        None => match cx.int("UnixTimeSeconds") {
            Some(s) => DateTime::from_unix_seconds(s, DateKind::Utc).with_kind(DateKind::Local),
            None => cx.it.clock_now().with_kind(DateKind::Local),
        },
    };
    let mut n = d.to_naive();
    let set = |n: chrono::NaiveDateTime, f: &dyn Fn(chrono::NaiveDateTime) -> Option<chrono::NaiveDateTime>| f(n).unwrap_or(n);
    if let Some(y) = cx.int("Year") {
        n = set(n, &|n| n.with_year(y as i32));
    }
    if let Some(v) = cx.int("Month") {
        n = set(n, &|n| n.with_month(v as u32));
    }
    if let Some(v) = cx.int("Day") {
        n = set(n, &|n| n.with_day(v as u32));
    }
    if let Some(v) = cx.int("Hour") {
        n = set(n, &|n| n.with_hour(v as u32));
    }
    if let Some(v) = cx.int("Minute") {
        n = set(n, &|n| n.with_minute(v as u32));
    }
    if let Some(v) = cx.int("Second") {
        n = set(n, &|n| n.with_second(v as u32));
    }
    let mut d = DateTime::from_naive(n, d.kind());
    if let Some(ms) = cx.int("Millisecond") {
        let base = d.ticks() - (d.ticks() % TICKS_PER_SECOND);
        d = DateTime::from_ticks(base + ms.clamp(0, 999) * TICKS_PER_MS, d.kind());
    }
    if cx.switch("AsUTC") {
        d = d.with_kind(DateKind::Utc);
    }
    if let Some(f) = cx.string("Format") {
        let s = match f.to_ascii_lowercase().as_str() {
            "filedate" => crate::engine::netfmt::format_datetime(d, "yyyyMMdd"),
            "filedateuniversal" => crate::engine::netfmt::format_datetime(d.with_kind(DateKind::Utc), "yyyyMMdd") + "Z",
            "filedatetime" => crate::engine::netfmt::format_datetime(d, "yyyyMMddTHHmmssffff"),
            "filedatetimeuniversal" => crate::engine::netfmt::format_datetime(d.with_kind(DateKind::Utc), "yyyyMMddTHHmmssffff") + "Z",
            _ => crate::engine::netfmt::format_datetime(d, &f),
        };
        return cx.emit(Value::string(s));
    }
    if let Some(u) = cx.string("UFormat") {
        return cx.emit(Value::string(uformat(d, &u)));
    }
    cx.emit(Value::DateTime(d))
}

/// `Get-Date -UFormat`: Unix strftime-like specifiers (PowerShell's UFormat table).
pub fn uformat(d: DateTime, f: &str) -> String {
    let n = d.to_naive();
    let mut out = String::new();
    let mut chars = f.chars();
    let fmt = |s: &str| n.format(s).to_string();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(
                s @ ('a' | 'A' | 'b' | 'B' | 'C' | 'd' | 'e' | 'F' | 'g' | 'G' | 'h' | 'H' | 'I' | 'j' | 'k' | 'l' | 'm' | 'M' | 'p' | 'R' | 'S' | 'T' | 'u'
                | 'U' | 'V' | 'w' | 'W' | 'y' | 'Y'),
            ) => out.push_str(&fmt(&format!("%{s}"))),
            Some('c') => out.push_str(&fmt("%a %b %d %H:%M:%S %Y")),
            Some('D') | Some('x') => out.push_str(&fmt("%m/%d/%y")),
            Some('X') => out.push_str(&fmt("%H:%M:%S")),
            Some('r') => out.push_str(&fmt("%I:%M:%S %p")),
            Some('s') => out.push_str(&d.unix_seconds().to_string()),
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('Z') => out.push_str("+00"),
            Some('z') => out.push_str("+00:00"),
            Some('%') => out.push('%'),
            Some(o) => out.push(o),
            None => out.push('%'),
        }
    }
    out
}

pub fn new_timespan(cx: &mut Cx) -> R {
    let ticks = if cx.set_name() == "Time" {
        let g = |n: &str| cx.int(n).unwrap_or(0);
        g("Days") * TICKS_PER_DAY
            + g("Hours") * 3600 * TICKS_PER_SECOND
            + g("Minutes") * 60 * TICKS_PER_SECOND
            + g("Seconds") * TICKS_PER_SECOND
            + g("Milliseconds") * TICKS_PER_MS
    } else {
        let now = cx.it.clock_now();
        let get = |cx: &Cx, n: &str| -> Option<DateTime> {
            match cx.get(n) {
                Some(Value::DateTime(d)) => Some(*d),
                _ => None,
            }
        };
        let start = get(cx, "Start").unwrap_or(now);
        let end = get(cx, "End").unwrap_or(now);
        end.ticks() - start.ticks()
    };
    cx.emit(Value::TimeSpan(ticks))
}

pub fn start_sleep(cx: &mut Cx) -> R {
    let ticks = match cx.set_name() {
        "Milliseconds" => cx.int("Milliseconds").unwrap_or(0) * TICKS_PER_MS,
        "FromTimeSpan" => match cx.get("Duration") {
            Some(Value::TimeSpan(t)) => *t,
            _ => 0,
        },
        _ => (cx.get("Seconds").and_then(crate::engine::convert::to_num).map(|n| n.to_f64()).unwrap_or(0.0) * TICKS_PER_SECOND as f64) as i64,
    };
    cx.it.world_mut().advance(ticks);
    Ok(())
}

// ───────────────────────────── Get-Random / New-Guid ─────────────────────────────

#[derive(Default)]
pub struct GetRandom {
    items: Vec<Value>,
}

fn unit(cx: &mut Cx) -> f64 {
    (cx.it.next_random() >> 11) as f64 / (1u64 << 53) as f64
}

impl Cmdlet for GetRandom {
    fn begin(&mut self, cx: &mut Cx) -> R {
        if let Some(seed) = cx.int("SetSeed") {
            cx.it.rng_state = (seed as u64) ^ 0x9E37_79B9_7F4A_7C15;
        }
        Ok(())
    }
    fn process(&mut self, cx: &mut Cx) -> R {
        if cx.set_name() != "RandomNumberParameterSet" {
            if let Some(v) = cx.get("InputObject").cloned() {
                match v {
                    Value::Array(_) | Value::List(_) if !cx.has_input => self.items.extend(v.enumerate().unwrap_or_default()),
                    other => self.items.push(other),
                }
            }
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        if cx.set_name() != "RandomNumberParameterSet" {
            let mut pool = std::mem::take(&mut self.items);
            let n = if cx.switch("Shuffle") { pool.len() } else { cx.int("Count").unwrap_or(1).max(0) as usize };
            for _ in 0..n.min(pool.len()) {
                let i = (unit(cx) * pool.len() as f64) as usize;
                let v = pool.remove(i.min(pool.len() - 1));
                cx.emit(v)?;
            }
            return Ok(());
        }
        let max = cx.get("Maximum").cloned().filter(|v| !v.is_null() && !matches!(v, Value::Str(s) if s.is_empty()));
        let min = cx.get("Minimum").cloned().filter(|v| !v.is_null());
        let is_double = |v: &Option<Value>| matches!(v, Some(Value::Double(_) | Value::Decimal(_))) || matches!(v, Some(Value::Str(s)) if s.contains('.'));
        let is_long = |v: &Option<Value>| matches!(v, Some(Value::Long(_)));
        let num = |v: &Option<Value>| v.as_ref().and_then(crate::engine::convert::to_num).map(|n| n.to_f64());
        let double = is_double(&max) || is_double(&min);
        let lo = num(&min).unwrap_or(0.0);
        let hi = num(&max).unwrap_or(if double {
            f64::MAX
        } else if is_long(&min) {
            i64::MAX as f64
        } else {
            i32::MAX as f64
        });
        if lo >= hi {
            let fmt = |v: f64| crate::engine::convert::format_double(v);
            let rec = cx
                .error(
                    "System.ArgumentException",
                    format!("The Minimum value ({}) cannot be greater than or equal to the Maximum value ({}).", fmt(lo), fmt(hi)),
                    "MinGreaterThanOrEqualMax",
                    "InvalidArgument",
                )
                .with_target(Value::Double(lo));
            return Err(cx.terminate(rec));
        }
        let count = cx.int("Count").unwrap_or(1).max(1);
        for _ in 0..count {
            let r = unit(cx);
            let v = if double {
                Value::Double(lo + r * (hi - lo))
            } else {
                let x = (lo + (r * (hi - lo)).floor()) as i64;
                if is_long(&max) || is_long(&min) || x > i32::MAX as i64 || x < i32::MIN as i64 { Value::Long(x) } else { Value::Int(x as i32) }
            };
            cx.emit(v)?;
        }
        Ok(())
    }
}

pub fn new_guid(cx: &mut Cx) -> R {
    let g = match cx.set_name() {
        "Empty" => [0u8; 16],
        "InputObject" => {
            let s = cx.string("InputObject").unwrap_or_default();
            match crate::engine::value::parse_guid(&s) {
                Some(g) => g,
                None => {
                    let rec = cx
                        .error(
                            "System.FormatException",
                            "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).",
                            "StringNotRecognizedAsGuid",
                            "InvalidArgument",
                        )
                        .with_target(Value::string(s));
                    return cx.write_error(rec);
                }
            }
        }
        _ => cx.it.new_guid(),
    };
    cx.emit(Value::Guid(Rc::new(g)))
}

// ───────────────────────────── variables ─────────────────────────────

/// The scope a `-Scope` argument names: Global, Script, Local, Private or a number.
fn scope_index(cx: &Cx, scope: Option<String>) -> R<usize> {
    let Some(s) = scope else { return Ok(cx.it.cur) };
    let idx = match s.to_ascii_lowercase().as_str() {
        "global" => Some(0),
        "script" => Some(cx.it.script_scope),
        "local" | "private" => Some(cx.it.cur),
        other => other.parse::<usize>().ok().and_then(|n| cx.it.scope_up(n)),
    };
    idx.ok_or_else(|| {
        cx.terminate(cx.error(
            "System.ArgumentOutOfRangeException",
            format!("The scope number '{s}' exceeds the number of active scopes. (Parameter 'Scope')\nActual value was {s}."),
            "ArgumentOutOfRange",
            "InvalidArgument",
        ))
    })
}

fn variable_object(name: &str, v: &crate::engine::interp::Variable) -> Value {
    let mut o = PsObject::typed("System.Management.Automation.PSVariable");
    o.set("Name", Value::str(name));
    o.set("Description", Value::str(""));
    o.set("Value", v.value.clone());
    o.set("Visibility", Value::str("Public"));
    o.set("Module", Value::Null);
    o.set("ModuleName", Value::str(""));
    o.set(
        "Options",
        Value::str(if v.constant {
            "Constant"
        } else if v.read_only {
            "ReadOnly"
        } else {
            "None"
        }),
    );
    o.set("Attributes", Value::array(vec![]));
    o.display = Some(Rc::from(vec![Rc::from("Name"), Rc::from("Value")]));
    o.into_value()
}

/// Variables visible from a scope (innermost definition wins), sorted by name.
fn visible_from(cx: &Cx, scope: usize, only_this: bool) -> Vec<(String, crate::engine::interp::Variable)> {
    let mut out: Vec<(String, crate::engine::interp::Variable)> = Vec::new();
    let mut s = Some(scope);
    while let Some(i) = s {
        for (k, v) in &cx.it.scope(i).vars {
            let name = name_of(*k).to_string();
            if !out.iter().any(|(n, _)| eq_ci(n, &name)) {
                out.push((name, v.clone()));
            }
        }
        if only_this {
            break;
        }
        s = cx.it.parent_of(i);
    }
    out.sort_by_key(|a| a.0.to_ascii_lowercase());
    out
}

pub fn get_variable(cx: &mut Cx) -> R {
    let scope = scope_index(cx, cx.string("Scope"))?;
    let vars = visible_from(cx, scope, cx.has("Scope"));
    let names = cx.strings("Name");
    let include = cx.strings("Include");
    let exclude = cx.strings("Exclude");
    let wm = |p: &str, n: &str| crate::engine::ops::wildcard_match(p, n, false);
    let filter = |n: &str| (include.is_empty() || include.iter().any(|p| wm(p, n))) && !exclude.iter().any(|p| wm(p, n));
    let patterns: Vec<String> = if names.is_empty() { vec!["*".into()] } else { names };
    for p in patterns {
        let matched: Vec<&(String, crate::engine::interp::Variable)> = vars.iter().filter(|(n, _)| wm(&p, n) && filter(n)).collect();
        if matched.is_empty() && !super::files::has_wildcard(&p) {
            let rec = cx
                .error(
                    "System.Management.Automation.ItemNotFoundException",
                    crate::engine::messages::render(crate::engine::messages::SS_VARIABLE_NOT_FOUND, &[&p]),
                    "VariableNotFound",
                    "ObjectNotFound",
                )
                .with_target(Value::string(p.clone()));
            cx.write_error(rec)?;
            continue;
        }
        let out: Vec<Value> = matched.iter().map(|(n, v)| if cx.switch("ValueOnly") { v.value.clone() } else { variable_object(n, v) }).collect();
        for v in out {
            cx.emit(v)?;
        }
    }
    Ok(())
}

#[derive(Default)]
pub struct SetVariable {
    values: Vec<Value>,
    piped: bool,
}

impl Cmdlet for SetVariable {
    fn process(&mut self, cx: &mut Cx) -> R {
        if cx.has_input {
            self.piped = true;
            if let Some(v) = cx.get("Value") {
                self.values.push(v.clone());
            }
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        reject(cx, &["Visibility", "Include", "Exclude"])?;
        let value = if self.piped {
            match self.values.len() {
                0 => Value::Null,
                1 => self.values[0].clone(),
                _ => Value::array(std::mem::take(&mut self.values)),
            }
        } else {
            cx.get("Value").cloned().unwrap_or(Value::Null)
        };
        let scope = scope_index(cx, cx.string("Scope"))?;
        let option = cx.string("Option").unwrap_or_default();
        let force = cx.switch("Force");
        for name in cx.strings("Name") {
            if !cx.should_process(&format!("Name: {name} Value: {}", to_display_string(&value)), "Set variable") {
                continue;
            }
            let sym = intern(&name);
            let existing = cx.it.scope(scope).vars.get(&sym).cloned();
            if let Some(v) = &existing {
                if v.constant || (v.read_only && !force) {
                    let rec = cx
                        .error(
                            "System.Management.Automation.SessionStateUnauthorizedAccessException",
                            format!("Cannot overwrite variable {name} because it is read-only or constant."),
                            "VariableNotWritable",
                            "WriteError",
                        )
                        .with_target(Value::string(name.clone()));
                    cx.write_error(rec)?;
                    continue;
                }
            }
            let mut var = existing.unwrap_or_else(|| crate::engine::interp::Variable::new(Value::Null));
            var.value = match &var.constraint {
                Some(t) => crate::engine::convert::convert_to(&value, t).unwrap_or_else(|_| value.clone()),
                None => value.clone(),
            };
            let opts = option.to_ascii_lowercase();
            if opts.contains("readonly") {
                var.read_only = true;
            }
            if opts.contains("constant") {
                var.constant = true;
            }
            cx.it.scope_mut(scope).vars.insert(sym, var.clone());
            if cx.switch("PassThru") {
                cx.emit(variable_object(&name, &var))?;
            }
        }
        Ok(())
    }
}

pub fn set_strict_mode(cx: &mut Cx) -> R {
    let level = if cx.switch("Off") {
        0
    } else {
        let v = cx.get("Version").map(to_display_string).unwrap_or_default();
        if v.eq_ignore_ascii_case("latest") {
            3
        } else {
            match v.split('.').next().and_then(|x| x.trim().parse::<u8>().ok()) {
                Some(n @ 1..=3) => n,
                _ => {
                    let rec = cx.error(
                        "System.Management.Automation.PSArgumentException",
                        format!("Cannot validate argument on parameter 'Version'. The {v} argument is invalid. Specify a valid version number, and then try the command again."),
                        "ArgumentOutOfRange",
                        "InvalidArgument",
                    );
                    return Err(cx.terminate(rec));
                }
            }
        }
    };
    let scope = cx.it.cur;
    cx.it.scope_mut(scope).strict = Some(level);
    Ok(())
}

// ───────────────────────────── modules ─────────────────────────────

/// Modules tenantsim emulates: (name, version, module type). Importing them succeeds (their
/// cmdlets are built in).
pub const KNOWN_MODULES: &[(&str, &str, &str)] = &[
    ("Microsoft.Online.SharePoint.PowerShell", "16.0.25000.12000", "Manifest"),
    ("ExchangeOnlineManagement", "3.6.0", "Script"),
    ("Microsoft.Graph", "2.25.0", "Manifest"),
    ("Microsoft.Graph.Authentication", "2.25.0", "Script"),
    ("Microsoft.Graph.Users", "2.25.0", "Script"),
    ("Microsoft.Graph.Groups", "2.25.0", "Script"),
    ("Microsoft.Graph.Applications", "2.25.0", "Script"),
    ("Microsoft.Graph.Identity.DirectoryManagement", "2.25.0", "Script"),
    ("Microsoft.Graph.Users.Actions", "2.25.0", "Script"),
    ("Microsoft.PowerShell.Core", "7.4.6", "Binary"),
    ("Microsoft.PowerShell.Host", "7.0.0.0", "Manifest"),
    ("Microsoft.PowerShell.Management", "7.0.0.0", "Manifest"),
    ("Microsoft.PowerShell.Security", "7.0.0.0", "Manifest"),
    ("Microsoft.PowerShell.Utility", "7.0.0.0", "Manifest"),
    ("Pester", "5.6.1", "Script"),
];

pub fn module_version(name: &str) -> Option<&'static str> {
    KNOWN_MODULES.iter().find(|(n, _, _)| eq_ci(n, name)).map(|x| x.1)
}

fn module_object(name: &str) -> Value {
    let (version, kind) = KNOWN_MODULES.iter().find(|(n, _, _)| eq_ci(n, name)).map(|x| (x.1, x.2)).unwrap_or(("0.0", "Script"));
    let mut commands: Vec<Value> = crate::cmdlets::all_declared_names()
        .into_iter()
        .filter(|c| {
            crate::cmdlets::declared(c).is_some_and(|d| eq_ci(&d.1.module, name) || (name.starts_with("Microsoft.Graph") && d.1.module == "Microsoft.Graph"))
        })
        .map(Value::string)
        .collect();
    commands.sort_by_key(|a| to_display_string(a).to_ascii_lowercase());
    let mut o = PsObject::typed("System.Management.Automation.PSModuleInfo");
    o.set("ModuleType", Value::str(kind));
    o.set("Version", Value::str(version));
    o.set("PreRelease", Value::Null);
    o.set("Name", Value::str(name));
    o.set("ExportedCommands", Value::array(commands));
    o.set("Path", Value::string(format!("/opt/microsoft/powershell/7/Modules/{name}/{name}.psd1")));
    o.set("Description", Value::str(""));
    o.to_string = Some(Rc::from(name));
    o.into_value()
}

fn module_not_found(cx: &Cx, name: &str) -> crate::engine::error::ErrorRecord {
    cx.error(
        "System.IO.FileNotFoundException",
        crate::engine::messages::render(crate::engine::messages::MOD_MODULE_NOT_FOUND, &[name]),
        "Modules_ModuleNotFound",
        "ResourceUnavailable",
    )
    .with_target(Value::str(name))
}

fn known_module(name: &str) -> Option<&'static str> {
    KNOWN_MODULES
        .iter()
        .find(|(n, _, _)| eq_ci(n, name))
        .or_else(|| (name.to_ascii_lowercase().starts_with("microsoft.graph.")).then_some(&KNOWN_MODULES[2]))
        .map(|x| x.0)
}

pub fn import_module(cx: &mut Cx) -> R {
    reject(cx, &["Function", "Cmdlet", "Variable", "Alias", "AsCustomObject", "ArgumentList", "Prefix", "FullyQualifiedName"])?;
    let names: Vec<String> = match cx.get("ModuleInfo") {
        Some(v) => v.enumerate().unwrap_or_else(|| vec![v.clone()]).iter().map(|m| to_display_string(&crate::engine::format::property_of(m, "Name"))).collect(),
        None => cx.strings("Name"),
    };
    for name in names {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".psm1") || lower.ends_with(".ps1") {
            import_script_module(cx, &name)?;
            continue;
        }
        match known_module(&name) {
            Some(n) => {
                if !cx.it.session_modules().iter().any(|m| eq_ci(m, n)) {
                    cx.it.session_modules_mut().push(n.to_string());
                }
                if cx.switch("PassThru") {
                    cx.emit(module_object(n))?;
                }
            }
            None => {
                let rec = module_not_found(cx, &name);
                cx.write_error(rec)?;
            }
        }
    }
    Ok(())
}

/// `Import-Module ./Helpers.psm1`: the module's functions become available to the session.
fn import_script_module(cx: &mut Cx, name: &str) -> R {
    let path = super::files::absolute(name);
    let Ok(text) = std::fs::read_to_string(&path) else {
        let rec = module_not_found(cx, name);
        return cx.write_error(rec);
    };
    let sb = match crate::lang::parse_script(text, Some(path.clone())) {
        Ok(sb) => sb,
        Err(pe) => return Err(Flow::Error(Rc::new(crate::engine::display::parse_error_record(&pe)), Termination::Statement)),
    };
    let saved = cx.it.cur;
    cx.it.cur = 0;
    let mut sink = crate::engine::eval::NullSink;
    let r = cx.it.run_interactive(&sb, &mut sink);
    cx.it.cur = saved;
    r?;
    let module = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if !cx.it.session_modules().iter().any(|m| eq_ci(m, &module)) {
        cx.it.session_modules_mut().push(module);
    }
    Ok(())
}

pub fn get_module(cx: &mut Cx) -> R {
    reject(cx, &["FullyQualifiedName", "PSEdition"])?;
    let names = cx.strings("Name");
    let list: Vec<String> =
        if cx.switch("ListAvailable") { KNOWN_MODULES.iter().map(|(n, _, _)| n.to_string()).collect() } else { cx.it.session_modules().clone() };
    let mut list = list;
    list.sort_by_key(|a| a.to_ascii_lowercase());
    for n in list {
        if names.is_empty() || names.iter().any(|p| crate::engine::ops::wildcard_match(p, &n, false)) {
            cx.emit(module_object(&n))?;
        }
    }
    Ok(())
}

// ───────────────────────────── Invoke-Expression / Invoke-Command ─────────────────────────────

pub fn invoke_expression(cx: &mut Cx) -> R {
    let cmd = cx.string("Command").unwrap_or_default();
    let sb = match crate::lang::parse_script(cmd, None) {
        Ok(sb) => sb,
        Err(pe) => {
            let rec = crate::engine::display::parse_error_record(&pe);
            return Err(Flow::Error(Rc::new(rec), Termination::Statement));
        }
    };
    let mut out = Vec::new();
    let r = cx.it.run_interactive(&sb, &mut out);
    for v in out {
        cx.emit(v)?;
    }
    r
}

#[derive(Default)]
pub struct InvokeCommand {
    input: Vec<Value>,
}

impl Cmdlet for InvokeCommand {
    fn begin(&mut self, cx: &mut Cx) -> R {
        if cx.set_name() != "InProcess" {
            let what = match cx.set_name() {
                "Session" | "FilePathRunspace" => "Invoke-Command -Session (remote sessions)",
                "Uri" => "Invoke-Command -ConnectionUri (remote sessions)",
                _ => "Invoke-Command -ComputerName (remote computers)",
            };
            return Err(super::not_supported(cx, what));
        }
        Ok(())
    }
    fn process(&mut self, cx: &mut Cx) -> R {
        if cx.has_input {
            if let Some(v) = input(cx) {
                self.input.push(v);
            }
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let Some(Value::ScriptBlock(sb)) = cx.get("ScriptBlock").cloned() else { return Ok(()) };
        let args = cx.list("ArgumentList");
        let new_scope = !cx.switch("NoNewScope");
        let scope = if new_scope { cx.it.new_scope(cx.it.cur) } else { cx.it.cur };
        let saved = cx.it.cur;
        cx.it.cur = scope;
        cx.it.define_var(scope, crate::lang::sym::well_known::INPUT, Value::array(std::mem::take(&mut self.input)), None);
        let mut out = Vec::new();
        let r = cx.it.invoke_script_block(&sb, args, None, false, &mut out);
        cx.it.cur = saved;
        if new_scope {
            cx.it.free_scope(scope);
        }
        for v in out {
            cx.emit(v)?;
        }
        r
    }
}

// ───────────────────────────── transcripts ─────────────────────────────

fn timestamp(d: DateTime) -> String {
    d.to_naive().format("%Y%m%d%H%M%S").to_string()
}

fn transcript_header(cx: &Cx, start: DateTime, minimal: bool) -> String {
    let user = std::env::var("USER").unwrap_or_else(|_| "user".into());
    let host = std::fs::read_to_string("/etc/hostname").map(|s| s.trim().to_string()).unwrap_or_else(|_| "localhost".into());
    let mut s = String::from("**********************\n");
    if minimal {
        s.push_str(&format!("PowerShell transcript start\nStart time: {}\n", timestamp(start)));
    } else {
        s.push_str(&format!(
            "PowerShell transcript start\nStart time: {}\nUsername: {user}\nRunAs User: {user}\nConfiguration Name: \nMachine: {host} (Unix 6.0.0.0)\nHost Application: /opt/microsoft/powershell/7/pwsh.dll\nProcess ID: {}\nPSVersion: 7.4.6\nPSEdition: Core\nGitCommitId: 7.4.6\nOS: Linux\nPlatform: Unix\nPSCompatibleVersions: 1.0, 2.0, 3.0, 4.0, 5.0, 5.1, 6.0, 7.0\nPSRemotingProtocolVersion: 2.3\nSerializationVersion: 1.1.0.1\nWSManStackVersion: 3.0\n",
            timestamp(start),
            std::process::id()
        ));
    }
    s.push_str("**********************\n");
    let _ = cx;
    s
}

pub fn start_transcript(cx: &mut Cx) -> R {
    let now = cx.it.clock_now();
    let path = match cx.string("Path").or_else(|| cx.string("LiteralPath")) {
        Some(p) => super::files::absolute(&p),
        None => {
            let dir = match cx.string("OutputDirectory") {
                Some(d) => super::files::absolute(&d),
                None => super::files::absolute("~"),
            };
            let host = std::fs::read_to_string("/etc/hostname").map(|s| s.trim().to_string()).unwrap_or_else(|_| "localhost".into());
            let rand: String = (0..8).map(|_| (b'a' + (cx.it.next_random() % 26) as u8) as char).collect();
            dir.join(format!("PowerShell_transcript.{host}.{rand}.{}.txt", timestamp(now)))
        }
    };
    let shown = super::files::display(&path);
    if !cx.should_process(&shown, "Start-Transcript") {
        return Ok(());
    }
    if cx.switch("NoClobber") && path.exists() {
        let rec = cx
            .error("System.IO.IOException", format!("The file '{shown}' already exists."), "NoClobber", "ResourceExists")
            .with_target(Value::string(shown.clone()));
        return Err(cx.terminate(rec));
    }
    if path.parent().is_some_and(|d| !d.exists()) {
        let rec = cx
            .error(
                "System.IO.DirectoryNotFoundException",
                format!("Could not find a part of the path '{shown}'."),
                "CannotStartTranscription",
                "InvalidOperation",
            )
            .with_target(Value::string(shown.clone()));
        return Err(cx.terminate(rec));
    }
    let mut text = if cx.switch("Append") { std::fs::read_to_string(&path).unwrap_or_default() } else { String::new() };
    text.push_str(&transcript_header(cx, now, cx.switch("UseMinimalHeader")));
    let _ = std::fs::write(&path, &text);
    let msg = format!("Transcript started, output file is {shown}");
    cx.it.host.transcript = Some((path, text));
    cx.emit(Value::string(msg))
}

pub fn stop_transcript(cx: &mut Cx) -> R {
    let Some((path, mut text)) = cx.it.host.transcript.take() else {
        let rec = cx.error(
            "System.Management.Automation.PSInvalidOperationException",
            "An error occurred stopping transcription: The host is not currently transcribing.",
            "InvalidOperation",
            "InvalidOperation",
        );
        return Err(cx.terminate(rec));
    };
    let now = cx.it.clock_now();
    text.push_str(&format!("**********************\nPowerShell transcript end\nEnd time: {}\n**********************\n", timestamp(now)));
    let _ = std::fs::write(&path, &text);
    cx.emit(Value::string(format!("Transcript stopped, output file is {}", super::files::display(&path))))
}
