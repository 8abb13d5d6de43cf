//! Statistics for the team and the head of the agency.

use actix_web::{HttpResponse, get, web};
use ttis_shared::dto::stats::{Stats, StatsQuery};

use crate::error::ApiError;
use crate::services::auth::AuthUser;
use crate::services::policy::Permission;
use crate::services::stats;
use crate::state::AppState;

/// Figures of the reports submitted in a period (default: this year so far): per month and
/// category, by severity, reporter type, outcome (valid, each rejection reason, open) and PSE;
/// each SOP step's median and 90th-percentile time and share within its standard; open tickets by
/// age. Computed in the database.
#[utoipa::path(
    tag = "tickets",
    operation_id = "get_stats",
    params(StatsQuery),
    responses(
        (status = 200, body = Stats),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/stats")]
pub async fn get_stats(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewTickets)?;
    Ok(HttpResponse::Ok().json(stats::compute(&state.db, &state.clock, &query).await?))
}
