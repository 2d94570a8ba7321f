//! Diesel queries for applications. Every status change is one conditional
//! `UPDATE … WHERE id = ? AND status IN (allowed) RETURNING …`: `None` means the row was
//! not in an allowed status (another request got there first), and the caller answers 409.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::applications::model::{Applicant, ApplicationRow, ApplicationStatus, ApprovalPath, RejectionReason};
use crate::db::constraint::{on_unique, UniqueKey};
use crate::db::schema::{applications, freelancers, users};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};

/// At most one open (`submitted` or `appealed`) application per freelancer: the partial
/// unique index of migration `2026-12-02-000003_state_machines`.
pub const ONE_OPEN_KEY: UniqueKey = UniqueKey { index: "applications_one_open", columns: "applications.freelancer_id" };

pub fn application_open() -> AppError {
    AppError::conflict("application_open", "You already have an application under review.")
}

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

pub fn insert(conn: &mut DbConnection, row: &ApplicationRow) -> AppResult<()> {
    let inserted = diesel::insert_into(applications::table)
        .values((
            applications::id.eq(&row.id),
            applications::freelancer_id.eq(&row.freelancer_id),
            applications::invitation_id.eq(&row.invitation_id),
            applications::status.eq(row.status),
            applications::m365_experience.eq(row.m365_experience),
            applications::us_clients_served.eq(row.us_clients_served),
            applications::certifications.eq(&row.certifications),
            applications::country.eq(&row.country),
            applications::motivation.eq(&row.motivation),
            applications::links.eq(&row.links),
            applications::created_at.eq(row.created_at),
            applications::updated_at.eq(row.updated_at),
        ))
        .execute(conn);
    on_unique(inserted, &ONE_OPEN_KEY, application_open)?;
    Ok(())
}

pub fn latest_of(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Option<ApplicationRow>> {
    Ok(applications::table
        .filter(applications::freelancer_id.eq(freelancer_id))
        .order((applications::created_at.desc(), applications::id.desc()))
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_id(conn: &mut DbConnection, id: &str) -> AppResult<ApplicationRow> {
    applications::table
        .find(id)
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("There is no application with this id."))
}

/// The application, only if it belongs to `freelancer_id`.
pub fn owned(conn: &mut DbConnection, id: &str, freelancer_id: &str) -> AppResult<ApplicationRow> {
    applications::table
        .filter(applications::id.eq(id).and(applications::freelancer_id.eq(freelancer_id)))
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("There is no application with this id."))
}

pub fn applicant(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Applicant> {
    let (user_id, email, full_name) = freelancers::table
        .inner_join(users::table)
        .filter(freelancers::id.eq(freelancer_id))
        .select((users::id, users::email, users::full_name))
        .first::<(String, String, String)>(conn)?;
    Ok(Applicant { user_id, email, full_name })
}

pub struct Decided<'a> {
    pub status: ApplicationStatus,
    pub reason: Option<RejectionReason>,
    pub note: Option<&'a str>,
    pub via: ApprovalPath,
    pub by: &'a str,
    pub at: NaiveDateTime,
}

/// Records support's decision if the application is still in one of `from`.
pub fn decide(conn: &mut DbConnection, id: &str, from: &[ApplicationStatus], d: Decided) -> AppResult<Option<ApplicationRow>> {
    Ok(diesel::update(applications::table.filter(applications::id.eq(id).and(applications::status.eq_any(from))))
        .set((
            applications::status.eq(d.status),
            applications::decision_reason.eq(d.reason),
            applications::decision_note.eq(d.note),
            applications::decided_via.eq(d.via),
            applications::decided_by.eq(d.by),
            applications::decided_at.eq(d.at),
            applications::updated_at.eq(d.at),
        ))
        .returning(applications::all_columns)
        .get_result::<ApplicationRow>(conn)
        .optional()?)
}

/// Moves `freelancer_id`'s application from one of `from` to `to`. Reopening an
/// application while another is open breaks [`ONE_OPEN_KEY`]: 409 `application_open`.
pub fn move_status(
    conn: &mut DbConnection,
    id: &str,
    freelancer_id: &str,
    from: &[ApplicationStatus],
    to: ApplicationStatus,
    at: NaiveDateTime,
) -> AppResult<Option<ApplicationRow>> {
    let updated = diesel::update(
        applications::table
            .filter(applications::id.eq(id).and(applications::freelancer_id.eq(freelancer_id)).and(applications::status.eq_any(from))),
    )
    .set((applications::status.eq(to), applications::updated_at.eq(at)))
    .returning(applications::all_columns)
    .get_result::<ApplicationRow>(conn)
    .optional();
    on_unique(updated, &ONE_OPEN_KEY, application_open)
}

pub struct Query {
    pub status: Option<ApplicationStatus>,
    pub invited: Option<bool>,
    pub after: Option<NaiveDateTime>,
    pub before: Option<NaiveDateTime>,
    pub q: Option<String>,
    pub cursor: Option<(NaiveDateTime, String)>,
    pub limit: i64,
}

/// Support's queue, newest first, with each applicant.
/// An application with its applicant's (user id, email, full name).
pub type QueueRow = (ApplicationRow, (String, String, String));

pub fn queue(conn: &mut DbConnection, f: Query) -> AppResult<Vec<QueueRow>> {
    let mut q = applications::table
        .inner_join(freelancers::table.inner_join(users::table))
        .select((ApplicationRow::as_select(), (users::id, users::email, users::full_name)))
        .into_boxed();
    if let Some(s) = f.status {
        q = q.filter(applications::status.eq(s));
    }
    match f.invited {
        Some(true) => q = q.filter(applications::invitation_id.is_not_null()),
        Some(false) => q = q.filter(applications::invitation_id.is_null()),
        None => {}
    }
    if let Some(a) = f.after {
        q = q.filter(applications::created_at.ge(a));
    }
    if let Some(b) = f.before {
        q = q.filter(applications::created_at.lt(b));
    }
    if let Some(text) = f.q {
        let pattern = format!("%{}%", text.to_lowercase().replace(['\\', '%', '_'], ""));
        q = q.filter(lower(users::email).like(pattern.clone()).or(lower(users::full_name).like(pattern)));
    }
    Ok(crate::newest_first!(q, applications::created_at, applications::id, f.cursor, f.limit).load(conn)?)
}
