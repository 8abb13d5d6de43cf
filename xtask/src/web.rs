//! Builds the SPA into `web/dist`, in two variants of the one `ttis-web` crate: the public build
//! (`index.html`, `boot.js`, `ttis_web*`: what a member of the public downloads) and the staff
//! build with the `staff` feature (`staff.html`, `boot-staff.js`, `ttis_web_staff*`), which the
//! server serves for `/staff` and `/staff/...`. Each is a release wasm, wasm-bindgen as a library
//! and wasm-opt when available; then the static files (`web/static/`), and the sizes.

use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "release-wasm";
const CRATE: &str = "ttis-web";
/// The file cargo writes, whichever variant it built.
const CARGO_OUT: &str = "ttis_web";
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

/// One build of the SPA.
struct Variant {
    name: &'static str,
    /// The cargo features of `ttis-web`.
    features: &'static [&'static str],
    /// wasm-bindgen's output name: `{out_name}.js` and `{out_name}_bg.wasm`.
    out_name: &'static str,
    /// The module script the page loads (in `web/static/`).
    boot: &'static str,
    /// The page that loads it.
    page: &'static str,
}

const PUBLIC: Variant =
    Variant { name: "public", features: &[], out_name: "ttis_web", boot: "boot.js", page: "index.html" };
const STAFF: Variant = Variant {
    name: "staff",
    features: &["staff"],
    out_name: "ttis_web_staff",
    boot: "boot-staff.js",
    page: "staff.html",
};

/// Builds both variants of the SPA (release wasm, wasm-bindgen as a library, wasm-opt when
/// available) into `web/dist`.
pub fn build(root: &Path, target_dir: &Path) -> anyhow::Result<()> {
    let dist = root.join("web").join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| format!("removing {}", dist.display()))?;
    }
    fs::create_dir_all(&dist).with_context(|| format!("creating {}", dist.display()))?;

    // Both builds write the same `ttis_web.wasm`: each is bound into `dist` before the next one.
    for variant in [&PUBLIC, &STAFF] {
        cargo_build(root, target_dir, variant)?;
        bindgen(target_dir, &dist, variant)?;
        optimise(&dist.join(format!("{}_bg.wasm", variant.out_name)), target_dir);
    }

    let static_dir = root.join("web").join("static");
    copy_dir(&static_dir, &dist).with_context(|| format!("copying {}", static_dir.display()))?;
    write_staff_page(&dist)?;

    for variant in [&PUBLIC, &STAFF] {
        report_sizes(&dist, variant)?;
    }
    println!("SPA built into {}", dist.display());
    Ok(())
}

fn bindgen(target_dir: &Path, dist: &Path, variant: &Variant) -> anyhow::Result<()> {
    let input = target_dir.join(WASM_TARGET).join(PROFILE).join(format!("{CARGO_OUT}.wasm"));
    if !input.is_file() {
        bail!("cargo did not produce {}", input.display());
    }
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&input)
        .web(true)?
        .omit_default_module_path(false)
        .typescript(false)
        .out_name(variant.out_name)
        .generate(dist)
        .with_context(|| format!("wasm-bindgen on {} ({} build)", input.display(), variant.name))
}

/// `staff.html`: `index.html` loading the staff build's boot script (and preloading its bindings).
fn write_staff_page(dist: &Path) -> anyhow::Result<()> {
    let index = dist.join(PUBLIC.page);
    let html = fs::read_to_string(&index).with_context(|| format!("reading {}", index.display()))?;
    let boot = (format!("src=\"/{}\"", PUBLIC.boot), format!("src=\"/{}\"", STAFF.boot));
    let preload = (format!("href=\"/{}.js\"", PUBLIC.out_name), format!("href=\"/{}.js\"", STAFF.out_name));
    if !html.contains(&boot.0) {
        bail!("{} does not load {}; cannot derive {}", index.display(), boot.0, STAFF.page);
    }
    let staff = html.replace(&boot.0, &boot.1).replace(&preload.0, &preload.1);
    let page = dist.join(STAFF.page);
    fs::write(&page, staff).with_context(|| format!("writing {}", page.display()))
}

fn cargo_build(root: &Path, target_dir: &Path, variant: &Variant) -> anyhow::Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root)
        .args(["build", "-p", CRATE, "--target", WASM_TARGET, "--profile", PROFILE])
        .env("CARGO_TARGET_DIR", target_dir);
    if !variant.features.is_empty() {
        cmd.arg("--features").arg(variant.features.join(","));
    }
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
    let status = cmd.status().with_context(|| format!("running cargo build for the {} SPA", variant.name))?;
    if !status.success() {
        bail!("cargo build -p {CRATE} --target {WASM_TARGET} ({} build) failed ({status})", variant.name);
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

/// The sizes of what a variant's page downloads: its wasm, and its JavaScript (the bindings, the
/// boot script and any wasm-bindgen snippets).
fn report_sizes(dist: &Path, variant: &Variant) -> anyhow::Result<()> {
    let wasm = dist.join(format!("{}_bg.wasm", variant.out_name));
    let wasm_bytes = fs::read(&wasm).with_context(|| format!("reading {}", wasm.display()))?;
    let wasm_gz = gzip_len(&wasm_bytes)?;

    let mut scripts = vec![dist.join(format!("{}.js", variant.out_name)), dist.join(variant.boot)];
    let mut stack = vec![dist.join("snippets")];
    while let Some(dir) = stack.pop() {
        if !dir.is_dir() {
            continue;
        }
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension() == Some(OsStr::new("js")) {
                scripts.push(path);
            }
        }
    }
    let mut js_raw = 0u64;
    let mut js_gz = 0u64;
    for path in &scripts {
        let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        js_raw += bytes.len() as u64;
        js_gz += gzip_len(&bytes)?;
    }

    println!("{} build ({}):", variant.name, variant.page);
    println!("  wasm: {} raw, {} gzip", human(wasm_bytes.len() as u64), human(wasm_gz));
    println!("  js:   {} raw, {} gzip", human(js_raw), human(js_gz));
    println!("  total (wasm + js): {} raw, {} gzip", human(wasm_bytes.len() as u64 + js_raw), human(wasm_gz + js_gz));
    Ok(())
}
