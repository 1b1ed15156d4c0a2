//! The lint rules (see the table in `lint::RULES`) and the contexts they run in.
//!
//! Command rules read arguments through the static binding (`CmdCtx::value`), not by parsing
//! argument text; they read the *original* text at a span only to see how something was
//! written (a placeholder, a dash, a line break) — after a parse error the tree comes from a
//! repaired copy with the same offsets.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::engine::bind::{BindError, Bound, COMMON_PARAMETERS, SHOULD_PROCESS_PARAMETERS, SigKind, Signature};
use crate::engine::value::Value;
use crate::lang::ast::*;
use crate::lang::sym::{eq_ci, starts_with_ci};
use crate::lint::recover::Class;
use crate::lint::{Finding, Role, Unit, Worlds, csvfiles};

// ───────────────────────────── contexts ─────────────────────────────

/// The SharePoint connection at a point of the script.
#[derive(Debug, Clone, Default)]
pub struct Conn {
    /// The `-Url` given, when known statically.
    pub url: Option<String>,
    /// The tenant it names in the world, when it names one.
    pub tenant: Option<String>,
}

/// The statement before the current one (for commands split over two lines).
pub struct PrevCommand {
    pub name: String,
    pub sig: Option<Rc<Signature>>,
    pub span: Span,
}

/// A command call, bound statically, with the state of the script where it runs.
pub struct CmdCtx<'a> {
    pub unit: &'a Unit,
    pub call: &'a CommandCall,
    /// The command's name with aliases resolved (as declared, when declared).
    pub name: &'a str,
    pub sig: Option<&'a Signature>,
    /// The binding, with tracked variables resolved; None when binding failed.
    pub bound: Option<&'a Bound>,
    /// Why static binding failed (what pwsh reports).
    pub error: Option<&'a BindError>,
    pub prev: Option<&'a PrevCommand>,
    pub worlds: &'a Worlds,
    /// The SharePoint connection (None: not connected, or not known in a function body).
    pub conn: Option<&'a Conn>,
    /// In a function body: runs when called, not here.
    pub deferred: bool,
}

impl<'a> CmdCtx<'a> {
    pub fn text(&self, span: Span) -> &'a str {
        self.unit.file.slice(span)
    }
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
    /// A parameter's bound value as a string, and where it was written.
    pub fn value(&self, param: &str) -> Option<(String, Span)> {
        let (sig, b) = (self.sig?, self.bound?);
        let i = sig.param_index(param)?;
        let v = b.values.get(i)?.as_ref()?;
        let s = match v {
            Value::Str(s) => s.to_string(),
            v if crate::cli::check::is_unknown(v) || v.is_null() => return None,
            Value::Array(_) | Value::List(_) => return None,
            v => crate::engine::convert::to_display_string(v),
        };
        Some((s, b.spans.get(i).copied().flatten().unwrap_or(self.call.span)))
    }
    /// The written `-Name` arguments, with the parameter each one names (exact, alias or prefix).
    pub fn named_args(&self) -> impl Iterator<Item = (&'a str, Option<&'a str>, Span, Option<&'a Expr>)> + '_ {
        self.call.args.iter().filter_map(move |a| match a {
            CommandArg::Param { name, span, value, .. } => Some((&**name, self.sig.and_then(|s| param_named(s, name)), *span, value.as_ref())),
            _ => None,
        })
    }
    /// The expression written as the value of a parameter (`-Name:value` or `-Name value`).
    pub fn written_value(&self, param: &str) -> Option<&'a Expr> {
        let args = &self.call.args;
        for (i, a) in args.iter().enumerate() {
            let CommandArg::Param { name, value, .. } = a else { continue };
            let full = self.sig.and_then(|s| param_named(s, name)).unwrap_or(name);
            if !eq_ci(full, param) {
                continue;
            }
            return match (value, args.get(i + 1)) {
                (Some(e), _) => Some(e),
                (None, Some(CommandArg::Value(e))) => Some(e),
                _ => None,
            };
        }
        None
    }
    /// Every argument value expression: positional ones and `-Name value` ones.
    pub fn values(&self) -> Vec<&'a Expr> {
        let mut out = Vec::new();
        for a in &self.call.args {
            match a {
                CommandArg::Param { value: Some(e), .. } | CommandArg::Value(e) => out.push(e),
                _ => {}
            }
        }
        out
    }
    /// The command name as written.
    fn written_name(&self) -> &'a str {
        match &self.call.name {
            CommandName::Bare(n) => n,
            CommandName::Expr(_) => "",
        }
    }
    fn line(&self, at: u32) -> usize {
        self.unit.file.line_col(at).0
    }
}

/// The full name of the parameter `-name` binds to: exact name, alias, or unique prefix.
pub fn param_named<'s>(sig: &'s Signature, name: &str) -> Option<&'s str> {
    if let Some(i) = sig.param_index(name) {
        return Some(&sig.params[i].name);
    }
    if let Some(p) = sig.params.iter().find(|p| p.aliases.iter().any(|a| eq_ci(a, name))) {
        return Some(&p.name);
    }
    let mut prefixed = sig.params.iter().filter(|p| starts_with_ci(&p.name, name));
    match (prefixed.next(), prefixed.next()) {
        (Some(p), None) => Some(&p.name),
        _ => None,
    }
}

pub struct ExprCtx<'a> {
    pub unit: &'a Unit,
    pub expr: &'a Expr,
}

/// What the script-wide rules know of one migration command.
#[derive(Debug, Clone)]
pub struct Site {
    pub span: Span,
    pub name: String,
    pub deferred: bool,
    pub conn: Option<Conn>,
    /// Bound parameters with a known string value: (parameter, value, where written).
    pub values: Vec<(String, String, Span)>,
}

impl Site {
    pub fn of(cx: &CmdCtx) -> Site {
        let mut values = Vec::new();
        if let (Some(sig), Some(_)) = (cx.sig, cx.bound) {
            for p in &sig.params {
                if let Some((v, span)) = cx.value(&p.name) {
                    values.push((p.name.to_string(), v, span));
                }
            }
        }
        Site { span: cx.call.span, name: cx.name.to_string(), deferred: cx.deferred, conn: cx.conn.cloned(), values }
    }
    pub fn value(&self, param: &str) -> Option<&str> {
        self.values.iter().find(|(p, _, _)| eq_ci(p, param)).map(|(_, v, _)| v.as_str())
    }
    fn value_at(&self, param: &str) -> Option<(&str, Span)> {
        self.values.iter().find(|(p, _, _)| eq_ci(p, param)).map(|(_, v, s)| (v.as_str(), *s))
    }
    /// Commands the script-wide rules look at: the cross-tenant cmdlets and the identity map.
    pub fn is_interesting(&self) -> bool {
        contains_ci(&self.name, "CrossTenant") || starts_with_ci(&self.name, "Add-SPOTenantIdentityMap")
    }
    fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

pub struct ScriptCtx<'a> {
    pub unit: &'a Unit,
    pub sites: &'a [Site],
    pub worlds: &'a Worlds,
    /// Strings that look like SharePoint URLs, where they are.
    pub urls: &'a [(Span, String)],
    /// Tenants the script creates (New-TenantSimTenant).
    pub created_tenants: &'a [String],
    role_findings: OnceCell<Vec<Finding>>,
}

impl<'a> ScriptCtx<'a> {
    pub fn new(unit: &'a Unit, sites: &'a [Site], worlds: &'a Worlds, urls: &'a [(Span, String)], created_tenants: &'a [String]) -> ScriptCtx<'a> {
        ScriptCtx { unit, sites, worlds, urls, created_tenants, role_findings: OnceCell::new() }
    }
    fn line(&self, at: u32) -> usize {
        self.unit.file.line_col(at).0
    }
}

pub fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.len() >= needle.len() && hay.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn is_quote(c: char) -> bool {
    matches!(c, '\'' | '"' | '\u{2018}'..='\u{201E}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

fn dash_name(c: char) -> &'static str {
    match c {
        '\u{2013}' => "an en-dash",
        '\u{2014}' => "an em-dash",
        '\u{2015}' => "a horizontal bar",
        _ => "a dash",
    }
}

fn short(s: &str) -> String {
    let t: String = s.chars().take(60).collect();
    if t.len() < s.len() { format!("{t}…") } else { t }
}

// ───────────────────────────── placeholders ─────────────────────────────

/// What to put instead of a placeholder, from its words.
fn placeholder_hint(text: &str) -> String {
    let l = text.to_ascii_lowercase();
    let words: Vec<&str> = l.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let has = |w: &str| words.contains(&w);
    let host_url = l.contains("crosstenanthosturl") || l.contains("hostname") || has("url") && (has("source") || has("target") || has("partner"));
    if let (true, Some(role)) = (host_url, role_named_in(text)) {
        return format!(
            "replace {} with the {} tenant's cross-tenant host URL (what Get-SPOCrossTenantHostUrl returns on it, e.g. https://contoso-my.sharepoint.com/)",
            text.trim(),
            role.lower()
        );
    }
    let what = if host_url {
        "the partner tenant's cross-tenant host URL (what Get-SPOCrossTenantHostUrl returns on it, e.g. https://contoso-my.sharepoint.com/)"
    } else if l.contains("tenantname") {
        "the tenant's name (its admin URL is https://NAME-admin.sharepoint.com)"
    } else if l.contains(".csv") {
        "the full path of the CSV file"
    } else if has("id") || has("guid") {
        "the GUID it names"
    } else if has("password") || has("secret") {
        "the secret (read it from a secret store rather than writing it into the script)"
    } else if has("upn") || has("smtp") || has("identity") || l.contains("principal") || has("user") || has("mailbox") {
        "the user's name or address (e.g. alice@contoso.onmicrosoft.com)"
    } else if has("url") {
        "the URL it names"
    } else if has("name") || has("alias") {
        "the name it describes"
    } else {
        "the value it describes"
    };
    format!("replace {} with {what}", text.trim())
}

/// A placeholder that says nothing (`<…>`) is explained by the parameter it is the value of.
pub fn refine_placeholder_fix(f: &mut Finding, text: &str, param: &str) {
    if !f.fix.as_deref().is_some_and(|x| x.ends_with("with the value it describes")) {
        return;
    }
    let what = if contains_ci(param, "CrossTenantHostUrl") {
        "the other tenant's cross-tenant host URL (what Get-SPOCrossTenantHostUrl returns on it, e.g. https://contoso-my.sharepoint.com/)".to_string()
    } else if contains_ci(param, "PrincipalName") {
        "a user principal name (e.g. alice@contoso.onmicrosoft.com)".to_string()
    } else if contains_ci(param, "Date") {
        "a date and time in UTC (e.g. \"2026-12-01T22:00:00Z\")".to_string()
    } else if contains_ci(param, "SiteUrl") {
        "a site URL (e.g. https://contoso.sharepoint.com/sites/name)".to_string()
    } else if contains_ci(param, "Alias") {
        "the group's alias".to_string()
    } else {
        format!("the value of -{param}")
    };
    f.fix = Some(format!("replace {} with {what}", text.trim()));
}

/// Where a placeholder was written, which decides what PowerShell makes of it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// `<…>` starting a word: the reserved `<` operator, a parse error.
    TokenStart,
    /// Inside a bareword (`https://<TenantName>-admin…`): part of the argument.
    InWord,
    /// Inside quotes: a literal string.
    Quoted,
}

pub fn placeholder(span: Span, text: &str, written: Written) -> Finding {
    let t = text.trim();
    let msg = match written {
        Written::TokenStart => format!("placeholder {t} left in: `<` starting a word is PowerShell's reserved input-redirection operator"),
        Written::InWord => format!("placeholder {t} left in: PowerShell passes it as part of the argument, which then names nothing"),
        Written::Quoted => format!("placeholder {t} left in: it is passed as literal text"),
    };
    Finding::new("PlaceholderLeftIn", span, msg).fix(placeholder_hint(text)).covering(span)
}

const HTML_TAGS: &[&str] = &[
    "a", "b", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "hr", "html", "body", "head", "i", "li", "ol", "p", "pre", "span", "strong", "style", "table",
    "tbody", "td", "th", "thead", "title", "tr", "ul",
];

/// `<…>` spans (byte ranges within `s`) that read as placeholders.
fn angle_spans(s: &str, in_string: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &s[i + 1..];
        let stop = rest.find(|c: char| "<>|;{}()\"'`$\n\r".contains(c)).unwrap_or(rest.len());
        if stop == 0 || !rest[stop..].starts_with('>') || rest.starts_with([' ', '/', '#', '=']) {
            i += 1;
            continue;
        }
        let inner = &rest[..stop];
        let end = i + 1 + stop + 1;
        let tag = inner.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        let html = HTML_TAGS.contains(&tag.as_str());
        // A whole quoted string is a placeholder when it reads like one (`"<Tenant ID>"`), not a
        // marker (`'<root>'`).
        let whole = s.trim() == &s[i..end] && inner.contains(|c: char| c.is_uppercase() || c == ' ' || c == '…' || c == '.');
        let before = s[..i].chars().next_back();
        let after = s[end..].chars().next();
        let glued = before.is_some_and(|c| "@./-:".contains(c)) || after.is_some_and(|c| ".@-/:".contains(c));
        if !in_string || (!html && (whole || glued)) {
            out.push((i, end));
        }
        i = end;
    }
    out
}

/// A bracketed placeholder: `[words with spaces]` (no variables, mostly letters).
fn is_bracket_placeholder(inner: &str) -> bool {
    inner.contains(' ')
        && !inner.contains('$')
        && inner.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && inner.chars().all(|c| c.is_alphanumeric() || " -_.,'/@()".contains(c))
}

pub fn placeholder_in_value(cx: &ExprCtx, out: &mut Vec<Finding>) {
    let e = cx.expr;
    if !matches!(e.kind, ExprKind::Const(Value::Str(_)) | ExprKind::Expandable(_)) {
        return;
    }
    let text = cx.unit.text(e.span);
    if text.is_empty() || text.starts_with('@') || text.contains('\n') {
        return;
    }
    let first = text.chars().next().unwrap_or(' ');
    if is_quote(first) {
        let inner = text[first.len_utf8()..].trim_end_matches(is_quote);
        let offset = first.len_utf8();
        let t = inner.trim();
        if t.starts_with('[') && t.ends_with(']') && is_bracket_placeholder(&t[1..t.len() - 1]) {
            out.push(placeholder(e.span, text, Written::Quoted));
            return;
        }
        for (a, b) in angle_spans(inner, true) {
            let span = Span::new(e.span.start as usize + offset + a, e.span.start as usize + offset + b);
            out.push(placeholder(span, &inner[a..b], Written::Quoted));
        }
        return;
    }
    for (a, b) in angle_spans(text, false) {
        let span = Span::new(e.span.start as usize + a, e.span.start as usize + b);
        out.push(placeholder(span, &text[a..b], if a == 0 { Written::TokenStart } else { Written::InWord }));
    }
}

/// `[Target tenant hostname]` unquoted: each word is a separate argument.
pub fn bracket_placeholder(cx: &CmdCtx, out: &mut Vec<Finding>) {
    let text = &cx.unit.file.text;
    let mut covered_to = 0u32;
    for e in cx.values() {
        if e.span.start < covered_to {
            continue;
        }
        let t = cx.text(e.span);
        if !t.starts_with('[') {
            continue;
        }
        let from = e.span.start as usize;
        let line_end = text[from..].find(['\n', '\r']).map(|x| from + x).unwrap_or(text.len());
        let Some(close) = text[from..line_end].find(']') else { continue };
        let inner = &text[from + 1..from + close];
        if !is_bracket_placeholder(inner) {
            continue;
        }
        let span = Span::new(from, from + close + 1);
        let words = inner.split_whitespace().count();
        out.push(
            Finding::new(
                "BracketPlaceholder",
                span,
                format!("placeholder [{inner}] left in: unquoted, PowerShell passes its {words} words as {words} separate arguments"),
            )
            .fix(placeholder_hint(&format!("[{inner}]")))
            .covering(span),
        );
        covered_to = span.end;
    }
}

// ───────────────────────────── how a command is written ─────────────────────────────

/// `Stop-SPOCrossTenantUserContentMove – SourceUserPrincipalName …`
pub fn dash_space(cx: &CmdCtx, out: &mut Vec<Finding>) {
    let args = &cx.call.args;
    for (i, a) in args.iter().enumerate() {
        let CommandArg::Value(e) = a else { continue };
        let t = cx.text(e.span);
        let mut chars = t.chars();
        let (Some(d), None) = (chars.next(), chars.next()) else { continue };
        if !is_dash(d) {
            continue;
        }
        let next = args.get(i + 1).and_then(|n| match n {
            CommandArg::Value(x) if cx.line(x.span.start) == cx.line(e.span.start) => Some(x),
            _ => None,
        });
        match next {
            Some(n) if cx.text(n.span).chars().all(|c| c.is_alphanumeric() || c == '_') => {
                let name = cx.text(n.span);
                let known = cx.sig.and_then(|s| param_named(s, name)).map(str::to_string).unwrap_or_else(|| name.to_string());
                let span = e.span.to(n.span);
                out.push(
                    Finding::new(
                        "DashSpace",
                        e.span,
                        format!(
                            "`{d} {name}`: {} followed by a space is not a parameter name, so PowerShell passes '{d}' and '{name}' as two positional arguments",
                            dash_name(d)
                        ),
                    )
                    .fix(format!("remove the space: -{known}"))
                    .covering(span),
                );
            }
            _ => out.push(
                Finding::new("DashSpace", e.span, format!("{} with nothing after it is passed as the argument '{d}'", dash_name(d)))
                    .fix("remove the stray dash")
                    .covering(e.span),
            ),
        }
    }
}

/// `… -TargetUserPrincipalName` ⏎ `value …`
pub fn value_on_next_line(cx: &CmdCtx, out: &mut Vec<Finding>) {
    let Some(err) = cx.error.filter(|e| e.id == "MissingArgument") else { return };
    let Some(span) = err.span else { return };
    let text = &cx.unit.file.text;
    let end = span.end as usize;
    let line_end = text[end..].find('\n').map(|x| end + x).unwrap_or(text.len());
    let rest = text[end..line_end].trim();
    if !(rest.is_empty() || rest.starts_with('#')) || line_end >= text.len() {
        return;
    }
    let next_start = line_end + 1;
    let next_end = text[next_start..].find('\n').map(|x| next_start + x).unwrap_or(text.len());
    let next = &text[next_start..next_end];
    let value = next.trim();
    if value.is_empty() || value.starts_with('#') {
        return;
    }
    let param = cx.text(span);
    let line = cx.line(span.start);
    out.push(
        Finding::new(
            "ValueOnNextLine",
            span,
            format!("{param} has no value on this line: the line break ends the command, so the value on line {} is not passed", line + 1),
        )
        .fix("put the value on the same line, or end this line with a backtick (`) to continue the command")
        .covering(span),
    );
    let indent = next.len() - next.trim_start().len();
    let vstart = next_start + indent;
    let vend = next_start + next.trim_end().len();
    let first_word = value.split_whitespace().next().unwrap_or("");
    out.push(
        Finding::new(
            "ValueOnNextLine",
            Span::new(vstart, vend),
            format!("this line runs as a command of its own: `{}` was meant as the value of {param} on line {line}", short(first_word)),
        )
        .fix(format!("join this line to line {line}"))
        .covering(Span::new(vstart, vend)),
    );
}

/// `IdentityMapPath – ` on the line after `Add-SPOTenantIdentityMap …`
pub fn parameter_on_own_line(cx: &CmdCtx, out: &mut Vec<Finding>) {
    if cx.sig.is_some() {
        return;
    }
    let Some(prev) = cx.prev else { return };
    let Some(psig) = prev.sig.as_deref() else { return };
    let written = cx.written_name();
    let name = written.trim_start_matches(is_dash);
    let Some(i) = psig.param_index(name) else { return };
    let prev_line = cx.line(prev.span.end);
    if cx.line(cx.call.span.start) != prev_line + 1 {
        return;
    }
    let pname = &psig.params[i].name;
    let prev_text = cx.unit.file.slice(prev.span);
    let already = prev_text.split_whitespace().any(|w| w.trim_start_matches(is_dash).eq_ignore_ascii_case(pname));
    let fix = if already {
        format!("delete this line: line {prev_line} already gives -{pname}")
    } else {
        format!("move it onto line {prev_line} as -{pname} <value>")
    };
    out.push(
        Finding::new(
            "ParameterOnOwnLine",
            cx.call.span,
            format!("`{written}` is not a command: it is the parameter -{pname} of {} (line {prev_line}), left on a line of its own", prev.name),
        )
        .fix(fix)
        .covering(cx.call.span),
    );
}

/// `Format-Table User, AccessRights, is Inherited, Deny`
pub fn space_in_list(cx: &CmdCtx, out: &mut Vec<Finding>) {
    let Some(err) = cx.error.filter(|e| e.id == "PositionalParameterNotFound") else { return };
    let Some(at) = err.span else { return };
    let args = &cx.call.args;
    let Some(i) = args.iter().position(|a| matches!(a, CommandArg::Value(e) if e.span.start <= at.start && at.start < e.span.end.max(e.span.start + 1))) else {
        return;
    };
    let (Some(CommandArg::Value(prev)), CommandArg::Value(this)) = (i.checked_sub(1).and_then(|p| args.get(p)), &args[i]) else { return };
    let gap = cx.unit.file.slice(Span { start: prev.span.end, end: this.span.start });
    if !gap.chars().all(|c| c == ' ' || c == '\t') || gap.is_empty() {
        return;
    }
    let last = match &prev.kind {
        ExprKind::Array(items) => items.last(),
        _ => None,
    };
    let first = match &this.kind {
        ExprKind::Array(items) => items.first(),
        _ => Some(this),
    };
    let (Some(last), Some(first)) = (last, first) else { return };
    let (lt, ft) = (cx.text(last.span), cx.text(first.span));
    if !lt.chars().chain(ft.chars()).all(|c| c.is_alphanumeric() || c == '_') {
        return;
    }
    let mut joined: String = lt.chars().take(1).flat_map(char::to_uppercase).collect();
    joined.push_str(&lt[lt.chars().next().map(char::len_utf8).unwrap_or(0)..]);
    joined.push_str(ft);
    let span = last.span.to(first.span);
    out.push(
        Finding::new(
            "SpaceInList",
            span,
            format!("`{lt} {ft}`: the space ends the comma-separated list, so PowerShell passes `{}` as another argument", short(cx.text(this.span))),
        )
        .fix(format!("write one name ({joined}) or quote it ('{lt} {ft}')"))
        .covering(span.to(this.span)),
    );
}

/// `Enable-Mailbox -Archive mailbox@contoso.onmicrosoft.com.`
pub fn trailing_period(cx: &CmdCtx, out: &mut Vec<Finding>) {
    for e in cx.values() {
        if !matches!(e.kind, ExprKind::Const(Value::Str(_))) {
            continue;
        }
        let t = cx.text(e.span);
        if t.starts_with(is_quote) || !t.ends_with('.') || t.len() < 4 {
            continue;
        }
        let body = &t[..t.len() - 1];
        let addressy = body.contains('@') || body.contains("://") || body.to_ascii_lowercase().ends_with(".com");
        if addressy && body.ends_with(|c: char| c.is_alphanumeric()) {
            out.push(
                Finding::new("TrailingPeriod", e.span, format!("`{t}` ends with a period: the sentence's full stop became part of the value"))
                    .fix(format!("remove the trailing period: {body}"))
                    .covering(e.span),
            );
        }
    }
}

/// Where `$name=` is glued to what comes before it (`…$sourceTenantId$orgrels=Get-…`).
pub fn glued_assignment(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    for (i, c) in b.iter().enumerate() {
        if *c != b'$' || i == 0 || b[i - 1].is_ascii_whitespace() {
            continue;
        }
        let name_len = s[i + 1..].find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len() - i - 1);
        if name_len > 0 && s[i + 1 + name_len..].starts_with('=') && !s[i + 1 + name_len..].starts_with("==") {
            return Some(i);
        }
    }
    None
}

fn run_together(span: Span, glued: &str) -> Finding {
    Finding::new("StatementsRunTogether", span, format!("`{}` is glued to what comes before it: two statements run together on one line", short(glued)))
        .fix("start it on a new line")
        .covering(span)
}

pub fn statements_run_together(cx: &CmdCtx, out: &mut Vec<Finding>) {
    for e in cx.values() {
        if !matches!(e.kind, ExprKind::Const(Value::Str(_)) | ExprKind::Expandable(_)) {
            continue;
        }
        let t = cx.text(e.span);
        if t.starts_with(is_quote) {
            continue;
        }
        if let Some(at) = glued_assignment(t) {
            let span = Span::new(e.span.start as usize + at, e.span.end as usize);
            out.push(run_together(span, &t[at..]));
        }
    }
}

/// Text-level checks for a range that does not parse even after repairs.
pub fn text_fallback(text: &str, class: &[Class], range: Span, out: &mut Vec<Finding>) {
    let (from, to) = (range.start as usize, range.end as usize);
    let mut start = from;
    for line in text[from..to].split_inclusive('\n') {
        let trimmed_len = line.trim_end().len();
        // Strings and comments blanked byte for byte, so offsets stay those of the text.
        let mut code = String::with_capacity(trimmed_len);
        for (i, c) in line[..trimmed_len].char_indices() {
            if class.get(start + i) == Some(&Class::Code) {
                code.push(c);
            } else {
                code.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
        for word_start in std::iter::once(0).chain(code.match_indices(char::is_whitespace).map(|(i, _)| i + 1)) {
            let word = code[word_start..].split_whitespace().next().unwrap_or("");
            if word.is_empty() || code[word_start..].starts_with(char::is_whitespace) {
                continue;
            }
            if let Some(at) = glued_assignment(word) {
                let s = start + word_start + at;
                out.push(run_together(Span::new(s, start + word_start + word.len()), &word[at..]));
            }
        }
        start += line.len();
    }
}

pub fn stray_pipe(span: Span, param: &str) -> Finding {
    Finding::new("StrayPipe", span, format!("a `|` right after {param}: the pipe ends the command there, and its value becomes the next pipeline element"))
        .fix("remove the |")
        .covering(span)
}

pub fn pasted_output(span: Span, table: bool) -> Finding {
    let msg = if table {
        "command output pasted into the script: this table (header, dashes, rows) is what the command printed, not code"
    } else {
        "a confirmation prompt pasted into the script: the question and its [Y] Yes … choices are what the command asked, not code"
    };
    Finding::new("PastedOutput", span, msg).fix("delete these lines (show output in a separate text block)").covering(span)
}

/// `PS C:\> Connect-MgGraph …`: an example copied with the prompt it was typed at.
pub fn pasted_prompt(cx: &CmdCtx, out: &mut Vec<Finding>) {
    if cx.sig.is_some() || !cx.written_name().eq_ignore_ascii_case("PS") {
        return;
    }
    let text = &cx.unit.file.text;
    let from = cx.call.span.start as usize;
    let line_end = text[from..].find('\n').map(|x| from + x).unwrap_or(text.len());
    let line = &text[from..line_end];
    // `PS>` or `PS C:\path>`, then the command.
    let Some(gt) = line.find('>') else { return };
    let between = &line[2..gt];
    if between.contains(['|', ';', '"', '\'']) || line[gt + 1..].trim().is_empty() {
        return;
    }
    let prompt = &line[..=gt];
    out.push(
        Finding::new(
            "PastedPrompt",
            cx.call.span,
            format!("`{prompt}` is the prompt the example was typed at: PowerShell runs a command named PS and redirects its output"),
        )
        .fix(format!("remove `{prompt} ` from the start of the line"))
        .covering(cx.call.span),
    );
}

/// `-EmailAddress` for `-EmailAddresses`.
pub fn abbreviated_parameter(cx: &CmdCtx, out: &mut Vec<Finding>) {
    let Some(sig) = cx.sig else { return };
    if sig.kind == SigKind::Simple {
        return;
    }
    for (written, _, span, _) in cx.named_args() {
        if written.is_empty() || sig.param_index(written).is_some() || sig.params.iter().any(|p| p.aliases.iter().any(|a| eq_ci(a, written))) {
            continue;
        }
        let common = COMMON_PARAMETERS.iter().chain(SHOULD_PROCESS_PARAMETERS.iter());
        if common.clone().any(|(n, aliases, _)| eq_ci(n, written) || aliases.iter().any(|a| eq_ci(a, written))) {
            continue;
        }
        let mut full: Vec<&str> = sig.params.iter().filter(|p| starts_with_ci(&p.name, written)).map(|p| &*p.name).collect();
        if sig.has_common() {
            full.extend(common.filter(|(n, _, _)| starts_with_ci(n, written)).map(|(n, _, _)| *n));
        }
        if let [full] = full[..] {
            out.push(
                Finding::new("AbbreviatedParameter", span, format!("-{written} is an abbreviation of -{full}: it binds by prefix, and stops working if the cmdlet gains a parameter it is also the prefix of"))
                    .fix(format!("write -{full}")),
            );
        }
    }
}

/// `ConvertTo-SecureString … -AsPlainText` without `-Force`.
pub fn as_plain_text_without_force(cx: &CmdCtx, out: &mut Vec<Finding>) {
    if !cx.is("ConvertTo-SecureString") {
        return;
    }
    let named: Vec<(&str, Span)> = cx.named_args().map(|(w, full, span, _)| (full.unwrap_or(w), span)).collect();
    let plain = named.iter().find(|(n, _)| eq_ci(n, "AsPlainText"));
    let force = named.iter().any(|(n, _)| eq_ci(n, "Force"));
    if let (Some((_, span)), false) = (plain, force) {
        out.push(
            Finding::new(
                "AsPlainTextWithoutForce",
                *span,
                "-AsPlainText without -Force: pwsh 7 accepts it, Windows PowerShell 5.1 (where Exchange runbooks often run) refuses it",
            )
            .fix("add -Force"),
        );
    }
}

// ───────────────────────────── which cmdlet ─────────────────────────────

/// Multi-Geo cmdlets (moves between the geo locations of one tenant) and their cross-tenant
/// counterparts.
const MULTI_GEO: &[(&str, &str)] = &[
    ("Start-SPOUserAndContentMove", "Start-SPOCrossTenantUserContentMove"),
    ("Stop-SPOUserAndContentMove", "Stop-SPOCrossTenantUserContentMove"),
    ("Get-SPOUserAndContentMoveState", "Get-SPOCrossTenantUserContentMoveState"),
    ("Start-SPOSiteContentMove", "Start-SPOCrossTenantSiteContentMove"),
    ("Stop-SPOSiteContentMove", "Stop-SPOCrossTenantSiteContentMove"),
    ("Get-SPOSiteContentMoveState", "Get-SPOCrossTenantSiteContentMoveState"),
    ("Start-SPOUnifiedGroupMove", "Start-SPOCrossTenantGroupContentMove"),
    ("Get-SPOUnifiedGroupMoveState", "Get-SPOCrossTenantGroupContentMoveState"),
];

/// Parameters only a cross-tenant move has.
fn is_cross_tenant_parameter(name: &str) -> bool {
    contains_ci(name, "CrossTenant")
        || ["SourceUserPrincipalName", "TargetUserPrincipalName", "SourceGroupAlias", "TargetGroupAlias", "TargetSiteUrl"].iter().any(|p| eq_ci(p, name))
}

pub fn multi_geo_cmdlet(cx: &CmdCtx, out: &mut Vec<Finding>) {
    let written = cx.written_name();
    let Some((geo, cross)) = MULTI_GEO.iter().find(|(g, _)| eq_ci(g, written) || eq_ci(g, cx.name)) else { return };
    let Some((p, _, _, _)) = cx.named_args().find(|(w, _, _, _)| is_cross_tenant_parameter(w)) else { return };
    out.push(
        Finding::new(
            "MultiGeoCmdlet",
            cx.call.span,
            format!("{geo} is the Multi-Geo cmdlet (moves between the geo locations of one tenant) and has no -{p}: a cross-tenant move uses {cross}"),
        )
        .fix(format!("replace {written} with {cross}"))
        .covering(cx.call.span),
    );
}

const MOVE_KINDS: &[&str] = &["User", "Site", "Group"];

/// `Start-SPOCrossTenantGroupContentMove -SourceSiteUrl …`
pub fn wrong_move_cmdlet(cx: &CmdCtx, out: &mut Vec<Finding>) {
    if cx.error.is_none_or(|e| e.id != "NamedParameterNotFound") {
        return;
    }
    let Some((verb, kind, suffix)) = MOVE_KINDS.iter().find_map(|k| {
        let lower = cx.name.to_ascii_lowercase();
        let needle = format!("-spocrosstenant{}contentmove", k.to_ascii_lowercase());
        let at = lower.find(&needle)?;
        Some((&cx.name[..at], *k, &cx.name[at + needle.len()..]))
    }) else {
        return;
    };
    let written: Vec<&str> = cx.named_args().map(|(w, _, _, _)| w).collect();
    let common =
        |w: &str| COMMON_PARAMETERS.iter().chain(SHOULD_PROCESS_PARAMETERS.iter()).any(|(n, a, _)| starts_with_ci(n, w) || a.iter().any(|x| eq_ci(x, w)));
    let Some(missing) = written.iter().find(|w| cx.sig.and_then(|s| param_named(s, w)).is_none() && !common(w)) else { return };
    for other in MOVE_KINDS.iter().filter(|k| **k != kind) {
        let candidate = format!("{verb}-SPOCrossTenant{other}ContentMove{suffix}");
        let Some(d) = crate::cmdlets::declared(&candidate) else { continue };
        if written.iter().all(|w| param_named(&d.0, w).is_some() || common(w)) {
            out.push(
                Finding::new(
                    "WrongMoveCmdlet",
                    cx.call.span,
                    format!("{} moves {} and has no -{missing}: with these parameters it is {}", cx.name, kind_noun(kind), d.1.name),
                )
                .fix(format!("use {}", d.1.name))
                .covering(cx.call.span),
            );
            return;
        }
    }
}

fn kind_noun(kind: &str) -> &'static str {
    match kind {
        "User" => "OneDrives (users)",
        "Site" => "sites",
        _ => "group-connected sites (groups)",
    }
}

// ───────────────────────────── values against the world ─────────────────────────────

/// The tenant a SharePoint URL names, by its host (`x`, `x-my`, `x-admin`).
fn url_label(url: &str) -> Option<String> {
    let l = url.trim().to_ascii_lowercase();
    let rest = l.strip_prefix("https://").or_else(|| l.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let label = host.strip_suffix(".sharepoint.com")?;
    let base = label.strip_suffix("-my").or_else(|| label.strip_suffix("-admin")).unwrap_or(label);
    Some(base.to_string())
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

pub fn not_admin_url(cx: &CmdCtx, out: &mut Vec<Finding>) {
    if !cx.is("Connect-SPOService") {
        return;
    }
    let Some((url, span)) = cx.value("Url") else { return };
    let Some(w) = cx.worlds.get() else { return };
    let Some((i, kind)) = w.tenant_by_url(&url) else { return };
    if kind != crate::sim::world::HostKind::Admin {
        let t = w.tenant(i);
        out.push(
            Finding::new("NotAdminUrl", span, format!("{url} is not a tenant administration site: Connect-SPOService takes the -admin URL of {}", t.name))
                .fix(format!("use {}", t.admin_url())),
        );
    }
}

pub fn unknown_tenant_hosts(cx: &ScriptCtx, out: &mut Vec<Finding>) {
    if cx.urls.is_empty() {
        return;
    }
    let Some(w) = cx.worlds.get() else { return };
    for (span, value) in cx.urls {
        let written = cx.unit.text(*span);
        if written.contains(['<', '[', '$', '{']) {
            continue;
        }
        let Some(label) = url_label(value) else { continue };
        if w.tenant_by_url(value).is_some() || w.tenant_index(&label).is_some() || cx.created_tenants.iter().any(|t| t.eq_ignore_ascii_case(&label)) {
            continue;
        }
        let names: Vec<&str> = w.tenants.iter().map(|t| t.name.as_str()).collect();
        let nearest = w.tenants.iter().map(|t| (levenshtein(&t.host_label(), &label), t)).filter(|(d, _)| *d <= 2).min_by_key(|(d, _)| *d);
        let shown = value.trim();
        let mut f = Finding::new(
            "UnknownTenantHost",
            *span,
            format!(
                "{shown} names no tenant of the world (tenants: {}{})",
                names.iter().take(6).copied().collect::<Vec<_>>().join(", "),
                if names.len() > 6 { ", …" } else { "" }
            ),
        );
        f = match nearest {
            Some((_, t)) => {
                let pos = shown.to_ascii_lowercase().find(&label).unwrap_or(0);
                let fixed = format!("{}{}{}", &shown[..pos], t.host_label(), &shown[pos + label.len()..]);
                f.fix(format!("did you mean {fixed} ({})?", t.name))
            }
            None => f.fix("use a host URL of a tenant of the scenario, or give the scenario that has this tenant (--scenario FILE.json)"),
        };
        out.push(f);
    }
}

// ───────────────────────────── tenant roles ─────────────────────────────

/// Whose role a vote is about.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Who {
    /// A tenant of the world, lower-case name.
    Tenant(String),
    /// Whatever the script runs on when it does not connect (a Markdown block's caption).
    Unconnected,
}

struct Vote {
    who: Who,
    role: Role,
    /// The site it comes from (a relationship command is not evidence about itself).
    site: Option<usize>,
    /// Start/Stop of moves, identity-map uploads, the scenario, a caption: facts. Relationship
    /// commands: claims, which the rule checks against each other.
    strong: bool,
    why: String,
}

/// What a partner URL names: a tenant of the world, or a placeholder naming a role.
enum Partner {
    Tenant(String),
    Placeholder(Option<Role>),
    Unknown,
}

const RELATIONSHIP_CMDLETS: &[&str] = &["Set-SPOCrossTenantRelationship", "Verify-SPOCrossTenantRelationship", "Remove-SPOCrossTenantRelationship"];

fn role_named_in(text: &str) -> Option<Role> {
    let l = text.to_ascii_lowercase();
    match (l.contains("source"), l.contains("target")) {
        (true, false) => Some(Role::Source),
        (false, true) => Some(Role::Target),
        _ => None,
    }
}

impl ScriptCtx<'_> {
    fn who(&self, site: &Site) -> Option<Who> {
        match &site.conn {
            Some(c) => c.tenant.as_ref().map(|t| Who::Tenant(t.to_ascii_lowercase())),
            None => self.unit.role.map(|_| Who::Unconnected),
        }
    }

    fn partner(&self, written: &str, value: &str) -> Partner {
        if written.contains(['<', '[']) || value.contains(['<', '[']) {
            return Partner::Placeholder(role_named_in(written));
        }
        let Some(w) = self.worlds.get() else { return Partner::Unknown };
        match w.tenant_by_url(value) {
            Some((i, _)) => Partner::Tenant(w.tenant(i).name.to_ascii_lowercase()),
            None => Partner::Unknown,
        }
    }

    fn votes(&self) -> Vec<Vote> {
        let mut votes = Vec::new();
        if let Some(r) = self.unit.role {
            votes.push(Vote {
                who: Who::Unconnected,
                role: r,
                site: None,
                strong: true,
                why: format!("the caption of this code block says it runs on the {}", r.lower()),
            });
        }
        let needs_world = self.sites.iter().any(|s| s.conn.as_ref().is_some_and(|c| c.tenant.is_some()));
        if let Some(w) = self.worlds.get().filter(|_| needs_world) {
            for t in &w.tenants {
                let me = Who::Tenant(t.name.to_ascii_lowercase());
                for r in &t.spo.relationships {
                    let role = if r.partner_role == crate::sim::spo::PartnerRole::Source { Role::Source } else { Role::Target };
                    if let Some((p, _)) = w.tenant_by_url(&r.partner_url) {
                        let why = format!("the world's trust on {} names {} as its {}", t.name, w.tenant(p).name, role.lower());
                        votes.push(Vote { who: Who::Tenant(w.tenant(p).name.to_ascii_lowercase()), role, site: None, strong: true, why: why.clone() });
                        votes.push(Vote { who: me.clone(), role: role.other(), site: None, strong: true, why });
                    }
                }
                if !t.spo.identity_map.users.is_empty() {
                    votes.push(Vote { who: me.clone(), role: Role::Target, site: None, strong: true, why: format!("{} holds an identity map", t.name) });
                }
            }
        }
        for (i, s) in self.sites.iter().enumerate() {
            if s.deferred {
                continue;
            }
            let Some(me) = self.who(s) else { continue };
            let line = self.line(s.span.start);
            let lower = s.name.to_ascii_lowercase();
            let moves = (lower.starts_with("start-spocrosstenant") || lower.starts_with("stop-spocrosstenant")) && lower.ends_with("contentmove");
            if moves || s.is("Get-SPOCrossTenantCompatibilityStatus") {
                let why = format!("line {line}: {} runs on the source", s.name);
                votes.push(Vote { who: me.clone(), role: Role::Source, site: Some(i), strong: true, why: why.clone() });
                let url = s.value_at("TargetCrossTenantHostUrl").or_else(|| s.value_at("PartnerCrossTenantHostUrl"));
                if let Some((v, span)) = url {
                    if let Partner::Tenant(p) = self.partner(self.unit.text(span), v) {
                        votes.push(Vote {
                            who: Who::Tenant(p),
                            role: Role::Target,
                            site: Some(i),
                            strong: true,
                            why: format!("line {line}: {}{} names it as the target", s.name, self.on(&me)),
                        });
                    }
                }
            } else if starts_with_ci(&s.name, "Add-SPOTenantIdentityMap") {
                votes.push(Vote { who: me, role: Role::Target, site: Some(i), strong: true, why: format!("line {line}: {} runs on the target", s.name) });
            } else if RELATIONSHIP_CMDLETS.iter().any(|c| s.is(c)) {
                let (Some(role), Some((v, span))) = (s.value("PartnerRole").and_then(parse_role), s.value_at("PartnerCrossTenantHostUrl")) else { continue };
                let why = format!("line {line}: {} -PartnerRole {} runs there", s.name, role.name());
                votes.push(Vote { who: me.clone(), role: role.other(), site: Some(i), strong: false, why });
                if let Partner::Tenant(p) = self.partner(self.unit.text(span), v) {
                    let why = format!("line {line}: {}{} names it as the {}", s.name, self.on(&me), role.lower());
                    votes.push(Vote { who: Who::Tenant(p), role, site: Some(i), strong: false, why });
                }
            }
        }
        votes
    }

    /// The role of `who` from the evidence other than site `except`: the facts if they agree,
    /// else the majority of the other relationship commands.
    fn role_of<'v>(&self, votes: &'v [Vote], who: &Who, except: usize) -> Option<(Role, &'v str)> {
        let about = |strong: bool| votes.iter().filter(move |v| v.who == *who && v.strong == strong && v.site != Some(except));
        let decide = |it: &mut dyn Iterator<Item = &'v Vote>| -> Option<(Role, &'v str)> {
            let all: Vec<&Vote> = it.collect();
            let src = all.iter().filter(|v| v.role == Role::Source).count();
            let tgt = all.len() - src;
            let role = match src.cmp(&tgt) {
                std::cmp::Ordering::Greater => Role::Source,
                std::cmp::Ordering::Less => Role::Target,
                std::cmp::Ordering::Equal => return None,
            };
            all.iter().find(|v| v.role == role).map(|v| (role, v.why.as_str()))
        };
        let strong: Vec<&Vote> = about(true).collect();
        if !strong.is_empty() {
            let first = strong[0].role;
            return if strong.iter().all(|v| v.role == first) { Some((first, strong[0].why.as_str())) } else { None };
        }
        decide(&mut about(false))
    }

    fn role_findings(&self) -> &[Finding] {
        self.role_findings.get_or_init(|| {
            let mut out = Vec::new();
            if self.sites.is_empty() {
                return out;
            }
            let votes = self.votes();
            for (i, s) in self.sites.iter().enumerate() {
                if !s.deferred {
                    self.check_site(&votes, i, s, &mut out);
                }
            }
            out
        })
    }

    /// " on NAME" for a tenant, nothing otherwise.
    fn on(&self, who: &Who) -> String {
        match who {
            Who::Tenant(_) => format!(" on{}", self.tenant_display(who)),
            Who::Unconnected => String::new(),
        }
    }

    fn tenant_display(&self, who: &Who) -> String {
        match who {
            Who::Tenant(t) => {
                let name = self.worlds.get().and_then(|w| w.tenant_index(t).map(|i| w.tenant(i).name.clone())).unwrap_or_else(|| t.clone());
                format!(" {name}")
            }
            Who::Unconnected => String::new(),
        }
    }

    /// The host URL of the tenant with `role` in the votes, to suggest.
    fn host_of_role(&self, votes: &[Vote], role: Role) -> Option<String> {
        let w = self.worlds.get()?;
        votes.iter().find_map(|v| match &v.who {
            Who::Tenant(t) if v.role == role => w.tenant_index(t).map(|i| w.tenant(i).my_site_host_url()),
            _ => None,
        })
    }

    fn check_site(&self, votes: &[Vote], i: usize, s: &Site, out: &mut Vec<Finding>) {
        let Some(me) = self.who(s) else { return };
        let own = self.role_of(votes, &me, i);
        let url_param = ["PartnerCrossTenantHostUrl", "TargetCrossTenantHostUrl"].into_iter().find_map(|p| s.value_at(p).map(|x| (p, x)));
        let partner = url_param.map(|(_, (v, span))| (self.partner(self.unit.text(span), v), span, v));
        let is_self = match (&partner, &me, own) {
            (Some((Partner::Tenant(p), _, _)), Who::Tenant(t), _) => p == t,
            (Some((Partner::Placeholder(Some(r)), _, _)), _, Some((o, _))) => *r == o,
            _ => false,
        };
        let relationship = RELATIONSHIP_CMDLETS.iter().any(|c| s.is(c));
        let role = s.value_at("PartnerRole").and_then(|(v, span)| parse_role(v).map(|r| (r, span)));
        if let (true, Some((r, rspan))) = (relationship, role) {
            if let Some((o, why)) = own.filter(|(o, _)| *o == r) {
                let mut fix = format!("use -PartnerRole {}", o.other().name());
                if is_self {
                    if let Some((Partner::Placeholder(_), span, _)) = &partner {
                        let written = self.unit.text(*span);
                        fix.push_str(&format!(" -PartnerCrossTenantHostUrl {}", swap_role_words(written)));
                    } else if let Some(h) = self.host_of_role(votes, o.other()) {
                        fix.push_str(&format!(" -PartnerCrossTenantHostUrl {h}"));
                    } else {
                        fix.push_str(&format!(" and the {} tenant's host URL", o.other().lower()));
                    }
                }
                out.push(
                    Finding::new(
                        "WrongPartnerRole",
                        rspan,
                        format!(
                            "-PartnerRole {} names the partner as the {}, but this runs on the {} tenant{} ({why}): its partner is the {}",
                            r.name(),
                            r.lower(),
                            o.lower(),
                            self.tenant_display(&me),
                            o.other().lower()
                        ),
                    )
                    .fix(fix),
                );
                return;
            }
            let partner_role = match &partner {
                Some((Partner::Tenant(p), _, _)) => self.role_of(votes, &Who::Tenant(p.clone()), i).map(|(r, why)| (r, why.to_string())),
                Some((Partner::Placeholder(Some(pr)), span, _)) => Some((*pr, format!("the placeholder {} names it", self.unit.text(*span).trim()))),
                _ => None,
            };
            if let Some((pr, why)) = partner_role.filter(|(pr, _)| *pr != r) {
                out.push(
                    Finding::new("WrongPartnerRole", rspan, format!("-PartnerRole {}, but the partner tenant is the {} ({why})", r.name(), pr.lower()))
                        .fix(format!("use -PartnerRole {}", pr.name())),
                );
                return;
            }
        }
        if is_self {
            if let (Some((p, _)), Some((_, span, v))) = (url_param, &partner) {
                let who = match (&me, own) {
                    (Who::Tenant(_), _) => format!("the tenant it runs on,{}", self.tenant_display(&me)),
                    (Who::Unconnected, Some((o, _))) => format!("the {} tenant it runs on", o.lower()),
                    _ => "the tenant it runs on".to_string(),
                };
                let shown = if self.unit.text(*span).trim().is_empty() { v.to_string() } else { self.unit.text(*span).trim().to_string() };
                out.push(
                    Finding::new("PartnerIsSelf", *span, format!("-{p} {shown} names {who}: it must name the other tenant"))
                        .fix("give the other tenant's cross-tenant host URL (run Get-SPOCrossTenantHostUrl there)"),
                );
            }
        }
    }
}

fn parse_role(v: &str) -> Option<Role> {
    match v.trim().to_ascii_lowercase().as_str() {
        "source" => Some(Role::Source),
        "target" => Some(Role::Target),
        _ => None,
    }
}

/// `<TARGETCrossTenantHostUrl>` ↔ `<SOURCECrossTenantHostUrl>`, keeping the case as written.
fn swap_role_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let swapped = [("SOURCE", "TARGET"), ("TARGET", "SOURCE"), ("Source", "Target"), ("Target", "Source"), ("source", "target"), ("target", "source")]
            .iter()
            .find(|(a, _)| rest.starts_with(a));
        match swapped {
            Some((a, b)) => {
                out.push_str(b);
                i += a.len();
            }
            None => {
                let c = rest.chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

pub fn partner_roles(cx: &ScriptCtx, out: &mut Vec<Finding>) {
    out.extend(cx.role_findings().iter().filter(|f| f.rule == "WrongPartnerRole").cloned());
}

pub fn partner_is_self(cx: &ScriptCtx, out: &mut Vec<Finding>) {
    out.extend(cx.role_findings().iter().filter(|f| f.rule == "PartnerIsSelf").cloned());
}

// ───────────────────────────── names and files ─────────────────────────────

/// RULE 16: user names and URLs with an apostrophe fail cross-tenant moves.
pub fn apostrophe_in_name(cx: &CmdCtx, out: &mut Vec<Finding>) {
    if !contains_ci(cx.name, "-SPOCrossTenant") {
        return;
    }
    for p in ["SourceUserPrincipalName", "TargetUserPrincipalName", "SourceSiteUrl", "TargetSiteUrl"] {
        if let Some((v, span)) = cx.value(p) {
            if v.contains('\'') {
                out.push(
                    Finding::new("ApostropheInName", span, format!("-{p} {v} contains an apostrophe: the move fails with \"invalid character\" (RULE 16)"))
                        .fix("rename the user or site without the apostrophe before migrating, or leave it out of this migration"),
                );
            }
        }
    }
}

/// A path the script gives, as the linter can find it: absolute, or next to the script.
fn resolve_path(unit: &Unit, written: &str) -> Option<PathBuf> {
    if written.contains(['<', '[', '$', '*', '?']) || written.trim().is_empty() {
        return None;
    }
    let p = Path::new(written.trim());
    Some(if p.is_absolute() { p.to_path_buf() } else { unit.dir.join(p) })
}

fn csv_not_found(span: Span, written: &str, path: &Path) -> Finding {
    Finding::new(
        "CsvNotFound",
        span,
        format!(
            "{written} does not exist ({}), so it was not checked (a relative path is resolved against the current directory when the script runs)",
            path.display()
        ),
    )
}

pub fn identity_map_file(cx: &CmdCtx, out: &mut Vec<Finding>) {
    if !cx.is("Add-SPOTenantIdentityMap") {
        return;
    }
    let Some((written, span)) = cx.value("IdentityMapPath") else { return };
    if cx.text(span).contains(['<', '[']) {
        return;
    }
    let Some(path) = resolve_path(cx.unit, &written) else { return };
    if path.is_file() {
        out.extend(csvfiles::identity_map(&path));
    } else {
        out.push(csv_not_found(span, &written, &path));
    }
}

/// `-CSVData ([System.IO.File]::ReadAllBytes('users.csv'))` or `(Get-Content users.csv -AsByteStream)`.
fn batch_csv_path(cx: &CmdCtx, e: &Expr) -> Option<(String, Span)> {
    let ExprKind::Paren(chain) = &e.kind else { return None };
    if !chain.rest.is_empty() || chain.first.elements.len() != 1 {
        return None;
    }
    let path_of = |x: &Expr| -> Option<(String, Span)> {
        match &x.kind {
            ExprKind::Const(Value::Str(s)) => Some((s.to_string(), x.span)),
            ExprKind::Expandable(_) => {
                let t = cx.text(x.span).trim_matches(is_quote);
                let dir = cx.unit.dir.display().to_string();
                let t = t.replace("$PSScriptRoot", &dir).replace("$($PSScriptRoot)", &dir);
                (!t.contains('$')).then_some((t, x.span))
            }
            _ => None,
        }
    };
    match &chain.first.elements[0] {
        PipeElement::Expr { expr, .. } => match &expr.kind {
            ExprKind::Invoke { target, name: MemberName::Static(m), args, is_static: true, .. }
                if eq_ci(m, "ReadAllBytes") && matches!(&target.kind, ExprKind::TypeLit(t) if contains_ci(&t.name, "IO.File")) =>
            {
                args.first().and_then(path_of)
            }
            _ => None,
        },
        PipeElement::Command(c) => {
            let CommandName::Bare(n) = &c.name else { return None };
            if !eq_ci(n, "Get-Content") && !eq_ci(n, "gc") && !eq_ci(n, "cat") {
                return None;
            }
            c.args.iter().find_map(|a| match a {
                CommandArg::Param { name, value: Some(v), .. } if eq_ci(name, "Path") || eq_ci(name, "LiteralPath") => path_of(v),
                CommandArg::Value(v) => path_of(v),
                _ => None,
            })
        }
        _ => None,
    }
}

pub fn batch_csv_file(cx: &CmdCtx, out: &mut Vec<Finding>) {
    if !cx.is("New-MigrationBatch") {
        return;
    }
    let Some((written, span)) = cx.written_value("CSVData").and_then(|e| batch_csv_path(cx, e)) else { return };
    let Some(path) = resolve_path(cx.unit, &written) else { return };
    if path.is_file() {
        out.extend(csvfiles::batch(&path));
    } else {
        out.push(csv_not_found(span, &written, &path));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn angle_placeholders_in_strings_skip_html() {
        assert_eq!(angle_spans("<contoso>.onmicrosoft.com", true), vec![(0, 9)]);
        assert!(angle_spans("<tr><td>x</td></tr>", true).is_empty());
        assert!(angle_spans("a < b and c > d", true).is_empty());
        assert_eq!(angle_spans("https://<TenantName>-admin.sharepoint.com", false), vec![(8, 20)]);
    }

    #[test]
    fn glued_statements() {
        assert_eq!(glued_assignment("$sourceTenantId$orgrels=Get-OrganizationRelationship"), Some(15));
        assert_eq!(glued_assignment("$a=1"), None);
        assert_eq!(glued_assignment("x$b==1"), None);
    }

    #[test]
    fn text_fallback_keeps_offsets_past_multibyte_strings() {
        let text = "Write-Host '–é' $a$b=Get-Thing\n";
        let class = crate::lint::recover::classify(text);
        let mut out = Vec::new();
        text_fallback(text, &class, Span::new(0, text.len()), &mut out);
        assert_eq!(out.len(), 1);
        let crate::lint::Place::Span(s) = out[0].place else { panic!("a span") };
        assert_eq!(&text[s.start as usize..s.end as usize], "$b=Get-Thing");
    }

    #[test]
    fn role_words_swap_keeping_case() {
        assert_eq!(swap_role_words("<TARGETCrossTenantHostUrl>"), "<SOURCECrossTenantHostUrl>");
        assert_eq!(swap_role_words("[Source URL]"), "[Target URL]");
    }

    #[test]
    fn tenant_labels_of_urls() {
        assert_eq!(url_label("https://m365x016551-my.sharepoint.com/").as_deref(), Some("m365x016551"));
        assert_eq!(url_label("https://contoso-admin.sharepoint.com").as_deref(), Some("contoso"));
        assert_eq!(url_label("https://contoso.sharepoint.com/sites/x").as_deref(), Some("contoso"));
        assert_eq!(url_label("https://outlook.office.com"), None);
        assert_eq!(levenshtein("m365x016551", "m365x016651"), 1);
    }
}
