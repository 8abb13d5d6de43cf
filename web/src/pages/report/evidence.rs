//! Evidence: choosing files, listing them with their sizes, removing them, and the client-side
//! checks of size (per file and in total) and type. The server decides the type by content; the
//! check here only spares the reporter a refused upload.

use std::rc::Rc;

use ttis_shared::Lang;
use ttis_shared::dto::reports::SiteInfo;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::i18n::{Key, t};
use crate::state::use_lang;
use crate::util::{self, format_bytes};

/// What the file chooser offers (by name and by MIME type).
pub const ACCEPT: &str = ".png,.jpg,.jpeg,.gif,.webp,.pdf,.mp4,.webm,.txt,.log,image/png,image/jpeg,image/gif,image/webp,application/pdf,video/mp4,video/webm,text/plain";
const EXTENSIONS: [&str; 10] = ["png", "jpg", "jpeg", "gif", "webp", "pdf", "mp4", "webm", "txt", "log"];
const MIB: u64 = 1024 * 1024;

/// The evidence limits of this deployment (the API's defaults until `/site` answers).
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    pub max_file: u64,
    pub max_total: u64,
    pub types: Vec<String>,
}

impl Limits {
    pub fn from_site(site: Option<&SiteInfo>) -> Limits {
        match site {
            Some(s) => Limits {
                max_file: s.evidence_max_file_bytes,
                max_total: s.evidence_max_total_bytes,
                types: s.evidence_types.clone(),
            },
            None => Limits { max_file: 20 * MIB, max_total: 100 * MIB, types: Vec::new() },
        }
    }
}

pub fn size_of(file: &File) -> u64 {
    file.size().max(0.0) as u64
}

fn accepted(file: &File, limits: &Limits) -> bool {
    // The extensions are ASCII: no Unicode case tables in the bundle for them.
    let name = file.name().to_ascii_lowercase();
    let by_name = name.rsplit_once('.').is_some_and(|(_, ext)| EXTENSIONS.contains(&ext));
    let mime = file.type_();
    by_name || (!mime.is_empty() && limits.types.contains(&mime))
}

/// Why this file will be refused, if it will.
pub fn file_problem(file: &File, limits: &Limits, lang: Lang) -> Option<String> {
    if size_of(file) > limits.max_file {
        Some(t(lang, Key::EvidenceTooLarge).replace("{max}", &format_bytes(limits.max_file, lang)))
    } else if !accepted(file, limits) {
        Some(t(lang, Key::EvidenceWrongType).to_string())
    } else {
        None
    }
}

pub fn total_size(files: &[File]) -> u64 {
    files.iter().map(size_of).sum()
}

/// Why the files together will be refused, if they will.
pub fn total_problem(files: &[File], limits: &Limits, lang: Lang) -> Option<String> {
    (total_size(files) > limits.max_total)
        .then(|| t(lang, Key::EvidenceTotalTooLarge).replace("{max}", &format_bytes(limits.max_total, lang)))
}

pub fn has_problems(files: &[File], limits: &Limits) -> bool {
    files.iter().any(|f| file_problem(f, limits, Lang::En).is_some())
        || total_problem(files, limits, Lang::En).is_some()
}

#[derive(Properties, PartialEq)]
pub struct EvidenceProps {
    pub files: Rc<Vec<File>>,
    pub on_files: Callback<Rc<Vec<File>>>,
    pub limits: Limits,
}

#[function_component(Evidence)]
pub fn evidence(props: &EvidenceProps) -> Html {
    let lang = use_lang();
    let limits = &props.limits;

    let onchange = {
        let files = props.files.clone();
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*files).clone();
            if let Some(list) = input.files() {
                for i in 0..list.length() {
                    if let Some(file) = list.get(i) {
                        next.push(file);
                    }
                }
            }
            // Empty the chooser so the same file can be picked again after removing it.
            input.set_value("");
            on_files.emit(Rc::new(next));
        })
    };

    let total_error = total_problem(&props.files, limits, lang);
    let hint = t(lang, Key::EvidenceHint)
        .replace("{file}", &format_bytes(limits.max_file, lang))
        .replace("{total}", &format_bytes(limits.max_total, lang));

    let items = props.files.iter().enumerate().map(|(i, file)| {
        let problem = file_problem(file, limits, lang);
        let name = file.name();
        let onclick = {
            let files = props.files.clone();
            let on_files = props.on_files.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*files).clone();
                if i < next.len() {
                    next.remove(i);
                }
                on_files.emit(Rc::new(next));
                util::focus("report-evidence");
            })
        };
        let error_id = format!("report-file-{i}-error");
        html! {
            <li class={classes!("file-item", problem.is_some().then_some("file-invalid"))} id={format!("report-file-{i}")}>
                <span class="file-name">{ name.clone() }</span>
                <span class="file-size">{ format_bytes(size_of(file), lang) }</span>
                <button
                    type="button"
                    class="btn btn-danger btn-small"
                    id={format!("report-file-remove-{i}")}
                    aria-label={format!("{} {}", t(lang, Key::EvidenceRemove), name)}
                    aria-describedby={problem.is_some().then(|| error_id.clone())}
                    {onclick}
                >
                    { t(lang, Key::EvidenceRemove) }
                </button>
                if let Some(problem) = problem {
                    <p class="field-error" id={error_id}>{ problem }</p>
                }
            </li>
        }
    });

    html! {
        <fieldset class="form-section" id="section-evidence">
            <legend>{ t(lang, Key::SectionEvidence) }</legend>
            <div class={classes!("field", total_error.is_some().then_some("field-invalid"))}>
                <label for="report-evidence">
                    { t(lang, Key::EvidenceChoose) }
                    <span class="optional">{ format!(" ({})", t(lang, Key::Optional)) }</span>
                </label>
                <p class="field-hint" id="report-evidence-hint">{ hint }</p>
                <input
                    type="file"
                    id="report-evidence"
                    name="evidence"
                    multiple=true
                    accept={ACCEPT}
                    aria-describedby={if total_error.is_some() { "report-evidence-hint report-evidence-note report-evidence-error" } else { "report-evidence-hint report-evidence-note" }}
                    aria-invalid={total_error.is_some().then_some("true")}
                    {onchange}
                />
                <p class="field-hint" id="report-evidence-note">{ t(lang, Key::EvidenceMetadataNote) }</p>
                if !props.files.is_empty() {
                    <ul class="file-list" id="report-files" aria-label={t(lang, Key::EvidenceChosen)}>
                        { for items }
                    </ul>
                    <p class="file-total" id="report-files-total">
                        { t(lang, Key::EvidenceTotal)
                            .replace("{n}", &props.files.len().to_string())
                            .replace("{size}", &format_bytes(total_size(&props.files), lang)) }
                    </p>
                }
                if let Some(err) = total_error {
                    <p class="field-error" id="report-evidence-error">{ err }</p>
                }
            </div>
        </fieldset>
    }
}
