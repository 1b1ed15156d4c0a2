//! Static methods and constructors of the .NET types scripts call (`[math]::Round(…)`,
//! `[System.IO.File]::ReadAllBytes(…)`, `[System.Collections.Generic.List[string]]::new()`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::convert::{convert_to, to_bool, to_display_string, to_num};
use crate::engine::datetime::{DateKind, DateTime, TICKS_PER_DAY, TICKS_PER_MS, TICKS_PER_SECOND};
use crate::engine::interp::Interp;
use crate::engine::types::{Known, TypeRef};
use crate::engine::value::{Hashtable, ListValue, NetObject, PsObject, Value, format_guid, parse_guid};

fn a_str(args: &[Value], i: usize) -> String {
    args.get(i).map(to_display_string).unwrap_or_default()
}
fn a_f64(args: &[Value], i: usize) -> Option<f64> {
    args.get(i).and_then(to_num).map(|n| n.to_f64())
}
fn a_i64(args: &[Value], i: usize) -> Option<i64> {
    a_f64(args, i).map(|f| f as i64)
}

fn num_result(x: f64, like: &Value) -> Value {
    match like {
        Value::Int(_) if x.fract() == 0.0 && x.abs() < i32::MAX as f64 => Value::Int(x as i32),
        Value::Long(_) if x.fract() == 0.0 => Value::Long(x as i64),
        Value::Decimal(_) => Value::Decimal(x),
        _ => Value::Double(x),
    }
}

/// Math.Round(double, digits): scale, round half to even, unscale — with the binary noise of the
/// scaled value, as .NET has it ([math]::Round(2.675, 2) is 2.67). Decimals are exact in .NET,
/// so for them the noise is removed first ([math]::Round([decimal]2.675, 2) is 2.68).
fn round_half_even(x: f64, digits: i32, decimal: bool) -> f64 {
    let m = 10f64.powi(digits);
    let y = x * m;
    let r = if decimal { (y * 1e9).round() / 1e9 } else { y };
    r.round_ties_even() / m
}

fn file_error(path: &str, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => format!("Could not find file '{}'.", absolute(path)),
        std::io::ErrorKind::PermissionDenied => format!("Access to the path '{}' is denied.", absolute(path)),
        _ => e.to_string(),
    }
}

fn absolute(path: &str) -> String {
    std::path::absolute(crate::engine::pipeline::resolve_path(path)).map(|p| p.display().to_string()).unwrap_or_else(|_| path.to_string())
}

/// `[T]::Method(args)`; None when T has no such static method.
pub fn call(it: &mut Interp, t: &TypeRef, n: &str, args: &[Value]) -> Option<Result<Value, String>> {
    let k = match t {
        TypeRef::Known(k) => *k,
        TypeRef::Named(name) => {
            if n == "new" {
                return construct(it, t, args);
            }
            return crate::engine::enums::static_call(name, n, args);
        }
        _ => {
            if n == "new" {
                return construct(it, t, args);
            }
            return None;
        }
    };
    let x = a_f64(args, 0).unwrap_or(0.0);
    Some(Ok(match (k, n) {
        (Known::Math, "round") => {
            // Round(x), Round(x, digits), Round(x, mode), Round(x, digits, mode).
            let is_mode = |a: &Value| crate::engine::enums::as_enum(a).is_some() || matches!(a, Value::Str(_));
            let digits = match args.get(1) {
                Some(a) if !is_mode(a) => a_i64(args, 1).unwrap_or(0) as i32,
                _ => 0,
            };
            let away = args.iter().skip(1).any(|a| is_mode(a) && to_display_string(a).eq_ignore_ascii_case("AwayFromZero"));
            let decimal = matches!(args.first(), Some(Value::Decimal(_)));
            let r = if away { (x * 10f64.powi(digits)).round() / 10f64.powi(digits) } else { round_half_even(x, digits, decimal) };
            num_result(r, args.first().unwrap_or(&Value::Null))
        }
        (Known::Math, "floor") => num_result(x.floor(), &Value::Double(0.0)),
        (Known::Math, "ceiling") => num_result(x.ceil(), &Value::Double(0.0)),
        (Known::Math, "truncate") => num_result(x.trunc(), &Value::Double(0.0)),
        (Known::Math, "abs") => num_result(x.abs(), args.first().unwrap_or(&Value::Null)),
        (Known::Math, "sqrt") => Value::Double(x.sqrt()),
        (Known::Math, "pow") => Value::Double(x.powf(a_f64(args, 1).unwrap_or(0.0))),
        (Known::Math, "log") => match a_f64(args, 1) {
            Some(b) => Value::Double(x.ln() / b.ln()),
            None => Value::Double(x.ln()),
        },
        (Known::Math, "log10") => Value::Double(x.log10()),
        (Known::Math, "exp") => Value::Double(x.exp()),
        (Known::Math, "sign") => Value::Int(if x > 0.0 { 1 } else if x < 0.0 { -1 } else { 0 }),
        (Known::Math, "max") | (Known::Math, "min") => {
            let y = a_f64(args, 1).unwrap_or(0.0);
            let r = if n == "max" { x.max(y) } else { x.min(y) };
            let both_int = args.iter().all(|a| matches!(a, Value::Int(_)));
            if both_int { Value::Int(r as i32) } else { num_result(r, &Value::Double(0.0)) }
        }
        (Known::Guid, "newguid") => Value::Guid(Rc::new(it.new_guid())),
        (Known::Guid, "parse") => match parse_guid(&a_str(args, 0)) {
            Some(g) => Value::Guid(Rc::new(g)),
            None => return Some(Err("Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).".into())),
        },
        (Known::String, "isnullorempty") => Value::Bool(args.first().map(|v| v.is_null() || to_display_string(v).is_empty()).unwrap_or(true)),
        (Known::String, "isnullorwhitespace") => Value::Bool(args.first().map(|v| v.is_null() || to_display_string(v).trim().is_empty()).unwrap_or(true)),
        (Known::String, "join") => {
            let sep = a_str(args, 0);
            let items: Vec<String> = args.iter().skip(1).flat_map(|a| a.enumerate().unwrap_or_else(|| vec![a.clone()])).map(|v| to_display_string(&v)).collect();
            Value::string(items.join(&sep))
        }
        (Known::String, "concat") => Value::string(args.iter().flat_map(|a| a.enumerate().unwrap_or_else(|| vec![a.clone()])).map(|v| to_display_string(&v)).collect::<String>()),
        (Known::String, "format") => {
            let fmt = a_str(args, 0);
            let rest: Vec<Value> = if args.len() == 2 { args[1].enumerate().unwrap_or_else(|| vec![args[1].clone()]) } else { args[1..].to_vec() };
            return Some(crate::engine::netfmt::format(&fmt, &rest));
        }
        (Known::String, "equals") => Value::Bool(a_str(args, 0) == a_str(args, 1)),
        (Known::String, "compare") => Value::Int(a_str(args, 0).to_lowercase().cmp(&a_str(args, 1).to_lowercase()) as i32),
        (Known::String, "new") => {
            let c = a_str(args, 0).chars().next().unwrap_or(' ');
            Value::string(std::iter::repeat_n(c, a_i64(args, 1).unwrap_or(0).max(0) as usize).collect())
        }
        (Known::DateTime, "parse") | (Known::DateTime, "parseexact") => {
            let s = a_str(args, 0);
            let r = if n == "parseexact" { crate::engine::netfmt::parse_exact(&s, &a_str(args, 1)) } else { crate::engine::convert::parse_datetime(&s) };
            match r {
                Some(d) => Value::DateTime(d),
                None => return Some(Err(format!("String '{s}' was not recognized as a valid DateTime."))),
            }
        }
        (Known::DateTime, "specifykind") => match args.first() {
            Some(Value::DateTime(d)) => Value::DateTime(d.with_kind(match a_str(args, 1).to_ascii_lowercase().as_str() {
                "utc" => DateKind::Utc,
                "local" => DateKind::Local,
                _ => DateKind::Unspecified,
            })),
            _ => return Some(Err("Cannot convert argument to DateTime".into())),
        },
        (Known::DateTime, "daysinmonth") => {
            let y = a_i64(args, 0).unwrap_or(1) as i32;
            let m = a_i64(args, 1).unwrap_or(1) as u32;
            let next = if m == 12 { chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { chrono::NaiveDate::from_ymd_opt(y, m + 1, 1) };
            let first = chrono::NaiveDate::from_ymd_opt(y, m, 1);
            match (first, next) {
                (Some(f), Some(nx)) => Value::Int((nx - f).num_days() as i32),
                _ => return Some(Err("Month must be between one and twelve.".into())),
            }
        }
        (Known::DateTime, "isleapyear") => {
            let y = a_i64(args, 0).unwrap_or(1);
            Value::Bool((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)
        }
        (Known::TimeSpan, "fromdays") => Value::TimeSpan((x * TICKS_PER_DAY as f64) as i64),
        (Known::TimeSpan, "fromhours") => Value::TimeSpan((x * 3600.0 * TICKS_PER_SECOND as f64) as i64),
        (Known::TimeSpan, "fromminutes") => Value::TimeSpan((x * 60.0 * TICKS_PER_SECOND as f64) as i64),
        (Known::TimeSpan, "fromseconds") => Value::TimeSpan((x * TICKS_PER_SECOND as f64) as i64),
        (Known::TimeSpan, "frommilliseconds") => Value::TimeSpan((x * TICKS_PER_MS as f64) as i64),
        (Known::TimeSpan, "parse") => match crate::engine::convert::parse_timespan(&a_str(args, 0)) {
            Some(t) => Value::TimeSpan(t),
            None => return Some(Err(format!("String '{}' was not recognized as a valid TimeSpan.", a_str(args, 0)))),
        },
        (Known::Regex, "escape") => Value::string(crate::engine::ops::regex_escape(&a_str(args, 0))),
        (Known::Regex, "unescape") => Value::string(a_str(args, 0).replace('\\', "")),
        (Known::Regex, "ismatch") | (Known::Regex, "match") | (Known::Regex, "matches") | (Known::Regex, "replace") | (Known::Regex, "split") => {
            let options = args.iter().skip(if n == "replace" { 3 } else { 2 }).map(to_display_string).collect::<Vec<_>>().join(",");
            let re = match crate::engine::dotnet::make_regex(&a_str(args, 1), &options) {
                Ok(r) => r,
                Err(e) => return Some(Err(e)),
            };
            let Value::Net(obj) = re else { return None };
            let mut margs = vec![args.first().cloned().unwrap_or(Value::Null)];
            if n == "replace" {
                margs.push(args.get(2).cloned().unwrap_or(Value::Null));
            }
            return obj.call_method(n, &margs);
        }
        (Known::Convert, "tobase64string") => match args.first() {
            Some(Value::Bytes(b)) => Value::string(base64_encode(b)),
            Some(v) => {
                let bytes: Vec<u8> = v.enumerate().unwrap_or_default().iter().filter_map(to_num).map(|n| n.to_f64() as u8).collect();
                Value::string(base64_encode(&bytes))
            }
            None => return Some(Err("Value cannot be null. (Parameter 'inArray')".into())),
        },
        (Known::Convert, "frombase64string") => match base64_decode(&a_str(args, 0)) {
            Some(b) => Value::Bytes(Rc::new(b)),
            None => return Some(Err("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.".into())),
        },
        (Known::Convert, "toint32" | "toint64" | "toint16" | "tobyte" | "touint32" | "touint64") if args.len() == 2 => {
            // Convert.ToInt32("ff", 16): the digits in base 2, 8, 10 or 16.
            let base = a_i64(args, 1).unwrap_or(10) as u32;
            if ![2, 8, 10, 16].contains(&base) {
                return Some(Err("Invalid Base. (Parameter 'fromBase')".into()));
            }
            let text = a_str(args, 0);
            let t = text.trim();
            let t = if base == 16 { t.trim_start_matches("0x").trim_start_matches("0X") } else { t };
            let parsed = if base == 10 { t.parse::<i64>().ok() } else { u64::from_str_radix(t, base).ok().map(|u| u as i64) };
            let Some(v) = parsed else {
                return Some(Err(if t.is_empty() { "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')".into() } else { "Could not find any recognizable digits.".into() }));
            };
            match n {
                "toint32" => Value::Int(if base == 10 { v as i32 } else { v as u32 as i32 }),
                "toint16" => Value::Int(v as u16 as i16 as i32),
                "tobyte" => Value::Byte(v as u8),
                _ => Value::Long(v),
            }
        }
        (Known::Convert, "tostring") if args.len() == 2 && matches!(args.get(1), Some(Value::Int(_))) && to_num(&args[0]).is_some() => {
            let base = a_i64(args, 1).unwrap_or(10);
            let v = match &args[0] {
                Value::Long(l) => *l,
                other => to_num(other).map(|n| n.to_f64() as i64).unwrap_or(0),
            };
            let v32 = matches!(&args[0], Value::Int(_) | Value::Byte(_));
            match base {
                2 => Value::string(if v32 { format!("{:b}", v as i32) } else { format!("{v:b}") }),
                8 => Value::string(if v32 { format!("{:o}", v as i32) } else { format!("{v:o}") }),
                16 => Value::string(if v32 { format!("{:x}", v as i32) } else { format!("{v:x}") }),
                10 => Value::string(v.to_string()),
                _ => return Some(Err("Invalid Base. (Parameter 'toBase')".into())),
            }
        }
        (Known::Convert, "toint32") => return Some(convert_to(args.first().unwrap_or(&Value::Null), &TypeRef::Known(Known::Int32)).map_err(|e| e.inner.clone().unwrap_or_else(|| e.message()))),
        (Known::Convert, "toint64") => return Some(convert_to(args.first().unwrap_or(&Value::Null), &TypeRef::Known(Known::Int64)).map_err(|e| e.inner.clone().unwrap_or_else(|| e.message()))),
        (Known::Convert, "todecimal") => return Some(convert_to(args.first().unwrap_or(&Value::Null), &TypeRef::Known(Known::Decimal)).map_err(|e| e.inner.clone().unwrap_or_else(|| e.message()))),
        (Known::Convert, "tochar") => return Some(convert_to(args.first().unwrap_or(&Value::Null), &TypeRef::Known(Known::Char)).map_err(|e| e.inner.clone().unwrap_or_else(|| e.message()))),
        (Known::Convert, "tobyte") => return Some(convert_to(args.first().unwrap_or(&Value::Null), &TypeRef::Known(Known::Byte)).map_err(|e| e.inner.clone().unwrap_or_else(|| e.message()))),
        (Known::Convert, "tohexstring") => Value::string(crate::engine::netobjects::bytes_of(args.first().unwrap_or(&Value::Null)).iter().map(|b| format!("{b:02X}")).collect()),
        (Known::Convert, "fromhexstring") => {
            let t = a_str(args, 0);
            if !t.len().is_multiple_of(2) || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Some(Err("The input is not a valid hex string as its length is not a multiple of 2.".into()));
            }
            Value::Bytes(Rc::new((0..t.len()).step_by(2).filter_map(|i| u8::from_str_radix(&t[i..i + 2], 16).ok()).collect()))
        }
        (Known::Convert, "todouble") => return Some(convert_to(args.first().unwrap_or(&Value::Null), &TypeRef::Known(Known::Double)).map_err(|e| e.inner.clone().unwrap_or_else(|| e.message()))),
        (Known::Convert, "tostring") => Value::string(a_str(args, 0)),
        (Known::Convert, "toboolean") => Value::Bool(match args.first() {
            Some(Value::Str(s)) => match s.trim().to_ascii_lowercase().as_str() {
                "true" => true,
                "false" => false,
                _ => return Some(Err("String was not recognized as a valid Boolean.".into())),
            },
            Some(v) => to_bool(v),
            None => false,
        }),
        (Known::Convert, "todatetime") => return Some(convert_to(args.first().unwrap_or(&Value::Null), &TypeRef::Known(Known::DateTime)).map_err(|e| e.inner.clone().unwrap_or_else(|| e.message()))),
        (Known::Int32, "parse") | (Known::Int64, "parse") | (Known::Double, "parse") | (Known::Decimal, "parse") => {
            let s = a_str(args, 0);
            let target = TypeRef::Known(k);
            match crate::engine::convert::parse_number(&s) {
                Some(v) => match convert_to(&v, &target) {
                    Ok(x) => x,
                    Err(e) => return Some(Err(e.inner.clone().unwrap_or_else(|| e.message()))),
                },
                None => return Some(Err(format!("The input string '{s}' was not in a correct format."))),
            }
        }
        (Known::Int32, "tryparse") | (Known::Int64, "tryparse") | (Known::Double, "tryparse") | (Known::Decimal, "tryparse") => {
            // The out parameter gets the value, or the type's default when parsing fails.
            let target = TypeRef::Known(k);
            let text = a_str(args, 0);
            let parsed = match k {
                Known::Int32 | Known::Int64 => text.trim().parse::<i64>().ok().map(Value::Long),
                _ => text.trim().parse::<f64>().ok().map(Value::Double),
            }
            .and_then(|v| convert_to(&v, &target).ok());
            let ok = parsed.is_some();
            let fallback = convert_to(&Value::Int(0), &target).unwrap_or(Value::Int(0));
            it.set_out_arg(args.last().filter(|_| args.len() >= 2), parsed.unwrap_or(fallback));
            Value::Bool(ok)
        }
        (Known::Bool, "tryparse") => {
            let v = match a_str(args, 0).trim().to_ascii_lowercase().as_str() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            };
            it.set_out_arg(args.get(1), Value::Bool(v.unwrap_or(false)));
            Value::Bool(v.is_some())
        }
        (Known::DateTime, "tryparse") | (Known::DateTime, "tryparseexact") => {
            let s = a_str(args, 0);
            let r = if n == "tryparseexact" { crate::engine::netfmt::parse_exact(&s, &a_str(args, 1)) } else { crate::engine::convert::parse_datetime(&s) };
            it.set_out_arg(args.last().filter(|_| args.len() >= 2), Value::DateTime(r.unwrap_or(DateTime::from_ticks(0, DateKind::Unspecified))));
            Value::Bool(r.is_some())
        }
        (Known::Guid, "tryparse") => {
            let g = parse_guid(&a_str(args, 0));
            it.set_out_arg(args.get(1), Value::Guid(Rc::new(g.unwrap_or([0u8; 16]))));
            Value::Bool(g.is_some())
        }
        (Known::Uri, "escapedatastring") | (Known::Uri, "escapeuristring") => Value::string(crate::engine::netobjects::escape_data_string(&a_str(args, 0))),
        (Known::Uri, "unescapedatastring") => Value::string(crate::engine::netobjects::percent_decode(&a_str(args, 0), false)),
        (Known::WebUtility, "urlencode") => Value::string(crate::engine::netobjects::url_encode(&a_str(args, 0))),
        (Known::WebUtility, "urldecode") => Value::string(crate::engine::netobjects::percent_decode(&a_str(args, 0), true)),
        (Known::WebUtility, "htmlencode") => Value::string(crate::engine::netobjects::html_encode(&a_str(args, 0))),
        (Known::WebUtility, "htmldecode") => Value::string(crate::engine::netobjects::html_decode(&a_str(args, 0))),
        (Known::Encoding, "getencoding") => match crate::engine::netobjects::encoding(&a_str(args, 0).replace('-', "")) {
            Some(e) => e,
            None => return Some(Err(format!("'{}' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')", a_str(args, 0)))),
        },
        (Known::Path, "changeextension") => {
            let p = a_str(args, 0);
            let ext = a_str(args, 1);
            let stem_end = match (p.rfind('.'), p.rfind(['/', '\\'])) {
                (Some(d), Some(sl)) if d > sl => d,
                (Some(d), None) => d,
                _ => p.len(),
            };
            let ext = if ext.is_empty() || ext.starts_with('.') { ext } else { format!(".{ext}") };
            Value::string(format!("{}{}", &p[..stem_end], ext))
        }
        (Known::Path, "hasextension") => Value::Bool(std::path::Path::new(&a_str(args, 0)).extension().is_some()),
        (Known::Path, "getpathroot") => Value::string(if a_str(args, 0).starts_with('/') { "/".into() } else { String::new() }),
        (Known::Path, "getinvalidfilenamechars") => Value::array(vec![Value::Char('\0'), Value::Char('/')]),
        (Known::Path, "getinvalidpathchars") => Value::array(vec![Value::Char('\0')]),
        (Known::Bool, "parse") => match a_str(args, 0).trim().to_ascii_lowercase().as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => return Some(Err("String 'x' was not recognized as a valid Boolean.".replace('x', &a_str(args, 0)))),
        },
        (Known::Char, "isdigit") => Value::Bool(a_str(args, 0).chars().next().is_some_and(|c| c.is_ascii_digit())),
        (Known::Char, "isletter") => Value::Bool(a_str(args, 0).chars().next().is_some_and(|c| c.is_alphabetic())),
        (Known::Char, "isupper") => Value::Bool(a_str(args, 0).chars().next().is_some_and(|c| c.is_uppercase())),
        (Known::Char, "islower") => Value::Bool(a_str(args, 0).chars().next().is_some_and(|c| c.is_lowercase())),
        (Known::Char, "iswhitespace") => Value::Bool(a_str(args, 0).chars().next().is_some_and(|c| c.is_whitespace())),
        (Known::File, "exists") => Value::Bool(crate::engine::pipeline::resolve_path(&a_str(args, 0)).is_file()),
        (Known::File, "readallbytes") => {
            let p = a_str(args, 0);
            match std::fs::read(crate::engine::pipeline::resolve_path(&p)) {
                Ok(b) => Value::Bytes(Rc::new(b)),
                Err(e) => return Some(Err(file_error(&p, &e))),
            }
        }
        (Known::File, "readalltext") => {
            let p = a_str(args, 0);
            match std::fs::read_to_string(crate::engine::pipeline::resolve_path(&p)) {
                Ok(b) => Value::string(b.trim_start_matches('\u{FEFF}').to_string()),
                Err(e) => return Some(Err(file_error(&p, &e))),
            }
        }
        (Known::File, "readalllines") => {
            let p = a_str(args, 0);
            match std::fs::read_to_string(crate::engine::pipeline::resolve_path(&p)) {
                Ok(b) => Value::array(b.trim_start_matches('\u{FEFF}').lines().map(Value::str).collect()),
                Err(e) => return Some(Err(file_error(&p, &e))),
            }
        }
        (Known::File, "writealltext") | (Known::File, "appendalltext") => {
            let p = a_str(args, 0);
            let path = crate::engine::pipeline::resolve_path(&p);
            let r = if n == "writealltext" { std::fs::write(&path, a_str(args, 1)) } else { crate::engine::pipeline::append_file(&path, &a_str(args, 1)) };
            match r {
                Ok(()) => Value::Null,
                Err(e) => return Some(Err(file_error(&p, &e))),
            }
        }
        (Known::File, "writealllines") => {
            let p = a_str(args, 0);
            let lines: Vec<String> = args.get(1).map(|v| v.enumerate().unwrap_or_else(|| vec![v.clone()])).unwrap_or_default().iter().map(to_display_string).collect();
            let mut text = lines.join("\n");
            text.push('\n');
            match std::fs::write(crate::engine::pipeline::resolve_path(&p), text) {
                Ok(()) => Value::Null,
                Err(e) => return Some(Err(file_error(&p, &e))),
            }
        }
        (Known::File, "writeallbytes") => {
            let p = a_str(args, 0);
            let bytes: Vec<u8> = match args.get(1) {
                Some(Value::Bytes(b)) => b.to_vec(),
                Some(v) => v.enumerate().unwrap_or_default().iter().filter_map(to_num).map(|n| n.to_f64() as u8).collect(),
                None => vec![],
            };
            match std::fs::write(crate::engine::pipeline::resolve_path(&p), bytes) {
                Ok(()) => Value::Null,
                Err(e) => return Some(Err(file_error(&p, &e))),
            }
        }
        (Known::File, "delete") => {
            let _ = std::fs::remove_file(crate::engine::pipeline::resolve_path(&a_str(args, 0)));
            Value::Null
        }
        (Known::Directory, "exists") => Value::Bool(crate::engine::pipeline::resolve_path(&a_str(args, 0)).is_dir()),
        (Known::Directory, "createdirectory") => {
            let p = crate::engine::pipeline::resolve_path(&a_str(args, 0));
            if let Err(e) = std::fs::create_dir_all(&p) {
                return Some(Err(e.to_string()));
            }
            Value::string(p.display().to_string())
        }
        (Known::Directory, "getcurrentdirectory") => Value::string(std::env::current_dir().map(|p| p.display().to_string()).unwrap_or_default()),
        (Known::Path, "combine") | (Known::Path, "join") => {
            let mut p = std::path::PathBuf::new();
            for a in args {
                for part in a.enumerate().unwrap_or_else(|| vec![a.clone()]) {
                    p.push(to_display_string(&part).replace('\\', "/"));
                }
            }
            Value::string(p.display().to_string())
        }
        (Known::Path, "getfilename") => Value::string(std::path::Path::new(&a_str(args, 0).replace('\\', "/")).file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default()),
        (Known::Path, "getfilenamewithoutextension") => Value::string(std::path::Path::new(&a_str(args, 0).replace('\\', "/")).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default()),
        (Known::Path, "getextension") => Value::string(std::path::Path::new(&a_str(args, 0)).extension().map(|s| format!(".{}", s.to_string_lossy())).unwrap_or_default()),
        (Known::Path, "getdirectoryname") => Value::string(std::path::Path::new(&a_str(args, 0).replace('\\', "/")).parent().map(|s| s.display().to_string()).unwrap_or_default()),
        (Known::Path, "getfullpath") => Value::string(absolute(&a_str(args, 0))),
        (Known::Path, "gettemppath") => Value::string(format!("{}/", std::env::temp_dir().display())),
        (Known::Path, "gettempfilename") => {
            let g = format_guid(&it.new_guid());
            let p = std::env::temp_dir().join(format!("tmp{}.tmp", &g[..8]));
            let _ = std::fs::write(&p, "");
            Value::string(p.display().to_string())
        }
        (Known::Path, "getrandomfilename") => {
            let g = format_guid(&it.new_guid()).replace('-', "");
            Value::string(format!("{}.{}", &g[..8], &g[8..11]))
        }
        (Known::Path, "ispathrooted") => Value::Bool(a_str(args, 0).starts_with('/') || a_str(args, 0).chars().nth(1) == Some(':')),
        (Known::Environment, "getenvironmentvariable") => match it.env_get(&a_str(args, 0)) {
            Some(v) => Value::string(v),
            None => Value::Null,
        },
        (Known::Environment, "setenvironmentvariable") => {
            let v = args.get(1).filter(|v| !v.is_null()).map(to_display_string);
            it.env_set(&a_str(args, 0), v);
            Value::Null
        }
        (Known::Environment, "exit") => return Some(Err("Environment.Exit is not allowed in tenantsim; use 'exit'.".into())),
        (Known::Environment, "getfolderpath") => Value::string(it.env_get("HOME").unwrap_or_default()),
        (Known::Console, "writeline") => {
            it.host.write_line(&a_str(args, 0));
            Value::Null
        }
        (Known::Console, "write") => {
            it.host.write(crate::engine::host::Stream::Out, &a_str(args, 0));
            Value::Null
        }
        (Known::Console, "readline") => match it.host.read_line() {
            Some(l) => Value::string(l),
            None => Value::Null,
        },
        (Known::Enum, "getnames") | (Known::Enum, "getvalues") | (Known::Enum, "parse") | (Known::Enum, "isdefined") | (Known::Enum, "toobject") => {
            let not_enum = || Some(Err("Type provided must be an Enum. (Parameter 'enumType')".to_string()));
            let Some(Value::Type(t)) = args.first() else { return not_enum() };
            let full = t.full_name();
            let Some(names) = crate::engine::enums::enum_names(&full) else { return not_enum() };
            match n {
                "getnames" => Value::array(names.iter().map(|x| Value::str(x)).collect()),
                "getvalues" => Value::array(names.iter().filter_map(|x| crate::engine::enums::make(&full, x)).collect()),
                "isdefined" => Value::Bool(match args.get(1) {
                    Some(Value::Str(s)) => names.iter().any(|x| *x == &**s),
                    Some(v) => crate::engine::enums::member_value(&full, v).is_some(),
                    None => false,
                }),
                _ => match crate::engine::enums::convert_enum(&full, args.get(1).unwrap_or(&Value::Null)) {
                    Some(Ok(v)) => v,
                    Some(Err(e)) => return Some(Err(e.trim_start_matches(crate::engine::enums::WHOLE_MESSAGE).to_string())),
                    None => return not_enum(),
                },
            }
        }
        (Known::Array, "indexof") => {
            let items = args.first().and_then(|a| a.enumerate()).unwrap_or_default();
            let target = args.get(1).cloned().unwrap_or(Value::Null);
            Value::Int(items.iter().position(|x| crate::engine::convert::values_equal(x, &target, true)).map(|i| i as i32).unwrap_or(-1))
        }
        (Known::Array, "reverse") => {
            if let Some(Value::Array(a)) = args.first() {
                a.borrow_mut().reverse();
            }
            Value::Null
        }
        (Known::Array, "sort") => {
            if let Some(Value::Array(a)) = args.first() {
                a.borrow_mut().sort_by(|x, y| crate::engine::convert::compare_values(x, y, false).unwrap_or(std::cmp::Ordering::Equal));
            }
            Value::Null
        }
        (Known::Array, "empty") => Value::array(vec![]),
        (Known::BitConverter, "tostring") => match args.first() {
            Some(Value::Bytes(b)) => Value::string(b.iter().map(|x| format!("{x:02X}")).collect::<Vec<_>>().join("-")),
            _ => Value::str(""),
        },
        (Known::Text, _) => return None,
        (Known::Encoding, _) => return None,
        (_, "new") => return construct(it, t, args),
        _ => return None,
    }))
}

/// `[T]::new(args)` and `New-Object T args`.
pub fn construct(it: &mut Interp, t: &TypeRef, args: &[Value]) -> Option<Result<Value, String>> {
    Some(Ok(match t {
        TypeRef::ListOf(elem) => {
            let items = match args.first() {
                Some(Value::Int(_)) | None => Vec::new(),
                Some(v) => {
                    let mut out = Vec::new();
                    for x in v.enumerate().unwrap_or_else(|| vec![v.clone()]) {
                        match convert_to(&x, elem) {
                            Ok(c) => out.push(c),
                            Err(e) => return Some(Err(e.message())),
                        }
                    }
                    out
                }
            };
            Value::List(Rc::new(ListValue { items: RefCell::new(items), element_type: Some(elem.clone()) }))
        }
        TypeRef::DictOf(..) => Value::Hashtable(Rc::new(RefCell::new(Hashtable::new()))),
        TypeRef::HashSetOf(elem) => return Some(crate::engine::netobjects::new_hashset(elem.clone(), args)),
        TypeRef::ArrayOf(_) => {
            let n = a_i64(args, 0).unwrap_or(0).max(0) as usize;
            Value::array(vec![Value::Null; n])
        }
        TypeRef::Named(name) if name.starts_with("System.Collections.Generic.Queue") || name.starts_with("System.Collections.Generic.Stack") => {
            let items = match args.first() {
                Some(Value::Int(_)) | None => Vec::new(),
                Some(v) => v.enumerate().unwrap_or_else(|| vec![v.clone()]),
            };
            crate::engine::netobjects::new_queue(name.starts_with("System.Collections.Generic.Stack"), name.to_string(), items)
        }
        TypeRef::Named(name) => {
            if crate::engine::types::exception_bases(name).is_empty() && !name.ends_with("Exception") {
                return None;
            }
            let msg = if args.is_empty() { format!("Exception of type '{name}' was thrown.") } else { a_str(args, 0) };
            let mut ex = crate::engine::error::ExceptionInfo::new(name, msg);
            if let Some(Value::Net(inner)) = args.get(1) {
                if let Some(e) = inner.as_any().downcast_ref::<crate::engine::error::ExceptionObject>() {
                    ex.inner = Some(e.0.clone());
                }
            }
            Value::Net(Rc::new(crate::engine::error::ExceptionObject(Rc::new(ex), None)))
        }
        TypeRef::Known(k) => match k {
            Known::ArrayList => Value::List(Rc::new(ListValue { items: RefCell::new(Vec::new()), element_type: None })),
            Known::Queue | Known::Stack => {
                let items = match args.first() {
                    Some(Value::Int(_)) | None => Vec::new(),
                    Some(v) => v.enumerate().unwrap_or_else(|| vec![v.clone()]),
                };
                crate::engine::netobjects::new_queue(*k == Known::Stack, k.full_name().to_string(), items)
            }
            Known::Hashtable => Value::Hashtable(Rc::new(RefCell::new(Hashtable::new()))),
            Known::OrderedDictionary => {
                let mut h = Hashtable::new();
                h.ordered = true;
                Value::Hashtable(Rc::new(RefCell::new(h)))
            }
            Known::PSObject | Known::Object | Known::PSCustomObject => PsObject::new().into_value(),
            Known::StringBuilder => {
                // StringBuilder(capacity) or StringBuilder(text).
                let (text, cap) = match args.first() {
                    Some(Value::Int(c)) => (String::new(), (*c).max(0) as usize),
                    Some(v) => {
                        let t = to_display_string(v);
                        let n = t.encode_utf16().count();
                        (t, n.max(16))
                    }
                    None => (String::new(), 16),
                };
                Value::Net(Rc::new(StringBuilder(RefCell::new(text), RefCell::new(cap))))
            }
            Known::Random => {
                let seed = a_i64(args, 0).unwrap_or_else(|| it.next_random() as i64);
                Value::Net(Rc::new(RandomObject(RefCell::new(seed as u64 ^ 0x5DEECE66D))))
            }
            Known::Stopwatch => Value::Net(Rc::new(Stopwatch(RefCell::new((false, 0, 0))))),
            Known::PSCredential => {
                let user = a_str(args, 0);
                let pw = match args.get(1) {
                    Some(Value::SecureString(s)) => s.clone(),
                    Some(_) => {
                        return Some(Err(
                            "Cannot convert argument \"password\", with value: \"…\", for \"PSCredential\" to type \"System.Security.SecureString\".".into(),
                        ));
                    }
                    None => return Some(Err("Cannot find an overload for \"PSCredential\" and the argument count: \"1\".".into())),
                };
                credential(&user, pw)
            }
            Known::DateTime => {
                if args.is_empty() {
                    Value::DateTime(DateTime::from_ticks(0, DateKind::Unspecified))
                } else if args.len() == 1 {
                    Value::DateTime(DateTime::from_ticks(a_i64(args, 0).unwrap_or(0), DateKind::Unspecified))
                } else {
                    let g = |i: usize, d: i64| a_i64(args, i).unwrap_or(d);
                    let kind = args
                        .get(6)
                        .or(args.get(3))
                        .map(to_display_string)
                        .map(|k| {
                            if k.eq_ignore_ascii_case("utc") {
                                DateKind::Utc
                            } else if k.eq_ignore_ascii_case("local") {
                                DateKind::Local
                            } else {
                                DateKind::Unspecified
                            }
                        })
                        .unwrap_or(DateKind::Unspecified);
                    let hms = if args.len() >= 6 { (g(3, 0), g(4, 0), g(5, 0)) } else { (0, 0, 0) };
                    match DateTime::from_ymd_hms(g(0, 1) as i32, g(1, 1) as u32, g(2, 1) as u32, hms.0 as u32, hms.1 as u32, hms.2 as u32, kind) {
                        Some(d) => Value::DateTime(d),
                        None => return Some(Err("Year, Month, and Day parameters describe an un-representable DateTime.".into())),
                    }
                }
            }
            Known::TimeSpan => {
                let v: Vec<i64> = args.iter().filter_map(to_num).map(|n| n.to_f64() as i64).collect();
                let ticks = match v.len() {
                    0 => 0,
                    1 => v[0],
                    3 => (v[0] * 3600 + v[1] * 60 + v[2]) * TICKS_PER_SECOND,
                    4 => v[0] * TICKS_PER_DAY + (v[1] * 3600 + v[2] * 60 + v[3]) * TICKS_PER_SECOND,
                    5 => v[0] * TICKS_PER_DAY + (v[1] * 3600 + v[2] * 60 + v[3]) * TICKS_PER_SECOND + v[4] * TICKS_PER_MS,
                    _ => return Some(Err(format!("Cannot find an overload for \"TimeSpan\" and the argument count: \"{}\".", v.len()))),
                };
                Value::TimeSpan(ticks)
            }
            Known::Guid => match args.first() {
                Some(v) => match parse_guid(&to_display_string(v)) {
                    Some(g) => Value::Guid(Rc::new(g)),
                    None => return Some(Err("Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).".into())),
                },
                None => Value::Guid(Rc::new([0u8; 16])),
            },
            Known::Regex => {
                let opts = args.iter().skip(1).map(to_display_string).collect::<Vec<_>>().join(",");
                return Some(crate::engine::dotnet::make_regex(&a_str(args, 0), &opts));
            }
            Known::Version | Known::Uri | Known::MailAddress | Known::IPAddress => {
                let joined =
                    if args.len() > 1 && *k == Known::Version { args.iter().map(to_display_string).collect::<Vec<_>>().join(".") } else { a_str(args, 0) };
                return Some(crate::engine::dotnet::construct_from_string(*k, &Value::string(joined)));
            }
            Known::String => Value::string(a_str(args, 0)),
            Known::Exception => {
                let msg = if args.is_empty() { "Exception of type 'System.Exception' was thrown.".to_string() } else { a_str(args, 0) };
                Value::Net(Rc::new(crate::engine::error::ExceptionObject(Rc::new(crate::engine::error::ExceptionInfo::new("System.Exception", msg)), None)))
            }
            Known::SecureString => Value::SecureString(Rc::from("")),
            Known::ErrorRecord => return Some(new_error_record(args)),
            _ => return None,
        },
        _ => return None,
    }))
}

/// `[System.Management.Automation.ErrorRecord]::new($exception, $errorId, $category, $target)`.
fn new_error_record(args: &[Value]) -> Result<Value, String> {
    use crate::engine::error::{ErrorRecord, ErrorRecordObject, ExceptionObject};
    if args.len() != 4 && args.len() != 2 {
        return Err(format!("Cannot find an overload for \"new\" and the argument count: \"{}\".", args.len()));
    }
    if args.len() == 2 {
        // ErrorRecord(ErrorRecord errorRecord, Exception replaceParentContainsErrorRecordException)
        let base = match &args[0] {
            Value::Net(n) => n.as_any().downcast_ref::<ErrorRecordObject>().map(|r| (*r.0).clone()),
            _ => None,
        };
        let Some(mut rec) = base else { return Err("Cannot find an overload for \"new\" and the argument count: \"2\".".into()) };
        if let Value::Net(n) = &args[1] {
            if let Some(e) = n.as_any().downcast_ref::<ExceptionObject>() {
                rec.exception = e.0.clone();
            }
        }
        return Ok(Value::Net(Rc::new(ErrorRecordObject(Rc::new(rec)))));
    }
    let ex = match &args[0] {
        Value::Net(n) => n.as_any().downcast_ref::<ExceptionObject>().map(|e| e.0.clone()),
        Value::Null => None,
        _ => None,
    };
    let Some(ex) = ex else {
        return Err(format!(
            "Cannot convert argument \"exception\", with value: \"{}\", for \"ErrorRecord\" to type \"System.Exception\": \"Cannot convert the \"{}\" value of type \"{}\" to type \"System.Exception\".\"",
            a_str(args, 0),
            a_str(args, 0),
            crate::engine::types::type_of(&args[0]).full_name()
        ));
    };
    let id = a_str(args, 1);
    let cat_text = a_str(args, 2);
    let names = crate::engine::enums::enum_names("System.Management.Automation.ErrorCategory").unwrap_or(&[]);
    let category: &'static str = match names.iter().find(|n| n.eq_ignore_ascii_case(cat_text.trim())) {
        Some(n) => n,
        None => match cat_text.trim().parse::<usize>().ok().and_then(|i| names.get(i)) {
            Some(n) => n,
            None => {
                return Err(format!(
                    "Cannot convert argument \"errorCategory\", with value: \"{cat_text}\", for \"ErrorRecord\" to type \"System.Management.Automation.ErrorCategory\": \"Cannot convert value \"{cat_text}\" to type \"System.Management.Automation.ErrorCategory\". Error: \"Unable to match the identifier name {cat_text} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}\"\"",
                    names.join(", ")
                ));
            }
        },
    };
    let mut rec = ErrorRecord::new(&ex.type_name, ex.message.clone(), &id, category).with_target(args[3].clone());
    rec.exception = ex;
    Ok(Value::Net(Rc::new(ErrorRecordObject(Rc::new(rec)))))
}

pub fn credential(user: &str, pw: Rc<str>) -> Value {
    let mut o = PsObject::typed("System.Management.Automation.PSCredential");
    o.set("UserName", Value::str(user));
    o.set("Password", Value::SecureString(pw));
    o.into_value()
}

// ───────────────────────────── small .NET objects ─────────────────────────────

#[derive(Debug)]
pub struct StringBuilder(pub RefCell<String>, pub RefCell<usize>);

impl StringBuilder {
    /// Grow the capacity as .NET's chunked builder does (a new chunk at least as large as the text).
    fn grow(&self) {
        let len = self.0.borrow().encode_utf16().count();
        let mut cap = self.1.borrow_mut();
        if len > *cap {
            let needed = len - *cap;
            *cap += needed.max((*cap).clamp(16, 8000));
        }
    }
}

/// StringBuilder methods that return the builder itself (so `$sb.Append('x')` outputs it and calls chain).
pub fn string_builder_returns_self(method: &str) -> bool {
    matches!(method.to_ascii_lowercase().as_str(), "append" | "appendline" | "appendformat" | "clear" | "insert" | "replace" | "remove" | "appendjoin")
}

impl NetObject for StringBuilder {
    fn type_name(&self) -> &str {
        "System.Text.StringBuilder"
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        if name.eq_ignore_ascii_case("Length") {
            return Some(Value::Int(self.0.borrow().encode_utf16().count() as i32));
        }
        if name.eq_ignore_ascii_case("Capacity") {
            return Some(Value::Int(*self.1.borrow() as i32));
        }
        if name.eq_ignore_ascii_case("MaxCapacity") {
            return Some(Value::Int(i32::MAX));
        }
        None
    }
    fn property_names(&self) -> Vec<Rc<str>> {
        ["Capacity", "MaxCapacity", "Length"].iter().map(|s| Rc::from(*s)).collect()
    }
    fn call_method(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
        let r = self.call_inner(name, args);
        self.grow();
        r
    }
    fn to_display_string(&self) -> String {
        self.0.borrow().clone()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl StringBuilder {
    fn call_inner(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
        match name.to_ascii_lowercase().as_str() {
            "append" => {
                self.0.borrow_mut().push_str(&a_str(args, 0));
                None.or(Some(Ok(Value::Null)))
            }
            "appendline" => {
                let mut b = self.0.borrow_mut();
                b.push_str(&a_str(args, 0));
                b.push('\n');
                Some(Ok(Value::Null))
            }
            "appendformat" => {
                let rest: Vec<Value> = args[1.min(args.len())..].to_vec();
                match crate::engine::netfmt::format(&a_str(args, 0), &rest) {
                    Ok(v) => {
                        self.0.borrow_mut().push_str(&to_display_string(&v));
                        Some(Ok(Value::Null))
                    }
                    Err(e) => Some(Err(e)),
                }
            }
            "clear" => {
                self.0.borrow_mut().clear();
                Some(Ok(Value::Null))
            }
            "tostring" => Some(Ok(Value::string(self.0.borrow().clone()))),
            "insert" => {
                let i = a_i64(args, 0).unwrap_or(0).max(0) as usize;
                let mut b = self.0.borrow_mut();
                let idx = b.char_indices().nth(i).map(|x| x.0).unwrap_or(b.len());
                b.insert_str(idx, &a_str(args, 1));
                Some(Ok(Value::Null))
            }
            "replace" => {
                let mut b = self.0.borrow_mut();
                *b = b.replace(&a_str(args, 0), &a_str(args, 1));
                Some(Ok(Value::Null))
            }
            "remove" => {
                let chars: Vec<char> = self.0.borrow().chars().collect();
                let i = a_i64(args, 0).unwrap_or(0).max(0) as usize;
                let n = a_i64(args, 1).unwrap_or(0).max(0) as usize;
                if i + n > chars.len() {
                    return Some(Err("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')".into()));
                }
                *self.0.borrow_mut() = chars[..i].iter().chain(chars[i + n..].iter()).collect();
                Some(Ok(Value::Null))
            }
            _ => None,
        }
    }
}

#[derive(Debug)]
pub struct RandomObject(pub RefCell<u64>);

impl NetObject for RandomObject {
    fn type_name(&self) -> &str {
        "System.Random"
    }
    fn get_property(&self, _name: &str) -> Option<Value> {
        None
    }
    fn call_method(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
        let mut st = self.0.borrow_mut();
        *st = st.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let r = (*st >> 11) as f64 / (1u64 << 53) as f64;
        match name.to_ascii_lowercase().as_str() {
            "next" => {
                let (lo, hi) = match args.len() {
                    0 => (0, i32::MAX as i64),
                    1 => (0, a_i64(args, 0).unwrap_or(0)),
                    _ => (a_i64(args, 0).unwrap_or(0), a_i64(args, 1).unwrap_or(0)),
                };
                Some(Ok(Value::Int((lo as f64 + r * (hi - lo) as f64).floor() as i32)))
            }
            "nextdouble" => Some(Ok(Value::Double(r))),
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A Stopwatch on the virtual clock would always read zero during a script; it measures real
/// time instead, which is what scripts use it for (progress messages).
#[derive(Debug)]
pub struct Stopwatch(pub RefCell<(bool, u128, u128)>);

fn now_ms() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0)
}

impl NetObject for Stopwatch {
    fn type_name(&self) -> &str {
        "System.Diagnostics.Stopwatch"
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        let (running, start, acc) = *self.0.borrow();
        let ms = acc + if running { now_ms() - start } else { 0 };
        match name.to_ascii_lowercase().as_str() {
            "elapsedmilliseconds" => Some(Value::Long(ms as i64)),
            "elapsed" => Some(Value::TimeSpan(ms as i64 * TICKS_PER_MS)),
            "isrunning" => Some(Value::Bool(running)),
            _ => None,
        }
    }
    fn call_method(&self, name: &str, _args: &[Value]) -> Option<Result<Value, String>> {
        let mut st = self.0.borrow_mut();
        match name.to_ascii_lowercase().as_str() {
            "start" => {
                if !st.0 {
                    *st = (true, now_ms(), st.2);
                }
                Some(Ok(Value::Null))
            }
            "stop" => {
                if st.0 {
                    *st = (false, 0, st.2 + now_ms() - st.1);
                }
                Some(Ok(Value::Null))
            }
            "reset" => {
                *st = (false, 0, 0);
                Some(Ok(Value::Null))
            }
            "restart" => {
                *st = (true, now_ms(), 0);
                Some(Ok(Value::Null))
            }
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63] as char);
        out.push(B64[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 { B64[(n >> 6) as usize & 63] as char } else { '=' });
        out.push(if chunk.len() > 2 { B64[n as usize & 63] as char } else { '=' });
    }
    out
}

pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let clean: Vec<u8> = s.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if !clean.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::new();
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        let mut pad = 0;
        for &c in chunk {
            let v = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                b'=' => {
                    pad += 1;
                    0
                }
                _ => return None,
            };
            n = (n << 6) | v as u32;
        }
        out.push((n >> 16) as u8);
        if pad < 2 {
            out.push((n >> 8) as u8);
        }
        if pad < 1 {
            out.push(n as u8);
        }
    }
    Some(out)
}
