//! The evidence store: files under server-generated keys, outside anything served statically.
//! Two kinds behind [`EvidenceStore`], chosen by `TTIS_STORE_URL` ([`open`]):
//! - the local folder (`<data dir>/evidence`, or `file:///path`), the embedded default;
//! - an S3-compatible bucket (`s3://bucket/prefix`, [`object::ObjectEvidenceStore`]), which
//!   several replicas share.
//!
//! Either way, an upload is first received into a local staging folder ([`EvidenceStore::incoming_dir`])
//! with its limits enforced while it streams, and written into the store only once accepted.
//! Reading answers a stream, so no download is held whole in memory.

pub mod object;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;

use anyhow::Context;
use bytes::Bytes;
use futures_util::stream::{BoxStream, StreamExt};

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// An object's key and when it was written.
pub type Listed = (String, chrono::DateTime<chrono::Utc>);

/// An object read from the store: its size and its bytes as a stream.
pub struct StoredObject {
    pub size: u64,
    pub stream: BoxStream<'static, std::io::Result<Bytes>>,
}

impl StoredObject {
    /// The whole object in memory (for an email attachment: a rendered PDF of a few hundred KiB).
    pub async fn bytes(mut self) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(usize::try_from(self.size).unwrap_or(0).min(64 << 20));
        while let Some(chunk) = self.stream.next().await {
            out.extend_from_slice(&chunk?);
        }
        Ok(out)
    }
}

pub trait EvidenceStore: Send + Sync {
    /// Moves a finished upload (a local file in [`EvidenceStore::incoming_dir`]) into the store
    /// under `key`, durably; the local file is gone afterwards, whatever the outcome.
    fn put<'a>(&'a self, key: &'a str, file: &'a Path) -> BoxFuture<'a, anyhow::Result<()>>;
    /// Removes an object (used when the submission that uploaded it failed); a missing one is fine.
    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<()>>;
    /// Opens an object for reading.
    fn open<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<StoredObject>>;
    /// Where uploads in progress are written: always a local folder.
    fn incoming_dir(&self) -> PathBuf;
    /// Readiness: the store answers (the local folder takes a write; the bucket answers a request).
    fn probe(&self) -> BoxFuture<'_, anyhow::Result<()>>;
    /// `file:///…` or `s3://bucket/prefix`, for logs and `migrate-store`.
    fn describe(&self) -> String;
    /// Every object's key and when it was written (for `sweep-store`).
    fn list(&self) -> BoxFuture<'_, anyhow::Result<Vec<Listed>>>;
}

/// Keys are server-generated (`uuid`): letters, digits and dashes only, so no key can name a
/// path outside the store. Objects sit under the key's first two characters (`ab/abcd…`).
pub fn checked_key(key: &str) -> anyhow::Result<String> {
    if key.len() < 2 || key.len() > 64 || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        anyhow::bail!("invalid storage key");
    }
    Ok(format!("{}/{key}", &key[..2]))
}

/// The store `TTIS_STORE_URL` names: unset or `file://` for a local folder (by default
/// `<data dir>/evidence`), `s3://bucket/prefix` for a bucket configured from the standard
/// `AWS_*` variables. Uploads are staged in `<data dir>/incoming` for a bucket.
pub fn open(
    store_url: Option<&str>,
    options: &[(String, String)],
    data_dir: &Path,
) -> anyhow::Result<Arc<dyn EvidenceStore>> {
    if let Some(root) = local_root(store_url, data_dir) {
        return Ok(Arc::new(LocalEvidenceStore::new(root)?));
    }
    match store_url.map(str::trim).unwrap_or_default() {
        url if url.starts_with("s3://") => {
            Ok(Arc::new(object::ObjectEvidenceStore::from_url(url, options, data_dir.join("incoming"))?))
        }
        url => anyhow::bail!("TTIS_STORE_URL: `{url}` is neither file:///folder nor s3://bucket/prefix"),
    }
}

/// The folder of a local store (`None` for a bucket).
pub fn local_root(store_url: Option<&str>, data_dir: &Path) -> Option<PathBuf> {
    match store_url.map(str::trim).filter(|u| !u.is_empty()) {
        None => Some(data_dir.join("evidence")),
        Some(url) => url.strip_prefix("file://").filter(|p| !p.is_empty()).map(PathBuf::from),
    }
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

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn checked(&self, key: &str) -> anyhow::Result<PathBuf> {
        Ok(self.root.join(checked_key(key)?))
    }
}

/// A local file as a stream of 64 KiB chunks.
pub async fn file_stream(path: &Path) -> std::io::Result<StoredObject> {
    let file = tokio::fs::File::open(path).await?;
    let size = file.metadata().await?.len();
    let stream = futures_util::stream::unfold(file, |mut file| async move {
        use tokio::io::AsyncReadExt;
        let mut buf = vec![0u8; 64 * 1024];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok(Bytes::from(buf)), file))
            }
            Err(e) => Some((Err(e), file)),
        }
    });
    Ok(StoredObject { size, stream: stream.boxed() })
}

impl EvidenceStore for LocalEvidenceStore {
    fn put<'a>(&'a self, key: &'a str, file: &'a Path) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let dest = match self.checked(key) {
                Ok(dest) => dest,
                Err(e) => {
                    let _ = tokio::fs::remove_file(file).await;
                    return Err(e);
                }
            };
            if let Some(dir) = dest.parent() {
                tokio::fs::create_dir_all(dir).await?;
            }
            if let Err(e) = tokio::fs::rename(file, &dest).await {
                let _ = tokio::fs::remove_file(file).await;
                return Err(anyhow::Error::from(e).context("moving evidence into the store"));
            }
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

    fn open<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<StoredObject>> {
        Box::pin(async move {
            let path = self.checked(key)?;
            file_stream(&path).await.with_context(|| format!("reading {key} from the evidence store"))
        })
    }

    fn incoming_dir(&self) -> PathBuf {
        self.root.join(".incoming")
    }

    fn probe(&self) -> BoxFuture<'_, anyhow::Result<()>> {
        Box::pin(async move {
            let probe = self.incoming_dir().join(format!(".ready-{}", uuid::Uuid::new_v4().simple()));
            tokio::fs::write(&probe, b"ok").await.context("the evidence folder takes no write")?;
            let _ = tokio::fs::remove_file(&probe).await;
            Ok(())
        })
    }

    fn describe(&self) -> String {
        format!("file://{}", self.root.display())
    }

    fn list(&self) -> BoxFuture<'_, anyhow::Result<Vec<Listed>>> {
        Box::pin(async move {
            let root = self.root.clone();
            tokio::task::spawn_blocking(move || {
                let mut out = Vec::new();
                for dir in std::fs::read_dir(&root)? {
                    let dir = dir?;
                    if !dir.file_type()?.is_dir() || dir.file_name().to_string_lossy().starts_with('.') {
                        continue;
                    }
                    for file in std::fs::read_dir(dir.path())? {
                        let file = file?;
                        let key = file.file_name().to_string_lossy().to_string();
                        if file.file_type()?.is_file() && checked_key(&key).is_ok() {
                            out.push((key, chrono::DateTime::<chrono::Utc>::from(file.metadata()?.modified()?)));
                        }
                    }
                }
                Ok(out)
            })
            .await?
        })
    }
}

/// Files put into the store for a transaction that has not committed yet. The rows that name
/// them are written in the transaction; [`StagedFiles::commit`] commits it. Dropped before that
/// (an early `?`, a failed commit, a cancelled request), it removes every file it put, so no
/// file is left in the store without its row.
pub struct StagedFiles {
    store: Arc<dyn EvidenceStore>,
    keys: Vec<String>,
}

impl StagedFiles {
    pub fn new(store: Arc<dyn EvidenceStore>) -> StagedFiles {
        StagedFiles { store, keys: Vec::new() }
    }

    /// Moves a finished upload (a temporary file in the incoming folder) into the store under a
    /// new key; returns the key.
    pub async fn put_file(&mut self, file: &Path) -> anyhow::Result<String> {
        let key = uuid::Uuid::new_v4().to_string();
        // Counted before the write: a write that failed half-way is removed with the rest.
        self.keys.push(key.clone());
        self.store.put(&key, file).await?;
        Ok(key)
    }

    /// Writes bytes (a rendered PDF) into the store under a new key; returns the key.
    pub async fn put_bytes(&mut self, bytes: &[u8]) -> anyhow::Result<String> {
        let temp = self.store.incoming_dir().join(uuid::Uuid::new_v4().to_string());
        if let Err(e) = tokio::fs::write(&temp, bytes).await {
            let _ = tokio::fs::remove_file(&temp).await;
            return Err(anyhow::Error::from(e).context("writing a file to the store's incoming folder"));
        }
        self.put_file(&temp).await
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
