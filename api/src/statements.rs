//! Counting the SQL statements one request runs, and their time: every statement sea-orm executes
//! reports to [`record`] (set as the pool's metric callback in `db.rs`), which adds it to the
//! counter of the request it runs in, if any. With `TTIS_SERVER_TIMING=on` each answer carries
//! `Server-Timing: db;dur=<ms>;desc="<n> statements"`, which the tests and `cargo xtask bench`
//! read to hold each scenario to its statement budget. Work a request hands to another task
//! (the outbox, a blocking render) is not counted in it.

use std::cell::Cell;
use std::future::Future;
use std::time::Duration;

tokio::task_local! {
    static COUNTER: Cell<(u32, Duration)>;
}

/// The pool's metric callback. `RUST_LOG=ttis_api::statements=trace` logs each statement.
pub fn record(info: &sea_orm::metric::Info<'_>) {
    tracing::trace!(elapsed_us = info.elapsed.as_micros() as u64, failed = info.failed, sql = %info.statement.sql, "statement");
    let _ = COUNTER.try_with(|c| {
        let (n, spent) = c.get();
        c.set((n.saturating_add(1), spent + info.elapsed));
    });
}

/// Runs `work` with its own counter; returns its output, the statements it ran and their time.
pub async fn counted<F: Future>(work: F) -> (F::Output, u32, Duration) {
    COUNTER
        .scope(Cell::new((0, Duration::ZERO)), async {
            let out = work.await;
            let (n, spent) = COUNTER.with(Cell::get);
            (out, n, spent)
        })
        .await
}

/// The `Server-Timing` value for `n` statements that took `spent`.
pub fn header_value(n: u32, spent: Duration) -> String {
    format!("db;dur={:.2};desc=\"{n} statements\"", spent.as_secs_f64() * 1000.0)
}
