//! The sandbox payout provider: answers locally, by payout method. `sandbox` is paid,
//! `sandbox_fail` is declined because the receiving account is closed, and
//! `sandbox_unreachable` times out on the first attempt and is paid on a retry (an outage
//! that is over by the time support looks). References are derived from the idempotency
//! key, so every attempt of one withdrawal answers with the same reference.

use futures_util::future::BoxFuture;
use sha2::{Digest, Sha256};

use super::{PayoutError, PayoutMethod, PayoutProvider, PayoutRef, PayoutRequest};

pub struct SandboxPayouts;

/// What the sandbox says when it declines (`sandbox_fail`).
pub const ACCOUNT_CLOSED_REASON: &str = "The receiving account is closed.";

impl PayoutProvider for SandboxPayouts {
    fn name(&self) -> &'static str {
        "sandbox"
    }

    fn default_method(&self) -> PayoutMethod {
        PayoutMethod::Sandbox
    }

    fn accepts(&self, _method: PayoutMethod) -> bool {
        true
    }

    fn pay(&self, req: PayoutRequest) -> BoxFuture<'_, Result<PayoutRef, PayoutError>> {
        Box::pin(async move {
            let paid = || {
                let digest = Sha256::digest(req.idempotency_key.as_bytes());
                Ok(PayoutRef(format!("po_sandbox_{}", &hex::encode(digest)[..24])))
            };
            match req.method {
                PayoutMethod::Sandbox => paid(),
                PayoutMethod::SandboxFail => {
                    Err(PayoutError::Declined { code: "account_closed".into(), reason: ACCOUNT_CLOSED_REASON.into() })
                }
                PayoutMethod::SandboxUnreachable if req.attempt <= 1 => {
                    Err(PayoutError::Unavailable("sandbox: the payout provider timed out".into()))
                }
                PayoutMethod::SandboxUnreachable => paid(),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(method: PayoutMethod, attempt: i32) -> PayoutRequest {
        PayoutRequest {
            withdrawal_id: "wd_1".into(),
            amount_cents: 1_000,
            currency: "USD".into(),
            method,
            attempt,
            idempotency_key: "withdrawal:wd_1".into(),
        }
    }

    #[actix_web::test]
    async fn each_method_rehearses_one_outcome() {
        let p = SandboxPayouts;
        let a = p.pay(req(PayoutMethod::Sandbox, 1)).await.unwrap();
        assert_eq!(a, p.pay(req(PayoutMethod::Sandbox, 2)).await.unwrap(), "same withdrawal, same reference");
        assert!(
            matches!(p.pay(req(PayoutMethod::SandboxFail, 1)).await, Err(PayoutError::Declined { code, .. }) if code == "account_closed")
        );
        assert!(matches!(p.pay(req(PayoutMethod::SandboxUnreachable, 1)).await, Err(PayoutError::Unavailable(_))));
        assert_eq!(p.pay(req(PayoutMethod::SandboxUnreachable, 2)).await.unwrap(), a);
    }
}
