//! Earnings: the commission ledger, clearing, balances and withdrawals of a freelancer.

pub mod clearing;
pub mod ledger;
pub mod posting;
pub mod verify;
pub mod verify_routes;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(verify_routes::configure);
}
