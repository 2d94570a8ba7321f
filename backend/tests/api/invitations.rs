use serde_json::{json, Value};

use crate::helpers::{problem, TestApp};

async fn invite(app: &TestApp, token: &str, email: &str, kind: &str) -> reqwest::Response {
    app.post("/api/v1/admin/invitations", json!({"email": email, "kind": kind}), Some(token)).await
}

#[actix_web::test]
async fn external_invitation_register_with_token_then_it_is_used() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let res = invite(&app, &support.access_token, "New.Expert@Example.com", "external").await;
    assert_eq!(res.status(), 201);
    let inv: Value = res.json().await.unwrap();
    let token = inv["token"].as_str().unwrap().to_string();
    assert!(inv["invite_url"].as_str().unwrap().ends_with(&format!("/invitations/{token}")));
    assert_eq!(inv["invitation"]["status"], "sent");
    assert_eq!(inv["invitation"]["email"], "new.expert@example.com");

    // The emailed link carries the token.
    let mails = app.sent_emails().await;
    assert!(mails.iter().any(|m| m.to == "new.expert@example.com" && m.text.contains(&format!("/invitations/{token}")) && m.html.contains(&token)));

    let check: Value = app.get(&format!("/api/v1/invitations/{token}"), None).await.json().await.unwrap();
    assert_eq!(check["status"], "valid");
    assert_eq!(check["kind"], "external");

    // Registering as a customer with an invitation is refused and changes nothing.
    let res = app
        .post("/api/v1/auth/register", json!({"email": "new.expert@example.com", "password": "correct horse battery", "full_name": "New Expert", "role": "customer", "invitation_token": token}), None)
        .await;
    problem(res, 422, "validation_failed").await;

    let res = app
        .post("/api/v1/auth/register", json!({"email": "new.expert@example.com", "password": "correct horse battery", "full_name": "New Expert", "role": "freelancer", "invitation_token": token}), None)
        .await;
    assert_eq!(res.status(), 201);
    let check: Value = app.get(&format!("/api/v1/invitations/{token}"), None).await.json().await.unwrap();
    assert_eq!(check["status"], "used");

    // Single use.
    let res = app
        .post("/api/v1/auth/register", json!({"email": "someone.else@example.com", "password": "correct horse battery", "full_name": "Else", "role": "freelancer", "invitation_token": token}), None)
        .await;
    let body = problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "invitation_token");

    let list: Value = app.get("/api/v1/admin/invitations?status=accepted", Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn expiry_revocation_and_resend() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let admin = app.admin().await;
    let inv: Value = invite(&app, &support.access_token, "late@example.com", "external").await.json().await.unwrap();
    let token = inv["token"].as_str().unwrap().to_string();
    let id = inv["id"].as_str().unwrap().to_string();
    problem(invite(&app, &support.access_token, "late@example.com", "external").await, 409, "invitation_pending").await;

    app.post("/api/v1/admin/clock/advance", json!({"days": 15}), Some(&admin.access_token)).await;
    let check: Value = app.get(&format!("/api/v1/invitations/{token}"), None).await.json().await.unwrap();
    assert_eq!(check["status"], "expired");
    let list: Value = app.get("/api/v1/admin/invitations?status=expired", Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(list["data"][0]["id"], id);
    let res = app
        .post("/api/v1/auth/register", json!({"email": "late@example.com", "password": "correct horse battery", "full_name": "Late", "role": "freelancer", "invitation_token": token}), None)
        .await;
    problem(res, 422, "validation_failed").await;

    // Re-sending renews it with a new token; the old link stays dead.
    let renewed: Value = app.post(&format!("/api/v1/admin/invitations/{id}/resend"), json!({}), Some(&support.access_token)).await.json().await.unwrap();
    let new_token = renewed["token"].as_str().unwrap().to_string();
    assert_ne!(new_token, token);
    assert_eq!(renewed["invitation"]["send_count"], 2);
    assert_eq!(renewed["invitation"]["status"], "sent");
    problem(app.get(&format!("/api/v1/invitations/{token}"), None).await, 404, "not_found").await;

    let revoked: Value = app.post(&format!("/api/v1/admin/invitations/{id}/revoke"), json!({}), Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(revoked["status"], "revoked");
    let check: Value = app.get(&format!("/api/v1/invitations/{new_token}"), None).await.json().await.unwrap();
    assert_eq!(check["status"], "revoked");
    problem(app.post(&format!("/api/v1/admin/invitations/{id}/revoke"), json!({}), Some(&support.access_token)).await, 409, "invalid_status").await;

    let audit: Value = app.get(&format!("/api/v1/admin/audit-log?subject_id={id}"), Some(&admin.access_token)).await.json().await.unwrap();
    let actions: Vec<&str> = audit["data"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, vec!["invitation.revoked", "invitation.resent", "invitation.created"]);
}

#[actix_web::test]
async fn internal_invitation_accepted_after_login_skips_onboarding() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let existing = app.customer().await;
    problem(invite(&app, &support.access_token, "nobody-here@example.com", "internal").await, 422, "validation_failed").await;
    problem(invite(&app, &support.access_token, &existing.email, "external").await, 422, "validation_failed").await;
    let inv: Value = invite(&app, &support.access_token, &existing.email, "internal").await.json().await.unwrap();
    let token = inv["token"].as_str().unwrap();

    let res = app.post(&format!("/api/v1/invitations/{token}/accept"), json!({}), Some(&existing.access_token)).await;
    assert_eq!(res.status(), 200);
    // The account gained the freelancer role: a refreshed session carries it.
    let refreshed: Value = app.post("/api/v1/auth/refresh", json!({"refresh_token": existing.refresh_token}), None).await.json().await.unwrap();
    assert_eq!(refreshed["user"]["roles"], json!(["customer", "freelancer"]));
    let access = refreshed["access_token"].as_str().unwrap();
    let me: Value = app.get("/api/v1/me", Some(access)).await.json().await.unwrap();
    assert_eq!(me["freelancer"]["onboarding_required"], false);

    // Apply, get approved: only the terms are missing.
    let res = app.post("/api/v1/applications", crate::helpers::application_body("US"), Some(access)).await;
    let application: Value = res.json().await.unwrap();
    assert_eq!(application["invited"], true);
    app.post(&format!("/api/v1/admin/applications/{}/approve", application["id"].as_str().unwrap()), json!({}), Some(&support.access_token)).await;
    let me: Value = app.get("/api/v1/me", Some(access)).await.json().await.unwrap();
    assert_eq!(me["freelancer"]["missing_steps"], json!(["terms"]));

    let res = app.post(&format!("/api/v1/invitations/{token}/accept"), json!({}), Some(access)).await;
    problem(res, 409, "invitation_unusable").await;
}

#[actix_web::test]
async fn invitation_input_is_validated() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    problem(invite(&app, &support.access_token, "not-an-email", "external").await, 422, "validation_failed").await;
    let res = app.post("/api/v1/admin/invitations", json!({"email": "a@example.com", "kind": "vip"}), Some(&support.access_token)).await;
    assert!(res.status().is_client_error());
    problem(app.get("/api/v1/invitations/unknown-token", None).await, 404, "not_found").await;
    problem(app.get("/api/v1/admin/invitations?status=bogus", Some(&support.access_token)).await, 400, "invalid_query").await;
}
