//! Reporter access keys: 128 bits, printed in groups, forgiving to type, stored only as a hash.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::crypto::{random_hex, sha256_hex};

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
    sha256_hex(format!("ttis-access-key|{}", normalize_key(key)))
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
