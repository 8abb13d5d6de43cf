//! Every API route, wired in one place. Each handler carries its `#[utoipa::path]`, so wiring a
//! route here also documents it.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod auth;
pub mod categories;
pub mod health;
pub mod reports;
pub mod site;
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
        .service(reports::get_report_status);
}
