//! Statistics for the team and the head of the agency (`/staff/statistics`): the reports of a
//! period per month and category, how each SOP step did against its time standard, the outcomes,
//! the open tickets by age, and the breakdowns behind them; the CSV exports and the monthly recap
//! (*Rekapitulasi Laporan Insiden Siber*). The charts are inline SVG ([`charts`]), drawn by the
//! period's panels (`panels`), each with its numbers in a table underneath; the page prints
//! without the controls.

pub mod charts;
mod panels;

use std::rc::Rc;

use chrono::{Duration, SecondsFormat};
use ttis_shared::dto::stats::Stats;
use ttis_shared::{Lang, Role};
use yew::prelude::*;

use self::panels::{results, summary};
use super::{Guard, StaffNav, error_box, label_text, use_categories};
use crate::api::{self, ApiError};
use crate::hooks::{Fetch, use_fetch, use_fetch_when};
use crate::i18n::{Key, t};
use crate::state::{Session, use_lang};
use crate::util;

/// A step within its standard this often or more is green; amber down to [`SHARE_AMBER`].
pub const SHARE_GREEN: f64 = 0.9;
pub const SHARE_AMBER: f64 = 0.75;

/// The buckets of open tickets by age, in order.
pub const AGE_BUCKETS: [(&str, Key, &str); 5] = [
    ("lt_1d", Key::StatsAgeLt1d, "#c9e5d3"),
    ("1_3d", Key::StatsAge1To3d, "#f2b705"),
    ("3_7d", Key::StatsAge3To7d, "#e07b39"),
    ("7_30d", Key::StatsAge7To30d, "#b3261e"),
    ("gt_30d", Key::StatsAgeGt30d, "#5c1410"),
];

/// A query value, percent-encoded (everything but the unreserved characters).
fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The period and filter of the page, as typed (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub from: String,
    pub to: String,
    pub category: String,
}

impl Period {
    /// This year to today, as the server counts them: in the deployment's time zone, which need
    /// not be the browser's (at 00:30 WITA a browser on WIB is still on yesterday). The dates are
    /// left empty, so the request names none, and filled in from the answer ([`Period::resolved`]).
    pub fn this_year() -> Self {
        Period { from: String::new(), to: String::new(), category: String::new() }
    }

    /// The period with the dates the server answered for, where it named none.
    pub fn resolved(&self, stats: Option<&Stats>) -> Period {
        match stats {
            Some(s) if self.from.is_empty() && self.to.is_empty() => {
                Period { from: s.from.to_string(), to: s.to.to_string(), category: self.category.clone() }
            }
            _ => self.clone(),
        }
    }

    /// The query of `GET /stats` and `GET /stats/export.csv` (no dates: the server's this year).
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if !(self.from.is_empty() && self.to.is_empty()) {
            parts.push(format!("from={}", enc(&self.from)));
            parts.push(format!("to={}", enc(&self.to)));
        }
        if !self.category.is_empty() {
            parts.push(format!("category={}", enc(&self.category)));
        }
        parts.join("&")
    }

    /// The same period as the filters of `GET /tickets`: submitted from the start of `from` to
    /// before the start of the day after `to` (the browser's local days, as RFC 3339).
    pub fn ticket_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(from) = util::parse_day(&self.from).and_then(|d| util::day_start(&d)) {
            parts.push(format!("from={}", enc(&from.to_rfc3339_opts(SecondsFormat::Secs, true))));
        }
        let end = util::parse_day(&self.to).and_then(|d| d.checked_add_signed(Duration::days(1)));
        if let Some(to) = end.and_then(|d| util::day_start(&d)) {
            parts.push(format!("to={}", enc(&to.to_rfc3339_opts(SecondsFormat::Secs, true))));
        }
        if !self.category.is_empty() {
            parts.push(format!("category={}", enc(&self.category)));
        }
        parts.join("&")
    }

    /// What is wrong with the dates: the field's id and the message.
    fn problem(&self, lang: Lang) -> Option<(&'static str, String)> {
        if self.from.is_empty() && self.to.is_empty() {
            return None;
        }
        let from = util::parse_day(&self.from);
        let to = util::parse_day(&self.to);
        match (from, to) {
            (None, _) => Some(("stats-from", t(lang, Key::StatsDateInvalid).to_string())),
            (_, None) => Some(("stats-to", t(lang, Key::StatsDateInvalid).to_string())),
            (Some(f), Some(t_)) if f > t_ => Some(("stats-to", t(lang, Key::StatsDateOrder).to_string())),
            _ => None,
        }
    }
}

#[function_component(Statistics)]
pub fn statistics() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <StatisticsPage {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

#[function_component(StatisticsPage)]
fn statistics_page(props: &Props) -> Html {
    let lang = use_lang();
    let token = props.session.token.clone();
    let allowed = props.session.has_role(Role::Analyst) || props.session.has_role(Role::Head);
    let categories = use_categories();
    let form = use_state(Period::this_year);
    let applied = use_state(Period::this_year);
    let invalid = use_state(|| None::<(&'static str, String)>);
    let recap_month = use_state(util::local_month_now);
    let busy = use_state(|| None::<&'static str>);
    let download_error = use_state(|| None::<ApiError>);
    let recap_invalid = use_state(|| false);

    let stats = use_fetch_when(allowed, (applied.query(), token.clone()), move |(query, token)| async move {
        api::get::<Stats>(&format!("/stats?{query}"), Some(&token), lang).await
    });
    // The default period's dates, once the server has said which they are.
    let shown = applied.resolved(stats.data().map(|s| s.as_ref()));
    {
        let (form, shown) = (form.clone(), shown.clone());
        use_effect_with(shown.clone(), move |_| {
            if form.from.is_empty() && form.to.is_empty() && !shown.from.is_empty() {
                form.set(Period { category: form.category.clone(), ..shown });
            }
        });
    }

    let onsubmit = {
        let (form, applied, invalid) = (form.clone(), applied.clone(), invalid.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match form.problem(lang) {
                Some((id, message)) => {
                    invalid.set(Some((id, message)));
                    util::focus(id);
                }
                None => {
                    invalid.set(None);
                    applied.set((*form).clone());
                }
            }
        })
    };
    let set = |f: fn(&mut Period, String)| {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let mut next = (*form).clone();
            f(&mut next, super::event_value(&e));
            form.set(next);
        })
    };
    let on_from = set(|p, v| p.from = v);
    let on_to = set(|p, v| p.to = v);
    let on_category = set(|p, v| p.category = v);
    let on_reset = {
        let (form, applied, invalid) = (form.clone(), applied.clone(), invalid.clone());
        Callback::from(move |_: MouseEvent| {
            invalid.set(None);
            form.set(Period::this_year());
            applied.set(Period::this_year());
        })
    };

    let download = |id: &'static str, path: String, file_name: String| {
        let (busy, download_error, token) = (busy.clone(), download_error.clone(), token.clone());
        Callback::from(move |_: MouseEvent| {
            if busy.is_some() {
                return;
            }
            let (busy, download_error, token, path, file_name) =
                (busy.clone(), download_error.clone(), token.clone(), path.clone(), file_name.clone());
            busy.set(Some(id));
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::download(&path, &token, &file_name, lang).await;
                busy.set(None);
                download_error.set(result.err());
            });
        })
    };
    let on_export_stats = download(
        "export-stats-csv",
        format!("/stats/export.csv?{}&sep=semicolon", applied.query()),
        format!("statistik-ttis-{}-{}.csv", shown.from, shown.to),
    );
    let on_export_tickets = download(
        "export-tickets-csv",
        format!("/tickets/export.csv?{}&sep=semicolon", shown.ticket_query()),
        "tiket-ttis.csv".to_string(),
    );
    let recap_ok = util::parse_day(&format!("{}-01", *recap_month)).is_some();
    let on_recap = {
        let download = download(
            "recap-download",
            format!("/stats/recap.pdf?month={}", enc(&recap_month)),
            format!("Rekapitulasi-Laporan-Insiden-Siber-{}.pdf", *recap_month),
        );
        let recap_invalid = recap_invalid.clone();
        Callback::from(move |e: MouseEvent| {
            recap_invalid.set(!recap_ok);
            if recap_ok {
                download.emit(e);
            } else {
                util::focus("recap-month");
            }
        })
    };
    let on_recap_month = {
        let (recap_month, recap_invalid) = (recap_month.clone(), recap_invalid.clone());
        Callback::from(move |e: Event| {
            recap_invalid.set(false);
            recap_month.set(super::event_value(&e));
        })
    };
    let on_print = Callback::from(|_: MouseEvent| util::print());

    let err_for = |id: &str| invalid.as_ref().filter(|(f, _)| *f == id).map(|(_, m)| m.clone());
    let from_err = err_for("stats-from");
    let to_err = err_for("stats-to");
    let f = &*form;

    let controls = html! {
        <form class="panel stats-controls no-print" id="stats-form" novalidate=true {onsubmit}
            aria-label={t(lang, Key::StatsPeriodLabel)}>
            <div class={classes!("field", from_err.is_some().then_some("field-invalid"))}>
                <label for="stats-from">{ t(lang, Key::StatsFrom) }</label>
                <input id="stats-from" type="date" value={f.from.clone()} onchange={on_from.clone()} oninput={on_from.reform(|e: InputEvent| Event::from(e))}
                    aria-invalid={from_err.is_some().then_some("true")}
                    aria-describedby={from_err.is_some().then_some("stats-from-error")} />
                if let Some(e) = from_err { <p class="field-error" id="stats-from-error">{ e }</p> }
            </div>
            <div class={classes!("field", to_err.is_some().then_some("field-invalid"))}>
                <label for="stats-to">{ t(lang, Key::StatsTo) }</label>
                <input id="stats-to" type="date" value={f.to.clone()} onchange={on_to.clone()} oninput={on_to.reform(|e: InputEvent| Event::from(e))}
                    aria-invalid={to_err.is_some().then_some("true")}
                    aria-describedby={to_err.is_some().then_some("stats-to-error")} />
                if let Some(e) = to_err { <p class="field-error" id="stats-to-error">{ e }</p> }
            </div>
            <div class="field">
                <label for="stats-category">{ t(lang, Key::FieldCategory) }</label>
                <select id="stats-category" onchange={on_category}>
                    <option value="" selected={f.category.is_empty()}>{ t(lang, Key::FilterAll) }</option>
                    { for categories.iter().map(|c| html! {
                        <option value={c.code.clone()} selected={f.category == c.code}>
                            { if c.parent.is_some() { format!("— {}", label_text(&c.label, lang)) } else { label_text(&c.label, lang) } }
                        </option>
                    }) }
                </select>
            </div>
            <div class="stats-controls-actions">
                <button type="submit" id="stats-apply" class="btn btn-primary">{ t(lang, Key::StatsApply) }</button>
                <button type="button" id="stats-reset" class="btn btn-secondary" onclick={on_reset}>{ t(lang, Key::StatsThisYear) }</button>
            </div>
        </form>
    };

    let is_busy = |id: &str| *busy == Some(id);
    let exports = html! {
        <section class="panel stats-exports no-print" id="stats-exports" aria-labelledby="stats-exports-title">
            <h2 id="stats-exports-title">{ t(lang, Key::StatsExportsTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::StatsExportsHint) }</p>
            if let Some(e) = &*download_error {
                { error_box(e, lang, "stats-download-error") }
            }
            <div class="stats-export-row">
                <button type="button" id="export-stats-csv" class="btn btn-secondary" disabled={busy.is_some()} onclick={on_export_stats}>
                    { t(lang, if is_busy("export-stats-csv") { Key::Loading } else { Key::StatsExportStats }) }
                </button>
                <button type="button" id="export-tickets-csv" class="btn btn-secondary" disabled={busy.is_some()} onclick={on_export_tickets}>
                    { t(lang, if is_busy("export-tickets-csv") { Key::Loading } else { Key::StatsExportTickets }) }
                </button>
            </div>
            <div class="stats-recap">
                <h3>{ t(lang, Key::StatsRecapTitle) }</h3>
                <p class="field-hint" id="recap-month-hint">{ t(lang, Key::StatsRecapHint) }</p>
                <div class="stats-export-row">
                    <div class={classes!("field", recap_invalid.then_some("field-invalid"))}>
                        <label for="recap-month">{ t(lang, Key::StatsRecapMonth) }</label>
                        <input id="recap-month" type="month" value={(*recap_month).clone()} onchange={on_recap_month.clone()} oninput={on_recap_month.reform(|e: InputEvent| Event::from(e))}
                            aria-invalid={recap_invalid.then_some("true")}
                            aria-describedby={if *recap_invalid { "recap-month-hint recap-month-error" } else { "recap-month-hint" }} />
                        if *recap_invalid {
                            <p class="field-error" id="recap-month-error">{ t(lang, Key::StatsRecapMonthInvalid) }</p>
                        }
                    </div>
                    <button type="button" id="recap-download" class="btn btn-primary" disabled={busy.is_some()} onclick={on_recap}>
                        { t(lang, if is_busy("recap-download") { Key::Loading } else { Key::StatsRecapDownload }) }
                    </button>
                </div>
            </div>
        </section>
    };

    let body = if !allowed {
        html! { <p class="alert alert-error" role="alert" id="stats-forbidden">{ t(lang, Key::StatsForbidden) }</p> }
    } else {
        let results = match stats.state() {
            Fetch::Loading => html! { <p class="panel loading" role="status">{ t(lang, Key::Loading) }</p> },
            Fetch::Failed(e) => error_box(e, lang, "stats-error"),
            Fetch::Ready(s) => results(s, &categories, lang),
        };
        html! {
            <>
                { controls }
                <div class="stats-results" aria-busy={if stats.loading() { "true" } else { "false" }}>
                    <p class="visually-hidden" role="status">{ if stats.loading() { t(lang, Key::Loading) } else { "" } }</p>
                    { results }
                </div>
                { exports }
            </>
        }
    };

    html! {
        <div class="container container-wide page stats-page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::StatsTitle) }</h1>
                    <p class="lead">{ t(lang, Key::StatsLead) }</p>
                </div>
                if allowed {
                    <p class="no-print">
                        <button type="button" id="stats-print" class="btn btn-secondary" onclick={on_print}>{ t(lang, Key::StatsPrint) }</button>
                    </p>
                }
            </div>
            <StaffNav session={props.session.clone()} />
            { body }
        </div>
    }
}

/// The head's dashboard: this year's figures at a glance and the way to the statistics.
#[derive(Properties, PartialEq)]
pub struct TeaserProps {
    pub session: Rc<Session>,
}

#[function_component(StatsTeaser)]
pub fn stats_teaser(props: &TeaserProps) -> Html {
    use crate::components::nav_link::NavLink;
    use crate::route::Route;

    let lang = use_lang();
    let stats = use_fetch(props.session.token.clone(), move |token| async move {
        api::get::<Stats>(&format!("/stats?{}", Period::this_year().query()), Some(&token), lang).await
    });
    let figures = stats.data().map(|s| {
        let (valid, rejected, open) = summary(s);
        let cards = [
            (Key::StatsTotal, s.total, "stat-total"),
            (Key::StatsValid, valid, "stat-valid"),
            (Key::StatsRejected, rejected, "stat-rejected"),
            (Key::StatsOpen, open, "stat-open"),
        ];
        html! {
            <ul class="stat-cards stat-cards-small" id="dashboard-stats">
                { for cards.iter().map(|(key, value, class)| html! {
                    <li class={classes!("stat-card", *class)}>
                        <span class="stat-value">{ *value }</span>
                        <span class="stat-label">{ t(lang, *key) }</span>
                    </li>
                }) }
            </ul>
        }
    });
    html! {
        <section class="panel panel-accent stats-teaser" aria-labelledby="stats-teaser-title" id="stats-teaser">
            <div class="stats-teaser-head">
                <div>
                    <h2 id="stats-teaser-title">{ t(lang, Key::StatsTeaserTitle) }</h2>
                    <p class="field-hint">{ t(lang, Key::StatsTeaserText) }</p>
                </div>
                <NavLink to={Route::Statistics} id="dashboard-statistics-link" class="btn btn-primary btn-lg">{ t(lang, Key::StatsOpenPage) }</NavLink>
            </div>
            { for figures }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stats_query_carries_the_period_and_category() {
        let p = Period { from: "2026-01-01".into(), to: "2026-11-29".into(), category: "defacement".into() };
        assert_eq!(p.query(), "from=2026-01-01&to=2026-11-29&category=defacement");
        assert_eq!(enc("2026-01-01T00:00:00+08:00"), "2026-01-01T00%3A00%3A00%2B08%3A00");
        assert_eq!(Period::this_year().query(), "", "the default names no dates: the server's zone decides");
        assert_eq!(Period { category: "phishing".into(), ..Period::this_year() }.query(), "category=phishing");
    }
}
