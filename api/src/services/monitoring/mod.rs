//! Watching the PSE register's web systems (*SOP Monitoring Sistem Elektronik/Aplikasi*): the
//! platform checks each monitored URL on its interval and opens the ticket itself.
//!
//! - `detect.rs`: the content detectors (defacement phrases, online-gambling spam and where it
//!   hides, a large change against the baseline), pure functions over the HTML.
//! - `fetch.rs`: one guarded fetch (address guard, redirects within the domain, size cap,
//!   timeouts) and the TLS certificate's expiry.
//! - `run.rs`: the job (claims with `SKIP LOCKED`), a check, and findings into tickets through the
//!   report intake (one open ticket per URL and kind; a repeat joins its timeline).
//! - `screenshot.rs`: the optional screenshot of a finding, rendered offline by a headless
//!   Chromium that can reach nothing.
//! - `admin.rs`: the staff's list and controls.

pub mod admin;
pub mod detect;
pub mod fetch;
pub mod run;
pub mod screenshot;

#[cfg(test)]
mod tests;
