//! PowerShell's conversions (LanguagePrimitives): truthiness, string forms, number parsing,
//! casts to a type, and comparison with the left operand's type deciding.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use crate::engine::datetime::{DateKind, DateTime, TICKS_PER_DAY, TICKS_PER_MS, TICKS_PER_SECOND};
use crate::engine::types::{Known, TypeRef, type_of};
use crate::engine::value::{Hashtable, ListValue, PsObject, Value, format_guid, parse_guid};

/// `[bool]$x`: null, 0, "", empty collections and single-falsy-element arrays are false.
pub fn to_bool(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) | Value::Switch(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Long(i) => *i != 0,
        Value::Double(d) | Value::Decimal(d) => *d != 0.0,
        Value::Byte(b) => *b != 0,
        Value::Char(c) => *c != '\0',
        Value::Str(s) => !s.is_empty(),
        Value::Array(a) => {
            let a = a.borrow();
            match a.len() {
                0 => false,
                1 => to_bool(&a[0]),
                _ => true,
            }
        }
        Value::List(l) => {
            let a = l.items.borrow();
            match a.len() {
                0 => false,
                1 => to_bool(&a[0]),
                _ => true,
            }
        }
        Value::Bytes(b) => match b.len() {
            0 => false,
            1 => b[0] != 0,
            _ => true,
        },
        _ => true,
    }
}

/// How PowerShell turns a double into text (string conversion and console output): .NET "G15"
/// with the invariant culture — `0.1+0.2` is `0.3`, `1e20` is `1E+20` (PowerShell PR #9893 kept
/// the pre-.NET Core 3 precision). `.ToString()` on a double is shortest round-trip instead:
/// see [`format_double_roundtrip`].
pub fn format_double(d: f64) -> String {
    format_double_digits(d, Some(15))
}

/// .NET Core's `double.ToString()` (shortest round-trip).
pub fn format_double_roundtrip(d: f64) -> String {
    format_double_digits(d, None)
}

fn format_double_digits(d: f64, precision: Option<usize>) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if d == 0.0 {
        return if d.is_sign_negative() && precision.is_none() { "-0".into() } else { "0".into() };
    }
    let sci = match precision {
        Some(p) => format!("{:.*e}", p.saturating_sub(1), d),
        None => format!("{:e}", d),
    };
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let mut digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    let limit = precision.unwrap_or(15) as i32;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    // .NET "G": fixed-point only while -5 < exponent < precision.
    if exp >= limit || exp <= -5 {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('E');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let e = exp as usize;
        if digits.len() <= e + 1 {
            out.push_str(&digits);
            for _ in 0..(e + 1 - digits.len()) {
                out.push('0');
            }
        } else {
            out.push_str(&digits[..e + 1]);
            out.push('.');
            out.push_str(&digits[e + 1..]);
        }
    }
    out
}

/// TimeSpan.ToString() ("c" format): `[-][d.]hh:mm:ss[.fffffff]`.
pub fn format_timespan(ticks: i64) -> String {
    let neg = ticks < 0;
    let t = ticks.unsigned_abs() as i64;
    let days = t / TICKS_PER_DAY;
    let rem = t % TICKS_PER_DAY;
    let h = rem / (3600 * TICKS_PER_SECOND);
    let m = (rem / (60 * TICKS_PER_SECOND)) % 60;
    let s = (rem / TICKS_PER_SECOND) % 60;
    let frac = rem % TICKS_PER_SECOND;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if days > 0 {
        out.push_str(&format!("{days}."));
    }
    out.push_str(&format!("{h:02}:{m:02}:{s:02}"));
    if frac > 0 {
        out.push_str(&format!(".{frac:07}"));
    }
    out
}

/// How a DateTime becomes a string in PowerShell (`"$date"`, `[string]$date`): invariant culture
/// "MM/dd/yyyy HH:mm:ss".
pub fn format_datetime_invariant(d: DateTime) -> String {
    d.to_naive().format("%m/%d/%Y %H:%M:%S").to_string()
}

/// PSObject.ToString() for a PSCustomObject: `@{a=1; b=two}`.
pub fn custom_object_string(o: &PsObject) -> String {
    let mut s = String::from("@{");
    for (i, p) in o.props.values().enumerate() {
        if i > 0 {
            s.push_str("; ");
        }
        s.push_str(&p.name);
        s.push('=');
        s.push_str(&to_display_string(&p.value));
    }
    s.push('}');
    s
}

/// Append an integer's decimal digits without going through `core::fmt`.
#[inline]
pub fn push_int(s: &mut String, v: i64) {
    let mut buf = [0u8; 20];
    let mut n = v.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        s.push('-');
    }
    // The buffer holds ASCII digits only.
    s.push_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
}

/// Append a value's string form (`[string]` conversion) to a buffer.
pub fn push_display(s: &mut String, v: &Value, ofs: &str) {
    match v {
        Value::Str(x) => s.push_str(x),
        Value::Int(i) => push_int(s, *i as i64),
        Value::Long(i) => push_int(s, *i),
        Value::Null => {}
        other => s.push_str(&to_string_with(other, ofs)),
    }
}

/// `[string]$v` with `$OFS` = " ".
pub fn to_display_string(v: &Value) -> String {
    to_string_with(v, " ")
}

/// String conversion with an explicit `$OFS` for arrays.
pub fn to_string_with(v: &Value, ofs: &str) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) | Value::Switch(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Long(i) => i.to_string(),
        Value::Double(d) => format_double(*d),
        Value::Decimal(d) => format_decimal(*d),
        Value::Byte(b) => b.to_string(),
        Value::Char(c) => c.to_string(),
        Value::Str(s) => s.to_string(),
        Value::Array(a) => a.borrow().iter().map(|x| to_string_with(x, ofs)).collect::<Vec<_>>().join(ofs),
        Value::List(l) => l.items.borrow().iter().map(|x| to_string_with(x, ofs)).collect::<Vec<_>>().join(ofs),
        Value::Bytes(b) => b.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(ofs),
        Value::Hashtable(h) => {
            if h.borrow().ordered {
                "System.Collections.Specialized.OrderedDictionary".into()
            } else {
                "System.Collections.Hashtable".into()
            }
        }
        Value::Object(o) => {
            let o = o.borrow();
            if let Some(s) = &o.to_string {
                return s.to_string();
            }
            if let Some(b) = &o.base {
                return to_string_with(b, ofs);
            }
            if o.is_custom() { custom_object_string(&o) } else { o.type_names[0].to_string() }
        }
        Value::ScriptBlock(sb) => sb.body_text().to_string(),
        Value::DateTime(d) => format_datetime_invariant(*d),
        Value::TimeSpan(t) => format_timespan(*t),
        Value::Guid(g) => format_guid(g),
        Value::SecureString(_) => "System.Security.SecureString".into(),
        Value::Type(t) => type_display_name(t),
        Value::Net(n) => n.to_display_string(),
    }
}

/// `"$([int])"` prints "int": PowerShell renders types by their accelerator-free short form.
pub fn type_display_name(t: &TypeRef) -> String {
    match t {
        TypeRef::Known(k) => {
            let full = k.full_name();
            match k {
                Known::Int32 => "int".into(),
                Known::Int64 => "long".into(),
                Known::String => "string".into(),
                Known::Bool => "bool".into(),
                Known::Double => "double".into(),
                Known::Object => "System.Object".into(),
                Known::Hashtable => "hashtable".into(),
                Known::DateTime => "datetime".into(),
                _ => full.to_string(),
            }
        }
        other => other.full_name(),
    }
}

pub fn format_decimal(d: f64) -> String {
    if d.fract() == 0.0 && d.abs() < 1e28 { format!("{}", d as i128) } else { format_double(d) }
}

// ───────────────────────────── numbers ─────────────────────────────

/// Parse a number the way PowerShell's tokenizer does for string conversions: optional sign,
/// decimal or 0x hex, optional exponent, `l`/`d` suffixes and kb/mb/gb/tb/pb multipliers.
/// Whitespace around the number is ignored. Returns the narrowest of Int32, Int64, Double.
pub fn parse_number(text: &str) -> Option<Value> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let (neg, body) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => {
            if t.starts_with('\u{2013}') || t.starts_with('\u{2014}') {
                (true, &t[3..])
            } else {
                (false, t)
            }
        }
    };
    if body.is_empty() {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    let mut b: &str = &lower;
    let mut mult: i64 = 1;
    for (suf, m) in [("kb", 1i64 << 10), ("mb", 1 << 20), ("gb", 1 << 30), ("tb", 1 << 40), ("pb", 1 << 50)] {
        if let Some(rest) = b.strip_suffix(suf) {
            b = rest;
            mult = m;
            break;
        }
    }
    let mut force_long = false;
    let mut force_decimal = false;
    if let Some(rest) = b.strip_suffix('l') {
        if !rest.starts_with("0x") || rest.len() > 2 {
            b = rest;
            force_long = true;
        }
    } else if !b.starts_with("0x") {
        if let Some(rest) = b.strip_suffix('d') {
            b = rest;
            force_decimal = true;
        }
    }
    if b.is_empty() {
        return None;
    }
    if let Some(hex) = b.strip_prefix("0x") {
        if hex.is_empty() || !hex.bytes().all(|c| c.is_ascii_hexdigit()) || hex.len() > 16 {
            return None;
        }
        let u = u64::from_str_radix(hex, 16).ok()?;
        // Hex literals fill Int32 then Int64 as two's complement (0xFFFFFFFF is -1).
        let v: i64 = if hex.len() <= 8 && !force_long { u as u32 as i32 as i64 } else { u as i64 };
        let v = if neg { v.checked_neg()? } else { v };
        let v = v.checked_mul(mult)?;
        return Some(narrow_int(v, force_long || hex.len() > 8));
    }
    if !b.bytes().all(|c| c.is_ascii_digit() || c == b'.' || c == b'e' || c == b'+' || c == b'-') {
        return None;
    }
    if !b.bytes().next().is_some_and(|c| c.is_ascii_digit() || c == b'.') {
        return None;
    }
    let is_real = b.contains('.') || b.contains('e');
    if !is_real && !force_decimal {
        if let Ok(i) = b.parse::<i64>() {
            let i = if neg { -i } else { i };
            if let Some(v) = i.checked_mul(mult) {
                return Some(narrow_int(v, force_long));
            }
        }
        let d: f64 = b.parse().ok()?;
        let d = if neg { -d } else { d } * mult as f64;
        return Some(Value::Double(d));
    }
    let d: f64 = b.parse().ok()?;
    let d = if neg { -d } else { d } * mult as f64;
    if force_decimal {
        return Some(Value::Decimal(d));
    }
    if force_long {
        return Some(Value::Long(d.round_ties_even() as i64));
    }
    Some(Value::Double(d))
}

fn narrow_int(v: i64, force_long: bool) -> Value {
    if !force_long && v >= i32::MIN as i64 && v <= i32::MAX as i64 { Value::Int(v as i32) } else { Value::Long(v) }
}

/// A numeric view of a value for arithmetic.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i64, bool),
    Double(f64),
    Decimal(f64),
}

impl Num {
    pub fn to_f64(self) -> f64 {
        match self {
            Num::Int(i, _) => i as f64,
            Num::Double(d) | Num::Decimal(d) => d,
        }
    }
}

/// Convert for arithmetic: numbers, bools, chars, numeric strings, `$null` (0).
pub fn to_num(v: &Value) -> Option<Num> {
    Some(match v {
        Value::Null => Num::Int(0, false),
        Value::Int(i) => Num::Int(*i as i64, false),
        Value::Long(i) => Num::Int(*i, true),
        Value::Byte(b) => Num::Int(*b as i64, false),
        Value::Double(d) => Num::Double(*d),
        Value::Decimal(d) => Num::Decimal(*d),
        Value::Bool(b) | Value::Switch(b) => Num::Int(*b as i64, false),
        Value::Char(c) => Num::Int(*c as i64, false),
        Value::Str(s) => {
            if s.trim().is_empty() {
                return Some(Num::Int(0, false));
            }
            match parse_number(s)? {
                Value::Int(i) => Num::Int(i as i64, false),
                Value::Long(i) => Num::Int(i, true),
                Value::Double(d) => Num::Double(d),
                Value::Decimal(d) => Num::Decimal(d),
                _ => return None,
            }
        }
        Value::Array(a) => {
            let a = a.borrow();
            if a.len() == 1 {
                return to_num(&a[0]);
            }
            return None;
        }
        Value::Net(_) => match crate::engine::enums::as_enum(v) {
            Some(e) => Num::Int(e.value, false),
            None => return None,
        },
        _ => return None,
    })
}

pub fn num_to_value(n: Num) -> Value {
    match n {
        Num::Int(i, long) => narrow_int(i, long),
        Num::Double(d) => Value::Double(d),
        Num::Decimal(d) => Value::Decimal(d),
    }
}

pub fn is_numeric(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Decimal(_) | Value::Byte(_))
}

// ───────────────────────────── casts ─────────────────────────────

/// Why a conversion failed; rendered with pwsh's texts by [`ConvError::message`].
#[derive(Debug, Clone)]
pub struct ConvError {
    pub value_text: String,
    pub from_type: String,
    pub to_type: String,
    /// The inner .NET error text, when pwsh shows one (`Error: "…"`).
    pub inner: Option<String>,
    /// The PSInvalidCastException's error id (FullyQualifiedErrorId of the cast's error).
    pub id: &'static str,
}

impl ConvError {
    /// pwsh: `Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`
    /// or, without an inner error: `Cannot convert the "x" value of type "System.String" to type "System.Foo".`
    pub fn message(&self) -> String {
        if let Some(whole) = self.inner.as_deref().and_then(|i| i.strip_prefix(crate::engine::enums::WHOLE_MESSAGE)) {
            return whole.to_string();
        }
        match &self.inner {
            Some(inner) => format!("Cannot convert value \"{}\" to type \"{}\". Error: \"{}\"", self.value_text, self.to_type, inner),
            None => format!("Cannot convert the \"{}\" value of type \"{}\" to type \"{}\".", self.value_text, self.from_type, self.to_type),
        }
    }
}

fn conv_err(v: &Value, to: &TypeRef, inner: Option<String>) -> ConvError {
    let id = cast_error_id(v, to, inner.is_some());
    ConvError { value_text: to_display_string(v), from_type: type_of(v).full_name(), to_type: to.message_name(), inner, id }
}

/// LanguagePrimitives' error ids for failed conversions.
fn cast_error_id(v: &Value, to: &TypeRef, has_inner: bool) -> &'static str {
    use Known::*;
    if !has_inner {
        return "ConvertToFinalInvalidCastException";
    }
    match (v, to) {
        (Value::Str(_), TypeRef::Known(Int32 | Int64 | Int16 | UInt16 | UInt32 | UInt64 | SByte | Byte | BigInteger)) => "InvalidCastFromStringToInteger",
        (Value::Str(_), TypeRef::Known(Double | Single)) => "InvalidCastFromStringToDoubleOrSingle",
        (Value::Str(_), TypeRef::Known(Decimal)) => "InvalidCastFromStringToDecimal",
        (Value::Str(_), TypeRef::Known(Regex)) => "InvalidCastFromStringToRegex",
        (Value::Str(_), TypeRef::Known(Uri)) => "InvalidCastFromStringToUri",
        (Value::Str(_), TypeRef::Named(_)) => "InvalidCastFromStringToEnum",
        (Value::Str(_), _) => "InvalidCastParseTargetInvocation",
        (_, TypeRef::ArrayOf(_)) => "InvalidCastExceptionEnumerableToArray",
        _ => "InvalidCastIConvertible",
    }
}

fn format_error(v: &Value, to: &TypeRef) -> ConvError {
    let s = to_display_string(v);
    conv_err(v, to, Some(format!("The input string '{s}' was not in a correct format.")))
}

fn overflow_error(v: &Value, to: &TypeRef, short: &str) -> ConvError {
    conv_err(v, to, Some(format!("Value was either too large or too small for {short}.")))
}

/// .NET's Double.Parse with NumberStyles.Float | AllowThousands (the fallback LanguagePrimitives
/// uses for strings, also for integers "through double"): `1,000` is 1000.
fn parse_with_thousands(s: &str) -> Option<f64> {
    let t = s.trim();
    let (int_part, rest) = match t.find(['.', 'e', 'E']) {
        Some(i) => (&t[..i], &t[i..]),
        None => (t, ""),
    };
    let unsigned = int_part.trim_start_matches(['+', '-']);
    if !unsigned.contains(',') || unsigned.starts_with(',') || !unsigned.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    format!("{}{}", int_part.replace(',', ""), rest).parse::<f64>().ok()
}

fn int_from(v: &Value, to: &TypeRef, min: i64, max: i64, short: &str) -> Result<i64, ConvError> {
    let n = match v {
        Value::Str(s) if s.trim().is_empty() => return Ok(0),
        Value::Str(s) => match to_num(v) {
            Some(n) => n,
            None => Num::Double(parse_with_thousands(s).ok_or_else(|| format_error(v, to))?),
        },
        Value::DateTime(_) | Value::Hashtable(_) | Value::Object(_) | Value::ScriptBlock(_) => return Err(conv_err(v, to, None)),
        _ => to_num(v).ok_or_else(|| conv_err(v, to, None))?,
    };
    let i = match n {
        Num::Int(i, _) => i,
        Num::Double(d) | Num::Decimal(d) => {
            if d.is_nan() || d.is_infinite() {
                return Err(overflow_error(v, to, short));
            }
            let r = d.round_ties_even();
            if r < min as f64 || r > max as f64 {
                return Err(overflow_error(v, to, short));
            }
            r as i64
        }
    };
    if i < min || i > max {
        return Err(overflow_error(v, to, short));
    }
    Ok(i)
}

/// `[T]$v`: PowerShell's LanguagePrimitives.ConvertTo for the types tenantsim models.
pub fn convert_to(v: &Value, to: &TypeRef) -> Result<Value, ConvError> {
    use Known::*;
    match to {
        TypeRef::Known(k) => match k {
            Object | PSObject => Ok(v.clone()),
            Void => Ok(Value::Null),
            Bool => Ok(Value::Bool(to_bool(v))),
            SwitchParameter => Ok(Value::Switch(to_bool(v))),
            String => Ok(match v {
                Value::Null => Value::Null,
                Value::Str(_) => v.clone(),
                _ => Value::string(to_display_string(v)),
            }),
            Int32 => Ok(Value::Int(int_from(v, to, i32::MIN as i64, i32::MAX as i64, "an Int32")? as i32)),
            Int64 => Ok(Value::Long(int_from(v, to, i64::MIN, i64::MAX, "an Int64")?)),
            Int16 => Ok(Value::Int(int_from(v, to, i16::MIN as i64, i16::MAX as i64, "an Int16")? as i32)),
            UInt16 => Ok(Value::Int(int_from(v, to, 0, u16::MAX as i64, "a UInt16")? as i32)),
            UInt32 => Ok(Value::Long(int_from(v, to, 0, u32::MAX as i64, "a UInt32")?)),
            UInt64 => Ok(Value::Long(int_from(v, to, 0, i64::MAX, "a UInt64")?)),
            SByte => Ok(Value::Int(int_from(v, to, -128, 127, "a signed byte")? as i32)),
            Byte => Ok(Value::Byte(int_from(v, to, 0, 255, "an unsigned byte")? as u8)),
            Double | Single => match v {
                Value::Str(s) if s.trim().is_empty() => Ok(Value::Double(0.0)),
                Value::Str(s) => to_num(v).map(|n| n.to_f64()).or_else(|| parse_with_thousands(s)).map(Value::Double).ok_or_else(|| format_error(v, to)),
                Value::DateTime(_) | Value::Hashtable(_) | Value::Object(_) => Err(conv_err(v, to, None)),
                _ => to_num(v).map(|n| Value::Double(n.to_f64())).ok_or_else(|| conv_err(v, to, None)),
            },
            Decimal => match v {
                Value::Str(_) => to_num(v).map(|n| Value::Decimal(n.to_f64())).ok_or_else(|| format_error(v, to)),
                _ => to_num(v).map(|n| Value::Decimal(n.to_f64())).ok_or_else(|| conv_err(v, to, None)),
            },
            Char => match v {
                Value::Char(_) => Ok(v.clone()),
                Value::Str(s) if s.chars().count() == 1 => Ok(Value::Char(s.chars().next().unwrap_or('\0'))),
                Value::Str(_) => Err(conv_err(v, to, Some("String must be exactly one character long.".into()))),
                _ => {
                    let i = int_from(v, to, 0, 0xFFFF, "a character")?;
                    Ok(Value::Char(char::from_u32(i as u32).unwrap_or('\u{FFFD}')))
                }
            },
            DateTime => match v {
                Value::DateTime(_) => Ok(v.clone()),
                Value::Str(s) => {
                    parse_datetime(s).map(Value::DateTime).ok_or_else(|| conv_err(v, to, Some(format!("String '{s}' was not recognized as a valid DateTime."))))
                }
                Value::Long(t) => Ok(Value::DateTime(crate::engine::datetime::DateTime::from_ticks(*t, DateKind::Unspecified))),
                Value::Int(t) => Ok(Value::DateTime(crate::engine::datetime::DateTime::from_ticks(*t as i64, DateKind::Unspecified))),
                _ => Err(conv_err(v, to, None)),
            },
            TimeSpan => match v {
                Value::TimeSpan(_) => Ok(v.clone()),
                Value::Int(i) => Ok(Value::TimeSpan(*i as i64)),
                Value::Long(i) => Ok(Value::TimeSpan(*i)),
                Value::Str(s) => {
                    parse_timespan(s).map(Value::TimeSpan).ok_or_else(|| conv_err(v, to, Some(format!("String '{s}' was not recognized as a valid TimeSpan."))))
                }
                _ => Err(conv_err(v, to, None)),
            },
            Guid => match v {
                Value::Guid(_) => Ok(v.clone()),
                Value::Str(s) => parse_guid(s)
                    .map(|g| Value::Guid(Rc::new(g)))
                    .ok_or_else(|| conv_err(v, to, Some("Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).".into()))),
                _ => Err(conv_err(v, to, None)),
            },
            Array | ObjectArray => Ok(match v {
                Value::Array(_) => v.clone(),
                Value::Null => Value::array(vec![]),
                other => match other.enumerate() {
                    Some(items) => Value::array(items),
                    None => Value::array(vec![other.clone()]),
                },
            }),
            ArrayList => Ok(Value::List(Rc::new(ListValue {
                items: RefCell::new(v.enumerate().unwrap_or_else(|| if v.is_null() { vec![] } else { vec![v.clone()] })),
                element_type: None,
            }))),
            Hashtable | IDictionary => match v {
                Value::Hashtable(_) => Ok(v.clone()),
                _ => Err(conv_err(v, to, None)),
            },
            OrderedDictionary => match v {
                Value::Hashtable(h) => {
                    let mut copy = h.borrow().clone();
                    copy.ordered = true;
                    Ok(Value::Hashtable(Rc::new(RefCell::new(copy))))
                }
                _ => Err(conv_err(v, to, None)),
            },
            PSCustomObject => match v {
                Value::Hashtable(h) => {
                    let mut o = PsObject::new();
                    for (k, val) in h.borrow().iter() {
                        o.set(&to_display_string(k), val.clone());
                    }
                    Ok(o.into_value())
                }
                _ => Ok(v.clone()),
            },
            ScriptBlock => match v {
                Value::ScriptBlock(_) => Ok(v.clone()),
                _ => Err(conv_err(v, to, None)),
            },
            SecureString => match v {
                Value::SecureString(_) => Ok(v.clone()),
                _ => Err(conv_err(v, to, None)),
            },
            Type => match v {
                Value::Type(_) => Ok(v.clone()),
                Value::Str(s) => TypeRef::resolve_str(s).map(|t| Value::Type(Rc::new(t))).ok_or_else(|| conv_err(v, to, None)),
                _ => Err(conv_err(v, to, None)),
            },
            Regex => crate::engine::dotnet::make_regex(&to_display_string(v), "").map_err(|e| conv_err(v, to, Some(e))),
            Version | Uri | MailAddress | IPAddress => crate::engine::dotnet::construct_from_string(*k, v).map_err(|e| conv_err(v, to, Some(e))),
            Xml => Err(conv_err(v, to, Some("XML documents are not supported by tenantsim.".into()))),
            _ => {
                if crate::engine::types::value_is(v, to) {
                    Ok(v.clone())
                } else {
                    Err(conv_err(v, to, None))
                }
            }
        },
        TypeRef::ArrayOf(elem) => {
            let items = match v {
                Value::Null => return Ok(Value::Null),
                other => other.enumerate().unwrap_or_else(|| vec![other.clone()]),
            };
            if elem.is_known(Known::Byte) {
                let mut bytes = Vec::with_capacity(items.len());
                for i in &items {
                    match convert_to(i, elem)? {
                        Value::Byte(b) => bytes.push(b),
                        _ => return Err(conv_err(v, to, None)),
                    }
                }
                return Ok(Value::Bytes(Rc::new(bytes)));
            }
            let mut out = Vec::with_capacity(items.len());
            for i in &items {
                out.push(convert_to(i, elem).map_err(|e| ConvError {
                    value_text: to_display_string(v),
                    from_type: type_of(v).full_name(),
                    to_type: to.message_name(),
                    inner: e.inner.clone().or(Some(e.message())),
                    id: if v.is_enumerable() { "InvalidCastExceptionEnumerableToArray" } else { "InvalidCastExceptionScalarToArray" },
                })?);
            }
            Ok(Value::array(out))
        }
        TypeRef::ListOf(elem) => {
            let items = match v {
                Value::Null => vec![],
                other => other.enumerate().unwrap_or_else(|| vec![other.clone()]),
            };
            let mut out = Vec::with_capacity(items.len());
            for i in &items {
                out.push(convert_to(i, elem)?);
            }
            Ok(Value::List(Rc::new(ListValue { items: RefCell::new(out), element_type: Some(elem.clone()) })))
        }
        TypeRef::NullableOf(inner) => {
            if v.is_null() {
                Ok(Value::Null)
            } else {
                convert_to(v, inner)
            }
        }
        TypeRef::DictOf(..) | TypeRef::HashSetOf(_) => match v {
            Value::Hashtable(_) => Ok(v.clone()),
            _ => Err(conv_err(v, to, None)),
        },
        TypeRef::Named(name) => {
            if crate::engine::types::value_is(v, to) {
                return Ok(v.clone());
            }
            if let Some(ev) = crate::engine::enums::convert_enum(name, v) {
                return ev.map_err(|inner| conv_err(v, to, Some(inner)));
            }
            Err(conv_err(v, to, None))
        }
    }
}

/// DateTime parsing with the invariant culture, as `[datetime]"…"` does.
pub fn parse_datetime(s: &str) -> Option<DateTime> {
    use chrono::{NaiveDate, NaiveDateTime};
    let t = s.trim();
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(t) {
        return Some(DateTime::from_naive(d.naive_utc(), DateKind::Utc).with_kind(DateKind::Local));
    }
    let utc = t.ends_with('Z') || t.ends_with('z');
    let core = t.trim_end_matches(['Z', 'z']);
    let kind = if utc { DateKind::Utc } else { DateKind::Unspecified };
    const FORMATS: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M",
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %I:%M %p",
        "%Y/%m/%d %H:%M:%S",
        "%d %B %Y %H:%M:%S",
        "%B %d, %Y %H:%M:%S",
        "%A, %B %d, %Y %I:%M:%S %p",
    ];
    for f in FORMATS {
        if let Ok(n) = NaiveDateTime::parse_from_str(core, f) {
            return Some(DateTime::from_naive(n, kind));
        }
    }
    const DATES: &[&str] = &["%Y-%m-%d", "%m/%d/%Y", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y"];
    for f in DATES {
        if let Ok(d) = NaiveDate::parse_from_str(core, f) {
            return Some(DateTime::from_naive(d.and_hms_opt(0, 0, 0)?, kind));
        }
    }
    None
}

/// TimeSpan.Parse: `[-][d.]hh:mm[:ss[.fffffff]]` or a whole number of days.
pub fn parse_timespan(s: &str) -> Option<i64> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let (days, rest) = match t.split_once('.') {
        Some((d, r)) if !d.contains(':') && r.contains(':') => (d.parse::<i64>().ok()?, r),
        _ => (0, t),
    };
    if !rest.contains(':') {
        let d: i64 = rest.parse().ok()?;
        let v = d * TICKS_PER_DAY;
        return Some(if neg { -v } else { v });
    }
    let parts: Vec<&str> = rest.split(':').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return None;
    }
    let h: i64 = parts[0].parse().ok()?;
    let m: i64 = parts[1].parse().ok()?;
    let (sec, frac) = match parts.get(2) {
        Some(p) => match p.split_once('.') {
            Some((a, b)) => {
                let mut f = b.to_string();
                f.truncate(7);
                while f.len() < 7 {
                    f.push('0');
                }
                (a.parse::<i64>().ok()?, f.parse::<i64>().ok()?)
            }
            None => (p.parse::<i64>().ok()?, 0),
        },
        None => (0, 0),
    };
    if h > 23 || m > 59 || sec > 59 {
        return None;
    }
    let v = days * TICKS_PER_DAY + h * 3600 * TICKS_PER_SECOND + m * 60 * TICKS_PER_SECOND + sec * TICKS_PER_SECOND + frac;
    let _ = TICKS_PER_MS;
    Some(if neg { -v } else { v })
}

// ───────────────────────────── comparison ─────────────────────────────

pub fn str_eq(a: &str, b: &str, case_sensitive: bool) -> bool {
    if case_sensitive { a == b } else { crate::lang::sym::eq_ci(a, b) }
}

pub fn str_cmp(a: &str, b: &str, case_sensitive: bool) -> Ordering {
    // pwsh compares strings with the current culture; for the ASCII text of admin scripts an
    // ordinal comparison of case-folded text orders the same way.
    if case_sensitive {
        let o = a.to_lowercase().cmp(&b.to_lowercase());
        if o == Ordering::Equal { b.cmp(a) } else { o }
    } else {
        a.to_lowercase().cmp(&b.to_lowercase())
    }
}

/// `$a -eq $b` for scalars, converting the right operand to the left operand's type.
pub fn values_equal(a: &Value, b: &Value, case_sensitive: bool) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        // An enum on the left converts the right operand to its type.
        (Value::Net(_), _) if crate::engine::enums::as_enum(a).is_some() => match crate::engine::enums::as_enum(a) {
            Some(e) => crate::engine::enums::member_value(e.type_name, b) == Some(e.value),
            None => false,
        },
        (Value::Str(x), _) => match b {
            Value::Str(y) => str_eq(x, y, case_sensitive),
            _ => str_eq(x, &to_display_string(b), case_sensitive),
        },
        (Value::Char(x), Value::Str(y)) => str_eq(&x.to_string(), y, case_sensitive),
        (Value::Bool(x), _) => *x == to_bool(b),
        (Value::Switch(x), _) => *x == to_bool(b),
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::DateTime(x), _) => match convert_to(b, &TypeRef::Known(Known::DateTime)) {
            Ok(Value::DateTime(y)) => x.ticks() == y.ticks(),
            _ => false,
        },
        (Value::TimeSpan(x), Value::TimeSpan(y)) => x == y,
        (Value::Guid(x), _) => match b {
            Value::Guid(y) => x == y,
            Value::Str(s) => parse_guid(s).is_some_and(|g| g == **x),
            _ => false,
        },
        _ if is_numeric(a) || matches!(a, Value::Char(_)) => {
            let Some(x) = to_num(a) else { return false };
            let y = match b {
                Value::Str(s) if s.trim().is_empty() => return false,
                _ => match to_num(b) {
                    Some(y) => y,
                    None => return false,
                },
            };
            match (x, y) {
                (Num::Int(p, _), Num::Int(q, _)) => p == q,
                _ => x.to_f64() == y.to_f64(),
            }
        }
        (Value::Type(x), Value::Type(y)) => x.full_name() == y.full_name(),
        (Value::SecureString(x), Value::SecureString(y)) => Rc::ptr_eq(x, y),
        (Value::Object(_), _) if version_parts(a, false).is_some() => match (version_parts(a, false), version_parts(b, true)) {
            (Some(x), Some(y)) => compare_versions(&x, &y) == Ordering::Equal,
            _ => false,
        },
        (Value::Object(x), Value::Object(y)) => {
            Rc::ptr_eq(x, y) || {
                let (x, y) = (x.borrow(), y.borrow());
                match (&x.base, &y.base) {
                    (Some(p), Some(q)) => values_equal(p, q, case_sensitive),
                    _ => false,
                }
            }
        }
        (Value::Object(x), _) => match &x.borrow().base {
            Some(base) => values_equal(base, b, case_sensitive),
            None => false,
        },
        _ => a.ptr_eq(b),
    }
}

/// The components of a System.Version / SemanticVersion object (or a version string when
/// `allow_string`), for comparisons: `$PSVersionTable.PSVersion -ge [version]'7.0'`.
fn version_parts(v: &Value, allow_string: bool) -> Option<Vec<i64>> {
    match v {
        Value::Object(o) => {
            let o = o.borrow();
            let t: &str = &o.type_names[0];
            let names: &[&str] = match t {
                "System.Version" => &["Major", "Minor", "Build", "Revision"],
                "System.Management.Automation.SemanticVersion" => &["Major", "Minor", "Patch"],
                _ => return None,
            };
            Some(names.iter().map(|n| o.get_value(n).and_then(|x| to_num(&x)).map(|x| x.to_f64() as i64).unwrap_or(-1)).collect())
        }
        Value::Str(s) if allow_string => {
            let parts: Vec<i64> = s.trim().split('.').map(|p| p.parse::<i64>()).collect::<Result<_, _>>().ok()?;
            if parts.len() < 2 || parts.len() > 4 {
                return None;
            }
            Some(parts)
        }
        _ => None,
    }
}

fn compare_versions(a: &[i64], b: &[i64]) -> Ordering {
    for i in 0..a.len().max(b.len()) {
        let (x, y) = (a.get(i).copied().unwrap_or(-1), b.get(i).copied().unwrap_or(-1));
        if x != y {
            return x.cmp(&y);
        }
    }
    Ordering::Equal
}

/// `-lt/-gt/…` for scalars; `None` when the values cannot be ordered (pwsh raises an error).
pub fn compare_values(a: &Value, b: &Value, case_sensitive: bool) -> Option<Ordering> {
    if let Some(x) = version_parts(a, false) {
        let y = version_parts(b, true)?;
        return Some(compare_versions(&x, &y));
    }
    match (a, b) {
        (Value::Null, Value::Null) => Some(Ordering::Equal),
        (Value::Null, _) => Some(Ordering::Less),
        (_, Value::Null) => Some(Ordering::Greater),
        (Value::Str(x), _) => Some(str_cmp(x, &to_display_string(b), case_sensitive)),
        (Value::DateTime(x), _) => match convert_to(b, &TypeRef::Known(Known::DateTime)) {
            Ok(Value::DateTime(y)) => Some(x.ticks().cmp(&y.ticks())),
            _ => None,
        },
        (Value::TimeSpan(x), Value::TimeSpan(y)) => Some(x.cmp(y)),
        (Value::Bool(x), _) => Some(x.cmp(&to_bool(b))),
        (Value::Net(_), _) if crate::engine::enums::as_enum(a).is_some() => {
            let e = crate::engine::enums::as_enum(a)?;
            Some(e.value.cmp(&crate::engine::enums::member_value(e.type_name, b)?))
        }
        _ => {
            let x = to_num(a)?;
            let y = to_num(b)?;
            match (x, y) {
                (Num::Int(p, _), Num::Int(q, _)) => Some(p.cmp(&q)),
                _ => x.to_f64().partial_cmp(&y.to_f64()),
            }
        }
    }
}

/// Hashtable copy (the `.Clone()` method and `+` on hashtables).
pub fn clone_hashtable(h: &Hashtable) -> Value {
    Value::Hashtable(Rc::new(RefCell::new(h.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_print_like_dotnet_core() {
        assert_eq!(format_double(500000500000.0), "500000500000");
        assert_eq!(format_double(0.1 + 0.2), "0.3");
        assert_eq!(format_double_roundtrip(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(format_double(1e20), "1E+20");
        assert_eq!(format_double(1.1 * 3.0), "3.3");
        assert_eq!(format_double(1e15), "1E+15");
        assert_eq!(format_double(123456789012345.0), "123456789012345");
        assert_eq!(format_double(0.0001), "0.0001");
        assert_eq!(format_double(0.00001), "1E-05");
        assert_eq!(format_double(2.5), "2.5");
        assert_eq!(format_double(-3.0), "-3");
        assert_eq!(format_double(1.0 / 3.0), "0.333333333333333");
    }

    #[test]
    fn number_strings_parse_like_pwsh() {
        assert!(matches!(parse_number(" 42 "), Some(Value::Int(42))));
        assert!(matches!(parse_number("0x10"), Some(Value::Int(16))));
        assert!(matches!(parse_number("1kb"), Some(Value::Int(1024))));
        assert!(matches!(parse_number("3000000000"), Some(Value::Long(3000000000))));
        assert!(matches!(parse_number("1.5"), Some(Value::Double(d)) if d == 1.5));
        assert!(parse_number("abc").is_none());
        assert!(parse_number("1a").is_none());
    }

    #[test]
    fn int_casts_use_bankers_rounding() {
        let t = TypeRef::Known(Known::Int32);
        assert!(matches!(convert_to(&Value::Double(2.5), &t), Ok(Value::Int(2))));
        assert!(matches!(convert_to(&Value::Double(3.5), &t), Ok(Value::Int(4))));
        let e = convert_to(&Value::str("abc"), &t).unwrap_err();
        assert_eq!(e.message(), "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"");
    }

    #[test]
    fn truthiness() {
        assert!(!to_bool(&Value::str("")));
        assert!(to_bool(&Value::str("False")));
        assert!(!to_bool(&Value::array(vec![Value::Int(0)])));
        assert!(to_bool(&Value::array(vec![Value::Int(0), Value::Int(0)])));
    }
}
