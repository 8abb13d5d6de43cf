//! The SLA policy in the database: the working calendar, each step's time standard and the
//! holidays. Loaded where a clock is computed (a few small rows), so every API process uses the
//! policy admins last saved.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use ttis_shared::dto::reports::Label;
use ttis_shared::dto::sla::{Holiday, SlaPolicyInput, SlaPolicyView, StepStandard};
use ttis_shared::procedure::TimeStandard;
use ttis_shared::sla::{self, Entered, SlaPolicy};
use ttis_shared::validation::Violation;
use ttis_shared::{Lang, ReportState, SopStep};

use super::audit::{self, Actor};
use super::clock::Clock;
use super::now;
use crate::entities::ticket_event::EventKind;
use crate::entities::{holiday, sla_settings, sla_standard, ticket, ticket_event};
use crate::error::{ApiError, FieldIssue};

/// Indonesia's 2026 national holidays and *cuti bersama* (SKB 3 Menteri), seeded on first start.
const HOLIDAYS_2026: &str = include_str!("../../seed/holidays-id-2026.csv");

pub fn seeded_holidays() -> Vec<(NaiveDate, String)> {
    HOLIDAYS_2026
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.splitn(3, ',');
            let date = NaiveDate::parse_from_str(cols.next()?.trim(), "%Y-%m-%d").ok()?;
            let _kind = cols.next()?;
            Some((date, cols.next().unwrap_or_default().trim().to_string()))
        })
        .collect()
}

fn encode(standard: Option<TimeStandard>) -> (Option<String>, Option<i32>) {
    match standard {
        Some(TimeStandard::Minutes(m)) => (Some("minutes".into()), i32::try_from(m).ok()),
        Some(TimeStandard::WorkingDays(d)) => (Some("working_days".into()), i32::try_from(d).ok()),
        None => (None, None),
    }
}

fn decode(row: &sla_standard::Model) -> Option<TimeStandard> {
    decode_parts(row.unit.as_deref(), row.value)
}

/// A stored standard from its columns (`unit`, `value`); `None` when the step has none.
pub fn decode_parts(unit: Option<&str>, value: Option<i32>) -> Option<TimeStandard> {
    let value = u32::try_from(value?).ok()?;
    match unit {
        Some("minutes") => Some(TimeStandard::Minutes(value)),
        Some("working_days") => Some(TimeStandard::WorkingDays(value)),
        _ => None,
    }
}

/// Writes the SOP's defaults and this year's holidays when the database has no policy yet.
pub async fn seed(db: &DatabaseConnection, clock: &Clock) -> Result<(), ApiError> {
    let zone = clock.zone();
    if let Some(row) = sla_settings::Entity::find_by_id(1).one(db).await? {
        // The calendar follows the deployment's zone: a changed `TTIS_TIME_ZONE` moves it, and
        // the open tickets' clocks with it.
        if row.utc_offset_minutes != zone.offset_minutes {
            let txn = db.begin().await?;
            let mut active: sla_settings::ActiveModel = row.into();
            active.utc_offset_minutes = Set(zone.offset_minutes);
            active.stamp = Set(new_stamp());
            active.update(&txn).await?;
            reclock_open_tickets(&txn, clock.now()).await?;
            txn.commit().await?;
        }
        return Ok(());
    }
    let txn = db.begin().await?;
    let defaults = SlaPolicy::default();
    sla_settings::ActiveModel {
        id: Set(1),
        utc_offset_minutes: Set(zone.offset_minutes),
        working_days: Set(defaults.calendar.working_days.iter().map(|d| if *d { '1' } else { '0' }).collect()),
        day_start_minutes: Set(0),
        day_end_minutes: Set(24 * 60),
        updated_at: Set(clock.now()),
        stamp: Set(new_stamp()),
    }
    .insert(&txn)
    .await?;
    for step in SopStep::ALL {
        let (unit, value) = encode(defaults.standard(step));
        sla_standard::ActiveModel { step: Set(i32::from(step.number())), unit: Set(unit), value: Set(value) }
            .insert(&txn)
            .await?;
    }
    for (date, name) in seeded_holidays() {
        holiday::ActiveModel { date: Set(date), name: Set(name) }.insert(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The policy in force.
/// The policy as the hot paths read it: the copy this process keeps, after one small query that
/// checks its stamp against the database's (a change anywhere, on any replica, replaces the stamp
/// in the same transaction). A stale or missing copy is loaded again with [`load`].
pub async fn current<C: ConnectionTrait>(conn: &C) -> Result<SlaPolicy, ApiError> {
    let stamp: Option<i64> = sla_settings::Entity::find_by_id(1)
        .select_only()
        .column(sla_settings::Column::Stamp)
        .into_tuple()
        .one(conn)
        .await?;
    current_at(conn, stamp).await
}

/// [`current`] for a caller that read the stamp in one of its own statements (the queue reads it
/// with its tab counts, [`STAMP_SQL`]).
pub async fn current_at<C: ConnectionTrait>(conn: &C, stamp: Option<i64>) -> Result<SlaPolicy, ApiError> {
    static COPY: std::sync::Mutex<Option<(i64, SlaPolicy)>> = std::sync::Mutex::new(None);
    if let Some(stamp) = stamp
        && let Ok(copy) = COPY.lock()
        && let Some((kept, policy)) = copy.as_ref()
        && *kept == stamp
    {
        return Ok(policy.clone());
    }
    let policy = load(conn).await?;
    if let Some(stamp) = stamp
        && let Ok(mut copy) = COPY.lock()
    {
        *copy = Some((stamp, policy.clone()));
    }
    Ok(policy)
}

/// The policy's stamp as a query a caller may add to its own (one row: `stamp`).
pub const STAMP_SQL: &str = "SELECT stamp FROM sla_settings WHERE id = 1";

/// A new stamp for the policy (random, so that two databases never share one).
fn new_stamp() -> i64 {
    rand::random::<i64>() & i64::MAX
}

/// Marks the policy as changed (in the changing transaction).
async fn restamp<C: ConnectionTrait>(conn: &C) -> Result<(), ApiError> {
    sla_settings::Entity::update_many()
        .col_expr(sla_settings::Column::Stamp, sea_orm::sea_query::Expr::value(new_stamp()))
        .filter(sla_settings::Column::Id.eq(1))
        .exec(conn)
        .await?;
    Ok(())
}

/// The policy read from its tables (three statements); the hot paths use [`current`].
pub async fn load<C: ConnectionTrait>(conn: &C) -> Result<SlaPolicy, ApiError> {
    let mut policy = SlaPolicy::default();
    if let Some(s) = sla_settings::Entity::find_by_id(1).one(conn).await? {
        policy.calendar.utc_offset_minutes = s.utc_offset_minutes;
        for (i, c) in s.working_days.chars().take(7).enumerate() {
            policy.calendar.working_days[i] = c == '1';
        }
        policy.calendar.day_start_minutes = u32::try_from(s.day_start_minutes).unwrap_or(0);
        policy.calendar.day_end_minutes = u32::try_from(s.day_end_minutes).unwrap_or(24 * 60);
    }
    for row in sla_standard::Entity::find().all(conn).await? {
        if let Some(slot) = usize::try_from(row.step - 1).ok().and_then(|i| policy.standards.get_mut(i)) {
            *slot = decode(&row);
        }
    }
    policy.calendar.holidays = holiday::Entity::find().all(conn).await?.into_iter().map(|h| h.date).collect();
    Ok(policy)
}

pub async fn view<C: ConnectionTrait>(conn: &C) -> Result<SlaPolicyView, ApiError> {
    let policy = load(conn).await?;
    let updated_at = sla_settings::Entity::find_by_id(1).one(conn).await?.map(|s| s.updated_at).unwrap_or_else(now);
    Ok(SlaPolicyView {
        utc_offset_minutes: policy.calendar.utc_offset_minutes,
        working_days: policy.calendar.working_days,
        day_start_minutes: policy.calendar.day_start_minutes,
        day_end_minutes: policy.calendar.day_end_minutes,
        standards: SopStep::ALL
            .into_iter()
            .map(|step| StepStandard {
                step: step.number(),
                label: Label { id: step.label(Lang::Id).into(), en: step.label(Lang::En).into() },
                time_standard: policy.standard(step),
                sop_standard: step.default_time_standard(),
            })
            .collect(),
        updated_at,
    })
}

/// Replaces the policy (admin) and moves the clocks of open tickets to it.
pub async fn update(
    db: &DatabaseConnection,
    who: &Actor,
    input: &SlaPolicyInput,
    clock: &Clock,
) -> Result<SlaPolicyView, ApiError> {
    let mut issues = Vec::new();
    if input.utc_offset_minutes != clock.zone().offset_minutes {
        issues.push(FieldIssue { field: "utc_offset_minutes".into(), violation: Violation::SetByServer });
    }
    for (i, s) in input.standards.iter().enumerate() {
        let field = format!("standards[{i}]");
        if !(1..=9).contains(&s.step) || input.standards.iter().filter(|o| o.step == s.step).count() > 1 {
            issues.push(FieldIssue { field: format!("{field}.step"), violation: Violation::NotAnOption });
        }
        let ok = match s.time_standard {
            Some(TimeStandard::Minutes(m)) => (1..=60 * 24 * 30).contains(&m),
            Some(TimeStandard::WorkingDays(d)) => (1..=60).contains(&d),
            None => true,
        };
        if !ok {
            issues.push(FieldIssue { field: format!("{field}.time_standard"), violation: Violation::NotAnOption });
        }
    }
    if input.day_end_minutes > 24 * 60 || input.day_start_minutes >= input.day_end_minutes {
        issues.push(FieldIssue { field: "day_end_minutes".into(), violation: Violation::NotAnOption });
    }
    if !input.working_days.iter().any(|d| *d) {
        issues.push(FieldIssue { field: "working_days".into(), violation: Violation::Required });
    }
    if !issues.is_empty() {
        return Err(ApiError::Validation(issues));
    }
    let txn = db.begin().await?;
    let mut settings: sla_settings::ActiveModel =
        sla_settings::Entity::find_by_id(1).one(&txn).await?.ok_or(ApiError::NotFound)?.into();
    settings.utc_offset_minutes = Set(input.utc_offset_minutes);
    settings.working_days = Set(input.working_days.iter().map(|d| if *d { '1' } else { '0' }).collect());
    settings.day_start_minutes = Set(i32::try_from(input.day_start_minutes).unwrap_or(0));
    settings.day_end_minutes = Set(i32::try_from(input.day_end_minutes).unwrap_or(24 * 60));
    settings.updated_at = Set(clock.now());
    settings.stamp = Set(new_stamp());
    settings.update(&txn).await?;
    for s in &input.standards {
        let (unit, value) = encode(s.time_standard);
        sla_standard::Entity::delete_by_id(i32::from(s.step)).exec(&txn).await?;
        sla_standard::ActiveModel { step: Set(i32::from(s.step)), unit: Set(unit), value: Set(value) }
            .insert(&txn)
            .await?;
    }
    let moved = reclock_open_tickets(&txn, clock.now()).await?;
    audit::record(
        &txn,
        who,
        "sla_policy.update",
        Some("sla_policy".into()),
        json!({"utc_offset_minutes": input.utc_offset_minutes, "day_start_minutes": input.day_start_minutes,
            "day_end_minutes": input.day_end_minutes, "standards": input.standards.len(), "tickets": moved}),
    )
    .await?;
    txn.commit().await?;
    view(db).await
}

/// Recomputes the stored clock (`due_at`, used by the queue's overdue filter) of every open ticket.
async fn reclock_open_tickets<C: ConnectionTrait>(conn: &C, at: DateTime<Utc>) -> Result<usize, ApiError> {
    let policy = load(conn).await?;
    let open = ticket::Entity::find()
        .filter(ticket::Column::State.is_not_in([ReportState::Rejected, ReportState::Completed]))
        .all(conn)
        .await?;
    let count = open.len();
    for t in open {
        let history: Vec<Entered> = ticket_event::Entity::find()
            .filter(ticket_event::Column::TicketId.eq(t.id))
            .filter(ticket_event::Column::Kind.eq(EventKind::StateChange))
            .order_by_asc(ticket_event::Column::At)
            .order_by_asc(ticket_event::Column::Id)
            .all(conn)
            .await?
            .into_iter()
            .filter_map(|e| e.to_state.map(|state| Entered { state, at: e.at }))
            .collect();
        let clock = sla::clock_for(&history, at, &policy, t.channel);
        let mut active: ticket::ActiveModel = t.into();
        active.step_started_at = Set(clock.as_ref().map(|c| c.started_at));
        active.paused_seconds = Set(clock.as_ref().map(|c| c.paused_seconds).unwrap_or(0));
        active.due_at = Set(clock.as_ref().and_then(|c| c.due_at));
        active.update(conn).await?;
    }
    Ok(count)
}

pub async fn holidays(db: &DatabaseConnection) -> Result<Vec<Holiday>, ApiError> {
    Ok(holiday::Entity::find()
        .order_by_asc(holiday::Column::Date)
        .all(db)
        .await?
        .into_iter()
        .map(|h| Holiday { date: h.date, name: h.name })
        .collect())
}

/// Adds (or renames) a holiday and moves open tickets' clocks.
pub async fn put_holiday(db: &DatabaseConnection, clock: &Clock, who: &Actor, h: &Holiday) -> Result<(), ApiError> {
    let txn = db.begin().await?;
    holiday::Entity::delete_by_id(h.date).exec(&txn).await?;
    holiday::ActiveModel { date: Set(h.date), name: Set(h.name.trim().to_string()) }.insert(&txn).await?;
    restamp(&txn).await?;
    reclock_open_tickets(&txn, clock.now()).await?;
    audit::record(&txn, who, "holiday.put", Some(format!("holiday:{}", h.date)), json!({"name": h.name})).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn delete_holiday(
    db: &DatabaseConnection,
    clock: &Clock,
    who: &Actor,
    date: NaiveDate,
) -> Result<(), ApiError> {
    let txn = db.begin().await?;
    let res = holiday::Entity::delete_by_id(date).exec(&txn).await?;
    if res.rows_affected == 0 {
        return Err(ApiError::NotFound);
    }
    restamp(&txn).await?;
    reclock_open_tickets(&txn, clock.now()).await?;
    audit::record(&txn, who, "holiday.delete", Some(format!("holiday:{date}")), json!({})).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_2026_holidays_are_seeded() {
        let days = super::seeded_holidays();
        assert_eq!(days.len(), 25, "17 holidays and 8 days of cuti bersama");
        assert!(days.iter().any(|(d, n)| d.to_string() == "2026-08-17" && n.contains("Kemerdekaan")));
    }
}
