use sea_orm::entity::prelude::*;
use ttis_shared::dto::documents::{DocumentKind, DocumentStatus};
use ttis_shared::dto::reports::Tlp;

/// A rendered document of a ticket. Every version is kept; a final (signed) one never changes,
/// except that an admin may revoke it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "documents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub ticket_id: i64,
    /// `analysis_report`, `notification_letter`, `certificate` (`DocumentKind`).
    pub kind: DocumentKind,
    pub version: i32,
    pub storage_key: String,
    pub sha256: String,
    pub size: i64,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
    /// `draft` or `final` (`DocumentStatus`).
    pub status: DocumentStatus,
    pub number: Option<String>,
    /// The `drafts.revision` it was rendered from.
    pub draft_revision: Option<i32>,
    /// What the verification page may show: no personal data.
    pub subject: Option<String>,
    /// Base64 signature over the file's SHA-256.
    pub signature: Option<String>,
    pub signature_alg: Option<String>,
    pub key_id: Option<String>,
    /// The signer profile at signing: name, one-line title, NIP, rank, capacity and account.
    pub signer_name: Option<String>,
    pub signer_title: Option<String>,
    pub signed_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub revoked_reason: Option<String>,
    pub revoked_by: Option<i64>,
    pub signer_user_id: Option<i64>,
    pub signer_nip: Option<String>,
    pub signer_rank: Option<String>,
    pub signer_capacity: Option<String>,
    /// The short code printed under the QR code (ten characters of an unambiguous alphabet).
    pub verification_code: Option<String>,
    /// The TLP label the document was signed under: AMBER and RED hide its subject on `/verify`.
    pub tlp: Option<Tlp>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
