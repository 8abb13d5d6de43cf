//! One module per page.

pub mod acknowledge;
pub mod dashboard;
pub mod hall_of_fame;
pub mod home;
pub mod login;
pub mod not_found;
pub mod report;
pub mod staff;
pub mod track;
pub mod users;
pub mod verify;
