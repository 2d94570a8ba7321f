//! The `renewals` job with the manual clock: a new term with its invoice and cancellation
//! window, retries of a refused payment through the grace period, suspension, reactivation
//! and cancellation of a subscription that stays unpaid.

use chrono::Duration;
use serde_json::json;

use crate::helpers::TestApp;
use crate::subscriptions::{advance, at, body, events, invoice, invoices_of, kinds, mails_to, payments_of, run_renewals, sub};

#[actix_web::test]
async fn a_monthly_subscription_renews_with_a_new_invoice_and_a_new_window() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.customer().await;
    let t = client.access_token.as_str();
    let id = app.subscription(&client).plan("pln_m365_business_premium").seats(3).create().await;
    let first = sub(&app, &id, t).await;
    let old_end = at(&first["current_term_end"]);

    advance(&app, &admin, 31, 1).await;
    let run = run_renewals(&app, &admin).await;
    assert_eq!((run["processed"].as_i64(), run["failed"].as_i64()), (Some(1), Some(0)), "{run}");
    let s = sub(&app, &id, t).await;
    assert_eq!(s["status"], "active");
    assert_eq!(at(&s["term_start"]), old_end, "the new term starts where the old one ended");
    assert_eq!(at(&s["current_term_end"]), partner_hub::domain::commerce::BillingTerm::Monthly.term_end(old_end));
    let clock: serde_json::Value = body(app.get("/api/v1/admin/clock", Some(&admin.access_token)).await, 200).await;
    let window = at(&s["cancellation_allowed_until"]) - at(&clock["now"]);
    assert!(window <= Duration::hours(168) && window > Duration::hours(167), "a new 168-hour window: {window}");

    let all = invoices_of(&app, &id).await;
    assert_eq!(all.len(), 2);
    let inv = invoice(&app, &all[1].0).await;
    assert_eq!(inv["total_cents"], 3 * 2_640);
    assert_eq!(inv["lines"][0]["quantity"], 3);
    assert_eq!(at(&inv["lines"][0]["period_start"]), old_end);
    assert_eq!(inv["lines"][0]["period_end"], s["current_term_end"]);
    let ev = events(&app, &admin, &id).await;
    let renewed = ev.last().unwrap();
    assert_eq!(renewed["kind"], "renewed");
    assert_eq!(renewed["amount_cents"], 3 * 2_640);
    assert_eq!(renewed["invoice_id"], inv["id"]);
    assert!(renewed["actor_id"].is_null());
    let mails = mails_to(&app, &client.email, "subscription_renewed").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains(inv["number"].as_str().unwrap()));

    // Nothing is due any more: a second run renews nothing.
    assert_eq!(run_renewals(&app, &admin).await["processed"], 0);
    assert_eq!(invoices_of(&app, &id).await.len(), 2);
    // The new window refunds the new term only.
    let preview = body(app.get(&format!("/api/v1/subscriptions/{id}/cancellation"), Some(t)).await, 200).await;
    assert_eq!(preview["outcome"], "refund");
    assert!(preview["refund_cents"].as_i64().unwrap() <= 3 * 2_640);
}

#[actix_web::test]
async fn a_refused_renewal_is_retried_then_suspended_then_cancelled() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.customer().await;
    let t = client.access_token.as_str();
    let id = app.subscription(&client).plan("pln_m365_business_basic").seats(2).card("pm_card_declined").create().await;
    let end = at(&sub(&app, &id, t).await["current_term_end"]);
    let clock: serde_json::Value = body(app.get("/api/v1/admin/clock", Some(&admin.access_token)).await, 200).await;
    let now = at(&clock["now"]);
    // To one hour past the term end.
    let to_end = end - now + Duration::hours(1);
    advance(&app, &admin, to_end.num_days(), (to_end - Duration::days(to_end.num_days())).num_hours() + 1).await;

    let step = |day: i64| end + Duration::days(day);
    assert_eq!(run_renewals(&app, &admin).await["processed"], 1);
    let s = sub(&app, &id, t).await;
    assert_eq!(s["status"], "active", "still active in the grace period");
    let failed = mails_to(&app, &client.email, "subscription_renewal_failed").await;
    assert_eq!(failed.len(), 1);
    let detail = body(app.get(&format!("/api/v1/admin/subscriptions/{id}"), Some(&admin.access_token)).await, 200).await;
    let last = detail["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "renewal_payment_failed");
    assert_eq!(last["data"]["failure_code"], "card_declined");
    assert_eq!(at(&last["data"]["retry_at"]), step(1));
    // Not due again before the retry date.
    assert_eq!(run_renewals(&app, &admin).await["processed"], 0);

    // Retries on days 1, 3 and 5 fail and stay active.
    for (advance_days, retry_day) in [(1, 3), (2, 5), (2, 7)] {
        advance(&app, &admin, advance_days, 0).await;
        assert_eq!(run_renewals(&app, &admin).await["processed"], 1);
        let s = sub(&app, &id, t).await;
        assert_eq!(s["status"], "active");
        let ev = events(&app, &admin, &id).await;
        assert_eq!(at(&ev.last().unwrap()["data"]["retry_at"]), step(retry_day));
    }
    // Day 7: the grace period is over.
    advance(&app, &admin, 2, 0).await;
    assert_eq!(run_renewals(&app, &admin).await["processed"], 1);
    let s = sub(&app, &id, t).await;
    assert_eq!(s["status"], "suspended");
    assert_eq!(mails_to(&app, &client.email, "subscription_suspended").await.len(), 1);
    let k = kinds(&events(&app, &admin, &id).await);
    assert_eq!(&k[k.len() - 2..], ["renewal_payment_failed", "suspended"]);
    // Suspended: no seat changes, no cancellation.
    let res =
        app.client.patch(app.url(&format!("/api/v1/subscriptions/{id}"))).bearer_auth(t).json(&json!({"seats": 3})).send().await.unwrap();
    crate::helpers::problem(res, 409, "invalid_status").await;

    // Days 14 and 21 fail quietly; day 30 cancels.
    for days in [7, 7] {
        advance(&app, &admin, days, 0).await;
        assert_eq!(run_renewals(&app, &admin).await["processed"], 1);
        assert_eq!(sub(&app, &id, t).await["status"], "suspended");
    }
    advance(&app, &admin, 9, 0).await;
    assert_eq!(run_renewals(&app, &admin).await["processed"], 1);
    let s = sub(&app, &id, t).await;
    assert_eq!(s["status"], "cancelled");
    assert!(!s["ended_at"].is_null());
    let ended = mails_to(&app, &client.email, "subscription_ended").await;
    assert_eq!(ended.len(), 1);
    let k = kinds(&events(&app, &admin, &id).await);
    assert_eq!(k.iter().filter(|k| *k == "renewal_payment_failed").count(), 8, "{k:?}");
    assert_eq!(k.last().unwrap(), "cancelled");
    assert_eq!(mails_to(&app, &client.email, "subscription_renewal_failed").await.len(), 4, "one per retry in the grace period");
    let pays = payments_of(&app, &id).await;
    assert_eq!(pays.iter().filter(|p| p.0 == "renewal" && p.1 == "failed").count(), 8);
    assert_eq!(invoices_of(&app, &id).await.len(), 1, "nothing was invoiced");
    assert_eq!(run_renewals(&app, &admin).await["processed"], 0);
}

#[actix_web::test]
async fn a_suspended_subscription_whose_payment_succeeds_is_active_again() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.customer().await;
    let t = client.access_token.as_str();
    let id = app.subscription(&client).seats(1).card("pm_card_insufficient_funds").create().await;
    let old_end = at(&sub(&app, &id, t).await["current_term_end"]);
    advance(&app, &admin, 40, 0).await;
    // Late by more than the grace period: the first failure suspends at once.
    assert_eq!(run_renewals(&app, &admin).await["processed"], 1);
    assert_eq!(sub(&app, &id, t).await["status"], "suspended");
    let ev = events(&app, &admin, &id).await;
    assert_eq!(ev[ev.len() - 2]["data"]["failure_code"], "insufficient_funds");

    // The client's card works again (there is no card route yet: the row is changed).
    let sid = id.clone();
    app.db(move |conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::subscriptions;
        diesel::update(subscriptions::table.find(sid)).set(subscriptions::payment_method.eq("pm_card_visa")).execute(conn)?;
        Ok(())
    })
    .await;
    advance(&app, &admin, 7, 0).await;
    assert_eq!(run_renewals(&app, &admin).await["processed"], 1);
    let s = sub(&app, &id, t).await;
    assert_eq!(s["status"], "active");
    assert_eq!(at(&s["term_start"]), old_end);
    let k = kinds(&events(&app, &admin, &id).await);
    assert_eq!(&k[k.len() - 2..], ["renewed", "reactivated"]);
    assert_eq!(invoices_of(&app, &id).await.len(), 2);
}
