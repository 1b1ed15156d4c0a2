//! Read-only traversal of the AST (static checks, the linter, completion).

use crate::lang::ast::*;

pub trait Visitor {
    fn command(&mut self, _c: &CommandCall, _in_pipeline_after_first: bool) {}
    fn function(&mut self, _name: &str, _body: &ScriptBlock) {}
    fn expr(&mut self, _e: &Expr) {}
    /// Called before the assignment's target and value are walked.
    fn assignment(&mut self, _a: &Assignment) {}
}

pub fn walk_script_block(sb: &ScriptBlock, v: &mut dyn Visitor) {
    if let Some(ps) = &sb.params {
        for p in ps {
            if let Some(d) = &p.default {
                walk_expr(d, v);
            }
        }
    }
    for block in [&sb.begin, &sb.process, &sb.end].into_iter().flatten() {
        walk_stmts(block, v);
    }
}

pub fn walk_stmts(stmts: &[Stmt], v: &mut dyn Visitor) {
    for s in stmts {
        walk_stmt(s, v);
    }
}

pub fn walk_stmt(s: &Stmt, v: &mut dyn Visitor) {
    match &s.kind {
        StmtKind::Pipeline(c) => walk_chain(c, v),
        StmtKind::If { clauses, else_body } => {
            for (c, b) in clauses {
                walk_chain(c, v);
                walk_stmts(b, v);
            }
            if let Some(b) = else_body {
                walk_stmts(b, v);
            }
        }
        StmtKind::While { cond, body, .. } | StmtKind::DoLoop { cond, body, .. } => {
            walk_chain(cond, v);
            walk_stmts(body, v);
        }
        StmtKind::For { init, cond, iter, body, .. } => {
            for c in [init, cond, iter].into_iter().flatten() {
                walk_chain(c, v);
            }
            walk_stmts(body, v);
        }
        StmtKind::Foreach { iter, body, .. } => {
            walk_chain(iter, v);
            walk_stmts(body, v);
        }
        StmtKind::Switch(sw) => {
            walk_chain(&sw.subject, v);
            for c in &sw.clauses {
                walk_expr(&c.cond, v);
                walk_stmts(&c.body, v);
            }
            if let Some(d) = &sw.default {
                walk_stmts(d, v);
            }
        }
        StmtKind::Try { body, catches, finally } => {
            walk_stmts(body, v);
            for c in catches {
                walk_stmts(&c.body, v);
            }
            if let Some(f) = finally {
                walk_stmts(f, v);
            }
        }
        StmtKind::Trap { body, .. } => walk_stmts(body, v),
        StmtKind::Function { name, body, .. } => {
            v.function(name, body);
            walk_script_block(body, v);
        }
        StmtKind::Return(c) | StmtKind::Throw(c) | StmtKind::Exit(c) => {
            if let Some(c) = c {
                walk_chain(c, v);
            }
        }
        StmtKind::Break(_) | StmtKind::Continue(_) => {}
    }
}

pub fn walk_chain(c: &PipelineChain, v: &mut dyn Visitor) {
    walk_pipeline(&c.first, v);
    for (_, p) in &c.rest {
        walk_pipeline(p, v);
    }
}

pub fn walk_pipeline(p: &Pipeline, v: &mut dyn Visitor) {
    for (i, e) in p.elements.iter().enumerate() {
        match e {
            PipeElement::Expr { expr, redirections } => {
                walk_expr(expr, v);
                for r in redirections {
                    if let RedirectTarget::File(e) = &r.target {
                        walk_expr(e, v);
                    }
                }
            }
            PipeElement::Assign(a) => {
                v.assignment(a);
                walk_expr(&a.target, v);
                walk_stmt(&a.value, v);
            }
            PipeElement::Command(c) => {
                v.command(c, i > 0);
                if let CommandName::Expr(e) = &c.name {
                    walk_expr(e, v);
                }
                for a in &c.args {
                    match a {
                        CommandArg::Param { value: Some(e), .. } | CommandArg::Value(e) => walk_expr(e, v),
                        _ => {}
                    }
                }
            }
        }
    }
}

pub fn walk_expr(e: &Expr, v: &mut dyn Visitor) {
    v.expr(e);
    match &e.kind {
        ExprKind::Expandable(parts) => {
            for p in parts.iter() {
                match p {
                    StrPart::Sub(stmts, _) => walk_stmts(stmts, v),
                    StrPart::Expr(x) => walk_expr(x, v),
                    _ => {}
                }
            }
        }
        ExprKind::Array(items) => items.iter().for_each(|x| walk_expr(x, v)),
        ExprKind::ArraySub(stmts) | ExprKind::SubExpr(stmts) => walk_stmts(stmts, v),
        ExprKind::Paren(c) => walk_chain(c, v),
        ExprKind::Hash(entries) => {
            for (k, s) in entries.iter() {
                walk_expr(k, v);
                walk_stmt(s, v);
            }
        }
        ExprKind::ScriptBlock(sb) => walk_script_block(sb, v),
        ExprKind::Cast(_, x) | ExprKind::Unary(_, x) => walk_expr(x, v),
        ExprKind::Binary(_, a, b) => {
            walk_expr(a, v);
            walk_expr(b, v);
        }
        ExprKind::Ternary(a, b, c) => {
            walk_expr(a, v);
            walk_expr(b, v);
            walk_expr(c, v);
        }
        ExprKind::Member { target, name, .. } => {
            walk_expr(target, v);
            if let MemberName::Dynamic(d) = name {
                walk_expr(d, v);
            }
        }
        ExprKind::Invoke { target, name, args, .. } => {
            walk_expr(target, v);
            if let MemberName::Dynamic(d) = name {
                walk_expr(d, v);
            }
            args.iter().for_each(|x| walk_expr(x, v));
        }
        ExprKind::Index { target, index, .. } => {
            walk_expr(target, v);
            walk_expr(index, v);
        }
        ExprKind::IncDec { target, .. } => walk_expr(target, v),
        ExprKind::Const(_) | ExprKind::Var(_) | ExprKind::TypeLit(_) | ExprKind::Splat(_) => {}
    }
}
