//! The freelancer's withdrawal routes: thin handlers over `withdrawals::service`.

use actix_web::{get, post, web, HttpRequest, HttpResponse};

use crate::auth::extractors::client_ip;
use crate::docs::*;
use crate::earnings::withdrawals::service;
use crate::earnings::withdrawals::view::*;
use crate::error::AppResult;
use crate::freelancers::eligibility::EligibleFreelancer;
use crate::pagination::{PageParams, Paginated};
use crate::state::AppState;
use crate::web::json::Json;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(create_withdrawal).service(list_my_withdrawals);
}

/// Pay out available funds (at least $10.00, one withdrawal at a time; freelancers in the
/// US need a W-9 on file). The payout is attempted at once: the answer is `paid`,
/// `failed` (the money is back in available funds, with the reason) or still `requested`
/// when the payout provider could not be reached (support retries it). Audited.
#[utoipa::path(operation_id = "create_withdrawal",
    tag = "earnings",
    request_body = CreateWithdrawalRequest,
    responses(
        (status = 201, description = "The withdrawal after its first payout attempt", body = Withdrawal),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not a freelancer (`forbidden`) or not eligible yet (`not_eligible`, with `missing_steps`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "More than the available funds (`insufficient_funds`), a withdrawal already in progress (`withdrawal_in_flight`), or a US freelancer without a W-9 (`tax_form_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Less than $10.00 (`amount_below_minimum`) or an invalid field (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/me/withdrawals")]
async fn create_withdrawal(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: EligibleFreelancer,
    body: Json<CreateWithdrawalRequest>,
) -> AppResult<HttpResponse> {
    let w = service::request(&state, caller.freelancer.id, caller.user.id, body.into_inner(), client_ip(&req)).await?;
    Ok(HttpResponse::Created().json(w))
}

/// The caller's withdrawals, newest first.
#[utoipa::path(operation_id = "list_my_withdrawals",
    tag = "earnings",
    params(PageParams),
    responses(
        (status = 200, body = Paginated<Withdrawal>),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not a freelancer (`forbidden`) or not eligible yet (`not_eligible`, with `missing_steps`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/me/withdrawals")]
async fn list_my_withdrawals(
    state: web::Data<AppState>,
    caller: EligibleFreelancer,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<Withdrawal>>> {
    let page = page.parse()?;
    Ok(web::Json(service::list_mine(&state, caller.freelancer.id, page).await?))
}
