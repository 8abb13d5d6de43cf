//! Watching the PSE register's web systems: the monitored URLs with their schedule, claim lease,
//! last outcome and known-good baseline; what the detectors found (and the ticket each finding
//! opened or joined); and the detectors an analyst muted on a URL, with the reason.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Monitors {
    Table,
    Id,
    PseId,
    Url,
    IntervalMinutes,
    Enabled,
    NextCheckAt,
    LockedUntil,
    LastCheckedAt,
    LastStatus,
    LastError,
    ConsecutiveFailures,
    BaselineText,
    BaselineAt,
    TlsExpiresAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MonitorFindings {
    Table,
    Id,
    MonitorId,
    Kind,
    Summary,
    Excerpt,
    Places,
    TicketId,
    FoundAt,
}

#[derive(DeriveIden)]
enum MonitorMutes {
    Table,
    MonitorId,
    Kind,
    Reason,
    MutedBy,
    MutedAt,
}

#[derive(DeriveIden)]
enum Pses {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Monitors::Table)
                .col(ColumnDef::new(Monitors::Id).big_integer().not_null().auto_increment().primary_key())
                .col(ColumnDef::new(Monitors::PseId).big_integer().not_null())
                .col(ColumnDef::new(Monitors::Url).string_len(2048).not_null())
                .col(ColumnDef::new(Monitors::IntervalMinutes).integer().not_null())
                .col(ColumnDef::new(Monitors::Enabled).boolean().not_null().default(true))
                .col(ColumnDef::new(Monitors::NextCheckAt).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Monitors::LockedUntil).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Monitors::LastCheckedAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Monitors::LastStatus).string_len(16).not_null().default("pending"))
                .col(ColumnDef::new(Monitors::LastError).string_len(200).null())
                .col(ColumnDef::new(Monitors::ConsecutiveFailures).integer().not_null().default(0))
                .col(ColumnDef::new(Monitors::BaselineText).text().null())
                .col(ColumnDef::new(Monitors::BaselineAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Monitors::TlsExpiresAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Monitors::CreatedAt).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(Monitors::Table, Monitors::PseId)
                        .to(Pses::Table, Pses::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // The claim's scan: the due, enabled monitors.
        m.create_index(
            Index::create()
                .name("idx_monitors_due")
                .table(Monitors::Table)
                .col(Monitors::Enabled)
                .col(Monitors::NextCheckAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MonitorFindings::Table)
                .col(ColumnDef::new(MonitorFindings::Id).big_integer().not_null().auto_increment().primary_key())
                .col(ColumnDef::new(MonitorFindings::MonitorId).big_integer().not_null())
                .col(ColumnDef::new(MonitorFindings::Kind).string_len(16).not_null())
                .col(ColumnDef::new(MonitorFindings::Summary).text().not_null())
                .col(ColumnDef::new(MonitorFindings::Excerpt).text().not_null())
                .col(ColumnDef::new(MonitorFindings::Places).string_len(200).not_null())
                .col(ColumnDef::new(MonitorFindings::TicketId).big_integer().null())
                .col(ColumnDef::new(MonitorFindings::FoundAt).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(MonitorFindings::Table, MonitorFindings::MonitorId)
                        .to(Monitors::Table, Monitors::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_monitor_findings_monitor_kind")
                .table(MonitorFindings::Table)
                .col(MonitorFindings::MonitorId)
                .col(MonitorFindings::Kind)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MonitorMutes::Table)
                .col(ColumnDef::new(MonitorMutes::MonitorId).big_integer().not_null())
                .col(ColumnDef::new(MonitorMutes::Kind).string_len(16).not_null())
                .col(ColumnDef::new(MonitorMutes::Reason).text().not_null())
                .col(ColumnDef::new(MonitorMutes::MutedBy).string_len(200).not_null())
                .col(ColumnDef::new(MonitorMutes::MutedAt).timestamp_with_time_zone().not_null())
                .primary_key(Index::create().col(MonitorMutes::MonitorId).col(MonitorMutes::Kind))
                .foreign_key(
                    ForeignKey::create()
                        .from(MonitorMutes::Table, MonitorMutes::MonitorId)
                        .to(Monitors::Table, Monitors::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(MonitorMutes::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(MonitorFindings::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Monitors::Table).to_owned()).await
    }
}
