//! Freelancers as the programme sees them: eligibility (the gate of the dashboard), the
//! dashboard itself, and support's view (list, detail, seller tier).

pub mod admin_routes;
pub mod dashboard;
pub mod eligibility;
pub mod model;
pub mod service;
pub mod store;
pub mod tiers;

pub use eligibility::{EligibleFreelancer, FreelancerCaller};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(admin_routes::configure).configure(dashboard::configure);
}
