//! Statistics, computed in the database with aggregate queries (never by loading every ticket):
//! reports per month and by category, severity, reporter type, outcome and PSE; each SOP step's
//! median and 90th-percentile time and the share within its standard; open tickets by age.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use sea_orm::EntityTrait;
use sea_orm::sea_query::{Alias, Expr, Func, Order, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement, Value};
use ttis_shared::dto::reports::Label;
use ttis_shared::dto::stats::{KeyCount, MonthCount, Stats, StatsQuery, StepStat};
use ttis_shared::dto::tickets::Severity;
use ttis_shared::validation::Violation;
use ttis_shared::{Lang, ReportState, SopStep};

use super::clock::Clock;
use crate::entities::{category, pse, ticket, ticket_step};
use crate::error::ApiError;
use crate::error::FieldIssue;

/// The longest period answered, in years.
pub const MAX_YEARS: u32 = 10;

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

/// The filter on `tickets` shared by every query.
fn filtered(mut q: SelectStatement, f: &StatsQuery, start: DateTime<Utc>, end: DateTime<Utc>) -> SelectStatement {
    q.and_where(Expr::col((ticket::Entity, ticket::Column::SubmittedAt)).gte(start))
        .and_where(Expr::col((ticket::Entity, ticket::Column::SubmittedAt)).lt(end));
    if let Some(c) = &f.category {
        q.and_where(Expr::col((ticket::Entity, ticket::Column::CategoryCode)).eq(c.clone()));
    }
    if let Some(p) = f.pse {
        q.and_where(Expr::col((ticket::Entity, ticket::Column::PseId)).eq(p));
    }
    q
}

async fn rows<C: ConnectionTrait>(conn: &C, stmt: &SelectStatement) -> Result<Vec<sea_orm::QueryResult>, ApiError> {
    let backend = conn.get_database_backend();
    Ok(conn.query_all(backend.build(stmt)).await?)
}

/// `SELECT <column>, COUNT(*) FROM tickets WHERE <filter> GROUP BY <column>`.
async fn grouped<C: ConnectionTrait>(
    conn: &C,
    column: ticket::Column,
    f: &StatsQuery,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<Vec<(Option<String>, u64)>, ApiError> {
    let mut q = Query::select();
    q.expr_as(Expr::col((ticket::Entity, column)).cast_as(Alias::new("TEXT")), Alias::new("k"))
        .expr_as(Expr::col((ticket::Entity, ticket::Column::Id)).count(), Alias::new("n"))
        .from(ticket::Entity)
        .group_by_col((ticket::Entity, column));
    let q = filtered(q, f, start, end);
    Ok(rows(conn, &q)
        .await?
        .iter()
        .map(|r| {
            (r.try_get::<Option<String>>("", "k").ok().flatten(), r.try_get::<i64>("", "n").unwrap_or(0).max(0) as u64)
        })
        .collect())
}

fn sorted(mut v: Vec<KeyCount>) -> Vec<KeyCount> {
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
    v
}

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
    let category_count = |(k, n): (Option<String>, u64)| KeyCount {
        label: k.as_ref().and_then(|k| categories.get(k).cloned()),
        key: k.unwrap_or_default(),
        count: n,
    };

    // Per month and category: the month of the local submission time.
    let month = match backend {
        DatabaseBackend::Postgres => {
            format!("to_char((t.submitted_at AT TIME ZONE 'UTC') + interval '{offset_minutes} minutes', 'YYYY-MM')")
        }
        _ => format!("strftime('%Y-%m', t.submitted_at, '{offset_minutes:+} minutes')"),
    };
    let (p1, p2) = match backend {
        DatabaseBackend::Postgres => ("$1", "$2"),
        _ => ("?1", "?2"),
    };
    let mut sql = format!(
        "SELECT {month} AS m, t.category_code AS c, COUNT(*) AS n FROM tickets t \
         WHERE t.submitted_at >= {p1} AND t.submitted_at < {p2}"
    );
    let mut values: Vec<Value> = vec![start.into(), end.into()];
    if let Some(c) = &f.category {
        values.push(c.clone().into());
        sql.push_str(&format!(" AND t.category_code = {}", placeholder(backend, values.len())));
    }
    if let Some(p) = f.pse {
        values.push(p.into());
        sql.push_str(&format!(" AND t.pse_id = {}", placeholder(backend, values.len())));
    }
    sql.push_str(" GROUP BY m, c ORDER BY m, c");
    let mut months: BTreeMap<String, MonthCount> = BTreeMap::new();
    for r in db.query_all(Statement::from_sql_and_values(backend, sql, values)).await? {
        let m: String = r.try_get("", "m").unwrap_or_default();
        let c: String = r.try_get("", "c").unwrap_or_default();
        let n = r.try_get::<i64>("", "n").unwrap_or(0).max(0) as u64;
        let entry =
            months.entry(m.clone()).or_insert_with(|| MonthCount { month: m, total: 0, by_category: Vec::new() });
        entry.total += n;
        entry.by_category.push(category_count((Some(c), n)));
    }
    // Every month of the period, also the empty ones.
    let mut per_month = Vec::new();
    let mut cursor = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
    while cursor <= to {
        let key = format!("{:04}-{:02}", cursor.year(), cursor.month());
        per_month.push(months.remove(&key).unwrap_or(MonthCount { month: key, total: 0, by_category: Vec::new() }));
        cursor = cursor.checked_add_months(chrono::Months::new(1)).unwrap_or(to + Duration::days(1));
    }

    let by_category = sorted(
        grouped(db, ticket::Column::CategoryCode, f, start, end).await?.into_iter().map(category_count).collect(),
    );
    let total = by_category.iter().map(|c| c.count).sum();
    let plain =
        |(k, n): (Option<String>, u64)| KeyCount { key: k.unwrap_or_else(|| "none".into()), label: None, count: n };
    let by_severity = sorted(
        grouped(db, ticket::Column::Severity, f, start, end)
            .await?
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
    let by_reporter_type =
        sorted(grouped(db, ticket::Column::ReporterType, f, start, end).await?.into_iter().map(plain).collect());

    // Outcomes: valid (verified and on), each rejection reason, still open.
    let mut outcomes: BTreeMap<String, u64> = BTreeMap::new();
    let mut q = Query::select();
    q.expr_as(Expr::col((ticket::Entity, ticket::Column::State)), Alias::new("s"))
        .expr_as(Expr::col((ticket::Entity, ticket::Column::RejectReason)), Alias::new("r"))
        .expr_as(Expr::col((ticket::Entity, ticket::Column::Id)).count(), Alias::new("n"))
        .from(ticket::Entity)
        .group_by_col((ticket::Entity, ticket::Column::State))
        .group_by_col((ticket::Entity, ticket::Column::RejectReason));
    for r in rows(db, &filtered(q, f, start, end)).await? {
        // A row with a state this build does not know is an error, not a new report.
        let state = r.try_get::<ReportState>("", "s")?;
        let n = r.try_get::<i64>("", "n").unwrap_or(0).max(0) as u64;
        let key = match state {
            ReportState::Drafted | ReportState::AwaitingApproval | ReportState::Approved | ReportState::Completed => {
                "valid".to_string()
            }
            ReportState::Rejected => {
                format!(
                    "rejected:{}",
                    r.try_get::<Option<String>>("", "r").ok().flatten().unwrap_or_else(|| "not_valid".into())
                )
            }
            _ => "open".to_string(),
        };
        *outcomes.entry(key).or_default() += n;
    }
    let outcomes = sorted(
        outcomes.into_iter().map(|(key, count)| KeyCount { label: Some(outcome_label(&key)), key, count }).collect(),
    );

    // Per step: count, within-standard share, median and p90 (by offset into the sorted times).
    let mut steps = Vec::new();
    for step in SopStep::ALL.into_iter().skip(3) {
        let base = |q: &mut SelectStatement| {
            q.from(ticket_step::Entity)
                .inner_join(
                    ticket::Entity,
                    Expr::col((ticket::Entity, ticket::Column::Id))
                        .equals((ticket_step::Entity, ticket_step::Column::TicketId)),
                )
                .and_where(Expr::col((ticket_step::Entity, ticket_step::Column::Step)).eq(i32::from(step.number())));
        };
        let mut q = Query::select();
        base(&mut q);
        q.expr_as(Expr::col((ticket_step::Entity, ticket_step::Column::TicketId)).count(), Alias::new("n"))
            .expr_as(
                Func::sum(
                    Expr::case(Expr::col((ticket_step::Entity, ticket_step::Column::Within)).eq(true), 1).finally(0),
                ),
                Alias::new("w"),
            )
            .expr_as(Expr::col((ticket_step::Entity, ticket_step::Column::Within)).count(), Alias::new("judged"));
        let head = rows(db, &filtered(q, f, start, end)).await?;
        let n = head.first().and_then(|r| r.try_get::<i64>("", "n").ok()).unwrap_or(0).max(0) as u64;
        let within = head.first().and_then(|r| r.try_get::<Option<i64>>("", "w").ok().flatten()).unwrap_or(0);
        let judged = head.first().and_then(|r| r.try_get::<i64>("", "judged").ok()).unwrap_or(0);
        let at_rank = |rank: u64| {
            let mut q = Query::select();
            base(&mut q);
            q.expr_as(Expr::col((ticket_step::Entity, ticket_step::Column::Seconds)), Alias::new("s"))
                .order_by((ticket_step::Entity, ticket_step::Column::Seconds), Order::Asc)
                .limit(1)
                .offset(rank);
            filtered(q, f, start, end)
        };
        let pick = |q: f64| ((n.saturating_sub(1)) as f64 * q).round() as u64;
        let (median, p90) = if n == 0 {
            (None, None)
        } else {
            let m = rows(db, &at_rank(pick(0.5))).await?.first().and_then(|r| r.try_get::<i64>("", "s").ok());
            let p = rows(db, &at_rank(pick(0.9))).await?.first().and_then(|r| r.try_get::<i64>("", "s").ok());
            (m, p)
        };
        steps.push(StepStat {
            step: step.number(),
            label: Label { id: step.label(Lang::Id).into(), en: step.label(Lang::En).into() },
            count: n,
            median_seconds: median,
            p90_seconds: p90,
            within_standard: (judged > 0).then(|| within as f64 / judged as f64),
        });
    }

    // Open tickets by age (now, whatever the period).
    let at = clock.now();
    let mut open_by_age = Vec::new();
    for (key, older, younger) in [
        ("lt_1d", None, Some(Duration::days(1))),
        ("1_3d", Some(Duration::days(1)), Some(Duration::days(3))),
        ("3_7d", Some(Duration::days(3)), Some(Duration::days(7))),
        ("7_30d", Some(Duration::days(7)), Some(Duration::days(30))),
        ("gt_30d", Some(Duration::days(30)), None),
    ] {
        let mut q = Query::select();
        q.expr_as(Expr::col(ticket::Column::Id).count(), Alias::new("n"))
            .from(ticket::Entity)
            .and_where(Expr::col(ticket::Column::State).is_not_in([ReportState::Rejected, ReportState::Completed]));
        if let Some(d) = older {
            q.and_where(Expr::col(ticket::Column::SubmittedAt).lte(at - d));
        }
        if let Some(d) = younger {
            q.and_where(Expr::col(ticket::Column::SubmittedAt).gt(at - d));
        }
        let n = rows(db, &q).await?.first().and_then(|r| r.try_get::<i64>("", "n").ok()).unwrap_or(0).max(0) as u64;
        open_by_age.push(KeyCount { key: key.into(), label: None, count: n });
    }

    // Top PSEs.
    let names: BTreeMap<String, String> =
        pse::Entity::find().all(db).await?.into_iter().map(|p| (p.id.to_string(), p.name)).collect();
    let mut top_pses: Vec<KeyCount> = grouped(db, ticket::Column::PseId, f, start, end)
        .await?
        .into_iter()
        .filter_map(|(k, n)| {
            let k = k?;
            let name = names.get(&k).cloned().unwrap_or_else(|| k.clone());
            Some(KeyCount { key: k, label: Some(Label { id: name.clone(), en: name }), count: n })
        })
        .collect();
    top_pses = sorted(top_pses);
    top_pses.truncate(10);

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

fn placeholder(backend: DatabaseBackend, n: usize) -> String {
    match backend {
        DatabaseBackend::Postgres => format!("${n}"),
        _ => format!("?{n}"),
    }
}
