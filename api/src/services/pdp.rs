//! Personal-data incidents (UU PDP No. 27/2022): the team's decision at verification, which
//! starts the controller's 72-hour clock (`ttis_shared::pdp`, the rule), and the PSE's word on
//! when it notified the data subjects and the supervising authority, which stops it.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, EntityTrait, QuerySelect, Set};
use serde_json::json;
use ttis_shared::dto::timeline::TimelineEvent;
use ttis_shared::validation;

use crate::entities::ticket_event::EventKind;
use crate::entities::{ticket, ticket_event};
use crate::error::{ApiError, FieldIssue};
use crate::services::audit::{self, Actor};

/// Verification decides: `confirmed` (the team's answer, the reporter's by default) makes the
/// ticket a PDP incident whose 72 hours start `now`. Audited with both answers.
pub async fn decide(
    txn: &DatabaseTransaction,
    t: ticket::Model,
    confirmed: Option<bool>,
    now: DateTime<Utc>,
    who: &Actor,
) -> Result<ticket::Model, ApiError> {
    let reported = t.personal_data_involved;
    let confirmed = confirmed.unwrap_or(reported);
    let due = confirmed.then(|| ttis_shared::pdp::due_at(now));
    let code = t.code.clone();
    let mut active: ticket::ActiveModel = t.into();
    active.pdp_incident = Set(confirmed);
    active.pdp_due_at = Set(due);
    let t = active.update(txn).await?;
    if confirmed || reported {
        audit::record(
            txn,
            who,
            "ticket.pdp_decided",
            Some(format!("ticket:{code}")),
            json!({"reported": reported, "confirmed": confirmed, "due_at": due}),
        )
        .await?;
    }
    Ok(t)
}

/// The notification dates a PSE gives, checked: none in the future, none before the incident
/// was found.
fn checked(
    t: &ticket::Model,
    subjects: Option<DateTime<Utc>>,
    authority: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let mut issues = Vec::new();
    for (field, value) in [("subjects_notified_at", subjects), ("authority_notified_at", authority)] {
        let Some(at) = value else { continue };
        if let Err(violation) = validation::not_in_future(&at, now) {
            issues.push(FieldIssue { field: field.into(), violation });
        } else if t.discovered_at.checked_sub_signed(chrono::Duration::days(1)).is_some_and(|earliest| at < earliest) {
            issues.push(FieldIssue { field: field.into(), violation: validation::Violation::BeforeIncident });
        }
    }
    if issues.is_empty() { Ok(()) } else { Err(ApiError::Validation(issues)) }
}

/// The dates a PSE gave the team by phone or letter (`POST /tickets/{code}/pdp-notices`);
/// `409` when the ticket is no PDP incident or both dates are on record already.
pub async fn record_by_staff(
    state: &crate::state::AppState,
    who: &Actor,
    code: &str,
    notices: &ttis_shared::pdp::PdpNotices,
) -> Result<(), ApiError> {
    use sea_orm::TransactionTrait;
    let txn = state.db.begin().await?;
    let t = crate::services::workflow::find_by_code(&txn, &crate::services::codes::TicketCode::parse(code)).await?;
    let recorded =
        record_notices(&txn, t, notices.subjects_notified_at, notices.authority_notified_at, state.clock.now(), who)
            .await?;
    if !recorded {
        return Err(ApiError::WrongState);
    }
    txn.commit().await?;
    Ok(())
}

/// Records the dates the PSE gives for a PDP incident (with its acknowledgement, or later with
/// the same link). A date on record is not changed; `Ok(false)` when nothing new was given.
pub async fn record_notices(
    txn: &DatabaseTransaction,
    t: ticket::Model,
    subjects: Option<DateTime<Utc>>,
    authority: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    who: &Actor,
) -> Result<bool, ApiError> {
    if !t.pdp_incident || (subjects.is_none() && authority.is_none()) {
        return Ok(false);
    }
    checked(&t, subjects, authority, now)?;
    // The row locked and read again: two answers at once (one per date) both land.
    let t = ticket::Entity::find_by_id(t.id).lock_exclusive().one(txn).await?.ok_or(ApiError::NotFound)?;
    let subjects_new = t.pdp_subjects_notified_at.is_none().then_some(subjects).flatten();
    let authority_new = t.pdp_authority_notified_at.is_none().then_some(authority).flatten();
    if subjects_new.is_none() && authority_new.is_none() {
        return Ok(false);
    }
    let subjects = t.pdp_subjects_notified_at.or(subjects_new);
    let authority = t.pdp_authority_notified_at.or(authority_new);
    let complete = subjects.is_some() && authority.is_some();
    let (id, code) = (t.id, t.code.clone());
    let mut active: ticket::ActiveModel = t.into();
    active.pdp_subjects_notified_at = Set(subjects);
    active.pdp_authority_notified_at = Set(authority);
    if complete {
        active.pdp_confirmed_at = Set(Some(now));
    }
    active.update(txn).await?;
    let row = ticket_event::ActiveModel {
        ticket_id: Set(id),
        at: Set(now),
        kind: Set(EventKind::Acknowledgement),
        actor_label: Set(who.label.clone()),
        body: Set(None),
        public: Set(false),
        ..Default::default()
    };
    super::timeline::with_event(row, Some(&TimelineEvent::PdpNotified { complete })).insert(txn).await?;
    audit::record(
        txn,
        who,
        "ticket.pdp_notified",
        Some(format!("ticket:{code}")),
        json!({"subjects_notified_at": subjects, "authority_notified_at": authority, "complete": complete}),
    )
    .await?;
    Ok(true)
}
