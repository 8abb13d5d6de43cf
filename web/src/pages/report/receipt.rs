//! The receipt (*tanda terima*): ticket code and access key with copy buttons, the warning to
//! keep the key, the evidence with SHA-256, a link to the tracking page (code and key in the URL
//! fragment, which never reaches the server), and a printable version.

use std::rc::Rc;

use ttis_shared::dto::reports::{ReportReceipt, SiteInfo};
use yew::prelude::*;

use crate::i18n::{Key, t, tn};
use crate::state::use_lang;
use crate::util::{self, format_bytes};

#[derive(Properties, PartialEq)]
pub struct ReceiptProps {
    pub receipt: Rc<ReportReceipt>,
    pub title: String,
    pub site: Option<Rc<SiteInfo>>,
}

/// The tracking link: `/track#code=…&key=…`.
pub fn track_href(code: &str, key: &str) -> String {
    format!(
        "/track#code={}&key={}",
        String::from(js_sys::encode_uri_component(code)),
        String::from(js_sys::encode_uri_component(key))
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    None,
    Code(bool),
    Key(bool),
}

#[function_component(Receipt)]
pub fn receipt(props: &ReceiptProps) -> Html {
    let lang = use_lang();
    let copied = use_state(|| Copied::None);
    let r = &props.receipt;

    use_effect_with((), |_| {
        util::scroll_top();
        util::focus("receipt-title");
    });

    let copy = |text: String, which: fn(bool) -> Copied| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = util::copy_text(&text).await;
                copied.set(which(ok));
            });
        })
    };
    let copy_code = copy(r.ticket_code.clone(), Copied::Code);
    let copy_key = copy(r.access_key.clone(), Copied::Key);
    let feedback = |ok: bool| t(lang, if ok { Key::Copied } else { Key::CopyFailed });
    let code_feedback = match *copied {
        Copied::Code(ok) => feedback(ok),
        _ => "",
    };
    let key_feedback = match *copied {
        Copied::Key(ok) => feedback(ok),
        _ => "",
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });

    let (government, agency) = match &props.site {
        Some(s) => (s.government_name.clone(), s.agency_name.clone()),
        None => (String::new(), tn(lang, Key::AgencyFull)),
    };

    let evidence = r.evidence.iter().enumerate().map(|(i, e)| {
        html! {
            <tr id={format!("receipt-evidence-{i}")}>
                <td class="cell-file">{ e.file_name.clone() }</td>
                <td>{ format_bytes(e.size, lang) }</td>
                <td>{ e.content_type.clone() }</td>
                <td><code class="hash">{ e.sha256.clone() }</code></td>
                <td>{ t(lang, if e.metadata_stripped { Key::Yes } else { Key::No }) }</td>
            </tr>
        }
    });

    html! {
        <div class="receipt" id="receipt">
            <div class="print-only receipt-letterhead">
                if !government.is_empty() { <p class="letterhead-gov">{ government }</p> }
                <p class="letterhead-agency">{ agency }</p>
                <p class="letterhead-team">{ t(lang, Key::TeamName) }</p>
            </div>

            <div class="alert alert-success no-print" role="status">
                <strong>{ t(lang, Key::ReceiptSent) }</strong>
            </div>

            <h2 id="receipt-title" tabindex="-1">{ t(lang, Key::ReceiptTitle) }</h2>
            <p class="no-print">{ t(lang, Key::ReceiptLead) }</p>

            <dl class="receipt-facts">
                <dt>{ t(lang, Key::TicketCode) }</dt>
                <dd>
                    <code id="receipt-ticket-code" class="secret">{ r.ticket_code.clone() }</code>
                    <button type="button" id="copy-ticket-code" class="btn btn-secondary btn-small no-print" onclick={copy_code}
                        aria-label={format!("{} {}", t(lang, Key::Copy), t(lang, Key::TicketCode))}>
                        { t(lang, Key::Copy) }
                    </button>
                    <span class="copy-feedback no-print" aria-live="polite">{ code_feedback }</span>
                </dd>
                <dt>{ t(lang, Key::AccessKey) }</dt>
                <dd>
                    <code id="receipt-access-key" class="secret">{ r.access_key.clone() }</code>
                    <button type="button" id="copy-access-key" class="btn btn-secondary btn-small no-print" onclick={copy_key}
                        aria-label={format!("{} {}", t(lang, Key::Copy), t(lang, Key::AccessKey))}>
                        { t(lang, Key::Copy) }
                    </button>
                    <span class="copy-feedback no-print" aria-live="polite">{ key_feedback }</span>
                </dd>
                <dt>{ t(lang, Key::FieldTitle) }</dt>
                <dd id="receipt-title-value">{ props.title.clone() }</dd>
                <dt>{ t(lang, Key::SubmittedAt) }</dt>
                <dd id="receipt-submitted-at">{ util::format_datetime(&r.submitted_at, lang) }</dd>
                <dt>{ t(lang, Key::Status) }</dt>
                <dd id="receipt-status">{ r.status.label(lang) }</dd>
            </dl>

            <div class="alert alert-warning" id="receipt-key-warning">
                <strong>{ t(lang, Key::KeyWarningTitle) }</strong>
                <p>{ t(lang, Key::KeyWarningText) }</p>
            </div>

            <h3>{ t(lang, Key::SectionEvidence) }</h3>
            if r.evidence.is_empty() {
                <p>{ t(lang, Key::EvidenceNone) }</p>
            } else {
                <div class="table-wrap">
                    <table class="table evidence-table" id="receipt-evidence">
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, Key::EvidenceFile) }</th>
                                <th scope="col">{ t(lang, Key::EvidenceSize) }</th>
                                <th scope="col">{ t(lang, Key::EvidenceType) }</th>
                                <th scope="col">{ "SHA-256" }</th>
                                <th scope="col">{ t(lang, Key::EvidenceMetadataStripped) }</th>
                            </tr>
                        </thead>
                        <tbody>{ for evidence }</tbody>
                    </table>
                </div>
            }

            <p class="print-only receipt-print-note">{ t(lang, Key::ReceiptPrintNote) }</p>

            <div class="form-actions no-print">
                <a id="receipt-track-link" class="btn btn-primary" href={track_href(&r.ticket_code, &r.access_key)}>
                    { t(lang, Key::TrackThisReport) }
                </a>
                <button type="button" id="receipt-print" class="btn btn-secondary" onclick={print}>
                    { t(lang, Key::PrintReceipt) }
                </button>
            </div>
        </div>
    }
}
