//! Support's tax table: list, set a country's rate, remove it. Thin handlers over
//! `invoices::tax_rates`; staff only.

use actix_web::{delete, get, put, web, HttpRequest, HttpResponse};

use crate::auth::extractors::client_ip;
use crate::auth::StaffUser;
use crate::docs::*;
use crate::error::AppResult;
use crate::invoices::tax_rates::{self, SetTaxRateRequest, TaxRate, TaxRateList};
use crate::state::AppState;
use crate::web::json::Json;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_tax_rates).service(set_tax_rate).service(remove_tax_rate);
}

/// The tax table: the rate charged on invoices to each country (none listed: no tax).
#[utoipa::path(operation_id = "list_tax_rates",
    tag = "admin",
    responses(
        (status = 200, body = TaxRateList),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/admin/tax-rates")]
async fn list_tax_rates(state: web::Data<AppState>, _staff: StaffUser) -> AppResult<web::Json<TaxRateList>> {
    Ok(web::Json(tax_rates::list(&state).await?))
}

/// Set a country's tax rate (create or replace). Applies to invoices issued from now on.
/// Audited as `tax_rate.changed`.
#[utoipa::path(operation_id = "set_tax_rate",
    tag = "admin",
    params(("country" = String, Path, description = "ISO 3166-1 alpha-2, in capitals", example = "DE")),
    request_body = SetTaxRateRequest,
    responses(
        (status = 200, description = "The rate as it is now", body = TaxRate),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[put("/admin/tax-rates/{country}")]
async fn set_tax_rate(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: StaffUser,
    country: web::Path<String>,
    body: Json<SetTaxRateRequest>,
) -> AppResult<web::Json<TaxRate>> {
    Ok(web::Json(tax_rates::set(&state, staff.0.id, country.into_inner(), body.into_inner(), client_ip(&req)).await?))
}

/// Remove a country's tax rate: invoices to it carry no tax from now on. Audited as
/// `tax_rate.removed`.
#[utoipa::path(operation_id = "remove_tax_rate",
    tag = "admin",
    params(("country" = String, Path, description = "ISO 3166-1 alpha-2, in capitals", example = "DE")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[delete("/admin/tax-rates/{country}")]
async fn remove_tax_rate(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: StaffUser,
    country: web::Path<String>,
) -> AppResult<HttpResponse> {
    tax_rates::remove(&state, staff.0.id, country.into_inner(), client_ip(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}
