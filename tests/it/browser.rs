//! The SPA in headless Chromium, as a person uses it.

use fantoccini::Locator;
use ttis_tests::browser::{Browser, spa_built};
use ttis_tests::must::{ResponseExt, i64_at, str_at};
use ttis_tests::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestApp};

#[tokio::test]
async fn staff_sign_in_and_out_through_the_spa() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        browser.sign_in(&app.address, ADMIN_EMAIL, "a-wrong-password").await?;
        browser.wait_for_text("#login-error", "Email atau kata sandi salah").await?;

        let password = browser.find("#login-password").await?;
        password.clear().await?;
        password.send_keys(ADMIN_PASSWORD).await?;
        browser.find("#login-submit").await?.click().await?;
        let who = browser.wait_for_text("#current-user", "Administrator").await?;
        assert!(who.contains("Administrator"), "{who}");
        assert!(c.current_url().await?.path().starts_with("/staff"), "on the dashboard");

        // The access token is kept in memory only.
        let stored = c
            .execute("return JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage);", vec![])
            .await?;
        assert!(!stored.as_str().unwrap_or_default().contains("eyJ"), "token found in web storage: {stored}");

        // A reload restores the session from the HttpOnly refresh cookie.
        c.refresh().await?;
        browser.wait_for_text("#current-user", "Administrator").await?;

        browser.find("#logout-button").await?.click().await?;
        browser.find("#login-email").await?;
        c.goto(&app.url("/staff")).await?;
        browser.find("#login-email").await?;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
}

#[tokio::test]
async fn the_public_pages_render_in_both_languages() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        c.goto(&app.url("/")).await?;
        browser.wait_for_text("body", "Lapor Insiden Siber").await?;
        browser.find("#lang-switch").await?.click().await?;
        browser.wait_for_text("body", "Report a cyber incident").await?;
        for path in ["/report", "/track", "/hall-of-fame", "/verify"] {
            c.goto(&app.url(path)).await?;
            let h1 = browser.find("h1").await?.text().await?;
            assert!(!h1.trim().is_empty(), "{path} has a title");
        }
        let missing = c.find(Locator::Css("#login-email")).await;
        assert!(missing.is_err());
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
}

/// A first-time reporter files a report with an attachment, sees the upload progress and the
/// ticket code, then follows it on the tracking page.
#[tokio::test]
async fn a_reporter_files_a_report_with_evidence_and_tracks_it() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let evidence = std::env::temp_dir().join(format!("tangkapan-{}.txt", std::process::id()));
    let _ = std::fs::write(&evidence, "2026-11-28 08:31 GET /wp-content/shell.php 200\n".repeat(20_000));
    let result = async {
        let c = &browser.client;
        c.goto(&app.url("/")).await?;
        browser.find("#cta-report").await?.click().await?;
        browser.find("#report-name").await?.send_keys("Budi Santoso").await?;
        browser.find("#report-email").await?.send_keys("budi-at-example").await?;
        browser.find("#report-reporter-type").await?.select_by_value("researcher").await?;
        browser.find("#report-hof-alias").await?.click().await?;
        browser.find("#report-alias").await?.send_keys("budisec").await?;
        browser.find("#report-title").await?.send_keys("Halaman utama situs dinas diubah (deface)").await?;
        browser.find("#report-category").await?.select_by_value("web_defacement").await?;
        browser.find("#report-asset").await?.send_keys("https://disdik.kukarkab.go.id/").await?;
        browser
            .find("#report-description")
            .await?
            .send_keys("Halaman utama menampilkan pesan peretas sejak pagi ini, semua menu hilang.")
            .await?;
        browser.find("#report-ongoing-yes").await?.click().await?;
        browser.find("#report-personal-data-no").await?.click().await?;
        browser.find("#report-evidence").await?.send_keys(&evidence.display().to_string()).await?;
        browser.wait_for_text("#report-files", "tangkapan-").await?;

        // The shared rules speak next to the field before anything is sent. The time found is
        // never guessed: it stays empty until the reporter enters it.
        browser.find("#report-good-faith").await?.click().await?;
        browser.find("#report-review").await?.click().await?;
        browser.wait_for_text("#report-email-error", "Alamat email tidak valid").await?;
        browser.wait_for_text("#report-consent-error", "wajib disetujui").await?;
        browser.wait_for_text("#report-discovered-at-error", "Wajib diisi").await?;
        // The reporter enters 08.15 on the 28th (as the picker does: an input event with the value).
        c.execute(
            "const e = document.getElementById('report-discovered-at'); e.value = '2026-11-28T08:15'; \
             e.dispatchEvent(new Event('input', {bubbles: true}));",
            vec![],
        )
        .await?;
        c.execute(
            "const e = document.getElementById('report-email'); e.value = ''; \
             e.dispatchEvent(new Event('input', {bubbles: true}));",
            vec![],
        )
        .await?;
        browser.find("#report-email").await?.send_keys("budi@example.com").await?;
        browser.find("#report-consent").await?.click().await?;
        browser.find("#report-review").await?.click().await?;

        // Watch for the progress bar, which a fast loopback upload shows only briefly.
        c.execute(
            "window.__progressSeen = false; new MutationObserver(() => { \
               if (document.getElementById('upload-progress-total')) window.__progressSeen = true; \
             }).observe(document.body, {childList: true, subtree: true});",
            vec![],
        )
        .await?;
        browser.find("#report-send").await?.click().await?;
        let code = browser.wait_for_text("#receipt-ticket-code", "TTIS-").await?;
        let key = browser.find("#receipt-access-key").await?.text().await?;
        let seen = c.execute("return window.__progressSeen;", vec![]).await?;
        assert_eq!(seen, serde_json::Value::Bool(true), "the upload progress was shown");
        assert!(key.trim().len() >= 26, "key shown: {key:?}");

        c.goto(&app.url("/track")).await?;
        browser.find("#track-code").await?.send_keys(code.trim()).await?;
        browser.find("#track-key").await?.send_keys(key.trim()).await?;
        browser.find("#track-submit").await?.click().await?;
        browser.wait_for_text("#track-state", "Diterima").await?;
        browser.find("#lang-switch").await?.click().await?;
        browser.wait_for_text("#track-state", "Submitted").await?;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    let _ = std::fs::remove_file(&evidence);
    browser.finish(result).await;
    // What the browser sent is what the server kept: the time found is the one entered, read in
    // the browser's time zone (the test process's own), not the time the form was opened.
    assert_eq!(app.count("tickets").await, 1);
    assert_eq!(app.count("evidence").await, 1);
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let list: serde_json::Value = app.get("/api/v1/tickets", Some(&analyst)).await.json_body().await;
    let code = str_at(&list, "/items/0/code").to_string();
    let ticket = app.ticket(&analyst, &code).await;
    let entered = chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
        .and_then(|d| d.and_hms_opt(8, 15, 0))
        .and_then(|t| t.and_local_timezone(chrono::Local).single())
        .map(|t| t.with_timezone(&chrono::Utc));
    let stored = ticket["discovered_at"]
        .as_str()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&chrono::Utc));
    assert_eq!(stored, entered, "{ticket}");
}

/// An analyst finds a new report in the queue, opens it, downloads its evidence, records the
/// analysis with a CVSS vector (the score appears as the metrics are picked), and verifies it.
#[tokio::test]
async fn an_analyst_verifies_a_report_from_the_queue() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let phish = "https://phish.example/masuk";
    let files = vec![
        ("log-akses.txt", b"GET /shell.php 200\n".to_vec()),
        ("email-phishing.pdf", ttis_tests::pdf::with_link(phish)),
    ];
    let res = app.submit_multipart(&ttis_tests::sample_report(), files).await;
    let receipt: serde_json::Value = res.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    let detail: serde_json::Value = app.get(&format!("/api/v1/tickets/{code}"), Some(&analyst)).await.json_body().await;
    let evidence_id = i64_at(&detail, "/evidence/0/id");
    let pdf_id = i64_at(&detail, "/evidence/1/id");

    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        browser.sign_in(&app.address, "analis@ttis.test", "password-of-a-test-user").await?;
        browser.find(&format!("#ticket-row-{code} .cell-code a")).await?.click().await?;
        browser.wait_for_text("#ticket-code", &code).await?;

        // The PDF's link is shown as text before anyone opens the file.
        browser.wait_for_text(&format!("#evidence-links-{pdf_id}"), phish).await?;
        let anchors = c.find_all(Locator::Css(&format!("#evidence-links-{pdf_id} a"))).await?;
        anyhow::ensure!(anchors.is_empty(), "the link must not be clickable");
        browser.find(&format!("#evidence-download-{evidence_id}")).await?.click().await?;

        browser.find("#action-start_verification").await?.click().await?;
        if let Ok(submit) = c.find(Locator::Css("#action-submit")).await {
            submit.click().await?;
        }
        browser.wait_for_text("#ticket-state", "Sedang diverifikasi").await?;

        browser.find("#action-verify").await?.click().await?;
        browser.find("#analysis-form").await?;
        browser.find("#analysis-severity").await?.select_by_value("tinggi").await?;
        for (metric, value) in
            [("av", "N"), ("ac", "L"), ("pr", "N"), ("ui", "N"), ("s", "U"), ("c", "H"), ("i", "H"), ("a", "H")]
        {
            browser.find(&format!("#analysis-cvss-{metric}")).await?.select_by_value(value).await?;
        }
        browser.wait_for_text("#analysis-cvss-score", "9.8").await?;
        browser.find("#analysis-meeting-decision").await?.send_keys("Sesuai: deface terkonfirmasi.").await?;
        browser
            .find("#analysis-meeting-minutes")
            .await?
            .send_keys("Tim memeriksa bukti log dan tangkapan layar.")
            .await?;
        browser
            .find("#analysis-findings")
            .await?
            .send_keys("Webshell ditemukan di direktori unggahan dan halaman utama diganti.")
            .await?;
        browser
            .find("#analysis-recommendations")
            .await?
            .send_keys("Hapus webshell, pulihkan dari cadangan, dan perbarui CMS ke versi terbaru.")
            .await?;
        browser.find("#analysis-submit").await?.click().await?;
        browser.wait_for_text("#ticket-state", "Draf dokumen disiapkan").await?;
        browser.find("#action-submit_for_approval").await?;
        // Step 5: both drafts are there to read, and the analyst edits the letter's summary.
        browser.wait_for_attr("#preview-letter", "src", "blob:").await?;
        browser.wait_for_attr("#preview-certificate", "src", "blob:").await?;
        let summary = browser.find("#draft-summary").await?;
        summary.clear().await?;
        summary.send_keys("Situs Dinas Pendidikan diubah (deface) melalui webshell di direktori unggahan.").await?;
        browser.find("#drafts-save").await?.click().await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            let now: serde_json::Value =
                app.get(&format!("/api/v1/tickets/{code}"), Some(&analyst)).await.json_body().await;
            if now["drafts"]["revision"] == 2 {
                anyhow::ensure!(
                    now["drafts"]["drafts"]["letter"]["summary"]
                        .as_str()
                        .unwrap_or_default()
                        .contains("melalui webshell"),
                    "the edited summary was saved: {}",
                    now["drafts"]
                );
                break;
            }
            anyhow::ensure!(std::time::Instant::now() < deadline, "the drafts were never saved");
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        browser.keep_screenshot("drafted-ticket").await;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
    assert_eq!(app.count("audit_log WHERE action = 'evidence.download'").await, 1, "the SPA fetched the evidence");
    let after: serde_json::Value = app.get(&format!("/api/v1/tickets/{code}"), Some(&analyst)).await.json_body().await;
    assert_eq!(after["state"], "drafted");
    assert_eq!(after["cvss_score"], 9.8);
    let kinds: Vec<&str> = after["documents"]
        .as_array()
        .map(|d| d.iter().filter_map(|x| x["kind"].as_str()).collect())
        .unwrap_or_default();
    for kind in ["analysis_report", "notification_letter", "certificate"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
}

/// An administrator registers a PSE with an asset rule through the SPA, and a new report about
/// that host is matched to it.
#[tokio::test]
async fn an_admin_registers_a_pse_and_reports_are_matched_to_it() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        browser.sign_in(&app.address, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
        browser.wait_for_text("#current-user", "Administrator").await?;
        c.goto(&app.url("/staff/pses")).await?;
        browser.find("#pse-new").await?.click().await?;
        browser.find("#pse-name").await?.send_keys("Dinas Pendidikan Kabupaten Kutai Kartanegara").await?;
        browser.find("#pse-head-name").await?.send_keys("Dr. Contoh").await?;
        browser.find("#pse-head-title").await?.send_keys("Kepala Dinas Pendidikan").await?;
        browser.find("#pse-emails").await?.send_keys("disdik@kukarkab.go.id").await?;
        browser.find("#pse-rule-add").await?.click().await?;
        browser.find("#pse-rule-kind-0").await?.select_by_value("domain_suffix").await?;
        browser.find("#pse-rule-value-0").await?.send_keys("*.disdik.kukarkab.go.id").await?;
        browser.find("#pse-submit").await?.click().await?;
        browser.wait_for_text("#pses-table", "Dinas Pendidikan Kabupaten Kutai Kartanegara").await?;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let mut report = ttis_tests::sample_report();
    report["affected_asset"] = serde_json::json!("https://ppdb.disdik.kukarkab.go.id/daftar");
    let receipt: serde_json::Value = app.submit_json(&report).await.json_body().await;
    let code = str_at(&receipt, "/ticket_code");
    let detail: serde_json::Value = app.get(&format!("/api/v1/tickets/{code}"), Some(&analyst)).await.json_body().await;
    assert_eq!(detail["pse"]["name"], "Dinas Pendidikan Kabupaten Kutai Kartanegara");
}

/// The head of the agency sees the badge, opens the approval queue, previews both drafts side by
/// side and approves; the public verification page of the signed letter then says it is valid.
#[tokio::test]
async fn the_head_approves_from_the_queue_and_the_letter_verifies() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let t = app.team().await;
    let (analyst, head) = (t.analyst.clone(), t.head.clone());
    let receipt: serde_json::Value = app.submit_json(&ttis_tests::sample_report()).await.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    let analysis = ttis_tests::sample_analysis(t.analyst_id);
    for body in [
        serde_json::json!({"action": "start_verification"}),
        serde_json::json!({"action": "verify", "analysis": analysis}),
        serde_json::json!({"action": "submit_for_approval"}),
    ] {
        app.act_ok(&analyst, &code, body).await;
    }
    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        browser.sign_in(&app.address, "kadis@ttis.test", "password-of-a-test-user").await?;
        browser.wait_for_text("#approvals-badge", "1").await?;
        browser.find("#approvals-link").await?.click().await?;
        browser.find(&format!("#approval-row-{code} a.approval-open")).await?.click().await?;
        browser.wait_for_text("#ticket-state", "Menunggu pengesahan").await?;
        browser.wait_for_attr("#preview-letter", "src", "blob:").await?;
        browser.wait_for_attr("#preview-certificate", "src", "blob:").await?;
        browser.keep_screenshot("approval-review").await;
        assert!(c.find(Locator::Css("#action-return_for_revision")).await.is_ok());
        browser.find("#action-approve").await?.click().await?;
        // The dialog names who signs, and nothing is signed without the head's password.
        browser.wait_for_text("#approve-sign-as", ttis_tests::HEAD_NAME).await?;
        browser.wait_for_text("#approve-sign-as", ttis_tests::HEAD_NIP).await?;
        browser.find("#action-submit").await?.click().await?;
        browser.find("#action-password-error").await?;
        browser.find("#action-password").await?.send_keys("a-wrong-password-typed").await?;
        browser.find("#action-submit").await?.click().await?;
        browser.wait_for_text("#action-error", "salah").await?;
        browser.keep_screenshot("approval-wrong-password").await;
        browser.find("#action-password").await?.send_keys(ttis_tests::USER_PASSWORD).await?;
        browser.find("#action-submit").await?.click().await?;
        browser.wait_for_text("#ticket-state", "Disahkan").await?;
        browser.keep_screenshot("approved-ticket").await;

        let detail: serde_json::Value =
            app.get(&format!("/api/v1/tickets/{code}"), Some(&head)).await.json_body().await;
        let letter = detail["documents"]
            .as_array()
            .and_then(|d| d.iter().find(|x| x["kind"] == "notification_letter" && x["status"] == "final"))
            .and_then(|x| x["id"].as_str())
            .unwrap_or_default()
            .to_string();
        anyhow::ensure!(!letter.is_empty(), "no signed letter: {detail}");
        c.goto(&format!("{}/verify/{letter}", app.address)).await?;
        browser.wait_for_text("#verify-status", "Sah").await?;
        browser.wait_for_text("#verify-number", "/DISKOMINFO/").await?;
        browser.keep_screenshot("verify-valid").await;
        // Anyone holding the file checks it on the page: the signed PDF is identical.
        let pdf = app.get(&format!("/api/v1/tickets/{code}/documents/{letter}"), Some(&head)).await;
        let pdf = pdf.body_bytes().await;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("surat.pdf");
        std::fs::write(&path, &pdf)?;
        browser.find("#verify-file").await?.send_keys(&path.display().to_string()).await?;
        browser.find("#verify-check").await?.click().await?;
        browser.wait_for_text("#verify-file-result", "identik").await?;
        // Someone holding the paper copy types its printed number: the same document, its signer.
        let number = detail["documents"]
            .as_array()
            .and_then(|d| d.iter().find(|x| x["id"].as_str() == Some(letter.as_str())))
            .and_then(|x| x["number"].as_str())
            .unwrap_or_default()
            .to_string();
        c.goto(&format!("{}/verify", app.address)).await?;
        browser.find("#verify-id-input").await?.send_keys(&format!("  {}  ", number.to_lowercase())).await?;
        browser.find("#verify-go").await?.click().await?;
        browser.wait_for_text("#verify-status", "Sah").await?;
        browser.wait_for_text("#verify-number", &number).await?;
        browser.wait_for_text("#verify-signer", ttis_tests::HEAD_NAME).await?;
        browser.wait_for_text("#verify-signer-nip", ttis_tests::HEAD_NIP).await?;
        // The sample report is TLP:AMBER: the page confirms authenticity, not what it is about.
        browser.find("#verify-subject-withheld").await?;
        browser.keep_screenshot("verify-by-number").await;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
}

/// Steps 8-9 in the browser: the reporter's tracking page shows the nine steps done and downloads
/// the signed certificate; the Hall of Fame lists the reporter by the chosen alias, never by email.
#[tokio::test]
async fn a_reporter_sees_completion_downloads_the_certificate_and_is_on_the_hall_of_fame() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let t = app.team().await;
    let (analyst, head) = (t.analyst.clone(), t.head.clone());
    let receipt: serde_json::Value = app.submit_json(&ttis_tests::sample_report()).await.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    let key = str_at(&receipt, "/access_key").to_string();
    let analysis = ttis_tests::sample_analysis(t.analyst_id);
    for (token, body) in [
        (&analyst, serde_json::json!({"action": "start_verification"})),
        (&analyst, serde_json::json!({"action": "verify", "analysis": analysis})),
        (&analyst, serde_json::json!({"action": "submit_for_approval"})),
        (&head, ttis_tests::approve()),
    ] {
        app.act_ok(token, &code, body).await;
    }
    // The embedded mail transport delivers at once; wait for step 9 to close the ticket.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let detail = loop {
        let d: serde_json::Value = app.get(&format!("/api/v1/tickets/{code}"), Some(&analyst)).await.json_body().await;
        if d["state"] == "completed" || std::time::Instant::now() > deadline {
            break d;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert_eq!(detail["state"], "completed");
    let certificate_sha = detail["documents"]
        .as_array()
        .and_then(|d| d.iter().find(|x| x["kind"] == "certificate" && x["status"] == "final"))
        .map(|x| x["sha256"].clone())
        .unwrap_or_default();

    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        c.goto(&app.url("/track")).await?;
        browser.find("#track-code").await?.send_keys(&code).await?;
        browser.find("#track-key").await?.send_keys(&key).await?;
        browser.find("#track-submit").await?.click().await?;
        browser.wait_for_text("#track-state", "Selesai").await?;
        for n in 1..=9 {
            let class = browser.find(&format!("#step-{n}")).await?.attr("class").await?.unwrap_or_default();
            anyhow::ensure!(class.split_whitespace().any(|c| c == "done"), "step {n} is not shown done ({class:?})");
        }
        browser.keep_screenshot("track-completed").await;
        browser.find("#download-certificate").await?.click().await?;
        let (name, bytes) = browser.downloaded("Sertifikat").await?;
        anyhow::ensure!(bytes.starts_with(b"%PDF-"), "{name} is not a PDF");
        use sha2::Digest;
        anyhow::ensure!(
            serde_json::json!(hex::encode(sha2::Sha256::digest(&bytes))) == certificate_sha,
            "the downloaded certificate is the signed one"
        );

        c.goto(&app.url("/hall-of-fame")).await?;
        let text = browser.wait_for_text("#hall-of-fame", "budisec").await?;
        anyhow::ensure!(!text.contains("budi@example.com") && !text.contains("Budi Santoso"), "{text}");
        let page = browser.find("body").await?.text().await?;
        anyhow::ensure!(!page.contains("budi@example.com"), "no email anywhere on the page");
        browser.keep_screenshot("hall-of-fame").await;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
}

/// The head opens the leadership dashboard: the charts are drawn from the statistics, one bar
/// per category in the month, per outcome, per age bucket and per timed step.
#[tokio::test]
async fn the_head_reads_the_leadership_dashboard() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    app.user_with_roles("kadis@ttis.test", &["head"]).await;
    let mut codes = Vec::new();
    for category in ["web_defacement", "web_defacement", "phishing"] {
        let mut report = ttis_tests::sample_report();
        report["category"] = serde_json::json!(category);
        let receipt: serde_json::Value = app.submit_json(&report).await.json_body().await;
        codes.push(str_at(&receipt, "/ticket_code").to_string());
    }
    app.act_ok(&analyst, &codes[2], serde_json::json!({"action": "reject", "reason": "spam"})).await;

    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        browser.sign_in(&app.address, "kadis@ttis.test", "password-of-a-test-user").await?;
        browser.find("#statistics-link").await?.click().await?;
        browser.wait_for_text("#stats-total", "3").await?;
        // The default period is the server's: this year to today in the deployment's zone (WITA),
        // whatever the browser's zone; the form shows the dates it answered for.
        let today = chrono::Utc::now()
            .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap_or(chrono::Utc.fix()))
            .date_naive();
        let value = |css: &'static str| async move {
            Ok::<String, anyhow::Error>(c.find(Locator::Css(css)).await?.prop("value").await?.unwrap_or_default())
        };
        let (from, to) = (value("#stats-from").await?, value("#stats-to").await?);
        anyhow::ensure!(to == today.to_string(), "the period ends today in WITA: {to}, not {today}");
        anyhow::ensure!(from == format!("{}-01-01", &to[..4]), "from 1 January: {from}");
        let count =
            |css: &'static str| async move { Ok::<usize, anyhow::Error>(c.find_all(Locator::Css(css)).await?.len()) };
        let months = chrono::Utc::now()
            .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap_or(chrono::Utc.fix()))
            .format("%m")
            .to_string()
            .parse::<usize>()
            .unwrap_or(0);
        anyhow::ensure!(count("#chart-months g.month").await? == months, "one column per month since January");
        anyhow::ensure!(count("#chart-months rect.bar").await? == 2, "two categories this month");
        anyhow::ensure!(count("#chart-outcomes rect.bar").await? == 2, "open and rejected: spam");
        anyhow::ensure!(count("#chart-age rect.bar").await? == 5, "five age buckets");
        anyhow::ensure!(count("#chart-sla rect.bar").await? == 1, "only step 4 has finished instances");
        let title = c.find(Locator::Css("#chart-outcomes rect.bar title")).await?.html(true).await?;
        anyhow::ensure!(title.chars().any(|ch| ch.is_ascii_digit()), "the number on hover: {title}");
        c.execute("document.querySelector('#chart-months').scrollIntoView()", vec![]).await?;
        browser.keep_screenshot("statistics").await;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
}
use chrono::Offset;

/// An admin sets office hours and a two-hour verification standard on the SLA policy page.
#[tokio::test]
async fn an_admin_changes_the_sla_policy() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        browser.sign_in(&app.address, ttis_tests::ADMIN_EMAIL, ttis_tests::ADMIN_PASSWORD).await?;
        browser.find("#sla-link").await?.click().await?;
        browser.find("#sla-unit-4").await?.select_by_value("minutes").await?;
        let value = browser.find("#sla-value-4").await?;
        value.clear().await?;
        value.send_keys("120").await?;
        browser.find("#sla-office-hours").await?.click().await?;
        browser.find("#sla-day-start").await?;
        browser.keep_screenshot("sla-policy").await;
        browser.find("#sla-save").await?.click().await?;
        browser.find("#sla-saved").await?;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
    let admin = app.admin_token().await;
    let policy: serde_json::Value = app.get("/api/v1/sla-policy", Some(&admin)).await.json_body().await;
    assert_eq!(policy["standards"][3]["time_standard"], serde_json::json!({"unit": "minutes", "value": 120}));
    assert_eq!(policy["day_start_minutes"], 450);
    assert_eq!(policy["day_end_minutes"], 960);
}

/// The PSE follows the one-time link from its email, confirms receipt and says the issue is fixed.
#[tokio::test]
async fn the_pse_acknowledges_the_letter_from_its_email_link() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let t = app.team().await;
    let admin = app.admin_token().await;
    let pse = serde_json::json!({"name": "Dinas Pendidikan", "head_name": "Kepala", "head_title": "Kepala Dinas Pendidikan",
        "emails": ["disdik@kukarkab.go.id"], "assets": [{"kind": "exact_host", "value": "disdik.kukarkab.go.id"}]});
    app.send_json(reqwest::Method::POST, "/api/v1/pses", Some(&admin), &pse).await;
    let receipt: serde_json::Value = app.submit_json(&ttis_tests::sample_report()).await.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    for (token, body) in [
        (&t.analyst, serde_json::json!({"action": "start_verification"})),
        (&t.analyst, serde_json::json!({"action": "verify", "analysis": ttis_tests::sample_analysis(t.analyst_id)})),
        (&t.analyst, serde_json::json!({"action": "submit_for_approval"})),
        (&t.head, ttis_tests::approve()),
    ] {
        app.act_ok(token, &code, body).await;
    }
    let mails = app.wait_for_mail(|m| m.iter().any(|x| x.contains("To: disdik@kukarkab.go.id"))).await;
    let mail = mails.iter().find(|m| m.contains("To: disdik@kukarkab.go.id")).cloned().unwrap_or_default();
    let unfolded = mail.replace("=\r\n", "").replace("=\n", "");
    let token: String = unfolded
        .split("/acknowledge#")
        .nth(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_hexdigit).collect())
        .unwrap_or_default();
    assert_eq!(token.len(), 48, "the link in the PSE's email");

    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        browser.client.goto(&format!("{}/acknowledge#{token}", app.address)).await?;
        browser.find("#ack-fixed").await?.click().await?;
        browser.find("#ack-name").await?.send_keys("Admin TIK Disdik").await?;
        browser.find("#ack-note").await?.send_keys("Halaman sudah dipulihkan dari cadangan.").await?;
        browser.keep_screenshot("acknowledge").await;
        browser.find("#ack-submit").await?.click().await?;
        browser.wait_for_text("#ack-result", &code).await?;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
    let detail = app.ticket(&t.analyst, &code).await;
    assert_eq!(detail["pse_acknowledgement"]["fixed"], true);
    assert_eq!(detail["pse_acknowledgement"]["name"], "Admin TIK Disdik");
}

/// An admin sets the head's title on the organisation page, then fills in a head's signer
/// profile on the users page (a wrong NIP is named at its field; the preview follows the capacity).
#[tokio::test]
async fn an_admin_edits_the_organisation_and_a_heads_signer_profile() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let head = app.user_with_roles("kadis@ttis.test", &["head"]).await;
    let me: serde_json::Value = app.get("/api/v1/auth/me", Some(&head)).await.json_body().await;
    let id = i64_at(&me, "/id");
    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        browser.sign_in(&app.address, ttis_tests::ADMIN_EMAIL, ttis_tests::ADMIN_PASSWORD).await?;
        browser.find("#organization-link").await?.click().await?;
        let title = browser.find("#org-head-title").await?;
        title.clear().await?;
        title.send_keys("Kepala Dinas Komunikasi, Informatika dan Statistik").await?;
        browser.find("#org-save").await?.click().await?;
        browser.find("#org-notice").await?;
        browser.keep_screenshot("organization").await;

        c.goto(&app.url("/staff/users")).await?;
        browser.find(&format!("#user-signer-{id}")).await?.click().await?;
        let field = |name: &str| format!("#user-signer-{id}-{name}");
        browser.wait_for_text(&field("status"), "Belum lengkap").await?;
        browser.find(&field("full-name")).await?.send_keys("Ir. Siti Rahmawati, M.T.").await?;
        browser.find(&field("nip")).await?.send_keys("12345").await?;
        browser.find(&field("rank")).await?.send_keys("Pembina (IV/a)").await?;
        browser.find(&field("position-title")).await?.send_keys("Sekretaris").await?;
        browser.find(&field("capacity")).await?.select_by_value("on_behalf").await?;
        browser.wait_for_text(&field("preview"), "a.n. KEPALA DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK").await?;
        browser.wait_for_text(&field("preview"), "SEKRETARIS,").await?;
        browser.find(&field("save")).await?.click().await?;
        browser.wait_for_text(&field("nip-error"), "18 angka").await?;
        let nip = browser.find(&field("nip")).await?;
        nip.clear().await?;
        nip.send_keys("198002022005022002").await?;
        browser.find(&field("save")).await?.click().await?;
        browser.find(&field("saved")).await?;
        browser.wait_for_text(&field("status"), "Lengkap").await?;
        browser.keep_screenshot("users-signer-profile").await;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
    let admin = app.admin_token().await;
    let org: serde_json::Value = app.get("/api/v1/organization", Some(&admin)).await.json_body().await;
    assert_eq!(org["organization"]["head_title"], "Kepala Dinas Komunikasi, Informatika dan Statistik");
    let profile: serde_json::Value = app.get("/api/v1/auth/signer-profile", Some(&head)).await.json_body().await;
    assert_eq!(profile["complete"], true, "{profile}");
    assert_eq!(profile["profile"]["capacity"], "on_behalf");
    assert_eq!(profile["profile"]["nip"], "198002022005022002");
}

/// The security policy requires a second factor: the admin is sent to the account page, enrols
/// from the QR code's secret, signs in again with a code, and browses and verifies the audit log.
#[tokio::test]
async fn an_admin_enrols_a_second_factor_and_reads_the_audit_log() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let admin = app.admin_token().await;
    let policy = serde_json::json!({"require_totp_for_privileged": true, "retention_days": 365});
    app.send_json(reqwest::Method::PUT, "/api/v1/security-policy", Some(&admin), &policy).await;
    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        browser.sign_in(&app.address, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
        browser.find("#enrollment-banner").await?;
        browser.wait_for_text("#totp-status", "").await?;
        assert!(c.current_url().await?.path().starts_with("/staff/account"), "held at the account page");
        browser.find("#totp-password").await?.send_keys(ADMIN_PASSWORD).await?;
        browser.find("#totp-start").await?.click().await?;
        browser.wait_for_attr("#totp-qr", "src", "data:image/svg+xml;base64,").await?;
        let secret = browser.find("#totp-secret").await?.text().await?;
        browser.keep_screenshot("account-totp").await;
        browser.find("#totp-code").await?.send_keys(&ttis_tests::authenticator_code(secret.trim(), 0)).await?;
        browser.find("#totp-activate").await?.click().await?;
        browser.wait_for_text("#totp-notice", "").await?;
        browser.find("#sessions-table").await?;

        // Signing in again asks for the code.
        c.goto(&app.url("/staff")).await?;
        browser.find("#logout-button").await?.click().await?;
        browser.find("#login-email").await?;
        browser.sign_in(&app.address, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
        browser.find("#login-totp").await?.send_keys(&ttis_tests::authenticator_code(secret.trim(), 1)).await?;
        browser.find("#login-submit").await?.click().await?;
        browser.wait_for_text("#current-user", "Administrator").await?;

        browser.find("#audit-link").await?.click().await?;
        browser.wait_for_text("#audit-table", "auth.totp_enabled").await?;
        browser.find("#audit-action").await?.send_keys("security.").await?;
        browser.find("#audit-apply").await?.click().await?;
        browser.wait_for_text("#audit-total", "1").await?;
        browser.find("#audit-verify").await?.click().await?;
        browser.wait_for_text("#audit-verification", "Rantai utuh").await?;
        browser.keep_screenshot("audit-log").await;

        browser.find("#security-link").await?.click().await?;
        let days = browser.find("#policy-retention-days").await?;
        assert_eq!(days.prop("value").await?.as_deref(), Some("365"));
        days.clear().await?;
        days.send_keys("730").await?;
        browser.find("#policy-save").await?.click().await?;
        browser.find("#policy-saved").await?;
        browser.find("#retention-run").await?.click().await?;
        if let Ok(alert) = c.get_alert_text().await {
            assert!(!alert.is_empty());
            c.accept_alert().await?;
        }
        browser.wait_for_text("#retention-result", "0 tiket dianonimkan").await?;
        // Turning the requirement off asks for the password (and, enrolled, the code) first.
        browser.find("#policy-require-totp").await?.click().await?;
        browser.find("#policy-step-up #policy-password").await?;
        browser.find("#policy-step-up #policy-totp").await?;
        browser.keep_screenshot("security-policy").await;
        browser.find("#policy-save").await?.click().await?;
        browser.wait_for_text("#policy-password-error", "Wajib").await?;
        browser.find("#policy-require-totp").await?.click().await?;
        anyhow::ensure!(
            c.find_all(Locator::Css("#policy-step-up")).await?.is_empty(),
            "keeping the requirement on asks for nothing"
        );
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
    assert_eq!(app.count("security_settings WHERE retention_days = 730").await, 1, "saved from the page");
    assert_eq!(app.count("audit_log WHERE action = 'auth.totp_enabled'").await, 1);
    assert_eq!(app.count("audit_log WHERE action = 'security.policy_update'").await, 2);
}

/// Changing someone's roles asks for the admin's own password again: a wrong one is refused and
/// typed again, the right one saves; the webhook form asks for it too.
#[tokio::test]
async fn an_admin_confirms_their_password_to_change_roles() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let admin = app.admin_token().await;
    let users: serde_json::Value = app.get("/api/v1/users", Some(&admin)).await.json_body().await;
    let analyst_id = users["items"]
        .as_array()
        .and_then(|items| items.iter().find(|u| u["email"] == "analis@ttis.test"))
        .map(|u| i64_at(u, "/id"))
        .unwrap_or_else(|| panic!("the analyst is listed: {users}"));
    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        browser.sign_in(&app.address, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
        browser.wait_for_text("#current-user", "Administrator").await?;
        c.goto(&app.url("/staff/users")).await?;
        browser.find(&format!("#user-roles-edit-{analyst_id}")).await?.click().await?;
        let form = format!("#user-roles-{analyst_id}");
        browser.find(&format!("{form}-head")).await?.click().await?;
        browser.find(&format!("{form}-password")).await?.send_keys("not-my-password-at-all").await?;
        browser.keep_screenshot("user-roles").await;
        browser.find(&format!("{form}-save")).await?.click().await?;
        browser.wait_for_text(&format!("{form}-error"), "sandi").await?;
        let typed = browser.find(&format!("{form}-password")).await?.prop("value").await?;
        anyhow::ensure!(typed.as_deref() == Some(""), "a refused password is typed again: {typed:?}");
        browser.find(&format!("{form}-password")).await?.send_keys(ADMIN_PASSWORD).await?;
        browser.find(&format!("{form}-save")).await?.click().await?;
        browser.wait_for_text(&format!("#user-row-{analyst_id}"), "Kepala Dinas").await?;

        c.goto(&app.url("/staff/webhooks")).await?;
        browser.find("#webhook-step-up #webhook-password").await?;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
    let roles: serde_json::Value =
        app.get(&format!("/api/v1/users/{analyst_id}"), Some(&admin)).await.json_body().await;
    assert_eq!(roles["roles"], serde_json::json!(["analyst", "head"]));
    assert_eq!(app.count("audit_log WHERE action = 'auth.reauthentication_failed'").await, 1);
}
