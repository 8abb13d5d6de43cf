//! Connecting to the database (SQLite file or PostgreSQL) and migrating it.

use std::time::Duration;

use anyhow::Context;
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};
use sea_orm_migration::MigratorTrait;

use crate::config::Settings;
use crate::migrations::Migrator;

pub async fn connect(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    if settings.is_sqlite() {
        std::fs::create_dir_all(&settings.data_dir)
            .with_context(|| format!("cannot create the data dir {}", settings.data_dir.display()))?;
    }
    let mut options = ConnectOptions::new(settings.database_url.clone());
    options
        .max_connections(settings.db_max_connections)
        .min_connections(1)
        // A burst of approvals queues rather than fails: each holds the year's number counters
        // while it renders its two PDFs, so fifty at once wait their turn for a connection (the
        // embedded default has one; PostgreSQL a pool whose members wait on the counter row).
        .acquire_timeout(Duration::from_secs(120))
        .sqlx_logging(false);
    let mut db = Database::connect(options).await.context("cannot connect to the database (DATABASE_URL)")?;
    db.set_metric_callback(crate::statements::record);
    if settings.is_sqlite() {
        // Readers do not block the writer; the setting persists in the file.
        db.execute_unprepared("PRAGMA journal_mode=WAL").await?;
    }
    Ok(db)
}

pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None).await.context("database migration failed")
}

/// The `n`th bind parameter of a hand-written statement: `$n` on PostgreSQL, `?n` on SQLite.
pub fn placeholder(backend: sea_orm::DatabaseBackend, n: usize) -> String {
    match backend {
        sea_orm::DatabaseBackend::Postgres => format!("${n}"),
        _ => format!("?{n}"),
    }
}
