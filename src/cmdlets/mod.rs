//! Cmdlet declarations and implementations.
//!
//! Every cmdlet is declared as data: one JSON line in `signatures/*.jsonl` with its real
//! parameter sets (for SharePoint, Exchange, Graph and the Microsoft.PowerShell cmdlets the
//! reference documents, generated from the reference by `tools/gen_signatures.py`; for the
//! other core cmdlets and the `*-TenantSim*` control cmdlets, written by hand in the same
//! format). Implementations register by name in each module's `CMDLETS` table. The engine's
//! one binder binds arguments against the declared signature; implementations only read bound
//! values.

pub mod core;
pub mod exchange;
pub mod graph;
pub mod pester;
pub mod repl;
pub mod simctl;
pub mod spo;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use serde::Deserialize;

use crate::engine::bind::{ALL_SETS, ParamDef, ParamType, SetMembership, SigKind, Signature};
use crate::engine::commands::{Cmdlet, CmdletInfo};
use crate::engine::interp::Interp;
use crate::engine::types::{Known, TypeRef};
use crate::engine::value::{PsObject, Value};
use crate::lang::sym::eq_ci;

pub type Make = fn() -> Box<dyn Cmdlet>;

/// Signature sources, in lookup order.
/// `spo_overrides.jsonl`, `exchange_overrides.jsonl` and `graph_overrides.jsonl` come before
/// `reference.jsonl`: they add cmdlets the reference lacks and correct it where real usage
/// differs (see README, "Signature overrides").
const SIGNATURE_FILES: &[&str] = &[
    include_str!("signatures/core.jsonl"),
    include_str!("signatures/simctl.jsonl"),
    include_str!("signatures/repl.jsonl"),
    include_str!("signatures/spo_overrides.jsonl"),
    include_str!("signatures/exchange_overrides.jsonl"),
    include_str!("signatures/graph_overrides.jsonl"),
    include_str!("signatures/reference.jsonl"),
    include_str!("signatures/pester.jsonl"),
];

/// Connections made by Connect-SPOService / Connect-ExchangeOnline / Connect-MgGraph.
#[derive(Debug, Default, Clone)]
pub struct Session {
    pub spo: Option<Connection>,
    /// One entry per `Connect-ExchangeOnline`; `prefix` None for unprefixed cmdlets.
    pub exo: Vec<ExoConnection>,
    pub graph: Option<Connection>,
    /// Scopes of the Graph connection (`.default` for app-only).
    pub graph_scopes: Vec<String>,
    /// How to create the world on first use (command-line options).
    pub sim: crate::sim::SimOptions,
    /// The Pester runner of `tenantsim test` (shared: checkpoints of the session keep it).
    pub pester: Option<Rc<RefCell<pester::State>>>,
}

#[derive(Debug, Clone)]
pub struct Connection {
    pub tenant: String,
    pub account: String,
}

#[derive(Debug, Clone)]
pub struct ExoConnection {
    pub prefix: Option<String>,
    pub tenant: String,
    pub account: String,
}

#[derive(Deserialize)]
struct SigJson {
    name: String,
    module: String,
    #[serde(default)]
    synopsis: String,
    #[serde(default)]
    outputs: Vec<String>,
    sets: Vec<SetJson>,
    #[serde(default)]
    should_process: bool,
    #[serde(default)]
    examples: Vec<String>,
}

#[derive(Deserialize)]
struct SetJson {
    name: String,
    #[serde(default)]
    default: bool,
    params: Vec<ParamJson>,
    #[serde(default)]
    syntax: String,
}

#[derive(Deserialize)]
struct ParamJson {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    #[serde(default)]
    mandatory: bool,
    #[serde(default)]
    position: Option<i64>,
    #[serde(default)]
    pipeline: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    values: Vec<String>,
    #[serde(default)]
    remaining: bool,
}

/// Help text parts of a declared cmdlet (Get-Help, completion).
#[derive(Debug, Clone)]
pub struct CmdletDoc {
    pub name: String,
    pub module: String,
    pub synopsis: String,
    pub outputs: Vec<String>,
    pub syntax: Vec<String>,
    pub examples: Vec<String>,
}

/// The .NET-ish type of a declared parameter, mapped to how the binder coerces it.
pub fn param_type(ty: &str, values: &[String]) -> ParamType {
    let t = ty.trim();
    let short = t.rsplit('.').next().unwrap_or(t);
    if short.eq_ignore_ascii_case("SwitchParameter") {
        return ParamType::Switch;
    }
    if !values.is_empty() {
        return ParamType::Enum { type_name: Rc::from(t), values: values.iter().map(|v| Rc::from(v.as_str())).collect(), array: t.ends_with("[]") };
    }
    let (base, array) = match short.strip_suffix("[]") {
        Some(b) => (b, true),
        None => (short, false),
    };
    let known = match base.to_ascii_lowercase().as_str() {
        "string" => Some(Known::String),
        "int32" | "int" => Some(Known::Int32),
        "int64" | "long" => Some(Known::Int64),
        "uint32" => Some(Known::UInt32),
        "double" => Some(Known::Double),
        "boolean" | "bool" => Some(Known::Bool),
        "datetime" => Some(Known::DateTime),
        "timespan" => Some(Known::TimeSpan),
        "guid" => Some(Known::Guid),
        "scriptblock" => Some(Known::ScriptBlock),
        "hashtable" | "idictionary" => Some(Known::Hashtable),
        "securestring" => Some(Known::SecureString),
        "byte" => Some(Known::Byte),
        "char" => Some(Known::Char),
        "object" | "psobject" => None,
        _ => {
            let lower = base.to_ascii_lowercase();
            if lower.ends_with("idparameter")
                || lower.ends_with("pipebind")
                || lower == "fqdn"
                || lower == "smtpaddress"
                || lower == "windowsliveid"
                || lower == "unlimited"
                || lower == "proxyaddress"
                || lower == "pscredential"
            {
                return if array { ParamType::Multi { type_name: Rc::from(t) } } else { ParamType::Identity { type_name: Rc::from(t) } };
            }
            if lower.starts_with("multivaluedproperty") || lower.ends_with("collection") {
                return ParamType::Multi { type_name: Rc::from(t) };
            }
            return if array { ParamType::Multi { type_name: Rc::from(t) } } else { ParamType::Any };
        }
    };
    match known {
        None => {
            if array {
                ParamType::Typed(Rc::new(TypeRef::ArrayOf(TypeRef::known(Known::Object))))
            } else {
                ParamType::Any
            }
        }
        Some(Known::Bool) if !array => ParamType::Typed(TypeRef::known(Known::Bool)),
        Some(k) => {
            let base = TypeRef::Known(k);
            ParamType::Typed(Rc::new(if array { TypeRef::ArrayOf(Rc::new(base)) } else { base }))
        }
    }
}

/// Parameters declared `ValueFromRemainingArguments` in PowerShell's source, which the
/// reference pages do not record: (cmdlet, parameter).
const REMAINING_ARGUMENTS: &[(&str, &str)] = &[("ForEach-Object", "RemainingScripts"), ("ForEach-Object", "ArgumentList")];

/// [AllowNull()] / [AllowEmptyString()] / [AllowEmptyCollection()] on mandatory parameters in
/// PowerShell's source (the reference pages do not record them): (cmdlet, parameter, "nsc").
const ALLOW_EMPTY: &[(&str, &str, &str)] = &[
    ("Write-Output", "InputObject", "nc"),
    ("Write-Warning", "Message", "s"),
    ("Write-Verbose", "Message", "s"),
    ("Write-Debug", "Message", "s"),
    ("Write-Information", "MessageData", "n"),
    ("Write-Error", "Message", "ns"),
    ("Set-Content", "Value", "nc"),
    ("Add-Content", "Value", "nc"),
    ("Compare-Object", "ReferenceObject", "c"),
    ("Compare-Object", "DifferenceObject", "c"),
    ("ConvertTo-Json", "InputObject", "n"),
    ("ConvertFrom-Json", "InputObject", "s"),
    ("Add-Member", "NotePropertyValue", "n"),
    ("Get-Random", "InputObject", "n"),
    ("Test-Path", "Path", "nsc"),
    ("Test-Path", "LiteralPath", "nsc"),
    ("Join-Path", "ChildPath", "ns"),
    ("Export-Csv", "InputObject", "n"),
    ("ConvertTo-Csv", "InputObject", "n"),
    // The Graph SDK's generated cmdlet: `-AddLicenses @()` removes only, `-RemoveLicenses @()`
    // adds only (the reference examples use both forms).
    ("Set-MgUserLicense", "AddLicenses", "c"),
    ("Set-MgUserLicense", "RemoveLicenses", "c"),
];

fn build_signature(j: &SigJson) -> Signature {
    let single = j.sets.len() == 1 && (j.sets[0].name == "__AllParameterSets" || j.sets[0].name == "None");
    let set_names: Vec<Rc<str>> = if single { Vec::new() } else { j.sets.iter().map(|s| Rc::from(s.name.as_str())).collect() };
    let mut params: Vec<ParamDef> = Vec::new();
    for (si, s) in j.sets.iter().enumerate() {
        let mask = if single || si >= 64 { ALL_SETS } else { 1u64 << si };
        for p in &s.params {
            let idx = match params.iter().position(|x| eq_ci(&x.name, &p.name)) {
                Some(i) => i,
                None => {
                    let mut d = ParamDef::new(&p.name, param_type(&p.ty, &p.values), &p.ty);
                    d.aliases = p.aliases.iter().map(|a| Rc::from(a.as_str())).collect();
                    params.push(d);
                    params.len() - 1
                }
            };
            let pl = p.pipeline.to_ascii_lowercase();
            params[idx].sets.push(SetMembership {
                mask,
                mandatory: p.mandatory,
                position: p.position.filter(|x| *x >= 0).map(|x| x as u32),
                from_pipeline: pl.contains("value"),
                by_property_name: pl.contains("name"),
                from_remaining: p.remaining || REMAINING_ARGUMENTS.iter().any(|(c, n)| eq_ci(c, &j.name) && eq_ci(n, &p.name)),
            });
        }
    }
    for (c, n, flags) in ALLOW_EMPTY {
        if eq_ci(c, &j.name) {
            if let Some(p) = params.iter_mut().find(|p| eq_ci(&p.name, n)) {
                p.allow_null |= flags.contains('n');
                p.allow_empty_string |= flags.contains('s');
                p.allow_empty_collection |= flags.contains('c');
            }
        }
    }
    let default_set = if single { None } else { j.sets.iter().position(|s| s.default) };
    Signature {
        name: Rc::from(j.name.as_str()),
        kind: SigKind::Cmdlet,
        sets: set_names,
        default_set,
        params,
        supports_should_process: j.should_process,
        derived: Default::default(),
    }
}

struct Registry {
    /// lowercase name → (file index, line)
    index: HashMap<String, (usize, usize)>,
    parsed: HashMap<String, Rc<(Rc<Signature>, CmdletDoc)>>,
    infos: HashMap<(String, Option<String>), Rc<CmdletInfo>>,
}

thread_local! {
    static REGISTRY: RefCell<Option<Registry>> = const { RefCell::new(None) };
}

fn line_name(line: &str) -> Option<&str> {
    let start = line.find("\"name\":\"")? + 8;
    let end = start + line[start..].find('"')?;
    Some(&line[start..end])
}

fn with_registry<T>(f: impl FnOnce(&mut Registry) -> T) -> T {
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let reg = r.get_or_insert_with(|| {
            let mut index = HashMap::new();
            for (fi, file) in SIGNATURE_FILES.iter().enumerate() {
                for (li, line) in file.lines().enumerate() {
                    if let Some(n) = line_name(line) {
                        index.entry(n.to_ascii_lowercase()).or_insert((fi, li));
                    }
                }
            }
            Registry { index, parsed: HashMap::new(), infos: HashMap::new() }
        });
        f(reg)
    })
}

/// The declared signature and documentation of a cmdlet, by exact (case-insensitive) name.
pub fn declared(name: &str) -> Option<Rc<(Rc<Signature>, CmdletDoc)>> {
    let key = name.to_ascii_lowercase();
    with_registry(|reg| {
        if let Some(p) = reg.parsed.get(&key) {
            return Some(p.clone());
        }
        let &(fi, li) = reg.index.get(&key)?;
        let line = SIGNATURE_FILES[fi].lines().nth(li)?;
        let j: SigJson = match serde_json::from_str(line) {
            Ok(j) => j,
            // Every embedded line is checked by tests/cmdlets.rs; a bad one makes the cmdlet unknown.
            Err(_) => return None,
        };
        let sig = Rc::new(build_signature(&j));
        let doc = CmdletDoc {
            name: j.name.clone(),
            module: j.module.clone(),
            synopsis: j.synopsis.clone(),
            outputs: j.outputs.clone(),
            syntax: j.sets.iter().map(|s| s.syntax.clone()).filter(|s| !s.is_empty()).collect(),
            examples: j.examples.clone(),
        };
        let entry = Rc::new((sig, doc));
        reg.parsed.insert(key, entry.clone());
        Some(entry)
    })
}

/// Names of every declared cmdlet (completion, Get-Command).
pub fn all_declared_names() -> Vec<String> {
    let mut out = Vec::new();
    for file in SIGNATURE_FILES {
        for line in file.lines() {
            if let Some(n) = line_name(line) {
                if implementation(n).is_some() && !out.iter().any(|o: &String| o.eq_ignore_ascii_case(n)) {
                    out.push(n.to_string());
                }
            }
        }
    }
    out
}

thread_local! {
    static PROP_NAMES: RefCell<rustc_hash::FxHashMap<&'static str, Rc<str>>> = Default::default();
}

/// A property name shared by every output object that has it: cmdlets build objects in bulk
/// (10,000 mailboxes, a 4,000-move batch polled), and one allocation per name per object adds
/// up to most of the memory those objects take.
pub(crate) fn prop(name: &'static str) -> Rc<str> {
    PROP_NAMES.with(|n| n.borrow_mut().entry(name).or_insert_with(|| Rc::from(name)).clone())
}

/// Set a property with a shared name.
pub(crate) fn put(o: &mut PsObject, name: &'static str, v: Value) {
    o.set_rc(prop(name), v);
}

/// A constant string value (a type name, a status, an empty attribute), shared like the
/// property names.
pub(crate) fn text(s: &'static str) -> Value {
    Value::Str(prop(s))
}

/// The implementation registered for a cmdlet name.
pub fn implementation(name: &str) -> Option<Make> {
    for table in [core::CMDLETS, spo::CMDLETS, simctl::CMDLETS, exchange::CMDLETS, graph::CMDLETS, repl::CMDLETS, pester::CMDLETS] {
        if let Some((_, m)) = table.iter().find(|(n, _)| eq_ci(n, name)) {
            return Some(*m);
        }
    }
    None
}

fn info_for(name: &str, prefix: Option<&str>) -> Option<Rc<CmdletInfo>> {
    let key = (name.to_ascii_lowercase(), prefix.map(|p| p.to_ascii_lowercase()));
    if let Some(i) = with_registry(|reg| reg.infos.get(&key).cloned()) {
        return Some(i);
    }
    let decl = declared(name)?;
    let make = implementation(name)?;
    let info = Rc::new(CmdletInfo {
        name: Rc::from(decl.1.name.as_str()),
        module: Rc::from(decl.1.module.as_str()),
        sig: decl.0.clone(),
        make,
        prefix: prefix.map(Rc::from),
    });
    with_registry(|reg| reg.infos.insert(key, info.clone()));
    Some(info)
}

/// Modules whose cmdlets exist only after a connection creates them (Exchange Online).
pub fn is_exchange_module(module: &str) -> bool {
    module == "ExchangeOnlineManagement"
}

/// Resolve a cmdlet name in this session, including Exchange cmdlets imported with a prefix.
pub fn lookup(it: &Interp, name: &str) -> Option<Rc<CmdletInfo>> {
    if let Some(info) = info_for(name, None) {
        if is_exchange_module(&info.module) && !matches!(&*info.name, "Connect-ExchangeOnline" | "Disconnect-ExchangeOnline") {
            if it.session.exo.iter().any(|c| c.prefix.is_none()) && exchange::cmdlet_allowed(it, None, &info.name) {
                return Some(info);
            }
        } else {
            return Some(info);
        }
    }
    // `Get-SourceMailbox` → Get-Mailbox for the connection made with -Prefix Source.
    let (verb, noun) = name.split_once('-')?;
    for c in &it.session.exo {
        let Some(p) = &c.prefix else { continue };
        if noun.len() > p.len() && noun[..p.len()].eq_ignore_ascii_case(p) {
            let base = format!("{verb}-{}", &noun[p.len()..]);
            if let Some(info) = info_for(&base, Some(p)) {
                if is_exchange_module(&info.module) && exchange::cmdlet_allowed(it, Some(p), &info.name) {
                    return Some(info);
                }
            }
        }
    }
    None
}

/// pwsh's built-in aliases for the commands tenantsim implements.
pub const ALIASES: &[(&str, &str)] = &[
    ("?", "Where-Object"),
    ("where", "Where-Object"),
    ("%", "ForEach-Object"),
    ("foreach", "ForEach-Object"),
    ("select", "Select-Object"),
    ("sort", "Sort-Object"),
    ("group", "Group-Object"),
    ("measure", "Measure-Object"),
    ("tee", "Tee-Object"),
    ("echo", "Write-Output"),
    ("write", "Write-Output"),
    ("ft", "Format-Table"),
    ("fl", "Format-List"),
    ("gm", "Get-Member"),
    ("gcm", "Get-Command"),
    ("gc", "Get-Content"),
    ("cat", "Get-Content"),
    ("type", "Get-Content"),
    ("sc", "Set-Content"),
    ("ac", "Add-Content"),
    ("gv", "Get-Variable"),
    ("sv", "Set-Variable"),
    ("set", "Set-Variable"),
    ("iex", "Invoke-Expression"),
    ("icm", "Invoke-Command"),
    ("ipmo", "Import-Module"),
    ("gmo", "Get-Module"),
    ("ni", "New-Item"),
    ("ri", "Remove-Item"),
    ("rm", "Remove-Item"),
    ("del", "Remove-Item"),
    ("rvpa", "Resolve-Path"),
    ("sleep", "Start-Sleep"),
    ("diff", "Compare-Object"),
    ("compare", "Compare-Object"),
    ("epcsv", "Export-Csv"),
    ("ipcsv", "Import-Csv"),
    ("cls", "Clear-Host"),
    ("clear", "Clear-Host"),
    ("h", "Get-History"),
    ("history", "Get-History"),
    ("man", "Get-Help"),
    ("help", "Get-Help"),
    ("Connect-Graph", "Connect-MgGraph"),
    ("Disconnect-Graph", "Disconnect-MgGraph"),
    ("Test-SPOCrossTenantRelationship", "Verify-SPOCrossTenantRelationship"),
];

pub fn builtin_alias(name: &str) -> Option<&'static str> {
    ALIASES.iter().find(|(a, _)| eq_ci(a, name)).map(|(_, t)| *t)
}
