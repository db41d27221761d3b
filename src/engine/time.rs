//! Just enough calendar for opening hours: the time zones of the directory,
//! with their daylight-saving rules. A full time-zone database would cost a
//! person on a slow phone far more bytes than the few zones we need.

/// Minutes since the Unix epoch, UTC.
pub type UtcMinutes = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    None,
    /// EU: from the last Sunday of March to the last Sunday of October, 01:00 UTC.
    Eu,
    /// USA and Canada: from the second Sunday of March to the first Sunday of November, 02:00 local.
    NorthAmerica,
}

const ZONES: &[(&str, i32, Rule)] = &[
    ("Europe/Belgrade", 60, Rule::Eu),
    ("Europe/Vienna", 60, Rule::Eu),
    ("Europe/Berlin", 60, Rule::Eu),
    ("Europe/Ljubljana", 60, Rule::Eu),
    ("Europe/Zagreb", 60, Rule::Eu),
    ("Europe/Budapest", 60, Rule::Eu),
    ("Europe/Bratislava", 60, Rule::Eu),
    ("Europe/Prague", 60, Rule::Eu),
    ("Europe/Rome", 60, Rule::Eu),
    ("Europe/Warsaw", 60, Rule::Eu),
    ("Europe/Malta", 60, Rule::Eu),
    ("Europe/Skopje", 60, Rule::Eu),
    ("Europe/Podgorica", 60, Rule::Eu),
    ("Europe/Amsterdam", 60, Rule::Eu),
    ("Europe/Brussels", 60, Rule::Eu),
    ("Europe/Sarajevo", 60, Rule::Eu),
    ("Europe/Sofia", 120, Rule::Eu),
    ("Europe/Bucharest", 120, Rule::Eu),
    ("Europe/Athens", 120, Rule::Eu),
    ("Europe/Kyiv", 120, Rule::Eu),
    ("Europe/London", 0, Rule::Eu),
    ("Europe/Istanbul", 180, Rule::None),
    ("Europe/Moscow", 180, Rule::None),
    ("Asia/Dubai", 240, Rule::None),
    ("America/New_York", -300, Rule::NorthAmerica),
    ("America/Toronto", -300, Rule::NorthAmerica),
];

pub fn is_known_zone(name: &str) -> bool {
    ZONES.iter().any(|(zone, _, _)| *zone == name)
}

/// The offset from UTC in minutes of a zone at an instant.
pub fn offset(zone: &str, at: UtcMinutes) -> Option<i32> {
    let &(_, standard, rule) = ZONES.iter().find(|(name, _, _)| *name == zone)?;
    let year = civil_from_days(at.div_euclid(1440)).0;
    let summer = match rule {
        Rule::None => false,
        Rule::Eu => {
            let start = days_from_civil(year, 3, last_sunday(year, 3)) * 1440 + 60;
            let end = days_from_civil(year, 10, last_sunday(year, 10)) * 1440 + 60;
            at >= start && at < end
        }
        Rule::NorthAmerica => {
            let start = days_from_civil(year, 3, nth_sunday(year, 3, 2)) * 1440 + 120 - standard as i64;
            let end = days_from_civil(year, 11, nth_sunday(year, 11, 1)) * 1440 + 120 - (standard as i64 + 60);
            at >= start && at < end
        }
    };
    Some(standard + if summer { 60 } else { 0 })
}

/// A local moment: weekday (0 = Monday) and minute of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Local {
    pub weekday: u8,
    pub minute: u16,
}

pub fn local(at: UtcMinutes, offset_minutes: i32) -> Local {
    let t = at + offset_minutes as i64;
    let days = t.div_euclid(1440);
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    Local { weekday: ((days + 3).rem_euclid(7)) as u8, minute: t.rem_euclid(1440) as u16 }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = (month as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// YYYY-MM-DD with a month 01–12 and a day 01–31.
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize, max: u32| s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|n| n >= 1 && n <= max);
    parts.len() == 3 && number(parts[0], 4, 9999) && number(parts[1], 2, 12) && number(parts[2], 2, 31)
}

/// The civil date of a day number: `(year, month, day)`.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if month <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, month, day)
}

/// The UTC date of a time, as `YYYY-MM-DD`.
pub fn date_of(minutes: UtcMinutes) -> String {
    let (year, month, day) = civil_from_days(minutes.div_euclid(1440));
    let two = |n: u32| super::concat(&[if n < 10 { "0" } else { "" }, &super::decimal(n.into())]);
    super::concat(&[
        &super::decimal(year.max(0) as u64),
        "-",
        &two(month),
        "-",
        &two(day),
    ])
}

fn weekday_of(year: i64, month: u32, day: u32) -> i64 {
    (days_from_civil(year, month, day) + 3).rem_euclid(7)
}

fn last_sunday(year: i64, month: u32) -> u32 {
    let last_day = match month {
        3 | 10 => 31,
        _ => 30,
    };
    last_day - ((weekday_of(year, month, last_day) - 6).rem_euclid(7)) as u32
}

fn nth_sunday(year: i64, month: u32, n: u32) -> u32 {
    let first_sunday = 1 + ((6 - weekday_of(year, month, 1)).rem_euclid(7)) as u32;
    first_sunday + 7 * (n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(year: i64, month: u32, day: u32, hour: i64, minute: i64) -> UtcMinutes {
        days_from_civil(year, month, day) * 1440 + hour * 60 + minute
    }

    #[test]
    fn daylight_saving_switches_on_the_right_minute() {
        // EU 2026: 29 March and 25 October, 01:00 UTC.
        assert_eq!(offset("Europe/Belgrade", utc(2026, 3, 29, 0, 59)), Some(60));
        assert_eq!(offset("Europe/Belgrade", utc(2026, 3, 29, 1, 0)), Some(120));
        assert_eq!(offset("Europe/Belgrade", utc(2026, 10, 25, 0, 59)), Some(120));
        assert_eq!(offset("Europe/Belgrade", utc(2026, 10, 25, 1, 0)), Some(60));
        assert_eq!(offset("Europe/London", utc(2026, 7, 1, 12, 0)), Some(60));
        // USA 2026: 8 March 02:00 EST = 07:00 UTC; 1 November 02:00 EDT = 06:00 UTC.
        assert_eq!(offset("America/New_York", utc(2026, 3, 8, 6, 59)), Some(-300));
        assert_eq!(offset("America/New_York", utc(2026, 3, 8, 7, 0)), Some(-240));
        assert_eq!(offset("America/New_York", utc(2026, 11, 1, 5, 59)), Some(-240));
        assert_eq!(offset("America/New_York", utc(2026, 11, 1, 6, 0)), Some(-300));
        assert_eq!(offset("Asia/Dubai", utc(2026, 7, 1, 0, 0)), Some(240));
        assert_eq!(offset("Mars/Olympus", 0), None);
    }

    #[test]
    fn weekdays_and_dates() {
        // 28 November 2026 is a Saturday.
        assert_eq!(local(utc(2026, 11, 28, 12, 30), 0), Local { weekday: 5, minute: 750 });
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
    }
}
