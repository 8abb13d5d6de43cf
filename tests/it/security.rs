//! Account security and data protection, driven over HTTP: the common-password list, one's own
//! password and sessions, the TOTP second factor and the policy that requires it, the retention
//! job (statistics survive), a reporter's data on request, CORS, and clamd scanning.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use ttis_tests::clamd::FakeClamd;
use ttis_tests::must::{ResponseExt, array_at, i64_at, str_at};
use ttis_tests::{
    ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestApp, USER_PASSWORD, authenticator_code as code, db_tests, problem,
    sample_analysis, sample_report,
};

db_tests!(
    common_passwords_are_refused_everywhere_a_password_is_set,
    members_change_their_password_and_end_their_sessions,
    totp_enrolment_sign_in_replay_and_reset,
    the_policy_holds_privileged_accounts_until_they_enrol,
    retention_erases_reporter_data_and_keeps_the_statistics,
    reporter_data_export_lists_everything_held,
);

const PW: &str = "password-of-a-test-user";

async fn login_with(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
    otp: Option<&str>,
) -> reqwest::Response {
    let mut body = json!({"email": email, "password": password});
    if let Some(c) = otp {
        body["totp"] = json!(c);
    }
    client.post(app.url("/api/v1/auth/login")).json(&body).send().await.unwrap_or_else(|e| panic!("{e}"))
}

async fn token_of(res: reqwest::Response) -> String {
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json_body().await;
    str_at(&body, "/access_token").to_string()
}

async fn enrol(app: &TestApp, token: &str) -> String {
    let res = app.send_json(Method::POST, "/api/v1/auth/totp", Some(token), &json!({"password": PW})).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let setup: Value = res.json_body().await;
    let secret = str_at(&setup, "/secret").to_string();
    assert!(str_at(&setup, "/otpauth_uri").contains(&format!("secret={secret}")));
    assert!(str_at(&setup, "/qr_svg").contains("<svg"));
    let res = app
        .send_json(Method::POST, "/api/v1/auth/totp/activation", Some(token), &json!({"code": code(&secret, 0)}))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    secret
}

async fn common_passwords_are_refused_everywhere_a_password_is_set(app: TestApp) {
    let admin = app.admin_token().await;
    for weak in ["Password2026!", "kutai kartanegara 123", "qwertyuiopasdf", "aaaaaaaaaaaaaaaa"] {
        let res = app
            .send_json(
                Method::POST,
                "/api/v1/users",
                Some(&admin),
                &json!({"email": "lemah@ttis.test", "name": "Lemah", "roles": ["analyst"], "password": weak}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{weak}");
        let p = problem(res).await;
        assert_eq!(p["errors"][0]["field"], "password");
        assert_eq!(p["errors"][0]["code"], "common_password", "{weak}");
    }
    assert_eq!(app.count("users WHERE email = 'lemah@ttis.test'").await, 0);
    let analyst = app.user_with_roles("a@ttis.test", &["analyst"]).await;
    let res = app
        .send_json(Method::POST, "/api/v1/users/2/password", Some(&admin), &json!({"new_password": "indonesia12345"}))
        .await;
    assert_eq!(problem(res).await["errors"][0]["code"], "common_password");
    let res = app
        .send_json(
            Method::POST,
            "/api/v1/auth/password",
            Some(&analyst),
            &json!({"current_password": PW, "new_password": "bismillah2026!"}),
        )
        .await;
    assert_eq!(problem(res).await["errors"][0]["code"], "common_password");
}

async fn members_change_their_password_and_end_their_sessions(app: TestApp) {
    app.user_with_roles("a@ttis.test", &["analyst"]).await;
    let other_browser = app.fresh_client();
    let here = token_of(login_with(&app, &app.client, "a@ttis.test", PW, None).await).await;
    let there = token_of(login_with(&app, &other_browser, "a@ttis.test", PW, None).await).await;

    let sessions: Vec<Value> = app.get("/api/v1/auth/sessions", Some(&here)).await.json_body().await;
    assert_eq!(sessions.len(), 3, "user_with_roles, here and there");
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);

    let res = app
        .send_json(
            Method::POST,
            "/api/v1/auth/password",
            Some(&here),
            &json!({"current_password": "not-my-password!", "new_password": "kuda laut di sungai mahakam"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(res).await["errors"][0]["code"], "wrong_password");

    let res = app
        .send_json(
            Method::POST,
            "/api/v1/auth/password",
            Some(&here),
            &json!({"current_password": PW, "new_password": "kuda laut di sungai mahakam"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/v1/auth/me", Some(&here)).await.status(), StatusCode::OK, "this session stays");
    assert_eq!(app.get("/api/v1/auth/me", Some(&there)).await.status(), StatusCode::UNAUTHORIZED, "others end");
    assert_eq!(login_with(&app, &other_browser, "a@ttis.test", PW, None).await.status(), StatusCode::UNAUTHORIZED);
    let again =
        token_of(login_with(&app, &other_browser, "a@ttis.test", "kuda laut di sungai mahakam", None).await).await;

    // Ending one's own other session; another account's session id is not found.
    let sessions: Vec<Value> = app.get("/api/v1/auth/sessions", Some(&here)).await.json_body().await;
    let other_id = sessions.iter().find(|s| s["current"] == false).map(|s| str_at(s, "/id").to_string());
    let other_id = other_id.unwrap_or_else(|| panic!("two sessions: {sessions:?}"));
    let admin = app.admin_token().await;
    let admin_sessions: Vec<Value> = app.get("/api/v1/auth/sessions", Some(&admin)).await.json_body().await;
    let admin_sid = str_at(&admin_sessions[0], "/id");
    let res =
        app.send_json(Method::DELETE, &format!("/api/v1/auth/sessions/{admin_sid}"), Some(&here), &json!({})).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "no ending another account's session");
    assert_eq!(app.get("/api/v1/auth/me", Some(&admin)).await.status(), StatusCode::OK);
    let res =
        app.send_json(Method::DELETE, &format!("/api/v1/auth/sessions/{other_id}"), Some(&here), &json!({})).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/v1/auth/me", Some(&again)).await.status(), StatusCode::UNAUTHORIZED);

    // Administrators see and end other accounts' sessions; analysts may not.
    let me: Value = app.get("/api/v1/auth/me", Some(&here)).await.json_body().await;
    let id = i64_at(&me, "/id");
    assert_eq!(app.get(&format!("/api/v1/users/{id}/sessions"), Some(&here)).await.status(), StatusCode::FORBIDDEN);
    let listed: Vec<Value> = app.get(&format!("/api/v1/users/{id}/sessions"), Some(&admin)).await.json_body().await;
    assert_eq!(listed.len(), 1);
    let sid = str_at(&listed[0], "/id");
    let path = format!("/api/v1/users/{id}/sessions/{sid}");
    assert_eq!(app.send_json(Method::DELETE, &path, Some(&here), &json!({})).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.send_json(Method::DELETE, &path, Some(&admin), &json!({})).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/v1/auth/me", Some(&here)).await.status(), StatusCode::UNAUTHORIZED);
    assert!(app.count("audit_log WHERE action = 'auth.session_revoked'").await >= 2);
    assert_eq!(app.count("audit_log WHERE action = 'auth.password_change'").await, 1);
}

async fn totp_enrolment_sign_in_replay_and_reset(app: TestApp) {
    let token = app.user_with_roles("kadis@ttis.test", &["head"]).await;
    let secret = enrol(&app, &token).await;
    let me: Value = app.get("/api/v1/auth/me", Some(&token)).await.json_body().await;
    assert_eq!(me["totp_enabled"], true);
    let res = app.send_json(Method::POST, "/api/v1/auth/totp", Some(&token), &json!({"password": PW})).await;
    assert_eq!(problem(res).await["code"], "totp_state", "enrolled already");

    let browser = app.fresh_client();
    let res = login_with(&app, &browser, "kadis@ttis.test", PW, None).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(problem(res).await["code"], "totp_required");
    let res = login_with(&app, &browser, "kadis@ttis.test", "wrong-password-here", Some(&code(&secret, 1))).await;
    assert_eq!(problem(res).await["code"], "invalid_credentials", "the password is checked first");
    let wrong = format!("{:06}", (code(&secret, 1).parse::<u32>().unwrap_or_default() + 1) % 1_000_000);
    let res = login_with(&app, &browser, "kadis@ttis.test", PW, Some(&wrong)).await;
    assert_eq!(problem(res).await["code"], "totp_invalid");
    // The activation used this step's code; the next step's code is accepted once.
    let next = code(&secret, 1);
    let res = login_with(&app, &browser, "kadis@ttis.test", PW, Some(&next)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = login_with(&app, &app.fresh_client(), "kadis@ttis.test", PW, Some(&next)).await;
    assert_eq!(problem(res).await["code"], "totp_invalid", "a code works once");
    assert_eq!(app.count("audit_log WHERE action = 'auth.login_failed' AND details LIKE '%wrong_totp%'").await, 2);

    // An administrator clears it (a lost phone): sessions end, sign-in needs no code.
    let admin = app.admin_token().await;
    let id = i64_at(&me, "/id");
    let path = format!("/api/v1/users/{id}/totp");
    assert_eq!(app.send_json(Method::DELETE, &path, Some(&token), &json!({})).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.send_json(Method::DELETE, &path, Some(&admin), &json!({})).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/v1/auth/me", Some(&token)).await.status(), StatusCode::UNAUTHORIZED);
    let token = token_of(login_with(&app, &browser, "kadis@ttis.test", PW, None).await).await;

    // Turning it off oneself needs the password and a current code.
    let secret = enrol(&app, &token).await;
    let res = app
        .send_json(Method::POST, "/api/v1/auth/totp/removal", Some(&token), &json!({"password": PW, "code": "000000"}))
        .await;
    let p = problem(res).await;
    assert!(p["errors"][0]["code"] == "wrong_totp_code" || code(&secret, 0) == "000000", "{p}");
    let res = app
        .send_json(
            Method::POST,
            "/api/v1/auth/totp/removal",
            Some(&token),
            &json!({"password": PW, "code": code(&secret, 1)}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(login_with(&app, &app.fresh_client(), "kadis@ttis.test", PW, None).await.status(), StatusCode::OK);
    for action in ["auth.totp_enabled", "user.totp_reset", "auth.totp_disabled"] {
        assert!(app.count(&format!("audit_log WHERE action = '{action}'")).await >= 1, "{action}");
    }
}

async fn the_policy_holds_privileged_accounts_until_they_enrol(app: TestApp) {
    let head = app.user_with_roles("kadis@ttis.test", &["head"]).await;
    let analyst = app.user_with_roles("a@ttis.test", &["analyst"]).await;
    let admin = app.admin_token().await;
    assert_eq!(app.get("/api/v1/security-policy", Some(&analyst)).await.status(), StatusCode::FORBIDDEN);
    let policy = json!({"require_totp_for_privileged": true, "retention_days": null});
    let res = app.send_json(Method::PUT, "/api/v1/security-policy", Some(&analyst), &policy).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app.send_json(Method::PUT, "/api/v1/security-policy", Some(&admin), &policy).await;
    assert_eq!(res.status(), StatusCode::OK);

    // The head and the admin are held at their own account; the analyst is not.
    let res = app.get("/api/v1/tickets", Some(&head)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(problem(res).await["code"], "totp_enrollment_required");
    let res = app.get("/api/v1/users", Some(&admin)).await;
    assert_eq!(problem(res).await["code"], "totp_enrollment_required");
    assert_eq!(app.get("/api/v1/tickets", Some(&analyst)).await.status(), StatusCode::OK);
    assert_eq!(app.get("/api/v1/auth/me", Some(&head)).await.status(), StatusCode::OK);
    assert_eq!(app.get("/api/v1/auth/sessions", Some(&head)).await.status(), StatusCode::OK);

    enrol(&app, &head).await;
    assert_eq!(app.get("/api/v1/tickets", Some(&head)).await.status(), StatusCode::OK, "enrolled: let through");
    let res =
        app.send_json(Method::POST, "/api/v1/auth/totp", Some(&admin), &json!({"password": ADMIN_PASSWORD})).await;
    let secret: Value = res.json_body().await;
    let secret = str_at(&secret, "/secret").to_string();
    let res = app
        .send_json(Method::POST, "/api/v1/auth/totp/activation", Some(&admin), &json!({"code": code(&secret, 0)}))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/v1/users", Some(&admin)).await.status(), StatusCode::OK);
    let saved: Value = app.get("/api/v1/security-policy", Some(&admin)).await.json_body().await;
    assert_eq!(saved, policy);
    let res = login_with(&app, &app.fresh_client(), ADMIN_EMAIL, ADMIN_PASSWORD, None).await;
    assert_eq!(problem(res).await["code"], "totp_required");
    assert_eq!(app.count("audit_log WHERE action = 'security.policy_update'").await, 1);
}

/// Submits with evidence and drives the ticket to `completed` (delivery to the mail folder).
async fn completed_ticket(app: &TestApp, t: &ttis_tests::Team) -> String {
    let res = app.submit_multipart(&sample_report(), vec![("bukti.txt", b"log server: deface 08:31\n".to_vec())]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: Value = res.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;
    app.act_ok(&t.analyst, &code, json!({"action": "request_info", "message": "Mohon kirim tangkapan layar."})).await;
    let res = app
        .send_json(
            Method::POST,
            "/api/v1/reports/info",
            None,
            &json!({"ticket_code": code, "access_key": receipt["access_key"], "message": "Nomor saya 0812 1111 2222."}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap_or_default());
    app.act_ok(&t.analyst, &code, json!({"action": "verify", "analysis": sample_analysis(t.analyst_id)})).await;
    app.act_ok(&t.analyst, &code, json!({"action": "submit_for_approval"})).await;
    app.act_ok(&t.head, &code, ttis_tests::approve()).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while app.ticket(&t.analyst, &code).await["state"] != "completed" {
        assert!(Instant::now() < deadline, "delivery did not complete the ticket");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    code
}

async fn retention_erases_reporter_data_and_keeps_the_statistics(app: TestApp) {
    let t = app.team().await;
    let admin = app.admin_token().await;
    let done = completed_ticket(&app, &t).await;
    let res = app.submit_json(&sample_report()).await;
    let rejected: Value = res.json_body().await;
    let rejected = str_at(&rejected, "/ticket_code").to_string();
    app.act_ok(&t.analyst, &rejected, json!({"action": "reject", "reason": "spam"})).await;
    let res = app.submit_json(&sample_report()).await;
    let open: Value = res.json_body().await;
    let open = str_at(&open, "/ticket_code").to_string();
    let evidence_files = || app.stored_evidence();
    let files_before = evidence_files();
    assert!(files_before >= 1);
    let stats_before: Value = app.get("/api/v1/stats", Some(&t.head)).await.json_body().await;

    // No retention set: nothing happens.
    let run: Value =
        app.send_json(Method::POST, "/api/v1/retention/runs", Some(&admin), &json!({})).await.json_body().await;
    assert_eq!(run["anonymized"], 0);
    assert_eq!(
        app.send_json(Method::POST, "/api/v1/retention/runs", Some(&t.analyst), &json!({})).await.status(),
        StatusCode::FORBIDDEN
    );
    let res = app
        .send_json(
            Method::PUT,
            "/api/v1/security-policy",
            Some(&admin),
            &json!({"require_totp_for_privileged": false, "retention_days": 0}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "at least one day");
    let policy = json!({"require_totp_for_privileged": false, "retention_days": 30});
    assert_eq!(
        app.send_json(Method::PUT, "/api/v1/security-policy", Some(&admin), &policy).await.status(),
        StatusCode::OK
    );
    let run: Value =
        app.send_json(Method::POST, "/api/v1/retention/runs", Some(&admin), &json!({})).await.json_body().await;
    assert_eq!(run["anonymized"], 0, "closed today: kept");

    // Forty days pass for every ticket.
    app.clock.advance(chrono::Duration::days(40));
    let run: Value =
        app.send_json(Method::POST, "/api/v1/retention/runs", Some(&admin), &json!({})).await.json_body().await;
    assert_eq!(run["anonymized"], 2, "{run}");
    let mut codes: Vec<&str> =
        run["codes"].as_array().map(|c| c.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    codes.sort_unstable();
    let mut expected = vec![done.as_str(), rejected.as_str()];
    expected.sort_unstable();
    assert_eq!(codes, expected, "the open ticket is kept");
    assert_eq!(run["files_removed"], 1);
    assert_eq!(evidence_files(), files_before - 1);

    let detail = app.ticket(&t.analyst, &done).await;
    assert_eq!(detail["reporter"]["name"], "[dihapus]");
    assert_eq!(detail["reporter"]["email"], "");
    assert!(detail["reporter"]["phone"].is_null());
    assert_eq!(detail["evidence"], json!([]));
    let text = detail["timeline"].to_string();
    assert!(!text.contains("0812 1111 2222") && !text.contains("tangkapan layar"), "{text}");
    assert_eq!(detail["category"], "web_defacement", "the incident record stays");
    assert_eq!(app.ticket(&t.analyst, &open).await["reporter"]["name"], "Budi Santoso");
    let mail = app
        .db
        .query_one(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM outbox WHERE to_addrs LIKE '%budi@example.com%' AND ticket_id = (SELECT id FROM tickets WHERE code = '".to_string() + &done + "')",
        ))
        .await
        .ok()
        .flatten()
        .and_then(|r| r.try_get::<i64>("", "n").ok());
    assert_eq!(mail, Some(0), "emails to the reporter no longer name them");

    // The same period as before (the default one moved with the clock); open tickets' ages
    // moved forty days too, and are not what retention may change.
    let period = format!("/api/v1/stats?from={}&to={}", str_at(&stats_before, "/from"), str_at(&stats_before, "/to"));
    let mut stats_after: Value = app.get(&period, Some(&t.head)).await.json_body().await;
    let mut stats_before = stats_before;
    for s in [&mut stats_after, &mut stats_before] {
        if let Some(o) = s.as_object_mut() {
            o.remove("open_by_age");
        }
    }
    assert_eq!(stats_after, stats_before, "the statistics survive");
    let run: Value =
        app.send_json(Method::POST, "/api/v1/retention/runs", Some(&admin), &json!({})).await.json_body().await;
    assert_eq!(run["anonymized"], 0, "once");
    assert_eq!(app.count("audit_log WHERE action = 'ticket.personal_data_erased'").await, 2);
    let v: Value = app.get("/api/v1/audit/verification", Some(&admin)).await.json_body().await;
    assert_eq!(v["intact"], true);
}

async fn reporter_data_export_lists_everything_held(app: TestApp) {
    let t = app.team().await;
    let admin = app.admin_token().await;
    let res = app.submit_multipart(&sample_report(), vec![("log.txt", b"GET /shell.php 200\n".to_vec())]).await;
    let receipt: Value = res.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;
    app.act_ok(&t.analyst, &code, json!({"action": "request_info", "message": "Kapan pertama terlihat?"})).await;
    let mut other = sample_report();
    other["reporter"]["email"] = json!("orang.lain@example.com");
    app.submit_json(&other).await;

    let body = json!({"email": "BUDI@example.com", "password": USER_PASSWORD});
    let res = app.send_json(Method::POST, "/api/v1/reporter-data-exports", Some(&admin), &body).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "administrators do not read reporter data");
    let res = app.send_json(Method::POST, "/api/v1/reporter-data-exports", None, &body).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app.send_json(Method::POST, "/api/v1/reporter-data-exports", Some(&t.head), &body).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    assert!(
        res.headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .contains("attachment")
    );
    let data: Value = res.json_body().await;
    assert_eq!(data["email"], "budi@example.com");
    let tickets = array_at(&data, "/tickets").clone();
    assert_eq!(tickets.len(), 1, "only this reporter's");
    let ticket = &tickets[0];
    assert_eq!(ticket["code"], code.as_str());
    assert_eq!(ticket["reporter_name"], "Budi Santoso");
    assert_eq!(ticket["reporter_phone"], "+62 812 3456 7890");
    assert_eq!(ticket["evidence"][0]["filename"], "log.txt");
    assert_eq!(ticket["evidence"][0]["size"], 19);
    assert_eq!(ticket["messages"][0]["body"], "Kapan pertama terlihat?");
    assert!(ticket["emails"].as_array().is_some_and(|e| !e.is_empty()), "the receipt email at least");
    assert_eq!(app.count("audit_log WHERE action = 'reporter.data_export'").await, 1);
    let audit = app.get("/api/v1/audit?action=reporter.", Some(&admin)).await.text().await.unwrap_or_default();
    assert!(!audit.contains("budi@example.com"), "the audit log does not repeat the email");
}

/// CORS is closed by default; an allow-listed origin gets its preflight answered.
#[tokio::test]
async fn cors_is_closed_unless_the_origin_is_listed() {
    let preflight = |app: &TestApp, origin: &str| {
        app.client
            .request(Method::OPTIONS, app.url("/api/v1/reports/status"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type")
            .send()
    };
    let closed = TestApp::spawn(Backend::Sqlite).await;
    let res = preflight(&closed, "https://portal.kukarkab.go.id").await.unwrap_or_else(|e| panic!("{e}"));
    assert!(res.headers().get("access-control-allow-origin").is_none());

    let open = TestApp::spawn_with(Backend::Sqlite, |env| {
        env.insert("TTIS_CORS_ORIGINS".into(), "https://portal.kukarkab.go.id, https://csirt.kaltimprov.go.id".into());
    })
    .await;
    let res = preflight(&open, "https://portal.kukarkab.go.id").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let header =
        |r: &reqwest::Response, name: &str| r.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    assert_eq!(header(&res, "access-control-allow-origin").as_deref(), Some("https://portal.kukarkab.go.id"));
    assert!(header(&res, "access-control-allow-methods").unwrap_or_default().contains("POST"));
    assert!(header(&res, "access-control-allow-credentials").is_none(), "no credentials");
    let res = preflight(&open, "https://evil.example").await.unwrap_or_else(|e| panic!("{e}"));
    assert!(res.headers().get("access-control-allow-origin").is_none());
    let res = open
        .client
        .get(open.url("/api/v1/categories"))
        .header("Origin", "https://csirt.kaltimprov.go.id")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, "access-control-allow-origin").as_deref(), Some("https://csirt.kaltimprov.go.id"));
    assert!(header(&res, "vary").unwrap_or_default().contains("Origin"));
}

/// With `TTIS_CLAMD_ADDR`, evidence goes through clamd: the EICAR test file is refused, a clean
/// file is kept, and while the scanner is down nothing is accepted.
#[tokio::test]
async fn clamd_refuses_malware_and_unavailability_keeps_nothing() {
    let clamd = FakeClamd::start().await;
    let addr = clamd.addr.clone();
    let app = TestApp::spawn_with(Backend::Sqlite, move |env| {
        env.insert("TTIS_CLAMD_ADDR".into(), addr);
    })
    .await;
    let eicar = br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*".to_vec();
    let res = app.submit_multipart(&sample_report(), vec![("catatan.txt", eicar.clone())]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let p = problem(res).await;
    assert_eq!(p["code"], "malware_found");
    assert!(str_at(&p, "/detail").contains("catatan.txt"));
    assert_eq!(app.count("tickets").await, 0);

    let res = app.submit_multipart(&sample_report(), vec![("log.txt", b"GET / 200\n".to_vec())]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(clamd.scanned(), 2, "both files went through clamd");

    clamd.stop();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let res = app.submit_multipart(&sample_report(), vec![("log.txt", b"GET / 200\n".to_vec())]).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(problem(res).await["code"], "scanner_unavailable");
    assert_eq!(app.count("tickets").await, 1);
    assert_eq!(app.stored_evidence(), 1, "only the clean file of the accepted report is stored");
}
