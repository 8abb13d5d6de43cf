//! SOP step 9: sending the signed letter and certificate (to the reporter; the letter to the PSE),
//! closing the ticket once everything is delivered, the PSE's acknowledgement, and failed
//! deliveries with their resend. The Hall of Fame is `hall_of_fame`, the reporter's downloads
//! `tracking`, webhooks `webhooks`.

use std::collections::BTreeMap;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use ttis_shared::ReportState;
use ttis_shared::dto::delivery::{
    Acknowledgement, AcknowledgementLink, AcknowledgementRequest, DeliveryItem, FailedDelivery,
};
use ttis_shared::dto::documents::DocumentKind;
use ttis_shared::dto::documents::DocumentStatus;
use ttis_shared::dto::timeline::TimelineEvent;
use ttis_shared::procedure::{Action, Actor as ProcActor};

use super::audit::{self, Actor};
use super::clock::Clock;
use super::crypto::{random_hex, sha256_hex};
use super::documents::{file_name, reporter_may_have};
use super::now;
use super::outbox::delivery_item;
use super::outbox::{self, AttachmentRef, DELIVERY, NewEmail};
use crate::entities::outbox::OutboxStatus;
use crate::entities::ticket_event::EventKind;
use crate::entities::{acknowledgement, document, outbox as outbox_row, pse, ticket, ticket_event};
use crate::error::ApiError;
use crate::notify::templates;
use crate::state::AppState;

/// Step 9, queued in the approving transaction: the certificate (and the letter, per TLP) to the
/// reporter as attachments, the letter to the PSE's addresses with a one-time acknowledgement
/// link. Attachments rather than links: the reporter's access key was shown once and is not
/// stored, so a link would need it again; the files are small and signed, and their QR codes
/// lead to the public verification page.
pub async fn queue(
    txn: &DatabaseTransaction,
    state: &AppState,
    t: &ticket::Model,
    issued: &[document::Model],
) -> Result<(), ApiError> {
    let of = |kind: DocumentKind| issued.iter().find(|d| d.kind == kind);
    let attach = |kind: DocumentKind| {
        of(kind).map(|d| AttachmentRef { document_id: d.id.clone(), file_name: file_name(kind, &t.code) })
    };
    let letter_number = of(DocumentKind::NotificationLetter).and_then(|d| d.number.clone()).unwrap_or_default();
    let mut for_reporter: Vec<AttachmentRef> = attach(DocumentKind::Certificate).into_iter().collect();
    if reporter_may_have(DocumentKind::NotificationLetter, t.tlp) {
        for_reporter.extend(attach(DocumentKind::NotificationLetter));
    }
    let agency = &state.settings.site.agency_name;
    let public_url = &state.settings.public_url;
    // The platform's own monitoring found it: nobody to thank, nothing to send back.
    if ttis_shared::procedure::reporter_is_credited(t.channel) {
        let mail = templates::documents_to_reporter(agency, public_url, t, for_reporter.len() > 1);
        outbox::enqueue(
            txn,
            NewEmail {
                dedupe_key: Some(format!("delivery-reporter:{}:{letter_number}", t.code)),
                purpose: Some(DELIVERY),
                attachments: for_reporter,
                ..NewEmail::about(t.id, vec![t.reporter_email.clone()], mail)
            },
        )
        .await?;
    }
    let pse = match t.pse_id {
        Some(id) => pse::Entity::find_by_id(id).one(txn).await?,
        None => None,
    };
    let Some(pse) = pse else { return Ok(()) };
    let emails: Vec<String> = pse.emails.split(',').map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect();
    if emails.is_empty() {
        return Ok(());
    }
    let token = random_hex(24);
    acknowledgement::ActiveModel {
        ticket_id: Set(t.id),
        token_hash: Set(sha256_hex(&token)),
        created_at: Set(state.clock.now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let mail = templates::letter_to_pse(agency, public_url, t, &pse.head_title, &letter_number, &token);
    outbox::enqueue(
        txn,
        NewEmail {
            dedupe_key: Some(format!("delivery-pse:{}:{letter_number}", t.code)),
            purpose: Some(DELIVERY),
            attachments: attach(DocumentKind::NotificationLetter).into_iter().collect(),
            ..NewEmail::about(t.id, emails, mail)
        },
    )
    .await?;
    Ok(())
}

/// Closes an approved ticket once every message of step 9 is sent (called by the outbox worker).
pub async fn complete_if_delivered(db: &DatabaseConnection, clock: &Clock, ticket_id: i64) -> Result<(), ApiError> {
    let txn = db.begin().await?;
    // Lock the ticket (PostgreSQL), so two workers finishing the last two messages close it once.
    let Some(t) = ticket::Entity::find_by_id(ticket_id).lock_exclusive().one(&txn).await? else { return Ok(()) };
    if t.state != ReportState::Approved {
        return Ok(());
    }
    let rows = outbox_row::Entity::find()
        .filter(outbox_row::Column::TicketId.eq(ticket_id))
        .filter(outbox_row::Column::Purpose.eq(DELIVERY))
        .all(&txn)
        .await?;
    if rows.is_empty() || rows.iter().any(|r| r.status != OutboxStatus::Sent) {
        return Ok(());
    }
    let who = Actor { user_id: None, label: super::timeline::SYSTEM.into(), ip: None };
    let event = Some(TimelineEvent::Delivered);
    super::workflow::apply_with(&txn, clock, t, Action::Complete, &ProcActor::System, &who, None, event).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn deliveries_of<C: ConnectionTrait>(conn: &C, ticket_id: i64) -> Result<Vec<DeliveryItem>, ApiError> {
    let rows = outbox_row::Entity::find()
        .filter(outbox_row::Column::TicketId.eq(ticket_id))
        .order_by_asc(outbox_row::Column::Id)
        .all(conn)
        .await?;
    Ok(rows.iter().map(delivery_item).collect())
}

/// Messages that gave up, newest first, for the dashboard.
pub async fn failed(db: &DatabaseConnection) -> Result<Vec<FailedDelivery>, ApiError> {
    let rows = outbox_row::Entity::find()
        .filter(outbox_row::Column::Status.eq(OutboxStatus::Failed))
        .order_by_desc(outbox_row::Column::Id)
        .limit(100)
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().filter_map(|r| r.ticket_id).collect();
    let codes: BTreeMap<i64, String> = if ids.is_empty() {
        BTreeMap::new()
    } else {
        ticket::Entity::find()
            .filter(ticket::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|t| (t.id, t.code))
            .collect()
    };
    Ok(rows
        .iter()
        .map(|r| FailedDelivery {
            ticket_code: r.ticket_id.and_then(|id| codes.get(&id).cloned()),
            delivery: delivery_item(r),
        })
        .collect())
}

/// Staff send a message of a ticket again (after it failed, or to repeat it).
pub async fn resend(state: &AppState, who: &Actor, code: &str, id: i64) -> Result<(), ApiError> {
    let t = super::workflow::find_by_code(&state.db, &super::codes::TicketCode::parse(code)).await?;
    let txn = state.db.begin().await?;
    let row = outbox_row::Entity::find_by_id(id)
        .filter(outbox_row::Column::TicketId.eq(t.id))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    if matches!(row.status.as_str(), "pending" | "sending") {
        return Err(ApiError::WrongState);
    }
    let mut active: outbox_row::ActiveModel = row.into();
    active.status = Set(OutboxStatus::Pending);
    active.attempts = Set(0);
    active.next_attempt_at = Set(now());
    active.locked_until = Set(None);
    active.update(&txn).await?;
    audit::record(&txn, who, "delivery.resend", Some(format!("ticket:{code}")), json!({"outbox": id})).await?;
    txn.commit().await?;
    state.outbox_wake.notify_one();
    Ok(())
}

/// The acknowledgement row of a one-time token.
async fn by_token<C: ConnectionTrait>(conn: &C, token: &str) -> Result<acknowledgement::Model, ApiError> {
    acknowledgement::Entity::find()
        .filter(acknowledgement::Column::TokenHash.eq(sha256_hex(token.trim())))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

/// What a PSE's link is for (`POST /acknowledgements/lookup`), without using it.
pub async fn acknowledgement_link(state: &AppState, token: &str) -> Result<AcknowledgementLink, ApiError> {
    let row = by_token(&state.db, token).await?;
    let t = ticket::Entity::find_by_id(row.ticket_id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    let acknowledgement = match row.acknowledged_at {
        Some(_) => acknowledgement_of(&state.db, &t).await?,
        None => None,
    };
    Ok(AcknowledgementLink {
        ticket_code: t.code.clone(),
        letter_number: final_letter(&state.db, &t).await?.and_then(|l| l.number),
        personal_data: t.pdp_incident,
        pdp_due_at: t.pdp_due_at.filter(|_| t.pdp_incident),
        acknowledgement,
    })
}

/// The PSE confirms receipt with the one-time token from its email. For a personal-data
/// incident it also says when it notified the data subjects and the authority: with the
/// confirmation, or later with the same link while a date is missing.
pub async fn acknowledge(state: &AppState, req: &AcknowledgementRequest) -> Result<Acknowledgement, ApiError> {
    let txn = state.db.begin().await?;
    let row = by_token(&txn, &req.token).await?;
    let t = ticket::Entity::find_by_id(row.ticket_id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let at = state.clock.now();
    let name = req.name.as_ref().map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let note = req.note.as_ref().map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let who_label = name.clone().or(row.name.clone()).unwrap_or_else(|| super::timeline::PSE.into());
    let who = Actor { user_id: None, label: who_label, ip: None };
    if row.acknowledged_at.is_some() {
        // A used link: only the notification dates still missing of a PDP incident.
        let recorded =
            super::pdp::record_notices(&txn, t.clone(), req.subjects_notified_at, req.authority_notified_at, at, &who)
                .await?;
        if !recorded {
            return Err(ApiError::WrongState);
        }
        txn.commit().await?;
        // Read again: the answer carries the date just recorded.
        let t = ticket::Entity::find_by_id(t.id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
        return acknowledgement_of(&state.db, &t).await?.ok_or(ApiError::NotFound);
    }
    let mut active: acknowledgement::ActiveModel = row.into();
    active.acknowledged_at = Set(Some(at));
    active.fixed = Set(Some(req.fixed));
    active.name = Set(name.clone());
    active.note = Set(note.clone());
    active.update(&txn).await?;
    ticket::Entity::update_many()
        .col_expr(ticket::Column::PseAcknowledgedAt, Expr::value(at))
        .filter(ticket::Column::Id.eq(t.id))
        .exec(&txn)
        .await?;
    let event_row = ticket_event::ActiveModel {
        ticket_id: Set(t.id),
        at: Set(at),
        kind: Set(EventKind::Acknowledgement),
        actor_label: Set(who.label.clone()),
        body: Set(note.clone()),
        public: Set(false),
        ..Default::default()
    };
    let event = TimelineEvent::Acknowledged { fixed: req.fixed };
    super::timeline::with_event(event_row, Some(&event)).insert(&txn).await?;
    audit::record(&txn, &who, "ticket.acknowledge", Some(format!("ticket:{}", t.code)), json!({"fixed": req.fixed}))
        .await?;
    let t = ticket::Entity::find_by_id(t.id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    super::pdp::record_notices(&txn, t.clone(), req.subjects_notified_at, req.authority_notified_at, at, &who).await?;
    txn.commit().await?;
    let t = ticket::Entity::find_by_id(t.id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    acknowledgement_of(&state.db, &t).await?.ok_or(ApiError::NotFound)
}

/// The ticket's latest signed notification letter.
async fn final_letter<C: ConnectionTrait>(conn: &C, t: &ticket::Model) -> Result<Option<document::Model>, ApiError> {
    Ok(document::Entity::find()
        .filter(document::Column::TicketId.eq(t.id))
        .filter(document::Column::Kind.eq(DocumentKind::NotificationLetter.as_str()))
        .filter(document::Column::Status.eq(DocumentStatus::Final))
        .order_by_desc(document::Column::CreatedAt)
        .one(conn)
        .await?)
}

/// The ticket's confirmed acknowledgement, if any, with the PDP notification dates on record.
pub async fn acknowledgement_of<C: ConnectionTrait>(
    conn: &C,
    t: &ticket::Model,
) -> Result<Option<Acknowledgement>, ApiError> {
    let row = acknowledgement::Entity::find()
        .filter(acknowledgement::Column::TicketId.eq(t.id))
        .filter(acknowledgement::Column::AcknowledgedAt.is_not_null())
        .order_by_desc(acknowledgement::Column::Id)
        .one(conn)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let letter = final_letter(conn, t).await?;
    Ok(row.acknowledged_at.map(|acknowledged_at| Acknowledgement {
        ticket_code: t.code.clone(),
        letter_number: letter.and_then(|l| l.number),
        acknowledged_at,
        fixed: row.fixed.unwrap_or(false),
        name: row.name,
        note: row.note,
        subjects_notified_at: t.pdp_subjects_notified_at,
        authority_notified_at: t.pdp_authority_notified_at,
    }))
}

#[cfg(test)]
mod tests {
    use ttis_shared::dto::reports::Tlp;

    use super::*;

    #[test]
    fn the_letter_reaches_the_reporter_only_when_clear_or_green() {
        assert!(reporter_may_have(DocumentKind::Certificate, Tlp::Red));
        assert!(reporter_may_have(DocumentKind::NotificationLetter, Tlp::Green));
        assert!(reporter_may_have(DocumentKind::NotificationLetter, Tlp::Clear));
        assert!(!reporter_may_have(DocumentKind::NotificationLetter, Tlp::Amber));
        assert!(!reporter_may_have(DocumentKind::NotificationLetter, Tlp::AmberStrict));
        assert!(!reporter_may_have(DocumentKind::NotificationLetter, Tlp::Red));
        assert!(!reporter_may_have(DocumentKind::AnalysisReport, Tlp::Clear));
    }
}
