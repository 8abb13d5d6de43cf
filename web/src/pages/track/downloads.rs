//! The signed documents the reporter may download.

use ttis_shared::dto::delivery::TicketKey;
use ttis_shared::dto::documents::DocumentKind;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::i18n::{Key, t};
use crate::pages::common::label_text;
use crate::state::use_lang;
use crate::util;

#[derive(Properties, PartialEq)]
pub(super) struct DownloadsProps {
    pub(super) ticket_code: String,
    pub(super) access_key: String,
    pub(super) kinds: Vec<DocumentKind>,
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
pub(super) fn downloads(props: &DownloadsProps) -> Html {
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
