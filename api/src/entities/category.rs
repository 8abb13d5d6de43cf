use sea_orm::entity::prelude::*;

/// One entry of the incident taxonomy (data, not an enum: admins add, rename and retire entries).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "categories")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub parent_code: Option<String>,
    pub label_id: String,
    pub label_en: String,
    pub sort_order: i32,
    /// Retired categories stay for old tickets but are not offered for new ones.
    pub retired: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
