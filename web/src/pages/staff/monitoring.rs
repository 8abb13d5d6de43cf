//! Pemantauan Sistem Elektronik: each monitored URL of the PSE register with its last check,
//! status, last finding (and its ticket) and next check; "check now", "accept the current page as
//! the new baseline" and "mute this detector" (analysts and the head); adding and removing a URL
//! (administrators).

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::dto::monitoring::{FindingKind, Monitor, MonitorList, MuteRequest, NewMonitor};
use ttis_shared::dto::tickets::PseList;
use ttis_shared::{Lang, Role};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{Guard, StaffNav, error_box};
use crate::api::{self, ApiError};
use crate::hooks::{Fetch, use_fetch, use_fetch_when};
use crate::i18n::{Key, t};
use crate::route::Route;
use crate::state::{Session, use_lang};
use crate::util;

pub fn finding_key(kind: FindingKind) -> Key {
    match kind {
        FindingKind::Defacement => Key::FindingDefacement,
        FindingKind::Gambling => Key::FindingGambling,
        FindingKind::Changed => Key::FindingChanged,
        FindingKind::Unavailable => Key::FindingUnavailable,
        FindingKind::TlsExpiry => Key::FindingTlsExpiry,
    }
}

fn status(m: &Monitor, lang: Lang) -> Html {
    let (class, key) = match m.status.as_str() {
        "ok" => ("badge badge-pdp-ok", Key::MonitorStatusOk),
        "finding" => ("badge badge-pdp-overdue", Key::MonitorStatusFinding),
        "error" => ("badge badge-pdp", Key::MonitorStatusError),
        _ => ("badge", Key::MonitorStatusPending),
    };
    html! { <span class={class} id={format!("monitor-status-{}", m.id)}>{ t(lang, key) }</span> }
}

fn when(at: Option<&chrono::DateTime<chrono::Utc>>, lang: Lang) -> Html {
    match at {
        Some(at) => html! { <time datetime={at.to_rfc3339()}>{ util::format_datetime(at, lang) }</time> },
        None => html! { <span class="muted">{ "—" }</span> },
    }
}

#[function_component(Monitoring)]
pub fn monitoring() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <MonitoringPage {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

/// A control's request and the words of its success.
enum Op {
    Check(i64),
    Baseline(i64),
    Mute(i64, MuteRequest),
    Unmute(i64, FindingKind),
    Delete(i64),
    Add(NewMonitor),
}

#[function_component(MonitoringPage)]
fn monitoring_page(props: &Props) -> Html {
    let lang = use_lang();
    let token = props.session.token.clone();
    let is_admin = props.session.has_role(Role::Admin);
    let controls = props.session.has_role(Role::Analyst) || props.session.has_role(Role::Head);
    let list =
        use_fetch(
            token.clone(),
            move |token| async move { api::get::<MonitorList>("/monitors", Some(&token), lang).await },
        );
    let pses = use_fetch_when(is_admin, token.clone(), move |token| async move {
        api::get::<PseList>("/pses", Some(&token), lang).await
    });
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let notice = use_state(|| None::<String>);
    let new_url = use_state(String::new);
    let new_pse = use_state(String::new);
    let new_interval = use_state(|| "30".to_string());

    let run = {
        let (busy, error, notice, token, list) =
            (busy.clone(), error.clone(), notice.clone(), token.clone(), list.clone());
        move |op: Op| {
            if *busy {
                return;
            }
            let (busy, error, notice, token, list) =
                (busy.clone(), error.clone(), notice.clone(), token.clone(), list.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let tok = Some(token.as_str());
                let (result, done): (Result<(), ApiError>, Key) = match op {
                    Op::Check(id) => (
                        api::request_empty::<Monitor>(Method::POST, &format!("/monitors/{id}/checks"), tok, lang)
                            .await
                            .map(|_| ()),
                        Key::MonitorChecked,
                    ),
                    Op::Baseline(id) => (
                        api::request_empty::<Monitor>(Method::POST, &format!("/monitors/{id}/baseline"), tok, lang)
                            .await
                            .map(|_| ()),
                        Key::MonitorBaselineDone,
                    ),
                    Op::Mute(id, body) => (
                        api::request::<_, Monitor>(
                            Method::PUT,
                            &format!("/monitors/{id}/mutes"),
                            Some(&body),
                            tok,
                            lang,
                        )
                        .await
                        .map(|_| ()),
                        Key::MonitorMuted,
                    ),
                    Op::Unmute(id, kind) => (
                        api::request_empty::<Monitor>(
                            Method::DELETE,
                            &format!("/monitors/{id}/mutes/{}", kind.as_str()),
                            tok,
                            lang,
                        )
                        .await
                        .map(|_| ()),
                        Key::MonitorUnmuted,
                    ),
                    Op::Delete(id) => (
                        api::request_empty::<()>(Method::DELETE, &format!("/monitors/{id}"), tok, lang).await,
                        Key::MonitorDeleted,
                    ),
                    Op::Add(body) => (
                        api::request::<_, Monitor>(Method::POST, "/monitors", Some(&body), tok, lang).await.map(|_| ()),
                        Key::MonitorAdded,
                    ),
                };
                busy.set(false);
                match result {
                    Ok(()) => {
                        error.set(None);
                        notice.set(Some(t(lang, done).to_string()));
                        list.reload();
                    }
                    Err(e) => {
                        notice.set(None);
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus("monitoring-error");
                    }
                }
            });
        }
    };

    let add_form = if is_admin {
        let options: Vec<(i64, String)> =
            pses.data().map(|l| l.items.iter().map(|p| (p.id, p.name.clone())).collect()).unwrap_or_default();
        let onsubmit = {
            let (run, new_url, new_pse, new_interval) =
                (run.clone(), new_url.clone(), new_pse.clone(), new_interval.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let Ok(pse_id) = new_pse.parse::<i64>() else { return };
                run(Op::Add(NewMonitor {
                    pse_id,
                    url: new_url.trim().to_string(),
                    interval_minutes: new_interval.trim().parse().ok(),
                }));
            })
        };
        let on_url = {
            let v = new_url.clone();
            Callback::from(move |e: InputEvent| v.set(e.target_unchecked_into::<HtmlInputElement>().value()))
        };
        let on_interval = {
            let v = new_interval.clone();
            Callback::from(move |e: InputEvent| v.set(e.target_unchecked_into::<HtmlInputElement>().value()))
        };
        let on_pse = {
            let v = new_pse.clone();
            Callback::from(move |e: Event| v.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
        };
        html! {
            <form class="panel form" id="monitor-add" novalidate=true {onsubmit} aria-labelledby="monitor-add-title">
                <h2 id="monitor-add-title" class="h3">{ t(lang, Key::MonitorAdd) }</h2>
                <div class="field-row">
                    <div class="field">
                        <label for="monitor-pse">{ t(lang, Key::MonitorPse) }</label>
                        <select id="monitor-pse" onchange={on_pse}>
                            <option value="" selected={new_pse.is_empty()}>{ "—" }</option>
                            { for options.iter().map(|(id, name)| html! { <option value={id.to_string()}>{ name.clone() }</option> }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="monitor-interval">{ t(lang, Key::MonitorInterval) }</label>
                        <input id="monitor-interval" type="number" min="5" value={(*new_interval).clone()} oninput={on_interval} />
                    </div>
                </div>
                <div class="field">
                    <label for="monitor-url">{ t(lang, Key::MonitorUrl) }</label>
                    <input id="monitor-url" type="url" value={(*new_url).clone()} oninput={on_url} placeholder="https://disdik.kukarkab.go.id/" />
                </div>
                <button type="submit" class="btn btn-primary" id="monitor-add-submit" disabled={*busy}>{ t(lang, Key::MonitorAdd) }</button>
            </form>
        }
    } else {
        html! {}
    };

    let body = match list.state() {
        Fetch::Loading => html! { <p class="panel loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => error_box(e, lang, "monitoring-load-error"),
        Fetch::Ready(l) if l.items.is_empty() => {
            html! { <p class="panel muted" id="monitoring-empty">{ t(lang, Key::MonitorEmpty) }</p> }
        }
        Fetch::Ready(l) => html! {
            <ul class="monitor-list" id="monitor-list">
                { for l.items.iter().map(|m| monitor_card(m, lang, controls, is_admin, &run)) }
            </ul>
        },
    };

    html! {
        <div class="container container-wide page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::MonitoringTitle) }</h1>
                    <p class="lead">{ t(lang, Key::MonitoringLead) }</p>
                </div>
            </div>
            <StaffNav session={props.session.clone()} />
            if let Some(message) = &*notice {
                <div class="alert alert-success" role="status" id="monitoring-notice">{ message.clone() }</div>
            }
            if let Some(e) = &*error {
                { error_box(e, lang, "monitoring-error") }
            }
            { add_form }
            { body }
        </div>
    }
}

fn monitor_card(
    m: &Monitor,
    lang: Lang,
    controls: bool,
    is_admin: bool,
    run: &(impl Fn(Op) + Clone + 'static),
) -> Html {
    let id = m.id;
    let click = |op: fn(i64) -> Op| {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| run(op(id)))
    };
    let delete = {
        let run = run.clone();
        let url = m.url.clone();
        Callback::from(move |_: MouseEvent| {
            if util::confirm(&t(lang, Key::MonitorDeleteConfirm).replace("{url}", &url)) {
                run(Op::Delete(id));
            }
        })
    };
    let mute = {
        let run = run.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let doc = web_sys::window().and_then(|w| w.document());
            let value = |el: &str| -> String {
                doc.as_ref()
                    .and_then(|d| d.get_element_by_id(el))
                    .map(|e| {
                        use wasm_bindgen::JsCast;
                        e.dyn_ref::<HtmlInputElement>()
                            .map(|i| i.value())
                            .or_else(|| e.dyn_ref::<HtmlSelectElement>().map(|s| s.value()))
                            .unwrap_or_default()
                    })
                    .unwrap_or_default()
            };
            let kind = FindingKind::ALL.into_iter().find(|k| k.as_str() == value(&format!("monitor-mute-kind-{id}")));
            if let Some(kind) = kind {
                run(Op::Mute(id, MuteRequest { kind, reason: value(&format!("monitor-mute-reason-{id}")) }));
            }
        })
    };
    html! {
        <li class="panel monitor-card" id={format!("monitor-{id}")}>
            <h2 class="h3 break"><code>{ m.url.clone() }</code></h2>
            <p>{ status(m, lang) }{ " " }<span class="muted">{ m.pse_name.clone() }</span></p>
            <dl class="facts">
                <dt>{ t(lang, Key::MonitorLastCheck) }</dt>
                <dd>{ when(m.last_checked_at.as_ref(), lang) }
                    if let Some(e) = &m.last_error { <span class="cell-sub">{ e.clone() }</span> }
                </dd>
                <dt>{ t(lang, Key::MonitorNextCheck) }</dt>
                <dd>{ when(Some(&m.next_check_at), lang) }{ format!(" · {}", t(lang, Key::MonitorEvery).replace("{n}", &m.interval_minutes.to_string())) }</dd>
                <dt>{ t(lang, Key::MonitorLastFinding) }</dt>
                <dd id={format!("monitor-finding-{id}")}>
                    if let Some(f) = &m.last_finding {
                        <strong>{ t(lang, finding_key(f.kind)) }</strong>{ " · " }{ when(Some(&f.found_at), lang) }
                        <span class="cell-sub">{ f.summary.clone() }</span>
                        if let Some(code) = &f.ticket_code {
                            <Link<Route> to={Route::Ticket { code: code.clone() }}>{ code.clone() }</Link<Route>>
                        }
                    } else {
                        <span class="muted">{ t(lang, Key::MonitorNoFinding) }</span>
                    }
                </dd>
                <dt>{ t(lang, Key::MonitorBaselineAt) }</dt>
                <dd>{ when(m.baseline_at.as_ref(), lang) }</dd>
                if let Some(tls) = &m.tls_expires_at {
                    <dt>{ t(lang, Key::MonitorTls) }</dt>
                    <dd>{ when(Some(tls), lang) }</dd>
                }
            </dl>
            if !m.mutes.is_empty() {
                <ul class="plain-list" id={format!("monitor-mutes-{id}")}>
                    { for m.mutes.iter().map(|mu| {
                        let run = run.clone();
                        let kind = mu.kind;
                        let unmute = Callback::from(move |_: MouseEvent| run(Op::Unmute(id, kind)));
                        html! {
                            <li>
                                <strong>{ format!("{}: ", t(lang, finding_key(mu.kind))) }</strong>{ mu.reason.clone() }
                                <span class="cell-sub">{ format!("{} · ", mu.muted_by) }{ util::format_datetime(&mu.muted_at, lang) }</span>
                                if controls {
                                    <button type="button" class="btn btn-secondary btn-small" onclick={unmute}>{ t(lang, Key::MonitorUnmute) }</button>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
            if controls {
                <div class="panel-actions">
                    <button type="button" class="btn btn-primary btn-small" id={format!("monitor-check-{id}")} onclick={click(Op::Check)}>{ t(lang, Key::MonitorCheckNow) }</button>
                    <button type="button" class="btn btn-secondary btn-small" id={format!("monitor-baseline-{id}")} onclick={click(Op::Baseline)}>{ t(lang, Key::MonitorBaseline) }</button>
                </div>
                <details class="monitor-mute">
                    <summary>{ t(lang, Key::MonitorMute) }</summary>
                    <form class="form" id={format!("monitor-mute-{id}")} novalidate=true onsubmit={mute}>
                        <div class="field">
                            <label for={format!("monitor-mute-kind-{id}")}>{ t(lang, Key::MonitorMuteKind) }</label>
                            <select id={format!("monitor-mute-kind-{id}")}>
                                { for FindingKind::ALL.into_iter().map(|k| html! { <option value={k.as_str()}>{ t(lang, finding_key(k)) }</option> }) }
                            </select>
                        </div>
                        <div class="field">
                            <label for={format!("monitor-mute-reason-{id}")}>{ t(lang, Key::MonitorMuteReason) }</label>
                            <input id={format!("monitor-mute-reason-{id}")} type="text" />
                        </div>
                        <button type="submit" class="btn btn-secondary btn-small" id={format!("monitor-mute-submit-{id}")}>{ t(lang, Key::MonitorMute) }</button>
                    </form>
                </details>
            }
            if is_admin {
                <p><button type="button" class="btn btn-secondary btn-small" id={format!("monitor-delete-{id}")} onclick={delete}>{ t(lang, Key::MonitorDelete) }</button></p>
            }
        </li>
    }
}
