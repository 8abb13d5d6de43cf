//! Request extractors: the signed-in staff member, the client's address, and validated JSON.

use actix_web::dev::Payload;
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use validator::Validate;

use crate::error::{ApiError, FieldIssue};
use crate::services::auth::{self, AuthUser, ClientInfo};
use crate::services::policy::Permission;
use crate::state::AppState;

fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_string()).filter(|t| !t.is_empty())
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_token(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("application state missing")))?;
            let token = token.ok_or(ApiError::Unauthenticated)?;
            auth::authenticate(&state, &token).await
        })
    }
}

impl AuthUser {
    /// The one role check: `403` unless one of the user's roles grants the permission.
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        if permission.granted_to(&self.roles) { Ok(()) } else { Err(ApiError::Forbidden) }
    }
}

impl FromRequest for ClientInfo {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // The socket's peer. Forwarded headers are trusted only behind a configured proxy (later).
        let ip = req.peer_addr().map(|a| a.ip().to_string());
        let user_agent = req.headers().get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_string);
        std::future::ready(Ok(ClientInfo { ip, user_agent }))
    }
}

/// A JSON body that parsed and passed its `validator` rules (which are the shared crate's rules).
///
/// The outcome is kept, not raised, until the handler asks for it with [`ValidJson::into_inner`]
/// after its authorisation checks: a caller without the right gets `401` / `403`, never a
/// validation answer that tells them about the body.
pub struct ValidJson<T>(Result<T, actix_web::Error>);

impl<T> ValidJson<T> {
    pub fn into_inner(self) -> Result<T, actix_web::Error> {
        self.0
    }
}

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidJson<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = web::Json::<T>::from_request(req, payload);
        Box::pin(async move {
            let outcome = match json.await {
                Ok(body) => {
                    let body = body.into_inner();
                    body.validate().map(|()| body).map_err(|e| ApiError::from(e).into())
                }
                Err(e) => Err(e),
            };
            Ok(ValidJson(outcome))
        })
    }
}

/// Maps actix's JSON errors to problems: wrong content type 415, too large 413, not JSON 400,
/// a missing field 422 naming it, other schema mismatches 422.
pub fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let api = match &err {
        JsonPayloadError::ContentType => ApiError::UnsupportedMediaType,
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => ApiError::PayloadTooLarge,
        JsonPayloadError::Deserialize(e) => classify_serde(e),
        other => ApiError::MalformedBody(other.to_string()),
    };
    api.into()
}

/// A JSON body that did not deserialize: not JSON at all is `400`; JSON that misses a field is
/// `422` naming it; other schema mismatches are `422 invalid_body`.
pub fn classify_serde(e: &serde_json::Error) -> ApiError {
    if !e.is_data() {
        return ApiError::MalformedBody(e.to_string());
    }
    let message = e.to_string();
    match missing_field(&message) {
        Some(field) => {
            ApiError::Validation(vec![FieldIssue { field, violation: ttis_shared::validation::Violation::Required }])
        }
        None => ApiError::InvalidBody(message),
    }
}

fn missing_field(serde_message: &str) -> Option<String> {
    let rest = serde_message.strip_prefix("missing field `")?;
    rest.split_once('`').map(|(name, _)| name.to_string())
}

pub fn path_error(err: PathError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::InvalidParameter(err.to_string()).into()
}

pub fn query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::InvalidParameter(err.to_string()).into()
}

#[cfg(test)]
mod tests {
    use super::missing_field;

    #[test]
    fn names_the_missing_field() {
        assert_eq!(missing_field("missing field `password` at line 1 column 20").as_deref(), Some("password"));
        assert_eq!(missing_field("unknown field `x`"), None);
    }
}
