//! SOP steps 8-9 and integrations: the Hall of Fame, delivery status and resending, the PSE's
//! acknowledgement, webhooks.

use actix_web::http::header;
use actix_web::{HttpResponse, delete, get, post, web};
use ttis_shared::dto::delivery::{
    Acknowledgement, AcknowledgementLink, AcknowledgementLookup, AcknowledgementRequest, DeliveryList,
    FailedDeliveryList, HallOfFame, HallOfFameQuery, WebhookCreated, WebhookInput, WebhookList,
};
use ttis_shared::dto::tickets::TicketDetail;

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::policy::Permission;
use crate::services::{account, delivery, hall_of_fame, tickets, webhooks};
use crate::state::AppState;

/// The Hall of Fame: reporters of valid reports as they chose to be shown (real name, alias or
/// *Anonim*), with their number of reports, categories, latest date and certificates. No
/// personal data. Filter with `year`.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_hall_of_fame",
    params(HallOfFameQuery),
    responses(
        (status = 200, body = HallOfFame),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(())
)]
#[get("/hall-of-fame")]
pub async fn get_hall_of_fame(
    state: web::Data<AppState>,
    query: web::Query<HallOfFameQuery>,
) -> Result<HttpResponse, ApiError> {
    let hof = hall_of_fame::hall_of_fame(&state.db, &state.clock, query.year).await?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "public, max-age=60")).json(hof))
}

/// What a PSE's one-time link is for, without using it: the letter, and whether the incident
/// involves personal data (then the page asks when the data subjects and the supervising
/// authority were notified, UU PDP Art. 46), with what is already on record.
#[utoipa::path(
    tag = "reports",
    operation_id = "create_acknowledgement_lookup",
    request_body = AcknowledgementLookup,
    responses(
        (status = 200, body = AcknowledgementLink),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 404, response = crate::openapi::NotFound),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(())
)]
#[post("/acknowledgements/lookup")]
pub async fn create_acknowledgement_lookup(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: ValidJson<AcknowledgementLookup>,
) -> Result<HttpResponse, actix_web::Error> {
    super::limited(&state.status_throttle, &client, state.settings.reports.status_per_minute).await?;
    let req = body.into_inner()?;
    Ok(HttpResponse::Ok().json(delivery::acknowledgement_link(&state, &req.token).await?))
}

/// The PSE confirms receipt of the notification letter (and, with `fixed`, that the issue is
/// fixed) with the one-time token from its email. A token works once (`409` after), except that
/// for a personal-data incident the same link records later the notification dates still missing.
#[utoipa::path(
    tag = "reports",
    operation_id = "create_acknowledgement",
    request_body = AcknowledgementRequest,
    responses(
        (status = 200, body = Acknowledgement),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 404, response = crate::openapi::NotFound),
        (status = 409, response = crate::openapi::Conflict),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(())
)]
#[post("/acknowledgements")]
pub async fn create_acknowledgement(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: ValidJson<AcknowledgementRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    super::limited(&state.status_throttle, &client, state.settings.reports.status_per_minute).await?;
    let req = body.into_inner()?;
    Ok(HttpResponse::Ok().json(delivery::acknowledge(&state, &req).await?))
}

/// Deliveries that gave up after every retry, for the dashboard (staff).
#[utoipa::path(
    tag = "tickets",
    operation_id = "list_failed_deliveries",
    responses(
        (status = 200, body = FailedDeliveryList),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/deliveries/failed")]
pub async fn list_failed_deliveries(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ViewTickets)?;
    Ok(HttpResponse::Ok().json(FailedDeliveryList { items: delivery::failed(&state.db).await? }))
}

/// Send one of the ticket's messages again (analysts): it goes back to the queue with fresh retries.
#[utoipa::path(
    tag = "tickets",
    operation_id = "create_ticket_delivery_resend",
    params(("code" = String, Path, description = "Ticket code"), ("id" = i64, Path, description = "Delivery id")),
    responses(
        (status = 200, description = "The ticket with the message queued", body = TicketDetail),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 409, response = crate::openapi::Conflict),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/tickets/{code}/deliveries/{id}/resend")]
pub async fn create_ticket_delivery_resend(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WorkTickets)?;
    let (code, id) = path.into_inner();
    delivery::resend(&state, &user.actor(&client), &code, id).await?;
    Ok(HttpResponse::Ok().json(tickets::detail(&state.db, &code, &user, &state.clock).await?))
}

/// The registered webhooks (admin).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "list_webhooks",
    responses(
        (status = 200, body = WebhookList),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/webhooks")]
pub async fn list_webhooks(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageIntegrations)?;
    Ok(HttpResponse::Ok().json(WebhookList { items: webhooks::list_webhooks(&state.db).await? }))
}

/// Register a webhook (admin). Each event is POSTed as JSON with `X-TTIS-Event`,
/// `X-TTIS-Delivery` and `X-TTIS-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>"
/// with the secret>`; the secret is in this answer only. Failed calls are retried with backoff.
/// Registering one needs the admin's current password again (`password`, and `totp` when they
/// have a second factor): a stolen session cannot send the platform's events elsewhere.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "create_webhook",
    request_body = WebhookInput,
    responses(
        (status = 201, body = WebhookCreated),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Reauthenticate),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[post("/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    body: ValidJson<WebhookInput>,
) -> Result<HttpResponse, actix_web::Error> {
    user.require(Permission::ManageIntegrations)?;
    let input = body.into_inner()?;
    let actor = user.actor(&client);
    let (password, totp) = (input.password.as_deref(), input.totp.as_deref());
    account::reauthenticate(&state, &user, &actor, "webhook.create", password, totp).await?;
    let guard = crate::services::egress::AddressGuard::new(&state.settings.webhook_allow_networks);
    let created = webhooks::create_webhook(&state.db, &guard, &actor, &input).await?;
    Ok(HttpResponse::Created().insert_header((header::CACHE_CONTROL, "no-store")).json(created))
}

/// Remove a webhook (admin); its queued calls fail.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "delete_webhook",
    params(("id" = i64, Path, description = "Webhook id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[delete("/webhooks/{id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    user: AuthUser,
    client: ClientInfo,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageIntegrations)?;
    webhooks::delete_webhook(&state.db, &user.actor(&client), id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A webhook's recent calls with their status, attempts and last error (admin).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "list_webhook_deliveries",
    params(("id" = i64, Path, description = "Webhook id")),
    responses(
        (status = 200, body = DeliveryList),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 403, response = crate::openapi::Forbidden),
        (status = 404, response = crate::openapi::NotFound),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageIntegrations)?;
    Ok(HttpResponse::Ok().json(DeliveryList { items: webhooks::webhook_deliveries(&state.db, id.into_inner()).await? }))
}
