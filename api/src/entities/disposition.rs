use sea_orm::entity::prelude::*;

/// A *disposisi*: who assigned the ticket to whom, with what instruction, priority and due date.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dispositions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub ticket_id: i64,
    pub from_user_id: i64,
    pub to_user_id: i64,
    pub instruction: Option<String>,
    pub priority: Option<String>,
    pub due_date: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
