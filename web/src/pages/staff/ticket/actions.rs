//! One action of the procedure (all but `verify`, which has its own form): the inputs it needs,
//! then `POST /tickets/{code}/actions`. A refused transition (`409` / `403`) shows the server's
//! words and reloads the ticket, so the buttons match what is allowed now.

use gloo_net::http::Method;
use ttis_shared::dto::signers::SignerProfileView;
use ttis_shared::dto::tickets::{ActionRequest, RejectReason, TicketDetail};
use ttis_shared::dto::users::User;
use ttis_shared::procedure::Action;
use ttis_shared::validation;
use yew::prelude::*;

use super::super::{error_box, set_text};
use super::ticket_path;
use crate::api::{self, ApiError};
use crate::components::field::Field;
use crate::hooks::{Fetch, use_fetch, use_fetch_when};
use crate::i18n::{Key, t};
use crate::pages::common::{message_for, setter};
use crate::state::use_lang;
use crate::util;

pub const REASONS: [(RejectReason, Key); 5] = [
    (RejectReason::NotValid, Key::ReasonNotValid),
    (RejectReason::Duplicate, Key::ReasonDuplicate),
    (RejectReason::OutOfScope, Key::ReasonOutOfScope),
    (RejectReason::InsufficientInformation, Key::ReasonInsufficient),
    (RejectReason::Spam, Key::ReasonSpam),
];

/// Sends an action; `Ok` carries the ticket as it is now.
pub async fn act(
    code: &str,
    req: &ActionRequest,
    token: &str,
    lang: ttis_shared::Lang,
) -> Result<TicketDetail, ApiError> {
    let path = format!("{}/actions", ticket_path(code));
    api::request(Method::POST, &path, Some(req), Some(token), lang).await
}

/// A refused transition: the ticket changed under us (or the role does not fit).
pub fn is_refusal(e: &ApiError) -> bool {
    matches!(e.status(), Some(403 | 409))
}

fn explain(action: Action) -> Key {
    match action {
        Action::StartVerification => Key::ExplainStart,
        Action::RequestInfo => Key::ExplainRequestInfo,
        Action::Reject => Key::ExplainReject,
        Action::SubmitForApproval => Key::ExplainSubmit,
        Action::Approve => Key::ExplainApprove,
        Action::ReturnForRevision => Key::ExplainReturn,
        Action::Complete => Key::ExplainComplete,
        Action::Verify | Action::ProvideInfo => Key::ExplainOther,
    }
}

#[derive(Properties, PartialEq)]
pub struct ActionPanelProps {
    pub code: String,
    pub action: Action,
    pub token: String,
    pub on_done: Callback<(TicketDetail, String)>,
    pub on_cancel: Callback<()>,
    pub on_stale: Callback<()>,
    /// The account has a second factor: approving asks for a code besides the password.
    #[prop_or_default]
    pub totp: bool,
}

/// `approve` signs in the head's name: who they sign as (their signer profile), and the password
/// (and code) that shows it is them. An incomplete profile is named before anything is sent.
#[derive(Properties, PartialEq)]
struct SignAsProps {
    token: String,
}

#[function_component(SignAs)]
fn sign_as(props: &SignAsProps) -> Html {
    let lang = use_lang();
    let token = props.token.clone();
    let profile = use_fetch((), move |()| async move {
        api::get::<SignerProfileView>("/auth/signer-profile", Some(&token), lang).await
    });
    match profile.state() {
        Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => html! { <p class="field-error" role="alert">{ e.message(lang) }</p> },
        Fetch::Ready(v) if !v.complete => html! {
            <div class="alert alert-error" role="alert" id="approve-profile-incomplete">
                { t(lang, Key::ApproveProfileIncomplete) }{ " " }
                <a href="/staff/account">{ t(lang, Key::ApproveProfileLink) }</a>
            </div>
        },
        Fetch::Ready(v) => html! {
            <figure class="signature-preview" id="approve-sign-as">
                <figcaption>{ t(lang, Key::ApproveSignAs) }</figcaption>
                <div class="signature-preview-block">
                    { for v.signature_lines.iter().map(|l| html! { <div>{ l.clone() }</div> }) }
                    <div class="signature-preview-space" aria-hidden="true"></div>
                    <div class="signature-preview-name">{ v.profile.full_name.clone() }</div>
                    <div>{ v.profile.rank.clone() }</div>
                    <div>{ format!("NIP. {}", v.profile.nip) }</div>
                </div>
            </figure>
        },
    }
}

#[function_component(ActionPanel)]
pub fn action_panel(props: &ActionPanelProps) -> Html {
    let lang = use_lang();
    let action = props.action;
    let message = use_state(String::new);
    let reason = use_state(String::new);
    let duplicate_of = use_state(String::new);
    let password = use_state(String::new);
    let code = use_state(String::new);
    let local = use_state(Vec::<(&'static str, String)>::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);

    let needs_message = matches!(action, Action::RequestInfo | Action::ReturnForRevision);
    let signs = action == Action::Approve;
    // Whether the account has a second factor now (it may have enrolled since signing in).
    let me = {
        let token = props.token.clone();
        use_fetch_when(signs, (), move |()| async move { api::get::<User>("/auth/me", Some(&token), lang).await })
    };
    let enrolled = me.data().map(|u| u.totp_enabled);
    let wants_code = signs && enrolled.unwrap_or(props.totp);
    let takes_message = needs_message || action == Action::Reject;

    let onsubmit = {
        let (message, reason, duplicate_of, local, error, busy) =
            (message.clone(), reason.clone(), duplicate_of.clone(), local.clone(), error.clone(), busy.clone());
        let (password, code) = (password.clone(), code.clone());
        let (ticket, token, on_done, on_stale) =
            (props.code.clone(), props.token.clone(), props.on_done.clone(), props.on_stale.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let mut problems: Vec<(&'static str, String)> = Vec::new();
            let reason_value = REASONS.iter().find(|(r, _)| r.as_str() == reason.as_str()).map(|(r, _)| *r);
            if action == Action::Reject {
                if reason_value.is_none() {
                    problems.push(("reason", t(lang, Key::ChooseOne).to_string()));
                }
                if reason_value == Some(RejectReason::Duplicate)
                    && let Err(v) = validation::required(&duplicate_of)
                {
                    problems.push(("duplicate_of", v.message(lang)));
                }
            }
            if needs_message && let Err(v) = validation::required(&message) {
                problems.push(("message", v.message(lang)));
            }
            if takes_message && let Err(v) = validation::long_text(&message) {
                problems.push(("message", v.message(lang)));
            }
            if signs && password.is_empty() {
                problems.push(("password", validation::Violation::Required.message(lang)));
            }
            if wants_code && let Err(v) = validation::totp_code(&code) {
                problems.push(("totp", v.message(lang)));
            }
            if let Some((field, _)) = problems.first() {
                util::focus(&format!("action-{}", field.replace('_', "-")));
                local.set(problems);
                return;
            }
            local.set(Vec::new());
            let text = message.trim().to_string();
            let req = ActionRequest {
                action,
                message: (takes_message && !text.is_empty()).then_some(text),
                reason: if action == Action::Reject { reason_value } else { None },
                duplicate_of: (reason_value == Some(RejectReason::Duplicate))
                    .then(|| duplicate_of.trim().to_uppercase()),
                analysis: None,
                password: signs.then(|| (*password).clone()),
                totp: (signs && !code.trim().is_empty()).then(|| code.trim().to_string()),
            };
            let (ticket, token, on_done, on_stale, error, busy) =
                (ticket.clone(), token.clone(), on_done.clone(), on_stale.clone(), error.clone(), busy.clone());
            let (password, totp_code) = (password.clone(), code.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = act(&ticket, &req, &token, lang).await;
                busy.set(false);
                match result {
                    Ok(d) => {
                        error.set(None);
                        let done = t(lang, Key::ActionDone).replace("{action}", action.label(lang));
                        on_done.emit((d, done));
                    }
                    Err(e) => {
                        let refused = is_refusal(&e);
                        // A wrong password or code is typed again.
                        if e.code() == Some("reauthentication_required") {
                            password.set(String::new());
                            totp_code.set(String::new());
                        }
                        error.set(Some(e));
                        if refused {
                            on_stale.emit(());
                        }
                        util::sleep(0).await;
                        util::focus("action-error");
                    }
                }
            });
        })
    };

    let err = |field: &str| message_for(&local, &error, field);
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };

    let reason_err = err("reason");
    let dup_err = err("duplicate_of");
    let msg_err = err("message");
    let is_duplicate = *reason == RejectReason::Duplicate.as_str();
    let message_label = match action {
        Action::RequestInfo => Key::QuestionLabel,
        Action::ReturnForRevision => Key::RemarksLabel,
        _ => Key::RejectMessageLabel,
    };

    html! {
        <section class="panel action-panel" id="action-panel" aria-labelledby="action-panel-title">
            <h2 id="action-panel-title" tabindex="-1">{ action.label(lang) }</h2>
            <p class="field-hint">{ t(lang, explain(action)) }</p>
            <form id={format!("action-form-{}", action.as_str())} class="form" novalidate=true {onsubmit}>
                if let Some(e) = &*error {
                    { error_box(e, lang, "action-error") }
                }
                if action == Action::Reject {
                    <div class={classes!("field", reason_err.is_some().then_some("field-invalid"))}>
                        <label for="action-reason">{ t(lang, Key::RejectReasonLabel) }</label>
                        <select id="action-reason" required=true aria-invalid={reason_err.is_some().then_some("true")}
                            aria-describedby={reason_err.is_some().then_some("action-reason-error")} onchange={set_text::<Event>(&reason)}>
                            <option value="" selected={reason.is_empty()}>{ t(lang, Key::ChooseOne) }</option>
                            { for REASONS.iter().map(|(r, k)| html! {
                                <option value={r.as_str()} selected={*reason == r.as_str()}>{ t(lang, *k) }</option>
                            }) }
                        </select>
                        if let Some(e) = reason_err { <p class="field-error" id="action-reason-error">{ e }</p> }
                    </div>
                    if is_duplicate {
                        <div class={classes!("field", dup_err.is_some().then_some("field-invalid"))}>
                            <label for="action-duplicate-of">{ t(lang, Key::DuplicateOfLabel) }</label>
                            <p class="field-hint" id="action-duplicate-of-hint">{ t(lang, Key::DuplicateOfHint) }</p>
                            <input id="action-duplicate-of" type="text" value={(*duplicate_of).clone()} autocomplete="off"
                                oninput={set_text::<InputEvent>(&duplicate_of)} aria-invalid={dup_err.is_some().then_some("true")}
                                aria-describedby={if dup_err.is_some() { "action-duplicate-of-hint action-duplicate-of-error" } else { "action-duplicate-of-hint" }} />
                            if let Some(e) = dup_err { <p class="field-error" id="action-duplicate-of-error">{ e }</p> }
                        </div>
                    }
                }
                if signs {
                    <SignAs token={props.token.clone()} />
                    <Field id="action-password" label={t(lang, Key::ApprovePasswordLabel)} input_type="password"
                        value={(*password).clone()} oninput={setter(&password)} error={err("password")}
                        hint={AttrValue::from(t(lang, Key::ApprovePasswordHint))} autocomplete="current-password" required=true />
                    if wants_code {
                        <Field id="action-totp" label={t(lang, Key::TotpCodeLabel)} value={(*code).clone()}
                            oninput={setter(&code)} error={err("totp")} autocomplete="one-time-code"
                            inputmode="numeric" required=true />
                    }
                }
                if takes_message {
                    <div class={classes!("field", msg_err.is_some().then_some("field-invalid"))}>
                        <label for="action-message">
                            { t(lang, message_label) }
                            if !needs_message { <span class="optional">{ format!(" ({})", t(lang, Key::Optional)) }</span> }
                        </label>
                        <textarea id="action-message" rows="4" value={(*message).clone()} oninput={set_text::<InputEvent>(&message)}
                            aria-invalid={msg_err.is_some().then_some("true")}
                            aria-describedby={msg_err.is_some().then_some("action-message-error")} />
                        if let Some(e) = msg_err { <p class="field-error" id="action-message-error">{ e }</p> }
                    </div>
                }
                <div class="form-actions">
                    <button type="submit" id="action-submit" class={classes!("btn", if matches!(action, Action::Reject | Action::ReturnForRevision) { "btn-danger" } else { "btn-primary" })} disabled={*busy}>
                        { if *busy { t(lang, Key::Sending).to_string() } else { action.label(lang).to_string() } }
                    </button>
                    <button type="button" id="action-cancel" class="btn btn-secondary" onclick={cancel}>{ t(lang, Key::Cancel) }</button>
                </div>
            </form>
        </section>
    }
}
