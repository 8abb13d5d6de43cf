//! The site header: agency, platform name, main navigation, language switch, staff sign-in; in
//! the staff build, for the head, the approval queue with the number of tickets waiting; for
//! analysts and the head, reporters' data requests; for administrators, webhooks, security and the
//! audit log; for every signed-in member, their own account.

use yew::prelude::*;

use crate::app::Route;
use crate::components::lang_switch::LangSwitch;
use crate::components::nav_link::NavLink;
use crate::i18n::{Key, t};
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
                    { staff::actions(lang) }
                </div>
            </div>
            <nav class="main-nav" aria-label={t(lang, Key::NavLabel)}>
                <ul class="container">
                    { for nav.into_iter().map(|(route, key)| html! {
                        <li><NavLink to={route}>{ t(lang, key) }</NavLink></li>
                    }) }
                    { staff::nav_items() }
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

    pub fn nav_items() -> Html {
        Html::default()
    }
}

/// The staff build: the dashboard and account for a signed-in member, and the links their roles
/// open.
#[cfg(feature = "staff")]
mod staff {
    use ttis_shared::Role;
    use yew::prelude::*;
    use yew_router::prelude::*;

    use crate::app::Route;
    use crate::components::nav_link::NavLink;
    use crate::i18n::{Key, t};
    use crate::pages::staff::approvals::awaiting_count;
    use crate::state::{use_auth, use_lang};

    pub fn actions(_lang: ttis_shared::Lang) -> Html {
        html! { <StaffActions /> }
    }

    pub fn nav_items() -> Html {
        html! { <StaffNavItems /> }
    }

    #[function_component(StaffActions)]
    fn staff_actions() -> Html {
        let lang = use_lang();
        let auth = use_auth();
        html! {
            <>
                if auth.auth.session().is_some() {
                    <NavLink to={Route::Dashboard} id="staff-link" class="btn btn-light">{ t(lang, Key::NavDashboard) }</NavLink>
                    <NavLink to={Route::Account} id="nav-account" class="btn btn-light">{ t(lang, Key::NavAccount) }</NavLink>
                } else {
                    <NavLink to={Route::Login} id="staff-link" class="btn btn-light">{ t(lang, Key::NavStaffLogin) }</NavLink>
                }
            </>
        }
    }

    #[function_component(StaffNavItems)]
    fn staff_nav_items() -> Html {
        let lang = use_lang();
        let auth = use_auth();
        let route = use_route::<Route>();
        let head_token = auth.auth.session().filter(|s| s.has_role(Role::Head)).map(|s| s.token.clone());
        let is_admin = auth.auth.session().is_some_and(|s| s.has_role(Role::Admin));
        let works_tickets = auth.auth.session().is_some_and(|s| s.has_role(Role::Analyst) || s.has_role(Role::Head));
        let waiting = use_state(|| 0u64);
        {
            // Asked again on every page change, so an approval elsewhere shows at once.
            let waiting = waiting.clone();
            use_effect_with((head_token.clone(), route), move |(token, _)| {
                if let Some(token) = token.clone() {
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Some(n) = awaiting_count(&token, lang).await {
                            waiting.set(n);
                        }
                    });
                }
            });
        }
        html! {
            <>
                if head_token.is_some() {
                    <li>
                        <NavLink to={Route::Approvals} id="approvals-link">
                            { t(lang, Key::NavApprovals) }
                            { " " }
                            <span id="approvals-badge" class="nav-badge" hidden={*waiting == 0}>{ *waiting }</span>
                            if *waiting > 0 {
                                <span class="visually-hidden">{ format!(" {}", t(lang, Key::ApprovalsWaiting)) }</span>
                            }
                        </NavLink>
                    </li>
                }
                if works_tickets {
                    <li><NavLink to={Route::ReporterData} id="nav-reporter-data">{ t(lang, Key::NavReporterData) }</NavLink></li>
                }
                if is_admin {
                    <li><NavLink to={Route::Webhooks} id="webhooks-link">{ t(lang, Key::WebhooksTitle) }</NavLink></li>
                    <li><NavLink to={Route::Security} id="nav-security">{ t(lang, Key::NavSecurity) }</NavLink></li>
                    <li><NavLink to={Route::Audit} id="nav-audit">{ t(lang, Key::NavAudit) }</NavLink></li>
                }
            </>
        }
    }
}
