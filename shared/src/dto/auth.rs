//! Sign-in and the current session.

use serde::{Deserialize, Serialize};

use super::users::User;

/// Staff sign-in with email and password.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, validator::Validate))]
#[cfg_attr(feature = "server", schema(example = json!({"email": "analis@kukarkab.go.id", "password": "kata-sandi-panjang-sekali"})))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::email")))]
    pub email: String,
    #[cfg_attr(feature = "server", validate(length(min = 1, max = 1024, code = "required")))]
    pub password: String,
    /// The authenticator app's current code, for accounts with a second factor (the first
    /// attempt without it answers `401 totp_required`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", validate(custom(function = "crate::validation::server::totp_code")))]
    pub totp: Option<String>,
}

/// A short-lived access token. The refresh token travels only in the `ttis_refresh` cookie
/// (HttpOnly, SameSite=Strict), never in a body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    /// A JWT (HS256) to send as `Authorization: Bearer <token>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until `access_token` expires.
    pub expires_in: u64,
    /// The signed-in user.
    pub user: User,
}
