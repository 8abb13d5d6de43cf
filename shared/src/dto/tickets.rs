//! The staff side of a ticket (SOP step 4): the queue, the detail, the actions with the analysis
//! they need, messages, assignment (*disposisi*), and the PSE register.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::documents::{DocumentKind, DocumentStatus, DraftsView, Revocation, SignatureInfo};
use super::reports::Label;
use crate::procedure::{Action, ReportState};
use crate::sla::StepClock;
// The derives call `validate()` on nested blocks.
#[cfg(feature = "server")]
#[allow(unused_imports)]
use validator::Validate;

/// Severity decided in the team meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum Severity {
    Rendah,
    Sedang,
    Tinggi,
    Kritis,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Severity::Rendah, Severity::Sedang, Severity::Tinggi, Severity::Kritis];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Rendah => "rendah",
            Severity::Sedang => "sedang",
            Severity::Tinggi => "tinggi",
            Severity::Kritis => "kritis",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Its name for people (`Tinggi`, `High`).
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Severity::Rendah => lang.pick("Rendah", "Low"),
            Severity::Sedang => lang.pick("Sedang", "Medium"),
            Severity::Tinggi => lang.pick("Tinggi", "High"),
            Severity::Kritis => lang.pick("Kritis", "Critical"),
        }
    }
}

/// Why a report was found not valid (*tidak sesuai*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum RejectReason {
    NotValid,
    /// A duplicate of `duplicate_of`, whose reporter keeps the credit.
    Duplicate,
    OutOfScope,
    InsufficientInformation,
    Spam,
}

impl RejectReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::NotValid => "not_valid",
            RejectReason::Duplicate => "duplicate",
            RejectReason::OutOfScope => "out_of_scope",
            RejectReason::InsufficientInformation => "insufficient_information",
            RejectReason::Spam => "spam",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UserRef {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PseRef {
    pub id: i64,
    pub name: String,
}

/// One row of the ticket queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TicketSummary {
    pub code: String,
    pub title: String,
    pub state: ReportState,
    pub state_label: Label,
    pub category: String,
    pub severity: Option<Severity>,
    pub affected_asset: String,
    pub pse: Option<PseRef>,
    pub assignee: Option<UserRef>,
    pub reporter_name: String,
    pub submitted_at: DateTime<Utc>,
    /// When the PSE confirmed receipt of the letter.
    pub pse_acknowledged_at: Option<DateTime<Utc>>,
    /// The current SOP step against its time standard (absent once closed).
    pub clock: Option<StepClock>,
    /// A personal-data incident's 72-hour clock (absent unless confirmed at verification).
    pub pdp: Option<crate::pdp::PdpStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StateCount {
    pub state: ReportState,
    pub count: u64,
}

/// A page of the queue, with the number of tickets per state (of the whole queue, unfiltered).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TicketList {
    pub items: Vec<TicketSummary>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub counts: Vec<StateCount>,
}

/// Filters, search, sorting and paging of the queue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct TicketQuery {
    /// Comma-separated states.
    pub state: Option<String>,
    pub category: Option<String>,
    pub severity: Option<Severity>,
    /// An account id, or `none` for unassigned tickets.
    pub assignee: Option<String>,
    pub pse: Option<i64>,
    /// Only tickets past their step's time standard.
    pub overdue: Option<bool>,
    /// Personal-data incidents: `any`, or `overdue` (72 hours without the PSE's confirmation,
    /// open or closed).
    pub pdp: Option<crate::pdp::PdpFilter>,
    /// Submitted on or after (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Submitted before (RFC 3339).
    pub to: Option<DateTime<Utc>>,
    /// Searches the ticket code, title, affected asset, reporter name and email.
    pub q: Option<String>,
    /// `submitted_at` (default, newest first), `due_at` (most urgent first), `pdp_due_at` (the
    /// 72 hours of UU PDP), `code`, `title`, `state`;
    /// prefix `-` to reverse.
    pub sort: Option<String>,
    /// From 1.
    #[cfg_attr(feature = "server", param(minimum = 1, maximum = 1_000_000))]
    pub page: Option<u64>,
    /// 1-100, default 25.
    #[cfg_attr(feature = "server", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u64>,
}

/// The reporter, as staff see them (personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReporterView {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub organization: Option<String>,
    pub reporter_type: String,
    pub hall_of_fame: String,
    pub alias: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct EvidenceItem {
    pub id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size: u64,
    pub sha256: String,
    pub metadata_stripped: bool,
    /// For a PDF, the external links (`/URI` actions) it carries, found when it was parsed at
    /// upload (at most 20): opening it may lead to these addresses.
    #[serde(default)]
    pub external_links: Vec<String>,
    pub uploaded_by: String,
    pub uploaded_at: DateTime<Utc>,
}

/// One entry of a ticket's timeline. What happened is data (`kind`, the states, `event`), for
/// the reader's language to word; `body` is only ever text a person wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TimelineEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// `state_change`, `message` (to the reporter), `reply` (from the reporter), `note` (internal),
    /// `assignment`, `acknowledgement` (the PSE's).
    pub kind: String,
    pub from_state: Option<ReportState>,
    pub to_state: Option<ReportState>,
    /// What the entry records beyond its kind (a rejection's reason, a new revision of the
    /// drafts, a disposition...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<super::timeline::TimelineEvent>,
    /// Who wrote it; `author` names the staff member (or the PSE's contact).
    pub actor: super::timeline::TimelineActor,
    pub author: String,
    /// Text a person wrote (a message, note, question, remark, reason), as written.
    pub body: Option<String>,
    /// The text was erased when the ticket's retention period ended.
    #[serde(default)]
    pub erased: bool,
    /// Visible to the reporter.
    pub public: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DuplicateHint {
    pub code: String,
    pub title: String,
    pub state: ReportState,
}

/// The team meeting that classified the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub date: NaiveDate,
    /// Staff account ids.
    #[cfg_attr(feature = "server", validate(length(min = 1, code = "required")))]
    pub attendees: Vec<i64>,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::required")))]
    pub decision: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::long_text")))]
    pub minutes: String,
}

/// The analysis `verify` requires (*laporan hasil analisis*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[serde(deny_unknown_fields)]
pub struct AnalysisInput {
    pub category: String,
    pub severity: Severity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::cvss_vector")))]
    pub cvss_vector: Option<String>,
    /// The affected PSE (from the register); defaults to the one matched at submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pse_id: Option<i64>,
    /// The team's answer to "does it involve personal data?", confirming or correcting the
    /// reporter's (the default). `true` makes it a PDP incident: the 72-hour clock of UU PDP
    /// starts, and the letter to the PSE carries the controller's obligations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_data_involved: Option<bool>,
    #[cfg_attr(feature = "server", validate(nested))]
    pub meeting: Meeting,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::description")))]
    pub findings: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::description")))]
    pub recommendations: String,
}

/// A recorded analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Analysis {
    pub category: String,
    pub severity: Severity,
    pub cvss_vector: Option<String>,
    pub cvss_score: Option<f64>,
    pub pse: Option<PseRef>,
    pub meeting_date: NaiveDate,
    pub attendees: Vec<UserRef>,
    pub decision: String,
    pub minutes: String,
    pub findings: String,
    pub recommendations: String,
    pub analyst: UserRef,
    pub recorded_at: DateTime<Utc>,
}

/// Everything staff see of a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TicketDetail {
    pub code: String,
    pub kind: String,
    pub title: String,
    pub state: ReportState,
    pub state_label: Label,
    pub category: String,
    pub severity: Option<Severity>,
    pub cvss_vector: Option<String>,
    pub cvss_score: Option<f64>,
    pub affected_asset: String,
    pub affected_host: Option<String>,
    pub discovered_at: DateTime<Utc>,
    pub description: String,
    pub steps_to_reproduce: Option<String>,
    pub impact: Option<String>,
    pub ongoing: bool,
    /// The reporter's answer.
    pub personal_data_involved: bool,
    /// The team's, from verification: a personal-data incident and its 72-hour clock.
    pub pdp: Option<crate::pdp::PdpStatus>,
    pub tlp: String,
    /// `web`, `phone`, `email`, `letter`, `walk_in`, `monitoring`.
    pub channel: String,
    pub reporter: ReporterView,
    pub pse: Option<PseRef>,
    pub assignee: Option<UserRef>,
    /// For a rejected duplicate: the original ticket, whose reporter keeps the credit.
    pub duplicate_of: Option<String>,
    pub duplicate_hints: Vec<DuplicateHint>,
    pub evidence: Vec<EvidenceItem>,
    pub timeline: Vec<TimelineEntry>,
    pub analysis: Option<Analysis>,
    /// Rendered documents (every version), newest first.
    pub documents: Vec<DocumentItem>,
    /// What the exports share (from verification on), each with its "indicator" switch.
    pub observables: Vec<super::intel::Observable>,
    /// The letter's and certificate's variable parts (from `verify` on).
    pub drafts: Option<DraftsView>,
    /// Assignments with their dispositions (*disposisi*), newest first.
    pub dispositions: Vec<DispositionRecord>,
    /// The ticket's notifications (emails, webhooks) and their delivery, oldest first.
    pub deliveries: Vec<super::delivery::DeliveryItem>,
    /// The PSE's confirmation that it received the letter.
    pub pse_acknowledgement: Option<super::delivery::Acknowledgement>,
    pub clock: Option<StepClock>,
    /// Each SOP step's time against its standard (green, amber, red); a step not part of the
    /// ticket's procedure has no row (the Hall of Fame for the platform's own monitoring).
    pub sla: Vec<crate::sla::StepTime>,
    /// What the signed-in user may do now.
    pub allowed_actions: Vec<Action>,
    pub submitted_at: DateTime<Utc>,
    /// Today in the deployment's time zone (WIB, WITA or WIT), whatever the reader's: the default
    /// of the date fields the team fills in (the analysis meeting's date).
    pub today: NaiveDate,
}

/// An action on a ticket. Each action reads the fields it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"action": "request_info", "message": "Mohon kirim tangkapan layar halaman yang diubah beserta waktunya."})))]
#[serde(deny_unknown_fields)]
pub struct ActionRequest {
    pub action: Action,
    /// To the reporter: the question (`request_info`), the reason in words (`reject`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::long_text")))]
    pub message: Option<String>,
    /// Required for `reject`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RejectReason>,
    /// The original ticket's code, for `reject` with `duplicate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    /// Required for `verify`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(nested))]
    pub analysis: Option<AnalysisInput>,
    /// `approve` signs in the head's name, so it needs the person, not only a session: their
    /// current password (else `401 reauthentication_required`). Ignored by other actions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", schema(format = Password))]
    pub password: Option<String>,
    /// With `password`, for an account with a second factor: the authenticator app's current code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp: Option<String>,
}

/// A message to the reporter (`public`, emailed) or an internal note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"body": "Terima kasih, laporan sedang kami verifikasi.", "public": true})))]
#[serde(deny_unknown_fields)]
pub struct MessageRequest {
    #[cfg_attr(
        feature = "server",
        validate(
            custom(function = "crate::validation::server::required"),
            custom(function = "crate::validation::server::long_text")
        )
    )]
    pub body: String,
    pub public: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Biasa,
    Segera,
    SangatSegera,
}

/// Claim a ticket (no `assignee_id`), or assign it with a disposition (*disposisi*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"assignee_id": 3, "instruction": "Segera verifikasi dan koordinasikan dengan PSE.", "priority": "segera", "due_date": "2026-11-30"})))]
#[serde(deny_unknown_fields)]
pub struct AssignmentRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::long_text")))]
    pub instruction: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
}

/// The reporter answers a request for information (`provide_info`), with the ticket's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"ticket_code": "TTIS-2026-000123", "access_key": "7KQ2-9D3M-X4TB-1H8R-ZP6W-5N0C-VF", "message": "Tangkapan layar terlampir."})))]
#[serde(deny_unknown_fields)]
pub struct ProvideInfoRequest {
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 64, code = "required")))]
    pub ticket_code: String,
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 128, code = "required")))]
    pub access_key: String,
    #[cfg_attr(
        feature = "server",
        validate(
            custom(function = "crate::validation::server::required"),
            custom(function = "crate::validation::server::long_text")
        )
    )]
    pub message: String,
}

/// How a PSE asset rule matches a report's affected asset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssetRuleKind {
    /// `disdik.kukarkab.go.id`
    ExactHost,
    /// `*.kukarkab.go.id` (or `kukarkab.go.id`): the domain and every subdomain.
    DomainSuffix,
    /// `103.10.20.0/24`
    Cidr,
    /// An application's name, matched case-insensitively against the whole asset.
    AppName,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AssetRule {
    pub kind: AssetRuleKind,
    pub value: String,
}

/// An operator of electronic systems (*Penyelenggara Sistem Elektronik*, usually an OPD).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({
    "name": "Dinas Pendidikan Kabupaten Kutai Kartanegara", "head_name": "Dr. H. Contoh, M.Pd.",
    "head_title": "Kepala Dinas Pendidikan Kabupaten Kutai Kartanegara", "emails": ["disdik@kukarkab.go.id"],
    "phone": "(0541) 661234", "address": "Jl. Contoh No. 1, Tenggarong", "place": "Tenggarong",
    "assets": [{"kind": "exact_host", "value": "disdik.kukarkab.go.id"}, {"kind": "cidr", "value": "103.10.20.0/24"}]
})))]
#[serde(deny_unknown_fields)]
pub struct PseInput {
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::title")))]
    pub name: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::name")))]
    pub head_name: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::title")))]
    pub head_title: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::emails")))]
    pub emails: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::phone")))]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::organization")))]
    pub address: Option<String>,
    /// The town for the letter's `di` line under the addressee (`Tenggarong`); the
    /// organisation's own city when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::optional_line")))]
    pub place: Option<String>,
    #[serde(default)]
    pub assets: Vec<AssetRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Pse {
    pub id: i64,
    pub name: String,
    pub head_name: String,
    pub head_title: String,
    pub emails: Vec<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    /// The town of the letter's `di` line.
    pub place: Option<String>,
    pub assets: Vec<AssetRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PseList {
    pub items: Vec<Pse>,
}

/// How a report reached the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum Channel {
    Web,
    Phone,
    Email,
    Letter,
    WalkIn,
    Monitoring,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Phone => "phone",
            Channel::Email => "email",
            Channel::Letter => "letter",
            Channel::WalkIn => "walk_in",
            Channel::Monitoring => "monitoring",
        }
    }
}

/// A report that staff file on someone's behalf (received by phone, email, letter, in person, or
/// found by the monitoring team).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"channel": "phone", "report": {
    "reporter": {"name": "Pak Rahman", "email": "rahman@example.com", "reporter_type": "public", "hall_of_fame": "real_name"},
    "kind": "incident", "title": "Situs kecamatan menampilkan iklan judi online", "category": "gambling_seo_injection",
    "affected_asset": "https://kec-tenggarong.kukarkab.go.id/", "discovered_at": "2026-11-29T07:00:00+08:00",
    "description": "Pelapor menelepon: halaman berita berisi tautan judi online.", "ongoing": true,
    "personal_data_involved": false, "declarations": {"good_faith": true, "consent": true}
}})))]
#[serde(deny_unknown_fields)]
pub struct StaffReport {
    pub channel: Channel,
    #[cfg_attr(feature = "server", validate(nested))]
    pub report: super::reports::NewReport,
}

/// A new category of the taxonomy (admin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"code": "cryptojacking", "parent": "malicious_code", "label": {"id": "Penambangan Kripto Ilegal", "en": "Cryptojacking"}})))]
#[serde(deny_unknown_fields)]
pub struct NewCategory {
    /// Lower-case letters, digits and `_`; permanent.
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::code")))]
    pub code: String,
    pub parent: Option<String>,
    pub label: super::reports::Label,
    #[serde(default)]
    pub sort_order: Option<i32>,
}

/// Rename or retire a category (admin). Retired categories stay on old tickets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"label": {"id": "Lainnya", "en": "Other"}, "retired": false})))]
#[serde(deny_unknown_fields)]
pub struct UpdateCategory {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<super::reports::Label>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<i32>,
}

/// A document rendered for a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DocumentItem {
    pub id: String,
    pub kind: DocumentKind,
    pub version: i32,
    pub status: DocumentStatus,
    /// Assigned on approval (final documents only).
    pub number: Option<String>,
    /// The short code printed under the QR code of a signed document (`7K3M9-QX2HP`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification_code: Option<String>,
    pub sha256: String,
    pub size: u64,
    pub created_at: DateTime<Utc>,
    pub signature: Option<SignatureInfo>,
    pub revoked: Option<Revocation>,
}

/// A recorded disposition: who assigned the ticket to whom, with what instruction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DispositionRecord {
    pub from: UserRef,
    pub to: UserRef,
    pub instruction: Option<String>,
    pub priority: Option<Priority>,
    pub due_date: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
}
