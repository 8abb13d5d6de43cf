use sea_orm::entity::prelude::*;

/// The letter's and certificate's variable parts of a ticket (`Drafts` as JSON), edited by analysts.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "drafts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub ticket_id: i64,
    pub content: String,
    pub revision: i32,
    /// The head's remarks from the last return for revision.
    pub remarks: Option<String>,
    pub updated_by: Option<i64>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
