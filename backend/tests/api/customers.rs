//! The client's Microsoft account set-up over HTTP: validation with field errors, domain
//! checks through the provider, support's review (approve, reject, resubmit), the
//! auto-approve setting, and the concurrent approvals that must have one winner.

use diesel::prelude::*;
use futures_util::future::join_all;
use serde_json::{json, Value};

use partner_hub::db::schema::{
    audit_log, email_outbox, ms_sandbox_tenants, orders, partnership_invitations, payments, provisioning_tasks, subscriptions,
};
use partner_hub::domain::commerce::{BillingTerm, SubscriptionStatus};
use partner_hub::domain::ids::{OrderId, PaymentId, SubscriptionId};
use partner_hub::subscriptions::model::SubscriptionRow;

use crate::helpers::{problem, Session, TestApp};

/// A valid set-up form for a new Microsoft domain `name.onmicrosoft.com`.
pub fn account_body(name: &str) -> Value {
    json!({
        "account_name": "Lima Consulting GmbH",
        "address": {"line1": "Torstraße 1", "line2": null, "city": "Berlin", "region": null, "postal_code": "10119", "country": "DE"},
        "primary_contact": {"name": "Ana Lima", "email": "ana@lima-consulting.example", "phone": "+49 30 1234567"},
        "existing_customer": false,
        "domain": name
    })
}

/// A unique new-domain name (3–27 of a-z0-9).
pub fn fresh_name() -> String {
    format!("lima{}", partner_hub::domain::ids::random_token(10).to_lowercase())
}

/// A subscription the customer bought and paid for, `pending` until the partnership:
/// written straight into the tables as a checkout does (payment, order, subscription).
pub async fn pending_subscription(app: &TestApp, customer: &Session, seats: i32) -> String {
    let now = app.state.clock.now_naive();
    let user = customer.user_id.clone();
    app.db(move |conn| {
        let payment = PaymentId::generate().0;
        let order = OrderId::generate().0;
        let id = SubscriptionId::generate().0;
        diesel::insert_into(payments::table)
            .values((
                payments::id.eq(&payment),
                payments::user_id.eq(&user),
                payments::purpose.eq("purchase"),
                payments::amount_cents.eq(15000 * seats as i64),
                payments::currency.eq("USD"),
                payments::payment_method.eq("pm_card_visa"),
                payments::status.eq("succeeded"),
                payments::provider.eq("sandbox"),
                payments::provider_key.eq(format!("key-{payment}")),
                payments::created_at.eq(now),
            ))
            .execute(conn)?;
        diesel::insert_into(orders::table)
            .values((
                orders::id.eq(&order),
                orders::customer_user_id.eq(&user),
                orders::plan_id.eq("pln_m365_business_standard"),
                orders::billing_term.eq(BillingTerm::Yearly),
                orders::seats.eq(seats),
                orders::unit_price_cents.eq(15000),
                orders::currency.eq("USD"),
                orders::self_referral.eq(false),
                orders::payment_id.eq(&payment),
                orders::created_at.eq(now),
            ))
            .execute(conn)?;
        let row = SubscriptionRow {
            id: id.clone(),
            customer_user_id: user.clone(),
            account_id: None,
            order_id: order,
            plan_id: "pln_m365_business_standard".into(),
            freelancer_id: None,
            self_referral: false,
            billing_term: BillingTerm::Yearly,
            seats,
            scheduled_seats: None,
            unit_price_cents: 15000,
            currency: "USD".into(),
            payment_method: "pm_card_visa".into(),
            status: SubscriptionStatus::Pending,
            auto_renew: true,
            term_start: now,
            current_term_end: BillingTerm::Yearly.term_end(now),
            cancellation_allowed_until: now + chrono::Duration::hours(168),
            activated_at: None,
            renewal_attempts: 0,
            next_renewal_attempt_at: None,
            grace_until: None,
            ended_at: None,
            provider_subscription_id: None,
            created_at: now,
            updated_at: now,
        };
        diesel::insert_into(subscriptions::table).values(&row).execute(conn)?;
        Ok(id)
    })
    .await
}

pub async fn submit(app: &TestApp, customer: &Session, body: Value) -> Value {
    let res = app.post("/api/v1/customer/accounts", body, Some(&customer.access_token)).await;
    assert_eq!(res.status(), 201, "submit the account");
    res.json().await.unwrap()
}

pub async fn approve(app: &TestApp, support: &Session, id: &str) -> Value {
    let res = app.post(&format!("/api/v1/admin/customer-accounts/{id}/approve"), json!({}), Some(&support.access_token)).await;
    assert_eq!(res.status(), 200, "approve the account");
    res.json().await.unwrap()
}

/// The partnership token from the newest invitation emailed to `email`.
pub async fn partnership_token(app: &TestApp, email: &str) -> String {
    let to = email.to_string();
    let bodies: Vec<String> = app
        .db(move |conn| {
            Ok(email_outbox::table
                .filter(email_outbox::to_address.eq(to))
                .filter(email_outbox::template.eq("partnership_invitation"))
                .order((email_outbox::created_at.desc(), email_outbox::id.desc()))
                .select(email_outbox::text_body)
                .load::<String>(conn)?)
        })
        .await;
    bodies
        .iter()
        .find_map(|b| b.split("/partnership/").nth(1).map(|t| t.split_whitespace().next().unwrap_or("").to_string()))
        .unwrap_or_else(|| panic!("no partnership link emailed to {email}"))
}

pub async fn outbox_count(app: &TestApp, template: &'static str, to: &str) -> i64 {
    let to = to.to_string();
    app.db(move |conn| {
        Ok(email_outbox::table
            .filter(email_outbox::template.eq(template))
            .filter(email_outbox::to_address.eq(to))
            .count()
            .get_result(conn)?)
    })
    .await
}

pub async fn audit_actions(app: &TestApp, subject: &str) -> Vec<(String, Option<String>)> {
    let subject = subject.to_string();
    app.db(move |conn| {
        Ok(audit_log::table
            .filter(audit_log::subject_id.eq(subject))
            .order((audit_log::created_at.asc(), audit_log::id.asc()))
            .select((audit_log::action, audit_log::actor_id))
            .load::<(String, Option<String>)>(conn)?)
    })
    .await
}

/// (kind, status, attempts) of every provisioning task, oldest first.
pub async fn tasks(app: &TestApp) -> Vec<(String, String, i32)> {
    app.db(|conn| {
        Ok(provisioning_tasks::table
            .order((provisioning_tasks::created_at.asc(), provisioning_tasks::id.asc()))
            .select((provisioning_tasks::kind, provisioning_tasks::status, provisioning_tasks::attempts))
            .load(conn)?)
    })
    .await
}

#[actix_web::test]
async fn a_customer_submits_an_account_and_support_approves_it() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let support = app.support().await;
    let t = Some(customer.access_token.as_str());

    // No account yet.
    problem(app.get("/api/v1/customer/account", t).await, 404, "not_found").await;

    // The domain check goes through the provider (the sandbox knows contoso is taken).
    let taken: Value = app.get("/api/v1/customer/domain-availability?name=contoso", t).await.json().await.unwrap();
    assert_eq!(taken, json!({"domain": "contoso.onmicrosoft.com", "available": false}));
    let name = fresh_name();
    let free: Value = app.get(&format!("/api/v1/customer/domain-availability?name={name}.onmicrosoft.com"), t).await.json().await.unwrap();
    assert_eq!(free, json!({"domain": format!("{name}.onmicrosoft.com"), "available": true}));
    let bad = problem(app.get("/api/v1/customer/domain-availability?name=a-b", t).await, 422, "validation_failed").await;
    assert_eq!(bad["errors"][0]["field"], "name");

    problem(app.post("/api/v1/customer/accounts", account_body("contoso"), t).await, 409, "domain_taken").await;
    let account = submit(&app, &customer, account_body(&name.to_uppercase())).await;
    assert_eq!(account["status"], "submitted");
    assert_eq!(account["domain"], format!("{name}.onmicrosoft.com"));
    assert_eq!(account["address"]["country"], "DE");
    assert_eq!(account["primary_contact"]["phone"], "+49 30 1234567");
    assert_eq!(account["rejection_reason"], Value::Null);
    let id = account["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("acct_"));
    let mine: Value = app.get("/api/v1/customer/account", t).await.json().await.unwrap();
    assert_eq!(mine["id"], id);
    problem(app.post("/api/v1/customer/accounts", account_body(&fresh_name()), t).await, 409, "account_exists").await;

    // Another customer cannot claim the same domain, even before Microsoft knows it.
    let other = app.customer().await;
    problem(app.post("/api/v1/customer/accounts", account_body(&name), Some(&other.access_token)).await, 409, "domain_taken").await;

    // Support's queue shows it with its owner.
    let queue: Value = app.get("/api/v1/admin/customer-accounts?status=submitted", Some(&support.access_token)).await.json().await.unwrap();
    let entry = queue["data"].as_array().unwrap().iter().find(|a| a["id"] == id).expect("in the queue").clone();
    assert_eq!(entry["owner"]["email"], customer.email);
    assert_eq!(entry["account_name"], "Lima Consulting GmbH");
    let approved = approve(&app, &support, &id).await;
    assert_eq!(approved["status"], "approved");
    assert!(approved["reviewed_at"].is_string());
    problem(
        app.post(&format!("/api/v1/admin/customer-accounts/{id}/approve"), json!({}), Some(&support.access_token)).await,
        409,
        "invalid_status",
    )
    .await;
    problem(
        app.post("/api/v1/admin/customer-accounts/acct_unknown/approve", json!({}), Some(&support.access_token)).await,
        404,
        "not_found",
    )
    .await;

    // The owner got the partnership link; a tenant creation waits for the job.
    assert_eq!(outbox_count(&app, "partnership_invitation", &customer.email).await, 1);
    let token = partnership_token(&app, &customer.email).await;
    let shown: Value = app.get(&format!("/api/v1/partnership-invitations/{token}"), None).await.json().await.unwrap();
    assert_eq!(shown["account_name"], "Lima Consulting GmbH");
    assert_eq!(shown["status"], "pending");
    assert_eq!(shown["expired"], false);
    assert_eq!(tasks(&app).await, vec![("create_customer".to_string(), "pending".to_string(), 0)]);
    let actions = audit_actions(&app, &id).await;
    assert_eq!(
        actions,
        vec![
            ("customer_account.submitted".to_string(), Some(customer.user_id.clone())),
            ("customer_account.approved".to_string(), Some(support.user_id.clone()))
        ]
    );

    // The job creates the tenant at the sandbox's Microsoft.
    let run: Value = app.post("/api/v1/admin/jobs/provisioning/run", json!({}), Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(run["processed"], 1, "{run}");
    assert_eq!(tasks(&app).await, vec![("create_customer".to_string(), "done".to_string(), 1)]);
    let domain = format!("{name}.onmicrosoft.com");
    let tenants: i64 =
        app.db(move |conn| Ok(ms_sandbox_tenants::table.filter(ms_sandbox_tenants::domain.eq(domain)).count().get_result(conn)?)).await;
    assert_eq!(tenants, 1);
    let taken_now: Value = app.get(&format!("/api/v1/customer/domain-availability?name={name}"), t).await.json().await.unwrap();
    assert_eq!(taken_now["available"], false);
}

#[actix_web::test]
async fn every_bad_field_gets_its_own_error() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let body = json!({
        "account_name": " ",
        "address": {"line1": "", "city": "Berlin", "postal_code": "1", "country": "Deutschland"},
        "primary_contact": {"name": "A", "email": "not-an-email", "phone": "call me"},
        "existing_customer": false,
        "domain": "my-company"
    });
    let err = problem(app.post("/api/v1/customer/accounts", body, Some(&customer.access_token)).await, 422, "validation_failed").await;
    let fields: Vec<&str> = err["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(
        fields,
        [
            "account_name",
            "address.line1",
            "address.postal_code",
            "address.country",
            "primary_contact.name",
            "primary_contact.email",
            "primary_contact.phone",
            "domain"
        ]
    );
    assert!(err["errors"].as_array().unwrap().iter().all(|e| e["message"].as_str().unwrap().ends_with('.')));
    // A German-speaking customer reads German messages.
    let res =
        app.client.patch(app.url("/api/v1/me")).bearer_auth(&customer.access_token).json(&json!({"locale": "de"})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let res = app
        .client
        .post(app.url("/api/v1/customer/accounts"))
        .bearer_auth(&customer.access_token)
        .json(&json!({"account_name": "Lima", "address": {"line1": "Torstraße 1", "city": "Berlin", "postal_code": "10119", "country": "DE"}, "primary_contact": {"name": "Ana Lima", "email": "ana@lima.example", "phone": "+49 30 1234567"}, "existing_customer": true, "domain": "localhost"}))
        .send()
        .await
        .unwrap();
    let de = problem(res, 422, "validation_failed").await;
    assert_eq!(de["errors"][0]["field"], "domain");
    assert!(de["errors"][0]["message"].as_str().unwrap().contains("Domain"), "{de}");
    // A freelancer is not a customer.
    let freelancer = app.freelancer().await;
    problem(app.post("/api/v1/customer/accounts", account_body(&fresh_name()), Some(&freelancer.access_token)).await, 403, "forbidden")
        .await;
    problem(app.get("/api/v1/customer/domain-availability?name=contoso", Some(&freelancer.access_token)).await, 403, "forbidden").await;
}

#[actix_web::test]
async fn a_rejected_account_is_corrected_and_submitted_again() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let support = app.support().await;
    let t = Some(customer.access_token.as_str());
    let account = submit(&app, &customer, account_body(&fresh_name())).await;
    let id = account["id"].as_str().unwrap().to_string();
    let reject = |reason: &str| {
        let (app, support, id, reason) = (&app, &support, id.clone(), reason.to_string());
        async move {
            app.post(&format!("/api/v1/admin/customer-accounts/{id}/reject"), json!({"reason": reason}), Some(&support.access_token)).await
        }
    };
    let short = problem(reject("Too short").await, 422, "validation_failed").await;
    assert_eq!(short["errors"][0]["field"], "reason");
    problem(
        app.post("/api/v1/admin/customer-accounts/acct_unknown/reject", json!({"reason": "x"}), Some(&support.access_token)).await,
        404,
        "not_found",
    )
    .await;
    // Only a rejected account can be changed.
    problem(
        app.client
            .put(app.url("/api/v1/customer/account"))
            .bearer_auth(&customer.access_token)
            .json(&account_body(&fresh_name()))
            .send()
            .await
            .unwrap(),
        409,
        "invalid_status",
    )
    .await;

    let reason = "The postal code does not match the city. Please check the address.";
    let rejected: Value = reject(reason).await.json().await.unwrap();
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(rejected["rejection_reason"], reason);
    problem(reject(reason).await, 409, "invalid_status").await;
    let mails = app.sent_or_queued(&customer.email, "customer_account_rejected").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains(reason), "the reason is in the email: {}", mails[0]);
    let mine: Value = app.get("/api/v1/customer/account", t).await.json().await.unwrap();
    assert_eq!(mine["rejection_reason"], reason);

    // Corrected (with a new name) and submitted again.
    let new_name = fresh_name();
    let mut body = account_body(&new_name);
    body["address"]["postal_code"] = json!("10117");
    let res = app.client.put(app.url("/api/v1/customer/account")).bearer_auth(&customer.access_token).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let again: Value = res.json().await.unwrap();
    assert_eq!((again["status"].as_str(), again["rejection_reason"].as_str()), (Some("submitted"), None));
    assert_eq!(again["address"]["postal_code"], "10117");
    assert_eq!(again["domain"], format!("{new_name}.onmicrosoft.com"));
    assert_eq!(again["id"], id, "the same account");
    let approved = approve(&app, &support, &id).await;
    assert_eq!(approved["status"], "approved");
    let actions: Vec<String> = audit_actions(&app, &id).await.into_iter().map(|(a, _)| a).collect();
    assert_eq!(
        actions,
        ["customer_account.submitted", "customer_account.rejected", "customer_account.submitted", "customer_account.approved"]
    );
}

#[actix_web::test]
async fn with_auto_approve_an_account_is_approved_at_once() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let customer = app.customer().await;
    let settings: Value = app.get("/api/v1/admin/commerce-settings", Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(settings, json!({"auto_approve_accounts": false}));
    let res = app
        .client
        .put(app.url("/api/v1/admin/commerce-settings"))
        .bearer_auth(&admin.access_token)
        .json(&json!({"auto_approve_accounts": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(audit_actions(&app, "1").await, vec![("commerce_settings.updated".to_string(), Some(admin.user_id.clone()))]);

    let account = submit(&app, &customer, account_body(&fresh_name())).await;
    assert_eq!(account["status"], "approved");
    let id = account["id"].as_str().unwrap();
    let actions = audit_actions(&app, id).await;
    assert!(actions.contains(&("customer_account.approved".to_string(), None)), "approved by the setting, not a person: {actions:?}");
    assert_eq!(outbox_count(&app, "partnership_invitation", &customer.email).await, 1);
}

#[actix_web::test]
async fn an_existing_microsoft_customer_gives_its_own_domain() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let support = app.support().await;
    let mut body = account_body("unused");
    body["existing_customer"] = json!(true);
    body["domain"] = json!("Lima-Consulting.example");
    let account = submit(&app, &customer, body).await;
    assert_eq!((account["domain"].as_str(), account["existing_customer"].as_bool()), (Some("lima-consulting.example"), Some(true)));
    approve(&app, &support, account["id"].as_str().unwrap()).await;
    assert!(tasks(&app).await.is_empty(), "an existing tenant is not created");
}

#[actix_web::test]
async fn twenty_concurrent_approvals_have_one_winner() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let support = app.support().await;
    let id = submit(&app, &customer, account_body(&fresh_name())).await["id"].as_str().unwrap().to_string();
    let path = format!("/api/v1/admin/customer-accounts/{id}/approve");
    let calls = (0..20).map(|_| app.post(&path, json!({}), Some(&support.access_token)));
    let mut wins = 0;
    for res in join_all(calls).await {
        match res.status().as_u16() {
            200 => wins += 1,
            409 => assert_eq!(res.json::<Value>().await.unwrap()["code"], "invalid_status"),
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(wins, 1);
    let i = id.clone();
    let invitations: i64 = app
        .db(move |conn| Ok(partnership_invitations::table.filter(partnership_invitations::account_id.eq(i)).count().get_result(conn)?))
        .await;
    assert_eq!(invitations, 1, "one partnership link");
    assert_eq!(outbox_count(&app, "partnership_invitation", &customer.email).await, 1, "one email");
    assert_eq!(tasks(&app).await.len(), 1, "one tenant creation");
    let approvals = audit_actions(&app, &id).await.into_iter().filter(|(a, _)| a == "customer_account.approved").count();
    assert_eq!(approvals, 1);
}

impl TestApp {
    /// Text bodies of the messages to `to` from `template`, oldest first.
    pub async fn sent_or_queued(&self, to: &str, template: &'static str) -> Vec<String> {
        let to = to.to_string();
        self.db(move |conn| {
            Ok(email_outbox::table
                .filter(email_outbox::to_address.eq(to))
                .filter(email_outbox::template.eq(template))
                .order((email_outbox::created_at.asc(), email_outbox::id.asc()))
                .select(email_outbox::text_body)
                .load(conn)?)
        })
        .await
    }
}
