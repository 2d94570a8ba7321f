//! Earnings end to end over HTTP with the manual clock (issue 9's first "done when"):
//! a standard freelancer's yearly sale is on the dashboard at once as provisional
//! (available 0), still pending on day 13, available on day 14 after activation; a Top
//! Rated freelancer's sale is available on day 7; a sale cancelled on day 3 is reversed
//! and never becomes available; an adjustment and a withdrawal show up; `ledger verify`
//! passes after every step.

use serde_json::{json, Value};

use crate::commerce_journey::{account_to_partnership, advance, checkout, run_job};
use crate::helpers::{Session, TestApp};

const STANDARD: &str = "pln_m365_business_standard";

async fn verify(app: &TestApp, support: &Session, step: &str) {
    let res = app.get("/api/v1/admin/ledger/verify", Some(&support.access_token)).await;
    assert_eq!(res.status(), 200, "verify after {step}");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["ok"], true, "ledger verify after {step}: {body}");
    assert_eq!(body["violations"].as_array().unwrap().len(), 0);
}

async fn dashboard(app: &TestApp, fl: &Session) -> Value {
    let res = app.get("/api/v1/me/dashboard", Some(&fl.access_token)).await;
    assert_eq!(res.status(), 200, "dashboard");
    res.json().await.unwrap()
}

async fn earnings(app: &TestApp, fl: &Session) -> Value {
    let res = app.get("/api/v1/me/earnings?limit=100", Some(&fl.access_token)).await;
    assert_eq!(res.status(), 200, "earnings");
    res.json().await.unwrap()
}

fn cents(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("cents: {v}"))
}

/// The commission rate of a plan, from the public catalogue.
async fn rate_bps(app: &TestApp, plan_id: &str) -> i64 {
    let plans: Value = app.get("/api/v1/plans", None).await.json().await.unwrap();
    let list = plans.get("data").unwrap_or(&plans).as_array().unwrap().clone();
    let plan = list.iter().find(|p| p["id"] == plan_id).expect("plan in the catalogue");
    cents(&plan["commission_rate_bps"])
}

/// A client buys `seats` yearly seats of Business Standard through `code`; with `activate`
/// the account is set up and the partnership accepted at once. Returns (client, sub id).
async fn sale(app: &TestApp, support: &Session, code: &str, seats: i64, activate: Option<&str>) -> (Session, String) {
    let client = app.customer().await;
    let bought = checkout(
        app,
        &client,
        json!({"plan_id": STANDARD, "billing_term": "yearly", "seats": seats, "referral_code": code, "payment_method": "pm_card_visa"}),
    )
    .await;
    let sub_id = bought["subscription"]["id"].as_str().unwrap().to_string();
    if let Some(domain) = activate {
        account_to_partnership(app, &client, support, domain).await;
    }
    (client, sub_id)
}

#[actix_web::test]
async fn commissions_clear_after_14_or_7_days_reverse_on_cancellation_and_pay_out() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let support = app.support().await;
    let (fl, fl_id, code) = app.eligible_freelancer().await;
    verify(&app, &support, "start").await;

    // A standard freelancer sells 5 yearly seats; the client activates at once.
    let yearly_net = 5 * 15_000;
    let commission = (yearly_net * rate_bps(&app, STANDARD).await + 5_000) / 10_000;
    assert!(commission > 0);
    sale(&app, &support, &code, 5, Some("earnclient")).await;
    let d = dashboard(&app, &fl).await;
    assert_eq!(cents(&d["earnings"]["pending_cents"]), commission, "{d}");
    assert_eq!(cents(&d["earnings"]["available_cents"]), 0);
    assert_eq!(cents(&d["earnings"]["since_joining_cents"]), commission);
    assert_eq!(d["earnings"]["provisional"], true);
    assert_eq!(d["licenses_sold"], 5);
    verify(&app, &support, "the sale").await;

    // Day 13: still pending, even after clearing runs.
    advance(&app, &admin, 13).await;
    run_job(&app, &admin, "clearing").await;
    let e = earnings(&app, &fl).await;
    assert_eq!(cents(&e["balances"]["pending_cents"]), commission);
    assert_eq!(cents(&e["balances"]["available_cents"]), 0);
    verify(&app, &support, "day 13").await;

    // Day 14 after activation: available.
    advance(&app, &admin, 1).await;
    let run = run_job(&app, &admin, "clearing").await;
    assert_eq!(run["processed"], 1, "{run}");
    let e = earnings(&app, &fl).await;
    assert_eq!(cents(&e["balances"]["pending_cents"]), 0);
    assert_eq!(cents(&e["balances"]["available_cents"]), commission);
    let entry = &e["data"][0];
    assert_eq!(entry["kind"], "commission");
    assert_eq!(entry["status"], "available");
    verify(&app, &support, "day 14").await;
    // Running it again changes nothing.
    let again = run_job(&app, &admin, "clearing").await;
    assert_eq!(again["processed"], 0);

    // A Top Rated freelancer's sale is available on day 7.
    let (top, top_id, top_code) = app.eligible_freelancer().await;
    let res = app
        .client
        .put(app.url(&format!("/api/v1/admin/freelancers/{top_id}/tier")))
        .bearer_auth(&support.access_token)
        .json(&json!({"tier": "top_rated"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "tier");
    sale(&app, &support, &top_code, 1, Some("topclient")).await;
    let one_seat = (15_000 * rate_bps(&app, STANDARD).await + 5_000) / 10_000;
    advance(&app, &admin, 6).await;
    run_job(&app, &admin, "clearing").await;
    assert_eq!(cents(&earnings(&app, &top).await["balances"]["available_cents"]), 0, "day 6");
    advance(&app, &admin, 1).await;
    run_job(&app, &admin, "clearing").await;
    let e = earnings(&app, &top).await;
    assert_eq!(cents(&e["balances"]["available_cents"]), one_seat, "day 7: {e}");
    verify(&app, &support, "top rated day 7").await;

    // A sale of the standard freelancer cancelled on day 3: reversed, never available.
    let (client, sub_id) = sale(&app, &support, &code, 2, Some("cancelclient")).await;
    let pending_before = cents(&dashboard(&app, &fl).await["earnings"]["pending_cents"]);
    assert_eq!(pending_before, 2 * one_seat);
    advance(&app, &admin, 3).await;
    let res = app.post(&format!("/api/v1/subscriptions/{sub_id}/cancel"), json!({}), Some(&client.access_token)).await;
    assert_eq!(res.status(), 200, "cancel");
    let d = dashboard(&app, &fl).await;
    assert_eq!(cents(&d["earnings"]["pending_cents"]), 0, "reversed at once: {d}");
    assert_eq!(cents(&d["earnings"]["since_joining_cents"]), commission, "earned net of the reversal");
    let e = earnings(&app, &fl).await;
    let reversed = e["data"].as_array().unwrap().iter().find(|x| x["kind"] == "commission" && x["status"] == "reversed");
    assert!(reversed.is_some(), "the cancelled sale's commission is reversed: {e}");
    verify(&app, &support, "the cancellation").await;
    advance(&app, &admin, 20).await;
    run_job(&app, &admin, "clearing").await;
    let e = earnings(&app, &fl).await;
    assert_eq!(cents(&e["balances"]["available_cents"]), commission, "the reversed sale never becomes available");
    verify(&app, &support, "after the cancelled sale's clearing date").await;

    // Support adjusts: +$5.00 with a reason.
    let res = app
        .client
        .post(app.url(&format!("/api/v1/admin/freelancers/{fl_id}/adjustments")))
        .bearer_auth(&support.access_token)
        .header("Idempotency-Key", partner_hub::domain::ids::random_token(24))
        .json(&json!({"amount_cents": 500, "reason": "Goodwill for a delayed activation"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "adjustment");
    let e = earnings(&app, &fl).await;
    let available = cents(&e["balances"]["available_cents"]);
    assert_eq!(available, commission + 500);
    assert!(e["data"].as_array().unwrap().iter().any(|x| x["kind"] == "adjustment" && x["amount_cents"] == 500));
    verify(&app, &support, "the adjustment").await;

    // The freelancer withdraws everything.
    let res = app.post("/api/v1/me/withdrawals", json!({"amount_cents": available}), Some(&fl.access_token)).await;
    assert_eq!(res.status(), 201, "withdrawal");
    let w: Value = res.json().await.unwrap();
    assert_eq!(w["status"], "paid", "{w}");
    let e = earnings(&app, &fl).await;
    assert_eq!(cents(&e["balances"]["available_cents"]), 0);
    assert_eq!(cents(&e["balances"]["withdrawn_cents"]), available);
    assert!(e["data"].as_array().unwrap().iter().any(|x| x["kind"] == "withdrawal" && cents(&x["amount_cents"]) == -available));
    verify(&app, &support, "the withdrawal").await;
}
