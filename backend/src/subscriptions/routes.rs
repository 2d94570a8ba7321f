//! The client's, the referring freelancer's and everyone's read routes of a subscription:
//! thin handlers over `subscriptions::service`, which decides who sees what.

use actix_web::{get, patch, post, web, HttpResponse};

use crate::auth::AuthUser;
use crate::docs::*;
use crate::error::AppResult;
use crate::freelancers::eligibility::EligibleFreelancer;
use crate::pagination::{PageParams, Paginated};
use crate::state::AppState;
use crate::subscriptions::model::*;
use crate::subscriptions::referred::{self, ReferredFilter};
use crate::subscriptions::service;
use crate::subscriptions::view::Subscription;
use crate::web::json::Json;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_customer_subscriptions)
        .service(get_subscription)
        .service(preview_seat_change)
        .service(update_subscription)
        .service(preview_cancellation)
        .service(cancel_subscription)
        .service(list_referred_subscriptions)
        .service(export_referred_subscriptions);
}

/// The caller's own subscriptions as a client, newest first.
#[utoipa::path(operation_id = "list_customer_subscriptions",
    tag = "subscriptions",
    params(StatusFilter, PageParams),
    responses(
        (status = 200, body = Paginated<Subscription>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/customer/subscriptions")]
async fn list_customer_subscriptions(
    state: web::Data<AppState>,
    user: AuthUser,
    filter: web::Query<StatusFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<Subscription>>> {
    let page = page.parse()?;
    Ok(web::Json(service::list_mine(&state, &user, filter.status, page).await?))
}

/// One subscription: for the client who bought it, the freelancer whose link sold it, and
/// support staff; 404 for everyone else.
#[utoipa::path(operation_id = "get_subscription",
    tag = "subscriptions",
    params(("id" = String, Path, description = "The subscription id", example = "sub_Zx8Kq2Lm4Np6Rs0Tv1Wy")),
    responses(
        (status = 200, body = Subscription),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/subscriptions/{id}")]
async fn get_subscription(state: web::Data<AppState>, user: AuthUser, id: web::Path<String>) -> AppResult<web::Json<Subscription>> {
    Ok(web::Json(service::get(&state, &user, id.into_inner()).await?))
}

/// What changing to `seats` would do (the client): more seats are charged now, prorated
/// for the rest of the term; fewer take effect at the renewal.
#[utoipa::path(operation_id = "preview_seat_change",
    tag = "subscriptions",
    params(("id" = String, Path, description = "The subscription id", example = "sub_Zx8Kq2Lm4Np6Rs0Tv1Wy"), SeatChangeQuery),
    responses(
        (status = 200, body = SeatChangePreview),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 409, description = "Not pending or active (code `invalid_status`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/subscriptions/{id}/seat-change")]
async fn preview_seat_change(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    q: web::Query<SeatChangeQuery>,
) -> AppResult<web::Json<SeatChangePreview>> {
    Ok(web::Json(service::seat_preview(&state, &user, id.into_inner(), q.seats).await?))
}

/// Change seats or auto-renew (the client). More seats are charged at once (prorated, with
/// an invoice); fewer are scheduled for the renewal; the current count drops a scheduled
/// decrease. Auto-renew off ends the subscription with its term; on again before then.
#[utoipa::path(operation_id = "update_subscription",
    tag = "subscriptions",
    params(("id" = String, Path, description = "The subscription id", example = "sub_Zx8Kq2Lm4Np6Rs0Tv1Wy")),
    request_body = UpdateSubscription,
    responses(
        (status = 200, description = "The subscription after the change", body = Subscription),
        (status = 401, response = Unauthorized),
        (status = 402, description = "The card was refused (code `card_declined` or `insufficient_funds`); nothing changed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, response = NotFound),
        (status = 409, description = "Not pending or active, or the term is over (code `invalid_status`), or the seats changed meanwhile (code `seats_changed`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = Unprocessable),
        (status = 503, description = "The payment provider could not be reached; nothing changed", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/subscriptions/{id}")]
async fn update_subscription(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: Json<UpdateSubscription>,
) -> AppResult<web::Json<Subscription>> {
    Ok(web::Json(service::update(&state, &user, id.into_inner(), body.into_inner()).await?))
}

/// What cancelling now would do (the client): within 168 hours of the purchase or the last
/// renewal a prorated refund; afterwards auto-renew off and the end at the term's end.
#[utoipa::path(operation_id = "preview_cancellation",
    tag = "subscriptions",
    params(("id" = String, Path, description = "The subscription id", example = "sub_Zx8Kq2Lm4Np6Rs0Tv1Wy")),
    responses(
        (status = 200, body = CancellationPreview),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 409, description = "Already cancelled, ended or ending with its term (code `invalid_status`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/subscriptions/{id}/cancellation")]
async fn preview_cancellation(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> AppResult<web::Json<CancellationPreview>> {
    Ok(web::Json(service::cancellation_preview(&state, &user, id.into_inner()).await?))
}

/// Cancel (the client). Inside the cancellation window: the unused time is refunded with a
/// credit note and the subscription is `cancelled` now. After it: auto-renew is turned off
/// and the subscription ends with its term.
#[utoipa::path(operation_id = "cancel_subscription",
    tag = "subscriptions",
    params(("id" = String, Path, description = "The subscription id", example = "sub_Zx8Kq2Lm4Np6Rs0Tv1Wy")),
    responses(
        (status = 200, description = "The subscription after the cancellation", body = Subscription),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 409, description = "Already cancelled, ended or ending with its term (code `invalid_status`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The payment provider could not be reached; nothing changed", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/subscriptions/{id}/cancel")]
async fn cancel_subscription(state: web::Data<AppState>, user: AuthUser, id: web::Path<String>) -> AppResult<web::Json<Subscription>> {
    Ok(web::Json(service::cancel(&state, &user, id.into_inner()).await?))
}

/// Every subscription bought through the freelancer's own link, in any status, newest
/// first; filtered by status, plan and purchase day (`from`/`to`, UTC, inclusive).
#[utoipa::path(operation_id = "list_referred_subscriptions",
    tag = "subscriptions",
    params(ReferredFilter, PageParams),
    responses(
        (status = 200, body = Paginated<Subscription>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not a freelancer (`forbidden`) or not eligible yet (`not_eligible`, with `missing_steps`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown status, a malformed date or `from` after `to` (`validation_failed`, with the fields)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/subscriptions")]
async fn list_referred_subscriptions(
    state: web::Data<AppState>,
    caller: EligibleFreelancer,
    filter: web::Query<ReferredFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<Subscription>>> {
    let (filter, page) = (filter.parse()?, page.parse()?);
    Ok(web::Json(referred::list_referred(&state, caller.freelancer.id, filter, page).await?))
}

/// The same subscriptions as `GET /me/subscriptions` with the same filters, all of them,
/// as a CSV download (one line per subscription, money in decimal dollars).
#[utoipa::path(operation_id = "export_referred_subscriptions",
    tag = "subscriptions",
    params(ReferredFilter),
    responses(
        (status = 200, description = "A CSV file with a header row", body = String, content_type = "text/csv",
            headers(("Content-Disposition" = String, description = "attachment; filename=\"subscriptions-2026-12-06.csv\""))),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not a freelancer (`forbidden`) or not eligible yet (`not_eligible`, with `missing_steps`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown status, a malformed date or `from` after `to` (`validation_failed`, with the fields)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/subscriptions.csv")]
async fn export_referred_subscriptions(
    state: web::Data<AppState>,
    caller: EligibleFreelancer,
    filter: web::Query<ReferredFilter>,
) -> AppResult<HttpResponse> {
    let filter = filter.parse()?;
    let csv = referred::export_referred(&state, caller.freelancer.id, filter).await?;
    Ok(csv.attachment(&referred::export_filename(state.clock.now_naive())))
}
