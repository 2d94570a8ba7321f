//! The referral link: `GET /r/{code}` shows the freelancer and the plans, counts one
//! visit per visitor per day without storing who visited, and is 404 for codes that
//! cannot sell.

use diesel::prelude::*;
use serde_json::{json, Value};

use partner_hub::db::schema::referral_clicks;

use crate::helpers::{problem, TestApp};

async fn visit(app: &TestApp, code: &str, user_agent: &str) -> reqwest::Response {
    app.client.get(app.url(&format!("/api/v1/r/{code}"))).header("user-agent", user_agent).send().await.unwrap()
}

async fn clicks(app: &TestApp, freelancer_id: &str) -> i64 {
    let id = freelancer_id.to_string();
    app.db(move |conn| partner_hub::referrals::service::clicks_in(conn, &id)).await
}

fn png() -> Vec<u8> {
    let img = image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(32, 32, image::Rgb([200, 90, 20])));
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png).unwrap();
    out
}

#[actix_web::test]
async fn the_link_shows_the_freelancer_and_the_plans() {
    let app = TestApp::spawn().await;
    let (seller, _, code) = app.eligible_freelancer().await;
    let r: Value = visit(&app, &code, "Firefox").await.json().await.unwrap();
    assert_eq!(r["code"], code.as_str());
    assert_eq!(r["freelancer"], json!({"display_name": app.display_name(&seller).await, "photo_url": null}));
    let plans: Vec<&str> = r["plans"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(
        plans,
        [
            "Microsoft 365 Business Basic",
            "Microsoft 365 Business Standard",
            "Microsoft 365 Business Premium",
            "Microsoft 365 Apps for business"
        ]
    );
    for p in r["plans"].as_array().unwrap() {
        assert!(
            p["monthly_price_cents"].as_i64().unwrap() * 12 > p["yearly_price_cents"].as_i64().unwrap(),
            "monthly costs more per month"
        );
    }

    let up = app
        .client
        .put(app.url("/api/v1/me/profile/picture"))
        .bearer_auth(&seller.access_token)
        .header("content-type", "image/png")
        .body(png())
        .send()
        .await
        .unwrap();
    assert_eq!(up.status(), 200);
    let picture = up.json::<Value>().await.unwrap()["picture_url"].as_str().unwrap().to_string();
    // The link works whatever the case of the code.
    let r: Value = visit(&app, &code.to_uppercase(), "Firefox").await.json().await.unwrap();
    assert_eq!(r["freelancer"]["photo_url"], picture.as_str());
    assert_eq!(app.get(&picture, None).await.status(), 200, "the picture is public");
}

#[actix_web::test]
async fn a_visitor_counts_once_a_day_and_is_not_stored() {
    let app = TestApp::spawn().await;
    let (_, id, code) = app.eligible_freelancer().await;
    for _ in 0..3 {
        assert_eq!(visit(&app, &code, "Firefox/140").await.status(), 200);
    }
    assert_eq!(clicks(&app, &id).await, 1, "the same visitor on the same day");
    visit(&app, &code, "Chromium/156").await;
    assert_eq!(clicks(&app, &id).await, 2, "another browser is another visitor");

    let admin = app.admin().await;
    assert_eq!(app.post("/api/v1/admin/clock/advance", json!({"days": 1}), Some(&admin.access_token)).await.status(), 200);
    visit(&app, &code, "Firefox/140").await;
    visit(&app, &code, "Firefox/140").await;
    assert_eq!(clicks(&app, &id).await, 3, "the next day counts again, once");

    let stored: Vec<(String, String)> =
        app.db(|conn| Ok(referral_clicks::table.select((referral_clicks::day, referral_clicks::visitor_hash)).load(conn)?)).await;
    for (day, hash) in &stored {
        assert_eq!(day.len(), 10, "a date: {day}");
        assert_eq!(hash.len(), 64);
        assert!(!hash.contains("127.0.0.1") && !hash.contains("Firefox"));
    }
    let hashes: std::collections::BTreeSet<&String> = stored.iter().map(|(_, h)| h).collect();
    assert_eq!(hashes.len(), 3, "the same visitor is another pseudonym the next day");
}

#[actix_web::test]
async fn codes_that_cannot_sell_are_not_found_and_count_nothing() {
    let app = TestApp::spawn().await;
    let (_, id, code) = app.eligible_freelancer().await;
    for unknown in ["nosuchcode1", "%20", &"x".repeat(80)] {
        let body = problem(visit(&app, unknown, "Firefox").await, 404, "referral_not_found").await;
        assert_eq!(body["detail"], "This referral link is not valid. You can still buy without a referrer.");
    }
    let res = app.client.get(app.url("/api/v1/r/nosuchcode1")).header("accept-language", "de").send().await.unwrap();
    let body = problem(res, 404, "referral_not_found").await;
    assert_eq!(body["detail"], "Dieser Empfehlungslink ist ungültig. Sie können trotzdem ohne Empfehlung kaufen.");

    // New terms the freelancer has not accepted: no longer eligible, the link stops.
    let admin = app.admin().await;
    let text = json!({"title": "Terms 2027", "body": "The new programme terms, effective now."});
    assert_eq!(app.post("/api/v1/admin/terms", json!({"en": text, "de": text}), Some(&admin.access_token)).await.status(), 201);
    problem(visit(&app, &code, "Firefox").await, 404, "referral_not_found").await;
    assert_eq!(clicks(&app, &id).await, 0);
}
