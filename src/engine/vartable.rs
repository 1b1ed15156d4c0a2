//! Variable storage for one scope. Most scopes hold a handful of variables, so a linear scan
//! over interned symbols beats hashing; large scopes (a script's globals) get a hash index.

use rustc_hash::FxHashMap;

use crate::engine::interp::Variable;
use crate::lang::sym::Sym;

/// Beyond this many variables a scope also keeps a hash index.
const INDEX_THRESHOLD: usize = 24;

#[derive(Debug, Default)]
pub struct VarTable {
    entries: Vec<(Sym, Variable)>,
    index: Option<FxHashMap<Sym, usize>>,
}

impl VarTable {
    #[inline]
    fn position(&self, sym: &Sym) -> Option<usize> {
        match &self.index {
            Some(ix) => ix.get(sym).copied(),
            None => self.entries.iter().position(|(s, _)| s == sym),
        }
    }

    #[inline]
    pub fn get(&self, sym: &Sym) -> Option<&Variable> {
        self.position(sym).map(|i| &self.entries[i].1)
    }

    #[inline]
    pub fn get_mut(&mut self, sym: &Sym) -> Option<&mut Variable> {
        self.position(sym).map(move |i| &mut self.entries[i].1)
    }

    pub fn contains_key(&self, sym: &Sym) -> bool {
        self.position(sym).is_some()
    }

    pub fn insert(&mut self, sym: Sym, var: Variable) {
        match self.position(&sym) {
            Some(i) => self.entries[i].1 = var,
            None => {
                self.entries.push((sym, var));
                let n = self.entries.len();
                match &mut self.index {
                    Some(ix) => {
                        ix.insert(sym, n - 1);
                    }
                    None if n > INDEX_THRESHOLD => {
                        self.index = Some(self.entries.iter().enumerate().map(|(i, (s, _))| (*s, i)).collect());
                    }
                    None => {}
                }
            }
        }
    }

    pub fn remove(&mut self, sym: &Sym) -> Option<Variable> {
        let i = self.position(sym)?;
        let (_, v) = self.entries.swap_remove(i);
        if let Some(ix) = &mut self.index {
            ix.remove(sym);
            if i < self.entries.len() {
                let moved = self.entries[i].0;
                ix.insert(moved, i);
            }
        }
        Some(v)
    }

    /// Empty the table but keep its allocation (scopes are reused).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Sym, &Variable)> {
        self.entries.iter().map(|(s, v)| (s, v))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<'a> IntoIterator for &'a VarTable {
    type Item = (&'a Sym, &'a Variable);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (Sym, Variable)>, fn(&'a (Sym, Variable)) -> (&'a Sym, &'a Variable)>;
    fn into_iter(self) -> Self::IntoIter {
        fn pair(e: &(Sym, Variable)) -> (&Sym, &Variable) {
            (&e.0, &e.1)
        }
        self.entries.iter().map(pair)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::value::Value;

    #[test]
    fn small_and_indexed_tables_agree() {
        let mut t = VarTable::default();
        for i in 0..100u32 {
            t.insert(Sym(i), Variable::new(Value::Int(i as i32)));
        }
        t.insert(Sym(7), Variable::new(Value::Int(700)));
        assert!(matches!(t.get(&Sym(7)).map(|v| &v.value), Some(Value::Int(700))));
        assert!(t.remove(&Sym(3)).is_some());
        assert!(t.get(&Sym(3)).is_none());
        assert!(matches!(t.get(&Sym(99)).map(|v| &v.value), Some(Value::Int(99))));
        assert_eq!(t.len(), 99);
        t.clear();
        assert!(t.is_empty());
    }
}
