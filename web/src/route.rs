//! Every address of the SPA, apart from the pages that answer it ([`crate::app`] holds the
//! switch): pages and components link with it without depending on the app shell.

use yew_router::prelude::*;

/// Every page of the SPA. The server answers `index.html` (the public build) for the public paths
/// and `staff.html` (the build with the `staff` feature) for `/staff` and `/staff/...`; the
/// public build's router knows only the public pages, and links to the staff area load it anew.
#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/report")]
    Report,
    #[at("/track")]
    Track,
    #[at("/hall-of-fame")]
    HallOfFame,
    #[at("/verify")]
    Verify,
    #[at("/verify/:id")]
    VerifyDocument { id: String },
    #[at("/acknowledge")]
    Acknowledge,
    #[not_found]
    #[at("/404")]
    NotFound,
    // The staff area: only in the staff build.
    #[cfg(feature = "staff")]
    #[at("/staff/login")]
    Login,
    #[cfg(feature = "staff")]
    #[at("/staff")]
    Dashboard,
    #[cfg(feature = "staff")]
    #[at("/staff/admin")]
    AdminHome,
    #[cfg(feature = "staff")]
    #[at("/staff/users")]
    Users,
    #[cfg(feature = "staff")]
    #[at("/staff/tickets/new")]
    NewTicket,
    #[cfg(feature = "staff")]
    #[at("/staff/tickets/:code")]
    Ticket { code: String },
    #[cfg(feature = "staff")]
    #[at("/staff/pses")]
    Pses,
    #[cfg(feature = "staff")]
    #[at("/staff/categories")]
    Categories,
    #[cfg(feature = "staff")]
    #[at("/staff/approvals")]
    Approvals,
    #[cfg(feature = "staff")]
    #[at("/staff/organization")]
    Organization,
    #[cfg(feature = "staff")]
    #[at("/staff/webhooks")]
    Webhooks,
    #[cfg(feature = "staff")]
    #[at("/staff/monitoring")]
    Monitoring,
    #[cfg(feature = "staff")]
    #[at("/staff/statistics")]
    Statistics,
    #[cfg(feature = "staff")]
    #[at("/staff/sla")]
    SlaPolicy,
    #[cfg(feature = "staff")]
    #[at("/staff/account")]
    Account,
    #[cfg(feature = "staff")]
    #[at("/staff/security")]
    Security,
    #[cfg(feature = "staff")]
    #[at("/staff/reporter-data")]
    ReporterData,
    #[cfg(feature = "staff")]
    #[at("/staff/audit")]
    Audit,
}
