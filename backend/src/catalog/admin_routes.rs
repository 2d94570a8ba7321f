//! Support's catalogue editing: every product and plan (retired ones too), new products
//! and plans, and changes to a plan (prices, commission, retiring). Thin handlers over
//! `catalog::service`; staff only.

use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};

use crate::auth::extractors::client_ip;
use crate::auth::StaffUser;
use crate::catalog::model::*;
use crate::catalog::service;
use crate::docs::*;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::json::Json;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_catalog).service(create_product).service(create_plan).service(update_plan);
}

/// The whole catalogue for editing: every product with every plan, retired ones included.
#[utoipa::path(operation_id = "get_admin_catalog",
    tag = "admin",
    responses(
        (status = 200, body = AdminCatalog),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/admin/catalog")]
async fn get_catalog(state: web::Data<AppState>, _staff: StaffUser) -> AppResult<web::Json<AdminCatalog>> {
    Ok(web::Json(service::catalog(&state).await?))
}

/// Add a product (without plans). Audited as `catalog.product_created`.
#[utoipa::path(operation_id = "create_product",
    tag = "admin",
    request_body = CreateProductRequest,
    responses(
        (status = 201, description = "The new product", body = AdminProduct),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[post("/admin/products")]
async fn create_product(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: StaffUser,
    body: Json<CreateProductRequest>,
) -> AppResult<HttpResponse> {
    let product = service::create_product(&state, staff.0.id, body.into_inner(), client_ip(&req)).await?;
    Ok(HttpResponse::Created().json(product))
}

/// Add a plan to a product; it is on sale at once. Audited as `catalog.plan_created`.
#[utoipa::path(operation_id = "create_plan",
    tag = "admin",
    request_body = CreatePlanRequest,
    responses(
        (status = 201, description = "The new plan", body = AdminPlan),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, description = "Invalid fields, or no such product (`errors[].field` = `product_id`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/admin/plans")]
async fn create_plan(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: StaffUser,
    body: Json<CreatePlanRequest>,
) -> AppResult<HttpResponse> {
    let plan = service::create_plan(&state, staff.0.id, body.into_inner(), client_ip(&req)).await?;
    Ok(HttpResponse::Created().json(plan))
}

/// Change a plan: only the fields sent. `active: false` retires it (no longer offered or
/// sold; subscriptions on it keep renewing), `true` puts it back on sale. A price change
/// reaches each subscription at its next renewal. Audited as `catalog.plan_updated`.
#[utoipa::path(operation_id = "update_plan",
    tag = "admin",
    params(("id" = String, Path, description = "The plan id", example = "pln_m365_business_basic")),
    request_body = UpdatePlanRequest,
    responses(
        (status = 200, description = "The plan as it is now", body = AdminPlan),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[patch("/admin/plans/{id}")]
async fn update_plan(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: StaffUser,
    id: web::Path<String>,
    body: Json<UpdatePlanRequest>,
) -> AppResult<web::Json<AdminPlan>> {
    Ok(web::Json(service::update_plan(&state, staff.0.id, id.into_inner(), body.into_inner(), client_ip(&req)).await?))
}
