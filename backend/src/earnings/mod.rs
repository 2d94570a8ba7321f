//! Earnings: the commission ledger, clearing, balances and withdrawals of a freelancer.

pub mod clearing;
pub mod insights;
pub mod insights_routes;
pub mod ledger;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // Insights first: their fixed paths sit under `/me/earnings/`, beside `{id}` routes.
    cfg.configure(insights_routes::configure);
}
