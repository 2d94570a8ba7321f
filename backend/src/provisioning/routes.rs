//! Support's view of the provisioning tasks.

use actix_web::{get, web};

use crate::auth::StaffUser;
use crate::docs::*;
use crate::error::AppResult;
use crate::pagination::{PageParams, Paginated};
use crate::provisioning::model::{ProvisioningTask, TaskFilter};
use crate::provisioning::service;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_tasks);
}

/// Calls to the Microsoft commerce provider, newest first: pending (with their next
/// attempt and last error), done, or failed after the last retry.
#[utoipa::path(operation_id = "list_provisioning_tasks",
    tag = "admin",
    params(TaskFilter, PageParams),
    responses(
        (status = 200, body = Paginated<ProvisioningTask>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/admin/provisioning-tasks")]
async fn list_tasks(
    state: web::Data<AppState>,
    _staff: StaffUser,
    filter: web::Query<TaskFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<ProvisioningTask>>> {
    let page = page.parse()?;
    Ok(web::Json(service::list(&state, filter.status, page).await?))
}
