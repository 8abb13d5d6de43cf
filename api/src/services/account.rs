//! A staff member's own account (sessions, password, second factor) and the administrator's view
//! of another account's sessions and second factor.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;
use ttis_shared::dto::security::{SessionInfo, TotpSetup};
use ttis_shared::validation::Violation;

use super::audit::{self, Actor};
use super::auth::AuthUser;
use super::users::revoke_all_sessions;
use super::{now, passwords, totp};
use crate::entities::{session, user};
use crate::error::{ApiError, FieldIssue};
use crate::state::AppState;

/// Shown as the account's issuer in authenticator apps.
const TOTP_ISSUER: &str = "TTIS Lapor";

fn field_error(field: &str, violation: Violation) -> ApiError {
    ApiError::Validation(vec![FieldIssue { field: field.into(), violation }])
}

/// Re-authentication for a sensitive change: the account's password, checked on the blocking
/// pool, with failures counted by the sign-in throttle (a stolen session cannot guess it).
async fn check_password(state: &AppState, model: &user::Model, field: &str, password: &str) -> Result<(), ApiError> {
    let key = format!("account:{}", model.email);
    state.login_throttle.check(&key, state.settings.login_max_failures_per_account).await?;
    let (password, phc) = (password.to_string(), model.password_hash.clone());
    let ok = tokio::task::spawn_blocking(move || passwords::verify(&password, &phc))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("password check task: {e}")))?;
    if ok {
        Ok(())
    } else {
        state.login_throttle.record(&key).await?;
        Err(field_error(field, Violation::WrongPassword))
    }
}

/// Signing needs the person, not only a session: the account's current password and, when it has
/// a second factor, a current code from the app (each code works once). Missing ones answer
/// `reauthentication_required`; wrong ones count against the sign-in throttle (so a stolen
/// session cannot guess) and are audited with `purpose`.
pub async fn reauthenticate(
    state: &AppState,
    me: &AuthUser,
    actor: &Actor,
    purpose: &str,
    password: Option<&str>,
    code: Option<&str>,
) -> Result<(), ApiError> {
    let model = account(&state.db, me.id).await?;
    let password = password.filter(|p| !p.is_empty()).ok_or(ApiError::Reauthentication { wrong: false })?;
    let code = code.map(str::trim).filter(|c| !c.is_empty());
    if model.totp_secret.is_some() && code.is_none() {
        return Err(ApiError::Reauthentication { wrong: false });
    }
    let key = format!("account:{}", model.email);
    state.login_throttle.check(&key, state.settings.login_max_failures_per_account).await?;
    // A wrong password from a session also counts against signing in from its address: a stolen
    // session's guesses cannot continue through the sign-in form.
    let pair = super::auth::pair_key(&model.email, actor.ip.as_deref());
    let failed = |reason: &'static str| {
        let (key, pair) = (key.clone(), pair.clone());
        async move {
            state.login_throttle.record(&key).await?;
            state.login_throttle.record(&pair).await?;
            let txn = state.db.begin().await?;
            audit::record(
                &txn,
                actor,
                "auth.reauthentication_failed",
                Some(format!("user:{}", me.id)),
                json!({"purpose": purpose, "reason": reason}),
            )
            .await?;
            txn.commit().await?;
            Err::<(), ApiError>(ApiError::Reauthentication { wrong: true })
        }
    };
    let (given, phc) = (password.to_string(), model.password_hash.clone());
    let ok = tokio::task::spawn_blocking(move || passwords::verify(&given, &phc))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("password check task: {e}")))?;
    if !ok {
        return failed("wrong_password").await;
    }
    if let (Some(secret), Some(code)) = (&model.totp_secret, code) {
        let Some(step) = totp::verify(secret, code, now().timestamp(), model.totp_last_step) else {
            return failed("wrong_totp").await;
        };
        // Conditional on the step still being newer, so one code cannot serve two approvals.
        let used = user::Entity::update_many()
            .col_expr(user::Column::TotpLastStep, Expr::value(step))
            .filter(user::Column::Id.eq(model.id))
            .filter(
                sea_orm::Condition::any()
                    .add(user::Column::TotpLastStep.is_null())
                    .add(user::Column::TotpLastStep.lt(step)),
            )
            .exec(&state.db)
            .await?;
        if used.rows_affected != 1 {
            return failed("wrong_totp").await;
        }
    }
    Ok(())
}

async fn account(db: &DatabaseConnection, id: i64) -> Result<user::Model, ApiError> {
    user::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::Unauthenticated)
}

/// The live sessions of an account, newest use first.
pub async fn sessions(
    db: &DatabaseConnection,
    user_id: i64,
    current: Option<&str>,
) -> Result<Vec<SessionInfo>, ApiError> {
    let rows = session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::RevokedAt.is_null())
        .filter(session::Column::ExpiresAt.gt(now()))
        .order_by_desc(session::Column::LastUsedAt)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|s| SessionInfo {
            current: current == Some(s.id.as_str()),
            id: s.id,
            created_at: s.created_at,
            last_used_at: s.last_used_at,
            expires_at: s.expires_at,
            ip: s.ip,
            user_agent: s.user_agent,
        })
        .collect())
}

/// Ends one session of `user_id`. Another account's session id answers `404`, like an unknown one.
pub async fn revoke_session(
    db: &DatabaseConnection,
    actor: &Actor,
    user_id: i64,
    session_id: &str,
) -> Result<(), ApiError> {
    let txn = db.begin().await?;
    let found = session::Entity::find_by_id(session_id.to_string())
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::RevokedAt.is_null())
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let mut active = found.into_active_model();
    active.revoked_at = Set(Some(now()));
    active.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "auth.session_revoked",
        Some(format!("session:{session_id}")),
        json!({ "user_id": user_id }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Changes one's own password after checking the current one; the other sessions end.
pub async fn change_password(
    state: &AppState,
    me: &AuthUser,
    actor: &Actor,
    current_password: &str,
    new_password: String,
) -> Result<(), ApiError> {
    let db = &state.db;
    let model = account(db, me.id).await?;
    check_password(state, &model, "current_password", current_password).await?;
    let hash = tokio::task::spawn_blocking(move || passwords::hash(&new_password))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("hash task: {e}")))?
        .map_err(ApiError::Internal)?;
    let txn = db.begin().await?;
    let mut active = model.into_active_model();
    active.password_hash = Set(hash);
    active.updated_at = Set(now());
    active.update(&txn).await?;
    let ended = session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now()))
        .filter(session::Column::UserId.eq(me.id))
        .filter(session::Column::RevokedAt.is_null())
        .filter(session::Column::Id.ne(me.session_id.as_str()))
        .exec(&txn)
        .await?
        .rows_affected;
    audit::record(
        &txn,
        actor,
        "auth.password_change",
        Some(format!("user:{}", me.id)),
        json!({"sessions_ended": ended}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Starts enrolment: a new secret waits until a code from the app confirms it.
pub async fn start_totp(state: &AppState, me: &AuthUser, password: &str) -> Result<TotpSetup, ApiError> {
    let db = &state.db;
    let model = account(db, me.id).await?;
    if model.totp_secret.is_some() {
        return Err(ApiError::TotpState);
    }
    check_password(state, &model, "password", password).await?;
    let secret = totp::generate_secret();
    let uri = totp::otpauth_uri(TOTP_ISSUER, &model.email, &secret);
    let qr = qrcode::QrCode::new(uri.as_bytes()).map_err(|e| ApiError::Internal(anyhow::anyhow!("qr: {e}")))?;
    let qr_svg = qr.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build();
    let mut active = model.into_active_model();
    active.totp_pending_secret = Set(Some(secret.clone()));
    active.update(db).await?;
    Ok(TotpSetup { secret, otpauth_uri: uri, qr_svg })
}

/// Confirms enrolment with a code; from now on sign-in needs one.
pub async fn activate_totp(db: &DatabaseConnection, me: &AuthUser, actor: &Actor, code: &str) -> Result<(), ApiError> {
    let model = account(db, me.id).await?;
    let Some(pending) = model.totp_pending_secret.clone().filter(|_| model.totp_secret.is_none()) else {
        return Err(ApiError::TotpState);
    };
    let step = totp::verify(&pending, code, now().timestamp(), None)
        .ok_or_else(|| field_error("code", Violation::WrongTotpCode))?;
    let txn = db.begin().await?;
    let mut active = model.into_active_model();
    active.totp_secret = Set(Some(pending));
    active.totp_pending_secret = Set(None);
    active.totp_last_step = Set(Some(step));
    active.updated_at = Set(now());
    active.update(&txn).await?;
    audit::record(&txn, actor, "auth.totp_enabled", Some(format!("user:{}", me.id)), json!({})).await?;
    txn.commit().await?;
    Ok(())
}

/// Turns the second factor off, with the password and a current code.
pub async fn remove_totp(
    state: &AppState,
    me: &AuthUser,
    actor: &Actor,
    password: &str,
    code: &str,
) -> Result<(), ApiError> {
    let db = &state.db;
    let model = account(db, me.id).await?;
    let Some(secret) = model.totp_secret.clone() else {
        return Err(ApiError::TotpState);
    };
    check_password(state, &model, "password", password).await?;
    totp::verify(&secret, code, now().timestamp(), model.totp_last_step)
        .ok_or_else(|| field_error("code", Violation::WrongTotpCode))?;
    clear_totp(db, model, actor, "auth.totp_disabled", false).await
}

/// An administrator clears another account's second factor (a lost phone); its sessions end, and
/// the account enrols again at the next sign-in if the policy requires it.
pub async fn reset_totp(db: &DatabaseConnection, actor: &Actor, user_id: i64) -> Result<(), ApiError> {
    let model = user::Entity::find_by_id(user_id).one(db).await?.ok_or(ApiError::NotFound)?;
    clear_totp(db, model, actor, "user.totp_reset", true).await
}

async fn clear_totp(
    db: &DatabaseConnection,
    model: user::Model,
    actor: &Actor,
    action: &str,
    end_sessions: bool,
) -> Result<(), ApiError> {
    let id = model.id;
    let txn = db.begin().await?;
    let mut active = model.into_active_model();
    active.totp_secret = Set(None);
    active.totp_pending_secret = Set(None);
    active.totp_last_step = Set(None);
    active.updated_at = Set(now());
    active.update(&txn).await?;
    let ended = if end_sessions { revoke_all_sessions(&txn, id).await? } else { 0 };
    audit::record(&txn, actor, action, Some(format!("user:{id}")), json!({"sessions_ended": ended})).await?;
    txn.commit().await?;
    Ok(())
}
