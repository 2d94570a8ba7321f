//! `GET /me/dashboard`: "Digital Products & Software", open only to eligible freelancers.
//!
//! A read, and only a read: every figure comes from one read-only snapshot
//! (`Db::snapshot`), so the dashboard never takes SQLite's write lock and its figures
//! agree with each other. The referral code is issued where eligibility changes
//! (`eligibility::refresh`, called by the approval, profile, W-9, terms and invitation
//! paths), not here.
//!
//! Its cost does not grow with the freelancer's history: balances are one row
//! (`earning_balances`), counts and seats by status are one GROUP BY on the
//! (freelancer_id, status, seats) index, recent sales are the first five rows of the
//! (freelancer_id, created_at) index, clicks are counts over the click table's primary
//! key (freelancer_id, day, …), and the 30-day sales a count over the same
//! (freelancer_id, created_at) range.

use std::collections::BTreeMap;

use actix_web::{get, web};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::model::FreelancerRow;
use crate::clock::utc;
use crate::db::DbConnection;
use crate::docs::*;
use crate::domain::commerce::{BillingTerm, SubscriptionStatus};
use crate::earnings::{insights, ledger};
use crate::error::AppResult;
use crate::freelancers::tiers::Tier;
use crate::freelancers::EligibleFreelancer;
use crate::state::AppState;
use crate::subscriptions::referred;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(dashboard);
}

/// How many sales "recent sales" shows.
pub const RECENT_SALES: i64 = 5;
/// The window of "last 30 days": today (UTC) and the 29 days before it.
pub const WINDOW_DAYS: i64 = 30;

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
    /// Always true: these figures can still change (clearing, reversals); the final
    /// figures are on the Earnings page.
    pub provisional: bool,
}

/// One of the latest sales through the link.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecentSale {
    #[schema(example = "sub_Zx8Kq2Lm4Np6Rs0Tv1Wy")]
    pub subscription_id: String,
    #[schema(example = "Microsoft 365 Business Standard")]
    pub plan_name: String,
    pub billing_term: BillingTerm,
    #[schema(example = 5)]
    pub seats: i32,
    pub status: SubscriptionStatus,
    pub created_at: DateTime<Utc>,
    /// The commission posted for the purchase (null when none was: no commission yet, a
    /// self-referral or a plan without commission).
    #[schema(example = 15000)]
    pub commission_cents: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkClicks {
    /// Visits of the referral link, one per visitor and day.
    pub total: i64,
    /// The same, today (UTC) and the 29 days before.
    pub last_30_days: i64,
}

/// How the link's visits turned into sales over the last 30 days.
#[derive(Debug, Serialize, ToSchema)]
pub struct Conversion {
    pub clicks_30_days: i64,
    /// Subscriptions bought through the link in the same days.
    pub sales_30_days: i64,
    /// Sales per click in basis points (2.5 % = 250), rounded half up; null without clicks.
    /// A client may buy through a link visited before the window, so it can exceed 10000.
    #[schema(example = 250)]
    pub rate_bps: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Dashboard {
    /// The unique link to share with clients; it opens the plans page.
    pub referral_link: String,
    pub referral_code: String,
    pub earnings: DashboardEarnings,
    /// Licences sold: the seats of every subscription bought through the link that was
    /// not refunded — pending, active, suspended and expired ones count, `cancelled`
    /// ones (refunded inside the cancellation window, or never activated) do not. A
    /// subscription counts with its current seats (a scheduled decrease counts from the
    /// renewal that applies it).
    pub licenses_sold: i64,
    /// Subscription counts by status (`pending`, `active`, `suspended`, `cancelled`, `expired`; every key present).
    pub subscriptions_by_status: BTreeMap<String, i64>,
    /// The newest five sales, newest first.
    pub recent_sales: Vec<RecentSale>,
    pub link_clicks: LinkClicks,
    pub conversion: Conversion,
    pub tier: Tier,
    /// Days from activation until a commission is available, for this tier.
    pub clearing_days: i64,
    pub eligible_since: Option<chrono::DateTime<chrono::Utc>>,
}

/// `sales / clicks` in basis points, rounded half up; None without clicks.
fn rate_bps(sales: i64, clicks: i64) -> Option<i64> {
    (clicks > 0).then(|| (sales * 10_000 * 2 + clicks).div_euclid(clicks * 2))
}

/// Every figure of the dashboard except the link, read in one snapshot.
fn figures_in(conn: &mut DbConnection, fl: &FreelancerRow, now: NaiveDateTime) -> AppResult<Dashboard> {
    let balances = ledger::balances_in(conn, &fl.id)?;
    let by_status = referred::counts_by_status_in(conn, &fl.id)?;
    let licenses_sold = by_status.iter().filter(|(s, _)| *s != SubscriptionStatus::Cancelled).map(|(_, c)| c.seats).sum();

    let sales = referred::recent_sales_in(conn, &fl.id, RECENT_SALES)?;
    let invoices: Vec<String> = sales.iter().filter_map(|s| s.purchase_invoice_id.clone()).collect();
    let commissions = insights::commissions_of_invoices_in(conn, &invoices)?;
    let recent_sales = sales
        .into_iter()
        .map(|s| RecentSale {
            commission_cents: s
                .purchase_invoice_id
                .as_ref()
                .and_then(|inv| commissions.iter().find(|(i, _)| i == inv).map(|(_, amount)| *amount)),
            subscription_id: s.subscription_id,
            plan_name: s.plan_name,
            billing_term: s.billing_term,
            seats: s.seats,
            status: s.status,
            created_at: utc(s.created_at),
        })
        .collect();

    let first_day = now.date() - Duration::days(WINDOW_DAYS - 1);
    let clicks_total = crate::referrals::service::clicks_in(conn, &fl.id)?;
    let clicks_30 = crate::referrals::service::clicks_since_in(conn, &fl.id, first_day)?;
    let sales_30 = referred::sold_since_in(conn, &fl.id, first_day.and_time(chrono::NaiveTime::MIN))?;

    let code = fl.referral_code.clone().unwrap_or_default();
    Ok(Dashboard {
        referral_link: String::new(),
        referral_code: code,
        earnings: DashboardEarnings {
            pending_cents: balances.pending,
            available_cents: balances.available,
            since_joining_cents: balances.since_joining,
            currency: insights::CURRENCY.into(),
            provisional: true,
        },
        licenses_sold,
        subscriptions_by_status: by_status.iter().map(|(s, c)| (s.as_str().to_string(), c.subscriptions)).collect(),
        recent_sales,
        link_clicks: LinkClicks { total: clicks_total, last_30_days: clicks_30 },
        conversion: Conversion { clicks_30_days: clicks_30, sales_30_days: sales_30, rate_bps: rate_bps(sales_30, clicks_30) },
        tier: fl.tier,
        clearing_days: fl.tier.clearing_days(),
        eligible_since: fl.eligible_since.map(utc),
    })
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
    let mut fl = caller.freelancer;
    if fl.referral_code.is_none() {
        // Every path to eligibility issues the code (see the module doc); a record made
        // eligible before that was so (an internal invitation once skipped it) gets it
        // now, once, in a write of its own. Every later read is a pure read again.
        log::warn!("eligible freelancer {} had no referral code; issuing it", fl.id);
        let (id, st) = (fl.id.clone(), state.clone());
        fl = state
            .db
            .transaction(move |conn| {
                crate::freelancers::eligibility::refresh(conn, &id, st.clock.now_naive())?;
                crate::freelancers::store::by_id(conn, &id)
            })
            .await?;
    }
    let now = state.clock.now_naive();
    let mut d = state.db.snapshot(move |conn| figures_in(conn, &fl, now)).await?;
    d.referral_link = format!("{}/r/{}", state.settings.public_base_url, d.referral_code);
    Ok(web::Json(d))
}

#[cfg(test)]
mod tests {
    use super::rate_bps;

    #[test]
    fn conversion_rounds_half_up_and_needs_clicks() {
        assert_eq!(rate_bps(1, 40), Some(250));
        assert_eq!(rate_bps(1, 3), Some(3333));
        assert_eq!(rate_bps(2, 3), Some(6667));
        assert_eq!(rate_bps(0, 10), Some(0));
        assert_eq!(rate_bps(3, 0), None);
    }
}
