//! Evidence files on a ticket: one way to attach an upload, for the report and for the reporter's
//! later answers alike.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, Set};

use super::storage::StagedFiles;
use crate::entities::evidence;
use crate::error::ApiError;
use crate::uploads::Upload;

/// Moves an accepted upload into the store (staged: removed again unless the transaction
/// commits) and writes its row in `txn`.
pub async fn attach(
    txn: &DatabaseTransaction,
    staged: &mut StagedFiles,
    ticket_id: i64,
    upload: &Upload,
    uploaded_by: &str,
    at: DateTime<Utc>,
) -> Result<evidence::Model, ApiError> {
    let key = staged.put_file(&upload.temp_path).await?;
    Ok(evidence::ActiveModel {
        ticket_id: Set(ticket_id),
        storage_key: Set(key),
        file_name: Set(upload.file_name.clone()),
        content_type: Set(upload.content_type.into()),
        size: Set(i64::try_from(upload.size).unwrap_or(i64::MAX)),
        sha256: Set(upload.sha256.clone()),
        metadata_stripped: Set(upload.metadata_stripped),
        external_links: Set(
            (!upload.external_links.is_empty()).then(|| serde_json::json!(upload.external_links).to_string())
        ),
        uploaded_by: Set(uploaded_by.into()),
        uploaded_at: Set(at),
        ..Default::default()
    }
    .insert(txn)
    .await?)
}
