//! Password hashing with argon2id at the OWASP parameters (19 MiB, 2 passes, 1 lane),
//! which are the `argon2` crate's defaults.
//!
//! A hash costs tens of milliseconds of CPU and 19 MiB of memory, so the async entry
//! points (`hash_async`, `verify_async`) run it on the blocking pool behind a semaphore
//! sized to the cores: a burst of logins or sign-ups queues instead of starving the
//! async workers or exhausting memory. The sync functions are for callers that are
//! already off the async workers (the CLI).

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use once_cell::sync::Lazy;
use tokio::sync::Semaphore;

use crate::error::{AppError, AppResult};

static HASHING: Lazy<Semaphore> = Lazy::new(|| Semaphore::new(std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2)));

pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| anyhow::anyhow!("argon2: {e}"))
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

async fn bounded<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
    let _permit = HASHING.acquire().await.map_err(|e| AppError::internal(format!("hashing semaphore: {e}")))?;
    actix_web::web::block(f).await.map_err(|e| AppError::internal(format!("blocking task failed: {e}")))
}

/// Hashes off the async workers, at most one hash per core at a time.
pub async fn hash_async(password: String) -> AppResult<String> {
    bounded(move || hash(&password)).await?.map_err(|e| AppError::internal(e.to_string()))
}

/// Checks `password` against `stored`, or against a dummy hash when there is no account,
/// off the async workers and bounded like `hash_async`.
pub async fn verify_async(password: String, stored: Option<String>) -> AppResult<bool> {
    bounded(move || match stored {
        Some(h) => verify(&password, &h),
        None => {
            verify_dummy(&password);
            false
        }
    })
    .await
}
