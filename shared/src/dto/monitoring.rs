//! Watching the PSE register's web systems (*SOP Monitoring Sistem Elektronik/Aplikasi*): the
//! monitored URLs, what the detectors found, and the staff's controls.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a detector found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum FindingKind {
    /// A defacement phrase ("hacked by" …) in the visible text or the title.
    Defacement,
    /// Online-gambling spam: visible, hidden, in links to other domains, `<meta>` or `<title>`.
    Gambling,
    /// The visible text changed much from the known-good baseline.
    Changed,
    /// Several checks in a row failed.
    Unavailable,
    /// The TLS certificate expires within 14 days.
    TlsExpiry,
}

impl FindingKind {
    pub const ALL: [FindingKind; 5] = [
        FindingKind::Defacement,
        FindingKind::Gambling,
        FindingKind::Changed,
        FindingKind::Unavailable,
        FindingKind::TlsExpiry,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Defacement => "defacement",
            FindingKind::Gambling => "gambling",
            FindingKind::Changed => "changed",
            FindingKind::Unavailable => "unavailable",
            FindingKind::TlsExpiry => "tls_expiry",
        }
    }

    /// The category of the ticket a finding opens.
    pub fn category(self) -> &'static str {
        match self {
            FindingKind::Defacement | FindingKind::Changed => "web_defacement",
            FindingKind::Gambling => "gambling_seo_injection",
            FindingKind::Unavailable => "availability",
            FindingKind::TlsExpiry => "misconfiguration",
        }
    }
}

/// Where on a page the gambling spam sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FindingPlace {
    Title,
    Meta,
    VisibleText,
    HiddenElement,
    ExternalLink,
}

/// One finding, as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MonitorFinding {
    pub kind: FindingKind,
    pub summary: String,
    pub excerpt: String,
    pub places: Vec<FindingPlace>,
    pub found_at: DateTime<Utc>,
    /// The ticket it opened or was added to.
    pub ticket_code: Option<String>,
}

/// A detector switched off on one monitor, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Mute {
    pub kind: FindingKind,
    pub reason: String,
    pub muted_by: String,
    pub muted_at: DateTime<Utc>,
}

/// A monitored URL with its last check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Monitor {
    pub id: i64,
    pub pse_id: i64,
    pub pse_name: String,
    pub url: String,
    pub interval_minutes: u32,
    pub enabled: bool,
    /// `ok`, `finding`, `error` or `pending` (never checked).
    pub status: String,
    pub last_checked_at: Option<DateTime<Utc>>,
    /// What the last failed check met (a category, never the inside of the network).
    pub last_error: Option<String>,
    pub next_check_at: DateTime<Utc>,
    pub consecutive_failures: u32,
    pub baseline_at: Option<DateTime<Utc>>,
    pub tls_expires_at: Option<DateTime<Utc>>,
    pub last_finding: Option<MonitorFinding>,
    pub mutes: Vec<Mute>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MonitorList {
    pub items: Vec<Monitor>,
}

/// A URL of a PSE to watch (administrators).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"pse_id": 1, "url": "https://disdik.kukarkab.go.id/", "interval_minutes": 30})))]
#[serde(deny_unknown_fields)]
pub struct NewMonitor {
    pub pse_id: i64,
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 2048, code = "required")))]
    pub url: String,
    /// At least 5; 30 by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval_minutes: Option<u32>,
}

/// Switch a detector off on a monitor, with the reason (audited).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"kind": "changed", "reason": "Halaman berita berganti setiap hari."})))]
#[serde(deny_unknown_fields)]
pub struct MuteRequest {
    pub kind: FindingKind,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::required")))]
    pub reason: String,
}
