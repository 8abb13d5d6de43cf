//! Electronic signatures over final documents. The workflow talks to one trait, [`DocumentSigner`];
//! the local Ed25519 key is the implementation now, and a certified service (BSrE) can take its
//! place later without touching the workflow.
//!
//! What is signed is the PDF's SHA-256 (the 32 raw bytes), so anyone holding the public key can
//! check a file with standard tools.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

/// A signature as stored beside a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub algorithm: String,
    pub key_id: String,
    /// Base64.
    pub signature: String,
}

#[async_trait::async_trait]
pub trait DocumentSigner: Send + Sync {
    /// `ed25519`, or the remote scheme's name.
    fn algorithm(&self) -> &'static str;
    fn key_id(&self) -> &str;
    /// The raw public key, as published on the verification page.
    fn public_key(&self) -> Vec<u8>;
    /// Signs a document's SHA-256. Async because a remote signer is a network call.
    async fn sign(&self, sha256: &[u8; 32]) -> anyhow::Result<Signed>;
}

/// The agency's own Ed25519 key.
pub struct LocalEd25519Signer {
    key: SigningKey,
    key_id: String,
}

impl LocalEd25519Signer {
    pub fn from_seed(seed: &[u8; 32]) -> LocalEd25519Signer {
        let key = SigningKey::from_bytes(seed);
        let key_id = key_id_of(key.verifying_key().as_bytes());
        LocalEd25519Signer { key, key_id }
    }
}

/// A key's id: the first 16 hex characters of the SHA-256 of the public key.
pub fn key_id_of(public_key: &[u8]) -> String {
    hex::encode(&Sha256::digest(public_key)[..8])
}

#[async_trait::async_trait]
impl DocumentSigner for LocalEd25519Signer {
    fn algorithm(&self) -> &'static str {
        "ed25519"
    }

    fn key_id(&self) -> &str {
        &self.key_id
    }

    fn public_key(&self) -> Vec<u8> {
        self.key.verifying_key().as_bytes().to_vec()
    }

    async fn sign(&self, sha256: &[u8; 32]) -> anyhow::Result<Signed> {
        let signature = self.key.sign(sha256);
        Ok(Signed {
            algorithm: self.algorithm().into(),
            key_id: self.key_id.clone(),
            signature: STANDARD.encode(signature.to_bytes()),
        })
    }
}

/// Checks a stored signature: `false` for anything that does not verify, including an unknown
/// algorithm or malformed key or signature.
pub fn verify(algorithm: &str, public_key_b64: &str, sha256_hex: &str, signature_b64: &str) -> bool {
    if algorithm != "ed25519" {
        return false;
    }
    let Ok(key) = STANDARD.decode(public_key_b64) else { return false };
    let Ok(key): Result<[u8; 32], _> = key.try_into() else { return false };
    let Ok(key) = VerifyingKey::from_bytes(&key) else { return false };
    let Ok(sig) = STANDARD.decode(signature_b64) else { return false };
    let Ok(sig): Result<[u8; 64], _> = sig.try_into() else { return false };
    let Ok(digest) = hex::decode(sha256_hex) else { return false };
    key.verify(&digest, &Signature::from_bytes(&sig)).is_ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_signature_verifies_and_a_changed_hash_does_not() {
        let signer = LocalEd25519Signer::from_seed(&[7u8; 32]);
        let digest: [u8; 32] = Sha256::digest(b"%PDF-1.7 letter").into();
        let signed = signer.sign(&digest).await.unwrap();
        let public = STANDARD.encode(signer.public_key());
        assert_eq!(signed.key_id, key_id_of(&signer.public_key()));
        assert_eq!(signed.key_id.len(), 16);
        assert!(verify("ed25519", &public, &hex::encode(digest), &signed.signature));
        let other: [u8; 32] = Sha256::digest(b"%PDF-1.7 letter.").into();
        assert!(!verify("ed25519", &public, &hex::encode(other), &signed.signature));
        let stranger = STANDARD.encode(LocalEd25519Signer::from_seed(&[8u8; 32]).public_key());
        assert!(!verify("ed25519", &stranger, &hex::encode(digest), &signed.signature));
        assert!(!verify("rsa", &public, &hex::encode(digest), &signed.signature));
        assert!(!verify("ed25519", "not base64!", &hex::encode(digest), &signed.signature));
    }
}
