//! Onboarding: the resumable profile (personal and business info), the profile picture
//! (checked, re-encoded, served back), and the W-9 tax form with its TIN encrypted at
//! rest. Terms acceptance lives in `crate::terms`.

pub mod crypto;
pub mod model;
pub mod picture;
pub mod places;
pub mod routes;
pub mod service;
pub mod store;
pub mod tin;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
