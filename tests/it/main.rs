//! The one integration-test binary: every module starts the real server on port 0 with its own
//! database, on SQLite and on PostgreSQL (see `ttis_tests::db_tests!`).
#![allow(clippy::expect_used, reason = "a failed expectation should stop the test with its message")]

mod audit;
mod auth;
mod backup;
mod browser;
mod browser_monitoring;
mod browser_pdp;
mod crash;
mod delivery;
mod deploy;
mod errors;
mod first_visit;
mod fuzz;
mod intel;
mod layout;
mod letters;
mod limits;
mod monitoring;
mod object_store;
mod openapi;
mod pdf_evidence;
mod pdp;
mod replicas;
mod reports;
mod security;
mod setup;
mod signing;
mod sla;
mod staging;
mod statements;
mod static_files;
mod stats;
mod step_up;
mod tickets;
mod time_zone;
mod timeline;
mod uploads;
mod users;
