//! Step-up: the fields that ask the signed-in person for their current password again (and their
//! authenticator code when the account has one) before a sensitive change. The server decides
//! which changes need it and answers `401 reauthentication_required` without them; the form shows
//! these fields for those changes and clears them after a wrong try.

use ttis_shared::dto::users::User;
use ttis_shared::validation;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::field::Field;
use crate::hooks::use_fetch_when;
use crate::i18n::{Key, t};
use crate::pages::common::setter;
use crate::state::use_lang;

/// The step-up fields' state: what was typed, and whether a code is asked for.
#[derive(Clone, PartialEq)]
pub struct StepUp {
    pub password: UseStateHandle<String>,
    pub code: UseStateHandle<String>,
    /// The account has a second factor (asked from the server: it may have enrolled since
    /// signing in).
    pub wants_code: bool,
}

impl StepUp {
    /// The values for the request body: `(password, totp)`.
    pub fn values(&self) -> (Option<String>, Option<String>) {
        let code = self.code.trim();
        (Some((*self.password).clone()), (self.wants_code && !code.is_empty()).then(|| code.to_string()))
    }

    /// What is missing before sending, as `(field, message)` (fields `password`, `totp`).
    pub fn problems(&self, lang: ttis_shared::Lang) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.password.is_empty() {
            out.push(("password", validation::Violation::Required.message(lang)));
        }
        if self.wants_code
            && let Err(v) = validation::totp_code(&self.code)
        {
            out.push(("totp", v.message(lang)));
        }
        out
    }

    /// After the server refused them (or the change was made): typed again next time.
    pub fn clear_after(&self, error: Option<&ApiError>) {
        if error.is_none_or(|e| e.code() == Some("reauthentication_required")) {
            self.password.set(String::new());
            self.code.set(String::new());
        }
    }
}

/// The step-up state for a form; `active` says whether the form shows it now (the account is
/// asked about only then).
#[hook]
pub fn use_step_up(token: &str, active: bool) -> StepUp {
    let lang = use_lang();
    let password = use_state(String::new);
    let code = use_state(String::new);
    let me = {
        let token = token.to_string();
        use_fetch_when(active, (), move |()| async move { api::get::<User>("/auth/me", Some(&token), lang).await })
    };
    let wants_code = me.data().is_some_and(|u| u.totp_enabled);
    StepUp { password, code, wants_code }
}

#[derive(Properties, PartialEq)]
pub struct StepUpFieldsProps {
    pub state: StepUp,
    /// The ids are `{id}-password` and `{id}-totp`.
    pub id: AttrValue,
    /// Why it is asked, in the reader's words.
    pub hint: AttrValue,
    #[prop_or_default]
    pub password_error: Option<String>,
    #[prop_or_default]
    pub code_error: Option<String>,
}

#[function_component(StepUpFields)]
pub fn step_up_fields(props: &StepUpFieldsProps) -> Html {
    let lang = use_lang();
    let s = &props.state;
    html! {
        <fieldset class="step-up" id={format!("{}-step-up", props.id)}>
            <legend>{ t(lang, Key::StepUpTitle) }</legend>
            <Field id={format!("{}-password", props.id)} label={t(lang, Key::StepUpPassword)} input_type="password"
                value={(*s.password).clone()} oninput={setter(&s.password)} error={props.password_error.clone()}
                hint={props.hint.clone()} autocomplete="current-password" required=true />
            if s.wants_code {
                <Field id={format!("{}-totp", props.id)} label={t(lang, Key::TotpCodeLabel)} value={(*s.code).clone()}
                    oninput={setter(&s.code)} error={props.code_error.clone()} autocomplete="one-time-code"
                    inputmode="numeric" required=true />
            }
        </fieldset>
    }
}
