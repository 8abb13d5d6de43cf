//! Verification and analysis: the SLA clock on tickets, analyses, dispositions, and the PSE register.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tickets {
    Table,
    StepStartedAt,
    PausedSeconds,
    DueAt,
    SearchText,
}

#[derive(DeriveIden)]
enum Analyses {
    Table,
    TicketId,
    Category,
    Severity,
    CvssVector,
    CvssScore,
    PseId,
    MeetingDate,
    Attendees,
    Decision,
    Minutes,
    Findings,
    Recommendations,
    AnalystId,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Dispositions {
    Table,
    Id,
    TicketId,
    FromUserId,
    ToUserId,
    Instruction,
    Priority,
    DueDate,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Pses {
    Table,
    Id,
    Name,
    HeadName,
    HeadTitle,
    Emails,
    Phone,
    Address,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PseAssets {
    Table,
    Id,
    PseId,
    Kind,
    Value,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in [
            timestamp_with_time_zone_null(Tickets::StepStartedAt),
            big_integer(Tickets::PausedSeconds).default(0).to_owned(),
            timestamp_with_time_zone_null(Tickets::DueAt),
            text_null(Tickets::SearchText),
        ] {
            m.alter_table(Table::alter().table(Tickets::Table).add_column(column).to_owned()).await?;
        }
        m.create_table(
            Table::create()
                .table(Analyses::Table)
                .if_not_exists()
                .col(big_integer(Analyses::TicketId).primary_key())
                .col(string_len(Analyses::Category, 64))
                .col(string_len(Analyses::Severity, 16))
                .col(string_len_null(Analyses::CvssVector, 200))
                .col(double_null(Analyses::CvssScore))
                .col(big_integer_null(Analyses::PseId))
                .col(date(Analyses::MeetingDate))
                .col(text(Analyses::Attendees))
                .col(text(Analyses::Decision))
                .col(text(Analyses::Minutes))
                .col(text(Analyses::Findings))
                .col(text(Analyses::Recommendations))
                .col(big_integer(Analyses::AnalystId))
                .col(timestamp_with_time_zone(Analyses::RecordedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Dispositions::Table)
                .if_not_exists()
                .col(big_integer(Dispositions::Id).auto_increment().primary_key())
                .col(big_integer(Dispositions::TicketId))
                .col(big_integer(Dispositions::FromUserId))
                .col(big_integer(Dispositions::ToUserId))
                .col(text_null(Dispositions::Instruction))
                .col(string_len_null(Dispositions::Priority, 16))
                .col(date_null(Dispositions::DueDate))
                .col(timestamp_with_time_zone(Dispositions::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Pses::Table)
                .if_not_exists()
                .col(big_integer(Pses::Id).auto_increment().primary_key())
                .col(string_len(Pses::Name, 200))
                .col(string_len(Pses::HeadName, 120))
                .col(string_len(Pses::HeadTitle, 200))
                .col(text(Pses::Emails))
                .col(string_len_null(Pses::Phone, 32))
                .col(string_len_null(Pses::Address, 200))
                .col(timestamp_with_time_zone(Pses::CreatedAt))
                .col(timestamp_with_time_zone(Pses::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PseAssets::Table)
                .if_not_exists()
                .col(big_integer(PseAssets::Id).auto_increment().primary_key())
                .col(big_integer(PseAssets::PseId))
                .col(string_len(PseAssets::Kind, 16))
                .col(string_len(PseAssets::Value, 255))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_pse_assets_pse")
                        .from(PseAssets::Table, PseAssets::PseId)
                        .to(Pses::Table, Pses::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_pse_assets_rule")
                .table(PseAssets::Table)
                .col(PseAssets::Kind)
                .col(PseAssets::Value)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(PseAssets::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Pses::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Dispositions::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Analyses::Table).to_owned()).await?;
        for column in [Tickets::SearchText, Tickets::DueAt, Tickets::PausedSeconds, Tickets::StepStartedAt] {
            m.alter_table(Table::alter().table(Tickets::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
