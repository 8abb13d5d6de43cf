//! The table `cargo xtask bench` writes: the figures against their ceilings and the budgets.

use std::fmt::Write as _;
use std::process::Command;

use serde_json::Value;

use super::{CONNECTIONS, Ceilings, Load, MIB, Options, Run, Size};
use crate::bench_spa;
use crate::bench_sql::Captured;

pub(super) fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| t.lines().next().and_then(|l| l.split_whitespace().nth(1)).and_then(|k| k.parse::<f64>().ok()))
        .map(|kib| format!("{:.0} GiB", kib / MIB))
        .unwrap_or_default();
    let cmd = |c: &str, a: &[&str]| {
        Command::new(c)
            .args(a)
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    };
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("PRETTY_NAME="))
                .map(|l| l.trim_start_matches("PRETTY_NAME=").trim_matches('"').to_string())
        })
        .unwrap_or_default();
    format!(
        "{cores} cores ({cpu}), {mem} RAM, {os}, kernel {}, {}, {}, {}",
        cmd("uname", &["-r"]),
        cmd("psql", &["--version"]),
        cmd("wrk", &["--version"]).lines().next().unwrap_or("wrk").split(" [").next().unwrap_or("wrk"),
        cmd("rustc", &["--version"])
    )
}

pub(super) struct Report<'a> {
    pub(super) opts: &'a Options,
    pub(super) ceilings: Ceilings,
    pub(super) captures: Vec<(&'static str, Captured)>,
    pub(super) api: Vec<Run>,
    pub(super) replicas: Vec<(&'static str, Load)>,
    pub(super) cluster: Vec<super::cluster::ClusterRun>,
    /// Milliseconds of each statistics call over the seeded tickets.
    pub(super) stats_ms: Vec<f64>,
    pub(super) rss_idle: f64,
    pub(super) rss_loaded: f64,
    pub(super) spa: Vec<bench_spa::Bundle>,
    pub(super) first_render: Value,
    pub(super) first_visit: Value,
    pub(super) letter_ms: f64,
}

pub fn mark(ok: bool) -> &'static str {
    if ok { "met" } else { "**missed**" }
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

impl Report<'_> {
    fn run(&self, size: Size, name: &str, c: u32) -> Option<&Run> {
        self.api.iter().find(|r| r.size == size && r.name == name && r.c == c)
    }

    fn load(&self, name: &str, c: u32) -> Load {
        self.run(Size::Fixture, name, c).map(|r| r.load.clone()).unwrap_or_default()
    }

    /// The single-statement ceiling a scenario is compared with: `(tps, label)`.
    fn one_statement(&self, name: &str, c: u32) -> (f64, &'static str) {
        if name == "submission" {
            (Ceilings::at(&self.ceilings.insert, c), "insert")
        } else {
            (Ceilings::at(&self.ceilings.select, c), "select-only")
        }
    }

    fn statements(&self, name: &str) -> u32 {
        self.captures.iter().find(|(n, _)| *n == name).map(|(_, c)| c.statements).unwrap_or(0)
    }

    pub(super) fn markdown(&self, machine: &str) -> String {
        let date = Command::new("date")
            .arg("-u")
            .arg("+%Y-%m-%d %H:%M UTC")
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        let mut md = String::new();
        let _ = writeln!(md, "# Benchmarks\n");
        let _ = writeln!(md, "Written by `cargo xtask bench` on {date}.\n\nMachine: {machine}.\n");
        let _ = writeln!(
            md,
            "Each API figure is `wrk` for {} s after a {} s warm-up against the release server (one process, `TTIS_WORKERS=2`, \
             pool of 10 connections) on PostgreSQL, with the load generator (`wrk`, or `pgbench` for the ceilings) on the \
             same two cores as the server and the database: every figure here shares the machine the same way. The proof \
             of work is off (it costs the reporter's browser, not the server) and the per-address limits are raised, so \
             that one load generator can submit. The outbox worker is off (`TTIS_OUTBOX_WORKER=false`): sending the \
             emails is not part of a request, and it would otherwise send the replayed submissions' emails during \
             pgbench's runs. The API's pool holds 10 connections; pgbench uses as many as the column says, so at 16 and \
             64 a scenario that waits on one row (the ticket counter) can be faster through the API than in pgbench.\n",
            self.opts.secs, self.opts.warmup
        );
        let _ = writeln!(
            md,
            "## PostgreSQL's one-statement ceilings (pgbench)\n\nOne single-row insert per transaction, and the built-in select-only test, prepared.\n\n\
             | connections | insert tps | select-only tps |\n|---:|---:|---:|"
        );
        for c in CONNECTIONS {
            let _ = writeln!(
                md,
                "| {c} | {:.0} | {:.0} |",
                Ceilings::at(&self.ceilings.insert, c),
                Ceilings::at(&self.ceilings.select, c)
            );
        }
        let _ = writeln!(
            md,
            "\n## The API against the same work\n\n\
             The same-work ceiling of a scenario is PostgreSQL running exactly what one request runs. A capture server \
             (the same binary with `TTIS_SERVER_TIMING=on`, its outbox worker off) answers one request of each \
             scenario while the bench database has `log_statement = 'all'`; the statements that request ran, with their \
             parameters and their `BEGIN` / `COMMIT` on the same connection, are read from PostgreSQL's log (a capture \
             whose count differs from the request's `Server-Timing` count is taken again) and written as one pgbench \
             script. The script randomises what the API's load randomises: a submission gets its ticket number from \
             the same counter (`\\gset`) and its code and ticket id follow in every statement (simple protocol, since the \
             code sits inside text and JSON values); a status lookup picks one of the setup's 200 tickets and reads its \
             id from the first statement (prepared); the queue page is the same request each time, as `wrk` sends it \
             (prepared). Two ratios: the API against its same-work ceiling (the cost of the server, the pool and the \
             serialisation) and the same-work ceiling against the one-statement ceiling (the cost of the design).\n"
        );
        for (name, c) in &self.captures {
            let _ = writeln!(
                md,
                "- {name}: {} statements, {} transaction(s) (`pgbench -M {}`)",
                c.statements, c.transactions, c.mode
            );
        }
        let _ = writeln!(
            md,
            "\n| scenario | tickets | conn. | req/s | p50 ms | p99 ms | errors | same work tps | API / same work | one statement tps | same work / one statement |\n\
             |---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"
        );
        for r in &self.api {
            let (one, label) = self.one_statement(r.name, r.c);
            let what = match r.name {
                "submission" => "public JSON submission",
                "status" => "status lookup (valid key)",
                _ => "staff queue with filters",
            };
            let _ = writeln!(
                md,
                "| {what} | {} | {} | {:.0} | {:.2} | {:.2} | {} | {:.0} | {:.2}x | {label} {:.0} | {:.2}x |",
                r.tickets,
                r.c,
                r.load.rps,
                r.load.p50_ms,
                r.load.p99_ms,
                r.load.errors,
                r.same,
                r.load.rps / r.same,
                one,
                r.same / one
            );
        }
        let _ = writeln!(
            md,
            "\n### Where the CPU goes\n\nCPU time per request during each API run, from `/proc`: the API process, every PostgreSQL \
             process, and the rest of the machine (the load generator and the kernel). Two cores give 2,000 ms of CPU per second; \
             a scenario whose API share is large is bounded by the server, one whose PostgreSQL share is large by the database.\n\n\
             | scenario | tickets | conn. | API ms/req | PostgreSQL ms/req | rest ms/req |\n|---|---:|---:|---:|---:|---:|"
        );
        for r in &self.api {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {:.2} | {:.2} | {:.2} |",
                r.name, r.tickets, r.c, r.cpu.api_ms, r.cpu.postgres_ms, r.cpu.other_ms
            );
        }
        let _ = writeln!(
            md,
            "\n## A second replica\n\nTwo API processes on the same database, each driven by its own `wrk` with 32 connections (64 in all), against one process with 64 (the setup's tickets).\n\n| scenario | one process, 64 conn. | two processes, 2 x 32 | change |\n|---|---:|---:|---:|"
        );
        for (name, both) in &self.replicas {
            let one = self.load(name, 64);
            let _ = writeln!(
                md,
                "| {name} | {:.0} req/s (p99 {:.1} ms) | {:.0} req/s (p99 {:.1} ms, {} errors) | {:+.0}% |",
                one.rps,
                one.p99_ms,
                both.rps,
                both.p99_ms,
                both.errors,
                (both.rps / one.rps - 1.0) * 100.0
            );
        }
        let _ = writeln!(
            md,
            "\n## Several servers\n\nSubmissions with a {} KiB evidence file (multipart) and status lookups: {}, against {} (`deploy/nginx.conf`; both on the bench database). moto is a test double written in Python, not a production store: its own CPU is part of these figures.\n\n| setup | scenario | conn. | req/s | p50 ms | p99 ms | errors |\n|---|---|---:|---:|---:|---:|---:|",
            super::cluster::EVIDENCE_BYTES / 1024,
            super::cluster::ONE_LOCAL,
            super::cluster::TWO_BEHIND_NGINX,
        );
        for r in &self.cluster {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {:.0} | {:.2} | {:.2} | {} |",
                r.setup, r.scenario, r.c, r.load.rps, r.load.p50_ms, r.load.p99_ms, r.load.errors
            );
        }
        let seeded_tickets = self.api.iter().find(|r| r.size == Size::Seeded).map(|r| r.tickets).unwrap_or(0);
        let stats = median(&self.stats_ms);
        let _ = writeln!(
            md,
            "\n## Statistics\n\n`GET /api/v1/stats` for this year over {seeded_tickets} tickets (each seeded ticket has a finished step), five calls: {} ms; median {stats:.0} ms.",
            self.stats_ms.iter().map(|m| format!("{m:.0}")).collect::<Vec<_>>().join(", ")
        );

        let errors: u64 = self.api.iter().map(|r| r.load.errors).sum::<u64>()
            + self.replicas.iter().map(|(_, l)| l.errors).sum::<u64>()
            + self.cluster.iter().map(|r| r.load.errors).sum::<u64>();
        let _ = writeln!(md, "\n## Budgets\n\n| budget | measured | |\n|---|---|---|");
        for name in ["submission", "status", "queue"] {
            let ratios: Vec<String> = self
                .api
                .iter()
                .filter(|r| r.name == name && r.c >= 16)
                .map(|r| format!("{:.2}x", r.load.rps / r.same))
                .collect();
            let worst = self
                .api
                .iter()
                .filter(|r| r.name == name && r.c >= 16)
                .map(|r| r.load.rps / r.same)
                .fold(f64::INFINITY, f64::min);
            let _ = writeln!(
                md,
                "| {name}: API >= 0.6x its same-work ceiling at 16 and 64 connections, both sizes | {} (worst {worst:.2}x) | {} |",
                ratios.join(", "),
                mark(worst >= 0.6)
            );
        }
        let worst_size = |name: &str, c: u32, f: &dyn Fn(&Run) -> f64, pick_max: bool| {
            [Size::Fixture, Size::Seeded].iter().filter_map(|s| self.run(*s, name, c)).map(f).fold(
                if pick_max { f64::NEG_INFINITY } else { f64::INFINITY },
                |a, b| {
                    if pick_max { a.max(b) } else { a.min(b) }
                },
            )
        };
        let n = self.statements("status");
        // Two of its own, and the rate limit's upsert, shared by every replica (issue 18).
        let _ = writeln!(
            md,
            "| status lookup: at most 3 statements (2, and the shared rate limit's upsert) | {n} | {} |",
            mark(n <= 3)
        );
        let select64 = Ceilings::at(&self.ceilings.select, 64);
        let status_ratio = worst_size("status", 64, &|r| r.load.rps / select64, false);
        let _ = writeln!(
            md,
            "| status lookup >= 0.3x select-only at 64 connections, both sizes | {status_ratio:.2}x | {} |",
            mark(status_ratio >= 0.3)
        );
        let p99 = worst_size("status", 64, &|r| r.load.p99_ms, true);
        let _ = writeln!(
            md,
            "| status lookup p99 < 20 ms at 64 connections, both sizes | {p99:.1} ms | {} |",
            mark(p99 < 20.0)
        );
        let n = self.statements("submission");
        let _ = writeln!(md, "| submission: at most 10 statements | {n} | {} |", mark(n <= 10));
        let submit16 = worst_size("submission", 16, &|r| r.load.rps, false);
        let same16 = worst_size("submission", 16, &|r| r.same, false);
        let own_limit = same16 < 500.0 && submit16 / same16 >= 0.6;
        let _ = writeln!(
            md,
            "| submission: >= 500/s at 16 connections, or the limit is PostgreSQL's own | {submit16:.0}/s (same work {same16:.0} tps) | {} |",
            if submit16 >= 500.0 {
                "met"
            } else if own_limit {
                "met (PostgreSQL's limit)"
            } else {
                "**missed**"
            }
        );
        let n = self.statements("queue");
        let _ = writeln!(md, "| staff queue: at most 3 statements | {n} | {} |", mark(n <= 3));
        let select16 = Ceilings::at(&self.ceilings.select, 16);
        let queue = self.run(Size::Seeded, "queue", 16).map(|r| r.load.rps / select16).unwrap_or(f64::NAN);
        let queue_tickets = self.run(Size::Seeded, "queue", 16).map(|r| r.tickets).unwrap_or(0);
        let _ = writeln!(
            md,
            "| staff queue >= 0.2x select-only at 16 connections on {queue_tickets} tickets | {queue:.2}x | {} |",
            mark(queue >= 0.2)
        );
        let _ = writeln!(
            md,
            "| statistics over {seeded_tickets} tickets < 200 ms (median of 5) | {stats:.0} ms | {} |",
            mark(stats < 200.0)
        );
        for name in ["submission", "status", "queue"] {
            let (Some(small), Some(big)) = (self.run(Size::Fixture, name, 16), self.run(Size::Seeded, name, 16)) else {
                continue;
            };
            let change = big.load.rps / small.load.rps;
            let _ = writeln!(
                md,
                "| {name}: cost does not grow with the tickets (16 conn., {} → {} tickets, within 20%) | {:.0} → {:.0} req/s ({:+.0}%) | {} |",
                small.tickets,
                big.tickets,
                small.load.rps,
                big.load.rps,
                (change - 1.0) * 100.0,
                mark(change >= 0.8)
            );
        }
        let _ = writeln!(md, "| zero errors | {errors} | {} |", mark(errors == 0));
        let _ = writeln!(
            md,
            "| resident memory idle < 40 MiB | {:.1} MiB | {} |",
            self.rss_idle,
            mark(self.rss_idle < 40.0)
        );
        let _ = writeln!(
            md,
            "| resident memory after the load < 150 MiB | {:.1} MiB | {} |",
            self.rss_loaded,
            mark(self.rss_loaded < 150.0)
        );
        bench_spa::budget_rows(&mut md, &self.spa, &self.first_render, &self.first_visit);
        let _ = writeln!(
            md,
            "| letter PDF render < 150 ms (p50, warm; criterion median) | {:.1} ms | {} |",
            self.letter_ms,
            mark(self.letter_ms < 150.0)
        );
        bench_spa::sections(&mut md, &self.first_render, &self.first_visit);
        md
    }
}
