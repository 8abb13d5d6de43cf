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
// Read back through `WireEvent` (the same JSON, read field by field).
#[serde(tag = "type", rename_all = "snake_case", try_from = "WireEvent")]
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
    /// The PSE told when it notified the data subjects and the supervising authority of a
    /// personal-data breach (UU PDP); `complete` once both dates are on record.
    PdpNotified { complete: bool },
}

/// A timeline event as it travels: one flat object, read field by field. Serde's own reading of
/// an internally tagged enum buffers the whole object first, which cost the browser's bundles
/// about 50 KB of code; this reads the same JSON.
#[derive(Deserialize)]
struct WireEvent {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    reason: Option<RejectReason>,
    #[serde(default)]
    files: Option<u32>,
    #[serde(default)]
    revision: Option<u32>,
    #[serde(default)]
    assignee: Option<String>,
    #[serde(default)]
    priority: Option<Priority>,
    #[serde(default)]
    due_date: Option<NaiveDate>,
    #[serde(default)]
    fixed: Option<bool>,
    #[serde(default)]
    complete: Option<bool>,
}

impl TryFrom<WireEvent> for TimelineEvent {
    type Error = String;

    fn try_from(w: WireEvent) -> Result<Self, String> {
        let missing = |field: &str| format!("timeline event `{}` without `{field}`", w.kind);
        Ok(match w.kind.as_str() {
            "rejected_as" => TimelineEvent::RejectedAs { reason: w.reason.ok_or_else(|| missing("reason"))? },
            "delivered" => TimelineEvent::Delivered,
            "info_provided" => TimelineEvent::InfoProvided { files: w.files.ok_or_else(|| missing("files"))? },
            "drafts_updated" => {
                TimelineEvent::DraftsUpdated { revision: w.revision.ok_or_else(|| missing("revision"))? }
            }
            "claimed" => TimelineEvent::Claimed,
            "assigned" => TimelineEvent::Assigned {
                assignee: w.assignee.clone().ok_or_else(|| missing("assignee"))?,
                priority: w.priority,
                due_date: w.due_date,
            },
            "acknowledged" => TimelineEvent::Acknowledged { fixed: w.fixed.ok_or_else(|| missing("fixed"))? },
            "pdp_notified" => TimelineEvent::PdpNotified { complete: w.complete.ok_or_else(|| missing("complete"))? },
            other => return Err(format!("unknown timeline event `{other}`")),
        })
    }
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

    #[test]
    fn every_event_reads_back_as_written() {
        let all = [
            TimelineEvent::RejectedAs { reason: RejectReason::Duplicate },
            TimelineEvent::Delivered,
            TimelineEvent::InfoProvided { files: 2 },
            TimelineEvent::DraftsUpdated { revision: 3 },
            TimelineEvent::Claimed,
            TimelineEvent::Assigned {
                assignee: "Sari".into(),
                priority: Some(Priority::Segera),
                due_date: NaiveDate::from_ymd_opt(2026, 12, 1),
            },
            TimelineEvent::Assigned { assignee: "Budi".into(), priority: None, due_date: None },
            TimelineEvent::Acknowledged { fixed: true },
            TimelineEvent::PdpNotified { complete: false },
        ];
        for event in all {
            let json = serde_json::to_value(&event).unwrap_or_default();
            assert_eq!(serde_json::from_value::<TimelineEvent>(json.clone()).ok(), Some(event), "{json}");
        }
        for bad in [serde_json::json!({"type": "drafts_updated"}), serde_json::json!({"type": "later"})] {
            assert!(serde_json::from_value::<TimelineEvent>(bad).is_err());
        }
    }
}
