//! Project automation, as `cargo xtask <command>`:
//!
//! - `run`       build the SPA and serve the whole platform on the embedded default (SQLite, ./data)
//! - `test`      install what the tests need, then fmt, tidy, clippy, the SPA build and every test
//! - `openapi`   rewrite `openapi/openapi.json` from the code
//! - `build-web` build the SPA into `web/dist`
//! - `tidy`      fail on a module cycle in `api/src`, a source file over 700 lines, or a path in
//!   ARCHITECTURE.md that does not exist (`--graph [prefix]`: print the module graph)
//! - `bench`     measure the platform against PostgreSQL's own ceiling (`--quick`: 5 s runs;
//!   `--skip-build`: use the release server and the SPA as they are built)

mod assets;
mod bench;
mod bench_spa;
mod bench_sql;
mod env;
mod tidy;
mod web;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use anyhow::{Context, bail};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&root, &args[1..]),
        Some("test") => test(&root, &args[1..]),
        Some("openapi") => openapi(&root),
        Some("bench") => bench::run(&root, &args[1..]),
        Some("build-web") => env::ensure_wasm_target().and_then(|()| web::build(&root, &target_dir(&root))),
        Some("tidy") => tidy::run(&root, &args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <run [--debug] | test | openapi | build-web | tidy [--graph [prefix]] | bench [--quick] [--skip-build]>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn project_root() -> PathBuf {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").map(PathBuf::from).unwrap_or_else(|_| PathBuf::from("xtask"));
    manifest.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|_| root.join("target"))
}

/// A `cargo` child process without the variables cargo sets for this xtask; left in, they make
/// ring, rustls and sqlx rebuild on every switch between `cargo xtask` and plain `cargo`.
pub fn cargo(root: &Path) -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root);
    for (key, _) in std::env::vars() {
        if key.starts_with("CARGO_PKG_")
            || matches!(
                key.as_str(),
                "CARGO_MANIFEST_DIR"
                    | "CARGO_MANIFEST_PATH"
                    | "CARGO_CRATE_NAME"
                    | "CARGO_BIN_NAME"
                    | "CARGO_PRIMARY_PACKAGE"
                    | "CARGO_RUSTC_CURRENT_DIR"
            )
        {
            cmd.env_remove(key);
        }
    }
    cmd
}

pub fn status(cmd: &mut Command) -> anyhow::Result<bool> {
    let shown = format!("{cmd:?}");
    Ok(cmd.status().with_context(|| format!("cannot start {shown}"))?.success())
}

fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let debug = args.iter().any(|a| a == "--debug");
    env::ensure_wasm_target()?;
    web::build(root, &target_dir(root))?;
    let mut cmd = cargo(root);
    cmd.args(["run", "--package", "ttis-api"]);
    if !debug {
        cmd.arg("--release");
    }
    cmd.args(["--", "serve"]);
    if std::env::var_os("TTIS_WEB_DIR").is_none() {
        cmd.env("TTIS_WEB_DIR", root.join("web/dist"));
    }
    if !status(&mut cmd)? {
        bail!("the server stopped with an error");
    }
    Ok(())
}

fn openapi(root: &Path) -> anyhow::Result<()> {
    let out = cargo(root)
        .args(["run", "--quiet", "--package", "ttis-api", "--", "openapi"])
        .stderr(Stdio::inherit())
        .output()
        .context("cannot run ttis-api openapi")?;
    if !out.status.success() {
        bail!("ttis-api openapi failed");
    }
    let path = root.join("openapi/openapi.json");
    std::fs::write(&path, &out.stdout).with_context(|| format!("cannot write {}", path.display()))?;
    println!("wrote {} ({} bytes)", path.display(), out.stdout.len());
    Ok(())
}

struct Step {
    name: &'static str,
    ok: bool,
    secs: f64,
}

fn test(root: &Path, _args: &[String]) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut steps: Vec<Step> = Vec::new();
    let mut step = |name: &'static str, f: &mut dyn FnMut() -> anyhow::Result<bool>| {
        println!("\n==> {name}");
        let t = Instant::now();
        let ok = match f() {
            Ok(ok) => ok,
            Err(e) => {
                eprintln!("{name}: {e:#}");
                false
            }
        };
        println!("<== {name}: {} in {:.0}s", if ok { "ok" } else { "FAILED" }, t.elapsed().as_secs_f64());
        steps.push(Step { name, ok, secs: t.elapsed().as_secs_f64() });
        ok
    };

    let tools_ok = step("install the tools the tests need", &mut || {
        env::ensure_wasm_target()?;
        env::ensure_browser()?;
        env::ensure_pdf_tools()?;
        env::ensure_compose_validator()?;
        env::ensure_postgres()?;
        env::ensure_schemathesis()?;
        env::ensure_nginx()?;
        env::ensure_openssl()?;
        env::ensure_moto()?;
        env::drop_stale_test_databases();
        Ok(true)
    });
    step("cargo fmt --check", &mut || status(cargo(root).args(["fmt", "--all", "--", "--check"])));
    step("tidy (module cycles, file lengths, ARCHITECTURE.md paths)", &mut || tidy::run(root, &[]).map(|()| true));
    step("cargo clippy (host)", &mut || {
        status(cargo(root).args([
            "clippy",
            "--workspace",
            "--exclude",
            "ttis-web",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    step("cargo clippy (SPA, wasm32: the public and the staff build)", &mut || {
        let mut ok = true;
        for features in [&[][..], &["--features", "staff"][..]] {
            ok &= status(
                cargo(root)
                    .args(["clippy", "-p", "ttis-web", "--target", "wasm32-unknown-unknown", "--all-targets"])
                    .args(features)
                    .args(["--", "-D", "warnings"]),
            )?;
        }
        Ok(ok)
    });
    let web_ok = step("build the SPA", &mut || web::build(root, &target_dir(root)).map(|()| true));
    let mut counts = (0u64, 0u64);
    if tools_ok && web_ok {
        step("unit, integration (SQLite + PostgreSQL), browser and OpenAPI drift tests", &mut || {
            let (ok, passed, failed) = env::nextest(root)?;
            counts = (passed, failed);
            Ok(ok)
        });
    } else {
        println!("\n(tests skipped: a step they need failed)");
        steps.push(Step { name: "tests", ok: false, secs: 0.0 });
    }

    println!("\n==> summary ({:.0}s)", started.elapsed().as_secs_f64());
    for s in &steps {
        println!("    {:<8} {:>5.0}s  {}", if s.ok { "ok" } else { "FAILED" }, s.secs, s.name);
    }
    let failed_steps = steps.iter().filter(|s| !s.ok).count();
    println!("tests: {} passed, {} failed", counts.0, counts.1);
    if failed_steps > 0 {
        bail!("{failed_steps} step(s) failed");
    }
    Ok(())
}
