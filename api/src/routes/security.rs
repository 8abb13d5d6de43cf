//! The security policy, the retention job on demand, and reporters' data on request.

use actix_web::http::header;
use actix_web::{HttpResponse, get, post, put, web};
use ttis_shared::dto::security::{
    ReporterData, ReporterDataRequest, RetentionRun, SecurityPolicy, SecurityPolicyChange,
};

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::policy::Permission;
use crate::services::{account, security};
use crate::state::AppState;

/// The security policy: second factor for administrators and heads, retention of reporter data.
#[utoipa::path(
    tag = "security",
    operation_id = "get_security_policy",
    responses(
        (status = 200, body = SecurityPolicy),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/security-policy")]
pub async fn get_security_policy(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageSecurity)?;
    Ok(HttpResponse::Ok().json(security::policy(&state.db).await?))
}

/// Change the security policy (audited with the values before and after). Turning the second
/// factor off needs the admin's current password again (`password`, and `totp` when they have a
/// second factor).
#[utoipa::path(
    tag = "security",
    operation_id = "update_security_policy",
    request_body = SecurityPolicyChange,
    responses(
        (status = 200, body = SecurityPolicy),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Reauthenticate),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[put("/security-policy")]
pub async fn update_security_policy(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<SecurityPolicyChange>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageSecurity)?;
    let change = body.into_inner()?;
    let actor = user.actor(&client);
    let current = security::policy(&state.db).await?;
    if current.require_totp_for_privileged && !change.require_totp_for_privileged {
        let (password, totp) = (change.password.as_deref(), change.totp.as_deref());
        account::reauthenticate(&state, &user, &actor, "security_policy.totp_off", password, totp).await?;
    }
    let saved = security::update_policy(&state.db, &actor, change.policy()).await?;
    Ok(HttpResponse::Ok().json(saved))
}

/// Run the retention job now (it also runs every `TTIS_RETENTION_INTERVAL_SECS`): erases the
/// reporter data of tickets closed longer ago than the retention period.
#[utoipa::path(
    tag = "security",
    operation_id = "create_retention_run",
    responses(
        (status = 200, body = RetentionRun),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/retention/runs")]
pub async fn create_retention_run(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageSecurity)?;
    Ok(HttpResponse::Ok().json(security::run_retention(&state, &user.actor(&client)).await?))
}

/// Everything held about one reporter, by email (a data subject's request under UU PDP
/// 27/2022), as a JSON download. Audited; the email travels in the body, not the URL.
#[utoipa::path(
    tag = "security",
    operation_id = "create_reporter_data_export",
    request_body = ReporterDataRequest,
    responses(
        (status = 200, body = ReporterData),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Reauthenticate),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/reporter-data-exports")]
pub async fn create_reporter_data_export(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<ReporterDataRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ExportPersonalData)?;
    let req = body.into_inner()?;
    let actor = user.actor(&client);
    let (password, totp) = (req.password.as_deref(), req.totp.as_deref());
    account::reauthenticate(&state, &user, &actor, "reporter_data.export", password, totp).await?;
    let data = security::reporter_data(&state.db, &actor, &req.email).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"data-pelapor.json\""))
        .json(data))
}
