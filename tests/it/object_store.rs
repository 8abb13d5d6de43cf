//! Evidence and documents in an S3-compatible bucket (`TTIS_STORE_URL=s3://…`, moto's server):
//! uploads stream into a local staging folder and reach the bucket only once accepted (a large
//! one as a multipart upload), downloads stream back, a refused submission leaves no object,
//! readiness follows the bucket, and `migrate-store` moves a folder store into a bucket checking
//! every SHA-256.

use std::process::Command;

use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use ttis_tests::cluster::{Replica, S3Server, server_binary};
use ttis_tests::must::{ResponseExt, array_at, i64_at, str_at};
use ttis_tests::{Backend, JWT_SECRET, TestApp, sample_analysis, sample_report};

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A text log of about `size` bytes (a kind of evidence the form takes).
fn big_log(size: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(size + 64);
    let mut i = 0u64;
    while out.len() < size {
        out.extend_from_slice(format!("10.0.0.{} - - GET /wp-login.php?try={i} 401\n", i % 250).as_bytes());
        i += 1;
    }
    out
}

async fn evidence_bytes(app: &TestApp, token: &str, code: &str, id: i64) -> Vec<u8> {
    let res = app.get(&format!("/api/v1/tickets/{code}/evidence/{id}"), Some(token)).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.body_bytes().await
}

#[tokio::test]
async fn evidence_streams_into_the_bucket_and_back() {
    let s3 = S3Server::start("ttis-bukti").await;
    let store_env = s3.env("kukar");
    let app = TestApp::spawn_with(Backend::Sqlite, move |env| env.extend(store_env)).await;
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;

    // 12 MiB: three parts of a multipart upload; a small file: one request.
    let large = big_log(12 * 1024 * 1024);
    let small = b"GET /shell.php 200\n".to_vec();
    let res =
        app.submit_multipart(&sample_report(), vec![("akses.log", large.clone()), ("shell.log", small.clone())]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let code = str_at(&res.json_body::<Value>().await, "/ticket_code").to_string();

    let objects = s3.objects("kukar/").await;
    let mut sizes: Vec<u64> = objects.iter().map(|(_, s)| *s).collect();
    sizes.sort_unstable();
    assert_eq!(sizes, vec![small.len() as u64, large.len() as u64], "both files in the bucket: {objects:?}");
    assert!(!app.data_dir.path().join("evidence").exists(), "nothing written to a local store");
    let staging = std::fs::read_dir(app.data_dir.path().join("incoming")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(staging, 0, "the staging folder is emptied once the files are in the bucket");

    let detail = app.ticket(&analyst, &code).await;
    for file in array_at(&detail, "/evidence") {
        let bytes = evidence_bytes(&app, &analyst, &code, i64_at(file, "/id")).await;
        assert_eq!(sha(&bytes), str_at(file, "/sha256"), "{} streams back whole", file["filename"]);
        let key = objects.iter().find(|(_, s)| *s == bytes.len() as u64).map(|(k, _)| k.clone()).unwrap_or_default();
        assert_eq!(s3.get(&key).await.map(|b| sha(&b)).as_deref(), Some(str_at(file, "/sha256")), "the object itself");
    }

    // A refused submission (an executable among the files) leaves nothing in the bucket.
    let refused = app
        .submit_multipart(
            &sample_report(),
            vec![("catatan.log", small.clone()), ("foto.jpg", b"MZ\x90\x00 a program".to_vec())],
        )
        .await;
    assert!(refused.status().is_client_error(), "{}", refused.status());
    assert_eq!(s3.objects("kukar/").await.len(), 2, "no object left by the refused submission");

    // Documents too: the verification drafts the letter and certificate into the bucket.
    app.act_ok(&analyst, &code, json!({"action": "start_verification"})).await;
    let me: Value = app.get("/api/v1/auth/me", Some(&analyst)).await.json_body().await;
    let detail =
        app.act_ok(&analyst, &code, json!({"action": "verify", "analysis": sample_analysis(i64_at(&me, "/id"))})).await;
    let documents = app.count("documents").await;
    assert!(documents >= 2, "drafts rendered: {documents}");
    assert_eq!(s3.objects("kukar/").await.len() as i64, 2 + documents, "every document version is an object");
    let letter = array_at(&detail, "/documents")
        .iter()
        .find(|d| d["kind"] == "notification_letter")
        .cloned()
        .unwrap_or_else(|| panic!("a drafted letter: {}", detail["documents"]));
    let pdf = app.document_pdf(&analyst, &code, &letter).await;
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 1000, "the letter streams back from the bucket");

    let ready = app.get("/api/v1/ready", None).await.status();
    assert_eq!(ready, StatusCode::OK);
    drop(s3);
    let ready = app.get("/api/v1/ready", None).await.status();
    assert_eq!(ready, StatusCode::INTERNAL_SERVER_ERROR, "not ready without the bucket");
}

fn migrate(app: &TestApp, s3: &S3Server, to: &str) -> std::process::Output {
    Command::new(server_binary())
        .args(["migrate-store", "--to", to])
        .envs(s3.env("unused"))
        .env_remove("TTIS_STORE_URL")
        .env_remove("TTIS_CONFIG")
        .env("TTIS_DATA_DIR", app.data_dir.path())
        .env("DATABASE_URL", &app.database_url)
        .env("TTIS_JWT_SECRET", JWT_SECRET)
        .output()
        .unwrap_or_else(|e| panic!("cannot run migrate-store: {e}"))
}

#[tokio::test]
async fn migrate_store_copies_the_folder_and_checks_every_hash() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let me: Value = app.get("/api/v1/auth/me", Some(&analyst)).await.json_body().await;
    let mut codes = Vec::new();
    for i in 0..2 {
        let log = format!("GET /shell-{i}.php 200\n").into_bytes();
        let res = app.submit_multipart(&sample_report(), vec![("akses.log", log)]).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        codes.push(str_at(&res.json_body::<Value>().await, "/ticket_code").to_string());
    }
    app.act_ok(&analyst, &codes[0], json!({"action": "start_verification"})).await;
    app.act_ok(&analyst, &codes[0], json!({"action": "verify", "analysis": sample_analysis(i64_at(&me, "/id"))})).await;
    let stored = app.count("evidence").await + app.count("documents").await;
    assert_eq!(app.stored_evidence() as i64, stored);

    let s3 = S3Server::start("ttis-pindah").await;
    let out = migrate(&app, &s3, "s3://ttis-pindah/kukar");
    let said = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains(&format!("copied {stored} objects")), "{said}");
    assert!(said.contains(&format!("{stored} matched the database's SHA-256")), "{said}");
    assert_eq!(s3.objects("kukar/").await.len() as i64, stored);

    // Again: nothing to copy, everything checked.
    let out = migrate(&app, &s3, "s3://ttis-pindah/kukar");
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success()
            && said.contains(&format!(
                "copied 0 objects (0 bytes) to s3://ttis-pindah/kukar; {stored} were there already"
            )),
        "{said}"
    );

    // A server on the bucket serves what the folder held.
    let mut env = s3.env("kukar");
    env.insert("DATABASE_URL".into(), app.database_url.clone());
    env.insert("TTIS_JWT_SECRET".into(), JWT_SECRET.into());
    let replica = Replica::start(&env).await;
    let client = reqwest::Client::new();
    let login: Value = client
        .post(format!("{}/api/v1/auth/login", replica.base))
        .json(&json!({"email": "analis@ttis.test", "password": ttis_tests::USER_PASSWORD}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json_body()
        .await;
    let token = str_at(&login, "/access_token").to_string();
    let detail = app.ticket(&analyst, &codes[1]).await;
    let id = i64_at(&detail, "/evidence/0/id");
    let bytes = client
        .get(format!("{}/api/v1/tickets/{}/evidence/{id}", replica.base, codes[1]))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .body_bytes()
        .await;
    assert_eq!(sha(&bytes), str_at(&detail, "/evidence/0/sha256"));

    // A stray file in the folder (what a server killed mid-upload leaves) is swept, and only it.
    let stray_dir = app.data_dir.path().join("evidence").join("ff");
    std::fs::create_dir_all(&stray_dir).unwrap_or_else(|e| panic!("{e}"));
    let stray = stray_dir.join("ff000000-0000-4000-8000-000000000000");
    std::fs::write(&stray, b"left by a killed upload").unwrap_or_else(|e| panic!("{e}"));
    let sweep = |dry: bool| {
        let mut cmd = Command::new(server_binary());
        cmd.args(["sweep-store", "--older-than-secs", "0"]);
        if dry {
            cmd.arg("--dry-run");
        }
        cmd.env_remove("TTIS_STORE_URL")
            .env_remove("TTIS_CONFIG")
            .env("TTIS_DATA_DIR", app.data_dir.path())
            .env("DATABASE_URL", &app.database_url)
            .env("TTIS_JWT_SECRET", JWT_SECRET)
            .output()
            .unwrap_or_else(|e| panic!("cannot run sweep-store: {e}"))
    };
    let out = sweep(true);
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(out.status.success() && said.contains("1 would be removed"), "{said}");
    assert!(stray.exists(), "a dry run removes nothing");
    let out = sweep(false);
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success() && said.contains(&format!("{} objects: {stored} named by a row, 1 removed", stored + 1)),
        "{said}"
    );
    assert!(!stray.exists());
    assert_eq!(app.stored_evidence() as i64, stored, "every named file stays");

    // A file that no longer matches its recorded hash stops the copy, named.
    let s3b = S3Server::start("ttis-rusak").await;
    let root = app.data_dir.path().join("evidence");
    let victim = std::fs::read_dir(&root)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|d| d.path().is_dir() && d.file_name() != ".incoming")
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .map(|f| f.path())
        .next()
        .unwrap_or_default();
    std::fs::write(&victim, b"tampered").unwrap_or_else(|e| panic!("{e}"));
    let out = migrate(&app, &s3b, "s3://ttis-rusak/kukar");
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "a tampered file fails the migration");
    assert!(said.contains(&victim.display().to_string()) && said.contains("does not match"), "{said}");
}
