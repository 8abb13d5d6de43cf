use actix_web::{HttpResponse, get, web};
use ttis_shared::dto::reports::CategoryList;

use crate::error::ApiError;
use crate::services::categories;
use crate::state::AppState;

/// The incident taxonomy offered for new reports.
///
/// ENISA / TF-CSIRT Reference Security Incident Taxonomy classes (`parent` is null) with their
/// local sub-types (`parent` names the class). Use a `code` as a report's `category`.
#[utoipa::path(
    tag = "reports",
    operation_id = "list_categories",
    responses((status = 200, body = CategoryList), (status = 500, response = crate::openapi::ServerError)),
    security(())
)]
#[get("/categories")]
pub async fn list_categories(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(categories::list_active(&state.db).await?))
}
