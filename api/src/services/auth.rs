//! Sign-in, session refresh with rotation, sign-out, and the check behind every staff request.
//!
//! A session is one row in `sessions`. The refresh secret lives only in the client's HttpOnly
//! cookie (`<session id>.<secret>`); the row keeps its SHA-256. Access tokens name the session, and
//! [`authenticate`] checks on every request that the session is live and the user enabled, so
//! sign-out, disabling and password resets end access at once.

use chrono::{DateTime, Duration as ChronoDuration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, IntoActiveModel,
    QueryFilter, Set, TransactionTrait,
};
use serde_json::json;
use ttis_shared::Role;
use ttis_shared::dto::users::User;
use ttis_shared::validation::normalize_email;

use super::audit::{self, Actor};
use super::crypto::{constant_time_eq, random_hex, sha256_hex};
use super::{now, passwords, security, totp, users};
use crate::entities::{session, user};
use crate::error::ApiError;
use crate::state::AppState;

/// Seconds during which a just-replaced refresh secret, presented again (two tabs refreshing at
/// once), gets the pair its first use was given: the same access token and the same new secret,
/// never another. After that, or once the session rotated again, a replay ends the session.
const ROTATION_GRACE_SECS: i64 = 2;

/// The secret a rotation gives for a presented one: derived with the server's key from the
/// session and the presented secret's hash, so a replay within the grace gets the same one
/// without the server keeping any secret in the clear.
fn rotated_secret(key: &[u8], session_id: &str, presented_hash: &str) -> String {
    use hmac::{Hmac, Mac};
    match Hmac::<sha2::Sha256>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(format!("ttis-refresh|{session_id}|{presented_hash}").as_bytes());
            hex::encode(mac.finalize().into_bytes())
        }
        Err(_) => random_hex(32),
    }
}

/// Where a request comes from, for the audit log and the throttles.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// A signed-in staff member, as established for one request.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub session_id: String,
    /// The security policy requires a second factor this account has not enrolled: only its own
    /// account can be reached (every permission check answers `totp_enrollment_required`).
    pub enrollment_required: bool,
}

impl AuthUser {
    pub fn actor(&self, client: &ClientInfo) -> Actor {
        Actor { user_id: Some(self.id), label: self.email.clone(), ip: client.ip.clone() }
    }

    /// The actor of the team's work (tickets, observables, monitoring): named by the person's
    /// name, as the timeline and the pages show it.
    pub fn staff_actor(&self, client: &ClientInfo) -> Actor {
        Actor { user_id: Some(self.id), label: self.name.clone(), ip: client.ip.clone() }
    }
}

/// The outcome of a sign-in or a refresh.
pub struct Issued {
    pub access_token: String,
    pub expires_in: u64,
    /// The new cookie value, when the refresh secret changed.
    pub refresh_cookie: Option<String>,
    pub user: User,
}

/// The sign-in throttle's keys: the account from this address (refused after
/// `TTIS_LOGIN_MAX_FAILURES_PER_ACCOUNT` failures), the address (refused after
/// `TTIS_LOGIN_MAX_FAILURES_PER_IP`), and the account from anywhere (only slowed: refusing it
/// would let anyone who knows a staff email keep its owner out).
struct ThrottleKeys {
    pair: String,
    ip: Option<String>,
    account: String,
}

/// The key of an account's failures from one address (sign-in and re-authentication alike).
pub fn pair_key(email: &str, ip: Option<&str>) -> String {
    format!("account:{email}|ip:{}", ip.unwrap_or("unknown"))
}

fn throttle_keys(email: &str, client: &ClientInfo) -> ThrottleKeys {
    ThrottleKeys {
        pair: pair_key(email, client.ip.as_deref()),
        ip: client.ip.as_ref().map(|ip| format!("ip:{ip}")),
        account: format!("account:{email}"),
    }
}

/// How long a sign-in to an account with `failures` recent failures (from anywhere) waits:
/// nothing up to `max`, then a delay that doubles with each further failure, up to 4 s.
fn account_delay(failures: usize, max: u32) -> std::time::Duration {
    let over = failures.saturating_sub(max as usize);
    if over == 0 {
        return std::time::Duration::ZERO;
    }
    let ms = 250u64.saturating_mul(1u64 << over.min(5)).min(4000);
    std::time::Duration::from_millis(ms)
}

pub async fn login(
    state: &AppState,
    email: &str,
    password: &str,
    totp_code: Option<&str>,
    client: &ClientInfo,
) -> Result<Issued, ApiError> {
    let email = normalize_email(email);
    let keys = throttle_keys(&email, client);
    let limits = &state.settings;
    state.login_throttle.check(&keys.pair, limits.login_max_failures_per_account).await?;
    if let Some(k) = &keys.ip {
        state.login_throttle.check(k, limits.login_max_failures_per_ip).await?;
    }
    // Guesses spread over many addresses are slowed, never refused.
    let failures = usize::try_from(state.login_throttle.count(&keys.account).await?).unwrap_or(usize::MAX);
    let delay = account_delay(failures, limits.login_max_failures_per_account);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }

    let found = user::Entity::find().filter(user::Column::Email.eq(&email)).one(&state.db).await?;
    let password_owned = password.to_string();
    let stored_hash = found.as_ref().map(|u| u.password_hash.clone());
    let matches = tokio::task::spawn_blocking(move || match stored_hash {
        Some(hash) => passwords::verify(&password_owned, &hash),
        None => {
            passwords::verify_against_dummy(&password_owned);
            false
        }
    })
    .await
    .map_err(|e| ApiError::Internal(anyhow::anyhow!("password check task: {e}")))?;

    let failed = |reason: &'static str, error: ApiError| {
        let (pair_key, account_key, ip_key, email) =
            (keys.pair.clone(), keys.account.clone(), keys.ip.clone(), email.clone());
        async move {
            state.login_throttle.record(&pair_key).await?;
            state.login_throttle.record(&account_key).await?;
            if let Some(k) = &ip_key {
                state.login_throttle.record(k).await?;
            }
            let txn = state.db.begin().await?;
            audit::record(
                &txn,
                &Actor::anonymous(client.ip.clone()),
                "auth.login_failed",
                Some(email),
                json!({ "reason": reason }),
            )
            .await?;
            txn.commit().await?;
            Err::<Issued, ApiError>(error)
        }
    };
    let account = match found {
        Some(u) if matches && !u.disabled => u,
        None => return failed("unknown_account", ApiError::InvalidCredentials).await,
        Some(u) if u.disabled => return failed("disabled", ApiError::InvalidCredentials).await,
        Some(_) => return failed("wrong_password", ApiError::InvalidCredentials).await,
    };
    let at = now();
    // The second factor: the password was right, so say that a code is needed.
    let totp_step = match (&account.totp_secret, totp_code) {
        (None, _) => None,
        (Some(_), None) => return Err(ApiError::TotpRequired),
        (Some(secret), Some(code)) => match totp::verify(secret, code, at.timestamp(), account.totp_last_step) {
            Some(step) => Some(step),
            None => return failed("wrong_totp", ApiError::TotpInvalid).await,
        },
    };
    // This address succeeded; the account-wide count (other addresses' guesses) stays.
    state.login_throttle.clear(&keys.pair).await?;

    let secret = random_hex(32);
    let session_id = uuid::Uuid::new_v4().to_string();
    let txn = state.db.begin().await?;
    let account = match totp_step {
        Some(step) => {
            // Conditional on the step still being newer, so two sign-ins racing with one code
            // cannot both pass.
            let updated = user::Entity::update_many()
                .col_expr(user::Column::TotpLastStep, sea_orm::sea_query::Expr::value(step))
                .filter(user::Column::Id.eq(account.id))
                .filter(
                    sea_orm::Condition::any()
                        .add(user::Column::TotpLastStep.is_null())
                        .add(user::Column::TotpLastStep.lt(step)),
                )
                .exec(&txn)
                .await?;
            if updated.rows_affected != 1 {
                txn.rollback().await?;
                return failed("wrong_totp", ApiError::TotpInvalid).await;
            }
            user::Model { totp_last_step: Some(step), ..account }
        }
        None => account,
    };
    session::ActiveModel {
        id: Set(session_id.clone()),
        user_id: Set(account.id),
        refresh_hash: Set(sha256_hex(&secret)),
        previous_refresh_hash: Set(None),
        created_at: Set(at),
        last_used_at: Set(at),
        expires_at: Set(at + ChronoDuration::seconds(state.settings.refresh_token_ttl.as_secs() as i64)),
        revoked_at: Set(None),
        user_agent: Set(client.user_agent.as_ref().map(|ua| ua.chars().take(512).collect())),
        ip: Set(client.ip.clone()),
    }
    .insert(&txn)
    .await?;
    let actor = Actor { user_id: Some(account.id), label: account.email.clone(), ip: client.ip.clone() };
    audit::record(&txn, &actor, "auth.login", Some(format!("session:{session_id}")), json!({})).await?;
    txn.commit().await?;

    let roles = users::roles_of(&state.db, account.id).await?;
    Ok(Issued {
        access_token: state.tokens.issue(account.id, &session_id, &roles)?,
        expires_in: state.tokens.ttl.as_secs(),
        refresh_cookie: Some(format!("{session_id}.{secret}")),
        user: users::to_dto(account, roles),
    })
}

pub async fn refresh(state: &AppState, cookie: &str, client: &ClientInfo) -> Result<Issued, ApiError> {
    let (session_id, secret) = cookie.split_once('.').ok_or(ApiError::InvalidRefreshToken)?;
    let found =
        session::Entity::find_by_id(session_id.to_string()).find_also_related(user::Entity).one(&state.db).await?;
    let (sess, account) = match found {
        Some((s, Some(u))) if s.revoked_at.is_none() && s.expires_at > now() => (s, u),
        _ => return Err(ApiError::InvalidRefreshToken),
    };
    let presented = sha256_hex(secret);
    let at = now();
    let actor = Actor { user_id: Some(account.id), label: account.email.clone(), ip: client.ip.clone() };

    if account.disabled {
        revoke_session(&state.db, sess, &actor, "auth.session_revoked", json!({"reason": "disabled"})).await?;
        return Err(ApiError::InvalidRefreshToken);
    }
    let roles = users::roles_of(&state.db, account.id).await?;
    let key = state.settings.jwt_secret.expose();
    if constant_time_eq(&presented, &sess.refresh_hash) {
        let new_secret = rotated_secret(key, &sess.id, &presented);
        let sid = sess.id.clone();
        let mut active = sess.into_active_model();
        active.previous_refresh_hash = Set(Some(presented));
        active.refresh_hash = Set(sha256_hex(&new_secret));
        active.last_used_at = Set(at);
        active.update(&state.db).await?;
        return Ok(Issued {
            access_token: state.tokens.issue_at(account.id, &sid, &roles, at.timestamp())?,
            expires_in: state.tokens.ttl.as_secs(),
            refresh_cookie: Some(format!("{sid}.{new_secret}")),
            user: users::to_dto(account, roles),
        });
    }
    let was_previous = sess.previous_refresh_hash.as_deref().is_some_and(|p| constant_time_eq(&presented, p));
    let replayed_secret = rotated_secret(key, &sess.id, &presented);
    let still_current = constant_time_eq(&sha256_hex(&replayed_secret), &sess.refresh_hash);
    let within_grace = (at - sess.last_used_at).num_milliseconds() <= ROTATION_GRACE_SECS * 1000;
    if was_previous && still_current && within_grace {
        // Two tabs refreshed at once: this one gets the pair the first was given, not a new one.
        return Ok(Issued {
            access_token: state.tokens.issue_at(account.id, &sess.id, &roles, sess.last_used_at.timestamp())?,
            expires_in: state.tokens.ttl.as_secs(),
            refresh_cookie: Some(format!("{}.{replayed_secret}", sess.id)),
            user: users::to_dto(account, roles),
        });
    }
    if was_previous {
        revoke_session(&state.db, sess, &actor, "auth.refresh_reuse", json!({"reason": "replayed refresh token"}))
            .await?;
    }
    Err(ApiError::InvalidRefreshToken)
}

async fn revoke_session(
    db: &DatabaseConnection,
    sess: session::Model,
    actor: &Actor,
    action: &str,
    details: serde_json::Value,
) -> Result<(), ApiError> {
    let txn = db.begin().await?;
    let target = format!("session:{}", sess.id);
    let mut active = sess.into_active_model();
    active.revoked_at = Set(Some(now()));
    active.update(&txn).await?;
    audit::record(&txn, actor, action, Some(target), details).await?;
    txn.commit().await?;
    Ok(())
}

/// Ends a session: its refresh token and every access token naming it stop working.
pub async fn logout(state: &AppState, session_id: &str, actor: &Actor) -> Result<(), ApiError> {
    if let Some(sess) = session::Entity::find_by_id(session_id.to_string()).one(&state.db).await?
        && sess.revoked_at.is_none()
    {
        revoke_session(&state.db, sess, actor, "auth.logout", json!({})).await?;
    }
    Ok(())
}

/// Ends a session named by a refresh cookie (sign-out without a valid access token).
pub async fn logout_by_cookie(state: &AppState, cookie: &str, client: &ClientInfo) -> Result<(), ApiError> {
    let Some((session_id, secret)) = cookie.split_once('.') else {
        return Ok(());
    };
    let Some(sess) = session::Entity::find_by_id(session_id.to_string()).one(&state.db).await? else {
        return Ok(());
    };
    if sess.revoked_at.is_none() && constant_time_eq(&sha256_hex(secret), &sess.refresh_hash) {
        let actor =
            Actor { user_id: Some(sess.user_id), label: format!("user:{}", sess.user_id), ip: client.ip.clone() };
        revoke_session(&state.db, sess, &actor, "auth.logout", json!({})).await?;
    }
    Ok(())
}

/// The check behind every staff route: a valid access token naming a live session of an enabled
/// user. Roles come from the database, so a role change applies to the next request.
pub async fn authenticate(state: &AppState, bearer: &str) -> Result<AuthUser, ApiError> {
    let claims = state.tokens.verify(bearer).ok_or(ApiError::Unauthenticated)?;
    let user_id: i64 = claims.sub.parse().map_err(|_| ApiError::Unauthenticated)?;
    // The session, its user and the user's roles in one statement (a row per role).
    let backend = state.db.get_database_backend();
    let placeholder = if backend == sea_orm::DbBackend::Postgres { "$1" } else { "?" };
    let sql = format!(
        "SELECT s.user_id, s.revoked_at, s.expires_at, u.email, u.name, u.disabled, u.totp_secret, r.role \
         FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN user_roles r ON r.user_id = u.id \
         WHERE s.id = {placeholder}"
    );
    let rows = SessionRow::find_by_statement(sea_orm::Statement::from_sql_and_values(
        backend,
        sql,
        [claims.sid.clone().into()],
    ))
    .all(&state.db)
    .await?;
    match rows.first() {
        Some(s) if s.user_id == user_id && s.revoked_at.is_none() && s.expires_at > now() && !s.disabled => {
            let mut roles: Vec<Role> = rows.iter().filter_map(|r| r.role).collect();
            roles.sort();
            roles.dedup();
            // Only privileged accounts without a second factor pay for reading the policy.
            let enrollment_required = s.totp_secret.is_none()
                && Role::second_factor_required(&roles)
                && security::policy(&state.db).await?.require_totp_for_privileged;
            Ok(AuthUser {
                id: s.user_id,
                email: s.email.clone(),
                name: s.name.clone(),
                roles,
                session_id: claims.sid,
                enrollment_required,
            })
        }
        _ => Err(ApiError::Unauthenticated),
    }
}

/// One row of [`authenticate`]'s statement.
#[derive(Debug, sea_orm::FromQueryResult)]
struct SessionRow {
    user_id: i64,
    revoked_at: Option<DateTime<Utc>>,
    expires_at: DateTime<Utc>,
    email: String,
    name: String,
    disabled: bool,
    totp_secret: Option<String>,
    role: Option<Role>,
}
