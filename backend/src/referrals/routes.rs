//! `GET /r/{code}`: the public landing page of a referral link.

use actix_web::http::header::USER_AGENT;
use actix_web::{get, web, HttpRequest};

use crate::auth::extractors::client_ip;
use crate::error::AppResult;
use crate::referrals::model::ReferralLanding;
use crate::referrals::service::{self, Visitor};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(referral_landing);
}

/// Resolves a referral code: the freelancer's public name and picture and the plans on
/// sale. Counts the visit (at most once per visitor per day; nothing personal is stored).
/// Never cached (`Cache-Control: no-store`, as every API answer), so every visit reaches the count.
#[utoipa::path(operation_id = "get_referral_landing",
    tag = "storefront",
    params(("code" = String, Path, description = "The referral code from the link", example = "k3x9m2p7qa")),
    responses(
        (status = 200, body = ReferralLanding),
        (status = 404, description = "Unknown code, or the freelancer cannot sell (any more) (code `referral_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[get("/r/{code}")]
async fn referral_landing(state: web::Data<AppState>, req: HttpRequest, code: web::Path<String>) -> AppResult<web::Json<ReferralLanding>> {
    let visitor =
        Visitor { ip: client_ip(&req), user_agent: req.headers().get(USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_string) };
    Ok(web::Json(service::landing(&state, code.into_inner(), visitor).await?))
}
