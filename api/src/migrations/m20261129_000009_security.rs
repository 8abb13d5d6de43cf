//! Account security and data protection: the security policy row, the second factor of staff
//! accounts, and the mark left on a ticket whose reporter data was erased.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SecuritySettings {
    Table,
    Id,
    RequireTotpForPrivileged,
    RetentionDays,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    TotpSecret,
    TotpPendingSecret,
    TotpLastStep,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    AnonymizedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SecuritySettings::Table)
                .if_not_exists()
                .col(integer(SecuritySettings::Id).primary_key())
                .col(boolean(SecuritySettings::RequireTotpForPrivileged).default(false))
                .col(integer_null(SecuritySettings::RetentionDays))
                .col(timestamp_with_time_zone(SecuritySettings::UpdatedAt))
                .to_owned(),
        )
        .await?;
        // SQLite takes one column per ALTER TABLE.
        for col in [
            ColumnDef::new(Users::TotpSecret).string_len(64).null().to_owned(),
            ColumnDef::new(Users::TotpPendingSecret).string_len(64).null().to_owned(),
            ColumnDef::new(Users::TotpLastStep).big_integer().null().to_owned(),
        ] {
            m.alter_table(Table::alter().table(Users::Table).add_column(col).to_owned()).await?;
        }
        m.alter_table(
            Table::alter()
                .table(Tickets::Table)
                .add_column(ColumnDef::new(Tickets::AnonymizedAt).timestamp_with_time_zone().null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(SecuritySettings::Table).to_owned()).await?;
        for col in [Users::TotpSecret, Users::TotpPendingSecret, Users::TotpLastStep] {
            m.alter_table(Table::alter().table(Users::Table).drop_column(col).to_owned()).await?;
        }
        m.alter_table(Table::alter().table(Tickets::Table).drop_column(Tickets::AnonymizedAt).to_owned()).await
    }
}
