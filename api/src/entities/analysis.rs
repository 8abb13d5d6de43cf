use sea_orm::entity::prelude::*;
use ttis_shared::dto::tickets::Severity;

/// The analysis recorded by `verify` (*laporan hasil analisis*).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "analyses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub ticket_id: i64,
    pub category: String,
    pub severity: Severity,
    pub cvss_vector: Option<String>,
    pub cvss_score: Option<f64>,
    pub pse_id: Option<i64>,
    pub meeting_date: Date,
    /// JSON array of staff account ids.
    pub attendees: String,
    pub decision: String,
    pub minutes: String,
    pub findings: String,
    pub recommendations: String,
    pub analyst_id: i64,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
