//! Staff accounts.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::Role;

/// A staff account as the API shows it (never with its password hash).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    /// A disabled account cannot sign in and its sessions have ended.
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
    /// A second factor (TOTP authenticator app) is enrolled.
    #[serde(default)]
    pub totp_enabled: bool,
}

/// Create a staff account (admin).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({
    "email": "analis@kukarkab.go.id", "name": "Rina Analis", "roles": ["analyst"],
    "password": "sandi-awal-yang-panjang"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateUserRequest {
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::email")))]
    pub email: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::name")))]
    pub name: String,
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::roles")))]
    pub roles: Vec<Role>,
    /// The first password; at least 12 characters.
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::password")))]
    pub password: String,
}

/// Change an account (admin). Absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"roles": ["analyst", "head"], "disabled": false, "password": "sandi-saya-saat-ini"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateUserRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::name")))]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::roles")))]
    pub roles: Option<Vec<Role>>,
    /// Disabling ends every session of the account at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// Step-up: this change needs the person, not only a session, so it carries the signed-in
    /// account's current password again (else `401 reauthentication_required`). Needed when
    /// `roles` changes the account's roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", schema(format = Password))]
    pub password: Option<String>,
    /// With `password`, for an account with a second factor: the authenticator app's current code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp: Option<String>,
}

/// Set a new password for an account (admin). Ends the account's sessions.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"new_password": "sandi-baru-yang-panjang", "password": "sandi-saya-saat-ini"})))]
#[serde(deny_unknown_fields)]
pub struct ResetPasswordRequest {
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::password")))]
    pub new_password: String,
    /// Step-up: the signed-in admin's own current password (else `401
    /// reauthentication_required`): whoever sets another person's password can act as them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", schema(format = Password))]
    pub password: Option<String>,
    /// With `password`, for an account with a second factor: the authenticator app's current code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp: Option<String>,
}

/// A page of accounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UserList {
    pub items: Vec<User>,
    pub total: u64,
}
