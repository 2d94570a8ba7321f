//! `GET /me/earnings/monthly` and `GET /me/earnings/forecast`: thin handlers over
//! `earnings::insights`, for eligible freelancers on their own ledger.
//!
//! Registered before any `/me/earnings/{id}` route: actix matches in registration order,
//! and `monthly` / `forecast` would otherwise be taken for an entry id.

use actix_web::{get, web};

use crate::docs::*;
use crate::earnings::insights::{self, Forecast, MonthlyEarnings, MonthsParam};
use crate::error::AppResult;
use crate::freelancers::EligibleFreelancer;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(monthly_earnings).service(earnings_forecast);
}

/// Earnings per calendar month (UTC), oldest first, ending with the current month: every
/// commission posted that month, what reversals and clawbacks took back, and the net.
#[utoipa::path(
    operation_id = "get_monthly_earnings",
    tag = "earnings",
    params(MonthsParam),
    responses(
        (status = 200, body = MonthlyEarnings),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not a freelancer (`forbidden`) or not eligible yet (`not_eligible`, with `missing_steps`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`months` is not from 1 to 24 (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/earnings/monthly")]
async fn monthly_earnings(
    state: web::Data<AppState>,
    caller: EligibleFreelancer,
    q: web::Query<MonthsParam>,
) -> AppResult<web::Json<MonthlyEarnings>> {
    let months = q.parse()?;
    Ok(web::Json(insights::monthly(&state, caller.freelancer.id, months).await?))
}

/// The commission the renewals of the next 90 days will earn: each renewal of an active,
/// auto-renewing subscription sold through the caller's link, at today's prices and rates.
#[utoipa::path(
    operation_id = "get_earnings_forecast",
    tag = "earnings",
    responses(
        (status = 200, body = Forecast),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not a freelancer (`forbidden`) or not eligible yet (`not_eligible`, with `missing_steps`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/earnings/forecast")]
async fn earnings_forecast(state: web::Data<AppState>, caller: EligibleFreelancer) -> AppResult<web::Json<Forecast>> {
    Ok(web::Json(insights::forecast(&state, caller.freelancer.id).await?))
}
