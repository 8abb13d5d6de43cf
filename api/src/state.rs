//! What every handler can reach: the database, the settings, the token keys, the throttles, the
//! evidence store and the outbox's wake-up signal.

use std::sync::Arc;
use std::time::Duration;

use sea_orm::DatabaseConnection;
use tokio::sync::Notify;

use crate::config::Settings;
use crate::documents::Documents;
use crate::documents::signer::{DocumentSigner, LocalEd25519Signer};
use crate::services::clock::Clock;
use crate::services::storage::EvidenceStore;
use crate::services::throttle::Throttle;
use crate::services::tokens::TokenKeys;

pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Settings,
    pub tokens: TokenKeys,
    /// Failed sign-ins and re-authentications. The throttles count in the database on PostgreSQL
    /// (shared by every replica) and in memory on SQLite.
    pub login_throttle: Throttle,
    /// Report submissions per client address (one hour window).
    pub submit_throttle: Throttle,
    /// Status lookups per client address (one minute window).
    pub status_throttle: Throttle,
    pub evidence: Arc<dyn EvidenceStore>,
    /// Wakes the outbox worker when a transaction queued messages.
    pub outbox_wake: Arc<Notify>,
    /// The document templates, compiled once.
    pub documents: Arc<Documents>,
    /// Request counts and latencies for `/metrics`.
    pub metrics: Arc<crate::metrics::Metrics>,
    /// Signs final documents (the local Ed25519 key; a certified service can replace it).
    pub signer: Arc<dyn DocumentSigner>,
    /// The procedure's clock, in the deployment's time zone.
    pub clock: Clock,
    /// The monitoring job's guarded HTTP client.
    pub monitor_http: Arc<crate::services::egress::MonitorHttp>,
}

impl AppState {
    pub fn new(db: DatabaseConnection, settings: Settings, clock: Clock) -> anyhow::Result<AppState> {
        let tokens = TokenKeys::new(settings.jwt_secret.expose(), &settings.public_url, settings.access_token_ttl)?;
        let login_throttle = Throttle::for_database(&db, "login", settings.login_window);
        let submit_throttle = Throttle::for_database(&db, "submit", Duration::from_secs(3600));
        let status_throttle = Throttle::for_database(&db, "status", Duration::from_secs(60));
        let evidence = crate::services::storage::open(
            settings.store_url.as_deref(),
            settings.store_options.expose(),
            &settings.data_dir,
        )?;
        Ok(AppState {
            db,
            tokens,
            login_throttle,
            submit_throttle,
            status_throttle,
            evidence,
            outbox_wake: Arc::new(Notify::new()),
            documents: Documents::load(&settings.data_dir)?,
            metrics: Arc::default(),
            signer: Arc::new(LocalEd25519Signer::from_seed(settings.signing_key.expose())),
            clock,
            monitor_http: Arc::new(crate::services::egress::MonitorHttp::new(&settings)?),
            settings,
        })
    }
}
