//! The ticket's documents (SOP steps 4-7): every version of the analysis report, the notification
//! letter and the certificate, with download, and previews. A PDF is fetched with the bearer token
//! into a `blob:` URL and shown in an `<iframe>`; the URL is revoked when the preview goes away.

use std::rc::Rc;

use ttis_shared::Lang;
use ttis_shared::dto::documents::{DocumentKind, DocumentStatus};
use ttis_shared::dto::tickets::{DocumentItem, TicketDetail};
use yew::prelude::*;
use yew_router::prelude::*;

use super::super::label_text;
use super::ticket_path;
use crate::api::{self, ApiError};
use crate::hooks::use_object_url;
use crate::i18n::{Key, t};
use crate::route::Route;
use crate::state::use_lang;
use crate::util::{self, format_bytes};

/// `/tickets/{code}/documents/{id}`.
pub fn document_path(code: &str, id: &str) -> String {
    format!("{}/documents/{}", ticket_path(code), String::from(js_sys::encode_uri_component(id)))
}

/// The name a downloaded document gets (`notification-letter-TTIS-2026-000123-v2.pdf`).
fn file_name(code: &str, doc: &DocumentItem) -> String {
    format!("{}-{code}-v{}.pdf", doc.kind.as_str().replace('_', "-"), doc.version)
}

/// The newest version of a kind (of a status, when given).
pub fn latest(d: &TicketDetail, kind: DocumentKind, status: Option<DocumentStatus>) -> Option<DocumentItem> {
    d.documents
        .iter()
        .filter(|doc| doc.kind == kind && status.is_none_or(|s| doc.status == s))
        .max_by_key(|doc| doc.version)
        .cloned()
}

pub fn kind_text(kind: DocumentKind, lang: Lang) -> String {
    label_text(&kind.label(), lang)
}

fn status_chip(doc: &DocumentItem, lang: Lang) -> Html {
    let (key, class) = match doc.status {
        DocumentStatus::Draft => (Key::DocDraft, "doc-draft"),
        DocumentStatus::Final => (Key::DocFinal, "doc-final"),
    };
    html! {
        <>
            <span class={classes!("chip", "chip-small", class)}>{ t(lang, key) }</span>
            if doc.revoked.is_some() {
                { " " }<span class="chip chip-small doc-revoked">{ t(lang, Key::DocRevoked) }</span>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub code: String,
    pub doc: DocumentItem,
    pub token: String,
    /// The `<iframe>`'s id.
    pub id: AttrValue,
}

/// One PDF, shown in the page.
#[function_component(PdfPreview)]
pub fn pdf_preview(props: &PreviewProps) -> Html {
    let lang = use_lang();
    let doc = &props.doc;
    let url = use_object_url(Some(document_path(&props.code, &doc.id)), Some(props.token.clone()), 0);
    let caption = format!(
        "{} · {} {} · {}",
        kind_text(doc.kind, lang),
        t(lang, Key::DocVersion),
        doc.version,
        t(lang, if doc.status == DocumentStatus::Draft { Key::DocDraft } else { Key::DocFinal })
    );
    html! {
        <figure class="pdf-preview">
            <figcaption>{ caption.clone() }</figcaption>
            { match &url {
                None => html! {
                    <p class="pdf-frame pdf-frame-wait loading" role="status" id={format!("{}-loading", props.id)}>{ t(lang, Key::Loading) }</p>
                },
                Some(Err(e)) => html! {
                    <p class="alert alert-error" role="alert" id={format!("{}-error", props.id)}>{ e.message(lang) }</p>
                },
                Some(Ok(src)) => html! {
                    <>
                        <iframe id={props.id.clone()} class="pdf-frame" src={src.clone()} title={caption} data-document={doc.id.clone()} />
                        <a class="pdf-open" href={src.clone()} target="_blank" rel="noopener">{ t(lang, Key::DocOpenTab) }</a>
                    </>
                },
            } }
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct PairProps {
    pub code: String,
    pub token: String,
    pub letter: Option<DocumentItem>,
    pub certificate: Option<DocumentItem>,
}

/// The letter and the certificate side by side (`#preview-letter`, `#preview-certificate`).
#[function_component(PreviewPair)]
pub fn preview_pair(props: &PairProps) -> Html {
    html! {
        <div class="pdf-pair">
            if let Some(doc) = &props.letter {
                <PdfPreview key={doc.id.clone()} code={props.code.clone()} doc={doc.clone()} token={props.token.clone()} id="preview-letter" />
            }
            if let Some(doc) = &props.certificate {
                <PdfPreview key={doc.id.clone()} code={props.code.clone()} doc={doc.clone()} token={props.token.clone()} id="preview-certificate" />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    pub detail: Rc<TicketDetail>,
    pub token: String,
    /// Show the latest letter and certificate here (not when the head reviews them above the actions).
    pub previews: bool,
}

#[function_component(DocumentsPanel)]
pub fn documents_panel(props: &DocumentsProps) -> Html {
    let lang = use_lang();
    let d = &props.detail;
    let selected = use_state(|| None::<DocumentItem>);
    // A document that is no longer listed (it cannot be) or a new ticket: nothing chosen.
    {
        let selected = selected.clone();
        use_effect_with(d.code.clone(), move |_| selected.set(None));
    }
    let on_preview = {
        let selected = selected.clone();
        Callback::from(move |doc: DocumentItem| {
            let same = selected.as_ref().is_some_and(|s| s.id == doc.id);
            selected.set(if same { None } else { Some(doc) });
            if !same {
                wasm_bindgen_futures::spawn_local(async {
                    util::sleep(0).await;
                    util::focus("preview-selected-title");
                });
            }
        })
    };
    let close = {
        let selected = selected.clone();
        Callback::from(move |_: MouseEvent| selected.set(None))
    };
    let letter = latest(d, DocumentKind::NotificationLetter, None);
    let certificate = latest(d, DocumentKind::Certificate, None);
    let show_pair = props.previews && (letter.is_some() || certificate.is_some());

    html! {
        <section class="panel documents" aria-labelledby="documents-title" id="documents">
            <h2 id="documents-title">{ t(lang, Key::DocumentsTitle) }{ " " }<span class="count">{ d.documents.len() }</span></h2>
            if d.documents.is_empty() {
                <p class="muted" id="documents-empty">{ t(lang, Key::DocumentsNone) }</p>
            } else {
                <div class="table-wrap">
                    <table class="table documents-table" id="documents-table">
                        <caption class="visually-hidden">{ t(lang, Key::DocumentsTitle) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, Key::DocKind) }</th>
                                <th scope="col">{ t(lang, Key::DocVersion) }</th>
                                <th scope="col">{ t(lang, Key::Status) }</th>
                                <th scope="col">{ t(lang, Key::DocNumber) }</th>
                                <th scope="col">{ t(lang, Key::DocSigned) }</th>
                                <th scope="col"><span class="visually-hidden">{ t(lang, Key::ActionsLabel) }</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            { for d.documents.iter().map(|doc| html! {
                                <DocumentRow key={doc.id.clone()} code={d.code.clone()} doc={doc.clone()} token={props.token.clone()}
                                    previewing={selected.as_ref().is_some_and(|s| s.id == doc.id)} on_preview={on_preview.clone()} />
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if let Some(doc) = &*selected {
                <div class="selected-preview" id="preview-selected-box">
                    <div class="selected-preview-head">
                        <h3 id="preview-selected-title" tabindex="-1">{ t(lang, Key::DocPreview) }</h3>
                        <button type="button" class="btn btn-secondary btn-small" id="preview-selected-close" onclick={close}>{ t(lang, Key::Close) }</button>
                    </div>
                    <PdfPreview key={doc.id.clone()} code={d.code.clone()} doc={doc.clone()} token={props.token.clone()} id="preview-selected" />
                </div>
            }
            if show_pair {
                <h3 class="pdf-pair-title">{ t(lang, Key::DocLatestPreviews) }</h3>
                <PreviewPair code={d.code.clone()} token={props.token.clone()} {letter} {certificate} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    code: String,
    doc: DocumentItem,
    token: String,
    previewing: bool,
    on_preview: Callback<DocumentItem>,
}

#[function_component(DocumentRow)]
fn document_row(props: &RowProps) -> Html {
    let lang = use_lang();
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let doc = &props.doc;
    let download = {
        let path = document_path(&props.code, &doc.id);
        let name = file_name(&props.code, doc);
        let (token, busy, error) = (props.token.clone(), busy.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let (path, name, token, busy, error) =
                (path.clone(), name.clone(), token.clone(), busy.clone(), error.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::download(&path, &token, &name, lang).await;
                busy.set(false);
                error.set(result.err());
            });
        })
    };
    let preview = {
        let (on_preview, doc) = (props.on_preview.clone(), doc.clone());
        Callback::from(move |_: MouseEvent| on_preview.emit(doc.clone()))
    };
    let kind = kind_text(doc.kind, lang);
    html! {
        <tr id={format!("document-{}", doc.id)} class={classes!(format!("doc-kind-{}", doc.kind.as_str()), doc.revoked.is_some().then_some("row-revoked"))}>
            <td class="cell-doc">
                <span class="doc-kind">{ kind.clone() }</span>
                <span class="cell-sub">{ format!("{} · {}", util::format_datetime(&doc.created_at, lang), format_bytes(doc.size, lang)) }</span>
                if let Some(err) = &*error {
                    <span class="field-error" role="alert">{ err.message(lang) }</span>
                }
            </td>
            <td class="doc-version" data-label={t(lang, Key::DocVersion)}>{ format!("v{}", doc.version) }</td>
            <td class="doc-status" data-label={t(lang, Key::Status)}>{ status_chip(doc, lang) }</td>
            <td class="doc-number" data-label={t(lang, Key::DocNumber)}>{ doc.number.clone().unwrap_or_else(|| "—".into()) }</td>
            <td class="doc-signed" data-label={t(lang, Key::DocSigned)}>
                if let Some(sig) = &doc.signature {
                    <time datetime={sig.signed_at.to_rfc3339()}>{ util::format_datetime(&sig.signed_at, lang) }</time>
                    <span class="cell-sub">{ sig.signer_name.clone() }</span>
                } else {
                    { "—" }
                }
                if let Some(r) = &doc.revoked {
                    <span class="cell-sub doc-revoked-reason">
                        { format!("{} {}: {}", t(lang, Key::DocRevoked), util::format_date(&r.at, lang), r.reason) }
                    </span>
                }
            </td>
            <td class="cell-actions">
                <button type="button" class="btn btn-secondary btn-small" id={format!("document-preview-{}", doc.id)}
                    aria-pressed={if props.previewing { "true" } else { "false" }}
                    aria-label={format!("{} {kind} v{}", t(lang, Key::DocPreview), doc.version)} onclick={preview}>
                    { t(lang, Key::DocPreview) }
                </button>
                <button type="button" class="btn btn-secondary btn-small" id={format!("document-download-{}", doc.id)}
                    aria-label={format!("{} {kind} v{}", t(lang, Key::Download), doc.version)} disabled={*busy} onclick={download}>
                    { t(lang, if *busy { Key::Loading } else { Key::Download }) }
                </button>
                if doc.status == DocumentStatus::Final {
                    <Link<Route> to={Route::VerifyDocument { id: doc.id.clone() }} classes="btn btn-secondary btn-small doc-verify-link">
                        { t(lang, Key::DocVerifyLink) }
                    </Link<Route>>
                }
            </td>
        </tr>
    }
}
