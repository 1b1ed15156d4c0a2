//! PowerShell values. `Value` is 24 bytes and cheap to clone: everything on the heap sits behind
//! an `Rc`. Reference types (arrays, lists, hashtables, objects) share their storage on clone,
//! exactly like .NET references, so `$b = $a; $b[0] = 1` is visible through `$a`.

use std::any::Any;
use std::cell::RefCell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;

use crate::engine::datetime::DateTime;
use crate::engine::types::TypeRef;
use crate::lang::ast::ScriptBlock;

#[derive(Clone, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Int(i32),
    Long(i64),
    Double(f64),
    /// System.Decimal, held as a double (documented deviation: 15–17 significant digits).
    Decimal(f64),
    Byte(u8),
    Char(char),
    Str(Rc<str>),
    /// `object[]`: fixed size, elements writable in place.
    Array(Rc<RefCell<Vec<Value>>>),
    /// ArrayList / List[T]: growable.
    List(Rc<ListValue>),
    Hashtable(Rc<RefCell<Hashtable>>),
    Object(Rc<RefCell<PsObject>>),
    ScriptBlock(Rc<ScriptBlock>),
    DateTime(DateTime),
    /// System.TimeSpan in 100 ns ticks.
    TimeSpan(i64),
    Guid(Rc<[u8; 16]>),
    SecureString(Rc<str>),
    Type(Rc<TypeRef>),
    /// A [switch] parameter value (SwitchParameter): truthy, has `.IsPresent`.
    Switch(bool),
    /// byte[] as returned by [System.IO.File]::ReadAllBytes.
    Bytes(Rc<Vec<u8>>),
    /// Everything else the .NET surface exposes (Regex, Match, StringBuilder, ErrorRecord, …).
    Net(Rc<dyn NetObject>),
}

// Rc<str> and Rc<dyn …> are fat pointers, so a Value is three words.
const _: () = assert!(std::mem::size_of::<Value>() == 24);

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn array(items: Vec<Value>) -> Value {
        Value::Array(Rc::new(RefCell::new(items)))
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
    /// True for values pwsh enumerates in a pipeline (arrays, lists, hashtables are NOT).
    pub fn is_enumerable(&self) -> bool {
        matches!(self, Value::Array(_) | Value::List(_) | Value::Bytes(_)) || matches!(self, Value::Net(n) if n.enumerate().is_some())
    }
    /// Elements of an enumerable value, or None for scalars.
    pub fn enumerate(&self) -> Option<Vec<Value>> {
        match self {
            Value::Array(a) => Some(a.borrow().clone()),
            Value::List(l) => Some(l.items.borrow().clone()),
            Value::Bytes(b) => Some(b.iter().map(|x| Value::Byte(*x)).collect()),
            Value::Net(n) => n.enumerate(),
            _ => None,
        }
    }
    /// Identity comparison for reference types (used for `-contains` on objects and hash keys).
    pub fn ptr_eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Array(a), Value::Array(b)) => Rc::ptr_eq(a, b),
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Hashtable(a), Value::Hashtable(b)) => Rc::ptr_eq(a, b),
            (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b),
            (Value::ScriptBlock(a), Value::ScriptBlock(b)) => Rc::ptr_eq(a, b),
            (Value::Net(a), Value::Net(b)) => std::ptr::eq(Rc::as_ptr(a) as *const u8, Rc::as_ptr(b) as *const u8),
            _ => false,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<i32> for Value {
    fn from(i: i32) -> Value {
        Value::Int(i)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Long(i)
    }
}
impl From<f64> for Value {
    fn from(d: f64) -> Value {
        Value::Double(d)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::string(s)
    }
}
impl From<Rc<str>> for Value {
    fn from(s: Rc<str>) -> Value {
        Value::Str(s)
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => write!(f, "$null"),
            Value::Bool(b) => write!(f, "${b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Long(i) => write!(f, "{i}L"),
            Value::Double(d) => write!(f, "{d:?}"),
            Value::Decimal(d) => write!(f, "{d:?}d"),
            Value::Byte(b) => write!(f, "[byte]{b}"),
            Value::Char(c) => write!(f, "[char]{c:?}"),
            Value::Str(s) => write!(f, "{s:?}"),
            Value::Array(a) => f.debug_list().entries(a.borrow().iter()).finish(),
            Value::List(l) => f.debug_list().entries(l.items.borrow().iter()).finish(),
            Value::Hashtable(h) => {
                let h = h.borrow();
                let mut m = f.debug_map();
                for (k, v) in h.iter() {
                    m.entry(&k, v);
                }
                m.finish()
            }
            Value::Object(o) => {
                let o = o.borrow();
                let mut m = f.debug_map();
                for p in o.props.values() {
                    m.entry(&p.name, &p.value);
                }
                m.finish()
            }
            Value::ScriptBlock(sb) => write!(f, "{{{}}}", sb.body_text()),
            Value::DateTime(d) => write!(f, "{d:?}"),
            Value::TimeSpan(t) => write!(f, "TimeSpan({t})"),
            Value::Guid(g) => write!(f, "{}", format_guid(g)),
            Value::SecureString(_) => write!(f, "System.Security.SecureString"),
            Value::Type(t) => write!(f, "[{}]", t.full_name()),
            Value::Switch(b) => write!(f, "[switch]{b}"),
            Value::Bytes(b) => write!(f, "byte[{}]", b.len()),
            Value::Net(n) => write!(f, "{}", n.type_name()),
        }
    }
}

pub fn format_guid(g: &[u8; 16]) -> String {
    let h: String = g.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

pub fn parse_guid(s: &str) -> Option<[u8; 16]> {
    // Byte by byte, without allocating: output objects carry several GUIDs each and are built
    // by the thousand.
    let t = s.trim().trim_start_matches(['{', '(']).trim_end_matches(['}', ')']).as_bytes();
    if t.contains(&b'-') {
        // Dashed form: groups of 8-4-4-4-12 hex digits.
        let mut lens = [0usize; 5];
        let mut k = 0;
        for &c in t {
            if c == b'-' {
                k += 1;
                if k > 4 {
                    return None;
                }
            } else {
                lens[k] += 1;
            }
        }
        if lens != [8, 4, 4, 4, 12] {
            return None;
        }
    }
    let mut out = [0u8; 16];
    let mut n = 0;
    for &c in t.iter().filter(|c| **c != b'-') {
        let d = (c as char).to_digit(16)? as u8;
        if n == 32 {
            return None;
        }
        out[n / 2] = (out[n / 2] << 4) | d;
        n += 1;
    }
    if n != 32 {
        return None;
    }
    Some(out)
}

// ───────────────────────────── lists ─────────────────────────────

#[derive(Debug)]
pub struct ListValue {
    pub items: RefCell<Vec<Value>>,
    /// `None` for ArrayList, `Some(T)` for List[T].
    pub element_type: Option<Rc<TypeRef>>,
}

// ───────────────────────────── hashtables ─────────────────────────────

/// Eight ASCII bytes with `A`–`Z` lower-cased (every byte < 0x80).
fn ascii_lower_word(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // 0x80 in each byte that is >= 'A', and in each byte that is > 'Z'.
    let ge_a = w.wrapping_add(ONES * (0x80 - b'A' as u64));
    let gt_z = w.wrapping_add(ONES * (0x80 - b'Z' as u64 - 1));
    let upper = ge_a & !gt_z & (ONES * 0x80);
    w | (upper >> 2)
}

/// A string compared ordinal-ignore-case (hashtable keys, property names).
#[derive(Clone, Debug)]
pub struct CiStr(pub Rc<str>);

impl PartialEq for CiStr {
    fn eq(&self, other: &CiStr) -> bool {
        crate::lang::sym::eq_ci(&self.0, &other.0)
    }
}
impl Eq for CiStr {}
impl Hash for CiStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_ci(&self.0, state)
    }
}

fn hash_ci<H: Hasher>(s: &str, state: &mut H) {
    if s.is_ascii() {
        // Fold the lower-cased bytes into one word here; the hasher then sees a single write
        // instead of one call per byte (hashtable keys are hashed on every `$h.Key`, property
        // names on every member access). Eight bytes at a time, lower-cased without branches.
        let b = s.as_bytes();
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ b.len() as u64;
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h ^ ascii_lower_word(w)).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(23);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            h = (h ^ ascii_lower_word(u64::from_le_bytes(buf))).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(23);
        }
        state.write_u64(h);
        return;
    } else {
        for c in s.chars().flat_map(|c| c.to_lowercase()) {
            state.write_u32(c as u32);
        }
    }
    state.write_u8(0xff);
}

/// Borrowed lookup key for `CiStr` maps without allocating.
#[derive(Hash)]
pub struct CiRef<'a>(#[allow(dead_code)] HashAsCi<'a>);
pub struct HashAsCi<'a>(pub &'a str);
impl Hash for HashAsCi<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_ci(self.0, state)
    }
}
impl<'a> CiRef<'a> {
    pub fn new(s: &'a str) -> CiRef<'a> {
        CiRef(HashAsCi(s))
    }
}
impl indexmap::Equivalent<CiStr> for CiRef<'_> {
    fn equivalent(&self, key: &CiStr) -> bool {
        crate::lang::sym::eq_ci((self.0).0, &key.0)
    }
}

/// Hashtable key with .NET's equality: strings ignore case (PowerShell creates hashtables with
/// OrdinalIgnoreCase), numbers compare by value within their own type, objects by identity.
#[derive(Clone, Debug)]
pub enum HashKey {
    Str(CiStr),
    Int(i64),
    Double(u64),
    Bool(bool),
    Char(char),
    Guid([u8; 16]),
    Ref(Value),
}

impl PartialEq for HashKey {
    fn eq(&self, other: &HashKey) -> bool {
        match (self, other) {
            (HashKey::Str(a), HashKey::Str(b)) => a == b,
            (HashKey::Int(a), HashKey::Int(b)) => a == b,
            (HashKey::Double(a), HashKey::Double(b)) => a == b,
            (HashKey::Bool(a), HashKey::Bool(b)) => a == b,
            (HashKey::Char(a), HashKey::Char(b)) => a == b,
            (HashKey::Guid(a), HashKey::Guid(b)) => a == b,
            (HashKey::Ref(a), HashKey::Ref(b)) => a.ptr_eq(b),
            _ => false,
        }
    }
}
impl Eq for HashKey {}
impl Hash for HashKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            HashKey::Str(s) => s.hash(state),
            HashKey::Int(i) => i.hash(state),
            HashKey::Double(d) => d.hash(state),
            HashKey::Bool(b) => b.hash(state),
            HashKey::Char(c) => c.hash(state),
            HashKey::Guid(g) => g.hash(state),
            HashKey::Ref(v) => {
                let p: *const u8 = match v {
                    Value::Array(a) => Rc::as_ptr(a) as *const u8,
                    Value::List(a) => Rc::as_ptr(a) as *const u8,
                    Value::Hashtable(a) => Rc::as_ptr(a) as *const u8,
                    Value::Object(a) => Rc::as_ptr(a) as *const u8,
                    Value::ScriptBlock(a) => Rc::as_ptr(a) as *const u8,
                    Value::Net(a) => Rc::as_ptr(a) as *const u8,
                    _ => std::ptr::null(),
                };
                (p as usize).hash(state)
            }
        }
    }
}

impl indexmap::Equivalent<HashKey> for CiRef<'_> {
    fn equivalent(&self, key: &HashKey) -> bool {
        matches!(key, HashKey::Str(s) if crate::lang::sym::eq_ci((self.0).0, &s.0))
    }
}

impl HashKey {
    pub fn from_value(v: &Value) -> HashKey {
        match v {
            Value::Str(s) => HashKey::Str(CiStr(s.clone())),
            Value::Int(i) => HashKey::Int(*i as i64),
            Value::Long(i) => HashKey::Int(*i),
            Value::Byte(i) => HashKey::Int(*i as i64),
            Value::Double(d) | Value::Decimal(d) => {
                if d.fract() == 0.0 && d.abs() < 9.0e15 {
                    HashKey::Int(*d as i64)
                } else {
                    HashKey::Double(d.to_bits())
                }
            }
            Value::Bool(b) | Value::Switch(b) => HashKey::Bool(*b),
            Value::Char(c) => HashKey::Char(*c),
            Value::Guid(g) => HashKey::Guid(**g),
            Value::Null => HashKey::Str(CiStr(Rc::from(""))),
            Value::Net(n) if n.as_any().is::<crate::engine::enums::EnumValue>() => {
                HashKey::Str(CiStr(Rc::from(format!("{}::{}", n.type_name(), n.to_display_string()).as_str())))
            }
            other => HashKey::Ref(other.clone()),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Hashtable {
    /// Each entry keeps the key as originally given (with its case and type).
    pub map: IndexMap<HashKey, (Value, Value), FxBuildHasher>,
    /// `[ordered]` (System.Collections.Specialized.OrderedDictionary).
    pub ordered: bool,
}

impl Hashtable {
    pub fn new() -> Hashtable {
        Hashtable::default()
    }
    pub fn with_capacity(n: usize) -> Hashtable {
        Hashtable { map: IndexMap::with_capacity_and_hasher(n, FxBuildHasher), ordered: false }
    }
    pub fn insert(&mut self, key: Value, value: Value) {
        let hk = HashKey::from_value(&key);
        match self.map.entry(hk) {
            indexmap::map::Entry::Occupied(mut e) => e.get_mut().1 = value,
            indexmap::map::Entry::Vacant(e) => {
                e.insert((key, value));
            }
        }
    }

    /// Insert only if the key is new; false when it already exists (hash literals reject
    /// duplicate keys).
    pub fn insert_new(&mut self, key: Value, value: Value) -> bool {
        let hk = HashKey::from_value(&key);
        match self.map.entry(hk) {
            indexmap::map::Entry::Occupied(_) => false,
            indexmap::map::Entry::Vacant(e) => {
                e.insert((key, value));
                true
            }
        }
    }
    pub fn get(&self, key: &Value) -> Option<&Value> {
        match key {
            Value::Str(s) => self.map.get(&CiRef::new(s)).map(|e| &e.1),
            other => self.map.get(&HashKey::from_value(other)).map(|e| &e.1),
        }
    }
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        self.map.get(&CiRef::new(key)).map(|e| &e.1)
    }
    pub fn contains_key(&self, key: &Value) -> bool {
        self.get(key).is_some()
    }
    pub fn remove(&mut self, key: &Value) -> Option<Value> {
        let hk = HashKey::from_value(key);
        self.map.shift_remove(&hk).map(|e| e.1)
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.map.values().map(|(k, v)| (k, v))
    }
    pub fn keys(&self) -> Vec<Value> {
        self.map.values().map(|(k, _)| k.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.map.values().map(|(_, v)| v.clone()).collect()
    }
}

// ───────────────────────────── PSObject ─────────────────────────────

#[derive(Clone, Debug)]
pub enum PropKind {
    Note,
    /// ScriptProperty: the getter runs with `$this` bound to the object.
    Script(Rc<ScriptBlock>),
    /// AliasProperty: reads another property.
    Alias(Rc<str>),
}

#[derive(Clone, Debug)]
pub struct Prop {
    pub name: Rc<str>,
    pub value: Value,
    pub kind: PropKind,
}

/// A PSCustomObject or a cmdlet's output object: ordered, case-insensitive properties plus the
/// .NET type names that formatting, `-is` and `Get-Member` see.
#[derive(Clone, Debug)]
pub struct PsObject {
    /// Most derived first, e.g. ["Microsoft.Online.SharePoint.PowerShell.SPOSite", "System.Object"].
    pub type_names: Rc<[Rc<str>]>,
    pub props: IndexMap<CiStr, Prop, FxBuildHasher>,
    pub methods: IndexMap<CiStr, Rc<ScriptBlock>, FxBuildHasher>,
    /// Properties shown by default (the type's DefaultDisplayPropertySet / format view).
    pub display: Option<Rc<[Rc<str>]>>,
    /// What `"$obj"` / `.ToString()` returns, when it is not pwsh's `@{a=1; b=2}` form.
    pub to_string: Option<Rc<str>>,
    /// For `Add-Member` on a non-custom object: the wrapped value.
    pub base: Option<Value>,
}

pub const PSCUSTOMOBJECT: &str = "System.Management.Automation.PSCustomObject";

thread_local! {
    static CUSTOM_OBJECT_TYPES: Rc<[Rc<str>]> = Rc::from(vec![Rc::from(PSCUSTOMOBJECT), Rc::from("System.Object")]);
}

impl Default for PsObject {
    fn default() -> Self {
        PsObject::new()
    }
}

impl PsObject {
    pub fn new() -> PsObject {
        PsObject {
            type_names: CUSTOM_OBJECT_TYPES.with(|t| t.clone()),
            props: IndexMap::with_hasher(FxBuildHasher),
            methods: IndexMap::with_hasher(FxBuildHasher),
            display: None,
            to_string: None,
            base: None,
        }
    }
    /// An object of a named .NET type (cmdlet output).
    pub fn typed(type_name: &str) -> PsObject {
        let mut o = PsObject::new();
        o.type_names = Rc::from(vec![Rc::from(type_name), Rc::from("System.Object")]);
        o
    }
    pub fn with_props<I: IntoIterator<Item = (&'static str, Value)>>(type_name: Option<&str>, props: I) -> PsObject {
        let mut o = match type_name {
            Some(t) => PsObject::typed(t),
            None => PsObject::new(),
        };
        for (k, v) in props {
            o.set(k, v);
        }
        o
    }
    /// A PSCustomObject (also with type names added in front: `Selected.*`, `CSV:*`, Add-Member -TypeName).
    pub fn is_custom(&self) -> bool {
        self.type_names.iter().any(|t| &**t == PSCUSTOMOBJECT)
    }
    pub fn set(&mut self, name: &str, value: Value) {
        match self.props.get_mut(&CiRef::new(name)) {
            Some(p) => p.value = value,
            None => {
                let n: Rc<str> = Rc::from(name);
                self.props.insert(CiStr(n.clone()), Prop { name: n, value, kind: PropKind::Note });
            }
        }
    }
    pub fn set_rc(&mut self, name: Rc<str>, value: Value) {
        // One hash per property (cmdlets build objects of 40+ properties by the thousand).
        match self.props.entry(CiStr(name.clone())) {
            indexmap::map::Entry::Occupied(e) => e.into_mut().value = value,
            indexmap::map::Entry::Vacant(e) => {
                e.insert(Prop { name, value, kind: PropKind::Note });
            }
        }
    }
    pub fn get(&self, name: &str) -> Option<&Prop> {
        self.props.get(&CiRef::new(name))
    }
    pub fn get_value(&self, name: &str) -> Option<Value> {
        self.get(name).map(|p| p.value.clone())
    }
    pub fn into_value(self) -> Value {
        Value::Object(Rc::new(RefCell::new(self)))
    }
}

// ───────────────────────────── .NET objects ─────────────────────────────

/// A .NET object exposed to scripts through its members. Implementations live in engine::dotnet.
pub trait NetObject: fmt::Debug {
    /// Full .NET type name, e.g. "System.Text.RegularExpressions.Match".
    fn type_name(&self) -> &str;
    /// Base types and interfaces, most derived first, for `-is` and typed `catch`.
    fn type_hierarchy(&self) -> Vec<&str> {
        vec![self.type_name(), "System.Object"]
    }
    fn get_property(&self, name: &str) -> Option<Value>;
    fn set_property(&self, _name: &str, _value: Value) -> Result<bool, String> {
        Ok(false)
    }
    /// Property names in display order (Format-List / Get-Member).
    fn property_names(&self) -> Vec<Rc<str>> {
        Vec::new()
    }
    /// Call a method; `None` when the object has no such method.
    fn call_method(&self, _name: &str, _args: &[Value]) -> Option<Result<Value, String>> {
        None
    }
    fn to_display_string(&self) -> String {
        self.type_name().to_string()
    }
    fn enumerate(&self) -> Option<Vec<Value>> {
        None
    }
    fn as_any(&self) -> &dyn Any;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_hash_folds_ascii_case_only() {
        use std::hash::BuildHasher;
        let h = |x: &str| rustc_hash::FxBuildHasher.hash_one(CiStr(Rc::from(x)));
        assert_eq!(h("ExternalDirectoryObjectId"), h("externaldirectoryobjectid"));
        assert_eq!(h("CUSTOMATTRIBUTE15"), h("customAttribute15"));
        assert_ne!(h("CustomAttribute1"), h("CustomAttribute2"));
        assert_ne!(h("a"), h("a\0"));
        // '@', '[', '`' and '{' sit next to the letters: they must not be folded.
        assert_ne!(h("@[`{"), h("`{@["));
        assert_ne!(h("Name@"), h("Name`"));
        for b in 0u8..128 {
            let s = (b as char).to_string();
            assert_eq!(h(&s), h(&s.to_ascii_lowercase()), "{b}");
            assert_eq!(ascii_lower_word(b as u64) as u8, b.to_ascii_lowercase(), "{b}");
        }
    }

    #[test]
    fn guids_parse_in_the_forms_dotnet_accepts() {
        let want = [0x1e, 0xc0, 0x59, 0xc7, 0x83, 0x96, 0x4d, 0x0b, 0xaf, 0x4e, 0xd6, 0xbd, 0x4c, 0x12, 0xa8, 0xd8];
        for s in [
            "1ec059c7-8396-4d0b-af4e-d6bd4c12a8d8",
            "{1EC059C7-8396-4D0B-AF4E-D6BD4C12A8D8}",
            " (1ec059c7-8396-4d0b-af4e-d6bd4c12a8d8) ",
            "1ec059c783964d0baf4ed6bd4c12a8d8",
        ] {
            assert_eq!(parse_guid(s), Some(want), "{s}");
        }
        assert_eq!(format_guid(&want), "1ec059c7-8396-4d0b-af4e-d6bd4c12a8d8");
        for bad in [
            "",
            "1ec059c7-8396-4d0b-af4e-d6bd4c12a8d",
            "1ec059c78396-4d0b-af4e-d6bd4c12a8d8",
            "1ec059c7-8396-4d0b-af4e-d6bd4c12a8dx",
            "1ec059c7-8396-4d0b-af4e-d6bd-4c12a8d8",
            "1ec059c783964d0baf4ed6bd4c12a8d8aa",
            "ä1ec059c783964d0baf4ed6bd4c12a8d",
        ] {
            assert_eq!(parse_guid(bad), None, "{bad}");
        }
    }
}
