//! Data protection: the security policy row, the retention job that erases closed tickets'
//! reporter data (the statistics keep what they count), and everything held about one reporter
//! for a data subject's request (UU PDP 27/2022).

use std::time::Duration;

use chrono::{DateTime, Duration as ChronoDuration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;
use ttis_shared::ReportState;
use ttis_shared::dto::delivery::HallOfFameDisplay;
use ttis_shared::dto::security::{
    ReporterData, ReporterEmailData, ReporterEvidenceData, ReporterMessageData, ReporterTicketData, RetentionRun,
    SecurityPolicy,
};
use ttis_shared::validation::normalize_email;

use super::audit::{self, Actor};
use super::now;
use crate::entities::outbox::OutboxStatus;
use crate::entities::ticket_event::EventKind;
use crate::entities::{evidence, outbox, security_settings, ticket, ticket_event};
use crate::error::ApiError;
use crate::state::AppState;

/// What replaces erased text.
pub const ERASED: &str = "[dihapus]";
const POLICY_ROW: i32 = 1;

pub fn defaults() -> SecurityPolicy {
    SecurityPolicy { require_totp_for_privileged: false, retention_days: None }
}

pub async fn policy<C: sea_orm::ConnectionTrait>(conn: &C) -> Result<SecurityPolicy, ApiError> {
    Ok(match security_settings::Entity::find_by_id(POLICY_ROW).one(conn).await? {
        Some(row) => SecurityPolicy {
            require_totp_for_privileged: row.require_totp_for_privileged,
            retention_days: row.retention_days.and_then(|d| u32::try_from(d).ok()),
        },
        None => defaults(),
    })
}

pub async fn update_policy(
    db: &DatabaseConnection,
    actor: &Actor,
    new: SecurityPolicy,
) -> Result<SecurityPolicy, ApiError> {
    let txn = db.begin().await?;
    let old = policy(&txn).await?;
    let row = security_settings::ActiveModel {
        id: Set(POLICY_ROW),
        require_totp_for_privileged: Set(new.require_totp_for_privileged),
        retention_days: Set(new.retention_days.and_then(|d| i32::try_from(d).ok())),
        updated_at: Set(now()),
    };
    if security_settings::Entity::find_by_id(POLICY_ROW).one(&txn).await?.is_some() {
        row.update(&txn).await?;
    } else {
        row.insert(&txn).await?;
    }
    audit::record(
        &txn,
        actor,
        "security.policy_update",
        Some("security_policy".into()),
        json!({ "before": old, "after": new }),
    )
    .await?;
    txn.commit().await?;
    Ok(new)
}

/// Erases the reporter data of every closed ticket older than the retention period: name, email,
/// phone and organisation, the real name on the Hall of Fame (an alias stays), evidence files,
/// and the texts of messages with the reporter and of emails to them. Category, severity,
/// reporter type, PSE, dates, SOP step times and outcome stay, so the statistics do not change.
/// Signed letters and certificates are archives and stay as issued.
pub async fn run_retention(state: &AppState, actor: &Actor) -> Result<RetentionRun, ApiError> {
    let Some(days) = policy(&state.db).await?.retention_days else {
        return Ok(RetentionRun { anonymized: 0, codes: vec![], files_removed: 0, cutoff: None });
    };
    let cutoff = state.clock.now() - ChronoDuration::days(i64::from(days));
    let expired = ticket::Entity::find()
        .filter(ticket::Column::State.is_in([ReportState::Completed, ReportState::Rejected]))
        .filter(ticket::Column::AnonymizedAt.is_null())
        .filter(ticket::Column::StateEnteredAt.lt(cutoff))
        .order_by_asc(ticket::Column::Id)
        .all(&state.db)
        .await?;
    let mut run = RetentionRun { anonymized: 0, codes: vec![], files_removed: 0, cutoff: Some(cutoff) };
    for t in expired {
        let (code, keys) = match erase_ticket(&state.db, state.clock.now(), actor, t, days).await? {
            Some(done) => done,
            None => continue, // another process got there first
        };
        // The rows are gone in the committed transaction; the files follow (a failure leaves an
        // orphan file that no row names, logged for the operator).
        for key in keys {
            match state.evidence.delete(&key).await {
                Ok(()) => run.files_removed += 1,
                Err(e) => tracing::warn!(error = %e, key, "retention: evidence file not removed"),
            }
        }
        run.anonymized += 1;
        run.codes.push(code);
    }
    Ok(run)
}

async fn erase_ticket(
    db: &DatabaseConnection,
    at: DateTime<Utc>,
    actor: &Actor,
    t: ticket::Model,
    days: u32,
) -> Result<Option<(String, Vec<String>)>, ApiError> {
    let txn = db.begin().await?;
    // Claim: only the process whose update matched erases (replicas may run the job at once).
    let claimed = ticket::Entity::update_many()
        .col_expr(ticket::Column::AnonymizedAt, Expr::value(at))
        .filter(ticket::Column::Id.eq(t.id))
        .filter(ticket::Column::AnonymizedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        txn.rollback().await?;
        return Ok(None);
    }
    let email = t.reporter_email.clone();
    let code = t.code.clone();
    let files = evidence::Entity::find().filter(evidence::Column::TicketId.eq(t.id)).all(&txn).await?;
    let keys: Vec<String> = files.iter().map(|f| f.storage_key.clone()).collect();
    evidence::Entity::delete_many().filter(evidence::Column::TicketId.eq(t.id)).exec(&txn).await?;
    ticket_event::Entity::update_many()
        .col_expr(ticket_event::Column::Body, Expr::value(ERASED))
        .filter(ticket_event::Column::TicketId.eq(t.id))
        .filter(exchanged_with_reporter())
        .exec(&txn)
        .await?;
    if !email.is_empty() {
        outbox::Entity::update_many()
            .col_expr(outbox::Column::ToAddrs, Expr::value(ERASED))
            .col_expr(outbox::Column::Body, Expr::value(""))
            .col_expr(outbox::Column::Attachments, Expr::value(Option::<String>::None))
            .filter(outbox::Column::TicketId.eq(t.id))
            .filter(outbox::Column::ToAddrs.eq(email.as_str()))
            .filter(outbox::Column::Status.is_in(["sent", "failed"]))
            .exec(&txn)
            .await?;
    }
    let hall_of_fame =
        if t.hall_of_fame == HallOfFameDisplay::RealName { HallOfFameDisplay::Anonymous } else { t.hall_of_fame };
    let search = ticket::search_text(&t.code, &t.title, &t.affected_asset, "", "");
    let mut active = t.into_active_model();
    active.reporter_name = Set(ERASED.into());
    active.reporter_email = Set(String::new());
    active.reporter_phone = Set(None);
    active.reporter_organization = Set(None);
    active.hall_of_fame = Set(hall_of_fame);
    active.email_access_key = Set(false);
    active.search_text = Set(Some(search));
    active.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "ticket.personal_data_erased",
        Some(format!("ticket:{code}")),
        json!({ "retention_days": days, "evidence_files": keys.len() }),
    )
    .await?;
    txn.commit().await?;
    Ok(Some((code, keys)))
}

/// Timeline entries with text the reporter wrote or was sent: their replies, and every public
/// entry with a text (messages, questions, the reason of a rejection).
fn exchanged_with_reporter() -> sea_orm::Condition {
    sea_orm::Condition::all().add(ticket_event::Column::Body.is_not_null()).add(
        sea_orm::Condition::any()
            .add(ticket_event::Column::Kind.eq(EventKind::Reply))
            .add(ticket_event::Column::Public.eq(true)),
    )
}

/// Runs the retention job every `interval` in the background (each replica may; a ticket is
/// erased once).
pub fn spawn_retention(state: actix_web::web::Data<AppState>, interval: Duration) {
    if interval.is_zero() {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match run_retention(&state, &Actor::system()).await {
                Ok(run) if run.anonymized > 0 => tracing::info!(tickets = run.anonymized, "retention: erased"),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e.log_chain(), "retention job failed"),
            }
        }
    });
}

/// Everything held about the reporter with this email, for a data subject's request. Audited.
pub async fn reporter_data(db: &DatabaseConnection, actor: &Actor, email: &str) -> Result<ReporterData, ApiError> {
    let email = normalize_email(email);
    let tickets = ticket::Entity::find()
        .filter(ticket::Column::ReporterEmail.eq(email.as_str()))
        .order_by_asc(ticket::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(tickets.len());
    for t in tickets {
        let files = evidence::Entity::find()
            .filter(evidence::Column::TicketId.eq(t.id))
            .filter(evidence::Column::UploadedBy.eq("reporter"))
            .order_by_asc(evidence::Column::Id)
            .all(db)
            .await?;
        let events = ticket_event::Entity::find()
            .filter(ticket_event::Column::TicketId.eq(t.id))
            .filter(exchanged_with_reporter())
            .order_by_asc(ticket_event::Column::Id)
            .all(db)
            .await?;
        let emails = outbox::Entity::find()
            .filter(outbox::Column::TicketId.eq(t.id))
            .filter(outbox::Column::Kind.eq("email"))
            .filter(outbox::Column::ToAddrs.eq(email.as_str()))
            .order_by_asc(outbox::Column::Id)
            .all(db)
            .await?;
        out.push(ReporterTicketData {
            state: t.state,
            code: t.code,
            submitted_at: t.submitted_at,
            reporter_name: t.reporter_name,
            reporter_email: t.reporter_email,
            reporter_phone: t.reporter_phone,
            reporter_organization: t.reporter_organization,
            reporter_type: t.reporter_type.as_str().into(),
            hall_of_fame: t.hall_of_fame.as_str().into(),
            hall_of_fame_alias: t.hall_of_fame_alias,
            title: t.title,
            affected_asset: t.affected_asset,
            description: t.description,
            steps_to_reproduce: t.steps_to_reproduce,
            impact: t.impact,
            evidence: files
                .into_iter()
                .map(|f| ReporterEvidenceData {
                    filename: f.file_name,
                    content_type: f.content_type,
                    size: f.size,
                    sha256: f.sha256,
                    uploaded_at: f.uploaded_at,
                })
                .collect(),
            messages: events
                .into_iter()
                .map(|e| ReporterMessageData {
                    at: e.at,
                    from: if e.kind == EventKind::Reply { "reporter".into() } else { "staff".into() },
                    body: e.body.unwrap_or_default(),
                })
                .collect(),
            emails: emails
                .into_iter()
                .map(|m| ReporterEmailData {
                    created_at: m.created_at,
                    subject: m.subject,
                    status: if m.status == OutboxStatus::Sending { "pending".into() } else { m.status.as_str().into() },
                    sent_at: m.sent_at,
                })
                .collect(),
            anonymized_at: t.anonymized_at,
        });
    }
    let txn = db.begin().await?;
    audit::record(
        &txn,
        actor,
        "reporter.data_export",
        Some(format!("reporter:{}", super::crypto::sha256_hex(&email).get(..16).unwrap_or_default())),
        json!({ "tickets": out.len() }),
    )
    .await?;
    txn.commit().await?;
    Ok(ReporterData { email, generated_at: now(), tickets: out })
}
