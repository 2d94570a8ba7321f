//! `GET /plans`: the public catalogue.

use actix_web::{get, web};

use crate::catalog::model::PlanList;
use crate::error::AppResult;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_plans);
}

/// The plans on sale, with monthly and yearly price per seat.
#[utoipa::path(operation_id = "list_plans", tag = "programme", responses((status = 200, body = PlanList)), security(()))]
#[get("/plans")]
async fn list_plans(state: web::Data<AppState>) -> AppResult<web::Json<PlanList>> {
    let data = state.db.run(crate::catalog::store::active_plans).await?;
    Ok(web::Json(PlanList { data, next_cursor: None }))
}
