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
use crate::services::storage::{EvidenceStore, LocalEvidenceStore};
use crate::services::throttle::Throttle;
use crate::services::tokens::TokenKeys;

pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Settings,
    pub tokens: TokenKeys,
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
}

impl AppState {
    pub fn new(db: DatabaseConnection, settings: Settings, clock: Clock) -> anyhow::Result<AppState> {
        let tokens = TokenKeys::new(settings.jwt_secret.expose(), &settings.public_url, settings.access_token_ttl)?;
        let login_throttle = Throttle::new(settings.login_window);
        let evidence = Arc::new(LocalEvidenceStore::new(settings.data_dir.join("evidence"))?);
        Ok(AppState {
            db,
            tokens,
            login_throttle,
            submit_throttle: Throttle::new(Duration::from_secs(3600)),
            status_throttle: Throttle::new(Duration::from_secs(60)),
            evidence,
            outbox_wake: Arc::new(Notify::new()),
            documents: Documents::load(&settings.data_dir)?,
            metrics: Arc::default(),
            signer: Arc::new(LocalEd25519Signer::from_seed(settings.signing_key.expose())),
            clock,
            settings,
        })
    }
}
