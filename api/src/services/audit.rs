//! The audit log: append-only rows, each carrying the SHA-256 of the previous row's hash and its
//! own content, so that changing or deleting a row breaks the chain from that row on.
//! Rows are written inside the transaction of the change they record; on PostgreSQL they are
//! chained (sealed) just after, by [`seal`], so that audited changes do not queue on one lock.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, Statement, TransactionTrait,
};
use ttis_shared::dto::audit::{AuditEntry, AuditList, AuditQuery, AuditVerification};

use crate::entities::audit_log;
use crate::services::crypto::sha256_hex;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// One sealer at a time on PostgreSQL (SQLite serialises writers by itself).
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
///
/// On SQLite (one writer at a time anyway) the row is chained at once. On PostgreSQL it is written
/// unsealed and [`seal`] chains it right after: chaining inside the transaction would make every
/// audited change in the platform wait for the previous one's commit.
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    action: &str,
    target: Option<String>,
    details: serde_json::Value,
) -> Result<(), DbErr> {
    let at = super::now();
    let details = details.to_string();
    let label: String = actor.label.chars().take(254).collect();
    let mut row = audit_log::ActiveModel {
        at: Set(at),
        actor_user_id: Set(actor.user_id),
        actor: Set(label.clone()),
        action: Set(action.to_string()),
        target: Set(target.clone()),
        details: Set(details.clone()),
        ip: Set(actor.ip.clone()),
        prev_hash: Set(String::new()),
        hash: Set(String::new()),
        seq: Set(None),
        ..Default::default()
    };
    if conn.get_database_backend() != DatabaseBackend::Postgres {
        let (prev, seq) = chain_end(conn).await?;
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
        row.prev_hash = Set(prev);
        row.hash = Set(hash);
        row.seq = Set(Some(seq + 1));
    }
    row.insert(conn).await?;
    Ok(())
}

/// The last sealed row's hash and place (the genesis hash and 0 for an empty chain).
async fn chain_end<C: ConnectionTrait>(conn: &C) -> Result<(String, i64), DbErr> {
    let last = audit_log::Entity::find()
        .filter(audit_log::Column::Seq.is_not_null())
        .order_by_desc(audit_log::Column::Seq)
        .limit(1)
        .one(conn)
        .await?;
    Ok(match last {
        Some(r) => (r.hash, r.seq.unwrap_or(0)),
        None => (GENESIS.to_string(), 0),
    })
}

fn hash_of(prev: &str, row: &audit_log::Model) -> String {
    content_hash(
        prev,
        &Content {
            at: &row.at,
            actor_user_id: row.actor_user_id,
            actor: &row.actor,
            action: &row.action,
            target: row.target.as_deref(),
            details: &row.details,
            ip: row.ip.as_deref(),
        },
    )
}

/// Chains the rows written since the last seal, in the order their transactions became visible
/// (by id among those), and returns how many it sealed. One sealer at a time across processes
/// (an advisory lock on PostgreSQL); a process that finds the lock taken leaves the work to it.
pub async fn seal(db: &DatabaseConnection) -> Result<u64, DbErr> {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(0);
    }
    let mut sealed = 0u64;
    loop {
        let txn = db.begin().await?;
        let locked = txn
            .query_one(Statement::from_string(
                DatabaseBackend::Postgres,
                format!("SELECT pg_try_advisory_xact_lock({PG_LOCK_KEY}) AS locked"),
            ))
            .await?
            .and_then(|r| r.try_get::<bool>("", "locked").ok())
            .unwrap_or(false);
        if !locked {
            txn.rollback().await?;
            return Ok(sealed);
        }
        let rows = audit_log::Entity::find()
            .filter(audit_log::Column::Seq.is_null())
            .order_by_asc(audit_log::Column::Id)
            .limit(500)
            .all(&txn)
            .await?;
        if rows.is_empty() {
            txn.commit().await?;
            return Ok(sealed);
        }
        let (mut prev, mut seq) = chain_end(&txn).await?;
        for row in rows {
            seq += 1;
            let hash = hash_of(&prev, &row);
            audit_log::Entity::update_many()
                .col_expr(audit_log::Column::Seq, sea_orm::sea_query::Expr::value(seq))
                .col_expr(audit_log::Column::PrevHash, sea_orm::sea_query::Expr::value(prev.clone()))
                .col_expr(audit_log::Column::Hash, sea_orm::sea_query::Expr::value(hash.clone()))
                .filter(audit_log::Column::Id.eq(row.id))
                .exec(&txn)
                .await?;
            prev = hash;
            sealed += 1;
        }
        txn.commit().await?;
    }
}

/// Seals new rows every `interval` in the background (each replica may; one seals at a time).
pub fn spawn_sealer(db: DatabaseConnection, interval: std::time::Duration) {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = seal(&db).await {
                tracing::error!(error = %e, "sealing the audit log failed");
            }
        }
    });
}

/// Recomputes the chain page by page; `Ok(None)` when intact, `Ok(Some(id))` for the first row
/// that breaks it.
pub async fn verify_chain(db: &DatabaseConnection) -> Result<Option<i64>, DbErr> {
    Ok(verify(db).await?.first_broken_id)
}

/// Seals what is pending, then recomputes the chain in `seq` order, counting the entries checked.
/// A row that lost its place (`seq`), a gap in the places, or a hash that does not match breaks it.
pub async fn verify(db: &DatabaseConnection) -> Result<AuditVerification, DbErr> {
    seal(db).await?;
    let mut prev = GENESIS.to_string();
    let mut checked = 0u64;
    let mut after = 0i64;
    loop {
        let rows = audit_log::Entity::find()
            .filter(audit_log::Column::Seq.gt(after))
            .order_by_asc(audit_log::Column::Seq)
            .limit(1000)
            .all(db)
            .await?;
        let Some(last) = rows.last().and_then(|r| r.seq) else { break };
        for row in rows {
            let in_place = row.seq == Some(after + 1);
            if !in_place || row.prev_hash != prev || row.hash != hash_of(&prev, &row) {
                return Ok(AuditVerification { intact: false, checked, first_broken_id: Some(row.id) });
            }
            checked += 1;
            after += 1;
            prev = row.hash;
        }
        after = last;
    }
    // Rows without a place after sealing were tampered with (sealing gives every row one).
    let unplaced = audit_log::Entity::find()
        .filter(audit_log::Column::Seq.is_null())
        .order_by_asc(audit_log::Column::Id)
        .one(db)
        .await?;
    if let Some(row) = unplaced.filter(|_| db.get_database_backend() != DatabaseBackend::Postgres) {
        return Ok(AuditVerification { intact: false, checked, first_broken_id: Some(row.id) });
    }
    Ok(AuditVerification { intact: true, checked, first_broken_id: None })
}

/// The log, filtered, newest first (pending rows are sealed first, so every entry has its hash).
pub async fn list(db: &DatabaseConnection, q: &AuditQuery) -> Result<AuditList, crate::error::ApiError> {
    seal(db).await?;
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
    let per_page = q.per_page.unwrap_or(50);
    if !(1..=200).contains(&per_page) {
        return Err(crate::error::ApiError::InvalidParameter("per_page: 1 to 200".into()));
    }
    let page = q.page.unwrap_or(1);
    // Bounded, so that the offset (`(page - 1) * per_page`) can never overflow.
    if !(1..=1_000_000).contains(&page) {
        return Err(crate::error::ApiError::InvalidParameter("page: 1 to 1000000".into()));
    }
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
