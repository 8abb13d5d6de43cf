//! Statement budgets (issue 17): how many SQL statements one request of each hot scenario runs,
//! read from `Server-Timing` (`TTIS_SERVER_TIMING=on`). A count is deterministic, so it is held
//! here; the time each scenario takes is the benchmark's business (`cargo xtask bench`).

use reqwest::Response;
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use ttis_tests::must::{ResponseExt, str_at};
use ttis_tests::{Backend, TestApp, sample_report};

/// The statements of one answer, from its `Server-Timing` header.
fn statements(res: &Response) -> u32 {
    let value = res.headers().get("server-timing").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    value
        .split("desc=\"")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no statement count in Server-Timing: {value:?}"))
}

async fn app(backend: Backend) -> TestApp {
    TestApp::spawn_with(backend, |env| {
        env.insert("TTIS_SERVER_TIMING".into(), "on".into());
    })
    .await
}

/// The budget of a JSON report without evidence (issue 17), counting the proof of work's spent
/// challenge: 10 statements (PostgreSQL takes 9, SQLite 10: it chains its audit rows in the
/// submission itself, where PostgreSQL's sealer does it after).
const SUBMISSION_BUDGET: u32 = 10;

#[tokio::test]
async fn hot_paths_keep_their_statement_budgets_sqlite() {
    hot_paths_keep_their_statement_budgets(app(Backend::Sqlite).await, SUBMISSION_BUDGET).await;
}

#[tokio::test]
async fn hot_paths_keep_their_statement_budgets_postgres() {
    hot_paths_keep_their_statement_budgets(app(Backend::Postgres).await, SUBMISSION_BUDGET).await;
}

async fn hot_paths_keep_their_statement_budgets(app: TestApp, submission_max: u32) {
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let mut report_counts = Vec::new();
    let mut receipts = Vec::new();
    for _ in 0..3 {
        let res = app.submit_json(&sample_report()).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        report_counts.push(statements(&res));
        receipts.push(res.json_body::<Value>().await);
    }
    let code = str_at(&receipts[0], "/ticket_code").to_string();
    let key = str_at(&receipts[0], "/access_key").to_string();
    let lookup = json!({"ticket_code": code, "access_key": key});
    let res = app.send_json(reqwest::Method::POST, "/api/v1/reports/status", None, &lookup).await;
    assert_eq!(res.status(), StatusCode::OK);
    let status = statements(&res);
    app.act_ok(&analyst, &code, json!({"action": "start_verification"})).await;
    let res = app.send_json(reqwest::Method::POST, "/api/v1/reports/status", None, &lookup).await;
    let status_later = statements(&res);
    let res = app.get("/api/v1/tickets?state=submitted&sort=-submitted_at&per_page=25", Some(&analyst)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let queue = statements(&res);
    println!("statements: submission {report_counts:?}, status {status}/{status_later}, queue {queue}");
    // On PostgreSQL the rate limit counts in the database, shared by every replica: one upsert.
    let status_max = if app.backend == Backend::Postgres { 3 } else { 2 };
    assert!(
        status <= status_max && status_later <= status_max,
        "a status lookup in at most {status_max} statements: {status}, {status_later}"
    );
    assert!(
        report_counts.iter().skip(1).all(|n| *n <= submission_max),
        "a JSON report in at most {submission_max} statements: {report_counts:?}"
    );
    assert!(queue <= 3, "a queue page in at most 3 statements (the session, the page, the tabs): {queue}");
}

/// The SLA policy is kept in memory and checked by its stamp: a change made through one replica
/// reaches the other at its next request (PostgreSQL, two processes on one database).
#[tokio::test]
async fn a_policy_change_reaches_every_replica() {
    let first = app(Backend::Postgres).await;
    let url = first.database_url.clone();
    let key = std::fs::read_to_string(first.data_dir.path().join("signing-key")).unwrap_or_default();
    let second = TestApp::spawn_with(Backend::Postgres, move |env| {
        env.insert("DATABASE_URL".into(), url);
        env.insert("TTIS_SIGNING_KEY".into(), key.trim().to_string());
    })
    .await;
    let analyst = first.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let admin = first.admin_token().await;
    let receipt: Value = first.submit_json(&sample_report()).await.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    first.act_ok(&analyst, &code, json!({"action": "start_verification"})).await;
    let path = format!("/api/v1/tickets/{code}");
    let before: Value = second.get(&path, Some(&analyst)).await.json_body().await;
    assert_eq!(before["clock"]["time_standard"], json!({"unit": "working_days", "value": 1}), "{before}");
    let two_hours = json!({"utc_offset_minutes": 480, "working_days": [true, true, true, true, true, false, false],
        "standards": [{"step": 4, "time_standard": {"unit": "minutes", "value": 120}}]});
    let res = first.send_json(reqwest::Method::PUT, "/api/v1/sla-policy", Some(&admin), &two_hours).await;
    assert_eq!(res.status(), StatusCode::OK);
    let after: Value = second.get(&path, Some(&analyst)).await.json_body().await;
    assert_eq!(after["clock"]["time_standard"], json!({"unit": "minutes", "value": 120}), "{after}");
    let queue: Value = second.get("/api/v1/tickets", Some(&analyst)).await.json_body().await;
    assert_eq!(queue["items"][0]["clock"]["time_standard"], json!({"unit": "minutes", "value": 120}));
}

/// Spent proof-of-work challenges are forgotten off the submission's path, once expired; one
/// that is still valid stays spent (a replay is still refused).
#[tokio::test]
async fn spent_challenges_are_forgotten_once_expired() {
    let app = app(Backend::Sqlite).await;
    assert_eq!(app.submit_json(&sample_report()).await.status(), StatusCode::CREATED);
    let spent = app.count("used_challenges").await;
    assert!(spent >= 1, "the submission spent its challenge");
    app.db
        .execute_unprepared(
            "INSERT INTO used_challenges (challenge_hash, expires_at) VALUES ('expired', '2020-01-01 00:00:00+00:00')",
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let forgotten = ttis_api::services::pow::forget_spent(&app.db).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(forgotten, 1, "only the expired one");
    assert_eq!(app.count("used_challenges").await, spent);
}
