//! Appeals: a freelancer disputes a decision with an explanation (today: a rejected
//! application). `submitted → in_review → upheld | denied`, one open appeal per subject,
//! emails both ways. Upholding an application appeal approves the application.

pub mod model;
pub mod routes;
pub mod service;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure);
}
