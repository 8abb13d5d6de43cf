//! `ttis-api backup` and `restore` on the embedded default: a snapshot taken while the server
//! runs brings back the tickets, the evidence files and a verifiable audit chain, and nothing
//! written after it.

use std::collections::HashMap;

use reqwest::StatusCode;
use serde_json::Value;
use ttis_api::config::Settings;
use ttis_tests::must::{ResponseExt, i64_at, str_at};
use ttis_tests::{Backend, TestApp, sample_report};

fn settings(data_dir: &std::path::Path) -> Settings {
    let env: HashMap<String, String> = [
        ("TTIS_DATA_DIR".to_string(), data_dir.display().to_string()),
        ("DATABASE_URL".to_string(), format!("sqlite://{}?mode=rwc", data_dir.join("ttis.db").display())),
        ("TTIS_JWT_SECRET".to_string(), "k".repeat(40)),
    ]
    .into_iter()
    .collect();
    Settings::load_from(&env).unwrap_or_else(|e| panic!("{e:#}"))
}

#[tokio::test]
async fn a_backup_taken_while_running_restores_tickets_evidence_and_the_audit_chain() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let res = app.submit_multipart(&sample_report(), vec![("log.txt", b"GET /shell.php 200\n".to_vec())]).await;
    let kept: Value = res.json_body().await;
    let kept = str_at(&kept, "/ticket_code").to_string();
    let before: Value = app.get(&format!("/api/v1/tickets/{kept}"), Some(&analyst)).await.json_body().await;

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let snapshot = dir.path().join("backup");
    let files =
        ttis_api::backup::backup(&settings(app.data_dir.path()), &snapshot).await.unwrap_or_else(|e| panic!("{e:#}"));
    assert!(files >= 1, "the evidence file is in the backup");
    assert!(
        ttis_api::backup::backup(&settings(app.data_dir.path()), &snapshot).await.is_err(),
        "never over an old backup"
    );
    let later: Value = app.submit_json(&sample_report()).await.json_body().await;
    let later = str_at(&later, "/ticket_code").to_string();

    let restored_dir = dir.path().join("restored");
    ttis_api::backup::restore(&settings(&restored_dir), &snapshot).unwrap_or_else(|e| panic!("{e:#}"));
    let url = format!("sqlite://{}?mode=rwc", restored_dir.join("ttis.db").display());
    let data = restored_dir.display().to_string();
    let restored = TestApp::spawn_with(Backend::Sqlite, move |env| {
        env.insert("TTIS_DATA_DIR".into(), data);
        env.insert("DATABASE_URL".into(), url);
    })
    .await;
    let analyst = restored.token_for("analis@ttis.test", "password-of-a-test-user").await;
    let after: Value = restored.get(&format!("/api/v1/tickets/{kept}"), Some(&analyst)).await.json_body().await;
    assert_eq!(after["title"], before["title"]);
    assert_eq!(after["evidence"], before["evidence"]);
    let id = i64_at(&after, "/evidence/0/id");
    let file = restored.get(&format!("/api/v1/tickets/{kept}/evidence/{id}"), Some(&analyst)).await;
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.body_bytes().await, b"GET /shell.php 200\n");
    assert_eq!(
        restored.get(&format!("/api/v1/tickets/{later}"), Some(&analyst)).await.status(),
        StatusCode::NOT_FOUND,
        "written after the snapshot"
    );
    let admin = restored.admin_token().await;
    let chain: Value = restored.get("/api/v1/audit/verification", Some(&admin)).await.json_body().await;
    assert_eq!(chain["intact"], true, "{chain}");
}
