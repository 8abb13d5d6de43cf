//! The SOP *Pelaporan Insiden Siber* as a state machine: states, actions, who may act, and the time
//! standard (*Mutu Baku*) of each of the nine steps. This module is the one place the procedure's
//! rules live; the API enforces them and the SPA shows them from the same code.

use serde::{Deserialize, Serialize};

use crate::{Lang, Role};

/// Where a report stands. The names are the API's and the database's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum ReportState {
    Submitted,
    InVerification,
    NeedsInfo,
    Drafted,
    AwaitingApproval,
    Approved,
    Rejected,
    Completed,
}

/// What can be done to a report. Each action has one or more source states and one target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    StartVerification,
    RequestInfo,
    ProvideInfo,
    Reject,
    Verify,
    SubmitForApproval,
    Approve,
    ReturnForRevision,
    Complete,
}

/// Who is acting: the reporter (with the ticket's access key), a staff member with their roles,
/// or the platform itself (e.g. closing a ticket once delivery succeeded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Reporter,
    Staff(Vec<Role>),
    System,
}

/// The kinds of actor an action names as allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Reporter,
    Analyst,
    Head,
    System,
}

impl Actor {
    fn is(&self, kind: ActorKind) -> bool {
        match (self, kind) {
            (Actor::Reporter, ActorKind::Reporter) | (Actor::System, ActorKind::System) => true,
            (Actor::Staff(roles), ActorKind::Analyst) => roles.contains(&Role::Analyst),
            (Actor::Staff(roles), ActorKind::Head) => roles.contains(&Role::Head),
            _ => false,
        }
    }
}

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransitionError {
    /// The action does not leave this state. `allowed` lists what this actor may do instead.
    InvalidFromState { state: ReportState, action: Action, allowed: Vec<Action> },
    /// The action leaves this state, but not for this actor.
    NotPermitted { action: Action, required: Vec<ActorKind> },
}

impl ReportState {
    pub const ALL: [ReportState; 8] = [
        ReportState::Submitted,
        ReportState::InVerification,
        ReportState::NeedsInfo,
        ReportState::Drafted,
        ReportState::AwaitingApproval,
        ReportState::Approved,
        ReportState::Rejected,
        ReportState::Completed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportState::Submitted => "submitted",
            ReportState::InVerification => "in_verification",
            ReportState::NeedsInfo => "needs_info",
            ReportState::Drafted => "drafted",
            ReportState::AwaitingApproval => "awaiting_approval",
            ReportState::Approved => "approved",
            ReportState::Rejected => "rejected",
            ReportState::Completed => "completed",
        }
    }

    pub fn parse(s: &str) -> Option<ReportState> {
        ReportState::ALL.into_iter().find(|st| st.as_str() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ReportState::Submitted => lang.pick("Diterima", "Submitted"),
            ReportState::InVerification => lang.pick("Sedang diverifikasi", "In verification"),
            ReportState::NeedsInfo => lang.pick("Menunggu informasi pelapor", "Awaiting reporter information"),
            ReportState::Drafted => lang.pick("Draf dokumen disiapkan", "Documents drafted"),
            ReportState::AwaitingApproval => lang.pick("Menunggu pengesahan", "Awaiting approval"),
            ReportState::Approved => lang.pick("Disahkan", "Approved"),
            ReportState::Rejected => lang.pick("Tidak sesuai (ditolak)", "Rejected"),
            ReportState::Completed => lang.pick("Selesai", "Completed"),
        }
    }

    /// The states of a report found valid (*sesuai*): verified, and every state after it.
    pub const VERIFIED: [ReportState; 4] =
        [ReportState::Drafted, ReportState::AwaitingApproval, ReportState::Approved, ReportState::Completed];

    /// Whether the report was verified as valid (and is on its way, or done).
    pub fn is_verified(self) -> bool {
        ReportState::VERIFIED.contains(&self)
    }

    /// A ticket in a terminal state takes no further action.
    pub fn is_terminal(self) -> bool {
        matches!(self, ReportState::Rejected | ReportState::Completed)
    }

    /// The SOP steps whose work happens while a ticket is in this state. Their time standards add
    /// up to the state's due time; the clock starts when the state is entered.
    pub fn active_steps(self) -> &'static [SopStep] {
        match self {
            ReportState::Submitted | ReportState::InVerification | ReportState::NeedsInfo => &[SopStep::Verify],
            ReportState::Drafted => &[SopStep::Draft, SopStep::Submit],
            ReportState::AwaitingApproval => &[SopStep::Approve],
            ReportState::Approved => &[SopStep::HallOfFame, SopStep::Send],
            ReportState::Rejected | ReportState::Completed => &[],
        }
    }

    /// While waiting for the reporter, the team's clock does not run.
    pub fn sla_paused(self) -> bool {
        self == ReportState::NeedsInfo
    }
}

impl Action {
    pub const ALL: [Action; 9] = [
        Action::StartVerification,
        Action::RequestInfo,
        Action::ProvideInfo,
        Action::Reject,
        Action::Verify,
        Action::SubmitForApproval,
        Action::Approve,
        Action::ReturnForRevision,
        Action::Complete,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::StartVerification => "start_verification",
            Action::RequestInfo => "request_info",
            Action::ProvideInfo => "provide_info",
            Action::Reject => "reject",
            Action::Verify => "verify",
            Action::SubmitForApproval => "submit_for_approval",
            Action::Approve => "approve",
            Action::ReturnForRevision => "return_for_revision",
            Action::Complete => "complete",
        }
    }

    /// The states the action may start from.
    pub fn sources(self) -> &'static [ReportState] {
        use ReportState::*;
        match self {
            Action::StartVerification => &[Submitted],
            Action::RequestInfo => &[InVerification],
            Action::ProvideInfo => &[NeedsInfo],
            Action::Reject => &[Submitted, InVerification, NeedsInfo],
            Action::Verify => &[InVerification],
            Action::SubmitForApproval => &[Drafted],
            Action::Approve => &[AwaitingApproval],
            Action::ReturnForRevision => &[AwaitingApproval],
            Action::Complete => &[Approved],
        }
    }

    /// The state the action leads to.
    pub fn target(self) -> ReportState {
        use ReportState::*;
        match self {
            Action::StartVerification => InVerification,
            Action::RequestInfo => NeedsInfo,
            Action::ProvideInfo => InVerification,
            Action::Reject => Rejected,
            Action::Verify => Drafted,
            Action::SubmitForApproval => AwaitingApproval,
            Action::Approve => Approved,
            Action::ReturnForRevision => Drafted,
            Action::Complete => Completed,
        }
    }

    /// Who may take the action.
    pub fn allowed_actors(self) -> &'static [ActorKind] {
        use ActorKind::*;
        match self {
            Action::StartVerification
            | Action::RequestInfo
            | Action::Reject
            | Action::Verify
            | Action::SubmitForApproval => &[Analyst],
            Action::ProvideInfo => &[Reporter],
            Action::Approve | Action::ReturnForRevision => &[Head],
            Action::Complete => &[Analyst, System],
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Action::StartVerification => lang.pick("Mulai verifikasi", "Start verification"),
            Action::RequestInfo => lang.pick("Minta informasi tambahan", "Request information"),
            Action::ProvideInfo => lang.pick("Kirim informasi tambahan", "Provide information"),
            Action::Reject => lang.pick("Tidak sesuai (tolak)", "Reject"),
            Action::Verify => lang.pick("Sesuai (verifikasi)", "Verify"),
            Action::SubmitForApproval => lang.pick("Ajukan pengesahan", "Submit for approval"),
            Action::Approve => lang.pick("Sahkan dan tanda tangani", "Approve and sign"),
            Action::ReturnForRevision => lang.pick("Kembalikan untuk perbaikan", "Return for revision"),
            Action::Complete => lang.pick("Selesaikan", "Complete"),
        }
    }

    pub fn permits(self, actor: &Actor) -> bool {
        self.allowed_actors().iter().any(|k| actor.is(*k))
    }
}

/// Applies an action: the only way a report changes state.
pub fn transition(from: ReportState, action: Action, actor: &Actor) -> Result<ReportState, TransitionError> {
    if !action.sources().contains(&from) {
        return Err(TransitionError::InvalidFromState { state: from, action, allowed: allowed_actions(from, actor) });
    }
    if !action.permits(actor) {
        return Err(TransitionError::NotPermitted { action, required: action.allowed_actors().to_vec() });
    }
    Ok(action.target())
}

/// The actions this actor may take on a report in this state.
pub fn allowed_actions(state: ReportState, actor: &Actor) -> Vec<Action> {
    Action::ALL.into_iter().filter(|a| a.sources().contains(&state) && a.permits(actor)).collect()
}

/// A time standard from the SOP's *Mutu Baku* column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(tag = "unit", content = "value", rename_all = "snake_case")]
pub enum TimeStandard {
    Minutes(u32),
    WorkingDays(u32),
}

/// The nine steps of the SOP, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SopStep {
    OpenSite,
    FillForm,
    SubmitReport,
    Verify,
    Draft,
    Submit,
    Approve,
    HallOfFame,
    Send,
}

impl SopStep {
    pub const ALL: [SopStep; 9] = [
        SopStep::OpenSite,
        SopStep::FillForm,
        SopStep::SubmitReport,
        SopStep::Verify,
        SopStep::Draft,
        SopStep::Submit,
        SopStep::Approve,
        SopStep::HallOfFame,
        SopStep::Send,
    ];

    /// The step's number in the SOP (1-9).
    pub fn number(self) -> u8 {
        match self {
            SopStep::OpenSite => 1,
            SopStep::FillForm => 2,
            SopStep::SubmitReport => 3,
            SopStep::Verify => 4,
            SopStep::Draft => 5,
            SopStep::Submit => 6,
            SopStep::Approve => 7,
            SopStep::HallOfFame => 8,
            SopStep::Send => 9,
        }
    }

    /// The default time standard (configurable per deployment later); `None` where the SOP sets none.
    pub fn default_time_standard(self) -> Option<TimeStandard> {
        match self {
            SopStep::OpenSite => Some(TimeStandard::Minutes(5)),
            SopStep::FillForm => Some(TimeStandard::Minutes(10)),
            SopStep::SubmitReport => Some(TimeStandard::Minutes(5)),
            SopStep::Verify => Some(TimeStandard::WorkingDays(1)),
            SopStep::Draft => Some(TimeStandard::Minutes(30)),
            SopStep::Submit => Some(TimeStandard::Minutes(30)),
            SopStep::Approve => Some(TimeStandard::WorkingDays(1)),
            SopStep::HallOfFame => None,
            SopStep::Send => Some(TimeStandard::Minutes(10)),
        }
    }

    /// Who carries out the step, as the SOP's *Pelaksana* column says.
    pub fn performer(self) -> ActorKind {
        match self {
            SopStep::OpenSite | SopStep::FillForm | SopStep::SubmitReport => ActorKind::Reporter,
            SopStep::Verify | SopStep::Draft | SopStep::Submit | SopStep::Send => ActorKind::Analyst,
            SopStep::Approve => ActorKind::Head,
            SopStep::HallOfFame => ActorKind::System,
        }
    }

    /// The step's name, in the SOP's own wording for Indonesian.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SopStep::OpenSite => lang.pick("Pelapor membuka situs TTIS", "Reporter opens the site"),
            SopStep::FillForm => {
                lang.pick("Mengisi formulir laporan insiden siber", "Fill in the incident report form")
            }
            SopStep::SubmitReport => {
                lang.pick("Mengirim laporan dan mendapatkan kode tiket", "Submit the report and get a ticket code")
            }
            SopStep::Verify => lang.pick(
                "Verifikasi dan analisis laporan oleh tim tanggap insiden",
                "Verification and analysis by the response team",
            ),
            SopStep::Draft => lang.pick(
                "Pembuatan Surat Pemberitahuan Insiden Siber dan Sertifikat Apresiasi",
                "Drafting the incident notification letter and appreciation certificate",
            ),
            SopStep::Submit => {
                lang.pick("Pengajuan pengesahan kepada Kepala Dinas", "Submission for the head's approval")
            }
            SopStep::Approve => {
                lang.pick("Pengesahan oleh Kepala Dinas", "Approval and signature by the head of agency")
            }
            SopStep::HallOfFame => {
                lang.pick("Pencantuman nama pelapor pada Hall of Fame", "Listing on the Hall of Fame")
            }
            SopStep::Send => lang.pick(
                "Pengiriman surat dan sertifikat; laporan selesai",
                "Sending the letter and certificate; ticket closed",
            ),
        }
    }
}

/// Whether a ticket that came in through `channel` earns its reporter an appreciation certificate
/// (drafted in step 5, signed in step 7, sent in step 9) and a place in the Hall of Fame (step 8).
/// The platform's own monitoring found it: no certificate, no Hall of Fame; the letter to the
/// PSE goes as for any report.
pub fn reporter_is_credited(channel: crate::dto::tickets::Channel) -> bool {
    channel != crate::dto::tickets::Channel::Monitoring
}

/// Whether a step of the SOP is part of a ticket of `channel`: the Hall of Fame (step 8) is not
/// when no reporter is credited, so the ticket's SLA table has no row for it.
pub fn step_applies(step: crate::SopStep, channel: crate::dto::tickets::Channel) -> bool {
    step != crate::SopStep::HallOfFame || reporter_is_credited(channel)
}

/// The steps running in `state` for a ticket of `channel` (an approved monitoring ticket has
/// only sending left).
pub fn active_steps_for(state: ReportState, channel: crate::dto::tickets::Channel) -> Vec<crate::SopStep> {
    state.active_steps().iter().copied().filter(|s| step_applies(*s, channel)).collect()
}

/// Whether `action` makes sense for a ticket of `channel`: the platform's own monitoring cannot
/// answer a question (`request_info` would leave the ticket waiting for nobody).
pub fn fits_channel(action: Action, channel: crate::dto::tickets::Channel) -> bool {
    action != Action::RequestInfo || reporter_is_credited(channel)
}

/// The actions `actor` may take now on a ticket of `channel` in `state`.
pub fn allowed_actions_for(state: ReportState, actor: &Actor, channel: crate::dto::tickets::Channel) -> Vec<Action> {
    allowed_actions(state, actor).into_iter().filter(|a| fits_channel(*a, channel)).collect()
}

/// The documents steps 5-7 draft and sign for a ticket of `channel`.
pub fn documents_for(channel: crate::dto::tickets::Channel) -> &'static [crate::dto::documents::DocumentKind] {
    use crate::dto::documents::DocumentKind;
    if reporter_is_credited(channel) {
        &[DocumentKind::NotificationLetter, DocumentKind::Certificate]
    } else {
        &[DocumentKind::NotificationLetter]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyst() -> Actor {
        Actor::Staff(vec![Role::Analyst])
    }
    fn head() -> Actor {
        Actor::Staff(vec![Role::Head])
    }
    fn admin() -> Actor {
        Actor::Staff(vec![Role::Admin])
    }

    /// The table of DESIGN.md section 2, written out once more by hand: (from, action, to, who).
    const ALLOWED: &[(ReportState, Action, ReportState, ActorKind)] = {
        use Action::*;
        use ActorKind as K;
        use ReportState::*;
        &[
            (Submitted, StartVerification, InVerification, K::Analyst),
            (InVerification, RequestInfo, NeedsInfo, K::Analyst),
            (NeedsInfo, ProvideInfo, InVerification, K::Reporter),
            (Submitted, Reject, Rejected, K::Analyst),
            (InVerification, Reject, Rejected, K::Analyst),
            (NeedsInfo, Reject, Rejected, K::Analyst),
            (InVerification, Verify, Drafted, K::Analyst),
            (Drafted, SubmitForApproval, AwaitingApproval, K::Analyst),
            (AwaitingApproval, Approve, Approved, K::Head),
            (AwaitingApproval, ReturnForRevision, Drafted, K::Head),
            (Approved, Complete, Completed, K::Analyst),
            (Approved, Complete, Completed, K::System),
        ]
    };

    fn actor_of(kind: ActorKind) -> Actor {
        match kind {
            ActorKind::Reporter => Actor::Reporter,
            ActorKind::Analyst => analyst(),
            ActorKind::Head => head(),
            ActorKind::System => Actor::System,
        }
    }

    const KINDS: [ActorKind; 4] = [ActorKind::Reporter, ActorKind::Analyst, ActorKind::Head, ActorKind::System];

    #[test]
    fn every_allowed_transition_succeeds() {
        for &(from, action, to, kind) in ALLOWED {
            assert_eq!(transition(from, action, &actor_of(kind)), Ok(to), "{from:?} --{action:?}--> as {kind:?}");
        }
    }

    #[test]
    fn every_other_combination_is_refused() {
        for from in ReportState::ALL {
            for action in Action::ALL {
                for kind in KINDS {
                    let listed = ALLOWED.iter().any(|&(f, a, _, k)| f == from && a == action && k == kind);
                    let result = transition(from, action, &actor_of(kind));
                    if listed {
                        continue;
                    }
                    assert!(result.is_err(), "{from:?} --{action:?}--> as {kind:?} must be refused");
                    let source_ok = ALLOWED.iter().any(|&(f, a, _, _)| f == from && a == action);
                    match result {
                        Err(TransitionError::InvalidFromState { .. }) => assert!(!source_ok),
                        Err(TransitionError::NotPermitted { .. }) => assert!(source_ok),
                        Ok(_) => unreachable!(),
                    }
                }
            }
        }
    }

    #[test]
    fn admins_take_no_ticket_action_and_staff_with_several_roles_get_each() {
        for from in ReportState::ALL {
            assert!(allowed_actions(from, &admin()).is_empty(), "admin in {from:?}");
        }
        let both = Actor::Staff(vec![Role::Analyst, Role::Head]);
        assert_eq!(
            allowed_actions(ReportState::AwaitingApproval, &both),
            vec![Action::Approve, Action::ReturnForRevision]
        );
        assert_eq!(
            transition(ReportState::Drafted, Action::SubmitForApproval, &both),
            Ok(ReportState::AwaitingApproval)
        );
    }

    #[test]
    fn refusals_list_what_is_allowed_instead() {
        let err = transition(ReportState::Submitted, Action::Verify, &analyst());
        assert_eq!(
            err,
            Err(TransitionError::InvalidFromState {
                state: ReportState::Submitted,
                action: Action::Verify,
                allowed: vec![Action::StartVerification, Action::Reject],
            })
        );
        let err = transition(ReportState::AwaitingApproval, Action::Approve, &analyst());
        assert_eq!(
            err,
            Err(TransitionError::NotPermitted { action: Action::Approve, required: vec![ActorKind::Head] })
        );
    }

    #[test]
    fn terminal_states_have_no_way_out() {
        for state in [ReportState::Rejected, ReportState::Completed] {
            assert!(state.is_terminal());
            for kind in KINDS {
                assert!(allowed_actions(state, &actor_of(kind)).is_empty());
            }
            assert!(state.active_steps().is_empty());
        }
    }

    #[test]
    fn names_round_trip_and_match_serde() {
        for s in ReportState::ALL {
            assert_eq!(ReportState::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).ok(), Some(serde_json::Value::from(s.as_str())));
        }
        for a in Action::ALL {
            assert_eq!(serde_json::to_value(a).ok(), Some(serde_json::Value::from(a.as_str())));
        }
    }

    #[test]
    fn the_nine_steps_carry_the_sops_time_standards() {
        let numbers: Vec<u8> = SopStep::ALL.iter().map(|s| s.number()).collect();
        assert_eq!(numbers, (1..=9).collect::<Vec<u8>>());
        let reporter_minutes: u32 = SopStep::ALL
            .iter()
            .filter(|s| s.performer() == ActorKind::Reporter)
            .filter_map(|s| match s.default_time_standard() {
                Some(TimeStandard::Minutes(m)) => Some(m),
                _ => None,
            })
            .sum();
        assert_eq!(reporter_minutes, 20, "5 + 10 + 5 minutes for the reporter");
        assert_eq!(SopStep::Verify.default_time_standard(), Some(TimeStandard::WorkingDays(1)));
        assert_eq!(SopStep::Approve.default_time_standard(), Some(TimeStandard::WorkingDays(1)));
        assert_eq!(SopStep::Send.default_time_standard(), Some(TimeStandard::Minutes(10)));
        assert_eq!(SopStep::HallOfFame.default_time_standard(), None);
        assert!(ReportState::NeedsInfo.sla_paused());
        assert_eq!(ReportState::Drafted.active_steps(), &[SopStep::Draft, SopStep::Submit]);
    }

    #[test]
    fn the_platforms_own_monitoring_has_no_hall_of_fame_step() {
        use crate::dto::tickets::Channel;
        assert!(!step_applies(SopStep::HallOfFame, Channel::Monitoring));
        assert!(step_applies(SopStep::Send, Channel::Monitoring));
        assert!(SopStep::ALL.iter().all(|s| step_applies(*s, Channel::Web)));
        assert_eq!(active_steps_for(ReportState::Approved, Channel::Monitoring), vec![SopStep::Send]);
        assert_eq!(active_steps_for(ReportState::Approved, Channel::Web), vec![SopStep::HallOfFame, SopStep::Send]);
    }
}
