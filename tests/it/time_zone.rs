//! One time zone for a deployment: a CSIRT in Jakarta (`TTIS_TIME_ZONE=Asia/Jakarta`) that files
//! a report at 23:30 UTC on 31 December gets a ticket of the next year (06.30 WIB on 1 January),
//! and its analysis report and letter print WIB dates and times.

use chrono::TimeZone;
use reqwest::StatusCode;
use serde_json::{Value, json};
use ttis_tests::must::{ResponseExt, str_at};
use ttis_tests::{Backend, TestApp, final_doc, pdf_text, sample_analysis, sample_report};

mod a_jakarta_deployment_dates_everything_in_wib {
    #[tokio::test]
    async fn sqlite() {
        super::a_jakarta_deployment_dates_everything_in_wib(ttis_tests::Backend::Sqlite).await
    }
    #[tokio::test]
    async fn postgres() {
        super::a_jakarta_deployment_dates_everything_in_wib(ttis_tests::Backend::Postgres).await
    }
}

async fn a_jakarta_deployment_dates_everything_in_wib(backend: Backend) {
    let app = TestApp::spawn_with(backend, |env| {
        env.insert("TTIS_TIME_ZONE".into(), "Asia/Jakarta".into());
    })
    .await;
    let Some(new_years_eve) = chrono::Utc.with_ymd_and_hms(2026, 12, 31, 23, 30, 0).single() else {
        panic!("a valid time")
    };
    app.clock.set(new_years_eve);

    let admin = app.admin_token().await;
    let policy: Value = app.get("/api/v1/sla-policy", Some(&admin)).await.json_body().await;
    assert_eq!(policy["utc_offset_minutes"], 420, "the SLA calendar runs on WIB");

    let t = app.team().await;
    let mut report = sample_report();
    report["discovered_at"] = json!("2026-12-01T01:00:00Z");
    let res = app.submit_json(&report).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: Value = res.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    assert!(code.starts_with("TTIS-2027-"), "06.30 WIB on 1 January is in 2027: {code}");

    assert_eq!(app.act(&t.analyst, &code, json!({"action": "start_verification"})).await.status(), StatusCode::OK);
    let verify = json!({"action": "verify", "analysis": sample_analysis(t.analyst_id)});
    let detail = app.act_ok(&t.analyst, &code, verify).await;
    assert_eq!(detail["today"], "2027-01-01", "the analysis form's default date is WIB's today, not UTC's");

    let analysis = pdf_text(&app.document_pdf(&t.analyst, &code, &final_doc(&detail, "analysis_report")).await);
    assert!(analysis.contains("1 Januari 2027 pukul 06.30 WIB"), "received, in WIB: {analysis}");
    assert!(!analysis.contains("WITA"), "no other zone: {analysis}");

    let draft = detail["documents"]
        .as_array()
        .and_then(|d| d.iter().find(|x| x["kind"] == "notification_letter"))
        .cloned()
        .unwrap_or_else(|| panic!("a drafted letter: {detail}"));
    let letter = pdf_text(&app.document_pdf(&t.analyst, &code, &draft).await);
    assert!(letter.contains("1 Desember 2026 pukul 08.00 WIB"), "discovered, in WIB: {letter}");
    assert!(letter.contains("1 Januari 2027"), "dated in WIB: {letter}");
    assert!(!letter.contains("WITA"), "no other zone: {letter}");
}
