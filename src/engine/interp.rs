//! The session: scopes, variables, functions, preferences, streams. Evaluation lives in
//! `eval.rs`, command invocation in `pipeline.rs`.
//!
//! Scopes form a tree stored in an arena. PowerShell is dynamically scoped: a function's scope
//! is a child of its caller's scope, and a pipeline's commands each get a scope whose parent is
//! the pipeline's scope, so "current scope" is an index that is switched, not a stack that only
//! grows.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::engine::error::{ErrorRecord, Flow, R};
use crate::engine::host::Host;
use crate::engine::types::TypeRef;
use crate::engine::value::{Hashtable, ListValue, Value};
use crate::lang::ast::ScriptBlock;
use crate::lang::source::SourceFile;
use crate::lang::sym::{Sym, intern, well_known as wk};

#[derive(Debug, Clone)]
pub struct Variable {
    pub value: Value,
    pub constraint: Option<Rc<TypeRef>>,
    pub read_only: bool,
    pub constant: bool,
    /// `$private:x`: visible only in the scope that defined it (not in child scopes).
    pub private: bool,
}

impl Variable {
    pub fn new(value: Value) -> Variable {
        Variable { value, constraint: None, read_only: false, constant: false, private: false }
    }
}

#[derive(Debug)]
pub struct FunctionInfo {
    pub name: Rc<str>,
    pub body: Rc<ScriptBlock>,
    pub is_filter: bool,
}

#[derive(Debug, Default)]
pub struct Scope {
    pub parent: Option<usize>,
    pub vars: crate::engine::vartable::VarTable,
    pub funcs: FxHashMap<Sym, Rc<FunctionInfo>>,
    pub aliases: FxHashMap<Sym, Rc<str>>,
    /// `Set-StrictMode -Version n` in effect from this scope down (0 = off).
    pub strict: Option<u8>,
    /// Traps declared in the statement list currently running in this scope.
    pub is_script: bool,
    in_use: bool,
}

/// Where a stream goes while a redirection is active (`2>$null`, `2>&1`, `*>file`).
#[derive(Debug, Clone)]
pub enum StreamTarget {
    Discard,
    /// Merged into the success stream; records wait here until the owning pipeline drains them.
    Merge(Rc<RefCell<Vec<Value>>>),
    File(std::path::PathBuf, bool),
}

#[derive(Debug, Clone, Default)]
pub struct Redirects {
    /// Indexed by stream number 2..=6.
    pub streams: [Option<StreamTarget>; 7],
}

/// One command activation, for `$MyInvocation`, error positions and the script stack trace.
#[derive(Debug, Clone)]
pub struct Frame {
    pub command: Rc<str>,
    pub file: Option<Rc<SourceFile>>,
    pub span: crate::lang::ast::Span,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// `run`/`-File`/`-Command`: never prompt; Read-Host without stdin input errors.
    pub non_interactive: bool,
    pub seed: u64,
    /// Console width used by the formatter.
    pub width: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { non_interactive: true, seed: 0, width: 120 }
    }
}

/// ActionPreference values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionPref {
    SilentlyContinue,
    Stop,
    Continue,
    Inquire,
    Ignore,
    Suspend,
    Break,
}

impl ActionPref {
    pub fn parse(s: &str) -> Option<ActionPref> {
        use crate::lang::sym::eq_ci;
        let all = [
            ("SilentlyContinue", ActionPref::SilentlyContinue),
            ("Stop", ActionPref::Stop),
            ("Continue", ActionPref::Continue),
            ("Inquire", ActionPref::Inquire),
            ("Ignore", ActionPref::Ignore),
            ("Suspend", ActionPref::Suspend),
            ("Break", ActionPref::Break),
        ];
        if let Ok(n) = s.trim().parse::<i32>() {
            return all.get(n as usize).map(|x| x.1);
        }
        all.iter().find(|(n, _)| eq_ci(n, s.trim())).map(|x| x.1)
    }
    pub fn name(self) -> &'static str {
        match self {
            ActionPref::SilentlyContinue => "SilentlyContinue",
            ActionPref::Stop => "Stop",
            ActionPref::Continue => "Continue",
            ActionPref::Inquire => "Inquire",
            ActionPref::Ignore => "Ignore",
            ActionPref::Suspend => "Suspend",
            ActionPref::Break => "Break",
        }
    }
}

pub struct Interp {
    scopes: Vec<Scope>,
    free_scopes: Vec<usize>,
    pub cur: usize,
    pub script_scope: usize,
    pub host: Host,
    /// `$?`
    pub last_ok: bool,
    /// Active `try` blocks in the dynamic call chain: errors propagate to them.
    pub try_depth: u32,
    pub call_depth: u32,
    /// Bumped whenever functions or aliases change, invalidating call-site caches.
    pub generation: u64,
    pub error_list: Rc<ListValue>,
    pub options: Options,
    pub redirects: Redirects,
    pub frames: Vec<Frame>,
    /// Files being executed, innermost last (for `$PSScriptRoot` and error positions).
    pub files: Vec<Rc<SourceFile>>,
    /// In-process environment overrides (`$env:X = …` never touches the real process).
    pub env: HashMap<String, Option<String>>,
    pub rng_state: u64,
    /// The simulated tenants, clock and connections (created on first use).
    pub world: Option<Box<crate::sim::World>>,
    pub session: crate::cmdlets::Session,
    /// Depth of nested statement executions (guards runaway recursion in hostile input).
    pub eval_depth: u32,
    pub exit_code: Option<i32>,
    pub loaded_modules: Vec<String>,
    /// Lists of the running commands' `-ErrorVariable`s (innermost last).
    pub error_vars: Vec<Rc<ListValue>>,
    /// Errors whose `catch` block is running, with the call depth of the block: a bare `throw`
    /// directly inside the block rethrows it.
    pub handling: Vec<(Rc<ErrorRecord>, u32)>,
}

/// Deepest function/script-block call nesting before pwsh's "call depth overflow" error.
pub const MAX_CALL_DEPTH: u32 = 1000;

impl Interp {
    pub fn new(host: Host, options: Options) -> Interp {
        let global = Scope { in_use: true, is_script: true, ..Scope::default() };
        let error_list = Rc::new(ListValue { items: RefCell::new(Vec::new()), element_type: None });
        let seed = options.seed;
        let mut it = Interp {
            scopes: vec![global],
            free_scopes: Vec::new(),
            cur: 0,
            script_scope: 0,
            host,
            last_ok: true,
            try_depth: 0,
            call_depth: 0,
            generation: 1,
            error_list: error_list.clone(),
            options,
            redirects: Redirects::default(),
            frames: Vec::new(),
            files: Vec::new(),
            env: HashMap::new(),
            rng_state: seed ^ 0x9E37_79B9_7F4A_7C15,
            world: None,
            session: crate::cmdlets::Session::default(),
            eval_depth: 0,
            exit_code: None,
            loaded_modules: Vec::new(),
            error_vars: Vec::new(),
            handling: Vec::new(),
        };
        let g = &mut it.scopes[0].vars;
        g.insert(wk::ERROR, Variable { value: Value::List(error_list), constraint: None, read_only: false, constant: true, private: false });
        g.insert(wk::ERROR_ACTION_PREFERENCE, Variable::new(Value::str("Continue")));
        g.insert(wk::WARNING_PREFERENCE, Variable::new(Value::str("Continue")));
        g.insert(wk::VERBOSE_PREFERENCE, Variable::new(Value::str("SilentlyContinue")));
        g.insert(wk::DEBUG_PREFERENCE, Variable::new(Value::str("SilentlyContinue")));
        g.insert(wk::INFORMATION_PREFERENCE, Variable::new(Value::str("SilentlyContinue")));
        g.insert(wk::PROGRESS_PREFERENCE, Variable::new(Value::str("Continue")));
        g.insert(wk::CONFIRM_PREFERENCE, Variable::new(Value::str("High")));
        g.insert(wk::WHATIF_PREFERENCE, Variable::new(Value::Bool(false)));
        g.insert(wk::OFS, Variable::new(Value::str(" ")));
        g.insert(wk::PS_DEFAULT_PARAMETER_VALUES, Variable::new(Value::Hashtable(Rc::new(RefCell::new(Hashtable::new())))));
        it
    }

    // ───────────────────────────── scopes ─────────────────────────────

    /// Create a child scope of `parent` (not yet current).
    pub fn new_scope(&mut self, parent: usize) -> usize {
        match self.free_scopes.pop() {
            Some(i) => {
                // Freed scopes were cleared but keep their allocations for reuse.
                let s = &mut self.scopes[i];
                s.parent = Some(parent);
                s.in_use = true;
                i
            }
            None => {
                self.scopes.push(Scope { parent: Some(parent), in_use: true, ..Scope::default() });
                self.scopes.len() - 1
            }
        }
    }

    pub fn free_scope(&mut self, idx: usize) {
        if idx == 0 {
            return;
        }
        let s = &mut self.scopes[idx];
        let had_functions = !s.funcs.is_empty() || !s.aliases.is_empty();
        s.in_use = false;
        s.vars.clear();
        if had_functions {
            s.funcs.clear();
            s.aliases.clear();
        }
        s.strict = None;
        s.is_script = false;
        self.free_scopes.push(idx);
        if had_functions {
            self.generation += 1;
        }
    }

    pub fn scope(&self, idx: usize) -> &Scope {
        &self.scopes[idx]
    }
    pub fn scope_mut(&mut self, idx: usize) -> &mut Scope {
        &mut self.scopes[idx]
    }

    pub fn parent_of(&self, idx: usize) -> Option<usize> {
        self.scopes[idx].parent
    }

    /// Index of the scope `n` levels up from the current one (`-Scope 1`).
    pub fn scope_up(&self, n: usize) -> Option<usize> {
        let mut s = self.cur;
        for _ in 0..n {
            s = self.scopes[s].parent?;
        }
        Some(s)
    }

    // ───────────────────────────── variables ─────────────────────────────

    #[inline]
    pub fn find_var(&self, sym: Sym) -> Option<&Variable> {
        let mut s = self.cur;
        loop {
            let scope = &self.scopes[s];
            if let Some(v) = scope.vars.get(&sym) {
                if !v.private || s == self.cur {
                    return Some(v);
                }
            }
            s = scope.parent?;
        }
    }

    pub fn find_var_scope(&self, sym: Sym) -> Option<usize> {
        let mut s = self.cur;
        loop {
            let scope = &self.scopes[s];
            if let Some(v) = scope.vars.get(&sym) {
                if !v.private || s == self.cur {
                    return Some(s);
                }
            }
            s = scope.parent?;
        }
    }

    /// `$private:x = …`: define (or update) in the current scope, hidden from child scopes.
    pub fn set_private_var(&mut self, sym: Sym, value: Value) -> R {
        let cur = self.cur;
        self.set_var_in(cur, sym, value)?;
        if let Some(v) = self.scopes[cur].vars.get_mut(&sym) {
            v.private = true;
        }
        Ok(())
    }

    pub fn get_var(&self, sym: Sym) -> Option<Value> {
        if sym == wk::PSITEM {
            return self.find_var(wk::UNDERSCORE).map(|v| v.value.clone());
        }
        self.find_var(sym).map(|v| v.value.clone())
    }

    pub fn get_var_str(&self, name: &str) -> Option<Value> {
        self.get_var(intern(name))
    }

    /// Assign in a given scope, honouring type constraints and read-only flags.
    pub fn set_var_in(&mut self, scope: usize, sym: Sym, value: Value) -> R {
        if let Some(var) = self.scopes[scope].vars.get_mut(&sym) {
            if var.constant || var.read_only {
                let name = crate::lang::sym::name_of(sym);
                return Err(crate::engine::error::statement_error(
                    ErrorRecord::new(
                        "System.Management.Automation.SessionStateUnauthorizedAccessException",
                        format!("Cannot overwrite variable {name} because it is read-only or constant."),
                        "VariableNotWritable",
                        "WriteError",
                    )
                    .with_target(Value::Str(name)),
                ));
            }
            let value = match &var.constraint {
                Some(t) => match crate::engine::convert::convert_to(&value, t) {
                    Ok(v) => v,
                    Err(e) => {
                        return Err(crate::engine::error::statement_error(ErrorRecord::new(
                            "System.Management.Automation.ArgumentTransformationMetadataException",
                            e.message(),
                            "RuntimeException",
                            "MetadataError",
                        )));
                    }
                },
                None => value,
            };
            var.value = value;
            return Ok(());
        }
        self.scopes[scope].vars.insert(sym, Variable::new(value));
        Ok(())
    }

    /// `$x = v`: the current scope.
    pub fn set_var(&mut self, sym: Sym, value: Value) -> R {
        self.set_var_in(self.cur, sym, value)
    }

    pub fn set_var_str(&mut self, name: &str, value: Value) {
        let _ = self.set_var(intern(name), value);
    }

    /// Define (or redefine) with a type constraint: `[int]$x = 5`, typed parameters.
    pub fn define_var(&mut self, scope: usize, sym: Sym, value: Value, constraint: Option<Rc<TypeRef>>) {
        self.scopes[scope].vars.insert(sym, Variable { value, constraint, read_only: false, constant: false, private: false });
    }

    pub fn remove_var(&mut self, scope: usize, sym: Sym) -> bool {
        self.scopes[scope].vars.remove(&sym).is_some()
    }

    // ───────────────────────────── functions and aliases ─────────────────────────────

    pub fn find_function(&self, sym: Sym) -> Option<Rc<FunctionInfo>> {
        let mut s = self.cur;
        loop {
            let scope = &self.scopes[s];
            if let Some(f) = scope.funcs.get(&sym) {
                return Some(f.clone());
            }
            s = scope.parent?;
        }
    }

    pub fn define_function(&mut self, scope: usize, f: FunctionInfo) {
        let sym = intern(&f.name);
        self.scopes[scope].funcs.insert(sym, Rc::new(f));
        self.generation += 1;
    }

    pub fn find_alias(&self, sym: Sym) -> Option<Rc<str>> {
        let mut s = self.cur;
        loop {
            let scope = &self.scopes[s];
            if let Some(a) = scope.aliases.get(&sym) {
                return Some(a.clone());
            }
            s = scope.parent?;
        }
    }

    /// All functions visible from the current scope (Get-Command, completion).
    pub fn visible_functions(&self) -> Vec<Rc<FunctionInfo>> {
        let mut out: Vec<Rc<FunctionInfo>> = Vec::new();
        let mut s = Some(self.cur);
        while let Some(i) = s {
            for f in self.scopes[i].funcs.values() {
                if !out.iter().any(|o| crate::lang::sym::eq_ci(&o.name, &f.name)) {
                    out.push(f.clone());
                }
            }
            s = self.scopes[i].parent;
        }
        out
    }

    pub fn visible_variables(&self) -> Vec<(Sym, Value)> {
        let mut out: Vec<(Sym, Value)> = Vec::new();
        let mut s = Some(self.cur);
        while let Some(i) = s {
            for (k, v) in self.scopes[i].vars.iter() {
                if !out.iter().any(|(o, _)| o == k) {
                    out.push((*k, v.value.clone()));
                }
            }
            s = self.scopes[i].parent;
        }
        out
    }

    // ───────────────────────────── preferences ─────────────────────────────

    pub fn pref(&self, sym: Sym, default: ActionPref) -> ActionPref {
        match self.find_var(sym).map(|v| &v.value) {
            Some(Value::Str(s)) => ActionPref::parse(s).unwrap_or(default),
            Some(Value::Int(i)) => ActionPref::parse(&i.to_string()).unwrap_or(default),
            Some(other) => ActionPref::parse(&crate::engine::convert::to_display_string(other)).unwrap_or(default),
            None => default,
        }
    }

    pub fn error_action(&self) -> ActionPref {
        self.pref(wk::ERROR_ACTION_PREFERENCE, ActionPref::Continue)
    }

    pub fn strict_mode(&self) -> u8 {
        let mut s = Some(self.cur);
        while let Some(i) = s {
            if let Some(v) = self.scopes[i].strict {
                return v;
            }
            s = self.scopes[i].parent;
        }
        0
    }

    pub fn ofs(&self) -> String {
        match self.find_var(wk::OFS) {
            Some(v) => crate::engine::convert::to_display_string(&v.value),
            None => " ".into(),
        }
    }

    /// Deterministic pseudo-random numbers (Get-Random, New-Guid) from `--seed`.
    pub fn next_random(&mut self) -> u64 {
        // splitmix64
        self.rng_state = self.rng_state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng_state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn new_guid(&mut self) -> [u8; 16] {
        let a = self.next_random().to_be_bytes();
        let b = self.next_random().to_be_bytes();
        let mut g = [0u8; 16];
        g[..8].copy_from_slice(&a);
        g[8..].copy_from_slice(&b);
        g[6] = (g[6] & 0x0f) | 0x40;
        g[8] = (g[8] & 0x3f) | 0x80;
        g
    }

    pub fn env_get(&self, name: &str) -> Option<String> {
        let key = name.to_ascii_uppercase();
        match self.env.get(&key) {
            Some(v) => v.clone(),
            None => std::env::var(name).ok().or_else(|| std::env::var(&key).ok()),
        }
    }

    pub fn env_set(&mut self, name: &str, value: Option<String>) {
        self.env.insert(name.to_ascii_uppercase(), value);
    }

    /// The file whose code is running (innermost script), for `$PSScriptRoot`.
    pub fn current_file(&self) -> Option<&Rc<SourceFile>> {
        self.files.last()
    }

    pub fn check_call_depth(&self) -> R {
        if self.call_depth >= MAX_CALL_DEPTH {
            return Err(Flow::Error(
                Rc::new(ErrorRecord::new(
                    "System.Management.Automation.ScriptCallDepthException",
                    "The script failed due to call depth overflow.",
                    "CallDepthOverflow",
                    "InvalidOperation",
                )),
                crate::engine::error::Termination::Script,
            ));
        }
        Ok(())
    }
}
