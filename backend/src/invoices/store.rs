//! Diesel queries for invoices and the tax table. Reads of a client's invoices are scoped
//! by the client in the WHERE clause.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{invoice_lines, invoices, tax_rates};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::invoices::model::{InvoiceLineRow, InvoiceRow};
use crate::invoices::tax_rates::TaxRateRow;

/// Whose invoices a query may return.
#[derive(Debug, Clone)]
pub enum Scope {
    /// Support staff: every invoice.
    Any,
    /// Only the invoices billed to this user.
    OwnedBy(String),
}

/// The invoice, when `scope` may see it.
pub fn find(conn: &mut DbConnection, id: &str, scope: &Scope) -> AppResult<Option<InvoiceRow>> {
    let mut q = invoices::table.filter(invoices::id.eq(id)).select(InvoiceRow::as_select()).into_boxed();
    if let Scope::OwnedBy(user_id) = scope {
        q = q.filter(invoices::customer_user_id.eq(user_id.clone()));
    }
    Ok(q.first(conn).optional()?)
}

/// One page (plus one row) of a client's invoices and credit notes, newest first.
pub fn list_of_customer(
    conn: &mut DbConnection,
    user_id: &str,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<InvoiceRow>> {
    let q = invoices::table.filter(invoices::customer_user_id.eq(user_id.to_string())).select(InvoiceRow::as_select()).into_boxed();
    Ok(crate::newest_first!(q, invoices::issued_at, invoices::id, after, limit).load(conn)?)
}

/// The lines of the given invoices, in order, by invoice.
pub fn lines_of(conn: &mut DbConnection, invoice_ids: &[String]) -> AppResult<HashMap<String, Vec<InvoiceLineRow>>> {
    let rows: Vec<InvoiceLineRow> = invoice_lines::table
        .filter(invoice_lines::invoice_id.eq_any(invoice_ids))
        .order((invoice_lines::invoice_id.asc(), invoice_lines::position.asc()))
        .select(InvoiceLineRow::as_select())
        .load(conn)?;
    let mut out: HashMap<String, Vec<InvoiceLineRow>> = HashMap::new();
    for row in rows {
        out.entry(row.invoice_id.clone()).or_default().push(row);
    }
    Ok(out)
}

/// The numbers of the given invoices.
pub fn numbers_of(conn: &mut DbConnection, invoice_ids: &[String]) -> AppResult<HashMap<String, String>> {
    if invoice_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(String, String)> =
        invoices::table.filter(invoices::id.eq_any(invoice_ids)).select((invoices::id, invoices::number)).load(conn)?;
    Ok(rows.into_iter().collect())
}

/// The tax table, by country.
pub fn tax_rates(conn: &mut DbConnection) -> AppResult<Vec<TaxRateRow>> {
    Ok(tax_rates::table.order(tax_rates::country.asc()).select(TaxRateRow::as_select()).load(conn)?)
}

/// The country's rate, locked until the transaction ends on PostgreSQL (SQLite's writer
/// lock already covers it).
pub fn tax_rate_for_update(conn: &mut DbConnection, country: &str) -> AppResult<Option<TaxRateRow>> {
    let q = tax_rates::table.find(country).select(tax_rates::all_columns);
    Ok(match conn {
        DbConnection::Postgresql(pg) => q.for_update().first(pg).optional()?,
        DbConnection::Sqlite(lite) => q.first(lite).optional()?,
    })
}

/// Inserts the rate unless the country has one; whether it did. MultiConnection has no
/// ON CONFLICT, so each engine gets its own statement. On PostgreSQL a concurrent insert
/// of the same country waits for this one to commit and then inserts nothing, so exactly
/// one writer creates the row.
pub fn insert_tax_rate_if_absent(conn: &mut DbConnection, row: &TaxRateRow) -> AppResult<bool> {
    let n = match conn {
        DbConnection::Postgresql(c) => diesel::insert_into(tax_rates::table).values(row).on_conflict_do_nothing().execute(c)?,
        DbConnection::Sqlite(c) => diesel::insert_into(tax_rates::table).values(row).on_conflict_do_nothing().execute(c)?,
    };
    Ok(n == 1)
}

pub fn update_tax_rate(conn: &mut DbConnection, row: &TaxRateRow) -> AppResult<()> {
    diesel::update(tax_rates::table.find(&row.country))
        .set((
            tax_rates::rate_bps.eq(row.rate_bps),
            tax_rates::label.eq(row.label.clone()),
            tax_rates::updated_by.eq(row.updated_by.clone()),
            tax_rates::updated_at.eq(row.updated_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Deletes the country's rate; the row it was, or None when there was none.
pub fn delete_tax_rate(conn: &mut DbConnection, country: &str) -> AppResult<Option<TaxRateRow>> {
    Ok(diesel::delete(tax_rates::table.find(country)).returning(tax_rates::all_columns).get_result(conn).optional()?)
}
