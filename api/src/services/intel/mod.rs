//! Threat intelligence for other CSIRTs: a verified ticket as a STIX 2.1 bundle (`stix.rs`) or
//! a MISP event (`misp.rs`), and a period's tickets as one bundle for the national CSIRT.
//!
//! The rules of sharing live here:
//! - only verified tickets (`409 not_verified`);
//! - TLP:RED leaves only when a head asks for it explicitly (`include_red`; `409 tlp_red`
//!   otherwise, `403` for anyone else), and every object carries the ticket's TLP 2.0 marking;
//! - the reporter's personal data never leaves: what is exported is the team's own words (the
//!   analysis findings), the category, severity, dates and the observables; never the reporter's
//!   name, contacts or their description;
//! - every export is audited.

mod misp;
pub mod observables;
mod stix;
pub mod taxonomy;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use serde_json::{Value, json};
use ttis_shared::ReportState;
use ttis_shared::dto::reports::Tlp;
use ttis_shared::dto::tickets::Severity;

use crate::entities::{analysis, category, observable, ticket};
use crate::error::ApiError;
use crate::services::audit::{self, Actor};
use crate::services::auth::AuthUser;
use crate::services::codes::TicketCode;
use crate::services::policy::Permission;
use crate::services::workflow::find_by_code;
use crate::state::AppState;

/// The media type of a STIX 2.1 bundle.
pub const STIX_MEDIA_TYPE: &str = "application/stix+json;version=2.1";

/// The longest period of one bulk export.
pub const MAX_BULK_DAYS: i64 = 366;

/// Who shares: the CSIRT, as STIX `identity` and MISP `Orgc`.
struct Source {
    name: String,
    contact: String,
    /// Seeds the deterministic ids: the same deployment names the same objects the same way.
    namespace: uuid::Uuid,
    /// The organisation profile's last change: a new name is a new version of the identity.
    modified_at: DateTime<Utc>,
}

/// What of a ticket may be shared.
struct Subject {
    code: String,
    /// `Web Defacement (Deface) pada disdik.kukarkab.go.id`: the category and the system.
    name: String,
    /// The team's findings from the analysis.
    description: String,
    /// The category as an RSIT machine tag.
    category_tag: String,
    severity: Option<Severity>,
    tlp: Tlp,
    verified_at: DateTime<Utc>,
    modified_at: DateTime<Utc>,
    discovered_at: DateTime<Utc>,
    /// The verification day in the deployment's time zone.
    verified_on: NaiveDate,
    completed: bool,
    observables: Vec<observable::Model>,
    cves: Vec<String>,
}

/// Every `CVE-YYYY-NNNN…` named in the texts, upper-case, once each, in order.
fn cves(texts: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for text in texts {
        let upper = text.to_ascii_uppercase();
        let bytes = upper.as_bytes();
        let mut from = 0;
        while let Some(pos) = upper[from..].find("CVE-") {
            let start = from + pos;
            let mut i = start + 4;
            let year_end = i + 4;
            let year_ok = year_end <= bytes.len() && bytes[i..year_end].iter().all(u8::is_ascii_digit);
            i = year_end;
            if year_ok && bytes.get(i) == Some(&b'-') {
                let digits = bytes[i + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
                if (4..=7).contains(&digits) {
                    let id = upper[start..i + 1 + digits].to_string();
                    if !found.contains(&id) {
                        found.push(id);
                    }
                }
            }
            from = start + 4;
        }
    }
    found
}

/// The TLP rule: RED leaves only by a head's explicit choice.
fn release(user: &AuthUser, tlp: Tlp, include_red: bool) -> Result<(), ApiError> {
    if tlp != Tlp::Red {
        return Ok(());
    }
    if !include_red {
        return Err(ApiError::TlpRed);
    }
    user.require(Permission::ExportRed)
}

async fn source<C: ConnectionTrait>(conn: &C, state: &AppState) -> Result<Source, ApiError> {
    let org = crate::services::organization::current(conn).await?;
    let namespace = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, state.settings.public_url.as_bytes());
    Ok(Source {
        name: format!("Tim Tanggap Insiden Siber (TTIS) {}", org.agency_name),
        contact: state.settings.site.security_contact.clone(),
        namespace,
        modified_at: org.updated_at,
    })
}

/// What the exports say of one ticket, from its row, its analysis, its category and its
/// observables.
fn subject(
    state: &AppState,
    t: ticket::Model,
    a: &analysis::Model,
    cat: Option<&category::Model>,
    observables: Vec<observable::Model>,
) -> Subject {
    let label = cat.map(|c| c.label_id.clone()).unwrap_or_else(|| t.category_code.clone());
    // The host only: what the reporter typed beside it (a path, a query) is theirs.
    let system = t.affected_host.clone().unwrap_or_else(|| "sistem elektronik".into());
    Subject {
        name: format!("{label} pada {system}"),
        description: a.findings.clone(),
        category_tag: taxonomy::rsit_tag(&t.category_code, cat.and_then(|c| c.parent_code.as_deref())),
        severity: t.severity.or(Some(a.severity)),
        tlp: t.tlp,
        verified_at: a.recorded_at,
        modified_at: t.updated_at.max(a.recorded_at),
        discovered_at: t.discovered_at,
        verified_on: state.clock.local(a.recorded_at).date_naive(),
        completed: t.state == ReportState::Completed,
        cves: cves(&[&t.title, &t.description, &a.findings, &a.recommendations]),
        observables,
        code: t.code,
    }
}

/// The subjects of `tickets`, read in a few queries whatever their number (analyses and
/// observables by batches of ticket ids, the categories once).
async fn subjects<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    tickets: Vec<ticket::Model>,
) -> Result<Vec<Subject>, ApiError> {
    const BATCH: usize = 500;
    let ids: Vec<i64> = tickets.iter().map(|t| t.id).collect();
    let mut analyses: HashMap<i64, analysis::Model> = HashMap::new();
    let mut found: HashMap<i64, Vec<observable::Model>> = HashMap::new();
    for chunk in ids.chunks(BATCH) {
        for a in analysis::Entity::find().filter(analysis::Column::TicketId.is_in(chunk.to_vec())).all(conn).await? {
            analyses.insert(a.ticket_id, a);
        }
        let rows = observable::Entity::find()
            .filter(observable::Column::TicketId.is_in(chunk.to_vec()))
            .order_by_asc(observable::Column::Id)
            .all(conn)
            .await?;
        for o in rows {
            found.entry(o.ticket_id).or_default().push(o);
        }
    }
    let categories: HashMap<String, category::Model> =
        category::Entity::find().all(conn).await?.into_iter().map(|c| (c.code.clone(), c)).collect();
    tickets
        .into_iter()
        .map(|t| {
            let a = analyses.get(&t.id).ok_or(ApiError::NotVerified)?;
            let observables = found.remove(&t.id).unwrap_or_default();
            let cat = categories.get(&t.category_code);
            Ok(subject(state, t, a, cat, observables))
        })
        .collect()
}

/// The ticket to export, checked against the rules.
async fn shareable(state: &AppState, user: &AuthUser, code: &str, include_red: bool) -> Result<Subject, ApiError> {
    let t = find_by_code(&state.db, &TicketCode::parse(code)).await?;
    if !t.state.is_verified() {
        return Err(ApiError::NotVerified);
    }
    release(user, t.tlp, include_red)?;
    subjects(&state.db, state, vec![t]).await?.pop().ok_or(ApiError::NotVerified)
}

async fn audited(
    state: &AppState,
    who: &Actor,
    action: &str,
    target: Option<String>,
    detail: Value,
) -> Result<(), ApiError> {
    let txn = state.db.begin().await?;
    audit::record(&txn, who, action, target, detail).await?;
    txn.commit().await?;
    Ok(())
}

/// `GET /tickets/{code}/stix`: the ticket as a STIX 2.1 bundle.
pub async fn ticket_stix(
    state: &AppState,
    user: &AuthUser,
    who: &Actor,
    code: &str,
    include_red: bool,
) -> Result<Value, ApiError> {
    let s = shareable(state, user, code, include_red).await?;
    let src = source(&state.db, state).await?;
    let bundle = stix::bundle(&src, std::slice::from_ref(&s));
    let detail = json!({"format": "stix-2.1", "tlp": s.tlp.as_str(), "objects": bundle["objects"].as_array().map_or(0, Vec::len)});
    audited(state, who, "ticket.export_stix", Some(format!("ticket:{}", s.code)), detail).await?;
    Ok(bundle)
}

/// `GET /tickets/{code}/misp`: the ticket as a MISP event (core format).
pub async fn ticket_misp(
    state: &AppState,
    user: &AuthUser,
    who: &Actor,
    code: &str,
    include_red: bool,
) -> Result<Value, ApiError> {
    let s = shareable(state, user, code, include_red).await?;
    let src = source(&state.db, state).await?;
    let event = misp::event(&src, &s);
    let detail = json!({"format": "misp", "tlp": s.tlp.as_str(), "attributes": event["Event"]["Attribute"].as_array().map_or(0, Vec::len)});
    audited(state, who, "ticket.export_misp", Some(format!("ticket:{}", s.code)), detail).await?;
    Ok(event)
}

/// `GET /exports/stix`: every verified ticket submitted between `from` and `to` (local dates,
/// inclusive) as one bundle, and how many TLP:RED tickets were left out.
pub async fn bulk_stix(
    state: &AppState,
    user: &AuthUser,
    who: &Actor,
    from: NaiveDate,
    to: NaiveDate,
    include_red: bool,
) -> Result<(Value, u64), ApiError> {
    let plausible = |d: NaiveDate| (2000..=9999).contains(&chrono::Datelike::year(&d));
    if !plausible(from) || !plausible(to) || to < from || (to - from).num_days() >= MAX_BULK_DAYS {
        return Err(ApiError::InvalidParameter(format!(
            "from, to: a period of 1 to {MAX_BULK_DAYS} days between the years 2000 and 9999"
        )));
    }
    if include_red {
        user.require(Permission::ExportRed)?;
    }
    let start = state.clock.start_of_day(from);
    let end = state.clock.start_of_day(to + chrono::Duration::days(1));
    let rows = ticket::Entity::find()
        .filter(ticket::Column::SubmittedAt.gte(start))
        .filter(ticket::Column::SubmittedAt.lt(end))
        .filter(ticket::Column::State.is_in(ReportState::VERIFIED))
        .order_by_asc(ticket::Column::Id)
        .all(&state.db)
        .await?;
    let (shared, red): (Vec<ticket::Model>, Vec<ticket::Model>) =
        rows.into_iter().partition(|t| t.tlp != Tlp::Red || include_red);
    let left_out = red.len() as u64;
    let subjects = subjects(&state.db, state, shared).await?;
    let src = source(&state.db, state).await?;
    let bundle = stix::bundle(&src, &subjects);
    let detail = json!({
        "format": "stix-2.1", "from": from, "to": to, "include_red": include_red,
        "tickets": subjects.iter().map(|s| s.code.as_str()).collect::<Vec<_>>(), "left_out_red": left_out,
    });
    audited(state, who, "tickets.export_stix", None, detail).await?;
    Ok((bundle, left_out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cves_are_found_once_each_and_in_upper_case() {
        let found = cves(&["Plugin rentan cve-2024-12345 dan CVE-2023-4567.", "Lihat CVE-2024-12345; CVE-99-1 bukan"]);
        assert_eq!(found, vec!["CVE-2024-12345".to_string(), "CVE-2023-4567".to_string()]);
        assert!(cves(&["tidak ada", "CVE-2024-", "CVE-"]).is_empty());
    }
}
