//! The routes and the page switch.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::nav_link::NavLink;
use crate::i18n::{Key, t};
use crate::pages;
use crate::state::{AuthProvider, LangProvider, use_auth, use_lang};

/// Every page of the SPA. The server falls back to `index.html` for these paths.
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
    #[at("/staff/login")]
    Login,
    #[at("/staff")]
    Dashboard,
    #[at("/staff/users")]
    Users,
    #[at("/staff/tickets/new")]
    NewTicket,
    #[at("/staff/tickets/:code")]
    Ticket { code: String },
    #[at("/staff/pses")]
    Pses,
    #[at("/staff/categories")]
    Categories,
    #[at("/staff/approvals")]
    Approvals,
    #[at("/staff/organization")]
    Organization,
    #[at("/staff/webhooks")]
    Webhooks,
    #[at("/staff/statistics")]
    Statistics,
    #[at("/staff/sla")]
    SlaPolicy,
    #[at("/staff/account")]
    Account,
    #[at("/staff/security")]
    Security,
    #[at("/staff/reporter-data")]
    ReporterData,
    #[at("/staff/audit")]
    Audit,
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::home::Home /> },
        Route::Report => html! { <pages::report::Report /> },
        Route::Track => html! { <pages::track::Track /> },
        Route::HallOfFame => html! { <pages::hall_of_fame::HallOfFame /> },
        Route::Verify => html! { <pages::verify::Verify /> },
        Route::VerifyDocument { id } => {
            html! { <pages::verify::Verify id={Some(AttrValue::from(id))} /> }
        }
        Route::Acknowledge => html! { <pages::acknowledge::Acknowledge /> },
        Route::Login => html! { <pages::login::Login /> },
        Route::Dashboard => html! { <pages::dashboard::Dashboard /> },
        Route::Users => html! { <pages::users::Users /> },
        Route::NewTicket => html! { <pages::staff::new_ticket::NewTicket /> },
        Route::Ticket { code } => html! { <pages::staff::ticket::TicketPage code={AttrValue::from(code)} /> },
        Route::Pses => html! { <pages::staff::pses::Pses /> },
        Route::Categories => html! { <pages::staff::categories::Categories /> },
        Route::Approvals => html! { <pages::staff::approvals::Approvals /> },
        Route::Organization => html! { <pages::staff::organization::OrganizationSettings /> },
        Route::Webhooks => html! { <pages::staff::webhooks::Webhooks /> },
        Route::Statistics => html! { <pages::staff::statistics::Statistics /> },
        Route::SlaPolicy => html! { <pages::staff::sla_policy::SlaPolicy /> },
        Route::Account => html! { <pages::staff::account::Account /> },
        Route::Security => html! { <pages::staff::security::Security /> },
        Route::ReporterData => html! { <pages::staff::reporter_data::ReporterDataPage /> },
        Route::Audit => html! { <pages::staff::audit::Audit /> },
        Route::NotFound => html! { <pages::not_found::NotFound /> },
    }
}

/// While the security policy waits for this account to enrol a second factor (some call answered
/// `totp_enrollment_required`): staff pages give way to the account page, and a banner says why.
#[function_component(EnrollmentNotice)]
fn enrollment_notice() -> Html {
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

#[function_component(Shell)]
fn shell() -> Html {
    let lang = use_lang();
    html! {
        <>
            <a class="skip-link" href="#main">{ t(lang, Key::SkipToContent) }</a>
            <Header />
            <main id="main" class="main" tabindex="-1">
                <EnrollmentNotice />
                <Switch<Route> render={switch} />
            </main>
            <Footer />
        </>
    }
}

/// The root component: language, session, router, then the page shell.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <LangProvider>
            <AuthProvider>
                <BrowserRouter>
                    <Shell />
                </BrowserRouter>
            </AuthProvider>
        </LangProvider>
    }
}
