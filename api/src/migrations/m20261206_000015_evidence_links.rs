//! An evidence PDF's external links (`/URI` actions), found when it is parsed at upload, are kept
//! on its row so the analyst sees them before opening the file: a JSON array of strings, `NULL`
//! for files that have none (and for rows stored before PDFs were parsed).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Evidence {
    Table,
    ExternalLinks,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Evidence::Table)
                .add_column(ColumnDef::new(Evidence::ExternalLinks).text().null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Evidence::Table).drop_column(Evidence::ExternalLinks).to_owned()).await
    }
}
