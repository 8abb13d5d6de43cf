//! Konfirmasi Penerimaan Surat (SOP step 9): the PSE confirms, with the one-time link from its
//! email (`/acknowledge#<token>`), that it received the notification letter and, if so, that the
//! weakness is fixed. The token lives in the URL fragment, which never reaches a server; the page
//! reads it, removes it from the address bar, and sends it in the body of
//! `POST /api/v1/acknowledgements`.

use gloo_net::http::Method;
use ttis_shared::dto::delivery::{Acknowledgement, AcknowledgementLink, AcknowledgementLookup, AcknowledgementRequest};
use ttis_shared::validation;
use wasm_bindgen::prelude::JsValue;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::i18n::{Key, t};
use crate::pages::common::{event_value, field_error};
use crate::state::use_lang;
use crate::util;

/// The token of a fragment like `#q3J0…` (or `#token=q3J0…`).
fn token_of(hash: &str) -> Option<String> {
    let raw = hash.trim_start_matches('#');
    let raw = raw.strip_prefix("token=").unwrap_or(raw);
    let raw = raw.split('&').next().unwrap_or_default().trim();
    let token = js_sys::decode_uri_component(raw).map(String::from).unwrap_or_else(|_| raw.to_string());
    (!token.is_empty()).then_some(token)
}

/// Takes the token out of the address bar (and so out of history).
fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
}

/// What went wrong, in words for the PSE: a used link and an unknown link each get their own.
fn refusal_text(e: &ApiError, lang: ttis_shared::Lang) -> String {
    match e.status() {
        Some(409) => t(lang, Key::AckUsed).to_string(),
        Some(404) => t(lang, Key::AckInvalid).to_string(),
        _ => e.message(lang),
    }
}

#[function_component(Acknowledge)]
pub fn acknowledge() -> Html {
    let lang = use_lang();
    // `None` until the fragment is read; then the token, or empty when the link carried none.
    let token = use_state(|| None::<String>);
    let fixed = use_state(|| false);
    let name = use_state(String::new);
    let note = use_state(String::new);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let local = use_state(|| None::<(&'static str, String)>);
    let result = use_state(|| None::<Acknowledgement>);
    // What the link is for: a personal-data incident asks for the notification dates too.
    let link = use_state(|| None::<AcknowledgementLink>);
    let subjects = use_state(String::new);
    let authority = use_state(String::new);

    {
        let (token, link) = (token.clone(), link.clone());
        use_effect_with((), move |_| {
            let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
            let found = token_of(&hash);
            if let Some(tok) = found.clone() {
                clear_fragment();
                wasm_bindgen_futures::spawn_local(async move {
                    let body = AcknowledgementLookup { token: tok };
                    let answer: Result<AcknowledgementLink, ApiError> =
                        api::request(Method::POST, "/acknowledgements/lookup", Some(&body), None, lang).await;
                    if let Ok(l) = answer {
                        link.set(Some(l));
                    }
                });
            }
            token.set(Some(found.unwrap_or_default()));
        });
    }
    let on_subjects = {
        let subjects = subjects.clone();
        Callback::from(move |e: InputEvent| subjects.set(event_value(&e)))
    };
    let on_authority = {
        let authority = authority.clone();
        Callback::from(move |e: InputEvent| authority.set(event_value(&e)))
    };

    let on_fixed = {
        let fixed = fixed.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            fixed.set(input.checked());
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(event_value(&e)))
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |e: InputEvent| note.set(event_value(&e)))
    };
    let onsubmit = {
        let (token, fixed, name, note) = (token.clone(), fixed.clone(), name.clone(), note.clone());
        let (subjects, authority) = (subjects.clone(), authority.clone());
        let (busy, error, local, result) = (busy.clone(), error.clone(), local.clone(), result.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let Some(tok) = token.as_ref().filter(|s| !s.is_empty()).cloned() else {
                return;
            };
            if let Err(v) = validation::optional_line(&name) {
                local.set(Some(("name", v.message(lang))));
                util::focus("ack-name");
                return;
            }
            if let Err(v) = validation::long_text(&note) {
                local.set(Some(("note", v.message(lang))));
                util::focus("ack-note");
                return;
            }
            // The notification dates, read in the device's time zone and sent as instants.
            let mut dates = [None, None];
            for (i, (field, value, id)) in [
                ("subjects_notified_at", &*subjects, "ack-subjects"),
                ("authority_notified_at", &*authority, "ack-authority"),
            ]
            .into_iter()
            .enumerate()
            {
                if value.trim().is_empty() {
                    continue;
                }
                match util::parse_local(value) {
                    Some(at) => dates[i] = Some(at),
                    None => {
                        local.set(Some((field, t(lang, Key::AckPdpBadTime).to_string())));
                        util::focus(id);
                        return;
                    }
                }
            }
            local.set(None);
            let body = AcknowledgementRequest {
                token: tok,
                fixed: *fixed,
                name: Some(name.trim().to_string()).filter(|s| !s.is_empty()),
                note: Some(note.trim().to_string()).filter(|s| !s.is_empty()),
                subjects_notified_at: dates[0],
                authority_notified_at: dates[1],
            };
            let (busy, error, result) = (busy.clone(), error.clone(), result.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let answer: Result<Acknowledgement, ApiError> =
                    api::request(Method::POST, "/acknowledgements", Some(&body), None, lang).await;
                busy.set(false);
                match answer {
                    Ok(ack) => {
                        error.set(None);
                        result.set(Some(ack));
                        util::sleep(0).await;
                        util::focus("ack-result");
                    }
                    Err(e) => {
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus("ack-error");
                    }
                }
            });
        })
    };

    let field_err = |field: &'static str| -> Option<String> {
        local
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.clone())
            .or_else(|| error.as_ref().and_then(|e| field_error(e.field_errors(), field)))
    };
    let name_err = field_err("name");
    let note_err = field_err("note");
    let subjects_err = field_err("subjects_notified_at");
    let authority_err = field_err("authority_notified_at");
    let pdp = link.as_ref().filter(|l| l.personal_data).cloned();
    // A used link of a personal-data incident still takes the dates that are missing.
    let used = link.as_ref().and_then(|l| l.acknowledgement.clone());
    let dates_missing = |a: &Acknowledgement| a.subjects_notified_at.is_none() || a.authority_notified_at.is_none();
    let only_dates = pdp.is_some() && used.as_ref().is_some_and(dates_missing);
    let used_up = used.is_some() && !only_dates;
    let date_field = |id: &'static str,
                      label: Key,
                      value: &str,
                      oninput: Callback<InputEvent>,
                      err: Option<String>,
                      given: Option<chrono::DateTime<chrono::Utc>>| {
        let err_id = format!("{id}-error");
        html! {
            <div class={classes!("field", err.is_some().then_some("field-invalid"))}>
                <label for={id}>{ t(lang, label) }{ " " }<span class="optional">{ t(lang, Key::Optional) }</span></label>
                if let Some(at) = given {
                    <p id={id}><time datetime={at.to_rfc3339()}>{ util::format_datetime(&at, lang) }</time></p>
                } else {
                    <p class="field-hint">{ util::local_zone_label(lang) }</p>
                    <input id={id} type="datetime-local" value={value.to_string()} max={util::local_input_now()} {oninput}
                        aria-invalid={err.is_some().then_some("true")} aria-describedby={err.is_some().then_some(err_id.clone())} />
                    if let Some(e) = err { <p class="field-error" id={err_id}>{ e }</p> }
                }
            </div>
        }
    };
    let pdp_fields = match &pdp {
        Some(l) => html! {
            <fieldset class="form-section" id="ack-pdp">
                <legend>{ t(lang, Key::AckPdpTitle) }</legend>
                <p class="field-hint" id="ack-pdp-lead">
                    { t(lang, Key::AckPdpLead) }
                    if let Some(due) = &l.pdp_due_at {
                        { " " }<strong><time datetime={due.to_rfc3339()}>{ util::format_datetime(due, lang) }</time></strong>
                    }
                </p>
                { date_field("ack-subjects", Key::AckPdpSubjects, &subjects, on_subjects.clone(), subjects_err.clone(),
                    used.as_ref().and_then(|a| a.subjects_notified_at)) }
                { date_field("ack-authority", Key::AckPdpAuthority, &authority, on_authority.clone(), authority_err.clone(),
                    used.as_ref().and_then(|a| a.authority_notified_at)) }
                <p class="field-hint">{ t(lang, Key::AckPdpLater) }</p>
            </fieldset>
        },
        None => html! {},
    };
    // A used or unknown link cannot be tried again: the form goes away.
    let final_refusal = error.as_ref().is_some_and(|e| matches!(e.status(), Some(404 | 409)));

    let body = if let Some(ack) = &*result {
        html! {
            <div class="panel ack-result" id="ack-result" role="status" tabindex="-1">
                <div class="alert alert-success"><strong>{ t(lang, Key::AckThanks) }</strong></div>
                <dl class="facts">
                    <dt>{ t(lang, Key::TicketCode) }</dt>
                    <dd id="ack-ticket-code"><code>{ ack.ticket_code.clone() }</code></dd>
                    <dt>{ t(lang, Key::AckLetterNumber) }</dt>
                    <dd id="ack-letter-number">{ ack.letter_number.clone().unwrap_or_else(|| "—".into()) }</dd>
                    <dt>{ t(lang, Key::AckAt) }</dt>
                    <dd id="ack-at">
                        <time datetime={ack.acknowledged_at.to_rfc3339()}>{ util::format_datetime(&ack.acknowledged_at, lang) }</time>
                    </dd>
                    <dt>{ t(lang, Key::AckFixedLabel) }</dt>
                    <dd id="ack-fixed-result">{ t(lang, if ack.fixed { Key::Yes } else { Key::No }) }</dd>
                    if let Some(n) = &ack.name {
                        <dt>{ t(lang, Key::AckName) }</dt>
                        <dd>{ n.clone() }</dd>
                    }
                    if let Some(n) = &ack.note {
                        <dt>{ t(lang, Key::AckNote) }</dt>
                        <dd class="prewrap">{ n.clone() }</dd>
                    }
                    if pdp.is_some() {
                        <dt>{ t(lang, Key::AckPdpSubjects) }</dt>
                        <dd id="ack-subjects-result">{ ack.subjects_notified_at.map(|a| util::format_datetime(&a, lang)).unwrap_or_else(|| "—".into()) }</dd>
                        <dt>{ t(lang, Key::AckPdpAuthority) }</dt>
                        <dd id="ack-authority-result">{ ack.authority_notified_at.map(|a| util::format_datetime(&a, lang)).unwrap_or_else(|| "—".into()) }</dd>
                    }
                </dl>
                if pdp.is_some() && dates_missing(ack) {
                    <p class="field-hint" id="ack-pdp-later">{ t(lang, Key::AckPdpLater) }</p>
                }
                if !ack.fixed {
                    <p class="field-hint">{ t(lang, Key::AckNotFixedHint) }</p>
                }
            </div>
        }
    } else {
        match token.as_deref() {
            None => html! { <p class="panel loading" role="status">{ t(lang, Key::Loading) }</p> },
            Some("") => html! {
                <div class="alert alert-error" role="alert" id="ack-error">
                    <strong>{ t(lang, Key::AckInvalid) }</strong>
                    <p>{ t(lang, Key::AckNoToken) }</p>
                </div>
            },
            Some(_) if used_up && error.is_none() => html! {
                <div class="alert alert-error" role="alert" id="ack-error" tabindex="-1">
                    <strong>{ t(lang, Key::AckUsed) }</strong>
                    <p>{ t(lang, Key::AckUsedHint) }</p>
                </div>
            },
            Some(_) if only_dates => html! {
                <form class="panel form ack-form" id="ack-form" novalidate=true onsubmit={onsubmit.clone()} aria-labelledby="ack-form-title">
                    <h2 id="ack-form-title" class="h3">{ t(lang, Key::AckPdpTitle) }</h2>
                    if let Some(err) = error.as_ref().filter(|e| e.field_errors().is_empty()) {
                        <div id="ack-error" class="alert alert-error" role="alert" tabindex="-1">{ refusal_text(err, lang) }</div>
                    }
                    { pdp_fields.clone() }
                    <div class="form-actions">
                        <button type="submit" id="ack-submit" class="btn btn-primary" disabled={*busy}>
                            { t(lang, if *busy { Key::Sending } else { Key::AckPdpSubmit }) }
                        </button>
                    </div>
                </form>
            },
            Some(_) if final_refusal => html! {
                <div class="alert alert-error" role="alert" id="ack-error" tabindex="-1">
                    <strong>{ error.as_ref().map(|e| refusal_text(e, lang)).unwrap_or_default() }</strong>
                    <p>{ t(lang, if error.as_ref().and_then(ApiError::status) == Some(409) { Key::AckUsedHint } else { Key::AckInvalidHint }) }</p>
                </div>
            },
            Some(_) => html! {
                <form class="panel form ack-form" id="ack-form" novalidate=true {onsubmit} aria-labelledby="ack-form-title">
                    <h2 id="ack-form-title" class="h3">{ t(lang, Key::AckFormTitle) }</h2>
                    if let Some(err) = error.as_ref().filter(|e| e.field_errors().is_empty()) {
                        <div id="ack-error" class="alert alert-error" role="alert" tabindex="-1">{ refusal_text(err, lang) }</div>
                    }
                    <div class="check-field">
                        <div class="checkbox">
                            <input type="checkbox" id="ack-fixed" checked={*fixed} onchange={on_fixed} aria-describedby="ack-fixed-hint" />
                            <label for="ack-fixed">{ t(lang, Key::AckFixed) }</label>
                        </div>
                        <p class="field-hint" id="ack-fixed-hint">{ t(lang, Key::AckFixedHint) }</p>
                    </div>
                    <div class={classes!("field", name_err.is_some().then_some("field-invalid"))}>
                        <label for="ack-name">{ t(lang, Key::AckName) }{ " " }<span class="optional">{ t(lang, Key::Optional) }</span></label>
                        <input id="ack-name" type="text" autocomplete="name" value={(*name).clone()} oninput={on_name}
                            aria-invalid={name_err.is_some().then_some("true")}
                            aria-describedby={name_err.is_some().then_some("ack-name-error")} />
                        if let Some(err) = name_err {
                            <p class="field-error" id="ack-name-error">{ err }</p>
                        }
                    </div>
                    <div class={classes!("field", note_err.is_some().then_some("field-invalid"))}>
                        <label for="ack-note">{ t(lang, Key::AckNote) }{ " " }<span class="optional">{ t(lang, Key::Optional) }</span></label>
                        <p class="field-hint" id="ack-note-hint">{ t(lang, Key::AckNoteHint) }</p>
                        <textarea id="ack-note" rows="4" value={(*note).clone()} oninput={on_note}
                            aria-invalid={note_err.is_some().then_some("true")}
                            aria-describedby={if note_err.is_some() { "ack-note-hint ack-note-error" } else { "ack-note-hint" }} />
                        if let Some(err) = note_err {
                            <p class="field-error" id="ack-note-error">{ err }</p>
                        }
                    </div>
                    { pdp_fields }
                    <div class="form-actions">
                        <button type="submit" id="ack-submit" class="btn btn-primary" disabled={*busy}>
                            { t(lang, if *busy { Key::Sending } else { Key::AckSubmit }) }
                        </button>
                    </div>
                </form>
            },
        }
    };

    html! {
        <div class="container page narrow ack-page">
            <p class="eyebrow">{ t(lang, Key::TeamName) }</p>
            <h1>{ t(lang, Key::AckTitle) }</h1>
            <p class="lead">{ t(lang, Key::AckLead) }</p>
            { body }
        </div>
    }
}
