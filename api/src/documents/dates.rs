//! Dates as Indonesian official documents write them: `10 Juli 2025`.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

pub fn indonesian(date: NaiveDate) -> String {
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
    format!("{} {} {}", date.day(), month, date.year())
}

/// A moment with its time and zone, as letters write it: `1 Januari 2027 pukul 06.30 WIB`.
/// `at` is already in the zone that `zone_label` names.
pub fn indonesian_time(at: DateTime<FixedOffset>, zone_label: &str) -> String {
    format!("{} pukul {} {zone_label}", indonesian(at.date_naive()), at.format("%H.%M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_month_in_indonesian() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        assert_eq!(indonesian(d(2025, 7, 10)), "10 Juli 2025");
        assert_eq!(indonesian(d(2026, 1, 1)), "1 Januari 2026");
        assert_eq!(indonesian(d(2026, 12, 31)), "31 Desember 2026");
    }

    #[test]
    fn writes_a_time_with_its_zone() {
        let Some(wib) = FixedOffset::east_opt(7 * 3600) else { panic!("UTC+7 is an offset") };
        let Ok(at) = DateTime::parse_from_rfc3339("2026-12-31T23:30:00Z") else { panic!("a valid time") };
        assert_eq!(indonesian_time(at.with_timezone(&wib), "WIB"), "1 Januari 2027 pukul 06.30 WIB");
    }
}
