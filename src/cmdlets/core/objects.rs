//! Object pipeline cmdlets: Where-Object, ForEach-Object, Select-Object, Sort-Object,
//! Group-Object, Measure-Object, Compare-Object, Add-Member, Get-Member, New-Object.

use std::cmp::Ordering;
use std::rc::Rc;

use super::{Expr, KeySet, PropSpec, eval_expr, expand_names, input, parse_props};
use crate::engine::commands::{Cmdlet, Cx};
use crate::engine::convert::{to_bool, to_display_string, values_equal};
use crate::engine::error::{ErrorRecord, R};
use crate::engine::format;
use crate::engine::value::{Hashtable, ListValue, PropKind, PsObject, Value};
use crate::lang::ast::ScriptBlock;
use crate::lang::sym::eq_ci;

type Block = Rc<ScriptBlock>;

// ───────────────────────────── Where-Object ─────────────────────────────

pub fn where_object(cx: &mut Cx) -> R {
    let Some(input) = cx.get("InputObject").cloned() else { return Ok(()) };
    if input.is_null() && !cx.has_input {
        return Ok(());
    }
    let keep = if let Some(Value::ScriptBlock(sb)) = cx.get("FilterScript").cloned() {
        let v = cx.it.invoke_script_block_value(&sb, vec![], Some(input.clone()), false)?;
        to_bool(&v)
    } else {
        let prop = cx.string("Property").unwrap_or_default();
        let span = cx.span;
        let value = cx.it.get_member(&input, &prop, span)?;
        let set = cx.set_name().to_string();
        let rhs = cx.get("Value").cloned();
        simplified_where(cx, &set, &value, rhs)?
    };
    if keep { cx.emit(input) } else { Ok(()) }
}

/// Where-Object's simplified syntax: the parameter set names the operator.
fn simplified_where(cx: &mut Cx, set: &str, lhs: &Value, rhs: Option<Value>) -> R<bool> {
    use crate::lang::ast::{BinOp, CmpOp};
    let s = set.trim_end_matches("Set");
    let (cs, base) = match s.strip_prefix("CaseSensitive") {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    if base == "Not" {
        return Ok(!to_bool(lhs));
    }
    let Some(rhs) = rhs else {
        // `Where-Object Name` (no operator, no value): truthiness of the property.
        return Ok(to_bool(lhs));
    };
    let op = match base {
        "Equal" => BinOp::Cmp(CmpOp::Eq, cs),
        "NotEqual" => BinOp::Cmp(CmpOp::Ne, cs),
        "GreaterThan" => BinOp::Cmp(CmpOp::Gt, cs),
        "GreaterOrEqual" => BinOp::Cmp(CmpOp::Ge, cs),
        "LessThan" => BinOp::Cmp(CmpOp::Lt, cs),
        "LessOrEqual" => BinOp::Cmp(CmpOp::Le, cs),
        "Like" => BinOp::Cmp(CmpOp::Like, cs),
        "NotLike" => BinOp::Cmp(CmpOp::NotLike, cs),
        "Match" => BinOp::Cmp(CmpOp::Match, cs),
        "NotMatch" => BinOp::Cmp(CmpOp::NotMatch, cs),
        "Contains" => BinOp::Cmp(CmpOp::Contains, cs),
        "NotContains" => BinOp::Cmp(CmpOp::NotContains, cs),
        "In" => BinOp::Cmp(CmpOp::In, cs),
        "NotIn" => BinOp::Cmp(CmpOp::NotIn, cs),
        "Is" => BinOp::Is,
        "IsNot" => BinOp::IsNot,
        _ => BinOp::Cmp(CmpOp::Eq, cs),
    };
    let r = crate::engine::ops::binary(cx.it, op, lhs, &rhs)
        .map_err(|m| cx.terminate(cx.error("System.Management.Automation.PSInvalidOperationException", m, "OperationFailed", "InvalidOperation")))?;
    Ok(to_bool(&r))
}

// ───────────────────────────── ForEach-Object ─────────────────────────────

#[derive(Default)]
pub struct ForEachObject;

/// Begin, process and end script blocks of a ForEach-Object call.
type Scripts = (Option<Block>, Vec<Block>, Option<Block>);

impl ForEachObject {
    fn scripts(cx: &Cx) -> Scripts {
        let sb = |v: &Value| if let Value::ScriptBlock(s) = v { Some(s.clone()) } else { None };
        let mut process: Vec<Block> = cx.list("Process").iter().filter_map(sb).collect();
        let mut begin = cx.get("Begin").and_then(sb);
        let mut end = cx.get("End").and_then(sb);
        let remaining: Vec<Block> = cx.list("RemainingScripts").iter().filter_map(sb).collect();
        if !remaining.is_empty() {
            // `% {begin} {process} {end}`: positional scripts map to begin/process/end.
            let mut all = process.clone();
            all.extend(remaining);
            if begin.is_none() && all.len() >= 2 {
                begin = Some(all.remove(0));
            }
            if end.is_none() && all.len() >= 2 {
                end = all.pop();
            }
            process = all;
        }
        (begin, process, end)
    }

    fn run(cx: &mut Cx, sb: &Block, dollar_under: Option<Value>) -> R {
        let mut out = Vec::new();
        let r = cx.it.invoke_script_block(sb, vec![], dollar_under, false, &mut out);
        for v in out {
            cx.emit(v)?;
        }
        r
    }
}

impl Cmdlet for ForEachObject {
    fn begin(&mut self, cx: &mut Cx) -> R {
        if cx.set_name() == "ParallelParameterSet" {
            return Err(super::not_supported(cx, "ForEach-Object -Parallel"));
        }
        if cx.set_name() == "ScriptBlockSet" {
            if let (Some(b), _, _) = ForEachObject::scripts(cx) {
                ForEachObject::run(cx, &b, None)?;
            }
        }
        Ok(())
    }
    fn process(&mut self, cx: &mut Cx) -> R {
        let input = cx.get("InputObject").cloned().unwrap_or(Value::Null);
        match cx.set_name() {
            "PropertyAndMethodSet" => {
                if input.is_null() && !cx.has_input {
                    return Ok(());
                }
                let name = cx.string("MemberName").unwrap_or_default();
                let args = cx.list("ArgumentList");
                let span = cx.span;
                let v = if args.is_empty() && (format::has_property(&input, &name) || matches!(input, Value::Array(_) | Value::List(_))) {
                    cx.it.get_member(&input, &name, span)?
                } else {
                    cx.it.call_method(&input, &name, args, span)?
                };
                cx.emit_all(v)
            }
            "ParallelParameterSet" => Ok(()),
            _ => {
                let (_, process, _) = ForEachObject::scripts(cx);
                for p in process {
                    ForEachObject::run(cx, &p, Some(input.clone()))?;
                }
                Ok(())
            }
        }
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        if cx.set_name() == "ScriptBlockSet" {
            if let (_, _, Some(e)) = ForEachObject::scripts(cx) {
                ForEachObject::run(cx, &e, None)?;
            }
        }
        Ok(())
    }
}

// ───────────────────────────── Select-Object ─────────────────────────────

#[derive(Default)]
pub struct SelectObject {
    seen: usize,
    emitted: usize,
    held: Vec<Value>,
    unique: Vec<Value>,
    props: Option<Vec<PropSpec>>,
}

/// `Selected.<type>` names for Select-Object's projections.
fn selected_type_names(input: &Value) -> Rc<[Rc<str>]> {
    let base = match input {
        Value::Object(o) => o.borrow().type_names[0].to_string(),
        other => crate::engine::types::type_of(other).full_name(),
    };
    Rc::from(vec![Rc::from(format!("Selected.{base}").as_str()), Rc::from(crate::engine::value::PSCUSTOMOBJECT), Rc::from("System.Object")])
}

impl SelectObject {
    fn project(&mut self, cx: &mut Cx, input: &Value) -> R<Value> {
        let Some(props) = self.props.clone() else { return Ok(input.clone()) };
        if props.is_empty() {
            return Ok(input.clone());
        }
        let mut o = PsObject::new();
        o.type_names = selected_type_names(input);
        let exclude = cx.strings("ExcludeProperty");
        for p in expand_names(input, &props) {
            let name = p.display_label();
            if exclude.iter().any(|e| crate::engine::ops::wildcard_match(e, &name, false)) {
                continue;
            }
            if o.get(&name).is_some() {
                let rec = cx
                    .error(
                        "System.Management.Automation.PSArgumentException",
                        format!("The property cannot be processed because the property \"{name}\" already exists."),
                        "AlreadyExistingUserSpecifiedPropertyNoExpand",
                        "InvalidOperation",
                    )
                    .with_target(input.clone());
                cx.write_error(rec)?;
                continue;
            }
            let v = eval_expr(cx, input, &p.expr)?;
            o.set(&name, v);
        }
        Ok(o.into_value())
    }

    fn output(&mut self, cx: &mut Cx, v: Value) -> R {
        if cx.switch("Unique") {
            if self.unique.iter().any(|u| objects_equal(u, &v, !cx.switch("CaseInsensitive"))) {
                return Ok(());
            }
            self.unique.push(v.clone());
        }
        self.emitted += 1;
        cx.emit(v)
    }

    /// `-ExpandProperty`: the property's value (collections unrolled); with `-Property`, the
    /// selected properties are added to each expanded object.
    fn expand(&mut self, cx: &mut Cx, input: &Value, name: &str) -> R<Option<Vec<Value>>> {
        if !format::has_property(input, name) {
            let rec = cx
                .error(
                    "System.Management.Automation.PSArgumentException",
                    format!("Property \"{name}\" cannot be found."),
                    "ExpandPropertyNotFound",
                    "InvalidArgument",
                )
                .with_target(input.clone());
            cx.write_error(rec)?;
            return Ok(None);
        }
        let span = cx.span;
        let x = cx.it.get_member(input, name, span)?;
        let items = match &x {
            Value::Array(_) | Value::List(_) => x.enumerate().unwrap_or_default(),
            Value::Null => Vec::new(),
            _ => vec![x],
        };
        if let Some(props) = self.props.clone() {
            if !props.is_empty() {
                let extra = self.project(cx, input)?;
                for item in &items {
                    if let (Value::Object(target), Value::Object(src)) = (item, &extra) {
                        for p in src.borrow().props.values() {
                            if target.borrow().get(&p.name).is_none() {
                                target.borrow_mut().set_rc(p.name.clone(), p.value.clone());
                            }
                        }
                    }
                }
            }
        }
        Ok(Some(items))
    }
}

impl Cmdlet for SelectObject {
    fn begin(&mut self, cx: &mut Cx) -> R {
        super::reject(cx, &["Wait"])?;
        if cx.has("Property") {
            self.props = Some(parse_props(cx, &cx.list("Property"), KeySet::Select)?);
        }
        Ok(())
    }
    fn process(&mut self, cx: &mut Cx) -> R {
        let Some(input) = input(cx) else { return Ok(()) };
        self.seen += 1;
        let index = self.seen - 1;
        if cx.has("Index") || cx.has("SkipIndex") {
            let (name, keep_listed) = if cx.has("Index") { ("Index", true) } else { ("SkipIndex", false) };
            let idx: Vec<i64> = cx.list(name).iter().filter_map(crate::engine::convert::to_num).map(|n| n.to_f64() as i64).collect();
            if idx.iter().any(|i| *i < 0) {
                self.held.push(input);
                return Ok(());
            }
            if idx.contains(&(index as i64)) == keep_listed {
                let v = self.project(cx, &input)?;
                return self.output(cx, v);
            }
            return Ok(());
        }
        if let Some(skip) = cx.int("Skip") {
            if (index as i64) < skip {
                return Ok(());
            }
        }
        let values = match cx.string("ExpandProperty") {
            Some(name) => match self.expand(cx, &input, &name)? {
                Some(v) => v,
                None => return Ok(()),
            },
            None => vec![self.project(cx, &input)?],
        };
        for v in values {
            if cx.has("Last") || cx.has("SkipLast") {
                self.held.push(v);
                continue;
            }
            if let Some(first) = cx.int("First") {
                if self.emitted as i64 >= first {
                    return Ok(());
                }
            }
            self.output(cx, v)?;
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        if cx.has("Index") || cx.has("SkipIndex") {
            // Negative indexes count from the end: the input was held.
            let all = std::mem::take(&mut self.held);
            if all.is_empty() {
                return Ok(());
            }
            let n = self.seen as i64;
            let (name, keep_listed) = if cx.has("Index") { ("Index", true) } else { ("SkipIndex", false) };
            let idx: Vec<i64> =
                cx.list(name).iter().filter_map(crate::engine::convert::to_num).map(|x| x.to_f64() as i64).map(|i| if i < 0 { n + i } else { i }).collect();
            let offset = n - all.len() as i64;
            for (k, v) in all.into_iter().enumerate() {
                if idx.contains(&(k as i64 + offset)) == keep_listed {
                    let v = self.project(cx, &v)?;
                    self.output(cx, v)?;
                }
            }
            return Ok(());
        }
        if let Some(n) = cx.int("Last") {
            let start = self.held.len().saturating_sub(n.max(0) as usize);
            let items: Vec<Value> = self.held.drain(start..).collect();
            let first = cx.int("First");
            for v in items {
                if first.is_some_and(|f| self.emitted as i64 >= f) {
                    break;
                }
                self.output(cx, v)?;
            }
        } else if let Some(n) = cx.int("SkipLast") {
            let keep = self.held.len().saturating_sub(n.max(0) as usize);
            let items: Vec<Value> = self.held.drain(..keep).collect();
            for v in items {
                self.output(cx, v)?;
            }
        }
        Ok(())
    }
}

/// Equality of objects for -Unique / Group-Object / Compare-Object: PSObjects by their
/// property values, everything else by value.
pub fn objects_equal(a: &Value, b: &Value, case_sensitive: bool) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            if Rc::ptr_eq(x, y) {
                return true;
            }
            let (xb, yb) = (x.borrow(), y.borrow());
            if xb.is_custom() || yb.is_custom() || xb.type_names[0].starts_with("Selected.") {
                return xb.props.len() == yb.props.len()
                    && xb.props.values().all(|p| yb.get(&p.name).is_some_and(|q| objects_equal(&p.value, &q.value, case_sensitive)));
            }
            format::object_string(a) == format::object_string(b)
        }
        _ => values_equal(a, b, case_sensitive),
    }
}

// ───────────────────────────── Sort-Object ─────────────────────────────

#[derive(Default)]
pub struct SortObject {
    items: Vec<Value>,
}

/// ObjectCommandComparer: nulls first, numbers numerically, strings with culture rules,
/// otherwise the string forms.
pub fn sort_compare(a: &Value, b: &Value, cs: bool) -> Ordering {
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        (Value::Str(x), Value::Str(y)) => crate::engine::convert::str_cmp(x, y, cs),
        _ => crate::engine::convert::compare_values(a, b, cs)
            .unwrap_or_else(|| crate::engine::convert::str_cmp(&format::object_string(a), &format::object_string(b), cs)),
    }
}

impl Cmdlet for SortObject {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = input(cx) {
            self.items.push(v);
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        super::reject(cx, &["Culture"])?;
        let descending = cx.switch("Descending");
        let cs = cx.switch("CaseSensitive");
        let specs = parse_props(cx, &cx.list("Property"), KeySet::Sort)?;
        let mut keyed: Vec<(Vec<(Value, bool)>, Value)> = Vec::with_capacity(self.items.len());
        let items = std::mem::take(&mut self.items);
        let specs = match items.first() {
            Some(first) => expand_names(first, &specs),
            None => specs,
        };
        for item in items {
            let mut keys = Vec::new();
            if specs.is_empty() {
                keys.push((item.clone(), descending));
            }
            for s in &specs {
                let v = eval_expr(cx, &item, &s.expr)?;
                keys.push((v, s.descending.unwrap_or(descending)));
            }
            keyed.push((keys, item));
        }
        keyed.sort_by(|a, b| {
            for ((x, d), (y, _)) in a.0.iter().zip(b.0.iter()) {
                let o = sort_compare(x, y, cs);
                let o = if *d { o.reverse() } else { o };
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        });
        if cx.switch("Unique") {
            let mut uniq: Vec<(Vec<(Value, bool)>, Value)> = Vec::new();
            for e in keyed {
                let dup = uniq.last().is_some_and(|u: &(Vec<(Value, bool)>, Value)| {
                    u.0.iter().zip(e.0.iter()).all(|((x, _), (y, _))| sort_compare(x, y, cs) == Ordering::Equal)
                });
                if !dup {
                    uniq.push(e);
                }
            }
            keyed = uniq;
        }
        let mut out: Vec<Value> = keyed.into_iter().map(|(_, v)| v).collect();
        if let Some(n) = cx.int("Top") {
            out.truncate(n.max(0) as usize);
        }
        if let Some(n) = cx.int("Bottom") {
            let start = out.len().saturating_sub(n.max(0) as usize);
            out = out.split_off(start);
        }
        for v in out {
            cx.emit(v)?;
        }
        Ok(())
    }
}

// ───────────────────────────── Group-Object ─────────────────────────────

#[derive(Default)]
pub struct GroupObject {
    items: Vec<Value>,
}

fn new_list(items: Vec<Value>) -> Value {
    Value::List(Rc::new(ListValue { items: std::cell::RefCell::new(items), element_type: None }))
}

impl Cmdlet for GroupObject {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = input(cx) {
            self.items.push(v);
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        super::reject(cx, &["Culture"])?;
        let cs = cx.switch("CaseSensitive");
        let specs = parse_props(cx, &cx.list("Property"), KeySet::Group)?;
        // (key values, name, members) in order of first appearance.
        let mut groups: Vec<(Vec<Value>, String, Vec<Value>)> = Vec::new();
        let items = std::mem::take(&mut self.items);
        for item in items {
            let keys: Vec<Value> = if specs.is_empty() {
                vec![item.clone()]
            } else {
                let mut k = Vec::new();
                for s in expand_names(&item, &specs) {
                    k.push(eval_expr(cx, &item, &s.expr)?);
                }
                k
            };
            let name = keys.iter().map(format::object_string).collect::<Vec<_>>().join(", ");
            match groups.iter_mut().find(|g| g.0.len() == keys.len() && g.0.iter().zip(keys.iter()).all(|(a, b)| group_key_eq(a, b, cs))) {
                Some(g) => g.2.push(item),
                None => groups.push((keys, name, vec![item])),
            }
        }
        if cx.switch("AsHashTable") {
            let mut h = Hashtable::new();
            for (keys, name, members) in groups {
                let key = if cx.switch("AsString") || keys.len() != 1 { Value::string(name) } else { keys[0].clone() };
                h.insert(key, new_list(members));
            }
            return cx.emit(Value::Hashtable(Rc::new(std::cell::RefCell::new(h))));
        }
        let no_element = cx.switch("NoElement");
        for (keys, name, members) in groups {
            let mut o =
                PsObject::typed(if no_element { "Microsoft.PowerShell.Commands.GroupInfoNoElement" } else { "Microsoft.PowerShell.Commands.GroupInfo" });
            o.set("Name", Value::string(name));
            o.set("Count", Value::Int(members.len() as i32));
            if !no_element {
                o.set("Group", new_list(members));
            }
            o.set("Values", new_list(keys));
            cx.emit(o.into_value())?;
        }
        Ok(())
    }
}

fn group_key_eq(a: &Value, b: &Value, cs: bool) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        _ => crate::engine::convert::str_eq(&format::object_string(a), &format::object_string(b), cs),
    }
}

// ───────────────────────────── Measure-Object ─────────────────────────────

#[derive(Default)]
pub struct MeasureObject {
    items: Vec<Value>,
}

impl Cmdlet for MeasureObject {
    fn process(&mut self, cx: &mut Cx) -> R {
        if let Some(v) = input(cx) {
            self.items.push(v);
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        let specs = parse_props(cx, &cx.list("Property"), KeySet::Group)?;
        let items = std::mem::take(&mut self.items);
        if cx.set_name() == "TextMeasure" {
            return self.text_measure(cx, &items, &specs);
        }
        let all = cx.switch("AllStats");
        let want = |cx: &Cx, n: &str| all || cx.switch(n);
        let (w_sum, w_avg, w_max, w_min, w_std) =
            (want(cx, "Sum"), want(cx, "Average"), want(cx, "Maximum"), want(cx, "Minimum"), want(cx, "StandardDeviation"));
        let targets: Vec<Option<PropSpec>> = if specs.is_empty() {
            vec![None]
        } else {
            let first = items.iter().find(|i| !i.is_null()).cloned().unwrap_or(Value::Null);
            expand_names(&first, &specs).into_iter().map(Some).collect()
        };
        for target in targets {
            let mut count = 0i32;
            let mut nums: Vec<f64> = Vec::new();
            let mut max: Option<Value> = None;
            let mut min: Option<Value> = None;
            let mut all_numeric = true;
            for v in &items {
                let x = match &target {
                    Some(s) => {
                        if let Expr::Name(n) = &s.expr {
                            if !format::has_property(v, n) {
                                continue;
                            }
                        }
                        eval_expr(cx, v, &s.expr)?
                    }
                    None => v.clone(),
                };
                if target.is_some() && x.is_null() {
                    continue;
                }
                count += 1;
                match crate::engine::convert::to_num(&x) {
                    Some(n) if !matches!(x, Value::Str(ref s) if s.trim().is_empty()) => nums.push(n.to_f64()),
                    _ => {
                        all_numeric = false;
                        if w_sum || w_avg || w_std {
                            let rec = cx
                                .error(
                                    "System.Management.Automation.PSInvalidOperationException",
                                    format!("Input object \"{}\" is not numeric.", to_display_string(&x)),
                                    "NonNumericInputObject",
                                    "InvalidType",
                                )
                                .with_target(x.clone());
                            cx.write_error(rec)?;
                            continue;
                        }
                    }
                }
                if w_max && max.as_ref().is_none_or(|m| sort_compare(&x, m, false) == Ordering::Greater) {
                    max = Some(x.clone());
                }
                if w_min && min.as_ref().is_none_or(|m| sort_compare(&x, m, false) == Ordering::Less) {
                    min = Some(x.clone());
                }
            }
            if let Some(s) = &target {
                if count == 0 {
                    if let Expr::Name(n) = &s.expr {
                        let rec = cx
                            .error(
                                "System.Management.Automation.PSArgumentException",
                                format!("The property \"{n}\" cannot be found in the input for any objects."),
                                "GenericMeasurePropertyNotFound",
                                "InvalidArgument",
                            )
                            .with_target(Value::Str(n.clone()));
                        cx.write_error(rec)?;
                        continue;
                    }
                }
            }
            let numeric_extreme = |v: Option<Value>| -> Value {
                match v {
                    None => Value::Null,
                    Some(x) if all_numeric => crate::engine::convert::to_num(&x).map(|n| Value::Double(n.to_f64())).unwrap_or(x),
                    Some(x) => x,
                }
            };
            let type_name =
                if all_numeric { "Microsoft.PowerShell.Commands.GenericMeasureInfo" } else { "Microsoft.PowerShell.Commands.GenericObjectMeasureInfo" };
            let mut o = PsObject::typed(type_name);
            o.type_names = Rc::from(vec![Rc::from(type_name), Rc::from("Microsoft.PowerShell.Commands.MeasureInfo"), Rc::from("System.Object")]);
            let sum: f64 = nums.iter().sum();
            let avg = if nums.is_empty() { 0.0 } else { sum / nums.len() as f64 };
            o.set("Count", Value::Int(count));
            o.set("Average", if w_avg { Value::Double(avg) } else { Value::Null });
            o.set("Sum", if w_sum { Value::Double(sum) } else { Value::Null });
            o.set("Maximum", if w_max { numeric_extreme(max) } else { Value::Null });
            o.set("Minimum", if w_min { numeric_extreme(min) } else { Value::Null });
            o.set(
                "StandardDeviation",
                if w_std {
                    let n = nums.len() as f64;
                    Value::Double(if n > 1.0 { (nums.iter().map(|x| (x - avg).powi(2)).sum::<f64>() / (n - 1.0)).sqrt() } else { 0.0 })
                } else {
                    Value::Null
                },
            );
            o.set("Property", target.map(|s| Value::Str(s.display_label())).unwrap_or(Value::Null));
            cx.emit(o.into_value())?;
        }
        Ok(())
    }
}

impl MeasureObject {
    fn text_measure(&self, cx: &mut Cx, items: &[Value], specs: &[PropSpec]) -> R {
        let (mut lines, mut words, mut chars) = (0i32, 0i32, 0i32);
        let ignore_ws = cx.switch("IgnoreWhiteSpace");
        let mut texts: Vec<String> = Vec::new();
        for v in items {
            if specs.is_empty() {
                texts.push(format::object_string(v));
            } else {
                for s in expand_names(v, specs) {
                    let x = eval_expr(cx, v, &s.expr)?;
                    if !x.is_null() {
                        texts.push(format::object_string(&x));
                    }
                }
            }
        }
        for s in &texts {
            lines += s.split('\n').count() as i32;
            words += s.split_whitespace().count() as i32;
            chars += if ignore_ws { s.chars().filter(|c| !c.is_whitespace()).count() } else { s.chars().filter(|c| *c != '\n' && *c != '\r').count() } as i32;
        }
        let mut o = PsObject::typed("Microsoft.PowerShell.Commands.TextMeasureInfo");
        o.set("Lines", if cx.switch("Line") { Value::Int(lines) } else { Value::Null });
        o.set("Words", if cx.switch("Word") { Value::Int(words) } else { Value::Null });
        o.set("Characters", if cx.switch("Character") { Value::Int(chars) } else { Value::Null });
        o.set("Property", specs.first().map(|s| Value::Str(s.display_label())).unwrap_or(Value::Null));
        cx.emit(o.into_value())
    }
}

// ───────────────────────────── Compare-Object ─────────────────────────────

#[derive(Default)]
pub struct CompareObject {
    started: bool,
    reference: Vec<(Vec<Value>, Value)>,
    ref_index: usize,
    ref_backlog: Vec<(Vec<Value>, Value)>,
    diff_backlog: Vec<(Vec<Value>, Value)>,
    specs: Vec<PropSpec>,
}

impl CompareObject {
    fn keys(&self, cx: &mut Cx, v: &Value) -> R<Vec<Value>> {
        if self.specs.is_empty() {
            return Ok(vec![v.clone()]);
        }
        let mut out = Vec::new();
        for s in expand_names(v, &self.specs) {
            out.push(eval_expr(cx, v, &s.expr)?);
        }
        Ok(out)
    }

    fn same(a: &[Value], b: &[Value], cs: bool) -> bool {
        a.len() == b.len()
            && a.iter().zip(b.iter()).all(|(x, y)| objects_equal(x, y, cs) || sort_compare(x, y, cs) == Ordering::Equal && !matches!(x, Value::Object(_)))
    }

    fn emit_entry(&self, cx: &mut Cx, entry: &(Vec<Value>, Value), side: &str) -> R {
        if side == "==" && !cx.switch("IncludeEqual") {
            return Ok(());
        }
        if side != "==" && cx.switch("ExcludeDifferent") {
            return Ok(());
        }
        if cx.switch("PassThru") {
            let v = entry.1.clone();
            let out = match &v {
                Value::Object(o) => {
                    o.borrow_mut().set("SideIndicator", Value::str(side));
                    v.clone()
                }
                other => {
                    let mut w = PsObject::typed(&crate::engine::types::type_of(other).full_name());
                    w.base = Some(other.clone());
                    w.set("SideIndicator", Value::str(side));
                    w.into_value()
                }
            };
            return cx.emit(out);
        }
        let mut o = PsObject::new();
        if self.specs.is_empty() {
            o.set("InputObject", entry.1.clone());
        } else {
            let names = expand_names(&entry.1, &self.specs);
            for (s, v) in names.iter().zip(entry.0.iter()) {
                o.set(&s.display_label(), v.clone());
            }
        }
        o.set("SideIndicator", Value::str(side));
        cx.emit(o.into_value())
    }

    /// One step of CompareObjectCommand.Process: match against the next reference object,
    /// then against the backlogs.
    fn step(&mut self, cx: &mut Cx, diff: Option<(Vec<Value>, Value)>) -> R {
        let cs = cx.switch("CaseSensitive");
        let window = cx.int("SyncWindow").unwrap_or(i32::MAX as i64).max(0) as usize;
        let mut reference = if self.ref_index < self.reference.len() {
            self.ref_index += 1;
            Some(self.reference[self.ref_index - 1].clone())
        } else {
            None
        };
        let mut diff = diff;
        if reference.is_none() && diff.is_none() {
            return Ok(());
        }
        if let (Some(r), Some(d)) = (&reference, &diff) {
            if Self::same(&r.0, &d.0, cs) {
                return self.emit_entry(cx, r, "==");
            }
        }
        if let Some(d) = &diff {
            if let Some(i) = self.ref_backlog.iter().position(|r| Self::same(&r.0, &d.0, cs)) {
                let m = self.ref_backlog.remove(i);
                self.emit_entry(cx, &m, "==")?;
                diff = None;
            }
        }
        if let Some(r) = &reference {
            if let Some(i) = self.diff_backlog.iter().position(|d| Self::same(&r.0, &d.0, cs)) {
                let m = self.diff_backlog.remove(i);
                self.emit_entry(cx, &m, "==")?;
                reference = None;
            }
        }
        if let Some(d) = diff {
            if window > 0 {
                while self.diff_backlog.len() >= window {
                    let first = self.diff_backlog.remove(0);
                    self.emit_entry(cx, &first, "=>")?;
                }
                self.diff_backlog.push(d);
            } else {
                self.emit_entry(cx, &d, "=>")?;
            }
        }
        if let Some(r) = reference {
            if window > 0 {
                while self.ref_backlog.len() >= window {
                    let first = self.ref_backlog.remove(0);
                    self.emit_entry(cx, &first, "<=")?;
                }
                self.ref_backlog.push(r);
            } else {
                self.emit_entry(cx, &r, "<=")?;
            }
        }
        Ok(())
    }

    fn start(&mut self, cx: &mut Cx) -> R {
        if self.started {
            return Ok(());
        }
        self.started = true;
        super::reject(cx, &["Culture"])?;
        self.specs = parse_props(cx, &cx.list("Property"), KeySet::Group)?;
        let reference = cx.get("ReferenceObject").cloned().unwrap_or(Value::Null);
        if reference.is_null() {
            let rec = cx.error(
                "System.Management.Automation.ParameterBindingValidationException",
                "Cannot bind argument to parameter 'ReferenceObject' because it is null.",
                "ParameterArgumentValidationErrorNullNotAllowed",
                "InvalidData",
            );
            return Err(cx.terminate(rec));
        }
        let items = reference.enumerate().unwrap_or_else(|| vec![reference.clone()]);
        for it in items {
            let k = self.keys(cx, &it)?;
            self.reference.push((k, it));
        }
        Ok(())
    }
}

impl Cmdlet for CompareObject {
    fn process(&mut self, cx: &mut Cx) -> R {
        self.start(cx)?;
        let diff = cx.get("DifferenceObject").cloned().unwrap_or(Value::Null);
        if diff.is_null() && !cx.has_input {
            let rec = cx.error(
                "System.Management.Automation.ParameterBindingValidationException",
                "Cannot bind argument to parameter 'DifferenceObject' because it is null.",
                "ParameterArgumentValidationErrorNullNotAllowed",
                "InvalidData",
            );
            return Err(cx.terminate(rec));
        }
        let items = if cx.has_input { vec![diff] } else { diff.enumerate().unwrap_or_else(|| vec![diff.clone()]) };
        for it in items {
            let k = self.keys(cx, &it)?;
            self.step(cx, Some((k, it)))?;
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        self.start(cx)?;
        while self.ref_index < self.reference.len() {
            self.step(cx, None)?;
        }
        for d in std::mem::take(&mut self.diff_backlog) {
            self.emit_entry(cx, &d, "=>")?;
        }
        for r in std::mem::take(&mut self.ref_backlog) {
            self.emit_entry(cx, &r, "<=")?;
        }
        Ok(())
    }
}

// ───────────────────────────── Add-Member ─────────────────────────────

fn member_exists(cx: &Cx, name: &str) -> ErrorRecord {
    cx.error(
        "System.InvalidOperationException",
        format!(
            "Cannot add a member with the name \"{name}\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command."
        ),
        "MemberAlreadyExists",
        "InvalidOperation",
    )
}

pub fn add_member(cx: &mut Cx) -> R {
    let Some(target) = cx.get("InputObject").cloned() else { return Ok(()) };
    let force = cx.switch("Force");
    // A PSObject to add to: custom objects in place; other values get a wrapper (-PassThru).
    let obj = match &target {
        Value::Object(_) => target.clone(),
        other => {
            let mut w = PsObject::typed(&crate::engine::types::type_of(other).full_name());
            w.type_names = crate::engine::types::type_names_of(other).iter().map(|s| Rc::from(s.as_str())).collect::<Vec<Rc<str>>>().into();
            w.base = Some(other.clone());
            w.into_value()
        }
    };
    let Value::Object(o) = &obj else { return Ok(()) };
    let mut members: Vec<(String, PropKind, Value, bool)> = Vec::new();
    match cx.set_name() {
        "NotePropertySingleMemberSet" => {
            let name = cx.string("NotePropertyName").unwrap_or_default();
            members.push((name, PropKind::Note, cx.get("NotePropertyValue").cloned().unwrap_or(Value::Null), false));
        }
        "NotePropertyMultiMemberSet" => {
            if let Some(Value::Hashtable(h)) = cx.get("NotePropertyMembers") {
                for (k, v) in h.borrow().iter() {
                    members.push((to_display_string(k), PropKind::Note, v.clone(), false));
                }
            }
        }
        "MemberSet" => {
            let kind = cx.string("MemberType").unwrap_or_default();
            let name = cx.string("Name").unwrap_or_default();
            let value = cx.get("Value").cloned().unwrap_or(Value::Null);
            match kind.as_str() {
                "NoteProperty" => members.push((name, PropKind::Note, value, false)),
                "AliasProperty" => members.push((name, PropKind::Alias(Rc::from(to_display_string(&value).as_str())), Value::Null, false)),
                "ScriptProperty" => match value {
                    Value::ScriptBlock(sb) => members.push((name, PropKind::Script(sb), Value::Null, false)),
                    _ => return Err(bad_member_value(cx, &name)),
                },
                "ScriptMethod" => match value {
                    Value::ScriptBlock(sb) => {
                        if o.borrow().methods.get(&crate::engine::value::CiRef::new(&name)).is_some() && !force {
                            let rec = member_exists(cx, &name);
                            return cx.write_error(rec);
                        }
                        o.borrow_mut().methods.insert(crate::engine::value::CiStr(Rc::from(name.as_str())), sb);
                    }
                    _ => return Err(bad_member_value(cx, &name)),
                },
                other => return Err(super::not_supported(cx, &format!("Add-Member -MemberType {other}"))),
            }
        }
        _ => {}
    }
    for (name, kind, value, _) in members {
        if o.borrow().get(&name).is_some() && !force {
            let rec = member_exists(cx, &name);
            cx.write_error(rec)?;
            continue;
        }
        let mut b = o.borrow_mut();
        match b.props.get_mut(&crate::engine::value::CiRef::new(&name)) {
            Some(p) => {
                p.value = value;
                p.kind = kind;
            }
            None => {
                let n: Rc<str> = Rc::from(name.as_str());
                b.props.insert(crate::engine::value::CiStr(n.clone()), crate::engine::value::Prop { name: n, value, kind });
            }
        }
    }
    if let Some(t) = cx.string("TypeName") {
        let mut b = o.borrow_mut();
        let mut names: Vec<Rc<str>> = b.type_names.to_vec();
        names.insert(0, Rc::from(t.as_str()));
        b.type_names = Rc::from(names);
    }
    if cx.switch("PassThru") {
        return cx.emit(obj);
    }
    Ok(())
}

fn bad_member_value(cx: &Cx, name: &str) -> crate::engine::error::Flow {
    cx.terminate(cx.error(
        "System.InvalidOperationException",
        format!("Cannot add a member with the name \"{name}\": the value must be a script block."),
        "AddMemberInvalidValue",
        "InvalidOperation",
    ))
}

// ───────────────────────────── Get-Member ─────────────────────────────

#[derive(Default)]
pub struct GetMember {
    seen_types: Vec<String>,
    any: bool,
}

/// The short type name Get-Member shows in definitions (`string`, `int`, `System.Object[]`).
pub fn short_type_name(v: &Value) -> String {
    match v {
        Value::Null => "object".into(),
        Value::Str(_) => "string".into(),
        Value::Int(_) => "int".into(),
        Value::Long(_) => "long".into(),
        Value::Double(_) => "double".into(),
        Value::Decimal(_) => "decimal".into(),
        Value::Bool(_) => "bool".into(),
        Value::Byte(_) => "byte".into(),
        Value::Char(_) => "char".into(),
        Value::DateTime(_) => "datetime".into(),
        Value::TimeSpan(_) => "timespan".into(),
        Value::Guid(_) => "guid".into(),
        Value::Hashtable(h) if !h.borrow().ordered => "hashtable".into(),
        Value::ScriptBlock(_) => "scriptblock".into(),
        Value::SecureString(_) => "securestring".into(),
        Value::Switch(_) => "switch".into(),
        Value::Object(o) => {
            let o = o.borrow();
            if o.is_custom() { "System.Management.Automation.PSCustomObject".into() } else { o.type_names[0].to_string() }
        }
        other => crate::engine::types::type_of(other).full_name(),
    }
}

fn member_def(type_name: &str, name: &str, kind: &str, def: String) -> Value {
    let mut o = PsObject::typed("Microsoft.PowerShell.Commands.MemberDefinition");
    o.set("TypeName", Value::str(type_name));
    o.set("Name", Value::str(name));
    o.set("MemberType", Value::str(kind));
    o.set("Definition", Value::string(def));
    o.to_string = Some(Rc::from(format!("{} {}", name, "").trim_end()));
    o.into_value()
}

/// The members Get-Member lists for a value: (name, member type, definition).
fn members_of(v: &Value) -> Vec<(String, &'static str, String)> {
    let mut out: Vec<(String, &'static str, String)> = vec![
        ("Equals".into(), "Method", "bool Equals(System.Object obj)".into()),
        ("GetHashCode".into(), "Method", "int GetHashCode()".into()),
        ("GetType".into(), "Method", "type GetType()".into()),
        ("ToString".into(), "Method", "string ToString()".into()),
    ];
    match v {
        Value::Object(o) => {
            let o = o.borrow();
            for (n, _) in o.methods.iter() {
                out.push((n.0.to_string(), "ScriptMethod", "System.Object ".to_string() + &n.0 + "();"));
            }
            for p in o.props.values() {
                match &p.kind {
                    PropKind::Note => {
                        let val = if p.value.is_null() { "null".to_string() } else { format::object_string(&p.value) };
                        let t = if p.value.is_null() { "object".to_string() } else { short_type_name(&p.value) };
                        out.push((p.name.to_string(), if o.is_custom() { "NoteProperty" } else { "Property" }, format!("{t} {}={val}", p.name)));
                    }
                    PropKind::Alias(t) => out.push((p.name.to_string(), "AliasProperty", format!("{} = {t}", p.name))),
                    PropKind::Script(sb) => out.push((p.name.to_string(), "ScriptProperty", format!("System.Object {} {{get={};}}", p.name, sb.body_text()))),
                }
            }
            if let Some(b) = &o.base {
                for m in members_of(b) {
                    if !out.iter().any(|x| eq_ci(&x.0, &m.0)) {
                        out.push(m);
                    }
                }
            }
        }
        Value::Str(_) => {
            out.push(("Length".into(), "Property", "int Length {get;}".into()));
            for (n, d) in [
                ("Contains", "bool Contains(string value)"),
                ("EndsWith", "bool EndsWith(string value)"),
                ("IndexOf", "int IndexOf(string value)"),
                ("Replace", "string Replace(string oldValue, string newValue)"),
                ("Split", "string[] Split(char separator, System.StringSplitOptions options)"),
                ("StartsWith", "bool StartsWith(string value)"),
                ("Substring", "string Substring(int startIndex)"),
                ("ToLower", "string ToLower()"),
                ("ToUpper", "string ToUpper()"),
                ("Trim", "string Trim()"),
            ] {
                out.push((n.into(), "Method", d.into()));
            }
        }
        other => {
            for (n, val) in format::all_properties(other) {
                out.push((n.to_string(), "Property", format!("{} {n} {{get;}}", short_type_name(&val))));
            }
        }
    }
    out
}

impl Cmdlet for GetMember {
    fn process(&mut self, cx: &mut Cx) -> R {
        super::reject(cx, &["Static", "View"])?;
        let Some(v) = input(cx) else { return Ok(()) };
        self.any = true;
        let type_name = match &v {
            Value::Object(o) => o.borrow().type_names[0].to_string(),
            other => crate::engine::types::type_of(other).full_name(),
        };
        if self.seen_types.iter().any(|t| t == &type_name) {
            return Ok(());
        }
        self.seen_types.push(type_name.clone());
        let names = cx.strings("Name");
        let kinds: Vec<String> = cx.string("MemberType").map(|k| k.split(',').map(|s| s.trim().to_string()).collect()).unwrap_or_default();
        let mut members = members_of(&v);
        members.retain(|(n, k, _)| {
            (names.is_empty() || names.iter().any(|p| crate::engine::ops::wildcard_match(p, n, false)))
                && (kinds.is_empty()
                    || kinds.iter().any(|want| {
                        eq_ci(want, k)
                            || eq_ci(want, "All")
                            || (eq_ci(want, "Properties") && k.ends_with("Property"))
                            || (eq_ci(want, "Methods") && k.ends_with("Method"))
                    }))
        });
        members.sort_by(|a, b| a.1.cmp(b.1).then_with(|| a.0.to_ascii_lowercase().cmp(&b.0.to_ascii_lowercase())));
        for (n, k, d) in members {
            cx.emit(member_def(&type_name, &n, k, d))?;
        }
        Ok(())
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        if !self.any {
            let rec =
                cx.error("System.InvalidOperationException", "You must specify an object for the Get-Member cmdlet.", "NoObjectInGetMember", "CloseError");
            return cx.write_error(rec);
        }
        Ok(())
    }
}

// ───────────────────────────── New-Object ─────────────────────────────

pub fn new_object(cx: &mut Cx) -> R {
    if cx.set_name() == "Com" {
        let rec = cx.error(
            "System.Management.Automation.PSNotSupportedException",
            "COM objects are not supported on this platform.",
            "NoCOMClassIdentified",
            "ResourceUnavailable",
        );
        return Err(cx.terminate(rec));
    }
    let type_name = cx.string("TypeName").unwrap_or_default();
    let args = cx.list("ArgumentList");
    let Some(ty) = resolve_type_name(&type_name) else {
        let rec = cx.error(
            "System.Management.Automation.PSArgumentException",
            format!("Cannot find type [{type_name}]: verify that the assembly containing this type is loaded."),
            "TypeNotFound",
            "InvalidType",
        );
        return Err(cx.terminate(rec));
    };
    let v = match crate::engine::statics::construct(cx.it, &ty, &args) {
        Some(Ok(v)) => v,
        Some(Err(m)) => {
            let rec = cx.error(
                "System.Management.Automation.MethodInvocationException",
                format!("Exception calling \".ctor\" with \"{}\" argument(s): \"{m}\"", args.len()),
                "ConstructorInvokedThrowException",
                "InvalidOperation",
            );
            return Err(cx.terminate(rec));
        }
        None => {
            let rec = cx.error(
                "System.Management.Automation.MethodException",
                format!("Cannot find an overload for \"{}\" and the argument count: \"{}\".", ty.name(), args.len()),
                "ConstructorInvokedThrowException",
                "InvalidOperation",
            );
            return Err(cx.terminate(rec));
        }
    };
    if let Some(Value::Hashtable(h)) = cx.get("Property").cloned() {
        let span = cx.span;
        for (k, val) in h.borrow().iter() {
            let name = to_display_string(k);
            match &v {
                Value::Object(o) if o.borrow().is_custom() => o.borrow_mut().set(&name, val.clone()),
                _ => cx.it.set_member(&v, &name, val.clone(), span)?,
            }
        }
    }
    cx.emit(v)
}

/// Type names as New-Object accepts them (`PSObject`, `System.Collections.ArrayList`, generics).
pub fn resolve_type_name(name: &str) -> Option<crate::engine::types::TypeRef> {
    let t = name.trim();
    if let Some(open) = t.find('[') {
        if t.ends_with(']') && !t.ends_with("[]") {
            let base = &t[..open];
            let inner = &t[open + 1..t.len() - 1];
            let args: Vec<crate::lang::ast::TypeName> = split_generic_args(inner)
                .into_iter()
                .map(|a| crate::lang::ast::TypeName {
                    name: Rc::from(a.trim().trim_start_matches('[').trim_end_matches(']')),
                    generic_args: vec![],
                    array_rank: 0,
                    span: crate::lang::ast::Span::default(),
                })
                .collect();
            let tn = crate::lang::ast::TypeName { name: Rc::from(base), generic_args: args, array_rank: 0, span: crate::lang::ast::Span::default() };
            return crate::engine::types::TypeRef::resolve(&tn);
        }
    }
    crate::engine::types::TypeRef::resolve_str(t)
}

fn split_generic_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '[' => {
                depth += 1;
                cur.push(c);
            }
            ']' => {
                depth -= 1;
                cur.push(c);
            }
            ',' if depth == 0 => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}
