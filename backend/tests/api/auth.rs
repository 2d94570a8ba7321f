use serde_json::json;

use crate::helpers::{problem, TestApp};

#[actix_web::test]
async fn register_login_me_and_roles() {
    let app = TestApp::spawn().await;
    let res = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "Ana@Example.com", "password": "correct horse battery", "full_name": "Ana Lima", "role": "freelancer"}),
            None,
        )
        .await;
    assert_eq!(res.status(), 201);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["user"]["email"], "ana@example.com");
    assert_eq!(body["user"]["roles"], json!(["freelancer"]));
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert!(body["user"]["id"].as_str().unwrap().starts_with("usr_"));
    assert!(body["user"]["created_at"].as_str().unwrap().ends_with('Z'));

    let session = app.login("ana@example.com", "correct horse battery").await;
    let me: serde_json::Value = app.get("/api/v1/me", Some(&session.access_token)).await.json().await.unwrap();
    assert_eq!(me["full_name"], "Ana Lima");
    assert!(me["freelancer"]["id"].as_str().unwrap().starts_with("fl_"));
    assert_eq!(me["freelancer"]["eligible"], false);
    assert_eq!(me["freelancer"]["tier"], "standard");

    let customer = app.customer().await;
    let me: serde_json::Value = app.get("/api/v1/me", Some(&customer.access_token)).await.json().await.unwrap();
    assert_eq!(me["roles"], json!(["customer"]));
    assert!(me["freelancer"].is_null());

    // The password is stored as an argon2id hash, never in clear.
    let hash = app
        .db(|conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::users;
            Ok(users::table.filter(users::email.eq("ana@example.com")).select(users::password_hash).first::<String>(conn)?)
        })
        .await;
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
}

#[actix_web::test]
async fn registration_is_validated_and_changes_nothing_on_error() {
    let app = TestApp::spawn().await;
    let res = app
        .post("/api/v1/auth/register", json!({"email": "nope", "password": "short", "full_name": "", "role": "customer"}), None)
        .await;
    let body = problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["email", "full_name", "password"]);

    let res = app
        .post("/api/v1/auth/register", json!({"email": "x@example.com", "password": "long enough pw", "full_name": "X", "role": "admin"}), None)
        .await;
    assert!(res.status().is_client_error());

    let first = app.customer().await;
    let res = app
        .post("/api/v1/auth/register", json!({"email": first.email.to_uppercase(), "password": "another password", "full_name": "Y", "role": "customer"}), None)
        .await;
    let body = problem(res, 409, "email_taken").await;
    assert_eq!(body["errors"][0]["field"], "email");

    let count = app
        .db(|conn| {
            use diesel::prelude::*;
            Ok(partner_hub::db::schema::users::table.count().get_result::<i64>(conn)?)
        })
        .await;
    assert_eq!(count, 1, "only the one good registration exists");
}

#[actix_web::test]
async fn bad_credentials_are_401_and_login_is_rate_limited() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let res = app.post("/api/v1/auth/login", json!({"email": user.email, "password": "wrong password"}), None).await;
    problem(res, 401, "invalid_credentials").await;
    let res = app.post("/api/v1/auth/login", json!({"email": "nobody@example.com", "password": "wrong password"}), None).await;
    problem(res, 401, "invalid_credentials").await;

    for _ in 0..9 {
        let res = app.post("/api/v1/auth/login", json!({"email": user.email, "password": "wrong password"}), None).await;
        assert_eq!(res.status(), 401);
    }
    // Ten failures for this account: even the right password waits now.
    let res = app.post("/api/v1/auth/login", json!({"email": user.email, "password": "correct horse battery"}), None).await;
    let retry: u64 = res.headers().get("retry-after").expect("Retry-After").to_str().unwrap().parse().unwrap();
    assert!(retry > 0 && retry <= 15 * 60);
    problem(res, 429, "rate_limited").await;

    // Another account from the same address is not locked yet.
    let other = app.customer().await;
    app.login(&other.email, "correct horse battery").await;
}

#[actix_web::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = TestApp::spawn().await;
    let s = app.freelancer().await;
    let res = app.post("/api/v1/auth/refresh", json!({"refresh_token": s.refresh_token}), None).await;
    assert_eq!(res.status(), 200);
    let second: serde_json::Value = res.json().await.unwrap();
    let second_refresh = second["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(second_refresh, s.refresh_token);
    assert_eq!(app.get("/api/v1/me", second["access_token"].as_str()).await.status(), 200);

    // The old token is spent: presenting it again is treated as theft …
    let res = app.post("/api/v1/auth/refresh", json!({"refresh_token": s.refresh_token}), None).await;
    problem(res, 401, "invalid_refresh_token").await;
    // … and the whole family, including the newest token, is revoked.
    let res = app.post("/api/v1/auth/refresh", json!({"refresh_token": second_refresh}), None).await;
    problem(res, 401, "invalid_refresh_token").await;

    let audit: serde_json::Value = {
        let admin = app.admin().await;
        app.get("/api/v1/admin/audit-log?action=session.reuse_detected", Some(&admin.access_token)).await.json().await.unwrap()
    };
    assert_eq!(audit["data"].as_array().unwrap().len(), 1);
    assert_eq!(audit["data"][0]["subject_id"], s.user_id);
}

#[actix_web::test]
async fn logout_revokes_the_refresh_token() {
    let app = TestApp::spawn().await;
    let s = app.customer().await;
    let res = app.post("/api/v1/auth/logout", json!({"refresh_token": s.refresh_token}), None).await;
    assert_eq!(res.status(), 204);
    let res = app.post("/api/v1/auth/refresh", json!({"refresh_token": s.refresh_token}), None).await;
    problem(res, 401, "invalid_refresh_token").await;
}

#[actix_web::test]
async fn tokens_are_checked() {
    let app = TestApp::spawn().await;
    problem(app.get("/api/v1/me", None).await, 401, "unauthenticated").await;
    problem(app.get("/api/v1/me", Some("not-a-jwt")).await, 401, "unauthenticated").await;
    // A token signed with another secret is refused.
    let other = partner_hub::auth::jwt::JwtKeys::new("some-other-secret-some-other-secret", &[]);
    let forged = other.issue("usr_x", &["admin".into()], chrono::Utc::now().timestamp()).unwrap();
    problem(app.get("/api/v1/me", Some(&forged)).await, 401, "unauthenticated").await;
}

#[actix_web::test]
async fn admin_routes_are_for_staff_only() {
    let app = TestApp::spawn().await;
    let freelancer = app.freelancer().await;
    let customer = app.customer().await;
    let support = app.support().await;
    let admin = app.admin().await;
    for s in [&freelancer, &customer] {
        problem(app.get("/api/v1/admin/audit-log", Some(&s.access_token)).await, 403, "forbidden").await;
    }
    assert_eq!(app.get("/api/v1/admin/audit-log", Some(&support.access_token)).await.status(), 200);
    // Moving the clock is for admins, not support.
    problem(app.post("/api/v1/admin/clock/advance", json!({"days": 1}), Some(&support.access_token)).await, 403, "forbidden").await;
    assert_eq!(app.post("/api/v1/admin/clock/advance", json!({"days": 1}), Some(&admin.access_token)).await.status(), 200);
    let me: serde_json::Value = app.get("/api/v1/me", Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(me["roles"], json!(["admin"]));
}

#[actix_web::test]
async fn audit_log_lists_newest_first_with_cursor_pagination() {
    let app = TestApp::spawn().await;
    for _ in 0..5 {
        app.customer().await;
    }
    let admin = app.admin().await;
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/admin/audit-log?action=user.registered&limit=2&cursor={c}"),
            None => "/api/v1/admin/audit-log?action=user.registered&limit=2".to_string(),
        };
        let page: serde_json::Value = app.get(&path, Some(&admin.access_token)).await.json().await.unwrap();
        for e in page["data"].as_array().unwrap() {
            seen.push((e["created_at"].as_str().unwrap().to_string(), e["id"].as_str().unwrap().to_string()));
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 5);
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, sorted, "newest first, no duplicates across pages");
    problem(app.get("/api/v1/admin/audit-log?limit=0", Some(&admin.access_token)).await, 422, "validation_failed").await;
    problem(app.get("/api/v1/admin/audit-log?cursor=garbage", Some(&admin.access_token)).await, 422, "validation_failed").await;
}
