//! Driving the API: `wrk`'s Lua scripts for the three scenarios, a run's figures, and the CPU
//! each request cost (from `/proc`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use serde_json::json;

use super::{Fixture, Load, sample_report};

/// Where the machine's CPU went during one API run, in milliseconds per request: the API
/// process, every PostgreSQL process, and the rest (the load generator, the kernel).
#[derive(Clone, Debug, Default)]
pub(super) struct CpuPerRequest {
    pub(super) api_ms: f64,
    pub(super) postgres_ms: f64,
    pub(super) other_ms: f64,
}

/// CPU ticks so far: `(the API process, PostgreSQL's processes, the whole machine busy)`.
fn cpu_ticks(api_pid: u32) -> (u64, u64, u64) {
    // `/proc/<pid>/stat`: utime and stime are the 14th and 15th fields, counted after the
    // parenthesised command name (which may hold spaces).
    let of = |stat: &str| -> Option<(String, u64)> {
        let open = stat.find('(')?;
        let close = stat.rfind(')')?;
        let comm = stat[open + 1..close].to_string();
        let fields: Vec<&str> = stat[close + 2..].split_whitespace().collect();
        let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
        Some((comm, ticks))
    };
    let api = std::fs::read_to_string(format!("/proc/{api_pid}/stat")).ok().and_then(|s| of(&s)).map_or(0, |x| x.1);
    let mut postgres = 0;
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for entry in dir.flatten() {
            if let Some((comm, ticks)) = std::fs::read_to_string(entry.path().join("stat")).ok().and_then(|s| of(&s))
                && (comm == "postgres" || comm.starts_with("postgres:"))
            {
                postgres += ticks;
            }
        }
    }
    let busy = std::fs::read_to_string("/proc/stat")
        .ok()
        .and_then(|s| {
            let line = s.lines().next()?.to_string();
            let n: Vec<u64> = line.split_whitespace().skip(1).filter_map(|x| x.parse().ok()).collect();
            // user nice system idle iowait irq softirq steal
            Some(n.iter().take(8).sum::<u64>() - n.get(3).copied().unwrap_or(0) - n.get(4).copied().unwrap_or(0))
        })
        .unwrap_or(0);
    (api, postgres, busy)
}

/// [`wrk`] with the CPU it cost per request.
pub(super) fn wrk_measured(
    api_pid: u32,
    port: u16,
    script: &Path,
    c: u32,
    secs: u64,
) -> anyhow::Result<(Load, CpuPerRequest)> {
    let before = cpu_ticks(api_pid);
    let load = wrk(port, script, c, secs)?;
    let after = cpu_ticks(api_pid);
    // USER_HZ is 100 on Linux: a tick is 10 ms.
    let requests = (load.rps * secs as f64).max(1.0);
    let per = |t: u64| t as f64 * 10.0 / requests;
    let api = after.0.saturating_sub(before.0);
    let postgres = after.1.saturating_sub(before.1);
    let busy = after.2.saturating_sub(before.2);
    let cpu = CpuPerRequest {
        api_ms: per(api),
        postgres_ms: per(postgres),
        other_ms: per(busy.saturating_sub(api + postgres)),
    };
    Ok((load, cpu))
}

/// The staff queue page the bench asks for.
pub(super) const QUEUE_PATH: &str =
    "/api/v1/tickets?state=submitted&category=web_defacement&sort=due_at&per_page=25&page=2";

pub(super) struct Scripts {
    pub(super) submit: PathBuf,
    pub(super) status: PathBuf,
    pub(super) queue: PathBuf,
}

/// Reports the figures of a run on one line that [`wrk`] parses.
pub(super) const DONE: &str = r#"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50), latency:percentile(99)))
end
"#;

impl Scripts {
    pub(super) fn write(dir: &Path, fixture: &Fixture) -> anyhow::Result<Scripts> {
        let lua = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
        let submit = dir.join("submit.lua");
        std::fs::write(
            &submit,
            format!(
                "wrk.method = \"POST\"\nwrk.path = \"/api/v1/reports\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = \"{}\"\n{DONE}",
                lua(&sample_report().to_string())
            ),
        )?;
        let status = dir.join("status.lua");
        let mut bodies = String::from("local bodies = {\n");
        for (code, key) in &fixture.keys {
            let _ = writeln!(bodies, "  \"{}\",", lua(&json!({"ticket_code": code, "access_key": key}).to_string()));
        }
        bodies.push_str("}\n");
        std::fs::write(
            &status,
            format!(
                "{bodies}local i = 0\nlocal headers = {{[\"Content-Type\"] = \"application/json\"}}\nrequest = function()\n  i = i % #bodies + 1\n  return wrk.format(\"POST\", \"/api/v1/reports/status\", headers, bodies[i])\nend\n{DONE}"
            ),
        )?;
        let queue = dir.join("queue.lua");
        std::fs::write(
            &queue,
            format!(
                "wrk.path = \"{QUEUE_PATH}\"\nwrk.headers[\"Authorization\"] = \"Bearer {}\"\n{DONE}",
                fixture.analyst_token
            ),
        )?;
        Ok(Scripts { submit, status, queue })
    }
}

pub(super) fn wrk(port: u16, script: &Path, connections: u32, secs: u64) -> anyhow::Result<Load> {
    let threads = connections.clamp(1, 2).to_string();
    let out = Command::new("wrk")
        .args(["-t", &threads, "-c", &connections.to_string(), "-d", &format!("{secs}s"), "--timeout", "10s", "-s"])
        .arg(script)
        .arg(format!("http://127.0.0.1:{port}/"))
        .output()
        .context("wrk")?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line =
        text.lines().find(|l| l.starts_with("RESULT ")).with_context(|| format!("wrk printed no result: {text}"))?;
    let n: Vec<f64> = line.split_whitespace().skip(1).filter_map(|x| x.parse().ok()).collect();
    if n.len() != 6 {
        bail!("cannot read wrk's result: {line}");
    }
    Ok(Load { rps: n[0] / (n[1] / 1e6), errors: (n[2] + n[3]) as u64, p50_ms: n[4] / 1000.0, p99_ms: n[5] / 1000.0 })
}
