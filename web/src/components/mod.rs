//! Pieces shared by the pages.

pub mod field;
pub mod footer;
pub mod header;
pub mod lang_switch;
pub mod nav_link;
pub mod placeholder;
#[cfg(feature = "staff")]
pub mod step_up;
