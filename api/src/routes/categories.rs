use actix_web::{HttpResponse, get, patch, post, web};
use ttis_shared::dto::reports::{Category, CategoryList};
use ttis_shared::dto::tickets::{NewCategory, UpdateCategory};

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::categories;
use crate::services::policy::Permission;
use crate::state::AppState;

/// Whether to list retired categories too (for the taxonomy's administration).
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
pub struct CategoryQuery {
    #[serde(default)]
    pub include_retired: bool,
}

/// The incident taxonomy offered for new reports.
///
/// ENISA / TF-CSIRT Reference Security Incident Taxonomy classes (`parent` is null) with their
/// local sub-types (`parent` names the class). Use a `code` as a report's `category`.
/// `include_retired=true` adds the retired ones (`retired: true`), which new reports cannot use.
#[utoipa::path(
    tag = "reports",
    operation_id = "list_categories",
    params(CategoryQuery),
    responses(
        (status = 200, body = CategoryList),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(())
)]
#[get("/categories")]
pub async fn list_categories(
    state: web::Data<AppState>,
    query: web::Query<CategoryQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(categories::list(&state.db, query.include_retired).await?))
}

/// Add a category to the taxonomy (admin). A sub-type names its top-level class as `parent`.
#[utoipa::path(
    tag = "categories",
    operation_id = "create_category",
    request_body = NewCategory,
    responses(
        (status = 201, body = Category),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/categories")]
pub async fn create_category(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<NewCategory>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageRegisters)?;
    let input = body.into_inner()?;
    Ok(HttpResponse::Created().json(categories::create(&state.db, &user.actor(&client), input).await?))
}

/// Rename, reorder or retire a category (admin). Retired categories are no longer offered for new
/// reports; tickets that use them keep them.
#[utoipa::path(
    tag = "categories",
    operation_id = "update_category",
    params(("code" = String, Path, description = "Category code")),
    request_body = UpdateCategory,
    responses(
        (status = 200, body = Category),
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
#[patch("/categories/{code}")]
pub async fn update_category(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    code: web::Path<String>,
    body: ValidJson<UpdateCategory>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageRegisters)?;
    let input = body.into_inner()?;
    Ok(HttpResponse::Ok().json(categories::update(&state.db, &user.actor(&client), &code, input).await?))
}
