//! SOP steps 8-9: the Hall of Fame, sending the signed letter and certificate (to the reporter;
//! the letter to the PSE), closing the ticket once everything is delivered, the PSE's
//! acknowledgement, the reporter's own downloads, and webhooks for integrators.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use ttis_shared::dto::delivery::{
    Acknowledgement, AcknowledgementRequest, CertificateRef, DeliveryItem, FailedDelivery, HallOfFame,
    HallOfFameChange, HallOfFameDisplay, HallOfFameEntry, StepProgress, Webhook, WebhookCreated, WebhookEvent,
    WebhookInput,
};
use ttis_shared::dto::documents::DocumentKind;
use ttis_shared::dto::reports::Label;
use ttis_shared::dto::timeline::TimelineEvent;
use ttis_shared::procedure::{Action, Actor as ProcActor};
use ttis_shared::validation::Violation;
use ttis_shared::{Lang, ReportState, SopStep};

use super::audit::{self, Actor};
use super::crypto::{random_hex, sha256_hex};
use super::outbox::{self, AttachmentRef, DELIVERY, NewEmail};
use super::{now, reports};
use crate::entities::{acknowledgement, category, document, outbox as outbox_row, pse, ticket, ticket_event, webhook};
use crate::error::{ApiError, FieldIssue};
use crate::state::AppState;

fn file_name(kind: DocumentKind, code: &str) -> String {
    match kind {
        DocumentKind::NotificationLetter => format!("Surat-Pemberitahuan-Insiden-Siber-{code}.pdf"),
        DocumentKind::Certificate => format!("Sertifikat-Apresiasi-{code}.pdf"),
        DocumentKind::AnalysisReport => format!("Laporan-Hasil-Analisis-{code}.pdf"),
    }
}

/// TLP decides who receives what: the certificate is the reporter's; the letter is the PSE's,
/// and reaches the reporter only when its label allows sharing beyond the PSE (CLEAR or GREEN).
/// A TLP:AMBER, AMBER+STRICT or RED letter is for the PSE alone.
fn reporter_may_have(kind: DocumentKind, tlp: &str) -> bool {
    match kind {
        DocumentKind::Certificate => true,
        DocumentKind::NotificationLetter => tlp.eq_ignore_ascii_case("clear") || tlp.eq_ignore_ascii_case("green"),
        DocumentKind::AnalysisReport => false,
    }
}

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
    let of = |kind: DocumentKind| issued.iter().find(|d| d.kind == kind.as_str());
    let attach = |kind: DocumentKind| {
        of(kind).map(|d| AttachmentRef { document_id: d.id.clone(), file_name: file_name(kind, &t.code) })
    };
    let letter_number = of(DocumentKind::NotificationLetter).and_then(|d| d.number.clone()).unwrap_or_default();
    let mut for_reporter: Vec<AttachmentRef> = attach(DocumentKind::Certificate).into_iter().collect();
    if reporter_may_have(DocumentKind::NotificationLetter, &t.tlp) {
        for_reporter.extend(attach(DocumentKind::NotificationLetter));
    }
    let agency = &state.settings.site.agency_name;
    outbox::enqueue(
        txn,
        NewEmail {
            to: vec![t.reporter_email.clone()],
            subject: format!("[{}] Terima kasih atas laporan Anda / Thank you for your report", t.code),
            body: format!(
                "Yth. {name},\n\nTerima kasih atas laporan Anda. Laporan dengan kode tiket {code} telah diverifikasi \
                 dan diteruskan kepada penyelenggara sistem elektronik yang terdampak, dan Anda dicantumkan di Hall of \
                 Fame sesuai pilihan Anda.\n\
                 Terlampir Sertifikat Apresiasi{letter} yang telah ditandatangani secara elektronik; keasliannya dapat \
                 diperiksa melalui kode QR pada dokumen.{withheld}\n\n\
                 Dear {name},\n\nThank you for your report. Your report (ticket {code}) has been verified and passed on \
                 to the operator of the affected system, and you are listed in the Hall of Fame as you chose. Your \
                 electronically signed certificate of appreciation{letter_en} attached; the QR code on each document \
                 leads to the page that verifies it.{withheld_en}\n\n{url}/track\n\nTim Tanggap Insiden Siber (TTIS)\n{agency}\n",
                name = t.reporter_name,
                code = t.code,
                letter = if for_reporter.len() > 1 { " dan Surat Pemberitahuan Insiden Siber" } else { "" },
                letter_en = if for_reporter.len() > 1 { " and the notification letter are" } else { " is" },
                withheld = if for_reporter.len() > 1 {
                    String::new()
                } else {
                    format!(
                        " Surat Pemberitahuan Insiden Siber kepada penyelenggara sistem berlabel TLP:{} sehingga hanya \
                         dikirimkan kepada penyelenggara tersebut.",
                        t.tlp.to_uppercase()
                    )
                },
                withheld_en = if for_reporter.len() > 1 {
                    String::new()
                } else {
                    format!(
                        " The notification letter to the system's operator is labelled TLP:{}, so it goes to the \
                         operator only.",
                        t.tlp.to_uppercase()
                    )
                },
                url = state.settings.public_url,
            ),
            dedupe_key: Some(format!("delivery-reporter:{}:{letter_number}", t.code)),
            ticket_id: Some(t.id),
            purpose: Some(DELIVERY),
            attachments: for_reporter,
        },
    )
    .await?;
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
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    outbox::enqueue(
        txn,
        NewEmail {
            to: emails,
            subject: format!("[{}] Surat Pemberitahuan Insiden Siber {letter_number}", t.code),
            body: format!(
                "Yth. {head},\n\nTerlampir Surat Pemberitahuan Insiden Siber nomor {letter_number} (TLP:{tlp}) mengenai \
                 sistem elektronik yang Saudara kelola. Mohon rekomendasi di dalamnya segera ditindaklanjuti.\n\n\
                 Mohon konfirmasikan penerimaan surat ini, serta perbaikannya bila sudah dilakukan, melalui tautan \
                 sekali pakai berikut:\n\
                 {url}/acknowledge#{token}\n\nTim Tanggap Insiden Siber (TTIS)\n{agency}\n",
                head = pse.head_title,
                tlp = t.tlp.to_uppercase(),
                url = state.settings.public_url,
            ),
            dedupe_key: Some(format!("delivery-pse:{}:{letter_number}", t.code)),
            ticket_id: Some(t.id),
            purpose: Some(DELIVERY),
            attachments: attach(DocumentKind::NotificationLetter).into_iter().collect(),
        },
    )
    .await?;
    Ok(())
}

/// Closes an approved ticket once every message of step 9 is sent (called by the outbox worker).
pub async fn complete_if_delivered(db: &DatabaseConnection, ticket_id: i64) -> Result<(), ApiError> {
    let txn = db.begin().await?;
    // Lock the ticket (PostgreSQL), so two workers finishing the last two messages close it once.
    let Some(t) = ticket::Entity::find_by_id(ticket_id).lock_exclusive().one(&txn).await? else { return Ok(()) };
    if t.state != ReportState::Approved.as_str() {
        return Ok(());
    }
    let rows = outbox_row::Entity::find()
        .filter(outbox_row::Column::TicketId.eq(ticket_id))
        .filter(outbox_row::Column::Purpose.eq(DELIVERY))
        .all(&txn)
        .await?;
    if rows.is_empty() || rows.iter().any(|r| r.status != "sent") {
        return Ok(());
    }
    let who = Actor { user_id: None, label: super::timeline::SYSTEM.into(), ip: None };
    let event = Some(TimelineEvent::Delivered);
    super::tickets::apply_with(&txn, t, Action::Complete, &ProcActor::System, &who, None, event).await?;
    txn.commit().await?;
    Ok(())
}

pub fn delivery_item(r: &outbox_row::Model) -> DeliveryItem {
    let attachments: Vec<AttachmentRef> =
        r.attachments.as_deref().and_then(|a| serde_json::from_str(a).ok()).unwrap_or_default();
    DeliveryItem {
        id: r.id,
        channel: r.kind.clone(),
        purpose: r.purpose.clone(),
        to: r.to_addrs.split(',').map(str::to_string).collect(),
        subject: r.subject.clone(),
        status: r.status.clone(),
        attempts: r.attempts,
        last_error: r.last_error.clone(),
        attachments: attachments.into_iter().map(|a| a.file_name).collect(),
        created_at: r.created_at,
        sent_at: r.sent_at,
        next_attempt_at: r.next_attempt_at,
    }
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
        .filter(outbox_row::Column::Status.eq("failed"))
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
    let t = super::tickets::find_by_code(&state.db, code).await?;
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
    active.status = Set("pending".into());
    active.attempts = Set(0);
    active.next_attempt_at = Set(now());
    active.locked_until = Set(None);
    active.update(&txn).await?;
    audit::record(&txn, who, "delivery.resend", Some(format!("ticket:{code}")), json!({"outbox": id})).await?;
    txn.commit().await?;
    state.outbox_wake.notify_one();
    Ok(())
}

/// The PSE confirms receipt with the one-time token from its email.
pub async fn acknowledge(state: &AppState, req: &AcknowledgementRequest) -> Result<Acknowledgement, ApiError> {
    let txn = state.db.begin().await?;
    let row = acknowledgement::Entity::find()
        .filter(acknowledgement::Column::TokenHash.eq(sha256_hex(req.token.trim())))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    if row.acknowledged_at.is_some() {
        return Err(ApiError::WrongState);
    }
    let t = ticket::Entity::find_by_id(row.ticket_id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let at = now();
    let name = req.name.as_ref().map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let note = req.note.as_ref().map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
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
    let row = ticket_event::ActiveModel {
        ticket_id: Set(t.id),
        at: Set(at),
        kind: Set("acknowledgement".into()),
        actor_label: Set(name.clone().unwrap_or_else(|| super::timeline::PSE.into())),
        body: Set(note.clone()),
        public: Set(false),
        ..Default::default()
    };
    let event = TimelineEvent::Acknowledged { fixed: req.fixed };
    super::timeline::with_event(row, Some(&event)).insert(&txn).await?;
    let who = Actor { user_id: None, label: name.clone().unwrap_or_else(|| super::timeline::PSE.into()), ip: None };
    audit::record(&txn, &who, "ticket.acknowledge", Some(format!("ticket:{}", t.code)), json!({"fixed": req.fixed}))
        .await?;
    txn.commit().await?;
    acknowledgement_of(&state.db, &t).await?.ok_or(ApiError::NotFound)
}

/// The ticket's confirmed acknowledgement, if any.
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
    let letter = document::Entity::find()
        .filter(document::Column::TicketId.eq(t.id))
        .filter(document::Column::Kind.eq(DocumentKind::NotificationLetter.as_str()))
        .filter(document::Column::Status.eq("final"))
        .order_by_desc(document::Column::CreatedAt)
        .one(conn)
        .await?;
    Ok(row.and_then(|r| {
        Some(Acknowledgement {
            ticket_code: t.code.clone(),
            letter_number: letter.and_then(|l| l.number),
            acknowledged_at: r.acknowledged_at?,
            fixed: r.fixed.unwrap_or(false),
            name: r.name,
            note: r.note,
        })
    }))
}

/// A signed document of the reporter's own ticket, with its code and key.
pub async fn reporter_document(
    state: &AppState,
    code: &str,
    key: &str,
    kind: DocumentKind,
) -> Result<(document::Model, std::path::PathBuf), ApiError> {
    let t = reports::check_key(&state.db, code, key).await?;
    if !reporter_may_have(kind, &t.tlp) {
        return Err(ApiError::NotFound);
    }
    let doc = document::Entity::find()
        .filter(document::Column::TicketId.eq(t.id))
        .filter(document::Column::Kind.eq(kind.as_str()))
        .filter(document::Column::Status.eq("final"))
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
    let docs = super::letters::approved(conn, t.id).await?;
    let mut kinds = Vec::new();
    for kind in [DocumentKind::Certificate, DocumentKind::NotificationLetter] {
        if reporter_may_have(kind, &t.tlp) && docs.iter().any(|d| d.kind == kind.as_str() && d.revoked_at.is_none()) {
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

pub fn display_of(t: &ticket::Model) -> HallOfFameDisplay {
    match t.hall_of_fame.as_str() {
        "real_name" => HallOfFameDisplay::RealName,
        "alias" => HallOfFameDisplay::Alias,
        "hidden" => HallOfFameDisplay::Hidden,
        _ => HallOfFameDisplay::Anonymous,
    }
}

/// The reporter changes how the ticket appears on the Hall of Fame, at once.
pub async fn change_display(state: &AppState, req: &HallOfFameChange) -> Result<HallOfFameDisplay, ApiError> {
    let t = reports::check_key(&state.db, &req.ticket_code, &req.access_key).await?;
    let alias = req.alias.as_ref().map(|a| a.trim().to_string()).filter(|a| !a.is_empty());
    if req.choice == HallOfFameDisplay::Alias && alias.is_none() {
        return Err(ApiError::Validation(vec![FieldIssue {
            field: "alias".into(),
            violation: Violation::AliasRequired,
        }]));
    }
    let value = match req.choice {
        HallOfFameDisplay::RealName => "real_name",
        HallOfFameDisplay::Alias => "alias",
        HallOfFameDisplay::Anonymous => "anonymous",
        HallOfFameDisplay::Hidden => "hidden",
    };
    let txn = state.db.begin().await?;
    let code = t.code.clone();
    let mut active: ticket::ActiveModel = t.into();
    active.hall_of_fame = Set(value.into());
    if req.choice == HallOfFameDisplay::Alias {
        active.hall_of_fame_alias = Set(alias);
    }
    active.updated_at = Set(now());
    active.update(&txn).await?;
    let who = Actor { user_id: None, label: "reporter".into(), ip: None };
    audit::record(&txn, &who, "hall_of_fame.change", Some(format!("ticket:{code}")), json!({"choice": value})).await?;
    txn.commit().await?;
    Ok(req.choice)
}

/// The public Hall of Fame: reporters of approved reports as they chose to be shown, grouped so
/// that an alias is never tied to a real name (one entry per reporter and display).
pub async fn hall_of_fame(db: &DatabaseConnection, year: Option<i32>) -> Result<HallOfFame, ApiError> {
    let tickets = ticket::Entity::find()
        .filter(ticket::Column::State.is_in([ReportState::Approved.as_str(), ReportState::Completed.as_str()]))
        .filter(ticket::Column::HallOfFame.ne("hidden"))
        .all(db)
        .await?;
    let ids: Vec<i64> = tickets.iter().map(|t| t.id).collect();
    let certificates = if ids.is_empty() {
        Vec::new()
    } else {
        document::Entity::find()
            .filter(document::Column::TicketId.is_in(ids))
            .filter(document::Column::Kind.eq(DocumentKind::Certificate.as_str()))
            .filter(document::Column::Status.eq("final"))
            .filter(document::Column::RevokedAt.is_null())
            .all(db)
            .await?
    };
    let labels: BTreeMap<String, String> =
        category::Entity::find().all(db).await?.into_iter().map(|c| (c.code, c.label_id)).collect();
    let labels_en: BTreeMap<String, String> =
        category::Entity::find().all(db).await?.into_iter().map(|c| (c.code, c.label_en)).collect();
    let offset = reports::local_offset();
    let mut years = std::collections::BTreeSet::new();
    // (email, display) -> entry
    let mut groups: BTreeMap<(String, String), HallOfFameEntry> = BTreeMap::new();
    for t in &tickets {
        let Some(cert) = certificates.iter().find(|c| c.ticket_id == t.id) else { continue };
        let approved = cert.signed_at.unwrap_or(cert.created_at).with_timezone(&offset).date_naive();
        years.insert(approved.year());
        if year.is_some_and(|y| y != approved.year()) {
            continue;
        }
        let (display_name, anonymous) = match (t.hall_of_fame.as_str(), &t.hall_of_fame_alias) {
            ("real_name", _) => (t.reporter_name.clone(), false),
            ("alias", Some(a)) if !a.trim().is_empty() => (a.trim().to_string(), false),
            _ => ("Anonim".to_string(), true),
        };
        let entry = groups.entry((t.reporter_email.clone(), display_name.clone())).or_insert_with(|| HallOfFameEntry {
            display_name,
            anonymous,
            reports: 0,
            categories: Vec::new(),
            latest: approved,
            certificates: Vec::new(),
        });
        entry.reports += 1;
        entry.latest = entry.latest.max(approved);
        let label = Label {
            id: labels.get(&t.category_code).cloned().unwrap_or_else(|| t.category_code.clone()),
            en: labels_en.get(&t.category_code).cloned().unwrap_or_else(|| t.category_code.clone()),
        };
        if !entry.categories.contains(&label) {
            entry.categories.push(label);
        }
        if let Some(number) = &cert.number {
            entry.certificates.push(CertificateRef { number: number.clone(), document_id: cert.id.clone() });
        }
    }
    let mut entries: Vec<HallOfFameEntry> = groups.into_values().collect();
    entries.sort_by(|a, b| {
        b.reports.cmp(&a.reports).then(b.latest.cmp(&a.latest)).then(a.display_name.cmp(&b.display_name))
    });
    Ok(HallOfFame { year, years: years.into_iter().rev().collect(), entries })
}

fn webhook_view(w: &webhook::Model) -> Webhook {
    Webhook {
        id: w.id,
        url: w.url.clone(),
        events: w.events.split(',').filter_map(WebhookEvent::parse).collect(),
        active: w.active,
        created_at: w.created_at,
    }
}

pub async fn list_webhooks(db: &DatabaseConnection) -> Result<Vec<Webhook>, ApiError> {
    Ok(webhook::Entity::find().order_by_asc(webhook::Column::Id).all(db).await?.iter().map(webhook_view).collect())
}

pub async fn create_webhook(
    db: &DatabaseConnection,
    who: &Actor,
    input: &WebhookInput,
) -> Result<WebhookCreated, ApiError> {
    let secret = random_hex(32);
    let mut events: Vec<&str> = input.events.iter().map(|e| e.as_str()).collect();
    events.sort_unstable();
    events.dedup();
    let txn = db.begin().await?;
    let row = webhook::ActiveModel {
        url: Set(input.url.trim().to_string()),
        events: Set(events.join(",")),
        secret: Set(secret.clone()),
        active: Set(true),
        created_by: Set(who.user_id),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        who,
        "webhook.create",
        Some(format!("webhook:{}", row.id)),
        json!({"url": row.url, "events": events}),
    )
    .await?;
    txn.commit().await?;
    Ok(WebhookCreated { webhook: webhook_view(&row), secret })
}

pub async fn delete_webhook(db: &DatabaseConnection, who: &Actor, id: i64) -> Result<(), ApiError> {
    let txn = db.begin().await?;
    let row = webhook::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    webhook::Entity::delete_by_id(row.id).exec(&txn).await?;
    audit::record(&txn, who, "webhook.delete", Some(format!("webhook:{id}")), json!({"url": row.url})).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn webhook_deliveries(db: &DatabaseConnection, id: i64) -> Result<Vec<DeliveryItem>, ApiError> {
    webhook::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let rows = outbox_row::Entity::find()
        .filter(outbox_row::Column::WebhookId.eq(id))
        .order_by_desc(outbox_row::Column::Id)
        .limit(200)
        .all(db)
        .await?;
    Ok(rows.iter().map(delivery_item).collect())
}

/// Queues `event` for every active webhook that subscribed to it, in the caller's transaction.
/// The payload names the ticket, never the reporter.
pub async fn emit<C: ConnectionTrait>(
    conn: &C,
    event: WebhookEvent,
    t: &ticket::Model,
    data: serde_json::Value,
) -> Result<(), ApiError> {
    let hooks = webhook::Entity::find().filter(webhook::Column::Active.eq(true)).all(conn).await?;
    for hook in hooks.iter().filter(|h| h.events.split(',').any(|e| e == event.as_str())) {
        let body = json!({
            "event": event.as_str(),
            "occurred_at": now(),
            "ticket": {"code": t.code, "state": t.state, "category": t.category_code, "tlp": t.tlp},
            "data": data,
        });
        outbox::enqueue_webhook(conn, hook, event.as_str(), body.to_string(), Some(t.id)).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_reaches_the_reporter_only_when_clear_or_green() {
        assert!(reporter_may_have(DocumentKind::Certificate, "red"));
        assert!(reporter_may_have(DocumentKind::NotificationLetter, "green"));
        assert!(reporter_may_have(DocumentKind::NotificationLetter, "CLEAR"));
        assert!(!reporter_may_have(DocumentKind::NotificationLetter, "amber"));
        assert!(!reporter_may_have(DocumentKind::NotificationLetter, "amber+strict"));
        assert!(!reporter_may_have(DocumentKind::NotificationLetter, "RED"));
        assert!(!reporter_may_have(DocumentKind::AnalysisReport, "clear"));
    }
}
