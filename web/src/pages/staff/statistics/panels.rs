//! The statistics page's panels (one period's figures): the summary cards, reports per month
//! and category, the time standard met per SOP step, outcomes, open tickets by age, and the
//! breakdowns, each chart with its data as a table; and the labels they share.

use ttis_shared::Lang;
use ttis_shared::dto::reports::{Category, Label};
use ttis_shared::dto::stats::{KeyCount, Stats};
use ttis_shared::dto::tickets::Severity;
use yew::prelude::*;

use super::charts::{self, Bar, Column, Row, Segment};
use super::{AGE_BUCKETS, SHARE_AMBER, SHARE_GREEN};
use crate::i18n::{Key, t};
use crate::pages::report::form::REPORTER_TYPES;
use crate::pages::staff::{category_label, duration, label_text, percent, severity_key};
use crate::util;

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

/// The figures of one period.
pub fn results(s: &Stats, categories: &[Category], lang: Lang) -> Html {
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
                { pdp_panel(s, lang) }
                { channels_panel(s, lang) }
            </div>
            { breakdowns(s, categories, lang) }
        </>
    }
}

/// Reports per channel, and the closed tickets' time from report or detection to the delivered
/// letter per month and channel, against the SOP's whole standard.
fn channels_panel(s: &Stats, lang: Lang) -> Html {
    let channel = |k: &str| -> String {
        match k {
            "monitoring" => t(lang, Key::ChannelMonitoringStat).to_string(),
            "web" => t(lang, Key::ChannelWebStat).to_string(),
            other => other.replace('_', " "),
        }
    };
    let time = |v: Option<i64>| v.map(|x| super::super::duration(x, lang)).unwrap_or_else(|| "—".into());
    let sop = match s.sop_total {
        Some(ttis_shared::TimeStandard::WorkingDays(d)) => t(lang, Key::StatsSopDays).replace("{n}", &d.to_string()),
        Some(ttis_shared::TimeStandard::Minutes(m)) => super::super::duration(i64::from(m) * 60, lang),
        None => "—".into(),
    };
    let rows: Vec<Vec<String>> = s
        .end_to_end
        .iter()
        .map(|e| {
            vec![
                format!("{} · {}", util::format_month(&e.month, lang, false), channel(&e.channel)),
                e.count.to_string(),
                time(e.median_seconds),
                time(e.p90_seconds),
            ]
        })
        .collect();
    html! {
        <section class="panel" aria-labelledby="stats-channels-title" id="stats-channels">
            <h2 id="stats-channels-title">{ t(lang, Key::StatsChannelsTitle) }</h2>
            <dl class="facts">
                { for s.by_channel.iter().map(|c| html! {
                    <>
                        <dt>{ channel(&c.key) }</dt>
                        <dd id={format!("stats-channel-{}", c.key)}>{ c.count }</dd>
                    </>
                }) }
            </dl>
            <p class="field-hint" id="stats-sop-total">{ t(lang, Key::StatsEndToEndLead).replace("{sop}", &sop) }</p>
            if !rows.is_empty() {
                { data_table("stats-end-to-end".into(), t(lang, Key::StatsEndToEnd).into(),
                    vec![t(lang, Key::StatsMonth).into(), t(lang, Key::StatsCount).into(), t(lang, Key::StatsMedian).into(), t(lang, Key::StatsP90).into()], rows, lang) }
            }
        </section>
    }
}

/// Personal-data incidents (UU PDP): how many, confirmed, overdue, and how soon the PSEs confirmed.
fn pdp_panel(s: &Stats, lang: Lang) -> Html {
    let p = &s.pdp;
    let time = |v: Option<i64>| v.map(|x| super::super::duration(x, lang)).unwrap_or_else(|| "—".into());
    let share = p.notified_in_time.map(|x| format!("{:.0}%", x * 100.0)).unwrap_or_else(|| "—".into());
    let rows = [
        ("stats-pdp-total", Key::StatsPdpTotal, p.total.to_string()),
        ("stats-pdp-confirmed", Key::StatsPdpConfirmed, p.confirmed.to_string()),
        ("stats-pdp-overdue", Key::StatsPdpOverdue, p.overdue.to_string()),
        ("stats-pdp-median", Key::StatsPdpMedian, time(p.median_confirmation_seconds)),
        ("stats-pdp-p90", Key::StatsPdpP90, time(p.p90_confirmation_seconds)),
        ("stats-pdp-in-time", Key::StatsPdpInTime, share),
    ];
    let months = p
        .per_month
        .iter()
        .map(|m| vec![util::format_month(&m.key, lang, false), m.count.to_string()])
        .collect::<Vec<_>>();
    html! {
        <section class="panel" aria-labelledby="stats-pdp-title" id="stats-pdp">
            <h2 id="stats-pdp-title">{ t(lang, Key::StatsPdpTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::StatsPdpLead) }</p>
            <dl class="facts">
                { for rows.iter().map(|(id, key, value)| html! {
                    <>
                        <dt>{ t(lang, *key) }</dt>
                        <dd id={*id}>{ value.clone() }</dd>
                    </>
                }) }
            </dl>
            if !months.is_empty() {
                { data_table("stats-pdp-months".into(), t(lang, Key::StatsPdpTitle).into(),
                    vec![t(lang, Key::StatsMonth).into(), t(lang, Key::StatsPdpTotal).into()], months, lang) }
            }
        </section>
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
                                    html! { <td class="num" data-label={head.get(i).cloned().unwrap_or_default()}>{ c.clone() }</td> }
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
                                <td class="num" data-label={t(lang, Key::StatsInstances)}>{ st.count }</td>
                                <td class="num stats-median" data-label={t(lang, Key::StatsMedian)}>{ dur(st.median_seconds) }</td>
                                <td class="num stats-p90" data-label={t(lang, Key::StatsP90)}>{ dur(st.p90_seconds) }</td>
                                <td class="num" data-label={t(lang, Key::StatsWithinStandard)}>{ share(st.within_standard) }</td>
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
            if total == 0 {
                <p class="muted" id="chart-outcomes-none">{ t(lang, Key::StatsNoReports) }</p>
            } else {
                { charts::horizontal_bars("chart-outcomes", t(lang, Key::StatsOutcomesTitle).to_string(), &rows, max, false) }
            }
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
            pdp: Default::default(),
            by_channel: Vec::new(),
            end_to_end: Vec::new(),
            sop_total: None,
        };
        assert_eq!(summary(&stats), (5, 3, 2));
        assert_eq!(outcome_label(&kc("rejected:spam", 1), Lang::Id), "Ditolak: Spam");
        assert_eq!(outcome_label(&kc("rejected:duplicate", 1), Lang::En), "Rejected: Duplicate of another report");
    }

    #[test]
    fn shares_are_coloured_by_the_thresholds() {
        assert_eq!(share_class(0.95).1, "share-green");
        assert_eq!(share_class(0.8).1, "share-amber");
        assert_eq!(share_class(0.1).1, "share-red");
    }
}
