use sea_orm::entity::prelude::*;

/// A rendered document of a ticket. Every version is kept.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "documents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub ticket_id: i64,
    /// `analysis_report` (later: `notification_letter`, `certificate`).
    pub kind: String,
    pub version: i32,
    pub storage_key: String,
    pub sha256: String,
    pub size: i64,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
