//! Billing and payments: invoices and credit notes, numbered without gaps per year
//! (`2026-000001`), with line items, tax from the per-country rate table, totals and a
//! status. Other slices issue them through `service::issue_in` / `service::credit_note_in`
//! inside their own transaction, so an invoice exists exactly when the charge it records does.

pub mod admin_routes;
pub mod model;
pub mod numbering;
pub mod pdf;
pub mod routes;
pub mod service;
pub mod store;
pub mod tax_rates;
pub mod view;
pub mod wording;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure).configure(admin_routes::configure);
}
