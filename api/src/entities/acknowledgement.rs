use sea_orm::entity::prelude::*;

/// The one-time link in the letter's email with which the PSE confirms receipt.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "acknowledgements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub ticket_id: i64,
    /// SHA-256 of the token; the token itself is only in the email.
    pub token_hash: String,
    pub created_at: DateTimeUtc,
    pub acknowledged_at: Option<DateTimeUtc>,
    /// The PSE says the issue is fixed.
    pub fixed: Option<bool>,
    pub name: Option<String>,
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
