//! What a timeline entry records, as data rather than words: the API stores an event's kind and
//! its parameters, and each reader's SPA says it in their own language. Free text written by
//! people (messages, notes, remarks, questions, a rejection's explanation) travels beside it, in
//! the entry's `body`, as written.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::tickets::{Priority, RejectReason};

/// A typed timeline event. Serialised with its kind in `type` and its parameters beside it, e.g.
/// `{"type": "drafts_updated", "revision": 2}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TimelineEvent {
    /// The report was found not valid, for this reason (`reject`); the body holds the team's own
    /// words to the reporter, if any.
    RejectedAs { reason: RejectReason },
    /// Every message of step 9 was delivered, and the system closed the ticket.
    Delivered,
    /// The reporter answered a request for information, adding `files` evidence files.
    InfoProvided { files: u32 },
    /// The drafts of the letter and the certificate were edited and rendered again.
    DraftsUpdated { revision: u32 },
    /// An analyst took the ticket for themselves.
    Claimed,
    /// The ticket was assigned with a disposition (*disposisi*); the body holds the instruction.
    Assigned {
        assignee: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        priority: Option<Priority>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due_date: Option<NaiveDate>,
    },
    /// The PSE confirmed it received the letter, and whether the issue is fixed; the body holds
    /// its note.
    Acknowledged { fixed: bool },
}

/// Who wrote a timeline entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimelineActor {
    /// A staff member, named in `author`.
    Staff,
    /// The reporter (with the access key).
    Reporter,
    /// The platform itself (e.g. closing a ticket once delivered).
    System,
    /// The PSE, by the one-time link of its letter; `author` is the name it gave, if any.
    Pse,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_serialise_with_their_kind_in_type() {
        let e = TimelineEvent::DraftsUpdated { revision: 2 };
        assert_eq!(serde_json::to_value(&e).ok(), Some(serde_json::json!({"type": "drafts_updated", "revision": 2})));
        let e = TimelineEvent::RejectedAs { reason: RejectReason::Spam };
        assert_eq!(serde_json::to_value(&e).ok(), Some(serde_json::json!({"type": "rejected_as", "reason": "spam"})));
        let e = TimelineEvent::Assigned { assignee: "Sari".into(), priority: None, due_date: None };
        assert_eq!(serde_json::to_value(&e).ok(), Some(serde_json::json!({"type": "assigned", "assignee": "Sari"})));
        let back: Option<TimelineEvent> = serde_json::from_value(serde_json::json!({"type": "delivered"})).ok();
        assert_eq!(back, Some(TimelineEvent::Delivered));
    }
}
