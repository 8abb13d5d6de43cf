//! The ticket's SLA table: each SOP step's time against its standard (*Mutu Baku*), green while
//! within 80 % of it, amber up to the standard, red past it.

use ttis_shared::Lang;
use ttis_shared::sla::{SlaStatus, StepTime};
use yew::prelude::*;

use super::super::{duration, standard_text, step_label};
use crate::i18n::{Key, t};
use crate::util;

/// `green`, `amber`, `red`, `none`.
pub fn status_code(status: SlaStatus) -> &'static str {
    match status {
        SlaStatus::Green => "green",
        SlaStatus::Amber => "amber",
        SlaStatus::Red => "red",
        SlaStatus::None => "none",
    }
}

/// The status in words; for `none`, why there is no colour.
fn status_text(row: &StepTime, lang: Lang) -> &'static str {
    match row.status {
        SlaStatus::Green => t(lang, Key::SlaStatusGreen),
        SlaStatus::Amber => t(lang, Key::SlaStatusAmber),
        SlaStatus::Red => t(lang, Key::SlaStatusRed),
        SlaStatus::None if row.started_at.is_none() && row.ended_at.is_some() => t(lang, Key::SlaStatusNotTimed),
        SlaStatus::None if row.time_standard.is_none() => t(lang, Key::SlaNoStandard),
        SlaStatus::None if row.started_at.is_none() => t(lang, Key::SlaStatusNotStarted),
        SlaStatus::None => "—",
    }
}

fn when(at: Option<&chrono::DateTime<chrono::Utc>>, lang: Lang) -> Html {
    match at {
        // Day and time each kept whole, on two lines when the column is narrow.
        Some(at) => html! {
            <time datetime={at.to_rfc3339()} title={util::format_datetime(at, lang)}>
                <span class="nowrap">{ util::format_date(at, lang) }</span>{ " " }<span class="nowrap">{ util::format_clock(at, lang) }</span>
            </time>
        },
        None => html! { <span class="muted">{ "—" }</span> },
    }
}

pub fn sla_panel(rows: &[StepTime], lang: Lang) -> Html {
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel sla-panel" aria-labelledby="sla-table-title" id="sla-table">
            <h2 id="sla-table-title">{ t(lang, Key::SlaTableTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::SlaTableHint) }{ " " }{ t(lang, Key::SlaTimesIn).replace("{zone}", &util::zone_abbreviation()) }</p>
            <div class="table-wrap">
                <table class="table table-compact sla-steps">
                    <caption class="visually-hidden">{ t(lang, Key::SlaTableTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Key::StatsStep) }</th>
                            <th scope="col">{ t(lang, Key::ClockStandard) }</th>
                            <th scope="col">{ t(lang, Key::ClockStarted) }</th>
                            <th scope="col">{ t(lang, Key::SlaEnded) }</th>
                            <th scope="col">{ t(lang, Key::SlaSpent) }</th>
                            <th scope="col">{ t(lang, Key::ClockDue) }</th>
                            <th scope="col">{ t(lang, Key::Status) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| {
                            let code = status_code(r.status);
                            let running = r.started_at.is_some() && r.ended_at.is_none();
                            html! {
                                <tr id={format!("sla-step-{}", r.step)} class={format!("sla-row sla-{code}")} data-status={code}>
                                    <th scope="row" class="sla-step-name">
                                        <span class="step-num">{ r.step }</span>{ " " }{ step_label(r.step, lang) }
                                    </th>
                                    <td class="sla-standard" data-label={t(lang, Key::ClockStandard)}>{ standard_text(r.time_standard, lang) }</td>
                                    <td data-label={t(lang, Key::ClockStarted)}>{ when(r.started_at.as_ref(), lang) }</td>
                                    <td data-label={t(lang, Key::SlaEnded)}>
                                        if running {
                                            <span class="sla-running">{ t(lang, Key::SlaRunning) }</span>
                                        } else {
                                            { when(r.ended_at.as_ref(), lang) }
                                        }
                                    </td>
                                    <td class="sla-spent" data-label={t(lang, Key::SlaSpent)}>
                                        if r.started_at.is_some() {
                                            { duration(r.elapsed_seconds, lang) }
                                        } else {
                                            <span class="muted">{ "—" }</span>
                                        }
                                    </td>
                                    <td data-label={t(lang, Key::ClockDue)}>{ when(r.due_at.as_ref(), lang) }</td>
                                    <td data-label={t(lang, Key::Status)}>
                                        <span class={format!("sla-status sla-status-{code}")}>{ status_text(r, lang) }</span>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
