//! Backups of the embedded default: a consistent snapshot of the SQLite database (`VACUUM INTO`,
//! which reads one transaction's view while the server keeps running) plus the evidence and
//! document store and the generated secrets; and the restore of such a snapshot into a data dir
//! (with the server stopped). PostgreSQL deployments back up with `pg_dump` (README, "Backups").

use std::path::Path;

use anyhow::{Context, bail};
use sea_orm::ConnectionTrait;

use crate::config::Settings;

/// Files of the data dir that a restore needs besides the database and the store.
const SECRETS: [&str; 2] = ["jwt-secret", "signing-key"];

fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<u64> {
    let mut copied = 0;
    if !from.exists() {
        return Ok(0);
    }
    std::fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copied += copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("cannot copy {} to {}", entry.path().display(), target.display()))?;
            copied += 1;
        }
    }
    Ok(copied)
}

/// Writes a snapshot into `dir` (which must not exist yet); returns the number of store files.
pub async fn backup(settings: &Settings, dir: &Path) -> anyhow::Result<u64> {
    if !settings.is_sqlite() {
        bail!(
            "this deployment uses PostgreSQL: back it up with pg_dump and copy <data dir>/evidence (README, \"Backups\")"
        );
    }
    if dir.exists() {
        bail!("{} exists already: choose a new folder for the backup", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let db = crate::db::connect(settings).await?;
    let target = dir.join("ttis.db");
    let path = target.to_str().context("the backup path is not UTF-8")?.replace('\'', "''");
    db.execute_unprepared(&format!("VACUUM INTO '{path}'")).await.context("VACUUM INTO failed")?;
    db.close().await?;
    // A bucket is backed up on its own (versioning or a sync, README "Several servers").
    let files = match crate::services::storage::local_root(settings.store_url.as_deref(), &settings.data_dir) {
        Some(root) => copy_tree(&root, &dir.join("evidence"))?,
        None => 0,
    };
    for name in SECRETS {
        let from = settings.data_dir.join(name);
        if from.exists() {
            std::fs::copy(&from, dir.join(name))?;
        }
    }
    Ok(files)
}

/// Restores a snapshot made by [`backup`] into the data dir of `settings` (server stopped).
pub fn restore(settings: &Settings, dir: &Path) -> anyhow::Result<u64> {
    if !settings.is_sqlite() {
        bail!("this deployment uses PostgreSQL: restore it with pg_restore (README, \"Backups\")");
    }
    let snapshot = dir.join("ttis.db");
    if !snapshot.exists() {
        bail!("{} holds no ttis.db: not a backup made by `ttis-api backup`", dir.display());
    }
    let data = &settings.data_dir;
    std::fs::create_dir_all(data)?;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(data.join(format!("ttis.db{suffix}")));
    }
    std::fs::copy(&snapshot, data.join("ttis.db"))?;
    let _ = std::fs::remove_dir_all(data.join("evidence"));
    let files = copy_tree(&dir.join("evidence"), &data.join("evidence"))?;
    for name in SECRETS {
        let from = dir.join(name);
        if from.exists() {
            std::fs::copy(&from, data.join(name))?;
        }
    }
    Ok(files)
}
