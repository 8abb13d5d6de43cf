//! The audit log as admins read it, and the verification of its hash chain.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The account's email, `reporter`, `sistem`, ...
    pub actor: String,
    pub action: String,
    pub target: Option<String>,
    pub details: serde_json::Value,
    pub ip: Option<String>,
    /// SHA-256 of the previous entry and of this one.
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AuditList {
    pub items: Vec<AuditEntry>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

/// Filters of the audit log, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// An action or its prefix (`ticket.` for every ticket action).
    pub action: Option<String>,
    /// Part of the actor.
    pub actor: Option<String>,
    /// Exact target (`ticket:TTIS-2026-000123`).
    pub target: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// From 1.
    #[cfg_attr(feature = "server", param(minimum = 1, maximum = 1_000_000))]
    pub page: Option<u64>,
    /// 1-200, default 50; outside that, `400 invalid_parameter`.
    #[cfg_attr(feature = "server", param(minimum = 1, maximum = 200))]
    pub per_page: Option<u64>,
}

/// The chain recomputed from the first entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AuditVerification {
    pub intact: bool,
    /// Entries checked.
    pub checked: u64,
    /// The first entry whose hash or link does not match (everything after it is suspect).
    pub first_broken_id: Option<i64>,
}
