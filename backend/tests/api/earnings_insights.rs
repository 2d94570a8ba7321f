//! The Earnings page's chart and forecast over HTTP: earnings per calendar month across a
//! month boundary with the manual clock (commissions, a clawback, the nets adding up to
//! "earned since joining"), and the 90-day forecast from monthly and yearly renewals.

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::{json, Value};

use partner_hub::db::schema::subscriptions;
use partner_hub::domain::commerce::bps_of;
use partner_hub::domain::earnings::{EarningKind, EarningStatus};
use partner_hub::earnings::ledger::{self, EntryRow};

use crate::dashboard::purchase_commission;
use crate::helpers::{problem, Session, TestApp};
use crate::subscriptions::{advance, at, body, patch};

async fn monthly(app: &TestApp, s: &Session, query: &str) -> Value {
    body(app.get(&format!("/api/v1/me/earnings/monthly{query}"), Some(&s.access_token)).await, 200).await
}

fn label(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

/// Moves the clock into the first day of the next month (UTC), one hour past midnight.
async fn into_next_month(app: &TestApp, admin: &Session) {
    let now = app.state.clock.now_naive();
    let next = NaiveDate::from_ymd_opt(now.year(), now.month(), 1).unwrap().checked_add_months(Months::new(1)).unwrap();
    let hours = (next.and_hms_opt(1, 0, 0).unwrap() - now).num_hours() + 1;
    advance(app, admin, hours / 24, hours % 24).await;
}

/// A clawback of `share` of an already available commission, posted now (a refund after
/// clearing: the commission clears, then a negative entry takes back part of it).
async fn claw_back(app: &TestApp, freelancer_id: &str, commission_id: &str, amount: i64) {
    let (fl, cid, now) = (freelancer_id.to_string(), commission_id.to_string(), app.state.clock.now_naive());
    app.state
        .db
        .transaction(move |conn| {
            ledger::transition_in(conn, &cid, EarningStatus::Pending, EarningStatus::Available, None, now)?;
            let mut row = EntryRow::new(&fl, EarningKind::Reversal, EarningStatus::Available, -amount, format!("reversal:test:{cid}"), now);
            row.reverses_entry_id = Some(cid);
            row.reason = Some("Refunded after clearing.".into());
            ledger::post_in(conn, row)?.expect("a new cause");
            Ok(())
        })
        .await
        .expect("clawback")
}

#[actix_web::test]
async fn earnings_per_month_across_a_month_boundary() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let (fl, fl_id, _) = app.eligible_freelancer().await;
    let client = app.customer().await;

    // Month M: a yearly sale of five seats.
    let month_m = app.state.clock.now_naive().date();
    let first = app.subscription(&client).yearly().seats(5).referred_by(&fl_id).create().await;
    let (first_entry, c1) = purchase_commission(&app, &first).await;
    assert_eq!(c1, bps_of(15000 * 5, 1500));

    // Month M+1: a monthly sale of two seats, and a clawback of a third of the first.
    into_next_month(&app, &admin).await;
    let month_n = app.state.clock.now_naive().date();
    assert_ne!(label(month_m), label(month_n));
    let second = app.subscription(&client).seats(2).referred_by(&fl_id).create().await;
    let (_, c2) = purchase_commission(&app, &second).await;
    let claw = c1 / 3;
    claw_back(&app, &fl_id, &first_entry, claw).await;
    // Someone else's earnings never show here.
    let (_, other_id, _) = app.eligible_freelancer().await;
    let theirs = app.subscription(&client).yearly().seats(9).referred_by(&other_id).create().await;
    purchase_commission(&app, &theirs).await;

    let m = monthly(&app, &fl, "?months=3").await;
    let before = month_m.with_day(1).unwrap().checked_sub_months(Months::new(1)).unwrap();
    assert_eq!(
        m,
        json!({"currency": "USD", "months": [
            {"month": label(before), "commission_cents": 0, "reversed_cents": 0, "net_cents": 0},
            {"month": label(month_m), "commission_cents": c1, "reversed_cents": 0, "net_cents": c1},
            {"month": label(month_n), "commission_cents": c2, "reversed_cents": claw, "net_cents": c2 - claw},
        ]})
    );

    // Over the whole history the nets are "earned since joining".
    let d = body(app.get("/api/v1/me/dashboard", Some(&fl.access_token)).await, 200).await;
    let year = monthly(&app, &fl, "").await;
    let months = year["months"].as_array().unwrap();
    assert_eq!(months.len(), 12, "twelve months by default");
    assert_eq!(months[11]["month"], label(month_n), "ending with the current month");
    assert_eq!(
        months.iter().map(|m| m["net_cents"].as_i64().unwrap()).sum::<i64>(),
        d["earnings"]["since_joining_cents"].as_i64().unwrap()
    );
    assert_eq!(monthly(&app, &fl, "?months=24").await["months"].as_array().unwrap().len(), 24);
    assert_eq!(
        monthly(&app, &fl, "?months=1").await["months"],
        json!([{"month": label(month_n), "commission_cents": c2, "reversed_cents": claw, "net_cents": c2 - claw}])
    );

    for bad in ["0", "25", "-1"] {
        let p =
            problem(app.get(&format!("/api/v1/me/earnings/monthly?months={bad}"), Some(&fl.access_token)).await, 422, "validation_failed")
                .await;
        assert_eq!(p["errors"][0]["field"], "months");
    }
    let approved = app.approved_freelancer().await;
    problem(app.get("/api/v1/me/earnings/monthly", Some(&approved.access_token)).await, 403, "not_eligible").await;
    problem(app.get("/api/v1/me/earnings/forecast", Some(&approved.access_token)).await, 403, "not_eligible").await;
}

async fn set_term_end(app: &TestApp, id: &str, end: NaiveDateTime) {
    let id = id.to_string();
    app.db(move |conn| Ok(diesel::update(subscriptions::table.find(id)).set(subscriptions::current_term_end.eq(end)).execute(conn)?)).await;
}

#[actix_web::test]
async fn the_forecast_counts_each_renewal_of_the_next_ninety_days() {
    let app = TestApp::spawn().await;
    let (fl, fl_id, _) = app.eligible_freelancer().await;
    let (other, other_id, _) = app.eligible_freelancer().await;
    let client = app.customer().await;
    let now = app.state.clock.now_naive();
    let (fl_ref, other_ref) = (fl_id.as_str(), other_id.as_str());

    // Counted: a monthly standard ×2 ending in 10 days (three renewals in the window), a
    // yearly basic ×3 ending in 45 days (one), a monthly standard ×4 with a decrease to 1
    // scheduled, ending in 80 days (one, at one seat).
    let monthly_sub = app.subscription(&client).seats(2).referred_by(fl_ref).create().await;
    let yearly_sub = app.subscription(&client).plan("pln_m365_business_basic").yearly().seats(3).referred_by(fl_ref).create().await;
    let decreasing = app.subscription(&client).seats(4).referred_by(fl_ref).create().await;
    let res = patch(&app, &format!("/api/v1/subscriptions/{decreasing}"), json!({"seats": 1}), &client.access_token).await;
    assert_eq!(body(res, 200).await["scheduled_seats"], 1);
    // Not counted: a term ending after 90 days, auto-renew off, pending, a self-referral,
    // another freelancer's sale.
    let late = app.subscription(&client).plan("pln_m365_business_premium").yearly().referred_by(fl_ref).create().await;
    let stopped = app.subscription(&client).referred_by(fl_ref).create().await;
    let res = patch(&app, &format!("/api/v1/subscriptions/{stopped}"), json!({"auto_renew": false}), &client.access_token).await;
    assert_eq!(body(res, 200).await["auto_renew"], false);
    let pending = app.subscription(&client).pending().referred_by(fl_ref).create().await;
    let own = app.subscription(&client).self_referral().referred_by(fl_ref).create().await;
    let theirs = app.subscription(&client).referred_by(other_ref).create().await;

    let ends =
        [(&monthly_sub, 10), (&yearly_sub, 45), (&decreasing, 80), (&late, 100), (&stopped, 10), (&pending, 10), (&own, 10), (&theirs, 10)];
    for (id, days) in ends {
        set_term_end(&app, id, now + Duration::days(days)).await;
    }

    let f = body(app.get("/api/v1/me/earnings/forecast", Some(&fl.access_token)).await, 200).await;
    assert_eq!((f["currency"].as_str(), f["days"].as_i64()), (Some("USD"), Some(90)));
    let m_end = now + Duration::days(10);
    let want = [
        (&monthly_sub, m_end, 2, "monthly", 1500 * 2, 1500),
        (&monthly_sub, m_end.checked_add_months(Months::new(1)).unwrap(), 2, "monthly", 1500 * 2, 1500),
        (&yearly_sub, now + Duration::days(45), 3, "yearly", 7200 * 3, 2000),
        (&monthly_sub, m_end.checked_add_months(Months::new(2)).unwrap(), 2, "monthly", 1500 * 2, 1500),
        (&decreasing, now + Duration::days(80), 1, "monthly", 1500, 1500),
    ];
    let items = f["items"].as_array().unwrap();
    assert_eq!(items.len(), want.len(), "{f}");
    for (item, (id, renews_on, seats, term, total, rate)) in items.iter().zip(want) {
        assert_eq!(item["subscription_id"], id.as_str(), "{item}");
        assert_eq!(at(&item["renews_on"]), renews_on, "{item}");
        assert_eq!((item["seats"].as_i64(), item["billing_term"].as_str()), (Some(seats), Some(term)), "{item}");
        assert_eq!(item["renewal_total_cents"], total, "{item}");
        assert_eq!(item["commission_cents"], bps_of(total, rate), "{item}");
    }
    assert_eq!(items[2]["plan_name"], "Microsoft 365 Business Basic");
    let total: i64 = items.iter().map(|i| i["commission_cents"].as_i64().unwrap()).sum();
    assert_eq!(f["total_cents"], total);
    assert_eq!(total, 3 * 450 + 4320 + 225);

    // The other freelancer's forecast has only their own sale (a monthly one: three renewals).
    let f = body(app.get("/api/v1/me/earnings/forecast", Some(&other.access_token)).await, 200).await;
    let ids: Vec<&str> = f["items"].as_array().unwrap().iter().map(|i| i["subscription_id"].as_str().unwrap()).collect();
    assert_eq!(ids, [theirs.as_str(); 3]);
}
