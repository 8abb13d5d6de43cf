//! Holidays and *cuti bersama*, which the working-day clock skips.

use gloo_net::http::Method;
use ttis_shared::dto::sla::{Holiday, HolidayList};
use ttis_shared::validation;
use yew::prelude::*;

use super::form::Problem;
use crate::api::{self, ApiError};
use crate::hooks::{Fetch, use_fetch};
use crate::i18n::{Key, t};
use crate::pages::staff::{error_box, event_value, field_error};
use crate::state::use_lang;
use crate::util;

#[derive(Properties, PartialEq)]
pub(super) struct HolidaysProps {
    pub(super) token: String,
}

/// Holidays and *cuti bersama* (`GET /holidays`, `PUT` and `DELETE /holidays/{date}`).
#[function_component(HolidaysPanel)]
pub(super) fn holidays_panel(props: &HolidaysProps) -> Html {
    let lang = use_lang();
    let list = use_fetch(props.token.clone(), move |token| async move {
        api::get::<HolidayList>("/holidays", Some(&token), lang).await.map(|l| sorted(l.items))
    });
    let date = use_state(String::new);
    let name = use_state(String::new);
    let local = use_state(Vec::<Problem>::new);
    let error = use_state(|| None::<ApiError>);
    let action_error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let notice = use_state(|| None::<String>);

    let onsubmit = {
        let (list, date, name, local, error, busy, notice) =
            (list.clone(), date.clone(), name.clone(), local.clone(), error.clone(), busy.clone(), notice.clone());
        let token = props.token.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            notice.set(None);
            let mut problems = Vec::new();
            let day = util::parse_day(&date);
            if day.is_none() {
                problems.push(("holiday-date".to_string(), t(lang, Key::HolidayDateInvalid).to_string()));
            }
            if let Err(v) = validation::line(&name) {
                problems.push(("holiday-name".to_string(), v.message(lang)));
            }
            let (Some(day), true) = (day, problems.is_empty()) else {
                if let Some((id, _)) = problems.first() {
                    util::focus(id);
                }
                local.set(problems);
                error.set(None);
                return;
            };
            local.set(Vec::new());
            let body = Holiday { date: day, name: name.trim().to_string() };
            let (list, date, name, error, busy, notice, token) =
                (list.clone(), date.clone(), name.clone(), error.clone(), busy.clone(), notice.clone(), token.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/holidays/{day}");
                let result = api::request::<_, HolidayList>(Method::PUT, &path, Some(&body), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(l) => {
                        error.set(None);
                        list.set_ready(sorted(l.items));
                        date.set(String::new());
                        name.set(String::new());
                        notice.set(Some(format!(
                            "{}: {} — {}",
                            t(lang, Key::HolidaySaved),
                            util::format_day(&body.date, lang),
                            body.name
                        )));
                    }
                    Err(e) => {
                        let first = e.field_errors().first().map(|f| {
                            if f.field.ends_with("date") { "holiday-date" } else { "holiday-name" }.to_string()
                        });
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus(first.as_deref().unwrap_or("holiday-error"));
                    }
                }
            });
        })
    };
    let on_delete = {
        let (list, notice, action_error) = (list.clone(), notice.clone(), action_error.clone());
        let token = props.token.clone();
        Callback::from(move |h: Holiday| {
            let (list, notice, action_error, token) =
                (list.clone(), notice.clone(), action_error.clone(), token.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/holidays/{}", h.date);
                match api::request_empty::<()>(Method::DELETE, &path, Some(&token), lang).await {
                    Ok(()) => {
                        action_error.set(None);
                        if let Some(items) = list.data() {
                            let rest = items.iter().filter(|x| x.date != h.date).cloned().collect();
                            list.set_ready(rest);
                        }
                        notice.set(Some(format!(
                            "{}: {} — {}",
                            t(lang, Key::HolidayDeleted),
                            util::format_day(&h.date, lang),
                            h.name
                        )));
                    }
                    Err(e) => action_error.set(Some(e)),
                }
            });
        })
    };

    let err_of = |id: &str, field: &str| -> Option<String> {
        local
            .iter()
            .find(|(f, _)| f == id)
            .map(|(_, m)| m.clone())
            .or_else(|| error.as_ref().and_then(|e| field_error(e.field_errors(), field)))
    };
    let date_err = err_of("holiday-date", "date");
    let name_err = err_of("holiday-name", "name");
    let general = error.as_ref().filter(|e| e.field_errors().is_empty());

    let table = match list.state() {
        Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => error_box(e, lang, "holidays-error"),
        Fetch::Ready(items) => html! {
            <>
                <div class="table-wrap">
                    <table class="table table-compact holidays-table" id="holidays">
                        <caption class="visually-hidden">{ t(lang, Key::HolidaysTitle) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, Key::HolidayDate) }</th>
                                <th scope="col">{ t(lang, Key::HolidayName) }</th>
                                <th scope="col"><span class="visually-hidden">{ t(lang, Key::ActionsLabel) }</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            { for items.iter().map(|h| {
                                let onclick = {
                                    let (on_delete, h) = (on_delete.clone(), h.clone());
                                    Callback::from(move |_: MouseEvent| on_delete.emit(h.clone()))
                                };
                                html! {
                                    <tr id={format!("holiday-{}", h.date)} key={h.date.to_string()}>
                                        <td><time datetime={h.date.to_string()}>{ util::format_day(&h.date, lang) }</time></td>
                                        <td class="break">{ h.name.clone() }</td>
                                        <td class="cell-actions">
                                            <button type="button" class="btn btn-danger btn-small" id={format!("holiday-delete-{}", h.date)}
                                                aria-label={format!("{} {} ({})", t(lang, Key::Delete), h.name, util::format_day(&h.date, lang))}
                                                {onclick}>
                                                { t(lang, Key::Delete) }
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
                if items.is_empty() {
                    <p class="muted" id="holidays-empty">{ t(lang, Key::HolidaysEmpty) }</p>
                }
            </>
        },
    };

    html! {
        <section class="panel holidays-panel" aria-labelledby="holidays-title">
            <h2 id="holidays-title">{ t(lang, Key::HolidaysTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::HolidaysHint) }</p>
            if let Some(n) = &*notice {
                <div class="alert alert-success" role="status" id="holidays-notice">{ n.clone() }</div>
            }
            if let Some(e) = &*action_error {
                { error_box(e, lang, "holidays-action-error") }
            }
            { table }
            <form id="holiday-form" class="form holiday-form" novalidate=true {onsubmit}>
                <h3>{ t(lang, Key::HolidayAdd) }</h3>
                if let Some(e) = general {
                    { error_box(e, lang, "holiday-error") }
                }
                <div class={classes!("field", date_err.is_some().then_some("field-invalid"))}>
                    <label for="holiday-date">{ t(lang, Key::HolidayDate) }</label>
                    <input id="holiday-date" type="date" value={(*date).clone()}
                        onchange={{ let date = date.clone(); Callback::from(move |e: Event| date.set(event_value(&e))) }}
                        oninput={{ let date = date.clone(); Callback::from(move |e: InputEvent| date.set(event_value(&e))) }}
                        aria-invalid={date_err.is_some().then_some("true")}
                        aria-describedby={date_err.is_some().then_some("holiday-date-error")} />
                    if let Some(e) = date_err { <p class="field-error" id="holiday-date-error">{ e }</p> }
                </div>
                <div class={classes!("field", name_err.is_some().then_some("field-invalid"))}>
                    <label for="holiday-name">{ t(lang, Key::HolidayName) }</label>
                    <p class="field-hint" id="holiday-name-hint">{ t(lang, Key::HolidayNameHint) }</p>
                    <input id="holiday-name" type="text" value={(*name).clone()}
                        oninput={{ let name = name.clone(); Callback::from(move |e: InputEvent| name.set(event_value(&e))) }}
                        aria-invalid={name_err.is_some().then_some("true")}
                        aria-describedby={if name_err.is_some() { "holiday-name-hint holiday-name-error" } else { "holiday-name-hint" }} />
                    if let Some(e) = name_err { <p class="field-error" id="holiday-name-error">{ e }</p> }
                </div>
                <div class="form-actions">
                    <button type="submit" id="holiday-add" class="btn btn-primary" disabled={*busy}>
                        { t(lang, if *busy { Key::Sending } else { Key::HolidayAdd }) }
                    </button>
                </div>
            </form>
        </section>
    }
}

fn sorted(mut items: Vec<Holiday>) -> Vec<Holiday> {
    items.sort_by_key(|h| h.date);
    items
}
