//! A personal-data incident and its threat intelligence in headless Chromium: the analyst marks
//! personal data in the analysis form, sees the 72-hour clock, adds an observable and switches
//! indicators, downloads the STIX bundle; the head's dashboard lists it once 72 hours pass
//! unconfirmed; the PSE gives one notification date with its acknowledgement and the other
//! later with the same link.

use fantoccini::Locator;
use serde_json::{Value, json};
use ttis_tests::browser::{Browser, spa_built};
use ttis_tests::layout::check_page;
use ttis_tests::must::{ResponseExt, str_at};
use ttis_tests::{Backend, TestApp, USER_PASSWORD};

/// Sets a `datetime-local` input to `at` (RFC 3339) in the browser's own zone, as a person
/// picking the time would, and lets the SPA hear the input.
async fn set_local_time(browser: &Browser, id: &str, at: chrono::DateTime<chrono::Utc>) -> anyhow::Result<()> {
    browser.find(&format!("#{id}")).await?;
    let script = "const e = document.getElementById(arguments[0]); const d = new Date(arguments[1]); \
        const p = n => String(n).padStart(2, '0'); \
        const v = d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes()); \
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(e, v); \
        e.dispatchEvent(new Event('input', { bubbles: true }));";
    browser.client.execute(script, vec![json!(id), json!(at.to_rfc3339())]).await?;
    Ok(())
}

#[tokio::test]
async fn a_personal_data_incident_is_handled_in_the_browser_from_analysis_to_the_pses_dates() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let t = app.team().await;
    let admin = app.admin_token().await;
    let pse = json!({"name": "Dinas Kesehatan", "head_name": "Kepala", "head_title": "Kepala Dinas Kesehatan",
        "emails": ["dinkes@kukarkab.go.id"], "assets": [{"kind": "exact_host", "value": "dinkes.kukarkab.go.id"}]});
    app.send_json(reqwest::Method::POST, "/api/v1/pses", Some(&admin), &pse).await;
    let mut report = ttis_tests::sample_report();
    report["affected_asset"] = json!("https://dinkes.kukarkab.go.id/pasien");
    let receipt: Value = app.submit_json(&report).await.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;
    let verified_at = chrono::Utc::now();

    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        browser.sign_in(&app.address, "analis@ttis.test", USER_PASSWORD).await?;
        browser.find(&format!("#ticket-row-{code} .cell-code a")).await?.click().await?;
        browser.wait_for_text("#ticket-code", &code).await?;
        browser.find("#action-verify").await?.click().await?;
        browser.find("#analysis-form").await?;
        browser.find("#analysis-category").await?.select_by_value("personal_data_leak").await?;
        browser.find("#analysis-severity").await?.select_by_value("tinggi").await?;
        // The reporter said no; the team found patients' records.
        browser.wait_for_text("#analysis-pdp-hint", "Jawaban pelapor: Tidak").await?;
        browser.find("#analysis-pdp").await?.click().await?;
        browser.find("#analysis-meeting-decision").await?.send_keys("Sesuai: data pasien terbuka.").await?;
        browser
            .find("#analysis-findings")
            .await?
            .send_keys("Direktori ekspor rekam medis dapat diunduh tanpa login.")
            .await?;
        browser.find("#analysis-recommendations").await?.send_keys("Tutup direktori dan beri tahu pasien.").await?;
        browser.find("#analysis-submit").await?.click().await?;
        browser.wait_for_text("#ticket-state", "Draf dokumen disiapkan").await?;
        browser.wait_for_text("#ticket-pdp-state", "72 jam berjalan").await?;

        // Threat intelligence: the report's URL and domain are there; the team adds the domain
        // the data was sent to and marks the URL as an indicator.
        browser.wait_for_text("#intel-observables", "dinkes.kukarkab.go.id").await?;
        browser.find("#intel-value").await?.send_keys("exfil-drop.example").await?;
        browser.find("#intel-add-submit").await?.click().await?;
        browser.wait_for_text("#intel-observables", "exfil-drop.example").await?;
        let boxes = c.find_all(Locator::Css("#intel-observables input[type=checkbox]")).await?;
        anyhow::ensure!(boxes.len() == 3, "three observables, each with its switch");
        boxes[0].click().await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            let d = app.ticket(&t.analyst, &code).await;
            if d["observables"][0]["indicator"] == true {
                break;
            }
            anyhow::ensure!(std::time::Instant::now() < deadline, "the switch was never saved: {}", d["observables"]);
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        browser.find("#intel-stix").await?.click().await?;
        let (name, bytes) = browser.downloaded(".stix.json").await?;
        anyhow::ensure!(name == format!("{code}.stix.json"), "{name}");
        let bundle: Value = serde_json::from_slice(&bytes)?;
        let indicators = bundle["objects"].as_array().map(|o| o.iter().filter(|x| x["type"] == "indicator").count());
        anyhow::ensure!(indicators == Some(2), "the URL and the added domain: {indicators:?}");
        browser.keep_screenshot("ticket-pdp-intel").await;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;

    // Approval and delivery over the API; then 72 hours pass without the PSE's word.
    app.act_ok(&t.analyst, &code, json!({"action": "submit_for_approval"})).await;
    app.act_ok(&t.head, &code, ttis_tests::approve()).await;
    let mails = app.wait_for_mail(|m| m.iter().any(|x| x.contains("To: dinkes@kukarkab.go.id"))).await;
    let mail = mails.iter().find(|m| m.contains("To: dinkes@kukarkab.go.id")).cloned().unwrap_or_default();
    let token: String = mail
        .replace("=\r\n", "")
        .replace("=\n", "")
        .split("/acknowledge#")
        .nth(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_hexdigit).collect())
        .unwrap_or_default();
    assert_eq!(token.len(), 48, "the link in the PSE's email");
    app.clock.advance(chrono::Duration::hours(73));

    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        browser.sign_in(&app.address, "kadis@ttis.test", USER_PASSWORD).await?;
        browser.wait_for_text(&format!("#pdp-overdue-{code}"), &code).await?;
        browser.keep_screenshot("dashboard-pdp-overdue").await;

        // The PSE's page with the notification dates fits a phone and every screen.
        let ack_path = format!("/acknowledge#{token}");
        let title = "Konfirmasi Penerimaan Surat · TTIS Lapor";
        check_page(&browser, &app, &ack_path, "#ack-pdp", title, "acknowledge-pdp").await?;
        // The PSE: receipt with the data subjects' date; the authority's is not sent yet.
        browser.client.goto("about:blank").await?;
        browser.client.goto(&format!("{}/acknowledge#{token}", app.address)).await?;
        browser.wait_for_text("#ack-pdp", "3 × 24").await?;
        set_local_time(&browser, "ack-subjects", verified_at + chrono::Duration::hours(20)).await?;
        browser.find("#ack-name").await?.send_keys("Admin Dinkes").await?;
        browser.keep_screenshot("acknowledge-pdp").await;
        browser.find("#ack-submit").await?.click().await?;
        browser.wait_for_text("#ack-result", &code).await?;
        browser.find("#ack-pdp-later").await?;
        // Later, the same link (opened afresh from the email): only the missing date is asked.
        browser.client.goto("about:blank").await?;
        browser.client.goto(&format!("{}/acknowledge#{token}", app.address)).await?;
        browser.find("#ack-subjects time").await?;
        set_local_time(&browser, "ack-authority", verified_at + chrono::Duration::hours(70)).await?;
        browser.find("#ack-submit").await?.click().await?;
        browser.wait_for_text("#ack-result", &code).await?;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
    let detail = app.ticket(&t.analyst, &code).await;
    let pdp = &detail["pdp"];
    assert!(!pdp["confirmed_at"].is_null(), "{pdp}");
    assert_eq!((&pdp["overdue"], &pdp["notified_in_time"]), (&json!(false), &json!(true)), "{pdp}");
    assert_eq!(detail["pse_acknowledgement"]["name"], "Admin Dinkes");
}

/// What a PSE said by telephone is recorded by the team on the ticket page; a TLP:RED ticket
/// offers no download to an analyst, and to the head only after the head's explicit choice.
#[tokio::test]
async fn the_team_records_phoned_dates_and_a_red_ticket_leaves_only_by_the_heads_choice() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let t = app.team().await;
    let mut report = ttis_tests::sample_report();
    report["tlp"] = json!("red");
    report["personal_data_involved"] = json!(true);
    let receipt: Value = app.submit_json(&report).await.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;
    let verified_at = chrono::Utc::now();
    app.act_ok(&t.analyst, &code, json!({"action": "verify", "analysis": ttis_tests::sample_analysis(t.analyst_id)}))
        .await;
    let ticket_page = format!("{}/staff/tickets/{code}", app.address);
    // The next afternoon the PSE telephones: both notices went out that morning.
    app.clock.advance(chrono::Duration::hours(20));

    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        browser.sign_in(&app.address, "analis@ttis.test", USER_PASSWORD).await?;
        browser.find(&format!("#ticket-row-{code} .cell-code a")).await?.click().await?;
        browser.wait_for_text("#ticket-pdp-state", "72 jam berjalan").await?;
        browser.wait_for_text("#intel-red", "hanya dapat diekspor oleh Kepala Dinas").await?;
        anyhow::ensure!(
            browser.client.find_all(Locator::Css("#intel-stix, #intel-misp, #intel-red-choice")).await?.is_empty(),
            "an analyst is offered no export of a TLP:RED ticket"
        );
        set_local_time(&browser, "pdp-subjects", verified_at + chrono::Duration::hours(18)).await?;
        set_local_time(&browser, "pdp-authority", verified_at + chrono::Duration::hours(19)).await?;
        browser.keep_screenshot("ticket-pdp-record").await;
        browser.find("#pdp-record").await?.click().await?;
        browser.wait_for_text("#ticket-pdp-state", "Pemberitahuan dikonfirmasi").await?;
        anyhow::ensure!(
            browser.client.find_all(Locator::Css("#pdp-notices")).await?.is_empty(),
            "nothing is left to record"
        );
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
    let pdp = app.ticket(&t.analyst, &code).await["pdp"].clone();
    assert!(!pdp["confirmed_at"].is_null() && pdp["notified_in_time"] == true, "{pdp}");
    assert_eq!(app.count("audit_log WHERE action = 'ticket.export_stix'").await, 0);

    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        browser.sign_in(&app.address, "kadis@ttis.test", USER_PASSWORD).await?;
        browser.find("#statistics-link").await?;
        browser.client.goto(&ticket_page).await?;
        browser.find("#intel-red-choice").await?;
        anyhow::ensure!(
            browser.client.find_all(Locator::Css("#intel-stix, #intel-misp")).await?.is_empty(),
            "the head's downloads wait for the choice"
        );
        browser.keep_screenshot("ticket-red-choice").await;
        browser.find("#intel-red-choice").await?.click().await?;
        browser.find("#intel-stix").await?.click().await?;
        let (_, bytes) = browser.downloaded(".stix.json").await?;
        let bundle: Value = serde_json::from_slice(&bytes)?;
        let red = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
        anyhow::ensure!(
            bundle["objects"].as_array().is_some_and(|o| o.iter().any(|x| x["id"] == red)),
            "the bundle carries TLP:RED"
        );
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
    assert_eq!(app.count("audit_log WHERE action = 'ticket.export_stix'").await, 1, "the head's choice is audited");
}
