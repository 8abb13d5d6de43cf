//! Every API route, wired in one place. Each handler carries its `#[utoipa::path]`, so wiring a
//! route here also documents it.

use actix_web::HttpResponse;
use utoipa_actix_web::AppExt;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;
use crate::services::auth::ClientInfo;
use crate::services::throttle::Throttle;

pub mod account;
pub mod audit;
pub mod auth;
pub mod categories;
pub mod delivery;
pub mod documents;
pub mod exports;
pub mod health;
pub mod intel;
pub mod metrics;
pub mod monitoring;
pub mod organization;
pub mod pses;
pub mod reports;
pub mod security;
pub mod site;
pub mod sla;
pub mod stats;
pub mod tickets;
pub mod users;

/// The routes under `/api/v1`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::get_health)
        .service(health::get_readiness)
        .service(auth::create_session)
        .service(auth::refresh_session)
        .service(auth::delete_session)
        .service(auth::get_current_user)
        .service(users::list_users)
        .service(users::create_user)
        .service(users::get_user)
        .service(users::update_user)
        .service(users::reset_user_password)
        .service(site::get_site)
        .service(categories::list_categories)
        .service(reports::create_report_challenge)
        .service(reports::create_report)
        .service(reports::get_report_status)
        .service(reports::create_report_info)
        .service(categories::create_category)
        .service(categories::update_category)
        .service(tickets::create_ticket)
        .service(users::list_staff)
        .service(tickets::list_tickets)
        .service(exports::get_tickets_export)
        .service(tickets::get_ticket)
        .service(tickets::create_ticket_action)
        .service(tickets::create_ticket_message)
        .service(tickets::create_ticket_pdp_notices)
        .service(tickets::create_ticket_assignment)
        .service(tickets::get_ticket_evidence)
        .service(tickets::get_ticket_document)
        .service(intel::get_ticket_stix)
        .service(intel::get_ticket_misp)
        .service(intel::create_ticket_observable)
        .service(intel::update_ticket_observable)
        .service(intel::delete_ticket_observable)
        .service(intel::get_stix_export)
        .service(pses::list_pses)
        .service(pses::create_pse)
        .service(pses::get_pse)
        .service(pses::update_pse)
        .service(pses::delete_pse)
        .service(tickets::update_ticket_drafts)
        .service(organization::get_organization)
        .service(organization::update_organization)
        .service(organization::get_organization_logo)
        .service(organization::update_organization_logo)
        .service(organization::delete_organization_logo)
        .service(organization::get_setup_checklist)
        .service(documents::get_document_verification)
        .service(documents::create_document_verification)
        .service(documents::create_document_revocation)
        .service(delivery::get_hall_of_fame)
        .service(reports::update_report_hall_of_fame)
        .service(reports::get_report_document)
        .service(delivery::create_acknowledgement)
        .service(delivery::create_acknowledgement_lookup)
        .service(delivery::list_failed_deliveries)
        .service(delivery::create_ticket_delivery_resend)
        .service(delivery::list_webhooks)
        .service(delivery::create_webhook)
        .service(delivery::delete_webhook)
        .service(delivery::list_webhook_deliveries)
        .service(sla::get_sla_policy)
        .service(sla::update_sla_policy)
        .service(sla::list_holidays)
        .service(sla::update_holiday)
        .service(sla::delete_holiday)
        .service(stats::get_stats)
        .service(exports::get_stats_export)
        .service(exports::get_stats_recap)
        .service(audit::list_audit_entries)
        .service(audit::get_audit_verification)
        .service(account::list_own_sessions)
        .service(account::delete_own_session)
        .service(account::update_own_password)
        .service(account::create_totp_enrollment)
        .service(account::create_totp_activation)
        .service(account::create_totp_removal)
        .service(users::list_user_sessions)
        .service(users::delete_user_session)
        .service(users::delete_user_totp)
        .service(users::get_user_signer_profile)
        .service(users::update_user_signer_profile)
        .service(account::get_own_signer_profile)
        .service(account::update_own_signer_profile)
        .service(security::get_security_policy)
        .service(security::update_security_policy)
        .service(security::create_retention_run)
        .service(security::create_reporter_data_export)
        .service(monitoring::list_monitors)
        .service(monitoring::create_monitor)
        .service(monitoring::delete_monitor)
        .service(monitoring::create_monitor_check)
        .service(monitoring::create_monitor_baseline)
        .service(monitoring::update_monitor_mutes)
        .service(monitoring::delete_monitor_mute);
}

/// An object from the evidence store as a streamed answer, with its length, never cached.
pub(crate) fn stream_object(object: crate::services::storage::StoredObject, content_type: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .no_chunking(object.size)
        .streaming(object.stream)
}

/// A download for staff: `Content-Disposition: attachment` under `name`, never cached.
pub(crate) fn attachment(
    content_type: &str,
    name: &str,
    body: impl actix_web::body::MessageBody + 'static,
) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((actix_web::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(body)
}

/// Counts a public request against the client address's budget, or refuses it with `429`.
pub(crate) async fn limited(throttle: &Throttle, client: &ClientInfo, max: u32) -> Result<(), ApiError> {
    throttle.hit(client.ip.as_deref().unwrap_or_default(), max).await
}

/// The OpenAPI document, built from the same wiring as the server (used by `ttis-api openapi`
/// and the drift test).
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    let (_, api) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(<crate::openapi::ApiDoc as utoipa::OpenApi>::openapi())
        .service(utoipa_actix_web::scope("/api/v1").configure(configure))
        .split_for_parts();
    let mut api = api;
    crate::openapi::add_links(&mut api);
    api
}
