//! Diesel queries for appeals. Status changes are compare-and-set statements
//! (`UPDATE … WHERE id = ? AND status = <the status the caller read>`): the caller has
//! checked that status against the transition, so the write happens only if nobody
//! moved the appeal in between, and the audit entry's `before` is exact.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::appeals::model::{AppealRow, AppealStatus, SubjectType};
use crate::db::constraint::{on_unique, UniqueKey};
use crate::db::schema::{appeals, freelancers, users};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};

/// One open appeal per subject: `open_key` (`subject_type:subject_id`) is unique and
/// cleared when the appeal is decided.
pub const OPEN_KEY: UniqueKey = UniqueKey { index: "appeals_open_key_key", columns: "appeals.open_key" };

pub fn appeal_open() -> AppError {
    AppError::conflict("appeal_open", "This decision is already under appeal.")
}

pub fn open_key(subject_type: SubjectType, subject_id: &str) -> String {
    format!("{subject_type}:{subject_id}")
}

pub fn by_id(conn: &mut DbConnection, id: &str) -> AppResult<AppealRow> {
    appeals::table
        .find(id)
        .select(AppealRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("There is no appeal with this id."))
}

/// The appellant: (email, full name).
pub fn appellant(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<(String, String)> {
    Ok(freelancers::table
        .inner_join(users::table)
        .filter(freelancers::id.eq(freelancer_id))
        .select((users::email, users::full_name))
        .first(conn)?)
}

pub struct NewAppealRow<'a> {
    pub id: &'a str,
    pub freelancer_id: &'a str,
    pub subject_type: SubjectType,
    pub subject_id: &'a str,
    pub explanation: &'a str,
    pub at: NaiveDateTime,
}

/// Inserts a submitted appeal; a second open appeal of the subject is 409 `appeal_open`.
pub fn insert(conn: &mut DbConnection, a: NewAppealRow) -> AppResult<()> {
    let inserted = diesel::insert_into(appeals::table)
        .values((
            appeals::id.eq(a.id),
            appeals::freelancer_id.eq(a.freelancer_id),
            appeals::subject_type.eq(a.subject_type),
            appeals::subject_id.eq(a.subject_id),
            appeals::explanation.eq(a.explanation),
            appeals::status.eq(AppealStatus::Submitted),
            appeals::open_key.eq(open_key(a.subject_type, a.subject_id)),
            appeals::created_at.eq(a.at),
            appeals::updated_at.eq(a.at),
        ))
        .execute(conn);
    on_unique(inserted, &OPEN_KEY, appeal_open)?;
    Ok(())
}

/// `seen → in_review`, only if the appeal is still `seen`.
pub fn start_review(
    conn: &mut DbConnection,
    id: &str,
    seen: AppealStatus,
    reviewer: &str,
    at: NaiveDateTime,
) -> AppResult<Option<AppealRow>> {
    Ok(diesel::update(appeals::table.filter(appeals::id.eq(id).and(appeals::status.eq(seen))))
        .set((appeals::status.eq(AppealStatus::InReview), appeals::reviewer_id.eq(reviewer), appeals::updated_at.eq(at)))
        .returning(appeals::all_columns)
        .get_result::<AppealRow>(conn)
        .optional()?)
}

pub struct Decision<'a> {
    pub status: AppealStatus,
    pub reviewer: &'a str,
    pub note: &'a str,
    pub at: NaiveDateTime,
}

/// `seen → decided`, only if the appeal is still `seen`; frees the subject's open key.
pub fn decide(conn: &mut DbConnection, id: &str, seen: AppealStatus, d: Decision) -> AppResult<Option<AppealRow>> {
    Ok(diesel::update(appeals::table.filter(appeals::id.eq(id).and(appeals::status.eq(seen))))
        .set((
            appeals::status.eq(d.status),
            appeals::open_key.eq(None::<String>),
            appeals::reviewer_id.eq(d.reviewer),
            appeals::reviewer_note.eq(d.note),
            appeals::decided_at.eq(d.at),
            appeals::updated_at.eq(d.at),
        ))
        .returning(appeals::all_columns)
        .get_result::<AppealRow>(conn)
        .optional()?)
}

/// Appeals newest first, of one freelancer or all, with the appellant's email and name.
pub fn list(
    conn: &mut DbConnection,
    freelancer_id: Option<&str>,
    status: Option<AppealStatus>,
    cursor: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<(AppealRow, String, String)>> {
    let mut q = appeals::table
        .inner_join(freelancers::table.inner_join(users::table))
        .select((AppealRow::as_select(), users::email, users::full_name))
        .into_boxed();
    if let Some(f) = freelancer_id {
        q = q.filter(appeals::freelancer_id.eq(f.to_string()));
    }
    if let Some(s) = status {
        q = q.filter(appeals::status.eq(s));
    }
    Ok(crate::newest_first!(q, appeals::created_at, appeals::id, cursor, limit).load(conn)?)
}
