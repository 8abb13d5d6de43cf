//! Downloads of a ticket's evidence and documents for staff.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde_json::json;

use super::*;
use crate::entities::evidence;
use crate::error::ApiError;
use crate::services::audit::{self};
use crate::services::auth::{AuthUser, ClientInfo};
use crate::services::codes::TicketCode;
use crate::services::storage::StoredObject;
use crate::services::workflow::find_by_code;
use crate::state::AppState;

/// An evidence file of a ticket, for download by staff (audited).
pub async fn evidence_file(
    state: &AppState,
    user: &AuthUser,
    client: &ClientInfo,
    code: &str,
    id: i64,
) -> Result<(evidence::Model, StoredObject), ApiError> {
    let t = find_by_code(&state.db, &TicketCode::parse(code)).await?;
    let file = evidence::Entity::find_by_id(id)
        .filter(evidence::Column::TicketId.eq(t.id))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let object = state.evidence.open(&file.storage_key).await?;
    let txn = state.db.begin().await?;
    audit::record(
        &txn,
        &staff_actor(user, client),
        "evidence.download",
        Some(format!("ticket:{code}")),
        json!({"evidence": id, "sha256": file.sha256}),
    )
    .await?;
    txn.commit().await?;
    Ok((file, object))
}

/// A document of a ticket, for download by staff (audited).
pub async fn document_file(
    state: &AppState,
    user: &AuthUser,
    client: &ClientInfo,
    code: &str,
    id: &str,
) -> Result<(crate::entities::document::Model, StoredObject), ApiError> {
    use crate::entities::document;
    let t = find_by_code(&state.db, &TicketCode::parse(code)).await?;
    let doc = document::Entity::find_by_id(id.to_string())
        .filter(document::Column::TicketId.eq(t.id))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let object = state.evidence.open(&doc.storage_key).await?;
    let txn = state.db.begin().await?;
    audit::record(
        &txn,
        &staff_actor(user, client),
        "document.download",
        Some(format!("ticket:{code}")),
        json!({"document": id, "kind": doc.kind}),
    )
    .await?;
    txn.commit().await?;
    Ok((doc, object))
}
