//! Dashboard Manajemen Tiket: the team's home. Who is signed in, the staff area's links, and the
//! ticket queue with the deliveries that failed (analysts and the head); for the head, this
//! year's figures and the way to the statistics. Administrators without a team role land on
//! their own overview (`pages::staff::admin_home`).

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::Role;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::i18n::{Key, t};
use crate::pages::staff::StaffNav;
use crate::pages::staff::deliveries::FailedDeliveries;
use crate::pages::staff::pdp_overdue::PdpOverdue;
use crate::pages::staff::queue::TicketQueue;
use crate::pages::staff::statistics::StatsTeaser;
use crate::route::Route;
use crate::state::{Auth, AuthAction, Session, use_auth, use_lang};

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

/// Who is signed in, with their roles and the sign-out button (the staff home pages' head).
#[derive(Properties, PartialEq)]
pub struct UserBoxProps {
    pub session: Rc<Session>,
}

#[function_component(UserBox)]
pub fn user_box(props: &UserBoxProps) -> Html {
    let lang = use_lang();
    let auth = use_auth();
    let busy = use_state(|| false);
    let on_logout = {
        let auth = auth.clone();
        let token = props.session.token.clone();
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
    let roles = props.session.user.roles.iter().map(|r| r.label(lang)).collect::<Vec<_>>().join(", ");
    html! {
        <div class="user-box">
            <p class="user-box-label">{ t(lang, Key::SignedInAs) }</p>
            <p id="current-user">
                <strong class="user-name">{ props.session.user.name.clone() }</strong>
                { " " }
                <span class="user-roles">{ roles }</span>
            </p>
            <button type="button" id="logout-button" class="btn btn-secondary" onclick={on_logout} disabled={*busy}>
                { t(lang, Key::Logout) }
            </button>
        </div>
    }
}

/// The team's home: the ticket queue. An administrator without a team role has no tickets to
/// see, and is taken to the administrator's overview instead.
#[function_component(Dashboard)]
pub fn dashboard() -> Html {
    let lang = use_lang();
    let auth = use_auth();

    let session = match &auth.auth {
        Auth::Checking => return html! { <Checking /> },
        Auth::SignedOut => return html! { <Redirect<Route> to={Route::Login} /> },
        Auth::SignedIn(session) => session.clone(),
    };

    let is_head = session.has_role(Role::Head);
    let works_tickets = session.has_role(Role::Analyst) || is_head;
    if !works_tickets && session.has_role(Role::Admin) {
        return html! { <Redirect<Route> to={Route::AdminHome} /> };
    }

    html! {
        <div class="container container-wide page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::DashboardTitle) }</h1>
                </div>
                <UserBox session={session.clone()} />
            </div>

            <StaffNav session={session.clone()} />

            if is_head {
                <StatsTeaser session={session.clone()} />
            }

            if works_tickets {
                <FailedDeliveries session={session.clone()} />
                <PdpOverdue session={session.clone()} />
                <TicketQueue session={session.clone()} />
            } else {
                <section class="panel" aria-labelledby="queue-title">
                    <h2 id="queue-title">{ t(lang, Key::QueueTitle) }</h2>
                    <p id="queue-not-for-admin">{ t(lang, Key::QueueAdminOnly) }</p>
                </section>
            }
        </div>
    }
}
