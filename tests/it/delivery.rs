//! SOP steps 8-9 and the whole procedure end to end over HTTP, against a real SMTP server: the
//! Hall of Fame, delivery with retries, closing the ticket, the PSE's acknowledgement, the
//! reporter's downloads, webhooks, and two API processes sharing the outbox.

use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use ttis_tests::hooks::HookReceiver;
use ttis_tests::must::{ResponseExt, array_at, i64_at, str_at};
use ttis_tests::smtp::SmtpServer;
use ttis_tests::{
    ADMIN_PASSWORD, Backend, Team, TestApp, db_tests, final_doc, problem, sample_analysis, sample_report,
};

db_tests!(
    the_nine_steps_run_end_to_end_with_real_mail,
    delivery_is_retried_when_the_mail_server_refuses_and_sent_once,
    webhooks_are_signed_retried_and_do_not_block_each_other,
    webhooks_cannot_reach_the_inside,
    the_reporter_changes_the_hall_of_fame_display,
);

async fn spawn_with_smtp(backend: Backend, smtp: &SmtpServer) -> TestApp {
    let url = smtp.url();
    TestApp::spawn_with(backend, move |env| {
        env.insert("TTIS_SMTP_URL".into(), url);
        env.insert("TTIS_OUTBOX_RETRY_SECS".into(), "1".into());
    })
    .await
}

async fn register_disdik(app: &TestApp, admin: &str) {
    let pse = json!({"name": "Dinas Pendidikan Kabupaten Kutai Kartanegara", "head_name": "Kepala",
        "head_title": "Kepala Dinas Pendidikan Kabupaten Kutai Kartanegara",
        "emails": ["disdik@kukarkab.go.id", "tik.disdik@kukarkab.go.id"],
        "assets": [{"kind": "exact_host", "value": "disdik.kukarkab.go.id"}]});
    assert_eq!(app.send_json(Method::POST, "/api/v1/pses", Some(admin), &pse).await.status(), StatusCode::CREATED);
}

/// Files the sample report (with a log file) and takes it to `approved`; returns (code, key).
async fn approved(app: &TestApp, t: &Team) -> (String, String) {
    let res = app.submit_multipart(&sample_report(), vec![("akses.log", b"GET /shell.php 200\n".to_vec())]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: Value = res.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;
    app.act_ok(&t.analyst, &code, json!({"action": "verify", "analysis": sample_analysis(t.analyst_id)})).await;
    app.act_ok(&t.analyst, &code, json!({"action": "submit_for_approval"})).await;
    app.act_ok(&t.head, &code, ttis_tests::approve()).await;
    (code, str_at(&receipt, "/access_key").to_string())
}

async fn wait_for_state(app: &TestApp, token: &str, code: &str, state: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let detail = app.ticket(token, code).await;
        if detail["state"] == state || Instant::now() > deadline {
            return detail;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the outbox has nothing left to send.
async fn wait_all_sent(app: &TestApp) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while app.count("outbox WHERE status <> 'sent'").await > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn at(v: &Value) -> chrono::DateTime<chrono::Utc> {
    v.as_str().and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok()).map(|d| d.to_utc()).unwrap_or_default()
}

async fn the_nine_steps_run_end_to_end_with_real_mail(backend: TestApp) {
    let smtp = SmtpServer::start(0).await;
    let app = spawn_with_smtp(backend.backend, &smtp).await;
    drop(backend);
    let t = app.team().await;
    let admin = app.admin_token().await;
    register_disdik(&app, &admin).await;

    // Steps 1-7 over HTTP; the approval queues step 9 at once.
    let (code, key) = approved(&app, &t).await;
    let detail = wait_for_state(&app, &t.analyst, &code, "completed").await;
    assert_eq!(detail["state"], "completed", "step 9 closes the ticket once delivered: {}", detail["deliveries"]);
    let timeline = array_at(&detail, "/timeline").clone();
    let entered = |state: &str| timeline.iter().rev().find(|e| e["to_state"] == state).map(|e| at(&e["at"]));
    let closing = timeline.iter().rev().find(|e| e["to_state"] == "completed").cloned().unwrap_or_default();
    assert_eq!(
        (&closing["event"], &closing["actor"], &closing["body"]),
        (&json!({"type": "delivered"}), &json!("system"), &Value::Null),
        "the system closes the ticket as an event, in no language"
    );
    let approval_to_completion = entered("completed").unwrap_or_default() - entered("approved").unwrap_or_default();
    println!("approval -> completed: {} ms (the SOP allows 10 minutes)", approval_to_completion.num_milliseconds());
    assert!(approval_to_completion < chrono::Duration::minutes(10));

    // The mail, as the relay received it.
    wait_all_sent(&app).await;
    let detail = app.ticket(&t.analyst, &code).await;
    let mails = smtp.wait_for(Duration::from_secs(10), |m| m.len() >= 5).await;
    let to = |addr: &str| mails.iter().filter(|m| m.to.iter().any(|t| t == addr)).cloned().collect::<Vec<_>>();
    let reporter = to("budi@example.com");
    let subjects: Vec<String> = reporter.iter().map(|m| m.subject()).collect();
    assert_eq!(reporter.len(), 2, "the receipt and the documents: {subjects:?}");
    let thanks = reporter.iter().find(|m| m.subject().contains("Terima kasih atas laporan Anda")).cloned();
    let thanks = thanks.unwrap_or_else(|| panic!("no thank-you mail in {subjects:?}"));
    // TLP decides who receives what: the sample report is TLP:AMBER, so its letter is the PSE's
    // alone; the reporter gets the certificate and a summary that says so.
    let attached = thanks.attachments();
    let names: Vec<&str> = attached.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, [format!("Sertifikat-Apresiasi-{code}.pdf")]);
    assert!(thanks.text().contains("TLP:AMBER"), "{}", thanks.text());
    let certificate = final_doc(&detail, "certificate");
    let letter = final_doc(&detail, "notification_letter");
    assert_eq!(hex::encode(Sha256::digest(&attached[0].1)), certificate["sha256"], "the signed certificate itself");
    let pse_mail = to("disdik@kukarkab.go.id");
    assert_eq!(pse_mail.len(), 1);
    assert!(pse_mail[0].to.contains(&"tik.disdik@kukarkab.go.id".to_string()));
    assert!(pse_mail[0].subject().contains(letter["number"].as_str().unwrap_or("?")));
    let pse_files = pse_mail[0].attachments();
    assert_eq!(pse_files.len(), 1, "the PSE gets the letter only");
    assert_eq!(hex::encode(Sha256::digest(&pse_files[0].1)), letter["sha256"]);
    assert_eq!(to("kadis@ttis.test").len(), 1, "the head was asked to approve");
    for m in &mails {
        assert_eq!(mails.iter().filter(|x| x.subject() == m.subject() && x.to == m.to).count(), 1, "no duplicates");
    }
    let deliveries = array_at(&detail, "/deliveries").clone();
    assert!(deliveries.iter().all(|d| d["status"] == "sent"), "{deliveries:?}");
    assert_eq!(deliveries.iter().filter(|d| d["purpose"] == "delivery").count(), 2);

    // Step 8: the Hall of Fame, by the chosen name, without personal data.
    let hof: Value = app.get("/api/v1/hall-of-fame", None).await.json_body().await;
    let entries = array_at(&hof, "/entries").clone();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["display_name"], "budisec");
    assert_eq!(entries[0]["reports"], 1);
    assert_eq!(entries[0]["categories"][0]["id"], "Web Defacement (Deface)");
    assert_eq!(entries[0]["certificates"][0]["number"], certificate["number"]);
    let text = hof.to_string();
    for private in ["Budi Santoso", "budi@example.com", "+62 812", "Komunitas Keamanan Kukar"] {
        assert!(!text.contains(private), "{private:?} on the Hall of Fame");
    }
    let other_year: Value = app.get("/api/v1/hall-of-fame?year=2001", None).await.json_body().await;
    assert_eq!(other_year["entries"], json!([]));

    // Both documents verify.
    for doc in [&certificate, &letter] {
        let id = str_at(doc, "/id");
        let v: Value = app.get(&format!("/api/v1/documents/{id}/verification"), None).await.json_body().await;
        assert_eq!(v["signature_valid"], true, "{v}");
    }

    // The reporter's view: nine steps with their times, and the downloads with the key.
    let status: Value = app
        .send_json(Method::POST, "/api/v1/reports/status", None, &json!({"ticket_code": code, "access_key": key}))
        .await
        .json_body()
        .await;
    assert_eq!(status["state"], "completed");
    let steps = array_at(&status, "/steps").clone();
    assert_eq!(steps.len(), 9);
    let mut previous = at(&steps[0]["done_at"]);
    for step in &steps {
        let done = at(&step["done_at"]);
        assert!(!step["done_at"].is_null(), "step {} not done: {status}", step["number"]);
        println!("step {} {}: +{} ms", step["number"], step["label"]["id"], (done - previous).num_milliseconds());
        assert!(done >= previous, "the steps are in order");
        previous = done;
    }
    assert_eq!(status["downloads"], json!(["certificate"]), "an AMBER letter is the PSE's");
    let letter_download = app
        .send_json(
            Method::POST,
            "/api/v1/reports/documents/notification_letter",
            None,
            &json!({"ticket_code": code, "access_key": key}),
        )
        .await;
    assert_eq!(letter_download.status(), StatusCode::NOT_FOUND, "not even with the key");
    let res = app
        .send_json(
            Method::POST,
            "/api/v1/reports/documents/certificate",
            None,
            &json!({"ticket_code": code, "access_key": key}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.body_bytes().await;
    assert_eq!(hex::encode(Sha256::digest(&bytes)), certificate["sha256"]);
    let wrong = app
        .send_json(
            Method::POST,
            "/api/v1/reports/documents/certificate",
            None,
            &json!({"ticket_code": code, "access_key": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG"}),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::NOT_FOUND, "no download without the key");

    // The PSE acknowledges with the one-time link from its email.
    let body = pse_mail[0].text();
    let token: String = body
        .split("/acknowledge#")
        .nth(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_hexdigit).collect())
        .unwrap_or_default();
    assert_eq!(token.len(), 48, "{body}");
    let ack = json!({"token": token, "fixed": true, "name": "Admin TIK Disdik", "note": "Sudah dipulihkan."});
    let res = app.send_json(Method::POST, "/api/v1/acknowledgements", None, &ack).await;
    assert_eq!(res.status(), StatusCode::OK);
    let again = app.send_json(Method::POST, "/api/v1/acknowledgements", None, &ack).await;
    assert_eq!(problem(again).await["code"], "wrong_state", "the link works once");
    let detail = app.ticket(&t.analyst, &code).await;
    assert_eq!(detail["pse_acknowledgement"]["fixed"], true);
    assert_eq!(detail["pse_acknowledgement"]["name"], "Admin TIK Disdik");
    let ack = detail["timeline"]
        .as_array()
        .and_then(|t| t.iter().find(|e| e["kind"] == "acknowledgement").cloned())
        .unwrap_or_default();
    assert_eq!(ack["event"], json!({"type": "acknowledged", "fixed": true}));
    assert_eq!(
        (&ack["actor"], &ack["author"], &ack["body"]),
        (&json!("pse"), &json!("Admin TIK Disdik"), &json!("Sudah dipulihkan."))
    );
    let queue: Value = app.get("/api/v1/tickets", Some(&t.analyst)).await.json_body().await;
    assert!(!queue["items"][0]["pse_acknowledged_at"].is_null(), "the dashboard shows the confirmation");
}

async fn delivery_is_retried_when_the_mail_server_refuses_and_sent_once(backend: TestApp) {
    let smtp = SmtpServer::start(3).await;
    let app = spawn_with_smtp(backend.backend, &smtp).await;
    drop(backend);
    let t = app.team().await;
    let (code, _) = approved(&app, &t).await;
    let detail = wait_for_state(&app, &t.analyst, &code, "completed").await;
    assert_eq!(detail["state"], "completed", "{}", detail["deliveries"]);
    wait_all_sent(&app).await;
    let detail = app.ticket(&t.analyst, &code).await;
    assert_eq!(smtp.refused.load(std::sync::atomic::Ordering::SeqCst), 3);
    let deliveries = array_at(&detail, "/deliveries").clone();
    assert!(deliveries.iter().all(|d| d["status"] == "sent"), "{deliveries:?}");
    let retried: i64 = deliveries.iter().map(|d| d["attempts"].as_i64().unwrap_or(0) - 1).sum();
    assert_eq!(retried, 3, "each refusal cost one more attempt: {deliveries:?}");
    assert_eq!(app.count("outbox_attempts WHERE ok = false").await, 3);
    let mails = smtp.messages();
    assert_eq!(mails.len(), deliveries.len(), "each message arrived once");
    for m in &mails {
        assert_eq!(mails.iter().filter(|x| x.subject() == m.subject() && x.to == m.to).count(), 1);
    }

    // A message that keeps failing is marked failed, listed for the dashboard, and can be resent.
    sea_orm::ConnectionTrait::execute_unprepared(
        &app.db,
        "UPDATE outbox SET status = 'failed', last_error = 'mailbox unavailable' WHERE purpose = 'delivery' AND to_addrs = 'budi@example.com'",
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let failed: Value = app.get("/api/v1/deliveries/failed", Some(&t.head)).await.json_body().await;
    assert_eq!(failed["items"][0]["ticket_code"], code.as_str());
    let id = i64_at(&failed, "/items/0/id");
    let path = format!("/api/v1/tickets/{code}/deliveries/{id}/resend");
    assert_eq!(app.send_json(Method::POST, &path, Some(&t.head), &json!({})).await.status(), StatusCode::FORBIDDEN);
    let res = app.send_json(Method::POST, &path, Some(&t.analyst), &json!({})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let resent = smtp.wait_for(Duration::from_secs(10), |m| m.len() > mails.len()).await;
    assert_eq!(resent.len(), mails.len() + 1, "sent again, once");
    let same_id = format!("Message-ID: <ttis-outbox-{id}@");
    assert_eq!(resent.iter().filter(|m| m.data.contains(&same_id)).count(), 2, "a repeat keeps its Message-ID");
    assert_eq!(app.count("audit_log WHERE action = 'delivery.resend'").await, 1);
}

fn verify_signature(secret: &str, call: &ttis_tests::hooks::Call) -> bool {
    let header = call.header("x-ttis-signature").unwrap_or_default();
    let t = header.split(',').find_map(|p| p.strip_prefix("t=")).unwrap_or_default();
    let v1 = header.split(',').find_map(|p| p.strip_prefix("v1=")).unwrap_or_default();
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else { return false };
    mac.update(format!("{t}.{}", call.body).as_bytes());
    hex::decode(v1).is_ok_and(|sig| mac.verify_slice(&sig).is_ok())
}

async fn webhooks_are_signed_retried_and_do_not_block_each_other(backend: TestApp) {
    let app = TestApp::spawn_with(backend.backend, |env| {
        env.insert("TTIS_OUTBOX_RETRY_SECS".into(), "1".into());
        // The test's receiver listens on loopback, an address webhooks may not call otherwise.
        env.insert("TTIS_WEBHOOK_ALLOW_NETWORKS".into(), "127.0.0.0/8".into());
    })
    .await;
    drop(backend);
    let t = app.team().await;
    let admin = app.admin_token().await;
    let receiver = HookReceiver::start().await;
    let create = |path: &str, events: Value| {
        let body = json!({"url": receiver.url(path), "events": events, "password": ADMIN_PASSWORD});
        let (app, admin) = (&app, admin.clone());
        async move { app.send_json(Method::POST, "/api/v1/webhooks", Some(&admin), &body).await }
    };
    let by_analyst = app
        .send_json(
            Method::POST,
            "/api/v1/webhooks",
            Some(&t.analyst),
            &json!({"url": receiver.url("/ok"), "events": ["report.submitted"]}),
        )
        .await;
    assert_eq!(by_analyst.status(), StatusCode::FORBIDDEN);
    let bad = create("/ok", json!([])).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let bad = app
        .send_json(
            Method::POST,
            "/api/v1/webhooks",
            Some(&admin),
            &json!({"url": "ftp://x.id/", "events": ["report.submitted"], "password": ADMIN_PASSWORD}),
        )
        .await;
    assert_eq!(problem(bad).await["errors"][0]["field"], "url");

    let ok: Value = create("/ok", json!(["report.submitted", "ticket.state_changed"])).await.json_body().await;
    let broken: Value = create("/broken", json!(["report.submitted"])).await.json_body().await;
    let flaky: Value = create("/flaky", json!(["report.submitted"])).await.json_body().await;
    let secret = str_at(&ok, "/secret").to_string();
    assert_eq!(secret.len(), 64);
    let listed: Value = app.get("/api/v1/webhooks", Some(&admin)).await.json_body().await;
    assert_eq!(listed["items"].as_array().map(Vec::len), Some(3));
    assert!(!listed.to_string().contains(&secret), "the secret is shown once");

    let res = app.submit_json(&sample_report()).await;
    let code = str_at(&res.json_body::<Value>().await, "/ticket_code").to_string();
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;

    // The healthy receiver gets both events, signed, while the broken one keeps failing.
    let calls = receiver
        .wait_for(Duration::from_secs(20), |c| {
            c.iter().filter(|x| x.path == "/ok").count() >= 2 && c.iter().filter(|x| x.path == "/flaky").count() >= 3
        })
        .await;
    let ok_calls: Vec<_> = calls.iter().filter(|c| c.path == "/ok").collect();
    assert_eq!(ok_calls.len(), 2, "report.submitted and ticket.state_changed, once each");
    for call in &ok_calls {
        assert!(verify_signature(&secret, call), "signature of {:?}", call.header("x-ttis-signature"));
        assert!(!verify_signature("another-secret", call));
        let body: Value = serde_json::from_str(&call.body).unwrap_or_default();
        assert_eq!(body["ticket"]["code"], code.as_str());
        assert!(!call.body.contains("budi@example.com"), "no personal data in webhooks");
    }
    let events: Vec<&str> = ok_calls.iter().filter_map(|c| c.header("x-ttis-event")).collect();
    assert_eq!(events, ["report.submitted", "ticket.state_changed"]);
    let flaky_calls: Vec<_> = calls.iter().filter(|c| c.path == "/flaky").collect();
    assert_eq!(flaky_calls.iter().map(|c| c.status).collect::<Vec<_>>(), [500, 500, 200], "retried until it worked");
    let id = i64_at(&flaky, "/id");
    // The receiver saw the call before the worker recorded its answer: wait for the record.
    let deadline = Instant::now() + Duration::from_secs(10);
    let list = loop {
        let list: Value = app.get(&format!("/api/v1/webhooks/{id}/deliveries"), Some(&admin)).await.json_body().await;
        if list["items"][0]["status"] == "sent" || Instant::now() > deadline {
            break list;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(list["items"][0]["status"], "sent");
    assert_eq!(list["items"][0]["attempts"], 3);
    let id = i64_at(&broken, "/id");
    let list: Value = app.get(&format!("/api/v1/webhooks/{id}/deliveries"), Some(&admin)).await.json_body().await;
    assert_ne!(list["items"][0]["status"], "sent");
    assert!(str_at(&list, "/items/0/last_error").contains("500"), "{list}");
    let res = app.client.delete(app.url(&format!("/api/v1/webhooks/{id}"))).bearer_auth(&admin).send().await;
    assert_eq!(res.map(|r| r.status()).unwrap_or(StatusCode::IM_A_TEAPOT), StatusCode::NO_CONTENT);
}

/// API7:2023 (SSRF): a webhook may not point inside the deployment's network, by any spelling of
/// an address, and a row that does (saved before, or resolved differently since) is refused when
/// it is called; the administrator sees a category of failure, not the raw error.
async fn webhooks_cannot_reach_the_inside(app: TestApp) {
    let admin = app.admin_token().await;
    let receiver = HookReceiver::start().await;
    for url in [
        receiver.url("/ok"),
        "http://169.254.169.254/latest/meta-data/".into(),
        "http://[::1]/".into(),
        "http://0x7f000001/".into(),
        "http://localhost:9/".into(),
        "http://10.0.0.1/hook".into(),
        "http://[fd00::1]/".into(),
    ] {
        let body = json!({"url": url, "events": ["report.submitted"], "password": ADMIN_PASSWORD});
        let res = app.send_json(Method::POST, "/api/v1/webhooks", Some(&admin), &body).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{url}");
        assert_eq!(problem(res).await["errors"][0]["field"], "url", "{url}");
    }
    // A row that names the inside anyway is refused at call time.
    let insert = format!(
        "INSERT INTO webhooks (url, events, secret, active, created_at) VALUES ('{}', 'report.submitted', '{}', TRUE, '2026-12-01T00:00:00Z')",
        receiver.url("/ok"),
        "s".repeat(64)
    );
    sea_orm::ConnectionTrait::execute_unprepared(&app.db, &insert).await.unwrap_or_else(|e| panic!("{e}"));
    let listed: Value = app.get("/api/v1/webhooks", Some(&admin)).await.json_body().await;
    let id = i64_at(&listed, "/items/0/id");
    assert_eq!(app.submit_json(&sample_report()).await.status(), StatusCode::CREATED);
    let deadline = Instant::now() + Duration::from_secs(20);
    let error = loop {
        let list: Value = app.get(&format!("/api/v1/webhooks/{id}/deliveries"), Some(&admin)).await.json_body().await;
        if let Some(e) = list["items"][0]["last_error"].as_str() {
            break e.to_string();
        }
        assert!(Instant::now() < deadline, "the call was attempted: {list}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(error.contains("not allowed"), "a category, not the raw error: {error}");
    assert!(receiver.calls().is_empty(), "nothing reached the inside");
}

async fn the_reporter_changes_the_hall_of_fame_display(app: TestApp) {
    let t = app.team().await;
    let (code, key) = approved(&app, &t).await;
    let names = |hof: &Value| -> Vec<String> {
        hof["entries"]
            .as_array()
            .map(|e| e.iter().filter_map(|x| x["display_name"].as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    };
    let hof: Value = app.get("/api/v1/hall-of-fame", None).await.json_body().await;
    assert_eq!(names(&hof), ["budisec"]);
    let change = |choice: &str, alias: Option<&str>| {
        let mut body = json!({"ticket_code": code, "access_key": key, "choice": choice});
        if let Some(a) = alias {
            body["alias"] = json!(a);
        }
        let app = &app;
        async move { app.send_json(Method::POST, "/api/v1/reports/hall-of-fame", None, &body).await }
    };
    assert_eq!(change("alias", None).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let wrong = json!({"ticket_code": code, "access_key": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG", "choice": "hidden"});
    let res = app.send_json(Method::POST, "/api/v1/reports/hall-of-fame", None, &wrong).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "only with the ticket's key");
    for (choice, alias, expected) in [
        ("real_name", None, vec!["Budi Santoso"]),
        ("anonymous", None, vec!["Anonim"]),
        ("alias", Some("si-budi"), vec!["si-budi"]),
        ("hidden", None, vec![]),
    ] {
        assert_eq!(change(choice, alias).await.status(), StatusCode::OK);
        let hof: Value = app.get("/api/v1/hall-of-fame", None).await.json_body().await;
        assert_eq!(names(&hof), expected, "{choice}");
    }
    assert_eq!(app.count("audit_log WHERE action = 'hall_of_fame.change'").await, 4);
}

/// Two API processes on one PostgreSQL database, each with its outbox worker, deliver every
/// message exactly once.
#[tokio::test]
async fn two_api_processes_deliver_every_message_exactly_once() {
    let smtp = SmtpServer::start(0).await;
    let first = spawn_with_smtp(Backend::Postgres, &smtp).await;
    let url = first.database_url.clone();
    let smtp_url = smtp.url();
    let second = TestApp::spawn_with(Backend::Postgres, move |env| {
        env.insert("DATABASE_URL".into(), url);
        env.insert("TTIS_SMTP_URL".into(), smtp_url);
        env.insert("TTIS_OUTBOX_RETRY_SECS".into(), "1".into());
    })
    .await;
    first.user_with_roles("analis@ttis.test", &["analyst"]).await;
    const N: usize = 20;
    let submissions = (0..N).map(|i| {
        let app = if i % 2 == 0 { &first } else { &second };
        async move { app.submit_json(&sample_report()).await.status() }
    });
    for status in futures_util::future::join_all(submissions).await {
        assert_eq!(status, StatusCode::CREATED);
    }
    let expected = usize::try_from(first.count("outbox").await).unwrap_or(0);
    assert_eq!(expected, 2 * N, "a receipt and an alert per report");
    let deadline = Instant::now() + Duration::from_secs(30);
    while first.count("outbox WHERE status = 'sent'").await < expected as i64 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Give a duplicate time to show up if there were one.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let mails = smtp.messages();
    assert_eq!(mails.len(), expected, "every message once");
    let mut keys: Vec<(String, Vec<String>)> = mails.iter().map(|m| (m.subject(), m.to.clone())).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), expected, "no message twice");
}
