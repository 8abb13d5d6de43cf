//! The SLA policy in the database: the working calendar, each step's time standard, and the
//! holidays admins maintain (seeded with Indonesia's national holidays of the current year).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SlaSettings {
    Table,
    Id,
    UtcOffsetMinutes,
    WorkingDays,
    DayStartMinutes,
    DayEndMinutes,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SlaStandards {
    Table,
    Step,
    Unit,
    Value,
}

#[derive(DeriveIden)]
enum Holidays {
    Table,
    Date,
    Name,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SlaSettings::Table)
                .if_not_exists()
                .col(integer(SlaSettings::Id).primary_key())
                .col(integer(SlaSettings::UtcOffsetMinutes))
                .col(string_len(SlaSettings::WorkingDays, 7))
                .col(integer(SlaSettings::DayStartMinutes).default(0))
                .col(integer(SlaSettings::DayEndMinutes).default(1440))
                .col(timestamp_with_time_zone(SlaSettings::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SlaStandards::Table)
                .if_not_exists()
                .col(integer(SlaStandards::Step).primary_key())
                .col(string_len_null(SlaStandards::Unit, 16))
                .col(integer_null(SlaStandards::Value))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Holidays::Table)
                .if_not_exists()
                .col(date(Holidays::Date).primary_key())
                .col(string_len(Holidays::Name, 200))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Holidays::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(SlaStandards::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(SlaSettings::Table).to_owned()).await
    }
}
