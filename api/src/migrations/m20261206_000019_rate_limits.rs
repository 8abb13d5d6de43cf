//! Rate limits shared by every replica (PostgreSQL): one row per bucket (`login`, `submit`,
//! `status`), key (a client address, an account) and window-sized slot, counted with an upsert
//! (`services::throttle`). Created on SQLite too, so both schemas stay one; SQLite's single
//! process counts in memory and leaves it empty.
//!
//! On PostgreSQL the table is `UNLOGGED`: a count is worth nothing after a crash, so its writes
//! skip the WAL and a hit's commit does not wait for a disk flush (a status lookup, a read for
//! the reporter, should not cost a durable write).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RateLimits {
    Table,
    Bucket,
    Key,
    Slot,
    Hits,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            m.get_connection()
                .execute_unprepared(
                    "CREATE UNLOGGED TABLE rate_limits (
                        bucket VARCHAR(16) NOT NULL,
                        key VARCHAR(400) NOT NULL,
                        slot BIGINT NOT NULL,
                        hits BIGINT NOT NULL,
                        expires_at BIGINT NOT NULL,
                        PRIMARY KEY (bucket, key, slot)
                    )",
                )
                .await?;
            m.get_connection()
                .execute_unprepared("CREATE INDEX idx_rate_limits_expires ON rate_limits (expires_at)")
                .await?;
            return Ok(());
        }
        m.create_table(
            Table::create()
                .table(RateLimits::Table)
                .col(ColumnDef::new(RateLimits::Bucket).string_len(16).not_null())
                .col(ColumnDef::new(RateLimits::Key).string_len(400).not_null())
                .col(ColumnDef::new(RateLimits::Slot).big_integer().not_null())
                .col(ColumnDef::new(RateLimits::Hits).big_integer().not_null())
                .col(ColumnDef::new(RateLimits::ExpiresAt).big_integer().not_null())
                .primary_key(Index::create().col(RateLimits::Bucket).col(RateLimits::Key).col(RateLimits::Slot))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_rate_limits_expires")
                .table(RateLimits::Table)
                .col(RateLimits::ExpiresAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RateLimits::Table).to_owned()).await
    }
}
