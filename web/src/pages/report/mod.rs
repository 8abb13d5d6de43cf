//! Lapor Insiden Siber: the public report form (SOP steps 2-3). Form -> review -> sending (proof
//! of work, then the upload with progress) -> receipt.

mod evidence;
pub(crate) mod form;
pub(crate) mod model;
pub(crate) mod receipt;
mod review;

use std::collections::BTreeMap;
use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::Lang;
use ttis_shared::dto::reports::{Category, CategoryList, NewReport, PowChallenge, PowSolution, ReportReceipt};
use ttis_shared::pow;
use web_sys::File;
use yew::prelude::*;

use crate::api::upload::{self, Progress};
use crate::api::{self, ApiError};
use crate::hooks::{Fetch, use_fetch, use_site};
use crate::i18n::{Key, t};
use crate::state::use_lang;
use crate::util;
use model::{Draft, FormAction, FormState};

/// Where the submission stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Sending {
    Idle,
    /// Solving the proof-of-work challenge ("Memverifikasi…").
    Verifying,
    Uploading(Progress),
    Failed(ApiError),
}

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Form,
    Review,
    Done(Rc<ReportReceipt>, String),
}

/// Fetches a fresh challenge and solves it; `None` when this deployment has the challenge off.
async fn prove(site_difficulty: Option<u8>, lang: Lang) -> Result<Option<PowSolution>, ApiError> {
    if site_difficulty == Some(0) {
        return Ok(None);
    }
    let challenge: PowChallenge = api::request_empty(Method::GET, "/reports/challenge", None, lang).await?;
    if challenge.difficulty == 0 {
        return Ok(Some(PowSolution { challenge: challenge.challenge, nonce: "0".into() }));
    }
    // Let "Memverifikasi…" paint before the page is busy hashing.
    util::sleep(30).await;
    let bits = u32::from(challenge.difficulty.min(48));
    let max_tries = 1u64 << (bits + 6);
    match pow::solve(&challenge.challenge, challenge.difficulty, max_tries) {
        Some(nonce) => Ok(Some(PowSolution { challenge: challenge.challenge, nonce })),
        None => Err(ApiError::Unexpected { status: 0 }),
    }
}

/// Proves and sends; on `pow_failed` (expired or wrong challenge) fetches a new one and tries once more.
async fn submit(
    mut report: NewReport,
    files: Rc<Vec<File>>,
    site_difficulty: Option<u8>,
    lang: Lang,
    sending: UseStateHandle<Sending>,
) -> Result<ReportReceipt, ApiError> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        sending.set(Sending::Verifying);
        report.pow = prove(site_difficulty, lang).await?;
        sending.set(Sending::Uploading(Progress::default()));
        let progress = sending.clone();
        let result = upload::send_report(&report, &files, lang, move |p| progress.set(Sending::Uploading(p))).await;
        match result {
            Err(e) if e.code() == Some("pow_failed") && attempt < 2 => continue,
            other => return other,
        }
    }
}

#[function_component(Report)]
pub fn report() -> Html {
    let lang = use_lang();
    let site = use_site();
    let taxonomy =
        use_fetch(
            (),
            move |()| async move { api::get::<CategoryList>("/categories", None, lang).await.map(|l| l.items) },
        );
    let categories: Option<Rc<Vec<Category>>> = taxonomy.data().cloned();
    let form = use_reducer(|| FormState { draft: Draft::new(), errors: BTreeMap::new() });
    let files = use_state(|| Rc::new(Vec::<File>::new()));
    let phase = use_state(|| Phase::Form);
    let summary = use_state(|| None::<Vec<String>>);
    let sending = use_state(|| Sending::Idle);

    let limits = evidence::Limits::from_site(site.as_deref());

    let on_files = {
        let files = files.clone();
        Callback::from(move |next: Rc<Vec<File>>| files.set(next))
    };

    let on_review = {
        let form = form.clone();
        let files = files.clone();
        let phase = phase.clone();
        let summary = summary.clone();
        let sending = sending.clone();
        let limits = limits.clone();
        Callback::from(move |()| {
            let errors = form.draft.check_all();
            let evidence_bad = evidence::has_problems(&files, &limits);
            form.dispatch(FormAction::CheckAll);
            // The first broken field in the order of the form.
            let first = model::FIELDS.iter().find(|(path, _)| errors.contains_key(path));
            if let Some((_, id)) = first {
                summary.set(Some(Vec::new()));
                util::focus(id);
            } else if evidence_bad {
                summary.set(Some(Vec::new()));
                util::focus("report-evidence");
            } else {
                summary.set(None);
                sending.set(Sending::Idle);
                phase.set(Phase::Review);
                util::scroll_top();
            }
        })
    };

    let on_edit = {
        let phase = phase.clone();
        let sending = sending.clone();
        Callback::from(move |()| {
            sending.set(Sending::Idle);
            phase.set(Phase::Form);
            util::scroll_top();
        })
    };

    let report_bytes =
        form.draft.to_report().and_then(|r| serde_json::to_string(&r).ok()).map_or(0, |s| s.len() as u64);

    let on_send = {
        let form = form.clone();
        let files = files.clone();
        let phase = phase.clone();
        let summary = summary.clone();
        let sending = sending.clone();
        let site_difficulty = site.as_ref().map(|s| s.pow_difficulty);
        Callback::from(move |()| {
            if matches!(*sending, Sending::Verifying | Sending::Uploading(_)) {
                return;
            }
            let Some(report) = form.draft.to_report() else {
                form.dispatch(FormAction::CheckAll);
                phase.set(Phase::Form);
                return;
            };
            let title = report.title.clone();
            let form = form.clone();
            let files = (*files).clone();
            let phase = phase.clone();
            let summary = summary.clone();
            let sending = sending.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = submit(report, files, site_difficulty, lang, sending.clone()).await;
                match result {
                    Ok(receipt) => {
                        sending.set(Sending::Idle);
                        phase.set(Phase::Done(Rc::new(receipt), title));
                    }
                    Err(err) if err.code() == Some("validation_failed") => {
                        let fields = err.field_errors().to_vec();
                        let mut lines = model::unplaced(&fields);
                        if lines.is_empty() && fields.is_empty() {
                            lines.push(err.message(lang));
                        }
                        form.dispatch(FormAction::Server(fields));
                        summary.set(Some(lines));
                        sending.set(Sending::Idle);
                        phase.set(Phase::Form);
                        // Once the form is back on the page, take the reader to the summary.
                        util::sleep(0).await;
                        util::focus("report-errors");
                    }
                    Err(err) => sending.set(Sending::Failed(err)),
                }
            });
        })
    };

    let body = match &*phase {
        Phase::Form => html! {
            <>
                if let Fetch::Failed(err) = taxonomy.state() {
                    <div class="alert alert-error" role="alert">{ err.message(lang) }</div>
                }
                <form::ReportForm
                    form={form.clone()}
                    files={(*files).clone()}
                    {on_files}
                    categories={categories.clone()}
                    site={site.clone()}
                    summary={(*summary).clone()}
                    {on_review}
                />
            </>
        },
        Phase::Review => html! {
            <review::Review
                draft={form.draft.clone()}
                files={(*files).clone()}
                categories={categories.clone()}
                sending={(*sending).clone()}
                {report_bytes}
                {on_edit}
                {on_send}
            />
        },
        Phase::Done(receipt, title) => html! {
            <receipt::Receipt receipt={receipt.clone()} title={title.clone()} site={site.clone()} />
        },
    };

    let step = match &*phase {
        Phase::Form => 1,
        Phase::Review => 2,
        Phase::Done(..) => 3,
    };
    let steps = [Key::StepFill, Key::StepReview, Key::StepReceipt];

    html! {
        <div class="container page report-page">
            <div class="no-print">
                <h1>{ t(lang, Key::ReportTitle) }</h1>
                <p class="lead">{ t(lang, Key::ReportLead) }</p>
                <ol class="wizard" aria-label={t(lang, Key::WizardLabel)}>
                    { for steps.iter().enumerate().map(|(i, key)| {
                        let n = i + 1;
                        let state = if n < step { "done" } else if n == step { "current" } else { "todo" };
                        html! {
                            <li class={classes!("wizard-step", format!("wizard-{state}"))} aria-current={(n == step).then_some("step")}>
                                <span class="wizard-num" aria-hidden="true">{ n }</span>
                                { t(lang, *key) }
                            </li>
                        }
                    }) }
                </ol>
                if step == 1 {
                    if let Some(site) = &site {
                        <details class="safe-harbor-note">
                            <summary>{ t(lang, Key::SafeHarborTitle) }</summary>
                            <p class="prewrap">{ form::label_of(&site.safe_harbor, lang).to_string() }</p>
                        </details>
                    }
                }
            </div>
            { body }
        </div>
    }
}
