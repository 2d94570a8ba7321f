//! Login throttling, kept in the database so that every instance counts the same
//! attempts: at most 10 failures per account and 30 per IP address in 15 minutes.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::login_attempts;
use crate::db::DbConnection;
use crate::domain::ids::plain_id;
use crate::error::{AppError, AppResult};

pub const WINDOW_MINUTES: i64 = 15;
pub const MAX_PER_ACCOUNT: i64 = 10;
pub const MAX_PER_IP: i64 = 30;

pub fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

pub fn ip_key(ip: &str) -> String {
    format!("ip:{ip}")
}

/// Refuses with 429 and a `Retry-After` when either key is over its limit.
pub fn check(conn: &mut DbConnection, keys: &[(String, i64)], now: NaiveDateTime) -> AppResult<()> {
    let since = now - Duration::minutes(WINDOW_MINUTES);
    for (key, max) in keys {
        let recent: Vec<NaiveDateTime> = login_attempts::table
            .filter(login_attempts::scope_key.eq(key).and(login_attempts::attempted_at.gt(since)))
            .order(login_attempts::attempted_at.asc())
            .select(login_attempts::attempted_at)
            .limit(*max)
            .load(conn)?;
        if recent.len() as i64 >= *max {
            let oldest = recent[0];
            let retry = (oldest + Duration::minutes(WINDOW_MINUTES) - now).num_seconds().max(1);
            return Err(AppError::rate_limited(retry as u64));
        }
    }
    Ok(())
}

pub fn record_failure(conn: &mut DbConnection, keys: &[String], now: NaiveDateTime) -> AppResult<()> {
    for key in keys {
        diesel::insert_into(login_attempts::table)
            .values((
                login_attempts::id.eq(plain_id("la")),
                login_attempts::scope_key.eq(key),
                login_attempts::attempted_at.eq(now),
            ))
            .execute(conn)?;
    }
    // Keep the table small: what is outside every window is no longer needed.
    diesel::delete(login_attempts::table.filter(login_attempts::attempted_at.lt(now - Duration::days(1))))
        .execute(conn)?;
    Ok(())
}

pub fn clear(conn: &mut DbConnection, key: &str) -> AppResult<()> {
    diesel::delete(login_attempts::table.filter(login_attempts::scope_key.eq(key))).execute(conn)?;
    Ok(())
}
