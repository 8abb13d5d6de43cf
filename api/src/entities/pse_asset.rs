use sea_orm::entity::prelude::*;

/// One rule saying which assets a PSE operates (`ttis_shared::dto::tickets::AssetRuleKind`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pse_assets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub pse_id: i64,
    /// `exact_host`, `domain_suffix`, `cidr`, `app_name`.
    pub kind: String,
    /// Normalised: lower-case host, suffix without `*.`, canonical CIDR.
    pub value: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::pse::Entity", from = "Column::PseId", to = "super::pse::Column::Id")]
    Pse,
}

impl Related<super::pse::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Pse.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
