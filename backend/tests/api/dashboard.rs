//! The freelancer's dashboard and subscription list over HTTP: figures from real sales
//! (balances, counts and seats by status, licences, recent sales with their commission,
//! link clicks and conversion), a dashboard read that never writes nor waits for a
//! writer, the referral code issued where eligibility is completed, and
//! `GET /me/subscriptions` with its filters, pages and CSV export.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use serde_json::{json, Value};

use partner_hub::db::schema::{freelancers, invoices, plans, subscription_events, subscriptions};
use partner_hub::db::DbConnection;
use partner_hub::domain::commerce::{bps_of, SubscriptionEventKind, SubscriptionStatus};
use partner_hub::domain::earnings::{EarningKind, EarningStatus};
use partner_hub::earnings::ledger::{self, EntryRow};

use crate::helpers::{problem, Session, TestApp};
use crate::subscriptions::{advance, body};

/// The commission of a sale's purchase as the ledger holds it (entry id, amount). The
/// earnings rules post it from the sale's `created` event; where they have not (yet),
/// it is posted here exactly as they would: cause `commission:{invoice}`, the plan's rate
/// on the invoice's net amount, pending. Either way the figures under test are read from
/// real ledger rows, and a second call finds the first entry (one per cause).
pub async fn purchase_commission(app: &TestApp, subscription_id: &str) -> (String, i64) {
    let (sid, now) = (subscription_id.to_string(), app.state.clock.now_naive());
    app.state
        .db
        .transaction(move |conn| {
            let invoice: String = subscription_events::table
                .filter(subscription_events::subscription_id.eq(&sid).and(subscription_events::kind.eq(SubscriptionEventKind::Created)))
                .select(subscription_events::invoice_id.assume_not_null())
                .first(conn)?;
            let key = format!("commission:{invoice}");
            if let Some(e) = ledger::by_cause_in(conn, &key)? {
                return Ok((e.id, e.amount_cents));
            }
            let subtotal: i64 = invoices::table.find(&invoice).select(invoices::subtotal_cents).first(conn)?;
            let (fl, rate): (Option<String>, i32) = subscriptions::table
                .inner_join(plans::table)
                .filter(subscriptions::id.eq(&sid))
                .select((subscriptions::freelancer_id, plans::commission_rate_bps))
                .first(conn)?;
            let mut row = EntryRow::new(
                &fl.expect("a referred sale"),
                EarningKind::Commission,
                EarningStatus::Pending,
                bps_of(subtotal, rate),
                key,
                now,
            );
            row.subscription_id = Some(sid);
            row.invoice_id = Some(invoice);
            row.rate_bps = Some(rate);
            row.base_cents = Some(subtotal);
            let posted = ledger::post_in(conn, row)?.expect("a new cause");
            Ok((posted.id, posted.amount_cents))
        })
        .await
        .expect("commission")
}

/// Sums of the freelancer's ledger entries, straight from the rows: (pending, since joining).
async fn ledger_sums(app: &TestApp, freelancer_id: &str) -> (i64, i64) {
    use partner_hub::db::schema::earning_entries as e;
    let fl = freelancer_id.to_string();
    app.db(move |conn| {
        let rows: Vec<(EarningKind, EarningStatus, i64)> =
            e::table.filter(e::freelancer_id.eq(&fl)).select((e::kind, e::status, e::amount_cents)).load(conn)?;
        let pending = rows.iter().filter(|r| r.1 == EarningStatus::Pending).map(|r| r.2).sum();
        let earned = rows
            .iter()
            .filter(|r| matches!(r.0, EarningKind::Commission | EarningKind::Reversal) && r.1 != EarningStatus::Reversed)
            .map(|r| r.2)
            .sum();
        Ok((pending, earned))
    })
    .await
}

async fn dashboard(app: &TestApp, s: &Session) -> Value {
    body(app.get("/api/v1/me/dashboard", Some(&s.access_token)).await, 200).await
}

async fn visit(app: &TestApp, code: &str, user_agent: &str) {
    let res = app.client.get(app.url(&format!("/api/v1/r/{code}"))).header("user-agent", user_agent).send().await.unwrap();
    assert_eq!(res.status(), 200, "referral link");
}

async fn set_status(app: &TestApp, id: &str, status: SubscriptionStatus) {
    let id = id.to_string();
    app.db(move |conn| Ok(diesel::update(subscriptions::table.find(id)).set(subscriptions::status.eq(status)).execute(conn)?)).await;
}

async fn admin_advance_hours(app: &TestApp, admin: &Session, hours: i64) {
    advance(app, admin, 0, hours).await;
}

#[actix_web::test]
async fn the_dashboard_shows_what_the_link_sold() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let (fl, fl_id, code) = app.eligible_freelancer().await;
    let client = app.customer().await;

    // Nothing sold yet: zeros, every status present, the link and provisional earnings.
    let d = dashboard(&app, &fl).await;
    assert_eq!(d["referral_code"], code.as_str());
    assert!(d["referral_link"].as_str().unwrap().ends_with(&format!("/r/{code}")));
    assert_eq!(
        d["earnings"],
        json!({"pending_cents": 0, "available_cents": 0, "since_joining_cents": 0, "currency": "USD", "provisional": true})
    );
    assert_eq!(d["subscriptions_by_status"], json!({"pending": 0, "active": 0, "suspended": 0, "cancelled": 0, "expired": 0}));
    assert_eq!(d["licenses_sold"], 0);
    assert_eq!(d["recent_sales"], json!([]));
    assert_eq!(d["link_clicks"], json!({"total": 0, "last_30_days": 0}));
    assert_eq!(d["conversion"], json!({"clicks_30_days": 0, "sales_30_days": 0, "rate_bps": null}));

    // Six sales an hour apart: yearly ×5, monthly ×2 (pending), monthly ×3 (cancelled in
    // the window, refunded), premium ×1 (suspended), basic ×4 (expired), standard ×6.
    let mut ids = Vec::new();
    let specs: [(&str, bool, i32, bool); 6] = [
        ("pln_m365_business_standard", true, 5, false),
        ("pln_m365_business_standard", false, 2, true),
        ("pln_m365_business_basic", false, 3, false),
        ("pln_m365_business_premium", false, 1, false),
        ("pln_m365_business_basic", true, 4, false),
        ("pln_m365_business_standard", false, 6, false),
    ];
    for (plan, yearly, seats, pending) in specs {
        let mut b = app.subscription(&client).plan(plan).seats(seats).referred_by(&fl_id);
        if yearly {
            b = b.yearly();
        }
        if pending {
            b = b.pending();
        }
        ids.push(b.create().await);
        admin_advance_hours(&app, &admin, 1).await;
    }
    // Someone else's sale and a sale without a referrer change nothing here.
    let (_, other_id, _) = app.eligible_freelancer().await;
    app.subscription(&client).seats(9).referred_by(&other_id).create().await;
    app.subscription(&client).seats(7).create().await;

    let mut commissions = Vec::new();
    for id in &ids {
        commissions.push(purchase_commission(&app, id).await.1);
    }
    let res = app.post(&format!("/api/v1/subscriptions/{}/cancel", ids[2]), json!({}), Some(&client.access_token)).await;
    assert_eq!(body(res, 200).await["status"], "cancelled");
    set_status(&app, &ids[3], SubscriptionStatus::Suspended).await;
    set_status(&app, &ids[4], SubscriptionStatus::Expired).await;

    let d = dashboard(&app, &fl).await;
    assert_eq!(d["subscriptions_by_status"], json!({"pending": 1, "active": 2, "suspended": 1, "cancelled": 1, "expired": 1}));
    // Every seat but the refunded subscription's three.
    assert_eq!(d["licenses_sold"], 5 + 2 + 1 + 4 + 6);

    // Balances are the ledger's, provisional, nothing available before clearing.
    let (pending, earned) = ledger_sums(&app, &fl_id).await;
    assert!(pending > 0 && earned > 0);
    assert_eq!(d["earnings"]["pending_cents"], pending);
    assert_eq!(d["earnings"]["since_joining_cents"], earned);
    assert_eq!(d["earnings"]["available_cents"], 0);
    assert_eq!(d["earnings"]["provisional"], true);

    // The five newest sales, newest first, each with its purchase's commission.
    let recent = d["recent_sales"].as_array().unwrap();
    let got: Vec<&str> = recent.iter().map(|s| s["subscription_id"].as_str().unwrap()).collect();
    let want: Vec<&str> = ids.iter().rev().take(5).map(String::as_str).collect();
    assert_eq!(got, want);
    assert_eq!(recent[0]["plan_name"], "Microsoft 365 Business Standard");
    assert_eq!(recent[0]["seats"], 6);
    assert_eq!(recent[0]["billing_term"], "monthly");
    assert_eq!(recent[0]["status"], "active");
    assert_eq!(recent[1]["status"], "expired");
    assert_eq!(recent[1]["billing_term"], "yearly");
    assert_eq!(recent[3]["status"], "cancelled");
    for (sale, commission) in recent.iter().zip(commissions.iter().rev()) {
        assert_eq!(sale["commission_cents"], *commission, "{sale}");
    }
    assert_eq!(commissions[5], bps_of(1500 * 6, 1500), "the plan's rate on the net price");
}

#[actix_web::test]
async fn clicks_and_conversion_count_the_last_thirty_days() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let (fl, fl_id, code) = app.eligible_freelancer().await;
    let client = app.customer().await;

    for ua in ["Firefox", "Chromium", "Safari", "Firefox"] {
        visit(&app, &code, ua).await;
    }
    app.subscription(&client).referred_by(&fl_id).create().await;
    let d = dashboard(&app, &fl).await;
    assert_eq!(d["link_clicks"], json!({"total": 3, "last_30_days": 3}), "one visit per visitor and day");
    assert_eq!(d["conversion"], json!({"clicks_30_days": 3, "sales_30_days": 1, "rate_bps": 3333}));

    // A month later the old visits and the old sale are out of the window.
    advance(&app, &admin, 31, 0).await;
    let d = dashboard(&app, &fl).await;
    assert_eq!(d["link_clicks"], json!({"total": 3, "last_30_days": 0}));
    assert_eq!(d["conversion"], json!({"clicks_30_days": 0, "sales_30_days": 0, "rate_bps": null}));

    for ua in ["Firefox", "Edge"] {
        visit(&app, &code, ua).await;
    }
    app.subscription(&client).referred_by(&fl_id).create().await;
    let d = dashboard(&app, &fl).await;
    assert_eq!(d["link_clicks"], json!({"total": 5, "last_30_days": 2}));
    assert_eq!(d["conversion"], json!({"clicks_30_days": 2, "sales_30_days": 1, "rate_bps": 5000}));
}

/// The freelancer's row as the dashboard must leave it: (updated_at, referral code).
async fn freelancer_row(app: &TestApp, id: &str) -> (chrono::NaiveDateTime, Option<String>) {
    let id = id.to_string();
    app.db(move |conn| Ok(freelancers::table.find(id).select((freelancers::updated_at, freelancers::referral_code)).first(conn)?)).await
}

#[actix_web::test]
async fn a_dashboard_read_never_writes_nor_waits_for_a_writer() {
    let app = TestApp::spawn().await;
    let (fl, fl_id, code) = app.eligible_freelancer().await;
    // The code was issued by the request that completed eligibility (terms acceptance).
    let (updated_at, stored) = freelancer_row(&app, &fl_id).await;
    assert_eq!(stored.as_deref(), Some(code.as_str()));

    // Another connection holds the write lock (SQLite: the database's; PostgreSQL: every
    // writer of the tables the dashboard reads) for as long as the dashboard takes.
    let mut holder = app.state.db.pool().get().unwrap();
    let lock = match &*holder {
        DbConnection::Sqlite(_) => "BEGIN IMMEDIATE",
        DbConnection::Postgresql(_) => {
            "BEGIN; LOCK TABLE freelancers, earning_balances, earning_entries, subscriptions, referral_clicks, audit_log IN EXCLUSIVE MODE"
        }
    };
    holder.batch_execute(lock).unwrap();
    let started = std::time::Instant::now();
    let res = app
        .client
        .get(app.url("/api/v1/me/dashboard"))
        .bearer_auth(&fl.access_token)
        .timeout(std::time::Duration::from_secs(5))
        .send()
        .await
        .expect("the dashboard answers while a writer holds the lock");
    let d = body(res, 200).await;
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    holder.batch_execute("ROLLBACK").unwrap();
    drop(holder);

    assert_eq!(d["referral_code"], code.as_str());
    assert!(d["referral_link"].as_str().unwrap().ends_with(&format!("/r/{code}")));
    for _ in 0..3 {
        dashboard(&app, &fl).await;
    }
    assert_eq!(freelancer_row(&app, &fl_id).await, (updated_at, Some(code)), "reads leave the freelancer's row alone");
}

#[actix_web::test]
async fn an_internal_invitation_that_completes_eligibility_issues_the_code() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    // Invited while only registered; then applies, is approved and accepts the terms,
    // but has not done onboarding: not eligible, no code.
    let s = app.freelancer().await;
    let inv =
        body(app.post("/api/v1/admin/invitations", json!({"email": s.email, "kind": "internal"}), Some(&support.access_token)).await, 201)
            .await;
    let application = app.apply(&s, "DE").await;
    let res = app.post(&format!("/api/v1/admin/applications/{application}/approve"), json!({}), Some(&support.access_token)).await;
    assert_eq!(res.status(), 200, "approve");
    let terms: Value = app.get("/api/v1/terms/current", None).await.json().await.unwrap();
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": terms["version"]}), Some(&s.access_token)).await;
    assert_eq!(res.status(), 201, "terms");
    let me: Value = app.get("/api/v1/me", Some(&s.access_token)).await.json().await.unwrap();
    let fl_id = me["freelancer"]["id"].as_str().unwrap().to_string();
    assert_eq!(me["freelancer"]["eligible"], false, "{me}");
    assert_eq!(freelancer_row(&app, &fl_id).await.1, None);
    problem(app.get("/api/v1/me/dashboard", Some(&s.access_token)).await, 403, "not_eligible").await;

    // Accepting the internal invitation skips onboarding: eligible, and that request
    // issued the code (before any dashboard read).
    let res = app.post(&format!("/api/v1/invitations/{}/accept", inv["token"].as_str().unwrap()), json!({}), Some(&s.access_token)).await;
    assert!(res.status().is_success(), "accept: {}", res.status());
    let (updated_at, code) = freelancer_row(&app, &fl_id).await;
    let code = code.expect("the accepting request issued the referral code");

    let d = dashboard(&app, &s).await;
    assert_eq!(d["referral_code"], code.as_str());
    assert_eq!(freelancer_row(&app, &fl_id).await, (updated_at, Some(code)));
}

#[actix_web::test]
async fn only_eligible_freelancers_see_a_dashboard_or_their_sales() {
    let app = TestApp::spawn().await;
    let approved = app.approved_freelancer().await;
    let customer = app.customer().await;
    for path in ["/api/v1/me/dashboard", "/api/v1/me/subscriptions", "/api/v1/me/subscriptions.csv"] {
        let p = problem(app.get(path, Some(&approved.access_token)).await, 403, "not_eligible").await;
        assert!(p["missing_steps"].as_array().unwrap().iter().any(|s| s == "terms"), "{path}: {p}");
        problem(app.get(path, Some(&customer.access_token)).await, 403, "forbidden").await;
        assert_eq!(app.get(path, None).await.status(), 401, "{path}");
    }
}

// ---- GET /me/subscriptions

async fn list(app: &TestApp, s: &Session, query: &str) -> Value {
    body(app.get(&format!("/api/v1/me/subscriptions{query}"), Some(&s.access_token)).await, 200).await
}

fn ids_of(page: &Value) -> Vec<String> {
    page["data"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string()).collect()
}

/// Today's date and another day, as the API reads them (UTC).
fn day(app: &TestApp, days_from_now: i64) -> String {
    (app.state.clock.now() + chrono::Duration::days(days_from_now)).format("%Y-%m-%d").to_string()
}

/// Moves the clock to the first hour of the next day (UTC).
pub async fn next_day_start(app: &TestApp, admin: &Session) {
    use chrono::Timelike;
    advance(app, admin, 0, 24 - app.state.clock.now().hour() as i64).await;
}

#[actix_web::test]
async fn the_subscription_list_filters_pages_and_exports() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let (fl, fl_id, _) = app.eligible_freelancer().await;
    let (other, other_id, _) = app.eligible_freelancer().await;
    let client = app.customer().await;

    // Day 0 (from its first hour, so three hours stay on one date): three standard sales;
    // day 2: a basic one and a yearly standard one (cancelled).
    next_day_start(&app, &admin).await;
    let mut day0 = Vec::new();
    for seats in [1, 2, 3] {
        day0.push(app.subscription(&client).seats(seats).referred_by(&fl_id).create().await);
        advance(&app, &admin, 0, 1).await;
    }
    let first_day = day(&app, 0);
    advance(&app, &admin, 2, 0).await;
    let basic = app.subscription(&client).plan("pln_m365_business_basic").seats(4).referred_by(&fl_id).create().await;
    advance(&app, &admin, 0, 1).await;
    let yearly = app.subscription(&client).yearly().seats(5).referred_by(&fl_id).create().await;
    let res = app.post(&format!("/api/v1/subscriptions/{yearly}/cancel"), json!({}), Some(&client.access_token)).await;
    assert_eq!(res.status(), 200);
    let last_day = day(&app, 0);
    let theirs = app.subscription(&client).seats(9).referred_by(&other_id).create().await;

    let newest_first = [yearly.clone(), basic.clone(), day0[2].clone(), day0[1].clone(), day0[0].clone()];
    assert_eq!(ids_of(&list(&app, &fl, "").await), newest_first);
    assert_eq!(ids_of(&list(&app, &other, "").await), vec![theirs.clone()], "only the caller's own link's sales");

    assert_eq!(ids_of(&list(&app, &fl, "?status=cancelled").await), vec![yearly.clone()]);
    assert_eq!(ids_of(&list(&app, &fl, "?status=active&plan_id=pln_m365_business_basic").await), vec![basic.clone()]);
    assert_eq!(
        ids_of(&list(&app, &fl, &format!("?from={first_day}&to={first_day}")).await),
        day0.iter().rev().cloned().collect::<Vec<_>>()
    );
    assert_eq!(ids_of(&list(&app, &fl, &format!("?from={last_day}")).await), [yearly.clone(), basic.clone()]);
    assert_eq!(ids_of(&list(&app, &fl, &format!("?to={first_day}&status=active&limit=1")).await), [day0[2].clone()]);
    assert!(ids_of(&list(&app, &fl, "?plan_id=pln_m365_business_premium").await).is_empty());

    // Pages of two walk every sale once, in order.
    let mut seen = Vec::new();
    let mut query = "?limit=2".to_string();
    loop {
        let page = list(&app, &fl, &query).await;
        seen.extend(ids_of(&page));
        match page["next_cursor"].as_str() {
            Some(c) => query = format!("?limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, newest_first);

    // Bad filters: 422 naming the field.
    for (query, field) in [
        ("?status=paused", "status"),
        ("?from=2026-13-01", "from"),
        ("?to=yesterday", "to"),
        (&format!("?from={last_day}&to={first_day}")[..], "to"),
    ] {
        let p = problem(app.get(&format!("/api/v1/me/subscriptions{query}"), Some(&fl.access_token)).await, 422, "validation_failed").await;
        assert_eq!(p["errors"][0]["field"], field, "{query}: {p}");
        let p =
            problem(app.get(&format!("/api/v1/me/subscriptions.csv{query}"), Some(&fl.access_token)).await, 422, "validation_failed").await;
        assert_eq!(p["errors"][0]["field"], field, "csv {query}");
    }

    // The CSV: every matching row, a header, decimal dollars.
    let res = app.get("/api/v1/me/subscriptions.csv", Some(&fl.access_token)).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(
        disposition.starts_with("attachment") && disposition.contains("subscriptions-") && disposition.contains(".csv"),
        "{disposition}"
    );
    let text = res.text().await.unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "subscription_id,created_at,plan_id,plan_name,billing_term,seats,scheduled_seats,status,auto_renew,activated_at,current_term_end,ended_at,unit_price,renewal_total,currency,self_referral");
    assert_eq!(lines.len(), 1 + newest_first.len());
    let rows: Vec<Vec<&str>> = lines[1..].iter().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.iter().map(|r| r[0]).collect::<Vec<_>>(), newest_first.iter().map(String::as_str).collect::<Vec<_>>());
    let yearly_row = &rows[0];
    assert_eq!(
        (yearly_row[3], yearly_row[4], yearly_row[5], yearly_row[7]),
        ("Microsoft 365 Business Standard", "yearly", "5", "cancelled")
    );
    assert_eq!((yearly_row[12], yearly_row[13], yearly_row[14]), ("150.00", "750.00", "USD"));
    let basic_row = &rows[1];
    assert_eq!((basic_row[4], basic_row[5], basic_row[12], basic_row[13]), ("monthly", "4", "7.20", "28.80"));
    assert!(!text.contains(&theirs));

    let res = app.get("/api/v1/me/subscriptions.csv?status=cancelled", Some(&fl.access_token)).await;
    let text = res.text().await.unwrap();
    assert_eq!(text.split("\r\n").filter(|l| !l.is_empty()).count(), 2);
    assert!(text.contains(&yearly));
}
