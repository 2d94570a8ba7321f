//! Refresh tokens: opaque random strings stored only as SHA-256 hashes, single use,
//! rotated on every refresh. Presenting a token that was already used means it leaked:
//! the whole family (every token descended from that login) is revoked.
//!
//! Except for a short grace period: two tabs (or a retried request) that refresh with
//! the same token at once must not log the user out. The successor of a token is
//! derived from it with a keyed hash (`successor_of`), so within `GRACE_SECONDS` of the
//! first use the same token answers with the very same successor (looked up by its
//! hash), and no plain token is ever stored. After the grace period, reuse revokes the
//! family as before.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::db::schema::refresh_tokens;
use crate::db::DbConnection;
use crate::domain::ids::{random_token, RefreshTokenId, TokenFamilyId};
use crate::error::AppResult;

pub const REFRESH_TOKEN_DAYS: i64 = 30;
pub const GRACE_SECONDS: i64 = 30;

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshTokenRow {
    pub id: String,
    pub user_id: String,
    pub family_id: String,
    pub token_hash: String,
    pub issued_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

/// The successor of `token`: a keyed hash, so only this server can compute it and the
/// same token always has the same successor.
pub fn successor_of(key: &[u8], token: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"partner-hub refresh successor\0");
    h.update(key);
    h.update(token.as_bytes());
    format!("phr_{}", hex::encode(h.finalize()))
}

/// Issues a new random token in `family` (a new family when None); returns the plain token.
pub fn issue(conn: &mut DbConnection, user_id: &str, family: Option<&str>, now: NaiveDateTime) -> AppResult<String> {
    issue_token(conn, format!("phr_{}", random_token(43)), user_id, family, now)
}

/// Stores `token` (its hash) in `family`; returns it.
pub fn issue_token(conn: &mut DbConnection, token: String, user_id: &str, family: Option<&str>, now: NaiveDateTime) -> AppResult<String> {
    let family_id = family.map(str::to_string).unwrap_or_else(|| TokenFamilyId::generate().0);
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::id.eq(RefreshTokenId::generate().0),
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::family_id.eq(family_id),
            refresh_tokens::token_hash.eq(hash_token(&token)),
            refresh_tokens::issued_at.eq(now),
            refresh_tokens::expires_at.eq(now + Duration::days(REFRESH_TOKEN_DAYS)),
        ))
        .execute(conn)?;
    Ok(token)
}

pub fn find(conn: &mut DbConnection, token: &str) -> AppResult<Option<RefreshTokenRow>> {
    Ok(refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash_token(token)))
        .select(RefreshTokenRow::as_select())
        .first(conn)
        .optional()?)
}

/// Marks a token used, only if nobody used it first; false means a concurrent reuse.
pub fn mark_used(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> AppResult<bool> {
    let n = diesel::update(refresh_tokens::table.filter(refresh_tokens::id.eq(id).and(refresh_tokens::used_at.is_null())))
        .set(refresh_tokens::used_at.eq(now))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn revoke_family(conn: &mut DbConnection, family_id: &str, now: NaiveDateTime) -> AppResult<usize> {
    Ok(diesel::update(refresh_tokens::table.filter(refresh_tokens::family_id.eq(family_id).and(refresh_tokens::revoked_at.is_null())))
        .set(refresh_tokens::revoked_at.eq(now))
        .execute(conn)?)
}
