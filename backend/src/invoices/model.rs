//! Invoice rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{invoice_lines, invoices};
use crate::domain::commerce::{InvoiceKind, InvoiceStatus};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = invoices)]
pub struct InvoiceRow {
    pub id: String,
    pub number: String,
    pub year: i32,
    pub seq: i32,
    pub kind: InvoiceKind,
    pub status: InvoiceStatus,
    pub customer_user_id: String,
    pub subscription_id: Option<String>,
    pub credits_invoice_id: Option<String>,
    pub payment_id: Option<String>,
    pub currency: String,
    pub bill_to_name: String,
    pub bill_to_email: String,
    pub bill_to_address: Option<String>,
    pub bill_to_country: Option<String>,
    pub subtotal_cents: i64,
    pub tax_rate_bps: i32,
    pub tax_cents: i64,
    pub total_cents: i64,
    pub issued_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = invoice_lines)]
pub struct InvoiceLineRow {
    pub id: String,
    pub invoice_id: String,
    pub position: i32,
    pub description: String,
    pub quantity: i32,
    pub unit_amount_cents: i64,
    pub amount_cents: i64,
    pub period_start: Option<NaiveDateTime>,
    pub period_end: Option<NaiveDateTime>,
}

/// Who an invoice is addressed to, copied onto it when it is issued.
#[derive(Debug, Clone)]
pub struct BillTo {
    pub name: String,
    pub email: String,
    /// The postal address on one or more lines, when the client has set up their account.
    pub address: Option<String>,
    /// ISO 3166-1 alpha-2; decides the tax rate. None: no tax.
    pub country: Option<String>,
}

/// A line to put on an invoice or credit note. `amount_cents` is given, not derived, so
/// prorated lines keep the exact amount charged.
#[derive(Debug, Clone)]
pub struct NewLine {
    pub description: String,
    pub quantity: i32,
    pub unit_amount_cents: i64,
    pub amount_cents: i64,
    pub period: Option<(NaiveDateTime, NaiveDateTime)>,
}

/// An invoice for money just charged.
#[derive(Debug, Clone)]
pub struct NewInvoice {
    pub customer_user_id: String,
    pub subscription_id: Option<String>,
    pub payment_id: Option<String>,
    pub currency: String,
    pub bill_to: BillTo,
    pub lines: Vec<NewLine>,
}
