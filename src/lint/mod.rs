//! The runbook linter behind `tenantsim check`.
//!
//! Beyond what pwsh itself would report (parse errors; binding failures found by binding every
//! command statically, see `cli::check`), the linter knows what the migration articles get
//! wrong and what real runbooks trip on: placeholders left in, a dash followed by a space, a
//! value on the next line, the wrong `-PartnerRole`, a host URL naming no tenant, a Multi-Geo
//! cmdlet used for a cross-tenant move, malformed identity-map and batch CSV files, the
//! apostrophe rule… Every rule is a row of [`RULES`]: an id, a severity, what it finds, the doc
//! bugs of `reference/README.md` it catches, and its check function.
//!
//! A finding can *cover* a span: a parse error or a binding failure pwsh reports inside it is
//! what the finding explains, so the two are reported once — a parse error keeps pwsh's message
//! and severity and gains the finding's rule and suggested fix; a binding failure is replaced by
//! the finding (keeping pwsh's error id as its `code`).
//!
//! Cost: one parse, one walk of the tree and one static binding per command (a second one only
//! for commands given variables whose value the linter tracked). The world is only built when a
//! rule needs it (a SharePoint URL to resolve), and text-level scans only run after a parse error.

pub mod csvfiles;
pub mod markdown;
pub mod recover;
pub mod rules;
mod track;

use std::cell::OnceCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::cli::check::Problem;
use crate::lang::ast::Span;
use crate::lang::source::SourceFile;
use crate::sim::{SimOptions, World};

/// The role of a tenant in a cross-tenant migration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Source,
    Target,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Source => "Source",
            Role::Target => "Target",
        }
    }
    pub fn lower(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Target => "target",
        }
    }
    pub fn other(self) -> Role {
        match self {
            Role::Source => Role::Target,
            Role::Target => Role::Source,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Works in pwsh 7 but is fragile or breaks elsewhere (Windows PowerShell 5.1, a newer module).
    Info,
    /// pwsh runs the script, and this command fails or does the wrong thing.
    Warning,
    /// pwsh does not run the script at all.
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Where a finding is.
#[derive(Debug, Clone)]
pub enum Place {
    /// In the text being linted.
    Span(Span),
    /// In another file the script reads (a CSV), at a 1-based line and column.
    File { path: String, line: usize, column: usize },
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub place: Place,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub fix: Option<String>,
    /// pwsh's own problems inside this span are the ones this finding explains.
    pub covers: Option<Span>,
}

impl Finding {
    /// A finding of `rule` at `span`, with the severity the rule table gives it.
    pub fn new(rule: &'static str, span: Span, message: impl Into<String>) -> Finding {
        Finding { place: Place::Span(span), rule, severity: severity_of(rule), message: message.into(), fix: None, covers: None }
    }
    pub fn fix(mut self, fix: impl Into<String>) -> Finding {
        self.fix = Some(fix.into());
        self
    }
    pub fn covering(mut self, span: Span) -> Finding {
        self.covers = Some(span);
        self
    }
    pub fn at_file(rule: &'static str, path: &Path, line: usize, column: usize, message: impl Into<String>) -> Finding {
        Finding {
            place: Place::File { path: path.display().to_string(), line, column },
            rule,
            severity: severity_of(rule),
            message: message.into(),
            fix: None,
            covers: None,
        }
    }
}

/// How a rule is run.
pub enum Check {
    /// On every command call, in source order, with the static state at that point.
    Command(fn(&rules::CmdCtx, &mut Vec<Finding>)),
    /// On every string and bareword.
    Expr(fn(&rules::ExprCtx, &mut Vec<Finding>)),
    /// Once per script, over every command (rules that need the whole script).
    Script(fn(&rules::ScriptCtx, &mut Vec<Finding>)),
    /// While recovering from a parse error (`recover`).
    Recovery,
    /// By the check of the named rule, which does the same analysis.
    Within(&'static str),
    /// On the structure of a Markdown document.
    Markdown,
}

pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// The numbered doc bugs of `reference/README.md` this rule reports.
    pub doc_bugs: &'static [u8],
    pub check: Check,
}

pub const RULES: &[Rule] = &[
    Rule {
        id: "PlaceholderLeftIn",
        severity: Severity::Warning,
        summary: "a documentation placeholder (<…>, [Target tenant hostname], \"[name of …]\") left in the script",
        doc_bugs: &[5, 16, 19, 29],
        check: Check::Expr(rules::placeholder_in_value),
    },
    Rule {
        id: "BracketPlaceholder",
        severity: Severity::Warning,
        summary: "an unquoted [placeholder with spaces]: PowerShell passes each word as a separate argument",
        doc_bugs: &[5],
        check: Check::Command(rules::bracket_placeholder),
    },
    Rule {
        id: "DashSpace",
        severity: Severity::Warning,
        summary: "a dash followed by a space (`– Name`) is not a parameter name",
        doc_bugs: &[3, 12],
        check: Check::Command(rules::dash_space),
    },
    Rule {
        id: "ValueOnNextLine",
        severity: Severity::Warning,
        summary: "a parameter's value on the next line without a backtick: the line break ends the command",
        doc_bugs: &[6],
        check: Check::Command(rules::value_on_next_line),
    },
    Rule {
        id: "ParameterOnOwnLine",
        severity: Severity::Warning,
        summary: "a line that is the name of a parameter of the command above, run as a command",
        doc_bugs: &[12],
        check: Check::Command(rules::parameter_on_own_line),
    },
    Rule {
        id: "WrongPartnerRole",
        severity: Severity::Warning,
        summary: "-PartnerRole names the partner's role; it must be the opposite of the tenant the command runs on",
        doc_bugs: &[1],
        check: Check::Script(rules::partner_roles),
    },
    Rule {
        id: "PartnerIsSelf",
        severity: Severity::Warning,
        summary: "a partner or target host URL naming the tenant the command runs on",
        doc_bugs: &[1],
        check: Check::Script(rules::partner_is_self),
    },
    Rule {
        id: "UnknownTenantHost",
        severity: Severity::Warning,
        summary: "a SharePoint URL naming no tenant of the world (a typo like m365x016551)",
        doc_bugs: &[7],
        check: Check::Script(rules::unknown_tenant_hosts),
    },
    Rule {
        id: "NotAdminUrl",
        severity: Severity::Warning,
        summary: "Connect-SPOService given a URL other than the tenant's -admin URL",
        doc_bugs: &[],
        check: Check::Command(rules::not_admin_url),
    },
    Rule {
        id: "MultiGeoCmdlet",
        severity: Severity::Warning,
        summary: "a Multi-Geo cmdlet (moves between geo locations of one tenant) used for a cross-tenant move",
        doc_bugs: &[2],
        check: Check::Command(rules::multi_geo_cmdlet),
    },
    Rule {
        id: "WrongMoveCmdlet",
        severity: Severity::Warning,
        summary: "a cross-tenant move cmdlet for users, sites or groups given the parameters of another one",
        doc_bugs: &[16],
        check: Check::Command(rules::wrong_move_cmdlet),
    },
    Rule {
        id: "StrayPipe",
        severity: Severity::Warning,
        summary: "a `|` glued to a parameter name, before its value",
        doc_bugs: &[16],
        check: Check::Recovery,
    },
    Rule {
        id: "PastedOutput",
        severity: Severity::Warning,
        summary: "command output or a confirmation prompt pasted into the script",
        doc_bugs: &[],
        check: Check::Recovery,
    },
    Rule {
        id: "PastedPrompt",
        severity: Severity::Warning,
        summary: "a command copied with its prompt (`PS C:\\> Get-…`): PowerShell runs a command named PS",
        doc_bugs: &[],
        check: Check::Command(rules::pasted_prompt),
    },
    Rule {
        id: "SpaceInList",
        severity: Severity::Warning,
        summary: "a space inside a comma-separated list splits it into two arguments (`is Inherited`)",
        doc_bugs: &[26],
        check: Check::Command(rules::space_in_list),
    },
    Rule {
        id: "TrailingPeriod",
        severity: Severity::Warning,
        summary: "an address or URL argument ending with the sentence's period",
        doc_bugs: &[28],
        check: Check::Command(rules::trailing_period),
    },
    Rule {
        id: "StatementsRunTogether",
        severity: Severity::Warning,
        summary: "two statements run together on one line (`…$sourceTenantId$orgrels=Get-…`)",
        doc_bugs: &[32],
        check: Check::Command(rules::statements_run_together),
    },
    Rule {
        id: "ApostropheInName",
        severity: Severity::Warning,
        summary: "a user name or URL with an apostrophe: cross-tenant moves fail with \"invalid character\" (RULE 16)",
        doc_bugs: &[],
        check: Check::Command(rules::apostrophe_in_name),
    },
    Rule {
        id: "IdentityMapCsv",
        severity: Severity::Warning,
        summary: "an identity map CSV with a header row, not six columns, or invalid values (RULE 12, 16)",
        doc_bugs: &[],
        check: Check::Command(rules::identity_map_file),
    },
    Rule {
        id: "BatchCsv",
        severity: Severity::Warning,
        summary: "a migration batch CSV without an EmailAddress column",
        doc_bugs: &[],
        check: Check::Command(rules::batch_csv_file),
    },
    Rule {
        id: "CsvNotFound",
        severity: Severity::Info,
        summary: "a CSV file the script reads does not exist next to it, so it was not checked",
        doc_bugs: &[],
        check: Check::Within("IdentityMapCsv, BatchCsv"),
    },
    Rule {
        id: "AsPlainTextWithoutForce",
        severity: Severity::Info,
        summary: "ConvertTo-SecureString -AsPlainText without -Force fails in Windows PowerShell 5.1",
        doc_bugs: &[30],
        check: Check::Command(rules::as_plain_text_without_force),
    },
    Rule {
        id: "AbbreviatedParameter",
        severity: Severity::Info,
        summary: "a parameter name abbreviated to a prefix (`-EmailAddress` for -EmailAddresses)",
        doc_bugs: &[31],
        check: Check::Command(rules::abbreviated_parameter),
    },
    Rule {
        id: "UnclosedCodeFence",
        severity: Severity::Warning,
        summary: "a Markdown code block that is never closed, so the prose after it is read as code",
        doc_bugs: &[17],
        check: Check::Markdown,
    },
];

pub fn severity_of(rule: &str) -> Severity {
    RULES.iter().find(|r| r.id == rule).map(|r| r.severity).unwrap_or(Severity::Warning)
}

/// The world the context-dependent rules resolve tenants against: the `--scenario`/`--state`
/// world, or the embedded default; built on first use.
pub struct Worlds {
    opts: SimOptions,
    cell: OnceCell<Option<World>>,
}

impl Worlds {
    pub fn new(opts: SimOptions) -> Worlds {
        Worlds { opts, cell: OnceCell::new() }
    }
    /// Build the world now, to report a broken scenario before linting.
    pub fn load(&self) -> Result<(), String> {
        if self.cell.get().is_some() {
            return Ok(());
        }
        let w = World::create(&self.opts)?;
        let _ = self.cell.set(Some(w));
        Ok(())
    }
    pub fn get(&self) -> Option<&World> {
        self.cell.get_or_init(|| World::create(&self.opts).ok()).as_ref()
    }
}

/// One script to lint: a file, or one code block of a Markdown document.
pub struct Unit {
    pub file: Rc<SourceFile>,
    /// Relative paths in the script (CSV files) are looked up from here.
    pub dir: PathBuf,
    /// The tenant role the script runs on when nothing in it says (a Markdown caption).
    pub role: Option<Role>,
}

impl Unit {
    pub fn text(&self, span: Span) -> &str {
        self.file.slice(span)
    }
}

#[derive(Debug, Clone)]
pub struct LintOptions {
    /// Parse only: no binding, no rules.
    pub syntax_only: bool,
}

/// A problem as pwsh would report it: a parse error or a static binding failure.
#[derive(Debug, Clone)]
pub struct PwshProblem {
    pub span: Span,
    pub severity: Severity,
    pub code: String,
    pub message: String,
}

/// Lint a file: a script, or every PowerShell block of a Markdown document.
pub fn lint_path(path: &Path, opts: &LintOptions, worlds: &Worlds) -> Vec<Problem> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            return vec![Problem {
                file: path.display().to_string(),
                line: 0,
                column: 0,
                severity: "error",
                code: "FileNotFound".into(),
                rule: "FileNotFound".into(),
                message: e.to_string(),
                fix: None,
            }];
        }
    };
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(t) => t.to_string(),
        None => text,
    };
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let is_markdown = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    if !is_markdown {
        let unit = Unit { file: Rc::new(SourceFile::new(Some(path.to_path_buf()), text)), dir, role: None };
        return lint_unit(&unit, opts, worlds);
    }
    let doc = markdown::scan(&text);
    let mut out = Vec::new();
    for u in &doc.unclosed {
        let (line, message) = match u.inner_line {
            Some(l) => (l, format!("this fence is read as code: the code block opened on line {} is never closed", u.open_line)),
            None => (u.open_line, "this code block is never closed: the rest of the document is read as code".to_string()),
        };
        out.push(Problem {
            file: path.display().to_string(),
            line,
            column: 1,
            severity: severity_of("UnclosedCodeFence").name(),
            code: "UnclosedCodeFence".into(),
            rule: "UnclosedCodeFence".into(),
            message,
            fix: Some("close the code block with a line of ``` before the prose that follows it".into()),
        });
    }
    for b in doc.blocks {
        let unit = Unit { file: Rc::new(SourceFile::new(Some(path.to_path_buf()), b.text)), dir: dir.clone(), role: b.role };
        out.extend(lint_unit(&unit, opts, worlds));
    }
    out
}

/// Lint one script: pwsh's problems, the rules' findings, merged.
pub fn lint_unit(unit: &Unit, opts: &LintOptions, worlds: &Worlds) -> Vec<Problem> {
    let parsed = recover::parse(&unit.file);
    let mut pwsh: Vec<PwshProblem> =
        parsed.errors.iter().map(|e| PwshProblem { span: e.span, severity: Severity::Error, code: e.id.to_string(), message: e.message.clone() }).collect();
    if opts.syntax_only {
        return merge(unit, pwsh, Vec::new());
    }
    let mut findings = parsed.findings;
    track::lint_trees(unit, &parsed.trees, worlds, &mut pwsh, &mut findings);
    merge(unit, pwsh, findings)
}

/// One report per problem: pwsh's problems explained by a finding take its rule and fix.
fn merge(unit: &Unit, pwsh: Vec<PwshProblem>, mut findings: Vec<Finding>) -> Vec<Problem> {
    // The same thing found twice (a placeholder seen by the repair and by the tree walk).
    findings.sort_by_key(|f| (place_key(f), f.rule));
    findings.dedup_by(|a, b| place_key(a) == place_key(b) && a.rule == b.rule);
    let name = unit.file.display_name();
    let mut out = Vec::new();
    // Per finding: None = report it; Some(code) = report it with pwsh's error id; consumed when
    // it explained a parse error.
    let mut absorbed: Vec<Option<String>> = vec![None; findings.len()];
    let mut consumed = vec![false; findings.len()];
    for p in pwsh {
        let at = p.span.start;
        let explainer = findings
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.covers.filter(|c| c.start <= at && (at < c.end || c.start == c.end && at == c.start)).map(|c| (c.end - c.start, i)))
            .min()
            .map(|(_, i)| i);
        let (line, column) = unit.file.line_col(p.span.start);
        match explainer {
            Some(i) if p.severity == Severity::Error => {
                consumed[i] = true;
                out.push(Problem {
                    file: name.clone(),
                    line,
                    column,
                    severity: p.severity.name(),
                    code: p.code,
                    rule: findings[i].rule.to_string(),
                    message: p.message,
                    fix: findings[i].fix.clone(),
                });
            }
            Some(i) => absorbed[i] = Some(p.code),
            None => out.push(Problem {
                file: name.clone(),
                line,
                column,
                severity: p.severity.name(),
                rule: p.code.clone(),
                code: p.code,
                message: p.message,
                fix: None,
            }),
        }
    }
    for (i, f) in findings.into_iter().enumerate() {
        if consumed[i] {
            continue;
        }
        let (file, line, column) = match &f.place {
            Place::Span(s) => {
                let (l, c) = unit.file.line_col(s.start);
                (name.clone(), l, c)
            }
            Place::File { path, line, column } => (path.clone(), *line, *column),
        };
        let code = absorbed[i].take().unwrap_or_else(|| f.rule.to_string());
        out.push(Problem { file, line, column, severity: f.severity.name(), code, rule: f.rule.to_string(), message: f.message, fix: f.fix });
    }
    out.sort_by(|a, b| (a.file != name, &a.file, a.line, a.column).cmp(&(b.file != name, &b.file, b.line, b.column)));
    out
}

fn place_key(f: &Finding) -> (u32, u32, String, usize) {
    match &f.place {
        Place::Span(s) => (s.start, s.end, String::new(), 0),
        Place::File { path, line, column } => (*line as u32, *column as u32, path.clone(), 1),
    }
}
