//! Enumerations scripts name as types (`[System.Management.Automation.ActionPreference]::Stop`,
//! `[ConsoleColor]::Red`). Enum values are represented by their names (strings), which compare,
//! print and bind exactly as pwsh's enum values do in the scripts tenantsim runs.

use crate::engine::value::Value;
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
    enum_names(full)?.iter().find(|n| eq_ci(n, name)).map(|n| Value::str(n))
}

/// `[Enum]"Name"` / binding a string to an enum-typed parameter.
pub fn convert_enum(full: &str, v: &Value) -> Option<Result<Value, String>> {
    let names = enum_names(full)?;
    let s = crate::engine::convert::to_display_string(v);
    if let Some(n) = names.iter().find(|n| eq_ci(n, s.trim())) {
        return Some(Ok(Value::str(n)));
    }
    if let Ok(i) = s.trim().parse::<usize>() {
        if let Some(n) = names.get(i) {
            return Some(Ok(Value::str(n)));
        }
    }
    Some(Err(format!(
        "Unable to match the identifier name {s} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}",
        names.join(", ")
    )))
}

pub fn static_call(full: &str, method: &str, args: &[Value]) -> Option<Result<Value, String>> {
    let names = enum_names(full)?;
    match method {
        "getnames" | "getvalues" => Some(Ok(Value::array(names.iter().map(|n| Value::str(n)).collect()))),
        "parse" => convert_enum(full, args.first().unwrap_or(&Value::Null)),
        _ => None,
    }
}
