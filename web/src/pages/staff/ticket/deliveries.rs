//! The ticket's notifications (SOP step 9 and the rest): every email and webhook call with how
//! its delivery went, and a way for analysts to send one again; and the PSE's confirmation that it
//! received the letter.

use gloo_net::http::Method;
use ttis_shared::Lang;
use ttis_shared::dto::delivery::{Acknowledgement, DeliveryItem};
use ttis_shared::dto::tickets::TicketDetail;
use yew::prelude::*;

use super::super::deliveries::{channel_text, recipients, status_badge, when};
use super::super::error_box;
use super::ticket_path;
use crate::api::{self, ApiError};
use crate::i18n::{Key, t};
use crate::state::use_lang;
use crate::util;

#[derive(Properties, PartialEq)]
pub struct DeliveriesProps {
    pub code: String,
    pub items: Vec<DeliveryItem>,
    pub token: String,
    /// Analysts may send a message again.
    pub can_resend: bool,
    pub on_done: Callback<(TicketDetail, String)>,
}

#[function_component(DeliveriesPanel)]
pub fn deliveries_panel(props: &DeliveriesProps) -> Html {
    let lang = use_lang();
    let busy = use_state(|| None::<i64>);
    let error = use_state(|| None::<ApiError>);

    let resend = |id: i64| {
        let (busy, error) = (busy.clone(), error.clone());
        let path = format!("{}/deliveries/{id}/resend", ticket_path(&props.code));
        let (token, on_done) = (props.token.clone(), props.on_done.clone());
        Callback::from(move |_: MouseEvent| {
            if busy.is_some() {
                return;
            }
            let (busy, error, path, token, on_done) =
                (busy.clone(), error.clone(), path.clone(), token.clone(), on_done.clone());
            busy.set(Some(id));
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::request_empty::<TicketDetail>(Method::POST, &path, Some(&token), lang).await;
                busy.set(None);
                match result {
                    Ok(d) => {
                        error.set(None);
                        on_done.emit((d, t(lang, Key::DeliveryResent).to_string()));
                    }
                    Err(e) => {
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus("deliveries-error");
                    }
                }
            });
        })
    };

    let row = |d: &DeliveryItem| {
        let may_resend = props.can_resend && matches!(d.status.as_str(), "failed" | "sent");
        html! {
            <tr id={format!("delivery-{}", d.id)} class={format!("delivery-row delivery-row-{}", d.status)}>
                <td>
                    <span class="delivery-channel">{ channel_text(&d.channel, lang) }</span>
                    if d.purpose.as_deref() == Some("delivery") {
                        <span class="cell-sub delivery-purpose">{ t(lang, Key::DeliveryPurposeDocuments) }</span>
                    }
                </td>
                <td class="break">
                    <span class="delivery-to">{ recipients(d) }</span>
                    <span class="cell-sub delivery-subject">{ d.subject.clone() }</span>
                    if !d.attachments.is_empty() {
                        <span class="cell-sub delivery-attachments">
                            { format!("{}: {}", t(lang, Key::DeliveryAttachments), d.attachments.join(", ")) }
                        </span>
                    }
                </td>
                <td>
                    { status_badge(&d.status, lang) }
                    <span class="cell-sub delivery-attempts">{ format!("{}: {}", t(lang, Key::DeliveryAttempts), d.attempts) }</span>
                    if let Some(err) = &d.last_error {
                        <span class="cell-sub delivery-error">{ format!("{}: {err}", t(lang, Key::DeliveryLastError)) }</span>
                    }
                </td>
                <td class="delivery-sent-at">{ when(d, lang) }</td>
                if props.can_resend {
                    <td class="cell-actions">
                        if may_resend {
                            <button type="button" class="btn btn-secondary btn-small" id={format!("delivery-resend-{}", d.id)}
                                aria-label={format!("{} {}", t(lang, Key::DeliveryResend), d.subject)}
                                disabled={busy.is_some()} onclick={resend(d.id)}>
                                { t(lang, if *busy == Some(d.id) { Key::Sending } else { Key::DeliveryResend }) }
                            </button>
                        }
                    </td>
                }
            </tr>
        }
    };

    html! {
        <section class="panel deliveries" id="deliveries" aria-labelledby="deliveries-title">
            <h2 id="deliveries-title">{ t(lang, Key::DeliveriesTitle) }{ " " }<span class="count">{ props.items.len() }</span></h2>
            if let Some(err) = &*error {
                { error_box(err, lang, "deliveries-error") }
            }
            if props.items.is_empty() {
                <p class="muted" id="deliveries-empty">{ t(lang, Key::DeliveriesNone) }</p>
            } else {
                <div class="table-wrap">
                    <table class="table deliveries-table" id="deliveries-table">
                        <caption class="visually-hidden">{ t(lang, Key::DeliveriesTitle) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, Key::DeliveryChannel) }</th>
                                <th scope="col">{ t(lang, Key::DeliveryRecipients) }</th>
                                <th scope="col">{ t(lang, Key::Status) }</th>
                                <th scope="col">{ t(lang, Key::DeliverySentAt) }</th>
                                if props.can_resend {
                                    <th scope="col"><span class="visually-hidden">{ t(lang, Key::ActionsLabel) }</span></th>
                                }
                            </tr>
                        </thead>
                        <tbody>{ for props.items.iter().map(row) }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}

/// The PSE's confirmation of the letter (`#pse-acknowledgement`), when there is one.
pub fn acknowledgement_panel(ack: Option<&Acknowledgement>, lang: Lang) -> Html {
    let Some(ack) = ack else {
        return html! {};
    };
    html! {
        <section class="panel pse-acknowledgement" id="pse-acknowledgement" aria-labelledby="pse-acknowledgement-title">
            <h2 id="pse-acknowledgement-title">{ t(lang, Key::PseAckTitle) }</h2>
            <dl class="facts facts-stack">
                <dt>{ t(lang, Key::AckAt) }</dt>
                <dd id="pse-ack-at">
                    <time datetime={ack.acknowledged_at.to_rfc3339()}>{ util::format_datetime(&ack.acknowledged_at, lang) }</time>
                </dd>
                if let Some(n) = &ack.letter_number {
                    <dt>{ t(lang, Key::AckLetterNumber) }</dt>
                    <dd>{ n.clone() }</dd>
                }
                <dt>{ t(lang, Key::AckFixedLabel) }</dt>
                <dd id="pse-ack-fixed">
                    <span class={classes!("status", if ack.fixed { "status-on" } else { "status-off" })}>
                        { t(lang, if ack.fixed { Key::Yes } else { Key::No }) }
                    </span>
                </dd>
                <dt>{ t(lang, Key::AckName) }</dt>
                <dd id="pse-ack-name">{ ack.name.clone().unwrap_or_else(|| t(lang, Key::NotProvided).to_string()) }</dd>
                <dt>{ t(lang, Key::AckNote) }</dt>
                <dd id="pse-ack-note" class="prewrap">{ ack.note.clone().unwrap_or_else(|| t(lang, Key::NotProvided).to_string()) }</dd>
            </dl>
        </section>
    }
}
