//! `cargo xtask bench`: the platform's speed measured against this machine's own ceiling.
//!
//! PostgreSQL's ceilings first (`pgbench`: one single-row insert per transaction, and the built-in
//! select-only test), then the release API on a fresh PostgreSQL database, driven by `wrk` for
//! public submissions, status lookups with valid keys, and the staff queue with filters, at 1, 16
//! and 64 connections, 20 s each after a warm-up. Then a second API process on the same database,
//! two behind nginx on an S3 bucket (`bench/cluster.rs`), resident memory, the SPA's size, first render and first visit over a weak link (`bench_spa`), and
//! the letter render (criterion). One table goes to stdout and `docs/benchmarks.md`. Budgets that are
//! missed are flagged in the table; the command fails only when something could not be measured.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::{Value, json};

use crate::bench_sql::{self, Captured, Rules, Sub};

mod cluster;
mod load;
mod report;
use crate::{bench_spa, cargo, env, status, target_dir, web};
use load::{CpuPerRequest, QUEUE_PATH, Scripts, wrk, wrk_measured};
pub use report::mark;
use report::{Report, machine};

const PG: &str = "postgresql://postgres@127.0.0.1:5432";
const CONNECTIONS: [u32; 3] = [1, 16, 64];
const ADMIN_EMAIL: &str = "admin@bench.test";
const ADMIN_PASSWORD: &str = "bench-admin-password-long";
const ANALYST_PASSWORD: &str = "bench-analyst-password-long";
const MIB: f64 = 1024.0 * 1024.0;
/// The second size of data: this many tickets more.
const SEEDED: u64 = 100_000;

/// The two sizes every scenario runs at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Size {
    /// The setup's 200 tickets, and what the scenarios before add (each run says how many).
    Fixture,
    /// After seeding [`SEEDED`] tickets.
    Seeded,
}

/// One scenario at one size and number of connections.
#[derive(Clone, Debug)]
struct Run {
    size: Size,
    tickets: u64,
    name: &'static str,
    c: u32,
    load: Load,
    /// pgbench's tps replaying the request's own statements.
    same: f64,
    /// CPU per request during the API's run.
    cpu: CpuPerRequest,
}

struct Options {
    secs: u64,
    warmup: u64,
}

/// One load measurement.
#[derive(Clone, Debug, Default)]
struct Load {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: u64,
}

pub fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let quick = args.iter().any(|a| a == "--quick");
    let opts = if quick { Options { secs: 5, warmup: 2 } } else { Options { secs: 20, warmup: 5 } };
    env::ensure_postgres()?;
    ensure_tools()?;
    let work = std::env::temp_dir().join(format!("ttis-bench-{}", std::process::id()));
    std::fs::create_dir_all(&work)?;

    let target = target_dir(root);
    if args.iter().any(|a| a == "--skip-build") {
        println!("== using the release server and the SPA as built");
    } else {
        println!("== building the release server and the SPA");
        if !status(cargo(root).args(["build", "--release", "-p", "ttis-api", "--bin", "ttis-api"]))? {
            bail!("cargo build --release -p ttis-api failed");
        }
        env::ensure_wasm_target()?;
        web::build(root, &target)?;
    }
    let spa = bench_spa::sizes(&root.join("web/dist"))?;

    println!("== PostgreSQL ceilings (pgbench, {} s each)", opts.secs);
    let ceilings = pgbench_ceilings(&work, &opts)?;

    println!("== the API under load (wrk, {} s each), and the same work replayed by pgbench", opts.secs);
    let binary = target.join("release/ttis-api");
    let db = fresh_db("ttis_bench_api")?;
    // The outbox worker is off in the measured processes: sending mail is not part of a request,
    // and left on it would send the same-work replays' emails while pgbench runs.
    let quiet = [("TTIS_OUTBOX_WORKER", "false")];
    let first = Server::start(&binary, root, &work.join("api-1"), &db, 18081, &quiet)?;
    std::thread::sleep(Duration::from_secs(2));
    let rss_idle = first.rss_mib()?;
    let fixture = Fixture::create(first.port)?;
    let scripts = Scripts::write(&work, &fixture)?;
    let captures = capture_all(&binary, root, &work, &db, &fixture)?;
    let scenarios = [("submission", &scripts.submit), ("status", &scripts.status), ("queue", &scripts.queue)];
    let mut api: Vec<Run> = Vec::new();
    let mut replicas: Vec<(&str, Load)> = Vec::new();
    let mut cluster = Vec::new();
    let mut stats_ms = Vec::new();
    for size in [Size::Fixture, Size::Seeded] {
        if size == Size::Seeded {
            println!("== seeding {SEEDED} tickets with their steps, events and documents");
            bench_sql::seed(&db, &fixture.template, SEEDED)?;
            stats_ms = stats_times(first.port, &fixture.analyst_token)?;
            println!("   GET /stats: {stats_ms:?} ms");
        }
        for (name, script) in scenarios {
            // Each scenario's own count: the submissions before it add tickets.
            let tickets: u64 = bench_sql::psql_value(&db, "SELECT count(*) FROM tickets")?.parse().unwrap_or(0);
            println!("== {name}: {tickets} tickets");
            let captured = captures.iter().find(|(n, _)| *n == name).map(|(_, c)| c).context("a capture")?;
            let mode = ["-M", captured.mode, "-f", &captured.script.display().to_string()].map(str::to_string);
            let mode: Vec<&str> = mode.iter().map(String::as_str).collect();
            wrk(first.port, script, 16, opts.warmup)?;
            bench_sql::pgbench(&db, &mode, 16, opts.warmup)?;
            for c in CONNECTIONS {
                let (load, cpu) = wrk_measured(first.pid(), first.port, script, c, opts.secs)?;
                let same = bench_sql::pgbench(&db, &mode, c, opts.secs)?;
                println!(
                    "   {name:<10} c={c:<3} {:>8.1} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  errors {}  same work {same:>8.1} tps",
                    load.rps, load.p50_ms, load.p99_ms, load.errors
                );
                api.push(Run { size, tickets, name, c, load, same, cpu });
            }
        }
        if size == Size::Fixture {
            println!("== a second API process on the same database");
            let second = Server::start(&binary, root, &work.join("api-2"), &db, 18082, &quiet)?;
            for (name, script) in [("submission", &scripts.submit), ("status", &scripts.status)] {
                wrk(second.port, script, 16, opts.warmup)?;
                let (a, b) = std::thread::scope(|s| {
                    let one = s.spawn(|| wrk(first.port, script, 32, opts.secs));
                    let two = s.spawn(|| wrk(second.port, script, 32, opts.secs));
                    (one.join(), two.join())
                });
                let (a, b) = match (a, b) {
                    (Ok(Ok(a)), Ok(Ok(b))) => (a, b),
                    _ => bail!("wrk against two replicas failed"),
                };
                let both = Load {
                    rps: a.rps + b.rps,
                    p50_ms: a.p50_ms.max(b.p50_ms),
                    p99_ms: a.p99_ms.max(b.p99_ms),
                    errors: a.errors + b.errors,
                };
                println!(
                    "   {name:<10} 2 x c=32 {:>8.1} req/s  p99 {:>7.2} ms  errors {}",
                    both.rps, both.p99_ms, both.errors
                );
                replicas.push((name, both));
            }
            drop(second);
            println!("== two processes behind nginx on an S3 bucket, against one on the local folder");
            cluster = cluster::run(root, &work, &binary, &db, first.port, &scripts, &opts)?;
        }
    }
    let rss_loaded = first.rss_mib()?;
    drop(first);

    println!("== first render in headless Chromium");
    let first_render = bench_spa::first_render(root, &work)?;
    println!("== a first visit over a weak link (Chromium's network emulation)");
    let first_visit = bench_spa::first_visit(root, &work)?;
    println!("== letter render (criterion)");
    let letter_ms = letter_render(root, &target)?;

    let report = Report {
        opts: &opts,
        ceilings,
        captures,
        api,
        replicas,
        cluster,
        stats_ms,
        rss_idle,
        rss_loaded,
        spa,
        first_render,
        first_visit,
        letter_ms,
    };
    let markdown = report.markdown(&machine());
    println!("\n{markdown}");
    let out = root.join("docs/benchmarks.md");
    std::fs::create_dir_all(root.join("docs"))?;
    std::fs::write(&out, &markdown).with_context(|| format!("writing {}", out.display()))?;
    println!("written to {}", out.display());
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}

fn ensure_tools() -> anyhow::Result<()> {
    if !env::have("wrk") {
        env::apt_install(&["wrk"])?;
    }
    if !env::have("pgbench") || !env::have("psql") {
        env::apt_install(&["postgresql-client", "postgresql-contrib"])?;
    }
    env::ensure_browser()
}

fn psql(db: &str, sql: &str) -> anyhow::Result<()> {
    let ok = Command::new("psql")
        .args(["-q", "-v", "ON_ERROR_STOP=1", &format!("{PG}/{db}"), "-c", sql])
        .stdout(Stdio::null())
        .status()
        .context("psql")?
        .success();
    if !ok {
        bail!("psql {db}: {sql} failed");
    }
    Ok(())
}

/// Drops and creates a database; returns its URL.
fn fresh_db(name: &str) -> anyhow::Result<String> {
    psql("postgres", &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))?;
    psql("postgres", &format!("CREATE DATABASE {name}"))?;
    Ok(format!("{PG}/{name}"))
}

struct Ceilings {
    insert: Vec<(u32, f64)>,
    select: Vec<(u32, f64)>,
}

impl Ceilings {
    fn at(list: &[(u32, f64)], c: u32) -> f64 {
        list.iter().find(|(k, _)| *k == c).map(|(_, v)| *v).unwrap_or(f64::NAN)
    }
}

fn pgbench_ceilings(work: &Path, opts: &Options) -> anyhow::Result<Ceilings> {
    let url = fresh_db("ttis_bench_pg")?;
    let ok = Command::new("pgbench")
        .args(["-i", "-q", "-s", "10", &url])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    if !ok.success() {
        bail!("pgbench -i failed");
    }
    psql(
        "ttis_bench_pg",
        "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())",
    )?;
    let script = work.join("insert.sql");
    std::fs::write(&script, "INSERT INTO bench_insert (payload) VALUES ('laporan insiden siber');\n")?;
    let script = script.display().to_string();
    let run = |extra: &[&str], c: u32, secs: u64| -> anyhow::Result<f64> {
        let mut args = vec!["-M", "prepared"];
        args.extend_from_slice(extra);
        bench_sql::pgbench(&url, &args, c, secs)
    };
    run(&["-f", &script], 16, opts.warmup)?;
    let mut insert = Vec::new();
    for c in CONNECTIONS {
        let tps = run(&["-f", &script], c, opts.secs)?;
        println!("   insert     c={c:<3} {tps:>8.1} tps");
        insert.push((c, tps));
    }
    run(&["-S"], 16, opts.warmup)?;
    let mut select = Vec::new();
    for c in CONNECTIONS {
        let tps = run(&["-S"], c, opts.secs)?;
        println!("   select     c={c:<3} {tps:>8.1} tps");
        select.push((c, tps));
    }
    Ok(Ceilings { insert, select })
}

/// The statements of one request of each scenario, captured from PostgreSQL's log on a capture
/// server (with `Server-Timing`, without the outbox worker) and written as pgbench scripts.
fn capture_all(
    binary: &Path,
    root: &Path,
    work: &Path,
    db: &str,
    fixture: &Fixture,
) -> anyhow::Result<Vec<(&'static str, Captured)>> {
    let log = bench_sql::log_file()?;
    let dbname = db.rsplit('/').next().unwrap_or_default().to_string();
    psql("postgres", &format!("ALTER DATABASE {dbname} SET log_statement = 'all'"))?;
    let captured = (|| {
        let server = Server::start(
            binary,
            root,
            &work.join("capture"),
            db,
            18083,
            // The same public address as the measured server: its tokens name it.
            &[
                ("TTIS_SERVER_TIMING", "on"),
                ("TTIS_OUTBOX_WORKER", "false"),
                ("TTIS_PUBLIC_URL", "http://127.0.0.1:18081"),
            ],
        )?;
        std::thread::sleep(Duration::from_secs(2));
        let port = server.port;
        let ids = |code: &str| -> anyhow::Result<(String, String)> {
            let v = bench_sql::psql_value(db, &format!("SELECT id || ' ' || seq FROM tickets WHERE code = '{code}'"))?;
            let (id, seq) = v.split_once(' ').with_context(|| format!("no ticket {code}"))?;
            Ok((id.to_string(), seq.to_string()))
        };
        // The code without its six-digit number: `TTIS-2026-`.
        let prefix = |code: &str| code[..code.len().saturating_sub(6)].to_string();
        let mut out = Vec::new();
        // A submission writes a new ticket: the counter's value and the new ticket's id come from
        // the script's own statements (`\gset`); the code, in every text that holds it, follows.
        let rules = Rules {
            mode: "simple",
            prelude: Vec::new(),
            gset: vec![("INSERT INTO \"counters\"", "ttis_seq_"), ("INSERT INTO \"tickets\"", "ttis_t_")],
            subs: Vec::new(),
        };
        let submission = bench_sql::capture(&log, &dbname, work, "submission", &rules, || {
            let (s, head, v) = http_full(port, "POST", "/api/v1/reports", None, Some(&sample_report()))?;
            let code = v["ticket_code"].as_str().with_context(|| format!("a captured submission: {s} {v}"))?;
            let (id, seq) = ids(code)?;
            Ok((
                statements_in(&head)?,
                vec![
                    Sub::Exact { value: seq, with: ":ttis_seq_value".into(), after: Some("ttis_seq_") },
                    Sub::Exact { value: id, with: ":ttis_t_id".into(), after: Some("ttis_t_") },
                    Sub::Within { value: code.to_string(), with: format!("{}:ttis_seq_value", prefix(code)) },
                ],
            ))
        })?;
        out.push(("submission", submission));
        // A status lookup of one of the setup's tickets, chosen at random.
        let (code, key) = fixture.keys.get(fixture.keys.len() * 3 / 4).context("setup keys")?;
        let rules = Rules {
            mode: "prepared",
            prelude: vec![format!("\\set ttis_k random(1, {})", fixture.keys.len())],
            gset: vec![("\"code\" = $1", "ttis_t_")],
            subs: Vec::new(),
        };
        let status = bench_sql::capture(&log, &dbname, work, "status", &rules, || {
            let body = json!({"ticket_code": code, "access_key": key});
            let (s, head, v) = http_full(port, "POST", "/api/v1/reports/status", None, Some(&body))?;
            if s != 200 {
                bail!("a captured status lookup: {s} {v}");
            }
            let (id, _) = ids(code)?;
            Ok((
                statements_in(&head)?,
                vec![
                    Sub::Exact {
                        value: code.clone(),
                        with: format!("('{}' || lpad(:ttis_k::text, 6, '0'))", prefix(code)),
                        after: None,
                    },
                    Sub::Exact { value: id, with: ":ttis_t_id".into(), after: Some("ttis_t_") },
                ],
            ))
        })?;
        out.push(("status", status));
        // The queue page: the same request every time, as wrk sends it.
        let rules = Rules { mode: "prepared", prelude: Vec::new(), gset: Vec::new(), subs: Vec::new() };
        let queue = bench_sql::capture(&log, &dbname, work, "queue", &rules, || {
            let (s, head, v) = http_full(port, "GET", QUEUE_PATH, Some(&fixture.analyst_token), None)?;
            if s != 200 {
                bail!("a captured queue page: {s} {v}");
            }
            Ok((statements_in(&head)?, Vec::new()))
        })?;
        out.push(("queue", queue));
        drop(server);
        Ok::<_, anyhow::Error>(out)
    })();
    psql("postgres", &format!("ALTER DATABASE {dbname} RESET log_statement"))?;
    let captured = captured?;
    for (name, c) in &captured {
        println!(
            "   {name:<10} {} statements, {} transaction(s): {}",
            c.statements,
            c.transactions,
            c.script.display()
        );
    }
    Ok(captured)
}

/// Five statistics calls for this year (the seeded tickets' year): each one's milliseconds.
fn stats_times(port: u16, token: &str) -> anyhow::Result<Vec<f64>> {
    let mut out = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let (s, v) = http(port, "GET", "/api/v1/stats", Some(token), None)?;
        if s != 200 {
            bail!("GET /stats: {s} {v}");
        }
        out.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(out)
}

/// A release API process; stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(
        binary: &Path,
        root: &Path,
        data: &Path,
        db: &str,
        port: u16,
        extra: &[(&str, &str)],
    ) -> anyhow::Result<Server> {
        std::fs::create_dir_all(data)?;
        let log = std::fs::File::create(data.join("server.log"))?;
        let child = Command::new(binary)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", db)
            .env("TTIS_DATA_DIR", data)
            .env("TTIS_BIND", format!("127.0.0.1:{port}"))
            .env("TTIS_PUBLIC_URL", format!("http://127.0.0.1:{port}"))
            .env("TTIS_WEB_DIR", root.join("web/dist"))
            .env("TTIS_JWT_SECRET", "bench-jwt-secret-that-is-long-enough-0123456789")
            .env("TTIS_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL)
            .env("TTIS_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env("TTIS_ACCESS_TOKEN_TTL_SECS", "7200")
            .env("TTIS_LOG_FORMAT", "json")
            // The proof of work costs the reporter's browser, not the server: off, so that wrk
            // can submit. The per-address limits would stop one load generator at once: raised.
            .env("TTIS_POW_DIFFICULTY", "0")
            .env("TTIS_RATE_SUBMIT_PER_HOUR", "100000000")
            .env("TTIS_RATE_STATUS_PER_MINUTE", "100000000")
            .envs(extra.iter().copied())
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        let server = Server { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if http(port, "GET", "/api/v1/health", None, None).is_ok_and(|(s, _)| s == 200) {
                return Ok(server);
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        bail!("the API on port {port} did not become healthy; see {}", data.join("server.log").display())
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn rss_mib(&self) -> anyhow::Result<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))?;
        let kib: f64 = status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
            .context("VmRSS")?;
        Ok(kib / 1024.0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal HTTP/1.1 client for the setup requests: `(status, body)`.
fn http(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> anyhow::Result<(u16, Value)> {
    http_full(port, method, path, token, body).map(|(s, _, v)| (s, v))
}

/// [`http`] with the response's head too: `(status, head, body)`.
fn http_full(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> anyhow::Result<(u16, String, Value)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let payload = body.map(Value::to_string).unwrap_or_default();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    if let Some(t) = token {
        let _ = write!(req, "Authorization: Bearer {t}\r\n");
    }
    if body.is_some() {
        let _ = write!(req, "Content-Type: application/json\r\nContent-Length: {}\r\n", payload.len());
    }
    req.push_str("\r\n");
    req.push_str(&payload);
    stream.write_all(req.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw);
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status: u16 = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body =
        if head.to_ascii_lowercase().contains("transfer-encoding: chunked") { dechunk(rest) } else { rest.to_string() };
    Ok((status, head.to_string(), serde_json::from_str(&body).unwrap_or(Value::Null)))
}

/// The statement count of a `Server-Timing: db;dur=..;desc="<n> statements"` header.
fn statements_in(head: &str) -> anyhow::Result<u32> {
    head.lines()
        .find(|l| l.to_ascii_lowercase().starts_with("server-timing:"))
        .and_then(|l| l.split("desc=\"").nth(1))
        .and_then(|d| d.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .with_context(|| format!("no statement count in the answer's Server-Timing: {head}"))
}

fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || tail.len() < n {
            break;
        }
        out.push_str(&tail[..n]);
        rest = tail[n..].trim_start_matches("\r\n");
    }
    out
}

fn sample_report() -> Value {
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

/// What the load scripts need: valid access keys and an analyst's token.
struct Fixture {
    keys: Vec<(String, String)>,
    analyst_token: String,
    /// The code of the first setup ticket, which the seeding copies.
    template: String,
}

impl Fixture {
    fn create(port: u16) -> anyhow::Result<Fixture> {
        let login = |email: &str, password: &str| -> anyhow::Result<String> {
            let (s, v) =
                http(port, "POST", "/api/v1/auth/login", None, Some(&json!({"email": email, "password": password})))?;
            v["access_token"].as_str().map(str::to_string).with_context(|| format!("sign-in as {email}: {s} {v}"))
        };
        let admin = login(ADMIN_EMAIL, ADMIN_PASSWORD)?;
        let analyst = json!({"email": "analis@bench.test", "name": "Analis Bench", "roles": ["analyst"], "password": ANALYST_PASSWORD});
        let (s, v) = http(port, "POST", "/api/v1/users", Some(&admin), Some(&analyst))?;
        if s != 201 {
            bail!("creating the analyst: {s} {v}");
        }
        let analyst_token = login("analis@bench.test", ANALYST_PASSWORD)?;
        let mut keys = Vec::new();
        for _ in 0..200 {
            let (s, v) = http(port, "POST", "/api/v1/reports", None, Some(&sample_report()))?;
            match (s, v["ticket_code"].as_str(), v["access_key"].as_str()) {
                (201, Some(code), Some(key)) => keys.push((code.to_string(), key.to_string())),
                _ => bail!("a setup submission failed: {s} {v}"),
            }
        }
        let template = keys.first().map(|(code, _)| code.clone()).context("no setup ticket")?;
        Ok(Fixture { keys, analyst_token, template })
    }
}

/// The median of criterion's letter benchmark, in milliseconds.
fn letter_render(root: &Path, target: &Path) -> anyhow::Result<f64> {
    if !status(cargo(root).args(["bench", "-p", "ttis-api", "--bench", "render", "--", "--noplot"]))? {
        bail!("cargo bench --bench render failed");
    }
    let path = target.join("criterion/render/letter_signed/new/estimates.json");
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?)?;
    v["median"]["point_estimate"].as_f64().map(|ns| ns / 1e6).context("criterion's median")
}
