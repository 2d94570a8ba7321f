use crate::helpers::{Options, TestApp};

#[actix_web::test]
async fn health_probes_and_request_ids() {
    let app = TestApp::spawn().await;
    let res = app.get("/livez", None).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("x-request-id").unwrap().to_str().unwrap().starts_with("req_"));
    for path in ["/readyz", "/healthz"] {
        let body: serde_json::Value = app.get(path, None).await.json().await.unwrap();
        assert_eq!(body["status"], "ok");
        let engine = if std::env::var("TEST_DATABASE_URL").is_ok() { "postgres" } else { "sqlite" };
        assert_eq!(body["database"], engine);
    }
    let res = app.client.get(app.url("/livez")).header("x-request-id", "abc-123").send().await.unwrap();
    assert_eq!(res.headers().get("x-request-id").unwrap(), "abc-123");
    let res = app.client.get(app.url("/livez")).header("x-request-id", "bad id with spaces").send().await.unwrap();
    assert_ne!(res.headers().get("x-request-id").unwrap(), "bad id with spaces");
}

#[actix_web::test]
async fn readiness_fails_when_the_database_is_gone() {
    let app = TestApp::spawn().await;
    if std::env::var("TEST_DATABASE_URL").is_ok() {
        // Dropping a PostgreSQL database under a live pool is covered by the SQLite run.
        return;
    }
    app.db(|conn| {
        use diesel::connection::SimpleConnection;
        conn.batch_execute("DELETE FROM __diesel_schema_migrations")?;
        Ok(())
    })
    .await;
    let res = app.get("/readyz", None).await;
    crate::helpers::problem(res, 503, "unavailable").await;
    assert_eq!(app.get("/livez", None).await.status(), 200);
}

#[actix_web::test]
async fn metrics_count_requests_by_route() {
    let app = TestApp::spawn().await;
    app.get("/livez", None).await;
    app.get("/api/v1/me", None).await;
    let text = app.get("/metrics", None).await.text().await.unwrap();
    assert!(text.contains("http_requests_total{method=\"GET\",route=\"/livez\",status=\"200\"}"), "{text}");
    assert!(text.contains("http_requests_total{method=\"GET\",route=\"/api/v1/me\",status=\"401\"}"));
    assert!(text.contains("http_request_duration_seconds_bucket"));
}

#[actix_web::test]
async fn security_headers_on_every_response() {
    let app = TestApp::spawn().await;
    for res in [app.get("/livez", None).await, app.get("/api/v1/nope", None).await] {
        let csp = res.headers().get("content-security-policy").unwrap().to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"));
        assert_eq!(res.headers().get("x-content-type-options").unwrap(), "nosniff");
        assert_eq!(res.headers().get("x-frame-options").unwrap(), "DENY");
        assert!(res.headers().get("referrer-policy").is_some());
    }
}

#[actix_web::test]
async fn serves_the_spa_with_history_fallback_and_docs() {
    let spa = tempfile::tempdir().unwrap();
    std::fs::write(spa.path().join("index.html"), "<!doctype html><title>SPA</title>").unwrap();
    std::fs::create_dir_all(spa.path().join("assets")).unwrap();
    std::fs::write(spa.path().join("assets/app.js"), "console.log(1)").unwrap();
    std::fs::create_dir_all(spa.path().join("docs")).unwrap();
    std::fs::write(spa.path().join("docs/index.html"), "<!doctype html><title>Docs</title>").unwrap();
    let app = TestApp::spawn_with(Options { static_dir: Some(spa.path().to_path_buf()), ..Options::default() }).await;

    let res = app.get("/", None).await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("SPA"));
    let res = app.get("/app/some/deep/link", None).await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("SPA"), "history fallback");
    let res = app.get("/assets/app.js", None).await;
    assert_eq!(res.status(), 200);
    let res = app.get("/docs", None).await;
    assert!(res.status().is_redirection());
    let res = app.get("/docs/", None).await;
    assert!(res.text().await.unwrap().contains("Docs"));
    // API paths never fall back to the SPA.
    crate::helpers::problem(app.get("/api/v1/nothing", None).await, 404, "not_found").await;
    let res = app.get("/api/v1/openapi.yaml", None).await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().starts_with("openapi: 3.1"));
    // Traversal: `raw_dot_dot_requests_never_leave_the_static_dir` (reqwest would strip `..`).
}

/// Sends `target` as the request line, byte for byte (no client normalises `..` away),
/// and returns the whole raw response.
async fn raw_get(address: &str, target: &'static str) -> String {
    let host = address.trim_start_matches("http://").to_string();
    actix_web::web::block(move || {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(&host).unwrap();
        stream.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
        write!(stream, "GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
        let mut out = Vec::new();
        let _ = stream.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    })
    .await
    .unwrap()
}

#[actix_web::test]
async fn raw_dot_dot_requests_never_leave_the_static_dir() {
    // outer/secret.txt sits next to the served directory outer/spa.
    let outer = tempfile::tempdir().unwrap();
    std::fs::write(outer.path().join("secret.txt"), "TOP-SECRET-CONTENT").unwrap();
    let spa = outer.path().join("spa");
    std::fs::create_dir_all(spa.join("assets")).unwrap();
    std::fs::write(spa.join("index.html"), "<!doctype html><title>SPA-INDEX</title>").unwrap();
    std::fs::write(spa.join("assets/app.js"), "console.log('APP-JS')").unwrap();
    let app = TestApp::spawn_with(Options { static_dir: Some(spa), ..Options::default() }).await;

    // The raw client does reach files, so the checks below can fail.
    let ok = raw_get(&app.address, "/assets/app.js").await;
    assert!(ok.starts_with("HTTP/1.1 200") && ok.contains("APP-JS"), "{ok}");
    let inside = raw_get(&app.address, "/assets/../assets/app.js").await;
    assert!(!inside.contains("TOP-SECRET"), "{inside}");

    for target in [
        "/../secret.txt",
        "/../../etc/passwd",
        "/../../../../../../etc/passwd",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/..%5csecret.txt",
        "/assets/..%5c..%5csecret.txt",
        "/.%2e/secret.txt",
        "/%252e%252e/secret.txt",
        "/api/v1/../../secret.txt",
        "//../secret.txt",
    ] {
        let res = raw_get(&app.address, target).await;
        let status: u16 = res.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        assert!(!res.contains("TOP-SECRET") && !res.contains("root:"), "{target} leaked:\n{res}");
        assert!(
            (400..500).contains(&status) || (status == 200 && res.contains("SPA-INDEX")),
            "{target}: expected a 4xx or the SPA page, got\n{res}"
        );
    }
}
