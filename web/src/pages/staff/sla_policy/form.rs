//! The policy form's model: the rows as typed, the calendar's choices, and turning them into the
//! body of `PUT /sla-policy` or the problems to fix.

use chrono::{DateTime, Utc};
use ttis_shared::dto::reports::Label;
use ttis_shared::dto::sla::{SlaPolicyInput, SlaPolicyView, StepStandardInput};
use ttis_shared::{Lang, TimeStandard};
use yew::prelude::*;

use crate::api::ApiError;
use crate::i18n::{Key, t};

/// Monday .. Sunday.
pub const DAYS: [Key; 7] = [
    Key::DayMonday,
    Key::DayTuesday,
    Key::DayWednesday,
    Key::DayThursday,
    Key::DayFriday,
    Key::DaySaturday,
    Key::DaySunday,
];

/// Indonesia's time zones: minutes east of UTC.
pub const OFFSETS: [(i32, Key); 3] = [(420, Key::SlaOffsetWib), (480, Key::SlaOffsetWita), (540, Key::SlaOffsetWit)];

/// The unit choices of a step's standard.
pub(super) const UNITS: [(&str, Key); 3] =
    [("none", Key::SlaUnitNone), ("minutes", Key::SlaUnitMinutes), ("working_days", Key::SlaUnitWorkingDays)];

/// One step's row of the form, as typed.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct StepRow {
    pub(super) step: u8,
    pub(super) label: Label,
    /// `none`, `minutes`, `working_days`.
    pub(super) unit: String,
    pub(super) value: String,
    pub(super) sop: Option<TimeStandard>,
}

pub(super) fn unit_and_value(ts: Option<TimeStandard>) -> (String, String) {
    match ts {
        Some(TimeStandard::Minutes(m)) => ("minutes".into(), m.to_string()),
        Some(TimeStandard::WorkingDays(d)) => ("working_days".into(), d.to_string()),
        None => ("none".into(), String::new()),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct PolicyForm {
    pub(super) offset: i32,
    pub(super) days: [bool; 7],
    /// Office hours in minutes after midnight; `0..1440` is the whole day.
    pub(super) day_start: u32,
    pub(super) day_end: u32,
    pub(super) rows: Vec<StepRow>,
    pub(super) updated_at: DateTime<Utc>,
}

impl From<&SlaPolicyView> for PolicyForm {
    fn from(v: &SlaPolicyView) -> Self {
        PolicyForm {
            offset: v.utc_offset_minutes,
            days: v.working_days,
            day_start: v.day_start_minutes,
            day_end: v.day_end_minutes,
            rows: v
                .standards
                .iter()
                .map(|s| {
                    let (unit, value) = unit_and_value(s.time_standard);
                    StepRow { step: s.step, label: s.label.clone(), unit, value, sop: s.sop_standard }
                })
                .collect(),
            updated_at: v.updated_at,
        }
    }
}

/// A problem with a field: the id of its control and the message.
pub(super) type Problem = (String, String);

/// A change the form's controls make.
pub(super) type Edit = Box<dyn Fn(&mut PolicyForm, &Event)>;

impl PolicyForm {
    /// The body of `PUT /sla-policy`, or what to fix first.
    pub(super) fn input(&self, lang: Lang) -> Result<SlaPolicyInput, Vec<Problem>> {
        let mut problems = Vec::new();
        if self.day_start >= self.day_end {
            problems.push(("sla-hours".to_string(), t(lang, Key::SlaHoursInvalid).to_string()));
        }
        if !self.days.iter().any(|d| *d) {
            problems.push(("sla-days".to_string(), t(lang, Key::SlaDaysRequired).to_string()));
        }
        let mut standards = Vec::new();
        for r in &self.rows {
            let value = r.value.trim().parse::<u32>().ok().filter(|v| *v > 0);
            let time_standard = match (r.unit.as_str(), value) {
                ("none", _) => None,
                ("minutes", Some(v)) => Some(TimeStandard::Minutes(v)),
                ("working_days", Some(v)) => Some(TimeStandard::WorkingDays(v)),
                _ => {
                    problems.push((value_id(r.step), t(lang, Key::SlaValueInvalid).to_string()));
                    None
                }
            };
            standards.push(StepStandardInput { step: r.step, time_standard });
        }
        if problems.is_empty() {
            Ok(SlaPolicyInput {
                utc_offset_minutes: self.offset,
                working_days: self.days,
                day_start_minutes: self.day_start,
                day_end_minutes: self.day_end,
                standards,
            })
        } else {
            Err(problems)
        }
    }
}

pub(super) fn value_id(step: u8) -> String {
    format!("sla-value-{step}")
}

/// `UTC+8`, `UTC+5:30`.
pub(super) fn utc_text(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    if m % 60 == 0 { format!("UTC{sign}{}", m / 60) } else { format!("UTC{sign}{}:{:02}", m / 60, m % 60) }
}

/// The server's field errors, on the controls: `standards[3].time_standard` is the fourth row's
/// value, `working_days` the days, `utc_offset_minutes` the time zone.
pub(super) fn server_problems(err: &ApiError, rows: &[StepRow]) -> Vec<Problem> {
    err.field_errors()
        .iter()
        .filter_map(|e| {
            let id = if let Some(rest) = e.field.strip_prefix("standards[") {
                let index = rest.split(']').next().and_then(|i| i.parse::<usize>().ok())?;
                value_id(rows.get(index)?.step)
            } else if e.field == "working_days" {
                "sla-days".to_string()
            } else if e.field == "day_end_minutes" || e.field == "day_start_minutes" {
                "sla-hours".to_string()
            } else if e.field == "utc_offset_minutes" {
                "sla-offset".to_string()
            } else {
                return None;
            };
            Some((id, e.message.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(step: u8, unit: &str, value: &str) -> StepRow {
        StepRow {
            step,
            label: Label { id: String::new(), en: String::new() },
            unit: unit.into(),
            value: value.into(),
            sop: None,
        }
    }

    #[test]
    fn the_form_becomes_the_policy_or_says_what_to_fix() {
        let form = PolicyForm {
            offset: 480,
            days: [true, true, true, true, true, false, false],
            day_start: 0,
            day_end: 24 * 60,
            rows: vec![row(4, "working_days", "1"), row(8, "none", ""), row(9, "minutes", " 10 ")],
            updated_at: DateTime::default(),
        };
        let input = form.input(Lang::Id).unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(input.standards[0].time_standard, Some(TimeStandard::WorkingDays(1)));
        assert_eq!(input.standards[1].time_standard, None);
        assert_eq!(input.standards[2].time_standard, Some(TimeStandard::Minutes(10)));

        let bad = PolicyForm { days: [false; 7], rows: vec![row(6, "minutes", "x")], ..form };
        let problems = bad.input(Lang::En).err().unwrap_or_default();
        let ids: Vec<&str> = problems.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["sla-days", "sla-value-6"]);
        assert_eq!(utc_text(480), "UTC+8");
        assert_eq!(utc_text(330), "UTC+5:30");
    }
}
