//! Out-Default: pwsh's default formatting of output objects (docs/pwsh-formatting.md §2–§4).
//!
//! One document per Out-Default (a whole script, or one REPL line). Scalars, error records and
//! objects without properties are written where they occur ("out-of-band"). The first
//! structured object fixes the view for the whole document:
//! * a registered view for its type (see [`register_table_view`], [`register_list_view`] and
//!   the built-in views: hashtable entries, DateTime, TimeSpan, Guid, …) — later objects of
//!   other types are then written out-of-band as lists;
//! * otherwise a property-based view from its default display property set
//!   ([`register_display`], `PsObject.display`) or all its properties: a table for up to 4
//!   properties, a list for 5 or more. Every later object becomes a row (evaluated against the
//!   first object's columns) or a list entry (with its own properties).
//!
//! Table output is held until the table's group ends — pwsh caches rows for 300 ms to size
//! the columns, which is all of a fast script — so host text (`Write-Host`, warnings) can
//! appear before a table, exactly as in pwsh. Errors go through the same queue, in order.
//!
//! Format-Table / Format-List produce [`FormatData`] objects: the shaped rows, rendered by
//! whichever outputter receives them (Out-Default, Out-String, Out-File) at its own width.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::engine::convert::{format_decimal, format_double, to_display_string};
use crate::engine::value::{NetObject, PsObject, Value};
use crate::lang::sym::eq_ci;

/// Layout width: pwsh uses the console width - 1, and 80 - 1 when stdout is not a terminal.
pub fn layout_width() -> usize {
    crate::engine::display::terminal_width().map(|w| w.saturating_sub(1)).unwrap_or(79)
}

/// `$FormatEnumerationLimit`'s default: items shown inside `{…}`.
pub const ENUMERATION_LIMIT: usize = 4;

thread_local! {
    static ENUM_LIMIT: std::cell::Cell<i64> = const { std::cell::Cell::new(ENUMERATION_LIMIT as i64) };
}

/// Take `$FormatEnumerationLimit` from the session before formatting (negative = unlimited).
pub fn sync_enumeration_limit(it: &crate::engine::interp::Interp) {
    let n = it
        .get_var_str("FormatEnumerationLimit")
        .and_then(|v| crate::engine::convert::to_num(&v))
        .map(|n| n.to_f64() as i64)
        .unwrap_or(ENUMERATION_LIMIT as i64);
    ENUM_LIMIT.with(|c| c.set(n));
}

/// Table width used by Out-String / Out-File without `-Width` (OutInner DefaultConsoleWidth:
/// `Console.WindowWidth` is 0 when stdout is not a terminal).
pub const UNBOUNDED_TABLE_WIDTH: usize = 120;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

// ───────────────────────────── view registry ─────────────────────────────

/// One column of a registered table view.
#[derive(Clone, Debug)]
pub struct ViewColumn {
    pub label: Rc<str>,
    /// The property shown (may differ from the label).
    pub property: Rc<str>,
    /// Fixed width, 0 = sized from the data.
    pub width: usize,
    /// `None`: left (pwsh's default for view columns).
    pub align: Option<Align>,
}

/// A registered format view (the format.ps1xml view of a type).
#[derive(Clone, Debug)]
pub enum View {
    Table {
        columns: Rc<[ViewColumn]>,
        /// Rows are grouped by this property; the label shown before each group.
        group_by: Option<(Rc<str>, Rc<str>)>,
        autosize: bool,
    },
    List(Rc<[Rc<str>]>),
    /// A custom view: the object's text (DateTime's `DateTime` property, help text), between
    /// the document's blank lines.
    Custom,
}

#[derive(Clone, Default)]
struct Registration {
    display: Option<Rc<[Rc<str>]>>,
    view: Option<View>,
}

thread_local! {
    static REGISTRY: RefCell<Option<HashMap<String, Registration>>> = const { RefCell::new(None) };
}

fn with_registry<T>(f: impl FnOnce(&mut HashMap<String, Registration>) -> T) -> T {
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let map = r.get_or_insert_with(builtin_views);
        f(map)
    })
}

fn col(label: &str, property: &str, width: usize, align: Option<Align>) -> ViewColumn {
    ViewColumn { label: Rc::from(label), property: Rc::from(property), width, align }
}

fn table(cols: Vec<ViewColumn>) -> View {
    View::Table { columns: Rc::from(cols), group_by: None, autosize: false }
}

/// The views pwsh ships for the types tenantsim's core cmdlets output
/// (DotNetTypes / PowerShellCore / FileSystem format.ps1xml).
fn builtin_views() -> HashMap<String, Registration> {
    let mut m: HashMap<String, Registration> = HashMap::new();
    let mut put = |t: &str, v: View| {
        m.insert(t.to_ascii_lowercase(), Registration { display: None, view: Some(v) });
    };
    put("System.Collections.DictionaryEntry", table(vec![col("Name", "Name", 30, None), col("Value", "Value", 0, None)]));
    put("System.Management.Automation.PSVariable", table(vec![col("Name", "Name", 30, None), col("Value", "Value", 0, None)]));
    put("System.Guid", table(vec![col("Guid", "Guid", 0, None)]));
    put("System.DateTime", View::Custom);
    put("MamlCommandHelpInfo", View::Custom);
    put(
        "HelpInfoShort",
        table(vec![
            col("Name", "Name", 33, None),
            col("Category", "Category", 9, None),
            col("Module", "Module", 25, None),
            col("Synopsis", "Synopsis", 0, None),
        ]),
    );
    put(
        "System.TimeSpan",
        View::List(Rc::from(
            ["Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays", "TotalHours", "TotalMinutes", "TotalSeconds", "TotalMilliseconds"]
                .iter()
                .map(|s| Rc::from(*s))
                .collect::<Vec<Rc<str>>>(),
        )),
    );
    put(
        "System.RuntimeType",
        table(vec![
            col("IsPublic", "IsPublic", 8, None),
            col("IsSerial", "IsSerial", 8, None),
            col("Name", "Name", 40, None),
            col("BaseType", "BaseType", 0, None),
        ]),
    );
    put("System.Management.Automation.PathInfo", table(vec![col("Path", "Path", 0, None)]));
    put(
        "Microsoft.PowerShell.Commands.GroupInfo",
        table(vec![col("Count", "Count", 5, Some(Align::Right)), col("Name", "Name", 25, None), col("Group", "Group", 0, None)]),
    );
    put("Microsoft.PowerShell.Commands.GroupInfoNoElement", table(vec![col("Count", "Count", 5, Some(Align::Right)), col("Name", "Name", 25, None)]));
    let cmd = table(vec![
        col("CommandType", "CommandType", 15, None),
        col("Name", "Name", 50, None),
        col("Version", "Version", 10, None),
        col("Source", "Source", 0, None),
    ]);
    for t in ["CmdletInfo", "FunctionInfo", "AliasInfo", "FilterInfo", "ScriptInfo", "ExternalScriptInfo", "ApplicationInfo"] {
        put(&format!("System.Management.Automation.{t}"), cmd.clone());
    }
    put(
        "System.Management.Automation.PSModuleInfo",
        table(vec![
            col("ModuleType", "ModuleType", 10, None),
            col("Version", "Version", 10, None),
            col("PreRelease", "PreRelease", 10, None),
            col("Name", "Name", 35, None),
            col("ExportedCommands", "ExportedCommands", 0, None),
        ]),
    );
    put(
        "Microsoft.PowerShell.Commands.MemberDefinition",
        View::Table {
            columns: Rc::from(vec![col("Name", "Name", 0, None), col("MemberType", "MemberType", 0, None), col("Definition", "Definition", 0, None)]),
            group_by: Some((Rc::from("TypeName"), Rc::from("TypeName"))),
            autosize: true,
        },
    );
    let fs = View::Table {
        columns: Rc::from(vec![
            col("UnixMode", "UnixMode", 10, None),
            col("User", "User", 10, Some(Align::Right)),
            col("Group", "Group", 10, None),
            col("LastWriteTime", "LastWriteTimeString", 16, Some(Align::Right)),
            col("Size", "Size", 12, Some(Align::Right)),
            col("Name", "Name", 0, None),
        ]),
        group_by: Some((Rc::from("PSParentPath"), Rc::from("Directory"))),
        autosize: false,
    };
    put("System.IO.FileInfo", fs.clone());
    put("System.IO.DirectoryInfo", fs);
    m
}

/// Register a type's default display property set (PSStandardMembers.DefaultDisplayPropertySet):
/// those properties are shown, as a table for up to 4 and as a list for 5 or more.
pub fn register_display(type_name: &str, properties: &[&str]) {
    let props: Rc<[Rc<str>]> = properties.iter().map(|p| Rc::from(*p)).collect::<Vec<Rc<str>>>().into();
    with_registry(|m| m.entry(type_name.to_ascii_lowercase()).or_default().display = Some(props));
}

/// Register a table view for a type: `(label, property, width, right-aligned)` per column
/// (width 0 = sized from the data). Objects of other types that follow such a table in the
/// same document are shown out-of-band as lists, as pwsh does.
pub fn register_table_view(type_name: &str, columns: &[(&str, &str, usize, bool)]) {
    let cols: Vec<ViewColumn> = columns.iter().map(|(l, p, w, r)| col(l, p, *w, if *r { Some(Align::Right) } else { None })).collect();
    with_registry(|m| m.entry(type_name.to_ascii_lowercase()).or_default().view = Some(table(cols)));
}

/// Register a list view for a type (the properties shown, in order).
pub fn register_list_view(type_name: &str, properties: &[&str]) {
    let props: Rc<[Rc<str>]> = properties.iter().map(|p| Rc::from(*p)).collect::<Vec<Rc<str>>>().into();
    with_registry(|m| m.entry(type_name.to_ascii_lowercase()).or_default().view = Some(View::List(props)));
}

/// The type names formatting looks up, most derived first.
pub fn format_type_names(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) => o.borrow().type_names.iter().map(|t| t.to_string()).collect(),
        Value::Type(_) => vec!["System.RuntimeType".into()],
        other => crate::engine::types::type_names_of(other),
    }
}

fn registration(v: &Value) -> Option<(String, Registration)> {
    let names = format_type_names(v);
    with_registry(|m| {
        for n in &names {
            if let Some(r) = m.get(&n.to_ascii_lowercase()) {
                return Some((n.to_ascii_lowercase(), r.clone()));
            }
        }
        None
    })
}

/// The registered view for a value's type, with the type name it was registered under.
pub fn view_for(v: &Value) -> Option<(String, View)> {
    registration(v).and_then(|(n, r)| r.view.map(|v| (n, v)))
}

fn registered_display(v: &Value) -> Option<Rc<[Rc<str>]>> {
    registration(v).and_then(|(_, r)| r.display)
}

// ───────────────────────────── properties ─────────────────────────────

/// All properties of a value, in display order (PSCustomObject note properties, the .NET
/// properties of built-in types).
pub fn all_properties(v: &Value) -> Vec<(Rc<str>, Value)> {
    match v {
        Value::Object(o) => {
            let o = o.borrow();
            let mut out: Vec<(Rc<str>, Value)> = o.props.values().map(|p| (p.name.clone(), prop_value(&o, &p.name))).collect();
            if let Some(b) = &o.base {
                for (n, val) in all_properties(b) {
                    if !out.iter().any(|(x, _)| eq_ci(x, &n)) {
                        out.push((n, val));
                    }
                }
            }
            out
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
        Value::Guid(g) => vec![(Rc::from("Guid"), Value::string(crate::engine::value::format_guid(g)))],
        Value::DateTime(d) => datetime_props(*d),
        Value::Type(t) => vec![
            (Rc::from("IsPublic"), Value::Bool(true)),
            (Rc::from("IsSerial"), Value::Bool(true)),
            (Rc::from("Name"), Value::string(t.name())),
            (Rc::from("BaseType"), Value::str(type_base_name(t))),
        ],
        Value::Hashtable(h) => {
            let h = h.borrow();
            vec![
                (Rc::from("IsReadOnly"), Value::Bool(false)),
                (Rc::from("IsFixedSize"), Value::Bool(false)),
                (Rc::from("IsSynchronized"), Value::Bool(false)),
                (Rc::from("Keys"), Value::array(h.keys())),
                (Rc::from("Values"), Value::array(h.values())),
                (Rc::from("SyncRoot"), Value::Null),
                (Rc::from("Count"), Value::Int(h.len() as i32)),
            ]
        }
        Value::Str(s) => vec![(Rc::from("Length"), Value::Int(s.encode_utf16().count() as i32))],
        Value::Array(a) => {
            let n = a.borrow().len();
            vec![
                (Rc::from("Length"), Value::Int(n as i32)),
                (Rc::from("LongLength"), Value::Long(n as i64)),
                (Rc::from("Rank"), Value::Int(1)),
                (Rc::from("SyncRoot"), v.clone()),
                (Rc::from("IsReadOnly"), Value::Bool(false)),
                (Rc::from("IsFixedSize"), Value::Bool(true)),
                (Rc::from("IsSynchronized"), Value::Bool(false)),
                (Rc::from("Count"), Value::Int(n as i32)),
            ]
        }
        Value::List(l) => {
            let n = l.items.borrow().len();
            vec![
                (Rc::from("Capacity"), Value::Int(n.max(4) as i32)),
                (Rc::from("Count"), Value::Int(n as i32)),
                (Rc::from("IsFixedSize"), Value::Bool(false)),
                (Rc::from("IsReadOnly"), Value::Bool(false)),
                (Rc::from("IsSynchronized"), Value::Bool(false)),
                (Rc::from("SyncRoot"), Value::Null),
            ]
        }
        _ => Vec::new(),
    }
}

fn type_base_name(t: &crate::engine::types::TypeRef) -> &'static str {
    use crate::engine::types::{Known, TypeRef};
    match t {
        TypeRef::Known(
            Known::Int32 | Known::Int64 | Known::Double | Known::Bool | Known::Char | Known::Byte | Known::DateTime | Known::TimeSpan | Known::Guid,
        ) => "System.ValueType",
        TypeRef::ArrayOf(_) => "System.Array",
        _ => "System.Object",
    }
}

fn prop_value(o: &PsObject, name: &str) -> Value {
    match o.get(name) {
        Some(p) => match &p.kind {
            crate::engine::value::PropKind::Alias(t) => prop_value(o, t),
            _ => p.value.clone(),
        },
        None => Value::Null,
    }
}

/// The properties shown for an object: its display set, else all of them.
pub fn display_properties(v: &Value) -> Vec<(Rc<str>, Value)> {
    if let Value::Object(o) = v {
        let display = o.borrow().display.clone().or_else(|| registered_display(v));
        if let Some(names) = display {
            return names.iter().map(|n| (n.clone(), property_of(v, n))).collect();
        }
        return all_properties(v);
    }
    if let Some(names) = registered_display(v) {
        return names.iter().map(|n| (n.clone(), property_of(v, n))).collect();
    }
    all_properties(v)
}

/// A property of a value by name (case-insensitive); `$null` when absent.
pub fn property_of(v: &Value, name: &str) -> Value {
    match v {
        Value::Object(o) => {
            let o = o.borrow();
            if o.get(name).is_some() {
                return prop_value(&o, name);
            }
            match &o.base {
                Some(b) => property_of(b, name),
                None => Value::Null,
            }
        }
        Value::Net(n) => n.get_property(name).unwrap_or(Value::Null),
        // Keys are not properties to the formatter and property expressions (a classic pwsh
        // gotcha: `@{a=1} | Select-Object a` has an empty `a`); only the .NET properties are.
        Value::Hashtable(_) => all_properties(v).into_iter().find(|(n, _)| eq_ci(n, name)).map(|x| x.1).unwrap_or(Value::Null),
        Value::Guid(g) if eq_ci(name, "Guid") => Value::string(crate::engine::value::format_guid(g)),
        Value::Type(_) => all_properties(v).into_iter().find(|(n, _)| eq_ci(n, name)).map(|x| x.1).unwrap_or(Value::Null),
        other => crate::engine::dotnet::intrinsic_property(other, name).unwrap_or(Value::Null),
    }
}

/// Whether `name` is a property of `v` at all (missing columns stay empty).
pub fn has_property(v: &Value, name: &str) -> bool {
    match v {
        Value::Object(o) => {
            let o = o.borrow();
            o.get(name).is_some() || o.base.as_ref().is_some_and(|b| has_property(b, name))
        }
        Value::Net(n) => n.get_property(name).is_some(),
        other => all_properties(other).iter().any(|(n, _)| eq_ci(n, name)) || crate::engine::dotnet::intrinsic_property(other, name).is_some(),
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

fn datetime_props(d: crate::engine::datetime::DateTime) -> Vec<(Rc<str>, Value)> {
    let mut out: Vec<(Rc<str>, Value)> = vec![(Rc::from("DisplayHint"), Value::str("DateTime"))];
    for n in [
        "DateTime",
        "Date",
        "Day",
        "DayOfWeek",
        "DayOfYear",
        "Hour",
        "Kind",
        "Millisecond",
        "Microsecond",
        "Nanosecond",
        "Minute",
        "Month",
        "Second",
        "Ticks",
        "TimeOfDay",
        "Year",
    ] {
        let v = match n {
            "Microsecond" => Value::Int(((d.ticks() / 10) % 1000) as i32),
            "Nanosecond" => Value::Int(((d.ticks() % 10) * 100) as i32),
            _ => crate::engine::dotnet::intrinsic_property(&Value::DateTime(d), n).unwrap_or(Value::Null),
        };
        out.push((Rc::from(n), v));
    }
    out
}

// ───────────────────────────── value strings ─────────────────────────────

/// en-US "G" date format used in table cells and lists.
pub fn datetime_general(d: crate::engine::datetime::DateTime) -> String {
    d.to_naive().format("%-m/%-d/%Y %-I:%M:%S %p").to_string()
}

/// The long form Out-Default prints for a DateTime (en-US): the `DateTime` ETS property.
pub fn datetime_long(d: crate::engine::datetime::DateTime) -> String {
    d.to_naive().format("%A, %B %-d, %Y %-I:%M:%S %p").to_string()
}

/// `PSObject.ToString()` with the current culture (cells, list values, raw output).
pub fn object_string(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Double(d) => format_double(*d),
        Value::Decimal(d) => format_decimal(*d),
        Value::DateTime(d) => datetime_general(*d),
        Value::Type(t) => t.full_name(),
        Value::Array(_) => "System.Object[]".into(),
        Value::Bytes(_) => "System.Byte[]".into(),
        Value::List(l) => match &l.element_type {
            Some(t) => format!("System.Collections.Generic.List`1[{}]", t.full_name()),
            None => "System.Collections.ArrayList".into(),
        },
        Value::ScriptBlock(sb) => sb.body_text().to_string(),
        Value::Object(o) => {
            let o = o.borrow();
            if o.is_custom() && o.to_string.is_none() && o.base.is_none() {
                return crate::engine::convert::custom_object_string(&o);
            }
            drop(o);
            to_display_string(v)
        }
        other => to_display_string(other),
    }
}

/// GetObjectName for the items inside `{a, b}` cells.
fn object_name(v: &Value) -> String {
    match v {
        Value::Null => "$null".into(),
        Value::Object(o) => {
            let b = o.borrow();
            if b.is_custom() || b.to_string.is_some() || b.base.is_some() {
                drop(b);
                return object_string(v);
            }
            for n in ["Name", "Id", "Key"] {
                if let Some(p) = b.get(n) {
                    return object_string(&p.value);
                }
            }
            for (suffix, _) in [("key", 0), ("name", 1), ("id", 2)] {
                if let Some(p) = b.props.values().find(|p| p.name.to_ascii_lowercase().ends_with(suffix)) {
                    return object_string(&p.value);
                }
            }
            drop(b);
            object_string(v)
        }
        Value::Hashtable(_) => to_display_string(v),
        other => object_string(other),
    }
}

/// `{a, b, c, d…}` for a collection (limit 4).
pub fn enumerable_cell(items: &[Value]) -> String {
    let limit = ENUM_LIMIT.with(|c| c.get());
    let limit = if limit < 0 { usize::MAX } else { limit as usize };
    let mut s = String::from("{");
    for (i, x) in items.iter().take(limit).enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&object_name(x));
    }
    if items.len() > limit {
        s.push('…');
    }
    s.push('}');
    s
}

/// FormatField: how a property value appears in a table cell (`table`: doubles as "F") or a
/// list entry.
pub fn field_string(v: &Value, table: bool) -> String {
    match v {
        Value::Array(_) | Value::List(_) | Value::Bytes(_) => enumerable_cell(&v.enumerate().unwrap_or_default()),
        Value::Hashtable(h) => enumerable_cell(&h.borrow().keys()),
        Value::Net(n) if n.enumerate().is_some() => enumerable_cell(&n.enumerate().unwrap_or_default()),
        Value::Double(d) | Value::Decimal(d) if table => format!("{d:.2}"),
        other => object_string(other),
    }
}

/// Default scalar types are written raw, outside any table or list.
pub fn is_scalar(v: &Value) -> bool {
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
            | Value::ScriptBlock(_)
    )
}

/// The raw text of an out-of-band scalar.
pub fn scalar_text(v: &Value) -> String {
    object_string(v)
}

/// TableGen ComputeDefaultAlignment: numbers and booleans right, everything else left.
pub fn default_align(v: &Value) -> Align {
    match v {
        Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Decimal(_) | Value::Byte(_) | Value::Bool(_) | Value::Char(_) | Value::Switch(_) => {
            Align::Right
        }
        _ => Align::Left,
    }
}

// ───────────────────────────── display cells ─────────────────────────────

pub fn display_len(s: &str) -> usize {
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
        n += char_cells(c);
    }
    n
}

fn char_cells(c: char) -> usize {
    if is_wide(c) { 2 } else { 1 }
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x20000..=0x3FFFD)
}

fn take_cells(s: &str, n: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_cells(c);
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
        let w = char_cells(chars[start - 1]);
        if used + w > n {
            break;
        }
        used += w;
        start -= 1;
    }
    chars[start..].iter().collect()
}

/// One table cell (TableWriter GenerateRow): cut at a newline (`…`), pad or truncate.
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
            Align::Left if pad => format!("{}{}", s, " ".repeat(width - len)),
            Align::Left => s,
        }
    } else if len > width {
        if width > 1 {
            match align {
                Align::Left => format!("{}…", take_cells(&s, width - 1)),
                Align::Right => format!("…{}", take_last_cells(&s, width - 1)),
            }
        } else {
            match align {
                Align::Left => take_cells(&s, width),
                Align::Right => take_last_cells(&s, width),
            }
        }
    } else {
        s
    }
}

/// Word-based wrapping for en-US (StringManipulationHelper.GenerateLinesWithWordWrap): words
/// keep their trailing delimiter; a word wider than a line is split by characters.
pub fn word_wrap(text: &str, first: usize, following: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        let line = line.replace('\r', "");
        if display_len(&line) <= first {
            out.push(line);
            continue;
        }
        let mut line_width = first;
        let mut spaces_left = first;
        let mut first_line = true;
        let mut single = String::new();
        for word in words(&line) {
            let ww = display_len(&word);
            if line_width == 0 {
                if first_line {
                    first_line = false;
                    line_width = following;
                }
                if line_width == 0 {
                    break;
                }
                spaces_left = line_width;
            }
            if ww > line_width {
                for c in word.chars() {
                    let cw = char_cells(c).min(line_width.max(1));
                    if cw > spaces_left {
                        out.push(std::mem::take(&mut single));
                        single.push(c);
                        if first_line {
                            first_line = false;
                            line_width = following;
                        }
                        spaces_left = line_width.saturating_sub(cw);
                    } else {
                        single.push(c);
                        spaces_left -= cw;
                    }
                }
            } else if ww > spaces_left {
                out.push(std::mem::take(&mut single));
                single.push_str(&word);
                if first_line {
                    first_line = false;
                    line_width = following;
                }
                spaces_left = line_width.saturating_sub(ww);
            } else {
                single.push_str(&word);
                spaces_left -= ww;
            }
        }
        out.push(single);
    }
    out
}

fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        cur.push(c);
        if c == ' ' || c == '\t' {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Character-count wrapping (header labels that do not fit their column).
fn chunk_cells(s: &str, width: usize) -> Vec<String> {
    if width == 0 {
        return vec![String::new()];
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_cells(c);
        if used + w > width && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
            used = 0;
        }
        cur.push(c);
        used += w;
    }
    out.push(cur);
    out
}

// ───────────────────────────── table layout ─────────────────────────────

/// A table column ready for layout.
#[derive(Clone, Debug)]
pub struct TableColumn {
    pub label: Rc<str>,
    /// Fixed width from a view or `Width=` of a calculated property, 0 = from the data.
    pub width: usize,
    pub align: Align,
}

/// The column widths of a table (OutInner caching + TableWriter.Initialize + ColumnWidthManager).
fn column_widths(cols: &[TableColumn], rows: &[&Vec<String>], autosize: bool, hide_headers: bool, total: usize) -> Vec<usize> {
    let cached = autosize || cols.first().is_some_and(|c| c.width == 0);
    let mut widths: Vec<usize> = if cached {
        cols.iter()
            .enumerate()
            .map(|(k, c)| {
                let mut w = if hide_headers && autosize { 0 } else { display_len(&c.label) };
                for r in rows {
                    if let Some(cell) = r.get(k) {
                        w = w.max(display_len(cell));
                    }
                }
                w
            })
            .collect()
    } else {
        cols.iter().map(|c| c.width).collect()
    };
    let fixed: Vec<bool> = if cached { widths.iter().map(|w| *w > 0).collect() } else { cols.iter().map(|c| c.width > 0).collect() };
    if widths.contains(&0) {
        for w in widths.iter_mut() {
            if *w == 0 {
                *w = 1;
            }
        }
        let used: usize = widths.iter().sum::<usize>() + widths.len().saturating_sub(1);
        if used <= total {
            let free: Vec<usize> = (0..widths.len()).filter(|k| !fixed[*k]).collect();
            if !free.is_empty() {
                for i in 0..(total - used) {
                    widths[free[i % free.len()]] += 1;
                }
            }
        }
    }
    trim_to_fit(&mut widths, total);
    widths
}

/// ColumnWidthManager.TrimToFit: shrink, then hide, columns from the right until the table fits.
fn trim_to_fit(widths: &mut [usize], total: usize) {
    loop {
        let visible: Vec<usize> = (0..widths.len()).filter(|k| widths[*k] > 0).collect();
        let Some(&last) = visible.last() else { return };
        let used: usize = visible.iter().map(|k| widths[*k]).sum::<usize>() + visible.len() - 1;
        if used <= total {
            return;
        }
        let excess = used - total;
        if widths[last] > excess {
            widths[last] -= excess;
        } else {
            widths[last] = 0;
        }
    }
}

struct Styles {
    header: &'static str,
    reset: &'static str,
}

fn styles(color: bool) -> Styles {
    if color { Styles { header: "\x1b[32;1m", reset: "\x1b[0m" } } else { Styles { header: "", reset: "" } }
}

/// Header lines (labels, wrapped when a column is narrower than its label) and the dashes.
fn header_lines(cols: &[TableColumn], widths: &[usize], color: bool) -> Vec<String> {
    let st = styles(color);
    let n = cols.len();
    let last = n.saturating_sub(1);
    let chunks: Vec<Vec<String>> = cols.iter().enumerate().map(|(k, c)| if widths[k] > 0 { chunk_cells(&c.label, widths[k]) } else { Vec::new() }).collect();
    let height = chunks.iter().map(|c| c.len()).max().unwrap_or(1).max(1);
    let mut lines = Vec::new();
    for row in 0..height {
        let mut line = String::new();
        let mut first = true;
        for k in 0..n {
            if widths[k] == 0 {
                continue;
            }
            let text = chunks[k].get(row).cloned().unwrap_or_default();
            let mut seg = String::new();
            if !first {
                seg.push(' ');
            }
            first = false;
            seg.push_str(&field(&text, widths[k], cols[k].align, k != last));
            if color {
                line.push_str(st.header);
                line.push_str(&seg);
                line.push_str(st.reset);
            } else {
                line.push_str(&seg);
            }
        }
        lines.push(line);
    }
    let mut dashes = String::new();
    let mut first = true;
    for k in 0..n {
        if widths[k] == 0 {
            continue;
        }
        let mut seg = String::new();
        if !first {
            seg.push(' ');
        }
        first = false;
        let d = "-".repeat(widths[k].min(display_len(&cols[k].label)));
        seg.push_str(&field(&d, widths[k], cols[k].align, k != last));
        if color {
            dashes.push_str(st.header);
            dashes.push_str(&seg);
            dashes.push_str(st.reset);
        } else {
            dashes.push_str(&seg);
        }
    }
    lines.push(dashes);
    lines
}

fn row_lines(cells: &[String], cols: &[TableColumn], widths: &[usize], wrap: bool) -> Vec<String> {
    let n = cols.len();
    let last = n.saturating_sub(1);
    if !wrap {
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
            line.push_str(&field(cells.get(k).map(|s| s.as_str()).unwrap_or(""), widths[k], cols[k].align, k != last));
        }
        return vec![line];
    }
    // -Wrap: every cell wraps within its column; the row takes as many lines as its tallest cell.
    let parts: Vec<Vec<String>> =
        (0..n).map(|k| if widths[k] == 0 { Vec::new() } else { word_wrap(cells.get(k).map(|s| s.as_str()).unwrap_or(""), widths[k], widths[k]) }).collect();
    let height = parts.iter().map(|p| p.len()).max().unwrap_or(1).max(1);
    let mut out = Vec::new();
    for row in 0..height {
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
            let text = parts[k].get(row).cloned().unwrap_or_default();
            line.push_str(&field(text.trim_end_matches(' '), widths[k], cols[k].align, k != last));
        }
        out.push(line.trim_end().to_string());
    }
    out
}

// ───────────────────────────── list layout ─────────────────────────────

/// One list entry (ListWriter): `Label : value`, labels padded to the longest, values wrapped.
fn list_entry_lines(entry: &[(Rc<str>, String)], width: Option<usize>, color: bool) -> Vec<String> {
    let st = styles(color);
    let max_label = entry.iter().map(|(n, _)| display_len(n)).max().unwrap_or(0);
    let max_label = match width {
        Some(w) => max_label.min(w.saturating_sub(4)),
        None => max_label,
    };
    let value_width = width.map(|w| w.saturating_sub(max_label + 3).max(1));
    let mut out = Vec::new();
    for (name, text) in entry {
        let label = format!("{} : ", field(name, max_label, Align::Left, true));
        let lines: Vec<String> = match value_width {
            Some(vw) => word_wrap(text, vw, vw),
            None => text.split('\n').map(|l| l.replace('\r', "")).collect(),
        };
        for (i, l) in lines.iter().enumerate() {
            if i == 0 {
                if color {
                    out.push(format!("{}{}{}{}", st.header, label, st.reset, l));
                } else {
                    out.push(format!("{label}{l}"));
                }
            } else {
                out.push(format!("{}{}", " ".repeat(max_label + 3), l));
            }
        }
    }
    out
}

/// The (label, value) pairs of a list entry for a value: the given properties, else its
/// display properties.
pub fn list_entry(v: &Value, props: Option<&[Rc<str>]>) -> Vec<(Rc<str>, String)> {
    let pairs: Vec<(Rc<str>, Value)> = match props {
        Some(ps) => ps.iter().map(|p| (p.clone(), property_of(v, p))).collect(),
        None => display_properties(v),
    };
    pairs.into_iter().map(|(n, val)| (n, field_string(&val, false))).collect()
}

// ───────────────────────────── Format-Table / Format-List output ─────────────────────────────

/// One shaped item of Format-Table / Format-List output.
#[derive(Clone, Debug)]
pub enum FormatItem {
    Row(Vec<String>),
    ListEntry(Vec<(Rc<str>, String)>),
    /// A scalar among the formatted objects: written as is.
    Raw(String),
    /// `-GroupBy`: a new group with its label and value.
    Group(String),
}

/// What Format-Table / Format-List emit: a shaped document, rendered by the outputter.
#[derive(Debug)]
pub struct FormatData {
    pub table: Option<TableShape>,
    pub items: Vec<FormatItem>,
}

#[derive(Clone, Debug)]
pub struct TableShape {
    pub columns: Vec<TableColumn>,
    pub autosize: bool,
    pub hide_headers: bool,
    pub wrap: bool,
}

impl NetObject for FormatData {
    fn type_name(&self) -> &str {
        if self.table.is_some() {
            "Microsoft.PowerShell.Commands.Internal.Format.FormatStartData"
        } else {
            "Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData"
        }
    }
    fn get_property(&self, _name: &str) -> Option<Value> {
        None
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

// ───────────────────────────── Out-Default ─────────────────────────────

/// Which stream a chunk of rendered text belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk {
    Out,
    Err,
}

#[derive(Debug)]
enum Packet {
    Line(String),
    Err(String),
    Row(Vec<String>),
}

#[derive(Debug)]
enum Source {
    /// A property (by name) of the object.
    Property(Rc<str>),
    /// The Name / Value of a hashtable entry.
    EntryName,
    EntryValue,
}

#[derive(Debug)]
struct TableDoc {
    columns: Vec<TableColumn>,
    sources: Vec<Source>,
    /// Registered view: the type it applies to. None = property-based (every object applies).
    registered: Option<String>,
    /// Property-based tables format doubles as "F".
    property_based: bool,
    group_by: Option<(Rc<str>, Rc<str>)>,
    group: Option<String>,
    autosize: bool,
    queue: Vec<Packet>,
    /// Fixed-width views are not cached: header and rows are written as they come.
    streaming: Option<Vec<usize>>,
}

#[derive(Debug)]
enum Doc {
    None,
    Table(TableDoc),
    /// Property-based list (each object with its own properties) or a registered list view.
    List {
        registered: Option<(String, Rc<[Rc<str>]>)>,
    },
    Custom(String),
}

pub struct OutDefault {
    /// Table layout width.
    pub width: usize,
    /// List layout width (None: unlimited, as for Out-String without -Width).
    pub list_width: Option<usize>,
    /// Emit `$PSStyle.Formatting` escapes (table headers, list labels).
    pub color: bool,
    doc: Doc,
    /// Text ready to be written (drained by the caller), in order.
    pending: Vec<(Chunk, String)>,
}

impl OutDefault {
    pub fn new(width: usize) -> OutDefault {
        OutDefault { width, list_width: Some(width), color: false, doc: Doc::None, pending: Vec::new() }
    }

    /// The formatter of Out-String / Out-File: tables at `width` (120 without `-Width`), lists
    /// unbounded without `-Width`.
    pub fn for_text(width: Option<usize>) -> OutDefault {
        OutDefault { width: width.unwrap_or(UNBOUNDED_TABLE_WIDTH), list_width: width, color: false, doc: Doc::None, pending: Vec::new() }
    }

    /// Take the text produced so far (stdout chunks only; for Out-String and files).
    pub fn take(&mut self) -> String {
        let mut s = String::new();
        for (_, t) in std::mem::take(&mut self.pending) {
            s.push_str(&t);
        }
        s
    }

    /// Take the text produced so far with the stream of each chunk.
    pub fn take_chunks(&mut self) -> Vec<(Chunk, String)> {
        std::mem::take(&mut self.pending)
    }

    fn write(&mut self, s: &str) {
        match self.pending.last_mut() {
            Some((Chunk::Out, t)) => {
                t.push_str(s);
                t.push('\n');
            }
            _ => self.pending.push((Chunk::Out, format!("{s}\n"))),
        }
    }

    fn write_err(&mut self, s: &str) {
        self.pending.push((Chunk::Err, format!("{s}\n")));
    }

    /// True while table rows are held back (errors must then queue behind them).
    pub fn holding(&self) -> bool {
        matches!(&self.doc, Doc::Table(t) if t.streaming.is_none())
    }

    /// An error record's text in the merged error stream: queued behind held table rows,
    /// else written at once (returned chunks go to stderr).
    pub fn push_error_text(&mut self, text: &str) {
        if let Doc::Table(t) = &mut self.doc {
            if t.streaming.is_none() {
                for l in text.split('\n') {
                    t.queue.push(Packet::Err(l.to_string()));
                }
                return;
            }
        }
        for l in text.split('\n') {
            self.write_err(l);
        }
    }

    /// Out-of-band text: written in order, behind any held rows.
    fn raw_line(&mut self, s: &str) {
        if let Doc::Table(t) = &mut self.doc {
            if t.streaming.is_none() {
                t.queue.push(Packet::Line(s.to_string()));
                return;
            }
        }
        self.write(s);
    }

    /// Format one object from the success stream.
    pub fn push(&mut self, v: &Value) {
        match v {
            Value::Null => {}
            // format-default enumerates one level (the pipeline already unrolled one).
            Value::Array(_) | Value::List(_) | Value::Bytes(_) => {
                for x in v.enumerate().unwrap_or_default() {
                    match &x {
                        Value::Hashtable(_) => self.push_hashtable(&x),
                        _ => self.push_one(&x),
                    }
                }
            }
            Value::Hashtable(_) => self.push_hashtable(v),
            Value::Net(n) if n.as_any().is::<FormatData>() => {
                if let Some(fd) = n.as_any().downcast_ref::<FormatData>() {
                    self.render_format_data(fd);
                }
            }
            other => self.push_one(other),
        }
    }

    fn push_hashtable(&mut self, v: &Value) {
        let Value::Hashtable(h) = v else { return };
        let entries: Vec<(Value, Value)> = h.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, val) in entries {
            let mut o = PsObject::typed("System.Collections.DictionaryEntry");
            o.set("Name", k.clone());
            o.set("Key", k);
            o.set("Value", val);
            self.push_one(&o.into_value());
        }
    }

    fn push_one(&mut self, v: &Value) {
        // (A) out-of-band: scalars, error records, objects without properties.
        if is_scalar(v) {
            let s = scalar_text(v);
            for l in s.split('\n') {
                self.raw_line(l.trim_end_matches('\r'));
            }
            return;
        }
        if let Value::Net(n) = v {
            if let Some(r) = n.as_any().downcast_ref::<crate::engine::error::ErrorRecordObject>() {
                let text = crate::engine::display::render_error(&r.0, false);
                for l in text.split('\n') {
                    self.raw_line(l);
                }
                return;
            }
        }
        if !matches!(v, Value::DateTime(_) | Value::TimeSpan(_) | Value::Guid(_)) && all_properties(v).is_empty() {
            let s = object_string(v);
            let s = if matches!(v, Value::Object(o) if o.borrow().is_custom()) && s == "@{}" { String::new() } else { s };
            for l in s.split('\n') {
                self.raw_line(l);
            }
            return;
        }
        if matches!(self.doc, Doc::None) {
            self.start_document(v);
        }
        match &mut self.doc {
            Doc::None => {}
            Doc::Custom(ty) => {
                if format_type_names(v).iter().any(|n| n.eq_ignore_ascii_case(ty)) {
                    let s = match v {
                        Value::DateTime(d) => datetime_long(*d),
                        other => object_string(other),
                    };
                    for l in s.split('\n') {
                        self.write(l);
                    }
                } else {
                    self.out_of_band_list(v);
                }
            }
            Doc::List { registered } => match registered {
                Some((ty, props)) => {
                    let applies = format_type_names(v).iter().any(|n| n.eq_ignore_ascii_case(ty));
                    if applies {
                        let props = props.clone();
                        self.write_list_entry(&list_entry(v, Some(&props)));
                    } else {
                        self.out_of_band_list(v);
                    }
                }
                None => {
                    let e = list_entry(v, None);
                    self.write_list_entry(&e);
                }
            },
            Doc::Table(t) => {
                if let Some(ty) = &t.registered {
                    if !format_type_names(v).iter().any(|n| n.eq_ignore_ascii_case(ty)) {
                        self.out_of_band_list(v);
                        return;
                    }
                }
                self.table_row(v);
            }
        }
    }

    fn start_document(&mut self, v: &Value) {
        self.write("");
        if let Some((ty, view)) = view_for(v) {
            match view {
                View::Custom => {
                    self.doc = Doc::Custom(ty);
                    return;
                }
                View::List(props) => {
                    self.doc = Doc::List { registered: Some((ty, props)) };
                    return;
                }
                View::Table { columns, group_by, autosize } => {
                    let is_entry = ty == "system.collections.dictionaryentry";
                    let sources = columns
                        .iter()
                        .map(|c| {
                            if is_entry && eq_ci(&c.property, "Name") {
                                Source::EntryName
                            } else if is_entry && eq_ci(&c.property, "Value") {
                                Source::EntryValue
                            } else {
                                Source::Property(c.property.clone())
                            }
                        })
                        .collect();
                    let cols: Vec<TableColumn> =
                        columns.iter().map(|c| TableColumn { label: c.label.clone(), width: c.width, align: c.align.unwrap_or(Align::Left) }).collect();
                    let streaming =
                        if autosize || cols.first().is_none_or(|c| c.width == 0) { None } else { Some(column_widths(&cols, &[], false, false, self.width)) };
                    if let (Some(w), None) = (&streaming, &group_by) {
                        for h in header_lines(&cols, w, self.color) {
                            self.write(&h);
                        }
                    }
                    self.doc = Doc::Table(TableDoc {
                        columns: cols,
                        sources,
                        registered: Some(ty),
                        property_based: false,
                        group_by,
                        group: None,
                        autosize,
                        queue: Vec::new(),
                        streaming,
                    });
                    return;
                }
            }
        }
        let props = display_properties(v);
        if props.len() <= 4 {
            let props: Vec<(Rc<str>, Value)> = props.into_iter().take(10).collect();
            self.doc = Doc::Table(TableDoc {
                columns: props.iter().map(|(n, val)| TableColumn { label: n.clone(), width: 0, align: default_align(val) }).collect(),
                sources: props.iter().map(|(n, _)| Source::Property(n.clone())).collect(),
                registered: None,
                property_based: true,
                group_by: None,
                group: None,
                autosize: false,
                queue: Vec::new(),
                streaming: None,
            });
        } else {
            self.doc = Doc::List { registered: None };
        }
    }

    fn table_row(&mut self, v: &Value) {
        let Doc::Table(t) = &mut self.doc else { return };
        let table = t.property_based;
        let cells: Vec<String> = t
            .sources
            .iter()
            .map(|s| match s {
                Source::Property(p) => field_string(&property_of(v, p), table),
                Source::EntryName => field_string(&property_of(v, "Name"), table),
                Source::EntryValue => field_string(&property_of(v, "Value"), table),
            })
            .collect();
        let group = t.group_by.as_ref().map(|(p, _)| object_string(&property_of(v, p)));
        if group.is_some() && group != t.group {
            if t.group.is_some() || !t.queue.is_empty() {
                self.flush_table_group();
                self.write("");
            }
            let Doc::Table(t) = &mut self.doc else { return };
            let label = t.group_by.as_ref().map(|(_, l)| l.clone()).unwrap_or_else(|| Rc::from(""));
            let value = group.clone().unwrap_or_default();
            t.group = group;
            let indent = if &*label == "Directory" { "    " } else { "   " };
            let value = value.strip_prefix("Microsoft.PowerShell.Core\\FileSystem::").unwrap_or(&value).to_string();
            let line = format!("{indent}{label}: {value}");
            self.write(&line);
            self.write("");
            if let Doc::Table(t) = &self.doc {
                if let Some(w) = &t.streaming {
                    let lines = header_lines(&t.columns, w, self.color);
                    for h in lines {
                        self.write(&h);
                    }
                }
            }
        }
        let Doc::Table(t) = &mut self.doc else { return };
        if let Some(w) = &t.streaming {
            let lines = row_lines(&cells, &t.columns, w, false);
            for l in lines {
                self.write(&l);
            }
        } else {
            t.queue.push(Packet::Row(cells));
        }
    }

    /// Size the held rows of the current table group and write header, rows and queued text.
    fn flush_table_group(&mut self) {
        let Doc::Table(t) = &mut self.doc else { return };
        if t.streaming.is_some() {
            return;
        }
        let queue = std::mem::take(&mut t.queue);
        let rows: Vec<&Vec<String>> = queue.iter().filter_map(|p| if let Packet::Row(r) = p { Some(r) } else { None }).collect();
        let mut lines: Vec<(Chunk, String)> = Vec::new();
        {
            let widths = column_widths(&t.columns, &rows, t.autosize, false, self.width);
            if !t.columns.is_empty() {
                for h in header_lines(&t.columns, &widths, self.color) {
                    lines.push((Chunk::Out, h));
                }
            }
            for p in &queue {
                match p {
                    Packet::Line(l) => lines.push((Chunk::Out, l.clone())),
                    Packet::Err(l) => lines.push((Chunk::Err, l.clone())),
                    Packet::Row(r) => {
                        for l in row_lines(r, &t.columns, &widths, false) {
                            lines.push((Chunk::Out, l));
                        }
                    }
                }
            }
        }
        for (c, l) in lines {
            match c {
                Chunk::Out => self.write(&l),
                Chunk::Err => self.write_err(&l),
            }
        }
    }

    fn write_list_entry(&mut self, entry: &[(Rc<str>, String)]) {
        for l in list_entry_lines(entry, self.list_width, self.color) {
            self.write(&l);
        }
        self.write("");
    }

    /// An object the current view does not cover: `⏎` + its own properties as a list + `⏎`.
    fn out_of_band_list(&mut self, v: &Value) {
        let mut lines = vec![String::new()];
        lines.extend(list_entry_lines(&list_entry(v, None), self.list_width, self.color));
        lines.push(String::new());
        for l in lines {
            self.raw_line(&l);
        }
    }

    /// End of the document: size and print a pending table, then the closing blank line.
    pub fn end(&mut self) {
        match &self.doc {
            Doc::Table(_) => {
                self.flush_table_group();
                self.write("");
            }
            Doc::Custom(_) => self.write(""),
            Doc::List { .. } | Doc::None => {}
        }
        self.doc = Doc::None;
    }

    /// Format-Table / Format-List output: closes the current document, then renders the
    /// shaped block as its own document.
    fn render_format_data(&mut self, fd: &FormatData) {
        self.end();
        self.write("");
        match &fd.table {
            Some(shape) => {
                let mut group_rows: Vec<&Vec<String>> = Vec::new();
                let mut pending: Vec<&FormatItem> = Vec::new();
                let mut first_group = true;
                let flush = |me: &mut OutDefault, rows: &Vec<&Vec<String>>, pending: &Vec<&FormatItem>| {
                    let widths = column_widths(&shape.columns, rows, shape.autosize, shape.hide_headers, me.width);
                    if !shape.hide_headers {
                        for h in header_lines(&shape.columns, &widths, me.color) {
                            me.write(&h);
                        }
                    }
                    for it in pending {
                        match it {
                            FormatItem::Row(r) => {
                                for l in row_lines(r, &shape.columns, &widths, shape.wrap) {
                                    me.write(&l);
                                }
                            }
                            FormatItem::Raw(s) => me.write(s),
                            _ => {}
                        }
                    }
                };
                for it in &fd.items {
                    match it {
                        FormatItem::Group(label) => {
                            if !pending.is_empty() {
                                flush(self, &group_rows, &pending);
                                self.write("");
                            } else if !first_group {
                                self.write("");
                            }
                            first_group = false;
                            group_rows.clear();
                            pending.clear();
                            self.write(label);
                            self.write("");
                        }
                        FormatItem::Row(r) => {
                            group_rows.push(r);
                            pending.push(it);
                        }
                        FormatItem::Raw(_) => pending.push(it),
                        FormatItem::ListEntry(_) => {}
                    }
                }
                if !pending.is_empty() || first_group {
                    flush(self, &group_rows, &pending);
                }
                self.write("");
            }
            None => {
                for it in &fd.items {
                    match it {
                        FormatItem::ListEntry(e) => self.write_list_entry(e),
                        FormatItem::Raw(s) => self.write(s),
                        FormatItem::Group(label) => {
                            self.write(label);
                            self.write("");
                        }
                        FormatItem::Row(_) => {}
                    }
                }
            }
        }
    }
}

/// Script properties are evaluated before formatting (the formatter has no interpreter):
/// objects carrying them are copied with their values resolved.
pub fn resolve_script_properties(it: &mut crate::engine::interp::Interp, v: &Value) -> Value {
    sync_enumeration_limit(it);
    match v {
        Value::Object(o) => {
            let names: Vec<Rc<str>> =
                o.borrow().props.values().filter(|p| matches!(p.kind, crate::engine::value::PropKind::Script(_))).map(|p| p.name.clone()).collect();
            if names.is_empty() {
                return v.clone();
            }
            let mut copy = o.borrow().clone();
            for n in names {
                let val = it.get_member(v, &n, crate::lang::ast::Span::default()).unwrap_or(Value::Null);
                if let Some(p) = copy.props.get_mut(&crate::engine::value::CiRef::new(&n)) {
                    p.value = val;
                    p.kind = crate::engine::value::PropKind::Note;
                }
            }
            copy.into_value()
        }
        Value::Array(a) => {
            let needs = a
                .borrow()
                .iter()
                .any(|x| matches!(x, Value::Object(o) if o.borrow().props.values().any(|p| matches!(p.kind, crate::engine::value::PropKind::Script(_)))));
            if !needs {
                return v.clone();
            }
            let items: Vec<Value> = a.borrow().clone();
            Value::array(items.iter().map(|x| resolve_script_properties(it, x)).collect())
        }
        _ => v.clone(),
    }
}

/// Out-String / Out-File: format a batch of objects as one document.
pub fn format_values(values: &[Value], width: Option<usize>) -> String {
    let mut f = OutDefault::for_text(width);
    for v in values {
        f.push(v);
    }
    f.end();
    f.take()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(props: &[(&str, Value)]) -> Value {
        let mut o = PsObject::new();
        for (k, v) in props {
            o.set(k, v.clone());
        }
        o.into_value()
    }

    fn render(values: &[Value]) -> String {
        let mut f = OutDefault::new(79);
        for v in values {
            f.push(v);
        }
        f.end();
        f.take()
    }

    #[test]
    fn spec_table_example() {
        let v = obj(&[("Name", Value::str("web01")), ("CPU", Value::Double(12.5)), ("Up", Value::Bool(true))]);
        assert_eq!(render(&[v]), "\nName    CPU   Up\n----    ---   --\nweb01 12.50 True\n\n");
    }

    #[test]
    fn missing_columns_and_out_of_band_scalars() {
        let a = obj(&[("a", Value::Int(1))]);
        let b = obj(&[("b", Value::Int(2))]);
        assert_eq!(render(&[a.clone(), b]), "\na\n-\n1\n \n\n");
        let a2 = obj(&[("a", Value::Int(2))]);
        assert_eq!(render(&[a, Value::str("x"), a2]), "\na\n-\n1\nx\n2\n\n");
    }

    #[test]
    fn five_properties_make_a_list() {
        let v = obj(&[
            ("Id", Value::Int(1)),
            ("Name", Value::str("alpha")),
            ("Tags", Value::array(vec![Value::str("x"), Value::str("y")])),
            ("Note", Value::Null),
            ("Enabled", Value::Bool(false)),
        ]);
        assert_eq!(render(&[v]), "\nId      : 1\nName    : alpha\nTags    : {x, y}\nNote    : \nEnabled : False\n\n");
    }

    #[test]
    fn hashtable_view() {
        let mut h = crate::engine::value::Hashtable::new();
        h.ordered = true;
        h.insert(Value::str("a"), Value::Int(1));
        h.insert(Value::str("bb"), Value::str("two"));
        let v = Value::Hashtable(Rc::new(RefCell::new(h)));
        let want = format!("\nName{}Value\n----{}-----\na{}1\nbb{}two\n\n", " ".repeat(27), " ".repeat(27), " ".repeat(30), " ".repeat(29));
        assert_eq!(render(&[v]), want);
    }

    #[test]
    fn enumeration_limit_and_truncation() {
        let items: Vec<Value> = (1..=5).map(Value::Int).collect();
        assert_eq!(field_string(&Value::array(items), true), "{1, 2, 3, 4…}");
        assert_eq!(field("abcdef", 4, Align::Left, true), "abc…");
        assert_eq!(field("abcdef", 4, Align::Right, true), "…def");
        assert_eq!(field("a\nb", 5, Align::Left, false), "a…");
    }

    #[test]
    fn word_wrap_keeps_trailing_spaces() {
        assert_eq!(word_wrap("aaa bbb ccc", 8, 8), vec!["aaa bbb ".to_string(), "ccc".to_string()]);
        assert_eq!(word_wrap("abcdefghij", 4, 4), vec!["abcd".to_string(), "efgh".to_string(), "ij".to_string()]);
    }

    #[test]
    fn registered_display_set() {
        register_display("Test.Widget", &["B"]);
        let mut o = PsObject::typed("Test.Widget");
        o.set("A", Value::Int(1));
        o.set("B", Value::Int(2));
        assert_eq!(render(&[o.into_value()]), "\nB\n-\n2\n\n");
    }
}

// ───────────────────────────── ETS views: $x.PSObject ─────────────────────────────

/// `$x.PSObject`: the extended-type-system view of a value (Properties, TypeNames, BaseObject).
#[derive(Debug)]
pub struct PsObjectView(pub Value);

/// `$x.PSObject.Properties`: the value's properties as PSPropertyInfo objects.
#[derive(Debug)]
pub struct PropertyCollection(pub Value);

/// A PSPropertyInfo (`PSNoteProperty` for custom objects, `PSProperty` for .NET ones).
pub fn property_info(name: &str, value: &Value, note: bool) -> Value {
    let mut o = PsObject::typed(if note { "System.Management.Automation.PSNoteProperty" } else { "System.Management.Automation.PSProperty" });
    o.set("Value", value.clone());
    o.set("MemberType", Value::str(if note { "NoteProperty" } else { "Property" }));
    o.set("IsSettable", Value::Bool(true));
    o.set("IsGettable", Value::Bool(true));
    o.set("TypeNameOfValue", Value::string(if value.is_null() { "System.Object".into() } else { crate::engine::types::type_of(value).full_name() }));
    o.set("Name", Value::str(name));
    o.display = Some(Rc::from(vec![
        Rc::from("MemberType"),
        Rc::from("IsSettable"),
        Rc::from("IsGettable"),
        Rc::from("Value"),
        Rc::from("TypeNameOfValue"),
        Rc::from("Name"),
    ]));
    o.to_string = Some(Rc::from(format!("{} {name}={}", crate::engine::types::type_of(value).name(), object_string(value)).as_str()));
    o.into_value()
}

impl PropertyCollection {
    fn items(&self) -> Vec<Value> {
        let note = matches!(&self.0, Value::Object(o) if o.borrow().is_custom());
        all_properties(&self.0).iter().map(|(n, v)| property_info(n, v, note)).collect()
    }
}

impl NetObject for PsObjectView {
    fn type_name(&self) -> &str {
        "System.Management.Automation.PSObject"
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        let n = name.to_ascii_lowercase();
        Some(match n.as_str() {
            "properties" | "members" => Value::Net(Rc::new(PropertyCollection(self.0.clone()))),
            "typenames" => Value::array(format_type_names(&self.0).into_iter().map(Value::string).collect()),
            "baseobject" | "immediatebaseobject" => match &self.0 {
                Value::Object(o) => o.borrow().base.clone().unwrap_or_else(|| self.0.clone()),
                other => other.clone(),
            },
            "methods" => Value::array(vec![]),
            _ => return None,
        })
    }
    fn property_names(&self) -> Vec<Rc<str>> {
        ["BaseObject", "Members", "Properties", "Methods", "ImmediateBaseObject", "TypeNames"].iter().map(|s| Rc::from(*s)).collect()
    }
    fn to_display_string(&self) -> String {
        crate::engine::convert::to_display_string(&self.0)
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl NetObject for PropertyCollection {
    fn type_name(&self) -> &str {
        "System.Management.Automation.PSMemberInfoIntegratingCollection`1[[System.Management.Automation.PSPropertyInfo]]"
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        if eq_ci(name, "Count") {
            return Some(Value::Int(self.items().len() as i32));
        }
        // Member enumeration: `.Properties.Name` is every property's name.
        let vals: Vec<Value> = self.items().iter().map(|p| property_of(p, name)).collect();
        Some(Value::array(vals))
    }
    fn call_method(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
        let n = name.to_ascii_lowercase();
        let key = args.first().map(crate::engine::convert::to_display_string).unwrap_or_default();
        match n.as_str() {
            "get_item" | "item" => Some(Ok(self
                .items()
                .into_iter()
                .find(|p| eq_ci(&crate::engine::convert::to_display_string(&property_of(p, "Name")), &key))
                .unwrap_or(Value::Null))),
            "match" => Some(Ok(Value::array(
                self.items()
                    .into_iter()
                    .filter(|p| crate::engine::ops::wildcard_match(&key, &crate::engine::convert::to_display_string(&property_of(p, "Name")), false))
                    .collect(),
            ))),
            "remove" => {
                if let Value::Object(o) = &self.0 {
                    o.borrow_mut().props.shift_remove(&crate::engine::value::CiRef::new(&key));
                }
                Some(Ok(Value::Null))
            }
            "add" => {
                let (pname, pvalue) = match args.first() {
                    Some(p @ Value::Object(_)) => (crate::engine::convert::to_display_string(&property_of(p, "Name")), property_of(p, "Value")),
                    _ => return Some(Err("Cannot find an overload for \"Add\" and the argument count: \"1\".".into())),
                };
                match &self.0 {
                    Value::Object(o) => {
                        if o.borrow().get(&pname).is_some() {
                            return Some(Err(format!("The member \"{pname}\" is already present.")));
                        }
                        o.borrow_mut().set(&pname, pvalue);
                        Some(Ok(Value::Null))
                    }
                    _ => Some(Err("Cannot add a member to this object.".into())),
                }
            }
            _ => None,
        }
    }
    fn enumerate(&self) -> Option<Vec<Value>> {
        Some(self.items())
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
