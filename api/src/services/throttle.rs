//! Counting failures in a sliding window, per key (an account, a client IP). In memory: each API
//! process counts its own, which bounds guessing per process; the audit log keeps every failure.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct Throttle {
    window: Duration,
    entries: Mutex<HashMap<String, VecDeque<Instant>>>,
}

const MAX_KEYS: usize = 100_000;

impl Throttle {
    pub fn new(window: Duration) -> Throttle {
        Throttle { window, entries: Mutex::new(HashMap::new()) }
    }

    fn with<R>(&self, f: impl FnOnce(&mut HashMap<String, VecDeque<Instant>>) -> R) -> R {
        let mut guard = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }

    /// `Err(seconds to wait)` when `key` already has `max` failures in the window.
    pub fn check(&self, key: &str, max: u32) -> Result<(), u64> {
        let now = Instant::now();
        let window = self.window;
        self.with(|map| {
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
        })
    }

    /// The failures `key` has in the window.
    pub fn count(&self, key: &str) -> usize {
        let now = Instant::now();
        let window = self.window;
        self.with(|map| map.get(key).map_or(0, |t| t.iter().filter(|t| now.duration_since(**t) < window).count()))
    }

    pub fn record(&self, key: &str) {
        let now = Instant::now();
        let window = self.window;
        self.with(|map| {
            if map.len() >= MAX_KEYS {
                map.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < window));
            }
            map.entry(key.to_string()).or_default().push_back(now);
        });
    }

    pub fn clear(&self, key: &str) {
        self.with(|map| {
            map.remove(key);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_max_failures_and_clears() {
        let t = Throttle::new(Duration::from_secs(60));
        for _ in 0..3 {
            assert!(t.check("a", 3).is_ok());
            t.record("a");
        }
        let wait = t.check("a", 3).err();
        assert!(wait.is_some_and(|w| (1..=60).contains(&w)));
        assert!(t.check("b", 3).is_ok());
        t.clear("a");
        assert!(t.check("a", 3).is_ok());
    }

    #[test]
    fn old_failures_leave_the_window() {
        let t = Throttle::new(Duration::from_millis(0));
        t.record("a");
        t.record("a");
        assert!(t.check("a", 1).is_ok());
    }
}
