//! The SLA policy (administrators, `/staff/sla`): the working calendar (working days and the time
//! zone), each SOP step's time standard beside the SOP's own (*Mutu Baku*), and the holidays and
//! *cuti bersama* the working-day clock skips. Open tickets' clocks follow a change at once.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use gloo_net::http::Method;
use ttis_shared::dto::reports::Label;
use ttis_shared::dto::sla::{Holiday, HolidayList, SlaPolicyInput, SlaPolicyView, StepStandardInput};
use ttis_shared::{Lang, Role, TimeStandard, validation};
use yew::prelude::*;

use super::{Guard, StaffNav, error_box, event_value, field_error, label_text, standard_text};
use crate::api::{self, ApiError};
use crate::hooks::{Fetch, use_fetch, use_fetch_when};
use crate::i18n::{Key, t};
use crate::state::{Session, use_lang};
use crate::util;

/// Monday .. Sunday.
pub const DAYS: [Key; 7] = [
    Key::DayMonday,
    Key::DayTuesday,
    Key::DayWednesday,
    Key::DayThursday,
    Key::DayFriday,
    Key::DaySaturday,
    Key::DaySunday,
];

/// Indonesia's time zones: minutes east of UTC.
pub const OFFSETS: [(i32, Key); 3] = [(420, Key::SlaOffsetWib), (480, Key::SlaOffsetWita), (540, Key::SlaOffsetWit)];

/// The unit choices of a step's standard.
const UNITS: [(&str, Key); 3] =
    [("none", Key::SlaUnitNone), ("minutes", Key::SlaUnitMinutes), ("working_days", Key::SlaUnitWorkingDays)];

/// One step's row of the form, as typed.
#[derive(Debug, Clone, PartialEq)]
struct StepRow {
    step: u8,
    label: Label,
    /// `none`, `minutes`, `working_days`.
    unit: String,
    value: String,
    sop: Option<TimeStandard>,
}

fn unit_and_value(ts: Option<TimeStandard>) -> (String, String) {
    match ts {
        Some(TimeStandard::Minutes(m)) => ("minutes".into(), m.to_string()),
        Some(TimeStandard::WorkingDays(d)) => ("working_days".into(), d.to_string()),
        None => ("none".into(), String::new()),
    }
}

#[derive(Debug, Clone, PartialEq)]
struct PolicyForm {
    offset: i32,
    days: [bool; 7],
    /// Office hours in minutes after midnight; `0..1440` is the whole day.
    day_start: u32,
    day_end: u32,
    rows: Vec<StepRow>,
    updated_at: DateTime<Utc>,
}

impl From<&SlaPolicyView> for PolicyForm {
    fn from(v: &SlaPolicyView) -> Self {
        PolicyForm {
            offset: v.utc_offset_minutes,
            days: v.working_days,
            day_start: v.day_start_minutes,
            day_end: v.day_end_minutes,
            rows: v
                .standards
                .iter()
                .map(|s| {
                    let (unit, value) = unit_and_value(s.time_standard);
                    StepRow { step: s.step, label: s.label.clone(), unit, value, sop: s.sop_standard }
                })
                .collect(),
            updated_at: v.updated_at,
        }
    }
}

/// A problem with a field: the id of its control and the message.
type Problem = (String, String);

/// A change the form's controls make.
type Edit = Box<dyn Fn(&mut PolicyForm, &Event)>;

impl PolicyForm {
    /// The body of `PUT /sla-policy`, or what to fix first.
    fn input(&self, lang: Lang) -> Result<SlaPolicyInput, Vec<Problem>> {
        let mut problems = Vec::new();
        if self.day_start >= self.day_end {
            problems.push(("sla-hours".to_string(), t(lang, Key::SlaHoursInvalid).to_string()));
        }
        if !self.days.iter().any(|d| *d) {
            problems.push(("sla-days".to_string(), t(lang, Key::SlaDaysRequired).to_string()));
        }
        let mut standards = Vec::new();
        for r in &self.rows {
            let value = r.value.trim().parse::<u32>().ok().filter(|v| *v > 0);
            let time_standard = match (r.unit.as_str(), value) {
                ("none", _) => None,
                ("minutes", Some(v)) => Some(TimeStandard::Minutes(v)),
                ("working_days", Some(v)) => Some(TimeStandard::WorkingDays(v)),
                _ => {
                    problems.push((value_id(r.step), t(lang, Key::SlaValueInvalid).to_string()));
                    None
                }
            };
            standards.push(StepStandardInput { step: r.step, time_standard });
        }
        if problems.is_empty() {
            Ok(SlaPolicyInput {
                utc_offset_minutes: self.offset,
                working_days: self.days,
                day_start_minutes: self.day_start,
                day_end_minutes: self.day_end,
                standards,
            })
        } else {
            Err(problems)
        }
    }
}

fn value_id(step: u8) -> String {
    format!("sla-value-{step}")
}

/// `UTC+8`, `UTC+5:30`.
fn utc_text(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    if m % 60 == 0 { format!("UTC{sign}{}", m / 60) } else { format!("UTC{sign}{}:{:02}", m / 60, m % 60) }
}

/// The server's field errors, on the controls: `standards[3].time_standard` is the fourth row's
/// value, `working_days` the days, `utc_offset_minutes` the time zone.
fn server_problems(err: &ApiError, rows: &[StepRow]) -> Vec<Problem> {
    err.field_errors()
        .iter()
        .filter_map(|e| {
            let id = if let Some(rest) = e.field.strip_prefix("standards[") {
                let index = rest.split(']').next().and_then(|i| i.parse::<usize>().ok())?;
                value_id(rows.get(index)?.step)
            } else if e.field == "working_days" {
                "sla-days".to_string()
            } else if e.field == "day_end_minutes" || e.field == "day_start_minutes" {
                "sla-hours".to_string()
            } else if e.field == "utc_offset_minutes" {
                "sla-offset".to_string()
            } else {
                return None;
            };
            Some((id, e.message.clone()))
        })
        .collect()
}

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

#[derive(Properties, PartialEq)]
struct EditorProps {
    view: Rc<SlaPolicyView>,
    token: String,
}

/// The working calendar and the steps' standards (`PUT /sla-policy`).
#[function_component(PolicyEditor)]
fn policy_editor(props: &EditorProps) -> Html {
    let lang = use_lang();
    let form = use_state(|| PolicyForm::from(&*props.view));
    let local = use_state(Vec::<Problem>::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let saved = use_state(|| false);

    let onsubmit = {
        let (form, local, error, busy, saved) =
            (form.clone(), local.clone(), error.clone(), busy.clone(), saved.clone());
        let token = props.token.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            saved.set(false);
            let body = match form.input(lang) {
                Ok(body) => body,
                Err(problems) => {
                    if let Some((id, _)) = problems.first() {
                        util::focus(if id == "sla-days" { "sla-day-0" } else { id });
                    }
                    local.set(problems);
                    error.set(None);
                    return;
                }
            };
            local.set(Vec::new());
            let (form, local, error, busy, saved, token) =
                (form.clone(), local.clone(), error.clone(), busy.clone(), saved.clone(), token.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request::<_, SlaPolicyView>(Method::PUT, "/sla-policy", Some(&body), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(v) => {
                        error.set(None);
                        form.set(PolicyForm::from(&v));
                        saved.set(true);
                        util::sleep(0).await;
                        util::focus("sla-saved");
                    }
                    Err(e) => {
                        let problems = server_problems(&e, &form.rows);
                        let first = problems.first().map(|(id, _)| id.clone());
                        local.set(problems);
                        error.set(Some(e));
                        util::sleep(0).await;
                        match first.as_deref() {
                            Some("sla-days") => util::focus("sla-day-0"),
                            Some(id) => util::focus(id),
                            None => util::focus("sla-error"),
                        }
                    }
                }
            });
        })
    };

    let problem = |id: &str| -> Option<String> {
        local.iter().find(|(f, _)| f == id).map(|(_, m)| m.clone()).or_else(|| {
            // A server error this page could not place (a new field name): by its last part.
            if id == "sla-offset" {
                error.as_ref().and_then(|e| field_error(e.field_errors(), "utc_offset_minutes"))
            } else {
                None
            }
        })
    };
    let edit = |f: Edit| {
        let (form, saved) = (form.clone(), saved.clone());
        Callback::from(move |e: Event| {
            let mut next = (*form).clone();
            f(&mut next, &e);
            saved.set(false);
            form.set(next);
        })
    };
    let on_offset = edit(Box::new(|f, e| {
        if let Ok(v) = event_value(e).parse() {
            f.offset = v;
        }
    }));
    let on_office_hours = edit(Box::new(|f, e| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        (f.day_start, f.day_end) = if input.checked() { (7 * 60 + 30, 16 * 60) } else { (0, 24 * 60) };
    }));
    let clock = |e: &Event| -> Option<u32> {
        let v = event_value(e);
        let (h, m) = v.split_once(':')?;
        Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
    };
    let on_day_start = edit(Box::new(move |f, e| {
        if let Some(v) = clock(e) {
            f.day_start = v;
        }
    }));
    let on_day_end = edit(Box::new(move |f, e| {
        if let Some(v) = clock(e) {
            f.day_end = v;
        }
    }));
    let on_reset_sop = {
        let (form, saved, local) = (form.clone(), saved.clone(), local.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*form).clone();
            for r in &mut next.rows {
                (r.unit, r.value) = unit_and_value(r.sop);
            }
            saved.set(false);
            local.set(Vec::new());
            form.set(next);
        })
    };

    let f = &*form;
    let offset_err = problem("sla-offset");
    let days_err = problem("sla-days");
    let hours_err = problem("sla-hours");
    let office_hours = f.day_start > 0 || f.day_end < 24 * 60;
    let hhmm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
    let known_offset = OFFSETS.iter().any(|(m, _)| *m == f.offset);
    let general = error.as_ref().filter(|e| e.field_errors().is_empty());

    let day_boxes = DAYS.iter().enumerate().map(|(i, key)| {
        let id = format!("sla-day-{i}");
        let onchange = edit(Box::new(move |f, e| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(d) = f.days.get_mut(i) {
                *d = input.checked();
            }
        }));
        html! {
            <div class="checkbox">
                <input type="checkbox" id={id.clone()} checked={f.days.get(i).copied().unwrap_or(false)} {onchange} />
                <label for={id}>{ t(lang, *key) }</label>
            </div>
        }
    });

    let step_rows = f.rows.iter().enumerate().map(|(i, r)| {
        let unit_id = format!("sla-unit-{}", r.step);
        let vid = value_id(r.step);
        let err = problem(&vid);
        let on_unit = edit(Box::new(move |f, e| {
            if let Some(row) = f.rows.get_mut(i) {
                row.unit = event_value(e);
            }
        }));
        let on_value = {
            let (form, saved) = (form.clone(), saved.clone());
            Callback::from(move |e: InputEvent| {
                let mut next = (*form).clone();
                if let Some(row) = next.rows.get_mut(i) {
                    row.value = event_value(&e);
                }
                saved.set(false);
                form.set(next);
            })
        };
        let none = r.unit == "none";
        let step_name = format!("{}. {}", r.step, label_text(&r.label, lang));
        html! {
            <tr id={format!("sla-row-{}", r.step)} class={classes!(err.is_some().then_some("row-invalid"))}>
                <th scope="row" class="sla-step-name">
                    <span class="step-num">{ r.step }</span>{ " " }{ label_text(&r.label, lang) }
                </th>
                <td>
                    <label class="visually-hidden" for={unit_id.clone()}>{ format!("{} — {step_name}", t(lang, Key::SlaUnit)) }</label>
                    <select id={unit_id} class="sla-unit" onchange={on_unit}>
                        { for UNITS.iter().map(|(code, key)| html! {
                            <option value={*code} selected={r.unit == *code}>{ t(lang, *key) }</option>
                        }) }
                    </select>
                </td>
                <td class={classes!(err.is_some().then_some("field-invalid"))}>
                    <label class="visually-hidden" for={vid.clone()}>{ format!("{} — {step_name}", t(lang, Key::SlaValue)) }</label>
                    <input id={vid.clone()} class="sla-value" type="number" min="1" step="1" inputmode="numeric"
                        value={r.value.clone()} disabled={none} oninput={on_value}
                        aria-invalid={err.is_some().then_some("true")}
                        aria-describedby={err.is_some().then(|| format!("{vid}-error"))} />
                    if let Some(e) = err {
                        <p class="field-error" id={format!("{vid}-error")}>{ e }</p>
                    }
                </td>
                <td class="sla-sop" id={format!("sla-sop-{}", r.step)}>{ standard_text(r.sop, lang) }</td>
            </tr>
        }
    });

    html! {
        <section class="panel sla-policy-panel" aria-labelledby="sla-form-title">
            <h2 id="sla-form-title">{ t(lang, Key::SlaFormTitle) }</h2>
            <p class="field-hint" id="sla-updated">
                { format!("{} {}", t(lang, Key::SlaUpdatedAt), util::format_datetime(&f.updated_at, lang)) }
            </p>
            <form id="sla-form" class="form" novalidate=true {onsubmit}>
                if let Some(e) = general {
                    { error_box(e, lang, "sla-error") }
                } else if error.is_some() || !local.is_empty() {
                    <div class="alert alert-error" role="alert" id="sla-error" tabindex="-1">{ t(lang, Key::FixMarkedFields) }</div>
                }
                <fieldset class="form-section">
                    <legend>{ t(lang, Key::SlaCalendarLegend) }</legend>
                    <div class={classes!("field", offset_err.is_some().then_some("field-invalid"))}>
                        <label for="sla-offset">{ t(lang, Key::SlaOffset) }</label>
                        <p class="field-hint" id="sla-offset-hint">{ t(lang, Key::SlaOffsetHint) }</p>
                        <select id="sla-offset" onchange={on_offset}
                            aria-describedby={if offset_err.is_some() { "sla-offset-hint sla-offset-error" } else { "sla-offset-hint" }}>
                            if !known_offset {
                                <option value={f.offset.to_string()} selected=true>{ utc_text(f.offset) }</option>
                            }
                            { for OFFSETS.iter().map(|(m, key)| html! {
                                <option value={m.to_string()} selected={f.offset == *m}>{ t(lang, *key) }</option>
                            }) }
                        </select>
                        if let Some(e) = offset_err { <p class="field-error" id="sla-offset-error">{ e }</p> }
                    </div>
                    <fieldset class={classes!("checkbox-group", days_err.is_some().then_some("field-invalid"))} id="sla-days"
                        aria-describedby={if days_err.is_some() { "sla-days-hint sla-days-error" } else { "sla-days-hint" }}>
                        <legend>{ t(lang, Key::SlaWorkingDays) }</legend>
                        <p class="field-hint" id="sla-days-hint">{ t(lang, Key::SlaWorkingDaysHint) }</p>
                        <div class="sla-days">{ for day_boxes }</div>
                        if let Some(e) = days_err { <p class="field-error" id="sla-days-error">{ e }</p> }
                    </fieldset>
                    <div class={classes!("field", hours_err.is_some().then_some("field-invalid"))} id="sla-hours">
                        <label class="checkbox">
                            <input type="checkbox" id="sla-office-hours" checked={office_hours} onchange={on_office_hours} />
                            { " " }{ t(lang, Key::SlaOfficeHours) }
                        </label>
                        <p class="field-hint">{ t(lang, Key::SlaOfficeHoursHint) }</p>
                        if office_hours {
                            <div class="sla-hours">
                                <label for="sla-day-start">{ t(lang, Key::SlaDayStart) }</label>
                                <input type="time" id="sla-day-start" value={hhmm(f.day_start)} onchange={on_day_start} />
                                <label for="sla-day-end">{ t(lang, Key::SlaDayEnd) }</label>
                                <input type="time" id="sla-day-end" value={hhmm(f.day_end.min(24 * 60 - 1))} onchange={on_day_end} />
                            </div>
                        }
                        if let Some(e) = hours_err { <p class="field-error" id="sla-hours-error">{ e }</p> }
                    </div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{ t(lang, Key::SlaStandardsLegend) }</legend>
                    <p class="section-hint">{ t(lang, Key::SlaStandardsHint) }</p>
                    <div class="table-wrap">
                        <table class="table table-compact sla-standards" id="sla-standards">
                            <caption class="visually-hidden">{ t(lang, Key::SlaStandardsLegend) }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ t(lang, Key::StatsStep) }</th>
                                    <th scope="col">{ t(lang, Key::SlaUnit) }</th>
                                    <th scope="col">{ t(lang, Key::SlaValue) }</th>
                                    <th scope="col">{ t(lang, Key::SlaSopStandard) }</th>
                                </tr>
                            </thead>
                            <tbody>{ for step_rows }</tbody>
                        </table>
                    </div>
                    <p>
                        <button type="button" id="sla-reset-sop" class="btn btn-secondary btn-small" onclick={on_reset_sop}>
                            { t(lang, Key::SlaResetSop) }
                        </button>
                    </p>
                </fieldset>
                if *saved {
                    <div class="alert alert-success" role="status" id="sla-saved" tabindex="-1">{ t(lang, Key::SlaSaved) }</div>
                }
                <div class="form-actions">
                    <button type="submit" id="sla-save" class="btn btn-primary" disabled={*busy}>
                        { t(lang, if *busy { Key::Sending } else { Key::Save }) }
                    </button>
                </div>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct HolidaysProps {
    token: String,
}

/// Holidays and *cuti bersama* (`GET /holidays`, `PUT` and `DELETE /holidays/{date}`).
#[function_component(HolidaysPanel)]
fn holidays_panel(props: &HolidaysProps) -> Html {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn row(step: u8, unit: &str, value: &str) -> StepRow {
        StepRow {
            step,
            label: Label { id: String::new(), en: String::new() },
            unit: unit.into(),
            value: value.into(),
            sop: None,
        }
    }

    #[test]
    fn the_form_becomes_the_policy_or_says_what_to_fix() {
        let form = PolicyForm {
            offset: 480,
            days: [true, true, true, true, true, false, false],
            day_start: 0,
            day_end: 24 * 60,
            rows: vec![row(4, "working_days", "1"), row(8, "none", ""), row(9, "minutes", " 10 ")],
            updated_at: DateTime::default(),
        };
        let input = form.input(Lang::Id).unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(input.standards[0].time_standard, Some(TimeStandard::WorkingDays(1)));
        assert_eq!(input.standards[1].time_standard, None);
        assert_eq!(input.standards[2].time_standard, Some(TimeStandard::Minutes(10)));

        let bad = PolicyForm { days: [false; 7], rows: vec![row(6, "minutes", "x")], ..form };
        let problems = bad.input(Lang::En).err().unwrap_or_default();
        let ids: Vec<&str> = problems.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["sla-days", "sla-value-6"]);
        assert_eq!(utc_text(480), "UTC+8");
        assert_eq!(utc_text(330), "UTC+5:30");
    }
}
