//! The app shell: the page switch for the [`Route`]s, and each route's document title.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::i18n::{Key, t, tn};
use crate::pages;
use crate::route::Route;
use crate::state::{LangProvider, use_lang};
use ttis_shared::Lang;

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
        Route::NotFound => html! { <pages::not_found::NotFound /> },
        // The staff area: only in the staff build.
        #[cfg(feature = "staff")]
        Route::Login => html! { <pages::staff::login::Login /> },
        #[cfg(feature = "staff")]
        Route::Dashboard => html! { <pages::staff::dashboard::Dashboard /> },
        #[cfg(feature = "staff")]
        Route::AdminHome => html! { <pages::staff::admin_home::AdminHome /> },
        #[cfg(feature = "staff")]
        Route::Users => html! { <pages::staff::users::Users /> },
        #[cfg(feature = "staff")]
        Route::NewTicket => html! { <pages::staff::new_ticket::NewTicket /> },
        #[cfg(feature = "staff")]
        Route::Ticket { code } => html! { <pages::staff::ticket::TicketPage code={AttrValue::from(code)} /> },
        #[cfg(feature = "staff")]
        Route::Pses => html! { <pages::staff::pses::Pses /> },
        #[cfg(feature = "staff")]
        Route::Categories => html! { <pages::staff::categories::Categories /> },
        #[cfg(feature = "staff")]
        Route::Approvals => html! { <pages::staff::approvals::Approvals /> },
        #[cfg(feature = "staff")]
        Route::Organization => html! { <pages::staff::organization::OrganizationSettings /> },
        #[cfg(feature = "staff")]
        Route::Webhooks => html! { <pages::staff::webhooks::Webhooks /> },
        #[cfg(feature = "staff")]
        Route::Monitoring => html! { <pages::staff::monitoring::Monitoring /> },
        #[cfg(feature = "staff")]
        Route::Statistics => html! { <pages::staff::statistics::Statistics /> },
        #[cfg(feature = "staff")]
        Route::SlaPolicy => html! { <pages::staff::sla_policy::SlaPolicy /> },
        #[cfg(feature = "staff")]
        Route::Account => html! { <pages::staff::account::Account /> },
        #[cfg(feature = "staff")]
        Route::Security => html! { <pages::staff::security::Security /> },
        #[cfg(feature = "staff")]
        Route::ReporterData => html! { <pages::staff::reporter_data::ReporterDataPage /> },
        #[cfg(feature = "staff")]
        Route::Audit => html! { <pages::staff::audit::Audit /> },
    }
}

/// The document's title on `route`, in `lang`: the page, then the platform (`Tiket
/// TTIS-2026-000123 · TTIS Lapor`); the home page has the platform's full name. Exhaustive, so a
/// new route cannot go without one.
pub fn title(route: &Route, lang: Lang) -> String {
    let page = |key: Key| t(lang, key).to_string();
    let name = match route {
        Route::Home => return tn(lang, Key::DocumentTitle),
        Route::Report => page(Key::ReportTitle),
        Route::Track => page(Key::TrackTitle),
        Route::HallOfFame => page(Key::HallTitle),
        Route::Verify | Route::VerifyDocument { .. } => page(Key::VerifyTitle),
        Route::Acknowledge => page(Key::AckTitle),
        Route::NotFound => page(Key::NotFoundTitle),
        #[cfg(feature = "staff")]
        Route::Login => page(Key::LoginTitle),
        #[cfg(feature = "staff")]
        Route::Dashboard => page(Key::DashboardTitle),
        #[cfg(feature = "staff")]
        Route::AdminHome => page(Key::AdminHomeTitle),
        #[cfg(feature = "staff")]
        Route::Users => page(Key::UsersTitle),
        #[cfg(feature = "staff")]
        Route::NewTicket => page(Key::NewTicketTitle),
        #[cfg(feature = "staff")]
        Route::Ticket { code } => t(lang, Key::TitleTicket).replace("{code}", code),
        #[cfg(feature = "staff")]
        Route::Pses => page(Key::PsesTitle),
        #[cfg(feature = "staff")]
        Route::Categories => page(Key::CategoriesTitle),
        #[cfg(feature = "staff")]
        Route::Approvals => page(Key::ApprovalsTitle),
        #[cfg(feature = "staff")]
        Route::Organization => page(Key::OrgTitle),
        #[cfg(feature = "staff")]
        Route::Webhooks => page(Key::WebhooksTitle),
        #[cfg(feature = "staff")]
        Route::Monitoring => page(Key::MonitoringTitle),
        #[cfg(feature = "staff")]
        Route::Statistics => page(Key::StatsTitle),
        #[cfg(feature = "staff")]
        Route::SlaPolicy => page(Key::SlaPolicyTitle),
        #[cfg(feature = "staff")]
        Route::Account => page(Key::AccountTitle),
        #[cfg(feature = "staff")]
        Route::Security => page(Key::SecurityTitle),
        #[cfg(feature = "staff")]
        Route::ReporterData => page(Key::ReporterDataTitle),
        #[cfg(feature = "staff")]
        Route::Audit => page(Key::AuditTitle),
    };
    format!("{name} · {}", t(lang, Key::PlatformName))
}

#[function_component(Shell)]
fn shell() -> Html {
    let lang = use_lang();
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    use_effect_with((route, lang), |(route, lang)| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title(route, *lang));
        }
    });
    #[cfg(feature = "staff")]
    let notice = html! { <pages::staff::enrollment::EnrollmentNotice /> };
    #[cfg(not(feature = "staff"))]
    let notice = Html::default();
    html! {
        <>
            <a class="skip-link" href="#main">{ t(lang, Key::SkipToContent) }</a>
            <Header />
            <main id="main" class="main" tabindex="-1">
                { notice }
                <Switch<Route> render={switch} />
            </main>
            <Footer />
        </>
    }
}

/// The root component: language, session (staff build only), router, then the page shell.
#[function_component(App)]
pub fn app() -> Html {
    let routed = html! {
        <BrowserRouter>
            <Shell />
        </BrowserRouter>
    };
    #[cfg(feature = "staff")]
    let routed = html! { <crate::state::AuthProvider>{ routed }</crate::state::AuthProvider> };
    html! {
        <LangProvider>
            { routed }
        </LangProvider>
    }
}
