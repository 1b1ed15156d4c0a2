//! Data conversion: secure strings and credentials, Read-Host, CSV and JSON.

use std::cell::RefCell;
use std::rc::Rc;

use super::{input, reject};
use crate::engine::commands::{Cmdlet, Cx};
use crate::engine::convert::to_display_string;
use crate::engine::error::R;
use crate::engine::format;
use crate::engine::value::{Hashtable, PsObject, Value};

// ───────────────────────────── secure strings ─────────────────────────────

/// On Unix, pwsh "protects" a SecureString without a key as the hex of its UTF-16LE bytes
/// (there is no DPAPI); ConvertTo-SecureString reverses it.
fn protect(plain: &str) -> String {
    plain.encode_utf16().flat_map(|u| u.to_le_bytes()).map(|b| format!("{b:02x}")).collect()
}

fn unprotect(hex: &str) -> Option<String> {
    let h = hex.trim();
    if h.is_empty() || !h.len().is_multiple_of(4) || !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let bytes: Vec<u8> = (0..h.len()).step_by(2).filter_map(|i| u8::from_str_radix(&h[i..i + 2], 16).ok()).collect();
    let units: Vec<u16> = bytes.chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    String::from_utf16(&units).ok()
}

/// Key-based encryption: tenantsim marks the text instead of encrypting it with AES.
const KEYED_PREFIX: &str = "76492d1116743f0423413b16050a5345";

pub fn convert_to_secure_string(cx: &mut Cx) -> R {
    let s = cx.string("String").unwrap_or_default();
    if cx.set_name() == "PlainText" {
        return cx.emit(Value::SecureString(Rc::from(s.as_str())));
    }
    let keyed = cx.has("Key") || cx.has("SecureKey");
    let plain = if keyed { s.strip_prefix(KEYED_PREFIX).and_then(unprotect) } else { unprotect(&s) };
    match plain {
        Some(p) => cx.emit(Value::SecureString(Rc::from(p.as_str()))),
        None => {
            let rec = cx
                .error(
                    "System.Security.Cryptography.CryptographicException",
                    if keyed { "Padding is invalid and cannot be removed." } else { "Input string was not in a correct format." },
                    "ImportSecureString_InvalidArgument_CryptographicError",
                    "InvalidArgument",
                )
                .with_target(Value::string(s));
            cx.write_error(rec)
        }
    }
}

pub fn convert_from_secure_string(cx: &mut Cx) -> R {
    let plain = match cx.get("SecureString") {
        Some(Value::SecureString(s)) => s.to_string(),
        Some(other) => to_display_string(other),
        None => return Ok(()),
    };
    let out = match cx.set_name() {
        "AsPlainText" => plain,
        "Open" => format!("{KEYED_PREFIX}{}", protect(&plain)),
        _ if cx.has("SecureKey") => format!("{KEYED_PREFIX}{}", protect(&plain)),
        _ => protect(&plain),
    };
    cx.emit(Value::string(out))
}

/// The host cannot prompt: pwsh's NonInteractive error from the command that tried.
fn cannot_prompt(cx: &Cx) -> crate::engine::error::Flow {
    let rec = cx.error(
        "System.Management.Automation.PSInvalidOperationException",
        crate::engine::messages::HOST_READ_FAILS_ON_NON_INTERACTIVE,
        "System.Management.Automation.PSInvalidOperationException",
        "InvalidOperation",
    );
    cx.terminate(rec)
}

pub fn get_credential(cx: &mut Cx) -> R {
    if let Some(v) = cx.get("Credential").cloned() {
        if matches!(&v, Value::Object(o) if o.borrow().type_names[0].ends_with("PSCredential")) {
            return cx.emit(v);
        }
    }
    if cx.it.options.non_interactive {
        // A user name still needs a password: scripts run without a console to prompt on.
        return Err(cannot_prompt(cx));
    }
    // The console host's prompt (the REPL).
    let title = cx.string("Title").unwrap_or_else(|| "PowerShell credential request".into());
    let message = cx.string("Message").unwrap_or_else(|| "Enter your credentials.".into());
    let out = crate::engine::host::Stream::Out;
    cx.it.host.write(out, &format!("{title}\n{message}\n"));
    let user = match cx.string("UserName").or_else(|| cx.get("Credential").map(to_display_string)) {
        Some(u) => u,
        None => {
            cx.it.host.write(out, "User: ");
            match cx.it.host.read_line() {
                Some(u) => u,
                None => return Err(cannot_prompt(cx)),
            }
        }
    };
    cx.it.host.write(out, &format!("Password for user {user}: "));
    let Some(pw) = cx.it.host.read_line() else { return Err(cannot_prompt(cx)) };
    cx.it.host.write(out, "\n");
    cx.emit(crate::engine::statics::credential(&user, Rc::from(pw.as_str())))
}

pub fn read_host(cx: &mut Cx) -> R {
    if let Some(p) = cx.get("Prompt") {
        let text = match p {
            Value::Array(_) => p.enumerate().unwrap_or_default().iter().map(format::object_string).collect::<Vec<_>>().join(" "),
            other => format::object_string(other),
        };
        cx.it.host.write(crate::engine::host::Stream::Out, &format!("{text}: "));
    }
    let Some(line) = cx.it.host.read_line() else { return Err(cannot_prompt(cx)) };
    if cx.switch("AsSecureString") {
        return cx.emit(Value::SecureString(Rc::from(line.as_str())));
    }
    cx.emit(Value::string(line))
}

// ───────────────────────────── CSV ─────────────────────────────

fn delimiter(cx: &Cx) -> u8 {
    if cx.switch("UseCulture") {
        return b',';
    }
    match cx.get("Delimiter") {
        Some(Value::Char(c)) if c.is_ascii() => *c as u8,
        Some(v) => to_display_string(v).bytes().next().unwrap_or(b','),
        None => b',',
    }
}

/// Parse CSV text into objects (Import-Csv / ConvertFrom-Csv): the first record (or
/// `-Header`) names the properties; `#TYPE` lines set the type name.
fn csv_objects(cx: &mut Cx, text: &str, header: Option<Vec<String>>, delim: u8) -> R<Vec<Value>> {
    let mut type_name: Option<String> = None;
    let mut body = text;
    if let Some(rest) = body.strip_prefix("#TYPE ") {
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        type_name = Some(line.trim_end_matches('\r').trim().to_string());
        body = after;
    }
    let mut rdr = csv::ReaderBuilder::new().delimiter(delim).has_headers(false).flexible(true).from_reader(body.as_bytes());
    let mut header = header;
    let mut out = Vec::new();
    for rec in rdr.records() {
        let Ok(rec) = rec else { continue };
        let fields: Vec<String> = rec.iter().map(|s| s.to_string()).collect();
        if fields.len() == 1 && fields[0].is_empty() {
            continue;
        }
        let Some(h) = &header else {
            let mut names: Vec<String> = Vec::new();
            for (i, f) in fields.iter().enumerate() {
                let n = if f.is_empty() { format!("H{}", i + 1) } else { f.clone() };
                if names.iter().any(|x| x.eq_ignore_ascii_case(&n)) {
                    let rec = cx.error(
                        "System.Management.Automation.PSArgumentException",
                        format!("The member \"{n}\" is already present."),
                        "AlreadyPresentPSMemberInfoInternalCollectionAdd",
                        "InvalidArgument",
                    );
                    return Err(cx.terminate(rec));
                }
                names.push(n);
            }
            header = Some(names);
            continue;
        };
        let mut o = PsObject::new();
        if let Some(t) = &type_name {
            o.type_names = Rc::from(vec![Rc::from(format!("CSV:{t}").as_str()), Rc::from(crate::engine::value::PSCUSTOMOBJECT), Rc::from("System.Object")]);
        }
        for (i, name) in h.iter().enumerate() {
            o.set(name, fields.get(i).map(|f| Value::str(f)).unwrap_or(Value::Null));
        }
        out.push(o.into_value());
    }
    Ok(out)
}

pub fn import_csv(cx: &mut Cx) -> R {
    reject(cx, &[])?;
    let (paths, literal) = if cx.has("LiteralPath") { (cx.strings("LiteralPath"), true) } else { (cx.strings("Path"), false) };
    let header = if cx.has("Header") { Some(cx.strings("Header")) } else { None };
    let delim = delimiter(cx);
    for p in paths {
        // PathUtils.OpenStreamReader: a missing file is a terminating FileOpenFailure.
        let abs = super::files::absolute(&p);
        let files = if !literal && super::files::has_wildcard(&p) { super::files::glob(&abs) } else { vec![abs.clone()] };
        if files.is_empty() || !files[0].exists() {
            let shown = super::files::display(files.first().unwrap_or(&abs));
            let rec = cx
                .error("System.IO.FileNotFoundException", format!("Could not find file '{shown}'."), "FileOpenFailure", "OpenError")
                .with_target(Value::string(shown));
            return Err(cx.terminate(rec));
        }
        for f in files {
            import_csv_file(cx, &f, header.clone(), delim)?;
        }
    }
    Ok(())
}

fn import_csv_file(cx: &mut Cx, f: &std::path::Path, header: Option<Vec<String>>, delim: u8) -> R {
    let Some(text) = super::files::read_text(cx, f)? else { return Ok(()) };
    for o in csv_objects(cx, &text, header, delim)? {
        cx.emit(o)?;
    }
    Ok(())
}

#[derive(Default)]
pub struct ConvertFromCsv {
    lines: Vec<String>,
}

impl Cmdlet for ConvertFromCsv {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = cx.get("InputObject") {
            for x in v.enumerate().unwrap_or_else(|| vec![v.clone()]) {
                self.lines.push(format::object_string(&x));
            }
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let header = if cx.has("Header") { Some(cx.strings("Header")) } else { None };
        let text = self.lines.join("\n");
        for o in csv_objects(cx, &text, header, delimiter(cx))? {
            cx.emit(o)?;
        }
        Ok(())
    }
}

/// The text of a CSV field: `ToString()` of the property value.
fn csv_value(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Double(d) => crate::engine::convert::format_double_roundtrip(*d),
        other => format::object_string(other),
    }
}

/// How fields are quoted (`-UseQuotes`, `-QuoteFields`).
struct Quoting {
    kind: String,
    fields: Vec<String>,
    delim: char,
}

impl Quoting {
    fn from(cx: &Cx) -> Quoting {
        let fields = cx.strings("QuoteFields");
        let kind = if !fields.is_empty() { "Fields".into() } else { cx.string("UseQuotes").unwrap_or_else(|| "Always".into()) };
        Quoting { kind, fields, delim: delimiter(cx) as char }
    }
    fn field(&self, name: &str, text: &str) -> String {
        let quote = match self.kind.to_ascii_lowercase().as_str() {
            "never" => false,
            "asneeded" => text.contains([self.delim, '"', '\n', '\r']),
            "fields" => self.fields.iter().any(|f| f.eq_ignore_ascii_case(name)),
            _ => true,
        };
        if quote { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
    }
}

/// The properties a CSV row takes from an object.
fn csv_properties(v: &Value) -> Vec<(Rc<str>, Value)> {
    match v {
        Value::Str(s) => vec![(Rc::from("Length"), Value::Int(s.encode_utf16().count() as i32))],
        Value::Hashtable(_) => format::all_properties(v),
        _ => format::all_properties(v),
    }
}

/// CSV lines for objects (header from the first object, or from `fixed_header`).
struct CsvWriter {
    header: Option<Vec<Rc<str>>>,
    quoting: Quoting,
    type_info: bool,
    no_header: bool,
}

impl CsvWriter {
    fn new(cx: &Cx, header: Option<Vec<Rc<str>>>) -> CsvWriter {
        CsvWriter { header, quoting: Quoting::from(cx), type_info: cx.switch("IncludeTypeInformation"), no_header: cx.switch("NoHeader") }
    }
    fn lines(&mut self, v: &Value) -> Vec<String> {
        let mut out = Vec::new();
        let props = csv_properties(v);
        if self.header.is_none() {
            if self.type_info {
                let t = match v {
                    Value::Object(o) => o.borrow().type_names[0].to_string(),
                    other => crate::engine::types::type_of(other).full_name(),
                };
                out.push(format!("#TYPE {t}"));
            }
            let names: Vec<Rc<str>> = props.iter().map(|(n, _)| n.clone()).collect();
            if !self.no_header {
                out.push(names.iter().map(|n| self.quoting.field(n, n)).collect::<Vec<_>>().join(&self.quoting.delim.to_string()));
            }
            self.header = Some(names);
        }
        let header = self.header.clone().unwrap_or_default();
        let row: Vec<String> = header
            .iter()
            .map(|h| {
                let val = props.iter().find(|(n, _)| crate::lang::sym::eq_ci(n, h)).map(|x| x.1.clone()).unwrap_or(Value::Null);
                self.quoting.field(h, &csv_value(&val))
            })
            .collect();
        out.push(row.join(&self.quoting.delim.to_string()));
        out
    }
}

#[derive(Default)]
pub struct ConvertToCsv {
    writer: Option<CsvWriter>,
}

impl Cmdlet for ConvertToCsv {
    fn process(&mut self, cx: &mut Cx) -> R {
        let Some(v) = input(cx) else { return Ok(()) };
        let v = format::resolve_script_properties(cx.it, &v);
        let w = self.writer.get_or_insert_with(|| CsvWriter::new(cx, None));
        for l in w.lines(&v) {
            cx.emit(Value::string(l))?;
        }
        Ok(())
    }
}

#[derive(Default)]
pub struct ExportCsv {
    lines: Vec<String>,
    writer: Option<CsvWriter>,
    path: Option<std::path::PathBuf>,
    started: bool,
}

impl Cmdlet for ExportCsv {
    fn process(&mut self, cx: &mut Cx) -> R {
        if !self.started {
            self.started = true;
            let raw = cx.string("Path").or_else(|| cx.string("LiteralPath"));
            let Some(raw) = raw else {
                let rec = cx.error(
                    "System.Management.Automation.PSInvalidOperationException",
                    "Cannot perform operation because a path was not specified. Specify a path using the -Path or -LiteralPath parameter.",
                    "CannotSpecifyPathAndLiteralPath",
                    "InvalidData",
                );
                return Err(cx.terminate(rec));
            };
            self.path = super::files::output_path(cx, &raw, cx.has("LiteralPath"))?;
            // -Append to an existing file keeps its columns.
            if cx.switch("Append") {
                if let Some(p) = &self.path {
                    if let Ok(text) = std::fs::read_to_string(p) {
                        let first = text.lines().find(|l| !l.starts_with("#TYPE")).unwrap_or("");
                        if !first.is_empty() {
                            let delim = delimiter(cx);
                            let mut rdr = csv::ReaderBuilder::new().delimiter(delim).has_headers(false).from_reader(first.as_bytes());
                            if let Some(Ok(rec)) = rdr.records().next() {
                                let names: Vec<Rc<str>> = rec.iter().map(Rc::from).collect();
                                self.writer = Some(CsvWriter::new(cx, Some(names)));
                            }
                        }
                    }
                }
            }
        }
        let Some(v) = input(cx) else { return Ok(()) };
        let v = format::resolve_script_properties(cx.it, &v);
        if let (Some(w), true, false) = (&self.writer, cx.switch("Append"), cx.switch("Force")) {
            // Appending needs every existing column among the object's properties.
            let props = csv_properties(&v);
            if let Some(missing) = w.header.as_ref().and_then(|h| h.iter().find(|c| !props.iter().any(|(n, _)| crate::lang::sym::eq_ci(n, c)))) {
                let file = self.path.as_ref().map(|p| super::files::display(p)).unwrap_or_default();
                let rec = cx.error(
                    "System.InvalidOperationException",
                    format!(
                        "Cannot append CSV content to the following file: {file}. The appended object does not have a property that corresponds to the following column: {missing}. To continue with mismatched properties, add the -Force parameter, and then retry the command."
                    ),
                    "CannotAppendCsvWithMismatchedPropertyNames",
                    "InvalidData",
                )
                .with_target(Value::string(missing.to_string()));
                return Err(cx.terminate(rec));
            }
        }
        let w = self.writer.get_or_insert_with(|| CsvWriter::new(cx, None));
        self.lines.extend(w.lines(&v));
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let Some(path) = self.path.clone() else { return Ok(()) };
        if !cx.should_process(&super::files::display(&path), "Export-Csv") {
            return Ok(());
        }
        let mut text = String::new();
        for l in &self.lines {
            text.push_str(l);
            text.push('\n');
        }
        super::files::write_text_file(cx, &path, &text, cx.switch("Append"), cx.switch("NoClobber"), cx.switch("Force"))
    }
}

// ───────────────────────────── JSON ─────────────────────────────

/// ConvertTo-Json's serializer (pwsh's JsonObject.ConvertToJson over Newtonsoft.Json).
struct JsonWriter {
    depth: usize,
    compress: bool,
    escape: String,
    truncated: bool,
    /// Enum values serialize as their numbers unless -EnumsAsStrings.
    enums_as_strings: bool,
}

impl JsonWriter {
    fn string(&self, s: &str, out: &mut String) {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if (c as u32) < 0x20 || c == '\u{85}' || c == '\u{2028}' || c == '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
                c if self.escape == "escapehtml" && matches!(c, '<' | '>' | '&' | '\'') => out.push_str(&format!("\\u{:04x}", c as u32)),
                c if self.escape == "escapenonascii" && !c.is_ascii() => {
                    let mut buf = [0u16; 2];
                    for u in c.encode_utf16(&mut buf) {
                        out.push_str(&format!("\\u{:04x}", u));
                    }
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }

    fn newline(&self, out: &mut String, indent: usize) {
        if !self.compress {
            out.push('\n');
            out.push_str(&"  ".repeat(indent));
        }
    }

    fn number(d: f64) -> String {
        if d.is_nan() || d.is_infinite() {
            return format!("\"{}\"", crate::engine::convert::format_double_roundtrip(d));
        }
        let s = crate::engine::convert::format_double_roundtrip(d);
        if s.contains(['.', 'E', 'e']) { s } else { format!("{s}.0") }
    }

    /// Members of a value that serializes as a JSON object; None for scalars and arrays.
    fn members(v: &Value) -> Option<Vec<(Rc<str>, Value)>> {
        match v {
            Value::Hashtable(h) => Some(h.borrow().iter().map(|(k, v)| (Rc::from(to_display_string(k).as_str()), v.clone())).collect()),
            Value::Object(o) => {
                let b = o.borrow();
                if let Some(base) = &b.base {
                    let base = base.clone();
                    drop(b);
                    return Self::members(&base);
                }
                Some(format::all_properties(v))
            }
            Value::TimeSpan(_) | Value::Net(_) => Some(format::all_properties(v)),
            Value::SecureString(s) => Some(vec![(Rc::from("Length"), Value::Int(s.chars().count() as i32))]),
            _ => None,
        }
    }

    fn scalar(&self, v: &Value, out: &mut String) -> bool {
        match v {
            Value::Null => out.push_str("null"),
            Value::Bool(b) | Value::Switch(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::Long(i) => out.push_str(&i.to_string()),
            Value::Byte(i) => out.push_str(&i.to_string()),
            Value::Double(d) => out.push_str(&Self::number(*d)),
            Value::Decimal(d) => out.push_str(&crate::engine::convert::format_decimal(*d)),
            Value::Str(s) => self.string(s, out),
            Value::Char(c) => self.string(&c.to_string(), out),
            Value::Guid(g) => self.string(&crate::engine::value::format_guid(g), out),
            Value::DateTime(d) => self.string(&json_datetime(*d), out),
            Value::ScriptBlock(sb) => self.string(sb.body_text(), out),
            Value::Type(t) => self.string(&t.full_name(), out),
            Value::Net(_) if crate::engine::enums::as_enum(v).is_some() => match crate::engine::enums::as_enum(v) {
                Some(e) if self.enums_as_strings => self.string(&e.name, out),
                Some(e) => out.push_str(&e.value.to_string()),
                None => return false,
            },
            _ => return false,
        }
        true
    }

    fn write(&mut self, v: &Value, level: usize, out: &mut String) {
        if self.scalar(v, out) {
            return;
        }
        if let Some(items) = v.enumerate() {
            if level > self.depth {
                self.truncated = true;
                self.string(&format::object_string(v), out);
                return;
            }
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                self.newline(out, level + 1);
                self.write(x, level + 1, out);
            }
            self.newline(out, level);
            out.push(']');
            return;
        }
        let Some(members) = Self::members(v) else {
            self.string(&format::object_string(v), out);
            return;
        };
        if level > self.depth {
            self.truncated = true;
            let s = match v {
                Value::Hashtable(_) => to_display_string(v),
                Value::Object(o) if o.borrow().is_custom() => crate::engine::convert::custom_object_string(&o.borrow()),
                other => format::object_string(other),
            };
            self.string(&s, out);
            return;
        }
        if members.is_empty() {
            out.push_str("{}");
            return;
        }
        out.push('{');
        for (i, (k, x)) in members.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            self.newline(out, level + 1);
            self.string(k, out);
            out.push(':');
            if !self.compress {
                out.push(' ');
            }
            self.write(x, level + 1, out);
        }
        self.newline(out, level);
        out.push('}');
    }
}

/// Newtonsoft's ISO 8601 date: `yyyy-MM-ddTHH:mm:ss.FFFFFFFK` (no trailing zeros, no dot
/// for whole seconds; `Z` for UTC, the offset for local times, nothing when unspecified).
fn json_datetime(d: crate::engine::datetime::DateTime) -> String {
    let mut s = d.to_naive().format("%Y-%m-%dT%H:%M:%S").to_string();
    let frac = d.ticks() % crate::engine::datetime::TICKS_PER_SECOND;
    if frac > 0 {
        let f = format!("{frac:07}");
        s.push('.');
        s.push_str(f.trim_end_matches('0'));
    }
    s.push_str(match d.kind() {
        crate::engine::datetime::DateKind::Utc => "Z",
        crate::engine::datetime::DateKind::Local => "+00:00",
        crate::engine::datetime::DateKind::Unspecified => "",
    });
    s
}

#[derive(Default)]
pub struct ConvertToJson {
    items: Vec<Value>,
}

impl Cmdlet for ConvertToJson {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = cx.get("InputObject").cloned() {
            self.items.push(format::resolve_script_properties(cx.it, &v));
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let depth = cx.int("Depth").unwrap_or(2).max(0) as usize;
        if depth > 100 {
            let rec = cx.error(
                "System.Management.Automation.ParameterBindingValidationException",
                "Cannot validate argument on parameter 'Depth'. The 101 argument is greater than the maximum allowed range of 100. Supply an argument that is less than or equal to 100 and then try the command again.",
                "ParameterArgumentValidationError",
                "InvalidData",
            );
            return Err(cx.terminate(rec));
        }
        if self.items.is_empty() {
            return Ok(());
        }
        let value = if self.items.len() == 1 && !cx.switch("AsArray") {
            self.items[0].clone()
        } else if self.items.len() == 1 {
            match &self.items[0] {
                v @ (Value::Array(_) | Value::List(_)) => v.clone(),
                v => Value::array(vec![v.clone()]),
            }
        } else {
            Value::array(std::mem::take(&mut self.items))
        };
        let mut w = JsonWriter {
            depth,
            compress: cx.switch("Compress"),
            escape: cx.string("EscapeHandling").unwrap_or_default().to_ascii_lowercase(),
            truncated: false,
            enums_as_strings: cx.switch("EnumsAsStrings"),
        };
        let mut out = String::new();
        w.write(&value, 0, &mut out);
        if w.truncated {
            cx.warning(&format!("Resulting JSON is truncated as serialization has exceeded the set depth of {depth}."))?;
        }
        cx.emit(Value::string(out))
    }
}

#[derive(Default)]
pub struct ConvertFromJson {
    buffer: Vec<String>,
}

/// Strings Newtonsoft reads as dates (ISO 8601 round-trip forms).
fn json_date(s: &str) -> Option<crate::engine::datetime::DateTime> {
    let b = s.as_bytes();
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
        let utc = d.naive_utc();
        let kind = if s.ends_with('Z') { crate::engine::datetime::DateKind::Utc } else { crate::engine::datetime::DateKind::Local };
        return Some(crate::engine::datetime::DateTime::from_naive(utc, kind));
    }
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .map(|n| crate::engine::datetime::DateTime::from_naive(n, crate::engine::datetime::DateKind::Unspecified))
}

impl ConvertFromJson {
    fn convert(&self, cx: &mut Cx, j: &serde_json::Value, as_hashtable: bool, depth: usize, max: usize) -> R<Value> {
        if depth > max {
            let rec = cx.error(
                "System.ArgumentException",
                format!("Conversion from JSON failed with error: The reader's MaxDepth of {max} has been exceeded."),
                "System.ArgumentException",
                "NotSpecified",
            );
            return Err(cx.terminate(rec));
        }
        Ok(match j {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => {
                // Newtonsoft reads JSON integers as Int64 (BigInteger beyond; here a double).
                if let Some(i) = n.as_i64() {
                    Value::Long(i)
                } else if let Some(u) = n.as_u64() {
                    Value::Double(u as f64)
                } else {
                    Value::Double(n.as_f64().unwrap_or(0.0))
                }
            }
            serde_json::Value::String(s) => match json_date(s) {
                Some(d) => Value::DateTime(d),
                None => Value::str(s),
            },
            serde_json::Value::Array(a) => {
                let mut out = Vec::with_capacity(a.len());
                for x in a {
                    out.push(self.convert(cx, x, as_hashtable, depth + 1, max)?);
                }
                Value::array(out)
            }
            serde_json::Value::Object(m) => {
                if as_hashtable {
                    let mut h = Hashtable::new();
                    h.ordered = true;
                    for (k, v) in m {
                        let val = self.convert(cx, v, as_hashtable, depth + 1, max)?;
                        h.map.insert(crate::engine::value::HashKey::Str(crate::engine::value::CiStr(Rc::from(k.as_str()))), (Value::str(k), val));
                    }
                    return Ok(Value::Hashtable(Rc::new(RefCell::new(h))));
                }
                let mut o = PsObject::new();
                for (k, v) in m {
                    if k.is_empty() {
                        let rec = cx.error(
                            "System.InvalidOperationException",
                            "The provided JSON includes a property whose name is an empty string, this is only supported using the -AsHashTable switch.",
                            "EmptyKeyInJsonString",
                            "InvalidOperation",
                        );
                        return Err(cx.terminate(rec));
                    }
                    if let Some(existing) = o.get(k) {
                        let rec = cx.error(
                            "System.InvalidOperationException",
                            format!(
                                "Cannot convert the JSON string because it contains keys with different casing. Please use the -AsHashTable switch instead. The key that was attempted to be added to the existing key '{}' was '{k}'.",
                                existing.name
                            ),
                            "DuplicateKeysInJsonString",
                            "InvalidOperation",
                        );
                        return Err(cx.terminate(rec));
                    }
                    let val = self.convert(cx, v, as_hashtable, depth + 1, max)?;
                    o.set(k, val);
                }
                o.into_value()
            }
        })
    }

    /// Convert one JSON text; Ok(false) when it does not parse.
    fn text(&self, cx: &mut Cx, text: &str, report: bool) -> R<bool> {
        let parsed: Result<serde_json::Value, serde_json::Error> = serde_json::from_str(text);
        let j = match parsed {
            Ok(j) => j,
            Err(e) => {
                if !report {
                    return Ok(false);
                }
                if text.trim().is_empty() {
                    return Ok(true);
                }
                let rec = cx
                    .error(
                        "System.ArgumentException",
                        format!("Conversion from JSON failed with error: {}", json_error_text(&e)),
                        "System.ArgumentException",
                        "NotSpecified",
                    )
                    .with_target(Value::str(text));
                return Err(cx.terminate(rec));
            }
        };
        let max = cx.int("Depth").unwrap_or(1024).max(0) as usize;
        let v = self.convert(cx, &j, cx.switch("AsHashtable"), 0, max)?;
        if cx.switch("NoEnumerate") {
            cx.emit(v)?
        } else {
            cx.emit_all(v)?
        }
        Ok(true)
    }
}

fn json_error_text(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        serde_json::error::Category::Eof => "Unexpected end when reading JSON.".to_string(),
        _ => {
            let s = e.to_string();
            let s = s.split(" at line").next().unwrap_or(&s).to_string();
            let mut c = s.chars();
            match c.next() {
                Some(f) => format!("{}{}.", f.to_uppercase(), c.as_str()),
                None => s,
            }
        }
    };
    format!("{what} Path '', line {}, position {}.", e.line(), e.column())
}

impl Cmdlet for ConvertFromJson {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = cx.get("InputObject") {
            if !v.is_null() {
                self.buffer.push(to_display_string(v));
            }
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let buf = std::mem::take(&mut self.buffer);
        match buf.len() {
            0 => Ok(()),
            1 => self.text(cx, &buf[0], true).map(|_| ()),
            _ => {
                if self.text(cx, &buf[0], false)? {
                    for t in &buf[1..] {
                        self.text(cx, t, true)?;
                    }
                    Ok(())
                } else {
                    self.text(cx, &buf.join("\n"), true).map(|_| ())
                }
            }
        }
    }
}
