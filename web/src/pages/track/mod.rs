//! Lacak Laporan: follow a report with its ticket code and access key. A link from the receipt
//! carries both in the URL fragment (`/track#code=…&key=…`), which never reaches the server; the
//! page reads it, looks the report up, and removes it from the address bar. The status with its
//! forms is in [`status`] and the modules beside it.

mod answer;
mod downloads;
mod hof;
mod status;

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::dto::reports::{ReportStatus, StatusRequest};
use ttis_shared::validation::{self, Violation};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::{Closure, JsValue};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::field::Field;
use crate::i18n::{Key, t};
use crate::state::use_lang;
use crate::util;
use status::StatusView;

/// `code` and `key` from a fragment like `#code=TTIS-2026-000123&key=…`.
fn from_fragment(hash: &str) -> Option<(String, String)> {
    let mut code = None;
    let mut key = None;
    for pair in hash.trim_start_matches('#').split('&') {
        let Some((name, value)) = pair.split_once('=') else {
            continue;
        };
        let value = js_sys::decode_uri_component(value).map(String::from).unwrap_or_else(|_| value.to_string());
        match name {
            "code" => code = Some(value),
            "key" => key = Some(value),
            _ => {}
        }
    }
    Some((code?, key?))
}

/// Takes the code and key out of the address bar (and so out of history and screenshots).
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

#[function_component(Track)]
pub fn track() -> Html {
    let lang = use_lang();
    let code = use_state(String::new);
    let key = use_state(String::new);
    let code_violation = use_state(|| None::<Violation>);
    let key_violation = use_state(|| None::<Violation>);
    let busy = use_state(|| false);
    let status = use_state(|| None::<Rc<ReportStatus>>);
    let error = use_state(|| None::<ApiError>);

    let looked_up_key = use_state(String::new);
    let on_updated = {
        let status = status.clone();
        Callback::from(move |s: ReportStatus| {
            status.set(Some(Rc::new(s)));
            wasm_bindgen_futures::spawn_local(async {
                util::sleep(0).await;
                util::focus("track-info-sent");
            });
        })
    };

    let lookup = {
        let busy = busy.clone();
        let status = status.clone();
        let error = error.clone();
        let looked_up_key = looked_up_key.clone();
        Callback::from(move |(ticket_code, access_key): (String, String)| {
            let busy = busy.clone();
            let status = status.clone();
            let error = error.clone();
            let looked_up_key = looked_up_key.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let body = StatusRequest {
                    ticket_code: ticket_code.trim().to_string(),
                    access_key: access_key.trim().to_string(),
                };
                let result: Result<ReportStatus, ApiError> =
                    api::request(Method::POST, "/reports/status", Some(&body), None, lang).await;
                busy.set(false);
                match result {
                    Ok(s) => {
                        error.set(None);
                        looked_up_key.set(access_key.trim().to_string());
                        status.set(Some(Rc::new(s)));
                        util::sleep(0).await;
                        util::focus("track-result-title");
                    }
                    Err(e) => {
                        status.set(None);
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus("track-error");
                    }
                }
            });
        })
    };

    {
        let code = code.clone();
        let key = key.clone();
        let lookup = lookup.clone();
        use_effect_with((), move |_| {
            let from_address = move || {
                let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
                if let Some((c, k)) = from_fragment(&hash) {
                    clear_fragment();
                    code.set(c.clone());
                    key.set(k.clone());
                    lookup.emit((c, k));
                }
            };
            from_address();
            // A link followed while this page is open changes only the fragment: no new page.
            let listener = Closure::<dyn Fn()>::new(from_address);
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
                }
            }
        });
    }

    let on_code = {
        let code = code.clone();
        let v = code_violation.clone();
        Callback::from(move |s: String| {
            if v.is_some() {
                v.set(validation::required(&s).err());
            }
            code.set(s);
        })
    };
    let on_key = {
        let key = key.clone();
        let v = key_violation.clone();
        Callback::from(move |s: String| {
            if v.is_some() {
                v.set(validation::required(&s).err());
            }
            key.set(s);
        })
    };
    let onsubmit = {
        let code = code.clone();
        let key = key.clone();
        let code_violation = code_violation.clone();
        let key_violation = key_violation.clone();
        let busy = busy.clone();
        let lookup = lookup.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let cv = validation::required(&code).err();
            let kv = validation::required(&key).err();
            let invalid = cv.is_some() || kv.is_some();
            if cv.is_some() {
                util::focus("track-code");
            } else if kv.is_some() {
                util::focus("track-key");
            }
            code_violation.set(cv);
            key_violation.set(kv);
            if !invalid {
                lookup.emit(((*code).clone(), (*key).clone()));
            }
        })
    };

    html! {
        <div class="container page track-page">
            <h1>{ t(lang, Key::TrackTitle) }</h1>
            <p class="lead">{ t(lang, Key::TrackLead) }</p>
            <div class="track-layout">
                <form class="panel form track-form" novalidate=true {onsubmit} aria-labelledby="track-form-title">
                    <h2 id="track-form-title" class="h3">{ t(lang, Key::TrackFormTitle) }</h2>
                    if let Some(err) = &*error {
                        <div id="track-error" class="alert alert-error" role="alert" tabindex="-1">{ err.message(lang) }</div>
                    }
                    <Field
                        id="track-code"
                        label={t(lang, Key::TicketCode)}
                        value={(*code).clone()}
                        oninput={on_code}
                        error={code_violation.as_ref().map(|v| v.message(lang))}
                        hint={AttrValue::from(t(lang, Key::TicketCodeHint))}
                        autocomplete="off"
                        required=true
                    />
                    <Field
                        id="track-key"
                        label={t(lang, Key::AccessKey)}
                        value={(*key).clone()}
                        oninput={on_key}
                        error={key_violation.as_ref().map(|v| v.message(lang))}
                        hint={AttrValue::from(t(lang, Key::AccessKeyHint))}
                        autocomplete="off"
                        required=true
                    />
                    <button type="submit" id="track-submit" class="btn btn-primary btn-block" disabled={*busy}>
                        { t(lang, if *busy { Key::Loading } else { Key::TrackSubmit }) }
                    </button>
                </form>
                if let Some(s) = &*status {
                    <StatusView status={s.clone()} access_key={(*looked_up_key).clone()} on_updated={on_updated} />
                }
            </div>
        </div>
    }
}
