//! Output streams and outputters: Write-*, Out-*, Tee-Object, Format-Table, Format-List.

use std::rc::Rc;

use super::{KeySet, PropSpec, collect_input, eval_expr, expand_names, input, parse_props, reject};
use crate::engine::commands::{Cmdlet, Cx};
use crate::engine::convert::to_display_string;
use crate::engine::error::{ErrorRecord, R};
use crate::engine::format::{self, Align, FormatData, FormatItem, OutDefault, TableColumn, TableShape};
use crate::engine::interp::{ActionPref, StreamTarget};
use crate::engine::value::Value;
use crate::lang::sym::{eq_ci, well_known as wk};

// ───────────────────────────── Write-* ─────────────────────────────

pub fn write_output(cx: &mut Cx) -> R {
    let Some(v) = cx.get("InputObject").cloned() else { return Ok(()) };
    if cx.switch("NoEnumerate") {
        return cx.emit(v);
    }
    cx.emit_all(v)
}

/// Write-Host's text: strings as they are, collections unrolled and joined with the separator,
/// anything else through its .NET `ToString()`.
fn host_string(v: &Value, sep: &str) -> String {
    match v {
        Value::Null => String::new(),
        Value::Array(_) | Value::List(_) | Value::Bytes(_) => {
            v.enumerate().unwrap_or_default().iter().map(|x| host_string(x, sep)).collect::<Vec<_>>().join(sep)
        }
        Value::Hashtable(h) => h.borrow().iter().map(|_| "System.Collections.DictionaryEntry".to_string()).collect::<Vec<_>>().join(sep),
        Value::Double(d) => crate::engine::convert::format_double_roundtrip(*d),
        other => format::object_string(other),
    }
}

fn console_color_code(name: &str, background: bool) -> Option<u8> {
    let fg: u8 = match name.to_ascii_lowercase().as_str() {
        "black" => 30,
        "darkblue" => 34,
        "darkgreen" => 32,
        "darkcyan" => 36,
        "darkred" => 31,
        "darkmagenta" => 35,
        "darkyellow" => 33,
        "gray" => 37,
        "darkgray" => 90,
        "blue" => 94,
        "green" => 92,
        "cyan" => 96,
        "red" => 91,
        "magenta" => 95,
        "yellow" => 93,
        "white" => 97,
        _ => return None,
    };
    Some(if background { fg + 10 } else { fg })
}

pub fn write_host(cx: &mut Cx) -> R {
    let sep = cx.get("Separator").map(to_display_string).unwrap_or_else(|| " ".into());
    let text = match cx.get("Object") {
        Some(v) => host_string(v, &sep),
        None => String::new(),
    };
    let mut codes = Vec::new();
    if let Some(c) = cx.string("ForegroundColor").and_then(|c| console_color_code(&c, false)) {
        codes.push(c.to_string());
    }
    if let Some(c) = cx.string("BackgroundColor").and_then(|c| console_color_code(&c, true)) {
        codes.push(c.to_string());
    }
    let color = if codes.is_empty() { None } else { Some(codes.join(";")) };
    let newline = !cx.switch("NoNewline");
    // Write-Host writes to the information stream (tagged PSHOST): only Ignore silences it.
    if cx.bound.common.information_action == Some(ActionPref::Ignore) {
        return Ok(());
    }
    match cx.it.redirects.streams[6].clone() {
        Some(StreamTarget::Discard) => Ok(()),
        Some(StreamTarget::Merge(buf)) => {
            buf.borrow_mut().push(Value::string(text));
            Ok(())
        }
        Some(StreamTarget::File(p, _)) => {
            let _ = crate::engine::pipeline::append_file(&p, &format!("{text}\n"));
            Ok(())
        }
        None => {
            cx.it.host.write_host(&text, color.as_deref(), newline);
            Ok(())
        }
    }
}

pub fn write_warning(cx: &mut Cx) -> R {
    let msg = cx.string("Message").unwrap_or_default();
    cx.warning(&msg)
}

pub fn write_verbose(cx: &mut Cx) -> R {
    let msg = cx.string("Message").unwrap_or_default();
    if cx.verbose {
        match cx.it.redirects.streams[4].clone() {
            Some(StreamTarget::Discard) => {}
            Some(StreamTarget::Merge(buf)) => buf.borrow_mut().push(Value::string(msg)),
            Some(StreamTarget::File(p, _)) => {
                let _ = crate::engine::pipeline::append_file(&p, &format!("{msg}\n"));
            }
            None => cx.it.host.write_verbose(&msg),
        }
    }
    Ok(())
}

pub fn write_debug(cx: &mut Cx) -> R {
    let msg = cx.string("Message").unwrap_or_default();
    let on = cx.bound.common.debug.unwrap_or_else(|| cx.it.pref(wk::DEBUG_PREFERENCE, ActionPref::SilentlyContinue) != ActionPref::SilentlyContinue);
    if on {
        match cx.it.redirects.streams[5].clone() {
            Some(StreamTarget::Discard) => {}
            Some(StreamTarget::Merge(buf)) => buf.borrow_mut().push(Value::string(msg)),
            Some(StreamTarget::File(p, _)) => {
                let _ = crate::engine::pipeline::append_file(&p, &format!("{msg}\n"));
            }
            None => cx.it.host.write_debug(&msg),
        }
    }
    Ok(())
}

pub fn write_information(cx: &mut Cx) -> R {
    let msg = cx.get("MessageData").map(format::object_string).unwrap_or_default();
    let action = cx.bound.common.information_action.unwrap_or_else(|| cx.it.pref(wk::INFORMATION_PREFERENCE, ActionPref::SilentlyContinue));
    match cx.it.redirects.streams[6].clone() {
        Some(StreamTarget::Discard) => return Ok(()),
        Some(StreamTarget::Merge(buf)) => {
            buf.borrow_mut().push(Value::string(msg));
            return Ok(());
        }
        Some(StreamTarget::File(p, _)) => {
            let _ = crate::engine::pipeline::append_file(&p, &format!("{msg}\n"));
            return Ok(());
        }
        None => {}
    }
    match action {
        ActionPref::Continue | ActionPref::Inquire => cx.it.host.write_line(&msg),
        ActionPref::Stop => {
            let rec = ErrorRecord::new(
                "System.Management.Automation.ActionPreferenceStopException",
                format!("The running command stopped because the preference variable \"InformationPreference\" or common parameter is set to Stop: {msg}"),
                "ActionPreferenceStop",
                "OperationStopped",
            );
            return Err(crate::engine::error::Flow::Error(Rc::new(rec), crate::engine::error::Termination::Script));
        }
        _ => {}
    }
    Ok(())
}

/// pwsh writes nothing for progress when output is redirected; tenantsim never renders it.
pub fn write_progress(_cx: &mut Cx) -> R {
    Ok(())
}

pub fn write_error(cx: &mut Cx) -> R {
    let mut rec = match cx.set_name() {
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
            let (ex_type, msg, fallback_id) = match cx.get("Exception") {
                Some(Value::Net(n)) => match n.as_any().downcast_ref::<crate::engine::error::ExceptionObject>() {
                    Some(e) => (e.0.type_name.to_string(), cx.string("Message").unwrap_or_else(|| e.0.message.to_string()), e.0.type_name.to_string()),
                    None => ("System.Exception".to_string(), to_display_string(&Value::Net(n.clone())), "System.Exception".to_string()),
                },
                Some(other) => ("System.Exception".to_string(), to_display_string(other), "System.Exception".to_string()),
                None => (
                    "Microsoft.PowerShell.Commands.WriteErrorException".to_string(),
                    cx.string("Message").unwrap_or_default(),
                    "Microsoft.PowerShell.Commands.WriteErrorException".to_string(),
                ),
            };
            let category: &'static str = match cx.string("Category") {
                Some(c) => crate::engine::enums::enum_names("System.Management.Automation.ErrorCategory")
                    .and_then(|names| names.iter().find(|n| eq_ci(n, &c)).copied())
                    .unwrap_or("NotSpecified"),
                None => "NotSpecified",
            };
            let id = cx.string("ErrorId").filter(|s| !s.is_empty()).unwrap_or(fallback_id);
            let mut rec = ErrorRecord::new(&ex_type, msg, &id, category);
            if let Some(t) = cx.get("TargetObject") {
                rec.target = t.clone();
            }
            rec
        }
    };
    // Write-Error reports the caller's position and its CategoryInfo.Activity is Write-Error;
    // the FullyQualifiedErrorId names the recording command (the function, else the script).
    rec.activity = Some(Rc::from(cx.string("CategoryActivity").unwrap_or_else(|| "Write-Error".into()).as_str()));
    let caller = cx.it.frames.last().cloned();
    let recorder: Option<String> = match &caller {
        Some(f) if &*f.command != "<ScriptBlock>" => Some(f.command.to_string()),
        _ => cx.file.path.as_ref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()),
    };
    if cx.set_name() != "ErrorRecord" {
        if let Some(r) = recorder {
            rec.fqid = Rc::from(format!("{},{r}", rec.fqid).as_str());
        }
    }
    if rec.invocation.position.is_none() {
        match caller {
            Some(f) => {
                if &*f.command != "<ScriptBlock>" {
                    rec.invocation.command = Some(f.command.clone());
                }
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

pub fn out_null(_cx: &mut Cx) -> R {
    Ok(())
}

// ───────────────────────────── Out-Default / Out-Host ─────────────────────────────

/// Out-Default and Out-Host: their own document, written to the host as it renders and
/// closed when the command ends.
#[derive(Default)]
pub struct OutHost {
    fmt: Option<OutDefault>,
}

impl OutHost {
    fn fmt(&mut self, cx: &Cx) -> &mut OutDefault {
        self.fmt.get_or_insert_with(|| {
            let mut f = OutDefault::new(cx.it.host.formatter.width);
            f.color = cx.it.host.formatter.color;
            f.list_width = cx.it.host.formatter.list_width;
            f
        })
    }
    fn drain(&mut self, cx: &mut Cx) {
        if let Some(f) = &mut self.fmt {
            for (chunk, text) in f.take_chunks() {
                let stream = match chunk {
                    format::Chunk::Out => crate::engine::host::Stream::Out,
                    format::Chunk::Err => crate::engine::host::Stream::Err,
                };
                cx.it.host.write(stream, &text);
            }
        }
    }
}

impl Cmdlet for OutHost {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = input(cx) {
            let v = format::resolve_script_properties(cx.it, &v);
            self.fmt(cx).push(&v);
            self.drain(cx);
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        if let Some(f) = &mut self.fmt {
            f.end();
        }
        self.drain(cx);
        Ok(())
    }
}

// ───────────────────────────── Out-String / Out-File ─────────────────────────────

fn width_param(cx: &Cx) -> Option<usize> {
    cx.int("Width").map(|w| w.max(2) as usize)
}

#[derive(Default)]
pub struct OutString {
    items: Vec<Value>,
}

impl Cmdlet for OutString {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = input(cx) {
            let v = format::resolve_script_properties(cx.it, &v);
            self.items.push(v);
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let text = format::format_values(&self.items, width_param(cx));
        if cx.switch("Stream") {
            let mut lines: Vec<&str> = text.split('\n').collect();
            if lines.last() == Some(&"") {
                lines.pop();
            }
            for l in lines {
                cx.emit(Value::str(l))?;
            }
            return Ok(());
        }
        if cx.switch("NoNewline") {
            return cx.emit(Value::string(text.split('\n').collect::<String>()));
        }
        cx.emit(Value::string(text))
    }
}

/// Out-File, Tee-Object and `>`: the encoding names pwsh accepts.
pub fn encode_text(cx: &Cx, text: &str) -> R<Vec<u8>> {
    let enc = cx.get("Encoding").map(to_display_string).unwrap_or_default().to_ascii_lowercase();
    Ok(match enc.as_str() {
        "" | "utf8" | "utf8nobom" | "default" | "utf-8" | "65001" => text.as_bytes().to_vec(),
        "utf8bom" => {
            let mut b = vec![0xEF, 0xBB, 0xBF];
            b.extend_from_slice(text.as_bytes());
            b
        }
        "ascii" | "us-ascii" => text.chars().map(|c| if c.is_ascii() { c as u8 } else { b'?' }).collect(),
        "latin1" | "iso-8859-1" => text.chars().map(|c| if (c as u32) < 256 { c as u32 as u8 } else { b'?' }).collect(),
        "unicode" | "utf-16" | "utf16" => {
            let mut b = vec![0xFF, 0xFE];
            for u in text.encode_utf16() {
                b.extend_from_slice(&u.to_le_bytes());
            }
            b
        }
        "bigendianunicode" => {
            let mut b = vec![0xFE, 0xFF];
            for u in text.encode_utf16() {
                b.extend_from_slice(&u.to_be_bytes());
            }
            b
        }
        "utf32" => {
            let mut b = vec![0xFF, 0xFE, 0x00, 0x00];
            for c in text.chars() {
                b.extend_from_slice(&(c as u32).to_le_bytes());
            }
            b
        }
        _ => return Err(super::not_supported(cx, &format!("The encoding '{enc}'"))),
    })
}

#[derive(Default)]
pub struct OutFile {
    items: Vec<Value>,
}

impl Cmdlet for OutFile {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = input(cx) {
            let v = format::resolve_script_properties(cx.it, &v);
            self.items.push(v);
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let raw = cx.string("FilePath").or_else(|| cx.string("LiteralPath")).unwrap_or_default();
        let literal = cx.has("LiteralPath");
        let path = match super::files::output_path(cx, &raw, literal)? {
            Some(p) => p,
            None => return Ok(()),
        };
        if !cx.should_process(&path.display().to_string(), "Output to File") {
            return Ok(());
        }
        let mut text = format::format_values(&self.items, width_param(cx));
        if cx.switch("NoNewline") {
            text = text.split('\n').collect();
        }
        super::files::write_text_file(cx, &path, &text, cx.switch("Append"), cx.switch("NoClobber"), cx.switch("Force"))
    }
}

// ───────────────────────────── Tee-Object ─────────────────────────────

#[derive(Default)]
pub struct TeeObject {
    items: Vec<Value>,
}

impl Cmdlet for TeeObject {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = input(cx) {
            self.items.push(v.clone());
            cx.emit(v)?;
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        if let Some(name) = cx.string("Variable") {
            let v = match self.items.len() {
                0 => Value::Null,
                1 => self.items[0].clone(),
                _ => Value::array(self.items.clone()),
            };
            let sym = crate::lang::sym::intern(name.trim_start_matches('$'));
            return cx.it.set_var(sym, v);
        }
        let raw = cx.string("FilePath").or_else(|| cx.string("LiteralPath")).unwrap_or_default();
        let literal = cx.has("LiteralPath");
        let Some(path) = super::files::output_path(cx, &raw, literal)? else { return Ok(()) };
        let items: Vec<Value> = self.items.iter().map(|v| format::resolve_script_properties(cx.it, v)).collect();
        let text = format::format_values(&items, None);
        super::files::write_text_file(cx, &path, &text, cx.switch("Append"), false, false)
    }
}

// ───────────────────────────── Format-Table / Format-List ─────────────────────────────

fn format_unsupported(cx: &Cx) -> R {
    reject(cx, &["View", "Expand", "ShowError", "DisplayError", "RepeatHeader"])
}

/// The group label line of `-GroupBy`.
fn group_label(cx: &mut Cx, group_by: &Option<PropSpec>, item: &Value) -> R<Option<(String, String)>> {
    let Some(g) = group_by else { return Ok(None) };
    let v = eval_expr(cx, item, &g.expr)?;
    let label = g.display_label();
    Ok(Some((label.to_string(), format::object_string(&v))))
}

fn parse_group_by(cx: &Cx) -> R<Option<PropSpec>> {
    match cx.get("GroupBy").cloned() {
        Some(v) if !v.is_null() => Ok(parse_props(cx, &[v], KeySet::Format)?.into_iter().next()),
        _ => Ok(None),
    }
}

#[derive(Default)]
pub struct FormatTable {
    items: Vec<Value>,
}

impl Cmdlet for FormatTable {
    fn process(&mut self, cx: &mut Cx) -> R {
        format_unsupported(cx)?;
        collect_input(cx, &mut self.items);
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        format::sync_enumeration_limit(cx.it);
        let items = std::mem::take(&mut self.items);
        let items: Vec<Value> = items.iter().map(|v| format::resolve_script_properties(cx.it, v)).collect();
        let items = expand_entries(items);
        let specs = if cx.has("Property") { Some(parse_props(cx, &cx.list("Property"), KeySet::Format)?) } else { None };
        let group_by = parse_group_by(cx)?;
        let first = items.iter().find(|v| !format::is_scalar(v)).cloned();
        let Some(first) = first else {
            // Only scalars: written as they are.
            let fd = FormatData { table: None, items: items.iter().map(|v| FormatItem::Raw(format::scalar_text(v))).collect() };
            return cx.emit(Value::Net(Rc::new(fd)));
        };
        // Columns: -Property, else the first object's view or display properties (at most 10).
        enum ColSrc {
            Spec(PropSpec),
            View(Rc<str>),
        }
        let mut cols: Vec<(TableColumn, ColSrc)> = Vec::new();
        let mut view_based = false;
        match &specs {
            Some(specs) => {
                for s in expand_names(&first, specs) {
                    let label = s.display_label();
                    cols.push((TableColumn { label, width: s.width.unwrap_or(0), align: s.align.unwrap_or(Align::Left) }, ColSrc::Spec(s)));
                }
            }
            None => match format::view_for(&first) {
                Some((_, format::View::Table { columns, .. })) => {
                    view_based = true;
                    for c in columns.iter() {
                        cols.push((
                            TableColumn { label: c.label.clone(), width: c.width, align: c.align.unwrap_or(Align::Left) },
                            ColSrc::View(c.property.clone()),
                        ));
                    }
                }
                _ => {
                    for (n, _) in format::display_properties(&first).into_iter().take(10) {
                        cols.push((TableColumn { label: n.clone(), width: 0, align: Align::Left }, ColSrc::Spec(PropSpec::name(&n))));
                    }
                }
            },
        }
        let mut out_items = Vec::new();
        let mut aligned = vec![false; cols.len()];
        let mut current_group: Option<String> = None;
        for item in &items {
            if format::is_scalar(item) {
                out_items.push(FormatItem::Raw(format::scalar_text(item)));
                continue;
            }
            if let Some((label, value)) = group_label(cx, &group_by, item)? {
                if current_group.as_deref() != Some(&value) {
                    out_items.push(FormatItem::Group(format!("   {label}: {value}")));
                    current_group = Some(value);
                }
            }
            let mut row = Vec::with_capacity(cols.len());
            for (k, (col, src)) in cols.iter_mut().enumerate() {
                let (v, fmt_string) = match src {
                    ColSrc::Spec(s) => (eval_expr(cx, item, &s.expr)?, s.format_string.clone()),
                    ColSrc::View(p) => (format::property_of(item, p), None),
                };
                if !aligned[k] {
                    aligned[k] = true;
                    if !view_based && !matches!(src, ColSrc::Spec(PropSpec { align: Some(_), .. })) {
                        col.align = format::default_align(&v);
                    }
                }
                let text = match fmt_string {
                    Some(f) => crate::engine::netfmt::format_value(&v, &f).unwrap_or_else(|_| format::field_string(&v, true)),
                    None => format::field_string(&v, !view_based),
                };
                row.push(text);
            }
            out_items.push(FormatItem::Row(row));
        }
        let shape = TableShape {
            columns: cols.into_iter().map(|(c, _)| c).collect(),
            autosize: cx.switch("AutoSize"),
            hide_headers: cx.switch("HideTableHeaders"),
            wrap: cx.switch("Wrap"),
        };
        cx.emit(Value::Net(Rc::new(FormatData { table: Some(shape), items: out_items })))
    }
}

/// Hashtables given to Format-* are shown entry by entry.
fn expand_entries(items: Vec<Value>) -> Vec<Value> {
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        match &v {
            Value::Hashtable(h) => {
                for (k, val) in h.borrow().iter() {
                    let mut o = crate::engine::value::PsObject::typed("System.Collections.DictionaryEntry");
                    o.set("Name", k.clone());
                    o.set("Key", k.clone());
                    o.set("Value", val.clone());
                    o.display = Some(Rc::from(vec![Rc::from("Name"), Rc::from("Value")]));
                    out.push(o.into_value());
                }
            }
            _ => out.push(v),
        }
    }
    out
}

#[derive(Default)]
pub struct FormatList {
    items: Vec<Value>,
}

impl Cmdlet for FormatList {
    fn process(&mut self, cx: &mut Cx) -> R {
        format_unsupported(cx)?;
        collect_input(cx, &mut self.items);
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        format::sync_enumeration_limit(cx.it);
        let items = std::mem::take(&mut self.items);
        let items: Vec<Value> = items.iter().map(|v| format::resolve_script_properties(cx.it, v)).collect();
        let items = expand_entries(items);
        let specs = if cx.has("Property") { Some(parse_props(cx, &cx.list("Property"), KeySet::Format)?) } else { None };
        let group_by = parse_group_by(cx)?;
        let mut out_items = Vec::new();
        let mut current_group: Option<String> = None;
        for item in &items {
            if format::is_scalar(item) && specs.is_none() {
                out_items.push(FormatItem::Raw(format::scalar_text(item)));
                continue;
            }
            if let Some((label, value)) = group_label(cx, &group_by, item)? {
                if current_group.as_deref() != Some(&value) {
                    out_items.push(FormatItem::Group(format!("   {label}: {value}")));
                    current_group = Some(value);
                }
            }
            let entry: Vec<(Rc<str>, String)> = match &specs {
                Some(specs) => {
                    let mut e = Vec::new();
                    for s in expand_names(item, specs) {
                        let v = eval_expr(cx, item, &s.expr)?;
                        let text = match &s.format_string {
                            Some(f) => crate::engine::netfmt::format_value(&v, f).unwrap_or_else(|_| format::field_string(&v, false)),
                            None => format::field_string(&v, false),
                        };
                        e.push((s.display_label(), text));
                    }
                    e
                }
                None => match format::view_for(item) {
                    Some((_, format::View::List(props))) => format::list_entry(item, Some(&props)),
                    _ => format::list_entry(item, None),
                },
            };
            if entry.is_empty() {
                out_items.push(FormatItem::Raw(format::object_string(item)));
            } else {
                out_items.push(FormatItem::ListEntry(entry));
            }
        }
        cx.emit(Value::Net(Rc::new(FormatData { table: None, items: out_items })))
    }
}

/// Used by Out-String tests and tools: whether a value is Format-* output.
pub fn is_format_data(v: &Value) -> bool {
    matches!(v, Value::Net(n) if n.as_any().is::<FormatData>())
}
