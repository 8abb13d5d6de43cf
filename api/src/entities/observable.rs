use sea_orm::entity::prelude::*;
use ttis_shared::dto::intel::ObservableKind;

/// Something a ticket can share as threat intelligence, with the analyst's "indicator" switch.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "observables")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub ticket_id: i64,
    pub kind: ObservableKind,
    pub value: String,
    pub indicator: bool,
    /// The staff account that added it; `None` for those taken from the report at verification.
    pub added_by: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
