//! pest pairs → AST. Also the place where pwsh's semantic parse errors are produced: constructs
//! the grammar accepts on purpose (`<`, a redirection without a file, `-foo` after an
//! expression, `@x` in an expression, …) are reported here with pwsh's text and position.
//! Failures of the grammar itself are explained by [`crate::lang::diagnose`].
//!
//! The builder never panics on a tree the grammar produced: children are looked up with
//! `find`/`next` and a missing one degrades to an empty node.

use std::cell::RefCell;
use std::rc::Rc;

use pest::iterators::Pair;

use super::Rule;
use crate::engine::messages as m;
use crate::engine::value::Value;
use crate::lang::ParseError;
use crate::lang::ast::*;
use crate::lang::source::SourceFile;
use crate::lang::sym::{eq_ci, intern};

type P<'i> = Pair<'i, Rule>;

/// Deepest operator chain accepted in one expression (`1+1+…`) and most prefix operators on one
/// operand (`-not -not …`): the tree is evaluated and dropped recursively, so it is bounded like
/// bracket nesting (lang/depth.rs).
pub const MAX_OPERANDS: usize = 5000;

pub struct Builder {
    file: Rc<SourceFile>,
    pub errors: Vec<ParseError>,
    /// Per script block being built: (uses $PSBoundParameters & co, uses $args).
    uses: Vec<(bool, bool)>,
}

thread_local! {
    /// Offset of the text pest parsed within the file: non-zero while building a piece of a
    /// script parsed chunk by chunk (see `lang::parse_chunked`).
    static BASE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Sets the offset added to pest positions; returns the previous one.
pub(crate) fn set_base(base: usize) -> usize {
    BASE.with(|b| b.replace(base))
}

#[inline]
fn base() -> usize {
    BASE.with(|b| b.get())
}

/// File offsets of a pair.
#[inline]
fn pstart(p: &P) -> usize {
    p.as_span().start() + base()
}

#[inline]
fn pend(p: &P) -> usize {
    p.as_span().end() + base()
}

fn span_of(p: &P) -> Span {
    let s = p.as_span();
    let b = base();
    Span::new(s.start() + b, s.end() + b)
}

/// Phrase rules consume the whitespace after them (see the grammar's convention); their extent,
/// like pwsh's, ends where their last token ends.
fn is_phrase(r: Rule) -> bool {
    matches!(
        r,
        Rule::pipeline_chain
            | Rule::pipeline
            | Rule::command
            | Rule::command_argument
            | Rule::command_parameter
            | Rule::param_value
            | Rule::expression
            | Rule::expression_nc
            | Rule::expression_head
            | Rule::assignment_tail
            | Rule::ternary_tail
            | Rule::redirection
            | Rule::reserved_lt
            | Rule::pipe_expression_error
            | Rule::flow_value
            | Rule::flow_statement
    )
}

fn phrase_end(p: &P) -> usize {
    let end = pend(p);
    if !is_phrase(p.as_rule()) {
        return end;
    }
    match p.clone().into_inner().last() {
        Some(last) => phrase_end(&last),
        None => {
            // No children (e.g. `-Name:` without value): trim trailing blanks.
            pstart(p) + p.as_str().trim_end_matches([' ', '\t']).len()
        }
    }
}

fn phrase_span(p: &P) -> Span {
    Span::new(pstart(p), phrase_end(p))
}

fn element_end(e: &PipeElement) -> usize {
    match e {
        PipeElement::Expr { expr, redirections } => redirections.iter().map(|r| r.span.end).chain(std::iter::once(expr.span.end)).max().unwrap_or(0) as usize,
        PipeElement::Assign(a) => a.span.end as usize,
        PipeElement::Command(c) => c.span.end as usize,
    }
}

fn empty_chain(span: Span) -> PipelineChain {
    PipelineChain { first: Pipeline { elements: vec![], span }, rest: vec![], span }
}

fn null_expr(span: Span) -> Expr {
    Expr { kind: ExprKind::Const(Value::Null), span }
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

/// Text after a leading dash character (any of pwsh's four dashes).
fn after_dash(text: &str) -> &str {
    match text.chars().next() {
        Some(c) if is_dash(c) => &text[c.len_utf8()..],
        _ => text,
    }
}

impl Builder {
    pub fn new(file: Rc<SourceFile>) -> Builder {
        Builder { file, errors: Vec::new(), uses: Vec::new() }
    }

    fn error(&mut self, span: Span, id: &'static str, message: impl Into<String>) {
        self.errors.push(ParseError { message: message.into(), id, span });
    }

    // ───────────────────────────── script blocks ─────────────────────────────

    pub fn script(&mut self, p: P) -> ScriptBlock {
        let span = span_of(&p);
        match p.into_inner().find(|x| x.as_rule() == Rule::script_body) {
            Some(body) => self.script_block(body, span),
            None => self.empty_script_block(span),
        }
    }

    fn empty_script_block(&self, span: Span) -> ScriptBlock {
        ScriptBlock {
            file: self.file.clone(),
            span,
            attributes: Vec::new(),
            params: None,
            param_span: None,
            begin: None,
            process: None,
            end: None,
            has_named_blocks: false,
            uses_bound_parameters: false,
            uses_args: false,
            is_advanced: false,
            signature: RefCell::new(None),
        }
    }

    /// `script_body` or `script_block_inner`.
    fn script_block(&mut self, p: P, span: Span) -> ScriptBlock {
        let mut sb = self.script_start(span);
        for c in p.into_inner() {
            self.script_part(&mut sb, c);
        }
        self.script_finish(sb)
    }

    /// A script block being built piece by piece: [`Self::script_part`] for each child of
    /// `script_body` (or `script_head`), then [`Self::script_finish`].
    pub(crate) fn script_start(&mut self, span: Span) -> ScriptBlock {
        self.uses.push((false, false));
        self.empty_script_block(span)
    }

    pub(crate) fn script_part(&mut self, sb: &mut ScriptBlock, c: P) {
        {
            match c.as_rule() {
                Rule::using_statement => {}
                Rule::param_part => {
                    for pc in c.into_inner() {
                        match pc.as_rule() {
                            Rule::attribute => {
                                let a = self.attribute(pc);
                                sb.attributes.push(a);
                            }
                            Rule::param_block => {
                                sb.param_span = Some(span_of(&pc));
                                sb.params = Some(self.param_block(pc));
                            }
                            _ => {}
                        }
                    }
                }
                Rule::named_block_list => {
                    sb.has_named_blocks = true;
                    for nb in c.into_inner() {
                        let nb_span = span_of(&nb);
                        let mut name = String::new();
                        let mut stmts = Vec::new();
                        for part in nb.into_inner() {
                            match part.as_rule() {
                                Rule::block_name => name = part.as_str().to_ascii_lowercase(),
                                Rule::statement_block => stmts = self.statement_block(part),
                                _ => {}
                            }
                        }
                        let slot = match name.as_str() {
                            "begin" => &mut sb.begin,
                            "process" => &mut sb.process,
                            "end" => &mut sb.end,
                            // dynamicparam / clean blocks are parsed; tenantsim does not run them.
                            _ => continue,
                        };
                        if slot.is_some() {
                            // Parser.NamedBlockListRule: DuplicateScriptCommandClause.
                            self.error(nb_span, "DuplicateScriptCommandClause", m::render(m::PARSE_DUPLICATE_SCRIPT_COMMAND_CLAUSE, &[&name]));
                        } else {
                            *slot = Some(stmts);
                        }
                    }
                }
                Rule::statement_list => sb.end = Some(self.statement_list(c)),
                _ => {}
            }
        }
    }

    pub(crate) fn script_finish(&mut self, mut sb: ScriptBlock) -> ScriptBlock {
        // What the body (nested blocks included) references: evaluation must populate these.
        let (bound, args) = self.uses.pop().unwrap_or((true, true));
        sb.uses_bound_parameters = bound;
        sb.uses_args = args;
        if let Some(outer) = self.uses.last_mut() {
            outer.0 |= bound;
            outer.1 |= args;
        }
        sb.is_advanced = sb.attributes.iter().any(|a| eq_ci(&a.name, "CmdletBinding"))
            || sb.params.as_ref().is_some_and(|ps| ps.iter().any(|p| p.attributes.iter().any(|a| eq_ci(&a.name, "Parameter"))));
        sb
    }

    fn param_block(&mut self, p: P) -> Vec<ParamDecl> {
        let mut out = Vec::new();
        for c in p.into_inner() {
            if c.as_rule() == Rule::parameter_list {
                out = self.parameter_list(c);
            }
        }
        out
    }

    /// Parser.ParameterListRule plus SemanticChecks' DuplicateFormalParameter.
    fn parameter_list(&mut self, p: P) -> Vec<ParamDecl> {
        let mut out: Vec<ParamDecl> = Vec::new();
        for prm in p.into_inner() {
            let var_span = prm.clone().into_inner().find(|c| matches!(c.as_rule(), Rule::variable | Rule::splat_expr)).map(|c| span_of(&c));
            if let Some(d) = self.parameter(prm) {
                if out.iter().any(|o| eq_ci(&o.name, &d.name)) {
                    let at = var_span.unwrap_or(d.span);
                    self.error(at, "DuplicateFormalParameter", m::render(m::PARSE_DUPLICATE_FORMAL_PARAMETER, &[&d.name]));
                }
                out.push(d);
            }
        }
        out
    }

    fn parameter(&mut self, p: P) -> Option<ParamDecl> {
        let span = span_of(&p);
        let mut attributes = Vec::new();
        let mut types = Vec::new();
        let mut var = None;
        let mut default = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::attribute => attributes.push(self.attribute(c)),
                Rule::type_literal => types.push(self.type_literal(c)),
                Rule::variable => var = Some(self.variable(c)),
                Rule::splat_expr => {
                    self.splat_not_permitted(&c);
                    var = Some(self.splat_var(&c));
                }
                Rule::expression_nc => default = Some(self.expression(c)),
                _ => {}
            }
        }
        let v = var?;
        Some(ParamDecl { name: v.name.clone(), sym: v.sym, attributes, types, default, span })
    }

    fn attribute(&mut self, p: P) -> Attribute {
        let span = span_of(&p);
        let mut name: Rc<str> = Rc::from("");
        let mut positional = Vec::new();
        let mut named: Vec<(Rc<str>, Option<Expr>)> = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::type_name => name = Rc::from(c.as_str()),
                Rule::attribute_args => {
                    for arg in c.into_inner() {
                        let Some(inner) = arg.into_inner().next() else { continue };
                        match inner.as_rule() {
                            Rule::named_attribute_arg => {
                                let nspan = span_of(&inner);
                                let mut it = inner.into_inner();
                                let n = it.next().map(|x| x.as_str().to_string()).unwrap_or_default();
                                let v = it.next().map(|e| self.expression(e));
                                if named.iter().any(|(k, _)| eq_ci(k, &n)) {
                                    // Parser.AttributeArgumentsRule: DuplicateNamedArgument.
                                    self.error(
                                        Span::new(nspan.start as usize, nspan.start as usize + n.len()),
                                        "DuplicateNamedArgument",
                                        m::render(m::PARSE_DUPLICATE_NAMED_ARGUMENT, &[&n]),
                                    );
                                } else {
                                    named.push((Rc::from(n.as_str()), v));
                                }
                            }
                            _ => positional.push(self.expression(inner)),
                        }
                    }
                }
                _ => {}
            }
        }
        Attribute { name, positional, named, span }
    }

    fn statement_block(&mut self, p: P) -> Vec<Stmt> {
        match p.into_inner().find(|c| c.as_rule() == Rule::statement_list) {
            Some(list) => self.statement_list(list),
            None => Vec::new(),
        }
    }

    fn statement_list(&mut self, p: P) -> Vec<Stmt> {
        let mut out = Vec::new();
        self.statements_into(p, &mut out);
        out
    }

    /// The statements among `p`'s children; a `label` applies to the loop after it.
    pub(crate) fn statements_into(&mut self, p: P, out: &mut Vec<Stmt>) {
        let mut label: Option<(Rc<str>, Span)> = None;
        for c in p.into_inner() {
            if c.as_rule() == Rule::label {
                label = Some((Rc::from(&c.as_str()[1..]), span_of(&c)));
                continue;
            }
            if let Some(mut s) = self.statement(c) {
                if let Some((l, lspan)) = label.take() {
                    match &mut s.kind {
                        StmtKind::While { label: sl, .. }
                        | StmtKind::DoLoop { label: sl, .. }
                        | StmtKind::For { label: sl, .. }
                        | StmtKind::Foreach { label: sl, .. } => *sl = Some(l),
                        StmtKind::Switch(sw) => sw.label = Some(l),
                        _ => {}
                    }
                    s.span = lspan.to(s.span);
                }
                out.push(s);
            }
        }
    }

    /// The `statement` wrapper rule (assignment and hash-entry values): its one statement.
    fn wrapped_statement(&mut self, p: P) -> Option<Stmt> {
        if p.as_rule() != Rule::statement {
            return self.statement(p);
        }
        let mut out = Vec::new();
        self.statements_into(p, &mut out);
        out.pop()
    }

    // ───────────────────────────── statements ─────────────────────────────

    fn statement(&mut self, p: P) -> Option<Stmt> {
        if p.as_rule() == Rule::pipeline_chain {
            let pc = self.pipeline_chain(p);
            let span = pc.span;
            return Some(Stmt { kind: StmtKind::Pipeline(Rc::new(pc)), span });
        }
        let span = if is_phrase(p.as_rule()) { phrase_span(&p) } else { span_of(&p) };
        let kind = match p.as_rule() {
            Rule::if_statement => {
                let mut clauses = Vec::new();
                let mut else_body = None;
                let mut cond = None;
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::condition => cond = Some(self.condition(c)),
                        Rule::statement_block => {
                            let body = self.statement_block(c);
                            clauses.push((cond.take().unwrap_or_else(|| empty_chain(span)), body));
                        }
                        Rule::elseif_clause => {
                            let mut econd = None;
                            for ec in c.into_inner() {
                                match ec.as_rule() {
                                    Rule::condition => econd = Some(self.condition(ec)),
                                    Rule::statement_block => {
                                        let body = self.statement_block(ec);
                                        clauses.push((econd.take().unwrap_or_else(|| empty_chain(span)), body));
                                    }
                                    _ => {}
                                }
                            }
                        }
                        Rule::else_clause => {
                            if let Some(b) = c.into_inner().find(|x| x.as_rule() == Rule::statement_block) {
                                else_body = Some(self.statement_block(b));
                            }
                        }
                        _ => {}
                    }
                }
                StmtKind::If { clauses, else_body }
            }
            Rule::while_statement => {
                let mut cond = None;
                let mut body = Vec::new();
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::condition => cond = Some(self.condition(c)),
                        Rule::statement_block => body = self.statement_block(c),
                        _ => {}
                    }
                }
                StmtKind::While { label: None, cond: cond.unwrap_or_else(|| empty_chain(span)), body }
            }
            Rule::do_statement => {
                let mut body = Vec::new();
                let mut until = false;
                let mut cond = None;
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::statement_block => body = self.statement_block(c),
                        Rule::do_kind => until = c.as_str().to_ascii_lowercase().starts_with("until"),
                        Rule::condition => cond = Some(self.condition(c)),
                        _ => {}
                    }
                }
                StmtKind::DoLoop { label: None, body, cond: cond.unwrap_or_else(|| empty_chain(span)), until }
            }
            Rule::for_statement => {
                let (mut init, mut cond, mut iter, mut body) = (None, None, None, Vec::new());
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::for_init => init = c.into_inner().next().map(|x| self.pipeline_chain(x)),
                        Rule::for_cond => cond = c.into_inner().next().map(|x| self.pipeline_chain(x)),
                        Rule::for_iter => iter = c.into_inner().next().map(|x| self.pipeline_chain(x)),
                        Rule::statement_block => body = self.statement_block(c),
                        _ => {}
                    }
                }
                StmtKind::For { label: None, init, cond, iter, body }
            }
            Rule::foreach_statement => {
                let mut var = None;
                let mut iter = None;
                let mut body = Vec::new();
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::foreach_flag => {
                            let name = after_dash(c.as_str()).to_string();
                            let lower = name.to_ascii_lowercase();
                            if "parallel".starts_with(&lower) || "throttlelimit".starts_with(&lower) {
                                self.error(
                                    span_of(&c),
                                    "ParallelNotSupported",
                                    format!("The '-{name}' parameter of the foreach statement is not supported by tenantsim."),
                                );
                            } else {
                                self.error(span_of(&c), "InvalidForeachFlag", m::render(m::PARSE_INVALID_FOREACH_FLAG, &[&name]));
                            }
                        }
                        Rule::variable => var = Some(self.variable(c)),
                        Rule::splat_expr => {
                            self.splat_not_permitted(&c);
                            var = Some(self.splat_var(&c));
                        }
                        Rule::pipeline_chain => iter = Some(self.pipeline_chain(c)),
                        Rule::statement_block => body = self.statement_block(c),
                        _ => {}
                    }
                }
                let var = var.unwrap_or_else(|| self.variable_text("$_", span));
                StmtKind::Foreach { label: None, var, iter: iter.unwrap_or_else(|| empty_chain(span)), body }
            }
            Rule::switch_statement => StmtKind::Switch(Box::new(self.switch(p))),
            Rule::try_statement => {
                let mut body = Vec::new();
                let mut catches: Vec<CatchClause> = Vec::new();
                let mut finally = None;
                let mut body_span = span;
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::statement_block => {
                            body_span = span_of(&c);
                            body = self.statement_block(c);
                        }
                        Rule::catch_clause => {
                            let cspan = span_of(&c);
                            let mut types = Vec::new();
                            let mut cbody = Vec::new();
                            for cc in c.into_inner() {
                                match cc.as_rule() {
                                    Rule::type_literal => types.push(self.type_literal(cc)),
                                    Rule::statement_block => cbody = self.statement_block(cc),
                                    _ => {}
                                }
                            }
                            // SemanticChecks.VisitTryStatement: a catch-all must be the last catch
                            // block; reported at Parser.Before(next clause), the empty extent one
                            // character before it.
                            if catches.last().is_some_and(|c| c.types.is_empty()) {
                                let at = cspan.start.saturating_sub(1) as usize;
                                self.error(Span::new(at, at), "EmptyCatchNotLast", m::PARSE_EMPTY_CATCH_NOT_LAST);
                            }
                            catches.push(CatchClause { types, body: cbody });
                        }
                        Rule::finally_clause => {
                            finally = c.into_inner().find(|b| b.as_rule() == Rule::statement_block).map(|b| self.statement_block(b));
                        }
                        _ => {}
                    }
                }
                if catches.is_empty() && finally.is_none() {
                    // Parser.TryStatementRule: After(body).
                    let end = Span::new(body_span.end as usize, body_span.end as usize);
                    self.error(end, "MissingCatchOrFinally", m::PARSE_MISSING_CATCH_OR_FINALLY);
                }
                StmtKind::Try { body, catches, finally }
            }
            Rule::trap_statement => {
                let mut types = Vec::new();
                let mut body = Vec::new();
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::type_literal => types.push(self.type_literal(c)),
                        Rule::statement_block => body = self.statement_block(c),
                        _ => {}
                    }
                }
                StmtKind::Trap { types, body }
            }
            Rule::function_definition => {
                let mut is_filter = false;
                let mut name: Rc<str> = Rc::from("");
                let mut paren_params = None;
                let mut body = None;
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::function_kw => is_filter = c.as_str().to_ascii_lowercase().starts_with("filter"),
                        Rule::function_name => name = Rc::from(c.as_str()),
                        Rule::function_parens => {
                            let fspan = span_of(&c);
                            let mut ps = Vec::new();
                            for pl in c.into_inner() {
                                ps = self.parameter_list(pl);
                            }
                            paren_params = Some((ps, fspan));
                        }
                        Rule::function_body => {
                            let bspan = span_of(&c);
                            body = match c.into_inner().next() {
                                Some(inner) => Some(self.script_block(inner, bspan)),
                                None => Some(self.empty_script_block(bspan)),
                            };
                        }
                        _ => {}
                    }
                }
                let mut body = body.unwrap_or_else(|| self.empty_script_block(span));
                if let Some((ps, pspan)) = paren_params {
                    if body.params.is_some() {
                        // Parser.FunctionDeclarationRule: OnlyOneParameterListAllowed.
                        self.error(pspan, "OnlyOneParameterListAllowed", m::PARSE_ONLY_ONE_PARAMETER_LIST_ALLOWED);
                    }
                    body.params = Some(ps);
                }
                if is_filter && !body.has_named_blocks {
                    body.process = body.end.take();
                }
                StmtKind::Function { name, is_filter, body: Rc::new(body) }
            }
            Rule::flow_statement => {
                let mut kw = String::new();
                let mut label: Option<Rc<str>> = None;
                let mut value = None;
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::loop_flow_kw | Rule::value_flow_kw => kw = c.as_str().to_ascii_lowercase(),
                        Rule::flow_label => label = Some(Rc::from(c.as_str())),
                        Rule::flow_value => {
                            if let Some(pc) = c.into_inner().next() {
                                value = Some(pc);
                            }
                        }
                        _ => {}
                    }
                }
                match kw.as_str() {
                    "break" | "continue" => {
                        let label = label.or_else(|| {
                            value.map(|v| {
                                let t = v.as_str().trim();
                                Rc::from(t.trim_start_matches(':').trim_matches(|c| c == '\'' || c == '"'))
                            })
                        });
                        if kw == "break" { StmtKind::Break(label) } else { StmtKind::Continue(label) }
                    }
                    _ => {
                        let pc = value.map(|v| self.pipeline_chain(v));
                        match kw.as_str() {
                            "return" => StmtKind::Return(pc),
                            "throw" => StmtKind::Throw(pc),
                            _ => StmtKind::Exit(pc),
                        }
                    }
                }
            }
            Rule::unsupported_statement => {
                let word = p.as_str().split(|c: char| c.is_whitespace() || c == '{').next().unwrap_or("").to_string();
                self.error(span, "UnsupportedStatement", format!("The '{word}' statement is not supported by tenantsim."));
                return None;
            }
            Rule::misplaced_using => {
                self.error(span, "UsingMustBeAtStartOfScript", m::PARSE_USING_MUST_BE_AT_START_OF_SCRIPT);
                return None;
            }
            _ => return None,
        };
        Some(Stmt { kind, span })
    }

    fn condition(&mut self, p: P) -> PipelineChain {
        let span = span_of(&p);
        match p.into_inner().find(|c| c.as_rule() == Rule::pipeline_chain) {
            Some(pc) => self.pipeline_chain(pc),
            None => empty_chain(span),
        }
    }

    fn switch(&mut self, p: P) -> SwitchStmt {
        let mut sw = SwitchStmt {
            label: None,
            mode: SwitchMode::Exact,
            case_sensitive: false,
            file: false,
            subject: empty_chain(span_of(&p)),
            clauses: Vec::new(),
            default: None,
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::switch_flag => {
                    let name = after_dash(c.as_str()).to_string();
                    let f = name.to_ascii_lowercase();
                    // Parser.SwitchStatementRule: IsSpecificParameter = prefix match.
                    let known = ["regex", "wildcard", "exact", "casesensitive", "parallel", "file"];
                    match known.iter().find(|k| k.starts_with(f.as_str()) && !f.is_empty()) {
                        Some(&"regex") => sw.mode = SwitchMode::Regex,
                        Some(&"wildcard") => sw.mode = SwitchMode::Wildcard,
                        Some(&"exact") => sw.mode = SwitchMode::Exact,
                        Some(&"casesensitive") => sw.case_sensitive = true,
                        Some(&"file") => sw.file = true,
                        Some(_) => {
                            self.error(span_of(&c), "ParallelNotSupported", "The '-parallel' parameter of the switch statement is not supported by tenantsim.")
                        }
                        None => self.error(span_of(&c), "InvalidSwitchFlag", m::render(m::PARSE_INVALID_SWITCH_FLAG, &[&name])),
                    }
                }
                Rule::condition => sw.subject = self.condition(c),
                Rule::switch_file_arg => {
                    let span = span_of(&c);
                    if let Some(a) = c.into_inner().next() {
                        let e = self.arg_item(a);
                        sw.subject =
                            PipelineChain { first: Pipeline { elements: vec![PipeElement::Expr { expr: e, redirections: vec![] }], span }, rest: vec![], span };
                    }
                }
                Rule::switch_clause => {
                    let mut cond_pair = None;
                    let mut body = Vec::new();
                    for cc in c.into_inner() {
                        match cc.as_rule() {
                            Rule::switch_condition => cond_pair = cc.into_inner().next(),
                            Rule::statement_block => body = self.statement_block(cc),
                            _ => {}
                        }
                    }
                    let Some(arg) = cond_pair else { continue };
                    let is_default = arg.as_rule() == Rule::bareword && arg.as_str().eq_ignore_ascii_case("default");
                    if is_default {
                        if sw.default.is_some() {
                            self.error(span_of(&arg), "MultipleSwitchDefaultClauses", m::PARSE_MULTIPLE_SWITCH_DEFAULT_CLAUSES);
                        }
                        sw.default = Some(body);
                    } else {
                        let cond = self.arg_item(arg);
                        sw.clauses.push(SwitchClause { cond, body });
                    }
                }
                _ => {}
            }
        }
        sw
    }

    // ───────────────────────────── pipelines ─────────────────────────────

    fn pipeline_chain(&mut self, p: P) -> PipelineChain {
        let start = pstart(&p);
        let mut end = start;
        let mut first = None;
        let mut rest = Vec::new();
        let mut pending_op = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::chain_op => pending_op = Some(if c.as_str() == "&&" { ChainOp::And } else { ChainOp::Or }),
                Rule::pipeline => {
                    let pl = self.pipeline(c);
                    end = end.max(pl.span.end as usize);
                    if first.is_none() {
                        first = Some(pl);
                    } else {
                        rest.push((pending_op.take().unwrap_or(ChainOp::And), pl));
                    }
                }
                Rule::background_op => {
                    end = end.max(pend(&c));
                    self.error(span_of(&c), "BackgroundOperatorNotSupported", "Background jobs ('&' at the end of a pipeline) are not supported by tenantsim.");
                }
                _ => {}
            }
        }
        let span = Span::new(start, end);
        PipelineChain { first: first.unwrap_or(Pipeline { elements: vec![], span }), rest, span }
    }

    fn pipeline(&mut self, p: P) -> Pipeline {
        let start = pstart(&p);
        let mut elements = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::expression_head => elements.push(self.expression_head(c)),
                Rule::command => elements.push(PipeElement::Command(Rc::new(self.command(c)))),
                Rule::pipe_expression_error => {
                    let es = phrase_span(&c);
                    self.error(es, "ExpressionsMustBeFirstInPipeline", m::PARSE_EXPRESSIONS_MUST_BE_FIRST_IN_PIPELINE);
                }
                _ => {}
            }
        }
        let end = elements.iter().map(element_end).max().unwrap_or(start);
        Pipeline { elements, span: Span::new(start, end) }
    }

    fn expression_head(&mut self, p: P) -> PipeElement {
        let span = span_of(&p);
        let mut expr = None;
        let mut redirections = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::expression => expr = Some(self.expression(c)),
                Rule::assignment_tail => {
                    let target = expr.take().unwrap_or_else(|| null_expr(span));
                    let mut op = AssignOp::Assign;
                    let mut value = None;
                    for a in c.into_inner() {
                        match a.as_rule() {
                            Rule::assign_op => {
                                op = match a.as_str() {
                                    "=" => AssignOp::Assign,
                                    "+=" => AssignOp::Add,
                                    "*=" => AssignOp::Mul,
                                    "/=" => AssignOp::Div,
                                    "%=" => AssignOp::Rem,
                                    "??=" => AssignOp::Coalesce,
                                    _ => AssignOp::Sub,
                                }
                            }
                            _ => value = self.wrapped_statement(a),
                        }
                    }
                    let value = value.unwrap_or_else(|| Stmt { kind: StmtKind::Pipeline(Rc::new(empty_chain(span))), span });
                    self.check_assignable(&target, op);
                    let span = target.span.to(value.span);
                    return PipeElement::Assign(Box::new(Assignment { target, op, value, span }));
                }
                Rule::redirection => {
                    if let Some(r) = self.redirection(c, &redirections) {
                        redirections.push(r);
                    }
                }
                Rule::reserved_lt => self.reserved_lt(c),
                _ => {}
            }
        }
        PipeElement::Expr { expr: expr.unwrap_or_else(|| null_expr(span)), redirections }
    }

    /// SemanticChecks.CheckAssignmentTarget: a variable, a property or an element (not through
    /// `?.`/`?[`), a typed variable; several of them only for a plain `=`.
    fn check_assignable(&mut self, e: &Expr, op: AssignOp) {
        fn single(e: &Expr) -> bool {
            match &e.kind {
                ExprKind::Var(_) => true,
                ExprKind::Member { null_conditional, .. } | ExprKind::Index { null_conditional, .. } => !null_conditional,
                ExprKind::Cast(_, inner) => matches!(inner.kind, ExprKind::Var(_)),
                _ => false,
            }
        }
        let ok = match &e.kind {
            ExprKind::Array(items) => op == AssignOp::Assign && items.iter().all(single),
            _ => single(e),
        };
        if !ok {
            self.error(e.span, "InvalidLeftHandSide", m::PARSE_INVALID_LEFT_HAND_SIDE);
        }
    }

    /// Parser.RedirectionRule
    fn redirection(&mut self, p: P, existing: &[Redirection]) -> Option<Redirection> {
        let mut op = String::new();
        let mut op_span = span_of(&p);
        let mut target = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::redirect_op => {
                    op = c.as_str().to_string();
                    op_span = span_of(&c);
                }
                Rule::redirect_target => target = c.into_inner().next(),
                _ => {}
            }
        }
        let (stream_part, rest) = match op.find('>') {
            Some(i) => (&op[..i], &op[i..]),
            None => ("", op.as_str()),
        };
        let stream = match stream_part {
            "" => 1,
            "*" => 0,
            s => s.parse::<u8>().unwrap_or(1),
        };
        let append = rest.starts_with(">>");
        let merge = rest.find('&').map(|i| rest[i + 1..].parse::<u8>().unwrap_or(1));
        let (target, span) = match merge {
            Some(to) => {
                if to != 1 || stream == to {
                    self.error(op_span, "RedirectionNotSupported", m::render(m::PARSE_REDIRECTION_NOT_SUPPORTED, &[&op]));
                }
                (RedirectTarget::Stream(1), op_span)
            }
            None => match target {
                Some(t) => {
                    let e = self.arg_item(t);
                    let span = op_span.to(e.span);
                    (RedirectTarget::File(e), span)
                }
                None => {
                    let at = Span::new(op_span.end as usize, op_span.end as usize);
                    self.error(at, "MissingFileSpecification", m::PARSE_MISSING_FILE_SPECIFICATION);
                    return None;
                }
            },
        };
        if existing.iter().any(|r| r.stream == stream) {
            let name = match stream {
                0 => m::PARSE_STREAM_NAME_ALL,
                1 => m::PARSE_STREAM_NAME_OUTPUT,
                2 => m::PARSE_STREAM_NAME_ERROR,
                3 => m::PARSE_STREAM_NAME_WARNING,
                4 => m::PARSE_STREAM_NAME_VERBOSE,
                5 => m::PARSE_STREAM_NAME_DEBUG,
                _ => m::PARSE_STREAM_NAME_INFORMATION,
            };
            self.error(span, "StreamAlreadyRedirected", m::render(m::PARSE_STREAM_ALREADY_REDIRECTED, &[name]));
        }
        Some(Redirection { stream, append, target, span })
    }

    /// `<` (input redirection): Parser.RedirectionRule reports RedirectionNotSupported at the
    /// operator after consuming its file name; a missing file name is reported first.
    fn reserved_lt(&mut self, p: P) {
        let span = span_of(&p);
        let lt = Span::new(span.start as usize, span.start as usize + 1);
        let has_target = p.into_inner().any(|c| c.as_rule() == Rule::redirect_target);
        if !has_target {
            self.error(Span::new(lt.end as usize, lt.end as usize), "MissingFileSpecification", m::PARSE_MISSING_FILE_SPECIFICATION);
        }
        self.error(lt, "RedirectionNotSupported", m::render(m::PARSE_REDIRECTION_NOT_SUPPORTED, &["<"]));
    }

    // ───────────────────────────── commands ─────────────────────────────

    fn command(&mut self, p: P) -> CommandCall {
        let start = pstart(&p);
        let mut end = start;
        let mut invocation = Invocation::Plain;
        let mut name = None;
        let mut args = Vec::new();
        let mut redirections: Vec<Redirection> = Vec::new();
        let mut saw_dashdash = false;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::invocation_op => invocation = if c.as_str() == "&" { Invocation::Call } else { Invocation::DotSource },
                Rule::command_name_expr => {
                    if let Some(a) = c.into_inner().next() {
                        name = Some(CommandName::Expr(self.arg_item(a)));
                    }
                }
                Rule::command_name => {
                    end = end.max(pend(&c));
                    let n = generic_token_value(c.as_str());
                    // Commands that read variables by name need them populated.
                    if eq_ci(&n, "Get-Variable") || eq_ci(&n, "gv") {
                        self.mark_uses(true, false);
                    } else if eq_ci(&n, "Invoke-Expression") || eq_ci(&n, "iex") {
                        self.mark_uses(true, true);
                    }
                    name = Some(CommandName::Bare(Rc::from(n.as_str())));
                }
                Rule::redirection => {
                    if let Some(r) = self.redirection(c, &redirections) {
                        redirections.push(r);
                    }
                }
                Rule::reserved_lt => self.reserved_lt(c),
                Rule::dashdash => {
                    // Parser.CommandRule: the first `--` ends parameter parsing; later ones are arguments.
                    if saw_dashdash {
                        args.push(CommandArg::Value(Expr { kind: ExprKind::Const(Value::str(c.as_str())), span: span_of(&c) }));
                    }
                    saw_dashdash = true;
                }
                Rule::command_parameter => {
                    if saw_dashdash {
                        let s = span_of(&c);
                        args.push(CommandArg::Value(Expr { kind: ExprKind::Const(Value::str(c.as_str())), span: s }));
                        continue;
                    }
                    args.push(self.command_parameter(c));
                }
                Rule::command_argument => {
                    if let Some(a) = self.command_argument_or_splat(c) {
                        args.push(a);
                    }
                }
                _ => {}
            }
        }
        let name = name.unwrap_or_else(|| CommandName::Bare(Rc::from("")));
        if let CommandName::Expr(e) = &name {
            end = end.max(e.span.end as usize);
        }
        for a in &args {
            let e = match a {
                CommandArg::Param { span, .. } | CommandArg::Splat { span, .. } => span.end,
                CommandArg::Value(e) => e.span.end,
            };
            end = end.max(e as usize);
        }
        for r in &redirections {
            end = end.max(r.span.end as usize);
        }
        CommandCall { invocation, name, args, redirections, span: Span::new(start, end), cache: RefCell::new(None) }
    }

    fn command_parameter(&mut self, p: P) -> CommandArg {
        let span = span_of(&p);
        let mut name = String::new();
        let mut name_end = span.end as usize;
        let mut colon = false;
        let mut colon_end = 0usize;
        let mut value = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::param_name => {
                    name = c.as_str().to_string();
                    name_end = pend(&c);
                }
                Rule::param_colon => {
                    colon = true;
                    colon_end = pend(&c);
                }
                Rule::param_value => {
                    if let Some(v) = c.into_inner().next() {
                        value = Some(match v.as_rule() {
                            Rule::param_as_value => Expr { kind: ExprKind::Const(Value::str(v.as_str())), span: span_of(&v) },
                            _ => self.command_argument(v),
                        });
                    }
                }
                _ => {}
            }
        }
        let mut pspan = span;
        if colon && value.is_none() {
            // Parser.CommandRule: ParameterRequiresArgument, After(parameter token).
            let token_text = self.file.slice(Span::new(span.start as usize, colon_end)).to_string();
            self.error(Span::new(colon_end, colon_end), "ParameterRequiresArgument", m::render(m::PARSE_PARAMETER_REQUIRES_ARGUMENT, &[&token_text]));
            pspan = Span::new(span.start as usize, colon_end);
        } else if !colon {
            pspan = Span::new(span.start as usize, name_end);
        } else if let Some(v) = &value {
            pspan = Span::new(span.start as usize, v.span.end as usize);
        }
        CommandArg::Param { name: Rc::from(name.as_str()), value, colon, span: pspan }
    }

    /// A command argument, or `@splat` standing alone.
    fn command_argument_or_splat(&mut self, p: P) -> Option<CommandArg> {
        let items: Vec<P> = p.into_inner().collect();
        if items.len() == 1 && items[0].as_rule() == Rule::splat {
            let var = self.splat_var(&items[0]);
            return Some(CommandArg::Splat { var, span: span_of(&items[0]) });
        }
        if items.len() > 1 {
            if let Some(sp) = items.iter().find(|i| i.as_rule() == Rule::splat) {
                // Parser / SemanticChecks: SplattingNotPermittedInArgumentList.
                let n = sp.as_str()[1..].to_string();
                self.error(span_of(sp), "SplattingNotPermittedInArgumentList", m::render(m::PARSE_SPLATTING_NOT_PERMITTED_IN_ARGUMENT_LIST, &[&n]));
            }
        }
        let mut exprs: Vec<Expr> = items.into_iter().map(|a| self.arg_item(a)).collect();
        Some(CommandArg::Value(if exprs.len() == 1 { exprs.pop()? } else { array_expr(exprs) }))
    }

    /// `a, b, c` in argument mode.
    fn command_argument(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        let mut items: Vec<Expr> = p.into_inner().map(|a| self.arg_item(a)).collect();
        match items.len() {
            0 => null_expr(span),
            1 => items.pop().unwrap_or_else(|| null_expr(span)),
            _ => array_expr(items),
        }
    }

    /// SemanticChecks: `@name` anywhere but as a command argument.
    fn splat_not_permitted(&mut self, p: &P) {
        let n = p.as_str()[1..].to_string();
        self.error(span_of(p), "SplattingNotPermitted", m::render(m::PARSE_SPLATTING_NOT_PERMITTED, &[&n]));
    }

    fn splat_var(&mut self, p: &P) -> VarRef {
        let name_text = &p.as_str()[1..];
        VarRef { scope: VarScope::Any, name: Rc::from(name_text), sym: intern(name_text), special: SpecialVar::None }
    }

    /// One argument-mode token (Parser.GetCommandArgument).
    fn arg_item(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        match p.as_rule() {
            Rule::arg_number => {
                let text = p.as_str();
                match self.number_value(text, span) {
                    Some(v) => Expr { kind: ExprKind::Const(v), span },
                    None => Expr { kind: ExprKind::Const(Value::str(text)), span },
                }
            }
            Rule::bareword => self.bareword(p),
            Rule::splat => {
                let var = self.splat_var(&p);
                Expr { kind: ExprKind::Splat(var), span }
            }
            Rule::string_postfix
            | Rule::here_string_postfix
            | Rule::variable_postfix_arg
            | Rule::sub_expression_postfix
            | Rule::array_expression_postfix
            | Rule::hash_postfix
            | Rule::paren_postfix
            | Rule::script_block_postfix => self.postfix_chain(p),
            _ => self.primary(p),
        }
    }

    /// A generic token as an argument: an expandable string when it contains `$x`, `$(…)` or a
    /// double-quoted part; otherwise a constant (tokenizer.ScanGenericToken).
    fn bareword(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        let mut parts: Vec<StrPart> = Vec::new();
        let mut lit = String::new();
        self.expand_text(&p, span.start as usize, span.end as usize, TextMode::Bare, &mut parts, &mut lit);
        if parts.is_empty() {
            return Expr { kind: ExprKind::Const(Value::string(lit)), span };
        }
        flush_lit(&mut parts, &mut lit);
        Expr { kind: ExprKind::Expandable(parts.into()), span }
    }

    /// Interpret the text `start..end` of the token `p` (a double-quoted string's content, a
    /// here-string body or a generic token): backtick escapes, `$name`/`${name}`/`$scope:name`
    /// variables, the `sub_expression` children of `p`, and (in generic tokens) quoted pieces.
    fn expand_text(&mut self, p: &P, start: usize, end: usize, mode: TextMode, parts: &mut Vec<StrPart>, lit: &mut String) {
        let subs: Vec<P> = p.clone().into_inner().filter(|c| c.as_rule() == Rule::sub_expression).collect();
        let mut subs = subs.into_iter().peekable();
        let file = self.file.clone();
        let text = file.text.as_str();
        let mut i = start;
        // In a generic token, the double-quoted piece we are inside of, if any.
        let mut in_dq = mode == TextMode::DqContent;
        while i < end {
            // Sub-expressions are children: build them from their pairs.
            if let Some(sp) = subs.peek() {
                let ss = pstart(sp);
                if ss < i {
                    subs.next();
                    continue;
                }
                if ss == i {
                    let Some(sp) = subs.next() else { break };
                    flush_lit(parts, lit);
                    let cspan = span_of(&sp);
                    let se = pend(&sp);
                    let stmts = self.sub_statements(sp);
                    parts.push(StrPart::Sub(stmts, cspan));
                    i = se;
                    continue;
                }
            }
            let Some(c) = text[i..end].chars().next() else { break };
            let clen = c.len_utf8();
            match c {
                '`' => {
                    let rest = &text[i + 1..end];
                    let (ch, used) = backtick_escape(rest);
                    lit.push_str(&ch);
                    i += 1 + used;
                }
                '$' => match lex_variable(&text[i..end]) {
                    Some(vlen) => {
                        flush_lit(parts, lit);
                        let vspan = Span::new(i, i + vlen);
                        let v = self.variable_text(&text[i..i + vlen], vspan);
                        parts.push(StrPart::Var(v, vspan));
                        i += vlen;
                    }
                    None => {
                        lit.push('$');
                        i += 1;
                    }
                },
                c if is_dq_char(c) && mode != TextMode::HereDq => {
                    if in_dq {
                        // A doubled quote is one quote; otherwise this closes the piece (only
                        // inside a generic token: a string's own quotes are outside start..end).
                        if let Some(n) = text[i + clen..end].chars().next().filter(|n| is_dq_char(*n)) {
                            lit.push(c);
                            i += clen + n.len_utf8();
                        } else if mode == TextMode::Bare {
                            in_dq = false;
                            i += clen;
                        } else {
                            lit.push(c);
                            i += clen;
                        }
                    } else {
                        in_dq = true;
                        i += clen;
                    }
                }
                c if is_sq_char(c) && mode == TextMode::Bare && !in_dq => {
                    // A '…' piece of a generic token: verbatim, doubled quotes undoubled.
                    let mut j = i + clen;
                    while j < end {
                        let Some(d) = text[j..end].chars().next() else { break };
                        let dlen = d.len_utf8();
                        if is_sq_char(d) {
                            if let Some(n) = text[j + dlen..end].chars().next().filter(|n| is_sq_char(*n)) {
                                lit.push(d);
                                j += dlen + n.len_utf8();
                                continue;
                            }
                            j += dlen;
                            break;
                        }
                        lit.push(d);
                        j += dlen;
                    }
                    i = j;
                }
                c => {
                    lit.push(c);
                    i += clen;
                }
            }
        }
    }

    fn sub_statements(&mut self, p: P) -> Vec<Stmt> {
        match p.into_inner().find(|c| c.as_rule() == Rule::statement_list) {
            Some(list) => self.statement_list(list),
            None => Vec::new(),
        }
    }

    // ───────────────────────────── expressions ─────────────────────────────

    pub fn expression(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        let mut operands: Vec<Expr> = Vec::new();
        let mut ops: Vec<(BinOp, Span)> = Vec::new();
        let mut commas: Vec<bool> = Vec::new();
        let mut ternary = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::unary_expression => operands.push(self.unary(c)),
                Rule::binary_op | Rule::binary_op_nc => {
                    let ospan = span_of(&c);
                    let text = c.as_str();
                    if text == "," {
                        ops.push((BinOp::Add, ospan));
                        commas.push(true);
                    } else {
                        let op = self.binary_op(text, ospan);
                        ops.push((op, ospan));
                        commas.push(false);
                    }
                }
                Rule::ternary_tail => ternary = Some(c),
                _ => {}
            }
        }
        if operands.len() > MAX_OPERANDS {
            let span = Span::new(span.start as usize, operands.last().map(|o| o.span.end as usize).unwrap_or(span.end as usize));
            self.error(span, "ScriptTooComplicated", m::PARSE_SCRIPT_TOO_COMPLICATED);
            return null_expr(span);
        }
        if operands.is_empty() {
            return null_expr(span);
        }
        // A trailing operator without operand cannot come out of the grammar; trim defensively.
        ops.truncate(operands.len() - 1);
        commas.truncate(operands.len() - 1);
        let e = build_binary(operands, ops, commas);
        match ternary {
            None => e,
            Some(t) => {
                let mut it = t.into_inner().filter(|x| x.as_rule() == Rule::expression);
                let a = it.next().map(|x| self.expression(x)).unwrap_or_else(|| null_expr(span));
                let b = it.next().map(|x| self.expression(x)).unwrap_or_else(|| null_expr(span));
                let span = e.span.to(b.span);
                Expr { kind: ExprKind::Ternary(Box::new(e), Box::new(a), Box::new(b)), span }
            }
        }
    }

    fn binary_op(&mut self, text: &str, span: Span) -> BinOp {
        match text {
            "+" => return BinOp::Add,
            "*" => return BinOp::Mul,
            "/" => return BinOp::Div,
            "%" => return BinOp::Rem,
            ".." => return BinOp::Range,
            "??" => return BinOp::Coalesce,
            _ => {}
        }
        let word = after_dash(text).to_ascii_lowercase();
        if word.is_empty() {
            return BinOp::Sub;
        }
        let (cs, base) = match word.as_bytes()[0] {
            b'c' if is_cmp_word(&word[1..]) => (true, &word[1..]),
            b'i' if is_cmp_word(&word[1..]) => (false, &word[1..]),
            _ => (false, word.as_str()),
        };
        use CmpOp::*;
        match base {
            "eq" => BinOp::Cmp(Eq, cs),
            "ne" => BinOp::Cmp(Ne, cs),
            "gt" => BinOp::Cmp(Gt, cs),
            "ge" => BinOp::Cmp(Ge, cs),
            "lt" => BinOp::Cmp(Lt, cs),
            "le" => BinOp::Cmp(Le, cs),
            "like" => BinOp::Cmp(Like, cs),
            "notlike" => BinOp::Cmp(NotLike, cs),
            "match" => BinOp::Cmp(Match, cs),
            "notmatch" => BinOp::Cmp(NotMatch, cs),
            "contains" => BinOp::Cmp(Contains, cs),
            "notcontains" => BinOp::Cmp(NotContains, cs),
            "in" => BinOp::Cmp(In, cs),
            "notin" => BinOp::Cmp(NotIn, cs),
            "replace" => BinOp::Replace(cs),
            "split" => BinOp::Split(cs),
            "join" => BinOp::Join,
            "is" => BinOp::Is,
            "isnot" => BinOp::IsNot,
            "as" => BinOp::As,
            "f" => BinOp::Format,
            "and" => BinOp::And,
            "or" => BinOp::Or,
            "xor" => BinOp::Xor,
            "band" => BinOp::Band,
            "bor" => BinOp::Bor,
            "bxor" => BinOp::Bxor,
            "shl" => BinOp::Shl,
            "shr" => BinOp::Shr,
            _ => {
                // Parser.ErrorRecoveryParameterInExpression: a parameter token after an expression.
                self.error(span, "UnexpectedToken", m::render(m::PARSE_UNEXPECTED_TOKEN, &[text]));
                BinOp::Add
            }
        }
    }

    fn unary(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        let mut prefixes: Vec<P> = Vec::new();
        let mut operand = None;
        let mut post: Option<P> = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::prefix_op => prefixes.push(c),
                Rule::postfix_expression => operand = Some(self.postfix_chain(c)),
                Rule::post_increment => post = Some(c),
                _ => {}
            }
        }
        let mut e = operand.unwrap_or_else(|| null_expr(span));
        if let Some(op) = post {
            let increment = op.as_str() == "++";
            let full = e.span.to(span_of(&op));
            self.check_incdec_target(&e, op.as_str());
            e = Expr { kind: ExprKind::IncDec { target: Box::new(e), increment, prefix: false }, span: full };
        }
        if prefixes.len() > MAX_OPERANDS {
            self.error(span, "ScriptTooComplicated", m::PARSE_SCRIPT_TOO_COMPLICATED);
            return null_expr(span);
        }
        for op in prefixes.into_iter().rev() {
            let ospan = span_of(&op);
            let espan = ospan.to(e.span);
            let text = op.as_str();
            if let Some(attr) = op.clone().into_inner().find(|c| c.as_rule() == Rule::attribute) {
                // An attribute in an expression only makes sense on a variable being assigned
                // (`[ValidateNotNull()]$x = …`); tenantsim does not enforce it there.
                let on_variable = match &e.kind {
                    ExprKind::Var(_) => true,
                    ExprKind::Cast(_, inner) => matches!(inner.kind, ExprKind::Var(_)),
                    _ => false,
                };
                if !on_variable {
                    let a = self.attribute(attr);
                    self.error(a.span, "UnexpectedAttribute", m::render(m::PARSE_UNEXPECTED_ATTRIBUTE, &[&a.name]));
                }
                continue;
            }
            if let Some(cast) = op.clone().into_inner().find(|c| c.as_rule() == Rule::cast) {
                if let Some(tl) = cast.into_inner().find(|c| c.as_rule() == Rule::type_literal) {
                    let t = self.type_literal(tl);
                    e = Expr { kind: ExprKind::Cast(Rc::new(t), Box::new(e)), span: espan };
                }
                continue;
            }
            let lower = text.to_ascii_lowercase();
            let first = lower.chars().next().unwrap_or(' ');
            let word = if is_dash(first) { after_dash(&lower) } else { "" };
            let kind = match (text, word) {
                ("!", _) | (_, "not") => ExprKind::Unary(UnaryOp::Not, Box::new(e)),
                (_, "bnot") => ExprKind::Unary(UnaryOp::Bnot, Box::new(e)),
                (_, "split") | (_, "isplit") => ExprKind::Unary(UnaryOp::Split { case_sensitive: false }, Box::new(e)),
                (_, "csplit") => ExprKind::Unary(UnaryOp::Split { case_sensitive: true }, Box::new(e)),
                (_, "join") => ExprKind::Unary(UnaryOp::Join, Box::new(e)),
                (",", _) => ExprKind::Unary(UnaryOp::Comma, Box::new(e)),
                ("++", _) => {
                    self.check_incdec_target(&e, "++");
                    ExprKind::IncDec { target: Box::new(e), increment: true, prefix: true }
                }
                ("+", _) => ExprKind::Unary(UnaryOp::Plus, Box::new(e)),
                _ if word.chars().next().is_some_and(is_dash) || (word.is_empty() && text.chars().count() == 2) => {
                    self.check_incdec_target(&e, text);
                    ExprKind::IncDec { target: Box::new(e), increment: false, prefix: true }
                }
                _ => match e.kind {
                    ExprKind::Const(ref v) if crate::engine::convert::is_numeric(v) => ExprKind::Const(negate_const(v.clone())),
                    _ => ExprKind::Unary(UnaryOp::Neg, Box::new(e)),
                },
            };
            e = Expr { kind, span: espan };
        }
        e
    }

    /// SemanticChecks: `++`/`--` need a variable, property or element.
    fn check_incdec_target(&mut self, e: &Expr, op: &str) {
        if !matches!(e.kind, ExprKind::Var(_) | ExprKind::Member { .. } | ExprKind::Index { .. }) {
            self.error(e.span, "OperatorRequiresVariableOrProperty", m::render(m::PARSE_OPERATOR_REQUIRES_VARIABLE_OR_PROPERTY, &[op]));
        }
    }

    /// primary followed by `.member`, `::member`, `(args)`, `[index]`.
    fn postfix_chain(&mut self, p: P) -> Expr {
        let mut it = p.into_inner();
        let Some(first) = it.next() else { return null_expr(Span::default()) };
        let mut e = self.primary(first);
        for op in it {
            let ospan = span_of(&op);
            let full = e.span.to(ospan);
            match op.as_rule() {
                Rule::member_access | Rule::static_member => {
                    let is_static = op.as_rule() == Rule::static_member;
                    let null_conditional = op.as_str().starts_with("?.");
                    let mut name = None;
                    let mut args = None;
                    for mc in op.into_inner() {
                        match mc.as_rule() {
                            Rule::invoke_args => args = Some(mc.into_inner().map(|a| self.expression(a)).collect::<Vec<_>>()),
                            Rule::invoke_sb => {
                                let sb: Vec<Expr> = mc.into_inner().map(|a| self.primary(a)).collect();
                                args = Some(sb);
                            }
                            _ => name = Some(self.member_name(mc)),
                        }
                    }
                    let name = name.unwrap_or_else(|| MemberName::Static(Rc::from("")));
                    e = match args {
                        Some(args) => Expr { kind: ExprKind::Invoke { target: Box::new(e), name, args, is_static, null_conditional }, span: full },
                        None => Expr { kind: ExprKind::Member { target: Box::new(e), name, is_static, null_conditional }, span: full },
                    };
                }
                Rule::index_op => {
                    let null_conditional = op.as_str().starts_with("?[");
                    let index = match op.into_inner().next() {
                        Some(idx) => self.expression(idx),
                        None => null_expr(ospan),
                    };
                    e = Expr { kind: ExprKind::Index { target: Box::new(e), index: Box::new(index), null_conditional }, span: full };
                }
                _ => {}
            }
        }
        e
    }

    fn member_name(&mut self, p: P) -> MemberName {
        match p.as_rule() {
            Rule::member_ident => {
                let n = p.as_str();
                if eq_ci(n, "MyInvocation") || eq_ci(n, "BoundParameters") {
                    self.mark_uses(true, false);
                }
                MemberName::Static(Rc::from(n))
            }
            Rule::sq_string => MemberName::Static(Rc::from(sq_content(p.as_str()).as_str())),
            _ => {
                let e = self.primary(p);
                match e.kind {
                    ExprKind::Const(Value::Str(s)) => MemberName::Static(s),
                    _ => MemberName::Dynamic(Box::new(e)),
                }
            }
        }
    }

    fn primary(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        match p.as_rule() {
            Rule::variable => Expr { kind: ExprKind::Var(self.variable(p)), span },
            Rule::number => {
                let text = p.as_str();
                match self.number_value(text, span) {
                    Some(v) => Expr { kind: ExprKind::Const(v), span },
                    None => null_expr(span),
                }
            }
            Rule::sq_string => Expr { kind: ExprKind::Const(Value::string(sq_content(p.as_str()))), span },
            Rule::dq_string => self.dq_string(p),
            Rule::here_string_sq => {
                let (bs, be) = here_string_body(p.as_str());
                let body = p.as_str()[bs..be].to_string();
                Expr { kind: ExprKind::Const(Value::string(body)), span }
            }
            Rule::here_string_dq => {
                let (bs, be) = here_string_body(p.as_str());
                let mut parts = Vec::new();
                let mut lit = String::new();
                let base = span.start as usize;
                self.expand_text(&p, base + bs, base + be, TextMode::HereDq, &mut parts, &mut lit);
                flush_lit(&mut parts, &mut lit);
                finish_string(parts, span)
            }
            Rule::sub_expression => Expr { kind: ExprKind::SubExpr(self.sub_statements(p)), span },
            Rule::array_expression => Expr { kind: ExprKind::ArraySub(self.sub_statements(p)), span },
            Rule::hash_literal => self.hash_literal(p),
            Rule::script_block_expr => {
                let sb = match p.into_inner().find(|c| c.as_rule() == Rule::script_block_inner) {
                    Some(inner) => self.script_block(inner, span),
                    None => self.empty_script_block(span),
                };
                Expr { kind: ExprKind::ScriptBlock(Rc::new(sb)), span }
            }
            Rule::paren_expression => {
                let pc = match p.into_inner().find(|c| c.as_rule() == Rule::pipeline_chain) {
                    Some(inner) => self.pipeline_chain(inner),
                    None => empty_chain(span),
                };
                Expr { kind: ExprKind::Paren(Box::new(pc)), span }
            }
            Rule::type_literal => {
                let t = self.type_literal(p);
                Expr { kind: ExprKind::TypeLit(Rc::new(t)), span }
            }
            Rule::splat_expr => {
                self.splat_not_permitted(&p);
                let var = self.splat_var(&p);
                Expr { kind: ExprKind::Var(var), span }
            }
            Rule::string_postfix
            | Rule::here_string_postfix
            | Rule::variable_postfix_arg
            | Rule::sub_expression_postfix
            | Rule::array_expression_postfix
            | Rule::hash_postfix
            | Rule::paren_postfix
            | Rule::script_block_postfix
            | Rule::postfix_expression => self.postfix_chain(p),
            Rule::unary_expression => self.unary(p),
            Rule::bareword => self.bareword(p),
            Rule::arg_number | Rule::splat => self.arg_item(p),
            _ => null_expr(span),
        }
    }

    /// Parser.HashExpressionRule / GetKeyValuePair
    fn hash_literal(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        let mut entries: Vec<(Expr, Stmt)> = Vec::new();
        for entry in p.into_inner() {
            if entry.as_rule() != Rule::hash_entry {
                continue;
            }
            let espan = span_of(&entry);
            let mut key = None;
            let mut value = None;
            for c in entry.into_inner() {
                match c.as_rule() {
                    Rule::hash_key => {
                        let kspan = span_of(&c);
                        key = c.into_inner().next().map(|k| match k.as_rule() {
                            Rule::hash_key_word => Expr { kind: ExprKind::Const(Value::str(k.as_str())), span: kspan },
                            _ => self.unary(k),
                        });
                    }
                    _ => value = self.wrapped_statement(c),
                }
            }
            let (Some(key), Some(value)) = (key, value) else { continue };
            // SemanticChecks.VisitHashtable: DuplicateKeyInHashLiteral for constant keys.
            if let ExprKind::Const(Value::Str(k)) = &key.kind {
                if entries.iter().any(|(ek, _)| matches!(&ek.kind, ExprKind::Const(Value::Str(s)) if eq_ci(s, k))) {
                    let k = k.to_string();
                    self.error(key.span, "DuplicateKeyInHashLiteral", m::render(m::PARSE_DUPLICATE_KEY_IN_HASH_LITERAL, &[&k]));
                }
            }
            let _ = espan;
            entries.push((key, value));
        }
        Expr { kind: ExprKind::Hash(Rc::new(entries)), span }
    }

    fn dq_string(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        let text = p.as_str();
        let open = text.chars().next().map(|c| c.len_utf8()).unwrap_or(1);
        let close = text.chars().last().map(|c| c.len_utf8()).unwrap_or(1);
        let (start, end) = (span.start as usize + open, (span.end as usize).saturating_sub(close).max(span.start as usize + open));
        let mut parts = Vec::new();
        let mut lit = String::new();
        self.expand_text(&p, start, end, TextMode::DqContent, &mut parts, &mut lit);
        flush_lit(&mut parts, &mut lit);
        finish_string(parts, span)
    }

    fn variable(&mut self, p: P) -> VarRef {
        let span = span_of(&p);
        self.variable_text(p.as_str(), span)
    }

    /// `$name`, `${name}`, `$scope:name`, `$$`, `$?`, `$^` (tokenizer.ScanVariable / VariablePath).
    fn variable_text(&mut self, text: &str, span: Span) -> VarRef {
        let body = text.get(1..).unwrap_or("");
        let braced = body.starts_with('{');
        let raw: String = if let Some(inner) = body.strip_prefix('{') {
            let inner = inner.strip_suffix('}').unwrap_or(inner);
            let mut s = String::new();
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                if c == '`' {
                    if let Some(n) = chars.next() {
                        s.push(n);
                    }
                } else {
                    s.push(c);
                }
            }
            s
        } else {
            body.to_string()
        };
        if braced && raw.is_empty() {
            self.error(span, "EmptyVariableReference", m::PARSE_EMPTY_VARIABLE_REFERENCE);
        }
        let (scope, name) = match raw.split_once(':') {
            Some((sc, n)) if !sc.is_empty() => {
                if n.is_empty() {
                    // `$x:` — a drive-qualified path with no name.
                    if braced {
                        self.error(span, "InvalidBracedVariableReference", m::PARSE_INVALID_BRACED_VARIABLE_REFERENCE);
                    } else {
                        self.error(span, "InvalidVariableReferenceWithDrive", m::PARSE_INVALID_VARIABLE_REFERENCE_WITH_DRIVE);
                    }
                }
                let scope = match sc.to_ascii_lowercase().as_str() {
                    "global" => VarScope::Global,
                    "script" => VarScope::Script,
                    "local" => VarScope::Local,
                    "private" => VarScope::Private,
                    "env" => VarScope::Env,
                    "using" => VarScope::Using,
                    "variable" => VarScope::Variable,
                    "function" => VarScope::Function,
                    _ => VarScope::Drive,
                };
                (scope, n.to_string())
            }
            _ => (VarScope::Any, raw.clone()),
        };
        let special = if matches!(scope, VarScope::Any | VarScope::Global | VarScope::Local | VarScope::Script) {
            match name.to_ascii_lowercase().as_str() {
                "null" => SpecialVar::Null,
                "true" => SpecialVar::True,
                "false" => SpecialVar::False,
                "_" | "psitem" => SpecialVar::Underscore,
                _ => SpecialVar::None,
            }
        } else {
            SpecialVar::None
        };
        if scope != VarScope::Env {
            if eq_ci(&name, "PSBoundParameters") || eq_ci(&name, "MyInvocation") || eq_ci(&name, "PSCmdlet") {
                self.mark_uses(true, false);
            } else if eq_ci(&name, "args") {
                self.mark_uses(false, true);
            }
        }
        let sym = if scope == VarScope::Env { intern(&format!("env:{name}")) } else { intern(&name) };
        VarRef { scope, name: Rc::from(name.as_str()), sym, special }
    }

    fn mark_uses(&mut self, bound: bool, args: bool) {
        if let Some(u) = self.uses.last_mut() {
            u.0 |= bound;
            u.1 |= args;
        }
    }

    fn type_literal(&mut self, p: P) -> TypeName {
        let span = span_of(&p);
        match p.into_inner().find(|c| c.as_rule() == Rule::type_name) {
            Some(tn) => self.type_name(tn),
            None => TypeName { name: Rc::from(""), generic_args: Vec::new(), array_rank: 0, span },
        }
    }

    fn type_name(&mut self, p: P) -> TypeName {
        let span = span_of(&p);
        let mut name: Rc<str> = Rc::from("");
        let mut generic_args = Vec::new();
        let mut array_rank = 0u8;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::type_ident => name = Rc::from(c.as_str()),
                Rule::generic_args => {
                    for arg in c.into_inner() {
                        if arg.as_rule() == Rule::type_name {
                            generic_args.push(self.type_name(arg));
                        }
                    }
                }
                Rule::array_rank => {
                    let dims = c.as_str().matches(',').count() + 1;
                    if dims > 32 {
                        // Parser.CompleteArrayTypeName: ArrayHasTooManyDimensions.
                        self.error(span_of(&c), "ArrayHasTooManyDimensions", m::render(m::PARSE_ARRAY_HAS_TOO_MANY_DIMENSIONS, &[&dims.to_string()]));
                    }
                    array_rank = array_rank.saturating_add(1);
                }
                _ => {}
            }
        }
        TypeName { name, generic_args, array_rank, span }
    }

    fn number_value(&mut self, text: &str, span: Span) -> Option<Value> {
        match crate::engine::convert::parse_number(text) {
            Some(v) => Some(v),
            None => {
                // Integer literals too large for Int64 become Decimal, then Double, in pwsh.
                let lower = text.to_ascii_lowercase();
                let plain = !lower.starts_with("0x")
                    && !lower.starts_with("0b")
                    && lower.chars().all(|c| c.is_ascii_digit() || c == '.' || c == 'e' || c == '+' || c == '-');
                match lower.parse::<f64>() {
                    Ok(d) if plain && d.is_finite() => Some(Value::Double(d)),
                    _ => {
                        self.error(span, "BadNumericConstant", m::render(m::PARSE_BAD_NUMERIC_CONSTANT, &[text]));
                        None
                    }
                }
            }
        }
    }
}

/// The literal value of a command-name generic token: escapes processed, quotes removed, `$x`
/// and `$(…)` kept as written (Parser.GetCommandArgument: a command name is not expandable).
fn generic_token_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else { break };
        if c == '`' {
            let (ch, used) = backtick_escape(&text[i + 1..]);
            out.push_str(&ch);
            i += 1 + used;
        } else if is_sq_char(c) || is_dq_char(c) {
            i += c.len_utf8();
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn is_cmp_word(w: &str) -> bool {
    matches!(
        w,
        "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "like" | "notlike" | "match" | "notmatch" | "contains" | "notcontains" | "in" | "notin" | "replace" | "split"
    )
}

fn negate_const(v: Value) -> Value {
    match v {
        Value::Int(i) => match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::Long(-(i as i64)),
        },
        Value::Long(i) => Value::Long(i.wrapping_neg()),
        Value::Double(d) => Value::Double(-d),
        Value::Decimal(d) => Value::Decimal(-d),
        other => other,
    }
}

/// Precedence climbing over a flat operand/operator list. Commas (array construction) bind
/// tightest and are n-ary; everything else is left-associative (Parser.BinaryExpressionRule:
/// `newPrecedence <= precedence` reduces). The caller guarantees `ops.len() + 1 == operands.len()`.
fn build_binary(operands: Vec<Expr>, ops: Vec<(BinOp, Span)>, commas: Vec<bool>) -> Expr {
    let mut operands = operands.into_iter();
    let Some(mut current) = operands.next() else { return null_expr(Span::default()) };
    // First fold comma runs into arrays.
    let mut folded_operands: Vec<Expr> = Vec::with_capacity(ops.len() + 1);
    let mut folded_ops: Vec<(BinOp, Span)> = Vec::with_capacity(ops.len());
    let mut array: Option<Vec<Expr>> = None;
    for ((op, ospan), is_comma) in ops.into_iter().zip(commas) {
        let Some(next) = operands.next() else { break };
        if is_comma {
            let items = array.get_or_insert_with(|| vec![current]);
            items.push(next);
            current = null_expr(Span::default());
        } else {
            let done = match array.take() {
                Some(items) => array_expr(items),
                None => current,
            };
            folded_operands.push(done);
            folded_ops.push((op, ospan));
            current = next;
        }
    }
    let last = match array.take() {
        Some(items) => array_expr(items),
        None => current,
    };
    folded_operands.push(last);
    // Shunting-yard with left associativity.
    let mut out: Vec<Expr> = Vec::with_capacity(folded_operands.len());
    let mut stack: Vec<BinOp> = Vec::new();
    let mut it = folded_operands.into_iter();
    if let Some(f) = it.next() {
        out.push(f);
    }
    fn reduce(out: &mut Vec<Expr>, op: BinOp) {
        let (Some(r), Some(l)) = (out.pop(), out.pop()) else { return };
        let span = l.span.to(r.span);
        out.push(Expr { kind: ExprKind::Binary(op, Box::new(l), Box::new(r)), span });
    }
    for (op, _) in folded_ops {
        while let Some(top) = stack.last().copied() {
            if top.precedence() >= op.precedence() {
                stack.pop();
                reduce(&mut out, top);
            } else {
                break;
            }
        }
        stack.push(op);
        if let Some(n) = it.next() {
            out.push(n);
        }
    }
    while let Some(t) = stack.pop() {
        reduce(&mut out, t);
    }
    out.pop().unwrap_or_else(|| null_expr(Span::default()))
}

fn array_expr(items: Vec<Expr>) -> Expr {
    let span = match (items.first(), items.last()) {
        (Some(a), Some(b)) => a.span.to(b.span),
        _ => Span::default(),
    };
    Expr { kind: ExprKind::Array(items), span }
}

fn flush_lit(parts: &mut Vec<StrPart>, lit: &mut String) {
    if !lit.is_empty() {
        parts.push(StrPart::Lit(Rc::from(lit.as_str())));
        lit.clear();
    }
}

fn finish_string(mut parts: Vec<StrPart>, span: Span) -> Expr {
    if parts.is_empty() {
        return Expr { kind: ExprKind::Const(Value::str("")), span };
    }
    if parts.len() == 1 {
        if let StrPart::Lit(s) = &parts[0] {
            return Expr { kind: ExprKind::Const(Value::Str(s.clone())), span };
        }
    }
    parts.shrink_to_fit();
    Expr { kind: ExprKind::Expandable(parts.into()), span }
}

fn is_sq_char(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

fn is_dq_char(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

/// How [`Builder::expand_text`] reads its text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextMode {
    /// Inside `"…"` (the quotes excluded): a doubled quote is one quote.
    DqContent,
    /// Inside a here-string body: quotes are ordinary characters.
    HereDq,
    /// A generic token: `'…'` and `"…"` pieces, escapes, variables.
    Bare,
}

/// The content of a `'…'` string token: quotes removed, doubled quotes undoubled.
fn sq_content(text: &str) -> String {
    let mut chars = text.chars();
    chars.next();
    chars.next_back();
    let content = chars.as_str();
    if !content.chars().any(is_sq_char) {
        return content.to_string();
    }
    let mut out = String::with_capacity(content.len());
    let mut it = content.chars().peekable();
    while let Some(c) = it.next() {
        out.push(c);
        if is_sq_char(c) && it.peek().is_some_and(|n| is_sq_char(*n)) {
            it.next();
        }
    }
    out
}

/// Byte range of a here-string's body inside its token text: after the header line, before the
/// newline that precedes the footer (tokenizer.ScanHereString*: the last newline is not content).
fn here_string_body(text: &str) -> (usize, usize) {
    let start = match text.find(['\n', '\r']) {
        Some(i) if text[i..].starts_with("\r\n") => i + 2,
        Some(i) => i + 1,
        None => text.len(),
    };
    // The footer is the last two characters; the newline before it is not content.
    let footer = text.char_indices().rev().nth(1).map(|(i, _)| i).unwrap_or(text.len());
    let mut end = footer;
    if text[..end].ends_with("\r\n") {
        end -= 2;
    } else if text[..end].ends_with('\n') || text[..end].ends_with('\r') {
        end -= 1;
    }
    if end < start {
        end = start;
    }
    (start, end)
}

/// Length of the variable reference at the start of `text` (which starts with `$` or `@`), as
/// the grammar's `variable` rule recognises it, or None for a `$` that starts no variable.
pub(crate) fn variable_len(text: &str) -> Option<usize> {
    lex_variable(text)
}

fn lex_variable(text: &str) -> Option<usize> {
    let rest = text.get(1..)?;
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    if first == '{' {
        let mut escaped = false;
        for (i, c) in rest.char_indices().skip(1) {
            if escaped {
                escaped = false;
            } else if c == '`' {
                escaped = true;
            } else if c == '}' {
                return Some(1 + i + 1);
            }
        }
        return None;
    }
    if matches!(first, '$' | '?' | '^') {
        return Some(2);
    }
    if !is_var_char(first) {
        return None;
    }
    let mut len = first.len_utf8();
    let bytes = rest.as_bytes();
    while let Some(c) = rest[len..].chars().next() {
        if is_var_char(c) {
            len += c.len_utf8();
        } else if c == ':' && bytes.get(len + 1) != Some(&b':') {
            len += 1;
        } else {
            break;
        }
    }
    Some(1 + len)
}

fn is_var_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '?' || (!c.is_ascii() && c.is_alphanumeric())
}

/// A backtick escape (about_Special_Characters; tokenizer.Backtick): `rest` is the text after
/// the backtick. Returns the character(s) it stands for and how many bytes of `rest` it used.
fn backtick_escape(rest: &str) -> (String, usize) {
    let Some(c) = rest.chars().next() else { return ("`".to_string(), 0) };
    let ch = match c {
        '0' => '\0',
        'a' => '\u{07}',
        'b' => '\u{08}',
        'e' => '\u{1b}',
        'f' => '\u{0c}',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\u{0b}',
        'u' if rest.starts_with("u{") => {
            if let Some(close) = rest.find('}') {
                let hex = &rest[2..close];
                let ch = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                return (ch.to_string(), close + 1);
            }
            'u'
        }
        c => c,
    };
    (ch.to_string(), c.len_utf8())
}
