//! The request context around every request: a request id (`X-Request-Id`), the problem body in
//! the caller's language with the request id, the log line, and baseline security headers; CORS;
//! and gzip for the API's answers above 1 KiB.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage};
use ttis_shared::Lang;

use crate::error::{ApiError, PROBLEM_CONTENT_TYPE, generic_for_status};

/// The id of the current request, readable by handlers through request extensions.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

pub async fn request_context(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let request_id = uuid::Uuid::new_v4().simple().to_string();
    let lang = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default();
    let is_api = req.path().starts_with("/api/");
    let method = req.method().clone();
    let path = req.path().to_string();
    let route = req.match_pattern().unwrap_or_else(|| "unmatched".into());
    let app_state = req.app_data::<actix_web::web::Data<crate::state::AppState>>();
    let metrics = app_state.map(|s| s.metrics.clone());
    let https = app_state.is_some_and(|s| s.settings.cookies_secure());
    let base = app_state.map(|s| s.settings.public_url.clone()).unwrap_or_default();
    let server_timing = app_state.is_some_and(|s| s.settings.server_timing);
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let started = std::time::Instant::now();

    let (res, statements, db_time) = crate::statements::counted(next.call(req)).await;
    let mut res = res?.map_into_boxed_body();
    if server_timing && let Ok(v) = HeaderValue::from_str(&crate::statements::header_value(statements, db_time)) {
        res.headers_mut().insert(HeaderName::from_static("server-timing"), v);
    }
    let status = res.status();

    let replacement = match res.response().error().and_then(|e| e.as_error::<ApiError>()) {
        Some(api_error) => {
            if status.is_server_error() {
                tracing::error!(request_id = %request_id, error = %api_error.log_chain(), "request failed");
            }
            Some(api_error.render(lang, Some(&request_id), &base))
        }
        None => {
            let is_problem = res
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|ct| ct.starts_with(PROBLEM_CONTENT_TYPE));
            // A known address asked with another method: 405 with the methods it takes.
            let allowed = if is_api && status == actix_web::http::StatusCode::NOT_FOUND && !is_problem {
                crate::spa::allowed_methods(&path)
            } else {
                Vec::new()
            };
            if !allowed.is_empty() {
                let mut new = ApiError::MethodNotAllowed.render(lang, Some(&request_id), &base);
                if let Ok(v) = HeaderValue::from_str(&allowed.join(", ")) {
                    new.headers_mut().insert(header::ALLOW, v);
                }
                Some(new)
            } else if is_api && (status.is_client_error() || status.is_server_error()) && !is_problem {
                if let Some(err) = res.response().error() {
                    tracing::warn!(request_id = %request_id, error = %err, "framework error");
                }
                Some(generic_for_status(status).render(lang, Some(&request_id), &base))
            } else {
                None
            }
        }
    };
    let mut res = match replacement {
        Some(new) => res.into_response(new),
        None => res,
    };

    tracing::info!(
        request_id = %request_id, method = %method, path = %path, status = res.status().as_u16(),
        elapsed_ms = started.elapsed().as_millis() as u64, "request"
    );
    if let Some(m) = metrics {
        m.record(method.as_str(), &route, res.status().as_u16(), started.elapsed().as_secs_f64());
    }
    let headers = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        headers.insert(HeaderName::from_static("x-request-id"), v);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // The SPA is one external module and a wasm file: no inline script anywhere. Styles may be
    // inline (SVG charts); previews are blob: URLs made by the SPA itself.
    let csp = if path.starts_with("/swagger-ui") {
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    } else {
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self'; \
         base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    };
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp));
    if https {
        headers
            .insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    if is_api && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(res)
}

/// Methods and request headers a cross-origin caller may use.
const CORS_METHODS: &str = "GET, POST, PUT, PATCH, DELETE";
const CORS_HEADERS: &str = "Authorization, Content-Type, Accept-Language, Idempotency-Key";
const CORS_EXPOSE: &str = "X-Request-Id, Retry-After, Location, Content-Disposition, Allow";

/// CORS for the API, closed unless `TTIS_CORS_ORIGINS` lists the caller's origin: then preflights
/// are answered and answers carry `Access-Control-Allow-Origin` for that origin (never `*`, never
/// credentials; the refresh cookie is SameSite=Strict and stays first-party). Other origins get
/// no CORS headers, so browsers keep their answers from the calling page.
pub async fn cors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let allowed_origin =
        req.headers().get(header::ORIGIN).filter(|_| req.path().starts_with("/api/")).and_then(|origin| {
            let state = req.app_data::<actix_web::web::Data<crate::state::AppState>>()?;
            let value = origin.to_str().ok()?;
            state.settings.cors_origins.iter().any(|o| o == value).then(|| origin.clone())
        });
    let Some(origin) = allowed_origin else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let preflight = req.method() == actix_web::http::Method::OPTIONS
        && req.headers().contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut res = if preflight {
        let response = actix_web::HttpResponse::NoContent()
            .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, CORS_METHODS))
            .insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, CORS_HEADERS))
            .insert_header((header::ACCESS_CONTROL_MAX_AGE, "600"))
            .finish();
        req.into_response(response)
    } else {
        let mut res = next.call(req).await?.map_into_boxed_body();
        res.headers_mut().insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static(CORS_EXPOSE));
        res
    };
    let headers = res.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
    Ok(res)
}

/// API answers longer than this are gzipped for a caller that accepts it.
pub const COMPRESS_MIN_BYTES: usize = 1024;
/// Longer bodies are compressed on the blocking pool rather than on the worker.
const COMPRESS_OFF_WORKER_BYTES: usize = 64 * 1024;

/// Whether answers of this type are worth compressing (text; not PDFs, images or archives, which
/// are compressed already).
fn is_compressible(content_type: &str) -> bool {
    let ct = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    ct.starts_with("text/")
        || ct == "application/json"
        || ct.ends_with("+json")
        || ct == "application/javascript"
        || ct == "application/xml"
        || ct == "image/svg+xml"
}

fn accepts_gzip(req: &actix_web::HttpRequest) -> bool {
    use actix_web::http::header::{AcceptEncoding, Encoding, Header};
    AcceptEncoding::parse(req)
        .ok()
        .and_then(|accept| accept.negotiate([Encoding::identity(), Encoding::gzip()].iter()))
        .is_some_and(|e| e == Encoding::gzip())
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 4), flate2::Compression::default());
    enc.write_all(bytes)?;
    enc.finish()
}

/// gzip for the API's answers (`/api/...`: JSON, problems, CSV, the OpenAPI document) longer than
/// [`COMPRESS_MIN_BYTES`], when the request accepts it; every such answer says `Vary:
/// Accept-Encoding`. Answers that already carry a `Content-Encoding`, streamed bodies (evidence,
/// PDFs) and other types pass unchanged. The SPA's files and pages are compressed ahead of time
/// (`spa`). Outermost, so it sees the body the caller gets.
pub async fn compress(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let is_api = req.path().starts_with("/api/");
    let gzip_ok = is_api && accepts_gzip(req.request());
    let mut res = next.call(req).await?.map_into_boxed_body();
    let status = res.status();
    let candidate = is_api
        && !matches!(status.as_u16(), 204 | 206 | 304)
        && !res.headers().contains_key(header::CONTENT_ENCODING)
        && res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(is_compressible);
    if !candidate {
        return Ok(res);
    }
    res.headers_mut().append(header::VARY, HeaderValue::from_static("accept-encoding"));
    if !gzip_ok {
        return Ok(res);
    }
    let (req, res) = res.into_parts();
    let (mut res, body) = res.into_parts();
    let body = match body.try_into_bytes() {
        Ok(bytes) if bytes.len() > COMPRESS_MIN_BYTES => {
            let packed = if bytes.len() > COMPRESS_OFF_WORKER_BYTES {
                actix_web::web::block(move || gzip(&bytes)).await?
            } else {
                gzip(&bytes)
            };
            let packed = packed.map_err(actix_web::error::ErrorInternalServerError)?;
            res.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            BoxBody::new(packed)
        }
        Ok(bytes) => BoxBody::new(bytes),
        Err(body) => body,
    };
    Ok(ServiceResponse::new(req, res.set_body(body)))
}
