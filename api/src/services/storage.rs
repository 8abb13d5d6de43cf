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

/// Files put into the store for a transaction that has not committed yet. The rows that name
/// them are written in the transaction; [`StagedFiles::commit`] commits it. Dropped before that
/// (an early `?`, a failed commit, a cancelled request), it removes every file it put, so no
/// file is left in the store without its row.
pub struct StagedFiles {
    store: std::sync::Arc<dyn EvidenceStore>,
    keys: Vec<String>,
}

impl StagedFiles {
    pub fn new(store: std::sync::Arc<dyn EvidenceStore>) -> StagedFiles {
        StagedFiles { store, keys: Vec::new() }
    }

    /// Moves a finished upload (a temporary file in the incoming folder) into the store under a
    /// new key; returns the key.
    pub async fn put_file(&mut self, file: &Path) -> anyhow::Result<String> {
        let key = uuid::Uuid::new_v4().to_string();
        self.store.put(&key, file).await?;
        self.keys.push(key.clone());
        Ok(key)
    }

    /// Writes bytes (a rendered PDF) into the store under a new key; returns the key.
    pub async fn put_bytes(&mut self, bytes: &[u8]) -> anyhow::Result<String> {
        let temp = self.store.incoming_dir().join(uuid::Uuid::new_v4().to_string());
        tokio::fs::write(&temp, bytes).await.context("writing a file to the store's incoming folder")?;
        match self.put_file(&temp).await {
            Ok(key) => Ok(key),
            Err(e) => {
                let _ = tokio::fs::remove_file(&temp).await;
                Err(e)
            }
        }
    }

    /// Commits the transaction that holds the files' rows; from then on the files stay. When the
    /// commit fails, the files are removed before this returns.
    pub async fn commit(mut self, txn: sea_orm::DatabaseTransaction) -> Result<(), sea_orm::DbErr> {
        match txn.commit().await {
            Ok(()) => {
                self.keys.clear();
                Ok(())
            }
            Err(e) => {
                self.discard().await;
                Err(e)
            }
        }
    }

    /// Removes every file put so far, before it returns (the caller's answer then finds the store
    /// as it was; dropping the set removes them too, but in a task of its own).
    pub async fn discard(mut self) {
        for key in std::mem::take(&mut self.keys) {
            if let Err(e) = self.store.delete(&key).await {
                tracing::error!(key, error = %e, "cannot remove a staged file whose transaction did not commit");
            }
        }
    }
}

impl Drop for StagedFiles {
    fn drop(&mut self) {
        if self.keys.is_empty() {
            return;
        }
        let keys = std::mem::take(&mut self.keys);
        let store = self.store.clone();
        let remove = async move {
            for key in keys {
                if let Err(e) = store.delete(&key).await {
                    tracing::error!(key, error = %e, "cannot remove a staged file whose transaction did not commit");
                }
            }
        };
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(remove);
            }
            Err(_) => tracing::error!("staged files dropped outside the runtime: left in the store"),
        }
    }
}
