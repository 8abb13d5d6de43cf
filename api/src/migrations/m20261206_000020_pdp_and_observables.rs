//! Personal-data breaches (UU PDP 27/2022) and what the team shares with other CSIRTs.
//!
//! `tickets` gains the analyst's PDP decision (`pdp_incident`, set at verification; the
//! reporter's own answer stays in `personal_data_involved`), the 72-hour deadline that runs from
//! verification (`pdp_due_at`), the dates the PSE reports it notified the data subjects and the
//! supervising authority, and when both were on record (`pdp_confirmed_at`, which stops the
//! clock). `observables` holds what a ticket can share as threat intelligence (URLs, domains,
//! addresses, file hashes), each with the analyst's "indicator yes/no".

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tickets {
    Table,
    Id,
    PdpIncident,
    PdpDueAt,
    PdpSubjectsNotifiedAt,
    PdpAuthorityNotifiedAt,
    PdpConfirmedAt,
}

#[derive(DeriveIden)]
enum Observables {
    Table,
    Id,
    TicketId,
    Kind,
    Value,
    Indicator,
    AddedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        m.alter_table(
            Table::alter()
                .table(Tickets::Table)
                .add_column(ColumnDef::new(Tickets::PdpIncident).boolean().not_null().default(false))
                .to_owned(),
        )
        .await?;
        for column in [
            Tickets::PdpDueAt,
            Tickets::PdpSubjectsNotifiedAt,
            Tickets::PdpAuthorityNotifiedAt,
            Tickets::PdpConfirmedAt,
        ] {
            m.alter_table(
                Table::alter()
                    .table(Tickets::Table)
                    .add_column(ColumnDef::new(column).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        }
        // The queue's and the head's "72 hours passed without a confirmation".
        m.create_index(
            Index::create()
                .name("idx_tickets_pdp_due")
                .table(Tickets::Table)
                .col(Tickets::PdpIncident)
                .col(Tickets::PdpDueAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Observables::Table)
                .col(ColumnDef::new(Observables::Id).big_integer().not_null().auto_increment().primary_key())
                .col(ColumnDef::new(Observables::TicketId).big_integer().not_null())
                .col(ColumnDef::new(Observables::Kind).string_len(16).not_null())
                .col(ColumnDef::new(Observables::Value).string_len(2048).not_null())
                .col(ColumnDef::new(Observables::Indicator).boolean().not_null().default(false))
                .col(ColumnDef::new(Observables::AddedBy).big_integer().null())
                .col(ColumnDef::new(Observables::CreatedAt).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(Observables::Table, Observables::TicketId)
                        .to(Tickets::Table, Tickets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_observables_ticket_value")
                .table(Observables::Table)
                .col(Observables::TicketId)
                .col(Observables::Kind)
                .col(Observables::Value)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Observables::Table).to_owned()).await?;
        m.drop_index(Index::drop().name("idx_tickets_pdp_due").table(Tickets::Table).to_owned()).await?;
        for column in [
            Tickets::PdpConfirmedAt,
            Tickets::PdpAuthorityNotifiedAt,
            Tickets::PdpSubjectsNotifiedAt,
            Tickets::PdpDueAt,
            Tickets::PdpIncident,
        ] {
            m.alter_table(Table::alter().table(Tickets::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
