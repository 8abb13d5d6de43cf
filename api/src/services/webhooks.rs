//! Webhook subscriptions and [`emit`]: an event for every subscriber, queued in the outbox in the
//! caller's transaction. Depends only on the outbox.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use ttis_shared::dto::delivery::{DeliveryItem, Webhook, WebhookCreated, WebhookEvent, WebhookInput};
use ttis_shared::validation::Violation;

use super::audit::{self, Actor};
use super::crypto::random_hex;
use super::egress::AddressGuard;
use super::now;
use super::outbox::delivery_item;
use super::outbox::{self};
use crate::entities::{outbox as outbox_row, ticket, webhook};
use crate::error::ApiError;
use crate::error::FieldIssue;

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
    guard: &AddressGuard,
    who: &Actor,
    input: &WebhookInput,
) -> Result<WebhookCreated, ApiError> {
    // Its host must resolve to public addresses (or an allowed network): no calls to the inside.
    if guard.check_url(input.url.trim()).await.is_err() {
        return Err(ApiError::Validation(vec![FieldIssue { field: "url".into(), violation: Violation::NotAnOption }]));
    }
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
    enqueue_for(conn, &hooks, event, t, data).await
}

/// [`emit`] for a caller that read the active webhooks' subscriptions (`(id, events)`) in a
/// statement of its own: no statement at all unless one of them subscribes to `event`.
pub async fn emit_to_subscribers<C: ConnectionTrait>(
    conn: &C,
    subscriptions: &[(i64, String)],
    event: WebhookEvent,
    t: &ticket::Model,
    data: serde_json::Value,
) -> Result<(), ApiError> {
    let ids: Vec<i64> = subscriptions
        .iter()
        .filter(|(_, events)| events.split(',').any(|e| e == event.as_str()))
        .map(|(id, _)| *id)
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let hooks = webhook::Entity::find()
        .filter(webhook::Column::Id.is_in(ids))
        .filter(webhook::Column::Active.eq(true))
        .all(conn)
        .await?;
    enqueue_for(conn, &hooks, event, t, data).await
}

async fn enqueue_for<C: ConnectionTrait>(
    conn: &C,
    hooks: &[webhook::Model],
    event: WebhookEvent,
    t: &ticket::Model,
    data: serde_json::Value,
) -> Result<(), ApiError> {
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
