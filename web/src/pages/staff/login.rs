//! Staff sign-in. The access token goes into the in-memory session only. An account with a second
//! factor is asked, after its password, for the authenticator app's code.

use gloo_net::http::Method;
use ttis_shared::dto::auth::{LoginRequest, TokenResponse};
use ttis_shared::dto::problem::FieldError;
use ttis_shared::validation::{self, Violation};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::components::field::Field;
use crate::i18n::{Key, t};
use crate::route::Route;
use crate::state::{Auth, AuthAction, use_auth, use_lang};
use crate::util;

fn check_password(value: &str) -> Result<(), Violation> {
    if value.is_empty() { Err(Violation::Required) } else { Ok(()) }
}

/// The server's message for `field`, if it sent one.
pub fn server_error(errors: &[FieldError], field: &str) -> Option<String> {
    errors.iter().find(|e| e.field == field).map(|e| e.message.clone())
}

#[function_component(Login)]
pub fn login() -> Html {
    let lang = use_lang();
    let auth = use_auth();
    let email = use_state(String::new);
    let password = use_state(String::new);
    let email_violation = use_state(|| None::<Violation>);
    let password_violation = use_state(|| None::<Violation>);
    // Shown once the API answers `totp_required`: the account has a second factor.
    let totp_needed = use_state(|| false);
    let totp = use_state(String::new);
    let totp_violation = use_state(|| None::<Violation>);
    let server_fields = use_state(Vec::<FieldError>::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);

    if matches!(auth.auth, Auth::SignedIn(_)) {
        // Signing in (or an already restored session) lands on the dashboard.
        return html! { <Redirect<Route> to={Route::Dashboard} /> };
    }

    let on_email = {
        let email = email.clone();
        let email_violation = email_violation.clone();
        let server_fields = server_fields.clone();
        Callback::from(move |v: String| {
            // Once an error shows, re-check as the person types so it clears as soon as it is fixed.
            if email_violation.is_some() {
                email_violation.set(validation::email(&v).err());
            }
            server_fields.set(Vec::new());
            email.set(v);
        })
    };
    let on_email_blur = {
        let email = email.clone();
        let email_violation = email_violation.clone();
        Callback::from(move |()| {
            if !email.is_empty() {
                email_violation.set(validation::email(&email).err());
            }
        })
    };
    let on_password = {
        let password = password.clone();
        let password_violation = password_violation.clone();
        Callback::from(move |v: String| {
            if password_violation.is_some() {
                password_violation.set(check_password(&v).err());
            }
            password.set(v);
        })
    };

    let on_totp = {
        let totp = totp.clone();
        let totp_violation = totp_violation.clone();
        Callback::from(move |v: String| {
            if totp_violation.is_some() {
                totp_violation.set(validation::totp_code(&v).err());
            }
            totp.set(v);
        })
    };

    let onsubmit = {
        let email = email.clone();
        let password = password.clone();
        let totp = totp.clone();
        let totp_needed = totp_needed.clone();
        let email_violation = email_violation.clone();
        let password_violation = password_violation.clone();
        let totp_violation = totp_violation.clone();
        let server_fields = server_fields.clone();
        let error = error.clone();
        let busy = busy.clone();
        let auth = auth.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let ev = validation::email(&email).err();
            let pv = check_password(&password).err();
            let tv = if *totp_needed { validation::totp_code(&totp).err() } else { None };
            let invalid = ev.is_some() || pv.is_some() || tv.is_some();
            email_violation.set(ev);
            password_violation.set(pv);
            totp_violation.set(tv);
            server_fields.set(Vec::new());
            if invalid {
                error.set(None);
                return;
            }
            let code = totp.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let body = LoginRequest {
                email: email.trim().to_string(),
                password: (*password).clone(),
                totp: totp_needed.then_some(code),
            };
            let error = error.clone();
            let busy = busy.clone();
            let auth = auth.clone();
            let server_fields = server_fields.clone();
            let password = password.clone();
            let totp = totp.clone();
            let totp_needed = totp_needed.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result: Result<TokenResponse, ApiError> =
                    api::request(Method::POST, "/auth/login", Some(&body), None, lang).await;
                busy.set(false);
                match result {
                    Ok(tokens) => {
                        error.set(None);
                        auth.dispatch(AuthAction::SignedIn(tokens));
                    }
                    // The password was right; the code is asked for (again) and the password kept.
                    Err(err) if err.code() == Some("totp_required") => {
                        error.set(None);
                        totp.set(String::new());
                        totp_needed.set(true);
                        util::sleep(0).await;
                        util::focus("login-totp");
                    }
                    Err(err) if err.code() == Some("totp_invalid") => {
                        totp.set(String::new());
                        totp_needed.set(true);
                        error.set(Some(err));
                        util::focus("login-totp");
                    }
                    Err(err) => {
                        server_fields.set(err.field_errors().to_vec());
                        password.set(String::new());
                        totp.set(String::new());
                        error.set(Some(err));
                    }
                }
            });
        })
    };

    let email_error =
        email_violation.as_ref().map(|v| v.message(lang)).or_else(|| server_error(&server_fields, "email"));
    let password_error =
        password_violation.as_ref().map(|v| v.message(lang)).or_else(|| server_error(&server_fields, "password"));
    let totp_error = totp_violation.as_ref().map(|v| v.message(lang)).or_else(|| server_error(&server_fields, "totp"));

    html! {
        <div class="container page narrow">
            <h1>{ t(lang, Key::LoginTitle) }</h1>
            <p class="lead">{ t(lang, Key::LoginLead) }</p>
            <form class="panel form" novalidate=true {onsubmit} aria-describedby="login-note">
                if let Some(err) = &*error {
                    <div id="login-error" class="alert alert-error" role="alert">{ err.message(lang) }</div>
                }
                <Field
                    id="login-email"
                    label={t(lang, Key::FieldEmail)}
                    input_type="email"
                    value={(*email).clone()}
                    oninput={on_email}
                    onblur={on_email_blur}
                    error={email_error}
                    autocomplete="username"
                    required=true
                />
                <Field
                    id="login-password"
                    label={t(lang, Key::FieldPassword)}
                    input_type="password"
                    value={(*password).clone()}
                    oninput={on_password}
                    error={password_error}
                    autocomplete="current-password"
                    required=true
                />
                if *totp_needed {
                    <Field
                        id="login-totp"
                        label={t(lang, Key::LoginTotpLabel)}
                        value={(*totp).clone()}
                        oninput={on_totp}
                        error={totp_error}
                        hint={AttrValue::from(t(lang, Key::LoginTotpHint))}
                        autocomplete="one-time-code"
                        inputmode="numeric"
                        required=true
                    />
                }
                <button type="submit" id="login-submit" class="btn btn-primary btn-block" disabled={*busy}>
                    { t(lang, if *busy { Key::LoginSubmitting } else { Key::LoginSubmit }) }
                </button>
                <p id="login-note" class="form-note">{ t(lang, Key::LoginNote) }</p>
            </form>
        </div>
    }
}
