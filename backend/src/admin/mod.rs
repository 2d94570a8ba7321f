//! Operations for support staff and admins: the audit log, the email outbox, running
//! jobs on demand, and (test clock mode only) moving time.

pub mod audit_log;
pub mod clock;
pub mod jobs;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(audit_log::configure).configure(clock::configure).configure(jobs::configure);
    cfg.configure(crate::notifications::routes::configure);
}
