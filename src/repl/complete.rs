//! Tab completion, as pwsh's CompletionCompleters does it for the things an admin types:
//!
//! * command names in command position: aliases, functions of the session and the cmdlets that
//!   exist in this session (Exchange cmdlets only once `Connect-ExchangeOnline` created them,
//!   with their `-Prefix`), `*` wildcards allowed; scripts and directories for `./…`;
//! * parameter names after `-`, from the declared signature of the command at the cursor, in
//!   declaration order, narrowed to the parameter sets still possible and without those already
//!   given, then the common parameters (and `-WhatIf`/`-Confirm`) in pwsh's order;
//! * parameter values: enum values (`-PartnerRole So` → `Source`), `[ValidateSet()]` values,
//!   `$true`/`$false` for booleans, ActionPreference names for `-ErrorAction`, command names for
//!   `Get-Help`/`Get-Command`, and world data (UPNs, site, host and admin URLs, domains) for the
//!   parameters that take them — from the world as it is: completion never creates or changes it;
//! * variables (`$`, `@`, `$env:`, `$global:`…), members of variables' values (`$x.Na`), operators
//!   (`-eq`) in expression mode; file paths as the fallback, as pwsh does.
//!
//! Everything works on the text before the cursor; nothing is evaluated except reading
//! variables' current values.

use std::rc::Rc;

use crate::engine::bind::{ALL_SETS, COMMON_PARAMETERS, ParamDef, ParamType, SHOULD_PROCESS_PARAMETERS, Signature};
use crate::engine::interp::Interp;
use crate::engine::value::Value;
use crate::lang::sym::{eq_ci, starts_with_ci};
use crate::repl::lex::{Kind, Token, tokenize};
use crate::sim::CompletionKind;

/// One completion: what the list shows and what replaces the word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub display: String,
    pub replacement: String,
}

impl Candidate {
    fn same(s: String) -> Candidate {
        Candidate { display: s.clone(), replacement: s }
    }
}

/// pwsh's ActionPreference names (`-ErrorAction`, `-WarningAction`, …), sorted as pwsh lists them.
const ACTION_PREFERENCES: &[&str] = &["Break", "Continue", "Ignore", "Inquire", "SilentlyContinue", "Stop", "Suspend"];

/// Automatic variables that are computed on demand (not stored in a scope).
const AUTOMATIC_VARIABLES: &[&str] = &[
    "true",
    "false",
    "null",
    "_",
    "PSItem",
    "args",
    "Error",
    "Host",
    "HOME",
    "PID",
    "PWD",
    "PSVersionTable",
    "PSEdition",
    "PSHOME",
    "PSCulture",
    "PSUICulture",
    "PSScriptRoot",
    "PSCommandPath",
    "IsLinux",
    "IsWindows",
    "IsMacOS",
    "IsCoreCLR",
    "LASTEXITCODE",
    "ShellId",
    "MaximumHistoryCount",
    "NestedPromptLevel",
    "ExecutionContext",
];

/// Comparison and logical operators, for `-<Tab>` in expression mode.
const OPERATORS: &[&str] = &[
    "and",
    "as",
    "band",
    "bnot",
    "bor",
    "bxor",
    "ccontains",
    "ceq",
    "cge",
    "cgt",
    "cin",
    "cle",
    "clike",
    "clt",
    "cmatch",
    "cne",
    "cnotcontains",
    "cnotin",
    "cnotlike",
    "cnotmatch",
    "contains",
    "creplace",
    "csplit",
    "eq",
    "f",
    "ge",
    "gt",
    "in",
    "is",
    "isnot",
    "join",
    "le",
    "like",
    "lt",
    "match",
    "ne",
    "not",
    "notcontains",
    "notin",
    "notlike",
    "notmatch",
    "or",
    "replace",
    "shl",
    "shr",
    "split",
    "xor",
];

/// Completions for `line` with the cursor at byte `pos`: the byte offset where the replaced
/// word starts, and the candidates.
pub fn complete(it: &Interp, line: &str, pos: usize) -> (usize, Vec<Candidate>) {
    let mut pos = pos.min(line.len());
    while !line.is_char_boundary(pos) {
        pos -= 1;
    }
    let text = &line[..pos];
    let toks = tokenize(text);
    // The word under the cursor, or an empty word (found by tokenizing with a sentinel, which
    // tells what kind of token would start here).
    let probe;
    let (src, toks, idx, word_start): (&str, Vec<Token>, usize, usize) = match toks.last() {
        Some(t) if t.end == pos && t.kind != Kind::Newline && !is_plain_punct(t, text) => {
            let (i, s) = (toks.len() - 1, t.start);
            (text, toks, i, s)
        }
        _ => {
            probe = format!("{text}X");
            let toks = tokenize(&probe);
            match toks.last() {
                Some(last) if last.start == pos => {
                    let i = toks.len() - 1;
                    (probe.as_str(), toks, i, pos)
                }
                _ => return (pos, Vec::new()),
            }
        }
    };
    let tok = toks[idx];
    let word = &text[word_start..pos];
    let ctx = Ctx { it, src, toks: &toks, idx, word };
    let out = match tok.kind {
        Kind::Comment => Vec::new(),
        Kind::Command => commands(it, word),
        Kind::Keyword if idx == 0 || matches!(toks[idx - 1].kind, Kind::Newline) || toks[idx - 1].text(src) == ";" || toks[idx - 1].text(src) == "|" => {
            commands(it, word)
        }
        Kind::Variable => variables(it, word, &toks[..idx], src),
        Kind::Parameter => {
            if let Some(colon) = word.find(':') {
                // `-ErrorAction:Si`: the value after the colon.
                let vstart = word_start + colon + 1;
                let vctx = Ctx { word: &text[vstart..pos], ..ctx };
                return (vstart, argument(&vctx));
            }
            parameters(&ctx)
        }
        Kind::Operator if word.len() > 1 && word.starts_with(['-', '\u{2013}', '\u{2014}', '\u{2015}']) => operators(word),
        Kind::Member => members(&ctx),
        Kind::Word | Kind::Number | Kind::String if command_of(&toks, src, idx).is_some() => argument(&ctx),
        Kind::Word if looks_like_path(word) => paths(word, false),
        _ => Vec::new(),
    };
    (word_start, out)
}

#[derive(Clone, Copy)]
struct Ctx<'a> {
    it: &'a Interp,
    /// The text the tokens were made from (the line before the cursor, maybe plus a sentinel).
    src: &'a str,
    toks: &'a [Token],
    /// Index of the token being completed.
    idx: usize,
    /// The text being completed (before the cursor).
    word: &'a str,
}

fn is_plain_punct(t: &Token, text: &str) -> bool {
    t.kind == Kind::Punct || (t.kind == Kind::Operator && !text[t.start..t.end].starts_with(['-', '\u{2013}', '\u{2014}', '\u{2015}']))
}

/// The Command token of the pipeline element that token `idx` belongs to.
fn command_of(toks: &[Token], src: &str, idx: usize) -> Option<usize> {
    let d = toks[idx].depth;
    let mut i = idx;
    while i > 0 {
        i -= 1;
        let t = &toks[i];
        if t.depth < d {
            return None;
        }
        if t.depth > d {
            continue;
        }
        match t.kind {
            Kind::Command => return Some(i),
            Kind::Newline | Kind::Keyword => return None,
            Kind::Punct if matches!(t.text(src), "|" | ";" | "||" | "&&") => return None,
            Kind::Operator if t.text(src).ends_with('=') && !matches!(t.text(src), "==" | "!=") => return None,
            _ => {}
        }
    }
    None
}

// ───────────────────────────── commands ─────────────────────────────

fn looks_like_path(word: &str) -> bool {
    word.starts_with('.') || word.starts_with('~') || word.contains('/') || word.contains('\\')
}

fn has_wildcard(s: &str) -> bool {
    s.contains(['*', '?'])
}

fn name_matches(word: &str, name: &str) -> bool {
    if has_wildcard(word) {
        let pat = if word.ends_with('*') { word.to_string() } else { format!("{word}*") };
        crate::engine::ops::wildcard_match(&pat, name, false)
    } else {
        starts_with_ci(name, word)
    }
}

/// Every command name visible in the session (aliases, functions, cmdlets), unsorted.
pub fn command_names(it: &Interp) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (a, t) in crate::cmdlets::ALIASES {
        if crate::cmdlets::lookup(it, t).is_some() {
            names.push(a.to_string());
        }
    }
    let mut s = Some(it.cur);
    while let Some(i) = s {
        let scope = it.scope(i);
        names.extend(scope.aliases.keys().map(|k| crate::lang::sym::name_of(*k).to_string()));
        s = scope.parent;
    }
    names.extend(it.visible_functions().iter().map(|f| f.name.to_string()));
    let declared = crate::cmdlets::all_declared_names();
    for n in &declared {
        if crate::cmdlets::lookup(it, n).is_some() {
            names.push(n.clone());
        }
    }
    // Exchange cmdlets imported with `Connect-ExchangeOnline -Prefix P`: Verb-PNoun.
    for c in &it.session.exo {
        let Some(p) = &c.prefix else { continue };
        for n in &declared {
            let Some(d) = crate::cmdlets::declared(n) else { continue };
            if !crate::cmdlets::is_exchange_module(&d.1.module) || matches!(n.as_str(), "Connect-ExchangeOnline" | "Disconnect-ExchangeOnline") {
                continue;
            }
            if let Some((verb, noun)) = n.split_once('-') {
                names.push(format!("{verb}-{p}{noun}"));
            }
        }
    }
    names
}

fn sort_dedup(mut v: Vec<String>) -> Vec<String> {
    v.sort_by_key(|a| a.to_ascii_lowercase());
    v.dedup_by(|a, b| eq_ci(a, b));
    v
}

fn commands(it: &Interp, word: &str) -> Vec<Candidate> {
    if looks_like_path(word) {
        return paths(word, true);
    }
    let names: Vec<String> = command_names(it).into_iter().filter(|n| name_matches(word, n)).collect();
    sort_dedup(names).into_iter().map(|n| Candidate { display: n.clone(), replacement: quote_if_needed(&n) }).collect()
}

// ───────────────────────────── parameters ─────────────────────────────

/// The signature of a command name as this session resolves it.
fn signature_of(it: &Interp, name: &str) -> Option<(Rc<Signature>, String)> {
    let name = name.trim_start_matches(['&', '.']).trim();
    let name = unquote(name);
    let sym = crate::lang::sym::intern(&name);
    let target: String = match it.find_alias(sym) {
        Some(t) => t.to_string(),
        None => crate::cmdlets::builtin_alias(&name).map(str::to_string).unwrap_or(name),
    };
    if let Some(f) = it.find_function(crate::lang::sym::intern(&target)) {
        return Some((crate::engine::funcsig::cached_signature(&f.body, &f.name), f.name.to_string()));
    }
    let info = crate::cmdlets::lookup(it, &target)?;
    Some((info.sig.clone(), info.name.to_string()))
}

/// What a value at the cursor binds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Param(usize),
    Common(&'static str),
    Positional(usize),
    Unknown,
}

struct Analysis {
    sig: Rc<Signature>,
    command: String,
    /// Parameters given by name (indexes), and common parameters given.
    bound: Vec<usize>,
    bound_common: Vec<&'static str>,
    /// What the word at the cursor would bind to, if it is a value.
    target: Target,
    mask: u64,
}

fn resolve_param(sig: &Signature, typed: &str, mask: u64) -> Target {
    let typed = typed.trim_start_matches(['-', '\u{2013}', '\u{2014}', '\u{2015}']).trim_end_matches(':');
    if typed.is_empty() {
        return Target::Unknown;
    }
    if let Some(i) = sig.params.iter().position(|p| eq_ci(&p.name, typed) || p.aliases.iter().any(|a| eq_ci(a, typed))) {
        return Target::Param(i);
    }
    let hits: Vec<usize> = sig.params.iter().enumerate().filter(|(_, p)| starts_with_ci(&p.name, typed) && p.in_sets(mask)).map(|(i, _)| i).collect();
    if hits.len() == 1 {
        return Target::Param(hits[0]);
    }
    if hits.is_empty() && sig.has_common() {
        let commons = COMMON_PARAMETERS.iter().chain(SHOULD_PROCESS_PARAMETERS.iter());
        for (name, aliases, _) in commons {
            if eq_ci(name, typed) || aliases.iter().any(|a| eq_ci(a, typed)) {
                return Target::Common(name);
            }
        }
        let hits: Vec<&str> = COMMON_PARAMETERS.iter().chain(SHOULD_PROCESS_PARAMETERS.iter()).filter(|c| starts_with_ci(c.0, typed)).map(|c| c.0).collect();
        if hits.len() == 1 {
            return Target::Common(hits[0]);
        }
    }
    Target::Unknown
}

fn is_switch_target(sig: &Signature, t: Target) -> bool {
    match t {
        Target::Param(i) => sig.params[i].is_switch(),
        Target::Common(n) => COMMON_PARAMETERS.iter().chain(SHOULD_PROCESS_PARAMETERS.iter()).any(|c| c.0 == n && c.2),
        _ => false,
    }
}

fn narrow(sig: &Signature, bound: &[usize]) -> u64 {
    let mut mask = sig.all_mask();
    for &b in bound {
        let m = sig.params[b].mask();
        if m & mask != 0 {
            mask &= m;
        }
    }
    if mask == 0 { ALL_SETS } else { mask }
}

/// Walk the arguments before the cursor: which parameters are bound and what the word binds to.
fn analyse(ctx: &Ctx) -> Option<Analysis> {
    let ci = command_of(ctx.toks, ctx.src, ctx.idx)?;
    let cmd_tok = ctx.toks[ci];
    let command = cmd_tok.text(ctx.src).to_string();
    let (sig, canonical) = signature_of(ctx.it, &command)?;
    let d = ctx.toks[ctx.idx].depth;
    let mut bound: Vec<usize> = Vec::new();
    let mut bound_common: Vec<&'static str> = Vec::new();
    let mut expecting: Option<Target> = None;
    let mut last_target = Target::Unknown;
    let mut after_comma = false;
    let mut positional = 0usize;
    let mut prev_end = cmd_tok.end;
    let mut i = ci + 1;
    while i < ctx.idx {
        let t = ctx.toks[i];
        i += 1;
        if t.depth != d {
            prev_end = t.end;
            continue;
        }
        let txt = t.text(ctx.src);
        let adjacent = t.start == prev_end;
        prev_end = t.end;
        match t.kind {
            Kind::Parameter if !adjacent || expecting.is_none() => {
                let mask = narrow(&sig, &bound);
                let target = resolve_param(&sig, txt, mask);
                match target {
                    Target::Param(p) => bound.push(p),
                    Target::Common(c) => bound_common.push(c),
                    _ => {}
                }
                expecting = if txt.ends_with(':') || !is_switch_target(&sig, target) { Some(target) } else { None };
                after_comma = false;
            }
            Kind::Punct if txt == "," => after_comma = true,
            Kind::Punct if matches!(txt, ")" | "}" | "]") => {}
            Kind::Comment => {}
            _ if adjacent && i - 1 > ci + 1 => {
                // Part of the previous value (`$x.Name`, `a(b)`), or the value of `-Name:`.
                if let Some(t) = expecting.take() {
                    last_target = t;
                }
            }
            _ => {
                if let Some(t) = expecting.take() {
                    last_target = t;
                } else if !after_comma {
                    last_target = Target::Positional(positional);
                    positional += 1;
                }
                after_comma = false;
            }
        }
    }
    let mask = narrow(&sig, &bound);
    let here = ctx.toks[ctx.idx];
    let target = match expecting {
        // `-Name:<Tab>`: the value of the parameter being typed.
        _ if here.kind == Kind::Parameter => resolve_param(&sig, here.text(ctx.src), mask),
        Some(t) => t,
        None if after_comma => last_target,
        None => Target::Positional(positional),
    };
    let target = match target {
        Target::Positional(k) => {
            let mut ps: Vec<(u32, usize)> = sig
                .params
                .iter()
                .enumerate()
                .filter(|(i, p)| !bound.contains(i) && p.in_sets(mask))
                .filter_map(|(i, p)| p.position_in(mask).map(|pos| (pos, i)))
                .collect();
            ps.sort();
            ps.dedup_by_key(|x| x.1);
            ps.get(k).map(|(_, i)| Target::Param(*i)).unwrap_or(Target::Unknown)
        }
        t => t,
    };
    Some(Analysis { sig, command: canonical, bound, bound_common, target, mask })
}

fn parameters(ctx: &Ctx) -> Vec<Candidate> {
    let Some(a) = analyse(ctx) else { return Vec::new() };
    let prefix = ctx.word.trim_start_matches(['-', '\u{2013}', '\u{2014}', '\u{2015}']);
    let mut out = Vec::new();
    for (i, p) in a.sig.params.iter().enumerate() {
        if a.bound.contains(&i) || !p.in_sets(a.mask) || !starts_with_ci(&p.name, prefix) {
            continue;
        }
        out.push(Candidate::same(format!("-{}", p.name)));
    }
    if a.sig.has_common() {
        let should = if a.sig.supports_should_process { SHOULD_PROCESS_PARAMETERS } else { &[] };
        for (name, _, _) in COMMON_PARAMETERS.iter().chain(should.iter()) {
            if !a.bound_common.contains(name) && starts_with_ci(name, prefix) && !a.sig.params.iter().any(|p| eq_ci(&p.name, name)) {
                out.push(Candidate::same(format!("-{name}")));
            }
        }
    }
    out
}

// ───────────────────────────── values ─────────────────────────────

fn argument(ctx: &Ctx) -> Vec<Candidate> {
    let Some(a) = analyse(ctx) else {
        return paths(ctx.word, false);
    };
    let (word, quote) = split_quote(ctx.word);
    let values = values_for(ctx.it, &a);
    let out: Vec<Candidate> = match values {
        Some(Values::Fixed(vals)) => filter_values(&vals, word, quote, false),
        Some(Values::World(vals)) => filter_values(&vals, word, quote, true),
        Some(Values::Commands) => {
            let names: Vec<String> = command_names(ctx.it).into_iter().filter(|n| name_matches(word, n)).collect();
            sort_dedup(names).into_iter().map(|n| Candidate { display: n.clone(), replacement: quote_value(&n, quote) }).collect()
        }
        Some(Values::None) => Vec::new(),
        None => paths(ctx.word, false),
    };
    out
}

enum Values {
    Fixed(Vec<String>),
    World(Vec<String>),
    Commands,
    None,
}

fn values_for(it: &Interp, a: &Analysis) -> Option<Values> {
    match a.target {
        Target::Common(name) => {
            if name.ends_with("Action") {
                return Some(Values::Fixed(ACTION_PREFERENCES.iter().map(|s| s.to_string()).collect()));
            }
            if COMMON_PARAMETERS.iter().chain(SHOULD_PROCESS_PARAMETERS.iter()).any(|c| c.0 == name && c.2) {
                return Some(Values::Fixed(vec!["$true".into(), "$false".into()]));
            }
            Some(Values::None)
        }
        Target::Param(i) => {
            let p = &a.sig.params[i];
            if let Some(set) = &p.validate_set {
                return Some(Values::Fixed(set.iter().map(|s| s.to_string()).collect()));
            }
            match &p.ty {
                ParamType::Enum { values, .. } => {
                    let mut v: Vec<String> = values.iter().map(|s| s.to_string()).collect();
                    v.sort_by_key(|s| s.to_ascii_lowercase());
                    return Some(Values::Fixed(v));
                }
                ParamType::Switch => return Some(Values::Fixed(vec!["$true".into(), "$false".into()])),
                ParamType::Typed(t) if **t == crate::engine::types::TypeRef::Known(crate::engine::types::Known::Bool) => {
                    return Some(Values::Fixed(vec!["$true".into(), "$false".into()]));
                }
                _ => {}
            }
            if matches!(a.command.to_ascii_lowercase().as_str(), "get-help" | "get-command") && eq_ci(&p.name, "Name") {
                return Some(Values::Commands);
            }
            if let Some(kind) = world_kind(&a.command, p) {
                return Some(Values::World(world_values(it, kind)));
            }
            None
        }
        Target::Positional(_) | Target::Unknown => None,
    }
}

thread_local! {
    /// Before the session first uses its world (it is created lazily), completion reads a
    /// preview built from the same options — the world the session will get — without
    /// creating or touching the session's own.
    static PREVIEW: std::cell::RefCell<Option<Rc<crate::sim::World>>> = const { std::cell::RefCell::new(None) };
}

fn world_values(it: &Interp, kind: CompletionKind) -> Vec<String> {
    if let Some(w) = it.world.as_deref() {
        return crate::sim::completion_candidates(w, kind);
    }
    let preview = PREVIEW.with(|p| {
        let mut p = p.borrow_mut();
        if p.is_none() {
            *p = crate::sim::World::create(&it.session.sim).ok().map(Rc::new);
        }
        p.clone()
    });
    preview.map(|w| crate::sim::completion_candidates(&w, kind)).unwrap_or_default()
}

/// Which world data a parameter takes, judged from its name and type (and the command's noun).
fn world_kind(command: &str, p: &ParamDef) -> Option<CompletionKind> {
    let name = p.name.to_ascii_lowercase();
    let ty = p.type_name.to_ascii_lowercase();
    let noun = command.split_once('-').map(|(_, n)| n.to_ascii_lowercase()).unwrap_or_default();
    if name.contains("hosturl") {
        return Some(CompletionKind::HostUrl);
    }
    if name == "url" && command.eq_ignore_ascii_case("Connect-SPOService") {
        return Some(CompletionKind::AdminUrl);
    }
    if name.contains("url") || (name == "identity" && (noun.contains("site") || ty.contains("sitepipebind"))) || name == "site" {
        return Some(CompletionKind::SiteUrl);
    }
    let user_like = ["userprincipalname", "upn", "user", "owner", "member", "mailbox", "recipient", "account", "emailaddress"];
    if user_like.iter().any(|u| name.contains(u))
        || (name == "identity" && ["user", "mailbox", "recipient", "moverequest", "mailuser", "odb"].iter().any(|n| noun.contains(n)))
    {
        return Some(CompletionKind::Upn);
    }
    if name.contains("domain") {
        return Some(CompletionKind::Domain);
    }
    if name == "tenantid" {
        return Some(CompletionKind::TenantId);
    }
    if name == "tenant" || name == "organization" || name == "delegatedorganization" {
        return Some(CompletionKind::Domain);
    }
    None
}

/// Strip an opening (and closing) quote from the word being completed.
fn split_quote(word: &str) -> (&str, Option<char>) {
    let mut chars = word.chars();
    match chars.next() {
        Some(q @ ('\'' | '"')) => {
            let rest = &word[1..];
            (rest.strip_suffix(q).unwrap_or(rest), Some(q))
        }
        _ => (word, None),
    }
}

fn unquote(s: &str) -> String {
    let (w, q) = split_quote(s);
    if q.is_some() { w.to_string() } else { s.to_string() }
}

fn needs_quotes(s: &str) -> bool {
    s.is_empty()
        || s.chars().any(|c| c.is_whitespace() || matches!(c, '\'' | '"' | '`' | '$' | ';' | ',' | '(' | ')' | '{' | '}' | '|' | '&' | '<' | '>'))
        || s.starts_with(['-', '@', '#'])
}

/// A value as it must be typed: quoted when it would not survive as a bare word.
fn quote_value(v: &str, quote: Option<char>) -> String {
    if v.starts_with('$') && quote.is_none() {
        return v.to_string();
    }
    match quote {
        Some('"') => format!("\"{}\"", v.replace('`', "``").replace('"', "`\"").replace('$', "`$")),
        Some(_) => format!("'{}'", v.replace('\'', "''")),
        None if needs_quotes(v) => format!("'{}'", v.replace('\'', "''")),
        None => v.to_string(),
    }
}

fn quote_if_needed(v: &str) -> String {
    if v.chars().any(char::is_whitespace) { format!("& '{}'", v.replace('\'', "''")) } else { v.to_string() }
}

fn filter_values(vals: &[String], word: &str, quote: Option<char>, substring_fallback: bool) -> Vec<Candidate> {
    let mut hits: Vec<&String> = vals.iter().filter(|v| name_matches(word, v)).collect();
    if hits.is_empty() && substring_fallback && !word.is_empty() {
        let lw = word.to_lowercase();
        hits = vals.iter().filter(|v| v.to_lowercase().contains(&lw)).collect();
    }
    let mut seen: Vec<&String> = Vec::new();
    let mut out = Vec::new();
    for v in hits {
        if seen.iter().any(|s| eq_ci(s, v)) {
            continue;
        }
        seen.push(v);
        out.push(Candidate { display: v.clone(), replacement: quote_value(v, quote) });
    }
    out
}

// ───────────────────────────── variables, members, operators ─────────────────────────────

fn variables(it: &Interp, word: &str, earlier: &[Token], src: &str) -> Vec<Candidate> {
    let (sigil, rest, braced) = if let Some(r) = word.strip_prefix("${") {
        ("$", r, true)
    } else if let Some(r) = word.strip_prefix('$') {
        ("$", r, false)
    } else if let Some(r) = word.strip_prefix('@') {
        ("@", r, false)
    } else {
        return Vec::new();
    };
    let (qualifier, prefix) = match rest.split_once(':') {
        Some((q, p)) => (Some(q), p),
        None => (None, rest),
    };
    let mut names: Vec<String> = Vec::new();
    match qualifier.map(|q| q.to_ascii_lowercase()) {
        Some(q) if q == "env" => {
            names.extend(std::env::vars_os().filter_map(|(k, _)| k.into_string().ok()));
            for (k, v) in &it.env {
                if v.is_some() {
                    names.push(k.clone());
                } else {
                    names.retain(|n| !n.eq_ignore_ascii_case(k));
                }
            }
        }
        Some(q) if matches!(q.as_str(), "global" | "script" | "local" | "private" | "variable") => {
            names.extend(it.visible_variables().iter().map(|(s, _)| crate::lang::sym::name_of(*s).to_string()));
        }
        Some(_) => return Vec::new(),
        None => {
            names.extend(it.visible_variables().iter().map(|(s, _)| crate::lang::sym::name_of(*s).to_string()));
            if sigil == "$" {
                names.extend(AUTOMATIC_VARIABLES.iter().map(|s| s.to_string()));
            }
            // Variables the input itself assigns or uses before the cursor (`$a = 1; $<Tab>`).
            for t in earlier.iter().filter(|t| t.kind == Kind::Variable) {
                let n = t.text(src).trim_start_matches(['$', '@']);
                if !n.is_empty() && n.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    names.push(n.to_string());
                }
            }
        }
    }
    let names = sort_dedup(names.into_iter().filter(|n| starts_with_ci(n, prefix)).collect());
    names
        .into_iter()
        .map(|n| {
            let q = qualifier.map(|q| format!("{q}:")).unwrap_or_default();
            let simple = n.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '?');
            let r = if braced || !simple { format!("{sigil}{{{q}{n}}}") } else { format!("{sigil}{q}{n}") };
            Candidate::same(r)
        })
        .collect()
}

/// `$x.Na<Tab>`: the properties of the variable's current value (no evaluation beyond reading
/// properties that are stored values).
fn members(ctx: &Ctx) -> Vec<Candidate> {
    // Walk back: Member ('.' Member)* '.' Variable, all adjacent.
    let mut chain: Vec<&str> = Vec::new();
    let mut i = ctx.idx;
    let prefix = ctx.word;
    loop {
        if i < 2 {
            return Vec::new();
        }
        let dot = ctx.toks[i - 1];
        let prev = ctx.toks[i - 2];
        if dot.kind != Kind::Operator || dot.text(ctx.src) != "." {
            return Vec::new();
        }
        match prev.kind {
            Kind::Member => {
                chain.push(prev.text(ctx.src));
                i -= 2;
            }
            Kind::Variable => {
                let name = prev.text(ctx.src).trim_start_matches('$');
                if name.contains(['{', '(']) {
                    return Vec::new();
                }
                let Some(mut v) = ctx.it.get_var_str(name) else { return Vec::new() };
                for m in chain.iter().rev() {
                    v = match property(&v, m) {
                        Some(x) => x,
                        None => return Vec::new(),
                    };
                }
                let names = sort_dedup(property_names(&v).into_iter().filter(|n| starts_with_ci(n, prefix)).collect());
                return names.into_iter().map(Candidate::same).collect();
            }
            _ => return Vec::new(),
        }
    }
}

fn property(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => {
            o.borrow().props.values().find(|p| eq_ci(&p.name, name) && matches!(p.kind, crate::engine::value::PropKind::Note)).map(|p| p.value.clone())
        }
        Value::Hashtable(h) => h.borrow().get_str(name).cloned(),
        _ => None,
    }
}

fn property_names(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) => {
            let o = o.borrow();
            let mut n: Vec<String> = o.props.values().map(|p| p.name.to_string()).collect();
            n.extend(o.methods.keys().map(|k| k.0.to_string()));
            n
        }
        Value::Hashtable(h) => {
            let mut n: Vec<String> = h.borrow().keys().iter().map(crate::engine::convert::to_display_string).collect();
            n.extend(["Count", "Keys", "Values"].iter().map(|s| s.to_string()));
            n
        }
        Value::Array(a) => {
            let mut n = vec!["Count".to_string(), "Length".to_string()];
            if let Some(first) = a.borrow().first() {
                n.extend(property_names(first));
            }
            n
        }
        Value::Str(_) => vec!["Length".into()],
        _ => Vec::new(),
    }
}

fn operators(word: &str) -> Vec<Candidate> {
    let prefix = &word[1..];
    OPERATORS.iter().filter(|o| starts_with_ci(o, prefix)).map(|o| Candidate::same(format!("-{o}"))).collect()
}

// ───────────────────────────── paths ─────────────────────────────

/// File-system completion (pwsh's fallback): directories first, then files; `./` before
/// relative names; quoted when needed. `scripts_only` keeps directories and `.ps1` files.
fn paths(word: &str, scripts_only: bool) -> Vec<Candidate> {
    let (w, quote) = split_quote(word);
    let (dir_part, file_prefix) = match w.rfind(['/', '\\']) {
        Some(i) => (&w[..=i], &w[i + 1..]),
        None => ("", w),
    };
    let dir_path = if dir_part.is_empty() {
        std::path::PathBuf::from(".")
    } else if let Some(rest) = dir_part.strip_prefix("~/").or_else(|| dir_part.strip_prefix("~\\")) {
        std::path::PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(rest)
    } else {
        std::path::PathBuf::from(dir_part)
    };
    let Ok(rd) = std::fs::read_dir(&dir_path) else { return Vec::new() };
    let mut dirs: Vec<String> = Vec::new();
    let mut files: Vec<String> = Vec::new();
    for e in rd.flatten().take(2000) {
        let Ok(name) = e.file_name().into_string() else { continue };
        if name.starts_with('.') && !file_prefix.starts_with('.') {
            continue;
        }
        if !starts_with_ci(&name, file_prefix) {
            continue;
        }
        let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false) || e.path().is_dir();
        if is_dir {
            dirs.push(name);
        } else if !scripts_only || name.to_ascii_lowercase().ends_with(".ps1") {
            files.push(name);
        }
    }
    let prefix = if dir_part.is_empty() { "./".to_string() } else { dir_part.to_string() };
    let dirs = sort_dedup(dirs);
    let files = sort_dedup(files);
    let mut out = Vec::new();
    for (n, is_dir) in dirs.into_iter().map(|d| (d, true)).chain(files.into_iter().map(|f| (f, false))) {
        let full = format!("{prefix}{n}{}", if is_dir { "/" } else { "" });
        let replacement = if quote.is_some() || needs_quotes(&full) { quote_value(&full, Some(quote.unwrap_or('\''))) } else { full };
        out.push(Candidate { display: format!("{n}{}", if is_dir { "/" } else { "" }), replacement });
    }
    out
}
