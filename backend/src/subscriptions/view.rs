//! The subscription as the API shows it (`Subscription`), built from its row, its plan
//! (name, and the price it will renew at) and the referring freelancer's public name.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::clock::utc;
use crate::db::schema::{freelancer_profiles, plans, subscriptions};
use crate::db::DbConnection;
use crate::domain::commerce::{BillingTerm, SubscriptionStatus};
use crate::error::{AppError, AppResult};
use crate::subscriptions::model::SubscriptionRow;

/// The freelancer whose referral link sold a subscription.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Referrer {
    #[schema(example = "fl_Zx8Kq2Lm4Np6Rs0Tv1Wy")]
    pub id: String,
    pub display_name: String,
}

/// A subscription: plan, seats, term, state and prices.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Subscription {
    #[schema(example = "sub_Zx8Kq2Lm4Np6Rs0Tv1Wy")]
    pub id: String,
    #[schema(example = "pln_m365_business_standard")]
    pub plan_id: String,
    #[schema(example = "Microsoft 365 Business Standard")]
    pub plan_name: String,
    pub billing_term: BillingTerm,
    #[schema(example = 5, minimum = 1, maximum = 50)]
    pub seats: i32,
    /// A seat decrease that takes effect at the next renewal.
    pub scheduled_seats: Option<i32>,
    pub status: SubscriptionStatus,
    pub auto_renew: bool,
    /// When the subscription became active (the start of the freelancer's clearing period).
    pub activated_at: Option<DateTime<Utc>>,
    pub term_start: DateTime<Utc>,
    pub current_term_end: DateTime<Utc>,
    /// Until then a cancellation is refunded (prorated); afterwards it only turns auto-renew off.
    pub cancellation_allowed_until: DateTime<Utc>,
    /// Price per seat for the current term, in cents.
    #[schema(example = 15000)]
    pub unit_price_cents: i64,
    /// Price per seat the next term will be charged at (the plan's price today).
    #[schema(example = 15000)]
    pub renewal_unit_price_cents: i64,
    /// What the next renewal will charge (seats after any scheduled change × renewal price), net.
    #[schema(example = 75000)]
    pub renewal_total_cents: i64,
    #[schema(example = "USD")]
    pub currency: String,
    pub account_id: Option<String>,
    pub freelancer: Option<Referrer>,
    /// Bought through the freelancer's own link: no commission, flagged for support.
    pub self_referral: bool,
    pub created_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
}

type PlanPrices = (String, i64, i64);

/// The price per seat of one term of `term` at `plan`'s current prices.
pub fn price_for(term: BillingTerm, monthly_cents: i64, yearly_cents: i64) -> i64 {
    match term {
        BillingTerm::Monthly => monthly_cents,
        BillingTerm::Yearly => yearly_cents,
    }
}

fn build(row: SubscriptionRow, plan: PlanPrices, referrer: Option<(String, Option<String>, String)>) -> Subscription {
    let (plan_name, monthly, yearly) = plan;
    let renewal_unit = price_for(row.billing_term, monthly, yearly);
    let renewal_seats = row.scheduled_seats.unwrap_or(row.seats) as i64;
    Subscription {
        id: row.id,
        plan_id: row.plan_id,
        plan_name,
        billing_term: row.billing_term,
        seats: row.seats,
        scheduled_seats: row.scheduled_seats,
        status: row.status,
        auto_renew: row.auto_renew,
        activated_at: row.activated_at.map(utc),
        term_start: utc(row.term_start),
        current_term_end: utc(row.current_term_end),
        cancellation_allowed_until: utc(row.cancellation_allowed_until),
        unit_price_cents: row.unit_price_cents,
        renewal_unit_price_cents: renewal_unit,
        renewal_total_cents: renewal_unit * renewal_seats,
        currency: row.currency,
        account_id: row.account_id,
        freelancer: referrer.map(|(id, display, full)| Referrer { id, display_name: display.unwrap_or(full) }),
        self_referral: row.self_referral,
        created_at: utc(row.created_at),
        ended_at: row.ended_at.map(utc),
    }
}

/// Builds the views of already loaded rows (one query for plans, one for referrers).
pub fn views_in(conn: &mut DbConnection, rows: Vec<SubscriptionRow>) -> AppResult<Vec<Subscription>> {
    let plan_ids: Vec<String> = rows.iter().map(|r| r.plan_id.clone()).collect();
    let plan_rows: Vec<(String, String, i64, i64)> = plans::table
        .filter(plans::id.eq_any(&plan_ids))
        .select((plans::id, plans::name, plans::monthly_price_cents, plans::yearly_price_cents))
        .load(conn)?;
    let fl_ids: Vec<String> = rows.iter().filter_map(|r| r.freelancer_id.clone()).collect();
    let referrers: Vec<(String, Option<String>, String)> = if fl_ids.is_empty() {
        vec![]
    } else {
        freelancer_profiles::table
            .filter(freelancer_profiles::freelancer_id.eq_any(&fl_ids))
            .select((freelancer_profiles::freelancer_id, freelancer_profiles::display_name, freelancer_profiles::full_name))
            .load(conn)?
    };
    rows.into_iter()
        .map(|row| {
            let plan = plan_rows
                .iter()
                .find(|p| p.0 == row.plan_id)
                .map(|p| (p.1.clone(), p.2, p.3))
                .ok_or_else(|| AppError::internal(format!("plan {} of {} is missing", row.plan_id, row.id)))?;
            let referrer = row
                .freelancer_id
                .as_ref()
                .map(|fid| referrers.iter().find(|r| &r.0 == fid).cloned().unwrap_or_else(|| (fid.clone(), None, String::new())));
            Ok(build(row, plan, referrer))
        })
        .collect()
}

/// The row of subscription `id`, if it exists (callers scope access themselves).
pub fn row_in(conn: &mut DbConnection, id: &str) -> AppResult<Option<SubscriptionRow>> {
    Ok(subscriptions::table.find(id).select(SubscriptionRow::as_select()).first(conn).optional()?)
}

/// The view of subscription `id` (404 when it does not exist).
pub fn load_in(conn: &mut DbConnection, id: &str) -> AppResult<Subscription> {
    let row = row_in(conn, id)?.ok_or_else(|| AppError::not_found("No such subscription."))?;
    Ok(views_in(conn, vec![row])?.remove(0))
}
