use serde_json::{json, Value};

use crate::helpers::{application_body, problem, TestApp};

#[actix_web::test]
async fn apply_once_then_support_reviews_with_filters_and_search() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let ana = app.freelancer().await;
    let bo = app.freelancer().await;

    problem(app.get("/api/v1/me/application", Some(&ana.access_token)).await, 404, "not_found").await;
    let ana_app = app.apply(&ana, "US").await;
    problem(app.post("/api/v1/applications", application_body("US"), Some(&ana.access_token)).await, 409, "application_open").await;
    let mine: Value = app.get("/api/v1/me/application", Some(&ana.access_token)).await.json().await.unwrap();
    assert_eq!(mine["status"], "submitted");
    assert_eq!(mine["invited"], false);
    assert_eq!(mine["links"], json!(["https://example.com/portfolio"]));
    let bo_app = app.apply(&bo, "CA").await;

    let queue: Value = app.get("/api/v1/admin/applications?status=submitted", Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(queue["data"].as_array().unwrap().len(), 2);
    assert_eq!(queue["data"][0]["id"], bo_app, "newest first");
    assert_eq!(queue["data"][0]["applicant"]["email"], bo.email);
    // "freelancer-" and five of the eight random characters: unique between the two.
    let q = &ana.email[..16];
    let found: Value =
        app.get(&format!("/api/v1/admin/applications?q={}", q.to_uppercase()), Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(found["data"].as_array().unwrap().len(), 1, "case-insensitive search on email");
    let invited: Value = app.get("/api/v1/admin/applications?invited=true", Some(&support.access_token)).await.json().await.unwrap();
    assert!(invited["data"].as_array().unwrap().is_empty());
    let future: Value =
        app.get("/api/v1/admin/applications?submitted_after=2100-01-01T00:00:00Z", Some(&support.access_token)).await.json().await.unwrap();
    assert!(future["data"].as_array().unwrap().is_empty());

    // Reject with a reason; `other` needs a note.
    let res =
        app.post(&format!("/api/v1/admin/applications/{ana_app}/reject"), json!({"reason": "other"}), Some(&support.access_token)).await;
    let body = problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "note");
    let res = app
        .post(
            &format!("/api/v1/admin/applications/{ana_app}/reject"),
            json!({"reason": "needs_more_detail", "note": "Tell us about your clients."}),
            Some(&support.access_token),
        )
        .await;
    assert_eq!(res.status(), 200);
    let mine: Value = app.get("/api/v1/me/application", Some(&ana.access_token)).await.json().await.unwrap();
    assert_eq!(mine["status"], "rejected");
    assert_eq!(mine["decision"]["reason"], "needs_more_detail");
    assert_eq!(mine["decision"]["note"], "Tell us about your clients.");
    problem(
        app.post(&format!("/api/v1/admin/applications/{ana_app}/approve"), json!({}), Some(&support.access_token)).await,
        409,
        "invalid_status",
    )
    .await;

    let res = app
        .post(&format!("/api/v1/admin/applications/{bo_app}/approve"), json!({"note": "Welcome aboard, Bo!"}), Some(&support.access_token))
        .await;
    assert_eq!(res.status(), 200);
    let me: Value = app.get("/api/v1/me", Some(&bo.access_token)).await.json().await.unwrap();
    assert_eq!(me["freelancer"]["status"], "approved");
    problem(app.post("/api/v1/applications", application_body("CA"), Some(&bo.access_token)).await, 409, "already_approved").await;

    // Both applicants were emailed their decision.
    let mails = app.sent_emails().await;
    assert!(mails.iter().any(|m| m.to == ana.email
        && m.subject == "About your application"
        && m.text.contains("appeal")
        && m.text.contains("needs more detail")));
    assert!(mails
        .iter()
        .any(|m| m.to == bo.email && m.subject == "Your application is approved" && m.text.contains("Welcome aboard, Bo!")));
    let admin = app.admin().await;
    let audit: Value = app.get("/api/v1/admin/audit-log?subject_type=application", Some(&admin.access_token)).await.json().await.unwrap();
    let actions: Vec<&str> = audit["data"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"application.rejected") && actions.contains(&"application.approved"));
}

#[actix_web::test]
async fn every_invalid_field_is_reported_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let s = app.freelancer().await;
    let res = app
        .post(
            "/api/v1/applications",
            json!({
                "m365_experience": "advanced",
                "us_clients_served": -1,
                "certifications": [""],
                "country": "usa",
                "motivation": "too short",
                "links": ["ftp://example.com", "https://ok.example.com"]
            }),
            Some(&s.access_token),
        )
        .await;
    let body = problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["certifications", "country", "links", "motivation", "us_clients_served"]);
    problem(app.get("/api/v1/me/application", Some(&s.access_token)).await, 404, "not_found").await;

    // Customers cannot apply.
    let c = app.customer().await;
    problem(app.post("/api/v1/applications", application_body("US"), Some(&c.access_token)).await, 403, "forbidden").await;
}

#[actix_web::test]
async fn applying_needs_a_confirmed_email_address() {
    let app = TestApp::spawn().await;
    let s = app.unverified_freelancer().await;
    crate::helpers::problem(
        app.post("/api/v1/applications", crate::helpers::application_body("DE"), Some(&s.access_token)).await,
        403,
        "email_not_verified",
    )
    .await;
    let count: i64 = app
        .db(|conn| {
            use diesel::prelude::*;
            Ok(partner_hub::db::schema::applications::table.count().get_result(conn)?)
        })
        .await;
    assert_eq!(count, 0, "nothing was stored");
    // Confirming the address opens the way.
    let token = app.verification_token(&s.email).await;
    assert_eq!(app.post("/api/v1/auth/verify-email", serde_json::json!({"token": token}), None).await.status(), 200);
    assert_eq!(app.post("/api/v1/applications", crate::helpers::application_body("DE"), Some(&s.access_token)).await.status(), 201);
}

#[actix_web::test]
async fn a_given_decision_note_says_something_and_the_path_is_a_fact() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let ana = app.freelancer().await;
    let ana_app = app.apply(&ana, "DE").await;
    let reject = |note: &str| json!({"reason": "needs_more_detail", "note": note});

    // Too short: 422 on `note`, and the application is untouched.
    for short in ["ok", "  Zu kurz.  "] {
        let res = app.post(&format!("/api/v1/admin/applications/{ana_app}/reject"), reject(short), Some(&support.access_token)).await;
        let body = problem(res, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["field"], "note");
        assert!(body["errors"][0]["message"].as_str().unwrap().contains("10"), "{body}");
    }
    let res =
        app.post(&format!("/api/v1/admin/applications/{ana_app}/approve"), json!({"note": "Welcome!"}), Some(&support.access_token)).await;
    assert_eq!(problem(res, 422, "validation_failed").await["errors"][0]["field"], "note");
    let mine: Value = app.get("/api/v1/me/application", Some(&ana.access_token)).await.json().await.unwrap();
    assert_eq!(mine["status"], "submitted", "a refused decision changes nothing");
    assert!(app.sent_emails().await.iter().all(|m| m.subject != "Your application is approved"));

    // A blank note is no note; the decision says it came from support's review.
    let res = app.post(&format!("/api/v1/admin/applications/{ana_app}/approve"), json!({"note": "   "}), Some(&support.access_token)).await;
    assert_eq!(res.status(), 200);
    let mine: Value = app.get("/api/v1/me/application", Some(&ana.access_token)).await.json().await.unwrap();
    assert_eq!(mine["decision"]["outcome"], "approved");
    assert_eq!(mine["decision"]["via"], "review");
    assert!(mine["decision"]["note"].is_null());
}

#[actix_web::test]
async fn us_clients_are_asked_only_of_us_based_applicants() {
    let app = TestApp::spawn().await;
    let uk = app.freelancer().await;
    let mut body = application_body("GB");
    body.as_object_mut().unwrap().remove("us_clients_served");
    let res = app.post("/api/v1/applications", body.clone(), Some(&uk.access_token)).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["us_clients_served"], 0);

    let us = app.freelancer().await;
    body["country"] = json!("US");
    let res = app.post("/api/v1/applications", body, Some(&us.access_token)).await;
    let problem = problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "us_clients_served");
    let me: Value = app.get("/api/v1/me", Some(&us.access_token)).await.json().await.unwrap();
    assert_eq!(me["freelancer"]["status"], "registered", "nothing changed");
}
