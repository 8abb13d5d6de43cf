//! How notifications went (emails and webhook calls): the words and badges the ticket page, the
//! dashboard and the webhooks page share, and the dashboard's panel of deliveries that gave up
//! after every retry (analysts and the head).

use std::rc::Rc;

use ttis_shared::dto::delivery::{DeliveryItem, FailedDeliveryList};
use ttis_shared::{Lang, Role};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::hooks::use_fetch_when;
use crate::i18n::{Key, t};
use crate::route::Route;
use crate::state::{Session, use_lang};
use crate::util;

/// A delivery's status in words (`sent`, `pending`, `sending`, `failed`; others as they come).
pub fn status_text(status: &str, lang: Lang) -> String {
    let key = match status {
        "sent" => Key::DeliverySent,
        "pending" => Key::DeliveryPending,
        "sending" => Key::DeliverySending,
        "failed" => Key::DeliveryFailed,
        other => return other.to_string(),
    };
    t(lang, key).to_string()
}

/// The status as a badge (`delivery-status delivery-status-failed`, ...).
pub fn status_badge(status: &str, lang: Lang) -> Html {
    let class = format!("delivery-status-{}", status.replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
    html! { <span class={classes!("delivery-status", class)}>{ status_text(status, lang) }</span> }
}

/// `email` or `webhook` in words.
pub fn channel_text(channel: &str, lang: Lang) -> String {
    match channel {
        "email" => t(lang, Key::ChannelEmail).to_string(),
        "webhook" => t(lang, Key::DeliveryWebhook).to_string(),
        other => other.to_string(),
    }
}

/// The recipients, one after another (`—` when there are none).
pub fn recipients(item: &DeliveryItem) -> String {
    if item.to.is_empty() { "—".to_string() } else { item.to.join(", ") }
}

/// When a delivery went, or when it is tried next.
pub fn when(item: &DeliveryItem, lang: Lang) -> Html {
    match (&item.sent_at, item.status.as_str()) {
        (Some(at), _) => html! { <time datetime={at.to_rfc3339()}>{ util::format_datetime(at, lang) }</time> },
        (None, "pending" | "sending") => html! {
            <span class="cell-sub">
                { format!("{} ", t(lang, Key::DeliveryNextAttempt)) }
                <time datetime={item.next_attempt_at.to_rfc3339()}>{ util::format_datetime(&item.next_attempt_at, lang) }</time>
            </span>
        },
        (None, _) => html! { <span class="muted">{ "—" }</span> },
    }
}

#[derive(Properties, PartialEq)]
pub struct FailedProps {
    pub session: Rc<Session>,
}

/// The dashboard's panel of failed deliveries (`#failed-deliveries`); nothing when there are none.
#[function_component(FailedDeliveries)]
pub fn failed_deliveries(props: &FailedProps) -> Html {
    let lang = use_lang();
    let allowed = props.session.has_role(Role::Analyst) || props.session.has_role(Role::Head);
    let list = use_fetch_when(allowed, props.session.token.clone(), move |token| async move {
        api::get::<FailedDeliveryList>("/deliveries/failed", Some(&token), lang).await
    });
    let items = match list.data() {
        Some(l) if allowed && !l.items.is_empty() => &l.items,
        _ => return html! {},
    };
    html! {
        <section class="panel failed-deliveries" id="failed-deliveries" aria-labelledby="failed-deliveries-title">
            <h2 id="failed-deliveries-title">
                { t(lang, Key::FailedDeliveriesTitle) }{ " " }<span class="count">{ items.len() }</span>
            </h2>
            <p class="field-hint">{ t(lang, Key::FailedDeliveriesHint) }</p>
            <div class="table-wrap">
                <table class="table deliveries-table" id="failed-deliveries-table">
                    <caption class="visually-hidden">{ t(lang, Key::FailedDeliveriesTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Key::TicketCode) }</th>
                            <th scope="col">{ t(lang, Key::DeliveryRecipients) }</th>
                            <th scope="col">{ t(lang, Key::Subject) }</th>
                            <th scope="col">{ t(lang, Key::DeliveryLastError) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for items.iter().map(|f| {
                            let d = &f.delivery;
                            html! {
                                <tr id={format!("failed-delivery-{}", d.id)}>
                                    <td class="cell-code">
                                        if let Some(code) = &f.ticket_code {
                                            <Link<Route> to={Route::Ticket { code: code.clone() }}>{ code.clone() }</Link<Route>>
                                        } else {
                                            { "—" }
                                        }
                                    </td>
                                    <td class="break">
                                        { recipients(d) }
                                        <span class="cell-sub">{ format!("{} · {}: {}", channel_text(&d.channel, lang), t(lang, Key::DeliveryAttempts), d.attempts) }</span>
                                    </td>
                                    <td class="break">{ d.subject.clone() }</td>
                                    <td class="delivery-error">{ d.last_error.clone().unwrap_or_else(|| "—".into()) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
