//! Support's withdrawal queue and retries: thin handlers over `withdrawals::service`.

use actix_web::{get, post, web, HttpRequest};

use crate::auth::extractors::client_ip;
use crate::auth::StaffUser;
use crate::docs::*;
use crate::earnings::withdrawals::service;
use crate::earnings::withdrawals::view::*;
use crate::error::AppResult;
use crate::pagination::{PageParams, Paginated};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_withdrawals).service(retry_withdrawal);
}

/// Every freelancer's withdrawals (or those in `status`; `requested` is the work still
/// open), newest first, with the freelancer's name.
#[utoipa::path(operation_id = "list_withdrawals",
    tag = "admin",
    params(QueueFilter, PageParams),
    responses(
        (status = 200, body = Paginated<QueuedWithdrawal>),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/admin/withdrawals")]
async fn list_withdrawals(
    state: web::Data<AppState>,
    _staff: StaffUser,
    filter: web::Query<QueueFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<QueuedWithdrawal>>> {
    let page = page.parse()?;
    Ok(web::Json(service::queue(&state, filter.status, page).await?))
}

/// Ask the payout provider again about a withdrawal still `requested` (its provider
/// could not be reached). The same payout key goes along, so a payout the provider already
/// made is not made twice. Audited as `withdrawal.retried`.
#[utoipa::path(operation_id = "retry_withdrawal",
    tag = "admin",
    params(("id" = String, Path, description = "The withdrawal id", example = "wd_Q1w2E3r4T5y6U7i8O9p0")),
    responses(
        (status = 200, description = "The withdrawal after this attempt: paid, failed, or still requested", body = QueuedWithdrawal),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "Already paid or failed (code `invalid_status`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/admin/withdrawals/{id}/retry")]
async fn retry_withdrawal(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: StaffUser,
    id: web::Path<String>,
) -> AppResult<web::Json<QueuedWithdrawal>> {
    Ok(web::Json(service::retry(&state, staff.0.id.clone(), id.into_inner(), client_ip(&req)).await?))
}
