//! Health probes: `/livez` (the process answers), `/readyz` and its alias `/healthz`
//! (the database answers and no migration is pending; 503 otherwise), `/metrics`.

use actix_web::{get, web, HttpRequest, HttpResponse};
use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use crate::docs::Unavailable;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

crate::text_enum! {
    /// Always `ok` in a 200; a failed check answers 503 with a problem document instead.
    pub enum HealthStatus {
        Ok = "ok",
    }
}

#[derive(Serialize, ToSchema)]
pub struct Health {
    pub status: HealthStatus,
    /// `sqlite` or `postgres` (readiness only).
    pub database: Option<String>,
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(livez).service(readyz).service(healthz).service(metrics);
}

/// Liveness: answers while the process runs; checks nothing else.
#[utoipa::path(operation_id = "livez", tag = "operations", responses((status = 200, body = Health)), security(()))]
#[get("/livez")]
async fn livez() -> web::Json<Health> {
    web::Json(Health { status: HealthStatus::Ok, database: None })
}

async fn readiness(state: &AppState) -> AppResult<Health> {
    let pending = state.db.run(|conn| crate::db::pending_migrations(conn).map_err(|e| AppError::unavailable(e.to_string()))).await?;
    if pending > 0 {
        return Err(AppError::unavailable(format!("{pending} migrations pending")));
    }
    let engine = match state.db.engine() {
        crate::db::Engine::Sqlite => "sqlite",
        crate::db::Engine::Postgres => "postgres",
    };
    Ok(Health { status: HealthStatus::Ok, database: Some(engine.into()) })
}

/// Readiness: the database is reachable and every migration is applied.
#[utoipa::path(operation_id = "readyz", tag = "operations", responses((status = 200, body = Health), (status = 503, response = Unavailable)), security(()))]
#[get("/readyz")]
async fn readyz(state: web::Data<AppState>) -> AppResult<web::Json<Health>> {
    Ok(web::Json(readiness(&state).await?))
}

/// Alias of `/readyz`.
#[utoipa::path(operation_id = "healthz", tag = "operations", responses((status = 200, body = Health), (status = 503, response = Unavailable)), security(()))]
#[get("/healthz")]
async fn healthz(state: web::Data<AppState>) -> AppResult<web::Json<Health>> {
    Ok(web::Json(readiness(&state).await?))
}

/// Prometheus metrics in the text exposition format. With `METRICS_TOKEN` set, only a
/// scraper that sends it as a bearer token gets them (route names and counts tell an
/// outsider how the service is used).
#[utoipa::path(
    operation_id = "metrics",
    tag = "operations",
    responses(
        (status = 200, description = "Prometheus text format", body = String, content_type = "text/plain"),
        (status = 401, response = crate::docs::Unauthorized)
    ),
    security(())
)]
#[get("/metrics")]
async fn metrics(req: HttpRequest, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    if let Some(expected) = &state.settings.metrics_token {
        let sent = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        // Compare digests, so the time taken says nothing about how much of the token matched.
        if Sha256::digest(sent.trim().as_bytes()) != Sha256::digest(expected.as_bytes()) {
            return Err(AppError::unauthorized("unauthenticated", "Send the metrics token as 'Authorization: Bearer <METRICS_TOKEN>'."));
        }
    }
    Ok(HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(crate::ops::metrics::render()))
}
