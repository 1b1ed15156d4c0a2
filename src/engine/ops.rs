//! PowerShell operators. The left operand's type decides the operation (about_Operators):
//! string + x concatenates, array + x appends, number + string converts the string.

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::convert::{Num, compare_values, num_to_value, to_bool, to_display_string, to_num, to_string_with, values_equal};
use crate::engine::interp::Interp;
use crate::engine::types::{TypeRef, type_of, value_is};
use crate::engine::value::{Hashtable, Value};
use crate::lang::ast::{BinOp, CmpOp, UnaryOp};
use crate::lang::sym::well_known as wk;

pub type OpResult = Result<Value, String>;

/// Largest range pwsh builds (`1..N`); beyond it a script is almost surely wrong.
const MAX_RANGE: i64 = 50_000_000;

fn no_op_method(l: &Value, op: &str) -> String {
    format!("Method invocation failed because [{}] does not contain a method named '{}'.", type_of(l).full_name(), op)
}

fn arith(l: &Value, r: &Value, op: BinOp) -> OpResult {
    let name = match op {
        BinOp::Add => "op_Addition",
        BinOp::Sub => "op_Subtraction",
        BinOp::Mul => "op_Multiply",
        BinOp::Div => "op_Division",
        _ => "op_Modulus",
    };
    let Some(x) = to_num(l) else { return Err(no_op_method(l, name)) };
    let Some(y) = to_num(r) else {
        return Err(format!(
            "Cannot convert value \"{}\" to type \"System.Int32\". Error: \"The input string '{}' was not in a correct format.\"",
            to_display_string(r),
            to_display_string(r)
        ));
    };
    Ok(match (x, y) {
        (Num::Int(a, la), Num::Int(b, lb)) => {
            let long = la || lb;
            let widen = |v: Option<i64>, f: f64| -> Value {
                match v {
                    Some(v) if long || (v >= i32::MIN as i64 && v <= i32::MAX as i64) => num_to_value(Num::Int(v, long)),
                    _ => Value::Double(f),
                }
            };
            match op {
                BinOp::Add => widen(a.checked_add(b), a as f64 + b as f64),
                BinOp::Sub => widen(a.checked_sub(b), a as f64 - b as f64),
                BinOp::Mul => widen(a.checked_mul(b), a as f64 * b as f64),
                BinOp::Div => {
                    if b == 0 {
                        return Err("DivideByZero:Attempted to divide by zero.".into());
                    }
                    if a % b == 0 { widen(a.checked_div(b), a as f64 / b as f64) } else { Value::Double(a as f64 / b as f64) }
                }
                _ => {
                    if b == 0 {
                        return Err("DivideByZero:Attempted to divide by zero.".into());
                    }
                    num_to_value(Num::Int(a.wrapping_rem(b), long))
                }
            }
        }
        (a, b) => {
            let dec = matches!(a, Num::Decimal(_)) || matches!(b, Num::Decimal(_));
            let (p, q) = (a.to_f64(), b.to_f64());
            let v = match op {
                BinOp::Add => p + q,
                BinOp::Sub => p - q,
                BinOp::Mul => p * q,
                BinOp::Div => {
                    if q == 0.0 && dec {
                        return Err("DivideByZero:Attempted to divide by zero.".into());
                    }
                    p / q
                }
                _ => p % q,
            };
            if dec { Value::Decimal(v) } else { Value::Double(v) }
        }
    })
}

fn items_of(v: &Value) -> Vec<Value> {
    match v {
        Value::Null => vec![],
        other => other.enumerate().unwrap_or_else(|| vec![other.clone()]),
    }
}

pub fn binary(it: &mut Interp, op: BinOp, l: &Value, r: &Value) -> OpResult {
    match op {
        BinOp::Add => match l {
            Value::Null => Ok(r.clone()),
            Value::Str(s) => {
                let mut out = String::with_capacity(s.len() + 8);
                out.push_str(s);
                out.push_str(&to_string_with(r, &it.ofs()));
                Ok(Value::string(out))
            }
            Value::Char(c) if matches!(r, Value::Str(_) | Value::Char(_)) => Ok(Value::string(format!("{c}{}", to_display_string(r)))),
            Value::Array(a) => {
                let mut items = a.borrow().clone();
                match r {
                    Value::Array(_) | Value::List(_) | Value::Bytes(_) => items.extend(items_of(r)),
                    other => items.push(other.clone()),
                }
                Ok(Value::array(items))
            }
            Value::List(l2) => {
                let mut items = l2.items.borrow().clone();
                match r {
                    Value::Array(_) | Value::List(_) => items.extend(items_of(r)),
                    other => items.push(other.clone()),
                }
                Ok(Value::array(items))
            }
            Value::Bytes(b) => {
                let mut items: Vec<Value> = b.iter().map(|x| Value::Byte(*x)).collect();
                items.extend(items_of(r));
                Ok(Value::array(items))
            }
            Value::Hashtable(h) => match r {
                Value::Hashtable(h2) => {
                    let mut out: Hashtable = h.borrow().clone();
                    for (k, v) in h2.borrow().iter() {
                        if out.contains_key(k) {
                            let ks = to_display_string(k);
                            return Err(format!("ArgumentException:Item has already been added. Key in dictionary: '{ks}'  Key being added: '{ks}'"));
                        }
                        out.insert(k.clone(), v.clone());
                    }
                    Ok(Value::Hashtable(Rc::new(RefCell::new(out))))
                }
                _ => Err("A hash table can only be added to another hash table.".into()),
            },
            Value::DateTime(d) => match r {
                Value::TimeSpan(t) => {
                    d.add_ticks(*t).map(Value::DateTime).ok_or_else(|| "The added or subtracted value results in an un-representable DateTime.".into())
                }
                _ => match to_num(r) {
                    Some(n) => d
                        .add_ticks(n.to_f64() as i64)
                        .map(Value::DateTime)
                        .ok_or_else(|| "The added or subtracted value results in an un-representable DateTime.".into()),
                    None => Err(no_op_method(l, "op_Addition")),
                },
            },
            Value::TimeSpan(t) => match r {
                Value::TimeSpan(u) => Ok(Value::TimeSpan(t + u)),
                Value::DateTime(d) => {
                    d.add_ticks(*t).map(Value::DateTime).ok_or_else(|| "The added or subtracted value results in an un-representable DateTime.".into())
                }
                _ => Err(no_op_method(l, "op_Addition")),
            },
            _ => arith(l, r, op),
        },
        BinOp::Sub => match (l, r) {
            (Value::DateTime(a), Value::DateTime(b)) => Ok(Value::TimeSpan(a.ticks() - b.ticks())),
            (Value::DateTime(a), Value::TimeSpan(t)) => {
                a.add_ticks(-t).map(Value::DateTime).ok_or_else(|| "The added or subtracted value results in an un-representable DateTime.".into())
            }
            (Value::TimeSpan(a), Value::TimeSpan(b)) => Ok(Value::TimeSpan(a - b)),
            (Value::Array(_) | Value::Hashtable(_) | Value::Object(_), _) => Err(no_op_method(l, "op_Subtraction")),
            _ => arith(l, r, op),
        },
        BinOp::Mul => match l {
            Value::Str(s) => {
                let n = to_num(r).map(|n| n.to_f64() as i64).unwrap_or(0);
                if n < 0 {
                    return Err("Specified argument was out of the range of valid values. (Parameter 'count')".into());
                }
                if (s.len() as i64).saturating_mul(n) > 1 << 30 {
                    return Err("Array dimensions exceeded supported range.".into());
                }
                Ok(Value::string(s.repeat(n as usize)))
            }
            Value::Array(_) | Value::List(_) => {
                let items = items_of(l);
                let n = to_num(r).map(|n| n.to_f64() as i64).unwrap_or(0).max(0) as usize;
                if items.len().saturating_mul(n) > 1 << 26 {
                    return Err("Array dimensions exceeded supported range.".into());
                }
                let mut out = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    out.extend(items.iter().cloned());
                }
                Ok(Value::array(out))
            }
            Value::TimeSpan(t) => Ok(Value::TimeSpan((*t as f64 * to_num(r).map(|n| n.to_f64()).unwrap_or(0.0)) as i64)),
            _ => arith(l, r, op),
        },
        BinOp::Div => match (l, r) {
            (Value::TimeSpan(t), _) => Ok(Value::TimeSpan((*t as f64 / to_num(r).map(|n| n.to_f64()).unwrap_or(1.0)) as i64)),
            _ => arith(l, r, op),
        },
        BinOp::Rem => arith(l, r, op),
        BinOp::Range => range(l, r),
        BinOp::Format => {
            let args = items_of(r);
            crate::engine::netfmt::format(&to_display_string(l), &args).map_err(|e| format!("FormatError:Error formatting a string: {e}."))
        }
        BinOp::Join => {
            let sep = to_display_string(r);
            let mut out = String::new();
            let mut join = |items: &[Value]| {
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&sep);
                    }
                    crate::engine::convert::push_display(&mut out, x, " ");
                }
            };
            match l {
                Value::Array(a) => join(&a.borrow()),
                Value::List(li) => join(&li.items.borrow()),
                other => join(&items_of(other)),
            }
            Ok(Value::string(out))
        }
        BinOp::Cmp(cmp, cs) => compare(it, cmp, cs, l, r),
        BinOp::Is => Ok(Value::Bool(is_type(l, r)?)),
        BinOp::IsNot => Ok(Value::Bool(!is_type(l, r)?)),
        BinOp::As => {
            let t = type_operand(r)?;
            Ok(crate::engine::convert::convert_to(l, &t).unwrap_or(Value::Null))
        }
        BinOp::Replace(cs) => replace(it, l, r, cs),
        BinOp::Split(cs) => split(it, l, r, cs),
        BinOp::Band | BinOp::Bor | BinOp::Bxor | BinOp::Shl | BinOp::Shr => {
            let (Some(a), Some(b)) = (to_num(l), to_num(r)) else { return Err(no_op_method(l, "op_BitwiseAnd")) };
            let long = matches!(a, Num::Int(_, true)) || matches!(b, Num::Int(_, true));
            let ai = a.to_f64().round() as i64;
            let bi = b.to_f64().round() as i64;
            let v = match op {
                BinOp::Band => ai & bi,
                BinOp::Bor => ai | bi,
                BinOp::Bxor => ai ^ bi,
                BinOp::Shl => {
                    if long {
                        ai.wrapping_shl(bi as u32 & 63)
                    } else {
                        ((ai as i32).wrapping_shl(bi as u32 & 31)) as i64
                    }
                }
                _ => {
                    if long {
                        ai.wrapping_shr(bi as u32 & 63)
                    } else {
                        ((ai as i32).wrapping_shr(bi as u32 & 31)) as i64
                    }
                }
            };
            Ok(num_to_value(Num::Int(v, long || v > i32::MAX as i64 || v < i32::MIN as i64)))
        }
        BinOp::And => Ok(Value::Bool(to_bool(l) && to_bool(r))),
        BinOp::Or => Ok(Value::Bool(to_bool(l) || to_bool(r))),
        BinOp::Xor => Ok(Value::Bool(to_bool(l) != to_bool(r))),
        BinOp::Coalesce => Ok(if l.is_null() { r.clone() } else { l.clone() }),
    }
}

fn type_operand(r: &Value) -> Result<TypeRef, String> {
    match r {
        Value::Type(t) => Ok((**t).clone()),
        Value::Str(s) => TypeRef::resolve_str(s).ok_or_else(|| format!("Unable to find type [{s}].")),
        _ => Err("The right operand of '-is', '-isnot' and '-as' must be a type.".into()),
    }
}

fn is_type(l: &Value, r: &Value) -> Result<bool, String> {
    let t = type_operand(r)?;
    Ok(value_is(l, &t))
}

/// A range endpoint: numbers, numeric strings, single characters.
pub fn range_bound(v: &Value) -> Option<i64> {
    match v {
        Value::Char(c) => Some(*c as i64),
        other => to_num(other).map(|n| match n {
            Num::Int(i, _) => i,
            Num::Double(d) | Num::Decimal(d) => d.round_ties_even() as i64,
        }),
    }
}

fn range(l: &Value, r: &Value) -> OpResult {
    let chars = matches!((l, r), (Value::Char(_), Value::Char(_)))
        || matches!((l, r), (Value::Str(a), Value::Str(b)) if a.chars().count() == 1 && b.chars().count() == 1 && !a.chars().all(|c| c.is_ascii_digit()));
    let bound = |v: &Value| -> Option<i64> {
        if chars {
            match v {
                Value::Char(c) => Some(*c as i64),
                Value::Str(s) => s.chars().next().map(|c| c as i64),
                _ => None,
            }
        } else {
            range_bound(v)
        }
    };
    let (Some(a), Some(b)) = (bound(l), bound(r)) else {
        return Err(format!(
            "Cannot convert value \"{}\" to type \"System.Int32\". Error: \"The input string '{}' was not in a correct format.\"",
            to_display_string(l),
            to_display_string(l)
        ));
    };
    if (a - b).abs() >= MAX_RANGE {
        return Err(format!("The range operator produces more than {MAX_RANGE} elements; use a loop instead."));
    }
    let mut out = Vec::with_capacity(((a - b).abs() + 1) as usize);
    let step = if b >= a { 1 } else { -1 };
    let mut i = a;
    loop {
        out.push(if chars {
            Value::Char(char::from_u32(i as u32).unwrap_or('?'))
        } else if i >= i32::MIN as i64 && i <= i32::MAX as i64 {
            Value::Int(i as i32)
        } else {
            Value::Long(i)
        });
        if i == b {
            break;
        }
        i += step;
    }
    Ok(Value::array(out))
}

fn compare(it: &mut Interp, cmp: CmpOp, cs: bool, l: &Value, r: &Value) -> OpResult {
    use CmpOp::*;
    match cmp {
        Contains | NotContains => {
            let items = items_of(l);
            let found = items.iter().any(|x| values_equal(x, r, cs));
            return Ok(Value::Bool(found == (cmp == Contains)));
        }
        In | NotIn => {
            let items = items_of(r);
            let found = items.iter().any(|x| values_equal(l, x, cs));
            return Ok(Value::Bool(found == (cmp == In)));
        }
        _ => {}
    }
    // An array on the left filters: `1,2,3 -gt 1` is `2,3`.
    if let Value::Array(_) | Value::List(_) = l {
        let mut out = Vec::new();
        for x in items_of(l) {
            let hit = match cmp {
                Match | NotMatch => {
                    let (m, _) = regex_match(it, &to_display_string(&x), &to_display_string(r), cs)?;
                    m == (cmp == Match)
                }
                _ => scalar_cmp(cmp, cs, &x, r)?,
            };
            if hit {
                out.push(x);
            }
        }
        return Ok(Value::array(out));
    }
    match cmp {
        Match | NotMatch => {
            let (m, groups) = regex_match(it, &to_display_string(l), &to_display_string(r), cs)?;
            if m {
                if let Some(g) = groups {
                    let _ = it.set_var(wk::MATCHES, g);
                }
            }
            Ok(Value::Bool(m == (cmp == Match)))
        }
        _ => Ok(Value::Bool(scalar_cmp(cmp, cs, l, r)?)),
    }
}

fn scalar_cmp(cmp: CmpOp, cs: bool, l: &Value, r: &Value) -> Result<bool, String> {
    use CmpOp::*;
    Ok(match cmp {
        Eq => values_equal(l, r, cs),
        Ne => !values_equal(l, r, cs),
        Like => wildcard_match(&to_display_string(r), &to_display_string(l), cs),
        NotLike => !wildcard_match(&to_display_string(r), &to_display_string(l), cs),
        Gt | Ge | Lt | Le => {
            let ord = compare_values(l, r, cs).ok_or_else(|| {
                format!(
                    "Cannot compare \"{}\" to \"{}\" because the objects are not the same type or the object \"{}\" does not implement \"IComparable\".",
                    to_display_string(l),
                    to_display_string(r),
                    to_display_string(l)
                )
            })?;
            use std::cmp::Ordering::*;
            match cmp {
                Gt => ord == Greater,
                Ge => ord != Less,
                Lt => ord == Less,
                _ => ord != Greater,
            }
        }
        _ => false,
    })
}

/// `-like`: `*`, `?`, `[abc]`, `[a-z]`, backtick escapes.
pub fn wildcard_match(pattern: &str, text: &str, case_sensitive: bool) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = if case_sensitive {
        (pattern.chars().collect(), text.chars().collect())
    } else {
        (pattern.to_lowercase().chars().collect(), text.to_lowercase().chars().collect())
    };
    wild(&p, &t)
}

fn wild(p: &[char], t: &[char]) -> bool {
    // Iterative matcher with backtracking to the last `*`.
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() {
            match p[pi] {
                '*' => {
                    star = Some((pi, ti));
                    pi += 1;
                    continue;
                }
                '?' => {
                    pi += 1;
                    ti += 1;
                    continue;
                }
                '[' => {
                    if let Some((matched, next)) = class_match(p, pi, t[ti]) {
                        if matched {
                            pi = next;
                            ti += 1;
                            continue;
                        }
                    } else if t[ti] == '[' {
                        pi += 1;
                        ti += 1;
                        continue;
                    }
                }
                '`' if pi + 1 < p.len() => {
                    if p[pi + 1] == t[ti] {
                        pi += 2;
                        ti += 1;
                        continue;
                    }
                }
                c => {
                    if c == t[ti] {
                        pi += 1;
                        ti += 1;
                        continue;
                    }
                }
            }
        }
        match star {
            Some((sp, st)) => {
                pi = sp + 1;
                ti = st + 1;
                star = Some((sp, st + 1));
            }
            None => return false,
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

fn class_match(p: &[char], start: usize, c: char) -> Option<(bool, usize)> {
    let mut i = start + 1;
    let mut matched = false;
    while i < p.len() && p[i] != ']' {
        if i + 2 < p.len() && p[i + 1] == '-' && p[i + 2] != ']' {
            if p[i] <= c && c <= p[i + 2] {
                matched = true;
            }
            i += 3;
        } else {
            if p[i] == c {
                matched = true;
            }
            i += 1;
        }
    }
    if i >= p.len() {
        return None;
    }
    Some((matched, i + 1))
}

thread_local! {
    static REGEX_CACHE: RefCell<rustc_hash::FxHashMap<(String, bool), Rc<fancy_regex::Regex>>> = RefCell::new(Default::default());
}

/// Translate a .NET regex to fancy-regex syntax where they differ.
fn dotnet_pattern(p: &str) -> String {
    // .NET named groups `(?<name>…)` are accepted by fancy-regex; `(?'name'…)` is not.
    let mut out = String::with_capacity(p.len());
    let chars: Vec<char> = p.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' && i + 1 < chars.len() {
            out.push(chars[i]);
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if chars[i] == '(' && i + 2 < chars.len() && chars[i + 1] == '?' && chars[i + 2] == '\'' {
            out.push_str("(?<");
            i += 3;
            while i < chars.len() && chars[i] != '\'' {
                out.push(chars[i]);
                i += 1;
            }
            out.push('>');
            i += 1;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

pub fn compile_regex(pattern: &str, case_sensitive: bool) -> Result<Rc<fancy_regex::Regex>, String> {
    let key = (pattern.to_string(), case_sensitive);
    if let Some(r) = REGEX_CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(r);
    }
    let src = if case_sensitive { dotnet_pattern(pattern) } else { format!("(?i){}", dotnet_pattern(pattern)) };
    let re = fancy_regex::Regex::new(&src).map_err(|e| format!("Invalid pattern '{pattern}' at offset 0. {e}"))?;
    let re = Rc::new(re);
    REGEX_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 512 {
            c.clear();
        }
        c.insert(key, re.clone())
    });
    Ok(re)
}

/// Capture groups in .NET's numbering: unnamed groups left to right, then named groups in order
/// of appearance (fancy-regex numbers every group left to right). Index 0 is the whole match;
/// each entry is (fancy-regex group index, name).
pub fn dotnet_groups(re: &fancy_regex::Regex) -> Vec<(usize, Option<String>)> {
    let names: Vec<Option<&str>> = re.capture_names().collect();
    let mut out: Vec<(usize, Option<String>)> = vec![(0, None)];
    for (i, n) in names.iter().enumerate().skip(1) {
        if n.is_none() {
            out.push((i, None));
        }
    }
    for (i, n) in names.iter().enumerate().skip(1) {
        if let Some(n) = n {
            out.push((i, Some(n.to_string())));
        }
    }
    out
}

/// `$Matches` for a successful match: group number (or name) → captured text, successful groups only.
pub fn matches_table(re: &fancy_regex::Regex, caps: &fancy_regex::Captures<str>) -> Value {
    let mut h = Hashtable::new();
    for (n, (i, name)) in dotnet_groups(re).into_iter().enumerate().rev() {
        if let Some(m) = caps.get(i) {
            match name {
                Some(name) => h.insert(Value::string(name), Value::str(m.as_str())),
                None => h.insert(Value::Int(n as i32), Value::str(m.as_str())),
            }
        }
    }
    Value::Hashtable(Rc::new(RefCell::new(h)))
}

/// `-match`: whether it matched, and the `$Matches` hashtable when it did.
pub fn regex_match(_it: &mut Interp, text: &str, pattern: &str, cs: bool) -> Result<(bool, Option<Value>), String> {
    let re = compile_regex(pattern, cs)?;
    match re.captures(text) {
        Ok(Some(caps)) => Ok((true, Some(matches_table(&re, &caps)))),
        Ok(None) => Ok((false, None)),
        Err(e) => Err(e.to_string()),
    }
}

/// A .NET replacement pattern for this regex in fancy-regex syntax: `$1`/`${name}`/`$&` refer to
/// .NET's group numbers; references to groups that do not exist stay literal, as in .NET.
pub fn replacement_for(re: &fancy_regex::Regex, rep: &str) -> String {
    let groups = dotnet_groups(re);
    let chars: Vec<char> = rep.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '$' && i + 1 < chars.len() {
            let n = chars[i + 1];
            if n == '$' {
                out.push_str("$$");
                i += 2;
                continue;
            }
            if n == '&' || n == '0' && !(i + 2 < chars.len() && chars[i + 2].is_ascii_digit()) {
                out.push_str("${0}");
                i += 2;
                continue;
            }
            if n.is_ascii_digit() {
                let mut j = i + 1;
                let mut num = String::new();
                while j < chars.len() && chars[j].is_ascii_digit() {
                    num.push(chars[j]);
                    j += 1;
                }
                match num.parse::<usize>().ok().and_then(|k| groups.get(k)) {
                    Some((fi, _)) => out.push_str(&format!("${{{fi}}}")),
                    None => {
                        out.push_str("$$");
                        out.push_str(&num);
                    }
                }
                i = j;
                continue;
            }
            if n == '{' {
                if let Some(close) = chars[i + 2..].iter().position(|c| *c == '}') {
                    let name: String = chars[i + 2..i + 2 + close].iter().collect();
                    let target = match name.parse::<usize>() {
                        Ok(k) => groups.get(k).map(|(fi, _)| *fi),
                        Err(_) => groups.iter().find(|(_, n)| n.as_deref() == Some(name.as_str())).map(|(fi, _)| *fi),
                    };
                    match target {
                        Some(fi) => out.push_str(&format!("${{{fi}}}")),
                        None => {
                            out.push_str("$${");
                            out.push_str(&name);
                            out.push('}');
                        }
                    }
                    i += 3 + close;
                    continue;
                }
            }
            out.push_str("$$");
            i += 1;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn replace(it: &mut Interp, l: &Value, r: &Value, cs: bool) -> OpResult {
    let args = items_of(r);
    let pattern = args.first().map(to_display_string).unwrap_or_default();
    let replacement = args.get(1).cloned().unwrap_or(Value::str(""));
    if args.len() > 2 {
        return Err("The -replace operator allows only two elements to follow it, not 3.".into());
    }
    let re = compile_regex(&pattern, cs)?;
    let apply = |it: &mut Interp, s: &str| -> Result<String, String> {
        if let Value::ScriptBlock(sb) = &replacement {
            let mut out = String::new();
            let mut last = 0;
            for caps in re.captures_iter(s) {
                let caps = caps.map_err(|e| e.to_string())?;
                let Some(m) = caps.get(0) else { continue };
                out.push_str(&s[last..m.start()]);
                let mo = crate::engine::dotnet::match_object(&re, &caps);
                let v = it.invoke_script_block_value(sb, vec![], Some(mo), false).map_err(|_| "The script block replacement failed.".to_string())?;
                out.push_str(&to_display_string(&v));
                last = m.end();
            }
            out.push_str(&s[last..]);
            return Ok(out);
        }
        let rep = replacement_for(&re, &to_display_string(&replacement));
        Ok(re.replace_all(s, rep.as_str()).into_owned())
    };
    match l {
        Value::Array(_) | Value::List(_) => {
            let mut out = Vec::new();
            for x in items_of(l) {
                out.push(Value::string(apply(it, &to_display_string(&x))?));
            }
            Ok(Value::array(out))
        }
        _ => Ok(Value::string(apply(it, &to_display_string(l))?)),
    }
}

/// Regex options of `-split`'s third operand and `[regex]` constructors, as inline flags.
/// `SimpleMatch` escapes the pattern; `ExplicitCapture` makes unnamed groups non-capturing.
pub fn compile_with_options(pattern: &str, case_sensitive: bool, options: &str) -> Result<Rc<fancy_regex::Regex>, String> {
    let o = options.to_ascii_lowercase();
    let mut p = if o.contains("simplematch") { regex_escape(pattern) } else { pattern.to_string() };
    if o.contains("explicitcapture") {
        p = explicit_capture(&p);
    }
    let mut flags = String::new();
    if o.contains("multiline") {
        flags.push('m');
    }
    if o.contains("singleline") {
        flags.push('s');
    }
    if o.contains("ignorepatternwhitespace") {
        flags.push('x');
    }
    let cs = case_sensitive && !o.contains("ignorecase");
    if !flags.is_empty() {
        p = format!("(?{flags}){p}");
    }
    compile_regex(&p, cs)
}

/// `(…)` → `(?:…)` outside character classes and escapes.
fn explicit_capture(p: &str) -> String {
    let chars: Vec<char> = p.chars().collect();
    let mut out = String::with_capacity(p.len() + 8);
    let mut in_class = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            out.push(c);
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if in_class {
            if c == ']' {
                in_class = false;
            }
        } else if c == '[' {
            in_class = true;
        } else if c == '(' && chars.get(i + 1) != Some(&'?') {
            out.push_str("(?:");
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// One string split by a regex as .NET Regex.Split with pwsh's max-substrings: positive counts
/// from the left, negative from the right (the rest stays joined); captured groups are included.
fn split_one(re: &fancy_regex::Regex, s: &str, max: i64) -> Result<Vec<String>, String> {
    let groups = dotnet_groups(re);
    let mut cuts: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for caps in re.captures_iter(s) {
        let caps = caps.map_err(|e| e.to_string())?;
        let Some(m) = caps.get(0) else { continue };
        let captured: Vec<String> = groups.iter().skip(1).filter_map(|(fi, _)| caps.get(*fi).map(|g| g.as_str().to_string())).collect();
        cuts.push((m.start(), m.end(), captured));
    }
    let keep = if max > 0 {
        cuts.truncate((max - 1) as usize);
        &cuts[..]
    } else if max < 0 {
        let n = ((-max) - 1) as usize;
        let from = cuts.len().saturating_sub(n);
        &cuts[from..]
    } else {
        &cuts[..]
    };
    let mut pieces = Vec::new();
    let mut last = 0;
    for (start, end, captured) in keep {
        pieces.push(s[last..*start].to_string());
        pieces.extend(captured.iter().cloned());
        last = *end;
    }
    pieces.push(s[last..].to_string());
    Ok(pieces)
}

fn split(it: &mut Interp, l: &Value, r: &Value, cs: bool) -> OpResult {
    let args = items_of(r);
    let max = args.get(1).and_then(to_num).map(|n| n.to_f64() as i64).unwrap_or(0);
    let mut out = Vec::new();
    // `-split { … }`: the script block decides, character by character, where to split.
    if let Some(Value::ScriptBlock(sb)) = args.first() {
        let sb = sb.clone();
        for s in items_of(l) {
            let s = to_display_string(&s);
            let mut pieces: Vec<String> = Vec::new();
            let mut cur = String::new();
            for c in s.chars() {
                let limited = max > 0 && pieces.len() as i64 >= max - 1;
                let hit = !limited
                    && to_bool(
                        &it.invoke_script_block_value(&sb, vec![], Some(Value::Char(c)), false)
                            .map_err(|_| "The script block predicate failed.".to_string())?,
                    );
                if hit {
                    pieces.push(std::mem::take(&mut cur));
                } else {
                    cur.push(c);
                }
            }
            pieces.push(cur);
            out.extend(pieces.into_iter().map(Value::string));
        }
        return Ok(Value::array(out));
    }
    let pattern = args.first().map(to_display_string).unwrap_or_default();
    let options = args.get(2).map(to_display_string).unwrap_or_default();
    let re = compile_with_options(&pattern, cs, &options)?;
    for s in items_of(l) {
        let s = to_display_string(&s);
        out.extend(split_one(&re, &s, max)?.into_iter().map(Value::string));
    }
    Ok(Value::array(out))
}

pub fn regex_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' | '*' | '+' | '?' | '|' | '{' | '[' | '(' | ')' | '^' | '$' | '.' | '#' => {
                out.push('\\');
                out.push(c);
            }
            ' ' => out.push_str("\\ "),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
    out
}

pub fn unary(_it: &mut Interp, op: UnaryOp, v: Value) -> OpResult {
    match op {
        UnaryOp::Not => Ok(Value::Bool(!to_bool(&v))),
        UnaryOp::Comma => Ok(Value::array(vec![v])),
        UnaryOp::Neg => match to_num(&v) {
            Some(Num::Int(i, long)) => Ok(match i.checked_neg() {
                Some(n) => num_to_value(Num::Int(n, long)),
                None => Value::Double(-(i as f64)),
            }),
            Some(Num::Double(d)) => Ok(Value::Double(-d)),
            Some(Num::Decimal(d)) => Ok(Value::Decimal(-d)),
            None => match v {
                Value::TimeSpan(t) => Ok(Value::TimeSpan(-t)),
                _ => Err(no_op_method(&v, "op_UnaryNegation")),
            },
        },
        UnaryOp::Plus => match to_num(&v) {
            Some(n) => Ok(num_to_value(n)),
            None => Err(no_op_method(&v, "op_UnaryPlus")),
        },
        UnaryOp::Bnot => match to_num(&v) {
            Some(Num::Int(i, long)) => Ok(if long || i > i32::MAX as i64 { Value::Long(!i) } else { Value::Int(!(i as i32)) }),
            Some(n) => Ok(Value::Long(!(n.to_f64() as i64))),
            None => Err(no_op_method(&v, "op_OnesComplement")),
        },
        UnaryOp::Join => Ok(Value::string(items_of(&v).iter().map(to_display_string).collect::<String>())),
        UnaryOp::Split { .. } => {
            let mut out = Vec::new();
            for s in items_of(&v) {
                for piece in to_display_string(&s).split_whitespace() {
                    out.push(Value::str(piece));
                }
            }
            Ok(Value::array(out))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard_match("*.csv", "Map.CSV", false));
        assert!(!wildcard_match("*.csv", "Map.CSV", true));
        assert!(wildcard_match("user?", "user1", false));
        assert!(wildcard_match("[a-c]*", "beta", false));
        assert!(wildcard_match("a`*b", "a*b", false));
        assert!(!wildcard_match("a`*b", "axb", false));
        assert!(wildcard_match("*", "", false));
    }

    #[test]
    fn replacement_translation() {
        let re = compile_regex("(?<name>a)(b)", true).expect("regex");
        // .NET numbers the unnamed group first: $1 is (b), $2 is the named group.
        assert_eq!(replacement_for(&re, "$1x"), "${2}x");
        assert_eq!(replacement_for(&re, "$2"), "${1}");
        assert_eq!(replacement_for(&re, "$&!"), "${0}!");
        assert_eq!(replacement_for(&re, "$$"), "$$");
        assert_eq!(replacement_for(&re, "${name}"), "${1}");
        // Groups that do not exist stay literal.
        assert_eq!(replacement_for(&re, "$7 ${nope}"), "$$7 $${nope}");
    }
}
