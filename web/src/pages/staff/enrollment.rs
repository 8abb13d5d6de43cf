//! The banner and the hold while the security policy waits for this account to enrol a second
//! factor.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::nav_link::NavLink;
use crate::i18n::{Key, t};
use crate::route::Route;
use crate::state::{use_auth, use_lang};

/// While the security policy waits for this account to enrol a second factor (some call answered
/// `totp_enrollment_required`): staff pages give way to the account page, and a banner says why.
#[function_component(EnrollmentNotice)]
pub fn enrollment_notice() -> Html {
    let lang = use_lang();
    let auth = use_auth();
    let route = use_route::<Route>();
    if !auth.enrollment_required || auth.auth.session().is_none() {
        return html! {};
    }
    let on_account = route == Some(Route::Account);
    let staff_page = route.as_ref().is_some_and(|r| r.to_path().starts_with("/staff/") || *r == Route::Dashboard);
    if staff_page && !on_account {
        return html! { <Redirect<Route> to={Route::Account} /> };
    }
    html! {
        <div class="container enrollment-wrap">
            <div class="alert alert-warning" role="alert" id="enrollment-banner">
                <strong>{ t(lang, Key::EnrollmentBannerTitle) }</strong>
                <p>{ t(lang, Key::EnrollmentBannerText) }</p>
                if !on_account {
                    <p><NavLink to={Route::Account} id="enrollment-link">{ t(lang, Key::EnrollmentBannerLink) }</NavLink></p>
                }
            </div>
        </div>
    }
}
