//! The monitoring job's settings (`TTIS_MONITOR_*`).

use std::path::PathBuf;
use std::time::Duration;

use anyhow::bail;

use super::env::{Env, parse};

#[derive(Debug, Clone)]
pub struct MonitorSettings {
    /// Whether this process runs the checks (`TTIS_MONITOR`, `on` by default). Several replicas
    /// may all run it: a claim gives each due URL to one of them.
    pub worker: bool,
    /// How often the job looks for due URLs (`TTIS_MONITOR_TICK_SECS`, 30 s).
    pub tick: Duration,
    /// Networks a monitored URL may reach although not public (`TTIS_MONITOR_ALLOW_NETWORKS`,
    /// CIDRs, comma-separated): an internal system; the tests' loopback servers.
    pub allow_networks: Vec<String>,
    /// PEM certificates trusted besides the public roots (`TTIS_MONITOR_CA_FILE`): an agency's
    /// own certification authority.
    pub ca_file: Option<PathBuf>,
    /// The whole fetch, connection to last byte (`TTIS_MONITOR_TIMEOUT_SECS`, 15 s).
    pub timeout: Duration,
    /// The most of a page read (`TTIS_MONITOR_MAX_BYTES`, 2 MiB); a longer page is judged on
    /// its beginning.
    pub max_bytes: usize,
    /// Failed checks in a row before they are one finding (`TTIS_MONITOR_FAILURES`, 3).
    pub failures_for_finding: u32,
    /// A certificate expiring within this many days is a finding (`TTIS_MONITOR_TLS_DAYS`, 14).
    pub tls_warn_days: i64,
    /// `TTIS_MONITOR_DEFACEMENT_PHRASES` (comma-separated); empty: the built-in list.
    pub defacement_phrases: Vec<String>,
    /// `TTIS_MONITOR_GAMBLING_WORDS` (comma-separated); empty: the built-in list.
    pub gambling_words: Vec<String>,
    /// A headless Chromium (`TTIS_MONITOR_CHROMIUM`, a path): when set, a new finding's ticket
    /// also carries a screenshot of the fetched page, rendered offline.
    pub chromium: Option<PathBuf>,
}

fn list(env: &dyn Env, name: &str) -> Vec<String> {
    env.var(name)
        .map(|v| v.split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect())
        .unwrap_or_default()
}

impl MonitorSettings {
    pub(super) fn load(env: &dyn Env) -> anyhow::Result<MonitorSettings> {
        let allow_networks = list(env, "TTIS_MONITOR_ALLOW_NETWORKS");
        if let Some(bad) = allow_networks.iter().find(|p| crate::services::pse::Cidr::parse(p).is_none()) {
            bail!("TTIS_MONITOR_ALLOW_NETWORKS: {bad:?} is not an IP address or CIDR range");
        }
        let worker = match env.var("TTIS_MONITOR").as_deref().map(str::trim) {
            None | Some("on") => true,
            Some("off") => false,
            Some(other) => bail!("TTIS_MONITOR={other:?}: expected `on` or `off`"),
        };
        let secs = |name: &str, default: u64| -> anyhow::Result<Duration> {
            let v: u64 = parse(env, name)?.unwrap_or(default);
            if v == 0 {
                bail!("{name}: at least 1");
            }
            Ok(Duration::from_secs(v))
        };
        let chromium = env.var("TTIS_MONITOR_CHROMIUM").map(|p| p.trim().to_string()).filter(|p| !p.is_empty());
        if let Some(path) = &chromium
            && !std::path::Path::new(path).is_file()
        {
            bail!(
                "TTIS_MONITOR_CHROMIUM: {path:?} is not a file (the path of a headless Chromium, e.g. /usr/bin/chromium)"
            );
        }
        Ok(MonitorSettings {
            worker,
            tick: secs("TTIS_MONITOR_TICK_SECS", 30)?,
            allow_networks,
            ca_file: env.var("TTIS_MONITOR_CA_FILE").map(PathBuf::from),
            timeout: secs("TTIS_MONITOR_TIMEOUT_SECS", 15)?,
            max_bytes: parse(env, "TTIS_MONITOR_MAX_BYTES")?.unwrap_or(2 * 1024 * 1024),
            failures_for_finding: parse(env, "TTIS_MONITOR_FAILURES")?.unwrap_or(3).max(1),
            tls_warn_days: parse(env, "TTIS_MONITOR_TLS_DAYS")?.unwrap_or(14),
            defacement_phrases: list(env, "TTIS_MONITOR_DEFACEMENT_PHRASES"),
            gambling_words: list(env, "TTIS_MONITOR_GAMBLING_WORDS"),
            chromium: chromium.map(PathBuf::from),
        })
    }
}
