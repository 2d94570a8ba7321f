//! Customer accounts: the client's Microsoft account set-up (account name, address,
//! primary contact, and a new `name.onmicrosoft.com` domain or an existing customer's
//! own), support's review of it, and the partnership (reseller relationship) the client
//! accepts afterwards, which activates their pending subscriptions.

pub mod admin_routes;
pub mod form;
pub mod model;
pub mod routes;
pub mod service;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure).configure(admin_routes::configure);
}
