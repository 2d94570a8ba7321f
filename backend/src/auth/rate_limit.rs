//! Throttling of guessable endpoints (login, sign-up, verification re-send), kept in the
//! database so that every instance counts the same attempts: one counter row per key
//! (`login:account:<email>`, `login:ip:<address>`, …) in `auth_throttle`.
//!
//! Growing delays instead of a lock-out: the first `free` attempts of a key go through;
//! from then on each attempt closes the key for `base × 2^(n − free)` seconds, capped at
//! 15 minutes. While a key is closed, attempts are refused with 429 (`Retry-After` and
//! the wait in `detail`) and are NOT counted, so a stranger hammering a victim's account
//! cannot push the wait beyond the cap: the owner is never kept out for more than 15
//! minutes at a time, and a successful login resets the account's counter. A stranger
//! gets at most one guess per 15 minutes per account, and the per-IP key limits how many
//! accounts one address can try. A key forgets its failures after an hour of quiet.
//!
//! Check and record are one step: `reserve` counts the attempt *before* the password is
//! checked, under a row lock (`SELECT … FOR UPDATE` on PostgreSQL; SQLite's
//! `BEGIN IMMEDIATE` already serialises writers), so twenty parallel guesses see each
//! other's counts and exactly `free` of them reach the password check. A success then
//! hands the reservation back (`forgive` for the account, `release` for the address).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::auth_throttle;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};

pub const MAX_WAIT_SECONDS: i64 = 15 * 60;

/// How many attempts a key gets before delays start, and how they grow.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub free: i32,
    pub base_seconds: i64,
    pub quiet_reset_minutes: i64,
}

/// Wrong passwords for one account.
pub const LOGIN_ACCOUNT: Policy = Policy { free: 5, base_seconds: 15, quiet_reset_minutes: 60 };
/// Wrong passwords from one address, whatever the account.
pub const LOGIN_IP: Policy = Policy { free: 30, base_seconds: 15, quiet_reset_minutes: 60 };
/// Sign-ups from one address (each one hashes a password).
pub const REGISTER_IP: Policy = Policy { free: 50, base_seconds: 15, quiet_reset_minutes: 60 };
/// Verification emails one account can ask for.
pub const RESEND_ACCOUNT: Policy = Policy { free: 3, base_seconds: 60, quiet_reset_minutes: 60 };
/// Verification emails asked for from one address.
pub const RESEND_IP: Policy = Policy { free: 20, base_seconds: 60, quiet_reset_minutes: 60 };
/// Password-reset links asked for one address (typed, whether or not it has an account).
pub const RESET_ACCOUNT: Policy = Policy { free: 3, base_seconds: 60, quiet_reset_minutes: 60 };
/// Password-reset links asked for from one address.
pub const RESET_IP: Policy = Policy { free: 20, base_seconds: 60, quiet_reset_minutes: 60 };

/// When this many attempts or fewer remain before the delays start, the login says so.
pub const WARN_WHEN_REMAINING: i32 = 2;

/// Keyed by the address as it is compared at sign-up (lowercased NFC), so spellings of
/// one address share one counter.
pub fn login_account_key(email: &str) -> String {
    format!("login:account:{}", canonical_email(email))
}

/// The address as stored: `Email::parse`'s form, or the trimmed lowercase text when it
/// is not a valid address (it then matches no account, but is still counted).
pub fn canonical_email(email: &str) -> String {
    crate::domain::Email::parse(email).map(|e| e.as_str().to_string()).unwrap_or_else(|_| email.trim().to_lowercase())
}

pub fn login_ip_key(ip: Option<&str>) -> String {
    format!("login:ip:{}", ip.unwrap_or("unknown"))
}

pub fn register_ip_key(ip: Option<&str>) -> String {
    format!("register:ip:{}", ip.unwrap_or("unknown"))
}

pub fn resend_account_key(user_id: &str) -> String {
    format!("verify_resend:account:{user_id}")
}

pub fn resend_ip_key(ip: Option<&str>) -> String {
    format!("verify_resend:ip:{}", ip.unwrap_or("unknown"))
}

pub fn reset_account_key(email: &str) -> String {
    format!("password_reset:account:{}", canonical_email(email))
}

pub fn reset_ip_key(ip: Option<&str>) -> String {
    format!("password_reset:ip:{}", ip.unwrap_or("unknown"))
}

#[derive(Debug, Queryable)]
struct ThrottleRow {
    failures: i32,
    blocked_until: Option<NaiveDateTime>,
    last_attempt_at: NaiveDateTime,
}

/// The wait after the `n`-th counted attempt, if any.
pub fn delay_after(policy: Policy, n: i32) -> Option<Duration> {
    if n < policy.free {
        return None;
    }
    let exp = (n - policy.free).min(30) as u32;
    let secs = policy.base_seconds.saturating_mul(1i64 << exp).min(MAX_WAIT_SECONDS);
    Some(Duration::seconds(secs))
}

/// Locks (creating if needed) the counter row of `key`. `sweep` may delete a quiet row
/// between the insert and the lock, hence the second round.
fn lock(conn: &mut DbConnection, key: &str, now: NaiveDateTime) -> AppResult<ThrottleRow> {
    for _ in 0..2 {
        let fresh = (auth_throttle::scope_key.eq(key), auth_throttle::failures.eq(0), auth_throttle::last_attempt_at.eq(now));
        let q = || {
            auth_throttle::table.find(key).select((auth_throttle::failures, auth_throttle::blocked_until, auth_throttle::last_attempt_at))
        };
        let row = match conn {
            DbConnection::Postgresql(c) => {
                diesel::insert_into(auth_throttle::table).values(fresh).on_conflict_do_nothing().execute(c)?;
                q().for_update().first(c).optional()?
            }
            DbConnection::Sqlite(c) => {
                diesel::insert_into(auth_throttle::table).values(fresh).on_conflict_do_nothing().execute(c)?;
                q().first(c).optional()?
            }
        };
        if let Some(row) = row {
            return Ok(row);
        }
    }
    Err(AppError::unavailable(format!("throttle row {key} kept disappearing")))
}

/// Deletes counters that have been quiet for a day and are not closing anything: every
/// email typed at the login form makes a row, and they must not pile up.
pub fn sweep(conn: &mut DbConnection, now: NaiveDateTime) -> AppResult<usize> {
    Ok(diesel::delete(
        auth_throttle::table
            .filter(auth_throttle::last_attempt_at.lt(now - Duration::days(1)))
            .filter(auth_throttle::blocked_until.is_null().or(auth_throttle::blocked_until.lt(now))),
    )
    .execute(conn)?)
}

/// Counts one attempt against every key, or refuses with 429 (counting nothing) when any
/// key is closed. Call it inside a transaction, keys always in the same order (account
/// before address) so two requests never wait on each other's locks in a cycle.
///
/// Returns how many more attempts the tightest key lets through before its delays start
/// (0 once they have), so a form can warn before the wait comes.
pub fn reserve(conn: &mut DbConnection, keys: &[(String, Policy)], now: NaiveDateTime) -> AppResult<i32> {
    let mut rows = Vec::with_capacity(keys.len());
    let mut wait: Option<i64> = None;
    for (key, policy) in keys {
        let row = lock(conn, key, now)?;
        if let Some(until) = row.blocked_until.filter(|u| *u > now) {
            let secs = (until - now).num_seconds().max(1);
            wait = Some(wait.map_or(secs, |w| w.max(secs)));
        }
        rows.push((key, *policy, row));
    }
    if let Some(secs) = wait {
        return Err(AppError::rate_limited(secs as u64));
    }
    let mut remaining = i32::MAX;
    for (key, policy, row) in rows {
        let quiet = row.last_attempt_at < now - Duration::minutes(policy.quiet_reset_minutes);
        let n = if quiet { 1 } else { row.failures.saturating_add(1) };
        remaining = remaining.min(policy.free.saturating_sub(n).max(0));
        diesel::update(auth_throttle::table.find(key))
            .set((
                auth_throttle::failures.eq(n),
                auth_throttle::blocked_until.eq(delay_after(policy, n).map(|d| now + d)),
                auth_throttle::last_attempt_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(remaining)
}

/// The owner proved who they are: the account's counter starts over.
pub fn forgive(conn: &mut DbConnection, key: &str) -> AppResult<()> {
    diesel::update(auth_throttle::table.find(key))
        .set((auth_throttle::failures.eq(0), auth_throttle::blocked_until.eq(None::<NaiveDateTime>)))
        .execute(conn)?;
    Ok(())
}

/// Hands one reserved attempt back (a success from a shared address): the address's
/// other failures still count, so logging into one's own account between guesses does
/// not wipe them; a wait that only this attempt had started is lifted.
pub fn release(conn: &mut DbConnection, key: &str, policy: Policy) -> AppResult<()> {
    diesel::update(auth_throttle::table.find(key).filter(auth_throttle::failures.gt(0)))
        .set(auth_throttle::failures.eq(auth_throttle::failures - 1))
        .execute(conn)?;
    diesel::update(auth_throttle::table.find(key).filter(auth_throttle::failures.lt(policy.free)))
        .set(auth_throttle::blocked_until.eq(None::<NaiveDateTime>))
        .execute(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_from_the_free_allowance_and_are_capped() {
        assert_eq!(delay_after(LOGIN_ACCOUNT, 4), None);
        assert_eq!(delay_after(LOGIN_ACCOUNT, 5), Some(Duration::seconds(15)));
        assert_eq!(delay_after(LOGIN_ACCOUNT, 6), Some(Duration::seconds(30)));
        assert_eq!(delay_after(LOGIN_ACCOUNT, 8), Some(Duration::seconds(120)));
        assert_eq!(delay_after(LOGIN_ACCOUNT, 11), Some(Duration::seconds(MAX_WAIT_SECONDS)));
        assert_eq!(delay_after(LOGIN_ACCOUNT, i32::MAX), Some(Duration::seconds(MAX_WAIT_SECONDS)));
    }
}
