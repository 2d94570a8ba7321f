//! Diesel queries for withdrawals. A freelancer's reads are scoped by their id in the
//! WHERE clause; status moves are conditional UPDATEs.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{applications, earning_balances, freelancer_profiles, freelancers, tax_forms, users, withdrawals};
use crate::db::DbConnection;
use crate::domain::earnings::WithdrawalStatus;
use crate::domain::locale::Locale;
use crate::earnings::withdrawals::view::WithdrawalRow;
use crate::error::AppResult;

/// Whose withdrawals a read may return.
#[derive(Debug, Clone)]
pub enum Scope {
    /// Support staff: every withdrawal.
    Any,
    /// Only this freelancer's.
    Of(String),
}

/// The account behind a freelancer: where their emails go, and in which language.
#[derive(Debug, Clone, Queryable)]
pub struct Owner {
    pub user_id: String,
    pub email: String,
    pub full_name: String,
    pub locale: Locale,
}

pub fn owner_in(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Owner> {
    Ok(freelancers::table
        .inner_join(users::table)
        .filter(freelancers::id.eq(freelancer_id))
        .select((users::id, users::email, users::full_name, users::locale))
        .first(conn)?)
}

/// Available funds, with the balances row locked until the transaction ends on
/// PostgreSQL (SQLite's `BEGIN IMMEDIATE` already serialises writers): concurrent
/// requests of one freelancer decide one after the other, each on the funds the one
/// before left. Zero when the freelancer never earned.
pub fn lock_available_in(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<i64> {
    let q = earning_balances::table.find(freelancer_id).select(earning_balances::available_cents);
    let available: Option<i64> = match conn {
        DbConnection::Postgresql(pg) => q.for_update().first(pg).optional()?,
        DbConnection::Sqlite(lite) => q.first(lite).optional()?,
    };
    Ok(available.unwrap_or(0))
}

/// The freelancer's withdrawal in flight, if any.
pub fn in_flight_in(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Option<String>> {
    Ok(withdrawals::table
        .filter(withdrawals::freelancer_id.eq(freelancer_id))
        .filter(withdrawals::status.eq(WithdrawalStatus::Requested))
        .select(withdrawals::id)
        .first(conn)
        .optional()?)
}

/// Inserts `row` unless the freelancer has one in flight (the partial unique index
/// `withdrawals_one_in_flight`): `ON CONFLICT DO NOTHING`, so that on PostgreSQL a lost
/// race does not abort the transaction. Whether it was written.
pub fn insert_in(conn: &mut DbConnection, row: &WithdrawalRow) -> AppResult<bool> {
    let n = match conn {
        DbConnection::Postgresql(c) => diesel::insert_into(withdrawals::table).values(row).on_conflict_do_nothing().execute(c)?,
        DbConnection::Sqlite(c) => diesel::insert_into(withdrawals::table).values(row).on_conflict_do_nothing().execute(c)?,
    };
    Ok(n == 1)
}

pub fn find_in(conn: &mut DbConnection, id: &str, scope: &Scope) -> AppResult<Option<WithdrawalRow>> {
    let mut q = withdrawals::table.filter(withdrawals::id.eq(id)).select(WithdrawalRow::as_select()).into_boxed();
    if let Scope::Of(freelancer_id) = scope {
        q = q.filter(withdrawals::freelancer_id.eq(freelancer_id.clone()));
    }
    Ok(q.first(conn).optional()?)
}

/// Counts one more payout attempt of a withdrawal still `requested`; None when it is
/// paid or failed by now.
pub fn claim_attempt_in(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> AppResult<Option<WithdrawalRow>> {
    let n = diesel::update(withdrawals::table.filter(withdrawals::id.eq(id)).filter(withdrawals::status.eq(WithdrawalStatus::Requested)))
        .set((withdrawals::attempts.eq(withdrawals::attempts + 1), withdrawals::updated_at.eq(now)))
        .execute(conn)?;
    if n == 0 {
        return Ok(None);
    }
    find_in(conn, id, &Scope::Any)
}

/// How a payout ended.
pub struct Decision<'a> {
    pub to: WithdrawalStatus,
    pub provider_ref: Option<&'a str>,
    pub failure_code: Option<&'a str>,
    pub failure_reason: Option<&'a str>,
}

/// `requested → paid | failed` in one conditional statement; whether this call moved it
/// (a concurrent attempt that got there first makes it a no-op).
pub fn decide_in(conn: &mut DbConnection, id: &str, d: Decision<'_>, now: NaiveDateTime) -> AppResult<bool> {
    let n = diesel::update(withdrawals::table.filter(withdrawals::id.eq(id)).filter(withdrawals::status.eq(WithdrawalStatus::Requested)))
        .set((
            withdrawals::status.eq(d.to),
            withdrawals::provider_ref.eq(d.provider_ref),
            withdrawals::failure_code.eq(d.failure_code),
            withdrawals::failure_reason.eq(d.failure_reason),
            withdrawals::decided_at.eq(now),
            withdrawals::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// One page (plus one row) of a freelancer's withdrawals, newest first.
pub fn list_of_in(
    conn: &mut DbConnection,
    freelancer_id: &str,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<WithdrawalRow>> {
    let q =
        withdrawals::table.filter(withdrawals::freelancer_id.eq(freelancer_id.to_string())).select(WithdrawalRow::as_select()).into_boxed();
    Ok(crate::newest_first!(q, withdrawals::requested_at, withdrawals::id, after, limit).load(conn)?)
}

/// One page (plus one row) of every freelancer's withdrawals, newest first, each with
/// the freelancer's name and email.
pub fn queue_in(
    conn: &mut DbConnection,
    status: Option<WithdrawalStatus>,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<(WithdrawalRow, String, String)>> {
    let mut q = withdrawals::table
        .inner_join(freelancers::table.inner_join(users::table))
        .select((WithdrawalRow::as_select(), users::full_name, users::email))
        .into_boxed();
    if let Some(s) = status {
        q = q.filter(withdrawals::status.eq(s));
    }
    Ok(crate::newest_first!(q, withdrawals::requested_at, withdrawals::id, after, limit).load(conn)?)
}

/// Whether the freelancer counts as being in the US (their latest application or their
/// profile says so; see `freelancers::eligibility::needs_w9`) and whether a W-9 is on file.
pub fn w9_in(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<(bool, bool)> {
    let application: Option<String> = applications::table
        .filter(applications::freelancer_id.eq(freelancer_id))
        .order((applications::created_at.desc(), applications::id.desc()))
        .select(applications::country)
        .first(conn)
        .optional()?;
    let profile: Option<Option<String>> =
        freelancer_profiles::table.find(freelancer_id).select(freelancer_profiles::country).first(conn).optional()?;
    let in_us = crate::freelancers::eligibility::needs_w9(application.as_deref(), profile.flatten().as_deref());
    let on_file: i64 = tax_forms::table.filter(tax_forms::freelancer_id.eq(freelancer_id)).count().get_result(conn)?;
    Ok((in_us, on_file > 0))
}
