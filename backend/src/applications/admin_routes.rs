//! Support's review queue: list with filters and search, detail, approve, reject.

use crate::web::json::Json;
use actix_web::{get, post, web};
use validator::Validate;

use crate::applications::model::*;
use crate::applications::service;
use crate::auth::StaffUser;
use crate::docs::*;
use crate::error::{AppError, AppResult};
use crate::pagination::{PageParams, Paginated};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(queue).service(detail).service(approve).service(reject);
}

/// The review queue, newest first.
#[utoipa::path(
    operation_id = "list_applications",
    tag = "applications",
    params(QueueFilter, PageParams),
    responses(
        (status = 200, body = Paginated<Application>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/admin/applications")]
async fn queue(
    state: web::Data<AppState>,
    _staff: StaffUser,
    filter: web::Query<QueueFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<Application>>> {
    let page = page.parse()?;
    if filter.q.as_ref().is_some_and(|q| q.chars().count() > 100) {
        return Err(AppError::field("q", "Use at most 100 characters."));
    }
    Ok(web::Json(service::queue(&state, filter.into_inner(), page).await?))
}

/// One application with its applicant.
#[utoipa::path(
    operation_id = "get_application",
    tag = "applications",
    params(("id" = String, Path, description = "Application id")),
    responses((status = 200, body = Application), (status = 401, response = Unauthorized), (status = 403, response = Forbidden), (status = 404, response = NotFound)),
    security(("bearer" = []))
)]
#[get("/admin/applications/{id}")]
async fn detail(state: web::Data<AppState>, _staff: StaffUser, id: web::Path<String>) -> AppResult<web::Json<Application>> {
    Ok(web::Json(service::detail(&state, id.into_inner()).await?))
}

/// Approve a submitted application. The applicant is emailed.
#[utoipa::path(
    operation_id = "approve_application",
    tag = "applications",
    params(("id" = String, Path, description = "Application id")),
    request_body = ApproveForm,
    responses(
        (status = 200, body = Application),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "Not in a state that can be approved (`invalid_status`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[post("/admin/applications/{id}/approve")]
async fn approve(
    state: web::Data<AppState>,
    staff: StaffUser,
    id: web::Path<String>,
    body: Json<ApproveForm>,
) -> AppResult<web::Json<Application>> {
    body.validate()?;
    Ok(web::Json(service::approve(&state, id.into_inner(), staff.0.id, body.into_inner()).await?))
}

/// Reject a submitted application with a reason (and a note, required for `other`).
#[utoipa::path(
    operation_id = "reject_application",
    tag = "applications",
    params(("id" = String, Path, description = "Application id")),
    request_body = RejectForm,
    responses(
        (status = 200, body = Application),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "Not in a state that can be rejected (`invalid_status`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[post("/admin/applications/{id}/reject")]
async fn reject(
    state: web::Data<AppState>,
    staff: StaffUser,
    id: web::Path<String>,
    body: Json<RejectForm>,
) -> AppResult<web::Json<Application>> {
    body.validate()?;
    Ok(web::Json(service::reject(&state, id.into_inner(), staff.0.id, body.into_inner()).await?))
}
