//! The site header: agency, platform name, the public pages' navigation, language switch, and the
//! way into the staff area (sign-in, or the staff home for a signed-in member). The staff area's
//! own links are in one place, `pages::staff::StaffNav`, under each staff page's head.

use yew::prelude::*;

use crate::components::lang_switch::LangSwitch;
use crate::components::nav_link::NavLink;
use crate::i18n::{Key, t, tn};
use crate::route::Route;
use crate::state::use_lang;

#[function_component(Header)]
pub fn header() -> Html {
    let lang = use_lang();
    let nav = [
        (Route::Home, Key::NavHome),
        (Route::Report, Key::NavReport),
        (Route::Track, Key::NavTrack),
        (Route::HallOfFame, Key::NavHallOfFame),
        (Route::Verify, Key::NavVerify),
    ];
    html! {
        <header class="site-header">
            <div class="agency-bar">
                <div class="container">{ tn(lang, Key::AgencyLine) }</div>
            </div>
            <div class="container header-inner">
                <NavLink to={Route::Home} class="brand">
                    <span class="brand-mark" aria-hidden="true">{ t(lang, Key::BrandMark) }</span>
                    <span class="brand-text">
                        <span class="brand-name">{ t(lang, Key::PlatformName) }</span>
                        <span class="brand-sub">{ t(lang, Key::TeamName) }</span>
                    </span>
                </NavLink>
                <div class="header-actions">
                    <LangSwitch />
                    { staff::actions(lang) }
                </div>
            </div>
            <nav class="main-nav" aria-label={t(lang, Key::NavLabel)}>
                <ul class="container">
                    { for nav.into_iter().map(|(route, key)| html! {
                        <li><NavLink to={route}>{ t(lang, key) }</NavLink></li>
                    }) }
                </ul>
            </nav>
        </header>
    }
}

/// The public build: no session, only the way to the staff sign-in (a page of the staff build,
/// which the browser loads from the server). Plain functions: a component costs code.
#[cfg(not(feature = "staff"))]
mod staff {
    use ttis_shared::Lang;
    use yew::prelude::*;

    use crate::i18n::{Key, t};

    pub fn actions(lang: Lang) -> Html {
        html! {
            <a href="/staff/login" id="staff-link" class="btn btn-light">{ t(lang, Key::NavStaffLogin) }</a>
        }
    }
}

/// The staff build: the way to the staff home for a signed-in member (their dashboard, or the
/// administrator's overview), the sign-in page otherwise.
#[cfg(feature = "staff")]
mod staff {
    use yew::prelude::*;

    use crate::components::nav_link::NavLink;
    use crate::i18n::{Key, t};
    use crate::route::Route;
    use crate::state::{use_auth, use_lang};

    pub fn actions(_lang: ttis_shared::Lang) -> Html {
        html! { <StaffActions /> }
    }

    #[function_component(StaffActions)]
    fn staff_actions() -> Html {
        let lang = use_lang();
        let auth = use_auth();
        html! {
            if auth.auth.session().is_some() {
                <NavLink to={Route::Dashboard} id="staff-link" class="btn btn-light">{ t(lang, Key::NavDashboard) }</NavLink>
            } else {
                <NavLink to={Route::Login} id="staff-link" class="btn btn-light">{ t(lang, Key::NavStaffLogin) }</NavLink>
            }
        }
    }
}
