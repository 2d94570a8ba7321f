//! Diesel queries for profiles, pictures and W-9 forms, always scoped by freelancer id.
//!
//! Saves hold on PostgreSQL without a lock on anything but the rows they touch: the
//! first save inserts the row if it is missing (`ON CONFLICT DO NOTHING`, so two first
//! saves both succeed and the second waits for the first), and every later write is an
//! `UPDATE` of only the columns the request changes, which PostgreSQL applies to the
//! latest committed row. A save that must know the previous row (the W-9, for its audit
//! entry) reads it `FOR UPDATE`. SQLite runs one writer at a time (`BEGIN IMMEDIATE`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{freelancer_profiles, profile_pictures, tax_forms, users};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::onboarding::model::{PictureRow, ProfileChanges, ProfileRow, TaxFormRow};

pub fn profile(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Option<ProfileRow>> {
    Ok(freelancer_profiles::table.find(freelancer_id).select(ProfileRow::as_select()).first(conn).optional()?)
}

/// Inserts `blank` unless the freelancer already has a profile; whether it did.
pub fn insert_profile_if_missing(conn: &mut DbConnection, blank: &ProfileRow) -> AppResult<bool> {
    let n = match conn {
        DbConnection::Postgresql(pg) => diesel::insert_into(freelancer_profiles::table)
            .values(blank)
            .on_conflict(freelancer_profiles::freelancer_id)
            .do_nothing()
            .execute(pg)?,
        DbConnection::Sqlite(lite) => diesel::insert_into(freelancer_profiles::table)
            .values(blank)
            .on_conflict(freelancer_profiles::freelancer_id)
            .do_nothing()
            .execute(lite)?,
    };
    Ok(n == 1)
}

/// Writes only the changed columns (and `updated_at`).
pub fn update_profile(conn: &mut DbConnection, freelancer_id: &str, changes: &ProfileChanges, now: NaiveDateTime) -> AppResult<()> {
    let target = freelancer_profiles::table.find(freelancer_id);
    if changes.is_empty() {
        diesel::update(target).set(freelancer_profiles::updated_at.eq(now)).execute(conn)?;
    } else {
        diesel::update(target).set((changes, freelancer_profiles::updated_at.eq(now))).execute(conn)?;
    }
    Ok(())
}

/// Stamps each section complete the first time its required fields are all saved. The
/// conditions are read from the row as it is when the statement runs, so a section
/// completed by two saves of different fields running side by side is still stamped.
pub fn stamp_completed_sections(conn: &mut DbConnection, freelancer_id: &str, now: NaiveDateTime) -> AppResult<()> {
    use freelancer_profiles::dsl as p;
    diesel::update(
        p::freelancer_profiles
            .filter(p::freelancer_id.eq(freelancer_id))
            .filter(p::personal_completed_at.is_null())
            .filter(p::display_name.is_not_null())
            .filter(p::country.is_not_null())
            .filter(p::languages.ne("[]")),
    )
    .set(p::personal_completed_at.eq(now))
    .execute(conn)?;
    diesel::update(
        p::freelancer_profiles
            .filter(p::freelancer_id.eq(freelancer_id))
            .filter(p::business_completed_at.is_null())
            .filter(p::occupation.ne(""))
            .filter(p::skills.ne("[]")),
    )
    .set(p::business_completed_at.eq(now))
    .execute(conn)?;
    Ok(())
}

pub fn set_picture(conn: &mut DbConnection, freelancer_id: &str, picture_id: &str, now: NaiveDateTime) -> AppResult<bool> {
    let n = diesel::update(freelancer_profiles::table.find(freelancer_id))
        .set((freelancer_profiles::picture_id.eq(picture_id), freelancer_profiles::updated_at.eq(now)))
        .execute(conn)?;
    Ok(n == 1)
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
        profile_pictures::table.filter(profile_pictures::freelancer_id.eq(freelancer_id)).filter(profile_pictures::id.ne(keep)),
    )
    .execute(conn)?)
}

pub fn picture(conn: &mut DbConnection, id: &str) -> AppResult<Option<PictureRow>> {
    Ok(profile_pictures::table.find(id).select(PictureRow::as_select()).first(conn).optional()?)
}

pub fn tax_form(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Option<TaxFormRow>> {
    Ok(tax_forms::table.find(freelancer_id).select(TaxFormRow::as_select()).first(conn).optional()?)
}

/// The saved form, locked until the transaction ends on PostgreSQL (SQLite's writer
/// lock already covers it), so the caller can replace it knowing what it replaces.
pub fn tax_form_for_update(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Option<TaxFormRow>> {
    let q = tax_forms::table.find(freelancer_id);
    Ok(match conn {
        DbConnection::Postgresql(pg) => q.select(TaxFormRow::as_select()).for_update().first(pg).optional()?,
        DbConnection::Sqlite(lite) => q.select(TaxFormRow::as_select()).first(lite).optional()?,
    })
}

/// Inserts the form unless one exists; whether it did.
pub fn insert_tax_form_if_missing(conn: &mut DbConnection, row: &TaxFormRow) -> AppResult<bool> {
    let n = match conn {
        DbConnection::Postgresql(pg) => {
            diesel::insert_into(tax_forms::table).values(row).on_conflict(tax_forms::freelancer_id).do_nothing().execute(pg)?
        }
        DbConnection::Sqlite(lite) => {
            diesel::insert_into(tax_forms::table).values(row).on_conflict(tax_forms::freelancer_id).do_nothing().execute(lite)?
        }
    };
    Ok(n == 1)
}

/// Replaces a saved form: every column the form carries, not the row's creation time.
pub fn replace_tax_form(conn: &mut DbConnection, row: &TaxFormRow) -> AppResult<()> {
    use tax_forms::dsl as t;
    diesel::update(t::tax_forms.find(&row.freelancer_id))
        .set((
            t::legal_name.eq(&row.legal_name),
            t::business_name.eq(&row.business_name),
            t::tax_classification.eq(row.tax_classification),
            t::address_line1.eq(&row.address_line1),
            t::address_line2.eq(&row.address_line2),
            t::city.eq(&row.city),
            t::state.eq(&row.state),
            t::zip.eq(&row.zip),
            t::tin_type.eq(row.tin_type),
            t::tin_ciphertext.eq(&row.tin_ciphertext),
            t::tin_key_id.eq(&row.tin_key_id),
            t::tin_last4.eq(&row.tin_last4),
            t::signature_name.eq(&row.signature_name),
            t::signed_at.eq(row.signed_at),
            t::signed_ip.eq(&row.signed_ip),
            t::updated_at.eq(row.updated_at),
        ))
        .execute(conn)?;
    Ok(())
}
