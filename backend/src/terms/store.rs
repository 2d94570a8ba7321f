//! Diesel queries for terms versions and acceptances.

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use crate::db::schema::{freelancers, terms_acceptances, terms_versions, users};
use crate::db::{DbConnection, Engine};
use crate::error::AppResult;
use crate::terms::model::{AcceptanceRow, TermsVersionRow};

/// Serializes publications, so two at once number their versions one after the other
/// instead of colliding on the same `max + 1`. (SQLite transactions already hold the
/// write lock from their start: see `db::Db::transaction`.)
pub fn lock_versions(conn: &mut DbConnection) -> AppResult<()> {
    match conn.engine() {
        Engine::Sqlite => Ok(()),
        Engine::Postgres => Ok(conn.batch_execute("LOCK TABLE terms_versions IN SHARE ROW EXCLUSIVE MODE")?),
    }
}

/// Keeps publications out while an acceptance is decided: an acceptance of version N
/// commits before version N+1 is published (and its acceptor is then emailed), or it
/// reads N+1 and is refused as outdated; never accepted-but-not-told. Acceptances do not
/// wait for each other (SHARE does not conflict with SHARE).
pub fn lock_versions_shared(conn: &mut DbConnection) -> AppResult<()> {
    match conn.engine() {
        Engine::Sqlite => Ok(()),
        Engine::Postgres => Ok(conn.batch_execute("LOCK TABLE terms_versions IN SHARE MODE")?),
    }
}

pub fn current(conn: &mut DbConnection) -> AppResult<Option<TermsVersionRow>> {
    Ok(terms_versions::table.order(terms_versions::version.desc()).select(TermsVersionRow::as_select()).first(conn).optional()?)
}

/// Versions newest first, after the (published_at, version) cursor.
pub fn versions(conn: &mut DbConnection, after: Option<(NaiveDateTime, i32)>, limit: i64) -> AppResult<Vec<TermsVersionRow>> {
    let q = terms_versions::table.select(TermsVersionRow::as_select()).into_boxed();
    Ok(crate::newest_first!(q, terms_versions::published_at, terms_versions::version, after, limit).load(conn)?)
}

pub fn insert_version(conn: &mut DbConnection, row: &TermsVersionRow) -> AppResult<()> {
    diesel::insert_into(terms_versions::table).values(row).execute(conn)?;
    Ok(())
}

pub fn acceptance_count(conn: &mut DbConnection, version: i32) -> AppResult<i64> {
    Ok(terms_acceptances::table.filter(terms_acceptances::version.eq(version)).count().get_result(conn)?)
}

pub fn acceptance(conn: &mut DbConnection, freelancer_id: &str, version: i32) -> AppResult<Option<AcceptanceRow>> {
    Ok(terms_acceptances::table
        .filter(terms_acceptances::freelancer_id.eq(freelancer_id).and(terms_acceptances::version.eq(version)))
        .select(AcceptanceRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn insert_acceptance(conn: &mut DbConnection, row: &AcceptanceRow) -> AppResult<()> {
    diesel::insert_into(terms_acceptances::table).values(row).execute(conn)?;
    Ok(())
}

/// The freelancer's acceptances, newest first, after the (accepted_at, id) cursor.
pub fn acceptances_of(
    conn: &mut DbConnection,
    freelancer_id: &str,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<AcceptanceRow>> {
    let q = terms_acceptances::table
        .filter(terms_acceptances::freelancer_id.eq(freelancer_id.to_string()))
        .select(AcceptanceRow::as_select())
        .into_boxed();
    Ok(crate::newest_first!(q, terms_acceptances::accepted_at, terms_acceptances::id, after, limit).load(conn)?)
}

/// (email, full name) of every freelancer who accepted some version below `version`.
pub fn earlier_acceptors(conn: &mut DbConnection, version: i32) -> AppResult<Vec<(String, String, crate::domain::locale::Locale)>> {
    let earlier = terms_acceptances::table.filter(terms_acceptances::version.lt(version)).select(terms_acceptances::freelancer_id);
    Ok(freelancers::table
        .inner_join(users::table)
        .filter(freelancers::id.eq_any(earlier))
        .order(users::email.asc())
        .select((users::email, users::full_name, users::locale))
        .load(conn)?)
}
