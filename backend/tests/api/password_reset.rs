//! Password reset: the same answer for every address, a single-use link that ends every
//! session, expiry by the manual clock, throttling, the audit trail, and one winner
//! among concurrent confirmations.

use serde_json::{json, Value};

use crate::helpers::{problem, TestApp};

const NEW_PASSWORD: &str = "a brand new horse";

async fn ask(app: &TestApp, email: &str) -> reqwest::Response {
    app.post("/api/v1/auth/password-reset", json!({"email": email}), None).await
}

async fn confirm(app: &TestApp, token: &str, password: &str) -> reqwest::Response {
    app.post("/api/v1/auth/password-reset/confirm", json!({"token": token, "password": password}), None).await
}

async fn audit(app: &TestApp, query: &str) -> Vec<Value> {
    let admin = app.admin().await;
    let page: Value = app.get(&format!("/api/v1/admin/audit-log?limit=100&{query}"), Some(&admin.access_token)).await.json().await.unwrap();
    page["data"].as_array().unwrap().clone()
}

async fn login_status(app: &TestApp, email: &str, password: &str) -> u16 {
    app.post("/api/v1/auth/login", json!({"email": email, "password": password}), None).await.status().as_u16()
}

#[actix_web::test]
async fn an_unknown_address_gets_the_same_answer_and_no_email() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;

    let known = ask(&app, &user.email.to_uppercase()).await;
    let unknown = ask(&app, "nobody-here@example.com").await;
    let not_an_address = ask(&app, "not an address").await;
    let mut answers = Vec::new();
    for res in [known, unknown, not_an_address] {
        let status = res.status().as_u16();
        let headers: Vec<String> = res
            .headers()
            .iter()
            .filter(|(k, _)| !["date", "x-request-id"].contains(&k.as_str()))
            .map(|(k, v)| format!("{k}: {v:?}"))
            .collect();
        answers.push((status, headers, res.bytes().await.unwrap()));
    }
    assert_eq!(answers[0].0, 202);
    assert_eq!(answers[0], answers[1], "known and unknown addresses are answered alike");
    assert_eq!(answers[1], answers[2]);

    let mails = app.sent_emails().await;
    let resets: Vec<_> = mails.iter().filter(|m| m.subject == "Reset your password").collect();
    assert_eq!(resets.len(), 1, "only the account's address gets a link");
    assert_eq!(resets[0].to, user.email);
    assert!(resets[0].text.contains("http://127.0.0.1:8080/reset-password?token=phpr_"), "{}", resets[0].text);

    let requested = audit(&app, "action=auth.password_reset_requested").await;
    assert_eq!(requested.len(), 1, "audited only when the account exists");
    assert_eq!(requested[0]["subject_id"], user.user_id.as_str());
    assert_eq!(requested[0]["ip"], "127.0.0.1");
}

#[actix_web::test]
async fn the_link_works_once_and_ends_every_session() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let laptop = app.login(&user.email, "correct horse battery").await;
    assert_eq!(ask(&app, &user.email).await.status(), 202);
    let token = app.reset_token(&user.email).await.expect("a link was emailed");

    // Too short a password is refused like at registration, and the link stays usable.
    let res = confirm(&app, &token, "short").await;
    let body = problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "password");

    assert_eq!(confirm(&app, &token, NEW_PASSWORD).await.status(), 204);
    // Single use.
    problem(confirm(&app, &token, "yet another password").await, 400, "reset_token_invalid").await;

    // Every session has ended: access tokens from before are refused at once (their
    // 15 minutes have not run out), and so are both logins' refresh tokens.
    for s in [&user, &laptop] {
        problem(app.get("/api/v1/me", Some(&s.access_token)).await, 401, "unauthenticated").await;
        let res = app.post("/api/v1/auth/refresh", json!({"refresh_token": s.refresh_token}), None).await;
        problem(res, 401, "invalid_refresh_token").await;
    }

    // The old password is refused, the new one signs in, and the new session works.
    assert_eq!(login_status(&app, &user.email, "correct horse battery").await, 401);
    let fresh = app.login(&user.email, NEW_PASSWORD).await;
    assert_eq!(app.get("/api/v1/me", Some(&fresh.access_token)).await.status(), 200);
    let res = app.post("/api/v1/auth/refresh", json!({"refresh_token": fresh.refresh_token}), None).await;
    assert_eq!(res.status(), 200);

    let done = audit(&app, &format!("action=auth.password_reset&subject_id={}", user.user_id)).await;
    assert_eq!(done.len(), 1);
    assert_eq!(done[0]["after"]["refresh_tokens_revoked"], 2, "{}", done[0]);
    assert!(!serde_json::to_string(&done).unwrap().contains(NEW_PASSWORD));
}

#[actix_web::test]
async fn the_link_comes_in_the_account_language() {
    let app = TestApp::spawn().await;
    let user = app.freelancer().await;
    let res = app.client.patch(app.url("/api/v1/me")).bearer_auth(&user.access_token).json(&json!({"locale": "de"})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    // Asked from an English browser: the mail follows the account, not the request.
    let res =
        app.client.post(app.url("/api/v1/auth/password-reset")).header("Accept-Language", "en").json(&json!({"email": user.email})).send();
    assert_eq!(res.await.unwrap().status(), 202);
    let mails = app.sent_emails().await;
    let mail = mails.iter().find(|m| m.to == user.email && m.text.contains("/reset-password?token=phpr_")).expect("the reset mail");
    assert_eq!(mail.subject, "Passwort zurücksetzen");
    assert!(mail.text.contains("Passwort"), "{}", mail.text);
}

#[actix_web::test]
async fn a_staff_session_ends_too() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    assert_eq!(app.get("/api/v1/admin/audit-log", Some(&support.access_token)).await.status(), 200);
    assert_eq!(ask(&app, &support.email).await.status(), 202);
    let token = app.reset_token(&support.email).await.unwrap();
    assert_eq!(confirm(&app, &token, NEW_PASSWORD).await.status(), 204);
    problem(app.get("/api/v1/admin/audit-log", Some(&support.access_token)).await, 401, "unauthenticated").await;
}

#[actix_web::test]
async fn a_new_link_replaces_the_old_one_and_links_expire_after_an_hour() {
    let app = TestApp::spawn().await;
    let user = app.freelancer().await;
    assert_eq!(ask(&app, &user.email).await.status(), 202);
    let first = app.reset_token(&user.email).await.unwrap();
    assert_eq!(ask(&app, &user.email).await.status(), 202);
    let second = app.reset_token(&user.email).await.unwrap();
    assert_ne!(first, second);
    problem(confirm(&app, &first, NEW_PASSWORD).await, 400, "reset_token_invalid").await;
    problem(confirm(&app, "phpr_made_up", NEW_PASSWORD).await, 400, "reset_token_invalid").await;

    // The manual clock moves past the hour: the newest link has expired, and says so.
    let admin = app.admin().await;
    assert_eq!(app.post("/api/v1/admin/clock/advance", json!({"days": 1}), Some(&admin.access_token)).await.status(), 200);
    let body = problem(confirm(&app, &second, NEW_PASSWORD).await, 410, "reset_token_expired").await;
    assert!(body["detail"].as_str().unwrap().contains("expired"), "{body}");
    assert_eq!(login_status(&app, &user.email, "correct horse battery").await, 200, "the password is unchanged");
    assert!(audit(&app, "action=auth.password_reset").await.is_empty());
}

#[actix_web::test]
async fn asking_is_throttled_per_address_and_per_ip() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    for _ in 0..3 {
        assert_eq!(ask(&app, &user.email).await.status(), 202);
    }
    // The fourth link for one address waits, stated in minutes; an unknown address is
    // throttled alike, so the throttle tells nothing either.
    for email in [user.email.as_str(), "nobody-here@example.com"] {
        if email != user.email {
            for _ in 0..3 {
                assert_eq!(ask(&app, email).await.status(), 202);
            }
        }
        let res = ask(&app, email).await;
        let wait: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
        assert!((59..=60).contains(&wait), "{wait}");
        let body = problem(res, 429, "rate_limited").await;
        assert_eq!(body["detail"], "Too many attempts. Try again in 1 minute.");
    }
    // Six addresses so far from this IP; fourteen more go through, then the address waits.
    for i in 0..14 {
        assert_eq!(ask(&app, &format!("someone-{i}@example.com")).await.status(), 202, "{i}");
    }
    problem(ask(&app, "someone-else@example.com").await, 429, "rate_limited").await;
}

#[actix_web::test]
async fn twenty_concurrent_confirmations_have_one_winner() {
    // Meant for PostgreSQL (TEST_DATABASE_URL), where the transactions run side by side.
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    assert_eq!(ask(&app, &user.email).await.status(), 202);
    let token = app.reset_token(&user.email).await.unwrap();
    let passwords: Vec<String> = (0..20).map(|i| format!("concurrent password {i}")).collect();
    let calls = passwords.iter().map(|p| confirm(&app, &token, p));
    let statuses: Vec<u16> = futures_util::future::join_all(calls).await.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 204).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 400).count(), 19, "{statuses:?}");
    let winner = &passwords[statuses.iter().position(|s| *s == 204).unwrap()];
    assert_eq!(login_status(&app, &user.email, winner).await, 200, "the winner's password is the one set");
    assert_eq!(audit(&app, &format!("action=auth.password_reset&subject_id={}", user.user_id)).await.len(), 1);
}
