//! Diesel queries on freelancer records.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::auth::model::FreelancerRow;
use crate::db::schema::freelancers;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};

pub fn by_id(conn: &mut DbConnection, id: &str) -> AppResult<FreelancerRow> {
    freelancers::table
        .find(id)
        .select(FreelancerRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("There is no freelancer with this id."))
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

pub fn set_status(conn: &mut DbConnection, id: &str, status: &str, now: NaiveDateTime) -> AppResult<()> {
    diesel::update(freelancers::table.find(id))
        .set((freelancers::status.eq(status), freelancers::updated_at.eq(now)))
        .execute(conn)?;
    Ok(())
}

pub fn set_tier(conn: &mut DbConnection, id: &str, tier: &str, now: NaiveDateTime) -> AppResult<()> {
    diesel::update(freelancers::table.find(id))
        .set((freelancers::tier.eq(tier), freelancers::updated_at.eq(now)))
        .execute(conn)?;
    Ok(())
}
