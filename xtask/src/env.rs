//! Making the machine ready for the tests: the wasm target, Chromium and its driver, the compose
//! validator, nginx, moto's S3 server, stix2 and pymisp, and a PostgreSQL server on
//! 127.0.0.1:5432. Each is installed or started only when missing, so a warm machine pays nothing.

use std::io::{BufRead, BufReader};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::status;

pub fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

pub fn ensure_wasm_target() -> anyhow::Result<()> {
    let out = Command::new("rustup").args(["target", "list", "--installed"]).output();
    match out {
        Ok(o) if String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") => Ok(()),
        Ok(_) => {
            println!("installing the wasm32-unknown-unknown target");
            if !status(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))? {
                bail!("`rustup target add wasm32-unknown-unknown` failed");
            }
            Ok(())
        }
        Err(_) => {
            println!("rustup not found; assuming the wasm32-unknown-unknown target is installed");
            Ok(())
        }
    }
}

static APT_UPDATED: std::sync::Once = std::sync::Once::new();

pub fn apt_install(packages: &[&str]) -> anyhow::Result<()> {
    if !have("apt-get") {
        bail!("{} missing and apt-get is not available: install them by hand", packages.join(", "));
    }
    println!("installing {} (apt-get)", packages.join(" "));
    APT_UPDATED.call_once(|| {
        let _ = Command::new("apt-get").args(["update", "-qq"]).status();
    });
    let ok = status(
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    if !ok {
        bail!("apt-get install {} failed", packages.join(" "));
    }
    Ok(())
}

pub fn ensure_browser() -> anyhow::Result<()> {
    if Path::new("/usr/bin/chromium").exists() && have("chromedriver") {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// `pdftotext` (poppler), with which the tests read the PDFs the platform writes.
pub fn ensure_pdf_tools() -> anyhow::Result<()> {
    if have("pdftotext") {
        return Ok(());
    }
    apt_install(&["poppler-utils"])
}

pub fn ensure_compose_validator() -> anyhow::Result<()> {
    if have("docker-compose") {
        return Ok(());
    }
    apt_install(&["docker-compose"])
}

/// nginx (Debian's), the reverse proxy in front of two API processes in the replica test.
pub fn ensure_nginx() -> anyhow::Result<()> {
    if Path::new("/usr/sbin/nginx").exists() || have("nginx") {
        return Ok(());
    }
    apt_install(&["nginx-light"])
}

/// openssl (Debian's): the monitoring test's short-lived certificate and its TLS server
/// (`openssl s_server`).
pub fn ensure_openssl() -> anyhow::Result<()> {
    if have("openssl") {
        return Ok(());
    }
    apt_install(&["openssl"])
}

/// The moto version whose S3 server the object-store and replica tests run (pinned, as
/// schemathesis is). moto rather than s3rver: it implements multipart uploads, ListObjectsV2 and
/// signature-v4 requests as AWS does, is maintained, and installs from PyPI into the same
/// virtual environment; s3rver (npm) has had no release since 2021.
const MOTO: &str = "moto[server]==5.2.6";

/// moto's S3 server in the tests' virtual environment; returns `moto_server`.
pub fn ensure_moto() -> anyhow::Result<std::path::PathBuf> {
    pip_tool(MOTO, "moto_server")
}

/// `executable` of the PyPI package `spec`, installed into the tests' virtual environment when
/// missing; returns its path.
fn pip_tool(spec: &str, executable: &str) -> anyhow::Result<std::path::PathBuf> {
    let venv = venv()?;
    let bin = venv.join("bin").join(executable);
    if bin.exists() {
        return Ok(bin);
    }
    println!("installing {spec} (pip)");
    let ok = Command::new(venv.join("bin/pip")).args(["install", "--quiet", spec]).status()?.success();
    if !ok || !bin.exists() {
        bail!("pip install {spec} failed");
    }
    Ok(bin)
}

/// The tests' Python virtual environment (outside the clone), created when missing.
fn venv() -> anyhow::Result<std::path::PathBuf> {
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from).unwrap_or_else(|| "/root".into());
    let venv = home.join(".cache/ttis-venv");
    if venv.join("bin/pip").exists() {
        return Ok(venv);
    }
    let venv_ok = || Command::new("python3").arg("-m").arg("venv").arg(&venv).status().is_ok_and(|s| s.success());
    if !venv_ok() {
        apt_install(&["python3-venv", "python3-pip"])?;
        if !venv_ok() {
            bail!("cannot create a Python virtual environment in {}", venv.display());
        }
    }
    Ok(venv)
}

/// The libraries the threat-intelligence tests validate the exports with (pinned): OASIS's STIX
/// 2.1 library and PyMISP.
const INTEL_LIBRARIES: [&str; 2] = ["stix2==3.0.2", "pymisp==2.5.34.4"];

/// The tests' Python with stix2 and pymisp importable; returns the interpreter.
pub fn ensure_intel_libraries() -> anyhow::Result<std::path::PathBuf> {
    let venv = venv()?;
    let python = venv.join("bin/python");
    let importable = || {
        Command::new(&python)
            .args(["-c", "import stix2, pymisp"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if importable() {
        return Ok(python);
    }
    println!("installing {} (pip)", INTEL_LIBRARIES.join(", "));
    let ok = Command::new(venv.join("bin/pip")).args(["install", "--quiet"]).args(INTEL_LIBRARIES).status()?.success();
    if !ok || !importable() {
        bail!("pip install {} failed", INTEL_LIBRARIES.join(" "));
    }
    Ok(python)
}

/// The schemathesis version the API fuzzing test runs (pinned: its checks change between releases).
const SCHEMATHESIS: &str = "schemathesis==4.32.5";

/// schemathesis (PyPI) in a virtual environment outside the clone; returns the executable.
pub fn ensure_schemathesis() -> anyhow::Result<std::path::PathBuf> {
    pip_tool(SCHEMATHESIS, "schemathesis")
}

fn port_open(addr: &str) -> bool {
    addr.to_socket_addrs()
        .ok()
        .and_then(|mut a| a.next())
        .is_some_and(|a| TcpStream::connect_timeout(&a, Duration::from_millis(500)).is_ok())
}

/// A PostgreSQL server with trust auth for `postgres` on 127.0.0.1:5432 (or `TTIS_TEST_PG_URL`).
pub fn ensure_postgres() -> anyhow::Result<()> {
    if std::env::var_os("TTIS_TEST_PG_URL").is_some() {
        return Ok(());
    }
    let addr = "127.0.0.1:5432";
    if port_open(addr) {
        return Ok(());
    }
    let mut installed_now = false;
    if !have("pg_ctlcluster") {
        apt_install(&["postgresql"])?;
        installed_now = true;
    }
    let clusters = Command::new("pg_lsclusters").arg("--no-header").output().context("pg_lsclusters")?;
    let text = String::from_utf8_lossy(&clusters.stdout).to_string();
    let Some(line) = text.lines().find(|l| !l.trim().is_empty()) else {
        bail!("PostgreSQL is installed but has no cluster (pg_lsclusters is empty)");
    };
    let fields: Vec<&str> = line.split_whitespace().collect();
    let (version, cluster) = (fields.first().copied().unwrap_or("15"), fields.get(1).copied().unwrap_or("main"));
    if installed_now {
        // A cluster made just now for the tests: let the local `postgres` user in over TCP.
        let hba = format!("/etc/postgresql/{version}/{cluster}/pg_hba.conf");
        let old = std::fs::read_to_string(&hba).with_context(|| format!("reading {hba}"))?;
        std::fs::write(&hba, format!("host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n{old}"))
            .with_context(|| format!("writing {hba}"))?;
    }
    println!("starting PostgreSQL {version}/{cluster}");
    let _ = status(Command::new("pg_ctlcluster").args(["--skip-systemctl-redirect", version, cluster, "start"]));
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if port_open(addr) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    bail!("PostgreSQL did not start on {addr}")
}

/// Test databases are named `ttis_test_<uuid>`; drop the ones earlier runs left.
pub fn drop_stale_test_databases() {
    if std::env::var_os("TTIS_TEST_PG_URL").is_some() || !have("psql") {
        return;
    }
    let list = Command::new("psql")
        .args(["-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-Atc"])
        .arg("SELECT datname FROM pg_database WHERE datname LIKE 'ttis\\_test\\_%'")
        .output();
    let Ok(list) = list else { return };
    let names = String::from_utf8_lossy(&list.stdout).to_string();
    let names: Vec<&str> = names.lines().filter(|n| n.starts_with("ttis_test_")).collect();
    if names.is_empty() {
        return;
    }
    println!("dropping {} test databases from earlier runs", names.len());
    for name in names {
        let _ = Command::new("psql")
            .args(["-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc"])
            .arg(format!("DROP DATABASE IF EXISTS \"{name}\""))
            .stdout(Stdio::null())
            .status();
    }
}

/// Runs the tests with cargo-nextest (or `cargo test` where it is missing), echoing the output;
/// returns (success, passed, failed).
pub fn nextest(root: &Path) -> anyhow::Result<(bool, u64, u64)> {
    let has_nextest = crate::cargo(root)
        .args(["nextest", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    // The crash test runs the real server binary and kills it.
    if !crate::cargo(root).args(["build", "-p", "ttis-api", "--bin", "ttis-api"]).status()?.success() {
        bail!("cargo build -p ttis-api failed");
    }
    let mut cmd = crate::cargo(root);
    cmd.env("TTIS_API_BIN", crate::target_dir(root).join("debug").join("ttis-api"));
    if let Ok(bin) = ensure_schemathesis() {
        cmd.env("TTIS_SCHEMATHESIS", bin);
    }
    if let Ok(bin) = ensure_moto() {
        cmd.env("TTIS_MOTO_SERVER", bin);
    }
    if let Ok(python) = ensure_intel_libraries() {
        cmd.env("TTIS_INTEL_PYTHON", python);
    }
    if has_nextest {
        cmd.args(["nextest", "run", "--workspace", "--no-fail-fast"]);
    } else {
        cmd.args(["test", "--workspace", "--no-fail-fast"]);
    }
    cmd.stderr(Stdio::piped()).stdout(Stdio::inherit());
    let mut child = cmd.spawn().context("cannot start the test runner")?;
    let (mut passed, mut failed) = (0u64, 0u64);
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            eprintln!("{line}");
            if let Some((p, f)) = parse_counts(&line) {
                passed += p;
                failed += f;
            }
        }
    }
    let ok = child.wait()?.success();
    Ok((ok, passed, failed))
}

/// Reads nextest's `Summary [..] 64 tests run: 63 passed, 1 failed, 0 skipped` or libtest's
/// `test result: ok. 3 passed; 0 failed; ...`.
fn parse_counts(line: &str) -> Option<(u64, u64)> {
    let number_before = |word: &str| -> u64 {
        let idx = line.find(word).unwrap_or(0);
        line[..idx]
            .split(|c: char| !c.is_ascii_digit())
            .rfind(|s| !s.is_empty())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    if line.contains("Summary [") && line.contains("tests run:") {
        let failed = if line.contains(" failed") { number_before(" failed") } else { 0 };
        return Some((number_before(" passed"), failed));
    }
    if line.starts_with("test result:") {
        return Some((number_before(" passed"), number_before(" failed")));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::parse_counts;

    #[test]
    fn reads_runner_summaries() {
        assert_eq!(parse_counts("     Summary [  24.9s] 64 tests run: 62 passed, 2 failed, 0 skipped"), Some((62, 2)));
        assert_eq!(parse_counts("     Summary [   1.0s] 10 tests run: 10 passed, 0 skipped"), Some((10, 0)));
        assert_eq!(parse_counts("test result: ok. 3 passed; 0 failed; 0 ignored"), Some((3, 0)));
        assert_eq!(parse_counts("running 3 tests"), None);
    }
}
