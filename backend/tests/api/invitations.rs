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
    assert!(mails
        .iter()
        .any(|m| m.to == "new.expert@example.com" && m.text.contains(&format!("/invitations/{token}")) && m.html.contains(&token)));

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
    let renewed: Value =
        app.post(&format!("/api/v1/admin/invitations/{id}/resend"), json!({}), Some(&support.access_token)).await.json().await.unwrap();
    let new_token = renewed["token"].as_str().unwrap().to_string();
    assert_ne!(new_token, token);
    assert_eq!(renewed["invitation"]["send_count"], 2);
    assert_eq!(renewed["invitation"]["status"], "sent");
    problem(app.get(&format!("/api/v1/invitations/{token}"), None).await, 404, "not_found").await;

    let revoked: Value =
        app.post(&format!("/api/v1/admin/invitations/{id}/revoke"), json!({}), Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(revoked["status"], "revoked");
    let check: Value = app.get(&format!("/api/v1/invitations/{new_token}"), None).await.json().await.unwrap();
    assert_eq!(check["status"], "revoked");
    problem(
        app.post(&format!("/api/v1/admin/invitations/{id}/revoke"), json!({}), Some(&support.access_token)).await,
        409,
        "invalid_status",
    )
    .await;

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
    let refreshed: Value =
        app.post("/api/v1/auth/refresh", json!({"refresh_token": existing.refresh_token}), None).await.json().await.unwrap();
    assert_eq!(refreshed["user"]["roles"], json!(["customer", "freelancer"]));
    let access = refreshed["access_token"].as_str().unwrap();
    let me: Value = app.get("/api/v1/me", Some(access)).await.json().await.unwrap();
    assert_eq!(me["freelancer"]["onboarding_required"], false);

    // Apply, get approved: only the terms are missing.
    let res = app.post("/api/v1/applications", crate::helpers::application_body("US"), Some(access)).await;
    let application: Value = res.json().await.unwrap();
    assert_eq!(application["invited"], true);
    app.post(
        &format!("/api/v1/admin/applications/{}/approve", application["id"].as_str().unwrap()),
        json!({}),
        Some(&support.access_token),
    )
    .await;
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

async fn audit_actions(app: &TestApp, query: &str) -> Vec<Value> {
    let admin = app.admin().await;
    let page: Value = app.get(&format!("/api/v1/admin/audit-log?limit=100&{query}"), Some(&admin.access_token)).await.json().await.unwrap();
    page["data"].as_array().unwrap().clone()
}

async fn count_rows(app: &TestApp, sql_table: &'static str, email: &str) -> i64 {
    let email = email.to_string();
    app.db(move |conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::{email_outbox, invitations};
        Ok(match sql_table {
            "invitations" => invitations::table.filter(invitations::email.eq(email)).count().get_result::<i64>(conn)?,
            _ => email_outbox::table.filter(email_outbox::to_address.eq(email)).count().get_result::<i64>(conn)?,
        })
    })
    .await
}

#[actix_web::test]
async fn only_the_invited_verified_address_can_use_an_invitation() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let invited = app.register_unverified("customer").await;
    let stranger = app.customer().await;
    let inv: Value = invite(&app, &support.access_token, &invited.email, "internal").await.json().await.unwrap();
    let token = inv["token"].as_str().unwrap().to_string();

    // Another (verified) account holding the link is refused.
    let res = app.post(&format!("/api/v1/invitations/{token}/accept"), json!({}), Some(&stranger.access_token)).await;
    problem(res, 403, "invitation_email_mismatch").await;
    // The invited account must prove its address first.
    let res = app.post(&format!("/api/v1/invitations/{token}/accept"), json!({}), Some(&invited.access_token)).await;
    problem(res, 403, "email_not_verified").await;
    let check: Value = app.get(&format!("/api/v1/invitations/{token}"), None).await.json().await.unwrap();
    assert_eq!(check["status"], "valid", "refusals leave the invitation usable");

    let link = app.verification_token(&invited.email).await;
    assert_eq!(app.post("/api/v1/auth/verify-email", json!({"token": link}), None).await.status(), 200);
    let res = app.post(&format!("/api/v1/invitations/{token}/accept"), json!({}), Some(&invited.access_token)).await;
    assert_eq!(res.status(), 200);
    let me: Value = app.get("/api/v1/me", Some(&stranger.access_token)).await.json().await.unwrap();
    assert!(me["freelancer"].is_null(), "the stranger gained nothing");
}

#[actix_web::test]
async fn registering_through_a_link_needs_the_invited_address_and_proves_it() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let inv: Value = invite(&app, &support.access_token, "invited@example.com", "external").await.json().await.unwrap();
    let token = inv["token"].as_str().unwrap().to_string();

    let res = app
        .post("/api/v1/auth/register", json!({"email": "forwarded.to@example.com", "password": "correct horse battery", "full_name": "Other", "role": "freelancer", "invitation_token": token}), None)
        .await;
    problem(res, 403, "invitation_email_mismatch").await;
    assert_eq!(count_rows(&app, "outbox", "forwarded.to@example.com").await, 0, "nothing was created");

    let res = app
        .post("/api/v1/auth/register", json!({"email": "Invited@Example.com", "password": "correct horse battery", "full_name": "Invited", "role": "freelancer", "invitation_token": token}), None)
        .await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["user"]["email_verified"], true);
    let access = body["access_token"].as_str().unwrap();
    let me: Value = app.get("/api/v1/me", Some(access)).await.json().await.unwrap();
    assert_eq!(me["email_verified"], true);
    let via: Vec<Value> =
        audit_actions(&app, &format!("action=user.email_verified&subject_id={}", body["user"]["id"].as_str().unwrap())).await;
    assert_eq!(via.len(), 1);
    assert_eq!(via[0]["after"]["via"], "invitation");
    // The sign-up email then has no confirmation link to follow.
    let mails = app.sent_emails().await;
    let welcome = mails.iter().find(|m| m.to == "invited@example.com" && m.subject == "Welcome to Partner Hub").unwrap();
    assert!(!welcome.text.contains("verify-email"));
}

#[actix_web::test]
async fn twenty_concurrent_accepts_of_one_invitation_have_one_winner() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let existing = app.customer().await;
    let inv: Value = invite(&app, &support.access_token, &existing.email, "internal").await.json().await.unwrap();
    let path = format!("/api/v1/invitations/{}/accept", inv["token"].as_str().unwrap());
    let calls = (0..20).map(|_| app.post(&path, json!({}), Some(&existing.access_token)));
    let statuses: Vec<u16> = futures_util::future::join_all(calls).await.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 19, "{statuses:?}");
    let accepted = audit_actions(&app, &format!("action=invitation.accepted&subject_id={}", inv["id"].as_str().unwrap())).await;
    assert_eq!(accepted.len(), 1);
    let roles = app
        .db({
            let uid = existing.user_id.clone();
            move |conn| {
                use diesel::prelude::*;
                use partner_hub::db::schema::{freelancers, user_roles};
                let roles = user_roles::table.filter(user_roles::user_id.eq(&uid)).count().get_result::<i64>(conn)?;
                let fl = freelancers::table.filter(freelancers::user_id.eq(&uid)).count().get_result::<i64>(conn)?;
                Ok((roles, fl))
            }
        })
        .await;
    assert_eq!(roles, (2, 1), "customer + freelancer, one freelancer record");
}

#[actix_web::test]
async fn twenty_concurrent_invitations_of_one_email_create_one() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let calls = (0..20).map(|_| invite(&app, &support.access_token, "race@example.com", "external"));
    let responses = futures_util::future::join_all(calls).await;
    let mut created = 0;
    for res in responses {
        match res.status().as_u16() {
            201 => created += 1,
            _ => {
                problem(res, 409, "invitation_pending").await;
            }
        }
    }
    assert_eq!(created, 1);
    assert_eq!(count_rows(&app, "invitations", "race@example.com").await, 1);
    assert_eq!(count_rows(&app, "outbox", "race@example.com").await, 1, "one email");
    assert_eq!(audit_actions(&app, "action=invitation.created").await.len(), 1);
}

#[actix_web::test]
async fn twenty_concurrent_revokes_and_resends_move_an_invitation_once() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let inv: Value = invite(&app, &support.access_token, "twice@example.com", "external").await.json().await.unwrap();
    let id = inv["id"].as_str().unwrap().to_string();
    let revoke = format!("/api/v1/admin/invitations/{id}/revoke");
    let calls = (0..20).map(|_| app.post(&revoke, json!({}), Some(&support.access_token)));
    let statuses: Vec<u16> = futures_util::future::join_all(calls).await.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 19, "{statuses:?}");
    assert_eq!(audit_actions(&app, &format!("action=invitation.revoked&subject_id={id}")).await.len(), 1);
    // A revoked invitation cannot be re-sent, and the email may be invited afresh.
    problem(
        app.post(&format!("/api/v1/admin/invitations/{id}/resend"), json!({}), Some(&support.access_token)).await,
        409,
        "invalid_status",
    )
    .await;
    assert_eq!(invite(&app, &support.access_token, "twice@example.com", "external").await.status(), 201);
}

#[actix_web::test]
async fn an_expired_invitation_makes_room_for_a_new_one_and_cannot_be_revived_over_it() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let admin = app.admin().await;
    let old: Value = invite(&app, &support.access_token, "again@example.com", "external").await.json().await.unwrap();
    app.post("/api/v1/admin/clock/advance", json!({"days": 15}), Some(&admin.access_token)).await;
    let new = invite(&app, &support.access_token, "again@example.com", "external").await;
    assert_eq!(new.status(), 201);
    let listed: Value = app.get("/api/v1/admin/invitations?status=expired", Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(listed["data"][0]["id"], old["id"]);
    assert_eq!(listed["data"][0]["status"], "expired");
    // Re-sending the old one would make two pending invitations for one email.
    let res = app
        .post(&format!("/api/v1/admin/invitations/{}/resend", old["id"].as_str().unwrap()), json!({}), Some(&support.access_token))
        .await;
    problem(res, 409, "invitation_pending").await;
}
