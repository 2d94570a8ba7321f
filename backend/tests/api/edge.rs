//! The edge: control characters refused in bodies, query strings and paths (on both
//! engines: PostgreSQL used to answer 500 on a NUL), proxies believed only when trusted,
//! API response headers, the metrics token, no token in the request log, and raw `..`
//! requests that never leave the static directory.

use serde_json::json;

use crate::helpers::{problem, TestApp};

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
