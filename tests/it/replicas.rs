//! Several servers, as a province runs the platform: PostgreSQL, an S3-compatible bucket (moto's
//! server), a real SMTP relay (the test's), and two API processes behind nginx with
//! `TTIS_TRUSTED_PROXIES` set to it. Through the proxy: the whole procedure, steps 1-9, with
//! evidence; the submission limit held once across both replicas; then one replica is killed
//! with SIGKILL while reporters submit and the analyst works, and afterwards every acknowledged
//! report, its evidence object and every email are there exactly once.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use ttis_tests::cluster::{Nginx, Replica, S3Server};
use ttis_tests::must::{ResponseExt, array_at, i64_at, str_at};
use ttis_tests::smtp::SmtpServer;
use ttis_tests::{
    ADMIN_EMAIL, ADMIN_PASSWORD, Backend, ISSUER, JWT_SECRET, TestApp, fresh_database, sample_analysis, sample_report,
};

const METRICS_TOKEN: &str = "scrape-token-for-the-replica-test";
const SUBMIT_PER_HOUR: usize = 30;

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A client whose requests come from `127.0.0.<n>` (the loopback answers on all of 127/8): to the
/// proxy, a reporter at its own address.
fn client_from(n: u8) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(IpAddr::from([127, 0, 0, n]))
        .build()
        .unwrap_or_else(|e| panic!("a client on 127.0.0.{n}: {e}"))
}

async fn scalar(db: &sea_orm::DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one(Statement::from_string(db.get_database_backend(), sql.to_string()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    row.and_then(|r| r.try_get::<i64>("", "n").ok()).unwrap_or_else(|| panic!("{sql}: no number"))
}

/// Report submissions a replica answered with 201, from its own `/metrics`.
async fn submissions_served(replica_base: &str, instance: &str) -> u64 {
    let body = reqwest::Client::new()
        .get(format!("{replica_base}/metrics"))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .unwrap_or_else(|e| panic!("scraping {replica_base}: {e}"))
        .body_text()
        .await;
    let line = format!(
        "ttis_http_requests_total{{instance=\"{instance}\",method=\"POST\",route=\"/api/v1/reports\",status=\"201\"}}"
    );
    body.lines().filter(|l| l.starts_with(&line)).filter_map(|l| l.rsplit(' ').next()?.parse::<u64>().ok()).sum()
}

#[tokio::test]
async fn two_replicas_behind_nginx_lose_nothing_and_share_their_limits() {
    let s3 = S3Server::start("ttis-replika").await;
    let smtp = SmtpServer::start(0).await;
    let scratch = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let database_url = fresh_database(Backend::Postgres, scratch.path()).await.unwrap_or_else(|e| panic!("{e:#}"));
    let mut env = s3.env("kukar");
    for (k, v) in [
        ("DATABASE_URL", database_url.clone()),
        ("TTIS_JWT_SECRET", JWT_SECRET.to_string()),
        ("TTIS_SIGNING_KEY", "5e".repeat(32)),
        ("TTIS_PUBLIC_URL", ISSUER.to_string()),
        ("TTIS_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL.to_string()),
        ("TTIS_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD.to_string()),
        ("TTIS_POW_DIFFICULTY", "0".to_string()),
        ("TTIS_RATE_SUBMIT_PER_HOUR", SUBMIT_PER_HOUR.to_string()),
        ("TTIS_RATE_STATUS_PER_MINUTE", "100000".to_string()),
        ("TTIS_TRUSTED_PROXIES", "127.0.0.1".to_string()),
        ("TTIS_SMTP_URL", smtp.url()),
        ("TTIS_OUTBOX_POLL_SECS", "1".to_string()),
        ("TTIS_OUTBOX_LEASE_SECS", "5".to_string()),
        ("TTIS_OUTBOX_RETRY_SECS", "1".to_string()),
        ("TTIS_METRICS_TOKEN", METRICS_TOKEN.to_string()),
        ("TTIS_WORKERS", "2".to_string()),
    ] {
        env.insert(k.to_string(), v);
    }
    let with_instance = |name: &str| {
        let mut e = env.clone();
        e.insert("TTIS_INSTANCE".into(), name.into());
        e
    };
    // The first replica creates the schema and the first admin; the second finds them.
    let a = Replica::start(&with_instance("replika-a")).await;
    let mut b = Replica::start(&with_instance("replika-b")).await;
    let proxy = Nginx::start([a.port, b.port]).await;

    // The test's own view: the helpers of `TestApp`, pointed at the proxy.
    let app = TestApp {
        address: proxy.base.clone(),
        port: 0,
        backend: Backend::Postgres,
        db: Database::connect(&database_url).await.unwrap_or_else(|e| panic!("{e}")),
        database_url: database_url.clone(),
        client: reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("{e}")),
        data_dir: tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
        clock: ttis_api::services::clock::Clock::adjustable(ttis_api::services::clock::Zone::DEFAULT),
    };

    // ---- Steps 1-9 through the proxy, each request on whichever replica nginx picks.
    let t = app.team().await;
    let admin = app.admin_token().await;
    let pse = json!({"name": "Dinas Pendidikan Kabupaten Kutai Kartanegara", "head_name": "Kepala",
        "head_title": "Kepala Dinas Pendidikan Kabupaten Kutai Kartanegara",
        "emails": ["disdik@kukarkab.go.id"],
        "assets": [{"kind": "exact_host", "value": "disdik.kukarkab.go.id"}]});
    assert_eq!(app.send_json(Method::POST, "/api/v1/pses", Some(&admin), &pse).await.status(), StatusCode::CREATED);
    let log = b"GET /wp-content/uploads/shell.php?cmd=id 200\n".to_vec();
    let res = app.submit_multipart(&sample_report(), vec![("akses.log", log.clone())]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: Value = res.json_body().await;
    let (code, key) = (str_at(&receipt, "/ticket_code").to_string(), str_at(&receipt, "/access_key").to_string());
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;
    app.act_ok(&t.analyst, &code, json!({"action": "verify", "analysis": sample_analysis(t.analyst_id)})).await;
    app.act_ok(&t.analyst, &code, json!({"action": "submit_for_approval"})).await;
    app.act_ok(&t.head, &code, ttis_tests::approve()).await;
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut detail = app.ticket(&t.analyst, &code).await;
    while detail["state"] != "completed" && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
        detail = app.ticket(&t.analyst, &code).await;
    }
    assert_eq!(detail["state"], "completed", "step 9 closes the ticket: {}", detail["deliveries"]);
    let evidence_id = i64_at(&detail, "/evidence/0/id");
    let got = app.get(&format!("/api/v1/tickets/{code}/evidence/{evidence_id}"), Some(&t.analyst)).await;
    assert_eq!(sha(&got.body_bytes().await), sha(&log), "the evidence streams back from the bucket");
    let hof: Value = app.get("/api/v1/hall-of-fame", None).await.json_body().await;
    assert!(array_at(&hof, "/entries").iter().any(|e| e["display_name"] == "budisec"), "step 8: {hof}");
    // The reporter downloads the certificate; the letter to the PSE is TLP:AMBER, not theirs.
    for (kind, expected) in [("certificate", StatusCode::OK), ("notification_letter", StatusCode::NOT_FOUND)] {
        let res = app
            .send_json(
                Method::POST,
                &format!("/api/v1/reports/documents/{kind}"),
                None,
                &json!({"ticket_code": code, "access_key": key}),
            )
            .await;
        assert_eq!(res.status(), expected, "the reporter and the {kind}");
        if expected == StatusCode::OK {
            assert!(res.body_bytes().await.starts_with(b"%PDF"), "the {kind} streams from the bucket");
        }
    }
    let letters = smtp
        .wait_for(Duration::from_secs(20), |m| m.iter().any(|x| x.to.iter().any(|t| t == "disdik@kukarkab.go.id")))
        .await;
    assert!(letters.iter().any(|m| m.to.iter().any(|t| t == "disdik@kukarkab.go.id")), "the letter reached the PSE");

    // ---- A 20 MiB file on a fresh replica (no letter rendered yet, whose typesetting would set
    // the peak): it streams to the bucket and back without the process ever holding it whole,
    // so the process's peak memory grows by less than the file.
    let c = Replica::start(&with_instance("replika-c")).await;
    let big: Vec<u8> = (0..20 * 1024 * 1024 - 4096).map(|i| b"0123456789abcdef GET /x 200\n"[i % 28]).collect();
    let small = reqwest::multipart::Form::new()
        .text("report", sample_report().to_string())
        .part("evidence", reqwest::multipart::Part::bytes(log.clone()).file_name("kecil.log"));
    let warm = client_from(96).post(format!("{}/api/v1/reports", c.base)).multipart(small).send().await;
    assert_eq!(warm.map(|r| r.status()).ok(), Some(StatusCode::CREATED), "a small upload first");
    let peak_before = c.peak_memory();
    let form = reqwest::multipart::Form::new()
        .text("report", sample_report().to_string())
        .part("evidence", reqwest::multipart::Part::bytes(big.clone()).file_name("besar.log"));
    let res = client_from(97).post(format!("{}/api/v1/reports", c.base)).multipart(form).send().await;
    let res = res.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::CREATED);
    let big_code = str_at(&res.json_body::<Value>().await, "/ticket_code").to_string();
    let big_detail: Value = reqwest::Client::new()
        .get(format!("{}/api/v1/tickets/{big_code}", c.base))
        .bearer_auth(&t.analyst)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json_body()
        .await;
    let big_id = i64_at(&big_detail, "/evidence/0/id");
    let back = reqwest::Client::new()
        .get(format!("{}/api/v1/tickets/{big_code}/evidence/{big_id}", c.base))
        .bearer_auth(&t.analyst)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .body_bytes()
        .await;
    assert_eq!(sha(&back), sha(&big), "20 MiB there and back");
    let grown = c.peak_memory().saturating_sub(peak_before);
    assert!(
        grown < big.len() as u64 * 3 / 4,
        "the replica's peak memory grew by {} MiB for a {} MiB file",
        grown >> 20,
        big.len() >> 20
    );
    drop(c);

    // ---- One address, both replicas: the 31st submission within the hour is refused.
    let before = (submissions_served(&a.base, "replika-a").await, submissions_served(&b.base, "replika-b").await);
    let reporter = client_from(99);
    for i in 0..SUBMIT_PER_HOUR {
        let res = reporter.post(format!("{}/api/v1/reports", proxy.base)).json(&sample_report()).send().await;
        let status = res.map(|r| r.status()).unwrap_or(StatusCode::IM_A_TEAPOT);
        assert_eq!(status, StatusCode::CREATED, "submission {} of {SUBMIT_PER_HOUR}", i + 1);
    }
    let refused = reporter.post(format!("{}/api/v1/reports", proxy.base)).json(&sample_report()).send().await;
    let refused = refused.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS, "the 31st, whichever replica it reached");
    let after = (submissions_served(&a.base, "replika-a").await, submissions_served(&b.base, "replika-b").await);
    let (by_a, by_b) = (after.0 - before.0, after.1 - before.1);
    assert_eq!(by_a + by_b, SUBMIT_PER_HOUR as u64);
    assert!(by_a > 0 && by_b > 0, "both replicas took some of them: {by_a} and {by_b}");
    let other = client_from(98).post(format!("{}/api/v1/reports", proxy.base)).json(&sample_report()).send().await;
    assert_eq!(other.map(|r| r.status()).ok(), Some(StatusCode::CREATED), "another address is not limited");

    // ---- Reporters submit with evidence, the analyst works, and replica B is killed.
    let acknowledged: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let failed: Arc<Mutex<u32>> = Arc::default();
    let mut tasks = Vec::new();
    for n in 0..4u8 {
        let (base, acknowledged, failed) = (proxy.base.clone(), acknowledged.clone(), failed.clone());
        tasks.push(tokio::spawn(async move {
            let client = client_from(10 + n);
            for i in 0..(SUBMIT_PER_HOUR - 2) {
                let body = format!("GET /shell-{n}-{i}.php 200\n");
                let mut report = sample_report();
                report["reporter"]["email"] = json!(format!("pelapor{n}@example.com"));
                let form = reqwest::multipart::Form::new().text("report", report.to_string()).part(
                    "evidence",
                    reqwest::multipart::Part::bytes(body.clone().into_bytes()).file_name("akses.log"),
                );
                let res = client.post(format!("{base}/api/v1/reports")).multipart(form).send().await;
                let receipt = match res {
                    Ok(r) if r.status() == StatusCode::CREATED => r.json::<Value>().await.ok(),
                    _ => None,
                };
                match receipt {
                    Some(receipt) => {
                        if let Ok(mut a) = acknowledged.lock() {
                            a.push((str_at(&receipt, "/ticket_code").to_string(), sha(body.as_bytes())));
                        }
                    }
                    None => {
                        if let Ok(mut f) = failed.lock() {
                            *f += 1;
                        }
                    }
                }
            }
        }));
    }
    let working = {
        let (base, acknowledged, analyst) = (proxy.base.clone(), acknowledged.clone(), t.analyst.clone());
        tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut done = 0;
            let mut idle = 0;
            while idle < 50 {
                let next = acknowledged.lock().ok().and_then(|a| a.get(done).map(|(c, _)| c.clone()));
                let Some(code) = next else {
                    idle += 1;
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                idle = 0;
                let _ = client
                    .post(format!("{base}/api/v1/tickets/{code}/actions"))
                    .bearer_auth(&analyst)
                    .json(&json!({"action": "start_verification"}))
                    .send()
                    .await;
                done += 1;
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let at_kill = acknowledged.lock().map(|a| a.len()).unwrap_or(0);
    b.kill();
    for task in tasks {
        let _ = tokio::time::timeout(Duration::from_secs(120), task).await;
    }
    let _ = tokio::time::timeout(Duration::from_secs(30), working).await;
    let acknowledged = acknowledged.lock().map(|a| a.clone()).unwrap_or_default();
    let failed = failed.lock().map(|f| *f).unwrap_or(0);
    assert!(at_kill >= 5, "submissions went through before the kill ({at_kill})");
    assert!(acknowledged.len() > at_kill, "and after it, through the surviving replica");

    // Every acknowledged report is there once, with its evidence, readable through the proxy.
    for (code, digest) in &acknowledged {
        let detail = app.ticket(&t.analyst, code).await;
        assert_eq!(detail["code"], code.as_str(), "acknowledged {code} survived");
        assert_eq!(detail["evidence"][0]["sha256"], digest.as_str(), "{code}'s evidence record");
        let id = i64_at(&detail, "/evidence/0/id");
        let file = app.get(&format!("/api/v1/tickets/{code}/evidence/{id}"), Some(&t.analyst)).await;
        assert_eq!(sha(&file.body_bytes().await), *digest, "{code}'s evidence object");
        let copies = scalar(&app.db, &format!("SELECT COUNT(*) AS n FROM evidence WHERE sha256 = '{digest}'")).await;
        assert_eq!(copies, 1, "{code} stored once");
    }
    let half_written = scalar(
        &app.db,
        "SELECT COUNT(*) AS n FROM tickets t WHERE t.reporter_email LIKE 'pelapor%' \
         AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.ticket_id = t.id)",
    )
    .await;
    assert_eq!(half_written, 0, "a ticket without its evidence");

    // Every stored row has its object; an object without a row can only come from a request the
    // kill cut off.
    let objects: HashSet<String> =
        s3.objects("kukar/").await.into_iter().filter_map(|(k, _)| k.rsplit('/').next().map(str::to_string)).collect();
    let rows = app
        .db
        .query_all(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT storage_key FROM evidence UNION ALL SELECT storage_key FROM documents".to_string(),
        ))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let keys: HashSet<String> = rows.iter().filter_map(|r| r.try_get::<String>("", "storage_key").ok()).collect();
    let missing: Vec<&String> = keys.iter().filter(|k| !objects.contains(*k)).collect();
    assert!(missing.is_empty(), "rows without their object: {missing:?}");
    let orphans = objects.len() - objects.intersection(&keys).count();
    assert!(orphans as u32 <= failed, "{orphans} objects without a row, but only {failed} requests failed");
    // `sweep-store` removes them, and nothing else.
    let swept = std::process::Command::new(ttis_tests::cluster::server_binary())
        .args(["sweep-store", "--older-than-secs", "0"])
        .envs(&env)
        .env("TTIS_DATA_DIR", scratch.path())
        .env_remove("TTIS_CONFIG")
        .output()
        .unwrap_or_else(|e| panic!("sweep-store: {e}"));
    let said = String::from_utf8_lossy(&swept.stdout).to_string() + &String::from_utf8_lossy(&swept.stderr);
    assert!(swept.status.success(), "{said}");
    assert!(said.contains(&format!("{orphans} removed without one")), "{said}");
    let left: HashSet<String> =
        s3.objects("kukar/").await.into_iter().filter_map(|(k, _)| k.rsplit('/').next().map(str::to_string)).collect();
    assert_eq!(left, keys, "after the sweep, exactly the objects the rows name");

    // Every email once: the killed replica's claims expire and the survivor sends them. A message
    // claimed more than once may reach the relay twice (with the same Message-ID); no other.
    let deadline = Instant::now() + Duration::from_secs(60);
    while scalar(&app.db, "SELECT COUNT(*) AS n FROM outbox WHERE status <> 'sent' AND kind = 'email'").await > 0
        && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let unsent = scalar(&app.db, "SELECT COUNT(*) AS n FROM outbox WHERE status <> 'sent' AND kind = 'email'").await;
    assert_eq!(unsent, 0, "every email sent");
    let emails = scalar(&app.db, "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'email'").await;
    // A message is sent again only when a claim on it lapsed: its sender died (or outlived its
    // lease) after the relay took it and before the row said so.
    let interrupted = scalar(&app.db, "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'email' AND attempts > 1").await;
    let received = smtp.wait_for(Duration::from_secs(10), |m| m.len() as i64 >= emails).await;
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for m in &received {
        let id = m.data.lines().find(|l| l.to_ascii_lowercase().starts_with("message-id:")).unwrap_or_default();
        *by_id.entry(id.trim().to_string()).or_default() += 1;
    }
    let repeated = by_id.values().filter(|n| **n > 1).count() as i64;
    assert_eq!(by_id.len() as i64, emails, "each queued email reached the relay");
    assert!(repeated <= interrupted, "{repeated} emails twice, but only {interrupted} were claimed more than once");
    println!("replica test: a 20 MiB upload and download grew a fresh replica's peak memory by {} KiB", grown >> 10);
    println!(
        "replica test: {at_kill} reports acknowledged before the SIGKILL, {} in all, {failed} requests cut off; \
         {} stored objects, {orphans} without a row; {emails} emails, {repeated} sent twice ({interrupted} claimed more than once); \
         the rate limit: {by_a} + {by_b} submissions on the two replicas, the 31st refused",
        acknowledged.len(),
        keys.len()
    );
    drop(proxy);
    drop(a);
}
