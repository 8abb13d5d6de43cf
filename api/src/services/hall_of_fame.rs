//! The public Hall of Fame (SOP step 8): the reporters of completed tickets who chose to be listed,
//! and the reporter's own choice of how they are shown.

use std::collections::BTreeMap;

use chrono::Datelike;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use ttis_shared::ReportState;
use ttis_shared::dto::delivery::{CertificateRef, HallOfFame, HallOfFameDisplay, HallOfFameEntry};
use ttis_shared::dto::documents::DocumentKind;
use ttis_shared::dto::documents::DocumentStatus;
use ttis_shared::dto::reports::Label;

use super::clock::Clock;
use crate::entities::{category, document, ticket};
use crate::error::ApiError;

/// The public Hall of Fame: reporters of approved reports as they chose to be shown, grouped so
/// that an alias is never tied to a real name (one entry per reporter and display).
pub async fn hall_of_fame(db: &DatabaseConnection, clock: &Clock, year: Option<i32>) -> Result<HallOfFame, ApiError> {
    let tickets = ticket::Entity::find()
        .filter(ticket::Column::State.is_in([ReportState::Approved, ReportState::Completed]))
        .filter(ticket::Column::HallOfFame.ne(HallOfFameDisplay::Hidden))
        .filter(ticket::Column::Channel.ne(ttis_shared::dto::tickets::Channel::Monitoring))
        .all(db)
        .await?;
    let ids: Vec<i64> = tickets.iter().map(|t| t.id).collect();
    let certificates = if ids.is_empty() {
        Vec::new()
    } else {
        document::Entity::find()
            .filter(document::Column::TicketId.is_in(ids))
            .filter(document::Column::Kind.eq(DocumentKind::Certificate.as_str()))
            .filter(document::Column::Status.eq(DocumentStatus::Final))
            .filter(document::Column::RevokedAt.is_null())
            .all(db)
            .await?
    };
    let labels: BTreeMap<String, String> =
        category::Entity::find().all(db).await?.into_iter().map(|c| (c.code, c.label_id)).collect();
    let labels_en: BTreeMap<String, String> =
        category::Entity::find().all(db).await?.into_iter().map(|c| (c.code, c.label_en)).collect();
    let mut years = std::collections::BTreeSet::new();
    // (email, display) -> entry
    let mut groups: BTreeMap<(String, String), HallOfFameEntry> = BTreeMap::new();
    for t in &tickets {
        let Some(cert) = certificates.iter().find(|c| c.ticket_id == t.id) else { continue };
        let approved = clock.local(cert.signed_at.unwrap_or(cert.created_at)).date_naive();
        years.insert(approved.year());
        if year.is_some_and(|y| y != approved.year()) {
            continue;
        }
        let (display_name, anonymous) = match (t.hall_of_fame, &t.hall_of_fame_alias) {
            (HallOfFameDisplay::RealName, _) => (t.reporter_name.clone(), false),
            (HallOfFameDisplay::Alias, Some(a)) if !a.trim().is_empty() => (a.trim().to_string(), false),
            _ => ("Anonim".to_string(), true),
        };
        let entry = groups.entry((t.reporter_email.clone(), display_name.clone())).or_insert_with(|| HallOfFameEntry {
            display_name,
            anonymous,
            reports: 0,
            categories: Vec::new(),
            latest: approved,
            certificates: Vec::new(),
        });
        entry.reports += 1;
        entry.latest = entry.latest.max(approved);
        let label = Label {
            id: labels.get(&t.category_code).cloned().unwrap_or_else(|| t.category_code.clone()),
            en: labels_en.get(&t.category_code).cloned().unwrap_or_else(|| t.category_code.clone()),
        };
        if !entry.categories.contains(&label) {
            entry.categories.push(label);
        }
        if let Some(number) = &cert.number {
            entry.certificates.push(CertificateRef { number: number.clone(), document_id: cert.id.clone() });
        }
    }
    let mut entries: Vec<HallOfFameEntry> = groups.into_values().collect();
    entries.sort_by(|a, b| {
        b.reports.cmp(&a.reports).then(b.latest.cmp(&a.latest)).then(a.display_name.cmp(&b.display_name))
    });
    Ok(HallOfFame { year, years: years.into_iter().rev().collect(), entries })
}
