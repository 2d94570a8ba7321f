//! Support's view of subscriptions: every subscription with its client (filter by status,
//! or the self-referrals flagged at checkout), and one with its whole event history.

use actix_web::{get, web};

use crate::auth::StaffUser;
use crate::docs::*;
use crate::error::AppResult;
use crate::pagination::{PageParams, Paginated};
use crate::state::AppState;
use crate::subscriptions::model::*;
use crate::subscriptions::service;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(admin_list_subscriptions).service(admin_get_subscription);
}

/// Every subscription with its client, newest first (staff).
#[utoipa::path(operation_id = "admin_list_subscriptions",
    tag = "subscriptions",
    params(AdminFilter, PageParams),
    responses(
        (status = 200, body = Paginated<AdminSubscription>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/admin/subscriptions")]
async fn admin_list_subscriptions(
    state: web::Data<AppState>,
    _staff: StaffUser,
    filter: web::Query<AdminFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<AdminSubscription>>> {
    let page = page.parse()?;
    Ok(web::Json(service::admin_list(&state, filter.into_inner(), page).await?))
}

/// A subscription with its client and every event, oldest first (staff).
#[utoipa::path(operation_id = "admin_get_subscription",
    tag = "subscriptions",
    params(("id" = String, Path, description = "The subscription id", example = "sub_Zx8Kq2Lm4Np6Rs0Tv1Wy")),
    responses(
        (status = 200, body = AdminSubscriptionDetail),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/admin/subscriptions/{id}")]
async fn admin_get_subscription(
    state: web::Data<AppState>,
    _staff: StaffUser,
    id: web::Path<String>,
) -> AppResult<web::Json<AdminSubscriptionDetail>> {
    Ok(web::Json(service::admin_get(&state, id.into_inner()).await?))
}
