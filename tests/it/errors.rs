use reqwest::{Method, StatusCode};
use sea_orm::ConnectionTrait;
use serde_json::json;
use ttis_tests::{ADMIN_EMAIL, ADMIN_PASSWORD, TestApp, db_tests, problem};

db_tests!(bad_input_gets_a_clear_problem, server_errors_show_only_a_request_id);

async fn bad_input_gets_a_clear_problem(app: TestApp) {
    let login = app.url("/api/v1/auth/login");
    let post = |body: &'static str, ct: &'static str| {
        app.client.post(login.clone()).header("content-type", ct).body(body).send()
    };
    let cases: Vec<(&str, reqwest::Response, StatusCode, &str)> = vec![
        (
            "not JSON",
            post("{\"email\": ", "application/json").await.unwrap_or_else(|e| panic!("{e}")),
            StatusCode::BAD_REQUEST,
            "malformed_body",
        ),
        (
            "wrong type",
            post("email=a", "application/x-www-form-urlencoded").await.unwrap_or_else(|e| panic!("{e}")),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "missing field",
            post("{\"email\": \"a@b.id\"}", "application/json").await.unwrap_or_else(|e| panic!("{e}")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            "unknown field",
            post("{\"email\": \"a@b.id\", \"password\": \"x\", \"admin\": true}", "application/json")
                .await
                .unwrap_or_else(|e| panic!("{e}")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
        (
            "wrong field type",
            post("{\"email\": 5, \"password\": \"x\"}", "application/json").await.unwrap_or_else(|e| panic!("{e}")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
        (
            "bad email",
            post("{\"email\": \"nope\", \"password\": \"x\"}", "application/json")
                .await
                .unwrap_or_else(|e| panic!("{e}")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
    ];
    for (label, res, status, code) in cases {
        assert_eq!(res.status(), status, "{label}");
        assert!(res.headers().contains_key("x-request-id"), "{label}: request id");
        let p = problem(res).await;
        assert_eq!(p["code"], code, "{label}");
        assert_eq!(p["status"], status.as_u16(), "{label}");
        if label == "missing field" {
            assert_eq!(p["errors"], json!([{"field": "password", "code": "required", "message": "Wajib diisi."}]));
        }
    }

    let huge = format!("{{\"email\": \"a@b.id\", \"password\": \"{}\"}}", "x".repeat(300 * 1024));
    let res = app
        .client
        .post(login.clone())
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(problem(res).await["code"], "payload_too_large");

    // English on request, Indonesian by default.
    let en = app
        .client
        .post(login.clone())
        .header("accept-language", "en")
        .json(&json!({"email": ADMIN_EMAIL, "password": "wrong-password-here"}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let en = problem(en).await;
    assert_eq!(en["detail"], "Wrong email or password.");
    assert_eq!(en["title"], "Sign-in failed");

    let wrong_method = app.send_json(Method::DELETE, "/api/v1/hall-of-fame", None, &json!({})).await;
    assert_eq!(wrong_method.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(wrong_method.headers().get("allow").and_then(|v| v.to_str().ok()), Some("GET"));
    assert_eq!(problem(wrong_method).await["code"], "method_not_allowed");
    let templated = app.send_json(Method::PATCH, "/api/v1/tickets/TTIS-2026-000001/drafts", None, &json!({})).await;
    assert_eq!(templated.headers().get("allow").and_then(|v| v.to_str().ok()), Some("PUT"));
    let missing = app.get("/api/v1/no-such-thing", None).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(problem(missing).await["code"], "not_found");
    let bad_id = app.get("/api/v1/users/abc", Some(&app.admin_token().await)).await;
    assert_eq!(bad_id.status(), StatusCode::BAD_REQUEST);
    assert_eq!(problem(bad_id).await["code"], "invalid_parameter");

    let ok = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    assert_eq!(ok.status(), StatusCode::OK, "nothing above locked the account");
    for header in ["x-content-type-options", "referrer-policy", "x-frame-options", "content-security-policy"] {
        assert!(ok.headers().contains_key(header), "{header}");
    }
    assert!(!ok.headers().contains_key("strict-transport-security"), "HSTS only over TLS");
    let page = app.get("/report", None).await;
    let csp =
        page.headers().get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    for directive in ["script-src 'self' 'wasm-unsafe-eval'", "base-uri 'none'", "frame-ancestors 'none'"] {
        assert!(csp.contains(directive), "{directive} in {csp}");
    }
    assert!(!csp.contains("script-src 'self' 'unsafe-inline'"), "no inline scripts");
}

async fn server_errors_show_only_a_request_id(app: TestApp) {
    // Break the database under the running server: the audit table disappears.
    app.db.execute_unprepared("DROP TABLE audit_log").await.unwrap_or_else(|e| panic!("{e}"));
    let res = app.login(ADMIN_EMAIL, "wrong-password-here").await;
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let header_id = res.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    let text = res.text().await.unwrap_or_default();
    let body: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(body["code"], "internal_error");
    assert_eq!(body["request_id"], header_id.as_str());
    assert!(!header_id.is_empty());
    let lower = text.to_lowercase();
    for leak in ["audit_log", "sql", "table", "relation"] {
        assert!(!lower.contains(leak), "the body leaks {leak:?}: {text}");
    }
}
