use sea_orm::entity::prelude::*;
use ttis_shared::dto::monitoring::FindingKind;

/// A detector an analyst switched off on one monitored URL, and why.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "monitor_mutes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub monitor_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: FindingKind,
    pub reason: String,
    pub muted_by: String,
    pub muted_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
