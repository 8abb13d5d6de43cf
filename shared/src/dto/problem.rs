//! RFC 9457 problem details, the body of every error the API returns.

use serde::{Deserialize, Serialize};

/// An error answer (`application/problem+json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({
    "type": "https://ttis.kukarkab.go.id/problems/validation_failed",
    "title": "Data tidak valid",
    "status": 422,
    "detail": "Periksa kembali isian yang ditandai.",
    "code": "validation_failed",
    "errors": [{"field": "email", "code": "invalid_email", "message": "Alamat email tidak valid."}]
})))]
pub struct Problem {
    /// A URI naming the problem type; its last segment is `code`.
    #[serde(rename = "type")]
    pub type_: String,
    /// A short summary, in the caller's language.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What happened and what to do, in the caller's language (Indonesian unless `Accept-Language` prefers English).
    pub detail: String,
    /// Stable machine-readable code (`validation_failed`, `unauthenticated`, `forbidden`, ...).
    pub code: String,
    /// The request's id, to quote when asking the operators about a server error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// One entry per invalid field, for `validation_failed`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// For refused actions: the actions that are possible instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_actions: Option<Vec<String>>,
}

/// A field that broke a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's path in the request body (`email`, `reporter.name`).
    pub field: String,
    /// The rule's machine code (`required`, `too_short`, `invalid_email`, ...).
    pub code: String,
    /// The rule's message, in the caller's language.
    pub message: String,
}
