//! The CSV files a runbook feeds to the migration cmdlets, checked where they are: findings
//! point at a line of the CSV file.
//!
//! * The OneDrive/SharePoint identity map (`Add-SPOTenantIdentityMap -IdentityMapPath`): no
//!   header row, six columns, `User`/`Group` rows (RULE 12, validated by the same code the
//!   simulation uses when the map is uploaded), and no apostrophe in user names (RULE 16).
//! * The mailbox migration batch (`New-MigrationBatch -CSVData`): a header with an
//!   `EmailAddress` column, then one address per line.

use std::path::Path;

use crate::lint::Finding;

fn read(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Some(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}

/// 1-based column of `needle` in the line, or 1.
fn column_of(line: &str, needle: &str) -> usize {
    line.find(needle).map(|b| line[..b].chars().count() + 1).unwrap_or(1)
}

/// Does this first line name the columns rather than map an identity?
fn is_header(cols: &[String]) -> bool {
    let first = cols.first().map(|c| c.trim().to_ascii_lowercase()).unwrap_or_default();
    if first == "user" || first == "group" {
        return false;
    }
    let words = ["upn", "objectid", "tenant", "type", "email", "source", "target", "name"];
    cols.iter().any(|c| {
        let c = c.to_ascii_lowercase();
        words.iter().any(|w| c.contains(w)) && !c.contains('@') && !crate::sim::ids::is_guid(&c)
    })
}

pub fn identity_map(path: &Path) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(text) = read(path) else { return out };
    let lines: Vec<&str> = text.lines().collect();
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rec = csv::StringRecord::new();
    let mut first = true;
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {
                let n = rec.position().map(|p| p.line() as usize).unwrap_or(1);
                if rec.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let line = lines.get(n - 1).copied().unwrap_or("");
                let cols: Vec<String> = rec.iter().map(str::to_string).collect();
                if first && is_header(&cols) {
                    out.push(
                        Finding::at_file("IdentityMapCsv", path, n, 1, format!("line {n} is a header row ({}): an identity map has no column headings (RULE 12)", line.trim()))
                            .fix("delete this line; the columns are, in order: User|Group, SourceTenantCompanyID, source UPN or group ID, target UPN or group ID, target e-mail or group name, UserType|GroupType"),
                    );
                    first = false;
                    continue;
                }
                first = false;
                if let Err(reason) = crate::sim::spo::check_identity_map_record(&rec) {
                    let fix = if cols.len() != 6 {
                        "give every line exactly six comma-separated values (no trailing comma, quote values that contain a comma)"
                    } else {
                        "fix this value; Add-SPOTenantIdentityMap rejects the line"
                    };
                    out.push(Finding::at_file("IdentityMapCsv", path, n, 1, format!("{reason} (RULE 12)")).fix(fix));
                    continue;
                }
                if cols.first().is_some_and(|c| c.trim().eq_ignore_ascii_case("User")) {
                    if let Some(upn) = cols.iter().skip(2).take(3).find(|c| c.contains('\'')) {
                        out.push(
                            Finding::at_file(
                                "ApostropheInName",
                                path,
                                n,
                                column_of(line, upn.trim()),
                                format!("'{}' contains an apostrophe: the move of this user fails with \"invalid character\" (RULE 16)", upn.trim()),
                            )
                            .fix("give the user a name without an apostrophe before migrating, or leave the user out of this migration"),
                        );
                    }
                }
            }
            Err(e) => {
                let n = e.position().map(|p| p.line() as usize).unwrap_or(1);
                out.push(Finding::at_file("IdentityMapCsv", path, n, 1, format!("the line is not valid CSV ({e})")));
            }
        }
    }
    out
}

pub fn batch(path: &Path) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(text) = read(path) else { return out };
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let Some((h, header)) = lines.next() else {
        out.push(Finding::at_file("BatchCsv", path, 1, 1, "the batch CSV is empty").fix("first line: EmailAddress; then one target e-mail address per line"));
        return out;
    };
    let cols: Vec<String> = header.split(',').map(|c| c.trim().trim_matches('"').to_string()).collect();
    let Some(email) = cols.iter().position(|c| c.eq_ignore_ascii_case("EmailAddress")) else {
        let looks_like_data = cols.iter().any(|c| c.contains('@'));
        let fix = if looks_like_data { "add the header line EmailAddress above the addresses" } else { "name the column of target addresses EmailAddress" };
        out.push(Finding::at_file("BatchCsv", path, h + 1, 1, format!("the batch CSV has no EmailAddress column (first line: {})", header.trim())).fix(fix));
        return out;
    };
    for (i, line) in lines {
        let value = line.split(',').nth(email).map(|v| v.trim().trim_matches('"')).unwrap_or("");
        if !value.contains('@') {
            out.push(
                Finding::at_file(
                    "BatchCsv",
                    path,
                    i + 1,
                    column_of(line, value),
                    format!("'{value}' is not an e-mail address (the EmailAddress column holds the target addresses)"),
                )
                .fix("put the user's e-mail address in the target tenant here"),
            );
        }
    }
    out
}
