//! The client buys, end to end over HTTP with the manual clock (issue 8's "done when"):
//! referral link → checkout → account set-up → review → partnership → active; seats up
//! with a prorated invoice; a cancellation on day 3 (refund, credit note) and one on day 9
//! (auto-renew off, expired at term end); a monthly renewal with a new invoice and window.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

const STANDARD: &str = "pln_m365_business_standard";

pub(crate) async fn checkout(app: &TestApp, who: &Session, body: Value) -> Value {
    let res = app
        .client
        .post(app.url("/api/v1/checkout"))
        .bearer_auth(&who.access_token)
        .header("Idempotency-Key", partner_hub::domain::ids::random_token(24))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "checkout");
    res.json().await.unwrap()
}

pub(crate) async fn advance(app: &TestApp, admin: &Session, days: i64) {
    let res = app.post("/api/v1/admin/clock/advance", json!({"days": days}), Some(&admin.access_token)).await;
    assert_eq!(res.status(), 200, "advance");
}

pub(crate) async fn run_job(app: &TestApp, admin: &Session, name: &str) -> Value {
    let res = app.post(&format!("/api/v1/admin/jobs/{name}/run"), json!({}), Some(&admin.access_token)).await;
    assert_eq!(res.status(), 200, "job {name}");
    res.json().await.unwrap()
}

async fn subscription(app: &TestApp, who: &Session, id: &str) -> Value {
    let res = app.get(&format!("/api/v1/subscriptions/{id}"), Some(&who.access_token)).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn invoices(app: &TestApp, who: &Session) -> Vec<Value> {
    let body: Value = app.get("/api/v1/customer/invoices?limit=100", Some(&who.access_token)).await.json().await.unwrap();
    body["data"].as_array().unwrap().clone()
}

fn at(v: &Value) -> DateTime<Utc> {
    v.as_str().unwrap().parse().unwrap()
}

fn account_body(name: &str) -> Value {
    json!({
        "account_name": format!("{name} GmbH"),
        "address": {"line1": "Hauptstraße 1", "line2": null, "city": "Berlin", "region": null, "postal_code": "10115", "country": "DE"},
        "primary_contact": {"name": "Alex Example", "email": format!("it@{name}.example"), "phone": "+49 30 1234567"},
        "existing_customer": false,
        "domain": name,
    })
}

/// Sets up the client's Microsoft account, lets support approve it and accepts the
/// partnership from the emailed link; returns the accept response.
pub(crate) async fn account_to_partnership(app: &TestApp, client: &Session, support: &Session, name: &str) -> Value {
    let res = app.post("/api/v1/customer/accounts", account_body(name), Some(&client.access_token)).await;
    assert_eq!(res.status(), 201, "account set-up");
    let account: Value = res.json().await.unwrap();
    assert_eq!(account["status"], "submitted");
    let res = app
        .post(
            &format!("/api/v1/admin/customer-accounts/{}/approve", account["id"].as_str().unwrap()),
            json!({}),
            Some(&support.access_token),
        )
        .await;
    assert_eq!(res.status(), 200, "approve");
    let mail = app
        .sent_emails()
        .await
        .into_iter()
        .rev()
        .find(|m| m.to.contains(&client.email) && m.text.contains("/partnership/"))
        .expect("partnership email");
    let token = mail.text.split("/partnership/").nth(1).unwrap().split(|c: char| c.is_whitespace()).next().unwrap().to_string();
    let res = app.post(&format!("/api/v1/partnership-invitations/{token}/accept"), json!({}), Some(&client.access_token)).await;
    assert_eq!(res.status(), 200, "accept partnership");
    res.json().await.unwrap()
}

#[actix_web::test]
async fn from_the_referral_link_to_renewals() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let support = app.support().await;
    let (_fl, fl_id, code) = app.eligible_freelancer().await;

    // The client opens the link: the freelancer and the four plans.
    let landing: Value = app.get(&format!("/api/v1/r/{code}"), None).await.json().await.unwrap();
    assert!(landing["freelancer"]["display_name"].as_str().unwrap().starts_with("kim_"));
    assert_eq!(landing["plans"].as_array().unwrap().len(), 4);

    // 5 seats of Business Standard, yearly.
    let client = app.customer().await;
    let bought = checkout(
        &app,
        &client,
        json!({"plan_id": STANDARD, "billing_term": "yearly", "seats": 5, "referral_code": code, "payment_method": "pm_card_visa"}),
    )
    .await;
    let sub_id = bought["subscription"]["id"].as_str().unwrap().to_string();
    assert_eq!(bought["subscription"]["status"], "pending");
    assert_eq!(bought["subscription"]["freelancer"]["id"], fl_id.as_str());
    assert_eq!(bought["invoice"]["total_cents"], 5 * 15_000);
    assert_eq!(bought["invoice"]["status"], "paid");

    // Account set-up → support approves → partnership accepted → active.
    let accepted = account_to_partnership(&app, &client, &support, "acmeberlin").await;
    assert_eq!(accepted["account"]["status"], "active");
    let sub = subscription(&app, &client, &sub_id).await;
    assert_eq!(sub["status"], "active");
    assert!(sub["activated_at"].is_string());

    // A month later, seats up to 8: charged now, prorated for the rest of the term.
    advance(&app, &admin, 30).await;
    let before = subscription(&app, &client, &sub_id).await;
    let res = app
        .client
        .patch(app.url(&format!("/api/v1/subscriptions/{sub_id}")))
        .bearer_auth(&client.access_token)
        .json(&json!({"seats": 8}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "seats up");
    let after: Value = res.json().await.unwrap();
    assert_eq!(after["seats"], 8);
    let all = invoices(&app, &client).await;
    assert_eq!(all.len(), 2, "purchase and seat increase");
    let seat_invoice = all.iter().find(|i| i["id"] != bought["invoice"]["id"]).unwrap();
    let (start, end) = (at(&before["term_start"]), at(&before["current_term_end"]));
    let term = (end - start).num_seconds();
    let remaining = (end - at(&seat_invoice["issued_at"])).num_seconds();
    let expected = (3 * 15_000 * remaining + term / 2) / term;
    let subtotal = seat_invoice["subtotal_cents"].as_i64().unwrap();
    assert!((subtotal - expected).abs() <= 1, "prorated {subtotal} vs {expected}");
    assert!(subtotal < 3 * 15_000 && subtotal > 3 * 15_000 * 10 / 12);
    // Microsoft hears of the new seat count through a provisioning task the job carries out.
    run_job(&app, &admin, "provisioning").await;
    let tasks: Value = app.get("/api/v1/admin/provisioning-tasks?limit=100", Some(&support.access_token)).await.json().await.unwrap();
    let seat_task = tasks["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "change_seats" && t["subscription_id"] == sub_id.as_str())
        .expect("a change_seats task");
    assert_eq!(seat_task["payload"]["seats"], 8);
    assert_eq!(seat_task["status"], "done", "{seat_task}");

    // A second client cancels on day 3: prorated refund, credit note, cancelled.
    let second = app.customer().await;
    let b2 = checkout(
        &app,
        &second,
        json!({"plan_id": STANDARD, "billing_term": "monthly", "seats": 2, "referral_code": code, "payment_method": "pm_card_visa"}),
    )
    .await;
    let s2 = b2["subscription"]["id"].as_str().unwrap().to_string();
    // A third (cancels on day 9) and a fourth (renews) buy monthly at the same moment.
    let third = app.customer().await;
    let b3 = checkout(
        &app,
        &third,
        json!({"plan_id": STANDARD, "billing_term": "monthly", "seats": 1, "referral_code": code, "payment_method": "pm_card_visa"}),
    )
    .await;
    let s3 = b3["subscription"]["id"].as_str().unwrap().to_string();
    let fourth = app.customer().await;
    let b4 = checkout(
        &app,
        &fourth,
        json!({"plan_id": STANDARD, "billing_term": "monthly", "seats": 1, "referral_code": null, "payment_method": "pm_card_visa"}),
    )
    .await;
    let s4 = b4["subscription"]["id"].as_str().unwrap().to_string();
    account_to_partnership(&app, &third, &support, "thirdclient").await;
    account_to_partnership(&app, &fourth, &support, "fourthclient").await;

    advance(&app, &admin, 3).await;
    let preview: Value =
        app.get(&format!("/api/v1/subscriptions/{s2}/cancellation"), Some(&second.access_token)).await.json().await.unwrap();
    assert_eq!(preview["outcome"], "refund");
    let refund = preview["refund_cents"].as_i64().unwrap();
    assert!(refund > 0 && refund < 2 * 1_500);
    let res = app.post(&format!("/api/v1/subscriptions/{s2}/cancel"), json!({}), Some(&second.access_token)).await;
    assert_eq!(res.status(), 200);
    let cancelled: Value = res.json().await.unwrap();
    assert_eq!(cancelled["status"], "cancelled");
    let inv2 = invoices(&app, &second).await;
    let note = inv2.iter().find(|i| i["kind"] == "credit_note").expect("a credit note");
    assert_eq!(note["credits_invoice_id"], b2["invoice"]["id"]);
    assert_eq!(note["subtotal_cents"].as_i64().unwrap(), refund);

    // The third cancels on day 9: outside the window, auto-renew off, still active.
    advance(&app, &admin, 6).await;
    let preview: Value =
        app.get(&format!("/api/v1/subscriptions/{s3}/cancellation"), Some(&third.access_token)).await.json().await.unwrap();
    assert_eq!(preview["outcome"], "end_at_term_end");
    assert_eq!(preview["refund_cents"], 0);
    let res = app.post(&format!("/api/v1/subscriptions/{s3}/cancel"), json!({}), Some(&third.access_token)).await;
    assert_eq!(res.status(), 200);
    let s3_now: Value = res.json().await.unwrap();
    assert_eq!(s3_now["status"], "active");
    assert_eq!(s3_now["auto_renew"], false);
    run_job(&app, &admin, "provisioning").await;
    let tasks: Value = app.get("/api/v1/admin/provisioning-tasks?limit=100", Some(&support.access_token)).await.json().await.unwrap();
    assert!(
        tasks["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["kind"] == "set_auto_renew" && t["subscription_id"] == s3.as_str() && t["status"] == "done"),
        "auto-renew off reaches Microsoft: {tasks}"
    );

    // Past the monthly term end: the third expires, the fourth renews with a new invoice and window.
    advance(&app, &admin, 23).await;
    run_job(&app, &admin, "renewals").await;
    assert_eq!(subscription(&app, &third, &s3).await["status"], "expired");
    let renewed = subscription(&app, &fourth, &s4).await;
    assert!(at(&renewed["term_start"]) >= at(&b4["subscription"]["current_term_end"]));
    assert!(at(&renewed["cancellation_allowed_until"]) > at(&b4["subscription"]["cancellation_allowed_until"]));
    let inv4 = invoices(&app, &fourth).await;
    assert_eq!(inv4.len(), 2, "purchase and renewal");
    let _ = fl_id;
}
