//! SOP steps 8-9 and integrations: the Hall of Fame, delivery of the signed documents, the PSE's
//! acknowledgement, and webhooks.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::reports::Label;

/// One reporter on the Hall of Fame, as they chose to be shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct HallOfFameEntry {
    /// The real name or alias the reporter chose, or `Anonim`.
    pub display_name: String,
    pub anonymous: bool,
    /// Valid (approved) reports.
    pub reports: u32,
    pub categories: Vec<Label>,
    /// The most recent approval.
    pub latest: NaiveDate,
    /// The reporter's certificates, each verifiable at `/verify/{document_id}`.
    pub certificates: Vec<CertificateRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CertificateRef {
    pub number: String,
    pub document_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct HallOfFame {
    /// The year shown (none: all years).
    pub year: Option<i32>,
    /// Years with entries, newest first.
    pub years: Vec<i32>,
    /// Most reports first, then the most recent.
    pub entries: Vec<HallOfFameEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct HallOfFameQuery {
    /// Only approvals of this year.
    pub year: Option<i32>,
}

/// How the reporter wants to be shown, changed after submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum HallOfFameDisplay {
    RealName,
    Alias,
    Anonymous,
    /// Not listed at all.
    Hidden,
}

impl HallOfFameDisplay {
    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            HallOfFameDisplay::RealName => "real_name",
            HallOfFameDisplay::Alias => "alias",
            HallOfFameDisplay::Anonymous => "anonymous",
            HallOfFameDisplay::Hidden => "hidden",
        }
    }
}

impl From<crate::dto::reports::HallOfFameChoice> for HallOfFameDisplay {
    fn from(choice: crate::dto::reports::HallOfFameChoice) -> Self {
        match choice {
            crate::dto::reports::HallOfFameChoice::RealName => HallOfFameDisplay::RealName,
            crate::dto::reports::HallOfFameChoice::Alias => HallOfFameDisplay::Alias,
            crate::dto::reports::HallOfFameChoice::Anonymous => HallOfFameDisplay::Anonymous,
        }
    }
}

/// The reporter changes the Hall of Fame choice of a ticket, with its code and access key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"ticket_code": "TTIS-2026-000123", "access_key": "7KQ2-9D3M-X4TB-1H8R-ZP6W-5N0C-VF", "choice": "alias", "alias": "budisec"})))]
#[serde(deny_unknown_fields)]
pub struct HallOfFameChange {
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 64, code = "required")))]
    pub ticket_code: String,
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 128, code = "required")))]
    pub access_key: String,
    pub choice: HallOfFameDisplay,
    /// Required for `alias`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::optional_line")))]
    pub alias: Option<String>,
}

/// The ticket's code and access key, for the reporter's own downloads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"ticket_code": "TTIS-2026-000123", "access_key": "7KQ2-9D3M-X4TB-1H8R-ZP6W-5N0C-VF"})))]
#[serde(deny_unknown_fields)]
pub struct TicketKey {
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 64, code = "required")))]
    pub ticket_code: String,
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 128, code = "required")))]
    pub access_key: String,
}

/// A notification of a ticket (email or webhook) and how its delivery went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DeliveryItem {
    pub id: i64,
    /// `email` or `webhook`.
    pub channel: String,
    /// `delivery` for the documents of SOP step 9.
    pub purpose: Option<String>,
    pub to: Vec<String>,
    /// The subject (email) or the event (webhook).
    pub subject: String,
    /// `pending`, `sending`, `sent`, `failed`.
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub attachments: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub next_attempt_at: DateTime<Utc>,
}

/// A delivery that gave up, for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FailedDelivery {
    pub ticket_code: Option<String>,
    #[serde(flatten)]
    pub delivery: DeliveryItem,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FailedDeliveryList {
    pub items: Vec<FailedDelivery>,
}

/// The PSE confirms receipt of the notification letter with the one-time token from its email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"token": "q3J0...", "fixed": false, "name": "Admin Disdik", "note": "Sedang kami tangani."})))]
#[serde(deny_unknown_fields)]
pub struct AcknowledgementRequest {
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 128, code = "required")))]
    pub token: String,
    /// The issue is already fixed.
    #[serde(default)]
    pub fixed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::optional_line")))]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::long_text")))]
    pub note: Option<String>,
    /// For a personal-data incident (UU PDP): when the data subjects were notified, with its UTC
    /// offset. May come later with the same link, once the notice went out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subjects_notified_at: Option<DateTime<Utc>>,
    /// For a personal-data incident: when the supervising authority was notified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority_notified_at: Option<DateTime<Utc>>,
}

/// The one-time link's token, to learn what the link is for before answering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"token": "q3J0..."})))]
#[serde(deny_unknown_fields)]
pub struct AcknowledgementLookup {
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 128, code = "required")))]
    pub token: String,
}

/// What a PSE's link is about: the letter, whether the incident involves personal data (then
/// the page asks when the data subjects and the authority were notified), and what is on record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AcknowledgementLink {
    pub ticket_code: String,
    pub letter_number: Option<String>,
    /// The team confirmed that the incident involves personal data (UU PDP).
    pub personal_data: bool,
    /// The end of the controller's 3 x 24 hours.
    pub pdp_due_at: Option<DateTime<Utc>>,
    /// The confirmation already given with this link, if any.
    pub acknowledgement: Option<Acknowledgement>,
}

/// A PSE's confirmation, as staff and the PSE see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Acknowledgement {
    pub ticket_code: String,
    pub letter_number: Option<String>,
    pub acknowledged_at: DateTime<Utc>,
    pub fixed: bool,
    pub name: Option<String>,
    pub note: Option<String>,
    /// When the PSE notified the data subjects (personal-data incidents).
    pub subjects_notified_at: Option<DateTime<Utc>>,
    /// When the PSE notified the supervising authority (personal-data incidents).
    pub authority_notified_at: Option<DateTime<Utc>>,
}

/// What an integrator can subscribe to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub enum WebhookEvent {
    #[serde(rename = "report.submitted")]
    ReportSubmitted,
    #[serde(rename = "ticket.state_changed")]
    TicketStateChanged,
    #[serde(rename = "document.approved")]
    DocumentApproved,
    #[serde(rename = "ticket.completed")]
    TicketCompleted,
}

impl WebhookEvent {
    pub const ALL: [WebhookEvent; 4] = [
        WebhookEvent::ReportSubmitted,
        WebhookEvent::TicketStateChanged,
        WebhookEvent::DocumentApproved,
        WebhookEvent::TicketCompleted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WebhookEvent::ReportSubmitted => "report.submitted",
            WebhookEvent::TicketStateChanged => "ticket.state_changed",
            WebhookEvent::DocumentApproved => "document.approved",
            WebhookEvent::TicketCompleted => "ticket.completed",
        }
    }

    pub fn parse(s: &str) -> Option<WebhookEvent> {
        WebhookEvent::ALL.into_iter().find(|e| e.as_str() == s)
    }
}

/// Register a webhook (admin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"url": "https://soc.kukarkab.go.id/hooks/ttis", "events": ["report.submitted", "ticket.completed"], "password": "sandi-saya-saat-ini"})))]
#[serde(deny_unknown_fields)]
pub struct WebhookInput {
    /// `https://` (or `http://` for a receiver on the same network).
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::web_url")))]
    pub url: String,
    #[cfg_attr(feature = "server", validate(length(min = 1, code = "required")))]
    pub events: Vec<WebhookEvent>,
    /// Step-up: this change needs the person, not only a session, so it carries the signed-in
    /// account's current password again (else `401 reauthentication_required`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", schema(format = Password))]
    pub password: Option<String>,
    /// With `password`, for an account with a second factor: the authenticator app's current code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Webhook {
    pub id: i64,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
}

/// A new webhook with its signing secret, shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct WebhookCreated {
    #[serde(flatten)]
    pub webhook: Webhook,
    /// Verify `X-TTIS-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with it.
    pub secret: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct WebhookList {
    pub items: Vec<Webhook>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DeliveryList {
    pub items: Vec<DeliveryItem>,
}

/// A step of the procedure on the reporter's tracking page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StepProgress {
    pub number: u8,
    pub label: Label,
    /// When the step was done (none: not yet).
    pub done_at: Option<DateTime<Utc>>,
}
