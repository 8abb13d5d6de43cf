//! The SLA policy (administrators, `/staff/sla`): the working calendar (working days and the time
//! zone), each SOP step's time standard beside the SOP's own (*Mutu Baku*), and the holidays and
//! *cuti bersama* the working-day clock skips. Open tickets' clocks follow a change at once.

mod editor;
mod form;
mod holidays;

use std::rc::Rc;

use ttis_shared::Role;
use ttis_shared::dto::sla::SlaPolicyView;
use yew::prelude::*;

use super::{Guard, StaffNav, error_box};
use crate::api;
use crate::hooks::{Fetch, use_fetch_when};
use crate::i18n::{Key, t};
use crate::state::{Session, use_lang};
use editor::PolicyEditor;
use holidays::HolidaysPanel;

#[function_component(SlaPolicy)]
pub fn sla_policy() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <SlaPolicyPage {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

#[function_component(SlaPolicyPage)]
fn sla_policy_page(props: &Props) -> Html {
    let lang = use_lang();
    let token = props.session.token.clone();
    let is_admin = props.session.has_role(Role::Admin);
    let view = use_fetch_when(is_admin, token.clone(), move |token| async move {
        api::get::<SlaPolicyView>("/sla-policy", Some(&token), lang).await
    });
    let body = if !is_admin {
        html! { <p class="alert alert-error" role="alert" id="sla-forbidden">{ t(lang, Key::UsersForbidden) }</p> }
    } else {
        let policy = match view.state() {
            Fetch::Loading => html! { <p class="panel loading" role="status">{ t(lang, Key::Loading) }</p> },
            Fetch::Failed(e) => error_box(e, lang, "sla-load-error"),
            Fetch::Ready(v) => html! { <PolicyEditor view={v.clone()} token={token.clone()} /> },
        };
        html! {
            <div class="sla-layout">
                { policy }
                <HolidaysPanel token={token.clone()} />
            </div>
        }
    };
    html! {
        <div class="container container-wide page sla-page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::SlaPolicyTitle) }</h1>
                    <p class="lead">{ t(lang, Key::SlaPolicyLead) }</p>
                </div>
            </div>
            <StaffNav session={props.session.clone()} />
            { body }
        </div>
    }
}
