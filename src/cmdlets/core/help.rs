//! Get-Command and Get-Help, driven by the declared signatures (synopsis, parameter sets,
//! examples) of every cmdlet tenantsim implements.

use std::rc::Rc;

use super::reject;
use crate::engine::bind::{ParamDef, ParamType, Signature};
use crate::engine::commands::Cx;
use crate::engine::error::R;
use crate::engine::value::{Hashtable, PsObject, Value};
use crate::lang::sym::eq_ci;

// ───────────────────────────── syntax ─────────────────────────────

/// The short type name pwsh's generated syntax shows (`string[]`, `int`, `datetime`).
fn short_type(p: &ParamDef) -> String {
    let t: &str = &p.type_name;
    let (base, array) = match t.strip_suffix("[]") {
        Some(b) => (b, "[]"),
        None => (t, ""),
    };
    let short = base.rsplit('.').next().unwrap_or(base);
    let mapped = match short.to_ascii_lowercase().as_str() {
        "string" => "string".to_string(),
        "int32" => "int".into(),
        "int64" => "long".into(),
        "uint32" => "uint".into(),
        "double" => "double".into(),
        "boolean" => "bool".into(),
        "datetime" => "datetime".into(),
        "timespan" => "timespan".into(),
        "char" => "char".into(),
        "byte" => "byte".into(),
        "guid" => "guid".into(),
        "hashtable" => "hashtable".into(),
        "scriptblock" => "scriptblock".into(),
        "psobject" => "psobject".into(),
        "pscredential" => "pscredential".into(),
        "securestring" => "securestring".into(),
        "int32]" => "int".into(),
        _ => short.to_string(),
    };
    format!("{mapped}{array}")
}

fn set_params(sig: &Signature, set: Option<usize>) -> Vec<(&ParamDef, Option<u32>, bool)> {
    let bit = match set {
        Some(i) => 1u64 << i,
        None => u64::MAX,
    };
    let mut ps: Vec<(&ParamDef, Option<u32>, bool)> =
        sig.params.iter().filter(|p| p.in_sets(bit)).map(|p| (p, p.position_in(bit), p.mandatory_in(bit))).collect();
    ps.sort_by_key(|(_, pos, _)| pos.map(|x| x as i64).unwrap_or(i64::MAX));
    ps
}

/// One parameter set's syntax line, generated from the signature (Get-Command -Syntax).
pub fn syntax_line(sig: &Signature, set: Option<usize>) -> String {
    let mut parts = vec![sig.name.to_string()];
    for (p, pos, mand) in set_params(sig, set) {
        let name = format!("-{}", p.name);
        let piece = if p.ty == ParamType::Switch {
            if mand { name } else { format!("[{name}]") }
        } else {
            let ty = short_type(p);
            match (pos.is_some(), mand) {
                (true, true) => format!("[{name}] <{ty}>"),
                (true, false) => format!("[[{name}] <{ty}>]"),
                (false, true) => format!("{name} <{ty}>"),
                (false, false) => format!("[{name} <{ty}>]"),
            }
        };
        parts.push(piece);
    }
    if sig.supports_should_process {
        parts.push("[-WhatIf]".into());
        parts.push("[-Confirm]".into());
    }
    parts.push("[<CommonParameters>]".into());
    parts.join(" ")
}

/// All syntax lines of a cmdlet: the reference's where it has them, else generated.
pub fn syntax_lines(name: &str) -> Vec<String> {
    let Some(decl) = crate::cmdlets::declared(name) else { return Vec::new() };
    let (sig, doc) = (&decl.0, &decl.1);
    if !doc.syntax.is_empty() {
        return doc.syntax.iter().map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    }
    generated_syntax(sig)
}

fn generated_syntax(sig: &Signature) -> Vec<String> {
    if sig.sets.is_empty() {
        return vec![syntax_line(sig, None)];
    }
    // The default set first, as pwsh lists it.
    let mut order: Vec<usize> = (0..sig.sets.len()).collect();
    if let Some(d) = sig.default_set {
        order.retain(|i| *i != d);
        order.insert(0, d);
    }
    order.into_iter().map(|i| syntax_line(sig, Some(i))).collect()
}

// ───────────────────────────── Get-Command ─────────────────────────────

fn verb_noun(name: &str) -> (String, String) {
    match name.split_once('-') {
        Some((v, n)) => (v.to_string(), n.to_string()),
        None => (String::new(), String::new()),
    }
}

fn parameters_table(sig: &Signature) -> Value {
    let mut h = Hashtable::new();
    for p in &sig.params {
        let mut o = PsObject::typed("System.Management.Automation.ParameterMetadata");
        o.set("Name", Value::Str(p.name.clone()));
        o.set("ParameterType", Value::Str(p.type_name.clone()));
        o.set("Aliases", Value::array(p.aliases.iter().map(|a| Value::Str(a.clone())).collect()));
        o.set("IsDynamic", Value::Bool(false));
        o.set("SwitchParameter", Value::Bool(p.ty == ParamType::Switch));
        h.insert(Value::Str(p.name.clone()), o.into_value());
    }
    Value::Hashtable(Rc::new(std::cell::RefCell::new(h)))
}

fn cmdlet_info(name: &str) -> Option<Value> {
    let decl = crate::cmdlets::declared(name)?;
    let (sig, doc) = (&decl.0, &decl.1);
    let (verb, noun) = verb_noun(&doc.name);
    let version = super::session::module_version(&doc.module).unwrap_or("1.0.0");
    let mut o = PsObject::typed("System.Management.Automation.CmdletInfo");
    o.set("CommandType", Value::str("Cmdlet"));
    o.set("Name", Value::str(&doc.name));
    o.set("Version", Value::str(version));
    o.set("Source", Value::str(&doc.module));
    o.set("ModuleName", Value::str(&doc.module));
    o.set("Verb", Value::string(verb));
    o.set("Noun", Value::string(noun));
    o.set("Definition", Value::string(generated_syntax(sig).iter().map(|s| format!("\n{s}\n")).collect::<String>()));
    o.set("Parameters", parameters_table(sig));
    o.set("ParameterSets", Value::array(sig.sets.iter().map(|s| Value::Str(s.clone())).collect()));
    o.set("OutputType", Value::array(doc.outputs.iter().map(|s| Value::str(s)).collect()));
    o.set("HelpUri", Value::str(""));
    o.set("DisplayName", Value::str(&doc.name));
    o.to_string = Some(Rc::from(doc.name.as_str()));
    Some(o.into_value())
}

fn function_info(f: &crate::engine::interp::FunctionInfo) -> Value {
    let mut o = PsObject::typed(if f.is_filter { "System.Management.Automation.FilterInfo" } else { "System.Management.Automation.FunctionInfo" });
    o.set("CommandType", Value::str(if f.is_filter { "Filter" } else { "Function" }));
    o.set("Name", Value::Str(f.name.clone()));
    o.set("Version", Value::str(""));
    o.set("Source", Value::str(""));
    o.set("ModuleName", Value::str(""));
    o.set("Definition", Value::str(f.body.body_text()));
    o.set("ScriptBlock", Value::ScriptBlock(f.body.clone()));
    let sig = crate::engine::funcsig::cached_signature(&f.body, &f.name);
    o.set("Parameters", parameters_table(&sig));
    o.set("DisplayName", Value::Str(f.name.clone()));
    o.to_string = Some(Rc::from(&*f.name));
    o.into_value()
}

fn alias_info(alias: &str, target: &str) -> Value {
    let module = crate::cmdlets::declared(target).map(|d| d.1.module.clone()).unwrap_or_default();
    let mut o = PsObject::typed("System.Management.Automation.AliasInfo");
    o.set("CommandType", Value::str("Alias"));
    o.set("Name", Value::string(format!("{alias} -> {target}")));
    o.set("Version", Value::str(super::session::module_version(&module).unwrap_or("")));
    o.set("Source", Value::string(module));
    o.set("Definition", Value::str(target));
    o.set("ResolvedCommandName", Value::str(target));
    o.set("DisplayName", Value::string(format!("{alias} -> {target}")));
    o.to_string = Some(Rc::from(alias));
    o.into_value()
}

struct Found {
    kind: u8,
    name: String,
    value: Value,
    sig: Option<Rc<Signature>>,
}

/// Every command visible in this session: aliases, functions, cmdlets.
fn all_commands(cx: &Cx) -> Vec<Found> {
    let mut out = Vec::new();
    for (a, t) in crate::cmdlets::ALIASES {
        if crate::cmdlets::lookup(cx.it, t).is_some() {
            out.push(Found { kind: 0, name: a.to_string(), value: alias_info(a, t), sig: None });
        }
    }
    for f in cx.it.visible_functions() {
        let sig = crate::engine::funcsig::cached_signature(&f.body, &f.name);
        out.push(Found { kind: 1, name: f.name.to_string(), value: function_info(&f), sig: Some(sig) });
    }
    for n in crate::cmdlets::all_declared_names() {
        if crate::cmdlets::lookup(cx.it, &n).is_some() {
            if let Some(v) = cmdlet_info(&n) {
                let sig = crate::cmdlets::declared(&n).map(|d| d.0.clone());
                out.push(Found { kind: 2, name: n, value: v, sig });
            }
        }
    }
    out
}

pub fn get_command(cx: &mut Cx) -> R {
    reject(cx, &["FullyQualifiedModule", "ShowCommandInfo", "UseFuzzyMatching", "FuzzyMinimumDistance", "UseAbbreviationExpansion", "ParameterType"])?;
    let wm = |p: &str, n: &str| crate::engine::ops::wildcard_match(p, n, false);
    let names = cx.strings("Name");
    let verbs = cx.strings("Verb");
    let nouns = cx.strings("Noun");
    let modules = cx.strings("Module");
    let types = cx.strings("CommandType");
    let param_names = cx.strings("ParameterName");
    let mut all = all_commands(cx);
    if !verbs.is_empty() || !nouns.is_empty() {
        all.retain(|f| f.kind != 0);
    }
    all.retain(|f| {
        let (verb, noun) = verb_noun(&f.name);
        let module = match &f.value {
            Value::Object(o) => o.borrow().get_value("Source").map(|v| crate::engine::convert::to_display_string(&v)).unwrap_or_default(),
            _ => String::new(),
        };
        let kind = ["Alias", "Function", "Cmdlet"][f.kind as usize];
        (verbs.is_empty() || verbs.iter().any(|p| wm(p, &verb)))
            && (nouns.is_empty() || nouns.iter().any(|p| wm(p, &noun)))
            && (modules.is_empty() || modules.iter().any(|p| wm(p, &module)))
            && (types.is_empty() || types.iter().any(|t| eq_ci(t, kind) || eq_ci(t, "All")))
            && (param_names.is_empty() || f.sig.as_ref().is_some_and(|s| param_names.iter().any(|pn| s.params.iter().any(|p| wm(pn, &p.name)))))
    });
    let mut results: Vec<Found> = Vec::new();
    if names.is_empty() {
        results = all;
    } else {
        for n in &names {
            let before = results.len();
            for f in all.iter() {
                if wm(n, &f.name) && !results.iter().any(|r| r.kind == f.kind && eq_ci(&r.name, &f.name)) {
                    results.push(Found { kind: f.kind, name: f.name.clone(), value: f.value.clone(), sig: f.sig.clone() });
                }
            }
            if results.len() == before && !super::files::has_wildcard(n) {
                let rec = crate::engine::pipeline::command_not_found(n);
                let rec = cx
                    .error(&rec.exception.type_name, rec.exception.message.clone(), "CommandNotFoundException", "ObjectNotFound")
                    .with_target(Value::string(n.clone()));
                cx.write_error(rec)?;
            }
        }
    }
    results.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.name.to_ascii_lowercase().cmp(&b.name.to_ascii_lowercase())));
    if let Some(n) = cx.int("TotalCount") {
        results.truncate(n.max(0) as usize);
    }
    for f in results {
        if cx.switch("Syntax") {
            let text = match f.kind {
                0 => match &f.value {
                    Value::Object(o) => o.borrow().get_value("Definition").map(|v| crate::engine::convert::to_display_string(&v)).unwrap_or_default(),
                    _ => String::new(),
                },
                _ => match &f.sig {
                    Some(s) => generated_syntax(s).iter().map(|l| format!("\n{l}\n")).collect(),
                    None => String::new(),
                },
            };
            cx.emit(Value::string(text))?;
        } else {
            cx.emit(f.value)?;
        }
    }
    Ok(())
}

// ───────────────────────────── Get-Help ─────────────────────────────

fn indent(text: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    text.lines().map(|l| if l.trim().is_empty() { String::new() } else { format!("{pad}{l}") }).collect::<Vec<_>>().join("\n")
}

fn help_object(name: &str, category: &str, module: &str, synopsis: &str, text: String) -> Value {
    let mut o = PsObject::typed("MamlCommandHelpInfo");
    o.type_names = Rc::from(vec![Rc::from("MamlCommandHelpInfo"), Rc::from("HelpInfo"), Rc::from("System.Object")]);
    o.set("Name", Value::str(name));
    o.set("Category", Value::str(category));
    o.set("ModuleName", Value::str(module));
    o.set("Synopsis", Value::str(synopsis));
    o.to_string = Some(Rc::from(text.as_str()));
    o.into_value()
}

fn cmdlet_help(name: &str, examples_only: bool, full: bool) -> Option<Value> {
    let decl = crate::cmdlets::declared(name)?;
    let doc = &decl.1;
    let mut s = String::new();
    s.push_str(&format!("NAME\n    {}\n\nSYNOPSIS\n{}\n", doc.name, indent(&doc.synopsis, 4)));
    if examples_only {
        for (i, ex) in doc.examples.iter().enumerate() {
            s.push_str(&format!("\n    -------------------------- EXAMPLE {} --------------------------\n\n{}\n", i + 1, indent(ex, 4)));
        }
        if doc.examples.is_empty() {
            s.push_str("\n    (no examples)\n");
        }
        s.push('\n');
    } else {
        s.push_str("\n\nSYNTAX\n");
        let lines = syntax_lines(&doc.name);
        s.push_str(&lines.iter().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n\n"));
        s.push_str(&format!("\n\n\nDESCRIPTION\n{}\n", indent(&doc.synopsis, 4)));
        if full {
            if let Some(d) = crate::cmdlets::declared(name) {
                s.push_str("\n\nPARAMETERS\n");
                for p in &d.0.params {
                    let ty = if p.ty == ParamType::Switch { String::new() } else { format!(" <{}>", p.type_name) };
                    s.push_str(&format!("    -{}{ty}\n\n", p.name));
                }
                s.push_str("    <CommonParameters>\n        This cmdlet supports the common parameters: Verbose, Debug,\n        ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n        OutBuffer, PipelineVariable, and OutVariable.\n");
            }
            if !doc.outputs.is_empty() {
                s.push_str(&format!("\nOUTPUTS\n{}\n", indent(&doc.outputs.join("\n"), 4)));
            }
            for (i, ex) in doc.examples.iter().enumerate() {
                s.push_str(&format!("\n    -------------------------- EXAMPLE {} --------------------------\n\n{}\n", i + 1, indent(ex, 4)));
            }
        }
        s.push_str(&format!(
            "\n\nRELATED LINKS\n\nREMARKS\n    To see the examples, type: \"Get-Help {0} -Examples\"\n    For more information, type: \"Get-Help {0} -Detailed\"\n    For technical information, type: \"Get-Help {0} -Full\"\n",
            doc.name
        ));
    }
    Some(help_object(&doc.name, "Cmdlet", &doc.module, &doc.synopsis, s))
}

fn function_help(cx: &Cx, name: &str) -> Option<Value> {
    let f = cx.it.find_function(crate::lang::sym::intern(name))?;
    let sig = crate::engine::funcsig::cached_signature(&f.body, &f.name);
    let syntax = if sig.sets.is_empty() { vec![syntax_line(&sig, None)] } else { (0..sig.sets.len()).map(|i| syntax_line(&sig, Some(i))).collect() };
    let text = format!(
        "NAME\n    {}\n\nSYNTAX\n{}\n\n\nALIASES\n    None\n\n\nREMARKS\n    None\n",
        f.name,
        syntax.iter().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n\n")
    );
    Some(help_object(&f.name, "Function", "", "", text))
}

pub fn get_help(cx: &mut Cx) -> R {
    reject(cx, &["Path", "Component", "Functionality", "Role", "Online", "Parameter"])?;
    let name = cx.string("Name").unwrap_or_else(|| "Get-Help".into());
    let examples = cx.switch("Examples");
    let full = cx.switch("Full") || cx.switch("Detailed");
    if super::files::has_wildcard(&name) {
        let mut found: Vec<(String, String, String, String)> = Vec::new();
        for n in crate::cmdlets::all_declared_names() {
            if crate::engine::ops::wildcard_match(&name, &n, false) && crate::cmdlets::lookup(cx.it, &n).is_some() {
                if let Some(d) = crate::cmdlets::declared(&n) {
                    found.push((d.1.name.clone(), "Cmdlet".into(), d.1.module.clone(), d.1.synopsis.clone()));
                }
            }
        }
        for f in cx.it.visible_functions() {
            if crate::engine::ops::wildcard_match(&name, &f.name, false) {
                found.push((f.name.to_string(), "Function".into(), String::new(), String::new()));
            }
        }
        found.sort_by_key(|a| a.0.to_ascii_lowercase());
        if found.len() != 1 {
            for (n, c, m, s) in found {
                let mut o = PsObject::typed("HelpInfoShort");
                o.set("Name", Value::string(n));
                o.set("Category", Value::string(c));
                o.set("Module", Value::string(m));
                o.set("Synopsis", Value::string(s));
                cx.emit(o.into_value())?;
            }
            return Ok(());
        }
        let one = found.remove(0).0;
        return emit_help(cx, &one, examples, full);
    }
    emit_help(cx, &name, examples, full)
}

fn emit_help(cx: &mut Cx, name: &str, examples: bool, full: bool) -> R {
    let target = crate::cmdlets::builtin_alias(name).unwrap_or(name).to_string();
    if let Some(v) = function_help(cx, &target) {
        return cx.emit(v);
    }
    if crate::cmdlets::lookup(cx.it, &target).is_some() {
        if let Some(v) = cmdlet_help(&target, examples, full) {
            return cx.emit(v);
        }
    }
    let rec = cx
        .error(
            "Microsoft.PowerShell.Commands.HelpNotFoundException",
            format!(
                "Get-Help could not find {name} in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116."
            ),
            "HelpNotFound",
            "ResourceUnavailable",
        )
        .with_target(Value::str(name));
    cx.write_error(rec)
}
