//! The platform's rules, free of HTTP types: handlers in `routes/` parse and authorise, then call
//! these.

pub mod account;
pub mod audit;
pub mod auth;
pub mod categories;
pub mod clamav;
pub mod clock;
pub mod codes;
pub mod crypto;
pub mod delivery;
pub mod documents;
pub mod egress;
pub mod evidence;
pub mod exports;
pub mod hall_of_fame;
pub mod hosts;
pub mod intel;
pub mod letters;
pub mod monitoring;
pub mod organization;
pub mod outbox;
pub mod passwords;
pub mod pdf_check;
pub mod pdp;
pub mod policy;
pub mod pow;
pub mod pse;
pub mod reports;
pub mod security;
pub mod sequence;
pub mod setup;
pub mod signers;
pub mod sla;
pub mod sniff;
pub mod stats;
pub mod storage;
pub mod throttle;
pub mod tickets;
pub mod timeline;
pub mod tokens;
pub mod totp;
pub mod tracking;
pub mod users;
pub mod webhooks;
pub mod workflow;

use chrono::{DateTime, SubsecRound, Utc};

/// The current time at the database's precision (microseconds), so that values read back equal
/// the values written on SQLite and PostgreSQL alike.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}
