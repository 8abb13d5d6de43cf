//! The report form's proof-of-work: a self-hosted alternative to third-party CAPTCHAs. The server
//! hands out a signed challenge; the browser finds a nonce such that SHA-256(`challenge:nonce`)
//! begins with `difficulty` zero bits (about 2^difficulty hashes of work); the server checks it
//! with one hash.

use sha2::{Digest, Sha256};

/// The number of leading zero bits of SHA-256(`challenge:nonce`).
pub fn leading_zero_bits(challenge: &str, nonce: &str) -> u32 {
    let digest =
        Sha256::new().chain_update(challenge.as_bytes()).chain_update(b":").chain_update(nonce.as_bytes()).finalize();
    let mut bits = 0;
    for byte in digest {
        if byte == 0 {
            bits += 8;
        } else {
            bits += byte.leading_zeros();
            break;
        }
    }
    bits
}

pub fn is_solution(challenge: &str, nonce: &str, difficulty: u8) -> bool {
    nonce.len() <= 32 && leading_zero_bits(challenge, nonce) >= u32::from(difficulty)
}

/// Finds a nonce (the browser's side). Returns `None` after `max_tries`.
pub fn solve(challenge: &str, difficulty: u8, max_tries: u64) -> Option<String> {
    (0..max_tries).map(|n| n.to_string()).find(|nonce| is_solution(challenge, nonce, difficulty))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_found_nonce_is_a_solution_and_others_are_not() {
        let nonce = solve("abc.123", 10, 1_000_000);
        assert!(nonce.is_some());
        let nonce = nonce.unwrap_or_default();
        assert!(is_solution("abc.123", &nonce, 10));
        assert!(!is_solution("abc.124", &nonce, 10) || leading_zero_bits("abc.124", &nonce) >= 10);
        assert!(is_solution("anything", "0", 0));
        assert!(!is_solution("anything", &"9".repeat(33), 0), "bounded nonce length");
    }
}
