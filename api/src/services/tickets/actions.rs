//! The procedure's actions on a ticket (`POST /tickets/{code}/actions`), one function each.

use sea_orm::{ActiveModelTrait, DatabaseTransaction, Set, TransactionTrait};
use serde_json::json;
use ttis_shared::dto::tickets::{ActionRequest, RejectReason, TicketDetail};
use ttis_shared::dto::timeline::TimelineEvent;
use ttis_shared::procedure::{self, Action};
use ttis_shared::validation::Violation;

use super::analysis::{attach_analysis_report, record_analysis};
use super::messages::email_reporter;
use super::*;
use crate::entities::{ticket, ticket_event};
use crate::error::{ApiError, FieldIssue};
use crate::services::audit::{self, Actor};
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::workflow::{apply, apply_with, find_by_code, proc_actor, refusal, state_of};
use crate::services::{account, letters, now, signers};
use crate::state::AppState;

/// A note only staff see, on the ticket's timeline.
async fn internal_note(
    txn: &DatabaseTransaction,
    t: &ticket::Model,
    who: &Actor,
    body: Option<&str>,
) -> Result<(), ApiError> {
    let Some(body) = body else { return Ok(()) };
    ticket_event::ActiveModel {
        ticket_id: Set(t.id),
        at: Set(now()),
        kind: Set("note".into()),
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

/// Takes an action (`POST /tickets/{code}/actions`).
pub async fn act(
    state: &AppState,
    user: &AuthUser,
    client: &ClientInfo,
    code: &str,
    req: ActionRequest,
) -> Result<TicketDetail, ApiError> {
    let db = &state.db;
    let t = find_by_code(db, code).await?;
    let actor = proc_actor(user);
    let who = staff_actor(user, client);
    let message = req.message.as_ref().map(|m| m.trim().to_string()).filter(|m| !m.is_empty());
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
    // Files put into the store in this transaction, removed again if it does not commit.
    let mut stored: Vec<String> = Vec::new();
    let updated = match req.action {
        Action::StartVerification => {
            let mut t = apply(&txn, t, req.action, &actor, &who, None).await?;
            if t.assignee_id.is_none() {
                let mut active: ticket::ActiveModel = t.into();
                active.assignee_id = Set(Some(user.id));
                t = active.update(&txn).await?;
            }
            t
        }
        Action::RequestInfo => {
            let question = message.clone().ok_or_else(|| required("message"))?;
            let t = apply(&txn, t, req.action, &actor, &who, Some(question.clone())).await?;
            email_reporter(
                &txn,
                state,
                &t,
                "Permintaan informasi tambahan / Request for more information",
                &question,
                "request_info",
            )
            .await?;
            t
        }
        Action::Reject => {
            let reason = req.reason.ok_or_else(|| required("reason"))?;
            let mut duplicate_of = None;
            if reason == RejectReason::Duplicate {
                let original_code = req.duplicate_of.as_deref().ok_or_else(|| required("duplicate_of"))?;
                let original = find_by_code(&txn, original_code).await.map_err(|_| {
                    ApiError::Validation(vec![FieldIssue {
                        field: "duplicate_of".into(),
                        violation: Violation::NotAnOption,
                    }])
                })?;
                if original.id == t.id {
                    return Err(ApiError::Validation(vec![FieldIssue {
                        field: "duplicate_of".into(),
                        violation: Violation::NotAnOption,
                    }]));
                }
                duplicate_of = Some(original.id);
            }
            let event = TimelineEvent::RejectedAs { reason };
            let t = apply_with(&txn, t, req.action, &actor, &who, message.clone(), Some(event)).await?;
            let mut active: ticket::ActiveModel = t.into();
            active.duplicate_of_id = Set(duplicate_of);
            active.reject_reason = Set(Some(reason.as_str().into()));
            let t = active.update(&txn).await?;
            let text = message.clone().unwrap_or_else(|| match reason {
                RejectReason::Duplicate => "Laporan ini sama dengan laporan yang telah kami terima sebelumnya.\nThis report is the same as one we received earlier.".into(),
                _ => "Setelah kami verifikasi, laporan ini dinyatakan tidak sesuai.\nAfter verifying it, we found that this report is not valid.".into(),
            });
            email_reporter(&txn, state, &t, "Hasil verifikasi laporan / Result of the verification", &text, "reject")
                .await?;
            t
        }
        Action::Verify => {
            let a = req.analysis.clone().ok_or_else(|| required("analysis"))?;
            record_analysis(&txn, user, t.clone(), &a).await?;
            let t = find_by_code(&txn, &t.code).await?;
            let t = apply(&txn, t, req.action, &actor, &who, message.clone()).await?;
            stored.push(attach_analysis_report(&txn, state, &t, user).await?);
            // Step 5: the system drafts the letter and the certificate at once.
            stored.extend(letters::draft_on_verify(&txn, state, &t, user.id).await?);
            t
        }
        // Steps 6-7 are between the team and the head: what they write stays internal.
        Action::SubmitForApproval => {
            let t = apply(&txn, t, req.action, &actor, &who, None).await?;
            internal_note(&txn, &t, &who, message.as_deref()).await?;
            letters::notify_heads(&txn, state, &t).await?;
            t
        }
        Action::ReturnForRevision => {
            let remarks = message.clone().ok_or_else(|| required("message"))?;
            let t = apply(&txn, t, req.action, &actor, &who, None).await?;
            internal_note(&txn, &t, &who, Some(&remarks)).await?;
            letters::record_remarks(&txn, t.id, &remarks).await?;
            letters::notify_assignee(
                &txn,
                state,
                &t,
                "Dikembalikan untuk perbaikan / Returned for revision",
                &format!("Catatan Kepala Dinas / The head's remarks:\n{remarks}"),
            )
            .await?;
            t
        }
        Action::Approve => {
            // The profile as it is now, read in the approving transaction: what the documents carry.
            let org = crate::services::organization::current(&txn).await?;
            let signer = signers::for_signing(&txn, user.id, &org.head_title).await?;
            let t = apply(&txn, t, req.action, &actor, &who, None).await?;
            internal_note(&txn, &t, &who, message.as_deref()).await?;
            // Step 7: numbers, final PDFs with their QR codes, signatures.
            let (keys, issued) = letters::issue_on_approve(&txn, state, &t, &signer).await?;
            stored.extend(keys);
            audit::record(
                &txn,
                &who,
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
            // Steps 8-9: listed on the Hall of Fame by its state; the documents are queued for delivery.
            crate::services::delivery::queue(&txn, state, &t, &issued).await?;
            letters::notify_assignee(
                &txn,
                state,
                &t,
                "Disetujui dan ditandatangani / Approved and signed",
                "Surat Pemberitahuan Insiden Siber dan Sertifikat Apresiasi telah disetujui dan ditandatangani. \
                 / The notification letter and certificate were approved and signed.",
            )
            .await?;
            t
        }
        _ => apply(&txn, t, req.action, &actor, &who, message.clone()).await?,
    };
    if let Err(e) = txn.commit().await {
        for key in &stored {
            let _ = state.evidence.delete(key).await;
        }
        return Err(e.into());
    }
    state.outbox_wake.notify_one();
    detail(db, &updated.code, user, now()).await
}
