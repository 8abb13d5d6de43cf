use sea_orm::entity::prelude::*;

/// Append-only, hash-chained record of security-relevant events. Each sealed row's `hash` is the
/// SHA-256 of the previous row's hash (in `seq` order) and this row's content (see `services::audit`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    pub actor_user_id: Option<i64>,
    /// Who acted, as people read it: an email, `system`, or `anonymous`.
    pub actor: String,
    /// What happened (`auth.login`, `auth.login_failed`, `user.create`, ...).
    pub action: String,
    pub target: Option<String>,
    /// JSON object with the event's details (never secrets).
    pub details: String,
    pub ip: Option<String>,
    /// Empty until the row is sealed (see `seq`).
    pub prev_hash: String,
    pub hash: String,
    /// The row's place in the chain, given when it is sealed; absent for a row not sealed yet.
    pub seq: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
