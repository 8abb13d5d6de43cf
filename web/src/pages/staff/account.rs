//! One's own account (`/staff/account`, every staff member): two-step verification (enrol an
//! authenticator app from its QR code, or turn it off), a new password, the live sessions (end
//! one left open on another device), and for heads their signer profile. These keep working while the security policy waits for the
//! account to enrol a second factor.

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::Lang;
use ttis_shared::dto::security::{
    ChangePasswordRequest, SessionInfo, TotpCodeRequest, TotpRemovalRequest, TotpSetup, TotpSetupRequest,
};
use ttis_shared::dto::users::User;
use ttis_shared::validation::{self, Violation};
use yew::prelude::*;

use super::{Guard, StaffNav, error_box};
use crate::api::{self, ApiError};
use crate::components::field::Field;
use crate::hooks::{Fetch, use_fetch};
use crate::i18n::{Key, t};
use crate::pages::common::{message_for, setter};
use crate::state::{AuthAction, Session, use_auth, use_lang};
use crate::util;

/// Problems found before sending, by the API's field name.
type Local = Vec<(&'static str, String)>;

/// A form's own alert, for a problem that no field shows.
fn form_error(error: &Option<ApiError>, lang: Lang, id: &'static str) -> Html {
    match error {
        Some(e) if e.field_errors().is_empty() => error_box(e, lang, id),
        _ => html! {},
    }
}

/// A code as typed, without the spaces some apps show in the middle.
fn digits(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace()).collect()
}

#[function_component(Account)]
pub fn account() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <AccountPage {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

#[function_component(AccountPage)]
fn account_page(props: &Props) -> Html {
    let lang = use_lang();
    let token = props.session.token.clone();
    // A new password ends the other sessions: the list is asked again.
    let sessions_version = use_state(|| 0u32);
    let on_password_changed = {
        let version = sessions_version.clone();
        Callback::from(move |()| version.set(version.wrapping_add(1)))
    };
    html! {
        <div class="container container-wide page account-page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::AccountTitle) }</h1>
                    <p class="lead">{ t(lang, Key::AccountLead) }</p>
                </div>
            </div>
            <StaffNav session={props.session.clone()} />
            <div class="grid-2">
                <TotpPanel token={token.clone()} />
                <PasswordPanel token={token.clone()} on_changed={on_password_changed} />
            </div>
            <SessionsPanel token={token.clone()} version={*sessions_version} />
            if props.session.has_role(ttis_shared::Role::Head) {
                <super::signer_profile::SignerProfilePanel path="/auth/signer-profile" token={token} id_prefix="signer" />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TokenProps {
    token: String,
}

/// Two-step verification: its state (`GET /auth/me`), enrolment (`POST /auth/totp`, then
/// `/auth/totp/activation` with a code) and removal (`POST /auth/totp/removal`).
#[function_component(TotpPanel)]
fn totp_panel(props: &TokenProps) -> Html {
    let lang = use_lang();
    let auth = use_auth();
    let setup = use_state(|| None::<Rc<TotpSetup>>);
    let password = use_state(String::new);
    let code = use_state(String::new);
    let off_password = use_state(String::new);
    let off_code = use_state(String::new);
    let local = use_state(Local::new);
    let error = use_state(|| None::<ApiError>);
    let notice = use_state(|| None::<Key>);
    let busy = use_state(|| false);

    // Whether the account has a second factor (`GET /auth/me`); it tells the session too.
    let enabled = {
        let (auth, token) = (auth.clone(), props.token.clone());
        use_fetch((), move |()| async move {
            let result = api::get::<User>("/auth/me", Some(&token), lang).await;
            if result.as_ref().is_ok_and(|u| u.totp_enabled) {
                auth.dispatch(AuthAction::Enrolled);
            }
            result.map(|u| u.totp_enabled)
        })
    };

    let on_start = {
        let (password, code, setup, local, error, notice, busy) =
            (password.clone(), code.clone(), setup.clone(), local.clone(), error.clone(), notice.clone(), busy.clone());
        let token = props.token.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            notice.set(None);
            if password.is_empty() {
                local.set(vec![("password", Violation::Required.message(lang))]);
                error.set(None);
                util::focus("totp-password");
                return;
            }
            local.set(Local::new());
            let body = TotpSetupRequest { password: (*password).clone() };
            let (password, code, setup, error, busy, token) =
                (password.clone(), code.clone(), setup.clone(), error.clone(), busy.clone(), token.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request::<_, TotpSetup>(Method::POST, "/auth/totp", Some(&body), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(s) => {
                        error.set(None);
                        password.set(String::new());
                        code.set(String::new());
                        setup.set(Some(Rc::new(s)));
                        util::sleep(0).await;
                        util::focus("totp-scan-title");
                    }
                    Err(e) => {
                        error.set(Some(e));
                        util::focus("totp-password");
                    }
                }
            });
        })
    };

    let on_activate = {
        let (code, setup, enabled, local, error, notice, busy, auth) = (
            code.clone(),
            setup.clone(),
            enabled.clone(),
            local.clone(),
            error.clone(),
            notice.clone(),
            busy.clone(),
            auth.clone(),
        );
        let token = props.token.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            if let Err(v) = validation::totp_code(&code) {
                local.set(vec![("code", v.message(lang))]);
                error.set(None);
                util::focus("totp-code");
                return;
            }
            local.set(Local::new());
            let body = TotpCodeRequest { code: digits(&code) };
            let (code, setup, enabled, error, notice, busy, auth, token) = (
                code.clone(),
                setup.clone(),
                enabled.clone(),
                error.clone(),
                notice.clone(),
                busy.clone(),
                auth.clone(),
                token.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request::<_, ()>(Method::POST, "/auth/totp/activation", Some(&body), Some(&token), lang).await;
                busy.set(false);
                code.set(String::new());
                match result {
                    Ok(()) => {
                        error.set(None);
                        setup.set(None);
                        enabled.set_ready(true);
                        notice.set(Some(Key::TotpActivated));
                        auth.dispatch(AuthAction::Enrolled);
                    }
                    Err(e) => {
                        error.set(Some(e));
                        util::focus("totp-code");
                    }
                }
            });
        })
    };

    let on_cancel = {
        let (setup, local, error) = (setup.clone(), local.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            setup.set(None);
            local.set(Local::new());
            error.set(None);
        })
    };

    let on_remove = {
        let (off_password, off_code, enabled, local, error, notice, busy) = (
            off_password.clone(),
            off_code.clone(),
            enabled.clone(),
            local.clone(),
            error.clone(),
            notice.clone(),
            busy.clone(),
        );
        let token = props.token.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            notice.set(None);
            let mut problems = Local::new();
            if off_password.is_empty() {
                problems.push(("password", Violation::Required.message(lang)));
            }
            if let Err(v) = validation::totp_code(&off_code) {
                problems.push(("code", v.message(lang)));
            }
            if let Some((field, _)) = problems.first() {
                util::focus(if *field == "password" { "totp-off-password" } else { "totp-off-code" });
                local.set(problems);
                error.set(None);
                return;
            }
            local.set(Local::new());
            let body = TotpRemovalRequest { password: (*off_password).clone(), code: digits(&off_code) };
            let (off_password, off_code, enabled, error, notice, busy, token) = (
                off_password.clone(),
                off_code.clone(),
                enabled.clone(),
                error.clone(),
                notice.clone(),
                busy.clone(),
                token.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request::<_, ()>(Method::POST, "/auth/totp/removal", Some(&body), Some(&token), lang).await;
                busy.set(false);
                off_code.set(String::new());
                match result {
                    Ok(()) => {
                        error.set(None);
                        off_password.set(String::new());
                        enabled.set_ready(false);
                        notice.set(Some(Key::TotpRemoved));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };

    let err = |field: &str| message_for(&local, &error, field);

    let status = match enabled.state() {
        Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => error_box(e, lang, "totp-load-error"),
        Fetch::Ready(on) => html! {
            <p class="totp-state">
                { t(lang, Key::Status) }{ ": " }
                <span id="totp-status" class={classes!("status", if **on { "status-on" } else { "status-off" })}>
                    { t(lang, if **on { Key::TotpOn } else { Key::TotpOff }) }
                </span>
            </p>
        },
    };

    let body = match (enabled.data().map(|on| **on), &*setup) {
        (Some(false), Some(s)) => {
            let qr = format!("data:image/svg+xml;base64,{}", util::base64(s.qr_svg.as_bytes()));
            html! {
                <div class="totp-setup">
                    <h3 id="totp-scan-title" tabindex="-1">{ t(lang, Key::TotpScanTitle) }</h3>
                    <p>{ t(lang, Key::TotpScanText) }</p>
                    <img id="totp-qr" class="totp-qr" src={qr} alt={t(lang, Key::TotpQrAlt)} width="192" height="192" />
                    <p class="totp-secret-line">
                        <span class="field-hint">{ t(lang, Key::TotpSecretLabel) }</span>
                        <code id="totp-secret" class="secret">{ s.secret.clone() }</code>
                    </p>
                    <form class="form" novalidate=true onsubmit={on_activate} id="totp-activate-form">
                        <Field id="totp-code" label={t(lang, Key::TotpCodeLabel)} value={(*code).clone()}
                            oninput={setter(&code)} error={err("code")} autocomplete="one-time-code"
                            inputmode="numeric" required=true />
                        <p class="panel-actions">
                            <button type="submit" id="totp-activate" class="btn btn-primary" disabled={*busy}>
                                { t(lang, Key::TotpActivate) }
                            </button>
                            <button type="button" id="totp-cancel" class="btn btn-secondary" onclick={on_cancel}>
                                { t(lang, Key::Cancel) }
                            </button>
                        </p>
                    </form>
                </div>
            }
        }
        (Some(false), None) => html! {
            <form class="form" novalidate=true onsubmit={on_start} id="totp-start-form">
                <Field id="totp-password" label={t(lang, Key::FieldPassword)} input_type="password"
                    value={(*password).clone()} oninput={setter(&password)} error={err("password")}
                    hint={AttrValue::from(t(lang, Key::TotpStartHint))} autocomplete="current-password" required=true />
                <button type="submit" id="totp-start" class="btn btn-primary" disabled={*busy}>
                    { t(lang, Key::TotpStart) }
                </button>
            </form>
        },
        (Some(true), _) => html! {
            <form class="form" novalidate=true onsubmit={on_remove} id="totp-remove-form" aria-labelledby="totp-remove-title">
                <h3 id="totp-remove-title">{ t(lang, Key::TotpRemoveTitle) }</h3>
                <p class="field-hint">{ t(lang, Key::TotpRemoveHint) }</p>
                <Field id="totp-off-password" label={t(lang, Key::FieldPassword)} input_type="password"
                    value={(*off_password).clone()} oninput={setter(&off_password)} error={err("password")}
                    autocomplete="current-password" required=true />
                <Field id="totp-off-code" label={t(lang, Key::TotpCodeLabel)} value={(*off_code).clone()}
                    oninput={setter(&off_code)} error={err("code")} autocomplete="one-time-code"
                    inputmode="numeric" required=true />
                <button type="submit" id="totp-remove" class="btn btn-danger" disabled={*busy}>
                    { t(lang, Key::TotpRemove) }
                </button>
            </form>
        },
        _ => html! {},
    };

    html! {
        <section class="panel" id="totp-panel" aria-labelledby="totp-title">
            <h2 id="totp-title">{ t(lang, Key::TotpTitle) }</h2>
            <p>{ t(lang, Key::TotpIntro) }</p>
            { status }
            if let Some(key) = *notice {
                <div class="alert alert-success" role="status" id="totp-notice">{ t(lang, key) }</div>
            }
            { form_error(&error, lang, "totp-error") }
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PasswordProps {
    token: String,
    on_changed: Callback<()>,
}

/// A new password (`POST /auth/password`); the server also refuses common passwords.
#[function_component(PasswordPanel)]
fn password_panel(props: &PasswordProps) -> Html {
    let lang = use_lang();
    let current = use_state(String::new);
    let new = use_state(String::new);
    let confirm = use_state(String::new);
    let local = use_state(Local::new);
    let error = use_state(|| None::<ApiError>);
    let done = use_state(|| false);
    let busy = use_state(|| false);

    let onsubmit = {
        let (current, new, confirm, local, error, done, busy) =
            (current.clone(), new.clone(), confirm.clone(), local.clone(), error.clone(), done.clone(), busy.clone());
        let (token, on_changed) = (props.token.clone(), props.on_changed.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            done.set(false);
            let mut problems = Local::new();
            if current.is_empty() {
                problems.push(("current_password", Violation::Required.message(lang)));
            }
            if let Err(v) = validation::password(&new) {
                problems.push(("new_password", v.message(lang)));
            } else if *new != *confirm {
                problems.push(("confirm", t(lang, Key::PwMismatch).to_string()));
            }
            if let Some((field, _)) = problems.first() {
                util::focus(match *field {
                    "current_password" => "pw-current",
                    "new_password" => "pw-new",
                    _ => "pw-confirm",
                });
                local.set(problems);
                error.set(None);
                return;
            }
            local.set(Local::new());
            let body = ChangePasswordRequest { current_password: (*current).clone(), new_password: (*new).clone() };
            let (current, new, confirm, error, done, busy, token, on_changed) = (
                current.clone(),
                new.clone(),
                confirm.clone(),
                error.clone(),
                done.clone(),
                busy.clone(),
                token.clone(),
                on_changed.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request::<_, ()>(Method::POST, "/auth/password", Some(&body), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(()) => {
                        error.set(None);
                        current.set(String::new());
                        new.set(String::new());
                        confirm.set(String::new());
                        done.set(true);
                        on_changed.emit(());
                    }
                    Err(e) => {
                        let first = e.field_errors().first().map(|f| f.field.clone());
                        error.set(Some(e));
                        match first.as_deref() {
                            Some("current_password") => util::focus("pw-current"),
                            Some(_) => util::focus("pw-new"),
                            None => {}
                        }
                    }
                }
            });
        })
    };

    let err = |field: &str| message_for(&local, &error, field);

    html! {
        <section class="panel" id="password-panel" aria-labelledby="password-title">
            <h2 id="password-title">{ t(lang, Key::PwTitle) }</h2>
            <form class="form" novalidate=true {onsubmit} id="password-form">
                if *done {
                    <div class="alert alert-success" role="status" id="pw-notice">{ t(lang, Key::PwChanged) }</div>
                }
                { form_error(&error, lang, "pw-error") }
                <Field id="pw-current" label={t(lang, Key::PwCurrent)} input_type="password" value={(*current).clone()}
                    oninput={setter(&current)} error={err("current_password")} autocomplete="current-password" required=true />
                <Field id="pw-new" label={t(lang, Key::PwNew)} input_type="password" value={(*new).clone()}
                    oninput={setter(&new)} error={err("new_password")} hint={AttrValue::from(t(lang, Key::PwNewHint))}
                    autocomplete="new-password" required=true />
                <Field id="pw-confirm" label={t(lang, Key::PwConfirm)} input_type="password" value={(*confirm).clone()}
                    oninput={setter(&confirm)} error={err("confirm")} autocomplete="new-password" required=true />
                <button type="submit" id="pw-submit" class="btn btn-primary" disabled={*busy}>{ t(lang, Key::PwSubmit) }</button>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SessionsProps {
    token: String,
    /// Asked again when this changes.
    version: u32,
}

/// My live sessions (`GET /auth/sessions`); end one (`DELETE /auth/sessions/{id}`).
#[function_component(SessionsPanel)]
fn sessions_panel(props: &SessionsProps) -> Html {
    let lang = use_lang();
    let list = {
        let token = props.token.clone();
        use_fetch(props.version, move |_| async move {
            api::get::<Vec<SessionInfo>>("/auth/sessions", Some(&token), lang).await
        })
    };
    let ended = use_state(|| false);
    let action_error = use_state(|| None::<ApiError>);

    let on_end = {
        let (list, ended, action_error, token) =
            (list.clone(), ended.clone(), action_error.clone(), props.token.clone());
        Callback::from(move |s: SessionInfo| {
            let (list, ended, action_error, token) = (list.clone(), ended.clone(), action_error.clone(), token.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/auth/sessions/{}", util::url_component(&s.id));
                match api::request_empty::<()>(Method::DELETE, &path, Some(&token), lang).await {
                    Ok(()) => {
                        action_error.set(None);
                        ended.set(true);
                    }
                    Err(e) => {
                        ended.set(false);
                        action_error.set(Some(e));
                    }
                }
                list.reload();
            });
        })
    };

    let table = match list.state() {
        Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => error_box(e, lang, "sessions-error"),
        Fetch::Ready(items) => html! {
            <SessionTable id="sessions-table" sessions={items.clone()} end_class="session-end" {on_end} />
        },
    };

    html! {
        <section class="panel" id="sessions-panel" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{ t(lang, Key::SessionsTitle) }</h2>
            <p>{ t(lang, Key::SessionsLead) }</p>
            if *ended {
                <div class="alert alert-success" role="status" id="sessions-notice">{ t(lang, Key::SessionEnded) }</div>
            }
            if let Some(e) = &*action_error {
                { error_box(e, lang, "sessions-action-error") }
            }
            { table }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SessionTableProps {
    pub id: AttrValue,
    pub sessions: Rc<Vec<SessionInfo>>,
    /// The class of the End buttons (`session-end` for one's own, `user-session-end` for an admin).
    pub end_class: AttrValue,
    pub on_end: Callback<SessionInfo>,
    #[prop_or_default]
    pub caption: Option<AttrValue>,
}

/// Sessions with when they started and were last used, where from and in which browser; the one
/// this request came from marked, the others with a button to end them.
#[function_component(SessionTable)]
pub fn session_table(props: &SessionTableProps) -> Html {
    let lang = use_lang();
    if props.sessions.is_empty() {
        return html! { <p class="muted" id={format!("{}-empty", props.id)}>{ t(lang, Key::SessionsEmpty) }</p> };
    }
    let caption = props.caption.clone().unwrap_or_else(|| AttrValue::from(t(lang, Key::SessionsTitle)));
    html! {
        <div class="table-wrap">
            <table class="table sessions-table" id={props.id.clone()}>
                <caption class="visually-hidden">{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, Key::SessionStarted) }</th>
                        <th scope="col">{ t(lang, Key::SessionLastUsed) }</th>
                        <th scope="col">{ t(lang, Key::SessionIp) }</th>
                        <th scope="col">{ t(lang, Key::SessionBrowser) }</th>
                        <th scope="col"><span class="visually-hidden">{ t(lang, Key::UsersActions) }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for props.sessions.iter().map(|s| {
                        let browser = s.user_agent.as_deref().map(util::short_user_agent).unwrap_or_else(|| "—".into());
                        let onclick = {
                            let (on_end, s) = (props.on_end.clone(), s.clone());
                            Callback::from(move |_: MouseEvent| on_end.emit(s.clone()))
                        };
                        html! {
                            <tr class={classes!("session-row", s.current.then_some("session-current-row"))} data-session={s.id.clone()}>
                                <td><time datetime={s.created_at.to_rfc3339()}>{ util::format_datetime(&s.created_at, lang) }</time></td>
                                <td><time datetime={s.last_used_at.to_rfc3339()}>{ util::format_datetime(&s.last_used_at, lang) }</time></td>
                                <td class="break">{ s.ip.clone().unwrap_or_else(|| "—".into()) }</td>
                                <td title={s.user_agent.clone()}>{ browser.clone() }</td>
                                <td class="cell-actions">
                                    if s.current {
                                        <span class="status status-on session-current">{ t(lang, Key::SessionCurrent) }</span>
                                    } else {
                                        <button type="button" class={classes!("btn", "btn-secondary", "btn-small", props.end_class.to_string())}
                                            aria-label={format!("{} {} ({})", t(lang, Key::SessionEnd), browser, s.ip.clone().unwrap_or_default())}
                                            {onclick}>
                                            { t(lang, Key::SessionEnd) }
                                        </button>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
