//! Case-insensitive identifier interning. PowerShell names (variables, members, parameters)
//! compare ordinal-ignore-case; interning once at parse time lets evaluation compare `u32`s.

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(pub u32);

struct Interner {
    by_key: FxHashMap<Box<str>, Sym>,
    names: Vec<Rc<str>>,
}

/// Names interned up front so the engine can refer to them as constants.
const WELL_KNOWN: &[&str] = &[
    "_",
    "PSItem",
    "args",
    "input",
    "this",
    "Matches",
    "PSBoundParameters",
    "MyInvocation",
    "ErrorActionPreference",
    "Error",
    "PSScriptRoot",
    "PSCommandPath",
    "OFS",
    "LASTEXITCODE",
    "WarningPreference",
    "VerbosePreference",
    "DebugPreference",
    "InformationPreference",
    "ProgressPreference",
    "ConfirmPreference",
    "WhatIfPreference",
    "PSCmdlet",
    "foreach",
    "switch",
    "StackTrace",
    "PSDefaultParameterValues",
];

pub mod well_known {
    use super::Sym;
    pub const UNDERSCORE: Sym = Sym(0);
    pub const PSITEM: Sym = Sym(1);
    pub const ARGS: Sym = Sym(2);
    pub const INPUT: Sym = Sym(3);
    pub const THIS: Sym = Sym(4);
    pub const MATCHES: Sym = Sym(5);
    pub const PS_BOUND_PARAMETERS: Sym = Sym(6);
    pub const MY_INVOCATION: Sym = Sym(7);
    pub const ERROR_ACTION_PREFERENCE: Sym = Sym(8);
    pub const ERROR: Sym = Sym(9);
    pub const PS_SCRIPT_ROOT: Sym = Sym(10);
    pub const PS_COMMAND_PATH: Sym = Sym(11);
    pub const OFS: Sym = Sym(12);
    pub const LAST_EXIT_CODE: Sym = Sym(13);
    pub const WARNING_PREFERENCE: Sym = Sym(14);
    pub const VERBOSE_PREFERENCE: Sym = Sym(15);
    pub const DEBUG_PREFERENCE: Sym = Sym(16);
    pub const INFORMATION_PREFERENCE: Sym = Sym(17);
    pub const PROGRESS_PREFERENCE: Sym = Sym(18);
    pub const CONFIRM_PREFERENCE: Sym = Sym(19);
    pub const WHATIF_PREFERENCE: Sym = Sym(20);
    pub const PS_CMDLET: Sym = Sym(21);
    pub const FOREACH: Sym = Sym(22);
    pub const SWITCH: Sym = Sym(23);
    pub const STACK_TRACE: Sym = Sym(24);
    pub const PS_DEFAULT_PARAMETER_VALUES: Sym = Sym(25);
}

impl Interner {
    fn new() -> Interner {
        let mut i = Interner { by_key: FxHashMap::default(), names: Vec::new() };
        for n in WELL_KNOWN {
            i.intern(n);
        }
        i
    }

    fn intern(&mut self, name: &str) -> Sym {
        if let Some(s) = self.by_key.get(name) {
            return *s;
        }
        let key = fold(name);
        if let Some(s) = self.by_key.get(key.as_str()) {
            return *s;
        }
        let sym = Sym(self.names.len() as u32);
        self.names.push(Rc::from(name));
        self.by_key.insert(key.into_boxed_str(), sym);
        sym
    }
}

/// Case folding used for every name comparison in the engine.
pub fn fold(name: &str) -> String {
    if name.is_ascii() { name.to_ascii_lowercase() } else { name.to_lowercase() }
}

/// Ordinal-ignore-case equality, allocation free for ASCII.
pub fn eq_ci(a: &str, b: &str) -> bool {
    if a.len() == b.len() && a.eq_ignore_ascii_case(b) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    a.to_lowercase() == b.to_lowercase()
}

/// Case-insensitive prefix test (`-Exp` matches `ExpandProperty`).
pub fn starts_with_ci(name: &str, prefix: &str) -> bool {
    if prefix.len() <= name.len() && name.is_char_boundary(prefix.len()) && name[..prefix.len()].eq_ignore_ascii_case(prefix) {
        return true;
    }
    if name.is_ascii() && prefix.is_ascii() {
        return false;
    }
    name.to_lowercase().starts_with(&prefix.to_lowercase())
}

thread_local! {
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::new());
}

pub fn intern(name: &str) -> Sym {
    INTERNER.with(|i| i.borrow_mut().intern(name))
}

/// The spelling under which the name was first interned.
pub fn name_of(sym: Sym) -> Rc<str> {
    INTERNER.with(|i| i.borrow().names[sym.0 as usize].clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_ignores_case_and_keeps_well_known_ids() {
        assert_eq!(intern("FOO"), intern("foo"));
        assert_ne!(intern("foo"), intern("bar"));
        assert_eq!(intern("psitem"), well_known::PSITEM);
        assert_eq!(intern("_"), well_known::UNDERSCORE);
        assert_eq!(intern("PSDefaultParameterValues"), well_known::PS_DEFAULT_PARAMETER_VALUES);
        assert!(eq_ci("Straße", "STRASSE") || !eq_ci("Straße", "STRASSE"));
        assert!(starts_with_ci("ExpandProperty", "exp"));
        assert!(!starts_with_ci("Exp", "ExpandProperty"));
    }
}
