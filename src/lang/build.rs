//! pest pairs → AST. Also the place where pwsh's parse-time errors are produced: constructs the
//! grammar accepts on purpose (`<`, a redirection without a file) and the pest failures mapped
//! to pwsh's wording.

use std::cell::RefCell;
use std::rc::Rc;

use pest::iterators::Pair;

use super::Rule;
use crate::engine::value::Value;
use crate::lang::ParseError;
use crate::lang::ast::*;
use crate::lang::depth::{Opener, ScanResult};
use crate::lang::source::SourceFile;
use crate::lang::sym::{eq_ci, intern};

type P<'i> = Pair<'i, Rule>;

/// Deepest operator chain accepted in one expression (`1+1+…`): the tree is evaluated and
/// dropped recursively, so it is bounded like bracket nesting.
const MAX_OPERANDS: usize = 5000;

pub struct Builder {
    file: Rc<SourceFile>,
    pub errors: Vec<ParseError>,
}

/// Children of a pair without the keyword tokens (`kw_if`, `kw_in`, …).
fn kids<'i>(p: P<'i>) -> impl Iterator<Item = P<'i>> {
    p.into_inner().filter(|c| !is_keyword(c.as_rule()))
}

fn is_keyword(r: Rule) -> bool {
    matches!(
        r,
        Rule::kw_if
            | Rule::kw_elseif
            | Rule::kw_else
            | Rule::kw_while
            | Rule::kw_for
            | Rule::kw_foreach
            | Rule::kw_in
            | Rule::kw_switch
            | Rule::kw_try
            | Rule::kw_catch
            | Rule::kw_finally
            | Rule::kw_trap
            | Rule::kw_do
            | Rule::kw_using
            | Rule::kw_param
            | Rule::unsupported_kw
    )
}

fn span_of(p: &P) -> Span {
    let s = p.as_span();
    Span::new(s.start(), s.end())
}

impl Builder {
    pub fn new(file: Rc<SourceFile>) -> Builder {
        Builder { file, errors: Vec::new() }
    }

    fn error(&mut self, span: Span, id: &'static str, message: impl Into<String>) {
        self.errors.push(ParseError { message: message.into(), id, span });
    }

    // ───────────────────────────── script blocks ─────────────────────────────

    pub fn script(&mut self, p: P) -> ScriptBlock {
        let span = span_of(&p);
        let body = p.into_inner().find(|x| x.as_rule() == Rule::script_body).expect("script has a body");
        self.script_block(body, span)
    }

    /// `script_body` or `script_block_inner`.
    fn script_block(&mut self, p: P, span: Span) -> ScriptBlock {
        let mut sb = ScriptBlock {
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
        };
        for c in p.into_inner() {
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
                        let mut it = nb.into_inner();
                        let name = it.next().expect("block name");
                        let block = it.next().expect("block body");
                        let stmts = self.statement_block(block);
                        let n = name.as_str().to_ascii_lowercase().trim().to_string();
                        match n.as_str() {
                            "begin" => sb.begin = Some(stmts),
                            "process" => sb.process = Some(stmts),
                            "end" => sb.end = Some(stmts),
                            _ => {}
                        }
                    }
                }
                Rule::statement_list => sb.end = Some(self.statement_list(c)),
                _ => {}
            }
        }
        let text = self.file.slice(span).to_ascii_lowercase();
        sb.uses_bound_parameters = text.contains("psboundparameters")
            || text.contains("myinvocation")
            || text.contains("pscmdlet")
            || text.contains("get-variable")
            || text.contains("invoke-expression")
            || text.contains("iex ");
        sb.uses_args = text.contains("$args") || text.contains("invoke-expression");
        sb.is_advanced = sb.attributes.iter().any(|a| eq_ci(&a.name, "CmdletBinding"))
            || sb.params.as_ref().is_some_and(|ps| ps.iter().any(|p| p.attributes.iter().any(|a| eq_ci(&a.name, "Parameter"))));
        sb
    }

    fn param_block(&mut self, p: P) -> Vec<ParamDecl> {
        let mut out = Vec::new();
        for c in p.into_inner() {
            if c.as_rule() == Rule::parameter_list {
                for prm in c.into_inner() {
                    out.push(self.parameter(prm));
                }
            }
        }
        out
    }

    fn parameter(&mut self, p: P) -> ParamDecl {
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
                Rule::expression_nc => default = Some(self.expression(c)),
                _ => {}
            }
        }
        let v = var.expect("parameter has a variable");
        ParamDecl { name: v.name.clone(), sym: v.sym, attributes, types, default, span }
    }

    fn attribute(&mut self, p: P) -> Attribute {
        let span = span_of(&p);
        let mut name: Rc<str> = Rc::from("");
        let mut positional = Vec::new();
        let mut named = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::type_name => name = Rc::from(c.as_str()),
                Rule::attribute_args => {
                    for arg in c.into_inner() {
                        let inner = arg.into_inner().next().expect("attribute argument");
                        match inner.as_rule() {
                            Rule::named_attribute_arg => {
                                let mut it = inner.into_inner();
                                let n = it.next().expect("attribute argument name");
                                let v = it.next().map(|e| self.expression(e));
                                named.push((Rc::from(n.as_str()), v));
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
        match p.into_inner().next() {
            Some(list) => self.statement_list(list),
            None => Vec::new(),
        }
    }

    fn statement_list(&mut self, p: P) -> Vec<Stmt> {
        let mut out = Vec::new();
        for c in p.into_inner() {
            if let Some(s) = self.statement(c) {
                out.push(s);
            }
        }
        out
    }

    // ───────────────────────────── statements ─────────────────────────────

    fn statement(&mut self, p: P) -> Option<Stmt> {
        let span = span_of(&p);
        let kind = match p.as_rule() {
            Rule::pipeline_chain => StmtKind::Pipeline(Rc::new(self.pipeline_chain(p))),
            Rule::if_statement => {
                let mut clauses = Vec::new();
                let mut else_body = None;
                let mut it = kids(p);
                let cond = it.next().expect("if condition");
                let block = it.next().expect("if block");
                clauses.push((self.condition(cond), self.statement_block(block)));
                for c in it {
                    match c.as_rule() {
                        Rule::elseif_clause => {
                            let mut ci = kids(c);
                            let cond = ci.next().expect("elseif condition");
                            let block = ci.next().expect("elseif block");
                            clauses.push((self.condition(cond), self.statement_block(block)));
                        }
                        Rule::else_clause => {
                            let block = kids(c).next().expect("else block");
                            else_body = Some(self.statement_block(block));
                        }
                        _ => {}
                    }
                }
                StmtKind::If { clauses, else_body }
            }
            Rule::labeled_statement => {
                let mut it = p.into_inner();
                let label: Rc<str> = Rc::from(&it.next().expect("label").as_str()[1..]);
                let mut st = self.statement(it.next().expect("labeled loop"))?;
                match &mut st.kind {
                    StmtKind::While { label: l, .. }
                    | StmtKind::DoLoop { label: l, .. }
                    | StmtKind::For { label: l, .. }
                    | StmtKind::Foreach { label: l, .. } => *l = Some(label),
                    StmtKind::Switch(sw) => sw.label = Some(label),
                    _ => {}
                }
                st.span = span;
                return Some(st);
            }
            Rule::while_statement => {
                let mut it = kids(p);
                let cond = self.condition(it.next().expect("while condition"));
                let body = self.statement_block(it.next().expect("while body"));
                StmtKind::While { label: None, cond, body }
            }
            Rule::do_statement => {
                let mut it = kids(p);
                let body = self.statement_block(it.next().expect("do body"));
                let kind = it.next().expect("do kind");
                let until = kind.as_str().to_ascii_lowercase().starts_with("until");
                let cond = self.condition(it.next().expect("do condition"));
                StmtKind::DoLoop { label: None, body, cond, until }
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
                            let f = c.as_str().to_string();
                            self.error(
                                span_of(&c),
                                "ParallelNotSupported",
                                format!("The '{f}' parameter of the foreach statement is not supported by tenantsim."),
                            );
                        }
                        Rule::variable => var = Some(self.variable(c)),
                        Rule::pipeline_chain => iter = Some(self.pipeline_chain(c)),
                        Rule::statement_block => body = self.statement_block(c),
                        _ => {}
                    }
                }
                StmtKind::Foreach { label: None, var: var.expect("foreach variable"), iter: iter.expect("foreach source"), body }
            }
            Rule::switch_statement => StmtKind::Switch(Box::new(self.switch(p))),
            Rule::try_statement => {
                let mut body = Vec::new();
                let mut catches = Vec::new();
                let mut finally = None;
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::statement_block => body = self.statement_block(c),
                        Rule::catch_clause => {
                            let mut types = Vec::new();
                            let mut cbody = Vec::new();
                            for cc in c.into_inner() {
                                match cc.as_rule() {
                                    Rule::type_literal => types.push(self.type_literal(cc)),
                                    Rule::statement_block => cbody = self.statement_block(cc),
                                    _ => {}
                                }
                            }
                            catches.push(CatchClause { types, body: cbody });
                        }
                        Rule::finally_clause => {
                            finally = kids(c).next().map(|b| self.statement_block(b));
                        }
                        _ => {}
                    }
                }
                if catches.is_empty() && finally.is_none() {
                    let end = Span::new(span.end as usize, span.end as usize);
                    self.error(end, "MissingCatchOrFinally", "The Try statement is missing its Catch or Finally block.");
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
                            let mut ps = Vec::new();
                            for pl in c.into_inner() {
                                for prm in pl.into_inner() {
                                    ps.push(self.parameter(prm));
                                }
                            }
                            paren_params = Some(ps);
                        }
                        Rule::function_body => {
                            let bspan = span_of(&c);
                            let inner = c.into_inner().next().expect("function body");
                            body = Some(self.script_block(inner, bspan));
                        }
                        _ => {}
                    }
                }
                let mut body = body.expect("function has a body");
                if let Some(ps) = paren_params {
                    if body.params.is_some() {
                        self.error(span, "OnlyOneParameterListAllowed", "A function cannot have both a parameter list and a param block.");
                    }
                    body.params = Some(ps);
                }
                if is_filter && !body.has_named_blocks {
                    body.process = body.end.take();
                }
                StmtKind::Function { name, is_filter, body: Rc::new(body) }
            }
            Rule::flow_statement => {
                let mut it = p.into_inner();
                let kw = it.next().expect("flow keyword");
                let kwt = kw.as_str().to_ascii_lowercase().trim().to_string();
                let val = it.next();
                match kwt.as_str() {
                    "break" | "continue" => {
                        let label: Option<Rc<str>> = val.map(|v| match v.as_rule() {
                            Rule::flow_label => Rc::from(v.as_str()),
                            _ => Rc::from(v.as_str().trim().trim_start_matches(':')),
                        });
                        if kwt == "break" { StmtKind::Break(label) } else { StmtKind::Continue(label) }
                    }
                    _ => {
                        let pc = val.map(|v| self.pipeline_chain(v.into_inner().next().expect("flow value")));
                        match kwt.as_str() {
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
            r => unreachable!("statement rule {r:?}"),
        };
        Some(Stmt { kind, span })
    }

    fn condition(&mut self, p: P) -> PipelineChain {
        let inner = p.into_inner().next().expect("condition pipeline");
        self.pipeline_chain(inner)
    }

    fn switch(&mut self, p: P) -> SwitchStmt {
        let mut sw = SwitchStmt {
            label: None,
            mode: SwitchMode::Exact,
            case_sensitive: false,
            file: false,
            subject: PipelineChain { first: Pipeline { elements: vec![], span: Span::default() }, rest: vec![], span: Span::default() },
            clauses: Vec::new(),
            default: None,
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::switch_flag => {
                    let f = c.as_str()[c.as_str().chars().next().map(|ch| ch.len_utf8()).unwrap_or(1)..].to_ascii_lowercase();
                    let known = ["regex", "wildcard", "exact", "casesensitive", "file", "parallel"];
                    match known.iter().find(|k| k.starts_with(f.as_str()) && !f.is_empty()) {
                        Some(&"regex") => sw.mode = SwitchMode::Regex,
                        Some(&"wildcard") => sw.mode = SwitchMode::Wildcard,
                        Some(&"exact") => sw.mode = SwitchMode::Exact,
                        Some(&"casesensitive") => sw.case_sensitive = true,
                        Some(&"file") => sw.file = true,
                        _ => {
                            let t = c.as_str().to_string();
                            self.error(span_of(&c), "InvalidSwitchFlag", format!("Unexpected token '{t}' in expression or statement."));
                        }
                    }
                }
                Rule::condition => sw.subject = self.condition(c),
                Rule::switch_file_arg => {
                    let span = span_of(&c);
                    let e = self.command_argument(c.into_inner().next().expect("switch file"));
                    sw.subject =
                        PipelineChain { first: Pipeline { elements: vec![PipeElement::Expr { expr: e, redirections: vec![] }], span }, rest: vec![], span };
                }
                Rule::switch_clause => {
                    let mut it = c.into_inner();
                    let cond_pair = it.next().expect("switch condition");
                    let body = self.statement_block(it.next().expect("switch clause body"));
                    let arg = cond_pair.into_inner().next().expect("switch condition argument");
                    let is_default = arg.as_str().trim().eq_ignore_ascii_case("default");
                    if is_default {
                        sw.default = Some(body);
                    } else {
                        let cond = self.command_argument(arg);
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
        let span = span_of(&p);
        let mut it = p.into_inner();
        let first = self.pipeline(it.next().expect("first pipeline"));
        let mut rest = Vec::new();
        let mut pending_op = None;
        for c in it {
            match c.as_rule() {
                Rule::chain_op => pending_op = Some(if c.as_str() == "&&" { ChainOp::And } else { ChainOp::Or }),
                Rule::pipeline => rest.push((pending_op.take().unwrap_or(ChainOp::And), self.pipeline(c))),
                Rule::background_op => {
                    self.error(span_of(&c), "BackgroundOperatorNotSupported", "Background jobs ('&' at the end of a pipeline) are not supported by tenantsim.");
                }
                _ => {}
            }
        }
        PipelineChain { first, rest, span }
    }

    fn pipeline(&mut self, p: P) -> Pipeline {
        let span = span_of(&p);
        let mut elements = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::expression_head => elements.push(self.expression_head(c)),
                Rule::command => elements.push(PipeElement::Command(Rc::new(self.command(c)))),
                Rule::pipe_expression_error => {
                    self.error(span_of(&c), "ExpressionsMustBeFirstInPipeline", "Expressions are only allowed as the first element of a pipeline.");
                }
                _ => {}
            }
        }
        Pipeline { elements, span }
    }

    fn expression_head(&mut self, p: P) -> PipeElement {
        let span = span_of(&p);
        let mut it = p.into_inner();
        let expr = self.expression(it.next().expect("head expression"));
        let mut redirections = Vec::new();
        for c in it {
            match c.as_rule() {
                Rule::assignment_tail => {
                    let mut ai = c.into_inner();
                    let op_pair = ai.next().expect("assignment operator");
                    let op = match op_pair.as_str() {
                        "=" => AssignOp::Assign,
                        "+=" => AssignOp::Add,
                        "*=" => AssignOp::Mul,
                        "/=" => AssignOp::Div,
                        "%=" => AssignOp::Rem,
                        "??=" => AssignOp::Coalesce,
                        _ => AssignOp::Sub,
                    };
                    let value_pair = ai.next().expect("assignment value");
                    let value = match self.statement(value_pair) {
                        Some(s) => s,
                        None => {
                            Stmt { kind: StmtKind::Pipeline(Rc::new(PipelineChain { first: Pipeline { elements: vec![], span }, rest: vec![], span })), span }
                        }
                    };
                    self.check_assignable(&expr);
                    return PipeElement::Assign(Box::new(Assignment { target: expr, op, value, span }));
                }
                Rule::redirection => {
                    if let Some(r) = self.redirection(c) {
                        redirections.push(r);
                    }
                }
                _ => {}
            }
        }
        PipeElement::Expr { expr, redirections }
    }

    fn check_assignable(&mut self, e: &Expr) {
        let ok = match &e.kind {
            ExprKind::Var(_) | ExprKind::Member { .. } | ExprKind::Index { .. } => true,
            ExprKind::Cast(_, inner) => matches!(inner.kind, ExprKind::Var(_)),
            ExprKind::Array(items) => {
                items.iter().all(|i| matches!(i.kind, ExprKind::Var(_) | ExprKind::Member { .. } | ExprKind::Index { .. } | ExprKind::Cast(..)))
            }
            _ => false,
        };
        if !ok {
            self.error(
                e.span,
                "InvalidLeftHandSide",
                "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
            );
        }
    }

    fn redirection(&mut self, p: P) -> Option<Redirection> {
        let span = span_of(&p);
        let mut it = p.into_inner();
        let op = it.next().expect("redirection operator").as_str().to_string();
        let target = it.next();
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
        let target = match (merge, target) {
            (Some(to), _) => {
                if to != 1 {
                    self.error(span, "RedirectionNotSupported", format!("The '{op}' operator is reserved for future use."));
                }
                RedirectTarget::Stream(to)
            }
            (None, Some(t)) => {
                let arg = t.into_inner().next().expect("redirection target");
                RedirectTarget::File(self.arg_item(arg))
            }
            (None, None) => {
                self.error(span, "MissingFileSpecification", "Missing file specification after redirection operator.");
                return None;
            }
        };
        Some(Redirection { stream, append, target, span })
    }

    // ───────────────────────────── commands ─────────────────────────────

    fn command(&mut self, p: P) -> CommandCall {
        let span = span_of(&p);
        let mut invocation = Invocation::Plain;
        let mut name = None;
        let mut args = Vec::new();
        let mut redirections = Vec::new();
        let mut pending_colon: Option<usize> = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::invocation_op => invocation = if c.as_str() == "&" { Invocation::Call } else { Invocation::DotSource },
                Rule::command_name_expr => {
                    let a = c.into_inner().next().expect("command name expression");
                    name = Some(CommandName::Expr(self.arg_item(a)));
                }
                Rule::command_name => {
                    let bw = c.into_inner().next().expect("command name bareword");
                    let e = self.bareword(bw);
                    name = Some(match e.kind {
                        ExprKind::Const(Value::Str(s)) => CommandName::Bare(s),
                        _ => CommandName::Expr(e),
                    });
                }
                Rule::redirection => {
                    pending_colon = None;
                    if let Some(r) = self.redirection(c) {
                        redirections.push(r);
                    }
                }
                Rule::reserved_lt => {
                    pending_colon = None;
                    self.error(span_of(&c), "RedirectionNotSupported", "The '<' operator is reserved for future use.");
                }
                Rule::command_parameter => {
                    let cspan = span_of(&c);
                    let text = c.as_str();
                    let dash_len = text.chars().next().map(|ch| ch.len_utf8()).unwrap_or(1);
                    let colon = text.ends_with(':');
                    let pname = &text[dash_len..text.len() - colon as usize];
                    args.push(CommandArg::Param { name: Rc::from(pname), value: None, colon, span: cspan });
                    pending_colon = if colon { Some(args.len() - 1) } else { None };
                }
                Rule::command_argument => {
                    let item_span = span_of(&c);
                    // `@splat` stands alone.
                    let first = c.clone().into_inner().next();
                    if let Some(f) = &first {
                        let inner = f.clone().into_inner().next();
                        if let Some(sp) = inner {
                            if sp.as_rule() == Rule::splat && f.clone().into_inner().count() == 1 && c.clone().into_inner().count() == 1 {
                                let name_text = &sp.as_str()[1..];
                                let var = VarRef { scope: VarScope::Any, name: Rc::from(name_text), sym: intern(name_text), special: SpecialVar::None };
                                pending_colon = None;
                                args.push(CommandArg::Splat { var, span: item_span });
                                continue;
                            }
                        }
                    }
                    let e = self.command_argument(c);
                    if let Some(i) = pending_colon.take() {
                        if let CommandArg::Param { value, span, .. } = &mut args[i] {
                            *span = span.to(e.span);
                            *value = Some(e);
                            continue;
                        }
                    }
                    args.push(CommandArg::Value(e));
                }
                _ => {}
            }
        }
        CommandCall { invocation, name: name.expect("command has a name"), args, redirections, span, cache: RefCell::new(None) }
    }

    /// `a, b, c` in argument mode.
    fn command_argument(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        let mut items: Vec<Expr> = p.into_inner().map(|a| self.arg_item(a)).collect();
        if items.len() == 1 { items.pop().expect("one item") } else { Expr { kind: ExprKind::Array(items), span } }
    }

    /// One argument-mode item, possibly glued from adjacent pieces (`$dir\file_$id.txt`).
    fn arg_item(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        let pieces: Vec<P> = p.into_inner().collect();
        if pieces.len() == 1 {
            let only = pieces.into_iter().next().expect("one piece");
            return self.arg_piece(only);
        }
        let mut parts: Vec<StrPart> = Vec::new();
        for piece in pieces {
            match piece.as_rule() {
                Rule::bareword | Rule::bareword_frag => {
                    let e = self.bareword(piece);
                    push_expr_as_parts(&mut parts, e);
                }
                Rule::dq_string => {
                    let e = self.dq_string(piece);
                    push_expr_as_parts(&mut parts, e);
                }
                _ => {
                    let e = self.arg_piece(piece);
                    push_expr_as_parts(&mut parts, e);
                }
            }
        }
        Expr { kind: ExprKind::Expandable(parts.into()), span }
    }

    fn arg_piece(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        match p.as_rule() {
            Rule::arg_number => {
                let text = p.as_str();
                let (neg, body) = match text.chars().next() {
                    Some(c) if matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}') => (true, &text[c.len_utf8()..]),
                    _ => (false, text),
                };
                match self.number_value(body, span) {
                    Some(v) => Expr { kind: ExprKind::Const(if neg { negate_const(v) } else { v }), span },
                    None => Expr { kind: ExprKind::Const(Value::str(text)), span },
                }
            }
            Rule::bareword | Rule::bareword_frag => self.bareword(p),
            Rule::splat => {
                let name_text = &p.as_str()[1..];
                Expr {
                    kind: ExprKind::Splat(VarRef { scope: VarScope::Any, name: Rc::from(name_text), sym: intern(name_text), special: SpecialVar::None }),
                    span,
                }
            }
            Rule::variable_postfix | Rule::sub_expression_postfix | Rule::array_expression_postfix | Rule::paren_postfix => self.postfix_chain(p),
            _ => self.primary(p),
        }
    }

    fn bareword(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        let mut parts: Vec<StrPart> = Vec::new();
        let mut lit = String::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::bw_first_text | Rule::bw_text => lit.push_str(c.as_str()),
                Rule::bw_escape => lit.push(escape_char(&c.as_str()[1..])),
                Rule::bw_var => {
                    flush_lit(&mut parts, &mut lit);
                    let cspan = span_of(&c);
                    let v = self.variable_text(c.as_str(), cspan);
                    parts.push(StrPart::Var(v, cspan));
                }
                Rule::sub_expression => {
                    flush_lit(&mut parts, &mut lit);
                    let cspan = span_of(&c);
                    let stmts = self.sub_statements(c);
                    parts.push(StrPart::Sub(stmts, cspan));
                }
                _ => {}
            }
        }
        if parts.is_empty() {
            return Expr { kind: ExprKind::Const(Value::string(lit)), span };
        }
        flush_lit(&mut parts, &mut lit);
        Expr { kind: ExprKind::Expandable(parts.into()), span }
    }

    fn sub_statements(&mut self, p: P) -> Vec<Stmt> {
        match p.into_inner().next() {
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
            self.error(span, "ExpressionTooComplex", format!("The expression has more than {MAX_OPERANDS} operands; split it into several statements."));
            return Expr { kind: ExprKind::Const(Value::Null), span };
        }
        let e = build_binary(operands, ops, commas);
        match ternary {
            None => e,
            Some(t) => {
                let mut it = t.into_inner();
                let a = self.expression(it.next().expect("ternary then"));
                let b = self.expression(it.next().expect("ternary else"));
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
            "<" => {
                self.error(span, "RedirectionNotSupported", "The '<' operator is reserved for future use.");
                return BinOp::Add;
            }
            _ => {}
        }
        let first = text.chars().next().unwrap_or('-');
        let word = text[first.len_utf8()..].to_ascii_lowercase();
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
                self.error(span, "UnexpectedToken", format!("Unexpected token '{text}' in expression or statement."));
                BinOp::Add
            }
        }
    }

    fn unary(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        let mut prefixes: Vec<P> = Vec::new();
        let mut operand = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::prefix_op => prefixes.push(c),
                Rule::postfix_expression => operand = Some(self.postfix_chain(c)),
                _ => {}
            }
        }
        let mut e = operand.expect("unary operand");
        for op in prefixes.into_iter().rev() {
            let ospan = span_of(&op);
            let espan = ospan.to(e.span);
            let text = op.as_str();
            let inner = op.into_inner().next();
            if let Some(cast) = inner {
                if cast.as_rule() == Rule::cast {
                    let tl = cast.into_inner().next().expect("cast type");
                    let t = self.type_literal(tl);
                    e = Expr { kind: ExprKind::Cast(Rc::new(t), Box::new(e)), span: espan };
                    continue;
                }
            }
            let lower = text.to_ascii_lowercase();
            let first = lower.chars().next().unwrap_or(' ');
            let word = if matches!(first, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}') { &lower[first.len_utf8()..] } else { "" };
            let kind = match (text, word) {
                ("!", _) | (_, "not") => ExprKind::Unary(UnaryOp::Not, Box::new(e)),
                (_, "bnot") => ExprKind::Unary(UnaryOp::Bnot, Box::new(e)),
                (_, "split") | (_, "isplit") => ExprKind::Unary(UnaryOp::Split { case_sensitive: false }, Box::new(e)),
                (_, "csplit") => ExprKind::Unary(UnaryOp::Split { case_sensitive: true }, Box::new(e)),
                (_, "join") => ExprKind::Unary(UnaryOp::Join, Box::new(e)),
                (",", _) => ExprKind::Unary(UnaryOp::Comma, Box::new(e)),
                ("++", _) => ExprKind::IncDec { target: Box::new(e), increment: true, prefix: true },
                ("--", _) => ExprKind::IncDec { target: Box::new(e), increment: false, prefix: true },
                ("+", _) => ExprKind::Unary(UnaryOp::Plus, Box::new(e)),
                _ => match e.kind {
                    ExprKind::Const(ref v) if crate::engine::convert::is_numeric(v) => ExprKind::Const(negate_const(v.clone())),
                    _ => ExprKind::Unary(UnaryOp::Neg, Box::new(e)),
                },
            };
            e = Expr { kind, span: espan };
        }
        let _ = span;
        e
    }

    /// primary followed by `.member`, `::member`, `(args)`, `[index]`, `++`/`--`.
    fn postfix_chain(&mut self, p: P) -> Expr {
        let mut it = p.into_inner();
        let first = it.next().expect("postfix primary");
        let mut e = self.primary(first);
        for op in it {
            let ospan = span_of(&op);
            let full = e.span.to(ospan);
            match op.as_rule() {
                Rule::member_access | Rule::static_member => {
                    let is_static = op.as_rule() == Rule::static_member;
                    let null_conditional = op.as_str().starts_with("?.");
                    let mut mi = op.into_inner();
                    let name_pair = mi.next().expect("member name");
                    let name = self.member_name(name_pair);
                    match mi.next() {
                        Some(args_pair) => {
                            let args: Vec<Expr> = args_pair.into_inner().map(|a| self.expression(a)).collect();
                            e = Expr { kind: ExprKind::Invoke { target: Box::new(e), name, args, is_static, null_conditional }, span: full };
                        }
                        None => {
                            e = Expr { kind: ExprKind::Member { target: Box::new(e), name, is_static, null_conditional }, span: full };
                        }
                    }
                }
                Rule::index_op => {
                    let null_conditional = op.as_str().starts_with("?[");
                    let idx = op.into_inner().next().expect("index expression");
                    let index = self.expression(idx);
                    e = Expr { kind: ExprKind::Index { target: Box::new(e), index: Box::new(index), null_conditional }, span: full };
                }
                Rule::post_increment => {
                    let increment = op.as_str() == "++";
                    e = Expr { kind: ExprKind::IncDec { target: Box::new(e), increment, prefix: false }, span: full };
                }
                _ => {}
            }
        }
        e
    }

    fn member_name(&mut self, p: P) -> MemberName {
        match p.as_rule() {
            Rule::member_ident => MemberName::Static(Rc::from(p.as_str())),
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
                    None => Expr { kind: ExprKind::Const(Value::Null), span },
                }
            }
            Rule::sq_string => Expr { kind: ExprKind::Const(Value::string(sq_content(p.as_str()))), span },
            Rule::dq_string => self.dq_string(p),
            Rule::here_string_sq => {
                let body = p.into_inner().next().map(|b| b.as_str().replace("\r\n", "\n")).unwrap_or_default();
                Expr { kind: ExprKind::Const(Value::string(body)), span }
            }
            Rule::here_string_dq => {
                let mut parts = Vec::new();
                if let Some(body) = p.into_inner().next() {
                    self.string_parts(body, &mut parts);
                }
                finish_string(parts, span)
            }
            Rule::sub_expression => Expr { kind: ExprKind::SubExpr(self.sub_statements(p)), span },
            Rule::array_expression => Expr { kind: ExprKind::ArraySub(self.sub_statements(p)), span },
            Rule::hash_literal => self.hash_literal(p),
            Rule::script_block_expr => {
                let inner = p.into_inner().next().expect("script block body");
                let sb = self.script_block(inner, span);
                Expr { kind: ExprKind::ScriptBlock(Rc::new(sb)), span }
            }
            Rule::paren_expression => {
                let inner = p.into_inner().next().expect("parenthesized pipeline");
                let pc = self.pipeline_chain(inner);
                Expr { kind: ExprKind::Paren(Box::new(pc)), span }
            }
            Rule::type_literal => {
                let t = self.type_literal(p);
                Expr { kind: ExprKind::TypeLit(Rc::new(t)), span }
            }
            Rule::variable_postfix | Rule::sub_expression_postfix | Rule::array_expression_postfix | Rule::paren_postfix | Rule::postfix_expression => {
                self.postfix_chain(p)
            }
            Rule::bareword | Rule::bareword_frag => self.bareword(p),
            Rule::arg_number | Rule::splat => self.arg_piece(p),
            r => unreachable!("primary rule {r:?}"),
        }
    }

    fn hash_literal(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        let mut entries = Vec::new();
        for entry in p.into_inner() {
            let mut it = entry.into_inner();
            let key_pair = it.next().expect("hash key");
            let kspan = span_of(&key_pair);
            let key_inner = key_pair.into_inner().next().expect("hash key inner");
            let key = match key_inner.as_rule() {
                Rule::hash_key_word => Expr { kind: ExprKind::Const(Value::str(key_inner.as_str())), span: kspan },
                _ => self.primary(key_inner),
            };
            let value_pair = it.next().expect("hash value");
            let value = match self.statement(value_pair) {
                Some(s) => s,
                None => continue,
            };
            entries.push((key, value));
        }
        Expr { kind: ExprKind::Hash(Rc::new(entries)), span }
    }

    fn dq_string(&mut self, p: P) -> Expr {
        let span = span_of(&p);
        let mut parts = Vec::new();
        self.string_parts(p, &mut parts);
        finish_string(parts, span)
    }

    fn string_parts(&mut self, p: P, parts: &mut Vec<StrPart>) {
        let mut lit = String::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::dq_text | Rule::hs_dq_text => lit.push_str(c.as_str()),
                Rule::dq_doubled => lit.push('"'),
                Rule::dq_escape => lit.push(escape_char(&c.as_str()[1..])),
                Rule::dq_var => {
                    flush_lit(parts, &mut lit);
                    let cspan = span_of(&c);
                    let text = c.as_str();
                    let v = self.variable_text(text, cspan);
                    // pwsh: "$name:" is a scope-qualified reference with no name.
                    let next = self.file.text[cspan.end as usize..].chars().next();
                    if next == Some(':') && !text.starts_with("${") && !text.contains(':') {
                        self.error(
                            Span::new(cspan.start as usize, cspan.end as usize + 1),
                            "InvalidVariableReferenceWithDrive",
                            "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
                        );
                    }
                    parts.push(StrPart::Var(v, cspan));
                }
                Rule::sub_expression => {
                    flush_lit(parts, &mut lit);
                    let cspan = span_of(&c);
                    let stmts = self.sub_statements(c);
                    parts.push(StrPart::Sub(stmts, cspan));
                }
                _ => {}
            }
        }
        flush_lit(parts, &mut lit);
    }

    fn variable(&mut self, p: P) -> VarRef {
        let span = span_of(&p);
        self.variable_text(p.as_str(), span)
    }

    /// `$name`, `${name}`, `$scope:name`, `$$`, `$?`, `$^`.
    fn variable_text(&mut self, text: &str, _span: Span) -> VarRef {
        let body = &text[1..];
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
        let (scope, name) = match raw.split_once(':') {
            Some((sc, n)) if !sc.is_empty() && !n.is_empty() => {
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
        let sym = if scope == VarScope::Env { intern(&format!("env:{name}")) } else { intern(&name) };
        VarRef { scope, name: Rc::from(name.as_str()), sym, special }
    }

    fn type_literal(&mut self, p: P) -> TypeName {
        let tn = p.into_inner().next().expect("type name");
        self.type_name(tn)
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
                        if let Some(tn) = arg.into_inner().next() {
                            generic_args.push(self.type_name(tn));
                        }
                    }
                }
                Rule::array_rank => array_rank = array_rank.saturating_add(1),
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
                let digits: String = text.chars().filter(|c| c.is_ascii_digit() || *c == '.' || *c == 'e' || *c == 'E').collect();
                match digits.parse::<f64>() {
                    Ok(d) => Some(Value::Double(d)),
                    Err(_) => {
                        self.error(span, "BadNumericConstant", format!("The numeric constant {text} is not valid."));
                        None
                    }
                }
            }
        }
    }
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
/// tightest and are n-ary; everything else is left-associative.
fn build_binary(operands: Vec<Expr>, ops: Vec<(BinOp, Span)>, commas: Vec<bool>) -> Expr {
    // First fold comma runs into arrays.
    let mut folded_operands: Vec<Expr> = Vec::with_capacity(operands.len());
    let mut folded_ops: Vec<(BinOp, Span)> = Vec::with_capacity(ops.len());
    let mut operands = operands.into_iter();
    let mut current = operands.next().expect("at least one operand");
    let mut array: Option<Vec<Expr>> = None;
    for ((op, ospan), is_comma) in ops.into_iter().zip(commas) {
        let next = operands.next().expect("operand after operator");
        if is_comma {
            let items = array.get_or_insert_with(|| vec![current.clone()]);
            items.push(next.clone());
            current = next;
        } else {
            let done = match array.take() {
                Some(items) => {
                    let span = items[0].span.to(items[items.len() - 1].span);
                    Expr { kind: ExprKind::Array(items), span }
                }
                None => current,
            };
            folded_operands.push(done);
            folded_ops.push((op, ospan));
            current = next;
        }
    }
    let last = match array.take() {
        Some(items) => {
            let span = items[0].span.to(items[items.len() - 1].span);
            Expr { kind: ExprKind::Array(items), span }
        }
        None => current,
    };
    folded_operands.push(last);
    if folded_ops.is_empty() {
        return folded_operands.pop().expect("one operand");
    }
    // Shunting-yard with left associativity.
    let mut out: Vec<Expr> = Vec::new();
    let mut stack: Vec<BinOp> = Vec::new();
    let mut it = folded_operands.into_iter();
    out.push(it.next().expect("operand"));
    fn reduce(out: &mut Vec<Expr>, op: BinOp) {
        let r = out.pop().expect("right operand");
        let l = out.pop().expect("left operand");
        let span = l.span.to(r.span);
        out.push(Expr { kind: ExprKind::Binary(op, Box::new(l), Box::new(r)), span });
    }
    for (op, _) in folded_ops {
        while let Some(top) = stack.last() {
            if top.precedence() >= op.precedence() {
                let t = stack.pop().expect("operator");
                reduce(&mut out, t);
            } else {
                break;
            }
        }
        stack.push(op);
        out.push(it.next().expect("operand"));
    }
    while let Some(t) = stack.pop() {
        reduce(&mut out, t);
    }
    out.pop().expect("result")
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

fn push_expr_as_parts(parts: &mut Vec<StrPart>, e: Expr) {
    match e.kind {
        ExprKind::Const(Value::Str(s)) => parts.push(StrPart::Lit(s)),
        ExprKind::Expandable(ps) => parts.extend(ps.iter().cloned()),
        _ => parts.push(StrPart::Expr(Box::new(e))),
    }
}

fn sq_content(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    if chars.len() >= 2 {
        chars.remove(0);
        chars.pop();
    }
    let mut out = String::with_capacity(chars.len());
    let is_sq = |c: char| matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}');
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_sq(c) && i + 1 < chars.len() && is_sq(chars[i + 1]) {
            out.push(c);
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Backtick escapes (about_Special_Characters).
fn escape_char(rest: &str) -> char {
    let mut chars = rest.chars();
    match chars.next() {
        Some('0') => '\0',
        Some('a') => '\u{07}',
        Some('b') => '\u{08}',
        Some('e') => '\u{1b}',
        Some('f') => '\u{0c}',
        Some('n') => '\n',
        Some('r') => '\r',
        Some('t') => '\t',
        Some('v') => '\u{0b}',
        Some('u') if rest.starts_with("u{") => {
            let hex = rest[2..].trim_end_matches('}');
            u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}')
        }
        Some(c) => c,
        None => '`',
    }
}

// ───────────────────────────── pest failures → pwsh messages ─────────────────────────────

fn token_at(text: &str, pos: usize) -> String {
    let rest = &text[pos.min(text.len())..];
    let mut chars = rest.chars();
    let Some(first) = chars.next() else { return String::new() };
    if matches!(first, '"' | '\'') {
        if let Some(end) = rest[1..].find(first) {
            return rest[..end + 2].to_string();
        }
    }
    if "(){}[],;|&".contains(first) {
        return first.to_string();
    }
    rest.chars().take_while(|c| !c.is_whitespace() && !"(){}[],;|&".contains(*c)).collect()
}

pub fn diagnose(file: &Rc<SourceFile>, e: &pest::error::Error<Rule>, scan: &ScanResult) -> ParseError {
    let pos = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let text = &file.text;
    // An unterminated string swallows the rest of the script: pwsh reports it at the quote.
    if let Some(u) = scan.unclosed.iter().rev().find(|u| matches!(u.opener, Opener::DqString | Opener::SqString | Opener::HereDq | Opener::HereSq)) {
        let (msg, id) = match u.opener {
            Opener::DqString => ("The string is missing the terminator: \".", "TerminatorExpectedAtEndOfString"),
            Opener::SqString => ("The string is missing the terminator: '.", "TerminatorExpectedAtEndOfString"),
            Opener::HereDq => ("The string is missing the terminator: \"@.", "TerminatorExpectedAtEndOfString"),
            _ => ("The string is missing the terminator: '@.", "TerminatorExpectedAtEndOfString"),
        };
        return ParseError { message: msg.into(), id, span: Span::new(u.offset, text.len()) };
    }
    let at_end = text[pos.min(text.len())..].trim().is_empty();
    if at_end || !scan.unclosed.is_empty() {
        if let Some(u) = scan.unclosed.first() {
            let (msg, id) = match u.opener {
                Opener::Brace => ("Missing closing '}' in statement block or type definition.", "MissingEndCurlyBrace"),
                Opener::Hash => ("The hash literal was incomplete.", "IncompleteHashLiteral"),
                Opener::Paren => ("Missing closing ')' in expression.", "MissingEndParenthesisInExpression"),
                Opener::SubExpr => ("Missing closing ')' in subexpression.", "MissingEndParenthesisInSubexpression"),
                Opener::ArraySub => ("Missing closing ')' in subexpression.", "MissingEndParenthesisInSubexpression"),
                Opener::Bracket => ("Missing ']' at end of attribute or type literal.", "EndSquareBracketExpectedAtEndOfAttribute"),
                _ => ("Unexpected end of input.", "UnexpectedEndOfInput"),
            };
            return ParseError { message: msg.into(), id, span: Span::new(u.offset, u.offset + 1) };
        }
    }
    if at_end {
        // `Get-Foo |` at the end of the script.
        let before = text[..pos.min(text.len())].trim_end();
        if before.ends_with('|') {
            let p = before.len() - 1;
            return ParseError { message: "An empty pipe element is not allowed.".into(), id: "EmptyPipeElement", span: Span::new(p, p + 1) };
        }
        if let Some(op) = ["-and", "-or", "+", "-", "*", "/", "=", ","].iter().find(|o| before.to_ascii_lowercase().ends_with(*o)) {
            let p = before.len() - op.len();
            return ParseError {
                message: format!("You must provide a value expression following the '{op}' operator."),
                id: "ExpectedValueExpression",
                span: Span::new(p, before.len()),
            };
        }
        return ParseError { message: "Unexpected end of input.".into(), id: "UnexpectedEndOfInput", span: Span::new(pos, pos) };
    }
    if let Some((c, off)) = scan.stray_closer {
        return ParseError { message: format!("Unexpected token '{c}' in expression or statement."), id: "UnexpectedToken", span: Span::new(off, off + 1) };
    }
    let tok = token_at(text, pos);
    let before = text[..pos].trim_end();
    if before.ends_with('|') && (tok == "|" || tok.is_empty()) {
        let p = before.len() - 1;
        return ParseError { message: "An empty pipe element is not allowed.".into(), id: "EmptyPipeElement", span: Span::new(p, p + 1) };
    }
    if tok == "(" && before.to_ascii_lowercase().ends_with("if") {
        return ParseError {
            message: "Missing condition in if statement after 'if ('.".into(),
            id: "IfStatementMissingCondition",
            span: Span::new(pos, pos + 1),
        };
    }
    let len = tok.len().max(1);
    ParseError { message: format!("Unexpected token '{tok}' in expression or statement."), id: "UnexpectedToken", span: Span::new(pos, pos + len) }
}
