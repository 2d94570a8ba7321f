//! Diesel queries for invitations. Every transition is one conditional UPDATE … RETURNING
//! whose WHERE names the statuses it may start from; no row back means somebody else
//! moved the invitation first (or it never could move).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::schema::invitations;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::invitations::model::{InvitationKind, InvitationRow, InvitationStatus};

fn pending_conflict() -> AppError {
    AppError::conflict("invitation_pending", "A valid invitation for this email exists already; re-send it instead.")
}

/// A unique violation on `invitations_one_pending` is the one-pending-invitation rule.
fn map_pending(e: DieselError) -> AppError {
    match e {
        DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => pending_conflict(),
        other => other.into(),
    }
}

pub fn insert(conn: &mut DbConnection, r: &InvitationRow) -> AppResult<()> {
    diesel::insert_into(invitations::table)
        .values((
            invitations::id.eq(&r.id),
            invitations::email.eq(&r.email),
            invitations::kind.eq(r.kind),
            invitations::locale.eq(r.locale),
            invitations::token_hash.eq(&r.token_hash),
            invitations::status.eq(r.status),
            invitations::invited_by.eq(&r.invited_by),
            invitations::expires_at.eq(r.expires_at),
            invitations::send_count.eq(r.send_count),
            invitations::last_sent_at.eq(r.last_sent_at),
            invitations::created_at.eq(r.created_at),
        ))
        .execute(conn)
        .map_err(map_pending)?;
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

/// Writes down that this email's pending invitations past their expiry are expired, so
/// the partial unique index leaves room for a new one.
pub fn expire_stale_for(conn: &mut DbConnection, email: &str, now: NaiveDateTime) -> AppResult<usize> {
    Ok(diesel::update(
        invitations::table
            .filter(invitations::email.eq(email))
            .filter(invitations::status.eq(InvitationStatus::Sent))
            .filter(invitations::expires_at.le(now)),
    )
    .set(invitations::status.eq(InvitationStatus::Expired))
    .execute(conn)?)
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

/// sent → accepted, only while unexpired; None when the invitation could not move.
pub fn mark_accepted(conn: &mut DbConnection, id: &str, user_id: &str, now: NaiveDateTime) -> AppResult<Option<InvitationRow>> {
    Ok(diesel::update(
        invitations::table
            .filter(invitations::id.eq(id))
            .filter(invitations::status.eq_any(InvitationStatus::acceptable_from()))
            .filter(invitations::expires_at.gt(now)),
    )
    .set((invitations::status.eq(InvitationStatus::Accepted), invitations::accepted_by.eq(user_id), invitations::accepted_at.eq(now)))
    .returning(invitations::all_columns)
    .get_result::<InvitationRow>(conn)
    .optional()?)
}

/// sent/expired → revoked; None when the invitation could not move.
pub fn mark_revoked(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> AppResult<Option<InvitationRow>> {
    Ok(diesel::update(
        invitations::table.filter(invitations::id.eq(id)).filter(invitations::status.eq_any(InvitationStatus::revocable_from())),
    )
    .set((invitations::status.eq(InvitationStatus::Revoked), invitations::revoked_at.eq(now)))
    .returning(invitations::all_columns)
    .get_result::<InvitationRow>(conn)
    .optional()?)
}

/// sent/expired → sent with a new token and expiry; None when the invitation could not
/// move, 409 `invitation_pending` when another invitation for the email is pending.
pub fn renew(
    conn: &mut DbConnection,
    id: &str,
    token_hash: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> AppResult<Option<InvitationRow>> {
    diesel::update(
        invitations::table.filter(invitations::id.eq(id)).filter(invitations::status.eq_any(InvitationStatus::resendable_from())),
    )
    .set((
        invitations::status.eq(InvitationStatus::Sent),
        invitations::token_hash.eq(token_hash),
        invitations::expires_at.eq(expires_at),
        invitations::send_count.eq(invitations::send_count + 1),
        invitations::last_sent_at.eq(now),
    ))
    .returning(invitations::all_columns)
    .get_result::<InvitationRow>(conn)
    .optional()
    .map_err(map_pending)
}

pub fn list(
    conn: &mut DbConnection,
    status: Option<InvitationStatus>,
    kind: Option<InvitationKind>,
    now: NaiveDateTime,
    cursor: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<InvitationRow>> {
    let mut q = invitations::table.select(InvitationRow::as_select()).into_boxed();
    q = match status {
        None => q,
        Some(InvitationStatus::Sent) => q.filter(invitations::status.eq(InvitationStatus::Sent).and(invitations::expires_at.gt(now))),
        Some(InvitationStatus::Expired) => q.filter(
            invitations::status
                .eq(InvitationStatus::Expired)
                .or(invitations::status.eq(InvitationStatus::Sent).and(invitations::expires_at.le(now))),
        ),
        Some(s) => q.filter(invitations::status.eq(s)),
    };
    if let Some(k) = kind {
        q = q.filter(invitations::kind.eq(k));
    }
    Ok(crate::newest_first!(q, invitations::created_at, invitations::id, cursor, limit).load(conn)?)
}
