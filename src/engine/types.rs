//! .NET types as PowerShell scripts see them: type literals (`[int]`, `[System.IO.File]`),
//! type accelerators, `-is`/`-as`, `GetType()`, and the type of every `Value`.

use std::rc::Rc;

use crate::engine::value::Value;
use crate::lang::sym::eq_ci;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    Object,
    Void,
    Bool,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    BigInteger,
    Char,
    String,
    DateTime,
    DateTimeOffset,
    TimeSpan,
    Guid,
    Array,
    ObjectArray,
    Hashtable,
    OrderedDictionary,
    ArrayList,
    PSObject,
    PSCustomObject,
    ScriptBlock,
    SecureString,
    PSCredential,
    SwitchParameter,
    Type,
    Regex,
    Match,
    Math,
    Convert,
    File,
    Path,
    Directory,
    Environment,
    StringBuilder,
    Encoding,
    Version,
    Uri,
    MailAddress,
    IPAddress,
    WildcardPattern,
    Enum,
    ErrorRecord,
    Exception,
    Xml,
    IEnumerable,
    IDictionary,
    IList,
    ICollection,
    ValueType,
    Random,
    Stopwatch,
    PSPrimitiveDictionary,
    Int32Array,
    CultureInfo,
    TimeZoneInfo,
    Console,
    BitConverter,
    Char2,
    Text,
    HashSet,
    Queue,
    Stack,
    Dictionary,
    List,
    Nullable,
    PSVariable,
    Process,
    WebUtility,
    PSReference,
    StringComparer,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeRef {
    Known(Known),
    /// `T[]`
    ArrayOf(Rc<TypeRef>),
    /// `System.Collections.Generic.List[T]`
    ListOf(Rc<TypeRef>),
    /// `System.Collections.Generic.Dictionary[K,V]`
    DictOf(Rc<TypeRef>, Rc<TypeRef>),
    /// `System.Collections.Generic.HashSet[T]`
    HashSetOf(Rc<TypeRef>),
    /// `Nullable[T]`
    NullableOf(Rc<TypeRef>),
    /// A type known only by its full name: exception types, cmdlet output types, enums.
    Named(Rc<str>),
}

struct TypeEntry {
    known: Known,
    full: &'static str,
    /// Accelerators and short names that resolve to it (compared ignoring case).
    aliases: &'static [&'static str],
}

const TYPES: &[TypeEntry] = &[
    TypeEntry { known: Known::Object, full: "System.Object", aliases: &["object"] },
    TypeEntry { known: Known::Void, full: "System.Void", aliases: &["void"] },
    TypeEntry { known: Known::Bool, full: "System.Boolean", aliases: &["bool", "boolean"] },
    TypeEntry { known: Known::Byte, full: "System.Byte", aliases: &["byte"] },
    TypeEntry { known: Known::SByte, full: "System.SByte", aliases: &["sbyte"] },
    TypeEntry { known: Known::Int16, full: "System.Int16", aliases: &["short", "int16"] },
    TypeEntry { known: Known::UInt16, full: "System.UInt16", aliases: &["ushort", "uint16"] },
    TypeEntry { known: Known::Int32, full: "System.Int32", aliases: &["int", "int32"] },
    TypeEntry { known: Known::UInt32, full: "System.UInt32", aliases: &["uint", "uint32"] },
    TypeEntry { known: Known::Int64, full: "System.Int64", aliases: &["long", "int64"] },
    TypeEntry { known: Known::UInt64, full: "System.UInt64", aliases: &["ulong", "uint64"] },
    TypeEntry { known: Known::Single, full: "System.Single", aliases: &["float", "single"] },
    TypeEntry { known: Known::Double, full: "System.Double", aliases: &["double"] },
    TypeEntry { known: Known::Decimal, full: "System.Decimal", aliases: &["decimal"] },
    TypeEntry { known: Known::BigInteger, full: "System.Numerics.BigInteger", aliases: &["bigint"] },
    TypeEntry { known: Known::Char, full: "System.Char", aliases: &["char"] },
    TypeEntry { known: Known::String, full: "System.String", aliases: &["string"] },
    TypeEntry { known: Known::DateTime, full: "System.DateTime", aliases: &["datetime"] },
    TypeEntry { known: Known::DateTimeOffset, full: "System.DateTimeOffset", aliases: &["datetimeoffset"] },
    TypeEntry { known: Known::TimeSpan, full: "System.TimeSpan", aliases: &["timespan"] },
    TypeEntry { known: Known::Guid, full: "System.Guid", aliases: &["guid"] },
    TypeEntry { known: Known::Array, full: "System.Array", aliases: &["array"] },
    TypeEntry { known: Known::ObjectArray, full: "System.Object[]", aliases: &[] },
    TypeEntry { known: Known::Hashtable, full: "System.Collections.Hashtable", aliases: &["hashtable"] },
    TypeEntry { known: Known::OrderedDictionary, full: "System.Collections.Specialized.OrderedDictionary", aliases: &["ordered"] },
    TypeEntry { known: Known::ArrayList, full: "System.Collections.ArrayList", aliases: &["arraylist"] },
    TypeEntry { known: Known::PSObject, full: "System.Management.Automation.PSObject", aliases: &["psobject"] },
    TypeEntry { known: Known::PSCustomObject, full: "System.Management.Automation.PSCustomObject", aliases: &["pscustomobject"] },
    TypeEntry { known: Known::ScriptBlock, full: "System.Management.Automation.ScriptBlock", aliases: &["scriptblock"] },
    TypeEntry { known: Known::SecureString, full: "System.Security.SecureString", aliases: &["securestring"] },
    TypeEntry { known: Known::PSCredential, full: "System.Management.Automation.PSCredential", aliases: &["pscredential"] },
    TypeEntry { known: Known::SwitchParameter, full: "System.Management.Automation.SwitchParameter", aliases: &["switch"] },
    TypeEntry { known: Known::Type, full: "System.Type", aliases: &["type"] },
    TypeEntry { known: Known::Regex, full: "System.Text.RegularExpressions.Regex", aliases: &["regex"] },
    TypeEntry { known: Known::Match, full: "System.Text.RegularExpressions.Match", aliases: &[] },
    TypeEntry { known: Known::Math, full: "System.Math", aliases: &["math"] },
    TypeEntry { known: Known::Convert, full: "System.Convert", aliases: &["convert"] },
    TypeEntry { known: Known::File, full: "System.IO.File", aliases: &["io.file"] },
    TypeEntry { known: Known::Path, full: "System.IO.Path", aliases: &["io.path"] },
    TypeEntry { known: Known::Directory, full: "System.IO.Directory", aliases: &["io.directory"] },
    TypeEntry { known: Known::Environment, full: "System.Environment", aliases: &["environment"] },
    TypeEntry { known: Known::StringBuilder, full: "System.Text.StringBuilder", aliases: &["text.stringbuilder"] },
    TypeEntry { known: Known::Encoding, full: "System.Text.Encoding", aliases: &["text.encoding"] },
    TypeEntry { known: Known::Version, full: "System.Version", aliases: &["version"] },
    TypeEntry { known: Known::Uri, full: "System.Uri", aliases: &["uri"] },
    TypeEntry { known: Known::MailAddress, full: "System.Net.Mail.MailAddress", aliases: &["mailaddress"] },
    TypeEntry { known: Known::IPAddress, full: "System.Net.IPAddress", aliases: &["ipaddress"] },
    TypeEntry { known: Known::WildcardPattern, full: "System.Management.Automation.WildcardPattern", aliases: &["wildcardpattern"] },
    TypeEntry { known: Known::Enum, full: "System.Enum", aliases: &["enum"] },
    TypeEntry { known: Known::ErrorRecord, full: "System.Management.Automation.ErrorRecord", aliases: &[] },
    TypeEntry { known: Known::Exception, full: "System.Exception", aliases: &["exception"] },
    TypeEntry { known: Known::Xml, full: "System.Xml.XmlDocument", aliases: &["xml"] },
    TypeEntry { known: Known::IEnumerable, full: "System.Collections.IEnumerable", aliases: &[] },
    TypeEntry { known: Known::IDictionary, full: "System.Collections.IDictionary", aliases: &[] },
    TypeEntry { known: Known::IList, full: "System.Collections.IList", aliases: &[] },
    TypeEntry { known: Known::ICollection, full: "System.Collections.ICollection", aliases: &[] },
    TypeEntry { known: Known::ValueType, full: "System.ValueType", aliases: &[] },
    TypeEntry { known: Known::Random, full: "System.Random", aliases: &[] },
    TypeEntry { known: Known::Stopwatch, full: "System.Diagnostics.Stopwatch", aliases: &["diagnostics.stopwatch"] },
    TypeEntry { known: Known::CultureInfo, full: "System.Globalization.CultureInfo", aliases: &["cultureinfo"] },
    TypeEntry { known: Known::TimeZoneInfo, full: "System.TimeZoneInfo", aliases: &["timezoneinfo"] },
    TypeEntry { known: Known::Console, full: "System.Console", aliases: &["console"] },
    TypeEntry { known: Known::BitConverter, full: "System.BitConverter", aliases: &["bitconverter"] },
    TypeEntry { known: Known::PSVariable, full: "System.Management.Automation.PSVariable", aliases: &[] },
    TypeEntry { known: Known::Process, full: "System.Diagnostics.Process", aliases: &["diagnostics.process"] },
    TypeEntry { known: Known::Queue, full: "System.Collections.Queue", aliases: &[] },
    TypeEntry { known: Known::Stack, full: "System.Collections.Stack", aliases: &[] },
    TypeEntry { known: Known::WebUtility, full: "System.Net.WebUtility", aliases: &["System.Web.HttpUtility", "Web.HttpUtility"] },
    TypeEntry { known: Known::StringComparer, full: "System.StringComparer", aliases: &[] },
    TypeEntry { known: Known::PSReference, full: "System.Management.Automation.PSReference", aliases: &["ref"] },
];

/// Exception types scripts catch by name, with their base chain (most derived first).
pub const EXCEPTION_TYPES: &[(&str, &[&str])] = &[
    ("System.Management.Automation.RuntimeException", &["System.SystemException", "System.Exception"]),
    ("System.Management.Automation.CommandNotFoundException", &["System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"]),
    (
        "System.Management.Automation.ParameterBindingException",
        &["System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"],
    ),
    ("System.Management.Automation.ParseException", &["System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"]),
    (
        "System.Management.Automation.ItemNotFoundException",
        &["System.Management.Automation.SessionStateException", "System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"],
    ),
    (
        "System.Management.Automation.MethodInvocationException",
        &["System.Management.Automation.MethodException", "System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"],
    ),
    ("System.Management.Automation.MethodException", &["System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"]),
    ("System.Management.Automation.PSInvalidCastException", &["System.InvalidCastException", "System.SystemException", "System.Exception"]),
    ("System.Management.Automation.PSArgumentException", &["System.ArgumentException", "System.SystemException", "System.Exception"]),
    ("System.Management.Automation.PSInvalidOperationException", &["System.InvalidOperationException", "System.SystemException", "System.Exception"]),
    (
        "System.Management.Automation.ActionPreferenceStopException",
        &["System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"],
    ),
    (
        "System.Management.Automation.ValidationMetadataException",
        &["System.Management.Automation.MetadataException", "System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"],
    ),
    ("System.Management.Automation.PipelineStoppedException", &["System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"]),
    ("System.Management.Automation.ScriptCallDepthException", &["System.SystemException", "System.Exception"]),
    ("System.Management.Automation.PSNotSupportedException", &["System.NotSupportedException", "System.SystemException", "System.Exception"]),
    ("System.Management.Automation.Host.HostException", &["System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"]),
    ("System.Management.Automation.PSSecurityException", &["System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"]),
    ("Microsoft.PowerShell.Commands.WriteErrorException", &["System.SystemException", "System.Exception"]),
    ("System.DivideByZeroException", &["System.ArithmeticException", "System.SystemException", "System.Exception"]),
    ("System.OverflowException", &["System.ArithmeticException", "System.SystemException", "System.Exception"]),
    ("System.ArithmeticException", &["System.SystemException", "System.Exception"]),
    ("System.FormatException", &["System.SystemException", "System.Exception"]),
    ("System.InvalidCastException", &["System.SystemException", "System.Exception"]),
    ("System.ArgumentException", &["System.SystemException", "System.Exception"]),
    ("System.ArgumentNullException", &["System.ArgumentException", "System.SystemException", "System.Exception"]),
    ("System.ArgumentOutOfRangeException", &["System.ArgumentException", "System.SystemException", "System.Exception"]),
    ("System.IndexOutOfRangeException", &["System.SystemException", "System.Exception"]),
    ("System.InvalidOperationException", &["System.SystemException", "System.Exception"]),
    ("System.NotSupportedException", &["System.SystemException", "System.Exception"]),
    ("System.NotImplementedException", &["System.SystemException", "System.Exception"]),
    ("System.NullReferenceException", &["System.SystemException", "System.Exception"]),
    ("System.UnauthorizedAccessException", &["System.SystemException", "System.Exception"]),
    ("System.TimeoutException", &["System.SystemException", "System.Exception"]),
    ("System.IO.IOException", &["System.SystemException", "System.Exception"]),
    ("System.IO.FileNotFoundException", &["System.IO.IOException", "System.SystemException", "System.Exception"]),
    ("System.IO.DirectoryNotFoundException", &["System.IO.IOException", "System.SystemException", "System.Exception"]),
    ("System.Net.WebException", &["System.InvalidOperationException", "System.SystemException", "System.Exception"]),
    ("Microsoft.PowerShell.Commands.HttpResponseException", &["System.Net.Http.HttpRequestException", "System.Exception"]),
    ("System.Collections.Generic.KeyNotFoundException", &["System.SystemException", "System.Exception"]),
    ("System.Exception", &[]),
    ("System.SystemException", &["System.Exception"]),
];

/// Base chain of a known exception type (excluding itself); empty for unknown names.
pub fn exception_bases(full_name: &str) -> &'static [&'static str] {
    EXCEPTION_TYPES.iter().find(|(n, _)| eq_ci(n, full_name)).map(|(_, b)| *b).unwrap_or(&[])
}

fn exception_full_name(name: &str) -> Option<&'static str> {
    for (full, _) in EXCEPTION_TYPES {
        if eq_ci(full, name) {
            return Some(full);
        }
        // `[RuntimeException]` and `[Management.Automation.RuntimeException]` resolve too.
        if let Some(short) = full.strip_prefix("System.") {
            if eq_ci(short, name) {
                return Some(full);
            }
        }
        if let Some(pos) = full.rfind('.') {
            if eq_ci(&full[pos + 1..], name) && full.starts_with("System.Management.Automation.") {
                return Some(full);
            }
        }
    }
    None
}

fn lookup_known(name: &str) -> Option<Known> {
    let n = name.trim();
    for t in TYPES {
        if eq_ci(t.full, n) || t.aliases.iter().any(|a| eq_ci(a, n)) {
            return Some(t.known);
        }
        if let Some(short) = t.full.strip_prefix("System.") {
            if eq_ci(short, n) {
                return Some(t.known);
            }
        }
    }
    None
}

impl Known {
    pub fn full_name(self) -> &'static str {
        TYPES.iter().find(|t| t.known == self).map(|t| t.full).unwrap_or("System.Object")
    }
}

impl TypeRef {
    pub fn known(k: Known) -> Rc<TypeRef> {
        Rc::new(TypeRef::Known(k))
    }

    /// Resolve a type name as written in a script. Unknown names fail, as `[Foo]` does in pwsh
    /// ("Unable to find type [Foo].").
    pub fn resolve(name: &crate::lang::ast::TypeName) -> Option<TypeRef> {
        let mut base = TypeRef::resolve_generic(&name.name, &name.generic_args)?;
        for _ in 0..name.array_rank {
            base = TypeRef::ArrayOf(Rc::new(base));
        }
        Some(base)
    }

    fn resolve_generic(name: &str, args: &[crate::lang::ast::TypeName]) -> Option<TypeRef> {
        if args.is_empty() {
            if let Some(rest) = name.strip_suffix("[]") {
                return Some(TypeRef::ArrayOf(Rc::new(TypeRef::resolve_str(rest)?)));
            }
            return TypeRef::resolve_str(name);
        }
        let base = name.trim_start_matches("System.Collections.Generic.").trim_start_matches("Collections.Generic.");
        let arg = |i: usize| -> Option<Rc<TypeRef>> { Some(Rc::new(TypeRef::resolve(args.get(i)?)?)) };
        let base = base.trim_end_matches("`1").trim_end_matches("`2");
        if eq_ci(base, "List") {
            return Some(TypeRef::ListOf(arg(0)?));
        }
        if eq_ci(base, "Dictionary") || eq_ci(base, "SortedDictionary") {
            return Some(TypeRef::DictOf(arg(0)?, arg(1)?));
        }
        if eq_ci(base, "HashSet") {
            return Some(TypeRef::HashSetOf(arg(0)?));
        }
        if eq_ci(base, "Nullable") || eq_ci(base, "System.Nullable") {
            return Some(TypeRef::NullableOf(arg(0)?));
        }
        if eq_ci(base, "Queue") || eq_ci(base, "Stack") {
            let kind = if eq_ci(base, "Queue") { "Queue" } else { "Stack" };
            return Some(TypeRef::Named(Rc::from(format!("System.Collections.Generic.{kind}`1[[{}]]", arg(0)?.full_name()).as_str())));
        }
        None
    }

    pub fn resolve_str(name: &str) -> Option<TypeRef> {
        let n = name.trim();
        if let Some(rest) = n.strip_suffix("[]") {
            return Some(TypeRef::ArrayOf(Rc::new(TypeRef::resolve_str(rest)?)));
        }
        if let Some(k) = lookup_known(n) {
            return Some(TypeRef::Known(k));
        }
        if let Some(full) = exception_full_name(n) {
            return Some(TypeRef::Named(Rc::from(full)));
        }
        if let Some(full) = crate::engine::enums::enum_full_name(n) {
            return Some(TypeRef::Named(Rc::from(full)));
        }
        None
    }

    pub fn full_name(&self) -> String {
        match self {
            TypeRef::Known(k) => k.full_name().to_string(),
            TypeRef::ArrayOf(t) => format!("{}[]", t.full_name()),
            TypeRef::ListOf(t) => format!("System.Collections.Generic.List`1[[{}]]", t.full_name()),
            TypeRef::DictOf(k, v) => format!("System.Collections.Generic.Dictionary`2[[{}],[{}]]", k.full_name(), v.full_name()),
            TypeRef::HashSetOf(t) => format!("System.Collections.Generic.HashSet`1[[{}]]", t.full_name()),
            TypeRef::NullableOf(t) => format!("System.Nullable`1[[{}]]", t.full_name()),
            TypeRef::Named(n) => n.to_string(),
        }
    }

    /// The short name (`GetType().Name`).
    pub fn name(&self) -> String {
        match self {
            TypeRef::ArrayOf(t) => format!("{}[]", t.name()),
            TypeRef::ListOf(_) => "List`1".to_string(),
            TypeRef::DictOf(..) => "Dictionary`2".to_string(),
            TypeRef::HashSetOf(_) => "HashSet`1".to_string(),
            TypeRef::NullableOf(_) => "Nullable`1".to_string(),
            other => {
                let f = other.full_name();
                f.rsplit('.').next().unwrap_or(&f).to_string()
            }
        }
    }

    /// How pwsh writes the type in messages such as "Cannot convert … to type \"System.Int32\"".
    pub fn message_name(&self) -> String {
        match self {
            TypeRef::ListOf(t) => format!("System.Collections.Generic.List`1[{}]", t.full_name()),
            _ => self.full_name(),
        }
    }

    pub fn is_known(&self, k: Known) -> bool {
        matches!(self, TypeRef::Known(x) if *x == k)
    }
}

/// The .NET type of a value, as `GetType()` reports it.
pub fn type_of(v: &Value) -> TypeRef {
    use Known::*;
    match v {
        Value::Null => TypeRef::Known(Object),
        Value::Bool(_) => TypeRef::Known(Bool),
        Value::Int(_) => TypeRef::Known(Int32),
        Value::Long(_) => TypeRef::Known(Int64),
        Value::Double(_) => TypeRef::Known(Double),
        Value::Decimal(_) => TypeRef::Known(Decimal),
        Value::Byte(_) => TypeRef::Known(Byte),
        Value::Char(_) => TypeRef::Known(Char),
        Value::Str(_) => TypeRef::Known(String),
        Value::Array(_) => TypeRef::Known(ObjectArray),
        Value::List(l) => match &l.element_type {
            Some(t) => TypeRef::ListOf(t.clone()),
            None => TypeRef::Known(ArrayList),
        },
        Value::Hashtable(h) => {
            if h.borrow().ordered {
                TypeRef::Known(OrderedDictionary)
            } else {
                TypeRef::Known(Hashtable)
            }
        }
        Value::Object(o) => {
            let o = o.borrow();
            if o.is_custom() { TypeRef::Known(PSCustomObject) } else { TypeRef::Named(o.type_names[0].clone()) }
        }
        Value::ScriptBlock(_) => TypeRef::Known(ScriptBlock),
        Value::DateTime(_) => TypeRef::Known(DateTime),
        Value::TimeSpan(_) => TypeRef::Known(TimeSpan),
        Value::Guid(_) => TypeRef::Known(Guid),
        Value::SecureString(_) => TypeRef::Known(SecureString),
        Value::Type(_) => TypeRef::Named(Rc::from("System.RuntimeType")),
        Value::Switch(_) => TypeRef::Known(SwitchParameter),
        Value::Bytes(_) => TypeRef::ArrayOf(TypeRef::known(Byte)),
        Value::Net(n) => TypeRef::Named(Rc::from(n.type_name())),
    }
}

/// All type names a value answers to with `-is` (most derived first).
pub fn type_names_of(v: &Value) -> Vec<String> {
    let mut out = vec![type_of(v).full_name()];
    match v {
        Value::Int(_)
        | Value::Long(_)
        | Value::Double(_)
        | Value::Decimal(_)
        | Value::Byte(_)
        | Value::Bool(_)
        | Value::Char(_)
        | Value::DateTime(_)
        | Value::TimeSpan(_)
        | Value::Guid(_)
        | Value::Switch(_) => out.push("System.ValueType".into()),
        Value::Array(_) | Value::Bytes(_) => {
            out.extend(["System.Array", "System.Collections.IList", "System.Collections.ICollection", "System.Collections.IEnumerable"].map(String::from))
        }
        Value::List(_) => out.extend(["System.Collections.IList", "System.Collections.ICollection", "System.Collections.IEnumerable"].map(String::from)),
        Value::Hashtable(_) => {
            out.extend(["System.Collections.IDictionary", "System.Collections.ICollection", "System.Collections.IEnumerable"].map(String::from))
        }
        Value::Str(_) => out.push("System.Collections.IEnumerable".into()),
        Value::Object(o) => {
            out.clear();
            out.extend(o.borrow().type_names.iter().map(|s| s.to_string()));
            out.push("System.Management.Automation.PSObject".into());
        }
        Value::Net(n) => {
            out.clear();
            out.extend(n.type_hierarchy().into_iter().map(String::from));
        }
        _ => {}
    }
    out.push("System.Object".into());
    out
}

/// `$v -is [T]`
pub fn value_is(v: &Value, t: &TypeRef) -> bool {
    if v.is_null() {
        return false;
    }
    match t {
        TypeRef::Known(Known::Object) => true,
        TypeRef::Known(Known::PSObject) => true,
        TypeRef::Known(Known::PSCustomObject) => matches!(v, Value::Object(o) if o.borrow().is_custom()),
        TypeRef::Known(Known::Array) => matches!(v, Value::Array(_) | Value::Bytes(_)),
        TypeRef::ArrayOf(inner) => match v {
            Value::Array(_) => inner.is_known(Known::Object),
            Value::Bytes(_) => inner.is_known(Known::Byte),
            _ => false,
        },
        TypeRef::ListOf(inner) => matches!(v, Value::List(l) if l.element_type.as_deref() == Some(inner)),
        _ => {
            let want = t.full_name();
            type_names_of(v).iter().any(|n| eq_ci(n, &want))
        }
    }
}
