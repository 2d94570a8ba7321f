//! State changes under concurrency: many requests fired at one transition at once must
//! leave exactly one winner, one email and one audit entry. These races only show on
//! PostgreSQL (READ COMMITTED runs the requests side by side; SQLite serialises
//! writers), so run them with `TEST_DATABASE_URL` as well as on SQLite.

use diesel::prelude::*;
use futures_util::future::join_all;
use reqwest::Response;
use serde_json::{json, Value};

use partner_hub::db::schema::{applications, audit_log, email_outbox, freelancers};

use crate::helpers::{application_body, Session, TestApp};

/// How many of `responses` had `status`, and the `code` of every other one.
async fn tally(responses: Vec<Response>, status: u16) -> (usize, Vec<(u16, String)>) {
    let mut wins = 0;
    let mut others = Vec::new();
    for res in responses {
        let code = res.status().as_u16();
        if code == status {
            wins += 1;
        } else {
            let body: Value = res.json().await.unwrap_or(Value::Null);
            others.push((code, body["code"].as_str().unwrap_or("").to_string()));
        }
    }
    (wins, others)
}

fn all_conflicts(others: &[(u16, String)], code: &str) {
    assert!(others.iter().all(|(s, c)| *s == 409 && c == code), "every loser gets 409 {code}: {others:?}");
}

async fn outbox_count(app: &TestApp, templates: &'static [&'static str]) -> i64 {
    app.db(move |conn| Ok(email_outbox::table.filter(email_outbox::template.eq_any(templates)).count().get_result::<i64>(conn)?)).await
}

async fn audit_count(app: &TestApp, actions: &'static [&'static str], subject_id: &str) -> i64 {
    let subject = subject_id.to_string();
    app.db(move |conn| {
        Ok(audit_log::table
            .filter(audit_log::action.eq_any(actions).and(audit_log::subject_id.eq(subject)))
            .count()
            .get_result::<i64>(conn)?)
    })
    .await
}

async fn freelancer_id(app: &TestApp, s: &Session) -> String {
    let me: Value = app.get("/api/v1/me", Some(&s.access_token)).await.json().await.unwrap();
    me["freelancer"]["id"].as_str().unwrap().to_string()
}

#[actix_web::test]
async fn approve_and_reject_fired_together_have_one_winner() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let s = app.freelancer().await;
    let id = app.apply(&s, "DE").await;

    let approve = format!("/api/v1/admin/applications/{id}/approve");
    let reject = format!("/api/v1/admin/applications/{id}/reject");
    let t = Some(support.access_token.as_str());
    let requests = (0..40).map(|i| {
        if i % 2 == 0 {
            app.post(&approve, json!({}), t)
        } else {
            app.post(&reject, json!({"reason": "needs_more_detail"}), t)
        }
    });
    let (wins, others) = tally(join_all(requests).await, 200).await;
    assert_eq!(wins, 1, "exactly one decision: {others:?}");
    all_conflicts(&others, "invalid_status");

    assert_eq!(outbox_count(&app, &["application_approved", "application_rejected"]).await, 1, "one decision email");
    assert_eq!(audit_count(&app, &["application.approved", "application.rejected"], &id).await, 1, "one audit entry");
    // The freelancer follows the one decision that was made.
    let mine: Value = app.get("/api/v1/me/application", Some(&s.access_token)).await.json().await.unwrap();
    let me: Value = app.get("/api/v1/me", Some(&s.access_token)).await.json().await.unwrap();
    assert!(mine["status"] == "approved" || mine["status"] == "rejected", "{mine}");
    assert_eq!(me["freelancer"]["status"], mine["status"]);
    assert_eq!(mine["decision"]["outcome"], mine["status"]);
}

#[actix_web::test]
async fn concurrent_applications_by_one_freelancer_open_one() {
    let app = TestApp::spawn().await;
    let s = app.freelancer().await;
    let t = Some(s.access_token.as_str());
    let responses = join_all((0..20).map(|_| app.post("/api/v1/applications", application_body("DE"), t))).await;
    let (wins, others) = tally(responses, 201).await;
    assert_eq!(wins, 1, "one application: {others:?}");
    all_conflicts(&others, "application_open");

    let fl = freelancer_id(&app, &s).await;
    let f = fl.clone();
    let rows: i64 = app.db(move |conn| Ok(applications::table.filter(applications::freelancer_id.eq(f)).count().get_result(conn)?)).await;
    assert_eq!(rows, 1);
    assert_eq!(outbox_count(&app, &["application_received"]).await, 1);
    let submitted: i64 =
        app.db(|conn| Ok(audit_log::table.filter(audit_log::action.eq("application.submitted")).count().get_result(conn)?)).await;
    assert_eq!(submitted, 1);

    // Once approved, concurrent re-applications all fail and open nothing.
    let support = app.support().await;
    let mine: Value = app.get("/api/v1/me/application", t).await.json().await.unwrap();
    let res = app
        .post(&format!("/api/v1/admin/applications/{}/approve", mine["id"].as_str().unwrap()), json!({}), Some(&support.access_token))
        .await;
    assert_eq!(res.status(), 200);
    let responses = join_all((0..20).map(|_| app.post("/api/v1/applications", application_body("DE"), t))).await;
    let (wins, others) = tally(responses, 201).await;
    assert_eq!(wins, 0);
    all_conflicts(&others, "already_approved");
}

#[actix_web::test]
async fn the_database_refuses_a_second_open_application() {
    // The partial unique index holds even for a writer that skips the service's guard.
    let app = TestApp::spawn().await;
    let s = app.freelancer().await;
    let id = app.apply(&s, "DE").await;
    let refused = app
        .db(move |conn| {
            let copy = format!(
                "INSERT INTO applications (id, freelancer_id, invitation_id, status, m365_experience, us_clients_served, certifications, country, motivation, links, created_at, updated_at) \
                 SELECT 'app_second', freelancer_id, invitation_id, 'appealed', m365_experience, us_clients_served, certifications, country, motivation, links, created_at, updated_at \
                 FROM applications WHERE id = '{id}'"
            );
            let err = diesel::sql_query(copy).execute(conn).unwrap_err();
            Ok(partner_hub::db::constraint::is_unique_violation(
                &err,
                &partner_hub::applications::store::ONE_OPEN_KEY,
            ))
        })
        .await;
    assert!(refused, "a second open application is a unique violation of applications_one_open");
    // And an unknown status is refused by the CHECK.
    let checked = app.db(|conn| Ok(diesel::sql_query("UPDATE applications SET status = 'on_hold'").execute(conn).is_err())).await;
    assert!(checked, "the CHECK on applications.status refuses unknown values");
}

#[actix_web::test]
async fn concurrent_appeals_and_decisions_have_one_winner() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let s = app.freelancer().await;
    let application = app.apply(&s, "DE").await;
    let res = app
        .post(
            &format!("/api/v1/admin/applications/{application}/reject"),
            json!({"reason": "not_the_right_fit"}),
            Some(&support.access_token),
        )
        .await;
    assert_eq!(res.status(), 200);

    // 20 appeals of the one rejection at once: one is opened.
    let body = json!({"subject_type": "application", "subject_id": application, "explanation": "I serve twelve US clients; the list is on my portfolio page."});
    let t = Some(s.access_token.as_str());
    let (wins, others) = tally(join_all((0..20).map(|_| app.post("/api/v1/appeals", body.clone(), t))).await, 201).await;
    assert_eq!(wins, 1, "one appeal: {others:?}");
    all_conflicts(&others, "appeal_open");
    assert_eq!(outbox_count(&app, &["appeal_received"]).await, 1);
    let appeals: Value = app.get("/api/v1/me/appeals", t).await.json().await.unwrap();
    let id = appeals["data"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(appeals["data"].as_array().unwrap().len(), 1);

    // 20 reviewers take it at once: one moves it.
    let staff = Some(support.access_token.as_str());
    let review = format!("/api/v1/admin/appeals/{id}/review");
    let (wins, others) = tally(join_all((0..20).map(|_| app.post(&review, json!({}), staff))).await, 200).await;
    assert_eq!(wins, 1, "one review start: {others:?}");
    all_conflicts(&others, "invalid_status");
    assert_eq!(audit_count(&app, &["appeal.in_review"], &id).await, 1);

    // 10 uphold and 10 deny at once: one decision.
    let decide = format!("/api/v1/admin/appeals/{id}/decide");
    let requests = (0..20).map(|i| {
        let decision = if i % 2 == 0 { "upheld" } else { "denied" };
        app.post(&decide, json!({"decision": decision, "note": "Decided after a second look."}), staff)
    });
    let (wins, others) = tally(join_all(requests).await, 200).await;
    assert_eq!(wins, 1, "one decision: {others:?}");
    all_conflicts(&others, "invalid_status");
    assert_eq!(outbox_count(&app, &["appeal_decided"]).await, 1, "one decision email");
    assert_eq!(audit_count(&app, &["appeal.upheld", "appeal.denied"], &id).await, 1, "one audit entry");

    // The application and the freelancer follow the one verdict.
    let appeal: Value = app.get(&format!("/api/v1/admin/appeals/{id}"), staff).await.json().await.unwrap();
    let mine: Value = app.get("/api/v1/me/application", t).await.json().await.unwrap();
    let me: Value = app.get("/api/v1/me", t).await.json().await.unwrap();
    let expected = if appeal["status"] == "upheld" { "approved" } else { "rejected" };
    assert_eq!(mine["status"], expected, "{appeal}");
    assert_eq!(me["freelancer"]["status"], expected);
    let approvals = audit_count(&app, &["application.approved"], &application).await;
    assert_eq!(approvals, if expected == "approved" { 1 } else { 0 });
}

async fn set_tier(app: &TestApp, token: &str, fl: &str, tier: &str) -> Response {
    app.client
        .put(app.url(&format!("/api/v1/admin/freelancers/{fl}/tier")))
        .bearer_auth(token)
        .json(&json!({"tier": tier}))
        .send()
        .await
        .unwrap()
}

/// The tier-change audit entries as (before, after) pairs.
async fn tier_changes(app: &TestApp, fl: &str) -> Vec<(String, String)> {
    let subject = fl.to_string();
    let rows: Vec<(Option<String>, Option<String>)> = app
        .db(move |conn| {
            Ok(audit_log::table
                .filter(audit_log::action.eq("freelancer.tier_changed").and(audit_log::subject_id.eq(subject)))
                .select((audit_log::before_json, audit_log::after_json))
                .load(conn)?)
        })
        .await;
    rows.into_iter()
        .map(|(b, a)| {
            let tier = |j: Option<String>| serde_json::from_str::<Value>(&j.unwrap()).unwrap()["tier"].as_str().unwrap().to_string();
            (tier(b), tier(a))
        })
        .collect()
}

#[actix_web::test]
async fn concurrent_tier_changes_leave_one_audited_chain() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let s = app.approved_freelancer().await;
    let fl = freelancer_id(&app, &s).await;

    // The same change 20 times at once: one effective change, one entry, one email.
    let responses = join_all((0..20).map(|_| set_tier(&app, &support.access_token, &fl, "top_rated"))).await;
    assert!(responses.iter().all(|r| r.status() == 200));
    assert_eq!(tier_changes(&app, &fl).await, vec![("standard".to_string(), "top_rated".to_string())]);
    assert_eq!(outbox_count(&app, &["tier_changed"]).await, 1);

    // Two different changes 10 times each: every entry starts where the previous one
    // ended, so the entries form one path from top_rated to the final tier.
    let requests = (0..20).map(|i| set_tier(&app, &support.access_token, &fl, if i % 2 == 0 { "pro" } else { "standard" }));
    assert!(join_all(requests).await.iter().all(|r| r.status() == 200));
    let f = fl.clone();
    let final_tier: String = app.db(move |conn| Ok(freelancers::table.find(f).select(freelancers::tier).first(conn)?)).await;
    let changes = tier_changes(&app, &fl).await;
    assert!(changes.iter().all(|(b, a)| b != a), "only effective changes are audited: {changes:?}");
    for tier in ["standard", "top_rated", "pro"] {
        let out = changes.iter().filter(|(b, _)| b == tier).count() as i64;
        let into = changes.iter().filter(|(_, a)| a == tier).count() as i64;
        let expected = i64::from(tier == "standard") - i64::from(tier == final_tier);
        assert_eq!(out - into, expected, "a broken chain at {tier}: {changes:?} ending at {final_tier}");
    }
    assert_eq!(outbox_count(&app, &["tier_changed"]).await, changes.len() as i64, "one email per effective change");
    let detail: Value = app.get(&format!("/api/v1/admin/freelancers/{fl}"), Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(detail["tier"], final_tier);
}

/// An approved freelancer (DE) with a complete profile and the current terms accepted.
pub async fn eligible_freelancer(app: &TestApp) -> Session {
    let s = app.approved_freelancer().await;
    let profile = json!({
        "personal": {"full_name": "Ana Lima", "display_name": format!("ana_{}", &s.user_id[4..12]), "description": "IT for small firms", "languages": ["German"], "country": "DE"},
        "business": {"occupation": "IT consultant", "skills": ["Microsoft 365"], "education": [], "certifications": ["MS-102"]}
    });
    let res = app.client.put(app.url("/api/v1/me/profile")).bearer_auth(&s.access_token).json(&profile).send().await.unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let terms: Value = app.get("/api/v1/terms/current", None).await.json().await.unwrap();
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": terms["version"]}), Some(&s.access_token)).await;
    assert_eq!(res.status(), 201);
    s
}

#[actix_web::test]
async fn concurrent_eligibility_refreshes_issue_one_referral_code() {
    let app = TestApp::spawn().await;
    let s = eligible_freelancer(&app).await;
    let fl = freelancer_id(&app, &s).await;
    // Take the code back, as if eligibility had completed on a path that missed it: the
    // next refreshes race to issue one.
    let f = fl.clone();
    app.db(move |conn| {
        diesel::update(freelancers::table.find(&f))
            .set((freelancers::referral_code.eq(None::<String>), freelancers::eligible_since.eq(None::<chrono::NaiveDateTime>)))
            .execute(conn)?;
        diesel::delete(audit_log::table.filter(audit_log::action.eq("freelancer.became_eligible"))).execute(conn)?;
        Ok(())
    })
    .await;

    let responses = join_all((0..20).map(|_| app.get("/api/v1/me/dashboard", Some(&s.access_token)))).await;
    let mut codes = Vec::new();
    for res in responses {
        assert_eq!(res.status(), 200);
        let dash: Value = res.json().await.unwrap();
        codes.push(dash["referral_code"].as_str().unwrap().to_string());
    }
    let f = fl.clone();
    let stored: Option<String> = app.db(move |conn| Ok(freelancers::table.find(f).select(freelancers::referral_code).first(conn)?)).await;
    let stored = stored.expect("a code was issued");
    assert!(codes.iter().all(|c| *c == stored), "every refresh saw the one code: {codes:?}");
    assert_eq!(audit_count(&app, &["freelancer.became_eligible"], &fl).await, 1);
}

#[actix_web::test]
async fn a_colliding_referral_code_is_recognised_for_a_retry() {
    // The unique index on referral codes is recognised on both engines, so `refresh`
    // retries a colliding code instead of failing.
    let app = TestApp::spawn().await;
    let a = eligible_freelancer(&app).await;
    let b = app.approved_freelancer().await;
    let (fa, fb) = (freelancer_id(&app, &a).await, freelancer_id(&app, &b).await);
    let collided = app
        .db(move |conn| {
            let code: Option<String> = freelancers::table.find(&fa).select(freelancers::referral_code).first(conn)?;
            let now = chrono::Utc::now().naive_utc();
            let err = conn
                .transaction(|c| partner_hub::freelancers::store::issue_referral_code(c, &fb, code.as_deref().unwrap(), now))
                .unwrap_err();
            Ok(partner_hub::db::constraint::is_unique_violation(&err, &partner_hub::freelancers::store::REFERRAL_CODE_KEY))
        })
        .await;
    assert!(collided);
}

async fn patch_plan(app: &TestApp, token: &str, id: &str, body: Value) -> Response {
    app.client.patch(app.url(&format!("/api/v1/admin/plans/{id}"))).bearer_auth(token).json(&body).send().await.unwrap()
}

#[actix_web::test]
async fn concurrent_plan_changes_cannot_together_break_the_yearly_rule() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let t = support.access_token.as_str();
    let id = "pln_m365_business_basic";
    for _ in 0..5 {
        // From 720/7200: monthly 610 alone is fine (12 × 610 = 7320 > 7200), yearly 8000
        // alone is fine (8640 > 8000); both together are not (7320 < 8000).
        assert_eq!(patch_plan(&app, t, id, json!({"monthly_price_cents": 720, "yearly_price_cents": 7200})).await.status(), 200);
        let (a, b) = futures_util::join!(
            patch_plan(&app, t, id, json!({"monthly_price_cents": 610})),
            patch_plan(&app, t, id, json!({"yearly_price_cents": 8000})),
        );
        let mut statuses = [a.status().as_u16(), b.status().as_u16()];
        statuses.sort();
        assert_eq!(statuses, [200, 422], "one change wins, the other is checked against it");
        let plan: (i64, i64) = app
            .db(move |conn| {
                use partner_hub::db::schema::plans;
                Ok(plans::table.find(id).select((plans::monthly_price_cents, plans::yearly_price_cents)).first(conn)?)
            })
            .await;
        assert!(plan.1 < plan.0 * 12, "the rule holds: {plan:?}");
    }
}

#[actix_web::test]
async fn concurrent_tax_rate_changes_leave_one_row_and_an_audited_chain() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let t = support.access_token.as_str();
    let requests = (0..20).map(|i| {
        let body = json!({"rate_bps": 1000 + i, "label": "USt."});
        app.client.put(app.url("/api/v1/admin/tax-rates/DE")).bearer_auth(t).json(&body).send()
    });
    let (wins, others) = tally(join_all(requests).await.into_iter().map(Result::unwrap).collect(), 200).await;
    assert_eq!(wins, 20, "{others:?}");
    let rates: Value = app.get("/api/v1/admin/tax-rates", Some(t)).await.json().await.unwrap();
    assert_eq!(rates["data"].as_array().unwrap().len(), 1);
    let last = rates["data"][0]["rate_bps"].as_i64().unwrap();
    // Each change's `before` is the rate the one before it left: one chain, ending in the row.
    let entries: Vec<(Option<String>, Option<String>)> = app
        .db(|conn| {
            Ok(audit_log::table
                .filter(audit_log::action.eq("tax_rate.changed"))
                .order((audit_log::created_at.asc(), audit_log::id.asc()))
                .select((audit_log::before_json, audit_log::after_json))
                .load(conn)?)
        })
        .await;
    assert_eq!(entries.len(), 20);
    let rate = |j: &Option<String>| j.as_ref().map(|s| serde_json::from_str::<Value>(s).unwrap()["rate_bps"].as_i64().unwrap());
    let befores: std::collections::BTreeSet<Option<i64>> = entries.iter().map(|(b, _)| rate(b)).collect();
    let afters: std::collections::BTreeSet<Option<i64>> = entries.iter().map(|(_, a)| rate(a)).collect();
    assert_eq!(befores.iter().filter(|b| b.is_none()).count(), 1, "one change created the row");
    let mut chained: std::collections::BTreeSet<Option<i64>> = afters.clone();
    chained.remove(&Some(last));
    chained.insert(None);
    assert_eq!(befores, chained, "every change replaced the one before it");
}

// ---- Subscriptions (issue 8): cancellations, seat increases and the renewals job.

#[actix_web::test]
async fn concurrent_cancellations_refund_once_with_one_credit_note() {
    use crate::subscriptions::{invoices_of, payments_of};
    let app = TestApp::spawn().await;
    let client = app.customer().await;
    let id = app.subscription(&client).seats(4).create().await;
    let path = format!("/api/v1/subscriptions/{id}/cancel");
    let t = Some(client.access_token.as_str());
    let (wins, others) = tally(join_all((0..20).map(|_| app.post(&path, json!({}), t))).await, 200).await;
    assert_eq!(wins, 1, "one cancellation: {others:?}");
    all_conflicts(&others, "invalid_status");
    let notes: Vec<_> = invoices_of(&app, &id).await.into_iter().filter(|i| i.1 == "credit_note").collect();
    assert_eq!(notes.len(), 1, "one credit note");
    let refunds = payments_of(&app, &id).await.into_iter().filter(|p| p.0 == "refund").count();
    assert_eq!(refunds, 1, "one refund");
    assert_eq!(outbox_count(&app, &["subscription_cancelled"]).await, 1);
    assert_eq!(audit_count(&app, &["subscription.cancelled"], &id).await, 1);
}

#[actix_web::test]
async fn concurrent_seat_increases_from_the_same_count_apply_and_charge_once() {
    use crate::subscriptions::{invoices_of, payments_of};
    let app = TestApp::spawn().await;
    let client = app.customer().await;
    let id = app.subscription(&client).seats(2).create().await;
    let url = app.url(&format!("/api/v1/subscriptions/{id}"));
    let requests = (0..20).map(|_| app.client.patch(&url).bearer_auth(&client.access_token).json(&json!({"seats": 5})).send());
    let mut others = Vec::new();
    for res in join_all(requests).await.into_iter().map(|r| r.unwrap()) {
        let status = res.status().as_u16();
        let body: Value = res.json().await.unwrap();
        if status == 200 {
            assert_eq!(body["seats"], 5);
        } else {
            others.push((status, body["code"].as_str().unwrap_or("").to_string()));
        }
    }
    // One request applies the change; the others lose the conditional update (409), or
    // come after it and find nothing left to do (200, nothing charged).
    all_conflicts(&others, "seats_changed");
    let invoices = invoices_of(&app, &id).await;
    assert_eq!(invoices.len(), 2, "the purchase and one prorated invoice: {invoices:?}");
    let pays = payments_of(&app, &id).await;
    assert_eq!(pays.iter().filter(|p| p.0 == "seat_increase").count(), 1, "charged once: {pays:?}");
    assert_eq!(pays.iter().filter(|p| p.0 == "refund").count(), 0, "{pays:?}");
    assert_eq!(outbox_count(&app, &["subscription_seats_changed"]).await, 1);
    assert_eq!(audit_count(&app, &["subscription.seats_changed"], &id).await, 1);
}

#[actix_web::test]
async fn three_concurrent_renewal_runs_renew_each_subscription_once() {
    use crate::subscriptions::{advance, invoices_of};
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.customer().await;
    let mut ids = Vec::new();
    for seats in 1..=6 {
        ids.push(app.subscription(&client).seats(seats).create().await);
    }
    advance(&app, &admin, 32, 0).await;
    let path = "/api/v1/admin/jobs/renewals/run";
    let t = Some(admin.access_token.as_str());
    let runs = join_all((0..3).map(|_| app.post(path, json!({}), t))).await;
    let mut processed = 0;
    for res in runs {
        assert_eq!(res.status(), 200);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["failed"], 0, "{body}");
        processed += body["processed"].as_i64().unwrap();
    }
    assert_eq!(processed, 6, "each subscription handled by one run");
    for id in &ids {
        assert_eq!(invoices_of(&app, id).await.len(), 2, "one renewal invoice for {id}");
        assert_eq!(audit_count(&app, &["subscription.renewed"], id).await, 1);
    }
    assert_eq!(outbox_count(&app, &["subscription_renewed"]).await, 6);
}

/// 200 checkouts at once with ONE Idempotency-Key: one charge's worth of rows and
/// emails; every 201 is the same bytes, every other answer 409 in use; replays after
/// completion are the same bytes too.
#[actix_web::test]
async fn two_hundred_checkouts_with_one_key_create_one_order() {
    use crate::checkout::{checkout, counts, purchase};
    let app = TestApp::spawn().await;
    let (_, _, code) = app.eligible_freelancer().await;
    let client = app.customer().await;
    let body = purchase(Some(&code), "pm_card_visa");
    let responses = join_all((0..200).map(|_| checkout(&app, &client, Some("one-key-for-all"), &body))).await;
    let mut created = Vec::new();
    let mut others = Vec::new();
    for res in responses {
        let status = res.status().as_u16();
        let text = res.text().await.unwrap();
        if status == 201 {
            created.push(text);
        } else {
            let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            others.push((status, v["code"].as_str().unwrap_or("").to_string()));
        }
    }
    assert!(!created.is_empty(), "one request won: {others:?}");
    assert!(created.iter().all(|c| *c == created[0]), "every 201 is the first response");
    all_conflicts(&others, "idempotency_key_in_use");
    assert_eq!(counts(&app).await, [1, 1, 1, 1, 1], "payment, order, subscription, invoice, event");
    assert_eq!(outbox_count(&app, &["order_confirmation"]).await, 1);
    assert_eq!(outbox_count(&app, &["sale_notification"]).await, 1);
    let replays = join_all((0..20).map(|_| checkout(&app, &client, Some("one-key-for-all"), &body))).await;
    for res in replays {
        assert_eq!(res.status(), 201);
        assert_eq!(res.text().await.unwrap(), created[0]);
    }
}

/// 50 checkouts at once with 50 keys: 50 invoices numbered 1..50 of the year, no gap,
/// no duplicate.
#[actix_web::test]
async fn fifty_concurrent_checkouts_number_their_invoices_without_gaps() {
    use crate::checkout::{checkout, purchase};
    use partner_hub::db::schema::invoices;
    let app = TestApp::spawn().await;
    let client = app.customer().await;
    let body = purchase(None, "pm_card_visa");
    let keys: Vec<String> = (0..50).map(|i| format!("key-{i}")).collect();
    let responses = join_all(keys.iter().map(|k| checkout(&app, &client, Some(k), &body))).await;
    let (wins, others) = tally(responses, 201).await;
    assert_eq!(wins, 50, "{others:?}");
    let mut seqs: Vec<(i32, i32, String)> =
        app.db(|conn| Ok(invoices::table.select((invoices::year, invoices::seq, invoices::number)).load(conn)?)).await;
    seqs.sort();
    let year = chrono::Datelike::year(&app.state.clock.now_naive());
    let expected: Vec<(i32, i32, String)> = (1..=50).map(|n| (year, n, format!("{year}-{n:06}"))).collect();
    assert_eq!(seqs, expected);
}
