//! Step-up for sensitive actions: a session alone is not enough to turn the second factor off,
//! change someone's roles or password, export a reporter's data or register a webhook. Each asks for the
//! signed-in person's current password again (and their authenticator code when they have one);
//! a missing or wrong one is refused with `401 reauthentication_required`, changes nothing, and a
//! wrong one is audited and counted like a failed sign-in.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use ttis_tests::must::{ResponseExt, i64_at, str_at};
use ttis_tests::{ADMIN_PASSWORD, TestApp, USER_PASSWORD, authenticator_code, db_tests, problem, sample_report};

db_tests!(sensitive_changes_ask_for_the_password_again, a_second_factor_is_asked_for_too);

/// A public address literal: a webhook's host must resolve to a public address when it is saved,
/// and no name resolves where the tests run. Nothing is sent to it (no event follows).
const HOOK_URL: &str = "https://1.1.1.1/hooks/ttis";

/// Sends `body` three times: without a password, with a wrong one (both refused with nothing
/// changed, as `unchanged` checks), then with `password` (returned for the caller to check).
async fn refused_then_done(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Value,
    password: &str,
    unchanged: impl AsyncFn() -> bool,
) -> reqwest::Response {
    for given in [None, Some("not-my-password-at-all")] {
        let mut attempt = body.clone();
        if let Some(p) = given {
            attempt["password"] = json!(p);
        }
        let res = app.send_json(method.clone(), path, Some(token), &attempt).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{path} with {given:?}");
        let p = problem(res).await;
        assert_eq!(p["code"], "reauthentication_required", "{path}: {p}");
        assert!(unchanged().await, "{path}: a refused step-up changes nothing");
    }
    let mut done = body;
    done["password"] = json!(password);
    app.send_json(method, path, Some(token), &done).await
}

async fn sensitive_changes_ask_for_the_password_again(app: TestApp) {
    let admin = app.admin_token().await;
    let t = app.team().await;
    // Created before the first admin enrols a second factor (the helper signs in as them).
    let admin2 = app.user_with_roles("admin2@ttis.test", &["admin"]).await;

    // Turning the second-factor policy on needs no step-up; turning it off does.
    let on = json!({"require_totp_for_privileged": true, "retention_days": null});
    assert_eq!(app.send_json(Method::PUT, "/api/v1/security-policy", Some(&admin), &on).await.status(), StatusCode::OK);
    // The policy now holds the admin at their own account until they enrol: enrol first.
    let secret = app.enrol_totp(&admin, ADMIN_PASSWORD).await;
    let off =
        json!({"require_totp_for_privileged": false, "retention_days": null, "totp": authenticator_code(&secret, 1)});
    let policy_on = || async {
        let p: Value = app.get("/api/v1/security-policy", Some(&admin)).await.json_body().await;
        p["require_totp_for_privileged"] == json!(true)
    };
    let res =
        refused_then_done(&app, Method::PUT, "/api/v1/security-policy", &admin, off, ADMIN_PASSWORD, policy_on).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(!policy_on().await);

    // A session without a second factor from here on: the second admin.
    let me: Value = app.get("/api/v1/auth/me", Some(&t.analyst)).await.json_body().await;
    let analyst_id = i64_at(&me, "/id");
    let user_path = format!("/api/v1/users/{analyst_id}");
    let roles_of = || async {
        let u: Value = app.get(&user_path, Some(&admin2)).await.json_body().await;
        u["roles"].clone()
    };
    // A name, or the same roles again, is not a change of roles.
    let same = json!({"name": "Analis Baru", "roles": ["analyst"]});
    assert_eq!(app.send_json(Method::PATCH, &user_path, Some(&admin2), &same).await.status(), StatusCode::OK);
    let promote = json!({"roles": ["analyst", "admin"]});
    let unchanged = || async { roles_of().await == json!(["analyst"]) };
    let res = refused_then_done(&app, Method::PATCH, &user_path, &admin2, promote, USER_PASSWORD, unchanged).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(roles_of().await, json!(["analyst", "admin"]));

    // Setting someone's password lets one act as them (a head signs).
    let reset = json!({"new_password": "sandi-baru-untuk-analis"});
    let old_password_works = || async { app.login("analis@ttis.test", USER_PASSWORD).await.status() == StatusCode::OK };
    let path = format!("{user_path}/password");
    let res = refused_then_done(&app, Method::POST, &path, &admin2, reset, USER_PASSWORD, old_password_works).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(!old_password_works().await);

    // The reporter-data export: nothing is handed out without the password.
    app.submit_json(&sample_report()).await;
    let exports = "audit_log WHERE action = 'reporter.data_export'";
    let before = app.count(exports).await;
    let ask = json!({"email": "budi@example.com"});
    let none_given = || async { app.count(exports).await == before };
    let res =
        refused_then_done(&app, Method::POST, "/api/v1/reporter-data-exports", &t.head, ask, USER_PASSWORD, none_given)
            .await;
    assert_eq!(res.status(), StatusCode::OK);
    let data: Value = res.json_body().await;
    assert_eq!(str_at(&data, "/tickets/0/reporter_email"), "budi@example.com");

    // A webhook: a stolen session cannot send the platform's events elsewhere.
    let hook = json!({"url": HOOK_URL, "events": ["report.submitted"]});
    let no_hooks = || async { app.count("webhooks").await == 0 };
    let res = refused_then_done(&app, Method::POST, "/api/v1/webhooks", &admin2, hook, USER_PASSWORD, no_hooks).await;
    assert_eq!(res.status(), StatusCode::CREATED);

    // Each wrong password was audited with what it was for, and counted against signing in.
    for purpose in
        ["security_policy.totp_off", "user.roles", "user.password_reset", "reporter_data.export", "webhook.create"]
    {
        let rows = format!("audit_log WHERE action = 'auth.reauthentication_failed' AND details LIKE '%{purpose}%'");
        assert_eq!(app.count(&rows).await, 1, "{purpose}");
    }
}

async fn a_second_factor_is_asked_for_too(app: TestApp) {
    let admin = app.admin_token().await;
    let secret = app.enrol_totp(&admin, ADMIN_PASSWORD).await;
    let hook = json!({"url": HOOK_URL, "events": ["report.submitted"], "password": ADMIN_PASSWORD});
    let res = app.send_json(Method::POST, "/api/v1/webhooks", Some(&admin), &hook).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "the password alone is not the person");
    assert_eq!(problem(res).await["code"], "reauthentication_required");
    let mut with_code = hook.clone();
    with_code["totp"] = json!(authenticator_code(&secret, 1));
    let res = app.send_json(Method::POST, "/api/v1/webhooks", Some(&admin), &with_code).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = app.send_json(Method::POST, "/api/v1/webhooks", Some(&admin), &with_code).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "a code works once");
    assert_eq!(app.count("webhooks").await, 1);
}
