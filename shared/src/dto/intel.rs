//! Threat intelligence the team shares with other CSIRTs: a ticket's observables (with the
//! analyst's "indicator yes/no") and the STIX 2.1 and MISP exports' parameters.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What an observable is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum ObservableKind {
    Url,
    Domain,
    Ipv4,
    Ipv6,
    /// A file's SHA-256 (a web shell, a dropped script).
    Sha256,
}

impl ObservableKind {
    pub const ALL: [ObservableKind; 5] = [
        ObservableKind::Url,
        ObservableKind::Domain,
        ObservableKind::Ipv4,
        ObservableKind::Ipv6,
        ObservableKind::Sha256,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ObservableKind::Url => "url",
            ObservableKind::Domain => "domain",
            ObservableKind::Ipv4 => "ipv4",
            ObservableKind::Ipv6 => "ipv6",
            ObservableKind::Sha256 => "sha256",
        }
    }
}

/// An observable of a ticket: from the report's affected system, or added by the team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Observable {
    pub id: i64,
    pub kind: ObservableKind,
    pub value: String,
    /// The analyst marks it as an indicator: the exports then carry a detection pattern (STIX
    /// `indicator`, MISP `to_ids`). Otherwise it is only what was observed.
    pub indicator: bool,
    /// Taken from the report's affected system at verification (not added by hand).
    pub from_report: bool,
}

/// An observable the team adds (an attacker's address, an injected link's domain, a web shell's hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"kind": "domain", "value": "slot-gacor.example", "indicator": true})))]
#[serde(deny_unknown_fields)]
pub struct NewObservable {
    pub kind: ObservableKind,
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 2048, code = "required")))]
    pub value: String,
    #[serde(default)]
    pub indicator: bool,
}

/// The switch on an observable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"indicator": true})))]
#[serde(deny_unknown_fields)]
pub struct ObservableUpdate {
    pub indicator: bool,
}

/// A ticket's export (`/stix`, `/misp`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ExportQuery {
    /// A head's explicit export of a TLP:RED ticket (refused with `409` otherwise).
    pub include_red: Option<bool>,
}

/// The periodic export for the national CSIRT: every verified ticket submitted in the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct BulkExportQuery {
    /// First day of submission, in the deployment's time zone.
    pub from: NaiveDate,
    /// Last day (inclusive). At most a year after `from`.
    pub to: NaiveDate,
    /// A head's explicit inclusion of TLP:RED tickets (left out otherwise, and counted in the
    /// `X-TTIS-Left-Out-Red` header).
    pub include_red: Option<bool>,
}
