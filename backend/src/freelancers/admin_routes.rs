//! Support's view of freelancers: list, detail with eligibility, and the seller tier.
//! Thin handlers over `freelancers::service`.

use crate::web::json::Json;
use actix_web::{get, put, web};

use crate::auth::StaffUser;
use crate::docs::*;
use crate::error::AppResult;
use crate::freelancers::model::{FreelancerAdminView, FreelancerFilter, TierChange};
use crate::freelancers::service;
use crate::pagination::{PageParams, Paginated};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list).service(detail).service(set_tier);
}

/// Freelancers, newest first.
#[utoipa::path(
    operation_id = "list_freelancers",
    tag = "freelancers",
    params(FreelancerFilter, PageParams),
    responses((status = 200, body = Paginated<FreelancerAdminView>), (status = 400, response = BadRequest), (status = 401, response = Unauthorized), (status = 403, response = Forbidden), (status = 422, response = Unprocessable)),
    security(("bearer" = []))
)]
#[get("/admin/freelancers")]
async fn list(
    state: web::Data<AppState>,
    _staff: StaffUser,
    filter: web::Query<FreelancerFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<FreelancerAdminView>>> {
    Ok(web::Json(service::list(&state, filter.into_inner(), page.parse()?).await?))
}

/// One freelancer with eligibility.
#[utoipa::path(
    operation_id = "get_freelancer",
    tag = "freelancers",
    params(("id" = String, Path, description = "Freelancer id (`fl_…`)")),
    responses((status = 200, body = FreelancerAdminView), (status = 401, response = Unauthorized), (status = 403, response = Forbidden), (status = 404, response = NotFound)),
    security(("bearer" = []))
)]
#[get("/admin/freelancers/{id}")]
async fn detail(state: web::Data<AppState>, _staff: StaffUser, id: web::Path<String>) -> AppResult<web::Json<FreelancerAdminView>> {
    Ok(web::Json(service::detail(&state, id.into_inner()).await?))
}

/// Set the seller tier (decides the clearing period). Audited; the freelancer is emailed.
#[utoipa::path(
    operation_id = "set_freelancer_tier",
    tag = "freelancers",
    params(("id" = String, Path, description = "Freelancer id (`fl_…`)")),
    request_body = TierChange,
    responses(
        (status = 200, body = FreelancerAdminView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[put("/admin/freelancers/{id}/tier")]
async fn set_tier(
    state: web::Data<AppState>,
    staff: StaffUser,
    id: web::Path<String>,
    body: Json<TierChange>,
) -> AppResult<web::Json<FreelancerAdminView>> {
    Ok(web::Json(service::set_tier(&state, staff.0.id, id.into_inner(), body.tier).await?))
}
