//! Revoking a signed document, on its public verification page (`/verify/{id}`): administrators
//! only, with the reason the page will show.

use gloo_net::http::Method;
use ttis_shared::dto::documents::{DocumentVerification, RevocationRequest};
use ttis_shared::validation;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::i18n::{Key, t};
use crate::pages::common::{error_box, field_error, set_text};
use crate::state::{use_auth, use_lang};
use crate::util;

#[derive(Properties, PartialEq)]
pub struct RevokeProps {
    pub id: AttrValue,
    pub on_update: Callback<DocumentVerification>,
}

/// Administrators revoke a signed document, with the reason this page will show.
#[function_component(RevokeForm)]
pub fn revoke_form(props: &RevokeProps) -> Html {
    let lang = use_lang();
    let auth = use_auth();
    let reason = use_state(String::new);
    let invalid = use_state(|| None::<String>);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let session = auth.auth.session().filter(|s| s.has_role(ttis_shared::Role::Admin)).cloned();
    let Some(session) = session else {
        return html! {};
    };
    let onsubmit = {
        let (reason, invalid, error, busy) = (reason.clone(), invalid.clone(), error.clone(), busy.clone());
        let (id, on_update, token) = (props.id.clone(), props.on_update.clone(), session.token.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            if let Err(v) = validation::required(&reason).and_then(|()| validation::long_text(&reason)) {
                invalid.set(Some(v.message(lang)));
                util::focus("revoke-reason");
                return;
            }
            invalid.set(None);
            let body = RevocationRequest { reason: reason.trim().to_string() };
            let path = format!("/documents/{}/revocation", String::from(js_sys::encode_uri_component(&id)));
            let (error, busy, on_update, token) = (error.clone(), busy.clone(), on_update.clone(), token.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request::<_, DocumentVerification>(Method::POST, &path, Some(&body), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(v) => {
                        error.set(None);
                        on_update.emit(v);
                        util::sleep(0).await;
                        util::focus("verify-status");
                    }
                    Err(e) => {
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus("revoke-error");
                    }
                }
            });
        })
    };
    let err = (*invalid).clone().or_else(|| error.as_ref().and_then(|e| field_error(e.field_errors(), "reason")));
    html! {
        <section class="panel revoke-panel" aria-labelledby="revoke-title" id="revoke">
            <h2 id="revoke-title">{ t(lang, Key::RevokeTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::RevokeLead) }</p>
            <form id="revoke-form" class="form" novalidate=true {onsubmit}>
                if let Some(e) = error.as_ref().filter(|e| e.field_errors().is_empty()) {
                    { error_box(e, lang, "revoke-error") }
                }
                <div class={classes!("field", err.is_some().then_some("field-invalid"))}>
                    <label for="revoke-reason">{ t(lang, Key::RevokeReason) }</label>
                    <textarea id="revoke-reason" rows="3" value={(*reason).clone()} oninput={set_text::<InputEvent>(&reason)}
                        aria-invalid={err.is_some().then_some("true")}
                        aria-describedby={err.is_some().then_some("revoke-reason-error")} />
                    if let Some(e) = err { <p class="field-error" id="revoke-reason-error">{ e }</p> }
                </div>
                <div class="form-actions">
                    <button type="submit" id="revoke-submit" class="btn btn-danger" disabled={*busy}>
                        { t(lang, if *busy { Key::Sending } else { Key::RevokeSubmit }) }
                    </button>
                </div>
            </form>
        </section>
    }
}
