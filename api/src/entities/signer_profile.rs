use sea_orm::entity::prelude::*;

/// A head account's signer profile: what a signed document names (copied onto the document at
/// signing, so later edits never change a signed one).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signer_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i64,
    pub full_name: String,
    pub nip: String,
    pub rank: String,
    pub position_title: String,
    /// `definitive`, `plt`, `plh`, `on_behalf` (`SigningCapacity`).
    pub capacity: String,
    pub updated_by: Option<i64>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
