//! One clock and one time zone for everything the procedure dates: ticket years, SLA clocks,
//! letter dates, emails, exports and retention. The zone is the deployment's (`TTIS_TIME_ZONE`);
//! Indonesia has three, and none is assumed. Tests use an adjustable clock to move time instead
//! of rewriting rows. Sessions, tokens and rate limits keep the system time ([`super::now`]).

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, FixedOffset, Offset, SubsecRound, Utc};

/// An Indonesian time zone, by the IANA name a deployment configures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    /// The IANA name (`Asia/Makassar`).
    pub name: &'static str,
    /// How Indonesians write it after a time (`WITA`).
    pub label: &'static str,
    /// Minutes east of UTC.
    pub offset_minutes: i32,
}

impl Zone {
    /// The zones of Indonesia: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).
    pub const ALL: [Zone; 4] = [
        Zone { name: "Asia/Jakarta", label: "WIB", offset_minutes: 420 },
        Zone { name: "Asia/Pontianak", label: "WIB", offset_minutes: 420 },
        Zone { name: "Asia/Makassar", label: "WITA", offset_minutes: 480 },
        Zone { name: "Asia/Jayapura", label: "WIT", offset_minutes: 540 },
    ];

    /// The default: the Kutai Kartanegara regency's own zone.
    pub const DEFAULT: Zone = Zone::ALL[2];

    pub fn parse(name: &str) -> Option<Zone> {
        let name = name.trim();
        Zone::ALL.into_iter().find(|z| z.name.eq_ignore_ascii_case(name))
    }

    pub fn offset(&self) -> FixedOffset {
        FixedOffset::east_opt(self.offset_minutes * 60).unwrap_or_else(|| Utc.fix())
    }
}

/// The time, read in the deployment's zone.
#[derive(Clone)]
pub struct Clock {
    zone: Zone,
    /// `None`: the system clock. `Some`: the system clock shifted, for tests.
    shift: Option<Arc<Mutex<Duration>>>,
}

impl Clock {
    pub fn system(zone: Zone) -> Clock {
        Clock { zone, shift: None }
    }

    /// A clock that runs with the system's but can be set and advanced (tests).
    pub fn adjustable(zone: Zone) -> Clock {
        Clock { zone, shift: Some(Arc::new(Mutex::new(Duration::zero()))) }
    }

    /// Now, at the database's precision (microseconds).
    pub fn now(&self) -> DateTime<Utc> {
        let shift = self.shift.as_ref().and_then(|s| s.lock().ok().map(|d| *d)).unwrap_or_else(Duration::zero);
        (Utc::now() + shift).trunc_subsecs(6)
    }

    /// Sets an adjustable clock to `at` (it runs on from there); a system clock ignores it.
    pub fn set(&self, at: DateTime<Utc>) {
        if let Some(shift) = &self.shift
            && let Ok(mut d) = shift.lock()
        {
            *d = at - Utc::now();
        }
    }

    /// Moves an adjustable clock forward; a system clock ignores it.
    pub fn advance(&self, by: Duration) {
        if let Some(shift) = &self.shift
            && let Ok(mut d) = shift.lock()
        {
            *d += by;
        }
    }

    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// A moment as the deployment's people read it.
    pub fn local(&self, at: DateTime<Utc>) -> DateTime<FixedOffset> {
        at.with_timezone(&self.zone.offset())
    }

    /// Now, in the deployment's zone.
    pub fn local_now(&self) -> DateTime<FixedOffset> {
        self.local(self.now())
    }

    /// The moment a local day begins in the deployment's zone.
    pub fn start_of_day(&self, day: chrono::NaiveDate) -> DateTime<Utc> {
        let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
        let offset = Duration::minutes(i64::from(self.zone.offset_minutes));
        midnight.checked_sub_signed(offset).unwrap_or(midnight).and_utc()
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;

    #[test]
    fn the_three_zones_are_known_by_their_iana_names() {
        assert_eq!(Zone::parse("Asia/Jakarta").map(|z| z.label), Some("WIB"));
        assert_eq!(Zone::parse(" asia/makassar ").map(|z| z.label), Some("WITA"));
        assert_eq!(Zone::parse("Asia/Jayapura").map(|z| z.offset_minutes), Some(540));
        assert_eq!(Zone::parse("Europe/Berlin"), None);
        assert_eq!(Zone::parse("Asia/Makassar"), Some(Zone::DEFAULT));
    }

    #[test]
    fn an_adjustable_clock_runs_from_where_it_was_set() {
        let clock = Clock::adjustable(Zone::parse("Asia/Jakarta").unwrap_or(Zone::DEFAULT));
        let at = Utc.with_ymd_and_hms(2026, 12, 31, 23, 30, 0).single().unwrap_or_else(Utc::now);
        clock.set(at);
        let now = clock.now();
        assert!(now >= at && now - at < Duration::seconds(5));
        assert_eq!(clock.local(at).format("%Y-%m-%d %H:%M").to_string(), "2027-01-01 06:30");
        clock.advance(Duration::days(2));
        assert!(clock.now() - at >= Duration::days(2));
        let system = Clock::system(Zone::DEFAULT);
        system.set(at);
        assert!(system.now() - Utc::now() < Duration::seconds(5), "a system clock is not moved");
    }
}
