//! The staff's side of monitoring: the list of monitored URLs with their last check and finding,
//! adding and removing a URL (administrators), "check now", "accept the current page as the new
//! baseline" and "mute this detector on this URL" (analysts and the head). Every change audited.

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use ttis_shared::dto::monitoring::{FindingKind, Monitor, MonitorFinding, MonitorList, Mute, MuteRequest, NewMonitor};
use ttis_shared::validation::Violation;

use crate::entities::{monitor, monitor_finding, monitor_mute, pse, ticket};
use crate::error::{ApiError, FieldIssue};
use crate::services::audit::{self, Actor};
use crate::state::AppState;

/// The shortest interval between two checks of one URL, in minutes.
pub const MIN_INTERVAL: u32 = 5;
pub const DEFAULT_INTERVAL: u32 = 30;

fn invalid(field: &str, violation: Violation) -> ApiError {
    ApiError::Validation(vec![FieldIssue { field: field.into(), violation }])
}

async fn view(db: &DatabaseConnection, rows: Vec<monitor::Model>) -> Result<Vec<Monitor>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|m| m.id).collect();
    let pses: HashMap<i64, String> = pse::Entity::find().all(db).await?.into_iter().map(|p| (p.id, p.name)).collect();
    // The last finding of each monitor: one row each, however many there were.
    let mut last: HashMap<i64, monitor_finding::Model> = HashMap::new();
    for id in &ids {
        if let Some(f) = monitor_finding::Entity::find()
            .filter(monitor_finding::Column::MonitorId.eq(*id))
            // A finding whose ticket is still being opened is not shown yet.
            .filter(monitor_finding::Column::TicketId.is_not_null())
            .order_by_desc(monitor_finding::Column::FoundAt)
            .order_by_desc(monitor_finding::Column::Id)
            .one(db)
            .await?
        {
            last.insert(*id, f);
        }
    }
    let ticket_ids: Vec<i64> = last.values().filter_map(|f| f.ticket_id).collect();
    let codes: HashMap<i64, String> = if ticket_ids.is_empty() {
        HashMap::new()
    } else {
        ticket::Entity::find()
            .filter(ticket::Column::Id.is_in(ticket_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|t| (t.id, t.code))
            .collect()
    };
    let mut mutes: HashMap<i64, Vec<Mute>> = HashMap::new();
    for m in monitor_mute::Entity::find().filter(monitor_mute::Column::MonitorId.is_in(ids)).all(db).await? {
        mutes.entry(m.monitor_id).or_default().push(Mute {
            kind: m.kind,
            reason: m.reason,
            muted_by: m.muted_by,
            muted_at: m.muted_at,
        });
    }
    Ok(rows
        .into_iter()
        .map(|m| Monitor {
            pse_name: pses.get(&m.pse_id).cloned().unwrap_or_default(),
            last_finding: last.remove(&m.id).map(|f| MonitorFinding {
                kind: f.kind,
                places: serde_json::from_str(&f.places).unwrap_or_default(),
                summary: f.summary,
                excerpt: f.excerpt,
                found_at: f.found_at,
                ticket_code: f.ticket_id.and_then(|id| codes.get(&id).cloned()),
            }),
            mutes: mutes.remove(&m.id).unwrap_or_default(),
            id: m.id,
            pse_id: m.pse_id,
            url: m.url,
            interval_minutes: u32::try_from(m.interval_minutes).unwrap_or(0),
            enabled: m.enabled,
            status: m.last_status,
            last_checked_at: m.last_checked_at,
            last_error: m.last_error,
            next_check_at: m.next_check_at,
            consecutive_failures: u32::try_from(m.consecutive_failures).unwrap_or(0),
            baseline_at: m.baseline_at,
            tls_expires_at: m.tls_expires_at,
        })
        .collect())
}

pub async fn list(db: &DatabaseConnection) -> Result<MonitorList, ApiError> {
    let rows = monitor::Entity::find().order_by_asc(monitor::Column::Id).all(db).await?;
    Ok(MonitorList { items: view(db, rows).await? })
}

async fn one(db: &DatabaseConnection, id: i64) -> Result<Monitor, ApiError> {
    let row = monitor::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    view(db, vec![row]).await?.pop().ok_or(ApiError::NotFound)
}

/// Adds a URL of a PSE to watch (`POST /monitors`, administrators); checked at once by the job.
pub async fn create(state: &AppState, who: &Actor, input: &NewMonitor) -> Result<Monitor, ApiError> {
    let url = crate::services::intel::observables::normalise(ttis_shared::dto::intel::ObservableKind::Url, &input.url)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .ok_or_else(|| invalid("url", Violation::InvalidObservable))?;
    let interval = input.interval_minutes.unwrap_or(DEFAULT_INTERVAL);
    if !(MIN_INTERVAL..=24 * 60).contains(&interval) {
        return Err(invalid("interval_minutes", Violation::NotAnOption));
    }
    // A finding ends in a letter to the PSE: without an address it could never be delivered.
    let pse = pse::Entity::find_by_id(input.pse_id).one(&state.db).await?;
    if !pse.is_some_and(|p| p.emails.split(',').any(|e| !e.trim().is_empty())) {
        return Err(invalid("pse_id", Violation::NotAnOption));
    }
    let now = state.clock.now();
    let txn = state.db.begin().await?;
    let row = monitor::ActiveModel {
        pse_id: Set(input.pse_id),
        url: Set(url.clone()),
        interval_minutes: Set(i32::try_from(interval).unwrap_or(30)),
        enabled: Set(true),
        next_check_at: Set(now),
        last_status: Set("pending".into()),
        consecutive_failures: Set(0),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        who,
        "monitor.create",
        Some(format!("monitor:{}", row.id)),
        json!({"url": url, "pse": input.pse_id, "interval_minutes": interval}),
    )
    .await?;
    txn.commit().await?;
    one(&state.db, row.id).await
}

/// Stops watching a URL (`DELETE /monitors/{id}`); its findings go, its tickets stay.
pub async fn delete(state: &AppState, who: &Actor, id: i64) -> Result<(), ApiError> {
    let txn = state.db.begin().await?;
    let row = monitor::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    monitor::Entity::delete_by_id(id).exec(&txn).await?;
    audit::record(&txn, who, "monitor.delete", Some(format!("monitor:{id}")), json!({"url": row.url})).await?;
    txn.commit().await?;
    Ok(())
}

/// "Check now" (`POST /monitors/{id}/checks`): claimed like the job's, so a check running
/// elsewhere is not doubled (`409`); answers the monitor after the check.
pub async fn check_now(state: &actix_web::web::Data<AppState>, who: &Actor, id: i64) -> Result<Monitor, ApiError> {
    monitor::Entity::find_by_id(id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    let claimed = super::run::claim(state, Some(id), 1).await?;
    let Some(m) = claimed.into_iter().next() else { return Err(ApiError::WrongState) };
    // In a task of its own: it finishes (and unlocks) even if the caller goes away.
    super::run::check_isolated(state.clone(), m).await?;
    let txn = state.db.begin().await?;
    audit::record(&txn, who, "monitor.check", Some(format!("monitor:{id}")), json!({})).await?;
    txn.commit().await?;
    one(&state.db, id).await
}

/// "Accept the current page as the new baseline" (`POST /monitors/{id}/baseline`).
pub async fn accept_baseline(state: &AppState, who: &Actor, id: i64) -> Result<Monitor, ApiError> {
    let m = monitor::Entity::find_by_id(id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    let http = &state.monitor_http;
    let page = super::fetch::fetch(&http.client, &http.guard, &m.url, state.settings.monitor.max_bytes)
        .await
        .map_err(|_| ApiError::WrongState)?;
    let text = super::detect::read(&page.html, &page.final_url).visible;
    let now = state.clock.now();
    let txn = state.db.begin().await?;
    let mut active: monitor::ActiveModel = m.into();
    active.baseline_text = Set(Some(text.clone()));
    active.baseline_at = Set(Some(now));
    active.update(&txn).await?;
    audit::record(
        &txn,
        who,
        "monitor.baseline",
        Some(format!("monitor:{id}")),
        json!({"words": text.split_whitespace().count()}),
    )
    .await?;
    txn.commit().await?;
    one(&state.db, id).await
}

/// "Mute this detector on this URL" with the reason (`PUT /monitors/{id}/mutes`); unmuting is
/// `DELETE /monitors/{id}/mutes/{kind}`.
pub async fn mute(state: &AppState, who: &Actor, id: i64, req: &MuteRequest) -> Result<Monitor, ApiError> {
    monitor::Entity::find_by_id(id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    let txn = state.db.begin().await?;
    monitor_mute::Entity::delete_many()
        .filter(monitor_mute::Column::MonitorId.eq(id))
        .filter(monitor_mute::Column::Kind.eq(req.kind))
        .exec(&txn)
        .await?;
    monitor_mute::ActiveModel {
        monitor_id: Set(id),
        kind: Set(req.kind),
        reason: Set(req.reason.trim().to_string()),
        muted_by: Set(who.label.clone()),
        muted_at: Set(state.clock.now()),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        who,
        "monitor.mute",
        Some(format!("monitor:{id}")),
        json!({"kind": req.kind.as_str(), "reason": req.reason.trim()}),
    )
    .await?;
    txn.commit().await?;
    one(&state.db, id).await
}

pub async fn unmute(state: &AppState, who: &Actor, id: i64, kind: FindingKind) -> Result<Monitor, ApiError> {
    let txn = state.db.begin().await?;
    let gone = monitor_mute::Entity::delete_many()
        .filter(monitor_mute::Column::MonitorId.eq(id))
        .filter(monitor_mute::Column::Kind.eq(kind))
        .exec(&txn)
        .await?;
    if gone.rows_affected == 0 {
        return Err(ApiError::NotFound);
    }
    audit::record(&txn, who, "monitor.unmute", Some(format!("monitor:{id}")), json!({"kind": kind.as_str()})).await?;
    txn.commit().await?;
    one(&state.db, id).await
}
