//! Public verification of signed letters and certificates, and their revocation.

use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use ttis_shared::dto::documents::{DocumentVerification, FileCheck, RevocationRequest};

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::documents;
use crate::services::policy::Permission;
use crate::state::AppState;
use crate::uploads;

/// Is this letter or certificate genuine? What the QR code on it leads to: type, number, date,
/// signer, subject (no personal data), the SHA-256 of the signed file, whether its signature is
/// valid, and whether it was revoked. Drafts are not found.
#[utoipa::path(
    tag = "documents",
    operation_id = "get_document_verification",
    params(("id" = String, Path, description = "Document id, from the QR code")),
    responses(
        (status = 200, body = DocumentVerification),
        (status = 404, response = crate::openapi::NotFound),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(())
)]
#[get("/documents/{id}/verification")]
pub async fn get_document_verification(
    state: web::Data<AppState>,
    client: ClientInfo,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    super::limited(&state.status_throttle, &client, state.settings.reports.status_per_minute).await?;
    let v = documents::verification(&state.db, &state.clock, &id).await?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(v))
}

/// Check a file: send the PDF as the raw body (at most 10 MiB) and learn whether it is the signed
/// document, byte for byte. Nothing is stored.
#[utoipa::path(
    tag = "documents",
    operation_id = "create_document_verification",
    params(("id" = String, Path, description = "Document id, from the QR code")),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file to compare (the PDF's bytes, any content type)"),
    responses(
        (status = 200, body = FileCheck),
        (status = 404, response = crate::openapi::NotFound),
        (status = 413, response = crate::openapi::PayloadTooLarge),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(())
)]
#[post("/documents/{id}/verification")]
pub async fn create_document_verification(
    state: web::Data<AppState>,
    client: ClientInfo,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    super::limited(&state.status_throttle, &client, state.settings.reports.status_per_minute).await?;
    let bytes = uploads::read_limited(payload, documents::CHECK_MAX_BYTES).await?;
    let check = documents::check_file(&state.db, &state.clock, &id, &bytes).await?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(check))
}

/// Revoke a signed document (admin), with the reason the verification page will show. A
/// document is revoked once; the file and its signature stay as they were.
#[utoipa::path(
    tag = "documents",
    operation_id = "create_document_revocation",
    params(("id" = String, Path, description = "Document id")),
    request_body = RevocationRequest,
    responses(
        (status = 200, body = DocumentVerification),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 409, response = crate::openapi::Conflict),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/documents/{id}/revocation")]
pub async fn create_document_revocation(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<String>,
    body: ValidJson<RevocationRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::RevokeDocuments)?;
    let req = body.into_inner()?;
    Ok(HttpResponse::Ok()
        .json(documents::revoke(&state.db, &state.clock, &user.actor(&client), &id, &req.reason).await?))
}
