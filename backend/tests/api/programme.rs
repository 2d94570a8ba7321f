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
    assert!(titles.contains(&"Commission on every sale") && titles.contains(&"Delegated access") && titles.contains(&"Free Microsoft support"));
    assert!(program["faq"].as_array().unwrap().len() >= 3);

    let plans: Value = app.get("/api/v1/plans", None).await.json().await.unwrap();
    let plans = plans["data"].as_array().unwrap();
    assert_eq!(plans.len(), 4);
    assert_eq!(plans[0]["name"], "Microsoft 365 Business Basic");
    assert!(plans.iter().all(|p| p["monthly_price_cents"].as_i64().unwrap() > 0 && p["yearly_price_cents"].as_i64().unwrap() > 0));
}
