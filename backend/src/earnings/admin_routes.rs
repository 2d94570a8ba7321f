//! Support's earnings routes: any freelancer's ledger with every entry's cause, one entry
//! with its timeline, and adjustments with a reason (audited `earning.adjusted`).

use actix_web::{get, post, web, HttpRequest, HttpResponse};

use crate::auth::extractors::client_ip;
use crate::auth::StaffUser;
use crate::docs::*;
use crate::earnings::adjustments::{self, NewAdjustment};
use crate::earnings::service::{self, EarningsFilter};
use crate::earnings::view::{EarningDetail, EarningEntry, FreelancerEarningsPage};
use crate::error::AppResult;
use crate::pagination::PageParams;
use crate::state::AppState;
use crate::web::idempotency::IdempotencyKey;
use crate::web::json::Json;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(freelancer_earnings).service(freelancer_earning).service(adjust);
}

/// A freelancer's balances and ledger entries, newest first, each with its cause (staff).
#[utoipa::path(operation_id = "list_freelancer_earnings",
    tag = "admin",
    params(("id" = String, Path, description = "The freelancer id", example = "fl_Zx8Kq2Lm4Np6Rs0Tv1Wy"), EarningsFilter, PageParams),
    responses(
        (status = 200, body = FreelancerEarningsPage),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, description = "An unknown `kind` or `status`, or a bad `limit` or `cursor` (code `validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/admin/freelancers/{id}/earnings")]
async fn freelancer_earnings(
    state: web::Data<AppState>,
    _staff: StaffUser,
    id: web::Path<String>,
    filter: web::Query<EarningsFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<FreelancerEarningsPage>> {
    let (filter, page) = (filter.parse()?, page.parse()?);
    Ok(web::Json(service::ledger_of(&state, id.into_inner(), filter, page).await?))
}

/// One entry of a freelancer with its timeline and related entries (staff).
#[utoipa::path(operation_id = "get_freelancer_earning",
    tag = "admin",
    params(
        ("id" = String, Path, description = "The freelancer id", example = "fl_Zx8Kq2Lm4Np6Rs0Tv1Wy"),
        ("entry_id" = String, Path, description = "The entry id", example = "ern_Zx8Kq2Lm4Np6Rs0Tv1Wy"),
    ),
    responses(
        (status = 200, body = EarningDetail),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/admin/freelancers/{id}/earnings/{entry_id}")]
async fn freelancer_earning(
    state: web::Data<AppState>,
    _staff: StaffUser,
    path: web::Path<(String, String)>,
) -> AppResult<web::Json<EarningDetail>> {
    let (id, entry_id) = path.into_inner();
    Ok(web::Json(service::detail(&state, id, entry_id).await?))
}

/// Credit or debit a freelancer's available funds with a reason (staff). Written as an
/// `adjustment` entry, available at once, audited `earning.adjusted` with the balances
/// before and after. A debit beyond the available funds is 409 `insufficient_funds`
/// unless `allow_negative` is true.
///
/// Send an `Idempotency-Key` (a UUID) so that a double-click or a retry cannot adjust
/// twice: the same key and body replay the first answer (`Idempotent-Replayed: true`).
#[utoipa::path(operation_id = "create_adjustment",
    tag = "admin",
    params(
        ("id" = String, Path, description = "The freelancer id", example = "fl_Zx8Kq2Lm4Np6Rs0Tv1Wy"),
        ("Idempotency-Key" = Option<String>, Header, description = "1 to 255 printable ASCII characters, e.g. a UUID", example = "9b2f6a4e-3c1d-4e5f-8a7b-0c9d8e7f6a5b"),
    ),
    request_body = NewAdjustment,
    responses(
        (status = 201, description = "The adjustment entry", body = EarningEntry,
            headers(("Idempotent-Replayed" = String, description = "`true` when this is the stored answer to an earlier request with the same key"))),
        (status = 400, description = "Malformed body, or an `Idempotency-Key` that is not 1 to 255 printable ASCII characters (code `invalid_idempotency_key`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "A debit beyond the available funds (code `insufficient_funds`), or a request with this key is still being processed (code `idempotency_key_in_use`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (code `validation_failed`: amount 0 or beyond 1,000,000 cents, reason not 3 to 500 characters), or the key was used for a different request (code `idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/admin/freelancers/{id}/adjustments")]
async fn adjust(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: StaffUser,
    id: web::Path<String>,
    body: Json<serde_json::Value>,
) -> AppResult<HttpResponse> {
    let key = IdempotencyKey::from_request(&req)?;
    let (stored, replayed) = adjustments::create(&state, &staff.0, id.into_inner(), key, body.into_inner(), client_ip(&req)).await?;
    Ok(stored.into_response(replayed))
}
