//! Everything the API and the SPA must agree on: the roles, the SOP's procedure as a state machine,
//! the request and response bodies (DTOs), and the validation rules with their messages.
//!
//! This crate compiles for the host and for `wasm32-unknown-unknown`. Server-only derives
//! (OpenAPI schemas, `validator`) sit behind the `server` feature so the SPA stays small.

#[cfg(feature = "server")]
pub mod common_passwords;
pub mod cvss;
pub mod dto;
pub mod i18n;
pub mod pdp;
pub mod pow;
pub mod procedure;
pub mod roles;
pub mod sla;
pub mod validation;

pub use i18n::Lang;
pub use procedure::{Action, Actor, ReportState, SopStep, TimeStandard};
pub use roles::Role;
