//! The partnership over HTTP: the owner accepts the link, the account becomes active and
//! the pending subscriptions are ordered at Microsoft and activated; outages are retried
//! by the `provisioning` job without losing or repeating an order; concurrent accepts
//! and concurrent job runs each do their work once.

use std::sync::Arc;

use diesel::prelude::*;
use futures_util::future::join_all;
use serde_json::{json, Value};

use partner_hub::db::schema::{audit_log, ms_sandbox_tenants, provisioning_tasks, subscription_events, subscriptions};
use partner_hub::providers::microsoft::sandbox::{FaultMode, SandboxCommerce, SandboxOperation};

use crate::customers::{
    account_body, approve, audit_actions, fresh_name, outbox_count, partnership_token, pending_subscription, submit, tasks,
};
use crate::helpers::{problem, Session, TestApp};

fn sandbox(app: &TestApp) -> SandboxCommerce {
    SandboxCommerce::new(app.state.db.clone(), app.state.clock.clone())
}

/// An approved account of a fresh customer; returns (customer, account id, token).
async fn approved_account(app: &TestApp, support: &Session) -> (Session, String, String) {
    let customer = app.customer().await;
    let id = submit(app, &customer, account_body(&fresh_name())).await["id"].as_str().unwrap().to_string();
    approve(app, support, &id).await;
    let token = partnership_token(app, &customer.email).await;
    (customer, id, token)
}

async fn accept(app: &TestApp, s: &Session, token: &str) -> reqwest::Response {
    app.post(&format!("/api/v1/partnership-invitations/{token}/accept"), json!({}), Some(&s.access_token)).await
}

async fn subscription(app: &TestApp, id: &str) -> (String, Option<String>, Option<String>) {
    let id = id.to_string();
    app.db(move |conn| {
        Ok(subscriptions::table
            .find(id)
            .select((subscriptions::status, subscriptions::account_id, subscriptions::provider_subscription_id))
            .first(conn)?)
    })
    .await
}

async fn events_of(app: &TestApp, id: &str) -> Vec<String> {
    let id = id.to_string();
    app.db(move |conn| {
        Ok(subscription_events::table
            .filter(subscription_events::subscription_id.eq(id))
            .order((subscription_events::created_at.asc(), subscription_events::id.asc()))
            .select(subscription_events::kind)
            .load(conn)?)
    })
    .await
}

async fn run_job(app: &TestApp, staff: &Session) -> Value {
    let res = app.post("/api/v1/admin/jobs/provisioning/run", json!({}), Some(&staff.access_token)).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn advance_minutes(app: &TestApp, minutes: i64) {
    let clock = app.state.clock.clone();
    app.db(move |conn| clock.advance(conn, minutes * 60).map(|_| ())).await;
}

#[actix_web::test]
async fn accepting_the_partnership_activates_the_pending_subscriptions() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let (customer, account_id, token) = approved_account(&app, &support).await;
    let first = pending_subscription(&app, &customer, 5).await;
    let second = pending_subscription(&app, &customer, 2).await;

    // Someone else cannot use the owner's link; an unknown link is unknown.
    let stranger = app.customer().await;
    problem(accept(&app, &stranger, &token).await, 403, "not_account_owner").await;
    problem(accept(&app, &customer, "php_not_a_token").await, 404, "not_found").await;
    problem(app.get("/api/v1/partnership-invitations/php_not_a_token", None).await, 404, "not_found").await;

    let res = accept(&app, &customer, &token).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["account"]["status"], "active");
    assert!(body["account"]["partnership_accepted_at"].is_string());
    let subs = body["subscriptions"].as_array().unwrap();
    assert_eq!(subs.len(), 2);
    assert!(subs.iter().all(|s| s["status"] == "active" && s["account_id"] == account_id.as_str()), "{body}");
    for id in [&first, &second] {
        let (status, account, provider) = subscription(&app, id).await;
        assert_eq!((status.as_str(), account.as_deref()), ("active", Some(account_id.as_str())));
        let placed = sandbox(&app).subscriptions_for(id).await.unwrap();
        assert_eq!(placed.len(), 1, "one order at Microsoft");
        assert_eq!(provider.as_deref(), Some(placed[0].id.as_str()));
        assert_eq!(events_of(&app, id).await, ["activated"]);
        assert_eq!(audit_actions(&app, id).await, vec![("subscription.activated".to_string(), None)]);
    }
    let placed = sandbox(&app).subscriptions_for(&first).await.unwrap();
    assert_eq!((placed[0].quantity, placed[0].term_duration.as_str()), (5, "P1Y"));
    assert_eq!(outbox_count(&app, "subscription_active", &customer.email).await, 2);
    let accepted: Vec<String> = audit_actions(&app, &account_id).await.into_iter().map(|(a, _)| a).collect();
    assert_eq!(accepted.last().map(String::as_str), Some("partnership.accepted"));

    // The link is used up; the page says so.
    problem(accept(&app, &customer, &token).await, 409, "invalid_status").await;
    let shown: Value = app.get(&format!("/api/v1/partnership-invitations/{token}"), None).await.json().await.unwrap();
    assert_eq!(shown["status"], "accepted");

    // The tenant was made on the way; the queued create_customer task finds it and is done.
    run_job(&app, &support).await;
    let all = tasks(&app).await;
    assert!(all.iter().all(|(_, status, attempts)| status == "done" && *attempts == 1), "{all:?}");
    assert_eq!(all.len(), 3, "create_customer and two place_order: {all:?}");

    // A purchase after the partnership is ordered as soon as checkout reports it.
    let later = pending_subscription(&app, &customer, 1).await;
    let (uid, l) = (customer.user_id.clone(), later.clone());
    let now = app.state.clock.now_naive();
    let task = app.db(move |conn| partner_hub::customers::service::on_subscription_created_in(conn, &uid, &l, now)).await;
    assert!(task.is_some());
    partner_hub::provisioning::run_now(&app.state, vec![task.unwrap()]).await;
    assert_eq!(subscription(&app, &later).await.0, "active");
    // A customer without an active account: nothing to order yet.
    let waiting = app.customer().await;
    let w = pending_subscription(&app, &waiting, 1).await;
    let uid = waiting.user_id.clone();
    assert!(app.db(move |conn| partner_hub::customers::service::on_subscription_created_in(conn, &uid, &w, now)).await.is_none());
}

#[actix_web::test]
async fn an_existing_customer_is_linked_when_it_accepts() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let customer = app.customer().await;
    let mut body = account_body("unused");
    body["existing_customer"] = json!(true);
    body["domain"] = json!("lima-existing.example");
    let id = submit(&app, &customer, body).await["id"].as_str().unwrap().to_string();
    approve(&app, &support, &id).await;
    let sub = pending_subscription(&app, &customer, 3).await;
    let token = partnership_token(&app, &customer.email).await;
    let res: Value = accept(&app, &customer, &token).await.json().await.unwrap();
    assert_eq!(res["subscriptions"][0]["status"], "active");
    let tenants: i64 = app
        .db(|conn| {
            Ok(ms_sandbox_tenants::table
                .filter(ms_sandbox_tenants::domain.eq("lima-existing.example"))
                .filter(ms_sandbox_tenants::relationship.eq("reseller"))
                .count()
                .get_result(conn)?)
        })
        .await;
    assert_eq!(tenants, 1, "the existing tenant accepted us as reseller");
    assert_eq!(subscription(&app, &sub).await.0, "active");
}

#[actix_web::test]
async fn a_provider_outage_leaves_the_subscription_pending_until_the_job_retries() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let (customer, _, token) = approved_account(&app, &support).await;
    let sub = pending_subscription(&app, &customer, 4).await;
    sandbox(&app).rehearse_outage(SandboxOperation::CreateOrder, FaultMode::Fail, 2).await.unwrap();

    let body: Value = accept(&app, &customer, &token).await.json().await.unwrap();
    assert_eq!(body["account"]["status"], "active", "the partnership is accepted whatever Microsoft says");
    assert_eq!(body["subscriptions"][0]["status"], "pending");
    let s = sub.clone();
    let (status, attempts, error): (String, i32, Option<String>) = app
        .db(move |conn| {
            Ok(provisioning_tasks::table
                .filter(provisioning_tasks::subscription_id.eq(s))
                .select((provisioning_tasks::status, provisioning_tasks::attempts, provisioning_tasks::last_error))
                .first(conn)?)
        })
        .await;
    assert_eq!((status.as_str(), attempts), ("pending", 1));
    assert!(error.unwrap().contains("rehearsed outage"));

    // Not due yet: the job leaves it alone.
    assert_eq!(run_job(&app, &support).await["failed"], 0);
    // Support sees the pending task and its error.
    let pending: Value =
        app.get("/api/v1/admin/provisioning-tasks?status=pending", Some(&support.access_token)).await.json().await.unwrap();
    assert!(pending["data"].as_array().unwrap().iter().any(|t| t["subscription_id"] == sub.as_str() && t["attempts"] == 1));

    advance_minutes(&app, 1).await;
    let run = run_job(&app, &support).await;
    assert_eq!(run["failed"], 1, "the second outage: {run}");
    assert_eq!(subscription(&app, &sub).await.0, "pending");
    advance_minutes(&app, 2).await;
    run_job(&app, &support).await;
    assert_eq!(subscription(&app, &sub).await.0, "active");
    assert_eq!(sandbox(&app).subscriptions_for(&sub).await.unwrap().len(), 1);
}

#[actix_web::test]
async fn an_order_whose_reply_was_lost_is_not_placed_twice() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let (customer, _, token) = approved_account(&app, &support).await;
    let sub = pending_subscription(&app, &customer, 6).await;
    sandbox(&app).rehearse_outage(SandboxOperation::CreateOrder, FaultMode::LoseReply, 1).await.unwrap();
    let body: Value = accept(&app, &customer, &token).await.json().await.unwrap();
    assert_eq!(body["subscriptions"][0]["status"], "pending");
    assert_eq!(sandbox(&app).subscriptions_for(&sub).await.unwrap().len(), 1, "Microsoft has the order");
    advance_minutes(&app, 1).await;
    run_job(&app, &support).await;
    assert_eq!(subscription(&app, &sub).await.0, "active");
    assert_eq!(sandbox(&app).subscriptions_for(&sub).await.unwrap().len(), 1, "and still only one");
    assert_eq!(events_of(&app, &sub).await, ["activated"]);
}

#[actix_web::test]
async fn a_permanent_provider_error_fails_the_task_for_support() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let customer = app.customer().await;
    let name = fresh_name();
    let id = submit(&app, &customer, account_body(&name)).await["id"].as_str().unwrap().to_string();
    // Someone else takes the domain at Microsoft between the check and the tenant creation.
    let now = app.state.clock.now_naive();
    let domain = format!("{name}.onmicrosoft.com");
    app.db(move |conn| {
        diesel::insert_into(ms_sandbox_tenants::table)
            .values((
                ms_sandbox_tenants::id.eq("11111111-2222-4333-8444-555555555555"),
                ms_sandbox_tenants::domain.eq(domain),
                ms_sandbox_tenants::company_name.eq("Someone else"),
                ms_sandbox_tenants::relationship.eq("none"),
                ms_sandbox_tenants::created_at.eq(now),
                ms_sandbox_tenants::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(())
    })
    .await;
    approve(&app, &support, &id).await;
    let run = run_job(&app, &support).await;
    assert_eq!(run["failed"], 1);
    let failed: Value = app.get("/api/v1/admin/provisioning-tasks?status=failed", Some(&support.access_token)).await.json().await.unwrap();
    let task = &failed["data"][0];
    assert_eq!((task["kind"].as_str(), task["account_id"].as_str()), (Some("create_customer"), Some(id.as_str())));
    assert!(task["last_error"].as_str().unwrap().contains("domain is taken"), "{task}");
    let task_id = task["id"].as_str().unwrap().to_string();
    assert_eq!(audit_actions(&app, &task_id).await, vec![("provisioning.failed".to_string(), None)]);
}

#[actix_web::test]
async fn twenty_concurrent_accepts_activate_once_and_order_once() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let (customer, account_id, token) = approved_account(&app, &support).await;
    let sub = pending_subscription(&app, &customer, 5).await;
    let calls = (0..20).map(|_| accept(&app, &customer, &token));
    let mut wins = 0;
    for res in join_all(calls).await {
        match res.status().as_u16() {
            200 => wins += 1,
            409 => assert_eq!(res.json::<Value>().await.unwrap()["code"], "invalid_status"),
            other => panic!("unexpected {other}: {}", res.text().await.unwrap()),
        }
    }
    assert_eq!(wins, 1, "one acceptance");
    let a = account_id.clone();
    let accepted: i64 = app
        .db(move |conn| {
            Ok(audit_log::table
                .filter(audit_log::subject_id.eq(a))
                .filter(audit_log::action.eq("partnership.accepted"))
                .count()
                .get_result(conn)?)
        })
        .await;
    assert_eq!(accepted, 1);
    let s = sub.clone();
    let place_orders: i64 = app
        .db(move |conn| {
            Ok(provisioning_tasks::table
                .filter(provisioning_tasks::subscription_id.eq(s))
                .filter(provisioning_tasks::kind.eq("place_order"))
                .count()
                .get_result(conn)?)
        })
        .await;
    assert_eq!(place_orders, 1, "one place_order task");
    assert_eq!(sandbox(&app).subscriptions_for(&sub).await.unwrap().len(), 1, "one order at Microsoft");
    assert_eq!(events_of(&app, &sub).await, ["activated"], "one activation");
    assert_eq!(outbox_count(&app, "subscription_active", &customer.email).await, 1);
}

#[actix_web::test]
async fn concurrent_provisioning_runs_do_each_task_once() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    // Fifteen subscriptions of five customers, ordered while Microsoft is down: their
    // tasks wait for the job.
    let sb = Arc::new(sandbox(&app));
    sb.rehearse_outage(SandboxOperation::CreateOrder, FaultMode::Fail, 15).await.unwrap();
    let mut subs = Vec::new();
    for _ in 0..5 {
        let (customer, _, token) = approved_account(&app, &support).await;
        for seats in 1..=3 {
            subs.push(pending_subscription(&app, &customer, seats).await);
        }
        assert_eq!(accept(&app, &customer, &token).await.status(), 200);
    }
    advance_minutes(&app, 1).await;
    // Five create_customer tasks are done already or pending; the fifteen orders are due.
    let runs = (0..3).map(|_| app.post("/api/v1/admin/jobs/provisioning/run", json!({}), Some(&support.access_token)));
    for res in join_all(runs).await {
        assert_eq!(res.status(), 200);
    }
    for id in &subs {
        assert_eq!(subscription(&app, id).await.0, "active", "{id}");
        assert_eq!(sb.subscriptions_for(id).await.unwrap().len(), 1, "one order for {id}");
        assert_eq!(events_of(&app, id).await, ["activated"], "one activation for {id}");
    }
    let orders: Vec<(String, i32)> = app
        .db(|conn| {
            Ok(provisioning_tasks::table
                .filter(provisioning_tasks::kind.eq("place_order"))
                .select((provisioning_tasks::status, provisioning_tasks::attempts))
                .load(conn)?)
        })
        .await;
    assert_eq!(orders.len(), 15);
    assert!(orders.iter().all(|(s, a)| s == "done" && *a == 2), "each task failed once, then was done once: {orders:?}");
}

#[actix_web::test]
async fn changes_to_a_subscription_wait_for_its_order_at_microsoft() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let (customer, account_id, token) = approved_account(&app, &support).await;
    let sub = pending_subscription(&app, &customer, 5).await;
    // The lifecycle asks for 8 seats and auto-renew off before the order exists.
    let now = app.state.clock.now_naive();
    let (a, s) = (account_id.clone(), sub.clone());
    app.db(move |conn| {
        use partner_hub::domain::commerce::ProvisioningTaskKind as K;
        partner_hub::provisioning::enqueue_in(
            conn,
            K::ChangeSeats,
            &format!("change_seats:{s}:1"),
            Some(&a),
            Some(&s),
            json!({"seats": 8}),
            now,
        )?;
        // The same key again is a no-op.
        partner_hub::provisioning::enqueue_in(
            conn,
            K::ChangeSeats,
            &format!("change_seats:{s}:1"),
            Some(&a),
            Some(&s),
            json!({"seats": 9}),
            now,
        )?;
        partner_hub::provisioning::enqueue_in(
            conn,
            K::SetAutoRenew,
            &format!("set_auto_renew:{s}:1"),
            Some(&a),
            Some(&s),
            json!({"auto_renew": false}),
            now,
        )
    })
    .await;
    let run = run_job(&app, &support).await;
    assert_eq!((run["processed"].as_i64(), run["failed"].as_i64()), (Some(1), Some(0)), "only the tenant was created: {run}");
    let mut waiting: Vec<(String, String, i32)> = tasks(&app).await.into_iter().filter(|(k, _, _)| k != "create_customer").collect();
    // Enqueued at the same instant: compare without their order.
    waiting.sort();
    assert_eq!(
        waiting,
        vec![("change_seats".into(), "pending".into(), 0), ("set_auto_renew".into(), "pending".into(), 0)],
        "waiting, not failing"
    );

    // The order is placed on acceptance; the waiting changes are due at once and applied.
    assert_eq!(accept(&app, &customer, &token).await.status(), 200);
    run_job(&app, &support).await;
    let placed = &sandbox(&app).subscriptions_for(&sub).await.unwrap()[0];
    assert_eq!((placed.quantity, placed.auto_renew), (8, false));
    assert!(tasks(&app).await.iter().all(|(_, status, _)| status == "done"));

    // A subscription that ended before it was ever ordered has nothing to cancel.
    let never = app.customer().await;
    let ended = pending_subscription(&app, &never, 1).await;
    let e = ended.clone();
    app.db(move |conn| {
        diesel::update(subscriptions::table.find(&e)).set(subscriptions::status.eq("cancelled")).execute(conn)?;
        partner_hub::provisioning::enqueue_in(
            conn,
            partner_hub::domain::commerce::ProvisioningTaskKind::CancelSubscription,
            &format!("cancel_subscription:{e}"),
            Some(&account_id),
            Some(&e),
            json!({}),
            now,
        )
    })
    .await;
    assert_eq!(run_job(&app, &support).await["processed"], 1);
}
