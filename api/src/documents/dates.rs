//! Dates as Indonesian official documents write them: `10 Juli 2025`.

use chrono::{Datelike, NaiveDate};

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
}
