use sea_orm::entity::prelude::*;

/// The one row (`id = 1`) of the working calendar.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sla_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    /// Minutes east of UTC (WITA: 480).
    pub utc_offset_minutes: i32,
    /// Monday .. Sunday as `1`/`0` (`1111100`).
    pub working_days: String,
    /// Office hours in minutes after local midnight (0 and 1440: the whole day).
    pub day_start_minutes: i32,
    pub day_end_minutes: i32,
    pub updated_at: DateTimeUtc,
    /// Replaced by a new random number with every change of the policy (see `services::sla::current`).
    pub stamp: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
