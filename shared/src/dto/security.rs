//! Account security (second factor, sessions, own password) and data protection (security policy,
//! retention, a reporter's data on request).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The platform's security policy (admin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"require_totp_for_privileged": true, "retention_days": 730})))]
#[serde(deny_unknown_fields)]
pub struct SecurityPolicy {
    /// Administrators and heads must use a second factor (TOTP). Until they enrol, their sessions
    /// can only reach their own account (`403 totp_enrollment_required` elsewhere).
    pub require_totp_for_privileged: bool,
    /// Days after which a closed ticket's reporter data is erased (name, email, phone,
    /// organisation, evidence files, message contents); the ticket's category, severity, dates and
    /// outcome stay for the statistics. Absent: kept until erased by hand.
    #[cfg_attr(feature = "server", validate(range(min = 1, max = 36500)))]
    #[cfg_attr(feature = "server", schema(minimum = 1, maximum = 36500))]
    pub retention_days: Option<u32>,
}

/// A change of the security policy (admin): the policy, and the step-up that turning the second
/// factor off needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"require_totp_for_privileged": false, "retention_days": 730, "password": "sandi-saya-saat-ini", "totp": "123456"})))]
#[serde(deny_unknown_fields)]
pub struct SecurityPolicyChange {
    pub require_totp_for_privileged: bool,
    #[cfg_attr(feature = "server", validate(range(min = 1, max = 36500)))]
    #[cfg_attr(feature = "server", schema(minimum = 1, maximum = 36500))]
    pub retention_days: Option<u32>,
    /// Step-up: this change needs the person, not only a session, so it carries the signed-in
    /// account's current password again (else `401 reauthentication_required`). Needed when
    /// `require_totp_for_privileged` turns from `true` to `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", schema(format = Password))]
    pub password: Option<String>,
    /// With `password`, for an account with a second factor: the authenticator app's current code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp: Option<String>,
}

impl SecurityPolicyChange {
    /// The policy this change asks for.
    pub fn policy(&self) -> SecurityPolicy {
        SecurityPolicy {
            require_totp_for_privileged: self.require_totp_for_privileged,
            retention_days: self.retention_days,
        }
    }
}

/// What one retention run did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RetentionRun {
    /// Tickets whose reporter data was erased in this run.
    pub anonymized: u64,
    /// Their codes.
    pub codes: Vec<String>,
    /// Evidence files removed from the store.
    pub files_removed: u64,
    /// Closed before this instant counted as expired (absent when no retention is set).
    pub cutoff: Option<DateTime<Utc>>,
}

/// Ask for everything held about one reporter (a data subject's request under UU PDP 27/2022).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"email": "budi@example.com", "password": "sandi-saya-saat-ini"})))]
#[serde(deny_unknown_fields)]
pub struct ReporterDataRequest {
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::email")))]
    pub email: String,
    /// Step-up: this change needs the person, not only a session, so it carries the signed-in
    /// account's current password again (else `401 reauthentication_required`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", schema(format = Password))]
    pub password: Option<String>,
    /// With `password`, for an account with a second factor: the authenticator app's current code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp: Option<String>,
}

/// Everything held about one reporter, by email.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReporterData {
    pub email: String,
    pub generated_at: DateTime<Utc>,
    pub tickets: Vec<ReporterTicketData>,
}

/// One report as held, with its personal data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReporterTicketData {
    pub code: String,
    pub submitted_at: DateTime<Utc>,
    pub state: crate::ReportState,
    pub reporter_name: String,
    pub reporter_email: String,
    pub reporter_phone: Option<String>,
    pub reporter_organization: Option<String>,
    pub reporter_type: String,
    pub hall_of_fame: String,
    pub hall_of_fame_alias: Option<String>,
    pub title: String,
    pub affected_asset: String,
    pub description: String,
    pub steps_to_reproduce: Option<String>,
    pub impact: Option<String>,
    /// Uploaded files (name, type, size, SHA-256).
    pub evidence: Vec<ReporterEvidenceData>,
    /// Messages exchanged with the reporter.
    pub messages: Vec<ReporterMessageData>,
    /// Emails sent to the reporter.
    pub emails: Vec<ReporterEmailData>,
    /// When the reporter data was erased by the retention job, if it was.
    pub anonymized_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReporterEvidenceData {
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReporterMessageData {
    pub at: DateTime<Utc>,
    /// `reporter` or `staff`.
    pub from: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReporterEmailData {
    pub created_at: DateTime<Utc>,
    pub subject: String,
    /// `pending`, `sent` or `failed`.
    pub status: String,
    pub sent_at: Option<DateTime<Utc>>,
}

/// One live session of an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// The session this request was made with.
    pub current: bool,
}

/// Change one's own password. Other sessions of the account end.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"current_password": "sandi-lama-yang-panjang", "new_password": "sandi-baru-yang-panjang"})))]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 1024, code = "required")))]
    pub current_password: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::password")))]
    pub new_password: String,
}

/// Start enrolling an authenticator app: needs the account's password.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"password": "kata-sandi-panjang-sekali"})))]
#[serde(deny_unknown_fields)]
pub struct TotpSetupRequest {
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 1024, code = "required")))]
    pub password: String,
}

/// The secret to put into an authenticator app (RFC 6238: SHA-1, 6 digits, 30 seconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TotpSetup {
    /// Base32, for typing in by hand.
    pub secret: String,
    /// `otpauth://totp/...`, as encoded in the QR code.
    pub otpauth_uri: String,
    /// The QR code of `otpauth_uri` as an SVG document.
    pub qr_svg: String,
}

/// Confirm enrolment with a code from the app.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"code": "492039"})))]
#[serde(deny_unknown_fields)]
pub struct TotpCodeRequest {
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::totp_code")))]
    pub code: String,
}

/// Turn the second factor off: needs the password and a current code.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"password": "kata-sandi-panjang-sekali", "code": "492039"})))]
#[serde(deny_unknown_fields)]
pub struct TotpRemovalRequest {
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 1024, code = "required")))]
    pub password: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::totp_code")))]
    pub code: String,
}
