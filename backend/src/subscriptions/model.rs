//! Subscription rows, and the DTOs of the lifecycle routes.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::schema::subscriptions;
use crate::domain::commerce::{BillingTerm, SubscriptionEventKind, SubscriptionStatus};
use crate::subscriptions::view::Subscription;

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

// ---- What the lifecycle routes take and return (the Subscription itself is `view::Subscription`).

crate::text_enum! {
    /// When a seat change takes effect: increases now (charged prorated), decreases at the
    /// renewal.
    pub enum SeatChangeEffect {
        Now = "now",
        AtRenewal = "at_renewal",
    }
}

crate::text_enum! {
    /// What cancelling now does: inside the cancellation window the unused time is refunded
    /// and the subscription ends at once; after it, auto-renew is turned off and the
    /// subscription ends with its term.
    pub enum CancellationOutcome {
        Refund = "refund",
        EndAtTermEnd = "end_at_term_end",
    }
}

/// What changing to `seats` would do.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SeatChangePreview {
    #[schema(example = 8, minimum = 1, maximum = 50)]
    pub seats: i32,
    pub effective: SeatChangeEffect,
    /// Charged now for the rest of the term (net, before tax); 0 for a decrease.
    #[schema(example = 36000)]
    pub prorated_charge_cents: i64,
    #[schema(example = "USD")]
    pub currency: String,
}

/// What cancelling now would do.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CancellationPreview {
    pub outcome: CancellationOutcome,
    /// Refunded to the payment method (tax included); 0 when the outcome is `end_at_term_end`.
    #[schema(example = 9863)]
    pub refund_cents: i64,
    #[schema(example = "USD")]
    pub currency: String,
    /// When the subscription ends: now for a refund, the term end otherwise.
    pub ends_at: DateTime<Utc>,
}

/// `PATCH /subscriptions/{id}`: either field, or both.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"seats": 8}))]
pub struct UpdateSubscription {
    /// 1 to 50. More seats are charged now (prorated, with an invoice); fewer take effect at
    /// the renewal; the current count drops a scheduled decrease.
    #[schema(minimum = 1, maximum = 50)]
    pub seats: Option<i64>,
    /// `false` stops the renewal (the subscription ends with its term); `true` turns it on
    /// again before the term ends.
    pub auto_renew: Option<bool>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SeatChangeQuery {
    /// The seat count to preview, 1 to 50.
    #[param(minimum = 1, maximum = 50, example = 8)]
    pub seats: i64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatusFilter {
    #[param(inline)]
    pub status: Option<SubscriptionStatus>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AdminFilter {
    #[param(inline)]
    pub status: Option<SubscriptionStatus>,
    /// `true`: only sales through the freelancer's own link (flagged for support).
    pub self_referral: Option<bool>,
}

/// The client who bought a subscription.
#[derive(Debug, Clone, Queryable, Serialize, ToSchema)]
pub struct CustomerRef {
    #[schema(example = "usr_8fK2mQ0pLw3xZb7TnR1c")]
    pub id: String,
    pub email: String,
    pub full_name: String,
}

/// A subscription in support's list, with its client.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AdminSubscription {
    #[serde(flatten)]
    pub subscription: Subscription,
    pub customer: CustomerRef,
}

/// One entry of a subscription's history.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SubscriptionEvent {
    #[schema(example = "sev_Zx8Kq2Lm4Np6Rs0Tv1Wy")]
    pub id: String,
    pub kind: SubscriptionEventKind,
    pub status_before: Option<SubscriptionStatus>,
    pub status_after: SubscriptionStatus,
    /// Seats after the event.
    pub seats: i32,
    /// Money that moved with it: a charge is positive, a refund negative.
    pub amount_cents: Option<i64>,
    /// The invoice or credit note issued with it.
    pub invoice_id: Option<String>,
    /// Who caused it (None: the system, e.g. the renewals job).
    pub actor_id: Option<String>,
    /// Details (previous seats, period, retry date…).
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

/// A subscription with its client and its whole history, for support.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AdminSubscriptionDetail {
    pub subscription: Subscription,
    pub customer: CustomerRef,
    /// Oldest first.
    pub events: Vec<SubscriptionEvent>,
}
