//! Earnings: the commission ledger, clearing, balances and withdrawals of a freelancer.

pub mod adjustments;
pub mod admin_routes;
pub mod clearing;
pub mod insights;
pub mod insights_routes;
pub mod ledger;
pub mod posting;
pub mod routes;
pub mod service;
pub mod statements;
pub mod store;
pub mod verify;
pub mod verify_routes;
pub mod view;
pub mod withdrawals;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // Insights first: their fixed paths sit under `/me/earnings/`, beside `{id}` routes.
    cfg.configure(insights_routes::configure)
        .configure(routes::configure)
        .configure(admin_routes::configure)
        .configure(withdrawals::configure)
        .configure(statements::configure)
        .configure(verify_routes::configure);
}
