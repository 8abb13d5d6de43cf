//! Documents rendered for a ticket (the analysis report now; letters and certificates later).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Documents {
    Table,
    Id,
    TicketId,
    Kind,
    Version,
    StorageKey,
    Sha256,
    Size,
    CreatedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Documents::Table)
                .if_not_exists()
                .col(string_len(Documents::Id, 36).primary_key())
                .col(big_integer(Documents::TicketId))
                .col(string_len(Documents::Kind, 32))
                .col(integer(Documents::Version))
                .col(string_len_uniq(Documents::StorageKey, 64))
                .col(string_len(Documents::Sha256, 64))
                .col(big_integer(Documents::Size))
                .col(big_integer_null(Documents::CreatedBy))
                .col(timestamp_with_time_zone(Documents::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_documents_ticket_kind")
                .table(Documents::Table)
                .col(Documents::TicketId)
                .col(Documents::Kind)
                .col(Documents::Version)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Documents::Table).to_owned()).await
    }
}
