//! The working calendar and the steps' standards (`PUT /sla-policy`).

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::dto::sla::SlaPolicyView;
use yew::prelude::*;

use super::form::{
    DAYS, Edit, OFFSETS, PolicyForm, Problem, UNITS, server_problems, unit_and_value, utc_text, value_id,
};
use crate::api::{self, ApiError};
use crate::i18n::{Key, t};
use crate::pages::staff::{error_box, event_value, field_error, label_text, standard_text};
use crate::state::use_lang;
use crate::util;

#[derive(Properties, PartialEq)]
pub(super) struct EditorProps {
    pub(super) view: Rc<SlaPolicyView>,
    pub(super) token: String,
}

/// The working calendar and the steps' standards (`PUT /sla-policy`).
#[function_component(PolicyEditor)]
pub(super) fn policy_editor(props: &EditorProps) -> Html {
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
                        <select id="sla-offset" onchange={on_offset} disabled=true
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
