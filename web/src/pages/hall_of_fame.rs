//! Hall of Fame (SOP step 8): the reporters of valid reports, as each chose to be shown (real
//! name, alias or *Anonim*), ranked by their number of valid reports, with their categories, the
//! latest approval and their certificates (each verifiable at `/verify/{id}`). Filter by year.

use ttis_shared::Lang;
use ttis_shared::dto::delivery::{HallOfFame as HallOfFameList, HallOfFameEntry};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::components::nav_link::NavLink;
use crate::hooks::{Fetch, use_fetch};
use crate::i18n::{Key, t, tn};
use crate::pages::common::{event_value, label_text};
use crate::route::Route;
use crate::state::use_lang;
use crate::util;

/// `GET /hall-of-fame`, for one year or all.
fn list_path(year: Option<i32>) -> String {
    match year {
        Some(y) => format!("/hall-of-fame?year={y}"),
        None => "/hall-of-fame".to_string(),
    }
}

/// `1 laporan valid`, `3 valid reports`.
fn reports_text(n: u32, lang: Lang) -> String {
    let key = if n == 1 { Key::HofReportsOne } else { Key::HofReportsMany };
    t(lang, key).replace("{n}", &n.to_string())
}

#[function_component(HallOfFame)]
pub fn hall_of_fame() -> Html {
    let lang = use_lang();
    let year = use_state(|| None::<i32>);
    // Every year seen so far: a year's own answer may list fewer.
    let years = use_state(Vec::<i32>::new);
    let fetched = {
        let years = years.clone();
        use_fetch(*year, move |year| async move {
            let result = api::get::<HallOfFameList>(&list_path(year), None, lang).await;
            if let Ok(list) = &result {
                let mut all = (*years).clone();
                all.extend(list.years.iter().copied().chain(list.year));
                all.sort_unstable_by(|a, b| b.cmp(a));
                all.dedup();
                years.set(all);
            }
            result
        })
    };
    // The old list goes at once: what is shown is always the chosen year's.
    let loading = Fetch::Loading;
    let data = if fetched.loading() { &loading } else { fetched.state() };

    let on_year = {
        let year = year.clone();
        Callback::from(move |e: Event| year.set(event_value(&e).parse::<i32>().ok()))
    };

    // `#hall-of-fame` is there (empty) even when nobody is listed, with the empty state after it.
    let body = match data {
        Fetch::Loading => html! { <p class="panel loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => html! {
            <div class="alert alert-error" role="alert" id="hall-of-fame-error">{ e.message(lang) }</div>
        },
        Fetch::Ready(list) => {
            let empty = list.entries.is_empty().then(|| match *year {
                Some(y) => t(lang, Key::HofEmptyYearText).replace("{year}", &y.to_string()),
                None => t(lang, Key::HofEmptyText).to_string(),
            });
            html! {
                <>
                    <ol id="hall-of-fame" class="hof-list" aria-labelledby="hof-list-title">
                        { for list.entries.iter().enumerate().map(|(i, e)| entry(i + 1, e, lang)) }
                    </ol>
                    if let Some(text) = empty {
                        <div class="empty-state hof-empty" id="hall-of-fame-empty">
                            <p class="empty-state-title">{ t(lang, Key::HofEmptyTitle) }</p>
                            <p>{ text }</p>
                        </div>
                    }
                </>
            }
        }
    };
    let summary = match data {
        Fetch::Ready(list) if !list.entries.is_empty() => {
            let reports: u32 = list.entries.iter().map(|e| e.reports).sum();
            Some(
                t(lang, Key::HofSummary)
                    .replace("{people}", &list.entries.len().to_string())
                    .replace("{reports}", &reports_text(reports, lang)),
            )
        }
        _ => None,
    };

    html! {
        <div class="container page hof-page">
            <div class="hof-hero">
                <p class="eyebrow">{ t(lang, Key::TeamName) }</p>
                <h1>{ t(lang, Key::HallTitle) }</h1>
                <p class="lead">{ tn(lang, Key::HallLead) }</p>
            </div>
            <section class="hof-section" aria-labelledby="hof-list-title">
                <div class="hof-toolbar">
                    <h2 id="hof-list-title">
                        { t(lang, Key::HofListTitle) }
                        if let Some(y) = *year { { format!(" {y}") } }
                    </h2>
                    <div class="field hof-year-field">
                        <label for="hof-year">{ t(lang, Key::HofYearLabel) }</label>
                        <select id="hof-year" onchange={on_year} aria-controls="hall-of-fame">
                            <option value="" selected={year.is_none()}>{ t(lang, Key::HofAllYears) }</option>
                            { for years.iter().map(|y| html! {
                                <option value={y.to_string()} selected={*year == Some(*y)}>{ y.to_string() }</option>
                            }) }
                        </select>
                    </div>
                </div>
                <p class="hof-summary" role="status" id="hof-summary">
                    if let Some(text) = summary {
                        { text }
                    }
                </p>
                { body }
            </section>
            <div class="panel panel-notice hof-note">
                <p>{ t(lang, Key::HofNote) }</p>
                <p class="panel-actions">
                    <NavLink to={Route::Report} class="btn btn-primary">{ t(lang, Key::ReportCta) }</NavLink>
                    <NavLink to={Route::Verify} class="btn btn-secondary">{ t(lang, Key::NavVerify) }</NavLink>
                </p>
            </div>
        </div>
    }
}

fn entry(rank: usize, e: &HallOfFameEntry, lang: Lang) -> Html {
    let medal = match rank {
        1 => Some("hof-gold"),
        2 => Some("hof-silver"),
        3 => Some("hof-bronze"),
        _ => None,
    };
    let name = if e.anonymous { t(lang, Key::HofAnonymousName).to_string() } else { e.display_name.clone() };
    html! {
        <li class={classes!("hof-entry", medal, e.anonymous.then_some("hof-entry-anonymous"))} id={format!("hof-entry-{rank}")}>
            <span class="hof-rank">
                <span class="visually-hidden">{ format!("{} ", t(lang, Key::HofRank)) }</span>
                { rank }
            </span>
            <div class="hof-body">
                <h3 class={classes!("hof-name", e.anonymous.then_some("hof-anonymous"), e.anonymous.then_some("muted"))}>{ name }</h3>
                <p class="hof-meta">
                    <span class="hof-reports">{ reports_text(e.reports, lang) }</span>
                    <span class="hof-latest">
                        { format!("{}: ", t(lang, Key::HofLatest)) }
                        <time datetime={e.latest.to_string()}>{ util::format_day(&e.latest, lang) }</time>
                    </span>
                </p>
                if !e.categories.is_empty() {
                    <ul class="chips hof-categories" aria-label={t(lang, Key::FieldCategory)}>
                        { for e.categories.iter().map(|c| html! { <li class="chip chip-small">{ label_text(c, lang) }</li> }) }
                    </ul>
                }
                if !e.certificates.is_empty() {
                    <div class="hof-certificates">
                        <span class="hof-certificates-label">{ format!("{}:", t(lang, Key::HofCertificates)) }</span>
                        <ul class="hof-cert-list">
                            { for e.certificates.iter().map(|c| html! {
                                <li>
                                    <Link<Route> to={Route::VerifyDocument { id: c.document_id.clone() }} classes="hof-cert">
                                        <span class="visually-hidden">{ format!("{} ", t(lang, Key::HofVerifyCertificate)) }</span>
                                        { c.number.clone() }
                                    </Link<Route>>
                                </li>
                            }) }
                        </ul>
                    </div>
                }
            </div>
        </li>
    }
}
