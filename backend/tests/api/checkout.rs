//! Checkout over HTTP: what a purchase creates (and what a decline does not), the
//! `Idempotency-Key` semantics, self-referrals, and sales without a referrer.

use std::time::Duration;

use diesel::prelude::*;
use serde_json::{json, Value};

use partner_hub::db::schema::{audit_log, email_outbox, idempotency_keys, invoices, orders, payments, subscription_events, subscriptions};

use crate::helpers::{problem, Options, Session, TestApp};

pub const STANDARD: &str = "pln_m365_business_standard";

pub fn purchase(referral_code: Option<&str>, payment_method: &str) -> Value {
    json!({
        "plan_id": STANDARD,
        "billing_term": "yearly",
        "seats": 5,
        "referral_code": referral_code,
        "payment_method": payment_method,
    })
}

/// POST /checkout as `s`, with `key` as the Idempotency-Key when given.
pub async fn checkout(app: &TestApp, s: &Session, key: Option<&str>, body: &Value) -> reqwest::Response {
    let mut req = app.client.post(app.url("/api/v1/checkout")).bearer_auth(&s.access_token).json(body);
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    req.send().await.unwrap()
}

/// Rows of the purchase tables: payments, orders, subscriptions, invoices, events.
pub async fn counts(app: &TestApp) -> [i64; 5] {
    app.db(|conn| {
        Ok([
            payments::table.count().get_result(conn)?,
            orders::table.count().get_result(conn)?,
            subscriptions::table.count().get_result(conn)?,
            invoices::table.count().get_result(conn)?,
            subscription_events::table.count().get_result(conn)?,
        ])
    })
    .await
}

async fn audit(app: &TestApp, action: &'static str) -> i64 {
    app.db(move |conn| Ok(audit_log::table.filter(audit_log::action.eq(action)).count().get_result(conn)?)).await
}

async fn outbox(app: &TestApp, template: &'static str) -> Vec<String> {
    app.db(move |conn| Ok(email_outbox::table.filter(email_outbox::template.eq(template)).select(email_outbox::to_address).load(conn)?))
        .await
}

#[actix_web::test]
async fn a_purchase_creates_payment_order_subscription_invoice_event_audit_and_two_emails() {
    let app = TestApp::spawn().await;
    let (seller, seller_id, code) = app.eligible_freelancer().await;
    let client = app.customer().await;
    let admin_id = app.admin().await.user_id;
    let now = app.state.clock.now_naive();
    app.db(move |conn| {
        use partner_hub::db::schema::tax_rates;
        diesel::insert_into(tax_rates::table)
            .values((
                tax_rates::country.eq("DE"),
                tax_rates::rate_bps.eq(1900),
                tax_rates::label.eq("USt"),
                tax_rates::updated_by.eq(admin_id),
                tax_rates::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(())
    })
    .await;

    let mut body = purchase(Some(&code.to_uppercase()), "pm_card_visa");
    body["billing_country"] = json!("DE");
    let res = checkout(&app, &client, Some("3f0c1d9e-1b7a-4c7e-9a51-2f4b8c6d0e11"), &body).await;
    assert_eq!(res.status(), 201);
    assert!(res.headers().get("idempotent-replayed").is_none());
    let r: Value = res.json().await.unwrap();
    let (order, sub, inv) = (&r["order"], &r["subscription"], &r["invoice"]);
    assert_eq!(order["seats"], 5);
    assert_eq!(order["unit_price_cents"], 15_000);
    assert_eq!(
        (order["subtotal_cents"].as_i64(), order["tax_cents"].as_i64(), order["total_cents"].as_i64()),
        (Some(75_000), Some(14_250), Some(89_250))
    );
    assert_eq!(order["currency"], "USD");
    assert_eq!(order["referral_code"], code.as_str(), "the code as stored, whatever its case in the link");
    assert_eq!(order["self_referral"], false);

    assert_eq!(sub["status"], "pending");
    assert_eq!(sub["auto_renew"], true);
    assert_eq!(sub["plan_name"], "Microsoft 365 Business Standard");
    assert_eq!(sub["freelancer"]["id"], seller_id.as_str());
    assert_eq!(sub["freelancer"]["display_name"], app.display_name(&seller).await.as_str());
    assert!(sub["activated_at"].is_null());
    let at = |v: &Value| chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap();
    assert_eq!((at(&sub["cancellation_allowed_until"]) - at(&sub["term_start"])).num_hours(), 168);
    assert_eq!(at(&sub["current_term_end"]), at(&sub["term_start"]) + chrono::Months::new(12));

    let year = chrono::Datelike::year(&now);
    assert_eq!(inv["number"], format!("{year}-000001"));
    assert_eq!((inv["kind"].as_str(), inv["status"].as_str()), (Some("invoice"), Some("paid")));
    assert_eq!(
        (inv["subtotal_cents"].as_i64(), inv["tax_rate_bps"].as_i64(), inv["total_cents"].as_i64()),
        (Some(75_000), Some(1900), Some(89_250))
    );
    assert_eq!(inv["bill_to"]["email"], client.email.as_str());
    assert_eq!(inv["bill_to"]["country"], "DE");
    assert_eq!(inv["lines"][0]["description"], "Microsoft 365 Business Standard, yearly, 5 seats");
    assert_eq!(inv["lines"][0]["quantity"], 5);
    assert_eq!(inv["subscription_id"], sub["id"]);

    assert_eq!(counts(&app).await, [1, 1, 1, 1, 1]);
    let (provider, pref, amount, event_kind, event_amount) = app
        .db(|conn| {
            let (provider, pref, amount): (String, Option<String>, i64) =
                payments::table.select((payments::provider, payments::provider_ref, payments::amount_cents)).first(conn)?;
            let (kind, amount_cents): (String, Option<i64>) =
                subscription_events::table.select((subscription_events::kind, subscription_events::amount_cents)).first(conn)?;
            Ok((provider, pref, amount, kind, amount_cents))
        })
        .await;
    assert_eq!((provider.as_str(), amount), ("sandbox", 89_250));
    assert!(pref.unwrap().starts_with("pi_sandbox_"));
    assert_eq!((event_kind.as_str(), event_amount), ("created", Some(89_250)));
    assert_eq!(
        (audit(&app, "order.placed").await, audit(&app, "invoice.issued").await, audit(&app, "order.self_referral").await),
        (1, 1, 0)
    );

    let mails = app.sent_emails().await;
    let to_client: Vec<_> = mails.iter().filter(|m| m.to.contains(&client.email)).collect();
    assert_eq!(to_client.len(), 2, "welcome and the order confirmation");
    let confirmation = to_client.iter().find(|m| m.subject.contains("Microsoft 365 Business Standard")).expect("the order confirmation");
    let invoice_link = format!("/app/billing/invoices/{}", inv["id"].as_str().unwrap());
    for needle in [invoice_link.as_str(), "/app/account/setup", &format!("{year}-000001"), "$892.50", "Seats: 5", "yearly"] {
        assert!(confirmation.text.contains(needle), "{needle} in {}", confirmation.text);
    }
    let to_seller: Vec<_> = mails.iter().filter(|m| m.to.contains(&seller.email) && m.subject.contains("New sale")).collect();
    assert_eq!(to_seller.len(), 1, "the sale notification");
    for private in [client.email.as_str(), "Test customer"] {
        assert!(!to_seller[0].raw.contains(private), "the freelancer's email names no client data ({private})");
    }
    assert!(to_seller[0].text.contains("Seats: 5") && to_seller[0].text.contains("/app/dashboard"));
}

#[actix_web::test]
async fn a_decline_records_only_a_failed_payment_and_answers_402_in_the_buyers_language() {
    let app = TestApp::spawn().await;
    let (_, _, code) = app.eligible_freelancer().await;
    let client = app.customer().await;

    let body = purchase(Some(&code), "pm_card_declined");
    let first = checkout(&app, &client, Some("decline-1"), &body).await;
    let text = first.text().await.unwrap();
    let p: Value = serde_json::from_str(&text).unwrap();
    assert_eq!((p["status"].as_i64(), p["code"].as_str()), (Some(402), Some("card_declined")));
    assert_eq!(p["detail"], "Your card was declined. Use another payment method.");
    // The same key and body: the stored 402, byte for byte, and no second attempt.
    let again = checkout(&app, &client, Some("decline-1"), &body).await;
    assert_eq!(again.status(), 402);
    assert_eq!(again.headers().get("idempotent-replayed").unwrap(), "true");
    assert_eq!(again.headers().get("content-type").unwrap(), "application/problem+json");
    assert_eq!(again.text().await.unwrap(), text);

    let res =
        app.client.patch(app.url("/api/v1/me")).bearer_auth(&client.access_token).json(&json!({"locale": "de"})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let funds =
        problem(checkout(&app, &client, None, &purchase(None, "pm_card_insufficient_funds")).await, 402, "insufficient_funds").await;
    assert_eq!(funds["detail"], "Ihre Karte ist nicht ausreichend gedeckt. Verwenden Sie eine andere Zahlungsmethode.");

    assert_eq!(counts(&app).await, [2, 0, 0, 0, 0], "two failed attempts, nothing else");
    let failures: Vec<(String, Option<String>)> =
        app.db(|conn| Ok(payments::table.order(payments::created_at).select((payments::status, payments::failure_code)).load(conn)?)).await;
    assert_eq!(
        failures,
        vec![("failed".to_string(), Some("card_declined".to_string())), ("failed".to_string(), Some("insufficient_funds".to_string()))]
    );
    assert_eq!(audit(&app, "payment.failed").await, 2);
    assert_eq!((audit(&app, "order.placed").await, audit(&app, "invoice.issued").await), (0, 0));
    assert!(outbox(&app, "order_confirmation").await.is_empty() && outbox(&app, "sale_notification").await.is_empty());
}

#[actix_web::test]
async fn the_same_key_replays_a_different_body_is_refused_and_keys_belong_to_their_caller() {
    let app = TestApp::spawn().await;
    let a = app.customer().await;
    let b = app.customer().await;
    let body = purchase(None, "pm_card_visa");
    let first = checkout(&app, &a, Some("key-1"), &body).await;
    assert_eq!(first.status(), 201);
    let first = first.text().await.unwrap();

    // The same request, keys in another order and other whitespace: the stored answer.
    let reordered: Value = serde_json::from_str(
        r#"{"payment_method":"pm_card_visa","seats":5,"referral_code":null,"billing_term":"yearly","plan_id":"pln_m365_business_standard"}"#,
    )
    .unwrap();
    let replay = checkout(&app, &a, Some("key-1"), &reordered).await;
    assert_eq!(replay.status(), 201);
    assert_eq!(replay.headers().get("idempotent-replayed").unwrap(), "true");
    assert_eq!(replay.headers().get("content-type").unwrap(), "application/json");
    assert_eq!(replay.text().await.unwrap(), first, "byte for byte");
    assert_eq!(counts(&app).await, [1, 1, 1, 1, 1]);

    let mut other = body.clone();
    other["seats"] = json!(6);
    problem(checkout(&app, &a, Some("key-1"), &other).await, 422, "idempotency_key_reused").await;

    // Another caller's key space is their own.
    let theirs = checkout(&app, &b, Some("key-1"), &other).await;
    assert_eq!(theirs.status(), 201);
    assert_eq!(counts(&app).await, [2, 2, 2, 2, 2]);

    // Without a key every request is new.
    for _ in 0..2 {
        assert_eq!(checkout(&app, &a, None, &body).await.status(), 201);
    }
    assert_eq!(counts(&app).await[1], 4);

    // Bad keys are a 400 on the header, before anything runs.
    for bad in ["x".repeat(256), String::new()] {
        let e = problem(checkout(&app, &a, Some(&bad), &body).await, 400, "invalid_idempotency_key").await;
        assert_eq!(e["errors"][0]["field"], "Idempotency-Key");
    }
    let res = app
        .client
        .post(app.url("/api/v1/checkout"))
        .bearer_auth(&a.access_token)
        .header("Idempotency-Key", reqwest::header::HeaderValue::from_bytes("schlüssel".as_bytes()).unwrap())
        .json(&body)
        .send()
        .await
        .unwrap();
    problem(res, 400, "invalid_idempotency_key").await;

    // A request refused before anything ran leaves the key free for the corrected one.
    let mut unknown_plan = body.clone();
    unknown_plan["plan_id"] = json!("pln_nothing");
    let e = problem(checkout(&app, &a, Some("key-2"), &unknown_plan).await, 422, "validation_failed").await;
    assert_eq!(e["errors"][0]["field"], "plan_id");
    let e = problem(checkout(&app, &a, Some("key-2"), &purchase(None, "pm_card_unknown")).await, 422, "validation_failed").await;
    assert_eq!(e["errors"][0]["field"], "payment_method");
    let mut zero = body.clone();
    zero["seats"] = json!(0);
    problem(checkout(&app, &a, Some("key-2"), &zero).await, 422, "validation_failed").await;
    assert_eq!(checkout(&app, &a, Some("key-2"), &other).await.status(), 201);

    // Keys are kept 24 hours; after that a key starts afresh.
    let admin = app.admin().await;
    assert_eq!(app.post("/api/v1/admin/clock/advance", json!({"days": 2}), Some(&admin.access_token)).await.status(), 200);
    let fresh = checkout(&app, &a, Some("key-1"), &other).await;
    assert_eq!(fresh.status(), 201, "an expired key is a new key");
    assert!(fresh.headers().get("idempotent-replayed").is_none());
}

#[actix_web::test]
async fn a_lapsed_lease_frees_the_key_and_a_live_one_answers_409() {
    let app = TestApp::spawn().await;
    let a = app.customer().await;
    let body = purchase(None, "pm_card_visa");
    // As a request that reserved the key and then died would have left it.
    let plant = |key: &'static str, locked_for_seconds: i64| {
        let (user_id, fp) = (a.user_id.clone(), partner_hub::web::idempotency::fingerprint("checkout", &body));
        let now = app.state.clock.now_naive();
        app.db(move |conn| {
            diesel::insert_into(idempotency_keys::table)
                .values((
                    idempotency_keys::id.eq(format!("idk_{key}")),
                    idempotency_keys::user_id.eq(user_id),
                    idempotency_keys::idem_key.eq(key),
                    idempotency_keys::operation.eq("checkout"),
                    idempotency_keys::request_hash.eq(fp),
                    idempotency_keys::status.eq("in_progress"),
                    idempotency_keys::locked_until.eq(chrono::Utc::now().naive_utc() + chrono::Duration::seconds(locked_for_seconds)),
                    idempotency_keys::created_at.eq(now),
                ))
                .execute(conn)?;
            Ok(())
        })
    };
    plant("crashed", -1).await;
    plant("running", 120).await;
    problem(checkout(&app, &a, Some("running"), &body).await, 409, "idempotency_key_in_use").await;
    let res = checkout(&app, &a, Some("crashed"), &body).await;
    assert_eq!(res.status(), 201, "taken over after the lease ran out");
    let first = res.text().await.unwrap();
    assert_eq!(checkout(&app, &a, Some("crashed"), &body).await.text().await.unwrap(), first);
    assert_eq!(counts(&app).await, [1, 1, 1, 1, 1]);
}

#[actix_web::test]
async fn a_request_still_running_holds_its_key_and_stripe_is_charged_once() {
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let stripe = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/payment_intents"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(
                    json!({"id": "pi_slow", "object": "payment_intent", "amount": 75000, "currency": "usd", "status": "succeeded"}),
                )
                .set_delay(Duration::from_millis(1_500)),
        )
        .mount(&stripe)
        .await;
    let payments = partner_hub::providers::payments::PaymentsSettings::Stripe {
        secret_key: partner_hub::providers::payments::stripe::SecretKey::new("sk_test_checkout"),
        api_base: stripe.uri(),
    };
    let app = TestApp::spawn_with(Options { payments: Some(payments), ..Options::default() }).await;
    let a = app.customer().await;
    let body = purchase(None, "pm_card_visa");

    let (first, second) = futures_util::join!(checkout(&app, &a, Some("slow-key"), &body), async {
        actix_web::rt::time::sleep(Duration::from_millis(400)).await;
        let mut other = body.clone();
        other["seats"] = json!(7);
        (checkout(&app, &a, Some("slow-key"), &body).await, checkout(&app, &a, Some("slow-key"), &other).await)
    });
    let (same, different) = second;
    problem(same, 409, "idempotency_key_in_use").await;
    problem(different, 422, "idempotency_key_reused").await;
    assert_eq!(first.status(), 201);
    let first = first.text().await.unwrap();
    let replay = checkout(&app, &a, Some("slow-key"), &body).await;
    assert_eq!(replay.text().await.unwrap(), first);

    let requests = stripe.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "one charge");
    let key = requests[0].headers.get("idempotency-key").unwrap().to_str().unwrap();
    assert!(key.starts_with("ph_") && !key.contains("slow-key"), "a key derived from the client's, not the client's itself: {key}");
    let pref: Option<String> = app.db(|conn| Ok(payments::table.select(payments::provider_ref).first(conn)?)).await;
    assert_eq!(pref.as_deref(), Some("pi_slow"));
}

#[actix_web::test]
async fn a_freelancer_buying_through_their_own_link_is_flagged_and_earns_no_sale_email() {
    let app = TestApp::spawn().await;
    let (seller, seller_id, code) = app.eligible_freelancer().await;
    let res = checkout(&app, &seller, Some("own"), &purchase(Some(&code), "pm_card_visa")).await;
    assert_eq!(res.status(), 201);
    let r: Value = res.json().await.unwrap();
    assert_eq!((r["order"]["self_referral"].as_bool(), r["subscription"]["self_referral"].as_bool()), (Some(true), Some(true)));
    assert_eq!(r["order"]["referral_code"], code.as_str());
    assert_eq!(r["subscription"]["freelancer"]["id"], seller_id.as_str());
    let flagged: Vec<(bool, bool)> = app
        .db(|conn| {
            Ok(orders::table
                .inner_join(subscriptions::table.on(subscriptions::order_id.eq(orders::id)))
                .select((orders::self_referral, subscriptions::self_referral))
                .load(conn)?)
        })
        .await;
    assert_eq!(flagged, vec![(true, true)]);
    assert_eq!(audit(&app, "order.self_referral").await, 1);
    assert_eq!(outbox(&app, "order_confirmation").await, vec![seller.email.clone()]);
    assert!(outbox(&app, "sale_notification").await.is_empty(), "no 'you sold' to oneself");
}

#[actix_web::test]
async fn an_unknown_or_ineligible_code_is_a_sale_without_referrer() {
    let app = TestApp::spawn().await;
    let client = app.customer().await;
    let (_, _, code) = app.eligible_freelancer().await;
    // New terms: the freelancer has not accepted them, so cannot sell until they do.
    let admin = app.admin().await;
    let text = json!({"title": "Terms 2027", "body": "The new programme terms, effective now."});
    assert_eq!(app.post("/api/v1/admin/terms", json!({"en": text, "de": text}), Some(&admin.access_token)).await.status(), 201);
    for unknown in ["nope123456", code.as_str(), "a/b"] {
        let res = checkout(&app, &client, None, &purchase(Some(unknown), "pm_card_visa")).await;
        assert_eq!(res.status(), 201);
        let r: Value = res.json().await.unwrap();
        assert!(r["order"]["referral_code"].is_null() && r["subscription"]["freelancer"].is_null(), "{unknown}: {r}");
    }
    assert!(outbox(&app, "sale_notification").await.is_empty());
}

#[actix_web::test]
async fn only_buyers_check_out() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    problem(checkout(&app, &support, None, &purchase(None, "pm_card_visa")).await, 403, "forbidden").await;
    let res = app.post("/api/v1/checkout", purchase(None, "pm_card_visa"), None).await;
    problem(res, 401, "unauthenticated").await;
    assert_eq!(counts(&app).await, [0, 0, 0, 0, 0]);
}

#[actix_web::test]
async fn a_german_client_gets_german_invoice_lines() {
    let app = TestApp::spawn().await;
    let client = app.customer().await;
    let res =
        app.client.patch(app.url("/api/v1/me")).bearer_auth(&client.access_token).json(&json!({"locale": "de"})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let res = checkout(&app, &client, Some("german-lines"), &purchase(None, "pm_card_visa")).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    let line = body["invoice"]["lines"][0]["description"].as_str().unwrap();
    assert!(line.contains("jährlich") && line.contains("Lizenzen"), "{line}");
}
