use sea_orm::entity::prelude::*;

/// A monitored URL of a PSE, with its schedule, claim lease, last outcome and baseline.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "monitors")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub pse_id: i64,
    pub url: String,
    pub interval_minutes: i32,
    pub enabled: bool,
    pub next_check_at: DateTimeUtc,
    /// A claim's lease: the replica that holds it checks the URL; a dead one's lease runs out.
    pub locked_until: Option<DateTimeUtc>,
    pub last_checked_at: Option<DateTimeUtc>,
    /// `pending`, `ok`, `finding`, `error`.
    pub last_status: String,
    pub last_error: Option<String>,
    pub consecutive_failures: i32,
    /// The visible text of the last known-good page.
    pub baseline_text: Option<String>,
    pub baseline_at: Option<DateTimeUtc>,
    pub tls_expires_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
