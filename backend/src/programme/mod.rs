//! The public programme page: what it is, benefits, commission rates per plan, clearing
//! periods per tier, how to start, FAQ.

pub mod content;
pub mod routes;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(routes::configure);
}
