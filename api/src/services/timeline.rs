//! A ticket's timeline as data: each entry's typed event ([`TimelineEvent`]) is stored as its
//! kind (`ticket_events.event`) and its parameters (`event_params`, a JSON object), and read back
//! into the staff and public DTOs, where the SPA words it in the reader's language. `body` keeps
//! only text a person wrote.

use serde_json::{Map, Value};
use ttis_shared::ReportState;
use ttis_shared::dto::reports::{Label, PublicEvent, PublicEventKind};
use ttis_shared::dto::tickets::TimelineEntry;
use ttis_shared::dto::timeline::{TimelineActor, TimelineEvent};

use super::security::ERASED;
use crate::entities::ticket_event;
use crate::entities::ticket_event::EventKind;

/// The author label of entries the reporter wrote (with the access key).
pub const REPORTER: &str = "reporter";
/// The author label of entries the platform wrote by itself.
pub const SYSTEM: &str = "system";
/// The author label of the PSE's acknowledgement when it gave no name.
pub const PSE: &str = "PSE";

/// An event as its two stored columns: the kind, and the parameters (absent when it has none).
pub fn columns(event: &TimelineEvent) -> (Option<String>, Option<String>) {
    let Ok(Value::Object(mut map)) = serde_json::to_value(event) else { return (None, None) };
    let kind = match map.remove("type") {
        Some(Value::String(kind)) => kind,
        _ => return (None, None),
    };
    let params = (!map.is_empty()).then(|| Value::Object(map).to_string());
    (Some(kind), params)
}

/// Sets the event columns of a new row.
pub fn with_event(mut row: ticket_event::ActiveModel, event: Option<&TimelineEvent>) -> ticket_event::ActiveModel {
    let (kind, params) = event.map(columns).unwrap_or((None, None));
    row.event = sea_orm::ActiveValue::Set(kind);
    row.event_params = sea_orm::ActiveValue::Set(params);
    row
}

/// The row's event, when it has one this version knows.
pub fn event_of(row: &ticket_event::Model) -> Option<TimelineEvent> {
    let kind = row.event.as_deref()?;
    let mut map = match row.event_params.as_deref() {
        Some(params) => match serde_json::from_str::<Value>(params) {
            Ok(Value::Object(map)) => map,
            _ => return None,
        },
        None => Map::new(),
    };
    map.insert("type".into(), Value::String(kind.to_string()));
    serde_json::from_value(Value::Object(map)).ok()
}

/// Who wrote the row.
pub fn actor_of(row: &ticket_event::Model) -> TimelineActor {
    if row.actor_user_id.is_some() {
        TimelineActor::Staff
    } else if row.kind == EventKind::Acknowledgement {
        TimelineActor::Pse
    } else if row.actor_label == REPORTER {
        TimelineActor::Reporter
    } else {
        TimelineActor::System
    }
}

/// The body a reader gets, and whether it was erased.
fn body_of(row: &ticket_event::Model) -> (Option<String>, bool) {
    match row.body.as_deref() {
        Some(ERASED) => (None, true),
        _ => (row.body.clone(), false),
    }
}

/// The entry as staff see it.
pub fn entry(row: ticket_event::Model) -> TimelineEntry {
    let actor = actor_of(&row);
    let event = event_of(&row);
    let (body, erased) = body_of(&row);
    let author = match actor {
        TimelineActor::Staff => row.actor_label,
        TimelineActor::Pse if row.actor_label != PSE => row.actor_label,
        _ => String::new(),
    };
    TimelineEntry {
        id: row.id,
        at: row.at,
        kind: row.kind.as_str().into(),
        from_state: row.from_state,
        to_state: row.to_state,
        event,
        actor,
        author,
        body,
        erased,
        public: row.public,
    }
}

/// The entry as the reporter sees it on the tracking page (public rows only).
pub fn public_entry(row: ticket_event::Model, state_label: impl Fn(ReportState) -> Label) -> PublicEvent {
    let to_state = row.to_state;
    let event = event_of(&row);
    let (body, erased) = body_of(&row);
    PublicEvent {
        at: row.at,
        kind: if row.kind == EventKind::StateChange { PublicEventKind::StateChange } else { PublicEventKind::Message },
        to_state,
        state_label: to_state.map(state_label),
        author: if actor_of(&row) == TimelineActor::Reporter { "reporter".into() } else { "team".into() },
        event,
        body,
        erased,
    }
}

#[cfg(test)]
mod tests {
    use ttis_shared::dto::tickets::RejectReason;

    use super::*;

    fn row(event: &TimelineEvent) -> ticket_event::Model {
        let (kind, params) = columns(event);
        ticket_event::Model {
            id: 1,
            ticket_id: 1,
            at: chrono::Utc::now(),
            kind: EventKind::StateChange,
            from_state: None,
            to_state: Some(ReportState::Rejected),
            actor_user_id: Some(3),
            actor_label: "Sari".into(),
            body: Some("Tidak ada bukti.".into()),
            event: kind,
            event_params: params,
            public: true,
        }
    }

    #[test]
    fn events_go_into_two_columns_and_come_back() {
        for event in [
            TimelineEvent::RejectedAs { reason: RejectReason::OutOfScope },
            TimelineEvent::Delivered,
            TimelineEvent::DraftsUpdated { revision: 3 },
            TimelineEvent::Assigned {
                assignee: "Budi".into(),
                priority: None,
                due_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
            },
        ] {
            assert_eq!(event_of(&row(&event)), Some(event));
        }
        assert_eq!(columns(&TimelineEvent::Delivered), (Some("delivered".into()), None));
        assert_eq!(
            columns(&TimelineEvent::DraftsUpdated { revision: 2 }),
            (Some("drafts_updated".into()), Some(r#"{"revision":2}"#.into()))
        );
    }

    #[test]
    fn an_unknown_event_reads_as_none() {
        let mut r = row(&TimelineEvent::Delivered);
        r.event = Some("from_a_later_version".into());
        assert_eq!(event_of(&r), None);
        r.body = Some(ERASED.into());
        let e = entry(r);
        assert_eq!((e.body, e.erased, e.actor), (None, true, TimelineActor::Staff));
    }
}
