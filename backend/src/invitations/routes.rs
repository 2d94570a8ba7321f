//! Invitation routes: support's (create, list, revoke, re-send) and the invitee's
//! (check the link, accept it while signed in).

use crate::web::json::Json;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use validator::Validate;

use crate::auth::{AuthUser, StaffUser};
use crate::docs::*;
use crate::error::AppResult;
use crate::invitations::model::*;
use crate::invitations::service;
use crate::pagination::{PageParams, Paginated};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(create).service(list).service(revoke).service(resend).service(check).service(accept);
}

/// Invite an existing account (`internal`) or an email address (`external`). The
/// invitee is emailed a link; the token is returned only here.
#[utoipa::path(
    operation_id = "create_invitation",
    tag = "invitations",
    request_body = NewInvitation,
    responses(
        (status = 201, body = IssuedInvitation),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 409, description = "A valid invitation exists (`invitation_pending`) or the person already applied (`already_in_programme`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[post("/admin/invitations")]
async fn create(state: web::Data<AppState>, req: HttpRequest, staff: StaffUser, body: Json<NewInvitation>) -> AppResult<HttpResponse> {
    body.validate()?;
    let locale = crate::web::locale::request_locale(&req);
    Ok(HttpResponse::Created().json(service::create(&state, staff.0.id, body.into_inner(), locale).await?))
}

/// Invitations, newest first.
#[utoipa::path(
    operation_id = "list_invitations",
    tag = "invitations",
    params(InvitationFilter, PageParams),
    responses((status = 200, body = Paginated<Invitation>), (status = 400, response = BadRequest), (status = 401, response = Unauthorized), (status = 403, response = Forbidden), (status = 422, response = Unprocessable)),
    security(("bearer" = []))
)]
#[get("/admin/invitations")]
async fn list(
    state: web::Data<AppState>,
    _staff: StaffUser,
    filter: web::Query<InvitationFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<Invitation>>> {
    let page = page.parse()?;
    Ok(web::Json(service::list(&state, filter.into_inner(), page).await?))
}

/// Revoke an unused invitation; its link stops working.
#[utoipa::path(
    operation_id = "revoke_invitation",
    tag = "invitations",
    params(("id" = String, Path, description = "Invitation id")),
    responses((status = 200, body = Invitation), (status = 401, response = Unauthorized), (status = 403, response = Forbidden), (status = 404, response = NotFound), (status = 409, response = Conflict)),
    security(("bearer" = []))
)]
#[post("/admin/invitations/{id}/revoke")]
async fn revoke(state: web::Data<AppState>, staff: StaffUser, id: web::Path<String>) -> AppResult<web::Json<Invitation>> {
    Ok(web::Json(service::revoke(&state, staff.0.id, id.into_inner()).await?))
}

/// Re-send an unused invitation with a new token and a fresh 14-day expiry.
#[utoipa::path(
    operation_id = "resend_invitation",
    tag = "invitations",
    params(("id" = String, Path, description = "Invitation id")),
    responses((status = 200, body = IssuedInvitation), (status = 401, response = Unauthorized), (status = 403, response = Forbidden), (status = 404, response = NotFound), (status = 409, response = Conflict)),
    security(("bearer" = []))
)]
#[post("/admin/invitations/{id}/resend")]
async fn resend(state: web::Data<AppState>, staff: StaffUser, id: web::Path<String>) -> AppResult<web::Json<IssuedInvitation>> {
    Ok(web::Json(service::resend(&state, staff.0.id, id.into_inner()).await?))
}

/// What an invitation link is: `valid`, `expired`, `used` or `revoked`.
#[utoipa::path(
    operation_id = "check_invitation",
    tag = "invitations",
    params(("token" = String, Path, description = "The token from the link")),
    responses((status = 200, body = InvitationCheck), (status = 404, response = NotFound)),
    security(())
)]
#[get("/invitations/{token}")]
async fn check(state: web::Data<AppState>, token: web::Path<String>) -> AppResult<web::Json<InvitationCheck>> {
    Ok(web::Json(service::check(&state, token.into_inner()).await?))
}

/// Accept an invitation as the signed-in user (the "log in through the link" path). Only
/// the account whose confirmed email is the invited one can. Refresh the session
/// afterwards: the account may have gained the freelancer role.
#[utoipa::path(
    operation_id = "accept_invitation",
    tag = "invitations",
    params(("token" = String, Path, description = "The token from the link")),
    responses(
        (status = 200, body = InvitationCheck),
        (status = 401, response = Unauthorized),
        (status = 403, description = "The invitation was sent to another address (`invitation_email_mismatch`) or this account has not confirmed its address (`email_not_verified`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, response = NotFound),
        (status = 409, description = "Expired, used or revoked (`invitation_unusable`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/invitations/{token}/accept")]
async fn accept(state: web::Data<AppState>, user: AuthUser, token: web::Path<String>) -> AppResult<web::Json<InvitationCheck>> {
    Ok(web::Json(service::accept(&state, token.into_inner(), user.id).await?))
}
