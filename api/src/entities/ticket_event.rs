use sea_orm::entity::prelude::*;
use ttis_shared::ReportState;

/// The ticket's timeline: state changes, messages between team and reporter, internal notes.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ticket_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub ticket_id: i64,
    pub at: DateTimeUtc,
    pub kind: EventKind,
    pub from_state: Option<ReportState>,
    pub to_state: Option<ReportState>,
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

/// What an entry of the timeline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")]
pub enum EventKind {
    /// The ticket moved (`from_state` → `to_state`).
    StateChange,
    /// The team to the reporter.
    Message,
    /// The reporter to the team.
    Reply,
    /// Internal, staff only.
    Note,
    Assignment,
    /// The PSE confirmed receipt of the letter.
    Acknowledgement,
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

impl EventKind {
    /// The stored name, as the API shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::StateChange => "state_change",
            EventKind::Message => "message",
            EventKind::Reply => "reply",
            EventKind::Note => "note",
            EventKind::Assignment => "assignment",
            EventKind::Acknowledgement => "acknowledgement",
        }
    }
}
