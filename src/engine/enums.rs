//! Enumerations scripts name as types (`[System.Management.Automation.ActionPreference]::Stop`,
//! `[ConsoleColor]::Red`, `(Get-Date).DayOfWeek`). An enum value is a .NET object with a name and
//! an underlying integer: it prints, binds and compares with strings by name (`-eq 'Red'`), and
//! converts to numbers by value (`[int][DayOfWeek]::Friday` is 5).

use std::any::Any;
use std::rc::Rc;

use crate::engine::value::{NetObject, Value};
use crate::lang::sym::eq_ci;

pub const ENUMS: &[(&str, &[&str])] = &[
    ("System.Management.Automation.ActionPreference", &["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"]),
    (
        "System.ConsoleColor",
        &[
            "Black",
            "DarkBlue",
            "DarkGreen",
            "DarkCyan",
            "DarkRed",
            "DarkMagenta",
            "DarkYellow",
            "Gray",
            "DarkGray",
            "Blue",
            "Green",
            "Cyan",
            "Red",
            "Magenta",
            "Yellow",
            "White",
        ],
    ),
    (
        "System.Management.Automation.ErrorCategory",
        &[
            "NotSpecified",
            "OpenError",
            "CloseError",
            "DeviceError",
            "DeadlockDetected",
            "InvalidArgument",
            "InvalidData",
            "InvalidOperation",
            "InvalidResult",
            "InvalidType",
            "MetadataError",
            "NotImplemented",
            "NotInstalled",
            "ObjectNotFound",
            "OperationStopped",
            "OperationTimeout",
            "SyntaxError",
            "ParserError",
            "PermissionDenied",
            "ResourceBusy",
            "ResourceExists",
            "ResourceUnavailable",
            "ReadError",
            "WriteError",
            "FromStdErr",
            "SecurityError",
            "ProtocolError",
            "ConnectionError",
            "AuthenticationError",
            "LimitsExceeded",
            "QuotaExceeded",
            "NotEnabled",
        ],
    ),
    (
        "System.StringComparison",
        &["CurrentCulture", "CurrentCultureIgnoreCase", "InvariantCulture", "InvariantCultureIgnoreCase", "Ordinal", "OrdinalIgnoreCase"],
    ),
    ("System.StringSplitOptions", &["None", "RemoveEmptyEntries", "TrimEntries"]),
    (
        "System.Text.RegularExpressions.RegexOptions",
        &[
            "None",
            "IgnoreCase",
            "Multiline",
            "ExplicitCapture",
            "Compiled",
            "Singleline",
            "IgnorePatternWhitespace",
            "RightToLeft",
            "ECMAScript",
            "CultureInvariant",
        ],
    ),
    ("System.DateTimeKind", &["Unspecified", "Utc", "Local"]),
    ("System.DayOfWeek", &["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]),
    ("System.MidpointRounding", &["ToEven", "AwayFromZero", "ToZero", "ToNegativeInfinity", "ToPositiveInfinity"]),
    ("System.IO.FileMode", &["CreateNew", "Create", "Open", "OpenOrCreate", "Truncate", "Append"]),
    ("System.Environment+SpecialFolder", &["Desktop", "MyDocuments", "UserProfile", "ApplicationData", "LocalApplicationData", "Temp"]),
    ("Microsoft.SharePoint.Client.Administration.OrgRelationRole", &["None", "Source", "Target"]),
    ("Microsoft.SharePoint.Client.Administration.OrgRelationScenario", &["None", "MnA"]),
];

/// Underlying values of enums whose members are not numbered 0, 1, 2, … (flags and gaps).
const VALUES: &[(&str, &[i64])] = &[
    ("System.Text.RegularExpressions.RegexOptions", &[0, 1, 2, 4, 8, 16, 32, 64, 256, 512]),
    ("System.IO.FileMode", &[1, 2, 3, 4, 5, 6]),
    ("System.Environment+SpecialFolder", &[0, 5, 40, 26, 28, 1000]),
];

/// Flags enums: a value can combine several names (`IgnoreCase, Multiline`).
const FLAGS: &[&str] = &["System.Text.RegularExpressions.RegexOptions"];

/// A value of an enum type.
#[derive(Debug)]
pub struct EnumValue {
    pub type_name: &'static str,
    /// The member name, or names joined with ", " for a flags combination.
    pub name: Rc<str>,
    pub value: i64,
}

impl NetObject for EnumValue {
    fn type_name(&self) -> &str {
        self.type_name
    }
    fn type_hierarchy(&self) -> Vec<&str> {
        vec![self.type_name, "System.Enum", "System.ValueType", "System.Object"]
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        if eq_ci(name, "value__") {
            return Some(Value::Int(self.value as i32));
        }
        None
    }
    fn call_method(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
        let n = name.to_ascii_lowercase();
        Some(Ok(match n.as_str() {
            "tostring" => match args.first().map(crate::engine::convert::to_display_string).as_deref() {
                Some("D") | Some("d") => Value::string(self.value.to_string()),
                Some("X") | Some("x") => Value::string(format!("{:08X}", self.value)),
                _ => Value::Str(self.name.clone()),
            },
            "hasflag" => {
                let other = args.first().and_then(|a| member_value(self.type_name, a)).unwrap_or(0);
                Value::Bool(self.value & other == other)
            }
            "compareto" => {
                let other = args.first().and_then(|a| member_value(self.type_name, a)).unwrap_or(0);
                Value::Int(self.value.cmp(&other) as i32)
            }
            "gethashcode" => Value::Int(self.value as i32),
            "gettypecode" => Value::str("Int32"),
            _ => return None,
        }))
    }
    fn to_display_string(&self) -> String {
        self.name.to_string()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The enum value behind a Value, if it is one.
pub fn as_enum(v: &Value) -> Option<&EnumValue> {
    match v {
        Value::Net(n) => n.as_any().downcast_ref::<EnumValue>(),
        _ => None,
    }
}

fn entry(full: &str) -> Option<(&'static str, &'static [&'static str])> {
    ENUMS.iter().find(|(f, _)| eq_ci(f, full)).map(|(f, v)| (*f, *v))
}

fn values_of(full: &str, names: &[&str]) -> Vec<i64> {
    match VALUES.iter().find(|(f, _)| eq_ci(f, full)) {
        Some((_, v)) => v.to_vec(),
        None => (0..names.len() as i64).collect(),
    }
}

/// The enum value of a member (by name, ignoring case) or of an underlying number.
pub fn make(full: &str, member: &str) -> Option<Value> {
    let (type_name, names) = entry(full)?;
    let values = values_of(type_name, names);
    let i = names.iter().position(|n| eq_ci(n, member.trim()))?;
    Some(Value::Net(Rc::new(EnumValue { type_name, name: Rc::from(names[i]), value: values[i] })))
}

/// The enum value with a given underlying number (flags enums combine names).
pub fn from_number(full: &str, n: i64) -> Option<Value> {
    let (type_name, names) = entry(full)?;
    let values = values_of(type_name, names);
    if let Some(i) = values.iter().position(|v| *v == n) {
        return Some(Value::Net(Rc::new(EnumValue { type_name, name: Rc::from(names[i]), value: n })));
    }
    if FLAGS.iter().any(|f| eq_ci(f, type_name)) && n > 0 {
        let parts: Vec<&str> = names.iter().zip(&values).filter(|(_, v)| **v != 0 && n & **v == **v).map(|(nm, _)| *nm).collect();
        let covered = values.iter().filter(|v| **v != 0 && n & **v == **v).fold(0, |a, v| a | v);
        if covered == n {
            return Some(Value::Net(Rc::new(EnumValue { type_name, name: Rc::from(parts.join(", ").as_str()), value: n })));
        }
    }
    None
}

/// The underlying number a value stands for as a member of this enum type (an enum value, a
/// member name, or a number).
pub fn member_value(full: &str, v: &Value) -> Option<i64> {
    if let Some(e) = as_enum(v) {
        return Some(e.value);
    }
    match convert_enum(full, v)? {
        Ok(x) => as_enum(&x).map(|e| e.value),
        Err(_) => None,
    }
}

pub fn enum_full_name(name: &str) -> Option<&'static str> {
    ENUMS.iter().map(|(full, _)| *full).find(|full| {
        eq_ci(full, name) || full.strip_prefix("System.").is_some_and(|s| eq_ci(s, name)) || full.rsplit(['.', '+']).next().is_some_and(|s| eq_ci(s, name))
    })
}

pub fn enum_names(full: &str) -> Option<&'static [&'static str]> {
    ENUMS.iter().find(|(f, _)| eq_ci(f, full)).map(|(_, v)| *v)
}

/// `[Enum]::Name`
pub fn enum_value(full: &str, name: &str) -> Option<Value> {
    make(full, name)
}

/// `[Enum]"Name"`, `[Enum]3`, `[Enum]"A, B"` (flags).
pub fn convert_enum(full: &str, v: &Value) -> Option<Result<Value, String>> {
    let (type_name, names) = entry(full)?;
    if let Some(e) = as_enum(v) {
        if e.type_name == type_name {
            return Some(Ok(v.clone()));
        }
        return Some(from_number(type_name, e.value).ok_or_else(|| undefined(v, type_name, names)));
    }
    if let Some(n) = match v {
        Value::Int(i) => Some(*i as i64),
        Value::Long(i) => Some(*i),
        Value::Byte(b) => Some(*b as i64),
        _ => None,
    } {
        return Some(from_number(type_name, n).ok_or_else(|| undefined(v, type_name, names)));
    }
    let s = crate::engine::convert::to_display_string(v);
    if let Some(x) = make(type_name, &s) {
        return Some(Ok(x));
    }
    if let Ok(n) = s.trim().parse::<i64>() {
        return Some(from_number(type_name, n).ok_or_else(|| undefined(v, type_name, names)));
    }
    // `"IgnoreCase, Multiline"` for flags enums.
    if s.contains(',') {
        let mut total = 0i64;
        let values = values_of(type_name, names);
        for part in s.split(',') {
            match names.iter().position(|n| eq_ci(n, part.trim())) {
                Some(i) => total |= values[i],
                None => return Some(Err(unknown_name(part.trim(), names))),
            }
        }
        if let Some(x) = from_number(type_name, total) {
            return Some(Ok(x));
        }
    }
    Some(Err(unknown_name(&s, names)))
}

fn unknown_name(s: &str, names: &[&str]) -> String {
    format!(
        "Unable to match the identifier name {s} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}",
        names.join(", ")
    )
}

/// An integer that names no member: pwsh's whole message (InvalidCastExceptionEnumerationNoValue),
/// marked so the conversion error uses it as is.
fn undefined(v: &Value, type_name: &str, names: &[&str]) -> String {
    format!(
        "{WHOLE_MESSAGE}Cannot convert value \"{}\" to type \"{type_name}\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"{}\".",
        crate::engine::convert::to_display_string(v),
        names.join(", ")
    )
}

/// Prefix of an enum conversion error that is already pwsh's whole message.
pub const WHOLE_MESSAGE: &str = "\u{1}";

pub fn static_call(full: &str, method: &str, args: &[Value]) -> Option<Result<Value, String>> {
    let names = enum_names(full)?;
    match method {
        "getnames" => Some(Ok(Value::array(names.iter().map(|n| Value::str(n)).collect()))),
        "getvalues" => Some(Ok(Value::array(names.iter().filter_map(|n| make(full, n)).collect()))),
        "parse" => convert_enum(full, args.first().unwrap_or(&Value::Null)),
        _ => None,
    }
}
