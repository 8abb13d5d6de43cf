//! The landing page: what TTIS is, what to report, and the way to report it.

use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::hooks::use_site;
use crate::i18n::{Key, t, tn};
use crate::route::Route;
use crate::state::use_lang;
use ttis_shared::Lang;

#[function_component(Home)]
pub fn home() -> Html {
    let lang = use_lang();
    let site = use_site();
    let report_what = [
        Key::HomeWhatDefacement,
        Key::HomeWhatGambling,
        Key::HomeWhatPhishing,
        Key::HomeWhatMalware,
        Key::HomeWhatDataLeak,
        Key::HomeWhatAvailability,
        Key::HomeWhatVulnerability,
    ];
    let steps = [
        (Key::HomeStep1Title, Key::HomeStep1Text),
        (Key::HomeStep2Title, Key::HomeStep2Text),
        (Key::HomeStep3Title, Key::HomeStep3Text),
        (Key::HomeStep4Title, Key::HomeStep4Text),
    ];
    let services = [
        (Route::Track, Key::NavTrack, Key::HomeTrackText, "card-track"),
        (Route::HallOfFame, Key::NavHallOfFame, Key::HomeHallText, "card-hall"),
        (Route::Verify, Key::NavVerify, Key::HomeVerifyText, "card-verify"),
    ];
    // The agency's own policy text (configuration), paragraph by paragraph; ours until it arrives.
    let policy = site
        .as_ref()
        .map(|s| match lang {
            Lang::Id => s.safe_harbor.id.clone(),
            Lang::En => s.safe_harbor.en.clone(),
        })
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| t(lang, Key::HomeGoodFaith).to_string());
    let safe_harbor = policy
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| html! { <p class="prewrap">{ p.trim().to_string() }</p> })
        .collect::<Html>();
    let contact = site
        .as_ref()
        .map(|s| s.security_contact.clone())
        .filter(|c| c.starts_with("mailto:") || c.starts_with("https:"));
    html! {
        <>
            <section class="hero">
                <div class="container hero-inner">
                    <p class="eyebrow">{ tn(lang, Key::HomeEyebrow) }</p>
                    <h1>{ tn(lang, Key::HomeTitle) }</h1>
                    <p class="lead">{ tn(lang, Key::HomeLead) }</p>
                    <div class="hero-actions">
                        <NavLink to={Route::Report} id="cta-report" class="btn btn-cta btn-lg">
                            { t(lang, Key::ReportCta) }
                        </NavLink>
                        <NavLink to={Route::Track} class="btn btn-light btn-lg">{ t(lang, Key::NavTrack) }</NavLink>
                    </div>
                    <p class="hero-note">{ t(lang, Key::HomeNoAccount) }</p>
                </div>
            </section>

            <div class="container page">
                <section class="grid-2" aria-labelledby="what-title">
                    <div>
                        <h2 id="what-title">{ t(lang, Key::HomeWhatTitle) }</h2>
                        <p>{ t(lang, Key::HomeWhatLead) }</p>
                        <ul class="checklist">
                            { for report_what.into_iter().map(|k| html! { <li>{ t(lang, k) }</li> }) }
                        </ul>
                    </div>
                    <div class="panel panel-accent">
                        <h2>{ t(lang, Key::HomeAboutTitle) }</h2>
                        <p>{ tn(lang, Key::HomeAboutText) }</p>
                        <p>{ t(lang, Key::HomeGoodFaith) }</p>
                    </div>
                </section>

                <section id="safe-harbor" class="panel safe-harbor" aria-labelledby="safe-harbor-title">
                    <h2 id="safe-harbor-title">{ t(lang, Key::SafeHarborTitle) }</h2>
                    { safe_harbor }
                    if let Some(contact) = contact {
                        <p class="security-contact">
                            { format!("{}: ", t(lang, Key::SecurityContact)) }
                            <a href={contact.clone()}>{ contact.trim_start_matches("mailto:").to_string() }</a>
                        </p>
                    }
                </section>

                <section aria-labelledby="steps-title">
                    <h2 id="steps-title">{ t(lang, Key::HomeStepsTitle) }</h2>
                    <ol class="steps">
                        { for steps.into_iter().map(|(title, text)| html! {
                            <li>
                                <h3>{ t(lang, title) }</h3>
                                <p>{ t(lang, text) }</p>
                            </li>
                        }) }
                    </ol>
                </section>

                <section aria-labelledby="services-title">
                    <h2 id="services-title">{ t(lang, Key::HomeServicesTitle) }</h2>
                    <ul class="cards">
                        { for services.into_iter().map(|(route, title, text, class)| html! {
                            <li class={classes!("card", class)}>
                                <h3><NavLink to={route}>{ t(lang, title) }</NavLink></h3>
                                <p>{ t(lang, text) }</p>
                            </li>
                        }) }
                    </ul>
                </section>
            </div>
        </>
    }
}
