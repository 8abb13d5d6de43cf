//! Statistics for the team and the head of the agency, and what the monthly recap reports upward.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::reports::Label;

/// The filter of every statistic: reports submitted between `from` and `to` (local dates,
/// inclusive), optionally of one category or PSE.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct StatsQuery {
    /// First day (default: 1 January of this year).
    pub from: Option<NaiveDate>,
    /// Last day (default: today). At most ten years after `from`.
    pub to: Option<NaiveDate>,
    pub category: Option<String>,
    pub pse: Option<i64>,
}

/// A count under a key (a category code, a severity, a month ...), with its label where it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct KeyCount {
    pub key: String,
    pub label: Option<Label>,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MonthCount {
    /// `2026-11`.
    pub month: String,
    pub total: u64,
    pub by_category: Vec<KeyCount>,
}

/// How one SOP step did over the period: its finished instances against the standard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StepStat {
    pub step: u8,
    pub label: Label,
    pub count: u64,
    pub median_seconds: Option<i64>,
    pub p90_seconds: Option<i64>,
    /// Share (0..1) finished within the standard; none without a standard or instances.
    pub within_standard: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Stats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub total: u64,
    pub per_month: Vec<MonthCount>,
    pub by_category: Vec<KeyCount>,
    pub by_severity: Vec<KeyCount>,
    pub by_reporter_type: Vec<KeyCount>,
    /// `valid`, `rejected:<reason>`, `open`.
    pub outcomes: Vec<KeyCount>,
    pub steps: Vec<StepStat>,
    /// Open tickets by age: `lt_1d`, `1_3d`, `3_7d`, `7_30d`, `gt_30d` (not limited to the period).
    pub open_by_age: Vec<KeyCount>,
    /// PSEs with the most reports, at most ten.
    pub top_pses: Vec<KeyCount>,
    /// Personal-data incidents (UU PDP) of the period.
    pub pdp: PdpStats,
    /// Reports per channel (`web`, `monitoring`, …): how many the platform found before any citizen.
    pub by_channel: Vec<KeyCount>,
    /// Closed tickets' time from report (or detection) to the delivered letter, per month of
    /// submission and channel.
    pub end_to_end: Vec<EndToEnd>,
    /// The SOP's standard for the whole procedure, to read `end_to_end` against.
    pub sop_total: Option<crate::TimeStandard>,
}

/// From report or detection to the delivered letter, for the closed tickets of a month and channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct EndToEnd {
    /// `2026-11`.
    pub month: String,
    pub channel: String,
    pub count: u64,
    pub median_seconds: Option<i64>,
    pub p90_seconds: Option<i64>,
}

/// Personal-data incidents: how many, and how soon the PSEs confirmed notifying the data
/// subjects and the authority (from verification to the confirmation on record).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PdpStats {
    /// Tickets confirmed as PDP incidents at verification.
    pub total: u64,
    /// Per month of submission (`2026-11`), months without any left out.
    pub per_month: Vec<KeyCount>,
    /// With both notification dates on record.
    pub confirmed: u64,
    /// 72 hours passed without a confirmation.
    pub overdue: u64,
    pub median_confirmation_seconds: Option<i64>,
    pub p90_confirmation_seconds: Option<i64>,
    /// Share (0..1) of the confirmed whose two notifications both fell within the 72 hours.
    pub notified_in_time: Option<f64>,
}
