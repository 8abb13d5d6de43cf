//! Issued documents (SOP steps 5-7): rendering and storing PDFs, their versions, the approved set,
//! the verification code printed under the QR code, public verification, the file check and
//! revocation. What the documents say is in `letters`; how they look is in `crate::documents`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use ttis_shared::dto::documents::{
    DocumentKind, DocumentStatus, DocumentVerification, FileCheck, Revocation, SignatureInfo,
};
use ttis_shared::dto::reports::Tlp;
use ttis_shared::dto::signers::SigningCapacity;
use ttis_shared::i18n::title_case;

use super::audit::{self, Actor};
use super::clock::Clock;
use super::{now, organization};
use crate::documents::{Inputs, signer};
use crate::entities::{document, signing_key, ticket};
use crate::error::ApiError;
use crate::state::AppState;

/// The largest file accepted for the public byte-for-byte check.
pub const CHECK_MAX_BYTES: usize = 10 * 1024 * 1024;

/// The alphabet of verification codes: no 0/O, 1/I/L, so a code read off paper is typed right.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

const CODE_LEN: usize = 10;

/// A new short verification code (ten characters, about 50 bits).
pub fn new_verification_code() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    (0..CODE_LEN).map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())])).collect()
}

/// How a code is printed: two groups of five (`7K3M9-QX2HP`).
pub fn printed_code(code: &str) -> String {
    if code.len() == CODE_LEN && code.is_ascii() { format!("{}-{}", &code[..5], &code[5..]) } else { code.to_string() }
}

/// A code as someone typed it (any case, spaces, hyphens), when it can be one.
fn typed_code(input: &str) -> Option<String> {
    let compact: String =
        input.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
    (compact.len() == CODE_LEN && compact.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(compact)
}

pub async fn render(state: &AppState, kind: DocumentKind, inputs: Inputs) -> Result<Vec<u8>, ApiError> {
    let documents = state.documents.clone();
    tokio::task::spawn_blocking(move || documents.template(kind).render(inputs))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("render task: {e}")))?
        .map_err(ApiError::Internal)
}

/// The next version number of a ticket's document kind.
pub async fn next_version<C: ConnectionTrait>(conn: &C, ticket_id: i64, kind: DocumentKind) -> Result<i32, ApiError> {
    let n = document::Entity::find()
        .filter(document::Column::TicketId.eq(ticket_id))
        .filter(document::Column::Kind.eq(kind.as_str()))
        .count(conn)
        .await?;
    Ok(i32::try_from(n).unwrap_or(i32::MAX - 1) + 1)
}

/// A new document row (with a new id), without number or signature.
#[allow(clippy::too_many_arguments)]
pub fn new_document(
    t: &ticket::Model,
    at: DateTime<Utc>,
    kind: DocumentKind,
    version: i32,
    status: DocumentStatus,
    key: String,
    pdf: &[u8],
    created_by: Option<i64>,
) -> document::ActiveModel {
    document::ActiveModel {
        id: Set(uuid::Uuid::new_v4().to_string()),
        ticket_id: Set(t.id),
        kind: Set(kind),
        version: Set(version),
        storage_key: Set(key),
        sha256: Set(super::crypto::sha256_hex(pdf)),
        size: Set(pdf.len() as i64),
        created_by: Set(created_by),
        created_at: Set(at),
        status: Set(status),
        number: Set(None),
        draft_revision: Set(None),
        subject: Set(None),
        signature: Set(None),
        signature_alg: Set(None),
        key_id: Set(None),
        signer_name: Set(None),
        signer_title: Set(None),
        signer_user_id: Set(None),
        signer_nip: Set(None),
        signer_rank: Set(None),
        signer_capacity: Set(None),
        verification_code: Set(None),
        tlp: Set(None),
        signed_at: Set(None),
        revoked_at: Set(None),
        revoked_reason: Set(None),
        revoked_by: Set(None),
    }
}

/// Records the signer's public key so that its signatures verify later, even after a key change.
pub async fn register_signing_key(
    db: &DatabaseConnection,
    signer: &dyn signer::DocumentSigner,
) -> Result<(), ApiError> {
    if signing_key::Entity::find_by_id(signer.key_id().to_string()).one(db).await?.is_some() {
        return Ok(());
    }
    signing_key::ActiveModel {
        key_id: Set(signer.key_id().to_string()),
        algorithm: Set(signer.algorithm().to_string()),
        public_key: Set(STANDARD.encode(signer.public_key())),
        created_at: Set(now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A signed (final) document by the reference someone holding it has: its id (the old QR
/// codes), the short code printed under the QR code, or its printed number; any case, spaces
/// around ignored. `404` otherwise: drafts and analysis reports are not public.
async fn signed_document<C: ConnectionTrait>(conn: &C, reference: &str) -> Result<document::Model, ApiError> {
    use sea_orm::sea_query::{Expr, Func};
    let reference = reference.trim();
    let mut found = None;
    if let Ok(id) = uuid::Uuid::parse_str(reference) {
        found = document::Entity::find_by_id(id.to_string()).one(conn).await?;
    }
    if found.is_none()
        && let Some(code) = typed_code(reference)
    {
        found = document::Entity::find().filter(document::Column::VerificationCode.eq(code)).one(conn).await?;
    }
    if found.is_none() && !reference.is_empty() && reference.len() <= 200 {
        found = document::Entity::find()
            .filter(document::Column::Status.eq(DocumentStatus::Final))
            .filter(Expr::expr(Func::upper(Expr::col(document::Column::Number))).eq(reference.to_uppercase()))
            .order_by_asc(document::Column::Kind)
            .one(conn)
            .await?;
    }
    let doc = found.ok_or(ApiError::NotFound)?;
    if doc.status != DocumentStatus::Final || doc.signature.is_none() {
        return Err(ApiError::NotFound);
    }
    Ok(doc)
}

/// TLP:AMBER and TLP:RED documents confirm their authenticity to anyone with the link, but
/// not what they are about (the PSE, the category): only CLEAR and GREEN show the subject.
fn public_subject(doc: &document::Model) -> Option<String> {
    let shareable = matches!(doc.tlp, Some(Tlp::Clear | Tlp::Green));
    if shareable { doc.subject.clone() } else { None }
}

/// The public verification of a signed document, by any of its references.
pub async fn verification(
    db: &DatabaseConnection,
    clock: &Clock,
    reference: &str,
) -> Result<DocumentVerification, ApiError> {
    let doc = signed_document(db, reference).await?;
    let org = organization::current(db).await?;
    let key = match &doc.key_id {
        Some(k) => signing_key::Entity::find_by_id(k.clone()).one(db).await?,
        None => None,
    };
    let algorithm = doc.signature_alg.clone().unwrap_or_default();
    let signature = doc.signature.clone().unwrap_or_default();
    let public_key = key.as_ref().map(|k| k.public_key.clone()).unwrap_or_default();
    let signature_valid = key.as_ref().is_some_and(|k| k.algorithm == algorithm)
        && signer::verify(&algorithm, &public_key, &doc.sha256, &signature);
    let kind = doc.kind;
    let signed_at = doc.signed_at.unwrap_or(doc.created_at);
    Ok(DocumentVerification {
        kind_label: kind.label(),
        kind,
        number: doc.number.clone().unwrap_or_default(),
        date: clock.local(signed_at).date_naive(),
        subject: public_subject(&doc),
        verification_code: doc.verification_code.as_deref().map(printed_code),
        issuer: format!("{} {}", title_case(&org.agency_name), title_case(&org.government_name)),
        sha256: doc.sha256.clone(),
        signature: SignatureInfo {
            algorithm,
            key_id: doc.key_id.clone().unwrap_or_default(),
            signature,
            signer_name: doc.signer_name.clone().unwrap_or_default(),
            signer_title: doc.signer_title.clone().unwrap_or_default(),
            signer_nip: doc.signer_nip.clone().unwrap_or_default(),
            signer_rank: doc.signer_rank.clone().unwrap_or_default(),
            signer_capacity: doc.signer_capacity.as_deref().and_then(SigningCapacity::parse),
            signed_at,
        },
        public_key,
        signature_valid,
        revoked: match (doc.revoked_at, doc.revoked_reason) {
            (Some(at), reason) => Some(Revocation { at, reason: reason.unwrap_or_default() }),
            _ => None,
        },
        id: doc.id,
    })
}

/// Compares an uploaded file with a signed document, byte for byte (by SHA-256).
pub async fn check_file(
    db: &DatabaseConnection,
    clock: &Clock,
    reference: &str,
    bytes: &[u8],
) -> Result<FileCheck, ApiError> {
    let document = verification(db, clock, reference).await?;
    let uploaded_sha256 = super::crypto::sha256_hex(bytes);
    Ok(FileCheck {
        matches: super::crypto::constant_time_eq(&uploaded_sha256, &document.sha256),
        uploaded_sha256,
        uploaded_size: bytes.len() as u64,
        document,
    })
}

/// Revokes a signed document (admin), with a reason the verification page shows.
pub async fn revoke(
    db: &DatabaseConnection,
    clock: &Clock,
    who: &Actor,
    id: &str,
    reason: &str,
) -> Result<DocumentVerification, ApiError> {
    let txn = db.begin().await?;
    let doc = signed_document(&txn, id).await?;
    let id = doc.id.clone();
    if doc.revoked_at.is_some() {
        return Err(ApiError::WrongState);
    }
    let ticket_code = ticket::Entity::find_by_id(doc.ticket_id).one(&txn).await?.map(|t| t.code).unwrap_or_default();
    let mut active: document::ActiveModel = doc.into();
    active.revoked_at = Set(Some(clock.now()));
    active.revoked_reason = Set(Some(reason.trim().to_string()));
    active.revoked_by = Set(who.user_id);
    active.update(&txn).await?;
    audit::record(
        &txn,
        who,
        "document.revoke",
        Some(format!("ticket:{ticket_code}")),
        json!({"document": id, "reason": reason.trim()}),
    )
    .await?;
    txn.commit().await?;
    verification(db, clock, &id).await
}

/// The final documents of a ticket, newest first (for the reporter's tracking page).
pub async fn approved<C: ConnectionTrait>(conn: &C, ticket_id: i64) -> Result<Vec<document::Model>, ApiError> {
    Ok(document::Entity::find()
        .filter(document::Column::TicketId.eq(ticket_id))
        .filter(document::Column::Status.eq(DocumentStatus::Final))
        .filter(document::Column::Kind.ne(DocumentKind::AnalysisReport.as_str()))
        .order_by_desc(document::Column::CreatedAt)
        .all(conn)
        .await?)
}

pub fn file_name(kind: DocumentKind, code: &str) -> String {
    match kind {
        DocumentKind::NotificationLetter => format!("Surat-Pemberitahuan-Insiden-Siber-{code}.pdf"),
        DocumentKind::Certificate => format!("Sertifikat-Apresiasi-{code}.pdf"),
        DocumentKind::AnalysisReport => format!("Laporan-Hasil-Analisis-{code}.pdf"),
    }
}

/// TLP decides who receives what: the certificate is the reporter's; the letter is the PSE's,
/// and reaches the reporter only when its label allows sharing beyond the PSE (CLEAR or GREEN).
/// A TLP:AMBER, AMBER+STRICT or RED letter is for the PSE alone.
pub fn reporter_may_have(kind: DocumentKind, tlp: Tlp) -> bool {
    match kind {
        DocumentKind::Certificate => true,
        DocumentKind::NotificationLetter => matches!(tlp, Tlp::Clear | Tlp::Green),
        DocumentKind::AnalysisReport => false,
    }
}
