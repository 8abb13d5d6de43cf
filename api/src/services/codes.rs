//! What reporters type: the ticket code and the access key, as newtypes that normalise on parse,
//! so a code or key typed with other case, spaces or dashes finds the same ticket. Access keys
//! are 128 bits, printed in groups, forgiving to type, and stored only as a hash.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::crypto::{random_hex, sha256_hex};

/// A ticket code as people type it, trimmed and upper-cased (`ttis-2026-000123 ` →
/// `TTIS-2026-000123`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketCode(String);

impl TicketCode {
    pub fn parse(input: &str) -> TicketCode {
        TicketCode(input.trim().to_uppercase())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for TicketCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A reporter's access key in its canonical form: case, dashes and spaces do not matter, and
/// I/L read as 1 and O as 0.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessKey(String);

impl AccessKey {
    pub fn parse(input: &str) -> AccessKey {
        AccessKey(normalize_key(input))
    }

    /// What is stored: the key itself never is.
    pub fn hash(&self) -> String {
        sha256_hex(format!("ttis-access-key|{}", self.0))
    }
}

/// Never printed: a key in a log line would be a key handed out.
impl std::fmt::Debug for AccessKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AccessKey(..)")
    }
}

/// Access keys: 128 bits, shown as 26 Crockford base-32 characters in groups of four.
pub const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

pub fn format_key(bytes: &[u8; 16]) -> String {
    let mut value = u128::from_be_bytes(*bytes);
    let mut chars = Vec::with_capacity(26);
    for _ in 0..26 {
        chars.push(CROCKFORD[(value & 31) as usize] as char);
        value >>= 5;
    }
    chars.reverse();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// The canonical form people may type differently (case, dashes, spaces, I/L for 1, O for 0).
pub fn normalize_key(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            other => other,
        })
        .collect()
}

pub fn key_hash(key: &str) -> String {
    AccessKey::parse(key).hash()
}

/// A random key, or (with an idempotency key) one derived from the server secret, so that a
/// retried submission answers with the same key without the key ever being stored.
pub fn access_key(secret: &[u8], idempotency: Option<&(String, String)>) -> String {
    let mut bytes = [0u8; 16];
    match idempotency {
        Some((key, hash)) => {
            if let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) {
                mac.update(format!("ttis-access-key|{key}|{hash}").as_bytes());
                bytes.copy_from_slice(&mac.finalize().into_bytes()[..16]);
            }
        }
        None => {
            let random = hex::decode(random_hex(16)).unwrap_or_default();
            bytes.copy_from_slice(&random[..16.min(random.len())]);
        }
    }
    format_key(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_keys_normalise_on_parse() {
        assert_eq!(TicketCode::parse("  ttis-2026-000123 ").as_str(), "TTIS-2026-000123");
        assert_eq!(AccessKey::parse("ab-io lo"), AccessKey::parse("AB1010"));
        assert_eq!(format!("{:?}", AccessKey::parse("secret")), "AccessKey(..)");
    }

    #[test]
    fn keys_are_128_bits_in_readable_groups_and_forgiving_to_type() {
        let key = format_key(&[0xAB; 16]);
        assert_eq!(key.len(), 26 + 6);
        assert_eq!(key.split('-').count(), 7);
        assert_eq!(key_hash(&key), key_hash(&key.to_lowercase().replace('-', " ")));
        assert_eq!(normalize_key("ab-IO-lo"), "AB1010");
        let a = access_key(b"s", None);
        let b = access_key(b"s", None);
        assert_ne!(a, b);
        let idem = ("k1".to_string(), "h".to_string());
        assert_eq!(access_key(b"s", Some(&idem)), access_key(b"s", Some(&idem)));
        assert_ne!(access_key(b"s", Some(&idem)), access_key(b"t", Some(&idem)));
    }
}
