//! `GET /admin/emails`: the outbox as support sees it, so failed deliveries are visible.

use actix_web::{get, web};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::StaffUser;
use crate::docs::*;
use crate::error::AppResult;
use crate::notifications::outbox::{self, OutboxMessage, OutboxRow, OutboxStatus};
use crate::pagination::{finish, PageParams, Paginated};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutboxFilter {
    #[param(inline)]
    pub status: Option<OutboxStatus>,
}

/// Outgoing email, newest first.
#[utoipa::path(operation_id = "list_emails", 
    tag = "admin",
    params(OutboxFilter, PageParams),
    responses(
        (status = 200, body = Paginated<OutboxMessage>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/admin/emails")]
async fn list(
    state: web::Data<AppState>,
    _staff: StaffUser,
    filter: web::Query<OutboxFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<OutboxMessage>>> {
    let page = page.parse()?;
    let status = filter.status;
    let limit = page.limit;
    let rows = state.db.run(move |conn| outbox::list(conn, status, page.after, limit)).await?;
    Ok(web::Json(finish(rows, limit, |r: &OutboxRow| (r.created_at, r.id.clone()), OutboxMessage::from)))
}
