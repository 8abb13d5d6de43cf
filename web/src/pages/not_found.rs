//! Any path the SPA does not know.

use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::i18n::{Key, t};
use crate::route::Route;
use crate::state::use_lang;

#[function_component(NotFound)]
pub fn not_found() -> Html {
    let lang = use_lang();
    #[cfg(not(feature = "staff"))]
    if staff_area::leave_for_staff_build() {
        return Html::default();
    }
    html! {
        <div class="container page narrow">
            <p class="eyebrow">{ t(lang, Key::NotFoundCode) }</p>
            <h1>{ t(lang, Key::NotFoundTitle) }</h1>
            <p class="lead">{ t(lang, Key::NotFoundText) }</p>
            <p class="panel-actions">
                <NavLink to={Route::Home} class="btn btn-primary">{ t(lang, Key::BackHome) }</NavLink>
                <NavLink to={Route::Report} class="btn btn-secondary">{ t(lang, Key::ReportCta) }</NavLink>
            </p>
        </div>
    }
}

/// The public build's router does not know the staff pages: the server serves them from the
/// staff build (`staff.html`). Should this app route to one anyway (a link made with the history
/// API), the browser loads it from the server instead.
#[cfg(not(feature = "staff"))]
pub mod staff_area {
    use std::cell::RefCell;

    thread_local! {
        /// The path this page was loaded at (see [`remember_entry_path`]).
        static ENTRY_PATH: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    fn current_path() -> Option<String> {
        web_sys::window().and_then(|w| w.location().pathname().ok())
    }

    /// Notes the path the page was loaded at; called once at start.
    pub fn remember_entry_path() {
        ENTRY_PATH.with(|p| *p.borrow_mut() = current_path());
    }

    /// `/staff` and everything under it.
    pub fn is_staff_path(path: &str) -> bool {
        path == "/staff" || path.starts_with("/staff/")
    }

    /// Replaces this page with the server's answer for the current (staff) path; false, and the
    /// 404 shows, for any other path, or when the server itself answered this path with the
    /// public build (loading it again would loop).
    pub fn leave_for_staff_build() -> bool {
        let Some(path) = current_path() else {
            return false;
        };
        let entry = ENTRY_PATH.with(|p| p.borrow().clone());
        if !is_staff_path(&path) || entry.as_deref() == Some(path.as_str()) {
            return false;
        }
        web_sys::window().is_some_and(|w| {
            let location = w.location();
            location.href().is_ok_and(|href| location.replace(&href).is_ok())
        })
    }

    #[cfg(test)]
    mod tests {
        use super::is_staff_path;

        #[test]
        fn the_staff_area_is_staff_and_everything_under_it() {
            assert!(is_staff_path("/staff"));
            assert!(is_staff_path("/staff/login"));
            assert!(is_staff_path("/staff/tickets/TTIS-2026-000001"));
            assert!(!is_staff_path("/staffing"));
            assert!(!is_staff_path("/report"));
        }
    }
}
