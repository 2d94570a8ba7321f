//! The authorization matrix, driven by the spec: every operation in `openapi.yaml` has a
//! fixture here that builds a REAL resource (owned by freelancer A, or made fresh for a
//! staff action), and the operation is called as no one, as A, as another freelancer, as
//! a customer, as support and as an admin. Each caller either gets through (a 2xx, or at
//! least past authorization for self-service routes whose outcome depends on state) or
//! is refused (401 without a token; 403 or 404 with a token) — and a refused caller, or
//! another user on a self-service route, never sees a field of A's resource in the body.
//! An operation added to the spec without a fixture fails the test.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use crate::helpers::{application_body, Options, Session, TestApp};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anon,
    Owner,
    Other,
    Customer,
    Support,
    Admin,
}

const CALLERS: [Who; 6] = [Who::Anon, Who::Owner, Who::Other, Who::Customer, Who::Support, Who::Admin];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// A 2xx.
    Ok,
    /// Past authorization: not 401/403 (the outcome depends on the caller's own state).
    Reached,
    /// 401 without a token; 403 or 404 with one; no secret of A in the body.
    Denied,
}

/// Who may call an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    Public,
    /// Every signed-in user, each on their own data.
    AnyUser,
    /// Every signed-in user gets past authorization (the outcome depends on their state).
    SignedIn,
    /// Freelancers, each on their own data (others' bodies must not show A's data).
    FreelancerSelf,
    /// Eligible freelancers, each on their own data.
    EligibleSelf,
    /// The owner of the resource in the path (A) and staff.
    OwnerOrStaff,
    /// Only the owner of the resource in the path.
    OwnerOnly,
    Staff,
    AdminOnly,
    /// Customers, each on their own data (the fixture's `owner` is a fresh customer);
    /// freelancers and staff are refused.
    CustomerSelf,
    /// Customers and freelancers (buying for a client); staff are refused.
    Buyer,
}

impl Access {
    fn expect(self, who: Who) -> Expect {
        use Access as A;
        use Who as W;
        match (self, who) {
            (A::Public, _) => Expect::Reached,
            (_, W::Anon) => Expect::Denied,
            (A::AnyUser, _) => Expect::Ok,
            (A::SignedIn, _) => Expect::Reached,
            (A::FreelancerSelf, W::Owner | W::Other) => Expect::Reached,
            (A::EligibleSelf, W::Owner | W::Other) => Expect::Ok,
            (A::OwnerOrStaff, W::Owner | W::Support | W::Admin) => Expect::Ok,
            (A::OwnerOnly, W::Owner) => Expect::Ok,
            (A::Staff, W::Support | W::Admin) => Expect::Ok,
            (A::AdminOnly, W::Admin) => Expect::Ok,
            (A::CustomerSelf, W::Owner | W::Customer) => Expect::Reached,
            (A::Buyer, W::Owner | W::Other | W::Customer) => Expect::Ok,
            _ => Expect::Denied,
        }
    }
}

enum Body {
    None,
    Json(Value),
    Raw(&'static str, Vec<u8>),
}

/// One concrete request for one caller.
struct Call {
    path: String,
    body: Body,
    /// Values of A's resource that no refused caller may see.
    secrets: Vec<String>,
    /// Acts as the owner instead of A (a fresh account the resource belongs to).
    owner: Option<Session>,
}

fn call(path: impl Into<String>, body: Body) -> Call {
    Call { path: path.into(), body, secrets: Vec::new(), owner: None }
}

/// The people every fixture works with.
struct World {
    a: Session,
    a_freelancer_id: String,
    a_referral_code: String,
    a_picture_url: String,
    other: Session,
    customer: Session,
    support: Session,
    admin: Session,
}

fn full_profile(display_name: &str) -> Value {
    json!({
        "personal": {"full_name": "Ana Lima", "display_name": display_name, "description": "Small offices on Microsoft 365.", "languages": ["English"], "country": "DE"},
        "business": {"occupation": "IT support consultant", "skills": ["Intune"], "education": [{"school": "TU Berlin", "degree": "BSc", "year": 2015}], "certifications": ["MS-102"]}
    })
}

fn png() -> Vec<u8> {
    let img = image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(64, 64, image::Rgb([20, 90, 200])));
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png).unwrap();
    out
}

async fn json_of(res: reqwest::Response, what: &str) -> Value {
    assert!(res.status().is_success(), "{what}: {}", res.status());
    res.json().await.unwrap()
}

/// A freelancer whose dashboard is open (DE: no W-9 needed).
async fn eligible(app: &TestApp, display_name: &str) -> Session {
    let s = app.approved_freelancer().await;
    let t = Some(s.access_token.as_str());
    json_of(
        app.client.put(app.url("/api/v1/me/profile")).bearer_auth(&s.access_token).json(&full_profile(display_name)).send().await.unwrap(),
        "profile",
    )
    .await;
    let terms = json_of(app.get("/api/v1/terms/current", None).await, "terms").await;
    json_of(app.post("/api/v1/me/terms-acceptances", json!({"version": terms["version"]}), t).await, "accept terms").await;
    s
}

async fn ticket_of(app: &TestApp, s: &Session, subject: &str) -> String {
    let body = json!({"subject": subject, "category": "other", "message": "A ticket that only its owner and staff may read."});
    let t = json_of(app.post("/api/v1/support-tickets", body, Some(&s.access_token)).await, "ticket").await;
    t["id"].as_str().unwrap().to_string()
}

/// A fresh freelancer with a submitted application; returns (freelancer, application id).
async fn submitted(app: &TestApp) -> (Session, String) {
    let s = app.freelancer().await;
    let id = app.apply(&s, "DE").await;
    (s, id)
}

/// A fresh freelancer whose rejected application is under appeal; returns the appeal id.
async fn appealed(app: &TestApp, w: &World) -> String {
    let (s, application) = submitted(app).await;
    let reject = json!({"reason": "needs_more_detail", "note": "Tell us more about your clients."});
    json_of(app.post(&format!("/api/v1/admin/applications/{application}/reject"), reject, Some(&w.support.access_token)).await, "reject")
        .await;
    let body = json!({"subject_type": "application", "subject_id": application, "explanation": "Please look again, my application is complete and accurate."});
    let appeal = json_of(app.post("/api/v1/appeals", body, Some(&s.access_token)).await, "appeal").await;
    appeal["id"].as_str().unwrap().to_string()
}

async fn invitation(app: &TestApp, w: &World, email: &str, kind: &str) -> Value {
    json_of(app.post("/api/v1/admin/invitations", json!({"email": email, "kind": kind}), Some(&w.support.access_token)).await, "invite")
        .await
}

fn fresh_email() -> String {
    format!("invitee-{}@example.com", partner_hub::domain::ids::random_token(8).to_lowercase())
}

/// A fresh customer with a submitted Microsoft account set-up; (customer, account id, domain).
async fn customer_account(app: &TestApp) -> (Session, String, String) {
    let customer = app.customer().await;
    let account = json_of(
        app.post(
            "/api/v1/customer/accounts",
            crate::customers::account_body(&crate::customers::fresh_name()),
            Some(&customer.access_token),
        )
        .await,
        "customer account",
    )
    .await;
    let (id, domain) = (account["id"].as_str().unwrap().to_string(), account["domain"].as_str().unwrap().to_string());
    (customer, id, domain)
}

/// The fixture of one operation: who may call it and a request for `who`. `None` when
/// the operation has no fixture yet (the test then fails and names it).
async fn fixture(app: &TestApp, w: &World, method: &str, path: &str) -> Option<(Access, Call)> {
    use Access::*;
    let a_secrets = || vec![w.a.email.clone(), w.a.user_id.clone(), w.a_freelancer_id.clone(), w.a_referral_code.clone()];
    let fx = match (method, path) {
        // Public.
        ("GET", "/api/v1/plans" | "/api/v1/program" | "/api/v1/terms/current" | "/api/v1/openapi.yaml") => (Public, call(path, Body::None)),
        ("GET", "/livez" | "/readyz" | "/healthz" | "/metrics") => (Public, call(path, Body::None)),
        ("GET", "/api/v1/profile-pictures/{id}") => (Public, call(w.a_picture_url.clone(), Body::None)),
        ("GET", "/api/v1/r/{code}") => (Public, call(format!("/api/v1/r/{}", w.a_referral_code), Body::None)),
        ("GET", "/api/v1/invitations/{token}") => {
            let inv = invitation(app, w, &fresh_email(), "external").await;
            (Public, call(format!("/api/v1/invitations/{}", inv["token"].as_str().unwrap()), Body::None))
        }
        ("POST", "/api/v1/auth/register") => (Public, call(path, Body::Json(json!({})))),
        ("POST", "/api/v1/auth/login" | "/api/v1/auth/refresh" | "/api/v1/auth/logout") => (Public, call(path, Body::Json(json!({})))),
        ("POST", "/api/v1/auth/verify-email") => (Public, call(path, Body::Json(json!({"token": "phv_not_a_real_token"})))),
        ("POST", "/api/v1/auth/password-reset") => (Public, call(path, Body::Json(json!({"email": fresh_email()})))),
        ("POST", "/api/v1/auth/password-reset/confirm") => {
            (Public, call(path, Body::Json(json!({"token": "phpr_not_a_real_token", "password": "a new horse battery"}))))
        }
        // An unverified account asks for a new link; everyone else is already verified (409).
        ("POST", "/api/v1/auth/verify-email/resend") => {
            let mut c = call(path, Body::None);
            c.owner = Some(app.unverified_freelancer().await);
            (SignedIn, c)
        }

        // Every signed-in user, on their own data.
        ("GET", "/api/v1/me") => {
            let mut c = call(path, Body::None);
            c.secrets = a_secrets();
            (AnyUser, c)
        }
        // Each caller changes their own account (the language it already has).
        ("PATCH", "/api/v1/me") => {
            let mut c = call(path, Body::Json(json!({"locale": "en"})));
            c.secrets = a_secrets();
            (AnyUser, c)
        }
        ("POST", "/api/v1/support-tickets") => {
            let body = json!({"subject": "Matrix ticket", "category": "other", "message": "A question about the programme."});
            (AnyUser, call(path, Body::Json(body)))
        }
        ("GET", "/api/v1/me/support-tickets") => {
            ticket_of(app, &w.a, "A's private ticket subject").await;
            let mut c = call(path, Body::None);
            c.secrets = vec!["A's private ticket subject".into()];
            (AnyUser, c)
        }

        // A's ticket: A and staff.
        ("GET", "/api/v1/support-tickets/{id}")
        | ("POST", "/api/v1/support-tickets/{id}/messages" | "/api/v1/support-tickets/{id}/close") => {
            let id = ticket_of(app, &w.a, "A's ticket in the matrix").await;
            let body = if path.ends_with("/messages") { Body::Json(json!({"body": "A reply in the matrix."})) } else { Body::None };
            let mut c = call(path.replace("{id}", &id), body);
            c.secrets = vec![id, "A's ticket in the matrix".into(), w.a.email.clone()];
            (OwnerOrStaff, c)
        }

        // An invitation for a fresh account's address: only that account may accept it.
        ("POST", "/api/v1/invitations/{token}/accept") => {
            let invitee = app.freelancer().await;
            let inv = invitation(app, w, &invitee.email, "internal").await;
            let mut c = call(format!("/api/v1/invitations/{}/accept", inv["token"].as_str().unwrap()), Body::None);
            c.secrets = vec![invitee.email.clone()];
            c.owner = Some(invitee);
            (OwnerOnly, c)
        }

        // Freelancers, each on their own data.
        ("POST", "/api/v1/applications") => (FreelancerSelf, call(path, Body::Json(application_body("DE")))),
        ("POST", "/api/v1/appeals") => {
            let body =
                json!({"subject_type": "application", "subject_id": "app_unknown", "explanation": "Please look again at my application."});
            (FreelancerSelf, call(path, Body::Json(body)))
        }
        ("PUT", "/api/v1/me/profile") => {
            (FreelancerSelf, call(path, Body::Json(json!({"personal": {"description": "Updated in the matrix."}}))))
        }
        ("PUT", "/api/v1/me/profile/picture") => (FreelancerSelf, call(path, Body::Raw("image/png", png()))),
        ("PUT", "/api/v1/me/tax-form") => (FreelancerSelf, call(path, Body::Json(json!({})))),
        ("POST", "/api/v1/me/terms-acceptances") => (FreelancerSelf, call(path, Body::Json(json!({"version": 1})))),
        (
            "GET",
            "/api/v1/me/application" | "/api/v1/me/appeals" | "/api/v1/me/profile" | "/api/v1/me/tax-form" | "/api/v1/me/terms-acceptances",
        ) => {
            let mut c = call(path, Body::None);
            c.secrets = a_secrets();
            (FreelancerSelf, c)
        }
        ("GET", "/api/v1/me/dashboard") => {
            let mut c = call(path, Body::None);
            c.secrets = a_secrets();
            (EligibleSelf, c)
        }

        // Staff.
        (
            "GET",
            "/api/v1/admin/appeals"
            | "/api/v1/admin/applications"
            | "/api/v1/admin/audit-log"
            | "/api/v1/admin/clock"
            | "/api/v1/admin/emails",
        )
        | ("GET", "/api/v1/admin/freelancers" | "/api/v1/admin/invitations" | "/api/v1/admin/support-tickets" | "/api/v1/admin/terms") => {
            let mut c = call(path, Body::None);
            c.secrets = a_secrets();
            (Staff, c)
        }
        ("GET", "/api/v1/admin/appeals/{id}") | ("POST", "/api/v1/admin/appeals/{id}/review") => {
            let id = appealed(app, w).await;
            let mut c = call(path.replace("{id}", &id), Body::None);
            c.secrets = vec![id];
            (Staff, c)
        }
        ("POST", "/api/v1/admin/appeals/{id}/decide") => {
            let id = appealed(app, w).await;
            (Staff, call(path.replace("{id}", &id), Body::Json(json!({"decision": "denied", "note": "The original decision stands."}))))
        }
        ("GET", "/api/v1/admin/applications/{id}") => {
            let (s, id) = submitted(app).await;
            let mut c = call(path.replace("{id}", &id), Body::None);
            c.secrets = vec![id, s.email];
            (Staff, c)
        }
        ("POST", "/api/v1/admin/applications/{id}/approve") => {
            let (_, id) = submitted(app).await;
            (Staff, call(path.replace("{id}", &id), Body::Json(json!({}))))
        }
        ("POST", "/api/v1/admin/applications/{id}/reject") => {
            let (_, id) = submitted(app).await;
            (
                Staff,
                call(path.replace("{id}", &id), Body::Json(json!({"reason": "needs_more_detail", "note": "Tell us about your clients."}))),
            )
        }
        ("GET", "/api/v1/admin/freelancers/{id}") => {
            let mut c = call(path.replace("{id}", &w.a_freelancer_id), Body::None);
            c.secrets = a_secrets();
            (Staff, c)
        }
        ("PUT", "/api/v1/admin/freelancers/{id}/tier") => {
            let mut c = call(path.replace("{id}", &w.a_freelancer_id), Body::Json(json!({"tier": "pro"})));
            c.secrets = a_secrets();
            (Staff, c)
        }
        ("POST", "/api/v1/admin/invitations") => (Staff, call(path, Body::Json(json!({"email": fresh_email(), "kind": "external"})))),
        ("POST", "/api/v1/admin/invitations/{id}/revoke" | "/api/v1/admin/invitations/{id}/resend") => {
            let email = fresh_email();
            let inv = invitation(app, w, &email, "external").await;
            let mut c = call(path.replace("{id}", inv["id"].as_str().unwrap()), Body::None);
            c.secrets = vec![email];
            (Staff, c)
        }
        ("POST", "/api/v1/admin/jobs/{name}/run") => (Staff, call("/api/v1/admin/jobs/email/run", Body::None)),
        ("GET", "/api/v1/admin/ledger/verify") => (Staff, call(path, Body::None)),
        ("POST", "/api/v1/admin/support-tickets/{id}/close") => {
            let id = ticket_of(app, &w.a, "A's ticket for staff to close").await;
            let mut c = call(path.replace("{id}", &id), Body::None);
            c.secrets = vec![id, "A's ticket for staff to close".into()];
            (Staff, c)
        }
        ("POST", "/api/v1/admin/terms") => {
            let text = json!({"title": "Matrix terms", "body": "Terms published by the authorization matrix test."});
            let body = json!({"en": text, "de": text});
            (Staff, call(path, Body::Json(body)))
        }

        // A fresh client's invoice: that client and staff; everyone's own list.
        ("GET", "/api/v1/customer/invoices") => {
            let client = app.customer().await;
            let (id, number, _, _) = crate::invoices::issue_invoice(app, &client, None, 1500).await;
            let mut c = call(path, Body::None);
            c.secrets = vec![id, number, client.email.clone()];
            c.owner = Some(client);
            (AnyUser, c)
        }
        ("GET", "/api/v1/customer/invoices/{id}" | "/api/v1/customer/invoices/{id}/pdf") => {
            let client = app.customer().await;
            let (id, number, _, _) = crate::invoices::issue_invoice(app, &client, None, 1500).await;
            let mut c = call(path.replace("{id}", &id), Body::None);
            c.secrets = vec![id, number, client.email.clone()];
            c.owner = Some(client);
            (OwnerOrStaff, c)
        }

        // Staff: the catalogue and the tax table.
        ("GET", "/api/v1/admin/catalog" | "/api/v1/admin/tax-rates") => (Staff, call(path, Body::None)),
        ("POST", "/api/v1/admin/products") => {
            (Staff, call(path, Body::Json(json!({"name": "Matrix product", "vendor": "Matrix", "description": "Made by the matrix."}))))
        }
        ("POST", "/api/v1/admin/plans") => {
            let body = json!({"product_id": "prd_microsoft_365", "name": "Matrix plan", "description": "", "monthly_price_cents": 1000, "yearly_price_cents": 10000, "commission_rate_bps": 1000});
            (Staff, call(path, Body::Json(body)))
        }
        ("PATCH", "/api/v1/admin/plans/{id}") => {
            (Staff, call(path.replace("{id}", "pln_m365_business_basic"), Body::Json(json!({"active": true}))))
        }
        ("PUT", "/api/v1/admin/tax-rates/{country}") => {
            (Staff, call(path.replace("{country}", "FR"), Body::Json(json!({"rate_bps": 2000, "label": "TVA"}))))
        }
        // A rate that exists for every caller to remove.
        ("DELETE", "/api/v1/admin/tax-rates/{country}") => {
            let set = app
                .client
                .put(app.url("/api/v1/admin/tax-rates/NL"))
                .bearer_auth(&w.support.access_token)
                .json(&json!({"rate_bps": 2100, "label": "BTW"}));
            json_of(set.send().await.unwrap(), "tax rate").await;
            (Staff, call(path.replace("{country}", "NL"), Body::None))
        }

        // Customers, each on their own account set-up.
        ("GET", "/api/v1/customer/domain-availability") => {
            let mut c = call("/api/v1/customer/domain-availability?name=contoso", Body::None);
            c.owner = Some(app.customer().await);
            (CustomerSelf, c)
        }
        ("POST", "/api/v1/customer/accounts") => {
            let mut c = call(path, Body::Json(crate::customers::account_body(&crate::customers::fresh_name())));
            c.owner = Some(app.customer().await);
            (CustomerSelf, c)
        }
        ("GET", "/api/v1/customer/account") => {
            let (owner, id, domain) = customer_account(app).await;
            let mut c = call(path, Body::None);
            c.secrets = vec![id, domain, owner.email.clone()];
            c.owner = Some(owner);
            (CustomerSelf, c)
        }
        // The owner's account was rejected: they may correct it.
        ("PUT", "/api/v1/customer/account") => {
            let (owner, id, domain) = customer_account(app).await;
            let reject = json!({"reason": "The address is incomplete, please add the street number."});
            json_of(
                app.post(&format!("/api/v1/admin/customer-accounts/{id}/reject"), reject, Some(&w.support.access_token)).await,
                "reject",
            )
            .await;
            let mut c = call(path, Body::Json(crate::customers::account_body(&crate::customers::fresh_name())));
            c.secrets = vec![id, domain, owner.email.clone()];
            c.owner = Some(owner);
            (CustomerSelf, c)
        }
        // The partnership link: anyone may look; only the account's owner may accept.
        ("GET", "/api/v1/partnership-invitations/{token}") | ("POST", "/api/v1/partnership-invitations/{token}/accept") => {
            let (owner, id, domain) = customer_account(app).await;
            json_of(
                app.post(&format!("/api/v1/admin/customer-accounts/{id}/approve"), json!({}), Some(&w.support.access_token)).await,
                "approve",
            )
            .await;
            let token = crate::customers::partnership_token(app, &owner.email).await;
            let mut c = call(path.replace("{token}", &token), Body::None);
            if method == "GET" {
                return Some((Public, c));
            }
            c.secrets = vec![id, domain, owner.email.clone()];
            c.owner = Some(owner);
            (OwnerOnly, c)
        }

        // Staff: customer accounts, commerce settings, provisioning.
        ("GET", "/api/v1/admin/customer-accounts" | "/api/v1/admin/commerce-settings" | "/api/v1/admin/provisioning-tasks") => {
            let mut c = call(path, Body::None);
            c.secrets = a_secrets();
            (Staff, c)
        }
        ("PUT", "/api/v1/admin/commerce-settings") => (Staff, call(path, Body::Json(json!({"auto_approve_accounts": false})))),
        ("GET", "/api/v1/admin/customer-accounts/{id}") | ("POST", "/api/v1/admin/customer-accounts/{id}/approve") => {
            let (owner, id, domain) = customer_account(app).await;
            let mut c = call(path.replace("{id}", &id), Body::None);
            c.secrets = vec![id, domain, owner.email];
            (Staff, c)
        }
        ("POST", "/api/v1/admin/customer-accounts/{id}/reject") => {
            let (owner, id, domain) = customer_account(app).await;
            let body = json!({"reason": "The postal code does not match the city."});
            let mut c = call(path.replace("{id}", &id), Body::Json(body));
            c.secrets = vec![id, domain, owner.email];
            (Staff, c)
        }

        // Buyers: every purchase is the caller's own (no referral code, so no one else's data).
        ("POST", "/api/v1/checkout") => {
            let body = json!({"plan_id": "pln_m365_business_basic", "billing_term": "monthly", "seats": 1, "referral_code": null, "payment_method": "pm_card_visa"});
            let mut c = call(path, Body::Json(body));
            c.secrets = a_secrets();
            (Buyer, c)
        }

        // Admin only.
        ("POST", "/api/v1/admin/clock/advance") => (AdminOnly, call(path, Body::Json(json!({"days": 1})))),

        // Subscriptions: bought by a fresh client through A's link.
        ("GET", "/api/v1/customer/subscriptions") => {
            let (client, id) = subscription_of_a(app, w).await;
            let mut c = call(path, Body::None);
            c.secrets = vec![id, client.email.clone()];
            c.owner = Some(client);
            (AnyUser, c)
        }
        // The referring freelancer (A) and staff read it; the client too (tested in subscriptions.rs).
        ("GET", "/api/v1/subscriptions/{id}") => {
            let (client, id) = subscription_of_a(app, w).await;
            let mut c = call(path.replace("{id}", &id), Body::None);
            c.secrets = vec![id, client.email];
            (OwnerOrStaff, c)
        }
        // Only the client changes it.
        ("GET", "/api/v1/subscriptions/{id}/seat-change" | "/api/v1/subscriptions/{id}/cancellation")
        | ("PATCH", "/api/v1/subscriptions/{id}")
        | ("POST", "/api/v1/subscriptions/{id}/cancel") => {
            let (client, id) = subscription_of_a(app, w).await;
            let concrete = path.replace("{id}", &id);
            let (concrete, body) = match method {
                "GET" if path.ends_with("/seat-change") => (format!("{concrete}?seats=3"), Body::None),
                "PATCH" => (concrete, Body::Json(json!({"auto_renew": true}))),
                _ => (concrete, Body::None),
            };
            let mut c = call(concrete, body);
            c.secrets = vec![id, client.email.clone()];
            c.owner = Some(client);
            (OwnerOnly, c)
        }
        ("GET", "/api/v1/me/subscriptions" | "/api/v1/me/subscriptions.csv" | "/api/v1/me/earnings/forecast") => {
            // A monthly, auto-renewing sale of A: listed, exported and forecast for A only.
            let (client, id) = subscription_of_a(app, w).await;
            let mut c = call(path, Body::None);
            c.secrets = vec![id, client.email];
            (EligibleSelf, c)
        }
        // Withdrawals and statements: eligible freelancers, each on their own money. A
        // request reaches the rules (409 without available funds); staff work the queue.
        ("POST", "/api/v1/me/withdrawals") => (FreelancerSelf, call(path, Body::Json(json!({"amount_cents": 1_000})))),
        ("GET", "/api/v1/me/withdrawals" | "/api/v1/admin/withdrawals") => {
            let id = crate::withdrawals::withdrawal_in_flight(app, &w.a_freelancer_id).await;
            let mut c = call(path, Body::None);
            c.secrets = vec![id];
            (if path.starts_with("/api/v1/admin/") { Staff } else { EligibleSelf }, c)
        }
        ("POST", "/api/v1/admin/withdrawals/{id}/retry") => {
            let (_, fl, _) = app.eligible_freelancer().await;
            crate::withdrawals::fund(app, &fl, 1_000).await;
            let id = crate::withdrawals::stuck_withdrawal(app, &fl, 1_000).await;
            let mut c = call(path.replace("{id}", &id), Body::None);
            c.secrets = vec![fl];
            (Staff, c)
        }
        ("GET", "/api/v1/me/earnings/statements/{year}.csv" | "/api/v1/me/earnings/statements/{year}.pdf") => {
            use chrono::Datelike;
            let year = app.state.clock.now_naive().year().to_string();
            let mut c = call(path.replace("{year}", &year), Body::None);
            c.secrets = a_secrets();
            (EligibleSelf, c)
        }
        ("GET", "/api/v1/me/earnings/monthly") => (EligibleSelf, call(path, Body::None)),
        ("GET", "/api/v1/me/earnings" | "/api/v1/me/earnings.csv") => {
            let entry = earning_of_a(app, w).await;
            let mut c = call(path, Body::None);
            c.secrets = vec![entry];
            (EligibleSelf, c)
        }
        ("GET", "/api/v1/me/earnings/{id}") => {
            let entry = earning_of_a(app, w).await;
            let mut c = call(path.replace("{id}", &entry), Body::None);
            c.secrets = vec![entry];
            (OwnerOnly, c)
        }
        ("GET", "/api/v1/admin/freelancers/{id}/earnings") => {
            let entry = earning_of_a(app, w).await;
            let mut c = call(path.replace("{id}", &w.a_freelancer_id), Body::None);
            c.secrets = vec![entry];
            (Staff, c)
        }
        ("GET", "/api/v1/admin/freelancers/{id}/earnings/{entry_id}") => {
            let entry = earning_of_a(app, w).await;
            let mut c = call(path.replace("{id}", &w.a_freelancer_id).replace("{entry_id}", &entry), Body::None);
            c.secrets = vec![entry];
            (Staff, c)
        }
        ("POST", "/api/v1/admin/freelancers/{id}/adjustments") => {
            let body = json!({"amount_cents": 100, "reason": "A credit in the matrix."});
            (Staff, call(path.replace("{id}", &w.a_freelancer_id), Body::Json(body)))
        }
        ("GET", "/api/v1/admin/subscriptions") => {
            let (client, id) = subscription_of_a(app, w).await;
            let mut c = call(path, Body::None);
            c.secrets = vec![id, client.email];
            (Staff, c)
        }
        ("GET", "/api/v1/admin/subscriptions/{id}") => {
            let (client, id) = subscription_of_a(app, w).await;
            let mut c = call(path.replace("{id}", &id), Body::None);
            c.secrets = vec![id, client.email];
            (Staff, c)
        }
        _ => return None,
    };
    Some(fx)
}

/// A fresh client with a subscription bought through A's link; returns (client, subscription id).
async fn subscription_of_a(app: &TestApp, w: &World) -> (Session, String) {
    let client = app.customer().await;
    let id = app.subscription(&client).seats(2).referred_by(&w.a_freelancer_id).create().await;
    (client, id)
}

/// A credit on A's ledger, written through the ledger; returns the entry id.
async fn earning_of_a(app: &TestApp, w: &World) -> String {
    use partner_hub::domain::earnings::{EarningKind, EarningStatus};
    use partner_hub::earnings::ledger::{self, EntryRow};
    let now = app.state.clock.now_naive();
    let cause = format!("adjustment:matrix:{}", partner_hub::domain::ids::random_token(12));
    let row = EntryRow::new(&w.a_freelancer_id, EarningKind::Adjustment, EarningStatus::Available, 100, cause, now);
    let id = row.id.clone();
    app.db(move |conn| ledger::post_in(conn, row)).await.expect("posted");
    id
}

const LAST: [(&str, &str); 2] = [("POST", "/api/v1/admin/terms"), ("POST", "/api/v1/admin/clock/advance")];

async fn send(app: &TestApp, method: &str, c: &Call, token: Option<&str>) -> reqwest::Response {
    let mut req = app.client.request(method.parse().unwrap(), app.url(&c.path));
    req = match &c.body {
        Body::None if method == "GET" || method == "DELETE" => req,
        Body::None => req.json(&json!({})),
        Body::Json(v) => req.json(v),
        Body::Raw(ct, bytes) => req.header("content-type", *ct).body(bytes.clone()),
    };
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

#[actix_web::test]
async fn every_operation_in_the_spec_is_authorized_against_real_resources() {
    // The fixtures sign up far more people from 127.0.0.1 than one address may by default.
    let app = TestApp::spawn_with(Options { settings: Some(|s| s.signups_per_ip = 10_000), ..Options::default() }).await;
    let a = eligible(&app, "matrix_owner").await;
    let other = eligible(&app, "matrix_other").await;
    let customer = app.customer().await;
    let support = app.support().await;
    let admin = app.admin().await;
    let me = json_of(app.get("/api/v1/me", Some(&a.access_token)).await, "me").await;
    let a_freelancer_id = me["freelancer"]["id"].as_str().unwrap().to_string();
    let a_referral_code = me["freelancer"]["referral_code"].as_str().expect("A is eligible and has a referral code").to_string();
    let up = app
        .client
        .put(app.url("/api/v1/me/profile/picture"))
        .bearer_auth(&a.access_token)
        .header("content-type", "image/png")
        .body(png())
        .send()
        .await
        .unwrap();
    let a_picture_url = json_of(up, "picture").await["picture_url"].as_str().unwrap().to_string();
    let w = World { a, a_freelancer_id, a_referral_code, a_picture_url, other, customer, support, admin };

    let spec = serde_json::to_value(partner_hub::openapi::document()).unwrap();
    let mut ops: Vec<(String, String, Value)> = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            ops.push((method.to_uppercase(), path.clone(), op.clone()));
        }
    }
    // Publishing terms and moving the clock change everyone's state: they go last.
    ops.sort_by_key(|(m, p, _)| LAST.contains(&(m.as_str(), p.as_str())));
    let mut missing = BTreeSet::new();
    let mut failures = Vec::new();
    let mut operations = 0;
    for (method, path, op) in &ops {
        let (method, path) = (method.clone(), path.as_str());
        {
            let public_in_spec = op.get("security").map(|s| s == &json!([{}])).unwrap_or(false);
            operations += 1;
            for who in CALLERS {
                let Some((access, c)) = fixture(&app, &w, &method, path).await else {
                    missing.insert(format!("{method} {path}"));
                    break;
                };
                if who == Who::Anon && public_in_spec != (access == Access::Public) {
                    failures.push(format!("{method} {path}: the spec says public={public_in_spec}, the matrix says {access:?}"));
                }
                let token = match who {
                    Who::Anon => None,
                    Who::Owner => Some(c.owner.as_ref().unwrap_or(&w.a).access_token.clone()),
                    Who::Other => Some(w.other.access_token.clone()),
                    Who::Customer => Some(w.customer.access_token.clone()),
                    Who::Support => Some(w.support.access_token.clone()),
                    Who::Admin => Some(w.admin.access_token.clone()),
                };
                let res = send(&app, &method, &c, token.as_deref()).await;
                let status = res.status().as_u16();
                let body = res.text().await.unwrap_or_default();
                let expect = access.expect(who);
                let ok = match expect {
                    Expect::Ok => (200..300).contains(&status),
                    Expect::Reached => status != 401 && status != 403 && status < 500,
                    Expect::Denied if who == Who::Anon => status == 401,
                    Expect::Denied => status == 403 || status == 404,
                };
                if !ok {
                    failures.push(format!(
                        "{method} {path} as {who:?}: expected {expect:?}, got {status}: {}",
                        body.chars().take(300).collect::<String>()
                    ));
                }
                let sees_others = match expect {
                    Expect::Denied => true,
                    _ => matches!(who, Who::Other | Who::Customer) && access != Access::Public,
                };
                if sees_others && who != Who::Owner {
                    for secret in c.secrets.iter().filter(|s| !s.is_empty()) {
                        if body.contains(secret.as_str()) {
                            failures.push(format!("{method} {path} as {who:?} ({status}) shows A's {secret:?}"));
                        }
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "operations in the spec without a fixture in the authorization matrix: {missing:?}");
    assert!(failures.is_empty(), "authorization matrix failures:\n{}", failures.join("\n"));
    assert!(operations >= 50, "the matrix walked only {operations} operations");
}
