//! Threat intelligence: a ticket's observables with their "indicator" switch, and the exports to
//! other CSIRTs (STIX 2.1 and MISP), one ticket or a period. The rules are in `services::intel`.

use actix_web::http::header;
use actix_web::{HttpResponse, delete, get, patch, post, web};
use ttis_shared::dto::intel::{BulkExportQuery, ExportQuery, NewObservable, Observable, ObservableUpdate};

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::intel::{self, observables};
use crate::services::policy::Permission;
use crate::state::AppState;

/// A STIX 2.1 bundle (OASIS): `identity`, `marking-definition` (TLP 2.0), `incident`, `report`,
/// `observed-data` with its SCOs, `indicator`, `vulnerability` and `relationship` objects.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct StixBundle {
    /// `bundle`.
    #[schema(rename = "type")]
    type_: String,
    /// `bundle--<uuid>`.
    id: String,
    #[schema(value_type = Vec<Object>)]
    objects: Vec<serde_json::Value>,
}

/// A MISP event in MISP's core format.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct MispEvent {
    /// `uuid`, `info`, `date`, `threat_level_id`, `analysis`, `distribution`, `Orgc`, `Attribute`
    /// (with `to_ids` for indicators) and `Tag` (`tlp:…` and the RSIT category).
    #[schema(rename = "Event", value_type = Object)]
    event: serde_json::Value,
}

fn download(body: &serde_json::Value, media_type: &str, name: &str) -> Result<HttpResponse, ApiError> {
    let bytes = serde_json::to_vec_pretty(body).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(super::attachment(media_type, name, bytes))
}

/// The ticket as a STIX 2.1 bundle, for other CSIRTs. Only verified tickets (`409 not_verified`);
/// TLP:RED only by a head with `include_red=true` (`409 tlp_red`, `403` for others). Never the
/// reporter's personal data. Audited.
#[utoipa::path(
    tag = "intel",
    operation_id = "get_ticket_stix",
    params(("code" = String, Path, description = "Ticket code"), ExportQuery),
    responses(
        (status = 200, description = "A STIX 2.1 bundle", content_type = "application/stix+json;version=2.1", body = StixBundle),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 409, response = crate::openapi::Conflict),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/tickets/{code}/stix")]
pub async fn get_ticket_stix(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    code: web::Path<String>,
    query: web::Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ShareIntel)?;
    let bundle =
        intel::ticket_stix(&state, &user, &user.staff_actor(&client), &code, query.include_red.unwrap_or(false))
            .await?;
    download(&bundle, intel::STIX_MEDIA_TYPE, &format!("{}.stix.json", code.trim().to_uppercase()))
}

/// The ticket as a MISP event (core format), with the same rules as the STIX export.
#[utoipa::path(
    tag = "intel",
    operation_id = "get_ticket_misp",
    params(("code" = String, Path, description = "Ticket code"), ExportQuery),
    responses(
        (status = 200, description = "A MISP event", content_type = "application/json", body = MispEvent),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 409, response = crate::openapi::Conflict),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/tickets/{code}/misp")]
pub async fn get_ticket_misp(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    code: web::Path<String>,
    query: web::Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ShareIntel)?;
    let event =
        intel::ticket_misp(&state, &user, &user.staff_actor(&client), &code, query.include_red.unwrap_or(false))
            .await?;
    download(&event, "application/json", &format!("{}.misp.json", code.trim().to_uppercase()))
}

/// Every verified ticket submitted in a period (local dates, inclusive; at most 366 days) as one
/// STIX 2.1 bundle, for the periodic report to the national CSIRT. TLP:RED tickets are left out
/// unless a head sets `include_red=true`; `X-TTIS-Left-Out-Red` counts them. Audited.
#[utoipa::path(
    tag = "intel",
    operation_id = "get_stix_export",
    params(BulkExportQuery),
    responses(
        (status = 200, description = "A STIX 2.1 bundle", content_type = "application/stix+json;version=2.1", body = StixBundle,
            headers(("X-TTIS-Left-Out-Red" = u64, description = "TLP:RED tickets of the period left out"))),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/exports/stix")]
pub async fn get_stix_export(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    query: web::Query<BulkExportQuery>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ShareIntel)?;
    let q = query.into_inner();
    let (bundle, left_out) =
        intel::bulk_stix(&state, &user, &user.staff_actor(&client), q.from, q.to, q.include_red.unwrap_or(false))
            .await?;
    let mut answer = download(&bundle, intel::STIX_MEDIA_TYPE, &format!("ttis-{}-{}.stix.json", q.from, q.to))?;
    if let Ok(value) = header::HeaderValue::from_str(&left_out.to_string()) {
        answer.headers_mut().insert(header::HeaderName::from_static("x-ttis-left-out-red"), value);
    }
    Ok(answer)
}

/// Add an observable to a ticket (an attacker's address, an injected link's domain, a web
/// shell's SHA-256), as an indicator or not. One already listed takes the new switch. Audited.
#[utoipa::path(
    tag = "intel",
    operation_id = "create_ticket_observable",
    params(("code" = String, Path, description = "Ticket code")),
    request_body = NewObservable,
    responses(
        (status = 201, body = Observable),
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
#[post("/tickets/{code}/observables")]
pub async fn create_ticket_observable(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    code: web::Path<String>,
    body: ValidJson<NewObservable>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ShareIntel)?;
    let input = body.into_inner()?;
    Ok(HttpResponse::Created().json(observables::add(&state, &user.staff_actor(&client), &code, input).await?))
}

/// The "indicator yes/no" switch of an observable. Audited.
#[utoipa::path(
    tag = "intel",
    operation_id = "update_ticket_observable",
    params(("code" = String, Path, description = "Ticket code"), ("id" = i64, Path, description = "Observable id")),
    request_body = ObservableUpdate,
    responses(
        (status = 200, body = Observable),
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
#[patch("/tickets/{code}/observables/{id}")]
pub async fn update_ticket_observable(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    path: web::Path<(String, i64)>,
    body: ValidJson<ObservableUpdate>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ShareIntel)?;
    let input = body.into_inner()?;
    let (code, id) = path.into_inner();
    Ok(HttpResponse::Ok()
        .json(observables::set_indicator(&state, &user.staff_actor(&client), &code, id, input.indicator).await?))
}

/// Remove an observable the team added (those from the report stay: `409`). Audited.
#[utoipa::path(
    tag = "intel",
    operation_id = "delete_ticket_observable",
    params(("code" = String, Path, description = "Ticket code"), ("id" = i64, Path, description = "Observable id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 409, response = crate::openapi::Conflict),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[delete("/tickets/{code}/observables/{id}")]
pub async fn delete_ticket_observable(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ShareIntel)?;
    let (code, id) = path.into_inner();
    observables::remove(&state, &user.staff_actor(&client), &code, id).await?;
    Ok(HttpResponse::NoContent().finish())
}
