//! The first admin's setup checklist: what is still a default that an agency would not put its
//! name on (`GET /setup-checklist`).

use serde::{Deserialize, Serialize};

/// One thing to set up, in the order an admin would do them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SetupItemKey {
    /// Every active head account has a complete signer profile (and there is at least one).
    SignerProfiles,
    /// The letterhead has the agency's own logo, not the built-in padlock.
    Logo,
    /// The letterhead's address and phone are the agency's, not the seed.
    Contact,
    /// The PSE register lists at least one operator (letters find their addressee).
    PseRegister,
    /// Mail goes out through SMTP (`TTIS_SMTP_URL`), not into a local folder.
    Mail,
    /// The security policy requires a second factor of admins and heads.
    SecondFactor,
}

impl SetupItemKey {
    pub const ALL: [SetupItemKey; 6] = [
        SetupItemKey::SignerProfiles,
        SetupItemKey::Logo,
        SetupItemKey::Contact,
        SetupItemKey::PseRegister,
        SetupItemKey::Mail,
        SetupItemKey::SecondFactor,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SetupItem {
    pub key: SetupItemKey,
    pub done: bool,
    /// What is still missing, where there is a list (the heads whose signer profile is incomplete).
    #[serde(default)]
    pub pending: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SetupChecklist {
    pub items: Vec<SetupItem>,
    /// Every item is done (the SPA then hides the checklist).
    pub complete: bool,
}
