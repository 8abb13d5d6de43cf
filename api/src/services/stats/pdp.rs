//! The period's personal-data incidents (UU PDP): how many per month, how many confirmed, how
//! many overdue, and how long the PSEs took from verification to confirming both notifications.
//! Only the PDP incidents' few timestamps are read, never the period's other tickets.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, Value};
use ttis_shared::dto::stats::{KeyCount, PdpStats};
use ttis_shared::pdp::PdpStatus;

use super::rank;
use crate::error::ApiError;

pub(super) async fn compute(
    db: &DatabaseConnection,
    month: &str,
    filter: &str,
    values: Vec<Value>,
    now: DateTime<Utc>,
) -> Result<PdpStats, ApiError> {
    let sql = format!(
        "SELECT {month} AS m, t.pdp_due_at AS due, t.pdp_subjects_notified_at AS s, \
         t.pdp_authority_notified_at AS a, t.pdp_confirmed_at AS c \
         FROM tickets t WHERE t.pdp_incident = TRUE AND t.pdp_due_at IS NOT NULL AND {filter}"
    );
    let mut per_month: BTreeMap<String, u64> = BTreeMap::new();
    let mut stats = PdpStats::default();
    let mut times: Vec<i64> = Vec::new();
    let mut in_time = 0u64;
    let statement = Statement::from_sql_and_values(db.get_database_backend(), sql, values);
    for r in db.query_all(statement).await? {
        let at = |c: &str| r.try_get::<Option<DateTime<Utc>>>("", c).ok().flatten();
        let Some(due) = at("due") else { continue };
        let status = PdpStatus::at(due, at("s"), at("a"), at("c"), now);
        stats.total += 1;
        *per_month.entry(r.try_get::<String>("", "m").unwrap_or_default()).or_default() += 1;
        if status.overdue {
            stats.overdue += 1;
        }
        if let Some(confirmed) = status.confirmed_at {
            stats.confirmed += 1;
            times.push((confirmed - status.started_at).num_seconds().max(0));
            if status.notified_in_time == Some(true) {
                in_time += 1;
            }
        }
    }
    times.sort_unstable();
    stats.median_confirmation_seconds = rank(&times, 0.5);
    stats.p90_confirmation_seconds = rank(&times, 0.9);
    stats.notified_in_time = (stats.confirmed > 0).then(|| in_time as f64 / stats.confirmed as f64);
    stats.per_month = per_month.into_iter().map(|(key, count)| KeyCount { key, label: None, count }).collect();
    Ok(stats)
}
