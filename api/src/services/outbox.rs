//! The outbox: notifications are rows written in the same transaction as the event that causes
//! them, so nothing is lost on a crash; a worker claims due rows, sends them, and records the
//! outcome, retrying with exponential backoff. Claims use `FOR UPDATE SKIP LOCKED` on PostgreSQL,
//! so several API processes never send the same row; SQLite has a single writer anyway. A claim
//! expires (`locked_until`), so the rows of a worker that died are sent by the next one.

use std::sync::Arc;
use std::time::Duration;

use chrono::Duration as ChronoDuration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, Set, Statement, Value,
};
use tokio::sync::Notify;

use super::now;
use crate::entities::outbox;
use crate::notify::{Mailer, OutgoingEmail};

pub const MAX_ATTEMPTS: i32 = 8;
const BATCH: i64 = 10;
const LEASE_SECS: i64 = 300;

pub struct NewEmail {
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
    /// A key that makes queuing the same message twice a no-op.
    pub dedupe_key: Option<String>,
    pub ticket_id: Option<i64>,
}

/// Queues an email in the caller's transaction.
pub async fn enqueue<C: ConnectionTrait>(conn: &C, email: NewEmail) -> Result<(), DbErr> {
    if email.to.is_empty() {
        return Ok(());
    }
    let at = now();
    outbox::ActiveModel {
        kind: Set("email".into()),
        to_addrs: Set(email.to.join(",")),
        subject: Set(email.subject.chars().take(300).collect()),
        body: Set(email.body),
        dedupe_key: Set(email.dedupe_key),
        ticket_id: Set(email.ticket_id),
        status: Set("pending".into()),
        attempts: Set(0),
        next_attempt_at: Set(at),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(at),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Wait before attempt `attempts + 1`: 30 s, 1, 2, 4 ... minutes, at most an hour.
pub fn backoff(attempts: i32) -> ChronoDuration {
    let exp = attempts.clamp(1, 8) - 1;
    ChronoDuration::seconds((30i64 << exp).min(3600))
}

async fn claim(db: &DatabaseConnection) -> Result<Vec<i64>, DbErr> {
    let at = now();
    let lease = at + ChronoDuration::seconds(LEASE_SECS);
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

/// Claims and sends what is due; returns how many rows it handled.
pub async fn run_once(db: &DatabaseConnection, mailer: &dyn Mailer) -> Result<usize, DbErr> {
    let ids = claim(db).await?;
    let rows = outbox::Entity::find().filter(outbox::Column::Id.is_in(ids.clone())).all(db).await?;
    for row in rows {
        let email = OutgoingEmail {
            id: row.id,
            to: row.to_addrs.split(',').map(str::to_string).collect(),
            subject: row.subject.clone(),
            body: row.body.clone(),
        };
        let outcome = mailer.send(&email).await;
        let attempts = row.attempts;
        let mut active: outbox::ActiveModel = row.into();
        active.locked_until = Set(None);
        match outcome {
            Ok(()) => {
                active.status = Set("sent".into());
                active.sent_at = Set(Some(now()));
                active.last_error = Set(None);
            }
            Err(e) => {
                let message = format!("{e:#}");
                tracing::warn!(outbox_id = email.id, attempts, error = %message, "delivery failed");
                active.last_error = Set(Some(message.chars().take(2000).collect()));
                if attempts >= MAX_ATTEMPTS {
                    active.status = Set("failed".into());
                } else {
                    active.status = Set("pending".into());
                    active.next_attempt_at = Set(now() + backoff(attempts));
                }
            }
        }
        active.update(db).await?;
    }
    Ok(ids.len())
}

/// Runs the worker until the process ends: wakes on `wake` (new rows) or every `poll`.
pub fn spawn_worker(db: DatabaseConnection, mailer: Arc<dyn Mailer>, wake: Arc<Notify>, poll: Duration) {
    tokio::spawn(async move {
        loop {
            loop {
                match run_once(&db, mailer.as_ref()).await {
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

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let secs: Vec<i64> = (1..=9).map(|a| backoff(a).num_seconds()).collect();
        assert_eq!(secs, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    }
}
