//! Delivery (SOP step 9) and integrations: what each outbox row is for and carries, every attempt,
//! webhooks, and the PSE's acknowledgement of the letter.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Purpose,
    Attachments,
    WebhookId,
}

#[derive(DeriveIden)]
enum OutboxAttempts {
    Table,
    Id,
    OutboxId,
    At,
    Ok,
    Error,
    DurationMs,
}

#[derive(DeriveIden)]
enum Webhooks {
    Table,
    Id,
    Url,
    Events,
    Secret,
    Active,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Acknowledgements {
    Table,
    Id,
    TicketId,
    TokenHash,
    CreatedAt,
    AcknowledgedAt,
    Fixed,
    Name,
    Note,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    PseAcknowledgedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in
            [string_len_null(Outbox::Purpose, 32), text_null(Outbox::Attachments), big_integer_null(Outbox::WebhookId)]
        {
            m.alter_table(Table::alter().table(Outbox::Table).add_column(column).to_owned()).await?;
        }
        m.alter_table(
            Table::alter()
                .table(Tickets::Table)
                .add_column(timestamp_with_time_zone_null(Tickets::PseAcknowledgedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OutboxAttempts::Table)
                .if_not_exists()
                .col(big_integer(OutboxAttempts::Id).auto_increment().primary_key())
                .col(big_integer(OutboxAttempts::OutboxId))
                .col(timestamp_with_time_zone(OutboxAttempts::At))
                .col(boolean(OutboxAttempts::Ok))
                .col(text_null(OutboxAttempts::Error))
                .col(big_integer(OutboxAttempts::DurationMs))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_outbox_attempts_outbox")
                .table(OutboxAttempts::Table)
                .col(OutboxAttempts::OutboxId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Webhooks::Table)
                .if_not_exists()
                .col(big_integer(Webhooks::Id).auto_increment().primary_key())
                .col(string_len(Webhooks::Url, 2000))
                .col(string_len(Webhooks::Events, 500))
                .col(string_len(Webhooks::Secret, 128))
                .col(boolean(Webhooks::Active))
                .col(big_integer_null(Webhooks::CreatedBy))
                .col(timestamp_with_time_zone(Webhooks::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Acknowledgements::Table)
                .if_not_exists()
                .col(big_integer(Acknowledgements::Id).auto_increment().primary_key())
                .col(big_integer(Acknowledgements::TicketId))
                .col(string_len_uniq(Acknowledgements::TokenHash, 64))
                .col(timestamp_with_time_zone(Acknowledgements::CreatedAt))
                .col(timestamp_with_time_zone_null(Acknowledgements::AcknowledgedAt))
                .col(boolean_null(Acknowledgements::Fixed))
                .col(string_len_null(Acknowledgements::Name, 200))
                .col(text_null(Acknowledgements::Note))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Acknowledgements::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Webhooks::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(OutboxAttempts::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(Tickets::Table).drop_column(Tickets::PseAcknowledgedAt).to_owned()).await?;
        for column in [Outbox::Purpose, Outbox::Attachments, Outbox::WebhookId] {
            m.alter_table(Table::alter().table(Outbox::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
