//! `GET /me/dashboard`: "Digital Products & Software", open only to eligible freelancers.
//!
//! Subscriptions, licences and earnings are counted from their own tables once the
//! checkout and earnings features exist; until then a freelancer has sold nothing and the
//! figures are truthfully zero.

use std::collections::BTreeMap;

use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::docs::*;
use crate::error::AppResult;
use crate::freelancers::tiers::Tier;
use crate::freelancers::EligibleFreelancer;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(dashboard);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DashboardEarnings {
    /// Provisional: bought, still inside the clearing period.
    pub pending_cents: i64,
    /// Cleared and available to withdraw.
    pub available_cents: i64,
    /// Everything earned since joining, provisional or not, less reversals.
    pub since_joining_cents: i64,
    #[schema(example = "USD")]
    pub currency: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Dashboard {
    /// The unique link to share with clients; it opens the plans page.
    pub referral_link: String,
    pub referral_code: String,
    pub earnings: DashboardEarnings,
    /// Seats sold through the link (active and past subscriptions).
    pub licenses_sold: i64,
    /// Subscription counts by status (`pending`, `active`, `suspended`, `cancelled`, `expired`).
    pub subscriptions_by_status: BTreeMap<String, i64>,
    pub tier: Tier,
    /// Days from activation until a commission is available, for this tier.
    pub clearing_days: i64,
    pub eligible_since: Option<chrono::DateTime<chrono::Utc>>,
}

/// The freelancer's programme dashboard.
#[utoipa::path(
    operation_id = "get_dashboard",
    tag = "freelancers",
    responses(
        (status = 200, body = Dashboard),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not a freelancer (`forbidden`) or not eligible yet (`not_eligible`, with `missing_steps`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/dashboard")]
async fn dashboard(state: web::Data<AppState>, caller: EligibleFreelancer) -> AppResult<web::Json<Dashboard>> {
    let fl_id = caller.freelancer.id.clone();
    let st = state.clone();
    // The code is assigned when eligibility completes; refresh covers any path that missed it.
    let fl = state
        .db
        .transaction(move |conn| {
            crate::freelancers::eligibility::refresh(conn, &fl_id, st.clock.now_naive())?;
            crate::freelancers::store::by_id(conn, &fl_id)
        })
        .await?;
    let code = fl.referral_code.clone().unwrap_or_default();
    let tier = fl.tier;
    let subscriptions_by_status = ["pending", "active", "suspended", "cancelled", "expired"].iter().map(|s| (s.to_string(), 0)).collect();
    Ok(web::Json(Dashboard {
        referral_link: format!("{}/r/{code}", state.settings.public_base_url),
        referral_code: code,
        earnings: DashboardEarnings { pending_cents: 0, available_cents: 0, since_joining_cents: 0, currency: "USD".into() },
        licenses_sold: 0,
        subscriptions_by_status,
        tier,
        clearing_days: tier.clearing_days(),
        eligible_since: fl.eligible_since.map(crate::clock::utc),
    }))
}
