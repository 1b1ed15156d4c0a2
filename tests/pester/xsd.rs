//! A small XML Schema validator for the report tests: the XSD features the JUnit and NUnit
//! schemas in `tests/data/` use (global and local elements, `ref`, named and anonymous complex
//! types, `mixed`, `sequence`/`choice` with minOccurs/maxOccurs, attributes with `use`, and the
//! simple types `xs:string` and `xs:decimal`). Undeclared elements and attributes are errors,
//! as in a validating parser; `xmlns` and `xsi:` attributes are allowed everywhere.

use std::collections::HashMap;
use std::rc::Rc;

#[derive(Debug, Clone)]
enum Ty {
    Simple(String),
    Named(String),
    Complex(Rc<Complex>),
}

#[derive(Debug)]
struct Complex {
    mixed: bool,
    content: Option<Particle>,
    attrs: Vec<Attr>,
}

#[derive(Debug)]
struct Attr {
    name: String,
    ty: String,
    required: bool,
}

#[derive(Debug, Clone)]
struct Elem {
    name: String,
    ty: Ty,
}

#[derive(Debug)]
enum Term {
    Element(Rc<Elem>),
    Ref(String),
    Seq(Vec<Particle>),
    Choice(Vec<Particle>),
}

#[derive(Debug)]
struct Particle {
    term: Term,
    min: usize,
    max: Option<usize>,
}

/// Ways a particle matched: (end position, child index → its declaration).
type Matches = Vec<(usize, Vec<(usize, Rc<Elem>)>)>;

pub struct Schema {
    elements: HashMap<String, Rc<Elem>>,
    types: HashMap<String, Rc<Complex>>,
}

fn xs<'a>(n: &roxmltree::Node<'a, 'a>, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name
}

fn occurs(n: &roxmltree::Node) -> (usize, Option<usize>) {
    let min = n.attribute("minOccurs").and_then(|v| v.parse().ok()).unwrap_or(1);
    let max = match n.attribute("maxOccurs") {
        Some("unbounded") => None,
        Some(v) => Some(v.parse().unwrap_or(1)),
        None => Some(1),
    };
    (min, max)
}

fn parse_type_attr(t: &str) -> Ty {
    match t.strip_prefix("xs:") {
        Some(simple) => Ty::Simple(simple.to_string()),
        None => Ty::Named(t.to_string()),
    }
}

fn parse_complex(n: &roxmltree::Node) -> Complex {
    let mut c = Complex { mixed: n.attribute("mixed") == Some("true"), content: None, attrs: Vec::new() };
    for k in n.children().filter(|k| k.is_element()) {
        if xs(&k, "sequence") || xs(&k, "choice") {
            c.content = Some(parse_particle(&k));
        } else if xs(&k, "attribute") {
            c.attrs.push(Attr {
                name: k.attribute("name").unwrap_or_default().to_string(),
                ty: k.attribute("type").unwrap_or("xs:string").to_string(),
                required: k.attribute("use") == Some("required"),
            });
        }
    }
    c
}

fn parse_element(n: &roxmltree::Node) -> Elem {
    let name = n.attribute("name").unwrap_or_default().to_string();
    let ty = match n.attribute("type") {
        Some(t) => parse_type_attr(t),
        None => match n.children().find(|k| xs(k, "complexType")) {
            Some(ct) => Ty::Complex(Rc::new(parse_complex(&ct))),
            None => Ty::Simple("string".into()),
        },
    };
    Elem { name, ty }
}

fn parse_particle(n: &roxmltree::Node) -> Particle {
    let (min, max) = occurs(n);
    let term = if xs(n, "element") {
        match n.attribute("ref") {
            Some(r) => Term::Ref(r.to_string()),
            None => Term::Element(Rc::new(parse_element(n))),
        }
    } else {
        let parts = n.children().filter(|k| k.is_element() && (xs(k, "element") || xs(k, "sequence") || xs(k, "choice"))).map(|k| parse_particle(&k)).collect();
        if xs(n, "choice") { Term::Choice(parts) } else { Term::Seq(parts) }
    };
    Particle { term, min, max }
}

impl Schema {
    pub fn parse(text: &str) -> Schema {
        let doc = roxmltree::Document::parse(text).expect("the schema is well-formed XML");
        let root = doc.root_element();
        let mut s = Schema { elements: HashMap::new(), types: HashMap::new() };
        for k in root.children().filter(|k| k.is_element()) {
            if xs(&k, "element") {
                let e = parse_element(&k);
                s.elements.insert(e.name.clone(), Rc::new(e));
            } else if xs(&k, "complexType") {
                let name = k.attribute("name").unwrap_or_default().to_string();
                s.types.insert(name, Rc::new(parse_complex(&k)));
            }
        }
        s
    }

    /// Every violation of the schema in `xml` (empty when the document is valid).
    pub fn validate(&self, xml: &str) -> Vec<String> {
        let doc = match roxmltree::Document::parse(xml) {
            Ok(d) => d,
            Err(e) => return vec![format!("not well-formed: {e}")],
        };
        let root = doc.root_element();
        let mut errors = Vec::new();
        match self.elements.get(root.tag_name().name()) {
            Some(decl) => self.check(&root, decl, "", &mut errors),
            None => errors.push(format!("root element <{}> is not declared", root.tag_name().name())),
        }
        errors
    }

    fn resolve<'a>(&'a self, ty: &'a Ty) -> Result<Option<Rc<Complex>>, String> {
        match ty {
            Ty::Simple(_) => Ok(None),
            Ty::Complex(c) => Ok(Some(c.clone())),
            Ty::Named(n) => self.types.get(n).cloned().map(Some).ok_or_else(|| format!("type {n} is not declared")),
        }
    }

    fn check(&self, node: &roxmltree::Node, decl: &Elem, path: &str, errors: &mut Vec<String>) {
        let here = format!("{path}/{}", decl.name);
        let complex = match self.resolve(&decl.ty) {
            Ok(c) => c,
            Err(e) => return errors.push(format!("{here}: {e}")),
        };
        let kids: Vec<roxmltree::Node> = node.children().filter(|k| k.is_element()).collect();
        let text: String = node.children().filter(|k| k.is_text()).map(|k| k.text().unwrap_or("")).collect();
        let attrs: Vec<(String, String)> = node
            .attributes()
            .filter(|a| a.namespace().is_none_or(|ns| ns != "http://www.w3.org/2001/XMLSchema-instance"))
            .map(|a| (a.name().to_string(), a.value().to_string()))
            .collect();
        let Some(c) = complex else {
            if !kids.is_empty() {
                errors.push(format!("{here}: element content in a simple-typed element"));
            }
            if let Ty::Simple(t) = &decl.ty {
                check_simple(t, &text, &here, errors);
            }
            for (a, _) in attrs {
                errors.push(format!("{here}: attribute '{a}' is not declared"));
            }
            return;
        };
        for (a, v) in &attrs {
            match c.attrs.iter().find(|d| &d.name == a) {
                Some(d) => check_simple(d.ty.trim_start_matches("xs:"), v, &format!("{here}/@{a}"), errors),
                None => errors.push(format!("{here}: attribute '{a}' is not declared")),
            }
        }
        for d in c.attrs.iter().filter(|d| d.required) {
            if !attrs.iter().any(|(a, _)| a == &d.name) {
                errors.push(format!("{here}: required attribute '{}' is missing", d.name));
            }
        }
        if !c.mixed && !text.trim().is_empty() {
            errors.push(format!("{here}: text in element-only content"));
        }
        let names: Vec<&str> = kids.iter().map(|k| k.tag_name().name()).collect();
        let assignment = match &c.content {
            None => {
                if names.is_empty() {
                    Some(Vec::new())
                } else {
                    None
                }
            }
            Some(p) => self.matches(p, &names, 0).into_iter().find(|(end, _)| *end == names.len()).map(|(_, a)| a),
        };
        match assignment {
            None => errors.push(format!("{here}: children [{}] do not match the content model", names.join(", "))),
            Some(a) => {
                for (i, d) in a {
                    self.check(&kids[i], &d, &here, errors);
                }
            }
        }
    }

    /// Every way `p` can match `names[pos..]`: (end position, child → declaration).
    fn matches(&self, p: &Particle, names: &[&str], pos: usize) -> Matches {
        let mut results: Matches = Vec::new();
        let mut frontier = vec![(pos, Vec::new())];
        if p.min == 0 {
            results.push((pos, Vec::new()));
        }
        let mut count = 0;
        while !frontier.is_empty() && p.max.is_none_or(|m| count < m) && count <= names.len() + 1 {
            count += 1;
            let mut next = Vec::new();
            for (at, assigned) in &frontier {
                for (end, more) in self.match_once(&p.term, names, *at) {
                    if end == *at && count > p.min {
                        continue;
                    }
                    let mut a = assigned.clone();
                    a.extend(more);
                    if !next.iter().any(|(e, _): &(usize, _)| *e == end) {
                        next.push((end, a));
                    }
                }
            }
            if count >= p.min {
                for r in &next {
                    if !results.iter().any(|(e, _)| *e == r.0) {
                        results.push(r.clone());
                    }
                }
            }
            frontier = next;
        }
        results
    }

    fn match_once(&self, t: &Term, names: &[&str], pos: usize) -> Matches {
        match t {
            Term::Element(e) => {
                if names.get(pos) == Some(&e.name.as_str()) {
                    vec![(pos + 1, vec![(pos, e.clone())])]
                } else {
                    Vec::new()
                }
            }
            Term::Ref(r) => match self.elements.get(r) {
                Some(e) if names.get(pos) == Some(&e.name.as_str()) => vec![(pos + 1, vec![(pos, e.clone())])],
                _ => Vec::new(),
            },
            Term::Choice(parts) => parts.iter().flat_map(|p| self.matches(p, names, pos)).collect(),
            Term::Seq(parts) => {
                let mut states = vec![(pos, Vec::new())];
                for p in parts {
                    let mut next = Vec::new();
                    for (at, assigned) in &states {
                        for (end, more) in self.matches(p, names, *at) {
                            let mut a: Vec<(usize, Rc<Elem>)> = assigned.clone();
                            a.extend(more);
                            next.push((end, a));
                        }
                    }
                    states = next;
                }
                states
            }
        }
    }
}

fn check_simple(ty: &str, value: &str, here: &str, errors: &mut Vec<String>) {
    if ty == "decimal" && value.trim().parse::<f64>().is_err() {
        errors.push(format!("{here}: '{value}' is not an xs:decimal"));
    }
}

#[test]
fn the_validator_rejects_what_the_schemas_forbid() {
    let junit = Schema::parse(include_str!("../data/junit_schema_4.xsd"));
    assert!(junit.validate("<testsuites><testsuite name=\"a\" tests=\"1\"><testcase name=\"t\"/></testsuite></testsuites>").is_empty());
    // A missing required attribute, an undeclared attribute, a non-decimal count, a misplaced element.
    assert!(!junit.validate("<testsuites><testsuite tests=\"1\"/></testsuites>").is_empty());
    assert!(!junit.validate("<testsuites bogus=\"1\"/>").is_empty());
    assert!(!junit.validate("<testsuites><testsuite name=\"a\" tests=\"x\"/></testsuites>").is_empty());
    assert!(!junit.validate("<testsuites><testcase name=\"t\"/></testsuites>").is_empty());
    let nunit = Schema::parse(include_str!("../data/nunit_schema_2.5.xsd"));
    let head = "<test-results name=\"P\" total=\"0\" errors=\"0\" failures=\"0\" inconclusive=\"0\" not-run=\"0\" ignored=\"0\" skipped=\"0\" invalid=\"0\" date=\"d\" time=\"t\"><environment nunit-version=\"\" clr-version=\"\" os-version=\"\" platform=\"\" cwd=\"\" machine-name=\"\" user=\"\" user-domain=\"\"/><culture-info current-culture=\"\" current-uiculture=\"\"/>";
    let suite = |inner: &str| {
        format!("{head}<test-suite type=\"T\" name=\"s\" executed=\"True\" result=\"Success\"><results>{inner}</results></test-suite></test-results>")
    };
    let case = "<test-case name=\"c\" executed=\"True\" result=\"Success\"/>";
    let sub = "<test-suite type=\"T\" name=\"x\" executed=\"True\" result=\"Success\"><results/></test-suite>";
    assert_eq!(nunit.validate(&suite(case)), Vec::<String>::new());
    assert_eq!(nunit.validate(&suite(sub)), Vec::<String>::new());
    // NUnit 2.5 results hold suites or cases, not both.
    assert!(!nunit.validate(&suite(&format!("{sub}{case}"))).is_empty());
}
