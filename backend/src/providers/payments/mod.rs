//! Taking and refunding card payments. `PaymentProvider` is what checkout, seat changes,
//! renewals and cancellations call; `PAYMENTS_PROVIDER` picks the implementation
//! (`sandbox` by default). Our idempotency key travels with every charge and refund, so a
//! retried call never charges twice.

pub mod sandbox;
pub mod stripe;

use std::sync::Arc;

use futures_util::future::BoxFuture;

/// Which payment provider the app talks to.
#[derive(Clone, Debug, Default)]
pub enum PaymentsSettings {
    /// Test cards only, nothing leaves the machine.
    #[default]
    Sandbox,
    /// Stripe's API (`PAYMENTS_PROVIDER=stripe`, `STRIPE_SECRET_KEY`, `STRIPE_API_BASE`).
    Stripe {
        secret_key: stripe::SecretKey,
        /// `https://api.stripe.com` unless a proxy or a mock stands in for it.
        api_base: String,
    },
}

/// A charge of a saved payment method.
#[derive(Clone, Debug)]
pub struct ChargeRequest {
    pub amount_cents: i64,
    /// ISO 4217, upper case (`USD`).
    pub currency: String,
    /// The provider's payment method id (`pm_card_visa` in the sandbox).
    pub payment_method: String,
    /// Passed to the provider: the same key never charges twice.
    pub idempotency_key: String,
    pub description: String,
}

#[derive(Clone, Debug)]
pub struct RefundRequest {
    /// The provider's reference of the charge being refunded.
    pub charge_ref: String,
    pub amount_cents: i64,
    pub idempotency_key: String,
}

/// The provider's reference of a successful charge or refund.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderRef(pub String);

/// Why a card was refused: each becomes its own problem code (HTTP 402).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeclineCode {
    CardDeclined,
    InsufficientFunds,
}

impl DeclineCode {
    pub fn as_str(self) -> &'static str {
        match self {
            DeclineCode::CardDeclined => "card_declined",
            DeclineCode::InsufficientFunds => "insufficient_funds",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentError {
    /// The card was refused; nothing was charged.
    Declined(DeclineCode),
    /// The provider does not know the payment method.
    UnknownPaymentMethod,
    /// The provider could not be reached or failed; the call may be retried with the same key.
    Unavailable(String),
}

pub trait PaymentProvider: Send + Sync {
    /// `sandbox`, `stripe`: recorded on every payment row.
    fn name(&self) -> &'static str;
    fn charge(&self, req: ChargeRequest) -> BoxFuture<'_, Result<ProviderRef, PaymentError>>;
    fn refund(&self, req: RefundRequest) -> BoxFuture<'_, Result<ProviderRef, PaymentError>>;
}

pub fn build(settings: &PaymentsSettings) -> anyhow::Result<Arc<dyn PaymentProvider>> {
    Ok(match settings {
        PaymentsSettings::Sandbox => Arc::new(sandbox::SandboxPayments),
        PaymentsSettings::Stripe { secret_key, api_base } => {
            Arc::new(stripe::StripePayments::new(api_base, secret_key.clone(), stripe::RetryPolicy::default()).map_err(anyhow::Error::msg)?)
        }
    })
}
