//! Claiming and assigning a ticket, with a disposition.

use sea_orm::{ActiveModelTrait, EntityTrait, Set, TransactionTrait};
use serde_json::json;
use ttis_shared::Role;
use ttis_shared::dto::tickets::{AssignmentRequest, Priority, TicketDetail};
use ttis_shared::dto::timeline::TimelineEvent;
use ttis_shared::validation::Violation;

use super::*;
use crate::entities::ticket_event::EventKind;
use crate::entities::{disposition, ticket, ticket_event, user};
use crate::error::{ApiError, FieldIssue};
use crate::services::audit::{self};
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::codes::TicketCode;
use crate::services::outbox::{self, NewEmail};
use crate::services::timeline;
use crate::services::workflow::{find_by_code, state_of};
use crate::state::AppState;

/// Claims a ticket (no assignee given) or assigns it with a disposition.
pub async fn assign(
    state: &AppState,
    user: &AuthUser,
    client: &ClientInfo,
    code: &str,
    req: &AssignmentRequest,
) -> Result<TicketDetail, ApiError> {
    let db = &state.db;
    let t = find_by_code(db, &TicketCode::parse(code)).await?;
    if state_of(&t).is_terminal() {
        return Err(ApiError::WrongState);
    }
    let to_id = match req.assignee_id {
        None if user.roles.contains(&Role::Analyst) => user.id,
        None => return Err(required("assignee_id")),
        Some(id) => id,
    };
    let assignee = user::Entity::find_by_id(to_id).one(db).await?;
    let is_analyst = crate::services::users::roles_of(db, to_id).await?.contains(&Role::Analyst);
    let assignee = match assignee {
        Some(u) if !u.disabled && is_analyst => u,
        _ => {
            return Err(ApiError::Validation(vec![FieldIssue {
                field: "assignee_id".into(),
                violation: Violation::NotAnOption,
            }]));
        }
    };
    let txn = db.begin().await?;
    let at = state.clock.now();
    disposition::ActiveModel {
        ticket_id: Set(t.id),
        from_user_id: Set(user.id),
        to_user_id: Set(assignee.id),
        instruction: Set(req.instruction.clone()),
        priority: Set(req.priority.map(|p| match p {
            Priority::Biasa => "biasa".to_string(),
            Priority::Segera => "segera".to_string(),
            Priority::SangatSegera => "sangat_segera".to_string(),
        })),
        due_date: Set(req.due_date),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let event = if assignee.id == user.id && req.assignee_id.is_none() {
        TimelineEvent::Claimed
    } else {
        TimelineEvent::Assigned { assignee: assignee.name.clone(), priority: req.priority, due_date: req.due_date }
    };
    let instruction = req.instruction.as_ref().map(|i| i.trim().to_string()).filter(|i| !i.is_empty());
    let row = ticket_event::ActiveModel {
        ticket_id: Set(t.id),
        at: Set(at),
        kind: Set(EventKind::Assignment),
        from_state: Set(None),
        to_state: Set(None),
        actor_user_id: Set(Some(user.id)),
        actor_label: Set(user.name.clone()),
        body: Set(instruction.clone()),
        public: Set(false),
        ..Default::default()
    };
    timeline::with_event(row, Some(&event)).insert(&txn).await?;
    let code = t.code.clone();
    let ticket_id = t.id;
    let mut active: ticket::ActiveModel = t.into();
    active.assignee_id = Set(Some(assignee.id));
    active.updated_at = Set(at);
    active.update(&txn).await?;
    if assignee.id != user.id {
        let mail = crate::notify::templates::assigned(
            &state.settings.public_url,
            &code,
            &user.name,
            instruction.as_deref(),
            req.priority,
            req.due_date,
        );
        outbox::enqueue(&txn, NewEmail::about(ticket_id, vec![assignee.email.clone()], mail)).await?;
    }
    audit::record(
        &txn,
        &staff_actor(user, client),
        "ticket.assign",
        Some(format!("ticket:{code}")),
        json!({"assignee": assignee.id}),
    )
    .await?;
    txn.commit().await?;
    state.outbox_wake.notify_one();
    detail(db, &code, user, &state.clock).await
}
