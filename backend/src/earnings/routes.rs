//! The freelancer's earnings routes: balances and entries, one entry with its timeline,
//! and the CSV export. Eligible freelancers only (403 `not_eligible` otherwise), each on
//! their own ledger.

use actix_web::{get, web, HttpResponse};

use crate::docs::*;
use crate::earnings::service::{self, EarningsFilter};
use crate::earnings::view::{EarningDetail, EarningsPage};
use crate::error::AppResult;
use crate::freelancers::EligibleFreelancer;
use crate::pagination::PageParams;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_my_earnings).service(my_earnings_csv).service(get_my_earning);
}

/// The caller's balances and ledger entries, newest first, each with its cause.
#[utoipa::path(operation_id = "list_my_earnings",
    tag = "earnings",
    params(EarningsFilter, PageParams),
    responses(
        (status = 200, body = EarningsPage),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not a freelancer (`forbidden`) or not eligible yet (`not_eligible`, with `missing_steps`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown `kind` or `status`, or a bad `limit` or `cursor` (code `validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/earnings")]
async fn list_my_earnings(
    state: web::Data<AppState>,
    caller: EligibleFreelancer,
    filter: web::Query<EarningsFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<EarningsPage>> {
    let (filter, page) = (filter.parse()?, page.parse()?);
    Ok(web::Json(service::list(&state, caller.freelancer.id, filter, page).await?))
}

/// Every entry of the caller matching the filters, newest first, as CSV (header row;
/// amounts in dollars with two decimals).
#[utoipa::path(operation_id = "my_earnings_csv",
    tag = "earnings",
    params(EarningsFilter),
    responses(
        (status = 200, description = "`id,created_at,kind,status,amount,currency,available_at,cause,invoice_number,reason`", content((String = "text/csv")),
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"earnings.csv\"`"))),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not a freelancer (`forbidden`) or not eligible yet (`not_eligible`, with `missing_steps`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown `kind` or `status` (code `validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/earnings.csv")]
async fn my_earnings_csv(
    state: web::Data<AppState>,
    caller: EligibleFreelancer,
    filter: web::Query<EarningsFilter>,
) -> AppResult<HttpResponse> {
    let filter = filter.parse()?;
    let csv = service::csv(&state, caller.freelancer.id, filter).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", "attachment; filename=\"earnings.csv\""))
        .body(csv))
}

/// One of the caller's entries with its timeline (oldest first: earned, waiting for
/// activation, retimed, available, reversed or clawed back, appealed…; last, when still
/// pending, the date it becomes available) and its related entries.
#[utoipa::path(operation_id = "get_my_earning",
    tag = "earnings",
    params(("id" = String, Path, description = "The entry id", example = "ern_Zx8Kq2Lm4Np6Rs0Tv1Wy")),
    responses(
        (status = 200, body = EarningDetail),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not a freelancer (`forbidden`) or not eligible yet (`not_eligible`, with `missing_steps`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = []))
)]
// Only entry ids match, so `/me/earnings/monthly` and other fixed paths stay free.
#[get("/me/earnings/{id:ern_[A-Za-z0-9]+}")]
async fn get_my_earning(
    state: web::Data<AppState>,
    caller: EligibleFreelancer,
    id: web::Path<String>,
) -> AppResult<web::Json<EarningDetail>> {
    Ok(web::Json(service::detail(&state, caller.freelancer.id, id.into_inner()).await?))
}
