//! The sandbox provider: Stripe's test payment methods, answered locally.
//! `pm_card_visa` succeeds; `pm_card_declined` and `pm_card_insufficient_funds` fail with
//! their own codes; anything else is an unknown payment method. References are derived
//! from the idempotency key, so a retried call answers with the same reference.

use futures_util::future::BoxFuture;
use sha2::{Digest, Sha256};

use super::{ChargeRequest, DeclineCode, PaymentError, PaymentProvider, ProviderRef, RefundRequest};

pub struct SandboxPayments;

/// The test payment methods, in the order a form offers them.
pub const TEST_METHODS: &[&str] = &["pm_card_visa", "pm_card_declined", "pm_card_insufficient_funds"];

fn reference(prefix: &str, key: &str) -> ProviderRef {
    let digest = Sha256::digest(key.as_bytes());
    ProviderRef(format!("{prefix}_sandbox_{}", &hex::encode(digest)[..24]))
}

impl PaymentProvider for SandboxPayments {
    fn name(&self) -> &'static str {
        "sandbox"
    }

    fn charge(&self, req: ChargeRequest) -> BoxFuture<'_, Result<ProviderRef, PaymentError>> {
        Box::pin(async move {
            match req.payment_method.as_str() {
                "pm_card_visa" => Ok(reference("pi", &req.idempotency_key)),
                "pm_card_declined" => Err(PaymentError::Declined(DeclineCode::CardDeclined)),
                "pm_card_insufficient_funds" => Err(PaymentError::Declined(DeclineCode::InsufficientFunds)),
                _ => Err(PaymentError::UnknownPaymentMethod),
            }
        })
    }

    fn refund(&self, req: RefundRequest) -> BoxFuture<'_, Result<ProviderRef, PaymentError>> {
        Box::pin(async move { Ok(reference("re", &req.idempotency_key)) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn charge(method: &str, key: &str) -> ChargeRequest {
        ChargeRequest {
            amount_cents: 100,
            currency: "USD".into(),
            payment_method: method.into(),
            idempotency_key: key.into(),
            description: "test".into(),
        }
    }

    #[actix_web::test]
    async fn test_cards_answer_like_stripe_test_mode() {
        let p = SandboxPayments;
        let a = p.charge(charge("pm_card_visa", "k1")).await.unwrap();
        assert_eq!(a, p.charge(charge("pm_card_visa", "k1")).await.unwrap(), "same key, same charge");
        assert_ne!(a, p.charge(charge("pm_card_visa", "k2")).await.unwrap());
        assert_eq!(p.charge(charge("pm_card_declined", "k3")).await, Err(PaymentError::Declined(DeclineCode::CardDeclined)));
        assert_eq!(p.charge(charge("pm_card_insufficient_funds", "k4")).await, Err(PaymentError::Declined(DeclineCode::InsufficientFunds)));
        assert_eq!(p.charge(charge("pm_nonsense", "k5")).await, Err(PaymentError::UnknownPaymentMethod));
    }
}
