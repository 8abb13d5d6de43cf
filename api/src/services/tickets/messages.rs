//! Messages between the team and the reporter: requests for information, the reporter's answer,
//! messages and internal notes.

use sea_orm::{ActiveModelTrait, DatabaseTransaction, EntityTrait, Set, TransactionTrait};
use serde_json::json;
use ttis_shared::ReportState;
use ttis_shared::dto::tickets::{MessageRequest, TicketDetail};
use ttis_shared::dto::timeline::TimelineEvent;
use ttis_shared::procedure::{Action, Actor as ProcActor};

use super::*;
use crate::entities::ticket_event::EventKind;
use crate::entities::{ticket, ticket_event, user};
use crate::error::ApiError;
use crate::notify::templates::{self, Rendered};
use crate::services::audit::{self, Actor};
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::codes::{AccessKey, TicketCode};
use crate::services::outbox::{self, NewEmail};
use crate::services::storage::StagedFiles;
use crate::services::timeline;
use crate::services::workflow::{apply, find_by_code, state_of};
use crate::state::AppState;

/// Queues a message (see `notify::templates`) to the ticket's reporter; `key` names it for the outbox.
pub(super) async fn email_reporter(
    txn: &DatabaseTransaction,
    t: &ticket::Model,
    mail: Rendered,
    key: &str,
) -> Result<(), ApiError> {
    // The platform's own monitoring reported it: its address is the agency's own; nobody reads.
    if !ttis_shared::procedure::reporter_is_credited(t.channel) {
        return Ok(());
    }
    outbox::enqueue(
        txn,
        NewEmail {
            dedupe_key: Some(format!("{key}:{}:{}", t.code, uuid::Uuid::new_v4().simple())),
            ..NewEmail::about(t.id, vec![t.reporter_email.clone()], mail)
        },
    )
    .await?;
    Ok(())
}

/// The reporter answers a request for information, with the ticket's access key, and may add
/// evidence. The files are removed again if the answer is refused or does not commit.
pub async fn provide_info(
    state: &AppState,
    req: &ttis_shared::dto::tickets::ProvideInfoRequest,
    uploads: Vec<crate::uploads::Upload>,
    client: &ClientInfo,
) -> Result<(), ApiError> {
    let result = provide_info_inner(state, req, &uploads, client).await;
    if result.is_err() {
        crate::uploads::discard(&uploads).await;
    }
    result
}

async fn provide_info_inner(
    state: &AppState,
    req: &ttis_shared::dto::tickets::ProvideInfoRequest,
    uploads: &[crate::uploads::Upload],
    client: &ClientInfo,
) -> Result<(), ApiError> {
    let db = &state.db;
    let code = TicketCode::parse(&req.ticket_code);
    let t = crate::services::tracking::check_key(db, &code, &AccessKey::parse(&req.access_key)).await?;
    if state_of(&t) != ReportState::NeedsInfo {
        return Err(ApiError::WrongState);
    }
    let who = Actor { user_id: None, label: timeline::REPORTER.into(), ip: client.ip.clone() };
    let txn = db.begin().await?;
    let t = apply(&txn, &state.clock, t, Action::ProvideInfo, &ProcActor::Reporter, &who, None).await?;
    let at = state.clock.now();
    let mut staged = StagedFiles::new(state.evidence.clone());
    for upload in uploads {
        crate::services::evidence::attach(&txn, &mut staged, t.id, upload, "reporter", at).await?;
    }
    let row = ticket_event::ActiveModel {
        ticket_id: Set(t.id),
        at: Set(at),
        kind: Set(EventKind::Reply),
        from_state: Set(None),
        to_state: Set(None),
        actor_user_id: Set(None),
        actor_label: Set(timeline::REPORTER.into()),
        body: Set(Some(req.message.trim().to_string())),
        public: Set(true),
        ..Default::default()
    };
    let added = TimelineEvent::InfoProvided { files: u32::try_from(uploads.len()).unwrap_or(u32::MAX) };
    timeline::with_event(row, (!uploads.is_empty()).then_some(&added)).insert(&txn).await?;
    if let Some(assignee) = t.assignee_id
        && let Some(u) = user::Entity::find_by_id(assignee).one(&txn).await?
    {
        let mail = templates::reporter_answered(&state.settings.public_url, &t, req.message.trim(), uploads.len());
        outbox::enqueue(&txn, NewEmail::about(t.id, vec![u.email], mail)).await?;
    }
    staged.commit(txn).await?;
    state.outbox_wake.notify_one();
    Ok(())
}

/// A message to the reporter (emailed) or an internal note.
pub async fn post_message(
    state: &AppState,
    user: &AuthUser,
    client: &ClientInfo,
    code: &str,
    req: &MessageRequest,
) -> Result<TicketDetail, ApiError> {
    let db = &state.db;
    let t = find_by_code(db, &TicketCode::parse(code)).await?;
    let txn = db.begin().await?;
    ticket_event::ActiveModel {
        ticket_id: Set(t.id),
        at: Set(state.clock.now()),
        kind: Set(if req.public { EventKind::Message } else { EventKind::Note }),
        from_state: Set(None),
        to_state: Set(None),
        actor_user_id: Set(Some(user.id)),
        actor_label: Set(user.name.clone()),
        body: Set(Some(req.body.trim().to_string())),
        public: Set(req.public),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if req.public {
        let mail =
            templates::team_message(&state.settings.site.agency_name, &state.settings.public_url, &t, req.body.trim());
        email_reporter(&txn, &t, mail, "message").await?;
    }
    let action = if req.public { "ticket.message" } else { "ticket.note" };
    audit::record(&txn, &staff_actor(user, client), action, Some(format!("ticket:{}", t.code)), json!({})).await?;
    txn.commit().await?;
    state.outbox_wake.notify_one();
    detail(db, &t.code, user, &state.clock).await
}
