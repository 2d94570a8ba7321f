//! Gap-free invoice numbers per year. The counter row is incremented by one conditional
//! statement inside the issuing transaction: on PostgreSQL the row lock queues concurrent
//! issuers until the first commits (or rolls back, returning its number), on SQLite the
//! write lock does; so a number is either used by a committed invoice or never handed out.

use diesel::prelude::*;

use crate::db::schema::invoice_counters;
use crate::db::DbConnection;
use crate::error::AppResult;

/// The next number of `year`, starting at 1.
pub fn next_in(conn: &mut DbConnection, year: i32) -> AppResult<i32> {
    let fresh = (invoice_counters::year.eq(year), invoice_counters::last_number.eq(0));
    match conn {
        DbConnection::Postgresql(c) => {
            diesel::insert_into(invoice_counters::table).values(fresh).on_conflict_do_nothing().execute(c)?;
        }
        DbConnection::Sqlite(c) => {
            diesel::insert_into(invoice_counters::table).values(fresh).on_conflict_do_nothing().execute(c)?;
        }
    }
    let n: i32 = diesel::update(invoice_counters::table.filter(invoice_counters::year.eq(year)))
        .set(invoice_counters::last_number.eq(invoice_counters::last_number + 1))
        .returning(invoice_counters::last_number)
        .get_result(conn)?;
    Ok(n)
}

/// `2026-000042`.
pub fn format(year: i32, seq: i32) -> String {
    format!("{year}-{seq:06}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_sort_as_text() {
        assert_eq!(super::format(2026, 42), "2026-000042");
        assert!(super::format(2026, 9) < super::format(2026, 10));
    }
}
