//! The whole way in, as the "done when" describes it, through HTTP only.

use serde_json::{json, Value};

use crate::helpers::{problem, TestApp};

async fn dashboard_missing(app: &TestApp, token: &str) -> Vec<String> {
    let body = problem(app.get("/api/v1/me/dashboard", Some(token)).await, 403, "not_eligible").await;
    body["missing_steps"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
}

#[actix_web::test]
async fn invited_external_person_to_eligible_freelancer() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let inv: Value = app
        .post("/api/v1/admin/invitations", json!({"email": "jo@example.com", "kind": "external"}), Some(&support.access_token))
        .await
        .json()
        .await
        .unwrap();
    let token = inv["token"].as_str().unwrap();
    let res = app
        .post("/api/v1/auth/register", json!({"email": "jo@example.com", "password": "correct horse battery", "full_name": "Jo Doe", "role": "freelancer", "invitation_token": token}), None)
        .await;
    assert_eq!(res.status(), 201);
    let session: Value = res.json().await.unwrap();
    let jo = session["access_token"].as_str().unwrap().to_string();
    assert_eq!(dashboard_missing(&app, &jo).await, vec!["application", "approval", "personal_info", "business_info", "terms"]);

    let application: Value =
        app.post("/api/v1/applications", crate::helpers::application_body("US"), Some(&jo)).await.json().await.unwrap();
    let app_id = application["id"].as_str().unwrap().to_string();
    assert_eq!(application["invited"], true);
    assert_eq!(dashboard_missing(&app, &jo).await, vec!["approval", "personal_info", "business_info", "tax_form", "terms"]);

    app.post(
        &format!("/api/v1/admin/applications/{app_id}/reject"),
        json!({"reason": "needs_more_detail", "note": "Which clients?"}),
        Some(&support.access_token),
    )
    .await;
    let appeal: Value = app
        .post("/api/v1/appeals", json!({"subject_type": "application", "subject_id": app_id, "explanation": "I manage twelve US law firms; references on request."}), Some(&jo))
        .await
        .json()
        .await
        .unwrap();
    app.post(
        &format!("/api/v1/admin/appeals/{}/decide", appeal["id"].as_str().unwrap()),
        json!({"decision": "upheld", "note": "Confirmed."}),
        Some(&support.access_token),
    )
    .await;
    assert_eq!(dashboard_missing(&app, &jo).await, vec!["personal_info", "business_info", "tax_form", "terms"]);

    let profile = json!({
        "personal": {"full_name": "Jo Doe", "display_name": "jo_it", "description": "IT for small firms", "languages": ["English", "Spanish"], "country": "US"},
        "business": {"occupation": "IT consultant", "skills": ["Microsoft 365", "Intune"], "education": [], "certifications": ["MS-102"]}
    });
    let res = app.client.put(app.url("/api/v1/me/profile")).bearer_auth(&jo).json(&profile).send().await.unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(dashboard_missing(&app, &jo).await, vec!["tax_form", "terms"]);

    let w9 = json!({
        "legal_name": "Jo Doe", "tax_classification": "individual",
        "address": {"line1": "1 Main St", "city": "Austin", "state": "TX", "zip": "73301"},
        "tin_type": "ssn", "tin": "123-45-6789", "certify": true, "signature_name": "Jo Doe"
    });
    let res = app.client.put(app.url("/api/v1/me/tax-form")).bearer_auth(&jo).json(&w9).send().await.unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(dashboard_missing(&app, &jo).await, vec!["terms"]);

    let terms: Value = app.get("/api/v1/terms/current", None).await.json().await.unwrap();
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": terms["version"]}), Some(&jo)).await;
    assert_eq!(res.status(), 201);

    let me: Value = app.get("/api/v1/me", Some(&jo)).await.json().await.unwrap();
    assert_eq!(me["freelancer"]["eligible"], true);
    assert_eq!(me["freelancer"]["missing_steps"], json!([]));
    let code = me["freelancer"]["referral_code"].as_str().unwrap().to_string();
    let res = app.get("/api/v1/me/dashboard", Some(&jo)).await;
    assert_eq!(res.status(), 200);
    let dash: Value = res.json().await.unwrap();
    assert!(dash["referral_link"].as_str().unwrap().ends_with(&format!("/r/{code}")));
    assert_eq!(dash["earnings"]["since_joining_cents"], 0);
    assert_eq!(dash["clearing_days"], 14);

    // A tier change (audited) shortens the clearing period.
    let fl_id = me["freelancer"]["id"].as_str().unwrap();
    let res = app
        .client
        .put(app.url(&format!("/api/v1/admin/freelancers/{fl_id}/tier")))
        .bearer_auth(&support.access_token)
        .json(&json!({"tier": "top_rated"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let dash: Value = app.get("/api/v1/me/dashboard", Some(&jo)).await.json().await.unwrap();
    assert_eq!(dash["clearing_days"], 7);
    assert_eq!(dash["referral_code"], code, "the code is stable");
    let audit: Value = app
        .get(&format!("/api/v1/admin/audit-log?action=freelancer.tier_changed&subject_id={fl_id}"), Some(&support.access_token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(audit["data"][0]["before"]["tier"], "standard");
    assert_eq!(audit["data"][0]["after"]["tier"], "top_rated");
    let detail: Value = app.get(&format!("/api/v1/admin/freelancers/{fl_id}"), Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(detail["eligible"], true);
    let res = app
        .client
        .put(app.url(&format!("/api/v1/admin/freelancers/{fl_id}/tier")))
        .bearer_auth(&support.access_token)
        .json(&json!({"tier": "gold"}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error());

    // Customers are not freelancers at all.
    let c = app.customer().await;
    problem(app.get("/api/v1/me/dashboard", Some(&c.access_token)).await, 403, "forbidden").await;
}

fn profile_in(country: &str) -> Value {
    json!({
        "personal": {"full_name": "Sam Reed", "display_name": "sam_reed_it", "description": "IT for small firms", "languages": ["English"], "country": country},
        "business": {"occupation": "IT consultant", "skills": ["Microsoft 365"], "education": [], "certifications": ["MS-102"]}
    })
}

fn w9() -> Value {
    json!({
        "legal_name": "Sam Reed", "tax_classification": "individual",
        "address": {"line1": "1 Main St", "city": "Austin", "state": "TX", "zip": "73301"},
        "tin_type": "ssn", "tin": "123-45-6789", "certify": true, "signature_name": "Sam Reed"
    })
}

#[actix_web::test]
async fn a_us_application_needs_the_w9_whatever_the_profile_says() {
    let app = TestApp::spawn().await;
    let s = app.approved_freelancer_in("US").await;
    let t = s.access_token.as_str();
    let res = app.client.put(app.url("/api/v1/me/profile")).bearer_auth(t).json(&profile_in("DE")).send().await.unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(dashboard_missing(&app, t).await, vec!["tax_form", "terms"], "a profile outside the US does not waive the W-9");
}

#[actix_web::test]
async fn moving_to_the_us_closes_the_dashboard_until_the_w9_is_filed() {
    let app = TestApp::spawn().await;
    let s = app.approved_freelancer_in("DE").await;
    let t = s.access_token.as_str();
    let res = app.client.put(app.url("/api/v1/me/profile")).bearer_auth(t).json(&profile_in("DE")).send().await.unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let terms: Value = app.get("/api/v1/terms/current", None).await.json().await.unwrap();
    assert_eq!(app.post("/api/v1/me/terms-acceptances", json!({"version": terms["version"]}), Some(t)).await.status(), 201);
    assert_eq!(app.get("/api/v1/me/dashboard", Some(t)).await.status(), 200);

    let res = app.client.put(app.url("/api/v1/me/profile")).bearer_auth(t).json(&profile_in("US")).send().await.unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(dashboard_missing(&app, t).await, vec!["tax_form"]);
    let me: Value = app.get("/api/v1/me", Some(t)).await.json().await.unwrap();
    assert_eq!(me["freelancer"]["eligible"], false);

    let res = app.client.put(app.url("/api/v1/me/tax-form")).bearer_auth(t).json(&w9()).send().await.unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(app.get("/api/v1/me/dashboard", Some(t)).await.status(), 200);
}

#[actix_web::test]
async fn the_eligible_freelancer_builder_gives_a_seller_with_a_code() {
    let app = TestApp::spawn().await;
    let (s, id, code) = app.eligible_freelancer().await;
    assert!(id.starts_with("fl_"));
    let res = app.get("/api/v1/me/dashboard", Some(&s.access_token)).await;
    assert_eq!(res.status(), 200);
    let dash: Value = res.json().await.unwrap();
    assert!(dash["referral_link"].as_str().unwrap().ends_with(&format!("/r/{code}")));
}
