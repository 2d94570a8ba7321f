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
    let res =
        app.post("/api/v1/auth/register", json!({"email": "nope", "password": "short", "full_name": "", "role": "customer"}), None).await;
    let body = problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["email", "full_name", "password"]);

    let res = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "x@example.com", "password": "long enough pw", "full_name": "X", "role": "admin"}),
            None,
        )
        .await;
    assert!(res.status().is_client_error());

    let first = app.customer().await;
    let res = app
        .post(
            "/api/v1/auth/register",
            json!({"email": first.email.to_uppercase(), "password": "another password", "full_name": "Y", "role": "customer"}),
            None,
        )
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

/// Moves a throttle key's wait into the past, as if its time had passed (throttling runs
/// on the wall clock, which a test cannot move).
async fn let_wait_pass(app: &TestApp, key: String) {
    app.db(move |conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::auth_throttle;
        let past = chrono::Utc::now().naive_utc() - chrono::Duration::seconds(1);
        diesel::update(auth_throttle::table.find(key)).set(auth_throttle::blocked_until.eq(past)).execute(conn)?;
        Ok(())
    })
    .await;
}

fn retry_after(res: &reqwest::Response) -> u64 {
    res.headers().get("retry-after").expect("Retry-After").to_str().unwrap().parse().unwrap()
}

async fn audit(app: &TestApp, query: &str) -> Vec<serde_json::Value> {
    let admin = app.admin().await;
    let page: serde_json::Value =
        app.get(&format!("/api/v1/admin/audit-log?limit=100&{query}"), Some(&admin.access_token)).await.json().await.unwrap();
    page["data"].as_array().unwrap().clone()
}

#[actix_web::test]
async fn bad_credentials_are_401_and_login_waits_grow_instead_of_locking_out() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let res = app.post("/api/v1/auth/login", json!({"email": "nobody@example.com", "password": "wrong password"}), None).await;
    problem(res, 401, "invalid_credentials").await;

    let typed = user.email.to_uppercase();
    for _ in 0..5 {
        let res = app.post("/api/v1/auth/login", json!({"email": typed, "password": "wrong password"}), None).await;
        problem(res, 401, "invalid_credentials").await;
    }
    // Five failures for this account: the next attempt, even with the right password,
    // waits 15 s, and asking again while closed does not make the wait longer.
    let res = app.post("/api/v1/auth/login", json!({"email": user.email, "password": "correct horse battery"}), None).await;
    let first = retry_after(&res);
    assert!((14..=15).contains(&first), "{first}");
    let body = problem(res, 429, "rate_limited").await;
    assert!(body["detail"].as_str().unwrap().contains("Try again in 1 minute."), "{body}");
    for _ in 0..3 {
        let res = app.post("/api/v1/auth/login", json!({"email": user.email, "password": "wrong password"}), None).await;
        assert!(retry_after(&res) <= first);
        problem(res, 429, "rate_limited").await;
    }

    // Once it has passed, one more guess is allowed, and the wait after it doubles.
    let key = format!("login:account:{}", user.email);
    let_wait_pass(&app, key.clone()).await;
    problem(
        app.post("/api/v1/auth/login", json!({"email": user.email, "password": "wrong password"}), None).await,
        401,
        "invalid_credentials",
    )
    .await;
    let res = app.post("/api/v1/auth/login", json!({"email": user.email, "password": "correct horse battery"}), None).await;
    assert!((29..=30).contains(&retry_after(&res)));
    problem(res, 429, "rate_limited").await;

    // The owner gets in after the wait, and that starts the count over.
    let_wait_pass(&app, key).await;
    app.login(&user.email, "correct horse battery").await;
    for _ in 0..4 {
        problem(
            app.post("/api/v1/auth/login", json!({"email": user.email, "password": "wrong password"}), None).await,
            401,
            "invalid_credentials",
        )
        .await;
    }
    app.login(&user.email, "correct horse battery").await;

    // Another account from the same address is not affected.
    let other = app.customer().await;
    app.login(&other.email, "correct horse battery").await;

    // Failed logins are audited with the email as typed and the address, never the password.
    let failed = audit(&app, "action=auth.login_failed").await;
    assert_eq!(failed.len(), 1 + 5 + 1 + 4, "refused (429) attempts are not failed logins");
    assert!(failed.iter().any(|e| e["after"]["email"] == typed.as_str() && e["ip"] == "127.0.0.1" && e["actor_id"].is_null()));
    assert!(failed.iter().any(|e| e["subject_id"] == "nobody@example.com"));
    assert!(!serde_json::to_string(&failed).unwrap().contains("wrong password"));
    let logins = audit(&app, &format!("action=auth.login&subject_id={}", user.user_id)).await;
    assert_eq!(logins.len(), 2);
    assert_eq!(logins[0]["ip"], "127.0.0.1");
}

#[actix_web::test]
async fn a_login_warns_before_its_delays_start_and_states_the_wait_in_minutes() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let mut remaining = Vec::new();
    for _ in 0..5 {
        let res = app.post("/api/v1/auth/login", json!({"email": user.email, "password": "wrong password"}), None).await;
        let body = problem(res, 401, "invalid_credentials").await;
        remaining.push(body["remaining_attempts"].as_i64());
        if let Some(n) = body["remaining_attempts"].as_i64() {
            assert!(body["detail"].as_str().unwrap().len() > "The email or password is not correct.".len(), "{body}");
            assert!(n <= 2);
        }
    }
    // Five attempts go through before the delays: the last two failures warn.
    assert_eq!(remaining, vec![None, None, Some(2), Some(1), Some(0)]);
    let res = app.post("/api/v1/auth/login", json!({"email": user.email, "password": "correct horse battery"}), None).await;
    assert!((14..=15).contains(&retry_after(&res)));
    let body = problem(res, 429, "rate_limited").await;
    assert_eq!(body["detail"], "Too many attempts. Try again in 1 minute.");

    // A long wait is rounded up to whole minutes (Retry-After keeps the seconds).
    let key = format!("login:account:{}", user.email);
    app.db(move |conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::auth_throttle;
        let until = chrono::Utc::now().naive_utc() + chrono::Duration::seconds(799);
        diesel::update(auth_throttle::table.find(key)).set(auth_throttle::blocked_until.eq(until)).execute(conn)?;
        Ok(())
    })
    .await;
    let res = app.post("/api/v1/auth/login", json!({"email": user.email, "password": "correct horse battery"}), None).await;
    assert!((798..=799).contains(&retry_after(&res)));
    assert_eq!(problem(res, 429, "rate_limited").await["detail"], "Too many attempts. Try again in 14 minutes.");
}

#[actix_web::test]
async fn twenty_parallel_wrong_guesses_get_exactly_five_password_checks() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let attempts = (0..20).map(|_| app.post("/api/v1/auth/login", json!({"email": user.email, "password": "wrong password"}), None));
    let statuses: Vec<u16> = futures_util::future::join_all(attempts).await.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 5, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 15, "{statuses:?}");
    assert_eq!(audit(&app, "action=auth.login_failed").await.len(), 5);
}

#[actix_web::test]
async fn refresh_rotates_and_reuse_after_the_grace_period_revokes_the_family() {
    let app = TestApp::spawn().await;
    let s = app.freelancer().await;
    let res = app.post("/api/v1/auth/refresh", json!({"refresh_token": s.refresh_token}), None).await;
    assert_eq!(res.status(), 200);
    let second: serde_json::Value = res.json().await.unwrap();
    let second_refresh = second["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(second_refresh, s.refresh_token);
    assert_eq!(app.get("/api/v1/me", second["access_token"].as_str()).await.status(), 200);

    // A second tab presenting the same token moments later gets the same successor.
    let res = app.post("/api/v1/auth/refresh", json!({"refresh_token": s.refresh_token}), None).await;
    assert_eq!(res.status(), 200);
    let again: serde_json::Value = res.json().await.unwrap();
    assert_eq!(again["refresh_token"], second_refresh.as_str());
    assert_eq!(app.get("/api/v1/me", again["access_token"].as_str()).await.status(), 200);

    // After the grace period the old token is spent: presenting it is treated as theft …
    let old = s.refresh_token.clone();
    app.db(move |conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::refresh_tokens;
        let hash = partner_hub::auth::tokens::hash_token(&old);
        let long_ago = chrono::Utc::now().naive_utc() - chrono::Duration::seconds(partner_hub::auth::tokens::GRACE_SECONDS + 5);
        diesel::update(refresh_tokens::table.filter(refresh_tokens::token_hash.eq(hash)))
            .set(refresh_tokens::used_at.eq(long_ago))
            .execute(conn)?;
        Ok(())
    })
    .await;
    let res = app.post("/api/v1/auth/refresh", json!({"refresh_token": s.refresh_token}), None).await;
    problem(res, 401, "invalid_refresh_token").await;
    // … and the whole family, including the newest token, is revoked.
    let res = app.post("/api/v1/auth/refresh", json!({"refresh_token": second_refresh}), None).await;
    problem(res, 401, "invalid_refresh_token").await;

    let entries = audit(&app, "action=session.reuse_detected").await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["subject_id"], s.user_id);
}

#[actix_web::test]
async fn ten_concurrent_refreshes_with_one_token_all_get_the_same_successor() {
    let app = TestApp::spawn().await;
    let s = app.customer().await;
    let calls = (0..10).map(|_| app.post("/api/v1/auth/refresh", json!({"refresh_token": s.refresh_token}), None));
    let responses = futures_util::future::join_all(calls).await;
    let mut tokens = Vec::new();
    for res in responses {
        assert_eq!(res.status(), 200);
        let body: serde_json::Value = res.json().await.unwrap();
        tokens.push(body["refresh_token"].as_str().unwrap().to_string());
    }
    tokens.dedup();
    assert_eq!(tokens.len(), 1, "one successor for all: {tokens:?}");
    assert_ne!(tokens[0], s.refresh_token);
    // One successor row, and it works afterwards.
    let family = app
        .db(|conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::refresh_tokens;
            Ok(refresh_tokens::table.count().get_result::<i64>(conn)?)
        })
        .await;
    let res = app.post("/api/v1/auth/refresh", json!({"refresh_token": tokens[0]}), None).await;
    assert_eq!(res.status(), 200);
    assert!(audit(&app, "action=session.reuse_detected").await.is_empty());
    // The sign-up token and its one successor.
    assert_eq!(family, 2);
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
    let forged = other.issue("usr_x", &["admin".into()], 0, chrono::Utc::now().timestamp()).unwrap();
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
            // The new user is both actor and subject, named by email and name.
            let email = e["after"]["email"].as_str().unwrap();
            assert_eq!(e["actor"]["email"], email, "{e}");
            assert_eq!(e["subject_person"]["email"], email, "{e}");
            assert!(e["actor"]["name"].as_str().is_some_and(|n| !n.is_empty()), "{e}");
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
    // Actions are a closed set: an unknown one is refused, not silently empty.
    problem(app.get("/api/v1/admin/audit-log?action=no.such", Some(&admin.access_token)).await, 400, "invalid_query").await;
}

async fn me_of(app: &TestApp, token: &str) -> serde_json::Value {
    app.get("/api/v1/me", Some(token)).await.json().await.unwrap()
}

#[actix_web::test]
async fn email_is_verified_once_through_the_emailed_link() {
    let app = TestApp::spawn().await;
    let s = app.unverified_freelancer().await;
    assert_eq!(me_of(&app, &s.access_token).await["email_verified"], false);

    // The sign-up email carries the link to the SPA page.
    let mails = app.sent_emails().await;
    let welcome = mails.iter().find(|m| m.to == s.email).expect("sign-up email");
    assert!(welcome.subject.contains("Welcome"));
    assert!(welcome.text.contains("http://127.0.0.1:8080/verify-email?token=phv_"), "{}", welcome.text);
    let token = app.verification_token(&s.email).await;

    problem(app.post("/api/v1/auth/verify-email", json!({"token": "phv_wrong"}), None).await, 400, "invalid_verification_token").await;
    let res = app.post("/api/v1/auth/verify-email", json!({"token": token}), None).await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!((body["email"].as_str(), body["email_verified"].as_bool()), (Some(s.email.as_str()), Some(true)));
    assert_eq!(me_of(&app, &s.access_token).await["email_verified"], true);
    // Single use.
    problem(app.post("/api/v1/auth/verify-email", json!({"token": token}), None).await, 400, "invalid_verification_token").await;
    problem(app.post("/api/v1/auth/verify-email/resend", json!({}), Some(&s.access_token)).await, 409, "already_verified").await;

    let entries = audit(&app, &format!("action=user.email_verified&subject_id={}", s.user_id)).await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["after"]["email"], s.email.as_str());
}

#[actix_web::test]
async fn twenty_concurrent_clicks_on_one_link_verify_once() {
    let app = TestApp::spawn().await;
    let s = app.register_unverified("customer").await;
    let token = app.verification_token(&s.email).await;
    let calls = (0..20).map(|_| app.post("/api/v1/auth/verify-email", json!({"token": token}), None));
    let statuses: Vec<u16> = futures_util::future::join_all(calls).await.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 400).count(), 19, "{statuses:?}");
    assert_eq!(audit(&app, &format!("action=user.email_verified&subject_id={}", s.user_id)).await.len(), 1);
}

#[actix_web::test]
async fn a_new_link_replaces_the_old_one_and_asking_is_throttled() {
    let app = TestApp::spawn().await;
    let s = app.register_unverified("customer").await;
    let first = app.verification_token(&s.email).await;
    problem(app.post("/api/v1/auth/verify-email/resend", json!({}), None).await, 401, "unauthenticated").await;
    for _ in 0..3 {
        assert_eq!(app.post("/api/v1/auth/verify-email/resend", json!({}), Some(&s.access_token)).await.status(), 202);
    }
    // Three links asked for: the next one waits, with the wait in the header and the text.
    let res = app.post("/api/v1/auth/verify-email/resend", json!({}), Some(&s.access_token)).await;
    let wait = retry_after(&res);
    assert!((59..=60).contains(&wait), "{wait}");
    let body = problem(res, 429, "rate_limited").await;
    assert!(body["detail"].as_str().unwrap().contains("Try again in 1 minute."), "{body}");

    let newest = app.verification_token(&s.email).await;
    assert_ne!(newest, first);
    let mails = app.sent_emails().await;
    assert_eq!(mails.iter().filter(|m| m.to == s.email && m.subject == "Confirm your email address").count(), 3);
    problem(app.post("/api/v1/auth/verify-email", json!({"token": first}), None).await, 400, "invalid_verification_token").await;
    assert_eq!(app.post("/api/v1/auth/verify-email", json!({"token": newest}), None).await.status(), 200);
}

#[actix_web::test]
async fn a_revoked_staff_role_stops_working_on_the_next_request() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    assert_eq!(app.get("/api/v1/admin/audit-log", Some(&support.access_token)).await.status(), 200);
    // Staff see any ticket on the shared (any signed-in user) routes too.
    let customer = app.customer().await;
    let ticket: serde_json::Value = app
        .post("/api/v1/support-tickets", json!({"subject": "Invoice question", "category": "payments", "message": "Where do I find the invoice for my last order, please?"}), Some(&customer.access_token))
        .await
        .json()
        .await
        .unwrap();
    let ticket_path = format!("/api/v1/support-tickets/{}", ticket["id"].as_str().unwrap_or_else(|| panic!("{ticket}")));
    assert_eq!(app.get(&ticket_path, Some(&support.access_token)).await.status(), 200);
    let state = app.state.clone();
    let email = support.email.clone();
    let message = actix_web::web::block(move || {
        partner_hub::cli::revoke_staff(&state, &partner_hub::domain::Email::parse(&email).unwrap(), partner_hub::domain::Role::Support)
    })
    .await
    .unwrap()
    .unwrap();
    assert!(message.contains("roles support -> (none)"), "{message}");
    // The access token still says `support`; the database no longer does.
    problem(app.get("/api/v1/admin/audit-log", Some(&support.access_token)).await, 403, "forbidden").await;
    problem(app.get("/api/v1/admin/invitations", Some(&support.access_token)).await, 403, "forbidden").await;
    problem(app.get(&ticket_path, Some(&support.access_token)).await, 404, "not_found").await;
    assert_eq!(app.get(&ticket_path, Some(&customer.access_token)).await.status(), 200);
    let entries = audit(&app, &format!("action=user.role_revoked&subject_id={}", support.user_id)).await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["before"]["roles"], json!(["support"]));
    assert_eq!(entries[0]["after"]["roles"], json!([]));
}

#[actix_web::test]
async fn admin_create_refuses_an_email_someone_registered_first() {
    let app = TestApp::spawn().await;
    // An attacker registers the address the operator is about to make admin.
    let res = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "ops@company.example", "password": "attacker password", "full_name": "Mallory", "role": "customer"}),
            None,
        )
        .await;
    assert_eq!(res.status(), 201);
    let state = app.state.clone();
    let (created, granted) = actix_web::web::block(move || {
        let email = partner_hub::domain::Email::parse("ops@company.example").unwrap();
        let admin = partner_hub::domain::Role::Admin;
        (
            partner_hub::cli::create_staff(&state, &email, "operator password", "Ops", admin),
            partner_hub::cli::grant_existing_role(&state, &email, admin),
        )
    })
    .await
    .unwrap();
    assert_eq!(created.unwrap_err().code, "email_taken");
    // Even with --grant-existing: the address was never proven, so no role.
    assert_eq!(granted.unwrap_err().code, "email_not_verified");
    let attacker = app.login("ops@company.example", "attacker password").await;
    assert_eq!(me_of(&app, &attacker.access_token).await["roles"], json!(["customer"]));
    problem(app.get("/api/v1/admin/audit-log", Some(&attacker.access_token)).await, 403, "forbidden").await;
    assert!(audit(&app, &format!("action=user.role_granted&subject_id={}", attacker.user_id)).await.is_empty());
}

#[actix_web::test]
async fn logins_and_logouts_are_audited() {
    let app = TestApp::spawn().await;
    let s = app.customer().await;
    let session = app.login(&s.email, "correct horse battery").await;
    assert_eq!(app.post("/api/v1/auth/logout", json!({"refresh_token": session.refresh_token}), None).await.status(), 204);
    // Logging out twice records one logout.
    assert_eq!(app.post("/api/v1/auth/logout", json!({"refresh_token": session.refresh_token}), None).await.status(), 204);
    assert_eq!(audit(&app, &format!("action=auth.login&subject_id={}", s.user_id)).await.len(), 1);
    let logouts = audit(&app, &format!("action=auth.logout&subject_id={}", s.user_id)).await;
    assert_eq!(logouts.len(), 1);
    assert_eq!(logouts[0]["ip"], "127.0.0.1");
}

#[actix_web::test]
async fn sign_ups_from_one_address_are_throttled_before_any_hashing() {
    let app = TestApp::spawn().await;
    // Fifty sign-ups from this address already, the last one an instant ago.
    app.db(|conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::auth_throttle;
        let now = chrono::Utc::now().naive_utc();
        diesel::insert_into(auth_throttle::table)
            .values((
                auth_throttle::scope_key.eq("register:ip:127.0.0.1"),
                auth_throttle::failures.eq(50),
                auth_throttle::blocked_until.eq(now + chrono::Duration::seconds(15)),
                auth_throttle::last_attempt_at.eq(now),
            ))
            .execute(conn)?;
        Ok(())
    })
    .await;
    let res = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "late@example.com", "password": "correct horse battery", "full_name": "Late", "role": "customer"}),
            None,
        )
        .await;
    assert!((14..=15).contains(&retry_after(&res)));
    problem(res, 429, "rate_limited").await;
    let users = app
        .db(|conn| {
            use diesel::prelude::*;
            Ok(partner_hub::db::schema::users::table.count().get_result::<i64>(conn)?)
        })
        .await;
    assert_eq!(users, 0);
    let_wait_pass(&app, "register:ip:127.0.0.1".into()).await;
    // The next one passes and closes the address for twice as long.
    app.customer().await;
    let res = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "later@example.com", "password": "correct horse battery", "full_name": "Later", "role": "customer"}),
            None,
        )
        .await;
    assert!((29..=30).contains(&retry_after(&res)));
    problem(res, 429, "rate_limited").await;
}

#[actix_web::test]
async fn control_characters_are_refused_and_old_counters_are_swept() {
    let app = TestApp::spawn().await;
    let res = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "nul@example.com", "password": "correct horse battery", "full_name": "Nu\u{0}l", "role": "customer"}),
            None,
        )
        .await;
    assert_eq!(problem(res, 422, "validation_failed").await["errors"][0]["field"], "full_name");
    let res = app.post("/api/v1/auth/login", json!({"email": "nul\u{0}@example.com", "password": "whatever it is"}), None).await;
    assert_eq!(problem(res, 422, "validation_failed").await["errors"][0]["field"], "email");

    app.db(|conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::auth_throttle;
        let two_days_ago = chrono::Utc::now().naive_utc() - chrono::Duration::days(2);
        diesel::insert_into(auth_throttle::table)
            .values((
                auth_throttle::scope_key.eq("login:account:old@example.com"),
                auth_throttle::failures.eq(3),
                auth_throttle::last_attempt_at.eq(two_days_ago),
            ))
            .execute(conn)?;
        Ok(())
    })
    .await;
    problem(
        app.post("/api/v1/auth/login", json!({"email": "typo@example.com", "password": "wrong password"}), None).await,
        401,
        "invalid_credentials",
    )
    .await;
    let keys: Vec<String> = app
        .db(|conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::auth_throttle;
            Ok(auth_throttle::table.select(auth_throttle::scope_key).order(auth_throttle::scope_key.asc()).load(conn)?)
        })
        .await;
    assert_eq!(
        keys,
        vec!["login:account:typo@example.com", "login:ip:127.0.0.1"],
        "the refused sign-up counted nothing; the old row is gone"
    );
}
