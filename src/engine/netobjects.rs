//! Small .NET objects of the supported surface: `[ref]` (PSReference), text encodings
//! (`[Text.Encoding]::UTF8.GetBytes()`), `Queue`/`Stack` collections, and URL/HTML escaping.

use std::any::Any;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::engine::convert::to_display_string;
use crate::engine::interp::Interp;
use crate::engine::value::{NetObject, Value};
use crate::lang::sym::{Sym, eq_ci};

// ───────────────────────────── [ref] ─────────────────────────────

/// `[ref]$x`: a reference to a variable (reads and writes go to the variable), or to a value.
#[derive(Debug)]
pub struct RefObject {
    /// The scope and name of the referenced variable.
    pub var: Option<(usize, Sym)>,
    pub cell: RefCell<Value>,
}

impl NetObject for RefObject {
    fn type_name(&self) -> &str {
        "System.Management.Automation.PSReference"
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        // Variable references are read through the interpreter (Interp::ref_get).
        if eq_ci(name, "Value") {
            return Some(self.cell.borrow().clone());
        }
        None
    }
    fn property_names(&self) -> Vec<Rc<str>> {
        vec![Rc::from("Value")]
    }
    fn to_display_string(&self) -> String {
        "System.Management.Automation.PSReference".into()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn as_ref(v: &Value) -> Option<&RefObject> {
    match v {
        Value::Net(n) => n.as_any().downcast_ref::<RefObject>(),
        _ => None,
    }
}

impl Interp {
    /// `[ref]$name` in the current scope chain (the current scope when the variable is new).
    pub fn make_ref(&mut self, sym: Sym) -> Value {
        let scope = self.find_var_scope(sym).unwrap_or(self.cur);
        let value = self.get_var(sym).unwrap_or(Value::Null);
        Value::Net(Rc::new(RefObject { var: Some((scope, sym)), cell: RefCell::new(value) }))
    }

    pub fn ref_get(&self, r: &RefObject) -> Value {
        if let Some((scope, sym)) = r.var {
            if let Some(v) = self.scope(scope).vars.get(&sym) {
                return v.value.clone();
            }
        }
        r.cell.borrow().clone()
    }

    pub fn ref_set(&mut self, r: &RefObject, value: Value) -> crate::engine::error::R {
        *r.cell.borrow_mut() = value.clone();
        if let Some((scope, sym)) = r.var {
            return self.set_var_in(scope, sym, value);
        }
        Ok(())
    }

    /// Store an out-parameter result (`[int]::TryParse($s, [ref]$n)`).
    pub fn set_out_arg(&mut self, arg: Option<&Value>, value: Value) {
        if let Some(r) = arg.and_then(as_ref) {
            let _ = self.ref_set(r, value);
        }
    }
}

// ───────────────────────────── encodings ─────────────────────────────

/// System.Text.Encoding: UTF8 (no BOM), Unicode (UTF-16LE), ASCII, UTF32, Latin1.
#[derive(Debug)]
pub struct EncodingObject {
    pub kind: &'static str,
}

pub fn encoding(name: &str) -> Option<Value> {
    let kind = match name.to_ascii_lowercase().as_str() {
        "utf8" | "default" => "UTF8",
        "unicode" => "Unicode",
        "bigendianunicode" => "BigEndianUnicode",
        "ascii" => "ASCII",
        "utf32" => "UTF32",
        "latin1" => "Latin1",
        _ => return None,
    };
    Some(Value::Net(Rc::new(EncodingObject { kind })))
}

impl EncodingObject {
    fn encode(&self, s: &str) -> Vec<u8> {
        match self.kind {
            "Unicode" => s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect(),
            "BigEndianUnicode" => s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect(),
            "UTF32" => s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect(),
            "ASCII" => s.chars().map(|c| if c.is_ascii() { c as u8 } else { b'?' }).collect(),
            "Latin1" => s.chars().map(|c| if (c as u32) < 256 { c as u32 as u8 } else { b'?' }).collect(),
            _ => s.as_bytes().to_vec(),
        }
    }
    fn decode(&self, b: &[u8]) -> String {
        match self.kind {
            "Unicode" => String::from_utf16_lossy(&b.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect::<Vec<_>>()),
            "BigEndianUnicode" => String::from_utf16_lossy(&b.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>()),
            "UTF32" => b.chunks_exact(4).filter_map(|c| char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]]))).collect(),
            "ASCII" => b.iter().map(|x| if *x < 128 { *x as char } else { '?' }).collect(),
            "Latin1" => b.iter().map(|x| *x as char).collect(),
            _ => String::from_utf8_lossy(b).into_owned(),
        }
    }
    fn web_name(&self) -> &'static str {
        match self.kind {
            "Unicode" => "utf-16",
            "BigEndianUnicode" => "utf-16BE",
            "UTF32" => "utf-32",
            "ASCII" => "us-ascii",
            "Latin1" => "iso-8859-1",
            _ => "utf-8",
        }
    }
}

/// The bytes of a byte[] / object[] argument.
pub fn bytes_of(v: &Value) -> Vec<u8> {
    match v {
        Value::Bytes(b) => b.to_vec(),
        other => other
            .enumerate()
            .unwrap_or_else(|| vec![other.clone()])
            .iter()
            .filter_map(crate::engine::convert::to_num)
            .map(|n| n.to_f64() as i64 as u8)
            .collect(),
    }
}

impl NetObject for EncodingObject {
    fn type_name(&self) -> &str {
        match self.kind {
            "Unicode" | "BigEndianUnicode" => "System.Text.UnicodeEncoding",
            "UTF32" => "System.Text.UTF32Encoding",
            "ASCII" => "System.Text.ASCIIEncoding",
            "Latin1" => "System.Text.Latin1Encoding",
            _ => "System.Text.UTF8Encoding",
        }
    }
    fn type_hierarchy(&self) -> Vec<&str> {
        vec![self.type_name(), "System.Text.Encoding", "System.Object"]
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        let n = name.to_ascii_lowercase();
        Some(match n.as_str() {
            "webname" | "bodyname" | "headername" => Value::str(self.web_name()),
            "encodingname" => Value::str(match self.kind {
                "Unicode" => "Unicode",
                "BigEndianUnicode" => "Unicode (Big-Endian)",
                "UTF32" => "Unicode (UTF-32)",
                "ASCII" => "US-ASCII",
                "Latin1" => "Western European (ISO)",
                _ => "Unicode (UTF-8)",
            }),
            "codepage" => Value::Int(match self.kind {
                "Unicode" => 1200,
                "BigEndianUnicode" => 1201,
                "UTF32" => 12000,
                "ASCII" => 20127,
                "Latin1" => 28591,
                _ => 65001,
            }),
            "issinglebyte" => Value::Bool(matches!(self.kind, "ASCII" | "Latin1")),
            _ => return None,
        })
    }
    fn property_names(&self) -> Vec<Rc<str>> {
        ["BodyName", "EncodingName", "HeaderName", "WebName", "CodePage", "IsSingleByte"].iter().map(|s| Rc::from(*s)).collect()
    }
    fn call_method(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
        let n = name.to_ascii_lowercase();
        Some(Ok(match n.as_str() {
            "getbytes" => match args.first() {
                Some(v) => Value::Bytes(Rc::new(self.encode(&to_display_string(v)))),
                None => return Some(Err("Value cannot be null. (Parameter 's')".into())),
            },
            "getstring" => match args.first() {
                Some(v) => {
                    let b = bytes_of(v);
                    let start = args.get(1).and_then(crate::engine::convert::to_num).map(|n| n.to_f64() as usize).unwrap_or(0).min(b.len());
                    let len = args.get(2).and_then(crate::engine::convert::to_num).map(|n| n.to_f64() as usize).unwrap_or(b.len() - start);
                    Value::string(self.decode(&b[start..(start + len).min(b.len())]))
                }
                None => return Some(Err("Value cannot be null. (Parameter 'bytes')".into())),
            },
            "getbytecount" => Value::Int(self.encode(&args.first().map(to_display_string).unwrap_or_default()).len() as i32),
            "getpreamble" => Value::Bytes(Rc::new(match self.kind {
                "Unicode" => vec![0xFF, 0xFE],
                _ => vec![],
            })),
            "tostring" => Value::str(self.type_name()),
            _ => return None,
        }))
    }
    fn to_display_string(&self) -> String {
        self.type_name().to_string()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

// ───────────────────────────── Queue / Stack ─────────────────────────────

/// System.Collections.Queue / Stack and their generic forms: enumerate front to back (a stack
/// enumerates from the top, as .NET does).
#[derive(Debug)]
pub struct QueueObject {
    pub stack: bool,
    pub type_name: String,
    pub items: RefCell<VecDeque<Value>>,
}

impl NetObject for QueueObject {
    fn type_name(&self) -> &str {
        &self.type_name
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        if eq_ci(name, "Count") {
            return Some(Value::Int(self.items.borrow().len() as i32));
        }
        None
    }
    fn property_names(&self) -> Vec<Rc<str>> {
        vec![Rc::from("Count")]
    }
    fn call_method(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
        let n = name.to_ascii_lowercase();
        let empty = if self.stack { "Stack empty." } else { "Queue empty." };
        let mut items = self.items.borrow_mut();
        Some(Ok(match n.as_str() {
            "enqueue" | "push" => {
                let v = args.first().cloned().unwrap_or(Value::Null);
                if self.stack {
                    items.push_front(v);
                } else {
                    items.push_back(v);
                }
                Value::Null
            }
            "dequeue" | "pop" => match items.pop_front() {
                Some(v) => v,
                None => return Some(Err(empty.into())),
            },
            "peek" => match items.front() {
                Some(v) => v.clone(),
                None => return Some(Err(empty.into())),
            },
            "trydequeue" | "trypop" | "trypeek" => return None,
            "clear" => {
                items.clear();
                Value::Null
            }
            "contains" => {
                let x = args.first().cloned().unwrap_or(Value::Null);
                Value::Bool(items.iter().any(|i| crate::engine::convert::values_equal(i, &x, true)))
            }
            "toarray" => Value::array(items.iter().cloned().collect()),
            "getenumerator" => Value::array(items.iter().cloned().collect()),
            _ => return None,
        }))
    }
    fn to_display_string(&self) -> String {
        self.type_name.clone()
    }
    fn enumerate(&self) -> Option<Vec<Value>> {
        Some(self.items.borrow().iter().cloned().collect())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn new_queue(stack: bool, type_name: String, items: Vec<Value>) -> Value {
    let mut q: VecDeque<Value> = VecDeque::new();
    for v in items {
        if stack {
            q.push_front(v);
        } else {
            q.push_back(v);
        }
    }
    Value::Net(Rc::new(QueueObject { stack, type_name, items: RefCell::new(q) }))
}

// ───────────────────────────── URL / HTML escaping ─────────────────────────────

/// Uri.EscapeDataString: everything but RFC 3986 unreserved characters is percent-encoded.
pub fn escape_data_string(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// WebUtility.UrlEncode: like EscapeDataString, but spaces become `+` and `!*()` stay.
pub fn url_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'!' | b'*' | b'(' | b')') {
            out.push(b as char);
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-decoding (UnescapeDataString; UrlDecode also turns `+` into a space).
pub fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Some(Ok(x)) = s.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16)) {
                out.push(x);
                i += 3;
                continue;
            }
        }
        if b[i] == b'+' && plus_is_space {
            out.push(b' ');
        } else {
            out.push(b[i]);
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn html_encode(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn html_decode(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

// ───────────────────────────── HashSet[T] ─────────────────────────────

/// System.Collections.Generic.HashSet[T]: insertion-ordered, unique by .NET equality (strings
/// ordinal, or ignoring case with a `[StringComparer]::OrdinalIgnoreCase` comparer).
#[derive(Debug)]
pub struct HashSetObject {
    pub type_name: String,
    pub element: Rc<crate::engine::types::TypeRef>,
    pub ignore_case: bool,
    pub items: RefCell<Vec<Value>>,
}

impl HashSetObject {
    fn same(&self, a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => {
                if self.ignore_case {
                    eq_ci(x, y)
                } else {
                    x == y
                }
            }
            _ => crate::engine::convert::values_equal(a, b, true) || a.ptr_eq(b),
        }
    }
    fn convert(&self, v: &Value) -> Result<Value, String> {
        crate::engine::convert::convert_to(v, &self.element).map_err(|e| e.message())
    }
    fn add(&self, v: Value) -> bool {
        let mut items = self.items.borrow_mut();
        if items.iter().any(|x| self.same(x, &v)) {
            return false;
        }
        items.push(v);
        true
    }
}

impl NetObject for HashSetObject {
    fn type_name(&self) -> &str {
        &self.type_name
    }
    fn get_property(&self, name: &str) -> Option<Value> {
        if eq_ci(name, "Count") {
            return Some(Value::Int(self.items.borrow().len() as i32));
        }
        None
    }
    fn property_names(&self) -> Vec<Rc<str>> {
        vec![Rc::from("Count")]
    }
    fn call_method(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
        let n = name.to_ascii_lowercase();
        let arg = || args.first().cloned().unwrap_or(Value::Null);
        let others = || -> Result<Vec<Value>, String> {
            let a = arg();
            a.enumerate().unwrap_or_else(|| vec![a.clone()]).iter().map(|x| self.convert(x)).collect()
        };
        Some(Ok(match n.as_str() {
            "add" => match self.convert(&arg()) {
                Ok(v) => Value::Bool(self.add(v)),
                Err(e) => return Some(Err(e)),
            },
            "contains" => match self.convert(&arg()) {
                Ok(v) => Value::Bool(self.items.borrow().iter().any(|x| self.same(x, &v))),
                Err(_) => Value::Bool(false),
            },
            "remove" => {
                let v = arg();
                let mut items = self.items.borrow_mut();
                let before = items.len();
                items.retain(|x| !self.same(x, &v));
                Value::Bool(items.len() != before)
            }
            "clear" => {
                self.items.borrow_mut().clear();
                Value::Null
            }
            "unionwith" => match others() {
                Ok(vs) => {
                    for v in vs {
                        self.add(v);
                    }
                    Value::Null
                }
                Err(e) => return Some(Err(e)),
            },
            "intersectwith" | "exceptwith" => match others() {
                Ok(vs) => {
                    let keep_common = n == "intersectwith";
                    self.items.borrow_mut().retain(|x| vs.iter().any(|o| self.same(x, o)) == keep_common);
                    Value::Null
                }
                Err(e) => return Some(Err(e)),
            },
            "issubsetof" | "issupersetof" | "overlaps" | "setequals" => match others() {
                Ok(vs) => {
                    let items = self.items.borrow();
                    let mine_in_other = items.iter().all(|x| vs.iter().any(|o| self.same(x, o)));
                    let other_in_mine = vs.iter().all(|o| items.iter().any(|x| self.same(x, o)));
                    Value::Bool(match n.as_str() {
                        "issubsetof" => mine_in_other,
                        "issupersetof" => other_in_mine,
                        "overlaps" => items.iter().any(|x| vs.iter().any(|o| self.same(x, o))),
                        _ => mine_in_other && other_in_mine,
                    })
                }
                Err(e) => return Some(Err(e)),
            },
            "toarray" | "getenumerator" => Value::array(self.items.borrow().clone()),
            _ => return None,
        }))
    }
    fn to_display_string(&self) -> String {
        self.type_name.clone()
    }
    fn enumerate(&self) -> Option<Vec<Value>> {
        Some(self.items.borrow().clone())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `[System.Collections.Generic.HashSet[T]]::new([comparer] / [collection], …)`.
pub fn new_hashset(element: Rc<crate::engine::types::TypeRef>, args: &[Value]) -> Result<Value, String> {
    let ignore_case = args.iter().any(|a| matches!(a, Value::Str(s) if s.to_ascii_lowercase().ends_with("ignorecase")));
    let set = HashSetObject {
        type_name: format!("System.Collections.Generic.HashSet`1[[{}]]", element.full_name()),
        element,
        ignore_case,
        items: RefCell::new(Vec::new()),
    };
    for a in args {
        if let Some(items) = a.enumerate() {
            for x in items {
                set.add(set.convert(&x)?);
            }
        }
    }
    Ok(Value::Net(Rc::new(set)))
}
