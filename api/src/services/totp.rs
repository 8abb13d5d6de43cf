//! Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA-1, six digits, 30-second
//! steps, the step before and after accepted for clock drift, and each step accepted once.

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha1::Sha1;

pub const STEP_SECS: i64 = 30;
pub const DIGITS: u32 = 6;
/// Steps either side of now that still count (phone clocks drift).
const DRIFT_STEPS: i64 = 1;
const SECRET_BYTES: usize = 20;
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A fresh 160-bit secret, base32 without padding (what authenticator apps take).
pub fn generate_secret() -> String {
    let mut buf = [0u8; SECRET_BYTES];
    rand::rng().fill_bytes(&mut buf);
    base32_encode(&buf)
}

pub fn base32_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(5) * 8);
    for chunk in data.chunks(5) {
        let mut block = [0u8; 5];
        block[..chunk.len()].copy_from_slice(chunk);
        let bits = block.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        let chars = (chunk.len() * 8).div_ceil(5);
        for i in 0..chars {
            let index = ((bits >> (35 - i * 5)) & 0x1f) as usize;
            out.push(char::from(ALPHABET[index]));
        }
    }
    out
}

pub fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| *c != '=' && !c.is_whitespace()) {
        let value = ALPHABET.iter().position(|a| char::from(*a) == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

/// The code of one step (RFC 4226 dynamic truncation).
pub fn code_at(secret: &[u8], step: i64) -> Option<u32> {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).ok()?;
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let word = u32::from_be_bytes([digest[offset], digest[offset + 1], digest[offset + 2], digest[offset + 3]]);
    Some((word & 0x7fff_ffff) % 10u32.pow(DIGITS))
}

pub fn step_of(unix_secs: i64) -> i64 {
    unix_secs.div_euclid(STEP_SECS)
}

/// The step whose code `code` is, if it is within the drift window of `unix_secs` and later than
/// `last_step` (a code is accepted once).
pub fn verify(secret_b32: &str, code: &str, unix_secs: i64, last_step: Option<i64>) -> Option<i64> {
    let secret = base32_decode(secret_b32)?;
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != DIGITS as usize || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let wanted: u32 = digits.parse().ok()?;
    let now = step_of(unix_secs);
    let mut matched = None;
    // Every candidate is computed, so the time does not tell which one matched.
    for step in (now - DRIFT_STEPS)..=(now + DRIFT_STEPS) {
        if code_at(&secret, step) == Some(wanted) && last_step.is_none_or(|last| step > last) {
            matched = Some(step);
        }
    }
    matched
}

/// The `otpauth://` URI that authenticator apps read from the QR code.
pub fn otpauth_uri(issuer: &str, account: &str, secret_b32: &str) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' => char::from(b).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    format!(
        "otpauth://totp/{}:{}?secret={secret_b32}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECS}",
        enc(issuer),
        enc(account),
        enc(issuer)
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 rows (the eight-digit values, taken mod 10^6).
    #[test]
    fn rfc6238_test_vectors() {
        let secret = b"12345678901234567890";
        for (time, expected) in [
            (59i64, 94_287_082u32),
            (1_111_111_109, 7_081_804),
            (1_111_111_111, 14_050_471),
            (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037),
            (20_000_000_000, 65_353_130),
        ] {
            assert_eq!(code_at(secret, step_of(time)), Some(expected % 1_000_000), "t={time}");
        }
    }

    #[test]
    fn base32_round_trips_and_matches_rfc4648() {
        assert_eq!(base32_encode(b"foobar"), "MZXW6YTBOI");
        assert_eq!(base32_decode("MZXW6YTBOI======").unwrap(), b"foobar");
        let s = generate_secret();
        assert_eq!(s.len(), 32);
        assert_eq!(base32_decode(&s).unwrap().len(), SECRET_BYTES);
    }

    #[test]
    fn codes_work_within_the_window_and_once() {
        let secret = base32_encode(b"12345678901234567890");
        let code = format!("{:06}", code_at(b"12345678901234567890", step_of(1_111_111_111)).unwrap());
        let step = verify(&secret, &code, 1_111_111_111, None).unwrap();
        assert_eq!(verify(&secret, &code, 1_111_111_111 + 30, None), Some(step), "one step late");
        assert_eq!(verify(&secret, &code, 1_111_111_111 + 90, None), None, "three steps late");
        assert_eq!(verify(&secret, &code, 1_111_111_111, Some(step)), None, "replayed");
        assert_eq!(verify(&secret, "12345", 1_111_111_111, None), None);
        assert_eq!(verify(&secret, "abcdef", 1_111_111_111, None), None);
    }

    #[test]
    fn otpauth_uri_is_encoded() {
        let uri = otpauth_uri("TTIS Lapor", "rina@kukarkab.go.id", "ABC");
        assert_eq!(
            uri,
            "otpauth://totp/TTIS%20Lapor:rina@kukarkab.go.id?secret=ABC&issuer=TTIS%20Lapor&algorithm=SHA1&digits=6&period=30"
        );
    }
}
