use sea_orm::entity::prelude::*;

/// An integrator's subscription: where to POST which events, and the key that signs them.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhooks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub url: String,
    /// Comma-separated event names (`report.submitted`, ...).
    pub events: String,
    /// HMAC-SHA256 key of the signature header.
    pub secret: String,
    pub active: bool,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
