//! The time standards (*Mutu Baku*) against the clock: when a ticket's current step started, when
//! it is due, and whether it is overdue. One function for the API and the SPA, so both agree to
//! the minute. The clock pauses while the team waits for the reporter (`needs_info`).

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Utc, Weekday};
use serde::{Deserialize, Serialize};

use crate::procedure::{ReportState, SopStep, TimeStandard};

/// Working days and holidays, in the agency's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    /// Minutes east of UTC (WITA, Asia/Makassar: +480).
    pub utc_offset_minutes: i32,
    /// Monday .. Sunday.
    pub working_days: [bool; 7],
    /// National holidays and *cuti bersama*.
    pub holidays: Vec<NaiveDate>,
    /// Office hours, in minutes after local midnight (`[0, 1440)`: the whole day). With office
    /// hours set, minute standards count office time only, and a working-day standard counts from
    /// the next opening when it starts outside them.
    #[serde(default)]
    pub day_start_minutes: u32,
    #[serde(default = "whole_day")]
    pub day_end_minutes: u32,
}

fn whole_day() -> u32 {
    24 * 60
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar {
            utc_offset_minutes: 8 * 60,
            working_days: [true, true, true, true, true, false, false],
            holidays: Vec::new(),
            day_start_minutes: 0,
            day_end_minutes: whole_day(),
        }
    }
}

impl Calendar {
    fn offset(&self) -> FixedOffset {
        FixedOffset::east_opt(self.utc_offset_minutes * 60)
            .unwrap_or(FixedOffset::east_opt(0).unwrap_or_else(|| Utc.fix()))
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let index = match date.weekday() {
            Weekday::Mon => 0,
            Weekday::Tue => 1,
            Weekday::Wed => 2,
            Weekday::Thu => 3,
            Weekday::Fri => 4,
            Weekday::Sat => 5,
            Weekday::Sun => 6,
        };
        self.working_days[index] && !self.holidays.contains(&date)
    }

    fn office_hours(&self) -> bool {
        self.day_start_minutes > 0 || self.day_end_minutes < whole_day()
    }

    /// The local opening and closing time of `date`.
    fn opening(&self, date: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
        let offset = self.offset();
        let at = |minutes: u32| {
            let midnight = offset.from_local_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default()).single();
            midnight.map(|m| m.with_timezone(&Utc) + Duration::minutes(i64::from(minutes))).unwrap_or_default()
        };
        (at(self.day_start_minutes), at(self.day_end_minutes.min(whole_day())))
    }

    /// `t`, or the next moment the office is open.
    fn next_open(&self, t: DateTime<Utc>) -> DateTime<Utc> {
        let mut date = t.with_timezone(&self.offset()).date_naive();
        for _ in 0..3660 {
            if self.is_working_day(date) {
                let (open, close) = self.opening(date);
                if t < close {
                    return t.max(open);
                }
            }
            date = date.succ_opt().unwrap_or(date);
        }
        t
    }

    /// `start` plus a time standard. Without office hours, minutes are wall-clock minutes; with
    /// them, minutes of office time. `n` working days end at the same local time on the n-th
    /// following working day; a start outside working time counts from the next opening.
    pub fn add(&self, start: DateTime<Utc>, standard: TimeStandard) -> DateTime<Utc> {
        let usable = self.working_days.iter().any(|d| *d) && self.day_start_minutes < self.day_end_minutes;
        match standard {
            TimeStandard::Minutes(m) if self.office_hours() && usable => {
                let mut t = self.next_open(start);
                let mut left = Duration::minutes(i64::from(m));
                for _ in 0..3660 {
                    let (_, close) = self.opening(t.with_timezone(&self.offset()).date_naive());
                    if t + left <= close {
                        return t + left;
                    }
                    left -= close - t;
                    t = self.next_open(close);
                }
                t
            }
            TimeStandard::Minutes(m) => start + Duration::minutes(i64::from(m)),
            TimeStandard::WorkingDays(n) if self.office_hours() && usable => {
                let first = self.next_open(start);
                let time = first.with_timezone(&self.offset()).time();
                let mut date = first.with_timezone(&self.offset()).date_naive();
                for _ in 0..n {
                    date = date.succ_opt().unwrap_or(date);
                    while !self.is_working_day(date) {
                        date = date.succ_opt().unwrap_or(date);
                    }
                }
                self.offset()
                    .from_local_datetime(&date.and_time(time))
                    .single()
                    .map(|d| d.with_timezone(&Utc))
                    .unwrap_or(first)
            }
            TimeStandard::WorkingDays(n) => {
                if !self.working_days.iter().any(|d| *d) {
                    return start + Duration::days(i64::from(n));
                }
                let offset = self.offset();
                let mut local = start.with_timezone(&offset);
                if !self.is_working_day(local.date_naive()) {
                    let mut date = local.date_naive();
                    while !self.is_working_day(date) {
                        date = date.succ_opt().unwrap_or(date);
                    }
                    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
                    local = offset.from_local_datetime(&midnight).single().unwrap_or(local);
                }
                let time = local.time();
                let mut date = local.date_naive();
                for _ in 0..n {
                    date = date.succ_opt().unwrap_or(date);
                    while !self.is_working_day(date) {
                        date = date.succ_opt().unwrap_or(date);
                    }
                }
                offset
                    .from_local_datetime(&date.and_time(time))
                    .single()
                    .map(|d| d.with_timezone(&Utc))
                    .unwrap_or(start)
            }
        }
    }
}

use chrono::Offset;

/// One entry of a ticket's state history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entered {
    pub state: ReportState,
    pub at: DateTime<Utc>,
}

/// Where the current step stands against its time standard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StepClock {
    /// The SOP step numbers running now (e.g. `[4]`, or `[5, 6]` while drafted).
    pub steps: Vec<u8>,
    /// When the step's clock started (entering the first state of the step).
    pub started_at: DateTime<Utc>,
    /// The sum of the steps' time standards, in minutes or working days; absent where the SOP sets none.
    pub time_standard: Option<TimeStandard>,
    /// Time spent waiting for the reporter, which does not count.
    pub paused_seconds: i64,
    /// When the step is due (absent without a time standard, or while paused).
    pub due_at: Option<DateTime<Utc>>,
    pub paused: bool,
    pub overdue: bool,
}

/// The SLA policy: the working calendar and each step's time standard (admins change both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaPolicy {
    pub calendar: Calendar,
    /// Steps 1..=9 in order; `None`: the SOP sets no standard for the step.
    pub standards: [Option<TimeStandard>; 9],
}

impl Default for SlaPolicy {
    /// The SOP's *Mutu Baku*.
    fn default() -> Self {
        SlaPolicy { calendar: Calendar::default(), standards: SopStep::ALL.map(SopStep::default_time_standard) }
    }
}

impl SlaPolicy {
    pub fn standard(&self, step: SopStep) -> Option<TimeStandard> {
        self.standards.get(usize::from(step.number()).saturating_sub(1)).copied().flatten()
    }
}

/// The time standard of the steps that run in a state, added up (working days win over minutes
/// when the steps mix them, as the day-long step dominates).
pub fn total_standard(state: ReportState, policy: &SlaPolicy) -> Option<TimeStandard> {
    sum(state.active_steps().iter().map(|s| policy.standard(*s)))
}

/// [`total_standard`] for a ticket of `channel`: only the steps its procedure has.
pub fn total_standard_for(
    state: ReportState,
    policy: &SlaPolicy,
    channel: crate::dto::tickets::Channel,
) -> Option<TimeStandard> {
    sum(crate::procedure::active_steps_for(state, channel).iter().map(|s| policy.standard(*s)))
}

/// The whole procedure's time standard, report to closed ticket (about 2 working days in the
/// SOP's *Mutu Baku*; minutes count only when no step is in working days).
pub fn whole_procedure(policy: &SlaPolicy) -> Option<TimeStandard> {
    sum(crate::SopStep::ALL.iter().map(|s| policy.standard(*s)))
}

fn sum(standards: impl Iterator<Item = Option<TimeStandard>>) -> Option<TimeStandard> {
    let mut minutes = 0u32;
    let mut days = 0u32;
    let mut any = false;
    for standard in standards {
        match standard {
            Some(TimeStandard::Minutes(m)) => {
                minutes += m;
                any = true;
            }
            Some(TimeStandard::WorkingDays(d)) => {
                days += d;
                any = true;
            }
            None => {}
        }
    }
    match (any, days) {
        (false, _) => None,
        (true, 0) => Some(TimeStandard::Minutes(minutes)),
        (true, d) => Some(TimeStandard::WorkingDays(d)),
    }
}

/// How a finished or running step did against its standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SlaStatus {
    /// Within the first 80 % of the standard.
    Green,
    /// Within the standard, past 80 % of it.
    Amber,
    /// Past the standard.
    Red,
    /// No standard, or not started.
    None,
}

/// One row of a ticket's SLA table: the time spent in a step against its standard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StepTime {
    pub step: u8,
    pub time_standard: Option<TimeStandard>,
    pub started_at: Option<DateTime<Utc>>,
    /// When the step ended (none while it runs).
    pub ended_at: Option<DateTime<Utc>>,
    /// Time counted (wall clock, without the pauses for the reporter), in seconds.
    pub elapsed_seconds: i64,
    pub due_at: Option<DateTime<Utc>>,
    pub status: SlaStatus,
}

/// The SLA table of a ticket of `channel`: [`step_times`] without the steps its procedure does
/// not have (`procedure::step_applies`: no Hall of Fame for the platform's own monitoring).
pub fn step_times_for(
    history: &[Entered],
    now: DateTime<Utc>,
    policy: &SlaPolicy,
    channel: crate::dto::tickets::Channel,
) -> Vec<StepTime> {
    step_times(history, now, policy)
        .into_iter()
        .filter(|row| {
            crate::SopStep::ALL
                .iter()
                .find(|s| s.number() == row.step)
                .is_none_or(|s| crate::procedure::step_applies(*s, channel))
        })
        .collect()
}

/// The SLA table of a ticket: each step's time against its standard, from the state history.
/// Steps 1-3 are the reporter's (the form is not timed); step 5 and step 8 are done by the system
/// the moment their state is entered; step 4 excludes the time waiting for the reporter.
pub fn step_times(history: &[Entered], now: DateTime<Utc>, policy: &SlaPolicy) -> Vec<StepTime> {
    let first = |s: ReportState| history.iter().find(|e| e.state == s).map(|e| e.at);
    let last = |s: ReportState| history.iter().rev().find(|e| e.state == s).map(|e| e.at);
    let submitted = history.first().map(|e| e.at);
    let drafted = first(ReportState::Drafted);
    let decided = drafted.or_else(|| first(ReportState::Rejected));
    let awaiting = last(ReportState::AwaitingApproval);
    let approved = last(ReportState::Approved);
    let completed = last(ReportState::Completed);
    // The start of the drafted period that led to the last submission.
    let last_drafted = history
        .iter()
        .rev()
        .skip_while(|e| e.state != ReportState::AwaitingApproval)
        .find(|e| e.state == ReportState::Drafted)
        .map(|e| e.at);
    let paused_before = |end: DateTime<Utc>| -> i64 {
        history
            .iter()
            .enumerate()
            .filter(|(_, e)| e.state.sla_paused() && e.at < end)
            .map(|(i, e)| {
                let until = history.get(i + 1).map(|n| n.at).unwrap_or(now).min(end);
                (until - e.at).num_seconds().max(0)
            })
            .sum()
    };
    let row = |step: SopStep, start: Option<DateTime<Utc>>, end: Option<DateTime<Utc>>, paused: i64| {
        let standard = policy.standard(step);
        let elapsed = match start {
            Some(s) => ((end.unwrap_or(now) - s).num_seconds() - paused).max(0),
            None => 0,
        };
        let due_at = match (start, standard) {
            (Some(s), Some(std)) => Some(policy.calendar.add(s, std) + Duration::seconds(paused)),
            _ => None,
        };
        let status = match (start, due_at) {
            (Some(s), Some(due)) => {
                let at = end.unwrap_or(now) - Duration::seconds(paused);
                let allowed = (due - s - Duration::seconds(paused)).num_seconds().max(1);
                let used = (at - s).num_seconds();
                if at > due - Duration::seconds(paused) {
                    SlaStatus::Red
                } else if used * 5 > allowed * 4 {
                    SlaStatus::Amber
                } else {
                    SlaStatus::Green
                }
            }
            _ => SlaStatus::None,
        };
        StepTime {
            step: step.number(),
            time_standard: standard,
            started_at: start,
            ended_at: if start.is_some() { end } else { None },
            elapsed_seconds: elapsed,
            due_at,
            status,
        }
    };
    SopStep::ALL
        .into_iter()
        .map(|step| match step {
            SopStep::OpenSite | SopStep::FillForm | SopStep::SubmitReport => StepTime {
                step: step.number(),
                time_standard: policy.standard(step),
                started_at: None,
                ended_at: submitted,
                elapsed_seconds: 0,
                due_at: None,
                status: SlaStatus::None,
            },
            SopStep::Verify => {
                row(step, submitted, decided, decided.map(paused_before).unwrap_or_else(|| paused_before(now)))
            }
            SopStep::Draft => row(step, drafted, drafted, 0),
            SopStep::Submit => row(step, last_drafted.or(drafted), awaiting, 0),
            SopStep::Approve => row(step, awaiting, approved, 0),
            SopStep::HallOfFame => row(step, approved, approved, 0),
            SopStep::Send => row(step, approved, completed, 0),
        })
        .collect()
}

/// The clock of the current step of a ticket of `channel`, from the state history (oldest first)
/// and `now`.
pub fn clock_for(
    history: &[Entered],
    now: DateTime<Utc>,
    policy: &SlaPolicy,
    channel: crate::dto::tickets::Channel,
) -> Option<StepClock> {
    let current = history.last()?;
    // Only the steps the ticket's procedure has (no Hall of Fame for the platform's own monitoring).
    let steps = crate::procedure::active_steps_for(current.state, channel);
    if steps.is_empty() {
        return None;
    }
    // Walk back over the states that belong to the same steps (submitted, in_verification and
    // needs_info are all step 4).
    let mut first = history.len() - 1;
    while first > 0 && history[first - 1].state.active_steps() == current.state.active_steps() {
        first -= 1;
    }
    let started_at = history[first].at;
    let mut paused_seconds = 0i64;
    for (i, entry) in history.iter().enumerate().skip(first) {
        if entry.state.sla_paused() {
            let until = history.get(i + 1).map(|n| n.at).unwrap_or(now);
            paused_seconds += (until - entry.at).num_seconds().max(0);
        }
    }
    let paused = current.state.sla_paused();
    let time_standard = sum(steps.iter().map(|s| policy.standard(*s)));
    let due_at = match (time_standard, paused) {
        (Some(standard), false) => Some(policy.calendar.add(started_at, standard) + Duration::seconds(paused_seconds)),
        _ => None,
    };
    Some(StepClock {
        steps: steps.iter().map(|s| s.number()).collect(),
        started_at,
        time_standard,
        paused_seconds,
        due_at,
        paused,
        overdue: due_at.is_some_and(|d| now > d),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dto::tickets::Channel;

    fn wita(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        FixedOffset::east_opt(8 * 3600)
            .and_then(|o| o.with_ymd_and_hms(y, m, d, h, min, 0).single())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn one_working_day_skips_weekends_and_holidays() {
        let cal = Calendar { holidays: vec![date(2026, 8, 17)], ..Calendar::default() };
        // Thursday 10:00 -> Friday 10:00.
        assert_eq!(cal.add(wita(2026, 11, 26, 10, 0), TimeStandard::WorkingDays(1)), wita(2026, 11, 27, 10, 0));
        // Friday 16:00 -> Monday 16:00.
        assert_eq!(cal.add(wita(2026, 11, 27, 16, 0), TimeStandard::WorkingDays(1)), wita(2026, 11, 30, 16, 0));
        // Sunday 16 August 2026 (Independence Day Monday 17th off): Saturday counts from Tuesday 00:00 -> Wednesday 00:00.
        assert_eq!(cal.add(wita(2026, 8, 15, 9, 0), TimeStandard::WorkingDays(1)), wita(2026, 8, 19, 0, 0));
        // Minutes are wall clock.
        assert_eq!(cal.add(wita(2026, 11, 28, 23, 50), TimeStandard::Minutes(30)), wita(2026, 11, 29, 0, 20));
    }

    #[test]
    fn a_step_can_span_the_year_boundary() {
        let cal = Calendar { holidays: vec![date(2026, 12, 25), date(2027, 1, 1)], ..Calendar::default() };
        // Thursday 31 December 2026 15:00, with 1 January a holiday -> Monday 4 January 2027 15:00.
        assert_eq!(cal.add(wita(2026, 12, 31, 15, 0), TimeStandard::WorkingDays(1)), wita(2027, 1, 4, 15, 0));
    }

    #[test]
    fn waiting_for_the_reporter_does_not_count() {
        let cal = SlaPolicy::default();
        let history = [
            Entered { state: ReportState::Submitted, at: wita(2026, 11, 23, 9, 0) },
            Entered { state: ReportState::InVerification, at: wita(2026, 11, 23, 10, 0) },
            Entered { state: ReportState::NeedsInfo, at: wita(2026, 11, 23, 11, 0) },
            Entered { state: ReportState::InVerification, at: wita(2026, 11, 23, 15, 0) },
        ];
        let now = wita(2026, 11, 24, 12, 0);
        let c = clock_for(&history, now, &cal, Channel::Web).unwrap_or_else(|| panic!("clock"));
        assert_eq!(c.steps, vec![4]);
        assert_eq!(c.started_at, wita(2026, 11, 23, 9, 0), "the step started at submission");
        assert_eq!(c.paused_seconds, 4 * 3600);
        assert_eq!(c.due_at, Some(wita(2026, 11, 24, 13, 0)), "one working day plus the 4 hours paused");
        assert!(!c.overdue);
        let later =
            clock_for(&history, wita(2026, 11, 24, 13, 1), &cal, Channel::Web).unwrap_or_else(|| panic!("clock"));
        assert!(later.overdue);

        let paused =
            clock_for(&history[..3], wita(2026, 11, 30, 0, 0), &cal, Channel::Web).unwrap_or_else(|| panic!("clock"));
        assert!(paused.paused && !paused.overdue && paused.due_at.is_none(), "never overdue while waiting");
    }

    #[test]
    fn a_returned_draft_starts_a_new_clock_and_closed_tickets_have_none() {
        let cal = SlaPolicy::default();
        let history = [
            Entered { state: ReportState::Submitted, at: wita(2026, 11, 23, 9, 0) },
            Entered { state: ReportState::InVerification, at: wita(2026, 11, 23, 9, 5) },
            Entered { state: ReportState::Drafted, at: wita(2026, 11, 23, 10, 0) },
            Entered { state: ReportState::AwaitingApproval, at: wita(2026, 11, 23, 10, 20) },
            Entered { state: ReportState::Drafted, at: wita(2026, 11, 23, 14, 0) },
        ];
        let c = clock_for(&history, wita(2026, 11, 23, 14, 30), &cal, Channel::Web).unwrap_or_else(|| panic!("clock"));
        assert_eq!(c.steps, vec![5, 6]);
        assert_eq!(c.started_at, wita(2026, 11, 23, 14, 0));
        assert_eq!(c.time_standard, Some(TimeStandard::Minutes(60)));
        assert_eq!(c.due_at, Some(wita(2026, 11, 23, 15, 0)));
        let closed = [Entered { state: ReportState::Rejected, at: wita(2026, 11, 23, 9, 0) }];
        assert_eq!(clock_for(&closed, wita(2026, 11, 23, 9, 1), &cal, Channel::Web), None);
    }

    #[test]
    fn the_policy_sets_each_step_and_the_table_colours_each_step() {
        let mut policy = SlaPolicy::default();
        policy.standards[3] = Some(TimeStandard::Minutes(120)); // step 4: two hours
        let history = [
            Entered { state: ReportState::Submitted, at: wita(2026, 11, 23, 9, 0) },
            Entered { state: ReportState::InVerification, at: wita(2026, 11, 23, 9, 10) },
            Entered { state: ReportState::NeedsInfo, at: wita(2026, 11, 23, 9, 30) },
            Entered { state: ReportState::InVerification, at: wita(2026, 11, 23, 12, 30) },
            Entered { state: ReportState::Drafted, at: wita(2026, 11, 23, 10, 0) + Duration::hours(4) },
            Entered { state: ReportState::AwaitingApproval, at: wita(2026, 11, 23, 14, 20) },
            Entered { state: ReportState::Approved, at: wita(2026, 11, 24, 16, 0) },
            Entered { state: ReportState::Completed, at: wita(2026, 11, 24, 16, 5) },
        ];
        assert_eq!(total_standard(ReportState::InVerification, &policy), Some(TimeStandard::Minutes(120)));
        let rows = step_times(&history, wita(2026, 11, 25, 9, 0), &policy);
        assert_eq!(rows.len(), 9);
        let step = |n: u8| rows.iter().find(|r| r.step == n).cloned().unwrap_or_else(|| panic!("step {n}"));
        // Step 4: 9:00 -> 14:00 is five hours, three of them waiting for the reporter: two hours, at
        // the very end of the standard.
        assert_eq!(step(4).elapsed_seconds, 2 * 3600);
        assert_eq!(step(4).status, SlaStatus::Amber);
        assert_eq!(step(5).status, SlaStatus::Green, "drafted by the system at once");
        assert_eq!(step(6).elapsed_seconds, 20 * 60);
        assert_eq!(step(6).status, SlaStatus::Green, "20 of 30 minutes");
        assert_eq!(step(7).status, SlaStatus::Red, "Monday 14:20 -> Tuesday 16:00 is past one working day");
        assert_eq!(step(9).elapsed_seconds, 5 * 60);
        assert_eq!(step(9).status, SlaStatus::Green);
        assert_eq!(step(1).status, SlaStatus::None);
    }

    #[test]
    fn office_hours_count_office_time_only() {
        // 07:30-16:00 WITA, Monday to Friday.
        let cal = Calendar { day_start_minutes: 450, day_end_minutes: 960, ..Calendar::default() };
        // Friday 15:50 + 30 minutes: 10 minutes on Friday, 20 on Monday from 07:30.
        assert_eq!(cal.add(wita(2026, 11, 27, 15, 50), TimeStandard::Minutes(30)), wita(2026, 11, 30, 7, 50));
        // Within the day.
        assert_eq!(cal.add(wita(2026, 11, 30, 9, 0), TimeStandard::Minutes(10)), wita(2026, 11, 30, 9, 10));
        // Before opening: from 07:30.
        assert_eq!(cal.add(wita(2026, 11, 30, 6, 0), TimeStandard::Minutes(10)), wita(2026, 11, 30, 7, 40));
        // One working day from Friday evening counts from Monday's opening.
        assert_eq!(cal.add(wita(2026, 11, 27, 19, 0), TimeStandard::WorkingDays(1)), wita(2026, 12, 1, 7, 30));
        // From Monday 10:00: Tuesday 10:00.
        assert_eq!(cal.add(wita(2026, 11, 30, 10, 0), TimeStandard::WorkingDays(1)), wita(2026, 12, 1, 10, 0));
        // Across the year boundary with 1 January off: Thursday 31 December 15:45 + 30 office minutes.
        let cal = Calendar { holidays: vec![date(2027, 1, 1)], ..cal };
        assert_eq!(cal.add(wita(2026, 12, 31, 15, 45), TimeStandard::Minutes(30)), wita(2027, 1, 4, 7, 45));
    }
}
