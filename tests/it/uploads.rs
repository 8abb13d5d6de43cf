//! Upload attacks: a corpus of hostile evidence files against the real server. Each is refused
//! or neutralised, nothing lands outside the evidence store, and the server stays up.

use std::io::Write;

use reqwest::StatusCode;
use serde_json::Value;
use ttis_tests::must::{ResponseExt, array_at, i64_at, str_at};
use ttis_tests::{Backend, TestApp, problem, sample_report};

/// A ZIP archive of one file of `size` zero bytes, stored with DEFLATE (an archive bomb in small).
fn zip_bomb(size: usize) -> Vec<u8> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(&vec![0u8; size]);
    let data = encoder.finish().unwrap_or_default();
    let mut zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec();
    zip.extend_from_slice(&[0; 16]);
    zip.extend_from_slice(&(1u16).to_le_bytes());
    zip.extend_from_slice(&[0, 0]);
    zip.push(b'z');
    zip.extend_from_slice(&data);
    zip
}

fn png() -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
        .unwrap_or_default()
}

#[tokio::test]
async fn hostile_uploads_are_refused_or_neutralised() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let mut refused = 0;

    // Refused: what is not evidence, or could run (PDFs have their own corpus in `pdf_evidence`).
    let refusals: Vec<(&str, Vec<u8>)> = vec![
        ("bomb.zip", zip_bomb(10 * 1024 * 1024)),
        ("foto.jpg", b"\x7fELF\x02\x01\x01\x00 an executable named like a photo".to_vec()),
        ("shell.png", b"MZ\x90\x00\x03 a windows program".to_vec()),
        ("null.txt", b"text with a NUL \x00 byte".to_vec()),
    ];
    for (name, bytes) in refusals {
        let res = app.submit_multipart(&sample_report(), vec![(name, bytes)]).await;
        assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "{name}");
        assert_eq!(problem(res).await["code"], "unsupported_file_type", "{name}");
        refused += 1;
    }
    // A NUL in a part's header is not even multipart: refused as a malformed body.
    let res = app.submit_multipart(&sample_report(), vec![("a\u{0}b.txt", b"x".to_vec())]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(problem(res).await["code"], "malformed_body");
    refused += 1;
    assert_eq!(app.count("tickets").await, 0, "a refused file refuses the report: nothing half-stored");
    assert_eq!(app.count("evidence").await, 0);

    // Neutralised: a PNG with a ZIP appended keeps the image only; names cannot climb out of the
    // store or carry control characters; a PHP script named like an image is stored as plain text.
    let mut polyglot = png();
    polyglot.extend_from_slice(b"PK\x03\x04\x14\x00 a zip archive hidden after the image");
    let long = format!("{}.txt", "a".repeat(1000));
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("polyglot.png", polyglot),
        ("../../../../etc/passwd", b"root:x:0:0:root:/root:/bin/bash\n".to_vec()),
        ("..\\..\\windows\\win.ini", b"[fonts]\n".to_vec()),
        ("tab\there.txt", b"a tab in the name\n".to_vec()),
        (&long, b"a very long name\n".to_vec()),
        ("shell.php.png", b"<?php system($_GET['c']); ?>\n".to_vec()),
    ];
    let res = app.submit_multipart(&sample_report(), files).await;
    let status = res.status();
    if status != StatusCode::CREATED {
        panic!("{status}: {}", res.text().await.unwrap_or_default());
    }
    let receipt: Value = res.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    let detail: Value = app.get(&format!("/api/v1/tickets/{code}"), Some(&analyst)).await.json_body().await;
    let evidence = array_at(&detail, "/evidence").clone();
    let names: Vec<&str> = evidence.iter().filter_map(|e| e["file_name"].as_str()).collect();
    assert_eq!(names[1], "passwd.txt", "the kept name carries the sniffed type");
    assert_eq!(names[2], "win.ini.txt");
    assert_eq!(names[3], "tabhere.txt", "control characters are dropped");
    assert_eq!(names[4].chars().count(), 200);
    assert!(names[4].ends_with(".txt"));
    assert_eq!(names[5], "shell.php.png.txt");
    assert_eq!(evidence[5]["content_type"], "text/plain", "typed by content, not by name");
    let id = i64_at(&evidence[0], "/id");
    let stored = app.get(&format!("/api/v1/tickets/{code}/evidence/{id}"), Some(&analyst)).await;
    let disposition = stored.headers().get("content-disposition").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let bytes = stored.body_bytes().await;
    assert_eq!(bytes, png(), "the ZIP after the image is gone");

    // Nothing outside the store: only the database, secrets, mail and the store's own folders.
    let walk = |dir: &std::path::Path| -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push(p.strip_prefix(dir).map(|r| r.display().to_string()).unwrap_or_default());
                }
            }
        }
        out
    };
    let files = walk(app.data_dir.path());
    for f in &files {
        let allowed = f.starts_with("evidence/")
            || f.starts_with("mail/")
            || f.starts_with("ttis.db")
            || ["jwt-secret", "signing-key"].contains(&f.as_str());
        assert!(allowed, "{f} is outside the evidence store");
        assert!(!f.contains("passwd") && !f.contains("win.ini"), "{f}: stored under a server name only");
    }
    assert_eq!(walk(&app.data_dir.path().join("evidence/.incoming")).len(), 0, "no leftovers");
    assert_eq!(app.get("/api/v1/health", None).await.status(), StatusCode::OK, "the server is up");
    println!("upload attack corpus: {refused} files refused, 6 neutralised");
}

/// A body that stops arriving is cut off with `408` once the upload falls silent, and what came
/// of it is removed.
#[tokio::test]
async fn a_body_that_never_ends_is_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::spawn_with(Backend::Sqlite, |env| {
        env.insert("TTIS_UPLOAD_IDLE_SECS".into(), "1".into());
    })
    .await;
    let mut socket = tokio::net::TcpStream::connect(("127.0.0.1", app.port)).await.unwrap_or_else(|e| panic!("{e}"));
    let head = "POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n\
                Content-Length: 10000000\r\n\r\n--XyZ\r\nContent-Disposition: form-data; name=\"evidence\"; \
                filename=\"log.txt\"\r\n\r\nGET /shell.php 200\n";
    socket.write_all(head.as_bytes()).await.unwrap_or_else(|e| panic!("{e}"));
    let mut answer = vec![0u8; 1024];
    let read = tokio::time::timeout(std::time::Duration::from_secs(15), socket.read(&mut answer)).await;
    let n = read.unwrap_or_else(|_| panic!("the server kept waiting")).unwrap_or(0);
    let text = String::from_utf8_lossy(&answer[..n]).to_string();
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.contains("body_timeout"), "{text}");
    assert_eq!(app.count("evidence").await, 0);
    let incoming = std::fs::read_dir(app.data_dir.path().join("evidence/.incoming")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(incoming, 0, "the partial file is gone");
    assert_eq!(app.get("/api/v1/health", None).await.status(), StatusCode::OK);
}
