//! Access tokens: short-lived HS256 JWTs naming the user (`sub`) and the session (`sid`).
//! Only HS256 is accepted (algorithm allow-list); `exp`, `iat`, `aud`, `iss` and `sub` are required.

use std::time::Duration;

use anyhow::anyhow;
use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use ttis_shared::Role;

pub const AUDIENCE: &str = "ttis-lapor-api";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub sid: String,
    pub roles: Vec<Role>,
    pub iat: i64,
    pub exp: i64,
    pub aud: String,
    pub iss: String,
}

pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
    pub ttl: Duration,
}

impl TokenKeys {
    pub fn new(secret: &[u8], issuer: &str, ttl: Duration) -> anyhow::Result<TokenKeys> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.leeway = 5;
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[issuer]);
        validation.set_required_spec_claims(&["exp", "iat", "aud", "iss", "sub"]);
        Ok(TokenKeys {
            encoding: EncodingKey::from_secret(secret).map_err(|e| anyhow!("JWT key: {e}"))?,
            decoding: DecodingKey::from_secret(secret).map_err(|e| anyhow!("JWT key: {e}"))?,
            validation,
            issuer: issuer.to_string(),
            ttl,
        })
    }

    pub fn issue(&self, user_id: i64, session_id: &str, roles: &[Role]) -> anyhow::Result<String> {
        self.issue_at(user_id, session_id, roles, Utc::now().timestamp())
    }

    /// A token issued at `now` (Unix seconds): the same claims give the same token, which lets a
    /// refresh answer a concurrent replay with the pair it already issued instead of a new one.
    pub fn issue_at(&self, user_id: i64, session_id: &str, roles: &[Role], now: i64) -> anyhow::Result<String> {
        let claims = Claims {
            sub: user_id.to_string(),
            sid: session_id.to_string(),
            roles: roles.to_vec(),
            iat: now,
            exp: now + self.ttl.as_secs() as i64,
            aud: AUDIENCE.to_string(),
            iss: self.issuer.clone(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).map_err(|e| anyhow!("JWT: {e}"))
    }

    /// The claims of a valid token; `None` for anything else (bad signature, wrong algorithm,
    /// expired, wrong audience or issuer, malformed).
    pub fn verify(&self, token: &str) -> Option<Claims> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation).ok().map(|data| data.claims)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    use super::*;

    fn keys() -> TokenKeys {
        TokenKeys::new(&[7u8; 32], "http://ttis.test", Duration::from_secs(60)).unwrap()
    }

    #[test]
    fn issued_tokens_verify() {
        let k = keys();
        let t = k.issue(42, "s1", &[Role::Analyst]).unwrap();
        let c = k.verify(&t).unwrap();
        assert_eq!((c.sub.as_str(), c.sid.as_str(), c.roles), ("42", "s1", vec![Role::Analyst]));
    }

    #[test]
    fn tampered_foreign_and_unsigned_tokens_are_refused() {
        let k = keys();
        let t = k.issue(42, "s1", &[Role::Analyst]).unwrap();
        let mut parts: Vec<String> = t.split('.').map(str::to_string).collect();
        let mut claims: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(&parts[1]).unwrap()).unwrap();
        claims["roles"] = serde_json::json!(["admin"]);
        parts[1] = URL_SAFE_NO_PAD.encode(claims.to_string());
        assert!(k.verify(&parts.join(".")).is_none(), "tampered payload");

        let none_header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
        assert!(k.verify(&format!("{none_header}.{}.", parts[1])).is_none(), "alg none");

        let other = TokenKeys::new(&[8u8; 32], "http://ttis.test", Duration::from_secs(60)).unwrap();
        assert!(k.verify(&other.issue(42, "s1", &[]).unwrap()).is_none(), "other key");
        let other_iss = TokenKeys::new(&[7u8; 32], "http://evil.test", Duration::from_secs(60)).unwrap();
        assert!(k.verify(&other_iss.issue(42, "s1", &[]).unwrap()).is_none(), "other issuer");
    }

    #[test]
    fn expired_tokens_are_refused() {
        let k = keys();
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: "1".into(),
            sid: "s".into(),
            roles: vec![],
            iat: now - 600,
            exp: now - 300,
            aud: AUDIENCE.into(),
            iss: "http://ttis.test".into(),
        };
        let t = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(&[7u8; 32]).unwrap(),
        )
        .unwrap();
        assert!(k.verify(&t).is_none());
    }
}
