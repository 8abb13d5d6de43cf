//! Test support: start the real application on port 0 with a fresh database (a SQLite file in a
//! temporary folder, or a new PostgreSQL database), and talk to it over HTTP like any client.

use std::collections::HashMap;
use std::path::PathBuf;

use reqwest::{Response, StatusCode};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};
use ttis_api::config::Settings;
use ttis_api::startup::Application;

pub mod browser;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub const ADMIN_EMAIL: &str = "admin@ttis.test";
pub const ADMIN_PASSWORD: &str = "admin-password-for-tests";
pub const JWT_SECRET: &str = "test-secret-that-is-at-least-32-bytes-long";
pub const ISSUER: &str = "http://ttis.test";

/// The server of the PostgreSQL tests: `TTIS_TEST_PG_URL`, or the local trust-auth server.
pub fn pg_admin_url() -> String {
    std::env::var("TTIS_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
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
}

async fn fresh_database(backend: Backend, data_dir: &std::path::Path) -> anyhow::Result<String> {
    match backend {
        Backend::Sqlite => Ok(format!(
            "sqlite://{}?mode=rwc",
            data_dir.join("ttis.db").display()
        )),
        Backend::Postgres => {
            let admin_url = pg_admin_url();
            let name = format!("ttis_test_{}", uuid::Uuid::new_v4().simple());
            let admin = Database::connect(&admin_url).await.map_err(|e| {
                anyhow::anyhow!(
                    "PostgreSQL at {admin_url} is not reachable ({e}); `cargo xtask test` starts it"
                )
            })?;
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await?;
            admin.close().await?;
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b.to_string())
                .unwrap_or(admin_url);
            Ok(format!("{base}/{name}"))
        }
    }
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        TestApp::spawn_with(backend, |_| {}).await
    }

    /// Starts the app with the test defaults, changed by `tweak` (environment-variable names).
    pub async fn spawn_with(
        backend: Backend,
        tweak: impl FnOnce(&mut HashMap<String, String>),
    ) -> TestApp {
        match TestApp::try_spawn(backend, tweak).await {
            Ok(app) => app,
            Err(e) => panic!("cannot start the test app on {backend:?}: {e:#}"),
        }
    }

    async fn try_spawn(
        backend: Backend,
        tweak: impl FnOnce(&mut HashMap<String, String>),
    ) -> anyhow::Result<TestApp> {
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
            (
                "TTIS_WEB_DIR",
                workspace_root().join("web/dist").display().to_string(),
            ),
            ("TTIS_WORKERS", "1".to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        tweak(&mut env);
        let settings = Settings::load_from(&env)?;
        let app = Application::build(settings).await?;
        let port = app.port();
        tokio::spawn(app.run_until_stopped());
        let db = Database::connect(&database_url).await?;
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(TestApp {
            address: format!("http://127.0.0.1:{port}"),
            port,
            backend,
            db,
            database_url,
            client,
            data_dir,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A client without cookies (another person's browser).
    pub fn fresh_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
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
        let body: Value = res.json().await.unwrap_or_default();
        body["access_token"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    pub async fn admin_token(&self) -> String {
        self.token_for(ADMIN_EMAIL, ADMIN_PASSWORD).await
    }

    /// Creates an account through the API as the admin and returns its access token.
    pub async fn user_with_roles(&self, email: &str, roles: &[&str]) -> String {
        let admin = self.admin_token().await;
        let password = "password-of-a-test-user";
        let res = self
            .client
            .post(self.url("/api/v1/users"))
            .bearer_auth(&admin)
            .json(
                &json!({"email": email, "name": "Test User", "roles": roles, "password": password}),
            )
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
        req.send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    pub async fn send_json(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: &Value,
    ) -> Response {
        let mut req = self
            .client
            .request(method.clone(), self.url(path))
            .json(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }
}

/// Reads a problem+json answer, checking the content type.
pub async fn problem(res: Response) -> Value {
    let ct = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        ct.starts_with("application/problem+json"),
        "content type {ct:?}"
    );
    res.json().await.unwrap_or_default()
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
