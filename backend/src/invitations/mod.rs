//! Invitations to the programme: support invites an existing account (`internal`) or an
//! email address (`external`). A single-use token, valid 14 days, revocable and
//! re-sendable; registering or signing in through the link attaches it.

pub mod model;
pub mod routes;
pub mod service;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure);
}
