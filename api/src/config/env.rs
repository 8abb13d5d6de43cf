//! Where settings come from: the process environment in production, a map in tests; and the
//! readers of typed values and of secrets (`NAME` or the file `NAME_FILE` names).

use std::collections::HashMap;
use std::fmt;

use anyhow::Context;

/// A source of environment variables; the process environment in production, a map in tests.
pub trait Env {
    fn var(&self, name: &str) -> Option<String>;
    /// Every set variable whose name starts with `prefix`.
    fn vars_with_prefix(&self, prefix: &str) -> Vec<(String, String)>;
}

pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }

    fn vars_with_prefix(&self, prefix: &str) -> Vec<(String, String)> {
        std::env::vars().filter(|(k, v)| k.starts_with(prefix) && !v.is_empty()).collect()
    }
}

impl Env for HashMap<String, String> {
    fn var(&self, name: &str) -> Option<String> {
        self.get(name).cloned().filter(|v| !v.is_empty())
    }

    fn vars_with_prefix(&self, prefix: &str) -> Vec<(String, String)> {
        self.iter()
            .filter(|(k, v)| k.starts_with(prefix) && !v.is_empty())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

pub(super) fn parse<T: std::str::FromStr>(env: &dyn Env, name: &str) -> anyhow::Result<Option<T>>
where
    T::Err: fmt::Display,
{
    match env.var(name) {
        None => Ok(None),
        Some(raw) => raw.trim().parse::<T>().map(Some).map_err(|e| anyhow::anyhow!("{name}={raw:?}: {e}")),
    }
}

/// Reads `NAME`, or the contents of the file named by `NAME_FILE` (Docker / Kubernetes secrets).
pub(super) fn secret_var(env: &dyn Env, name: &str) -> anyhow::Result<Option<String>> {
    if let Some(v) = env.var(name) {
        return Ok(Some(v));
    }
    match env.var(&format!("{name}_FILE")) {
        None => Ok(None),
        Some(path) => {
            let text = std::fs::read_to_string(&path).with_context(|| format!("{name}_FILE: cannot read {path}"))?;
            Ok(Some(text.trim_end_matches(['\n', '\r']).to_string()))
        }
    }
}
