//! The PowerShell syntax tree. Every node that can fail at run time carries a [`Span`] so that
//! errors point at the source the way pwsh does.
//!
//! Identifiers that are looked up at run time (variables, members) are interned case-insensitively
//! into [`Sym`]s at parse time, so evaluation compares integers instead of strings.

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::source::SourceFile;
use crate::lang::sym::Sym;

/// Byte range into the source text of the enclosing [`ScriptBlock`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// A parsed script or script block: `param()`, named blocks, statements.
#[derive(Debug)]
pub struct ScriptBlock {
    pub file: Rc<SourceFile>,
    pub span: Span,
    pub attributes: Vec<Attribute>,
    pub params: Option<Vec<ParamDecl>>,
    pub param_span: Option<Span>,
    pub begin: Option<Vec<Stmt>>,
    pub process: Option<Vec<Stmt>>,
    pub end: Option<Vec<Stmt>>,
    /// True when the body used named blocks (`begin`/`process`/`end`); a filter's body is a
    /// process block.
    pub has_named_blocks: bool,
    /// The body mentions `$PSBoundParameters`/`$MyInvocation`/`$args` (or could reach them
    /// dynamically), so invocation must populate them.
    pub uses_bound_parameters: bool,
    pub uses_args: bool,
    /// `[CmdletBinding()]` or any `[Parameter()]` attribute makes the function "advanced".
    pub is_advanced: bool,
    /// Lazily built parameter-binding signature (see engine::bind).
    pub signature: RefCell<Option<Rc<crate::engine::bind::Signature>>>,
}

impl ScriptBlock {
    pub fn text(&self) -> &str {
        self.file.slice(self.span)
    }
    /// The body as written between the braces (what `$sb.ToString()` returns).
    pub fn body_text(&self) -> &str {
        let t = self.text();
        if t.starts_with('{') && t.ends_with('}') && t.len() >= 2 { &t[1..t.len() - 1] } else { t }
    }
}

#[derive(Debug, Clone)]
pub struct Attribute {
    pub name: Rc<str>,
    pub positional: Vec<Expr>,
    pub named: Vec<(Rc<str>, Option<Expr>)>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct ParamDecl {
    pub name: Rc<str>,
    pub sym: Sym,
    pub attributes: Vec<Attribute>,
    /// Type constraints in the order written (`[string[]]`); the last one is the parameter type.
    pub types: Vec<TypeName>,
    pub default: Option<Expr>,
    pub span: Span,
}

/// A type as written, e.g. `System.Collections.Generic.List[string]`, `string[]`.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeName {
    pub name: Rc<str>,
    pub generic_args: Vec<TypeName>,
    pub array_rank: u8,
    pub span: Span,
}

impl TypeName {
    pub fn full_text(&self) -> String {
        let mut s = self.name.to_string();
        if !self.generic_args.is_empty() {
            s.push('[');
            for (i, g) in self.generic_args.iter().enumerate() {
                if i > 0 {
                    s.push(',');
                }
                s.push_str(&g.full_text());
            }
            s.push(']');
        }
        for _ in 0..self.array_rank {
            s.push_str("[]");
        }
        s
    }
}

#[derive(Debug, Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    Pipeline(Rc<PipelineChain>),
    If { clauses: Vec<(PipelineChain, Vec<Stmt>)>, else_body: Option<Vec<Stmt>> },
    While { label: Option<Rc<str>>, cond: PipelineChain, body: Vec<Stmt> },
    DoLoop { label: Option<Rc<str>>, body: Vec<Stmt>, cond: PipelineChain, until: bool },
    For { label: Option<Rc<str>>, init: Option<PipelineChain>, cond: Option<PipelineChain>, iter: Option<PipelineChain>, body: Vec<Stmt> },
    Foreach { label: Option<Rc<str>>, var: VarRef, iter: PipelineChain, body: Vec<Stmt> },
    Switch(Box<SwitchStmt>),
    Try { body: Vec<Stmt>, catches: Vec<CatchClause>, finally: Option<Vec<Stmt>> },
    Trap { types: Vec<TypeName>, body: Vec<Stmt> },
    Function { name: Rc<str>, is_filter: bool, body: Rc<ScriptBlock> },
    Return(Option<PipelineChain>),
    Throw(Option<PipelineChain>),
    Exit(Option<PipelineChain>),
    Break(Option<Rc<str>>),
    Continue(Option<Rc<str>>),
}

#[derive(Debug, Clone)]
pub struct CatchClause {
    pub types: Vec<TypeName>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone)]
pub struct SwitchStmt {
    pub label: Option<Rc<str>>,
    pub mode: SwitchMode,
    pub case_sensitive: bool,
    pub file: bool,
    pub subject: PipelineChain,
    pub clauses: Vec<SwitchClause>,
    pub default: Option<Vec<Stmt>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwitchMode {
    Exact,
    Wildcard,
    Regex,
}

#[derive(Debug, Clone)]
pub struct SwitchClause {
    pub cond: Expr,
    pub body: Vec<Stmt>,
}

/// `a && b || c`; a single pipeline is a chain of one.
#[derive(Debug, Clone)]
pub struct PipelineChain {
    pub first: Pipeline,
    pub rest: Vec<(ChainOp, Pipeline)>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainOp {
    And,
    Or,
}

#[derive(Debug, Clone)]
pub struct Pipeline {
    pub elements: Vec<PipeElement>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum PipeElement {
    Expr { expr: Expr, redirections: Vec<Redirection> },
    Assign(Box<Assignment>),
    Command(Rc<CommandCall>),
}

#[derive(Debug, Clone)]
pub struct Assignment {
    pub target: Expr,
    pub op: AssignOp,
    pub value: Stmt,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Coalesce,
}

#[derive(Debug)]
pub struct CommandCall {
    pub invocation: Invocation,
    pub name: CommandName,
    pub args: Vec<CommandArg>,
    pub redirections: Vec<Redirection>,
    pub span: Span,
    /// Call-site cache of the resolved command, keyed by the command table's generation.
    pub cache: RefCell<Option<(u64, crate::engine::commands::Resolved)>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invocation {
    Plain,
    Call,
    DotSource,
}

#[derive(Debug, Clone)]
pub enum CommandName {
    Bare(Rc<str>),
    Expr(Expr),
}

#[derive(Debug, Clone)]
pub enum CommandArg {
    /// `-Name`, `-Name:value` (value attached), the dash as typed is kept for error texts.
    Param {
        name: Rc<str>,
        value: Option<Expr>,
        colon: bool,
        span: Span,
    },
    Value(Expr),
    Splat {
        var: VarRef,
        span: Span,
    },
}

#[derive(Debug, Clone)]
pub struct Redirection {
    /// 1 = output, 2 = error, 3 = warning, 4 = verbose, 5 = debug, 6 = information, 0 = all (`*`).
    pub stream: u8,
    pub append: bool,
    pub target: RedirectTarget,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum RedirectTarget {
    /// `2>&1`
    Stream(u8),
    File(Expr),
}

#[derive(Debug, Clone)]
pub struct VarRef {
    pub scope: VarScope,
    pub name: Rc<str>,
    pub sym: Sym,
    pub special: SpecialVar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VarScope {
    Any,
    Global,
    Script,
    Local,
    Private,
    Env,
    Using,
    Variable,
    Function,
    /// A provider drive we do not model (`$c:foo`): always `$null`.
    Drive,
}

/// Variables resolved at parse time because they cannot be reassigned (or are hot).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialVar {
    None,
    Null,
    True,
    False,
    Underscore,
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Const(crate::engine::value::Value),
    /// A double-quoted string or unquoted argument containing `$x` or `$(…)`.
    Expandable(Rc<[StrPart]>),
    Var(VarRef),
    /// `a, b, c`
    Array(Vec<Expr>),
    /// `@( … )`
    ArraySub(Vec<Stmt>),
    /// `$( … )`
    SubExpr(Vec<Stmt>),
    /// `( pipeline )`
    Paren(Box<PipelineChain>),
    Hash(Rc<Vec<(Expr, Stmt)>>),
    ScriptBlock(Rc<ScriptBlock>),
    TypeLit(Rc<TypeName>),
    Cast(Rc<TypeName>, Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Ternary(Box<Expr>, Box<Expr>, Box<Expr>),
    Member {
        target: Box<Expr>,
        name: MemberName,
        is_static: bool,
        null_conditional: bool,
    },
    Invoke {
        target: Box<Expr>,
        name: MemberName,
        args: Vec<Expr>,
        is_static: bool,
        null_conditional: bool,
    },
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
        null_conditional: bool,
    },
    IncDec {
        target: Box<Expr>,
        increment: bool,
        prefix: bool,
    },
    /// `@name` in a command argument list.
    Splat(VarRef),
}

#[derive(Debug, Clone)]
pub enum MemberName {
    Static(Rc<str>),
    Dynamic(Box<Expr>),
}

#[derive(Debug, Clone)]
pub enum StrPart {
    Lit(Rc<str>),
    Var(VarRef, Span),
    Sub(Vec<Stmt>, Span),
    /// A piece of a glued argument such as `$x.Name` in `$x.Name\file`.
    Expr(Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Bnot,
    Neg,
    Plus,
    /// Unary comma: wrap in a one-element array.
    Comma,
    Split {
        case_sensitive: bool,
    },
    Join,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Range,
    Format,
    And,
    Or,
    Xor,
    Band,
    Bor,
    Bxor,
    Shl,
    Shr,
    Coalesce,
    Is,
    IsNot,
    As,
    Join,
    Cmp(CmpOp, bool),
    Split(bool),
    Replace(bool),
}

/// Comparison operators; the bool beside them in [`BinOp::Cmp`] is case sensitivity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Like,
    NotLike,
    Match,
    NotMatch,
    Contains,
    NotContains,
    In,
    NotIn,
}

impl BinOp {
    /// pwsh's precedence (TokenFlags.BinaryPrecedence*): higher binds tighter.
    pub fn precedence(self) -> u8 {
        use BinOp::*;
        match self {
            And | Or | Xor => 1,
            Band | Bor | Bxor => 2,
            Cmp(..) | Is | IsNot | As | Join | Split(_) | Replace(_) | Shl | Shr => 5,
            Coalesce => 7,
            Add | Sub => 9,
            Mul | Div | Rem => 10,
            Format => 12,
            Range => 13,
        }
    }
}
