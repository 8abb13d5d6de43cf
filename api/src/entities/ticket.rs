use sea_orm::entity::prelude::*;
use ttis_shared::ReportState;
use ttis_shared::dto::delivery::HallOfFameDisplay;
use ttis_shared::dto::reports::{CertificateName, ReportKind, ReporterType, Tlp};
use ttis_shared::dto::tickets::{Channel, RejectReason, Severity};

/// A report and its handling. Reporter fields are personal data: staff only.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "tickets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `TTIS-2026-000123`.
    #[sea_orm(unique)]
    pub code: String,
    pub year: i32,
    pub seq: i64,
    pub kind: ReportKind,
    pub title: String,
    pub category_code: String,
    pub affected_asset: String,
    /// The host (or IP) named by `affected_asset`, lower-case, for matching and duplicate hints.
    pub affected_host: Option<String>,
    pub discovered_at: DateTimeUtc,
    pub description: String,
    pub steps_to_reproduce: Option<String>,
    pub impact: Option<String>,
    pub ongoing: bool,
    pub personal_data_involved: bool,
    pub tlp: Tlp,
    pub cvss_vector: Option<String>,
    pub cvss_score: Option<f64>,
    pub state: ReportState,
    pub state_entered_at: DateTimeUtc,
    /// SHA-256 of the access key; the key itself is never stored.
    pub access_key_hash: String,
    pub reporter_name: String,
    pub reporter_email: String,
    pub reporter_phone: Option<String>,
    pub reporter_organization: Option<String>,
    pub reporter_type: ReporterType,
    pub hall_of_fame: HallOfFameDisplay,
    pub hall_of_fame_alias: Option<String>,
    /// The name on the certificate.
    pub certificate_name: CertificateName,
    pub email_access_key: bool,
    /// How the report came in: the web form, or filed by staff.
    pub channel: Channel,
    pub severity: Option<Severity>,
    pub assignee_id: Option<i64>,
    pub pse_id: Option<i64>,
    pub duplicate_of_id: Option<i64>,
    pub submitted_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When the current SOP step's clock started (see `ttis_shared::sla::clock_for`).
    pub step_started_at: Option<DateTimeUtc>,
    /// Seconds of the current step spent waiting for the reporter.
    pub paused_seconds: i64,
    /// When the current step is due; absent while paused or without a time standard.
    pub due_at: Option<DateTimeUtc>,
    /// Lower-case code, title, asset, reporter name and email, for the queue's search (SQLite's
    /// `lower()` only folds ASCII, so the folding is done here, once).
    pub search_text: Option<String>,
    /// When the PSE confirmed receipt of the notification letter.
    pub pse_acknowledged_at: Option<DateTimeUtc>,
    /// Why a rejected report was found not valid (`RejectReason`).
    pub reject_reason: Option<RejectReason>,
    /// When the retention job erased the reporter data.
    pub anonymized_at: Option<DateTimeUtc>,
    /// The team confirmed at verification that personal data is involved (UU PDP); the
    /// reporter's own answer stays in `personal_data_involved`.
    pub pdp_incident: bool,
    /// The end of the controller's 72 hours (`ttis_shared::pdp::due_at` of the verification).
    pub pdp_due_at: Option<DateTimeUtc>,
    pub pdp_subjects_notified_at: Option<DateTimeUtc>,
    pub pdp_authority_notified_at: Option<DateTimeUtc>,
    /// When both notification dates were on record.
    pub pdp_confirmed_at: Option<DateTimeUtc>,
}

impl Model {
    /// The PDP clock at `now`, for a personal-data incident.
    pub fn pdp_status(&self, now: DateTimeUtc) -> Option<ttis_shared::pdp::PdpStatus> {
        let due = self.pdp_due_at.filter(|_| self.pdp_incident)?;
        Some(ttis_shared::pdp::PdpStatus::at(
            due,
            self.pdp_subjects_notified_at,
            self.pdp_authority_notified_at,
            self.pdp_confirmed_at,
            now,
        ))
    }
}

/// The text the queue searches.
pub fn search_text(code: &str, title: &str, asset: &str, name: &str, email: &str) -> String {
    format!("{code}\n{title}\n{asset}\n{name}\n{email}").to_lowercase()
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::ticket_event::Entity")]
    Event,
    #[sea_orm(has_many = "super::evidence::Entity")]
    Evidence,
}

impl Related<super::ticket_event::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Event.def()
    }
}

impl Related<super::evidence::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Evidence.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
