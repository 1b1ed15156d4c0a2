//! `Should` and its operators, with Pester 5's comparison rules and failure messages
//! (`src/functions/assertions/*.ps1`, `Format-Nicely` in `Format.ps1`).
//!
//! Operators that take the whole input as one array (`-Be`, `-BeExactly`, `-BeNullOrEmpty`,
//! `-Contain`, `-HaveCount`) see `@(input)`; the others test every input object. A failure is
//! an ErrorRecord with the id `PesterAssertionFailed` whose TargetObject carries the message,
//! file, line and line text, as Pester's.

use std::cell::RefCell;
use std::rc::Rc;

use crate::cmdlets::pester::mock;
use crate::engine::commands::{Cmdlet, Cx};
use crate::engine::convert::{to_bool, to_display_string, to_string_with};
use crate::engine::error::{ErrorRecord, ErrorRecordObject, Flow, R, Termination};
use crate::engine::eval::NullSink;
use crate::engine::interp::Interp;
use crate::engine::ops;
use crate::engine::types::{TypeRef, type_of, value_is};
use crate::engine::value::{Hashtable, Value};
use crate::lang::ast::{BinOp, CmpOp};

/// `Should`: collects its input, then runs the operator named by the parameter set.
#[derive(Default)]
pub struct Should {
    input: Vec<Value>,
}

impl Cmdlet for Should {
    fn process(&mut self, cx: &mut Cx) -> R {
        self.input.push(cx.get("ActualValue").cloned().unwrap_or(Value::Null));
        Ok(())
    }

    fn end(&mut self, cx: &mut Cx) -> R {
        let op = cx.set_name().to_string();
        let negate = cx.switch("Not");
        let line = cx.file.line_col(cx.span.start).0;
        let line_text = cx.file.line_text(line).to_string();
        let input = std::mem::take(&mut self.input);
        let array_input = matches!(op.as_str(), "Be" | "BeExactly" | "BeNullOrEmpty" | "Contain" | "HaveCount");
        let values: Vec<Value> = if input.is_empty() {
            vec![Value::Null]
        } else if array_input {
            vec![Value::array(input)]
        } else {
            input
        };
        for v in values {
            let outcome = assert(cx, &op, negate, &v)?;
            match outcome {
                Verdict::Pass(data) => {
                    if let Some(d) = data {
                        cx.emit(d)?;
                    }
                }
                Verdict::Fail(message) => {
                    let rec = pester_error_record("PesterAssertionFailed", &message, &cx.file.display_name(), line, &line_text, true).at(cx.file, cx.span);
                    return Err(Flow::Error(Rc::new(rec), Termination::Script));
                }
            }
        }
        Ok(())
    }
}

pub enum Verdict {
    Pass(Option<Value>),
    Fail(String),
}

/// Pester.Factory.CreateErrorRecord / CreateShouldErrorRecord.
pub fn pester_error_record(id: &str, message: &str, file: &str, line: usize, line_text: &str, terminating: bool) -> ErrorRecord {
    let mut h = Hashtable::new();
    h.insert(Value::str("Message"), Value::str(message));
    h.insert(Value::str("File"), Value::str(file));
    h.insert(Value::str("Line"), Value::string(line.to_string()));
    h.insert(Value::str("LineText"), Value::str(line_text));
    h.insert(Value::str("Terminating"), Value::Bool(terminating));
    ErrorRecord::new("System.Exception", message, id, "InvalidResult").with_target(Value::Hashtable(Rc::new(RefCell::new(h))))
}

/// An ArgumentException thrown by an operator (`throw [ArgumentException]"…"`).
fn argument_error(cx: &Cx, message: &str) -> Flow {
    let rec = ErrorRecord::new("System.ArgumentException", message, "System.ArgumentException", "NotSpecified").at(cx.file, cx.span);
    Flow::Error(Rc::new(rec), Termination::Script)
}

/// Format-Because: ` because <reason>,` (a leading "because " in the reason is dropped).
pub fn format_because(because: Option<&str>) -> String {
    let Some(b) = because else { return String::new() };
    let t = b.trim();
    if t.is_empty() {
        return String::new();
    }
    let re = regex::Regex::new(r"(?i)because\s").map(|r| r.replace_all(t, "").to_string()).unwrap_or_else(|_| t.to_string());
    format!(" because {re},")
}

// ───────────────────────────── Format-Nicely ─────────────────────────────

fn is_value_type(v: &Value) -> bool {
    matches!(
        v,
        Value::Bool(_)
            | Value::Int(_)
            | Value::Long(_)
            | Value::Double(_)
            | Value::Decimal(_)
            | Value::Byte(_)
            | Value::Char(_)
            | Value::DateTime(_)
            | Value::TimeSpan(_)
            | Value::Guid(_)
            | Value::Switch(_)
    )
}

/// `$($v)`: a one-element array unrolls to its element, an empty one to `$null`.
fn unroll(v: &Value) -> Value {
    match v {
        Value::Array(_) | Value::List(_) => {
            let items = v.enumerate().unwrap_or_default();
            match items.len() {
                0 => Value::Null,
                1 => items[0].clone(),
                _ => v.clone(),
            }
        }
        other => other.clone(),
    }
}

fn is_collection(v: &Value) -> bool {
    matches!(v, Value::Array(_) | Value::List(_) | Value::Bytes(_))
}

/// Pester's Format-Nicely, as the text it produces inside a message.
pub fn format_nicely(v: &Value) -> String {
    match v {
        Value::Null => "$null".into(),
        Value::Bool(b) => if *b { "$true" } else { "$false" }.into(),
        Value::Str(s) => {
            if s.is_empty() {
                "<empty>".into()
            } else {
                format!("'{s}'")
            }
        }
        Value::DateTime(d) => crate::engine::netfmt::format_datetime(*d, "o"),
        Value::Type(t) => format!("[{}]", t.full_name()),
        Value::Double(_) | Value::Decimal(_) => to_display_string(v),
        Value::ScriptBlock(sb) => format!("{{{}}}", sb.body_text()),
        _ => {
            let u = unroll(v);
            if is_value_type(&u) || matches!(u, Value::Str(_) | Value::ScriptBlock(_)) {
                // Is-Value: the value itself, interpolated into the message.
                return to_string_with(v, " ");
            }
            if matches!(v, Value::Hashtable(_)) {
                return to_display_string(v);
            }
            if is_collection(v) {
                let items = v.enumerate().unwrap_or_default();
                let shown: Vec<String> = items.iter().take(10).map(format_nicely).collect();
                let more = if items.len() > 10 { format!(", ...{} more", items.len() - 10) } else { String::new() };
                return format!("@({}{more})", shown.join(", "));
            }
            to_display_string(v)
        }
    }
}

// ───────────────────────────── operators ─────────────────────────────

fn cmp(it: &mut Interp, op: CmpOp, cs: bool, l: &Value, r: &Value) -> bool {
    ops::binary(it, BinOp::Cmp(op, cs), l, r).map(|v| to_bool(&v)).unwrap_or(false)
}

fn object_array(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Null => None,
        Value::Array(_) | Value::List(_) | Value::Bytes(_) => v.enumerate(),
        other => Some(vec![other.clone()]),
    }
}

fn null_or_empty(items: &Option<Vec<Value>>) -> bool {
    match items {
        None => true,
        Some(v) => v.is_empty() || (v.len() == 1 && v[0].is_null()),
    }
}

/// Pester's ArraysAreEqual.
fn arrays_are_equal(it: &mut Interp, first: &Value, second: &Value, cs: bool, depth: u32) -> Result<bool, String> {
    if depth > 100 {
        return Err(format!(
            "Reached the recursion depth limit of 100 when comparing arrays {} and {}. Is one of your arrays cyclic?",
            to_display_string(first),
            to_display_string(second)
        ));
    }
    let f = object_array(first);
    let s = object_array(second);
    let (fe, se) = (null_or_empty(&f), null_or_empty(&s));
    if fe || se {
        return Ok(fe && se);
    }
    let (f, s) = (f.unwrap_or_default(), s.unwrap_or_default());
    if f.len() != s.len() {
        return Ok(false);
    }
    for (a, e) in f.iter().zip(s.iter()) {
        let is_array = |v: &Value| matches!(v, Value::Array(_) | Value::Bytes(_));
        if is_array(a) || is_array(e) {
            if !arrays_are_equal(it, a, e, cs, depth + 1)? {
                return Ok(false);
            }
        } else if !cmp(it, CmpOp::Eq, cs, e, a) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Expand-SpecialCharacters (Pester 5).
fn expand_special(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            '\u{8}' => out.push_str("\\b"),
            c => out.push(c),
        }
    }
    out
}

/// Get-CompareStringMessage (as printed in a non-interactive run: no excerpting).
fn compare_strings_message(expected: &str, actual: &str, cs: bool, because: Option<&str>) -> String {
    let e: Vec<char> = expected.chars().collect();
    let a: Vec<char> = actual.chars().collect();
    let max = e.len().max(a.len());
    let mut diff = None;
    for i in 0..max {
        let differ = match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) => {
                if cs {
                    x != y
                } else {
                    x.to_lowercase().ne(y.to_lowercase())
                }
            }
            _ => true,
        };
        if differ {
            diff = Some(i);
            break;
        }
    }
    let Some(d) = diff else { return String::new() };
    let mut lines = vec![format!("Expected strings to be the same,{} but they were different.", format_because(because))];
    if e.len() != a.len() {
        lines.push(format!("Expected length: {}", e.len()));
        lines.push(format!("Actual length:   {}", a.len()));
        lines.push(format!("Strings differ at index {d}."));
    } else {
        lines.push(format!("String lengths are both {}.", e.len()));
        lines.push(format!("Strings differ at index {d}."));
    }
    let prefix: String = a.iter().take(d).collect();
    let expanded_index = expand_special(&prefix).chars().count();
    lines.push(format!("Expected: '{}'", expand_special(expected)));
    lines.push(format!("But was:  '{}'", expand_special(actual)));
    lines.push(format!("{}{}^", " ".repeat(11), "-".repeat(expanded_index)));
    lines.join("\n")
}

fn be_failure(expected: &Value, actual: &Value, exactly: bool, because: Option<&str>) -> String {
    let a = unroll(actual);
    let e = unroll(expected);
    if let (Value::Str(es), Value::Str(as_)) = (&e, &a) {
        return compare_strings_message(es, as_, exactly, because);
    }
    let word = if exactly { "Expected exactly" } else { "Expected" };
    format!("{word} {},{} but got {}.", format_nicely(&e), format_because(because), format_nicely(&a))
}

/// The value of a parameter, `$null` when not bound.
fn param(cx: &Cx, name: &str) -> Value {
    cx.get(name).cloned().unwrap_or(Value::Null)
}

fn type_arg(v: &Value) -> Option<Rc<TypeRef>> {
    match v {
        Value::Type(t) => Some(t.clone()),
        Value::Str(s) => {
            let inner = s.trim().strip_prefix('[').and_then(|x| x.strip_suffix(']')).unwrap_or(s.trim());
            TypeRef::resolve_str(inner).map(Rc::new)
        }
        _ => None,
    }
}

fn assert(cx: &mut Cx, op: &str, negate: bool, actual: &Value) -> Result<Verdict, Flow> {
    let because = cx.string("Because");
    let b = because.as_deref();
    let fail = |m: String| Ok(Verdict::Fail(m));
    let pass = || Ok(Verdict::Pass(None));
    match op {
        "Be" | "BeExactly" => {
            let exactly = op == "BeExactly";
            let expected = param(cx, "ExpectedValue");
            let equal = arrays_are_equal(cx.it, actual, &expected, exactly, 0).map_err(|m| argument_error(cx, &m))?;
            if equal != negate {
                return pass();
            }
            if negate {
                let tail = if exactly { "but got exactly the same value." } else { "but got the same value." };
                fail(format!("Expected {} to be different from the actual value,{} {tail}", format_nicely(&expected), format_because(b)))
            } else {
                fail(be_failure(&expected, actual, exactly, b))
            }
        }
        "BeGreaterThan" | "BeLessOrEqual" | "BeLessThan" | "BeGreaterOrEqual" => {
            let expected = param(cx, "ExpectedValue");
            // -Not flips to the complementary operator, with its own message.
            let eff = match (op, negate) {
                ("BeGreaterThan", true) => "BeLessOrEqual",
                ("BeLessOrEqual", true) => "BeGreaterThan",
                ("BeLessThan", true) => "BeGreaterOrEqual",
                ("BeGreaterOrEqual", true) => "BeLessThan",
                (o, _) => o,
            };
            let (bad, text) = match eff {
                "BeGreaterThan" => (cmp(cx.it, CmpOp::Le, false, actual, &expected), "greater than"),
                "BeLessOrEqual" => (cmp(cx.it, CmpOp::Gt, false, actual, &expected), "less than or equal to"),
                "BeLessThan" => (cmp(cx.it, CmpOp::Ge, false, actual, &expected), "less than"),
                _ => (cmp(cx.it, CmpOp::Lt, false, actual, &expected), "greater than or equal to"),
            };
            if !bad {
                return pass();
            }
            fail(format!("Expected the actual value to be {text} {},{} but got {}.", format_nicely(&expected), format_because(b), format_nicely(actual)))
        }
        "BeIn" => {
            let expected = param(cx, "ExpectedValue");
            let ok = cmp(cx.it, CmpOp::Contains, false, &expected, actual) != negate;
            if ok {
                return pass();
            }
            let (to, tail) = if negate { ("to not contain", "but it was found.") } else { ("to contain", "but it was not found.") };
            fail(format!("Expected collection {} {to} {},{} {tail}", format_nicely(&expected), format_nicely(actual), format_because(b)))
        }
        "BeLike" | "BeLikeExactly" => {
            let cs = op == "BeLikeExactly";
            let expected = param(cx, "ExpectedValue");
            let ok = cmp(cx.it, CmpOp::Like, cs, actual, &expected) != negate;
            if ok {
                return pass();
            }
            let kind = if cs { "case sensitive like wildcard" } else { "like wildcard" };
            let (to, tail) = if negate { ("to not match", "but it did match.") } else { ("to match", "but it did not match.") };
            fail(format!("Expected {kind} {} {to} {},{} {tail}", format_nicely(&expected), format_nicely(actual), format_because(b)))
        }
        "Match" | "MatchExactly" => {
            let cs = op == "MatchExactly";
            let re = param(cx, "RegularExpression");
            let ok = cmp(cx.it, CmpOp::Match, cs, actual, &re) != negate;
            if ok {
                return pass();
            }
            let verb = match (cs, negate) {
                (false, false) => "to match",
                (false, true) => "to not match",
                (true, false) => "to case sensitively match",
                (true, true) => "to not case sensitively match",
            };
            let tail = if negate { "but it did match." } else { "but it did not match." };
            fail(format!("Expected regular expression {} {verb} {},{} {tail}", format_nicely(&re), format_nicely(actual), format_because(b)))
        }
        "BeNullOrEmpty" => {
            let items = object_array(actual).unwrap_or_default();
            let empty = match items.len() {
                0 => true,
                1 => match &items[0] {
                    Value::Hashtable(h) => h.borrow().is_empty(),
                    Value::Null => true,
                    Value::Str(s) => s.is_empty(),
                    other => to_display_string(other).is_empty() && matches!(other, Value::Null),
                },
                _ => false,
            };
            if empty != negate {
                return pass();
            }
            if negate {
                fail(format!("Expected a value,{} but got $null or empty.", format_because(b)))
            } else {
                fail(format!("Expected $null or empty,{} but got {}.", format_because(b), format_nicely(actual)))
            }
        }
        "BeOfType" => {
            let expected = param(cx, "ExpectedType");
            let Some(t) = type_arg(&expected) else {
                return Err(argument_error(cx, "Could not find type []. Make sure that the assembly that contains that type is loaded."));
            };
            let ok = value_is(actual, &t) != negate;
            if ok {
                return pass();
            }
            let actual_type = if actual.is_null() { Value::Null } else { Value::Type(Rc::new(type_of(actual))) };
            let not = if negate { "not " } else { "" };
            fail(format!(
                "Expected the value to {not}have type {} or any of its subtypes,{} but got {} with type {}.",
                format_nicely(&Value::Type(t)),
                format_because(b),
                format_nicely(actual),
                format_nicely(&actual_type)
            ))
        }
        "BeTrue" | "BeFalse" => {
            let want_true = (op == "BeTrue") != negate;
            if to_bool(actual) == want_true {
                return pass();
            }
            let word = if want_true { "$true" } else { "$false" };
            fail(format!("Expected {word},{} but got {}.", format_because(b), format_nicely(actual)))
        }
        "Contain" => {
            let expected = param(cx, "ExpectedValue");
            let ok = cmp(cx.it, CmpOp::Contains, false, actual, &expected) != negate;
            if ok {
                return pass();
            }
            let (to, tail) = if negate { ("to not be found", "but it was found.") } else { ("to be found", "but it was not found.") };
            fail(format!("Expected {} {to} in collection {},{} {tail}", format_nicely(&expected), format_nicely(actual), format_because(b)))
        }
        "HaveCount" => {
            let expected = cx.int("ExpectedValue").unwrap_or(0);
            if expected < 0 {
                return Err(argument_error(cx, "Excpected collection size must be greater than or equal to 0."));
            }
            let count = match actual {
                Value::Null => 0,
                other => other.enumerate().map(|v| v.len()).unwrap_or(1) as i64,
            };
            let ok = (count == expected) != negate;
            if ok {
                return pass();
            }
            let ev = Value::Long(expected);
            let msg = if negate {
                let expect = if expected == 0 {
                    "Expected a non-empty collection".to_string()
                } else {
                    format!("Expected a collection with size different from {}", format_nicely(&ev))
                };
                let but = if count != 0 {
                    format!("but got collection with that size {}.", format_nicely(actual))
                } else {
                    "but got an empty collection.".to_string()
                };
                format!("{expect},{} {but}", format_because(b))
            } else {
                let expect =
                    if expected == 0 { "Expected an empty collection".to_string() } else { format!("Expected a collection with size {}", format_nicely(&ev)) };
                let but = if count != 0 {
                    format!("but got collection with size {} {}.", format_nicely(&Value::Long(count)), format_nicely(actual))
                } else {
                    "but got an empty collection.".to_string()
                };
                format!("{expect},{} {but}", format_because(b))
            };
            fail(msg)
        }
        "Exist" => {
            let path = to_display_string(actual);
            let exists = !actual.is_null() && crate::engine::pipeline::resolve_path(&path).exists();
            if exists != negate {
                return pass();
            }
            if negate {
                fail(format!("Expected path {} to not exist,{} but it did exist.", format_nicely(actual), format_because(b)))
            } else {
                fail(format!("Expected path {} to exist,{} but it did not exist.", format_nicely(actual), format_because(b)))
            }
        }
        "Throw" => should_throw(cx, negate, actual, b),
        "Invoke" => mock::should_invoke(cx, negate, actual, b),
        "InvokeVerifiable" => mock::should_invoke_verifiable(cx, negate, b),
        other => Err(argument_error(cx, &format!("Assertion operator name '{other}' is not supported by tenantsim."))),
    }
}

/// [WildcardPattern]::Unescape: drop the backtick escapes.
fn wildcard_unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '`' {
            if let Some(n) = chars.next() {
                out.push(n);
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Join-And: "a, b and c".
fn join_and(items: &[String]) -> String {
    if items.len() < 2 {
        return items.join(", ");
    }
    format!("{} and {}", items[..items.len() - 1].join(", "), items[items.len() - 1])
}

/// Get-ExceptionLineInfo: the error's position message, "At" replaced by "from", each further
/// line indented by four spaces.
fn exception_line_info(rec: &ErrorRecord) -> String {
    let Some(pos) = &rec.invocation.position else { return String::new() };
    let text = crate::engine::display::position_message(&pos.file, pos.span);
    let lines: Vec<&str> = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
    let joined = lines.join("\n");
    let joined = match joined.strip_prefix("At ") {
        Some(rest) => format!("from {rest}"),
        None => joined,
    };
    joined.replace('\n', "\n    ")
}

fn should_throw(cx: &mut Cx, negate: bool, actual: &Value, because: Option<&str>) -> Result<Verdict, Flow> {
    let Value::ScriptBlock(sb) = actual else {
        return Err(argument_error(cx, "Input is missing or not a ScriptBlock. Input to '-Throw' and '-Not -Throw' must be enclosed in curly braces."));
    };
    let sb = sb.clone();
    cx.it.try_depth += 1;
    let r = cx.it.invoke_script_block(&sb, vec![], None, true, &mut NullSink);
    cx.it.try_depth -= 1;
    let thrown: Option<Rc<ErrorRecord>> = match r {
        Ok(()) => None,
        Err(Flow::Error(rec, _)) => {
            cx.it.record_error(&rec);
            Some(rec)
        }
        Err(Flow::Exit(code)) => return Err(Flow::Exit(code)),
        Err(_) => None,
    };
    let line_info = thrown.as_ref().map(|r| exception_line_info(r)).unwrap_or_default();
    if negate {
        return match &thrown {
            None => Ok(Verdict::Pass(None)),
            Some(rec) => Ok(Verdict::Fail(format!(
                "Expected no exception to be thrown,{} but an exception \"{}\" was thrown {line_info}.",
                format_because(because),
                rec.exception.message
            ))),
        };
    }
    let mut buts: Vec<String> = Vec::new();
    let mut filters: Vec<String> = Vec::new();
    let ex_type = cx.get("ExceptionType").and_then(type_arg);
    if let Some(t) = &ex_type {
        filters.push(format!("type {}", format_nicely(&Value::Type(t.clone()))));
        if let Some(rec) = &thrown {
            if !rec.is_type(&t.full_name()) {
                let actual_type = TypeRef::Named(rec.exception.type_name.clone());
                buts.push(format!("the exception type was {}", format_nicely(&Value::Type(Rc::new(actual_type)))));
            }
        }
    }
    let expected_message = cx.string("ExpectedMessage").unwrap_or_default();
    if !expected_message.trim().is_empty() {
        filters.push(format!("message like {}", format_nicely(&Value::string(wildcard_unescape(&expected_message)))));
        if let Some(rec) = &thrown {
            if !ops::wildcard_match(&expected_message, &rec.exception.message, false) {
                buts.push(format!("the message was {}", format_nicely(&Value::Str(rec.exception.message.clone()))));
            }
        }
    }
    let error_id = cx.string("ErrorId").unwrap_or_default();
    if !error_id.trim().is_empty() {
        filters.push(format!("FullyQualifiedErrorId {}", format_nicely(&Value::string(error_id.clone()))));
        if let Some(rec) = &thrown {
            if !ops::wildcard_match(&error_id, &rec.fqid, false) {
                buts.push(format!("the FullyQualifiedErrorId was {}", format_nicely(&Value::Str(rec.fqid.clone()))));
            }
        }
    }
    if thrown.is_none() {
        buts.push("no exception was thrown".into());
    }
    if !buts.is_empty() {
        let filter = join_and(&filters);
        let with = if filter.is_empty() { String::new() } else { format!(" with {filter}") };
        let msg = format!("Expected an exception{with} to be thrown,{} but {}. {line_info}", format_because(because), join_and(&buts));
        return Ok(Verdict::Fail(msg.trim().to_string()));
    }
    let data = if cx.switch("PassThru") { thrown.map(|r| Value::Net(Rc::new(ErrorRecordObject(r)))) } else { None };
    Ok(Verdict::Pass(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_nicely_follows_pester() {
        assert_eq!(format_nicely(&Value::Null), "$null");
        assert_eq!(format_nicely(&Value::Bool(true)), "$true");
        assert_eq!(format_nicely(&Value::str("")), "<empty>");
        assert_eq!(format_nicely(&Value::str("a")), "'a'");
        assert_eq!(format_nicely(&Value::Int(2)), "2");
        assert_eq!(format_nicely(&Value::array(vec![Value::Int(1)])), "1");
        assert_eq!(format_nicely(&Value::array(vec![Value::Int(1), Value::str("b")])), "@(1, 'b')");
        assert_eq!(format_nicely(&Value::array(vec![])), "@()");
        let many: Vec<Value> = (1..=12).map(Value::Int).collect();
        assert_eq!(format_nicely(&Value::array(many)), "@(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...2 more)");
    }

    #[test]
    fn string_comparison_messages_match_pesters_tests() {
        assert_eq!(
            compare_strings_message("expected", "actual", false, None),
            "Expected strings to be the same, but they were different.\nExpected length: 8\nActual length:   6\nStrings differ at index 0.\nExpected: 'expected'\nBut was:  'actual'\n           ^"
        );
        assert_eq!(
            compare_strings_message("\n\r\u{8}\0\ty", "\n\r\u{8}\0\tx", false, None),
            "Expected strings to be the same, but they were different.\nString lengths are both 6.\nStrings differ at index 5.\nExpected: '\\n\\r\\b\\0\\ty'\nBut was:  '\\n\\r\\b\\0\\tx'\n           ----------^"
        );
        assert_eq!(
            compare_strings_message("A", "a", true, Some("reason")),
            "Expected strings to be the same, because reason, but they were different.\nString lengths are both 1.\nStrings differ at index 0.\nExpected: 'A'\nBut was:  'a'\n           ^"
        );
    }

    #[test]
    fn because_drops_a_leading_because() {
        assert_eq!(format_because(Some("because it matters")), " because it matters,");
        assert_eq!(format_because(Some("  ")), "");
        assert_eq!(format_because(None), "");
    }
}
