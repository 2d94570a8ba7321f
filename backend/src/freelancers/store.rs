//! Diesel queries on freelancer records. Status, tier and referral-code changes are
//! single conditional statements (or run under a row lock), so concurrent requests on
//! PostgreSQL see one winner, as writers serialised by SQLite do.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::auth::model::FreelancerRow;
use crate::db::constraint::UniqueKey;
use crate::db::schema::{freelancers, users};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::freelancers::model::FreelancerStatus;
use crate::freelancers::tiers::Tier;

/// The unique index on referral codes (migration `2026-11-27-000002_programme`).
pub const REFERRAL_CODE_KEY: UniqueKey = UniqueKey { index: "freelancers_referral_code", columns: "freelancers.referral_code" };

fn missing() -> AppError {
    AppError::not_found("There is no freelancer with this id.")
}

pub fn by_id(conn: &mut DbConnection, id: &str) -> AppResult<FreelancerRow> {
    freelancers::table.find(id).select(FreelancerRow::as_select()).first(conn).optional()?.ok_or_else(missing)
}

/// The freelancer, locked until the transaction ends: on PostgreSQL `FOR UPDATE` makes
/// concurrent deciders queue here and read the winner's write; on SQLite the
/// transaction already holds the database-wide write lock (`BEGIN IMMEDIATE`).
pub fn lock(conn: &mut DbConnection, id: &str) -> AppResult<FreelancerRow> {
    let row = match conn {
        DbConnection::Postgresql(c) => freelancers::table.find(id).select(FreelancerRow::as_select()).for_update().first(c).optional()?,
        DbConnection::Sqlite(c) => freelancers::table.find(id).select(FreelancerRow::as_select()).first(c).optional()?,
    };
    row.ok_or_else(missing)
}

/// The caller's freelancer record; 403 when the caller is not a freelancer.
pub fn of_user(conn: &mut DbConnection, user_id: &str) -> AppResult<FreelancerRow> {
    freelancers::table
        .filter(freelancers::user_id.eq(user_id))
        .select(FreelancerRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::forbidden("forbidden", "Only freelancers can do this."))
}

/// Moves the freelancer to `to` only from a status `to` allows; `None` when the row is
/// in any other status (or gone), so the caller answers 409.
pub fn move_status(conn: &mut DbConnection, id: &str, to: FreelancerStatus, now: NaiveDateTime) -> AppResult<Option<FreelancerRow>> {
    Ok(diesel::update(freelancers::table.filter(freelancers::id.eq(id).and(freelancers::status.eq_any(to.allowed_before()))))
        .set((freelancers::status.eq(to), freelancers::updated_at.eq(now)))
        .returning(freelancers::all_columns)
        .get_result::<FreelancerRow>(conn)
        .optional()?)
}

pub fn set_tier(conn: &mut DbConnection, id: &str, tier: Tier, now: NaiveDateTime) -> AppResult<()> {
    diesel::update(freelancers::table.find(id)).set((freelancers::tier.eq(tier), freelancers::updated_at.eq(now))).execute(conn)?;
    Ok(())
}

/// Hands out `code` only if the freelancer has none yet. `Ok(None)`: someone else was
/// first. A taken code is a unique violation of [`REFERRAL_CODE_KEY`], returned as the
/// raw diesel error so the caller can retry with another code.
pub fn issue_referral_code(conn: &mut DbConnection, id: &str, code: &str, now: NaiveDateTime) -> QueryResult<Option<FreelancerRow>> {
    diesel::update(freelancers::table.filter(freelancers::id.eq(id).and(freelancers::referral_code.is_null())))
        .set((freelancers::referral_code.eq(code), freelancers::eligible_since.eq(now), freelancers::updated_at.eq(now)))
        .returning(freelancers::all_columns)
        .get_result::<FreelancerRow>(conn)
        .optional()
}

/// The person behind a freelancer record: (email, full name).
pub fn contact(conn: &mut DbConnection, user_id: &str) -> AppResult<(String, String)> {
    Ok(users::table.find(user_id).select((users::email, users::full_name)).first::<(String, String)>(conn)?)
}

/// Support's list, newest first, with each freelancer's email and name.
pub fn list(
    conn: &mut DbConnection,
    status: Option<FreelancerStatus>,
    tier: Option<Tier>,
    cursor: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<(FreelancerRow, String, String)>> {
    let mut q =
        freelancers::table.inner_join(users::table).select((FreelancerRow::as_select(), users::email, users::full_name)).into_boxed();
    if let Some(s) = status {
        q = q.filter(freelancers::status.eq(s));
    }
    if let Some(t) = tier {
        q = q.filter(freelancers::tier.eq(t));
    }
    Ok(crate::newest_first!(q, freelancers::created_at, freelancers::id, cursor, limit).load(conn)?)
}

/// The freelancer a referral code belongs to, if any.
pub fn by_referral_code(conn: &mut DbConnection, code: &str) -> AppResult<Option<FreelancerRow>> {
    Ok(freelancers::table.filter(freelancers::referral_code.eq(code)).select(FreelancerRow::as_select()).first(conn).optional()?)
}
