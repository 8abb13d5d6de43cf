//! The SLA policy (admin): the working calendar, each step's time standard, and the holidays.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::reports::Label;
use crate::procedure::TimeStandard;

/// A step's time standard as the policy sets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StepStandard {
    pub step: u8,
    pub label: Label,
    /// None: the SOP sets no standard for the step.
    pub time_standard: Option<TimeStandard>,
    /// The SOP's own standard (*Mutu Baku*), for reference.
    pub sop_standard: Option<TimeStandard>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SlaPolicyView {
    /// Minutes east of UTC (WITA, Asia/Makassar: 480; WIB 420; WIT 540).
    pub utc_offset_minutes: i32,
    /// Monday .. Sunday.
    pub working_days: [bool; 7],
    /// Office hours in minutes after local midnight (0 and 1440: the whole day, and minute
    /// standards are wall-clock minutes); with office hours, minutes count office time.
    pub day_start_minutes: u32,
    pub day_end_minutes: u32,
    pub standards: Vec<StepStandard>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StepStandardInput {
    pub step: u8,
    pub time_standard: Option<TimeStandard>,
}

/// Replace the SLA policy (admin). Open tickets' due times are recomputed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({
    "utc_offset_minutes": 480, "working_days": [true, true, true, true, true, false, false],
    "day_start_minutes": 450, "day_end_minutes": 960,
    "standards": [{"step": 4, "time_standard": {"unit": "working_days", "value": 1}},
                  {"step": 9, "time_standard": {"unit": "minutes", "value": 10}}]
})))]
#[serde(deny_unknown_fields)]
pub struct SlaPolicyInput {
    #[cfg_attr(feature = "server", validate(range(min = -720, max = 840)))]
    pub utc_offset_minutes: i32,
    pub working_days: [bool; 7],
    /// Office hours (minutes after local midnight); omit both for the whole day.
    #[serde(default)]
    pub day_start_minutes: u32,
    #[serde(default = "whole_day")]
    pub day_end_minutes: u32,
    /// Steps not listed keep their standard.
    pub standards: Vec<StepStandardInput>,
}

fn whole_day() -> u32 {
    24 * 60
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"date": "2026-12-24", "name": "Cuti bersama Hari Raya Natal"})))]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub date: NaiveDate,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::line")))]
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct HolidayList {
    pub items: Vec<Holiday>,
}
