//! Verifikasi Dokumen: is a letter or certificate genuine? The QR code on it leads to
//! `/verify/{code}`, which shows what the API vouches for (type, number, date, signer with NIP, the
//! SHA-256 of the signed file, and the subject unless the document is TLP:AMBER or RED) with a
//! clear status, and compares a file the visitor holds with the signed one, byte for byte.
//! `/verify` alone asks for what a paper copy shows: the printed number or the short code under
//! the QR code (or the QR code's address). Public: no token, except
//! for administrators revoking a document (staff build: `staff::revoke`).

use gloo_net::http::Method;
use ttis_shared::dto::documents::{DocumentVerification, FileCheck};
use ttis_shared::validation;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::hooks::{Fetch, use_fetch};
use crate::i18n::{Key, t};
use crate::pages::common::{error_box, label_text, set_text};
use crate::route::Route;
use crate::state::use_lang;
use crate::util::{self, format_bytes};

/// The largest file the API compares.
const CHECK_MAX_BYTES: f64 = 10.0 * 1024.0 * 1024.0;

#[derive(Properties, PartialEq)]
pub struct VerifyProps {
    /// The document reference from a QR code (`/verify/:id`).
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

#[function_component(Verify)]
pub fn verify(props: &VerifyProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="container page verify-page">
            <h1>{ t(lang, Key::VerifyTitle) }</h1>
            <p class="lead">{ t(lang, Key::VerifyLead) }</p>
            if let Some(id) = &props.id {
                <DocumentCheck key={id.to_string()} id={id.clone()} />
            } else {
                <Lookup />
            }
        </div>
    }
}

/// The reference from what was typed: a printed number (`B-2/DISKOMINFO/000.6/12/2026`, kept
/// whole), a short code, an id, or the whole address from the QR code.
fn document_id(input: &str) -> String {
    let v = input.trim();
    match v.rsplit_once("/verify/") {
        Some((_, id)) => id.split(['?', '#']).next().unwrap_or_default().trim().trim_matches('/').to_string(),
        None => v.to_string(),
    }
}

/// The reference as it travels in the page's address: one path segment (a number's slashes
/// encoded), decoded again by [`from_segment`].
fn to_segment(reference: &str) -> String {
    String::from(js_sys::encode_uri_component(reference))
}

fn from_segment(segment: &str) -> String {
    js_sys::decode_uri_component(segment).map(String::from).unwrap_or_else(|_| segment.to_string())
}

/// The form that asks for a document's id.
#[function_component(Lookup)]
fn lookup() -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    let value = use_state(String::new);
    let invalid = use_state(|| false);
    let onsubmit = {
        let (value, invalid) = (value.clone(), invalid.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let id = document_id(&value);
            if id.is_empty() {
                invalid.set(true);
                util::focus("verify-id-input");
                return;
            }
            invalid.set(false);
            if let Some(nav) = &navigator {
                nav.push(&Route::VerifyDocument { id: to_segment(&id) });
            }
        })
    };
    html! {
        <section class="panel narrow" aria-labelledby="verify-lookup-title">
            <h2 id="verify-lookup-title">{ t(lang, Key::VerifyLookupTitle) }</h2>
            <form id="verify-lookup" class="form" novalidate=true {onsubmit}>
                <div class={classes!("field", invalid.then_some("field-invalid"))}>
                    <label for="verify-id-input">{ t(lang, Key::VerifyReference) }</label>
                    <p class="field-hint" id="verify-id-input-hint">{ t(lang, Key::VerifyIdHint) }</p>
                    <input id="verify-id-input" type="text" autocomplete="off" spellcheck="false" value={(*value).clone()}
                        oninput={set_text::<InputEvent>(&value)} aria-invalid={invalid.then_some("true")}
                        aria-describedby={if *invalid { "verify-id-input-hint verify-id-input-error" } else { "verify-id-input-hint" }} />
                    if *invalid {
                        <p class="field-error" id="verify-id-input-error">{ validation::Violation::Required.message(lang) }</p>
                    }
                </div>
                <div class="form-actions">
                    <button type="submit" id="verify-go" class="btn btn-primary">{ t(lang, Key::VerifySubmit) }</button>
                </div>
            </form>
        </section>
    }
}

fn verification_path(id: &str) -> String {
    format!("/documents/{}/verification", String::from(js_sys::encode_uri_component(id)))
}

#[derive(Properties, PartialEq)]
struct CheckProps {
    id: AttrValue,
}

/// What the API vouches for about one document, and the file comparison.
#[function_component(DocumentCheck)]
fn document_check(props: &CheckProps) -> Html {
    let lang = use_lang();
    let reference = AttrValue::from(from_segment(&props.id));
    let result = use_fetch(reference.clone(), move |id| async move {
        api::get::<DocumentVerification>(&verification_path(&id), None, lang).await
    });
    let on_update = {
        let result = result.clone();
        Callback::from(move |v: DocumentVerification| result.set_ready(v))
    };
    match result.state() {
        Fetch::Loading => html! { <p class="panel loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) if e.status() == Some(404) => html! {
            <>
                <div class="alert alert-error" role="alert" id="verify-not-found">
                    <p><strong>{ t(lang, Key::VerifyNotFoundTitle) }</strong></p>
                    <p>{ t(lang, Key::VerifyNotFoundText) }</p>
                    <p>{ format!("{}: ", t(lang, Key::VerifyReference)) }<code id="verify-id">{ reference.clone() }</code></p>
                </div>
                <Lookup />
            </>
        },
        Fetch::Failed(e) => error_box(e, lang, "verify-error"),
        Fetch::Ready(v) => html! {
            <>
                { status_banner(v, lang) }
                { facts(v, lang) }
                <FileCompare id={AttrValue::from(v.id.clone())} on_update={on_update.clone()} />
                if v.revoked.is_none() {
                    { revoke_form(AttrValue::from(v.id.clone()), on_update) }
                }
            </>
        },
    }
}

fn status_banner(v: &DocumentVerification, lang: ttis_shared::Lang) -> Html {
    let (class, title, text) = match (&v.revoked, v.signature_valid) {
        (Some(r), _) => (
            "verify-revoked",
            t(lang, Key::VerifyRevokedTitle),
            t(lang, Key::VerifyRevokedText)
                .replace("{date}", &util::format_datetime(&r.at, lang))
                .replace("{reason}", &r.reason),
        ),
        (None, true) => ("verify-valid", t(lang, Key::VerifyValidTitle), t(lang, Key::VerifyValidText).to_string()),
        (None, false) => {
            ("verify-invalid", t(lang, Key::VerifyInvalidTitle), t(lang, Key::VerifyInvalidText).to_string())
        }
    };
    html! {
        <div class={classes!("verify-banner", class)} role="status" id="verify-status" tabindex="-1">
            <p class="verify-banner-title"><strong>{ title }</strong></p>
            <p class="prewrap">{ text }</p>
        </div>
    }
}

fn facts(v: &DocumentVerification, lang: ttis_shared::Lang) -> Html {
    let sig = &v.signature;
    html! {
        <section class="panel" aria-labelledby="verify-facts-title">
            <h2 id="verify-facts-title">{ label_text(&v.kind_label, lang) }</h2>
            <dl class="facts verify-facts" id="verify-facts">
                <dt>{ t(lang, Key::DocKind) }</dt><dd id="verify-kind">{ label_text(&v.kind_label, lang) }</dd>
                <dt>{ t(lang, Key::DocNumber) }</dt><dd id="verify-number">{ v.number.clone() }</dd>
                <dt>{ t(lang, Key::VerifyDate) }</dt><dd id="verify-date">{ util::format_day(&v.date, lang) }</dd>
                if let Some(code) = &v.verification_code {
                    <dt>{ t(lang, Key::VerifyCode) }</dt><dd><code id="verify-code">{ code.clone() }</code></dd>
                }
                <dt>{ t(lang, Key::Subject) }</dt>
                <dd id="verify-subject">
                    { match &v.subject {
                        Some(subject) => html! { subject.clone() },
                        None => html! { <span class="muted" id="verify-subject-withheld">{ t(lang, Key::VerifySubjectWithheld) }</span> },
                    } }
                </dd>
                <dt>{ t(lang, Key::VerifyIssuer) }</dt><dd id="verify-issuer">{ v.issuer.clone() }</dd>
                <dt>{ t(lang, Key::VerifySigner) }</dt><dd id="verify-signer">{ sig.signer_name.clone() }</dd>
                if !sig.signer_nip.is_empty() {
                    <dt>{ "NIP" }</dt><dd id="verify-signer-nip">{ sig.signer_nip.clone() }</dd>
                }
                if !sig.signer_rank.is_empty() {
                    <dt>{ t(lang, Key::VerifySignerRank) }</dt><dd id="verify-signer-rank">{ sig.signer_rank.clone() }</dd>
                }
                <dt>{ t(lang, Key::VerifySignerTitle) }</dt><dd id="verify-signer-title">{ sig.signer_title.clone() }</dd>
                <dt>{ t(lang, Key::VerifySignedAt) }</dt>
                <dd id="verify-signed-at"><time datetime={sig.signed_at.to_rfc3339()}>{ util::format_datetime(&sig.signed_at, lang) }</time></dd>
                <dt>{ t(lang, Key::VerifySignature) }</dt>
                <dd id="verify-signature-state">
                    { t(lang, if v.signature_valid { Key::VerifySignatureOk } else { Key::VerifySignatureBad }) }
                    { format!(" ({})", sig.algorithm) }
                </dd>
                <dt><abbr title="Secure Hash Algorithm 256">{ "SHA-256" }</abbr></dt><dd><code class="hash" id="verify-sha256">{ v.sha256.clone() }</code></dd>
                <dt>{ t(lang, Key::VerifyKeyId) }</dt><dd><code class="hash" id="verify-key-id">{ sig.key_id.clone() }</code></dd>
                <dt>{ t(lang, Key::VerifyDocumentId) }</dt><dd><code class="hash" id="verify-id">{ v.id.clone() }</code></dd>
            </dl>
            <details class="verify-technical">
                <summary>{ t(lang, Key::VerifyTechnical) }</summary>
                <dl class="facts facts-stack">
                    <dt>{ t(lang, Key::VerifyPublicKey) }</dt><dd><code class="hash" id="verify-public-key">{ v.public_key.clone() }</code></dd>
                    <dt>{ t(lang, Key::VerifySignatureValue) }</dt><dd><code class="hash">{ sig.signature.clone() }</code></dd>
                </dl>
                <p class="field-hint">{ t(lang, Key::VerifyTechnicalHint) }</p>
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CompareProps {
    id: AttrValue,
    on_update: Callback<DocumentVerification>,
}

/// Compares a file the visitor holds with the signed document (the file is not stored).
#[function_component(FileCompare)]
fn file_compare(props: &CompareProps) -> Html {
    let lang = use_lang();
    let file = use_state(|| None::<web_sys::File>);
    let invalid = use_state(|| None::<String>);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<FileCheck>);

    let onchange = {
        let (file, invalid, outcome) = (file.clone(), invalid.clone(), outcome.clone());
        Callback::from(move |e: Event| {
            let chosen = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|input| input.files())
                .and_then(|files| files.get(0));
            let too_large = chosen.as_ref().is_some_and(|f| f.size() > CHECK_MAX_BYTES);
            invalid.set(too_large.then(|| t(lang, Key::VerifyFileTooLarge).to_string()));
            outcome.set(None);
            file.set(chosen);
        })
    };
    let onclick = {
        let (file, invalid, error, busy, outcome) =
            (file.clone(), invalid.clone(), error.clone(), busy.clone(), outcome.clone());
        let (id, on_update) = (props.id.clone(), props.on_update.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            let Some(f) = (*file).clone() else {
                invalid.set(Some(t(lang, Key::VerifyFileChooseFirst).to_string()));
                util::focus("verify-file");
                return;
            };
            if invalid.is_some() {
                util::focus("verify-file");
                return;
            }
            let path = verification_path(&id);
            let (error, busy, outcome, on_update) = (error.clone(), busy.clone(), outcome.clone(), on_update.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::send_blob::<FileCheck>(Method::POST, &path, &f, "application/pdf", None, lang).await;
                busy.set(false);
                match result {
                    Ok(check) => {
                        error.set(None);
                        on_update.emit(check.document.clone());
                        outcome.set(Some(check));
                        util::sleep(0).await;
                        util::focus("verify-file-result");
                    }
                    Err(e) => {
                        outcome.set(None);
                        error.set(Some(e));
                    }
                }
            });
        })
    };
    let chosen = file.as_ref().map(|f| format!("{} ({})", f.name(), format_bytes(f.size() as u64, lang)));

    html! {
        <section class="panel" aria-labelledby="verify-file-title" id="verify-file-section">
            <h2 id="verify-file-title">{ t(lang, Key::VerifyFileTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::VerifyFileLead) }</p>
            <div class="form">
                <div class={classes!("field", invalid.is_some().then_some("field-invalid"))}>
                    <label for="verify-file">{ t(lang, Key::VerifyFileLabel) }</label>
                    <input id="verify-file" type="file" accept="application/pdf,.pdf" {onchange}
                        aria-invalid={invalid.is_some().then_some("true")}
                        aria-describedby={invalid.is_some().then_some("verify-file-error")} />
                    if let Some(c) = chosen { <p class="file-size">{ c }</p> }
                    if let Some(msg) = &*invalid { <p class="field-error" id="verify-file-error">{ msg.clone() }</p> }
                </div>
                <div class="form-actions">
                    <button type="button" id="verify-check" class="btn btn-primary" disabled={*busy} {onclick}>
                        { t(lang, if *busy { Key::Verifying } else { Key::VerifyFileCheck }) }
                    </button>
                </div>
                if let Some(e) = &*error {
                    { error_box(e, lang, "verify-file-error-box") }
                }
                if let Some(c) = &*outcome {
                    <div class={classes!("alert", if c.matches { "alert-success" } else { "alert-error" })}
                        role="status" id="verify-file-result" tabindex="-1">
                        <p><strong>{ t(lang, if c.matches { Key::VerifyFileMatches } else { Key::VerifyFileDiffers }) }</strong></p>
                        <dl class="facts facts-stack">
                            <dt>{ t(lang, Key::VerifyFileYourHash) }</dt>
                            <dd><code class="hash" id="verify-file-sha256">{ c.uploaded_sha256.clone() }</code>{ format!(" · {}", format_bytes(c.uploaded_size, lang)) }</dd>
                            <dt>{ t(lang, Key::VerifyFileSignedHash) }</dt>
                            <dd><code class="hash">{ c.document.sha256.clone() }</code></dd>
                        </dl>
                    </div>
                }
            </div>
        </section>
    }
}

/// Administrators revoke a document here. The session lives in the staff build only: the public
/// build shows nothing in its place.
#[cfg(feature = "staff")]
fn revoke_form(id: AttrValue, on_update: Callback<DocumentVerification>) -> Html {
    html! { <crate::pages::staff::revoke::RevokeForm {id} {on_update} /> }
}

#[cfg(not(feature = "staff"))]
fn revoke_form(_id: AttrValue, _on_update: Callback<DocumentVerification>) -> Html {
    Html::default()
}

#[cfg(test)]
mod tests {
    use super::document_id;

    #[test]
    fn ids_come_from_what_was_typed_or_pasted() {
        assert_eq!(document_id("  3f2a-11 "), "3f2a-11");
        assert_eq!(document_id("https://lapor.example.go.id/verify/3f2a-11"), "3f2a-11");
        assert_eq!(document_id("https://lapor.example.go.id/verify/3f2a-11/?x=1"), "3f2a-11");
        assert_eq!(document_id(" B-2/DISKOMINFO/000.6/12/2026 "), "B-2/DISKOMINFO/000.6/12/2026");
        assert_eq!(document_id(""), "");
    }
}
