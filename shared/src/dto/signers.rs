//! Signer profiles: who signs a letter or certificate, and in which capacity. Each account with
//! the head role has one; a signed document carries the profile as it was at signing, so a later
//! edit never changes a signed document. The rule for the lines above the signature (Permendagri
//! 1/2023) lives here, so the server's PDFs and the SPA's preview print the same words.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::Lang;

/// In which capacity the head signs (Permendagri 1/2023 on *naskah dinas*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SigningCapacity {
    /// The head of the agency, signing as such.
    #[default]
    Definitive,
    /// *Pelaksana Tugas*: appointed to carry out the head's duties while the post is vacant.
    Plt,
    /// *Pelaksana Harian*: standing in while the head is away.
    Plh,
    /// *Atas nama* (a.n.): an official signing on the head's behalf, under their own title.
    OnBehalf,
}

impl SigningCapacity {
    pub const ALL: [SigningCapacity; 4] =
        [SigningCapacity::Definitive, SigningCapacity::Plt, SigningCapacity::Plh, SigningCapacity::OnBehalf];

    pub fn as_str(self) -> &'static str {
        match self {
            SigningCapacity::Definitive => "definitive",
            SigningCapacity::Plt => "plt",
            SigningCapacity::Plh => "plh",
            SigningCapacity::OnBehalf => "on_behalf",
        }
    }

    pub fn parse(s: &str) -> Option<SigningCapacity> {
        SigningCapacity::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SigningCapacity::Definitive, Lang::Id) => "Definitif (Kepala Dinas)",
            (SigningCapacity::Definitive, Lang::En) => "Definitive (head of the agency)",
            (SigningCapacity::Plt, Lang::Id) => "Plt. (Pelaksana Tugas) Kepala Dinas",
            (SigningCapacity::Plt, Lang::En) => "Plt. (acting head, post vacant)",
            (SigningCapacity::Plh, Lang::Id) => "Plh. (Pelaksana Harian) Kepala Dinas",
            (SigningCapacity::Plh, Lang::En) => "Plh. (standing in while the head is away)",
            (SigningCapacity::OnBehalf, Lang::Id) => "a.n. Kepala Dinas (atas nama, dengan jabatan sendiri)",
            (SigningCapacity::OnBehalf, Lang::En) => "a.n. (on the head's behalf, under one's own title)",
        }
    }
}

/// A head's signer profile, as it is edited (`PUT /auth/signer-profile`, `PUT
/// /users/{id}/signer-profile`). Fields may stay empty while it is being filled in; a head
/// approves only with every field filled ([`missing_fields`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({
    "full_name": "Dr. H. Ahmad Yani, S.Kom., M.Si.", "nip": "197001011995031001",
    "rank": "Pembina Utama Muda (IV/c)", "position_title": "Kepala Dinas Komunikasi dan Informatika",
    "capacity": "definitive"
})))]
#[serde(deny_unknown_fields)]
pub struct SignerProfile {
    /// The name as printed under the signature, with academic titles.
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::optional_line")))]
    pub full_name: String,
    /// *NIP*: 18 digits.
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::nip")))]
    pub nip: String,
    /// *Pangkat/golongan* (`Pembina Utama Muda (IV/c)`).
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::optional_line")))]
    pub rank: String,
    /// The signer's own position (`Kepala Dinas Komunikasi dan Informatika`, or `Sekretaris` for
    /// someone who signs a.n.).
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::optional_line")))]
    pub position_title: String,
    pub capacity: SigningCapacity,
}

/// A signer profile as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SignerProfileView {
    pub user_id: i64,
    pub profile: SignerProfile,
    /// Every field is filled: this account's approvals can be signed.
    pub complete: bool,
    /// The fields still empty (`full_name`, `nip`, `rank`, `position_title`).
    pub missing: Vec<String>,
    /// The lines printed above the signature with this profile and the organisation's head title.
    pub signature_lines: Vec<String>,
    /// The organisation's title of its head, which Plt., Plh. and a.n. signatures name.
    pub head_title: String,
    /// `None` while no profile was saved.
    pub updated_at: Option<DateTime<Utc>>,
}

/// The fields of a profile that are still empty, by their JSON names.
pub fn missing_fields(p: &SignerProfile) -> Vec<&'static str> {
    [("full_name", &p.full_name), ("nip", &p.nip), ("rank", &p.rank), ("position_title", &p.position_title)]
        .into_iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(k, _)| k)
        .collect()
}

/// The lines above the signature (Permendagri 1/2023), in capitals with their punctuation:
/// `KEPALA DINAS ...,` signing definitively; `Plt. KEPALA DINAS ...,` or `Plh. ...,` standing in;
/// `a.n. KEPALA DINAS ...` then the signer's own title (`SEKRETARIS,`) signing on behalf.
/// `head_title` is the organisation's title of its head (`Kepala Dinas Komunikasi dan
/// Informatika`).
pub fn signature_lines(capacity: SigningCapacity, position_title: &str, head_title: &str) -> Vec<String> {
    let head = head_title.trim().to_uppercase();
    let own = position_title.trim().to_uppercase();
    match capacity {
        SigningCapacity::Definitive => vec![format!("{},", if own.is_empty() { head } else { own })],
        SigningCapacity::Plt => vec![format!("Plt. {head},")],
        SigningCapacity::Plh => vec![format!("Plh. {head},")],
        SigningCapacity::OnBehalf => vec![format!("a.n. {head}"), format!("{own},")],
    }
}

/// The one-line form of the signature lines, for the verification page and the audit log
/// (`a.n. Kepala Dinas Komunikasi dan Informatika, Sekretaris`).
pub fn signer_title(capacity: SigningCapacity, position_title: &str, head_title: &str) -> String {
    let head = head_title.trim();
    let own = position_title.trim();
    match capacity {
        SigningCapacity::Definitive => if own.is_empty() { head } else { own }.to_string(),
        SigningCapacity::Plt => format!("Plt. {head}"),
        SigningCapacity::Plh => format!("Plh. {head}"),
        SigningCapacity::OnBehalf => format!("a.n. {head}, {own}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "Kepala Dinas Komunikasi dan Informatika";

    #[test]
    fn the_lines_follow_the_capacity() {
        assert_eq!(
            signature_lines(SigningCapacity::Definitive, HEAD, HEAD),
            ["KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,"]
        );
        assert_eq!(
            signature_lines(SigningCapacity::Plt, "Sekretaris", HEAD),
            ["Plt. KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,"]
        );
        assert_eq!(
            signature_lines(SigningCapacity::Plh, "Kepala Bidang Persandian", HEAD),
            ["Plh. KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,"]
        );
        assert_eq!(
            signature_lines(SigningCapacity::OnBehalf, "Sekretaris", HEAD),
            ["a.n. KEPALA DINAS KOMUNIKASI DAN INFORMATIKA", "SEKRETARIS,"]
        );
        assert_eq!(
            signer_title(SigningCapacity::OnBehalf, "Sekretaris", HEAD),
            "a.n. Kepala Dinas Komunikasi dan Informatika, Sekretaris"
        );
    }

    #[test]
    fn missing_fields_are_named() {
        let mut p = SignerProfile { full_name: "Dr. A".into(), nip: " ".into(), ..SignerProfile::default() };
        assert_eq!(missing_fields(&p), ["nip", "rank", "position_title"]);
        p.nip = "197001011995031001".into();
        p.rank = "Pembina".into();
        p.position_title = "Kepala Dinas".into();
        assert!(missing_fields(&p).is_empty());
    }

    #[test]
    fn capacities_round_trip() {
        for c in SigningCapacity::ALL {
            assert_eq!(SigningCapacity::parse(c.as_str()), Some(c));
            assert_ne!(c.label(Lang::Id), c.label(Lang::En));
        }
    }
}
