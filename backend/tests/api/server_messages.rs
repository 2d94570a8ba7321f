//! Server messages in the caller's language: `detail` and every `errors[].message` in
//! German for `Accept-Language: de`, English otherwise; `code`, `field`, `type` and
//! `title` the same in both; `Content-Language` says which.

use serde_json::{json, Value};

use crate::helpers::{problem, TestApp};

/// Whole words that give an English sentence away in German text.
const ENGLISH: &[&str] = &[
    "the", "your", "you", "and", "is", "are", "with", "please", "this", "has", "been", "we", "to", "of", "for", "if", "not", "must",
    "cannot", "only", "already", "there", "be", "or", "enter", "use", "valid", "invalid", "field", "that", "it", "email", "address",
];

fn english_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase).filter(|w| ENGLISH.contains(&w.as_str())).collect()
}

fn is_sentence(s: &str) -> bool {
    s.starts_with(|c: char| c.is_uppercase()) && s.ends_with('.')
}

async fn send(req: reqwest::RequestBuilder, language: Option<&str>) -> reqwest::Response {
    match language {
        Some(l) => req.header("Accept-Language", l),
        None => req,
    }
    .send()
    .await
    .expect("request")
}

fn content_language(res: &reqwest::Response) -> String {
    res.headers().get("content-language").and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
}

/// Every human-readable text of a problem: its detail and its field messages.
fn texts(body: &Value) -> Vec<String> {
    let mut out = vec![body["detail"].as_str().unwrap().to_string()];
    for e in body["errors"].as_array().into_iter().flatten() {
        out.push(e["message"].as_str().unwrap().to_string());
    }
    out
}

fn assert_german(body: &Value) {
    for text in texts(body) {
        assert!(is_sentence(&text), "not a sentence: {text:?}");
        let found = english_words(&text);
        assert!(found.is_empty(), "English words {found:?} in {text:?}");
    }
}

async fn invalid_registration(app: &TestApp, language: Option<&str>) -> (String, Value) {
    let body = json!({"email": "not-an-email", "password": "short", "full_name": "Ada", "role": "freelancer"});
    let res = send(app.client.post(app.url("/api/v1/auth/register")).json(&body), language).await;
    let lang = content_language(&res);
    (lang, problem(res, 422, "validation_failed").await)
}

#[actix_web::test]
async fn a_422_comes_in_german_for_accept_language_de_and_in_english_without_it() {
    let app = TestApp::spawn().await;

    let (lang, en) = invalid_registration(&app, None).await;
    assert_eq!(lang, "en");
    assert_eq!(en["detail"], "The request has invalid fields.");
    let fields: Vec<&str> = en["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["email", "password"]);
    assert_eq!(en["errors"][0]["message"], "Enter a valid email address.");
    assert!(texts(&en).iter().all(|t| is_sentence(t)), "English sentences too: {en}");

    let (lang, de) = invalid_registration(&app, Some("de-DE,de;q=0.9,en;q=0.8")).await;
    assert_eq!(lang, "de");
    assert_eq!(de["detail"], "Die Anfrage enthält ungültige Felder.");
    assert_eq!(de["errors"][0]["message"], "Geben Sie eine gültige E-Mail-Adresse ein.");
    assert_eq!(de["errors"][1]["message"], "Verwenden Sie 10 bis 128 Zeichen.");
    assert_german(&de);
    // What clients branch on stays as it is.
    for key in ["type", "title", "status", "code"] {
        assert_eq!(de[key], en[key], "{key}");
    }
    let de_fields: Vec<&str> = de["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(de_fields, fields);

    // A language the server does not speak, or a refused one, is English.
    let (lang, fr) = invalid_registration(&app, Some("fr-FR, de;q=0")).await;
    assert_eq!((lang.as_str(), fr["detail"].as_str()), ("en", Some("The request has invalid fields.")));
}

#[actix_web::test]
async fn a_409_comes_in_german_with_its_status_words_translated() {
    let app = TestApp::spawn().await;
    let first = app.customer().await;
    let again = json!({"email": first.email, "password": "another password", "full_name": "Y", "role": "customer"});
    let res = send(app.client.post(app.url("/api/v1/auth/register")).json(&again), Some("de")).await;
    assert_eq!(content_language(&res), "de");
    let taken = problem(res, 409, "email_taken").await;
    assert_eq!(taken["detail"], "Ein Konto mit dieser E-Mail-Adresse existiert bereits.");
    assert_eq!(taken["errors"][0]["field"], "email");
    assert_german(&taken);

    // A message with filled-in parts: the status and the action are German words too.
    let support = app.support().await;
    let inv: Value = app
        .post("/api/v1/admin/invitations", json!({"email": "gone@example.com", "kind": "external"}), Some(&support.access_token))
        .await
        .json()
        .await
        .unwrap();
    let revoke = app.url(&format!("/api/v1/admin/invitations/{}/revoke", inv["id"].as_str().unwrap()));
    assert_eq!(app.client.post(&revoke).bearer_auth(&support.access_token).json(&json!({})).send().await.unwrap().status(), 200);
    let res = send(app.client.post(&revoke).bearer_auth(&support.access_token).json(&json!({})), None).await;
    let en = problem(res, 409, "invalid_status").await;
    assert_eq!(en["detail"], "An invitation that is revoked cannot be revoked.");
    // Signed in, the account's language decides (the header only for those without one).
    let to_german = app.client.patch(app.url("/api/v1/me")).bearer_auth(&support.access_token).json(&json!({"locale": "de"}));
    assert_eq!(to_german.send().await.unwrap().status(), 200);
    let res = send(app.client.post(&revoke).bearer_auth(&support.access_token).json(&json!({})), None).await;
    let de = problem(res, 409, "invalid_status").await;
    assert_eq!(de["detail"], "Eine Einladung mit dem Status „widerrufen“ kann nicht widerrufen werden.");
    assert_german(&de);
}

#[actix_web::test]
async fn problems_from_routing_and_the_text_check_are_translated_too() {
    let app = TestApp::spawn().await;
    let res = send(app.client.get(app.url("/api/v1/no-such-thing")), Some("de")).await;
    assert_eq!(content_language(&res), "de");
    let body = problem(res, 404, "not_found").await;
    assert_eq!(body["detail"], "Es gibt keine Route GET /api/v1/no-such-thing.");

    // Refused by a middleware before routing: still an `AppError`, still translated.
    let res = send(app.client.get(app.url("/api/v1/admin/invitations?status=%01")), Some("de")).await;
    assert_eq!(content_language(&res), "de");
    let body = problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["message"], "Entfernen Sie die Steuerzeichen: Erlaubt sind nur Tabulator und Zeilenumbrüche.");
    assert_german(&body);

    // Successful answers are left alone.
    let res = send(app.client.get(app.url("/healthz")), Some("de")).await;
    assert!(res.status().is_success());
    assert_eq!(content_language(&res), "");
}

#[actix_web::test]
async fn a_signed_in_user_reads_problems_in_the_language_of_their_account() {
    let app = TestApp::spawn().await;
    let s = app.freelancer().await;
    let patch = |locale: &str| app.client.patch(app.url("/api/v1/me")).bearer_auth(&s.access_token).json(&json!({"locale": locale})).send();
    let bad_ticket = || app.client.post(app.url("/api/v1/support-tickets")).bearer_auth(&s.access_token).json(&json!({"subject": "x"}));

    assert_eq!(patch("de").await.unwrap().status(), 200);
    // The account's language wins over the header.
    let res = send(bad_ticket(), Some("en")).await;
    assert_eq!(content_language(&res), "de");
    assert_german(&problem(res, 422, "validation_failed").await);

    assert_eq!(patch("en").await.unwrap().status(), 200);
    let res = send(bad_ticket(), Some("de")).await;
    assert_eq!(content_language(&res), "en");
    let body = problem(res, 422, "validation_failed").await;
    assert_eq!(body["detail"], "The request has invalid fields.");

    // A token that is not valid says nothing about anyone: the header decides.
    let res = send(app.client.post(app.url("/api/v1/support-tickets")).bearer_auth("not-a-token").json(&json!({})), Some("de")).await;
    assert_eq!(content_language(&res), "de");
    assert_german(&problem(res, 401, "unauthenticated").await);
}
