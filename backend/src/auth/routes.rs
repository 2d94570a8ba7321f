//! Auth routes: thin handlers over `auth::service`.

use crate::web::json::Json;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use validator::Validate;

use crate::auth::extractors::{client_ip, AuthUser};
use crate::auth::model::*;
use crate::auth::service;
use crate::docs::*;
use crate::error::AppResult;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(register)
        .service(login)
        .service(refresh)
        .service(logout)
        .service(me)
        .service(update_me)
        .service(verify_email)
        .service(resend_verification);
}

/// Create an account (freelancer or customer).
#[utoipa::path(operation_id = "register", 
    tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "Registered and signed in", body = AuthResponse),
        (status = 400, response = BadRequest),
        (status = 403, description = "The invitation was sent to another address (code `invitation_email_mismatch`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Email already registered (code `email_taken`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
        (status = 429, response = TooManyRequests),
    ),
    security(())
)]
#[post("/auth/register")]
async fn register(state: web::Data<AppState>, req: HttpRequest, body: Json<RegisterRequest>) -> AppResult<HttpResponse> {
    body.validate()?;
    let res = service::register(&state, body.into_inner(), client_ip(&req), crate::web::locale::accept_language(&req)).await?;
    Ok(HttpResponse::Created().json(res))
}

/// Sign in with email and password. Throttled per account and per IP address.
#[utoipa::path(operation_id = "login", 
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = AuthResponse),
        (status = 400, response = BadRequest),
        (status = 401, description = "Wrong email or password (code `invalid_credentials`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
        (status = 429, response = TooManyRequests),
    ),
    security(())
)]
#[post("/auth/login")]
async fn login(state: web::Data<AppState>, req: HttpRequest, body: Json<LoginRequest>) -> AppResult<HttpResponse> {
    body.validate()?;
    let res = service::login(&state, body.into_inner(), client_ip(&req)).await?;
    Ok(HttpResponse::Ok().json(res))
}

/// Exchange a refresh token for a new pair. The old token stops working; presenting it
/// again revokes every token of that login.
#[utoipa::path(operation_id = "refresh_token", 
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new token pair", body = AuthResponse),
        (status = 400, response = BadRequest),
        (status = 401, description = "Unknown, used, revoked or expired token (code `invalid_refresh_token`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(())
)]
#[post("/auth/refresh")]
async fn refresh(state: web::Data<AppState>, req: HttpRequest, body: Json<RefreshRequest>) -> AppResult<HttpResponse> {
    body.validate()?;
    let res = service::refresh(&state, body.into_inner(), client_ip(&req)).await?;
    Ok(HttpResponse::Ok().json(res))
}

/// Sign out: revokes the refresh token and every token of the same login.
#[utoipa::path(operation_id = "logout", 
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Signed out (also when the token was already unknown)"),
        (status = 400, response = BadRequest),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(())
)]
#[post("/auth/logout")]
async fn logout(state: web::Data<AppState>, req: HttpRequest, body: Json<RefreshRequest>) -> AppResult<HttpResponse> {
    body.validate()?;
    service::logout(&state, body.into_inner(), client_ip(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The caller: account, roles and, for freelancers, programme status.
#[utoipa::path(operation_id = "get_me", 
    tag = "auth",
    responses(
        (status = 200, description = "The signed-in user", body = Me),
        (status = 401, response = Unauthorized),
    ),
    security(("bearer" = []))
)]
#[get("/me")]
async fn me(state: web::Data<AppState>, user: AuthUser) -> AppResult<web::Json<Me>> {
    Ok(web::Json(service::me(&state, user.id).await?))
}

/// Change the caller's language (of emails and server messages) and/or name.
#[utoipa::path(operation_id = "update_me",
    tag = "auth",
    request_body = UpdateMeRequest,
    responses(
        (status = 200, description = "The account as it is now", body = Me),
        (status = 400, description = "Malformed body, or neither field given (code `empty_update`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 401, response = Unauthorized),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[patch("/me")]
async fn update_me(state: web::Data<AppState>, user: AuthUser, body: Json<UpdateMeRequest>) -> AppResult<web::Json<Me>> {
    body.validate()?;
    Ok(web::Json(service::update_me(&state, user.id, body.into_inner()).await?))
}

/// Confirm the account's email address with the token from the emailed link. Single use.
#[utoipa::path(operation_id = "verify_email",
    tag = "auth",
    request_body = VerifyEmailRequest,
    responses(
        (status = 200, description = "The address is confirmed", body = EmailVerified),
        (status = 400, description = "Malformed body, or a token that is unknown, used, replaced or expired (code `invalid_verification_token`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(())
)]
#[post("/auth/verify-email")]
async fn verify_email(state: web::Data<AppState>, req: HttpRequest, body: Json<VerifyEmailRequest>) -> AppResult<web::Json<EmailVerified>> {
    body.validate()?;
    Ok(web::Json(service::verify_email(&state, body.into_inner(), client_ip(&req)).await?))
}

/// Email a new confirmation link to the signed-in user; earlier links stop working.
/// Throttled per account and per IP address.
#[utoipa::path(operation_id = "resend_email_verification",
    tag = "auth",
    responses(
        (status = 202, description = "A new link is on its way"),
        (status = 401, response = Unauthorized),
        (status = 409, description = "The address is confirmed already (code `already_verified`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, response = TooManyRequests),
    ),
    security(("bearer" = []))
)]
#[post("/auth/verify-email/resend")]
async fn resend_verification(state: web::Data<AppState>, req: HttpRequest, user: AuthUser) -> AppResult<HttpResponse> {
    service::resend_verification(&state, user.id, client_ip(&req)).await?;
    Ok(HttpResponse::Accepted().finish())
}
