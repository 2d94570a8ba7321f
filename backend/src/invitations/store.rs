//! Diesel queries for invitations.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::invitations;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::invitations::model::{InvitationRow, StatusFilter};

pub fn insert(conn: &mut DbConnection, r: &InvitationRow) -> AppResult<()> {
    diesel::insert_into(invitations::table)
        .values((
            invitations::id.eq(&r.id),
            invitations::email.eq(&r.email),
            invitations::kind.eq(&r.kind),
            invitations::token_hash.eq(&r.token_hash),
            invitations::status.eq(&r.status),
            invitations::invited_by.eq(&r.invited_by),
            invitations::expires_at.eq(r.expires_at),
            invitations::send_count.eq(r.send_count),
            invitations::last_sent_at.eq(r.last_sent_at),
            invitations::created_at.eq(r.created_at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn by_id(conn: &mut DbConnection, id: &str) -> AppResult<InvitationRow> {
    invitations::table
        .find(id)
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("There is no invitation with this id."))
}

pub fn by_token_hash(conn: &mut DbConnection, hash: &str) -> AppResult<Option<InvitationRow>> {
    Ok(invitations::table.filter(invitations::token_hash.eq(hash)).select(InvitationRow::as_select()).first(conn).optional()?)
}

/// A still-valid invitation for this email, if any.
pub fn pending_for(conn: &mut DbConnection, email: &str, now: NaiveDateTime) -> AppResult<Option<InvitationRow>> {
    Ok(invitations::table
        .filter(invitations::email.eq(email).and(invitations::status.eq("sent")).and(invitations::expires_at.gt(now)))
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()?)
}

/// The id of the newest invitation this user accepted.
pub fn accepted_by(conn: &mut DbConnection, user_id: &str) -> AppResult<Option<String>> {
    Ok(invitations::table
        .filter(invitations::accepted_by.eq(user_id))
        .order(invitations::accepted_at.desc())
        .select(invitations::id)
        .first(conn)
        .optional()?)
}

pub fn mark_accepted(conn: &mut DbConnection, id: &str, user_id: &str, now: NaiveDateTime) -> AppResult<bool> {
    let n = diesel::update(invitations::table.filter(invitations::id.eq(id).and(invitations::status.eq("sent"))))
        .set((invitations::status.eq("accepted"), invitations::accepted_by.eq(user_id), invitations::accepted_at.eq(now)))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn mark_revoked(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> AppResult<()> {
    diesel::update(invitations::table.find(id))
        .set((invitations::status.eq("revoked"), invitations::revoked_at.eq(now)))
        .execute(conn)?;
    Ok(())
}

pub fn renew(conn: &mut DbConnection, id: &str, token_hash: &str, expires_at: NaiveDateTime, now: NaiveDateTime) -> AppResult<()> {
    diesel::update(invitations::table.find(id))
        .set((
            invitations::token_hash.eq(token_hash),
            invitations::expires_at.eq(expires_at),
            invitations::send_count.eq(invitations::send_count + 1),
            invitations::last_sent_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn list(
    conn: &mut DbConnection,
    status: Option<StatusFilter>,
    kind: Option<&str>,
    now: NaiveDateTime,
    cursor: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<InvitationRow>> {
    let mut q = invitations::table.select(InvitationRow::as_select()).into_boxed();
    q = match status {
        None => q,
        Some(StatusFilter::Sent) => q.filter(invitations::status.eq("sent").and(invitations::expires_at.gt(now))),
        Some(StatusFilter::Expired) => q.filter(invitations::status.eq("sent").and(invitations::expires_at.le(now))),
        Some(StatusFilter::Accepted) => q.filter(invitations::status.eq("accepted")),
        Some(StatusFilter::Revoked) => q.filter(invitations::status.eq("revoked")),
    };
    if let Some(k) = kind {
        q = q.filter(invitations::kind.eq(k.to_string()));
    }
    if let Some((at, id)) = cursor {
        q = q.filter(invitations::created_at.lt(at).or(invitations::created_at.eq(at).and(invitations::id.lt(id))));
    }
    Ok(q.order((invitations::created_at.desc(), invitations::id.desc())).limit(limit + 1).load(conn)?)
}
