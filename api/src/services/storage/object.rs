//! Evidence and documents in an S3-compatible bucket, through the `object_store` crate.
//!
//! `TTIS_STORE_URL=s3://bucket/prefix`; the endpoint, region, keys and addressing come from the
//! standard `AWS_*` variables (`AWS_ENDPOINT`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`,
//! `AWS_SECRET_ACCESS_KEY`, `AWS_ALLOW_HTTP`, `AWS_VIRTUAL_HOSTED_STYLE_REQUEST`; path-style by
//! default, which MinIO and most self-hosted stores want). A file larger than one part is sent as
//! a multipart upload, read from its staging file part by part, so a 20 MiB upload is never held
//! whole in memory.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use futures_util::stream::{StreamExt, TryStreamExt};
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use tokio::io::AsyncReadExt;

use super::{BoxFuture, EvidenceStore, Listed, StoredObject, checked_key};

/// S3's smallest part (but the last): files up to this size go in one request.
pub const PART_SIZE: usize = 5 * 1024 * 1024;
/// Parts in flight at once per upload: memory per upload stays under two parts.
const PARTS_IN_FLIGHT: usize = 1;

pub struct ObjectEvidenceStore {
    store: Arc<dyn ObjectStore>,
    bucket: String,
    prefix: String,
    incoming: PathBuf,
}

impl ObjectEvidenceStore {
    /// `s3://bucket/prefix`, with the rest of the configuration from `options` (the `AWS_*`
    /// variables, `AWS_ENDPOINT=…` and so on).
    /// `incoming` is the local staging folder.
    pub fn from_url(url: &str, options: &[(String, String)], incoming: PathBuf) -> anyhow::Result<ObjectEvidenceStore> {
        let parsed = url::Url::parse(url).with_context(|| format!("TTIS_STORE_URL: `{url}` is not a URL"))?;
        let bucket = parsed.host_str().filter(|b| !b.is_empty()).context("TTIS_STORE_URL: s3:// needs a bucket")?;
        let prefix = parsed.path().trim_matches('/').to_string();
        let mut builder = object_store::aws::AmazonS3Builder::new();
        for (name, value) in options {
            // Variables the crate does not know (AWS_PROFILE, say) are not its business.
            if let Ok(key) = name.to_ascii_lowercase().parse::<object_store::aws::AmazonS3ConfigKey>() {
                builder = builder.with_config(key, value);
            }
        }
        let store = builder
            .with_bucket_name(bucket)
            .build()
            .context("configuring the S3 store from TTIS_STORE_URL and the AWS_* variables")?;
        std::fs::create_dir_all(&incoming)
            .with_context(|| format!("cannot create the staging folder {}", incoming.display()))?;
        Ok(ObjectEvidenceStore { store: Arc::new(store), bucket: bucket.to_string(), prefix, incoming })
    }

    fn location(&self, key: &str) -> anyhow::Result<ObjectPath> {
        let key = checked_key(key)?;
        let full = if self.prefix.is_empty() { key } else { format!("{}/{key}", self.prefix) };
        Ok(ObjectPath::parse(full)?)
    }

    /// Writes a local file under `key`, leaving the file where it is: one request up to
    /// [`PART_SIZE`], a multipart upload above it. Returns the bytes written.
    pub async fn upload(&self, key: &str, file: &Path) -> anyhow::Result<u64> {
        let location = self.location(key)?;
        let mut source = tokio::fs::File::open(file).await.with_context(|| format!("opening {}", file.display()))?;
        let size = source.metadata().await?.len();
        if size <= PART_SIZE as u64 {
            let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            source.read_to_end(&mut bytes).await?;
            self.store.put(&location, PutPayload::from(bytes)).await.with_context(|| format!("writing {location}"))?;
            return Ok(size);
        }
        let upload = self.store.put_multipart(&location).await.with_context(|| format!("starting {location}"))?;
        let mut writer = WriteMultipart::new_with_chunk_size(upload, PART_SIZE);
        let mut buf = vec![0u8; 256 * 1024];
        let mut written = 0u64;
        loop {
            let n = match source.read(&mut buf).await {
                Ok(n) => n,
                Err(e) => {
                    let _ = writer.abort().await;
                    return Err(e.into());
                }
            };
            if n == 0 {
                break;
            }
            if let Err(e) = writer.wait_for_capacity(PARTS_IN_FLIGHT).await {
                let _ = writer.abort().await;
                return Err(anyhow::Error::from(e).context(format!("uploading {location}")));
            }
            writer.write(&buf[..n]);
            written += n as u64;
        }
        writer.finish().await.with_context(|| format!("completing {location}"))?;
        Ok(written)
    }

    /// The size of the object under `key`, if there is one (for `migrate-store`).
    pub async fn exists(&self, key: &str) -> anyhow::Result<Option<u64>> {
        match self.store.head(&self.location(key)?).await {
            Ok(meta) => Ok(Some(meta.size)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}

impl EvidenceStore for ObjectEvidenceStore {
    fn put<'a>(&'a self, key: &'a str, file: &'a Path) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let outcome = self.upload(key, file).await.map(|_| ());
            let _ = tokio::fs::remove_file(file).await;
            outcome
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            match self.store.delete(&self.location(key)?).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
                Err(e) => Err(e.into()),
            }
        })
    }

    fn open<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<StoredObject>> {
        Box::pin(async move {
            let location = self.location(key)?;
            let got = self.store.get(&location).await.with_context(|| format!("reading {location}"))?;
            let size = got.meta.size;
            let stream = got.into_stream().map_err(std::io::Error::other).boxed();
            Ok(StoredObject { size, stream })
        })
    }

    fn incoming_dir(&self) -> PathBuf {
        self.incoming.clone()
    }

    fn probe(&self) -> BoxFuture<'_, anyhow::Result<()>> {
        Box::pin(async move {
            // Any answer but an error (a missing object included) shows the bucket reachable
            // with these credentials.
            let sentinel = ObjectPath::parse(format!("{}/.ready", self.prefix).trim_start_matches('/'))?;
            match self.store.head(&sentinel).await {
                Ok(_) | Err(object_store::Error::NotFound { .. }) => Ok(()),
                Err(e) => Err(anyhow::Error::from(e).context("the bucket does not answer")),
            }
        })
    }

    fn list(&self) -> BoxFuture<'_, anyhow::Result<Vec<Listed>>> {
        Box::pin(async move {
            let prefix = if self.prefix.is_empty() { None } else { Some(ObjectPath::parse(&self.prefix)?) };
            let listed: Vec<object_store::ObjectMeta> = self.store.list(prefix.as_ref()).try_collect().await?;
            Ok(listed
                .into_iter()
                .filter_map(|m| {
                    let key = m.location.filename()?.to_string();
                    checked_key(&key).is_ok().then_some((key, m.last_modified))
                })
                .collect())
        })
    }

    fn describe(&self) -> String {
        if self.prefix.is_empty() {
            format!("s3://{}", self.bucket)
        } else {
            format!("s3://{}/{}", self.bucket, self.prefix)
        }
    }
}
