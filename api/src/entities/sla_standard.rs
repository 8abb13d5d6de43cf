use sea_orm::entity::prelude::*;

/// A step's time standard: `minutes` or `working_days`, or none.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sla_standards")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub step: i32,
    pub unit: Option<String>,
    pub value: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
