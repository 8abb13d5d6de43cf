use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use ttis_shared::dto::security::SessionInfo;
use ttis_shared::dto::signers::{SignerProfile, SignerProfileView};
use ttis_shared::dto::tickets::UserRef;
use ttis_shared::dto::users::{CreateUserRequest, ResetPasswordRequest, UpdateUserRequest, User, UserList};

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::policy::Permission;
use crate::services::{account, signers, users};
use crate::state::AppState;

/// List staff accounts.
#[utoipa::path(
    tag = "users",
    operation_id = "list_users",
    responses(
        (status = 200, body = UserList),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/users")]
pub async fn list_users(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageUsers)?;
    Ok(HttpResponse::Ok().json(users::list(&state.db).await?))
}

/// Create a staff account.
///
/// Roles: `analyst` (response team), `head` (head of agency, approves), `admin` (operator).
#[utoipa::path(
    tag = "users",
    operation_id = "create_user",
    request_body = CreateUserRequest,
    responses(
        (status = 201, body = User),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 409, response = crate::openapi::Conflict),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<CreateUserRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageUsers)?;
    let created = users::create(&state.db, &user.actor(&client), body.into_inner()?).await?;
    Ok(HttpResponse::Created().json(created))
}

/// One staff account.
#[utoipa::path(
    tag = "users",
    operation_id = "get_user",
    params(("id" = i64, Path, description = "Account id")),
    responses(
        (status = 200, body = User),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageUsers)?;
    Ok(HttpResponse::Ok().json(users::get(&state.db, id.into_inner()).await?))
}

/// Change a staff account's name, roles, or disable it.
///
/// Disabling ends the account's sessions at once. The last active administrator cannot be
/// disabled or lose the `admin` role (`409 last_admin`).
#[utoipa::path(
    tag = "users",
    operation_id = "update_user",
    params(("id" = i64, Path, description = "Account id")),
    request_body = UpdateUserRequest,
    responses(
        (status = 200, body = User),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Reauthenticate),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 409, response = crate::openapi::Conflict),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<i64>,
    body: ValidJson<UpdateUserRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageUsers)?;
    let (id, req) = (id.into_inner(), body.into_inner()?);
    let actor = user.actor(&client);
    if let Some(roles) = &req.roles
        && users::changes_roles(&state.db, id, roles).await?
    {
        let (password, totp) = (req.password.as_deref(), req.totp.as_deref());
        account::reauthenticate(&state, &user, &actor, "user.roles", password, totp).await?;
    }
    let updated = users::update(&state.db, &actor, id, req).await?;
    Ok(HttpResponse::Ok().json(updated))
}

/// Set a new password for a staff account.
///
/// Ends the account's sessions; the user signs in with the new password. Whoever sets another
/// person's password can act as them (a head signs), so it needs the admin's own current password
/// again (`password`, and `totp` when they have a second factor).
#[utoipa::path(
    tag = "users",
    operation_id = "reset_user_password",
    params(("id" = i64, Path, description = "Account id")),
    request_body = ResetPasswordRequest,
    responses(
        (status = 204, description = "Password changed; sessions ended"),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Reauthenticate),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/users/{id}/password")]
pub async fn reset_user_password(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<i64>,
    body: ValidJson<ResetPasswordRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageUsers)?;
    let req = body.into_inner()?;
    let actor = user.actor(&client);
    let (password, totp) = (req.password.as_deref(), req.totp.as_deref());
    account::reauthenticate(&state, &user, &actor, "user.password_reset", password, totp).await?;
    users::reset_password(&state.db, &actor, id.into_inner(), req.new_password).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The response team's directory: active analysts and heads, for picking an assignee or meeting
/// attendees (no email or other details).
#[utoipa::path(
    tag = "tickets",
    operation_id = "list_staff",
    responses(
        (status = 200, body = Vec<UserRef>),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/staff")]
pub async fn list_staff(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewTickets)?;
    Ok(HttpResponse::Ok().json(users::team(&state.db).await?))
}

/// A staff account's live sessions (admin).
#[utoipa::path(
    tag = "users",
    operation_id = "list_user_sessions",
    params(("id" = i64, Path, description = "Account id")),
    responses(
        (status = 200, body = Vec<SessionInfo>),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/users/{id}/sessions")]
pub async fn list_user_sessions(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageUsers)?;
    let id = id.into_inner();
    users::get(&state.db, id).await?;
    let current = (id == user.id).then_some(user.session_id.as_str());
    Ok(HttpResponse::Ok().json(account::sessions(&state.db, id, current).await?))
}

/// End one session of a staff account (admin); its tokens stop working at once.
#[utoipa::path(
    tag = "users",
    operation_id = "delete_user_session",
    params(
        ("id" = i64, Path, description = "Account id"),
        ("session_id" = String, Path, description = "The session's id"),
    ),
    responses(
        (status = 204, description = "The session has ended"),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[delete("/users/{id}/sessions/{session_id}")]
pub async fn delete_user_session(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    path: web::Path<(i64, String)>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageUsers)?;
    let (id, session_id) = path.into_inner();
    account::revoke_session(&state.db, &user.actor(&client), id, &session_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Clear a staff account's second factor (a lost phone); its sessions end, and it enrols again
/// at the next sign-in if the security policy requires it (admin).
#[utoipa::path(
    tag = "users",
    operation_id = "delete_user_totp",
    params(("id" = i64, Path, description = "Account id")),
    responses(
        (status = 204, description = "The second factor is cleared; sessions ended"),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[delete("/users/{id}/totp")]
pub async fn delete_user_totp(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageUsers)?;
    account::reset_totp(&state.db, &user.actor(&client), id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A staff account's signer profile (admin): what documents approved by that head are signed
/// with, the lines above the signature, and which fields are still empty.
#[utoipa::path(
    tag = "users",
    operation_id = "get_user_signer_profile",
    params(("id" = i64, Path, description = "Account id")),
    responses(
        (status = 200, body = SignerProfileView),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/users/{id}/signer-profile")]
pub async fn get_user_signer_profile(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageUsers)?;
    Ok(HttpResponse::Ok().json(signers::get(&state.db, id.into_inner()).await?))
}

/// Save a staff account's signer profile (admin), audited. Documents signed earlier keep the
/// profile they were signed with.
#[utoipa::path(
    tag = "users",
    operation_id = "update_user_signer_profile",
    params(("id" = i64, Path, description = "Account id")),
    request_body = SignerProfile,
    responses(
        (status = 200, body = SignerProfileView),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[put("/users/{id}/signer-profile")]
pub async fn update_user_signer_profile(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<i64>,
    body: ValidJson<SignerProfile>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageUsers)?;
    let body = body.into_inner()?;
    Ok(HttpResponse::Ok().json(signers::put(&state.db, &user.actor(&client), id.into_inner(), body).await?))
}
