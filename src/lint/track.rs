//! The walk behind the rules: binds each command statically (pwsh's binding problems), runs
//! the command and expression rules with the static state at that point of the script, and
//! keeps that state in source order:
//!
//! * the SharePoint connection (`Connect-SPOService -Url`, resolved against the world);
//! * variables assigned a constant (`$TargetAdminUrl = 'https://…'`) or the connected tenant's
//!   host URL (`$h = Get-SPOCrossTenantHostUrl`), so that `-Url $TargetAdminUrl` is known.
//!
//! Function bodies run whenever they are called, so commands in them are linted without a
//! connection and change no state. Branches and loops are read in source order: a linter's
//! approximation, which only matters for scripts that connect in one branch and not another.

use std::collections::HashMap;
use std::rc::Rc;

use crate::cli::check::{ScriptScope, bind_call, static_args};
use crate::engine::bind::{self, BindRequest, Bound};
use crate::engine::value::Value;
use crate::lang::ast::*;
use crate::lang::walk::{Visitor, walk_script_block};
use crate::lint::rules::{CmdCtx, Conn, ExprCtx, PrevCommand, ScriptCtx, Site};
use crate::lint::{Check, Finding, PwshProblem, RULES, Severity, Unit, Worlds};

/// Function bodies of the script (where commands are deferred to a later call), and the
/// commands Pester tests mock (their tenants need not exist).
#[derive(Default)]
struct Prescan {
    bodies: Vec<Span>,
    mocked: Vec<String>,
}

impl Visitor for Prescan {
    fn function(&mut self, _name: &str, body: &ScriptBlock) {
        self.bodies.push(body.span);
    }
    fn command(&mut self, c: &CommandCall, _after_first: bool) {
        let CommandName::Bare(n) = &c.name else { return };
        if !n.eq_ignore_ascii_case("Mock") {
            return;
        }
        let target = c.args.iter().find_map(|a| match a {
            CommandArg::Value(e) => Some(e),
            CommandArg::Param { name, value: Some(e), .. } if name.eq_ignore_ascii_case("CommandName") => Some(e),
            _ => None,
        });
        if let Some(ExprKind::Const(Value::Str(s))) = target.map(|e| &e.kind) {
            self.mocked.push(s.to_ascii_lowercase());
        }
    }
}

impl Prescan {
    /// Keep the outermost bodies only, sorted: disjoint intervals to search.
    fn outermost(&mut self) -> Vec<Span> {
        let mut all = std::mem::take(&mut self.bodies);
        all.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let mut out: Vec<Span> = Vec::new();
        for s in all {
            if out.last().is_none_or(|l| s.start >= l.end) {
                out.push(s);
            }
        }
        out
    }
}

/// Placeholders given as the value of a parameter get the parameter's hint.
fn name_placeholders(findings: &mut [Finding], cx: &CmdCtx) {
    let is_placeholder = |f: &Finding| f.rule == "PlaceholderLeftIn" || f.rule == "BracketPlaceholder";
    if !findings.iter().any(is_placeholder) {
        return;
    }
    for (written, full, _, _) in cx.named_args() {
        let full = full.unwrap_or(written);
        let Some(value) = cx.written_value(full) else { continue };
        let (start, end) = (value.span.start, value.span.end.max(value.span.start + 1));
        for f in findings.iter_mut() {
            if let crate::lint::Place::Span(s) = f.place {
                if s.start >= start && s.start < end && is_placeholder(f) {
                    let text = cx.unit.text(s).to_string();
                    crate::lint::rules::refine_placeholder_fix(f, &text, full);
                }
            }
        }
    }
}

fn inside(bodies: &[Span], at: u32) -> bool {
    let i = bodies.partition_point(|s| s.start <= at);
    i > 0 && at < bodies[i - 1].end
}

struct Tracker<'u> {
    unit: &'u Unit,
    worlds: &'u Worlds,
    scope: ScriptScope,
    bodies: Vec<Span>,
    mocked: Vec<String>,
    /// Variable → (constant value, where the constant is written).
    vars: HashMap<String, (Rc<str>, Span)>,
    spo: Option<Conn>,
    prev: Option<PrevCommand>,
    sites: Vec<Site>,
    urls: Vec<(Span, String)>,
    created_tenants: Vec<String>,
    pwsh: &'u mut Vec<PwshProblem>,
    findings: &'u mut Vec<Finding>,
}

pub(crate) fn lint_trees(unit: &Unit, trees: &[Rc<ScriptBlock>], worlds: &Worlds, pwsh: &mut Vec<PwshProblem>, findings: &mut Vec<Finding>) {
    let mut scope = ScriptScope::default();
    let mut pre = Prescan::default();
    for t in trees {
        walk_script_block(t, &mut scope);
        walk_script_block(t, &mut pre);
    }
    let mut tr = Tracker {
        unit,
        worlds,
        scope,
        bodies: pre.outermost(),
        mocked: pre.mocked,
        vars: HashMap::new(),
        spo: None,
        prev: None,
        sites: Vec::new(),
        urls: Vec::new(),
        created_tenants: Vec::new(),
        pwsh,
        findings,
    };
    for t in trees {
        walk_script_block(t, &mut tr);
    }
    let cx = ScriptCtx::new(unit, &tr.sites, worlds, &tr.urls, &tr.created_tenants);
    for r in RULES {
        if let Check::Script(f) = r.check {
            f(&cx, tr.findings);
        }
    }
}

impl Tracker<'_> {
    /// The tracked value of a variable argument.
    fn resolve(&self, e: &Expr) -> Option<Value> {
        match &e.kind {
            ExprKind::Var(v) if v.special == SpecialVar::None && matches!(v.scope, VarScope::Any | VarScope::Script | VarScope::Global | VarScope::Local) => {
                self.vars.get(&v.name.to_ascii_lowercase()).map(|(s, _)| Value::Str(s.clone()))
            }
            _ => None,
        }
    }

    fn uses_tracked(&self, c: &CommandCall) -> bool {
        c.args.iter().any(|a| match a {
            CommandArg::Param { value: Some(e), .. } | CommandArg::Value(e) => self.resolve(e).is_some(),
            _ => false,
        })
    }

    /// The connection a `Connect-SPOService -Url …` makes, as far as it is known statically.
    fn connection(&self, url: Option<&str>) -> Conn {
        let Some(url) = url else { return Conn::default() };
        let tenant = self.worlds.get().and_then(|w| w.tenant_by_url(url).map(|(i, _)| w.tenant(i).name.clone()));
        Conn { url: Some(url.to_string()), tenant }
    }
}

impl Visitor for Tracker<'_> {
    fn command(&mut self, c: &CommandCall, after_first: bool) {
        let deferred = inside(&self.bodies, c.span.start);
        let Some(sc) = bind_call(c, &self.unit.file, &self.scope, after_first, &|_| None) else { return };
        if let Some((span, code, message)) = &sc.problem {
            self.pwsh.push(PwshProblem { span: *span, severity: Severity::Warning, code: code.to_string(), message: message.clone() });
        }
        // Bind again with the tracked variables for the rules: pwsh's problems above do not
        // depend on the linter's tracking.
        let rebound: Option<Bound> = match &sc.sig {
            Some(sig) if !deferred && self.uses_tracked(c) => {
                let (args, has_splat) = static_args(c, &self.unit.file, &|e| self.resolve(e));
                bind::bind(BindRequest { sig, args, expects_input: after_first || has_splat, command_name: &sc.name }).ok()
            }
            _ => None,
        };
        let conn = if deferred { None } else { self.spo.as_ref() };
        let cx = CmdCtx {
            unit: self.unit,
            call: c,
            name: &sc.name,
            sig: sc.sig.as_deref(),
            bound: rebound.as_ref().or(sc.bound.as_ref()),
            error: sc.error.as_ref(),
            prev: if after_first { None } else { self.prev.as_ref() },
            worlds: self.worlds,
            conn,
            deferred,
        };
        for r in RULES {
            if let Check::Command(f) = r.check {
                f(&cx, self.findings);
            }
        }
        name_placeholders(self.findings, &cx);
        let site = Site::of(&cx);
        let lower = sc.name.to_ascii_lowercase();
        if !deferred {
            match lower.as_str() {
                "connect-sposervice" => self.spo = Some(self.connection(site.value("Url"))),
                "disconnect-sposervice" => self.spo = None,
                "new-tenantsimtenant" => {
                    if let Some(n) = site.value("Name") {
                        self.created_tenants.push(n.to_string());
                    }
                }
                _ => {}
            }
        }
        if !after_first {
            self.prev = Some(PrevCommand { name: sc.name.clone(), sig: sc.sig.clone(), span: c.span });
        }
        let mocked = self.mocked.iter().any(|m| m.eq_ignore_ascii_case(&sc.name));
        if !mocked && crate::cmdlets::declared(&sc.name).is_some() {
            self.collect_urls(c);
        }
        if site.is_interesting() && !mocked {
            self.sites.push(site);
        }
    }

    fn assignment(&mut self, a: &Assignment) {
        if inside(&self.bodies, a.span.start) {
            return;
        }
        let ExprKind::Var(v) = &a.target.kind else { return };
        let key = v.name.to_ascii_lowercase();
        let value = if a.op == AssignOp::Assign { self.assigned_value(&a.value) } else { None };
        let value = value.map(|v| (v, a.value.span));
        match value {
            Some(s) => {
                self.vars.insert(key, s);
            }
            None => {
                self.vars.remove(&key);
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        if matches!(e.kind, ExprKind::Const(Value::Str(_)) | ExprKind::Expandable(_)) {
            let cx = ExprCtx { unit: self.unit, expr: e };
            for r in RULES {
                if let Check::Expr(f) = r.check {
                    f(&cx, self.findings);
                }
            }
        }
    }
}

impl Tracker<'_> {
    /// SharePoint URLs given to a cmdlet, where their text is written (a constant argument,
    /// or the constant a tracked variable was assigned).
    fn collect_urls(&mut self, c: &CommandCall) {
        for a in &c.args {
            let (CommandArg::Param { value: Some(e), .. } | CommandArg::Value(e)) = a else { continue };
            let found = match &e.kind {
                ExprKind::Const(Value::Str(s)) => Some((e.span, s.clone())),
                ExprKind::Var(v) => self.vars.get(&v.name.to_ascii_lowercase()).map(|(s, span)| (*span, s.clone())),
                _ => None,
            };
            if let Some((span, s)) = found.filter(|(_, s)| crate::lint::rules::contains_ci(s, ".sharepoint.com")) {
                self.urls.push((span, s.to_string()));
            }
        }
    }

    /// A constant, a tracked variable, or the connected tenant's host URL.
    fn assigned_value(&self, s: &Stmt) -> Option<Rc<str>> {
        let StmtKind::Pipeline(chain) = &s.kind else { return None };
        if !chain.rest.is_empty() || chain.first.elements.len() != 1 {
            return None;
        }
        match &chain.first.elements[0] {
            PipeElement::Expr { expr, redirections } if redirections.is_empty() => match &expr.kind {
                ExprKind::Const(Value::Str(s)) => Some(s.clone()),
                ExprKind::Var(_) => self.resolve(expr).and_then(|v| v.as_str().map(Rc::from)),
                _ => None,
            },
            PipeElement::Command(c) => {
                let CommandName::Bare(n) = &c.name else { return None };
                if !n.eq_ignore_ascii_case("Get-SPOCrossTenantHostUrl") || !c.args.is_empty() {
                    return None;
                }
                let tenant = self.spo.as_ref()?.tenant.as_ref()?;
                let w = self.worlds.get()?;
                let i = w.tenant_index(tenant)?;
                Some(Rc::from(w.tenant(i).my_site_host_url().as_str()))
            }
            _ => None,
        }
    }
}
