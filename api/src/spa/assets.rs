//! The SPA's files: the precompressed copy (`.br`, `.gz`, written by `cargo xtask build-web`)
//! that the request's `Accept-Encoding` prefers, with `Content-Encoding` and `Vary`, and caching
//! by name: a content-hashed name (`ttis_web_bg.0123456789abcdef.wasm`) never changes its bytes,
//! so it is cached for a year; other files are revalidated or kept for a day.

use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::header::{
    self, AcceptEncoding, ContentEncoding, Encoding, Header, HeaderValue, TryIntoHeaderValue,
};
use actix_web::{HttpRequest, HttpResponse};

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const REVALIDATE: &str = "no-cache";
pub const ONE_DAY: &str = "public, max-age=86400";

/// Whether `name` carries a content hash: a dot-separated part of exactly 16 lower-case hex
/// digits between the stem and the extension.
pub fn is_hashed(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3
        && parts[1..parts.len() - 1]
            .iter()
            .any(|p| p.len() == 16 && p.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
}

/// How long a file may be kept: hashed names a year; code and styles under a fixed name (they must
/// match the page that loads them) revalidated each time; the rest (the icon) a day.
pub fn cache_control(name: &str) -> &'static str {
    if is_hashed(name) {
        return IMMUTABLE;
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
    if matches!(ext, "html" | "js" | "mjs" | "wasm" | "css" | "json" | "map") { REVALIDATE } else { ONE_DAY }
}

/// The file of the web dir at a request path, if it is one. Paths with hidden or empty segments,
/// `..`, backslashes or percent-escapes never name a file (asset names are plain).
pub fn file_for(dir: &Path, path: &str) -> Option<PathBuf> {
    let rel = path.strip_prefix('/')?;
    if rel.is_empty() || rel.split('/').any(|s| s.is_empty() || s.starts_with('.')) || rel.contains(['\\', '%', '\0']) {
        return None;
    }
    let file = dir.join(rel);
    file.is_file().then_some(file)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The encoding to send, among those this representation has: the request's preference (by
/// q-value, then br before gzip), identity when it names none of them.
pub fn negotiate(req: &HttpRequest, brotli: bool, gzip: bool) -> ContentEncoding {
    let mut supported = vec![Encoding::identity()];
    if brotli {
        supported.push(Encoding::brotli());
    }
    if gzip {
        supported.push(Encoding::gzip());
    }
    match AcceptEncoding::parse(req).ok().and_then(|accept| accept.negotiate(supported.iter())) {
        Some(Encoding::Known(ContentEncoding::Brotli)) if brotli => ContentEncoding::Brotli,
        Some(Encoding::Known(ContentEncoding::Gzip)) if gzip => ContentEncoding::Gzip,
        _ => ContentEncoding::Identity,
    }
}

/// Sends `file` (a file of the web dir), or its precompressed copy.
pub fn send(req: &HttpRequest, file: &Path) -> HttpResponse {
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or_default();
    let mime = actix_files::file_extension_to_mime(ext);
    let br = with_suffix(file, ".br");
    let gz = with_suffix(file, ".gz");
    let (has_br, has_gz) = (br.is_file(), gz.is_file());
    let encoding = negotiate(req, has_br, has_gz);
    let path = match encoding {
        ContentEncoding::Brotli => br,
        ContentEncoding::Gzip => gz,
        _ => file.to_path_buf(),
    };
    let named = match NamedFile::open(&path) {
        Ok(named) => named.set_content_type(mime).disable_content_disposition(),
        Err(_) => return HttpResponse::NotFound().finish(),
    };
    let named = if encoding == ContentEncoding::Identity { named } else { named.set_content_encoding(encoding) };
    let mut res = named.into_response(req);
    let headers = res.headers_mut();
    if has_br || has_gz {
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if let Ok(value) = cache_control(&name).try_into_value() {
        headers.insert(header::CACHE_CONTROL, value);
    }
    res
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    #[test]
    fn hashed_names_are_recognised() {
        for name in
            ["ttis_web_bg.0123456789abcdef.wasm", "style.fedcba9876543210.css", "boot-staff.00112233aabbccdd.js"]
        {
            assert!(is_hashed(name), "{name}");
            assert_eq!(cache_control(name), IMMUTABLE, "{name}");
        }
        for name in
            ["ttis_web_bg.wasm", "style.css", "boot.0123456789ABCDEF.js", "x.0123456789abcde.js", "0123456789abcdef.js"]
        {
            assert!(!is_hashed(name), "{name}");
        }
        assert_eq!(cache_control("boot.js"), REVALIDATE);
        assert_eq!(cache_control("favicon.svg"), ONE_DAY);
    }

    #[test]
    fn only_plain_paths_name_files() {
        let dir = std::env::temp_dir().join(format!("ttis-assets-{}", std::process::id()));
        let _ = std::fs::create_dir_all(dir.join("sub"));
        let _ = std::fs::write(dir.join("a.js"), "x");
        let _ = std::fs::write(dir.join(".hidden"), "x");
        let _ = std::fs::write(dir.join("sub/b.css"), "x");
        assert_eq!(file_for(&dir, "/a.js"), Some(dir.join("a.js")));
        assert_eq!(file_for(&dir, "/sub/b.css"), Some(dir.join("sub/b.css")));
        for path in ["/", "/sub", "/.hidden", "/sub/../a.js", "/a%2Ejs", "//a.js", "/missing.js", "a.js"] {
            assert_eq!(file_for(&dir, path), None, "{path}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_preferred_available_encoding_is_chosen() {
        let with = |accept: Option<&str>| {
            let mut req = TestRequest::get();
            if let Some(a) = accept {
                req = req.insert_header((header::ACCEPT_ENCODING, a));
            }
            req.to_http_request()
        };
        let chrome = with(Some("gzip, deflate, br, zstd"));
        assert_eq!(negotiate(&chrome, true, true), ContentEncoding::Brotli);
        assert_eq!(negotiate(&chrome, false, true), ContentEncoding::Gzip);
        assert_eq!(negotiate(&chrome, false, false), ContentEncoding::Identity);
        assert_eq!(negotiate(&with(Some("gzip")), true, true), ContentEncoding::Gzip);
        assert_eq!(negotiate(&with(Some("br;q=0, gzip;q=0.5")), true, true), ContentEncoding::Gzip);
        assert_eq!(negotiate(&with(Some("identity")), true, true), ContentEncoding::Identity);
        assert_eq!(negotiate(&with(None), true, true), ContentEncoding::Identity);
    }
}
