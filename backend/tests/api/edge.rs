//! The edge: control characters refused in bodies, query strings and paths (on both
//! engines: PostgreSQL used to answer 500 on a NUL), proxies believed only when trusted,
//! API response headers, the metrics token, no token in the request log, and raw `..`
//! requests that never leave the static directory.

use serde_json::json;

use crate::helpers::{problem, Options, TestApp};

async fn count(app: &TestApp, sql: &'static str) -> i64 {
    app.db(move |conn| {
        use diesel::prelude::*;
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        Ok(diesel::sql_query(sql).get_result::<N>(conn)?.n)
    })
    .await
}

#[actix_web::test]
async fn a_nul_in_a_support_ticket_is_a_422_naming_the_field_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let freelancer = app.freelancer().await;
    let body = json!({"subject": "Help", "category": "technical", "message": "line one\nline\u{0}two"});
    let res = app.post("/api/v1/support-tickets", body, Some(&freelancer.access_token)).await;
    let problem = problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "message", "{problem}");
    assert!(!problem.to_string().contains("line one"), "the value is never echoed: {problem}");
    assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM support_tickets").await, 0);

    // Tabs and line breaks are what multi-line fields need: still accepted.
    let body = json!({"subject": "Help", "category": "technical", "message": "line one\r\n\tline two"});
    assert_eq!(app.post("/api/v1/support-tickets", body, Some(&freelancer.access_token)).await.status(), 201);
    assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM support_tickets").await, 1);
}

#[actix_web::test]
async fn a_nul_in_a_registration_name_is_a_422_and_no_account_is_made() {
    let app = TestApp::spawn().await;
    let body = json!({"email": "nul@example.com", "password": "correct horse battery", "full_name": "Ann\u{0}", "role": "freelancer"});
    let res = app.post("/api/v1/auth/register", body, None).await;
    let problem = problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "full_name", "{problem}");
    assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM users").await, 0);
}

#[actix_web::test]
async fn other_controls_are_refused_with_nested_field_paths() {
    let app = TestApp::spawn().await;
    let freelancer = app.freelancer().await;
    let mut body = crate::helpers::application_body("DE");
    body["links"] = json!(["https://example.com/ok", "https://example.com/\u{1b}[31m"]);
    body["motivation"] = json!("I want to sell Microsoft 365\u{2028}to my clients, a dozen small US businesses.");
    let res = app.post("/api/v1/applications", body, Some(&freelancer.access_token)).await;
    let problem = problem(res, 422, "validation_failed").await;
    let mut fields: Vec<&str> = problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    fields.sort();
    assert_eq!(fields, ["links[1]", "motivation"], "{problem}");
    for c in ['\u{7f}', '\u{85}', '\u{feff}'] {
        let body = json!({"subject": format!("Help{c}"), "category": "technical", "message": "text"});
        let res = app.post("/api/v1/support-tickets", body, Some(&freelancer.access_token)).await;
        assert_eq!(problem_field(res).await, "subject", "{c:?}");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM applications").await, 0);
}

async fn problem_field(res: reqwest::Response) -> String {
    problem(res, 422, "validation_failed").await["errors"][0]["field"].as_str().unwrap().to_string()
}

#[actix_web::test]
async fn control_characters_in_query_strings_and_path_parameters_are_refused() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let token = Some(support.access_token.as_str());
    assert_eq!(app.get("/api/v1/admin/applications?status=submitted", token).await.status(), 200);
    let res = app.get("/api/v1/admin/applications?status=sub%00mitted", token).await;
    assert_eq!(problem_field(res).await, "status");
    let res = app.get("/api/v1/admin/support-tickets?limit=10&cursor=%0Bx", token).await;
    assert_eq!(problem_field(res).await, "cursor");
    // Path parameters are named after the route's template.
    let res = app.get("/api/v1/invitations/abc%00def", None).await;
    assert_eq!(problem_field(res).await, "token");
    let res = app.get("/api/v1/admin/applications/app_%01x", token).await;
    assert_eq!(problem_field(res).await, "id");
    // Percent-encoded ordinary text passes on to the route (here: an unknown id).
    problem(app.get("/api/v1/admin/applications/caf%C3%A9", token).await, 404, "not_found").await;
}

#[actix_web::test]
async fn emails_compare_in_nfc() {
    let app = TestApp::spawn().await;
    let body = json!({"email": "jose@b\u{fc}cher.example", "password": "correct horse battery", "full_name": "José", "role": "customer"});
    assert_eq!(app.post("/api/v1/auth/register", body, None).await.status(), 201);
    // The same address with a combining diaeresis is the same account.
    let body = json!({"email": "jose@bu\u{308}cher.example", "password": "correct horse battery", "full_name": "José", "role": "customer"});
    assert_eq!(app.post("/api/v1/auth/register", body, None).await.status(), 409);
}

fn trust_loopback(s: &mut partner_hub::config::Settings) {
    s.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
}

/// The IPs in the audit log, oldest first.
async fn audited_ips(app: &TestApp) -> Vec<Option<String>> {
    app.db(|conn| {
        use diesel::prelude::*;
        #[derive(QueryableByName)]
        struct Ip {
            #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
            ip: Option<String>,
        }
        Ok(diesel::sql_query("SELECT ip FROM audit_log ORDER BY created_at, id").load::<Ip>(conn)?.into_iter().map(|r| r.ip).collect())
    })
    .await
}

async fn register_from(app: &TestApp, header: (&str, &str)) -> reqwest::Response {
    let email = format!("ip-{}@example.com", partner_hub::domain::ids::random_token(8).to_lowercase());
    app.client
        .post(app.url("/api/v1/auth/register"))
        .header(header.0, header.1)
        .json(&json!({"email": email, "password": "correct horse battery", "full_name": "Ip Test", "role": "customer"}))
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn forwarding_headers_are_ignored_from_an_untrusted_peer() {
    let app = TestApp::spawn().await;
    assert_eq!(register_from(&app, ("x-forwarded-for", "203.0.113.7")).await.status(), 201);
    assert_eq!(register_from(&app, ("forwarded", "for=203.0.113.8")).await.status(), 201);
    assert_eq!(audited_ips(&app).await, [Some("127.0.0.1".to_string()), Some("127.0.0.1".to_string())]);
}

#[actix_web::test]
async fn forwarding_headers_are_believed_from_a_trusted_proxy() {
    let app = TestApp::spawn_with(Options { settings: Some(trust_loopback), ..Options::default() }).await;
    // The client's own claim (6.6.6.6) sits left of what the proxy saw: the right-most
    // untrusted address wins.
    assert_eq!(register_from(&app, ("x-forwarded-for", "6.6.6.6, 203.0.113.7")).await.status(), 201);
    assert_eq!(register_from(&app, ("forwarded", "for=\"[2001:db8::7]:4711\"")).await.status(), 201);
    assert_eq!(register_from(&app, ("x-forwarded-for", "127.0.0.1")).await.status(), 201);
    let ips = audited_ips(&app).await;
    assert_eq!(ips, [Some("203.0.113.7".to_string()), Some("2001:db8::7".to_string()), Some("127.0.0.1".to_string())]);
}

#[actix_web::test]
async fn api_answers_are_never_cached_and_hsts_follows_the_public_url() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    for res in [
        app.get("/api/v1/me", Some(&customer.access_token)).await,
        app.get("/api/v1/me", None).await,
        app.get("/api/v1/program", None).await,
        app.get("/api/v1/nothing-here", None).await,
        app.post("/api/v1/auth/login", json!({"email": customer.email, "password": "correct horse battery"}), None).await,
    ] {
        assert_eq!(res.headers().get("cache-control").map(|v| v.to_str().unwrap()), Some("no-store"), "{}", res.url());
        assert!(res.headers().get("strict-transport-security").is_none(), "no HSTS over http");
    }
    let https = TestApp::spawn_with(Options {
        settings: Some(|s| s.public_base_url = "https://partners.example.com".into()),
        ..Options::default()
    })
    .await;
    for path in ["/api/v1/program", "/livez"] {
        let res = https.get(path, None).await;
        assert_eq!(res.headers().get("strict-transport-security").unwrap(), "max-age=31536000");
    }
}

#[actix_web::test]
async fn metrics_need_the_token_when_one_is_set() {
    let open = TestApp::spawn().await;
    assert_eq!(open.get("/metrics", None).await.status(), 200);
    let app =
        TestApp::spawn_with(Options { settings: Some(|s| s.metrics_token = Some("scrape-me-123".into())), ..Options::default() }).await;
    problem(app.get("/metrics", None).await, 401, "unauthenticated").await;
    problem(app.get("/metrics", Some("scrape-me-12")).await, 401, "unauthenticated").await;
    problem(app.get("/metrics", Some("scrape-me-1234")).await, 401, "unauthenticated").await;
    let res = app.get("/metrics", Some("scrape-me-123")).await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("http_requests_total"));
}

/// Runs the real binary against `app`'s database, with its log in a file.
struct Server {
    child: std::process::Child,
    log: std::path::PathBuf,
    address: String,
}

impl Server {
    fn start(app: &TestApp) -> Server {
        let dir = app.dir.path().join("binary");
        std::fs::create_dir_all(&dir).unwrap();
        let log = dir.join("server.log");
        let file = std::fs::File::create(&log).unwrap();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_partner-hub"))
            .arg("serve")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", &app.state.settings.database_url)
            .env("DATA_DIR", &dir)
            .env("EMAIL_OUTBOX_DIR", dir.join("outbox"))
            .env("STATIC_DIR", dir.join("no-spa"))
            .env("HOST", "127.0.0.1")
            .env("PORT", "0")
            .env("SCHEDULER", "off")
            .env("RUST_LOG", "info")
            .stdout(file.try_clone().unwrap())
            .stderr(file)
            .spawn()
            .expect("start the binary");
        // Owned by a Server at once, so a failed start below still kills and reaps it.
        let mut server = Server { child, log, address: String::new() };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let text = std::fs::read_to_string(&server.log).unwrap_or_default();
            if let Some(i) = text.find("listening on ") {
                server.address = text[i + "listening on ".len()..].split_whitespace().next().unwrap().to_string();
                return server;
            }
            assert!(std::time::Instant::now() < deadline, "the binary never listened:\n{text}");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[actix_web::test]
async fn invitation_tokens_never_reach_the_request_log() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let res = app
        .post("/api/v1/admin/invitations", json!({"email": "logged@example.com", "kind": "external"}), Some(&support.access_token))
        .await;
    assert_eq!(res.status(), 201);
    let token = res.json::<serde_json::Value>().await.unwrap()["token"].as_str().unwrap().to_string();
    assert!(token.len() >= 16, "a real token: {token}");

    let server = Server::start(&app);
    let url = |path: &str| format!("{}{path}", server.address);
    let c = &app.client;
    assert_eq!(c.get(url(&format!("/api/v1/invitations/{token}"))).send().await.unwrap().status(), 200);
    assert_eq!(c.get(url(&format!("/api/v1/invitations/{token}?token={token}"))).send().await.unwrap().status(), 200);
    assert_eq!(c.post(url(&format!("/api/v1/invitations/{token}/accept"))).json(&json!({})).send().await.unwrap().status(), 401);
    assert_eq!(c.delete(url(&format!("/api/v1/invitations/{token}"))).send().await.unwrap().status(), 405);
    // The emailed link opens the SPA page (404 here: no SPA built for the test).
    c.get(url(&format!("/invitations/{token}"))).send().await.unwrap();
    c.get(url(&format!("/partnership-invitations/{token}/accept"))).send().await.unwrap();
    c.get(url(&format!("/api/v1/program?token={token}"))).send().await.unwrap();
    let body = json!({"email": "logged@example.com", "password": "correct horse battery", "full_name": "Logged", "role": "freelancer", "invitation_token": token});
    assert_eq!(c.post(url("/api/v1/auth/register")).json(&body).send().await.unwrap().status(), 201);
    let accepted = c.get(url(&format!("/api/v1/invitations/{token}"))).send().await.unwrap().json::<serde_json::Value>().await.unwrap();
    assert_ne!(accepted["status"], "pending", "the binary served the test's database: {accepted}");

    // Log lines are written after the response; give the last one a moment.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let log = std::fs::read_to_string(&server.log).unwrap();
    assert!(log.contains("GET /api/v1/invitations/{token} 200"), "{log}");
    assert!(log.contains("POST /api/v1/invitations/{token}/accept 401"), "{log}");
    assert!(log.contains("GET /invitations/{token} 404"), "{log}");
    assert!(log.contains("POST /api/v1/auth/register 201"), "{log}");
    assert!(!log.contains(&token), "the token is in the log:\n{log}");
}
