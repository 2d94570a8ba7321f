//! Email verification: proof that the person behind an account reads its mailbox.
//! Registration emails a link `{PUBLIC_BASE_URL}/verify-email?token=…`; the token is
//! random, stored only as a SHA-256 hash, valid 48 hours and single use (a conditional
//! `UPDATE … WHERE used_at IS NULL AND expires_at > now`, so two clicks have one winner).
//! Asking for a new link retires the earlier ones.
//!
//! What needs a verified address: applying to the programme, accepting an invitation
//! and holding a staff role (`require_verified_in`). Accounts made by `partner-hub admin
//! create` are verified when created, because the operator vouches for the address;
//! registering through an invitation link with the invited address counts as proof too
//! (see `invitations`).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::auth::tokens::hash_token;
use crate::db::schema::{email_verifications, users};
use crate::db::DbConnection;
use crate::domain::ids::{plain_id, random_token};
use crate::error::{AppError, AppResult};

pub const VALID_HOURS: i64 = 48;

/// Issues a new token for `user_id`, retiring any earlier unused one; returns the plain token.
pub fn issue(conn: &mut DbConnection, user_id: &str, now: NaiveDateTime) -> AppResult<String> {
    diesel::update(
        email_verifications::table.filter(email_verifications::user_id.eq(user_id)).filter(email_verifications::used_at.is_null()),
    )
    .set(email_verifications::used_at.eq(now))
    .execute(conn)?;
    let token = format!("phv_{}", random_token(40));
    diesel::insert_into(email_verifications::table)
        .values((
            email_verifications::id.eq(plain_id("ev")),
            email_verifications::user_id.eq(user_id),
            email_verifications::token_hash.eq(hash_token(&token)),
            email_verifications::expires_at.eq(now + Duration::hours(VALID_HOURS)),
            email_verifications::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

pub fn link(base_url: &str, token: &str) -> String {
    format!("{base_url}/verify-email?token={token}")
}

/// Spends a token: the user id it was issued to, or None when it is unknown, used or
/// expired.
pub fn consume(conn: &mut DbConnection, token: &str, now: NaiveDateTime) -> AppResult<Option<String>> {
    let spent: Option<String> = diesel::update(
        email_verifications::table
            .filter(email_verifications::token_hash.eq(hash_token(token)))
            .filter(email_verifications::used_at.is_null())
            .filter(email_verifications::expires_at.gt(now)),
    )
    .set(email_verifications::used_at.eq(now))
    .returning(email_verifications::user_id)
    .get_result(conn)
    .optional()?;
    Ok(spent)
}

/// Marks the address verified; false when it already was.
pub fn mark_verified(conn: &mut DbConnection, user_id: &str, now: NaiveDateTime) -> AppResult<bool> {
    let n = diesel::update(users::table.find(user_id).filter(users::email_verified_at.is_null()))
        .set(users::email_verified_at.eq(now))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn is_verified(conn: &mut DbConnection, user_id: &str) -> AppResult<bool> {
    let at: Option<Option<NaiveDateTime>> = users::table.find(user_id).select(users::email_verified_at).first(conn).optional()?;
    Ok(matches!(at, Some(Some(_))))
}

pub fn not_verified() -> AppError {
    AppError::forbidden(
        "email_not_verified",
        "Confirm your email address first: open the link we emailed you, or ask for a new one at /auth/verify-email/resend.",
    )
}

/// 403 `email_not_verified` unless `user_id` has confirmed their address. For other
/// slices' services, inside their transaction (e.g. `POST /applications`).
pub fn require_verified_in(conn: &mut DbConnection, user_id: &str) -> AppResult<()> {
    if is_verified(conn, user_id)? {
        Ok(())
    } else {
        Err(not_verified())
    }
}
