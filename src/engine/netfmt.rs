//! .NET composite and custom formatting: the `-f` operator, `[string]::Format`, `ToString("N2")`,
//! `Get-Date -Format 'yyyy-MM-dd'`. Culture is en-US / invariant (they agree on these formats).

use crate::engine::convert::{format_double, to_display_string, to_num};
use crate::engine::datetime::DateTime;
use crate::engine::value::Value;

/// `"{0,-10:N2}" -f $x`
pub fn format(fmt: &str, args: &[Value]) -> Result<Value, String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let bad = || "Input string was not in a correct format.".to_string();
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if i + 1 < chars.len() && chars[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            let mut j = i + 1;
            let mut inner = String::new();
            while j < chars.len() && chars[j] != '}' {
                inner.push(chars[j]);
                j += 1;
            }
            if j >= chars.len() {
                return Err(bad());
            }
            let (head, spec) = match inner.split_once(':') {
                Some((h, s)) => (h.to_string(), Some(s.to_string())),
                None => (inner.clone(), None),
            };
            let (idx, align) = match head.split_once(',') {
                Some((a, b)) => (a.trim().to_string(), Some(b.trim().parse::<i64>().map_err(|_| bad())?)),
                None => (head.trim().to_string(), None),
            };
            let idx: usize = idx.parse().map_err(|_| bad())?;
            let Some(arg) = args.get(idx) else {
                return Err("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.".into());
            };
            let text = match &spec {
                Some(sp) => format_value(arg, sp)?,
                None => match arg {
                    Value::Double(d) => format_double(*d),
                    Value::DateTime(d) => crate::engine::format::datetime_general(*d),
                    other => to_display_string(other),
                },
            };
            let text = match align {
                Some(w) if w > 0 && (text.chars().count() as i64) < w => format!("{}{}", " ".repeat((w - text.chars().count() as i64) as usize), text),
                Some(w) if w < 0 && (text.chars().count() as i64) < -w => format!("{}{}", text, " ".repeat((-w - text.chars().count() as i64) as usize)),
                _ => text,
            };
            out.push_str(&text);
            i = j + 1;
            continue;
        }
        if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(bad());
        }
        out.push(c);
        i += 1;
    }
    Ok(Value::string(out))
}

/// Format one value with a format specifier.
pub fn format_value(v: &Value, spec: &str) -> Result<String, String> {
    match v {
        Value::DateTime(d) => Ok(format_datetime(*d, spec)),
        Value::TimeSpan(t) => Ok(format_timespan(*t, spec)),
        Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Decimal(_) | Value::Byte(_) => format_number(v, spec),
        Value::Guid(g) => Ok(match spec {
            "N" | "n" => crate::engine::value::format_guid(g).replace('-', ""),
            "B" | "b" => format!("{{{}}}", crate::engine::value::format_guid(g)),
            _ => crate::engine::value::format_guid(g),
        }),
        other => Ok(to_display_string(other)),
    }
}

fn group_thousands(int_part: &str) -> String {
    let neg = int_part.starts_with('-');
    let digits = int_part.trim_start_matches('-');
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if neg { format!("-{out}") } else { out }
}

fn fixed(x: f64, decimals: usize) -> String {
    // .NET rounds half away from zero for formatting.
    let m = 10f64.powi(decimals as i32);
    let r = (x * m).abs();
    let r = (r + 1e-9 * r.max(1.0)).round() / m * x.signum();
    format!("{:.*}", decimals, r)
}

/// Standard and custom numeric format strings.
pub fn format_number(v: &Value, spec: &str) -> Result<String, String> {
    let n = to_num(v).ok_or_else(|| "Input string was not in a correct format.".to_string())?;
    let x = n.to_f64();
    let is_int = matches!(v, Value::Int(_) | Value::Long(_) | Value::Byte(_));
    let mut chars = spec.chars();
    let letter = chars.next().unwrap_or('G');
    let rest: String = chars.collect();
    let precision: Option<usize> = if rest.is_empty() { None } else { rest.parse().ok() };
    if !rest.is_empty() && precision.is_none() || spec.len() > 3 && precision.is_none() {
        return Ok(custom_number(x, spec));
    }
    Ok(match letter {
        'N' | 'n' => {
            let s = fixed(x, precision.unwrap_or(2));
            let (ip, fp) = s.split_once('.').map(|(a, b)| (a.to_string(), Some(b.to_string()))).unwrap_or((s.clone(), None));
            match fp {
                Some(f) => format!("{}.{}", group_thousands(&ip), f),
                None => group_thousands(&ip),
            }
        }
        'F' | 'f' => fixed(x, precision.unwrap_or(2)),
        'D' | 'd' => {
            if !is_int {
                return Err("Format specifier was invalid.".into());
            }
            let i = x as i64;
            let w = precision.unwrap_or(0);
            if i < 0 { format!("-{:0w$}", -i, w = w) } else { format!("{:0w$}", i, w = w) }
        }
        'X' | 'x' => {
            if !is_int {
                return Err("Format specifier was invalid.".into());
            }
            let i = x as i64;
            let w = precision.unwrap_or(0);
            let s = match v {
                Value::Int(i32v) => format!("{:0w$X}", *i32v as u32, w = w),
                _ => format!("{:0w$X}", i, w = w),
            };
            if letter == 'x' { s.to_lowercase() } else { s }
        }
        'P' | 'p' => {
            let s = fixed(x * 100.0, precision.unwrap_or(2));
            let (ip, fp) = s.split_once('.').map(|(a, b)| (a.to_string(), Some(b.to_string()))).unwrap_or((s.clone(), None));
            match fp {
                Some(f) => format!("{}.{}%", group_thousands(&ip), f),
                None => format!("{}%", group_thousands(&ip)),
            }
        }
        'C' | 'c' => {
            let s = fixed(x.abs(), precision.unwrap_or(2));
            let (ip, fp) = s.split_once('.').map(|(a, b)| (a.to_string(), Some(b.to_string()))).unwrap_or((s.clone(), None));
            let body = match fp {
                Some(f) => format!("${}.{}", group_thousands(&ip), f),
                None => format!("${}", group_thousands(&ip)),
            };
            if x < 0.0 { format!("-{body}") } else { body }
        }
        'E' | 'e' => {
            let p = precision.unwrap_or(6);
            let s = format!("{:.*e}", p, x);
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            let ev: i32 = e.parse().unwrap_or(0);
            format!("{}{}{}{:03}", m, if letter == 'E' { 'E' } else { 'e' }, if ev < 0 { '-' } else { '+' }, ev.abs())
        }
        'G' | 'g' | 'R' | 'r' => match precision {
            Some(p) if !is_int => {
                let s = format!("{:.*e}", p.saturating_sub(1), x);
                let f: f64 = s.parse().unwrap_or(x);
                format_double(f)
            }
            _ => {
                if is_int {
                    to_display_string(v)
                } else {
                    format_double(x)
                }
            }
        },
        _ => custom_number(x, spec),
    })
}

/// Custom numeric formats: `0.00`, `#,##0`, `000`, `0.#`, `0%`.
fn custom_number(x: f64, spec: &str) -> String {
    let percent = spec.contains('%');
    let x = if percent { x * 100.0 } else { x };
    let (int_spec, frac_spec) = match spec.split_once('.') {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (spec.to_string(), String::new()),
    };
    let frac_zeros = frac_spec.chars().filter(|c| *c == '0').count();
    let frac_hashes = frac_spec.chars().filter(|c| *c == '#').count();
    let max_frac = frac_zeros + frac_hashes;
    let s = fixed(x.abs(), max_frac);
    let (ip, fp) = s.split_once('.').map(|(a, b)| (a.to_string(), b.to_string())).unwrap_or((s.clone(), String::new()));
    let mut fp = fp;
    while fp.len() > frac_zeros && fp.ends_with('0') {
        fp.pop();
    }
    let min_int = int_spec.chars().filter(|c| *c == '0').count();
    let mut ip = ip;
    if ip == "0" && min_int == 0 {
        ip.clear();
    }
    while ip.len() < min_int {
        ip.insert(0, '0');
    }
    if int_spec.contains(',') {
        ip = group_thousands(&ip);
    }
    let mut out = String::new();
    if x < 0.0 && (ip.chars().any(|c| c != '0' && c != ',') || fp.chars().any(|c| c != '0')) {
        out.push('-');
    }
    // Literal text before/after the digit placeholders.
    let prefix: String = int_spec.chars().take_while(|c| !matches!(c, '0' | '#' | ',')).collect();
    out.push_str(&prefix);
    out.push_str(&ip);
    if !fp.is_empty() {
        out.push('.');
        out.push_str(&fp);
    }
    let suffix: String = frac_spec.chars().skip_while(|c| matches!(c, '0' | '#')).collect::<String>();
    let suffix = if frac_spec.is_empty() {
        int_spec.chars().rev().take_while(|c| !matches!(c, '0' | '#' | ',')).collect::<Vec<_>>().into_iter().rev().collect::<String>()
    } else {
        suffix
    };
    out.push_str(&suffix);
    out
}

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// .NET DateTime format strings (standard and custom).
pub fn format_datetime(d: DateTime, spec: &str) -> String {
    use chrono::{Datelike, Timelike};
    let n = d.to_naive();
    match spec {
        "d" => return n.format("%-m/%-d/%Y").to_string(),
        "D" => return n.format("%A, %B %-d, %Y").to_string(),
        "t" => return n.format("%-I:%M %p").to_string(),
        "T" => return n.format("%-I:%M:%S %p").to_string(),
        "g" => return n.format("%-m/%-d/%Y %-I:%M %p").to_string(),
        "G" => return n.format("%-m/%-d/%Y %-I:%M:%S %p").to_string(),
        "f" => return n.format("%A, %B %-d, %Y %-I:%M %p").to_string(),
        "F" => return n.format("%A, %B %-d, %Y %-I:%M:%S %p").to_string(),
        "s" => return n.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "u" => return n.format("%Y-%m-%d %H:%M:%SZ").to_string(),
        "U" => return n.format("%A, %B %-d, %Y %-I:%M:%S %p").to_string(),
        "o" | "O" => {
            let frac = d.ticks() % crate::engine::datetime::TICKS_PER_SECOND;
            let tz = match d.kind() {
                crate::engine::datetime::DateKind::Utc => "Z",
                crate::engine::datetime::DateKind::Local => "+00:00",
                crate::engine::datetime::DateKind::Unspecified => "",
            };
            return format!("{}.{:07}{}", n.format("%Y-%m-%dT%H:%M:%S"), frac, tz);
        }
        "r" | "R" => return n.format("%a, %d %b %Y %H:%M:%S GMT").to_string(),
        "M" | "m" => return n.format("%B %-d").to_string(),
        "Y" | "y" => return n.format("%B %Y").to_string(),
        _ => {}
    }
    let chars: Vec<char> = spec.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut run = 1;
        while i + run < chars.len() && chars[i + run] == c {
            run += 1;
        }
        match c {
            'y' => {
                let y = n.year();
                out.push_str(&match run {
                    1 => (y % 100).to_string(),
                    2 => format!("{:02}", y % 100),
                    _ => format!("{:0w$}", y, w = run),
                });
            }
            'M' => out.push_str(&match run {
                1 => n.month().to_string(),
                2 => format!("{:02}", n.month()),
                3 => MONTHS[n.month0() as usize][..3].to_string(),
                _ => MONTHS[n.month0() as usize].to_string(),
            }),
            'd' => out.push_str(&match run {
                1 => n.day().to_string(),
                2 => format!("{:02}", n.day()),
                3 => DAYS[n.weekday().num_days_from_monday() as usize][..3].to_string(),
                _ => DAYS[n.weekday().num_days_from_monday() as usize].to_string(),
            }),
            'H' => out.push_str(&if run == 1 { n.hour().to_string() } else { format!("{:02}", n.hour()) }),
            'h' => {
                let h = n.hour() % 12;
                let h = if h == 0 { 12 } else { h };
                out.push_str(&if run == 1 { h.to_string() } else { format!("{h:02}") });
            }
            'm' => out.push_str(&if run == 1 { n.minute().to_string() } else { format!("{:02}", n.minute()) }),
            's' => out.push_str(&if run == 1 { n.second().to_string() } else { format!("{:02}", n.second()) }),
            'f' | 'F' => {
                let frac = format!("{:07}", d.ticks() % crate::engine::datetime::TICKS_PER_SECOND);
                let mut t = frac[..run.min(7)].to_string();
                if c == 'F' {
                    while t.ends_with('0') {
                        t.pop();
                    }
                }
                out.push_str(&t);
            }
            't' => {
                let ampm = if n.hour() < 12 { "AM" } else { "PM" };
                out.push_str(if run == 1 { &ampm[..1] } else { ampm });
            }
            'z' => out.push_str(match run {
                1 => "+0",
                2 => "+00",
                _ => "+00:00",
            }),
            'K' => out.push_str(match d.kind() {
                crate::engine::datetime::DateKind::Utc => "Z",
                crate::engine::datetime::DateKind::Local => "+00:00",
                _ => "",
            }),
            '\'' | '"' => {
                let q = c;
                let mut j = i + 1;
                while j < chars.len() && chars[j] != q {
                    out.push(chars[j]);
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            '\\' => {
                if i + 1 < chars.len() {
                    out.push(chars[i + 1]);
                }
                i += 2;
                continue;
            }
            other => {
                for _ in 0..run {
                    out.push(other);
                }
            }
        }
        i += run;
    }
    out
}

/// `[datetime]::ParseExact(s, fmt, $null)` for the common custom formats.
pub fn parse_exact(s: &str, fmt: &str) -> Option<DateTime> {
    let mapped = fmt.replace("yyyy", "%Y").replace("MM", "%m").replace("dd", "%d").replace("HH", "%H").replace("mm", "%M").replace("ss", "%S");
    if let Ok(n) = chrono::NaiveDateTime::parse_from_str(s, &mapped) {
        return Some(DateTime::from_naive(n, crate::engine::datetime::DateKind::Unspecified));
    }
    chrono::NaiveDate::parse_from_str(s, &mapped)
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|n| DateTime::from_naive(n, crate::engine::datetime::DateKind::Unspecified))
}

/// TimeSpan custom formats (`hh\:mm\:ss`, `c`, `g`).
pub fn format_timespan(t: i64, spec: &str) -> String {
    use crate::engine::datetime::{TICKS_PER_DAY, TICKS_PER_SECOND};
    if spec == "c" || spec.is_empty() {
        return crate::engine::convert::format_timespan(t);
    }
    let a = t.abs();
    let days = a / TICKS_PER_DAY;
    let h = (a / (3600 * TICKS_PER_SECOND)) % 24;
    let m = (a / (60 * TICKS_PER_SECOND)) % 60;
    let s = (a / TICKS_PER_SECOND) % 60;
    if spec == "g" {
        return format!("{}{}:{:02}:{:02}", if days > 0 { format!("{days}:") } else { String::new() }, h, m, s);
    }
    let chars: Vec<char> = spec.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut run = 1;
        while i + run < chars.len() && chars[i + run] == c {
            run += 1;
        }
        match c {
            'd' => out.push_str(&format!("{:0w$}", days, w = run)),
            'h' => out.push_str(&format!("{:0w$}", h, w = run.min(2))),
            'm' => out.push_str(&format!("{:0w$}", m, w = run.min(2))),
            's' => out.push_str(&format!("{:0w$}", s, w = run.min(2))),
            'f' => out.push_str(&format!("{:07}", a % TICKS_PER_SECOND)[..run.min(7)]),
            '\\' => {
                if i + 1 < chars.len() {
                    out.push(chars[i + 1]);
                }
                i += 2;
                continue;
            }
            '\'' => {
                let mut j = i + 1;
                while j < chars.len() && chars[j] != '\'' {
                    out.push(chars[j]);
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            other => {
                for _ in 0..run {
                    out.push(other);
                }
            }
        }
        i += run;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composite_formatting() {
        let r = format(
            "{0} has {1:N0} items ({2:P1}) [{3,5}] [{4,-4}]|",
            &[Value::str("x"), Value::Int(12345), Value::Double(0.256), Value::Int(7), Value::str("ab")],
        )
        .unwrap();
        assert_eq!(to_display_string(&r), "x has 12,345 items (25.6%) [    7] [ab  ]|");
        assert_eq!(format_number(&Value::Double(1234.5678), "N2").unwrap(), "1,234.57");
        assert_eq!(format_number(&Value::Int(5), "D3").unwrap(), "005");
        assert_eq!(format_number(&Value::Int(255), "X").unwrap(), "FF");
        assert_eq!(format_number(&Value::Double(2.5), "0.00").unwrap(), "2.50");
        assert_eq!(format_number(&Value::Double(1234567.0), "#,##0").unwrap(), "1,234,567");
    }

    #[test]
    fn date_formats() {
        let d = DateTime::from_ymd_hms(2026, 11, 23, 16, 5, 9, crate::engine::datetime::DateKind::Utc).unwrap();
        assert_eq!(format_datetime(d, "yyyy-MM-dd HH:mm:ss"), "2026-11-23 16:05:09");
        assert_eq!(format_datetime(d, "yyyyMMdd-HHmm"), "20261123-1605");
        assert_eq!(format_datetime(d, "o"), "2026-11-23T16:05:09.0000000Z");
        assert_eq!(format_datetime(d, "dddd MMM d h:mm tt"), "Monday Nov 23 4:05 PM");
    }
}
