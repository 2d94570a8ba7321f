//! Terms routes: thin handlers over `terms::service`.

use crate::web::json::Json;
use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use validator::Validate;

use crate::auth::extractors::client_ip;
use crate::auth::StaffUser;
use crate::docs::*;
use crate::error::{AppResult, Problem};
use crate::freelancers::FreelancerCaller;
use crate::pagination::{PageParams, Paginated};
use crate::state::AppState;
use crate::terms::model::*;
use crate::terms::service;
use crate::web::locale::{request_locale, LangQuery};

/// Terms bodies run to 100000 characters: more than the API-wide 64 KiB JSON limit.
pub const PUBLISH_JSON_LIMIT: usize = 1024 * 1024;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(current).service(accept).service(my_acceptances).service(
        utoipa_actix_web::scope("/admin/terms")
            .app_data(crate::web::extractors::json_config().limit(PUBLISH_JSON_LIMIT))
            .service(list_versions)
            .service(publish),
    );
}

/// The current programme terms (public), in the requested language; in English when the
/// version has no text in it (`locale` and `Content-Language` say which).
#[utoipa::path(operation_id = "get_current_terms",
    tag = "onboarding",
    params(LangQuery, ("Accept-Language" = Option<String>, Header, description = "`de` or `en` (the first supported one wins)")),
    responses(
        (status = 200, description = "The newest version", body = TermsDocument, headers(("Content-Language" = String, description = "`en` or `de`"))),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
    ),
    security(())
)]
#[get("/terms/current")]
async fn current(state: web::Data<AppState>, req: HttpRequest, query: web::Query<LangQuery>) -> AppResult<HttpResponse> {
    let document = service::current(&state, query.locale(&req)).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, document.locale.as_str()))
        .insert_header((header::VARY, "Accept-Language"))
        .json(document))
}

/// Accept the current terms, in the language they were shown in (`locale`, default the
/// request's `Accept-Language`). Accepting again answers 200 with the first acceptance.
#[utoipa::path(operation_id = "accept_terms",
    tag = "onboarding",
    request_body = AcceptTerms,
    responses(
        (status = 201, description = "Accepted", body = TermsAcceptance),
        (status = 200, description = "Already accepted: the existing acceptance", body = TermsAcceptance),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 409, description = "Not the current version (code `terms_outdated`; the detail names the current version)", body = Problem, content_type = "application/problem+json"),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[post("/me/terms-acceptances")]
async fn accept(
    state: web::Data<AppState>,
    caller: FreelancerCaller,
    req: HttpRequest,
    body: Json<AcceptTerms>,
) -> AppResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let (created, acceptance) = service::accept(&state, &caller, body, request_locale(&req), client_ip(&req)).await?;
    Ok(if created { HttpResponse::Created().json(acceptance) } else { HttpResponse::Ok().json(acceptance) })
}

/// The caller's terms acceptances, newest first.
#[utoipa::path(operation_id = "list_my_terms_acceptances",
    tag = "onboarding",
    params(PageParams),
    responses(
        (status = 200, body = Paginated<TermsAcceptance>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/me/terms-acceptances")]
async fn my_acceptances(
    state: web::Data<AppState>,
    caller: FreelancerCaller,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<TermsAcceptance>>> {
    let page = page.parse()?;
    Ok(web::Json(service::my_acceptances(&state, &caller, page).await?))
}

/// Every terms version, newest first, with how many freelancers accepted each.
#[utoipa::path(operation_id = "list_terms_versions",
    tag = "onboarding",
    params(PageParams),
    responses(
        (status = 200, body = Paginated<TermsVersion>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("")]
async fn list_versions(
    state: web::Data<AppState>,
    _staff: StaffUser,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<TermsVersion>>> {
    let page = page.parse()?;
    Ok(web::Json(service::versions(&state, page).await?))
}

/// Publish a new version of the terms, in English and in German (both required). Every
/// freelancer must accept it before the dashboard opens again; those who accepted an
/// earlier version are emailed.
#[utoipa::path(operation_id = "publish_terms",
    tag = "onboarding",
    request_body = PublishTerms,
    responses(
        (status = 201, description = "Published as the new current version", body = TermsVersion),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 413, description = "The body is larger than 1 MiB (code `payload_too_large`)", body = Problem, content_type = "application/problem+json"),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, description = "Invalid fields (`validation_failed`), or a language missing (`terms_language_missing`: the detail names it, `errors[].field` is `en` or `de`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("")]
async fn publish(state: web::Data<AppState>, staff: StaffUser, body: Json<PublishTerms>) -> AppResult<HttpResponse> {
    let version = service::publish(&state, staff.0.id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(version))
}
