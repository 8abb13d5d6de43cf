//! One module per page. The public build (what a member of the public downloads) has only the
//! public pages; the staff area (everything under [`staff`]: sign-in, dashboard, users, ...) is in
//! the build with the `staff` feature, served for `/staff` and `/staff/...`.

pub mod acknowledge;
pub mod common;
pub mod hall_of_fame;
pub mod home;
pub mod not_found;
pub mod report;
pub mod track;
pub mod verify;

#[cfg(feature = "staff")]
pub mod staff;
