//! The signed-in member's own account: sessions, password, second factor, and a head's signer
//! profile. All but the signer profile ask for no permission, so they stay reachable while the
//! security policy waits for enrolment.

use actix_web::{HttpResponse, delete, get, post, put, web};
use ttis_shared::dto::security::{
    ChangePasswordRequest, SessionInfo, TotpCodeRequest, TotpRemovalRequest, TotpSetup, TotpSetupRequest,
};

use ttis_shared::dto::signers::{SignerProfile, SignerProfileView};

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::policy::Permission;
use crate::services::{account, signers};
use crate::state::AppState;

/// My live sessions (browsers and devices signed in), the current one marked.
#[utoipa::path(
    tag = "account",
    operation_id = "list_own_sessions",
    responses(
        (status = 200, body = Vec<SessionInfo>),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/auth/sessions")]
pub async fn list_own_sessions(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(account::sessions(&state.db, user.id, Some(&user.session_id)).await?))
}

/// End one of my sessions (sign a lost device out). Its tokens stop working at once.
#[utoipa::path(
    tag = "account",
    operation_id = "delete_own_session",
    params(("id" = String, Path, description = "The session's id")),
    responses(
        (status = 204, description = "The session has ended"),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[delete("/auth/sessions/{id}")]
pub async fn delete_own_session(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    account::revoke_session(&state.db, &user.actor(&client), user.id, &id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Change my password (the current one is needed). My other sessions end.
#[utoipa::path(
    tag = "account",
    operation_id = "update_own_password",
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Password changed; other sessions ended"),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/auth/password")]
pub async fn update_own_password(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<ChangePasswordRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    let body = body.into_inner()?;
    account::change_password(&state, &user, &user.actor(&client), &body.current_password, body.new_password).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Start enrolling an authenticator app: answers the secret and its QR code. Nothing changes
/// until a code confirms it (`POST /auth/totp/activation`).
#[utoipa::path(
    tag = "account",
    operation_id = "create_totp_enrollment",
    request_body = TotpSetupRequest,
    responses(
        (status = 201, description = "A pending secret; confirm it with a code", body = TotpSetup),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 409, response = crate::openapi::Conflict),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/auth/totp")]
pub async fn create_totp_enrollment(
    state: web::Data<AppState>,
    user: AuthUser,
    body: ValidJson<TotpSetupRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    let body = body.into_inner()?;
    let setup = account::start_totp(&state, &user, &body.password).await?;
    Ok(HttpResponse::Created().json(setup))
}

/// Confirm the authenticator app with its current code; sign-in asks for a code from now on.
#[utoipa::path(
    tag = "account",
    operation_id = "create_totp_activation",
    request_body = TotpCodeRequest,
    responses(
        (status = 204, description = "The second factor is on"),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 409, response = crate::openapi::Conflict),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/auth/totp/activation")]
pub async fn create_totp_activation(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<TotpCodeRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    let body = body.into_inner()?;
    account::activate_totp(&state.db, &user, &user.actor(&client), &body.code).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Turn my second factor off (password and a current code needed).
#[utoipa::path(
    tag = "account",
    operation_id = "create_totp_removal",
    request_body = TotpRemovalRequest,
    responses(
        (status = 204, description = "The second factor is off"),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 409, response = crate::openapi::Conflict),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/auth/totp/removal")]
pub async fn create_totp_removal(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<TotpRemovalRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    let body = body.into_inner()?;
    account::remove_totp(&state, &user, &user.actor(&client), &body.password, &body.code).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// My signer profile (heads): the name, NIP, rank, position and capacity a document I approve
/// is signed with, the lines printed above the signature, and which fields are still empty.
#[utoipa::path(
    tag = "account",
    operation_id = "get_own_signer_profile",
    responses(
        (status = 200, body = SignerProfileView),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/auth/signer-profile")]
pub async fn get_own_signer_profile(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::KeepSignerProfile)?;
    Ok(HttpResponse::Ok().json(signers::get(&state.db, user.id).await?))
}

/// Save my signer profile (heads). Fields may stay empty while it is being filled in, but an
/// approval needs every one. Documents signed earlier keep the profile they were signed with.
#[utoipa::path(
    tag = "account",
    operation_id = "update_own_signer_profile",
    request_body = SignerProfile,
    responses(
        (status = 200, body = SignerProfileView),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[put("/auth/signer-profile")]
pub async fn update_own_signer_profile(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<SignerProfile>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::KeepSignerProfile)?;
    let body = body.into_inner()?;
    Ok(HttpResponse::Ok().json(signers::put(&state.db, &user.actor(&client), user.id, body).await?))
}
