//! File a report on someone's behalf (received by phone, email, letter, in person, or found by the
//! monitoring team): the channel, then the public form's fields (without the upload), then the
//! receipt with the code and key to pass on.

use std::collections::BTreeMap;
use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::dto::reports::{CategoryList, ReportReceipt};
use ttis_shared::dto::tickets::{Channel, StaffReport};
use yew::prelude::*;

use super::{CHANNELS, Guard, StaffNav, set_text};
use crate::api::{self, ApiError};
use crate::hooks::{use_fetch, use_site};
use crate::i18n::{Key, t};
use crate::pages::report::form::ReportForm;
use crate::pages::report::model::{self, Draft, FormAction, FormState};
use crate::pages::report::receipt::Receipt;
use crate::state::{Session, use_lang};
use crate::util;

fn channel_of(code: &str) -> Channel {
    match code {
        "email" => Channel::Email,
        "letter" => Channel::Letter,
        "walk_in" => Channel::WalkIn,
        "monitoring" => Channel::Monitoring,
        "web" => Channel::Web,
        _ => Channel::Phone,
    }
}

#[function_component(NewTicket)]
pub fn new_ticket() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <NewTicketForm {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

#[function_component(NewTicketForm)]
fn new_ticket_form(props: &Props) -> Html {
    let lang = use_lang();
    let site = use_site();
    let categories =
        use_fetch(
            (),
            move |()| async move { api::get::<CategoryList>("/categories", None, lang).await.map(|l| l.items) },
        );
    let form = use_reducer(|| FormState { draft: Draft::new(), errors: BTreeMap::new() });
    let channel = use_state(|| "phone".to_string());
    let summary = use_state(|| None::<Vec<String>>);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let done = use_state(|| None::<(Rc<ReportReceipt>, String)>);

    let on_submit = {
        let (form, channel, summary, error, busy, done) =
            (form.clone(), channel.clone(), summary.clone(), error.clone(), busy.clone(), done.clone());
        let token = props.session.token.clone();
        Callback::from(move |()| {
            if *busy {
                return;
            }
            let errors = form.draft.check_all();
            form.dispatch(FormAction::CheckAll);
            if let Some((_, id)) = model::FIELDS.iter().find(|(path, _)| errors.contains_key(path)) {
                summary.set(Some(Vec::new()));
                util::focus(id);
                return;
            }
            let Some(report) = form.draft.to_report() else {
                return;
            };
            summary.set(None);
            let title = report.title.clone();
            let body = StaffReport { channel: channel_of(&channel), report };
            let (form, summary, error, busy, done, token) =
                (form.clone(), summary.clone(), error.clone(), busy.clone(), done.clone(), token.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request::<_, ReportReceipt>(Method::POST, "/tickets", Some(&body), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(receipt) => {
                        error.set(None);
                        done.set(Some((Rc::new(receipt), title)));
                    }
                    Err(err) if err.code() == Some("validation_failed") => {
                        // The staff route nests the report under `report.`.
                        let fields: Vec<_> = err
                            .field_errors()
                            .iter()
                            .cloned()
                            .map(|mut f| {
                                if let Some(rest) = f.field.strip_prefix("report.") {
                                    f.field = rest.to_string();
                                }
                                f
                            })
                            .collect();
                        let mut lines = model::unplaced(&fields);
                        if lines.is_empty() && fields.is_empty() {
                            lines.push(err.message(lang));
                        }
                        form.dispatch(FormAction::Server(fields));
                        summary.set(Some(lines));
                        util::sleep(0).await;
                        util::focus("report-errors");
                    }
                    Err(err) => {
                        error.set(Some(err));
                        util::sleep(0).await;
                        util::focus("new-ticket-error");
                    }
                }
            });
        })
    };

    let body = match &*done {
        Some((receipt, title)) => html! {
            <>
                <div class="alert alert-success no-print" role="status" id="new-ticket-done">{ t(lang, Key::NewTicketDone) }</div>
                <Receipt receipt={receipt.clone()} title={title.clone()} site={site.clone()} />
            </>
        },
        None => html! {
            <>
                if let Some(err) = &*error {
                    { super::error_box(err, lang, "new-ticket-error") }
                }
                <div class="panel field channel-field">
                    <label for="new-ticket-channel">{ t(lang, Key::FieldChannel) }</label>
                    <p class="field-hint" id="new-ticket-channel-hint">{ t(lang, Key::ChannelHint) }</p>
                    <select id="new-ticket-channel" aria-describedby="new-ticket-channel-hint" onchange={set_text::<Event>(&channel)}>
                        { for CHANNELS.iter().map(|(code, k)| html! {
                            <option value={*code} selected={*channel == *code}>{ t(lang, *k) }</option>
                        }) }
                    </select>
                </div>
                <ReportForm
                    form={form.clone()}
                    files={Rc::new(Vec::new())}
                    on_files={Callback::from(|_| ())}
                    categories={categories.data().cloned()}
                    site={site.clone()}
                    summary={(*summary).clone()}
                    on_review={on_submit}
                    staff=true
                    busy={*busy}
                />
            </>
        },
    };

    html! {
        <div class="container page report-page">
            <div class="no-print">
                <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                <h1>{ t(lang, Key::NewTicketTitle) }</h1>
                <p class="lead">{ t(lang, Key::NewTicketLead) }</p>
                <StaffNav session={props.session.clone()} />
            </div>
            { body }
        </div>
    }
}
