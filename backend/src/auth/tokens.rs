//! Refresh tokens: opaque random strings stored only as SHA-256 hashes, single use,
//! rotated on every refresh. Presenting a token that was already used means it leaked:
//! the whole family (every token descended from that login) is revoked.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::db::schema::refresh_tokens;
use crate::db::DbConnection;
use crate::domain::ids::{random_token, RefreshTokenId, TokenFamilyId};
use crate::error::AppResult;

pub const REFRESH_TOKEN_DAYS: i64 = 30;

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

/// Issues a new token in `family` (a new family when None); returns the plain token.
pub fn issue(conn: &mut DbConnection, user_id: &str, family: Option<&str>, now: NaiveDateTime) -> AppResult<String> {
    let token = format!("phr_{}", random_token(43));
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
    let n = diesel::update(
        refresh_tokens::table.filter(refresh_tokens::id.eq(id).and(refresh_tokens::used_at.is_null())),
    )
    .set(refresh_tokens::used_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn revoke_family(conn: &mut DbConnection, family_id: &str, now: NaiveDateTime) -> AppResult<usize> {
    Ok(diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family_id).and(refresh_tokens::revoked_at.is_null())),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)?)
}
