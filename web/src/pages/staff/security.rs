//! Security and data retention (administrators, `/staff/security`): the security policy (a second
//! factor for administrators and heads, how long reporters' personal data is kept) and the
//! retention job run on demand.

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::Role;
use ttis_shared::dto::security::{RetentionRun, SecurityPolicy, SecurityPolicyChange};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{Guard, StaffNav, error_box, event_value, field_error};
use crate::api::{self, ApiError};
use crate::components::step_up::{StepUpFields, use_step_up};
use crate::hooks::{Fetch, use_fetch_when};
use crate::i18n::{Key, t};
use crate::state::{Session, use_lang};
use crate::util;

/// The retention period's bounds, in days (as the API checks them).
const RETENTION_DAYS: std::ops::RangeInclusive<u32> = 1..=36500;

/// The retention field as typed: `Ok(None)` when empty (kept indefinitely).
fn parse_days(value: &str) -> Result<Option<u32>, ()> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    match v.parse::<u32>() {
        Ok(n) if RETENTION_DAYS.contains(&n) => Ok(Some(n)),
        _ => Err(()),
    }
}

#[function_component(Security)]
pub fn security() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <SecurityPage {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

#[function_component(SecurityPage)]
fn security_page(props: &Props) -> Html {
    let lang = use_lang();
    let token = props.session.token.clone();
    let is_admin = props.session.has_role(Role::Admin);
    let policy = use_fetch_when(is_admin, token.clone(), move |token| async move {
        api::get::<SecurityPolicy>("/security-policy", Some(&token), lang).await
    });

    let body = if !is_admin {
        html! { <p class="alert alert-error" role="alert" id="security-forbidden">{ t(lang, Key::UsersForbidden) }</p> }
    } else {
        let form = match policy.state() {
            Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
            Fetch::Failed(e) => error_box(e, lang, "policy-load-error"),
            Fetch::Ready(p) => html! { <PolicyForm policy={(**p).clone()} token={token.clone()} /> },
        };
        html! {
            <div class="grid-2">
                <section class="panel" id="policy-panel" aria-labelledby="policy-title">
                    <h2 id="policy-title">{ t(lang, Key::PolicyTitle) }</h2>
                    { form }
                </section>
                <RetentionPanel token={token.clone()} />
            </div>
        }
    };

    html! {
        <div class="container container-wide page security-page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::SecurityTitle) }</h1>
                    <p class="lead">{ t(lang, Key::SecurityLead) }</p>
                </div>
            </div>
            <StaffNav session={props.session.clone()} />
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PolicyProps {
    policy: SecurityPolicy,
    token: String,
}

/// `PUT /security-policy`.
#[function_component(PolicyForm)]
fn policy_form(props: &PolicyProps) -> Html {
    let lang = use_lang();
    let require_totp = use_state(|| props.policy.require_totp_for_privileged);
    let days = use_state(|| props.policy.retention_days.map(|d| d.to_string()).unwrap_or_default());
    let days_invalid = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let saved = use_state(|| false);
    let busy = use_state(|| false);
    // Turning the requirement off (from what is stored) asks for the password again.
    let stored_on = use_state(|| props.policy.require_totp_for_privileged);
    let turning_off = *stored_on && !*require_totp;
    let step_up = use_step_up(&props.token, turning_off);
    let step_up_problems = use_state(Vec::<(&'static str, String)>::new);

    let on_require = {
        let (require_totp, saved) = (require_totp.clone(), saved.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            saved.set(false);
            require_totp.set(input.checked());
        })
    };
    let on_days = {
        let (days, days_invalid, saved) = (days.clone(), days_invalid.clone(), saved.clone());
        Callback::from(move |e: InputEvent| {
            let value = event_value(&e);
            if *days_invalid {
                days_invalid.set(parse_days(&value).is_err());
            }
            saved.set(false);
            days.set(value);
        })
    };
    let onsubmit = {
        let (require_totp, days, days_invalid, error, saved, busy) =
            (require_totp.clone(), days.clone(), days_invalid.clone(), error.clone(), saved.clone(), busy.clone());
        let token = props.token.clone();
        let (step_up, step_up_problems, stored_on) = (step_up.clone(), step_up_problems.clone(), stored_on.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            saved.set(false);
            let Ok(retention_days) = parse_days(&days) else {
                days_invalid.set(true);
                error.set(None);
                util::focus("policy-retention-days");
                return;
            };
            days_invalid.set(false);
            let (password, totp) = if turning_off {
                let problems = step_up.problems(lang);
                if let Some((field, _)) = problems.first() {
                    util::focus(if *field == "password" { "policy-password" } else { "policy-totp" });
                    step_up_problems.set(problems);
                    error.set(None);
                    return;
                }
                step_up.values()
            } else {
                (None, None)
            };
            step_up_problems.set(Vec::new());
            let body =
                SecurityPolicyChange { require_totp_for_privileged: *require_totp, retention_days, password, totp };
            let (error, saved, busy, token) = (error.clone(), saved.clone(), busy.clone(), token.clone());
            let (step_up, stored_on, now_on) = (step_up.clone(), stored_on.clone(), *require_totp);
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request::<_, SecurityPolicy>(Method::PUT, "/security-policy", Some(&body), Some(&token), lang)
                        .await;
                busy.set(false);
                match result {
                    Ok(_) => {
                        error.set(None);
                        step_up.clear_after(None);
                        stored_on.set(now_on);
                        saved.set(true);
                    }
                    Err(e) => {
                        step_up.clear_after(Some(&e));
                        error.set(Some(e));
                    }
                }
            });
        })
    };

    let days_error = if *days_invalid {
        Some(t(lang, Key::PolicyRetentionInvalid).to_string())
    } else {
        error.as_ref().and_then(|e| field_error(e.field_errors(), "retention_days"))
    };
    let step_up_error = |field: &str| step_up_problems.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone());
    let described = if days_error.is_some() {
        "policy-retention-days-hint policy-retention-days-error"
    } else {
        "policy-retention-days-hint"
    };

    html! {
        <form class="form" novalidate=true {onsubmit} id="policy-form">
            if *saved {
                <div class="alert alert-success" role="status" id="policy-saved">{ t(lang, Key::PolicySaved) }</div>
            }
            if let Some(e) = error.as_ref().filter(|e| e.field_errors().is_empty()) {
                { error_box(e, lang, "policy-error") }
            }
            <div class="field">
                <div class="checkbox">
                    <input type="checkbox" id="policy-require-totp" checked={*require_totp} onchange={on_require}
                        aria-describedby="policy-require-totp-hint" />
                    <label for="policy-require-totp">{ t(lang, Key::PolicyRequireTotp) }</label>
                </div>
                <p class="field-hint" id="policy-require-totp-hint">{ t(lang, Key::PolicyRequireTotpHint) }</p>
            </div>
            <div class={classes!("field", days_error.is_some().then_some("field-invalid"))}>
                <label for="policy-retention-days">{ t(lang, Key::PolicyRetentionDays) }</label>
                <p class="field-hint" id="policy-retention-days-hint">{ t(lang, Key::PolicyRetentionHint) }</p>
                <input id="policy-retention-days" name="policy-retention-days" type="number" inputmode="numeric"
                    min="1" max="36500" step="1" class="input-days" value={(*days).clone()} oninput={on_days}
                    aria-invalid={days_error.is_some().then_some("true")} aria-describedby={described} />
                if let Some(msg) = days_error {
                    <p class="field-error" id="policy-retention-days-error">{ msg }</p>
                }
            </div>
            if turning_off {
                <StepUpFields state={step_up.clone()} id="policy" hint={t(lang, Key::StepUpHintTotpOff)}
                    password_error={step_up_error("password")} code_error={step_up_error("totp")} />
            }
            <button type="submit" id="policy-save" class="btn btn-primary" disabled={*busy}>{ t(lang, Key::PolicySave) }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct TokenProps {
    token: String,
}

/// What retention erases and keeps, and `POST /retention/runs`.
#[function_component(RetentionPanel)]
fn retention_panel(props: &TokenProps) -> Html {
    let lang = use_lang();
    let result = use_state(|| None::<Result<RetentionRun, ApiError>>);
    let busy = use_state(|| false);

    let on_run = {
        let (result, busy, token) = (result.clone(), busy.clone(), props.token.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy || !util::confirm(t(lang, Key::RetentionRunConfirm)) {
                return;
            }
            let (result, busy, token) = (result.clone(), busy.clone(), token.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let run = api::request_empty::<RetentionRun>(Method::POST, "/retention/runs", Some(&token), lang).await;
                busy.set(false);
                result.set(Some(run));
            });
        })
    };

    let outcome = match &*result {
        None => html! {},
        Some(Err(e)) => error_box(e, lang, "retention-error"),
        Some(Ok(run)) if run.cutoff.is_none() => html! {
            <div class="alert alert-warning" role="status" id="retention-result">{ t(lang, Key::RetentionNoPeriod) }</div>
        },
        Some(Ok(run)) => html! {
            <div class="alert alert-success" role="status" id="retention-result">
                <p>
                    { t(lang, Key::RetentionResult)
                        .replace("{n}", &run.anonymized.to_string())
                        .replace("{files}", &run.files_removed.to_string()) }
                </p>
                if !run.codes.is_empty() {
                    <ul class="chips" id="retention-codes">
                        { for run.codes.iter().map(|c| html! { <li class="chip chip-small"><code>{ c.clone() }</code></li> }) }
                    </ul>
                }
                if let Some(cutoff) = &run.cutoff {
                    <p class="field-hint">
                        { t(lang, Key::RetentionCutoff) }{ " " }
                        <time datetime={cutoff.to_rfc3339()}>{ util::format_datetime(cutoff, lang) }</time>
                    </p>
                }
            </div>
        },
    };

    html! {
        <section class="panel" id="retention-panel" aria-labelledby="retention-title">
            <h2 id="retention-title">{ t(lang, Key::RetentionTitle) }</h2>
            <p id="retention-explain">{ t(lang, Key::RetentionExplain) }</p>
            <p class="panel-actions">
                <button type="button" id="retention-run" class="btn btn-danger" disabled={*busy} onclick={on_run}>
                    { t(lang, if *busy { Key::Loading } else { Key::RetentionRun }) }
                </button>
            </p>
            { outcome }
        </section>
    }
}
