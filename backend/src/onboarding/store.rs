//! Diesel queries for profiles, pictures and W-9 forms, always scoped by freelancer id.

use diesel::prelude::*;

use crate::db::schema::{freelancer_profiles, profile_pictures, tax_forms, users};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::onboarding::model::{PictureRow, ProfileRow, TaxFormRow};

pub fn profile(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Option<ProfileRow>> {
    Ok(freelancer_profiles::table.find(freelancer_id).select(ProfileRow::as_select()).first(conn).optional()?)
}

/// Inserts or replaces the profile row (portable: no ON CONFLICT on the multi-backend).
pub fn save_profile(conn: &mut DbConnection, row: &ProfileRow, exists: bool) -> AppResult<()> {
    if exists {
        diesel::update(freelancer_profiles::table.find(&row.freelancer_id)).set(row).execute(conn)?;
    } else {
        diesel::insert_into(freelancer_profiles::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// Whether another freelancer already uses this display name (case-insensitive key).
pub fn display_name_taken(conn: &mut DbConnection, key: &str, freelancer_id: &str) -> AppResult<bool> {
    let n: i64 = freelancer_profiles::table
        .filter(freelancer_profiles::display_name_key.eq(key))
        .filter(freelancer_profiles::freelancer_id.ne(freelancer_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub fn user_full_name(conn: &mut DbConnection, user_id: &str) -> AppResult<String> {
    Ok(users::table.find(user_id).select(users::full_name).first(conn)?)
}

pub fn insert_picture(conn: &mut DbConnection, row: &PictureRow) -> AppResult<()> {
    diesel::insert_into(profile_pictures::table).values(row).execute(conn)?;
    Ok(())
}

/// Removes the freelancer's pictures other than `keep`.
pub fn delete_other_pictures(conn: &mut DbConnection, freelancer_id: &str, keep: &str) -> AppResult<usize> {
    Ok(diesel::delete(
        profile_pictures::table
            .filter(profile_pictures::freelancer_id.eq(freelancer_id))
            .filter(profile_pictures::id.ne(keep)),
    )
    .execute(conn)?)
}

pub fn picture(conn: &mut DbConnection, id: &str) -> AppResult<Option<PictureRow>> {
    Ok(profile_pictures::table.find(id).select(PictureRow::as_select()).first(conn).optional()?)
}

pub fn tax_form(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Option<TaxFormRow>> {
    Ok(tax_forms::table.find(freelancer_id).select(TaxFormRow::as_select()).first(conn).optional()?)
}

pub fn save_tax_form(conn: &mut DbConnection, row: &TaxFormRow, exists: bool) -> AppResult<()> {
    if exists {
        diesel::update(tax_forms::table.find(&row.freelancer_id)).set(row).execute(conn)?;
    } else {
        diesel::insert_into(tax_forms::table).values(row).execute(conn)?;
    }
    Ok(())
}
