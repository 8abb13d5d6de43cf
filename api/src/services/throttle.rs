//! Counting events in a sliding window, per key (an account, a client IP): failed sign-ins,
//! report submissions, status lookups.
//!
//! Two backends, chosen by the database:
//! - **in memory** (SQLite, one process): exact timestamps per key;
//! - **in the database** (PostgreSQL, where several replicas share one database): one row per key
//!   and window-sized slot in `rate_limits`, so N replicas enforce the configured limit once. The
//!   count over the last window is the current slot's hits plus the previous slot's, weighted by
//!   how much of it still lies in the window (rounded up, so a burst across a slot boundary is
//!   never undercounted). [`Throttle::hit`] checks and counts in one statement, atomically per key.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement, Value};

use crate::error::ApiError;

pub struct Throttle {
    window: Duration,
    backend: Backend,
}

enum Backend {
    Memory(Mutex<HashMap<String, VecDeque<Instant>>>),
    Database { db: DatabaseConnection, bucket: &'static str },
}

const MAX_KEYS: usize = 100_000;

fn limited(retry_after_secs: u64) -> ApiError {
    ApiError::RateLimited { retry_after_secs: retry_after_secs.max(1) }
}

impl Throttle {
    /// Counts in this process's memory.
    pub fn in_memory(window: Duration) -> Throttle {
        Throttle { window, backend: Backend::Memory(Mutex::new(HashMap::new())) }
    }

    /// Counts in the database when it is PostgreSQL (shared by every replica), in memory on SQLite.
    /// `bucket` names what is counted (`login`, `submit`, `status`).
    pub fn for_database(db: &DatabaseConnection, bucket: &'static str, window: Duration) -> Throttle {
        match db.get_database_backend() {
            DbBackend::Postgres => Throttle { window, backend: Backend::Database { db: db.clone(), bucket } },
            _ => Throttle::in_memory(window),
        }
    }

    /// Whether the counts are shared between processes.
    pub fn is_shared(&self) -> bool {
        matches!(self.backend, Backend::Database { .. })
    }

    /// `RateLimited` when `key` already has `max` events in the window; counts nothing.
    pub async fn check(&self, key: &str, max: u32) -> Result<(), ApiError> {
        match &self.backend {
            Backend::Memory(map) => memory::check(map, self.window, key, max).map_err(limited),
            Backend::Database { db, bucket } => {
                let now = Slot::now(self.window);
                let (prev, cur) = shared::counts(db, bucket, key, now.index).await?;
                match now.retry_after(prev, cur, max) {
                    Some(wait) => Err(limited(wait)),
                    None => Ok(()),
                }
            }
        }
    }

    /// Checks and counts one event in one step: `RateLimited` (and nothing counted) when `key`
    /// already has `max` events in the window.
    pub async fn hit(&self, key: &str, max: u32) -> Result<(), ApiError> {
        match &self.backend {
            Backend::Memory(map) => {
                memory::check(map, self.window, key, max).map_err(limited)?;
                memory::record(map, self.window, key);
                Ok(())
            }
            Backend::Database { db, bucket } => {
                let now = Slot::now(self.window);
                match shared::hit(db, bucket, key, &now, max).await? {
                    Ok(()) => Ok(()),
                    Err((prev, cur)) => Err(limited(now.retry_after(prev, cur, max).unwrap_or(1))),
                }
            }
        }
    }

    /// The events `key` has in the window.
    pub async fn count(&self, key: &str) -> Result<u64, ApiError> {
        match &self.backend {
            Backend::Memory(map) => Ok(memory::count(map, self.window, key)),
            Backend::Database { db, bucket } => {
                let now = Slot::now(self.window);
                let (prev, cur) = shared::counts(db, bucket, key, now.index).await?;
                Ok(now.estimate(prev, cur))
            }
        }
    }

    /// Counts one event for `key`, unconditionally.
    pub async fn record(&self, key: &str) -> Result<(), ApiError> {
        match &self.backend {
            Backend::Memory(map) => {
                memory::record(map, self.window, key);
                Ok(())
            }
            Backend::Database { db, bucket } => Ok(shared::record(db, bucket, key, &Slot::now(self.window)).await?),
        }
    }

    /// Forgets `key`'s events.
    pub async fn clear(&self, key: &str) -> Result<(), ApiError> {
        match &self.backend {
            Backend::Memory(map) => {
                memory::lock(map).remove(key);
                Ok(())
            }
            Backend::Database { db, bucket } => Ok(shared::clear(db, bucket, key).await?),
        }
    }
}

/// The window-sized slot `now` falls in, and how far into it.
struct Slot {
    index: i64,
    window_ms: i64,
    elapsed_ms: i64,
}

impl Slot {
    fn now(window: Duration) -> Slot {
        let window_ms = i64::try_from(window.as_millis()).unwrap_or(i64::MAX).max(1);
        let now_ms = chrono::Utc::now().timestamp_millis().max(0);
        Slot { index: now_ms / window_ms, window_ms, elapsed_ms: now_ms % window_ms }
    }

    /// The share of the previous slot still inside the window.
    fn weight(&self) -> f64 {
        1.0 - self.elapsed_ms as f64 / self.window_ms as f64
    }

    fn weighted(&self, prev: i64) -> i64 {
        (prev as f64 * self.weight()).ceil() as i64
    }

    fn estimate(&self, prev: i64, cur: i64) -> u64 {
        u64::try_from(cur + self.weighted(prev)).unwrap_or(0)
    }

    /// `None` when one more event fits under `max`; otherwise the seconds until it will.
    fn retry_after(&self, prev: i64, cur: i64, max: u32) -> Option<u64> {
        let max = i64::from(max);
        if cur + self.weighted(prev) < max {
            return None;
        }
        let rest_of_slot = self.window_ms - self.elapsed_ms;
        let wait_ms = if cur >= max || prev == 0 {
            // Only the next slot frees room, and then this slot's hits weigh in as `prev`.
            rest_of_slot
        } else {
            // The previous slot's weight falls until `ceil(prev * w) <= max - cur - 1`.
            let w = (max - cur - 1) as f64 / prev as f64;
            let at = ((1.0 - w) * self.window_ms as f64).ceil() as i64;
            (at - self.elapsed_ms).clamp(1, rest_of_slot)
        };
        Some((wait_ms as u64).div_ceil(1000).max(1))
    }
}

mod memory {
    use super::*;

    pub(super) fn lock(
        map: &Mutex<HashMap<String, VecDeque<Instant>>>,
    ) -> std::sync::MutexGuard<'_, HashMap<String, VecDeque<Instant>>> {
        map.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(super) fn check(
        map: &Mutex<HashMap<String, VecDeque<Instant>>>,
        window: Duration,
        key: &str,
        max: u32,
    ) -> Result<(), u64> {
        let now = Instant::now();
        let mut map = lock(map);
        let Some(times) = map.get_mut(key) else {
            return Ok(());
        };
        while times.front().is_some_and(|t| now.duration_since(*t) >= window) {
            times.pop_front();
        }
        if times.len() >= max as usize {
            let oldest = times.front().copied().unwrap_or(now);
            let wait = window.saturating_sub(now.duration_since(oldest));
            Err(wait.as_secs().max(1))
        } else {
            Ok(())
        }
    }

    pub(super) fn count(map: &Mutex<HashMap<String, VecDeque<Instant>>>, window: Duration, key: &str) -> u64 {
        let now = Instant::now();
        lock(map).get(key).map_or(0, |t| t.iter().filter(|t| now.duration_since(**t) < window).count() as u64)
    }

    pub(super) fn record(map: &Mutex<HashMap<String, VecDeque<Instant>>>, window: Duration, key: &str) {
        let now = Instant::now();
        let mut map = lock(map);
        if map.len() >= MAX_KEYS {
            map.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < window));
        }
        map.entry(key.to_string()).or_default().push_back(now);
    }
}

/// The `rate_limits` table (PostgreSQL only).
mod shared {
    use super::*;

    fn stmt(sql: &str, values: Vec<Value>) -> Statement {
        Statement::from_sql_and_values(DbBackend::Postgres, sql, values)
    }

    /// When a slot's row may go: once it can no longer be the previous slot.
    fn expires(slot: &Slot) -> i64 {
        (slot.index + 2).saturating_mul(slot.window_ms) / 1000
    }

    /// The previous and the current slot's hits.
    pub(super) async fn counts(
        db: &DatabaseConnection,
        bucket: &str,
        key: &str,
        slot: i64,
    ) -> Result<(i64, i64), DbErr> {
        let rows = db
            .query_all(stmt(
                "SELECT slot, hits FROM rate_limits WHERE bucket = $1 AND key = $2 AND slot IN ($3 - 1, $3)",
                vec![bucket.into(), key.into(), slot.into()],
            ))
            .await?;
        let (mut prev, mut cur) = (0, 0);
        for row in rows {
            let (s, hits): (i64, i64) = (row.try_get("", "slot")?, row.try_get("", "hits")?);
            if s == slot {
                cur = hits;
            } else {
                prev = hits;
            }
        }
        Ok((prev, cur))
    }

    /// Counts one event if it fits under `max`; `Err((prev, cur))` when it does not.
    pub(super) async fn hit(
        db: &DatabaseConnection,
        bucket: &str,
        key: &str,
        slot: &Slot,
        max: u32,
    ) -> Result<Result<(), (i64, i64)>, DbErr> {
        // The row lock of `ON CONFLICT DO UPDATE` makes the check and the count one step per key:
        // of two replicas racing for the last place, one gets it.
        let row = db
            .query_one(stmt(
                "WITH prev AS (
                    SELECT COALESCE((SELECT hits FROM rate_limits
                                     WHERE bucket = $1 AND key = $2 AND slot = $3 - 1), 0) AS n
                 ), admitted AS (
                    INSERT INTO rate_limits AS r (bucket, key, slot, hits, expires_at)
                    SELECT $1, $2, $3, 1, $4 FROM prev WHERE CEIL(prev.n * $5::float8) < $6
                    ON CONFLICT (bucket, key, slot) DO UPDATE SET hits = r.hits + 1
                        WHERE r.hits + CEIL((SELECT n FROM prev) * $5::float8) < $6
                    RETURNING r.hits
                 )
                 SELECT (SELECT n FROM prev)::bigint AS prev,
                        (SELECT hits FROM admitted)::bigint AS admitted,
                        COALESCE((SELECT hits FROM rate_limits
                                  WHERE bucket = $1 AND key = $2 AND slot = $3), 0)::bigint AS cur",
                vec![
                    bucket.into(),
                    key.into(),
                    slot.index.into(),
                    expires(slot).into(),
                    slot.weight().into(),
                    i64::from(max).into(),
                ],
            ))
            .await?
            .ok_or_else(|| DbErr::RecordNotFound("the rate limit's answer".into()))?;
        let admitted: Option<i64> = row.try_get("", "admitted")?;
        if admitted.is_some() {
            return Ok(Ok(()));
        }
        let (prev, cur): (i64, i64) = (row.try_get("", "prev")?, row.try_get("", "cur")?);
        Ok(Err((prev, cur)))
    }

    pub(super) async fn record(db: &DatabaseConnection, bucket: &str, key: &str, slot: &Slot) -> Result<(), DbErr> {
        db.execute(stmt(
            "INSERT INTO rate_limits AS r (bucket, key, slot, hits, expires_at) VALUES ($1, $2, $3, 1, $4)
             ON CONFLICT (bucket, key, slot) DO UPDATE SET hits = r.hits + 1",
            vec![bucket.into(), key.into(), slot.index.into(), expires(slot).into()],
        ))
        .await?;
        Ok(())
    }

    pub(super) async fn clear(db: &DatabaseConnection, bucket: &str, key: &str) -> Result<(), DbErr> {
        db.execute(stmt("DELETE FROM rate_limits WHERE bucket = $1 AND key = $2", vec![bucket.into(), key.into()]))
            .await?;
        Ok(())
    }
}

/// Removes the rows no window can count any more (PostgreSQL).
pub async fn prune(db: &DatabaseConnection) -> Result<u64, DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(0);
    }
    let now = chrono::Utc::now().timestamp();
    let res = db
        .execute(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "DELETE FROM rate_limits WHERE expires_at < $1",
            vec![now.into()],
        ))
        .await?;
    Ok(res.rows_affected())
}

/// Runs [`prune`] every `interval` in the background (each replica may; the delete is idempotent).
pub fn spawn_pruning(db: DatabaseConnection, interval: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = prune(&db).await {
                tracing::warn!(error = %e, "pruning the rate limits failed");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limited_secs(r: Result<(), ApiError>) -> Option<u64> {
        match r {
            Err(ApiError::RateLimited { retry_after_secs }) => Some(retry_after_secs),
            _ => None,
        }
    }

    #[tokio::test]
    async fn blocks_after_max_events_and_clears() {
        let t = Throttle::in_memory(Duration::from_secs(60));
        for _ in 0..3 {
            assert!(t.check("a", 3).await.is_ok());
            assert!(t.record("a").await.is_ok());
        }
        let wait = limited_secs(t.check("a", 3).await);
        assert!(wait.is_some_and(|w| (1..=60).contains(&w)), "{wait:?}");
        assert!(t.check("b", 3).await.is_ok());
        assert!(t.clear("a").await.is_ok());
        assert!(t.check("a", 3).await.is_ok());
    }

    #[tokio::test]
    async fn a_hit_counts_only_when_admitted() {
        let t = Throttle::in_memory(Duration::from_secs(60));
        assert!(t.hit("a", 2).await.is_ok());
        assert!(t.hit("a", 2).await.is_ok());
        assert!(limited_secs(t.hit("a", 2).await).is_some());
        assert_eq!(t.count("a").await.ok(), Some(2));
    }

    #[tokio::test]
    async fn old_events_leave_the_window() {
        let t = Throttle::in_memory(Duration::from_millis(0));
        assert!(t.record("a").await.is_ok());
        assert!(t.record("a").await.is_ok());
        assert!(t.check("a", 1).await.is_ok());
    }

    #[test]
    fn the_previous_slot_weighs_by_its_share_of_the_window() {
        let slot = |elapsed_ms| Slot { index: 10, window_ms: 1000, elapsed_ms };
        // At the slot's start the previous slot counts whole; half-way, half (rounded up).
        assert_eq!(slot(0).estimate(30, 0), 30);
        assert_eq!(slot(500).estimate(29, 1), 16);
        // A burst of 30 across the boundary: 10 before, 20 after, the 31st is refused.
        assert!(slot(3).retry_after(10, 20, 30).is_some());
        assert!(slot(3).retry_after(10, 19, 30).is_none());
        // Refused with the current slot full: wait for the next slot.
        assert_eq!(slot(250).retry_after(0, 30, 30), Some(1));
        // Refused by the previous slot's weight: wait until enough of it has left the window.
        let wait = slot(0).retry_after(30, 0, 30);
        assert_eq!(wait, Some(1));
        let wait = Slot { index: 1, window_ms: 60_000, elapsed_ms: 0 }.retry_after(30, 0, 30);
        assert!(wait.is_some_and(|w| (2..=3).contains(&w)), "{wait:?}");
    }
}
