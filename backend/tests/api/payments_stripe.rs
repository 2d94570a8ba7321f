//! The Stripe adapter against a local mock server that answers with Stripe's documented
//! shapes: a PaymentIntent on success, `{"error": {…}}` with HTTP 402 for declines, a
//! slow answer that times out and is retried with the same `Idempotency-Key`.

use std::time::Duration;

use partner_hub::providers::payments::stripe::{RetryPolicy, SecretKey, StripePayments};
use partner_hub::providers::payments::{ChargeRequest, DeclineCode, PaymentError, PaymentProvider, ProviderRef, RefundRequest};
use serde_json::json;
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const KEY: &str = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

fn stripe(server: &MockServer, timeout_ms: u64) -> StripePayments {
    let retry = RetryPolicy { attempts: 3, first_pause: Duration::from_millis(20), timeout: Duration::from_millis(timeout_ms) };
    StripePayments::new(&server.uri(), SecretKey::new(KEY), retry).unwrap()
}

fn charge(method: &str, key: &str) -> ChargeRequest {
    ChargeRequest {
        amount_cents: 12_500,
        currency: "USD".into(),
        payment_method: method.into(),
        idempotency_key: key.into(),
        description: "Microsoft 365 Business Standard, 5 seats, yearly".into(),
    }
}

fn payment_intent(id: &str, status: &str) -> serde_json::Value {
    json!({
        "id": id,
        "object": "payment_intent",
        "amount": 12500,
        "amount_received": if status == "succeeded" { 12500 } else { 0 },
        "currency": "usd",
        "status": status,
        "payment_method": "pm_card_visa",
        "payment_method_types": ["card"],
        "latest_charge": "ch_3MtwBwLkdIwHu7ix28a3tqPa",
        "livemode": false
    })
}

fn card_error(code: &str, decline_code: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(402).set_body_json(json!({
        "error": {
            "type": "card_error",
            "code": code,
            "decline_code": decline_code,
            "message": message,
            "doc_url": format!("https://stripe.com/docs/error-codes/{}", code.replace('_', "-")),
            "payment_intent": payment_intent("pi_declined", "requires_payment_method"),
            "request_log_url": "https://dashboard.stripe.com/test/logs/req_x"
        }
    }))
}

/// `first` answers the first charge request, `then` every later one.
async fn first_then(server: &MockServer, first: ResponseTemplate, then: ResponseTemplate) {
    Mock::given(method("POST")).and(path("/v1/payment_intents")).respond_with(first).up_to_n_times(1).with_priority(1).mount(server).await;
    Mock::given(method("POST")).and(path("/v1/payment_intents")).respond_with(then).with_priority(2).mount(server).await;
}

#[actix_web::test]
async fn a_confirmed_payment_intent_is_a_charge() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/payment_intents"))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .and(header("idempotency-key", "ph_key_1"))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(body_string_contains("amount=12500"))
        .and(body_string_contains("currency=usd"))
        .and(body_string_contains("payment_method=pm_card_visa"))
        .and(body_string_contains("confirm=true"))
        .and(body_string_contains("payment_method_types%5B%5D=card"))
        .respond_with(ResponseTemplate::new(200).set_body_json(payment_intent("pi_3MtwBwLkdIwHu7ix28a3tqPa", "succeeded")))
        .expect(1)
        .mount(&server)
        .await;
    let got = stripe(&server, 2_000).charge(charge("pm_card_visa", "ph_key_1")).await;
    assert_eq!(got, Ok(ProviderRef("pi_3MtwBwLkdIwHu7ix28a3tqPa".into())));
}

#[actix_web::test]
async fn declines_keep_their_reason_and_are_not_retried() {
    let server = MockServer::start().await;
    let answers = [
        ("pm_card_chargeDeclined", card_error("card_declined", "generic_decline", "Your card was declined.")),
        ("pm_card_chargeDeclinedInsufficientFunds", card_error("card_declined", "insufficient_funds", "Your card has insufficient funds.")),
        (
            "pm_nonexistent",
            ResponseTemplate::new(400).set_body_json(json!({
                "error": {
                    "type": "invalid_request_error",
                    "code": "resource_missing",
                    "param": "payment_method",
                    "message": "No such PaymentMethod: 'pm_nonexistent'",
                    "doc_url": "https://stripe.com/docs/error-codes/resource-missing"
                }
            })),
        ),
    ];
    for (pm, answer) in answers {
        Mock::given(method("POST"))
            .and(path("/v1/payment_intents"))
            .and(body_string_contains(format!("payment_method={pm}&").as_str()))
            .respond_with(answer)
            .expect(1)
            .mount(&server)
            .await;
    }
    let s = stripe(&server, 2_000);
    assert_eq!(
        s.charge(charge("pm_card_chargeDeclined", "k1")).await,
        Err(PaymentError::Declined(DeclineCode::CardDeclined)),
        "generic decline"
    );
    assert_eq!(
        s.charge(charge("pm_card_chargeDeclinedInsufficientFunds", "k2")).await,
        Err(PaymentError::Declined(DeclineCode::InsufficientFunds)),
        "insufficient funds"
    );
    assert_eq!(s.charge(charge("pm_nonexistent", "k3")).await, Err(PaymentError::UnknownPaymentMethod));
}

#[actix_web::test]
async fn a_timeout_is_retried_with_the_same_key_and_charges_once() {
    let server = MockServer::start().await;
    // The first answer comes after the client has given up; Stripe has created the
    // PaymentIntent meanwhile and answers the retry (same key) with the same object.
    first_then(
        &server,
        ResponseTemplate::new(200).set_body_json(payment_intent("pi_once", "succeeded")).set_delay(Duration::from_millis(1_500)),
        ResponseTemplate::new(200).insert_header("Idempotent-Replayed", "true").set_body_json(payment_intent("pi_once", "succeeded")),
    )
    .await;
    let got = stripe(&server, 300).charge(charge("pm_card_visa", "ph_retry_key")).await;
    assert_eq!(got, Ok(ProviderRef("pi_once".into())));
    let requests: Vec<Request> = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2, "one timed out, one retried");
    let keys: Vec<&str> = requests.iter().map(|r| r.headers.get("idempotency-key").unwrap().to_str().unwrap()).collect();
    assert_eq!(keys, vec!["ph_retry_key", "ph_retry_key"], "the retry reuses the key, so Stripe charges once");
    assert_eq!(requests[0].body, requests[1].body, "and the same parameters");
}

#[actix_web::test]
async fn server_errors_are_retried_a_bounded_number_of_times_then_unavailable() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/payment_intents"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({
            "error": {"type": "api_error", "message": "An unknown error occurred"}
        })))
        .expect(3)
        .mount(&server)
        .await;
    let got = stripe(&server, 2_000).charge(charge("pm_card_visa", "k500")).await;
    assert!(matches!(got, Err(PaymentError::Unavailable(_))), "{got:?}");

    // 429 (rate limited) is retried too, and the next answer counts.
    let server = MockServer::start().await;
    first_then(
        &server,
        ResponseTemplate::new(429).set_body_json(json!({
            "error": {"type": "invalid_request_error", "code": "rate_limit", "message": "Too many requests made to the API too quickly"}
        })),
        ResponseTemplate::new(200).set_body_json(payment_intent("pi_after_429", "succeeded")),
    )
    .await;
    assert_eq!(stripe(&server, 2_000).charge(charge("pm_card_visa", "k429")).await, Ok(ProviderRef("pi_after_429".into())));

    // Stripe-Should-Retry: false is final even on a 500.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(500)
                .insert_header("Stripe-Should-Retry", "false")
                .set_body_json(json!({"error": {"type": "api_error", "message": "no"}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    assert!(matches!(stripe(&server, 2_000).charge(charge("pm_card_visa", "k-final")).await, Err(PaymentError::Unavailable(_))));
}

#[actix_web::test]
async fn a_refund_refunds_the_payment_intent() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/refunds"))
        .and(header("idempotency-key", "ph_refund_1"))
        .and(body_string_contains("payment_intent=pi_3MtwBwLkdIwHu7ix28a3tqPa"))
        .and(body_string_contains("amount=4000"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "re_3MtwBwLkdIwHu7ix1d9lL3Ye",
            "object": "refund",
            "amount": 4000,
            "currency": "usd",
            "payment_intent": "pi_3MtwBwLkdIwHu7ix28a3tqPa",
            "charge": "ch_3MtwBwLkdIwHu7ix28a3tqPa",
            "status": "succeeded",
            "reason": null
        })))
        .expect(1)
        .mount(&server)
        .await;
    let got = stripe(&server, 2_000)
        .refund(RefundRequest {
            charge_ref: "pi_3MtwBwLkdIwHu7ix28a3tqPa".into(),
            amount_cents: 4_000,
            idempotency_key: "ph_refund_1".into(),
        })
        .await;
    assert_eq!(got, Ok(ProviderRef("re_3MtwBwLkdIwHu7ix1d9lL3Ye".into())));
}

#[test]
fn the_key_is_never_printed() {
    let settings = partner_hub::providers::payments::PaymentsSettings::Stripe {
        secret_key: SecretKey::new(KEY),
        api_base: "https://api.stripe.com".into(),
    };
    assert!(!format!("{settings:?}").contains(KEY));
}
