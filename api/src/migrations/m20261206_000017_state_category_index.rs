//! The queue's counts read an index, not the table: the tabs' per-state counts and the number of
//! tickets that match a state and category filter are index-only scans of `(state,
//! category_code)`. EXPLAIN ANALYZE on 129,000 tickets (37,000 of them submitted web defacements),
//! vacuumed: the filtered count 42.6 ms (a parallel sequential scan) before, 2.9 ms after; the
//! per-state counts 43.6 ms before, 15.8 ms after.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tickets {
    Table,
    State,
    CategoryCode,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("idx_tickets_state_category")
                .table(Tickets::Table)
                .col(Tickets::State)
                .col(Tickets::CategoryCode)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("idx_tickets_state_category").table(Tickets::Table).to_owned()).await
    }
}
