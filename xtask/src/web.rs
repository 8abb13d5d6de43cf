//! Builds the SPA into `web/dist` (owned by the SPA work; see `build`).

use std::path::Path;

/// Builds the SPA (release wasm, wasm-bindgen as a library, wasm-opt when available) into `web/dist`.
pub fn build(_root: &Path, _target_dir: &Path) -> anyhow::Result<()> {
    anyhow::bail!("the SPA build is not written yet")
}
