//! The audit log (admin): browse it, and verify its hash chain.

use actix_web::{HttpResponse, get, web};
use ttis_shared::dto::audit::{AuditList, AuditQuery, AuditVerification};

use crate::error::ApiError;
use crate::services::audit;
use crate::services::auth::AuthUser;
use crate::services::policy::Permission;
use crate::state::AppState;

/// The audit log, newest first, filtered by action (or `ticket.` for a prefix), actor, target and time.
#[utoipa::path(
    tag = "audit",
    operation_id = "list_audit_entries",
    params(AuditQuery),
    responses(
        (status = 200, body = AuditList),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/audit")]
pub async fn list_audit_entries(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ReadAudit)?;
    Ok(HttpResponse::Ok().json(audit::list(&state.db, &query).await?))
}

/// Recompute the audit log's hash chain from the first entry; names the first entry that does
/// not match (changed, inserted or deleted rows break the chain there).
#[utoipa::path(
    tag = "audit",
    operation_id = "get_audit_verification",
    responses(
        (status = 200, body = AuditVerification),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/audit/verification")]
pub async fn get_audit_verification(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ReadAudit)?;
    Ok(HttpResponse::Ok().json(audit::verify(&state.db).await?))
}
