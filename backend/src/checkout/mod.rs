//! Checkout: a client (or a freelancer buying for a client) pays for a plan and gets, in
//! one transaction, the order, the paid invoice, the `pending` subscription with its first
//! event, the audit entries and the emails. `Idempotency-Key` makes a retried checkout
//! safe (`web::idempotency`); the payment provider sees a key derived from it.

pub mod model;
pub mod routes;
pub mod service;
pub mod store;

pub use model::Buyer;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure);
}
