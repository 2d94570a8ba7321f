//! Checkout's request, response and rows, and the `Buyer` extractor.

use std::future::Future;
use std::pin::Pin;

use actix_web::{FromRequest, HttpRequest};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::AuthUser;
use crate::db::schema::{orders, payments};
use crate::domain::commerce::{BillingTerm, PaymentPurpose, PaymentStatus};
use crate::domain::Role;
use crate::error::AppError;
use crate::invoices::view::Invoice;
use crate::subscriptions::view::Subscription;

/// Who may check out: customers, and freelancers buying for a client (an account has
/// one role, chosen at sign-up, so a freelancer cannot also be a customer). Staff may not.
#[derive(Debug, Clone)]
pub struct Buyer(pub AuthUser);

impl FromRequest for Buyer {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let claimed = crate::auth::extractors::token_user(req);
        let user = AuthUser::from_request(req, payload);
        Box::pin(async move {
            let claimed = claimed?;
            if !(claimed.has(Role::Customer) || claimed.has(Role::Freelancer)) {
                return Err(AppError::forbidden("forbidden", "Only customers can buy subscriptions."));
            }
            Ok(Buyer(user.await?))
        })
    }
}

/// A purchase.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({
    "plan_id": "pln_m365_business_standard",
    "billing_term": "yearly",
    "seats": 5,
    "referral_code": "k3x9m2p7qa",
    "payment_method": "pm_card_visa",
    "billing_country": "DE"
}))]
pub struct CheckoutRequest {
    #[schema(example = "pln_m365_business_standard")]
    pub plan_id: String,
    pub billing_term: BillingTerm,
    #[schema(minimum = 1, maximum = 50, example = 5)]
    pub seats: i64,
    /// The freelancer's code from the referral link. An unknown code, or one whose
    /// freelancer cannot sell, is no error: the sale has no referrer (`order.referral_code` null).
    #[serde(default)]
    #[schema(example = "k3x9m2p7qa")]
    pub referral_code: Option<String>,
    /// The payment provider's payment method. Sandbox: `pm_card_visa` (succeeds),
    /// `pm_card_declined`, `pm_card_insufficient_funds`.
    #[schema(example = "pm_card_visa", min_length = 1, max_length = 255)]
    pub payment_method: String,
    /// ISO 3166-1 alpha-2; decides the tax rate on the invoice (none when absent).
    #[serde(default)]
    #[schema(example = "DE", min_length = 2, max_length = 2)]
    pub billing_country: Option<String>,
}

/// The order a checkout created.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Order {
    #[schema(example = "ord_Zx8Kq2Lm4Np6Rs0Tv1Wy")]
    pub id: String,
    pub plan_id: String,
    pub billing_term: BillingTerm,
    #[schema(example = 5)]
    pub seats: i32,
    /// Net price per seat for the term, in cents.
    #[schema(example = 15000)]
    pub unit_price_cents: i64,
    /// Net: seats × unit price.
    #[schema(example = 75000)]
    pub subtotal_cents: i64,
    #[schema(example = 0)]
    pub tax_cents: i64,
    /// What was charged: subtotal plus tax.
    #[schema(example = 75000)]
    pub total_cents: i64,
    #[schema(example = "USD")]
    pub currency: String,
    pub created_at: DateTime<Utc>,
    /// The referral code the sale is attributed to; null without a (valid) referrer.
    pub referral_code: Option<String>,
    /// Bought through the buyer's own referral link: no commission, flagged for support.
    pub self_referral: bool,
}

/// What a successful checkout answers.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CheckoutResult {
    pub order: Order,
    pub subscription: Subscription,
    pub invoice: Invoice,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = payments)]
pub struct PaymentRow {
    pub id: String,
    pub user_id: String,
    pub purpose: PaymentPurpose,
    pub subscription_id: Option<String>,
    pub refund_of: Option<String>,
    pub amount_cents: i64,
    pub currency: String,
    pub payment_method: String,
    pub status: PaymentStatus,
    pub failure_code: Option<String>,
    /// `sandbox`, `stripe`.
    pub provider: String,
    /// The provider's id of the charge (a PaymentIntent); none for a refused one.
    pub provider_ref: Option<String>,
    /// The idempotency key the provider saw.
    pub provider_key: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = orders)]
pub struct OrderRow {
    pub id: String,
    pub customer_user_id: String,
    pub plan_id: String,
    pub billing_term: BillingTerm,
    pub seats: i32,
    pub unit_price_cents: i64,
    pub currency: String,
    pub freelancer_id: Option<String>,
    pub referral_code: Option<String>,
    pub self_referral: bool,
    pub payment_id: String,
    pub created_at: NaiveDateTime,
}
