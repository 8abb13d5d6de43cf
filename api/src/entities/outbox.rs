use sea_orm::entity::prelude::*;

/// A notification waiting to be delivered, written in the same transaction as the event that
/// caused it. The worker claims, sends, and marks it; failures retry with backoff.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `email` or `webhook`.
    pub kind: String,
    /// Comma-separated recipients (email) or the URL (webhook).
    pub to_addrs: String,
    pub subject: String,
    pub body: String,
    /// Prevents the same notification from being queued twice.
    #[sea_orm(unique)]
    pub dedupe_key: Option<String>,
    pub ticket_id: Option<i64>,
    /// `pending`, `sending`, `sent`, `failed`.
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    /// While `sending`: the claim expires then (a crashed worker's rows are picked up again).
    pub locked_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
    /// What the message is for: `delivery` (SOP step 9: the ticket completes when all of them
    /// are sent), or none for other notifications.
    pub purpose: Option<String>,
    /// JSON list of `{"document_id", "file_name"}` to attach (emails).
    pub attachments: Option<String>,
    /// For `webhook` rows: the subscription.
    pub webhook_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
