//! What the reporter sees with a ticket code and access key: the status, the steps with their time
//! standards, the public timeline and the documents they may download.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, FromQueryResult,
    QueryFilter, QueryOrder, Set, Statement, TransactionTrait,
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
) -> Result<(document::Model, crate::services::storage::StoredObject), ApiError> {
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
    let object = state.evidence.open(&doc.storage_key).await?;
    Ok((doc, object))
}

/// The steps of the ticket's procedure (the nine, or eight without the Hall of Fame for the
/// platform's own monitoring) with the time each was done, from the ticket's state changes.
pub fn steps(t: &ticket::Model, entered: &[(ReportState, DateTime<Utc>)]) -> Vec<StepProgress> {
    let first = |s: ReportState| entered.iter().find(|(x, _)| *x == s).map(|(_, at)| *at);
    let last = |s: ReportState| entered.iter().rev().find(|(x, _)| *x == s).map(|(_, at)| *at);
    let verified = first(ReportState::Drafted).or_else(|| first(ReportState::Rejected));
    SopStep::ALL
        .into_iter()
        .filter(|step| ttis_shared::procedure::step_applies(*step, t.channel))
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

/// A ticket's public status, for its code and key, in two statements: the ticket (its key is
/// checked before anything else is read), then [`StatusRow`]s holding its public timeline, its
/// approved documents and the time standard of its current step.
pub async fn status(db: &DatabaseConnection, req: &StatusRequest) -> Result<ReportStatus, ApiError> {
    let t = check_key(db, &TicketCode::parse(&req.ticket_code), &AccessKey::parse(&req.access_key)).await?;
    let state = t.state;
    let step = ttis_shared::procedure::active_steps_for(state, t.channel).first().copied();
    let rows = StatusRow::find_by_statement(status_rows(db.get_database_backend(), t.id, step)).all(db).await?;
    let mut events = Vec::new();
    let mut documents: Vec<(DocumentKind, DateTime<Utc>, bool)> = Vec::new();
    // `Some(None)`: the policy says this step has no standard; `None`: no row, the SOP's default.
    let mut standard = None;
    for row in rows {
        match row.src.as_str() {
            "e" => events.push(row.event(t.id)),
            "d" => {
                if let (Some(kind), Some(at)) = (row.doc_kind, row.signed_at.or(row.at)) {
                    documents.push((kind, at, row.revoked_at.is_none()));
                }
            }
            _ => standard = Some(super::sla::decode_parts(row.unit.as_deref(), row.value)),
        }
    }
    let entered: Vec<(ReportState, DateTime<Utc>)> = events
        .iter()
        .filter(|e| e.kind == EventKind::StateChange)
        .filter_map(|e| e.to_state.map(|s| (s, e.at)))
        .collect();
    // The time standard the team works to: the deployment's policy, not the SOP's default.
    let current_step = step.map(|step| StepInfo {
        number: step.number(),
        label: Label { id: step.label(Lang::Id).into(), en: step.label(Lang::En).into() },
        time_standard: standard.unwrap_or_else(|| step.default_time_standard()),
    });
    let timeline = events.into_iter().map(|e| super::timeline::public_entry(e, state_label)).collect();
    let steps = steps(&t, &entered);
    let downloads = [DocumentKind::Certificate, DocumentKind::NotificationLetter]
        .into_iter()
        .filter(|kind| reporter_may_have(*kind, t.tlp) && documents.iter().any(|(k, _, live)| k == kind && *live))
        .collect();
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
        hall_of_fame: t.hall_of_fame,
        approved_documents: documents
            .into_iter()
            .map(|(kind, approved_at, _)| ApprovedDocument { kind, label: kind.label(), approved_at })
            .collect(),
    })
}

/// One row of a status lookup's second statement: a public event (`src` `e`), an approved
/// document (`d`) or the current step's time standard (`s`), as one `UNION ALL`.
#[derive(Debug, FromQueryResult)]
struct StatusRow {
    src: String,
    id: Option<i64>,
    at: Option<DateTime<Utc>>,
    ev_kind: Option<EventKind>,
    from_state: Option<ReportState>,
    to_state: Option<ReportState>,
    actor_user_id: Option<i64>,
    actor_label: Option<String>,
    body: Option<String>,
    event: Option<String>,
    event_params: Option<String>,
    doc_kind: Option<DocumentKind>,
    signed_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
    unit: Option<String>,
    value: Option<i32>,
}

impl StatusRow {
    fn event(self, ticket_id: i64) -> ticket_event::Model {
        ticket_event::Model {
            id: self.id.unwrap_or_default(),
            ticket_id,
            at: self.at.unwrap_or_default(),
            kind: self.ev_kind.unwrap_or(EventKind::Message),
            from_state: self.from_state,
            to_state: self.to_state,
            actor_user_id: self.actor_user_id,
            actor_label: self.actor_label.unwrap_or_default(),
            body: self.body,
            event: self.event,
            event_params: self.event_params,
            public: true,
        }
    }
}

/// The second statement (the first branch types the columns: PostgreSQL resolves a `UNION`'s
/// columns branch by branch): public events oldest first, then the approved documents newest first
/// (the letter and certificate, not the internal analysis report), then the step's standard.
fn status_rows(backend: DbBackend, ticket_id: i64, step: Option<SopStep>) -> Statement {
    let p = |n: usize| if backend == DbBackend::Postgres { format!("${n}") } else { "?".to_string() };
    let step_number = step.map_or(0, |s| i32::from(s.number()));
    let sql = format!(
        "SELECT * FROM (\
         SELECT 'e' AS src, 0 AS part, id, at, kind AS ev_kind, from_state, to_state, actor_user_id, actor_label, \
                body, event, event_params, CAST(NULL AS TEXT) AS doc_kind, \
                CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS signed_at, \
                CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS revoked_at, CAST(NULL AS TEXT) AS unit, \
                CAST(NULL AS INTEGER) AS value \
           FROM ticket_events WHERE ticket_id = {} AND public = {} \
         UNION ALL \
         SELECT 'd', 1, NULL, created_at, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, kind, signed_at, \
                revoked_at, NULL, NULL \
           FROM documents WHERE ticket_id = {} AND status = 'final' AND kind <> 'analysis_report' \
         UNION ALL \
         SELECT 's', 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, unit, value \
           FROM sla_standards WHERE step = {}\
         ) AS r ORDER BY part, \
         CASE WHEN part = 0 THEN at END ASC, CASE WHEN part = 0 THEN id END ASC, CASE WHEN part = 1 THEN at END DESC",
        p(1),
        p(2),
        p(3),
        p(4)
    );
    Statement::from_sql_and_values(backend, sql, [ticket_id.into(), true.into(), ticket_id.into(), step_number.into()])
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
