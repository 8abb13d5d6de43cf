//! The outbox: notifications are rows written in the same transaction as the event that causes
//! them, so nothing is lost on a crash; a worker claims due rows, sends them, and records the
//! outcome, retrying with exponential backoff. Claims use `FOR UPDATE SKIP LOCKED` on PostgreSQL,
//! so several API processes never send the same row; SQLite has a single writer anyway. A claim
//! expires (`locked_until`), so the rows of a worker that died are sent by the next one.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Duration as ChronoDuration;
use hmac::{Hmac, Mac};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, Set, Statement, Value,
};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use tokio::sync::Notify;
use ttis_shared::dto::delivery::DeliveryItem;

use super::now;
use super::storage::EvidenceStore;
use crate::entities::outbox as outbox_row;
use crate::entities::outbox::OutboxKind;
use crate::entities::outbox::OutboxStatus;
use crate::entities::{document, outbox, outbox_attempt, webhook};
use crate::notify::{Attachment, Mailer, OutgoingEmail};

pub const MAX_ATTEMPTS: i32 = 8;
const BATCH: i64 = 10;
/// How long a claim holds before another worker may take the row (a worker that died).
pub const DEFAULT_LEASE: Duration = Duration::from_secs(300);
/// `outbox.purpose` of the messages of SOP step 9: the ticket completes when all are sent.
pub const DELIVERY: &str = "delivery";

/// A document to attach to an email, read from the store when it is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentRef {
    pub document_id: String,
    pub file_name: String,
}

#[derive(Debug, Default)]
pub struct NewEmail {
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
    /// A key that makes queuing the same message twice a no-op.
    pub dedupe_key: Option<String>,
    pub ticket_id: Option<i64>,
    /// `delivery` for SOP step 9.
    pub purpose: Option<&'static str>,
    pub attachments: Vec<AttachmentRef>,
}

impl NewEmail {
    /// A notification (words from `notify::templates`) to `to` about ticket `ticket_id`; set the
    /// dedupe key, purpose and attachments with struct update where a message needs them.
    pub fn about(ticket_id: i64, to: Vec<String>, mail: crate::notify::templates::Rendered) -> NewEmail {
        NewEmail { to, subject: mail.subject, body: mail.body, ticket_id: Some(ticket_id), ..Default::default() }
    }
}

/// Queues an email in the caller's transaction; returns the row's id (none without recipients).
pub async fn enqueue<C: ConnectionTrait>(conn: &C, email: NewEmail) -> Result<Option<i64>, DbErr> {
    if email.to.is_empty() {
        return Ok(None);
    }
    let row = row_of(email)?.insert(conn).await?;
    Ok(Some(row.id))
}

/// Queues several emails in one statement, in the caller's transaction (those without
/// recipients are dropped).
pub async fn enqueue_many<C: ConnectionTrait>(conn: &C, emails: Vec<NewEmail>) -> Result<(), DbErr> {
    let rows = emails.into_iter().filter(|e| !e.to.is_empty()).map(row_of).collect::<Result<Vec<_>, _>>()?;
    if rows.is_empty() {
        return Ok(());
    }
    outbox::Entity::insert_many(rows).exec_without_returning(conn).await?;
    Ok(())
}

fn row_of(email: NewEmail) -> Result<outbox::ActiveModel, DbErr> {
    let at = now();
    let attachments = if email.attachments.is_empty() {
        None
    } else {
        Some(serde_json::to_string(&email.attachments).map_err(|e| DbErr::Custom(e.to_string()))?)
    };
    Ok(outbox::ActiveModel {
        kind: Set(OutboxKind::Email),
        to_addrs: Set(email.to.join(",")),
        subject: Set(email.subject.chars().take(300).collect()),
        body: Set(email.body),
        dedupe_key: Set(email.dedupe_key),
        ticket_id: Set(email.ticket_id),
        status: Set(OutboxStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(at),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(at),
        sent_at: Set(None),
        purpose: Set(email.purpose.map(str::to_string)),
        attachments: Set(attachments),
        webhook_id: Set(None),
        ..Default::default()
    })
}

/// Queues a webhook call in the caller's transaction.
pub async fn enqueue_webhook<C: ConnectionTrait>(
    conn: &C,
    hook: &webhook::Model,
    event: &str,
    body: String,
    ticket_id: Option<i64>,
) -> Result<(), DbErr> {
    let at = now();
    outbox::ActiveModel {
        kind: Set(OutboxKind::Webhook),
        to_addrs: Set(hook.url.clone()),
        subject: Set(event.to_string()),
        body: Set(body),
        dedupe_key: Set(None),
        ticket_id: Set(ticket_id),
        status: Set(OutboxStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(at),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(at),
        sent_at: Set(None),
        purpose: Set(None),
        attachments: Set(None),
        webhook_id: Set(Some(hook.id)),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Wait before attempt `attempts + 1`: `base`, then doubling, at most an hour.
pub fn backoff(attempts: i32, base: Duration) -> ChronoDuration {
    let exp = attempts.clamp(1, 8) - 1;
    let base = i64::try_from(base.as_secs()).unwrap_or(30).max(1);
    ChronoDuration::seconds((base << exp).min(3600))
}

async fn claim(db: &DatabaseConnection, lease: Duration) -> Result<Vec<i64>, DbErr> {
    let at = now();
    let lease = at + ChronoDuration::seconds(i64::try_from(lease.as_secs()).unwrap_or(300));
    let backend = db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => format!(
            "UPDATE outbox SET status = 'sending', locked_until = $1, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM outbox \
               WHERE (status = 'pending' AND next_attempt_at <= $2) OR (status = 'sending' AND locked_until < $2) \
               ORDER BY id LIMIT {BATCH} FOR UPDATE SKIP LOCKED) \
             RETURNING id"
        ),
        _ => format!(
            "UPDATE outbox SET status = 'sending', locked_until = ?1, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM outbox \
               WHERE (status = 'pending' AND next_attempt_at <= ?2) OR (status = 'sending' AND locked_until < ?2) \
               ORDER BY id LIMIT {BATCH}) \
             RETURNING id"
        ),
    };
    let rows =
        db.query_all(Statement::from_sql_and_values(backend, sql, [Value::from(lease), Value::from(at)])).await?;
    rows.iter().map(|r| r.try_get::<i64>("", "id")).collect()
}

/// Sends what the outbox holds: emails through the mailer, webhooks over HTTP.
#[derive(Clone)]
pub struct Worker {
    pub db: DatabaseConnection,
    pub mailer: Arc<dyn Mailer>,
    pub evidence: Arc<dyn EvidenceStore>,
    /// The first retry's wait; each next one doubles.
    pub retry_base: Duration,
    /// How long a claim holds.
    pub lease: Duration,
    pub http: reqwest::Client,
    /// Where webhook calls may go (checked again at each call: an IP literal skips the resolver).
    pub egress: Arc<super::egress::AddressGuard>,
    /// Told the ticket of each delivery message that was sent (the domain closes a ticket whose
    /// documents have all gone out); given at start-up so that the outbox knows no procedure.
    pub on_delivered: Option<DeliveredHook>,
}

/// What the worker calls with a ticket id after sending one of its delivery messages.
pub type DeliveredHook =
    Arc<dyn Fn(DatabaseConnection, i64) -> super::storage::BoxFuture<'static, anyhow::Result<()>> + Send + Sync>;

/// `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
pub fn signature_header(secret: &str, unix: i64, body: &str) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    mac.update(format!("{unix}.{body}").as_bytes());
    format!("t={unix},v1={}", hex::encode(mac.finalize().into_bytes()))
}

impl Worker {
    /// Claims and sends what is due; returns how many rows it handled.
    pub async fn run_once(&self) -> Result<usize, DbErr> {
        let ids = claim(&self.db, self.lease).await?;
        let rows = outbox::Entity::find().filter(outbox::Column::Id.is_in(ids.clone())).all(&self.db).await?;
        // One slow or failing receiver does not hold up the others.
        let results = futures_util::future::join_all(rows.into_iter().map(|row| self.deliver(row))).await;
        for r in results {
            r?;
        }
        Ok(ids.len())
    }

    async fn send(&self, row: &outbox::Model) -> anyhow::Result<()> {
        match row.kind {
            OutboxKind::Webhook => {
                let hook = match row.webhook_id {
                    Some(id) => webhook::Entity::find_by_id(id).one(&self.db).await?,
                    None => None,
                };
                let hook = hook.ok_or_else(|| anyhow::anyhow!("the webhook was deleted"))?;
                self.egress
                    .check_url(&row.to_addrs)
                    .await
                    .map_err(|e| anyhow::anyhow!("refused: the receiver's address is not allowed ({e})"))?;
                let unix = chrono::Utc::now().timestamp();
                let res = self
                    .http
                    .post(&row.to_addrs)
                    .header("content-type", "application/json")
                    .header("x-ttis-event", &row.subject)
                    .header("x-ttis-delivery", row.id.to_string())
                    .header("x-ttis-signature", signature_header(&hook.secret, unix, &row.body))
                    .body(row.body.clone())
                    .send()
                    .await
                    .map_err(|e| anyhow::anyhow!(super::egress::failure_category(&e)))?;
                anyhow::ensure!(res.status().is_success(), "the receiver answered HTTP {}", res.status().as_u16());
                Ok(())
            }
            _ => {
                let mut attachments = Vec::new();
                let refs: Vec<AttachmentRef> =
                    row.attachments.as_deref().map(serde_json::from_str).transpose()?.unwrap_or_default();
                for a in refs {
                    let doc = document::Entity::find_by_id(a.document_id.clone())
                        .one(&self.db)
                        .await?
                        .ok_or_else(|| anyhow::anyhow!("attachment {} is gone", a.document_id))?;
                    let bytes = self.evidence.open(&doc.storage_key).await?.bytes().await?;
                    attachments.push(Attachment {
                        file_name: a.file_name,
                        content_type: "application/pdf".into(),
                        bytes,
                    });
                }
                let email = OutgoingEmail {
                    id: row.id,
                    to: row.to_addrs.split(',').map(str::to_string).collect(),
                    subject: row.subject.clone(),
                    body: row.body.clone(),
                    attachments,
                };
                self.mailer.send(&email).await
            }
        }
    }

    async fn deliver(&self, row: outbox::Model) -> Result<(), DbErr> {
        let started = Instant::now();
        let outcome = self.send(&row).await;
        let attempts = row.attempts;
        let (id, ticket_id, purpose) = (row.id, row.ticket_id, row.purpose.clone());
        outbox_attempt::ActiveModel {
            outbox_id: Set(id),
            at: Set(now()),
            ok: Set(outcome.is_ok()),
            error: Set(outcome.as_ref().err().map(|e| format!("{e:#}").chars().take(2000).collect())),
            duration_ms: Set(i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX)),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        let mut active: outbox::ActiveModel = row.into();
        active.locked_until = Set(None);
        let sent = outcome.is_ok();
        match outcome {
            Ok(()) => {
                active.status = Set(OutboxStatus::Sent);
                active.sent_at = Set(Some(now()));
                active.last_error = Set(None);
            }
            Err(e) => {
                let message = format!("{e:#}");
                tracing::warn!(outbox_id = id, attempts, error = %message, "delivery failed");
                active.last_error = Set(Some(message.chars().take(2000).collect()));
                if attempts >= MAX_ATTEMPTS {
                    active.status = Set(OutboxStatus::Failed);
                } else {
                    active.status = Set(OutboxStatus::Pending);
                    active.next_attempt_at = Set(now() + backoff(attempts, self.retry_base));
                }
            }
        }
        active.update(&self.db).await?;
        if sent
            && purpose.as_deref() == Some(DELIVERY)
            && let Some(ticket_id) = ticket_id
            && let Some(hook) = &self.on_delivered
            && let Err(e) = hook(self.db.clone(), ticket_id).await
        {
            tracing::error!(ticket_id, error = %e, "closing a delivered ticket");
        }
        Ok(())
    }

    /// Runs until the process ends: wakes on `wake` (new rows) or every `poll`.
    pub fn spawn(self, wake: Arc<Notify>, poll: Duration) {
        tokio::spawn(async move {
            loop {
                loop {
                    match self.run_once().await {
                        Ok(0) => break,
                        Ok(_) => continue,
                        Err(e) => {
                            tracing::error!(error = %e, "outbox worker");
                            break;
                        }
                    }
                }
                tokio::select! {
                    _ = wake.notified() => {}
                    _ = tokio::time::sleep(poll) => {}
                }
            }
        });
    }
}

pub fn delivery_item(r: &outbox_row::Model) -> DeliveryItem {
    let attachments: Vec<AttachmentRef> =
        r.attachments.as_deref().and_then(|a| serde_json::from_str(a).ok()).unwrap_or_default();
    DeliveryItem {
        id: r.id,
        channel: match r.kind {
            OutboxKind::Email => "email".into(),
            OutboxKind::Webhook => "webhook".into(),
        },
        purpose: r.purpose.clone(),
        to: r.to_addrs.split(',').map(str::to_string).collect(),
        subject: r.subject.clone(),
        status: r.status.as_str().into(),
        attempts: r.attempts,
        last_error: r.last_error.clone(),
        attachments: attachments.into_iter().map(|a| a.file_name).collect(),
        created_at: r.created_at,
        sent_at: r.sent_at,
        next_attempt_at: r.next_attempt_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let secs: Vec<i64> = (1..=9).map(|a| backoff(a, Duration::from_secs(30)).num_seconds()).collect();
        assert_eq!(secs, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
        assert_eq!(backoff(2, Duration::from_secs(1)).num_seconds(), 2);
    }

    #[test]
    fn webhook_signatures_are_hmac_over_time_and_body() {
        // HMAC-SHA256("key", "1700000000.{}") computed independently (openssl dgst -sha256 -hmac key).
        let header = signature_header("key", 1_700_000_000, "{}");
        assert_eq!(header, "t=1700000000,v1=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");
        assert_ne!(header, signature_header("key", 1_700_000_000, "{ }"));
        assert_ne!(header, signature_header("other", 1_700_000_000, "{}"));
    }
}
