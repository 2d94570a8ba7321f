//! Field encryption for secrets at rest (the W-9 TIN): AES-256-GCM with a fresh random
//! 96-bit nonce per write and the owning record's id as associated data, so a ciphertext
//! copied onto another record does not decrypt. Stored as `v1:` + base64(nonce ||
//! ciphertext+tag) next to a key id (the first 8 hex characters of SHA-256 of the key),
//! which tells which key wrote a value once `APP_ENCRYPTION_KEY` rotates.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

const VERSION_PREFIX: &str = "v1:";
const NONCE_LEN: usize = 12;

/// A sealed value as stored: the ciphertext text and the id of the key that sealed it.
#[derive(Clone, PartialEq, Eq)]
pub struct Sealed {
    pub ciphertext: String,
    pub key_id: String,
}

impl std::fmt::Debug for Sealed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sealed").field("key_id", &self.key_id).finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("the stored value is not in the v1 format")]
    Format,
    #[error("the value was sealed with key {stored}, not with the current key {current}")]
    WrongKey { stored: String, current: String },
    #[error("the value does not decrypt: wrong key, wrong record or tampered")]
    Decrypt,
}

/// First 8 hex characters of SHA-256 of the key: safe to store and log.
pub fn key_id(key: &[u8; 32]) -> String {
    hex::encode(Sha256::digest(key))[..8].to_string()
}

/// Encrypts `plaintext` for the record `aad` (e.g. the freelancer id).
pub fn seal(key: &[u8; 32], aad: &str, plaintext: &str) -> Sealed {
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(*key));
    let mut nonce = [0u8; NONCE_LEN];
    rand::thread_rng().fill_bytes(&mut nonce);
    let ciphertext = cipher
        .encrypt(&Nonce::from(nonce), Payload { msg: plaintext.as_bytes(), aad: aad.as_bytes() })
        .expect("AES-GCM encryption of a small buffer cannot fail");
    let mut out = Vec::with_capacity(NONCE_LEN + ciphertext.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ciphertext);
    Sealed { ciphertext: format!("{VERSION_PREFIX}{}", STANDARD.encode(out)), key_id: key_id(key) }
}

/// Decrypts a value sealed by [`seal`] for the same record with the same key.
pub fn open(key: &[u8; 32], aad: &str, sealed: &Sealed) -> Result<String, CryptoError> {
    let current = key_id(key);
    if sealed.key_id != current {
        return Err(CryptoError::WrongKey { stored: sealed.key_id.clone(), current });
    }
    let encoded = sealed.ciphertext.strip_prefix(VERSION_PREFIX).ok_or(CryptoError::Format)?;
    let bytes = STANDARD.decode(encoded).map_err(|_| CryptoError::Format)?;
    if bytes.len() <= NONCE_LEN {
        return Err(CryptoError::Format);
    }
    let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
    let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| CryptoError::Format)?;
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(*key));
    let plain = cipher.decrypt(&Nonce::from(nonce), Payload { msg: ciphertext, aad: aad.as_bytes() }).map_err(|_| CryptoError::Decrypt)?;
    String::from_utf8(plain).map_err(|_| CryptoError::Decrypt)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7u8; 32];
    const OTHER: [u8; 32] = [9u8; 32];

    #[test]
    fn round_trip_with_a_fresh_nonce_each_time() {
        let a = seal(&KEY, "fl_1", "457555462");
        let b = seal(&KEY, "fl_1", "457555462");
        assert!(a.ciphertext.starts_with("v1:"));
        assert_ne!(a.ciphertext, b.ciphertext, "a new nonce per write");
        assert!(!a.ciphertext.contains("457555462"));
        assert_eq!(a.key_id.len(), 8);
        assert_eq!(a.key_id, key_id(&KEY));
        assert_eq!(open(&KEY, "fl_1", &a).unwrap(), "457555462");
        assert_eq!(open(&KEY, "fl_1", &b).unwrap(), "457555462");
        assert!(!format!("{a:?}").contains(&a.ciphertext), "Debug hides the ciphertext");
    }

    #[test]
    fn wrong_key_fails() {
        let sealed = seal(&KEY, "fl_1", "457555462");
        assert!(matches!(open(&OTHER, "fl_1", &sealed), Err(CryptoError::WrongKey { .. })));
        // Even with a forged key id, the other key cannot decrypt.
        let forged = Sealed { key_id: key_id(&OTHER), ..sealed };
        assert_eq!(open(&OTHER, "fl_1", &forged), Err(CryptoError::Decrypt));
    }

    #[test]
    fn another_record_cannot_use_the_ciphertext() {
        let sealed = seal(&KEY, "fl_1", "457555462");
        assert_eq!(open(&KEY, "fl_2", &sealed), Err(CryptoError::Decrypt));
    }

    #[test]
    fn tampered_ciphertext_fails() {
        let sealed = seal(&KEY, "fl_1", "457555462");
        let mut bytes = STANDARD.decode(sealed.ciphertext.strip_prefix("v1:").unwrap()).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x01;
        let tampered = Sealed { ciphertext: format!("v1:{}", STANDARD.encode(&bytes)), key_id: sealed.key_id.clone() };
        assert_eq!(open(&KEY, "fl_1", &tampered), Err(CryptoError::Decrypt));
        bytes[NONCE_LEN] ^= 0x80;
        let tampered = Sealed { ciphertext: format!("v1:{}", STANDARD.encode(&bytes)), key_id: sealed.key_id.clone() };
        assert_eq!(open(&KEY, "fl_1", &tampered), Err(CryptoError::Decrypt));
        for bad in ["457555462", "v2:AAAA", "v1:not base64!", "v1:AAAA"] {
            let s = Sealed { ciphertext: bad.into(), key_id: sealed.key_id.clone() };
            assert_eq!(open(&KEY, "fl_1", &s), Err(CryptoError::Format), "{bad}");
        }
    }
}
