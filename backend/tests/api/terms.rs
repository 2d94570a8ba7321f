//! Terms through HTTP: the current version, idempotent acceptance of the current version
//! only, and publication of a new version, which closes the dashboard until it is
//! accepted and emails everyone who accepted before.

use serde_json::{json, Value};

use crate::helpers::{problem, Session, TestApp};

fn eml_files(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                .map(|p| std::fs::read_to_string(p).unwrap())
                .collect()
        })
        .unwrap_or_default()
}

async fn me(app: &TestApp, s: &Session) -> Value {
    app.get("/api/v1/me", Some(&s.access_token)).await.json().await.unwrap()
}

/// An approved non-US freelancer with both profile sections saved and the current
/// terms accepted: eligible.
async fn eligible_freelancer(app: &TestApp, display_name: &str) -> Session {
    let s = app.approved_freelancer().await;
    let profile = json!({
        "personal": {"display_name": display_name, "languages": ["English"], "country": "DE"},
        "business": {"occupation": "IT consultant", "skills": ["Intune"]}
    });
    let res = app.client.put(app.url("/api/v1/me/profile")).bearer_auth(&s.access_token).json(&profile).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let current: Value = app.get("/api/v1/terms/current", None).await.json().await.unwrap();
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": current["version"]}), Some(&s.access_token)).await;
    assert_eq!(res.status(), 201);
    assert_eq!(me(app, &s).await["freelancer"]["eligible"], true);
    s
}

/// A new version's body in both languages, as the staff editor sends it.
fn both(title: &str, body: &str) -> Value {
    json!({"en": {"title": title, "body": body}, "de": {"title": format!("{title} (DE)"), "body": format!("Deutsch: {body}")}})
}

/// `GET /terms/current` with an optional `?lang=` and `Accept-Language`.
async fn current_in(app: &TestApp, lang: Option<&str>, accept_language: Option<&str>) -> reqwest::Response {
    let query = lang.map(|l| format!("?lang={l}")).unwrap_or_default();
    let mut req = app.client.get(app.url(&format!("/api/v1/terms/current{query}")));
    if let Some(h) = accept_language {
        req = req.header("accept-language", h);
    }
    req.send().await.unwrap()
}

/// The document and its Content-Language header.
async fn document(res: reqwest::Response) -> (Value, String) {
    assert_eq!(res.status(), 200);
    let language = res.headers()["content-language"].to_str().unwrap().to_string();
    (res.json().await.unwrap(), language)
}

#[actix_web::test]
async fn the_current_terms_are_public_in_the_requested_language() {
    let app = TestApp::spawn().await;
    let (terms, language) = document(current_in(&app, None, None).await).await;
    assert_eq!((terms["version"].as_i64(), terms["locale"].as_str(), language.as_str()), (Some(1), Some("en"), "en"));
    assert_eq!(terms["title"], "Partner Hub reseller programme terms");
    assert!(terms["body"].as_str().unwrap().contains("Referral link"));
    assert!(terms["published_at"].as_str().unwrap().ends_with('Z'));

    // The shipped version has its German translation, asked for by header or by ?lang=.
    let (de, language) = document(current_in(&app, None, Some("de-DE,de;q=0.9,en;q=0.8")).await).await;
    assert_eq!((de["version"].as_i64(), de["locale"].as_str(), language.as_str()), (Some(1), Some("de"), "de"));
    assert_eq!(de["title"], "Bedingungen des Partner Hub Reseller-Programms");
    let body = de["body"].as_str().unwrap();
    assert!(body.contains("Empfehlungslink") && body.contains("Top-bewertete Freelancer"), "{body}");
    assert_eq!(body.split("\n\n").count(), terms["body"].as_str().unwrap().split("\n\n").count(), "same paragraphs");
    assert_eq!(de["published_at"], terms["published_at"]);
    let (same, _) = document(current_in(&app, Some("de"), None).await).await;
    assert_eq!(same, de);
    let (en, language) = document(current_in(&app, Some("en"), Some("de")).await).await;
    assert_eq!((en["locale"].as_str(), language.as_str()), (Some("en"), "en"), "?lang= wins over the header");
    // An unsupported language falls back to English; an unknown ?lang= is a clear 400.
    let (fr, _) = document(current_in(&app, None, Some("fr-FR")).await).await;
    assert_eq!(fr["locale"], "en");
    problem(current_in(&app, Some("fr"), None).await, 400, "invalid_query").await;
}

#[actix_web::test]
async fn an_acceptance_records_the_language_shown_and_staff_see_it() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let (ana, ben, cleo) = (app.freelancer().await, app.freelancer().await, app.freelancer().await);

    // Explicitly German; by the request's language; by default English.
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": 1, "locale": "de"}), Some(&ana.access_token)).await;
    assert_eq!(res.status(), 201);
    let a: Value = res.json().await.unwrap();
    assert_eq!((a["version"].as_i64(), a["locale"].as_str()), (Some(1), Some("de")));
    let res = app
        .client
        .post(app.url("/api/v1/me/terms-acceptances"))
        .bearer_auth(&ben.access_token)
        .header("accept-language", "de")
        .json(&json!({"version": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.unwrap()["locale"], "de");
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": 1}), Some(&cleo.access_token)).await;
    assert_eq!(res.json::<Value>().await.unwrap()["locale"], "en");
    problem(
        app.post("/api/v1/me/terms-acceptances", json!({"version": 1, "locale": "fr"}), Some(&cleo.access_token)).await,
        422,
        "validation_failed",
    )
    .await;

    // Accepting again keeps the first acceptance and its language.
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": 1, "locale": "en"}), Some(&ana.access_token)).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["locale"], "de");
    let mine: Value = app.get("/api/v1/me/terms-acceptances", Some(&ana.access_token)).await.json().await.unwrap();
    assert_eq!(mine["data"][0]["locale"], "de");

    // Support's list counts acceptances by language; the audit entry names the language.
    let list: Value = app.get("/api/v1/admin/terms", Some(&support.access_token)).await.json().await.unwrap();
    let v1 = &list["data"][0];
    assert_eq!((v1["acceptances"].as_i64(), v1["acceptances_by_locale"].clone()), (Some(3), json!({"en": 1, "de": 2})));
    assert_eq!(v1["texts"]["de"]["title"], "Bedingungen des Partner Hub Reseller-Programms");
    assert_eq!(v1["texts"]["en"]["title"], "Partner Hub reseller programme terms");
    let audit: Value = app.get("/api/v1/admin/audit-log?action=terms.accepted", Some(&support.access_token)).await.json().await.unwrap();
    let mut locales: Vec<&str> = audit["data"].as_array().unwrap().iter().map(|e| e["after"]["locale"].as_str().unwrap()).collect();
    locales.sort();
    assert_eq!(locales, vec!["de", "de", "en"]);
    let row = &audit["data"].as_array().unwrap().iter().find(|e| e["actor_id"] == ana.user_id.as_str()).unwrap();
    assert_eq!(row["actor"]["email"], ana.email.as_str(), "{row}");
    assert_eq!(row["subject_type"], "freelancer");
    assert_eq!(row["subject_person"]["email"], ana.email.as_str(), "the freelancer is named by their user");
}

#[actix_web::test]
async fn a_version_without_german_is_shown_in_english_and_accepted_only_in_english() {
    let app = TestApp::spawn().await;
    let ana = app.freelancer().await;
    // A version staff published before terms had languages: English only.
    app.db(|conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::{terms_texts, terms_versions};
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap().and_hms_opt(9, 0, 0).unwrap();
        diesel::insert_into(terms_versions::table)
            .values((terms_versions::version.eq(2), terms_versions::published_at.eq(at)))
            .execute(conn)?;
        diesel::insert_into(terms_texts::table)
            .values((
                terms_texts::version.eq(2),
                terms_texts::locale.eq("en"),
                terms_texts::title.eq("Terms 2, English only"),
                terms_texts::body.eq("Only an English text exists for this version."),
            ))
            .execute(conn)?;
        Ok(())
    })
    .await;
    let (doc, language) = document(current_in(&app, Some("de"), None).await).await;
    assert_eq!((doc["version"].as_i64(), doc["locale"].as_str(), language.as_str()), (Some(2), Some("en"), "en"));
    assert_eq!(doc["title"], "Terms 2, English only");

    let p = problem(
        app.post("/api/v1/me/terms-acceptances", json!({"version": 2, "locale": "de"}), Some(&ana.access_token)).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "locale");
    assert!(p["errors"][0]["message"].as_str().unwrap().contains("no German text"), "{p}");
    assert_eq!(count_rows(&app, "accepted").await, 0, "nothing recorded");
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": 2, "locale": "en"}), Some(&ana.access_token)).await;
    assert_eq!(res.status(), 201);
}

#[actix_web::test]
async fn publishing_needs_both_languages_and_names_the_missing_one() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let t = Some(support.access_token.as_str());
    let en = json!({"title": "Terms 2027", "body": "The English text of the 2027 terms."});
    let de = json!({"title": "Bedingungen 2027", "body": "Der deutsche Text der Bedingungen 2027."});

    let p = problem(app.post("/api/v1/admin/terms", json!({"en": en}), t).await, 422, "terms_language_missing").await;
    assert!(p["detail"].as_str().unwrap().contains("German text is missing"), "{p}");
    assert_eq!(p["errors"], json!([{"field": "de", "message": "The German text is missing."}]));
    let p = problem(app.post("/api/v1/admin/terms", json!({"de": de}), t).await, 422, "terms_language_missing").await;
    assert!(p["detail"].as_str().unwrap().contains("English text is missing"), "{p}");
    assert_eq!(p["errors"][0]["field"], "en");
    // A language left empty in the editor is missing too.
    let blank = json!({"en": en, "de": {"title": " ", "body": ""}});
    let p = problem(app.post("/api/v1/admin/terms", blank, t).await, 422, "terms_language_missing").await;
    assert_eq!(p["errors"][0]["field"], "de");
    let p = problem(app.post("/api/v1/admin/terms", json!({}), t).await, 422, "terms_language_missing").await;
    let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["en", "de"]);
    // Present but invalid: the field inside the language.
    let short = json!({"en": en, "de": {"title": "Bedingungen", "body": "zu kurz"}});
    let p = problem(app.post("/api/v1/admin/terms", short, t).await, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "de.body");
    let untitled = json!({"en": {"title": "  ", "body": "The English text of the 2027 terms."}, "de": de});
    let p = problem(app.post("/api/v1/admin/terms", untitled, t).await, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "en.title");
    assert_eq!(count_rows(&app, "published").await, 0, "nothing was published");

    let res = app.post("/api/v1/admin/terms", json!({"en": en, "de": de}), t).await;
    assert_eq!(res.status(), 201);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["texts"], json!({"en": en, "de": de}));
    assert_eq!(v["acceptances_by_locale"], json!({"en": 0, "de": 0}));
    let (doc, _) = document(current_in(&app, Some("de"), None).await).await;
    assert_eq!((doc["version"].as_i64(), doc["title"].as_str()), (Some(2), Some("Bedingungen 2027")));
}

#[actix_web::test]
async fn only_the_current_version_can_be_accepted_and_accepting_twice_is_idempotent() {
    let app = TestApp::spawn().await;
    let ana = app.freelancer().await;
    let t = Some(ana.access_token.as_str());

    let body = problem(app.post("/api/v1/me/terms-acceptances", json!({"version": 2}), t).await, 409, "terms_outdated").await;
    assert!(body["detail"].as_str().unwrap().contains("current version is 1"), "{body}");
    problem(app.post("/api/v1/me/terms-acceptances", json!({"version": 0}), t).await, 422, "validation_failed").await;
    problem(app.post("/api/v1/me/terms-acceptances", json!({}), t).await, 422, "validation_failed").await;
    problem(app.post("/api/v1/me/terms-acceptances", json!([1]), t).await, 422, "validation_failed").await;
    problem(app.post("/api/v1/me/terms-acceptances", json!({"version": 1}), None).await, 401, "unauthenticated").await;
    let customer = app.customer().await;
    problem(app.post("/api/v1/me/terms-acceptances", json!({"version": 1}), Some(&customer.access_token)).await, 403, "forbidden").await;

    // Repeated submits at once: one creates the acceptance, the others get it back.
    let results = futures_util::future::join_all((0..6).map(|_| app.post("/api/v1/me/terms-acceptances", json!({"version": 1}), t))).await;
    let mut statuses: Vec<u16> = results.iter().map(|r| r.status().as_u16()).collect();
    statuses.sort();
    assert_eq!(statuses, vec![200, 200, 200, 200, 200, 201]);
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": 1}), t).await;
    assert_eq!(res.status(), 200);
    let first: Value = res.json().await.unwrap();
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": 1}), t).await;
    assert_eq!(res.status(), 200);
    let second: Value = res.json().await.unwrap();
    assert_eq!(second, first, "the existing acceptance, unchanged");
    assert_eq!(first["version"], 1);

    let list: Value = app.get("/api/v1/me/terms-acceptances", t).await.json().await.unwrap();
    assert_eq!(list["data"], json!([first]));
    assert!(list["next_cursor"].is_null());
    let me = me(&app, &ana).await;
    assert!(!me["freelancer"]["missing_steps"].as_array().unwrap().contains(&json!("terms")));

    // Recorded once, with the IP address, and audited once.
    let fl_id = me["freelancer"]["id"].as_str().unwrap().to_string();
    let (count, ip, audits) = app
        .db(move |conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::{audit_log, terms_acceptances as ta};
            let rows: Vec<Option<String>> = ta::table.filter(ta::freelancer_id.eq(&fl_id)).select(ta::ip).load(conn)?;
            let audits: i64 = audit_log::table
                .filter(audit_log::action.eq("terms.accepted").and(audit_log::subject_id.eq(&fl_id)))
                .count()
                .get_result(conn)?;
            Ok((rows.len(), rows.into_iter().next().flatten(), audits))
        })
        .await;
    assert_eq!((count, ip.as_deref(), audits), (1, Some("127.0.0.1"), 1));
}

#[actix_web::test]
async fn publishing_new_terms_closes_the_dashboard_until_accepted_and_emails_acceptors() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let admin = app.admin().await;
    let ana = eligible_freelancer(&app, "ana_de").await;
    let newcomer = app.freelancer().await;
    // Deliver what is pending so that only the publication's emails remain.
    app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&admin.access_token)).await;
    let before = eml_files(&app.outbox_dir()).len();

    let body = "Version two of the programme terms.\n\n1. Referral link. Share it with your own clients only.";
    let res = app.post("/api/v1/admin/terms", both("Programme terms 2027", body), Some(&support.access_token)).await;
    assert_eq!(res.status(), 201);
    let published: Value = res.json().await.unwrap();
    assert_eq!(published["version"], 2);
    assert_eq!(published["current"], true);
    assert_eq!(published["published_by"], support.user_id.as_str());

    let current: Value = app.get("/api/v1/terms/current", None).await.json().await.unwrap();
    assert_eq!((current["version"].as_i64(), current["title"].as_str()), (Some(2), Some("Programme terms 2027")));

    // Ana was eligible; now the terms are missing again.
    let m = me(&app, &ana).await;
    assert_eq!(m["freelancer"]["eligible"], false);
    assert_eq!(m["freelancer"]["missing_steps"], json!(["terms"]));

    // She, and only she (the newcomer never accepted anything), is emailed.
    app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&admin.access_token)).await;
    let files = eml_files(&app.outbox_dir());
    assert_eq!(files.len(), before + 1);
    let mail = files.iter().find(|f| f.contains("Subject: New programme terms to accept")).expect("the terms email");
    assert!(mail.contains(&format!("To: {}", ana.email)));
    assert!(!files.iter().any(|f| f.contains(&newcomer.email) && f.contains("New programme terms")));

    // The old version is refused with the current one named; the new one reopens the dashboard.
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": 1}), Some(&ana.access_token)).await;
    let p = problem(res, 409, "terms_outdated").await;
    assert!(p["detail"].as_str().unwrap().contains("current version is 2"));
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": 2}), Some(&ana.access_token)).await;
    assert_eq!(res.status(), 201);
    let m = me(&app, &ana).await;
    assert_eq!(m["freelancer"]["eligible"], true);
    let list: Value = app.get("/api/v1/me/terms-acceptances", Some(&ana.access_token)).await.json().await.unwrap();
    let versions: Vec<i64> = list["data"].as_array().unwrap().iter().map(|a| a["version"].as_i64().unwrap()).collect();
    assert_eq!(versions, vec![2, 1]);
    let page: Value = app.get("/api/v1/me/terms-acceptances?limit=1", Some(&ana.access_token)).await.json().await.unwrap();
    assert_eq!(page["data"][0]["version"], 2);
    let cursor = page["next_cursor"].as_str().unwrap();
    let page: Value =
        app.get(&format!("/api/v1/me/terms-acceptances?limit=1&cursor={cursor}"), Some(&ana.access_token)).await.json().await.unwrap();
    assert_eq!(page["data"][0]["version"], 1);
    assert!(page["next_cursor"].is_null());

    // Support's list: newest first, with acceptance counts.
    let list: Value = app.get("/api/v1/admin/terms", Some(&support.access_token)).await.json().await.unwrap();
    let rows = list["data"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0]["version"].as_i64(), rows[0]["acceptances"].as_i64(), rows[0]["current"].as_bool()),
        (Some(2), Some(1), Some(true))
    );
    assert_eq!(
        (rows[1]["version"].as_i64(), rows[1]["acceptances"].as_i64(), rows[1]["current"].as_bool()),
        (Some(1), Some(1), Some(false))
    );
    assert!(rows[1]["published_by"].is_null());
    let page: Value = app.get("/api/v1/admin/terms?limit=1", Some(&support.access_token)).await.json().await.unwrap();
    let cursor = page["next_cursor"].as_str().unwrap();
    let page: Value =
        app.get(&format!("/api/v1/admin/terms?limit=1&cursor={cursor}"), Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(page["data"][0]["version"], 1);

    let audit: Value = app.get("/api/v1/admin/audit-log?action=terms.published", Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(audit["data"][0]["subject_id"], "2");
    assert_eq!(audit["data"][0]["after"]["notified"], 1);
}

#[actix_web::test]
async fn publishing_is_for_support_and_validated() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let ana = app.freelancer().await;
    let ok = both("Terms", "A body that is long enough.");
    problem(app.post("/api/v1/admin/terms", ok.clone(), Some(&ana.access_token)).await, 403, "forbidden").await;
    problem(app.get("/api/v1/admin/terms", Some(&ana.access_token)).await, 403, "forbidden").await;
    problem(app.post("/api/v1/admin/terms", ok.clone(), None).await, 401, "unauthenticated").await;
    // The admin/terms scope (it has its own JSON limit) keeps the API-wide fallbacks.
    let res = app.client.delete(app.url("/api/v1/admin/terms")).bearer_auth(&support.access_token).send().await.unwrap();
    assert_eq!(res.headers()["allow"], "GET, POST");
    problem(res, 405, "method_not_allowed").await;
    problem(app.get("/api/v1/admin/terms/7", Some(&support.access_token)).await, 404, "not_found").await;

    let p =
        problem(app.post("/api/v1/admin/terms", both("", "too short"), Some(&support.access_token)).await, 422, "validation_failed").await;
    let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["de.body", "en.body", "en.title"]);
    problem(
        app.post("/api/v1/admin/terms", both("   ", "A body that is long enough."), Some(&support.access_token)).await,
        422,
        "validation_failed",
    )
    .await;
    problem(
        app.post("/api/v1/admin/terms", json!(["Terms", "A body that is long enough."]), Some(&support.access_token)).await,
        422,
        "validation_failed",
    )
    .await;
    let too_long = "x".repeat(100_001);
    problem(app.post("/api/v1/admin/terms", both("T", &too_long), Some(&support.access_token)).await, 422, "validation_failed").await;
    let p: Value = app.get("/api/v1/terms/current", None).await.json().await.unwrap();
    assert_eq!(p["version"], 1, "nothing was published");

    // A long document (beyond the API-wide 64 KiB JSON limit) is accepted here.
    let long = "Clause. ".repeat(12_000);
    let res = app.post("/api/v1/admin/terms", both("Long terms", &long), Some(&support.access_token)).await;
    assert_eq!(res.status(), 201);
    let p: Value = app.get("/api/v1/terms/current", None).await.json().await.unwrap();
    assert_eq!(p["version"], 2);
    assert_eq!(p["body"].as_str().unwrap().len(), long.trim().len());

    // Publications at once get consecutive versions (writers queue; none fails).
    let results =
        futures_util::future::join_all((0..8).map(|_| app.post("/api/v1/admin/terms", ok.clone(), Some(&support.access_token)))).await;
    let mut versions = Vec::new();
    for res in results {
        assert_eq!(res.status(), 201);
        versions.push(res.json::<Value>().await.unwrap()["version"].as_i64().unwrap());
    }
    versions.sort();
    assert_eq!(versions, (3..=10).collect::<Vec<i64>>());
}

async fn count_rows(app: &TestApp, what: &'static str) -> i64 {
    app.db(move |conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::{audit_log, email_outbox, terms_acceptances};
        Ok(match what {
            "published" => audit_log::table.filter(audit_log::action.eq("terms.published")).count().get_result(conn)?,
            "accepted" => audit_log::table.filter(audit_log::action.eq("terms.accepted")).count().get_result(conn)?,
            "acceptances_v1" => terms_acceptances::table.filter(terms_acceptances::version.eq(1)).count().get_result(conn)?,
            "update_mails" => email_outbox::table.filter(email_outbox::template.eq("terms_updated")).count().get_result(conn)?,
            other => panic!("unknown count {other}"),
        })
    })
    .await
}

#[actix_web::test]
async fn concurrent_publications_number_their_versions_one_after_another() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let body = "A new version of the programme terms, published in a hurry.";
    let results = futures_util::future::join_all(
        (0..20).map(|i| app.post("/api/v1/admin/terms", both(&format!("Terms {i}"), body), Some(&support.access_token))),
    )
    .await;
    let mut versions = Vec::new();
    for res in results {
        assert_eq!(res.status(), 201, "{:?}", res.text().await);
        versions.push(res.json::<Value>().await.unwrap()["version"].as_i64().unwrap());
    }
    versions.sort();
    assert_eq!(versions, (2..=21).collect::<Vec<i64>>(), "no number twice, none skipped");
    assert_eq!(count_rows(&app, "published").await, 20);
    let current: Value = app.get("/api/v1/terms/current", None).await.json().await.unwrap();
    assert_eq!(current["version"], 21);
}

#[actix_web::test]
async fn twenty_accepts_at_once_make_one_acceptance_and_one_audit_entry() {
    let app = TestApp::spawn().await;
    let ana = app.freelancer().await;
    let results = futures_util::future::join_all(
        (0..20).map(|_| app.post("/api/v1/me/terms-acceptances", json!({"version": 1}), Some(&ana.access_token))),
    )
    .await;
    let statuses: Vec<u16> = results.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|&&s| s == 201).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|&&s| s == 200).count(), 19, "{statuses:?}");
    assert_eq!(count_rows(&app, "acceptances_v1").await, 1);
    assert_eq!(count_rows(&app, "accepted").await, 1);
}

#[actix_web::test]
async fn an_acceptance_racing_a_publication_is_either_told_or_refused() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let mut freelancers = Vec::new();
    for _ in 0..12 {
        freelancers.push(app.freelancer().await);
    }
    let accepts = futures_util::future::join_all(
        freelancers.iter().map(|f| app.post("/api/v1/me/terms-acceptances", json!({"version": 1}), Some(&f.access_token))),
    );
    let publish =
        app.post("/api/v1/admin/terms", both("Terms 2", "The second version of the programme terms."), Some(&support.access_token));
    let (accepts, published) = futures_util::join!(accepts, publish);
    assert_eq!(published.status(), 201);
    for res in accepts {
        match res.status().as_u16() {
            201 => {}
            _ => {
                problem(res, 409, "terms_outdated").await;
            }
        }
    }
    // Everyone whose acceptance of version 1 stands was asked to accept version 2.
    let (accepted, told) = (count_rows(&app, "acceptances_v1").await, count_rows(&app, "update_mails").await);
    eprintln!("acceptances of version 1: {accepted}, asked to accept version 2: {told}");
    assert_eq!(accepted, told);
}
