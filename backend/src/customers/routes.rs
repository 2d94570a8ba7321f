//! The client's routes: the Microsoft account set-up and the partnership link. Thin
//! handlers over `customers::service`; the customer role is checked there.

use actix_web::{get, post, put, web, HttpResponse};

use crate::auth::AuthUser;
use crate::customers::model::*;
use crate::customers::service;
use crate::docs::*;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::json::Json;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(domain_availability)
        .service(submit)
        .service(get_mine)
        .service(resubmit)
        .service(show_invitation)
        .service(accept_invitation);
}

/// Whether `name.onmicrosoft.com` is free for a new Microsoft account (checked at
/// Microsoft and among the accounts here).
#[utoipa::path(operation_id = "check_domain_availability",
    tag = "customers",
    params(DomainQuery),
    responses(
        (status = 200, body = DomainAvailability),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
        (status = 503, response = Unavailable),
    ),
    security(("bearer" = []))
)]
#[get("/customer/domain-availability")]
async fn domain_availability(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<DomainQuery>,
) -> AppResult<web::Json<DomainAvailability>> {
    Ok(web::Json(service::domain_availability(&state, &user, &q.name).await?))
}

/// Submit the Microsoft account set-up for review (or, with auto-approve on, have it
/// approved at once and the partnership link emailed).
#[utoipa::path(operation_id = "create_customer_account",
    tag = "customers",
    request_body = AccountRequest,
    responses(
        (status = 201, description = "The account, `submitted` (or `approved`)", body = CustomerAccount),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 409, description = "The domain is taken (`domain_taken`), or the caller has an account already (`account_exists`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
        (status = 503, response = Unavailable),
    ),
    security(("bearer" = []))
)]
#[post("/customer/accounts")]
async fn submit(state: web::Data<AppState>, user: AuthUser, body: Json<AccountRequest>) -> AppResult<HttpResponse> {
    let account = service::submit(&state, &user, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(account))
}

/// The caller's Microsoft account set-up.
#[utoipa::path(operation_id = "get_my_customer_account",
    tag = "customers",
    responses(
        (status = 200, body = CustomerAccount),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, description = "No account set up yet", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/customer/account")]
async fn get_mine(state: web::Data<AppState>, user: AuthUser) -> AppResult<web::Json<CustomerAccount>> {
    Ok(web::Json(service::mine(&state, &user).await?))
}

/// Correct a rejected set-up and submit it again.
#[utoipa::path(operation_id = "resubmit_customer_account",
    tag = "customers",
    request_body = AccountRequest,
    responses(
        (status = 200, description = "The account, `submitted` again (or `approved`)", body = CustomerAccount),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, description = "No account set up yet", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not rejected (`invalid_status`), or the new domain is taken (`domain_taken`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
        (status = 503, response = Unavailable),
    ),
    security(("bearer" = []))
)]
#[put("/customer/account")]
async fn resubmit(state: web::Data<AppState>, user: AuthUser, body: Json<AccountRequest>) -> AppResult<web::Json<CustomerAccount>> {
    Ok(web::Json(service::resubmit(&state, &user, body.into_inner()).await?))
}

/// What a partnership link is about, before signing in to accept it.
#[utoipa::path(operation_id = "get_partnership_invitation",
    tag = "customers",
    params(("token" = String, Path, description = "The token from the emailed link")),
    responses(
        (status = 200, body = PartnershipInvitation),
        (status = 404, response = NotFound),
    ),
    security(())
)]
#[get("/partnership-invitations/{token}")]
async fn show_invitation(state: web::Data<AppState>, token: web::Path<String>) -> AppResult<web::Json<PartnershipInvitation>> {
    Ok(web::Json(service::invitation(&state, token.into_inner()).await?))
}

/// Accept the partnership (reseller relationship) with Partner Hub: the account becomes
/// active and its pending subscriptions are ordered at Microsoft (active in the answer
/// when Microsoft confirmed at once; otherwise still pending, retried by the
/// `provisioning` job). Only the account's owner may accept.
#[utoipa::path(operation_id = "accept_partnership_invitation",
    tag = "customers",
    params(("token" = String, Path, description = "The token from the emailed link")),
    responses(
        (status = 200, body = AcceptedPartnership),
        (status = 401, response = Unauthorized),
        (status = 403, description = "The invitation is for another customer's account (`not_account_owner`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, response = NotFound),
        (status = 409, description = "Accepted or replaced already (`invalid_status`), or expired (`invitation_expired`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/partnership-invitations/{token}/accept")]
async fn accept_invitation(
    state: web::Data<AppState>,
    user: AuthUser,
    token: web::Path<String>,
) -> AppResult<web::Json<AcceptedPartnership>> {
    Ok(web::Json(service::accept(&state, &user, token.into_inner()).await?))
}
