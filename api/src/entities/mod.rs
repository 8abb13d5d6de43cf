//! sea-orm entities: the database's shape. They never cross the HTTP boundary; the DTOs in
//! `ttis-shared` do.

pub mod acknowledgement;
pub mod analysis;
pub mod audit_log;
pub mod category;
pub mod disposition;
pub mod document;
pub mod draft;
pub mod duplicate_hint;
pub mod evidence;
pub mod holiday;
pub mod idempotency_key;
pub mod organization;
pub mod outbox;
pub mod outbox_attempt;
pub mod pse;
pub mod pse_asset;
pub mod session;
pub mod signing_key;
pub mod sla_settings;
pub mod sla_standard;
pub mod ticket;
pub mod ticket_event;
pub mod used_challenge;
pub mod user;
pub mod webhook;
