//! The SPA's part of `cargo xtask bench`: the bundles' sizes as built (raw, gzip, and the Brotli
//! copies the server sends), the first render on the loopback, and a first visit over a weak link
//! (the browser tests `first_render_is_measured` and `first_visit::a_first_visit_...`, which write
//! their figures to `TTIS_BENCH_OUT`), with their budgets and sections in `docs/benchmarks.md`.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use anyhow::{Context, bail};
use serde_json::Value;

use crate::bench::mark;
use crate::cargo;

/// One bundle's module and wasm, in bytes.
#[derive(Debug, Clone, Default)]
pub struct Bundle {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// The first visit before the precompressed, hashed assets and the loading state (commit 3bfdb5f,
/// medians of three runs of the same test on this machine, 2026-12-06): nothing painted until the SPA.
const BEFORE: (&str, f64, f64, f64, f64) = ("3bfdb5f", 5624.0, 5522.0, 5796.0, 981_331.0);

/// `dir`'s file whose name is `stem` with an optional content hash and `ext` (`ttis_web.js` or
/// `ttis_web.0123456789abcdef.js`).
fn find(dir: &Path, stem: &str, ext: &str) -> Option<std::path::PathBuf> {
    std::fs::read_dir(dir).ok()?.filter_map(|e| e.ok().map(|e| e.path())).find(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        name == format!("{stem}.{ext}")
            || name
                .strip_prefix(&format!("{stem}."))
                .and_then(|rest| rest.strip_suffix(&format!(".{ext}")))
                .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
    })
}

fn gzip_len(bytes: &[u8]) -> anyhow::Result<u64> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?.len() as u64)
}

/// Each bundle in `web/dist`: its module and wasm, raw, gzipped, and as its `.br` copy (itself
/// when it has none).
pub fn sizes(dist: &Path) -> anyhow::Result<Vec<Bundle>> {
    let mut out = Vec::new();
    for (name, stem) in [("public", "ttis_web"), ("staff", "ttis_web_staff")] {
        let (Some(js), Some(wasm)) = (find(dist, stem, "js"), find(dist, &format!("{stem}_bg"), "wasm")) else {
            continue;
        };
        let mut bundle = Bundle { name: name.to_string(), ..Bundle::default() };
        for f in [js, wasm] {
            let bytes = std::fs::read(&f)?;
            bundle.raw += bytes.len() as u64;
            bundle.gzip += gzip_len(&bytes)?;
            let mut br = f.as_os_str().to_owned();
            br.push(".br");
            bundle.brotli += std::fs::metadata(&br).map(|m| m.len()).unwrap_or(bytes.len() as u64);
        }
        out.push(bundle);
    }
    if out.is_empty() {
        bail!("no SPA bundle in {}", dist.display());
    }
    Ok(out)
}

/// Runs one browser test that writes its figures to `TTIS_BENCH_OUT`; returns them.
fn measured_by(root: &Path, work: &Path, test: &str, file: &str) -> anyhow::Result<Value> {
    let out = work.join(file);
    let ok = cargo(root)
        .args(["nextest", "run", "-p", "ttis-tests", "--no-fail-fast", "-E", &format!("test({test})")])
        .env("TTIS_BENCH_OUT", &out)
        .stdout(Stdio::null())
        .status()?
        .success();
    let text = std::fs::read_to_string(&out).with_context(|| format!("{test} wrote nothing"))?;
    if !ok {
        println!("note: {test} failed its budgets; its figures are reported as measured");
    }
    Ok(serde_json::from_str(&text)?)
}

/// The SPA's first render on the loopback (`first_render_is_measured`).
pub fn first_render(root: &Path, work: &Path) -> anyhow::Result<Value> {
    measured_by(root, work, "first_render_is_measured", "first-render.json")
}

/// A first visit to the report form over 1.6 Mbit/s and 150 ms (`first_visit::a_first_visit_...`).
pub fn first_visit(root: &Path, work: &Path) -> anyhow::Result<Value> {
    measured_by(root, work, "/first_visit::a_first_visit_over_a_weak_link/", "first-visit.json")
}

fn ms(v: &Value, key: &str) -> f64 {
    v[key].as_f64().unwrap_or(f64::NAN)
}

/// The SPA's rows of the budget table.
pub fn budget_rows(md: &mut String, spa: &[Bundle], first_render: &Value, first_visit: &Value) {
    for b in spa {
        // What the browser fetches is the Brotli file: the budgets are on it.
        let limit = if b.name == "public" { 250 } else { 600 };
        let _ = writeln!(
            md,
            "| SPA {} bundle (wasm + JS) < {limit} KiB Brotli | {:.0} KiB as sent (Brotli); {:.0} KiB gzip; {:.0} KiB raw | {} |",
            b.name,
            b.brotli as f64 / 1024.0,
            b.gzip as f64 / 1024.0,
            b.raw as f64 / 1024.0,
            mark(b.brotli < limit * 1024)
        );
    }
    let render = ms(first_render, "first_render_ms");
    let _ = writeln!(
        md,
        "| first render < 0.5 s (headless Chromium, loopback) | {render:.0} ms | {} |",
        mark(render < 500.0)
    );
    let (paint, usable, bytes) = (ms(first_visit, "fcp"), ms(first_visit, "usable"), ms(first_visit, "transfer"));
    let _ = writeln!(
        md,
        "| first visit over 1.6 Mbit/s, 150 ms: loading state < 1 s | {paint:.0} ms | {} |",
        mark(paint < 1000.0 && first_visit["loading_seen"].is_number())
    );
    let _ = writeln!(md, "| first visit: report form rendered < 2.5 s | {usable:.0} ms | {} |", mark(usable < 2500.0));
    let _ = writeln!(
        md,
        "| first visit: everything the report page loads < 250 KiB transferred (Brotli) | {:.0} KiB | {} |",
        bytes / 1024.0,
        mark(bytes < 250.0 * 1024.0)
    );
}

/// The sections after the budgets: the first render's detail and the first visit, before and now.
pub fn sections(md: &mut String, first_render: &Value, first_visit: &Value) {
    let _ =
        writeln!(md, "\nFirst render detail (the SPA's page; the first paint is the loading state): {first_render}.\n");
    let _ = writeln!(
        md,
        "## A first visit over a weak link\n\n`/report` in a fresh Chromium profile with the network emulated at 1.6 Mbit/s down \
         (200,000 bytes/s) and 150 ms latency (`Network.emulateNetworkConditions`), against the debug test server. \
         Times from navigation start; bytes are the Performance API's `transferSize` of the page and every response.\n\n\
         | | first paint | the SPA's page | report form usable | transferred |\n|---|---:|---:|---:|---:|"
    );
    let (commit, paint, app, usable, bytes) = BEFORE;
    let _ = writeln!(
        md,
        "| before ({commit}: uncompressed, no caching headers, blank until the SPA) | {paint:.0} ms (the SPA) | {app:.0} ms | {usable:.0} ms | {:.0} KiB |",
        bytes / 1024.0
    );
    let _ = writeln!(
        md,
        "| now (Brotli, hashed names, loading state) | {:.0} ms (loading state) | {:.0} ms | {:.0} ms | {:.0} KiB |",
        ms(first_visit, "fcp"),
        ms(first_visit, "app"),
        ms(first_visit, "usable"),
        ms(first_visit, "transfer") / 1024.0
    );
    let files: Vec<String> = first_visit["files"]
        .as_array()
        .map(|files| {
            files
                .iter()
                .map(|f| {
                    format!(
                        "`{}` {:.1} KiB (done at {} ms)",
                        f[0].as_str().unwrap_or_default(),
                        f[1].as_f64().unwrap_or(0.0) / 1024.0,
                        f[2]
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let _ = writeln!(md, "\nWhat the visit fetched: {}.", files.join(", "));
}
