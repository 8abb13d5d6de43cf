//! The reporter answers the team's question.

use gloo_net::http::Method;
use ttis_shared::dto::reports::ReportStatus;
use ttis_shared::dto::tickets::ProvideInfoRequest;
use ttis_shared::validation;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::i18n::{Key, t};
use crate::state::use_lang;
use crate::util;

#[derive(Properties, PartialEq)]
pub(super) struct AnswerProps {
    pub(super) ticket_code: String,
    pub(super) access_key: String,
    pub(super) on_updated: Callback<ReportStatus>,
}

/// The reporter answers the team's question (`POST /reports/info` with the code and key).
#[function_component(AnswerForm)]
pub(super) fn answer_form(props: &AnswerProps) -> Html {
    let lang = use_lang();
    let message = use_state(String::new);
    let violation = use_state(|| None::<String>);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let oninput = {
        let message = message.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            message.set(input.value());
        })
    };
    let onsubmit = {
        let (message, violation, error, busy) = (message.clone(), violation.clone(), error.clone(), busy.clone());
        let (code, key, on_updated) = (props.ticket_code.clone(), props.access_key.clone(), props.on_updated.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            if let Err(v) = validation::required(&message).and_then(|()| validation::long_text(&message)) {
                violation.set(Some(v.message(lang)));
                util::focus("track-info-message");
                return;
            }
            violation.set(None);
            let body = ProvideInfoRequest {
                ticket_code: code.trim().to_string(),
                access_key: key.trim().to_string(),
                message: message.trim().to_string(),
            };
            let (message, error, busy, on_updated) = (message.clone(), error.clone(), busy.clone(), on_updated.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result: Result<ReportStatus, ApiError> =
                    api::request(Method::POST, "/reports/info", Some(&body), None, lang).await;
                busy.set(false);
                match result {
                    Ok(s) => {
                        message.set(String::new());
                        error.set(None);
                        on_updated.emit(s);
                    }
                    Err(e) => {
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus("track-info-error");
                    }
                }
            });
        })
    };
    let field_err = (*violation).clone().or_else(|| {
        error.as_ref().and_then(|e| e.field_errors().iter().find(|f| f.field == "message").map(|f| f.message.clone()))
    });
    html! {
        <div class="panel panel-notice" id="track-needs-info">
            <strong>{ t(lang, Key::NeedsInfoTitle) }</strong>
            <p>{ t(lang, Key::NeedsInfoText) }</p>
            <form class="form" id="track-info-form" novalidate=true {onsubmit}>
                if let Some(err) = error.as_ref().filter(|e| e.field_errors().is_empty()) {
                    <div id="track-info-error" class="alert alert-error" role="alert" tabindex="-1">{ err.message(lang) }</div>
                }
                <div class={classes!("field", field_err.is_some().then_some("field-invalid"))}>
                    <label for="track-info-message">{ t(lang, Key::InfoAnswerLabel) }</label>
                    <p class="field-hint" id="track-info-message-hint">{ t(lang, Key::InfoAnswerHint) }</p>
                    <textarea id="track-info-message" rows="5" value={(*message).clone()} {oninput}
                        aria-invalid={field_err.is_some().then_some("true")}
                        aria-describedby={if field_err.is_some() { "track-info-message-hint track-info-message-error" } else { "track-info-message-hint" }} />
                    if let Some(err) = field_err {
                        <p class="field-error" id="track-info-message-error">{ err }</p>
                    }
                </div>
                <div class="form-actions">
                    <button type="submit" id="track-info-submit" class="btn btn-primary" disabled={*busy}>
                        { t(lang, if *busy { Key::Sending } else { Key::InfoAnswerSubmit }) }
                    </button>
                </div>
            </form>
        </div>
    }
}
