//! Signatures of script functions and scripts, built from their `param()` block and attributes,
//! so that user functions bind through the same binder as cmdlets.

use std::rc::Rc;

use crate::engine::bind::{ALL_SETS, ParamDef, ParamType, SetMembership, SigKind, Signature};
use crate::engine::types::{Known, TypeRef};
use crate::engine::value::Value;
use crate::lang::ast::{Attribute, Expr, ExprKind, ScriptBlock, SpecialVar, UnaryOp};
use crate::lang::sym::eq_ci;

/// Attribute arguments must be constants in PowerShell; evaluate the few forms allowed.
fn const_value(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Const(v) => Some(v.clone()),
        ExprKind::Var(v) => match v.special {
            SpecialVar::True => Some(Value::Bool(true)),
            SpecialVar::False => Some(Value::Bool(false)),
            SpecialVar::Null => Some(Value::Null),
            _ => None,
        },
        ExprKind::Unary(UnaryOp::Neg, x) => match const_value(x)? {
            Value::Int(i) => Some(Value::Int(-i)),
            Value::Double(d) => Some(Value::Double(-d)),
            Value::Long(l) => Some(Value::Long(-l)),
            _ => None,
        },
        ExprKind::Array(items) => Some(Value::array(items.iter().map(const_value).collect::<Option<Vec<_>>>()?)),
        ExprKind::ArraySub(_) | ExprKind::Paren(_) => None,
        ExprKind::TypeLit(t) => TypeRef::resolve(t).map(|t| Value::Type(Rc::new(t))),
        _ => None,
    }
}

fn named_arg<'a>(a: &'a Attribute, name: &str) -> Option<Option<&'a Expr>> {
    a.named.iter().find(|(n, _)| eq_ci(n, name)).map(|(_, v)| v.as_ref())
}

fn named_bool(a: &Attribute, name: &str) -> bool {
    match named_arg(a, name) {
        Some(None) => true,
        Some(Some(e)) => const_value(e).map(|v| crate::engine::convert::to_bool(&v)).unwrap_or(true),
        None => false,
    }
}

fn named_str(a: &Attribute, name: &str) -> Option<String> {
    match named_arg(a, name) {
        Some(Some(e)) => const_value(e).map(|v| crate::engine::convert::to_display_string(&v)),
        _ => None,
    }
}

fn positional_strings(a: &Attribute) -> Vec<Rc<str>> {
    let mut out = Vec::new();
    for e in &a.positional {
        if let Some(v) = const_value(e) {
            match v.enumerate() {
                Some(items) => out.extend(items.iter().map(|x| Rc::from(crate::engine::convert::to_display_string(x).as_str()))),
                None => out.push(Rc::from(crate::engine::convert::to_display_string(&v).as_str())),
            }
        }
    }
    out
}

fn positional_f64(a: &Attribute, i: usize) -> Option<f64> {
    a.positional.get(i).and_then(const_value).and_then(|v| crate::engine::convert::to_num(&v)).map(|n| n.to_f64())
}

pub fn param_type_for(ty: Option<&TypeRef>) -> ParamType {
    match ty {
        None => ParamType::Any,
        Some(TypeRef::Known(Known::SwitchParameter)) => ParamType::Switch,
        Some(TypeRef::Known(Known::Object)) => ParamType::Any,
        Some(t) => ParamType::Typed(Rc::new(t.clone())),
    }
}

/// Build the binding signature of a function or script from its AST.
pub fn signature_for(sb: &ScriptBlock, name: &str) -> Signature {
    let cmdlet_binding = sb.attributes.iter().find(|a| eq_ci(&a.name, "CmdletBinding"));
    let kind = if sb.is_advanced { SigKind::Advanced } else { SigKind::Simple };
    let mut set_names: Vec<Rc<str>> = Vec::new();
    let decls = sb.params.as_deref().unwrap_or(&[]);
    for d in decls {
        for a in d.attributes.iter().filter(|a| eq_ci(&a.name, "Parameter")) {
            if let Some(s) = named_str(a, "ParameterSetName") {
                if !eq_ci(&s, "__AllParameterSets") && !set_names.iter().any(|x| eq_ci(x, &s)) {
                    set_names.push(Rc::from(s.as_str()));
                }
            }
        }
    }
    let default_name = cmdlet_binding.and_then(|a| named_str(a, "DefaultParameterSetName"));
    if let Some(dn) = &default_name {
        if !set_names.iter().any(|x| eq_ci(x, dn)) && !set_names.is_empty() {
            set_names.push(Rc::from(dn.as_str()));
        }
    }
    let set_bit = |n: &str| -> u64 {
        match set_names.iter().position(|x| eq_ci(x, n)) {
            Some(i) if i < 64 => 1u64 << i,
            _ => ALL_SETS,
        }
    };
    let positional_binding = cmdlet_binding
        .map(|a| {
            named_arg(a, "PositionalBinding").map(|v| v.and_then(const_value).map(|x| crate::engine::convert::to_bool(&x)).unwrap_or(true)).unwrap_or(true)
        })
        .unwrap_or(true);
    let any_explicit_position = decls.iter().any(|d| d.attributes.iter().any(|a| eq_ci(&a.name, "Parameter") && named_arg(a, "Position").is_some()));
    let mut params = Vec::new();
    let mut next_auto_position = 0u32;
    for d in decls {
        let ty = d.types.last().and_then(TypeRef::resolve);
        let ptype = param_type_for(ty.as_ref());
        let type_name = d.types.last().map(|t| t.full_text()).unwrap_or_else(|| "System.Object".into());
        let mut p = ParamDef::new(&d.name, ptype, &type_name);
        if let ParamType::Typed(t) = &p.ty {
            p.type_name = Rc::from(t.full_name().as_str());
        }
        let param_attrs: Vec<&Attribute> = d.attributes.iter().filter(|a| eq_ci(&a.name, "Parameter")).collect();
        if param_attrs.is_empty() {
            let position = if !any_explicit_position && positional_binding && !p.is_switch() {
                let pos = next_auto_position;
                next_auto_position += 1;
                Some(pos)
            } else {
                None
            };
            p.sets.push(SetMembership { mask: ALL_SETS, mandatory: false, position, from_pipeline: false, by_property_name: false, from_remaining: false });
        } else {
            let mut auto_pos_taken = false;
            for a in param_attrs {
                let mask = named_str(a, "ParameterSetName").map(|s| if eq_ci(&s, "__AllParameterSets") { ALL_SETS } else { set_bit(&s) }).unwrap_or(ALL_SETS);
                let explicit =
                    named_arg(a, "Position").and_then(|v| v.and_then(const_value)).and_then(|v| crate::engine::convert::to_num(&v)).map(|n| n.to_f64() as u32);
                let position = match explicit {
                    Some(pos) => Some(pos),
                    None if !any_explicit_position && positional_binding && !p.is_switch() => {
                        if !auto_pos_taken {
                            auto_pos_taken = true;
                            let pos = next_auto_position;
                            next_auto_position += 1;
                            Some(pos)
                        } else {
                            Some(next_auto_position.saturating_sub(1))
                        }
                    }
                    None => None,
                };
                p.sets.push(SetMembership {
                    mask,
                    mandatory: named_bool(a, "Mandatory"),
                    position,
                    from_pipeline: named_bool(a, "ValueFromPipeline"),
                    by_property_name: named_bool(a, "ValueFromPipelineByPropertyName"),
                    from_remaining: named_bool(a, "ValueFromRemainingArguments"),
                });
                if let Some(h) = named_str(a, "HelpMessage") {
                    p.help = Some(Rc::from(h.as_str()));
                }
            }
        }
        for a in &d.attributes {
            let n = a.name.to_ascii_lowercase();
            let n = n.trim_start_matches("system.management.automation.").trim_end_matches("attribute");
            match n {
                "alias" => p.aliases.extend(positional_strings(a)),
                "validateset" => p.validate_set = Some(positional_strings(a)),
                "validatenotnullorempty" | "validatenotnullorwhitespace" => p.validate_not_null_or_empty = true,
                "validatenotnull" => p.validate_not_null = true,
                "allownull" => p.allow_null = true,
                "allowemptystring" => p.allow_empty_string = true,
                "allowemptycollection" => p.allow_empty_collection = true,
                "validaterange" => {
                    if let (Some(lo), Some(hi)) = (positional_f64(a, 0), positional_f64(a, 1)) {
                        p.validate_range = Some((lo, hi));
                    }
                }
                "validatelength" => {
                    if let (Some(lo), Some(hi)) = (positional_f64(a, 0), positional_f64(a, 1)) {
                        p.validate_length = Some((lo as usize, hi as usize));
                    }
                }
                "validatecount" => {
                    if let (Some(lo), Some(hi)) = (positional_f64(a, 0), positional_f64(a, 1)) {
                        p.validate_count = Some((lo as usize, hi as usize));
                    }
                }
                "validatepattern" => p.validate_pattern = positional_strings(a).into_iter().next(),
                "validatescript" => {
                    if let Some(ExprKind::ScriptBlock(sb)) = a.positional.first().map(|e| &e.kind) {
                        p.validate_script = Some(sb.clone());
                    }
                }
                _ => {}
            }
        }
        p.default = d.default.clone();
        params.push(p);
    }
    let default_set = default_name.as_deref().and_then(|dn| set_names.iter().position(|x| eq_ci(x, dn)));
    Signature {
        name: Rc::from(name),
        kind,
        sets: set_names,
        default_set,
        params,
        supports_should_process: cmdlet_binding.is_some_and(|a| named_bool(a, "SupportsShouldProcess")),
        derived: Default::default(),
    }
}

/// The signature of a script block, built once and cached on the AST node.
pub fn cached_signature(sb: &ScriptBlock, name: &str) -> Rc<Signature> {
    if let Some(s) = sb.signature.borrow().as_ref() {
        return s.clone();
    }
    let s = Rc::new(signature_for(sb, name));
    *sb.signature.borrow_mut() = Some(s.clone());
    s
}
