use serde_json::{json, Value};

use crate::helpers::{problem, TestApp};

#[actix_web::test]
async fn rejected_applicant_appeals_and_support_upholds() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let s = app.freelancer().await;
    let application = app.apply(&s, "DE").await;
    app.post(
        &format!("/api/v1/admin/applications/{application}/reject"),
        json!({"reason": "not_the_right_fit"}),
        Some(&support.access_token),
    )
    .await;

    let explanation = "I do serve US clients: twelve of them, listed on my portfolio page.";
    let body = json!({"subject_type": "application", "subject_id": application, "explanation": explanation});
    let res = app.post("/api/v1/appeals", body.clone(), Some(&s.access_token)).await;
    assert_eq!(res.status(), 201);
    let appeal: Value = res.json().await.unwrap();
    let id = appeal["id"].as_str().unwrap().to_string();
    assert_eq!(appeal["status"], "submitted");
    problem(app.post("/api/v1/appeals", body, Some(&s.access_token)).await, 409, "appeal_open").await;
    let mine: Value = app.get("/api/v1/me/application", Some(&s.access_token)).await.json().await.unwrap();
    assert_eq!(mine["status"], "appealed");

    let queue: Value = app.get("/api/v1/admin/appeals?status=submitted", Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(queue["data"][0]["id"], id);
    assert_eq!(queue["data"][0]["freelancer_email"], s.email);
    let reviewed: Value =
        app.post(&format!("/api/v1/admin/appeals/{id}/review"), json!({}), Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(reviewed["status"], "in_review");
    for note in ["   ", "Passt so.", "  ok  "] {
        let body = problem(
            app.post(
                &format!("/api/v1/admin/appeals/{id}/decide"),
                json!({"decision": "upheld", "note": note}),
                Some(&support.access_token),
            )
            .await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(body["errors"][0]["field"], "note", "{note:?}: {body}");
    }
    let decided: Value = app
        .post(
            &format!("/api/v1/admin/appeals/{id}/decide"),
            json!({"decision": "upheld", "note": "Thanks, confirmed."}),
            Some(&support.access_token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(decided["status"], "upheld");

    let mine: Value = app.get("/api/v1/me/application", Some(&s.access_token)).await.json().await.unwrap();
    assert_eq!(mine["status"], "approved");
    // How it was approved is a fact the SPA words in the reader's language, not English
    // text in the applicant's note.
    assert_eq!(mine["decision"]["via"], "appeal");
    assert!(mine["decision"]["note"].is_null(), "{mine}");
    let me: Value = app.get("/api/v1/me", Some(&s.access_token)).await.json().await.unwrap();
    assert_eq!(me["freelancer"]["status"], "approved");
    assert!(!me["freelancer"]["missing_steps"].as_array().unwrap().contains(&json!("approval")));
    let my_appeals: Value = app.get("/api/v1/me/appeals", Some(&s.access_token)).await.json().await.unwrap();
    assert_eq!(my_appeals["data"][0]["reviewer_note"], "Thanks, confirmed.");
    problem(
        app.post(
            &format!("/api/v1/admin/appeals/{id}/decide"),
            json!({"decision": "denied", "note": "Denied after all."}),
            Some(&support.access_token),
        )
        .await,
        409,
        "invalid_status",
    )
    .await;

    // Emails both ways: the freelancer (received, decided) and support (new appeal).
    let mails = app.sent_emails().await;
    assert!(mails.iter().any(|m| m.to == "support@partner-hub.test" && m.text.contains(explanation)));
    assert!(mails.iter().any(|m| m.to == s.email && m.subject == "Your appeal was upheld" && m.text.contains("Thanks, confirmed.")));
}

#[actix_web::test]
async fn denied_appeal_keeps_the_rejection_and_only_own_subjects_can_be_appealed() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let s = app.freelancer().await;
    let other = app.freelancer().await;
    let application = app.apply(&s, "DE").await;
    let body = json!({"subject_type": "application", "subject_id": application, "explanation": "Please look again at my application, it is complete."});
    problem(app.post("/api/v1/appeals", body.clone(), Some(&s.access_token)).await, 409, "not_appealable").await;
    app.post(
        &format!("/api/v1/admin/applications/{application}/reject"),
        json!({"reason": "needs_more_detail"}),
        Some(&support.access_token),
    )
    .await;
    problem(app.post("/api/v1/appeals", body.clone(), Some(&other.access_token)).await, 404, "not_found").await;

    let appeal: Value = app.post("/api/v1/appeals", body.clone(), Some(&s.access_token)).await.json().await.unwrap();
    let id = appeal["id"].as_str().unwrap();
    let decided: Value = app
        .post(
            &format!("/api/v1/admin/appeals/{id}/decide"),
            json!({"decision": "denied", "note": "Still missing client references."}),
            Some(&support.access_token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(decided["status"], "denied");
    let mine: Value = app.get("/api/v1/me/application", Some(&s.access_token)).await.json().await.unwrap();
    assert_eq!(mine["status"], "rejected");
    // The subject is free for a new appeal once the first is decided.
    assert_eq!(app.post("/api/v1/appeals", body, Some(&s.access_token)).await.status(), 201);
    let short = json!({"subject_type": "application", "subject_id": application, "explanation": "short"});
    problem(app.post("/api/v1/appeals", short, Some(&s.access_token)).await, 422, "validation_failed").await;
}
