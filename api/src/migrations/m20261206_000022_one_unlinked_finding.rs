//! At most one finding of a monitored URL and kind waits for its ticket (`ticket_id IS NULL`):
//! that row keys the intake's idempotency, so two checkers that met (a lease run out, a "check
//! now") take up the same row and open one ticket rather than two. A partial unique index, on
//! PostgreSQL and SQLite alike.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX idx_monitor_findings_unlinked ON monitor_findings (monitor_id, kind) \
                 WHERE ticket_id IS NULL",
            )
            .await
            .map(|_| ())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop().name("idx_monitor_findings_unlinked").table(Alias::new("monitor_findings")).to_owned(),
        )
        .await
    }
}
