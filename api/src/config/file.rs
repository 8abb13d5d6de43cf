//! The optional TOML file (`TTIS_CONFIG`).

use std::path::PathBuf;

use serde::Deserialize;

use super::{LogFormat, RunMode};

/// The optional file's shape: every key optional, same names as the environment without `TTIS_`,
/// in lower case (`bind = "0.0.0.0:8080"`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileConfig {
    pub(super) mode: Option<RunMode>,
    pub(super) bind: Option<String>,
    pub(super) public_url: Option<String>,
    pub(super) data_dir: Option<PathBuf>,
    pub(super) database_url: Option<String>,
    pub(super) db_max_connections: Option<u32>,
    pub(super) web_dir: Option<PathBuf>,
    pub(super) store_url: Option<String>,
    pub(super) workers: Option<usize>,
    pub(super) access_token_ttl_secs: Option<u64>,
    pub(super) refresh_token_ttl_secs: Option<u64>,
    pub(super) bootstrap_admin_email: Option<String>,
    pub(super) login_max_failures_per_account: Option<u32>,
    pub(super) login_max_failures_per_ip: Option<u32>,
    pub(super) login_window_secs: Option<u64>,
    pub(super) json_limit: Option<usize>,
    pub(super) log_format: Option<LogFormat>,
    pub(super) trusted_proxies: Option<Vec<String>>,
    pub(super) cors_origins: Option<Vec<String>>,
    pub(super) clamd_addr: Option<String>,
    pub(super) swagger_ui: Option<String>,
    pub(super) server_timing: Option<String>,
    pub(super) retention_interval_secs: Option<u64>,
    pub(super) time_zone: Option<String>,
    pub(super) metrics_networks: Option<Vec<String>>,
    pub(super) webhook_allow_networks: Option<Vec<String>>,
    pub(super) government_name: Option<String>,
    pub(super) agency_name: Option<String>,
    pub(super) security_contact: Option<String>,
    pub(super) report_email: Option<String>,
    pub(super) safe_harbor_id: Option<String>,
    pub(super) safe_harbor_en: Option<String>,
    pub(super) city: Option<String>,
    pub(super) org_address: Option<String>,
    pub(super) org_phone: Option<String>,
    pub(super) head_title: Option<String>,
    /// Retired: signers are per head account now. Still read, so an old file loads, and named
    /// in a start-up warning.
    pub(super) signer_name: Option<String>,
    pub(super) signer_title: Option<String>,
    pub(super) signer_nip: Option<String>,
    pub(super) signer_rank: Option<String>,
    pub(super) letter_number_pattern: Option<String>,
    pub(super) certificate_number_pattern: Option<String>,
    pub(super) ticket_prefix: Option<String>,
    pub(super) evidence_max_file_bytes: Option<u64>,
    pub(super) evidence_max_total_bytes: Option<u64>,
    pub(super) upload_idle_secs: Option<u64>,
    pub(super) rate_submit_per_hour: Option<u32>,
    pub(super) rate_status_per_minute: Option<u32>,
    pub(super) pow_difficulty: Option<u8>,
    pub(super) mail_from: Option<String>,
    pub(super) outbox_worker: Option<bool>,
    pub(super) outbox_poll_secs: Option<u64>,
    pub(super) outbox_retry_secs: Option<u64>,
    pub(super) outbox_lease_secs: Option<u64>,
}
