//! Earnings: the commission ledger, clearing, balances and withdrawals of a freelancer.

pub mod adjustments;
pub mod admin_routes;
pub mod clearing;
pub mod ledger;
pub mod routes;
pub mod service;
pub mod store;
pub mod view;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure).configure(admin_routes::configure);
}
