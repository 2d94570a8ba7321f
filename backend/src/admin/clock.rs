//! The test clock: `GET /admin/clock` tells the business time; `POST /admin/clock/advance`
//! moves it forward, only when the server runs with `APP_CLOCK=manual` (never in
//! production mode, which refuses that setting). Otherwise the route answers 404.

use crate::web::json::Json;
use actix_web::{get, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::audit::{AuditAction, AuditEntry};
use crate::auth::{AdminUser, StaffUser};
use crate::docs::*;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_clock).service(advance);
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct AdvanceClock {
    /// Whole days to move forward, 0 to 3650.
    #[schema(minimum = 0, maximum = 3650, example = 14)]
    #[validate(range(min = 0, max = 3650, message = "Enter a number from 0 to 3650."))]
    pub days: i64,
    /// Extra hours to move forward, 0 to 1000.
    #[schema(minimum = 0, maximum = 1000)]
    #[validate(range(min = 0, max = 1000, message = "Enter a number from 0 to 1000."))]
    #[serde(default)]
    pub hours: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClockState {
    /// `system` or `manual`.
    pub mode: String,
    /// The business time every service uses.
    pub now: chrono::DateTime<chrono::Utc>,
    /// How far the manual clock is ahead of wall-clock time.
    pub offset_seconds: i64,
}

fn state_of(state: &AppState) -> ClockState {
    ClockState {
        mode: if state.clock.is_manual() { "manual" } else { "system" }.into(),
        now: state.clock.now(),
        offset_seconds: state.clock.offset_seconds(),
    }
}

/// The business time.
#[utoipa::path(operation_id = "get_clock", tag = "admin", responses((status = 200, body = ClockState), (status = 401, response = Unauthorized), (status = 403, response = Forbidden)), security(("bearer" = [])))]
#[get("/admin/clock")]
async fn get_clock(state: web::Data<AppState>, _staff: StaffUser) -> web::Json<ClockState> {
    web::Json(state_of(&state))
}

/// Move the test clock forward (admin; `APP_CLOCK=manual` only).
#[utoipa::path(operation_id = "advance_clock", 
    tag = "admin",
    request_body = AdvanceClock,
    responses(
        (status = 200, description = "The new business time", body = ClockState),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, description = "The server does not run a test clock", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[post("/admin/clock/advance")]
async fn advance(state: web::Data<AppState>, admin: AdminUser, body: Json<AdvanceClock>) -> AppResult<web::Json<ClockState>> {
    if !state.clock.is_manual() {
        return Err(AppError::not_found("The test clock is not enabled (APP_CLOCK=manual)."));
    }
    body.validate()?;
    let seconds = body.days * 86_400 + body.hours * 3_600;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let before = st.clock.now();
            st.clock.advance(conn, seconds)?;
            AuditEntry::new(Some(&admin.0.id), AuditAction::ClockAdvanced, "clock", "app")
                .before(serde_json::json!({"now": before}))
                .after(serde_json::json!({"now": st.clock.now(), "advanced_seconds": seconds}))
                .write(conn, st.clock.now_naive())
        })
        .await?;
    Ok(web::Json(state_of(&state)))
}
