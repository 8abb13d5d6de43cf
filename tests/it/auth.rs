use chrono::Utc;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};
use ttis_tests::must::{ResponseExt, str_at};
use ttis_tests::{ADMIN_EMAIL, ADMIN_PASSWORD, ISSUER, JWT_SECRET, TestApp, db_tests, problem};

db_tests!(
    login_returns_a_token_and_a_strict_refresh_cookie,
    unknown_email_and_wrong_password_get_the_same_answer,
    forged_expired_and_unsigned_tokens_are_refused,
    logout_ends_the_session_at_once,
    refresh_rotates_and_a_replayed_token_ends_the_session,
    a_disabled_user_is_locked_out,
);

fn set_cookie(res: &reqwest::Response) -> String {
    res.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join("\n")
}

async fn login_returns_a_token_and_a_strict_refresh_cookie(app: TestApp) {
    let res = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let cookie = set_cookie(&res);
    assert!(cookie.starts_with("ttis_refresh="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/v1/auth", "Max-Age="] {
        assert!(cookie.contains(attribute), "cookie lacks {attribute}: {cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain-HTTP test server must not set Secure");
    let body: Value = res.json_body().await;
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert_eq!(body["user"]["email"], ADMIN_EMAIL);
    assert_eq!(body["user"]["roles"], json!(["admin"]));
    assert!(body.get("refresh_token").is_none(), "the refresh token travels only in the cookie");

    let token = str_at(&body, "/access_token");
    let me = app.get("/api/v1/auth/me", Some(token)).await;
    assert_eq!(me.status(), StatusCode::OK);
    let me: Value = me.json_body().await;
    assert_eq!(me["email"], ADMIN_EMAIL);

    // Emails are matched case-insensitively.
    let res = app.login("ADMIN@ttis.TEST", ADMIN_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
}

async fn unknown_email_and_wrong_password_get_the_same_answer(app: TestApp) {
    let unknown = app.login("nobody@ttis.test", ADMIN_PASSWORD).await;
    let wrong = app.login(ADMIN_EMAIL, "not-the-password-at-all").await;
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let (a, b) = (problem(unknown).await, problem(wrong).await);
    for key in ["code", "title", "detail", "type", "status"] {
        assert_eq!(a[key], b[key], "{key} differs");
    }
    assert_eq!(a["code"], "invalid_credentials");
    assert!(str_at(&a, "/detail").contains("Email atau kata sandi salah"));

    let rows = app
        .db
        .query_one(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.login_failed'",
        ))
        .await
        .ok()
        .flatten()
        .and_then(|r| r.try_get::<i64>("", "n").ok());
    assert_eq!(rows, Some(2), "both failures audited");
}

fn craft(claims: Value, secret: &[u8]) -> String {
    let key = EncodingKey::from_secret(secret).unwrap_or_else(|e| panic!("key: {e}"));
    jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &key).unwrap_or_else(|e| panic!("encode: {e}"))
}

async fn forged_expired_and_unsigned_tokens_are_refused(app: TestApp) {
    let token = app.admin_token().await;
    let claims: Value = {
        use base64::Engine;
        let payload = token.split('.').nth(1).unwrap_or_default();
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).unwrap_or_default();
        serde_json::from_slice(&bytes).unwrap_or_default()
    };
    assert_eq!(app.get("/api/v1/auth/me", Some(&token)).await.status(), StatusCode::OK);

    let now = Utc::now().timestamp();
    let mut expired = claims.clone();
    expired["iat"] = json!(now - 3600);
    expired["exp"] = json!(now - 1800);
    let mut wrong_audience = claims.clone();
    wrong_audience["aud"] = json!("someone-else");
    let mut wrong_issuer = claims.clone();
    wrong_issuer["iss"] = json!("http://evil.test");
    let mut no_exp = claims.clone();
    if let Some(o) = no_exp.as_object_mut() {
        o.remove("exp");
    }

    use base64::Engine;
    let b64 = |v: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    let mut tampered_claims = claims.clone();
    tampered_claims["sub"] = json!("999");
    let sig = token.rsplit('.').next().unwrap_or_default();
    let tampered = format!("{}.{}.{sig}", token.split('.').next().unwrap_or_default(), b64(&tampered_claims));
    let alg_none = format!("{}.{}.", b64(&json!({"alg": "none", "typ": "JWT"})), b64(&claims));
    let hs512 = {
        let key = EncodingKey::from_secret(JWT_SECRET.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        jsonwebtoken::encode(&Header::new(Algorithm::HS512), &claims, &key).unwrap_or_default()
    };

    let cases = [
        ("expired", craft(expired, JWT_SECRET.as_bytes())),
        ("wrong audience", craft(wrong_audience, JWT_SECRET.as_bytes())),
        ("wrong issuer", craft(wrong_issuer, JWT_SECRET.as_bytes())),
        ("no exp", craft(no_exp, JWT_SECRET.as_bytes())),
        ("other key", craft(claims.clone(), b"another-secret-that-is-32-bytes-long!!")),
        ("tampered", tampered),
        ("alg none", alg_none),
        ("HS512 not allowed", hs512),
        ("garbage", "not.a.jwt".to_string()),
    ];
    for (label, bad) in cases {
        let res = app.get("/api/v1/auth/me", Some(&bad)).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{label}");
        assert_eq!(problem(res).await["code"], "unauthenticated", "{label}");
    }
    // A correctly signed token for this issuer still works: the refusals above are about the token.
    assert_eq!(claims["iss"], ISSUER);
    assert_eq!(app.get("/api/v1/auth/me", Some(&craft(claims, JWT_SECRET.as_bytes()))).await.status(), StatusCode::OK);
}

async fn logout_ends_the_session_at_once(app: TestApp) {
    let token = app.admin_token().await;
    let res = app.send_json(Method::POST, "/api/v1/auth/logout", Some(&token), &json!({})).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(set_cookie(&res).contains("ttis_refresh=;"), "cookie cleared: {}", set_cookie(&res));
    assert_eq!(app.get("/api/v1/auth/me", Some(&token)).await.status(), StatusCode::UNAUTHORIZED);
    let refresh = app.client.post(app.url("/api/v1/auth/refresh")).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(refresh.status(), StatusCode::UNAUTHORIZED);
    // Another session of the same account is untouched.
    let other = app.admin_token().await;
    assert_eq!(app.get("/api/v1/auth/me", Some(&other)).await.status(), StatusCode::OK);
    // Without any credential, logout is refused.
    let anon = app.fresh_client().post(app.url("/api/v1/auth/logout")).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(anon.status(), StatusCode::UNAUTHORIZED);
}

fn cookie_value(res: &reqwest::Response) -> String {
    let header = set_cookie(res);
    header.split(';').next().and_then(|kv| kv.strip_prefix("ttis_refresh=")).map(str::to_string).unwrap_or_default()
}

async fn refresh_rotates_and_a_replayed_token_ends_the_session(app: TestApp) {
    let login = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let first = cookie_value(&login);
    assert!(!first.is_empty());
    let raw = reqwest::Client::new();
    let refresh = |cookie: String| {
        let raw = raw.clone();
        let url = app.url("/api/v1/auth/refresh");
        async move {
            raw.post(url)
                .header("cookie", format!("ttis_refresh={cookie}"))
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"))
        }
    };
    let res = refresh(first.clone()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let second = cookie_value(&res);
    assert!(!second.is_empty() && second != first, "rotated");
    let body: Value = res.json_body().await;
    let token = str_at(&body, "/access_token").to_string();
    assert_eq!(app.get("/api/v1/auth/me", Some(&token)).await.status(), StatusCode::OK);

    // A second tab presenting the same secret at once gets the same pair, never another one.
    let again = refresh(first.clone()).await;
    assert_eq!(again.status(), StatusCode::OK, "within two seconds of the rotation");
    assert_eq!(cookie_value(&again), second, "the same new refresh token");
    let again: Value = again.json_body().await;
    assert_eq!(str_at(&again, "/access_token"), token, "the same access token");

    // The old secret, long after rotation, is a replay: the whole session ends.
    app.db
        .execute(Statement::from_string(
            app.db.get_database_backend(),
            match app.db.get_database_backend() {
                DbBackend::Postgres => "UPDATE sessions SET last_used_at = last_used_at - interval '5 minutes'",
                _ => "UPDATE sessions SET last_used_at = datetime(last_used_at, '-5 minutes')",
            },
        ))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(refresh(first).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(refresh(second).await.status(), StatusCode::UNAUTHORIZED, "the thief's and the owner's token both end");
    assert_eq!(app.get("/api/v1/auth/me", Some(&token)).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(refresh("garbage".into()).await.status(), StatusCode::UNAUTHORIZED);
}

async fn a_disabled_user_is_locked_out(app: TestApp) {
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    assert_eq!(app.get("/api/v1/auth/me", Some(&analyst)).await.status(), StatusCode::OK);
    let admin = app.admin_token().await;
    let users: Value = app.get("/api/v1/users", Some(&admin)).await.json_body().await;
    let id = users["items"]
        .as_array()
        .and_then(|items| items.iter().find(|u| u["email"] == "analis@ttis.test"))
        .map(|u| u["id"].clone())
        .expect("analis@ttis.test in the user list");
    let res =
        app.send_json(Method::PATCH, &format!("/api/v1/users/{id}"), Some(&admin), &json!({"disabled": true})).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.get("/api/v1/auth/me", Some(&analyst)).await.status(), StatusCode::UNAUTHORIZED);
    let again = app.login("analis@ttis.test", "password-of-a-test-user").await;
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(problem(again).await["code"], "invalid_credentials", "no hint that the account exists");
}

/// On SQLite the throttle counts in the process; on PostgreSQL in the database (shared by every
/// replica, `services::throttle`): the same rules hold on both.
#[tokio::test]
async fn failed_logins_are_rate_limited_per_account_and_address_sqlite() {
    failed_logins_are_rate_limited_per_account_and_address(ttis_tests::Backend::Sqlite).await
}

#[tokio::test]
async fn failed_logins_are_rate_limited_per_account_and_address_postgres() {
    failed_logins_are_rate_limited_per_account_and_address(ttis_tests::Backend::Postgres).await
}

async fn failed_logins_are_rate_limited_per_account_and_address(backend: ttis_tests::Backend) {
    let app = TestApp::spawn_with(backend, |env| {
        env.insert("TTIS_LOGIN_MAX_FAILURES_PER_ACCOUNT".into(), "3".into());
        env.insert("TTIS_LOGIN_MAX_FAILURES_PER_IP".into(), "5".into());
        env.insert("TTIS_TRUSTED_PROXIES".into(), "127.0.0.1".into());
    })
    .await;
    // Someone who knows the admin's email fails from another address: the owner, from theirs,
    // still signs in (slowed, not refused), and the attempts are in the audit log.
    let from = |ip: &'static str, password: &'static str| {
        let request = app
            .fresh_client()
            .post(app.url("/api/v1/auth/login"))
            .header("x-forwarded-for", ip)
            .json(&serde_json::json!({"email": ADMIN_EMAIL, "password": password}));
        async move { request.send().await.map(|r| r.status()).unwrap_or_else(|e| panic!("{e}")) }
    };
    for _ in 0..4 {
        let status = from("203.0.113.7", "wrong-password-guess").await;
        assert!(matches!(status, StatusCode::UNAUTHORIZED | StatusCode::TOO_MANY_REQUESTS), "{status}");
    }
    assert_eq!(from("203.0.113.7", ADMIN_PASSWORD).await, StatusCode::TOO_MANY_REQUESTS, "the guessing address waits");
    assert_eq!(from("198.51.100.9", ADMIN_PASSWORD).await, StatusCode::OK, "the owner's address is not locked out");
    assert_eq!(app.count("audit_log WHERE action = 'auth.login_failed'").await, 3);
    for _ in 0..3 {
        assert_eq!(app.login(ADMIN_EMAIL, "wrong-password-guess").await.status(), StatusCode::UNAUTHORIZED);
    }
    let blocked = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS, "even the right password waits");
    let retry: u64 =
        blocked.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).unwrap_or(0);
    assert!((1..=900).contains(&retry), "Retry-After {retry}");
    assert_eq!(problem(blocked).await["code"], "rate_limited");
    // Per address: two more failures on other accounts reach the IP limit of 5.
    for email in ["x1@ttis.test", "x2@ttis.test"] {
        assert_eq!(app.login(email, "wrong-password-guess").await.status(), StatusCode::UNAUTHORIZED);
    }
    assert_eq!(app.login("x3@ttis.test", "wrong-password-guess").await.status(), StatusCode::TOO_MANY_REQUESTS);
}
