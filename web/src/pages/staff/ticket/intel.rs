//! What a verified ticket shares and owes: the personal-data incident's 72-hour clock (UU PDP)
//! with the dates the PSE gave, and the threat intelligence for other CSIRTs: the observables
//! with their "indicator" switch, and the STIX 2.1 and MISP downloads (TLP:RED only by a head,
//! explicitly).

use gloo_net::http::Method;
use ttis_shared::Lang;
use ttis_shared::dto::intel::{NewObservable, Observable, ObservableKind, ObservableUpdate};
use ttis_shared::dto::tickets::TicketDetail;
use ttis_shared::pdp::{PdpNotices, PdpStatus};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::super::{error_box, field_error};
use super::ticket_path;
use crate::api::{self, ApiError};
use crate::i18n::{Key, t};
use crate::state::use_lang;
use crate::util;

fn date_or_not_yet(at: Option<&chrono::DateTime<chrono::Utc>>, lang: Lang) -> Html {
    match at {
        Some(at) => html! { <time datetime={at.to_rfc3339()}>{ util::format_datetime(at, lang) }</time> },
        None => html! { <span class="muted">{ t(lang, Key::PdpNotYet) }</span> },
    }
}

#[derive(Properties, PartialEq)]
pub struct PdpProps {
    pub pdp: Option<PdpStatus>,
    pub code: String,
    pub token: String,
    /// Analysts and the head record the dates a PSE gave by phone or letter.
    pub can_record: bool,
    pub on_done: Callback<(TicketDetail, String)>,
}

/// The PDP clock and the PSE's dates (nothing for a ticket without personal data), with a form
/// for the dates a PSE gave by phone or letter while one is missing.
#[function_component(PdpPanel)]
pub fn pdp_panel(props: &PdpProps) -> Html {
    let lang = use_lang();
    let subjects = use_state(String::new);
    let authority = use_state(String::new);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let Some(p) = props.pdp.as_ref() else { return html! {} };
    let (class, state) = match (&p.confirmed_at, p.overdue) {
        (Some(_), _) => ("badge badge-pdp-ok", Key::PdpConfirmed),
        (None, true) => ("badge badge-pdp-overdue", Key::PdpOverdue),
        (None, false) => ("badge badge-pdp", Key::PdpRunning),
    };
    let onsubmit = {
        let (subjects, authority, busy, error) = (subjects.clone(), authority.clone(), busy.clone(), error.clone());
        let (code, token, on_done) = (props.code.clone(), props.token.clone(), props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let body = PdpNotices {
                subjects_notified_at: util::parse_local(&subjects),
                authority_notified_at: util::parse_local(&authority),
            };
            let (busy, error, on_done) = (busy.clone(), error.clone(), on_done.clone());
            let path = format!("{}/pdp-notices", ticket_path(&code));
            let token = token.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result: Result<TicketDetail, ApiError> =
                    api::request(Method::POST, &path, Some(&body), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(d) => {
                        error.set(None);
                        on_done.emit((d, t(lang, Key::PdpRecorded).to_string()));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let input = |id: &'static str, label: Key, value: &UseStateHandle<String>| {
        let value = value.clone();
        let oninput =
            Callback::from(move |e: InputEvent| value.set(e.target_unchecked_into::<HtmlInputElement>().value()));
        html! {
            <div class="field">
                <label for={id}>{ t(lang, label) }</label>
                <input {id} type="datetime-local" {oninput} />
            </div>
        }
    };
    html! {
        <section class="panel pdp-panel" aria-labelledby="ticket-pdp-title" id="ticket-pdp">
            <h2 id="ticket-pdp-title">{ t(lang, Key::PdpTitle) }</h2>
            <p><span class={class} id="ticket-pdp-state">{ t(lang, state) }</span></p>
            <p class="field-hint">{ t(lang, Key::PdpLead) }</p>
            <dl class="facts">
                <dt>{ t(lang, Key::PdpDue) }</dt>
                <dd id="ticket-pdp-due"><time datetime={p.due_at.to_rfc3339()}>{ util::format_datetime(&p.due_at, lang) }</time></dd>
                <dt>{ t(lang, Key::PdpSubjects) }</dt>
                <dd id="ticket-pdp-subjects">{ date_or_not_yet(p.subjects_notified_at.as_ref(), lang) }</dd>
                <dt>{ t(lang, Key::PdpAuthority) }</dt>
                <dd id="ticket-pdp-authority">{ date_or_not_yet(p.authority_notified_at.as_ref(), lang) }</dd>
            </dl>
            if props.can_record && p.confirmed_at.is_none() {
                <form class="form" id="pdp-notices" novalidate=true {onsubmit}>
                    <p class="field-hint">{ t(lang, Key::PdpRecordHint) }{ util::local_zone_label(lang) }</p>
                    if let Some(e) = &*error {
                        { error_box(e, lang, "pdp-error") }
                    }
                    if p.subjects_notified_at.is_none() {
                        { input("pdp-subjects", Key::PdpSubjects, &subjects) }
                    }
                    if p.authority_notified_at.is_none() {
                        { input("pdp-authority", Key::PdpAuthority, &authority) }
                    }
                    <button type="submit" class="btn btn-secondary btn-small" id="pdp-record" disabled={*busy}>{ t(lang, Key::PdpRecord) }</button>
                </form>
            }
        </section>
    }
}

fn kind_label(kind: ObservableKind, lang: Lang) -> &'static str {
    match kind {
        ObservableKind::Url => "URL",
        ObservableKind::Domain => lang.pick("Domain", "Domain"),
        ObservableKind::Ipv4 => "IPv4",
        ObservableKind::Ipv6 => "IPv6",
        ObservableKind::Sha256 => "SHA-256",
    }
}

/// A change to the observables.
enum Op {
    Add(NewObservable),
    Switch(i64, bool),
    Remove(i64),
}

#[derive(Properties, PartialEq)]
pub struct IntelProps {
    pub detail: std::rc::Rc<TicketDetail>,
    pub token: String,
    /// A head may export a TLP:RED ticket, explicitly.
    pub is_head: bool,
    /// Analysts and the head switch indicators and add observables.
    pub can_edit: bool,
    pub on_changed: Callback<()>,
}

#[function_component(IntelPanel)]
pub fn intel_panel(props: &IntelProps) -> Html {
    let lang = use_lang();
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let kind = use_state(|| ObservableKind::Domain);
    let value = use_state(String::new);
    let indicator = use_state(|| true);
    // A head's explicit choice to export a TLP:RED ticket (the API asks for `include_red`).
    let red_choice = use_state(|| false);
    let d = &props.detail;
    let base = format!("{}/observables", ticket_path(&d.code));
    let red = d.tlp == "red";

    let send = {
        let (busy, error, token, on_changed) =
            (busy.clone(), error.clone(), props.token.clone(), props.on_changed.clone());
        let base = base.clone();
        move |op: Op, after: Option<Callback<()>>| {
            if *busy {
                return;
            }
            let (busy, error, token, on_changed, base) =
                (busy.clone(), error.clone(), token.clone(), on_changed.clone(), base.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result: Result<(), ApiError> = match op {
                    Op::Add(body) => {
                        api::request::<_, Observable>(Method::POST, &base, Some(&body), Some(&token), lang)
                            .await
                            .map(|_| ())
                    }
                    Op::Switch(id, indicator) => {
                        let body = ObservableUpdate { indicator };
                        api::request::<_, Observable>(
                            Method::PATCH,
                            &format!("{base}/{id}"),
                            Some(&body),
                            Some(&token),
                            lang,
                        )
                        .await
                        .map(|_| ())
                    }
                    Op::Remove(id) => {
                        api::request_empty::<()>(Method::DELETE, &format!("{base}/{id}"), Some(&token), lang).await
                    }
                };
                busy.set(false);
                match result {
                    Ok(()) => {
                        error.set(None);
                        if let Some(after) = after {
                            after.emit(());
                        }
                        on_changed.emit(());
                    }
                    Err(e) => {
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus("intel-error");
                    }
                }
            });
        }
    };

    let rows = d.observables.iter().map(|o| {
        let toggle = {
            let send = send.clone();
            let (id, next) = (o.id, !o.indicator);
            Callback::from(move |_: Event| send(Op::Switch(id, next), None))
        };
        let remove = {
            let send = send.clone();
            let id = o.id;
            Callback::from(move |_: MouseEvent| send(Op::Remove(id), None))
        };
        let switch_id = format!("observable-{}-indicator", o.id);
        html! {
            <tr>
                <td>{ kind_label(o.kind, lang) }</td>
                <td class="break"><code>{ o.value.clone() }</code>
                    if o.from_report { <span class="cell-sub">{ t(lang, Key::IntelFromReport) }</span> }
                </td>
                <td>
                    <div class="checkbox">
                        <input type="checkbox" id={switch_id.clone()} checked={o.indicator} disabled={!props.can_edit || *busy} onchange={toggle} />
                        <label for={switch_id}>{ t(lang, Key::IntelIndicator) }</label>
                    </div>
                </td>
                <td>
                    if props.can_edit && !o.from_report {
                        <button type="button" class="btn btn-secondary btn-small" onclick={remove} disabled={*busy}>{ t(lang, Key::IntelRemove) }</button>
                    }
                </td>
            </tr>
        }
    });

    let onsubmit = {
        let (send, kind, value, indicator) = (send.clone(), kind.clone(), value.clone(), indicator.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if value.trim().is_empty() {
                return;
            }
            let body = NewObservable { kind: *kind, value: value.trim().to_string(), indicator: *indicator };
            let value = value.clone();
            send(Op::Add(body), Some(Callback::from(move |()| value.set(String::new()))));
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(k) = ObservableKind::ALL.into_iter().find(|k| k.as_str() == select.value()) {
                kind.set(k);
            }
        })
    };
    let on_value = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| value.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_indicator = {
        let indicator = indicator.clone();
        Callback::from(move |e: Event| indicator.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    let download = |format: &'static str| {
        let (token, code, error) = (props.token.clone(), d.code.clone(), error.clone());
        let red_choice = red && props.is_head && *red_choice;
        Callback::from(move |_: MouseEvent| {
            let (token, code, error) = (token.clone(), code.clone(), error.clone());
            let query = if red_choice { "?include_red=true" } else { "" };
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("{}/{format}{query}", ticket_path(&code));
                let name = format!("{code}.{format}.json");
                if let Err(e) = api::download(&path, &token, &name, lang).await {
                    error.set(Some(e));
                }
            });
        })
    };
    let value_error = error.as_ref().and_then(|e| field_error(e.field_errors(), "value"));
    let may_export = !red || (props.is_head && *red_choice);
    let on_red_choice = {
        let red_choice = red_choice.clone();
        Callback::from(move |e: Event| red_choice.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };

    html! {
        <section class="panel" aria-labelledby="ticket-intel-title" id="ticket-intel">
            <h2 id="ticket-intel-title">{ t(lang, Key::IntelTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::IntelLead) }</p>
            if let Some(e) = &*error {
                { error_box(e, lang, "intel-error") }
            }
            if d.observables.is_empty() {
                <p class="muted">{ t(lang, Key::IntelNone) }</p>
            } else {
                <div class="table-wrap">
                    <table class="table" id="intel-observables">
                        <thead><tr>
                            <th scope="col">{ t(lang, Key::IntelKind) }</th>
                            <th scope="col">{ t(lang, Key::IntelValue) }</th>
                            <th scope="col">{ t(lang, Key::IntelIndicator) }</th>
                            <th scope="col"><span class="visually-hidden">{ t(lang, Key::IntelRemove) }</span></th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            if props.can_edit {
                <form class="form intel-add" id="intel-add" novalidate=true {onsubmit}>
                    <div class="field-row">
                        <div class="field">
                            <label for="intel-kind">{ t(lang, Key::IntelKind) }</label>
                            <select id="intel-kind" onchange={on_kind}>
                                { for ObservableKind::ALL.into_iter().map(|k| html! {
                                    <option value={k.as_str()} selected={k == *kind}>{ kind_label(k, lang) }</option>
                                }) }
                            </select>
                        </div>
                        <div class={classes!("field", value_error.is_some().then_some("field-invalid"))}>
                            <label for="intel-value">{ t(lang, Key::IntelValue) }</label>
                            <input id="intel-value" type="text" value={(*value).clone()} oninput={on_value}
                                aria-invalid={value_error.is_some().then_some("true")} />
                            if let Some(e) = value_error { <p class="field-error">{ e }</p> }
                        </div>
                    </div>
                    <div class="checkbox">
                        <input type="checkbox" id="intel-indicator" checked={*indicator} onchange={on_indicator} />
                        <label for="intel-indicator">{ t(lang, Key::IntelIndicator) }</label>
                    </div>
                    <button type="submit" class="btn btn-secondary" id="intel-add-submit" disabled={*busy}>{ t(lang, Key::IntelAdd) }</button>
                </form>
            }
            <div class="form-actions">
                if may_export {
                    <button type="button" class="btn btn-secondary" id="intel-stix" onclick={download("stix")}>{ t(lang, Key::IntelStix) }</button>
                    <button type="button" class="btn btn-secondary" id="intel-misp" onclick={download("misp")}>{ t(lang, Key::IntelMisp) }</button>
                }
                if red && props.is_head {
                    <div class="checkbox">
                        <input type="checkbox" id="intel-red-choice" checked={*red_choice} onchange={on_red_choice} />
                        <label for="intel-red-choice">{ t(lang, Key::IntelRedHead) }</label>
                    </div>
                } else if red {
                    <p class="field-hint" id="intel-red">{ t(lang, Key::IntelRedOthers) }</p>
                }
            </div>
        </section>
    }
}
