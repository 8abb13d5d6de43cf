use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use sha2::{Digest, Sha256};
use ttis_shared::dto::delivery::{HallOfFameChange, HallOfFameDisplay, TicketKey};
use ttis_shared::dto::documents::DocumentKind;
use ttis_shared::dto::reports::{NewReport, PowChallenge, ReportReceipt, ReportStatus, StatusRequest};
use ttis_shared::dto::tickets::ProvideInfoRequest;
use utoipa::ToSchema;
use validator::Validate;

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::ClientInfo;
use crate::services::pow;
use crate::services::reports::{self, Submission};
use crate::services::tracking;
use crate::state::AppState;
use crate::uploads::Upload;
use crate::uploads::{self, Limits};

/// A report with evidence, as `multipart/form-data`.
#[derive(ToSchema)]
pub struct ReportUpload {
    /// The report: the same JSON as the `application/json` body (send it as a text part).
    pub report: NewReport,
    /// Evidence files, one part each (repeat the part name). Accepted by content: PNG, JPEG, GIF,
    /// WebP, PDF, MP4, WebM, UTF-8 text or logs; at most 20 files. Image metadata is removed.
    #[schema(value_type = Vec<String>, format = Binary)]
    pub evidence: Vec<Vec<u8>>,
}

/// Parses and validates the JSON of a report or an answer; on failure its uploads are removed.
async fn parse_valid<T: serde::de::DeserializeOwned + Validate>(
    body: &[u8],
    uploads: &[Upload],
) -> Result<T, ApiError> {
    let parsed =
        crate::extract::object_from_slice::<T>(body).and_then(|r| r.validate().map(|()| r).map_err(ApiError::from));
    if parsed.is_err() {
        uploads::discard(uploads).await;
    }
    parsed
}

fn limits(settings: &crate::config::Settings) -> Limits {
    Limits {
        json: settings.json_limit,
        file: settings.reports.evidence_max_file_bytes,
        total: settings.reports.evidence_max_total_bytes,
        idle: settings.reports.upload_idle,
        clamd: settings.clamd_addr.clone(),
    }
}

/// A proof-of-work challenge for the next submission.
///
/// Find a `nonce` (at most 32 characters) such that SHA-256(`challenge` + ":" + `nonce`) starts with
/// `difficulty` zero bits, and send both as `pow` with the report. Each challenge works once, for 15
/// minutes. `difficulty` 0 means the operator turned the check off.
#[utoipa::path(
    tag = "reports",
    operation_id = "create_report_challenge",
    responses((status = 200, body = PowChallenge)),
    security(())
)]
#[get("/reports/challenge")]
pub async fn create_report_challenge(state: web::Data<AppState>) -> HttpResponse {
    let challenge = pow::issue(state.settings.jwt_secret.expose(), state.settings.reports.pow_difficulty);
    HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(challenge)
}

/// Submit a report (SOP steps 2-3).
///
/// As `application/json` (a `NewReport`), or as `multipart/form-data` with a `report` part holding
/// the same JSON and `evidence` file parts. Answers `201` with the ticket code and the access key,
/// which is shown only now. With an `Idempotency-Key` header, a retry returns the original answer
/// and creates nothing; the same key with another body is `422 idempotency_key_reused`. Limits: per
/// file and per report size (`413 file_too_large`, `report_too_large`), types by content (`415
/// unsupported_file_type`), submissions per address per hour (`429`). The `website` field is a
/// honeypot: leave it empty.
#[utoipa::path(
    tag = "reports",
    operation_id = "create_report",
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe: 1-128 visible ASCII characters")),
    request_body(content(
        (NewReport = "application/json"),
        (ReportUpload = "multipart/form-data"),
    )),
    responses(
        (status = 201, description = "Received; keep the access key", body = ReportReceipt),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 413, response = crate::openapi::PayloadTooLarge),
        (status = 408, response = crate::openapi::RequestTimeout),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
        (status = 503, response = crate::openapi::ScannerUnavailable),
    ),
    security(())
)]
#[post("/reports")]
pub async fn create_report(
    state: web::Data<AppState>,
    req: HttpRequest,
    client: ClientInfo,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    super::limited(&state.submit_throttle, &client, state.settings.reports.submit_per_hour).await?;
    let idempotency_key = match req.headers().get("idempotency-key") {
        None => None,
        Some(v) => {
            let key = v
                .to_str()
                .ok()
                .map(str::trim)
                .filter(|k| (1..=128).contains(&k.len()) && k.chars().all(|c| c.is_ascii_graphic()));
            Some(
                key.ok_or_else(|| {
                    ApiError::InvalidParameter("Idempotency-Key: 1-128 visible ASCII characters".into())
                })?
                .to_string(),
            )
        }
    };
    let (body, uploads) = uploads::read_json_or_multipart(
        &req,
        payload,
        &state.evidence.incoming_dir(),
        &limits(&state.settings),
        "report",
    )
    .await?;
    let report: NewReport = parse_valid(&body, &uploads).await?;
    let idempotency = idempotency_key.map(|key| {
        let mut h = Sha256::new();
        h.update(&body);
        for u in &uploads {
            h.update(u.sha256.as_bytes());
        }
        (key, hex::encode(h.finalize()))
    });
    let receipt = reports::submit(&state, Submission { report, uploads, idempotency, client, filed_by: None }).await?;
    Ok(HttpResponse::Created().insert_header((header::CACHE_CONTROL, "no-store")).json(receipt))
}

/// Follow a report with its ticket code and access key.
///
/// The key travels in the body, never in a URL. A wrong key and an unknown code get the same
/// `404`. The timeline holds state changes and messages meant for the reporter, never internal notes.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_report_status",
    request_body = StatusRequest,
    responses(
        (status = 200, body = ReportStatus),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 404, response = crate::openapi::NotFound),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(())
)]
#[post("/reports/status")]
pub async fn get_report_status(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: ValidJson<StatusRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    super::limited(&state.status_throttle, &client, state.settings.reports.status_per_minute).await?;
    let req = body.into_inner()?;
    let status = tracking::status(&state.db, &req).await?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(status))
}

/// Answer the team's request for information (`provide_info`), with the ticket's code and key.
///
/// As `application/json` (`ProvideInfoRequest`), or as `multipart/form-data` with an `info` part
/// holding the same JSON and `evidence` file parts (the same limits and types as a report). Possible
/// while the ticket waits for the reporter (`needs_info`, else `409 wrong_state`); the ticket
/// returns to verification and the SLA clock runs again.
#[utoipa::path(
    tag = "reports",
    operation_id = "create_report_info",
    request_body(content(
        (ProvideInfoRequest = "application/json"),
        (InfoUpload = "multipart/form-data"),
    )),
    responses(
        (status = 200, description = "The report's status after the answer", body = ReportStatus),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 404, response = crate::openapi::NotFound),
        (status = 409, response = crate::openapi::Conflict),
        (status = 413, response = crate::openapi::PayloadTooLarge),
        (status = 408, response = crate::openapi::RequestTimeout),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
        (status = 503, response = crate::openapi::ScannerUnavailable),
    ),
    security(())
)]
#[post("/reports/info")]
pub async fn create_report_info(
    state: web::Data<AppState>,
    req: HttpRequest,
    client: ClientInfo,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    super::limited(&state.status_throttle, &client, state.settings.reports.status_per_minute).await?;
    let (body, files) = uploads::read_json_or_multipart(
        &req,
        payload,
        &state.evidence.incoming_dir(),
        &limits(&state.settings),
        "info",
    )
    .await?;
    let info: ProvideInfoRequest = parse_valid(&body, &files).await?;
    crate::services::tickets::provide_info(&state, &info, files, &client).await?;
    let status = tracking::status(
        &state.db,
        &StatusRequest { ticket_code: info.ticket_code.clone(), access_key: info.access_key.clone() },
    )
    .await?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(status))
}

/// An answer with evidence, as `multipart/form-data`.
#[derive(ToSchema)]
pub struct InfoUpload {
    /// The answer: the same JSON as the `application/json` body (send it as a text part).
    pub info: ProvideInfoRequest,
    /// Evidence files, one part each.
    #[schema(value_type = Vec<String>, format = Binary)]
    pub evidence: Vec<Vec<u8>>,
}

/// Change how the ticket's reporter appears on the Hall of Fame (real name, alias, anonymous, or
/// not at all), with the ticket's code and key. Takes effect at once.
#[utoipa::path(
    tag = "reports",
    operation_id = "update_report_hall_of_fame",
    request_body = HallOfFameChange,
    responses(
        (status = 200, description = "The new choice", body = HallOfFameDisplay),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 404, response = crate::openapi::NotFound),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(())
)]
#[post("/reports/hall-of-fame")]
pub async fn update_report_hall_of_fame(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: ValidJson<HallOfFameChange>,
) -> Result<HttpResponse, actix_web::Error> {
    super::limited(&state.status_throttle, &client, state.settings.reports.status_per_minute).await?;
    let req = body.into_inner()?;
    let choice = crate::services::tracking::change_display(&state, &req).await?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(choice))
}

/// Download a signed document of the reporter's own ticket: `certificate`, or
/// `notification_letter` unless its TLP label is RED. The code and key travel in the body.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_report_document",
    params(("kind" = DocumentKind, Path, description = "`certificate` or `notification_letter`")),
    request_body = TicketKey,
    responses(
        (status = 200, description = "The signed PDF", content_type = "application/pdf", body = Vec<u8>),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 404, response = crate::openapi::NotFound),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(())
)]
#[post("/reports/documents/{kind}")]
pub async fn get_report_document(
    state: web::Data<AppState>,
    client: ClientInfo,
    kind: web::Path<DocumentKind>,
    body: ValidJson<TicketKey>,
) -> Result<HttpResponse, actix_web::Error> {
    super::limited(&state.status_throttle, &client, state.settings.reports.status_per_minute).await?;
    let req = body.into_inner()?;
    let kind = kind.into_inner();
    let (doc, object) =
        crate::services::tracking::reporter_document(&state, &req.ticket_code, &req.access_key, kind).await?;
    let name = match kind {
        DocumentKind::Certificate => "Sertifikat-Apresiasi",
        _ => "Surat-Pemberitahuan-Insiden-Siber",
    };
    let code: String =
        req.ticket_code.trim().to_uppercase().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let mut res = super::stream_object(object, "application/pdf");
    let headers = res.headers_mut();
    if let Ok(v) = header::HeaderValue::from_str(&format!("attachment; filename=\"{name}-{code}.pdf\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = header::HeaderValue::from_str(&doc.sha256) {
        headers.insert(header::HeaderName::from_static("x-document-sha256"), v);
    }
    Ok(res)
}
