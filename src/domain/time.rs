//! Calendar arithmetic, ISO 8601 parsing and Indonesia's three time zones, in plain integers.
//!
//! Instants are milliseconds since the Unix epoch (UTC). Civil dates are days since 1970-01-01.
//! No time-zone tables are needed: Indonesia's zones have fixed offsets and no daylight saving
//! (Keppres 41/1987).

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;
/// Milliseconds in a minute.
pub const MINUTE_MS: i64 = 60_000;

/// One of Indonesia's three official time zones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zone {
    /// Waktu Indonesia Barat, UTC+07:00.
    Wib,
    /// Waktu Indonesia Tengah, UTC+08:00.
    Wita,
    /// Waktu Indonesia Timur, UTC+09:00.
    Wit,
}

impl Zone {
    /// All zones, west to east.
    pub const ALL: [Zone; 3] = [Zone::Wib, Zone::Wita, Zone::Wit];

    /// Offset from UTC in minutes.
    pub fn offset_minutes(self) -> i32 {
        match self {
            Zone::Wib => 420,
            Zone::Wita => 480,
            Zone::Wit => 540,
        }
    }

    /// The abbreviation readers know ("WIB").
    pub fn abbr(self) -> &'static str {
        match self {
            Zone::Wib => "WIB",
            Zone::Wita => "WITA",
            Zone::Wit => "WIT",
        }
    }

    /// An IANA zone with the same offset, for `Intl.DateTimeFormat`'s `timeZone` option.
    pub fn iana(self) -> &'static str {
        match self {
            Zone::Wib => "Asia/Jakarta",
            Zone::Wita => "Asia/Makassar",
            Zone::Wit => "Asia/Jayapura",
        }
    }

    /// Parses `WIB`, `WITA` or `WIT`, ignoring case and surrounding spaces.
    pub fn parse(s: &str) -> Option<Zone> {
        let s = s.trim();
        Zone::ALL.into_iter().find(|z| z.abbr().eq_ignore_ascii_case(s))
    }
}

/// Which clock the countdown shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ZoneChoice {
    /// Wall-clock time in one of Indonesia's zones.
    Fixed(Zone),
    /// The reader's own zone, showing the WIB opening (or the exact instant written) converted.
    #[default]
    Auto,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month, day)` of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// Reads exactly `n` ASCII digits at the start of `s`.
fn digits(s: &[u8], n: usize) -> Option<u32> {
    if s.len() < n || !s[..n].iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(s[..n].iter().fold(0, |acc, b| acc * 10 + u32::from(b - b'0')))
}

/// Parses a calendar date `YYYY-MM-DD` into days since 1970-01-01.
pub fn parse_date(s: &str) -> Option<i64> {
    let b = s.trim().as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(b, 4)?, digits(&b[5..], 2)?, digits(&b[8..], 2)?);
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y as i64, m) {
        return None;
    }
    Some(days_from_civil(y as i64, m, d))
}

/// Parses a wall-clock time `HH:MM` (00:00–23:59) into minutes after midnight.
pub fn parse_hm(s: &str) -> Option<i32> {
    let b = s.trim().as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return None;
    }
    let (h, m) = (digits(b, 2)?, digits(&b[3..], 2)?);
    (h < 24 && m < 60).then_some((h * 60 + m) as i32)
}

/// A date-time as written with its UTC offset, e.g. `2029-02-14T07:00:00+07:00`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTimeOffset {
    /// The written calendar date, as days since 1970-01-01.
    pub day: i64,
    /// The written wall-clock time, in milliseconds after midnight.
    pub ms_of_day: i64,
    /// The written offset from UTC, in minutes.
    pub offset_minutes: i32,
}

impl DateTimeOffset {
    /// The instant this denotes, in milliseconds since the epoch.
    pub fn instant_ms(&self) -> i64 {
        wall_clock_instant(self.day, self.ms_of_day, self.offset_minutes)
    }

    /// Parses ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.fff…]]` followed by `Z` or `±HH:MM` (or `±HHMM`).
    /// The offset is required: a time without one is ambiguous across Indonesia's zones.
    pub fn parse(s: &str) -> Option<DateTimeOffset> {
        let s = s.trim();
        if !s.is_ascii() || s.len() < 17 {
            return None;
        }
        let day = parse_date(&s[..10])?;
        let b = s.as_bytes();
        if !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        let (h, mi) = (digits(&b[11..], 2)?, digits(&b[14..], 2)?);
        if b[13] != b':' || h > 23 || mi > 59 {
            return None;
        }
        let mut ms = i64::from(h * 60 + mi) * MINUTE_MS;
        let mut i = 16;
        if b.get(i) == Some(&b':') {
            let sec = digits(&b[i + 1..], 2)?;
            if sec > 59 {
                return None;
            }
            ms += i64::from(sec) * 1000;
            i += 3;
            if b.get(i) == Some(&b'.') {
                let frac_len = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                if frac_len == 0 {
                    return None;
                }
                let mut frac = 0i64;
                for (k, c) in b[i + 1..i + 1 + frac_len].iter().enumerate().take(3) {
                    frac += i64::from(c - b'0') * [100, 10, 1][k];
                }
                ms += frac;
                i += 1 + frac_len;
            }
        }
        let offset_minutes = match &b[i..] {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), rest @ ..] => {
                let (oh, om) = match rest.len() {
                    5 if rest[2] == b':' => (digits(rest, 2)?, digits(&rest[3..], 2)?),
                    4 => (digits(rest, 2)?, digits(&rest[2..], 2)?),
                    _ => return None,
                };
                if oh > 14 || om > 59 {
                    return None;
                }
                let o = (oh * 60 + om) as i32;
                if *sign == b'-' {
                    -o
                } else {
                    o
                }
            }
            _ => return None,
        };
        Some(DateTimeOffset { day, ms_of_day: ms, offset_minutes })
    }
}

/// The instant of a wall-clock time (`day`, `ms` after midnight) at a UTC offset.
pub fn wall_clock_instant(day: i64, ms: i64, offset_minutes: i32) -> i64 {
    day * DAY_MS + ms - i64::from(offset_minutes) * MINUTE_MS
}

/// The local calendar day (days since 1970-01-01) of an instant at a UTC offset.
pub fn local_day(instant_ms: i64, offset_minutes: i32) -> i64 {
    (instant_ms + i64::from(offset_minutes) * MINUTE_MS).div_euclid(DAY_MS)
}

/// Milliseconds until the next whole wall-clock second, so ticks stay aligned and never drift.
pub fn ms_to_next_second(now_ms: i64) -> i64 {
    1000 - now_ms.rem_euclid(1000)
}

/// Milliseconds until the next whole wall-clock minute (of UTC, which is the minute of every zone
/// the widget knows: their offsets are whole hours or half hours).
pub fn ms_to_next_minute(now_ms: i64) -> i64 {
    MINUTE_MS - now_ms.rem_euclid(MINUTE_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for z in [-800_000, -1, 0, 1, 19_767, 59, 60, 2_932_896] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2024, 2, 14), 19_767);
        assert_eq!(civil_from_days(19_767), (2024, 2, 14));
    }

    #[test]
    fn dates_are_validated() {
        assert_eq!(parse_date("2024-02-29"), Some(days_from_civil(2024, 2, 29)));
        for bad in ["2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "24-02-14", "2024/02/14", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn hours_minutes() {
        assert_eq!(parse_hm("07:00"), Some(420));
        assert_eq!(parse_hm("13:00"), Some(780));
        for bad in ["24:00", "7:00", "07:60", "0700", "aa:bb"] {
            assert_eq!(parse_hm(bad), None, "{bad}");
        }
    }

    #[test]
    fn iso_instants() {
        let wib_open = DateTimeOffset::parse("2024-02-14T07:00:00+07:00").unwrap();
        assert_eq!(wib_open.instant_ms(), 1_707_868_800_000); // 2024-02-14T00:00:00Z
        assert_eq!(DateTimeOffset::parse("2024-02-14T00:00Z").unwrap().instant_ms(), 1_707_868_800_000);
        assert_eq!(DateTimeOffset::parse("2024-02-13T23:00:00.500-01:00").unwrap().instant_ms(), 1_707_868_800_500);
        assert_eq!(DateTimeOffset::parse("2024-02-14T08:00:00+0800").unwrap().instant_ms(), 1_707_868_800_000);
        assert_eq!(DateTimeOffset::parse("2024-02-14t07:00:00.123456+07:00").unwrap().instant_ms(), 1_707_868_800_123);
        for bad in [
            "2024-02-14T07:00:00",
            "2024-02-14",
            "2024-02-14T25:00:00Z",
            "2024-02-14T07:00:61Z",
            "2024-02-14T07:00:00+7",
            "2024-02-14T07:00:00+15:00",
            "2024-02-14T07:00:00.Z",
            "2024-02-30T07:00:00Z",
            "kemarin",
            "2024-02-14T07:00:00+07:00 extra",
            "２０２４-02-14T07:00:00Z",
        ] {
            assert_eq!(DateTimeOffset::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn zones() {
        assert_eq!(Zone::parse(" wita "), Some(Zone::Wita));
        assert_eq!(Zone::parse("WIT"), Some(Zone::Wit));
        assert_eq!(Zone::parse("UTC"), None);
        // 07.00 in each zone, in UTC: WIB 00.00, WITA 23.00 the day before, WIT 22.00 the day before.
        let day = days_from_civil(2024, 2, 14);
        assert_eq!(wall_clock_instant(day, 420 * MINUTE_MS, Zone::Wib.offset_minutes()), 1_707_868_800_000);
        assert_eq!(wall_clock_instant(day, 420 * MINUTE_MS, Zone::Wita.offset_minutes()), 1_707_868_800_000 - 3_600_000);
        assert_eq!(wall_clock_instant(day, 420 * MINUTE_MS, Zone::Wit.offset_minutes()), 1_707_868_800_000 - 7_200_000);
        assert_eq!(local_day(1_707_868_800_000 - 3_600_000, 480), day);
        assert_eq!(local_day(1_707_868_800_000 - 8 * 3_600_000, 480), day);
        assert_eq!(local_day(1_707_868_800_000 - 8 * 3_600_000 - 1, 480), day - 1);
    }

    #[test]
    fn tick_alignment() {
        assert_eq!(ms_to_next_second(1_000), 1000);
        assert_eq!(ms_to_next_second(1_001), 999);
        assert_eq!(ms_to_next_second(1_999), 1);
        assert_eq!(ms_to_next_second(-1), 1);
        assert_eq!(ms_to_next_minute(60_000), 60_000);
        assert_eq!(ms_to_next_minute(60_001), 59_999);
        assert_eq!(ms_to_next_minute(119_999), 1);
    }
}
