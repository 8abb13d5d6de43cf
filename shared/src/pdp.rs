//! Personal-data breaches under UU PDP No. 27/2022: **the rule in one place**.
//!
//! When the team confirms at verification that an incident involves personal data, the affected
//! agency, as data controller, must notify the data subjects and the supervising authority in
//! writing within 3 x 24 hours (Art. 46). The platform runs that clock from verification, in real
//! hours (not working days), and stops it when the PSE has told the CSIRT both dates.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The controller's deadline: 3 x 24 hours.
pub const NOTIFY_WITHIN_HOURS: i64 = 72;

/// When the 72 hours end for an incident verified at `verified_at`.
pub fn due_at(verified_at: DateTime<Utc>) -> DateTime<Utc> {
    verified_at + Duration::hours(NOTIFY_WITHIN_HOURS)
}

/// When a ticket was verified, from its deadline (the deadline is what is stored).
pub fn verified_at(due_at: DateTime<Utc>) -> DateTime<Utc> {
    due_at - Duration::hours(NOTIFY_WITHIN_HOURS)
}

/// The PDP clock of a ticket, as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PdpStatus {
    /// Verification: when the 72 hours started.
    pub started_at: DateTime<Utc>,
    /// 72 hours after `started_at`.
    pub due_at: DateTime<Utc>,
    /// When the PSE said it notified the data subjects.
    pub subjects_notified_at: Option<DateTime<Utc>>,
    /// When the PSE said it notified the supervising authority.
    pub authority_notified_at: Option<DateTime<Utc>>,
    /// When both dates were on record: the clock stopped.
    pub confirmed_at: Option<DateTime<Utc>>,
    /// The 72 hours passed without a confirmation.
    pub overdue: bool,
    /// Both notifications took place by `due_at` (absent until both are known).
    pub notified_in_time: Option<bool>,
}

impl PdpStatus {
    /// The clock at `now` from what a ticket stores.
    pub fn at(
        due_at: DateTime<Utc>,
        subjects_notified_at: Option<DateTime<Utc>>,
        authority_notified_at: Option<DateTime<Utc>>,
        confirmed_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> PdpStatus {
        let notified_in_time = match (subjects_notified_at, authority_notified_at) {
            (Some(s), Some(a)) => Some(s <= due_at && a <= due_at),
            _ => None,
        };
        PdpStatus {
            started_at: verified_at(due_at),
            due_at,
            subjects_notified_at,
            authority_notified_at,
            confirmed_at,
            overdue: confirmed_at.is_none() && now > due_at,
            notified_in_time,
        }
    }
}

/// The notification dates a PSE gave the team by phone or letter, recorded by staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"subjects_notified_at": "2026-12-08T10:00:00+08:00", "authority_notified_at": "2026-12-08T11:30:00+08:00"})))]
#[serde(deny_unknown_fields)]
pub struct PdpNotices {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subjects_notified_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority_notified_at: Option<DateTime<Utc>>,
}

/// The queue's PDP filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PdpFilter {
    /// Every ticket confirmed at verification as involving personal data.
    Any,
    /// Those whose 72 hours passed without the PSE's confirmation.
    Overdue,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).map(|d| d.with_timezone(&Utc)).unwrap_or_default()
    }

    #[test]
    fn the_clock_runs_72_real_hours_from_verification() {
        let verified = at("2026-12-04T16:30:00Z"); // a Friday evening: weekends count
        assert_eq!(due_at(verified), at("2026-12-07T16:30:00Z"));
        assert_eq!(verified_at(due_at(verified)), verified);
    }

    #[test]
    fn overdue_only_without_a_confirmation_after_the_deadline() {
        let due = at("2026-12-07T16:30:00Z");
        assert!(!PdpStatus::at(due, None, None, None, at("2026-12-07T16:29:59Z")).overdue);
        assert!(PdpStatus::at(due, None, None, None, at("2026-12-07T16:30:01Z")).overdue);
        let late = at("2026-12-08T00:00:00Z");
        let s = PdpStatus::at(due, Some(at("2026-12-06T10:00:00Z")), None, None, late);
        assert!(s.overdue, "one date is not a confirmation");
        assert_eq!(s.notified_in_time, None);
        let s = PdpStatus::at(due, Some(at("2026-12-06T10:00:00Z")), Some(late), Some(late), late);
        assert!(!s.overdue);
        assert_eq!(s.notified_in_time, Some(false), "the authority heard after the deadline");
    }
}
