//! `GET /metrics`: the Prometheus text, for a bearer of `TTIS_METRICS_TOKEN` or a client in
//! `TTIS_METRICS_NETWORKS`. The counters themselves live in `crate::metrics`.

use std::fmt::Write;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};
use ttis_shared::ReportState;

use crate::entities::{outbox, ticket};
use crate::error::ApiError;
use crate::services::auth::ClientInfo;
use crate::state::AppState;

fn allowed(state: &AppState, req: &HttpRequest, client: &ClientInfo) -> bool {
    let m = &state.settings.metrics;
    if let Some(token) = &m.token {
        let presented = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        if crate::services::crypto::constant_time_eq(presented, token.expose()) {
            return true;
        }
    }
    let ip = client.ip.as_deref().and_then(|ip| ip.parse::<std::net::IpAddr>().ok());
    match ip {
        Some(ip) => m.networks.iter().filter_map(|n| crate::services::pse::Cidr::parse(n)).any(|c| c.contains(ip)),
        None => false,
    }
}

/// Prometheus metrics (text exposition format).
#[get("/metrics")]
pub async fn get_metrics(
    state: web::Data<AppState>,
    req: HttpRequest,
    client: ClientInfo,
) -> Result<HttpResponse, ApiError> {
    if !allowed(&state, &req, &client) {
        return Err(ApiError::Forbidden);
    }
    let db = &state.db;
    let mut out = String::new();
    state.metrics.render_requests(&state.settings.instance, &mut out);
    let _ = writeln!(out, "# HELP ttis_instance_info This process: its store and where its rate limits count.");
    let _ = writeln!(out, "# TYPE ttis_instance_info gauge");
    let _ = writeln!(
        out,
        "ttis_instance_info{{instance=\"{}\",store=\"{}\",rate_limits=\"{}\"}} 1",
        crate::metrics::escape(&state.settings.instance),
        if state.evidence.describe().starts_with("s3://") { "s3" } else { "file" },
        if state.submit_throttle.is_shared() { "database" } else { "memory" },
    );
    // The shared database's gauges: the same on every replica (`max without (instance)`).
    let _ = writeln!(out, "# HELP ttis_outbox_messages Notifications in the outbox by status.");
    let _ = writeln!(out, "# TYPE ttis_outbox_messages gauge");
    for status in ["pending", "sending", "sent", "failed"] {
        let n = outbox::Entity::find().filter(outbox::Column::Status.eq(status)).count(db).await?;
        let _ = writeln!(out, "ttis_outbox_messages{{scope=\"database\",status=\"{status}\"}} {n}");
    }
    let _ = writeln!(out, "# HELP ttis_tickets Tickets by state.");
    let _ = writeln!(out, "# TYPE ttis_tickets gauge");
    let counts: Vec<(String, i64)> = ticket::Entity::find()
        .select_only()
        .column(ticket::Column::State)
        .column_as(ticket::Column::Id.count(), "n")
        .group_by(ticket::Column::State)
        .into_tuple()
        .all(db)
        .await?;
    for s in ReportState::ALL {
        let n = counts.iter().find(|(k, _)| k == s.as_str()).map(|(_, n)| *n).unwrap_or(0);
        let _ = writeln!(out, "ttis_tickets{{scope=\"database\",state=\"{}\"}} {n}", s.as_str());
    }
    let overdue = ticket::Entity::find()
        .filter(ticket::Column::DueAt.lt(state.clock.now()))
        .filter(ticket::Column::State.is_not_in([
            ReportState::NeedsInfo,
            ReportState::Rejected,
            ReportState::Completed,
        ]))
        .count(db)
        .await?;
    let _ = writeln!(out, "# HELP ttis_tickets_overdue Open tickets past their step's time standard.");
    let _ = writeln!(out, "# TYPE ttis_tickets_overdue gauge");
    let _ = writeln!(out, "ttis_tickets_overdue{{scope=\"database\"}} {overdue}");
    Ok(HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(out))
}
