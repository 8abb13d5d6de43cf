use sea_orm::entity::prelude::*;
use ttis_shared::dto::monitoring::FindingKind;

/// What a detector found on a monitored URL, and the ticket it opened or joined.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "monitor_findings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub monitor_id: i64,
    pub kind: FindingKind,
    pub summary: String,
    pub excerpt: String,
    /// JSON array of `FindingPlace`.
    pub places: String,
    pub ticket_id: Option<i64>,
    pub found_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
