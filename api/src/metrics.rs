//! Prometheus metrics at `/metrics`: request counts and latencies by route (kept in memory by the
//! request middleware), and, read from the database on each scrape, the outbox's depth and
//! failures, tickets per state, and overdue tickets. Reachable only with `TTIS_METRICS_TOKEN` as
//! a bearer token or from `TTIS_METRICS_NETWORKS`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};
use ttis_shared::ReportState;

use crate::entities::{outbox, ticket};
use crate::error::ApiError;
use crate::services::auth::ClientInfo;
use crate::state::AppState;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    latency: Mutex<BTreeMap<(String, String), Histogram>>,
}

impl Metrics {
    pub fn record(&self, method: &str, route: &str, status: u16, seconds: f64) {
        if let Ok(mut r) = self.requests.lock() {
            *r.entry((method.to_string(), route.to_string(), status)).or_default() += 1;
        }
        if let Ok(mut l) = self.latency.lock() {
            let h = l.entry((method.to_string(), route.to_string())).or_default();
            for (i, bound) in BUCKETS.iter().enumerate() {
                if seconds <= *bound {
                    h.counts[i] += 1;
                }
            }
            h.count += 1;
            h.sum += seconds;
        }
    }

    fn render_requests(&self, out: &mut String) {
        let _ = writeln!(out, "# HELP ttis_http_requests_total HTTP requests by route and status.");
        let _ = writeln!(out, "# TYPE ttis_http_requests_total counter");
        if let Ok(r) = self.requests.lock() {
            for ((method, route, status), n) in r.iter() {
                let _ = writeln!(
                    out,
                    "ttis_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {n}",
                    escape(route)
                );
            }
        }
        let _ = writeln!(out, "# HELP ttis_http_request_duration_seconds HTTP request latency by route.");
        let _ = writeln!(out, "# TYPE ttis_http_request_duration_seconds histogram");
        if let Ok(l) = self.latency.lock() {
            for ((method, route), h) in l.iter() {
                let labels = format!("method=\"{method}\",route=\"{}\"", escape(route));
                for (i, bound) in BUCKETS.iter().enumerate() {
                    let _ = writeln!(
                        out,
                        "ttis_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {}",
                        h.counts[i]
                    );
                }
                let _ = writeln!(out, "ttis_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}", h.count);
                let _ = writeln!(out, "ttis_http_request_duration_seconds_sum{{{labels}}} {}", h.sum);
                let _ = writeln!(out, "ttis_http_request_duration_seconds_count{{{labels}}} {}", h.count);
            }
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

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
    state.metrics.render_requests(&mut out);
    let _ = writeln!(out, "# HELP ttis_outbox_messages Notifications in the outbox by status.");
    let _ = writeln!(out, "# TYPE ttis_outbox_messages gauge");
    for status in ["pending", "sending", "sent", "failed"] {
        let n = outbox::Entity::find().filter(outbox::Column::Status.eq(status)).count(db).await?;
        let _ = writeln!(out, "ttis_outbox_messages{{status=\"{status}\"}} {n}");
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
        let _ = writeln!(out, "ttis_tickets{{state=\"{}\"}} {n}", s.as_str());
    }
    let overdue = ticket::Entity::find()
        .filter(ticket::Column::DueAt.lt(crate::services::now()))
        .filter(ticket::Column::State.is_not_in([
            ReportState::NeedsInfo.as_str(),
            ReportState::Rejected.as_str(),
            ReportState::Completed.as_str(),
        ]))
        .count(db)
        .await?;
    let _ = writeln!(out, "# HELP ttis_tickets_overdue Open tickets past their step's time standard.");
    let _ = writeln!(out, "# TYPE ttis_tickets_overdue gauge");
    let _ = writeln!(out, "ttis_tickets_overdue {overdue}");
    Ok(HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(out))
}
