//! Builds the SPA into `web/dist`: release wasm, wasm-bindgen as a library, wasm-opt when
//! available, then the static files (`web/static/`), and prints the sizes.

use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "release-wasm";
const CRATE: &str = "ttis-web";
const OUT_NAME: &str = "ttis_web";
/// The npm `binaryen` package: Debian's binaryen is too old to parse what current rustc emits.
const BINARYEN_NPM: &str = "binaryen@132.0.0";
const WASM_OPT_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

/// Builds the SPA (release wasm, wasm-bindgen as a library, wasm-opt when available) into `web/dist`.
pub fn build(root: &Path, target_dir: &Path) -> anyhow::Result<()> {
    let dist = root.join("web").join("dist");

    cargo_build(root, target_dir)?;

    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| format!("removing {}", dist.display()))?;
    }
    fs::create_dir_all(&dist).with_context(|| format!("creating {}", dist.display()))?;

    let input = target_dir.join(WASM_TARGET).join(PROFILE).join(format!("{OUT_NAME}.wasm"));
    if !input.is_file() {
        bail!("cargo did not produce {}", input.display());
    }
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&input)
        .web(true)?
        .omit_default_module_path(false)
        .typescript(false)
        .out_name(OUT_NAME)
        .generate(&dist)
        .with_context(|| format!("wasm-bindgen on {}", input.display()))?;

    let wasm = dist.join(format!("{OUT_NAME}_bg.wasm"));
    optimise(&wasm, target_dir);

    let static_dir = root.join("web").join("static");
    copy_dir(&static_dir, &dist).with_context(|| format!("copying {}", static_dir.display()))?;

    report_sizes(&dist, &wasm)?;
    println!("SPA built into {}", dist.display());
    Ok(())
}

fn cargo_build(root: &Path, target_dir: &Path) -> anyhow::Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root)
        .args(["build", "-p", CRATE, "--target", WASM_TARGET, "--profile", PROFILE])
        .env("CARGO_TARGET_DIR", target_dir);
    // Cargo sets these for the xtask itself; passed on, they change the fingerprints of crates with
    // build scripts and make every switch between `cargo xtask` and plain `cargo build` rebuild them.
    for (key, _) in std::env::vars_os() {
        let Some(key) = key.to_str() else { continue };
        let drop = matches!(
            key,
            "CARGO_MANIFEST_DIR"
                | "CARGO_MANIFEST_PATH"
                | "CARGO_CRATE_NAME"
                | "CARGO_BIN_NAME"
                | "CARGO_PRIMARY_PACKAGE"
        ) || key.starts_with("CARGO_PKG_");
        if drop {
            cmd.env_remove(key);
        }
    }
    let status = cmd.status().context("running cargo build for the SPA")?;
    if !status.success() {
        bail!("cargo build -p {CRATE} --target {WASM_TARGET} failed ({status})");
    }
    Ok(())
}

fn program_exists(name: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(name).is_file()))
        .unwrap_or(false)
}

/// Runs wasm-opt in place when it can be had; never fails the build.
fn optimise(wasm: &Path, target_dir: &Path) {
    let tools = target_dir.join("tools");
    let wasm_opt: PathBuf = tools.join("node_modules").join(".bin").join("wasm-opt");
    if !wasm_opt.is_file() {
        if program_exists("npm") {
            println!("installing wasm-opt ({BINARYEN_NPM}) into {}", tools.display());
            let ok = fs::create_dir_all(&tools).is_ok()
                && Command::new("npm")
                    .arg("install")
                    .arg("--prefix")
                    .arg(&tools)
                    .args(["--no-audit", "--no-fund", BINARYEN_NPM])
                    .status()
                    .map(|s| s.success())
                    .unwrap_or(false);
            if !ok {
                println!("note: could not install {BINARYEN_NPM} with npm; the wasm stays un-optimised");
            }
        } else {
            println!("note: npm not found; the wasm stays un-optimised (install npm for wasm-opt)");
        }
    }
    if !wasm_opt.is_file() {
        return;
    }
    let before = fs::metadata(wasm).map(|m| m.len()).unwrap_or(0);
    let tmp = wasm.with_extension("opt.wasm");
    let status = Command::new(&wasm_opt).arg("-Oz").args(WASM_OPT_FEATURES).arg(wasm).arg("-o").arg(&tmp).status();
    match status {
        Ok(s) if s.success() && tmp.is_file() => match fs::rename(&tmp, wasm) {
            Ok(()) => {
                let after = fs::metadata(wasm).map(|m| m.len()).unwrap_or(0);
                println!("wasm-opt -Oz: {} -> {}", human(before), human(after));
            }
            Err(e) => {
                println!("warning: could not replace the wasm with wasm-opt's output ({e}); keeping it un-optimised")
            }
        },
        Ok(s) => {
            let _ = fs::remove_file(&tmp);
            println!("warning: wasm-opt failed ({s}); keeping the un-optimised wasm");
        }
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            println!("warning: could not run {} ({e}); keeping the un-optimised wasm", wasm_opt.display());
        }
    }
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            fs::copy(&path, &dest).with_context(|| format!("copying {}", path.display()))?;
        }
    }
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> anyhow::Result<u64> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?.len() as u64)
}

fn human(n: u64) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

fn report_sizes(dist: &Path, wasm: &Path) -> anyhow::Result<()> {
    let wasm_bytes = fs::read(wasm).with_context(|| format!("reading {}", wasm.display()))?;
    let wasm_gz = gzip_len(&wasm_bytes)?;

    // Every JavaScript file the page loads: the bindings, the boot script and any snippets.
    let mut js_raw = 0u64;
    let mut js_gz = 0u64;
    let mut stack = vec![dist.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension() == Some(OsStr::new("js")) {
                let bytes = fs::read(&path)?;
                js_raw += bytes.len() as u64;
                js_gz += gzip_len(&bytes)?;
            }
        }
    }

    println!("wasm: {} raw, {} gzip", human(wasm_bytes.len() as u64), human(wasm_gz));
    println!("js:   {} raw, {} gzip", human(js_raw), human(js_gz));
    println!("total (wasm + js): {} gzip", human(wasm_gz + js_gz));
    Ok(())
}
