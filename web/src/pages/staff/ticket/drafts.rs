//! The letter's and certificate's variable parts (SOP step 5), which analysts edit while the ticket
//! is `drafted`: `PUT /tickets/{code}/drafts` renders both again as new versions.

use gloo_net::http::Method;
use ttis_shared::dto::documents::{CertificateDraft, Drafts, DraftsView, LetterDraft, LetterNature};
use ttis_shared::dto::problem::FieldError;
use ttis_shared::dto::tickets::TicketDetail;
use ttis_shared::validation::{self, Violation};
use yew::prelude::*;

use super::super::{error_box, field_error, set_text};
use super::actions::is_refusal;
use super::ticket_path;
use crate::api::{self, ApiError};
use crate::i18n::{Key, t, tn};
use crate::state::use_lang;
use crate::util;

pub const NATURES: [(LetterNature, &str, Key); 3] = [
    (LetterNature::Biasa, "biasa", Key::NatureBiasa),
    (LetterNature::Segera, "segera", Key::NatureSegera),
    (LetterNature::Rahasia, "rahasia", Key::NatureRahasia),
];

/// Working days a PSE may be given to answer.
const RESPONSE_DAYS: std::ops::RangeInclusive<u32> = 1..=90;
/// Lines of *tembusan*.
const COPIES_MAX: usize = 10;

#[derive(Properties, PartialEq)]
pub struct DraftsProps {
    pub code: String,
    pub drafts: DraftsView,
    pub token: String,
    pub on_done: Callback<(TicketDetail, String)>,
    pub on_stale: Callback<()>,
}

#[function_component(DraftsForm)]
pub fn drafts_form(props: &DraftsProps) -> Html {
    let lang = use_lang();
    let l = &props.drafts.drafts.letter;
    let c = &props.drafts.drafts.certificate;
    let recipient = use_state(|| l.recipient.clone());
    let place = use_state(|| l.recipient_place.clone());
    let nature =
        use_state(|| NATURES.iter().find(|(n, _, _)| *n == l.nature).map_or("biasa", |(_, code, _)| *code).to_string());
    let summary = use_state(|| l.summary.clone());
    let findings = use_state(|| l.findings.clone());
    let recommendations = use_state(|| l.recommendations.clone());
    let days = use_state(|| l.response_days.to_string());
    let copies = use_state(|| l.copies.join("\n"));
    let name = use_state(|| c.recipient_name.clone());
    let citation = use_state(|| c.citation.clone());
    let local = use_state(Vec::<FieldError>::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);

    let onsubmit = {
        let states = (
            recipient.clone(),
            place.clone(),
            nature.clone(),
            summary.clone(),
            findings.clone(),
            recommendations.clone(),
            days.clone(),
            copies.clone(),
            name.clone(),
            citation.clone(),
        );
        let (local, error, busy) = (local.clone(), error.clone(), busy.clone());
        let (code, token, on_done, on_stale) =
            (props.code.clone(), props.token.clone(), props.on_done.clone(), props.on_stale.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let (recipient, place, nature, summary, findings, recommendations, days, copies, name, citation) = &states;
            let mut problems: Vec<FieldError> = Vec::new();
            let mut check = |field: &str, result: Result<(), Violation>| {
                if let Err(v) = result
                    && !problems.iter().any(|p| p.field == field)
                {
                    problems.push(FieldError { field: field.into(), code: v.code().into(), message: v.message(lang) });
                }
            };
            check("letter.recipient", validation::line(recipient));
            check("letter.recipient_place", validation::line(place));
            for (field, value) in [
                ("letter.summary", &**summary),
                ("letter.findings", &**findings),
                ("letter.recommendations", &**recommendations),
            ] {
                check(field, validation::required(value).and_then(|()| validation::long_text(value)));
            }
            check("certificate.recipient_name", validation::line(name));
            check(
                "certificate.citation",
                validation::required(citation).and_then(|()| validation::long_text(citation)),
            );
            let response_days = days.trim().parse::<u32>().ok().filter(|n| RESPONSE_DAYS.contains(n));
            let copy_lines: Vec<String> =
                copies.lines().map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
            if response_days.is_none() {
                problems.push(FieldError {
                    field: "letter.response_days".into(),
                    code: "range".into(),
                    message: t(lang, Key::DraftResponseDaysInvalid).to_string(),
                });
            }
            if copy_lines.len() > COPIES_MAX {
                problems.push(FieldError {
                    field: "letter.copies".into(),
                    code: "too_many".into(),
                    message: t(lang, Key::DraftCopiesTooMany).to_string(),
                });
            }
            if let Some(first) = problems.first() {
                util::focus(&input_id(&first.field));
                local.set(problems);
                return;
            }
            local.set(Vec::new());
            let body = Drafts {
                letter: LetterDraft {
                    recipient: recipient.trim().to_string(),
                    recipient_place: place.trim().to_string(),
                    nature: NATURES
                        .iter()
                        .find(|(_, code, _)| **nature == **code)
                        .map_or(LetterNature::Biasa, |(n, _, _)| *n),
                    summary: summary.trim().to_string(),
                    findings: findings.trim().to_string(),
                    recommendations: recommendations.trim().to_string(),
                    response_days: response_days.unwrap_or(1),
                    copies: copy_lines,
                },
                certificate: CertificateDraft {
                    recipient_name: name.trim().to_string(),
                    citation: citation.trim().to_string(),
                },
            };
            let path = format!("{}/drafts", ticket_path(&code));
            let (token, on_done, on_stale, local, error, busy) =
                (token.clone(), on_done.clone(), on_stale.clone(), local.clone(), error.clone(), busy.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::request::<_, TicketDetail>(Method::PUT, &path, Some(&body), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(d) => {
                        error.set(None);
                        on_done.emit((d, t(lang, Key::DraftsSaved).to_string()));
                    }
                    Err(e) => {
                        let refused = is_refusal(&e);
                        let first = e.field_errors().first().map(|f| input_id(&f.field));
                        local.set(Vec::new());
                        error.set(Some(e));
                        if refused {
                            on_stale.emit(());
                        }
                        util::sleep(0).await;
                        util::focus(first.as_deref().unwrap_or("drafts-error"));
                    }
                }
            });
        })
    };

    let err = |field: &str| -> Option<String> {
        local
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
            .or_else(|| error.as_ref().and_then(|e| field_error(e.field_errors(), field)))
    };
    let text = |field: &'static str, label: Key, state: &UseStateHandle<String>, hint: Option<Key>| {
        let id = input_id(field);
        let e = err(field);
        let described = described_by(&id, hint.is_some(), e.is_some());
        html! {
            <div class={classes!("field", e.is_some().then_some("field-invalid"))}>
                <label for={id.clone()}>{ t(lang, label) }</label>
                if let Some(h) = hint { <p class="field-hint" id={format!("{id}-hint")}>{ tn(lang, h) }</p> }
                <input id={id.clone()} type="text" value={(**state).clone()} oninput={set_text::<InputEvent>(state)}
                    aria-invalid={e.is_some().then_some("true")} aria-describedby={described} />
                if let Some(e) = e { <p class="field-error" id={format!("{id}-error")}>{ e }</p> }
            </div>
        }
    };
    let area =
        |field: &'static str, label: Key, state: &UseStateHandle<String>, rows: &'static str, hint: Option<Key>| {
            let id = input_id(field);
            let e = err(field);
            let described = described_by(&id, hint.is_some(), e.is_some());
            html! {
                <div class={classes!("field", e.is_some().then_some("field-invalid"))}>
                    <label for={id.clone()}>{ t(lang, label) }</label>
                    if let Some(h) = hint { <p class="field-hint" id={format!("{id}-hint")}>{ tn(lang, h) }</p> }
                    <textarea id={id.clone()} {rows} value={(**state).clone()} oninput={set_text::<InputEvent>(state)}
                        aria-invalid={e.is_some().then_some("true")} aria-describedby={described} />
                    if let Some(e) = e { <p class="field-error" id={format!("{id}-error")}>{ e }</p> }
                </div>
            }
        };
    let nature_err = err("letter.nature");
    let days_err = err("letter.response_days");
    let general = error.as_ref().filter(|e| e.field_errors().is_empty());
    let revision = t(lang, Key::DraftRevision)
        .replace("{n}", &props.drafts.revision.to_string())
        .replace("{at}", &util::format_datetime(&props.drafts.updated_at, lang));

    html! {
        <section class="panel drafts-panel" aria-labelledby="drafts-title" id="drafts">
            <h2 id="drafts-title">{ t(lang, Key::DraftsTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::DraftsLead) }</p>
            <p class="muted" id="drafts-revision">{ revision }</p>
            <form id="drafts-form" class="form" novalidate=true {onsubmit}>
                if let Some(e) = general {
                    { error_box(e, lang, "drafts-error") }
                } else if error.is_some() || !local.is_empty() {
                    <div class="alert alert-error" role="alert" id="drafts-error" tabindex="-1">{ t(lang, Key::FixMarkedFields) }</div>
                }
                <fieldset class="form-section">
                    <legend>{ t(lang, Key::DraftLetterLegend) }</legend>
                    <div class="field-row">
                        { text("letter.recipient", Key::DraftRecipient, &recipient, Some(Key::DraftRecipientHint)) }
                        { text("letter.recipient_place", Key::DraftRecipientPlace, &place, None) }
                    </div>
                    <div class="field-row">
                        <div class={classes!("field", nature_err.is_some().then_some("field-invalid"))}>
                            <label for="draft-nature">{ t(lang, Key::DraftNature) }</label>
                            <select id="draft-nature" onchange={set_text::<Event>(&nature)}
                                aria-invalid={nature_err.is_some().then_some("true")}
                                aria-describedby={nature_err.is_some().then_some("draft-nature-error")}>
                                { for NATURES.iter().map(|(_, code, k)| html! {
                                    <option value={*code} selected={*nature == *code}>{ t(lang, *k) }</option>
                                }) }
                            </select>
                            if let Some(e) = nature_err { <p class="field-error" id="draft-nature-error">{ e }</p> }
                        </div>
                        <div class={classes!("field", days_err.is_some().then_some("field-invalid"))}>
                            <label for="draft-response-days">{ t(lang, Key::DraftResponseDays) }</label>
                            <input id="draft-response-days" type="number" min="1" max="90" step="1" inputmode="numeric"
                                value={(*days).clone()} oninput={set_text::<InputEvent>(&days)}
                                aria-invalid={days_err.is_some().then_some("true")}
                                aria-describedby={days_err.is_some().then_some("draft-response-days-error")} />
                            if let Some(e) = days_err { <p class="field-error" id="draft-response-days-error">{ e }</p> }
                        </div>
                    </div>
                    { area("letter.summary", Key::DraftSummary, &summary, "4", Some(Key::DraftSummaryHint)) }
                    { area("letter.findings", Key::Findings, &findings, "5", None) }
                    { area("letter.recommendations", Key::Recommendations, &recommendations, "5", None) }
                    { area("letter.copies", Key::DraftCopies, &copies, "3", Some(Key::DraftCopiesHint)) }
                </fieldset>
                <fieldset class="form-section">
                    <legend>{ t(lang, Key::DraftCertificateLegend) }</legend>
                    { text("certificate.recipient_name", Key::DraftCertificateName, &name, Some(Key::DraftCertificateNameHint)) }
                    { area("certificate.citation", Key::DraftCitation, &citation, "3", Some(Key::DraftCitationHint)) }
                </fieldset>
                <div class="form-actions">
                    <button type="submit" id="drafts-save" class="btn btn-primary" disabled={*busy}>
                        { t(lang, if *busy { Key::Sending } else { Key::DraftsSave }) }
                    </button>
                    <span class="field-hint">{ t(lang, Key::DraftsSaveHint) }</span>
                </div>
            </form>
        </section>
    }
}

/// The input of a field path: `letter.summary` → `draft-summary`,
/// `certificate.recipient_name` → `draft-certificate-name`.
pub fn input_id(field: &str) -> String {
    let name = match field {
        "certificate.recipient_name" => "certificate-name",
        other => other.rsplit('.').next().unwrap_or(other),
    };
    format!("draft-{}", name.replace('_', "-"))
}

fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_name_their_inputs() {
        assert_eq!(input_id("letter.summary"), "draft-summary");
        assert_eq!(input_id("letter.recipient_place"), "draft-recipient-place");
        assert_eq!(input_id("letter.response_days"), "draft-response-days");
        assert_eq!(input_id("certificate.recipient_name"), "draft-certificate-name");
        assert_eq!(input_id("certificate.citation"), "draft-citation");
    }
}
