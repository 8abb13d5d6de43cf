//! Named counters (ticket numbers per year; later letter and certificate numbers), incremented in
//! the caller's transaction with one atomic upsert, so two API processes never get the same value.

use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{ConnectionTrait, DbErr};

#[derive(sea_orm::DeriveIden)]
enum Counters {
    Table,
    Name,
    Value,
}

/// The next value of counter `name` (1 for a new counter).
pub async fn next<C: ConnectionTrait>(conn: &C, name: &str) -> Result<i64, DbErr> {
    let stmt = Query::insert()
        .into_table(Counters::Table)
        .columns([Counters::Name, Counters::Value])
        .values([name.into(), 1i64.into()])
        .map_err(|e| DbErr::Custom(e.to_string()))?
        .on_conflict(
            OnConflict::column(Counters::Name)
                .value(Counters::Value, Expr::col((Counters::Table, Counters::Value)).add(1))
                .to_owned(),
        )
        .returning_col(Counters::Value)
        .to_owned();
    let backend = conn.get_database_backend();
    let row = conn
        .query_one(backend.build(&stmt))
        .await?
        .ok_or_else(|| DbErr::Custom("counter upsert returned nothing".into()))?;
    row.try_get::<i64>("", "value")
}
