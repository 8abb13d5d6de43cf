//! Statistics, computed in the database with aggregate queries (never by loading every ticket):
//! reports per month and by category, severity, reporter type, outcome and PSE; each SOP step's
//! median and 90th-percentile time and the share within its standard; open tickets by age;
//! personal-data incidents and their confirmation times (`stats/pdp.rs`); reports per channel and
//! the end-to-end time per month and channel (`stats/channels.rs`).

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use sea_orm::EntityTrait;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement, Value};
use ttis_shared::dto::reports::Label;
use ttis_shared::dto::stats::{KeyCount, MonthCount, Stats, StatsQuery, StepStat};
use ttis_shared::dto::tickets::Severity;
use ttis_shared::validation::Violation;
use ttis_shared::{Lang, ReportState, SopStep};

mod channels;
mod pdp;

use super::clock::Clock;
use crate::db::placeholder;
use crate::entities::{category, pse};
use crate::error::ApiError;
use crate::error::FieldIssue;

/// The longest period answered, in years.
pub const MAX_YEARS: u32 = 10;

/// The value at rank round((n - 1) * q) of sorted `v`: the steps' median and p90 rule (there in
/// SQL), for the figures computed in Rust (PDP confirmations, end-to-end times).
fn rank(v: &[i64], q: f64) -> Option<i64> {
    let last = v.len().checked_sub(1)?;
    v.get(((last as f64) * q).round() as usize).copied()
}

#[cfg(test)]
mod rank_tests {
    use super::rank;

    #[test]
    fn ranks_as_the_steps_do() {
        assert_eq!(rank(&[], 0.5), None);
        assert_eq!(rank(&[7], 0.9), Some(7));
        assert_eq!(rank(&[1, 2, 3, 4, 5], 0.5), Some(3));
        assert_eq!(rank(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), Some(9));
    }
}

/// The period's bounds in UTC, from local dates (inclusive).
fn bounds(
    q: &StatsQuery,
    offset_minutes: i32,
    now: DateTime<Utc>,
) -> (NaiveDate, NaiveDate, DateTime<Utc>, DateTime<Utc>) {
    let offset = chrono::FixedOffset::east_opt(offset_minutes * 60).unwrap_or(Utc.fix());
    let today = now.with_timezone(&offset).date_naive();
    let from = q.from.unwrap_or_else(|| NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today));
    let to = q.to.unwrap_or(today);
    let start = offset.from_local_datetime(&from.and_hms_opt(0, 0, 0).unwrap_or_default()).single();
    let end = offset.from_local_datetime(&to.and_hms_opt(0, 0, 0).unwrap_or_default()).single();
    let start = start.map(|d| d.with_timezone(&Utc)).unwrap_or_default();
    let end = end.map(|d| d.with_timezone(&Utc) + Duration::days(1)).unwrap_or_default();
    (from, to, start, end)
}
use chrono::Offset;

/// The filter on `tickets t` shared by the queries over the period, with its values.
fn filter_sql(
    backend: DatabaseBackend,
    f: &StatsQuery,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> (String, Vec<Value>) {
    let mut values: Vec<Value> = vec![start.into(), end.into()];
    let mut sql =
        format!("t.submitted_at >= {} AND t.submitted_at < {}", placeholder(backend, 1), placeholder(backend, 2));
    if let Some(c) = &f.category {
        values.push(c.clone().into());
        sql.push_str(&format!(" AND t.category_code = {}", placeholder(backend, values.len())));
    }
    if let Some(p) = f.pse {
        values.push(p.into());
        sql.push_str(&format!(" AND t.pse_id = {}", placeholder(backend, values.len())));
    }
    (sql, values)
}

/// One step's figures over the period.
#[derive(Default)]
struct StepRow {
    n: u64,
    within: u64,
    judged: u64,
    median: Option<i64>,
    p90: Option<i64>,
}

fn sorted(mut v: Vec<KeyCount>) -> Vec<KeyCount> {
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
    v
}

fn count(r: &sea_orm::QueryResult, column: &str) -> u64 {
    r.try_get::<Option<i64>>("", column).ok().flatten().unwrap_or(0).max(0) as u64
}

fn text(r: &sea_orm::QueryResult, column: &str) -> Option<String> {
    r.try_get::<Option<String>>("", column).ok().flatten()
}

/// The statistics of a period in six statements, three of which read tickets: one pass over the
/// period's tickets grouped by every dimension at once (month, category, severity, reporter type,
/// state and reason, PSE), summed per dimension here; one pass over the finished steps that sorts
/// each step's times once (window functions) for its median and 90th percentile; and one count of
/// the open tickets by age.
pub async fn compute(db: &DatabaseConnection, clock: &Clock, f: &StatsQuery) -> Result<Stats, ApiError> {
    let policy = super::sla::current(db).await?;
    let offset_minutes = policy.calendar.utc_offset_minutes;
    let (from, to, start, end) = bounds(f, offset_minutes, clock.now());
    // Every month of the period is answered: the period is bounded.
    if to < from || to.years_since(from).is_none_or(|y| y >= MAX_YEARS) {
        return Err(ApiError::Validation(vec![FieldIssue {
            field: "to".into(),
            violation: Violation::PeriodTooLong { max_years: MAX_YEARS },
        }]));
    }
    let backend = db.get_database_backend();
    let categories: BTreeMap<String, Label> = category::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.code, Label { id: c.label_id, en: c.label_en }))
        .collect();
    let category_count = |k: String, n: u64| KeyCount { label: categories.get(&k).cloned(), key: k, count: n };
    let (filter, values) = filter_sql(backend, f, start, end);
    let pdp_values = values.clone();
    let channel_values = values.clone();

    // One pass over the period's tickets, grouped by every dimension; the month is that of the
    // local submission time.
    let month = match backend {
        DatabaseBackend::Postgres => {
            format!("to_char((t.submitted_at AT TIME ZONE 'UTC') + interval '{offset_minutes} minutes', 'YYYY-MM')")
        }
        _ => format!("strftime('%Y-%m', t.submitted_at, '{offset_minutes:+} minutes')"),
    };
    let sql = format!(
        "SELECT {month} AS m, t.category_code AS c, CAST(t.severity AS TEXT) AS sv, \
         CAST(t.reporter_type AS TEXT) AS rt, t.state AS s, t.reject_reason AS r, CAST(t.pse_id AS TEXT) AS p, \
         COUNT(*) AS n FROM tickets t WHERE {filter} GROUP BY 1, 2, 3, 4, 5, 6, 7"
    );
    let mut months: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    let mut by_category: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_severity: BTreeMap<Option<String>, u64> = BTreeMap::new();
    let mut by_reporter_type: BTreeMap<Option<String>, u64> = BTreeMap::new();
    let mut outcomes: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_pse: BTreeMap<String, u64> = BTreeMap::new();
    for r in db.query_all(Statement::from_sql_and_values(backend, sql, values.clone())).await? {
        let n = count(&r, "n");
        let c = text(&r, "c").unwrap_or_default();
        *months.entry(text(&r, "m").unwrap_or_default()).or_default().entry(c.clone()).or_default() += n;
        *by_category.entry(c).or_default() += n;
        *by_severity.entry(text(&r, "sv")).or_default() += n;
        *by_reporter_type.entry(text(&r, "rt")).or_default() += n;
        if let Some(p) = text(&r, "p") {
            *by_pse.entry(p).or_default() += n;
        }
        // Outcomes: valid (verified and on), each rejection reason, still open. A row with a
        // state this build does not know is an error, not a new report.
        let key = match r.try_get::<ReportState>("", "s")? {
            s if s.is_verified() => "valid".to_string(),
            ReportState::Rejected => format!("rejected:{}", text(&r, "r").unwrap_or_else(|| "not_valid".into())),
            _ => "open".to_string(),
        };
        *outcomes.entry(key).or_default() += n;
    }
    // Every month of the period, also the empty ones.
    let mut per_month = Vec::new();
    let mut cursor = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
    while cursor <= to {
        let key = format!("{:04}-{:02}", cursor.year(), cursor.month());
        let by_category: Vec<KeyCount> =
            months.remove(&key).unwrap_or_default().into_iter().map(|(c, n)| category_count(c, n)).collect();
        let total = by_category.iter().map(|c| c.count).sum();
        per_month.push(MonthCount { month: key, total, by_category });
        cursor = cursor.checked_add_months(chrono::Months::new(1)).unwrap_or(to + Duration::days(1));
    }
    let by_category = sorted(by_category.into_iter().map(|(c, n)| category_count(c, n)).collect());
    let total = by_category.iter().map(|c| c.count).sum();
    let by_severity = sorted(
        by_severity
            .into_iter()
            .map(|(k, n)| {
                let severity = k.as_deref().and_then(Severity::parse);
                let label = |lang| severity.map(|s| s.label(lang)).unwrap_or("-").to_string();
                KeyCount {
                    key: k.unwrap_or_else(|| "none".into()),
                    label: Some(Label { id: label(Lang::Id), en: label(Lang::En) }),
                    count: n,
                }
            })
            .collect(),
    );
    let by_reporter_type = sorted(
        by_reporter_type
            .into_iter()
            .map(|(k, n)| KeyCount { key: k.unwrap_or_else(|| "none".into()), label: None, count: n })
            .collect(),
    );
    let outcomes = sorted(
        outcomes.into_iter().map(|(key, count)| KeyCount { label: Some(outcome_label(&key)), key, count }).collect(),
    );

    // Per step: count, within-standard share, median and p90 (the time at rank round((n - 1) * q)
    // of the step's sorted times), each step's times sorted once.
    let first_step = SopStep::ALL.get(3).map(|s| i32::from(s.number())).unwrap_or(4);
    let sql = format!(
        "SELECT x.step AS step, COUNT(*) AS n, SUM(CASE WHEN x.within THEN 1 ELSE 0 END) AS w, \
         COUNT(x.within) AS judged, \
         MAX(CASE WHEN x.rn = ROUND((x.cnt - 1) * 0.5) THEN x.seconds END) AS median, \
         MAX(CASE WHEN x.rn = ROUND((x.cnt - 1) * 0.9) THEN x.seconds END) AS p90 \
         FROM (SELECT s.step, s.seconds, s.within, \
               ROW_NUMBER() OVER (PARTITION BY s.step ORDER BY s.seconds) - 1 AS rn, \
               COUNT(*) OVER (PARTITION BY s.step) AS cnt \
               FROM ticket_steps s JOIN tickets t ON t.id = s.ticket_id \
               WHERE s.step >= {first_step} AND {filter}) x \
         GROUP BY x.step"
    );
    let mut per_step: BTreeMap<i32, StepRow> = BTreeMap::new();
    for r in db.query_all(Statement::from_sql_and_values(backend, sql, values)).await? {
        let step = r.try_get::<i32>("", "step").or_else(|_| r.try_get::<i64>("", "step").map(|s| s as i32))?;
        let at = |c: &str| r.try_get::<Option<i64>>("", c).ok().flatten();
        per_step.insert(
            step,
            StepRow {
                n: count(&r, "n"),
                within: count(&r, "w"),
                judged: count(&r, "judged"),
                median: at("median"),
                p90: at("p90"),
            },
        );
    }
    let steps = SopStep::ALL
        .into_iter()
        .skip(3)
        .map(|step| {
            let StepRow { n, within, judged, median, p90 } =
                per_step.remove(&i32::from(step.number())).unwrap_or_default();
            StepStat {
                step: step.number(),
                label: Label { id: step.label(Lang::Id).into(), en: step.label(Lang::En).into() },
                count: n,
                median_seconds: median,
                p90_seconds: p90,
                within_standard: (judged > 0).then(|| within as f64 / judged as f64),
            }
        })
        .collect();

    // Open tickets by age (now, whatever the period), in one pass.
    let at = clock.now();
    let buckets = [("lt_1d", 1), ("1_3d", 3), ("3_7d", 7), ("7_30d", 30)];
    let mut values: Vec<Value> = Vec::new();
    let mut case = String::from("CASE");
    for (key, days) in buckets {
        values.push((at - Duration::days(days)).into());
        case.push_str(&format!(" WHEN t.submitted_at > {} THEN '{key}'", placeholder(backend, values.len())));
    }
    case.push_str(" ELSE 'gt_30d' END");
    let sql = format!(
        "SELECT {case} AS k, COUNT(*) AS n FROM tickets t WHERE t.state NOT IN ('{}', '{}') GROUP BY 1",
        ReportState::Rejected.as_str(),
        ReportState::Completed.as_str()
    );
    let mut ages: BTreeMap<String, u64> = BTreeMap::new();
    for r in db.query_all(Statement::from_sql_and_values(backend, sql, values)).await? {
        ages.insert(text(&r, "k").unwrap_or_default(), count(&r, "n"));
    }
    let open_by_age = buckets
        .iter()
        .map(|(k, _)| *k)
        .chain(["gt_30d"])
        .map(|key| KeyCount { key: key.into(), label: None, count: ages.get(key).copied().unwrap_or(0) })
        .collect();

    // Top PSEs, by name.
    let names: BTreeMap<String, String> = if by_pse.is_empty() {
        BTreeMap::new()
    } else {
        pse::Entity::find().all(db).await?.into_iter().map(|p| (p.id.to_string(), p.name)).collect()
    };
    let mut top_pses: Vec<KeyCount> = sorted(
        by_pse
            .into_iter()
            .map(|(k, n)| {
                let name = names.get(&k).cloned().unwrap_or_else(|| k.clone());
                KeyCount { key: k, label: Some(Label { id: name.clone(), en: name }), count: n }
            })
            .collect(),
    );
    top_pses.truncate(10);
    let pdp = pdp::compute(db, &month, &filter, pdp_values, clock.now()).await?;
    let (by_channel, end_to_end) = channels::compute(db, &month, &filter, channel_values).await?;
    let sop_total = ttis_shared::sla::whole_procedure(&policy);

    Ok(Stats {
        from,
        to,
        total,
        per_month,
        by_category,
        by_severity,
        by_reporter_type,
        outcomes,
        steps,
        open_by_age,
        top_pses,
        pdp,
        by_channel,
        end_to_end,
        sop_total,
    })
}

/// `valid`, `open`, `rejected:<reason>` in words.
fn outcome_label(key: &str) -> Label {
    let (id, en) = match key {
        "valid" => ("Sesuai (valid)", "Valid"),
        "open" => ("Masih diproses", "Still open"),
        "rejected:duplicate" => ("Tidak sesuai: duplikat", "Rejected: duplicate"),
        "rejected:out_of_scope" => ("Tidak sesuai: di luar cakupan", "Rejected: out of scope"),
        "rejected:insufficient_information" => ("Tidak sesuai: informasi kurang", "Rejected: insufficient information"),
        "rejected:spam" => ("Tidak sesuai: spam", "Rejected: spam"),
        _ => ("Tidak sesuai", "Rejected: not valid"),
    };
    Label { id: id.into(), en: en.into() }
}
