use serde_json::Value;

use crate::helpers::TestApp;

#[actix_web::test]
async fn landing_page_content_comes_from_the_catalogue_and_tiers() {
    let app = TestApp::spawn().await;
    let program: Value = app.get("/api/v1/program", None).await.json().await.unwrap();
    assert_eq!(program["clearing_days"], 14);
    let rates = program["commission_rates"].as_array().unwrap();
    assert_eq!(rates.len(), 4);
    assert!(rates.iter().any(|r| r["plan_name"] == "Microsoft 365 Business Premium"));
    let periods = program["clearing_periods"].as_array().unwrap();
    for p in periods {
        let expected = if p["tier"] == "standard" { 14 } else { 7 };
        assert_eq!(p["days"], expected, "{p}");
    }
    let titles: Vec<&str> = program["benefits"].as_array().unwrap().iter().map(|b| b["title"].as_str().unwrap()).collect();
    assert!(
        titles.contains(&"Commission on every sale") && titles.contains(&"Delegated access") && titles.contains(&"Free Microsoft support")
    );
    assert!(program["faq"].as_array().unwrap().len() >= 3);

    let plans: Value = app.get("/api/v1/plans", None).await.json().await.unwrap();
    let plans = plans["data"].as_array().unwrap();
    assert_eq!(plans.len(), 4);
    assert_eq!(plans[0]["name"], "Microsoft 365 Business Basic");
    assert!(plans.iter().all(|p| p["monthly_price_cents"].as_i64().unwrap() > 0 && p["yearly_price_cents"].as_i64().unwrap() > 0));
}

#[actix_web::test]
async fn the_programme_page_speaks_the_requested_language() {
    let app = TestApp::spawn().await;
    let ask = |lang: Option<&'static str>, header: Option<&'static str>| {
        let mut req = app.client.get(app.url(&format!("/api/v1/program{}", lang.map(|l| format!("?lang={l}")).unwrap_or_default())));
        if let Some(h) = header {
            req = req.header("accept-language", h);
        }
        req.send()
    };
    let res = ask(None, Some("de-DE,de;q=0.9,en;q=0.5")).await.unwrap();
    assert_eq!(res.headers()["content-language"], "de");
    let de: Value = res.json().await.unwrap();
    assert_eq!(de["locale"], "de");
    assert_eq!(de["name"], "Produkte & Software — Microsoft 365 für Freelancer");
    let titles: Vec<&str> = de["benefits"].as_array().unwrap().iter().map(|b| b["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Provision für jeden Verkauf") && titles.contains(&"Delegierter Zugriff"), "{titles:?}");
    assert!(de["how_to_start"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s.as_str().unwrap().contains("Mein Business → Digitale Produkte & Software")));
    let tiers: Vec<&str> = de["clearing_periods"].as_array().unwrap().iter().map(|p| p["tier_name"].as_str().unwrap()).collect();
    assert!(tiers.contains(&"Top-bewertete Freelancer") && tiers.contains(&"Pro-Freelancer"), "{tiers:?}");
    // Same structure in both languages: only the texts differ.
    let en: Value = ask(Some("en"), Some("de")).await.unwrap().json().await.unwrap();
    assert_eq!(en["locale"], "en");
    assert_eq!(en["benefits"].as_array().unwrap().len(), de["benefits"].as_array().unwrap().len());
    assert_eq!(en["faq"].as_array().unwrap().len(), de["faq"].as_array().unwrap().len());
    assert_eq!(en["commission_rates"], de["commission_rates"]);
    // Unsupported languages fall back to English; an unknown ?lang= is a clear 400.
    let fr: Value = ask(None, Some("fr-FR")).await.unwrap().json().await.unwrap();
    assert_eq!(fr["locale"], "en");
    let res = ask(Some("fr"), None).await.unwrap();
    assert_eq!(res.status(), 400);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("application/problem+json"));
}
