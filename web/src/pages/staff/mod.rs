//! The staff area (staff build only): the sign-in page, the dashboard (the team's queue), the
//! staff accounts, a ticket (SOP steps 4-7), the head's
//! approval queue, filing a report on someone's behalf, the PSE register, the taxonomy, the
//! organisation settings, webhooks and failed deliveries, the statistics for the head of the
//! agency and the SLA policy, one's own account (second factor, password, sessions) and the hold
//! until it has one, the security policy and retention, reporters' data requests, the audit log
//! and revoking a signed document; and the pieces they share (the sign-in guard, the SLA
//! countdown, durations, labels of SOP steps, severities, categories, channels and priorities).

pub mod account;
pub mod admin_home;
pub mod approvals;
pub mod audit;
pub mod categories;
pub mod dashboard;
pub mod deliveries;
pub mod enrollment;
pub mod login;
pub mod monitoring;
pub mod new_ticket;
pub mod organization;
pub mod pdp_overdue;
pub mod pses;
pub mod queue;
pub mod reporter_data;
pub mod revoke;
pub mod security;
pub mod setup_checklist;
pub mod signer_profile;
pub mod sla_policy;
pub mod statistics;
pub mod ticket;
pub mod user_roles;
pub mod users;
pub mod webhooks;

use std::rc::Rc;

use chrono::{DateTime, Utc};
use ttis_shared::dto::reports::{Category, CategoryList};
use ttis_shared::dto::tickets::Severity;
use ttis_shared::sla::StepClock;
use ttis_shared::{Lang, SopStep};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::hooks::use_fetch;
use crate::i18n::{Key, t};
use crate::pages::staff::dashboard::Checking;
use crate::route::Route;
use crate::state::{Auth, Session, use_auth, use_lang};

// The form and label helpers the public pages use too.
pub use crate::pages::common::{PRIORITIES, error_box, event_value, field_error, label_text, set_text};

/// Renders `page` for a signed-in staff member; the sign-in page otherwise.
#[derive(Properties, PartialEq)]
pub struct GuardProps {
    pub page: Callback<Rc<Session>, Html>,
}

#[function_component(Guard)]
pub fn guard(props: &GuardProps) -> Html {
    let auth = use_auth();
    match &auth.auth {
        Auth::Checking => html! { <Checking /> },
        Auth::SignedOut => html! { <Redirect<Route> to={Route::Login} /> },
        Auth::SignedIn(session) => props.page.emit(session.clone()),
    }
}

/// A category's label (its code when the taxonomy no longer lists it).
pub fn category_label(code: &str, categories: &[Category], lang: Lang) -> String {
    categories.iter().find(|c| c.code == code).map(|c| label_text(&c.label, lang)).unwrap_or_else(|| code.to_string())
}

pub fn severity_key(s: Severity) -> Key {
    match s {
        Severity::Rendah => Key::SevRendah,
        Severity::Sedang => Key::SevSedang,
        Severity::Tinggi => Key::SevTinggi,
        Severity::Kritis => Key::SevKritis,
    }
}

pub fn severity_badge(s: Option<Severity>, lang: Lang) -> Html {
    match s {
        Some(s) => {
            html! { <span class={classes!("sev", format!("sev-{}", s.as_str()))}>{ t(lang, severity_key(s)) }</span> }
        }
        None => html! { <span class="muted">{ "—" }</span> },
    }
}

/// Channels a report can arrive by (as the API spells them).
pub const CHANNELS: [(&str, Key); 6] = [
    ("phone", Key::ChannelPhone),
    ("email", Key::ChannelEmail),
    ("letter", Key::ChannelLetter),
    ("walk_in", Key::ChannelWalkIn),
    ("monitoring", Key::ChannelMonitoring),
    ("web", Key::ChannelWeb),
];

pub fn channel_label(code: &str, lang: Lang) -> String {
    CHANNELS.iter().find(|(c, _)| *c == code).map(|(_, k)| t(lang, *k).to_string()).unwrap_or_else(|| code.to_string())
}

/// Where a step's clock stands, seen from `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sla {
    /// Waiting for the reporter: the clock does not run.
    Paused,
    /// The step has no time standard.
    NoStandard,
    /// Minutes past due.
    Overdue(i64),
    /// Minutes left, two hours or less.
    Soon(i64),
    /// Minutes left.
    OnTime(i64),
}

pub fn sla(clock: &StepClock, now: DateTime<Utc>) -> Sla {
    if clock.paused {
        return Sla::Paused;
    }
    let Some(due) = clock.due_at else {
        return Sla::NoStandard;
    };
    let seconds = (due - now).num_seconds();
    if seconds < 0 {
        Sla::Overdue((-seconds + 59) / 60)
    } else if seconds <= 2 * 3600 {
        Sla::Soon(seconds / 60)
    } else {
        Sla::OnTime(seconds / 60)
    }
}

/// `1 h 3 j`, `5 j 20 m`, `12 m` (Indonesian), `1 d 3 h`, `5 h 20 m`, `12 m` (English).
pub fn span(minutes: i64, lang: Lang) -> String {
    let (d, h, m) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    let (ud, uh, um) = match lang {
        Lang::Id => ("h", "j", "m"),
        Lang::En => ("d", "h", "m"),
    };
    if d > 0 {
        format!("{d} {ud} {h} {uh}")
    } else if h > 0 {
        if m > 0 { format!("{h} {uh} {m} {um}") } else { format!("{h} {uh}") }
    } else {
        format!("{m} {um}")
    }
}

/// A time spent, for people: `2 j 15 m` (Indonesian), `2 h 15 m` (English); `< 1 m` under a minute.
pub fn duration(seconds: i64, lang: Lang) -> String {
    let seconds = seconds.max(0);
    if seconds > 0 && seconds < 60 {
        return format!("< {}", span(1, lang));
    }
    span((seconds + 30) / 60, lang)
}

/// A share (0..1) as a whole percentage: `87%`.
pub fn percent(share: f64) -> String {
    format!("{:.0}%", (share.clamp(0.0, 1.0) * 100.0).round())
}

/// The SOP step with this number (1-9).
pub fn sop_step(number: u8) -> Option<SopStep> {
    SopStep::ALL.into_iter().find(|s| s.number() == number)
}

/// A step's name, in the SOP's wording (its number when there is no such step).
pub fn step_label(number: u8, lang: Lang) -> String {
    sop_step(number).map(|s| s.label(lang).to_string()).unwrap_or_else(|| number.to_string())
}

/// A time standard without the `Waktu standar:` prefix: `1 hari kerja`, `30 menit`.
pub fn standard_text(standard: Option<ttis_shared::TimeStandard>, lang: Lang) -> String {
    match standard {
        Some(ts) => {
            let text = crate::i18n::time_standard(lang, ts);
            text.split_once(": ").map(|(_, v)| v.to_string()).unwrap_or(text)
        }
        None => t(lang, Key::SlaNoStandard).to_string(),
    }
}

/// The countdown in words and its class (`sla-overdue` red, `sla-soon` amber).
pub fn sla_text(s: Sla, lang: Lang) -> (String, &'static str) {
    match s {
        Sla::Paused => (t(lang, Key::SlaPausedShort).to_string(), "sla-paused"),
        Sla::NoStandard => ("—".to_string(), "sla-none"),
        Sla::Overdue(m) => (t(lang, Key::SlaOverdue).replace("{t}", &span(m, lang)), "sla-overdue"),
        Sla::Soon(m) => (t(lang, Key::SlaLeft).replace("{t}", &span(m, lang)), "sla-soon"),
        Sla::OnTime(m) => (t(lang, Key::SlaLeft).replace("{t}", &span(m, lang)), "sla-ok"),
    }
}

/// The countdown as a badge.
pub fn sla_badge(clock: Option<&StepClock>, now: DateTime<Utc>, lang: Lang) -> Html {
    match clock {
        None => html! { <span class="sla sla-none">{ t(lang, Key::SlaClosed) }</span> },
        Some(c) => {
            let (text, class) = sla_text(sla(c, now), lang);
            html! { <span class={classes!("sla", class)}>{ text }</span> }
        }
    }
}

/// The taxonomy (active categories), fetched once per page.
#[hook]
pub fn use_categories() -> Rc<Vec<Category>> {
    let lang = use_lang();
    let list =
        use_fetch(
            (),
            move |()| async move { api::get::<CategoryList>("/categories", None, lang).await.map(|l| l.items) },
        );
    list.data().cloned().unwrap_or_default()
}

/// The staff area's navigation: the one place its links are listed, shown under the page head
/// of every staff page. Each link is there for the roles it serves: the ticket dashboard for the
/// team, the approval queue (with the number waiting) for the head, the administrator's overview
/// and tools for administrators, the account for everyone.
#[derive(Properties, PartialEq)]
pub struct StaffNavProps {
    pub session: Rc<Session>,
}

#[function_component(StaffNav)]
pub fn staff_nav(props: &StaffNavProps) -> Html {
    use crate::components::nav_link::NavLink;
    use ttis_shared::Role;
    let lang = use_lang();
    let route = use_route::<Route>();
    let is_admin = props.session.has_role(Role::Admin);
    let is_head = props.session.has_role(Role::Head);
    let works = props.session.has_role(Role::Analyst) || is_head;
    let waiting = use_state(|| 0u64);
    {
        // Asked again on every page change, so an approval elsewhere shows at once.
        let waiting = waiting.clone();
        let token = is_head.then(|| props.session.token.clone());
        use_effect_with((token, route), move |(token, _)| {
            if let Some(token) = token.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(n) = approvals::awaiting_count(&token, lang).await {
                        waiting.set(n);
                    }
                });
            }
        });
    }
    html! {
        <nav class="staff-nav no-print" aria-label={t(lang, Key::StaffNavLabel)}>
            <ul>
                if works {
                    <li><NavLink to={Route::Dashboard} id="dashboard-link">{ t(lang, Key::DashboardTitle) }</NavLink></li>
                }
                if is_admin {
                    <li><NavLink to={Route::AdminHome} id="admin-home-link">{ t(lang, Key::AdminHomeNav) }</NavLink></li>
                }
                if works {
                    <li><NavLink to={Route::NewTicket} id="new-ticket-link">{ t(lang, Key::NewTicketTitle) }</NavLink></li>
                }
                if is_head {
                    <li>
                        <NavLink to={Route::Approvals} id="approvals-link">
                            { t(lang, Key::NavApprovals) }
                            { " " }
                            <span id="approvals-badge" class="nav-badge" hidden={*waiting == 0}>{ *waiting }</span>
                            if *waiting > 0 {
                                <span class="visually-hidden">{ format!(" {}", t(lang, Key::ApprovalsWaiting)) }</span>
                            }
                        </NavLink>
                    </li>
                }
                if works {
                    <li><NavLink to={Route::Statistics} id="statistics-link">{ t(lang, Key::StatsNav) }</NavLink></li>
                    <li><NavLink to={Route::ReporterData} id="reporter-data-link">{ t(lang, Key::NavReporterData) }</NavLink></li>
                }
                <li><NavLink to={Route::Pses} id="pses-link">{ t(lang, Key::PsesTitle) }</NavLink></li>
                <li><NavLink to={Route::Monitoring} id="monitoring-link">{ t(lang, Key::NavMonitoring) }</NavLink></li>
                if is_admin {
                    <li><NavLink to={Route::Categories} id="categories-link">{ t(lang, Key::CategoriesTitle) }</NavLink></li>
                    <li><NavLink to={Route::Users} id="users-link">{ t(lang, Key::UsersTitle) }</NavLink></li>
                    <li><NavLink to={Route::Organization} id="organization-link">{ t(lang, Key::NavOrganization) }</NavLink></li>
                    <li><NavLink to={Route::SlaPolicy} id="sla-link">{ t(lang, Key::SlaPolicyNav) }</NavLink></li>
                    <li><NavLink to={Route::Webhooks} id="webhooks-link">{ t(lang, Key::WebhooksTitle) }</NavLink></li>
                    <li><NavLink to={Route::Security} id="security-link">{ t(lang, Key::NavSecurity) }</NavLink></li>
                    <li><NavLink to={Route::Audit} id="audit-link">{ t(lang, Key::NavAudit) }</NavLink></li>
                }
                <li><NavLink to={Route::Account} id="account-link">{ t(lang, Key::NavAccount) }</NavLink></li>
            </ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn clock(due: Option<DateTime<Utc>>, paused: bool) -> StepClock {
        StepClock {
            steps: vec![4],
            started_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().unwrap_or_default(),
            time_standard: None,
            paused_seconds: 0,
            due_at: due,
            paused,
            overdue: false,
        }
    }

    #[test]
    fn countdown_words() {
        let now = Utc.with_ymd_and_hms(2026, 1, 2, 10, 0, 0).single().unwrap_or_default();
        let due = |h: i64, m: i64| Some(now + chrono::Duration::minutes(h * 60 + m));
        assert_eq!(sla(&clock(due(5, 20), false), now), Sla::OnTime(320));
        assert_eq!(sla_text(Sla::OnTime(320), Lang::Id).0, "sisa 5 j 20 m");
        assert_eq!(sla(&clock(due(1, 0), false), now), Sla::Soon(60));
        assert_eq!(sla(&clock(due(-2, 0), false), now), Sla::Overdue(120));
        assert_eq!(sla_text(Sla::Overdue(120), Lang::Id).0, "terlambat 2 j");
        assert_eq!(sla_text(Sla::Overdue(120), Lang::En).0, "2 h overdue");
        assert_eq!(sla(&clock(due(1, 0), true), now), Sla::Paused);
        assert_eq!(sla(&clock(None, false), now), Sla::NoStandard);
        assert_eq!(span(1500, Lang::Id), "1 h 1 j");
        assert_eq!(span(7, Lang::En), "7 m");
    }

    #[test]
    fn durations_and_shares() {
        assert_eq!(duration(2 * 3600 + 15 * 60, Lang::Id), "2 j 15 m");
        assert_eq!(duration(2 * 3600 + 15 * 60, Lang::En), "2 h 15 m");
        assert_eq!(duration(20, Lang::En), "< 1 m");
        assert_eq!(duration(0, Lang::Id), "0 m");
        assert_eq!(percent(0.874), "87%");
        assert_eq!(percent(1.2), "100%");
        assert_eq!(step_label(4, Lang::Id), SopStep::Verify.label(Lang::Id));
    }
}
