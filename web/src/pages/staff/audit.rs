//! The audit log (administrators, `/staff/audit`): who did what to which record and from where,
//! newest first, filtered and paged (`GET /audit`); and the check of its hash chain
//! (`GET /audit/verification`).

use std::rc::Rc;

use chrono::{Duration, SecondsFormat};
use gloo_net::http::Method;
use ttis_shared::dto::audit::{AuditEntry, AuditList, AuditVerification};
use ttis_shared::{Lang, Role};
use yew::prelude::*;

use super::{Guard, StaffNav, error_box, set_text};
use crate::api::{self, ApiError};
use crate::hooks::{Fetch, use_fetch_when};
use crate::i18n::{Key, t};
use crate::state::{Session, use_lang};
use crate::util;

const PER_PAGE: u64 = 50;

/// The filters as typed (dates as `YYYY-MM-DD`).
#[derive(Debug, Clone, Default, PartialEq)]
struct Filters {
    action: String,
    actor: String,
    target: String,
    from: String,
    to: String,
}

impl Filters {
    /// The query of `GET /audit`: the days from the start of `from` to the end of `to`, in the
    /// browser's time zone, as RFC 3339.
    fn query(&self, page: u64) -> String {
        let mut parts = vec![format!("page={page}"), format!("per_page={PER_PAGE}")];
        for (name, value) in [("action", &self.action), ("actor", &self.actor), ("target", &self.target)] {
            if !value.trim().is_empty() {
                parts.push(format!("{name}={}", util::url_component(value.trim())));
            }
        }
        if let Some(from) = util::parse_day(&self.from).and_then(|d| util::day_start(&d)) {
            parts.push(format!("from={}", util::url_component(&from.to_rfc3339_opts(SecondsFormat::Millis, true))));
        }
        let next_day = util::parse_day(&self.to).and_then(|d| d.checked_add_signed(Duration::days(1)));
        if let Some(end) = next_day.and_then(|d| util::day_start(&d)) {
            let to = end - Duration::milliseconds(1);
            parts.push(format!("to={}", util::url_component(&to.to_rfc3339_opts(SecondsFormat::Millis, true))));
        }
        format!("/audit?{}", parts.join("&"))
    }

    /// What is wrong with the dates: the field's id and the message.
    fn problem(&self, lang: Lang) -> Option<(&'static str, String)> {
        let day = |v: &str| if v.trim().is_empty() { Ok(None) } else { util::parse_day(v).map(Some).ok_or(()) };
        match (day(&self.from), day(&self.to)) {
            (Err(()), _) => Some(("audit-from", t(lang, Key::StatsDateInvalid).to_string())),
            (_, Err(())) => Some(("audit-to", t(lang, Key::StatsDateInvalid).to_string())),
            (Ok(Some(f)), Ok(Some(to))) if f > to => Some(("audit-to", t(lang, Key::StatsDateOrder).to_string())),
            _ => None,
        }
    }
}

#[function_component(Audit)]
pub fn audit() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <AuditPage {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

#[function_component(AuditPage)]
fn audit_page(props: &Props) -> Html {
    let lang = use_lang();
    let token = props.session.token.clone();
    let is_admin = props.session.has_role(Role::Admin);
    let draft_action = use_state(String::new);
    let draft_actor = use_state(String::new);
    let draft_target = use_state(String::new);
    let draft_from = use_state(String::new);
    let draft_to = use_state(String::new);
    let applied = use_state(Filters::default);
    let page = use_state(|| 1u64);
    let date_problem = use_state(|| None::<(&'static str, String)>);
    let verification = use_state(|| None::<Result<AuditVerification, ApiError>>);
    let verifying = use_state(|| false);

    let list = {
        let token = token.clone();
        use_fetch_when(is_admin, ((*applied).clone(), *page), move |(filters, page)| async move {
            api::get::<AuditList>(&filters.query(page), Some(&token), lang).await
        })
    };

    let on_apply = {
        let drafts =
            (draft_action.clone(), draft_actor.clone(), draft_target.clone(), draft_from.clone(), draft_to.clone());
        let (applied, page, date_problem) = (applied.clone(), page.clone(), date_problem.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (action, actor, target, from, to) = &drafts;
            let next = Filters {
                action: (**action).clone(),
                actor: (**actor).clone(),
                target: (**target).clone(),
                from: (**from).clone(),
                to: (**to).clone(),
            };
            if let Some((field, message)) = next.problem(lang) {
                util::focus(field);
                date_problem.set(Some((field, message)));
                return;
            }
            date_problem.set(None);
            page.set(1);
            applied.set(next);
        })
    };
    let on_reset = {
        let drafts =
            (draft_action.clone(), draft_actor.clone(), draft_target.clone(), draft_from.clone(), draft_to.clone());
        let (applied, page, date_problem) = (applied.clone(), page.clone(), date_problem.clone());
        Callback::from(move |_: MouseEvent| {
            let (action, actor, target, from, to) = &drafts;
            for d in [action, actor, target, from, to] {
                d.set(String::new());
            }
            date_problem.set(None);
            page.set(1);
            applied.set(Filters::default());
        })
    };
    let go_page = |to: u64| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    let on_verify = {
        let (verification, verifying, token) = (verification.clone(), verifying.clone(), token.clone());
        Callback::from(move |_: MouseEvent| {
            if *verifying {
                return;
            }
            let (verification, verifying, token) = (verification.clone(), verifying.clone(), token.clone());
            verifying.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request_empty::<AuditVerification>(Method::GET, "/audit/verification", Some(&token), lang)
                        .await;
                verifying.set(false);
                verification.set(Some(result));
            });
        })
    };

    let broken = match &*verification {
        Some(Ok(v)) => v.first_broken_id,
        _ => None,
    };
    let date_error = |field: &str| date_problem.as_ref().filter(|(f, _)| *f == field).map(|(_, m)| m.clone());
    let date_field = |id: &'static str, key: Key, state: &UseStateHandle<String>| {
        let error = date_error(id);
        let error_id = format!("{id}-error");
        html! {
            <div class={classes!("field", error.is_some().then_some("field-invalid"))}>
                <label for={id}>{ t(lang, key) }</label>
                <input {id} type="date" value={(**state).clone()} oninput={set_text::<InputEvent>(state)}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then_some(error_id.clone())} />
                if let Some(msg) = error {
                    <p class="field-error" id={error_id}>{ msg }</p>
                }
            </div>
        }
    };
    let text_field = |id: &'static str, key: Key, hint: Option<Key>, state: &UseStateHandle<String>| {
        html! {
            <div class="field">
                <label for={id}>{ t(lang, key) }</label>
                <input {id} type="search" value={(**state).clone()} oninput={set_text::<InputEvent>(state)}
                    placeholder={hint.map(|k| t(lang, k))} autocomplete="off" />
            </div>
        }
    };

    let filters_form = html! {
        <form class="queue-filters audit-filters" role="search" onsubmit={on_apply} aria-label={t(lang, Key::AuditFiltersLabel)} novalidate=true>
            { text_field("audit-action", Key::AuditAction, Some(Key::AuditActionHint), &draft_action) }
            { text_field("audit-actor", Key::AuditActor, None, &draft_actor) }
            { text_field("audit-target", Key::AuditTarget, Some(Key::AuditTargetHint), &draft_target) }
            { date_field("audit-from", Key::AuditFrom, &draft_from) }
            { date_field("audit-to", Key::AuditTo, &draft_to) }
            <div class="audit-filter-actions">
                <button type="submit" id="audit-apply" class="btn btn-primary btn-small">{ t(lang, Key::AuditApply) }</button>
                <button type="button" id="audit-reset" class="btn btn-secondary btn-small" onclick={on_reset}>{ t(lang, Key::FilterReset) }</button>
            </div>
        </form>
    };

    let table = match list.state() {
        Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => error_box(e, lang, "audit-error"),
        Fetch::Ready(l) if l.items.is_empty() => html! {
            <div class="empty-state" id="audit-empty"><p class="empty-state-title">{ t(lang, Key::AuditEmpty) }</p></div>
        },
        Fetch::Ready(l) => html! {
            <div class="table-wrap">
                <table class="table audit-table" id="audit-table">
                    <caption class="visually-hidden">{ t(lang, Key::AuditTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Key::AuditTime) }</th>
                            <th scope="col">{ t(lang, Key::AuditActor) }</th>
                            <th scope="col">{ t(lang, Key::AuditAction) }</th>
                            <th scope="col">{ t(lang, Key::AuditTarget) }</th>
                            <th scope="col">{ t(lang, Key::SessionIp) }</th>
                            <th scope="col">{ t(lang, Key::AuditDetails) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for l.items.iter().map(|entry| row(entry, broken, lang)) }
                    </tbody>
                </table>
            </div>
        },
    };

    let pager = match list.state() {
        Fetch::Ready(l) if l.total > 0 => {
            let pages = l.total.div_ceil(l.per_page.max(1)).max(1);
            let text =
                t(lang, Key::AuditPage).replace("{page}", &l.page.to_string()).replace("{pages}", &pages.to_string());
            html! {
                <nav class="pager" aria-label={t(lang, Key::AuditPages)}>
                    <button type="button" id="audit-prev" class="btn btn-secondary btn-small" disabled={l.page <= 1 || list.loading()}
                        onclick={go_page(l.page.saturating_sub(1).max(1))}>{ t(lang, Key::PagerPrev) }</button>
                    <span id="audit-page-info" aria-live="polite">{ text }</span>
                    <button type="button" id="audit-next" class="btn btn-secondary btn-small" disabled={l.page >= pages || list.loading()}
                        onclick={go_page(l.page + 1)}>{ t(lang, Key::PagerNext) }</button>
                </nav>
            }
        }
        _ => html! {},
    };

    let verification_view = match &*verification {
        None => html! {},
        Some(Err(e)) => error_box(e, lang, "audit-verification"),
        Some(Ok(v)) => {
            let (class, text) = if v.intact {
                ("alert alert-success", t(lang, Key::AuditIntact).replace("{n}", &v.checked.to_string()))
            } else {
                let id = v.first_broken_id.map(|i| i.to_string()).unwrap_or_else(|| "?".into());
                (
                    "alert alert-error",
                    t(lang, Key::AuditBroken).replace("{id}", &id).replace("{n}", &v.checked.to_string()),
                )
            };
            html! { <div {class} role="status" id="audit-verification">{ text }</div> }
        }
    };

    let total = match list.state() {
        Fetch::Ready(l) => Some(l.total),
        _ => None,
    };

    let body = if !is_admin {
        html! { <p class="alert alert-error" role="alert" id="audit-forbidden">{ t(lang, Key::UsersForbidden) }</p> }
    } else {
        html! {
            <>
                <section class="panel audit-verify" aria-labelledby="audit-verify-title">
                    <h2 id="audit-verify-title">{ t(lang, Key::AuditVerifyTitle) }</h2>
                    <p class="field-hint">{ t(lang, Key::AuditVerifyHint) }</p>
                    <p class="panel-actions">
                        <button type="button" id="audit-verify" class="btn btn-secondary" disabled={*verifying} onclick={on_verify}>
                            { t(lang, if *verifying { Key::Loading } else { Key::AuditVerify }) }
                        </button>
                    </p>
                    { verification_view }
                </section>
                <section class="panel" aria-labelledby="audit-list-title">
                    <h2 id="audit-list-title">
                        { t(lang, Key::AuditTitle) }
                        if let Some(total) = total {
                            { " " }<span class="count" id="audit-total">{ total }</span>
                        }
                    </h2>
                    { filters_form }
                    { table }
                    { pager }
                </section>
            </>
        }
    };

    html! {
        <div class="container container-wide page audit-page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::AuditTitle) }</h1>
                    <p class="lead">{ t(lang, Key::AuditLead) }</p>
                </div>
            </div>
            <StaffNav session={props.session.clone()} />
            { body }
        </div>
    }
}

/// One entry; the first one whose hash does not match is marked.
fn row(e: &AuditEntry, broken: Option<i64>, lang: Lang) -> Html {
    let details = match &e.details {
        serde_json::Value::Null => None,
        serde_json::Value::Object(m) if m.is_empty() => None,
        v => Some(serde_json::to_string(v).unwrap_or_default()),
    };
    let dash = || "—".to_string();
    html! {
        <tr id={format!("audit-entry-{}", e.id)} class={classes!((broken == Some(e.id)).then_some("row-overdue"))}>
            <td class="audit-time"><time datetime={e.at.to_rfc3339()}>{ util::format_timestamp(&e.at, lang) }</time></td>
            <td class="break">{ e.actor.clone() }</td>
            <td><code class="audit-action">{ e.action.clone() }</code></td>
            <td class="break">{ e.target.clone().unwrap_or_else(dash) }</td>
            <td class="break">{ e.ip.clone().unwrap_or_else(dash) }</td>
            <td class="audit-details">
                if let Some(json) = details {
                    <details>
                        <summary>{ t(lang, Key::AuditDetails) }</summary>
                        <pre class="code-block"><code>{ json }</code></pre>
                    </details>
                } else {
                    { dash() }
                }
            </td>
        </tr>
    }
}
