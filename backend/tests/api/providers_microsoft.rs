//! The Microsoft commerce provider on its own: the Partner Center client against a local
//! mock server that keeps Partner Center's state (tokens, customers, orders,
//! subscriptions) and speaks its documented shapes, and the sandbox against its tables
//! (both engines).

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use partner_hub::domain::commerce::BillingTerm;
use partner_hub::providers::microsoft::partner_center::PartnerCenter;
use partner_hub::providers::microsoft::sandbox::{FaultMode, SandboxCommerce, SandboxOperation};
use partner_hub::providers::microsoft::{
    CommerceError, MicrosoftCommerce, NewCustomer, OrderRequest, PartnerCenterSettings, PermanentError, Relationship, TenantId,
};

use crate::helpers::TestApp;

const CLIENT_ID: &str = "app-client-id";
const CLIENT_SECRET: &str = "app-client-secret";
const PLAN: &str = "pln_m365_business_standard";
const OFFER: &str = "CFQ7TTC0LDPB:0001:CFQ7TTC0N8SS";

/// Partner Center as far as these tests need it, with its state kept between calls.
#[derive(Default)]
struct Center {
    tokens_issued: usize,
    token: Option<String>,
    /// Domains of tenants that exist at Microsoft (ours or not).
    taken_domains: Vec<String>,
    /// Our customers: (tenant id, domain).
    customers: Vec<(String, String)>,
    /// Subscriptions by id.
    subscriptions: BTreeMap<String, Value>,
    /// Orders by the MS-RequestId that created them: Partner Center's idempotency.
    orders_by_request: HashMap<String, Value>,
    orders_created: usize,
    order_posts: usize,
    patches: usize,
    /// The next order POST does its work, then answers too late for the client.
    slow_next_order: bool,
    /// The subscription list lags behind new orders (eventual consistency).
    list_lags: bool,
    /// Answers for the next calls, whatever they are (429, 503, …).
    forced: Vec<u16>,
    /// Every request's MS-RequestId, in order.
    request_ids: Vec<String>,
}

#[derive(Clone)]
struct Fake(Arc<Mutex<Center>>);

fn header(req: &Request, name: &str) -> Option<String> {
    req.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
}

fn error(status: u16, code: u32, description: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({"code": code, "description": description, "data": [], "source": "PartnerFD"}))
}

impl Respond for Fake {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let mut c = self.0.lock().unwrap();
        let path = req.url.path().to_string();
        let method = req.method.as_str().to_string();
        if path == "/token" {
            let form: HashMap<String, String> = url::form_urlencoded::parse(&req.body).into_owned().collect();
            let valid = form.get("grant_type").map(String::as_str) == Some("client_credentials")
                && form.get("client_id").map(String::as_str) == Some(CLIENT_ID)
                && form.get("client_secret").map(String::as_str) == Some(CLIENT_SECRET)
                && form.get("resource").map(String::as_str) == Some("https://api.partnercenter.microsoft.com");
            if !valid {
                return ResponseTemplate::new(400)
                    .set_body_json(json!({"error": "invalid_client", "error_description": "bad credentials"}));
            }
            c.tokens_issued += 1;
            let token = format!("token-{}", c.tokens_issued);
            c.token = Some(token.clone());
            // The v1 endpoint sends the lifetime as a string.
            return ResponseTemplate::new(200).set_body_json(json!({"token_type": "Bearer", "expires_in": "3600", "access_token": token}));
        }
        if header(req, "authorization") != c.token.as_ref().map(|t| format!("Bearer {t}")) {
            return error(401, 400, "Access denied");
        }
        let (Some(request_id), Some(_)) = (header(req, "ms-requestid"), header(req, "ms-correlationid")) else {
            return error(400, 0, "MS-RequestId and MS-CorrelationId are required");
        };
        c.request_ids.push(request_id.clone());
        if !c.forced.is_empty() {
            let status = c.forced.remove(0);
            return error(status, 0, "forced");
        }
        let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
        let segments: Vec<&str> = path.trim_start_matches("/v1/").split('/').collect();
        match (method.as_str(), segments.as_slice()) {
            ("HEAD", ["domains", domain]) => {
                if c.taken_domains.iter().any(|d| d == domain) {
                    ResponseTemplate::new(200)
                } else {
                    ResponseTemplate::new(404)
                }
            }
            ("POST", ["customers"]) => {
                let domain = body["companyProfile"]["domain"].as_str().unwrap_or("").to_string();
                let address = &body["billingProfile"]["defaultAddress"];
                if domain.is_empty() || body["billingProfile"]["email"].as_str().is_none() || address["country"].as_str().is_none() {
                    return error(400, 2001, "The domain, email and address are required.");
                }
                if c.taken_domains.contains(&domain) {
                    return error(409, 1001, "The domain is already in use.");
                }
                let id = format!("tenant-{}", c.customers.len() + 1);
                c.taken_domains.push(domain.clone());
                c.customers.push((id.clone(), domain.clone()));
                ResponseTemplate::new(201).set_body_json(json!({
                    "id": id,
                    "companyProfile": {"tenantId": id, "domain": domain},
                    "billingProfile": body["billingProfile"],
                    "relationshipToPartner": "reseller",
                    "attributes": {"objectType": "Customer"}
                }))
            }
            ("GET", ["customers"]) => {
                let filter: Value = req
                    .url
                    .query_pairs()
                    .find(|(k, _)| k == "filter")
                    .and_then(|(_, v)| serde_json::from_str(&v).ok())
                    .unwrap_or(Value::Null);
                let prefix = filter["Value"].as_str().unwrap_or("").to_lowercase();
                let items: Vec<Value> = c
                    .customers
                    .iter()
                    .filter(|(_, d)| filter["Field"] == "Domain" && filter["Operator"] == "starts_with" && d.starts_with(&prefix))
                    .map(|(id, d)| json!({"id": id, "companyProfile": {"tenantId": id, "domain": d}, "relationshipToPartner": "reseller"}))
                    .collect();
                ResponseTemplate::new(200).set_body_json(json!({"totalCount": items.len(), "items": items}))
            }
            ("GET", ["customers", tenant, "subscriptions"]) => {
                let items: Vec<Value> =
                    if c.list_lags { Vec::new() } else { c.subscriptions.values().filter(|s| s["tenant"] == *tenant).cloned().collect() };
                ResponseTemplate::new(200).set_body_json(json!({"totalCount": items.len(), "items": items}))
            }
            ("POST", ["customers", tenant, "orders"]) => {
                c.order_posts += 1;
                if let Some(order) = c.orders_by_request.get(&request_id) {
                    return ResponseTemplate::new(201).set_body_json(order.clone());
                }
                let line = &body["lineItems"][0];
                if body["referenceCustomerId"] != *tenant || line["offerId"] != OFFER || line["quantity"].as_i64().is_none() {
                    return error(400, 800002, "Invalid order.");
                }
                c.orders_created += 1;
                let sub_id = format!("sub-guid-{}", c.orders_created);
                c.subscriptions.insert(
                    sub_id.clone(),
                    json!({
                        "id": sub_id, "tenant": tenant, "offerId": line["offerId"], "friendlyName": line["friendlyName"],
                        "quantity": line["quantity"], "status": "active", "autoRenewEnabled": true,
                        "termDuration": line["termDuration"], "billingCycle": body["billingCycle"],
                        "attributes": {"etag": "1", "objectType": "Subscription"}
                    }),
                );
                let order = json!({
                    "id": format!("order-{}", c.orders_created),
                    "referenceCustomerId": tenant,
                    "billingCycle": body["billingCycle"],
                    "lineItems": [{"lineItemNumber": 0, "offerId": line["offerId"], "subscriptionId": sub_id, "friendlyName": line["friendlyName"], "quantity": line["quantity"]}],
                    "status": "completed",
                    "attributes": {"objectType": "Order"}
                });
                c.orders_by_request.insert(request_id, order.clone());
                let reply = ResponseTemplate::new(201).set_body_json(order);
                if std::mem::take(&mut c.slow_next_order) {
                    reply.set_delay(Duration::from_secs(3))
                } else {
                    reply
                }
            }
            ("GET", ["customers", _, "subscriptions", id]) => match c.subscriptions.get(*id) {
                Some(s) => ResponseTemplate::new(200).set_body_json(s.clone()),
                None => error(404, 0, "Subscription not found."),
            },
            ("PATCH", ["customers", _, "subscriptions", id]) => {
                c.patches += 1;
                let Some(current) = c.subscriptions.get(*id).cloned() else { return error(404, 0, "Subscription not found.") };
                // The documented contract: the whole resource comes back with the change.
                if body["id"] != current["id"] || body["offerId"] != current["offerId"] {
                    return error(400, 0, "A complete subscription resource is required.");
                }
                c.subscriptions.insert(id.to_string(), body.clone());
                ResponseTemplate::new(200).set_body_json(body)
            }
            _ => error(404, 0, "No such route."),
        }
    }
}

struct Harness {
    server: MockServer,
    center: Arc<Mutex<Center>>,
    client: PartnerCenter,
}

async fn harness() -> Harness {
    let server = MockServer::start().await;
    let center = Arc::new(Mutex::new(Center { taken_domains: vec!["contoso.onmicrosoft.com".into()], ..Center::default() }));
    Mock::given(wiremock::matchers::any()).respond_with(Fake(center.clone())).mount(&server).await;
    let settings = PartnerCenterSettings {
        base_url: server.uri(),
        token_url: format!("{}/token", server.uri()),
        client_id: CLIENT_ID.into(),
        client_secret: CLIENT_SECRET.into(),
        tenant_id: "partner-tenant".into(),
        timeout: Duration::from_millis(700),
        offers: BTreeMap::from([(PLAN.to_string(), OFFER.to_string())]),
    };
    let client = PartnerCenter::new(settings).unwrap();
    Harness { server, center, client }
}

fn customer(domain: &str) -> NewCustomer {
    NewCustomer {
        domain: domain.into(),
        company_name: "Lima Consulting GmbH".into(),
        email: "ana@lima.example".into(),
        phone: "+49 30 1234567".into(),
        first_name: "Ana".into(),
        last_name: "Lima".into(),
        address_line1: "Torstraße 1".into(),
        address_line2: None,
        city: "Berlin".into(),
        region: None,
        postal_code: "10119".into(),
        country: "DE".into(),
        language: "de".into(),
    }
}

fn order(tenant: &TenantId, reference: &str, seats: i32) -> OrderRequest {
    OrderRequest { tenant: tenant.clone(), plan_id: PLAN.into(), term: BillingTerm::Yearly, seats, reference: reference.into() }
}

#[actix_web::test]
async fn the_token_is_fetched_once_and_reused() {
    let h = harness().await;
    assert!(!h.client.check_domain_availability("contoso.onmicrosoft.com").await.unwrap());
    assert!(h.client.check_domain_availability("limaconsulting.onmicrosoft.com").await.unwrap());
    assert!(h.client.check_domain_availability("other.onmicrosoft.com").await.unwrap());
    {
        let c = h.center.lock().unwrap();
        assert_eq!(c.tokens_issued, 1, "one token for three calls");
        assert_eq!(c.request_ids.len(), 3);
        let mut unique = c.request_ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 3, "a fresh MS-RequestId per independent call");
    }
    assert_eq!(h.server.received_requests().await.unwrap().iter().filter(|r| r.url.path() == "/token").count(), 1);
}

#[actix_web::test]
async fn a_rejected_token_is_fetched_again() {
    let h = harness().await;
    h.client.check_domain_availability("a1.onmicrosoft.com").await.unwrap();
    // Partner Center stops accepting the token (revoked): the call fails as retryable and
    // the next one fetches a new token.
    h.center.lock().unwrap().token = Some("revoked".into());
    let err = h.client.check_domain_availability("a2.onmicrosoft.com").await.unwrap_err();
    assert!(err.is_retryable(), "{err}");
    assert!(h.client.check_domain_availability("a3.onmicrosoft.com").await.unwrap());
    assert_eq!(h.center.lock().unwrap().tokens_issued, 2);
}

#[actix_web::test]
async fn wrong_credentials_are_a_permanent_error() {
    let server = MockServer::start().await;
    let center = Arc::new(Mutex::new(Center::default()));
    Mock::given(wiremock::matchers::any()).respond_with(Fake(center)).mount(&server).await;
    let client = PartnerCenter::new(PartnerCenterSettings {
        base_url: server.uri(),
        token_url: format!("{}/token", server.uri()),
        client_id: CLIENT_ID.into(),
        client_secret: "wrong".into(),
        tenant_id: "t".into(),
        timeout: Duration::from_secs(2),
        offers: BTreeMap::new(),
    })
    .unwrap();
    let err = client.check_domain_availability("x.onmicrosoft.com").await.unwrap_err();
    assert!(matches!(err, CommerceError::Permanent(PermanentError::Invalid(_))), "{err}");
}

#[actix_web::test]
async fn a_customer_is_created_once_per_domain() {
    let h = harness().await;
    let tenant = h.client.create_customer(&customer("limaconsulting.onmicrosoft.com")).await.unwrap();
    assert_eq!(tenant.0, "tenant-1");
    assert!(!h.client.check_domain_availability("limaconsulting.onmicrosoft.com").await.unwrap());
    let again = h.client.create_customer(&customer("limaconsulting.onmicrosoft.com")).await.unwrap_err();
    assert_eq!(again, CommerceError::Permanent(PermanentError::DomainTaken));
    let taken = h.client.create_customer(&customer("contoso.onmicrosoft.com")).await.unwrap_err();
    assert_eq!(taken, CommerceError::Permanent(PermanentError::DomainTaken));
    // Ours, so the relationship search finds it; contoso is someone else's tenant.
    assert_eq!(h.client.reseller_relationship("limaconsulting.onmicrosoft.com").await.unwrap(), Relationship::Reseller(tenant.clone()));
    assert_eq!(h.client.reseller_relationship("contoso.onmicrosoft.com").await.unwrap(), Relationship::None);
    assert_eq!(h.client.accept_reseller_relationship("limaconsulting.onmicrosoft.com").await.unwrap(), tenant);
    assert!(h.client.accept_reseller_relationship("contoso.onmicrosoft.com").await.unwrap_err().is_retryable());
    // The request body had the documented shape (the mock refuses it otherwise).
    let posted = h.server.received_requests().await.unwrap().into_iter().find(|r| r.url.path() == "/v1/customers").unwrap();
    let body: Value = serde_json::from_slice(&posted.body).unwrap();
    assert_eq!(body["billingProfile"]["companyName"], "Lima Consulting GmbH");
    assert_eq!(body["billingProfile"]["culture"], "de-DE");
    assert_eq!(body["billingProfile"]["defaultAddress"]["postalCode"], "10119");
}

#[actix_web::test]
async fn an_order_is_placed_with_our_reference_and_found_by_it() {
    let h = harness().await;
    let tenant = h.client.create_customer(&customer("orders.onmicrosoft.com")).await.unwrap();
    let placed = h.client.create_order(&order(&tenant, "sub_first", 5)).await.unwrap();
    assert_eq!(placed.subscription_id, "sub-guid-1");
    let again = h.client.create_order(&order(&tenant, "sub_first", 5)).await.unwrap();
    assert_eq!(again, placed, "the same reference is the same order");
    let other = h.client.create_order(&order(&tenant, "sub_second", 2)).await.unwrap();
    assert_ne!(other, placed);
    let c = h.center.lock().unwrap();
    assert_eq!(c.orders_created, 2);
    let first = &c.subscriptions["sub-guid-1"];
    assert_eq!(first["friendlyName"], "sub_first");
    assert_eq!(first["termDuration"], "P1Y");
    assert_eq!(first["billingCycle"], "annual");
    assert_eq!(first["quantity"], 5);
}

#[actix_web::test]
async fn an_order_that_timed_out_is_retried_without_a_second_order() {
    let h = harness().await;
    let tenant = h.client.create_customer(&customer("slow.onmicrosoft.com")).await.unwrap();
    h.center.lock().unwrap().slow_next_order = true;
    let first = h.client.create_order(&order(&tenant, "sub_slow", 3)).await.unwrap_err();
    assert!(first.is_retryable(), "a timeout is retryable: {first}");
    assert_eq!(h.center.lock().unwrap().orders_created, 1, "Partner Center created the order before the reply was lost");
    let retried = h.client.create_order(&order(&tenant, "sub_slow", 3)).await.unwrap();
    assert_eq!(retried.subscription_id, "sub-guid-1");
    let c = h.center.lock().unwrap();
    assert_eq!(c.orders_created, 1, "no duplicate order");
    assert_eq!(c.order_posts, 1, "the retry found the order by our reference and did not post again");
}

#[actix_web::test]
async fn a_retry_that_cannot_see_the_order_yet_is_deduplicated_by_its_request_id() {
    let h = harness().await;
    let tenant = h.client.create_customer(&customer("lagging.onmicrosoft.com")).await.unwrap();
    {
        let mut c = h.center.lock().unwrap();
        c.slow_next_order = true;
        c.list_lags = true;
    }
    assert!(h.client.create_order(&order(&tenant, "sub_lag", 4)).await.unwrap_err().is_retryable());
    let retried = h.client.create_order(&order(&tenant, "sub_lag", 4)).await.unwrap();
    assert_eq!(retried.subscription_id, "sub-guid-1");
    let c = h.center.lock().unwrap();
    assert_eq!(c.order_posts, 2, "the subscription list lagged, so the order was posted again");
    assert_eq!(c.orders_created, 1, "with the same MS-RequestId, so Partner Center answered with the first order");
}

#[actix_web::test]
async fn seats_cancel_and_auto_renew_patch_the_whole_subscription() {
    let h = harness().await;
    let tenant = h.client.create_customer(&customer("seats.onmicrosoft.com")).await.unwrap();
    let placed = h.client.create_order(&order(&tenant, "sub_seats", 5)).await.unwrap();
    h.client.update_seats(&tenant, &placed.subscription_id, 8).await.unwrap();
    assert_eq!(h.center.lock().unwrap().subscriptions[&placed.subscription_id]["quantity"], 8);
    // Already at 8: nothing to change, no PATCH.
    h.client.update_seats(&tenant, &placed.subscription_id, 8).await.unwrap();
    assert_eq!(h.center.lock().unwrap().patches, 1);
    h.client.set_auto_renew(&tenant, &placed.subscription_id, false).await.unwrap();
    h.client.cancel_subscription(&tenant, &placed.subscription_id).await.unwrap();
    h.client.cancel_subscription(&tenant, &placed.subscription_id).await.unwrap();
    {
        let c = h.center.lock().unwrap();
        let s = &c.subscriptions[&placed.subscription_id];
        assert_eq!(
            (s["status"].as_str(), s["autoRenewEnabled"].as_bool(), s["quantity"].as_i64()),
            (Some("deleted"), Some(false), Some(8))
        );
        assert_eq!(c.patches, 3, "cancelling twice patches once");
    }
    let missing = h.client.update_seats(&tenant, "sub-guid-unknown", 2).await.unwrap_err();
    assert!(matches!(missing, CommerceError::Permanent(PermanentError::NotFound(_))), "{missing}");
}

#[actix_web::test]
async fn throttling_and_outages_are_retryable_and_bad_requests_are_not() {
    let h = harness().await;
    let tenant = h.client.create_customer(&customer("errors.onmicrosoft.com")).await.unwrap();
    h.center.lock().unwrap().forced = vec![429, 503, 500];
    for _ in 0..3 {
        let err = h.client.check_domain_availability("errors2.onmicrosoft.com").await.unwrap_err();
        assert!(err.is_retryable(), "{err}");
    }
    let mut bad = order(&tenant, "sub_bad", 1);
    bad.plan_id = "pln_unknown".into();
    assert!(!h.client.create_order(&bad).await.unwrap_err().is_retryable(), "an unmapped plan is a configuration error");
    let invalid = h.client.create_customer(&NewCustomer { email: String::new(), ..customer("") }).await.unwrap_err();
    assert!(matches!(invalid, CommerceError::Permanent(PermanentError::Invalid(_))), "{invalid}");
    // Nothing listens here: connection refused is an outage.
    let down = PartnerCenter::new(PartnerCenterSettings {
        base_url: "http://127.0.0.1:9".into(),
        token_url: "http://127.0.0.1:9/token".into(),
        client_id: CLIENT_ID.into(),
        client_secret: CLIENT_SECRET.into(),
        tenant_id: "t".into(),
        timeout: Duration::from_secs(2),
        offers: BTreeMap::new(),
    })
    .unwrap();
    assert!(down.check_domain_availability("x.onmicrosoft.com").await.unwrap_err().is_retryable());
}

// The sandbox, against its tables on this engine.

fn sandbox(app: &TestApp) -> SandboxCommerce {
    SandboxCommerce::new(app.state.db.clone(), app.state.clock.clone())
}

#[actix_web::test]
async fn the_sandbox_knows_taken_domains_and_creates_tenants_once() {
    let app = TestApp::spawn().await;
    let sb = sandbox(&app);
    assert!(!sb.check_domain_availability("contoso.onmicrosoft.com").await.unwrap());
    assert!(!sb.check_domain_availability("fabrikam.onmicrosoft.com").await.unwrap());
    assert!(sb.check_domain_availability("limaconsulting.onmicrosoft.com").await.unwrap());
    let tenant = sb.create_customer(&customer("limaconsulting.onmicrosoft.com")).await.unwrap();
    assert_eq!(tenant.0.len(), 36, "a GUID");
    assert!(!sb.check_domain_availability("limaconsulting.onmicrosoft.com").await.unwrap());
    assert_eq!(
        sb.create_customer(&customer("limaconsulting.onmicrosoft.com")).await.unwrap_err(),
        CommerceError::Permanent(PermanentError::DomainTaken)
    );
    assert!(matches!(
        sb.create_customer(&customer("lima.example.com")).await.unwrap_err(),
        CommerceError::Permanent(PermanentError::Invalid(_))
    ));
    assert_eq!(sb.reseller_relationship("limaconsulting.onmicrosoft.com").await.unwrap(), Relationship::Reseller(tenant));
    assert_eq!(sb.reseller_relationship("contoso.onmicrosoft.com").await.unwrap(), Relationship::Pending);
    assert_eq!(sb.reseller_relationship("nobody.example.com").await.unwrap(), Relationship::None);
    // An existing customer accepts: its tenant comes into view with us as reseller.
    let existing = sb.accept_reseller_relationship("lima-existing.example.com").await.unwrap();
    assert_eq!(sb.accept_reseller_relationship("lima-existing.example.com").await.unwrap(), existing);
    assert_eq!(sb.reseller_relationship("lima-existing.example.com").await.unwrap(), Relationship::Reseller(existing));
}

#[actix_web::test]
async fn the_sandbox_places_an_order_once_per_reference_even_when_the_reply_is_lost() {
    let app = TestApp::spawn().await;
    let sb = sandbox(&app);
    let tenant = sb.create_customer(&customer("sandboxorders.onmicrosoft.com")).await.unwrap();
    // Not our customer (yet): no order.
    let contoso = sb.reseller_relationship("contoso.onmicrosoft.com").await.unwrap();
    assert_eq!(contoso, Relationship::Pending);

    sb.rehearse_outage(SandboxOperation::CreateOrder, FaultMode::Fail, 1).await.unwrap();
    assert!(sb.create_order(&order(&tenant, "sub_sandbox", 5)).await.unwrap_err().is_retryable());
    assert!(sb.subscriptions_for("sub_sandbox").await.unwrap().is_empty(), "a failed call did nothing");

    sb.rehearse_outage(SandboxOperation::CreateOrder, FaultMode::LoseReply, 1).await.unwrap();
    assert!(sb.create_order(&order(&tenant, "sub_sandbox", 5)).await.unwrap_err().is_retryable());
    assert_eq!(sb.subscriptions_for("sub_sandbox").await.unwrap().len(), 1, "the order went through, its reply was lost");

    let placed = sb.create_order(&order(&tenant, "sub_sandbox", 5)).await.unwrap();
    let subs = sb.subscriptions_for("sub_sandbox").await.unwrap();
    assert_eq!(subs.len(), 1, "the retry found the first order");
    assert_eq!(subs[0].id, placed.subscription_id);
    assert_eq!((subs[0].quantity, subs[0].term_duration.as_str()), (5, "P1Y"));

    sb.update_seats(&tenant, &placed.subscription_id, 8).await.unwrap();
    sb.set_auto_renew(&tenant, &placed.subscription_id, false).await.unwrap();
    sb.cancel_subscription(&tenant, &placed.subscription_id).await.unwrap();
    sb.cancel_subscription(&tenant, &placed.subscription_id).await.unwrap();
    let s = &sb.subscriptions_for("sub_sandbox").await.unwrap()[0];
    assert_eq!((s.quantity, s.auto_renew, s.status.as_str()), (8, false, "deleted"));
    assert!(
        !sb.update_seats(&tenant, &placed.subscription_id, 9).await.unwrap_err().is_retryable(),
        "a cancelled subscription keeps its seats"
    );
    let other = TenantId("00000000-0000-0000-0000-000000000000".into());
    assert!(matches!(
        sb.update_seats(&other, &placed.subscription_id, 2).await.unwrap_err(),
        CommerceError::Permanent(PermanentError::NotFound(_))
    ));
}

#[actix_web::test]
async fn concurrent_sandbox_orders_with_one_reference_create_one_subscription() {
    let app = TestApp::spawn().await;
    let sb = Arc::new(sandbox(&app));
    let tenant = sb.create_customer(&customer("racing.onmicrosoft.com")).await.unwrap();
    let calls = (0..10).map(|_| {
        let (sb, tenant) = (sb.clone(), tenant.clone());
        async move { sb.create_order(&order(&tenant, "sub_race", 2)).await }
    });
    let results = futures_util::future::join_all(calls).await;
    let ids: std::collections::BTreeSet<String> = results.into_iter().map(|r| r.unwrap().subscription_id).collect();
    assert_eq!(ids.len(), 1, "every call answered with the same subscription");
    assert_eq!(sb.subscriptions_for("sub_race").await.unwrap().len(), 1);
}
