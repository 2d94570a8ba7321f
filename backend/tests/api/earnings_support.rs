//! Support and money: a freelancer's ledger in support's view, adjustments with a reason
//! (validated, audited, idempotent, never beyond the available funds unless asked), and
//! appeals on money: submitted on a reversal or debit, upheld with an amount into an
//! adjustment citing the appeal (once, however many deciders), denied into nothing.

use diesel::prelude::*;
use partner_hub::db::schema::{earning_entries, email_outbox};
use serde_json::{json, Value};

use crate::earnings_read::{commission, post, sale};
use crate::helpers::{problem, TestApp};

async fn adjust(app: &TestApp, token: &str, fl: &str, body: Value, key: Option<&str>) -> reqwest::Response {
    let mut req = app.client.post(app.url(&format!("/api/v1/admin/freelancers/{fl}/adjustments"))).bearer_auth(token).json(&body);
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    req.send().await.unwrap()
}

async fn created(res: reqwest::Response) -> Value {
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{body}");
    body
}

async fn balances(app: &TestApp, token: &str) -> Value {
    let page: Value = app.get("/api/v1/me/earnings", Some(token)).await.json().await.unwrap();
    page["balances"].clone()
}

async fn entry_count(app: &TestApp, fl: &str) -> i64 {
    let fl = fl.to_string();
    app.db(move |conn| Ok(earning_entries::table.filter(earning_entries::freelancer_id.eq(fl)).count().get_result(conn)?)).await
}

#[actix_web::test]
async fn support_sees_the_ledger_and_adjusts_with_a_reason() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let st = support.access_token.as_str();
    let (s, fl, _) = app.eligible_freelancer().await;
    let now = app.state.clock.now_naive();
    let sold = sale(&app, &fl).await;
    let pending = post(&app, commission(&fl, &sold, 2250, now, Some(now + chrono::Duration::days(14)))).await;

    let ledger: Value = app.get(&format!("/api/v1/admin/freelancers/{fl}/earnings"), Some(st)).await.json().await.unwrap();
    assert_eq!(ledger["freelancer_id"], fl);
    assert_eq!(ledger["balances"]["pending_cents"], 2250);
    assert_eq!(ledger["data"][0]["id"], pending);
    assert_eq!(ledger["data"][0]["cause"]["invoice_number"], sold.2);
    let detail: Value = app.get(&format!("/api/v1/admin/freelancers/{fl}/earnings/{pending}"), Some(st)).await.json().await.unwrap();
    assert_eq!(detail["entry"]["id"], pending);
    assert_eq!(detail["timeline"][0]["event"], "earned");
    problem(app.get("/api/v1/admin/freelancers/fl_unknown/earnings", Some(st)).await, 404, "not_found").await;
    let (_, other_fl, _) = app.eligible_freelancer().await;
    problem(app.get(&format!("/api/v1/admin/freelancers/{other_fl}/earnings/{pending}"), Some(st)).await, 404, "not_found").await;
    problem(app.get(&format!("/api/v1/admin/freelancers/{fl}/earnings?status=done"), Some(st)).await, 422, "validation_failed").await;

    // Validation, and who may adjust.
    for (body, field) in [
        (json!({"amount_cents": 0, "reason": "Nothing at all"}), "amount_cents"),
        (json!({"amount_cents": 1_000_001, "reason": "Far too much"}), "amount_cents"),
        (json!({"amount_cents": -1_000_001, "reason": "Far too much"}), "amount_cents"),
        (json!({"amount_cents": 100, "reason": "  x  "}), "reason"),
        (json!({"amount_cents": 100, "reason": "x".repeat(501)}), "reason"),
        (json!({"amount_cents": 100}), "reason"),
        (json!({"amount_cents": "100", "reason": "A string amount"}), "amount_cents"),
    ] {
        let e = problem(adjust(&app, st, &fl, body.clone(), None).await, 422, "validation_failed").await;
        assert_eq!(e["errors"][0]["field"], field, "{body}");
    }
    problem(adjust(&app, &s.access_token, &fl, json!({"amount_cents": 100, "reason": "Pay myself"}), None).await, 403, "forbidden").await;
    problem(adjust(&app, st, "fl_unknown", json!({"amount_cents": 100, "reason": "Nobody"}), None).await, 404, "not_found").await;
    assert_eq!(entry_count(&app, &fl).await, 1, "nothing written");

    // A credit, double-submitted with one key, pays once.
    let body = json!({"amount_cents": 2500, "reason": "Goodwill credit for the checkout outage."});
    let first = created(adjust(&app, st, &fl, body.clone(), Some("adj-key-1")).await).await;
    assert_eq!(
        (first["kind"].as_str(), first["status"].as_str(), first["amount_cents"].as_i64()),
        (Some("adjustment"), Some("available"), Some(2500))
    );
    assert_eq!(first["reason"], "Goodwill credit for the checkout outage.");
    let again = adjust(&app, st, &fl, body.clone(), Some("adj-key-1")).await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["id"], first["id"]);
    problem(
        adjust(&app, st, &fl, json!({"amount_cents": 2600, "reason": "Another amount"}), Some("adj-key-1")).await,
        422,
        "idempotency_key_reused",
    )
    .await;
    // The same key and body for another freelancer is another request: refused, never
    // answered with the first freelancer's adjustment.
    problem(adjust(&app, st, &other_fl, body.clone(), Some("adj-key-1")).await, 422, "idempotency_key_reused").await;
    assert_eq!(entry_count(&app, &other_fl).await, 0);
    assert_eq!(balances(&app, &s.access_token).await["available_cents"], 2500);

    // A debit beyond the available funds is refused unless support asks for it.
    problem(adjust(&app, st, &fl, json!({"amount_cents": -3000, "reason": "Duplicate order"}), None).await, 409, "insufficient_funds")
        .await;
    let debit = created(adjust(&app, st, &fl, json!({"amount_cents": -1000, "reason": "Duplicate order commission."}), None).await).await;
    assert_eq!(balances(&app, &s.access_token).await["available_cents"], 1500);
    let debt = created(
        adjust(&app, st, &fl, json!({"amount_cents": -2000, "reason": "Clawback after payout.", "allow_negative": true}), None).await,
    )
    .await;
    let b = balances(&app, &s.access_token).await;
    assert_eq!(
        (b["available_cents"].as_i64(), b["pending_cents"].as_i64(), b["since_joining_cents"].as_i64()),
        (Some(-500), Some(2250), Some(2250))
    );
    assert_eq!(debt["appealable"], true);
    assert_eq!(first["appealable"], false);

    // Audited with the balances before and after.
    let admin = app.admin().await;
    let log: Value = app
        .get(
            &format!("/api/v1/admin/audit-log?action=earning.adjusted&subject_id={}", debit["id"].as_str().unwrap()),
            Some(&admin.access_token),
        )
        .await
        .json()
        .await
        .unwrap();
    let entry = &log["data"][0];
    assert_eq!(entry["subject_type"], "earning_entry");
    assert_eq!(entry["actor_id"], support.user_id);
    assert_eq!(entry["before"]["balances"]["available_cents"], 2500);
    assert_eq!(entry["after"]["balances"]["available_cents"], 1500);
    assert_eq!(entry["after"]["reason"], "Duplicate order commission.");

    // The freelancer sees it with its reason on the timeline.
    let d: Value =
        app.get(&format!("/api/v1/me/earnings/{}", debit["id"].as_str().unwrap()), Some(&s.access_token)).await.json().await.unwrap();
    assert_eq!(d["timeline"][0]["event"], "adjusted");
    assert_eq!(d["timeline"][0]["reason"], "Duplicate order commission.");
    assert_eq!(d["timeline"][0]["amount_cents"], -1000);
}

const EXPLANATION: &str = "The client cancelled a duplicate order, not mine; my commission should stand.";

/// A freelancer with a 1000-cent debit adjustment: (session, freelancer id, entry id).
async fn debited(app: &TestApp, support: &str) -> (crate::helpers::Session, String, String) {
    let (s, fl, _) = app.eligible_freelancer().await;
    created(adjust(app, support, &fl, json!({"amount_cents": 5000, "reason": "Opening credit."}), None).await).await;
    let debit =
        created(adjust(app, support, &fl, json!({"amount_cents": -1000, "reason": "Duplicate order commission."}), None).await).await;
    (s, fl, debit["id"].as_str().unwrap().to_string())
}

async fn appeal(app: &TestApp, token: &str, entry: &str) -> reqwest::Response {
    app.post("/api/v1/appeals", json!({"subject_type": "earning", "subject_id": entry, "explanation": EXPLANATION}), Some(token)).await
}

#[actix_web::test]
async fn an_upheld_earning_appeal_becomes_an_adjustment_citing_it() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let st = support.access_token.as_str();
    let (s, fl, debit) = debited(&app, st).await;
    let t = s.access_token.as_str();

    // Only the caller's reversals and debits can be appealed.
    let now = app.state.clock.now_naive();
    let sold = sale(&app, &fl).await;
    let pending = post(&app, commission(&fl, &sold, 2250, now, Some(now + chrono::Duration::days(14)))).await;
    problem(appeal(&app, t, &pending).await, 409, "not_appealable").await;
    let (other, _, _) = app.eligible_freelancer().await;
    problem(appeal(&app, &other.access_token, &debit).await, 404, "not_found").await;
    problem(appeal(&app, t, "ern_unknown").await, 404, "not_found").await;

    let res = appeal(&app, t, &debit).await;
    assert_eq!(res.status(), 201);
    let a: Value = res.json().await.unwrap();
    let id = a["id"].as_str().unwrap().to_string();
    assert_eq!((a["subject_type"].as_str(), a["status"].as_str()), (Some("earning"), Some("submitted")));
    problem(appeal(&app, t, &debit).await, 409, "appeal_open").await;
    let to_support: Vec<String> = app
        .db(|conn| {
            Ok(email_outbox::table
                .filter(email_outbox::to_address.eq("support@partner-hub.test"))
                .select(email_outbox::text_body)
                .load(conn)?)
        })
        .await;
    assert!(to_support.iter().any(|b| b.contains("appealed an entry of their earnings ledger")), "{to_support:?}");
    let d: Value = app.get(&format!("/api/v1/me/earnings/{debit}"), Some(t)).await.json().await.unwrap();
    assert_eq!(d["entry"]["appealable"], false, "already under appeal");
    assert_eq!(d["timeline"][1]["event"], "appealed");
    assert_eq!(d["timeline"][1]["appeal_id"], id);

    // Support sees the entry beside the appeal.
    let seen: Value = app.get(&format!("/api/v1/admin/appeals/{id}"), Some(st)).await.json().await.unwrap();
    assert_eq!(seen["earning"]["id"], debit);
    assert_eq!(seen["earning"]["amount_cents"], -1000);

    let url = format!("/api/v1/admin/appeals/{id}/decide");
    let decide = |body: Value| app.post(&url, body, Some(st));
    let note = "Confirmed: the duplicate was our mistake.";
    for amount in [None, Some(0), Some(1001)] {
        let mut body = json!({"decision": "upheld", "note": note});
        if let Some(a) = amount {
            body["amount_cents"] = json!(a);
        }
        let e = problem(decide(body).await, 422, "validation_failed").await;
        assert_eq!(e["errors"][0]["field"], "amount_cents");
    }
    let res = decide(json!({"decision": "upheld", "note": note, "amount_cents": 1000})).await;
    assert_eq!(res.status(), 200);
    let decided: Value = res.json().await.unwrap();
    assert_eq!(decided["status"], "upheld");
    assert_eq!(decided["earning"]["id"], debit);

    // The adjustment cites the appeal, and the entry's timeline shows the decision.
    let page: Value = app.get("/api/v1/me/earnings?kind=adjustment", Some(t)).await.json().await.unwrap();
    let refund = &page["data"][0];
    assert_eq!((refund["amount_cents"].as_i64(), refund["status"].as_str()), (Some(1000), Some("available")));
    assert_eq!(refund["cause"]["type"], "appeal");
    assert_eq!(refund["cause"]["appeal_id"], id);
    assert_eq!(refund["reason"], note);
    assert_eq!(page["balances"]["available_cents"], 5000);
    let d: Value = app.get(&format!("/api/v1/me/earnings/{debit}"), Some(t)).await.json().await.unwrap();
    let decision = &d["timeline"][2];
    assert_eq!(decision["event"], "appeal_decided");
    assert_eq!((decision["amount_cents"].as_i64(), decision["entry_id"].as_str()), (Some(1000), refund["id"].as_str()));
    assert_eq!(d["related"][0]["id"], refund["id"]);
    assert_eq!(d["entry"]["appealable"], false);
    problem(appeal(&app, t, &debit).await, 409, "not_appealable").await;

    // Audited like any adjustment.
    let admin = app.admin().await;
    let log: Value = app
        .get(
            &format!("/api/v1/admin/audit-log?action=earning.adjusted&subject_id={}", refund["id"].as_str().unwrap()),
            Some(&admin.access_token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(log["data"][0]["after"]["appeal_id"], id);
    assert_eq!(log["data"][0]["actor_id"], support.user_id);
}

#[actix_web::test]
async fn a_denied_earning_appeal_changes_nothing() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let st = support.access_token.as_str();
    let (s, fl, debit) = debited(&app, st).await;
    let a: Value = appeal(&app, &s.access_token, &debit).await.json().await.unwrap();
    let id = a["id"].as_str().unwrap();
    let before = balances(&app, &s.access_token).await;
    let count = entry_count(&app, &fl).await;
    let url = format!("/api/v1/admin/appeals/{id}/decide");
    let e = problem(
        app.post(&url, json!({"decision": "denied", "note": "The debit was correct.", "amount_cents": 100}), Some(st)).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(e["errors"][0]["field"], "amount_cents");
    let res = app.post(&url, json!({"decision": "denied", "note": "The debit was correct."}), Some(st)).await;
    assert_eq!(res.status(), 200);
    assert_eq!(balances(&app, &s.access_token).await, before);
    assert_eq!(entry_count(&app, &fl).await, count);
    let d: Value = app.get(&format!("/api/v1/me/earnings/{debit}"), Some(&s.access_token)).await.json().await.unwrap();
    let decision = &d["timeline"][2];
    assert_eq!(decision["event"], "appeal_decided");
    assert_eq!((decision["amount_cents"].clone(), decision["reason"].as_str()), (Value::Null, Some("The debit was correct.")));
    assert_eq!(d["entry"]["appealable"], true, "a denied appeal may be followed by another");
}

#[actix_web::test]
async fn twenty_concurrent_upheld_decisions_write_one_adjustment() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let st = support.access_token.clone();
    let (s, fl, debit) = debited(&app, &st).await;
    let a: Value = appeal(&app, &s.access_token, &debit).await.json().await.unwrap();
    let url = app.url(&format!("/api/v1/admin/appeals/{}/decide", a["id"].as_str().unwrap()));
    let count = entry_count(&app, &fl).await;
    let body = json!({"decision": "upheld", "note": "Confirmed: the duplicate was ours.", "amount_cents": 700});
    let calls = (0..20).map(|_| app.client.post(&url).bearer_auth(&st).json(&body).send());
    let statuses: Vec<u16> = futures_util::future::join_all(calls).await.into_iter().map(|r| r.unwrap().status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 409), "{statuses:?}");
    assert_eq!(entry_count(&app, &fl).await, count + 1);
    assert_eq!(balances(&app, &s.access_token).await["available_cents"], 4000 + 700);
}
