//! The notification letter (*Surat Pemberitahuan Insiden Siber*) and the appreciation certificate
//! (*Sertifikat Apresiasi*), SOP steps 5-7: drafted the moment a report is verified, edited and
//! re-rendered by analysts (every version kept), numbered, rendered with a QR code and signed when
//! the head approves, and verified by anyone afterwards.
//!
//! Numbers are taken only on approval, from per-year counters in the approving transaction, so a
//! returned draft never burns a number and two API processes never issue the same one.

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, Set, TransactionTrait};
use serde_json::json;
use sha2::{Digest, Sha256};
use ttis_shared::Role;
use ttis_shared::dto::documents::{
    CertificateDraft, DocumentKind, DocumentStatus, Drafts, DraftsView, LetterDraft, LetterNature,
};
use ttis_shared::dto::reports::CertificateName;
use ttis_shared::dto::reports::ReportKind;
use ttis_shared::dto::signers::SigningCapacity;
use ttis_shared::dto::tickets::Severity;
use ttis_shared::dto::timeline::TimelineEvent;
use ttis_shared::i18n::title_case;

use super::audit::{self, Actor};
use super::clock::Clock;
use super::documents::{new_document, new_verification_code, next_version, printed_code, render};
use super::outbox::{self, NewEmail};
use super::signers::Signer;
use super::storage::StagedFiles;
use super::{organization, sequence};
use crate::documents::{Inputs, dates, qr_svg};
use crate::entities::ticket_event::EventKind;
use crate::entities::{analysis, category, document, draft, pse, ticket, ticket_event, user};
use crate::error::ApiError;
use crate::state::AppState;

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
    clock: &Clock,
    org: &crate::entities::organization::Model,
    t: &ticket::Model,
    a: &analysis::Model,
) -> Result<Drafts, ApiError> {
    let pse = match a.pse_id.or(t.pse_id) {
        Some(id) => pse::Entity::find_by_id(id).one(txn).await?,
        None => None,
    };
    let severity = a.severity;
    let category = category_label(txn, &a.category).await?;
    let kind = if t.kind == ReportKind::Vulnerability { "kerentanan" } else { "insiden siber" };
    let summary = format!(
        "Tim TTIS menerima laporan {kind} pada {asset} yang ditemukan pada {found}. Setelah diverifikasi dan \
         dianalisis dalam rapat tim pada {meeting}, laporan tersebut dinyatakan sesuai dan diklasifikasikan sebagai \
         {category} dengan tingkat keparahan {severity}.",
        asset = t.affected_asset,
        found = dates::indonesian(clock.local(t.discovered_at).date_naive()),
        meeting = dates::indonesian(a.meeting_date),
        severity = severity_label(severity).to_lowercase(),
    );
    let mut copies: Vec<String> =
        regional_head(&org.government_name).map(|h| format!("{h} (sebagai laporan)")).into_iter().collect();
    copies.push("Arsip".into());
    // The certificate goes only to the reporter: their real name unless they asked for the alias
    // on it (a separate choice from how the Hall of Fame shows them).
    let recipient_name = match (Some(t.certificate_name), &t.hall_of_fame_alias) {
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

/// A letter's or certificate's template data.
async fn inputs(
    txn: &DatabaseTransaction,
    state: &AppState,
    org: &crate::entities::organization::Model,
    t: &ticket::Model,
    drafts: &Drafts,
    issue: Option<&Issue<'_>>,
) -> Result<Inputs, ApiError> {
    let clock = &state.clock;
    let at = clock.local(issue.map(|i| i.at).unwrap_or_else(|| clock.now()));
    let found = clock.local(t.discovered_at);
    let verify_url = issue.map(|i| format!("{}/verify/{}", state.settings.public_url, i.code)).unwrap_or_default();
    let letter = &drafts.letter;
    let severity = t.severity.map(severity_label).unwrap_or("-");
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
        .text("tlp", t.tlp.as_str())
        .text("nature", letter.nature.label())
        .text("attachments", "-")
        .text("subject", "Pemberitahuan Insiden Siber")
        .text("recipient", letter.recipient.trim())
        .text("recipient_place", letter.recipient_place.trim())
        .text("submitted", dates::indonesian(clock.local(t.submitted_at).date_naive()))
        .text("asset", t.affected_asset.clone())
        .text("category", category_label(txn, &t.category_code).await?)
        .text("severity", severity)
        .text("discovered", dates::indonesian_time(found, clock.zone().label))
        .text("summary", letter.summary.trim())
        .text("findings", letter.findings.trim())
        .text("recommendations", letter.recommendations.trim())
        .text("response_days", letter.response_days.to_string())
        .flag("pdp", t.pdp_incident && t.pdp_due_at.is_some())
        .text(
            "pdp_deadline",
            t.pdp_due_at.map(|due| dates::indonesian_time(clock.local(due), clock.zone().label)).unwrap_or_default(),
        )
        .list("copies", letter.copies.iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()))
        .text("recipient_name", drafts.certificate.recipient_name.trim())
        .text("citation", drafts.certificate.citation.trim()))
}

/// Renders both drafts (letter and certificate) as new versions, their files staged in `staged`.
async fn render_drafts(
    txn: &DatabaseTransaction,
    state: &AppState,
    staged: &mut StagedFiles,
    t: &ticket::Model,
    row: &draft::Model,
    user_id: i64,
) -> Result<(), ApiError> {
    let org = organization::current(txn).await?;
    let drafts = parse_drafts(row)?;
    for kind in ttis_shared::procedure::documents_for(t.channel).iter().copied() {
        let data = inputs(txn, state, &org, t, &drafts, None).await?;
        let pdf = render(state, kind, data).await?;
        let key = staged.put_bytes(&pdf).await?;
        let version = next_version(txn, t.id, kind).await?;
        let mut doc =
            new_document(t, state.clock.now(), kind, version, DocumentStatus::Draft, key, &pdf, Some(user_id));
        doc.draft_revision = Set(Some(row.revision));
        doc.insert(txn).await?;
    }
    Ok(())
}

/// Step 5: drafts both documents for a ticket that was just verified.
pub async fn draft_on_verify(
    txn: &DatabaseTransaction,
    state: &AppState,
    staged: &mut StagedFiles,
    t: &ticket::Model,
    user_id: i64,
) -> Result<(), ApiError> {
    let org = organization::current(txn).await?;
    let a = analysis::Entity::find_by_id(t.id).one(txn).await?.ok_or(ApiError::NotFound)?;
    let drafts = default_drafts(txn, &state.clock, &org, t, &a).await?;
    let content = serde_json::to_string(&drafts).map_err(|e| ApiError::Internal(e.into()))?;
    draft::Entity::delete_by_id(t.id).exec(txn).await?;
    let row = draft::ActiveModel {
        ticket_id: Set(t.id),
        content: Set(content),
        revision: Set(1),
        remarks: Set(None),
        updated_by: Set(Some(user_id)),
        updated_at: Set(state.clock.now()),
    }
    .insert(txn)
    .await?;
    render_drafts(txn, state, staged, t, &row, user_id).await
}

/// Analysts edit the drafts (state `drafted` only) and both are rendered again as new versions.
pub async fn edit(
    state: &AppState,
    who: &Actor,
    user_id: i64,
    t: ticket::Model,
    input: Drafts,
) -> Result<(), ApiError> {
    if t.state != ttis_shared::ReportState::Drafted {
        return Err(ApiError::WrongState);
    }
    let txn = state.db.begin().await?;
    let mut staged = StagedFiles::new(state.evidence.clone());
    let row = draft::Entity::find_by_id(t.id).one(&txn).await?.ok_or(ApiError::WrongState)?;
    let revision = row.revision + 1;
    let mut active: draft::ActiveModel = row.into();
    active.content = Set(serde_json::to_string(&input).map_err(|e| ApiError::Internal(e.into()))?);
    active.revision = Set(revision);
    active.updated_by = Set(Some(user_id));
    active.updated_at = Set(state.clock.now());
    let row = active.update(&txn).await?;
    render_drafts(&txn, state, &mut staged, &t, &row, user_id).await?;
    // The timeline names people as the other entries do (the audit row keeps `who`).
    let name = user::Entity::find_by_id(user_id).one(&txn).await?.map(|u| u.name).unwrap_or_else(|| who.label.clone());
    let row = ticket_event::ActiveModel {
        ticket_id: Set(t.id),
        at: Set(state.clock.now()),
        kind: Set(EventKind::Note),
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
    staged.commit(txn).await?;
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
/// copied onto each document), their files staged in `staged`. Returns the documents.
pub async fn issue_on_approve(
    txn: &DatabaseTransaction,
    state: &AppState,
    staged: &mut StagedFiles,
    t: &ticket::Model,
    signer: &Signer,
) -> Result<Vec<document::Model>, ApiError> {
    let org = organization::current(txn).await?;
    let row = draft::Entity::find_by_id(t.id).one(txn).await?.ok_or(ApiError::WrongState)?;
    let drafts = parse_drafts(&row)?;
    let at = state.clock.now();
    let local = state.clock.local(at);
    // Both numbers first, then both renders at once: the counters' rows stay locked until the
    // commit, so the time between is what concurrent approvals queue for.
    let mut issues = Vec::new();
    for (kind, pattern) in [
        (DocumentKind::NotificationLetter, &org.letter_number_pattern),
        (DocumentKind::Certificate, &org.certificate_number_pattern),
    ]
    .into_iter()
    .filter(|(kind, _)| ttis_shared::procedure::documents_for(t.channel).contains(kind))
    {
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
    let mut issued = Vec::new();
    for ((kind, issue, _), pdf) in issues.into_iter().zip(pdfs) {
        let digest: [u8; 32] = Sha256::digest(&pdf).into();
        let signed = state.signer.sign(&digest).await.map_err(ApiError::Internal)?;
        let key = staged.put_bytes(&pdf).await?;
        let version = next_version(txn, t.id, kind).await?;
        let mut doc =
            new_document(t, state.clock.now(), kind, version, DocumentStatus::Final, key, &pdf, Some(signer.user_id));
        doc.id = Set(issue.id.clone());
        doc.number = Set(Some(issue.number.clone()));
        doc.verification_code = Set(Some(issue.code.clone()));
        doc.tlp = Set(Some(t.tlp));
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
        super::webhooks::emit(
            txn,
            ttis_shared::dto::delivery::WebhookEvent::DocumentApproved,
            t,
            json!({"document_id": doc.id, "kind": doc.kind, "number": doc.number, "sha256": doc.sha256}),
        )
        .await?;
        issued.push(doc);
    }
    Ok(issued)
}

/// Emails every enabled head that a ticket awaits their approval.
pub async fn notify_heads(txn: &DatabaseTransaction, state: &AppState, t: &ticket::Model) -> Result<(), ApiError> {
    let heads: Vec<String> = super::users::holding(txn, Role::Head).await?.into_iter().map(|u| u.email).collect();
    if heads.is_empty() {
        return Ok(());
    }
    let mail = crate::notify::templates::awaiting_approval(&state.settings.public_url, t);
    outbox::enqueue(txn, NewEmail::about(t.id, heads, mail)).await?;
    Ok(())
}

/// Emails the ticket's analyst (the assignee) about the head's decision (see `notify::templates`).
pub async fn notify_assignee(
    txn: &DatabaseTransaction,
    t: &ticket::Model,
    mail: crate::notify::templates::Rendered,
) -> Result<(), ApiError> {
    let Some(id) = t.assignee_id else { return Ok(()) };
    let Some(u) = user::Entity::find_by_id(id).one(txn).await? else { return Ok(()) };
    outbox::enqueue(txn, NewEmail::about(t.id, vec![u.email], mail)).await?;
    Ok(())
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
