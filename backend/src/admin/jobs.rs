//! `POST /admin/jobs/{name}/run`: run a background job now, as the scheduler would.

use actix_web::{post, web};

use crate::auth::StaffUser;
use crate::docs::*;
use crate::error::AppResult;
use crate::jobs::{JobName, JobRun, JobTrigger};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(run_job);
}

/// Run a job now and report what it did.
#[utoipa::path(operation_id = "run_job", 
    tag = "admin",
    params(("name" = String, Path, description = "The job to run", example = "email", pattern = "^(email)$")),
    responses(
        (status = 200, description = "The run", body = JobRun),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, description = "No job of that name", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/admin/jobs/{name}/run")]
async fn run_job(state: web::Data<AppState>, staff: StaffUser, name: web::Path<String>) -> AppResult<web::Json<JobRun>> {
    let job = JobName::resolve(&name)?;
    Ok(web::Json(crate::jobs::run(&state, job, JobTrigger::Api, Some(staff.0.id.clone())).await?))
}
