//! Issuing and checking the report form's proof-of-work challenges. A challenge is
//! `<expiry unix seconds>.<random>.<HMAC>`: the server keeps nothing until one is spent, and then
//! keeps its hash until it expires, so each challenge works once.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use sha2::Sha256;
use ttis_shared::dto::reports::{PowChallenge, PowSolution};

use super::crypto::{constant_time_eq, random_hex, sha256_hex};
use crate::entities::used_challenge;
use crate::error::ApiError;

const LIFETIME_SECS: i64 = 15 * 60;

fn mac(secret: &[u8], text: &str) -> String {
    let Ok(mut m) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    m.update(b"ttis-pow|");
    m.update(text.as_bytes());
    hex::encode(m.finalize().into_bytes())
}

pub fn issue(secret: &[u8], difficulty: u8) -> PowChallenge {
    let expires = Utc::now().timestamp() + LIFETIME_SECS;
    let body = format!("{expires}.{}", random_hex(12));
    let challenge = format!("{body}.{}", mac(secret, &body));
    PowChallenge {
        challenge,
        difficulty,
        expires_at: DateTime::<Utc>::from_timestamp(expires, 0).unwrap_or_else(Utc::now),
    }
}

/// Checks a solution and spends its challenge (in the submission's transaction).
pub async fn spend<C: ConnectionTrait>(
    conn: &C,
    secret: &[u8],
    difficulty: u8,
    solution: Option<&PowSolution>,
) -> Result<(), ApiError> {
    if difficulty == 0 {
        return Ok(());
    }
    let solution = solution.ok_or(ApiError::PowFailed)?;
    let (body, tag) = solution.challenge.rsplit_once('.').ok_or(ApiError::PowFailed)?;
    if !constant_time_eq(tag, &mac(secret, body)) {
        return Err(ApiError::PowFailed);
    }
    let expires: i64 = body.split('.').next().and_then(|e| e.parse().ok()).ok_or(ApiError::PowFailed)?;
    let now = Utc::now();
    if expires < now.timestamp() {
        return Err(ApiError::PowFailed);
    }
    if !ttis_shared::pow::is_solution(&solution.challenge, &solution.nonce, difficulty) {
        return Err(ApiError::PowFailed);
    }
    let spent = used_challenge::ActiveModel {
        challenge_hash: Set(sha256_hex(&solution.challenge)),
        expires_at: Set(DateTime::<Utc>::from_timestamp(expires, 0).unwrap_or(now)),
    }
    .insert(conn)
    .await;
    match spent {
        Ok(_) => Ok(()),
        Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            Err(ApiError::PowFailed)
        }
        Err(e) => Err(e.into()),
    }
}

/// Forgets spent challenges that could no longer be used anyway (they have expired).
pub async fn forget_spent<C: ConnectionTrait>(conn: &C) -> Result<u64, ApiError> {
    let res = used_challenge::Entity::delete_many()
        .filter(used_challenge::Column::ExpiresAt.lt(Utc::now()))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

/// Runs [`forget_spent`] every `interval` in the background, off the submission's path (each
/// replica may; the delete is idempotent).
pub fn spawn_forgetting(db: sea_orm::DatabaseConnection, interval: std::time::Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = forget_spent(&db).await {
                tracing::warn!(error = %e.log_chain(), "forgetting spent proof-of-work challenges failed");
            }
        }
    });
}
