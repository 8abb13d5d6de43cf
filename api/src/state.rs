//! What every handler can reach: the database, the settings, the token keys, the throttles.

use sea_orm::DatabaseConnection;

use crate::config::Settings;
use crate::services::throttle::Throttle;
use crate::services::tokens::TokenKeys;

pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Settings,
    pub tokens: TokenKeys,
    pub login_throttle: Throttle,
}

impl AppState {
    pub fn new(db: DatabaseConnection, settings: Settings) -> anyhow::Result<AppState> {
        let tokens = TokenKeys::new(
            settings.jwt_secret.expose(),
            &settings.public_url,
            settings.access_token_ttl,
        )?;
        let login_throttle = Throttle::new(settings.login_window);
        Ok(AppState {
            db,
            settings,
            tokens,
            login_throttle,
        })
    }
}
