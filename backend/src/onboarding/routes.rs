//! Onboarding routes: thin handlers over `onboarding::service`.

use crate::web::json::Json;
use actix_web::http::header;
use actix_web::{get, put, web, HttpRequest, HttpResponse};

use crate::auth::extractors::client_ip;
use crate::docs::*;
use crate::error::{AppError, AppResult, Problem};
use crate::freelancers::FreelancerCaller;
use crate::onboarding::model::*;
use crate::onboarding::picture::{self, MAX_UPLOAD_BYTES};
use crate::onboarding::service;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_profile)
        .service(update_profile)
        .service(upload_picture)
        .service(get_picture)
        .service(get_tax_form)
        .service(save_tax_form);
}

/// The onboarding profile as saved so far, with which sections are complete.
#[utoipa::path(operation_id = "get_my_profile",
    tag = "onboarding",
    responses(
        (status = 200, description = "The profile (blank fields before the first save)", body = Profile),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/me/profile")]
async fn get_profile(state: web::Data<AppState>, caller: FreelancerCaller) -> AppResult<web::Json<Profile>> {
    Ok(web::Json(service::get_profile(&state, &caller).await?))
}

/// Save personal and/or business info. Fields left out keep their saved value, so each
/// wizard step can save on its own.
#[utoipa::path(operation_id = "update_my_profile",
    tag = "onboarding",
    request_body = ProfileUpdate,
    responses(
        (status = 200, description = "The saved profile", body = Profile),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 409, description = "The display name is taken (code `display_name_taken`, field `personal.display_name`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[put("/me/profile")]
async fn update_profile(state: web::Data<AppState>, caller: FreelancerCaller, body: Json<ProfileUpdate>) -> AppResult<web::Json<Profile>> {
    Ok(web::Json(service::update_profile(&state, &caller, body.into_inner()).await?))
}

/// Upload the profile picture as the raw request body (PNG, JPEG or WebP, at most
/// 2 MiB). It is decoded, scaled to fit 512×512 and re-encoded (metadata is dropped).
#[utoipa::path(operation_id = "upload_my_profile_picture",
    tag = "onboarding",
    request_body(
        description = "The image file itself; its Content-Type must match its content.",
        content((inline(BinaryFile) = "image/png"), (inline(BinaryFile) = "image/jpeg"), (inline(BinaryFile) = "image/webp"))
    ),
    responses(
        (status = 200, description = "The stored picture", body = PictureUploaded),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 413, description = "Larger than 2 MiB (code `payload_too_large`)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not image/png, image/jpeg or image/webp (code `unsupported_media_type`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a decodable image of the declared type (field `picture`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/me/profile/picture")]
async fn upload_picture(
    state: web::Data<AppState>,
    caller: FreelancerCaller,
    req: HttpRequest,
    body: web::Payload,
) -> AppResult<web::Json<PictureUploaded>> {
    let declared = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(picture::declared_format)
        .ok_or_else(unsupported_image_type)?;
    let bytes = read_limited(&req, body, MAX_UPLOAD_BYTES).await?;
    Ok(web::Json(service::upload_picture(&state, &caller, declared, bytes).await?))
}

fn unsupported_image_type() -> AppError {
    let mut e = AppError::bad_request("unsupported_media_type", "Send the picture as image/png, image/jpeg or image/webp.");
    e.status = actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE;
    e
}

fn too_large(limit: usize) -> AppError {
    let mut e = AppError::bad_request("payload_too_large", format!("The body is larger than {} MiB.", limit / (1024 * 1024)));
    e.status = actix_web::http::StatusCode::PAYLOAD_TOO_LARGE;
    e
}

/// Reads a raw body of at most `limit` bytes, refusing early on a larger Content-Length.
/// (The route reads the payload itself, after authentication, instead of through a
/// `PayloadConfig`, whose overflow error would be text/plain and could answer before 401.)
async fn read_limited(req: &HttpRequest, body: web::Payload, limit: usize) -> AppResult<web::Bytes> {
    let declared_len = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared_len.is_some_and(|n| n > limit as u64) {
        return Err(too_large(limit));
    }
    match body.to_bytes_limited(limit).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(e)) => Err(AppError::bad_request("malformed_body", format!("The body could not be read: {e}."))),
        Err(_) => Err(too_large(limit)),
    }
}

/// A profile picture (public, so the storefront can show it).
#[utoipa::path(operation_id = "get_profile_picture",
    tag = "onboarding",
    params(("id" = String, Path, description = "The picture id from `picture_url`", example = "pic_Zx8Kq2Lm4Np6Rs0Tv1Wy")),
    responses(
        (status = 200, description = "The image", content((inline(BinaryFile) = "image/jpeg"), (inline(BinaryFile) = "image/png")),
            headers(("Cache-Control" = String, description = "public, max-age=86400"))),
        (status = 404, response = NotFound),
    ),
    security(())
)]
#[get("/profile-pictures/{id}")]
async fn get_picture(state: web::Data<AppState>, id: web::Path<String>) -> AppResult<HttpResponse> {
    let (content_type, bytes) = service::picture(&state, id.into_inner()).await?;
    Ok(HttpResponse::Ok().content_type(content_type).insert_header((header::CACHE_CONTROL, "public, max-age=86400")).body(bytes))
}

/// The saved W-9 (TIN masked).
#[utoipa::path(operation_id = "get_my_tax_form",
    tag = "onboarding",
    responses(
        (status = 200, description = "The saved W-9", body = TaxForm),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, description = "No W-9 saved yet", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/tax-form")]
async fn get_tax_form(state: web::Data<AppState>, caller: FreelancerCaller) -> AppResult<web::Json<TaxForm>> {
    Ok(web::Json(service::get_tax_form(&state, &caller).await?))
}

/// Save (or replace) the W-9 and sign its certification. The TIN is encrypted at rest
/// and only ever returned masked; the signing time and IP address are recorded.
#[utoipa::path(operation_id = "save_my_tax_form",
    tag = "onboarding",
    request_body = TaxFormInput,
    responses(
        (status = 200, description = "The saved W-9 (TIN masked)", body = TaxForm),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[put("/me/tax-form")]
async fn save_tax_form(
    state: web::Data<AppState>,
    caller: FreelancerCaller,
    req: HttpRequest,
    body: Json<TaxFormInput>,
) -> AppResult<web::Json<TaxForm>> {
    Ok(web::Json(service::save_tax_form(&state, &caller, body.into_inner(), client_ip(&req)).await?))
}
