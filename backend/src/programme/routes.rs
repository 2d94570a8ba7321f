//! `GET /program`: landing-page content, built from the catalogue and the tier rules so
//! the page never disagrees with what the system does.

use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::AppResult;
use crate::freelancers::tiers::Tier;
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
    /// `standard`, `top_rated`, `pro` or `seller_plus_premium`.
    pub tier: String,
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

fn b(title: &str, description: &str) -> Benefit {
    Benefit { title: title.into(), description: description.into() }
}

fn q(question: &str, answer: &str) -> Faq {
    Faq { question: question.into(), answer: answer.into() }
}

/// The programme's landing-page content.
#[utoipa::path(operation_id = "get_program", tag = "programme", responses((status = 200, body = Program)), security(()))]
#[get("/program")]
async fn program(state: web::Data<AppState>) -> AppResult<web::Json<Program>> {
    let plans = state.db.run(crate::catalog::store::active_plans).await?;
    let commission_rates =
        plans.into_iter().map(|p| CommissionRate { plan_id: p.id, plan_name: p.name, rate_bps: p.commission_rate_bps }).collect();
    let clearing_periods = Tier::ALL
        .into_iter()
        .map(|t| ClearingPeriod { tier: t.as_str().into(), tier_name: t.label().into(), days: t.clearing_days() })
        .collect();
    Ok(web::Json(Program {
        name: "Products & Software — Microsoft 365 for freelancers".into(),
        tagline: "Resell Microsoft 365 to your clients and earn a commission on every sale.".into(),
        description: "As an IT freelancer you already take care of your clients. With the Partner Hub programme your clients buy Microsoft 365 and other software products directly from us through your personal link, and you get the delegated access you need to manage their subscriptions without friction. Microsoft support is included for you at no cost.".into(),
        benefits: vec![
            b("Commission on every sale", "Earn the plan's commission rate on every paid period of every subscription bought through your link — the first purchase and every renewal."),
            b("Delegated access", "Your clients grant you admin rights for a limited time, so you can manage their subscriptions and tenants directly."),
            b("Free Microsoft support", "Our Microsoft support team helps you and your clients at no extra cost."),
            b("One dashboard", "Your referral link, earnings since joining, licences sold, every subscription and every delegation request in one place."),
        ],
        commission_rates,
        clearing_periods,
        clearing_days: Tier::Standard.clearing_days(),
        how_to_start: vec![
            "Accept your invitation, or create a freelancer account.".into(),
            "Fill in the application form; support reviews it for fit.".into(),
            "Once approved, complete onboarding: personal and business info, the W-9 form if you are based in the US, and the programme terms. Existing freelancers only sign the terms.".into(),
            "Open My Business → Digital Products & Software, copy your referral link and share it with your clients.".into(),
        ],
        faq: vec![
            q("When do my earnings become available?", "Earnings appear on your dashboard as soon as a client buys; they are provisional. They become available funds 14 days after the subscription is activated — 7 days for Top Rated, Pro and Seller Plus Premium freelancers."),
            q("My application was rejected. What can I do?", "You can appeal the decision right away from your application page, with an explanation. Support reviews every appeal and emails you the outcome."),
            q("How do I contact support?", "Open a support ticket from your account: choose a category, describe the issue, and you will get an email when support answers."),
            q("Do I need a W-9?", "Yes, if you are based in the United States. The TIN you enter is encrypted and never shown again except for its last four digits."),
            q("Who is the seller?", "Partner Hub sells the subscription directly to your client as the Microsoft partner of record; you never handle payments."),
        ],
    }))
}
