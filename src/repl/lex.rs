//! A lenient PowerShell tokenizer for the REPL: syntax highlighting on every keystroke and the
//! context of Tab completion. It never fails (unterminated strings and comments run to the end
//! of the text), runs in one linear pass, and tracks just enough of pwsh's two parsing modes
//! (command/argument mode and expression mode) to tell a command name from an argument and a
//! parameter (`-Name`) from an operator (`-eq`).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Comment,
    /// A string literal (quoted or here-string); `closed` says whether it is terminated.
    String,
    /// `$name`, `${name}`, `$env:NAME`, `@splat`
    Variable,
    Number,
    Keyword,
    /// The command name of a pipeline element.
    Command,
    /// `-Name` (or `-Name:`) in argument mode.
    Parameter,
    /// `-eq`, `+`, `=`, `..`, `|`-less operators; `&` and `.` invocation operators.
    Operator,
    /// `[type]`
    Type,
    /// A property or method name after `.` / `::`.
    Member,
    /// A bare argument (argument mode) or any other bare word.
    Word,
    /// `( ) { } [ ] $( @( @{ , ; |`
    Punct,
    Newline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Bracket nesting depth at the token (openers and closers carry the outer depth).
    pub depth: u16,
    /// For strings and block comments: whether the terminator was found.
    pub closed: bool,
}

impl Token {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

/// The keywords pwsh's tokenizer knows (TokenKind keywords).
pub const KEYWORDS: &[&str] = &[
    "begin",
    "break",
    "catch",
    "class",
    "clean",
    "continue",
    "data",
    "define",
    "do",
    "dynamicparam",
    "else",
    "elseif",
    "end",
    "enum",
    "exit",
    "filter",
    "finally",
    "for",
    "foreach",
    "from",
    "function",
    "hidden",
    "if",
    "in",
    "param",
    "process",
    "return",
    "static",
    "switch",
    "throw",
    "trap",
    "try",
    "until",
    "using",
    "var",
    "while",
    "workflow",
];

/// Dash operators (without the dash), including their `c`/`i` case variants.
const DASH_OPERATORS: &[&str] = &[
    "eq",
    "ne",
    "gt",
    "ge",
    "lt",
    "le",
    "like",
    "notlike",
    "match",
    "notmatch",
    "contains",
    "notcontains",
    "in",
    "notin",
    "replace",
    "split",
    "join",
    "is",
    "isnot",
    "as",
    "and",
    "or",
    "xor",
    "not",
    "band",
    "bor",
    "bxor",
    "bnot",
    "shl",
    "shr",
    "f",
];

pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

pub fn is_dash_operator(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    let base = match w.as_bytes().first() {
        Some(b'c' | b'i') if !DASH_OPERATORS.contains(&w.as_str()) => &w[1..],
        _ => &w[..],
    };
    DASH_OPERATORS.contains(&base)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    Paren,
    Brace,
    Hash,
    Bracket,
}

#[derive(Clone, Copy)]
struct Saved {
    frame: Frame,
    args: bool,
}

fn is_dq(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}
fn is_sq(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}
fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}
/// Characters that end a bare word in argument mode.
fn ends_arg_word(c: char) -> bool {
    c.is_whitespace() || matches!(c, ';' | '|' | '(' | ')' | '{' | '}' | ',' | '&' | '"' | '\'' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}')
}
/// Characters that end a command name.
fn ends_command_word(c: char) -> bool {
    ends_arg_word(c) || matches!(c, '=' | '<' | '>' | '[' | ']')
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    toks: Vec<Token>,
    stack: Vec<Saved>,
    /// The next bare word is a command name.
    cmd_pos: bool,
    /// Inside a command's arguments (argument mode).
    args: bool,
    /// The next bare word names a function (`function Name`).
    fn_name: bool,
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }
    fn peek_at(&self, n: usize) -> Option<char> {
        self.src[self.pos..].chars().nth(n)
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }
    fn depth(&self) -> u16 {
        self.stack.len().min(u16::MAX as usize) as u16
    }
    fn push_tok(&mut self, kind: Kind, start: usize, closed: bool) {
        let depth = self.depth();
        self.toks.push(Token { kind, start, end: self.pos, depth, closed });
    }
    fn last_kind(&self) -> Option<Kind> {
        self.toks.last().map(|t| t.kind)
    }
    /// The previous token ends exactly here (no whitespace between).
    fn adjacent(&self) -> bool {
        self.toks.last().is_some_and(|t| t.end == self.pos)
    }
    fn in_hash(&self) -> bool {
        self.stack.last().is_some_and(|s| s.frame == Frame::Hash)
    }

    fn open(&mut self, frame: Frame, start: usize) {
        self.push_tok(Kind::Punct, start, true);
        self.stack.push(Saved { frame, args: self.args });
        self.args = false;
        self.cmd_pos = matches!(frame, Frame::Paren | Frame::Brace);
    }

    fn close(&mut self, start: usize) {
        let saved = self.stack.pop();
        self.push_tok(Kind::Punct, start, true);
        self.args = saved.map(|s| s.args).unwrap_or(false);
        self.cmd_pos = false;
    }

    fn run(mut self) -> Vec<Token> {
        while let Some(c) = self.peek() {
            let start = self.pos;
            match c {
                '\n' | '\r' => {
                    self.bump();
                    if c == '\r' && self.peek() == Some('\n') {
                        self.bump();
                    }
                    self.push_tok(Kind::Newline, start, true);
                    self.statement_end();
                }
                '`' if matches!(self.peek_at(1), Some('\n' | '\r')) => {
                    // Line continuation: whitespace.
                    self.bump();
                    self.bump();
                    if c == '\r' && self.peek() == Some('\n') {
                        self.bump();
                    }
                }
                c if c.is_whitespace() => {
                    self.bump();
                }
                '#' => {
                    while let Some(c) = self.peek() {
                        if c == '\n' || c == '\r' {
                            break;
                        }
                        self.bump();
                    }
                    self.push_tok(Kind::Comment, start, true);
                }
                '<' if self.peek_at(1) == Some('#') => {
                    self.bump();
                    self.bump();
                    let closed = match self.src[self.pos..].find("#>") {
                        Some(i) => {
                            self.pos += i + 2;
                            true
                        }
                        None => {
                            self.pos = self.src.len();
                            false
                        }
                    };
                    self.push_tok(Kind::Comment, start, closed);
                }
                c if is_sq(c) || is_dq(c) => {
                    let closed = self.string(c);
                    self.push_tok(Kind::String, start, closed);
                    self.after_value();
                }
                '@' => self.at_sign(start),
                '$' => self.dollar(start),
                '(' => {
                    self.bump();
                    self.open(Frame::Paren, start);
                }
                '{' => {
                    self.bump();
                    self.open(Frame::Brace, start);
                }
                '[' if !self.args || self.last_kind() == Some(Kind::Punct) || self.adjacent() => {
                    if self.adjacent() && matches!(self.last_kind(), Some(Kind::Variable | Kind::Member | Kind::Punct | Kind::String)) {
                        // Indexing: `$a[0]`.
                        self.bump();
                        self.open(Frame::Bracket, start);
                        self.cmd_pos = false;
                    } else {
                        self.type_literal(start);
                    }
                }
                ')' | '}' | ']' => {
                    self.bump();
                    self.close(start);
                }
                ';' => {
                    self.bump();
                    self.push_tok(Kind::Punct, start, true);
                    self.statement_end();
                }
                '|' => {
                    self.bump();
                    if self.peek() == Some('|') {
                        self.bump();
                    }
                    self.push_tok(Kind::Punct, start, true);
                    self.cmd_pos = true;
                    self.args = false;
                }
                '&' => {
                    self.bump();
                    if self.peek() == Some('&') {
                        self.bump();
                        self.push_tok(Kind::Punct, start, true);
                    } else {
                        self.push_tok(Kind::Operator, start, true);
                    }
                    self.cmd_pos = true;
                    self.args = false;
                }
                ',' => {
                    self.bump();
                    self.push_tok(Kind::Punct, start, true);
                    if !self.args {
                        self.cmd_pos = false;
                    }
                }
                '.' if self.adjacent() && self.peek_at(1).is_some_and(|c| is_ident(c) || c == '$') && self.member_context() => {
                    self.bump();
                    self.push_tok(Kind::Operator, start, true);
                    self.member(false);
                }
                ':' if self.peek_at(1) == Some(':') && self.adjacent() => {
                    self.bump();
                    self.bump();
                    self.push_tok(Kind::Operator, start, true);
                    self.member(true);
                }
                '.' if self.cmd_pos && self.peek_at(1).is_none_or(|c| c.is_whitespace()) => {
                    // Dot-sourcing.
                    self.bump();
                    self.push_tok(Kind::Operator, start, true);
                }
                c if is_dash(c) && self.args => self.arg_dash(start),
                c if is_dash(c) && !self.cmd_pos && self.peek_at(1).is_some_and(|n| n.is_alphabetic()) => {
                    self.bump();
                    while self.peek().is_some_and(|c| c.is_alphanumeric()) {
                        self.bump();
                    }
                    self.push_tok(Kind::Operator, start, true);
                    self.cmd_pos = false;
                }
                c if c.is_ascii_digit() || (c == '.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) && !self.args) => self.number_or_word(start),
                c if self.args => {
                    let _ = c;
                    self.arg_word(start);
                }
                c if self.cmd_pos && (!is_operator_start(c) || self.command_like_operator(c)) => self.command_word(start),
                c if is_operator_start(c) => self.operator(start),
                _ => {
                    self.bump();
                    while self.peek().is_some_and(|c| is_ident(c) || c == '-') {
                        self.bump();
                    }
                    let word = &self.src[start..self.pos];
                    let kind = if is_keyword(word) { Kind::Keyword } else { Kind::Word };
                    self.push_tok(kind, start, true);
                    if kind == Kind::Keyword {
                        self.after_keyword(word);
                    }
                }
            }
        }
        self.toks
    }

    /// `%` and `?` (aliases), `./script.ps1` and `..\x.ps1` in command position.
    fn command_like_operator(&self, c: char) -> bool {
        let next = self.peek_at(1);
        match c {
            '%' | '?' => next.is_none_or(|n| n.is_whitespace() || n == '{'),
            // `*-SPOSite` typed as a wildcard command name.
            '*' => next.is_some_and(|n| !n.is_whitespace() && n != '='),
            '.' => matches!(next, Some('/' | '\\' | '.')),
            _ => false,
        }
    }

    fn statement_end(&mut self) {
        self.cmd_pos = !self.in_hash();
        self.args = false;
        self.fn_name = false;
    }

    /// After a value in expression position: neither a command nor (necessarily) arguments.
    fn after_value(&mut self) {
        if self.cmd_pos {
            self.cmd_pos = false;
        }
    }

    fn member_context(&self) -> bool {
        matches!(self.last_kind(), Some(Kind::Variable | Kind::Member | Kind::String | Kind::Type | Kind::Number))
            || (self.last_kind() == Some(Kind::Punct) && self.toks.last().is_some_and(|t| matches!(&self.src[t.start..t.end], ")" | "]" | "}")))
    }

    fn member(&mut self, _static: bool) {
        let start = self.pos;
        if self.peek() == Some('$') {
            return;
        }
        while self.peek().is_some_and(is_ident) {
            self.bump();
        }
        if self.pos > start {
            self.push_tok(Kind::Member, start, true);
        }
        self.cmd_pos = false;
    }

    fn string(&mut self, open: char) -> bool {
        self.bump();
        if is_sq(open) {
            while let Some(c) = self.bump() {
                if is_sq(c) {
                    if self.peek().is_some_and(is_sq) {
                        self.bump();
                        continue;
                    }
                    return true;
                }
            }
            return false;
        }
        let mut sub = 0usize;
        while let Some(c) = self.bump() {
            match c {
                '`' => {
                    self.bump();
                }
                '$' if self.peek() == Some('(') => {
                    self.bump();
                    sub += 1;
                }
                '(' if sub > 0 => sub += 1,
                ')' if sub > 0 => sub -= 1,
                c if is_dq(c) && sub == 0 => {
                    if self.peek().is_some_and(is_dq) {
                        self.bump();
                        continue;
                    }
                    return true;
                }
                _ => {}
            }
        }
        false
    }

    fn here_string(&mut self, quote: char, start: usize) {
        // `@"` / `@'` then the rest of the line, then lines until one starting with `"@`.
        self.bump();
        self.bump();
        let end_pat = if quote == '"' { "\"@" } else { "'@" };
        let mut closed = false;
        let mut line_start = false;
        while let Some(c) = self.peek() {
            if line_start && self.src[self.pos..].starts_with(end_pat) {
                self.pos += 2;
                closed = true;
                break;
            }
            self.bump();
            line_start = c == '\n' || c == '\r';
        }
        self.push_tok(Kind::String, start, closed);
        self.after_value();
    }

    fn at_sign(&mut self, start: usize) {
        match self.peek_at(1) {
            Some('(') => {
                self.bump();
                self.bump();
                self.open(Frame::Paren, start);
            }
            Some('{') => {
                self.bump();
                self.bump();
                self.open(Frame::Hash, start);
                self.cmd_pos = false;
            }
            Some(q) if (q == '"' || q == '\'') && self.src[self.pos + 2..].trim_start_matches([' ', '\t']).starts_with(['\n', '\r']) => {
                self.here_string(q, start)
            }
            Some(q) if q == '"' || q == '\'' => {
                // `@"x"` on one line is not a here-string: an error in pwsh; colour it a string.
                self.bump();
                let closed = self.string(q);
                self.push_tok(Kind::String, start, closed);
                self.after_value();
            }
            Some(c) if is_ident(c) || c == '?' => {
                self.bump();
                while self.peek().is_some_and(|c| is_ident(c) || c == ':') {
                    self.bump();
                }
                self.push_tok(Kind::Variable, start, true);
                self.after_value();
            }
            _ => {
                self.bump();
                self.push_tok(Kind::Word, start, true);
            }
        }
    }

    fn dollar(&mut self, start: usize) {
        match self.peek_at(1) {
            Some('(') => {
                self.bump();
                self.bump();
                self.open(Frame::Paren, start);
            }
            Some('{') => {
                self.bump();
                self.bump();
                let mut closed = false;
                while let Some(c) = self.bump() {
                    if c == '`' {
                        self.bump();
                    } else if c == '}' {
                        closed = true;
                        break;
                    }
                }
                self.push_tok(Kind::Variable, start, closed);
                self.after_value();
            }
            Some('$' | '?' | '^') => {
                self.bump();
                self.bump();
                self.push_tok(Kind::Variable, start, true);
                self.after_value();
            }
            Some(c) if is_ident(c) => {
                self.bump();
                while self.peek().is_some_and(is_ident) {
                    self.bump();
                }
                // `$env:PATH`, `$script:x`: a drive or scope qualifier.
                if self.peek() == Some(':') && self.peek_at(1).is_some_and(|c| is_ident(c) || c == '?') {
                    self.bump();
                    while self.peek().is_some_and(|c| is_ident(c) || c == '?') {
                        self.bump();
                    }
                } else if self.peek() == Some(':') && self.peek_at(1).is_none() {
                    // `$env:` being typed.
                    self.bump();
                }
                self.push_tok(Kind::Variable, start, true);
                self.after_value();
            }
            _ => {
                self.bump();
                self.push_tok(Kind::Variable, start, true);
                self.after_value();
            }
        }
    }

    fn type_literal(&mut self, start: usize) {
        // `[System.String]`, `[string[]]`, `[Collections.Generic.List[string]]`.
        self.bump();
        let mut depth = 1;
        let mut ok = false;
        while let Some(c) = self.peek() {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.bump();
                        ok = true;
                        break;
                    }
                }
                c if is_ident(c) || matches!(c, '.' | ',' | ' ' | '`' | '+') => {}
                _ => break,
            }
            self.bump();
        }
        if ok {
            self.push_tok(Kind::Type, start, true);
            self.cmd_pos = false;
        } else {
            // Not a type literal (e.g. an attribute with arguments): just the bracket.
            self.pos = start + 1;
            self.open(Frame::Bracket, start);
            self.cmd_pos = false;
        }
    }

    fn arg_dash(&mut self, start: usize) {
        let next = self.peek_at(1);
        match next {
            Some(c) if c.is_alphabetic() || c == '_' || c == '?' => {
                self.bump();
                while self.peek().is_some_and(|c| !ends_arg_word(c) && c != ':' && c != '.') {
                    self.bump();
                }
                if self.peek() == Some(':') {
                    self.bump();
                }
                self.push_tok(Kind::Parameter, start, true);
            }
            Some(c) if c.is_ascii_digit() || c == '.' => self.number_or_word(start),
            // A lone `-` being typed at the end: an empty parameter name.
            None => {
                self.bump();
                self.push_tok(Kind::Parameter, start, true);
            }
            Some('-') if self.peek_at(2).is_none_or(ends_arg_word) => {
                self.bump();
                self.bump();
                self.push_tok(Kind::Operator, start, true);
            }
            _ => self.arg_word(start),
        }
    }

    fn arg_word(&mut self, start: usize) {
        while let Some(c) = self.peek() {
            if ends_arg_word(c) {
                break;
            }
            if c == '`' {
                self.bump();
            }
            self.bump();
        }
        if self.pos == start {
            self.bump();
        }
        self.push_tok(Kind::Word, start, true);
    }

    fn number_or_word(&mut self, start: usize) {
        let mut end = start;
        let rest = &self.src[start..];
        let bytes = rest.as_bytes();
        let mut i = 0;
        if bytes.first().is_some_and(|b| *b == b'-' || *b == b'+') {
            i += 1;
        }
        if rest[i..].len() > 2 && rest[i..i + 2].eq_ignore_ascii_case("0x") {
            i += 2;
            while i < bytes.len() && bytes[i].is_ascii_hexdigit() {
                i += 1;
            }
        } else {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
            if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit() || *b == b'-' || *b == b'+') {
                i += 2;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
        }
        // Type suffix and multiplier: 1L, 2d, 10kb, 5GB, 3u.
        let suffix_len = rest[i..].bytes().take_while(|b| b.is_ascii_alphabetic()).count();
        if suffix_len > 0 {
            let suf = rest[i..i + suffix_len].to_ascii_lowercase();
            if matches!(
                suf.as_str(),
                "l" | "d" | "u" | "ul" | "y" | "uy" | "s" | "us" | "n" | "kb" | "mb" | "gb" | "tb" | "pb" | "lkb" | "lmb" | "lgb" | "ltb" | "lpb"
            ) {
                i += suffix_len;
            } else {
                i = usize::MAX;
            }
        }
        if i != usize::MAX {
            end = start + i;
        }
        let next = self.src[end..].chars().next();
        let delimited = match next {
            None => true,
            Some(c) if self.args => ends_arg_word(c),
            Some(c) => !is_ident(c),
        };
        if end > start && delimited {
            self.pos = end;
            self.push_tok(Kind::Number, start, true);
            self.after_value();
        } else if self.args {
            self.arg_word(start);
        } else if self.cmd_pos {
            self.command_word(start);
        } else {
            self.bump();
            while self.peek().is_some_and(is_ident) {
                self.bump();
            }
            self.push_tok(Kind::Word, start, true);
        }
    }

    fn command_word(&mut self, start: usize) {
        while let Some(c) = self.peek() {
            if ends_command_word(c) {
                break;
            }
            if c == '`' {
                self.bump();
            }
            self.bump();
        }
        if self.pos == start {
            self.bump();
        }
        let word = &self.src[start..self.pos];
        if self.fn_name {
            self.fn_name = false;
            self.push_tok(Kind::Word, start, true);
            self.cmd_pos = false;
            return;
        }
        if is_keyword(word) {
            self.push_tok(Kind::Keyword, start, true);
            self.after_keyword(word);
            return;
        }
        self.push_tok(Kind::Command, start, true);
        self.cmd_pos = false;
        self.args = true;
    }

    fn after_keyword(&mut self, word: &str) {
        let w = word.to_ascii_lowercase();
        self.cmd_pos = matches!(w.as_str(), "return" | "throw" | "in" | "else" | "try" | "finally" | "do" | "begin" | "process" | "end" | "clean");
        self.args = false;
        if matches!(w.as_str(), "function" | "filter" | "workflow" | "class" | "enum") {
            self.fn_name = true;
            self.cmd_pos = true;
        }
    }

    fn operator(&mut self, start: usize) {
        let rest = &self.src[start..];
        const OPS: &[&str] = &[
            "2>&1", "*>&1", "-=", "+=", "*=", "/=", "%=", "??=", "??", "==", "!=", "..", "++", "--", "2>>", "2>", "*>>", "*>", ">>", ">", "<", "=", "+", "-",
            "*", "/", "%", "!", "?",
        ];
        let len = OPS.iter().find(|o| rest.starts_with(**o)).map(|o| o.len()).unwrap_or_else(|| rest.chars().next().map(char::len_utf8).unwrap_or(1));
        self.pos = start + len;
        let op = &self.src[start..self.pos];
        self.push_tok(Kind::Operator, start, true);
        if op.ends_with('=') && !matches!(op, "==" | "!=") {
            // Assignment: the right-hand side is a statement.
            self.cmd_pos = true;
            self.args = false;
        } else {
            self.cmd_pos = false;
        }
    }
}

fn is_operator_start(c: char) -> bool {
    matches!(c, '=' | '+' | '*' | '/' | '%' | '!' | '<' | '>' | '?' | '.') || is_dash(c)
}

/// Tokenize PowerShell source leniently.
pub fn tokenize(src: &str) -> Vec<Token> {
    Lexer { src, pos: 0, toks: Vec::new(), stack: Vec::new(), cmd_pos: true, args: false, fn_name: false }.run()
}

/// Byte ranges of the `$variables` and `$( )` openers inside an expandable string token.
pub fn string_variables(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if !text.starts_with(|c: char| is_dq(c)) && !text.starts_with("@\"") {
        return out;
    }
    let b = text.as_bytes();
    let mut i = 1;
    while i < b.len() {
        match b[i] {
            b'`' => i += 2,
            b'$' => {
                let s = i;
                i += 1;
                if i < b.len() && b[i] == b'{' {
                    while i < b.len() && b[i] != b'}' {
                        i += 1;
                    }
                    i = (i + 1).min(b.len());
                } else {
                    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b':') {
                        i += 1;
                    }
                }
                if i > s + 1 {
                    out.push((s, i));
                }
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(Kind, &str)> {
        tokenize(src).iter().map(|t| (t.kind, t.text(src))).collect()
    }

    #[test]
    fn command_parameters_and_arguments() {
        assert_eq!(
            kinds("Get-SPOSite -Identity https://x/y -Limit 10 | Where-Object Url -like '*a*'"),
            vec![
                (Kind::Command, "Get-SPOSite"),
                (Kind::Parameter, "-Identity"),
                (Kind::Word, "https://x/y"),
                (Kind::Parameter, "-Limit"),
                (Kind::Number, "10"),
                (Kind::Punct, "|"),
                (Kind::Command, "Where-Object"),
                (Kind::Word, "Url"),
                (Kind::Parameter, "-like"),
                (Kind::String, "'*a*'"),
            ]
        );
    }

    #[test]
    fn expressions_keywords_and_operators() {
        assert_eq!(
            kinds("foreach ($i in 1..2) { \"x$i\" }"),
            vec![
                (Kind::Keyword, "foreach"),
                (Kind::Punct, "("),
                (Kind::Variable, "$i"),
                (Kind::Keyword, "in"),
                (Kind::Number, "1"),
                (Kind::Operator, ".."),
                (Kind::Number, "2"),
                (Kind::Punct, ")"),
                (Kind::Punct, "{"),
                (Kind::String, "\"x$i\""),
                (Kind::Punct, "}"),
            ]
        );
        assert_eq!(
            kinds("$a = Get-Date; if ($a -gt 3) { $a.Year }"),
            vec![
                (Kind::Variable, "$a"),
                (Kind::Operator, "="),
                (Kind::Command, "Get-Date"),
                (Kind::Punct, ";"),
                (Kind::Keyword, "if"),
                (Kind::Punct, "("),
                (Kind::Variable, "$a"),
                (Kind::Operator, "-gt"),
                (Kind::Number, "3"),
                (Kind::Punct, ")"),
                (Kind::Punct, "{"),
                (Kind::Variable, "$a"),
                (Kind::Operator, "."),
                (Kind::Member, "Year"),
                (Kind::Punct, "}"),
            ]
        );
    }

    #[test]
    fn strings_comments_types_and_unterminated_input() {
        let src = "[string]$x = 'it''s' # note\n<# block";
        let t = tokenize(src);
        let k: Vec<_> = t.iter().map(|t| (t.kind, t.text(src), t.closed)).collect();
        assert_eq!(
            k,
            vec![
                (Kind::Type, "[string]", true),
                (Kind::Variable, "$x", true),
                (Kind::Operator, "=", true),
                (Kind::String, "'it''s'", true),
                (Kind::Comment, "# note", true),
                (Kind::Newline, "\n", true),
                (Kind::Comment, "<# block", false),
            ]
        );
        let t = tokenize("Write-Host \"abc");
        assert_eq!(t.last().map(|t| (t.kind, t.closed)), Some((Kind::String, false)));
        assert_eq!(string_variables("\"a $b ${c d} `$e\""), vec![(3, 5), (6, 12)]);
    }

    #[test]
    fn parameters_with_colon_and_env_variables() {
        assert_eq!(
            kinds("Get-Item -ErrorAction:Stop $env:HOME"),
            vec![(Kind::Command, "Get-Item"), (Kind::Parameter, "-ErrorAction:"), (Kind::Word, "Stop"), (Kind::Variable, "$env:HOME"),]
        );
        assert_eq!(
            kinds("$x.Length -and @splat"),
            vec![(Kind::Variable, "$x"), (Kind::Operator, "."), (Kind::Member, "Length"), (Kind::Operator, "-and"), (Kind::Variable, "@splat")]
        );
    }

    #[test]
    fn depth_tracks_nesting() {
        let src = "Get-X -A (Get-Y -B 1) -C";
        let t = tokenize(src);
        let c = t.iter().find(|t| t.text(src) == "-C").map(|t| t.depth);
        let b = t.iter().find(|t| t.text(src) == "-B").map(|t| t.depth);
        assert_eq!((c, b), (Some(0), Some(1)));
        assert_eq!(t.iter().find(|t| t.text(src) == "-C").map(|t| t.kind), Some(Kind::Parameter));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for src in ["@", "$", "[", "]]]", "\"$(", "@'\n", "-", "1..", "0x", "`", "&", "$env:", "@{a=", "’‘", "é-ü", "5kb", "1e", "-5", "..\\x"] {
            let _ = tokenize(src);
        }
    }
}
