//! Serving the built SPA: files from `TTIS_WEB_DIR`, and `index.html` for every other path that
//! is not the API (client-side routes such as `/staff/login` are deep links).

use std::path::PathBuf;

use actix_files::{Files, NamedFile};
use actix_web::HttpResponse;
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use ttis_shared::Lang;

use crate::error::ApiError;

pub fn service(web_dir: PathBuf) -> Files {
    let index = web_dir.join("index.html");
    Files::new("/", web_dir).index_file("index.html").default_handler(fn_service(move |req: ServiceRequest| {
        let index = index.clone();
        async move {
            let (req, _) = req.into_parts();
            if req.path().starts_with("/api/") {
                let lang = req
                    .headers()
                    .get(actix_web::http::header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .map(Lang::from_accept_language)
                    .unwrap_or_default();
                // A known address with another method: 405 with the methods it takes.
                let allowed = allowed_methods(req.path());
                if !allowed.is_empty() {
                    let mut res = ApiError::MethodNotAllowed.render(lang, None);
                    if let Ok(v) = actix_web::http::header::HeaderValue::from_str(&allowed.join(", ")) {
                        res.headers_mut().insert(actix_web::http::header::ALLOW, v);
                    }
                    return Ok(ServiceResponse::new(req, res));
                }
                return Ok(ServiceResponse::new(req, ApiError::NotFound.render(lang, None)));
            }
            let res = match NamedFile::open(&index) {
                Ok(file) => file.into_response(&req),
                Err(_) => not_built(),
            };
            Ok(ServiceResponse::new(req, res))
        }
    }))
}

/// The methods the API takes at `path`, from the OpenAPI document (every route is in it).
pub fn allowed_methods(path: &str) -> Vec<String> {
    static ROUTES: std::sync::OnceLock<Vec<(Vec<String>, Vec<String>)>> = std::sync::OnceLock::new();
    let routes = ROUTES.get_or_init(|| {
        let spec = serde_json::to_value(crate::startup::openapi_document()).unwrap_or_default();
        spec["paths"]
            .as_object()
            .map(|paths| {
                paths
                    .iter()
                    .map(|(template, item)| {
                        let segments = template.split('/').map(str::to_string).collect();
                        let methods = item
                            .as_object()
                            .map(|ops| ops.keys().map(|m| m.to_uppercase()).collect())
                            .unwrap_or_default();
                        (segments, methods)
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let parts: Vec<&str> = path.split('/').collect();
    let mut allowed: Vec<String> = routes
        .iter()
        .filter(|(segments, _)| {
            segments.len() == parts.len()
                && segments.iter().zip(&parts).all(|(s, p)| (s.starts_with('{') && !p.is_empty()) || s == p)
        })
        .flat_map(|(_, methods)| methods.iter().cloned())
        .collect();
    allowed.sort();
    allowed.dedup();
    allowed
}

fn not_built() -> HttpResponse {
    HttpResponse::ServiceUnavailable().content_type("text/html; charset=utf-8").body(
        "<!doctype html><html lang=\"id\"><meta charset=\"utf-8\"><title>TTIS Lapor</title>\
         <p>Aplikasi web belum dibangun. Jalankan <code>cargo xtask run</code>.</p>\
         <p>The web app is not built. Run <code>cargo xtask run</code>.</p></html>",
    )
}
