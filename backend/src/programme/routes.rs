//! `GET /program`: landing-page content, built from the catalogue and the tier rules so
//! the page never disagrees with what the system does.

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::locale::Locale;
use crate::error::AppResult;
use crate::freelancers::tiers::Tier;
use crate::programme::content;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(program);
}

#[derive(Serialize, ToSchema)]
pub struct Benefit {
    pub title: String,
    pub description: String,
}

#[derive(Serialize, ToSchema)]
pub struct CommissionRate {
    pub plan_id: String,
    pub plan_name: String,
    /// Basis points of the net price (1500 = 15 %).
    pub rate_bps: i32,
}

#[derive(Serialize, ToSchema)]
pub struct ClearingPeriod {
    pub tier: Tier,
    pub tier_name: String,
    /// Days after activation until a commission becomes available funds.
    pub days: i64,
}

#[derive(Serialize, ToSchema)]
pub struct Faq {
    pub question: String,
    pub answer: String,
}

#[derive(Serialize, ToSchema)]
pub struct Program {
    /// The language of the texts.
    pub locale: Locale,
    pub name: String,
    pub tagline: String,
    pub description: String,
    pub benefits: Vec<Benefit>,
    pub commission_rates: Vec<CommissionRate>,
    pub clearing_periods: Vec<ClearingPeriod>,
    /// Standard clearing period in days.
    #[schema(example = 14)]
    pub clearing_days: i64,
    pub how_to_start: Vec<String>,
    pub faq: Vec<Faq>,
}

/// `?lang=` overrides the `Accept-Language` header.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProgramQuery {
    /// `en` or `de`; without it the `Accept-Language` header decides (default `en`).
    pub lang: Option<Locale>,
}

/// The programme's landing-page content, in the requested language.
#[utoipa::path(
    operation_id = "get_program",
    tag = "programme",
    params(ProgramQuery, ("Accept-Language" = Option<String>, Header, description = "`de` or `en` (the first supported one wins)")),
    responses((status = 200, body = Program, headers(("Content-Language" = String, description = "`en` or `de`")))),
    security(())
)]
#[get("/program")]
async fn program(state: web::Data<AppState>, req: HttpRequest, query: web::Query<ProgramQuery>) -> AppResult<HttpResponse> {
    let locale = query.lang.unwrap_or_else(|| crate::web::locale::request_locale(&req));
    let plans = state.db.run(crate::catalog::service::active_plans_in).await?;
    let commission_rates =
        plans.into_iter().map(|p| CommissionRate { plan_id: p.id, plan_name: p.name, rate_bps: p.commission_rate_bps }).collect();
    let clearing_periods = Tier::ALL
        .iter()
        .map(|&t| ClearingPeriod { tier: t, tier_name: content::tier_name(t, locale).into(), days: t.clearing_days() })
        .collect();
    let text = content::text(locale);
    let body = Program {
        locale,
        name: text.name.into(),
        tagline: text.tagline.into(),
        description: text.description.into(),
        benefits: text
            .benefits
            .iter()
            .map(|(title, description)| Benefit { title: (*title).into(), description: (*description).into() })
            .collect(),
        commission_rates,
        clearing_periods,
        clearing_days: Tier::Standard.clearing_days(),
        how_to_start: text.how_to_start.iter().map(|s| (*s).into()).collect(),
        faq: text.faq.iter().map(|(question, answer)| Faq { question: (*question).into(), answer: (*answer).into() }).collect(),
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, locale.as_str()))
        .insert_header((header::VARY, "Accept-Language"))
        .json(body))
}
