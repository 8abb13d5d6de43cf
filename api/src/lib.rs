//! TTIS Lapor's API server as a library: `main.rs` is a thin command line over it, and the
//! integration tests start the same [`startup::Application`] on port 0.

pub mod backup;
pub mod config;
pub mod db;
pub mod documents;
pub mod entities;
pub mod error;
pub mod extract;
pub mod metrics;
pub mod middleware;
pub mod migrations;
pub mod notify;
pub mod openapi;
pub mod routes;
pub mod services;
pub mod spa;
pub mod startup;
pub mod state;
pub mod statements;
pub mod store_migration;
pub mod store_sweep;
pub mod telemetry;
pub mod uploads;
