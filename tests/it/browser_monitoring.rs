//! Monitoring in headless Chromium: an administrator adds a PSE's URL on the monitoring page, an
//! analyst checks it now, the hidden gambling block becomes a ticket of the monitoring channel,
//! and that ticket goes on to a signed letter (without a certificate).

use serde_json::{Value, json};
use ttis_tests::browser::{Browser, spa_built};
use ttis_tests::must::{ResponseExt, i64_at, str_at};
use ttis_tests::pages::{PageServer, corpus};
use ttis_tests::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestApp, USER_PASSWORD};

#[tokio::test]
async fn a_hidden_gambling_block_found_on_the_monitoring_page_becomes_a_signed_letter() {
    spa_built();
    let app = TestApp::spawn_with(Backend::Sqlite, |env| {
        env.insert("TTIS_MONITOR".into(), "off".into());
        env.insert("TTIS_MONITOR_ALLOW_NETWORKS".into(), "127.0.0.1/32".into());
    })
    .await;
    let site = PageServer::start().await;
    site.set("/", &corpus("hidden_gambling.html"));
    let t = app.team().await;
    let admin = app.admin_token().await;
    let pse = json!({"name": "Dinas Pendidikan", "head_name": "Kepala", "head_title": "Kepala Dinas Pendidikan",
        "emails": ["disdik@kukarkab.go.id"], "assets": [{"kind": "exact_host", "value": "disdik.kukarkab.go.id"}]});
    let res = app.send_json(reqwest::Method::POST, "/api/v1/pses", Some(&admin), &pse).await;
    let pse_id = i64_at(&res.json_body::<Value>().await, "/id");
    let url = site.url("/");

    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        browser.sign_in(&app.address, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
        browser.find("#current-user").await?;
        browser.find("#monitoring-link").await?.click().await?;
        browser.find("#monitor-add").await?;
        browser.find("#monitor-pse").await?.select_by_value(&pse_id.to_string()).await?;
        browser.find("#monitor-url").await?.send_keys(&url).await?;
        browser.find("#monitor-add-submit").await?.click().await?;
        browser.wait_for_text("#monitor-list", &url).await?;
        browser.wait_for_text("#monitor-list", "Belum diperiksa").await?;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
    let list: Value = app.get("/api/v1/monitors", Some(&t.analyst)).await.json_body().await;
    let id = i64_at(&list, "/items/0/id");

    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        browser.sign_in(&app.address, "analis@ttis.test", USER_PASSWORD).await?;
        browser.find("#current-user").await?;
        browser.client.goto(&format!("{}/staff/monitoring", app.address)).await?;
        browser.find(&format!("#monitor-check-{id}")).await?.click().await?;
        browser.wait_for_text(&format!("#monitor-status-{id}"), "Ada temuan").await?;
        let finding = browser.wait_for_text(&format!("#monitor-finding-{id}"), "Sisipan judi online").await?;
        anyhow::ensure!(finding.contains("elemen tersembunyi"), "{finding}");
        browser.keep_screenshot("monitoring").await;
        browser.find(&format!("#monitor-finding-{id} a")).await?.click().await?;
        browser.wait_for_text("#ticket-code", "TTIS-").await?;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;

    // The ticket goes on to a signed letter, without a certificate.
    let list: Value = app.get("/api/v1/monitors", Some(&t.analyst)).await.json_body().await;
    let code = str_at(&list, "/items/0/last_finding/ticket_code").to_string();
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;
    let mut analysis = ttis_tests::sample_analysis(t.analyst_id);
    analysis["category"] = json!("gambling_seo_injection");
    app.act_ok(&t.analyst, &code, json!({"action": "verify", "analysis": analysis})).await;
    app.act_ok(&t.analyst, &code, json!({"action": "submit_for_approval"})).await;
    let approved = app.act_ok(&t.head, &code, ttis_tests::approve()).await;
    let finals: Vec<(String, bool)> = approved["documents"]
        .as_array()
        .map(|d| {
            d.iter()
                .filter(|x| x["status"] == "final" && x["kind"] != "analysis_report")
                .map(|x| (x["kind"].as_str().unwrap_or("").to_string(), !x["signature"].is_null()))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(finals, vec![("notification_letter".to_string(), true)], "the letter alone, signed");
}
