//! The freelancer's side: apply, and see the application's status and decision.

use crate::web::json::Json;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use validator::Validate;

use crate::applications::model::*;
use crate::applications::service;
use crate::auth::extractors::client_ip;
use crate::docs::*;
use crate::error::AppResult;
use crate::freelancers::FreelancerCaller;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(submit).service(mine);
}

/// Apply to the programme.
#[utoipa::path(
    operation_id = "submit_application",
    tag = "applications",
    request_body = ApplicationForm,
    responses(
        (status = 201, description = "Submitted", body = Application),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 409, description = "An application is already open (`application_open`) or approved (`already_approved`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[post("/applications")]
async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: FreelancerCaller,
    body: Json<ApplicationForm>,
) -> AppResult<HttpResponse> {
    body.validate()?;
    let app = service::submit(&state, caller.freelancer, body.into_inner(), client_ip(&req)).await?;
    Ok(HttpResponse::Created().json(app))
}

/// The caller's latest application with its status and decision.
#[utoipa::path(
    operation_id = "get_my_application",
    tag = "applications",
    responses(
        (status = 200, body = Application),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, description = "Not applied yet", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/application")]
async fn mine(state: web::Data<AppState>, caller: FreelancerCaller) -> AppResult<web::Json<Application>> {
    Ok(web::Json(service::mine(&state, caller.freelancer).await?))
}
