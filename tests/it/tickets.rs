//! SOP step 4 over HTTP: the team's queue, the procedure's actions, the reporter's answer, the SLA
//! clock across a pause, evidence downloads, messages, assignment, and the PSE register.

use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use ttis_tests::must::{ResponseExt, array_at, i64_at, str_at};
use ttis_tests::{TestApp, db_tests, problem, sample_analysis, sample_report};

db_tests!(
    a_report_is_verified_after_the_reporter_answers_a_question,
    each_rejection_reason_closes_the_ticket_and_a_duplicate_keeps_the_original,
    forbidden_transitions_and_roles_are_refused_with_the_allowed_actions,
    time_waiting_for_the_reporter_does_not_count,
    the_queue_filters_searches_sorts_and_pages,
    evidence_is_downloaded_as_an_attachment_by_staff_only,
    messages_reach_the_reporter_and_notes_stay_internal,
    a_ticket_is_claimed_or_assigned_with_a_disposition,
    reports_are_matched_to_their_pse,
    staff_file_a_report_received_by_phone,
    the_taxonomy_changes_without_breaking_old_tickets,
    an_answer_after_the_rejection_or_replayed_is_refused,
);

/// ASVS 5.0 §2 (business logic), out of order and replayed: the reporter's answer to a question
/// is taken once, and not at all after the ticket was rejected; neither moves the ticket.
async fn an_answer_after_the_rejection_or_replayed_is_refused(app: TestApp) {
    let t = app.team().await;
    let (code, key) = report(&app, sample_report()).await;
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;
    app.act_ok(&t.analyst, &code, json!({"action": "request_info", "message": "Mohon kirim tangkapan layar."})).await;
    let answer = json!({"ticket_code": code, "access_key": key, "message": "Terlampir."});
    let first = app.send_json(Method::POST, "/api/v1/reports/info", None, &answer).await;
    assert!(first.status().is_success(), "{}", first.status());
    let replay = app.send_json(Method::POST, "/api/v1/reports/info", None, &answer).await;
    assert_eq!(replay.status(), StatusCode::CONFLICT, "the same answer twice is one answer");
    app.act_ok(&t.analyst, &code, json!({"action": "reject", "reason": "spam"})).await;
    let late = app.send_json(Method::POST, "/api/v1/reports/info", None, &answer).await;
    assert_eq!(late.status(), StatusCode::CONFLICT, "no answer after the rejection");
    let detail = app.ticket(&t.analyst, &code).await;
    assert_eq!(detail["state"], "rejected");
    let replies = detail["timeline"].as_array().map(|e| e.iter().filter(|x| x["kind"] == "reply").count());
    assert_eq!(replies, Some(1), "one reply on the timeline");
}

/// Files a report and returns (code, key).
async fn report(app: &TestApp, body: Value) -> (String, String) {
    let res = app.submit_json(&body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let r: Value = res.json_body().await;
    (str_at(&r, "/ticket_code").into(), str_at(&r, "/access_key").into())
}

/// The sample analysis with a CVSS vector (score 8.2).
fn analysis(attendee: i64) -> Value {
    let mut a = sample_analysis(attendee);
    a["cvss_vector"] = json!("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:N");
    a
}

async fn a_report_is_verified_after_the_reporter_answers_a_question(app: TestApp) {
    let t = app.team().await;
    let (code, key) = report(&app, sample_report()).await;

    let res = app.act(&t.analyst, &code, json!({"action": "start_verification"})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let detail: Value = res.json_body().await;
    assert_eq!(detail["state"], "in_verification");
    assert_eq!(detail["assignee"]["id"], t.analyst_id, "the first analyst to start takes the ticket");

    let missing = app.act(&t.analyst, &code, json!({"action": "request_info"})).await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(missing).await["errors"][0]["field"], "message");
    let question = "Mohon kirim tangkapan layar dengan jam terlihat.";
    let res = app.act(&t.analyst, &code, json!({"action": "request_info", "message": question})).await;
    let detail: Value = res.json_body().await;
    assert_eq!(detail["state"], "needs_info");
    assert_eq!(detail["clock"]["paused"], true);
    let mails = app.wait_for_mail(|m| m.iter().any(|x| x.contains("Permintaan informasi"))).await;
    assert!(mails.iter().any(|m| m.contains("To: budi@example.com") && m.contains("Permintaan informasi")));

    let wrong = app
        .send_json(
            Method::POST,
            "/api/v1/reports/info",
            None,
            &json!({"ticket_code": code, "access_key": "WRONG", "message": "x"}),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::NOT_FOUND);
    // The answer comes with a new piece of evidence (multipart, like a report).
    let info = json!({"ticket_code": code, "access_key": key, "message": "Terlampir, pukul 07.45 WITA."});
    let form = reqwest::multipart::Form::new().text("info", info.to_string()).part(
        "evidence",
        reqwest::multipart::Part::bytes(b"07:45 WITA halaman berubah\n".to_vec()).file_name("catatan.txt"),
    );
    let answer =
        app.client.post(app.url("/api/v1/reports/info")).multipart(form).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(answer.status(), StatusCode::OK);
    let status: Value = answer.json_body().await;
    assert_eq!(status["state"], "in_verification");
    let bodies: Vec<&str> = status["timeline"]
        .as_array()
        .map(|t| t.iter().filter_map(|e| e["body"].as_str()).collect())
        .unwrap_or_default();
    assert!(bodies.contains(&question) && bodies.contains(&"Terlampir, pukul 07.45 WITA."), "{bodies:?}");
    let answer = status["timeline"].as_array().and_then(|t| t.last().cloned()).unwrap_or_default();
    assert_eq!(answer["event"], json!({"type": "info_provided", "files": 1}), "the file count is data, not words");
    assert_eq!(
        app.count("evidence WHERE uploaded_by = 'reporter'").await,
        1,
        "the answer's file is evidence of the ticket"
    );
    let mails = app.wait_for_mail(|m| m.iter().any(|x| x.contains("Pelapor menjawab"))).await;
    assert!(
        mails.iter().any(|m| m.contains("To: analis@ttis.test") && m.contains("Pelapor menjawab")),
        "the assignee hears of the answer"
    );
    let again = app
        .send_json(
            Method::POST,
            "/api/v1/reports/info",
            None,
            &json!({"ticket_code": code, "access_key": key, "message": "lagi"}),
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "only while the team waits");

    let no_analysis = app.act(&t.analyst, &code, json!({"action": "verify"})).await;
    assert_eq!(no_analysis.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let mut bad = analysis(t.analyst_id);
    bad["meeting"]["attendees"] = json!([999_999]);
    bad["category"] = json!("nope");
    let p = problem(app.act(&t.analyst, &code, json!({"action": "verify", "analysis": bad})).await).await;
    let fields: Vec<&str> =
        p["errors"].as_array().map(|e| e.iter().filter_map(|x| x["field"].as_str()).collect()).unwrap_or_default();
    assert_eq!(fields, ["analysis.category", "analysis.meeting.attendees"]);

    let res = app.act(&t.analyst, &code, json!({"action": "verify", "analysis": analysis(t.analyst_id)})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let detail: Value = res.json_body().await;
    assert_eq!(detail["state"], "drafted");
    assert_eq!(detail["severity"], "tinggi");
    assert_eq!(detail["cvss_score"], 8.2);
    assert_eq!(detail["analysis"]["attendees"][0]["name"], "Test User");
    assert_eq!(detail["clock"]["steps"], json!([5, 6]), "the ticket shows the next step");
    assert_eq!(detail["allowed_actions"], json!(["submit_for_approval"]));
    let kinds: Vec<&str> = detail["timeline"]
        .as_array()
        .map(|t| t.iter().filter_map(|e| e["to_state"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(kinds, ["submitted", "in_verification", "needs_info", "in_verification", "drafted"]);
    let audited = app.count("audit_log WHERE action IN ('ticket.start_verification','ticket.request_info','ticket.provide_info','ticket.verify')").await;
    assert_eq!(audited, 4);

    // The analysis report is rendered and attached to the ticket.
    let docs: Vec<Value> = detail["documents"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|d| d["kind"] == "analysis_report")
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["status"], "final", "the analysis report is a record, not a draft");
    let res = app.get(&format!("/api/v1/tickets/{code}/documents/{}", str_at(&docs[0], "/id")), Some(&t.analyst)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("application/pdf"));
    let pdf = res.body_bytes().await;
    assert!(pdf.starts_with(b"%PDF-"));
    let sha = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(&pdf))
    };
    assert_eq!(docs[0]["sha256"], sha);
    let text = ttis_tests::pdf_text(&pdf);
    for needle in [
        "LAPORAN HASIL ANALISIS INSIDEN SIBER",
        "PEMERINTAH KABUPATEN KUTAI KARTANEGARA",
        code.as_str(),
        "Web Defacement",
        "Tinggi",
        "Test User",
        "28 November 2026",
        "Sesuai: deface terkonfirmasi.",
    ] {
        assert!(text.contains(needle), "{needle:?} not in the analysis report:\n{text}");
    }
}

async fn each_rejection_reason_closes_the_ticket_and_a_duplicate_keeps_the_original(app: TestApp) {
    let t = app.team().await;
    let (original, _) = report(&app, sample_report()).await;
    for reason in ["not_valid", "out_of_scope", "insufficient_information", "spam"] {
        let (code, key) = report(&app, sample_report()).await;
        let res = app
            .act(&t.analyst, &code, json!({"action": "reject", "reason": reason, "message": "Alasan untuk pelapor."}))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{reason}");
        let d: Value = res.json_body().await;
        assert_eq!(d["state"], "rejected");
        assert_eq!(d["clock"], Value::Null, "a closed ticket has no clock");
        let status: Value = app
            .send_json(Method::POST, "/api/v1/reports/status", None, &json!({"ticket_code": code, "access_key": key}))
            .await
            .json_body()
            .await;
        assert_eq!(status["state_label"]["en"], "Rejected");
    }
    let (dup, _) = report(&app, sample_report()).await;
    let no_reason = app.act(&t.analyst, &dup, json!({"action": "reject"})).await;
    assert_eq!(problem(no_reason).await["errors"][0]["field"], "reason");
    let no_original = app.act(&t.analyst, &dup, json!({"action": "reject", "reason": "duplicate"})).await;
    assert_eq!(problem(no_original).await["errors"][0]["field"], "duplicate_of");
    let itself =
        app.act(&t.analyst, &dup, json!({"action": "reject", "reason": "duplicate", "duplicate_of": dup})).await;
    assert_eq!(itself.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res =
        app.act(&t.analyst, &dup, json!({"action": "reject", "reason": "duplicate", "duplicate_of": original})).await;
    let d: Value = res.json_body().await;
    assert_eq!(d["duplicate_of"], original.as_str(), "the original reporter keeps the credit");
    let o = app.ticket(&t.analyst, &original).await;
    assert_eq!(o["state"], "submitted", "the original is untouched");
}

async fn forbidden_transitions_and_roles_are_refused_with_the_allowed_actions(app: TestApp) {
    let t = app.team().await;
    let (code, _) = report(&app, sample_report()).await;
    let res = app.act(&t.analyst, &code, json!({"action": "verify", "analysis": analysis(t.analyst_id)})).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let p = problem(res).await;
    assert_eq!(p["code"], "invalid_transition");
    assert_eq!(p["allowed_actions"], json!(["start_verification", "reject"]));

    let res = app.act(&t.head, &code, json!({"action": "start_verification"})).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let p = problem(res).await;
    assert_eq!(p["code"], "action_forbidden");
    assert_eq!(p["allowed_actions"], json!([]));

    let res = app.act(&t.analyst, &code, json!({"action": "provide_info"})).await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "provide_info is the reporter's, from needs_info only");

    app.act(&t.analyst, &code, json!({"action": "start_verification"})).await;
    app.act(&t.analyst, &code, json!({"action": "verify", "analysis": analysis(t.analyst_id)})).await;
    let res = app.act(&t.head, &code, json!({"action": "submit_for_approval"})).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    app.act(&t.analyst, &code, json!({"action": "submit_for_approval"})).await;
    let res = app.act(&t.analyst, &code, json!({"action": "approve"})).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "an analyst cannot approve");
    let p = problem(res).await;
    assert_eq!(p["allowed_actions"], json!([]));
    let head_view = app.ticket(&t.head, &code).await;
    assert_eq!(head_view["allowed_actions"], json!(["approve", "return_for_revision"]));

    let admin = app.admin_token().await;
    assert_eq!(
        app.get("/api/v1/tickets", Some(&admin)).await.status(),
        StatusCode::FORBIDDEN,
        "admins do not read reports"
    );
    assert_eq!(app.get(&format!("/api/v1/tickets/{code}"), Some(&admin)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get("/api/v1/tickets/TTIS-2026-999999", Some(&t.analyst)).await.status(), StatusCode::NOT_FOUND);
}

async fn time_waiting_for_the_reporter_does_not_count(app: TestApp) {
    let t = app.team().await;
    let (code, key) = report(&app, sample_report()).await;
    app.act(&t.analyst, &code, json!({"action": "start_verification"})).await;
    app.act(&t.analyst, &code, json!({"action": "request_info", "message": "Mohon detail tambahan."})).await;
    // The question waits three hours for its answer.
    app.clock.advance(chrono::Duration::hours(3));
    app.send_json(
        Method::POST,
        "/api/v1/reports/info",
        None,
        &json!({"ticket_code": code, "access_key": key, "message": "Ini detailnya."}),
    )
    .await;
    let d = app.ticket(&t.analyst, &code).await;
    let paused = i64_at(&d, "/clock/paused_seconds");
    assert!((3 * 3600 - 60..=3 * 3600 + 60).contains(&paused), "paused {paused} s");
    let started: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(d["clock"]["started_at"].clone()).unwrap_or_default();
    let submitted: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(d["submitted_at"].clone()).unwrap_or_default();
    assert!(
        (started - submitted).num_milliseconds().abs() < 1000,
        "step 4 runs from submission: {started} {submitted}"
    );
    let due: chrono::DateTime<chrono::Utc> = serde_json::from_value(d["clock"]["due_at"].clone()).unwrap_or_default();
    // The calendar the server seeded: weekends and 2026's national holidays off.
    let calendar = ttis_shared::sla::Calendar {
        holidays: ttis_api::services::sla::seeded_holidays().into_iter().map(|(d, _)| d).collect(),
        ..ttis_shared::sla::Calendar::default()
    };
    let expected =
        calendar.add(submitted, ttis_shared::TimeStandard::WorkingDays(1)) + chrono::Duration::seconds(paused);
    assert_eq!(due, expected, "one working day after submission, plus the pause");
}

async fn the_queue_filters_searches_sorts_and_pages(app: TestApp) {
    let t = app.team().await;
    let (first, _) = report(&app, sample_report()).await;
    let mut phishing = sample_report();
    phishing["category"] = json!("phishing");
    phishing["title"] = json!("Situs palsu meniru portal pajak daerah");
    phishing["reporter"]["name"] = json!("Siti Ñúñez");
    let (second, _) = report(&app, phishing).await;
    let (third, _) = report(&app, sample_report()).await;
    app.act(&t.analyst, &third, json!({"action": "start_verification"})).await;

    let list: Value = app.get("/api/v1/tickets", Some(&t.analyst)).await.json_body().await;
    assert_eq!(list["total"], 3);
    assert_eq!(list["items"][0]["code"], third.as_str(), "newest first");
    let row = &list["items"][0];
    assert_eq!(row["clock"]["steps"], json!([4]));
    assert!(row["clock"]["due_at"].is_string() && row["clock"]["overdue"] == false);
    let counts = array_at(&list, "/counts").clone();
    let count = |s: &str| counts.iter().find(|c| c["state"] == s).map(|c| c["count"].clone()).unwrap_or_default();
    assert_eq!((count("submitted"), count("in_verification")), (json!(2), json!(1)));

    let q = |query: &str| {
        let token = t.analyst.clone();
        let path = format!("/api/v1/tickets?{query}");
        let app = &app;
        async move { app.get(&path, Some(&token)).await.json_body::<Value>().await }
    };
    let codes = |v: &Value| {
        v["items"]
            .as_array()
            .map(|i| i.iter().filter_map(|x| x["code"].as_str().map(str::to_string)).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    assert_eq!(codes(&q("state=in_verification").await), [third.as_str()]);
    assert_eq!(codes(&q("category=phishing").await), [second.as_str()]);
    assert_eq!(codes(&q("q=PAJAK").await), [second.as_str()], "case-insensitive title search");
    assert_eq!(codes(&q("q=%C3%B1%C3%BA%C3%B1ez").await), [second.as_str()], "reporter name search");
    assert_eq!(codes(&q(&format!("q={}", first.to_lowercase())).await), [first.as_str()]);
    assert_eq!(codes(&q("q=100%25").await).len(), 0, "% is searched literally");
    assert_eq!(codes(&q(&format!("assignee={}", t.analyst_id)).await), [third.as_str()]);
    assert_eq!(codes(&q("assignee=none&sort=code").await), [first.as_str(), second.as_str()]);
    assert_eq!(codes(&q("sort=code&per_page=1&page=2").await), [second.as_str()]);
    assert_eq!(q("per_page=100").await["per_page"], 100);
    for bad in ["per_page=5000", "per_page=0", "page=0", "per_page=9223372036854775808"] {
        let res = app.get(&format!("/api/v1/tickets?{bad}"), Some(&t.analyst)).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{bad}: the page size is bounded, not clamped");
    }
    assert_eq!(codes(&q("overdue=true").await).len(), 0);
    // Two weeks pass: every open ticket's step is past its time standard.
    app.clock.advance(chrono::Duration::days(14));
    let overdue = q("overdue=true&sort=code").await;
    assert_eq!(codes(&overdue), [first.as_str(), second.as_str(), third.as_str()]);
    assert_eq!(overdue["items"][0]["clock"]["overdue"], true);
    let bad = app.get("/api/v1/tickets?state=bogus", Some(&t.analyst)).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let bad = app.get("/api/v1/tickets?sort=password", Some(&t.analyst)).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

async fn evidence_is_downloaded_as_an_attachment_by_staff_only(app: TestApp) {
    let t = app.team().await;
    let svg_like_text = b"<html><script>alert(1)</script></html>\n".to_vec();
    let files =
        vec![("bukti berbahaya.html", svg_like_text.clone()), ("invoice\u{202E}gnp.exe", b"bukan program\n".to_vec())];
    let res = app.submit_multipart(&sample_report(), files).await;
    let receipt: Value = res.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    let (other, _) = report(&app, sample_report()).await;
    let d = app.ticket(&t.analyst, &code).await;
    let id = i64_at(&d, "/evidence/0/id");
    // A kept name carries its sniffed type, and no bidi override reverses how it reads.
    let names: Vec<&str> = d["evidence"]
        .as_array()
        .map(|e| e.iter().filter_map(|x| x["file_name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, ["bukti berbahaya.html.txt", "invoicegnp.exe.txt"]);
    assert_eq!(d["evidence"][0]["sha256"], receipt["evidence"][0]["sha256"]);

    let res = app.get(&format!("/api/v1/tickets/{code}/evidence/{id}"), Some(&t.analyst)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let h = |name: &str| res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert_eq!(h("content-type"), "application/octet-stream");
    assert!(h("content-disposition").starts_with("attachment"), "{}", h("content-disposition"));
    assert!(
        h("content-disposition").contains("filename*=UTF-8''bukti%20berbahaya.html.txt"),
        "{}",
        h("content-disposition")
    );
    assert_eq!(h("x-content-type-options"), "nosniff");
    assert_eq!(res.body_bytes().await, svg_like_text);

    let head = app.get(&format!("/api/v1/tickets/{code}/evidence/{id}"), Some(&t.head)).await;
    assert_eq!(head.status(), StatusCode::OK);
    let idor = app.get(&format!("/api/v1/tickets/{other}/evidence/{id}"), Some(&t.analyst)).await;
    assert_eq!(idor.status(), StatusCode::NOT_FOUND, "evidence is reached only through its own ticket");
    let anon = app.fresh_client().get(app.url(&format!("/api/v1/tickets/{code}/evidence/{id}"))).send().await;
    assert_eq!(anon.map(|r| r.status()).ok(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(app.count("audit_log WHERE action = 'evidence.download'").await, 2);
}

async fn messages_reach_the_reporter_and_notes_stay_internal(app: TestApp) {
    let t = app.team().await;
    let (code, key) = report(&app, sample_report()).await;
    let path = format!("/api/v1/tickets/{code}/messages");
    let res = app
        .send_json(
            Method::POST,
            &path,
            Some(&t.analyst),
            &json!({"body": "Terima kasih, sedang kami periksa.", "public": true}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    app.send_json(Method::POST, &path, Some(&t.analyst), &json!({"body": "Catatan: cek log WAF.", "public": false}))
        .await;
    let blank = app.send_json(Method::POST, &path, Some(&t.analyst), &json!({"body": "  ", "public": false})).await;
    assert_eq!(blank.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let by_head = app.send_json(Method::POST, &path, Some(&t.head), &json!({"body": "x", "public": false})).await;
    assert_eq!(by_head.status(), StatusCode::FORBIDDEN);

    let status: Value = app
        .send_json(Method::POST, "/api/v1/reports/status", None, &json!({"ticket_code": code, "access_key": key}))
        .await
        .json_body()
        .await;
    let text = status["timeline"].to_string();
    assert!(text.contains("sedang kami periksa") && !text.contains("WAF"), "{text}");
    let d = app.ticket(&t.analyst, &code).await;
    assert!(d["timeline"].to_string().contains("WAF"), "staff see the note");
    let mails = app.wait_for_mail(|m| m.iter().any(|x| x.contains("Pesan dari Tim TTIS"))).await;
    assert!(mails.iter().any(|m| m.contains("Pesan dari Tim TTIS") && !m.contains("WAF")));
}

async fn a_ticket_is_claimed_or_assigned_with_a_disposition(app: TestApp) {
    let t = app.team().await;
    let (code, _) = report(&app, sample_report()).await;
    let path = format!("/api/v1/tickets/{code}/assignment");
    let claim = app.send_json(Method::POST, &path, Some(&t.analyst), &json!({})).await;
    let d: Value = claim.json_body().await;
    assert_eq!(d["assignee"]["id"], t.analyst_id);
    let head_me: Value = app.get("/api/v1/auth/me", Some(&t.head)).await.json_body().await;
    let to_head = app.send_json(Method::POST, &path, Some(&t.head), &json!({"assignee_id": head_me["id"]})).await;
    assert_eq!(to_head.status(), StatusCode::UNPROCESSABLE_ENTITY, "only analysts take tickets");
    let res = app
        .send_json(
            Method::POST,
            &path,
            Some(&t.head),
            &json!({"assignee_id": t.analyst_id, "instruction": "Segera koordinasi dengan PSE.", "priority": "segera", "due_date": "2026-12-01"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let d: Value = res.json_body().await;
    let last = d["timeline"].as_array().and_then(|t| t.last().cloned()).unwrap_or_default();
    assert_eq!(last["kind"], "assignment");
    assert_eq!(last["public"], false);
    assert!(str_at(&last, "/body").contains("Segera koordinasi dengan PSE."));
    assert_eq!(app.count("dispositions").await, 2);
    let mails = app.wait_for_mail(|m| m.iter().any(|x| x.contains("Disposisi / Assignment"))).await;
    assert!(
        mails.iter().any(|m| m.contains("To: analis@ttis.test") && m.contains("Disposisi / Assignment")),
        "the assignee is told of the disposition"
    );
    let latest = &d["dispositions"][0];
    assert_eq!(latest["to"]["id"], t.analyst_id);
    assert_eq!(latest["from"]["name"], "Test User");
    assert_eq!(latest["priority"], "segera");
    assert_eq!(latest["due_date"], "2026-12-01");
    assert_eq!(latest["instruction"], "Segera koordinasi dengan PSE.");
    assert_eq!(d["dispositions"].as_array().map(Vec::len), Some(2), "the claim and the disposition");
    let staff: Value = app.get("/api/v1/staff", Some(&t.analyst)).await.json_body().await;
    let names: Vec<&str> =
        staff.as_array().map(|s| s.iter().filter_map(|u| u["name"].as_str()).collect()).unwrap_or_default();
    assert_eq!(names.len(), 2, "the analyst and the head, not the admin: {staff}");
    assert!(!staff.to_string().contains('@'), "no emails in the directory");
}

async fn reports_are_matched_to_their_pse(app: TestApp) {
    let t = app.team().await;
    let admin = app.admin_token().await;
    let create = |name: &str, assets: Value| {
        let body = json!({"name": name, "head_name": "Kepala", "head_title": format!("Kepala {name}"), "emails": ["opd@kukarkab.go.id"], "assets": assets});
        let (app, admin) = (&app, admin.clone());
        async move { app.send_json(Method::POST, "/api/v1/pses", Some(&admin), &body).await }
    };
    let kominfo: Value = create(
        "Diskominfo Kukar",
        json!([{"kind": "domain_suffix", "value": "*.kukarkab.go.id"}, {"kind": "cidr", "value": "103.10.0.0/16"}]),
    )
    .await
    .json_body()
    .await;
    let disdik: Value = create("Dinas Pendidikan", json!([{"kind": "exact_host", "value": "disdik.kukarkab.go.id"}, {"kind": "cidr", "value": "103.10.20.0/24"}, {"kind": "app_name", "value": "SIMPEG"}]))
        .await
        .json_body()
        .await;
    assert_eq!(disdik["assets"][0]["value"], "disdik.kukarkab.go.id");

    let bad_cidr = create("X Dinas", json!([{"kind": "cidr", "value": "10.0.0.0/40"}])).await;
    assert_eq!(bad_cidr.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(bad_cidr).await["errors"][0]["field"], "assets[0].value");
    let overlap = create("Y Dinas", json!([{"kind": "exact_host", "value": "https://DISDIK.kukarkab.go.id/"}])).await;
    assert_eq!(overlap.status(), StatusCode::UNPROCESSABLE_ENTITY, "an exact host has one operator");
    let by_analyst = app
        .send_json(
            Method::POST,
            "/api/v1/pses",
            Some(&t.analyst),
            &json!({"name": "Z Dinas", "head_name": "K", "head_title": "Kepala Z", "emails": ["z@z.id"]}),
        )
        .await;
    assert_eq!(by_analyst.status(), StatusCode::FORBIDDEN);
    let seen: Value = app.get("/api/v1/pses", Some(&t.analyst)).await.json_body().await;
    assert_eq!(seen["items"].as_array().map(Vec::len), Some(2), "analysts read the register");

    let cases = [
        ("https://disdik.kukarkab.go.id/admin", Some(&disdik)),
        ("https://ppdb.disdik.kukarkab.go.id/", Some(&kominfo)),
        ("http://103.10.20.7/login", Some(&disdik)),
        ("103.10.99.1", Some(&kominfo)),
        ("Aplikasi simpeg versi lama", Some(&disdik)),
        ("https://example.com/", None),
    ];
    for (asset, expected) in cases {
        let mut body = sample_report();
        body["affected_asset"] = json!(asset);
        let (code, _) = report(&app, body).await;
        let d = app.ticket(&t.analyst, &code).await;
        let want = expected.map(|p| p["id"].clone()).unwrap_or(Value::Null);
        assert_eq!(d["pse"]["id"].clone(), want, "{asset}");
    }
    let id = i64_at(&kominfo, "/id");
    let del = app.client.delete(app.url(&format!("/api/v1/pses/{id}"))).bearer_auth(&admin).send().await;
    assert_eq!(del.map(|r| r.status()).ok(), Some(StatusCode::NO_CONTENT));
}

async fn staff_file_a_report_received_by_phone(app: TestApp) {
    let t = app.team().await;
    let body = json!({"channel": "phone", "report": sample_report()});
    let res = app.send_json(Method::POST, "/api/v1/tickets", Some(&t.analyst), &body).await;
    assert_eq!(res.status(), StatusCode::CREATED, "no proof of work for staff");
    let receipt: Value = res.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    let d = app.ticket(&t.analyst, &code).await;
    assert_eq!(d["channel"], "phone");
    let by_head = app.send_json(Method::POST, "/api/v1/tickets", Some(&t.head), &body).await;
    assert_eq!(by_head.status(), StatusCode::FORBIDDEN);
    let actor = app
        .db
        .query_one(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT actor FROM audit_log WHERE action = 'report.submit'",
        ))
        .await
        .ok()
        .flatten()
        .and_then(|r| r.try_get::<String>("", "actor").ok());
    assert_eq!(actor.as_deref(), Some("analis@ttis.test"), "who filed it is audited");
}

async fn the_taxonomy_changes_without_breaking_old_tickets(app: TestApp) {
    let t = app.team().await;
    let admin = app.admin_token().await;
    let new = json!({"code": "cryptojacking", "parent": "malicious_code", "label": {"id": "Penambangan Kripto Ilegal", "en": "Cryptojacking"}});
    let res = app.send_json(Method::POST, "/api/v1/categories", Some(&admin), &new).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let dup = app.send_json(Method::POST, "/api/v1/categories", Some(&admin), &new).await;
    assert_eq!(dup.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let bad_code = app
        .send_json(
            Method::POST,
            "/api/v1/categories",
            Some(&admin),
            &json!({"code": "Bad Code!", "parent": null, "label": {"id": "X", "en": "X"}}),
        )
        .await;
    assert_eq!(bad_code.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let by_analyst = app.send_json(Method::POST, "/api/v1/categories", Some(&t.analyst), &new).await;
    assert_eq!(by_analyst.status(), StatusCode::FORBIDDEN);

    let mut body = sample_report();
    body["category"] = json!("cryptojacking");
    let (code, _) = report(&app, body.clone()).await;
    let res = app
        .send_json(
            Method::PATCH,
            "/api/v1/categories/cryptojacking",
            Some(&admin),
            &json!({"label": {"id": "Cryptojacking", "en": "Cryptojacking"}, "retired": true}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let offered: Value = app.get("/api/v1/categories", None).await.json_body().await;
    assert!(!offered.to_string().contains("cryptojacking"), "a retired category is not offered");
    let all: Value = app.get("/api/v1/categories?include_retired=true", None).await.json_body().await;
    let listed = all["items"]
        .as_array()
        .and_then(|i| i.iter().find(|c| c["code"] == "cryptojacking").cloned())
        .unwrap_or_default();
    assert_eq!(listed["retired"], true, "administrators still see it, to restore it");
    let refused = app.submit_json(&body).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let old = app.ticket(&t.analyst, &code).await;
    assert_eq!(old["category"], "cryptojacking", "the old ticket keeps it");
}
