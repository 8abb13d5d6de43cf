//! The audit chain's order becomes its own column: on PostgreSQL rows are written unsealed inside
//! the recorded change's transaction and a sealer chains them afterwards, in the order it finds
//! them (`seq`), so concurrent changes no longer wait for each other's commit.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Seq,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(AuditLog::Table)
                .add_column(ColumnDef::new(AuditLog::Seq).big_integer().null())
                .to_owned(),
        )
        .await?;
        // Rows written so far were chained in id order.
        m.get_connection().execute_unprepared("UPDATE audit_log SET seq = id").await?;
        m.create_index(
            Index::create().name("idx_audit_log_seq").table(AuditLog::Table).col(AuditLog::Seq).unique().to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("idx_audit_log_seq").table(AuditLog::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(AuditLog::Table).drop_column(AuditLog::Seq).to_owned()).await
    }
}
