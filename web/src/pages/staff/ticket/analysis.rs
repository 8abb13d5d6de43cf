//! The analysis `verify` needs (*laporan hasil analisis*): category, severity, a CVSS 3.1 vector
//! built from one select per base metric with the score shown live (the shared calculator), the
//! PSE, the team meeting (date, attendees, decision, minutes), findings and recommendations.

use std::rc::Rc;

use ttis_shared::Role;
use ttis_shared::cvss;
use ttis_shared::dto::tickets::{ActionRequest, AnalysisInput, Meeting, Severity, TicketDetail, UserRef};
use ttis_shared::procedure::Action;
use ttis_shared::validation;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::super::{error_box, field_error, label_text, severity_key};
use super::Lookups;
use super::actions::{act, is_refusal};
use crate::i18n::{Key, t};
use crate::pages::report::form::{grouped, severity_key as cvss_severity_key};
use crate::state::{Session, use_lang};
use crate::util;

/// One base metric: its code, its name, and its values with their names.
pub type Metric = (&'static str, Key, &'static [(char, Key)]);

/// The eight base metrics.
pub const METRICS: [Metric; 8] = [
    (
        "AV",
        Key::CvssAv,
        &[('N', Key::CvssNetwork), ('A', Key::CvssAdjacent), ('L', Key::CvssLocal), ('P', Key::CvssPhysical)],
    ),
    ("AC", Key::CvssAc, &[('L', Key::CvssLow), ('H', Key::CvssHigh)]),
    ("PR", Key::CvssPr, &[('N', Key::CvssNone), ('L', Key::CvssLow), ('H', Key::CvssHigh)]),
    ("UI", Key::CvssUi, &[('N', Key::CvssNone), ('R', Key::CvssRequired)]),
    ("S", Key::CvssS, &[('U', Key::CvssUnchanged), ('C', Key::CvssChanged)]),
    ("C", Key::CvssC, &[('H', Key::CvssHigh), ('L', Key::CvssLow), ('N', Key::CvssNone)]),
    ("I", Key::CvssI, &[('H', Key::CvssHigh), ('L', Key::CvssLow), ('N', Key::CvssNone)]),
    ("A", Key::CvssA, &[('H', Key::CvssHigh), ('L', Key::CvssLow), ('N', Key::CvssNone)]),
];

/// The metric values of a vector (`None` where absent), in [`METRICS`] order.
pub fn metrics_of(vector: &str) -> [Option<char>; 8] {
    let mut out = [None; 8];
    let rest = vector.trim().strip_prefix("CVSS:3.1/").or_else(|| vector.trim().strip_prefix("CVSS:3.0/"));
    for part in rest.unwrap_or_default().split('/') {
        if let Some((m, v)) = part.split_once(':')
            && let Some(i) = METRICS.iter().position(|(code, _, _)| *code == m)
        {
            let mut chars = v.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && METRICS[i].2.iter().any(|(allowed, _)| *allowed == c)
            {
                out[i] = Some(c);
            }
        }
    }
    out
}

/// The vector when every metric is chosen; `None` when none is; `Err` when only some are.
pub fn vector_of(metrics: &[Option<char>; 8]) -> Result<Option<String>, ()> {
    if metrics.iter().all(Option::is_none) {
        return Ok(None);
    }
    if metrics.iter().any(Option::is_none) {
        return Err(());
    }
    let parts: Vec<String> =
        METRICS.iter().zip(metrics.iter()).map(|((code, _, _), v)| format!("{code}:{}", v.unwrap_or('N'))).collect();
    Ok(Some(format!("CVSS:3.1/{}", parts.join("/"))))
}

#[derive(Properties, PartialEq)]
pub struct AnalysisProps {
    pub detail: Rc<TicketDetail>,
    pub session: Rc<Session>,
    pub lookups: Lookups,
    pub on_done: Callback<(TicketDetail, String)>,
    pub on_cancel: Callback<()>,
    pub on_stale: Callback<()>,
}

#[derive(Clone, PartialEq)]
struct Draft {
    category: String,
    severity: String,
    metrics: [Option<char>; 8],
    pse: String,
    /// The team's answer to "personal data involved?" (the reporter's by default).
    personal_data: bool,
    date: String,
    attendees: Vec<i64>,
    decision: String,
    minutes: String,
    findings: String,
    recommendations: String,
}

/// The people who can be picked as attendees: the team directory, or (without it) the signed-in
/// person and the assignee.
fn people(props: &AnalysisProps) -> Vec<UserRef> {
    if let Some(staff) = &props.lookups.staff
        && !staff.is_empty()
    {
        return (**staff).clone();
    }
    let me = UserRef { id: props.session.user.id, name: props.session.user.name.clone() };
    let mut list = vec![me];
    if let Some(a) = &props.detail.assignee
        && a.id != props.session.user.id
    {
        list.push(a.clone());
    }
    list
}

#[function_component(AnalysisForm)]
pub fn analysis_form(props: &AnalysisProps) -> Html {
    let lang = use_lang();
    let d = &props.detail;
    let draft = {
        let d = d.clone();
        let me = props.session.user.id;
        let analyst = props.session.has_role(Role::Analyst);
        use_state(move || {
            let mut attendees = Vec::new();
            if analyst {
                attendees.push(me);
            }
            if let Some(a) = &d.assignee
                && !attendees.contains(&a.id)
            {
                attendees.push(a.id);
            }
            Draft {
                category: d.category.clone(),
                severity: d.severity.map(|s| s.as_str().to_string()).unwrap_or_default(),
                metrics: d.cvss_vector.as_deref().map(metrics_of).unwrap_or([None; 8]),
                pse: d.pse.as_ref().map(|p| p.id.to_string()).unwrap_or_default(),
                personal_data: d.personal_data_involved,
                date: d.today.to_string(),
                attendees,
                decision: String::new(),
                minutes: String::new(),
                findings: String::new(),
                recommendations: String::new(),
            }
        })
    };
    let local = use_state(Vec::<(&'static str, String)>::new);
    let error = use_state(|| None::<crate::api::ApiError>);
    let busy = use_state(|| false);

    let set = |f: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            f(&mut next, super::super::event_value(&e));
            draft.set(next);
        })
    };
    let set_input = |f: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*draft).clone();
            f(&mut next, super::super::event_value(&e));
            draft.set(next);
        })
    };

    let vector = vector_of(&draft.metrics);
    let score = match &vector {
        Ok(Some(v)) => cvss::parse(v).ok().map(|s| {
            format!("{} {:.1} ({})", t(lang, Key::CvssScore), s.base_score, t(lang, cvss_severity_key(s.severity)))
        }),
        _ => None,
    };

    let onsubmit = {
        let (draft, local, error, busy) = (draft.clone(), local.clone(), error.clone(), busy.clone());
        let (code, token, on_done, on_stale) =
            (d.code.clone(), props.session.token.clone(), props.on_done.clone(), props.on_stale.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let mut problems: Vec<(&'static str, String)> = Vec::new();
            let mut check = |field: &'static str, r: Result<(), validation::Violation>| {
                if let Err(v) = r {
                    problems.push((field, v.message(lang)));
                }
            };
            check("category", validation::required(&draft.category));
            check("severity", validation::required(&draft.severity));
            let vector = vector_of(&draft.metrics);
            if vector.is_err() {
                problems.push(("cvss_vector", t(lang, Key::CvssIncomplete).to_string()));
            }
            let date = util::parse_day(&draft.date);
            if date.is_none() {
                problems.push(("meeting.date", validation::Violation::Required.message(lang)));
            }
            if draft.attendees.is_empty() {
                problems.push(("meeting.attendees", t(lang, Key::AttendeesRequired).to_string()));
            }
            let mut check = |field: &'static str, r: Result<(), validation::Violation>| {
                if let Err(v) = r {
                    problems.push((field, v.message(lang)));
                }
            };
            check("meeting.decision", validation::required(&draft.decision));
            check("meeting.minutes", validation::long_text(&draft.minutes));
            check("findings", validation::description(&draft.findings));
            check("recommendations", validation::description(&draft.recommendations));
            let severity = Severity::parse(&draft.severity);
            if let Some((field, _)) = problems.first() {
                util::focus(&control_id(field));
                local.set(problems);
                return;
            }
            let (Some(severity), Some(date), Ok(cvss_vector)) = (severity, date, vector) else {
                return;
            };
            local.set(Vec::new());
            let analysis = AnalysisInput {
                category: draft.category.clone(),
                severity,
                cvss_vector,
                pse_id: draft.pse.parse().ok(),
                personal_data_involved: Some(draft.personal_data),
                meeting: Meeting {
                    date,
                    attendees: draft.attendees.clone(),
                    decision: draft.decision.trim().to_string(),
                    minutes: draft.minutes.trim().to_string(),
                },
                findings: draft.findings.trim().to_string(),
                recommendations: draft.recommendations.trim().to_string(),
            };
            let req = ActionRequest {
                action: Action::Verify,
                message: None,
                reason: None,
                duplicate_of: None,
                analysis: Some(analysis),
                password: None,
                totp: None,
            };
            let (code, token, on_done, on_stale, error, busy) =
                (code.clone(), token.clone(), on_done.clone(), on_stale.clone(), error.clone(), busy.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = act(&code, &req, &token, lang).await;
                busy.set(false);
                match result {
                    Ok(d) => {
                        error.set(None);
                        on_done.emit((d, t(lang, Key::ActionDone).replace("{action}", Action::Verify.label(lang))));
                    }
                    Err(e) => {
                        let refused = is_refusal(&e);
                        error.set(Some(e));
                        if refused {
                            on_stale.emit(());
                        }
                        util::sleep(0).await;
                        util::focus("analysis-error");
                    }
                }
            });
        })
    };

    let err = |field: &str| -> Option<String> {
        local
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.clone())
            .or_else(|| error.as_ref().and_then(|e| field_error(e.field_errors(), field)))
    };
    let frame = |field: &'static str, label: Key, control: Html, optional: bool| -> Html {
        let id = control_id(field);
        let e = err(field);
        html! {
            <div class={classes!("field", e.is_some().then_some("field-invalid"))}>
                <label for={id.clone()}>
                    { t(lang, label) }
                    if optional { <span class="optional">{ format!(" ({})", t(lang, Key::Optional)) }</span> }
                </label>
                { control }
                if let Some(e) = e { <p class="field-error" id={format!("{id}-error")}>{ e }</p> }
            </div>
        }
    };
    let aria = |field: &str| {
        let e = err(field).is_some();
        (e.then_some("true"), e.then(|| format!("{}-error", control_id(field))))
    };

    let groups = grouped(&props.lookups.categories);
    let category_known = props.lookups.categories.iter().any(|c| c.code == draft.category);
    let (ci, cd) = aria("category");
    let category = html! {
        <select id="analysis-category" required=true aria-invalid={ci} aria-describedby={cd} onchange={set(|d, v| d.category = v)}>
            <option value="" selected={draft.category.is_empty()}>{ t(lang, Key::CategoryChoose) }</option>
            if !category_known && !draft.category.is_empty() {
                <option value={draft.category.clone()} selected=true>{ draft.category.clone() }</option>
            }
            { for groups.into_iter().map(|(class, subs)| {
                let class_label = label_text(&class.label, lang);
                html! {
                    <optgroup label={class_label.clone()}>
                        <option value={class.code.clone()} selected={draft.category == class.code}>
                            { format!("{class_label} ({})", t(lang, Key::CategoryGeneral)) }
                        </option>
                        { for subs.into_iter().map(|sub| html! {
                            <option value={sub.code.clone()} selected={draft.category == sub.code}>{ label_text(&sub.label, lang) }</option>
                        }) }
                    </optgroup>
                }
            }) }
        </select>
    };
    let (si, sd) = aria("severity");
    let severity = html! {
        <select id="analysis-severity" required=true aria-invalid={si} aria-describedby={sd} onchange={set(|d, v| d.severity = v)}>
            <option value="" selected={draft.severity.is_empty()}>{ t(lang, Key::ChooseOne) }</option>
            { for Severity::ALL.into_iter().map(|s| html! {
                <option value={s.as_str()} selected={draft.severity == s.as_str()}>{ t(lang, severity_key(s)) }</option>
            }) }
        </select>
    };
    let pse = html! {
        <select id="analysis-pse" onchange={set(|d, v| d.pse = v)}>
            <option value="" selected={draft.pse.is_empty()}>{ t(lang, Key::PseNone) }</option>
            { for props.lookups.pses.iter().map(|p| html! {
                <option value={p.id.to_string()} selected={draft.pse == p.id.to_string()}>{ p.name.clone() }</option>
            }) }
        </select>
    };

    let metric_selects = METRICS.iter().enumerate().map(|(i, (code, name, values))| {
        let id = format!("analysis-cvss-{}", code.to_lowercase());
        let onchange = {
            let draft = draft.clone();
            Callback::from(move |e: Event| {
                let mut next = (*draft).clone();
                next.metrics[i] = super::super::event_value(&e).chars().next();
                draft.set(next);
            })
        };
        let current = draft.metrics[i];
        html! {
            <div class="field cvss-metric">
                <label for={id.clone()}>{ format!("{} ({code})", t(lang, *name)) }</label>
                <select id={id} {onchange}>
                    <option value="" selected={current.is_none()}>{ "—" }</option>
                    { for values.iter().map(|(v, k)| html! {
                        <option value={v.to_string()} selected={current == Some(*v)}>{ format!("{} ({v})", t(lang, *k)) }</option>
                    }) }
                </select>
            </div>
        }
    });
    let cvss_err = err("cvss_vector");
    let vector_text = match &vector {
        Ok(Some(v)) => v.clone(),
        _ => String::new(),
    };

    let attendee_err = err("meeting.attendees");
    let attendees = people(props).into_iter().map(|u| {
        let id = format!("analysis-attendee-{}", u.id);
        let checked = draft.attendees.contains(&u.id);
        let onchange = {
            let draft = draft.clone();
            let uid = u.id;
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let mut next = (*draft).clone();
                next.attendees.retain(|a| *a != uid);
                if input.checked() {
                    next.attendees.push(uid);
                }
                draft.set(next);
            })
        };
        html! {
            <div class="checkbox">
                <input type="checkbox" id={id.clone()} value={u.id.to_string()} {checked} {onchange} />
                <label for={id}>{ u.name.clone() }</label>
            </div>
        }
    });

    let textarea = |field: &'static str, value: &str, rows: &'static str, f: fn(&mut Draft, String)| {
        let (i, dsc) = aria(field);
        html! {
            <textarea id={control_id(field)} {rows} value={value.to_string()} aria-invalid={i} aria-describedby={dsc}
                oninput={set_input(f)} />
        }
    };
    let (di, dd) = aria("meeting.date");
    let on_pdp = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*draft).clone();
            next.personal_data = input.checked();
            draft.set(next);
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };

    html! {
        <section class="panel action-panel" aria-labelledby="analysis-title">
            <h2 id="analysis-title">{ t(lang, Key::AnalysisFormTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::AnalysisFormLead) }</p>
            <form id="analysis-form" class="form analysis-form" novalidate=true {onsubmit}>
                if let Some(e) = &*error {
                    { error_box(e, lang, "analysis-error") }
                }
                if !local.is_empty() {
                    <div class="alert alert-error" role="alert" id="analysis-errors">{ t(lang, Key::FormHasErrors) }</div>
                }
                <fieldset class="form-section">
                    <legend>{ t(lang, Key::ClassificationLegend) }</legend>
                    <div class="field-row">
                        { frame("category", Key::FieldCategory, category, false) }
                        { frame("severity", Key::FieldSeverity, severity, false) }
                    </div>
                    { frame("pse_id", Key::FieldPse, pse, true) }
                    <div class="checkbox">
                        <input type="checkbox" id="analysis-pdp" checked={draft.personal_data}
                            aria-describedby="analysis-pdp-hint" onchange={on_pdp} />
                        <label for="analysis-pdp">{ t(lang, Key::AnalysisPdp) }</label>
                    </div>
                    <p class="field-hint" id="analysis-pdp-hint">{ t(lang, Key::AnalysisPdpHint).replace("{answer}",
                        t(lang, if d.personal_data_involved { Key::Yes } else { Key::No })) }</p>
                </fieldset>
                <fieldset class={classes!("form-section", cvss_err.is_some().then_some("field-invalid"))} aria-describedby="analysis-cvss-hint">
                    <legend>{ t(lang, Key::FieldCvss) }<span class="optional">{ format!(" ({})", t(lang, Key::Optional)) }</span></legend>
                    <p class="field-hint" id="analysis-cvss-hint">{ t(lang, Key::CvssMetricsHint) }</p>
                    <div class="cvss-grid">{ for metric_selects }</div>
                    <div class="cvss-result">
                        <code id="analysis-cvss-vector" class="break">{ vector_text }</code>
                        <output id="analysis-cvss-score" class="cvss-score" aria-live="polite">{ score.unwrap_or_default() }</output>
                    </div>
                    if let Some(e) = cvss_err { <p class="field-error" id="analysis-cvss-error">{ e }</p> }
                </fieldset>
                <fieldset class="form-section">
                    <legend>{ t(lang, Key::MeetingLegend) }</legend>
                    { frame("meeting.date", Key::MeetingDate, html! {
                        <input id="analysis-meeting-date" type="date" value={draft.date.clone()} aria-invalid={di} aria-describedby={dd}
                            onchange={set(|d, v| d.date = v)} />
                    }, false) }
                    <fieldset class={classes!("field", "checkbox-group", attendee_err.is_some().then_some("field-invalid"))} id="analysis-attendees"
                        aria-describedby={attendee_err.is_some().then_some("analysis-attendees-error")}>
                        <legend>{ t(lang, Key::MeetingAttendees) }</legend>
                        if props.lookups.staff.is_none() {
                            <p class="field-hint">{ t(lang, Key::AttendeesFallback) }</p>
                        }
                        <div class="attendee-list">{ for attendees }</div>
                        if let Some(e) = attendee_err { <p class="field-error" id="analysis-attendees-error">{ e }</p> }
                    </fieldset>
                    { frame("meeting.decision", Key::MeetingDecision, textarea("meeting.decision", &draft.decision, "2", |d, v| d.decision = v), false) }
                    { frame("meeting.minutes", Key::MeetingMinutes, textarea("meeting.minutes", &draft.minutes, "4", |d, v| d.minutes = v), true) }
                </fieldset>
                <fieldset class="form-section">
                    <legend>{ t(lang, Key::AnalysisResultLegend) }</legend>
                    { frame("findings", Key::Findings, textarea("findings", &draft.findings, "5", |d, v| d.findings = v), false) }
                    { frame("recommendations", Key::Recommendations, textarea("recommendations", &draft.recommendations, "5", |d, v| d.recommendations = v), false) }
                </fieldset>
                <div class="form-actions">
                    <button type="submit" id="analysis-submit" class="btn btn-primary btn-lg" disabled={*busy}>
                        { if *busy { t(lang, Key::Sending) } else { t(lang, Key::AnalysisSubmit) } }
                    </button>
                    <button type="button" id="analysis-cancel" class="btn btn-secondary" onclick={cancel}>{ t(lang, Key::Cancel) }</button>
                </div>
            </form>
        </section>
    }
}

/// The element id of a field's control.
fn control_id(field: &str) -> String {
    match field {
        "cvss_vector" => "analysis-cvss-av".to_string(),
        "meeting.attendees" => "analysis-attendees".to_string(),
        "pse_id" => "analysis-pse".to_string(),
        other => format!("analysis-{}", other.replace(['.', '_'], "-")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vector_round_trip() {
        let v = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
        let m = metrics_of(v);
        assert!(m.iter().all(Option::is_some));
        assert_eq!(vector_of(&m), Ok(Some(v.to_string())));
        assert_eq!(vector_of(&[None; 8]), Ok(None));
        let mut partial = m;
        partial[3] = None;
        assert_eq!(vector_of(&partial), Err(()));
        assert_eq!(control_id("meeting.decision"), "analysis-meeting-decision");
    }
}
