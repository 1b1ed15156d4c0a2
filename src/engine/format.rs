//! Out-Default: pwsh's default formatting of output objects.
//!
//! One document per Out-Default (a whole script, or one REPL line). Scalars are written where
//! they occur ("out-of-band"). The first structured object fixes the view: a table (≤ 4
//! properties) whose columns come from that first object and whose widths come from all rows,
//! or a list (≥ 5 properties). Table output is held until the document ends — pwsh waits up to
//! 300 ms to size columns, which is all of a fast script — so `Write-Host` text can appear
//! before a table, exactly as in pwsh. See notes in README ("Formatting").

use std::rc::Rc;

use crate::engine::convert::{format_double, to_display_string};
use crate::engine::value::{PsObject, Value};

/// Layout width: pwsh uses the console width - 1, and 80 - 1 when stdout is not a terminal.
pub fn layout_width() -> usize {
    crate::engine::display::terminal_width().map(|w| w.saturating_sub(1)).unwrap_or(79)
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Align {
    Left,
    Right,
}

#[derive(Debug)]
enum Doc {
    None,
    /// Property table: column labels, alignment, fixed widths (0 = auto).
    Table {
        cols: Vec<Rc<str>>,
        align: Vec<Align>,
        fixed: Vec<usize>,
        registered: Option<&'static str>,
    },
    List,
    /// DateTime's custom view.
    Custom,
}

#[derive(Debug)]
enum Packet {
    Line(String),
    Row(Vec<String>),
}

pub struct OutDefault {
    pub width: usize,
    doc: Doc,
    queue: Vec<Packet>,
    /// Text ready to be written (drained by the caller).
    pending: String,
}

/// Default scalar types are written raw, outside any table or list.
fn is_scalar(v: &Value) -> bool {
    matches!(
        v,
        Value::Str(_)
            | Value::Int(_)
            | Value::Long(_)
            | Value::Double(_)
            | Value::Decimal(_)
            | Value::Byte(_)
            | Value::Bool(_)
            | Value::Char(_)
            | Value::SecureString(_)
            | Value::Switch(_)
    )
}

/// The properties shown for an object: its display set, else all of them (at most 10 in tables).
pub fn display_properties(v: &Value) -> Vec<(Rc<str>, Value)> {
    match v {
        Value::Object(o) => {
            let o = o.borrow();
            match &o.display {
                Some(names) => names.iter().map(|n| (n.clone(), o.get_value(n).unwrap_or(Value::Null))).collect(),
                None => o.props.values().map(|p| (p.name.clone(), p.value.clone())).collect(),
            }
        }
        Value::Net(n) => n
            .property_names()
            .into_iter()
            .map(|p| {
                let val = n.get_property(&p).unwrap_or(Value::Null);
                (p, val)
            })
            .collect(),
        Value::TimeSpan(t) => timespan_props(*t),
        Value::ScriptBlock(sb) => vec![
            (Rc::from("Attributes"), Value::array(vec![])),
            (Rc::from("File"), Value::Null),
            (Rc::from("IsFilter"), Value::Bool(false)),
            (Rc::from("IsConfiguration"), Value::Bool(false)),
            (Rc::from("Module"), Value::Null),
            (Rc::from("StartPosition"), Value::Null),
            (Rc::from("DebuggerHidden"), Value::Bool(false)),
            (Rc::from("Id"), Value::Null),
            (Rc::from("Ast"), Value::str(sb.text())),
        ],
        Value::Type(t) => vec![
            (Rc::from("IsPublic"), Value::Bool(true)),
            (Rc::from("IsSerial"), Value::Bool(true)),
            (Rc::from("Name"), Value::string(t.name())),
            (Rc::from("BaseType"), Value::str("System.Object")),
        ],
        _ => Vec::new(),
    }
}

fn property_of(v: &Value, name: &str) -> Value {
    match v {
        Value::Object(o) => o.borrow().get_value(name).unwrap_or(Value::Null),
        Value::Net(n) => n.get_property(name).unwrap_or(Value::Null),
        Value::Hashtable(h) => h.borrow().get_str(name).cloned().unwrap_or(Value::Null),
        other => crate::engine::dotnet::intrinsic_property(other, name).unwrap_or(Value::Null),
    }
}

fn timespan_props(t: i64) -> Vec<(Rc<str>, Value)> {
    use crate::engine::datetime::{TICKS_PER_DAY, TICKS_PER_MS, TICKS_PER_SECOND};
    let td = t as f64;
    vec![
        (Rc::from("Days"), Value::Int((t / TICKS_PER_DAY) as i32)),
        (Rc::from("Hours"), Value::Int(((t / (3600 * TICKS_PER_SECOND)) % 24) as i32)),
        (Rc::from("Minutes"), Value::Int(((t / (60 * TICKS_PER_SECOND)) % 60) as i32)),
        (Rc::from("Seconds"), Value::Int(((t / TICKS_PER_SECOND) % 60) as i32)),
        (Rc::from("Milliseconds"), Value::Int(((t / TICKS_PER_MS) % 1000) as i32)),
        (Rc::from("Ticks"), Value::Long(t)),
        (Rc::from("TotalDays"), Value::Double(td / TICKS_PER_DAY as f64)),
        (Rc::from("TotalHours"), Value::Double(td / (3600 * TICKS_PER_SECOND) as f64)),
        (Rc::from("TotalMinutes"), Value::Double(td / (60 * TICKS_PER_SECOND) as f64)),
        (Rc::from("TotalSeconds"), Value::Double(td / TICKS_PER_SECOND as f64)),
        (Rc::from("TotalMilliseconds"), Value::Double(td / TICKS_PER_MS as f64)),
    ]
}

/// GetObjectName for items inside `{a, b}` cells.
fn object_name(v: &Value) -> String {
    match v {
        Value::Null => "$null".into(),
        Value::Object(o) => {
            let o = o.borrow();
            if o.is_custom() {
                return crate::engine::convert::custom_object_string(&o);
            }
            for n in ["Name", "Id", "Key"] {
                if let Some(p) = o.get(n) {
                    return to_display_string(&p.value);
                }
            }
            to_display_string(&Value::Object(Rc::new(std::cell::RefCell::new(o.clone()))))
        }
        other => cell_scalar(other, false),
    }
}

/// Number of items shown inside `{…}` ($FormatEnumerationLimit).
const ENUMERATION_LIMIT: usize = 4;

fn enumerable_cell(items: &[Value]) -> String {
    let mut s = String::from("{");
    for (i, x) in items.iter().take(ENUMERATION_LIMIT).enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&object_name(x));
    }
    if items.len() > ENUMERATION_LIMIT {
        s.push('…');
    }
    s.push('}');
    s
}

/// en-US "G" date format used in table cells and lists.
pub fn datetime_general(d: crate::engine::datetime::DateTime) -> String {
    d.to_naive().format("%-m/%-d/%Y %-I:%M:%S %p").to_string()
}

/// The long form Out-Default prints for a DateTime (en-US).
pub fn datetime_long(d: crate::engine::datetime::DateTime) -> String {
    d.to_naive().format("%A, %B %-d, %Y %-I:%M:%S %p").to_string()
}

fn cell_scalar(v: &Value, table: bool) -> String {
    match v {
        Value::Null => String::new(),
        Value::Double(d) | Value::Decimal(d) if table => format!("{d:.2}"),
        Value::Double(d) => format_double(*d),
        Value::DateTime(d) => datetime_general(*d),
        other => to_display_string(other),
    }
}

/// FormatField: how a property value appears in a table cell or list entry.
pub fn field_string(v: &Value, table: bool) -> String {
    match v {
        Value::Array(_) | Value::List(_) | Value::Bytes(_) => enumerable_cell(&v.enumerate().unwrap_or_default()),
        Value::Hashtable(h) => enumerable_cell(&h.borrow().keys()),
        other => cell_scalar(other, table),
    }
}

fn display_len(s: &str) -> usize {
    let mut n = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        n += if is_wide(c) { 2 } else { 1 };
    }
    n
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x20000..=0x3FFFD)
}

fn take_cells(s: &str, n: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = if is_wide(c) { 2 } else { 1 };
        if used + w > n {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

fn take_last_cells(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut used = 0;
    let mut start = chars.len();
    while start > 0 {
        let w = if is_wide(chars[start - 1]) { 2 } else { 1 };
        if used + w > n {
            break;
        }
        used += w;
        start -= 1;
    }
    chars[start..].iter().collect()
}

fn field(value: &str, width: usize, align: Align, pad: bool) -> String {
    let mut s = value.to_string();
    if let Some(i) = s.find(['\n', '\r']) {
        s.truncate(i);
        s.push('…');
    }
    let len = display_len(&s);
    if len < width {
        match align {
            Align::Right => format!("{}{}", " ".repeat(width - len), s),
            Align::Left => {
                if pad {
                    format!("{}{}", s, " ".repeat(width - len))
                } else {
                    s
                }
            }
        }
    } else if len > width {
        if width > 1 {
            match align {
                Align::Left => format!("{}…", take_cells(&s, width - 1)),
                Align::Right => format!("…{}", take_last_cells(&s, width - 1)),
            }
        } else {
            take_cells(&s, width)
        }
    } else {
        s
    }
}

fn align_for(v: &Value) -> Align {
    match v {
        Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Decimal(_) | Value::Byte(_) | Value::Bool(_) | Value::Char(_) | Value::Switch(_) => {
            Align::Right
        }
        _ => Align::Left,
    }
}

impl OutDefault {
    pub fn new(width: usize) -> OutDefault {
        OutDefault { width, doc: Doc::None, queue: Vec::new(), pending: String::new() }
    }

    /// Take the text produced so far.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.pending)
    }

    fn emit_line(&mut self, s: &str) {
        if matches!(self.doc, Doc::Table { .. }) {
            self.queue.push(Packet::Line(s.to_string()));
        } else {
            self.pending.push_str(s);
            self.pending.push('\n');
        }
    }

    /// Format one object from the success stream.
    pub fn push(&mut self, v: &Value) {
        match v {
            Value::Null => {}
            Value::Array(_) | Value::List(_) | Value::Bytes(_) => {
                for x in v.enumerate().unwrap_or_default() {
                    self.push_one(&x);
                }
            }
            Value::Hashtable(h) => {
                let entries: Vec<(Value, Value)> = h.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                for (k, val) in entries {
                    self.push_entry(k, val);
                }
            }
            other => self.push_one(other),
        }
    }

    fn push_entry(&mut self, k: Value, v: Value) {
        match &self.doc {
            Doc::Table { registered: Some("DictionaryEntry"), .. } => {}
            Doc::None => {
                self.pending.push('\n');
                self.doc = Doc::Table {
                    cols: vec![Rc::from("Name"), Rc::from("Value")],
                    align: vec![Align::Left, Align::Left],
                    fixed: vec![30, 0],
                    registered: Some("DictionaryEntry"),
                };
            }
            Doc::Table { registered: None, cols, .. } => {
                let cols = cols.clone();
                let row = cols
                    .iter()
                    .map(|c| {
                        if crate::lang::sym::eq_ci(c, "Name") || crate::lang::sym::eq_ci(c, "Key") {
                            field_string(&k, true)
                        } else if crate::lang::sym::eq_ci(c, "Value") {
                            field_string(&v, true)
                        } else {
                            String::new()
                        }
                    })
                    .collect();
                self.queue.push(Packet::Row(row));
                return;
            }
            _ => {
                let mut o = PsObject::typed("System.Collections.DictionaryEntry");
                o.set("Name", k.clone());
                o.set("Key", k);
                o.set("Value", v);
                self.out_of_band_list(&o.into_value());
                return;
            }
        }
        self.queue.push(Packet::Row(vec![field_string(&k, true), field_string(&v, true)]));
    }

    fn push_one(&mut self, v: &Value) {
        if is_scalar(v) {
            let s = match v {
                Value::Double(d) => format_double(*d),
                other => to_display_string(other),
            };
            self.emit_line(&s);
            return;
        }
        if let Value::Net(n) = v {
            if n.type_name() == "System.Management.Automation.ErrorRecord" {
                if let Some(r) = n.as_any().downcast_ref::<crate::engine::error::ErrorRecordObject>() {
                    let text = crate::engine::display::render_error(&r.0, false);
                    for l in text.lines() {
                        self.emit_line(l);
                    }
                    return;
                }
            }
        }
        if let Value::Hashtable(_) = v {
            self.push(v);
            return;
        }
        match &self.doc {
            Doc::None => self.start_document(v),
            Doc::Table { registered: None, .. } => {}
            Doc::Table { registered: Some(kind), .. } => {
                let applicable = match *kind {
                    "Guid" => matches!(v, Value::Guid(_)),
                    _ => false,
                };
                if !applicable {
                    self.out_of_band_list(v);
                    return;
                }
            }
            Doc::List => {
                self.write_list_entry(v);
                return;
            }
            Doc::Custom => {
                if let Value::DateTime(d) = v {
                    let s = datetime_long(*d);
                    self.emit_line(&s);
                } else {
                    self.out_of_band_list(v);
                }
                return;
            }
        }
        match &self.doc {
            Doc::Table { cols, registered, .. } => {
                let row: Vec<String> = match registered {
                    Some("Guid") => vec![to_display_string(v)],
                    _ => cols.iter().map(|c| field_string(&property_of(v, c), true)).collect(),
                };
                self.queue.push(Packet::Row(row));
            }
            Doc::List => self.write_list_entry(v),
            Doc::Custom => {
                if let Value::DateTime(d) = v {
                    let s = datetime_long(*d);
                    self.emit_line(&s);
                }
            }
            Doc::None => {}
        }
    }

    fn start_document(&mut self, v: &Value) {
        self.pending.push('\n');
        match v {
            Value::DateTime(_) => {
                self.doc = Doc::Custom;
                return;
            }
            Value::Guid(_) => {
                self.doc = Doc::Table { cols: vec![Rc::from("Guid")], align: vec![Align::Left], fixed: vec![0], registered: Some("Guid") };
                return;
            }
            Value::TimeSpan(_) => {
                self.doc = Doc::List;
                return;
            }
            _ => {}
        }
        let props = display_properties(v);
        if props.is_empty() {
            // No properties: its ToString() on a line of its own.
            self.doc = Doc::List;
            return;
        }
        if props.len() <= 4 {
            let props: Vec<(Rc<str>, Value)> = props.into_iter().take(10).collect();
            self.doc = Doc::Table {
                cols: props.iter().map(|(n, _)| n.clone()).collect(),
                align: props.iter().map(|(_, v)| align_for(v)).collect(),
                fixed: vec![0; props.len()],
                registered: None,
            };
        } else {
            self.doc = Doc::List;
        }
    }

    fn list_text(&self, v: &Value) -> String {
        let props = display_properties(v);
        if props.is_empty() {
            return format!("{}\n", to_display_string(v));
        }
        let max_label = props.iter().map(|(n, _)| display_len(n)).max().unwrap_or(0).min(self.width.saturating_sub(4));
        let value_width = self.width.saturating_sub(max_label + 3).max(1);
        let mut out = String::new();
        for (name, val) in &props {
            let label = field(name, max_label, Align::Left, true);
            let text = field_string(val, false);
            let mut lines: Vec<String> = Vec::new();
            for raw in text.split('\n') {
                let raw = raw.trim_end_matches('\r');
                lines.extend(word_wrap(raw, value_width));
            }
            if lines.is_empty() {
                lines.push(String::new());
            }
            out.push_str(&label);
            out.push_str(" : ");
            out.push_str(&lines[0]);
            out.push('\n');
            for l in &lines[1..] {
                out.push_str(&" ".repeat(max_label + 3));
                out.push_str(l);
                out.push('\n');
            }
        }
        out.push('\n');
        out
    }

    fn write_list_entry(&mut self, v: &Value) {
        let t = self.list_text(v);
        self.pending.push_str(&t);
    }

    fn out_of_band_list(&mut self, v: &Value) {
        let t = format!("\n{}", self.list_text(v));
        if matches!(self.doc, Doc::Table { .. }) {
            for l in t.trim_end_matches('\n').split('\n') {
                self.queue.push(Packet::Line(l.to_string()));
            }
            self.queue.push(Packet::Line(String::new()));
        } else {
            self.pending.push_str(&t);
        }
    }

    /// End of the document: size and print a pending table, then the closing blank line.
    pub fn end(&mut self) {
        match std::mem::replace(&mut self.doc, Doc::None) {
            Doc::Table { cols, align, fixed, .. } => {
                let rows: Vec<&Vec<String>> = self.queue.iter().filter_map(|p| if let Packet::Row(r) = p { Some(r) } else { None }).collect();
                let mut widths: Vec<usize> = Vec::with_capacity(cols.len());
                let auto = fixed.iter().all(|w| *w == 0);
                for (k, c) in cols.iter().enumerate() {
                    if !auto {
                        widths.push(fixed[k]);
                        continue;
                    }
                    let mut w = display_len(c);
                    for r in &rows {
                        if let Some(cell) = r.get(k) {
                            w = w.max(display_len(cell));
                        }
                    }
                    widths.push(w);
                }
                let w_total = self.width;
                if !auto {
                    for w in widths.iter_mut() {
                        if *w == 0 {
                            *w = 1;
                        }
                    }
                    let used: usize = widths.iter().sum::<usize>() + widths.len().saturating_sub(1);
                    if used < w_total {
                        let spare = w_total - used;
                        let free: Vec<usize> = (0..cols.len()).filter(|k| fixed[*k] == 0).collect();
                        if !free.is_empty() {
                            for i in 0..spare {
                                widths[free[i % free.len()]] += 1;
                            }
                        }
                    }
                }
                trim_to_fit(&mut widths, w_total);
                let n = cols.len();
                let mut header = String::new();
                let mut dashes = String::new();
                let mut first = true;
                for k in 0..n {
                    if widths[k] == 0 {
                        continue;
                    }
                    if !first {
                        header.push(' ');
                        dashes.push(' ');
                    }
                    first = false;
                    let pad = k != n - 1;
                    header.push_str(&field(&cols[k], widths[k], align[k], pad));
                    let d = "-".repeat(widths[k].min(display_len(&cols[k])));
                    dashes.push_str(&field(&d, widths[k], align[k], pad));
                }
                self.pending.push_str(&header);
                self.pending.push('\n');
                self.pending.push_str(&dashes);
                self.pending.push('\n');
                for p in std::mem::take(&mut self.queue) {
                    match p {
                        Packet::Line(l) => {
                            self.pending.push_str(&l);
                            self.pending.push('\n');
                        }
                        Packet::Row(r) => {
                            let mut line = String::new();
                            let mut first = true;
                            for k in 0..n {
                                if widths[k] == 0 {
                                    continue;
                                }
                                if !first {
                                    line.push(' ');
                                }
                                first = false;
                                line.push_str(&field(r.get(k).map(|s| s.as_str()).unwrap_or(""), widths[k], align[k], k != n - 1));
                            }
                            self.pending.push_str(&line);
                            self.pending.push('\n');
                        }
                    }
                }
                self.pending.push('\n');
            }
            Doc::Custom => self.pending.push('\n'),
            Doc::List | Doc::None => {}
        }
        self.queue.clear();
    }
}

fn trim_to_fit(widths: &mut [usize], total: usize) {
    loop {
        let visible: Vec<usize> = (0..widths.len()).filter(|k| widths[*k] > 0).collect();
        if visible.is_empty() {
            return;
        }
        let used: usize = visible.iter().map(|k| widths[*k]).sum::<usize>() + visible.len() - 1;
        if used <= total {
            return;
        }
        let excess = used - total;
        let last = *visible.last().unwrap_or(&0);
        if widths[last] > excess {
            widths[last] -= excess;
        } else {
            widths[last] = 0;
        }
    }
}

fn word_wrap(text: &str, width: usize) -> Vec<String> {
    if display_len(text) <= width {
        return vec![text.to_string()];
    }
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_inclusive(' ') {
        if display_len(&cur) + display_len(word) > width && !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        let mut w = word.to_string();
        while display_len(&w) > width {
            let head = take_cells(&w, width);
            w = w[head.len()..].to_string();
            lines.push(head);
        }
        cur.push_str(&w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Out-File / `> file`: objects rendered the way the console would show them.
pub fn format_for_file(v: &Value) -> String {
    let mut f = OutDefault::new(79);
    f.push(v);
    f.end();
    f.take()
}

/// Out-String / Format-Table | Out-String: format a batch of objects as one document.
pub fn format_values(values: &[Value], width: usize) -> String {
    let mut f = OutDefault::new(width);
    for v in values {
        f.push(v);
    }
    f.end();
    f.take()
}

/// A Format-Table column: a property name, or a label with a calculated expression.
pub type Column = (Rc<str>, Option<Rc<crate::lang::ast::ScriptBlock>>);

/// Format-Table with explicit columns (and -AutoSize, always: we have all rows).
pub fn format_table(
    values: &[Value],
    columns: Option<&[Column]>,
    hide_headers: bool,
    width: usize,
    eval: &mut dyn FnMut(&Rc<crate::lang::ast::ScriptBlock>, &Value) -> Value,
) -> String {
    let cols: Vec<Column> = match columns {
        Some(c) => c.to_vec(),
        None => match values.iter().find(|v| !v.is_null()) {
            Some(first) if is_scalar(first) => return values.iter().map(|v| format!("{}\n", to_display_string(v))).collect(),
            Some(first @ Value::Hashtable(_)) => {
                let _ = first;
                vec![(Rc::from("Name"), None), (Rc::from("Value"), None)]
            }
            Some(first) => display_properties(first).into_iter().map(|(n, _)| (n, None)).collect(),
            None => return String::new(),
        },
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut aligns: Vec<Align> = vec![Align::Left; cols.len()];
    let mut expanded: Vec<Value> = Vec::new();
    for v in values {
        match v {
            Value::Hashtable(h) => {
                for (k, val) in h.borrow().iter() {
                    let mut o = PsObject::typed("System.Collections.DictionaryEntry");
                    o.set("Name", k.clone());
                    o.set("Value", val.clone());
                    expanded.push(o.into_value());
                }
            }
            other => expanded.push(other.clone()),
        }
    }
    for (i, v) in expanded.iter().enumerate() {
        let mut row = Vec::new();
        for (k, (name, sb)) in cols.iter().enumerate() {
            let val = match sb {
                Some(sb) => eval(sb, v),
                None => property_of(v, name),
            };
            if i == 0 {
                aligns[k] = align_for(&val);
            }
            row.push(field_string(&val, true));
        }
        rows.push(row);
    }
    let mut widths: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(k, (n, _))| rows.iter().map(|r| display_len(&r[k])).max().unwrap_or(0).max(if hide_headers { 0 } else { display_len(n) }))
        .collect();
    trim_to_fit(&mut widths, width);
    let n = cols.len();
    let mut out = String::from("\n");
    if !hide_headers {
        let mut header = String::new();
        let mut dashes = String::new();
        for k in 0..n {
            if widths[k] == 0 {
                continue;
            }
            if k > 0 {
                header.push(' ');
                dashes.push(' ');
            }
            header.push_str(&field(&cols[k].0, widths[k], aligns[k], k != n - 1));
            dashes.push_str(&field(&"-".repeat(widths[k].min(display_len(&cols[k].0))), widths[k], aligns[k], k != n - 1));
        }
        out.push_str(&header);
        out.push('\n');
        out.push_str(&dashes);
        out.push('\n');
    }
    for r in rows {
        let mut line = String::new();
        for k in 0..n {
            if widths[k] == 0 {
                continue;
            }
            if k > 0 {
                line.push(' ');
            }
            line.push_str(&field(&r[k], widths[k], aligns[k], k != n - 1));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    out
}

/// Format-List with explicit properties (`*` = all).
pub fn format_list(values: &[Value], properties: Option<&[Rc<str>]>, width: usize) -> String {
    let mut out = String::from("\n");
    for v in values {
        let props: Vec<(Rc<str>, Value)> = match properties {
            Some(ps) if !(ps.len() == 1 && &*ps[0] == "*") => ps.iter().map(|p| (p.clone(), property_of(v, p))).collect(),
            Some(_) => match v {
                Value::Object(o) => o.borrow().props.values().map(|p| (p.name.clone(), p.value.clone())).collect(),
                other => display_properties(other),
            },
            None => display_properties(v),
        };
        if props.is_empty() {
            out.push_str(&format!("{}\n\n", to_display_string(v)));
            continue;
        }
        let mut o = PsObject::new();
        for (n, val) in props {
            o.set_rc(n, val);
        }
        let f = OutDefault::new(width);
        out.push_str(&f.list_text(&o.into_value()));
    }
    out
}
