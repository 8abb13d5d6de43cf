//! Public reporting: the report form's body, the receipt, status tracking, categories and the
//! proof-of-work challenge.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::procedure::{ReportState, TimeStandard};
// The derive of `NewReport` calls `validate()` on its nested blocks.
#[cfg(feature = "server")]
#[allow(unused_imports)]
use validator::Validate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum ReporterType {
    /// A member of the public.
    Public,
    /// A security researcher.
    Researcher,
    /// The agency's own monitoring team.
    InternalMonitoring,
    /// Another government agency (OPD).
    Agency,
}

impl ReporterType {
    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            ReporterType::Public => "public",
            ReporterType::Researcher => "researcher",
            ReporterType::InternalMonitoring => "internal_monitoring",
            ReporterType::Agency => "agency",
        }
    }
}

/// How the reporter wants to appear on the Hall of Fame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HallOfFameChoice {
    RealName,
    Alias,
    Anonymous,
}

impl HallOfFameChoice {
    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            HallOfFameChoice::RealName => "real_name",
            HallOfFameChoice::Alias => "alias",
            HallOfFameChoice::Anonymous => "anonymous",
        }
    }
}

/// The name printed on the reporter's certificate. A separate choice from the Hall of Fame: the
/// certificate goes only to the reporter, so it carries the real name unless they ask otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum CertificateName {
    #[default]
    RealName,
    /// The alias given in `alias`.
    Alias,
}

impl CertificateName {
    pub fn as_str(self) -> &'static str {
        match self {
            CertificateName::RealName => "real_name",
            CertificateName::Alias => "alias",
        }
    }

    pub fn parse(s: &str) -> Option<CertificateName> {
        [CertificateName::RealName, CertificateName::Alias].into_iter().find(|c| c.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum ReportKind {
    Incident,
    Vulnerability,
}

impl ReportKind {
    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Incident => "incident",
            ReportKind::Vulnerability => "vulnerability",
        }
    }
}

/// Traffic Light Protocol 2.0 label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum Tlp {
    #[serde(rename = "clear")]
    Clear,
    #[serde(rename = "green")]
    Green,
    #[default]
    #[serde(rename = "amber")]
    Amber,
    #[serde(rename = "amber+strict")]
    #[cfg_attr(feature = "db", sea_orm(string_value = "amber+strict"))]
    AmberStrict,
    #[serde(rename = "red")]
    Red,
}

impl Tlp {
    pub fn as_str(self) -> &'static str {
        match self {
            Tlp::Clear => "clear",
            Tlp::Green => "green",
            Tlp::Amber => "amber",
            Tlp::AmberStrict => "amber+strict",
            Tlp::Red => "red",
        }
    }
}

/// Who reports. Personal data: shown to staff only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(
    feature = "server",
    validate(schema(function = "crate::validation::server::reporter", skip_on_field_errors = false))
)]
#[serde(deny_unknown_fields)]
pub struct ReporterInput {
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::name")))]
    pub name: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::email")))]
    pub email: String,
    /// Phone or WhatsApp number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::phone")))]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::organization")))]
    pub organization: Option<String>,
    pub reporter_type: ReporterType,
    pub hall_of_fame: HallOfFameChoice,
    /// The name on the appreciation certificate: the real name (default) or the alias.
    #[serde(default)]
    pub certificate_name: CertificateName,
    /// Required when `hall_of_fame` or `certificate_name` is `alias`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
}

/// The reporter's declarations; both must be `true`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[serde(deny_unknown_fields)]
pub struct Declarations {
    /// The finding was made and is reported in good faith, without harming the system or its data.
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::must_be_true")))]
    pub good_faith: bool,
    /// Consent to the processing of the personal data given here for handling the report (UU PDP 27/2022).
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::must_be_true")))]
    pub consent: bool,
}

/// The answer to a proof-of-work challenge (see `GET /api/v1/reports/challenge`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PowSolution {
    pub challenge: String,
    pub nonce: String,
}

/// A new report (SOP steps 2-3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({
    "reporter": {"name": "Budi Santoso", "email": "budi@example.com", "phone": "+62 812 3456 7890",
        "reporter_type": "researcher", "hall_of_fame": "alias", "alias": "budisec"},
    "kind": "incident", "title": "Halaman utama situs dinas diubah (deface)", "category": "web_defacement",
    "affected_asset": "https://disdik.kukarkab.go.id/", "discovered_at": "2026-11-29T08:30:00+08:00",
    "description": "Halaman utama menampilkan pesan peretas sejak pagi ini.",
    "steps_to_reproduce": "Buka https://disdik.kukarkab.go.id/ di peramban.", "impact": "Reputasi instansi.",
    "ongoing": true, "personal_data_involved": false, "tlp": "amber",
    "declarations": {"good_faith": true, "consent": true},
    "pow": {"challenge": "<from GET /api/v1/reports/challenge>", "nonce": "12345"}
})))]
#[serde(deny_unknown_fields)]
pub struct NewReport {
    #[cfg_attr(feature = "server", validate(nested))]
    pub reporter: ReporterInput,
    pub kind: ReportKind,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::title")))]
    pub title: String,
    /// A category code from `GET /api/v1/categories`.
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::required")))]
    pub category: String,
    /// URL, host name, IP address, or application name.
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::affected_asset")))]
    pub affected_asset: String,
    /// When the incident or weakness was found (RFC 3339).
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::not_in_future")))]
    pub discovered_at: DateTime<Utc>,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::description")))]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::long_text")))]
    pub steps_to_reproduce: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::long_text")))]
    pub impact: Option<String>,
    /// Is the incident still going on?
    pub ongoing: bool,
    pub personal_data_involved: bool,
    #[serde(default)]
    pub tlp: Tlp,
    /// CVSS 3.1 vector, scored by the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::cvss_vector")))]
    pub cvss_vector: Option<String>,
    #[cfg_attr(feature = "server", validate(nested))]
    pub declarations: Declarations,
    /// Also send the access key in the receipt email (off by default: email is not a safe place for it).
    #[serde(default)]
    pub email_access_key: bool,
    /// Leave empty. (A field people never see; software that fills every field gives itself away.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The proof-of-work answer; required unless the operator turned the challenge off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pow: Option<PowSolution>,
}

/// A stored evidence file, as the reporter sees it in the receipt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct EvidenceReceipt {
    pub file_name: String,
    /// The type decided from the file's content.
    pub content_type: String,
    pub size: u64,
    /// SHA-256 (hex) of the stored file.
    pub sha256: String,
    /// Image metadata (EXIF, GPS position, text chunks) was removed before storing.
    pub metadata_stripped: bool,
}

/// The answer to a submission. The access key is shown this once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({
    "ticket_code": "TTIS-2026-000123", "access_key": "7KQ2-9D3M-X4TB-1H8R-ZP6W-5N0C-VF",
    "status": "submitted", "submitted_at": "2026-11-29T01:02:03Z", "evidence": []
})))]
pub struct ReportReceipt {
    pub ticket_code: String,
    /// 128-bit secret that, with the ticket code, opens the status page. Keep it; it is not stored.
    pub access_key: String,
    pub status: ReportState,
    pub submitted_at: DateTime<Utc>,
    pub evidence: Vec<EvidenceReceipt>,
}

/// Ask for a report's status with its code and key (in the body, never in a URL).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"ticket_code": "TTIS-2026-000123", "access_key": "7KQ2-9D3M-X4TB-1H8R-ZP6W-5N0C-VF"})))]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 64, code = "required")))]
    pub ticket_code: String,
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 128, code = "required")))]
    pub access_key: String,
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Label {
    pub id: String,
    pub en: String,
}

/// The SOP step a ticket is in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StepInfo {
    /// 1-9.
    pub number: u8,
    pub label: Label,
    /// The step's time standard (*Mutu Baku*); absent where the SOP sets none.
    pub time_standard: Option<TimeStandard>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PublicEventKind {
    StateChange,
    Message,
}

/// One entry of the public timeline: state changes and messages between the team and the reporter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublicEvent {
    pub at: DateTime<Utc>,
    pub kind: PublicEventKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_state: Option<ReportState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_label: Option<Label>,
    /// `team` or `reporter`.
    pub author: String,
    /// What the entry records beyond its kind (a rejection's reason, the delivery of the
    /// documents, the files added to an answer), for the reader's language to word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<super::timeline::TimelineEvent>,
    /// Text a person wrote (a message, question or answer), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The text was erased when the ticket's retention period ended.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub erased: bool,
}

/// What a reporter sees about their report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReportStatus {
    pub ticket_code: String,
    pub title: String,
    pub state: ReportState,
    pub state_label: Label,
    /// The SOP step the ticket is in now (none once closed).
    pub current_step: Option<StepInfo>,
    pub submitted_at: DateTime<Utc>,
    pub state_entered_at: DateTime<Utc>,
    pub timeline: Vec<PublicEvent>,
    /// The letter and certificate once the head has approved and signed them (delivered in step 9).
    #[serde(default)]
    pub approved_documents: Vec<ApprovedDocument>,
    /// The steps of the procedure with the time each was done (the nine; without the Hall of Fame
    /// for a ticket of the platform's own monitoring).
    #[serde(default)]
    pub steps: Vec<super::delivery::StepProgress>,
    /// What the reporter may download with the key (`POST /reports/documents/{kind}`): the
    /// certificate, and the letter only when its TLP label is CLEAR or GREEN (otherwise it is the PSE's).
    #[serde(default)]
    pub downloads: Vec<super::documents::DocumentKind>,
    /// How the reporter is shown on the Hall of Fame now.
    pub hall_of_fame: super::delivery::HallOfFameDisplay,
}

/// A signed document of the reporter's ticket, as the tracking page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ApprovedDocument {
    pub kind: super::documents::DocumentKind,
    pub label: Label,
    pub approved_at: DateTime<Utc>,
}

/// One category of the incident taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Category {
    pub code: String,
    /// The top-level class this sub-type belongs to (ENISA / TF-CSIRT RSIT).
    pub parent: Option<String>,
    pub label: Label,
    pub sort_order: i32,
    /// No longer offered for new reports (listed only with `include_retired`).
    #[serde(default)]
    pub retired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CategoryList {
    pub items: Vec<Category>,
}

/// A proof-of-work challenge: find a `nonce` such that SHA-256(`challenge` + ":" + `nonce`) starts
/// with `difficulty` zero bits, and send both with the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PowChallenge {
    pub challenge: String,
    pub difficulty: u8,
    pub expires_at: DateTime<Utc>,
}

/// What the public pages need to know about this deployment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SiteInfo {
    /// e.g. `PEMERINTAH KABUPATEN KUTAI KARTANEGARA`.
    pub government_name: String,
    /// e.g. `DINAS KOMUNIKASI DAN INFORMATIKA`.
    pub agency_name: String,
    /// The safe-harbour / good-faith policy shown on the home page and the form.
    pub safe_harbor: Label,
    /// Where security contacts go (`mailto:` or `https:`), as in `security.txt`.
    pub security_contact: String,
    /// Largest evidence file, bytes.
    pub evidence_max_file_bytes: u64,
    /// Largest total of a report's evidence, bytes.
    pub evidence_max_total_bytes: u64,
    /// Most evidence files per report.
    pub evidence_max_files: u32,
    /// The types accepted as evidence (decided by content, not by name).
    pub evidence_types: Vec<String>,
    /// Proof-of-work difficulty in bits; 0 when the challenge is off.
    pub pow_difficulty: u8,
    /// The ticket-code prefix (`TTIS`).
    pub ticket_prefix: String,
}
