//! Crash safety: the real server binary takes submissions (with evidence) and workflow actions
//! from several clients and is killed with SIGKILL in the middle; after a restart every
//! acknowledged submission is there with its evidence, no half-written ticket exists, and every
//! queued email is delivered exactly once.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use ttis_tests::must::{ResponseExt, i64_at, str_at};
use ttis_tests::{ADMIN_EMAIL, ADMIN_PASSWORD, JWT_SECRET, db_tests, fresh_database, sample_report};

db_tests!(a_killed_server_loses_nothing_it_acknowledged);

fn start(env: &HashMap<String, String>) -> Child {
    Command::new(ttis_tests::cluster::server_binary())
        .arg("serve")
        .envs(env)
        .env_remove("TTIS_CONFIG")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start the server: {e}"))
}

async fn wait_up(base: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if reqwest::get(format!("{base}/api/v1/health")).await.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not come up at {base}");
}

async fn a_killed_server_loses_nothing_it_acknowledged(app: ttis_tests::TestApp) {
    let backend = app.backend;
    drop(app);
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let database_url = fresh_database(backend, data.path()).await.unwrap_or_else(|e| panic!("{e:#}"));
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap_or(0);
    let base = format!("http://127.0.0.1:{port}");
    let env: HashMap<String, String> = [
        ("TTIS_BIND", format!("127.0.0.1:{port}")),
        ("TTIS_DATA_DIR", data.path().display().to_string()),
        ("DATABASE_URL", database_url.clone()),
        ("TTIS_JWT_SECRET", JWT_SECRET.to_string()),
        ("TTIS_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL.to_string()),
        ("TTIS_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD.to_string()),
        ("TTIS_POW_DIFFICULTY", "0".to_string()),
        ("TTIS_RATE_SUBMIT_PER_HOUR", "100000".to_string()),
        ("TTIS_RATE_STATUS_PER_MINUTE", "100000".to_string()),
        ("TTIS_OUTBOX_POLL_SECS", "1".to_string()),
        ("TTIS_OUTBOX_LEASE_SECS", "2".to_string()),
        ("TTIS_WORKERS", "2".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let mut server = start(&env);
    wait_up(&base).await;
    let client = reqwest::Client::new();
    let login = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let admin: Value = login.json_body().await;
    let admin = str_at(&admin, "/access_token").to_string();
    let created = client
        .post(format!("{base}/api/v1/users"))
        .bearer_auth(&admin)
        .json(&json!({"email": "analis@ttis.test", "name": "Analis", "roles": ["analyst"], "password": "password-of-a-test-user"}))
        .send()
        .await
        .map(|r| r.status());
    assert_eq!(created.unwrap_or(StatusCode::IM_A_TEAPOT), StatusCode::CREATED);
    let analyst: Value = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": "analis@ttis.test", "password": "password-of-a-test-user"}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json_body()
        .await;
    let analyst = str_at(&analyst, "/access_token").to_string();

    // Four reporters submit with evidence; one analyst starts verifying what arrives.
    let acknowledged: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let mut tasks = Vec::new();
    for n in 0..4 {
        let (base, acknowledged) = (base.clone(), acknowledged.clone());
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            for i in 0.. {
                let body = format!("GET /shell-{n}-{i}.php 200\n");
                let form = reqwest::multipart::Form::new().text("report", sample_report().to_string()).part(
                    "evidence",
                    reqwest::multipart::Part::bytes(body.clone().into_bytes()).file_name("akses.log"),
                );
                let Ok(res) = client.post(format!("{base}/api/v1/reports")).multipart(form).send().await else {
                    break;
                };
                if res.status() != StatusCode::CREATED {
                    break;
                }
                let Ok(receipt) = res.json::<Value>().await else { break };
                let code = str_at(&receipt, "/ticket_code").to_string();
                if let Ok(mut a) = acknowledged.lock() {
                    a.push((code, hex::encode(Sha256::digest(body.as_bytes()))));
                }
            }
        }));
    }
    {
        let (base, acknowledged, analyst) = (base.clone(), acknowledged.clone(), analyst.clone());
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut done = 0;
            loop {
                let next = acknowledged.lock().ok().and_then(|a| a.get(done).map(|(c, _)| c.clone()));
                let Some(code) = next else {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                };
                let res = client
                    .post(format!("{base}/api/v1/tickets/{code}/actions"))
                    .bearer_auth(&analyst)
                    .json(&json!({"action": "start_verification"}))
                    .send()
                    .await;
                if res.is_err() {
                    break;
                }
                done += 1;
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(2500)).await;
    server.kill().unwrap_or_else(|e| panic!("SIGKILL: {e}"));
    let _ = server.wait();
    for t in tasks {
        let _ = tokio::time::timeout(Duration::from_secs(10), t).await;
    }
    let acknowledged = acknowledged.lock().map(|a| a.clone()).unwrap_or_default();
    assert!(acknowledged.len() >= 5, "the clients got some submissions through first ({})", acknowledged.len());

    // Restart on the same database and data dir.
    let mut server = start(&env);
    wait_up(&base).await;
    let analyst: Value = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": "analis@ttis.test", "password": "password-of-a-test-user"}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json_body()
        .await;
    let analyst = str_at(&analyst, "/access_token").to_string();
    for (code, sha) in &acknowledged {
        let detail: Value = client
            .get(format!("{base}/api/v1/tickets/{code}"))
            .bearer_auth(&analyst)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .json_body()
            .await;
        assert_eq!(detail["code"], code.as_str(), "acknowledged {code} survived");
        assert_eq!(detail["evidence"][0]["sha256"], sha.as_str(), "{code}'s evidence record");
        let id = i64_at(&detail, "/evidence/0/id");
        let file = client
            .get(format!("{base}/api/v1/tickets/{code}/evidence/{id}"))
            .bearer_auth(&analyst)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let bytes = file.body_bytes().await;
        assert_eq!(hex::encode(Sha256::digest(&bytes)), *sha, "{code}'s evidence file");
    }

    // Nothing half-written: no ticket without its number, none without its evidence and events.
    let db = Database::connect(&database_url).await.unwrap_or_else(|e| panic!("{e}"));
    let count = |sql: &'static str| {
        let db = &db;
        async move {
            db.query_one(sea_orm::Statement::from_string(db.get_database_backend(), sql))
                .await
                .ok()
                .flatten()
                .and_then(|r| r.try_get::<i64>("", "n").ok())
                .unwrap_or(-1)
        }
    };
    assert_eq!(count("SELECT COUNT(*) AS n FROM tickets WHERE code LIKE '~%'").await, 0, "a placeholder left behind");
    assert_eq!(
        count(
            "SELECT COUNT(*) AS n FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.ticket_id = t.id)"
        )
        .await,
        0,
        "a ticket without its evidence"
    );
    let tickets = count("SELECT COUNT(*) AS n FROM tickets").await;
    assert!(tickets >= acknowledged.len() as i64);

    // Every queued email is delivered once: the claims of the killed worker expire and the new
    // one sends them; a message sent twice would replace its own file.
    let deadline = Instant::now() + Duration::from_secs(30);
    while count("SELECT COUNT(*) AS n FROM outbox WHERE status <> 'sent'").await > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let rows = count("SELECT COUNT(*) AS n FROM outbox").await;
    let files = std::fs::read_dir(data.path().join("mail"))
        .map(|d| d.flatten().filter(|e| e.path().extension().is_some_and(|x| x == "eml")).count())
        .unwrap_or(0);
    assert_eq!(files as i64, rows, "one file per queued message");
    assert_eq!(count("SELECT COUNT(*) AS n FROM outbox WHERE status <> 'sent'").await, 0);
    println!(
        "crash test on {backend:?}: {} submissions acknowledged before the kill, all found; {tickets} tickets; {rows} emails delivered once",
        acknowledged.len()
    );
    let _ = server.kill();
    let _ = server.wait();
}
