//! Appeals: a freelancer disputes a decision with an explanation (a rejected application,
//! or an earnings entry that took money). `submitted → in_review → upheld | denied`, one
//! open appeal per subject, emails both ways. Upholding an application appeal approves
//! the application; upholding an appeal on earnings writes an adjustment citing it.

pub mod model;
pub mod routes;
pub mod service;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure);
}
