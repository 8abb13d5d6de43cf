//! sea-orm entities: the database's shape. They never cross the HTTP boundary; the DTOs in
//! `ttis-shared` do.

pub mod audit_log;
pub mod session;
pub mod user;
