//! The virtual clock: .NET ticks (100 ns since 0001-01-01) in UTC. Nothing in the simulation
//! reads the wall clock.

pub const TICKS_PER_SECOND: i64 = 10_000_000;
pub const TICKS_PER_MINUTE: i64 = 60 * TICKS_PER_SECOND;
pub const TICKS_PER_HOUR: i64 = 60 * TICKS_PER_MINUTE;
pub const TICKS_PER_DAY: i64 = 24 * TICKS_PER_HOUR;
/// Ticks at 1970-01-01T00:00:00Z.
pub const UNIX_EPOCH_TICKS: i64 = 621_355_968_000_000_000;

pub fn from_unix(secs: i64) -> i64 {
    UNIX_EPOCH_TICKS + secs * TICKS_PER_SECOND
}

pub fn to_chrono(ticks: i64) -> Option<chrono::NaiveDateTime> {
    let secs = (ticks - UNIX_EPOCH_TICKS).div_euclid(TICKS_PER_SECOND);
    let nanos = ((ticks - UNIX_EPOCH_TICKS).rem_euclid(TICKS_PER_SECOND) * 100) as u32;
    chrono::DateTime::from_timestamp(secs, nanos).map(|d| d.naive_utc())
}

/// ISO 8601 in UTC, e.g. `2026-11-23T09:00:00Z` (for messages and notifications).
pub fn iso(ticks: i64) -> String {
    match to_chrono(ticks) {
        Some(d) => d.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        None => ticks.to_string(),
    }
}

/// Parse an RFC 3339 / ISO date (`2026-11-23T09:00:00Z`, `2026-11-23`) as UTC ticks.
pub fn parse_iso(s: &str) -> Option<i64> {
    let t = s.trim();
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(t) {
        return Some(from_unix(d.timestamp()) + (d.timestamp_subsec_nanos() / 100) as i64);
    }
    if let Ok(d) = chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S") {
        return Some(from_unix(d.and_utc().timestamp()));
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Some(from_unix(d.and_hms_opt(0, 0, 0)?.and_utc().timestamp()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trips() {
        let t = parse_iso("2026-11-23T09:00:00Z").expect("parses");
        assert_eq!(t, from_unix(crate::sim::DEFAULT_START_UNIX));
        assert_eq!(iso(t), "2026-11-23T09:00:00Z");
        assert_eq!(parse_iso("2026-11-23"), Some(t - 9 * TICKS_PER_HOUR));
    }
}
