//! Staff accounts (administrators only): list, create, disable and enable; whether each uses
//! two-step verification, their live sessions (end one), and clearing a lost second factor.

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::Role;
use ttis_shared::dto::problem::FieldError;
use ttis_shared::dto::security::SessionInfo;
use ttis_shared::dto::users::{CreateUserRequest, UpdateUserRequest, User, UserList};
use ttis_shared::validation::{self, Violation};
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::components::field::Field;
use crate::components::nav_link::NavLink;
use crate::hooks::{Fetch, use_fetch, use_fetch_when};
use crate::i18n::{Key, t};
use crate::pages::staff::StaffNav;
use crate::pages::staff::account::SessionTable;
use crate::pages::staff::dashboard::Checking;
use crate::pages::staff::login::server_error;
use crate::route::Route;
use crate::state::{Auth, Session, use_auth, use_lang};
use crate::util;

#[function_component(Users)]
pub fn users() -> Html {
    let lang = use_lang();
    let auth = use_auth();
    match &auth.auth {
        Auth::Checking => html! { <Checking /> },
        Auth::SignedOut => html! { <Redirect<Route> to={Route::Login} /> },
        Auth::SignedIn(session) if !session.has_role(Role::Admin) => html! {
            <div class="container page narrow">
                <h1>{ t(lang, Key::UsersTitle) }</h1>
                <div class="alert alert-error" role="alert" id="users-forbidden">{ t(lang, Key::UsersForbidden) }</div>
                <p><NavLink to={Route::Dashboard} class="btn btn-secondary">{ t(lang, Key::BackDashboard) }</NavLink></p>
            </div>
        },
        Auth::SignedIn(session) => html! { <UsersAdmin session={session.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct AdminProps {
    session: Rc<Session>,
}

#[function_component(UsersAdmin)]
fn users_admin(props: &AdminProps) -> Html {
    let lang = use_lang();
    let token = props.session.token.clone();
    let list =
        use_fetch(token.clone(), move |token| async move { api::get::<UserList>("/users", Some(&token), lang).await });
    let action_error = use_state(|| None::<ApiError>);
    let notice = use_state(|| None::<String>);

    let on_toggle = {
        let token = token.clone();
        let list = list.clone();
        let action_error = action_error.clone();
        let notice = notice.clone();
        Callback::from(move |user: User| {
            let token = token.clone();
            let list = list.clone();
            let action_error = action_error.clone();
            notice.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let body = UpdateUserRequest { disabled: Some(!user.disabled), ..Default::default() };
                let path = format!("/users/{}", user.id);
                match api::request::<_, User>(Method::PATCH, &path, Some(&body), Some(&token), lang).await {
                    Ok(_) => action_error.set(None),
                    Err(err) => action_error.set(Some(err)),
                }
                list.reload();
            });
        })
    };

    let on_reset = {
        let (token, list, action_error, notice) = (token.clone(), list.clone(), action_error.clone(), notice.clone());
        Callback::from(move |user: User| {
            if !util::confirm(&t(lang, Key::UsersTotpResetConfirm).replace("{name}", &user.name)) {
                return;
            }
            let (token, list, action_error, notice) =
                (token.clone(), list.clone(), action_error.clone(), notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/users/{}/totp", user.id);
                match api::request_empty::<()>(Method::DELETE, &path, Some(&token), lang).await {
                    Ok(()) => {
                        action_error.set(None);
                        notice.set(Some(format!("{}: {}", t(lang, Key::UsersTotpResetDone), user.name)));
                    }
                    Err(err) => {
                        notice.set(None);
                        action_error.set(Some(err));
                    }
                }
                list.reload();
            });
        })
    };

    let on_created = list.reloader();

    let me = props.session.user.id;
    let table = match list.state() {
        Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(err) => {
            html! { <div class="alert alert-error" role="alert">{ err.message(lang) }</div> }
        }
        Fetch::Ready(users) if users.items.is_empty() => {
            html! { <p class="empty-state">{ t(lang, Key::UsersEmpty) }</p> }
        }
        Fetch::Ready(users) => html! {
            <div class="table-wrap">
                <table class="table" id="users-table">
                    <caption class="visually-hidden">{ t(lang, Key::UsersListTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Key::FieldName) }</th>
                            <th scope="col">{ t(lang, Key::FieldEmail) }</th>
                            <th scope="col">{ t(lang, Key::FieldRoles) }</th>
                            <th scope="col">{ t(lang, Key::UsersStatus) }</th>
                            <th scope="col">{ t(lang, Key::UsersTotp) }</th>
                            <th scope="col">{ t(lang, Key::UsersCreatedAt) }</th>
                            <th scope="col"><span class="visually-hidden">{ t(lang, Key::UsersActions) }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for users.items.iter().map(|u| html! {
                            <UserRow key={u.id} user={u.clone()} {me} token={token.clone()} version={list.version()}
                                on_toggle={on_toggle.clone()} on_reset={on_reset.clone()} on_changed={list.reloader()} />
                        }) }
                    </tbody>
                </table>
            </div>
        },
    };
    let total = list.data().map(|users| users.total);

    html! {
        <div class="container container-wide page users-page">
            <div class="page-head">
                <div>
                    <p class="eyebrow"><NavLink to={Route::AdminHome}>{ t(lang, Key::BackAdminHome) }</NavLink></p>
                    <h1>{ t(lang, Key::UsersTitle) }</h1>
                    <p class="lead">{ t(lang, Key::UsersLead) }</p>
                </div>
            </div>
            <StaffNav session={props.session.clone()} />
            <div class="grid-users">
                <section class="panel" aria-labelledby="users-list-title">
                    <h2 id="users-list-title">
                        { t(lang, Key::UsersListTitle) }
                        if let Some(total) = total {
                            { " " }<span class="count">{ total }</span>
                        }
                    </h2>
                    if let Some(err) = &*action_error {
                        <div class="alert alert-error" role="alert" id="users-error">{ err.message(lang) }</div>
                    }
                    if let Some(n) = &*notice {
                        <div class="alert alert-success" role="status" id="users-notice">{ n.clone() }</div>
                    }
                    { table }
                </section>
                <CreateUser token={token.clone()} on_created={on_created} />
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct UserRowProps {
    user: User,
    me: i64,
    token: String,
    /// The list's version: an open session list is asked again when it changes.
    version: u32,
    on_toggle: Callback<User>,
    on_reset: Callback<User>,
    /// After the account was changed here (its roles): the list is asked again.
    on_changed: Callback<()>,
}

/// One account and, when opened, its live sessions (`GET /users/{id}/sessions`).
#[function_component(UserRow)]
fn user_row(props: &UserRowProps) -> Html {
    let lang = use_lang();
    let u = &props.user;
    let open = use_state(|| false);
    let profile_open = use_state(|| false);
    let roles_open = use_state(|| false);
    let session_error = use_state(|| None::<ApiError>);
    let sessions = {
        let (token, id) = (props.token.clone(), u.id);
        use_fetch_when(*open, props.version, move |_| async move {
            api::get::<Vec<SessionInfo>>(&format!("/users/{id}/sessions"), Some(&token), lang).await
        })
    };

    let toggle_sessions = {
        let (open, sessions) = (open.clone(), sessions.clone());
        Callback::from(move |_: MouseEvent| {
            if !*open {
                sessions.clear();
            }
            open.set(!*open);
        })
    };
    let on_end = {
        let (sessions, session_error, token, id) = (sessions.clone(), session_error.clone(), props.token.clone(), u.id);
        Callback::from(move |s: SessionInfo| {
            let (sessions, session_error, token) = (sessions.clone(), session_error.clone(), token.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/users/{id}/sessions/{}", util::url_component(&s.id));
                match api::request_empty::<()>(Method::DELETE, &path, Some(&token), lang).await {
                    Ok(()) => session_error.set(None),
                    Err(e) => session_error.set(Some(e)),
                }
                sessions.reload();
            });
        })
    };

    let toggle_profile = {
        let profile_open = profile_open.clone();
        Callback::from(move |_: MouseEvent| profile_open.set(!*profile_open))
    };
    let toggle_roles = {
        let roles_open = roles_open.clone();
        Callback::from(move |_: MouseEvent| roles_open.set(!*roles_open))
    };
    let on_roles_saved = {
        let (roles_open, on_changed) = (roles_open.clone(), props.on_changed.clone());
        Callback::from(move |()| {
            roles_open.set(false);
            on_changed.emit(());
        })
    };
    let roles_id = format!("user-roles-row-{}", u.id);
    let is_head = u.roles.contains(&Role::Head);
    let profile_id = format!("user-signer-row-{}", u.id);
    let roles = u.roles.iter().map(|r| r.label(lang)).collect::<Vec<_>>().join(", ");
    let created = u.created_at.to_rfc3339();
    let created_date = created.get(..10).unwrap_or(&created).to_string();
    let on_toggle = {
        let user = u.clone();
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |_: MouseEvent| on_toggle.emit(user.clone()))
    };
    let on_reset = {
        let user = u.clone();
        let on_reset = props.on_reset.clone();
        Callback::from(move |_: MouseEvent| on_reset.emit(user.clone()))
    };
    let (status_key, status_class) =
        if u.disabled { (Key::UsersDisabled, "status status-off") } else { (Key::UsersActive, "status status-on") };
    let (totp_key, totp_class) =
        if u.totp_enabled { (Key::TotpOn, "status status-on") } else { (Key::TotpOff, "status status-off") };
    let action_key = if u.disabled { Key::UsersEnable } else { Key::UsersDisable };
    let list_id = format!("user-sessions-list-{}", u.id);
    let sessions_view = match sessions.state() {
        Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => html! { <p class="field-error" role="alert">{ e.message(lang) }</p> },
        Fetch::Ready(items) => html! {
            <SessionTable id={format!("user-sessions-table-{}", u.id)} sessions={items.clone()} end_class="user-session-end"
                caption={AttrValue::from(format!("{}: {}", t(lang, Key::SessionsTitle), u.name))} {on_end} />
        },
    };
    html! {
        <>
            <tr id={format!("user-row-{}", u.id)}>
                <td>{ u.name.clone() }</td>
                <td class="cell-email">{ u.email.clone() }</td>
                <td>{ roles }</td>
                <td><span class={status_class}>{ t(lang, status_key) }</span></td>
                <td><span class={classes!(totp_class, "user-totp")}>{ t(lang, totp_key) }</span></td>
                <td><time datetime={created}>{ created_date }</time></td>
                <td class="cell-actions">
                    <button
                        type="button"
                        id={format!("user-sessions-{}", u.id)}
                        class="btn btn-secondary btn-small user-sessions"
                        aria-expanded={if *open { "true" } else { "false" }}
                        aria-controls={list_id.clone()}
                        onclick={toggle_sessions}
                    >
                        { t(lang, if *open { Key::UsersHideSessions } else { Key::UsersSessions }) }
                    </button>
                    <button
                        type="button"
                        id={format!("user-roles-edit-{}", u.id)}
                        class="btn btn-secondary btn-small user-roles-edit"
                        aria-expanded={if *roles_open { "true" } else { "false" }}
                        aria-controls={roles_id.clone()}
                        aria-label={format!("{} {}", t(lang, Key::UsersEditRoles), u.name)}
                        onclick={toggle_roles}
                    >
                        { t(lang, if *roles_open { Key::UsersHideRoles } else { Key::UsersEditRoles }) }
                    </button>
                    if is_head {
                        <button
                            type="button"
                            id={format!("user-signer-{}", u.id)}
                            class="btn btn-secondary btn-small user-signer"
                            aria-expanded={if *profile_open { "true" } else { "false" }}
                            aria-controls={profile_id.clone()}
                            onclick={toggle_profile}
                        >
                            { t(lang, if *profile_open { Key::UsersHideSignerProfile } else { Key::UsersSignerProfile }) }
                        </button>
                    }
                    if u.id != props.me {
                        if u.totp_enabled {
                            <button
                                type="button"
                                id={format!("user-totp-reset-{}", u.id)}
                                class="btn btn-secondary btn-small user-totp-reset"
                                aria-label={format!("{} {}", t(lang, Key::UsersTotpReset), u.name)}
                                onclick={on_reset}
                            >
                                { t(lang, Key::UsersTotpReset) }
                            </button>
                        }
                        <button
                            type="button"
                            id={format!("user-toggle-{}", u.id)}
                            class={classes!("btn", "btn-small", if u.disabled { "btn-secondary" } else { "btn-danger" })}
                            aria-label={format!("{} {}", t(lang, action_key), u.name)}
                            onclick={on_toggle}
                        >
                            { t(lang, action_key) }
                        </button>
                    }
                </td>
            </tr>
            if *open {
                <tr class="user-sessions-row">
                    <td colspan="7" id={list_id}>
                        if let Some(e) = &*session_error {
                            <p class="field-error" role="alert">{ e.message(lang) }</p>
                        }
                        { sessions_view }
                    </td>
                </tr>
            }
            if *roles_open {
                <tr class="user-roles-row">
                    <td colspan="7" id={roles_id}>
                        <super::user_roles::RolesEditor user={u.clone()} token={props.token.clone()} on_saved={on_roles_saved} />
                    </td>
                </tr>
            }
            if *profile_open {
                <tr class="user-signer-row">
                    <td colspan="7" id={profile_id}>
                        <crate::pages::staff::signer_profile::SignerProfilePanel
                            path={format!("/users/{}/signer-profile", u.id)} token={props.token.clone()}
                            id_prefix={format!("user-signer-{}", u.id)} level={3} />
                    </td>
                </tr>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct CreateProps {
    token: String,
    on_created: Callback<()>,
}

#[derive(Clone, Default, PartialEq)]
struct Violations {
    email: Option<Violation>,
    name: Option<Violation>,
    password: Option<Violation>,
    roles: Option<Violation>,
}

impl Violations {
    fn any(&self) -> bool {
        self.email.is_some() || self.name.is_some() || self.password.is_some() || self.roles.is_some()
    }
}

#[function_component(CreateUser)]
fn create_user(props: &CreateProps) -> Html {
    let lang = use_lang();
    let email = use_state(String::new);
    let name = use_state(String::new);
    let password = use_state(String::new);
    let roles = use_state(Vec::<Role>::new);
    let violations = use_state(Violations::default);
    let server_fields = use_state(Vec::<FieldError>::new);
    let error = use_state(|| None::<ApiError>);
    let created = use_state(|| None::<String>);
    let busy = use_state(|| false);

    let setter = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };

    let onsubmit = {
        let (email, name, password, roles) = (email.clone(), name.clone(), password.clone(), roles.clone());
        let (violations, server_fields, error, created, busy) =
            (violations.clone(), server_fields.clone(), error.clone(), created.clone(), busy.clone());
        let token = props.token.clone();
        let on_created = props.on_created.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let v = Violations {
                email: validation::email(&email).err(),
                name: validation::name(&name).err(),
                password: validation::password(&password).err(),
                roles: validation::roles(&roles).err(),
            };
            let invalid = v.any();
            violations.set(v);
            server_fields.set(Vec::new());
            created.set(None);
            if invalid {
                error.set(None);
                return;
            }
            let body = CreateUserRequest {
                email: validation::normalize_email(&email),
                name: name.trim().to_string(),
                roles: (*roles).clone(),
                password: (*password).clone(),
            };
            let (email, name, password, roles) = (email.clone(), name.clone(), password.clone(), roles.clone());
            let (server_fields, error, created, busy) =
                (server_fields.clone(), error.clone(), created.clone(), busy.clone());
            let token = token.clone();
            let on_created = on_created.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::request::<_, User>(Method::POST, "/users", Some(&body), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(user) => {
                        error.set(None);
                        created.set(Some(user.email));
                        email.set(String::new());
                        name.set(String::new());
                        password.set(String::new());
                        roles.set(Vec::new());
                        on_created.emit(());
                    }
                    Err(err) => {
                        server_fields.set(err.field_errors().to_vec());
                        error.set(Some(err));
                    }
                }
            });
        })
    };

    let message = |v: &Option<Violation>, field: &str| {
        v.as_ref().map(|v| v.message(lang)).or_else(|| server_error(&server_fields, field))
    };
    let roles_error = message(&violations.roles, "roles");

    html! {
        <section class="panel" aria-labelledby="create-user-title">
            <h2 id="create-user-title">{ t(lang, Key::UsersCreateTitle) }</h2>
            <form class="form" novalidate=true {onsubmit} id="create-user-form">
                if let Some(err) = &*error {
                    <div class="alert alert-error" role="alert" id="create-user-error">{ err.message(lang) }</div>
                }
                if let Some(email) = &*created {
                    <div class="alert alert-success" role="status" id="create-user-success">
                        { t(lang, Key::UsersCreatedNotice) }{ ": " }{ email.clone() }
                    </div>
                }
                <Field id="new-user-name" label={t(lang, Key::FieldName)} value={(*name).clone()}
                    oninput={setter(&name)} error={message(&violations.name, "name")} autocomplete="off" required=true />
                <Field id="new-user-email" label={t(lang, Key::FieldEmail)} input_type="email" value={(*email).clone()}
                    oninput={setter(&email)} error={message(&violations.email, "email")} autocomplete="off" required=true />
                <Field id="new-user-password" label={t(lang, Key::FieldInitialPassword)} input_type="password"
                    value={(*password).clone()} oninput={setter(&password)}
                    error={message(&violations.password, "password")}
                    hint={AttrValue::from(t(lang, Key::PasswordHint))} autocomplete="new-password" required=true />
                <fieldset
                    class={classes!("field", "checkbox-group", roles_error.is_some().then_some("field-invalid"))}
                    aria-describedby={roles_error.is_some().then_some("new-user-roles-error")}
                >
                    <legend>{ t(lang, Key::FieldRoles) }</legend>
                    { for Role::ALL.into_iter().map(|role| {
                        let id = format!("new-user-role-{}", role.as_str());
                        let checked = roles.contains(&role);
                        let onchange = {
                            let roles = roles.clone();
                            Callback::from(move |e: Event| {
                                let input: HtmlInputElement = e.target_unchecked_into();
                                let mut next: Vec<Role> = roles.iter().copied().filter(|r| *r != role).collect();
                                if input.checked() {
                                    next.push(role);
                                    next.sort();
                                }
                                roles.set(next);
                            })
                        };
                        html! {
                            <div class="checkbox">
                                <input type="checkbox" id={id.clone()} name="roles" value={role.as_str()} {checked} {onchange} />
                                <label for={id}>{ role.label(lang) }</label>
                            </div>
                        }
                    }) }
                    if let Some(err) = roles_error {
                        <p class="field-error" id="new-user-roles-error">{ err }</p>
                    }
                </fieldset>
                <button type="submit" id="create-user-submit" class="btn btn-primary" disabled={*busy}>
                    { t(lang, Key::UsersCreateSubmit) }
                </button>
            </form>
        </section>
    }
}
