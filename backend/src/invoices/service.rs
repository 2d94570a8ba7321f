//! Issuing invoices and credit notes inside the caller's transaction. Prices are net; tax
//! is added at the rate of the bill-to country (`tax_rates`, empty by default: no tax),
//! rounded half up to the cent. A credit note copies the tax rate of the invoice it credits
//! and marks that invoice `credited`.

use chrono::{Datelike, NaiveDateTime};
use diesel::prelude::*;

use crate::audit::{AuditAction, AuditEntry};
use crate::auth::AuthUser;
use crate::db::schema::{invoice_lines, invoices, tax_rates};
use crate::db::DbConnection;
use crate::domain::commerce::{InvoiceKind, InvoiceStatus};
use crate::domain::ids::{InvoiceId, InvoiceLineId};
use crate::domain::locale::Locale;
use crate::error::{AppError, AppResult};
use crate::invoices::model::{InvoiceLineRow, InvoiceRow, NewInvoice, NewLine};
use crate::invoices::numbering;
use crate::invoices::view::{self, Invoice};
use crate::invoices::{pdf, store};
use crate::pagination::{finish, Page, Paginated};
use crate::state::AppState;

/// `amount × bps / 10 000`, rounded half up.
pub fn tax_of(amount_cents: i64, rate_bps: i32) -> i64 {
    crate::domain::commerce::bps_of(amount_cents, rate_bps)
}

/// The tax rate of `country` in basis points; 0 when the table has none.
pub fn tax_rate_in(conn: &mut DbConnection, country: Option<&str>) -> AppResult<i32> {
    let Some(country) = country else { return Ok(0) };
    let rate: Option<i32> = tax_rates::table.find(country).select(tax_rates::rate_bps).first(conn).optional()?;
    Ok(rate.unwrap_or(0))
}

fn insert(
    conn: &mut DbConnection,
    (kind, status): (InvoiceKind, InvoiceStatus),
    inv: NewInvoice,
    tax_rate_bps: i32,
    credits: Option<String>,
    actor_id: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<(InvoiceRow, Vec<InvoiceLineRow>)> {
    if inv.lines.is_empty() {
        return Err(AppError::internal("an invoice needs at least one line"));
    }
    let subtotal: i64 = inv.lines.iter().map(|l| l.amount_cents).sum();
    let tax = tax_of(subtotal, tax_rate_bps);
    let year = now.year();
    let seq = numbering::next_in(conn, year)?;
    let row = InvoiceRow {
        id: InvoiceId::generate().0,
        number: numbering::format(year, seq),
        year,
        seq,
        kind,
        status,
        customer_user_id: inv.customer_user_id,
        subscription_id: inv.subscription_id,
        credits_invoice_id: credits,
        payment_id: inv.payment_id,
        currency: inv.currency,
        bill_to_name: inv.bill_to.name,
        bill_to_email: inv.bill_to.email,
        bill_to_address: inv.bill_to.address,
        bill_to_country: inv.bill_to.country,
        subtotal_cents: subtotal,
        tax_rate_bps,
        tax_cents: tax,
        total_cents: subtotal + tax,
        issued_at: now,
    };
    diesel::insert_into(invoices::table).values(&row).execute(conn)?;
    let lines: Vec<InvoiceLineRow> = inv
        .lines
        .into_iter()
        .enumerate()
        .map(|(i, l): (usize, NewLine)| InvoiceLineRow {
            id: InvoiceLineId::generate().0,
            invoice_id: row.id.clone(),
            position: i as i32 + 1,
            description: l.description,
            quantity: l.quantity,
            unit_amount_cents: l.unit_amount_cents,
            amount_cents: l.amount_cents,
            period_start: l.period.map(|p| p.0),
            period_end: l.period.map(|p| p.1),
        })
        .collect();
    // One statement per line: MultiConnection has no batch insert.
    for line in &lines {
        diesel::insert_into(invoice_lines::table).values(line).execute(conn)?;
    }
    let action = match kind {
        InvoiceKind::Invoice => AuditAction::InvoiceIssued,
        InvoiceKind::CreditNote => AuditAction::CreditNoteIssued,
    };
    AuditEntry::new(actor_id, action, "invoice", &row.id)
        .after(serde_json::json!({
            "number": row.number,
            "subscription_id": row.subscription_id,
            "total_cents": row.total_cents,
            "currency": row.currency,
            "credits_invoice_id": row.credits_invoice_id,
        }))
        .write(conn, now)?;
    Ok((row, lines))
}

/// Issues a paid invoice for money just charged (`actor_id`: who caused the charge).
pub fn issue_in(
    conn: &mut DbConnection,
    inv: NewInvoice,
    actor_id: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<(InvoiceRow, Vec<InvoiceLineRow>)> {
    let rate = tax_rate_in(conn, inv.bill_to.country.as_deref())?;
    insert(conn, (InvoiceKind::Invoice, InvoiceStatus::Paid), inv, rate, None, actor_id, now)
}

/// Issues a credit note against invoice `credited_id` for the refunded lines (net amounts,
/// positive), at that invoice's tax rate, and marks the invoice `credited`.
pub fn credit_note_in(
    conn: &mut DbConnection,
    credited_id: &str,
    payment_id: Option<String>,
    lines: Vec<NewLine>,
    actor_id: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<(InvoiceRow, Vec<InvoiceLineRow>)> {
    let original: InvoiceRow = invoices::table.find(credited_id).select(InvoiceRow::as_select()).first(conn)?;
    if original.kind != InvoiceKind::Invoice {
        return Err(AppError::internal("a credit note credits an invoice, not a credit note"));
    }
    diesel::update(invoices::table.find(credited_id)).set(invoices::status.eq(InvoiceStatus::Credited)).execute(conn)?;
    let inv = NewInvoice {
        customer_user_id: original.customer_user_id.clone(),
        subscription_id: original.subscription_id.clone(),
        payment_id,
        currency: original.currency.clone(),
        bill_to: crate::invoices::model::BillTo {
            name: original.bill_to_name.clone(),
            email: original.bill_to_email.clone(),
            address: original.bill_to_address.clone(),
            country: original.bill_to_country.clone(),
        },
        lines,
    };
    insert(conn, (InvoiceKind::CreditNote, InvoiceStatus::Issued), inv, original.tax_rate_bps, Some(original.id), actor_id, now)
}

/// Who may see which invoices: the client they are billed to, and staff (anyone else
/// gets 404, so ids do not leak).
fn scope_of(user: &AuthUser) -> store::Scope {
    if user.is_staff() {
        store::Scope::Any
    } else {
        store::Scope::OwnedBy(user.id.clone())
    }
}

/// The caller's own invoices and credit notes with their lines, newest first (staff too
/// see only their own here).
pub async fn list_mine(state: &AppState, user: &AuthUser, page: Page) -> AppResult<Paginated<Invoice>> {
    let user_id = user.id.clone();
    state
        .db
        .run(move |conn| {
            let rows = store::list_of_customer(conn, &user_id, page.after, page.limit)?;
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let lines = store::lines_of(conn, &ids)?;
            let credited: Vec<String> = rows.iter().filter_map(|r| r.credits_invoice_id.clone()).collect();
            let numbers = store::numbers_of(conn, &credited)?;
            Ok(finish(
                rows,
                page.limit,
                |r| (r.issued_at, r.id.clone()),
                |r| {
                    let own_lines = lines.get(&r.id).cloned().unwrap_or_default();
                    let credits_number = r.credits_invoice_id.as_ref().and_then(|c| numbers.get(c).cloned());
                    view::build(r, own_lines, credits_number)
                },
            ))
        })
        .await
}

/// One invoice with its lines, for its client or staff.
pub async fn get(state: &AppState, user: &AuthUser, id: String) -> AppResult<Invoice> {
    let scope = scope_of(user);
    state
        .db
        .run(move |conn| {
            store::find(conn, &id, &scope)?.ok_or_else(|| AppError::not_found("No such invoice."))?;
            view::load_in(conn, &id)
        })
        .await
}

/// The invoice as a PDF in `locale`, with its file name.
pub async fn pdf(state: &AppState, user: &AuthUser, id: String, locale: Locale) -> AppResult<(String, Vec<u8>)> {
    let invoice = get(state, user, id).await?;
    let seller = state.settings.seller.clone();
    let bytes = actix_web::web::block(move || pdf::render(&invoice, &seller, locale).map(|b| (pdf::filename(&invoice), b)))
        .await
        .map_err(|e| AppError::internal(format!("PDF rendering thread: {e}")))??;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::tax_of;

    #[test]
    fn tax_rounds_half_up_to_the_cent() {
        assert_eq!(tax_of(10_000, 1900), 1_900);
        assert_eq!(tax_of(1_005, 1900), 191); // 190.95
        assert_eq!(tax_of(1_002, 1900), 190); // 190.38
        assert_eq!(tax_of(0, 1900), 0);
        assert_eq!(tax_of(999, 0), 0);
    }
}
