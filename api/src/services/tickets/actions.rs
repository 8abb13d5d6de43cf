//! The procedure's actions on a ticket (`POST /tickets/{code}/actions`), one function each.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, Set, TransactionTrait};
use serde_json::json;
use ttis_shared::dto::tickets::{ActionRequest, RejectReason, TicketDetail};
use ttis_shared::dto::timeline::TimelineEvent;
use ttis_shared::procedure::Actor as ProcActor;
use ttis_shared::procedure::{self, Action};
use ttis_shared::validation::Violation;

use super::analysis::{attach_analysis_report, record_analysis};
use super::messages::email_reporter;
use super::*;
use crate::entities::ticket_event::EventKind;
use crate::entities::{ticket, ticket_event};
use crate::error::{ApiError, FieldIssue};
use crate::notify::templates;
use crate::services::audit::{self, Actor};
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::codes::TicketCode;
use crate::services::storage::StagedFiles;
use crate::services::workflow::{apply, apply_with, find_by_code, proc_actor, refusal, state_of};
use crate::services::{account, letters, signers};
use crate::state::AppState;

/// A note only staff see, on the ticket's timeline.
async fn internal_note(
    txn: &DatabaseTransaction,
    at: DateTime<Utc>,
    t: &ticket::Model,
    who: &Actor,
    body: Option<&str>,
) -> Result<(), ApiError> {
    let Some(body) = body else { return Ok(()) };
    ticket_event::ActiveModel {
        ticket_id: Set(t.id),
        at: Set(at),
        kind: Set(EventKind::Note),
        from_state: Set(None),
        to_state: Set(None),
        actor_user_id: Set(who.user_id),
        actor_label: Set(who.label.clone()),
        body: Set(Some(body.to_string())),
        public: Set(false),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// What every action works with: the transaction, who acts, their words, and the files staged
/// for the transaction (removed again unless it commits).
struct Step<'a> {
    txn: &'a DatabaseTransaction,
    state: &'a AppState,
    user: &'a AuthUser,
    actor: ProcActor,
    who: Actor,
    message: Option<String>,
    staged: StagedFiles,
}

/// Takes an action (`POST /tickets/{code}/actions`): checks it against the procedure before
/// reading the fields it needs, runs it in one transaction, and answers the ticket as it is now.
pub async fn act(
    state: &AppState,
    user: &AuthUser,
    client: &ClientInfo,
    code: &str,
    req: ActionRequest,
) -> Result<TicketDetail, ApiError> {
    let db = &state.db;
    let t = find_by_code(db, &TicketCode::parse(code)).await?;
    let actor = proc_actor(user);
    let who = staff_actor(user, client);
    // Refuse an impossible or foreign action before looking at the fields it would need.
    let from = state_of(&t);
    procedure::transition(from, req.action, &actor).map_err(|e| refusal(e, &actor, from))?;
    if req.action == Action::Approve {
        // Approving signs in the head's name: a complete signer profile, and the person, not
        // only a session (checked before the transaction: a password hash takes a while).
        let org = crate::services::organization::current(db).await?;
        signers::for_signing(db, user.id, &org.head_title).await?;
        account::reauthenticate(state, user, &who, "approve", req.password.as_deref(), req.totp.as_deref()).await?;
    }
    let txn = db.begin().await?;
    let mut step = Step {
        txn: &txn,
        state,
        user,
        actor,
        who,
        message: req.message.as_ref().map(|m| m.trim().to_string()).filter(|m| !m.is_empty()),
        staged: StagedFiles::new(state.evidence.clone()),
    };
    // The platform's own monitoring cannot answer a question: nobody would leave `needs_info`.
    if !ttis_shared::procedure::fits_channel(req.action, t.channel) {
        return Err(ApiError::WrongState);
    }
    let updated = match req.action {
        Action::StartVerification => start_verification(&step, t).await?,
        Action::RequestInfo => request_info(&step, t).await?,
        Action::Reject => reject(&step, t, &req).await?,
        Action::Verify => verify(&mut step, t, &req).await?,
        Action::SubmitForApproval => submit_for_approval(&step, t).await?,
        Action::ReturnForRevision => return_for_revision(&step, t).await?,
        Action::Approve => approve(&mut step, t).await?,
        other => apply(&txn, &state.clock, t, other, &step.actor, &step.who, step.message.clone()).await?,
    };
    let Step { staged, .. } = step;
    staged.commit(txn).await?;
    state.outbox_wake.notify_one();
    super::detail(db, &updated.code, user, &state.clock).await
}

/// Step 4 begins: the ticket goes to whoever starts, unless it was assigned.
async fn start_verification(s: &Step<'_>, t: ticket::Model) -> Result<ticket::Model, ApiError> {
    let mut t = apply(s.txn, &s.state.clock, t, Action::StartVerification, &s.actor, &s.who, None).await?;
    if t.assignee_id.is_none() {
        let mut active: ticket::ActiveModel = t.into();
        active.assignee_id = Set(Some(s.user.id));
        t = active.update(s.txn).await?;
    }
    Ok(t)
}

/// The team asks the reporter a question (emailed; the SLA clock pauses).
async fn request_info(s: &Step<'_>, t: ticket::Model) -> Result<ticket::Model, ApiError> {
    let question = s.message.clone().ok_or_else(|| required("message"))?;
    let t = apply(s.txn, &s.state.clock, t, Action::RequestInfo, &s.actor, &s.who, Some(question.clone())).await?;
    let mail =
        templates::info_requested(&s.state.settings.site.agency_name, &s.state.settings.public_url, &t, &question);
    email_reporter(s.txn, &t, mail, "request_info").await?;
    Ok(t)
}

/// Not valid (*tidak sesuai*), with a reason; a duplicate names the original ticket.
async fn reject(s: &Step<'_>, t: ticket::Model, req: &ActionRequest) -> Result<ticket::Model, ApiError> {
    let reason = req.reason.ok_or_else(|| required("reason"))?;
    let not_an_option =
        || ApiError::Validation(vec![FieldIssue { field: "duplicate_of".into(), violation: Violation::NotAnOption }]);
    let mut duplicate_of = None;
    if reason == RejectReason::Duplicate {
        let original_code = req.duplicate_of.as_deref().ok_or_else(|| required("duplicate_of"))?;
        let original = find_by_code(s.txn, &TicketCode::parse(original_code)).await.map_err(|_| not_an_option())?;
        if original.id == t.id {
            return Err(not_an_option());
        }
        duplicate_of = Some(original.id);
    }
    let event = TimelineEvent::RejectedAs { reason };
    let t =
        apply_with(s.txn, &s.state.clock, t, Action::Reject, &s.actor, &s.who, s.message.clone(), Some(event)).await?;
    let mut active: ticket::ActiveModel = t.into();
    active.duplicate_of_id = Set(duplicate_of);
    active.reject_reason = Set(Some(reason));
    let t = active.update(s.txn).await?;
    let site = &s.state.settings;
    let mail = templates::rejected(&site.site.agency_name, &site.public_url, &t, reason, s.message.as_deref());
    email_reporter(s.txn, &t, mail, "reject").await?;
    Ok(t)
}

/// Valid (*sesuai*): the meeting's analysis is recorded, the analysis report is rendered, and
/// (step 5) the letter and the certificate are drafted at once.
async fn verify(s: &mut Step<'_>, t: ticket::Model, req: &ActionRequest) -> Result<ticket::Model, ApiError> {
    let a = req.analysis.clone().ok_or_else(|| required("analysis"))?;
    record_analysis(s.txn, s.state.clock.now(), s.user, t.clone(), &a).await?;
    let t = find_by_code(s.txn, &TicketCode::parse(&t.code)).await?;
    let t = apply(s.txn, &s.state.clock, t, Action::Verify, &s.actor, &s.who, s.message.clone()).await?;
    // Personal data: the 72 hours of UU PDP start now, and the letter drafted below says so.
    let now = s.state.clock.now();
    let t = crate::services::pdp::decide(s.txn, t, a.personal_data_involved, now, &s.who).await?;
    crate::services::intel::observables::seed(s.txn, &t, now).await?;
    attach_analysis_report(s.txn, s.state, &mut s.staged, &t, s.user).await?;
    letters::draft_on_verify(s.txn, s.state, &mut s.staged, &t, s.user.id).await?;
    Ok(t)
}

/// Step 6: the drafts go to the head. What the team writes here stays internal.
async fn submit_for_approval(s: &Step<'_>, t: ticket::Model) -> Result<ticket::Model, ApiError> {
    let t = apply(s.txn, &s.state.clock, t, Action::SubmitForApproval, &s.actor, &s.who, None).await?;
    internal_note(s.txn, s.state.clock.now(), &t, &s.who, s.message.as_deref()).await?;
    letters::notify_heads(s.txn, s.state, &t).await?;
    Ok(t)
}

/// Step 7, returned: the head's remarks go onto the drafts and to the assignee.
async fn return_for_revision(s: &Step<'_>, t: ticket::Model) -> Result<ticket::Model, ApiError> {
    let remarks = s.message.clone().ok_or_else(|| required("message"))?;
    let t = apply(s.txn, &s.state.clock, t, Action::ReturnForRevision, &s.actor, &s.who, None).await?;
    internal_note(s.txn, s.state.clock.now(), &t, &s.who, Some(&remarks)).await?;
    letters::record_remarks(s.txn, t.id, &remarks).await?;
    let mail = templates::returned_for_revision(&s.state.settings.public_url, &t, &remarks);
    letters::notify_assignee(s.txn, &t, mail).await?;
    Ok(t)
}

/// Step 7, approved: numbers, final PDFs with their QR codes and signatures in the approving
/// head's name; then (steps 8-9) the Hall of Fame lists the reporter by the ticket's state and
/// the documents are queued for delivery.
async fn approve(s: &mut Step<'_>, t: ticket::Model) -> Result<ticket::Model, ApiError> {
    // The profile as it is now, read in the approving transaction: what the documents carry.
    let org = crate::services::organization::current(s.txn).await?;
    let signer = signers::for_signing(s.txn, s.user.id, &org.head_title).await?;
    let t = apply(s.txn, &s.state.clock, t, Action::Approve, &s.actor, &s.who, None).await?;
    internal_note(s.txn, s.state.clock.now(), &t, &s.who, s.message.as_deref()).await?;
    let issued = letters::issue_on_approve(s.txn, s.state, &mut s.staged, &t, &signer).await?;
    audit::record(
        s.txn,
        &s.who,
        "documents.sign",
        Some(format!("ticket:{}", t.code)),
        json!({
            "signer": {"user_id": signer.user_id, "name": signer.name, "nip": signer.nip, "rank": signer.rank,
                "title": signer.title, "capacity": signer.capacity.as_str()},
            "documents": issued.iter().map(|d| json!({"id": d.id, "kind": d.kind, "number": d.number,
                "verification_code": d.verification_code, "sha256": d.sha256})).collect::<Vec<_>>(),
        }),
    )
    .await?;
    crate::services::delivery::queue(s.txn, s.state, &t, &issued).await?;
    letters::notify_assignee(s.txn, &t, templates::approved(&s.state.settings.public_url, &t)).await?;
    Ok(t)
}
