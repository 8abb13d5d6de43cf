//! A reporter's data on request (analysts and the head, `/staff/reporter-data`): everything held
//! about one email (`POST /reporter-data-exports`), downloaded as `data-pelapor.json` (a data
//! subject's request under UU PDP 27/2022).

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::Role;
use ttis_shared::dto::security::{ReporterData, ReporterDataRequest};
use ttis_shared::validation;
use yew::prelude::*;

use super::{Guard, StaffNav, error_box, field_error};
use crate::api::{self, ApiError};
use crate::components::field::Field;
use crate::components::step_up::{StepUpFields, use_step_up};
use crate::i18n::{Key, t};
use crate::state::{Session, use_lang};
use crate::util;

/// The name of the downloaded file.
const FILE_NAME: &str = "data-pelapor.json";

#[function_component(ReporterDataPage)]
pub fn reporter_data_page() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <ReporterDataView {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

#[function_component(ReporterDataView)]
fn reporter_data_view(props: &Props) -> Html {
    let lang = use_lang();
    let allowed = props.session.has_role(Role::Analyst) || props.session.has_role(Role::Head);
    let email = use_state(String::new);
    let local = use_state(|| None::<String>);
    let error = use_state(|| None::<ApiError>);
    let found = use_state(|| None::<(usize, String)>);
    let busy = use_state(|| false);
    let step_up = use_step_up(&props.session.token, allowed);
    let step_up_problems = use_state(Vec::<(&'static str, String)>::new);

    let on_email = {
        let (email, local) = (email.clone(), local.clone());
        Callback::from(move |v: String| {
            if local.is_some() {
                local.set(validation::email(&v).err().map(|e| e.message(lang)));
            }
            email.set(v);
        })
    };
    let onsubmit = {
        let (email, local, error, found, busy) =
            (email.clone(), local.clone(), error.clone(), found.clone(), busy.clone());
        let token = props.session.token.clone();
        let (step_up, step_up_problems) = (step_up.clone(), step_up_problems.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            found.set(None);
            let email_problem = validation::email(&email).err().map(|v| v.message(lang));
            let problems = step_up.problems(lang);
            if email_problem.is_some() || !problems.is_empty() {
                let first = match (&email_problem, problems.first()) {
                    (Some(_), _) => "reporter-data-email",
                    (None, Some(("password", _))) => "reporter-data-password",
                    _ => "reporter-data-totp",
                };
                local.set(email_problem);
                step_up_problems.set(problems);
                error.set(None);
                util::focus(first);
                return;
            }
            local.set(None);
            step_up_problems.set(Vec::new());
            let (password, totp) = step_up.values();
            let body = ReporterDataRequest { email: validation::normalize_email(&email), password, totp };
            let (error, found, busy, token) = (error.clone(), found.clone(), busy.clone(), token.clone());
            let step_up = step_up.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::request::<_, ReporterData>(
                    Method::POST,
                    "/reporter-data-exports",
                    Some(&body),
                    Some(&token),
                    lang,
                )
                .await;
                busy.set(false);
                let saved = result.and_then(|data| {
                    let text = serde_json::to_string_pretty(&data).map_err(|_| ApiError::Unexpected { status: 200 })?;
                    api::save_text(&text, "application/json", FILE_NAME)?;
                    Ok((data.tickets.len(), data.email))
                });
                match saved {
                    Ok(summary) => {
                        error.set(None);
                        step_up.clear_after(None);
                        found.set(Some(summary));
                    }
                    Err(e) => {
                        step_up.clear_after(Some(&e));
                        error.set(Some(e));
                    }
                }
            });
        })
    };

    let step_up_error = |field: &str| step_up_problems.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone());
    let email_error = (*local).clone().or_else(|| error.as_ref().and_then(|e| field_error(e.field_errors(), "email")));

    let body = if !allowed {
        html! { <p class="alert alert-error" role="alert" id="reporter-data-forbidden">{ t(lang, Key::ReporterDataForbidden) }</p> }
    } else {
        html! {
            <section class="panel reporter-data-panel" aria-labelledby="reporter-data-form-title">
                <h2 id="reporter-data-form-title" class="visually-hidden">{ t(lang, Key::ReporterDataTitle) }</h2>
                <form class="form" novalidate=true {onsubmit} id="reporter-data-form">
                    if let Some((n, email)) = &*found {
                        <div class="alert alert-success" role="status" id="reporter-data-result">
                            { t(lang, Key::ReporterDataResult).replace("{n}", &n.to_string()).replace("{email}", email) }
                        </div>
                    }
                    if let Some(e) = error.as_ref().filter(|e| e.field_errors().is_empty()) {
                        { error_box(e, lang, "reporter-data-error") }
                    }
                    <Field id="reporter-data-email" label={t(lang, Key::FieldEmail)} input_type="email"
                        value={(*email).clone()} oninput={on_email} error={email_error} autocomplete="off" required=true />
                    <StepUpFields state={step_up.clone()} id="reporter-data" hint={t(lang, Key::StepUpHintExport)}
                        password_error={step_up_error("password")} code_error={step_up_error("totp")} />
                    <button type="submit" id="reporter-data-submit" class="btn btn-primary" disabled={*busy}>
                        { t(lang, if *busy { Key::Loading } else { Key::ReporterDataSubmit }) }
                    </button>
                    <p class="form-note">{ t(lang, Key::ReporterDataNote) }</p>
                </form>
            </section>
        }
    };

    html! {
        <div class="container container-wide page reporter-data-page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::ReporterDataTitle) }</h1>
                    <p class="lead">{ t(lang, Key::ReporterDataLead) }</p>
                </div>
            </div>
            <StaffNav session={props.session.clone()} />
            { body }
        </div>
    }
}
