//! The SLA policy's stamp: a random number replaced by every change of the policy (settings,
//! standards, holidays), so that each replica keeps the policy in memory and checks, with one
//! small query, that its copy is still the current one (`services::sla::current`). Random rather
//! than counted, so that copies from two databases can never be mistaken for each other.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SlaSettings {
    Table,
    Stamp,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(SlaSettings::Table)
                .add_column(ColumnDef::new(SlaSettings::Stamp).big_integer().not_null().default(0))
                .to_owned(),
        )
        .await?;
        let stamp = rand::random::<i64>() & i64::MAX;
        m.get_connection().execute_unprepared(&format!("UPDATE sla_settings SET stamp = {stamp}")).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(SlaSettings::Table).drop_column(SlaSettings::Stamp).to_owned()).await
    }
}
