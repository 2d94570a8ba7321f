//! The OpenAPI document: the base (info, security schemes, shared responses) merged with
//! every `#[utoipa::path]` that the route tree registers. `partner-hub openapi` prints
//! it; the committed `openapi.yaml` must equal it (a test checks).
//!
//! `SharedProblems` then adds the answers the edge gives on behalf of every handler, so
//! a handler lists only its own: 401 and 403 on every secured operation, 400/413/415/422
//! on every operation with a body, 400/422 on every operation with parameters (bad path
//! or query values, control characters). Entries a handler documents itself are kept.

use actix_web::{get, App, HttpResponse};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::docs::*;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Partner Hub API",
        version = "1.0.0",
        license(name = "Proprietary"),
        description = "Reseller programme platform: IT freelancers resell Microsoft 365 through a personal referral link and earn commission.\n\nAll routes are under `/api/v1` and speak JSON with snake_case fields and RFC 3339 UTC timestamps. Authenticate with `Authorization: Bearer <access token>` (from `/auth/login`). Errors are `application/problem+json` (RFC 9457) with a stable `code`. Lists take `limit` and `cursor` and return `{data, next_cursor}`."
    ),
    components(responses(BadRequest, Unauthorized, Forbidden, NotFound, Conflict, PayloadTooLarge, UnsupportedMediaType, Unprocessable, TooManyRequests, Unavailable)),
    tags(
        (name = "auth", description = "Accounts and sessions"),
        (name = "programme", description = "The public programme page, the catalogue and the terms"),
        (name = "invitations", description = "Invitations to the programme"),
        (name = "applications", description = "Applying to the programme and support's review"),
        (name = "onboarding", description = "Profile, picture, W-9 tax form and terms acceptance"),
        (name = "freelancers", description = "Eligibility, the dashboard and seller tiers"),
        (name = "appeals", description = "Appealing a decision"),
        (name = "support", description = "Contacting customer support"),
        (name = "billing", description = "Invoices, credit notes and their PDFs"),
        (name = "customers", description = "The client's Microsoft account set-up, its review, and the partnership"),
        (name = "subscriptions", description = "Subscriptions: seats, cancellation, renewals and their history"),
        (name = "admin", description = "Support staff and operations"),
        (name = "operations", description = "Health, metrics and the spec"),
        (name = "storefront", description = "The referral link and checkout"),
        (name = "earnings", description = "Commissions, balances, withdrawals, statements and the earnings page's chart and forecast"),
    ),
    modifiers(&SecuritySchemes),
    security(("bearer" = []))
)]
struct BaseDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("Access token from /auth/login or /auth/refresh (15 minutes)."))
                    .build(),
            ),
        );
    }
}

/// Every API route, as registered under `/api/v1`.
pub fn api_routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(crate::auth::routes::configure)
        .configure(crate::admin::configure)
        .configure(crate::programme::configure)
        .configure(crate::catalog::configure)
        .configure(crate::invitations::configure)
        .configure(crate::applications::configure)
        .configure(crate::onboarding::configure)
        .configure(crate::terms::configure)
        .configure(crate::freelancers::configure)
        .configure(crate::appeals::configure)
        .configure(crate::support::configure)
        .configure(crate::invoices::configure)
        .configure(crate::customers::configure)
        .configure(crate::provisioning::configure)
        .configure(crate::subscriptions::configure)
        .configure(crate::referrals::configure)
        .configure(crate::checkout::configure)
        .configure(crate::earnings::configure)
        .service(spec);
}

/// The spec as built from the route tree.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, api) = App::new()
        .into_utoipa_app()
        .openapi(BaseDoc::openapi())
        .service(utoipa_actix_web::scope("/api/v1").configure(api_routes))
        .configure(crate::ops::health::configure)
        .split_for_parts();
    let mut api = api;
    SharedProblems.modify(&mut api);
    api
}

struct SharedProblems;

impl Modify for SharedProblems {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{Ref, RefOr};
        let global_security = openapi.security.as_ref().is_some_and(|s| !s.is_empty());
        for item in openapi.paths.paths.values_mut() {
            let path_params = item.parameters.as_ref().is_some_and(|p| !p.is_empty());
            for op in [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch].into_iter().flatten() {
                // `security(())` is one empty requirement: the operation is public.
                let secured = match &op.security {
                    None => global_security,
                    Some(reqs) => reqs.iter().any(|r| serde_json::to_value(r).is_ok_and(|v| v != serde_json::json!({}))),
                };
                let mut shared: Vec<(&str, &str)> = Vec::new();
                if secured {
                    shared.extend([("401", "Unauthorized"), ("403", "Forbidden")]);
                }
                if op.request_body.is_some() {
                    shared.extend([
                        ("400", "BadRequest"),
                        ("413", "PayloadTooLarge"),
                        ("415", "UnsupportedMediaType"),
                        ("422", "Unprocessable"),
                    ]);
                }
                if path_params || op.parameters.as_ref().is_some_and(|p| !p.is_empty()) {
                    shared.extend([("400", "BadRequest"), ("422", "Unprocessable")]);
                }
                for (status, name) in shared {
                    op.responses.responses.entry(status.to_string()).or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
                }
            }
        }
    }
}

pub fn yaml() -> String {
    document().to_yaml().expect("the OpenAPI document serialises")
}

/// This document, as YAML.
#[utoipa::path(operation_id = "get_openapi_spec", tag = "operations", responses((status = 200, description = "OpenAPI 3.1 document", body = String, content_type = "application/yaml")), security(()))]
#[get("/openapi.yaml")]
async fn spec() -> HttpResponse {
    static YAML: once_cell::sync::Lazy<String> = once_cell::sync::Lazy::new(yaml);
    HttpResponse::Ok().content_type("application/yaml").body(YAML.as_str())
}
