//! ONE parameter binder for every command: compiled cmdlets (signatures declared as data in
//! `cmdlets/signatures/*.jsonl`) and script functions (signatures built from `param()`).
//!
//! Order follows PowerShell's CmdletParameterBinderController: named arguments first (exact
//! name, alias, then unambiguous prefix), then positional arguments within the parameter sets
//! still possible, then set resolution (default set, sets whose mandatory parameters are
//! satisfied), then the mandatory check; pipeline input binds per object afterwards
//! (ValueFromPipeline without coercion, with coercion, then ByPropertyName).
//! Candidate parameter sets are a bit mask narrowed as each parameter binds.

use std::rc::Rc;

use crate::engine::convert::{ConvError, convert_to, to_display_string};
use crate::engine::types::{Known, TypeRef};
use crate::engine::value::{Hashtable, Value};
use crate::lang::ast::{ScriptBlock, Span};
use crate::lang::sym::{eq_ci, starts_with_ci};

pub const ALL_SETS: u64 = u64::MAX;

/// How an argument is coerced to a parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamType {
    Any,
    Switch,
    /// A real .NET type we can convert to.
    Typed(Rc<TypeRef>),
    /// An enum: accepted names, and the .NET type name for messages.
    Enum {
        type_name: Rc<str>,
        values: Rc<[Rc<str>]>,
        array: bool,
    },
    /// Exchange/SharePoint identity-style parameters (MailboxIdParameter, SpoSitePipeBind…):
    /// strings, or objects whose Identity/Name-like property is used by the cmdlet.
    Identity {
        type_name: Rc<str>,
    },
    /// MultiValuedProperty / arrays of strings: a list, or an `@{Add=…; Remove=…}` hashtable.
    Multi {
        type_name: Rc<str>,
    },
}

#[derive(Debug, Clone)]
pub struct SetMembership {
    pub mask: u64,
    pub mandatory: bool,
    pub position: Option<u32>,
    pub from_pipeline: bool,
    pub by_property_name: bool,
    pub from_remaining: bool,
}

#[derive(Debug, Clone)]
pub struct ParamDef {
    pub name: Rc<str>,
    /// The variable a script function's parameter binds to.
    pub sym: crate::lang::sym::Sym,
    pub aliases: Vec<Rc<str>>,
    pub ty: ParamType,
    /// The type as written in the reference / param block, for messages and Get-Help.
    pub type_name: Rc<str>,
    pub sets: Vec<SetMembership>,
    pub validate_set: Option<Vec<Rc<str>>>,
    pub validate_not_null_or_empty: bool,
    pub validate_not_null: bool,
    pub validate_range: Option<(f64, f64)>,
    pub validate_pattern: Option<Rc<str>>,
    pub validate_script: Option<Rc<ScriptBlock>>,
    pub validate_length: Option<(usize, usize)>,
    pub validate_count: Option<(usize, usize)>,
    /// [AllowNull()], [AllowEmptyString()], [AllowEmptyCollection()]: lift the checks pwsh makes
    /// on arguments of mandatory parameters.
    pub allow_null: bool,
    pub allow_empty_string: bool,
    pub allow_empty_collection: bool,
    /// For script functions: the default value expression, evaluated in the function scope.
    pub default: Option<crate::lang::ast::Expr>,
    pub help: Option<Rc<str>>,
}

impl ParamDef {
    pub fn new(name: &str, ty: ParamType, type_name: &str) -> ParamDef {
        ParamDef {
            name: Rc::from(name),
            sym: crate::lang::sym::intern(name),
            aliases: Vec::new(),
            ty,
            type_name: Rc::from(type_name),
            sets: Vec::new(),
            validate_set: None,
            validate_not_null_or_empty: false,
            validate_not_null: false,
            validate_range: None,
            validate_pattern: None,
            validate_script: None,
            validate_length: None,
            validate_count: None,
            allow_null: false,
            allow_empty_string: false,
            allow_empty_collection: false,
            default: None,
            help: None,
        }
    }
    pub fn has_validation(&self) -> bool {
        self.validate_not_null_or_empty
            || self.validate_set.is_some()
            || self.validate_range.is_some()
            || self.validate_pattern.is_some()
            || self.validate_length.is_some()
            || self.validate_count.is_some()
    }
    pub fn mask(&self) -> u64 {
        self.sets.iter().fold(0, |m, s| m | s.mask)
    }
    pub fn in_sets(&self, mask: u64) -> bool {
        self.mask() & mask != 0
    }
    pub fn is_switch(&self) -> bool {
        self.ty == ParamType::Switch
    }
    fn membership(&self, mask: u64) -> impl Iterator<Item = &SetMembership> {
        self.sets.iter().filter(move |s| s.mask & mask != 0)
    }
    pub fn position_in(&self, mask: u64) -> Option<u32> {
        self.membership(mask).filter_map(|s| s.position).min()
    }
    /// Mandatory in at least one parameter set (pwsh's IsParameterMandatory).
    pub fn mandatory_anywhere(&self) -> bool {
        self.sets.iter().any(|s| s.mandatory)
    }
    pub fn mandatory_in(&self, set_bit: u64) -> bool {
        self.sets.iter().any(|s| s.mask & set_bit != 0 && s.mandatory)
    }
    pub fn pipeline_in(&self, mask: u64) -> bool {
        self.membership(mask).any(|s| s.from_pipeline)
    }
    pub fn by_name_in(&self, mask: u64) -> bool {
        self.membership(mask).any(|s| s.by_property_name)
    }
    pub fn remaining_in(&self, mask: u64) -> bool {
        self.membership(mask).any(|s| s.from_remaining)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigKind {
    Cmdlet,
    /// A function or script with [CmdletBinding()] or [Parameter()]: common parameters, no $args.
    Advanced,
    /// A simple function: unknown parameters and extra arguments go to $args.
    Simple,
}

#[derive(Debug, Clone)]
pub struct Signature {
    pub name: Rc<str>,
    pub kind: SigKind,
    pub sets: Vec<Rc<str>>,
    pub default_set: Option<usize>,
    pub params: Vec<ParamDef>,
    pub supports_should_process: bool,
    /// Lookup tables computed on first use (see [`Derived`]).
    pub derived: std::cell::OnceCell<Derived>,
}

/// A remembered `param_index` query: the query's address, its text, the answer.
pub type RecentLookup = (usize, Box<str>, Option<usize>);

/// Per-signature tables the binder consults for every pipeline object: computed once.
#[derive(Debug, Default, Clone)]
pub struct Derived {
    /// Case-insensitive parameter name → index.
    pub by_name: indexmap::IndexMap<crate::engine::value::CiStr, usize, rustc_hash::FxBuildHasher>,
    /// Per parameter: sets in which it takes pipeline input by value / by property name, and
    /// sets in which it is mandatory.
    pub pipeline_mask: Vec<u64>,
    pub by_name_mask: Vec<u64>,
    pub mandatory_mask: Vec<u64>,
    /// Parameters that take pipeline input at all (by value first, then by name).
    pub pipeline_params: Vec<usize>,
    pub by_name_params: Vec<usize>,
    /// Recent `param_index` queries, keyed by the query string's address and verified by its
    /// text: cmdlets ask for the same literal names for every pipeline object.
    pub recent: std::cell::RefCell<Vec<RecentLookup>>,
}

impl Signature {
    pub fn param_index(&self, name: &str) -> Option<usize> {
        let d = self.derived();
        let addr = name.as_ptr() as usize;
        if let Ok(recent) = d.recent.try_borrow() {
            if let Some((_, _, idx)) = recent.iter().find(|(a, text, _)| *a == addr && **text == *name) {
                return *idx;
            }
        }
        let idx = d.by_name.get(&crate::engine::value::CiRef::new(name)).copied();
        if let Ok(mut recent) = d.recent.try_borrow_mut() {
            if recent.len() >= 16 {
                recent.remove(0);
            }
            recent.push((addr, Box::from(name), idx));
        }
        idx
    }
    pub fn derived(&self) -> &Derived {
        self.derived.get_or_init(|| {
            let mut d = Derived::default();
            for (i, p) in self.params.iter().enumerate() {
                d.by_name.insert(crate::engine::value::CiStr(p.name.clone()), i);
                let (mut pl, mut bn, mut ma) = (0u64, 0u64, 0u64);
                for s in &p.sets {
                    if s.from_pipeline {
                        pl |= s.mask;
                    }
                    if s.by_property_name {
                        bn |= s.mask;
                    }
                    if s.mandatory {
                        ma |= s.mask;
                    }
                }
                d.pipeline_mask.push(pl);
                d.by_name_mask.push(bn);
                d.mandatory_mask.push(ma);
                if pl != 0 {
                    d.pipeline_params.push(i);
                }
                if bn != 0 {
                    d.by_name_params.push(i);
                }
            }
            d
        })
    }
    pub fn all_mask(&self) -> u64 {
        if self.sets.is_empty() || self.sets.len() >= 64 { ALL_SETS } else { (1u64 << self.sets.len()) - 1 }
    }
    pub fn has_common(&self) -> bool {
        self.kind != SigKind::Simple
    }
}

// ───────────────────────────── common parameters ─────────────────────────────

pub const COMMON_PARAMETERS: &[(&str, &[&str], bool)] = &[
    ("Verbose", &["vb"], true),
    ("Debug", &["db"], true),
    ("ErrorAction", &["ea"], false),
    ("WarningAction", &["wa"], false),
    ("InformationAction", &["infa"], false),
    ("ProgressAction", &["proga"], false),
    ("ErrorVariable", &["ev"], false),
    ("WarningVariable", &["wv"], false),
    ("InformationVariable", &["iv"], false),
    ("OutVariable", &["ov"], false),
    ("OutBuffer", &["ob"], false),
    ("PipelineVariable", &["pv"], false),
];
pub const SHOULD_PROCESS_PARAMETERS: &[(&str, &[&str], bool)] = &[("WhatIf", &["wi"], true), ("Confirm", &["cf"], true)];

#[derive(Debug, Clone, Default)]
pub struct Common {
    pub verbose: Option<bool>,
    pub debug: Option<bool>,
    pub error_action: Option<crate::engine::interp::ActionPref>,
    pub warning_action: Option<crate::engine::interp::ActionPref>,
    pub information_action: Option<crate::engine::interp::ActionPref>,
    pub error_variable: Option<Rc<str>>,
    pub warning_variable: Option<Rc<str>>,
    pub out_variable: Option<Rc<str>>,
    pub pipeline_variable: Option<Rc<str>>,
    pub what_if: Option<bool>,
    pub confirm: Option<bool>,
    /// Common parameters as bound, for $PSBoundParameters.
    pub bound: Vec<(Rc<str>, Value)>,
}

// ───────────────────────────── arguments and results ─────────────────────────────

/// An evaluated command argument.
#[derive(Debug, Clone)]
pub enum Arg {
    /// `-Name` (value None) or `-Name:value`.
    Named {
        name: Rc<str>,
        value: Option<Value>,
        colon: bool,
        span: Span,
    },
    Positional {
        value: Value,
        span: Span,
        text: Rc<str>,
    },
}

#[derive(Debug, Clone)]
pub struct Bound {
    pub values: Vec<Option<Value>>,
    /// Order in which parameters were bound ($PSBoundParameters order).
    pub order: Vec<usize>,
    pub mask: u64,
    pub set: Option<usize>,
    pub common: Common,
    /// `$args` for simple functions; ValueFromRemainingArguments otherwise.
    pub remaining: Vec<Value>,
    /// Parameters bound from the current pipeline object (reset per object).
    pub from_pipeline: Vec<usize>,
    /// Where each bound argument was written (for errors raised after binding, e.g. ValidateScript).
    pub spans: Vec<Option<Span>>,
}

impl Bound {
    pub fn get(&self, sig: &Signature, name: &str) -> Option<&Value> {
        sig.param_index(name).and_then(|i| self.values[i].as_ref())
    }
    pub fn set_name<'a>(&self, sig: &'a Signature) -> &'a str {
        match self.set {
            Some(i) => sig.sets.get(i).map(|s| &**s).unwrap_or("__AllParameterSets"),
            None => "__AllParameterSets",
        }
    }
}

/// A binding failure: pwsh's message, its error id, and the argument it is about.
#[derive(Debug, Clone)]
pub struct BindError {
    pub message: String,
    pub id: &'static str,
    pub exception: &'static str,
    pub category: &'static str,
    pub span: Option<Span>,
}

fn berr(message: String, id: &'static str, span: Option<Span>) -> BindError {
    BindError { message, id, exception: "System.Management.Automation.ParameterBindingException", category: "InvalidArgument", span }
}

// ───────────────────────────── conversion ─────────────────────────────

fn enum_error(v: &Value, type_name: &str, values: &[Rc<str>]) -> String {
    let s = to_display_string(v);
    let list = values.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ");
    format!(
        "Cannot convert value \"{s}\" to type \"{type_name}\". Error: \"Unable to match the identifier name {s} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{list}\""
    )
}

/// Coerce an argument to the parameter's type. Errors carry the inner conversion text; the
/// caller wraps it in "Cannot bind parameter" / "Cannot process argument transformation".
pub fn coerce(p: &ParamDef, v: Value) -> Result<Value, String> {
    // `tenantsim check`: a statically unknown argument binds to any type.
    if crate::cli::check::is_unknown(&v) {
        return Ok(v);
    }
    match &p.ty {
        ParamType::Any => Ok(v),
        ParamType::Switch => Ok(Value::Switch(crate::engine::convert::to_bool(&v))),
        ParamType::Typed(t) => {
            if v.is_null() {
                // $null binds to reference types; value types get their conversion of $null.
                return match &**t {
                    TypeRef::Known(Known::String) => Ok(Value::Null),
                    _ => convert_to(&v, t).map_err(|e: ConvError| e.message()),
                };
            }
            convert_to(&v, t).map_err(|e| e.message())
        }
        ParamType::Enum { type_name, values, array } => {
            let one = |x: &Value| -> Result<Value, String> {
                let s = to_display_string(x);
                // Enums accept names case-insensitively, and comma-separated flags.
                let mut out = Vec::new();
                for part in s.split(',') {
                    let part = part.trim();
                    match values.iter().find(|n| eq_ci(n, part)) {
                        Some(n) => out.push(n.to_string()),
                        None => {
                            if let Ok(i) = part.parse::<usize>() {
                                if let Some(n) = values.get(i) {
                                    out.push(n.to_string());
                                    continue;
                                }
                            }
                            return Err(enum_error(x, type_name, values));
                        }
                    }
                }
                Ok(Value::string(out.join(", ")))
            };
            if *array {
                let items = v.enumerate().unwrap_or_else(|| vec![v.clone()]);
                let mut out = Vec::new();
                for i in &items {
                    out.push(one(i)?);
                }
                Ok(Value::array(out))
            } else {
                one(&v)
            }
        }
        ParamType::Identity { .. } => Ok(v),
        ParamType::Multi { .. } => Ok(v),
    }
}

// ───────────────────────────── the binder ─────────────────────────────

pub struct BindRequest<'a> {
    pub sig: &'a Signature,
    pub args: Vec<Arg>,
    /// Pipeline input will arrive: pipeline-bindable mandatory parameters may stay unbound.
    pub expects_input: bool,
    pub command_name: &'a str,
}

enum Match {
    Param(usize),
    Common(&'static str, bool),
}

fn match_name(sig: &Signature, name: &str, mask: u64) -> Result<Option<Match>, BindError> {
    // Exact name or alias first.
    for (i, p) in sig.params.iter().enumerate() {
        if eq_ci(&p.name, name) || p.aliases.iter().any(|a| eq_ci(a, name)) {
            return Ok(Some(Match::Param(i)));
        }
    }
    let commons: Vec<&(&str, &[&str], bool)> = if sig.has_common() {
        COMMON_PARAMETERS.iter().chain(if sig.supports_should_process { SHOULD_PROCESS_PARAMETERS.iter() } else { [].iter() }).collect()
    } else {
        Vec::new()
    };
    for c in &commons {
        if eq_ci(c.0, name) || c.1.iter().any(|a| eq_ci(a, name)) {
            return Ok(Some(Match::Common(c.0, c.2)));
        }
    }
    // Unambiguous prefix among parameters (preferring those in the candidate sets).
    let mut hits: Vec<usize> = sig
        .params
        .iter()
        .enumerate()
        .filter(|(_, p)| starts_with_ci(&p.name, name) || p.aliases.iter().any(|a| starts_with_ci(a, name)))
        .map(|(i, _)| i)
        .collect();
    let common_hits: Vec<&&(&str, &[&str], bool)> = commons.iter().filter(|c| starts_with_ci(c.0, name)).collect();
    if hits.len() > 1 {
        let in_sets: Vec<usize> = hits.iter().copied().filter(|i| sig.params[*i].in_sets(mask)).collect();
        if in_sets.len() == 1 && common_hits.is_empty() {
            hits = in_sets;
        }
    }
    match (hits.len(), common_hits.len()) {
        (1, 0) => Ok(Some(Match::Param(hits[0]))),
        (0, 1) => Ok(Some(Match::Common(common_hits[0].0, common_hits[0].2))),
        (0, 0) => Ok(None),
        _ => {
            let mut names: Vec<String> = hits.iter().map(|i| format!("-{}", sig.params[*i].name)).collect();
            names.extend(common_hits.iter().map(|c| format!("-{}", c.0)));
            Err(berr(
                format!("Parameter cannot be processed because the parameter name '{name}' is ambiguous. Possible matches include: {}.", names.join(" ")),
                "AmbiguousParameter",
                None,
            ))
        }
    }
}

fn type_name_for_message(p: &ParamDef) -> String {
    match &p.ty {
        ParamType::Typed(t) => t.full_name(),
        ParamType::Switch => "System.Management.Automation.SwitchParameter".into(),
        _ => {
            let t: &str = &p.type_name;
            if t.is_empty() { "System.Object".into() } else { t.to_string() }
        }
    }
}

fn bind_one(sig: &Signature, b: &mut Bound, idx: usize, value: Value, span: Option<Span>, command: &str) -> Result<(), BindError> {
    let p = &sig.params[idx];
    if b.values[idx].is_some() {
        return Err(berr(
            format!(
                "Cannot bind parameter because parameter '{}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".",
                p.name
            ),
            "ParameterAlreadyBound",
            span,
        ));
    }
    let v = coerce_and_validate(sig, p, value, span, command)?;
    b.values[idx] = Some(v);
    b.spans[idx] = span;
    b.order.push(idx);
    b.mask &= p.mask();
    Ok(())
}

pub fn coerce_and_validate(sig: &Signature, p: &ParamDef, value: Value, span: Option<Span>, _command: &str) -> Result<Value, BindError> {
    let is_script = sig.kind != SigKind::Cmdlet;
    if value.is_null() && (p.validate_not_null || p.validate_not_null_or_empty) {
        return Err(BindError {
            message: format!(
                "Cannot validate argument on parameter '{}'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.",
                p.name
            ),
            id: "ParameterArgumentValidationError",
            exception: "System.Management.Automation.ParameterBindingValidationException",
            category: "InvalidData",
            span,
        });
    }
    let v = coerce(p, value).map_err(|inner| {
        let message = if is_script {
            format!("Cannot process argument transformation on parameter '{}'. {}", p.name, inner)
        } else {
            format!("Cannot bind parameter '{}'. {}", p.name, inner)
        };
        BindError {
            message,
            id: if is_script { "ParameterArgumentTransformationError" } else { "CannotConvertArgumentNoMessage" },
            exception: if is_script {
                "System.Management.Automation.ParameterBindingArgumentTransformationException"
            } else {
                "System.Management.Automation.ParameterBindingException"
            },
            category: "InvalidArgument",
            span,
        }
    })?;
    if p.mandatory_anywhere() {
        check_null_or_empty(sig, p, &v, span)?;
    }
    validate(p, &v, span)?;
    Ok(v)
}

/// pwsh's ValidateNullOrEmptyArgument for mandatory parameters: no $null (unless AllowNull), no
/// empty string for [string] (unless AllowEmptyString), no empty collection for collection
/// parameters (unless AllowEmptyCollection), and the same for each element of a collection.
fn check_null_or_empty(sig: &Signature, p: &ParamDef, v: &Value, span: Option<Span>) -> Result<(), BindError> {
    if crate::cli::check::is_unknown(v) {
        return Ok(());
    }
    let fail = |key: &str, id: &'static str| -> Result<(), BindError> {
        let _ = sig;
        Err(BindError {
            message: format!("Cannot bind argument to parameter '{}' because it is {key}.", p.name),
            id,
            exception: "System.Management.Automation.ParameterBindingValidationException",
            category: "InvalidData",
            span,
        })
    };
    let (is_string, collection) = match &p.ty {
        ParamType::Typed(t) => match &**t {
            TypeRef::Known(Known::String) => (true, None),
            TypeRef::ArrayOf(e) => (false, Some((true, e.is_known(Known::String)))),
            TypeRef::ListOf(e) => (false, Some((false, e.is_known(Known::String)))),
            _ => (false, None),
        },
        ParamType::Enum { array: true, .. } | ParamType::Multi { .. } => (false, Some((true, false))),
        _ => (false, None),
    };
    if v.is_null() {
        return if p.allow_null { Ok(()) } else { fail("null", "ParameterArgumentValidationErrorNullNotAllowed") };
    }
    if is_string {
        if let Value::Str(s) = v {
            if s.is_empty() && !p.allow_empty_string {
                return fail("an empty string", "ParameterArgumentValidationErrorEmptyStringNotAllowed");
            }
        }
        return Ok(());
    }
    if let Some((is_array, elem_string)) = collection {
        let Some(items) = v.enumerate() else { return Ok(()) };
        for x in &items {
            if x.is_null() && !p.allow_null {
                return fail("null", "ParameterArgumentValidationErrorNullNotAllowed");
            }
            if elem_string && matches!(x, Value::Str(s) if s.is_empty()) && !p.allow_empty_string {
                return fail("an empty string", "ParameterArgumentValidationErrorEmptyStringNotAllowed");
            }
        }
        if items.is_empty() && !p.allow_empty_collection {
            return if is_array {
                fail("an empty array", "ParameterArgumentValidationErrorEmptyArrayNotAllowed")
            } else {
                fail("an empty collection", "ParameterArgumentValidationErrorEmptyCollectionNotAllowed")
            };
        }
    }
    Ok(())
}

fn validation_error(p: &ParamDef, detail: String, span: Option<Span>) -> BindError {
    BindError {
        message: format!("Cannot validate argument on parameter '{}'. {}", p.name, detail),
        id: "ParameterArgumentValidationError",
        exception: "System.Management.Automation.ParameterBindingValidationException",
        category: "InvalidData",
        span,
    }
}

fn validate(p: &ParamDef, v: &Value, span: Option<Span>) -> Result<(), BindError> {
    if !p.has_validation() {
        return Ok(());
    }
    let items: Vec<Value> = match v {
        Value::Array(_) | Value::List(_) => v.enumerate().unwrap_or_default(),
        other => vec![other.clone()],
    };
    if p.validate_not_null_or_empty {
        let empty = match v {
            Value::Str(s) => s.is_empty(),
            Value::Array(a) => a.borrow().is_empty(),
            _ => false,
        };
        if empty {
            let detail = match v {
                Value::Str(_) => "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.".to_string(),
                _ => "The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.".to_string(),
            };
            return Err(validation_error(p, detail, span));
        }
    }
    if let Some(set) = &p.validate_set {
        for x in &items {
            let s = to_display_string(x);
            if !set.iter().any(|a| eq_ci(a, &s)) {
                let list = set.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",");
                return Err(validation_error(
                    p,
                    format!(
                        "The argument \"{s}\" does not belong to the set \"{list}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."
                    ),
                    span,
                ));
            }
        }
    }
    if let Some((lo, hi)) = p.validate_range {
        for x in &items {
            if let Some(n) = crate::engine::convert::to_num(x) {
                let f = n.to_f64();
                if f < lo {
                    return Err(validation_error(
                        p,
                        format!(
                            "The {} argument is less than the minimum allowed range of {}. Supply an argument that is greater than or equal to {} and then try the command again.",
                            to_display_string(x),
                            crate::engine::convert::format_double(lo),
                            crate::engine::convert::format_double(lo)
                        ),
                        span,
                    ));
                }
                if f > hi {
                    return Err(validation_error(
                        p,
                        format!(
                            "The {} argument is greater than the maximum allowed range of {}. Supply an argument that is less than or equal to {} and then try the command again.",
                            to_display_string(x),
                            crate::engine::convert::format_double(hi),
                            crate::engine::convert::format_double(hi)
                        ),
                        span,
                    ));
                }
            }
        }
    }
    if let Some(pat) = &p.validate_pattern {
        for x in &items {
            let s = to_display_string(x);
            let ok = crate::engine::ops::compile_regex(pat, false).map(|re| re.is_match(&s).unwrap_or(false)).unwrap_or(false);
            if !ok {
                return Err(validation_error(
                    p,
                    format!("The argument \"{s}\" does not match the \"{pat}\" pattern. Supply an argument that matches \"{pat}\" and try the command again."),
                    span,
                ));
            }
        }
    }
    if let Some((lo, hi)) = p.validate_length {
        for x in &items {
            let n = to_display_string(x).chars().count();
            if n < lo {
                return Err(validation_error(
                    p,
                    format!(
                        "The number of characters ({n}) in the argument is too small. Specify an argument whose length is greater than or equal to \"{lo}\" and then try the command again."
                    ),
                    span,
                ));
            }
            if n > hi {
                return Err(validation_error(
                    p,
                    format!(
                        "The character length of the {n} argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"{hi}\" characters, and then try the command again."
                    ),
                    span,
                ));
            }
        }
    }
    if let Some((lo, hi)) = p.validate_count {
        let n = items.len();
        if n < lo || n > hi {
            return Err(validation_error(
                p,
                format!("The parameter requires at least {lo} value(s) and no more than {hi} value(s) - {n} value(s) were provided."),
                span,
            ));
        }
    }
    Ok(())
}

fn bind_common(b: &mut Bound, name: &'static str, value: Value, span: Option<Span>) -> Result<(), BindError> {
    use crate::engine::interp::ActionPref;
    let pref = |v: &Value| -> Result<ActionPref, BindError> {
        ActionPref::parse(&to_display_string(v)).ok_or_else(|| {
            berr(
                format!(
                    "Cannot bind parameter '{name}'. Cannot convert value \"{}\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name {} to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break\"",
                    to_display_string(v),
                    to_display_string(v)
                ),
                "CannotConvertArgumentNoMessage",
                span,
            )
        })
    };
    let name_of_var = |v: &Value| -> Rc<str> { Rc::from(to_display_string(v).trim_start_matches('+')) };
    match name {
        "Verbose" => b.common.verbose = Some(crate::engine::convert::to_bool(&value)),
        "Debug" => b.common.debug = Some(crate::engine::convert::to_bool(&value)),
        "ErrorAction" => b.common.error_action = Some(pref(&value)?),
        "WarningAction" => b.common.warning_action = Some(pref(&value)?),
        "InformationAction" => b.common.information_action = Some(pref(&value)?),
        "ProgressAction" => {
            pref(&value)?;
        }
        // `+name` (append) is kept: the pipeline decides how to fill the variable.
        "ErrorVariable" => b.common.error_variable = Some(Rc::from(to_display_string(&value).as_str())),
        "WarningVariable" => b.common.warning_variable = Some(Rc::from(to_display_string(&value).as_str())),
        "OutVariable" => b.common.out_variable = Some(Rc::from(to_display_string(&value).as_str())),
        "PipelineVariable" => b.common.pipeline_variable = Some(name_of_var(&value)),
        "WhatIf" => b.common.what_if = Some(crate::engine::convert::to_bool(&value)),
        "Confirm" => b.common.confirm = Some(crate::engine::convert::to_bool(&value)),
        _ => {}
    }
    b.common.bound.push((Rc::from(name), value));
    Ok(())
}

/// Bind command-line arguments. Pipeline input is bound later by [`bind_pipeline`].
pub fn bind(req: BindRequest) -> Result<Bound, BindError> {
    let sig = req.sig;
    let mut b = Bound {
        values: vec![None; sig.params.len()],
        order: Vec::with_capacity(sig.params.len()),
        mask: sig.all_mask(),
        set: None,
        common: Common::default(),
        remaining: Vec::new(),
        from_pipeline: Vec::new(),
        spans: vec![None; sig.params.len()],
    };
    let mut positional: Vec<(Value, Span, Rc<str>)> = Vec::new();
    // Simple functions: unknown `-names` go to $args in the order they were written, among
    // the positional arguments left over (argument index, value).
    let mut unknown_named: Vec<(usize, Value)> = Vec::new();
    let mut positional_index: Vec<usize> = Vec::new();
    let mut arg_index = 0usize;
    let mut args = req.args.into_iter().peekable();
    while let Some(arg) = args.next() {
        arg_index += 1;
        match arg {
            Arg::Positional { value, span, text } => {
                positional.push((value, span, text));
                positional_index.push(arg_index);
            }
            Arg::Named { name, value, colon, span } => {
                let m = match match_name(sig, &name, b.mask) {
                    Ok(m) => m,
                    Err(mut e) => {
                        e.span = Some(span);
                        return Err(e);
                    }
                };
                let Some(m) = m else {
                    if sig.kind == SigKind::Simple {
                        // Simple functions receive unknown parameters in $args.
                        unknown_named.push((arg_index, Value::string(format!("-{name}{}", if colon { ":" } else { "" }))));
                        if let Some(v) = value {
                            unknown_named.push((arg_index, v));
                        }
                        continue;
                    }
                    return Err(berr(format!("A parameter cannot be found that matches parameter name '{name}'."), "NamedParameterNotFound", Some(span)));
                };
                let (is_switch, pname) = match &m {
                    Match::Param(i) => (sig.params[*i].is_switch(), sig.params[*i].name.clone()),
                    Match::Common(n, sw) => (*sw, Rc::from(*n)),
                };
                // Conversion and validation errors point at the argument, as pwsh does.
                let mut value_span = span;
                let val = match value {
                    Some(v) => v,
                    None if colon => {
                        return Err(missing_argument(sig, &m, &pname, span));
                    }
                    None if is_switch => Value::Bool(true),
                    None => match args.peek() {
                        Some(Arg::Positional { .. }) => match args.next() {
                            Some(Arg::Positional { value, span: vs, .. }) => {
                                value_span = vs;
                                value
                            }
                            _ => Value::Null,
                        },
                        _ => return Err(missing_argument(sig, &m, &pname, span)),
                    },
                };
                match m {
                    Match::Param(i) => {
                        if b.values[i].is_some() {
                            bind_one(sig, &mut b, i, val, Some(span), req.command_name)?;
                        } else {
                            bind_one(sig, &mut b, i, val, Some(value_span), req.command_name)?;
                        }
                    }
                    Match::Common(n, _) => bind_common(&mut b, n, val, Some(value_span))?,
                }
            }
        }
    }
    if b.mask == 0 {
        return Err(ambiguous_set());
    }

    // Positional arguments, in position order, among parameters of the remaining sets.
    let mut pos_iter = positional.into_iter().zip(positional_index);
    let mut leftover: Vec<(Value, Span, Rc<str>)> = Vec::new();
    let mut leftover_index: Vec<usize> = Vec::new();
    let mut last_pos: i64 = -1;
    for ((value, span, text), index) in pos_iter.by_ref() {
        let mut candidates: Vec<(u32, usize)> = sig
            .params
            .iter()
            .enumerate()
            .filter(|(i, p)| b.values[*i].is_none() && p.in_sets(b.mask))
            .filter_map(|(i, p)| p.position_in(b.mask).map(|pos| (pos, i)))
            .filter(|(pos, _)| *pos as i64 > last_pos)
            .collect();
        candidates.sort();
        let Some(&(pos, _)) = candidates.first() else {
            leftover.push((value, span, text));
            leftover_index.push(index);
            continue;
        };
        let same: Vec<usize> = candidates.iter().filter(|(p, _)| *p == pos).map(|(_, i)| *i).collect();
        let chosen = if same.len() == 1 {
            same[0]
        } else {
            // Several parameters share the position in different sets. Like pwsh, bind first
            // where the argument fits without coercion (a script block to a [ScriptBlock]
            // parameter, not to a [string] one), then prefer the default set's parameter.
            let def_bit = sig.default_set.map(|d| 1u64 << d).unwrap_or(0);
            same.iter()
                .copied()
                .find(|i| fits_without_coercion(&sig.params[*i], &value))
                .or_else(|| same.iter().copied().find(|i| sig.params[*i].mask() & def_bit != 0))
                .unwrap_or(same[0])
        };
        last_pos = pos as i64;
        bind_one(sig, &mut b, chosen, value, Some(span), req.command_name)?;
    }
    for (x, index) in pos_iter {
        leftover.push(x);
        leftover_index.push(index);
    }
    if !unknown_named.is_empty() {
        // Interleave the unknown `-names` with the leftover positionals in written order.
        let mut all: Vec<(usize, Value)> = leftover.drain(..).map(|(v, _, _)| v).zip(leftover_index.drain(..)).map(|(v, i)| (i, v)).collect();
        all.extend(unknown_named);
        all.sort_by_key(|(i, _)| *i);
        b.remaining.extend(all.into_iter().map(|(_, v)| v));
    }
    if !leftover.is_empty() {
        // ValueFromRemainingArguments takes them all.
        if let Some(ri) = sig.params.iter().position(|p| p.remaining_in(b.mask)) {
            let vals: Vec<Value> = leftover.into_iter().map(|(v, _, _)| v).collect();
            let v = if b.values[ri].is_some() {
                let mut existing = b.values[ri].take().and_then(|x| x.enumerate()).unwrap_or_default();
                existing.extend(vals);
                Value::array(existing)
            } else {
                Value::array(vals)
            };
            b.values[ri] = Some(v);
            if !b.order.contains(&ri) {
                b.order.push(ri);
            }
        } else if sig.kind == SigKind::Simple {
            b.remaining.extend(leftover.into_iter().map(|(v, _, _)| v));
        } else {
            let (value, span, text) = &leftover[0];
            let text = if text.is_empty() { argument_text(value) } else { text.to_string() };
            return Err(berr(format!("A positional parameter cannot be found that accepts argument '{text}'."), "PositionalParameterNotFound", Some(*span)));
        }
    }

    resolve_set(sig, &mut b, req.expects_input)?;
    if !req.expects_input {
        check_mandatory(sig, &b, false)?;
    } else {
        check_mandatory(sig, &b, true)?;
    }
    Ok(b)
}

/// How an argument appears in binding messages: arrays as `System.Object[]`.
pub fn argument_text(v: &Value) -> String {
    match v {
        Value::Array(_) => "System.Object[]".into(),
        other => to_display_string(other),
    }
}

thread_local! {
    static NO_TEXT: Rc<str> = Rc::from("");
}

/// Placeholder for `Arg::Positional::text` when the text can be derived from the value on
/// demand (only binding errors need it).
pub fn no_text() -> Rc<str> {
    NO_TEXT.with(|t| t.clone())
}

/// pwsh's first positional pass binds only where no type conversion is needed.
fn fits_without_coercion(p: &ParamDef, v: &Value) -> bool {
    match &p.ty {
        ParamType::Typed(t) => match &**t {
            TypeRef::Known(Known::String) => matches!(v, Value::Str(_)),
            TypeRef::Known(Known::Object) => true,
            other => crate::engine::types::value_is(v, other),
        },
        ParamType::Enum { values, .. } => matches!(v, Value::Str(s) if values.iter().any(|x| eq_ci(x, s))),
        ParamType::Switch => matches!(v, Value::Bool(_) | Value::Switch(_)),
        ParamType::Any | ParamType::Identity { .. } | ParamType::Multi { .. } => false,
    }
}

fn missing_argument(sig: &Signature, m: &Match, pname: &str, span: Span) -> BindError {
    let tname = match m {
        Match::Param(i) => type_name_for_message(&sig.params[*i]),
        Match::Common(n, _) => match *n {
            "ErrorAction" | "WarningAction" | "InformationAction" | "ProgressAction" => "System.Management.Automation.ActionPreference".into(),
            "OutBuffer" => "System.Int32".into(),
            _ => "System.String".into(),
        },
    };
    berr(format!("Missing an argument for parameter '{pname}'. Specify a parameter of type '{tname}' and try again."), "MissingArgument", Some(span))
}

fn ambiguous_set() -> BindError {
    berr(
        "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.".into(),
        "AmbiguousParameterSet",
        None,
    )
}

/// Pick the parameter set once arguments are bound.
pub fn resolve_set(sig: &Signature, b: &mut Bound, expects_input: bool) -> Result<(), BindError> {
    if sig.sets.is_empty() {
        b.set = None;
        return Ok(());
    }
    let n = sig.sets.len().min(64);
    let live = b.mask & sig.all_mask();
    if live.count_ones() == 1 {
        b.set = Some(live.trailing_zeros() as usize);
        return Ok(());
    }
    let candidates: Vec<usize> = (0..n).filter(|i| b.mask & (1u64 << i) != 0).collect();
    if candidates.is_empty() {
        return Err(ambiguous_set());
    }
    if let Some(d) = sig.default_set {
        if candidates.contains(&d) {
            b.set = Some(d);
            return Ok(());
        }
    }
    // Sets whose mandatory parameters are all satisfied.
    let satisfied: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|s| {
            let bit = 1u64 << s;
            sig.params.iter().enumerate().all(|(i, p)| !p.mandatory_in(bit) || b.values[i].is_some() || (expects_input && p.pipeline_in(bit)))
        })
        .collect();
    if satisfied.len() == 1 {
        b.set = Some(satisfied[0]);
        return Ok(());
    }
    if expects_input {
        // Decided per input object.
        b.set = satisfied.first().copied().or(candidates.first().copied());
        return Ok(());
    }
    Err(ambiguous_set())
}

pub fn check_mandatory(sig: &Signature, b: &Bound, allow_pipeline: bool) -> Result<(), BindError> {
    let bit = match b.set {
        Some(s) => 1u64 << s,
        None => ALL_SETS,
    };
    let d = sig.derived();
    let is_missing =
        |i: usize| d.mandatory_mask[i] & bit != 0 && b.values[i].is_none() && !(allow_pipeline && (d.pipeline_mask[i] | d.by_name_mask[i]) & bit != 0);
    if !(0..sig.params.len()).any(is_missing) {
        return Ok(());
    }
    let missing: Vec<&str> = (0..sig.params.len()).filter(|i| is_missing(*i)).map(|i| &*sig.params[i].name).collect();
    let list: String = missing.iter().map(|m| format!(" {m}")).collect();
    Err(BindError {
        message: format!("Cannot process command because of one or more missing mandatory parameters:{list}."),
        id: "MissingMandatoryParameter",
        exception: "System.Management.Automation.ParameterBindingException",
        category: "InvalidArgument",
        span: None,
    })
}

/// Property of a pipeline object by name (PSObject, hashtable entries do NOT count in pwsh:
/// only real properties; hashtables bind by property name only through their own members).
fn property_of(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => {
            let o = o.borrow();
            o.get(name).map(|p| p.value.clone())
        }
        Value::Net(n) => n.get_property(name),
        _ => None,
    }
}

/// Bind one pipeline object. Previously pipeline-bound parameters are cleared first.
pub fn bind_pipeline(sig: &Signature, b: &mut Bound, input: &Value, command: &str) -> Result<(), BindError> {
    let d = sig.derived();
    // The common shape (Where-Object, ForEach-Object, Select-Object…): one untyped
    // `-InputObject` that takes pipeline input in every set. Binding it cannot fail, change
    // the parameter set or satisfy another mandatory parameter, so just store the object.
    if d.pipeline_params.len() == 1 && d.by_name_params.is_empty() {
        let i = d.pipeline_params[0];
        let p = &sig.params[i];
        if p.ty == ParamType::Any
            && d.pipeline_mask[i] & b.mask == b.mask
            && !p.has_validation()
            && (b.values[i].is_none() || b.from_pipeline.first() == Some(&i))
        {
            if b.from_pipeline.is_empty() {
                b.from_pipeline.push(i);
                b.order.push(i);
            }
            b.values[i] = Some(input.clone());
            return Ok(());
        }
    }
    for i in b.from_pipeline.drain(..) {
        b.values[i] = None;
        b.order.retain(|x| *x != i);
    }
    let mask = match b.set {
        Some(s) if b.mask.count_ones() <= 1 => 1u64 << s,
        _ => b.mask,
    };
    let mut bound_any = false;
    // ByValue: exact type match first, then with conversion.
    let by_value = d.pipeline_params.iter().copied().filter(|i| b.values[*i].is_none() && d.pipeline_mask[*i] & mask != 0);
    let mut chosen = None;
    for i in by_value.clone() {
        let p = &sig.params[i];
        let exact = match &p.ty {
            ParamType::Any | ParamType::Identity { .. } | ParamType::Multi { .. } => true,
            ParamType::Typed(t) => crate::engine::types::value_is(input, t) || matches!(&**t, TypeRef::Known(Known::Object | Known::PSObject)),
            _ => false,
        };
        if exact {
            chosen = Some((i, input.clone()));
            break;
        }
    }
    if chosen.is_none() {
        for i in by_value {
            if let Ok(v) = coerce(&sig.params[i], input.clone()) {
                chosen = Some((i, v));
                break;
            }
        }
    }
    if let Some((i, v)) = chosen {
        if sig.params[i].mandatory_anywhere() {
            check_null_or_empty(sig, &sig.params[i], &v, None)?;
        }
        validate(&sig.params[i], &v, None)?;
        b.values[i] = Some(v);
        b.order.push(i);
        b.from_pipeline.push(i);
        bound_any = true;
    }
    // ByPropertyName.
    for &i in &d.by_name_params {
        let p = &sig.params[i];
        if b.values[i].is_some() || d.by_name_mask[i] & mask == 0 {
            continue;
        }
        let mut names = vec![p.name.clone()];
        names.extend(p.aliases.iter().cloned());
        if let Some(v) = names.iter().find_map(|n| property_of(input, n)) {
            let v = coerce_and_validate(sig, p, v, None, command)?;
            b.values[i] = Some(v);
            b.order.push(i);
            b.from_pipeline.push(i);
            bound_any = true;
        }
    }
    if !bound_any {
        return Err(BindError {
            message: "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.".into(),
            id: "InputObjectNotBound",
            exception: "System.Management.Automation.ParameterBindingException",
            category: "InvalidArgument",
            span: None,
        });
    }
    // Narrow the set with what the object bound to.
    let mut m = b.mask;
    for &i in &b.from_pipeline {
        m &= sig.params[i].mask();
    }
    if m != 0 {
        let saved = b.mask;
        b.mask = m;
        if resolve_set(sig, b, false).is_err() {
            b.mask = saved;
        }
        b.mask = saved;
    }
    check_mandatory(sig, b, false)
}

/// `$PSBoundParameters` as a hashtable (insertion order = binding order).
pub fn bound_parameters_table(sig: &Signature, b: &Bound) -> Hashtable {
    let mut h = Hashtable::new();
    for &i in &b.order {
        if let Some(v) = &b.values[i] {
            h.insert(Value::Str(sig.params[i].name.clone()), v.clone());
        }
    }
    for (n, v) in &b.common.bound {
        h.insert(Value::Str(n.clone()), v.clone());
    }
    h
}
