//! Subscriptions: what a client bought, its seats, term, price and state, and the
//! append-only event history that earnings, notifications and webhooks consume; the
//! client's seat changes and cancellation, the referring freelancer's and support's views,
//! and the `renewals` job.

pub mod admin_routes;
pub mod events;
pub mod model;
pub mod referred;
pub mod renewals;
pub mod routes;
pub mod rules;
pub mod service;
pub mod store;
pub mod view;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure).configure(admin_routes::configure);
}
