//! Password-reset links: a way back in for someone who forgot their password. The link
//! `{PUBLIC_BASE_URL}/reset-password?token=…` carries a random token stored only as a
//! SHA-256 hash, valid one hour on the business clock (so the manual test clock can
//! expire it) and single use: spending it is a conditional `UPDATE … WHERE used_at IS
//! NULL AND expires_at > now`, so of two concurrent confirmations exactly one wins. A
//! new request retires the account's earlier open links, as does a successful reset.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::auth::tokens::hash_token;
use crate::db::schema::password_resets;
use crate::db::DbConnection;
use crate::domain::ids::{plain_id, random_token};
use crate::error::{AppError, AppResult};

pub const VALID_HOURS: i64 = 1;

/// Issues a new token for `user_id`, retiring its earlier open ones; returns the plain
/// token and when it expires.
pub fn issue(conn: &mut DbConnection, user_id: &str, now: NaiveDateTime) -> AppResult<(String, NaiveDateTime)> {
    retire_open(conn, user_id, now)?;
    let token = format!("phpr_{}", random_token(40));
    let expires_at = now + Duration::hours(VALID_HOURS);
    diesel::insert_into(password_resets::table)
        .values((
            password_resets::id.eq(plain_id("pwr")),
            password_resets::user_id.eq(user_id),
            password_resets::token_hash.eq(hash_token(&token)),
            password_resets::expires_at.eq(expires_at),
            password_resets::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok((token, expires_at))
}

/// Marks every open link of `user_id` used, so none of them works any more.
pub fn retire_open(conn: &mut DbConnection, user_id: &str, now: NaiveDateTime) -> AppResult<usize> {
    Ok(diesel::update(password_resets::table.filter(password_resets::user_id.eq(user_id)).filter(password_resets::used_at.is_null()))
        .set(password_resets::used_at.eq(now))
        .execute(conn)?)
}

pub fn link(base_url: &str, token: &str) -> String {
    format!("{base_url}/reset-password?token={token}")
}

/// Spends a token: the user id it was issued to, or None when it is unknown, used,
/// replaced or expired (`refusal` says which).
pub fn consume(conn: &mut DbConnection, token: &str, now: NaiveDateTime) -> AppResult<Option<String>> {
    Ok(diesel::update(
        password_resets::table
            .filter(password_resets::token_hash.eq(hash_token(token)))
            .filter(password_resets::used_at.is_null())
            .filter(password_resets::expires_at.gt(now)),
    )
    .set(password_resets::used_at.eq(now))
    .returning(password_resets::user_id)
    .get_result(conn)
    .optional()?)
}

/// Ok when `token` could be spent at `now`, else the problem to answer with. A read
/// only, to refuse a dead link before the costly password hash; `consume` decides.
pub fn check(conn: &mut DbConnection, token: &str, now: NaiveDateTime) -> AppResult<()> {
    let row: Option<(NaiveDateTime, Option<NaiveDateTime>)> = password_resets::table
        .filter(password_resets::token_hash.eq(hash_token(token)))
        .select((password_resets::expires_at, password_resets::used_at))
        .first(conn)
        .optional()?;
    match row {
        Some((expires_at, None)) if expires_at > now => Ok(()),
        Some((_, None)) => Err(expired()),
        _ => Err(invalid()),
    }
}

/// Why `consume` found nothing: expired, or unknown / used / replaced.
pub fn refusal(conn: &mut DbConnection, token: &str, now: NaiveDateTime) -> AppError {
    match check(conn, token, now) {
        Err(e) => e,
        Ok(()) => invalid(),
    }
}

pub fn invalid() -> AppError {
    AppError::bad_request(
        "reset_token_invalid",
        "This password reset link is not valid: it was used already, replaced by a newer one, or is incomplete. Ask for a new one.",
    )
}

pub fn expired() -> AppError {
    AppError::new(
        actix_web::http::StatusCode::GONE,
        "reset_token_expired",
        "This password reset link has expired: links work for one hour. Ask for a new one.",
    )
}
