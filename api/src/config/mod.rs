//! Configuration: built-in defaults, then an optional TOML file (`TTIS_CONFIG`), then the
//! environment (`TTIS_*`, `DATABASE_URL`). Secrets may come from `*_FILE` variables and never
//! appear in `Debug` output or logs.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use serde::Deserialize;

mod env;
mod file;
pub mod monitor;

pub use env::{Env, ProcessEnv};
use env::{parse, secret_var};
use file::FileConfig;

/// A value that must not be printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    pub fn new(value: T) -> Self {
        Secret(value)
    }
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// `development` (the embedded default: generated secrets, SQLite under the data dir) or
/// `production` (secrets must be given).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RunMode {
    Development,
    Production,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Settings {
    pub mode: RunMode,
    /// Address to listen on (`TTIS_BIND`); port 0 picks a free port (tests).
    pub bind: String,
    /// The address people use to reach the platform (`TTIS_PUBLIC_URL`): links in emails, the
    /// JWT issuer, and whether cookies are `Secure` (when it is `https://`).
    pub public_url: String,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub db_max_connections: u32,
    /// Where the built SPA is (`TTIS_WEB_DIR`).
    pub web_dir: PathBuf,
    /// Where evidence and documents are kept (`TTIS_STORE_URL`): unset or `file:///path` for a
    /// local folder (`<data dir>/evidence` by default), `s3://bucket/prefix` for an S3-compatible
    /// bucket configured from the standard `AWS_*` variables.
    pub store_url: Option<String>,
    /// The bucket's settings: every `AWS_*` variable (endpoint, region, keys, addressing), as the
    /// `object_store` crate names them.
    pub store_options: Secret<Vec<(String, String)>>,
    /// This process's name in `/metrics` (`TTIS_INSTANCE`; by default the host name and the
    /// process id), so the counters of several replicas can be told apart and added up.
    pub instance: String,
    pub workers: usize,
    pub jwt_secret: Secret<Vec<u8>>,
    /// The Ed25519 seed that signs final documents (`TTIS_SIGNING_KEY`, 64 hex characters;
    /// generated into `<data dir>/signing-key` for the embedded default).
    pub signing_key: Secret<[u8; 32]>,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    pub bootstrap_admin_email: Option<String>,
    pub bootstrap_admin_password: Option<Secret<String>>,
    /// Failed sign-ins allowed per account, and per client IP, within `login_window`.
    pub login_max_failures_per_account: u32,
    pub login_max_failures_per_ip: u32,
    pub login_window: Duration,
    /// Largest JSON body accepted, in bytes.
    pub json_limit: usize,
    pub log_format: LogFormat,
    /// Reverse proxies whose `X-Forwarded-For` is believed (`TTIS_TRUSTED_PROXIES`: IPs or CIDRs,
    /// comma-separated). Empty: the socket's peer is the client.
    pub trusted_proxies: Vec<String>,
    /// Origins allowed to call the API from a browser on another site (`TTIS_CORS_ORIGINS`,
    /// comma-separated, e.g. `https://portal.kukarkab.go.id`). Empty: CORS stays closed.
    pub cors_origins: Vec<String>,
    /// `host:port` of a clamd daemon (`TTIS_CLAMD_ADDR`); when set, every evidence file is scanned
    /// before it is kept, and a report is refused while the scanner cannot be reached.
    pub clamd_addr: Option<String>,
    /// Whether `/swagger-ui/` is served (`TTIS_SWAGGER_UI`, `on` or `off`; default on). The OpenAPI
    /// document at `/api/openapi.json` stays public either way.
    pub swagger_ui: bool,
    /// Whether answers carry `Server-Timing: db;dur=..;desc="<n> statements"` (`TTIS_SERVER_TIMING`,
    /// `on` or `off`; default off): the SQL statements the request ran and their time.
    pub server_timing: bool,
    /// Networks (CIDRs) a webhook may call although they are not public
    /// (`TTIS_WEBHOOK_ALLOW_NETWORKS`, comma-separated); empty: public addresses only.
    pub webhook_allow_networks: Vec<String>,
    /// The monitoring job (`TTIS_MONITOR_*`, `config/monitor.rs`).
    pub monitor: monitor::MonitorSettings,
    /// How often the retention job looks for expired personal data (`TTIS_RETENTION_INTERVAL_SECS`).
    pub retention_interval: Duration,
    /// The deployment's time zone (`TTIS_TIME_ZONE`, an IANA name: `Asia/Jakarta`, `Asia/Pontianak`,
    /// `Asia/Makassar` (default) or `Asia/Jayapura`): ticket years, dates and SLA calendar.
    pub time_zone: crate::services::clock::Zone,
    pub site: SiteSettings,
    pub metrics: MetricsSettings,
    pub reports: ReportSettings,
    pub mail: MailSettings,
    /// What the configuration says that deserves a warning at start-up (retired settings).
    pub notices: Vec<String>,
}

/// Who runs this deployment (the letterhead comes later from the database; these seed it).
#[derive(Debug, Clone)]
pub struct SiteSettings {
    pub government_name: String,
    pub agency_name: String,
    pub security_contact: String,
    /// Where reports can be emailed when the web form cannot be used (`TTIS_REPORT_EMAIL`; by
    /// default the security contact's address when it is an email, else `ttis@<public host>`).
    /// Shown in the pages' `<noscript>` block and when the SPA fails to load.
    pub report_email: String,
    pub safe_harbor_id: String,
    pub safe_harbor_en: String,
    /// The place in document date lines (`Tenggarong, 10 Juli 2025`).
    pub city: String,
    /// Seeds of the organisation settings (the database row is what documents use; admins edit it).
    pub address: String,
    pub phone: String,
    /// The title of the agency's head (`Kepala Dinas Komunikasi dan Informatika`). Who signs is
    /// each head account's signer profile, not the configuration.
    pub head_title: String,
    pub letter_number_pattern: String,
    pub certificate_number_pattern: String,
}

/// Who may read `/metrics`.
#[derive(Debug, Clone, Default)]
pub struct MetricsSettings {
    /// `TTIS_METRICS_TOKEN`: a bearer token for the scraper.
    pub token: Option<Secret<String>>,
    /// `TTIS_METRICS_NETWORKS`: IPs or CIDRs allowed without the token (comma-separated).
    pub networks: Vec<String>,
}

/// Public reporting limits.
#[derive(Debug, Clone)]
pub struct ReportSettings {
    pub ticket_prefix: String,
    pub evidence_max_file_bytes: u64,
    pub evidence_max_total_bytes: u64,
    /// The longest silence while an upload's body arrives (a body that never ends is cut off).
    pub upload_idle: Duration,
    /// Submissions per client address per hour.
    pub submit_per_hour: u32,
    /// Status lookups per client address per minute.
    pub status_per_minute: u32,
    /// Proof-of-work difficulty in bits (0 turns the challenge off).
    pub pow_difficulty: u8,
}

#[derive(Debug, Clone)]
pub struct MailSettings {
    /// `smtp://user:pass@host:587` (STARTTLS), `smtps://...` (TLS) or `smtp://host:25?tls=none`;
    /// absent: messages are written as `.eml` files under `<data dir>/mail`.
    pub smtp_url: Option<Secret<String>>,
    pub from: String,
    /// Run the outbox worker in this process.
    pub worker: bool,
    pub poll_interval: Duration,
    /// The first retry's wait after a failed delivery; each next one doubles (at most an hour).
    pub retry_base: Duration,
    /// How long a worker's claim on a message holds before another worker may take it.
    pub lease: Duration,
}

/// The letterhead's address until the agency sets its own (the setup checklist points at it).
pub const DEFAULT_ORG_ADDRESS: &str = "Tenggarong, Kutai Kartanegara, Kalimantan Timur";

pub const DEFAULT_SAFE_HARBOR_ID: &str = "Kami menghargai pelaporan dengan itikad baik. Selama Anda tidak mengakses, \
mengubah, menghapus, atau menyebarkan data melebihi yang diperlukan untuk membuktikan temuan, tidak mengganggu \
layanan, dan memberi kami waktu yang wajar untuk memperbaikinya sebelum mengungkapkannya, kami tidak akan \
menempuh langkah hukum atas temuan Anda dan akan mencantumkan nama Anda di Hall of Fame bila Anda menghendaki.";
pub const DEFAULT_SAFE_HARBOR_EN: &str = "We value reports made in good faith. As long as you do not access, change, \
delete or share data beyond what is needed to show the finding, do not disrupt services, and give us reasonable time \
to fix the issue before disclosing it, we will not pursue legal action over your finding and will list you on the \
Hall of Fame if you wish.";

impl Settings {
    /// Loads the settings from the process environment (and the file it may name).
    pub fn load() -> anyhow::Result<Settings> {
        Settings::load_from(&ProcessEnv)
    }

    pub fn load_from(env: &dyn Env) -> anyhow::Result<Settings> {
        let file: FileConfig = match env.var("TTIS_CONFIG") {
            Some(path) => {
                let text =
                    std::fs::read_to_string(&path).with_context(|| format!("TTIS_CONFIG: cannot read {path}"))?;
                toml::from_str(&text).with_context(|| format!("TTIS_CONFIG: {path} is not valid"))?
            }
            None => FileConfig::default(),
        };

        let mode = match env.var("TTIS_MODE") {
            Some(m) if m == "production" => RunMode::Production,
            Some(m) if m == "development" => RunMode::Development,
            Some(m) => bail!("TTIS_MODE={m:?}: expected `development` or `production`"),
            None => file.mode.unwrap_or(RunMode::Development),
        };
        let bind = env.var("TTIS_BIND").or(file.bind).unwrap_or_else(|| "127.0.0.1:8080".into());
        let data_dir = env.var("TTIS_DATA_DIR").map(PathBuf::from).or(file.data_dir).unwrap_or_else(|| "data".into());
        let public_url = env
            .var("TTIS_PUBLIC_URL")
            .or(file.public_url)
            .unwrap_or_else(|| format!("http://{bind}"))
            .trim_end_matches('/')
            .to_string();
        let database_url = match secret_var(env, "DATABASE_URL")?.or(file.database_url) {
            Some(url) => url,
            None if mode == RunMode::Production => {
                bail!("DATABASE_URL is required in production mode")
            }
            None => format!("sqlite://{}?mode=rwc", data_dir.join("ttis.db").display()),
        };
        let is_sqlite = database_url.starts_with("sqlite:");
        let db_max_connections = parse(env, "TTIS_DB_MAX_CONNECTIONS")?
            .or(file.db_max_connections)
            .unwrap_or(if is_sqlite { 1 } else { 10 });
        let web_dir = env.var("TTIS_WEB_DIR").map(PathBuf::from).or(file.web_dir).unwrap_or_else(|| "web/dist".into());
        let store_url = env.var("TTIS_STORE_URL").or(file.store_url).filter(|u| !u.trim().is_empty());
        let instance = env.var("TTIS_INSTANCE").filter(|i| !i.trim().is_empty()).unwrap_or_else(default_instance);
        let workers = parse(env, "TTIS_WORKERS")?.or(file.workers).unwrap_or(2).max(1);

        let jwt_secret = match secret_var(env, "TTIS_JWT_SECRET")? {
            Some(s) => s.into_bytes(),
            None if mode == RunMode::Production => {
                bail!("TTIS_JWT_SECRET (or TTIS_JWT_SECRET_FILE) is required in production mode")
            }
            None => generated_secret(&data_dir.join("jwt-secret"))?,
        };
        if jwt_secret.len() < 32 {
            bail!("TTIS_JWT_SECRET must be at least 32 bytes long");
        }
        // The agency's document-signing key: an Ed25519 seed, 64 hex characters.
        let signing_key = match secret_var(env, "TTIS_SIGNING_KEY")? {
            Some(s) => s.trim().to_string().into_bytes(),
            None if mode == RunMode::Production => {
                bail!("TTIS_SIGNING_KEY (or TTIS_SIGNING_KEY_FILE) is required in production mode")
            }
            None => generated_secret(&data_dir.join("signing-key"))?,
        };
        let signing_key: [u8; 32] = std::str::from_utf8(&signing_key)
            .ok()
            .and_then(|h| hex::decode(h).ok())
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| anyhow::anyhow!("TTIS_SIGNING_KEY must be 64 hex characters (an Ed25519 seed)"))?;

        let secs = |name: &str, file_value: Option<u64>, default: u64| -> anyhow::Result<Duration> {
            Ok(Duration::from_secs(parse::<u64>(env, name)?.or(file_value).unwrap_or(default)))
        };
        let log_format = match env.var("TTIS_LOG_FORMAT").as_deref() {
            Some("json") => LogFormat::Json,
            Some("text") => LogFormat::Text,
            Some(other) => bail!("TTIS_LOG_FORMAT={other:?}: expected `text` or `json`"),
            None => {
                file.log_format.unwrap_or(if mode == RunMode::Production { LogFormat::Json } else { LogFormat::Text })
            }
        };

        let text = |name: &str, file_value: Option<String>, default: &str| -> String {
            env.var(name).or(file_value).unwrap_or_else(|| default.to_string())
        };
        let host = public_url
            .split("://")
            .nth(1)
            .unwrap_or("localhost")
            .split(['/', ':'])
            .next()
            .unwrap_or("localhost")
            .to_string();
        let agency_name = text("TTIS_AGENCY_NAME", file.agency_name, "DINAS KOMUNIKASI DAN INFORMATIKA");
        let mut notices = Vec::new();
        for (var, set) in [
            ("TTIS_SIGNER_NAME", env.var("TTIS_SIGNER_NAME").is_some() || file.signer_name.is_some()),
            ("TTIS_SIGNER_NIP", env.var("TTIS_SIGNER_NIP").is_some() || file.signer_nip.is_some()),
            ("TTIS_SIGNER_RANK", env.var("TTIS_SIGNER_RANK").is_some() || file.signer_rank.is_some()),
        ] {
            if set {
                notices.push(format!(
                    "{var} is no longer used: each head account has its own signer profile (Account page, or the \
                     admin's Users page), and a document names the head who approved it"
                ));
            }
        }
        let security_contact = text("TTIS_SECURITY_CONTACT", file.security_contact, &format!("mailto:ttis@{host}"));
        let site = SiteSettings {
            government_name: text(
                "TTIS_GOVERNMENT_NAME",
                file.government_name,
                "PEMERINTAH KABUPATEN KUTAI KARTANEGARA",
            ),
            agency_name: agency_name.clone(),
            security_contact: security_contact.clone(),
            report_email: text("TTIS_REPORT_EMAIL", file.report_email, &default_report_email(&security_contact, &host)),
            safe_harbor_id: text("TTIS_SAFE_HARBOR_ID", file.safe_harbor_id, DEFAULT_SAFE_HARBOR_ID),
            safe_harbor_en: text("TTIS_SAFE_HARBOR_EN", file.safe_harbor_en, DEFAULT_SAFE_HARBOR_EN),
            city: text("TTIS_CITY", file.city, "Tenggarong"),
            address: text("TTIS_ORG_ADDRESS", file.org_address, DEFAULT_ORG_ADDRESS),
            phone: text("TTIS_ORG_PHONE", file.org_phone, ""),
            head_title: env
                .var("TTIS_HEAD_TITLE")
                .or(file.head_title)
                .or_else(|| env.var("TTIS_SIGNER_TITLE"))
                .or(file.signer_title.clone())
                .unwrap_or_else(|| format!("Kepala {}", ttis_shared::i18n::title_case(&agency_name))),
            letter_number_pattern: text(
                "TTIS_LETTER_NUMBER_PATTERN",
                file.letter_number_pattern,
                "B-{seq}/DISKOMINFO/000.6/{MM}/{YYYY}",
            ),
            certificate_number_pattern: text(
                "TTIS_CERTIFICATE_NUMBER_PATTERN",
                file.certificate_number_pattern,
                "{seq}/SERT-TTIS/{ROMAN_MM}/{YYYY}",
            ),
        };
        if !is_plain_email(&site.report_email) {
            bail!("TTIS_REPORT_EMAIL={:?}: expected one email address such as lapor@example.go.id", site.report_email);
        }
        for (name, pattern) in [
            ("TTIS_LETTER_NUMBER_PATTERN", &site.letter_number_pattern),
            ("TTIS_CERTIFICATE_NUMBER_PATTERN", &site.certificate_number_pattern),
        ] {
            if ttis_shared::validation::number_pattern(pattern).is_err() {
                bail!("{name}={pattern:?}: use {{seq}} once, and {{YYYY}}, {{MM}} or {{ROMAN_MM}}");
            }
        }
        let ticket_prefix = text("TTIS_TICKET_PREFIX", file.ticket_prefix, "TTIS");
        if ticket_prefix.is_empty()
            || ticket_prefix.len() > 12
            || !ticket_prefix.chars().all(|c| c.is_ascii_alphanumeric())
        {
            bail!("TTIS_TICKET_PREFIX={ticket_prefix:?}: use 1-12 letters or digits");
        }
        let reports = ReportSettings {
            ticket_prefix,
            evidence_max_file_bytes: parse(env, "TTIS_EVIDENCE_MAX_FILE_BYTES")?
                .or(file.evidence_max_file_bytes)
                .unwrap_or(20 * 1024 * 1024),
            evidence_max_total_bytes: parse(env, "TTIS_EVIDENCE_MAX_TOTAL_BYTES")?
                .or(file.evidence_max_total_bytes)
                .unwrap_or(100 * 1024 * 1024),
            upload_idle: secs("TTIS_UPLOAD_IDLE_SECS", file.upload_idle_secs, 30)?,
            submit_per_hour: parse(env, "TTIS_RATE_SUBMIT_PER_HOUR")?.or(file.rate_submit_per_hour).unwrap_or(30),
            status_per_minute: parse(env, "TTIS_RATE_STATUS_PER_MINUTE")?.or(file.rate_status_per_minute).unwrap_or(30),
            pow_difficulty: parse(env, "TTIS_POW_DIFFICULTY")?.or(file.pow_difficulty).unwrap_or(18).min(32),
        };
        let mail = MailSettings {
            smtp_url: secret_var(env, "TTIS_SMTP_URL")?.map(Secret::new),
            from: text("TTIS_MAIL_FROM", file.mail_from, &format!("TTIS Lapor <no-reply@{host}>")),
            worker: parse(env, "TTIS_OUTBOX_WORKER")?.or(file.outbox_worker).unwrap_or(true),
            poll_interval: secs("TTIS_OUTBOX_POLL_SECS", file.outbox_poll_secs, 5)?,
            retry_base: secs("TTIS_OUTBOX_RETRY_SECS", file.outbox_retry_secs, 30)?,
            lease: secs("TTIS_OUTBOX_LEASE_SECS", file.outbox_lease_secs, 300)?,
        };

        let trusted_proxies: Vec<String> = match env.var("TTIS_TRUSTED_PROXIES") {
            Some(list) => list.split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect(),
            None => file.trusted_proxies.unwrap_or_default(),
        };
        if let Some(bad) = trusted_proxies.iter().find(|p| crate::services::pse::Cidr::parse(p).is_none()) {
            bail!("TTIS_TRUSTED_PROXIES: {bad:?} is not an IP address or CIDR range");
        }

        let metrics_networks: Vec<String> = match env.var("TTIS_METRICS_NETWORKS") {
            Some(list) => list.split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect(),
            None => file.metrics_networks.unwrap_or_default(),
        };
        if let Some(bad) = metrics_networks.iter().find(|p| crate::services::pse::Cidr::parse(p).is_none()) {
            bail!("TTIS_METRICS_NETWORKS: {bad:?} is not an IP address or CIDR range");
        }
        let webhook_allow_networks: Vec<String> = match env.var("TTIS_WEBHOOK_ALLOW_NETWORKS") {
            Some(list) => list.split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect(),
            None => file.webhook_allow_networks.unwrap_or_default(),
        };
        if let Some(bad) = webhook_allow_networks.iter().find(|p| crate::services::pse::Cidr::parse(p).is_none()) {
            bail!("TTIS_WEBHOOK_ALLOW_NETWORKS: {bad:?} is not an IP address or CIDR range");
        }
        let cors_origins: Vec<String> = match env.var("TTIS_CORS_ORIGINS") {
            Some(list) => {
                list.split(',').map(|p| p.trim().trim_end_matches('/').to_string()).filter(|p| !p.is_empty()).collect()
            }
            None => file.cors_origins.unwrap_or_default(),
        };
        if let Some(bad) = cors_origins.iter().find(|o| {
            !(o.starts_with("https://") || o.starts_with("http://")) || o.matches('/').count() != 2 || o.contains('*')
        }) {
            bail!("TTIS_CORS_ORIGINS: {bad:?} is not an origin like https://portal.example.go.id");
        }
        let metrics = MetricsSettings {
            token: secret_var(env, "TTIS_METRICS_TOKEN")?.filter(|t| !t.is_empty()).map(Secret::new),
            networks: metrics_networks,
        };

        let time_zone = match env.var("TTIS_TIME_ZONE").or(file.time_zone) {
            None => crate::services::clock::Zone::DEFAULT,
            Some(name) => crate::services::clock::Zone::parse(&name).ok_or_else(|| {
                anyhow::anyhow!(
                    "TTIS_TIME_ZONE={name:?}: expected Asia/Jakarta, Asia/Pontianak, Asia/Makassar or Asia/Jayapura"
                )
            })?,
        };

        Ok(Settings {
            monitor: monitor::MonitorSettings::load(env)?,
            webhook_allow_networks,
            time_zone,
            notices,
            metrics,
            trusted_proxies,
            cors_origins,
            clamd_addr: env.var("TTIS_CLAMD_ADDR").or(file.clamd_addr),
            swagger_ui: match env.var("TTIS_SWAGGER_UI").or(file.swagger_ui).as_deref().map(str::trim) {
                None | Some("on") => true,
                Some("off") => false,
                Some(other) => bail!("TTIS_SWAGGER_UI={other:?}: expected `on` or `off`"),
            },
            server_timing: match env.var("TTIS_SERVER_TIMING").or(file.server_timing).as_deref().map(str::trim) {
                None | Some("off") => false,
                Some("on") => true,
                Some(other) => bail!("TTIS_SERVER_TIMING={other:?}: expected `on` or `off`"),
            },
            retention_interval: secs("TTIS_RETENTION_INTERVAL_SECS", file.retention_interval_secs, 3600)?,
            site,
            reports,
            mail,
            mode,
            bind,
            public_url,
            data_dir,
            database_url,
            db_max_connections,
            web_dir,
            store_url,
            store_options: Secret::new(env.vars_with_prefix("AWS_")),
            instance,
            workers,
            jwt_secret: Secret::new(jwt_secret),
            signing_key: Secret::new(signing_key),
            access_token_ttl: secs("TTIS_ACCESS_TOKEN_TTL_SECS", file.access_token_ttl_secs, 15 * 60)?,
            refresh_token_ttl: secs("TTIS_REFRESH_TOKEN_TTL_SECS", file.refresh_token_ttl_secs, 7 * 24 * 3600)?,
            bootstrap_admin_email: env.var("TTIS_BOOTSTRAP_ADMIN_EMAIL").or(file.bootstrap_admin_email),
            bootstrap_admin_password: secret_var(env, "TTIS_BOOTSTRAP_ADMIN_PASSWORD")?.map(Secret::new),
            login_max_failures_per_account: parse(env, "TTIS_LOGIN_MAX_FAILURES_PER_ACCOUNT")?
                .or(file.login_max_failures_per_account)
                .unwrap_or(5),
            login_max_failures_per_ip: parse(env, "TTIS_LOGIN_MAX_FAILURES_PER_IP")?
                .or(file.login_max_failures_per_ip)
                .unwrap_or(20),
            login_window: secs("TTIS_LOGIN_WINDOW_SECS", file.login_window_secs, 15 * 60)?,
            json_limit: parse(env, "TTIS_JSON_LIMIT")?.or(file.json_limit).unwrap_or(256 * 1024),
            log_format,
        })
    }

    /// Cookies get `Secure` when the platform is served over TLS.
    pub fn cookies_secure(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}

/// The report email when none is configured: the security contact's address when it is an email
/// (`mailto:csirt@example.go.id?subject=...` gives `csirt@example.go.id`), else `ttis@<host>`.
fn default_report_email(security_contact: &str, host: &str) -> String {
    security_contact
        .strip_prefix("mailto:")
        .map(|rest| rest.split(['?', ',']).next().unwrap_or_default().to_string())
        .filter(|address| is_plain_email(address))
        .unwrap_or_else(|| format!("ttis@{host}"))
}

/// One address, `local@domain`, with nothing that could break out of an HTML attribute or a
/// `mailto:` link.
fn is_plain_email(address: &str) -> bool {
    let ok_chars =
        address.chars().all(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '\'' | '&' | ',' | '?'));
    match address.split_once('@') {
        Some((local, domain)) => ok_chars && !local.is_empty() && !domain.is_empty() && !domain.contains('@'),
        None => false,
    }
}

/// The embedded default keeps a generated secret in the data dir, readable by the owner only.
/// The host name and the process id: unique among replicas without any setting.
fn default_instance() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "ttis".into());
    format!("{host}-{}", std::process::id())
}

fn generated_secret(path: &Path) -> anyhow::Result<Vec<u8>> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        let trimmed = existing.trim();
        if trimmed.len() >= 64 {
            return Ok(trimmed.as_bytes().to_vec());
        }
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let secret = crate::services::crypto::random_hex(32);
    write_private(path, secret.as_bytes())?;
    Ok(secret.into_bytes())
}

fn write_private(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(contents)?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn the_report_email_follows_the_security_contact_unless_set() {
        let dir = std::env::temp_dir().join(format!("ttis-cfg-mail-{}", std::process::id()));
        let dir_s = dir.display().to_string();
        let load = |pairs: &[(&str, &str)]| {
            let mut all = vec![("TTIS_DATA_DIR", dir_s.as_str()), ("TTIS_PUBLIC_URL", "https://lapor.example.go.id")];
            all.extend_from_slice(pairs);
            Settings::load_from(&env(&all))
        };
        assert_eq!(load(&[]).unwrap().site.report_email, "ttis@lapor.example.go.id");
        let contact = [("TTIS_SECURITY_CONTACT", "mailto:csirt@example.go.id?subject=Laporan")];
        assert_eq!(load(&contact).unwrap().site.report_email, "csirt@example.go.id");
        let web = [("TTIS_SECURITY_CONTACT", "https://example.go.id/kontak")];
        assert_eq!(load(&web).unwrap().site.report_email, "ttis@lapor.example.go.id");
        assert_eq!(
            load(&[("TTIS_REPORT_EMAIL", "lapor@example.go.id")]).unwrap().site.report_email,
            "lapor@example.go.id"
        );
        for bad in ["no-at-sign", "a@b\"><script>", "two@@example.go.id", "a b@example.go.id"] {
            let err = load(&[("TTIS_REPORT_EMAIL", bad)]).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(err.contains("TTIS_REPORT_EMAIL"), "{bad:?}: {err}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn embedded_default_generates_and_keeps_a_secret() {
        let dir = std::env::temp_dir().join(format!("ttis-cfg-{}", std::process::id()));
        let dir_s = dir.display().to_string();
        let a = Settings::load_from(&env(&[("TTIS_DATA_DIR", &dir_s)])).unwrap();
        let b = Settings::load_from(&env(&[("TTIS_DATA_DIR", &dir_s)])).unwrap();
        assert_eq!(a.jwt_secret, b.jwt_secret);
        assert_eq!(a.signing_key.expose(), b.signing_key.expose(), "the generated signing key is kept");
        assert_eq!(a.bind, "127.0.0.1:8080");
        assert!(a.database_url.starts_with("sqlite://"));
        assert!(format!("{a:?}").contains("[redacted]"));
        assert!(!format!("{a:?}").contains(std::str::from_utf8(a.jwt_secret.expose()).unwrap()));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn production_requires_secrets() {
        let err = Settings::load_from(&env(&[("TTIS_MODE", "production"), ("DATABASE_URL", "postgres://x/y")]));
        assert!(err.unwrap_err().to_string().contains("TTIS_JWT_SECRET"));
        let short = Settings::load_from(&env(&[
            ("TTIS_MODE", "production"),
            ("DATABASE_URL", "postgres://x/y"),
            ("TTIS_JWT_SECRET", "short"),
        ]));
        assert!(short.is_err());
        let ok = Settings::load_from(&env(&[
            ("TTIS_MODE", "production"),
            ("DATABASE_URL", "postgres://x/y"),
            ("TTIS_JWT_SECRET", &"k".repeat(40)),
            ("TTIS_SIGNING_KEY", &"ab".repeat(32)),
            ("TTIS_PUBLIC_URL", "https://ttis.example.go.id/"),
        ]))
        .unwrap();
        assert!(ok.cookies_secure());
        assert_eq!(ok.signing_key.expose(), &[0xab; 32]);
        let no_key = Settings::load_from(&env(&[
            ("TTIS_MODE", "production"),
            ("DATABASE_URL", "postgres://x/y"),
            ("TTIS_JWT_SECRET", &"k".repeat(40)),
        ]));
        assert!(no_key.unwrap_err().to_string().contains("TTIS_SIGNING_KEY"));
        let bad_key =
            Settings::load_from(&env(&[("TTIS_SIGNING_KEY", "not-hex"), ("TTIS_JWT_SECRET", &"k".repeat(40))]));
        assert!(bad_key.unwrap_err().to_string().contains("64 hex"));
        let bad_pattern = Settings::load_from(&env(&[
            ("TTIS_LETTER_NUMBER_PATTERN", "B-/DISKOMINFO/{YYYY}"),
            ("TTIS_JWT_SECRET", &"k".repeat(40)),
            ("TTIS_SIGNING_KEY", &"ab".repeat(32)),
        ]));
        assert!(bad_pattern.unwrap_err().to_string().contains("TTIS_LETTER_NUMBER_PATTERN"));
        assert_eq!(ok.public_url, "https://ttis.example.go.id");
        assert_eq!(ok.db_max_connections, 10);
    }

    #[test]
    fn secrets_can_come_from_files_and_bad_numbers_are_named() {
        let path = std::env::temp_dir().join(format!("ttis-secret-{}", std::process::id()));
        std::fs::write(&path, format!("{}\n", "s".repeat(48))).unwrap();
        let s = Settings::load_from(&env(&[
            ("TTIS_MODE", "production"),
            ("DATABASE_URL", "postgres://x/y"),
            ("TTIS_JWT_SECRET_FILE", &path.display().to_string()),
            ("TTIS_SIGNING_KEY", &"ab".repeat(32)),
        ]))
        .unwrap();
        assert_eq!(s.jwt_secret.expose().len(), 48);
        let _ = std::fs::remove_file(path);
        let err = Settings::load_from(&env(&[("TTIS_WORKERS", "many"), ("TTIS_JWT_SECRET", &"k".repeat(40))]));
        assert!(err.unwrap_err().to_string().contains("TTIS_WORKERS"));
    }
}
