//! Who handles the ticket: the PSE, the assignee, claiming, assignment with a disposition
//! (*disposisi*: instruction, priority, due date), and the printable *lembar disposisi*.

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::Role;
use ttis_shared::dto::reports::SiteInfo;
use ttis_shared::dto::tickets::{AssignmentRequest, Priority, TicketDetail, UserRef};
use yew::prelude::*;

use super::super::{PRIORITIES, error_box, field_error};
use super::ticket_path;
use crate::api::{self, ApiError};
use crate::i18n::{Key, t, tn};
use crate::state::{Session, use_lang};
use crate::util;

/// The disposition being written (and shown on the sheet).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Disposition {
    pub assignee: String,
    pub instruction: String,
    pub priority: String,
    pub due_date: String,
}

async fn assign(
    code: &str,
    req: &AssignmentRequest,
    token: &str,
    lang: ttis_shared::Lang,
) -> Result<TicketDetail, ApiError> {
    let path = format!("{}/assignment", ticket_path(code));
    api::request(Method::POST, &path, Some(req), Some(token), lang).await
}

#[derive(Properties, PartialEq)]
pub struct HandlingProps {
    pub detail: Rc<TicketDetail>,
    pub session: Rc<Session>,
    pub staff: Option<Rc<Vec<UserRef>>>,
    pub draft: UseStateHandle<Disposition>,
    pub on_done: Callback<(TicketDetail, String)>,
    pub sheet_open: bool,
    pub on_sheet: Callback<MouseEvent>,
}

#[function_component(Handling)]
pub fn handling(props: &HandlingProps) -> Html {
    let lang = use_lang();
    let d = &props.detail;
    let me = props.session.user.id;
    let is_analyst = props.session.has_role(Role::Analyst);
    let can_assign = is_analyst || props.session.has_role(Role::Head);
    let open = !d.state.is_terminal();
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let show_form = use_state(|| false);

    let on_claim = {
        let (busy, error, on_done) = (busy.clone(), error.clone(), props.on_done.clone());
        let (code, token) = (d.code.clone(), props.session.token.clone());
        Callback::from(move |_: MouseEvent| {
            let (busy, error, on_done, code, token) =
                (busy.clone(), error.clone(), on_done.clone(), code.clone(), token.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let req = AssignmentRequest { assignee_id: None, instruction: None, priority: None, due_date: None };
                let result = assign(&code, &req, &token, lang).await;
                busy.set(false);
                match result {
                    Ok(d) => {
                        error.set(None);
                        on_done.emit((d, t(lang, Key::Claimed).to_string()));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };

    let onsubmit = {
        let (busy, error, on_done, draft, show_form) =
            (busy.clone(), error.clone(), props.on_done.clone(), props.draft.clone(), show_form.clone());
        let (code, token) = (d.code.clone(), props.session.token.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let priority = PRIORITIES.iter().find(|(_, code, _)| *code == draft.priority).map(|(p, _, _)| *p);
            let req = AssignmentRequest {
                assignee_id: draft.assignee.trim().parse().ok(),
                instruction: Some(draft.instruction.trim().to_string()).filter(|s| !s.is_empty()),
                priority,
                due_date: util::parse_day(&draft.due_date),
            };
            if req.assignee_id.is_none() {
                error.set(None);
                util::focus("assign-assignee");
                return;
            }
            let (busy, error, on_done, code, token, show_form) =
                (busy.clone(), error.clone(), on_done.clone(), code.clone(), token.clone(), show_form.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = assign(&code, &req, &token, lang).await;
                busy.set(false);
                match result {
                    Ok(d) => {
                        error.set(None);
                        show_form.set(false);
                        on_done.emit((d, t(lang, Key::Assigned).to_string()));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };

    let set = |f: fn(&mut Disposition, String)| {
        let draft = props.draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            f(&mut next, super::super::event_value(&e));
            draft.set(next);
        })
    };
    let set_input = |f: fn(&mut Disposition, String)| {
        let draft = props.draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*draft).clone();
            f(&mut next, super::super::event_value(&e));
            draft.set(next);
        })
    };
    let toggle_form = {
        let show_form = show_form.clone();
        Callback::from(move |_: MouseEvent| show_form.set(!*show_form))
    };

    let draft = &*props.draft;
    let assignee_err = error.as_ref().and_then(|e| field_error(e.field_errors(), "assignee_id"));
    let assignee_control = match &props.staff {
        Some(staff) => html! {
            <select id="assign-assignee" required=true onchange={set(|d, v| d.assignee = v)}
                aria-invalid={assignee_err.is_some().then_some("true")}
                aria-describedby={assignee_err.is_some().then_some("assign-assignee-error")}>
                <option value="" selected={draft.assignee.is_empty()}>{ t(lang, Key::ChooseOne) }</option>
                { for staff.iter().map(|u| html! {
                    <option value={u.id.to_string()} selected={draft.assignee == u.id.to_string()}>{ u.name.clone() }</option>
                }) }
            </select>
        },
        None => html! {
            <input id="assign-assignee" type="number" inputmode="numeric" min="1" value={draft.assignee.clone()}
                oninput={set_input(|d, v| d.assignee = v)} aria-describedby="assign-assignee-hint" />
        },
    };
    let general_error = error.as_ref().filter(|e| e.field_errors().is_empty() || assignee_err.is_none());

    html! {
        <section class="panel" aria-labelledby="ticket-handling-title" id="ticket-handling">
            <h2 id="ticket-handling-title">{ t(lang, Key::HandlingTitle) }</h2>
            <dl class="facts facts-stack">
                <dt>{ t(lang, Key::FieldAssignee) }</dt>
                <dd id="ticket-assignee">{ d.assignee.as_ref().map(|a| a.name.clone()).unwrap_or_else(|| t(lang, Key::Unassigned).to_string()) }</dd>
                <dt>{ t(lang, Key::FieldPse) }</dt>
                <dd id="ticket-pse">{ d.pse.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| t(lang, Key::PseNone).to_string()) }</dd>
            </dl>
            if let Some(e) = general_error {
                { error_box(e, lang, "assign-error") }
            }
            if open {
                <div class="panel-actions">
                    if is_analyst && d.assignee.as_ref().map(|a| a.id) != Some(me) {
                        <button type="button" id="ticket-claim" class="btn btn-primary btn-small" disabled={*busy} onclick={on_claim}>
                            { t(lang, Key::Claim) }
                        </button>
                    }
                    if can_assign {
                        <button type="button" id="ticket-assign" class="btn btn-secondary btn-small" aria-expanded={if *show_form { "true" } else { "false" }}
                            aria-controls="assign-form" onclick={toggle_form}>
                            { t(lang, Key::AssignOpen) }
                        </button>
                    }
                    <button type="button" id="show-disposition" class="btn btn-secondary btn-small"
                        aria-expanded={if props.sheet_open { "true" } else { "false" }} onclick={props.on_sheet.clone()}>
                        { t(lang, Key::DispositionSheet) }
                    </button>
                </div>
            }
            if open && can_assign && *show_form {
                <form id="assign-form" class="form assign-form" novalidate=true {onsubmit}>
                    <h3>{ t(lang, Key::AssignTitle) }</h3>
                    <div class={classes!("field", assignee_err.is_some().then_some("field-invalid"))}>
                        <label for="assign-assignee">{ t(lang, Key::AssignTo) }</label>
                        if props.staff.is_none() {
                            <p class="field-hint" id="assign-assignee-hint">{ t(lang, Key::AssigneeIdHint) }</p>
                        }
                        { assignee_control }
                        if let Some(e) = &assignee_err { <p class="field-error" id="assign-assignee-error">{ e.clone() }</p> }
                    </div>
                    <div class="field">
                        <label for="assign-instruction">{ t(lang, Key::Instruction) }<span class="optional">{ format!(" ({})", t(lang, Key::Optional)) }</span></label>
                        <textarea id="assign-instruction" rows="3" value={draft.instruction.clone()} oninput={set_input(|d, v| d.instruction = v)} />
                    </div>
                    <div class="field-row">
                        <div class="field">
                            <label for="assign-priority">{ t(lang, Key::Priority) }</label>
                            <select id="assign-priority" onchange={set(|d, v| d.priority = v)}>
                                <option value="" selected={draft.priority.is_empty()}>{ "—" }</option>
                                { for PRIORITIES.iter().map(|(_, code, k)| html! {
                                    <option value={*code} selected={draft.priority == *code}>{ t(lang, *k) }</option>
                                }) }
                            </select>
                        </div>
                        <div class="field">
                            <label for="assign-due">{ t(lang, Key::DueDate) }</label>
                            <input id="assign-due" type="date" value={draft.due_date.clone()} onchange={set(|d, v| d.due_date = v)} />
                        </div>
                    </div>
                    <div class="form-actions">
                        <button type="submit" id="assign-submit" class="btn btn-primary" disabled={*busy}>{ t(lang, Key::AssignSubmit) }</button>
                    </div>
                </form>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub detail: Rc<TicketDetail>,
    pub draft: Disposition,
    pub site: Option<Rc<SiteInfo>>,
    pub session: Rc<Session>,
    pub staff: Option<Rc<Vec<UserRef>>>,
    pub on_close: Callback<MouseEvent>,
}

/// The *lembar disposisi*: on screen as a preview, and alone on paper when printed.
#[function_component(DispositionSheet)]
pub fn disposition_sheet(props: &SheetProps) -> Html {
    let lang = use_lang();
    let d = &props.detail;
    let draft = &props.draft;
    // What the form holds, or else the latest disposition on record.
    let stored = d.dispositions.first().filter(|_| draft.assignee.is_empty() && draft.instruction.trim().is_empty());
    let to = match stored {
        Some(rec) => rec.to.name.clone(),
        None => props
            .staff
            .as_ref()
            .and_then(|s| s.iter().find(|u| u.id.to_string() == draft.assignee).map(|u| u.name.clone()))
            .or_else(|| d.assignee.as_ref().map(|a| a.name.clone()))
            .unwrap_or_default(),
    };
    let from = stored.map(|rec| rec.from.name.clone()).unwrap_or_else(|| props.session.user.name.clone());
    let due = match stored {
        Some(rec) => rec.due_date.map(|day| util::format_day(&day, lang)).unwrap_or_default(),
        None => util::parse_day(&draft.due_date).map(|day| util::format_day(&day, lang)).unwrap_or_default(),
    };
    let today = util::format_date(&stored.map(|rec| rec.created_at).unwrap_or_else(util::now), lang);
    let instruction = match stored {
        Some(rec) => rec.instruction.clone().unwrap_or_default(),
        None => draft.instruction.clone(),
    };
    let on_print = Callback::from(|_: MouseEvent| util::print());
    let (gov, agency) = match &props.site {
        Some(s) => (s.government_name.clone(), s.agency_name.clone()),
        None => (String::new(), tn(lang, Key::AgencyFull).to_uppercase()),
    };
    let chosen: Option<Priority> = match stored {
        Some(rec) => rec.priority,
        None => PRIORITIES.iter().find(|(_, code, _)| *code == draft.priority).map(|(p, _, _)| *p),
    };
    html! {
        <section class="panel disposition-sheet" id="disposition-sheet" aria-labelledby="disposition-title">
            <div class="letterhead">
                <p class="letterhead-gov">{ gov }</p>
                <p class="letterhead-agency">{ agency }</p>
                <p class="letterhead-team">{ t(lang, Key::TeamName) }</p>
            </div>
            <h2 id="disposition-title" class="sheet-title">{ t(lang, Key::DispositionTitle) }</h2>
            <table class="sheet-table">
                <tbody>
                    <tr><th scope="row">{ t(lang, Key::TicketCode) }</th><td id="disposition-code">{ d.code.clone() }</td></tr>
                    <tr><th scope="row">{ t(lang, Key::Subject) }</th><td>{ d.title.clone() }</td></tr>
                    <tr><th scope="row">{ t(lang, Key::SheetDate) }</th><td>{ today }</td></tr>
                    <tr><th scope="row">{ t(lang, Key::SheetFrom) }</th><td id="disposition-from">{ from.clone() }</td></tr>
                    <tr><th scope="row">{ t(lang, Key::SheetTo) }</th><td id="disposition-to">{ to }</td></tr>
                    <tr>
                        <th scope="row">{ t(lang, Key::Priority) }</th>
                        <td class="sheet-priorities">
                            <div>
                                { for PRIORITIES.iter().map(|(p, _, k)| html! {
                                    <span class="sheet-box">{ if chosen == Some(*p) { "☒ " } else { "☐ " } }{ t(lang, *k) }</span>
                                }) }
                            </div>
                        </td>
                    </tr>
                    <tr><th scope="row">{ t(lang, Key::DueDate) }</th><td>{ due }</td></tr>
                    <tr><th scope="row">{ t(lang, Key::Instruction) }</th><td class="sheet-instruction prewrap" id="disposition-instruction">{ instruction }</td></tr>
                </tbody>
            </table>
            <div class="sheet-sign">
                <p>{ t(lang, Key::SheetSigner) }</p>
                <p class="sheet-sign-name">{ from }</p>
            </div>
            <p class="field-hint no-print">{ t(lang, Key::DispositionHint) }</p>
            <div class="form-actions no-print">
                <button type="button" id="print-disposition" class="btn btn-primary" onclick={on_print}>{ t(lang, Key::PrintDisposition) }</button>
                <button type="button" id="close-disposition" class="btn btn-secondary" onclick={props.on_close.clone()}>{ t(lang, Key::Close) }</button>
            </div>
        </section>
    }
}
