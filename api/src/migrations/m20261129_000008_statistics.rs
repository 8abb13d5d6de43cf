//! What statistics aggregate in the database: each ticket's finished SOP steps with their time
//! against the standard, and the reason a report was rejected.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TicketSteps {
    Table,
    TicketId,
    Step,
    StartedAt,
    EndedAt,
    Seconds,
    Within,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    RejectReason,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter().table(Tickets::Table).add_column(string_len_null(Tickets::RejectReason, 32)).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(TicketSteps::Table)
                .if_not_exists()
                .col(big_integer(TicketSteps::TicketId))
                .col(integer(TicketSteps::Step))
                .col(timestamp_with_time_zone(TicketSteps::StartedAt))
                .col(timestamp_with_time_zone(TicketSteps::EndedAt))
                .col(big_integer(TicketSteps::Seconds))
                .col(boolean_null(TicketSteps::Within))
                .primary_key(Index::create().col(TicketSteps::TicketId).col(TicketSteps::Step))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_ticket_steps_step_seconds")
                .table(TicketSteps::Table)
                .col(TicketSteps::Step)
                .col(TicketSteps::Seconds)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(TicketSteps::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(Tickets::Table).drop_column(Tickets::RejectReason).to_owned()).await
    }
}
