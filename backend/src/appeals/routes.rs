//! Appeal routes: the freelancer's (submit, list own) and support's (queue, detail,
//! start review, decide).

use crate::web::json::Json;
use actix_web::{get, post, web, HttpResponse};
use validator::Validate;

use crate::appeals::model::*;
use crate::appeals::service;
use crate::auth::StaffUser;
use crate::docs::*;
use crate::error::AppResult;
use crate::freelancers::FreelancerCaller;
use crate::pagination::{PageParams, Paginated};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(submit).service(mine).service(queue).service(detail).service(review).service(decide);
}

/// Appeal a decision with an explanation.
#[utoipa::path(
    operation_id = "submit_appeal",
    tag = "appeals",
    request_body = NewAppeal,
    responses(
        (status = 201, body = Appeal),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, description = "No such subject of yours", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already under appeal (`appeal_open`), not appealable (`not_appealable`) or another application is open (`application_open`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[post("/appeals")]
async fn submit(state: web::Data<AppState>, caller: FreelancerCaller, body: Json<NewAppeal>) -> AppResult<HttpResponse> {
    body.validate()?;
    Ok(HttpResponse::Created().json(service::submit(&state, caller.freelancer, body.into_inner()).await?))
}

/// The caller's appeals, newest first.
#[utoipa::path(
    operation_id = "list_my_appeals",
    tag = "appeals",
    params(AppealFilter, PageParams),
    responses((status = 200, body = Paginated<Appeal>), (status = 400, response = BadRequest), (status = 401, response = Unauthorized), (status = 403, response = Forbidden), (status = 422, response = Unprocessable)),
    security(("bearer" = []))
)]
#[get("/me/appeals")]
async fn mine(
    state: web::Data<AppState>,
    caller: FreelancerCaller,
    filter: web::Query<AppealFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<Appeal>>> {
    let page = page.parse()?;
    Ok(web::Json(service::mine(&state, caller.freelancer, filter.into_inner(), page).await?))
}

/// Support's appeal queue, newest first.
#[utoipa::path(
    operation_id = "list_appeals",
    tag = "appeals",
    params(AppealFilter, PageParams),
    responses((status = 200, body = Paginated<Appeal>), (status = 400, response = BadRequest), (status = 401, response = Unauthorized), (status = 403, response = Forbidden), (status = 422, response = Unprocessable)),
    security(("bearer" = []))
)]
#[get("/admin/appeals")]
async fn queue(
    state: web::Data<AppState>,
    _staff: StaffUser,
    filter: web::Query<AppealFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<Appeal>>> {
    let page = page.parse()?;
    Ok(web::Json(service::queue(&state, filter.into_inner(), page).await?))
}

/// One appeal.
#[utoipa::path(
    operation_id = "get_appeal",
    tag = "appeals",
    params(("id" = String, Path, description = "Appeal id")),
    responses((status = 200, body = Appeal), (status = 401, response = Unauthorized), (status = 403, response = Forbidden), (status = 404, response = NotFound)),
    security(("bearer" = []))
)]
#[get("/admin/appeals/{id}")]
async fn detail(state: web::Data<AppState>, _staff: StaffUser, id: web::Path<String>) -> AppResult<web::Json<Appeal>> {
    Ok(web::Json(service::detail(&state, id.into_inner()).await?))
}

/// Take a submitted appeal into review.
#[utoipa::path(
    operation_id = "review_appeal",
    tag = "appeals",
    params(("id" = String, Path, description = "Appeal id")),
    responses((status = 200, body = Appeal), (status = 401, response = Unauthorized), (status = 403, response = Forbidden), (status = 404, response = NotFound), (status = 409, response = Conflict)),
    security(("bearer" = []))
)]
#[post("/admin/appeals/{id}/review")]
async fn review(state: web::Data<AppState>, staff: StaffUser, id: web::Path<String>) -> AppResult<web::Json<Appeal>> {
    Ok(web::Json(service::start_review(&state, staff.0.id, id.into_inner()).await?))
}

/// Decide an appeal: `upheld` (an application appeal then approves the application) or
/// `denied`. The freelancer is emailed with the note.
#[utoipa::path(
    operation_id = "decide_appeal",
    tag = "appeals",
    params(("id" = String, Path, description = "Appeal id")),
    request_body = Decide,
    responses(
        (status = 200, body = Appeal),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[post("/admin/appeals/{id}/decide")]
async fn decide(state: web::Data<AppState>, staff: StaffUser, id: web::Path<String>, body: Json<Decide>) -> AppResult<web::Json<Appeal>> {
    body.validate()?;
    Ok(web::Json(service::decide(&state, staff.0.id, id.into_inner(), body.into_inner()).await?))
}
