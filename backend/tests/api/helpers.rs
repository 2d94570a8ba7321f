//! `TestApp`: the app on a random port with its own database, plus builders that read
//! like the feature (`app.freelancer().await`, `app.admin().await`).

use std::path::PathBuf;

use diesel::connection::SimpleConnection;
use diesel::Connection;
use partner_hub::config::{AppEnv, ClockMode, Settings};
use partner_hub::domain::ids::random_token;
use partner_hub::state::AppState;
use serde_json::{json, Value};

pub struct TestApp {
    pub address: String,
    pub state: AppState,
    pub client: reqwest::Client,
    pub dir: tempfile::TempDir,
    pg: Option<(String, String)>,
}

pub struct Session {
    pub user_id: String,
    pub email: String,
    pub access_token: String,
    pub refresh_token: String,
}

pub struct Options {
    pub clock: ClockMode,
    pub smtp_url: Option<String>,
    pub static_dir: Option<PathBuf>,
    /// Changes the test settings before the app starts (trusted proxies, metrics token…).
    pub settings: Option<fn(&mut Settings)>,
    /// The payment provider (the sandbox when None), e.g. Stripe at a mock server.
    pub payments: Option<partner_hub::providers::payments::PaymentsSettings>,
}

impl Default for Options {
    fn default() -> Self {
        Options { clock: ClockMode::Manual, smtp_url: None, static_dir: None, settings: None, payments: None }
    }
}

/// A fresh database URL: a temp SQLite file, or a new PostgreSQL database.
fn fresh_database(dir: &std::path::Path) -> (String, Option<(String, String)>) {
    match std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
        Some(admin_url) => {
            let admin_url = without_tls(&admin_url);
            let name = format!("ph_test_{}", random_token(12).to_lowercase());
            let mut conn = diesel::PgConnection::establish(&admin_url).expect("connect to TEST_DATABASE_URL");
            conn.batch_execute(&format!("CREATE DATABASE {name}")).expect("create test database");
            let mut url = url::Url::parse(&admin_url).expect("TEST_DATABASE_URL is a URL");
            url.set_path(&format!("/{name}"));
            (url.to_string(), Some((admin_url, name)))
        }
        None => (format!("sqlite://{}/test.db", dir.display()), None),
    }
}

/// The test server is local and trusts its callers, so the tests talk to it without TLS
/// (unless the URL asks otherwise). With TLS, libpq brings in OpenSSL, whose exit-time
/// clean-up could run while a pool thread of a finished test still closed a connection:
/// once the whole suite passed and the process then died with "double free or corruption".
fn without_tls(url: &str) -> String {
    let mut url = url::Url::parse(url).expect("TEST_DATABASE_URL is a URL");
    if !url.query_pairs().any(|(k, _)| k == "sslmode") {
        url.query_pairs_mut().append_pair("sslmode", "disable");
    }
    url.to_string()
}

pub fn settings_for(dir: &std::path::Path, database_url: String, opts: &Options) -> Settings {
    let mut key = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut key);
    Settings {
        database_url,
        host: "127.0.0.1".into(),
        port: 0,
        app_env: AppEnv::Development,
        jwt_secret: format!("test-secret-{}", random_token(32)),
        jwt_previous_secrets: vec![],
        encryption_key: key,
        public_base_url: "http://127.0.0.1:8080".into(),
        clock: opts.clock,
        smtp_url: opts.smtp_url.clone(),
        email_from: "Partner Hub <no-reply@partner-hub.test>".into(),
        support_email: "support@partner-hub.test".into(),
        support_locale: Default::default(),
        email_outbox_dir: dir.join("outbox"),
        data_dir: dir.to_path_buf(),
        static_dir: opts.static_dir.clone().unwrap_or_else(|| dir.join("no-spa")),
        scheduler: false,
        trusted_proxies: vec![],
        metrics_token: None,
        signups_per_ip: partner_hub::auth::rate_limit::REGISTER_IP.free,
        payments: Default::default(),
        seller: Default::default(),
        microsoft: Default::default(),
        payouts: Default::default(),
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(Options::default()).await
    }

    pub async fn spawn_with(opts: Options) -> TestApp {
        let _ = env_logger::builder().is_test(true).try_init();
        let dir = tempfile::tempdir().expect("temp dir");
        let (database_url, pg) = fresh_database(dir.path());
        let mut settings = settings_for(dir.path(), database_url, &opts);
        if let Some(change) = opts.settings {
            change(&mut settings);
        }
        if let Some(payments) = opts.payments {
            settings.payments = payments;
        }
        let state = actix_web::web::block(move || partner_hub::startup::prepare_state(settings)).await.unwrap().expect("prepare state");
        let app = partner_hub::startup::Application::from_state(state.clone()).expect("build app");
        let address = format!("http://127.0.0.1:{}", app.port());
        actix_web::rt::spawn(app.run_until_stopped());
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        TestApp { address, state, client, dir, pg }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut req = self.client.get(self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.expect("request")
    }

    pub async fn post(&self, path: &str, body: Value, token: Option<&str>) -> reqwest::Response {
        let mut req = self.client.post(self.url(path)).json(&body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.expect("request")
    }

    /// Registers and confirms the address the way a person does: the link from the
    /// sign-up email, posted to `/auth/verify-email`.
    pub async fn register(&self, role: &str) -> Session {
        let s = self.register_unverified(role).await;
        let token = self.verification_token(&s.email).await;
        let res = self.post("/api/v1/auth/verify-email", json!({"token": token}), None).await;
        assert_eq!(res.status(), 200, "verify {}", s.email);
        s
    }

    pub async fn freelancer(&self) -> Session {
        self.register("freelancer").await
    }

    /// A freelancer whose application (country `country`) support has approved.
    pub async fn approved_freelancer_in(&self, country: &str) -> Session {
        let s = self.freelancer().await;
        let support = self.support().await;
        let app_id = self.apply(&s, country).await;
        let res = self.post(&format!("/api/v1/admin/applications/{app_id}/approve"), json!({}), Some(&support.access_token)).await;
        assert_eq!(res.status(), 200, "approve application");
        s
    }

    pub async fn approved_freelancer(&self) -> Session {
        self.approved_freelancer_in("DE").await
    }

    /// A freelancer who may sell: approved (DE, so no W-9), profile complete, terms signed.
    /// Returns the session, the freelancer id and the referral code.
    pub async fn eligible_freelancer(&self) -> (Session, String, String) {
        let s = self.approved_freelancer().await;
        let profile = json!({
            "personal": {"full_name": "Kim Berger", "display_name": format!("kim_{}", random_token(6).to_lowercase()), "description": "IT for small firms", "languages": ["German", "English"], "country": "DE"},
            "business": {"occupation": "IT consultant", "skills": ["Microsoft 365"], "education": [], "certifications": []}
        });
        let res = self.client.put(self.url("/api/v1/me/profile")).bearer_auth(&s.access_token).json(&profile).send().await.unwrap();
        assert_eq!(res.status(), 200, "profile");
        let terms: Value = self.get("/api/v1/terms/current", None).await.json().await.unwrap();
        let res = self.post("/api/v1/me/terms-acceptances", json!({"version": terms["version"]}), Some(&s.access_token)).await;
        assert_eq!(res.status(), 201, "terms");
        let me: Value = self.get("/api/v1/me", Some(&s.access_token)).await.json().await.unwrap();
        assert_eq!(me["freelancer"]["eligible"], true, "eligible: {me}");
        let id = me["freelancer"]["id"].as_str().unwrap().to_string();
        let code = me["freelancer"]["referral_code"].as_str().unwrap().to_string();
        (s, id, code)
    }

    /// The display name a freelancer chose in onboarding (what clients see).
    pub async fn display_name(&self, s: &Session) -> String {
        let profile: Value = self.get("/api/v1/me/profile", Some(&s.access_token)).await.json().await.unwrap();
        profile["personal"]["display_name"].as_str().expect("a display name").to_string()
    }

    /// Submits a valid application; returns its id.
    pub async fn apply(&self, s: &Session, country: &str) -> String {
        let res = self.post("/api/v1/applications", application_body(country), Some(&s.access_token)).await;
        assert_eq!(res.status(), 201, "apply");
        let body: Value = res.json().await.unwrap();
        body["id"].as_str().unwrap().to_string()
    }

    pub async fn customer(&self) -> Session {
        self.register("customer").await
    }

    /// A staff account created the way an operator does it (`admin create`), then signed in.
    pub async fn staff(&self, role: &str) -> Session {
        let email = format!("{}-{}@example.com", role, random_token(8).to_lowercase());
        let state = self.state.clone();
        let (e, r) = (email.clone(), role.to_string());
        actix_web::web::block(move || {
            let email = partner_hub::domain::Email::parse(&e).unwrap();
            partner_hub::cli::create_staff(&state, &email, "staff password 123", "Staff", partner_hub::domain::Role::parse(&r).unwrap())
        })
        .await
        .unwrap()
        .expect("create staff");
        self.login(&email, "staff password 123").await
    }

    pub async fn admin(&self) -> Session {
        self.staff("admin").await
    }

    pub async fn support(&self) -> Session {
        self.staff("support").await
    }

    pub async fn login(&self, email: &str, password: &str) -> Session {
        let res = self.post("/api/v1/auth/login", json!({"email": email, "password": password}), None).await;
        assert_eq!(res.status(), 200, "login {email}");
        session_of(res.json().await.unwrap(), email.to_string())
    }

    /// Runs a diesel closure against this app's database.
    pub async fn db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut partner_hub::db::DbConnection) -> Result<T, partner_hub::error::AppError> + Send + 'static,
    ) -> T {
        self.state.db.run(f).await.expect("db")
    }

    pub fn outbox_dir(&self) -> PathBuf {
        self.dir.path().join("outbox")
    }

    /// Runs the email job (as a fresh admin) and returns every message delivered to the
    /// file outbox so far, decoded.
    pub async fn sent_emails(&self) -> Vec<SentEmail> {
        let admin = self.admin().await;
        let res = self.post("/api/v1/admin/jobs/email/run", json!({}), Some(&admin.access_token)).await;
        assert_eq!(res.status(), 200, "email job");
        read_emails(&self.outbox_dir())
    }
}

/// A delivered message, decoded from its .eml file.
#[derive(Debug, Clone)]
pub struct SentEmail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub raw: String,
}

pub fn read_emails(dir: &std::path::Path) -> Vec<SentEmail> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "eml")).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let raw = std::fs::read(&p).unwrap();
            let mail = mailparse::parse_mail(&raw).expect("a valid RFC 5322 message");
            let header = |name: &str| {
                mail.headers.iter().find(|h| h.get_key().eq_ignore_ascii_case(name)).map(|h| h.get_value()).unwrap_or_default()
            };
            let mut text = String::new();
            let mut html = String::new();
            for part in mail.subparts.iter().chain(std::iter::once(&mail)) {
                match part.ctype.mimetype.as_str() {
                    "text/plain" => text = part.get_body().unwrap_or_default(),
                    "text/html" => html = part.get_body().unwrap_or_default(),
                    _ => {}
                }
            }
            SentEmail { to: header("To"), subject: header("Subject"), text, html, raw: String::from_utf8_lossy(&raw).into_owned() }
        })
        .collect()
}

pub fn application_body(country: &str) -> Value {
    json!({
        "m365_experience": "advanced",
        "us_clients_served": 12,
        "certifications": ["MS-102: Microsoft 365 Administrator"],
        "country": country,
        "motivation": "I run IT for a dozen small US businesses and want to sell and manage their Microsoft 365 directly.",
        "links": ["https://example.com/portfolio"]
    })
}

fn session_of(body: Value, email: String) -> Session {
    Session {
        user_id: body["user"]["id"].as_str().unwrap().to_string(),
        email,
        access_token: body["access_token"].as_str().unwrap().to_string(),
        refresh_token: body["refresh_token"].as_str().unwrap().to_string(),
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = self.pg.take() {
            if let Ok(mut conn) = diesel::PgConnection::establish(&admin_url) {
                let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

/// Asserts a problem+json response and returns its body.
pub async fn problem(res: reqwest::Response, status: u16, code: &str) -> Value {
    assert_eq!(res.status().as_u16(), status, "status for expected code {code}");
    let ct = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert!(ct.starts_with("application/problem+json"), "content type was {ct}");
    let body: Value = res.json().await.expect("problem body");
    assert_eq!(body["code"], code, "problem body: {body}");
    assert_eq!(body["status"], status);
    assert!(body["title"].is_string() && body["detail"].is_string() && body["type"].is_string());
    body
}

impl TestApp {
    /// A second instance of the app on this app's database: its own settings (`opts`),
    /// pool, clock, temp dir (so its own file outbox) and port — the closest thing to a
    /// second server in one test. The first instance owns (and drops) the database.
    pub async fn second_instance(&self, opts: Options) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut settings = settings_for(dir.path(), self.state.settings.database_url.clone(), &opts);
        // Instances of one deployment share their secrets: a token from one works on the other.
        settings.jwt_secret = self.state.settings.jwt_secret.clone();
        settings.encryption_key = self.state.settings.encryption_key;
        let state =
            actix_web::web::block(move || partner_hub::startup::prepare_state(settings)).await.unwrap().expect("prepare second state");
        let app = partner_hub::startup::Application::from_state(state.clone()).expect("build second app");
        let address = format!("http://127.0.0.1:{}", app.port());
        actix_web::rt::spawn(app.run_until_stopped());
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        TestApp { address, state, client, dir, pg: None }
    }

    /// Puts `n` messages straight into the outbox (as a business transaction would);
    /// returns their ids.
    pub async fn enqueue_emails(&self, n: usize) -> Vec<String> {
        let now = self.state.clock.now_naive();
        self.db(move |conn| {
            (0..n)
                .map(|i| {
                    let mail = partner_hub::notifications::mails::ApplicationReceived {
                        name: format!("Recipient {i}"),
                        url: format!("https://partner-hub.test/{i}"),
                    };
                    partner_hub::notifications::outbox::send(conn, &format!("rcpt{i}@example.com"), Default::default(), &mail, now)
                })
                .collect()
        })
        .await
    }

    /// Registers without confirming the address.
    pub async fn register_unverified(&self, role: &str) -> Session {
        let email = format!("{}-{}@example.com", role, random_token(8).to_lowercase());
        let res = self
            .post(
                "/api/v1/auth/register",
                json!({"email": email, "password": "correct horse battery", "full_name": format!("Test {role}"), "role": role}),
                None,
            )
            .await;
        assert_eq!(res.status(), 201, "register {role}");
        session_of(res.json().await.unwrap(), email)
    }

    /// A freelancer who has not confirmed their email address.
    pub async fn unverified_freelancer(&self) -> Session {
        self.register_unverified("freelancer").await
    }

    /// The token of the newest confirmation link emailed to `email`, read from the
    /// message in the outbox.
    pub async fn verification_token(&self, email: &str) -> String {
        self.emailed_token(email, "/verify-email?token=").await.unwrap_or_else(|| panic!("no confirmation link emailed to {email}"))
    }

    /// The token of the newest password-reset link emailed to `email`.
    pub async fn reset_token(&self, email: &str) -> Option<String> {
        self.emailed_token(email, "/reset-password?token=").await
    }

    /// The token after `marker` in the newest message to `email` that has one.
    async fn emailed_token(&self, email: &str, marker: &'static str) -> Option<String> {
        let to = email.to_string();
        let bodies: Vec<String> = self
            .db(move |conn| {
                use diesel::prelude::*;
                use partner_hub::db::schema::email_outbox;
                Ok(email_outbox::table
                    .filter(email_outbox::to_address.eq(to))
                    .order((email_outbox::created_at.desc(), email_outbox::id.desc()))
                    .select(email_outbox::text_body)
                    .load::<String>(conn)?)
            })
            .await;
        bodies.iter().find_map(|b| b.split(marker).nth(1).map(|t| t.split_whitespace().next().unwrap_or("").to_string()))
    }
}

/// A subscription as checkout leaves it (purchase payment, order, paid invoice for the
/// whole term, `created` event), written straight into the database until checkout lands:
/// `app.subscription(&customer).yearly().seats(5).active().create().await`.
pub struct SubscriptionBuilder<'a> {
    app: &'a TestApp,
    spec: SubscriptionSpec,
}

struct SubscriptionSpec {
    customer_user_id: String,
    plan_id: String,
    term: partner_hub::domain::commerce::BillingTerm,
    seats: i32,
    status: partner_hub::domain::commerce::SubscriptionStatus,
    payment_method: String,
    freelancer_id: Option<String>,
    self_referral: bool,
}

impl TestApp {
    pub fn subscription<'a>(&'a self, customer: &Session) -> SubscriptionBuilder<'a> {
        use partner_hub::domain::commerce::{BillingTerm, SubscriptionStatus};
        SubscriptionBuilder {
            app: self,
            spec: SubscriptionSpec {
                customer_user_id: customer.user_id.clone(),
                plan_id: "pln_m365_business_standard".into(),
                term: BillingTerm::Monthly,
                seats: 1,
                status: SubscriptionStatus::Active,
                payment_method: "pm_card_visa".into(),
                freelancer_id: None,
                self_referral: false,
            },
        }
    }
}

impl SubscriptionBuilder<'_> {
    pub fn plan(mut self, plan_id: &str) -> Self {
        self.spec.plan_id = plan_id.into();
        self
    }
    pub fn yearly(mut self) -> Self {
        self.spec.term = partner_hub::domain::commerce::BillingTerm::Yearly;
        self
    }
    pub fn seats(mut self, n: i32) -> Self {
        self.spec.seats = n;
        self
    }
    pub fn pending(mut self) -> Self {
        self.spec.status = partner_hub::domain::commerce::SubscriptionStatus::Pending;
        self
    }
    /// The payment method renewals and seat increases charge (`pm_card_declined`…).
    pub fn card(mut self, pm: &str) -> Self {
        self.spec.payment_method = pm.into();
        self
    }
    pub fn referred_by(mut self, freelancer_id: &str) -> Self {
        self.spec.freelancer_id = Some(freelancer_id.into());
        self
    }
    pub fn self_referral(mut self) -> Self {
        self.spec.self_referral = true;
        self
    }

    /// Writes it all; returns the subscription id.
    pub async fn create(self) -> String {
        use diesel::prelude::*;
        use partner_hub::db::schema::{orders, payments, plans, subscriptions};
        use partner_hub::domain::commerce::{PaymentPurpose, PaymentStatus, SubscriptionEventKind, SubscriptionStatus};
        use partner_hub::domain::ids::{OrderId, PaymentId, SubscriptionId};
        use partner_hub::invoices::model::{BillTo, NewInvoice, NewLine};
        use partner_hub::subscriptions::events::{append_in, NewEvent};
        use partner_hub::subscriptions::model::{SubscriptionRow, CANCELLATION_WINDOW_HOURS};

        let now = self.app.state.clock.now_naive();
        let b = self.spec;
        let st = self.app.state.clone();
        self.app
            .db(move |conn| {
                let (name, monthly, yearly): (String, i64, i64) = plans::table
                    .find(&b.plan_id)
                    .select((plans::name, plans::monthly_price_cents, plans::yearly_price_cents))
                    .first(conn)?;
                let unit = partner_hub::subscriptions::view::price_for(b.term, monthly, yearly);
                let net = unit * b.seats as i64;
                let payment_id = PaymentId::generate().0;
                let subscription_id = SubscriptionId::generate().0;
                diesel::insert_into(payments::table)
                    .values((
                        payments::id.eq(&payment_id),
                        payments::subscription_id.eq(Some(&subscription_id)),
                        payments::user_id.eq(&b.customer_user_id),
                        payments::purpose.eq(PaymentPurpose::Purchase),
                        payments::amount_cents.eq(net),
                        payments::currency.eq("USD"),
                        payments::payment_method.eq("pm_card_visa"),
                        payments::status.eq(PaymentStatus::Succeeded),
                        payments::provider.eq("sandbox"),
                        payments::provider_ref.eq(Some(format!("pi_sandbox_{payment_id}"))),
                        payments::provider_key.eq(format!("test:{payment_id}")),
                        payments::created_at.eq(now),
                    ))
                    .execute(conn)?;
                let order_id = OrderId::generate().0;
                diesel::insert_into(orders::table)
                    .values((
                        orders::id.eq(&order_id),
                        orders::customer_user_id.eq(&b.customer_user_id),
                        orders::plan_id.eq(&b.plan_id),
                        orders::billing_term.eq(b.term),
                        orders::seats.eq(b.seats),
                        orders::unit_price_cents.eq(unit),
                        orders::currency.eq("USD"),
                        orders::freelancer_id.eq(&b.freelancer_id),
                        orders::self_referral.eq(b.self_referral),
                        orders::payment_id.eq(&payment_id),
                        orders::created_at.eq(now),
                    ))
                    .execute(conn)?;
                let end = b.term.term_end(now);
                let row = SubscriptionRow {
                    id: subscription_id,
                    customer_user_id: b.customer_user_id.clone(),
                    account_id: None,
                    order_id,
                    plan_id: b.plan_id.clone(),
                    freelancer_id: b.freelancer_id.clone(),
                    self_referral: b.self_referral,
                    billing_term: b.term,
                    seats: b.seats,
                    scheduled_seats: None,
                    unit_price_cents: unit,
                    currency: "USD".into(),
                    payment_method: b.payment_method.clone(),
                    status: b.status,
                    auto_renew: true,
                    term_start: now,
                    current_term_end: end,
                    cancellation_allowed_until: now + chrono::Duration::hours(CANCELLATION_WINDOW_HOURS),
                    activated_at: (b.status == SubscriptionStatus::Active).then_some(now),
                    renewal_attempts: 0,
                    next_renewal_attempt_at: None,
                    grace_until: None,
                    ended_at: None,
                    provider_subscription_id: None,
                    created_at: now,
                    updated_at: now,
                };
                diesel::insert_into(subscriptions::table).values(&row).execute(conn)?;
                let user = partner_hub::auth::service::find_by_id(conn, &b.customer_user_id)?.expect("customer");
                let invoice = NewInvoice {
                    customer_user_id: b.customer_user_id.clone(),
                    subscription_id: Some(row.id.clone()),
                    payment_id: Some(payment_id),
                    currency: "USD".into(),
                    bill_to: BillTo { name: user.full_name, email: user.email, address: None, country: None },
                    lines: vec![NewLine {
                        description: format!("{name}, {} term, {} seats", b.term, b.seats),
                        quantity: b.seats,
                        unit_amount_cents: unit,
                        amount_cents: net,
                        period: Some((now, end)),
                    }],
                };
                let (inv, _) = partner_hub::invoices::service::issue_in(conn, invoice, Some(&b.customer_user_id), now)?;
                let event = |kind| NewEvent {
                    subscription_id: &row.id,
                    kind,
                    status_before: None,
                    status_after: row.status,
                    seats: row.seats,
                    amount_cents: Some(inv.total_cents),
                    invoice_id: Some(&inv.id),
                    actor_id: None,
                    data: json!({}),
                };
                append_in(conn, &st, event(SubscriptionEventKind::Created), now)?;
                if row.status == SubscriptionStatus::Active {
                    let later = now + chrono::Duration::microseconds(1);
                    append_in(
                        conn,
                        &st,
                        NewEvent { amount_cents: None, invoice_id: None, ..event(SubscriptionEventKind::Activated) },
                        later,
                    )?;
                }
                Ok(row.id)
            })
            .await
    }
}
