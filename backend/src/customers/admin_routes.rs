//! Support's customer-account queue and the commerce settings.

use actix_web::{get, post, put, web};

use crate::auth::StaffUser;
use crate::customers::model::*;
use crate::customers::service;
use crate::docs::*;
use crate::error::AppResult;
use crate::pagination::{PageParams, Paginated};
use crate::state::AppState;
use crate::web::json::Json;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(queue).service(detail).service(approve).service(reject).service(get_settings).service(put_settings);
}

/// Customer accounts to review (and every other), newest first, with their owners.
#[utoipa::path(operation_id = "list_customer_accounts",
    tag = "customers",
    params(QueueFilter, PageParams),
    responses(
        (status = 200, body = Paginated<AdminCustomerAccount>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/admin/customer-accounts")]
async fn queue(
    state: web::Data<AppState>,
    _staff: StaffUser,
    filter: web::Query<QueueFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<AdminCustomerAccount>>> {
    let page = page.parse()?;
    Ok(web::Json(service::queue(&state, filter.status, page).await?))
}

/// One customer account with its owner.
#[utoipa::path(operation_id = "get_customer_account",
    tag = "customers",
    params(("id" = String, Path, description = "Customer account id")),
    responses(
        (status = 200, body = AdminCustomerAccount),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/admin/customer-accounts/{id}")]
async fn detail(state: web::Data<AppState>, _staff: StaffUser, id: web::Path<String>) -> AppResult<web::Json<AdminCustomerAccount>> {
    Ok(web::Json(service::get(&state, id.into_inner()).await?))
}

/// Approve a submitted account: the owner is emailed the partnership link, and a new
/// domain's Microsoft tenant is created by the `provisioning` job. Audited.
#[utoipa::path(operation_id = "approve_customer_account",
    tag = "customers",
    params(("id" = String, Path, description = "Customer account id")),
    responses(
        (status = 200, body = AdminCustomerAccount),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "Not submitted (`invalid_status`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/admin/customer-accounts/{id}/approve")]
async fn approve(state: web::Data<AppState>, staff: StaffUser, id: web::Path<String>) -> AppResult<web::Json<AdminCustomerAccount>> {
    Ok(web::Json(service::approve(&state, &staff.0, id.into_inner()).await?))
}

/// Reject a submitted account with a reason the client can act on (emailed). Audited.
#[utoipa::path(operation_id = "reject_customer_account",
    tag = "customers",
    params(("id" = String, Path, description = "Customer account id")),
    request_body = RejectRequest,
    responses(
        (status = 200, body = AdminCustomerAccount),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "Not submitted (`invalid_status`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[post("/admin/customer-accounts/{id}/reject")]
async fn reject(
    state: web::Data<AppState>,
    staff: StaffUser,
    id: web::Path<String>,
    body: Json<RejectRequest>,
) -> AppResult<web::Json<AdminCustomerAccount>> {
    Ok(web::Json(service::reject(&state, &staff.0, id.into_inner(), body.into_inner()).await?))
}

/// The commerce settings.
#[utoipa::path(operation_id = "get_commerce_settings",
    tag = "customers",
    responses(
        (status = 200, body = CommerceSettings),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/admin/commerce-settings")]
async fn get_settings(state: web::Data<AppState>, _staff: StaffUser) -> AppResult<web::Json<CommerceSettings>> {
    Ok(web::Json(service::settings(&state).await?))
}

/// Change the commerce settings (audited).
#[utoipa::path(operation_id = "update_commerce_settings",
    tag = "customers",
    request_body = CommerceSettings,
    responses(
        (status = 200, body = CommerceSettings),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[put("/admin/commerce-settings")]
async fn put_settings(
    state: web::Data<AppState>,
    staff: StaffUser,
    body: Json<CommerceSettings>,
) -> AppResult<web::Json<CommerceSettings>> {
    Ok(web::Json(service::update_settings(&state, &staff.0, body.into_inner()).await?))
}
