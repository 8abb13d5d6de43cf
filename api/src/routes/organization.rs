use actix_web::http::header;
use actix_web::{HttpResponse, delete, get, put, web};
use ttis_shared::dto::documents::{Organization, OrganizationView};
use ttis_shared::dto::setup::SetupChecklist;

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::policy::Permission;
use crate::services::{organization, setup};
use crate::state::AppState;
use crate::uploads;

/// The organisation settings: letterhead (*kop surat*), signer and document numbering (admin).
#[utoipa::path(
    tag = "organization",
    operation_id = "get_organization",
    responses(
        (status = 200, body = OrganizationView),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/organization")]
pub async fn get_organization(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageOrganization)?;
    Ok(HttpResponse::Ok().json(organization::view(&organization::current(&state.db).await?)))
}

/// Replace the organisation settings (admin). Documents rendered from now on use them; signed
/// documents never change.
///
/// Number patterns take `{seq}` (once; the sequence restarts each year), `{YYYY}`, `{MM}` and
/// `{ROMAN_MM}`.
#[utoipa::path(
    tag = "organization",
    operation_id = "update_organization",
    request_body = Organization,
    responses(
        (status = 200, body = OrganizationView),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[put("/organization")]
pub async fn update_organization(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<Organization>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageOrganization)?;
    let input = body.into_inner()?;
    Ok(HttpResponse::Ok().json(organization::update(&state.db, &user.actor(&client), input).await?))
}

/// The uploaded logo of the letterhead (admin); `404` while the built-in emblem is used.
#[utoipa::path(
    tag = "organization",
    operation_id = "get_organization_logo",
    responses(
        (status = 200, description = "The image", content_type = "image/png", body = Vec<u8>),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/organization/logo")]
pub async fn get_organization_logo(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageOrganization)?;
    let org = organization::current(&state.db).await?;
    match (org.logo, org.logo_content_type) {
        (Some(bytes), Some(content_type)) => Ok(HttpResponse::Ok()
            .content_type(content_type)
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(bytes)),
        _ => Err(ApiError::NotFound),
    }
}

/// Upload the letterhead's logo (admin): the raw PNG or JPEG as the body, at most 512 KiB.
/// The type is told by content, not by the name or header.
#[utoipa::path(
    tag = "organization",
    operation_id = "update_organization_logo",
    request_body(content = Vec<u8>, content_type = "image/png", description = "PNG or JPEG, at most 512 KiB"),
    responses(
        (status = 200, body = OrganizationView),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 413, response = crate::openapi::PayloadTooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[put("/organization/logo")]
pub async fn update_organization_logo(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageOrganization)?;
    let bytes = uploads::read_limited(payload, organization::LOGO_MAX_BYTES).await?;
    Ok(HttpResponse::Ok().json(organization::set_logo(&state.db, &user.actor(&client), Some(bytes)).await?))
}

/// Remove the uploaded logo (admin): the letterhead goes back to the built-in emblem.
#[utoipa::path(
    tag = "organization",
    operation_id = "delete_organization_logo",
    responses(
        (status = 200, body = OrganizationView),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[delete("/organization/logo")]
pub async fn delete_organization_logo(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageOrganization)?;
    Ok(HttpResponse::Ok().json(organization::set_logo(&state.db, &user.actor(&client), None).await?))
}

/// The first admin's setup checklist: what is still a default (signer profiles of the heads, the
/// logo, the letterhead's address and phone, the PSE register, outgoing mail, the second-factor
/// policy). Each item is done as soon as its setting is made.
#[utoipa::path(
    tag = "organization",
    operation_id = "get_setup_checklist",
    responses(
        (status = 200, body = SetupChecklist),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/setup-checklist")]
pub async fn get_setup_checklist(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageOrganization)?;
    Ok(HttpResponse::Ok().json(setup::checklist(&state.db, &state.settings).await?))
}
