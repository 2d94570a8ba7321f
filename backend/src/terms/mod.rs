//! Programme terms: versioned documents, freelancers' acceptances (version, time, IP),
//! and support's publication of new versions, which everyone must accept again.

pub mod model;
pub mod routes;
pub mod service;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
