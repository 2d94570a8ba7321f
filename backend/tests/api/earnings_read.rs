//! The freelancer's earnings pages through HTTP: balances and entries with their causes,
//! filters, pagination, the CSV export, and the timeline of a pending, an available and a
//! reversed commission. Entries are written through the ledger (`ledger::post_in`), the
//! way the commission posting does, on a real subscription and invoice.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use partner_hub::db::schema::{audit_log, invoices, subscription_events};
use partner_hub::domain::earnings::{EarningKind, EarningStatus};
use partner_hub::earnings::ledger::{self, EntryRow};
use serde_json::{json, Value};

use crate::helpers::{problem, TestApp};

/// A subscription of 5 yearly seats sold through the freelancer's link: (id, invoice id,
/// invoice number, `created` event id). The plan's commission rate is set to 0 first, so
/// the sale posts no commission by itself and the test writes exactly the entries it reads.
pub async fn sale(app: &TestApp, freelancer_id: &str) -> (String, String, String, String) {
    app.db(|conn| {
        use partner_hub::db::schema::plans;
        diesel::update(plans::table.find("pln_m365_business_standard")).set(plans::commission_rate_bps.eq(0)).execute(conn)?;
        Ok(())
    })
    .await;
    let customer = app.customer().await;
    let sub = app.subscription(&customer).yearly().seats(5).referred_by(freelancer_id).create().await;
    let s = sub.clone();
    let (invoice, number, event) = app
        .db(move |conn| {
            let (invoice, number): (String, String) =
                invoices::table.filter(invoices::subscription_id.eq(&s)).select((invoices::id, invoices::number)).first(conn)?;
            let event: String = subscription_events::table
                .filter(subscription_events::subscription_id.eq(&s).and(subscription_events::kind.eq("created")))
                .select(subscription_events::id)
                .first(conn)?;
            Ok((invoice, number, event))
        })
        .await;
    (sub, invoice, number, event)
}

/// Posts `row` through the ledger (balances follow); returns its id.
pub async fn post(app: &TestApp, row: EntryRow) -> String {
    let id = row.id.clone();
    let written = app.db(move |conn| ledger::post_in(conn, row)).await;
    assert!(written.is_some(), "posted once");
    id
}

/// A pending commission of `amount` on the sale, created at `at`, available at `available_at`.
pub fn commission(
    fl: &str,
    sale: &(String, String, String, String),
    amount: i64,
    at: NaiveDateTime,
    available_at: Option<NaiveDateTime>,
) -> EntryRow {
    let mut row =
        EntryRow::new(fl, EarningKind::Commission, EarningStatus::Pending, amount, format!("commission:{}:{}", sale.1, amount), at);
    row.subscription_id = Some(sale.0.clone());
    row.invoice_id = Some(sale.1.clone());
    row.event_id = Some(sale.3.clone());
    row.rate_bps = Some(1500);
    row.base_cents = Some(amount * 10_000 / 1500);
    row.clearing_starts_at = available_at.map(|_| at);
    row.window_ends_at = Some(at + Duration::days(3));
    row.available_at = available_at;
    row
}

pub fn adjustment(fl: &str, amount: i64, reason: &str, at: NaiveDateTime) -> EntryRow {
    let mut row = EntryRow::new(fl, EarningKind::Adjustment, EarningStatus::Available, amount, format!("adjustment:test:{reason}"), at);
    row.reason = Some(reason.into());
    row
}

async fn json_ok(res: reqwest::Response) -> Value {
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn ids(page: &Value) -> Vec<String> {
    page["data"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap().to_string()).collect()
}

#[actix_web::test]
async fn earnings_list_filters_paginates_and_exports_csv() {
    let app = TestApp::spawn().await;
    let (s, fl, _) = app.eligible_freelancer().await;
    let t = Some(s.access_token.as_str());
    let now = app.state.clock.now_naive();
    let sold = sale(&app, &fl).await;
    let first = post(&app, commission(&fl, &sold, 2250, now, Some(now + Duration::days(14)))).await;
    let waiting = post(&app, commission(&fl, &sold, 450, now + Duration::minutes(1), None)).await;
    let credit = post(&app, adjustment(&fl, 500, "Goodwill, see ticket \"42\", thanks", now + Duration::minutes(2))).await;

    let page = json_ok(app.get("/api/v1/me/earnings", t).await).await;
    assert_eq!(
        page["balances"],
        json!({"pending_cents": 2700, "available_cents": 500, "withdrawn_cents": 0, "since_joining_cents": 2700, "currency": "USD"})
    );
    assert_eq!(ids(&page), [credit.clone(), waiting.clone(), first.clone()], "newest first");
    assert_eq!(page["next_cursor"], Value::Null);
    let c = &page["data"][2];
    assert_eq!((c["kind"].as_str(), c["status"].as_str(), c["amount_cents"].as_i64()), (Some("commission"), Some("pending"), Some(2250)));
    assert_eq!(c["cause"]["type"], "invoice");
    assert_eq!(c["cause"]["subscription_id"], sold.0);
    assert_eq!(c["cause"]["invoice_number"], sold.2);
    assert_eq!(c["cause"]["plan_name"], "Microsoft 365 Business Standard");
    assert_eq!(c["cause"]["seats"], 5);
    assert_eq!(c["cause"]["event_kind"], "created");
    assert_eq!((c["rate_bps"].as_i64(), c["clawback"].as_bool(), c["appealable"].as_bool()), (Some(1500), Some(false), Some(false)));
    assert!(c["available_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(page["data"][1]["available_at"], Value::Null, "waits for the activation");
    assert_eq!(page["data"][0]["cause"]["type"], "adjustment");
    assert_eq!(page["data"][0]["appealable"], false, "a credit takes nothing away");

    let only = json_ok(app.get("/api/v1/me/earnings?kind=commission", t).await).await;
    assert_eq!(ids(&only), [waiting.clone(), first.clone()]);
    let only = json_ok(app.get("/api/v1/me/earnings?status=available", t).await).await;
    assert_eq!(ids(&only), [credit.as_str()]);
    let bad = problem(app.get("/api/v1/me/earnings?kind=bonus&status=paid", t).await, 422, "validation_failed").await;
    let fields: Vec<&str> = bad["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["kind", "status"]);

    let p1 = json_ok(app.get("/api/v1/me/earnings?limit=2", t).await).await;
    assert_eq!(ids(&p1), [credit.clone(), waiting.clone()]);
    let cursor = p1["next_cursor"].as_str().expect("a next page");
    let p2 = json_ok(app.get(&format!("/api/v1/me/earnings?limit=2&cursor={cursor}"), t).await).await;
    assert_eq!(ids(&p2), [first.as_str()]);
    assert_eq!(p2["next_cursor"], Value::Null);

    let res = app.get("/api/v1/me/earnings.csv", t).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("earnings.csv"));
    let csv = res.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "id,created_at,kind,status,amount,currency,available_at,cause,invoice_number,reason");
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(
        lines[1].starts_with(&format!("{credit},"))
            && lines[1].ends_with(",5.00,USD,,adjustment,,\"Goodwill, see ticket \"\"42\"\", thanks\""),
        "{}",
        lines[1]
    );
    assert!(lines[3].contains(",commission,pending,22.50,USD,") && lines[3].contains(&format!(",invoice,{},", sold.2)), "{}", lines[3]);
    let csv = app.get("/api/v1/me/earnings.csv?kind=adjustment", t).await.text().await.unwrap();
    assert_eq!(csv.lines().count(), 2);
    problem(app.get("/api/v1/me/earnings.csv?status=gone", t).await, 422, "validation_failed").await;

    // Another freelancer sees none of it.
    let (other, _, _) = app.eligible_freelancer().await;
    let o = Some(other.access_token.as_str());
    let theirs = json_ok(app.get("/api/v1/me/earnings", o).await).await;
    assert_eq!(theirs["data"], json!([]));
    assert_eq!(theirs["balances"]["pending_cents"], 0);
    problem(app.get(&format!("/api/v1/me/earnings/{first}"), o).await, 404, "not_found").await;
    assert_eq!(app.get("/api/v1/me/earnings.csv", o).await.text().await.unwrap().lines().count(), 1);
    // Not eligible yet: no earnings page.
    let newcomer = app.freelancer().await;
    problem(app.get("/api/v1/me/earnings", Some(&newcomer.access_token)).await, 403, "not_eligible").await;
}

fn events(detail: &Value) -> Vec<String> {
    detail["timeline"].as_array().unwrap().iter().map(|i| i["event"].as_str().unwrap().to_string()).collect()
}

#[actix_web::test]
async fn timelines_of_pending_available_and_reversed_commissions() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let (s, fl, _) = app.eligible_freelancer().await;
    let t = Some(s.access_token.as_str());
    let now = app.state.clock.now_naive();
    let sold = sale(&app, &fl).await;
    let pending = post(&app, commission(&fl, &sold, 2250, now, Some(now + Duration::days(14)))).await;
    let cleared = post(&app, commission(&fl, &sold, 1000, now + Duration::seconds(1), Some(now + Duration::days(1)))).await;
    let reversed = post(&app, commission(&fl, &sold, 700, now + Duration::seconds(2), Some(now + Duration::days(14)))).await;
    let waiting = post(&app, commission(&fl, &sold, 300, now + Duration::seconds(3), None)).await;

    // Pending: earned, then the day it becomes available, with the clearing period behind it.
    let d = json_ok(app.get(&format!("/api/v1/me/earnings/{pending}"), t).await).await;
    assert_eq!(events(&d), ["earned", "pending_until"]);
    let until = &d["timeline"][1];
    assert_eq!(until["at"], d["entry"]["available_at"]);
    assert_eq!((until["tier"].as_str(), until["clearing_days"].as_i64()), (Some("standard"), Some(14)));
    assert_eq!(d["timeline"][0]["amount_cents"], 2250);
    assert_eq!(d["related"], json!([]));
    let d = json_ok(app.get(&format!("/api/v1/me/earnings/{waiting}"), t).await).await;
    assert_eq!(events(&d), ["earned", "waiting_for_activation"]);

    // A tier change moved it (the audit entry the tier change writes).
    let (id, later) = (pending.clone(), now + Duration::days(7));
    app.db(move |conn| {
        diesel::insert_into(audit_log::table)
            .values((
                audit_log::id.eq(format!("aud_test_{id}")),
                audit_log::action.eq("earning.retimed"),
                audit_log::subject_type.eq("earning_entry"),
                audit_log::subject_id.eq(&id),
                audit_log::after_json
                    .eq(json!({"available_at": format!("{}Z", later.format("%Y-%m-%dT%H:%M:%S%.6f")), "tier": "top_rated"}).to_string()),
                audit_log::created_at.eq(now + Duration::hours(1)),
            ))
            .execute(conn)?;
        Ok(())
    })
    .await;
    let d = json_ok(app.get(&format!("/api/v1/me/earnings/{pending}"), t).await).await;
    assert_eq!(events(&d), ["earned", "retimed", "pending_until"]);
    assert_eq!((d["timeline"][1]["tier"].as_str(), d["timeline"][1]["clearing_days"].as_i64()), (Some("top_rated"), Some(7)));
    assert!(d["timeline"][1]["available_at"].as_str().is_some());

    // Reversed while pending: never becomes available.
    let (rid, at) = (reversed.clone(), now + Duration::hours(2));
    app.db(move |conn| ledger::transition_in(conn, &rid, EarningStatus::Pending, EarningStatus::Reversed, None, at))
        .await
        .expect("reversed");

    // Two days on, the clearing job makes the due one available.
    let res = app.post("/api/v1/admin/clock/advance", json!({"days": 2}), Some(&admin.access_token)).await;
    assert_eq!(res.status(), 200);
    let res = app.post("/api/v1/admin/jobs/clearing/run", json!({}), Some(&admin.access_token)).await;
    assert_eq!(res.status(), 200);
    let d = json_ok(app.get(&format!("/api/v1/me/earnings/{cleared}"), t).await).await;
    assert_eq!(d["entry"]["status"], "available");
    assert_eq!(events(&d), ["earned", "available"]);
    assert_eq!(d["entry"]["appealable"], false);

    let d = json_ok(app.get(&format!("/api/v1/me/earnings/{reversed}"), t).await).await;
    assert_eq!(d["entry"]["status"], "reversed");
    assert_eq!(events(&d), ["earned", "reversed"]);
    assert_eq!(d["timeline"][1]["amount_cents"], -700);
    assert_eq!(d["entry"]["appealable"], false, "a reversed commission is appealed through its reversal entry");

    // After it cleared, a refund claws the commission back: a negative entry citing it.
    let mut claw = EntryRow::new(
        &fl,
        EarningKind::Reversal,
        EarningStatus::Available,
        -1000,
        format!("reversal:cn:{cleared}"),
        app.state.clock.now_naive(),
    );
    claw.reverses_entry_id = Some(cleared.clone());
    claw.subscription_id = Some(sold.0.clone());
    claw.reason = Some("Cancelled by the client with a full refund.".into());
    let claw = post(&app, claw).await;
    let d = json_ok(app.get(&format!("/api/v1/me/earnings/{cleared}"), t).await).await;
    assert_eq!(events(&d), ["earned", "available", "clawed_back"]);
    let last = &d["timeline"][2];
    assert_eq!((last["amount_cents"].as_i64(), last["entry_id"].as_str()), (Some(-1000), Some(claw.as_str())));
    assert_eq!(last["reason"], "Cancelled by the client with a full refund.");
    assert_eq!(d["related"][0]["id"], claw);
    let d = json_ok(app.get(&format!("/api/v1/me/earnings/{claw}"), t).await).await;
    assert_eq!((d["entry"]["clawback"].as_bool(), d["entry"]["appealable"].as_bool()), (Some(true), Some(true)));
    assert_eq!(d["entry"]["cause"]["type"], "credit_note");
    assert_eq!(events(&d), ["clawed_back"]);
    assert_eq!(d["related"][0]["id"], cleared, "the commission it takes back");

    let page = json_ok(app.get("/api/v1/me/earnings", t).await).await;
    assert_eq!(page["balances"]["available_cents"], 0, "cleared 1000, clawed back 1000");
    assert_eq!(page["balances"]["pending_cents"], 2250 + 300);
    assert_eq!(page["balances"]["since_joining_cents"], 2250 + 300);

    // Unknown and malformed ids.
    problem(app.get("/api/v1/me/earnings/ern_doesnotexist", t).await, 404, "not_found").await;
    assert_eq!(app.get("/api/v1/me/earnings/not-an-id", t).await.status(), 404);
}
