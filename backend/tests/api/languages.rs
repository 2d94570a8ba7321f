//! A person's language: chosen at sign-up (the body, else `Accept-Language`), changed
//! with `PATCH /me`, and the language of every email they get.

use serde_json::{json, Value};

use crate::helpers::{problem, SentEmail, Session, TestApp};

async fn register_in(app: &TestApp, body_locale: Option<&str>, accept_language: Option<&str>) -> (Session, Value) {
    let email = format!("lang-{}@example.com", partner_hub::domain::ids::random_token(8).to_lowercase());
    let mut body = json!({"email": email, "password": "correct horse battery", "full_name": "Jana Weber", "role": "freelancer"});
    if let Some(l) = body_locale {
        body["locale"] = json!(l);
    }
    let mut req = app.client.post(app.url("/api/v1/auth/register")).json(&body);
    if let Some(h) = accept_language {
        req = req.header("accept-language", h);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    let session = Session {
        user_id: body["user"]["id"].as_str().unwrap().into(),
        email,
        access_token: body["access_token"].as_str().unwrap().into(),
        refresh_token: body["refresh_token"].as_str().unwrap().into(),
    };
    (session, body)
}

fn mail_to<'a>(emails: &'a [SentEmail], to: &str, subject: &str) -> &'a SentEmail {
    emails
        .iter()
        .find(|m| m.to.contains(to) && m.subject == subject)
        .unwrap_or_else(|| panic!("no email '{subject}' to {to}; got {:?}", emails.iter().map(|m| (&m.to, &m.subject)).collect::<Vec<_>>()))
}

async fn patch_me(app: &TestApp, s: &Session, body: Value) -> reqwest::Response {
    app.client.patch(app.url("/api/v1/me")).bearer_auth(&s.access_token).json(&body).send().await.unwrap()
}

#[actix_web::test]
async fn the_language_comes_from_the_body_else_accept_language_else_english() {
    let app = TestApp::spawn().await;
    let (_, body) = register_in(&app, Some("de"), Some("en")).await;
    assert_eq!(body["user"]["locale"], "de");
    let (_, body) = register_in(&app, None, Some("fr-FR, de;q=0.8, en;q=0.5")).await;
    assert_eq!(body["user"]["locale"], "de");
    let (s, body) = register_in(&app, None, None).await;
    assert_eq!(body["user"]["locale"], "en");
    let me: Value = app.get("/api/v1/me", Some(&s.access_token)).await.json().await.unwrap();
    assert_eq!(me["locale"], "en");
}

#[actix_web::test]
async fn a_german_freelancer_gets_every_email_in_german() {
    let app = TestApp::spawn().await;
    let (s, _) = register_in(&app, Some("de"), None).await;
    let token = app.verification_token(&s.email).await;
    assert_eq!(app.post("/api/v1/auth/verify-email", json!({"token": token}), None).await.status(), 200);
    let application = app.apply(&s, "DE").await;
    let support = app.support().await;
    let reject = json!({"reason": "needs_more_detail", "note": "Bitte beschreiben Sie Ihre Kunden genauer."});
    let res = app.post(&format!("/api/v1/admin/applications/{application}/reject"), reject, Some(&support.access_token)).await;
    assert_eq!(res.status(), 200);

    let emails = app.sent_emails().await;
    let welcome = mail_to(&emails, &s.email, "Willkommen bei Partner Hub");
    assert!(welcome.text.contains("Guten Tag Jana Weber,"), "{}", welcome.text);
    assert!(welcome.text.contains("E-Mail-Adresse bestätigen: http"), "{}", welcome.text);
    assert!(welcome.raw.contains("Content-Language: de"), "{}", welcome.raw);
    assert!(welcome.html.contains("lang=\"de\""));
    let received = mail_to(&emails, &s.email, "Ihre Bewerbung ist eingegangen");
    assert!(received.text.contains("/app/application"));
    let rejected = mail_to(&emails, &s.email, "Zu Ihrer Bewerbung");
    assert!(rejected.text.contains("Grund: Die Bewerbung braucht mehr Angaben."), "{}", rejected.text);
    assert!(rejected.text.contains("Bitte beschreiben Sie Ihre Kunden genauer."));

    // The outbox keeps the template, the language and the parameters of each message.
    let to = s.email.clone();
    let rows: Vec<(String, String, String)> = app
        .db(move |conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::email_outbox as o;
            Ok(o::table.filter(o::to_address.eq(to)).order(o::created_at.asc()).select((o::template, o::locale, o::params_json)).load::<(
                String,
                String,
                String,
            )>(
                conn
            )?)
        })
        .await;
    let templates: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(templates, ["welcome", "application_received", "application_rejected"]);
    assert!(rows.iter().all(|r| r.1 == "de"), "{rows:?}");
    let params: Value = serde_json::from_str(&rows[2].2).unwrap();
    assert_eq!(params["reason"], "needs_more_detail");
    assert_eq!(params["name"], "Jana Weber");
}

#[actix_web::test]
async fn patch_me_changes_the_language_of_later_emails() {
    let app = TestApp::spawn().await;
    let (s, _) = register_in(&app, None, None).await;
    let res = patch_me(&app, &s, json!({"locale": "de", "full_name": "  Jana Weber-Schmidt "})).await;
    assert_eq!(res.status(), 200);
    let me: Value = res.json().await.unwrap();
    assert_eq!((me["locale"].as_str(), me["full_name"].as_str()), (Some("de"), Some("Jana Weber-Schmidt")));

    let res = app.post("/api/v1/auth/verify-email/resend", json!({}), Some(&s.access_token)).await;
    assert_eq!(res.status(), 202);
    let emails = app.sent_emails().await;
    let mail = mail_to(&emails, &s.email, "Bestätigen Sie Ihre E-Mail-Adresse");
    assert!(mail.text.contains("Guten Tag Jana Weber-Schmidt,"), "{}", mail.text);
    // The sign-up mail went out before the change, in English.
    mail_to(&emails, &s.email, "Welcome to Partner Hub");

    let id = s.user_id.clone();
    let audit: Vec<(Option<String>, Option<String>)> = app
        .db(move |conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::audit_log as a;
            Ok(a::table
                .filter(a::action.eq("user.updated").and(a::subject_id.eq(id)))
                .select((a::before_json, a::after_json))
                .load(conn)?)
        })
        .await;
    assert_eq!(audit.len(), 1);
    let (before, after): (Value, Value) =
        (serde_json::from_str(audit[0].0.as_deref().unwrap()).unwrap(), serde_json::from_str(audit[0].1.as_deref().unwrap()).unwrap());
    assert_eq!((before["locale"].as_str(), after["locale"].as_str()), (Some("en"), Some("de")));
}

#[actix_web::test]
async fn patch_me_refuses_bad_input_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (s, _) = register_in(&app, Some("de"), None).await;
    problem(patch_me(&app, &s, json!({})).await, 400, "empty_update").await;
    let res = patch_me(&app, &s, json!({"locale": "fr"})).await;
    assert!(matches!(res.status().as_u16(), 400 | 422), "{}", res.status());
    let res = patch_me(&app, &s, json!({"full_name": "   ", "locale": "en"})).await;
    assert_eq!(res.status(), 422);
    let res = patch_me(&app, &s, json!({"locale": "en", "email": "x@example.com"})).await;
    assert!(matches!(res.status().as_u16(), 400 | 422), "{}", res.status());
    let res = app.client.patch(app.url("/api/v1/me")).json(&json!({"locale": "en"})).send().await.unwrap();
    problem(res, 401, "unauthenticated").await;

    let me: Value = app.get("/api/v1/me", Some(&s.access_token)).await.json().await.unwrap();
    assert_eq!((me["locale"].as_str(), me["full_name"].as_str(), me["email"].as_str()), (Some("de"), Some("Jana Weber"), Some(&*s.email)));
}

#[actix_web::test]
async fn an_invitation_is_written_in_the_invitees_language() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let invite = |email: String, locale: Option<&'static str>, accept: &'static str| {
        let mut body = json!({"email": email, "kind": "external"});
        if let Some(l) = locale {
            body["locale"] = json!(l);
        }
        app.client
            .post(app.url("/api/v1/admin/invitations"))
            .bearer_auth(&support.access_token)
            .header("accept-language", accept)
            .json(&body)
            .send()
    };
    // No account: the form's language, else the staff member's.
    assert_eq!(invite("new-de@example.com".into(), None, "de-DE").await.unwrap().status(), 201);
    assert_eq!(invite("new-en@example.com".into(), Some("en"), "de-DE").await.unwrap().status(), 201);
    // An account: its own language.
    let (member, _) = register_in(&app, Some("de"), None).await;
    let res = app
        .client
        .post(app.url("/api/v1/admin/invitations"))
        .bearer_auth(&support.access_token)
        .header("accept-language", "en")
        .json(&json!({"email": member.email, "kind": "internal"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);

    let emails = app.sent_emails().await;
    let de = mail_to(&emails, "new-de@example.com", "Einladung zum Reseller-Programm von Partner Hub");
    assert!(de.text.contains("/invitations/"));
    mail_to(&emails, "new-en@example.com", "You're invited to the Partner Hub reseller programme");
    mail_to(&emails, &member.email, "Einladung zum Reseller-Programm von Partner Hub");
}
