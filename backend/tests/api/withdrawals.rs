//! Withdrawals through HTTP: paid, declined (money returned with the reason), the
//! provider unreachable (stays requested; support retries from the queue), the minimum,
//! available funds only, one in flight, the W-9 gate for the US, emails, audit entries,
//! who may see what, and 20 concurrent requests for the whole balance paying out once.

use diesel::prelude::*;
use partner_hub::db::schema::{audit_log, earning_entries, email_outbox, withdrawals};
use partner_hub::domain::earnings::{EarningKind, EarningStatus, WithdrawalStatus};
use partner_hub::earnings::ledger::{self, Delta, EntryRow};
use serde_json::{json, Value};

use crate::helpers::{problem, Session, TestApp};

/// Available funds for `freelancer_id`: a cleared commission of `cents`, written through
/// the ledger (as the clearing job leaves it).
pub async fn fund(app: &TestApp, freelancer_id: &str, cents: i64) {
    let fl = freelancer_id.to_string();
    let now = app.state.clock.now_naive();
    app.db(move |conn| {
        let cause = format!("test_funds:{}", partner_hub::domain::ids::random_token(12));
        ledger::post_in(conn, EntryRow::new(&fl, EarningKind::Commission, EarningStatus::Available, cents, cause, now))?;
        Ok(())
    })
    .await;
}

pub async fn balances(app: &TestApp, freelancer_id: &str) -> Delta {
    let fl = freelancer_id.to_string();
    app.db(move |conn| ledger::balances_in(conn, &fl)).await
}

/// The sum of the freelancer's entries that count as available: what the balances row
/// must equal (the invariant `ledger verify` checks).
async fn available_in_ledger(app: &TestApp, freelancer_id: &str) -> i64 {
    let fl = freelancer_id.to_string();
    let amounts: Vec<i64> = app
        .db(move |conn| {
            Ok(earning_entries::table
                .filter(earning_entries::freelancer_id.eq(fl))
                .filter(earning_entries::status.eq(EarningStatus::Available))
                .select(earning_entries::amount_cents)
                .load(conn)?)
        })
        .await;
    amounts.iter().sum()
}

async fn withdraw(app: &TestApp, s: &Session, body: Value) -> reqwest::Response {
    app.post("/api/v1/me/withdrawals", body, Some(&s.access_token)).await
}

async fn audit_actions(app: &TestApp, subject_id: &str) -> Vec<String> {
    let id = subject_id.to_string();
    app.db(move |conn| {
        Ok(audit_log::table
            .filter(audit_log::subject_id.eq(id))
            .order((audit_log::created_at.asc(), audit_log::id.asc()))
            .select(audit_log::action)
            .load::<String>(conn)?)
    })
    .await
}

/// (template, locale, text) of every message queued for `to`.
async fn mails_to(app: &TestApp, to: &str) -> Vec<(String, String, String)> {
    let to = to.to_string();
    app.db(move |conn| {
        Ok(email_outbox::table
            .filter(email_outbox::to_address.eq(to))
            .order(email_outbox::created_at.asc())
            .select((email_outbox::template, email_outbox::locale, email_outbox::text_body))
            .load::<(String, partner_hub::domain::locale::Locale, String)>(conn)?
            .into_iter()
            .map(|(t, l, b)| (t, l.as_str().to_string(), b))
            .collect())
    })
    .await
}

/// A withdrawal whose payout never got an answer (the process stopped after the request
/// committed): written by the service's own request step, without the payout.
pub async fn stuck_withdrawal(app: &TestApp, freelancer_id: &str, cents: i64) -> String {
    use partner_hub::earnings::withdrawals::service::{request_in, Requested};
    use partner_hub::providers::payouts::PayoutMethod;
    let fl = freelancer_id.to_string();
    let now = app.state.clock.now_naive();
    app.db(move |conn| {
        Ok(request_in(conn, &fl, None, Requested { amount_cents: cents, method: PayoutMethod::Sandbox }, "sandbox", None, now)?.id)
    })
    .await
}

/// The freelancer's withdrawal in flight: the one there is, or a fresh stuck one.
pub async fn withdrawal_in_flight(app: &TestApp, freelancer_id: &str) -> String {
    let fl = freelancer_id.to_string();
    let existing = app.db(move |conn| partner_hub::earnings::withdrawals::store::in_flight_in(conn, &fl)).await;
    match existing {
        Some(id) => id,
        None => {
            fund(app, freelancer_id, 1_000).await;
            stuck_withdrawal(app, freelancer_id, 1_000).await
        }
    }
}

#[actix_web::test]
async fn a_withdrawal_of_available_funds_is_paid_counted_audited_and_emailed() {
    let app = TestApp::spawn().await;
    let (s, fl, _) = app.eligible_freelancer().await;
    fund(&app, &fl, 5_000).await;

    let res = withdraw(&app, &s, json!({"amount_cents": 3_000})).await;
    assert_eq!(res.status(), 201);
    let w: Value = res.json().await.unwrap();
    assert_eq!(w["status"], "paid", "{w}");
    assert_eq!(w["amount_cents"], 3_000);
    assert_eq!(w["currency"], "USD");
    assert_eq!(w["payout_method"], "sandbox");
    assert!(w["failure_code"].is_null() && w["failure_reason"].is_null() && w["decided_at"].is_string());
    let id = w["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("wd_"));

    let b = balances(&app, &fl).await;
    assert_eq!((b.available, b.withdrawn, b.pending), (2_000, 3_000, 0));
    assert_eq!(available_in_ledger(&app, &fl).await, 2_000);

    let list: Value = app.get("/api/v1/me/withdrawals", Some(&s.access_token)).await.json().await.unwrap();
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    assert_eq!(list["data"][0]["id"], id.as_str());
    assert!(list["next_cursor"].is_null());

    assert_eq!(audit_actions(&app, &id).await, ["withdrawal.requested", "withdrawal.paid"]);
    let mails = mails_to(&app, &s.email).await;
    let paid: Vec<_> = mails.iter().filter(|(t, _, _)| t == "withdrawal_paid").collect();
    assert_eq!(paid.len(), 1, "one withdrawal_paid email: {mails:?}");
    assert!(paid[0].2.contains("$30.00") && paid[0].2.contains(&id), "{}", paid[0].2);

    // The rest can be withdrawn too: nothing is in flight any more.
    let res = withdraw(&app, &s, json!({"amount_cents": 2_000})).await;
    assert_eq!(res.status(), 201);
    let b = balances(&app, &fl).await;
    assert_eq!((b.available, b.withdrawn), (0, 5_000));
}

#[actix_web::test]
async fn the_minimum_is_ten_dollars_and_only_available_funds_are_paid_out() {
    let app = TestApp::spawn().await;
    let (s, fl, _) = app.eligible_freelancer().await;
    let body = problem(withdraw(&app, &s, json!({"amount_cents": 999})).await, 422, "amount_below_minimum").await;
    assert_eq!(body["errors"][0]["field"], "amount_cents");
    problem(withdraw(&app, &s, json!({"amount_cents": -5_000})).await, 422, "amount_below_minimum").await;
    problem(withdraw(&app, &s, json!({"amount_cents": "lots"})).await, 422, "validation_failed").await;
    problem(withdraw(&app, &s, json!({"amount_cents": 1_000, "payout_method": "cash"})).await, 422, "validation_failed").await;
    // Nothing earned yet.
    problem(withdraw(&app, &s, json!({"amount_cents": 1_000})).await, 409, "insufficient_funds").await;

    fund(&app, &fl, 1_500).await;
    // Pending money is not available.
    let (f, now) = (fl.clone(), app.state.clock.now_naive());
    app.db(move |conn| {
        ledger::post_in(conn, EntryRow::new(&f, EarningKind::Commission, EarningStatus::Pending, 9_000, "test_pending".into(), now))?;
        Ok(())
    })
    .await;
    problem(withdraw(&app, &s, json!({"amount_cents": 1_501})).await, 409, "insufficient_funds").await;
    let b = balances(&app, &fl).await;
    assert_eq!((b.available, b.pending, b.withdrawn), (1_500, 9_000, 0));
    let fl2 = fl.clone();
    let count: i64 = app.db(move |conn| Ok(withdrawals::table.filter(withdrawals::freelancer_id.eq(fl2)).count().get_result(conn)?)).await;
    assert_eq!(count, 0, "a refused request leaves no withdrawal");

    // Exactly the available funds is fine; a German freelancer reads why in German.
    let res = app.client.patch(app.url("/api/v1/me")).bearer_auth(&s.access_token).json(&json!({"locale": "de"})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let res = withdraw(&app, &s, json!({"amount_cents": 999})).await;
    let body = problem(res, 422, "amount_below_minimum").await;
    assert_eq!(body["detail"], "Die kleinste mögliche Auszahlung beträgt 10,00 $.");
    assert_eq!(withdraw(&app, &s, json!({"amount_cents": 1_500})).await.status(), 201);
    assert_eq!(balances(&app, &fl).await.available, 0);
}

#[actix_web::test]
async fn a_declined_payout_returns_the_money_with_its_reason_in_the_freelancers_language() {
    let app = TestApp::spawn().await;
    let (s, fl, _) = app.eligible_freelancer().await;
    let res = app.client.patch(app.url("/api/v1/me")).bearer_auth(&s.access_token).json(&json!({"locale": "de"})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    fund(&app, &fl, 4_000).await;

    let res = withdraw(&app, &s, json!({"amount_cents": 2_500, "payout_method": "sandbox_fail"})).await;
    assert_eq!(res.status(), 201);
    let w: Value = res.json().await.unwrap();
    assert_eq!(w["status"], "failed", "{w}");
    assert_eq!(w["failure_code"], "account_closed");
    assert_eq!(w["failure_reason"], "The receiving account is closed.");
    let id = w["id"].as_str().unwrap().to_string();

    let b = balances(&app, &fl).await;
    assert_eq!((b.available, b.withdrawn), (4_000, 0), "the money is back");
    assert_eq!(available_in_ledger(&app, &fl).await, 4_000);
    let wid = id.clone();
    let entries: Vec<(i64, String, Option<String>)> = app
        .db(move |conn| {
            Ok(earning_entries::table
                .filter(earning_entries::withdrawal_id.eq(wid))
                .order(earning_entries::amount_cents.asc())
                .select((earning_entries::amount_cents, earning_entries::cause_key, earning_entries::reason))
                .load(conn)?)
        })
        .await;
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert_eq!((entries[0].0, entries[0].1.as_str()), (-2_500, format!("withdrawal:{id}").as_str()));
    assert_eq!((entries[1].0, entries[1].1.as_str()), (2_500, format!("withdrawal_returned:{id}").as_str()));
    assert_eq!(entries[1].2.as_deref(), Some("The receiving account is closed."));

    assert_eq!(audit_actions(&app, &id).await, ["withdrawal.requested", "withdrawal.failed"]);
    let mails = mails_to(&app, &s.email).await;
    let failed: Vec<_> = mails.iter().filter(|(t, _, _)| t == "withdrawal_failed").collect();
    assert_eq!(failed.len(), 1, "{mails:?}");
    assert_eq!(failed[0].1, "de");
    assert!(failed[0].2.contains("Das Empfängerkonto ist geschlossen.") && failed[0].2.contains("25,00 $"), "{}", failed[0].2);

    // Another request may follow at once.
    assert_eq!(withdraw(&app, &s, json!({"amount_cents": 4_000})).await.status(), 201);
}

#[actix_web::test]
async fn an_unreachable_provider_leaves_it_requested_one_in_flight_and_support_retries_from_the_queue() {
    let app = TestApp::spawn().await;
    let (s, fl, _) = app.eligible_freelancer().await;
    let support = app.support().await;
    fund(&app, &fl, 6_000).await;

    let res = withdraw(&app, &s, json!({"amount_cents": 2_000, "payout_method": "sandbox_unreachable"})).await;
    assert_eq!(res.status(), 201);
    let w: Value = res.json().await.unwrap();
    assert_eq!(w["status"], "requested", "{w}");
    assert!(w["decided_at"].is_null());
    let id = w["id"].as_str().unwrap().to_string();
    let b = balances(&app, &fl).await;
    assert_eq!((b.available, b.withdrawn), (4_000, 0), "taken from available funds while in flight");

    problem(withdraw(&app, &s, json!({"amount_cents": 1_000})).await, 409, "withdrawal_in_flight").await;

    let queue: Value = app.get("/api/v1/admin/withdrawals?status=requested", Some(&support.access_token)).await.json().await.unwrap();
    let item = queue["data"].as_array().unwrap().iter().find(|i| i["id"] == id.as_str()).expect("in the queue").clone();
    assert_eq!(item["freelancer_id"], fl.as_str());
    assert_eq!(item["freelancer_name"], "Test freelancer");
    assert_eq!(item["status"], "requested");
    let paid_queue: Value = app.get("/api/v1/admin/withdrawals?status=paid", Some(&support.access_token)).await.json().await.unwrap();
    assert!(paid_queue["data"].as_array().unwrap().iter().all(|i| i["id"] != id.as_str()));

    let res = app.post(&format!("/api/v1/admin/withdrawals/{id}/retry"), json!({}), Some(&support.access_token)).await;
    assert_eq!(res.status(), 200);
    let w: Value = res.json().await.unwrap();
    assert_eq!(w["status"], "paid", "{w}");
    assert_eq!(w["attempts"], 2);
    assert!(w["provider_ref"].as_str().unwrap().starts_with("po_sandbox_"));
    let b = balances(&app, &fl).await;
    assert_eq!((b.available, b.withdrawn), (4_000, 2_000));
    assert_eq!(audit_actions(&app, &id).await, ["withdrawal.requested", "withdrawal.retried", "withdrawal.paid"]);

    // Decided: no second retry, no second payout.
    problem(
        app.post(&format!("/api/v1/admin/withdrawals/{id}/retry"), json!({}), Some(&support.access_token)).await,
        409,
        "invalid_status",
    )
    .await;
    problem(app.post("/api/v1/admin/withdrawals/wd_unknown/retry", json!({}), Some(&support.access_token)).await, 404, "not_found").await;
    assert_eq!(balances(&app, &fl).await.withdrawn, 2_000);
    let paid: Vec<_> = mails_to(&app, &s.email).await.into_iter().filter(|(t, _, _)| t == "withdrawal_paid").collect();
    assert_eq!(paid.len(), 1);
}

#[actix_web::test]
async fn a_payout_stuck_after_its_request_is_paid_once_by_a_retry() {
    let app = TestApp::spawn().await;
    let (_s, fl, _) = app.eligible_freelancer().await;
    let admin = app.admin().await;
    fund(&app, &fl, 2_000).await;
    let id = stuck_withdrawal(&app, &fl, 2_000).await;
    assert_eq!(balances(&app, &fl).await.available, 0);
    let res = app.post(&format!("/api/v1/admin/withdrawals/{id}/retry"), json!({}), Some(&admin.access_token)).await;
    assert_eq!(res.status(), 200);
    let w: Value = res.json().await.unwrap();
    assert_eq!(w["status"], "paid");
    let b = balances(&app, &fl).await;
    assert_eq!((b.available, b.withdrawn), (0, 2_000));
}

#[actix_web::test]
async fn a_freelancer_in_the_us_needs_a_w9_before_the_first_payout() {
    let app = TestApp::spawn().await;
    let (s, fl, _) = app.eligible_freelancer().await;
    // An existing marketplace freelancer (no onboarding, so no W-9 asked for) who lives in the US.
    let f = fl.clone();
    app.db(move |conn| {
        use partner_hub::db::schema::freelancers;
        diesel::update(freelancers::table.find(f)).set(freelancers::onboarding_required.eq(false)).execute(conn)?;
        Ok(())
    })
    .await;
    let profile = json!({"personal": {"country": "US"}});
    let res = app.client.put(app.url("/api/v1/me/profile")).bearer_auth(&s.access_token).json(&profile).send().await.unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    fund(&app, &fl, 3_000).await;

    problem(withdraw(&app, &s, json!({"amount_cents": 1_000})).await, 409, "tax_form_required").await;
    assert_eq!(balances(&app, &fl).await.available, 3_000);

    let w9 = json!({
        "legal_name": "Jo Doe", "tax_classification": "individual",
        "address": {"line1": "1 Main St", "city": "Austin", "state": "TX", "zip": "73301"},
        "tin_type": "ssn", "tin": "123-45-6789", "certify": true, "signature_name": "Jo Doe"
    });
    let res = app.client.put(app.url("/api/v1/me/tax-form")).bearer_auth(&s.access_token).json(&w9).send().await.unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let res = withdraw(&app, &s, json!({"amount_cents": 1_000})).await;
    assert_eq!(res.status(), 201);

    // Outside the US no W-9 is asked for (the eligible freelancer builder is in DE).
    let (de, de_fl, _) = app.eligible_freelancer().await;
    fund(&app, &de_fl, 1_000).await;
    assert_eq!(withdraw(&app, &de, json!({"amount_cents": 1_000})).await.status(), 201);
}

#[actix_web::test]
async fn withdrawals_are_the_freelancers_own_and_the_queue_is_for_staff() {
    let app = TestApp::spawn().await;
    let (a, a_fl, _) = app.eligible_freelancer().await;
    let (b, _b_fl, _) = app.eligible_freelancer().await;
    let customer = app.customer().await;
    fund(&app, &a_fl, 2_000).await;
    let w: Value = withdraw(&app, &a, json!({"amount_cents": 2_000})).await.json().await.unwrap();
    let id = w["id"].as_str().unwrap();

    let others: Value = app.get("/api/v1/me/withdrawals", Some(&b.access_token)).await.json().await.unwrap();
    assert_eq!(others["data"], json!([]), "B sees none of A's");
    problem(withdraw(&app, &b, json!({"amount_cents": 1_000})).await, 409, "insufficient_funds").await;
    problem(withdraw(&app, &customer, json!({"amount_cents": 1_000})).await, 403, "forbidden").await;
    problem(app.get("/api/v1/me/withdrawals", Some(&customer.access_token)).await, 403, "forbidden").await;
    let not_yet = app.approved_freelancer().await;
    problem(withdraw(&app, &not_yet, json!({"amount_cents": 1_000})).await, 403, "not_eligible").await;
    for who in [&a, &b, &customer] {
        problem(app.get("/api/v1/admin/withdrawals", Some(&who.access_token)).await, 403, "forbidden").await;
        problem(app.post(&format!("/api/v1/admin/withdrawals/{id}/retry"), json!({}), Some(&who.access_token)).await, 403, "forbidden")
            .await;
    }
    assert_eq!(app.get("/api/v1/me/withdrawals", None).await.status(), 401);
}

/// On PostgreSQL the real proof: 20 requests for the whole balance at once, each in its
/// own transaction side by side. Exactly one gets through and is paid once.
#[actix_web::test]
async fn twenty_concurrent_withdrawals_of_the_whole_balance_pay_out_once() {
    let app = TestApp::spawn().await;
    let (s, fl, _) = app.eligible_freelancer().await;
    fund(&app, &fl, 7_500).await;
    let requests = (0..20).map(|_| withdraw(&app, &s, json!({"amount_cents": 7_500})));
    let responses = futures_util::future::join_all(requests).await;
    let mut created = 0;
    for res in responses {
        match res.status().as_u16() {
            201 => created += 1,
            409 => {
                let body: Value = res.json().await.unwrap();
                assert!(["insufficient_funds", "withdrawal_in_flight"].contains(&body["code"].as_str().unwrap()), "{body}");
            }
            other => panic!("unexpected {other}: {}", res.text().await.unwrap()),
        }
    }
    assert_eq!(created, 1, "exactly one withdrawal");
    let b = balances(&app, &fl).await;
    assert_eq!((b.available, b.withdrawn), (0, 7_500));
    assert_eq!(available_in_ledger(&app, &fl).await, 0, "the balances equal the ledger");
    let f = fl.clone();
    let statuses: Vec<WithdrawalStatus> =
        app.db(move |conn| Ok(withdrawals::table.filter(withdrawals::freelancer_id.eq(f)).select(withdrawals::status).load(conn)?)).await;
    assert_eq!(statuses, [WithdrawalStatus::Paid]);
}
