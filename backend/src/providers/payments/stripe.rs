//! The Stripe adapter: charges are PaymentIntents created and confirmed in one call
//! (`POST /v1/payment_intents`, `confirm=true`), refunds are `POST /v1/refunds`. Requests
//! are form-encoded with the secret key as a bearer token, and every one carries our
//! idempotency key in `Idempotency-Key`, so Stripe answers a repeated call with the
//! object it created the first time instead of charging again.
//!
//! Transient failures (a timeout, a dropped connection, 409 from a concurrent request with
//! the same key, 429, 5xx) are retried here with the same key, a bounded number of times
//! with growing pauses; Stripe's `Stripe-Should-Retry` header overrides the guess when
//! present. What is still failing after the last attempt is `Unavailable`, and a later
//! call with the same key is safe.
//!
//! Answers are mapped from Stripe's documented shapes: a PaymentIntent whose `status` is
//! `succeeded` is a charge; an error object (`{"error": {"type", "code", "decline_code",
//! "param", "message"}}`) of type `card_error` is a decline (`decline_code`
//! `insufficient_funds` gets its own code); `resource_missing` on `payment_method` is an
//! unknown payment method.

use std::time::Duration;

use futures_util::future::BoxFuture;
use serde::Deserialize;

use super::{ChargeRequest, DeclineCode, PaymentError, PaymentProvider, ProviderRef, RefundRequest};

/// A Stripe secret key; `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey(String);

impl SecretKey {
    pub fn new(key: impl Into<String>) -> SecretKey {
        SecretKey(key.into())
    }

    fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(***)")
    }
}

/// How hard the adapter tries before it reports `Unavailable`.
#[derive(Clone, Copy, Debug)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// The pause before the second attempt; it doubles before each further one.
    pub first_pause: Duration,
    /// How long one request may take before it counts as timed out.
    pub timeout: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { attempts: 3, first_pause: Duration::from_millis(500), timeout: Duration::from_secs(20) }
    }
}

pub struct StripePayments {
    client: reqwest::Client,
    api_base: String,
    secret_key: SecretKey,
    retry: RetryPolicy,
}

/// The parts of a PaymentIntent or Refund that matter here.
#[derive(Debug, Deserialize)]
struct StripeObject {
    id: String,
    status: String,
}

#[derive(Debug, Default, Deserialize)]
struct StripeError {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    decline_code: Option<String>,
    #[serde(default)]
    param: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ErrorEnvelope {
    error: StripeError,
}

/// What one HTTP exchange came to.
enum Attempt {
    Done(Result<StripeObject, PaymentError>),
    /// Worth another try with the same key (the text is the reason, for the log).
    Retry(String),
}

impl StripePayments {
    /// `api_base` without a trailing slash (`https://api.stripe.com`).
    pub fn new(api_base: &str, secret_key: SecretKey, retry: RetryPolicy) -> Result<StripePayments, String> {
        let client = reqwest::Client::builder()
            .timeout(retry.timeout)
            .connect_timeout(retry.timeout)
            .build()
            .map_err(|e| format!("cannot build the Stripe HTTP client: {e}"))?;
        Ok(StripePayments { client, api_base: api_base.trim_end_matches('/').to_string(), secret_key, retry })
    }

    /// POSTs `form` to `path` until it is answered for good or the attempts run out.
    async fn post(&self, path: &str, form: Vec<(&str, String)>, idempotency_key: &str) -> Result<StripeObject, PaymentError> {
        let body = {
            let mut s = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in &form {
                s.append_pair(k, v);
            }
            s.finish()
        };
        let url = format!("{}{path}", self.api_base);
        let mut pause = self.retry.first_pause;
        let mut last = String::new();
        for attempt in 1..=self.retry.attempts.max(1) {
            if attempt > 1 {
                actix_web::rt::time::sleep(pause).await;
                pause *= 2;
            }
            let sent = self
                .client
                .post(&url)
                .bearer_auth(self.secret_key.expose())
                .header("Idempotency-Key", idempotency_key)
                .header(reqwest::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(body.clone())
                .send()
                .await;
            match interpret(sent).await {
                Attempt::Done(result) => return result,
                Attempt::Retry(reason) => {
                    log::warn!("stripe {path} attempt {attempt} of {}: {reason}", self.retry.attempts);
                    last = reason;
                }
            }
        }
        Err(PaymentError::Unavailable(format!("stripe {path}: {last}")))
    }
}

async fn interpret(sent: Result<reqwest::Response, reqwest::Error>) -> Attempt {
    let res = match sent {
        Ok(res) => res,
        // Timeouts and connection failures: the request may or may not have arrived;
        // the same key makes a second try safe either way.
        Err(e) => return Attempt::Retry(format!("request failed: {e}")),
    };
    let status = res.status();
    let should_retry = res.headers().get("stripe-should-retry").and_then(|v| v.to_str().ok()).map(|v| v == "true");
    let text = match res.text().await {
        Ok(t) => t,
        Err(e) => return Attempt::Retry(format!("reading the answer failed: {e}")),
    };
    if status.is_success() {
        return match serde_json::from_str::<StripeObject>(&text) {
            Ok(obj) => Attempt::Done(Ok(obj)),
            Err(e) => Attempt::Done(Err(PaymentError::Unavailable(format!("unreadable Stripe answer ({e})")))),
        };
    }
    let error = serde_json::from_str::<ErrorEnvelope>(&text).map(|e| e.error).unwrap_or_default();
    let transient = status.is_server_error() || status.as_u16() == 429 || status.as_u16() == 409;
    if should_retry.unwrap_or(transient) {
        return Attempt::Retry(format!("HTTP {status}: {}", error.message.unwrap_or_default()));
    }
    Attempt::Done(Err(map_error(status.as_u16(), error)))
}

fn map_error(status: u16, e: StripeError) -> PaymentError {
    if e.kind.as_deref() == Some("card_error") || status == 402 {
        let insufficient = e.decline_code.as_deref() == Some("insufficient_funds") || e.code.as_deref() == Some("insufficient_funds");
        return PaymentError::Declined(if insufficient { DeclineCode::InsufficientFunds } else { DeclineCode::CardDeclined });
    }
    if e.code.as_deref() == Some("resource_missing") && e.param.as_deref() == Some("payment_method") {
        return PaymentError::UnknownPaymentMethod;
    }
    PaymentError::Unavailable(format!(
        "Stripe refused the request: HTTP {status} {} {}",
        e.code.unwrap_or_default(),
        e.message.unwrap_or_default()
    ))
}

impl PaymentProvider for StripePayments {
    fn name(&self) -> &'static str {
        "stripe"
    }

    fn charge(&self, req: ChargeRequest) -> BoxFuture<'_, Result<ProviderRef, PaymentError>> {
        Box::pin(async move {
            let form = vec![
                ("amount", req.amount_cents.to_string()),
                ("currency", req.currency.to_lowercase()),
                ("payment_method", req.payment_method.clone()),
                ("payment_method_types[]", "card".to_string()),
                ("confirm", "true".to_string()),
                // No one is there to pass a 3-D Secure challenge: a card that asks for
                // one is refused as a `card_error` instead of waiting in `requires_action`.
                ("error_on_requires_action", "true".to_string()),
                ("description", req.description.clone()),
            ];
            let pi = self.post("/v1/payment_intents", form, &req.idempotency_key).await?;
            match pi.status.as_str() {
                "succeeded" => Ok(ProviderRef(pi.id)),
                "requires_payment_method" | "requires_action" | "requires_confirmation" | "canceled" => {
                    Err(PaymentError::Declined(DeclineCode::CardDeclined))
                }
                other => Err(PaymentError::Unavailable(format!("payment intent {} is {other}", pi.id))),
            }
        })
    }

    fn refund(&self, req: RefundRequest) -> BoxFuture<'_, Result<ProviderRef, PaymentError>> {
        Box::pin(async move {
            let form = vec![("payment_intent", req.charge_ref.clone()), ("amount", req.amount_cents.to_string())];
            let refund = self.post("/v1/refunds", form, &req.idempotency_key).await?;
            match refund.status.as_str() {
                // A card refund is usually `succeeded` at once; `pending` settles later
                // and is already irrevocably on its way.
                "succeeded" | "pending" => Ok(ProviderRef(refund.id)),
                other => Err(PaymentError::Unavailable(format!("refund {} is {other}", refund.id))),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_prints_the_key() {
        let key = SecretKey::new("sk_test_very_secret");
        assert!(!format!("{key:?}").contains("very_secret"));
        let settings = crate::providers::payments::PaymentsSettings::Stripe { secret_key: key, api_base: "https://api.stripe.com".into() };
        assert!(!format!("{settings:?}").contains("very_secret"));
    }

    #[test]
    fn maps_stripes_error_objects() {
        let err = |json: &str| serde_json::from_str::<ErrorEnvelope>(json).unwrap().error;
        let declined = err(
            r#"{"error": {"type": "card_error", "code": "card_declined", "decline_code": "generic_decline", "message": "Your card was declined."}}"#,
        );
        assert_eq!(map_error(402, declined), PaymentError::Declined(DeclineCode::CardDeclined));
        let funds = err(r#"{"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds"}}"#);
        assert_eq!(map_error(402, funds), PaymentError::Declined(DeclineCode::InsufficientFunds));
        let missing = err(
            r#"{"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "payment_method", "message": "No such PaymentMethod: 'pm_x'"}}"#,
        );
        assert_eq!(map_error(400, missing), PaymentError::UnknownPaymentMethod);
        let auth = err(r#"{"error": {"type": "invalid_request_error", "message": "Invalid API Key provided: sk_test_***"}}"#);
        assert!(matches!(map_error(401, auth), PaymentError::Unavailable(_)));
    }
}
