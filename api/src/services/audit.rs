//! The audit log: append-only rows, each carrying the SHA-256 of the previous row's hash and its
//! own content, so that changing or deleting a row breaks the chain from that row on.
//! Rows are written inside the transaction of the change they record.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, Statement,
};
use ttis_shared::dto::audit::{AuditEntry, AuditList, AuditQuery, AuditVerification};

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

/// Recomputes the chain page by page; `Ok(None)` when intact, `Ok(Some(id))` for the first row
/// that breaks it.
pub async fn verify_chain<C: ConnectionTrait>(conn: &C) -> Result<Option<i64>, DbErr> {
    Ok(verify(conn).await?.first_broken_id)
}

/// Recomputes the chain, counting the entries checked.
pub async fn verify<C: ConnectionTrait>(conn: &C) -> Result<AuditVerification, DbErr> {
    let mut prev = GENESIS.to_string();
    let mut checked = 0u64;
    let mut after = 0i64;
    loop {
        let rows = audit_log::Entity::find()
            .filter(audit_log::Column::Id.gt(after))
            .order_by_asc(audit_log::Column::Id)
            .limit(1000)
            .all(conn)
            .await?;
        let Some(last) = rows.last().map(|r| r.id) else { break };
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
                return Ok(AuditVerification { intact: false, checked, first_broken_id: Some(row.id) });
            }
            checked += 1;
            prev = row.hash;
        }
        after = last;
    }
    Ok(AuditVerification { intact: true, checked, first_broken_id: None })
}

/// The log, filtered, newest first.
pub async fn list(db: &DatabaseConnection, q: &AuditQuery) -> Result<AuditList, DbErr> {
    let mut select = audit_log::Entity::find();
    if let Some(a) = q.action.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        select = if a.ends_with('.') {
            select.filter(audit_log::Column::Action.starts_with(a))
        } else {
            select.filter(audit_log::Column::Action.eq(a))
        };
    }
    if let Some(a) = q.actor.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        select = select.filter(audit_log::Column::Actor.contains(a));
    }
    if let Some(t) = q.target.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        select = select.filter(audit_log::Column::Target.eq(t));
    }
    if let Some(from) = q.from {
        select = select.filter(audit_log::Column::At.gte(from));
    }
    if let Some(to) = q.to {
        select = select.filter(audit_log::Column::At.lt(to));
    }
    let per_page = q.per_page.unwrap_or(50).clamp(1, 200);
    let page = q.page.unwrap_or(1).max(1);
    let paginator = select.order_by_desc(audit_log::Column::Id).paginate(db, per_page);
    let total = paginator.num_items().await?;
    let items = paginator
        .fetch_page(page - 1)
        .await?
        .into_iter()
        .map(|r| AuditEntry {
            id: r.id,
            at: r.at,
            actor: r.actor,
            action: r.action,
            target: r.target,
            details: serde_json::from_str(&r.details).unwrap_or(serde_json::Value::Null),
            ip: r.ip,
            prev_hash: r.prev_hash,
            hash: r.hash,
        })
        .collect();
    Ok(AuditList { items, total, page, per_page })
}
