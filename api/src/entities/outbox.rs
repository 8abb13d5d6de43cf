use sea_orm::entity::prelude::*;

/// A notification waiting to be delivered, written in the same transaction as the event that
/// caused it. The worker claims, sends, and marks it; failures retry with backoff.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: OutboxKind,
    /// Comma-separated recipients (email) or the URL (webhook).
    pub to_addrs: String,
    pub subject: String,
    pub body: String,
    /// Prevents the same notification from being queued twice.
    #[sea_orm(unique)]
    pub dedupe_key: Option<String>,
    pub ticket_id: Option<i64>,
    pub status: OutboxStatus,
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

/// What a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")]
pub enum OutboxKind {
    Email,
    Webhook,
}

/// Where a message is: waiting, claimed by a worker, sent, or given up after the last attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")]
pub enum OutboxStatus {
    Pending,
    Sending,
    Sent,
    Failed,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl OutboxStatus {
    /// The stored name, as the API shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sending => "sending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Failed => "failed",
        }
    }
}
