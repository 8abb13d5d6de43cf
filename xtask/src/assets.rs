//! What `build-web` does to `web/dist` after wasm-bindgen: content hashes in the asset names, every
//! reference to them rewritten (the bindings' `new URL('<name>_bg.wasm', import.meta.url)`, the
//! boot scripts' imports, the pages' stylesheet, `modulepreload` and wasm `preload`), `staff.html`
//! derived from `index.html`, and Brotli and gzip copies beside every compressible file.
//!
//! A hashed name is `<stem>.<16 hex digits of SHA-256>.<ext>` (`ttis_web_bg.0123456789abcdef.wasm`);
//! the server gives such names a year of immutable caching and the pages `no-cache`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use sha2::{Digest, Sha256};

/// One build of the SPA, as named before hashing.
pub struct Bundle {
    /// wasm-bindgen's output name: `{out_name}.js` and `{out_name}_bg.wasm`.
    pub out_name: &'static str,
    /// The module script the page loads.
    pub boot: &'static str,
}

/// The hashed names of one bundle's files.
#[derive(Debug, Clone)]
pub struct Hashed {
    pub wasm: String,
    pub bindings: String,
    pub boot: String,
}

/// The pages and the stylesheet they share.
const INDEX: &str = "index.html";
const STAFF: &str = "staff.html";
const STYLESHEET: &str = "style.css";

/// Extensions worth compressing (the pages are filled and compressed by the server at start-up).
const COMPRESSIBLE: [&str; 7] = ["js", "wasm", "css", "svg", "json", "txt", "map"];

/// `name` with the first 16 hex digits of the SHA-256 of `bytes` before its extension.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hash: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// Renames `dist/name` to its hashed name; returns that name.
fn rename_hashed(dist: &Path, name: &str) -> anyhow::Result<String> {
    let path = dist.join(name);
    let bytes = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    let hashed = hashed_name(name, &bytes);
    fs::rename(&path, dist.join(&hashed)).with_context(|| format!("renaming {} to {hashed}", path.display()))?;
    Ok(hashed)
}

/// Replaces each `from` (which must occur exactly once: a changed generator must fail the build,
/// not leave a page naming a file that is gone) by its `to`, in `text`.
fn replace_once(text: &str, what: &str, replacements: &[(String, String)]) -> anyhow::Result<String> {
    let mut out = text.to_string();
    for (from, to) in replacements {
        match out.matches(from.as_str()).count() {
            1 => out = out.replacen(from.as_str(), to, 1),
            n => bail!("{what} names {from:?} {n} times (expected once); cannot rewrite it to the hashed name"),
        }
    }
    Ok(out)
}

fn rewrite(path: &Path, replacements: &[(String, String)]) -> anyhow::Result<()> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let out = replace_once(&text, &path.display().to_string(), replacements)?;
    fs::write(path, out).with_context(|| format!("writing {}", path.display()))
}

/// Hashes one bundle's files, inside out: the wasm, then the bindings that name it, then the boot
/// script that imports the bindings.
fn hash_bundle(dist: &Path, bundle: &Bundle) -> anyhow::Result<Hashed> {
    let wasm = rename_hashed(dist, &format!("{}_bg.wasm", bundle.out_name))?;
    let bindings_name = format!("{}.js", bundle.out_name);
    rewrite(&dist.join(&bindings_name), &[(format!("'{}_bg.wasm'", bundle.out_name), format!("'{wasm}'"))])?;
    let bindings = rename_hashed(dist, &bindings_name)?;
    rewrite(&dist.join(bundle.boot), &[(format!("'/{bindings_name}'"), format!("'/{bindings}'"))])?;
    let boot = rename_hashed(dist, bundle.boot)?;
    Ok(Hashed { wasm, bindings, boot })
}

/// Hashes both bundles and the stylesheet, rewrites `index.html` to name them and writes
/// `staff.html` (the same page loading the staff bundle). Returns the public and staff names.
pub fn fingerprint(dist: &Path, public: &Bundle, staff: &Bundle) -> anyhow::Result<(Hashed, Hashed)> {
    if dist.join("snippets").exists() {
        // Snippets are imported by the bindings under names wasm-bindgen chooses; they would need
        // hashing and rewriting too before they could be cached like the rest.
        bail!("wasm-bindgen wrote snippets/ (inline JS); fingerprinting them is not implemented");
    }
    let public_names = hash_bundle(dist, public)?;
    let staff_names = hash_bundle(dist, staff)?;
    let stylesheet = rename_hashed(dist, STYLESHEET)?;

    let index = dist.join(INDEX);
    rewrite(
        &index,
        &[
            (format!("href=\"/{STYLESHEET}\""), format!("href=\"/{stylesheet}\"")),
            (format!("href=\"/{}.js\"", public.out_name), format!("href=\"/{}\"", public_names.bindings)),
            (format!("href=\"/{}_bg.wasm\"", public.out_name), format!("href=\"/{}\"", public_names.wasm)),
            (format!("src=\"/{}\"", public.boot), format!("src=\"/{}\"", public_names.boot)),
        ],
    )?;
    let html = fs::read_to_string(&index).with_context(|| format!("reading {}", index.display()))?;
    let staff_html = replace_once(
        &html,
        INDEX,
        &[
            (public_names.bindings.clone(), staff_names.bindings.clone()),
            (public_names.wasm.clone(), staff_names.wasm.clone()),
            (public_names.boot.clone(), staff_names.boot.clone()),
        ],
    )?;
    let page = dist.join(STAFF);
    fs::write(&page, staff_html).with_context(|| format!("writing {}", page.display()))?;
    Ok((public_names, staff_names))
}

fn files_under(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

pub fn gzip(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?)
}

pub fn brotli(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        // Quality 11 (the best), a 16 MiB window: slow once at build time, smallest for every visit.
        let mut enc = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 24);
        enc.write_all(bytes)?;
        enc.flush()?;
    }
    Ok(out)
}

/// Writes `<file>.br` and `<file>.gz` beside each compressible file of `dist` (each only when it
/// is smaller than the file), two files at a time.
pub fn precompress(dist: &Path) -> anyhow::Result<()> {
    let files: Vec<PathBuf> = files_under(dist)?
        .into_iter()
        .filter(|p| p.extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSIBLE.contains(&e)))
        .collect();
    // The largest first, so the two threads finish together.
    let mut files: Vec<(u64, PathBuf)> =
        files.into_iter().map(|p| (fs::metadata(&p).map(|m| m.len()).unwrap_or(0), p)).collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    let queue = std::sync::Mutex::new(files.into_iter().map(|(_, p)| p).collect::<Vec<_>>());
    let next = || queue.lock().ok().and_then(|mut q| if q.is_empty() { None } else { Some(q.remove(0)) });
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| -> anyhow::Result<()> {
                    while let Some(path) = next() {
                        compress_one(&path)?;
                    }
                    Ok(())
                })
            })
            .collect();
        for w in workers {
            match w.join() {
                Ok(result) => result?,
                Err(_) => bail!("a compression thread panicked"),
            }
        }
        Ok(())
    })
}

fn compress_one(path: &Path) -> anyhow::Result<()> {
    let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    for (ext, packed) in [("br", brotli(&bytes)?), ("gz", gzip(&bytes)?)] {
        if packed.len() < bytes.len() {
            let mut name = path.as_os_str().to_owned();
            name.push(".");
            name.push(ext);
            fs::write(&name, packed).with_context(|| format!("writing {}.{ext}", path.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_name_keeps_the_extension_and_changes_with_the_content() {
        let a = hashed_name("ttis_web_bg.wasm", b"one");
        let b = hashed_name("ttis_web_bg.wasm", b"two");
        assert!(a.starts_with("ttis_web_bg.") && a.ends_with(".wasm"), "{a}");
        assert_eq!(a.len(), "ttis_web_bg.".len() + 16 + ".wasm".len());
        assert_ne!(a, b);
        assert_eq!(a, hashed_name("ttis_web_bg.wasm", b"one"));
    }

    #[test]
    fn a_reference_must_be_there_exactly_once() {
        let r = |from: &str| vec![(from.to_string(), "x".to_string())];
        assert_eq!(replace_once("a 'b' c", "t", &r("'b'")).ok().as_deref(), Some("a x c"));
        assert!(replace_once("a c", "t", &r("'b'")).is_err(), "missing");
        assert!(replace_once("'b' 'b'", "t", &r("'b'")).is_err(), "twice");
    }
}
