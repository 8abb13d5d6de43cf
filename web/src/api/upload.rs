//! The one call that cannot go through `fetch`: a report with its evidence files, sent as
//! `multipart/form-data` with `XMLHttpRequest` so the page can show upload progress.

use js_sys::{Function, Promise};
use ttis_shared::Lang;
use ttis_shared::dto::reports::{NewReport, ReportReceipt};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FormData, ProgressEvent, XmlHttpRequest};

use super::{API, ApiError, decode};

/// How far the upload has come: bytes sent and bytes to send (the whole request body).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    pub loaded: f64,
    pub total: f64,
}

impl Progress {
    /// The share sent, 0.0 to 1.0.
    pub fn fraction(self) -> f64 {
        if self.total > 0.0 { (self.loaded / self.total).clamp(0.0, 1.0) } else { 0.0 }
    }
}

fn js_err(e: JsValue) -> ApiError {
    ApiError::Network(e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// Sends `report` (as the `report` part) and `files` (as `evidence` parts, in order) to
/// `POST /api/v1/reports`, reporting upload progress to `on_progress`.
pub async fn send_report(
    report: &NewReport,
    files: &[File],
    lang: Lang,
    on_progress: impl Fn(Progress) + 'static,
) -> Result<ReportReceipt, ApiError> {
    let json = serde_json::to_string(report).map_err(|e| ApiError::Network(e.to_string()))?;
    let form = FormData::new().map_err(js_err)?;
    form.append_with_str("report", &json).map_err(js_err)?;
    for file in files {
        form.append_with_blob_and_filename("evidence", file, &file.name()).map_err(js_err)?;
    }

    let xhr = XmlHttpRequest::new().map_err(js_err)?;
    xhr.open_with_async("POST", &format!("{API}/reports"), true).map_err(js_err)?;
    xhr.set_request_header("Accept", "application/json, application/problem+json").map_err(js_err)?;
    xhr.set_request_header("Accept-Language", lang.code()).map_err(js_err)?;

    // `loadend` fires once after success, error, abort or timeout; the closures live until then.
    let mut resolve_slot: Option<Function> = None;
    let done = Promise::new(&mut |resolve, _reject| resolve_slot = Some(resolve));
    let resolve = resolve_slot.ok_or_else(|| ApiError::Network("promise".into()))?;
    let on_loadend = Closure::<dyn FnMut()>::new(move || {
        let _ = resolve.call0(&JsValue::NULL);
    });
    let on_upload_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
        if e.length_computable() {
            on_progress(Progress { loaded: e.loaded(), total: e.total() });
        }
    });
    xhr.set_onloadend(Some(on_loadend.as_ref().unchecked_ref()));
    let upload = xhr.upload().map_err(js_err)?;
    upload.set_onprogress(Some(on_upload_progress.as_ref().unchecked_ref()));

    xhr.send_with_opt_form_data(Some(&form)).map_err(js_err)?;
    let _ = JsFuture::from(done).await;
    xhr.set_onloadend(None);
    upload.set_onprogress(None);
    drop(on_loadend);
    drop(on_upload_progress);

    let status = xhr.status().map_err(js_err)?;
    if status == 0 {
        return Err(ApiError::Network("no answer".into()));
    }
    let text = xhr.response_text().map_err(js_err)?.unwrap_or_default();
    decode(status, &text)
}
