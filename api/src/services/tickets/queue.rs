//! The staff queue: filters, paging, the per-state tab counts and the SLA clocks of each row.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use ttis_shared::ReportState;
use ttis_shared::dto::tickets::{StateCount, TicketList, TicketQuery, TicketSummary};

use super::*;
use crate::entities::ticket;
use crate::error::ApiError;
use crate::services::workflow::{clock_of, label, state_of};

pub const MAX_PER_PAGE: u64 = 100;

#[derive(FromQueryResult)]
struct StateCountRow {
    state: String,
    n: i64,
}

/// The queue (`GET /tickets`).
/// The queue's filter and order, shared by the list and its CSV export.
pub fn select(q: &TicketQuery, at: DateTime<Utc>) -> Result<sea_orm::Select<ticket::Entity>, ApiError> {
    let mut cond = Condition::all();
    if let Some(states) = &q.state {
        let wanted: Vec<&str> = states.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        if wanted.iter().any(|s| ReportState::parse(s).is_none()) {
            return Err(ApiError::InvalidParameter(format!(
                "state: one or more of {}",
                ReportState::ALL.map(|s| s.as_str()).join(", ")
            )));
        }
        cond = cond.add(ticket::Column::State.is_in(wanted));
    }
    if let Some(c) = &q.category {
        cond = cond.add(ticket::Column::CategoryCode.eq(c.clone()));
    }
    if let Some(s) = q.severity {
        cond = cond.add(ticket::Column::Severity.eq(s.as_str()));
    }
    match q.assignee.as_deref() {
        None => {}
        Some("none") => cond = cond.add(ticket::Column::AssigneeId.is_null()),
        Some(id) => {
            let id: i64 =
                id.parse().map_err(|_| ApiError::InvalidParameter("assignee: an account id or `none`".into()))?;
            cond = cond.add(ticket::Column::AssigneeId.eq(id));
        }
    }
    if let Some(p) = q.pse {
        cond = cond.add(ticket::Column::PseId.eq(p));
    }
    if let Some(from) = q.from {
        cond = cond.add(ticket::Column::SubmittedAt.gte(from));
    }
    if let Some(to) = q.to {
        cond = cond.add(ticket::Column::SubmittedAt.lt(to));
    }
    if let Some(true) = q.overdue {
        cond = cond
            .add(ticket::Column::DueAt.lt(at))
            .add(ticket::Column::State.ne(ReportState::NeedsInfo))
            .add(ticket::Column::State.is_not_in([ReportState::Rejected, ReportState::Completed]));
    }
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let escaped = text.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let pattern = format!("%{escaped}%");
        cond = cond.add(ticket::Column::SearchText.like(sea_orm::sea_query::LikeExpr::new(pattern).escape('\\')));
    }
    let sort = q.sort.as_deref().unwrap_or("-submitted_at");
    let (desc, key) = match sort.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, sort),
    };
    let column = match key {
        "submitted_at" => ticket::Column::SubmittedAt,
        "due_at" => ticket::Column::DueAt,
        "code" => ticket::Column::Code,
        "title" => ticket::Column::Title,
        "state" => ticket::Column::State,
        other => return Err(ApiError::InvalidParameter(format!("sort: unknown key `{other}`"))),
    };
    let select = ticket::Entity::find().filter(cond);
    // The tie-breaker runs the same way, so one index (`state, due_at, id`) serves both directions.
    Ok(if desc {
        select.order_by_desc(column).order_by_desc(ticket::Column::Id)
    } else {
        select.order_by_asc(column).order_by_asc(ticket::Column::Id)
    })
}

/// The page and page size asked for: `page` from 1, `per_page` 1-100 (25 by default).
pub fn paging(q: &TicketQuery) -> Result<(u64, u64), ApiError> {
    let per_page = q.per_page.unwrap_or(25);
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(ApiError::InvalidParameter(format!("per_page: 1 to {MAX_PER_PAGE}")));
    }
    let page = q.page.unwrap_or(1);
    if !(1..=1_000_000).contains(&page) {
        return Err(ApiError::InvalidParameter("page: 1 to 1000000".into()));
    }
    Ok((page, per_page))
}

pub async fn list(db: &DatabaseConnection, q: &TicketQuery, at: DateTime<Utc>) -> Result<TicketList, ApiError> {
    let (page, per_page) = paging(q)?;
    let paginator = select(q, at)?.paginate(db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;

    let users = user_refs(db, rows.iter().filter_map(|t| t.assignee_id).collect()).await?;
    let pses = pse_refs(db, rows.iter().filter_map(|t| t.pse_id).collect()).await?;
    let counts = ticket::Entity::find()
        .select_only()
        .column(ticket::Column::State)
        .column_as(ticket::Column::Id.count(), "n")
        .group_by(ticket::Column::State)
        .into_model::<StateCountRow>()
        .all(db)
        .await?;
    let counts = ReportState::ALL
        .iter()
        .map(|s| StateCount {
            state: *s,
            count: counts.iter().find(|c| c.state == s.as_str()).map(|c| c.n.max(0) as u64).unwrap_or(0),
        })
        .collect();
    let policy = crate::services::sla::current(db).await?;
    let items = rows
        .into_iter()
        .map(|t| TicketSummary {
            clock: clock_of(&t, at, &policy),
            state: state_of(&t),
            state_label: label(state_of(&t)),
            severity: t.severity,
            pse: t.pse_id.and_then(|id| pses.get(&id).cloned()),
            assignee: t.assignee_id.and_then(|id| users.get(&id).cloned()),
            code: t.code,
            title: t.title,
            category: t.category_code,
            affected_asset: t.affected_asset,
            reporter_name: t.reporter_name,
            submitted_at: t.submitted_at,
            pse_acknowledged_at: t.pse_acknowledged_at,
        })
        .collect();
    Ok(TicketList { items, total, page, per_page, counts })
}
