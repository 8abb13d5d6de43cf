//! Reports per channel, and the closed tickets' time from report (or, for the platform's own
//! monitoring, detection) to the delivered letter, per month and channel: median and p90. Only
//! the closed tickets' two times and channel are read.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, Value};
use ttis_shared::ReportState;
use ttis_shared::dto::stats::{EndToEnd, KeyCount};

use super::rank;
use crate::error::ApiError;

pub(super) async fn compute(
    db: &DatabaseConnection,
    month: &str,
    filter: &str,
    values: Vec<Value>,
) -> Result<(Vec<KeyCount>, Vec<EndToEnd>), ApiError> {
    let backend = db.get_database_backend();
    let sql = format!(
        "SELECT {month} AS m, CAST(t.channel AS TEXT) AS ch, t.state AS s, t.submitted_at AS a, t.state_entered_at AS b \
         FROM tickets t WHERE {filter}"
    );
    let mut by_channel: BTreeMap<String, u64> = BTreeMap::new();
    let mut times: BTreeMap<(String, String), Vec<i64>> = BTreeMap::new();
    for r in db.query_all(Statement::from_sql_and_values(backend, sql, values)).await? {
        let channel = r.try_get::<String>("", "ch").unwrap_or_default();
        *by_channel.entry(channel.clone()).or_default() += 1;
        if r.try_get::<String>("", "s").ok().as_deref() != Some(ReportState::Completed.as_str()) {
            continue;
        }
        let at = |c: &str| r.try_get::<DateTime<Utc>>("", c).ok();
        if let (Some(a), Some(b)) = (at("a"), at("b")) {
            let month = r.try_get::<String>("", "m").unwrap_or_default();
            times.entry((month, channel)).or_default().push((b - a).num_seconds().max(0));
        }
    }
    let mut by_channel: Vec<KeyCount> =
        by_channel.into_iter().map(|(key, count)| KeyCount { key, label: None, count }).collect();
    by_channel.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
    let end_to_end = times
        .into_iter()
        .map(|((month, channel), mut v)| {
            v.sort_unstable();
            EndToEnd {
                month,
                channel,
                count: v.len() as u64,
                median_seconds: rank(&v, 0.5),
                p90_seconds: rank(&v, 0.9),
            }
        })
        .collect();
    Ok((by_channel, end_to_end))
}
