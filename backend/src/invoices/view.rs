//! The invoice or credit note as the API shows it (`Invoice`), with its lines.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::clock::utc;
use crate::db::schema::{invoice_lines, invoices};
use crate::db::DbConnection;
use crate::domain::commerce::{InvoiceKind, InvoiceStatus};
use crate::error::{AppError, AppResult};
use crate::invoices::model::{InvoiceLineRow, InvoiceRow};

/// Who the invoice is addressed to, as it was when it was issued.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BillToView {
    pub name: String,
    pub email: String,
    pub address: Option<String>,
    #[schema(example = "US")]
    pub country: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InvoiceLine {
    #[schema(example = "Microsoft 365 Business Standard, yearly, 5 seats")]
    pub description: String,
    pub quantity: i32,
    /// Net price per unit, in cents.
    pub unit_amount_cents: i64,
    /// Net amount of the line, in cents (prorated lines are not quantity × unit).
    pub amount_cents: i64,
    pub period_start: Option<DateTime<Utc>>,
    pub period_end: Option<DateTime<Utc>>,
}

/// An invoice (money charged) or a credit note (money refunded), numbered without gaps per year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Invoice {
    #[schema(example = "inv_Zx8Kq2Lm4Np6Rs0Tv1Wy")]
    pub id: String,
    #[schema(example = "2026-000001")]
    pub number: String,
    pub kind: InvoiceKind,
    pub status: InvoiceStatus,
    pub issued_at: DateTime<Utc>,
    #[schema(example = "USD")]
    pub currency: String,
    pub bill_to: BillToView,
    pub lines: Vec<InvoiceLine>,
    pub subtotal_cents: i64,
    /// Tax rate in basis points (1900 = 19 %); 0 when the country has no rate.
    pub tax_rate_bps: i32,
    pub tax_cents: i64,
    pub total_cents: i64,
    pub subscription_id: Option<String>,
    /// For a credit note: the invoice it refunds.
    pub credits_invoice_id: Option<String>,
    pub credits_invoice_number: Option<String>,
}

/// The view of a loaded row and its lines; `credits_number` is the credited invoice's number.
pub fn build(row: InvoiceRow, lines: Vec<InvoiceLineRow>, credits_number: Option<String>) -> Invoice {
    Invoice {
        id: row.id,
        number: row.number,
        kind: row.kind,
        status: row.status,
        issued_at: utc(row.issued_at),
        currency: row.currency,
        bill_to: BillToView {
            name: row.bill_to_name,
            email: row.bill_to_email,
            address: row.bill_to_address,
            country: row.bill_to_country,
        },
        lines: lines
            .into_iter()
            .map(|l| InvoiceLine {
                description: l.description,
                quantity: l.quantity,
                unit_amount_cents: l.unit_amount_cents,
                amount_cents: l.amount_cents,
                period_start: l.period_start.map(utc),
                period_end: l.period_end.map(utc),
            })
            .collect(),
        subtotal_cents: row.subtotal_cents,
        tax_rate_bps: row.tax_rate_bps,
        tax_cents: row.tax_cents,
        total_cents: row.total_cents,
        subscription_id: row.subscription_id,
        credits_invoice_id: row.credits_invoice_id,
        credits_invoice_number: credits_number,
    }
}

/// The row of invoice `id`, if it exists (callers scope access themselves).
pub fn row_in(conn: &mut DbConnection, id: &str) -> AppResult<Option<InvoiceRow>> {
    Ok(invoices::table.find(id).select(InvoiceRow::as_select()).first(conn).optional()?)
}

/// The full view of invoice `id` with its lines (404 when it does not exist).
pub fn load_in(conn: &mut DbConnection, id: &str) -> AppResult<Invoice> {
    let row = row_in(conn, id)?.ok_or_else(|| AppError::not_found("No such invoice."))?;
    let lines: Vec<InvoiceLineRow> = invoice_lines::table
        .filter(invoice_lines::invoice_id.eq(id))
        .order(invoice_lines::position.asc())
        .select(InvoiceLineRow::as_select())
        .load(conn)?;
    let credits_number = match &row.credits_invoice_id {
        Some(cid) => Some(invoices::table.find(cid).select(invoices::number).first(conn)?),
        None => None,
    };
    Ok(build(row, lines, credits_number))
}
