//! The dashboard's list of personal-data incidents (UU PDP) whose 72 hours passed without the
//! PSE confirming that it notified the data subjects and the authority (analysts and the head);
//! nothing when there are none.

use std::rc::Rc;

use ttis_shared::Role;
use ttis_shared::dto::tickets::TicketList;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::hooks::use_fetch_when;
use crate::i18n::{Key, t};
use crate::route::Route;
use crate::state::{Session, use_lang};
use crate::util;

#[derive(Properties, PartialEq)]
pub struct PdpOverdueProps {
    pub session: Rc<Session>,
}

#[function_component(PdpOverdue)]
pub fn pdp_overdue(props: &PdpOverdueProps) -> Html {
    let lang = use_lang();
    let allowed = props.session.has_role(Role::Analyst) || props.session.has_role(Role::Head);
    let list = use_fetch_when(allowed, props.session.token.clone(), move |token| async move {
        api::get::<TicketList>("/tickets?pdp=overdue&sort=pdp_due_at&per_page=20", Some(&token), lang).await
    });
    let (items, total) = match list.data() {
        Some(l) if allowed && !l.items.is_empty() => (&l.items, l.total),
        _ => return html! {},
    };
    html! {
        <section class="panel failed-deliveries" id="pdp-overdue" aria-labelledby="pdp-overdue-title">
            <h2 id="pdp-overdue-title">{ t(lang, Key::DashPdpTitle) }{ " " }<span class="count">{ total }</span></h2>
            <p class="field-hint">{ t(lang, Key::DashPdpLead) }</p>
            <ul class="plain-list" id="pdp-overdue-list">
                { for items.iter().map(|item| {
                    let due = item.pdp.as_ref().map(|p| p.due_at);
                    html! {
                        <li id={format!("pdp-overdue-{}", item.code)}>
                            <Link<Route> to={Route::Ticket { code: item.code.clone() }}>{ item.code.clone() }</Link<Route>>
                            { format!(" · {} · ", item.pse.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| item.affected_asset.clone())) }
                            if let Some(due) = due {
                                { t(lang, Key::PdpDue) }{ " " }
                                <time datetime={due.to_rfc3339()}>{ util::format_datetime(&due, lang) }</time>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
