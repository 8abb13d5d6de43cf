//! sea-orm entities: the database's shape. They never cross the HTTP boundary; the DTOs in
//! `ttis-shared` do.

pub mod audit_log;
pub mod category;
pub mod duplicate_hint;
pub mod evidence;
pub mod idempotency_key;
pub mod outbox;
pub mod session;
pub mod ticket;
pub mod ticket_event;
pub mod used_challenge;
pub mod user;
