use sea_orm::entity::prelude::*;

/// An operator of electronic systems in the register.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    pub head_name: String,
    pub head_title: String,
    /// Comma-separated addresses.
    pub emails: String,
    pub phone: Option<String>,
    pub address: Option<String>,
    /// The town of the letter's `di` line.
    pub place: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::pse_asset::Entity")]
    Asset,
}

impl Related<super::pse_asset::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Asset.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
