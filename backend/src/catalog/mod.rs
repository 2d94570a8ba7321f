//! The catalogue: products, each with plans, prices and commission rates. Seeded with the
//! four Microsoft 365 plans; nothing assumes Microsoft 365 is the only product.

pub mod admin_routes;
pub mod model;
pub mod routes;
pub mod service;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure).configure(admin_routes::configure);
}
