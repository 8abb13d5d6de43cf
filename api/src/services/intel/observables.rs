//! A ticket's observables: what the exports may share. Verification takes them from the report's
//! affected system (its URL, and the domain or address in it); the team adds others (an
//! attacker's address, an injected link's domain, a web shell's hash) and marks each as an
//! indicator or not.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;
use ttis_shared::dto::intel::{NewObservable, Observable, ObservableKind};
use ttis_shared::validation::Violation;

use crate::entities::{observable, ticket};
use crate::error::{ApiError, FieldIssue};
use crate::services::audit::{self, Actor};
use crate::services::codes::TicketCode;
use crate::services::workflow::find_by_code;
use crate::state::AppState;

/// The most a ticket keeps: a link farm's domains fit, a dump of a whole log does not.
pub const MAX_PER_TICKET: u64 = 200;

pub fn to_dto(m: observable::Model) -> Observable {
    Observable { id: m.id, kind: m.kind, value: m.value, indicator: m.indicator, from_report: m.added_by.is_none() }
}

/// A value in its one written form (lower-case host, canonical address, lower-case hash), or
/// `None` when it is not a value of `kind`.
pub fn normalise(kind: ObservableKind, value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() || v.len() > 2048 || v.chars().any(char::is_control) {
        return None;
    }
    match kind {
        ObservableKind::Url => {
            let mut url = url::Url::parse(v).ok()?;
            if !matches!(url.scheme(), "http" | "https" | "ftp") || url.host_str().is_none() {
                return None;
            }
            // Credentials never leave, whoever typed them.
            url.set_username("").ok()?;
            url.set_password(None).ok()?;
            Some(url.to_string())
        }
        ObservableKind::Domain => {
            let host = v.trim_end_matches('.').to_lowercase();
            let ok = host.contains('.')
                && host.len() <= 253
                && host.parse::<IpAddr>().is_err()
                && host.split('.').all(|l| {
                    !l.is_empty()
                        && l.len() <= 63
                        && !l.starts_with('-')
                        && !l.ends_with('-')
                        && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                });
            ok.then_some(host)
        }
        ObservableKind::Ipv4 => v.parse::<Ipv4Addr>().ok().map(|ip| ip.to_string()),
        ObservableKind::Ipv6 => v.trim_matches(['[', ']']).parse::<Ipv6Addr>().ok().map(|ip| ip.to_string()),
        ObservableKind::Sha256 => {
            (v.len() == 64 && v.chars().all(|c| c.is_ascii_hexdigit())).then(|| v.to_ascii_lowercase())
        }
    }
}

/// What a report's affected system names: the URL as given, and its host as a domain or address.
pub fn from_asset(asset: &str) -> Vec<(ObservableKind, String)> {
    let mut found = Vec::new();
    let asset = asset.trim();
    let host = match url::Url::parse(asset) {
        Ok(mut url) if matches!(url.scheme(), "http" | "https" | "ftp") => {
            // What the reporter typed may carry their own data in the query (a reset link, an
            // email address): only the scheme, host and path are kept.
            url.set_query(None);
            url.set_fragment(None);
            if let Some(v) = normalise(ObservableKind::Url, url.as_str()) {
                found.push((ObservableKind::Url, v));
            }
            url.host_str().map(|h| h.trim_matches(['[', ']']).to_string())
        }
        _ => crate::services::hosts::host_of(asset),
    };
    if let Some(host) = host {
        for kind in [ObservableKind::Ipv4, ObservableKind::Ipv6, ObservableKind::Domain] {
            if let Some(v) = normalise(kind, &host) {
                found.push((kind, v));
                break;
            }
        }
    }
    found
}

async fn insert<C: ConnectionTrait>(
    conn: &C,
    ticket_id: i64,
    kind: ObservableKind,
    value: String,
    indicator: bool,
    added_by: Option<i64>,
    at: DateTime<Utc>,
) -> Result<observable::Model, ApiError> {
    Ok(observable::ActiveModel {
        ticket_id: Set(ticket_id),
        kind: Set(kind),
        value: Set(value),
        indicator: Set(indicator),
        added_by: Set(added_by),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

async fn find<C: ConnectionTrait>(
    conn: &C,
    ticket_id: i64,
    kind: ObservableKind,
    value: &str,
) -> Result<Option<observable::Model>, ApiError> {
    Ok(observable::Entity::find()
        .filter(observable::Column::TicketId.eq(ticket_id))
        .filter(observable::Column::Kind.eq(kind))
        .filter(observable::Column::Value.eq(value))
        .one(conn)
        .await?)
}

/// At verification: the observables of the report's affected system (none an indicator yet).
pub async fn seed<C: ConnectionTrait>(conn: &C, t: &ticket::Model, at: DateTime<Utc>) -> Result<(), ApiError> {
    for (kind, value) in from_asset(&t.affected_asset) {
        if find(conn, t.id, kind, &value).await?.is_none() {
            insert(conn, t.id, kind, value, false, None, at).await?;
        }
    }
    Ok(())
}

pub async fn list<C: ConnectionTrait>(conn: &C, ticket_id: i64) -> Result<Vec<observable::Model>, ApiError> {
    Ok(observable::Entity::find()
        .filter(observable::Column::TicketId.eq(ticket_id))
        .order_by_asc(observable::Column::Id)
        .all(conn)
        .await?)
}

/// The team adds an observable (`POST /tickets/{code}/observables`); one already listed keeps
/// its row and takes the new switch.
pub async fn add(state: &AppState, who: &Actor, code: &str, input: NewObservable) -> Result<Observable, ApiError> {
    let value = normalise(input.kind, &input.value).ok_or_else(|| {
        ApiError::Validation(vec![FieldIssue { field: "value".into(), violation: Violation::InvalidObservable }])
    })?;
    let txn = state.db.begin().await?;
    let t = find_by_code(&txn, &TicketCode::parse(code)).await?;
    if !t.state.is_verified() {
        return Err(ApiError::NotVerified);
    }
    let row = match find(&txn, t.id, input.kind, &value).await? {
        Some(existing) if existing.indicator == input.indicator => existing,
        Some(existing) => {
            let mut active: observable::ActiveModel = existing.into();
            active.indicator = Set(input.indicator);
            active.update(&txn).await?
        }
        None => {
            let count = observable::Entity::find().filter(observable::Column::TicketId.eq(t.id)).count(&txn).await?;
            if count >= MAX_PER_TICKET {
                return Err(ApiError::Validation(vec![FieldIssue {
                    field: "value".into(),
                    violation: Violation::TooManyItems { max: MAX_PER_TICKET as usize },
                }]));
            }
            insert(&txn, t.id, input.kind, value, input.indicator, who.user_id, state.clock.now()).await?
        }
    };
    audit::record(
        &txn,
        who,
        "observable.add",
        Some(format!("ticket:{}", t.code)),
        json!({"id": row.id, "kind": row.kind.as_str(), "value": row.value, "indicator": row.indicator}),
    )
    .await?;
    txn.commit().await?;
    Ok(to_dto(row))
}

/// The observable `id` of the ticket `code` (`404` for another ticket's).
async fn of_ticket<C: ConnectionTrait>(
    conn: &C,
    code: &str,
    id: i64,
) -> Result<(ticket::Model, observable::Model), ApiError> {
    let t = find_by_code(conn, &TicketCode::parse(code)).await?;
    let row = observable::Entity::find_by_id(id)
        .filter(observable::Column::TicketId.eq(t.id))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((t, row))
}

/// The "indicator yes/no" switch (`PATCH /tickets/{code}/observables/{id}`).
pub async fn set_indicator(
    state: &AppState,
    who: &Actor,
    code: &str,
    id: i64,
    indicator: bool,
) -> Result<Observable, ApiError> {
    let txn = state.db.begin().await?;
    let (t, row) = of_ticket(&txn, code, id).await?;
    let mut active: observable::ActiveModel = row.into();
    active.indicator = Set(indicator);
    let row = active.update(&txn).await?;
    audit::record(
        &txn,
        who,
        "observable.indicator",
        Some(format!("ticket:{}", t.code)),
        json!({"id": row.id, "kind": row.kind.as_str(), "value": row.value, "indicator": indicator}),
    )
    .await?;
    txn.commit().await?;
    Ok(to_dto(row))
}

/// Removes an observable (`DELETE /tickets/{code}/observables/{id}`), the report's own too: what
/// should not be shared is taken out of the exports.
pub async fn remove(state: &AppState, who: &Actor, code: &str, id: i64) -> Result<(), ApiError> {
    let txn = state.db.begin().await?;
    let (t, row) = of_ticket(&txn, code, id).await?;
    observable::Entity::delete_by_id(row.id).exec(&txn).await?;
    audit::record(
        &txn,
        who,
        "observable.delete",
        Some(format!("ticket:{}", t.code)),
        json!({"id": row.id, "kind": row.kind.as_str(), "value": row.value}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_and_written_one_way() {
        use ObservableKind::*;
        assert_eq!(normalise(Domain, "Slot-Gacor.Example.").as_deref(), Some("slot-gacor.example"));
        assert_eq!(normalise(Domain, "10.0.0.1"), None);
        assert_eq!(normalise(Domain, "-bad.example"), None);
        assert_eq!(normalise(Ipv4, " 103.10.20.30 ").as_deref(), Some("103.10.20.30"));
        assert_eq!(normalise(Ipv4, "103.10.20"), None);
        assert_eq!(normalise(Ipv6, "[2001:DB8::1]").as_deref(), Some("2001:db8::1"));
        assert_eq!(
            normalise(Url, "https://Disdik.kukarkab.go.id/x?y=1").as_deref(),
            Some("https://disdik.kukarkab.go.id/x?y=1")
        );
        assert_eq!(normalise(Url, "javascript:alert(1)"), None);
        assert_eq!(normalise(Sha256, &"AB".repeat(32)).as_deref(), Some("ab".repeat(32).as_str()));
        assert_eq!(normalise(Sha256, "abc"), None);
    }

    #[test]
    fn the_affected_system_gives_its_url_and_host() {
        use ObservableKind::*;
        assert_eq!(
            from_asset("https://disdik.kukarkab.go.id/berita"),
            vec![
                (Url, "https://disdik.kukarkab.go.id/berita".to_string()),
                (Domain, "disdik.kukarkab.go.id".to_string())
            ]
        );
        assert_eq!(
            from_asset("http://103.10.20.30:8080/"),
            vec![(Url, "http://103.10.20.30:8080/".to_string()), (Ipv4, "103.10.20.30".to_string())]
        );
        assert_eq!(from_asset("portal.kukarkab.go.id"), vec![(Domain, "portal.kukarkab.go.id".to_string())]);
        assert_eq!(from_asset("Aplikasi SIMPEG"), vec![]);
    }
}
