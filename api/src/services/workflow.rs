//! The one function that moves a ticket: [`apply`] asks the shared state machine, moves the SLA
//! clock, and writes the timeline entry, the step records, the audit row and the webhook events in
//! the caller's transaction. Everything that changes a ticket's state goes through here.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use ttis_shared::dto::delivery::WebhookEvent;
use ttis_shared::dto::reports::Label;
use ttis_shared::dto::timeline::TimelineEvent;
use ttis_shared::procedure::{self, Action, Actor as ProcActor, TransitionError};
use ttis_shared::sla::{self, Entered, SlaPolicy, StepClock};
use ttis_shared::{Lang, ReportState};

use super::audit::{self, Actor};
use super::auth::AuthUser;
use super::clock::Clock;
use super::codes::TicketCode;
use super::timeline;
use crate::entities::ticket_event::EventKind;
use crate::entities::{ticket, ticket_event};
use crate::error::ApiError;

pub fn state_of(t: &ticket::Model) -> ReportState {
    t.state
}

pub fn label(state: ReportState) -> Label {
    Label { id: state.label(Lang::Id).into(), en: state.label(Lang::En).into() }
}

/// The clock from the ticket's own columns (kept by [`apply`]), for the queue.
pub fn clock_of(t: &ticket::Model, now: DateTime<Utc>, policy: &SlaPolicy) -> Option<StepClock> {
    let state = state_of(t);
    let steps = ttis_shared::procedure::active_steps_for(state, t.channel);
    if steps.is_empty() {
        return None;
    }
    let paused = state.sla_paused();
    let due_at = if paused { None } else { t.due_at };
    Some(StepClock {
        steps: steps.iter().map(|s| s.number()).collect(),
        started_at: t.step_started_at.unwrap_or(t.state_entered_at),
        time_standard: sla::total_standard_for(state, policy, t.channel),
        paused_seconds: t.paused_seconds,
        due_at,
        paused,
        overdue: due_at.is_some_and(|d| now > d),
    })
}

pub async fn find_by_code<C: ConnectionTrait>(conn: &C, code: &TicketCode) -> Result<ticket::Model, ApiError> {
    ticket::Entity::find().filter(ticket::Column::Code.eq(code.as_str())).one(conn).await?.ok_or(ApiError::NotFound)
}

pub async fn history<C: ConnectionTrait>(conn: &C, ticket_id: i64) -> Result<Vec<Entered>, ApiError> {
    let events = ticket_event::Entity::find()
        .filter(ticket_event::Column::TicketId.eq(ticket_id))
        .filter(ticket_event::Column::Kind.eq(EventKind::StateChange))
        .order_by_asc(ticket_event::Column::At)
        .order_by_asc(ticket_event::Column::Id)
        .all(conn)
        .await?;
    Ok(events.into_iter().filter_map(|e| Some(Entered { state: e.to_state?, at: e.at })).collect())
}

pub fn refusal(err: TransitionError, actor: &ProcActor, from: ReportState) -> ApiError {
    let allowed = procedure::allowed_actions(from, actor).iter().map(|a| a.as_str().to_string()).collect();
    match err {
        TransitionError::InvalidFromState { .. } => ApiError::InvalidTransition { allowed },
        TransitionError::NotPermitted { .. } => ApiError::ActionForbidden { allowed },
    }
}

/// Who acts, for the state machine.
pub fn proc_actor(user: &AuthUser) -> ProcActor {
    ProcActor::Staff(user.roles.clone())
}

/// Moves a ticket through the procedure: the one place a state changes. `body` is text a person
/// wrote for the timeline (a question, a reason in words).
pub async fn apply(
    txn: &DatabaseTransaction,
    clock: &Clock,
    t: ticket::Model,
    action: Action,
    actor: &ProcActor,
    who: &Actor,
    body: Option<String>,
) -> Result<ticket::Model, ApiError> {
    apply_with(txn, clock, t, action, actor, who, body, None).await
}

/// [`apply`], recording a typed event on the timeline entry (a rejection's reason, the delivery).
#[allow(clippy::too_many_arguments)]
pub async fn apply_with(
    txn: &DatabaseTransaction,
    clock: &Clock,
    t: ticket::Model,
    action: Action,
    actor: &ProcActor,
    who: &Actor,
    body: Option<String>,
    event: Option<TimelineEvent>,
) -> Result<ticket::Model, ApiError> {
    let from = state_of(&t);
    let to = procedure::transition(from, action, actor).map_err(|e| refusal(e, actor, from))?;
    let at = clock.now();
    let mut states = history(txn, t.id).await?;
    states.push(Entered { state: to, at });
    let policy = super::sla::current(txn).await?;
    let clock = sla::clock_for(&states, at, &policy, t.channel);
    let ticket_id = t.id;
    let code = t.code.clone();
    // Only from the state the decision was taken in: of two people acting on the same ticket at
    // once (two heads approving), the second finds it moved on and is refused, rather than
    // approving it twice. On PostgreSQL the second waits for the first's row lock, then re-reads.
    let moved = ticket::Entity::update_many()
        .col_expr(ticket::Column::State, Expr::value(to))
        .col_expr(ticket::Column::StateEnteredAt, Expr::value(at))
        .col_expr(ticket::Column::UpdatedAt, Expr::value(at))
        .col_expr(ticket::Column::StepStartedAt, Expr::value(clock.as_ref().map(|c| c.started_at)))
        .col_expr(ticket::Column::PausedSeconds, Expr::value(clock.as_ref().map(|c| c.paused_seconds).unwrap_or(0)))
        .col_expr(ticket::Column::DueAt, Expr::value(clock.as_ref().and_then(|c| c.due_at)))
        .filter(ticket::Column::Id.eq(ticket_id))
        .filter(ticket::Column::State.eq(from))
        .exec(txn)
        .await?;
    if moved.rows_affected != 1 {
        return Err(ApiError::WrongState);
    }
    let updated = ticket::Entity::find_by_id(ticket_id).one(txn).await?.ok_or(ApiError::NotFound)?;
    record_steps(txn, &updated, &states, at, &policy).await?;
    let row = ticket_event::ActiveModel {
        ticket_id: Set(ticket_id),
        at: Set(at),
        kind: Set(EventKind::StateChange),
        from_state: Set(Some(from)),
        to_state: Set(Some(to)),
        actor_user_id: Set(who.user_id),
        actor_label: Set(who.label.clone()),
        body: Set(body),
        public: Set(true),
        ..Default::default()
    };
    timeline::with_event(row, event.as_ref()).insert(txn).await?;
    audit::record(
        txn,
        who,
        &format!("ticket.{}", action.as_str()),
        Some(format!("ticket:{code}")),
        json!({"from": from.as_str(), "to": to.as_str()}),
    )
    .await?;
    let change = json!({"action": action.as_str(), "from": from.as_str(), "to": to.as_str()});
    super::webhooks::emit(txn, WebhookEvent::TicketStateChanged, &updated, change.clone()).await?;
    if to == ReportState::Completed {
        super::webhooks::emit(txn, WebhookEvent::TicketCompleted, &updated, change).await?;
    }
    Ok(updated)
}

/// Keeps each finished step's time against its standard (`ticket_steps`, for the statistics).
async fn record_steps(
    txn: &DatabaseTransaction,
    t: &ticket::Model,
    history: &[Entered],
    at: DateTime<Utc>,
    policy: &SlaPolicy,
) -> Result<(), ApiError> {
    use crate::entities::ticket_step;
    let ticket_id = t.id;
    for row in sla::step_times_for(history, at, policy, t.channel) {
        let (Some(started), Some(ended)) = (row.started_at, row.ended_at) else { continue };
        ticket_step::Entity::delete_many()
            .filter(ticket_step::Column::TicketId.eq(ticket_id))
            .filter(ticket_step::Column::Step.eq(i32::from(row.step)))
            .exec(txn)
            .await?;
        ticket_step::ActiveModel {
            ticket_id: Set(ticket_id),
            step: Set(i32::from(row.step)),
            started_at: Set(started),
            ended_at: Set(ended),
            seconds: Set(row.elapsed_seconds),
            within: Set(match row.status {
                sla::SlaStatus::None => None,
                sla::SlaStatus::Red => Some(false),
                sla::SlaStatus::Green | sla::SlaStatus::Amber => Some(true),
            }),
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}
