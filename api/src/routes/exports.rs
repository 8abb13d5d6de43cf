//! Exports: CSV of the queue and of the statistics, and the monthly recap PDF.

use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use serde::Deserialize;
use ttis_shared::dto::stats::StatsQuery;
use ttis_shared::dto::tickets::TicketQuery;

use crate::error::ApiError;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::policy::Permission;
use crate::services::{audit, exports, stats};
use crate::state::AppState;

/// The CSV flavour: `sep=semicolon` for spreadsheet programs set to Indonesian, where `,` is the
/// decimal mark.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CsvOptions {
    /// `comma` (default) or `semicolon`.
    pub sep: Option<String>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecapQuery {
    /// `YYYY-MM`.
    pub month: String,
}

fn semicolon(o: &CsvOptions) -> Result<bool, ApiError> {
    match o.sep.as_deref() {
        None | Some("comma") => Ok(false),
        Some("semicolon") => Ok(true),
        Some(_) => Err(ApiError::InvalidParameter("sep: `comma` or `semicolon`".into())),
    }
}

fn csv(body: String, name: &str) -> HttpResponse {
    super::attachment("text/csv; charset=utf-8", name, body)
}

/// The queue as CSV (UTF-8 with BOM), with the same filters as `GET /tickets` and no paging.
/// Holds reporters' names: the download is audited.
#[utoipa::path(
    tag = "tickets",
    operation_id = "get_tickets_export",
    params(TicketQuery, CsvOptions),
    responses(
        (status = 200, description = "CSV", content_type = "text/csv", body = String),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/tickets/export.csv")]
pub async fn get_tickets_export(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewTickets)?;
    let options = web::Query::<CsvOptions>::from_query(req.query_string()).map(|q| q.into_inner()).unwrap_or_default();
    let semicolon = semicolon(&options)?;
    // The ticket filters, without `sep`.
    let filters: String =
        req.query_string().split('&').filter(|p| !p.starts_with("sep=")).collect::<Vec<_>>().join("&");
    let query =
        web::Query::<TicketQuery>::from_query(&filters).map_err(|e| ApiError::InvalidParameter(e.to_string()))?;
    let body = exports::tickets_csv(&state.db, &state.clock, &query, semicolon).await?;
    let txn = sea_orm::TransactionTrait::begin(&state.db).await?;
    audit::record(&txn, &user.actor(&client), "tickets.export", None, serde_json::json!({"filters": filters})).await?;
    txn.commit().await?;
    Ok(csv(body, "tiket-ttis.csv"))
}

/// The statistics of `GET /stats` as CSV (UTF-8 with BOM): `bagian, kunci, label, jumlah`.
#[utoipa::path(
    tag = "tickets",
    operation_id = "get_stats_export",
    params(StatsQuery, CsvOptions),
    responses(
        (status = 200, description = "CSV", content_type = "text/csv", body = String),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/stats/export.csv")]
pub async fn get_stats_export(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<StatsQuery>,
    options: web::Query<CsvOptions>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewTickets)?;
    let s = stats::compute(&state.db, &state.clock, &query).await?;
    Ok(csv(exports::stats_csv(&s, semicolon(&options)?), &format!("statistik-ttis-{}-{}.csv", s.from, s.to)))
}

/// The monthly recap (*Rekapitulasi Laporan Insiden Siber*) as PDF, with the letterhead, the
/// figures and the signature block, ready to sign and send upward.
#[utoipa::path(
    tag = "tickets",
    operation_id = "get_stats_recap",
    params(RecapQuery),
    responses(
        (status = 200, description = "The PDF", content_type = "application/pdf", body = Vec<u8>),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/stats/recap.pdf")]
pub async fn get_stats_recap(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<RecapQuery>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewTickets)?;
    let pdf = exports::recap_pdf(&state, &query.month).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"Rekapitulasi-Laporan-Insiden-Siber-{}.pdf\"", query.month),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(pdf))
}
