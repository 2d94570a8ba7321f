//! Diesel queries for users, roles and freelancer records.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::auth::model::{FreelancerRow, NewUser, UserRow};
use crate::db::schema::{freelancers, user_roles, users};
use crate::db::DbConnection;
use crate::domain::Role;
use crate::error::AppResult;

pub fn insert_user(conn: &mut DbConnection, user: &NewUser) -> AppResult<()> {
    diesel::insert_into(users::table).values(user).execute(conn)?;
    Ok(())
}

pub fn find_by_email(conn: &mut DbConnection, email: &str) -> AppResult<Option<UserRow>> {
    Ok(users::table.filter(users::email.eq(email)).select(UserRow::as_select()).first(conn).optional()?)
}

pub fn find_by_id(conn: &mut DbConnection, id: &str) -> AppResult<Option<UserRow>> {
    Ok(users::table.find(id).select(UserRow::as_select()).first(conn).optional()?)
}

pub fn roles_of(conn: &mut DbConnection, user_id: &str) -> AppResult<Vec<Role>> {
    let mut roles: Vec<Role> = user_roles::table.filter(user_roles::user_id.eq(user_id)).select(user_roles::role).load(conn)?;
    roles.sort_by_key(|r| r.as_str());
    Ok(roles)
}

/// Grants a role; returns false when the user already had it. An insert that ignores
/// the primary-key conflict, so two grants at once are not a unique-violation 500.
pub fn grant_role(conn: &mut DbConnection, user_id: &str, role: Role, at: NaiveDateTime) -> AppResult<bool> {
    let row = (user_roles::user_id.eq(user_id), user_roles::role.eq(role), user_roles::granted_at.eq(at));
    let n = match conn {
        DbConnection::Postgresql(c) => diesel::insert_into(user_roles::table).values(row).on_conflict_do_nothing().execute(c)?,
        DbConnection::Sqlite(c) => diesel::insert_into(user_roles::table).values(row).on_conflict_do_nothing().execute(c)?,
    };
    Ok(n == 1)
}

/// Revokes a role; returns false when the user did not have it.
pub fn revoke_role(conn: &mut DbConnection, user_id: &str, role: Role) -> AppResult<bool> {
    let n = diesel::delete(user_roles::table.filter(user_roles::user_id.eq(user_id).and(user_roles::role.eq(role)))).execute(conn)?;
    Ok(n == 1)
}

pub fn insert_freelancer(conn: &mut DbConnection, id: &str, user_id: &str, at: NaiveDateTime) -> AppResult<()> {
    diesel::insert_into(freelancers::table)
        .values((
            freelancers::id.eq(id),
            freelancers::user_id.eq(user_id),
            freelancers::status.eq(crate::freelancers::model::FreelancerStatus::Registered),
            freelancers::tier.eq(crate::freelancers::tiers::Tier::Standard),
            freelancers::created_at.eq(at),
            freelancers::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn freelancer_of(conn: &mut DbConnection, user_id: &str) -> AppResult<Option<FreelancerRow>> {
    Ok(freelancers::table.filter(freelancers::user_id.eq(user_id)).select(FreelancerRow::as_select()).first(conn).optional()?)
}

pub fn update_password(conn: &mut DbConnection, user_id: &str, hash: &str, at: NaiveDateTime) -> AppResult<()> {
    diesel::update(users::table.find(user_id)).set((users::password_hash.eq(hash), users::updated_at.eq(at))).execute(conn)?;
    Ok(())
}

/// Sets the language and/or the name of an account (a `None` leaves it as it is);
/// returns the row as it is now.
pub fn update_account(
    conn: &mut DbConnection,
    user_id: &str,
    locale: Option<crate::domain::locale::Locale>,
    full_name: Option<&str>,
    at: NaiveDateTime,
) -> AppResult<UserRow> {
    #[derive(AsChangeset)]
    #[diesel(table_name = users)]
    struct Change<'a> {
        locale: Option<crate::domain::locale::Locale>,
        full_name: Option<&'a str>,
        updated_at: NaiveDateTime,
    }
    diesel::update(users::table.find(user_id)).set(Change { locale, full_name, updated_at: at }).execute(conn)?;
    find_by_id(conn, user_id)?.ok_or_else(|| diesel::result::Error::NotFound.into())
}

/// The address, name and language of the person behind a freelancer record.
pub fn recipient_of_freelancer(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<(String, String, crate::domain::locale::Locale)> {
    Ok(freelancers::table
        .inner_join(users::table)
        .filter(freelancers::id.eq(freelancer_id))
        .select((users::email, users::full_name, users::locale))
        .first(conn)?)
}
