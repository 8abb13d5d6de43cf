//! The head's approval queue (SOP step 6): the tickets whose letter and certificate wait to be
//! approved and signed, most urgent first. Each opens the ticket page, which shows both drafts
//! side by side above the approve / return buttons.

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::dto::tickets::{TicketList, TicketSummary};
use ttis_shared::{Lang, Role};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{Guard, StaffNav, error_box, sla_badge};
use crate::api;
use crate::hooks::{Fetch, use_fetch};
use crate::i18n::{Key, t};
use crate::route::Route;
use crate::state::{Session, use_lang};
use crate::util;

/// `GET /tickets` for the queue: awaiting approval, most urgent first.
pub const APPROVALS_PATH: &str = "/tickets?state=awaiting_approval&sort=due_at&per_page=100";

/// How many tickets wait for the head's approval (`None` when it cannot be had).
pub async fn awaiting_count(token: &str, lang: Lang) -> Option<u64> {
    api::request_empty::<TicketList>(Method::GET, "/tickets?state=awaiting_approval&per_page=1", Some(token), lang)
        .await
        .ok()
        .map(|l| l.total)
}

#[function_component(Approvals)]
pub fn approvals() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <ApprovalQueue {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

#[function_component(ApprovalQueue)]
fn approval_queue(props: &Props) -> Html {
    let lang = use_lang();
    let token = props.session.token.clone();
    let list =
        use_fetch(token, move |token| async move { api::get::<TicketList>(APPROVALS_PATH, Some(&token), lang).await });
    let now = util::now();
    let body = match list.state() {
        Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => error_box(e, lang, "approvals-error"),
        Fetch::Ready(l) if l.items.is_empty() => html! {
            <div class="empty-state" id="approvals-empty">
                <p class="empty-state-title">{ t(lang, Key::ApprovalsEmptyTitle) }</p>
                <p>{ t(lang, Key::ApprovalsEmptyText) }</p>
            </div>
        },
        Fetch::Ready(l) => html! {
            <div class="table-wrap">
                <table class="table queue-table" id="approvals-table">
                    <caption class="visually-hidden">{ t(lang, Key::ApprovalsTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Key::TicketCode) }</th>
                            <th scope="col">{ t(lang, Key::FieldTitle) }</th>
                            <th scope="col">{ t(lang, Key::FieldPse) }</th>
                            <th scope="col">{ t(lang, Key::Analyst) }</th>
                            <th scope="col">{ t(lang, Key::ApprovalsSince) }</th>
                            <th scope="col">{ t(lang, Key::SlaColumn) }</th>
                            <th scope="col"><span class="visually-hidden">{ t(lang, Key::ActionsLabel) }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for l.items.iter().map(|item| row(item, now, lang)) }
                    </tbody>
                </table>
            </div>
        },
    };
    let total = list.data().map(|l| l.total);
    html! {
        <div class="container container-wide page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::ApprovalsTitle) }</h1>
                    <p class="lead">{ t(lang, Key::ApprovalsLead) }</p>
                </div>
            </div>
            <StaffNav session={props.session.clone()} />
            if !props.session.has_role(Role::Head) {
                <p class="alert alert-warning" role="note" id="approvals-head-only">{ t(lang, Key::ApprovalsHeadOnly) }</p>
            }
            <section class="panel" aria-labelledby="approvals-title" id="approvals">
                <h2 id="approvals-title">
                    { t(lang, Key::ApprovalsListTitle) }
                    if let Some(n) = total { { " " }<span class="count" id="approvals-total">{ n }</span> }
                </h2>
                { body }
            </section>
        </div>
    }
}

fn row(item: &TicketSummary, now: chrono::DateTime<chrono::Utc>, lang: Lang) -> Html {
    let route = Route::Ticket { code: item.code.clone() };
    let since = item.clock.as_ref().map(|c| c.started_at);
    html! {
        <tr id={format!("approval-row-{}", item.code)} class={classes!(item.clock.as_ref().is_some_and(|c| c.overdue).then_some("row-overdue"))}>
            <td class="cell-code">{ item.code.clone() }</td>
            <td class="cell-title">
                { item.title.clone() }
                <span class="cell-sub">{ item.affected_asset.clone() }</span>
            </td>
            <td>{ item.pse.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| "—".to_string()) }</td>
            <td>{ item.assignee.as_ref().map(|a| a.name.clone()).unwrap_or_else(|| "—".to_string()) }</td>
            <td>
                if let Some(at) = since {
                    <time datetime={at.to_rfc3339()}>{ util::format_datetime(&at, lang) }</time>
                } else {
                    { "—" }
                }
            </td>
            <td>{ sla_badge(item.clock.as_ref(), now, lang) }</td>
            <td class="cell-actions">
                <Link<Route> to={route} classes="btn btn-primary btn-small approval-open">
                    { t(lang, Key::ApprovalsOpen) }<span class="visually-hidden">{ format!(" {}", item.code) }</span>
                </Link<Route>>
            </td>
        </tr>
    }
}
