//! The subscription lifecycle over HTTP: seat changes (prorated invoices, scheduled
//! decreases), cancellation inside and after the 168-hour window, auto-renew, and who may
//! see or change a subscription.

use chrono::{DateTime, NaiveDateTime, Timelike, Utc};
use diesel::prelude::*;
use serde_json::{json, Value};

use partner_hub::db::schema::{email_outbox, invoices, payments};
use partner_hub::subscriptions::rules::prorate;

use crate::helpers::{problem, Session, TestApp};

pub async fn body(res: reqwest::Response, status: u16) -> Value {
    let got = res.status().as_u16();
    let text = res.text().await.unwrap();
    assert_eq!(got, status, "{text}");
    serde_json::from_str(&text).unwrap()
}

pub async fn patch(app: &TestApp, path: &str, payload: Value, token: &str) -> reqwest::Response {
    app.client.patch(app.url(path)).bearer_auth(token).json(&payload).send().await.unwrap()
}

pub async fn advance(app: &TestApp, admin: &Session, days: i64, hours: i64) {
    let res = app.post("/api/v1/admin/clock/advance", json!({"days": days, "hours": hours}), Some(&admin.access_token)).await;
    assert_eq!(res.status(), 200, "advance the clock");
}

pub async fn run_renewals(app: &TestApp, admin: &Session) -> Value {
    body(app.post("/api/v1/admin/jobs/renewals/run", json!({}), Some(&admin.access_token)).await, 200).await
}

pub fn at(v: &Value) -> NaiveDateTime {
    DateTime::parse_from_rfc3339(v.as_str().unwrap_or_else(|| panic!("a time: {v}"))).unwrap().with_timezone(&Utc).naive_utc()
}

pub async fn sub(app: &TestApp, id: &str, token: &str) -> Value {
    body(app.get(&format!("/api/v1/subscriptions/{id}"), Some(token)).await, 200).await
}

/// The subscription's history, as support sees it.
pub async fn events(app: &TestApp, admin: &Session, id: &str) -> Vec<Value> {
    let detail = body(app.get(&format!("/api/v1/admin/subscriptions/{id}"), Some(&admin.access_token)).await, 200).await;
    detail["events"].as_array().unwrap().clone()
}

pub fn kinds(events: &[Value]) -> Vec<String> {
    events.iter().map(|e| e["kind"].as_str().unwrap().to_string()).collect()
}

/// (id, kind, status, total) of the subscription's invoices and credit notes, oldest first.
pub async fn invoices_of(app: &TestApp, id: &str) -> Vec<(String, String, String, i64)> {
    let id = id.to_string();
    app.db(move |conn| {
        Ok(invoices::table
            .filter(invoices::subscription_id.eq(id))
            .order((invoices::issued_at.asc(), invoices::seq.asc()))
            .select((invoices::id, invoices::kind, invoices::status, invoices::total_cents))
            .load::<(String, String, String, i64)>(conn)?)
    })
    .await
}

pub async fn invoice(app: &TestApp, id: &str) -> Value {
    let id = id.to_string();
    let inv = app.db(move |conn| partner_hub::invoices::view::load_in(conn, &id)).await;
    serde_json::to_value(inv).unwrap()
}

/// (purpose, status, amount) of the subscription's payments, oldest first.
pub async fn payments_of(app: &TestApp, id: &str) -> Vec<(String, String, i64)> {
    let id = id.to_string();
    app.db(move |conn| {
        Ok(payments::table
            .filter(payments::subscription_id.eq(id))
            .order((payments::created_at.asc(), payments::id.asc()))
            .select((payments::purpose, payments::status, payments::amount_cents))
            .load::<(String, String, i64)>(conn)?)
    })
    .await
}

pub async fn mails_to(app: &TestApp, email: &str, template: &'static str) -> Vec<String> {
    let to = email.to_string();
    app.db(move |conn| {
        Ok(email_outbox::table
            .filter(email_outbox::to_address.eq(to).and(email_outbox::template.eq(template)))
            .order(email_outbox::created_at.asc())
            .select(email_outbox::text_body)
            .load::<String>(conn)?)
    })
    .await
}

fn secs(from: NaiveDateTime, to: NaiveDateTime) -> i64 {
    (to - from).num_seconds()
}

#[actix_web::test]
async fn more_seats_are_charged_prorated_with_an_invoice_of_their_own() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.customer().await;
    let t = client.access_token.as_str();
    let id = app.subscription(&client).yearly().seats(5).create().await;
    advance(&app, &admin, 73, 0).await;

    let before = sub(&app, &id, t).await;
    assert_eq!(before["unit_price_cents"], 15_000);
    let (start, end) = (at(&before["term_start"]), at(&before["current_term_end"]));
    let preview = body(app.get(&format!("/api/v1/subscriptions/{id}/seat-change?seats=8"), Some(t)).await, 200).await;
    assert_eq!(preview["effective"], "now");
    assert_eq!(preview["seats"], 8);
    assert_eq!(preview["currency"], "USD");
    let previewed = preview["prorated_charge_cents"].as_i64().unwrap();
    // 3 seats × 15 000 for 292 of 365 days: 36 000, give or take the seconds that pass.
    assert!((35_990..=36_000).contains(&previewed), "{preview}");

    let after = body(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"seats": 8}), t).await, 200).await;
    assert_eq!(after["seats"], 8);
    assert_eq!(after["status"], "active");
    assert_eq!(after["renewal_total_cents"], 8 * 15_000);

    let all = invoices_of(&app, &id).await;
    assert_eq!(all.len(), 2, "the purchase and the seat increase: {all:?}");
    let inv = invoice(&app, &all[1].0).await;
    assert_eq!(inv["kind"], "invoice");
    assert_eq!(inv["status"], "paid");
    let line = &inv["lines"][0];
    assert_eq!(line["quantity"], 3);
    assert_eq!(line["unit_amount_cents"], 15_000);
    let charged_from = at(&line["period_start"]);
    assert_eq!(at(&line["period_end"]), end);
    // Exactly the rule: added × unit × remaining seconds / term seconds, half up.
    let expected = prorate(3 * 15_000, secs(charged_from, end), secs(start, end));
    assert_eq!(line["amount_cents"], expected);
    assert_eq!(inv["subtotal_cents"], expected);
    assert_eq!(inv["total_cents"], expected, "no tax rate for the client");
    assert!((previewed - expected).abs() <= 1, "the preview is what is charged: {previewed} vs {expected}");

    assert_eq!(payments_of(&app, &id).await[1], ("seat_increase".to_string(), "succeeded".to_string(), expected));
    let ev = events(&app, &admin, &id).await;
    let last = ev.last().unwrap();
    assert_eq!(last["kind"], "seats_increased");
    assert_eq!(last["seats"], 8);
    assert_eq!(last["amount_cents"], expected);
    assert_eq!(last["invoice_id"], inv["id"]);
    assert_eq!(last["actor_id"], client.user_id.as_str());
    assert_eq!(last["data"]["previous_seats"], 5);
    let mails = mails_to(&app, &client.email, "subscription_seats_changed").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains(inv["number"].as_str().unwrap()), "{}", mails[0]);

    // Asking for the same count again charges nothing more.
    body(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"seats": 8}), t).await, 200).await;
    assert_eq!(invoices_of(&app, &id).await.len(), 2);
    // Out of range.
    problem(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"seats": 51}), t).await, 422, "validation_failed").await;
    problem(app.get(&format!("/api/v1/subscriptions/{id}/seat-change?seats=0"), Some(t)).await, 422, "validation_failed").await;
}

#[actix_web::test]
async fn a_refused_card_changes_nothing_but_a_failed_payment() {
    let app = TestApp::spawn().await;
    let client = app.customer().await;
    let t = client.access_token.as_str();
    for (card, code) in [("pm_card_declined", "card_declined"), ("pm_card_insufficient_funds", "insufficient_funds")] {
        let id = app.subscription(&client).seats(2).card(card).create().await;
        let res = patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"seats": 4, "auto_renew": false}), t).await;
        problem(res, 402, code).await;
        let s = sub(&app, &id, t).await;
        assert_eq!(s["seats"], 2);
        assert_eq!(s["auto_renew"], true, "nothing of the request applied");
        assert_eq!(invoices_of(&app, &id).await.len(), 1);
        let pays = payments_of(&app, &id).await;
        assert_eq!(pays.len(), 2);
        assert_eq!((pays[1].0.as_str(), pays[1].1.as_str()), ("seat_increase", "failed"));
        assert!(mails_to(&app, &client.email, "subscription_seats_changed").await.is_empty());
    }
}

#[actix_web::test]
async fn fewer_seats_wait_for_the_renewal() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.customer().await;
    let t = client.access_token.as_str();
    let id = app.subscription(&client).plan("pln_m365_business_basic").seats(5).create().await;

    let preview = body(app.get(&format!("/api/v1/subscriptions/{id}/seat-change?seats=3"), Some(t)).await, 200).await;
    assert_eq!(preview["effective"], "at_renewal");
    assert_eq!(preview["prorated_charge_cents"], 0);
    let s = body(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"seats": 3}), t).await, 200).await;
    assert_eq!(s["seats"], 5, "the seats stay until the renewal");
    assert_eq!(s["scheduled_seats"], 3);
    assert_eq!(s["renewal_total_cents"], 3 * 720);
    assert_eq!(invoices_of(&app, &id).await.len(), 1, "nothing is charged or refunded");
    assert_eq!(kinds(&events(&app, &admin, &id).await).last().unwrap(), "seats_decrease_scheduled");
    assert_eq!(mails_to(&app, &client.email, "subscription_seats_changed").await.len(), 1);

    // Back to the current count drops the scheduled decrease; down again schedules it again.
    let s = body(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"seats": 5}), t).await, 200).await;
    assert!(s["scheduled_seats"].is_null());
    let s = body(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"seats": 2}), t).await, 200).await;
    assert_eq!(s["scheduled_seats"], 2);

    advance(&app, &admin, 32, 0).await;
    let run = run_renewals(&app, &admin).await;
    assert_eq!(run["processed"], 1, "{run}");
    let s = sub(&app, &id, t).await;
    assert_eq!(s["seats"], 2);
    assert!(s["scheduled_seats"].is_null());
    let all = invoices_of(&app, &id).await;
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].3, 2 * 720, "the renewal charges the new count");
    let k = kinds(&events(&app, &admin, &id).await);
    assert_eq!(&k[k.len() - 2..], ["seats_decreased", "renewed"]);
}

#[actix_web::test]
async fn cancelling_on_day_three_refunds_the_unused_time_with_a_credit_note() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.customer().await;
    let t = client.access_token.as_str();
    let id = app.subscription(&client).seats(5).create().await;
    advance(&app, &admin, 3, 0).await;

    let s = sub(&app, &id, t).await;
    let (start, end) = (at(&s["term_start"]), at(&s["current_term_end"]));
    let preview = body(app.get(&format!("/api/v1/subscriptions/{id}/cancellation"), Some(t)).await, 200).await;
    assert_eq!(preview["outcome"], "refund");
    let refund = preview["refund_cents"].as_i64().unwrap();
    let net = 5 * 1_500;
    assert!(refund > net * 8 / 10 && refund < net, "about 27 of 30 days back: {preview}");

    let s = body(app.post(&format!("/api/v1/subscriptions/{id}/cancel"), json!({}), Some(t)).await, 200).await;
    assert_eq!(s["status"], "cancelled");
    assert_eq!(s["auto_renew"], false);
    assert!(!s["ended_at"].is_null());

    let all = invoices_of(&app, &id).await;
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!((all[0].1.as_str(), all[0].2.as_str()), ("invoice", "credited"));
    assert_eq!((all[1].1.as_str(), all[1].2.as_str()), ("credit_note", "issued"));
    let note = invoice(&app, &all[1].0).await;
    assert_eq!(note["credits_invoice_id"], all[0].0.as_str());
    let from = at(&note["lines"][0]["period_start"]);
    let ended = at(&s["ended_at"]);
    assert_eq!(from, ended.with_minute(0).unwrap().with_second(0).unwrap().with_nanosecond(0).unwrap(), "unused from the hour's start");
    assert_eq!(note["total_cents"], prorate(net, secs(from, end), secs(start, end)));
    assert_eq!(note["total_cents"], refund, "the preview is what is refunded");

    let pays = payments_of(&app, &id).await;
    assert_eq!(pays.last().unwrap(), &("refund".to_string(), "succeeded".to_string(), refund));
    let ev = events(&app, &admin, &id).await;
    let last = ev.last().unwrap();
    assert_eq!(last["kind"], "cancelled");
    assert_eq!(last["status_after"], "cancelled");
    assert_eq!(last["amount_cents"], -refund);
    assert_eq!(last["invoice_id"], note["id"]);
    let mails = mails_to(&app, &client.email, "subscription_cancelled").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains(&format!("${}.{:02}", refund / 100, refund % 100)), "{}", mails[0]);

    problem(app.post(&format!("/api/v1/subscriptions/{id}/cancel"), json!({}), Some(t)).await, 409, "invalid_status").await;
    problem(app.get(&format!("/api/v1/subscriptions/{id}/cancellation"), Some(t)).await, 409, "invalid_status").await;
    problem(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"seats": 6}), t).await, 409, "invalid_status").await;
    assert_eq!(invoices_of(&app, &id).await.len(), 2);
}

#[actix_web::test]
async fn a_cancellation_refunds_seat_increases_for_their_own_period() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.customer().await;
    let t = client.access_token.as_str();
    let id = app.subscription(&client).seats(2).create().await;
    advance(&app, &admin, 1, 0).await;
    body(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"seats": 3}), t).await, 200).await;
    advance(&app, &admin, 1, 0).await;
    let preview = body(app.get(&format!("/api/v1/subscriptions/{id}/cancellation"), Some(t)).await, 200).await;
    body(app.post(&format!("/api/v1/subscriptions/{id}/cancel"), json!({}), Some(t)).await, 200).await;
    let all = invoices_of(&app, &id).await;
    let kinds: Vec<(&str, &str)> = all.iter().map(|i| (i.1.as_str(), i.2.as_str())).collect();
    assert_eq!(kinds, [("invoice", "credited"), ("invoice", "credited"), ("credit_note", "issued"), ("credit_note", "issued")]);
    let refunded: i64 = all[2..].iter().map(|i| i.3).sum();
    assert_eq!(refunded, preview["refund_cents"].as_i64().unwrap());
    assert!(all[2].3 < all[0].3 && all[3].3 < all[1].3, "each credit note below its invoice: {all:?}");
    let ev = events(&app, &admin, &id).await;
    assert_eq!(ev.last().unwrap()["amount_cents"], -refunded);
}

#[actix_web::test]
async fn cancelling_on_day_nine_turns_off_the_renewal_and_the_job_expires_it() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.customer().await;
    let t = client.access_token.as_str();
    let id = app.subscription(&client).seats(3).create().await;
    advance(&app, &admin, 9, 0).await;

    let s = sub(&app, &id, t).await;
    let preview = body(app.get(&format!("/api/v1/subscriptions/{id}/cancellation"), Some(t)).await, 200).await;
    assert_eq!(preview["outcome"], "end_at_term_end");
    assert_eq!(preview["refund_cents"], 0);
    assert_eq!(preview["ends_at"], s["current_term_end"]);
    let s = body(app.post(&format!("/api/v1/subscriptions/{id}/cancel"), json!({}), Some(t)).await, 200).await;
    assert_eq!(s["status"], "active", "runs to the end of its term");
    assert_eq!(s["auto_renew"], false);
    assert_eq!(invoices_of(&app, &id).await.len(), 1, "no refund after the window");
    assert_eq!(kinds(&events(&app, &admin, &id).await).last().unwrap(), "auto_renew_disabled");
    assert_eq!(mails_to(&app, &client.email, "subscription_cancelled").await.len(), 1);
    problem(app.post(&format!("/api/v1/subscriptions/{id}/cancel"), json!({}), Some(t)).await, 409, "invalid_status").await;

    // Turned back on, and off again with the PATCH.
    let s = body(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"auto_renew": true}), t).await, 200).await;
    assert_eq!(s["auto_renew"], true);
    let s = body(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"auto_renew": false}), t).await, 200).await;
    assert_eq!(s["auto_renew"], false);

    // Not due yet: the job leaves it alone.
    assert_eq!(run_renewals(&app, &admin).await["processed"], 0);
    advance(&app, &admin, 25, 0).await;
    assert_eq!(run_renewals(&app, &admin).await["processed"], 1);
    let s = sub(&app, &id, t).await;
    assert_eq!(s["status"], "expired");
    assert_eq!(s["ended_at"], s["current_term_end"]);
    assert_eq!(invoices_of(&app, &id).await.len(), 1, "nothing charged");
    assert_eq!(kinds(&events(&app, &admin, &id).await).last().unwrap(), "expired");
    assert_eq!(mails_to(&app, &client.email, "subscription_ended").await.len(), 1);
    // Past the term, auto-renew cannot come back.
    problem(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"auto_renew": true}), t).await, 409, "invalid_status").await;
    assert_eq!(run_renewals(&app, &admin).await["processed"], 0, "ended once");
}

#[actix_web::test]
async fn a_pending_subscription_can_be_changed_and_cancelled() {
    let app = TestApp::spawn().await;
    let client = app.customer().await;
    let t = client.access_token.as_str();
    let id = app.subscription(&client).pending().seats(1).create().await;
    let s = body(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"seats": 2}), t).await, 200).await;
    assert_eq!((s["seats"].as_i64(), s["status"].as_str()), (Some(2), Some("pending")));
    let s = body(app.post(&format!("/api/v1/subscriptions/{id}/cancel"), json!({}), Some(t)).await, 200).await;
    assert_eq!(s["status"], "cancelled");
}

#[actix_web::test]
async fn who_sees_a_subscription() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let support = app.support().await;
    let (seller, seller_id, _) = app.eligible_freelancer().await;
    let (other_seller, _, _) = app.eligible_freelancer().await;
    let client = app.customer().await;
    let other_client = app.customer().await;
    let id = app.subscription(&client).referred_by(&seller_id).seats(4).create().await;
    let own = app.subscription(&other_client).create().await;
    let flagged = app.subscription(&other_client).referred_by(&seller_id).self_referral().create().await;

    for who in [&client, &seller, &support, &admin] {
        let s = sub(&app, &id, &who.access_token).await;
        assert_eq!(s["id"], id.as_str());
        assert_eq!(s["freelancer"]["id"], seller_id.as_str());
    }
    for who in [&other_client, &other_seller] {
        problem(app.get(&format!("/api/v1/subscriptions/{id}"), Some(&who.access_token)).await, 404, "not_found").await;
    }
    // Only the client changes it; the seller and support see a 404 there.
    for who in [&seller, &other_client, &support] {
        let t = who.access_token.as_str();
        problem(patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"seats": 5}), t).await, 404, "not_found").await;
        problem(app.post(&format!("/api/v1/subscriptions/{id}/cancel"), json!({}), Some(t)).await, 404, "not_found").await;
        problem(app.get(&format!("/api/v1/subscriptions/{id}/cancellation"), Some(t)).await, 404, "not_found").await;
        problem(app.get(&format!("/api/v1/subscriptions/{id}/seat-change?seats=5"), Some(t)).await, 404, "not_found").await;
    }
    problem(app.get("/api/v1/subscriptions/sub_unknown", Some(&admin.access_token)).await, 404, "not_found").await;

    let mine = body(app.get("/api/v1/customer/subscriptions", Some(&client.access_token)).await, 200).await;
    assert_eq!(mine["data"].as_array().unwrap().len(), 1);
    let theirs = body(app.get("/api/v1/customer/subscriptions", Some(&other_client.access_token)).await, 200).await;
    let ids: Vec<&str> = theirs["data"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [flagged.as_str(), own.as_str()], "newest first");
    let page = body(app.get("/api/v1/customer/subscriptions?limit=1", Some(&other_client.access_token)).await, 200).await;
    let next = page["next_cursor"].as_str().unwrap();
    let rest =
        body(app.get(&format!("/api/v1/customer/subscriptions?limit=1&cursor={next}"), Some(&other_client.access_token)).await, 200).await;
    assert_eq!(rest["data"][0]["id"], own.as_str());

    let sold = body(app.get("/api/v1/me/subscriptions", Some(&seller.access_token)).await, 200).await;
    let ids: Vec<&str> = sold["data"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [flagged.as_str(), id.as_str()]);
    let none = body(app.get("/api/v1/me/subscriptions?status=cancelled", Some(&seller.access_token)).await, 200).await;
    assert!(none["data"].as_array().unwrap().is_empty());
    let other = body(app.get("/api/v1/me/subscriptions", Some(&other_seller.access_token)).await, 200).await;
    assert!(other["data"].as_array().unwrap().is_empty());
    problem(app.get("/api/v1/me/subscriptions", Some(&client.access_token)).await, 403, "forbidden").await;

    let all = body(app.get("/api/v1/admin/subscriptions", Some(&support.access_token)).await, 200).await;
    assert_eq!(all["data"].as_array().unwrap().len(), 3);
    let flagged_list = body(app.get("/api/v1/admin/subscriptions?self_referral=true", Some(&support.access_token)).await, 200).await;
    assert_eq!(flagged_list["data"].as_array().unwrap().len(), 1);
    assert_eq!(flagged_list["data"][0]["id"], flagged.as_str());
    assert_eq!(flagged_list["data"][0]["customer"]["email"], other_client.email.as_str());
    let detail = body(app.get(&format!("/api/v1/admin/subscriptions/{id}"), Some(&support.access_token)).await, 200).await;
    assert_eq!(detail["subscription"]["id"], id.as_str());
    assert_eq!(detail["customer"]["id"], client.user_id.as_str());
    assert_eq!(kinds(detail["events"].as_array().unwrap()), ["created", "activated"]);
    problem(app.get("/api/v1/admin/subscriptions", Some(&client.access_token)).await, 403, "forbidden").await;
}

#[actix_web::test]
async fn the_renewal_price_follows_the_catalogue_from_the_next_term() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.customer().await;
    let t = client.access_token.as_str();
    let id = app.subscription(&client).plan("pln_m365_business_basic").seats(2).create().await;
    app.db(|conn| {
        use partner_hub::db::schema::plans;
        diesel::update(plans::table.find("pln_m365_business_basic")).set(plans::monthly_price_cents.eq(800)).execute(conn)?;
        Ok(())
    })
    .await;
    let s = sub(&app, &id, t).await;
    assert_eq!(s["unit_price_cents"], 720, "this term keeps its price");
    assert_eq!(s["renewal_unit_price_cents"], 800);
    assert_eq!(s["renewal_total_cents"], 1_600);
    // A seat increase in this term is still priced at this term's price.
    let preview = body(app.get(&format!("/api/v1/subscriptions/{id}/seat-change?seats=3"), Some(t)).await, 200).await;
    assert!(preview["prorated_charge_cents"].as_i64().unwrap() <= 720);

    advance(&app, &admin, 31, 1).await;
    run_renewals(&app, &admin).await;
    let s = sub(&app, &id, t).await;
    assert_eq!(s["unit_price_cents"], 800);
    let all = invoices_of(&app, &id).await;
    assert_eq!(all.last().unwrap().3, 1_600);
}
