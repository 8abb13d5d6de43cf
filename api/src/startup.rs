//! Building the application: database, migrations, first admin, the HTTP server with the API,
//! Swagger UI and the SPA. `Application::build` binds the listener and exposes the port, so tests
//! start the real server on port 0.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::config::Settings;
use crate::extract::{json_error, path_error, query_error};
use crate::middleware::{compress, cors, request_context};
use crate::openapi::ApiDoc;
use crate::services::clock::Clock;
use crate::services::users::{self, Bootstrap};
use crate::services::{categories, delivery, documents, organization, outbox, sla};
use crate::state::AppState;
use crate::{db, notify, routes, spa};

pub const OPENAPI_PATH: &str = "/api/openapi.json";

pub struct Application {
    port: u16,
    server: Server,
    pub bootstrap: Bootstrap,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let clock = Clock::system(settings.time_zone);
        Application::build_with_clock(settings, clock).await
    }

    /// [`Application::build`] with a given clock (tests set the time with an adjustable one).
    pub async fn build_with_clock(settings: Settings, clock: Clock) -> anyhow::Result<Application> {
        for notice in &settings.notices {
            tracing::warn!("{notice}");
        }
        let db = db::connect(&settings).await?;
        db::migrate(&db).await?;
        let bootstrap = users::ensure_bootstrap_admin(&db, &settings).await?;
        categories::seed(&db).await?;
        organization::seed(&db, &settings).await?;
        sla::seed(&db, &clock).await?;

        let listener = TcpListener::bind(&settings.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {} (TTIS_BIND): {e}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let workers = settings.workers;
        let json_limit = settings.json_limit;
        let swagger_ui = settings.swagger_ui;
        let spa = std::sync::Arc::new(spa::Spa::new(settings.web_dir.clone(), &settings.site));
        let state = web::Data::new(AppState::new(db, settings, clock)?);
        documents::register_signing_key(&state.db, state.signer.as_ref()).await?;
        if state.settings.mail.worker {
            let mailer = notify::mailer(&state.settings.mail, &state.settings.data_dir)?;
            let egress =
                std::sync::Arc::new(crate::services::egress::AddressGuard::new(&state.settings.webhook_allow_networks));
            let worker = outbox::Worker {
                db: state.db.clone(),
                mailer,
                evidence: state.evidence.clone(),
                retry_base: state.settings.mail.retry_base,
                lease: state.settings.mail.lease,
                http: crate::services::egress::webhook_client(egress.clone())?,
                egress,
                on_delivered: Some(std::sync::Arc::new({
                    let clock = state.clock.clone();
                    move |db, ticket_id| {
                        let clock = clock.clone();
                        Box::pin(async move {
                            delivery::complete_if_delivered(&db, &clock, ticket_id).await.map_err(anyhow::Error::from)
                        })
                    }
                })),
            };
            worker.spawn(state.outbox_wake.clone(), state.settings.mail.poll_interval);
        }
        crate::services::security::spawn_retention(state.clone(), state.settings.retention_interval);
        crate::services::monitoring::run::spawn(state.clone());
        crate::services::pow::spawn_forgetting(state.db.clone(), std::time::Duration::from_secs(600));
        crate::services::throttle::spawn_pruning(state.db.clone(), std::time::Duration::from_secs(600));
        crate::services::audit::spawn_sealer(state.db.clone(), std::time::Duration::from_secs(1));

        let server = HttpServer::new(move || {
            let (app, api) = App::new()
                .into_utoipa_app()
                .openapi(ApiDoc::openapi())
                .app_data(state.clone())
                .app_data(web::JsonConfig::default().limit(json_limit).error_handler(json_error))
                .app_data(web::PathConfig::default().error_handler(path_error))
                .app_data(web::QueryConfig::default().error_handler(query_error))
                .service(utoipa_actix_web::scope("/api/v1").configure(routes::configure))
                .split_for_parts();
            let mut api = api;
            crate::openapi::add_links(&mut api);
            // The last `wrap` is the outermost: the request context sees CORS preflights too, and
            // compression sees the body the caller gets.
            app.wrap(from_fn(cors))
                .wrap(from_fn(request_context))
                .wrap(from_fn(compress))
                .configure(|cfg| {
                    if swagger_ui {
                        cfg.service(SwaggerUi::new("/swagger-ui/{_:.*}").url(OPENAPI_PATH, api));
                    } else {
                        // Without Swagger UI, the document itself stays public.
                        let document = web::Data::new(api);
                        cfg.route("/swagger-ui/{_:.*}", web::get().to(actix_web::HttpResponse::NotFound));
                        cfg.app_data(document).route(
                            OPENAPI_PATH,
                            web::get().to(|d: web::Data<utoipa::openapi::OpenApi>| async move {
                                actix_web::HttpResponse::Ok().json(d.get_ref())
                            }),
                        );
                    }
                })
                .service(routes::site::security_txt)
                .service(routes::site::security_txt_redirect)
                .service(crate::routes::metrics::get_metrics)
                .default_service(spa::service(spa.clone()))
        })
        .workers(workers)
        .shutdown_timeout(10)
        .listen(listener)?
        .run();
        Ok(Application { port, server, bootstrap })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// The document as committed in `openapi/openapi.json`: pretty JSON with a final newline.
pub fn openapi_json() -> anyhow::Result<String> {
    let mut doc = serde_json::to_value(routes::openapi_document())?;
    crate::openapi::sort_link_fields(&mut doc);
    Ok(format!("{}\n", serde_json::to_string_pretty(&doc)?))
}
