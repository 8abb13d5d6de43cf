//! Receiving a report as `multipart/form-data`: the `report` part (JSON) and `evidence` file parts,
//! streamed to the evidence store's incoming folder with the size limits enforced while streaming
//! (nothing is buffered whole), hashed, and typed by content.

use std::path::PathBuf;

use actix_multipart::Multipart;
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use crate::error::ApiError;
use crate::services::pdf_check::{self, PdfRefusal};
use crate::services::sniff::{self, EvidenceType, TextCheck};

/// An evidence file received and checked, waiting in the store's incoming folder.
#[derive(Debug)]
pub struct Upload {
    pub file_name: String,
    pub temp_path: PathBuf,
    pub content_type: &'static str,
    pub size: u64,
    pub sha256: String,
    pub metadata_stripped: bool,
    /// A PDF's external links (`/URI` actions), for the analyst to see before opening it.
    pub external_links: Vec<String>,
}

pub const MAX_FILES: usize = 20;

pub struct Limits {
    pub json: usize,
    pub file: u64,
    pub total: u64,
    /// The longest wait for the next piece of the body.
    pub idle: std::time::Duration,
    /// clamd's `host:port` when evidence is to be scanned.
    pub clamd: Option<String>,
}

/// The next item of a stream, or `408` when it keeps the server waiting longer than `idle`.
async fn next_within<S: futures_util::Stream + Unpin>(
    stream: &mut S,
    idle: std::time::Duration,
) -> Result<Option<S::Item>, ApiError> {
    tokio::time::timeout(idle, stream.next()).await.map_err(|_| ApiError::BodyTimeout)
}

/// A file name for display: the last path segment, without control characters, at most 200 characters.
pub fn sanitize_file_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String =
        last.chars().filter(|c| !hidden(*c)).collect::<String>().trim().trim_start_matches('.').to_string();
    let cleaned: String = cleaned.chars().take(200).collect();
    if cleaned.is_empty() { "bukti".to_string() } else { cleaned }
}

/// Characters that change how a name reads without showing themselves: control characters, the
/// bidirectional overrides and isolates (`invoice<RLO>gnp.exe` reads as `invoiceexe.png`), and
/// the other invisible format characters (zero-width spaces and joiners, the BOM).
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{FEFF}' | '\u{00AD}' | '\u{061C}' | '\u{180E}')
}

/// The name a file is kept under: its extension is one of its sniffed type's, or the type's own
/// is added (`page.html` sniffed as text becomes `page.html.txt`), so no name claims a type the
/// content is not.
pub fn name_for_type(name: &str, kind: EvidenceType) -> String {
    let fits = name
        .rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && kind.extensions().iter().any(|e| e.eq_ignore_ascii_case(ext)));
    if fits {
        return name.to_string();
    }
    let ext = kind.extensions().first().copied().unwrap_or("bin");
    // Still at most 200 characters, the type's extension kept.
    let stem: String = name.chars().take(200 - ext.len() - 1).collect();
    format!("{stem}.{ext}")
}

fn multipart_error(e: actix_multipart::MultipartError) -> ApiError {
    ApiError::MalformedBody(format!("multipart: {e}"))
}

/// Reads the whole multipart body: `(the report part's bytes, the evidence files)`. On error, files
/// written so far are removed.
pub async fn receive(
    mut multipart: Multipart,
    incoming: &std::path::Path,
    limits: &Limits,
    json_part: &str,
) -> Result<(Option<Vec<u8>>, Vec<Upload>), ApiError> {
    let mut uploads: Vec<Upload> = Vec::new();
    let mut broken = false;
    let result = receive_into(&mut multipart, incoming, limits, json_part, &mut uploads, &mut broken).await;
    match result {
        Ok(report) => Ok((report, uploads)),
        Err(e) => {
            for u in &uploads {
                let _ = tokio::fs::remove_file(&u.temp_path).await;
            }
            // Drain what the client still sends, so it reads our answer instead of a reset; a
            // stream that already failed must not be polled again (the parser panics).
            if !broken {
                while let Some(Ok(mut field)) = multipart.next().await {
                    while let Some(Ok(_)) = field.next().await {}
                }
            }
            Err(e)
        }
    }
}

async fn receive_into(
    multipart: &mut Multipart,
    incoming: &std::path::Path,
    limits: &Limits,
    json_part: &str,
    uploads: &mut Vec<Upload>,
    broken: &mut bool,
) -> Result<Option<Vec<u8>>, ApiError> {
    let mut report: Option<Vec<u8>> = None;
    let mut total: u64 = 0;
    while let Some(field) = next_within(multipart, limits.idle).await.inspect_err(|_| *broken = true)? {
        let mut field = field.map_err(|e| {
            *broken = true;
            multipart_error(e)
        })?;
        match field.name().unwrap_or("") {
            name if name == json_part => {
                let mut buf = Vec::new();
                while let Some(chunk) = next_within(&mut field, limits.idle).await.inspect_err(|_| *broken = true)? {
                    let chunk = chunk.map_err(|e| {
                        *broken = true;
                        multipart_error(e)
                    })?;
                    if buf.len() + chunk.len() > limits.json {
                        return Err(ApiError::PayloadTooLarge);
                    }
                    buf.extend_from_slice(&chunk);
                }
                report = Some(buf);
            }
            "evidence" => {
                if uploads.len() >= MAX_FILES {
                    return Err(ApiError::InvalidBody(format!("at most {MAX_FILES} evidence files per report")));
                }
                let name =
                    sanitize_file_name(field.content_disposition().and_then(|cd| cd.get_filename()).unwrap_or(""));
                let temp_path = incoming.join(uuid::Uuid::new_v4().to_string());
                // Registered before writing, so an error below removes the partial file too.
                uploads.push(Upload {
                    file_name: name.clone(),
                    temp_path: temp_path.clone(),
                    content_type: "",
                    size: 0,
                    sha256: String::new(),
                    metadata_stripped: false,
                    external_links: Vec::new(),
                });
                let mut file = tokio::fs::File::create(&temp_path).await.map_err(|e| ApiError::Internal(e.into()))?;
                let mut hasher = Sha256::new();
                let mut size: u64 = 0;
                let mut head: Vec<u8> = Vec::with_capacity(sniff::SNIFF_LEN);
                let mut text = TextCheck::default();
                while let Some(chunk) = next_within(&mut field, limits.idle).await.inspect_err(|_| *broken = true)? {
                    let chunk = chunk.map_err(|e| {
                        *broken = true;
                        multipart_error(e)
                    })?;
                    size += chunk.len() as u64;
                    if size > limits.file {
                        return Err(ApiError::FileTooLarge(name));
                    }
                    if total + size > limits.total {
                        return Err(ApiError::ReportTooLarge);
                    }
                    if head.len() < sniff::SNIFF_LEN {
                        let take = (sniff::SNIFF_LEN - head.len()).min(chunk.len());
                        head.extend_from_slice(&chunk[..take]);
                    }
                    hasher.update(&chunk);
                    text.feed(&chunk);
                    file.write_all(&chunk).await.map_err(|e| ApiError::Internal(e.into()))?;
                }
                total += size;
                let kind = match sniff::detect(&head) {
                    Some(EvidenceType::Text) if !text.is_text() => None,
                    other => other,
                };
                let Some(kind) = kind else {
                    return Err(ApiError::UnsupportedFileType(name));
                };
                file.sync_all().await.map_err(|e| ApiError::Internal(e.into()))?;
                drop(file);
                let external_links = match kind {
                    EvidenceType::Pdf => check_pdf(&temp_path, &name).await?,
                    _ => Vec::new(),
                };
                let mut sha = hex::encode(hasher.finalize());
                if sniff::strips(kind) {
                    let data = tokio::fs::read(&temp_path).await.map_err(|e| ApiError::Internal(e.into()))?;
                    if let Some(clean) = sniff::strip_metadata(kind, &data) {
                        size = clean.len() as u64;
                        sha = hex::encode(Sha256::digest(&clean));
                        let mut f =
                            tokio::fs::File::create(&temp_path).await.map_err(|e| ApiError::Internal(e.into()))?;
                        f.write_all(&clean).await.map_err(|e| ApiError::Internal(e.into()))?;
                        f.sync_all().await.map_err(|e| ApiError::Internal(e.into()))?;
                    }
                }
                if let Some(addr) = &limits.clamd {
                    match crate::services::clamav::scan_file(addr, &temp_path).await {
                        Ok(crate::services::clamav::Verdict::Clean) => {}
                        Ok(crate::services::clamav::Verdict::Infected(signature)) => {
                            tracing::warn!(file = %name, signature, "evidence refused by the virus scanner");
                            return Err(ApiError::Malware(name));
                        }
                        Err(e) => {
                            tracing::error!(error = %e, "virus scanner unavailable");
                            return Err(ApiError::ScannerUnavailable);
                        }
                    }
                }
                if let Some(last) = uploads.last_mut() {
                    last.file_name = name_for_type(&name, kind);
                    last.content_type = kind.mime();
                    last.size = size;
                    last.sha256 = sha;
                    last.metadata_stripped = sniff::strips(kind);
                    last.external_links = external_links;
                }
            }
            other => {
                return Err(ApiError::InvalidBody(format!("unknown part `{other}`: expected `report` and `evidence`")));
            }
        }
    }
    Ok(report)
}

/// Evidence is to be read, not run: a PDF is parsed object by object and refused when it carries
/// active content or cannot be parsed. Its external links are returned.
async fn check_pdf(path: &std::path::Path, name: &str) -> Result<Vec<String>, ApiError> {
    let data = tokio::fs::read(path).await.map_err(|e| ApiError::Internal(e.into()))?;
    let verdict = tokio::task::spawn_blocking(move || pdf_check::inspect(&data))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    match verdict {
        Ok(findings) => Ok(findings.external_links),
        Err(PdfRefusal::ActiveContent(feature)) => {
            tracing::warn!(file = %name, feature, "evidence PDF refused: active content");
            Err(ApiError::PdfActiveContent { file: name.to_string(), feature })
        }
        Err(PdfRefusal::Unreadable) => Err(ApiError::PdfUnreadable(name.to_string())),
    }
}

/// Removes uploads that will not be used.
pub async fn discard(uploads: &[Upload]) {
    for u in uploads {
        let _ = tokio::fs::remove_file(&u.temp_path).await;
    }
}

/// Reads a body that is either `application/json` or `multipart/form-data` with a JSON part named
/// `json_part` and `evidence` files: `(the JSON bytes, the files)`.
pub async fn read_json_or_multipart(
    req: &actix_web::HttpRequest,
    payload: actix_web::web::Payload,
    incoming: &std::path::Path,
    limits: &Limits,
    json_part: &str,
) -> Result<(Vec<u8>, Vec<Upload>), ApiError> {
    let content_type = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let (json, uploads) = receive(Multipart::new(req.headers(), payload), incoming, limits, json_part).await?;
        match json {
            Some(j) => Ok((j, uploads)),
            None => {
                discard(&uploads).await;
                Err(ApiError::Validation(vec![crate::error::FieldIssue {
                    field: json_part.into(),
                    violation: ttis_shared::validation::Violation::Required,
                }]))
            }
        }
    } else if content_type.starts_with("application/json") {
        let mut payload = payload;
        let mut body = Vec::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|e| ApiError::MalformedBody(e.to_string()))?;
            if body.len() + chunk.len() > limits.json {
                return Err(ApiError::PayloadTooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        Ok((body, Vec::new()))
    } else {
        Err(ApiError::UnsupportedMediaType)
    }
}

/// Reads a raw request body of at most `max` bytes into memory (small files: a logo, a PDF to
/// check), refusing a larger one with `413` as soon as it passes the limit.
pub async fn read_limited(mut payload: actix_web::web::Payload, max: usize) -> Result<Vec<u8>, ApiError> {
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::MalformedBody(e.to_string()))?;
        if body.len() + chunk.len() > max {
            return Err(ApiError::PayloadTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::{name_for_type, sanitize_file_name};

    #[test]
    fn file_names_cannot_name_paths() {
        assert_eq!(sanitize_file_name("../../etc/passwd"), "passwd");
        assert_eq!(sanitize_file_name("C:\\\\Users\\\\a\\\\shot.png"), "shot.png");
        assert_eq!(sanitize_file_name("a\0b\nc.png"), "abc.png");
        assert_eq!(sanitize_file_name(".."), "bukti");
        assert_eq!(sanitize_file_name(""), "bukti");
        assert_eq!(sanitize_file_name(&"x".repeat(500)).len(), 200);
        assert_eq!(sanitize_file_name("invoice\u{202E}gnp.exe"), "invoicegnp.exe", "no right-to-left override");
        assert_eq!(sanitize_file_name("a\u{200B}b\u{2066}c\u{FEFF}.png"), "abc.png");
    }

    #[test]
    fn a_kept_name_carries_its_sniffed_type() {
        use crate::services::sniff::EvidenceType;
        assert_eq!(name_for_type("page.html", EvidenceType::Text), "page.html.txt");
        assert_eq!(name_for_type("evil.svg", EvidenceType::Text), "evil.svg.txt");
        assert_eq!(name_for_type("log.TXT", EvidenceType::Text), "log.TXT");
        assert_eq!(name_for_type("shot.jpeg", EvidenceType::Jpeg), "shot.jpeg");
        assert_eq!(name_for_type("shot.png", EvidenceType::Jpeg), "shot.png.jpg");
        assert_eq!(name_for_type("bukti", EvidenceType::Pdf), "bukti.pdf");
        assert_eq!(name_for_type(&"a".repeat(200), EvidenceType::Text).chars().count(), 200);
    }
}
