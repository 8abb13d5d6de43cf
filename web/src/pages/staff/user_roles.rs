//! Changing an account's roles (`PATCH /users/{id}` with `roles`), opened from its row on the
//! users page. A change of roles changes what someone may do, so it asks for the admin's own
//! password again (step-up).

use gloo_net::http::Method;
use ttis_shared::Role;
use ttis_shared::dto::users::{UpdateUserRequest, User};
use ttis_shared::validation;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::step_up::{StepUpFields, use_step_up};
use crate::i18n::{Key, t};
use crate::pages::common::message_for;
use crate::state::use_lang;
use crate::util;

#[derive(Properties, PartialEq)]
pub struct RolesEditorProps {
    pub user: User,
    pub token: String,
    /// After a change was saved.
    pub on_saved: Callback<()>,
}

#[function_component(RolesEditor)]
pub fn roles_editor(props: &RolesEditorProps) -> Html {
    let lang = use_lang();
    let u = &props.user;
    let roles = use_state(|| u.roles.clone());
    let error = use_state(|| None::<ApiError>);
    let local = use_state(Vec::<(&'static str, String)>::new);
    let busy = use_state(|| false);
    let step_up = use_step_up(&props.token, true);
    let prefix = format!("user-roles-{}", u.id);

    let onsubmit = {
        let (roles, error, local, busy, step_up) =
            (roles.clone(), error.clone(), local.clone(), busy.clone(), step_up.clone());
        let (token, id, on_saved, prefix) = (props.token.clone(), u.id, props.on_saved.clone(), prefix.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let mut problems = Vec::new();
            if let Err(v) = validation::roles(&roles) {
                problems.push(("roles", v.message(lang)));
            }
            problems.extend(step_up.problems(lang));
            if let Some((field, _)) = problems.first() {
                util::focus(&match *field {
                    "roles" => format!("{prefix}-analyst"),
                    "password" => format!("{prefix}-password"),
                    _ => format!("{prefix}-totp"),
                });
                local.set(problems);
                error.set(None);
                return;
            }
            local.set(Vec::new());
            let (password, totp) = step_up.values();
            let body = UpdateUserRequest { roles: Some((*roles).clone()), password, totp, ..Default::default() };
            let (error, busy, token, on_saved, step_up) =
                (error.clone(), busy.clone(), token.clone(), on_saved.clone(), step_up.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/users/{id}");
                let result = api::request::<_, User>(Method::PATCH, &path, Some(&body), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(_) => {
                        error.set(None);
                        step_up.clear_after(None);
                        on_saved.emit(());
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
    let roles_error = err_of("roles");
    let boxes = Role::ALL.into_iter().map(|role| {
        let id = format!("{prefix}-{}", role.as_str());
        let checked = roles.contains(&role);
        let onchange = {
            let roles = roles.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut next: Vec<Role> = roles.iter().copied().filter(|r| *r != role).collect();
                if input.checked() {
                    next.push(role);
                }
                next.sort();
                roles.set(next);
            })
        };
        html! {
            <div class="checkbox">
                <input type="checkbox" id={id.clone()} value={role.as_str()} {checked} {onchange} />
                <label for={id}>{ role.label(lang) }</label>
            </div>
        }
    });

    html! {
        <form class="form roles-editor" id={prefix.clone()} novalidate=true {onsubmit}>
            if let Some(e) = error.as_ref().filter(|e| e.field_errors().is_empty()) {
                <div class="alert alert-error" role="alert" id={format!("{prefix}-error")} tabindex="-1">{ e.message(lang) }</div>
            }
            <fieldset class={classes!("checkbox-group", roles_error.is_some().then_some("field-invalid"))}
                aria-describedby={roles_error.is_some().then(|| format!("{prefix}-roles-error"))}>
                <legend>{ format!("{}: {}", t(lang, Key::FieldRoles), u.name) }</legend>
                { for boxes }
                if let Some(e) = roles_error {
                    <p class="field-error" id={format!("{prefix}-roles-error")}>{ e }</p>
                }
            </fieldset>
            <StepUpFields state={step_up.clone()} id={prefix.clone()} hint={t(lang, Key::StepUpHintRoles)}
                password_error={err_of("password")} code_error={err_of("totp")} />
            <button type="submit" id={format!("{prefix}-save")} class="btn btn-primary" disabled={*busy}>
                { t(lang, if *busy { Key::Loading } else { Key::UsersSaveRoles }) }
            </button>
        </form>
    }
}
