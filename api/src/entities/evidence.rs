use sea_orm::entity::prelude::*;

/// An evidence file. Stored under `storage_key` (server-generated) in the evidence store, never
/// under the name the reporter gave.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evidence")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub ticket_id: i64,
    #[sea_orm(unique)]
    pub storage_key: String,
    /// The reporter's file name, sanitised; for display only.
    pub file_name: String,
    /// Decided from the content.
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub metadata_stripped: bool,
    /// A PDF's external links (`/URI` actions) as a JSON array; `None` when it has none.
    pub external_links: Option<String>,
    /// `reporter` or `staff:<user id>`.
    pub uploaded_by: String,
    pub uploaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::ticket::Entity", from = "Column::TicketId", to = "super::ticket::Column::Id")]
    Ticket,
}

impl Related<super::ticket::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Ticket.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
