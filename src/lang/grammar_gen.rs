//! `grammar/powershell.pest` is generated from `grammar/powershell.pest.in` by expanding its
//! `#MACRO NAME = body` definitions (`%NAME%` → `(body)`). pest has no macros, and helpers that
//! contain loops must be expanded into the atomic rules that use them to get pest's lean code
//! (see the template's header). The test below keeps the two files in step.

/// Expand the template. Errors on an undefined macro or a cycle.
pub fn expand(template: &str) -> Result<String, String> {
    let mut macros: Vec<(String, String)> = Vec::new();
    let mut body_lines = Vec::new();
    for line in template.lines() {
        if let Some(def) = line.strip_prefix("#MACRO ") {
            let (name, body) = def.split_once(" = ").ok_or_else(|| format!("bad macro line: {line}"))?;
            macros.push((name.trim().to_string(), body.trim().to_string()));
        } else {
            body_lines.push(line);
        }
    }
    let mut out =
        String::from("// GENERATED from grammar/powershell.pest.in — edit that file, then run\n// `UPDATE_GRAMMAR=1 cargo test --lib grammar_template`.\n");
    for line in body_lines {
        if line.trim_start().starts_with("//") {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        out.push_str(&expand_line(line, &macros, 0)?);
        out.push('\n');
    }
    Ok(out)
}

fn expand_line(line: &str, macros: &[(String, String)], depth: usize) -> Result<String, String> {
    if depth > 32 {
        return Err(format!("macro expansion too deep (cycle?) in: {line}"));
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let name_len = after.bytes().take_while(|b| b.is_ascii_uppercase() || *b == b'_').count();
        if name_len > 0 && after.as_bytes().get(name_len) == Some(&b'%') {
            let name = &after[..name_len];
            let body = macros.iter().find(|(n, _)| n == name).map(|(_, b)| b).ok_or_else(|| format!("undefined macro %{name}%"))?;
            out.push('(');
            out.push_str(&expand_line(body, macros, depth + 1)?);
            out.push(')');
            rest = &after[name_len + 1..];
        } else {
            out.push('%');
            rest = after;
        }
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn grammar_template_matches_generated_grammar() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/grammar");
        let template = std::fs::read_to_string(format!("{dir}/powershell.pest.in")).expect("template");
        let expanded = super::expand(&template).expect("template expands");
        let path = format!("{dir}/powershell.pest");
        if std::env::var_os("UPDATE_GRAMMAR").is_some() {
            std::fs::write(&path, &expanded).expect("write grammar");
            return;
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(current == expanded, "grammar/powershell.pest is out of date: run `UPDATE_GRAMMAR=1 cargo test --lib grammar_template`");
    }

    #[test]
    fn macros_expand_recursively_and_leave_other_percent_signs() {
        let t = "#MACRO A = 'a' | %B%\n#MACRO B = \"%\"\nr = { %A% ~ \"%=\" }\n";
        let e = super::expand(t).expect("expands");
        assert!(e.ends_with("r = { ('a' | (\"%\")) ~ \"%=\" }\n"), "{e}");
        assert!(super::expand("r = { %NOPE% }").is_err());
    }
}
