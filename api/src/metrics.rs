//! Prometheus metrics at `/metrics`: request counts and latencies by route (kept in memory by the
//! request middleware, per process, labelled with `instance`, so the counters of several replicas
//! add up with `sum without (instance)`), and, read from the database on each scrape, the outbox's
//! depth and failures, tickets per state, and overdue tickets. Those gauges describe the shared
//! database: every replica exports the same values, marked `scope="database"` and without an
//! instance, to be read with `max without (instance)`, never summed. Reachable only with
//! `TTIS_METRICS_TOKEN` as a bearer token or from `TTIS_METRICS_NETWORKS`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;

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

    pub fn render_requests(&self, instance: &str, out: &mut String) {
        let instance = escape(instance);
        let _ = writeln!(out, "# HELP ttis_http_requests_total HTTP requests by route and status.");
        let _ = writeln!(out, "# TYPE ttis_http_requests_total counter");
        if let Ok(r) = self.requests.lock() {
            for ((method, route, status), n) in r.iter() {
                let _ = writeln!(
                    out,
                    "ttis_http_requests_total{{instance=\"{instance}\",method=\"{method}\",route=\"{}\",status=\"{status}\"}} {n}",
                    escape(route)
                );
            }
        }
        let _ = writeln!(out, "# HELP ttis_http_request_duration_seconds HTTP request latency by route.");
        let _ = writeln!(out, "# TYPE ttis_http_request_duration_seconds histogram");
        if let Ok(l) = self.latency.lock() {
            for ((method, route), h) in l.iter() {
                let labels = format!("instance=\"{instance}\",method=\"{method}\",route=\"{}\"", escape(route));
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

pub fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}
