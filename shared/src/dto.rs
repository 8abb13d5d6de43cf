//! Request and response bodies. One definition, used by the API (serde + OpenAPI + validator) and
//! by the SPA (serde). Database entities never leave the API; these do.

pub mod audit;
pub mod auth;
pub mod delivery;
pub mod documents;
pub mod intel;
pub mod monitoring;
pub mod problem;
pub mod reports;
pub mod security;
pub mod setup;
pub mod signers;
pub mod sla;
pub mod stats;
pub mod tickets;
pub mod timeline;
pub mod users;
