//! The verification's analysis (SOP step 4): the team meeting's record and the analysis report PDF.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, Set};
use ttis_shared::dto::documents::{DocumentKind, DocumentStatus};
use ttis_shared::dto::reports::ReportKind;
use ttis_shared::validation::Violation;

use super::*;
use crate::entities::{analysis, pse, ticket, user};
use crate::error::{ApiError, FieldIssue};
use crate::services::auth::AuthUser;
use crate::services::documents;
use crate::services::storage::StagedFiles;
use crate::services::{categories, letters};
use crate::state::AppState;

/// Renders the analysis report (*Laporan Hasil Analisis*) of a verified ticket and attaches it as
/// a new version, its file staged in `staged`.
pub(super) async fn attach_analysis_report(
    txn: &DatabaseTransaction,
    state: &AppState,
    staged: &mut StagedFiles,
    t: &ticket::Model,
    user: &AuthUser,
) -> Result<(), ApiError> {
    use crate::documents::dates;
    let a = analysis::Entity::find_by_id(t.id).one(txn).await?.ok_or(ApiError::NotFound)?;
    let category = letters::category_label(txn, &a.category).await?;
    let pse_name = match a.pse_id {
        Some(id) => pse::Entity::find_by_id(id).one(txn).await?.map(|p| p.name),
        None => None,
    };
    let attendee_ids: Vec<i64> = serde_json::from_str(&a.attendees).unwrap_or_default();
    let names = user_refs(txn, attendee_ids.clone()).await?;
    let attendees: Vec<String> = attendee_ids.iter().filter_map(|id| names.get(id).map(|u| u.name.clone())).collect();
    let org = crate::services::organization::current(txn).await?;
    let inputs = crate::services::organization::letterhead(&org)
        .text("code", t.code.clone())
        .text("title", t.title.clone())
        .text("kind", if t.kind == ReportKind::Vulnerability { "Kerentanan" } else { "Insiden" })
        .text("category", category)
        .text("severity", letters::severity_label(a.severity))
        .text(
            "cvss",
            match (&a.cvss_vector, a.cvss_score) {
                (Some(v), Some(s)) => format!("{s:.1} ({v})"),
                _ => "-".into(),
            },
        )
        .text("asset", t.affected_asset.clone())
        .text("pse", pse_name.unwrap_or_else(|| "-".into()))
        .text("submitted", dates::indonesian_time(state.clock.local(t.submitted_at), state.clock.zone().label))
        .text("tlp", t.tlp.as_str())
        .text("meeting_date", dates::indonesian(a.meeting_date))
        .list("attendees", attendees)
        .text("decision", a.decision.clone())
        .text("minutes", a.minutes.clone())
        .text("findings", a.findings.clone())
        .text("recommendations", a.recommendations.clone())
        .text("analyst", user.name.clone())
        .text("date", dates::indonesian(state.clock.local_now().date_naive()));
    let kind = DocumentKind::AnalysisReport;
    let pdf = documents::render(state, kind, inputs).await?;
    let version = documents::next_version(txn, t.id, kind).await?;
    let key = staged.put_bytes(&pdf).await?;
    documents::new_document(
        t,
        state.clock.now(),
        kind,
        version,
        DocumentStatus::Final,
        key.clone(),
        &pdf,
        Some(user.id),
    )
    .insert(txn)
    .await?;
    Ok(())
}

pub(super) async fn record_analysis(
    txn: &DatabaseTransaction,
    at: DateTime<Utc>,
    user: &AuthUser,
    t: ticket::Model,
    a: &ttis_shared::dto::tickets::AnalysisInput,
) -> Result<(), ApiError> {
    let mut issues = Vec::new();
    if categories::find_active(txn, &a.category).await?.is_none() {
        issues.push(FieldIssue { field: "analysis.category".into(), violation: Violation::NotAnOption });
    }
    let pse_id = a.pse_id.or(t.pse_id);
    if let Some(id) = a.pse_id
        && pse::Entity::find_by_id(id).one(txn).await?.is_none()
    {
        issues.push(FieldIssue { field: "analysis.pse_id".into(), violation: Violation::NotAnOption });
    }
    let staff = user::Entity::find().filter(user::Column::Id.is_in(a.meeting.attendees.clone())).count(txn).await?;
    if staff != a.meeting.attendees.len() as u64 {
        issues.push(FieldIssue { field: "analysis.meeting.attendees".into(), violation: Violation::NotAnOption });
    }
    if !issues.is_empty() {
        return Err(ApiError::Validation(issues));
    }
    let cvss_vector = a.cvss_vector.as_ref().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let cvss_score = cvss_vector.as_deref().and_then(|v| ttis_shared::cvss::parse(v).ok()).map(|s| s.base_score);
    analysis::Entity::delete_by_id(t.id).exec(txn).await?;
    analysis::ActiveModel {
        ticket_id: Set(t.id),
        category: Set(a.category.clone()),
        severity: Set(a.severity),
        cvss_vector: Set(cvss_vector.clone()),
        cvss_score: Set(cvss_score),
        pse_id: Set(pse_id),
        meeting_date: Set(a.meeting.date),
        attendees: Set(serde_json::to_string(&a.meeting.attendees).unwrap_or_else(|_| "[]".into())),
        decision: Set(a.meeting.decision.trim().into()),
        minutes: Set(a.meeting.minutes.trim().into()),
        findings: Set(a.findings.trim().into()),
        recommendations: Set(a.recommendations.trim().into()),
        analyst_id: Set(user.id),
        recorded_at: Set(at),
    }
    .insert(txn)
    .await?;
    let mut active: ticket::ActiveModel = t.into();
    active.category_code = Set(a.category.clone());
    active.severity = Set(Some(a.severity));
    active.cvss_vector = Set(cvss_vector);
    active.cvss_score = Set(cvss_score);
    active.pse_id = Set(pse_id);
    active.update(txn).await?;
    Ok(())
}
