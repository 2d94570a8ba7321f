//! `GET /admin/ledger/verify`: support checks the whole earnings ledger on demand (the
//! same check as `partner-hub ledger verify`).

use actix_web::{get, web};

use crate::auth::StaffUser;
use crate::docs::*;
use crate::earnings::verify::{self, LedgerReport};
use crate::error::AppResult;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(verify_ledger);
}

/// Checks every invariant of the earnings ledger: balances equal the sums of the entries,
/// each paid invoice of an attributed sale has exactly one commission, no negative
/// pending earnings, reversals point at their commissions, nothing available early.
/// A read: it changes nothing.
#[utoipa::path(operation_id = "verify_ledger",
    tag = "admin",
    responses(
        (status = 200, description = "The result; `ok` is false when any violation was found", body = LedgerReport),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/admin/ledger/verify")]
async fn verify_ledger(state: web::Data<AppState>, _staff: StaffUser) -> AppResult<web::Json<LedgerReport>> {
    let now = state.clock.now_naive();
    let violations = state.db.run(move |conn| verify::verify_in(conn, now)).await?;
    Ok(web::Json(LedgerReport::new(violations, now)))
}
