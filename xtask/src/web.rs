//! Builds the SPA into `web/dist`, in two variants of the one `ttis-web` crate: the public build
//! (`index.html`, `boot.js`, `ttis_web*`: what a member of the public downloads) and the staff
//! build with the `staff` feature (`staff.html`, `boot-staff.js`, `ttis_web_staff*`), which the
//! server serves for `/staff` and `/staff/...`. Each is a release wasm, wasm-bindgen as a library
//! and wasm-opt when available; then the static files (`web/static/`), content hashes in the asset
//! names with Brotli and gzip copies beside them (`assets`), and the sizes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::assets;

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
    let bundle = |v: &Variant| assets::Bundle { out_name: v.out_name, boot: v.boot };
    let (public, staff) = assets::fingerprint(&dist, &bundle(&PUBLIC), &bundle(&STAFF))?;
    let started = std::time::Instant::now();
    assets::precompress(&dist)?;
    println!("Brotli and gzip copies written in {:.1} s", started.elapsed().as_secs_f64());

    for (variant, names) in [(&PUBLIC, &public), (&STAFF, &staff)] {
        report_sizes(&dist, variant, names)?;
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

fn human(n: u64) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

fn size(path: &Path) -> u64 {
    fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// The sizes of what a first visit to a variant's page downloads besides the page: its wasm, its
/// JavaScript (bindings and boot script) and the stylesheet, raw and as the `.br` and `.gz` copies
/// the server sends (a file without a smaller copy counts as itself).
fn report_sizes(dist: &Path, variant: &Variant, names: &assets::Hashed) -> anyhow::Result<()> {
    let stylesheet = fs::read_dir(dist)?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .find(|n| n.starts_with("style.") && n.ends_with(".css"))
        .unwrap_or_default();
    println!("{} build ({}):", variant.name, variant.page);
    let (mut raw, mut br, mut gz) = (0, 0, 0);
    for (what, name) in
        [("wasm", &names.wasm), ("bindings", &names.bindings), ("boot", &names.boot), ("css", &stylesheet)]
    {
        let path = dist.join(name);
        let r = size(&path);
        if r == 0 {
            bail!("{} is missing or empty", path.display());
        }
        let packed = |ext: &str| {
            let s = size(&dist.join(format!("{name}.{ext}")));
            if s == 0 { r } else { s }
        };
        let (b, g) = (packed("br"), packed("gz"));
        println!("  {what:<9} {name}: {} raw, {} br, {} gzip", human(r), human(b), human(g));
        raw += r;
        br += b;
        gz += g;
    }
    println!("  total: {} raw, {} br, {} gzip", human(raw), human(br), human(gz));
    Ok(())
}
