//! The staff queue: filters, paging, the per-state tab counts and the SLA clocks of each row.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use ttis_shared::ReportState;
use ttis_shared::dto::tickets::{StateCount, TicketList, TicketQuery, TicketSummary};
use ttis_shared::pdp::PdpFilter;

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
    match q.pdp {
        None => {}
        Some(PdpFilter::Any) => cond = cond.add(ticket::Column::PdpIncident.eq(true)),
        // The 72 hours of UU PDP passed without the PSE's confirmation (open or closed).
        Some(PdpFilter::Overdue) => {
            cond = cond
                .add(ticket::Column::PdpIncident.eq(true))
                .add(ticket::Column::PdpConfirmedAt.is_null())
                .add(ticket::Column::PdpDueAt.lt(at))
        }
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
        "pdp_due_at" => ticket::Column::PdpDueAt,
        "code" => ticket::Column::Code,
        "title" => ticket::Column::Title,
        "state" => ticket::Column::State,
        other => return Err(ApiError::InvalidParameter(format!("sort: unknown key `{other}`"))),
    };
    let select = ticket::Entity::find().filter(cond);
    // Tickets without a UU PDP deadline come last on both databases (SQLite puts NULL first).
    if key == "pdp_due_at" {
        let order = if desc { sea_orm::Order::Desc } else { sea_orm::Order::Asc };
        return Ok(select
            .order_by_with_nulls(column, order.clone(), sea_orm::sea_query::NullOrdering::Last)
            .order_by(ticket::Column::Id, order));
    }
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

/// The name of the counts' row that carries the SLA policy's stamp (not a state).
const STAMP_ROW: &str = "*sla_stamp";

/// A ticket of the page with the number of all matches.
struct PagedRow {
    ticket: ticket::Model,
    total_rows: i64,
}

impl FromQueryResult for PagedRow {
    fn from_query_result(res: &sea_orm::QueryResult, pre: &str) -> Result<Self, sea_orm::DbErr> {
        Ok(PagedRow {
            ticket: ticket::Model::from_query_result(res, pre)?,
            total_rows: res.try_get(pre, "total_rows")?,
        })
    }
}

pub async fn list(db: &DatabaseConnection, q: &TicketQuery, at: DateTime<Utc>) -> Result<TicketList, ApiError> {
    let (page, per_page) = paging(q)?;
    // The page and the number of matches in one statement: the number as a scalar subquery (an
    // index-only count), so that the page's own scan stops at its last row (`COUNT(*) OVER ()`
    // read every match in full). Only a page past the end, which has no row to carry the
    // number, asks for it separately.
    let filtered = select(q, at)?;
    let mut matches = sea_orm::QueryTrait::into_query(filtered.clone());
    matches.clear_order_by().clear_selects().expr(sea_orm::sea_query::Expr::cust("COUNT(*)"));
    let paged: Vec<PagedRow> = filtered
        .clone()
        .column_as(
            sea_orm::sea_query::SimpleExpr::SubQuery(None, Box::new(matches.into_sub_query_statement())),
            "total_rows",
        )
        .limit(per_page)
        .offset((page - 1) * per_page)
        .into_model::<PagedRow>()
        .all(db)
        .await?;
    let total = match paged.first() {
        Some(row) => u64::try_from(row.total_rows).unwrap_or(0),
        None => filtered.count(db).await?,
    };
    let rows: Vec<ticket::Model> = paged.into_iter().map(|r| r.ticket).collect();

    let users = user_refs(db, rows.iter().filter_map(|t| t.assignee_id).collect()).await?;
    let pses = pse_refs(db, rows.iter().filter_map(|t| t.pse_id).collect()).await?;
    // The tabs' counts, and the SLA policy's stamp in the same statement (a row of its own).
    let counts = StateCountRow::find_by_statement(sea_orm::Statement::from_string(
        db.get_database_backend(),
        format!(
            "SELECT state, COUNT(*) AS n FROM tickets GROUP BY state \
             UNION ALL SELECT '{STAMP_ROW}' AS state, stamp AS n FROM ({}) AS sla",
            crate::services::sla::STAMP_SQL
        ),
    ))
    .all(db)
    .await?;
    let stamp = counts.iter().find(|c| c.state == STAMP_ROW).map(|c| c.n);
    let counts = ReportState::ALL
        .iter()
        .map(|s| StateCount {
            state: *s,
            count: counts.iter().find(|c| c.state == s.as_str()).map(|c| c.n.max(0) as u64).unwrap_or(0),
        })
        .collect();
    let policy = crate::services::sla::current_at(db, stamp).await?;
    let items = rows
        .into_iter()
        .map(|t| TicketSummary {
            clock: clock_of(&t, at, &policy),
            pdp: t.pdp_status(at),
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
