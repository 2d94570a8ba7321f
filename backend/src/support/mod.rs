//! Contacting support: tickets and their messages. Anyone signed in opens a ticket and
//! follows the conversation; support staff work the queue, answer and close.

pub mod model;
pub mod routes;
pub mod service;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure);
}
