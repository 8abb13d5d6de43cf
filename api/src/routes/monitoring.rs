//! Monitoring the PSE register's web systems: the list, adding and removing a URL
//! (administrators), and the controls on one (analysts and the head).

use actix_web::{HttpResponse, delete, get, post, put, web};
use ttis_shared::dto::monitoring::{FindingKind, Monitor, MonitorList, MuteRequest, NewMonitor};

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::monitoring::admin;
use crate::services::policy::Permission;
use crate::state::AppState;

/// The monitored URLs with their last check, status, last finding (and its ticket), next check
/// and muted detectors.
#[utoipa::path(
    tag = "monitoring",
    operation_id = "list_monitors",
    responses(
        (status = 200, body = MonitorList),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/monitors")]
pub async fn list_monitors(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewPses)?;
    Ok(HttpResponse::Ok().json(admin::list(&state.db).await?))
}

/// Watch a URL of a PSE (administrators): every `interval_minutes` (at least 5, 30 by default),
/// first at the job's next tick. Audited.
#[utoipa::path(
    tag = "monitoring",
    operation_id = "create_monitor",
    request_body = NewMonitor,
    responses(
        (status = 201, body = Monitor),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/monitors")]
pub async fn create_monitor(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<NewMonitor>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageRegisters)?;
    let input = body.into_inner()?;
    Ok(HttpResponse::Created().json(admin::create(&state, &user.staff_actor(&client), &input).await?))
}

/// Stop watching a URL (administrators); its tickets stay. Audited.
#[utoipa::path(
    tag = "monitoring",
    operation_id = "delete_monitor",
    params(("id" = i64, Path, description = "Monitor id")),
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
#[delete("/monitors/{id}")]
pub async fn delete_monitor(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageRegisters)?;
    admin::delete(&state, &user.staff_actor(&client), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Check now: fetches the URL at once and reports what the detectors find (a finding opens or
/// joins a ticket). `409` while another check of it runs. Audited.
#[utoipa::path(
    tag = "monitoring",
    operation_id = "create_monitor_check",
    params(("id" = i64, Path, description = "Monitor id")),
    responses(
        (status = 200, description = "The monitor after the check", body = Monitor),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 409, response = crate::openapi::Conflict),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/monitors/{id}/checks")]
pub async fn create_monitor_check(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WatchSystems)?;
    Ok(HttpResponse::Ok().json(admin::check_now(&state, &user.staff_actor(&client), *id).await?))
}

/// Accept the page as it is now as the known-good baseline of the "large change" detector.
/// `409` when the page cannot be fetched now. Audited.
#[utoipa::path(
    tag = "monitoring",
    operation_id = "create_monitor_baseline",
    params(("id" = i64, Path, description = "Monitor id")),
    responses(
        (status = 200, body = Monitor),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 409, response = crate::openapi::Conflict),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/monitors/{id}/baseline")]
pub async fn create_monitor_baseline(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WatchSystems)?;
    Ok(HttpResponse::Ok().json(admin::accept_baseline(&state, &user.staff_actor(&client), *id).await?))
}

/// Mute one detector on this URL, with the reason. Audited.
#[utoipa::path(
    tag = "monitoring",
    operation_id = "update_monitor_mutes",
    params(("id" = i64, Path, description = "Monitor id")),
    request_body = MuteRequest,
    responses(
        (status = 200, body = Monitor),
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
#[put("/monitors/{id}/mutes")]
pub async fn update_monitor_mutes(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<i64>,
    body: ValidJson<MuteRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::WatchSystems)?;
    let req = body.into_inner()?;
    Ok(HttpResponse::Ok().json(admin::mute(&state, &user.staff_actor(&client), *id, &req).await?))
}

/// Unmute a detector on this URL. Audited.
#[utoipa::path(
    tag = "monitoring",
    operation_id = "delete_monitor_mute",
    params(("id" = i64, Path, description = "Monitor id"), ("kind" = FindingKind, Path, description = "The detector")),
    responses(
        (status = 200, body = Monitor),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[delete("/monitors/{id}/mutes/{kind}")]
pub async fn delete_monitor_mute(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    path: web::Path<(i64, FindingKind)>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WatchSystems)?;
    let (id, kind) = path.into_inner();
    Ok(HttpResponse::Ok().json(admin::unmute(&state, &user.staff_actor(&client), id, kind).await?))
}
