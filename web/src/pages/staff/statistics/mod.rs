//! Statistics for the team and the head of the agency (`/staff/statistics`): the reports of a
//! period per month and category, how each SOP step did against its time standard, the outcomes,
//! the open tickets by age, and the breakdowns behind them; the CSV exports and the monthly recap
//! (*Rekapitulasi Laporan Insiden Siber*). The charts are inline SVG ([`charts`]), each with its
//! numbers in a table underneath; the page prints without the controls.

pub mod charts;

use std::rc::Rc;

use chrono::{Duration, SecondsFormat};
use gloo_net::http::Method;
use ttis_shared::dto::reports::{Category, Label};
use ttis_shared::dto::stats::{KeyCount, Stats};
use ttis_shared::dto::tickets::Severity;
use ttis_shared::{Lang, Role};
use yew::prelude::*;

use self::charts::{Bar, Column, Row, Segment};
use super::{Guard, StaffNav, category_label, duration, error_box, label_text, percent, severity_key, use_categories};
use crate::api::{self, ApiError};
use crate::i18n::{Key, t};
use crate::pages::report::form::REPORTER_TYPES;
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
    /// From 1 January of this year to today (the browser's local dates).
    pub fn this_year() -> Self {
        let today = util::local_date_today();
        let year = today.get(..4).unwrap_or("1970");
        Period { from: format!("{year}-01-01"), to: today, category: String::new() }
    }

    /// The query of `GET /stats` and `GET /stats/export.csv`.
    pub fn query(&self) -> String {
        let mut parts = vec![format!("from={}", enc(&self.from)), format!("to={}", enc(&self.to))];
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

/// The label the server gave, or `fallback`.
fn key_label(kc: &KeyCount, lang: Lang, fallback: impl FnOnce(&str) -> String) -> String {
    match &kc.label {
        Some(l) => label_text(l, lang),
        None => fallback(&kc.key),
    }
}

fn reason_key(code: &str) -> Option<Key> {
    Some(match code {
        "not_valid" => Key::ReasonNotValid,
        "duplicate" => Key::ReasonDuplicate,
        "out_of_scope" => Key::ReasonOutOfScope,
        "insufficient_information" => Key::ReasonInsufficient,
        "spam" => Key::ReasonSpam,
        _ => return None,
    })
}

/// An outcome's words: valid, still open, or rejected with its reason (the server's label for an
/// outcome this page does not know).
pub fn outcome_label(kc: &KeyCount, lang: Lang) -> String {
    let rejected = t(lang, Key::StatsOutcomeRejected);
    let own = match kc.key.as_str() {
        "valid" => Some(t(lang, Key::StatsOutcomeValid).to_string()),
        "open" => Some(t(lang, Key::StatsOutcomeOpen).to_string()),
        "rejected" => Some(rejected.to_string()),
        other => other.strip_prefix("rejected:").and_then(reason_key).map(|k| format!("{rejected}: {}", t(lang, k))),
    };
    own.unwrap_or_else(|| key_label(kc, lang, str::to_string))
}

fn outcome_fill(key: &str) -> (&'static str, &'static str) {
    match key {
        "valid" => ("#146c43", "outcome-valid"),
        "open" => ("#0a58ca", "outcome-open"),
        _ => ("#b3261e", "outcome-rejected"),
    }
}

/// Valid, rejected (every reason) and open, from the outcomes.
pub fn summary(stats: &Stats) -> (u64, u64, u64) {
    let count = |key: &str| stats.outcomes.iter().filter(|o| o.key == key).map(|o| o.count).sum::<u64>();
    let rejected =
        stats.outcomes.iter().filter(|o| o.key == "rejected" || o.key.starts_with("rejected:")).map(|o| o.count).sum();
    (count("valid"), rejected, count("open"))
}

/// The colour class of a step's share within its standard.
pub fn share_class(share: f64) -> (&'static str, &'static str) {
    if share >= SHARE_GREEN {
        ("#146c43", "share-green")
    } else if share >= SHARE_AMBER {
        ("#b88700", "share-amber")
    } else {
        ("#b3261e", "share-red")
    }
}

fn severity_label(code: &str, lang: Lang) -> String {
    Severity::parse(code).map(|s| t(lang, severity_key(s)).to_string()).unwrap_or_else(|| code.to_string())
}

fn reporter_label(code: &str, lang: Lang) -> String {
    REPORTER_TYPES
        .iter()
        .find(|(_, c, _)| *c == code)
        .map(|(_, _, k)| t(lang, *k).to_string())
        .unwrap_or_else(|| code.to_string())
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
    let stats = use_state(|| None::<Result<Rc<Stats>, ApiError>>);
    let loading = use_state(|| false);
    let recap_month = use_state(util::local_month_now);
    let busy = use_state(|| None::<&'static str>);
    let download_error = use_state(|| None::<ApiError>);
    let recap_invalid = use_state(|| false);

    {
        let (stats, loading) = (stats.clone(), loading.clone());
        use_effect_with((applied.query(), token.clone(), allowed), move |(query, token, allowed)| {
            if *allowed {
                let path = format!("/stats?{query}");
                let token = token.clone();
                loading.set(true);
                wasm_bindgen_futures::spawn_local(async move {
                    let result = api::request_empty::<Stats>(Method::GET, &path, Some(&token), lang).await;
                    loading.set(false);
                    stats.set(Some(result.map(Rc::new)));
                });
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
        format!("statistik-ttis-{}-{}.csv", applied.from, applied.to),
    );
    let on_export_tickets = download(
        "export-tickets-csv",
        format!("/tickets/export.csv?{}&sep=semicolon", applied.ticket_query()),
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
        let results = match &*stats {
            None => html! { <p class="panel loading" role="status">{ t(lang, Key::Loading) }</p> },
            Some(Err(e)) => error_box(e, lang, "stats-error"),
            Some(Ok(s)) => results(s, &categories, lang),
        };
        html! {
            <>
                { controls }
                <div class="stats-results" aria-busy={if *loading { "true" } else { "false" }}>
                    <p class="visually-hidden" role="status">{ if *loading { t(lang, Key::Loading) } else { "" } }</p>
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

/// The figures of one period.
fn results(s: &Stats, categories: &[Category], lang: Lang) -> Html {
    let (valid, rejected, open) = summary(s);
    let period = t(lang, Key::StatsPeriodText)
        .replace("{from}", &util::format_day(&s.from, lang))
        .replace("{to}", &util::format_day(&s.to, lang));
    let cards = [
        ("stats-total", Key::StatsTotal, s.total, "stat-total"),
        ("stats-valid", Key::StatsValid, valid, "stat-valid"),
        ("stats-rejected", Key::StatsRejected, rejected, "stat-rejected"),
        ("stats-open", Key::StatsOpen, open, "stat-open"),
    ];
    html! {
        <>
            <section class="panel stats-summary" aria-labelledby="stats-summary-title">
                <h2 id="stats-summary-title">{ t(lang, Key::StatsSummaryTitle) }</h2>
                <p class="stats-period" id="stats-period">{ period }</p>
                <ul class="stat-cards">
                    { for cards.iter().map(|(id, key, value, class)| html! {
                        <li class={classes!("stat-card", *class)}>
                            <span class="stat-value" id={*id}>{ *value }</span>
                            <span class="stat-label">{ t(lang, *key) }</span>
                        </li>
                    }) }
                </ul>
            </section>
            <div class="stats-grid">
                { months_panel(s, categories, lang) }
                { outcomes_panel(s, lang) }
                { age_panel(s, lang) }
                { sla_panel(s, lang) }
            </div>
            { breakdowns(s, categories, lang) }
        </>
    }
}

/// A chart's numbers, as a table under a `<details>`.
fn data_table(id: String, caption: String, head: Vec<String>, rows: Vec<Vec<String>>, lang: Lang) -> Html {
    html! {
        <details class="chart-data">
            <summary>{ t(lang, Key::StatsShowTable) }</summary>
            <div class="table-wrap">
                <table class="table table-compact" {id}>
                    <caption>{ caption }</caption>
                    <thead>
                        <tr>
                            { for head.iter().enumerate().map(|(i, h)| html! {
                                <th scope="col" class={classes!((i > 0).then_some("num"))}>{ h.clone() }</th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr>
                                { for r.iter().enumerate().map(|(i, c)| if i == 0 {
                                    html! { <th scope="row">{ c.clone() }</th> }
                                } else {
                                    html! { <td class="num">{ c.clone() }</td> }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}

fn months_panel(s: &Stats, categories: &[Category], lang: Lang) -> Html {
    // The categories that appear, in the order of the period's totals.
    let mut series: Vec<(String, String)> = Vec::new();
    let label_of = |kc: &KeyCount| key_label(kc, lang, |code| category_label(code, categories, lang));
    let present = |key: &str| s.per_month.iter().any(|m| m.by_category.iter().any(|c| c.key == key && c.count > 0));
    for kc in &s.by_category {
        if present(&kc.key) && !series.iter().any(|(k, _)| *k == kc.key) {
            series.push((kc.key.clone(), label_of(kc)));
        }
    }
    for m in &s.per_month {
        for kc in &m.by_category {
            if kc.count > 0 && !series.iter().any(|(k, _)| *k == kc.key) {
                series.push((kc.key.clone(), label_of(kc)));
            }
        }
    }
    let index = |key: &str| series.iter().position(|(k, _)| k == key).unwrap_or(0);
    let columns: Vec<Column> = s
        .per_month
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let long = util::format_month(&m.month, lang, false);
            let year = m.month.get(..4).map(str::to_string).filter(|_| i == 0 || m.month.ends_with("-01"));
            let mut segments: Vec<Segment> = m
                .by_category
                .iter()
                .filter(|c| c.count > 0)
                .map(|c| {
                    let si = index(&c.key);
                    let label = series.get(si).map(|(_, l)| l.clone()).unwrap_or_else(|| c.key.clone());
                    Segment { series: si, count: c.count, title: format!("{long} · {label}: {}", c.count) }
                })
                .collect();
            segments.sort_by_key(|seg| seg.series);
            Column { key: m.month.clone(), label: util::month_name(&m.month, lang), year, total: m.total, segments }
        })
        .collect();
    let legend: Vec<(String, usize)> = series.iter().enumerate().map(|(i, (_, l))| (l.clone(), i)).collect();
    let mut head = vec![t(lang, Key::StatsMonth).to_string(), t(lang, Key::StatsTotal).to_string()];
    head.extend(series.iter().map(|(_, l)| l.clone()));
    let rows =
        s.per_month
            .iter()
            .map(|m| {
                let mut r = vec![util::format_month(&m.month, lang, false), m.total.to_string()];
                r.extend(series.iter().map(|(k, _)| {
                    m.by_category.iter().filter(|c| c.key == *k).map(|c| c.count).sum::<u64>().to_string()
                }));
                r
            })
            .collect();
    html! {
        <section class="panel chart-panel chart-panel-wide" aria-labelledby="chart-months-title">
            <h2 id="chart-months-title">{ t(lang, Key::StatsMonthsTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::StatsMonthsHint) }</p>
            { charts::stacked_columns("chart-months", t(lang, Key::StatsMonthsTitle).to_string(), &columns) }
            if legend.is_empty() {
                <p class="muted" id="chart-months-legend">{ t(lang, Key::StatsNoReports) }</p>
            } else {
                { charts::legend("chart-months-legend", &legend) }
            }
            { data_table("chart-months-table".into(), t(lang, Key::StatsMonthsTitle).to_string(), head, rows, lang) }
        </section>
    }
}

fn sla_panel(s: &Stats, lang: Lang) -> Html {
    let rows: Vec<Row> = s
        .steps
        .iter()
        .map(|st| {
            let label = format!("{}. {}", st.step, label_text(&st.label, lang));
            match st.within_standard {
                Some(share) => {
                    let (fill, class) = share_class(share);
                    Row {
                        title: format!("{label}: {} ({} {})", percent(share), st.count, t(lang, Key::StatsInstances)),
                        label,
                        value: Some(share),
                        text: percent(share),
                        fill,
                        class,
                    }
                }
                None => Row {
                    title: label.clone(),
                    label,
                    value: None,
                    text: t(lang, Key::StatsNoData).to_string(),
                    fill: "#bfc6d0",
                    class: "",
                },
            }
        })
        .collect();
    let dur = |v: Option<i64>| v.map(|s| duration(s, lang)).unwrap_or_else(|| "—".into());
    let share = |v: Option<f64>| v.map(percent).unwrap_or_else(|| "—".into());
    let table_rows = s
        .steps
        .iter()
        .map(|st| {
            vec![
                format!("{}. {}", st.step, label_text(&st.label, lang)),
                share(st.within_standard),
                st.count.to_string(),
            ]
        })
        .collect();
    let legend_text = t(lang, Key::StatsSlaLegend)
        .replace("{green}", &percent(SHARE_GREEN))
        .replace("{amber}", &percent(SHARE_AMBER));
    html! {
        <section class="panel chart-panel chart-panel-wide" aria-labelledby="chart-sla-title">
            <h2 id="chart-sla-title">{ t(lang, Key::StatsSlaTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::StatsSlaHint) }</p>
            { charts::horizontal_bars("chart-sla", t(lang, Key::StatsSlaTitle).to_string(), &rows, 1.0, true) }
            <p class="chart-note" id="chart-sla-legend">
                <span class="share-key share-green">{ "■" }</span>{ " " }
                <span class="share-key share-amber">{ "■" }</span>{ " " }
                <span class="share-key share-red">{ "■" }</span>{ " " }
                { legend_text }
            </p>
            { data_table(
                "chart-sla-table".into(),
                t(lang, Key::StatsSlaTitle).to_string(),
                vec![t(lang, Key::StatsStep).to_string(), t(lang, Key::StatsWithinStandard).to_string(), t(lang, Key::StatsInstances).to_string()],
                table_rows,
                lang,
            ) }
            <h3 id="stats-steps-title">{ t(lang, Key::StatsStepsTitle) }</h3>
            <div class="table-wrap">
                <table class="table table-compact" id="stats-steps" aria-labelledby="stats-steps-title">
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Key::StatsStep) }</th>
                            <th scope="col" class="num">{ t(lang, Key::StatsInstances) }</th>
                            <th scope="col" class="num">{ t(lang, Key::StatsMedian) }</th>
                            <th scope="col" class="num">{ t(lang, Key::StatsP90) }</th>
                            <th scope="col" class="num">{ t(lang, Key::StatsWithinStandard) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for s.steps.iter().map(|st| html! {
                            <tr id={format!("stats-step-{}", st.step)}>
                                <th scope="row"><span class="step-num">{ st.step }</span>{ " " }{ label_text(&st.label, lang) }</th>
                                <td class="num">{ st.count }</td>
                                <td class="num stats-median">{ dur(st.median_seconds) }</td>
                                <td class="num stats-p90">{ dur(st.p90_seconds) }</td>
                                <td class="num">{ share(st.within_standard) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn outcomes_panel(s: &Stats, lang: Lang) -> Html {
    let total: u64 = s.outcomes.iter().map(|o| o.count).sum();
    let share = |c: u64| if total > 0 { percent(c as f64 / total as f64) } else { "—".into() };
    let max = s.outcomes.iter().map(|o| o.count).max().unwrap_or(0) as f64;
    let rows: Vec<Row> = s
        .outcomes
        .iter()
        .map(|o| {
            let label = outcome_label(o, lang);
            let (fill, class) = outcome_fill(&o.key);
            Row {
                title: format!("{label}: {} ({})", o.count, share(o.count)),
                label,
                value: Some(o.count as f64),
                text: o.count.to_string(),
                fill,
                class,
            }
        })
        .collect();
    let table_rows =
        s.outcomes.iter().map(|o| vec![outcome_label(o, lang), o.count.to_string(), share(o.count)]).collect();
    html! {
        <section class="panel chart-panel" aria-labelledby="chart-outcomes-title">
            <h2 id="chart-outcomes-title">{ t(lang, Key::StatsOutcomesTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::StatsOutcomesHint) }</p>
            { charts::horizontal_bars("chart-outcomes", t(lang, Key::StatsOutcomesTitle).to_string(), &rows, max, false) }
            { data_table(
                "chart-outcomes-table".into(),
                t(lang, Key::StatsOutcomesTitle).to_string(),
                vec![t(lang, Key::StatsOutcome).to_string(), t(lang, Key::StatsCount).to_string(), t(lang, Key::StatsShare).to_string()],
                table_rows,
                lang,
            ) }
        </section>
    }
}

fn age_panel(s: &Stats, lang: Lang) -> Html {
    let count = |key: &str| s.open_by_age.iter().filter(|a| a.key == key).map(|a| a.count).sum::<u64>();
    let bars: Vec<Bar> = AGE_BUCKETS
        .iter()
        .map(|(key, label, fill)| {
            let value = count(key);
            Bar { label: t(lang, *label).to_string(), value, title: format!("{}: {value}", t(lang, *label)), fill }
        })
        .collect();
    let table_rows =
        AGE_BUCKETS.iter().map(|(key, label, _)| vec![t(lang, *label).to_string(), count(key).to_string()]).collect();
    html! {
        <section class="panel chart-panel" aria-labelledby="chart-age-title">
            <h2 id="chart-age-title">{ t(lang, Key::StatsAgeTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::StatsAgeHint) }</p>
            { charts::columns("chart-age", t(lang, Key::StatsAgeTitle).to_string(), &bars) }
            { data_table(
                "chart-age-table".into(),
                t(lang, Key::StatsAgeTitle).to_string(),
                vec![t(lang, Key::StatsAge).to_string(), t(lang, Key::StatsCount).to_string()],
                table_rows,
                lang,
            ) }
        </section>
    }
}

/// A breakdown table (category, severity, reporter type, PSE) with each row's share.
fn breakdown(
    id: &'static str,
    title: Key,
    first: Key,
    items: &[KeyCount],
    label: impl Fn(&KeyCount) -> String,
    lang: Lang,
) -> Html {
    let total: u64 = items.iter().map(|i| i.count).sum();
    html! {
        <div class="breakdown">
            <h3 id={format!("{id}-title")}>{ t(lang, title) }</h3>
            if items.is_empty() {
                <p class="muted" {id}>{ t(lang, Key::StatsNoReports) }</p>
            } else {
                <table class="table table-compact" {id} aria-labelledby={format!("{id}-title")}>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, first) }</th>
                            <th scope="col" class="num">{ t(lang, Key::StatsCount) }</th>
                            <th scope="col" class="num">{ t(lang, Key::StatsShare) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for items.iter().map(|i| html! {
                            <tr>
                                <th scope="row">{ label(i) }</th>
                                <td class="num">{ i.count }</td>
                                <td class="num">{ if total > 0 { percent(i.count as f64 / total as f64) } else { "—".into() } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}

fn breakdowns(s: &Stats, categories: &[Category], lang: Lang) -> Html {
    let plain =
        |l: &Option<Label>, key: &str| l.as_ref().map(|l| label_text(l, lang)).unwrap_or_else(|| key.to_string());
    html! {
        <section class="panel stats-breakdowns" aria-labelledby="stats-breakdowns-title">
            <h2 id="stats-breakdowns-title">{ t(lang, Key::StatsBreakdownsTitle) }</h2>
            <div class="breakdown-grid">
                { breakdown("stats-by-category", Key::StatsByCategory, Key::FieldCategory, &s.by_category,
                    |kc| key_label(kc, lang, |code| category_label(code, categories, lang)), lang) }
                { breakdown("stats-by-severity", Key::StatsBySeverity, Key::FieldSeverity, &s.by_severity,
                    |kc| key_label(kc, lang, |code| severity_label(code, lang)), lang) }
                { breakdown("stats-by-reporter", Key::StatsByReporter, Key::StatsReporterType, &s.by_reporter_type,
                    |kc| key_label(kc, lang, |code| reporter_label(code, lang)), lang) }
                { breakdown("stats-top-pses", Key::StatsTopPses, Key::FieldPse, &s.top_pses,
                    |kc| plain(&kc.label, &kc.key), lang) }
            </div>
        </section>
    }
}

/// The head's dashboard: this year's figures at a glance and the way to the statistics.
#[derive(Properties, PartialEq)]
pub struct TeaserProps {
    pub session: Rc<Session>,
}

#[function_component(StatsTeaser)]
pub fn stats_teaser(props: &TeaserProps) -> Html {
    use crate::app::Route;
    use crate::components::nav_link::NavLink;

    let lang = use_lang();
    let stats = use_state(|| None::<Rc<Stats>>);
    {
        let stats = stats.clone();
        use_effect_with(props.session.token.clone(), move |token| {
            let token = token.clone();
            let path = format!("/stats?{}", Period::this_year().query());
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(s) = api::request_empty::<Stats>(Method::GET, &path, Some(&token), lang).await {
                    stats.set(Some(Rc::new(s)));
                }
            });
        });
    }
    let figures = stats.as_ref().map(|s| {
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
    use chrono::NaiveDate;

    use super::*;

    fn kc(key: &str, count: u64) -> KeyCount {
        KeyCount { key: key.into(), label: None, count }
    }

    #[test]
    fn the_summary_adds_every_rejection_reason() {
        let stats = Stats {
            from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            to: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default(),
            total: 10,
            per_month: Vec::new(),
            by_category: Vec::new(),
            by_severity: Vec::new(),
            by_reporter_type: Vec::new(),
            outcomes: vec![kc("valid", 5), kc("open", 2), kc("rejected:spam", 1), kc("rejected:duplicate", 2)],
            steps: Vec::new(),
            open_by_age: Vec::new(),
            top_pses: Vec::new(),
        };
        assert_eq!(summary(&stats), (5, 3, 2));
        assert_eq!(outcome_label(&kc("rejected:spam", 1), Lang::Id), "Ditolak: Spam");
        assert_eq!(outcome_label(&kc("rejected:duplicate", 1), Lang::En), "Rejected: Duplicate of another report");
    }

    #[test]
    fn the_stats_query_carries_the_period_and_category() {
        let p = Period { from: "2026-01-01".into(), to: "2026-11-29".into(), category: "defacement".into() };
        assert_eq!(p.query(), "from=2026-01-01&to=2026-11-29&category=defacement");
        assert_eq!(enc("2026-01-01T00:00:00+08:00"), "2026-01-01T00%3A00%3A00%2B08%3A00");
        assert_eq!(share_class(0.95).1, "share-green");
        assert_eq!(share_class(0.8).1, "share-amber");
        assert_eq!(share_class(0.1).1, "share-red");
    }
}
