//! Real processes for the tests of several servers: the API binary, an S3-compatible object
//! server (moto's server mode, from PyPI, which `cargo xtask test` installs into its virtual
//! environment) and nginx (Debian's) as the reverse proxy. Each is killed when dropped.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap_or(0)
}

/// The server binary `cargo xtask test` builds (`TTIS_API_BIN`), or the one beside the tests.
pub fn server_binary() -> String {
    let bin = std::env::var("TTIS_API_BIN").unwrap_or_else(|_| {
        // target/debug/deps/it-<hash> -> target/debug/ttis-api
        std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().and_then(|d| d.parent()).map(|d| d.join("ttis-api")))
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    });
    assert!(std::path::Path::new(&bin).exists(), "no server binary at {bin:?}; `cargo xtask test` builds it");
    bin
}

async fn wait_for(what: &str, url: &str, ok: impl Fn(u16) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let client = reqwest::Client::new();
    while Instant::now() < deadline {
        if let Ok(res) = client.get(url).send().await
            && ok(res.status().as_u16())
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what} did not come up at {url}");
}

/// moto's S3 server on a free port, with one bucket.
pub struct S3Server {
    child: Child,
    pub endpoint: String,
    pub bucket: String,
}

/// moto's `moto_server`: `TTIS_MOTO_SERVER`, else the test virtual environment's.
fn moto_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("TTIS_MOTO_SERVER") {
        return PathBuf::from(bin);
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| "/root".into());
    home.join(".cache/ttis-venv/bin/moto_server")
}

impl S3Server {
    pub async fn start(bucket: &str) -> S3Server {
        let bin = moto_binary();
        assert!(
            bin.exists(),
            "no moto_server at {}; `cargo xtask test` installs it (pip, moto[server])",
            bin.display()
        );
        let port = free_port();
        let child = Command::new(&bin)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let endpoint = format!("http://127.0.0.1:{port}");
        let server = S3Server { child, endpoint, bucket: bucket.to_string() };
        wait_for("moto", &format!("{}/", server.endpoint), |s| s < 500).await;
        let created = reqwest::Client::new().put(format!("{}/{bucket}", server.endpoint)).send().await;
        assert!(created.is_ok_and(|r| r.status().is_success()), "cannot create the bucket {bucket}");
        server
    }

    /// The environment that points the API at `s3://<bucket>/<prefix>` on this server.
    pub fn env(&self, prefix: &str) -> HashMap<String, String> {
        [
            ("TTIS_STORE_URL", format!("s3://{}/{prefix}", self.bucket)),
            ("AWS_ENDPOINT", self.endpoint.clone()),
            ("AWS_ALLOW_HTTP", "true".into()),
            ("AWS_REGION", "us-east-1".into()),
            ("AWS_ACCESS_KEY_ID", "ttis-test".into()),
            ("AWS_SECRET_ACCESS_KEY", "ttis-test-secret".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    /// A signed client for the bucket, as the API is configured.
    fn client(&self) -> object_store::aws::AmazonS3 {
        let mut builder = object_store::aws::AmazonS3Builder::new().with_bucket_name(&self.bucket);
        for (k, v) in self.env("") {
            if let Ok(key) = k.to_ascii_lowercase().parse::<object_store::aws::AmazonS3ConfigKey>() {
                builder = builder.with_config(key, v);
            }
        }
        builder.build().unwrap_or_else(|e| panic!("an S3 client for the test server: {e}"))
    }

    /// Every object under `prefix` (`kukar/`), with its size.
    pub async fn objects(&self, prefix: &str) -> Vec<(String, u64)> {
        use futures_util::TryStreamExt;
        use object_store::ObjectStore;
        let prefix = object_store::path::Path::from(prefix.trim_end_matches('/'));
        let listed: Vec<object_store::ObjectMeta> =
            self.client().list(Some(&prefix)).try_collect().await.unwrap_or_else(|e| panic!("listing the bucket: {e}"));
        listed.into_iter().map(|m| (m.location.to_string(), m.size)).collect()
    }

    /// One object's bytes (`None` when there is no such object).
    pub async fn get(&self, key: &str) -> Option<Vec<u8>> {
        use object_store::ObjectStoreExt;
        let got = self.client().get(&object_store::path::Path::from(key)).await.ok()?;
        got.bytes().await.ok().map(|b| b.to_vec())
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// nginx as the reverse proxy in front of two replicas (ports on 127.0.0.1), round robin.
pub struct Nginx {
    child: Child,
    pub base: String,
    _dir: tempfile::TempDir,
}

fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Uid:")).map(|l| l.split_whitespace().nth(1) == Some("0")))
        .unwrap_or(false)
}

/// Debian's nginx binary (`TTIS_NGINX`, else `/usr/sbin/nginx`).
fn nginx_binary() -> PathBuf {
    std::env::var_os("TTIS_NGINX").map(PathBuf::from).unwrap_or_else(|| "/usr/sbin/nginx".into())
}

impl Nginx {
    /// Runs `deploy/nginx.conf` (the file operators use) in front of two API processes.
    pub async fn start(upstreams: [u16; 2]) -> Nginx {
        let bin = nginx_binary();
        assert!(bin.exists(), "no nginx at {}; `cargo xtask test` installs it (apt, nginx-light)", bin.display());
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let d = dir.path().display().to_string();
        let port = free_port();
        let shipped = std::fs::read_to_string(crate::workspace_root().join("deploy/nginx.conf"))
            .unwrap_or_else(|e| panic!("deploy/nginx.conf: {e}"));
        for needle in ["server api-1:8080 ", "server api-2:8080 ", "listen 80;", "http {"] {
            assert_eq!(shipped.matches(needle).count(), 1, "deploy/nginx.conf has one `{needle}`");
        }
        let conf = shipped
            .replace("server api-1:8080 ", &format!("server 127.0.0.1:{} ", upstreams[0]))
            .replace("server api-2:8080 ", &format!("server 127.0.0.1:{} ", upstreams[1]))
            .replace("listen 80;", &format!("listen 127.0.0.1:{port};"))
            .replace("worker_processes auto;", "worker_processes 1;")
            .replace(
                "http {",
                &format!(
                    "http {{\n    access_log off;\n    client_body_temp_path {d}/body;\n    proxy_temp_path {d}/proxy;\n    \
                     fastcgi_temp_path {d}/fastcgi;\n    uwsgi_temp_path {d}/uwsgi;\n    scgi_temp_path {d}/scgi;"
                ),
            );
        let path = dir.path().join("nginx.conf");
        std::fs::write(&path, conf).unwrap_or_else(|e| panic!("{e}"));
        // As root, nginx's workers would otherwise run as `nobody`, outside this temporary folder.
        let user = if running_as_root() { "user root; " } else { "" };
        let child = Command::new(&bin)
            .args(["-p", &d, "-c"])
            .arg(&path)
            .args(["-g", &format!("{user}daemon off; pid {d}/nginx.pid; error_log {d}/error.log warn;")])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let base = format!("http://127.0.0.1:{port}");
        wait_for("nginx", &format!("{base}/api/v1/health"), |s| s == 200).await;
        Nginx { child, base, _dir: dir }
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One API process (the real binary), on its own port and data dir.
pub struct Replica {
    child: Option<Child>,
    pub port: u16,
    pub base: String,
    pub data_dir: tempfile::TempDir,
}

impl Replica {
    pub async fn start(env: &HashMap<String, String>) -> Replica {
        let data_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let port = free_port();
        let child = Command::new(server_binary())
            .arg("serve")
            .envs(env)
            .env("TTIS_BIND", format!("127.0.0.1:{port}"))
            .env("TTIS_DATA_DIR", data_dir.path())
            .env_remove("TTIS_CONFIG")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start the server: {e}"));
        let base = format!("http://127.0.0.1:{port}");
        wait_for("the API", &format!("{base}/api/v1/ready"), |s| s == 200).await;
        Replica { child: Some(child), port, base, data_dir }
    }

    /// The process's peak resident memory so far (`VmHWM`), in bytes.
    pub fn peak_memory(&self) -> u64 {
        let pid = self.child.as_ref().map(Child::id).unwrap_or_default();
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            })
            .map_or(0, |kib: u64| kib * 1024)
    }

    /// SIGKILL: no shutdown, no cleanup.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        self.kill();
    }
}
