//! The first admin's setup checklist: every item starts as a default and is done the moment its
//! setting is made, read from where the setting lives.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use ttis_tests::must::{ResponseExt, str_at};
use ttis_tests::{ADMIN_PASSWORD, TestApp, authenticator_code, db_tests, signer_profile};

db_tests!(the_setup_checklist_names_what_is_still_a_default);

async fn checklist(app: &TestApp, token: &str) -> Value {
    let res = app.get("/api/v1/setup-checklist", Some(token)).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json_body().await
}

/// A 1x1 PNG as the letterhead's logo.
async fn upload_logo(app: &TestApp, admin: &str) {
    let png = STANDARD
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
        .unwrap_or_default();
    let res = app
        .client
        .put(app.url("/api/v1/organization/logo"))
        .bearer_auth(admin)
        .header("content-type", "image/png")
        .body(png)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::OK);
}

fn done(list: &Value, key: &str) -> bool {
    list["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["key"] == key))
        .map(|i| i["done"] == true)
        .unwrap_or_else(|| panic!("no item {key} in {list}"))
}

async fn the_setup_checklist_names_what_is_still_a_default(app: TestApp) {
    let admin = app.admin_token().await;
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    assert_eq!(app.get("/api/v1/setup-checklist", None).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/v1/setup-checklist", Some(&analyst)).await.status(), StatusCode::FORBIDDEN);

    // A fresh deployment: everything is a default.
    let list = checklist(&app, &admin).await;
    let keys: Vec<&str> =
        list["items"].as_array().map(|i| i.iter().filter_map(|x| x["key"].as_str()).collect()).unwrap_or_default();
    assert_eq!(keys, ["signer_profiles", "logo", "contact", "pse_register", "mail", "second_factor"]);
    assert!(list["items"].as_array().is_some_and(|i| i.iter().all(|x| x["done"] == false)), "{list}");
    assert_eq!(list["complete"], false);

    // Signer profiles: a head without one is named; with one, done.
    let head = app.user_with_roles("kadis@ttis.test", &["head"]).await;
    let list = checklist(&app, &admin).await;
    assert_eq!(list["items"][0]["pending"], json!(["Test User <kadis@ttis.test>"]));
    let profile = signer_profile("Dr. H. Kepala, M.Si.", "197001011995031001");
    app.send_json(Method::PUT, "/api/v1/auth/signer-profile", Some(&head), &profile).await;
    assert!(done(&checklist(&app, &admin).await, "signer_profiles"));

    // The logo, the address and phone, the PSE register.
    upload_logo(&app, &admin).await;
    let mut org: Value = app.get("/api/v1/organization", Some(&admin)).await.json_body().await;
    org["organization"]["phone"] = json!("(0541) 661234");
    assert_eq!(
        app.send_json(Method::PUT, "/api/v1/organization", Some(&admin), &org["organization"]).await.status(),
        StatusCode::OK
    );
    assert!(!done(&checklist(&app, &admin).await, "contact"), "the seeded address is still the placeholder");
    org["organization"]["address"] = json!("Jl. Wolter Monginsidi No. 1, Tenggarong 75511");
    app.send_json(Method::PUT, "/api/v1/organization", Some(&admin), &org["organization"]).await;
    let pse = json!({"name": "Dinas Pendidikan", "head_name": "Kepala", "head_title": "Kepala Dinas Pendidikan",
        "emails": ["disdik@kukarkab.go.id"], "assets": [{"kind": "exact_host", "value": "disdik.kukarkab.go.id"}]});
    assert_eq!(app.send_json(Method::POST, "/api/v1/pses", Some(&admin), &pse).await.status(), StatusCode::CREATED);
    let list = checklist(&app, &admin).await;
    for key in ["signer_profiles", "logo", "contact", "pse_register"] {
        assert!(done(&list, key), "{key}: {list}");
    }

    // The second-factor policy (the admin enrols first, as the policy would then require).
    let res =
        app.send_json(Method::POST, "/api/v1/auth/totp", Some(&admin), &json!({"password": ADMIN_PASSWORD})).await;
    let secret = str_at(&res.json_body::<Value>().await, "/secret").to_string();
    let code = json!({"code": authenticator_code(&secret, 0)});
    assert_eq!(
        app.send_json(Method::POST, "/api/v1/auth/totp/activation", Some(&admin), &code).await.status(),
        StatusCode::NO_CONTENT
    );
    let policy = json!({"require_totp_for_privileged": true, "retention_days": null});
    assert_eq!(
        app.send_json(Method::PUT, "/api/v1/security-policy", Some(&admin), &policy).await.status(),
        StatusCode::OK
    );
    let list = checklist(&app, &admin).await;
    assert!(done(&list, "second_factor"));
    // Mail still goes to a local folder: the one item left.
    assert!(!done(&list, "mail"));
    assert_eq!(list["complete"], false);

    // A deployment with an SMTP relay configured has that item done.
    let with_smtp = TestApp::spawn_with(app.backend, |env| {
        env.insert("TTIS_SMTP_URL".into(), "smtp://127.0.0.1:9".into());
    })
    .await;
    let other = with_smtp.admin_token().await;
    assert!(done(&checklist(&with_smtp, &other).await, "mail"));
}

/// The first admin lands on the overview with the checklist: each open item links to the page
/// that sets it, and once everything is set up the checklist is gone.
#[tokio::test]
async fn the_first_admin_is_told_what_is_still_a_placeholder() {
    use ttis_tests::browser::{Browser, spa_built};
    spa_built();
    // Mail goes to an SMTP relay here, so that every item can be done.
    let app = TestApp::spawn_with(ttis_tests::Backend::Sqlite, |env| {
        env.insert("TTIS_SMTP_URL".into(), "smtp://127.0.0.1:9".into());
    })
    .await;
    let admin = app.admin_token().await;
    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        browser.sign_in(&app.address, ttis_tests::ADMIN_EMAIL, ADMIN_PASSWORD).await?;
        browser.find("#setup-checklist").await?;
        for key in ["signer-profiles", "logo", "contact", "pse-register", "second-factor"] {
            let class = browser.find(&format!("#setup-{key}")).await?.attr("class").await?.unwrap_or_default();
            anyhow::ensure!(class.contains("setup-todo"), "{key}: {class}");
        }
        let mail = browser.find("#setup-mail").await?.attr("class").await?.unwrap_or_default();
        anyhow::ensure!(mail.contains("setup-done"), "mail: {mail}");
        browser.keep_screenshot("setup-checklist").await;
        browser.find("#setup-pse-register-link").await?.click().await?;
        anyhow::ensure!(c.current_url().await?.path() == "/staff/pses", "the item leads to its page");
        Ok::<(), anyhow::Error>(())
    }
    .await;
    if result.is_err() {
        browser.finish(result).await;
        return;
    }

    // Everything else set up (through the API, as the pages would).
    let head = app.user_with_roles("kadis@ttis.test", &["head"]).await;
    let profile = signer_profile("Dr. H. Kepala, M.Si.", "197001011995031001");
    app.send_json(Method::PUT, "/api/v1/auth/signer-profile", Some(&head), &profile).await;
    upload_logo(&app, &admin).await;
    let mut org: Value = app.get("/api/v1/organization", Some(&admin)).await.json_body().await;
    org["organization"]["phone"] = json!("(0541) 661234");
    org["organization"]["address"] = json!("Jl. Wolter Monginsidi No. 1, Tenggarong 75511");
    app.send_json(Method::PUT, "/api/v1/organization", Some(&admin), &org["organization"]).await;
    let pse = json!({"name": "Dinas Pendidikan", "head_name": "Kepala", "head_title": "Kepala Dinas Pendidikan",
        "emails": ["disdik@kukarkab.go.id"], "assets": [{"kind": "exact_host", "value": "disdik.kukarkab.go.id"}]});
    app.send_json(Method::POST, "/api/v1/pses", Some(&admin), &pse).await;
    let res =
        app.send_json(Method::POST, "/api/v1/auth/totp", Some(&admin), &json!({"password": ADMIN_PASSWORD})).await;
    let secret = str_at(&res.json_body::<Value>().await, "/secret").to_string();
    let code = json!({"code": authenticator_code(&secret, 0)});
    app.send_json(Method::POST, "/api/v1/auth/totp/activation", Some(&admin), &code).await;
    let policy = json!({"require_totp_for_privileged": true, "retention_days": null});
    app.send_json(Method::PUT, "/api/v1/security-policy", Some(&admin), &policy).await;
    assert_eq!(checklist(&app, &admin).await["complete"], true);

    let result = async {
        let c = &browser.client;
        c.goto(&app.url("/staff/admin")).await?;
        browser.find("#admin-tools-title").await?;
        // Once the checklist's answer is in, nothing of it is left.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while c.find(fantoccini::Locator::Css("#setup-checklist-loading")).await.is_ok() {
            anyhow::ensure!(std::time::Instant::now() < deadline, "the checklist never loaded");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        anyhow::ensure!(
            c.find(fantoccini::Locator::Css("#setup-checklist")).await.is_err(),
            "the checklist hides itself once everything is set up"
        );
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
}
