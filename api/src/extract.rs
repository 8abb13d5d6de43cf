//! Request extractors: the signed-in staff member, the client's address, and validated JSON.

use actix_web::dev::Payload;
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use validator::Validate;

use std::net::IpAddr;

use crate::error::{ApiError, FieldIssue};
use crate::services::auth::{self, AuthUser, ClientInfo};
use crate::services::policy::Permission;
use crate::services::pse::Cidr;
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
    /// While the security policy waits for this account's second factor, nothing but its own
    /// account (the routes that do not ask here) can be reached.
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        if self.enrollment_required {
            return Err(ApiError::TotpEnrollmentRequired);
        }
        if permission.granted_to(&self.roles) { Ok(()) } else { Err(ApiError::Forbidden) }
    }
}

impl FromRequest for ClientInfo {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let trusted: Vec<Cidr> = req
            .app_data::<web::Data<AppState>>()
            .map(|s| s.settings.trusted_proxies.iter().filter_map(|p| Cidr::parse(p)).collect())
            .unwrap_or_default();
        let forwarded = req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok());
        let ip = req.peer_addr().map(|a| client_ip(a.ip(), forwarded, &trusted).to_string());
        let user_agent = req.headers().get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_string);
        std::future::ready(Ok(ClientInfo { ip, user_agent }))
    }
}

/// The client's address: the socket's peer, unless that peer is a trusted proxy; then the
/// right-most address in `X-Forwarded-For` that is not itself a trusted proxy (the left part of
/// the header is whatever the client wrote).
pub fn client_ip(peer: IpAddr, forwarded_for: Option<&str>, trusted: &[Cidr]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|c| c.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    let Some(header) = forwarded_for else { return peer };
    let mut client = peer;
    for hop in header.split(',').rev() {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) if is_trusted(ip) => client = ip,
            Ok(ip) => return ip,
            Err(_) => return client,
        }
    }
    client
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
        let json = web::Json::<serde_json::Value>::from_request(req, payload);
        Box::pin(async move {
            let outcome = match json.await {
                Ok(body) => object_of::<T>(body.into_inner())
                    .and_then(|body| body.validate().map(|()| body).map_err(ApiError::from))
                    .map_err(actix_web::Error::from),
                Err(e) => Err(e),
            };
            Ok(ValidJson(outcome))
        })
    }
}

/// A request body as `T`, which is always a JSON object: serde would also fill a struct from an
/// array (`[null, null]` as a change of nothing), which the schema does not allow.
pub fn object_of<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    if !value.is_object() {
        return Err(ApiError::InvalidBody("the body must be a JSON object".into()));
    }
    serde_json::from_value(value).map_err(|e| classify_serde(&e))
}

/// [`object_of`] for raw bytes (a multipart part); bytes that are not JSON are `400`.
pub fn object_from_slice<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| classify_serde(&e))?;
    object_of(value)
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
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        use super::{Cidr, client_ip};
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap_or(std::net::IpAddr::from([0, 0, 0, 0]));
        let proxy = vec![Cidr::parse("10.0.0.0/8").unwrap_or_else(|| panic!("cidr"))];
        assert_eq!(client_ip(ip("203.0.113.9"), Some("1.2.3.4"), &proxy), ip("203.0.113.9"), "untrusted peer");
        assert_eq!(client_ip(ip("10.0.0.2"), Some("1.2.3.4"), &proxy), ip("1.2.3.4"));
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("6.6.6.6, 1.2.3.4, 10.0.0.7"), &proxy),
            ip("1.2.3.4"),
            "spoofed left part ignored"
        );
        assert_eq!(client_ip(ip("10.0.0.2"), Some("garbage"), &proxy), ip("10.0.0.2"));
        assert_eq!(client_ip(ip("10.0.0.2"), None, &proxy), ip("10.0.0.2"));
        assert_eq!(client_ip(ip("10.0.0.2"), Some("1.2.3.4"), &[]), ip("10.0.0.2"), "no proxies configured");
    }

    #[test]
    fn names_the_missing_field() {
        assert_eq!(missing_field("missing field `password` at line 1 column 20").as_deref(), Some("password"));
        assert_eq!(missing_field("unknown field `x`"), None);
    }
}
