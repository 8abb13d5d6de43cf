//! Several servers under load: two release API processes on the bench database, keeping
//! evidence and documents in an S3-compatible bucket (moto's server, as in the tests), behind
//! nginx with the shipped `deploy/nginx.conf`; against one process with the local folder.
//! Submissions carry a 64 KiB evidence file (multipart), so every one writes an object.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use super::load::wrk;
use super::{Load, Options, Scripts, Server, sample_report};
use crate::env;

/// One measured run of this part.
#[derive(Clone, Debug)]
pub(super) struct ClusterRun {
    pub(super) setup: &'static str,
    pub(super) scenario: &'static str,
    pub(super) c: u32,
    pub(super) load: Load,
}

pub(super) const ONE_LOCAL: &str = "one process, local folder";
pub(super) const TWO_BEHIND_NGINX: &str = "two processes behind nginx, S3 bucket (moto)";
pub(super) const EVIDENCE_BYTES: usize = 64 * 1024;

const MOTO_PORT: u16 = 18090;
const PROXY_PORT: u16 = 18095;
const BUCKET: &str = "ttis-bench";

/// A child process killed when dropped.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A multipart submission with one evidence file, as wrk's Lua script.
fn evidence_script(dir: &Path) -> anyhow::Result<PathBuf> {
    let boundary = "ttisbenchboundary7MA4YWxkTrZu0gW";
    let mut log = String::with_capacity(EVIDENCE_BYTES + 64);
    let mut i = 0u64;
    while log.len() < EVIDENCE_BYTES {
        log.push_str(&format!("10.0.0.{} - - GET /wp-login.php?try={i} 401\n", i % 250));
        i += 1;
    }
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n{}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"akses.log\"\r\nContent-Type: text/plain\r\n\r\n{log}\r\n--{boundary}--\r\n",
        sample_report()
    );
    let lua = body.replace('\\', "\\\\").replace('"', "\\\"").replace('\r', "\\r").replace('\n', "\\n");
    let path = dir.join("submit_evidence.lua");
    std::fs::write(
        &path,
        format!(
            "wrk.method = \"POST\"\nwrk.path = \"/api/v1/reports\"\nwrk.headers[\"Content-Type\"] = \"multipart/form-data; boundary={boundary}\"\nwrk.body = \"{lua}\"\n{}",
            super::load::DONE
        ),
    )?;
    Ok(path)
}

fn wait_port(port: u16, what: &str) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    bail!("{what} did not listen on {port}")
}

fn start_moto(work: &Path) -> anyhow::Result<Process> {
    let bin = env::ensure_moto()?;
    let log = std::fs::File::create(work.join("moto.log"))?;
    let child = Command::new(bin)
        .args(["-H", "127.0.0.1", "-p", &MOTO_PORT.to_string()])
        .stdout(log.try_clone()?)
        .stderr(log)
        .spawn()
        .context("starting moto_server")?;
    let moto = Process(child);
    wait_port(MOTO_PORT, "moto")?;
    let (status, _) = super::http(MOTO_PORT, "PUT", &format!("/{BUCKET}"), None, None)?;
    if !(200..300).contains(&status) {
        bail!("creating the bucket: HTTP {status}");
    }
    Ok(moto)
}

/// nginx with `deploy/nginx.conf`, its upstreams and port put in (as the replica test does).
fn start_nginx(root: &Path, work: &Path, upstreams: [u16; 2]) -> anyhow::Result<Process> {
    env::ensure_nginx()?;
    let dir = work.join("nginx");
    std::fs::create_dir_all(&dir)?;
    let d = dir.display();
    let conf = std::fs::read_to_string(root.join("deploy/nginx.conf"))?
        .replace("server api-1:8080 ", &format!("server 127.0.0.1:{} ", upstreams[0]))
        .replace("server api-2:8080 ", &format!("server 127.0.0.1:{} ", upstreams[1]))
        .replace("listen 80;", &format!("listen 127.0.0.1:{PROXY_PORT};"))
        .replace(
            "http {",
            &format!(
                "http {{\n    access_log off;\n    client_body_temp_path {d}/body;\n    proxy_temp_path {d}/proxy;\n    fastcgi_temp_path {d}/fastcgi;\n    uwsgi_temp_path {d}/uwsgi;\n    scgi_temp_path {d}/scgi;"
            ),
        );
    let path = dir.join("nginx.conf");
    std::fs::write(&path, conf)?;
    let bin =
        if Path::new("/usr/sbin/nginx").exists() { PathBuf::from("/usr/sbin/nginx") } else { PathBuf::from("nginx") };
    let child = Command::new(bin)
        .args(["-p", &d.to_string(), "-c"])
        .arg(&path)
        .args(["-g", &format!("user root; daemon off; pid {d}/nginx.pid; error_log {d}/error.log warn;")])
        .stdout(Stdio::null())
        .spawn()
        .context("starting nginx")?;
    let nginx = Process(child);
    wait_port(PROXY_PORT, "nginx")?;
    Ok(nginx)
}

/// Submissions with evidence on the first process (the local folder), then submissions with
/// evidence and status lookups through nginx to two processes on the bucket.
pub(super) fn run(
    root: &Path,
    work: &Path,
    binary: &Path,
    db: &str,
    first_port: u16,
    scripts: &Scripts,
    opts: &Options,
) -> anyhow::Result<Vec<ClusterRun>> {
    let evidence = evidence_script(work)?;
    let mut runs = Vec::new();
    wrk(first_port, &evidence, 16, opts.warmup)?;
    for c in [16, 64] {
        let load = wrk(first_port, &evidence, c, opts.secs)?;
        println!("   {ONE_LOCAL}: submission with evidence c={c} {:.1} req/s p99 {:.1} ms", load.rps, load.p99_ms);
        runs.push(ClusterRun { setup: ONE_LOCAL, scenario: "submission with evidence", c, load });
    }

    let _moto = start_moto(work)?;
    let endpoint = format!("http://127.0.0.1:{MOTO_PORT}");
    let store = [
        ("TTIS_OUTBOX_WORKER", "false"),
        ("TTIS_STORE_URL", "s3://ttis-bench/kukar"),
        ("AWS_ENDPOINT", endpoint.as_str()),
        ("AWS_ALLOW_HTTP", "true"),
        ("AWS_REGION", "us-east-1"),
        ("AWS_ACCESS_KEY_ID", "bench"),
        ("AWS_SECRET_ACCESS_KEY", "bench-secret"),
        ("TTIS_TRUSTED_PROXIES", "127.0.0.1"),
    ];
    let a = Server::start(binary, root, &work.join("s3-1"), db, 18083, &store)?;
    let b = Server::start(binary, root, &work.join("s3-2"), db, 18084, &store)?;
    let _nginx = start_nginx(root, work, [a.port, b.port])?;
    for (scenario, script) in [("submission with evidence", &evidence), ("status lookup", &scripts.status)] {
        wrk(PROXY_PORT, script, 16, opts.warmup)?;
        for c in [16, 64] {
            let load = wrk(PROXY_PORT, script, c, opts.secs)?;
            println!(
                "   {TWO_BEHIND_NGINX}: {scenario} c={c} {:.1} req/s p99 {:.1} ms errors {}",
                load.rps, load.p99_ms, load.errors
            );
            runs.push(ClusterRun { setup: TWO_BEHIND_NGINX, scenario, c, load });
        }
    }
    Ok(runs)
}
