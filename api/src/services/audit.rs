//! The audit log: append-only rows, each carrying the SHA-256 of the previous row's hash and its
//! own content, so that changing or deleting a row breaks the chain from that row on.
//! Rows are written inside the transaction of the change they record.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, QueryOrder, QuerySelect, Set, Statement,
};

use crate::entities::audit_log;
use crate::services::crypto::sha256_hex;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// Serialises appends on PostgreSQL (SQLite serialises writers by itself).
const PG_LOCK_KEY: i64 = 0x7771_5001;

/// Who did something, and from where.
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub label: String,
    pub ip: Option<String>,
}

impl Actor {
    pub fn anonymous(ip: Option<String>) -> Actor {
        Actor { user_id: None, label: "anonymous".into(), ip }
    }
    pub fn system() -> Actor {
        Actor { user_id: None, label: "system".into(), ip: None }
    }
}

/// The fields a row's hash covers.
struct Content<'a> {
    at: &'a DateTime<Utc>,
    actor_user_id: Option<i64>,
    actor: &'a str,
    action: &'a str,
    target: Option<&'a str>,
    details: &'a str,
    ip: Option<&'a str>,
}

fn content_hash(prev: &str, c: &Content<'_>) -> String {
    let line = format!(
        "{prev}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
        c.at.format("%Y-%m-%dT%H:%M:%S%.6fZ"),
        c.actor_user_id.map(|i| i.to_string()).unwrap_or_default(),
        c.actor,
        c.action,
        c.target.unwrap_or_default(),
        c.details,
        c.ip.unwrap_or_default(),
    );
    sha256_hex(line)
}

/// Appends one event. Call it with the transaction of the change being recorded.
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    action: &str,
    target: Option<String>,
    details: serde_json::Value,
) -> Result<(), DbErr> {
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        conn.execute(Statement::from_string(
            DatabaseBackend::Postgres,
            format!("SELECT pg_advisory_xact_lock({PG_LOCK_KEY})"),
        ))
        .await?;
    }
    let last = audit_log::Entity::find().order_by_desc(audit_log::Column::Id).limit(1).one(conn).await?;
    let prev = last.map(|r| r.hash).unwrap_or_else(|| GENESIS.to_string());
    let at = super::now();
    let details = details.to_string();
    let label: String = actor.label.chars().take(254).collect();
    let hash = content_hash(
        &prev,
        &Content {
            at: &at,
            actor_user_id: actor.user_id,
            actor: &label,
            action,
            target: target.as_deref(),
            details: &details,
            ip: actor.ip.as_deref(),
        },
    );
    audit_log::ActiveModel {
        at: Set(at),
        actor_user_id: Set(actor.user_id),
        actor: Set(label),
        action: Set(action.to_string()),
        target: Set(target),
        details: Set(details),
        ip: Set(actor.ip.clone()),
        prev_hash: Set(prev),
        hash: Set(hash),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Recomputes the chain; `Ok(None)` when intact, `Ok(Some(id))` for the first row that breaks it.
pub async fn verify_chain<C: ConnectionTrait>(conn: &C) -> Result<Option<i64>, DbErr> {
    let rows = audit_log::Entity::find().order_by_asc(audit_log::Column::Id).all(conn).await?;
    let mut prev = GENESIS.to_string();
    for row in rows {
        let expected = content_hash(
            &prev,
            &Content {
                at: &row.at,
                actor_user_id: row.actor_user_id,
                actor: &row.actor,
                action: &row.action,
                target: row.target.as_deref(),
                details: &row.details,
                ip: row.ip.as_deref(),
            },
        );
        if row.prev_hash != prev || row.hash != expected {
            return Ok(Some(row.id));
        }
        prev = row.hash;
    }
    Ok(None)
}
