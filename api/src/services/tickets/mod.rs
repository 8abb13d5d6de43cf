//! The response team's work on a ticket (SOP step 4 and the moves after it): the queue, the
//! detail, the actions of the procedure, messages and notes, assignment with a disposition, and
//! evidence downloads. Every state change goes through `workflow::apply`.

mod actions;
mod analysis;
mod assignment;
mod detail;
mod files;
mod messages;
mod queue;

pub use actions::act;
pub use assignment::assign;
pub use detail::detail;
pub use files::{document_file, evidence_file};
pub use messages::{post_message, provide_info};
pub use queue::{MAX_PER_PAGE, list, paging, select};

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use ttis_shared::dto::tickets::{PseRef, UserRef};
use ttis_shared::validation::Violation;

use super::audit::Actor;
use super::auth::{AuthUser, ClientInfo};
use crate::entities::{pse, user};
use crate::error::{ApiError, FieldIssue};

fn staff_actor(user: &AuthUser, client: &ClientInfo) -> Actor {
    user.staff_actor(client)
}

fn required(field: &str) -> ApiError {
    ApiError::Validation(vec![FieldIssue { field: field.into(), violation: Violation::Required }])
}

async fn user_refs<C: ConnectionTrait>(conn: &C, ids: Vec<i64>) -> Result<HashMap<i64, UserRef>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, UserRef { id: u.id, name: u.name }))
        .collect())
}

async fn pse_refs<C: ConnectionTrait>(conn: &C, ids: Vec<i64>) -> Result<HashMap<i64, PseRef>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(pse::Entity::find()
        .filter(pse::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, PseRef { id: p.id, name: p.name }))
        .collect())
}
