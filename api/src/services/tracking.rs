//! What the reporter sees with a ticket code and access key: the status, the steps with their time
//! standards, the public timeline and the documents they may download.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;
use ttis_shared::dto::delivery::{HallOfFameChange, HallOfFameDisplay, StepProgress};
use ttis_shared::dto::documents::DocumentKind;
use ttis_shared::dto::documents::DocumentStatus;
use ttis_shared::dto::reports::{ApprovedDocument, Label, ReportStatus, StatusRequest, StepInfo};
use ttis_shared::validation::Violation;
use ttis_shared::{Lang, ReportState, SopStep};

use super::audit::{self, Actor};
use super::codes::{AccessKey, TicketCode, key_hash};
use super::crypto::constant_time_eq;
use super::documents::reporter_may_have;
use crate::entities::ticket_event::EventKind;
use crate::entities::{document, ticket, ticket_event};
use crate::error::{ApiError, FieldIssue};
use crate::state::AppState;

/// A signed document of the reporter's own ticket, with its code and key.
pub async fn reporter_document(
    state: &AppState,
    code: &str,
    key: &str,
    kind: DocumentKind,
) -> Result<(document::Model, std::path::PathBuf), ApiError> {
    let t = check_key(&state.db, &TicketCode::parse(code), &AccessKey::parse(key)).await?;
    if !reporter_may_have(kind, t.tlp) {
        return Err(ApiError::NotFound);
    }
    let doc = document::Entity::find()
        .filter(document::Column::TicketId.eq(t.id))
        .filter(document::Column::Kind.eq(kind.as_str()))
        .filter(document::Column::Status.eq(DocumentStatus::Final))
        .filter(document::Column::RevokedAt.is_null())
        .order_by_desc(document::Column::CreatedAt)
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let path = state.evidence.path_of(&doc.storage_key)?;
    Ok((doc, path))
}

/// What the reporter may download now.
pub async fn reporter_downloads<C: ConnectionTrait>(
    conn: &C,
    t: &ticket::Model,
) -> Result<Vec<DocumentKind>, ApiError> {
    let docs = super::documents::approved(conn, t.id).await?;
    let mut kinds = Vec::new();
    for kind in [DocumentKind::Certificate, DocumentKind::NotificationLetter] {
        if reporter_may_have(kind, t.tlp) && docs.iter().any(|d| d.kind == kind && d.revoked_at.is_none()) {
            kinds.push(kind);
        }
    }
    Ok(kinds)
}

/// The nine steps with the time each was done, from the ticket's state changes.
pub fn steps(t: &ticket::Model, entered: &[(ReportState, DateTime<Utc>)]) -> Vec<StepProgress> {
    let first = |s: ReportState| entered.iter().find(|(x, _)| *x == s).map(|(_, at)| *at);
    let last = |s: ReportState| entered.iter().rev().find(|(x, _)| *x == s).map(|(_, at)| *at);
    let verified = first(ReportState::Drafted).or_else(|| first(ReportState::Rejected));
    SopStep::ALL
        .into_iter()
        .map(|step| {
            let done_at = match step {
                SopStep::OpenSite | SopStep::FillForm | SopStep::SubmitReport => Some(t.submitted_at),
                SopStep::Verify => verified,
                SopStep::Draft => first(ReportState::Drafted),
                SopStep::Submit => last(ReportState::AwaitingApproval),
                SopStep::Approve | SopStep::HallOfFame => last(ReportState::Approved),
                SopStep::Send => last(ReportState::Completed),
            };
            StepProgress {
                number: step.number(),
                label: Label { id: step.label(Lang::Id).into(), en: step.label(Lang::En).into() },
                done_at,
            }
        })
        .collect()
}

fn state_label(state: ReportState) -> Label {
    Label { id: state.label(Lang::Id).into(), en: state.label(Lang::En).into() }
}

/// The ticket named by a code and its access key. A wrong key and an unknown code get the same
/// `404`, after the same work.
pub async fn check_key(db: &DatabaseConnection, code: &TicketCode, key: &AccessKey) -> Result<ticket::Model, ApiError> {
    let presented = key.hash();
    let found = ticket::Entity::find().filter(ticket::Column::Code.eq(code.as_str())).one(db).await?;
    let stored = found.as_ref().map(|t| t.access_key_hash.clone()).unwrap_or_else(|| key_hash("no-such-ticket"));
    match found {
        Some(t) if constant_time_eq(&presented, &stored) => Ok(t),
        _ => Err(ApiError::NotFound),
    }
}

/// A ticket's public status, for its code and key.
pub async fn status(db: &DatabaseConnection, req: &StatusRequest) -> Result<ReportStatus, ApiError> {
    let t = check_key(db, &TicketCode::parse(&req.ticket_code), &AccessKey::parse(&req.access_key)).await?;
    let events = ticket_event::Entity::find()
        .filter(ticket_event::Column::TicketId.eq(t.id))
        .filter(ticket_event::Column::Public.eq(true))
        .order_by_asc(ticket_event::Column::At)
        .order_by_asc(ticket_event::Column::Id)
        .all(db)
        .await?;
    let state = t.state;
    let entered: Vec<(ReportState, chrono::DateTime<chrono::Utc>)> = events
        .iter()
        .filter(|e| e.kind == EventKind::StateChange)
        .filter_map(|e| e.to_state.map(|s| (s, e.at)))
        .collect();
    // The time standard the team works to: the deployment's policy, not the SOP's default.
    let current_step = match state.active_steps().first() {
        Some(step) => Some(StepInfo {
            number: step.number(),
            label: Label { id: step.label(Lang::Id).into(), en: step.label(Lang::En).into() },
            time_standard: super::sla::load(db).await?.standard(*step),
        }),
        None => None,
    };
    let timeline = events.into_iter().map(|e| super::timeline::public_entry(e, state_label)).collect();
    let steps = steps(&t, &entered);
    let downloads = reporter_downloads(db, &t).await?;
    let hall_of_fame = t.hall_of_fame;
    Ok(ReportStatus {
        ticket_code: t.code,
        title: t.title,
        state,
        state_label: state_label(state),
        current_step,
        submitted_at: t.submitted_at,
        state_entered_at: t.state_entered_at,
        timeline,
        steps,
        downloads,
        hall_of_fame,
        approved_documents: super::documents::approved(db, t.id)
            .await?
            .into_iter()
            .map(|d| ApprovedDocument {
                kind: d.kind,
                label: d.kind.label(),
                approved_at: d.signed_at.unwrap_or(d.created_at),
            })
            .collect(),
    })
}

/// The reporter changes how the ticket appears on the Hall of Fame, at once.
pub async fn change_display(state: &AppState, req: &HallOfFameChange) -> Result<HallOfFameDisplay, ApiError> {
    let t = check_key(&state.db, &TicketCode::parse(&req.ticket_code), &AccessKey::parse(&req.access_key)).await?;
    let alias = req.alias.as_ref().map(|a| a.trim().to_string()).filter(|a| !a.is_empty());
    if req.choice == HallOfFameDisplay::Alias && alias.is_none() {
        return Err(ApiError::Validation(vec![FieldIssue {
            field: "alias".into(),
            violation: Violation::AliasRequired,
        }]));
    }
    let value = req.choice;
    let txn = state.db.begin().await?;
    let code = t.code.clone();
    let mut active: ticket::ActiveModel = t.into();
    active.hall_of_fame = Set(value);
    if req.choice == HallOfFameDisplay::Alias {
        active.hall_of_fame_alias = Set(alias);
    }
    active.updated_at = Set(state.clock.now());
    active.update(&txn).await?;
    let who = Actor { user_id: None, label: "reporter".into(), ip: None };
    audit::record(&txn, &who, "hall_of_fame.change", Some(format!("ticket:{code}")), json!({"choice": value.as_str()}))
        .await?;
    txn.commit().await?;
    Ok(req.choice)
}
