//! The response team's work on a ticket (SOP step 4 and the moves after it): the queue, the
//! detail, the actions of the procedure, messages and notes, assignment with a disposition, and
//! evidence downloads. Every state change goes through [`apply`], which asks the shared state
//! machine, moves the SLA clock, and writes the timeline, the audit log and the notifications in
//! the caller's transaction.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use ttis_shared::dto::delivery::WebhookEvent;
use ttis_shared::dto::documents::{DocumentKind, DocumentStatus, Revocation, SignatureInfo};
use ttis_shared::dto::reports::Label;
use ttis_shared::dto::tickets::{
    ActionRequest, Analysis, AssignmentRequest, DispositionRecord, DocumentItem, DuplicateHint, EvidenceItem,
    MessageRequest, Priority, PseRef, RejectReason, ReporterView, Severity, StateCount, TicketDetail, TicketList,
    TicketQuery, TicketSummary, UserRef,
};
use ttis_shared::dto::timeline::TimelineEvent;
use ttis_shared::procedure::{self, Action, Actor as ProcActor, TransitionError};
use ttis_shared::sla::{self, Entered, SlaPolicy, StepClock};
use ttis_shared::validation::Violation;
use ttis_shared::{Lang, ReportState, Role};

use super::audit::{self, Actor};
use super::auth::{AuthUser, ClientInfo};
use super::outbox::{self, NewEmail};
use super::{account, categories, letters, now, signers, timeline};
use crate::entities::{analysis, disposition, duplicate_hint, evidence, pse, ticket, ticket_event, user};
use crate::error::{ApiError, FieldIssue};
use crate::state::AppState;

pub const MAX_PER_PAGE: u64 = 100;

fn state_of(t: &ticket::Model) -> ReportState {
    ReportState::parse(&t.state).unwrap_or(ReportState::Submitted)
}

fn label(state: ReportState) -> Label {
    Label { id: state.label(Lang::Id).into(), en: state.label(Lang::En).into() }
}

/// The clock from the ticket's own columns (kept by [`apply`]), for the queue.
pub fn clock_of(t: &ticket::Model, now: DateTime<Utc>, policy: &SlaPolicy) -> Option<StepClock> {
    let state = state_of(t);
    let steps = state.active_steps();
    if steps.is_empty() {
        return None;
    }
    let paused = state.sla_paused();
    let due_at = if paused { None } else { t.due_at };
    Some(StepClock {
        steps: steps.iter().map(|s| s.number()).collect(),
        started_at: t.step_started_at.unwrap_or(t.state_entered_at),
        time_standard: sla::total_standard(state, policy),
        paused_seconds: t.paused_seconds,
        due_at,
        paused,
        overdue: due_at.is_some_and(|d| now > d),
    })
}

pub async fn find_by_code<C: ConnectionTrait>(conn: &C, code: &str) -> Result<ticket::Model, ApiError> {
    ticket::Entity::find()
        .filter(ticket::Column::Code.eq(code.trim().to_uppercase()))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

async fn history<C: ConnectionTrait>(conn: &C, ticket_id: i64) -> Result<Vec<Entered>, ApiError> {
    let events = ticket_event::Entity::find()
        .filter(ticket_event::Column::TicketId.eq(ticket_id))
        .filter(ticket_event::Column::Kind.eq("state_change"))
        .order_by_asc(ticket_event::Column::At)
        .order_by_asc(ticket_event::Column::Id)
        .all(conn)
        .await?;
    Ok(events
        .into_iter()
        .filter_map(|e| Some(Entered { state: ReportState::parse(e.to_state.as_deref()?)?, at: e.at }))
        .collect())
}

fn refusal(err: TransitionError, actor: &ProcActor, from: ReportState) -> ApiError {
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
    t: ticket::Model,
    action: Action,
    actor: &ProcActor,
    who: &Actor,
    body: Option<String>,
) -> Result<ticket::Model, ApiError> {
    apply_with(txn, t, action, actor, who, body, None).await
}

/// [`apply`], recording a typed event on the timeline entry (a rejection's reason, the delivery).
pub async fn apply_with(
    txn: &DatabaseTransaction,
    t: ticket::Model,
    action: Action,
    actor: &ProcActor,
    who: &Actor,
    body: Option<String>,
    event: Option<TimelineEvent>,
) -> Result<ticket::Model, ApiError> {
    let from = state_of(&t);
    let to = procedure::transition(from, action, actor).map_err(|e| refusal(e, actor, from))?;
    let at = now();
    let mut states = history(txn, t.id).await?;
    states.push(Entered { state: to, at });
    let policy = super::sla::load(txn).await?;
    let clock = sla::clock(&states, at, &policy);
    let ticket_id = t.id;
    let code = t.code.clone();
    let mut active: ticket::ActiveModel = t.into();
    active.state = Set(to.as_str().into());
    active.state_entered_at = Set(at);
    active.updated_at = Set(at);
    active.step_started_at = Set(clock.as_ref().map(|c| c.started_at));
    active.paused_seconds = Set(clock.as_ref().map(|c| c.paused_seconds).unwrap_or(0));
    active.due_at = Set(clock.as_ref().and_then(|c| c.due_at));
    let updated = active.update(txn).await?;
    record_steps(txn, ticket_id, &states, at, &policy).await?;
    let row = ticket_event::ActiveModel {
        ticket_id: Set(ticket_id),
        at: Set(at),
        kind: Set("state_change".into()),
        from_state: Set(Some(from.as_str().into())),
        to_state: Set(Some(to.as_str().into())),
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
    super::delivery::emit(txn, WebhookEvent::TicketStateChanged, &updated, change.clone()).await?;
    if to == ReportState::Completed {
        super::delivery::emit(txn, WebhookEvent::TicketCompleted, &updated, change).await?;
    }
    Ok(updated)
}

/// Keeps each finished step's time against its standard (`ticket_steps`, for the statistics).
async fn record_steps(
    txn: &DatabaseTransaction,
    ticket_id: i64,
    history: &[Entered],
    at: DateTime<Utc>,
    policy: &SlaPolicy,
) -> Result<(), ApiError> {
    use crate::entities::ticket_step;
    for row in sla::step_times(history, at, policy) {
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

fn staff_actor(user: &AuthUser, client: &ClientInfo) -> Actor {
    Actor { user_id: Some(user.id), label: user.name.clone(), ip: client.ip.clone() }
}

fn required(field: &str) -> ApiError {
    ApiError::Validation(vec![FieldIssue { field: field.into(), violation: Violation::Required }])
}

fn track_url(state: &AppState) -> String {
    format!("{}/track", state.settings.public_url)
}

async fn email_reporter(
    txn: &DatabaseTransaction,
    state: &AppState,
    t: &ticket::Model,
    subject_id: &str,
    body: &str,
    key: &str,
) -> Result<(), ApiError> {
    let text = format!(
        "Yth. {name} / Dear {name},\n\n{body}\n\nKode tiket / Ticket code: {code}\n\
         Balas atau pantau laporan Anda di / Reply or follow your report at: {url}\n\n\
         Tim Tanggap Insiden Siber (TTIS)\n{agency}\n",
        name = t.reporter_name,
        code = t.code,
        url = track_url(state),
        agency = state.settings.site.agency_name,
    );
    outbox::enqueue(
        txn,
        NewEmail {
            to: vec![t.reporter_email.clone()],
            subject: format!("[{}] {subject_id}", t.code),
            body: text,
            dedupe_key: Some(format!("{key}:{}:{}", t.code, uuid::Uuid::new_v4().simple())),
            ticket_id: Some(t.id),
            ..Default::default()
        },
    )
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
        let org = super::organization::current(db).await?;
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
            let org = super::organization::current(&txn).await?;
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
            super::delivery::queue(&txn, state, &t, &issued).await?;
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

/// Renders the analysis report (*Laporan Hasil Analisis*) of a verified ticket and attaches it as
/// a new version; returns the storage key of the file (already in the store).
async fn attach_analysis_report(
    txn: &DatabaseTransaction,
    state: &AppState,
    t: &ticket::Model,
    user: &AuthUser,
) -> Result<String, ApiError> {
    use crate::documents::dates;
    let a = analysis::Entity::find_by_id(t.id).one(txn).await?.ok_or(ApiError::NotFound)?;
    let category = letters::category_label(txn, &a.category).await?;
    let pse_name = match a.pse_id {
        Some(id) => pse::Entity::find_by_id(id).one(txn).await?.map(|p| p.name),
        None => None,
    };
    let attendee_ids: Vec<i64> = serde_json::from_str(&a.attendees).unwrap_or_default();
    let names = user_refs(txn, attendee_ids.clone()).await?;
    let attendees: Vec<String> = attendee_ids.iter().filter_map(|id| names.get(id).map(|u| u.name.clone())).collect();
    let offset = super::reports::local_offset();
    let org = super::organization::current(txn).await?;
    let inputs = super::organization::letterhead(&org)
        .text("code", t.code.clone())
        .text("title", t.title.clone())
        .text("kind", if t.kind == "vulnerability" { "Kerentanan" } else { "Insiden" })
        .text("category", category)
        .text("severity", Severity::parse(&a.severity).map(letters::severity_label).unwrap_or("-"))
        .text(
            "cvss",
            match (&a.cvss_vector, a.cvss_score) {
                (Some(v), Some(s)) => format!("{s:.1} ({v})"),
                _ => "-".into(),
            },
        )
        .text("asset", t.affected_asset.clone())
        .text("pse", pse_name.unwrap_or_else(|| "-".into()))
        .text("submitted", dates::indonesian(t.submitted_at.with_timezone(&offset).date_naive()))
        .text("tlp", t.tlp.clone())
        .text("meeting_date", dates::indonesian(a.meeting_date))
        .list("attendees", attendees)
        .text("decision", a.decision.clone())
        .text("minutes", a.minutes.clone())
        .text("findings", a.findings.clone())
        .text("recommendations", a.recommendations.clone())
        .text("analyst", user.name.clone())
        .text("date", dates::indonesian(now().with_timezone(&offset).date_naive()));
    let kind = DocumentKind::AnalysisReport;
    let pdf = letters::render(state, kind, inputs).await?;
    let version = letters::next_version(txn, t.id, kind).await?;
    let key = letters::store(state, &pdf).await?;
    letters::new_document(t, kind, version, DocumentStatus::Final, key.clone(), &pdf, Some(user.id))
        .insert(txn)
        .await?;
    Ok(key)
}

async fn record_analysis(
    txn: &DatabaseTransaction,
    user: &AuthUser,
    t: ticket::Model,
    a: &ttis_shared::dto::tickets::AnalysisInput,
) -> Result<(), ApiError> {
    let mut issues = Vec::new();
    if categories::find_active(txn, &a.category).await?.is_none() {
        issues.push(FieldIssue { field: "analysis.category".into(), violation: Violation::NotAnOption });
    }
    let pse_id = a.pse_id.or(t.pse_id);
    if let Some(id) = a.pse_id
        && pse::Entity::find_by_id(id).one(txn).await?.is_none()
    {
        issues.push(FieldIssue { field: "analysis.pse_id".into(), violation: Violation::NotAnOption });
    }
    let staff = user::Entity::find().filter(user::Column::Id.is_in(a.meeting.attendees.clone())).count(txn).await?;
    if staff != a.meeting.attendees.len() as u64 {
        issues.push(FieldIssue { field: "analysis.meeting.attendees".into(), violation: Violation::NotAnOption });
    }
    if !issues.is_empty() {
        return Err(ApiError::Validation(issues));
    }
    let cvss_vector = a.cvss_vector.as_ref().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let cvss_score = cvss_vector.as_deref().and_then(|v| ttis_shared::cvss::parse(v).ok()).map(|s| s.base_score);
    let at = now();
    analysis::Entity::delete_by_id(t.id).exec(txn).await?;
    analysis::ActiveModel {
        ticket_id: Set(t.id),
        category: Set(a.category.clone()),
        severity: Set(a.severity.as_str().into()),
        cvss_vector: Set(cvss_vector.clone()),
        cvss_score: Set(cvss_score),
        pse_id: Set(pse_id),
        meeting_date: Set(a.meeting.date),
        attendees: Set(serde_json::to_string(&a.meeting.attendees).unwrap_or_else(|_| "[]".into())),
        decision: Set(a.meeting.decision.trim().into()),
        minutes: Set(a.meeting.minutes.trim().into()),
        findings: Set(a.findings.trim().into()),
        recommendations: Set(a.recommendations.trim().into()),
        analyst_id: Set(user.id),
        recorded_at: Set(at),
    }
    .insert(txn)
    .await?;
    let mut active: ticket::ActiveModel = t.into();
    active.category_code = Set(a.category.clone());
    active.severity = Set(Some(a.severity.as_str().into()));
    active.cvss_vector = Set(cvss_vector);
    active.cvss_score = Set(cvss_score);
    active.pse_id = Set(pse_id);
    active.update(txn).await?;
    Ok(())
}

/// The reporter answers a request for information, with the ticket's access key, and may add
/// evidence. The files are removed again if the answer is refused or does not commit.
pub async fn provide_info(
    state: &AppState,
    req: &ttis_shared::dto::tickets::ProvideInfoRequest,
    uploads: Vec<super::reports::Upload>,
    client: &ClientInfo,
) -> Result<(), ApiError> {
    let mut stored: Vec<String> = Vec::new();
    let result = provide_info_inner(state, req, &uploads, &mut stored, client).await;
    if result.is_err() {
        crate::uploads::discard(&uploads).await;
        for key in &stored {
            let _ = state.evidence.delete(key).await;
        }
    }
    result
}

async fn provide_info_inner(
    state: &AppState,
    req: &ttis_shared::dto::tickets::ProvideInfoRequest,
    uploads: &[super::reports::Upload],
    stored: &mut Vec<String>,
    client: &ClientInfo,
) -> Result<(), ApiError> {
    let db = &state.db;
    let t = super::reports::check_key(db, &req.ticket_code, &req.access_key).await?;
    if state_of(&t) != ReportState::NeedsInfo {
        return Err(ApiError::WrongState);
    }
    let who = Actor { user_id: None, label: timeline::REPORTER.into(), ip: client.ip.clone() };
    let txn = db.begin().await?;
    let t = apply(&txn, t, Action::ProvideInfo, &ProcActor::Reporter, &who, None).await?;
    let at = now();
    for upload in uploads {
        let key = uuid::Uuid::new_v4().to_string();
        state.evidence.put(&key, &upload.temp_path).await.map_err(ApiError::Internal)?;
        stored.push(key.clone());
        evidence::ActiveModel {
            ticket_id: Set(t.id),
            storage_key: Set(key),
            file_name: Set(upload.file_name.clone()),
            content_type: Set(upload.content_type.into()),
            size: Set(i64::try_from(upload.size).unwrap_or(i64::MAX)),
            sha256: Set(upload.sha256.clone()),
            metadata_stripped: Set(upload.metadata_stripped),
            uploaded_by: Set("reporter".into()),
            uploaded_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    let row = ticket_event::ActiveModel {
        ticket_id: Set(t.id),
        at: Set(at),
        kind: Set("reply".into()),
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
        outbox::enqueue(
            &txn,
            NewEmail {
                to: vec![u.email],
                subject: format!("[{}] Pelapor menjawab / The reporter answered", t.code),
                body: format!(
                    "Pelapor menjawab permintaan informasi pada tiket {code}.\n\
                     The reporter answered the request for information on ticket {code}.\n\n{answer}\n\n{files}{url}/staff/tickets/{code}\n",
                    code = t.code,
                    answer = req.message.trim(),
                    files = match uploads.len() {
                        0 => String::new(),
                        n => format!("Berkas bukti baru / New evidence files: {n}\n\n"),
                    },
                    url = state.settings.public_url,
                ),
                dedupe_key: None,
                ticket_id: Some(t.id),
                ..Default::default()
            },
        )
        .await?;
    }
    txn.commit().await?;
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
    let t = find_by_code(db, code).await?;
    let txn = db.begin().await?;
    ticket_event::ActiveModel {
        ticket_id: Set(t.id),
        at: Set(now()),
        kind: Set(if req.public { "message" } else { "note" }.into()),
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
        email_reporter(&txn, state, &t, "Pesan dari Tim TTIS / Message from the TTIS team", req.body.trim(), "message")
            .await?;
    }
    let action = if req.public { "ticket.message" } else { "ticket.note" };
    audit::record(&txn, &staff_actor(user, client), action, Some(format!("ticket:{}", t.code)), json!({})).await?;
    txn.commit().await?;
    state.outbox_wake.notify_one();
    detail(db, &t.code, user, now()).await
}

/// Claims a ticket (no assignee given) or assigns it with a disposition.
pub async fn assign(
    state: &AppState,
    user: &AuthUser,
    client: &ClientInfo,
    code: &str,
    req: &AssignmentRequest,
) -> Result<TicketDetail, ApiError> {
    let db = &state.db;
    let t = find_by_code(db, code).await?;
    if state_of(&t).is_terminal() {
        return Err(ApiError::WrongState);
    }
    let to_id = match req.assignee_id {
        None if user.roles.contains(&Role::Analyst) => user.id,
        None => return Err(required("assignee_id")),
        Some(id) => id,
    };
    let assignee = user::Entity::find_by_id(to_id).one(db).await?;
    let assignee = match assignee {
        Some(u) if !u.disabled && Role::split(&u.roles).contains(&Role::Analyst) => u,
        _ => {
            return Err(ApiError::Validation(vec![FieldIssue {
                field: "assignee_id".into(),
                violation: Violation::NotAnOption,
            }]));
        }
    };
    let txn = db.begin().await?;
    let at = now();
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
        kind: Set("assignment".into()),
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
        let mut body =
            format!("{0} mendisposisikan tiket {code} kepada Anda.\n{0} assigned ticket {code} to you.\n", user.name);
        if let Some(i) = &instruction {
            body.push_str(&format!("\nInstruksi / Instruction:\n{i}\n"));
        }
        if let Some(p) = req.priority {
            let (id, en) = match p {
                Priority::Biasa => ("Biasa", "Normal"),
                Priority::Segera => ("Segera", "Urgent"),
                Priority::SangatSegera => ("Sangat segera", "Most urgent"),
            };
            body.push_str(&format!("\nSifat / Priority: {id} / {en}\n"));
        }
        if let Some(d) = req.due_date {
            body.push_str(&format!("Batas waktu / Due date: {}\n", d.format("%Y-%m-%d")));
        }
        outbox::enqueue(
            &txn,
            NewEmail {
                to: vec![assignee.email.clone()],
                subject: format!("[{code}] Disposisi / Assignment"),
                body: format!("{body}\n{}/staff/tickets/{code}\n", state.settings.public_url),
                dedupe_key: None,
                ticket_id: Some(ticket_id),
                ..Default::default()
            },
        )
        .await?;
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
    detail(db, &code, user, now()).await
}

async fn user_refs<C: ConnectionTrait>(conn: &C, ids: Vec<i64>) -> Result<HashMap<i64, UserRef>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, UserRef { id: u.id, name: u.name }))
        .collect())
}

async fn pse_refs<C: ConnectionTrait>(conn: &C, ids: Vec<i64>) -> Result<HashMap<i64, PseRef>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(pse::Entity::find()
        .filter(pse::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, PseRef { id: p.id, name: p.name }))
        .collect())
}

#[derive(FromQueryResult)]
struct StateCountRow {
    state: String,
    n: i64,
}

/// The queue (`GET /tickets`).
/// The queue's filter and order, shared by the list and its CSV export.
pub fn select(q: &TicketQuery, at: DateTime<Utc>) -> Result<sea_orm::Select<ticket::Entity>, ApiError> {
    let mut cond = Condition::all();
    if let Some(states) = &q.state {
        let wanted: Vec<&str> = states.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        if wanted.iter().any(|s| ReportState::parse(s).is_none()) {
            return Err(ApiError::InvalidParameter(format!(
                "state: one or more of {}",
                ReportState::ALL.map(|s| s.as_str()).join(", ")
            )));
        }
        cond = cond.add(ticket::Column::State.is_in(wanted));
    }
    if let Some(c) = &q.category {
        cond = cond.add(ticket::Column::CategoryCode.eq(c.clone()));
    }
    if let Some(s) = q.severity {
        cond = cond.add(ticket::Column::Severity.eq(s.as_str()));
    }
    match q.assignee.as_deref() {
        None => {}
        Some("none") => cond = cond.add(ticket::Column::AssigneeId.is_null()),
        Some(id) => {
            let id: i64 =
                id.parse().map_err(|_| ApiError::InvalidParameter("assignee: an account id or `none`".into()))?;
            cond = cond.add(ticket::Column::AssigneeId.eq(id));
        }
    }
    if let Some(p) = q.pse {
        cond = cond.add(ticket::Column::PseId.eq(p));
    }
    if let Some(from) = q.from {
        cond = cond.add(ticket::Column::SubmittedAt.gte(from));
    }
    if let Some(to) = q.to {
        cond = cond.add(ticket::Column::SubmittedAt.lt(to));
    }
    if let Some(true) = q.overdue {
        cond = cond
            .add(ticket::Column::DueAt.lt(at))
            .add(ticket::Column::State.ne(ReportState::NeedsInfo.as_str()))
            .add(ticket::Column::State.is_not_in([ReportState::Rejected.as_str(), ReportState::Completed.as_str()]));
    }
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let escaped = text.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let pattern = format!("%{escaped}%");
        cond = cond.add(ticket::Column::SearchText.like(sea_orm::sea_query::LikeExpr::new(pattern).escape('\\')));
    }
    let sort = q.sort.as_deref().unwrap_or("-submitted_at");
    let (desc, key) = match sort.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, sort),
    };
    let column = match key {
        "submitted_at" => ticket::Column::SubmittedAt,
        "due_at" => ticket::Column::DueAt,
        "code" => ticket::Column::Code,
        "title" => ticket::Column::Title,
        "state" => ticket::Column::State,
        other => return Err(ApiError::InvalidParameter(format!("sort: unknown key `{other}`"))),
    };
    let select = ticket::Entity::find().filter(cond);
    // The tie-breaker runs the same way, so one index (`state, due_at, id`) serves both directions.
    Ok(if desc {
        select.order_by_desc(column).order_by_desc(ticket::Column::Id)
    } else {
        select.order_by_asc(column).order_by_asc(ticket::Column::Id)
    })
}

/// The page and page size asked for: `page` from 1, `per_page` 1-100 (25 by default).
pub fn paging(q: &TicketQuery) -> Result<(u64, u64), ApiError> {
    let per_page = q.per_page.unwrap_or(25);
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(ApiError::InvalidParameter(format!("per_page: 1 to {MAX_PER_PAGE}")));
    }
    let page = q.page.unwrap_or(1);
    if !(1..=1_000_000).contains(&page) {
        return Err(ApiError::InvalidParameter("page: from 1".into()));
    }
    Ok((page, per_page))
}

pub async fn list(db: &DatabaseConnection, q: &TicketQuery, at: DateTime<Utc>) -> Result<TicketList, ApiError> {
    let (page, per_page) = paging(q)?;
    let paginator = select(q, at)?.paginate(db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;

    let users = user_refs(db, rows.iter().filter_map(|t| t.assignee_id).collect()).await?;
    let pses = pse_refs(db, rows.iter().filter_map(|t| t.pse_id).collect()).await?;
    let counts = ticket::Entity::find()
        .select_only()
        .column(ticket::Column::State)
        .column_as(ticket::Column::Id.count(), "n")
        .group_by(ticket::Column::State)
        .into_model::<StateCountRow>()
        .all(db)
        .await?;
    let counts = ReportState::ALL
        .iter()
        .map(|s| StateCount {
            state: *s,
            count: counts.iter().find(|c| c.state == s.as_str()).map(|c| c.n.max(0) as u64).unwrap_or(0),
        })
        .collect();
    let policy = super::sla::load(db).await?;
    let items = rows
        .into_iter()
        .map(|t| TicketSummary {
            clock: clock_of(&t, at, &policy),
            state: state_of(&t),
            state_label: label(state_of(&t)),
            severity: t.severity.as_deref().and_then(Severity::parse),
            pse: t.pse_id.and_then(|id| pses.get(&id).cloned()),
            assignee: t.assignee_id.and_then(|id| users.get(&id).cloned()),
            code: t.code,
            title: t.title,
            category: t.category_code,
            affected_asset: t.affected_asset,
            reporter_name: t.reporter_name,
            submitted_at: t.submitted_at,
            pse_acknowledged_at: t.pse_acknowledged_at,
        })
        .collect();
    Ok(TicketList { items, total, page, per_page, counts })
}

fn document_item(d: crate::entities::document::Model) -> DocumentItem {
    let signature = match (&d.signature, d.signed_at) {
        (Some(signature), Some(signed_at)) => Some(SignatureInfo {
            algorithm: d.signature_alg.clone().unwrap_or_default(),
            key_id: d.key_id.clone().unwrap_or_default(),
            signature: signature.clone(),
            signer_name: d.signer_name.clone().unwrap_or_default(),
            signer_title: d.signer_title.clone().unwrap_or_default(),
            signer_nip: d.signer_nip.clone().unwrap_or_default(),
            signer_rank: d.signer_rank.clone().unwrap_or_default(),
            signer_capacity: d.signer_capacity.as_deref().and_then(ttis_shared::dto::signers::SigningCapacity::parse),
            signed_at,
        }),
        _ => None,
    };
    DocumentItem {
        kind: DocumentKind::parse(&d.kind).unwrap_or(DocumentKind::AnalysisReport),
        status: if d.status == "final" { DocumentStatus::Final } else { DocumentStatus::Draft },
        revoked: d.revoked_at.map(|at| Revocation { at, reason: d.revoked_reason.clone().unwrap_or_default() }),
        id: d.id,
        version: d.version,
        number: d.number,
        verification_code: d.verification_code.as_deref().map(letters::printed_code),
        sha256: d.sha256,
        size: u64::try_from(d.size).unwrap_or(0),
        created_at: d.created_at,
        signature,
    }
}

/// Everything staff see of one ticket.
pub async fn detail(
    db: &DatabaseConnection,
    code: &str,
    user: &AuthUser,
    at: DateTime<Utc>,
) -> Result<TicketDetail, ApiError> {
    let t = find_by_code(db, code).await?;
    let files = evidence::Entity::find()
        .filter(evidence::Column::TicketId.eq(t.id))
        .order_by_asc(evidence::Column::Id)
        .all(db)
        .await?;
    let events = ticket_event::Entity::find()
        .filter(ticket_event::Column::TicketId.eq(t.id))
        .order_by_asc(ticket_event::Column::At)
        .order_by_asc(ticket_event::Column::Id)
        .all(db)
        .await?;
    let policy = super::sla::load(db).await?;
    let entered: Vec<Entered> = events
        .iter()
        .filter(|e| e.kind == "state_change")
        .filter_map(|e| Some(Entered { state: ReportState::parse(e.to_state.as_deref()?)?, at: e.at }))
        .collect();
    let hint_ids: Vec<i64> = duplicate_hint::Entity::find()
        .filter(duplicate_hint::Column::TicketId.eq(t.id))
        .all(db)
        .await?
        .into_iter()
        .map(|h| h.candidate_id)
        .collect();
    let hints = if hint_ids.is_empty() {
        Vec::new()
    } else {
        ticket::Entity::find().filter(ticket::Column::Id.is_in(hint_ids)).all(db).await?
    };
    let duplicate_of = match t.duplicate_of_id {
        Some(id) => ticket::Entity::find_by_id(id).one(db).await?.map(|d| d.code),
        None => None,
    };
    let recorded = analysis::Entity::find_by_id(t.id).one(db).await?;
    let documents = crate::entities::document::Entity::find()
        .filter(crate::entities::document::Column::TicketId.eq(t.id))
        .order_by_desc(crate::entities::document::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(document_item)
        .collect();
    let drafts =
        crate::entities::draft::Entity::find_by_id(t.id).one(db).await?.as_ref().and_then(letters::drafts_view);
    let deliveries = super::delivery::deliveries_of(db, t.id).await?;
    let pse_acknowledgement = super::delivery::acknowledgement_of(db, &t).await?;
    let attendee_ids: Vec<i64> =
        recorded.as_ref().and_then(|a| serde_json::from_str(&a.attendees).ok()).unwrap_or_default();
    let stored_dispositions = disposition::Entity::find()
        .filter(disposition::Column::TicketId.eq(t.id))
        .order_by_desc(disposition::Column::Id)
        .all(db)
        .await?;
    let mut user_ids = attendee_ids.clone();
    for d in &stored_dispositions {
        user_ids.push(d.from_user_id);
        user_ids.push(d.to_user_id);
    }
    user_ids.extend(t.assignee_id);
    user_ids.extend(recorded.as_ref().map(|a| a.analyst_id));
    let users = user_refs(db, user_ids).await?;
    let mut pse_ids: Vec<i64> = t.pse_id.into_iter().collect();
    pse_ids.extend(recorded.as_ref().and_then(|a| a.pse_id));
    let pses = pse_refs(db, pse_ids).await?;
    let state = state_of(&t);
    let analysis = recorded.map(|a| Analysis {
        severity: Severity::parse(&a.severity).unwrap_or(Severity::Sedang),
        pse: a.pse_id.and_then(|id| pses.get(&id).cloned()),
        attendees: attendee_ids.iter().filter_map(|id| users.get(id).cloned()).collect(),
        analyst: users.get(&a.analyst_id).cloned().unwrap_or(UserRef { id: a.analyst_id, name: String::new() }),
        category: a.category,
        cvss_vector: a.cvss_vector,
        cvss_score: a.cvss_score,
        meeting_date: a.meeting_date,
        decision: a.decision,
        minutes: a.minutes,
        findings: a.findings,
        recommendations: a.recommendations,
        recorded_at: a.recorded_at,
    });
    Ok(TicketDetail {
        clock: clock_of(&t, at, &policy),
        sla: sla::step_times(&entered, at, &policy),
        state,
        state_label: label(state),
        severity: t.severity.as_deref().and_then(Severity::parse),
        reporter: ReporterView {
            name: t.reporter_name.clone(),
            email: t.reporter_email.clone(),
            phone: t.reporter_phone.clone(),
            organization: t.reporter_organization.clone(),
            reporter_type: t.reporter_type.clone(),
            hall_of_fame: t.hall_of_fame.clone(),
            alias: t.hall_of_fame_alias.clone(),
        },
        pse: t.pse_id.and_then(|id| pses.get(&id).cloned()),
        assignee: t.assignee_id.and_then(|id| users.get(&id).cloned()),
        duplicate_of,
        duplicate_hints: hints
            .into_iter()
            .map(|h| DuplicateHint { state: state_of(&h), code: h.code, title: h.title })
            .collect(),
        evidence: files
            .into_iter()
            .map(|e| EvidenceItem {
                id: e.id,
                file_name: e.file_name,
                content_type: e.content_type,
                size: u64::try_from(e.size).unwrap_or(0),
                sha256: e.sha256,
                metadata_stripped: e.metadata_stripped,
                uploaded_by: e.uploaded_by,
                uploaded_at: e.uploaded_at,
            })
            .collect(),
        timeline: events.into_iter().map(timeline::entry).collect(),
        analysis,
        documents,
        drafts,
        deliveries,
        pse_acknowledgement,
        dispositions: stored_dispositions
            .into_iter()
            .map(|d| {
                let name = |id: i64| users.get(&id).cloned().unwrap_or(UserRef { id, name: String::new() });
                DispositionRecord {
                    from: name(d.from_user_id),
                    to: name(d.to_user_id),
                    instruction: d.instruction,
                    priority: match d.priority.as_deref() {
                        Some("biasa") => Some(Priority::Biasa),
                        Some("segera") => Some(Priority::Segera),
                        Some("sangat_segera") => Some(Priority::SangatSegera),
                        _ => None,
                    },
                    due_date: d.due_date,
                    created_at: d.created_at,
                }
            })
            .collect(),
        allowed_actions: procedure::allowed_actions(state, &proc_actor(user)),
        code: t.code,
        kind: t.kind,
        title: t.title,
        category: t.category_code,
        cvss_vector: t.cvss_vector,
        cvss_score: t.cvss_score,
        affected_asset: t.affected_asset,
        affected_host: t.affected_host,
        discovered_at: t.discovered_at,
        description: t.description,
        steps_to_reproduce: t.steps_to_reproduce,
        impact: t.impact,
        ongoing: t.ongoing,
        personal_data_involved: t.personal_data_involved,
        tlp: t.tlp,
        channel: t.channel,
        submitted_at: t.submitted_at,
    })
}

/// An evidence file of a ticket, for download by staff (audited).
pub async fn evidence_file(
    state: &AppState,
    user: &AuthUser,
    client: &ClientInfo,
    code: &str,
    id: i64,
) -> Result<(evidence::Model, std::path::PathBuf), ApiError> {
    let t = find_by_code(&state.db, code).await?;
    let file = evidence::Entity::find_by_id(id)
        .filter(evidence::Column::TicketId.eq(t.id))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let path = state.evidence.path_of(&file.storage_key)?;
    let txn = state.db.begin().await?;
    audit::record(
        &txn,
        &staff_actor(user, client),
        "evidence.download",
        Some(format!("ticket:{code}")),
        json!({"evidence": id, "sha256": file.sha256}),
    )
    .await?;
    txn.commit().await?;
    Ok((file, path))
}

/// A document of a ticket, for download by staff (audited).
pub async fn document_file(
    state: &AppState,
    user: &AuthUser,
    client: &ClientInfo,
    code: &str,
    id: &str,
) -> Result<(crate::entities::document::Model, std::path::PathBuf), ApiError> {
    use crate::entities::document;
    let t = find_by_code(&state.db, code).await?;
    let doc = document::Entity::find_by_id(id.to_string())
        .filter(document::Column::TicketId.eq(t.id))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let path = state.evidence.path_of(&doc.storage_key)?;
    let txn = state.db.begin().await?;
    audit::record(
        &txn,
        &staff_actor(user, client),
        "document.download",
        Some(format!("ticket:{code}")),
        json!({"document": id, "kind": doc.kind}),
    )
    .await?;
    txn.commit().await?;
    Ok((doc, path))
}
