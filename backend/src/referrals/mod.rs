//! The referral link: `GET /r/{code}` resolves an eligible freelancer's code to the name
//! and picture clients see and the plans on sale, and counts the visit — at most once per
//! visitor per day, with no personal data stored for it. Checkout resolves codes here too.

pub mod model;
pub mod routes;
pub mod service;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure);
}
