//! Test support: start the real application on port 0 with a fresh database (a SQLite file in a
//! temporary folder, or a new PostgreSQL database), and talk to it over HTTP like any client.
#![allow(clippy::expect_used, reason = "test support: a failed expectation should stop the test with its message")]

use std::collections::HashMap;
use std::path::PathBuf;

use reqwest::{Response, StatusCode};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};
use ttis_api::config::Settings;
pub use ttis_api::services::clock::Clock;
use ttis_api::startup::Application;

use crate::must::{ResponseExt, i64_at, str_at};

pub mod browser;
pub mod clamd;
pub mod cluster;
pub mod hooks;
pub mod layout;
pub mod must;
pub mod pages;
pub mod pdf;
pub mod smtp;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub const ADMIN_EMAIL: &str = "admin@ttis.test";
pub const ADMIN_PASSWORD: &str = "admin-password-for-tests";
pub const JWT_SECRET: &str = "test-secret-that-is-at-least-32-bytes-long";
pub const ISSUER: &str = "http://ttis.test";
/// The password of every account `user_with_roles` creates.
pub const USER_PASSWORD: &str = "password-of-a-test-user";

/// The `approve` action as a head takes it: with their password (signing needs the person).
pub fn approve() -> Value {
    json!({"action": "approve", "password": USER_PASSWORD})
}

/// A complete signer profile for a head named `name` with NIP `nip`.
pub fn signer_profile(name: &str, nip: &str) -> Value {
    json!({"full_name": name, "nip": nip, "rank": "Pembina Utama Muda (IV/c)",
        "position_title": "Kepala Dinas Komunikasi dan Informatika", "capacity": "definitive"})
}

/// The server of the PostgreSQL tests: `TTIS_TEST_PG_URL`, or the local trust-auth server.
pub fn pg_admin_url() -> String {
    std::env::var("TTIS_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().map(PathBuf::from).unwrap_or_default()
}

/// A running application and a client for it.
pub struct TestApp {
    pub address: String,
    pub port: u16,
    pub backend: Backend,
    /// A direct connection to the app's database, for checks and for tampering in tests.
    pub db: DatabaseConnection,
    pub database_url: String,
    /// A client that keeps cookies, like a browser.
    pub client: reqwest::Client,
    pub data_dir: tempfile::TempDir,
    /// The server's clock: tests set or advance it instead of moving rows.
    pub clock: Clock,
}

/// A new, empty database for `backend` (a file in `data_dir` for SQLite); returns its URL.
pub async fn fresh_database(backend: Backend, data_dir: &std::path::Path) -> anyhow::Result<String> {
    match backend {
        Backend::Sqlite => Ok(format!("sqlite://{}?mode=rwc", data_dir.join("ttis.db").display())),
        Backend::Postgres => {
            let admin_url = pg_admin_url();
            let name = format!("ttis_test_{}", uuid::Uuid::new_v4().simple());
            let admin = Database::connect(&admin_url).await.map_err(|e| {
                anyhow::anyhow!("PostgreSQL at {admin_url} is not reachable ({e}); `cargo xtask test` starts it")
            })?;
            admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await?;
            admin.close().await?;
            let base = admin_url.rsplit_once('/').map(|(b, _)| b.to_string()).unwrap_or(admin_url);
            Ok(format!("{base}/{name}"))
        }
    }
}

/// How long the tests' clients keep an idle connection: below the server's keep-alive (actix's
/// 5 seconds), so a request never goes out on a connection the server is closing at that
/// moment (a test that idles about 5 s between two calls, as a browser scenario does, otherwise
/// fails now and then with "error sending request").
const CLIENT_IDLE: std::time::Duration = std::time::Duration::from_secs(2);

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        TestApp::spawn_with(backend, |_| {}).await
    }

    /// Starts the app with the test defaults, changed by `tweak` (environment-variable names).
    pub async fn spawn_with(backend: Backend, tweak: impl FnOnce(&mut HashMap<String, String>)) -> TestApp {
        match TestApp::try_spawn(backend, tweak).await {
            Ok(app) => app,
            Err(e) => panic!("cannot start the test app on {backend:?}: {e:#}"),
        }
    }

    async fn try_spawn(backend: Backend, tweak: impl FnOnce(&mut HashMap<String, String>)) -> anyhow::Result<TestApp> {
        let data_dir = tempfile::tempdir()?;
        let database_url = fresh_database(backend, data_dir.path()).await?;
        let mut env: HashMap<String, String> = [
            ("TTIS_BIND", "127.0.0.1:0".to_string()),
            ("TTIS_DATA_DIR", data_dir.path().display().to_string()),
            ("DATABASE_URL", database_url.clone()),
            ("TTIS_JWT_SECRET", JWT_SECRET.to_string()),
            ("TTIS_PUBLIC_URL", ISSUER.to_string()),
            ("TTIS_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL.to_string()),
            ("TTIS_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD.to_string()),
            ("TTIS_WEB_DIR", workspace_root().join("web/dist").display().to_string()),
            ("TTIS_WORKERS", "1".to_string()),
            // Cheap proof of work and generous limits; the tests of those set their own.
            ("TTIS_POW_DIFFICULTY", "4".to_string()),
            ("TTIS_RATE_SUBMIT_PER_HOUR", "100000".to_string()),
            ("TTIS_RATE_STATUS_PER_MINUTE", "100000".to_string()),
            ("TTIS_OUTBOX_POLL_SECS", "1".to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        tweak(&mut env);
        let settings = Settings::load_from(&env)?;
        let clock = Clock::adjustable(settings.time_zone);
        let app = Application::build_with_clock(settings, clock.clone()).await?;
        let port = app.port();
        tokio::spawn(app.run_until_stopped());
        let db = Database::connect(&database_url).await?;
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(CLIENT_IDLE)
            .build()?;
        Ok(TestApp {
            address: format!("http://127.0.0.1:{port}"),
            port,
            backend,
            db,
            database_url,
            client,
            data_dir,
            clock,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A client without cookies (another person's browser).
    pub fn fresh_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .pool_idle_timeout(CLIENT_IDLE)
            .build()
            .unwrap_or_else(|_| reqwest::Client::new())
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.client
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({"email": email, "password": password}))
            .send()
            .await
            .unwrap_or_else(|e| panic!("login request failed: {e}"))
    }

    /// Signs in and returns the access token; panics unless it succeeds.
    pub async fn token_for(&self, email: &str, password: &str) -> String {
        let res = self.login(email, password).await;
        assert_eq!(res.status(), StatusCode::OK, "sign-in as {email}");
        let body: Value = res.json_body().await;
        str_at(&body, "/access_token").to_string()
    }

    pub async fn admin_token(&self) -> String {
        self.token_for(ADMIN_EMAIL, ADMIN_PASSWORD).await
    }

    /// Creates an account through the API as the admin and returns its access token.
    pub async fn user_with_roles(&self, email: &str, roles: &[&str]) -> String {
        let admin = self.admin_token().await;
        let password = USER_PASSWORD;
        let res = self
            .client
            .post(self.url("/api/v1/users"))
            .bearer_auth(&admin)
            .json(&json!({"email": email, "name": "Test User", "roles": roles, "password": password}))
            .send()
            .await
            .unwrap_or_else(|e| panic!("create user: {e}"));
        assert_eq!(res.status(), StatusCode::CREATED, "create {email}");
        self.token_for(email, password).await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Response {
        let mut req = self.client.get(self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.unwrap_or_else(|e| panic!("GET {path}: {e:?}"))
    }

    pub async fn send_json(&self, method: reqwest::Method, path: &str, token: Option<&str>, body: &Value) -> Response {
        let mut req = self.client.request(method.clone(), self.url(path)).json(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.unwrap_or_else(|e| panic!("{method} {path}: {e:?}"))
    }
}

/// The signer profile `team()` gives its head.
pub const HEAD_NAME: &str = "Dr. H. Kepala Uji, S.Kom., M.Si.";
pub const HEAD_NIP: &str = "197001011995031001";

/// The response team of a scenario: an analyst (with the account id) and the head, signed in.
pub struct Team {
    pub analyst: String,
    pub analyst_id: i64,
    pub head: String,
}

impl TestApp {
    /// Enrols a second factor for the account behind `token` (its `password` confirms it) and
    /// returns the authenticator secret; the code of the current step is used up by the activation.
    pub async fn enrol_totp(&self, token: &str, password: &str) -> String {
        let res = self
            .send_json(reqwest::Method::POST, "/api/v1/auth/totp", Some(token), &json!({"password": password}))
            .await;
        assert_eq!(res.status(), reqwest::StatusCode::CREATED, "TOTP enrolment");
        let setup: Value = res.json_body().await;
        let secret = setup["secret"].as_str().unwrap_or_else(|| panic!("no secret in {setup}")).to_string();
        let code = json!({"code": authenticator_code(&secret, 0)});
        let res = self.send_json(reqwest::Method::POST, "/api/v1/auth/totp/activation", Some(token), &code).await;
        assert_eq!(res.status(), reqwest::StatusCode::NO_CONTENT, "TOTP activation");
        secret
    }

    /// Creates a head account with a complete signer profile (so it can approve) and signs it in.
    pub async fn head_with_profile(&self, email: &str, name: &str, nip: &str) -> String {
        let head = self.user_with_roles(email, &["head"]).await;
        let res = self
            .send_json(reqwest::Method::PUT, "/api/v1/auth/signer-profile", Some(&head), &signer_profile(name, nip))
            .await;
        let status = res.status();
        assert_eq!(status, StatusCode::OK, "signer profile of {email}: {}", res.text().await.unwrap_or_default());
        head
    }

    /// Creates the analyst `analis@ttis.test` and the head `kadis@ttis.test` (with a complete
    /// signer profile) and signs them in.
    pub async fn team(&self) -> Team {
        let analyst = self.user_with_roles("analis@ttis.test", &["analyst"]).await;
        let head = self.head_with_profile("kadis@ttis.test", HEAD_NAME, HEAD_NIP).await;
        let me: Value = self.get("/api/v1/auth/me", Some(&analyst)).await.json_body().await;
        Team { analyst, analyst_id: i64_at(&me, "/id"), head }
    }

    /// Takes a ticket action (`POST /tickets/{code}/actions`).
    pub async fn act(&self, token: &str, code: &str, body: Value) -> Response {
        self.send_json(reqwest::Method::POST, &format!("/api/v1/tickets/{code}/actions"), Some(token), &body).await
    }

    /// Takes a ticket action that must succeed; returns the ticket after it.
    pub async fn act_ok(&self, token: &str, code: &str, body: Value) -> Value {
        let res = self.act(token, code, body.clone()).await;
        assert_eq!(res.status(), StatusCode::OK, "{body}");
        res.json_body().await
    }

    /// A document of a ticket (its PDF), as staff download it.
    pub async fn document_pdf(&self, token: &str, code: &str, doc: &Value) -> Vec<u8> {
        let id = str_at(doc, "/id");
        let res = self.get(&format!("/api/v1/tickets/{code}/documents/{id}"), Some(token)).await;
        assert_eq!(res.status(), StatusCode::OK, "document {id} of {code}");
        res.body_bytes().await
    }

    /// The ticket as staff see it.
    pub async fn ticket(&self, token: &str, code: &str) -> Value {
        self.get(&format!("/api/v1/tickets/{code}"), Some(token)).await.json_body().await
    }
}

/// The signed (final) document of a kind on a ticket as staff see it (`Null` when there is none).
pub fn final_doc(detail: &Value, kind: &str) -> Value {
    detail["documents"]
        .as_array()
        .and_then(|d| d.iter().find(|x| x["kind"] == kind && x["status"] == "final"))
        .cloned()
        .unwrap_or_default()
}

/// The analysis of `verify` for the sample report: a confirmed defacement, severity high.
pub fn sample_analysis(attendee: i64) -> Value {
    json!({
        "category": "web_defacement",
        "severity": "tinggi",
        "meeting": {"date": "2026-11-28", "attendees": [attendee], "decision": "Sesuai: deface terkonfirmasi.",
            "minutes": "Tim memeriksa tangkapan layar dan arsip halaman."},
        "findings": "Halaman utama diganti dengan pesan peretas melalui celah unggah berkas.",
        "recommendations": "Pulihkan dari cadangan, tutup celah unggah, ganti semua kata sandi admin."
    })
}

/// A complete, valid report body (without the proof of work).
pub fn sample_report() -> Value {
    json!({
        "reporter": {
            "name": "Budi Santoso", "email": "budi@example.com", "phone": "+62 812 3456 7890",
            "organization": "Komunitas Keamanan Kukar", "reporter_type": "researcher",
            "hall_of_fame": "alias", "alias": "budisec"
        },
        "kind": "incident",
        "title": "Halaman utama situs dinas diubah (deface)",
        "category": "web_defacement",
        "affected_asset": "https://disdik.kukarkab.go.id/",
        "discovered_at": "2026-11-28T08:30:00+08:00",
        "description": "Halaman utama menampilkan pesan peretas sejak pagi ini, semua menu hilang.",
        "steps_to_reproduce": "Buka https://disdik.kukarkab.go.id/ di peramban.",
        "impact": "Reputasi instansi dan kepercayaan publik.",
        "ongoing": true,
        "personal_data_involved": false,
        "tlp": "amber",
        "declarations": {"good_faith": true, "consent": true}
    })
}

impl TestApp {
    /// Fetches a challenge and adds its solution to the report, as the SPA does.
    pub async fn with_pow(&self, mut report: Value) -> Value {
        let challenge: Value = self.get("/api/v1/reports/challenge", None).await.json_body().await;
        let text = str_at(&challenge, "/challenge").to_string();
        let difficulty = i64_at(&challenge, "/difficulty") as u8;
        let nonce = ttis_shared::pow::solve(&text, difficulty, 50_000_000)
            .unwrap_or_else(|| panic!("no proof of work found for difficulty {difficulty}"));
        report["pow"] = json!({"challenge": text, "nonce": nonce});
        report
    }

    /// Submits a report as JSON (with a fresh proof of work).
    pub async fn submit_json(&self, report: &Value) -> Response {
        let body = self.with_pow(report.clone()).await;
        self.send_json(reqwest::Method::POST, "/api/v1/reports", None, &body).await
    }

    /// Submits a report as multipart with evidence files `(name, bytes)`.
    pub async fn submit_multipart(&self, report: &Value, files: Vec<(&str, Vec<u8>)>) -> Response {
        let body = self.with_pow(report.clone()).await;
        let mut form = reqwest::multipart::Form::new().text("report", body.to_string());
        for (name, bytes) in files {
            form = form.part("evidence", reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()));
        }
        self.client
            .post(self.url("/api/v1/reports"))
            .multipart(form)
            .send()
            .await
            .unwrap_or_else(|e| panic!("multipart submit: {e}"))
    }

    /// Files kept in the evidence store (not counting uploads in progress).
    pub fn stored_evidence(&self) -> usize {
        let root = self.data_dir.path().join("evidence");
        let mut n = 0;
        for dir in std::fs::read_dir(&root).into_iter().flatten().flatten() {
            if dir.file_name() == ".incoming" || !dir.path().is_dir() {
                continue;
            }
            n += std::fs::read_dir(dir.path()).into_iter().flatten().flatten().filter(|e| e.path().is_file()).count();
        }
        n
    }

    /// Counts rows of a table (for checks that nothing was stored); `table` may carry a `WHERE`.
    /// Panics with the SQL when the query fails.
    pub async fn count(&self, table: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) AS n FROM {table}");
        let row = self
            .db
            .query_one(sea_orm::Statement::from_string(self.db.get_database_backend(), sql.clone()))
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
            .unwrap_or_else(|| panic!("{sql}: no row"));
        row.try_get::<i64>("", "n").unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Waits (up to 10 s) for `.eml` files in the data dir's mail folder to satisfy `check`.
    pub async fn wait_for_mail(&self, check: impl Fn(&[String]) -> bool) -> Vec<String> {
        let dir = self.data_dir.path().join("mail");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let mut mails = Vec::new();
            if let Ok(entries) = std::fs::read_dir(&dir) {
                for e in entries.flatten() {
                    if e.path().extension().is_some_and(|x| x == "eml") {
                        mails.push(std::fs::read_to_string(e.path()).unwrap_or_default());
                    }
                }
            }
            if check(&mails) || std::time::Instant::now() > deadline {
                return mails;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
}

/// The code an authenticator app shows for `secret` (base32), `offset` 30-second steps from now.
pub fn authenticator_code(secret: &str, offset: i64) -> String {
    use ttis_api::services::totp;
    let bytes = totp::base32_decode(secret).unwrap_or_else(|| panic!("not a base32 TOTP secret: {secret:?}"));
    let step = totp::step_of(chrono::Utc::now().timestamp()) + offset;
    format!("{:06}", totp::code_at(&bytes, step).unwrap_or_else(|| panic!("no TOTP code for secret {secret:?}")))
}

/// The text of a PDF, as `pdftotext -layout` reads it (poppler; `cargo xtask test` installs it).
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    };
    let path = dir.path().join("doc.pdf");
    if let Err(e) = std::fs::write(&path, pdf) {
        panic!("write pdf: {e}");
    }
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext not available ({e}); `cargo xtask test` installs poppler-utils"));
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// The QR codes on the first page of a PDF, decoded: poppler renders the page to a greyscale
/// image, rqrr finds and reads the codes.
pub fn pdf_qr_codes(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap_or_else(|e| panic!("write pdf: {e}"));
    let out = std::process::Command::new("pdftoppm")
        .args(["-gray", "-r", "300", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&path)
        .arg(dir.path().join("page"))
        .output()
        .unwrap_or_else(|e| panic!("pdftoppm not available ({e}); `cargo xtask test` installs poppler-utils"));
    assert!(out.status.success(), "pdftoppm failed: {}", String::from_utf8_lossy(&out.stderr));
    let pgm = std::fs::read(dir.path().join("page.pgm")).unwrap_or_else(|e| panic!("page.pgm: {e}"));
    // P5 <width> <height> <maxval> then one byte per pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 && at < pgm.len() {
        while at < pgm.len() && pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while at < pgm.len() && !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).to_string());
    }
    assert_eq!(fields.first().map(String::as_str), Some("P5"), "a binary greyscale image");
    let width: usize = fields[1].parse().unwrap_or(0);
    let height: usize = fields[2].parse().unwrap_or(0);
    let pixels = &pgm[at + 1..];
    assert_eq!(pixels.len(), width * height);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    image.detect_grids().into_iter().filter_map(|g| g.decode().ok().map(|(_, content)| content)).collect()
}

/// Reads a problem+json answer, checking the content type.
pub async fn problem(res: Response) -> Value {
    let ct = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert!(ct.starts_with("application/problem+json"), "content type {ct:?}");
    res.json_body().await
}

/// Declares each listed `async fn name(app: TestApp)` as two tests, `name::sqlite` and
/// `name::postgres`, each with its own fresh database.
#[macro_export]
macro_rules! db_tests {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$name($crate::TestApp::spawn($crate::Backend::Sqlite).await).await
                }
                #[tokio::test]
                async fn postgres() {
                    super::$name($crate::TestApp::spawn($crate::Backend::Postgres).await).await
                }
            }
        )*
    };
}

/// Rolls the schema back to just before the migration named `name` (the module name, such as
/// `m20261206_000014_user_roles`), however many came after it.
pub async fn migrate_down_to_before(db: &sea_orm::DatabaseConnection, name: &str) {
    use sea_orm_migration::MigratorTrait;
    let all = ttis_api::migrations::Migrator::migrations();
    let at = all.iter().position(|m| m.name() == name).unwrap_or_else(|| panic!("no migration {name}"));
    let steps = u32::try_from(all.len() - at).unwrap_or(u32::MAX);
    ttis_api::migrations::Migrator::down(db, Some(steps)).await.unwrap_or_else(|e| panic!("down to {name}: {e}"));
}
