//! The one way the SPA talks to the API: [`request`] sends JSON with the bearer token and the UI
//! language, and turns every failure into an [`ApiError`].

use gloo_net::http::{Method, RequestBuilder};
use serde::Serialize;
use serde::de::DeserializeOwned;
use ttis_shared::Lang;
use ttis_shared::dto::problem::{FieldError, Problem};

use crate::i18n::{Key, t};

pub mod upload;

pub const API: &str = "/api/v1";

/// The problem code of a staff route refused until the account enrols a second factor (the
/// security policy requires one for administrators and heads).
pub const ENROLLMENT_REQUIRED: &str = "totp_enrollment_required";

thread_local! {
    /// Told whenever an answer is [`ENROLLMENT_REQUIRED`], whichever page asked (see
    /// [`set_enrollment_listener`]).
    static ENROLLMENT_LISTENER: std::cell::RefCell<Option<yew::Callback<()>>> = const { std::cell::RefCell::new(None) };
}

/// Who hears of [`ENROLLMENT_REQUIRED`] answers: the session provider, which sends the person to
/// their account page. `None` stops telling.
pub fn set_enrollment_listener(listener: Option<yew::Callback<()>>) {
    ENROLLMENT_LISTENER.with(|l| *l.borrow_mut() = listener);
}

fn enrollment_required() {
    if let Some(listener) = ENROLLMENT_LISTENER.with(|l| l.borrow().clone()) {
        listener.emit(());
    }
}

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API answered with an RFC 9457 problem body.
    Problem(Problem),
    /// The request never got an answer (offline, server down, blocked).
    Network(String),
    /// An answer that is neither what was asked for nor a problem body (a proxy error page).
    Unexpected { status: u16 },
}

impl ApiError {
    /// The HTTP status, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem(p) => Some(p.status),
            ApiError::Unexpected { status } => Some(*status),
            ApiError::Network(_) => None,
        }
    }

    /// What to tell the person: the server's own words (already in the UI language) or ours.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ApiError::Problem(p) if !p.detail.is_empty() => p.detail.clone(),
            ApiError::Problem(p) => p.title.clone(),
            ApiError::Network(_) => t(lang, Key::ErrorNetwork).to_string(),
            ApiError::Unexpected { .. } => t(lang, Key::ErrorUnexpected).to_string(),
        }
    }

    /// The problem's machine code (`validation_failed`, `pow_failed`, ...), when there is one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Problem(p) => Some(p.code.as_str()),
            _ => None,
        }
    }

    /// Per-field errors of a `validation_failed` problem.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            ApiError::Problem(p) => &p.errors,
            _ => &[],
        }
    }
}

/// Sends one request to `/api/v1{path}` and decodes the answer.
///
/// `body` goes as JSON; `token` as `Authorization: Bearer`; the UI language as `Accept-Language`
/// so problem messages come in the same language. A `204` (or an empty body) decodes as JSON
/// `null`, so ask for `()` when no body is expected. The refresh cookie travels by itself
/// (same-origin).
pub async fn request<B, R>(
    method: Method,
    path: &str,
    body: Option<&B>,
    token: Option<&str>,
    lang: Lang,
) -> Result<R, ApiError>
where
    B: Serialize + ?Sized,
    R: DeserializeOwned,
{
    let url = format!("{API}{path}");
    let mut builder = RequestBuilder::new(&url)
        .method(method)
        .header("Accept", "application/json, application/problem+json")
        .header("Accept-Language", lang.code());
    if let Some(token) = token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let sent = match body {
        Some(body) => builder.json(body).map_err(|e| ApiError::Network(e.to_string()))?.send().await,
        None => builder.send().await,
    };
    let response = sent.map_err(|e| ApiError::Network(e.to_string()))?;
    let status = response.status();
    let text = response.text().await.map_err(|e| ApiError::Network(e.to_string()))?;
    decode(status, &text)
}

/// Turns an answer's status and body into the expected value or an [`ApiError`].
pub(crate) fn decode<R: DeserializeOwned>(status: u16, text: &str) -> Result<R, ApiError> {
    if (200..300).contains(&status) {
        let text = if status == 204 || text.trim().is_empty() { "null" } else { text };
        from_json(text).ok_or(ApiError::Unexpected { status })
    } else {
        match from_json::<Problem>(text) {
            Some(problem) => {
                if problem.code == ENROLLMENT_REQUIRED {
                    enrollment_required();
                }
                Err(ApiError::Problem(problem))
            }
            None => Err(ApiError::Unexpected { status }),
        }
    }
}

/// Decodes JSON with the browser's own parser (`JSON.parse`) and `serde-wasm-bindgen`: much less
/// code in the bundle than a `serde_json` deserializer for every type the pages read.
fn from_json<R: DeserializeOwned>(text: &str) -> Option<R> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// A request without a body.
pub async fn request_empty<R: DeserializeOwned>(
    method: Method,
    path: &str,
    token: Option<&str>,
    lang: Lang,
) -> Result<R, ApiError> {
    request::<(), R>(method, path, None, token, lang).await
}

/// `GET /api/v1{path}`, with the bearer token when there is one.
pub async fn get<R: DeserializeOwned>(path: &str, token: Option<&str>, lang: Lang) -> Result<R, ApiError> {
    request::<(), R>(Method::GET, path, None, token, lang).await
}

/// Fetches `GET /api/v1{path}` (with the bearer token, when there is one) as a `Blob`: a PDF to
/// preview or download, an image to show. The file never passes through a URL the browser could
/// load without the token.
pub async fn fetch_blob(path: &str, token: Option<&str>, lang: Lang) -> Result<web_sys::Blob, ApiError> {
    use wasm_bindgen::JsCast;

    let url = format!("{API}{path}");
    let mut builder = RequestBuilder::new(&url).method(Method::GET).header("Accept-Language", lang.code());
    if let Some(token) = token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let response = builder.send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    let status = response.status();
    if !(200..300).contains(&status) {
        let text = response.text().await.unwrap_or_default();
        return match decode::<serde::de::IgnoredAny>(status, &text) {
            Err(e) => Err(e),
            Ok(_) => Err(ApiError::Unexpected { status }),
        };
    }
    let failed = |_| ApiError::Unexpected { status };
    let raw: web_sys::Response = response.into();
    let promise = raw.blob().map_err(failed)?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| failed(wasm_bindgen::JsValue::NULL))
}

/// Fetches a file (see [`fetch_blob`]) and gives it a `blob:` URL for an `<iframe>` or `<img>`.
/// The caller revokes it ([`revoke_object_url`]) when it is no longer shown.
pub async fn object_url(path: &str, token: Option<&str>, lang: Lang) -> Result<String, ApiError> {
    let blob = fetch_blob(path, token, lang).await?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ApiError::Unexpected { status: 200 })
}

/// Frees a URL made by [`object_url`].
pub fn revoke_object_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Sends a file as the raw body of a request (a PDF to compare, a logo) and decodes the answer
/// like [`request`].
pub async fn send_blob<R: DeserializeOwned>(
    method: Method,
    path: &str,
    body: &web_sys::Blob,
    content_type: &str,
    token: Option<&str>,
    lang: Lang,
) -> Result<R, ApiError> {
    let url = format!("{API}{path}");
    let mut builder = RequestBuilder::new(&url)
        .method(method)
        .header("Accept", "application/json, application/problem+json")
        .header("Accept-Language", lang.code())
        .header("Content-Type", content_type);
    if let Some(token) = token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let request =
        builder.body(wasm_bindgen::JsValue::from(body.clone())).map_err(|e| ApiError::Network(e.to_string()))?;
    let response = request.send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    let status = response.status();
    let text = response.text().await.map_err(|e| ApiError::Network(e.to_string()))?;
    decode(status, &text)
}

/// Downloads a staff-only file (`GET /api/v1{path}` with the bearer token) and hands it to the
/// browser as a download named `file_name`. The file is never shown in the page.
pub async fn download(path: &str, token: &str, file_name: &str, lang: Lang) -> Result<(), ApiError> {
    let blob = fetch_blob(path, Some(token), lang).await?;
    save_blob(&blob, file_name)
}

/// Hands `text` to the browser as a download named `file_name` of type `content_type` (a JSON
/// answer the page also reads).
pub fn save_text(text: &str, content_type: &str, file_name: &str) -> Result<(), ApiError> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(content_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| ApiError::Unexpected { status: 200 })?;
    save_blob(&blob, file_name)
}

/// Downloads a file that is asked for with a JSON body (`POST /api/v1{path}`): a reporter's own
/// document, with the ticket code and access key in the body rather than in a URL. The file is
/// named as the server's `Content-Disposition` says, or `file_name` when it says nothing.
pub async fn download_post<B: Serialize + ?Sized>(
    path: &str,
    body: &B,
    token: Option<&str>,
    file_name: &str,
    lang: Lang,
) -> Result<(), ApiError> {
    use wasm_bindgen::JsCast;

    let url = format!("{API}{path}");
    let mut builder = RequestBuilder::new(&url)
        .method(Method::POST)
        .header("Accept", "application/pdf, application/problem+json")
        .header("Accept-Language", lang.code());
    if let Some(token) = token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let request = builder.json(body).map_err(|e| ApiError::Network(e.to_string()))?;
    let response = request.send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    let status = response.status();
    if !(200..300).contains(&status) {
        let text = response.text().await.unwrap_or_default();
        return match decode::<serde::de::IgnoredAny>(status, &text) {
            Err(e) => Err(e),
            Ok(_) => Err(ApiError::Unexpected { status }),
        };
    }
    let name = response
        .headers()
        .get("content-disposition")
        .and_then(|v| disposition_file_name(&v))
        .unwrap_or_else(|| file_name.to_string());
    let failed = |_| ApiError::Unexpected { status };
    let raw: web_sys::Response = response.into();
    let promise = raw.blob().map_err(failed)?;
    let blob: web_sys::Blob = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| failed(wasm_bindgen::JsValue::NULL))?;
    save_blob(&blob, &name)
}

/// The `filename="…"` of a `Content-Disposition` header (plain names only: no path parts).
fn disposition_file_name(header: &str) -> Option<String> {
    let value = header.split(';').map(str::trim).find_map(|part| part.strip_prefix("filename="))?;
    let name = value.trim_matches('"').trim();
    let safe = !name.is_empty() && !name.contains(['/', '\\']) && !name.starts_with('.');
    safe.then(|| name.to_string())
}

/// Hands a `Blob` to the browser as a download named `file_name` (a temporary `blob:` URL and an
/// `<a download>` clicked once).
fn save_blob(blob: &web_sys::Blob, file_name: &str) -> Result<(), ApiError> {
    use wasm_bindgen::JsCast;

    let failed = |_| ApiError::Unexpected { status: 200 };
    let object_url = web_sys::Url::create_object_url_with_blob(blob).map_err(failed)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(ApiError::Unexpected { status: 200 })?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(failed)?.dyn_into().map_err(|_| failed(wasm_bindgen::JsValue::NULL))?;
    anchor.set_href(&object_url);
    anchor.set_download(file_name);
    anchor.set_rel("noopener");
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
    }
    anchor.click();
    anchor.remove();
    // Give the browser time to start the download before the URL goes away.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&object_url);
    })
    .forget();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_from_disposition() {
        assert_eq!(
            disposition_file_name("attachment; filename=\"Sertifikat-Apresiasi-TTIS-2026-000123.pdf\"").as_deref(),
            Some("Sertifikat-Apresiasi-TTIS-2026-000123.pdf")
        );
        assert_eq!(disposition_file_name("attachment").as_deref(), None);
        assert_eq!(disposition_file_name("attachment; filename=\"../x.pdf\"").as_deref(), None);
    }
}
