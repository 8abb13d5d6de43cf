//! `ttis-api migrate-store --to s3://bucket/prefix`: copies the local evidence folder (evidence
//! and every document version) into a bucket, checking every SHA-256 on the way: the folder's
//! file against the hash the database recorded for it, and the bucket's copy, read back, against
//! the file. Objects already in the bucket with the same content are left as they are, so an
//! interrupted run can be started again. The server keeps using the folder until
//! `TTIS_STORE_URL` is switched to the bucket.

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::bail;
use futures_util::StreamExt;
use sea_orm::{EntityTrait, QuerySelect};
use sha2::{Digest, Sha256};

use crate::config::Settings;
use crate::entities::{document, evidence};
use crate::services::storage::object::ObjectEvidenceStore;
use crate::services::storage::{self, EvidenceStore, StoredObject};

#[derive(Debug, Default)]
pub struct MigrationReport {
    /// Objects written to the bucket.
    pub copied: u64,
    /// Objects the bucket already held with the same content.
    pub already_there: u64,
    /// Bytes written.
    pub bytes: u64,
    /// Files whose hash the database recorded, and which matched it.
    pub matched_records: u64,
    /// Files the database does not name (left-overs; copied all the same).
    pub unrecorded: u64,
    /// Keys the database names that the folder does not hold.
    pub missing: Vec<String>,
}

async fn hash_stream(mut object: StoredObject) -> anyhow::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    while let Some(chunk) = object.stream.next().await {
        let chunk = chunk?;
        size += chunk.len() as u64;
        hasher.update(&chunk);
    }
    Ok((hex::encode(hasher.finalize()), size))
}

pub async fn migrate_store(settings: &Settings, to: &str) -> anyhow::Result<MigrationReport> {
    if !to.starts_with("s3://") {
        bail!("--to must name a bucket: s3://bucket/prefix");
    }
    let Some(root) = storage::local_root(settings.store_url.as_deref(), &settings.data_dir) else {
        bail!("TTIS_STORE_URL names a bucket already: migrate-store copies a local folder into a bucket");
    };
    let target =
        ObjectEvidenceStore::from_url(to, settings.store_options.expose(), settings.data_dir.join("incoming"))?;
    let db = crate::db::connect(settings).await?;
    let mut recorded: HashMap<String, String> = HashMap::new();
    let rows: Vec<(String, String)> = evidence::Entity::find()
        .select_only()
        .column(evidence::Column::StorageKey)
        .column(evidence::Column::Sha256)
        .into_tuple()
        .all(&db)
        .await?;
    recorded.extend(rows);
    let rows: Vec<(String, String)> = document::Entity::find()
        .select_only()
        .column(document::Column::StorageKey)
        .column(document::Column::Sha256)
        .into_tuple()
        .all(&db)
        .await?;
    recorded.extend(rows);
    db.close().await?;

    let mut report = MigrationReport::default();
    let source = storage::LocalEvidenceStore::new(root.clone())?;
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for (key, _) in source.list().await? {
        let path = root.join(storage::checked_key(&key)?);
        files.push((key, path));
    }
    files.sort();
    for (key, path) in &files {
        let (local_hash, size) = hash_stream(storage::file_stream(path).await?).await?;
        match recorded.get(key) {
            Some(expected) if !expected.eq_ignore_ascii_case(&local_hash) => bail!(
                "{} does not match the SHA-256 the database recorded ({expected}, the file has {local_hash}): nothing more copied",
                path.display()
            ),
            Some(_) => report.matched_records += 1,
            None => report.unrecorded += 1,
        }
        if target.exists(key).await? == Some(size) {
            let (remote_hash, _) = hash_stream(target.open(key).await?).await?;
            if remote_hash == local_hash {
                report.already_there += 1;
                continue;
            }
        }
        report.bytes += target.upload(key, path).await?;
        let (remote_hash, remote_size) = hash_stream(target.open(key).await?).await?;
        if remote_hash != local_hash || remote_size != size {
            bail!("the bucket's copy of {key} reads back as {remote_hash} ({remote_size} bytes), not {local_hash}");
        }
        report.copied += 1;
    }
    let present: std::collections::HashSet<&str> = files.iter().map(|(k, _)| k.as_str()).collect();
    report.missing = recorded.keys().filter(|k| !present.contains(k.as_str())).cloned().collect();
    report.missing.sort();
    Ok(report)
}
