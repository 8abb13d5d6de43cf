//! The administrator's overview (`/staff/admin`), where an administrator lands after signing in:
//! who is signed in, the staff navigation, and the administrator's tools, each with what it is
//! for. Administrators take no ticket action and see no tickets unless they also hold a team role
//! (see ARCHITECTURE.md's role matrix); those who do also have the ticket dashboard.
//!
//! The page is laid out in sections, top to bottom: the head, the navigation, the platform's
//! setup checklist ([`setup_section`]), then the tools.

use std::rc::Rc;

use yew::prelude::*;

use super::{Guard, StaffNav};
use crate::components::nav_link::NavLink;
use crate::i18n::{Key, t};
use crate::pages::staff::dashboard::UserBox;
use crate::route::Route;
use crate::state::{Session, use_lang};

#[function_component(AdminHome)]
pub fn admin_home() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <Overview {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

/// Each tool: where it is, its name, what it is for.
const TOOLS: [(Route, &str, Key, Key); 8] = [
    (Route::Users, "admin-tool-users", Key::UsersTitle, Key::AdminUsersText),
    (Route::Pses, "admin-tool-pses", Key::PsesTitle, Key::AdminPsesText),
    (Route::Categories, "admin-tool-categories", Key::CategoriesTitle, Key::AdminCategoriesText),
    (Route::Organization, "admin-tool-organization", Key::OrgTitle, Key::AdminOrgText),
    (Route::SlaPolicy, "admin-tool-sla", Key::SlaPolicyNav, Key::AdminSlaText),
    (Route::Webhooks, "admin-tool-webhooks", Key::WebhooksTitle, Key::AdminWebhooksText),
    (Route::Security, "admin-tool-security", Key::SecurityTitle, Key::AdminSecurityText),
    (Route::Audit, "admin-tool-audit", Key::AuditTitle, Key::AdminAuditText),
];

#[function_component(Overview)]
fn overview(props: &Props) -> Html {
    let lang = use_lang();
    html! {
        <div class="container container-wide page admin-home" id="admin-home">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::AdminHomeTitle) }</h1>
                    <p class="lead">{ t(lang, Key::AdminHomeLead) }</p>
                </div>
                <UserBox session={props.session.clone()} />
            </div>
            <StaffNav session={props.session.clone()} />
            { setup_section(&props.session) }
            <section class="admin-tools" aria-labelledby="admin-tools-title">
                <h2 id="admin-tools-title">{ t(lang, Key::AdminToolsTitle) }</h2>
                <ul class="cards admin-tool-cards" aria-label={t(lang, Key::AdminToolsLabel)}>
                    { for TOOLS.iter().map(|(route, id, title, text)| html! {
                        <li class="card">
                            <h3><NavLink to={route.clone()} id={*id}>{ t(lang, *title) }</NavLink></h3>
                            <p>{ t(lang, *text) }</p>
                        </li>
                    }) }
                </ul>
            </section>
        </div>
    }
}

/// The platform's setup, above the tools: the checklist of what is still a default (hidden
/// once everything is set up).
fn setup_section(session: &Rc<Session>) -> Html {
    html! { <super::setup_checklist::SetupChecklistPanel token={session.token.clone()} /> }
}
