//! Webhooks (administrators): the addresses that are told about reports, state changes, approved
//! documents and completed tickets. Register one (its signing secret is shown once), look at its
//! recent calls, remove it.

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::Role;
use ttis_shared::dto::delivery::{DeliveryList, Webhook, WebhookCreated, WebhookEvent, WebhookInput};
use ttis_shared::validation;
use yew::prelude::*;

use super::deliveries::{status_badge, when};
use super::{Guard, StaffNav, error_box, event_value};
use crate::api::{self, ApiError};
use crate::components::step_up::{StepUpFields, use_step_up};
use crate::hooks::{Fetch, use_fetch_when};
use crate::i18n::{Key, t};
use crate::pages::common::message_for;
use crate::state::{Session, use_lang};
use crate::util;

/// An event's words (what it tells the receiver).
fn event_key(e: WebhookEvent) -> Key {
    match e {
        WebhookEvent::ReportSubmitted => Key::WebhookEventReportSubmitted,
        WebhookEvent::TicketStateChanged => Key::WebhookEventTicketStateChanged,
        WebhookEvent::DocumentApproved => Key::WebhookEventDocumentApproved,
        WebhookEvent::TicketCompleted => Key::WebhookEventTicketCompleted,
    }
}

/// `webhook-event-ticket-state-changed` for `ticket.state_changed`.
fn event_id(e: WebhookEvent) -> String {
    format!("webhook-event-{}", e.as_str().replace(['.', '_'], "-"))
}

#[function_component(Webhooks)]
pub fn webhooks() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <WebhooksPage {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

#[function_component(WebhooksPage)]
fn webhooks_page(props: &Props) -> Html {
    let lang = use_lang();
    let token = props.session.token.clone();
    let is_admin = props.session.has_role(Role::Admin);
    let list = use_fetch_when(is_admin, token.clone(), move |token| async move {
        api::get::<ttis_shared::dto::delivery::WebhookList>("/webhooks", Some(&token), lang).await.map(|l| l.items)
    });
    let created = use_state(|| None::<Rc<WebhookCreated>>);
    let notice = use_state(|| None::<String>);
    let action_error = use_state(|| None::<ApiError>);

    let on_created = {
        let (created, notice, action_error, list) =
            (created.clone(), notice.clone(), action_error.clone(), list.clone());
        Callback::from(move |w: WebhookCreated| {
            notice.set(None);
            action_error.set(None);
            created.set(Some(Rc::new(w)));
            list.reload();
            wasm_bindgen_futures::spawn_local(async {
                util::sleep(0).await;
                util::focus("webhook-secret-title");
            });
        })
    };
    let on_delete = {
        let (created, notice, action_error, list, token) =
            (created.clone(), notice.clone(), action_error.clone(), list.clone(), token.clone());
        Callback::from(move |w: Webhook| {
            if !util::confirm(&t(lang, Key::WebhookDeleteConfirm).replace("{url}", &w.url)) {
                return;
            }
            let (created, notice, action_error, list, token) =
                (created.clone(), notice.clone(), action_error.clone(), list.clone(), token.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/webhooks/{}", w.id);
                match api::request_empty::<()>(Method::DELETE, &path, Some(&token), lang).await {
                    Ok(()) => {
                        action_error.set(None);
                        if created.as_ref().is_some_and(|c| c.webhook.id == w.id) {
                            created.set(None);
                        }
                        notice.set(Some(format!("{}: {}", t(lang, Key::WebhookDeleted), w.url)));
                    }
                    Err(e) => action_error.set(Some(e)),
                }
                list.reload();
            });
        })
    };
    let on_secret_done = {
        let created = created.clone();
        Callback::from(move |_: MouseEvent| created.set(None))
    };

    let table = match list.state() {
        Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => error_box(e, lang, "webhooks-error"),
        Fetch::Ready(items) if items.is_empty() => html! {
            <div class="empty-state" id="webhooks-empty">
                <p class="empty-state-title">{ t(lang, Key::WebhooksEmptyTitle) }</p>
                <p>{ t(lang, Key::WebhooksEmptyText) }</p>
            </div>
        },
        Fetch::Ready(items) => html! {
            <div class="table-wrap">
                <table class="table webhooks-table" id="webhooks-table">
                    <caption class="visually-hidden">{ t(lang, Key::WebhooksListTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Key::WebhookUrl) }</th>
                            <th scope="col">{ t(lang, Key::WebhookEvents) }</th>
                            <th scope="col">{ t(lang, Key::UsersCreatedAt) }</th>
                            <th scope="col"><span class="visually-hidden">{ t(lang, Key::ActionsLabel) }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for items.iter().map(|w| html! {
                            <WebhookRow key={w.id} webhook={w.clone()} token={token.clone()} on_delete={on_delete.clone()} />
                        }) }
                    </tbody>
                </table>
            </div>
        },
    };

    let body = if !is_admin {
        html! { <p class="alert alert-error" role="alert" id="webhooks-forbidden">{ t(lang, Key::UsersForbidden) }</p> }
    } else {
        html! {
            <>
                if let Some(n) = &*notice {
                    <div class="alert alert-success" role="status" id="webhooks-notice">{ n.clone() }</div>
                }
                if let Some(e) = &*action_error {
                    { error_box(e, lang, "webhooks-action-error") }
                }
                if let Some(c) = &*created {
                    <SecretBox created={c.clone()} on_done={on_secret_done} />
                }
                <div class="grid-users">
                    <section class="panel" id="webhooks" aria-labelledby="webhooks-list-title">
                        <h2 id="webhooks-list-title">{ t(lang, Key::WebhooksListTitle) }</h2>
                        { table }
                    </section>
                    <WebhookForm token={token.clone()} {on_created} />
                </div>
                <section class="panel webhook-howto" aria-labelledby="webhook-howto-title">
                    <h2 id="webhook-howto-title">{ t(lang, Key::WebhookHowToTitle) }</h2>
                    <p>{ t(lang, Key::WebhookHowToHeaders) }</p>
                    <p>{ t(lang, Key::WebhookHowToVerify) }</p>
                    <pre class="code-block"><code>{ "X-TTIS-Signature: t=1764385323,v1=5f2b…c9\n\nv1 = hex(HMAC-SHA256(secret, t + \".\" + body))" }</code></pre>
                    <p class="field-hint">{ t(lang, Key::WebhookHowToRetry) }</p>
                </section>
            </>
        }
    };

    html! {
        <div class="container container-wide page webhooks-page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::WebhooksTitle) }</h1>
                    <p class="lead">{ t(lang, Key::WebhooksLead) }</p>
                </div>
            </div>
            <StaffNav session={props.session.clone()} />
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SecretProps {
    created: Rc<WebhookCreated>,
    on_done: Callback<MouseEvent>,
}

/// The new webhook's signing secret, shown this once.
#[function_component(SecretBox)]
fn secret_box(props: &SecretProps) -> Html {
    let lang = use_lang();
    let copied = use_state(|| None::<bool>);
    let on_copy = {
        let (copied, secret) = (copied.clone(), props.created.secret.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, secret) = (copied.clone(), secret.clone());
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(util::copy_text(&secret).await));
            });
        })
    };
    html! {
        <section class="panel panel-accent webhook-secret-panel" id="webhook-secret-box" aria-labelledby="webhook-secret-title">
            <h2 id="webhook-secret-title" tabindex="-1">{ t(lang, Key::WebhookSecretTitle) }</h2>
            <div class="alert alert-warning" role="note">
                <strong>{ t(lang, Key::WebhookSecretCopyNow) }</strong>
                <p>{ t(lang, Key::WebhookSecretOnce).replace("{url}", &props.created.webhook.url) }</p>
            </div>
            <div class="secret-row">
                <code id="webhook-secret" class="secret">{ props.created.secret.clone() }</code>
                <button type="button" class="btn btn-secondary btn-small" id="webhook-secret-copy" onclick={on_copy}>{ t(lang, Key::Copy) }</button>
                <span class="copy-feedback" role="status" id="webhook-secret-copied">
                    { match *copied {
                        Some(true) => t(lang, Key::Copied),
                        Some(false) => t(lang, Key::CopyFailed),
                        None => "",
                    } }
                </span>
            </div>
            <p class="field-hint">{ t(lang, Key::WebhookHowToVerify) }</p>
            <p class="panel-actions">
                <button type="button" class="btn btn-primary" id="webhook-secret-done" onclick={props.on_done.clone()}>{ t(lang, Key::WebhookSecretDone) }</button>
            </p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    webhook: Webhook,
    token: String,
    on_delete: Callback<Webhook>,
}

/// One webhook and, when opened, its recent calls (`GET /webhooks/{id}/deliveries`).
#[function_component(WebhookRow)]
fn webhook_row(props: &RowProps) -> Html {
    let lang = use_lang();
    let w = &props.webhook;
    let open = use_state(|| false);
    // Asked again each time the row is opened.
    let calls = {
        let (token, id) = (props.token.clone(), w.id);
        use_fetch_when(*open, (), move |()| async move {
            api::get::<DeliveryList>(&format!("/webhooks/{id}/deliveries"), Some(&token), lang).await
        })
    };
    let toggle = {
        let (open, calls) = (open.clone(), calls.clone());
        Callback::from(move |_: MouseEvent| {
            let next = !*open;
            open.set(next);
            if next {
                calls.clear();
            }
        })
    };
    let delete = {
        let (on_delete, w) = (props.on_delete.clone(), w.clone());
        Callback::from(move |_: MouseEvent| on_delete.emit(w.clone()))
    };
    let list_id = format!("webhook-deliveries-list-{}", w.id);
    let calls_view = match calls.state() {
        Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => html! { <p class="field-error" role="alert">{ e.message(lang) }</p> },
        Fetch::Ready(l) if l.items.is_empty() => html! { <p class="muted">{ t(lang, Key::WebhookNoCalls) }</p> },
        Fetch::Ready(l) => html! {
            <table class="table deliveries-table webhook-calls">
                <caption class="visually-hidden">{ format!("{} {}", t(lang, Key::DeliveriesTitle), w.url) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, Key::WebhookEvent) }</th>
                        <th scope="col">{ t(lang, Key::Status) }</th>
                        <th scope="col">{ t(lang, Key::DeliveryAttempts) }</th>
                        <th scope="col">{ t(lang, Key::DeliveryLastError) }</th>
                        <th scope="col">{ t(lang, Key::DeliverySentAt) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for l.items.iter().map(|d| html! {
                        <tr id={format!("webhook-call-{}", d.id)} class={format!("delivery-row delivery-row-{}", d.status)}>
                            <td>
                                <code>{ d.subject.clone() }</code>
                                <span class="cell-sub"><time datetime={d.created_at.to_rfc3339()}>{ util::format_datetime(&d.created_at, lang) }</time></span>
                            </td>
                            <td>{ status_badge(&d.status, lang) }</td>
                            <td class="delivery-attempts">{ d.attempts }</td>
                            <td class="delivery-error break">{ d.last_error.clone().unwrap_or_else(|| "—".into()) }</td>
                            <td>{ when(d, lang) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    };
    html! {
        <>
            <tr id={format!("webhook-{}", w.id)} class={classes!((!w.active).then_some("row-revoked"))}>
                <td class="break webhook-url">
                    <code>{ w.url.clone() }</code>
                    if !w.active {
                        <span class="cell-sub">{ t(lang, Key::UsersDisabled) }</span>
                    }
                </td>
                <td>
                    <ul class="chips webhook-events">
                        { for w.events.iter().map(|e| html! {
                            <li class="chip chip-small" title={t(lang, event_key(*e))}>{ e.as_str() }</li>
                        }) }
                    </ul>
                </td>
                <td><time datetime={w.created_at.to_rfc3339()}>{ util::format_datetime(&w.created_at, lang) }</time></td>
                <td class="cell-actions">
                    <button type="button" class="btn btn-secondary btn-small" id={format!("webhook-deliveries-{}", w.id)}
                        aria-expanded={if *open { "true" } else { "false" }} aria-controls={list_id.clone()} onclick={toggle}>
                        { t(lang, if *open { Key::WebhookHideCalls } else { Key::WebhookCalls }) }
                    </button>
                    <button type="button" class="btn btn-danger btn-small" id={format!("webhook-delete-{}", w.id)}
                        aria-label={format!("{} {}", t(lang, Key::Delete), w.url)} onclick={delete}>
                        { t(lang, Key::Delete) }
                    </button>
                </td>
            </tr>
            if *open {
                <tr class="webhook-calls-row">
                    <td colspan="4" id={list_id}>{ calls_view }</td>
                </tr>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    token: String,
    on_created: Callback<WebhookCreated>,
}

/// Register a webhook (`POST /webhooks`).
#[function_component(WebhookForm)]
fn webhook_form(props: &FormProps) -> Html {
    let lang = use_lang();
    let url = use_state(String::new);
    let events = use_state(Vec::<WebhookEvent>::new);
    let local = use_state(Vec::<(&'static str, String)>::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let step_up = use_step_up(&props.token, true);

    let onsubmit = {
        let (url, events, local, error, busy) =
            (url.clone(), events.clone(), local.clone(), error.clone(), busy.clone());
        let step_up = step_up.clone();
        let (token, on_created) = (props.token.clone(), props.on_created.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let mut problems = Vec::new();
            if let Err(v) = validation::web_url(&url) {
                let message = match v {
                    validation::Violation::NotAnOption => t(lang, Key::WebhookUrlInvalid).to_string(),
                    other => other.message(lang),
                };
                problems.push(("url", message));
            }
            if events.is_empty() {
                problems.push(("events", t(lang, Key::WebhookEventsRequired).to_string()));
            }
            problems.extend(step_up.problems(lang));
            if let Some((field, _)) = problems.first() {
                util::focus(match *field {
                    "url" => "webhook-url",
                    "events" => "webhook-event-report-submitted",
                    "password" => "webhook-password",
                    _ => "webhook-totp",
                });
                local.set(problems);
                error.set(None);
                return;
            }
            local.set(Vec::new());
            // In the order the API lists them, whatever order they were ticked in.
            let chosen = WebhookEvent::ALL.into_iter().filter(|e| events.contains(e)).collect();
            let (password, totp) = step_up.values();
            let body = WebhookInput { url: url.trim().to_string(), events: chosen, password, totp };
            let (url, events, error, busy, token, on_created) =
                (url.clone(), events.clone(), error.clone(), busy.clone(), token.clone(), on_created.clone());
            let step_up = step_up.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request::<_, WebhookCreated>(Method::POST, "/webhooks", Some(&body), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(w) => {
                        error.set(None);
                        step_up.clear_after(None);
                        url.set(String::new());
                        events.set(Vec::new());
                        on_created.emit(w);
                    }
                    Err(e) => {
                        step_up.clear_after(Some(&e));
                        error.set(Some(e));
                    }
                }
            });
        })
    };

    let err_of = |field: &'static str| message_for(&local, &error, field);
    let url_err = err_of("url");
    let events_err = err_of("events");
    let boxes = WebhookEvent::ALL.into_iter().map(|ev| {
        let id = event_id(ev);
        let checked = events.contains(&ev);
        let onchange = {
            let events = events.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut next: Vec<WebhookEvent> = events.iter().copied().filter(|x| *x != ev).collect();
                if input.checked() {
                    next.push(ev);
                }
                events.set(next);
            })
        };
        html! {
            <div class="checkbox webhook-event">
                <input type="checkbox" id={id.clone()} value={ev.as_str()} {checked} {onchange} />
                <label for={id}>
                    { t(lang, event_key(ev)) }{ " " }<code class="event-code">{ ev.as_str() }</code>
                </label>
            </div>
        }
    });

    html! {
        <section class="panel" aria-labelledby="webhook-form-title">
            <h2 id="webhook-form-title">{ t(lang, Key::WebhookAdd) }</h2>
            <form id="webhook-form" class="form" novalidate=true {onsubmit}>
                if let Some(e) = error.as_ref().filter(|e| e.field_errors().is_empty()) {
                    { error_box(e, lang, "webhook-form-error") }
                }
                <div class={classes!("field", url_err.is_some().then_some("field-invalid"))}>
                    <label for="webhook-url">{ t(lang, Key::WebhookUrl) }</label>
                    <p class="field-hint" id="webhook-url-hint">{ t(lang, Key::WebhookUrlHint) }</p>
                    <input id="webhook-url" type="url" inputmode="url" autocomplete="off" spellcheck="false" class="mono"
                        placeholder="https://soc.example.go.id/hooks/ttis"
                        value={(*url).clone()} oninput={{ let url = url.clone(); Callback::from(move |e: InputEvent| url.set(event_value(&e))) }}
                        aria-invalid={url_err.is_some().then_some("true")}
                        aria-describedby={if url_err.is_some() { "webhook-url-hint webhook-url-error" } else { "webhook-url-hint" }} />
                    if let Some(e) = url_err {
                        <p class="field-error" id="webhook-url-error">{ e }</p>
                    }
                </div>
                <fieldset class={classes!("checkbox-group", events_err.is_some().then_some("field-invalid"))}
                    aria-describedby={events_err.is_some().then_some("webhook-events-error")}>
                    <legend>{ t(lang, Key::WebhookEvents) }</legend>
                    { for boxes }
                    if let Some(e) = events_err {
                        <p class="field-error" id="webhook-events-error">{ e }</p>
                    }
                </fieldset>
                <StepUpFields state={step_up.clone()} id="webhook" hint={t(lang, Key::StepUpHintWebhook)}
                    password_error={err_of("password")} code_error={err_of("totp")} />
                <button type="submit" id="webhook-create" class="btn btn-primary" disabled={*busy}>
                    { t(lang, if *busy { Key::Sending } else { Key::WebhookAdd }) }
                </button>
            </form>
        </section>
    }
}
