//! Paying freelancers out. `PayoutProvider` is what a withdrawal calls once its request
//! has committed; `PAYOUTS_PROVIDER` picks the implementation (`sandbox`, the default and
//! for now the only one). The withdrawal's id travels with every attempt as the
//! idempotency key, so a retried payout never pays twice.
//!
//! A provider answers in one of three ways: paid (with its reference), declined (final:
//! the money goes back to available funds with the reason) or unavailable (nothing is
//! known; the withdrawal stays `requested` and support retries it).

pub mod sandbox;

use std::sync::Arc;

use futures_util::future::BoxFuture;

crate::text_enum! {
    /// Where a payout goes. The sandbox's methods rehearse each outcome.
    pub enum PayoutMethod {
        /// Sandbox: paid at once.
        Sandbox = "sandbox",
        /// Sandbox: declined with `account_closed`.
        SandboxFail = "sandbox_fail",
        /// Sandbox: the provider cannot be reached on the first attempt (the withdrawal
        /// stays requested); a retry pays it.
        SandboxUnreachable = "sandbox_unreachable",
    }
}

/// Which payout provider the app talks to.
#[derive(Clone, Debug, Default)]
pub enum PayoutsSettings {
    /// Nothing leaves the machine.
    #[default]
    Sandbox,
}

impl PayoutsSettings {
    /// `PAYOUTS_PROVIDER` (unset: `sandbox`).
    pub fn parse(value: Option<&str>) -> anyhow::Result<PayoutsSettings> {
        match value {
            None | Some("sandbox") => Ok(PayoutsSettings::Sandbox),
            Some(other) => anyhow::bail!("PAYOUTS_PROVIDER must be 'sandbox', not '{other}'"),
        }
    }
}

/// One attempt to pay a withdrawal.
#[derive(Clone, Debug)]
pub struct PayoutRequest {
    pub withdrawal_id: String,
    pub amount_cents: i64,
    /// ISO 4217, upper case.
    pub currency: String,
    pub method: PayoutMethod,
    /// 1 for the attempt right after the request, then one more per retry.
    pub attempt: i32,
    /// The same for every attempt of one withdrawal: the provider pays it once.
    pub idempotency_key: String,
}

/// The provider's reference of a payout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayoutRef(pub String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PayoutError {
    /// Refused for good (`account_closed`…); nothing was paid.
    Declined { code: String, reason: String },
    /// The provider could not be reached or failed; the attempt may be retried.
    Unavailable(String),
}

pub trait PayoutProvider: Send + Sync {
    /// `sandbox`: recorded on every withdrawal.
    fn name(&self) -> &'static str;
    /// The method used when a request names none.
    fn default_method(&self) -> PayoutMethod;
    /// Whether this provider pays out by `method`.
    fn accepts(&self, method: PayoutMethod) -> bool;
    fn pay(&self, req: PayoutRequest) -> BoxFuture<'_, Result<PayoutRef, PayoutError>>;
}

pub fn build(settings: &PayoutsSettings) -> Arc<dyn PayoutProvider> {
    match settings {
        PayoutsSettings::Sandbox => Arc::new(sandbox::SandboxPayouts),
    }
}
