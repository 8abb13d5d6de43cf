//! One ticket as staff see it: report, evidence, analysis, documents, deliveries and timeline.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use ttis_shared::dto::documents::{Revocation, SignatureInfo};
use ttis_shared::dto::tickets::{
    Analysis, DispositionRecord, DocumentItem, DuplicateHint, EvidenceItem, Priority, ReporterView, TicketDetail,
    UserRef,
};
use ttis_shared::procedure::{self};
use ttis_shared::sla::{self, Entered};

use super::*;
use crate::entities::ticket_event::EventKind;
use crate::entities::{analysis, disposition, duplicate_hint, evidence, ticket, ticket_event};
use crate::error::ApiError;
use crate::services::auth::AuthUser;
use crate::services::codes::TicketCode;
use crate::services::documents;
use crate::services::workflow::{clock_of, find_by_code, label, proc_actor, state_of};
use crate::services::{letters, timeline};

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
        kind: d.kind,
        status: d.status,
        revoked: d.revoked_at.map(|at| Revocation { at, reason: d.revoked_reason.clone().unwrap_or_default() }),
        id: d.id,
        version: d.version,
        number: d.number,
        verification_code: d.verification_code.as_deref().map(documents::printed_code),
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
    clock: &crate::services::clock::Clock,
) -> Result<TicketDetail, ApiError> {
    let at = clock.now();
    let t = find_by_code(db, &TicketCode::parse(code)).await?;
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
    let policy = crate::services::sla::current(db).await?;
    let entered: Vec<Entered> = events
        .iter()
        .filter(|e| e.kind == EventKind::StateChange)
        .filter_map(|e| Some(Entered { state: e.to_state?, at: e.at }))
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
    let deliveries = crate::services::delivery::deliveries_of(db, t.id).await?;
    let pse_acknowledgement = crate::services::delivery::acknowledgement_of(db, &t).await?;
    let observables = crate::services::intel::observables::list(db, t.id)
        .await?
        .into_iter()
        .map(crate::services::intel::observables::to_dto)
        .collect();
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
        severity: a.severity,
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
    let pdp = t.pdp_status(at);
    Ok(TicketDetail {
        clock: clock_of(&t, at, &policy),
        sla: sla::step_times_for(&entered, at, &policy, t.channel),
        state,
        state_label: label(state),
        severity: t.severity,
        reporter: ReporterView {
            name: t.reporter_name.clone(),
            email: t.reporter_email.clone(),
            phone: t.reporter_phone.clone(),
            organization: t.reporter_organization.clone(),
            reporter_type: t.reporter_type.as_str().into(),
            hall_of_fame: t.hall_of_fame.as_str().into(),
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
                external_links: e
                    .external_links
                    .as_deref()
                    .and_then(|links| serde_json::from_str(links).ok())
                    .unwrap_or_default(),
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
        allowed_actions: procedure::allowed_actions_for(state, &proc_actor(user), t.channel),
        today: clock.local(at).date_naive(),
        code: t.code,
        kind: t.kind.as_str().into(),
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
        pdp,
        observables,
        tlp: t.tlp.as_str().into(),
        channel: t.channel.as_str().into(),
        submitted_at: t.submitted_at,
    })
}
