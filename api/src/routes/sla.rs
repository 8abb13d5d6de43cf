//! The SLA policy (admin): each step's time standard, the working calendar, the holidays.

use actix_web::{HttpResponse, delete, get, put, web};
use chrono::NaiveDate;
use ttis_shared::dto::sla::{Holiday, HolidayList, SlaPolicyInput, SlaPolicyView};

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::policy::Permission;
use crate::services::sla;
use crate::state::AppState;

/// The SLA policy in force: the working calendar and each step's time standard, beside the SOP's.
#[utoipa::path(
    tag = "sla",
    operation_id = "get_sla_policy",
    responses(
        (status = 200, body = SlaPolicyView),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/sla-policy")]
pub async fn get_sla_policy(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageSla)?;
    Ok(HttpResponse::Ok().json(sla::view(&state.db).await?))
}

/// Change the SLA policy (admin). Time standards are `{"unit": "minutes" | "working_days",
/// "value": n}` or `null`; the clocks of open tickets move to the new policy at once.
#[utoipa::path(
    tag = "sla",
    operation_id = "update_sla_policy",
    request_body = SlaPolicyInput,
    responses(
        (status = 200, body = SlaPolicyView),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[put("/sla-policy")]
pub async fn update_sla_policy(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<SlaPolicyInput>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageSla)?;
    let input = body.into_inner()?;
    Ok(HttpResponse::Ok().json(sla::update(&state.db, &user.actor(&client), &input, &state.clock).await?))
}

/// The holidays and *cuti bersama* the working-day clock skips (admin).
#[utoipa::path(
    tag = "sla",
    operation_id = "list_holidays",
    responses(
        (status = 200, body = HolidayList),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/holidays")]
pub async fn list_holidays(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageSla)?;
    Ok(HttpResponse::Ok().json(HolidayList { items: sla::holidays(&state.db).await? }))
}

/// Add a holiday, or rename one (admin); `date` in the body must match the path.
#[utoipa::path(
    tag = "sla",
    operation_id = "update_holiday",
    params(("date" = NaiveDate, Path, description = "YYYY-MM-DD")),
    request_body = Holiday,
    responses(
        (status = 200, body = HolidayList),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[put("/holidays/{date}")]
pub async fn update_holiday(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    date: web::Path<NaiveDate>,
    body: ValidJson<Holiday>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageSla)?;
    let h = body.into_inner()?;
    if h.date != *date {
        return Err(ApiError::InvalidParameter("date: the body's date differs from the path's".into()).into());
    }
    sla::put_holiday(&state.db, &state.clock, &user.actor(&client), &h).await?;
    Ok(HttpResponse::Ok().json(HolidayList { items: sla::holidays(&state.db).await? }))
}

/// Remove a holiday (admin).
#[utoipa::path(
    tag = "sla",
    operation_id = "delete_holiday",
    params(("date" = NaiveDate, Path, description = "YYYY-MM-DD")),
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
#[delete("/holidays/{date}")]
pub async fn delete_holiday(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    date: web::Path<NaiveDate>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageSla)?;
    sla::delete_holiday(&state.db, &state.clock, &user.actor(&client), date.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
