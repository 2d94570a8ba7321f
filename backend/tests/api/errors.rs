//! Bad input of every shape gets problem+json 4xx, never a 500 or HTML.

use crate::helpers::{problem, TestApp};

#[actix_web::test]
async fn malformed_json_wrong_type_and_oversized_bodies() {
    let app = TestApp::spawn().await;
    let url = app.url("/api/v1/auth/login");
    let res = app.client.post(&url).header("content-type", "application/json").body("{\"email\": ").send().await.unwrap();
    problem(res, 400, "malformed_body").await;

    let res = app.client.post(&url).header("content-type", "text/plain").body("hello").send().await.unwrap();
    problem(res, 415, "unsupported_media_type").await;

    let big = format!("{{\"email\": \"{}\", \"password\": \"x\"}}", "a".repeat(70 * 1024));
    let res = app.client.post(&url).header("content-type", "application/json").body(big).send().await.unwrap();
    problem(res, 413, "payload_too_large").await;

    let res = app.client.post(&url).header("content-type", "application/json").body("{\"email\": \"a@b.c\"}").send().await.unwrap();
    let body = problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "password");
    assert_eq!(body["errors"][0]["message"], "is required");

    let res =
        app.client.post(&url).header("content-type", "application/json").body("{\"email\": 5, \"password\": \"x\"}").send().await.unwrap();
    problem(res, 422, "validation_failed").await;
}

#[actix_web::test]
async fn unknown_routes_and_wrong_methods() {
    let app = TestApp::spawn().await;
    problem(app.get("/api/v1/nothing-here", None).await, 404, "not_found").await;
    problem(app.client.delete(app.url("/api/v1/nothing-here")).send().await.unwrap(), 404, "not_found").await;

    let res = app.client.delete(app.url("/api/v1/auth/login")).send().await.unwrap();
    assert_eq!(res.headers().get("allow").unwrap(), "POST");
    problem(res, 405, "method_not_allowed").await;

    let res = app.client.post(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(res.headers().get("allow").unwrap(), "GET, PATCH");
    problem(res, 405, "method_not_allowed").await;

    let admin = app.admin().await;
    let res = app.client.get(app.url("/api/v1/admin/jobs/email/run")).bearer_auth(&admin.access_token).send().await.unwrap();
    problem(res, 405, "method_not_allowed").await;
    let res = app.client.post(app.url("/api/v1/admin/jobs/nope/run")).bearer_auth(&admin.access_token).send().await.unwrap();
    problem(res, 404, "not_found").await;

    // Query strings of the wrong type.
    let res = app.get("/api/v1/admin/audit-log?limit=abc", Some(&admin.access_token)).await;
    problem(res, 400, "invalid_query").await;
    let res = app.get("/api/v1/admin/emails?status=bogus", Some(&admin.access_token)).await;
    problem(res, 400, "invalid_query").await;
}
