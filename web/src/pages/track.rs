//! Lacak Laporan: follow a report with its ticket code and access key. A link from the receipt
//! carries both in the URL fragment (`/track#code=…&key=…`), which never reaches the server; the
//! page reads it, looks the report up, and removes it from the address bar.

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::Lang;
use ttis_shared::dto::delivery::{HallOfFameChange, HallOfFameDisplay, TicketKey};
use ttis_shared::dto::documents::DocumentKind;
use ttis_shared::dto::reports::{HallOfFameChoice, PublicEventKind, ReportStatus, StatusRequest};
use ttis_shared::dto::tickets::ProvideInfoRequest;
use ttis_shared::procedure::{ReportState, SopStep, TimeStandard};
use ttis_shared::validation::{self, Violation};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::{Closure, JsValue};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::field::Field;
use crate::i18n::{self, Key, t};
use crate::pages::common::{event_value, label_text};
use crate::state::use_lang;
use crate::util;

/// `code` and `key` from a fragment like `#code=TTIS-2026-000123&key=…`.
fn from_fragment(hash: &str) -> Option<(String, String)> {
    let mut code = None;
    let mut key = None;
    for pair in hash.trim_start_matches('#').split('&') {
        let Some((name, value)) = pair.split_once('=') else {
            continue;
        };
        let value = js_sys::decode_uri_component(value).map(String::from).unwrap_or_else(|_| value.to_string());
        match name {
            "code" => code = Some(value),
            "key" => key = Some(value),
            _ => {}
        }
    }
    Some((code?, key?))
}

/// Takes the code and key out of the address bar (and so out of history and screenshots).
fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum StepStatus {
    Done,
    Current,
    Pending,
    /// The step where the report was found not valid.
    Rejected,
    /// Not carried out (after a rejection).
    Skipped,
}

fn step_status(state: ReportState, step: SopStep) -> StepStatus {
    let n = step.number();
    match state {
        ReportState::Completed => StepStatus::Done,
        ReportState::Rejected => match n {
            1..=3 => StepStatus::Done,
            4 => StepStatus::Rejected,
            _ => StepStatus::Skipped,
        },
        _ => {
            let active = state.active_steps();
            let first = active.iter().map(|s| s.number()).min().unwrap_or(10);
            if active.contains(&step) {
                StepStatus::Current
            } else if n < first {
                StepStatus::Done
            } else {
                StepStatus::Pending
            }
        }
    }
}

fn status_key(s: StepStatus) -> Key {
    match s {
        StepStatus::Done => Key::StepDone,
        StepStatus::Current => Key::StepCurrent,
        StepStatus::Pending => Key::StepPending,
        StepStatus::Rejected => Key::StepRejected,
        StepStatus::Skipped => Key::StepSkipped,
    }
}

fn status_class(s: StepStatus) -> &'static str {
    match s {
        StepStatus::Done => "step-done",
        StepStatus::Current => "step-current",
        StepStatus::Pending => "step-pending",
        StepStatus::Rejected => "step-rejected",
        StepStatus::Skipped => "step-skipped",
    }
}

fn state_class(state: ReportState) -> String {
    format!("state-{}", state.as_str())
}

#[derive(Properties, PartialEq)]
struct StatusProps {
    status: Rc<ReportStatus>,
    /// The key the status was looked up with (kept in memory for answering).
    access_key: String,
    on_updated: Callback<ReportStatus>,
}

#[derive(Properties, PartialEq)]
struct AnswerProps {
    ticket_code: String,
    access_key: String,
    on_updated: Callback<ReportStatus>,
}

/// The reporter answers the team's question (`POST /reports/info` with the code and key).
#[function_component(AnswerForm)]
fn answer_form(props: &AnswerProps) -> Html {
    let lang = use_lang();
    let message = use_state(String::new);
    let violation = use_state(|| None::<String>);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let oninput = {
        let message = message.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            message.set(input.value());
        })
    };
    let onsubmit = {
        let (message, violation, error, busy) = (message.clone(), violation.clone(), error.clone(), busy.clone());
        let (code, key, on_updated) = (props.ticket_code.clone(), props.access_key.clone(), props.on_updated.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            if let Err(v) = validation::required(&message).and_then(|()| validation::long_text(&message)) {
                violation.set(Some(v.message(lang)));
                util::focus("track-info-message");
                return;
            }
            violation.set(None);
            let body = ProvideInfoRequest {
                ticket_code: code.trim().to_string(),
                access_key: key.trim().to_string(),
                message: message.trim().to_string(),
            };
            let (message, error, busy, on_updated) = (message.clone(), error.clone(), busy.clone(), on_updated.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result: Result<ReportStatus, ApiError> =
                    api::request(Method::POST, "/reports/info", Some(&body), None, lang).await;
                busy.set(false);
                match result {
                    Ok(s) => {
                        message.set(String::new());
                        error.set(None);
                        on_updated.emit(s);
                    }
                    Err(e) => {
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus("track-info-error");
                    }
                }
            });
        })
    };
    let field_err = (*violation).clone().or_else(|| {
        error.as_ref().and_then(|e| e.field_errors().iter().find(|f| f.field == "message").map(|f| f.message.clone()))
    });
    html! {
        <div class="panel panel-notice" id="track-needs-info">
            <strong>{ t(lang, Key::NeedsInfoTitle) }</strong>
            <p>{ t(lang, Key::NeedsInfoText) }</p>
            <form class="form" id="track-info-form" novalidate=true {onsubmit}>
                if let Some(err) = error.as_ref().filter(|e| e.field_errors().is_empty()) {
                    <div id="track-info-error" class="alert alert-error" role="alert" tabindex="-1">{ err.message(lang) }</div>
                }
                <div class={classes!("field", field_err.is_some().then_some("field-invalid"))}>
                    <label for="track-info-message">{ t(lang, Key::InfoAnswerLabel) }</label>
                    <p class="field-hint" id="track-info-message-hint">{ t(lang, Key::InfoAnswerHint) }</p>
                    <textarea id="track-info-message" rows="5" value={(*message).clone()} {oninput}
                        aria-invalid={field_err.is_some().then_some("true")}
                        aria-describedby={if field_err.is_some() { "track-info-message-hint track-info-message-error" } else { "track-info-message-hint" }} />
                    if let Some(err) = field_err {
                        <p class="field-error" id="track-info-message-error">{ err }</p>
                    }
                </div>
                <div class="form-actions">
                    <button type="submit" id="track-info-submit" class="btn btn-primary" disabled={*busy}>
                        { t(lang, if *busy { Key::Sending } else { Key::InfoAnswerSubmit }) }
                    </button>
                </div>
            </form>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DownloadsProps {
    ticket_code: String,
    access_key: String,
    kinds: Vec<DocumentKind>,
}

/// The name a reporter's document is saved under when the server does not name it.
fn download_name(kind: DocumentKind, code: &str) -> String {
    let stem = match kind {
        DocumentKind::Certificate => "Sertifikat-Apresiasi",
        DocumentKind::NotificationLetter => "Surat-Pemberitahuan-Insiden-Siber",
        DocumentKind::AnalysisReport => "Laporan-Hasil-Analisis",
    };
    format!("{stem}-{code}.pdf")
}

/// The signed documents the reporter may download (`POST /reports/documents/{kind}` with the
/// code and key in the body).
#[function_component(Downloads)]
fn downloads(props: &DownloadsProps) -> Html {
    let lang = use_lang();
    let busy = use_state(|| None::<DocumentKind>);
    let error = use_state(|| None::<ApiError>);
    let buttons = props.kinds.iter().filter(|k| **k != DocumentKind::AnalysisReport).map(|&kind| {
        let onclick = {
            let (busy, error) = (busy.clone(), error.clone());
            let body = TicketKey {
                ticket_code: props.ticket_code.trim().to_string(),
                access_key: props.access_key.trim().to_string(),
            };
            Callback::from(move |_: MouseEvent| {
                if busy.is_some() {
                    return;
                }
                let (busy, error, body) = (busy.clone(), error.clone(), body.clone());
                let path = format!("/reports/documents/{}", kind.as_str());
                let name = download_name(kind, &body.ticket_code);
                busy.set(Some(kind));
                wasm_bindgen_futures::spawn_local(async move {
                    let result = api::download_post(&path, &body, None, &name, lang).await;
                    busy.set(None);
                    let failed = result.is_err();
                    error.set(result.err());
                    if failed {
                        util::sleep(0).await;
                        util::focus("downloads-error");
                    }
                });
            })
        };
        let title = label_text(&kind.label(), lang);
        html! {
            <button type="button" id={format!("download-{}", kind.as_str())} class="btn btn-primary"
                disabled={busy.is_some()} {onclick}>
                if *busy == Some(kind) {
                    { t(lang, Key::Loading) }
                } else {
                    { format!("{} {title}", t(lang, Key::Download)) }
                }
            </button>
        }
    });
    html! {
        <section class="panel downloads" id="downloads" aria-labelledby="downloads-title">
            <h3 id="downloads-title">{ t(lang, Key::DownloadsTitle) }</h3>
            <p class="field-hint">{ t(lang, Key::DownloadsHint) }</p>
            if let Some(err) = &*error {
                <div class="alert alert-error" role="alert" id="downloads-error" tabindex="-1">{ err.message(lang) }</div>
            }
            <p class="panel-actions">{ for buttons }</p>
        </section>
    }
}

/// The Hall of Fame choices a reporter can switch between after submitting.
const HOF_CHOICES: [(HallOfFameDisplay, &str, Key); 4] = [
    (HallOfFameDisplay::RealName, "real_name", Key::HofShowRealName),
    (HallOfFameDisplay::Alias, "alias", Key::HofShowAlias),
    (HallOfFameDisplay::Anonymous, "anonymous", Key::HofShowAnonymous),
    (HallOfFameDisplay::Hidden, "hidden", Key::HofShowHidden),
];

fn hof_code(choice: HallOfFameDisplay) -> &'static str {
    HOF_CHOICES.iter().find(|(c, _, _)| *c == choice).map_or("anonymous", |(_, code, _)| *code)
}

#[derive(Properties, PartialEq)]
struct HofProps {
    ticket_code: String,
    access_key: String,
    current: HallOfFameDisplay,
}

/// The reporter changes how they appear on the Hall of Fame (`POST /reports/hall-of-fame`).
#[function_component(HofForm)]
fn hof_form(props: &HofProps) -> Html {
    let lang = use_lang();
    let choice = use_state(|| props.current);
    let alias = use_state(String::new);
    let violation = use_state(|| None::<String>);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let saved = use_state(|| false);
    {
        let choice = choice.clone();
        use_effect_with(props.current, move |current| choice.set(*current));
    }
    let onchange = {
        let (choice, saved, violation) = (choice.clone(), saved.clone(), violation.clone());
        Callback::from(move |e: Event| {
            let value = event_value(&e);
            if let Some((c, _, _)) = HOF_CHOICES.iter().find(|(_, code, _)| *code == value) {
                choice.set(*c);
            }
            saved.set(false);
            violation.set(None);
        })
    };
    let on_alias = {
        let (alias, saved) = (alias.clone(), saved.clone());
        Callback::from(move |e: InputEvent| {
            alias.set(event_value(&e));
            saved.set(false);
        })
    };
    let onsubmit = {
        let (choice, alias, violation, error, busy, saved) =
            (choice.clone(), alias.clone(), violation.clone(), error.clone(), busy.clone(), saved.clone());
        let (code, key) = (props.ticket_code.clone(), props.access_key.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let wants_alias = *choice == HallOfFameDisplay::Alias;
            if wants_alias && let Err(v) = validation::alias(HallOfFameChoice::Alias, Some(&alias)) {
                violation.set(Some(v.message(lang)));
                util::focus("hof-alias");
                return;
            }
            violation.set(None);
            let body = HallOfFameChange {
                ticket_code: code.trim().to_string(),
                access_key: key.trim().to_string(),
                choice: *choice,
                alias: wants_alias.then(|| alias.trim().to_string()),
            };
            let (error, busy, saved) = (error.clone(), busy.clone(), saved.clone());
            busy.set(true);
            saved.set(false);
            wasm_bindgen_futures::spawn_local(async move {
                let result: Result<HallOfFameDisplay, ApiError> =
                    api::request(Method::POST, "/reports/hall-of-fame", Some(&body), None, lang).await;
                busy.set(false);
                match result {
                    Ok(_) => {
                        error.set(None);
                        saved.set(true);
                        util::sleep(0).await;
                        util::focus("hof-saved");
                    }
                    Err(e) => {
                        let alias_refused = e.field_errors().iter().any(|f| f.field == "alias");
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus(if alias_refused { "hof-alias" } else { "hof-error" });
                    }
                }
            });
        })
    };
    let alias_err = (*violation).clone().or_else(|| {
        error.as_ref().and_then(|e| e.field_errors().iter().find(|f| f.field == "alias").map(|f| f.message.clone()))
    });
    let current = hof_code(*choice);
    html! {
        <section class="panel hof-choice-panel" id="hof-choice-panel" aria-labelledby="hof-choice-title">
            <h3 id="hof-choice-title">{ t(lang, Key::FieldHallOfFame) }</h3>
            <p class="field-hint">{ t(lang, Key::HofChangeHint) }</p>
            <form class="form hof-form" id="hof-form" novalidate=true {onsubmit}>
                if let Some(err) = error.as_ref().filter(|e| !e.field_errors().iter().any(|f| f.field == "alias")) {
                    <div id="hof-error" class="alert alert-error" role="alert" tabindex="-1">{ err.message(lang) }</div>
                }
                <div class="field">
                    <label for="hof-choice">{ t(lang, Key::HofChoiceLabel) }</label>
                    <select id="hof-choice" {onchange}>
                        { for HOF_CHOICES.iter().map(|(_, code, key)| html! {
                            <option value={*code} selected={current == *code}>{ t(lang, *key) }</option>
                        }) }
                    </select>
                </div>
                if *choice == HallOfFameDisplay::Alias {
                    <div class={classes!("field", alias_err.is_some().then_some("field-invalid"))}>
                        <label for="hof-alias">{ t(lang, Key::FieldAlias) }</label>
                        <p class="field-hint" id="hof-alias-hint">{ t(lang, Key::HofAliasHint) }</p>
                        <input id="hof-alias" type="text" maxlength="60" autocomplete="nickname" value={(*alias).clone()} oninput={on_alias}
                            aria-invalid={alias_err.is_some().then_some("true")}
                            aria-describedby={if alias_err.is_some() { "hof-alias-hint hof-alias-error" } else { "hof-alias-hint" }} />
                        if let Some(err) = alias_err {
                            <p class="field-error" id="hof-alias-error">{ err }</p>
                        }
                    </div>
                }
                <div class="form-actions">
                    <button type="submit" id="hof-save" class="btn btn-secondary" disabled={*busy}>
                        { t(lang, if *busy { Key::Sending } else { Key::Save }) }
                    </button>
                </div>
                if *saved {
                    <div class="alert alert-success" role="status" id="hof-saved" tabindex="-1">{ t(lang, Key::HofSaved) }</div>
                }
            </form>
        </section>
    }
}

#[function_component(StatusView)]
fn status_view(props: &StatusProps) -> Html {
    let lang = use_lang();
    let s = &props.status;
    let label = |l: &ttis_shared::dto::reports::Label| match lang {
        Lang::Id => l.id.clone(),
        Lang::En => l.en.clone(),
    };
    let state_label = label(&s.state_label);
    // Whether the person answered a question on this page (to confirm it was received).
    let answered = use_state(|| false);
    {
        let answered = answered.clone();
        use_effect_with(s.state, move |state| {
            if *state == ReportState::NeedsInfo {
                answered.set(true);
            }
        });
    }

    let steps = SopStep::ALL.iter().map(|&step| {
        // When the server says the step was done (its `steps`); the state tells the rest.
        let done_at = s.steps.iter().find(|p| p.number == step.number()).and_then(|p| p.done_at);
        let status = match (step_status(s.state, step), done_at) {
            (StepStatus::Rejected, _) => StepStatus::Rejected,
            (_, Some(_)) => StepStatus::Done,
            (status, None) => status,
        };
        // The server's time standard (configurable) for the step it names; the SOP's otherwise.
        let standard: Option<TimeStandard> = match &s.current_step {
            Some(info) if info.number == step.number() => info.time_standard,
            _ => step.default_time_standard(),
        };
        let name = match (&s.current_step, s.steps.iter().find(|p| p.number == step.number())) {
            (Some(info), _) if info.number == step.number() => label(&info.label),
            (_, Some(p)) => label(&p.label),
            _ => step.label(lang).to_string(),
        };
        let current = status == StepStatus::Current;
        html! {
            <li class={classes!("sop-step", status_class(status), done_at.is_some().then_some("done"))} id={format!("step-{}", step.number())}
                aria-current={current.then_some("step")}>
                <span class="sop-num" aria-hidden="true">{ step.number() }</span>
                <div class="sop-body">
                    <span class="sop-label">
                        <span class="visually-hidden">{ format!("{} {}: ", t(lang, Key::StepWord), step.number()) }</span>
                        { name }
                    </span>
                    <span class="sop-status">{ t(lang, status_key(status)) }</span>
                    <span class="sop-when">
                        <span class="visually-hidden">{ format!("{}: ", t(lang, Key::StepDoneAt)) }</span>
                        if let Some(at) = done_at {
                            <time datetime={at.to_rfc3339()}>{ util::format_datetime(&at, lang) }</time>
                        } else {
                            <span class="muted">{ t(lang, Key::StepNotYet) }</span>
                        }
                    </span>
                    if current {
                        if let Some(ts) = standard {
                            <span class="sop-time">{ i18n::time_standard(lang, ts) }</span>
                        }
                        if s.state == ReportState::NeedsInfo {
                            <span class="sop-time">{ t(lang, Key::SlaPaused) }</span>
                        }
                    }
                </div>
            </li>
        }
    });

    let events = s.timeline.iter().enumerate().map(|(i, e)| {
        let author = if e.author == "reporter" {
            t(lang, Key::AuthorReporter)
        } else {
            t(lang, Key::AuthorTeam)
        };
        let what = match e.kind {
            PublicEventKind::StateChange => {
                let to = e
                    .state_label
                    .as_ref()
                    .map(label)
                    .or_else(|| e.to_state.map(|st| st.label(lang).to_string()))
                    .unwrap_or_default();
                format!("{} {to}", t(lang, Key::TimelineStateChange))
            }
            PublicEventKind::Message => format!("{} {author}", t(lang, Key::TimelineMessage)),
        };
        html! {
            <li class={classes!("event", matches!(e.kind, PublicEventKind::Message).then_some("event-message"))} id={format!("track-event-{i}")}>
                <time datetime={e.at.to_rfc3339()}>{ util::format_datetime(&e.at, lang) }</time>
                <p class="event-what">{ what }</p>
                { crate::pages::common::timeline_details(e.event.as_ref(), e.body.as_deref(), e.erased, lang) }
            </li>
        }
    });

    html! {
        <section id="track-result" class="track-result" aria-labelledby="track-result-title">
            <div class="panel">
                <p class="eyebrow" id="track-ticket-code">{ s.ticket_code.clone() }</p>
                <h2 id="track-result-title" tabindex="-1">{ s.title.clone() }</h2>
                <p class="track-state-line">
                    { format!("{}: ", t(lang, Key::Status)) }
                    <strong id="track-state" class={classes!("chip", state_class(s.state))}>{ state_label }</strong>
                </p>
                <dl class="facts">
                    <dt>{ t(lang, Key::SubmittedAt) }</dt>
                    <dd>{ util::format_datetime(&s.submitted_at, lang) }</dd>
                    <dt>{ t(lang, Key::StateSince) }</dt>
                    <dd>{ util::format_datetime(&s.state_entered_at, lang) }</dd>
                </dl>
            </div>

            if s.state == ReportState::NeedsInfo {
                <AnswerForm ticket_code={s.ticket_code.clone()} access_key={props.access_key.clone()} on_updated={props.on_updated.clone()} />
            }
            if *answered && s.state != ReportState::NeedsInfo {
                <div class="alert alert-success" role="status" id="track-info-sent" tabindex="-1">{ t(lang, Key::InfoAnswerSent) }</div>
            }
            if let Some(at) = s.approved_documents.iter().map(|d| d.approved_at).max() {
                <div class="alert alert-success approved-documents" role="note" id="approved-documents">
                    <p><strong>{ t(lang, Key::ApprovedDocsText).replace("{date}", &util::format_datetime(&at, lang)) }</strong></p>
                    <ul>
                        { for s.approved_documents.iter().map(|d| html! {
                            <li class={format!("approved-{}", d.kind.as_str())}>
                                { label(&d.label) }{ " · " }
                                <time datetime={d.approved_at.to_rfc3339()}>{ util::format_date(&d.approved_at, lang) }</time>
                            </li>
                        }) }
                    </ul>
                </div>
            }

            if !s.downloads.is_empty() {
                <Downloads ticket_code={s.ticket_code.clone()} access_key={props.access_key.clone()} kinds={s.downloads.clone()} />
            }

            <section class="panel" aria-labelledby="track-steps-title">
                <h3 id="track-steps-title">{ t(lang, Key::StepsTitle) }</h3>
                <ol id="steps" class="sop-steps">{ for steps }</ol>
            </section>

            <section class="panel" aria-labelledby="track-timeline-title">
                <h3 id="track-timeline-title">{ t(lang, Key::TimelineTitle) }</h3>
                if s.timeline.is_empty() {
                    <p>{ t(lang, Key::TimelineEmpty) }</p>
                } else {
                    <ol id="track-timeline" class="timeline">{ for events }</ol>
                }
            </section>

            if s.state != ReportState::Rejected {
                <HofForm ticket_code={s.ticket_code.clone()} access_key={props.access_key.clone()} current={s.hall_of_fame} />
            }
        </section>
    }
}

#[function_component(Track)]
pub fn track() -> Html {
    let lang = use_lang();
    let code = use_state(String::new);
    let key = use_state(String::new);
    let code_violation = use_state(|| None::<Violation>);
    let key_violation = use_state(|| None::<Violation>);
    let busy = use_state(|| false);
    let status = use_state(|| None::<Rc<ReportStatus>>);
    let error = use_state(|| None::<ApiError>);

    let looked_up_key = use_state(String::new);
    let on_updated = {
        let status = status.clone();
        Callback::from(move |s: ReportStatus| {
            status.set(Some(Rc::new(s)));
            wasm_bindgen_futures::spawn_local(async {
                util::sleep(0).await;
                util::focus("track-info-sent");
            });
        })
    };

    let lookup = {
        let busy = busy.clone();
        let status = status.clone();
        let error = error.clone();
        let looked_up_key = looked_up_key.clone();
        Callback::from(move |(ticket_code, access_key): (String, String)| {
            let busy = busy.clone();
            let status = status.clone();
            let error = error.clone();
            let looked_up_key = looked_up_key.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let body = StatusRequest {
                    ticket_code: ticket_code.trim().to_string(),
                    access_key: access_key.trim().to_string(),
                };
                let result: Result<ReportStatus, ApiError> =
                    api::request(Method::POST, "/reports/status", Some(&body), None, lang).await;
                busy.set(false);
                match result {
                    Ok(s) => {
                        error.set(None);
                        looked_up_key.set(access_key.trim().to_string());
                        status.set(Some(Rc::new(s)));
                        util::sleep(0).await;
                        util::focus("track-result-title");
                    }
                    Err(e) => {
                        status.set(None);
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus("track-error");
                    }
                }
            });
        })
    };

    {
        let code = code.clone();
        let key = key.clone();
        let lookup = lookup.clone();
        use_effect_with((), move |_| {
            let from_address = move || {
                let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
                if let Some((c, k)) = from_fragment(&hash) {
                    clear_fragment();
                    code.set(c.clone());
                    key.set(k.clone());
                    lookup.emit((c, k));
                }
            };
            from_address();
            // A link followed while this page is open changes only the fragment: no new page.
            let listener = Closure::<dyn Fn()>::new(from_address);
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
                }
            }
        });
    }

    let on_code = {
        let code = code.clone();
        let v = code_violation.clone();
        Callback::from(move |s: String| {
            if v.is_some() {
                v.set(validation::required(&s).err());
            }
            code.set(s);
        })
    };
    let on_key = {
        let key = key.clone();
        let v = key_violation.clone();
        Callback::from(move |s: String| {
            if v.is_some() {
                v.set(validation::required(&s).err());
            }
            key.set(s);
        })
    };
    let onsubmit = {
        let code = code.clone();
        let key = key.clone();
        let code_violation = code_violation.clone();
        let key_violation = key_violation.clone();
        let busy = busy.clone();
        let lookup = lookup.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let cv = validation::required(&code).err();
            let kv = validation::required(&key).err();
            let invalid = cv.is_some() || kv.is_some();
            if cv.is_some() {
                util::focus("track-code");
            } else if kv.is_some() {
                util::focus("track-key");
            }
            code_violation.set(cv);
            key_violation.set(kv);
            if !invalid {
                lookup.emit(((*code).clone(), (*key).clone()));
            }
        })
    };

    html! {
        <div class="container page track-page">
            <h1>{ t(lang, Key::TrackTitle) }</h1>
            <p class="lead">{ t(lang, Key::TrackLead) }</p>
            <div class="track-layout">
                <form class="panel form track-form" novalidate=true {onsubmit} aria-labelledby="track-form-title">
                    <h2 id="track-form-title" class="h3">{ t(lang, Key::TrackFormTitle) }</h2>
                    if let Some(err) = &*error {
                        <div id="track-error" class="alert alert-error" role="alert" tabindex="-1">{ err.message(lang) }</div>
                    }
                    <Field
                        id="track-code"
                        label={t(lang, Key::TicketCode)}
                        value={(*code).clone()}
                        oninput={on_code}
                        error={code_violation.as_ref().map(|v| v.message(lang))}
                        hint={AttrValue::from(t(lang, Key::TicketCodeHint))}
                        autocomplete="off"
                        required=true
                    />
                    <Field
                        id="track-key"
                        label={t(lang, Key::AccessKey)}
                        value={(*key).clone()}
                        oninput={on_key}
                        error={key_violation.as_ref().map(|v| v.message(lang))}
                        hint={AttrValue::from(t(lang, Key::AccessKeyHint))}
                        autocomplete="off"
                        required=true
                    />
                    <button type="submit" id="track-submit" class="btn btn-primary btn-block" disabled={*busy}>
                        { t(lang, if *busy { Key::Loading } else { Key::TrackSubmit }) }
                    </button>
                </form>
                if let Some(s) = &*status {
                    <StatusView status={s.clone()} access_key={(*looked_up_key).clone()} on_updated={on_updated} />
                }
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statuses(state: ReportState) -> Vec<StepStatus> {
        SopStep::ALL.iter().map(|&s| step_status(state, s)).collect()
    }

    #[test]
    fn steps_follow_the_state() {
        use StepStatus::*;
        assert_eq!(
            statuses(ReportState::Submitted),
            vec![Done, Done, Done, Current, Pending, Pending, Pending, Pending, Pending]
        );
        assert_eq!(
            statuses(ReportState::Drafted),
            vec![Done, Done, Done, Done, Current, Current, Pending, Pending, Pending]
        );
        assert_eq!(
            statuses(ReportState::Rejected),
            vec![Done, Done, Done, Rejected, Skipped, Skipped, Skipped, Skipped, Skipped]
        );
        assert!(statuses(ReportState::Completed).iter().all(|s| *s == Done));
    }
}
