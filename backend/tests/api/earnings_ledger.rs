//! The ledger's posting rules over HTTP with the manual clock: a sale's commission waits
//! for the activation, clears after 14 days (7 for Top Rated), a cancellation in the
//! window reverses it, seat increases and renewals earn their own commissions, a tier
//! change re-times pending ones, a refund of an available commission is a clawback; the
//! emails go out in the freelancer's language and `ledger verify` passes after each step.

use chrono::{Duration, NaiveDateTime};
use serde_json::{json, Value};

use partner_hub::domain::earnings::{EarningKind, EarningStatus};
use partner_hub::earnings::ledger::{Delta, EntryRow};

use crate::commerce_journey::{account_to_partnership, checkout};
use crate::helpers::{Session, TestApp};
use crate::subscriptions::{advance, body, invoices_of, mails_to, patch, run_renewals};

const STANDARD: &str = "pln_m365_business_standard";

/// `GET /admin/ledger/verify` is ok (and so is the CLI's check, which is the same function).
pub async fn verify_ok(app: &TestApp, staff: &Session, step: &str) {
    let report = body(app.get("/api/v1/admin/ledger/verify", Some(&staff.access_token)).await, 200).await;
    assert_eq!(report["ok"], true, "ledger verify after {step}: {report}");
    assert_eq!(report["violations"], json!([]), "after {step}");
    assert!(report["checked_at"].is_string());
}

pub async fn balances(app: &TestApp, fl_id: &str) -> Delta {
    let id = fl_id.to_string();
    app.db(move |conn| partner_hub::earnings::ledger::balances_in(conn, &id)).await
}

/// The freelancer's entries, oldest first.
pub async fn entries_of(app: &TestApp, fl_id: &str) -> Vec<EntryRow> {
    use diesel::prelude::*;
    use partner_hub::db::schema::earning_entries;
    let id = fl_id.to_string();
    app.db(move |conn| {
        Ok(earning_entries::table
            .filter(earning_entries::freelancer_id.eq(id))
            .order((earning_entries::created_at.asc(), earning_entries::id.asc()))
            .select(EntryRow::as_select())
            .load(conn)?)
    })
    .await
}

pub async fn run_clearing(app: &TestApp, staff: &Session) -> i64 {
    let run = body(app.post("/api/v1/admin/jobs/clearing/run", json!({}), Some(&staff.access_token)).await, 200).await;
    assert_eq!(run["outcome"], "succeeded", "{run}");
    run["processed"].as_i64().unwrap()
}

pub async fn rate_of(app: &TestApp, plan_id: &str) -> i64 {
    let id = plan_id.to_string();
    app.db(move |conn| Ok(partner_hub::catalog::service::plan_in(conn, &id)?.expect("plan").commission_rate_bps as i64)).await
}

pub async fn set_tier(app: &TestApp, staff: &Session, fl_id: &str, tier: &str) {
    let res = app
        .client
        .put(app.url(&format!("/api/v1/admin/freelancers/{fl_id}/tier")))
        .bearer_auth(&staff.access_token)
        .json(&json!({"tier": tier}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "tier {tier}");
}

fn commission(base: i64, rate: i64) -> i64 {
    (base * rate + 5_000) / 10_000
}

/// A client buys `seats` yearly seats of Business Standard through `code`; with `domain`
/// the account is set up and the partnership accepted (the subscription becomes active).
async fn sale(app: &TestApp, support: &Session, code: &str, seats: i64, domain: Option<&str>) -> (Session, String) {
    let client = app.customer().await;
    let body =
        json!({"plan_id": STANDARD, "billing_term": "yearly", "seats": seats, "referral_code": code, "payment_method": "pm_card_visa"});
    let bought = checkout(app, &client, body).await;
    let id = bought["subscription"]["id"].as_str().unwrap().to_string();
    if let Some(domain) = domain {
        account_to_partnership(app, &client, support, domain).await;
    }
    (client, id)
}

fn commissions(entries: &[EntryRow]) -> Vec<&EntryRow> {
    entries.iter().filter(|e| e.kind == EarningKind::Commission).collect()
}

#[actix_web::test]
async fn a_standard_sale_clears_on_day_14_a_top_rated_one_on_day_7_and_a_cancelled_one_never() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let support = app.support().await;
    let (fl, fl_id, code) = app.eligible_freelancer().await;
    verify_ok(&app, &support, "start").await;
    let rate = rate_of(&app, STANDARD).await;
    let earned = commission(5 * 15_000, rate);
    assert!(earned > 0);

    // Bought: the commission is pending at once and waits for the activation.
    let client = app.customer().await;
    let body_ = json!({"plan_id": STANDARD, "billing_term": "yearly", "seats": 5, "referral_code": code, "payment_method": "pm_card_visa"});
    let bought = checkout(&app, &client, body_).await;
    let e = entries_of(&app, &fl_id).await;
    assert_eq!(e.len(), 1);
    assert_eq!((e[0].kind, e[0].status, e[0].amount_cents), (EarningKind::Commission, EarningStatus::Pending, earned));
    assert_eq!(e[0].invoice_id.as_deref(), bought["invoice"]["id"].as_str());
    assert_eq!((e[0].rate_bps, e[0].base_cents), (Some(rate as i32), Some(5 * 15_000)));
    assert!(e[0].clearing_starts_at.is_none() && e[0].available_at.is_none(), "waits for the activation");
    assert_eq!(balances(&app, &fl_id).await, Delta { pending: earned, since_joining: earned, ..Delta::default() });
    verify_ok(&app, &support, "the sale").await;

    // Activated: 14 days from the activation (the 7-day window ends before).
    account_to_partnership(&app, &client, &support, "ledgerclient").await;
    let e = entries_of(&app, &fl_id).await;
    let start = e[0].clearing_starts_at.expect("clearing started at the activation");
    assert_eq!(e[0].available_at, Some(start + Duration::days(14)));
    assert!(e[0].window_ends_at.unwrap() < start + Duration::days(14));
    verify_ok(&app, &support, "the activation").await;

    // Day 13: still pending after clearing runs.
    crate::commerce_journey::advance(&app, &admin, 13).await;
    assert_eq!(run_clearing(&app, &admin).await, 0);
    assert_eq!(balances(&app, &fl_id).await, Delta { pending: earned, since_joining: earned, ..Delta::default() });
    verify_ok(&app, &support, "day 13").await;

    // Day 14: available; a second run finds nothing.
    crate::commerce_journey::advance(&app, &admin, 1).await;
    assert_eq!(run_clearing(&app, &admin).await, 1);
    assert_eq!(balances(&app, &fl_id).await, Delta { available: earned, since_joining: earned, ..Delta::default() });
    let e = entries_of(&app, &fl_id).await;
    assert_eq!(e[0].status, EarningStatus::Available);
    assert!(e[0].cleared_at.is_some());
    assert_eq!(run_clearing(&app, &admin).await, 0);
    verify_ok(&app, &support, "day 14").await;

    // A Top Rated freelancer's sale is available on day 7.
    let (_top, top_id, top_code) = app.eligible_freelancer().await;
    set_tier(&app, &support, &top_id, "top_rated").await;
    sale(&app, &support, &top_code, 1, Some("topledger")).await;
    let one_seat = commission(15_000, rate);
    crate::commerce_journey::advance(&app, &admin, 6).await;
    run_clearing(&app, &admin).await;
    assert_eq!(balances(&app, &top_id).await.available, 0, "day 6");
    crate::commerce_journey::advance(&app, &admin, 1).await;
    run_clearing(&app, &admin).await;
    assert_eq!(balances(&app, &top_id).await, Delta { available: one_seat, since_joining: one_seat, ..Delta::default() }, "day 7");
    verify_ok(&app, &support, "top rated day 7").await;

    // A sale cancelled on day 3: reversed at once, never available.
    let (client, sub_id) = sale(&app, &support, &code, 2, Some("cancelledledger")).await;
    assert_eq!(balances(&app, &fl_id).await.pending, 2 * one_seat);
    crate::commerce_journey::advance(&app, &admin, 3).await;
    let res = app.post(&format!("/api/v1/subscriptions/{sub_id}/cancel"), json!({}), Some(&client.access_token)).await;
    assert_eq!(res.status(), 200, "cancel");
    assert_eq!(balances(&app, &fl_id).await, Delta { available: earned, since_joining: earned, ..Delta::default() });
    let e = entries_of(&app, &fl_id).await;
    let reversed = e.iter().find(|x| x.subscription_id.as_deref() == Some(&sub_id) && x.kind == EarningKind::Commission).unwrap();
    assert_eq!(reversed.status, EarningStatus::Reversed);
    assert!(reversed.reversed_at.is_some());
    let reversal = e.iter().find(|x| x.kind == EarningKind::Reversal).expect("a reversal entry");
    assert_eq!(reversal.reverses_entry_id.as_deref(), Some(reversed.id.as_str()));
    assert_eq!((reversal.amount_cents, reversal.status), (-2 * one_seat, EarningStatus::Reversed));
    assert_eq!(reversal.reason.as_deref(), Some("cancelled within the cancellation window"));
    verify_ok(&app, &support, "the cancellation").await;
    crate::commerce_journey::advance(&app, &admin, 20).await;
    run_clearing(&app, &admin).await;
    assert_eq!(balances(&app, &fl_id).await.available, earned, "the reversed sale never becomes available");
    verify_ok(&app, &support, "after the cancelled sale's clearing date").await;

    // The audit log has the reversal; the freelancer had an email for each step.
    let audit = body(app.get("/api/v1/admin/audit-log?action=earning.reversed", Some(&admin.access_token)).await, 200).await;
    assert_eq!(audit["data"][0]["subject_id"], reversed.id.as_str(), "{audit}");
    assert_eq!(mails_to(&app, &fl.email, "commission_earned").await.len(), 2);
    assert_eq!(mails_to(&app, &fl.email, "commission_available").await.len(), 1);
    let reversed_mail = mails_to(&app, &fl.email, "commission_reversed").await;
    assert_eq!(reversed_mail.len(), 1);
    assert!(reversed_mail[0].contains("cancellation window") && reversed_mail[0].contains("reversed"), "{}", reversed_mail[0]);
}

#[actix_web::test]
async fn seat_increases_and_renewals_earn_their_own_commissions_and_replays_pay_nothing_twice() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let (fl, fl_id, _) = app.eligible_freelancer().await;
    let res = patch(&app, "/api/v1/me", json!({"locale": "de"}), &fl.access_token).await;
    assert_eq!(res.status(), 200);
    let client = app.customer().await;
    let id = app.subscription(&client).referred_by(&fl_id).seats(2).create().await;
    let rate = rate_of(&app, STANDARD).await;

    crate::commerce_journey::advance(&app, &admin, 2).await;
    let res = patch(&app, &format!("/api/v1/subscriptions/{id}"), json!({"seats": 4}), &client.access_token).await;
    assert_eq!(res.status(), 200, "seats up");
    advance(&app, &admin, 31, 1).await;
    let run = run_renewals(&app, &admin).await;
    assert_eq!(run["processed"], 1, "{run}");

    // One commission per paid invoice: purchase, seat increase, renewal.
    let invoices: Vec<(String, i64)> = {
        let id = id.clone();
        app.db(move |conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::invoices;
            Ok(invoices::table
                .filter(invoices::subscription_id.eq(id))
                .order((invoices::issued_at.asc(), invoices::seq.asc()))
                .select((invoices::id, invoices::subtotal_cents))
                .load(conn)?)
        })
        .await
    };
    assert_eq!(invoices.len(), 3, "{:?}", invoices_of(&app, &id).await);
    let e = entries_of(&app, &fl_id).await;
    let c = commissions(&e);
    assert_eq!(c.len(), 3);
    for (entry, (invoice_id, subtotal)) in c.iter().zip(&invoices) {
        assert_eq!(entry.invoice_id.as_ref(), Some(invoice_id));
        assert_eq!(entry.base_cents, Some(*subtotal));
        assert_eq!(entry.amount_cents, commission(*subtotal, rate), "{entry:?}");
        assert_eq!(entry.cause_key, format!("commission:{invoice_id}"));
        // Active subscription: each clears 14 days after its own charge (after the window).
        let start = entry.clearing_starts_at.expect("active: clearing starts at the charge");
        assert_eq!(entry.available_at, Some((start + Duration::days(14)).max(entry.window_ends_at.unwrap())));
    }
    let total: i64 = c.iter().map(|x| x.amount_cents).sum();
    assert_eq!(balances(&app, &fl_id).await, Delta { pending: total, since_joining: total, ..Delta::default() });

    // The purchase and the seat increase are 33 days old: available; the renewal is not.
    assert_eq!(run_clearing(&app, &admin).await, 2);
    assert_eq!(balances(&app, &fl_id).await.pending, c[2].amount_cents);
    verify_ok(&app, &admin, "renewal").await;

    // Replaying every event writes nothing.
    let before = (entries_of(&app, &fl_id).await, balances(&app, &fl_id).await);
    let (st, sub) = (app.state.clone(), id.clone());
    let now = app.state.clock.now_naive();
    app.db(move |conn| {
        partner_hub::earnings::posting::replay_in(conn, &st, &sub, now)?;
        partner_hub::earnings::posting::replay_in(conn, &st, &sub, now)
    })
    .await;
    assert_eq!((entries_of(&app, &fl_id).await, balances(&app, &fl_id).await), before);

    // A self-referral earns nothing, and the ledger still adds up.
    app.subscription(&client).referred_by(&fl_id).self_referral().create().await;
    assert_eq!(entries_of(&app, &fl_id).await.len(), 3);
    verify_ok(&app, &admin, "self-referral").await;

    // The emails are German, as the freelancer chose.
    let earned = mails_to(&app, &fl.email, "commission_earned").await;
    assert_eq!(earned.len(), 3);
    assert!(earned.iter().all(|m| m.contains("Guten Tag") && m.contains("Provision")), "{}", earned[0]);
    let available = mails_to(&app, &fl.email, "commission_available").await;
    assert_eq!(available.len(), 2);
    assert!(available[0].contains("verfügbaren Mitteln"), "{}", available[0]);
}

#[actix_web::test]
async fn a_tier_change_retimes_pending_commissions_and_audits_each() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let support = app.support().await;
    let (_fl, fl_id, _) = app.eligible_freelancer().await;
    let client = app.customer().await;
    let active = app.subscription(&client).referred_by(&fl_id).yearly().create().await;
    let waiting = app.subscription(&client).referred_by(&fl_id).yearly().pending().create().await;
    let e = entries_of(&app, &fl_id).await;
    let of = |e: &[EntryRow], sub: &str| e.iter().find(|x| x.subscription_id.as_deref() == Some(sub)).unwrap().clone();
    let a = of(&e, &active);
    let start: NaiveDateTime = a.clearing_starts_at.unwrap();
    assert_eq!(a.available_at, Some(start + Duration::days(14)));
    assert_eq!(of(&e, &waiting).available_at, None);

    set_tier(&app, &support, &fl_id, "pro").await;
    let e = entries_of(&app, &fl_id).await;
    let seven = (start + Duration::days(7)).max(a.window_ends_at.unwrap());
    assert_eq!(of(&e, &active).available_at, Some(seven), "7 days for Pro, not before the window ends");
    assert_eq!(of(&e, &waiting).available_at, None, "still waiting for its activation");
    let audit = body(app.get("/api/v1/admin/audit-log?action=earning.retimed", Some(&support.access_token)).await, 200).await;
    let rows = audit["data"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{audit}");
    assert_eq!(rows[0]["subject_type"], "earning_entry");
    assert_eq!(rows[0]["subject_id"], a.id.as_str());
    assert_eq!(rows[0]["actor"]["email"], support.email.as_str());
    verify_ok(&app, &support, "re-timing").await;

    // Cleared on day 7; a later change leaves an available entry alone.
    crate::commerce_journey::advance(&app, &admin, 7).await;
    assert_eq!(run_clearing(&app, &support).await, 1);
    set_tier(&app, &support, &fl_id, "standard").await;
    let audit = body(app.get("/api/v1/admin/audit-log?action=earning.retimed", Some(&support.access_token)).await, 200).await;
    assert_eq!(audit["data"].as_array().unwrap().len(), 1);
    assert_eq!(of(&entries_of(&app, &fl_id).await, &active).available_at, Some(seven));
    verify_ok(&app, &support, "tier back").await;
}

#[actix_web::test]
async fn a_refund_of_an_available_commission_is_a_prorated_clawback() {
    use partner_hub::domain::commerce::{SubscriptionEventKind, SubscriptionStatus};
    use partner_hub::invoices::model::NewLine;
    use partner_hub::subscriptions::events::{append_in, NewEvent};

    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let (fl, fl_id, _) = app.eligible_freelancer().await;
    let client = app.customer().await;
    let id = app.subscription(&client).referred_by(&fl_id).yearly().seats(3).create().await;
    crate::commerce_journey::advance(&app, &admin, 15).await;
    assert_eq!(run_clearing(&app, &admin).await, 1);
    let c = entries_of(&app, &fl_id).await.remove(0);
    assert_eq!(c.status, EarningStatus::Available);

    // A refund of a third of the invoice reaches the ledger as a cancellation's credit note
    // (the cancellation window has closed, so no HTTP route does this today).
    let (st, sub, invoice_id) = (app.state.clone(), id.clone(), c.invoice_id.clone().unwrap());
    let now = app.state.clock.now_naive();
    let third = c.base_cents.unwrap() / 3;
    app.db(move |conn| {
        let line = NewLine { description: "Refund".into(), quantity: 1, unit_amount_cents: third, amount_cents: third, period: None };
        let (note, _) = partner_hub::invoices::service::credit_note_in(conn, &invoice_id, None, vec![line], None, now)?;
        let event = NewEvent {
            subscription_id: &sub,
            kind: SubscriptionEventKind::Cancelled,
            status_before: Some(SubscriptionStatus::Active),
            status_after: SubscriptionStatus::Cancelled,
            seats: 3,
            amount_cents: Some(-note.total_cents),
            invoice_id: Some(&note.id),
            actor_id: None,
            data: json!({"credit_notes": [note.id.clone()]}),
        };
        append_in(conn, &st, event, now)?;
        partner_hub::earnings::posting::replay_in(conn, &st, &sub, now)
    })
    .await;

    let clawed = (c.amount_cents * third * 2 + c.base_cents.unwrap()) / (2 * c.base_cents.unwrap());
    let e = entries_of(&app, &fl_id).await;
    assert_eq!(e.len(), 2, "one clawback, even replayed");
    assert_eq!(e[0].status, EarningStatus::Available, "the commission itself stays available");
    assert_eq!((e[1].kind, e[1].status, e[1].amount_cents), (EarningKind::Reversal, EarningStatus::Available, -clawed));
    assert_eq!(e[1].reverses_entry_id.as_deref(), Some(c.id.as_str()));
    let left = c.amount_cents - clawed;
    assert_eq!(balances(&app, &fl_id).await, Delta { available: left, since_joining: left, ..Delta::default() });
    verify_ok(&app, &admin, "clawback").await;
    let mail = mails_to(&app, &fl.email, "commission_reversed").await;
    assert_eq!(mail.len(), 1);
    assert!(mail[0].contains("took back") && mail[0].contains("available funds"), "{}", mail[0]);
}

#[actix_web::test]
async fn verify_reports_a_balances_row_that_differs_from_the_entries() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let (_fl, fl_id, _) = app.eligible_freelancer().await;
    let client = app.customer().await;
    app.subscription(&client).referred_by(&fl_id).create().await;
    verify_ok(&app, &support, "a sale").await;
    let id = fl_id.clone();
    app.db(move |conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::earning_balances;
        diesel::update(earning_balances::table.find(id))
            .set(earning_balances::pending_cents.eq(earning_balances::pending_cents + 1))
            .execute(conn)?;
        Ok(())
    })
    .await;
    let report: Value = body(app.get("/api/v1/admin/ledger/verify", Some(&support.access_token)).await, 200).await;
    assert_eq!(report["ok"], false);
    assert_eq!(report["violations"][0]["code"], "balance_mismatch", "{report}");
    assert_eq!(report["violations"][0]["freelancer_id"], fl_id.as_str());
}

#[actix_web::test]
async fn the_ledger_verify_command_exits_non_zero_on_a_violation() {
    let app = TestApp::spawn().await;
    let (_fl, fl_id, _) = app.eligible_freelancer().await;
    let client = app.customer().await;
    app.subscription(&client).referred_by(&fl_id).create().await;
    let dir = tempfile::tempdir().unwrap();
    let url = app.state.settings.database_url.clone();
    let run = move || {
        let (url, data) = (url.clone(), dir.path().to_path_buf());
        async move {
            let out = actix_web::web::block(move || {
                std::process::Command::new(env!("CARGO_BIN_EXE_partner-hub"))
                    .args(["ledger", "verify"])
                    .env("DATABASE_URL", url)
                    .env("DATA_DIR", &data)
                    .env("EMAIL_OUTBOX_DIR", data.join("outbox"))
                    .env_remove("SMTP_URL")
                    .output()
            })
            .await
            .unwrap()
            .unwrap();
            (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
        }
    };
    let (ok, out, err) = run().await;
    assert!(ok, "{out}{err}");
    assert_eq!(out.trim(), "ledger ok");

    let id = fl_id.clone();
    app.db(move |conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::earning_balances;
        diesel::update(earning_balances::table.find(id)).set(earning_balances::available_cents.eq(7)).execute(conn)?;
        Ok(())
    })
    .await;
    let (ok, out, err) = run().await;
    assert!(!ok, "a violation fails the command: {out}");
    assert!(out.contains("balance_mismatch") && out.contains(&fl_id), "{out}");
    assert!(err.contains("1 violation"), "{err}");
}
