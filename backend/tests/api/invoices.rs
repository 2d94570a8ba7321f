//! Billing and payments: the tax table support edits (and the tax it puts on invoices),
//! the client's invoices and credit notes over HTTP, and their PDFs.

use serde_json::{json, Value};

use crate::helpers::{problem, Session, TestApp};

async fn put_rate(app: &TestApp, who: &Session, country: &str, body: Value) -> reqwest::Response {
    app.client.put(app.url(&format!("/api/v1/admin/tax-rates/{country}"))).bearer_auth(&who.access_token).json(&body).send().await.unwrap()
}

async fn delete_rate(app: &TestApp, who: &Session, country: &str) -> reqwest::Response {
    app.client.delete(app.url(&format!("/api/v1/admin/tax-rates/{country}"))).bearer_auth(&who.access_token).send().await.unwrap()
}

async fn audit(app: &TestApp, admin: &Session, action: &str, subject_id: &str) -> Vec<Value> {
    let res = app.get(&format!("/api/v1/admin/audit-log?action={action}&subject_id={subject_id}"), Some(&admin.access_token)).await;
    assert_eq!(res.status(), 200);
    res.json::<Value>().await.unwrap()["data"].as_array().unwrap().clone()
}

/// Issues a paid invoice to `customer` the way checkout does (one line, net prices),
/// billed to `country`; returns (id, number, tax_cents, total_cents).
pub async fn issue_invoice(app: &TestApp, customer: &Session, country: Option<&str>, net_cents: i64) -> (String, String, i64, i64) {
    use partner_hub::invoices::model::{BillTo, NewInvoice, NewLine};
    let (user_id, email, country) = (customer.user_id.clone(), customer.email.clone(), country.map(str::to_string));
    let now = app.state.clock.now_naive();
    let start = now;
    let end = partner_hub::domain::commerce::BillingTerm::Yearly.term_end(start);
    app.db(move |conn| {
        let inv = NewInvoice {
            customer_user_id: user_id,
            subscription_id: None,
            payment_id: None,
            currency: "USD".into(),
            bill_to: BillTo { name: "Jörg Müller GmbH".into(), email, address: Some("Hauptstraße 5\n10115 Berlin".into()), country },
            lines: vec![NewLine {
                description: "Microsoft 365 Business Standard, yearly".into(),
                quantity: 5,
                unit_amount_cents: net_cents / 5,
                amount_cents: net_cents,
                period: Some((start, end)),
            }],
        };
        let (row, _) = partner_hub::invoices::service::issue_in(conn, inv, None, now)?;
        Ok((row.id, row.number, row.tax_cents, row.total_cents))
    })
    .await
}

#[actix_web::test]
async fn support_keeps_the_tax_table_and_invoices_to_that_country_carry_the_tax() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let admin = app.admin().await;
    let customer = app.customer().await;

    // Empty by default: no tax.
    let rates: Value = app.get("/api/v1/admin/tax-rates", Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(rates["data"], json!([]));
    let (_, _, tax, total) = issue_invoice(&app, &customer, Some("DE"), 75_000).await;
    assert_eq!((tax, total), (0, 75_000));

    let res = put_rate(&app, &support, "DE", json!({"rate_bps": 1900, "label": " USt. "})).await;
    assert_eq!(res.status(), 200);
    let rate: Value = res.json().await.unwrap();
    assert_eq!((rate["country"].as_str(), rate["rate_bps"].as_i64(), rate["label"].as_str()), (Some("DE"), Some(1900), Some("USt.")));
    assert!(rate["updated_at"].as_str().unwrap().ends_with('Z'));

    // Issued from now on with 19 %; another country, or none, still without.
    let (_, _, tax, total) = issue_invoice(&app, &customer, Some("DE"), 75_000).await;
    assert_eq!((tax, total), (14_250, 89_250));
    let (_, _, tax, _) = issue_invoice(&app, &customer, Some("FR"), 75_000).await;
    assert_eq!(tax, 0);
    let (_, _, tax, _) = issue_invoice(&app, &customer, None, 75_000).await;
    assert_eq!(tax, 0);

    // Replaced, then the same again (no change, no audit entry).
    assert_eq!(put_rate(&app, &support, "DE", json!({"rate_bps": 700, "label": "USt. ermäßigt"})).await.status(), 200);
    assert_eq!(put_rate(&app, &support, "DE", json!({"rate_bps": 700, "label": "USt. ermäßigt"})).await.status(), 200);
    assert_eq!(put_rate(&app, &support, "AT", json!({"rate_bps": 2000, "label": "USt."})).await.status(), 200);
    let rates: Value = app.get("/api/v1/admin/tax-rates", Some(&admin.access_token)).await.json().await.unwrap();
    let listed: Vec<(String, i64)> = rates["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["country"].as_str().unwrap().to_string(), r["rate_bps"].as_i64().unwrap()))
        .collect();
    assert_eq!(listed, [("AT".to_string(), 2000), ("DE".to_string(), 700)]);
    let (_, _, tax, _) = issue_invoice(&app, &customer, Some("DE"), 10_000).await;
    assert_eq!(tax, 700);

    let changes = audit(&app, &admin, "tax_rate.changed", "DE").await;
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[0]["before"]["rate_bps"], 1900);
    assert_eq!(changes[0]["after"]["rate_bps"], 700);
    assert_eq!(changes[1]["before"], Value::Null);
    assert_eq!(changes[1]["after"], json!({"country": "DE", "rate_bps": 1900, "label": "USt."}));
    assert_eq!(changes[1]["actor_id"], support.user_id.as_str());

    // Removed: 204, audited, and no tax again; a second removal is a 404.
    assert_eq!(delete_rate(&app, &support, "DE").await.status(), 204);
    let removed = audit(&app, &admin, "tax_rate.removed", "DE").await;
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0]["before"]["rate_bps"], 700);
    let (_, _, tax, _) = issue_invoice(&app, &customer, Some("DE"), 10_000).await;
    assert_eq!(tax, 0);
    problem(delete_rate(&app, &support, "DE").await, 404, "not_found").await;
}

#[actix_web::test]
async fn tax_rates_are_validated_and_staff_only() {
    let app = TestApp::spawn().await;
    let support = app.support().await;

    for country in ["XX", "de", "DEU", "D1"] {
        let p = problem(put_rate(&app, &support, country, json!({"rate_bps": 1900, "label": "VAT"})).await, 422, "validation_failed").await;
        assert_eq!(p["errors"][0]["field"], "country", "{country}");
        problem(delete_rate(&app, &support, country).await, 422, "validation_failed").await;
    }
    let p = problem(put_rate(&app, &support, "DE", json!({"rate_bps": 5001, "label": " "})).await, 422, "validation_failed").await;
    let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["rate_bps", "label"]);
    problem(put_rate(&app, &support, "DE", json!({"rate_bps": -1, "label": "VAT"})).await, 422, "validation_failed").await;
    problem(put_rate(&app, &support, "DE", json!({"rate_bps": 1900, "label": "x".repeat(41)})).await, 422, "validation_failed").await;
    assert_eq!(put_rate(&app, &support, "DE", json!({"rate_bps": 0, "label": "Steuerfrei"})).await.status(), 200);
    assert_eq!(put_rate(&app, &support, "DE", json!({"rate_bps": 5000, "label": "VAT"})).await.status(), 200);

    let customer = app.customer().await;
    let freelancer = app.freelancer().await;
    for who in [&customer, &freelancer] {
        problem(app.get("/api/v1/admin/tax-rates", Some(&who.access_token)).await, 403, "forbidden").await;
        problem(put_rate(&app, who, "FR", json!({"rate_bps": 2000, "label": "TVA"})).await, 403, "forbidden").await;
        problem(delete_rate(&app, who, "DE").await, 403, "forbidden").await;
    }
    let rates: Value = app.get("/api/v1/admin/tax-rates", Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(rates["data"].as_array().unwrap().len(), 1);
}
