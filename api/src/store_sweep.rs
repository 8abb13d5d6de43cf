//! `ttis-api sweep-store`: removes objects that no row names. A replica killed between writing a
//! file into the store and committing the transaction that records it leaves such an object
//! (never the other way round: a row is committed only after its object is written). Only objects
//! older than `--older-than-secs` (a day by default) go, so that no upload still in flight is
//! touched.

use std::collections::HashSet;

use sea_orm::{EntityTrait, QuerySelect};

use crate::config::Settings;
use crate::entities::{document, evidence};
use crate::services::storage;

#[derive(Debug, Default)]
pub struct SweepReport {
    pub objects: u64,
    pub named: u64,
    pub removed: u64,
    /// Objects without a row but younger than the cut-off, left alone.
    pub young: u64,
}

pub async fn sweep_store(
    settings: &Settings,
    older_than: chrono::Duration,
    dry_run: bool,
) -> anyhow::Result<SweepReport> {
    let store = storage::open(settings.store_url.as_deref(), settings.store_options.expose(), &settings.data_dir)?;
    let db = crate::db::connect(settings).await?;
    let mut named: HashSet<String> = HashSet::new();
    let keys: Vec<String> =
        evidence::Entity::find().select_only().column(evidence::Column::StorageKey).into_tuple().all(&db).await?;
    named.extend(keys);
    let keys: Vec<String> =
        document::Entity::find().select_only().column(document::Column::StorageKey).into_tuple().all(&db).await?;
    named.extend(keys);
    db.close().await?;
    let cutoff = chrono::Utc::now() - older_than;
    let mut report = SweepReport::default();
    for (key, written) in store.list().await? {
        report.objects += 1;
        if named.contains(&key) {
            report.named += 1;
        } else if written > cutoff {
            report.young += 1;
        } else {
            if !dry_run {
                store.delete(&key).await?;
            }
            report.removed += 1;
        }
    }
    Ok(report)
}
