//! The notification letter (*Surat Pemberitahuan Insiden Siber*) and the appreciation certificate
//! (*Sertifikat Apresiasi*), SOP steps 5-7: drafted the moment a report is verified, edited and
//! re-rendered by analysts (every version kept), numbered, rendered with a QR code and signed when
//! the head approves, and verified by anyone afterwards.
//!
//! Numbers are taken only on approval, from per-year counters in the approving transaction, so a
//! returned draft never burns a number and two API processes never issue the same one.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Datelike, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use sha2::{Digest, Sha256};
use ttis_shared::Role;
use ttis_shared::dto::documents::{
    CertificateDraft, DocumentKind, DocumentStatus, DocumentVerification, Drafts, DraftsView, FileCheck, LetterDraft,
    LetterNature, Revocation, SignatureInfo,
};
use ttis_shared::dto::reports::CertificateName;
use ttis_shared::dto::signers::SigningCapacity;
use ttis_shared::dto::tickets::Severity;
use ttis_shared::dto::timeline::TimelineEvent;
use ttis_shared::i18n::title_case;

use super::audit::{self, Actor};
use super::outbox::{self, NewEmail};
use super::signers::Signer;
use super::{now, organization, sequence};
use crate::documents::{Inputs, dates, qr_svg, signer};
use crate::entities::{analysis, category, document, draft, pse, signing_key, ticket, ticket_event, user};
use crate::error::ApiError;
use crate::state::AppState;

/// The largest file accepted for the public byte-for-byte check.
pub const CHECK_MAX_BYTES: usize = 10 * 1024 * 1024;

pub fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Rendah => "Rendah",
        Severity::Sedang => "Sedang",
        Severity::Tinggi => "Tinggi",
        Severity::Kritis => "Kritis",
    }
}

/// The head of the regional government, for the *tembusan*: `Bupati Kutai Kartanegara`.
fn regional_head(government: &str) -> Option<String> {
    let g = government.trim().to_uppercase();
    [("PEMERINTAH KABUPATEN ", "Bupati "), ("PEMERINTAH KOTA ", "Wali Kota "), ("PEMERINTAH PROVINSI ", "Gubernur ")]
        .into_iter()
        .find_map(|(prefix, head)| g.strip_prefix(prefix).map(|rest| format!("{head}{}", title_case(rest))))
}

/// A category's name as documents print it (`Web Defacement (Deface)`), never its code.
pub async fn category_label<C: ConnectionTrait>(conn: &C, code: &str) -> Result<String, ApiError> {
    Ok(category::Entity::find_by_id(code.to_string()).one(conn).await?.map(|c| c.label_id).unwrap_or(code.into()))
}

/// What the system drafts when a report is verified, from the analysis and the PSE register.
async fn default_drafts(
    txn: &DatabaseTransaction,
    org: &crate::entities::organization::Model,
    t: &ticket::Model,
    a: &analysis::Model,
) -> Result<Drafts, ApiError> {
    let offset = super::reports::local_offset();
    let pse = match a.pse_id.or(t.pse_id) {
        Some(id) => pse::Entity::find_by_id(id).one(txn).await?,
        None => None,
    };
    let severity = Severity::parse(&a.severity).unwrap_or(Severity::Sedang);
    let category = category_label(txn, &a.category).await?;
    let kind = if t.kind == "vulnerability" { "kerentanan" } else { "insiden siber" };
    let summary = format!(
        "Tim TTIS menerima laporan {kind} pada {asset} yang ditemukan pada {found}. Setelah diverifikasi dan \
         dianalisis dalam rapat tim pada {meeting}, laporan tersebut dinyatakan sesuai dan diklasifikasikan sebagai \
         {category} dengan tingkat keparahan {severity}.",
        asset = t.affected_asset,
        found = dates::indonesian(t.discovered_at.with_timezone(&offset).date_naive()),
        meeting = dates::indonesian(a.meeting_date),
        severity = severity_label(severity).to_lowercase(),
    );
    let mut copies: Vec<String> =
        regional_head(&org.government_name).map(|h| format!("{h} (sebagai laporan)")).into_iter().collect();
    copies.push("Arsip".into());
    // The certificate goes only to the reporter: their real name unless they asked for the alias
    // on it (a separate choice from how the Hall of Fame shows them).
    let recipient_name = match (CertificateName::parse(&t.certificate_name), &t.hall_of_fame_alias) {
        (Some(CertificateName::Alias), Some(alias)) if !alias.trim().is_empty() => alias.trim().to_string(),
        _ => t.reporter_name.clone(),
    };
    // `Pemerintah Kabupaten Kutai Kartanegara`, as the configuration names the government.
    let government = title_case(&org.government_name);
    Ok(Drafts {
        letter: LetterDraft {
            recipient: pse
                .as_ref()
                .map(|p| p.head_title.clone())
                .unwrap_or_else(|| "Pimpinan Penyelenggara Sistem Elektronik".into()),
            // The `di` line names the town, never the street address.
            recipient_place: pse
                .as_ref()
                .and_then(|p| p.place.clone())
                .filter(|p| !p.trim().is_empty())
                .unwrap_or_else(|| org.city.clone()),
            nature: if matches!(severity, Severity::Tinggi | Severity::Kritis) {
                LetterNature::Segera
            } else {
                LetterNature::Biasa
            },
            summary,
            findings: a.findings.clone(),
            recommendations: a.recommendations.clone(),
            response_days: if severity == Severity::Kritis { 1 } else { 3 },
            copies,
        },
        certificate: CertificateDraft {
            recipient_name,
            citation: format!(
                "sebagai bentuk penghargaan atas laporan {kind} yang disampaikan dengan itikad baik dan secara \
                 bertanggung jawab kepada Tim Tanggap Insiden Siber, sehingga membantu menjaga keamanan sistem \
                 elektronik di lingkungan {government}."
            ),
        },
    })
}

fn parse_drafts(row: &draft::Model) -> Result<Drafts, ApiError> {
    serde_json::from_str(&row.content).map_err(|e| ApiError::Internal(anyhow::anyhow!("stored drafts: {e}")))
}

pub fn drafts_view(row: &draft::Model) -> Option<DraftsView> {
    let drafts = parse_drafts(row).ok()?;
    Some(DraftsView { drafts, revision: row.revision, updated_at: row.updated_at, remarks: row.remarks.clone() })
}

/// What a final document is numbered, dated and signed with (`None` for a draft).
struct Issue<'a> {
    id: String,
    number: String,
    /// The short code printed under the QR code, without its hyphen (`7K3M9QX2HP`).
    code: String,
    at: DateTime<Utc>,
    signer: &'a Signer,
}

/// The alphabet of verification codes: no 0/O, 1/I/L, so a code read off paper is typed right.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LEN: usize = 10;

/// A new short verification code (ten characters, about 50 bits).
fn new_verification_code() -> String {
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

/// A letter's or certificate's template data.
async fn inputs(
    txn: &DatabaseTransaction,
    state: &AppState,
    org: &crate::entities::organization::Model,
    t: &ticket::Model,
    drafts: &Drafts,
    issue: Option<&Issue<'_>>,
) -> Result<Inputs, ApiError> {
    let offset = super::reports::local_offset();
    let at = issue.map(|i| i.at).unwrap_or_else(now).with_timezone(&offset);
    let found = t.discovered_at.with_timezone(&offset);
    let verify_url = issue.map(|i| format!("{}/verify/{}", state.settings.public_url, i.code)).unwrap_or_default();
    let letter = &drafts.letter;
    let severity = t.severity.as_deref().and_then(Severity::parse).map(severity_label).unwrap_or("-");
    // A draft does not know who will sign it: the head's title, and the name left to approval.
    let (lines, name, rank, nip) = match issue {
        Some(i) => (i.signer.lines.clone(), i.signer.name.clone(), i.signer.rank.clone(), i.signer.nip.clone()),
        None => (
            ttis_shared::dto::signers::signature_lines(SigningCapacity::Definitive, "", &org.head_title),
            "(ditentukan saat disetujui)".to_string(),
            String::new(),
            String::new(),
        ),
    };
    Ok(organization::letterhead(org)
        .flag("final", issue.is_some())
        .text("qr", if verify_url.is_empty() { String::new() } else { qr_svg(&verify_url)? })
        .text("verify_url", verify_url)
        .text("verification_code", issue.map(|i| printed_code(&i.code)).unwrap_or_default())
        .list("signer_lines", lines)
        .text("signer_name", name)
        .text("signer_rank", rank)
        .text("signer_nip", nip)
        .text("number", issue.map(|i| i.number.clone()).unwrap_or_else(|| "(diberikan saat disetujui)".into()))
        .text("date", dates::indonesian(at.date_naive()))
        .text("code", t.code.clone())
        .text("tlp", t.tlp.clone())
        .text("nature", letter.nature.label())
        .text("attachments", "-")
        .text("subject", "Pemberitahuan Insiden Siber")
        .text("recipient", letter.recipient.trim())
        .text("recipient_place", letter.recipient_place.trim())
        .text("submitted", dates::indonesian(t.submitted_at.with_timezone(&offset).date_naive()))
        .text("asset", t.affected_asset.clone())
        .text("category", category_label(txn, &t.category_code).await?)
        .text("severity", severity)
        .text("discovered", format!("{} pukul {} WITA", dates::indonesian(found.date_naive()), found.format("%H.%M")))
        .text("summary", letter.summary.trim())
        .text("findings", letter.findings.trim())
        .text("recommendations", letter.recommendations.trim())
        .text("response_days", letter.response_days.to_string())
        .list("copies", letter.copies.iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()))
        .text("recipient_name", drafts.certificate.recipient_name.trim())
        .text("citation", drafts.certificate.citation.trim()))
}

pub async fn render(state: &AppState, kind: DocumentKind, inputs: Inputs) -> Result<Vec<u8>, ApiError> {
    let documents = state.documents.clone();
    tokio::task::spawn_blocking(move || documents.template(kind).render(inputs))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("render task: {e}")))?
        .map_err(ApiError::Internal)
}

/// Puts a rendered file into the store; returns its key. The caller removes it again if its
/// transaction does not commit.
pub async fn store(state: &AppState, pdf: &[u8]) -> Result<String, ApiError> {
    let key = uuid::Uuid::new_v4().to_string();
    let temp = state.evidence.incoming_dir().join(&key);
    tokio::fs::write(&temp, pdf).await.map_err(|e| ApiError::Internal(e.into()))?;
    if let Err(e) = state.evidence.put(&key, &temp).await {
        let _ = tokio::fs::remove_file(&temp).await;
        return Err(ApiError::Internal(e));
    }
    Ok(key)
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
pub fn new_document(
    t: &ticket::Model,
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
        kind: Set(kind.as_str().into()),
        version: Set(version),
        storage_key: Set(key),
        sha256: Set(super::crypto::sha256_hex(pdf)),
        size: Set(pdf.len() as i64),
        created_by: Set(created_by),
        created_at: Set(now()),
        status: Set(match status {
            DocumentStatus::Draft => "draft".into(),
            DocumentStatus::Final => "final".into(),
        }),
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

/// Renders both drafts (letter and certificate) as new versions; returns the stored keys.
async fn render_drafts(
    txn: &DatabaseTransaction,
    state: &AppState,
    t: &ticket::Model,
    row: &draft::Model,
    user_id: i64,
) -> Result<Vec<String>, ApiError> {
    let org = organization::current(txn).await?;
    let drafts = parse_drafts(row)?;
    let mut keys = Vec::new();
    for kind in [DocumentKind::NotificationLetter, DocumentKind::Certificate] {
        let data = inputs(txn, state, &org, t, &drafts, None).await?;
        let pdf = render(state, kind, data).await?;
        let key = store(state, &pdf).await?;
        keys.push(key.clone());
        let version = next_version(txn, t.id, kind).await?;
        let mut doc = new_document(t, kind, version, DocumentStatus::Draft, key, &pdf, Some(user_id));
        doc.draft_revision = Set(Some(row.revision));
        doc.insert(txn).await?;
    }
    Ok(keys)
}

/// Step 5: drafts both documents for a ticket that was just verified. Returns the stored keys.
pub async fn draft_on_verify(
    txn: &DatabaseTransaction,
    state: &AppState,
    t: &ticket::Model,
    user_id: i64,
) -> Result<Vec<String>, ApiError> {
    let org = organization::current(txn).await?;
    let a = analysis::Entity::find_by_id(t.id).one(txn).await?.ok_or(ApiError::NotFound)?;
    let drafts = default_drafts(txn, &org, t, &a).await?;
    let content = serde_json::to_string(&drafts).map_err(|e| ApiError::Internal(e.into()))?;
    draft::Entity::delete_by_id(t.id).exec(txn).await?;
    let row = draft::ActiveModel {
        ticket_id: Set(t.id),
        content: Set(content),
        revision: Set(1),
        remarks: Set(None),
        updated_by: Set(Some(user_id)),
        updated_at: Set(now()),
    }
    .insert(txn)
    .await?;
    render_drafts(txn, state, t, &row, user_id).await
}

/// Analysts edit the drafts (state `drafted` only) and both are rendered again as new versions.
pub async fn edit(
    state: &AppState,
    who: &Actor,
    user_id: i64,
    t: ticket::Model,
    input: Drafts,
) -> Result<(), ApiError> {
    if t.state != ttis_shared::ReportState::Drafted.as_str() {
        return Err(ApiError::WrongState);
    }
    let txn = state.db.begin().await?;
    let row = draft::Entity::find_by_id(t.id).one(&txn).await?.ok_or(ApiError::WrongState)?;
    let revision = row.revision + 1;
    let mut active: draft::ActiveModel = row.into();
    active.content = Set(serde_json::to_string(&input).map_err(|e| ApiError::Internal(e.into()))?);
    active.revision = Set(revision);
    active.updated_by = Set(Some(user_id));
    active.updated_at = Set(now());
    let row = active.update(&txn).await?;
    let keys = render_drafts(&txn, state, &t, &row, user_id).await?;
    // The timeline names people as the other entries do (the audit row keeps `who`).
    let name = user::Entity::find_by_id(user_id).one(&txn).await?.map(|u| u.name).unwrap_or_else(|| who.label.clone());
    let row = ticket_event::ActiveModel {
        ticket_id: Set(t.id),
        at: Set(now()),
        kind: Set("note".into()),
        from_state: Set(None),
        to_state: Set(None),
        actor_user_id: Set(Some(user_id)),
        actor_label: Set(name),
        body: Set(None),
        public: Set(false),
        ..Default::default()
    };
    let event = TimelineEvent::DraftsUpdated { revision: u32::try_from(revision).unwrap_or(0) };
    super::timeline::with_event(row, Some(&event)).insert(&txn).await?;
    audit::record(&txn, who, "drafts.update", Some(format!("ticket:{}", t.code)), json!({"revision": revision}))
        .await?;
    if let Err(e) = txn.commit().await {
        for key in &keys {
            let _ = state.evidence.delete(key).await;
        }
        return Err(e.into());
    }
    Ok(())
}

/// Keeps the head's remarks on the drafts when they are returned for revision.
pub async fn record_remarks(txn: &DatabaseTransaction, ticket_id: i64, remarks: &str) -> Result<(), ApiError> {
    if let Some(row) = draft::Entity::find_by_id(ticket_id).one(txn).await? {
        let mut active: draft::ActiveModel = row.into();
        active.remarks = Set(Some(remarks.to_string()));
        active.update(txn).await?;
    }
    Ok(())
}

/// The public subject of a document: what it is about, without personal data.
async fn subject(txn: &DatabaseTransaction, t: &ticket::Model, kind: DocumentKind) -> Result<String, ApiError> {
    let category = category_label(txn, &t.category_code).await?;
    Ok(match kind {
        DocumentKind::NotificationLetter => {
            let pse = match t.pse_id {
                Some(id) => pse::Entity::find_by_id(id).one(txn).await?.map(|p| p.name),
                None => None,
            };
            match pse {
                Some(name) => format!("Pemberitahuan Insiden Siber ({category}) kepada {name}"),
                None => format!("Pemberitahuan Insiden Siber ({category})"),
            }
        }
        DocumentKind::Certificate => format!("Sertifikat Apresiasi atas laporan {category}"),
        DocumentKind::AnalysisReport => format!("Laporan Hasil Analisis ({category})"),
    })
}

/// Step 7: numbers, renders, signs and stores both final documents of an approved ticket, in the
/// approving transaction, in the name of `signer` (the approving head's profile as it is now,
/// copied onto each document). Returns the stored keys and the documents.
pub async fn issue_on_approve(
    txn: &DatabaseTransaction,
    state: &AppState,
    t: &ticket::Model,
    signer: &Signer,
) -> Result<(Vec<String>, Vec<document::Model>), ApiError> {
    let org = organization::current(txn).await?;
    let row = draft::Entity::find_by_id(t.id).one(txn).await?.ok_or(ApiError::WrongState)?;
    let drafts = parse_drafts(&row)?;
    let at = now();
    let local = at.with_timezone(&super::reports::local_offset());
    // Both numbers first, then both renders at once: the counters' rows stay locked until the
    // commit, so the time between is what concurrent approvals queue for.
    let mut issues = Vec::new();
    for (kind, pattern) in [
        (DocumentKind::NotificationLetter, &org.letter_number_pattern),
        (DocumentKind::Certificate, &org.certificate_number_pattern),
    ] {
        let seq = sequence::next(txn, &format!("{}:{}", kind.as_str(), local.year())).await?;
        let issue = Issue {
            id: uuid::Uuid::new_v4().to_string(),
            number: organization::format_number(pattern, seq, local.year(), local.month()),
            code: new_verification_code(),
            at,
            signer,
        };
        let data = inputs(txn, state, &org, t, &drafts, Some(&issue)).await?;
        issues.push((kind, issue, data));
    }
    let renders = issues.iter().map(|(kind, _, data)| render(state, *kind, data.clone()));
    let pdfs = futures_util::future::try_join_all(renders).await?;
    let mut keys = Vec::new();
    let mut issued = Vec::new();
    for ((kind, issue, _), pdf) in issues.into_iter().zip(pdfs) {
        let digest: [u8; 32] = Sha256::digest(&pdf).into();
        let signed = state.signer.sign(&digest).await.map_err(ApiError::Internal)?;
        let key = store(state, &pdf).await?;
        keys.push(key.clone());
        let version = next_version(txn, t.id, kind).await?;
        let mut doc = new_document(t, kind, version, DocumentStatus::Final, key, &pdf, Some(signer.user_id));
        doc.id = Set(issue.id.clone());
        doc.number = Set(Some(issue.number.clone()));
        doc.verification_code = Set(Some(issue.code.clone()));
        doc.tlp = Set(Some(t.tlp.clone()));
        doc.draft_revision = Set(Some(row.revision));
        doc.subject = Set(Some(subject(txn, t, kind).await?));
        doc.signature = Set(Some(signed.signature));
        doc.signature_alg = Set(Some(signed.algorithm));
        doc.key_id = Set(Some(signed.key_id));
        doc.signer_user_id = Set(Some(signer.user_id));
        doc.signer_name = Set(Some(signer.name.clone()));
        doc.signer_title = Set(Some(signer.title.clone()));
        doc.signer_nip = Set(Some(signer.nip.clone()));
        doc.signer_rank = Set(Some(signer.rank.clone()));
        doc.signer_capacity = Set(Some(signer.capacity.as_str().to_string()));
        doc.signed_at = Set(Some(at));
        let doc = doc.insert(txn).await?;
        super::delivery::emit(
            txn,
            ttis_shared::dto::delivery::WebhookEvent::DocumentApproved,
            t,
            json!({"document_id": doc.id, "kind": doc.kind, "number": doc.number, "sha256": doc.sha256}),
        )
        .await?;
        issued.push(doc);
    }
    Ok((keys, issued))
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

/// Emails every enabled head that a ticket awaits their approval.
pub async fn notify_heads(txn: &DatabaseTransaction, state: &AppState, t: &ticket::Model) -> Result<(), ApiError> {
    let heads: Vec<String> = user::Entity::find()
        .filter(user::Column::Disabled.eq(false))
        .all(txn)
        .await?
        .into_iter()
        .filter(|u| Role::split(&u.roles).contains(&Role::Head))
        .map(|u| u.email)
        .collect();
    if heads.is_empty() {
        return Ok(());
    }
    outbox::enqueue(
        txn,
        NewEmail {
            to: heads,
            subject: format!("[{}] Menunggu persetujuan / Awaiting your approval", t.code),
            body: format!(
                "Surat Pemberitahuan Insiden Siber dan Sertifikat Apresiasi untuk tiket {code} telah diajukan untuk \
                 disetujui dan ditandatangani.\nThe notification letter and the certificate of appreciation for ticket \
                 {code} await your approval and signature.\n\n{url}/staff/approvals\n",
                code = t.code,
                url = state.settings.public_url,
            ),
            dedupe_key: None,
            ticket_id: Some(t.id),
            ..Default::default()
        },
    )
    .await?;
    Ok(())
}

/// Emails the ticket's analyst (the assignee) about the head's decision.
pub async fn notify_assignee(
    txn: &DatabaseTransaction,
    state: &AppState,
    t: &ticket::Model,
    subject: &str,
    body: &str,
) -> Result<(), ApiError> {
    let Some(id) = t.assignee_id else { return Ok(()) };
    let Some(u) = user::Entity::find_by_id(id).one(txn).await? else { return Ok(()) };
    outbox::enqueue(
        txn,
        NewEmail {
            to: vec![u.email],
            subject: format!("[{}] {subject}", t.code),
            body: format!("{body}\n\n{}/staff/tickets/{}\n", state.settings.public_url, t.code),
            dedupe_key: None,
            ticket_id: Some(t.id),
            ..Default::default()
        },
    )
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
            .filter(document::Column::Status.eq("final"))
            .filter(Expr::expr(Func::upper(Expr::col(document::Column::Number))).eq(reference.to_uppercase()))
            .order_by_asc(document::Column::Kind)
            .one(conn)
            .await?;
    }
    let doc = found.ok_or(ApiError::NotFound)?;
    if doc.status != "final" || doc.signature.is_none() {
        return Err(ApiError::NotFound);
    }
    Ok(doc)
}

/// TLP:AMBER and TLP:RED documents confirm their authenticity to anyone with the link, but
/// not what they are about (the PSE, the category): only CLEAR and GREEN show the subject.
fn public_subject(doc: &document::Model) -> Option<String> {
    let tlp = doc.tlp.as_deref().unwrap_or("amber");
    let shareable = tlp.eq_ignore_ascii_case("clear") || tlp.eq_ignore_ascii_case("green");
    if shareable { doc.subject.clone() } else { None }
}

/// The public verification of a signed document, by any of its references.
pub async fn verification(db: &DatabaseConnection, reference: &str) -> Result<DocumentVerification, ApiError> {
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
    let kind = DocumentKind::parse(&doc.kind).unwrap_or(DocumentKind::NotificationLetter);
    let signed_at = doc.signed_at.unwrap_or(doc.created_at);
    Ok(DocumentVerification {
        kind_label: kind.label(),
        kind,
        number: doc.number.clone().unwrap_or_default(),
        date: signed_at.with_timezone(&super::reports::local_offset()).date_naive(),
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
pub async fn check_file(db: &DatabaseConnection, reference: &str, bytes: &[u8]) -> Result<FileCheck, ApiError> {
    let document = verification(db, reference).await?;
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
    active.revoked_at = Set(Some(now()));
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
    verification(db, &id).await
}

/// The final documents of a ticket, newest first (for the reporter's tracking page).
pub async fn approved<C: ConnectionTrait>(conn: &C, ticket_id: i64) -> Result<Vec<document::Model>, ApiError> {
    Ok(document::Entity::find()
        .filter(document::Column::TicketId.eq(ticket_id))
        .filter(document::Column::Status.eq("final"))
        .filter(document::Column::Kind.ne(DocumentKind::AnalysisReport.as_str()))
        .order_by_desc(document::Column::CreatedAt)
        .all(conn)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_regional_head_is_named_from_the_government() {
        assert_eq!(
            regional_head("PEMERINTAH KABUPATEN KUTAI KARTANEGARA").as_deref(),
            Some("Bupati Kutai Kartanegara")
        );
        assert_eq!(regional_head("Pemerintah Kota Samarinda").as_deref(), Some("Wali Kota Samarinda"));
        assert_eq!(regional_head("PEMERINTAH PROVINSI KALIMANTAN TIMUR").as_deref(), Some("Gubernur Kalimantan Timur"));
        assert_eq!(regional_head("BADAN SIBER DAN SANDI NEGARA"), None);
        assert_eq!(title_case("DINAS KOMUNIKASI DAN INFORMATIKA"), "Dinas Komunikasi dan Informatika");
    }
}
