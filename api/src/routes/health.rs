use actix_web::{HttpResponse, get, web};
use sea_orm::ConnectionTrait;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::state::AppState;

/// Health answer.
#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok`.
    pub status: &'static str,
}

/// Liveness: the process answers.
#[utoipa::path(tag = "system", operation_id = "get_health", responses((status = 200, body = Health)), security(()))]
#[get("/health")]
pub async fn get_health() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok" })
}

/// Readiness: the database answers and the evidence store takes a write.
#[utoipa::path(
    tag = "system",
    operation_id = "get_readiness",
    responses((status = 200, body = Health), (status = 500, response = crate::openapi::ServerError)),
    security(())
)]
#[get("/ready")]
pub async fn get_readiness(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    state.db.execute_unprepared("SELECT 1").await?;
    state.evidence.probe().await.map_err(|e| ApiError::Internal(e.context("evidence store")))?;
    Ok(HttpResponse::Ok().json(Health { status: "ok" }))
}
