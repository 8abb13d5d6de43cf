//! The review step: everything the reporter entered, read-only, with "Ubah" (back to the form)
//! and "Kirim laporan" (send); while sending, the proof-of-work notice and the upload progress.

use std::rc::Rc;

use ttis_shared::dto::reports::{Category, CertificateName, HallOfFameChoice};
use web_sys::File;
use yew::prelude::*;

use super::Sending;
use super::evidence::size_of;
use super::form::{CERTIFICATE_NAMES, HALL_OF_FAME, KINDS, REPORTER_TYPES, TLPS, cvss_text, label_of};
use super::model::Draft;
use crate::api::upload::Progress;
use crate::i18n::{Key, t};
use crate::state::use_lang;
use crate::util::{self, format_bytes};

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub draft: Draft,
    pub files: Rc<Vec<File>>,
    pub categories: Option<Rc<Vec<Category>>>,
    pub sending: Sending,
    /// Bytes of the `report` part, sent before the files.
    pub report_bytes: u64,
    pub on_edit: Callback<()>,
    pub on_send: Callback<()>,
}

/// How far each file is, from the progress of the whole body: the files go in order after the
/// `report` part, so a file's bar fills as the bytes sent pass its offset.
pub fn per_file(progress: Progress, report_bytes: u64, sizes: &[u64]) -> Vec<f64> {
    let payload = report_bytes + sizes.iter().sum::<u64>();
    let sent = progress.fraction() * payload as f64;
    let mut offset = report_bytes as f64;
    sizes
        .iter()
        .map(|&size| {
            let start = offset;
            offset += size as f64;
            if size == 0 {
                if sent >= start { 1.0 } else { 0.0 }
            } else {
                ((sent - start) / size as f64).clamp(0.0, 1.0)
            }
        })
        .collect()
}

fn percent(fraction: f64) -> u32 {
    (fraction * 100.0).round() as u32
}

#[function_component(Review)]
pub fn review(props: &ReviewProps) -> Html {
    let lang = use_lang();
    let d = &props.draft;
    let dash = || t(lang, Key::NotProvided).to_string();
    let opt = |s: &str| {
        let s = s.trim();
        if s.is_empty() { dash() } else { s.to_string() }
    };
    let yes_no = |b: bool| t(lang, if b { Key::Yes } else { Key::No }).to_string();
    let row = |label: Key, value: String| {
        html! {
            <>
                <dt>{ t(lang, label) }</dt>
                <dd>{ value }</dd>
            </>
        }
    };
    let long_row = |label: Key, value: String| {
        html! {
            <>
                <dt>{ t(lang, label) }</dt>
                <dd class="prewrap">{ value }</dd>
            </>
        }
    };

    let reporter_type = REPORTER_TYPES
        .iter()
        .find(|(rt, _, _)| *rt == d.reporter_type)
        .map(|(_, _, k)| t(lang, *k).to_string())
        .unwrap_or_default();
    let mut hall_of_fame = HALL_OF_FAME
        .iter()
        .find(|(c, _, _)| *c == d.hall_of_fame)
        .map(|(_, _, k)| t(lang, *k).to_string())
        .unwrap_or_default();
    if d.hall_of_fame == HallOfFameChoice::Alias {
        hall_of_fame = format!("{hall_of_fame}: {}", d.alias.trim());
    }
    let certificate_name = match d.certificate_name {
        CertificateName::RealName => d.name.trim().to_string(),
        CertificateName::Alias => d.alias.trim().to_string(),
    };
    let certificate_name = CERTIFICATE_NAMES
        .iter()
        .find(|(c, _, _)| *c == d.certificate_name)
        .map(|(_, _, k)| format!("{}: {certificate_name}", t(lang, *k)))
        .unwrap_or(certificate_name);
    let kind =
        KINDS.iter().find(|(k, _, _)| *k == d.kind).map(|(_, _, key)| t(lang, *key).to_string()).unwrap_or_default();
    let category = props
        .categories
        .as_deref()
        .and_then(|cs| cs.iter().find(|c| c.code == d.category))
        .map(|c| {
            let own = label_of(&c.label, lang).to_string();
            let parent = c
                .parent
                .as_deref()
                .and_then(|p| props.categories.as_deref().and_then(|cs| cs.iter().find(|x| x.code == p)));
            match parent {
                Some(p) => format!("{} › {own}", label_of(&p.label, lang)),
                None => own,
            }
        })
        .unwrap_or_else(|| d.category.clone());
    let tlp = TLPS.iter().find(|(x, _)| *x == d.tlp).map(|(_, k)| t(lang, *k).to_string()).unwrap_or_default();
    let discovered = util::parse_local(&d.discovered_at)
        .map(|at| util::format_datetime(&at, lang))
        .unwrap_or_else(|| d.discovered_at.clone());
    let cvss = if d.cvss_vector.trim().is_empty() {
        dash()
    } else {
        match cvss_text(&d.cvss_vector, lang) {
            Some(score) => format!("{} · {score}", d.cvss_vector.trim()),
            None => d.cvss_vector.trim().to_string(),
        }
    };

    let busy = matches!(props.sending, Sending::Verifying | Sending::Uploading(_));
    let on_edit = {
        let cb = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_send = {
        let cb = props.on_send.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };

    let sizes: Vec<u64> = props.files.iter().map(size_of).collect();
    let progress = match &props.sending {
        Sending::Uploading(p) => Some(*p),
        _ => None,
    };
    let files = props.files.iter().enumerate().map(|(i, f)| {
        html! {
            <li>
                <span class="file-name">{ f.name() }</span>
                <span class="file-size">{ format_bytes(sizes[i], lang) }</span>
            </li>
        }
    });

    html! {
        <div class="review" id="report-review-step">
            <h2 id="review-title" tabindex="-1">{ t(lang, Key::ReviewTitle) }</h2>
            <p class="lead">{ t(lang, Key::ReviewLead) }</p>

            <section class="panel" aria-labelledby="review-reporter">
                <h3 id="review-reporter">{ t(lang, Key::SectionReporter) }</h3>
                <dl class="facts">
                    { row(Key::FieldName, d.name.trim().to_string()) }
                    { row(Key::FieldEmail, d.email.trim().to_string()) }
                    { row(Key::FieldPhone, opt(&d.phone)) }
                    { row(Key::FieldOrganization, opt(&d.organization)) }
                    { row(Key::FieldReporterType, reporter_type) }
                    { row(Key::FieldHallOfFame, hall_of_fame) }
                    { row(Key::FieldCertificateName, certificate_name) }
                </dl>
            </section>

            <section class="panel" aria-labelledby="review-incident">
                <h3 id="review-incident">{ t(lang, Key::SectionIncident) }</h3>
                <dl class="facts">
                    { row(Key::FieldKind, kind) }
                    { row(Key::FieldTitle, d.title.trim().to_string()) }
                    { row(Key::FieldCategory, category) }
                    { row(Key::FieldAsset, d.affected_asset.trim().to_string()) }
                    { row(Key::FieldDiscoveredAt, discovered) }
                    { long_row(Key::FieldDescription, d.description.trim().to_string()) }
                    { long_row(Key::FieldSteps, opt(&d.steps_to_reproduce)) }
                    { long_row(Key::FieldImpact, opt(&d.impact)) }
                    { row(Key::FieldOngoing, yes_no(d.ongoing)) }
                    { row(Key::FieldPersonalData, yes_no(d.personal_data_involved)) }
                    { row(Key::FieldTlp, tlp) }
                    { row(Key::FieldCvss, cvss) }
                </dl>
            </section>

            <section class="panel" aria-labelledby="review-evidence">
                <h3 id="review-evidence">{ t(lang, Key::SectionEvidence) }</h3>
                if props.files.is_empty() {
                    <p id="review-no-files">{ t(lang, Key::EvidenceNone) }</p>
                } else {
                    <ul class="file-list file-list-plain" id="review-files">{ for files }</ul>
                }
            </section>

            <section class="panel" aria-labelledby="review-declarations">
                <h3 id="review-declarations">{ t(lang, Key::SectionDeclarations) }</h3>
                <ul class="checklist checklist-done">
                    <li>{ t(lang, Key::DeclGoodFaith) }</li>
                    <li>{ t(lang, Key::DeclConsent) }</li>
                    if d.email_access_key {
                        <li>{ t(lang, Key::DeclEmailKey) }</li>
                    }
                </ul>
            </section>

            <section class="panel send-panel" aria-labelledby="review-send">
                <h3 id="review-send" class="visually-hidden">{ t(lang, Key::SendButton) }</h3>
                if let Sending::Failed(err) = &props.sending {
                    <div id="report-send-error" class="alert alert-error" role="alert">{ err.message(lang) }</div>
                }
                <div aria-live="polite" id="report-sending-status" class="sending-status">
                    if matches!(props.sending, Sending::Verifying) {
                        <p><span class="spinner" aria-hidden="true"></span>{ t(lang, Key::Verifying) }</p>
                    }
                    if let Some(p) = progress {
                        <p>
                            if p.fraction() >= 1.0 { <span class="spinner" aria-hidden="true"></span> }
                            { t(lang, if p.fraction() >= 1.0 { Key::Processing } else { Key::Uploading }) }
                        </p>
                    }
                </div>
                if let Some(p) = progress {
                    <div class="progress-list" id="upload-progress">
                        <div class="progress-row progress-total">
                            <label for="upload-progress-total">{ t(lang, Key::UploadTotal) }</label>
                            <progress id="upload-progress-total" max="100" value={percent(p.fraction()).to_string()}>
                                { format!("{}%", percent(p.fraction())) }
                            </progress>
                            <span class="progress-pct" aria-hidden="true">{ format!("{}%", percent(p.fraction())) }</span>
                        </div>
                        { for per_file(p, props.report_bytes, &sizes).into_iter().enumerate().map(|(i, f)| {
                            let id = format!("upload-progress-{i}");
                            html! {
                                <div class="progress-row">
                                    <label for={id.clone()}>{ props.files.get(i).map(|f| f.name()).unwrap_or_default() }</label>
                                    <progress id={id} max="100" value={percent(f).to_string()}>{ format!("{}%", percent(f)) }</progress>
                                    <span class="progress-pct" aria-hidden="true">{ format!("{}%", percent(f)) }</span>
                                </div>
                            }
                        }) }
                    </div>
                }
                <div class="form-actions">
                    <button type="button" id="report-edit" class="btn btn-secondary" disabled={busy} onclick={on_edit}>
                        { t(lang, Key::EditButton) }
                    </button>
                    <button type="button" id="report-send" class="btn btn-cta btn-lg" disabled={busy} onclick={on_send}>
                        { t(lang, if busy { Key::Sending } else { Key::SendButton }) }
                    </button>
                </div>
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_bars_fill_in_order_as_the_body_goes_out() {
        let sizes = [100, 300, 0];
        let at = |loaded: f64| per_file(Progress { loaded, total: 500.0 }, 100, &sizes);
        assert_eq!(at(0.0), vec![0.0, 0.0, 0.0]);
        assert_eq!(at(150.0), vec![0.5, 0.0, 0.0]);
        assert_eq!(at(350.0), vec![1.0, 0.5, 0.0]);
        assert_eq!(at(500.0), vec![1.0, 1.0, 1.0]);
    }
}
