use actix_web::{HttpResponse, delete, get, post, put, web};
use ttis_shared::dto::tickets::{Pse, PseInput, PseList};

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::policy::Permission;
use crate::services::pse;
use crate::state::AppState;

/// The PSE register: operators of electronic systems and the assets they run.
#[utoipa::path(
    tag = "pses",
    operation_id = "list_pses",
    responses(
        (status = 200, body = PseList),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/pses")]
pub async fn list_pses(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewPses)?;
    Ok(HttpResponse::Ok().json(pse::list(&state.db).await?))
}

/// Register a PSE with its asset rules (admin).
///
/// Rules: `exact_host` (a host name), `domain_suffix` (`*.kukarkab.go.id`: the domain and its
/// subdomains), `cidr` (an IP range), `app_name`. A report's affected asset is matched to the most
/// specific rule. An exact host belongs to one PSE only.
#[utoipa::path(
    tag = "pses",
    operation_id = "create_pse",
    request_body = PseInput,
    responses(
        (status = 201, body = Pse),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/pses")]
pub async fn create_pse(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<PseInput>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageRegisters)?;
    let input = body.into_inner()?;
    Ok(HttpResponse::Created().json(pse::save(&state.db, &user.actor(&client), None, input).await?))
}

/// One PSE.
#[utoipa::path(
    tag = "pses",
    operation_id = "get_pse",
    params(("id" = i64, Path, description = "PSE id")),
    responses(
        (status = 200, body = Pse),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/pses/{id}")]
pub async fn get_pse(state: web::Data<AppState>, user: AuthUser, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewPses)?;
    Ok(HttpResponse::Ok().json(pse::get(&state.db, id.into_inner()).await?))
}

/// Replace a PSE and its rules (admin).
#[utoipa::path(
    tag = "pses",
    operation_id = "update_pse",
    params(("id" = i64, Path, description = "PSE id")),
    request_body = PseInput,
    responses(
        (status = 200, body = Pse),
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
#[put("/pses/{id}")]
pub async fn update_pse(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<i64>,
    body: ValidJson<PseInput>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageRegisters)?;
    let input = body.into_inner()?;
    Ok(HttpResponse::Ok().json(pse::save(&state.db, &user.actor(&client), Some(id.into_inner()), input).await?))
}

/// Remove a PSE from the register (admin). Tickets keep their history.
#[utoipa::path(
    tag = "pses",
    operation_id = "delete_pse",
    params(("id" = i64, Path, description = "PSE id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[delete("/pses/{id}")]
pub async fn delete_pse(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageRegisters)?;
    pse::delete(&state.db, &user.actor(&client), id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
