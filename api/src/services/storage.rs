//! The evidence store: files under server-generated keys, outside anything served statically.
//! The local folder (`<data dir>/evidence`) is the embedded default; an S3-compatible store can
//! implement [`EvidenceStore`] for several replicas.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;

use anyhow::Context;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

pub trait EvidenceStore: Send + Sync {
    /// Moves a finished upload (a local temporary file) into the store under `key`, durably.
    fn put<'a>(&'a self, key: &'a str, file: &'a Path) -> BoxFuture<'a, anyhow::Result<()>>;
    /// Removes an object (used when the submission that uploaded it failed).
    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<()>>;
    /// A local path to read the object from.
    fn path_of(&self, key: &str) -> anyhow::Result<PathBuf>;
    /// Where uploads in progress are written (same file system as the store, so `put` is a rename).
    fn incoming_dir(&self) -> PathBuf;
}

pub struct LocalEvidenceStore {
    root: PathBuf,
}

impl LocalEvidenceStore {
    pub fn new(root: PathBuf) -> anyhow::Result<LocalEvidenceStore> {
        std::fs::create_dir_all(root.join(".incoming"))
            .with_context(|| format!("cannot create the evidence store at {}", root.display()))?;
        Ok(LocalEvidenceStore { root })
    }

    /// Keys are server-generated (`uuid`): letters, digits and dashes only, so no key can name a
    /// path outside the store.
    fn checked(&self, key: &str) -> anyhow::Result<PathBuf> {
        if key.is_empty() || key.len() > 64 || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            anyhow::bail!("invalid storage key");
        }
        Ok(self.root.join(&key[..2]).join(key))
    }
}

impl EvidenceStore for LocalEvidenceStore {
    fn put<'a>(&'a self, key: &'a str, file: &'a Path) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let dest = self.checked(key)?;
            if let Some(dir) = dest.parent() {
                tokio::fs::create_dir_all(dir).await?;
            }
            tokio::fs::rename(file, &dest).await.context("moving evidence into the store")?;
            if let Some(dir) = dest.parent() {
                // Make the rename itself durable.
                let dir = dir.to_path_buf();
                tokio::task::spawn_blocking(move || std::fs::File::open(dir).and_then(|d| d.sync_all())).await??;
            }
            Ok(())
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let path = self.checked(key)?;
            match tokio::fs::remove_file(path).await {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(e.into()),
            }
        })
    }

    fn path_of(&self, key: &str) -> anyhow::Result<PathBuf> {
        self.checked(key)
    }

    fn incoming_dir(&self) -> PathBuf {
        self.root.join(".incoming")
    }
}
