//! System.DateTime: 100 ns ticks since 0001-01-01 plus a kind, packed in 64 bits the way .NET
//! packs them (two kind bits above 62 tick bits), so a `Value` stays 16 bytes.
//!
//! tenantsim's "local" time zone is UTC: runs must be deterministic on any machine, and the
//! migration procedures state their times in UTC anyway.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

pub const TICKS_PER_SECOND: i64 = 10_000_000;
pub const TICKS_PER_MS: i64 = 10_000;
pub const TICKS_PER_DAY: i64 = 86_400 * TICKS_PER_SECOND;
/// Ticks between 0001-01-01 and 1970-01-01.
pub const UNIX_EPOCH_TICKS: i64 = 621_355_968_000_000_000;
pub const MAX_TICKS: i64 = 3_155_378_975_999_999_999;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    Unspecified = 0,
    Utc = 1,
    Local = 2,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub struct DateTime(u64);

impl std::fmt::Debug for DateTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DateTime({} {:?})", self.to_naive().format("%Y-%m-%dT%H:%M:%S%.f"), self.kind())
    }
}

impl DateTime {
    pub fn from_ticks(ticks: i64, kind: DateKind) -> DateTime {
        let t = ticks.clamp(0, MAX_TICKS) as u64;
        DateTime(t | ((kind as u64) << 62))
    }
    pub fn ticks(self) -> i64 {
        (self.0 & ((1u64 << 62) - 1)) as i64
    }
    pub fn kind(self) -> DateKind {
        match self.0 >> 62 {
            1 => DateKind::Utc,
            2 => DateKind::Local,
            _ => DateKind::Unspecified,
        }
    }
    pub fn with_kind(self, kind: DateKind) -> DateTime {
        DateTime::from_ticks(self.ticks(), kind)
    }
    pub fn from_naive(n: NaiveDateTime, kind: DateKind) -> DateTime {
        let secs = n.and_utc().timestamp();
        let sub = n.and_utc().timestamp_subsec_nanos() as i64 / 100;
        DateTime::from_ticks(UNIX_EPOCH_TICKS + secs * TICKS_PER_SECOND + sub, kind)
    }
    pub fn to_naive(self) -> NaiveDateTime {
        let t = self.ticks() - UNIX_EPOCH_TICKS;
        let secs = t.div_euclid(TICKS_PER_SECOND);
        let nanos = (t.rem_euclid(TICKS_PER_SECOND) * 100) as u32;
        chrono::DateTime::from_timestamp(secs, nanos).map(|d| d.naive_utc()).unwrap_or_default()
    }
    pub fn from_ymd_hms(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32, kind: DateKind) -> Option<DateTime> {
        let n = NaiveDate::from_ymd_opt(y, mo, d)?.and_hms_opt(h, mi, s)?;
        Some(DateTime::from_naive(n, kind))
    }
    pub fn add_ticks(self, delta: i64) -> Option<DateTime> {
        let t = self.ticks().checked_add(delta)?;
        if !(0..=MAX_TICKS).contains(&t) {
            return None;
        }
        Some(DateTime::from_ticks(t, self.kind()))
    }
    pub fn year(self) -> i32 {
        self.to_naive().year()
    }
    pub fn month(self) -> u32 {
        self.to_naive().month()
    }
    pub fn day(self) -> u32 {
        self.to_naive().day()
    }
    pub fn hour(self) -> u32 {
        self.to_naive().hour()
    }
    pub fn minute(self) -> u32 {
        self.to_naive().minute()
    }
    pub fn second(self) -> u32 {
        self.to_naive().second()
    }
    pub fn millisecond(self) -> u32 {
        ((self.ticks() % TICKS_PER_SECOND) / TICKS_PER_MS) as u32
    }
    /// Unix seconds, treating Local and Unspecified as UTC (tenantsim's local zone is UTC).
    pub fn unix_seconds(self) -> i64 {
        (self.ticks() - UNIX_EPOCH_TICKS).div_euclid(TICKS_PER_SECOND)
    }
    pub fn from_unix_seconds(secs: i64, kind: DateKind) -> DateTime {
        DateTime::from_ticks(UNIX_EPOCH_TICKS + secs * TICKS_PER_SECOND, kind)
    }
    pub fn date_only(self) -> DateTime {
        DateTime::from_ticks(self.ticks() - self.ticks().rem_euclid(TICKS_PER_DAY), self.kind())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_and_kind_round_trip() {
        let d = DateTime::from_ymd_hms(2026, 11, 23, 16, 32, 5, DateKind::Utc).unwrap();
        assert_eq!(d.kind(), DateKind::Utc);
        assert_eq!((d.year(), d.month(), d.day(), d.hour(), d.minute(), d.second()), (2026, 11, 23, 16, 32, 5));
        assert_eq!(DateTime::from_ticks(d.ticks(), DateKind::Local).kind(), DateKind::Local);
        assert_eq!(DateTime::from_unix_seconds(0, DateKind::Utc).ticks(), UNIX_EPOCH_TICKS);
    }
}
