//! Letters, certificates and their verification (SOP steps 5-7), and the organisation settings
//! that their letterhead and signature block come from.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::reports::Label;
// The derives call `validate()` on nested blocks.
#[cfg(feature = "server")]
#[allow(unused_imports)]
use validator::Validate;

/// What a rendered document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum DocumentKind {
    /// *Laporan Hasil Analisis* (step 4).
    AnalysisReport,
    /// *Surat Pemberitahuan Insiden Siber* to the PSE (steps 5-7).
    NotificationLetter,
    /// *Sertifikat Apresiasi* for the reporter (steps 5-7).
    Certificate,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 3] =
        [DocumentKind::AnalysisReport, DocumentKind::NotificationLetter, DocumentKind::Certificate];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::AnalysisReport => "analysis_report",
            DocumentKind::NotificationLetter => "notification_letter",
            DocumentKind::Certificate => "certificate",
        }
    }

    pub fn parse(s: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The document's title, as printed on it.
    pub fn label(self) -> Label {
        let (id, en) = match self {
            DocumentKind::AnalysisReport => ("Laporan Hasil Analisis", "Analysis report"),
            DocumentKind::NotificationLetter => {
                ("Surat Pemberitahuan Insiden Siber", "Cyber incident notification letter")
            }
            DocumentKind::Certificate => ("Sertifikat Apresiasi", "Certificate of appreciation"),
        };
        Label { id: id.into(), en: en.into() }
    }
}

/// A draft is rendered for review; a final document is numbered, signed and never changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum DocumentStatus {
    Draft,
    Final,
}

impl DocumentStatus {
    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentStatus::Draft => "draft",
            DocumentStatus::Final => "final",
        }
    }
}

/// *Sifat* of a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LetterNature {
    Biasa,
    Segera,
    Rahasia,
}

impl LetterNature {
    pub fn label(self) -> &'static str {
        match self {
            LetterNature::Biasa => "Biasa",
            LetterNature::Segera => "Segera",
            LetterNature::Rahasia => "Rahasia",
        }
    }
}

/// The letter's variable parts, which analysts may edit before submitting it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[serde(deny_unknown_fields)]
pub struct LetterDraft {
    /// The addressee's title (`Kepala Dinas Pendidikan Kabupaten Kutai Kartanegara`), after `Yth.`.
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::line")))]
    pub recipient: String,
    /// The place under `di` (`Tenggarong`).
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::line")))]
    pub recipient_place: String,
    pub nature: LetterNature,
    /// The opening paragraph's summary of what was reported.
    #[cfg_attr(
        feature = "server",
        validate(
            custom(function = "crate::validation::server::required"),
            custom(function = "crate::validation::server::long_text")
        )
    )]
    pub summary: String,
    #[cfg_attr(
        feature = "server",
        validate(
            custom(function = "crate::validation::server::required"),
            custom(function = "crate::validation::server::long_text")
        )
    )]
    pub findings: String,
    #[cfg_attr(
        feature = "server",
        validate(
            custom(function = "crate::validation::server::required"),
            custom(function = "crate::validation::server::long_text")
        )
    )]
    pub recommendations: String,
    /// Working days the PSE has to answer.
    #[cfg_attr(feature = "server", validate(range(min = 1, max = 90)))]
    pub response_days: u32,
    /// *Tembusan*, one line each.
    #[cfg_attr(feature = "server", validate(length(max = 10)))]
    pub copies: Vec<String>,
}

/// The certificate's variable parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[serde(deny_unknown_fields)]
pub struct CertificateDraft {
    /// The name printed on it: by default the one the reporter chose for the Hall of Fame.
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::line")))]
    pub recipient_name: String,
    /// The words of thanks.
    #[cfg_attr(
        feature = "server",
        validate(
            custom(function = "crate::validation::server::required"),
            custom(function = "crate::validation::server::long_text")
        )
    )]
    pub citation: String,
}

/// Both drafts of a ticket (`PUT /tickets/{code}/drafts` re-renders them as new versions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({
    "letter": {"recipient": "Kepala Dinas Pendidikan Kabupaten Kutai Kartanegara", "recipient_place": "Tenggarong",
        "nature": "segera", "summary": "Tim TTIS menerima laporan perubahan tampilan (deface) pada situs Dinas Pendidikan.",
        "findings": "Halaman utama diganti melalui celah unggah berkas.",
        "recommendations": "Pulihkan dari cadangan dan tutup celah unggah berkas.", "response_days": 3,
        "copies": ["Bupati Kutai Kartanegara (sebagai laporan)", "Arsip"]},
    "certificate": {"recipient_name": "budisec", "citation": "atas laporan kerentanan yang disampaikan secara bertanggung jawab"}
})))]
#[serde(deny_unknown_fields)]
pub struct Drafts {
    #[cfg_attr(feature = "server", validate(nested))]
    pub letter: LetterDraft,
    #[cfg_attr(feature = "server", validate(nested))]
    pub certificate: CertificateDraft,
}

/// The drafts as staff see them on a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DraftsView {
    /// The variable parts, as `PUT /tickets/{code}/drafts` takes them.
    pub drafts: Drafts,
    /// Goes up by one on every edit.
    pub revision: i32,
    pub updated_at: DateTime<Utc>,
    /// The head's remarks when the drafts were last returned for revision.
    pub remarks: Option<String>,
}

/// A signature over a final document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SignatureInfo {
    /// `ed25519` (the local signer); other schemes (e.g. BSrE) name themselves here.
    pub algorithm: String,
    pub key_id: String,
    /// Base64 of the signature over the PDF's SHA-256 (the 32 raw bytes).
    pub signature: String,
    /// The signer's name with academic titles, as it was at signing.
    pub signer_name: String,
    /// The capacity and title in one line (`a.n. Kepala Dinas Komunikasi dan Informatika, Sekretaris`).
    pub signer_title: String,
    /// *NIP* of the signer; empty for documents signed before signer profiles existed.
    #[serde(default)]
    pub signer_nip: String,
    /// *Pangkat/golongan* of the signer.
    #[serde(default)]
    pub signer_rank: String,
    /// The capacity in which the signer signed; absent for documents signed before signer profiles existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_capacity: Option<super::signers::SigningCapacity>,
    pub signed_at: DateTime<Utc>,
}

/// Organisation settings: the letterhead, the head's title and the numbering of letters. Who
/// signs is each head account's own signer profile (`/auth/signer-profile`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({
    "government_name": "PEMERINTAH KABUPATEN KUTAI KARTANEGARA", "agency_name": "DINAS KOMUNIKASI DAN INFORMATIKA",
    "address": "Jl. Wolter Monginsidi No. 1, Tenggarong 75511", "phone": "(0541) 661234",
    "email": "diskominfo@kukarkab.go.id", "website": "https://diskominfo.kukarkab.go.id", "city": "Tenggarong",
    "head_title": "Kepala Dinas Komunikasi dan Informatika",
    "letter_number_pattern": "B-{seq}/DISKOMINFO/000.6/{MM}/{YYYY}", "certificate_number_pattern": "{seq}/SERT-TTIS/{YYYY}"
})))]
#[serde(deny_unknown_fields)]
pub struct Organization {
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::line")))]
    pub government_name: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::line")))]
    pub agency_name: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::line")))]
    pub address: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::optional_line")))]
    pub phone: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::email")))]
    pub email: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::optional_line")))]
    pub website: String,
    /// The place in the date line (`Tenggarong, 10 Juli 2025`).
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::line")))]
    pub city: String,
    /// The title of the agency's head (`Kepala Dinas Komunikasi dan Informatika`): above a
    /// definitive signature when the head's own title is the same, and after `Plt.`, `Plh.` and
    /// `a.n.` when someone signs for them.
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::line")))]
    pub head_title: String,
    /// `{seq}` (required), `{YYYY}`, `{MM}` (month, `07`), `{ROMAN_MM}` (`VII`). The sequence restarts each year.
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::number_pattern")))]
    pub letter_number_pattern: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::number_pattern")))]
    pub certificate_number_pattern: String,
}

/// The organisation settings with what is not edited through them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct OrganizationView {
    /// The settings, as `PUT /organization` takes them.
    pub organization: Organization,
    /// A logo was uploaded (`GET /organization/logo`); otherwise the letterhead uses the built-in emblem.
    pub has_logo: bool,
    pub updated_at: DateTime<Utc>,
}

/// What anyone may learn of a signed document: no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DocumentVerification {
    pub id: String,
    pub kind: DocumentKind,
    pub kind_label: Label,
    pub number: String,
    pub date: NaiveDate,
    /// What the document is about, without personal data (`Pemberitahuan Insiden Siber (Web
    /// Defacement) kepada Dinas Pendidikan`). Absent for documents of a TLP:AMBER or TLP:RED
    /// ticket: anyone holding the link may look, so the page then confirms authenticity only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The short code printed under the QR code (`7K3M9-QX2HP`); absent for documents signed
    /// before the codes existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification_code: Option<String>,
    pub issuer: String,
    pub sha256: String,
    pub signature: SignatureInfo,
    /// Base64 of the Ed25519 public key that `signature.key_id` names.
    pub public_key: String,
    /// The signature verifies against the key and the stored file's hash.
    pub signature_valid: bool,
    pub revoked: Option<Revocation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Revocation {
    pub at: DateTime<Utc>,
    pub reason: String,
}

/// The answer to an uploaded file: is it the signed document, byte for byte?
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FileCheck {
    pub matches: bool,
    pub uploaded_sha256: String,
    pub uploaded_size: u64,
    pub document: DocumentVerification,
}

/// Revoke a signed document (admin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"reason": "Diterbitkan dengan nama penerima yang salah; diganti surat baru."})))]
#[serde(deny_unknown_fields)]
pub struct RevocationRequest {
    #[cfg_attr(
        feature = "server",
        validate(
            custom(function = "crate::validation::server::required"),
            custom(function = "crate::validation::server::long_text")
        )
    )]
    pub reason: String,
}
