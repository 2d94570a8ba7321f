//! Support routes: thin handlers over `support::service`. The requester's routes take an
//! `AuthUser` (staff pass too); the queue and the staff close take a `StaffUser`.

use crate::web::json::Json;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use validator::Validate;

use crate::auth::extractors::client_ip;
use crate::auth::{AuthUser, StaffUser};
use crate::docs::*;
use crate::error::AppResult;
use crate::pagination::{PageParams, Paginated};
use crate::state::AppState;
use crate::support::model::*;
use crate::support::service;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(create_ticket)
        .service(list_my_tickets)
        .service(get_ticket)
        .service(reply)
        .service(close_ticket)
        .service(list_queue)
        .service(staff_close_ticket);
}

/// Contact support: open a ticket with its first message.
#[utoipa::path(operation_id = "create_support_ticket",
    tag = "support",
    request_body = CreateTicketRequest,
    responses(
        (status = 201, description = "The ticket, `open`, with its first message", body = Ticket),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[post("/support-tickets")]
async fn create_ticket(state: web::Data<AppState>, user: AuthUser, body: Json<CreateTicketRequest>) -> AppResult<HttpResponse> {
    body.validate()?;
    let ticket = service::create(&state, &user, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(ticket))
}

/// The caller's own tickets, newest first (without messages).
#[utoipa::path(operation_id = "list_my_support_tickets",
    tag = "support",
    params(MyTicketsFilter, PageParams),
    responses(
        (status = 200, body = Paginated<Ticket>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/me/support-tickets")]
async fn list_my_tickets(
    state: web::Data<AppState>,
    user: AuthUser,
    filter: web::Query<MyTicketsFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<Ticket>>> {
    let page = page.parse()?;
    Ok(web::Json(service::list_mine(&state, &user, filter.status, page).await?))
}

/// A ticket with every message, oldest first. Its requester and staff only.
#[utoipa::path(operation_id = "get_support_ticket",
    tag = "support",
    params(("id" = String, Path, description = "The ticket id", example = "tkt_Q1w2E3r4T5y6U7i8O9p0")),
    responses(
        (status = 200, body = Ticket),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/support-tickets/{id}")]
async fn get_ticket(state: web::Data<AppState>, user: AuthUser, id: web::Path<String>) -> AppResult<web::Json<Ticket>> {
    Ok(web::Json(service::get(&state, &user, TicketId(id.into_inner())).await?))
}

/// Reply on a ticket (its requester or staff). A staff reply marks it `answered` and
/// emails the requester; the requester's reply makes it `open` again.
#[utoipa::path(operation_id = "reply_to_support_ticket",
    tag = "support",
    params(("id" = String, Path, description = "The ticket id", example = "tkt_Q1w2E3r4T5y6U7i8O9p0")),
    request_body = ReplyRequest,
    responses(
        (status = 201, description = "The ticket with the new message", body = Ticket),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 409, description = "The ticket is closed (code `ticket_closed`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[post("/support-tickets/{id}/messages")]
async fn reply(state: web::Data<AppState>, user: AuthUser, id: web::Path<String>, body: Json<ReplyRequest>) -> AppResult<HttpResponse> {
    // Validated by the service once the ticket is known to be the caller's.
    let ticket = service::reply(&state, &user, TicketId(id.into_inner()), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(ticket))
}

/// Close one's own ticket (staff may close any). Audited.
#[utoipa::path(operation_id = "close_support_ticket",
    tag = "support",
    params(("id" = String, Path, description = "The ticket id", example = "tkt_Q1w2E3r4T5y6U7i8O9p0")),
    responses(
        (status = 200, description = "The closed ticket", body = Ticket),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 409, description = "Already closed (code `ticket_closed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/support-tickets/{id}/close")]
async fn close_ticket(state: web::Data<AppState>, req: HttpRequest, user: AuthUser, id: web::Path<String>) -> AppResult<web::Json<Ticket>> {
    Ok(web::Json(service::close(&state, &user, TicketId(id.into_inner()), client_ip(&req)).await?))
}

/// Support's ticket queue, newest first, with each requester and message count.
#[utoipa::path(operation_id = "list_support_tickets",
    tag = "support",
    params(QueueFilter, PageParams),
    responses(
        (status = 200, body = Paginated<Ticket>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/admin/support-tickets")]
async fn list_queue(
    state: web::Data<AppState>,
    _staff: StaffUser,
    filter: web::Query<QueueFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<Ticket>>> {
    let page = page.parse()?;
    Ok(web::Json(service::queue(&state, filter.status, filter.category, page).await?))
}

/// Close a ticket (staff). Audited as `support_ticket.closed`.
#[utoipa::path(operation_id = "staff_close_support_ticket",
    tag = "support",
    params(("id" = String, Path, description = "The ticket id", example = "tkt_Q1w2E3r4T5y6U7i8O9p0")),
    responses(
        (status = 200, description = "The closed ticket", body = Ticket),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "Already closed (code `ticket_closed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/admin/support-tickets/{id}/close")]
async fn staff_close_ticket(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: StaffUser,
    id: web::Path<String>,
) -> AppResult<web::Json<Ticket>> {
    Ok(web::Json(service::close(&state, &staff.0, TicketId(id.into_inner()), client_ip(&req)).await?))
}
