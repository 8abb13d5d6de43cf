//! A ticket as staff see it (ids start with `ticket-`): the header with the SLA clock, the
//! actions the signed-in person may take now, the report, the reporter (personal data), evidence
//! with download, the timeline, messages and notes, claim and assignment with a printable
//! *lembar disposisi*; the documents with their previews, the drafts of the letter and the
//! certificate (SOP step 5), and the head's review of both before approving them (steps 6-7); the
//! notifications sent and their delivery, with resending, and the PSE's acknowledgement (step 9);
//! and each step's time against its standard (the SLA table).

mod actions;
mod analysis;
mod assign;
mod deliveries;
pub mod documents;
mod drafts;
mod intel;
mod sla_table;
mod timeline;

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::dto::documents::{DocumentKind, DocumentStatus};
use ttis_shared::dto::reports::Category;
use ttis_shared::dto::tickets::{MessageRequest, PseList, PseRef, TicketDetail, UserRef};
use ttis_shared::procedure::{Action, ReportState};
use ttis_shared::{Lang, Role};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{
    Guard, StaffNav, category_label, channel_label, error_box, field_error, label_text, set_text, severity_badge, sla,
    sla_text,
};
use crate::api::{self, ApiError};
use crate::hooks::{Fetch, use_fetch, use_site};
use crate::i18n::{self, Key, t};
use crate::pages::report::form::{HALL_OF_FAME, KINDS, REPORTER_TYPES, TLPS, cvss_text};
use crate::route::Route;
use crate::state::{Session, use_lang};
use crate::util::{self, format_bytes};

pub use assign::Disposition;

/// `/tickets/{code}` with the code made safe for a path.
pub fn ticket_path(code: &str) -> String {
    format!("/tickets/{}", String::from(js_sys::encode_uri_component(code)))
}

#[derive(Properties, PartialEq)]
pub struct TicketPageProps {
    pub code: AttrValue,
}

#[function_component(TicketPage)]
pub fn ticket_page(props: &TicketPageProps) -> Html {
    let code = props.code.clone();
    let page = Callback::from(move |session: Rc<Session>| html! { <TicketView {session} code={code.clone()} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct ViewProps {
    session: Rc<Session>,
    code: AttrValue,
}

/// What the ticket page needs besides the ticket: the taxonomy, the PSE register, the team.
#[derive(Clone, PartialEq, Default)]
pub struct Lookups {
    pub categories: Rc<Vec<Category>>,
    pub pses: Rc<Vec<PseRef>>,
    /// `None` when the staff directory cannot be had (the pickers fall back).
    pub staff: Option<Rc<Vec<UserRef>>>,
}

#[function_component(TicketView)]
fn ticket_view(props: &ViewProps) -> Html {
    let lang = use_lang();
    let site = use_site();
    let token = props.session.token.clone();
    let detail = use_fetch((props.code.clone(), token.clone()), move |(code, token)| async move {
        api::get::<TicketDetail>(&ticket_path(&code), Some(&token), lang).await
    });
    let open = use_state(|| None::<Action>);
    let notice = use_state(|| None::<String>);
    let show_sheet = use_state(|| false);
    let disposition = use_state(Disposition::default);
    let categories = super::use_categories();
    let pses = use_fetch(token.clone(), move |token| async move {
        let list = api::get::<PseList>("/pses", Some(&token), lang).await?;
        Ok(list.items.into_iter().map(|p| PseRef { id: p.id, name: p.name }).collect::<Vec<_>>())
    });
    // The team directory; without it (older server, no permission) the pickers fall back.
    let staff =
        use_fetch(
            token.clone(),
            move |token| async move { api::get::<Vec<UserRef>>("/staff", Some(&token), lang).await },
        );

    let on_updated = {
        let detail = detail.clone();
        let open = open.clone();
        let notice = notice.clone();
        Callback::from(move |(next, message): (TicketDetail, String)| {
            detail.set_ready(next);
            open.set(None);
            notice.set(Some(message));
            wasm_bindgen_futures::spawn_local(async {
                util::sleep(0).await;
                util::focus("ticket-notice");
            });
        })
    };
    let on_stale = detail.reloader();

    let body = match detail.state() {
        Fetch::Loading => html! { <p class="panel loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(err) => html! {
            <>
                { error_box(err, lang, "ticket-error") }
                <p><Link<Route> to={Route::Dashboard} classes="btn btn-secondary">{ t(lang, Key::BackDashboard) }</Link<Route>></p>
            </>
        },
        Fetch::Ready(d) => {
            let lookups = Lookups {
                categories: categories.clone(),
                pses: pses.data().cloned().unwrap_or_default(),
                staff: staff.data().cloned(),
            };
            let ctx = Ctx { lang, session: props.session.clone(), token: token.clone(), lookups };
            let choose = {
                let open = open.clone();
                let notice = notice.clone();
                Callback::from(move |a: Action| {
                    notice.set(None);
                    open.set(if *open == Some(a) { None } else { Some(a) });
                    let id = if a == Action::Verify { "analysis-category" } else { "action-panel-title" };
                    wasm_bindgen_futures::spawn_local(async move {
                        util::sleep(0).await;
                        util::focus(id);
                    });
                })
            };
            let cancel = {
                let open = open.clone();
                Callback::from(move |()| open.set(None))
            };
            let toggle_sheet = {
                let show_sheet = show_sheet.clone();
                Callback::from(move |_: MouseEvent| show_sheet.set(!*show_sheet))
            };
            // The head reviews both drafts, side by side, right above the approve / return buttons.
            let head_review = ctx.session.has_role(Role::Head) && d.state == ReportState::AwaitingApproval;
            let review = if head_review {
                html! {
                    <div class="approval-review" id="approval-review">
                        <h2 class="h3" id="approval-review-title">{ t(lang, Key::ReviewDraftsTitle) }</h2>
                        <p class="field-hint">{ t(lang, Key::ReviewDraftsHint) }</p>
                        <documents::PreviewPair code={d.code.clone()} token={token.clone()}
                            letter={documents::latest(d, DocumentKind::NotificationLetter, Some(DocumentStatus::Draft))}
                            certificate={documents::latest(d, DocumentKind::Certificate, Some(DocumentStatus::Draft))} />
                    </div>
                }
            } else {
                html! {}
            };
            let remarks = d
                .drafts
                .as_ref()
                .and_then(|dr| dr.remarks.clone())
                .filter(|r| !r.trim().is_empty())
                .filter(|_| matches!(d.state, ReportState::Drafted | ReportState::AwaitingApproval));
            let edit_drafts = d.state == ReportState::Drafted && ctx.session.has_role(Role::Analyst);
            html! {
                <>
                    { header(d, &ctx, &choose, *open, review) }
                    if let Some(message) = &*notice {
                        <div class="alert alert-success" role="status" id="ticket-notice" tabindex="-1">{ message.clone() }</div>
                    }
                    if let Some(r) = remarks {
                        <div class="alert alert-warning remarks-notice" role="note" id="drafts-remarks">
                            <p class="remarks-title"><strong>{ t(lang, Key::HeadRemarks) }</strong></p>
                            <p class="prewrap" id="drafts-remarks-text">{ r }</p>
                        </div>
                    }
                    if let Some(action) = *open {
                        if action == Action::Verify {
                            <analysis::AnalysisForm detail={d.clone()} session={ctx.session.clone()} lookups={ctx.lookups.clone()}
                                on_done={on_updated.clone()} on_cancel={cancel.clone()} on_stale={on_stale.clone()} />
                        } else {
                            <actions::ActionPanel code={d.code.clone()} {action} token={token.clone()}
                                totp={ctx.session.user.totp_enabled}
                                on_done={on_updated.clone()} on_cancel={cancel.clone()} on_stale={on_stale.clone()} />
                        }
                    }
                    if *show_sheet {
                        <assign::DispositionSheet detail={d.clone()} draft={(*disposition).clone()} site={site.clone()}
                            session={ctx.session.clone()} staff={ctx.lookups.staff.clone()} on_close={toggle_sheet.clone()} />
                    }
                    <div class="ticket-grid">
                        <div class="ticket-main">
                            { report_panel(d, &ctx) }
                            { sla_table::sla_panel(&d.sla, lang) }
                            <documents::DocumentsPanel detail={d.clone()} token={token.clone()} previews={!head_review} />
                            if edit_drafts {
                                if let Some(dr) = &d.drafts {
                                    <drafts::DraftsForm key={dr.revision.to_string()} code={d.code.clone()} drafts={dr.clone()}
                                        token={token.clone()} on_done={on_updated.clone()} on_stale={on_stale.clone()} />
                                }
                            }
                            <deliveries::DeliveriesPanel code={d.code.clone()} items={d.deliveries.clone()} token={token.clone()}
                                can_resend={ctx.session.has_role(Role::Analyst)} on_done={on_updated.clone()} />
                            { evidence_panel(d, &ctx) }
                            if d.analysis.is_some() {
                                <intel::IntelPanel detail={d.clone()} token={token.clone()} is_head={ctx.session.has_role(Role::Head)}
                                    can_edit={ctx.session.has_role(Role::Analyst) || ctx.session.has_role(Role::Head)}
                                    on_changed={on_stale.clone()} />
                            }
                            { timeline::timeline_panel(d, lang) }
                            if ctx.session.has_role(Role::Analyst) {
                                <MessageForm code={d.code.clone()} token={token.clone()} on_done={on_updated.clone()} />
                            }
                        </div>
                        <aside class="ticket-side">
                            <intel::PdpPanel pdp={d.pdp.clone()} code={d.code.clone()} token={token.clone()}
                                can_record={ctx.session.has_role(Role::Analyst) || ctx.session.has_role(Role::Head)}
                                on_done={on_updated.clone()} />
                            { deliveries::acknowledgement_panel(d.pse_acknowledgement.as_ref(), lang) }
                            { reporter_panel(d, lang) }
                            <assign::Handling detail={d.clone()} session={ctx.session.clone()} staff={ctx.lookups.staff.clone()}
                                draft={disposition.clone()} on_done={on_updated.clone()} sheet_open={*show_sheet} on_sheet={toggle_sheet} />
                            { duplicates_panel(d, lang) }
                            { analysis_panel(d, &ctx) }
                        </aside>
                    </div>
                </>
            }
        }
    };

    html! {
        <div class={classes!("container", "container-wide", "page", "ticket-page", show_sheet.then_some("printing-disposition"))}>
            <div class="page-head no-print">
                <p class="eyebrow"><Link<Route> to={Route::Dashboard}>{ t(lang, Key::BackDashboard) }</Link<Route>></p>
            </div>
            <StaffNav session={props.session.clone()} />
            { body }
        </div>
    }
}

/// What the panels share.
struct Ctx {
    lang: Lang,
    session: Rc<Session>,
    #[allow(dead_code)]
    token: String,
    lookups: Lookups,
}

fn header(d: &TicketDetail, ctx: &Ctx, choose: &Callback<Action>, open: Option<Action>, review: Html) -> Html {
    let lang = ctx.lang;
    let now = util::now();
    let clock = d.clock.as_ref().map(|c| {
        let (countdown, class) = sla_text(sla(c, now), lang);
        let steps = c.steps.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ");
        html! {
            <dl class="facts clock-facts" id="ticket-clock">
                <dt>{ t(lang, Key::ClockSteps) }</dt>
                <dd id="ticket-clock-steps">{ steps }</dd>
                if let Some(ts) = c.time_standard {
                    <dt>{ t(lang, Key::ClockStandard) }</dt>
                    <dd>{ i18n::time_standard(lang, ts).split(": ").last().unwrap_or_default().to_string() }</dd>
                }
                <dt>{ t(lang, Key::ClockStarted) }</dt>
                <dd>{ util::format_datetime(&c.started_at, lang) }</dd>
                if let Some(due) = &c.due_at {
                    <dt>{ t(lang, Key::ClockDue) }</dt>
                    <dd>{ util::format_datetime(due, lang) }</dd>
                }
                <dt>{ t(lang, Key::SlaColumn) }</dt>
                <dd><span id="ticket-sla" class={classes!("sla", class)}>{ countdown }</span></dd>
            </dl>
        }
    });
    let buttons = d.allowed_actions.iter().filter(|a| **a != Action::ProvideInfo).map(|&a| {
        let onclick = {
            let choose = choose.clone();
            Callback::from(move |_: MouseEvent| choose.emit(a))
        };
        let pressed = open == Some(a);
        let class = match a {
            Action::Reject | Action::ReturnForRevision => "btn-danger",
            Action::Verify
            | Action::Approve
            | Action::StartVerification
            | Action::SubmitForApproval
            | Action::Complete => "btn-primary",
            _ => "btn-secondary",
        };
        html! {
            <button type="button" id={format!("action-{}", a.as_str())} class={classes!("btn", class)}
                aria-expanded={if pressed { "true" } else { "false" }} {onclick}>
                { a.label(lang) }
            </button>
        }
    });
    let tlp = d.tlp.clone();
    html! {
        <section class="panel ticket-head no-print-sheet" aria-labelledby="ticket-title">
            <div class="ticket-head-top">
                <div>
                    <p class="eyebrow ticket-code" id="ticket-code">{ d.code.clone() }</p>
                    <h1 id="ticket-title">{ d.title.clone() }</h1>
                    <p class="ticket-badges">
                        <span id="ticket-state" class={classes!("chip", format!("state-{}", d.state.as_str()))}>{ label_text(&d.state_label, lang) }</span>
                        { tlp_badge(&tlp, lang) }
                        if d.severity.is_some() { { severity_badge(d.severity, lang) } }
                    </p>
                </div>
                { for clock }
            </div>
            { review }
            <div class="ticket-actions" role="group" aria-label={t(lang, Key::ActionsLabel)} id="ticket-actions">
                if d.allowed_actions.iter().all(|a| *a == Action::ProvideInfo) {
                    <p class="muted" id="ticket-no-actions">{ no_action_text(d.state, lang) }</p>
                } else {
                    { for buttons }
                }
            </div>
        </section>
    }
}

fn no_action_text(state: ReportState, lang: Lang) -> &'static str {
    match state {
        ReportState::NeedsInfo => t(lang, Key::WaitingReporter),
        ReportState::Rejected | ReportState::Completed => t(lang, Key::TicketClosed),
        _ => t(lang, Key::NoActions),
    }
}

pub fn tlp_badge(code: &str, lang: Lang) -> Html {
    let label = TLPS.iter().find(|(tlp, _)| tlp.as_str() == code).map(|(_, k)| t(lang, *k)).unwrap_or(code);
    let class = format!("tlp tlp-{}", code.replace('+', "-"));
    html! { <span class={class} id="ticket-tlp">{ label.to_string() }</span> }
}

fn yes_no(v: bool, lang: Lang) -> &'static str {
    t(lang, if v { Key::Yes } else { Key::No })
}

fn text_block(title: Key, body: Option<&str>, id: &'static str, lang: Lang) -> Html {
    match body {
        Some(b) if !b.trim().is_empty() => html! {
            <div class="text-block">
                <h3>{ t(lang, title) }</h3>
                <p class="prewrap" {id}>{ b.to_string() }</p>
            </div>
        },
        _ => html! {},
    }
}

fn report_panel(d: &TicketDetail, ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let kind = KINDS.iter().find(|(_, code, _)| *code == d.kind).map(|(_, _, k)| t(lang, *k)).unwrap_or(&d.kind);
    let cvss = d.cvss_vector.as_ref().map(|v| {
        let score = d
            .cvss_score
            .map(|s| format!("{} {s:.1}", t(lang, Key::CvssScore)))
            .or_else(|| cvss_text(v, lang))
            .unwrap_or_default();
        html! { <><code>{ v.clone() }</code>{ " " }<span class="cvss-score">{ score }</span></> }
    });
    html! {
        <section class="panel" aria-labelledby="ticket-report-title" id="ticket-report">
            <h2 id="ticket-report-title">{ t(lang, Key::ReportSection) }</h2>
            <dl class="facts">
                <dt>{ t(lang, Key::FieldKind) }</dt><dd>{ kind.to_string() }</dd>
                <dt>{ t(lang, Key::FieldCategory) }</dt><dd id="ticket-category">{ category_label(&d.category, &ctx.lookups.categories, lang) }</dd>
                <dt>{ t(lang, Key::FieldAsset) }</dt>
                <dd class="break" id="ticket-asset">
                    { d.affected_asset.clone() }
                    if let Some(host) = &d.affected_host {
                        if host != &d.affected_asset { <span class="cell-sub">{ format!("{}: {host}", t(lang, Key::HostLabel)) }</span> }
                    }
                </dd>
                <dt>{ t(lang, Key::FieldDiscoveredAt) }</dt><dd>{ util::format_datetime(&d.discovered_at, lang) }</dd>
                <dt>{ t(lang, Key::SubmittedAt) }</dt><dd>{ util::format_datetime(&d.submitted_at, lang) }</dd>
                <dt>{ t(lang, Key::FieldChannel) }</dt><dd id="ticket-channel">{ channel_label(&d.channel, lang) }</dd>
                <dt>{ t(lang, Key::FieldOngoing) }</dt><dd>{ yes_no(d.ongoing, lang) }</dd>
                <dt>{ t(lang, Key::FieldPersonalData) }</dt><dd>{ yes_no(d.personal_data_involved, lang) }</dd>
                <dt>{ t(lang, Key::FieldTlp) }</dt><dd>{ tlp_badge(&d.tlp, lang) }</dd>
                <dt>{ t(lang, Key::FieldCvss) }</dt>
                <dd id="ticket-cvss">{ cvss.unwrap_or_else(|| html! { { t(lang, Key::NotProvided) } }) }</dd>
            </dl>
            { text_block(Key::FieldDescription, Some(&d.description), "ticket-description", lang) }
            { text_block(Key::FieldSteps, d.steps_to_reproduce.as_deref(), "ticket-steps", lang) }
            { text_block(Key::FieldImpact, d.impact.as_deref(), "ticket-impact", lang) }
        </section>
    }
}

fn reporter_panel(d: &TicketDetail, lang: Lang) -> Html {
    let r = &d.reporter;
    let rtype = REPORTER_TYPES
        .iter()
        .find(|(_, code, _)| *code == r.reporter_type)
        .map(|(_, _, k)| t(lang, *k).to_string())
        .unwrap_or_else(|| r.reporter_type.clone());
    let hof = HALL_OF_FAME
        .iter()
        .find(|(_, code, _)| *code == r.hall_of_fame)
        .map(|(_, _, k)| t(lang, *k).to_string())
        .unwrap_or_else(|| r.hall_of_fame.clone());
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| t(lang, Key::NotProvided).to_string());
    html! {
        <section class="panel personal-data" aria-labelledby="ticket-reporter-title" id="ticket-reporter">
            <h2 id="ticket-reporter-title">{ t(lang, Key::ReporterSection) }</h2>
            <p class="pdp-note"><span class="badge badge-pdp">{ t(lang, Key::PersonalDataBadge) }</span>{ " " }{ t(lang, Key::PersonalDataNote) }</p>
            <dl class="facts facts-stack">
                <dt>{ t(lang, Key::FieldName) }</dt><dd id="ticket-reporter-name">{ r.name.clone() }</dd>
                <dt>{ t(lang, Key::FieldEmail) }</dt><dd class="break"><a href={format!("mailto:{}", r.email)}>{ r.email.clone() }</a></dd>
                <dt>{ t(lang, Key::FieldPhone) }</dt><dd>{ opt(&r.phone) }</dd>
                <dt>{ t(lang, Key::FieldOrganization) }</dt><dd>{ opt(&r.organization) }</dd>
                <dt>{ t(lang, Key::FieldReporterType) }</dt><dd>{ rtype }</dd>
                <dt>{ t(lang, Key::FieldHallOfFame) }</dt>
                <dd>
                    { hof }
                    if let Some(alias) = &r.alias { { format!(" ({alias})") } }
                </dd>
            </dl>
        </section>
    }
}

fn evidence_panel(d: &TicketDetail, ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    html! {
        <section class="panel" aria-labelledby="ticket-evidence-title" id="ticket-evidence">
            <h2 id="ticket-evidence-title">{ t(lang, Key::EvidenceTitle) }{ " " }<span class="count">{ d.evidence.len() }</span></h2>
            if d.evidence.is_empty() {
                <p class="muted">{ t(lang, Key::EvidenceNone) }</p>
            } else {
                <p class="field-hint">{ t(lang, Key::EvidenceStaffNote) }</p>
                <ul class="evidence-list">
                    { for d.evidence.iter().map(|e| html! {
                        <EvidenceRow code={d.code.clone()} item={e.clone()} token={ctx.session.token.clone()} />
                    }) }
                </ul>
            }
        </section>
    }
}

/// Who uploaded a file: a staff member's name, or the reporter (stored as `reporter`).
fn uploader(uploaded_by: &str, lang: Lang) -> String {
    match uploaded_by {
        "reporter" => t(lang, Key::AuthorReporterStaff).to_string(),
        name => name.to_string(),
    }
}

#[derive(Properties, PartialEq)]
struct EvidenceRowProps {
    code: String,
    item: ttis_shared::dto::tickets::EvidenceItem,
    token: String,
}

#[function_component(EvidenceRow)]
fn evidence_row(props: &EvidenceRowProps) -> Html {
    let lang = use_lang();
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let e = &props.item;
    let onclick = {
        let path = format!("{}/evidence/{}", ticket_path(&props.code), e.id);
        let name = e.file_name.clone();
        let token = props.token.clone();
        let busy = busy.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            let (path, name, token, busy, error) =
                (path.clone(), name.clone(), token.clone(), busy.clone(), error.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::download(&path, &token, &name, lang).await;
                busy.set(false);
                error.set(result.err());
            });
        })
    };
    html! {
        <li class="evidence-item" id={format!("evidence-{}", e.id)}>
            <div class="evidence-info">
                <span class="file-name">{ e.file_name.clone() }</span>
                <span class="file-size">{ format!("{} · {}", e.content_type, format_bytes(e.size, lang)) }</span>
                <span class="hash-line"><abbr title="SHA-256">{ "SHA-256" }</abbr>{ ": " }<code class="hash">{ e.sha256.clone() }</code></span>
                <span class="cell-sub">
                    { format!("{} · {}", uploader(&e.uploaded_by, lang), util::format_datetime(&e.uploaded_at, lang)) }
                    if e.metadata_stripped { { format!(" · {}", t(lang, Key::EvidenceMetadataStripped)) } }
                </span>
                if !e.external_links.is_empty() {
                    <div class="evidence-links" id={format!("evidence-links-{}", e.id)}>
                        <span class="badge badge-pdp">{ t(lang, Key::EvidenceExternalLinks) }</span>
                        <ul>
                            // Shown as text, never as links: the analyst decides whether to visit.
                            { for e.external_links.iter().map(|l| html! { <li><code>{ l.clone() }</code></li> }) }
                        </ul>
                    </div>
                }
                if let Some(err) = &*error {
                    <p class="field-error" role="alert">{ err.message(lang) }</p>
                }
            </div>
            <button type="button" class="btn btn-secondary btn-small" id={format!("evidence-download-{}", e.id)}
                aria-label={format!("{} {}", t(lang, Key::Download), e.file_name)} disabled={*busy} {onclick}>
                { t(lang, if *busy { Key::Loading } else { Key::Download }) }
            </button>
        </li>
    }
}

fn duplicates_panel(d: &TicketDetail, lang: Lang) -> Html {
    if d.duplicate_of.is_none() && d.duplicate_hints.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel" aria-labelledby="ticket-duplicates-title" id="ticket-duplicates">
            <h2 id="ticket-duplicates-title">{ t(lang, Key::DuplicatesTitle) }</h2>
            if let Some(original) = &d.duplicate_of {
                <p id="ticket-duplicate-of">
                    { t(lang, Key::DuplicateOf) }{ " " }
                    <Link<Route> to={Route::Ticket { code: original.clone() }}>{ original.clone() }</Link<Route>>
                </p>
            }
            if !d.duplicate_hints.is_empty() {
                <p class="field-hint">{ t(lang, Key::DuplicateHintsNote) }</p>
                <ul class="link-list" id="ticket-duplicate-hints">
                    { for d.duplicate_hints.iter().map(|h| html! {
                        <li>
                            <Link<Route> to={Route::Ticket { code: h.code.clone() }}>{ h.code.clone() }</Link<Route>>
                            { format!(" — {} ", h.title) }
                            <span class={classes!("chip", "chip-small", format!("state-{}", h.state.as_str()))}>{ h.state.label(lang) }</span>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

fn analysis_panel(d: &TicketDetail, ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let Some(a) = &d.analysis else {
        return html! {};
    };
    let attendees = a.attendees.iter().map(|u| u.name.clone()).collect::<Vec<_>>().join(", ");
    html! {
        <section class="panel" aria-labelledby="ticket-analysis-title" id="ticket-analysis">
            <h2 id="ticket-analysis-title">{ t(lang, Key::AnalysisTitle) }</h2>
            <dl class="facts facts-stack">
                <dt>{ t(lang, Key::FieldCategory) }</dt><dd>{ category_label(&a.category, &ctx.lookups.categories, lang) }</dd>
                <dt>{ t(lang, Key::FieldSeverity) }</dt><dd>{ severity_badge(Some(a.severity), lang) }</dd>
                if let Some(v) = &a.cvss_vector {
                    <dt>{ t(lang, Key::FieldCvss) }</dt>
                    <dd class="break"><code>{ v.clone() }</code>{ a.cvss_score.map(|s| format!(" ({s:.1})")).unwrap_or_default() }</dd>
                }
                <dt>{ t(lang, Key::FieldPse) }</dt><dd>{ a.pse.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| "—".into()) }</dd>
                <dt>{ t(lang, Key::MeetingDate) }</dt><dd>{ util::format_day(&a.meeting_date, lang) }</dd>
                <dt>{ t(lang, Key::MeetingAttendees) }</dt><dd>{ attendees }</dd>
                <dt>{ t(lang, Key::MeetingDecision) }</dt><dd class="prewrap">{ a.decision.clone() }</dd>
                <dt>{ t(lang, Key::MeetingMinutes) }</dt><dd class="prewrap">{ a.minutes.clone() }</dd>
                <dt>{ t(lang, Key::Findings) }</dt><dd class="prewrap">{ a.findings.clone() }</dd>
                <dt>{ t(lang, Key::Recommendations) }</dt><dd class="prewrap">{ a.recommendations.clone() }</dd>
                <dt>{ t(lang, Key::Analyst) }</dt><dd>{ format!("{} · {}", a.analyst.name, util::format_datetime(&a.recorded_at, lang)) }</dd>
            </dl>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MessageProps {
    code: String,
    token: String,
    on_done: Callback<(TicketDetail, String)>,
}

/// A message to the reporter (emailed) or an internal note.
#[function_component(MessageForm)]
fn message_form(props: &MessageProps) -> Html {
    let lang = use_lang();
    let body = use_state(String::new);
    let public = use_state(|| false);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let invalid = use_state(|| None::<String>);

    let onsubmit = {
        let (body, public, busy, error, invalid) =
            (body.clone(), public.clone(), busy.clone(), error.clone(), invalid.clone());
        let path = format!("{}/messages", ticket_path(&props.code));
        let token = props.token.clone();
        let on_done = props.on_done.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            if let Err(v) =
                ttis_shared::validation::required(&body).and_then(|()| ttis_shared::validation::long_text(&body))
            {
                invalid.set(Some(v.message(lang)));
                util::focus("message-body");
                return;
            }
            invalid.set(None);
            let req = MessageRequest { body: body.trim().to_string(), public: *public };
            let (body, busy, error, path, token, on_done) =
                (body.clone(), busy.clone(), error.clone(), path.clone(), token.clone(), on_done.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::request::<_, TicketDetail>(Method::POST, &path, Some(&req), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(d) => {
                        body.set(String::new());
                        error.set(None);
                        let key = if req.public { Key::MessageSent } else { Key::NoteSaved };
                        on_done.emit((d, t(lang, key).to_string()));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let set_public = |v: bool| {
        let public = public.clone();
        Callback::from(move |_: Event| public.set(v))
    };
    let err_text = (*invalid).clone().or_else(|| error.as_ref().and_then(|e| field_error(e.field_errors(), "body")));
    html! {
        <section class="panel" aria-labelledby="message-form-title">
            <h2 id="message-form-title">{ t(lang, Key::MessageTitle) }</h2>
            <form id="message-form" class="form" novalidate=true {onsubmit}>
                if let Some(err) = error.as_ref().filter(|e| e.field_errors().is_empty()) {
                    { error_box(err, lang, "message-error") }
                }
                <fieldset class="choice-group">
                    <legend>{ t(lang, Key::MessageAudience) }</legend>
                    <div class="choices choices-inline">
                        <label class="choice" for="message-internal">
                            <input type="radio" id="message-internal" name="message-audience" checked={!*public} onchange={set_public(false)} />
                            { t(lang, Key::MessageInternal) }
                        </label>
                        <label class="choice" for="message-public">
                            <input type="radio" id="message-public" name="message-audience" checked={*public} onchange={set_public(true)} />
                            { t(lang, Key::MessagePublic) }
                        </label>
                    </div>
                </fieldset>
                <div class={classes!("field", err_text.is_some().then_some("field-invalid"))}>
                    <label for="message-body">{ t(lang, if *public { Key::MessageBodyPublic } else { Key::MessageBodyInternal }) }</label>
                    <textarea id="message-body" rows="4" value={(*body).clone()} oninput={set_text::<InputEvent>(&body)}
                        aria-invalid={err_text.is_some().then_some("true")}
                        aria-describedby={err_text.is_some().then_some("message-body-error")} />
                    if let Some(err) = err_text {
                        <p class="field-error" id="message-body-error">{ err }</p>
                    }
                </div>
                <div class="form-actions">
                    <button type="submit" id="message-submit" class="btn btn-primary" disabled={*busy}>
                        { t(lang, if *public { Key::MessageSendPublic } else { Key::MessageSaveNote }) }
                    </button>
                </div>
            </form>
        </section>
    }
}
