//! Microsoft.PowerShell.* cmdlets: pipeline filters, output, formatting, dates, modules.

use std::rc::Rc;

use crate::cmdlets::Make;
use crate::engine::commands::{Cmdlet, Cx, FnCmdlet};
use crate::engine::convert::{to_bool, to_display_string};
use crate::engine::error::{ErrorRecord, R};
use crate::engine::value::{PsObject, Value};
use crate::lang::sym::{eq_ci, well_known as wk};

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

pub const CMDLETS: &[(&str, Make)] = &[
    ("Write-Output", simple!(write_output)),
    ("Write-Host", simple!(write_host)),
    ("Write-Warning", simple!(write_warning)),
    ("Write-Verbose", simple!(write_verbose)),
    ("Write-Debug", simple!(write_debug)),
    ("Write-Information", simple!(write_information)),
    ("Write-Progress", simple!(write_progress)),
    ("Write-Error", simple!(write_error)),
    ("Out-Null", simple!(out_null)),
    ("Out-Default", simple!(out_default)),
    ("Out-Host", simple!(out_default)),
    ("Out-String", stateful!(OutString)),
    ("Where-Object", simple!(where_object)),
    ("ForEach-Object", stateful!(ForEachObject)),
    ("Select-Object", stateful!(SelectObject)),
    ("Sort-Object", stateful!(SortObject)),
    ("Measure-Object", stateful!(MeasureObject)),
    ("Get-Date", simple!(get_date)),
    ("Start-Sleep", simple!(start_sleep)),
    ("Set-StrictMode", simple!(set_strict_mode)),
    ("Import-Module", simple!(import_module)),
    ("Get-Module", simple!(get_module)),
    ("New-Object", simple!(new_object)),
    ("ConvertTo-SecureString", simple!(convert_to_secure_string)),
    ("Invoke-Expression", simple!(invoke_expression)),
    ("Format-Table", stateful!(FormatTable)),
    ("Format-List", stateful!(FormatList)),
];

// ───────────────────────────── output streams ─────────────────────────────

fn write_output(cx: &mut Cx) -> R {
    let Some(v) = cx.get("InputObject").cloned() else { return Ok(()) };
    if cx.switch("NoEnumerate") {
        return cx.emit(v);
    }
    cx.emit_all(v)
}

fn host_string(v: &Value, sep: &str) -> String {
    match v {
        Value::Array(_) | Value::List(_) => {
            v.enumerate().unwrap_or_default().iter().map(|x| host_string(x, sep)).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(sep)
        }
        Value::Hashtable(h) => h.borrow().iter().map(|_| "System.Collections.DictionaryEntry".to_string()).collect::<Vec<_>>().join(sep),
        other => to_display_string(other),
    }
}

fn console_color_code(name: &str) -> Option<&'static str> {
    Some(match name.to_ascii_lowercase().as_str() {
        "black" => "30",
        "darkblue" => "34",
        "darkgreen" => "32",
        "darkcyan" => "36",
        "darkred" => "31",
        "darkmagenta" => "35",
        "darkyellow" => "33",
        "gray" => "37",
        "darkgray" => "90",
        "blue" => "94",
        "green" => "92",
        "cyan" => "96",
        "red" => "91",
        "magenta" => "95",
        "yellow" => "93",
        "white" => "97",
        _ => return None,
    })
}

fn write_host(cx: &mut Cx) -> R {
    let sep = cx.get("Separator").map(to_display_string).unwrap_or_else(|| " ".into());
    let text = match cx.get("Object") {
        Some(v) => host_string(v, &sep),
        None => String::new(),
    };
    let color = cx.string("ForegroundColor").and_then(|c| console_color_code(&c));
    let newline = !cx.switch("NoNewline");
    match cx.it.redirects.streams[6].clone() {
        Some(crate::engine::interp::StreamTarget::Discard) => Ok(()),
        Some(crate::engine::interp::StreamTarget::Merge(buf)) => {
            buf.borrow_mut().push(Value::string(text));
            Ok(())
        }
        Some(crate::engine::interp::StreamTarget::File(p, _)) => {
            let _ = crate::engine::pipeline::append_file(&p, &format!("{text}\n"));
            Ok(())
        }
        None => {
            cx.it.host.write_host(&text, color, newline);
            Ok(())
        }
    }
}

fn write_warning(cx: &mut Cx) -> R {
    let msg = cx.string("Message").unwrap_or_default();
    cx.warning(&msg)
}

fn write_verbose(cx: &mut Cx) -> R {
    let msg = cx.string("Message").unwrap_or_default();
    if cx.verbose {
        match cx.it.redirects.streams[4].clone() {
            Some(crate::engine::interp::StreamTarget::Discard) => {}
            Some(crate::engine::interp::StreamTarget::Merge(buf)) => buf.borrow_mut().push(Value::string(msg)),
            _ => cx.it.host.write_verbose(&msg),
        }
    }
    Ok(())
}

fn write_debug(cx: &mut Cx) -> R {
    let msg = cx.string("Message").unwrap_or_default();
    let on = cx.bound.common.debug.unwrap_or_else(|| {
        cx.it.pref(wk::DEBUG_PREFERENCE, crate::engine::interp::ActionPref::SilentlyContinue) != crate::engine::interp::ActionPref::SilentlyContinue
    });
    if on {
        cx.it.host.write_debug(&msg);
    }
    Ok(())
}

fn write_information(cx: &mut Cx) -> R {
    let msg = cx.get("MessageData").map(to_display_string).unwrap_or_default();
    let action =
        cx.bound.common.information_action.unwrap_or_else(|| cx.it.pref(wk::INFORMATION_PREFERENCE, crate::engine::interp::ActionPref::SilentlyContinue));
    if action == crate::engine::interp::ActionPref::Continue {
        cx.it.host.write_line(&msg);
    }
    Ok(())
}

fn write_progress(_cx: &mut Cx) -> R {
    // pwsh writes nothing for progress when output is redirected; tenantsim never renders it.
    Ok(())
}

fn write_error(cx: &mut Cx) -> R {
    let rec = match cx.set_name() {
        "ErrorRecord" => match cx.get("ErrorRecord") {
            Some(Value::Net(n)) => match n.as_any().downcast_ref::<crate::engine::error::ErrorRecordObject>() {
                Some(r) => (*r.0).clone(),
                None => ErrorRecord::new(
                    "Microsoft.PowerShell.Commands.WriteErrorException",
                    to_display_string(&Value::Net(n.clone())),
                    "Microsoft.PowerShell.Commands.WriteErrorException",
                    "NotSpecified",
                ),
            },
            other => ErrorRecord::new(
                "Microsoft.PowerShell.Commands.WriteErrorException",
                other.map(to_display_string).unwrap_or_default(),
                "Microsoft.PowerShell.Commands.WriteErrorException",
                "NotSpecified",
            ),
        },
        _ => {
            let (ex_type, msg) = match cx.get("Exception") {
                Some(Value::Net(n)) => match n.as_any().downcast_ref::<crate::engine::error::ExceptionObject>() {
                    Some(e) => (e.0.type_name.to_string(), cx.string("Message").unwrap_or_else(|| e.0.message.to_string())),
                    None => ("System.Exception".to_string(), to_display_string(&Value::Net(n.clone()))),
                },
                Some(other) => ("System.Exception".to_string(), to_display_string(other)),
                None => ("Microsoft.PowerShell.Commands.WriteErrorException".to_string(), cx.string("Message").unwrap_or_default()),
            };
            let category: &'static str = match cx.string("Category") {
                Some(c) => crate::engine::enums::enum_names("System.Management.Automation.ErrorCategory")
                    .and_then(|names| names.iter().find(|n| eq_ci(n, &c)).copied())
                    .unwrap_or("NotSpecified"),
                None => "NotSpecified",
            };
            let id = cx.string("ErrorId").unwrap_or_else(|| "Microsoft.PowerShell.Commands.WriteErrorException".into());
            let mut rec = ErrorRecord::new(&ex_type, msg, &id, category);
            if let Some(t) = cx.get("TargetObject") {
                rec.target = t.clone();
            }
            rec
        }
    };
    let mut rec = rec;
    // Write-Error reports the caller's position and its CategoryInfo.Activity is Write-Error.
    rec.activity = Some(Rc::from(cx.string("CategoryActivity").unwrap_or_else(|| "Write-Error".into()).as_str()));
    if rec.invocation.position.is_none() {
        let caller = cx.it.frames.last().cloned();
        match caller {
            Some(f) => {
                rec.invocation.command = Some(f.command.clone());
                if let Some(file) = &f.file {
                    rec.invocation.position = Some(crate::engine::error::Position { file: file.clone(), span: f.span });
                }
            }
            None => {
                if cx.file.path.is_none() && cx.file.line_col(cx.span.start).0 > 1 {
                    rec = rec.at(cx.file, cx.span);
                }
            }
        }
    }
    cx.write_error(rec)
}

fn out_null(_cx: &mut Cx) -> R {
    Ok(())
}

fn out_default(cx: &mut Cx) -> R {
    if let Some(v) = cx.get("InputObject").cloned() {
        cx.it.out_default(&v);
    }
    Ok(())
}

#[derive(Default)]
struct OutString {
    items: Vec<Value>,
}

impl Cmdlet for OutString {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = cx.get("InputObject") {
            self.items.push(v.clone());
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let width = cx.int("Width").map(|w| w.max(2) as usize - 1).unwrap_or(119);
        let text = crate::engine::format::format_values(&self.items, width);
        if cx.switch("Stream") {
            for l in text.lines() {
                cx.emit(Value::str(l))?;
            }
            return Ok(());
        }
        if cx.switch("NoNewline") {
            return cx.emit(Value::string(text.lines().collect::<String>()));
        }
        cx.emit(Value::string(text))
    }
}

// ───────────────────────────── filtering ─────────────────────────────

fn property_value(cx: &mut Cx, obj: &Value, name: &str) -> R<Value> {
    let span = cx.span;
    cx.it.get_member(obj, name, span)
}

fn where_object(cx: &mut Cx) -> R {
    let Some(input) = cx.get("InputObject").cloned() else { return Ok(()) };
    if input.is_null() && !cx.has_input {
        return Ok(());
    }
    let keep = if let Some(Value::ScriptBlock(sb)) = cx.get("FilterScript").cloned() {
        let v = cx.it.invoke_script_block_value(&sb, vec![], Some(input.clone()), false)?;
        to_bool(&v)
    } else {
        let prop = cx.string("Property").unwrap_or_default();
        let value = property_value(cx, &input, &prop)?;
        let set = cx.set_name().to_string();
        let rhs = cx.get("Value").cloned();
        simplified_where(cx, &set, &value, rhs)?
    };
    if keep { cx.emit(input) } else { Ok(()) }
}

/// Where-Object's simplified syntax: the parameter set names the operator.
fn simplified_where(cx: &mut Cx, set: &str, lhs: &Value, rhs: Option<Value>) -> R<bool> {
    use crate::lang::ast::{BinOp, CmpOp};
    let s = set.trim_end_matches("Set");
    let (cs, base) = match s.strip_prefix("CaseSensitive") {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let Some(rhs) = rhs else {
        // `Where-Object Name` (no operator, no value): truthiness of the property.
        return Ok(to_bool(lhs));
    };
    let op = match base {
        "Equal" => BinOp::Cmp(CmpOp::Eq, cs),
        "NotEqual" => BinOp::Cmp(CmpOp::Ne, cs),
        "GreaterThan" => BinOp::Cmp(CmpOp::Gt, cs),
        "GreaterOrEqual" => BinOp::Cmp(CmpOp::Ge, cs),
        "LessThan" => BinOp::Cmp(CmpOp::Lt, cs),
        "LessOrEqual" => BinOp::Cmp(CmpOp::Le, cs),
        "Like" => BinOp::Cmp(CmpOp::Like, cs),
        "NotLike" => BinOp::Cmp(CmpOp::NotLike, cs),
        "Match" => BinOp::Cmp(CmpOp::Match, cs),
        "NotMatch" => BinOp::Cmp(CmpOp::NotMatch, cs),
        "Contains" => BinOp::Cmp(CmpOp::Contains, cs),
        "NotContains" => BinOp::Cmp(CmpOp::NotContains, cs),
        "In" => BinOp::Cmp(CmpOp::In, cs),
        "NotIn" => BinOp::Cmp(CmpOp::NotIn, cs),
        "Is" => BinOp::Is,
        "IsNot" => BinOp::IsNot,
        "Not" => return Ok(!to_bool(lhs)),
        _ => BinOp::Cmp(CmpOp::Eq, cs),
    };
    let r = crate::engine::ops::binary(cx.it, op, lhs, &rhs)
        .map_err(|m| cx.terminate(cx.error("System.Management.Automation.PSInvalidOperationException", m, "OperationFailed", "InvalidOperation")))?;
    Ok(to_bool(&r))
}

#[derive(Default)]
struct ForEachObject {
    started: bool,
}

type Block = Rc<crate::lang::ast::ScriptBlock>;

/// Begin, process and end script blocks of a ForEach-Object call.
type Scripts = (Option<Block>, Vec<Block>, Option<Block>);

impl ForEachObject {
    fn scripts(cx: &Cx) -> Scripts {
        let sb = |v: &Value| if let Value::ScriptBlock(s) = v { Some(s.clone()) } else { None };
        let mut process: Vec<Rc<crate::lang::ast::ScriptBlock>> = cx.list("Process").iter().filter_map(sb).collect();
        let mut begin = cx.get("Begin").and_then(sb);
        let mut end = cx.get("End").and_then(sb);
        let remaining: Vec<Rc<crate::lang::ast::ScriptBlock>> = cx.list("RemainingScripts").iter().filter_map(sb).collect();
        if !remaining.is_empty() {
            // `% {begin} {process} {end}`: positional scripts map to begin/process/end.
            let mut all = process.clone();
            all.extend(remaining);
            if begin.is_none() && all.len() >= 2 {
                begin = Some(all.remove(0));
            }
            if end.is_none() && all.len() >= 2 {
                end = all.pop();
            }
            process = all;
        }
        (begin, process, end)
    }
}

impl Cmdlet for ForEachObject {
    fn begin(&mut self, cx: &mut Cx) -> R {
        if cx.set_name() == "ScriptBlockSet" {
            let (begin, _, _) = ForEachObject::scripts(cx);
            if let Some(b) = begin {
                let mut out = Vec::new();
                cx.it.invoke_script_block(&b, vec![], None, false, &mut out)?;
                for v in out {
                    cx.emit(v)?;
                }
            }
        }
        self.started = true;
        Ok(())
    }
    fn process(&mut self, cx: &mut Cx) -> R {
        let input = cx.get("InputObject").cloned().unwrap_or(Value::Null);
        if !cx.has_input && input.is_null() && cx.set_name() == "ScriptBlockSet" {
            // `ForEach-Object { … }` with no input still runs the process block once, with $_ = $null.
        }
        match cx.set_name() {
            "PropertyAndMethodSet" => {
                let name = cx.string("MemberName").unwrap_or_default();
                let args = cx.list("ArgumentList");
                let span = cx.span;
                let has_method = !args.is_empty() || matches!(&input, Value::Str(_)) && !matches!(name.to_ascii_lowercase().as_str(), "length");
                let v = if !args.is_empty() || (has_method && cx.it.get_member(&input, &name, span)?.is_null()) {
                    cx.it.call_method(&input, &name, args, span)?
                } else {
                    cx.it.get_member(&input, &name, span)?
                };
                cx.emit_all(v)
            }
            "ParallelParameterSet" => Err(cx.terminate(cx.error(
                "System.Management.Automation.PSNotSupportedException",
                "ForEach-Object -Parallel is not supported by tenantsim.",
                "ParallelNotSupported",
                "NotImplemented",
            ))),
            _ => {
                let (_, process, _) = ForEachObject::scripts(cx);
                for p in process {
                    let mut out = Vec::new();
                    let r = cx.it.invoke_script_block(&p, vec![], Some(input.clone()), false, &mut out);
                    for v in out {
                        cx.emit(v)?;
                    }
                    r?;
                }
                Ok(())
            }
        }
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        if cx.set_name() == "ScriptBlockSet" {
            let (_, _, end) = ForEachObject::scripts(cx);
            if let Some(e) = end {
                let mut out = Vec::new();
                cx.it.invoke_script_block(&e, vec![], None, false, &mut out)?;
                for v in out {
                    cx.emit(v)?;
                }
            }
        }
        Ok(())
    }
}

// ───────────────────────────── Select-Object ─────────────────────────────

enum SelProp {
    Name(String),
    Wildcard(String),
    Calculated { name: String, expr: Value },
}

#[derive(Default)]
struct SelectObject {
    seen: usize,
    emitted: usize,
    last: Vec<Value>,
    unique: Vec<Value>,
    props: Option<Vec<SelProp>>,
}

fn parse_sel_props(cx: &mut Cx) -> R<Vec<SelProp>> {
    let mut out = Vec::new();
    for p in cx.list("Property") {
        match &p {
            Value::Hashtable(h) => {
                let h = h.borrow();
                let name = h.map.values().find(|(k, _)| {
                    let k = to_display_string(k).to_ascii_lowercase();
                    "name".starts_with(&k) || "label".starts_with(&k) && !k.is_empty()
                });
                let expr = h.map.values().find(|(k, _)| "expression".starts_with(&to_display_string(k).to_ascii_lowercase()));
                let Some((_, e)) = expr else {
                    return Err(cx.terminate(cx.error(
                        "System.Management.Automation.PSArgumentException",
                        "The \"expression\" key is missing.",
                        "DictionaryKeyMissingKey",
                        "InvalidArgument",
                    )));
                };
                let name = match name {
                    Some((_, n)) => to_display_string(n),
                    None => match e {
                        Value::ScriptBlock(sb) => sb.body_text().trim().to_string(),
                        other => to_display_string(other),
                    },
                };
                out.push(SelProp::Calculated { name, expr: e.clone() });
            }
            other => {
                let s = to_display_string(other);
                if s.contains('*') || s.contains('?') {
                    out.push(SelProp::Wildcard(s));
                } else {
                    out.push(SelProp::Name(s));
                }
            }
        }
    }
    Ok(out)
}

impl SelectObject {
    fn project(&mut self, cx: &mut Cx, input: &Value) -> R<Value> {
        let Some(props) = &self.props else { return Ok(input.clone()) };
        if props.is_empty() {
            return Ok(input.clone());
        }
        let mut o = PsObject::new();
        o.type_names = Rc::from(vec![
            Rc::from("Selected.System.Management.Automation.PSCustomObject"),
            Rc::from(crate::engine::value::PSCUSTOMOBJECT),
            Rc::from("System.Object"),
        ]);
        let span = cx.span;
        let exclude = cx.strings("ExcludeProperty");
        for p in props {
            match p {
                SelProp::Name(n) => {
                    let v = cx.it.get_member(input, n, span)?;
                    let display = match input {
                        Value::Object(obj) => obj.borrow().get(n).map(|pp| pp.name.to_string()).unwrap_or_else(|| n.clone()),
                        _ => n.clone(),
                    };
                    o.set(&display, v);
                }
                SelProp::Wildcard(w) => {
                    for (name, v) in crate::engine::format::display_properties(input).into_iter().chain(all_props(input)) {
                        if crate::engine::ops::wildcard_match(w, &name, false)
                            && o.get(&name).is_none()
                            && !exclude.iter().any(|e| crate::engine::ops::wildcard_match(e, &name, false))
                        {
                            o.set(&name, v);
                        }
                    }
                }
                SelProp::Calculated { name, expr } => {
                    let v = match expr {
                        Value::ScriptBlock(sb) => cx.it.invoke_script_block_value(sb, vec![], Some(input.clone()), false)?,
                        other => cx.it.get_member(input, &to_display_string(other), span)?,
                    };
                    o.set(name, v);
                }
            }
        }
        Ok(o.into_value())
    }
}

fn all_props(v: &Value) -> Vec<(Rc<str>, Value)> {
    match v {
        Value::Object(o) => o.borrow().props.values().map(|p| (p.name.clone(), p.value.clone())).collect(),
        Value::Hashtable(h) => h.borrow().iter().map(|(k, v)| (Rc::from(to_display_string(k).as_str()), v.clone())).collect(),
        _ => Vec::new(),
    }
}

impl Cmdlet for SelectObject {
    fn begin(&mut self, cx: &mut Cx) -> R {
        if cx.has("Property") {
            self.props = Some(parse_sel_props(cx)?);
        }
        Ok(())
    }
    fn process(&mut self, cx: &mut Cx) -> R {
        let Some(input) = cx.get("InputObject").cloned() else { return Ok(()) };
        if !cx.has_input && input.is_null() {
            return Ok(());
        }
        self.seen += 1;
        let index = self.seen - 1;
        if cx.has("Index") {
            let idx: Vec<i64> = cx.list("Index").iter().filter_map(crate::engine::convert::to_num).map(|n| n.to_f64() as i64).collect();
            if idx.contains(&(index as i64)) {
                let v = self.project(cx, &input)?;
                return self.output(cx, v);
            }
            return Ok(());
        }
        if let Some(skip) = cx.int("Skip") {
            if (index as i64) < skip {
                return Ok(());
            }
        }
        let v = self.project(cx, &input)?;
        let v = match cx.string("ExpandProperty") {
            Some(name) => {
                let span = cx.span;
                let x = cx.it.get_member(&input, &name, span)?;
                if x.is_null() && !has_property(&input, &name) {
                    let rec = cx
                        .error(
                            "System.Management.Automation.PSArgumentException",
                            format!("Property \"{name}\" cannot be found."),
                            "ExpandPropertyNotFound",
                            "InvalidArgument",
                        )
                        .with_target(input.clone());
                    return cx.write_error(rec);
                }
                x
            }
            None => v,
        };
        if cx.has("Last") || cx.has("SkipLast") {
            self.last.push(v);
            return Ok(());
        }
        if let Some(first) = cx.int("First") {
            if self.emitted as i64 >= first {
                return Ok(());
            }
        }
        self.output(cx, v)
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        if let Some(n) = cx.int("Last") {
            let start = self.last.len().saturating_sub(n.max(0) as usize);
            let items: Vec<Value> = self.last.drain(start..).collect();
            for v in items {
                self.output(cx, v)?;
            }
        } else if let Some(n) = cx.int("SkipLast") {
            let keep = self.last.len().saturating_sub(n.max(0) as usize);
            let items: Vec<Value> = self.last.drain(..keep).collect();
            for v in items {
                self.output(cx, v)?;
            }
        }
        Ok(())
    }
}

fn has_property(v: &Value, name: &str) -> bool {
    match v {
        Value::Object(o) => o.borrow().get(name).is_some(),
        Value::Hashtable(h) => h.borrow().get_str(name).is_some(),
        Value::Net(n) => n.get_property(name).is_some(),
        other => crate::engine::dotnet::intrinsic_property(other, name).is_some(),
    }
}

impl SelectObject {
    fn output(&mut self, cx: &mut Cx, v: Value) -> R {
        if cx.switch("Unique") {
            if self.unique.iter().any(|u| objects_equal(u, &v, cx.switch("CaseInsensitive"))) {
                return Ok(());
            }
            self.unique.push(v.clone());
        }
        self.emitted += 1;
        match &v {
            Value::Array(_) | Value::List(_) if cx.has("ExpandProperty") => cx.emit_all(v),
            _ => cx.emit(v),
        }
    }
}

fn objects_equal(a: &Value, b: &Value, case_insensitive: bool) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.props.len() == y.props.len()
                && x.props.values().all(|p| y.get(&p.name).is_some_and(|q| crate::engine::convert::values_equal(&p.value, &q.value, !case_insensitive)))
        }
        _ => crate::engine::convert::values_equal(a, b, !case_insensitive),
    }
}

// ───────────────────────────── Sort-Object / Measure-Object ─────────────────────────────

#[derive(Default)]
struct SortObject {
    items: Vec<Value>,
}

impl Cmdlet for SortObject {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = cx.get("InputObject") {
            if cx.has_input || !v.is_null() {
                self.items.push(v.clone());
            }
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let descending = cx.switch("Descending");
        let cs = cx.switch("CaseSensitive");
        let props = cx.list("Property");
        let span = cx.span;
        // Sort keys: (value per property, per-key descending flag).
        let mut keyed: Vec<(Vec<(Value, bool)>, Value)> = Vec::with_capacity(self.items.len());
        for item in std::mem::take(&mut self.items) {
            let mut keys = Vec::new();
            if props.is_empty() {
                keys.push((item.clone(), descending));
            }
            for p in &props {
                match p {
                    Value::ScriptBlock(sb) => keys.push((cx.it.invoke_script_block_value(sb, vec![], Some(item.clone()), false)?, descending)),
                    Value::Hashtable(h) => {
                        let h = h.borrow();
                        let expr = h.map.values().find(|(k, _)| "expression".starts_with(&to_display_string(k).to_ascii_lowercase())).map(|x| x.1.clone());
                        let desc = h.map.values().find(|(k, _)| eq_ci(&to_display_string(k), "Descending")).map(|x| to_bool(&x.1));
                        let asc = h.map.values().find(|(k, _)| eq_ci(&to_display_string(k), "Ascending")).map(|x| !to_bool(&x.1));
                        let d = desc.or(asc).unwrap_or(descending);
                        let v = match expr {
                            Some(Value::ScriptBlock(sb)) => cx.it.invoke_script_block_value(&sb, vec![], Some(item.clone()), false)?,
                            Some(other) => cx.it.get_member(&item, &to_display_string(&other), span)?,
                            None => Value::Null,
                        };
                        keys.push((v, d));
                    }
                    other => keys.push((cx.it.get_member(&item, &to_display_string(other), span)?, descending)),
                }
            }
            keyed.push((keys, item));
        }
        keyed.sort_by(|a, b| {
            for ((x, d), (y, _)) in a.0.iter().zip(b.0.iter()) {
                let o = sort_compare(x, y, cs);
                let o = if *d { o.reverse() } else { o };
                if o != std::cmp::Ordering::Equal {
                    return o;
                }
            }
            std::cmp::Ordering::Equal
        });
        let mut out: Vec<Value> = keyed.into_iter().map(|(_, v)| v).collect();
        if cx.switch("Unique") {
            let mut uniq: Vec<Value> = Vec::new();
            for v in out {
                if !uniq.iter().any(|u| objects_equal(u, &v, !cs)) {
                    uniq.push(v);
                }
            }
            out = uniq;
        }
        if let Some(n) = cx.int("Top") {
            out.truncate(n.max(0) as usize);
        }
        if let Some(n) = cx.int("Bottom") {
            let start = out.len().saturating_sub(n.max(0) as usize);
            out = out.split_off(start);
        }
        for v in out {
            cx.emit(v)?;
        }
        Ok(())
    }
}

fn sort_compare(a: &Value, b: &Value, cs: bool) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        _ => crate::engine::convert::compare_values(a, b, cs).unwrap_or_else(|| to_display_string(a).to_lowercase().cmp(&to_display_string(b).to_lowercase())),
    }
}

#[derive(Default)]
struct MeasureObject {
    items: Vec<Value>,
}

impl Cmdlet for MeasureObject {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = cx.get("InputObject") {
            if cx.has_input || !v.is_null() {
                self.items.push(v.clone());
            }
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let span = cx.span;
        let props = cx.strings("Property");
        if cx.set_name() == "TextMeasure" {
            let (mut lines, mut words, mut chars) = (0i64, 0i64, 0i64);
            for v in &self.items {
                let s = to_display_string(v);
                lines += s.lines().count().max(1) as i64;
                words += s.split_whitespace().count() as i64;
                chars += if cx.switch("IgnoreWhiteSpace") { s.chars().filter(|c| !c.is_whitespace()).count() } else { s.chars().count() } as i64;
            }
            let mut o = PsObject::typed("Microsoft.PowerShell.Commands.TextMeasureInfo");
            o.set("Lines", if cx.switch("Line") { Value::Int(lines as i32) } else { Value::Null });
            o.set("Words", if cx.switch("Word") { Value::Int(words as i32) } else { Value::Null });
            o.set("Characters", if cx.switch("Character") { Value::Int(chars as i32) } else { Value::Null });
            o.set("Property", Value::Null);
            return cx.emit(o.into_value());
        }
        let targets: Vec<Option<String>> = if props.is_empty() { vec![None] } else { props.into_iter().map(Some).collect() };
        let all = cx.switch("AllStats");
        for prop in targets {
            let mut nums: Vec<f64> = Vec::new();
            let mut count = 0;
            for v in &self.items {
                let x = match &prop {
                    Some(p) => cx.it.get_member(v, p, span)?,
                    None => v.clone(),
                };
                if prop.is_some() && x.is_null() {
                    continue;
                }
                count += 1;
                if let Some(n) = crate::engine::convert::to_num(&x) {
                    nums.push(n.to_f64());
                }
            }
            let mut o = PsObject::typed("Microsoft.PowerShell.Commands.GenericMeasureInfo");
            o.display =
                Some(Rc::from(vec![Rc::from("Count"), Rc::from("Average"), Rc::from("Sum"), Rc::from("Maximum"), Rc::from("Minimum"), Rc::from("Property")]));
            o.set("Count", Value::Int(count));
            let sum: f64 = nums.iter().sum();
            let avg = if nums.is_empty() { 0.0 } else { sum / nums.len() as f64 };
            let want = |n: &str| all || cx.switch(n);
            o.set("Average", if want("Average") { Value::Double(avg) } else { Value::Null });
            o.set("Sum", if want("Sum") { Value::Double(sum) } else { Value::Null });
            o.set(
                "Maximum",
                if want("Maximum") {
                    nums.iter().cloned().fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.max(x)))).map(Value::Double).unwrap_or(Value::Null)
                } else {
                    Value::Null
                },
            );
            o.set(
                "Minimum",
                if want("Minimum") {
                    nums.iter().cloned().fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.min(x)))).map(Value::Double).unwrap_or(Value::Null)
                } else {
                    Value::Null
                },
            );
            o.set(
                "StandardDeviation",
                if want("StandardDeviation") {
                    let n = nums.len() as f64;
                    if n > 1.0 { Value::Double((nums.iter().map(|x| (x - avg).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()) } else { Value::Double(0.0) }
                } else {
                    Value::Null
                },
            );
            o.set("Property", prop.map(Value::string).unwrap_or(Value::Null));
            cx.emit(o.into_value())?;
        }
        Ok(())
    }
}

// ───────────────────────────── dates and time ─────────────────────────────

fn get_date(cx: &mut Cx) -> R {
    use crate::engine::datetime::{DateKind, DateTime};
    let mut d = match cx.get("Date") {
        Some(Value::DateTime(d)) => *d,
        Some(other) => match crate::engine::convert::convert_to(other, &crate::engine::types::TypeRef::Known(crate::engine::types::Known::DateTime)) {
            Ok(Value::DateTime(d)) => d,
            _ => {
                let msg = format!("Cannot bind parameter 'Date'. Cannot convert value \"{}\" to type \"System.DateTime\".", to_display_string(other));
                return Err(cx.terminate(cx.error(
                    "System.Management.Automation.ParameterBindingException",
                    msg,
                    "CannotConvertArgumentNoMessage",
                    "InvalidArgument",
                )));
            }
        },
        None => match cx.int("UnixTimeSeconds") {
            Some(s) => DateTime::from_unix_seconds(s, DateKind::Local),
            None => cx.it.clock_now().with_kind(DateKind::Local),
        },
    };
    let mut n = d.to_naive();
    use chrono::{Datelike, Timelike};
    macro_rules! set {
        ($p:literal, $f:ident) => {
            if let Some(v) = cx.int($p) {
                if let Some(x) = n.$f(v as u32) {
                    n = x;
                }
            }
        };
    }
    if let Some(y) = cx.int("Year") {
        if let Some(x) = n.with_year(y as i32) {
            n = x;
        }
    }
    set!("Month", with_month);
    set!("Day", with_day);
    set!("Hour", with_hour);
    set!("Minute", with_minute);
    set!("Second", with_second);
    d = DateTime::from_naive(n, d.kind());
    if cx.switch("AsUTC") {
        d = d.with_kind(DateKind::Utc);
    }
    if let Some(f) = cx.string("Format") {
        return cx.emit(Value::string(crate::engine::netfmt::format_datetime(d, &f)));
    }
    if let Some(u) = cx.string("UFormat") {
        return cx.emit(Value::string(uformat(d, &u)));
    }
    cx.emit(Value::DateTime(d))
}

/// `Get-Date -UFormat` (Unix strftime-like specifiers).
fn uformat(d: crate::engine::datetime::DateTime, f: &str) -> String {
    let n = d.to_naive();
    let mut out = String::new();
    let mut chars = f.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('s') => out.push_str(&d.unix_seconds().to_string()),
            Some('Y') => out.push_str(&n.format("%Y").to_string()),
            Some('m') => out.push_str(&n.format("%m").to_string()),
            Some('d') => out.push_str(&n.format("%d").to_string()),
            Some('H') => out.push_str(&n.format("%H").to_string()),
            Some('M') => out.push_str(&n.format("%M").to_string()),
            Some('S') => out.push_str(&n.format("%S").to_string()),
            Some('F') => out.push_str(&n.format("%Y-%m-%d").to_string()),
            Some('T') => out.push_str(&n.format("%H:%M:%S").to_string()),
            Some('Z') | Some('z') => out.push_str("+00"),
            Some('A') => out.push_str(&n.format("%A").to_string()),
            Some('a') => out.push_str(&n.format("%a").to_string()),
            Some('B') => out.push_str(&n.format("%B").to_string()),
            Some('b') | Some('h') => out.push_str(&n.format("%b").to_string()),
            Some('j') => out.push_str(&n.format("%j").to_string()),
            Some('y') => out.push_str(&n.format("%y").to_string()),
            Some('p') => out.push_str(&n.format("%p").to_string()),
            Some('%') => out.push('%'),
            Some(o) => {
                out.push('%');
                out.push(o);
            }
            None => out.push('%'),
        }
    }
    out
}

fn start_sleep(cx: &mut Cx) -> R {
    use crate::engine::datetime::{TICKS_PER_MS, TICKS_PER_SECOND};
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

// ───────────────────────────── session ─────────────────────────────

fn set_strict_mode(cx: &mut Cx) -> R {
    let level = if cx.switch("Off") {
        0
    } else {
        let v = cx.string("Version").unwrap_or_default();
        if v.eq_ignore_ascii_case("latest") { 3 } else { v.split('.').next().and_then(|x| x.parse::<u8>().ok()).unwrap_or(1).min(3) }
    };
    let scope = cx.it.cur;
    cx.it.scope_mut(scope).strict = Some(level);
    Ok(())
}

/// Modules tenantsim emulates: importing them succeeds (their cmdlets are built in).
pub const KNOWN_MODULES: &[(&str, &str)] = &[
    ("Microsoft.Online.SharePoint.PowerShell", "16.0.25000.12000"),
    ("ExchangeOnlineManagement", "3.6.0"),
    ("Microsoft.Graph", "2.25.0"),
    ("Microsoft.Graph.Authentication", "2.25.0"),
    ("Microsoft.Graph.Users", "2.25.0"),
    ("Microsoft.Graph.Groups", "2.25.0"),
    ("Microsoft.Graph.Applications", "2.25.0"),
    ("Microsoft.Graph.Identity.DirectoryManagement", "2.25.0"),
    ("Microsoft.Graph.Users.Actions", "2.25.0"),
    ("Microsoft.PowerShell.Utility", "7.0.0.0"),
    ("Microsoft.PowerShell.Management", "7.0.0.0"),
    ("Microsoft.PowerShell.Security", "7.0.0.0"),
    ("Pester", "5.6.1"),
];

fn module_object(name: &str, version: &str) -> Value {
    let mut o = PsObject::typed("System.Management.Automation.PSModuleInfo");
    o.display = Some(Rc::from(vec![Rc::from("ModuleType"), Rc::from("Version"), Rc::from("Name"), Rc::from("ExportedCommands")]));
    o.set("ModuleType", Value::str("Script"));
    o.set("Version", Value::str(version));
    o.set("Name", Value::str(name));
    o.set("ExportedCommands", Value::array(vec![]));
    o.to_string = Some(Rc::from(name));
    o.into_value()
}

fn import_module(cx: &mut Cx) -> R {
    for name in cx.strings("Name") {
        match KNOWN_MODULES
            .iter()
            .find(|(n, _)| eq_ci(n, &name) || (n.starts_with("Microsoft.Graph") && name.to_ascii_lowercase().starts_with("microsoft.graph")))
        {
            Some((n, v)) => {
                if !cx.it.session_modules().iter().any(|m| eq_ci(m, n)) {
                    cx.it.session_modules_mut().push(n.to_string());
                }
                if cx.switch("PassThru") {
                    cx.emit(module_object(n, v))?;
                }
            }
            None => {
                let rec = cx
                    .error(
                        "System.IO.FileNotFoundException",
                        format!("The specified module '{name}' was not loaded because no valid module file was found in any module directory."),
                        "Modules_ModuleNotFound",
                        "ResourceUnavailable",
                    )
                    .with_target(Value::string(name.clone()));
                cx.write_error(rec)?;
            }
        }
    }
    Ok(())
}

fn get_module(cx: &mut Cx) -> R {
    let names = cx.strings("Name");
    let list: Vec<(String, String)> = if cx.switch("ListAvailable") {
        KNOWN_MODULES.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
    } else {
        cx.it.session_modules().iter().map(|n| (n.clone(), KNOWN_MODULES.iter().find(|(k, _)| eq_ci(k, n)).map(|x| x.1).unwrap_or("1.0").to_string())).collect()
    };
    for (n, v) in list {
        if names.is_empty() || names.iter().any(|p| crate::engine::ops::wildcard_match(p, &n, false)) {
            cx.emit(module_object(&n, &v))?;
        }
    }
    Ok(())
}

// ───────────────────────────── objects ─────────────────────────────

fn new_object(cx: &mut Cx) -> R {
    if cx.set_name() == "Com" {
        let rec = cx.error(
            "System.Management.Automation.PSNotSupportedException",
            "COM objects are not supported on this platform.",
            "NoCOMClassIdentified",
            "ResourceUnavailable",
        );
        return Err(cx.terminate(rec));
    }
    let type_name = cx.string("TypeName").unwrap_or_default();
    let args = cx.list("ArgumentList");
    let ty = match resolve_type_name(&type_name) {
        Some(t) => t,
        None => {
            let rec = cx.error(
                "System.Management.Automation.PSArgumentException",
                format!("Cannot find type [{type_name}]: verify that the assembly containing this type is loaded."),
                "TypeNotFound",
                "InvalidType",
            );
            return Err(cx.terminate(rec));
        }
    };
    let v = match crate::engine::statics::construct(cx.it, &ty, &args) {
        Some(Ok(v)) => v,
        Some(Err(m)) => {
            let rec = cx.error(
                "System.Management.Automation.MethodInvocationException",
                format!("Exception calling \".ctor\" with \"{}\" argument(s): \"{m}\"", args.len()),
                "ConstructorInvokedThrowException",
                "InvalidOperation",
            );
            return Err(cx.terminate(rec));
        }
        None => {
            let rec = cx.error(
                "System.Management.Automation.MethodException",
                format!("Cannot find an overload for \"{}\" and the argument count: \"{}\".", ty.name(), args.len()),
                "ConstructorInvokedThrowException",
                "InvalidOperation",
            );
            return Err(cx.terminate(rec));
        }
    };
    if let Some(Value::Hashtable(h)) = cx.get("Property").cloned() {
        let span = cx.span;
        for (k, val) in h.borrow().iter() {
            let name = to_display_string(k);
            match &v {
                Value::Object(o) if o.borrow().is_custom() => o.borrow_mut().set(&name, val.clone()),
                _ => cx.it.set_member(&v, &name, val.clone(), span)?,
            }
        }
    }
    cx.emit(v)
}

/// Type names as New-Object accepts them (`PSObject`, `System.Collections.ArrayList`, generics).
pub fn resolve_type_name(name: &str) -> Option<crate::engine::types::TypeRef> {
    let t = name.trim();
    if let Some(open) = t.find('[') {
        if t.ends_with(']') && !t.ends_with("[]") {
            let base = &t[..open];
            let inner = &t[open + 1..t.len() - 1];
            let args: Vec<crate::lang::ast::TypeName> = split_generic_args(inner)
                .into_iter()
                .map(|a| crate::lang::ast::TypeName {
                    name: Rc::from(a.trim().trim_start_matches('[').trim_end_matches(']')),
                    generic_args: vec![],
                    array_rank: 0,
                    span: crate::lang::ast::Span::default(),
                })
                .collect();
            let tn = crate::lang::ast::TypeName { name: Rc::from(base), generic_args: args, array_rank: 0, span: crate::lang::ast::Span::default() };
            return crate::engine::types::TypeRef::resolve(&tn);
        }
    }
    crate::engine::types::TypeRef::resolve_str(t)
}

fn split_generic_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '[' => {
                depth += 1;
                cur.push(c);
            }
            ']' => {
                depth -= 1;
                cur.push(c);
            }
            ',' if depth == 0 => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

fn convert_to_secure_string(cx: &mut Cx) -> R {
    let s = cx.string("String").unwrap_or_default();
    match cx.set_name() {
        "PlainText" => {
            if !cx.switch("AsPlainText") {
                return Ok(());
            }
            cx.emit(Value::SecureString(Rc::from(s.as_str())))
        }
        _ => {
            // An encrypted standard string produced by ConvertFrom-SecureString.
            match s.strip_prefix("tenantsim-protected:") {
                Some(rest) => match crate::engine::statics::base64_decode(rest).and_then(|b| String::from_utf8(b).ok()) {
                    Some(plain) => cx.emit(Value::SecureString(Rc::from(plain.as_str()))),
                    None => Err(cx.terminate(cx.error(
                        "System.FormatException",
                        "Input string was not in a correct format.",
                        "ImportSecureString_InvalidArgument",
                        "InvalidArgument",
                    ))),
                },
                None => {
                    let rec = cx
                        .error(
                            "System.Security.Cryptography.CryptographicException",
                            "Key not valid for use in specified state.",
                            "ImportSecureString_InvalidArgument_CryptographicError",
                            "InvalidArgument",
                        )
                        .with_target(Value::string(s));
                    cx.write_error(rec)
                }
            }
        }
    }
}

fn invoke_expression(cx: &mut Cx) -> R {
    let cmd = cx.string("Command").unwrap_or_default();
    let sb = match crate::lang::parse_script(cmd, None) {
        Ok(sb) => sb,
        Err(pe) => {
            let rec = crate::engine::display::parse_error_record(&pe);
            return Err(crate::engine::error::Flow::Error(Rc::new(rec), crate::engine::error::Termination::Statement));
        }
    };
    let mut out = Vec::new();
    let r = cx.it.run_interactive(&sb, &mut out);
    for v in out {
        cx.emit(v)?;
    }
    r
}

// ───────────────────────────── formatting ─────────────────────────────

#[derive(Default)]
struct FormatTable {
    items: Vec<Value>,
}

fn column_specs(cx: &mut Cx) -> Option<Vec<(Rc<str>, Option<Block>)>> {
    if !cx.has("Property") {
        return None;
    }
    let mut out = Vec::new();
    for p in cx.list("Property") {
        match &p {
            Value::Hashtable(h) => {
                let h = h.borrow();
                let name = h.map.values().find(|(k, _)| {
                    let k = to_display_string(k).to_ascii_lowercase();
                    !k.is_empty() && ("name".starts_with(&k) || "label".starts_with(&k))
                });
                let expr = h.map.values().find(|(k, _)| "expression".starts_with(&to_display_string(k).to_ascii_lowercase())).map(|x| x.1.clone());
                let label = name.map(|(_, n)| to_display_string(n)).unwrap_or_else(|| expr.as_ref().map(to_display_string).unwrap_or_default());
                match expr {
                    Some(Value::ScriptBlock(sb)) => out.push((Rc::from(label.as_str()), Some(sb))),
                    Some(other) => out.push((Rc::from(to_display_string(&other).as_str()), None)),
                    None => {}
                }
            }
            other => out.push((Rc::from(to_display_string(other).as_str()), None)),
        }
    }
    Some(out)
}

impl Cmdlet for FormatTable {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = cx.get("InputObject") {
            if cx.has_input || !v.is_null() {
                match v {
                    Value::Array(_) | Value::List(_) if !cx.has_input => self.items.extend(v.enumerate().unwrap_or_default()),
                    _ => self.items.push(v.clone()),
                }
            }
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let cols = column_specs(cx);
        // Wildcard columns expand against the first object.
        let cols = cols.map(|cs| {
            let mut out = Vec::new();
            for (n, sb) in cs {
                if sb.is_none() && (n.contains('*') || n.contains('?')) {
                    if let Some(first) = self.items.first() {
                        for (pn, _) in all_props(first) {
                            if crate::engine::ops::wildcard_match(&n, &pn, false) {
                                out.push((pn, None));
                            }
                        }
                    }
                } else {
                    out.push((n, sb));
                }
            }
            out
        });
        let hide = cx.switch("HideTableHeaders");
        let width = cx.it.host.formatter.width;
        let items = std::mem::take(&mut self.items);
        let it = &mut *cx.it;
        let mut eval = |sb: &Rc<crate::lang::ast::ScriptBlock>, v: &Value| -> Value {
            it.invoke_script_block_value(sb, vec![], Some(v.clone()), false).unwrap_or(Value::Null)
        };
        let text = crate::engine::format::format_table(&items, cols.as_deref(), hide, width, &mut eval);
        emit_formatted(cx, &text)
    }
}

/// Format-* output: lines of text that Out-Default prints verbatim.
fn emit_formatted(cx: &mut Cx, text: &str) -> R {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    for l in lines {
        let mut o = PsObject::typed("Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData");
        o.to_string = Some(Rc::from(l));
        o.set("Line", Value::str(l));
        cx.emit(Value::Object(Rc::new(std::cell::RefCell::new(o))))?;
    }
    Ok(())
}

#[derive(Default)]
struct FormatList {
    items: Vec<Value>,
}

impl Cmdlet for FormatList {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = cx.get("InputObject") {
            if cx.has_input || !v.is_null() {
                match v {
                    Value::Array(_) | Value::List(_) if !cx.has_input => self.items.extend(v.enumerate().unwrap_or_default()),
                    _ => self.items.push(v.clone()),
                }
            }
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let props: Option<Vec<Rc<str>>> =
            if cx.has("Property") { Some(cx.strings("Property").into_iter().map(|s| Rc::from(s.as_str())).collect()) } else { None };
        let width = cx.it.host.formatter.width;
        let text = crate::engine::format::format_list(&self.items, props.as_deref(), width);
        emit_formatted(cx, &text)
    }
}
