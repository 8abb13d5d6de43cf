//! The same-work ceiling of a scenario: the SQL that one API request runs on PostgreSQL, captured
//! from the server's log (`log_statement = 'all'` on the bench database, for one request of a
//! capture server), replayed by `pgbench` as one script with the same transaction boundaries and
//! randomised parameters. The request's own `Server-Timing` header (`TTIS_SERVER_TIMING=on`) says
//! how many statements it ran; a capture that holds another count (a background task's statement
//! in the window) is taken again.
//!
//! Also here: seeding 100,000 tickets with their steps, events and documents, for the second size.

use std::fmt::Write as _;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

/// How one captured parameter (or a part of it) becomes a pgbench variable.
#[derive(Clone, Debug)]
pub enum Sub {
    /// A parameter equal to `value` becomes the raw SQL `with`, once the statement that sets the
    /// variable (`\gset <after>`) has run; the latest such rule wins.
    Exact { value: String, with: String, after: Option<&'static str> },
    /// Each occurrence of `value` inside a text parameter becomes `with` (simple protocol only,
    /// where pgbench substitutes variables inside literals).
    Within { value: String, with: String },
}

/// What turns a capture into a pgbench script.
#[derive(Clone, Debug)]
pub struct Rules {
    /// `simple` or `prepared` (pgbench's `-M`).
    pub mode: &'static str,
    /// `\set` lines at the top of the script.
    pub prelude: Vec<String>,
    /// A statement whose SQL contains the first string stores its one result row with `\gset`
    /// and the second as the prefix.
    pub gset: Vec<(&'static str, &'static str)>,
    pub subs: Vec<Sub>,
}

/// One request's statements as PostgreSQL ran them.
#[derive(Clone, Debug)]
pub struct Captured {
    /// Statements other than `BEGIN` / `COMMIT` / `ROLLBACK`.
    pub statements: u32,
    /// The transactions (`BEGIN` ... `COMMIT`) among them.
    pub transactions: u32,
    pub script: PathBuf,
    pub mode: &'static str,
}

#[derive(Clone, Debug)]
struct Entry {
    pid: String,
    db: String,
    /// `statement` (simple protocol) or `execute` (extended), else empty.
    kind: &'static str,
    sql: String,
    params: Vec<Option<String>>,
}

/// The cluster's log file, from `pg_lsclusters` (Debian's layout; stderr goes there).
pub fn log_file() -> anyhow::Result<PathBuf> {
    let out = Command::new("pg_lsclusters").arg("--no-header").output().context("pg_lsclusters")?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .filter(|l| l.split_whitespace().nth(2) == Some("5432") && l.contains("online"))
        .find_map(|l| l.split_whitespace().nth(6).map(PathBuf::from))
        .context("pg_lsclusters names no online cluster on port 5432 with a log file")
}

pub fn log_len(log: &Path) -> anyhow::Result<u64> {
    Ok(std::fs::metadata(log).with_context(|| format!("{}", log.display()))?.len())
}

fn read_from(log: &Path, offset: u64) -> anyhow::Result<String> {
    let mut f = std::fs::File::open(log)?;
    f.seek(SeekFrom::Start(offset))?;
    let mut raw = Vec::new();
    f.read_to_end(&mut raw)?;
    Ok(String::from_utf8_lossy(&raw).into_owned())
}

/// `2026-12-06 12:00:00.123 UTC [1234] user@db LOG:  message`, with continuation lines that
/// start with a tab. Returns `(pid, db, level, message)` per record.
fn records(text: &str) -> Vec<(String, String, String, String)> {
    let mut out: Vec<(String, String, String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix('\t') {
            if let Some(last) = out.last_mut() {
                last.3.push('\n');
                last.3.push_str(rest);
            }
            continue;
        }
        let Some(open) = line.find(" [") else { continue };
        let Some(close) = line[open..].find("] ").map(|i| open + i) else { continue };
        let pid = line[open + 2..close].to_string();
        let rest = &line[close + 2..];
        let (db, rest) = match rest.split_once(' ') {
            Some((who, tail)) if who.contains('@') && !who.ends_with(':') => {
                (who.split_once('@').map(|(_, d)| d.to_string()).unwrap_or_default(), tail)
            }
            _ => (String::new(), rest),
        };
        let Some((level, message)) = rest.split_once(":  ") else { continue };
        out.push((pid, db, level.to_string(), message.to_string()));
    }
    out
}

/// `$1 = 'a''b', $2 = NULL` → `[Some("a'b"), None]`.
fn parse_params(text: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        // `$n = `
        while i < chars.len() && chars[i] != '=' {
            i += 1;
        }
        i += 1;
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        if chars[i] == '\'' {
            let mut v = String::new();
            i += 1;
            while i < chars.len() {
                if chars[i] == '\'' {
                    if chars.get(i + 1) == Some(&'\'') {
                        v.push('\'');
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                v.push(chars[i]);
                i += 1;
            }
            out.push(Some(v));
        } else {
            // NULL
            while i < chars.len() && chars[i] != ',' {
                i += 1;
            }
            out.push(None);
        }
        // `, `
        while i < chars.len() && (chars[i] == ',' || chars[i] == ' ') {
            i += 1;
        }
    }
    out
}

fn entries(text: &str, db: &str) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for (pid, rdb, level, message) in records(text) {
        if rdb != db {
            continue;
        }
        if level == "LOG" {
            if let Some(sql) = message.strip_prefix("statement: ") {
                out.push(Entry { pid, db: rdb, kind: "statement", sql: sql.to_string(), params: Vec::new() });
            } else if let Some(rest) = message.strip_prefix("execute ")
                && let Some((_, sql)) = rest.split_once(": ")
            {
                out.push(Entry { pid, db: rdb, kind: "execute", sql: sql.to_string(), params: Vec::new() });
            }
        } else if level == "DETAIL"
            && let Some(list) = message.strip_prefix("parameters: ")
            && let Some(last) = out.iter_mut().rev().find(|e| e.pid == pid)
        {
            last.params = parse_params(list);
        }
    }
    out.retain(|e| !e.db.is_empty() && !e.kind.is_empty());
    out
}

fn is_control(sql: &str) -> bool {
    matches!(sql.trim().trim_end_matches(';').to_ascii_uppercase().as_str(), "BEGIN" | "COMMIT" | "ROLLBACK")
}

/// The request's statements and the `BEGIN` / `COMMIT` around them on the same connection: other
/// connections' transactions (a background task's) are left out.
fn request_entries(all: Vec<Entry>) -> Vec<Entry> {
    let keep: Vec<bool> = (0..all.len())
        .map(|i| {
            let e = &all[i];
            if !is_control(&e.sql) {
                return true;
            }
            let upper = e.sql.trim().to_ascii_uppercase();
            let same_pid = |j: &usize| all[*j].pid == e.pid;
            if upper.starts_with("BEGIN") {
                (i + 1..all.len()).find(same_pid).is_some_and(|j| !is_control(&all[j].sql))
            } else {
                (0..i).rev().find(same_pid).is_some_and(|j| !is_control(&all[j].sql))
            }
        })
        .collect();
    all.into_iter().zip(keep).filter_map(|(e, k)| k.then_some(e)).collect()
}

fn quote(v: &str) -> String {
    format!("'{}'", v.replace('\'', "''"))
}

/// The statement's SQL with each `$n` outside quotes replaced by `values[n - 1]`.
fn inline(sql: &str, values: &[String]) -> String {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = String::with_capacity(sql.len());
    let mut i = 0;
    let mut quote_char: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        if let Some(q) = quote_char {
            out.push(c);
            if c == q {
                quote_char = None;
            }
            i += 1;
            continue;
        }
        if c == '\'' || c == '"' {
            quote_char = Some(c);
            out.push(c);
            i += 1;
            continue;
        }
        if c == '$' && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            let n: usize = chars[i + 1..j].iter().collect::<String>().parse().unwrap_or(0);
            match values.get(n.wrapping_sub(1)) {
                Some(v) => out.push_str(v),
                None => out.extend(&chars[i..j]),
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Builds the pgbench script for one capture.
fn script(entries: &[Entry], rules: &Rules) -> String {
    let mut out = String::new();
    for line in &rules.prelude {
        let _ = writeln!(out, "{line}");
    }
    let mut defined: Vec<&'static str> = Vec::new();
    for e in entries {
        if is_control(&e.sql) {
            let _ = writeln!(out, "{};", e.sql.trim().trim_end_matches(';'));
            continue;
        }
        let values: Vec<String> = e
            .params
            .iter()
            .map(|p| {
                let Some(v) = p else { return "NULL".to_string() };
                let exact = rules.subs.iter().rev().find_map(|s| match s {
                    Sub::Exact { value, with, after } if value == v && after.is_none_or(|a| defined.contains(&a)) => {
                        Some(with.clone())
                    }
                    _ => None,
                });
                if let Some(with) = exact {
                    return with;
                }
                let mut text = v.clone();
                for s in &rules.subs {
                    if let Sub::Within { value, with } = s {
                        text = text.replace(value.as_str(), with);
                    }
                }
                quote(&text)
            })
            .collect();
        let sql = inline(e.sql.trim().trim_end_matches(';'), &values);
        match rules.gset.iter().find(|(needle, _)| e.sql.contains(needle)) {
            Some((_, prefix)) => {
                let _ = writeln!(out, "{sql} \\gset {prefix}");
                defined.push(prefix);
            }
            None => {
                let _ = writeln!(out, "{sql};");
            }
        }
    }
    out
}

/// Captures the statements of one request: `send` makes it and returns the statement count of
/// its `Server-Timing` header, with the rules that follow from its answer. After one warm-up
/// request, tries up to five times for a window with only the request in it.
pub fn capture(
    log: &Path,
    db: &str,
    dir: &Path,
    name: &str,
    rules: &Rules,
    mut send: impl FnMut() -> anyhow::Result<(u32, Vec<Sub>)>,
) -> anyhow::Result<Captured> {
    // A first request warms what the process keeps (the SLA policy's copy, prepared statements).
    send()?;
    for _ in 0..5 {
        let start = log_len(log)?;
        let (count, extra) = send()?;
        // PostgreSQL writes each line as it runs the statement, before the answer leaves.
        std::thread::sleep(std::time::Duration::from_millis(50));
        let found = request_entries(entries(&read_from(log, start)?, db));
        let statements = found.iter().filter(|e| !is_control(&e.sql)).count() as u32;
        if statements != count {
            println!("   {name}: the log holds {statements} statements, the request ran {count}; again");
            continue;
        }
        let mut rules = rules.clone();
        rules.subs.extend(extra);
        let text = script(&found, &rules);
        let path = dir.join(format!("{name}.pgbench.sql"));
        std::fs::write(&path, &text)?;
        let transactions = found.iter().filter(|e| e.sql.trim().eq_ignore_ascii_case("BEGIN")).count() as u32;
        return Ok(Captured { statements, transactions, script: path, mode: rules.mode });
    }
    bail!("could not capture the statements of one {name} request alone in {}", log.display())
}

/// `pgbench`'s tps for a script (or built-in test) at `c` connections.
pub fn pgbench(url: &str, args: &[&str], c: u32, secs: u64) -> anyhow::Result<f64> {
    let jobs = c.clamp(1, 2).to_string();
    let out = Command::new("pgbench")
        .args(["-n", "-c", &c.to_string(), "-j", &jobs, "-T", &secs.to_string()])
        .args(args)
        .arg(url)
        .output()
        .context("pgbench")?;
    let text = String::from_utf8_lossy(&out.stdout);
    let failed = text
        .lines()
        .find(|l| l.starts_with("number of failed transactions: "))
        .and_then(|l| l.split_whitespace().nth(4))
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0);
    if failed > 0 || !out.status.success() {
        bail!("pgbench {args:?} failed: {text}{}", String::from_utf8_lossy(&out.stderr));
    }
    let tps = text
        .lines()
        .find(|l| l.starts_with("tps = "))
        .and_then(|l| l.trim_start_matches("tps = ").split_whitespace().next())
        .and_then(|n| n.parse::<f64>().ok());
    tps.with_context(|| format!("pgbench printed no tps: {text}{}", String::from_utf8_lossy(&out.stderr)))
}

/// One value from `psql -At` (in a session that does not log its statements: a lookup made
/// while a request is captured stays out of the capture).
pub fn psql_value(url: &str, sql: &str) -> anyhow::Result<String> {
    let out = Command::new("psql")
        .env("PGOPTIONS", "-c log_statement=none")
        .args(["-At", "-v", "ON_ERROR_STOP=1", url, "-c", sql])
        .stderr(Stdio::inherit())
        .output()
        .context("psql")?;
    if !out.status.success() {
        bail!("psql: {sql} failed");
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Copies the ticket `template` `n` times (new codes, categories, states and submission times
/// over the past `n` minutes), each with its timeline, a finished verification step and an
/// analysis report document; then `VACUUM ANALYZE` (what autovacuum does in production).
pub fn seed(url: &str, template: &str, n: u64) -> anyhow::Result<()> {
    let columns = psql_value(
        url,
        "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns \
         WHERE table_name = 'tickets' AND column_name <> 'id'",
    )?;
    let select: Vec<String> = columns
        .split(',')
        .map(|c| match c {
            "code" => "'SEED-' || n".to_string(),
            "seq" => "1000000 + n".to_string(),
            "category_code" => {
                "CASE n % 3 WHEN 0 THEN 'phishing' WHEN 1 THEN 'web_defacement' ELSE 'ransomware' END".into()
            }
            "state" => {
                "CASE n % 4 WHEN 0 THEN 'rejected' WHEN 1 THEN 'completed' WHEN 2 THEN 'approved' ELSE 'submitted' END"
                    .into()
            }
            "submitted_at" | "state_entered_at" | "updated_at" | "step_started_at" => {
                format!("t.{c} - make_interval(mins => n)")
            }
            "due_at" => "t.due_at - make_interval(mins => n)".into(),
            "search_text" => "t.search_text || ' seed-' || n".into(),
            other => format!("t.{other}"),
        })
        .collect();
    let sql = format!(
        "BEGIN;\n\
         INSERT INTO tickets ({columns}) SELECT {} FROM tickets t CROSS JOIN generate_series(1, {n}) AS s(n) \
         WHERE t.code = '{template}';\n\
         INSERT INTO ticket_events (ticket_id, at, kind, from_state, to_state, actor_user_id, actor_label, body, event, event_params, public) \
         SELECT s.id, s.submitted_at, e.kind, e.from_state, e.to_state, e.actor_user_id, e.actor_label, e.body, e.event, e.event_params, e.public \
         FROM tickets s CROSS JOIN ticket_events e JOIN tickets t ON t.id = e.ticket_id \
         WHERE t.code = '{template}' AND s.code LIKE 'SEED-%';\n\
         INSERT INTO ticket_events (ticket_id, at, kind, from_state, to_state, actor_label, public) \
         SELECT id, submitted_at + interval '3 hours', 'state_change', 'submitted', state, 'Analis', true \
         FROM tickets WHERE code LIKE 'SEED-%' AND state <> 'submitted';\n\
         INSERT INTO ticket_steps (ticket_id, step, started_at, ended_at, seconds, within) \
         SELECT id, 4, submitted_at, submitted_at, (id * 7919) % 86400, id % 3 <> 0 FROM tickets WHERE code LIKE 'SEED-%';\n\
         INSERT INTO documents (id, ticket_id, kind, version, storage_key, sha256, size, created_at, status) \
         SELECT 'seed-' || id, id, 'analysis_report', 1, 'seed/' || id, repeat('0', 64), 20000, submitted_at, 'final' \
         FROM tickets WHERE code LIKE 'SEED-%' AND state <> 'submitted';\n\
         COMMIT;\nVACUUM ANALYZE;\n",
        select.join(", ")
    );
    let ok = Command::new("psql")
        .args(["-q", "-v", "ON_ERROR_STOP=1", url])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(sql.as_bytes())?;
            }
            child.wait()
        })
        .context("psql")?
        .success();
    if !ok {
        bail!("seeding {n} tickets failed");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "2026-12-06 12:00:00.100 UTC [77] postgres@bench LOG:  statement: BEGIN
2026-12-06 12:00:00.101 UTC [77] postgres@bench LOG:  execute sqlx_s_1: INSERT INTO \"t\" (\"a\", \"b\") VALUES ($1, $2) RETURNING \"id\"
2026-12-06 12:00:00.101 UTC [77] postgres@bench DETAIL:  parameters: $1 = 'it''s
	two lines', $2 = NULL
2026-12-06 12:00:00.102 UTC [88] postgres@bench LOG:  statement: BEGIN
2026-12-06 12:00:00.102 UTC [88] postgres@bench LOG:  statement: COMMIT
2026-12-06 12:00:00.103 UTC [99] postgres@other LOG:  statement: SELECT 1
2026-12-06 12:00:00.104 UTC [77] postgres@bench LOG:  execute sqlx_s_2: SELECT '$1', $1 FROM \"t\" WHERE \"id\" = $1
2026-12-06 12:00:00.104 UTC [77] postgres@bench DETAIL:  parameters: $1 = '5'
2026-12-06 12:00:00.105 UTC [77] postgres@bench LOG:  statement: COMMIT
2026-12-06 12:00:01.000 UTC [12] LOG:  checkpoint starting: time
";

    #[test]
    fn a_capture_becomes_a_script_with_its_transaction_and_variables() {
        let found = request_entries(entries(LOG, "bench"));
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(found[1].params, vec![Some("it's\ntwo lines".to_string()), None]);
        let rules = Rules {
            mode: "simple",
            prelude: vec!["\\set k random(1, 9)".into()],
            gset: vec![("INSERT INTO \"t\"", "ttis_t_")],
            subs: vec![
                Sub::Exact { value: "5".into(), with: ":ttis_t_id".into(), after: Some("ttis_t_") },
                Sub::Within { value: "two".into(), with: "t:k".into() },
            ],
        };
        assert_eq!(
            script(&found, &rules),
            "\\set k random(1, 9)\nBEGIN;\nINSERT INTO \"t\" (\"a\", \"b\") VALUES ('it''s\nt:k lines', NULL) RETURNING \"id\" \\gset ttis_t_\n\
             SELECT '$1', :ttis_t_id FROM \"t\" WHERE \"id\" = :ttis_t_id;\nCOMMIT;\n"
        );
    }
}
