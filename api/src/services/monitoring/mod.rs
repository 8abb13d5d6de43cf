//! Watching the PSE register's web systems (*SOP Monitoring Sistem Elektronik/Aplikasi*).
//!
//! - `detect.rs`: the content detectors (defacement phrases, online-gambling spam and where it
//!   hides, a large change against the baseline), pure functions over the HTML.

pub mod detect;

#[cfg(test)]
mod tests;
