//! The site header: agency, platform name, main navigation, language switch, staff sign-in.

use yew::prelude::*;

use crate::app::Route;
use crate::components::lang_switch::LangSwitch;
use crate::components::nav_link::NavLink;
use crate::i18n::{Key, t};
use crate::state::{use_auth, use_lang};

#[function_component(Header)]
pub fn header() -> Html {
    let lang = use_lang();
    let auth = use_auth();
    let staff_link = match auth.auth.session() {
        Some(_) => html! {
            <NavLink to={Route::Dashboard} id="staff-link" class="btn btn-light">{ t(lang, Key::NavDashboard) }</NavLink>
        },
        None => html! {
            <NavLink to={Route::Login} id="staff-link" class="btn btn-light">{ t(lang, Key::NavStaffLogin) }</NavLink>
        },
    };
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
                <div class="container">{ t(lang, Key::AgencyLine) }</div>
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
                    { staff_link }
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
