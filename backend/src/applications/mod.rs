//! Applying to the programme and support's review: a freelancer submits one application
//! at a time; support approves it, or rejects it with a reason from a fixed list.

pub mod admin_routes;
pub mod model;
pub mod routes;
pub mod service;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure).configure(admin_routes::configure);
}
