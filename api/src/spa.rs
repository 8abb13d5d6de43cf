//! Serving the built SPA: files from `TTIS_WEB_DIR`, and a page for every other path that is not
//! the API (client-side routes such as `/staff/login` are deep links): `staff.html` (the staff
//! build) for `/staff` and `/staff/...`, `index.html` (the public build, without the staff area)
//! for the rest.

use std::path::PathBuf;

use actix_files::{Files, NamedFile};
use actix_web::HttpResponse;
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use ttis_shared::Lang;

use crate::error::ApiError;

/// Whether `path` is in the staff area, whose pages come from the staff build.
fn is_staff_path(path: &str) -> bool {
    path == "/staff" || path.starts_with("/staff/")
}

pub fn service(web_dir: PathBuf) -> Files {
    let index = web_dir.join("index.html");
    let staff = web_dir.join("staff.html");
    Files::new("/", web_dir).index_file("index.html").default_handler(fn_service(move |req: ServiceRequest| {
        let index = index.clone();
        let staff = staff.clone();
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
            // A dist from before the two builds has no `staff.html`: its `index.html` holds everything.
            let page = if is_staff_path(req.path()) && staff.is_file() { &staff } else { &index };
            let res = match NamedFile::open(page) {
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

#[cfg(test)]
mod tests {
    use actix_web::test::{TestRequest, call_service, init_service};
    use actix_web::{App, body};

    use super::*;

    #[test]
    fn the_staff_area_is_staff_and_everything_under_it() {
        for path in ["/staff", "/staff/", "/staff/login", "/staff/tickets/TTIS-2026-000001"] {
            assert!(is_staff_path(path), "{path}");
        }
        for path in ["/", "/report", "/track", "/verify/abc", "/staffing", "/staff.html", "/hall-of-fame"] {
            assert!(!is_staff_path(path), "{path}");
        }
    }

    async fn page(web_dir: PathBuf, path: &str) -> (u16, String) {
        let app = init_service(App::new().service(service(web_dir))).await;
        let res = call_service(&app, TestRequest::get().uri(path).to_request()).await;
        let status = res.status().as_u16();
        let bytes = body::to_bytes(res.into_body()).await.unwrap_or_default();
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }

    fn web_dir(name: &str, staff: bool) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ttis-spa-{name}-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("index.html"), "public page");
        if staff {
            let _ = std::fs::write(dir.join("staff.html"), "staff page");
        }
        dir
    }

    #[actix_web::test]
    async fn staff_paths_get_the_staff_build_and_the_rest_the_public_one() {
        let dir = web_dir("both", true);
        for path in ["/staff", "/staff/login", "/staff/tickets/TTIS-2026-000001"] {
            assert_eq!(page(dir.clone(), path).await, (200, "staff page".to_string()), "{path}");
        }
        for path in ["/", "/report", "/verify/abc", "/staffing"] {
            assert_eq!(page(dir.clone(), path).await, (200, "public page".to_string()), "{path}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[actix_web::test]
    async fn without_a_staff_build_the_staff_paths_get_index_html() {
        let dir = web_dir("public-only", false);
        assert_eq!(page(dir.clone(), "/staff/login").await, (200, "public page".to_string()));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
