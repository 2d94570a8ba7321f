//! Subscription rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::subscriptions;
use crate::domain::commerce::{BillingTerm, SubscriptionStatus};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = subscriptions)]
pub struct SubscriptionRow {
    pub id: String,
    pub customer_user_id: String,
    pub account_id: Option<String>,
    pub order_id: String,
    pub plan_id: String,
    /// The freelancer whose link sold it (None: bought without a referrer).
    pub freelancer_id: Option<String>,
    /// Bought through the freelancer's own link: no commission, flagged for support.
    pub self_referral: bool,
    pub billing_term: BillingTerm,
    pub seats: i32,
    /// A seat decrease waiting for the renewal.
    pub scheduled_seats: Option<i32>,
    /// Price per seat for the current term (the plan's price when the term began).
    pub unit_price_cents: i64,
    pub currency: String,
    pub payment_method: String,
    pub status: SubscriptionStatus,
    pub auto_renew: bool,
    pub term_start: NaiveDateTime,
    pub current_term_end: NaiveDateTime,
    /// 168 hours after the purchase or the last renewal.
    pub cancellation_allowed_until: NaiveDateTime,
    pub activated_at: Option<NaiveDateTime>,
    pub renewal_attempts: i32,
    pub next_renewal_attempt_at: Option<NaiveDateTime>,
    pub grace_until: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    pub provider_subscription_id: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The cancellation window: 7 days (168 hours) after a purchase or renewal.
pub const CANCELLATION_WINDOW_HOURS: i64 = 168;
