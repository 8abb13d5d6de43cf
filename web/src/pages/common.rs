//! Helpers the public pages and the staff area share: reading form controls, labels in the UI
//! language, and showing an API error.

use ttis_shared::Lang;
use ttis_shared::dto::problem::FieldError;
use ttis_shared::dto::reports::Label;
use ttis_shared::dto::tickets::RejectReason;
use ttis_shared::dto::timeline::TimelineEvent;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::api::ApiError;
use crate::i18n::{Key, t};

/// The value of the control an event came from (input, textarea or select).
pub fn event_value<E: AsRef<web_sys::Event>>(e: &E) -> String {
    let Some(target) = e.as_ref().target() else {
        return String::new();
    };
    if let Some(el) = target.dyn_ref::<HtmlInputElement>() {
        el.value()
    } else if let Some(el) = target.dyn_ref::<HtmlTextAreaElement>() {
        el.value()
    } else if let Some(el) = target.dyn_ref::<HtmlSelectElement>() {
        el.value()
    } else {
        String::new()
    }
}

/// A callback that stores the control's value in `state`.
pub fn set_text<E: AsRef<web_sys::Event> + 'static>(state: &UseStateHandle<String>) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |e: E| state.set(event_value(&e)))
}

pub fn label_text(label: &Label, lang: Lang) -> String {
    match lang {
        Lang::Id => label.id.clone(),
        Lang::En => label.en.clone(),
    }
}

/// An error message box.
pub fn error_box(err: &ApiError, lang: Lang, id: &'static str) -> Html {
    html! { <div class="alert alert-error" role="alert" {id} tabindex="-1">{ err.message(lang) }</div> }
}

/// The server's message for a field path (exact, or ending in `.{field}`).
pub fn field_error(errors: &[FieldError], field: &str) -> Option<String> {
    errors.iter().find(|e| e.field == field || e.field.ends_with(&format!(".{field}"))).map(|e| e.message.clone())
}

/// The ticket priorities (staff build): the value, its API spelling and its label. Here rather
/// than in the staff area because a timeline entry names the priority it was assigned with.
#[cfg(feature = "staff")]
pub const PRIORITIES: [(ttis_shared::dto::tickets::Priority, &str, Key); 3] = [
    (ttis_shared::dto::tickets::Priority::Biasa, "biasa", Key::PriorityBiasa),
    (ttis_shared::dto::tickets::Priority::Segera, "segera", Key::PrioritySegera),
    (ttis_shared::dto::tickets::Priority::SangatSegera, "sangat_segera", Key::PrioritySangatSegera),
];

/// The key of a rejection's reason.
pub fn reason_key(reason: RejectReason) -> Key {
    match reason {
        RejectReason::NotValid => Key::ReasonNotValid,
        RejectReason::Duplicate => Key::ReasonDuplicate,
        RejectReason::OutOfScope => Key::ReasonOutOfScope,
        RejectReason::InsufficientInformation => Key::ReasonInsufficient,
        RejectReason::Spam => Key::ReasonSpam,
    }
}

/// A timeline entry's typed event in the reader's language (the API sends data, never words).
pub fn timeline_event(event: &TimelineEvent, lang: Lang) -> String {
    match event {
        TimelineEvent::RejectedAs { reason } => {
            t(lang, Key::EventRejectedAs).replace("{reason}", t(lang, reason_key(*reason)))
        }
        TimelineEvent::Delivered => t(lang, Key::EventDelivered).to_string(),
        TimelineEvent::InfoProvided { files: 1 } => t(lang, Key::EventFileAdded).to_string(),
        TimelineEvent::InfoProvided { files } => t(lang, Key::EventFilesAdded).replace("{n}", &files.to_string()),
        TimelineEvent::DraftsUpdated { revision } => {
            t(lang, Key::EventDraftsUpdated).replace("{n}", &revision.to_string())
        }
        TimelineEvent::Claimed => t(lang, Key::EventClaimed).to_string(),
        TimelineEvent::Assigned { assignee, priority, due_date } => {
            let mut text = t(lang, Key::EventAssigned).replace("{name}", assignee);
            #[cfg(feature = "staff")]
            if let Some(p) = priority {
                let key = PRIORITIES.iter().find(|(v, _, _)| v == p).map(|(_, _, k)| *k);
                if let Some(key) = key {
                    text.push_str(&format!(" · {}", t(lang, key).to_lowercase()));
                }
            }
            #[cfg(not(feature = "staff"))]
            let _ = priority;
            if let Some(day) = due_date {
                let due = t(lang, Key::EventDue).replace("{date}", &crate::util::format_day(day, lang));
                text.push_str(&format!(" · {due}"));
            }
            text
        }
        TimelineEvent::Acknowledged { fixed: true } => t(lang, Key::EventAcknowledgedFixed).to_string(),
        TimelineEvent::Acknowledged { fixed: false } => t(lang, Key::EventAcknowledged).to_string(),
        TimelineEvent::PdpNotified { complete: true } => t(lang, Key::EventPdpNotifiedComplete).to_string(),
        TimelineEvent::PdpNotified { complete: false } => t(lang, Key::EventPdpNotified).to_string(),
    }
}

/// What follows a timeline entry's heading: its event in words, then the text a person wrote (or
/// a note that the retention period erased it).
pub fn timeline_details(event: Option<&TimelineEvent>, body: Option<&str>, erased: bool, lang: Lang) -> Html {
    html! {
        <>
            if let Some(event) = event {
                <p class="event-detail">{ timeline_event(event, lang) }</p>
            }
            if erased {
                <p class="event-body event-erased">{ t(lang, Key::TimelineErased) }</p>
            } else if let Some(body) = body {
                <p class="event-body prewrap">{ body.to_string() }</p>
            }
        </>
    }
}

/// A callback that keeps what a [`crate::components::field::Field`] holds.
pub fn setter(state: &UseStateHandle<String>) -> Callback<String> {
    let state = state.clone();
    Callback::from(move |v: String| state.set(v))
}

/// The message to show at `field`: a problem found before sending (`local`, by the API's field
/// name) first, then the server's.
pub fn message_for(local: &[(&'static str, String)], error: &Option<ApiError>, field: &str) -> Option<String> {
    local
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, m)| m.clone())
        .or_else(|| error.as_ref().and_then(|e| field_error(e.field_errors(), field)))
}
