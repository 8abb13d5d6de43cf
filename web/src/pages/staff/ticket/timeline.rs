//! The ticket's timeline as staff read it: each entry's kind, author and typed event worded from
//! the reader's catalogue (the API sends data, not sentences), and the text a person wrote.

use ttis_shared::Lang;
use ttis_shared::dto::tickets::{TicketDetail, TimelineEntry};
use ttis_shared::dto::timeline::TimelineActor;
use yew::prelude::*;

use crate::i18n::{Key, t};
use crate::pages::common::timeline_details;
use crate::util;

fn kind_text(e: &TimelineEntry, lang: Lang) -> String {
    match e.kind.as_str() {
        "state_change" => {
            let to = e.to_state.map(|s| s.label(lang)).unwrap_or_default();
            match e.from_state {
                Some(from) => format!("{} {} → {to}", t(lang, Key::TlStateChange), from.label(lang)),
                None => format!("{} {to}", t(lang, Key::TlStateChange)),
            }
        }
        "message" => t(lang, Key::TlMessage).to_string(),
        "reply" => t(lang, Key::TlReply).to_string(),
        "note" => t(lang, Key::TlNote).to_string(),
        "assignment" => t(lang, Key::TlAssignment).to_string(),
        "acknowledgement" => t(lang, Key::TlAcknowledgement).to_string(),
        other => other.to_string(),
    }
}

/// Who wrote the entry: a staff member by name; the reporter, the system and the PSE in words.
fn author_text(e: &TimelineEntry, lang: Lang) -> String {
    match e.actor {
        TimelineActor::Staff => e.author.clone(),
        TimelineActor::Reporter => t(lang, Key::AuthorReporterStaff).to_string(),
        TimelineActor::System => t(lang, Key::AuthorSystem).to_string(),
        TimelineActor::Pse if e.author.is_empty() => t(lang, Key::AuthorPse).to_string(),
        TimelineActor::Pse => format!("{} ({})", e.author, t(lang, Key::AuthorPse)),
    }
}

pub fn timeline_panel(d: &TicketDetail, lang: Lang) -> Html {
    html! {
        <section class="panel" aria-labelledby="ticket-timeline-title" id="ticket-timeline-panel">
            <h2 id="ticket-timeline-title">{ t(lang, Key::TimelineTitle) }</h2>
            if d.timeline.is_empty() {
                <p>{ t(lang, Key::TimelineEmpty) }</p>
            } else {
                <ol class="timeline" id="ticket-timeline">
                    { for d.timeline.iter().map(|e| html! {
                        <li id={format!("timeline-{}", e.id)}
                            class={classes!("event", format!("event-{}", e.kind), (!e.public).then_some("event-internal"))}>
                            <time datetime={e.at.to_rfc3339()}>{ util::format_datetime(&e.at, lang) }</time>
                            <p class="event-what">
                                { kind_text(e, lang) }
                                { " · " }<span class="event-author">{ author_text(e, lang) }</span>
                                if !e.public {
                                    { " " }<span class="badge badge-internal">{ t(lang, Key::InternalBadge) }</span>
                                }
                            </p>
                            { timeline_details(e.event.as_ref(), e.body.as_deref(), e.erased, lang) }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}
