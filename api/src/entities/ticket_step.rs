use sea_orm::entity::prelude::*;

/// A finished SOP step of a ticket: how long it took and whether that was within the standard.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ticket_steps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub ticket_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub step: i32,
    pub started_at: DateTimeUtc,
    pub ended_at: DateTimeUtc,
    /// Counted time (pauses for the reporter excluded).
    pub seconds: i64,
    /// None: the step has no standard.
    pub within: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
