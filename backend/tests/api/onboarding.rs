//! Onboarding through HTTP: the resumable profile, the picture upload (checked,
//! re-encoded, served back), the W-9 (validated, encrypted, never in plain text
//! anywhere) and how each step moves the freelancer's missing steps.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use serde_json::{json, Value};

use crate::helpers::{problem, TestApp};

const SSN: &str = "457-55-5462";
const SSN_DIGITS: &str = "457555462";
const EIN: &str = "38-4172956";
const EIN_DIGITS: &str = "384172956";

async fn put(app: &TestApp, path: &str, body: Value, token: &str) -> reqwest::Response {
    app.client.put(app.url(path)).bearer_auth(token).json(&body).send().await.unwrap()
}

async fn put_raw(app: &TestApp, content_type: &str, bytes: Vec<u8>, token: &str) -> reqwest::Response {
    app.client
        .put(app.url("/api/v1/me/profile/picture"))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(bytes)
        .send()
        .await
        .unwrap()
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_string()).collect()
}

async fn missing_steps(app: &TestApp, token: &str) -> Vec<String> {
    let me: Value = app.get("/api/v1/me", Some(token)).await.json().await.unwrap();
    me["freelancer"]["missing_steps"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
}

fn encode(img: DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), format).unwrap();
    out
}

fn w9(tin_type: &str, tin: &str) -> Value {
    json!({
        "legal_name": "Ana Lima",
        "business_name": "Lima IT Services",
        "tax_classification": "individual",
        "address": {"line1": "350 Fifth Avenue", "line2": "Suite 4100", "city": "New York", "state": "NY", "zip": "10118"},
        "tin_type": tin_type,
        "tin": tin,
        "certify": true,
        "signature_name": "  ana lima "
    })
}

fn full_profile(display_name: &str, country: &str) -> Value {
    json!({
        "personal": {"full_name": "Ana Lima", "display_name": display_name, "description": "Small offices on Microsoft 365.", "languages": ["English", "Portuguese"], "country": country},
        "business": {"occupation": "IT support consultant", "skills": ["Exchange Online", "Intune"], "education": [{"school": "University of Lisbon", "degree": "BSc", "year": 2015}], "certifications": ["MS-102"]}
    })
}

#[actix_web::test]
async fn profile_validation_names_every_field() {
    let app = TestApp::spawn().await;
    let ana = app.freelancer().await;
    let bad = json!({
        "personal": {"full_name": "", "display_name": "a!", "description": "x".repeat(2001), "languages": [], "country": "usa"},
        "business": {"occupation": "", "skills": [], "education": [{"school": "", "degree": "d".repeat(201), "year": 1949}], "certifications": vec!["c"; 21]}
    });
    let body = problem(put(&app, "/api/v1/me/profile", bad, &ana.access_token).await, 422, "validation_failed").await;
    let got = fields(&body);
    for f in [
        "business.certifications",
        "business.education[0].degree",
        "business.education[0].school",
        "business.education[0].year",
        "business.occupation",
        "business.skills",
        "personal.country",
        "personal.description",
        "personal.display_name",
        "personal.full_name",
        "personal.languages",
    ] {
        assert!(got.iter().any(|g| g == f), "{f} missing from {got:?}");
    }

    // Item rules, code lists and blank values.
    let bad = json!({
        "personal": {"full_name": "   ", "display_name": " ana ", "languages": ["E", "English"], "country": "XX"},
        "business": {"occupation": "IT", "skills": ["x".repeat(51)], "certifications": [""], "education": vec![json!({"school": "S"}); 11]}
    });
    let body = problem(put(&app, "/api/v1/me/profile", bad, &ana.access_token).await, 422, "validation_failed").await;
    let got = fields(&body);
    for f in ["personal.languages", "personal.country", "business.skills", "business.certifications", "business.education"] {
        assert!(got.iter().any(|g| g == f), "{f} missing from {got:?}");
    }
    let bad = json!({"personal": {"full_name": "   ", "display_name": " ana "}});
    let body = problem(put(&app, "/api/v1/me/profile", bad, &ana.access_token).await, 422, "validation_failed").await;
    assert_eq!(fields(&body), vec!["personal.display_name", "personal.full_name"]);
    for country in ["us", "U", "USA", "ZZ"] {
        let body = problem(
            put(&app, "/api/v1/me/profile", json!({"personal": {"country": country}}), &ana.access_token).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(fields(&body), vec!["personal.country"], "{country}");
    }
    // Wrong types, including arrays where objects belong (serde alone would take those).
    for bad in [
        json!({"personal": {"languages": "English"}}),
        json!([null, null]),
        json!({"personal": ["Ana Lima", "ana_lima"]}),
        json!({"business": {"education": [["School", null, 2015]]}}),
        json!({"business": {"education": [{"school": "S", "year": 2015.5}]}}),
    ] {
        let res = put(&app, "/api/v1/me/profile", bad.clone(), &ana.access_token).await;
        assert_eq!(res.status(), 422, "{bad}");
    }

    // Nothing was saved by any of these.
    let profile: Value = app.get("/api/v1/me/profile", Some(&ana.access_token)).await.json().await.unwrap();
    assert!(profile["updated_at"].is_null());
    assert_eq!(profile["personal"]["full_name"], "Test freelancer", "defaults to the account's name");
    assert_eq!(profile["completed"], json!({"personal": false, "business": false}));

    // Only freelancers have a profile.
    let customer = app.customer().await;
    problem(app.get("/api/v1/me/profile", Some(&customer.access_token)).await, 403, "forbidden").await;
    problem(app.get("/api/v1/me/profile", None).await, 401, "unauthenticated").await;
}

#[actix_web::test]
async fn the_profile_is_resumable_section_by_section() {
    let app = TestApp::spawn().await;
    let ana = app.freelancer().await;
    let t = &ana.access_token;

    let res = put(&app, "/api/v1/me/profile", json!({"personal": {"display_name": "ana.lima"}}), t).await;
    assert_eq!(res.status(), 200);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["personal"]["display_name"], "ana.lima");
    assert_eq!(p["personal"]["full_name"], "Test freelancer");
    assert_eq!(p["completed"], json!({"personal": false, "business": false}));
    assert!(p["updated_at"].as_str().unwrap().ends_with('Z'));

    // Come back later: what was saved is there; the rest of the section completes it.
    let p: Value = app.get("/api/v1/me/profile", Some(t)).await.json().await.unwrap();
    assert_eq!(p["personal"]["display_name"], "ana.lima");
    let res = put(
        &app,
        "/api/v1/me/profile",
        json!({"personal": {"languages": [" English ", "Portuguese"], "country": "PT", "full_name": " Ana Lima "}}),
        t,
    )
    .await;
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["completed"], json!({"personal": true, "business": false}));
    assert_eq!(p["personal"]["languages"], json!(["English", "Portuguese"]));
    assert_eq!(p["personal"]["full_name"], "Ana Lima");
    assert_eq!(p["personal"]["display_name"], "ana.lima", "fields left out keep their value");

    let res = put(&app, "/api/v1/me/profile", json!({"business": {"occupation": "IT consultant"}}), t).await;
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["completed"]["business"], false);
    let res = put(
        &app,
        "/api/v1/me/profile",
        json!({"business": {"skills": ["Intune"], "education": [{"school": "Lisbon", "year": 2015}], "certifications": ["MS-102"]}}),
        t,
    )
    .await;
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["completed"], json!({"personal": true, "business": true}));
    assert_eq!(p["business"]["occupation"], "IT consultant");
    assert_eq!(p["business"]["education"], json!([{"school": "Lisbon", "degree": null, "year": 2015}]));
    assert!(p["picture_url"].is_null());

    let steps = missing_steps(&app, t).await;
    assert!(!steps.contains(&"personal_info".to_string()) && !steps.contains(&"business_info".to_string()), "{steps:?}");
    let completed_at = app
        .db(|conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::freelancer_profiles as fp;
            Ok(fp::table
                .select((fp::personal_completed_at, fp::business_completed_at))
                .first::<(Option<chrono::NaiveDateTime>, Option<chrono::NaiveDateTime>)>(conn)?)
        })
        .await;
    assert!(completed_at.0.is_some() && completed_at.1.is_some());

    // An empty update changes nothing.
    let res = put(&app, "/api/v1/me/profile", json!({}), t).await;
    let again: Value = res.json().await.unwrap();
    assert_eq!(again["personal"], p["personal"]);
    assert_eq!(again["completed"], p["completed"]);
}

#[actix_web::test]
async fn display_names_are_unique_ignoring_case() {
    let app = TestApp::spawn().await;
    let ana = app.freelancer().await;
    let bea = app.freelancer().await;
    let res = put(&app, "/api/v1/me/profile", json!({"personal": {"display_name": "Ana.Lima"}}), &ana.access_token).await;
    assert_eq!(res.status(), 200);
    let res = put(&app, "/api/v1/me/profile", json!({"personal": {"display_name": "ana.lima", "country": "DE"}}), &bea.access_token).await;
    let body = problem(res, 409, "display_name_taken").await;
    assert_eq!(body["errors"][0]["field"], "personal.display_name");
    let p: Value = app.get("/api/v1/me/profile", Some(&bea.access_token)).await.json().await.unwrap();
    assert!(p["personal"]["country"].is_null(), "the refused save changed nothing");
    // The owner may change the case of their own name.
    let res = put(&app, "/api/v1/me/profile", json!({"personal": {"display_name": "ANA.LIMA"}}), &ana.access_token).await;
    assert_eq!(res.status(), 200);
    let res = put(&app, "/api/v1/me/profile", json!({"personal": {"display_name": "Bea_Souza"}}), &bea.access_token).await;
    assert_eq!(res.status(), 200);
}

#[actix_web::test]
async fn pictures_in_png_jpeg_and_webp_are_reencoded_and_served_back() {
    let app = TestApp::spawn().await;
    let ana = app.freelancer().await;
    let t = &ana.access_token;

    // A large opaque PNG with data hidden after its end: scaled down, re-encoded as JPEG.
    let mut png = encode(DynamicImage::ImageRgb8(RgbImage::from_pixel(1024, 640, Rgb([20, 90, 200]))), ImageFormat::Png);
    png.extend_from_slice(b"SECRET-TRAILER-DATA");
    let res = put_raw(&app, "image/png", png, t).await;
    assert_eq!(res.status(), 200);
    let up: Value = res.json().await.unwrap();
    assert_eq!((up["width"].as_i64(), up["height"].as_i64()), (Some(512), Some(320)));
    assert_eq!(up["content_type"], "image/jpeg");
    let first_url = up["picture_url"].as_str().unwrap().to_string();
    assert!(first_url.starts_with("/api/v1/profile-pictures/pic_"));
    let res = app.get(&first_url, None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    assert_eq!(res.headers()["cache-control"], "public, max-age=86400");
    let bytes = res.bytes().await.unwrap();
    assert!(!bytes.windows(6).any(|w| w == b"SECRET"), "nothing of the upload survives but pixels");
    let served = image::load_from_memory_with_format(&bytes, ImageFormat::Jpeg).unwrap();
    assert_eq!((served.width(), served.height()), (512, 320));
    let p: Value = app.get("/api/v1/me/profile", Some(t)).await.json().await.unwrap();
    assert_eq!(p["picture_url"], first_url.as_str());

    // A PNG with transparency stays PNG.
    let png = encode(DynamicImage::ImageRgba8(RgbaImage::from_pixel(64, 48, Rgba([0, 0, 0, 100]))), ImageFormat::Png);
    let up: Value = put_raw(&app, "image/png", png, t).await.json().await.unwrap();
    assert_eq!(up["content_type"], "image/png");
    let res = app.get(up["picture_url"].as_str().unwrap(), None).await;
    assert_eq!(res.headers()["content-type"], "image/png");
    let served = image::load_from_memory_with_format(&res.bytes().await.unwrap(), ImageFormat::Png).unwrap();
    assert_eq!((served.width(), served.height()), (64, 48));
    assert!(served.color().has_alpha());
    // The replaced picture is gone.
    problem(app.get(&first_url, None).await, 404, "not_found").await;

    // JPEG.
    let jpeg = encode(DynamicImage::ImageRgb8(RgbImage::from_pixel(300, 200, Rgb([200, 10, 10]))), ImageFormat::Jpeg);
    let up: Value = put_raw(&app, "image/jpeg", jpeg, t).await.json().await.unwrap();
    assert_eq!((up["content_type"].as_str(), up["width"].as_i64(), up["height"].as_i64()), (Some("image/jpeg"), Some(300), Some(200)));
    let res = app.get(up["picture_url"].as_str().unwrap(), None).await;
    assert_eq!(res.status(), 200);
    image::load_from_memory_with_format(&res.bytes().await.unwrap(), ImageFormat::Jpeg).unwrap();

    // WebP (lossless, opaque).
    let webp = encode(DynamicImage::ImageRgb8(RgbImage::from_pixel(600, 700, Rgb([10, 200, 10]))), ImageFormat::WebP);
    assert_eq!(image::guess_format(&webp).unwrap(), ImageFormat::WebP);
    let res = put_raw(&app, "image/webp", webp, t).await;
    assert_eq!(res.status(), 200);
    let up: Value = res.json().await.unwrap();
    assert_eq!((up["content_type"].as_str(), up["height"].as_i64()), (Some("image/jpeg"), Some(512)));
    let width = up["width"].as_i64().unwrap();
    assert!((438..=439).contains(&width), "aspect ratio kept: {width}");
    let res = app.get(up["picture_url"].as_str().unwrap(), None).await;
    let served = image::load_from_memory(&res.bytes().await.unwrap()).unwrap();
    assert_eq!((served.width() as i64, served.height()), (width, 512));

    let count = app
        .db(|conn| {
            use diesel::prelude::*;
            Ok(partner_hub::db::schema::profile_pictures::table.count().get_result::<i64>(conn)?)
        })
        .await;
    assert_eq!(count, 1, "one picture per freelancer is kept");
    problem(app.get("/api/v1/profile-pictures/pic_doesnotexist", None).await, 404, "not_found").await;
}

#[actix_web::test]
async fn bad_pictures_are_refused() {
    let app = TestApp::spawn().await;
    let ana = app.freelancer().await;
    let t = &ana.access_token;

    let body = problem(put_raw(&app, "image/png", b"just some text, not an image".to_vec(), t).await, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "picture");
    assert_eq!(body["errors"][0]["message"], "The file is not a valid PNG, JPEG or WebP image.");

    // The declared type must be the real one.
    let jpeg = encode(DynamicImage::ImageRgb8(RgbImage::new(10, 10)), ImageFormat::Jpeg);
    let body = problem(put_raw(&app, "image/png", jpeg, t).await, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "picture");

    // A truncated image does not decode.
    let mut png = encode(DynamicImage::ImageRgb8(RgbImage::from_pixel(50, 50, Rgb([1, 2, 3]))), ImageFormat::Png);
    png.truncate(png.len() / 2);
    problem(put_raw(&app, "image/png", png, t).await, 422, "validation_failed").await;

    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;".to_vec();
    problem(put_raw(&app, "image/gif", gif, t).await, 415, "unsupported_media_type").await;
    let res = app.client.put(app.url("/api/v1/me/profile/picture")).bearer_auth(t).body(vec![1u8, 2, 3]).send().await.unwrap();
    problem(res, 415, "unsupported_media_type").await;

    let mut big = encode(DynamicImage::ImageRgb8(RgbImage::new(10, 10)), ImageFormat::Png);
    big.resize(2 * 1024 * 1024 + 1, 0);
    problem(put_raw(&app, "image/png", big, t).await, 413, "payload_too_large").await;

    problem(
        app.client.put(app.url("/api/v1/me/profile/picture")).header("content-type", "image/png").body(vec![0u8; 10]).send().await.unwrap(),
        401,
        "unauthenticated",
    )
    .await;
    let p: Value = app.get("/api/v1/me/profile", Some(t)).await.json().await.unwrap();
    assert!(p["picture_url"].is_null(), "nothing was stored");
}

#[actix_web::test]
async fn w9_fields_are_validated() {
    let app = TestApp::spawn().await;
    let ana = app.freelancer().await;
    let t = &ana.access_token;
    problem(app.get("/api/v1/me/tax-form", Some(t)).await, 404, "not_found").await;

    let cases: Vec<(Value, &str)> = vec![
        (w9("ssn", "000-12-3456"), "tin"),
        (w9("ssn", "666-12-3456"), "tin"),
        (w9("ssn", "912-12-3456"), "tin"),
        (w9("ssn", "123-00-4567"), "tin"),
        (w9("ssn", "123-45-0000"), "tin"),
        (w9("ssn", "987654"), "tin"),
        (w9("ssn", "12-3456789"), "tin"),
        (w9("ein", "00-1234567"), "tin"),
        (w9("ein", "123-45-6789"), "tin"),
        (w9("ein", "98-765432"), "tin"),
    ];
    for (body, field) in cases {
        let tin = body["tin"].as_str().unwrap().to_string();
        let res = put(&app, "/api/v1/me/tax-form", body, t).await;
        let text = res.text().await.unwrap();
        let p: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(p["status"], 422, "{tin}: {text}");
        assert_eq!(fields(&p), vec![field], "{tin}");
        assert!(!text.contains(&tin), "the error does not echo the TIN");
    }

    let mut body = w9("ssn", SSN);
    body["address"]["zip"] = json!("1234");
    body["address"]["state"] = json!("ZZ");
    body["signature_name"] = json!("Someone Else");
    body["certify"] = json!(false);
    let p = problem(put(&app, "/api/v1/me/tax-form", body, t).await, 422, "validation_failed").await;
    assert_eq!(fields(&p), vec!["address.state", "address.zip", "certify", "signature_name"]);

    for (zip, ok) in [("10118", true), ("10118-0110", true), ("1011", false), ("10118-01", false), ("ABCDE", false)] {
        let mut body = w9("ssn", SSN);
        body["address"]["zip"] = json!(zip);
        assert_eq!(put(&app, "/api/v1/me/tax-form", body, t).await.status() == 200, ok, "{zip}");
    }
    for state in ["ny", "XX", "New York"] {
        let mut body = w9("ssn", SSN);
        body["address"]["state"] = json!(state);
        let p = problem(put(&app, "/api/v1/me/tax-form", body, t).await, 422, "validation_failed").await;
        assert_eq!(fields(&p), vec!["address.state"], "{state}");
    }
    let mut body = w9("ssn", SSN);
    body["legal_name"] = json!("");
    body["tax_classification"] = json!("sole_trader");
    problem(put(&app, "/api/v1/me/tax-form", body, t).await, 422, "validation_failed").await;
    let mut body = w9("ssn", SSN);
    body["address"] = json!(["350 Fifth Avenue", null, "New York", "NY", "10118"]);
    problem(put(&app, "/api/v1/me/tax-form", body, t).await, 422, "validation_failed").await;
    problem(put(&app, "/api/v1/me/tax-form", json!(["Ana Lima"]), t).await, 422, "validation_failed").await;

    // Both TIN shapes are accepted, with and without dashes.
    for (kind, tin, masked) in [("ssn", "457555462", "***-**-5462"), ("ein", EIN, "**-***2956"), ("ein", EIN_DIGITS, "**-***2956")] {
        let res = put(&app, "/api/v1/me/tax-form", w9(kind, tin), t).await;
        assert_eq!(res.status(), 200);
        let form: Value = res.json().await.unwrap();
        assert_eq!(form["tin_masked"], masked);
        assert_eq!(form["tin_type"], kind);
    }
}

/// Every text of the database: the SQLite files byte for byte, or on PostgreSQL every row
/// of every table as JSON text.
async fn whole_database_text(app: &TestApp) -> Vec<u8> {
    if std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()).is_none() {
        let mut all = Vec::new();
        for entry in std::fs::read_dir(app.dir.path()).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().unwrap().to_string_lossy().starts_with("test.db") {
                all.extend(std::fs::read(&path).unwrap());
            }
        }
        assert!(all.len() > 10_000, "read the SQLite files");
        return all;
    }
    let url = app.state.settings.database_url.clone();
    actix_web::web::block(move || {
        use diesel::prelude::*;
        #[derive(QueryableByName)]
        struct Text {
            #[diesel(sql_type = diesel::sql_types::Text)]
            v: String,
        }
        let mut conn = diesel::PgConnection::establish(&url).unwrap();
        let tables: Vec<Text> =
            diesel::sql_query("SELECT table_name::text AS v FROM information_schema.tables WHERE table_schema = 'public'")
                .load(&mut conn)
                .unwrap();
        assert!(tables.iter().any(|t| t.v == "tax_forms") && tables.iter().any(|t| t.v == "audit_log"));
        let mut all = Vec::new();
        for t in tables {
            let rows: Vec<Text> =
                diesel::sql_query(format!("SELECT row_to_json(t)::text AS v FROM \"{}\" t", t.v)).load(&mut conn).unwrap();
            for r in rows {
                all.extend(r.v.into_bytes());
                all.push(b'\n');
            }
        }
        all
    })
    .await
    .unwrap()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn assert_no_tin(where_: &str, bytes: &[u8]) {
    for needle in [SSN, SSN_DIGITS, EIN, EIN_DIGITS] {
        assert!(!contains(bytes, needle), "{where_} contains the TIN {needle}");
    }
}

#[actix_web::test]
async fn the_tin_is_encrypted_masked_and_never_in_plain_text() {
    let app = TestApp::spawn().await;
    let ana = app.approved_freelancer_in("US").await;
    let t = &ana.access_token;
    let support = app.support().await;
    let admin = app.admin().await;
    let mut responses: Vec<String> = Vec::new();

    let res = put(&app, "/api/v1/me/tax-form", w9("ssn", SSN), t).await;
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    let form: Value = serde_json::from_str(&text).unwrap();
    responses.push(text);
    assert_eq!(form["tin_masked"], "***-**-5462");
    assert!(form.get("tin").is_none());
    assert_eq!(form["signature_name"], "ana lima");
    assert_eq!(form["address"]["state"], "NY");
    assert!(form["signed_at"].as_str().unwrap().ends_with('Z'));
    let text = app.get("/api/v1/me/tax-form", Some(t)).await.text().await.unwrap();
    assert!(text.contains("***-**-5462"));
    responses.push(text);

    // Stored encrypted under the current key, bound to this freelancer; signed with time and IP.
    let me: Value = app.get("/api/v1/me", Some(t)).await.json().await.unwrap();
    let fl_id = me["freelancer"]["id"].as_str().unwrap().to_string();
    let fid = fl_id.clone();
    let (ciphertext, key_id, last4, signed_ip) = app
        .db(move |conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::tax_forms as tf;
            Ok(tf::table.find(&fid).select((tf::tin_ciphertext, tf::tin_key_id, tf::tin_last4, tf::signed_ip)).first::<(
                String,
                String,
                String,
                Option<String>,
            )>(conn)?)
        })
        .await;
    let key = app.state.settings.encryption_key;
    assert!(ciphertext.starts_with("v1:"));
    assert_eq!(key_id, partner_hub::onboarding::crypto::key_id(&key));
    assert_eq!(key_id.len(), 8);
    assert_eq!(last4, "5462");
    assert_eq!(signed_ip.as_deref(), Some("127.0.0.1"));
    let sealed = partner_hub::onboarding::crypto::Sealed { ciphertext: ciphertext.clone(), key_id: key_id.clone() };
    assert_eq!(partner_hub::onboarding::crypto::open(&key, &fl_id, &sealed).unwrap(), SSN_DIGITS);
    assert!(partner_hub::onboarding::crypto::open(&key, "fl_someone_else", &sealed).is_err());

    // Replacing the form with an EIN re-encrypts under a fresh nonce.
    let res = put(&app, "/api/v1/me/tax-form", w9("ein", EIN), t).await;
    let text = res.text().await.unwrap();
    assert!(text.contains("**-***2956"));
    responses.push(text);

    // Every other place the data flows to.
    for path in ["/api/v1/me", "/api/v1/me/profile"] {
        responses.push(app.get(path, Some(t)).await.text().await.unwrap());
    }
    let audit = app
        .get(&format!("/api/v1/admin/audit-log?action=tax_form.saved&subject_id={fl_id}"), Some(&support.access_token))
        .await
        .text()
        .await
        .unwrap();
    let audit_json: Value = serde_json::from_str(&audit).unwrap();
    assert_eq!(audit_json["data"].as_array().unwrap().len(), 2);
    assert_eq!(audit_json["data"][0]["after"]["tin_masked"], "**-***2956");
    assert_eq!(audit_json["data"][0]["before"]["tin_masked"], "***-**-5462");
    assert!(audit_json["data"][1]["before"].is_null());
    assert_eq!(audit_json["data"][0]["actor_id"], ana.user_id.as_str());
    responses.push(audit);
    responses.push(app.get("/api/v1/admin/audit-log?limit=100", Some(&support.access_token)).await.text().await.unwrap());
    let res = app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&admin.access_token)).await;
    assert_eq!(res.status(), 200);
    responses.push(app.get("/api/v1/admin/emails?limit=100", Some(&admin.access_token)).await.text().await.unwrap());

    for (i, r) in responses.iter().enumerate() {
        assert_no_tin(&format!("response {i}"), r.as_bytes());
    }
    let mut emails = 0;
    for entry in std::fs::read_dir(app.outbox_dir()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert_no_tin("an outbox email", &bytes);
        emails += 1;
    }
    assert!(emails >= 2, "the registration and approval emails were written");
    let db = whole_database_text(&app).await;
    assert!(contains(&db, "tax_form.saved") && contains(&db, "**-***2956"), "the scan sees the W-9 and its audit entries");
    assert_no_tin("the database", &db);
}

/// The server as deployed (its own process, logging everything at trace level)
/// never writes the TIN to its log; the request log line carries the path only.
#[test]
fn the_tin_is_never_logged() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_partner-hub"))
        .arg("serve")
        .env("DATABASE_URL", format!("sqlite://{}/log.db", dir.path().display()))
        .env("DATA_DIR", dir.path())
        .env("EMAIL_OUTBOX_DIR", dir.path().join("outbox"))
        .env("STATIC_DIR", dir.path().join("no-spa"))
        .env("HOST", "127.0.0.1")
        .env("PORT", "0")
        .env("SCHEDULER", "off")
        .env("RUST_LOG", "trace")
        .env_remove("SMTP_URL")
        .env_remove("APP_ENV")
        .env_remove("APP_CLOCK")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let log_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    let base = loop {
        line.clear();
        if stdout.read_line(&mut line).unwrap() == 0 {
            let _ = child.kill();
            panic!("the server exited before listening");
        }
        if let Some(rest) = line.trim().strip_prefix("listening on ") {
            break rest.to_string();
        }
    };

    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        rt.block_on(async {
            let client = reqwest::Client::new();
            let res = client
                .post(format!("{base}/api/v1/auth/register"))
                .json(&json!({"email": "log@example.com", "password": "correct horse battery", "full_name": "Log Test", "role": "freelancer"}))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201);
            let token = res.json::<Value>().await.unwrap()["access_token"].as_str().unwrap().to_string();
            let put = |body: Value| client.put(format!("{base}/api/v1/me/tax-form")).bearer_auth(&token).json(&body).send();
            assert_eq!(put(w9("ssn", SSN)).await.unwrap().status(), 200);
            let mut mismatch = w9("ssn", SSN);
            mismatch["signature_name"] = json!("Not Me");
            assert_eq!(put(mismatch).await.unwrap().status(), 422);
            let mut not_string = w9("ssn", SSN);
            not_string["tin"] = json!(SSN_DIGITS.parse::<u64>().unwrap());
            assert_eq!(put(not_string).await.unwrap().status(), 422);
            assert_eq!(put(w9("ein", EIN)).await.unwrap().status(), 200);
            let got = client.get(format!("{base}/api/v1/me/tax-form")).bearer_auth(&token).send().await.unwrap();
            assert_eq!(got.status(), 200);
        })
    }));
    let _ = child.kill();
    let _ = child.wait();
    let logs = log_reader.join().unwrap();
    if let Err(e) = outcome {
        std::panic::resume_unwind(e);
    }
    let text = String::from_utf8_lossy(&logs);
    assert!(text.contains("PUT /api/v1/me/tax-form 200"), "the request log line is there: {text}");
    assert!(text.contains("PUT /api/v1/me/tax-form 422"));
    assert_no_tin("the server log", &logs);
}

#[actix_web::test]
async fn a_us_freelancer_needs_the_w9_and_others_never_do() {
    let app = TestApp::spawn().await;
    let us = app.approved_freelancer_in("US").await;
    let de = app.approved_freelancer().await;
    assert!(missing_steps(&app, &us.access_token).await.contains(&"tax_form".to_string()));
    assert!(!missing_steps(&app, &de.access_token).await.contains(&"tax_form".to_string()));

    // Each completed section leaves the list; the W-9 only for the US freelancer.
    for s in [&us, &de] {
        let country = if s.user_id == us.user_id { "US" } else { "FR" };
        let name = if s.user_id == us.user_id { "us_freelancer" } else { "fr_freelancer" };
        assert_eq!(put(&app, "/api/v1/me/profile", full_profile(name, country), &s.access_token).await.status(), 200);
    }
    assert_eq!(missing_steps(&app, &us.access_token).await, vec!["tax_form", "terms"]);
    assert_eq!(missing_steps(&app, &de.access_token).await, vec!["terms"]);
    assert_eq!(put(&app, "/api/v1/me/tax-form", w9("ssn", SSN), &us.access_token).await.status(), 200);
    assert_eq!(missing_steps(&app, &us.access_token).await, vec!["terms"]);
}

#[actix_web::test]
async fn completing_onboarding_after_approval_makes_the_freelancer_eligible() {
    let app = TestApp::spawn().await;
    let ana = app.approved_freelancer_in("US").await;
    let t = &ana.access_token;
    assert_eq!(missing_steps(&app, t).await, vec!["personal_info", "business_info", "tax_form", "terms"]);

    let res = put(&app, "/api/v1/me/profile", json!({"personal": full_profile("ana_us", "US")["personal"].clone()}), t).await;
    assert_eq!(res.status(), 200);
    assert_eq!(missing_steps(&app, t).await, vec!["business_info", "tax_form", "terms"]);
    let res = put(&app, "/api/v1/me/profile", json!({"business": full_profile("ana_us", "US")["business"].clone()}), t).await;
    assert_eq!(res.status(), 200);
    assert_eq!(missing_steps(&app, t).await, vec!["tax_form", "terms"]);
    assert_eq!(put(&app, "/api/v1/me/tax-form", w9("ssn", SSN), t).await.status(), 200);
    let me: Value = app.get("/api/v1/me", Some(t)).await.json().await.unwrap();
    assert_eq!(me["freelancer"]["eligible"], false);
    assert!(me["freelancer"]["referral_code"].is_null());

    let terms: Value = app.get("/api/v1/terms/current", None).await.json().await.unwrap();
    let res = app.post("/api/v1/me/terms-acceptances", json!({"version": terms["version"]}), Some(t)).await;
    assert_eq!(res.status(), 201);
    let me: Value = app.get("/api/v1/me", Some(t)).await.json().await.unwrap();
    assert_eq!(me["freelancer"]["eligible"], true, "{me}");
    assert_eq!(me["freelancer"]["missing_steps"], json!([]));
    assert!(!me["freelancer"]["referral_code"].as_str().unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------
// Concurrency: these find lost updates and 500s on PostgreSQL, where saves run side by side.

async fn audit_rows(app: &TestApp, action: &'static str, subject: String) -> Vec<(Option<String>, Option<String>)> {
    app.db(move |conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::audit_log;
        Ok(audit_log::table
            .filter(audit_log::action.eq(action))
            .filter(audit_log::subject_id.eq(subject))
            .select((audit_log::before_json, audit_log::after_json))
            .load(conn)?)
    })
    .await
}

#[actix_web::test]
async fn concurrent_first_saves_of_both_sections_all_land() {
    let app = TestApp::spawn().await;
    let ana = app.freelancer().await;
    let bodies: Vec<Value> = (0..20)
        .map(|i| {
            if i % 2 == 0 {
                json!({"personal": {"display_name": "ana.race", "languages": ["English"], "country": "DE", "description": format!("personal {i}")}})
            } else {
                json!({"business": {"occupation": format!("consultant {i}"), "skills": ["Intune"]}})
            }
        })
        .collect();
    let results = futures_util::future::join_all(bodies.into_iter().map(|b| put(&app, "/api/v1/me/profile", b, &ana.access_token))).await;
    for res in results {
        assert_eq!(res.status(), 200, "{:?}", res.text().await);
    }
    // Neither section's fields were overwritten by a save of the other section.
    let profile: Value = app.get("/api/v1/me/profile", Some(&ana.access_token)).await.json().await.unwrap();
    assert_eq!(profile["personal"]["display_name"], "ana.race", "{profile}");
    assert_eq!(profile["personal"]["country"], "DE");
    assert_eq!(profile["personal"]["languages"], json!(["English"]));
    assert!(profile["business"]["occupation"].as_str().unwrap().starts_with("consultant "), "{profile}");
    assert_eq!(profile["business"]["skills"], json!(["Intune"]));
    assert_eq!(profile["completed"], json!({"personal": true, "business": true}));
    let rows = app
        .db(|conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::freelancer_profiles;
            Ok(freelancer_profiles::table.count().get_result::<i64>(conn)?)
        })
        .await;
    assert_eq!(rows, 1);
}

#[actix_web::test]
async fn concurrent_picture_uploads_and_saves_leave_one_picture_and_every_field() {
    let app = TestApp::spawn().await;
    let ana = app.freelancer().await;
    let uploads = (0..10u8).map(|i| {
        let png = encode(DynamicImage::ImageRgb8(RgbImage::from_pixel(32, 32, Rgb([i * 10, 90, 200]))), ImageFormat::Png);
        put_raw(&app, "image/png", png, &ana.access_token)
    });
    let saves = (0..10).map(|i| {
        put(
            &app,
            "/api/v1/me/profile",
            json!({"personal": {"display_name": "ana.pics", "country": "DE", "description": format!("d{i}")}}),
            &ana.access_token,
        )
    });
    let (uploads, saves) = futures_util::join!(futures_util::future::join_all(uploads), futures_util::future::join_all(saves));
    for res in uploads.into_iter().chain(saves) {
        assert_eq!(res.status(), 200, "{:?}", res.text().await);
    }
    let profile: Value = app.get("/api/v1/me/profile", Some(&ana.access_token)).await.json().await.unwrap();
    // A picture upload never writes back a stale copy of the fields saved beside it.
    assert_eq!(profile["personal"]["display_name"], "ana.pics", "{profile}");
    assert_eq!(profile["personal"]["country"], "DE");
    let url = profile["picture_url"].as_str().expect("a picture").to_string();
    assert_eq!(app.get(&url, Some(&ana.access_token)).await.status(), 200);
    let pictures = app
        .db(|conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::profile_pictures;
            Ok(profile_pictures::table.select(profile_pictures::id).load::<String>(conn)?)
        })
        .await;
    assert_eq!(pictures.len(), 1, "{pictures:?}");
    assert!(url.ends_with(&pictures[0]));
}

#[actix_web::test]
async fn concurrent_first_w9_saves_all_succeed_and_each_is_audited_once() {
    let app = TestApp::spawn().await;
    let ana = app.approved_freelancer_in("US").await;
    let saves = (0..20).map(|i| {
        let mut body = w9("ssn", SSN);
        body["address"]["line1"] = json!(format!("{i} Fifth Avenue"));
        put(&app, "/api/v1/me/tax-form", body, &ana.access_token)
    });
    for res in futures_util::future::join_all(saves).await {
        assert_eq!(res.status(), 200, "{:?}", res.text().await);
    }
    let form: Value = app.get("/api/v1/me/tax-form", Some(&ana.access_token)).await.json().await.unwrap();
    assert!(form["address"]["line1"].as_str().unwrap().ends_with(" Fifth Avenue"));
    let fid = app
        .db(|conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::tax_forms;
            Ok(tax_forms::table.select(tax_forms::freelancer_id).load::<String>(conn)?)
        })
        .await;
    assert_eq!(fid.len(), 1);
    // One entry per save; exactly one of them created the form, and every other one
    // records the form it replaced.
    let entries = audit_rows(&app, "tax_form.saved", fid[0].clone()).await;
    assert_eq!(entries.len(), 20);
    let created = entries.iter().filter(|(before, _)| before.as_deref().unwrap_or("null") == "null").count();
    assert_eq!(created, 1, "{entries:?}");
}

#[actix_web::test]
async fn the_profile_starts_from_the_application() {
    let app = TestApp::spawn().await;
    let ana = app.approved_freelancer_in("GB").await;
    let p: Value = app.get("/api/v1/me/profile", Some(&ana.access_token)).await.json().await.unwrap();
    assert_eq!(p["personal"]["country"], "GB");
    assert_eq!(p["business"]["certifications"], json!(["MS-102: Microsoft 365 Administrator"]));
    assert!(p["updated_at"].is_null(), "nothing is saved by looking");

    // Saving the personal section first keeps the application's certifications for the
    // business step.
    let personal = json!({"personal": {"full_name": "Ana Lima", "display_name": "Ana Lima", "description": "", "languages": ["Englisch"], "country": "GB"}});
    assert_eq!(put(&app, "/api/v1/me/profile", personal, &ana.access_token).await.status(), 200);
    let p: Value = app.get("/api/v1/me/profile", Some(&ana.access_token)).await.json().await.unwrap();
    assert_eq!(p["business"]["certifications"], json!(["MS-102: Microsoft 365 Administrator"]));
    assert_eq!(p["completed"]["business"], false);
}
