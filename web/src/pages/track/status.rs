//! The report's status as the reporter sees it: the SOP steps, the team's question, the
//! documents to download and the Hall of Fame choice.

use std::rc::Rc;

use ttis_shared::Lang;
use ttis_shared::dto::reports::{PublicEventKind, ReportStatus};
use ttis_shared::procedure::{ReportState, SopStep, TimeStandard};
use yew::prelude::*;

use super::answer::AnswerForm;
use super::downloads::Downloads;
use super::hof::HofForm;
use crate::i18n::{self, Key, t};
use crate::state::use_lang;
use crate::util;

#[derive(Debug, Clone, Copy, PartialEq)]
enum StepStatus {
    Done,
    Current,
    Pending,
    /// The step where the report was found not valid.
    Rejected,
    /// Not carried out (after a rejection).
    Skipped,
}

fn step_status(state: ReportState, step: SopStep) -> StepStatus {
    let n = step.number();
    match state {
        ReportState::Completed => StepStatus::Done,
        ReportState::Rejected => match n {
            1..=3 => StepStatus::Done,
            4 => StepStatus::Rejected,
            _ => StepStatus::Skipped,
        },
        _ => {
            let active = state.active_steps();
            let first = active.iter().map(|s| s.number()).min().unwrap_or(10);
            if active.contains(&step) {
                StepStatus::Current
            } else if n < first {
                StepStatus::Done
            } else {
                StepStatus::Pending
            }
        }
    }
}

fn status_key(s: StepStatus) -> Key {
    match s {
        StepStatus::Done => Key::StepDone,
        StepStatus::Current => Key::StepCurrent,
        StepStatus::Pending => Key::StepPending,
        StepStatus::Rejected => Key::StepRejected,
        StepStatus::Skipped => Key::StepSkipped,
    }
}

fn status_class(s: StepStatus) -> &'static str {
    match s {
        StepStatus::Done => "step-done",
        StepStatus::Current => "step-current",
        StepStatus::Pending => "step-pending",
        StepStatus::Rejected => "step-rejected",
        StepStatus::Skipped => "step-skipped",
    }
}

fn state_class(state: ReportState) -> String {
    format!("state-{}", state.as_str())
}

#[derive(Properties, PartialEq)]
pub(super) struct StatusProps {
    pub(super) status: Rc<ReportStatus>,
    /// The key the status was looked up with (kept in memory for answering).
    pub(super) access_key: String,
    pub(super) on_updated: Callback<ReportStatus>,
}

#[function_component(StatusView)]
pub(super) fn status_view(props: &StatusProps) -> Html {
    let lang = use_lang();
    let s = &props.status;
    let label = |l: &ttis_shared::dto::reports::Label| match lang {
        Lang::Id => l.id.clone(),
        Lang::En => l.en.clone(),
    };
    let state_label = label(&s.state_label);
    // Whether the person answered a question on this page (to confirm it was received).
    let answered = use_state(|| false);
    {
        let answered = answered.clone();
        use_effect_with(s.state, move |state| {
            if *state == ReportState::NeedsInfo {
                answered.set(true);
            }
        });
    }

    // The steps of this ticket's procedure, as the server lists them (without the Hall of Fame
    // when no reporter is credited); all nine from a server that lists none.
    let listed = |step: &SopStep| s.steps.is_empty() || s.steps.iter().any(|p| p.number == step.number());
    let steps = SopStep::ALL.iter().filter(|step| listed(step)).map(|&step| {
        // When the server says the step was done (its `steps`); the state tells the rest.
        let done_at = s.steps.iter().find(|p| p.number == step.number()).and_then(|p| p.done_at);
        let status = match (step_status(s.state, step), done_at) {
            (StepStatus::Rejected, _) => StepStatus::Rejected,
            (_, Some(_)) => StepStatus::Done,
            (status, None) => status,
        };
        // The server's time standard (configurable) for the step it names; the SOP's otherwise.
        let standard: Option<TimeStandard> = match &s.current_step {
            Some(info) if info.number == step.number() => info.time_standard,
            _ => step.default_time_standard(),
        };
        let name = match (&s.current_step, s.steps.iter().find(|p| p.number == step.number())) {
            (Some(info), _) if info.number == step.number() => label(&info.label),
            (_, Some(p)) => label(&p.label),
            _ => step.label(lang).to_string(),
        };
        let current = status == StepStatus::Current;
        html! {
            <li class={classes!("sop-step", status_class(status), done_at.is_some().then_some("done"))} id={format!("step-{}", step.number())}
                aria-current={current.then_some("step")}>
                <span class="sop-num" aria-hidden="true">{ step.number() }</span>
                <div class="sop-body">
                    <span class="sop-label">
                        <span class="visually-hidden">{ format!("{} {}: ", t(lang, Key::StepWord), step.number()) }</span>
                        { name }
                    </span>
                    <span class="sop-status">{ t(lang, status_key(status)) }</span>
                    <span class="sop-when">
                        <span class="visually-hidden">{ format!("{}: ", t(lang, Key::StepDoneAt)) }</span>
                        if let Some(at) = done_at {
                            <time datetime={at.to_rfc3339()}>{ util::format_datetime(&at, lang) }</time>
                        } else {
                            <span class="muted">{ t(lang, Key::StepNotYet) }</span>
                        }
                    </span>
                    if current {
                        if let Some(ts) = standard {
                            <span class="sop-time">{ i18n::time_standard(lang, ts) }</span>
                        }
                        if s.state == ReportState::NeedsInfo {
                            <span class="sop-time">{ t(lang, Key::SlaPaused) }</span>
                        }
                    }
                </div>
            </li>
        }
    });

    let events = s.timeline.iter().enumerate().map(|(i, e)| {
        let author = if e.author == "reporter" {
            t(lang, Key::AuthorReporter)
        } else {
            t(lang, Key::AuthorTeam)
        };
        let what = match e.kind {
            PublicEventKind::StateChange => {
                let to = e
                    .state_label
                    .as_ref()
                    .map(label)
                    .or_else(|| e.to_state.map(|st| st.label(lang).to_string()))
                    .unwrap_or_default();
                format!("{} {to}", t(lang, Key::TimelineStateChange))
            }
            PublicEventKind::Message => format!("{} {author}", t(lang, Key::TimelineMessage)),
        };
        html! {
            <li class={classes!("event", matches!(e.kind, PublicEventKind::Message).then_some("event-message"))} id={format!("track-event-{i}")}>
                <time datetime={e.at.to_rfc3339()}>{ util::format_datetime(&e.at, lang) }</time>
                <p class="event-what">{ what }</p>
                { crate::pages::common::timeline_details(e.event.as_ref(), e.body.as_deref(), e.erased, lang) }
            </li>
        }
    });

    html! {
        <section id="track-result" class="track-result" aria-labelledby="track-result-title">
            <div class="panel">
                <p class="eyebrow" id="track-ticket-code">{ s.ticket_code.clone() }</p>
                <h2 id="track-result-title" tabindex="-1">{ s.title.clone() }</h2>
                <p class="track-state-line">
                    { format!("{}: ", t(lang, Key::Status)) }
                    <strong id="track-state" class={classes!("chip", state_class(s.state))}>{ state_label }</strong>
                </p>
                <dl class="facts">
                    <dt>{ t(lang, Key::SubmittedAt) }</dt>
                    <dd>{ util::format_datetime(&s.submitted_at, lang) }</dd>
                    <dt>{ t(lang, Key::StateSince) }</dt>
                    <dd>{ util::format_datetime(&s.state_entered_at, lang) }</dd>
                </dl>
            </div>

            if s.state == ReportState::NeedsInfo {
                <AnswerForm ticket_code={s.ticket_code.clone()} access_key={props.access_key.clone()} on_updated={props.on_updated.clone()} />
            }
            if *answered && s.state != ReportState::NeedsInfo {
                <div class="alert alert-success" role="status" id="track-info-sent" tabindex="-1">{ t(lang, Key::InfoAnswerSent) }</div>
            }
            if let Some(at) = s.approved_documents.iter().map(|d| d.approved_at).max() {
                <div class="alert alert-success approved-documents" role="note" id="approved-documents">
                    <p><strong>{ t(lang, Key::ApprovedDocsText).replace("{date}", &util::format_datetime(&at, lang)) }</strong></p>
                    <ul>
                        { for s.approved_documents.iter().map(|d| html! {
                            <li class={format!("approved-{}", d.kind.as_str())}>
                                { label(&d.label) }{ " · " }
                                <time datetime={d.approved_at.to_rfc3339()}>{ util::format_date(&d.approved_at, lang) }</time>
                            </li>
                        }) }
                    </ul>
                </div>
            }

            if !s.downloads.is_empty() {
                <Downloads ticket_code={s.ticket_code.clone()} access_key={props.access_key.clone()} kinds={s.downloads.clone()} />
            }

            <section class="panel" aria-labelledby="track-steps-title">
                <h3 id="track-steps-title">{ t(lang, Key::StepsTitle) }</h3>
                <ol id="steps" class="sop-steps">{ for steps }</ol>
            </section>

            <section class="panel" aria-labelledby="track-timeline-title">
                <h3 id="track-timeline-title">{ t(lang, Key::TimelineTitle) }</h3>
                if s.timeline.is_empty() {
                    <p>{ t(lang, Key::TimelineEmpty) }</p>
                } else {
                    <ol id="track-timeline" class="timeline">{ for events }</ol>
                }
            </section>

            if s.state != ReportState::Rejected {
                <HofForm ticket_code={s.ticket_code.clone()} access_key={props.access_key.clone()} current={s.hall_of_fame} />
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statuses(state: ReportState) -> Vec<StepStatus> {
        SopStep::ALL.iter().map(|&s| step_status(state, s)).collect()
    }

    #[test]
    fn steps_follow_the_state() {
        use StepStatus::*;
        assert_eq!(
            statuses(ReportState::Submitted),
            vec![Done, Done, Done, Current, Pending, Pending, Pending, Pending, Pending]
        );
        assert_eq!(
            statuses(ReportState::Drafted),
            vec![Done, Done, Done, Done, Current, Current, Pending, Pending, Pending]
        );
        assert_eq!(
            statuses(ReportState::Rejected),
            vec![Done, Done, Done, Rejected, Skipped, Skipped, Skipped, Skipped, Skipped]
        );
        assert!(statuses(ReportState::Completed).iter().all(|s| *s == Done));
    }
}
