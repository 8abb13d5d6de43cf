//! Public reporting (SOP steps 1-3) over HTTP, as a reporter's browser or an integrator does it.

use std::collections::HashSet;

use reqwest::{Method, StatusCode};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use ttis_tests::must::{ResponseExt, array_at, str_at};
use ttis_tests::{Backend, TestApp, db_tests, problem, sample_report};

db_tests!(
    a_json_report_gets_a_ticket_code_and_can_be_tracked,
    a_multipart_report_stores_two_files_by_content_without_metadata,
    every_required_field_missing_in_turn_is_named,
    declarations_must_be_accepted,
    an_executable_renamed_png_is_refused,
    an_idempotent_retry_creates_nothing_new,
    concurrent_submissions_get_distinct_codes,
    the_outbox_row_shares_the_reports_transaction,
    the_receipt_and_the_analyst_alert_are_mailed,
    proof_of_work_is_required_and_single_use,
    similar_open_reports_are_hinted_to_staff,
    one_line_fields_refuse_line_breaks,
);

/// A line break in a one-line field could forge lines (a fake link) in an analyst's email: it is
/// refused with a field error, and nothing is stored. Texts of several lines keep theirs.
async fn one_line_fields_refuse_line_breaks(app: TestApp) {
    let forged = "\r\nLink: https://evil.example/login";
    for (pointer, value) in [
        ("/title", format!("Deface portal dinas{forged}")),
        ("/reporter/name", format!("Budi{forged}")),
        ("/reporter/organization", format!("Dinas{forged}")),
        ("/affected_asset", format!("https://dinas.go.id/{forged}")),
    ] {
        let mut report = sample_report();
        if let Some(field) = report.pointer_mut(pointer) {
            *field = json!(value);
        }
        let res = app.submit_json(&report).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{pointer}");
        let p = problem(res).await;
        let field = pointer.trim_start_matches('/').replace('/', ".");
        assert_eq!(
            (p["errors"][0]["field"].as_str(), p["errors"][0]["code"].as_str()),
            (Some(field.as_str()), Some("control_character")),
            "{p}"
        );
    }
    assert_eq!(app.count("tickets").await, 0);
    let mut report = sample_report();
    report["description"] = json!("Halaman depan berubah.\r\nBaris kedua dengan detail yang cukup panjang.");
    assert_eq!(app.submit_json(&report).await.status(), StatusCode::CREATED, "a description keeps its lines");
}

fn code_of(v: &Value) -> String {
    str_at(v, "/ticket_code").to_string()
}

async fn a_json_report_gets_a_ticket_code_and_can_be_tracked(app: TestApp) {
    let res = app.submit_json(&sample_report()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(res.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let receipt: Value = res.json_body().await;
    let code = code_of(&receipt);
    let year = chrono::Utc::now().format("%Y").to_string();
    assert_eq!(code, format!("TTIS-{year}-000001"));
    assert_eq!(receipt["status"], "submitted");
    let key = str_at(&receipt, "/access_key").to_string();
    assert_eq!(key.replace('-', "").len(), 26, "128 bits in base 32: {key}");

    let status = app
        .send_json(Method::POST, "/api/v1/reports/status", None, &json!({"ticket_code": code, "access_key": key}))
        .await;
    assert_eq!(status.status(), StatusCode::OK);
    let status: Value = status.json_body().await;
    assert_eq!(status["state"], "submitted");
    assert_eq!(status["state_label"], json!({"id": "Diterima", "en": "Submitted"}));
    assert_eq!(status["current_step"]["number"], 4);
    assert_eq!(status["current_step"]["time_standard"], json!({"unit": "working_days", "value": 1}));
    assert_eq!(status["timeline"].as_array().map(Vec::len), Some(1));
    assert!(status.get("reporter").is_none() && !status.to_string().contains("budi@example.com"), "no personal data");

    // The key is forgiving to type: lower case, spaces for dashes.
    let typed = key.to_lowercase().replace('-', " ");
    let ok = app
        .send_json(
            Method::POST,
            "/api/v1/reports/status",
            None,
            &json!({"ticket_code": code.to_lowercase(), "access_key": typed}),
        )
        .await;
    assert_eq!(ok.status(), StatusCode::OK);

    let wrong_key = app
        .send_json(
            Method::POST,
            "/api/v1/reports/status",
            None,
            &json!({"ticket_code": code, "access_key": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG"}),
        )
        .await;
    let unknown = app
        .send_json(
            Method::POST,
            "/api/v1/reports/status",
            None,
            &json!({"ticket_code": format!("TTIS-{year}-999999"), "access_key": key}),
        )
        .await;
    assert_eq!(wrong_key.status(), StatusCode::NOT_FOUND);
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let (mut a, mut b) = (problem(wrong_key).await, problem(unknown).await);
    for p in [&mut a, &mut b] {
        p.as_object_mut().map(|o| o.remove("request_id"));
    }
    assert_eq!(a, b, "a wrong key and an unknown code are indistinguishable");

    let second = app.submit_json(&sample_report()).await;
    let second: Value = second.json_body().await;
    assert_eq!(code_of(&second), format!("TTIS-{year}-000002"));
}

fn png_with_gps() -> Vec<u8> {
    fn chunk(kind: &[u8], body: &[u8]) -> Vec<u8> {
        let mut c = (body.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(body);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
    png.extend(chunk(b"tEXt", b"GPSPosition\0-0.4300,117.1000"));
    png.extend(chunk(b"IDAT", &[0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1]));
    png.extend(chunk(b"IEND", &[]));
    png
}

async fn a_multipart_report_stores_two_files_by_content_without_metadata(app: TestApp) {
    let log = "2026-11-28 08:31 GET /wp-content/shell.php 200\n".repeat(50).into_bytes();
    let res = app
        .submit_multipart(
            &sample_report(),
            vec![("../../tangkapan layar.png", png_with_gps()), ("akses.log", log.clone())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: Value = res.json_body().await;
    let files = array_at(&receipt, "/evidence").clone();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["file_name"], "tangkapan layar.png", "no path survives");
    assert_eq!(files[0]["content_type"], "image/png");
    assert_eq!(files[0]["metadata_stripped"], true);
    assert_eq!(files[1]["content_type"], "text/plain");
    assert_eq!(files[1]["size"], log.len());
    let log_sha = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(&log))
    };
    assert_eq!(files[1]["sha256"], log_sha);

    // Stored outside the web root, under server-generated names, without the GPS text.
    let store = app.data_dir.path().join("evidence");
    let mut stored: Vec<Vec<u8>> = Vec::new();
    for dir in std::fs::read_dir(&store).into_iter().flatten().flatten() {
        if dir.file_name() == ".incoming" || !dir.path().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
            assert!(!f.file_name().to_string_lossy().contains("png"), "server-generated name");
            stored.push(std::fs::read(f.path()).unwrap_or_default());
        }
    }
    assert_eq!(stored.len(), 2);
    let png = stored.iter().find(|b| b.starts_with(b"\x89PNG")).cloned().unwrap_or_default();
    assert!(!png.windows(11).any(|w| w == b"GPSPosition"), "metadata removed");
    assert!(png.windows(4).any(|w| w == b"IDAT"), "image kept");
    let png_sha = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(&png))
    };
    assert_eq!(files[0]["sha256"], png_sha, "the hash is of the stored file");
    assert_eq!(app.count("evidence").await, 2);
}

async fn every_required_field_missing_in_turn_is_named(app: TestApp) {
    let required = [
        "reporter",
        "reporter.name",
        "reporter.email",
        "reporter.reporter_type",
        "reporter.hall_of_fame",
        "kind",
        "title",
        "category",
        "affected_asset",
        "discovered_at",
        "description",
        "ongoing",
        "personal_data_involved",
        "declarations",
        "declarations.good_faith",
        "declarations.consent",
    ];
    for path in required {
        let mut body = sample_report();
        match path.split_once('.') {
            Some((outer, inner)) => {
                body[outer].as_object_mut().map(|o| o.remove(inner));
            }
            None => {
                body.as_object_mut().map(|o| o.remove(path));
            }
        }
        let res = app.submit_json(&body).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        let p = problem(res).await;
        let field = str_at(&p, "/errors/0/field").to_string();
        let leaf = path.rsplit('.').next().unwrap_or(path);
        assert_eq!(field, leaf, "{path}: {p}");
        assert_eq!(p["errors"][0]["code"], "required", "{path}");
    }
    // Blank values break the shared rules, named with their path.
    let mut body = sample_report();
    body["title"] = json!("abc");
    body["reporter"]["email"] = json!("budi-at-example");
    body["reporter"]["alias"] = json!(" ");
    body["cvss_vector"] = json!("CVSS:3.1/AV:N");
    body["category"] = json!("no_such_category");
    body["discovered_at"] = json!("2099-01-01T00:00:00Z");
    let p = problem(app.submit_json(&body).await).await;
    let got: Vec<(String, String)> = p["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .map(|x| (x["field"].as_str().unwrap_or("").to_string(), x["code"].as_str().unwrap_or("").to_string()))
                .collect()
        })
        .unwrap_or_default();
    for expected in [
        ("cvss_vector", "invalid_cvss"),
        ("discovered_at", "in_future"),
        ("reporter.alias", "alias_required"),
        ("reporter.email", "invalid_email"),
        ("title", "too_short"),
    ] {
        assert!(got.iter().any(|(f, c)| f == expected.0 && c == expected.1), "{expected:?} in {got:?}");
    }
    let mut body = sample_report();
    body["category"] = json!("no_such_category");
    let p = problem(app.submit_json(&body).await).await;
    assert_eq!(
        p["errors"],
        json!([{"field": "category", "code": "not_an_option", "message": "Pilihan ini tidak tersedia."}])
    );
    assert_eq!(app.count("tickets").await, 0);
}

async fn declarations_must_be_accepted(app: TestApp) {
    let mut body = sample_report();
    body["declarations"] = json!({"good_faith": false, "consent": false});
    let res = app.submit_json(&body).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let p = problem(res).await;
    let fields: Vec<&str> =
        p["errors"].as_array().map(|e| e.iter().filter_map(|x| x["field"].as_str()).collect()).unwrap_or_default();
    assert_eq!(fields, ["declarations.consent", "declarations.good_faith"]);
    assert_eq!(p["errors"][0]["code"], "must_accept");
    assert_eq!(app.count("tickets").await, 0);
}

fn incoming_is_empty(app: &TestApp) -> bool {
    std::fs::read_dir(app.data_dir.path().join("evidence/.incoming")).map(|d| d.count() == 0).unwrap_or(true)
}

#[tokio::test]
async fn oversize_files_and_reports_are_refused_and_leave_nothing_sqlite() {
    oversize_files_and_reports_are_refused_and_leave_nothing(Backend::Sqlite).await
}

#[tokio::test]
async fn oversize_files_and_reports_are_refused_and_leave_nothing_postgres() {
    oversize_files_and_reports_are_refused_and_leave_nothing(Backend::Postgres).await
}

async fn oversize_files_and_reports_are_refused_and_leave_nothing(backend: Backend) {
    let app = TestApp::spawn_with(backend, |env| {
        env.insert("TTIS_EVIDENCE_MAX_FILE_BYTES".into(), "2000".into());
        env.insert("TTIS_EVIDENCE_MAX_TOTAL_BYTES".into(), "3000".into());
    })
    .await;
    let big = vec![b'a'; 2500];
    let res = app.submit_multipart(&sample_report(), vec![("besar.txt", big)]).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let p = problem(res).await;
    assert_eq!(p["code"], "file_too_large");
    assert!(str_at(&p, "/detail").contains("besar.txt"));

    let res =
        app.submit_multipart(&sample_report(), vec![("a.txt", vec![b'a'; 1800]), ("b.txt", vec![b'b'; 1800])]).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(problem(res).await["code"], "report_too_large");
    assert_eq!(app.count("tickets").await, 0);
    assert!(incoming_is_empty(&app), "partial uploads removed");

    let ok =
        app.submit_multipart(&sample_report(), vec![("a.txt", vec![b'a'; 1800]), ("b.txt", vec![b'b'; 1000])]).await;
    assert_eq!(ok.status(), StatusCode::CREATED, "within both limits");
}

async fn an_executable_renamed_png_is_refused(app: TestApp) {
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff".to_vec();
    exe.extend(vec![0u8; 200]);
    let res = app.submit_multipart(&sample_report(), vec![("foto.png", exe)]).await;
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let p = problem(res).await;
    assert_eq!(p["code"], "unsupported_file_type");
    assert!(str_at(&p, "/detail").contains("foto.png"));
    let res =
        app.submit_multipart(&sample_report(), vec![("teks.txt", b"looks like text\0then binary".to_vec())]).await;
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "a NUL byte is not text");
    assert_eq!(app.count("tickets").await, 0);
    assert!(incoming_is_empty(&app));
}

async fn an_idempotent_retry_creates_nothing_new(app: TestApp) {
    let body = app.with_pow(sample_report()).await;
    let send = |body: Value| {
        app.client.post(app.url("/api/v1/reports")).header("idempotency-key", "retry-123").json(&body).send()
    };
    let first = send(body.clone()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json_body().await;
    let again = send(body.clone()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.status(), StatusCode::CREATED);
    let again: Value = again.json_body().await;
    assert_eq!(first, again, "the same receipt, key included");
    assert_eq!(app.count("tickets").await, 1);
    assert_eq!(app.count("outbox").await, 1, "one receipt email, not two (no analysts to alert here)");

    let mut other = body.clone();
    other["title"] = json!("Judul lain untuk permintaan lain");
    let res = send(other).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(res).await["code"], "idempotency_key_reused");
    assert_eq!(app.count("tickets").await, 1);

    // The replayed key opens the status page.
    let status = app
        .send_json(
            Method::POST,
            "/api/v1/reports/status",
            None,
            &json!({"ticket_code": first["ticket_code"], "access_key": again["access_key"]}),
        )
        .await;
    assert_eq!(status.status(), StatusCode::OK);
}

/// Two hundred submissions at once (on PostgreSQL through two API processes sharing the database)
/// get two hundred distinct ticket codes.
async fn concurrent_submissions_get_distinct_codes(app: TestApp) {
    let n = 200;
    let mut bodies = Vec::new();
    for _ in 0..n {
        bodies.push(app.with_pow(sample_report()).await);
    }
    let second = if app.backend == Backend::Postgres {
        let url = app.database_url.clone();
        Some(
            TestApp::spawn_with(Backend::Postgres, move |env| {
                env.insert("DATABASE_URL".into(), url);
            })
            .await,
        )
    } else {
        None
    };
    let mut tasks = Vec::new();
    for (i, body) in bodies.into_iter().enumerate() {
        let target = match &second {
            Some(other) if i % 2 == 1 => other,
            _ => &app,
        };
        let client = target.client.clone();
        let url = target.url("/api/v1/reports");
        tasks.push(tokio::spawn(async move {
            let res = client.post(url).json(&body).send().await.ok()?;
            let status = res.status();
            let v: Value = res.json().await.ok()?;
            (status == StatusCode::CREATED).then(|| str_at(&v, "/ticket_code").to_string())
        }));
    }
    let mut codes = HashSet::new();
    for t in tasks {
        if let Ok(Some(code)) = t.await {
            codes.insert(code);
        }
    }
    assert_eq!(codes.len(), n, "every submission answered 201 with its own code");
    assert_eq!(app.count("tickets").await, n as i64);
}

async fn the_outbox_row_shares_the_reports_transaction(app: TestApp) {
    app.db.execute_unprepared("DROP TABLE outbox").await.unwrap_or_else(|e| panic!("{e}"));
    let res = app.submit_multipart(&sample_report(), vec![("a.txt", b"bukti log\n".to_vec())]).await;
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(app.count("tickets").await, 0, "no ticket without its notification");
    assert_eq!(app.count("evidence").await, 0);
    assert_eq!(app.count("ticket_events").await, 0);
    let store = app.data_dir.path().join("evidence");
    let files: usize = std::fs::read_dir(&store)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|d| d.file_name() != ".incoming")
        .map(|d| std::fs::read_dir(d.path()).map(|x| x.count()).unwrap_or(0))
        .sum();
    assert_eq!(files, 0, "the stored file was removed again");
}

async fn the_receipt_and_the_analyst_alert_are_mailed(app: TestApp) {
    app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let mut body = sample_report();
    body["email_access_key"] = json!(true);
    let res = app.submit_json(&body).await;
    let receipt: Value = res.json_body().await;
    let code = code_of(&receipt);
    let key = str_at(&receipt, "/access_key").to_string();
    let mails = app.wait_for_mail(|m| m.len() >= 2).await;
    assert_eq!(mails.len(), 2, "{mails:?}");
    let to_reporter = mails.iter().find(|m| m.contains("To: budi@example.com")).cloned().unwrap_or_default();
    assert!(to_reporter.contains(&format!("Subject: [{code}] Laporan diterima")), "{to_reporter}");
    assert!(to_reporter.contains(&key), "the reporter opted in to the key by email");
    let to_analyst = mails.iter().find(|m| m.contains("To: analis@ttis.test")).cloned().unwrap_or_default();
    assert!(to_analyst.contains(&format!("[{code}] Laporan baru")), "{to_analyst}");
    assert!(
        !to_analyst.contains("budi@example.com") && !to_analyst.contains(&key),
        "no personal data or key to staff mail"
    );
    // The worker marks a message sent after the mail server took it: a moment after it arrived.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut sent = app.count("outbox WHERE status = 'sent'").await;
    while sent < 2 && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        sent = app.count("outbox WHERE status = 'sent'").await;
    }
    assert_eq!(sent, 2);
}

async fn proof_of_work_is_required_and_single_use(app: TestApp) {
    let res = app.send_json(Method::POST, "/api/v1/reports", None, &sample_report()).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(problem(res).await["code"], "pow_failed");
    let solved = app.with_pow(sample_report()).await;
    let mut wrong = solved.clone();
    let challenge = str_at(&solved, "/pow/challenge").to_string();
    let bad_nonce = (0..1000)
        .map(|n| format!("x{n}"))
        .find(|n| !ttis_shared::pow::is_solution(&challenge, n, 4))
        .unwrap_or_default();
    wrong["pow"]["nonce"] = json!(bad_nonce);
    let mut forged = solved.clone();
    forged["pow"]["challenge"] = json!("9999999999.abcdef.0000");
    for bad in [wrong, forged] {
        let res = app.send_json(Method::POST, "/api/v1/reports", None, &bad).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST);
        assert_eq!(problem(res).await["code"], "pow_failed");
    }
    let before = app.count("tickets").await;
    let ok = app.send_json(Method::POST, "/api/v1/reports", None, &solved).await;
    assert_eq!(ok.status(), StatusCode::CREATED);
    let reuse = app.send_json(Method::POST, "/api/v1/reports", None, &solved).await;
    assert_eq!(reuse.status(), StatusCode::BAD_REQUEST, "a challenge works once");
    assert_eq!(app.count("tickets").await, before + 1);
}

async fn similar_open_reports_are_hinted_to_staff(app: TestApp) {
    let first: Value = app.submit_json(&sample_report()).await.json_body().await;
    let mut same = sample_report();
    same["affected_asset"] = json!("http://WWW.disdik.kukarkab.go.id/index.php");
    let second: Value = app.submit_json(&same).await.json_body().await;
    let mut other = sample_report();
    other["category"] = json!("phishing");
    app.submit_json(&other).await;
    assert_ne!(code_of(&first), code_of(&second));
    let hints = app.count("duplicate_hints").await;
    assert_eq!(hints, 1, "only the same host and category");
    // A wave of reports about one site links each new report to the oldest few, not to all.
    for _ in 0..5 {
        app.submit_json(&sample_report()).await;
    }
    assert_eq!(app.count("duplicate_hints").await, 1 + 2 + 3 * 4, "at most three hints each");
    let status: Value = app
        .send_json(
            Method::POST,
            "/api/v1/reports/status",
            None,
            &json!({"ticket_code": second["ticket_code"], "access_key": second["access_key"]}),
        )
        .await
        .json_body()
        .await;
    assert!(!status.to_string().contains(&code_of(&first)), "the reporter is not told");
}

/// Counted in the process on SQLite, in the database on PostgreSQL (`services::throttle`).
#[tokio::test]
async fn submissions_and_lookups_are_rate_limited_per_address_sqlite() {
    submissions_and_lookups_are_rate_limited_per_address(Backend::Sqlite).await
}

#[tokio::test]
async fn submissions_and_lookups_are_rate_limited_per_address_postgres() {
    submissions_and_lookups_are_rate_limited_per_address(Backend::Postgres).await
}

async fn submissions_and_lookups_are_rate_limited_per_address(backend: Backend) {
    let app = TestApp::spawn_with(backend, |env| {
        env.insert("TTIS_RATE_SUBMIT_PER_HOUR".into(), "2".into());
        env.insert("TTIS_RATE_STATUS_PER_MINUTE".into(), "3".into());
    })
    .await;
    for _ in 0..2 {
        assert_eq!(app.submit_json(&sample_report()).await.status(), StatusCode::CREATED);
    }
    let limited = app.submit_json(&sample_report()).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 =
        limited.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).unwrap_or(0);
    assert!((1..=3600).contains(&retry), "Retry-After {retry} within the hour");
    assert_eq!(app.count("tickets").await, 2, "the refused third stored nothing");
    let lookup = json!({"ticket_code": "TTIS-2026-000001", "access_key": "x"});
    for _ in 0..3 {
        assert_eq!(
            app.send_json(Method::POST, "/api/v1/reports/status", None, &lookup).await.status(),
            StatusCode::NOT_FOUND
        );
    }
    assert_eq!(
        app.send_json(Method::POST, "/api/v1/reports/status", None, &lookup).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn a_filled_honeypot_looks_accepted_but_stores_nothing() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut body = sample_report();
    let real: Value = app.submit_json(&sample_report()).await.json_body().await;
    let real_code = str_at(&real, "/ticket_code").to_string();
    let outbox = app.count("outbox").await;
    body["website"] = json!("http://spam.example");
    let res = app.submit_json(&body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let fake: Value = res.json_body().await;
    // The code is the one that comes next, like any accepted report's.
    let next = format!(
        "{}{:06}",
        &real_code[..real_code.len() - 6],
        real_code[real_code.len() - 6..].parse::<i64>().unwrap_or(0) + 1
    );
    assert_eq!(fake["ticket_code"], next.as_str());
    assert_eq!(app.count("tickets").await, 1, "nothing stored but the real report");
    assert_eq!(app.count("outbox").await, outbox, "and nothing sent");
    assert_eq!(app.count("audit_log WHERE action = 'report.honeypot'").await, 1);
}

/// An operator may hide Swagger UI; the OpenAPI document stays public.
#[tokio::test]
async fn swagger_ui_can_be_turned_off() {
    let on = TestApp::spawn(Backend::Sqlite).await;
    assert_eq!(on.get("/swagger-ui/", None).await.status(), StatusCode::OK);
    let off = TestApp::spawn_with(Backend::Sqlite, |env| {
        env.insert("TTIS_SWAGGER_UI".into(), "off".into());
    })
    .await;
    assert_eq!(off.get("/swagger-ui/", None).await.status(), StatusCode::NOT_FOUND);
    let doc: Value = off.get("/api/openapi.json", None).await.json_body().await;
    assert!(doc["paths"]["/api/v1/reports"].is_object(), "the document is still served: {doc}");
}

#[tokio::test]
async fn the_taxonomy_and_security_txt_are_served() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let cats: Value = app.get("/api/v1/categories", None).await.json_body().await;
    let items = array_at(&cats, "/items").clone();
    let find = |code: &str| items.iter().find(|c| c["code"] == code).cloned().unwrap_or_default();
    for code in [
        "web_defacement",
        "gambling_seo_injection",
        "webshell",
        "phishing",
        "impersonation",
        "data_leak",
        "personal_data_leak",
        "ransomware",
        "ddos",
        "vulnerability_report",
        "other",
    ] {
        assert!(find(code).is_object(), "{code} seeded");
    }
    assert_eq!(find("web_defacement")["parent"], "intrusions");
    assert_eq!(find("intrusions")["label"]["id"], "Intrusi");
    assert_eq!(find("other")["parent"], Value::Null);

    let txt = app.get("/.well-known/security.txt", None).await;
    assert!(
        txt.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().starts_with("text/plain")
    );
    let txt = txt.text().await.unwrap_or_default();
    for field in [
        "Contact: ",
        "Expires: ",
        "Policy: ",
        "Acknowledgments: http://ttis.test/hall-of-fame",
        "Preferred-Languages: id, en",
        "Canonical: http://ttis.test/.well-known/security.txt",
    ] {
        assert!(txt.contains(field), "{field} in {txt}");
    }
    // The root location redirects to the file; it is not the SPA.
    let old = app.get("/security.txt", None).await;
    assert_eq!(old.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(old.headers().get("location").and_then(|v| v.to_str().ok()), Some("/.well-known/security.txt"));
    // Problem types are addresses of this deployment.
    let missing = problem(app.get("/api/v1/no-such-route", None).await).await;
    assert_eq!(missing["type"], "http://ttis.test/problems/not_found", "{missing}");
    let site: Value = app.get("/api/v1/site", None).await.json_body().await;
    assert_eq!(site["agency_name"], "DINAS KOMUNIKASI DAN INFORMATIKA");
    assert!(str_at(&site, "/safe_harbor/id").contains("itikad baik"));
}

/// Behind a reverse proxy the client's address comes from `X-Forwarded-For`, and only then.
#[tokio::test]
async fn forwarded_addresses_are_believed_only_from_a_trusted_proxy() {
    let lookup = json!({"ticket_code": "TTIS-2026-000001", "access_key": "x"});
    let send = |app: &TestApp, xff: &'static str| {
        let req = app.client.post(app.url("/api/v1/reports/status")).header("x-forwarded-for", xff).json(&lookup);
        async move { req.send().await.map(|r| r.status()).unwrap_or(StatusCode::IM_A_TEAPOT) }
    };
    let limits = |env: &mut std::collections::HashMap<String, String>| {
        env.insert("TTIS_RATE_STATUS_PER_MINUTE".into(), "1".into());
    };
    let direct = TestApp::spawn_with(Backend::Sqlite, limits).await;
    assert_eq!(send(&direct, "198.51.100.1").await, StatusCode::NOT_FOUND);
    assert_eq!(
        send(&direct, "198.51.100.2").await,
        StatusCode::TOO_MANY_REQUESTS,
        "the header is ignored without a trusted proxy"
    );

    let proxied = TestApp::spawn_with(Backend::Sqlite, |env| {
        limits(env);
        env.insert("TTIS_TRUSTED_PROXIES".into(), "127.0.0.1".into());
    })
    .await;
    assert_eq!(send(&proxied, "198.51.100.1").await, StatusCode::NOT_FOUND);
    assert_eq!(send(&proxied, "198.51.100.2").await, StatusCode::NOT_FOUND, "another client behind the proxy");
    assert_eq!(send(&proxied, "198.51.100.1").await, StatusCode::TOO_MANY_REQUESTS);
}
