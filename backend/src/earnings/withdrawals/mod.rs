//! Withdrawals: a freelancer pays out available funds (at least $10, one at a time, a
//! W-9 first when in the US). The request takes the money from available funds in one
//! transaction (a `withdrawal` ledger entry); the payout provider is called after it
//! commits; a second transaction records the outcome: paid (counted as withdrawn) or
//! failed (a positive entry returns the money, with the reason). A payout the provider
//! could not answer stays `requested`, and support retries it from the queue.

pub mod admin_routes;
pub mod routes;
pub mod service;
pub mod store;
pub mod view;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure).configure(admin_routes::configure);
}
