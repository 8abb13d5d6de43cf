//! Dashboard Manajemen Tiket: the staff home. The ticket queue arrives in a later issue.

use gloo_net::http::Method;
use ttis_shared::{ReportState, Role};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::nav_link::NavLink;
use crate::i18n::{Key, t};
use crate::state::{Auth, AuthAction, use_auth, use_lang};

/// Shown while the app asks the API whether the refresh cookie still holds a session.
#[function_component(Checking)]
pub fn checking() -> Html {
    let lang = use_lang();
    html! {
        <div class="container page narrow">
            <p class="panel loading" role="status">{ t(lang, Key::SessionChecking) }</p>
        </div>
    }
}

#[function_component(Dashboard)]
pub fn dashboard() -> Html {
    let lang = use_lang();
    let auth = use_auth();
    let busy = use_state(|| false);

    let session = match &auth.auth {
        Auth::Checking => return html! { <Checking /> },
        Auth::SignedOut => return html! { <Redirect<Route> to={Route::Login} /> },
        Auth::SignedIn(session) => session.clone(),
    };

    let on_logout = {
        let auth = auth.clone();
        let token = session.token.clone();
        let busy = busy.clone();
        Callback::from(move |_: MouseEvent| {
            let auth = auth.clone();
            let token = token.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                // Whatever the answer, this browser forgets the session; the server ends it on 204.
                let _ = api::request_empty::<()>(Method::POST, "/auth/logout", Some(&token), lang).await;
                auth.dispatch(AuthAction::SignedOut);
            });
        })
    };

    let roles = session.user.roles.iter().map(|r| r.label(lang)).collect::<Vec<_>>().join(", ");
    let is_admin = session.has_role(Role::Admin);

    html! {
        <div class="container page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::DashboardTitle) }</h1>
                </div>
                <div class="user-box">
                    <p class="user-box-label">{ t(lang, Key::SignedInAs) }</p>
                    <p id="current-user">
                        <strong class="user-name">{ session.user.name.clone() }</strong>
                        { " " }
                        <span class="user-roles">{ roles }</span>
                    </p>
                    <button type="button" id="logout-button" class="btn btn-secondary" onclick={on_logout} disabled={*busy}>
                        { t(lang, Key::Logout) }
                    </button>
                </div>
            </div>

            if is_admin {
                <nav class="panel tools" aria-label={t(lang, Key::AdminToolsLabel)}>
                    <h2>{ t(lang, Key::AdminToolsTitle) }</h2>
                    <p>
                        <NavLink to={Route::Users} id="users-link" class="btn btn-primary">{ t(lang, Key::UsersTitle) }</NavLink>
                    </p>
                </nav>
            }

            <section class="panel" aria-labelledby="queue-title">
                <h2 id="queue-title">{ t(lang, Key::QueueTitle) }</h2>
                <div class="empty-state" id="ticket-queue-empty">
                    <p class="empty-state-title">{ t(lang, Key::QueueEmptyTitle) }</p>
                    <p>{ t(lang, Key::QueueEmptyText) }</p>
                </div>
                <h3>{ t(lang, Key::QueueStatesTitle) }</h3>
                <ul class="chips">
                    { for ReportState::ALL.into_iter().map(|s| html! {
                        <li class={classes!("chip", format!("state-{}", s.as_str()))}>{ s.label(lang) }</li>
                    }) }
                </ul>
            </section>
        </div>
    }
}
