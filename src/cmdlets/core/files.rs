//! FileSystem provider cmdlets on real files, relative to the current directory:
//! Get-Content, Set-Content, Add-Content, Test-Path, Join-Path, Split-Path, Resolve-Path,
//! New-Item, Remove-Item (and the path helpers Out-File, Tee-Object and the CSV cmdlets use).

use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use super::reject;
use crate::engine::commands::{Cmdlet, Cx};
use crate::engine::error::{ErrorRecord, R};
use crate::engine::format;
use crate::engine::value::{PsObject, Value};

// ───────────────────────────── paths ─────────────────────────────

/// The current location: the process's working directory.
pub fn cwd() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"))
}

/// A provider path made absolute: `~` is the home directory, relative paths start at the
/// current location, `.`/`..` are resolved lexically and `\` is a separator (as on Unix pwsh).
pub fn absolute(p: &str) -> PathBuf {
    let p = p.replace('\\', "/");
    let p = p.strip_prefix("Microsoft.PowerShell.Core/FileSystem::").or_else(|| p.strip_prefix("FileSystem::")).unwrap_or(&p).to_string();
    let expanded = if p == "~" || p.starts_with("~/") {
        let home = std::env::var("HOME").unwrap_or_else(|_| "/".into());
        format!("{home}{}", &p[1..])
    } else {
        p
    };
    let base = if expanded.starts_with('/') { PathBuf::from("/") } else { cwd() };
    let mut out = base;
    for c in Path::new(&expanded).components() {
        match c {
            Component::RootDir | Component::Prefix(_) => out = PathBuf::from("/"),
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
        }
    }
    out
}

pub fn display(p: &Path) -> String {
    p.display().to_string()
}

pub fn has_wildcard(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Expand wildcards in any component of an absolute path to the existing paths, sorted.
pub fn glob(pattern: &Path) -> Vec<PathBuf> {
    let mut current: Vec<PathBuf> = vec![PathBuf::from("/")];
    for c in pattern.components() {
        let Component::Normal(name) = c else { continue };
        let name = name.to_string_lossy();
        let mut next = Vec::new();
        for base in &current {
            if has_wildcard(&name) {
                let Ok(rd) = std::fs::read_dir(base) else { continue };
                let mut found: Vec<PathBuf> = rd
                    .flatten()
                    .filter(|e| crate::engine::ops::wildcard_match(&name, &e.file_name().to_string_lossy(), false))
                    .map(|e| base.join(e.file_name()))
                    .collect();
                found.sort();
                next.extend(found);
            } else {
                let p = base.join(&*name);
                if p.exists() || p.symlink_metadata().is_ok() {
                    next.push(p);
                }
            }
        }
        current = next;
    }
    current
}

/// pwsh's ItemNotFoundException for a path.
pub fn path_not_found(cx: &Cx, path: &str) -> ErrorRecord {
    cx.error(
        "System.Management.Automation.ItemNotFoundException",
        crate::engine::messages::render(crate::engine::messages::SS_PATH_NOT_FOUND, &[path]),
        "PathNotFound",
        "ObjectNotFound",
    )
    .with_target(Value::str(path))
}

/// Resolve `-Path` (wildcards) or `-LiteralPath` values to existing items. Missing literal
/// paths are reported as PathNotFound (non-terminating); wildcards that match nothing are not.
pub fn resolve_existing(cx: &mut Cx, paths: &[String], literal: bool) -> R<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        let abs = absolute(p);
        if !literal && has_wildcard(p) {
            out.extend(glob(&abs));
            continue;
        }
        if abs.exists() {
            out.push(abs);
        } else {
            let rec = path_not_found(cx, &display(&abs));
            cx.write_error(rec)?;
        }
    }
    Ok(out)
}

/// The file an outputter writes to: the path made absolute (a wildcard must match one item).
pub fn output_path(cx: &mut Cx, raw: &str, literal: bool) -> R<Option<PathBuf>> {
    let abs = absolute(raw);
    if !literal && has_wildcard(raw) {
        let found = glob(&abs);
        return match found.len() {
            1 => Ok(found.into_iter().next()),
            0 => {
                let rec = path_not_found(cx, &display(&abs));
                cx.write_error(rec)?;
                Ok(None)
            }
            _ => Err(cx.terminate(cx.error(
                "System.IO.IOException",
                format!("Cannot perform operation because the wildcard path {raw} resolved to multiple files."),
                "ReadWriteMultipleFilesNotSupported",
                "InvalidArgument",
            ))),
        };
    }
    Ok(Some(abs))
}

fn part_not_found(cx: &Cx, path: &Path, id: &str, category: &'static str) -> ErrorRecord {
    cx.error("System.IO.DirectoryNotFoundException", format!("Could not find a part of the path '{}'.", display(path)), id, category)
        .with_target(Value::string(display(path)))
}

/// Write an outputter's text to a file (Out-File, Tee-Object): encoding, -Append,
/// -NoClobber, read-only files with -Force.
pub fn write_text_file(cx: &mut Cx, path: &Path, text: &str, append: bool, no_clobber: bool, _force: bool) -> R {
    if no_clobber && !append && path.exists() {
        let rec = cx
            .error("System.IO.IOException", format!("The file '{}' already exists.", display(path)), "NoClobber", "ResourceExists")
            .with_target(Value::string(display(path)));
        return Err(cx.terminate(rec));
    }
    if path.is_dir() {
        let rec = cx
            .error("System.UnauthorizedAccessException", format!("Access to the path '{}' is denied.", display(path)), "FileOpenFailure", "OpenError")
            .with_target(Value::string(display(path)));
        return Err(cx.terminate(rec));
    }
    if path.parent().is_some_and(|d| !d.exists()) {
        let rec = part_not_found(cx, path, "FileOpenFailure", "OpenError");
        return Err(cx.terminate(rec));
    }
    let mut bytes = super::output::encode_text(cx, text)?;
    let existing = append && path.metadata().map(|m| m.len() > 0).unwrap_or(false);
    if existing {
        strip_bom(&mut bytes);
    }
    let r = if append {
        use std::io::Write;
        std::fs::OpenOptions::new().create(true).append(true).open(path).and_then(|mut f| f.write_all(&bytes))
    } else {
        std::fs::write(path, &bytes)
    };
    r.map_err(|e| cx.terminate(cx.error("System.IO.IOException", e.to_string(), "FileOpenFailure", "OpenError")))
}

fn strip_bom(bytes: &mut Vec<u8>) {
    for bom in [&[0xEF, 0xBB, 0xBF][..], &[0xFF, 0xFE, 0, 0][..], &[0xFF, 0xFE][..], &[0xFE, 0xFF][..]] {
        if bytes.starts_with(bom) {
            bytes.drain(..bom.len());
            return;
        }
    }
}

/// Decode file bytes: BOM detection (UTF-8, UTF-16 LE/BE, UTF-32 LE), else UTF-8.
pub fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE, 0, 0]) {
        return rest.chunks(4).filter_map(|c| if c.len() == 4 { char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]])) } else { None }).collect();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest.chunks(2).filter(|c| c.len() == 2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest.chunks(2).filter(|c| c.len() == 2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    String::from_utf8_lossy(bytes).into_owned()
}

/// Read a text file for a cmdlet; None (after writing pwsh's error) when it cannot be read.
pub fn read_text(cx: &mut Cx, path: &Path) -> R<Option<String>> {
    if path.is_dir() {
        let rec = cx
            .error(
                "System.Management.Automation.PSInvalidOperationException",
                crate::engine::messages::render(crate::engine::messages::SS_GET_CONTAINER_CONTENT, &[&display(path)]),
                "GetContainerContentException",
                "InvalidOperation",
            )
            .with_target(Value::string(display(path)));
        cx.write_error(rec)?;
        return Ok(None);
    }
    match std::fs::read(path) {
        Ok(b) => Ok(Some(decode(&b))),
        Err(_) => {
            let rec = path_not_found(cx, &display(path));
            cx.write_error(rec)?;
            Ok(None)
        }
    }
}

/// Text lines the way StreamReader.ReadLine splits them: `\n`, `\r\n` or `\r`; a final line
/// break does not start another line.
pub fn split_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push(std::mem::take(&mut cur)),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(std::mem::take(&mut cur));
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn paths_param(cx: &Cx) -> (Vec<String>, bool) {
    if cx.has("LiteralPath") { (cx.strings("LiteralPath"), true) } else { (cx.strings("Path"), false) }
}

// ───────────────────────────── Get-Content ─────────────────────────────

pub fn get_content(cx: &mut Cx) -> R {
    reject(cx, &["Filter", "Include", "Exclude", "Credential", "Wait", "Stream"])?;
    let (paths, literal) = paths_param(cx);
    let files = resolve_existing(cx, &paths, literal)?;
    let total = cx.int("TotalCount").filter(|n| *n >= 0);
    let tail = cx.int("Tail").filter(|n| *n >= 0);
    let read_count = cx.int("ReadCount").unwrap_or(1);
    for f in files {
        if cx.switch("AsByteStream") {
            if f.is_dir() {
                let _ = read_text(cx, &f)?;
                continue;
            }
            let bytes = std::fs::read(&f).unwrap_or_default();
            let mut items: Vec<Value> = bytes.iter().map(|b| Value::Byte(*b)).collect();
            if let Some(n) = total {
                items.truncate(n as usize);
            }
            if cx.switch("Raw") || read_count <= 0 {
                cx.emit(Value::Bytes(Rc::new(items.iter().map(|v| if let Value::Byte(b) = v { *b } else { 0 }).collect())))?;
            } else {
                for v in items {
                    cx.emit(v)?;
                }
            }
            continue;
        }
        let Some(text) = read_text(cx, &f)? else { continue };
        if cx.switch("Raw") {
            if !text.is_empty() {
                cx.emit(Value::string(text))?;
            }
            continue;
        }
        let mut lines: Vec<String> = match cx.string("Delimiter") {
            Some(d) if !d.is_empty() && d != "\n" => {
                let mut out = Vec::new();
                let mut rest = text.as_str();
                while let Some(i) = rest.find(&d) {
                    out.push(rest[..i + d.len()].to_string());
                    rest = &rest[i + d.len()..];
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out
            }
            _ => split_lines(&text),
        };
        if let Some(n) = total {
            lines.truncate(n as usize);
        }
        if let Some(n) = tail {
            let start = lines.len().saturating_sub(n as usize);
            lines.drain(..start);
        }
        if read_count == 1 {
            for l in lines {
                cx.emit(Value::string(l))?;
            }
        } else if read_count <= 0 {
            if !lines.is_empty() {
                cx.emit(Value::array(lines.into_iter().map(Value::string).collect()))?;
            }
        } else {
            for chunk in lines.chunks(read_count as usize) {
                cx.emit(Value::array(chunk.iter().map(|l| Value::str(l)).collect()))?;
            }
        }
    }
    Ok(())
}

// ───────────────────────────── Set-Content / Add-Content ─────────────────────────────

/// Set-Content and Add-Content: the values (from `-Value` or the pipeline), written at the end.
#[derive(Default)]
pub struct ContentWriter {
    values: Vec<Value>,
    started: bool,
}

#[derive(Default)]
pub struct SetContent(ContentWriter);
#[derive(Default)]
pub struct AddContent(ContentWriter);

impl Cmdlet for SetContent {
    fn process(&mut self, cx: &mut Cx) -> R {
        self.0.collect(cx)
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        self.0.write(cx, false)
    }
}

impl Cmdlet for AddContent {
    fn process(&mut self, cx: &mut Cx) -> R {
        self.0.collect(cx)
    }
    fn end(&mut self, cx: &mut Cx) -> R {
        self.0.write(cx, true)
    }
}

fn content_line(v: &Value) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        other => format::object_string(other),
    }
}

impl ContentWriter {
    fn collect(&mut self, cx: &mut Cx) -> R {
        reject(cx, &["Filter", "Include", "Exclude", "Credential", "Stream"])?;
        self.started = true;
        if let Some(v) = cx.get("Value") {
            match v {
                Value::Array(_) | Value::List(_) => self.values.extend(v.enumerate().unwrap_or_default()),
                Value::Null if cx.has_input => {}
                other => self.values.push(other.clone()),
            }
        }
        Ok(())
    }

    fn write(&mut self, cx: &mut Cx, append: bool) -> R {
        let (paths, literal) = paths_param(cx);
        let (action, cmd_id) = if append { ("Add Content", "AddContent") } else { ("Set Content", "SetContent") };
        for raw in paths {
            let abs = absolute(&raw);
            let targets: Vec<PathBuf> = if !literal && has_wildcard(&raw) {
                let g = glob(&abs);
                if g.is_empty() {
                    let rec = path_not_found(cx, &display(&abs));
                    cx.write_error(rec)?;
                }
                g
            } else {
                vec![abs]
            };
            for path in targets {
                if !cx.should_process(&format!("Path: {}", display(&path)), action) {
                    continue;
                }
                if path.parent().is_some_and(|d| !d.exists()) {
                    let rec = part_not_found(cx, &path, "GetContentWriterDirectoryNotFoundError", "ObjectNotFound");
                    cx.write_error(rec)?;
                    continue;
                }
                if path.is_dir() {
                    let rec = cx
                        .error(
                            "System.UnauthorizedAccessException",
                            format!("Access to the path '{}' is denied.", display(&path)),
                            "GetContentWriterUnauthorizedAccessError",
                            "PermissionDenied",
                        )
                        .with_target(Value::string(display(&path)));
                    cx.write_error(rec)?;
                    continue;
                }
                let bytes: Vec<u8> = if cx.switch("AsByteStream") {
                    self.values.iter().filter_map(|v| crate::engine::convert::to_num(v).map(|n| n.to_f64() as u8)).collect()
                } else {
                    let mut text = String::new();
                    for v in &self.values {
                        text.push_str(&content_line(v));
                        if !cx.switch("NoNewline") {
                            text.push('\n');
                        }
                    }
                    let mut b = super::output::encode_text(cx, &text)?;
                    if append && path.metadata().map(|m| m.len() > 0).unwrap_or(false) {
                        strip_bom(&mut b);
                    }
                    b
                };
                let r = if append {
                    use std::io::Write;
                    std::fs::OpenOptions::new().create(true).append(true).open(&path).and_then(|mut f| f.write_all(&bytes))
                } else {
                    std::fs::write(&path, &bytes)
                };
                if let Err(e) = r {
                    let rec =
                        cx.error("System.IO.IOException", e.to_string(), &format!("{cmd_id}IOError"), "WriteError").with_target(Value::string(display(&path)));
                    cx.write_error(rec)?;
                }
            }
        }
        if cx.switch("PassThru") {
            for v in std::mem::take(&mut self.values) {
                cx.emit(v)?;
            }
        }
        Ok(())
    }
}

// ───────────────────────────── Test-Path / Join-Path / Split-Path / Resolve-Path ─────────────────────────────

fn modified(p: &Path) -> Option<crate::engine::datetime::DateTime> {
    let m = p.metadata().ok()?.modified().ok()?;
    let secs = m.duration_since(std::time::UNIX_EPOCH).ok()?;
    let d = crate::engine::datetime::DateTime::from_unix_seconds(secs.as_secs() as i64, crate::engine::datetime::DateKind::Local);
    d.add_ticks((secs.subsec_nanos() / 100) as i64)
}

pub fn test_path(cx: &mut Cx) -> R {
    reject(cx, &["Filter", "Include", "Exclude", "Credential"])?;
    let (paths, literal) = paths_param(cx);
    let kind = cx.string("PathType").unwrap_or_else(|| "Any".into());
    let older = match cx.get("OlderThan") {
        Some(Value::DateTime(d)) => Some(*d),
        _ => None,
    };
    let newer = match cx.get("NewerThan") {
        Some(Value::DateTime(d)) => Some(*d),
        _ => None,
    };
    if paths.is_empty() {
        return cx.emit(Value::Bool(false));
    }
    for p in paths {
        if p.trim().is_empty() {
            cx.emit(Value::Bool(false))?;
            continue;
        }
        if cx.switch("IsValid") {
            cx.emit(Value::Bool(!p.contains('\0')))?;
            continue;
        }
        let abs = absolute(&p);
        let found = if !literal && has_wildcard(&p) {
            glob(&abs)
        } else if abs.exists() {
            vec![abs]
        } else {
            Vec::new()
        };
        let ok = found.iter().any(|f| {
            let type_ok = match kind.to_ascii_lowercase().as_str() {
                "leaf" => !f.is_dir(),
                "container" => f.is_dir(),
                _ => true,
            };
            let time = modified(f);
            let older_ok = older.is_none_or(|o| time.is_some_and(|t| t.ticks() < o.ticks()));
            let newer_ok = newer.is_none_or(|n| time.is_some_and(|t| t.ticks() > n.ticks()));
            type_ok && older_ok && newer_ok
        });
        cx.emit(Value::Bool(ok))?;
    }
    Ok(())
}

/// Join two path parts with exactly one separator (FileSystemProvider.MakePath).
pub fn join(parent: &str, child: &str) -> String {
    let parent = parent.replace('\\', "/");
    let child = child.replace('\\', "/");
    if child.is_empty() {
        return parent;
    }
    if parent.is_empty() {
        return child;
    }
    format!("{}/{}", parent.trim_end_matches('/'), child.trim_start_matches('/'))
}

pub fn join_path(cx: &mut Cx) -> R {
    reject(cx, &["Credential"])?;
    let child = cx.string("ChildPath").unwrap_or_default();
    let more = cx.strings("AdditionalChildPath");
    for p in cx.strings("Path") {
        let mut out = join(&p, &child);
        for m in &more {
            out = join(&out, m);
        }
        if cx.switch("Resolve") {
            let abs = absolute(&out);
            let found = if has_wildcard(&out) {
                glob(&abs)
            } else if abs.exists() {
                vec![abs.clone()]
            } else {
                Vec::new()
            };
            if found.is_empty() {
                let rec = path_not_found(cx, &display(&abs));
                cx.write_error(rec)?;
            }
            for f in found {
                cx.emit(Value::string(display(&f)))?;
            }
        } else {
            cx.emit(Value::string(out))?;
        }
    }
    Ok(())
}

fn last_sep(p: &str) -> Option<usize> {
    p.rfind(['/', '\\'])
}

/// Split-Path's parts of one path string.
fn split_one(p: &str, part: &str) -> Value {
    let trimmed: &str = if p.len() > 1 { p.trim_end_matches(['/', '\\']) } else { p };
    let trimmed = if trimmed.is_empty() { p } else { trimmed };
    let leaf = match last_sep(trimmed) {
        Some(i) => &trimmed[i + 1..],
        None => trimmed,
    };
    match part {
        "Leaf" => Value::str(leaf),
        "LeafBase" => Value::str(match leaf.rfind('.') {
            Some(i) if i > 0 => &leaf[..i],
            _ => leaf,
        }),
        "Extension" => Value::str(match leaf.rfind('.') {
            Some(i) if i > 0 => &leaf[i..],
            _ => "",
        }),
        "NoQualifier" => Value::str(p),
        "IsAbsolute" => Value::Bool(p.starts_with('/') || p.starts_with('\\') || p.starts_with('~')),
        _ => Value::str(match last_sep(trimmed) {
            Some(0) if trimmed.len() > 1 => &trimmed[..1],
            Some(0) => "",
            Some(i) => &trimmed[..i],
            None => "",
        }),
    }
}

pub fn split_path(cx: &mut Cx) -> R {
    reject(cx, &["Credential"])?;
    let (paths, literal) = paths_param(cx);
    let part = match cx.set_name() {
        "LeafSet" => "Leaf",
        "LeafBaseSet" => "LeafBase",
        "ExtensionSet" => "Extension",
        "QualifierSet" => "Qualifier",
        "NoQualifierSet" => "NoQualifier",
        "IsAbsoluteSet" => "IsAbsolute",
        _ => "Parent",
    };
    let mut inputs: Vec<String> = Vec::new();
    if cx.switch("Resolve") {
        for f in resolve_existing(cx, &paths, literal)? {
            inputs.push(display(&f));
        }
    } else {
        inputs = paths;
    }
    for p in inputs {
        if part == "Qualifier" {
            let rec = cx
                .error(
                    "System.Management.Automation.PSArgumentException",
                    format!("Cannot parse path because path '{p}' does not have a qualifier specified."),
                    "ParsePathError",
                    "InvalidArgument",
                )
                .with_target(Value::string(p.clone()));
            cx.write_error(rec)?;
            continue;
        }
        let v = split_one(&p, part);
        if part == "Parent" && matches!(&v, Value::Str(s) if s.is_empty()) {
            // An empty parent is written only when asked for explicitly.
            cx.emit(v)?;
            continue;
        }
        cx.emit(v)?;
    }
    Ok(())
}

/// A PathInfo object (Resolve-Path output).
pub fn path_info(p: &Path) -> Value {
    let s = display(p);
    let mut o = PsObject::typed("System.Management.Automation.PathInfo");
    o.set("Drive", Value::str("/"));
    o.set("Provider", Value::str("Microsoft.PowerShell.Core\\FileSystem"));
    o.set("ProviderPath", Value::string(s.clone()));
    o.set("Path", Value::string(s.clone()));
    o.display = Some(Rc::from(vec![Rc::from("Path")]));
    o.to_string = Some(Rc::from(s.as_str()));
    o.into_value()
}

fn relative_to(path: &Path, base: &Path) -> String {
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(b.iter()).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = Vec::new();
    for _ in common..b.len() {
        parts.push("..".into());
    }
    for c in &p[common..] {
        parts.push(c.as_os_str().to_string_lossy().into_owned());
    }
    if parts.is_empty() {
        return ".".into();
    }
    if parts[0] == ".." { parts.join("/") } else { format!("./{}", parts.join("/")) }
}

pub fn resolve_path(cx: &mut Cx) -> R {
    reject(cx, &["Credential"])?;
    let (paths, literal) = paths_param(cx);
    let found = resolve_existing(cx, &paths, literal)?;
    let base = cx.string("RelativeBasePath").map(|b| absolute(&b)).unwrap_or_else(cwd);
    for f in found {
        if cx.switch("Relative") {
            cx.emit(Value::string(relative_to(&f, &base)))?;
        } else {
            cx.emit(path_info(&f))?;
        }
    }
    Ok(())
}

// ───────────────────────────── items ─────────────────────────────

fn user_name(uid: u32, file: &str) -> String {
    std::fs::read_to_string(file)
        .ok()
        .and_then(|t| {
            t.lines().find_map(|l| {
                let f: Vec<&str> = l.split(':').collect();
                (f.len() > 2 && f[2] == uid.to_string()).then(|| f[0].to_string())
            })
        })
        .unwrap_or_else(|| uid.to_string())
}

fn unix_mode(mode: u32, dir: bool) -> String {
    let mut s = String::from(if dir { "d" } else { "-" });
    for shift in [6, 3, 0] {
        let bits = (mode >> shift) & 7;
        s.push(if bits & 4 != 0 { 'r' } else { '-' });
        s.push(if bits & 2 != 0 { 'w' } else { '-' });
        s.push(if bits & 1 != 0 { 'x' } else { '-' });
    }
    s
}

/// A FileInfo / DirectoryInfo object with the properties pwsh's FileSystem provider adds.
pub fn file_item(p: &Path) -> Value {
    use std::os::unix::fs::MetadataExt;
    let dir = p.is_dir();
    let meta = p.metadata().ok();
    let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "/".into());
    let parent = p.parent().map(display).unwrap_or_default();
    let full = display(p);
    let mut o = if dir { PsObject::typed("System.IO.DirectoryInfo") } else { PsObject::typed("System.IO.FileInfo") };
    o.type_names = Rc::from(vec![
        Rc::from(if dir { "System.IO.DirectoryInfo" } else { "System.IO.FileInfo" }),
        Rc::from("System.IO.FileSystemInfo"),
        Rc::from("System.MarshalByRefObject"),
        Rc::from("System.Object"),
    ]);
    let mtime = modified(p).map(Value::DateTime).unwrap_or(Value::Null);
    let mode = meta.as_ref().map(|m| m.mode()).unwrap_or(0);
    o.set("PSPath", Value::string(format!("Microsoft.PowerShell.Core\\FileSystem::{full}")));
    o.set("PSParentPath", Value::string(format!("Microsoft.PowerShell.Core\\FileSystem::{parent}")));
    o.set("PSChildName", Value::string(name.clone()));
    o.set("PSIsContainer", Value::Bool(dir));
    o.set("UnixMode", Value::string(unix_mode(mode, dir)));
    o.set("User", Value::string(meta.as_ref().map(|m| user_name(m.uid(), "/etc/passwd")).unwrap_or_default()));
    o.set("Group", Value::string(meta.as_ref().map(|m| user_name(m.gid(), "/etc/group")).unwrap_or_default()));
    o.set("Size", if dir { Value::Null } else { Value::Long(meta.as_ref().map(|m| m.len() as i64).unwrap_or(0)) });
    o.set("Name", Value::string(name.clone()));
    o.set("FullName", Value::string(full.clone()));
    if !dir {
        o.set("Length", Value::Long(meta.as_ref().map(|m| m.len() as i64).unwrap_or(0)));
        o.set("DirectoryName", Value::string(parent.clone()));
        let ext = p.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
        o.set("Extension", Value::string(ext.clone()));
        o.set("BaseName", Value::string(name.strip_suffix(&ext).unwrap_or(&name).to_string()));
    } else {
        o.set("Extension", Value::str(""));
        o.set("BaseName", Value::string(name.clone()));
        o.set("Parent", Value::string(parent.clone()));
    }
    o.set("Exists", Value::Bool(p.exists()));
    o.set("LastWriteTime", mtime);
    o.set("Mode", Value::string(if dir { "d----".into() } else { "-----".into() }));
    o.to_string = Some(Rc::from(full.as_str()));
    o.into_value()
}

pub fn new_item(cx: &mut Cx) -> R {
    reject(cx, &["Credential"])?;
    let kind = cx.string("ItemType").unwrap_or_else(|| "File".into());
    let is_dir = match kind.to_ascii_lowercase().as_str() {
        "file" => false,
        "directory" | "dir" | "container" => true,
        "symboliclink" | "junction" | "hardlink" => return Err(super::not_supported(cx, &format!("Creating a {kind}"))),
        _ => {
            let rec = cx.error(
                "System.Management.Automation.PSArgumentException",
                "The type is not a known type for the file system. Only \"file\",\"directory\" or \"symboliclink\" can be specified.",
                "Argument",
                "InvalidArgument",
            );
            return Err(cx.terminate(rec));
        }
    };
    let force = cx.switch("Force");
    let mut targets: Vec<PathBuf> = Vec::new();
    let paths = cx.strings("Path");
    match cx.string("Name") {
        Some(name) => {
            let bases = if paths.is_empty() { vec![String::from(".")] } else { paths };
            for b in bases {
                targets.push(absolute(&join(&b, &name)));
            }
        }
        None => targets.extend(paths.iter().map(|p| absolute(p))),
    }
    for path in targets {
        let shown = display(&path);
        let action = if is_dir { "Create Directory" } else { "Create File" };
        if !cx.should_process(&format!("Destination: {shown}"), action) {
            continue;
        }
        if is_dir {
            if path.exists() {
                if !force || !path.is_dir() {
                    let rec = cx
                        .error("System.IO.IOException", format!("An item with the specified name {shown} already exists."), "DirectoryExist", "ResourceExists")
                        .with_target(Value::string(shown.clone()));
                    cx.write_error(rec)?;
                    continue;
                }
            } else if let Err(e) = std::fs::create_dir_all(&path) {
                let rec = cx.error("System.IO.IOException", e.to_string(), "CreateDirectoryIOError", "WriteError").with_target(Value::string(shown.clone()));
                cx.write_error(rec)?;
                continue;
            }
            cx.emit(file_item(&path))?;
            continue;
        }
        if path.exists() && !force {
            let rec = cx
                .error("System.IO.IOException", format!("The file '{shown}' already exists."), "NewItemIOError", "WriteError")
                .with_target(Value::string(shown.clone()));
            cx.write_error(rec)?;
            continue;
        }
        if let Some(parent) = path.parent() {
            if !parent.exists() {
                if force {
                    let _ = std::fs::create_dir_all(parent);
                } else {
                    let rec = part_not_found(cx, &path, "NewItemIOError", "WriteError");
                    cx.write_error(rec)?;
                    continue;
                }
            }
        }
        let text = match cx.get("Value") {
            Some(Value::Null) | None => String::new(),
            Some(v) => format::object_string(v),
        };
        if let Err(e) = std::fs::write(&path, text.as_bytes()) {
            let rec = cx.error("System.IO.IOException", e.to_string(), "NewItemIOError", "WriteError").with_target(Value::string(shown.clone()));
            cx.write_error(rec)?;
            continue;
        }
        cx.emit(file_item(&path))?;
    }
    Ok(())
}

pub fn remove_item(cx: &mut Cx) -> R {
    reject(cx, &["Filter", "Include", "Exclude", "Credential", "Stream"])?;
    let (paths, literal) = paths_param(cx);
    let found = resolve_existing(cx, &paths, literal)?;
    for p in found {
        let shown = display(&p);
        let dir = p.is_dir() && !p.is_symlink();
        if !cx.should_process(&shown, if dir { "Remove Directory" } else { "Remove File" }) {
            continue;
        }
        let r = if dir {
            let empty = std::fs::read_dir(&p).map(|mut d| d.next().is_none()).unwrap_or(true);
            if !empty && !cx.switch("Recurse") {
                let rec = cx
                    .error("System.IO.IOException", format!("Directory {shown} cannot be removed because it is not empty."), "DirectoryNotEmpty", "WriteError")
                    .with_target(Value::string(shown.clone()));
                cx.write_error(rec)?;
                continue;
            }
            std::fs::remove_dir_all(&p)
        } else {
            std::fs::remove_file(&p)
        };
        if let Err(e) = r {
            let rec = cx.error("System.IO.IOException", e.to_string(), "RemoveFileSystemItemIOError", "WriteError").with_target(Value::string(shown));
            cx.write_error(rec)?;
        }
    }
    Ok(())
}
