//! The ticket queue of the *Dashboard Manajemen Tiket*: counts per state, filters, search,
//! sorting, paging, and an SLA countdown per ticket; the filtered queue as a CSV file. It asks the
//! API again every 30 seconds and the countdown moves every minute, without reloading the page.

use std::rc::Rc;

use gloo_net::http::Method;
use gloo_timers::callback::Interval;
use ttis_shared::Role;
use ttis_shared::dto::tickets::{Severity, TicketList, TicketSummary};
use ttis_shared::procedure::ReportState;
use yew::prelude::*;
use yew_router::prelude::*;

use super::{category_label, event_value, label_text, severity_badge, severity_key, sla_badge, use_categories};
use crate::api::{self, ApiError};
use crate::i18n::{Key, t};
use crate::route::Route;
use crate::state::{Session, use_lang};
use crate::util;

const PER_PAGE: u64 = 25;
const REFRESH_MS: u32 = 30_000;
const TICK_MS: u32 = 60_000;

/// A counter that timers bump (its dispatcher stays valid across renders).
#[derive(Default, PartialEq)]
struct Tick(u32);

impl Reducible for Tick {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Tick(self.0.wrapping_add(1)))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Filters {
    pub state: String,
    pub category: String,
    pub severity: String,
    /// `""`, `mine` or `none`.
    pub assignee: String,
    pub overdue: bool,
    /// Personal-data incidents only (UU PDP).
    pub pdp: bool,
    pub q: String,
    pub sort: String,
    pub page: u64,
}

impl Default for Filters {
    fn default() -> Self {
        Filters {
            state: String::new(),
            category: String::new(),
            severity: String::new(),
            assignee: String::new(),
            overdue: false,
            pdp: false,
            q: String::new(),
            sort: "-submitted_at".into(),
            page: 1,
        }
    }
}

fn enc(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

impl Filters {
    /// The query string of `GET /tickets`.
    pub fn query(&self, me: i64) -> String {
        let mut parts = vec![format!("page={}", self.page), format!("per_page={PER_PAGE}")];
        parts.extend(self.params(me));
        format!("/tickets?{}", parts.join("&"))
    }

    /// `GET /tickets/export.csv` with the same filters and sorting (every page), semicolon-separated
    /// for spreadsheets set to Indonesian.
    pub fn export_path(&self, me: i64) -> String {
        let mut parts = self.params(me);
        parts.push("sep=semicolon".into());
        format!("/tickets/export.csv?{}", parts.join("&"))
    }

    /// The filters and the sorting, without the paging.
    fn params(&self, me: i64) -> Vec<String> {
        let mut parts = Vec::new();
        if !self.state.is_empty() {
            parts.push(format!("state={}", enc(&self.state)));
        }
        if !self.category.is_empty() {
            parts.push(format!("category={}", enc(&self.category)));
        }
        if !self.severity.is_empty() {
            parts.push(format!("severity={}", enc(&self.severity)));
        }
        match self.assignee.as_str() {
            "mine" => parts.push(format!("assignee={me}")),
            "none" => parts.push("assignee=none".into()),
            _ => {}
        }
        if self.overdue {
            parts.push("overdue=true".into());
        }
        if self.pdp {
            parts.push("pdp=any".into());
        }
        if !self.q.trim().is_empty() {
            parts.push(format!("q={}", enc(self.q.trim())));
        }
        if !self.sort.is_empty() {
            parts.push(format!("sort={}", enc(&self.sort)));
        }
        parts
    }
}

const SORTS: [(&str, Key); 6] = [
    ("-submitted_at", Key::SortNewest),
    ("submitted_at", Key::SortOldest),
    ("due_at", Key::SortDue),
    ("code", Key::SortCode),
    ("title", Key::SortTitle),
    ("state", Key::SortState),
];

#[derive(Properties, PartialEq)]
pub struct QueueProps {
    pub session: Rc<Session>,
}

#[function_component(TicketQueue)]
pub fn ticket_queue(props: &QueueProps) -> Html {
    let lang = use_lang();
    let token = props.session.token.clone();
    let me = props.session.user.id;
    let filters = use_state(Filters::default);
    let search = use_state(String::new);
    let list = use_state(|| None::<Rc<TicketList>>);
    let error = use_state(|| None::<ApiError>);
    let loading = use_state(|| false);
    let refresh = use_reducer(Tick::default);
    let minute = use_reducer(Tick::default);
    let categories = use_categories();
    let exporting = use_state(|| false);
    let export_error = use_state(|| None::<ApiError>);

    // Timers: refresh the list every 30 s, move the countdown every minute.
    {
        let refresh = refresh.dispatcher();
        let minute = minute.dispatcher();
        use_effect_with((), move |_| {
            let a = Interval::new(REFRESH_MS, move || refresh.dispatch(()));
            let b = Interval::new(TICK_MS, move || minute.dispatch(()));
            move || {
                drop(a);
                drop(b);
            }
        });
    }

    {
        let list = list.clone();
        let error = error.clone();
        let loading = loading.clone();
        let path = filters.query(me);
        use_effect_with((path, token.clone(), refresh.0), move |(path, token, _)| {
            let path = path.clone();
            let token = token.clone();
            loading.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::request_empty::<TicketList>(Method::GET, &path, Some(&token), lang).await;
                loading.set(false);
                match result {
                    Ok(l) => {
                        error.set(None);
                        list.set(Some(Rc::new(l)));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        });
    }

    let update = |f: fn(&mut Filters, String)| {
        let filters = filters.clone();
        Callback::from(move |e: Event| {
            let mut next = (*filters).clone();
            f(&mut next, event_value(&e));
            next.page = 1;
            filters.set(next);
        })
    };
    let on_state = update(|f, v| f.state = v);
    let on_category = update(|f, v| f.category = v);
    let on_severity = update(|f, v| f.severity = v);
    let on_assignee = update(|f, v| f.assignee = v);
    let on_sort = update(|f, v| f.sort = v);
    let on_overdue = {
        let filters = filters.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            filters.set(Filters { overdue: input.checked(), page: 1, ..(*filters).clone() });
        })
    };
    let on_pdp = {
        let filters = filters.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            filters.set(Filters { pdp: input.checked(), page: 1, ..(*filters).clone() });
        })
    };
    let on_search_input = super::set_text::<InputEvent>(&search);
    let on_search = {
        let filters = filters.clone();
        let search = search.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            filters.set(Filters { q: (*search).clone(), page: 1, ..(*filters).clone() });
        })
    };
    let on_reset = {
        let filters = filters.clone();
        let search = search.clone();
        Callback::from(move |_: MouseEvent| {
            search.set(String::new());
            filters.set(Filters::default());
        })
    };
    let go_page = |page: u64| {
        let filters = filters.clone();
        Callback::from(move |_: MouseEvent| filters.set(Filters { page, ..(*filters).clone() }))
    };

    let on_export = {
        let (exporting, export_error, token) = (exporting.clone(), export_error.clone(), token.clone());
        let path = filters.export_path(me);
        Callback::from(move |_: MouseEvent| {
            if *exporting {
                return;
            }
            let (exporting, export_error, token, path) =
                (exporting.clone(), export_error.clone(), token.clone(), path.clone());
            exporting.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::download(&path, &token, "tiket-ttis.csv", lang).await;
                exporting.set(false);
                export_error.set(result.err());
            });
        })
    };

    let now = util::now();
    let _ = minute.0;
    let f = &*filters;
    let counts = list.as_ref().map(|l| l.counts.clone()).unwrap_or_default();
    let count_of = |s: ReportState| counts.iter().find(|c| c.state == s).map_or(0, |c| c.count);

    let cards = ReportState::ALL.into_iter().map(|s| {
        let active = f.state == s.as_str();
        let onclick = {
            let filters = filters.clone();
            Callback::from(move |_: MouseEvent| {
                let state = if filters.state == s.as_str() { String::new() } else { s.as_str().to_string() };
                filters.set(Filters { state, page: 1, ..(*filters).clone() });
            })
        };
        html! {
            <li>
                <button type="button" id={format!("state-card-{}", s.as_str())}
                    class={classes!("state-card", format!("state-{}", s.as_str()), active.then_some("active"))}
                    aria-pressed={if active { "true" } else { "false" }} {onclick}>
                    <span class="state-card-count">{ count_of(s) }</span>
                    <span class="state-card-label">{ s.label(lang) }</span>
                </button>
            </li>
        }
    });

    let filters_form = html! {
        <form class="queue-filters" role="search" onsubmit={on_search} aria-label={t(lang, Key::QueueFiltersLabel)}>
            <div class="field field-search">
                <label for="queue-q">{ t(lang, Key::QueueSearch) }</label>
                <div class="search-row">
                    <input id="queue-q" type="search" value={(*search).clone()} oninput={on_search_input}
                        placeholder={t(lang, Key::QueueSearchHint)} />
                    <button type="submit" id="queue-search-submit" class="btn btn-primary btn-small">{ t(lang, Key::QueueSearchButton) }</button>
                </div>
            </div>
            <div class="field">
                <label for="queue-state">{ t(lang, Key::Status) }</label>
                <select id="queue-state" onchange={on_state}>
                    <option value="" selected={f.state.is_empty()}>{ t(lang, Key::FilterAll) }</option>
                    { for ReportState::ALL.into_iter().map(|s| html! {
                        <option value={s.as_str()} selected={f.state == s.as_str()}>{ s.label(lang) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="queue-category">{ t(lang, Key::FieldCategory) }</label>
                <select id="queue-category" onchange={on_category}>
                    <option value="" selected={f.category.is_empty()}>{ t(lang, Key::FilterAll) }</option>
                    { for categories.iter().map(|c| html! {
                        <option value={c.code.clone()} selected={f.category == c.code}>
                            { if c.parent.is_some() { format!("— {}", label_text(&c.label, lang)) } else { label_text(&c.label, lang) } }
                        </option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="queue-severity">{ t(lang, Key::FieldSeverity) }</label>
                <select id="queue-severity" onchange={on_severity}>
                    <option value="" selected={f.severity.is_empty()}>{ t(lang, Key::FilterAll) }</option>
                    { for Severity::ALL.into_iter().map(|s| html! {
                        <option value={s.as_str()} selected={f.severity == s.as_str()}>{ t(lang, severity_key(s)) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="queue-assignee">{ t(lang, Key::FieldAssignee) }</label>
                <select id="queue-assignee" onchange={on_assignee}>
                    <option value="" selected={f.assignee.is_empty()}>{ t(lang, Key::FilterAll) }</option>
                    if props.session.has_role(Role::Analyst) {
                        <option value="mine" selected={f.assignee == "mine"}>{ t(lang, Key::FilterMine) }</option>
                    }
                    <option value="none" selected={f.assignee == "none"}>{ t(lang, Key::FilterUnassigned) }</option>
                </select>
            </div>
            <div class="field">
                <label for="queue-sort">{ t(lang, Key::SortLabel) }</label>
                <select id="queue-sort" onchange={on_sort}>
                    { for SORTS.iter().map(|(v, k)| html! {
                        <option value={*v} selected={f.sort == *v}>{ t(lang, *k) }</option>
                    }) }
                </select>
            </div>
            <div class="checkbox filter-overdue">
                <input type="checkbox" id="queue-overdue" checked={f.overdue} onchange={on_overdue} />
                <label for="queue-overdue">{ t(lang, Key::FilterOverdue) }</label>
            </div>
            <div class="checkbox filter-overdue">
                <input type="checkbox" id="queue-pdp" checked={f.pdp} onchange={on_pdp} />
                <label for="queue-pdp">{ t(lang, Key::FilterPdp) }</label>
            </div>
            <button type="button" id="queue-reset" class="btn btn-secondary btn-small" onclick={on_reset}>{ t(lang, Key::FilterReset) }</button>
        </form>
    };

    let table = match &*list {
        None if error.is_none() => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        None => html! {},
        Some(l) if l.items.is_empty() => html! {
            <div class="empty-state" id="ticket-queue-empty">
                <p class="empty-state-title">{ t(lang, Key::QueueEmptyTitle) }</p>
                <p>{ t(lang, Key::QueueEmptyText) }</p>
            </div>
        },
        Some(l) => html! {
            <div class="table-wrap">
                <table class="table queue-table" id="ticket-queue">
                    <caption class="visually-hidden">{ t(lang, Key::QueueTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Key::TicketCode) }</th>
                            <th scope="col">{ t(lang, Key::FieldTitle) }</th>
                            <th scope="col">{ t(lang, Key::Status) }</th>
                            <th scope="col">{ t(lang, Key::FieldCategory) }</th>
                            <th scope="col">{ t(lang, Key::FieldSeverity) }</th>
                            <th scope="col">{ t(lang, Key::FieldAssignee) }</th>
                            <th scope="col">{ t(lang, Key::FieldPse) }</th>
                            <th scope="col">{ t(lang, Key::SubmittedAt) }</th>
                            <th scope="col">{ t(lang, Key::SlaColumn) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for l.items.iter().map(|item| row(item, &categories, now, lang)) }
                    </tbody>
                </table>
            </div>
        },
    };

    let pager = list.as_ref().filter(|l| l.total > 0).map(|l| {
        let pages = l.total.div_ceil(l.per_page.max(1)).max(1);
        let first = (l.page - 1) * l.per_page + 1;
        let last = (first + l.items.len() as u64).saturating_sub(1);
        let text = t(lang, Key::PagerText)
            .replace("{from}", &first.to_string())
            .replace("{to}", &last.to_string())
            .replace("{total}", &l.total.to_string());
        html! {
            <nav class="pager" aria-label={t(lang, Key::PagerLabel)}>
                <button type="button" id="queue-prev" class="btn btn-secondary btn-small" disabled={l.page <= 1}
                    onclick={go_page(l.page.saturating_sub(1).max(1))}>{ t(lang, Key::PagerPrev) }</button>
                <span id="queue-range" aria-live="polite">{ text }</span>
                <button type="button" id="queue-next" class="btn btn-secondary btn-small" disabled={l.page >= pages}
                    onclick={go_page(l.page + 1)}>{ t(lang, Key::PagerNext) }</button>
            </nav>
        }
    });

    html! {
        <section class="panel queue" aria-labelledby="queue-title">
            <div class="queue-head">
                <h2 id="queue-title">
                    { t(lang, Key::QueueTitle) }
                    if let Some(l) = &*list {
                        { " " }<span class="count" id="queue-total">{ l.total }</span>
                    }
                </h2>
                <div class="queue-head-side">
                    <p class="queue-updated" role="status">
                        if *loading { { t(lang, Key::Loading) } } else { { t(lang, Key::QueueAutoRefresh) } }
                    </p>
                    <button type="button" id="export-queue-csv" class="btn btn-secondary btn-small" disabled={*exporting}
                        title={t(lang, Key::QueueExportHint)} onclick={on_export}>
                        { t(lang, if *exporting { Key::Loading } else { Key::QueueExport }) }
                    </button>
                </div>
            </div>
            if let Some(err) = &*export_error {
                { super::error_box(err, lang, "queue-export-error") }
            }
            <h3 class="visually-hidden">{ t(lang, Key::QueueStatesTitle) }</h3>
            <ul class="state-cards" id="state-cards">{ for cards }</ul>
            { filters_form }
            if let Some(err) = &*error {
                { super::error_box(err, lang, "queue-error") }
            }
            { table }
            { for pager }
        </section>
    }
}

fn row(
    item: &TicketSummary,
    categories: &[ttis_shared::dto::reports::Category],
    now: chrono::DateTime<chrono::Utc>,
    lang: ttis_shared::Lang,
) -> Html {
    let route = Route::Ticket { code: item.code.clone() };
    let submitted = item.submitted_at.to_rfc3339();
    html! {
        <tr id={format!("ticket-row-{}", item.code)} class={classes!(item.clock.as_ref().is_some_and(|c| c.overdue).then_some("row-overdue"))}>
            <td class="cell-code"><Link<Route> to={route.clone()}>{ item.code.clone() }</Link<Route>></td>
            <td class="cell-title">
                <Link<Route> to={route}>{ item.title.clone() }</Link<Route>>
                <span class="cell-sub">{ item.affected_asset.clone() }</span>
                if let Some(p) = &item.pdp {
                    <span class={classes!("badge", if p.overdue { "badge-pdp-overdue" } else { "badge-pdp" })}
                        id={format!("pdp-{}", item.code)}>
                        { t(lang, if p.overdue { Key::PdpOverdue } else { Key::PdpBadge }) }
                    </span>
                }
            </td>
            <td><span class={classes!("chip", format!("state-{}", item.state.as_str()))}>{ label_text(&item.state_label, lang) }</span></td>
            <td>{ category_label(&item.category, categories, lang) }</td>
            <td>{ severity_badge(item.severity, lang) }</td>
            <td>{ item.assignee.as_ref().map(|a| a.name.clone()).unwrap_or_else(|| t(lang, Key::Unassigned).to_string()) }</td>
            <td>
                { item.pse.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| "—".to_string()) }
                if let Some(at) = &item.pse_acknowledged_at {
                    { " " }
                    <span class="chip chip-small pse-ack" id={format!("pse-ack-{}", item.code)}
                        title={format!("{} {}", t(lang, Key::PseAckTitle), util::format_datetime(at, lang))}>
                        { t(lang, Key::PseAckMarker) }
                        <span class="visually-hidden">{ format!(" {}", t(lang, Key::PseAckShort)) }</span>
                    </span>
                }
            </td>
            <td><time datetime={submitted}>{ util::format_date(&item.submitted_at, lang) }</time></td>
            <td>{ sla_badge(item.clock.as_ref(), now, lang) }</td>
        </tr>
    }
}
