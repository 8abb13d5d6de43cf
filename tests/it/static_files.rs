//! How the SPA and the API's answers travel: precompressed files chosen by `Accept-Encoding`
//! (with `Content-Encoding` and `Vary`), a year of immutable caching for content-hashed names,
//! `no-cache` for the pages, the pages filled with the deployment's names (loading state and
//! `<noscript>`), and gzip for API JSON above 1 KiB. On SQLite and PostgreSQL.

use std::io::Read;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use ttis_tests::must::ResponseExt;
use ttis_tests::{Backend, TestApp, workspace_root};

use crate::first_visit::spawn_deployment_on;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap_or_else(|e| panic!("not gzip: {e}"));
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli_decompressor::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .unwrap_or_else(|e| panic!("not brotli: {e}"));
    out
}

/// The asset paths a page's head names in `href="/..."` and `src="/..."`.
fn assets_named_by(html: &str) -> Vec<String> {
    let head = html.split("</head>").next().unwrap_or_default();
    let mut out = Vec::new();
    for attr in ["href=\"/", "src=\"/"] {
        for part in head.split(attr).skip(1) {
            let path = part.split('"').next().unwrap_or_default();
            if !path.is_empty() && !path.starts_with('/') {
                out.push(format!("/{path}"));
            }
        }
    }
    out
}

async fn get(app: &TestApp, path: &str, accept_encoding: Option<&str>) -> reqwest::Response {
    let mut req = app.client.get(app.url(path));
    if let Some(ae) = accept_encoding {
        req = req.header("accept-encoding", ae);
    }
    req.send().await.unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

async fn the_spa_travels_compressed_and_cached(app: TestApp) {
    let dist = workspace_root().join("web/dist");
    assert!(dist.join("index.html").exists(), "the SPA is not built; run `cargo xtask build-web`");

    // The pages: filled for this deployment, gzipped on request, always revalidated.
    let page = get(&app, "/report", Some("gzip, deflate, br")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let headers = page.headers().clone();
    assert_eq!(header(&headers, "cache-control"), "no-cache");
    assert!(header(&headers, "content-type").starts_with("text/html"), "{headers:?}");
    assert_eq!(header(&headers, "content-encoding"), "gzip");
    assert!(header(&headers, "vary").to_ascii_lowercase().contains("accept-encoding"), "{headers:?}");
    let html = String::from_utf8(gunzip(&page.body_bytes().await)).unwrap_or_default();
    assert!(html.contains("Dinas Komunikasi, Informatika dan Persandian"), "the agency in the loading state");
    assert!(!html.contains("{{"), "every placeholder filled");
    assert!(!html.contains("Kutai Kartanegara"), "no other agency's name");
    let noscript: String =
        html.split("<noscript>").skip(1).filter_map(|s| s.split("</noscript>").next()).collect::<Vec<_>>().join("\n");
    for needle in ["mailto:lapor-insiden@kalteng.go.id", "mailto:csirt@kalteng.go.id", "JavaScript"] {
        assert!(noscript.contains(needle), "{needle} in the <noscript> block: {noscript}");
    }

    let plain = get(&app, "/", None).await;
    let etag = header(plain.headers(), "etag").to_string();
    assert!(header(plain.headers(), "content-encoding").is_empty(), "identity without Accept-Encoding");
    let again =
        app.client.get(app.url("/")).header("if-none-match", &etag).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "revalidated with {etag}");

    let staff = String::from_utf8(get(&app, "/staff/login", None).await.body_bytes().await).unwrap_or_default();
    let public_assets = assets_named_by(&html);
    let staff_assets = assets_named_by(&staff);
    assert!(staff_assets.iter().any(|a| a.contains("ttis_web_staff")), "the staff page loads the staff build");
    assert!(!public_assets.iter().any(|a| a.contains("ttis_web_staff")), "the public page does not");

    // Every asset a page names: hashed, immutable, the best encoding the request takes.
    let mut hashed = 0;
    for path in public_assets.iter().chain(&staff_assets) {
        let name = path.trim_start_matches('/');
        let raw = std::fs::read(dist.join(name)).unwrap_or_else(|e| panic!("{path} is not in web/dist: {e}"));
        let res = get(&app, path, Some("gzip, deflate, br, zstd")).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let h = res.headers().clone();
        let body = res.body_bytes().await;
        if path.ends_with(".svg") {
            assert_eq!(header(&h, "cache-control"), "public, max-age=86400", "{path}: the icon keeps its name");
            continue;
        }
        hashed += 1;
        assert_eq!(header(&h, "cache-control"), IMMUTABLE, "{path}");
        assert!(header(&h, "vary").to_ascii_lowercase().contains("accept-encoding"), "{path}: {h:?}");
        assert_eq!(header(&h, "content-encoding"), "br", "{path}");
        assert_eq!(unbrotli(&body), raw, "{path}: the brotli copy is the file");
        if path.ends_with(".wasm") {
            assert_eq!(header(&h, "content-type"), "application/wasm", "{path}: streaming compilation needs it");
        }

        let gz = get(&app, path, Some("gzip")).await;
        assert_eq!(header(gz.headers(), "content-encoding"), "gzip", "{path}");
        assert_eq!(gunzip(&gz.body_bytes().await), raw, "{path}: the gzip copy is the file");
        let refused = get(&app, path, Some("br;q=0, gzip;q=0")).await;
        assert!(
            header(refused.headers(), "content-encoding").is_empty(),
            "{path}: identity when nothing else is taken"
        );
        assert_eq!(refused.body_bytes().await, raw, "{path}");
    }
    // Both wasm files, both bindings, both boot scripts, the stylesheet (named by both pages).
    assert!(hashed >= 8, "hashed assets named by the pages: {public_assets:?} {staff_assets:?}");

    // API JSON above 1 KiB is gzipped on request; small answers and callers without gzip are not.
    let big = get(&app, "/api/v1/categories", Some("gzip")).await;
    assert_eq!(big.status(), StatusCode::OK);
    assert_eq!(header(big.headers(), "content-encoding"), "gzip");
    assert!(header(big.headers(), "vary").to_ascii_lowercase().contains("accept-encoding"));
    let json = gunzip(&big.body_bytes().await);
    assert!(json.len() > 1024, "the categories are more than 1 KiB ({} bytes)", json.len());
    let parsed: serde_json::Value = serde_json::from_slice(&json).unwrap_or_default();
    assert!(parsed["items"].as_array().is_some_and(|a| !a.is_empty()), "{parsed}");
    let unasked = get(&app, "/api/v1/categories", None).await;
    assert!(header(unasked.headers(), "content-encoding").is_empty());
    assert_eq!(unasked.body_bytes().await, json);
    let small = get(&app, "/api/v1/reports/challenge", Some("gzip")).await;
    assert_eq!(small.status(), StatusCode::OK);
    let small_h = small.headers().clone();
    assert!(small.body_bytes().await.len() <= 1024);
    assert!(header(&small_h, "content-encoding").is_empty(), "answers up to 1 KiB stay as they are");
    let spec = get(&app, "/api/openapi.json", Some("gzip")).await;
    assert_eq!(header(spec.headers(), "content-encoding"), "gzip", "the OpenAPI document too");
    let problem = get(&app, "/api/v1/no-such-thing", Some("gzip")).await;
    assert_eq!(problem.status(), StatusCode::NOT_FOUND, "unknown API addresses are still problems");
}

#[tokio::test]
async fn the_spa_travels_compressed_and_cached_sqlite() {
    the_spa_travels_compressed_and_cached(spawn_deployment_on(Backend::Sqlite).await).await;
}

#[tokio::test]
async fn the_spa_travels_compressed_and_cached_postgres() {
    the_spa_travels_compressed_and_cached(spawn_deployment_on(Backend::Postgres).await).await;
}
