//! Password hashing with argon2id at the OWASP parameters (19 MiB, 2 passes, 1 lane),
//! which are the `argon2` crate's defaults.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use once_cell::sync::Lazy;

pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))
}

pub fn verify(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// Spends the same time as a real check, so an unknown email is not told apart by timing.
pub fn verify_dummy(password: &str) {
    static DUMMY: Lazy<String> = Lazy::new(|| hash("dummy-password-for-timing").unwrap_or_default());
    let _ = verify(password, &DUMMY);
}
