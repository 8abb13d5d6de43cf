//! Serving the built SPA: files from `TTIS_WEB_DIR` (`assets`: the precompressed copy the
//! browser accepts, a year of caching for content-hashed names), and a page for every other path
//! that is not the API (client-side routes such as `/staff/login` are deep links): `staff.html`
//! (the staff build) for `/staff` and `/staff/...`, `index.html` (the public build, without the
//! staff area) for the rest. The pages are filled with this deployment's names (`page`) and sent
//! with `no-cache`, gzipped when the browser accepts it.

mod assets;
mod page;

use std::path::PathBuf;
use std::sync::Arc;

use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::header::{self, ContentEncoding, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse};
use page::{Page, Pages};
use ttis_shared::Lang;

use crate::config::SiteSettings;
use crate::error::ApiError;

const INDEX: &str = "index.html";
const STAFF: &str = "staff.html";

/// Whether `path` is in the staff area, whose pages come from the staff build.
fn is_staff_path(path: &str) -> bool {
    path == "/staff" || path.starts_with("/staff/")
}

/// The built SPA of one web dir, with its pages filled for this deployment.
pub struct Spa {
    dir: PathBuf,
    pages: Pages,
}

impl Spa {
    pub fn new(dir: PathBuf, site: &SiteSettings) -> Spa {
        Spa { pages: Pages::new(dir.clone(), site), dir }
    }
}

/// The service for every request no route took: the API's 404 and 405 problems, the SPA's files
/// and its pages.
pub fn service(
    spa: Arc<Spa>,
) -> impl actix_web::dev::ServiceFactory<
    ServiceRequest,
    Config = (),
    Response = ServiceResponse,
    Error = actix_web::Error,
    InitError = (),
> {
    fn_service(move |req: ServiceRequest| {
        let spa = spa.clone();
        async move {
            let (req, _) = req.into_parts();
            let res = respond(&spa, &req);
            Ok(ServiceResponse::new(req, res))
        }
    })
}

fn respond(spa: &Spa, req: &HttpRequest) -> HttpResponse {
    let path = req.path();
    if path.starts_with("/api/") {
        return api_fallback(req);
    }
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return HttpResponse::MethodNotAllowed()
            .insert_header((header::ALLOW, "GET, HEAD"))
            .content_type("text/plain; charset=utf-8")
            .body("GET or HEAD only.");
    }
    let page = match path {
        "/" | "/index.html" => INDEX,
        "/staff.html" => STAFF,
        _ => match assets::file_for(&spa.dir, path) {
            Some(file) => return assets::send(req, &file),
            None if is_staff_path(path) => STAFF,
            None => INDEX,
        },
    };
    // A dist from before the two builds has no `staff.html`: its `index.html` holds everything.
    match spa.pages.get(page).or_else(|| spa.pages.get(INDEX)) {
        Some(page) => send_page(req, &page),
        None => not_built(),
    }
}

/// An unknown API address: `405` with `Allow` for a known one asked with another method, else `404`.
fn api_fallback(req: &HttpRequest) -> HttpResponse {
    let lang = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default();
    let base = req
        .app_data::<actix_web::web::Data<crate::state::AppState>>()
        .map(|s| s.settings.public_url.clone())
        .unwrap_or_default();
    let allowed = allowed_methods(req.path());
    if allowed.is_empty() {
        return ApiError::NotFound.render(lang, None, &base);
    }
    let mut res = ApiError::MethodNotAllowed.render(lang, None, &base);
    if let Ok(v) = HeaderValue::from_str(&allowed.join(", ")) {
        res.headers_mut().insert(header::ALLOW, v);
    }
    res
}

/// Whether the request's `If-None-Match` names `etag` (weakly compared, as for `GET`).
fn not_modified(req: &HttpRequest, etag: &str) -> bool {
    let Some(value) = req.headers().get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    value.split(',').map(str::trim).any(|tag| tag == "*" || tag.trim_start_matches("W/") == etag)
}

/// A page: gzipped when the browser takes it, `no-cache` (always revalidated, so a new build's
/// asset names reach the browser at once), with an ETag for the revalidation.
fn send_page(req: &HttpRequest, page: &Page) -> HttpResponse {
    let gzip = page.gzip.as_ref().filter(|_| assets::negotiate(req, false, true) == ContentEncoding::Gzip);
    let etag = if gzip.is_some() { page.gzip_etag() } else { page.etag.clone() };
    let status = if not_modified(req, &etag) { StatusCode::NOT_MODIFIED } else { StatusCode::OK };
    let mut res = HttpResponse::build(status);
    res.insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, assets::REVALIDATE))
        .insert_header((header::ETAG, etag))
        .insert_header((header::VARY, "accept-encoding"));
    if gzip.is_some() {
        res.insert_header((header::CONTENT_ENCODING, "gzip"));
    }
    match (status, gzip) {
        (StatusCode::NOT_MODIFIED, _) => res.finish(),
        (_, Some(body)) => res.body(body.clone()),
        (_, None) => res.body(page.body.clone()),
    }
}

/// The methods the API takes at `path`, from the OpenAPI document (every route is in it).
pub fn allowed_methods(path: &str) -> Vec<String> {
    static ROUTES: std::sync::OnceLock<Vec<(Vec<String>, Vec<String>)>> = std::sync::OnceLock::new();
    let routes = ROUTES.get_or_init(|| {
        let spec = serde_json::to_value(crate::routes::openapi_document()).unwrap_or_default();
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

    fn site() -> SiteSettings {
        crate::config::Settings::load_from(&std::collections::HashMap::from([(
            "TTIS_DATA_DIR".to_string(),
            std::env::temp_dir().join(format!("ttis-spa-site-{}", std::process::id())).display().to_string(),
        )]))
        .map(|s| s.site)
        .unwrap_or_else(|e| panic!("{e:#}"))
    }

    async fn page(web_dir: PathBuf, path: &str) -> (u16, String) {
        let spa = Arc::new(Spa::new(web_dir, &site()));
        let app = init_service(App::new().default_service(service(spa))).await;
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
