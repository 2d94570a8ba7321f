//! Provisioning: every call to the Microsoft commerce provider is a task, created in the
//! transaction of the change that needs it (an approval, an accepted partnership, a seat
//! change…) and carried out by the `provisioning` job with backoff, so a provider outage
//! delays a step but never loses or repeats it. Support sees the tasks and their errors.

pub mod model;
pub mod routes;
pub mod service;
pub mod store;

pub use service::{enqueue_in, enqueue_task_in, run_now};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure);
}
