//! pwsh 7's ConciseView error rendering (PowerShellCore_format_ps1xml.cs, ErrorInstance view):
//! header `Reason: file:line`, the `Line |` block with the source line and `~~~` under the
//! failing extent, then the message wrapped at the window width.

use std::rc::Rc;

use crate::engine::error::ErrorRecord;
use crate::lang::ParseErrors;
use crate::lang::ast::Span;
use crate::lang::source::SourceFile;

/// Width ConciseView wraps at: 80 when stdout is not a terminal (pwsh's Unix fallback).
pub fn window_width() -> usize {
    terminal_width().unwrap_or(80)
}

pub fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    if let Ok(c) = std::env::var("COLUMNS") {
        if let Ok(n) = c.parse::<usize>() {
            if n > 0 {
                return Some(n);
            }
        }
    }
    Some(120)
}

/// InvocationInfo.PositionMessage's source and underline lines (Position.cs VerboseMessage):
/// long lines are cut to a 69-character window with `… `.
pub fn position_lines(file: &SourceFile, span: Span) -> (usize, String, String) {
    let (line, col) = file.line_col(span.start);
    let (end_line, end_col) = file.line_col(span.end.max(span.start));
    let raw = file.line_text(line).trim_end();
    let src: String = raw.replace('\t', "    ");
    let tabs_before = raw.chars().take(col.saturating_sub(1)).filter(|c| *c == '\t').count();
    let mut s = col.saturating_sub(1) + tabs_before * 3;
    let src_len = src.chars().count();
    let mut e = if line == end_line && end_col <= raw.chars().count() + 1 { end_col.saturating_sub(col) } else { src_len.saturating_sub(s) };
    const MAX: usize = 69;
    let mut text = src.clone();
    let mut pre_dots = false;
    let mut suf_dots = false;
    if src_len > MAX {
        let total_prefix = s;
        let mut prefix = s.min(12);
        let total_suffix = src_len.saturating_sub(e + s);
        let mut suffix = total_suffix.min(8);
        let mut cand = prefix + e + suffix;
        if cand >= MAX {
            if prefix + e >= MAX {
                e = MAX - prefix;
            }
            suf_dots = true;
        } else {
            let avail = total_prefix - prefix;
            if avail > 0 {
                prefix += avail.min(MAX - cand);
                cand = prefix + e + suffix;
            }
            if cand < MAX && total_suffix > 0 {
                suffix += total_suffix.min(MAX - cand);
            }
            suf_dots = suffix < total_suffix;
        }
        pre_dots = prefix < total_prefix;
        let start = s.saturating_sub(prefix);
        text = src.chars().skip(start).take(MAX).collect();
        s = s.min(prefix);
        e = e.min(MAX - s);
    }
    let shown = format!("{}{}{}", if pre_dots { "… " } else { "" }, text, if suf_dots { " …" } else { "" });
    let underline = format!("{}{}", " ".repeat(s + if pre_dots { 2 } else { 0 }), "~".repeat(e.max(1)));
    (line, shown, underline)
}

/// InvocationInfo.ScriptName: pwsh resolves a script's path to a full path before running it,
/// so error positions name `/full/path/to/script.ps1` however the script was invoked.
pub fn script_path(file: &SourceFile) -> String {
    match &file.path {
        Some(p) => std::path::absolute(p).map(|a| a.display().to_string()).unwrap_or_else(|_| p.display().to_string()),
        None => String::new(),
    }
}

/// `At file:line char:col` + source + underline (InvocationInfo.PositionMessage).
pub fn position_message(file: &SourceFile, span: Span) -> String {
    let (line, col) = file.line_col(span.start);
    let (_, src, under) = position_lines(file, span);
    let name = if file.path.is_some() { script_path(file) } else { "line".to_string() };
    format!("At {name}:{line} char:{col}\n+ {src}\n+ {under}")
}

/// Get-TruncatedString: cut at n and drop the last (possibly partial) word.
fn trunc(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= n {
        return s.to_string();
    }
    let t: String = chars[..n].iter().collect();
    match t.rfind(char::is_whitespace) {
        Some(i) => t[..i].to_string(),
        None => t,
    }
}

fn wrap_message(message: &str, prefix: &str, width: usize) -> String {
    let prefix_len = prefix.chars().count();
    if message.chars().count() <= width {
        return message.to_string();
    }
    let mut out = vec![trunc(message, width)];
    let mut rem: String = message.chars().skip(out[0].chars().count()).collect::<String>().trim().to_string();
    while rem.chars().count() + prefix_len > width {
        let sub = trunc(&format!("{prefix}{rem}"), width);
        let sub_len = sub.chars().count();
        if sub_len > prefix_len {
            rem = rem.chars().skip(sub_len - prefix_len).collect::<String>().trim().to_string();
            out.push(sub);
        } else {
            break;
        }
    }
    out.push(format!("{prefix}{}", rem.trim()));
    out.join("\n")
}

/// ConciseView header reason (CoreFmt reason chain).
fn reason(rec: &ErrorRecord) -> String {
    if rec.exception.thrown.is_some() {
        return "Exception".into();
    }
    if let Some(c) = &rec.invocation.command {
        if !c.is_empty() {
            return c.to_string();
        }
    }
    if let Some(a) = &rec.activity {
        if !a.is_empty() {
            return a.to_string();
        }
    }
    if rec.category != "NotSpecified" {
        return rec.category.to_string();
    }
    rec.reason().to_string()
}

pub struct Colors {
    pub reset: &'static str,
    pub error: &'static str,
    pub accent: &'static str,
}

pub fn colors(on: bool) -> Colors {
    if on { Colors { reset: "\x1b[0m", error: "\x1b[31;1m", accent: "\x1b[36;1m" } } else { Colors { reset: "", error: "", accent: "" } }
}

/// Render an error record as pwsh's ConciseView text (lines joined by '\n', no final newline).
pub fn render_error(rec: &ErrorRecord, color: bool) -> String {
    let c = colors(color);
    let width = window_width();
    let pos = rec.invocation.position.as_ref();
    let parser_error = rec.category == "ParserError";
    let script_name = pos.map(|p| script_path(&p.file)).unwrap_or_default();
    let line_no = pos.map(|p| p.file.line_col(p.span.start).0).unwrap_or(0);
    let show = pos.is_some() && (!script_name.is_empty() || line_no > 1 || parser_error);
    let mut posmsg = String::new();
    let mut prefix = String::new();
    let mut message = String::new();
    if let (true, Some(p)) = (show, pos) {
        let (n, line, under) = position_lines(&p.file, p.span);
        if !script_name.is_empty() {
            posmsg.push_str(&format!("{}{}:{}\n", c.reset, script_name, n));
        } else {
            posmsg.push('\n');
        }
        let d = n.to_string().len();
        let header_ws = " ".repeat(d.saturating_sub(4));
        let line_ws = " ".repeat(4usize.saturating_sub(d));
        posmsg.push_str(&format!("{}{}Line |\n", c.accent, header_ws));
        let src_line = format!(" {line}");
        // Highlight the failing extent in the accent colour.
        let off = under.find('~').map(|o| o + 1).unwrap_or(0);
        let len = under.trim().chars().count();
        let shown = if color && len < src_line.chars().count() {
            let chars: Vec<char> = src_line.chars().collect();
            let a: String = chars[..off.min(chars.len())].iter().collect();
            let b: String = chars[off.min(chars.len())..(off + len).min(chars.len())].iter().collect();
            let rest: String = chars[(off + len).min(chars.len())..].iter().collect();
            format!("{a}{}{b}{}{rest}", c.accent, c.reset)
        } else {
            src_line
        };
        posmsg.push_str(&format!("{}{}{} | {}{}\n", c.accent, line_ws, n, c.reset, shown));
        prefix = format!("{}{}     | {}", c.accent, header_ws, c.error);
        posmsg.push_str(&format!("{prefix} {under}\n"));
        message = prefix.clone();
    }
    let text = rec.message().to_string();
    message.push_str(&text);
    if !script_name.is_empty() || parser_error {
        let plain_prefix_len = if prefix.is_empty() { 0 } else { prefix.chars().count() - (c.accent.len() + c.error.len()) };
        let vt = prefix.chars().count() - plain_prefix_len;
        let flat = message.replace(['\n', '\t'], " ");
        message = if prefix.is_empty() { flat } else { wrap_message(&flat, &prefix, width + vt) };
        if show {
            message.push('\n');
        }
    }
    posmsg.push_str(c.error);
    posmsg.push_str(&message);
    let mut s = format!("{}{}: {}{}", c.error, reason(rec), posmsg, c.reset);
    // Empty lines are dropped by the host (WriteErrorLine ignores empty strings).
    if !color {
        s = s.lines().filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    } else {
        s = s.trim_end_matches('\n').to_string();
    }
    s
}

/// An error record in the view `$ErrorView` names (ConciseView when unset or unknown).
pub fn render_error_as(rec: &ErrorRecord, view: Option<&str>, color: bool) -> String {
    let c = colors(color);
    match view.map(|v| v.to_ascii_lowercase()) {
        Some(v) if v == "normalview" => format!("{}{}{}", c.error, render_error_normal(rec), c.reset),
        Some(v) if v == "categoryview" => format!("{}{}{}", c.error, rec.category_info_text(), c.reset),
        _ => render_error(rec, color),
    }
}

/// NormalView (`$ErrorView = 'NormalView'`).
pub fn render_error_normal(rec: &ErrorRecord) -> String {
    let mut s = String::new();
    if let Some(cmd) = &rec.invocation.command {
        s.push_str(&format!("{cmd} : "));
    }
    s.push_str(rec.message());
    if let Some(p) = &rec.invocation.position {
        s.push('\n');
        s.push_str(&position_message(&p.file, p.span));
    }
    s.push_str(&format!("\n+ CategoryInfo          : {}", rec.category_info_text()));
    s.push_str(&format!("\n+ FullyQualifiedErrorId : {}", rec.fqid));
    s
}

/// The ErrorRecord pwsh builds for a ParseException: category ParserError, positioned at the
/// first error, message listing every error.
pub fn parse_error_record(pe: &ParseErrors) -> ErrorRecord {
    let first = &pe.errors[0];
    let mut msg = String::new();
    for (i, e) in pe.errors.iter().enumerate() {
        if i > 0 {
            msg.push_str("\n\n");
        }
        msg.push_str(&e.message);
    }
    let mut rec = ErrorRecord::new("System.Management.Automation.ParseException", msg, first.id, "ParserError");
    rec.invocation.position = Some(crate::engine::error::Position { file: pe.file.clone(), span: first.span });
    // ConciseView shows only the first parse error.
    rec.details = Some(Rc::from(first.message.as_str()));
    rec
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_error_layout_matches_pwsh() {
        let f = Rc::new(SourceFile::new(Some("/tmp/x.ps1".into()), "# c\n\nGet-Foo\n".into()));
        let rec = crate::engine::pipeline::command_not_found("Get-Foo").at(&f, Span::new(5, 12));
        let text = render_error(&rec, false);
        let expected = "Get-Foo: /tmp/x.ps1:3\nLine |\n   3 |  Get-Foo\n     |  ~~~~~~~\n     | The term 'Get-Foo' is not recognized as a name of a cmdlet, function,\n     | script file, or executable program. Check the spelling of the name, or\n     | if a path was included, verify that the path is correct and try again.";
        assert_eq!(text, expected);
    }

    #[test]
    fn interactive_error_is_one_line_per_message_line() {
        let f = Rc::new(SourceFile::new(None, "Get-Foo".into()));
        let rec = crate::engine::pipeline::command_not_found("Get-Foo").at(&f, Span::new(0, 7));
        let text = render_error(&rec, false);
        assert!(text.starts_with(
            "Get-Foo: The term 'Get-Foo' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling"
        ));
    }

    #[test]
    fn long_lines_are_windowed() {
        let line = "$result = Invoke-Something -Name \"a-very-long-argument-value-that-makes-the-line-long\" -Verbose:$false | Get-Foo -x 1";
        let f = SourceFile::new(Some("/tmp/x.ps1".into()), format!("\n\n\n\n{line}\n"));
        let start = 4 + line.find("Get-Foo").unwrap();
        let (_, src, under) = position_lines(&f, Span::new(start, 4 + line.len()));
        assert_eq!(src, "… gument-value-that-makes-the-line-long\" -Verbose:$false | Get-Foo -x 1");
        assert_eq!(under, format!("{}{}", " ".repeat(src.chars().position(|c| c == 'G').unwrap()), "~".repeat(12)));
    }
}
