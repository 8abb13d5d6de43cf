//! The site footer: the agency, the team and the procedure the platform carries.

use yew::prelude::*;

use crate::components::nav_link::{NavLink, staff_link};
use crate::i18n::{Key, t, tn};
use crate::route::Route;
use crate::state::use_lang;

#[function_component(Footer)]
pub fn footer() -> Html {
    let lang = use_lang();
    html! {
        <footer class="site-footer">
            <div class="container footer-inner">
                <div>
                    <p class="footer-agency">{ tn(lang, Key::AgencyFull) }</p>
                    <p>{ tn(lang, Key::FooterTeam) }</p>
                    <p class="footer-sop">{ tn(lang, Key::FooterSop) }</p>
                </div>
                <ul class="footer-links">
                    <li><NavLink to={Route::Report}>{ t(lang, Key::NavReport) }</NavLink></li>
                    <li><NavLink to={Route::Track}>{ t(lang, Key::NavTrack) }</NavLink></li>
                    <li><NavLink to={Route::Verify}>{ t(lang, Key::NavVerify) }</NavLink></li>
                    <li>{ staff_link("/staff/login", html! { { t(lang, Key::NavStaffLogin) } }) }</li>
                </ul>
            </div>
        </footer>
    }
}
