use sea_orm::entity::prelude::*;

/// The ticket's timeline: state changes, messages between team and reporter, internal notes.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ticket_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub ticket_id: i64,
    pub at: DateTimeUtc,
    /// `state_change`, `message` (team to reporter), `reply` (reporter to team), `note` (internal),
    /// `assignment`, `acknowledgement` (the PSE's).
    pub kind: String,
    pub from_state: Option<String>,
    pub to_state: Option<String>,
    pub actor_user_id: Option<i64>,
    pub actor_label: String,
    /// Text a person wrote, as written (never words the platform composed: those are `event`).
    pub body: Option<String>,
    /// The typed event's kind (`ttis_shared::dto::timeline::TimelineEvent`'s `type`, e.g.
    /// `drafts_updated`) and its parameters as a JSON object; see `services::timeline`.
    pub event: Option<String>,
    pub event_params: Option<String>,
    /// Shown to the reporter on the tracking page.
    pub public: bool,
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
