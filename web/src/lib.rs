//! TTIS Lapor single-page application (Yew, WebAssembly).
//!
//! Two builds of this crate: the public one (what a member of the public downloads: home, report,
//! tracking, Hall of Fame, verification, acknowledgement) and, with the `staff` feature, the one
//! with the staff area as well, which the server serves for `/staff` and `/staff/...`.
//!
//! Codemap: [`route`] lists the addresses; [`app`] holds the page switch; [`pages`] one module per page;
//! [`components`] the header, footer and shared pieces; [`state`] the language and the session
//! (kept in memory only, restored from the HttpOnly refresh cookie); [`api`] the one `request()`
//! every call goes through (and [`api::upload`], the report with its files over XHR); [`i18n`] the
//! message catalogues (every word a person reads); [`site`] the deployment's names, which the
//! server writes into the page; [`hooks`] shared hooks (`use_fetch`, how a page loads what it
//! shows; `/site`); [`util`] browser helpers (clock, local times, clipboard).

pub mod api;
pub mod app;
pub mod components;
pub mod hooks;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod site;
pub mod state;
pub mod util;

use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the application on `<body>`, in place of the loading state `index.html` shows until
/// now (`#app-loading`). Yew renders in a microtask of this same task, so the browser never paints
/// the page between the two: no blank frame, and never both.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(not(feature = "staff"))]
    pages::not_found::staff_area::remember_entry_path();
    if let Some(loading) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app-loading"))
    {
        loading.remove();
    }
    yew::Renderer::<app::App>::new().render();
}
