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

fn not_built() -> HttpResponse {
    HttpResponse::ServiceUnavailable().content_type("text/html; charset=utf-8").body(
        "<!doctype html><html lang=\"id\"><meta charset=\"utf-8\"><title>TTIS Lapor</title>\
         <p>Aplikasi web belum dibangun. Jalankan <code>cargo xtask run</code>.</p>\
         <p>The web app is not built. Run <code>cargo xtask run</code>.</p></html>",
    )
}
