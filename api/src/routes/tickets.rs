use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType, ExtendedValue};
use actix_web::{HttpResponse, get, post, put, web};
use ttis_shared::dto::documents::Drafts;
use ttis_shared::dto::reports::ReportReceipt;
use ttis_shared::dto::tickets::{
    ActionRequest, AssignmentRequest, MessageRequest, StaffReport, TicketDetail, TicketList, TicketQuery,
};
use ttis_shared::pdp::PdpNotices;

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::policy::Permission;
use crate::services::{reports, tickets, workflow};
use crate::state::AppState;

/// The ticket queue (*Dashboard Manajemen Tiket*).
///
/// Filters combine (AND); `q` searches the code, title, affected asset, and the reporter's name and
/// email. Each row carries the current SOP step's clock: when it started, its time standard, when
/// it is due, and whether it is overdue. `counts` holds the number of tickets per state.
#[utoipa::path(
    tag = "tickets",
    operation_id = "list_tickets",
    params(TicketQuery),
    responses(
        (status = 200, body = TicketList),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/tickets")]
pub async fn list_tickets(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<TicketQuery>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewTickets)?;
    Ok(HttpResponse::Ok().json(tickets::list(&state.db, &query, state.clock.now()).await?))
}

/// One ticket with everything staff need: the report, the reporter, evidence, timeline (with
/// internal notes), duplicate hints, the analysis, the SLA clock, and the actions open to you.
#[utoipa::path(
    tag = "tickets",
    operation_id = "get_ticket",
    params(("code" = String, Path, description = "Ticket code, e.g. TTIS-2026-000123")),
    responses(
        (status = 200, body = TicketDetail),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/tickets/{code}")]
pub async fn get_ticket(
    state: web::Data<AppState>,
    user: AuthUser,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewTickets)?;
    Ok(HttpResponse::Ok().json(tickets::detail(&state.db, &code, &user, &state.clock).await?))
}

/// Take an action of the procedure on a ticket.
///
/// `start_verification`; `request_info` (with `message`: the question; the reporter is emailed and
/// the SLA clock pauses); `reject` (with `reason`, `duplicate_of` for duplicates, and an optional
/// `message` to the reporter); `verify` (with `analysis`: renders the analysis report and drafts
/// the notification letter and the certificate); `submit_for_approval` (the heads are emailed);
/// `return_for_revision` (head, with `message`: the remarks; back to `drafted`); `approve` (head:
/// numbers both documents, renders them with their QR codes and signs them); `complete`. What
/// staff write with steps 6-7 stays internal. An action the state does not allow is `409
/// invalid_transition`; one for another role is `403 action_forbidden`; both list `allowed_actions`.
#[utoipa::path(
    tag = "tickets",
    operation_id = "create_ticket_action",
    params(("code" = String, Path, description = "Ticket code")),
    request_body = ActionRequest,
    responses(
        (status = 200, description = "The ticket after the action", body = TicketDetail),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Reauthenticate),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 409, response = crate::openapi::Conflict),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/tickets/{code}/actions")]
pub async fn create_ticket_action(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    code: web::Path<String>,
    body: ValidJson<ActionRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ViewTickets)?;
    let req = body.into_inner()?;
    Ok(HttpResponse::Ok().json(tickets::act(&state, &user, &client, &code, req).await?))
}

/// Record the dates a PSE gave by phone or letter for a personal-data incident (UU PDP): when
/// it notified the data subjects and the supervising authority. A date on record is not changed;
/// both on record stop the 72-hour clock. `409` for a ticket without personal data or with both
/// dates already. Audited.
#[utoipa::path(
    tag = "tickets",
    operation_id = "create_ticket_pdp_notices",
    params(("code" = String, Path, description = "Ticket code")),
    request_body = PdpNotices,
    responses(
        (status = 200, description = "The ticket with the dates", body = TicketDetail),
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
#[post("/tickets/{code}/pdp-notices")]
pub async fn create_ticket_pdp_notices(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    code: web::Path<String>,
    body: ValidJson<PdpNotices>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ViewTickets)?;
    let req = body.into_inner()?;
    crate::services::pdp::record_by_staff(&state, &user.staff_actor(&client), &code, &req).await?;
    Ok(HttpResponse::Ok().json(tickets::detail(&state.db, &code, &user, &state.clock).await?))
}

/// Post a message to the reporter (`public: true`, emailed) or an internal note.
#[utoipa::path(
    tag = "tickets",
    operation_id = "create_ticket_message",
    params(("code" = String, Path, description = "Ticket code")),
    request_body = MessageRequest,
    responses(
        (status = 200, description = "The ticket with the new entry", body = TicketDetail),
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
#[post("/tickets/{code}/messages")]
pub async fn create_ticket_message(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    code: web::Path<String>,
    body: ValidJson<MessageRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::WorkTickets)?;
    let req = body.into_inner()?;
    Ok(HttpResponse::Ok().json(tickets::post_message(&state, &user, &client, &code, &req).await?))
}

/// Claim a ticket (no `assignee_id`), or assign it to an analyst with a disposition (*disposisi*:
/// instruction, priority, due date). Recorded on the timeline; the assignee is emailed.
#[utoipa::path(
    tag = "tickets",
    operation_id = "create_ticket_assignment",
    params(("code" = String, Path, description = "Ticket code")),
    request_body = AssignmentRequest,
    responses(
        (status = 200, description = "The ticket with its assignee", body = TicketDetail),
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
#[post("/tickets/{code}/assignment")]
pub async fn create_ticket_assignment(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    code: web::Path<String>,
    body: ValidJson<AssignmentRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::AssignTickets)?;
    let req = body.into_inner()?;
    Ok(HttpResponse::Ok().json(tickets::assign(&state, &user, &client, &code, &req).await?))
}

/// Download an evidence file (staff only; always as an attachment, never rendered inline).
#[utoipa::path(
    tag = "tickets",
    operation_id = "get_ticket_evidence",
    params(("code" = String, Path, description = "Ticket code"), ("id" = i64, Path, description = "Evidence id")),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/tickets/{code}/evidence/{id}")]
pub async fn get_ticket_evidence(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewTickets)?;
    let (code, id) = path.into_inner();
    let (file, object) = tickets::evidence_file(&state, &user, &client, &code, id).await?;
    // Names kept before the upload cleaned them may still hold a bidi override: cleaned again.
    let name = crate::uploads::sanitize_file_name(&file.file_name);
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(name.chars().filter(|c| c.is_ascii() && *c != '"').collect()),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: header::Charset::Ext("UTF-8".into()),
                language_tag: None,
                value: name.into_bytes(),
            }),
        ],
    };
    let mut res = super::stream_object(object, "application/octet-stream");
    let headers = res.headers_mut();
    if let Ok(v) = header::HeaderValue::from_str(&disposition.to_string()) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(header::CONTENT_SECURITY_POLICY, header::HeaderValue::from_static("default-src 'none'; sandbox"));
    if let Ok(v) = header::HeaderValue::from_str(&file.sha256) {
        headers.insert(header::HeaderName::from_static("x-evidence-sha256"), v);
    }
    Ok(res)
}

/// File a report on someone's behalf (received by phone, email, letter, in person, or found by the
/// monitoring team), with the channel recorded. No proof of work; the receipt email goes to the
/// reporter as usual.
#[utoipa::path(
    tag = "tickets",
    operation_id = "create_ticket",
    request_body = StaffReport,
    responses(
        (status = 201, description = "Filed; give the reporter the code and key", body = ReportReceipt),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/tickets")]
pub async fn create_ticket(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<StaffReport>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::WorkTickets)?;
    let input = body.into_inner()?;
    let submission = reports::Submission {
        report: input.report,
        uploads: Vec::new(),
        idempotency: None,
        filed_by: Some((user.actor(&client), input.channel)),
        client,
    };
    let receipt = reports::submit(&state, submission).await?;
    Ok(HttpResponse::Created().insert_header((header::CACHE_CONTROL, "no-store")).json(receipt))
}

/// Edit the letter's and certificate's variable parts (analysts, state `drafted`); both are
/// rendered again as new versions, and the old versions are kept.
#[utoipa::path(
    tag = "tickets",
    operation_id = "update_ticket_drafts",
    params(("code" = String, Path, description = "Ticket code")),
    request_body = Drafts,
    responses(
        (status = 200, description = "The ticket with the new versions", body = TicketDetail),
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
#[put("/tickets/{code}/drafts")]
pub async fn update_ticket_drafts(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    code: web::Path<String>,
    body: ValidJson<Drafts>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::WorkTickets)?;
    let input = body.into_inner()?;
    let t = workflow::find_by_code(&state.db, &crate::services::codes::TicketCode::parse(&code)).await?;
    crate::services::letters::edit(&state, &user.actor(&client), user.id, t, input).await?;
    Ok(HttpResponse::Ok().json(tickets::detail(&state.db, &code, &user, &state.clock).await?))
}

/// Download a document of the ticket (PDF), e.g. the analysis report (*Laporan Hasil Analisis*).
#[utoipa::path(
    tag = "tickets",
    operation_id = "get_ticket_document",
    params(("code" = String, Path, description = "Ticket code"), ("id" = String, Path, description = "Document id")),
    responses(
        (status = 200, description = "The PDF", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/tickets/{code}/documents/{id}")]
pub async fn get_ticket_document(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewTickets)?;
    let (code, id) = path.into_inner();
    let (doc, object) = tickets::document_file(&state, &user, &client, &code, &id).await?;
    let name = format!("{}-{}-v{}.pdf", doc.kind.as_str().replace('_', "-"), code, doc.version);
    let mut res = super::stream_object(object, "application/pdf");
    if let Ok(v) = header::HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}
