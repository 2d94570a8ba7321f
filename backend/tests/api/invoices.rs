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

/// Refunds `net_cents` of invoice `id` with a credit note, the way a cancellation does.
async fn credit(app: &TestApp, id: &str, net_cents: i64) -> String {
    use partner_hub::invoices::model::NewLine;
    let id = id.to_string();
    let now = app.state.clock.now_naive();
    app.db(move |conn| {
        let line = NewLine {
            description: "Refund: Microsoft 365 Business Standard, unused days".into(),
            quantity: 1,
            unit_amount_cents: net_cents,
            amount_cents: net_cents,
            period: None,
        };
        let (row, _) = partner_hub::invoices::service::credit_note_in(conn, &id, None, vec![line], None, now)?;
        Ok(row.id)
    })
    .await
}

async fn pdf(app: &TestApp, who: &Session, id: &str, query: &str) -> reqwest::Response {
    app.get(&format!("/api/v1/customer/invoices/{id}/pdf{query}"), Some(&who.access_token)).await
}

/// The text of every page of a PDF response, after checking what makes it a PDF.
async fn pdf_text(res: reqwest::Response, filename: &str) -> String {
    pdf_text_of(res, &format!("inline; filename=\"{filename}\"")).await
}

/// The text of every page of an A4 PDF response sent with `disposition`.
pub async fn pdf_text_of(res: reqwest::Response, disposition: &str) -> String {
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(res.headers()["content-disposition"], disposition);
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let doc = lopdf::Document::load_mem(&bytes).expect("a PDF lopdf can read");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    // A4: 595 × 842 points.
    let first = doc.get_pages()[&1];
    let media_box = doc.get_object(first).unwrap().as_dict().unwrap().get(b"MediaBox").unwrap().as_array().unwrap().clone();
    let size: Vec<f64> = media_box.iter().map(|v| v.as_float().map(f64::from).or_else(|_| v.as_i64().map(|i| i as f64)).unwrap()).collect();
    assert!((size[2] - 595.0).abs() < 1.0 && (size[3] - 842.0).abs() < 1.0, "A4: {size:?}");
    // The strings every page shows, decoded as WinAnsi: lopdf's own `extract_text` misses
    // the encoding of built-in fonts and drops ä, ö, ü, ß and €.
    let mut text = String::new();
    for page in pages {
        let content = lopdf::content::Content::decode(&doc.get_page_content(doc.get_pages()[&page]).unwrap()).unwrap();
        for op in content.operations.iter().filter(|op| op.operator == "Tj") {
            if let Some(lopdf::Object::String(bytes, _)) = op.operands.first() {
                text.push_str(&lopdf::Document::decode_text(Some("WinAnsiEncoding"), bytes));
                text.push('\n');
            }
        }
    }
    text
}

#[actix_web::test]
async fn a_client_reads_an_invoice_and_its_credit_note_and_gets_both_as_pdf_in_their_language() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let client = app.customer().await;
    assert_eq!(put_rate(&app, &support, "DE", json!({"rate_bps": 1900, "label": "USt."})).await.status(), 200);
    let (invoice_id, number, _, _) = issue_invoice(&app, &client, Some("DE"), 75_000).await;
    let credit_id = credit(&app, &invoice_id, 10_000).await;

    // Newest first: the credit note, then the invoice (now `credited`), each with lines.
    let res = app.get("/api/v1/customer/invoices", Some(&client.access_token)).await;
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.unwrap();
    let data = page["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    assert_eq!(page["next_cursor"], Value::Null);
    let (note, invoice) = (&data[0], &data[1]);
    assert_eq!(note["id"], credit_id.as_str());
    assert_eq!(note["kind"], "credit_note");
    assert_eq!(note["status"], "issued");
    assert_eq!(note["credits_invoice_id"], invoice_id.as_str());
    assert_eq!(note["credits_invoice_number"], number.as_str());
    assert_eq!(
        (note["tax_rate_bps"].as_i64(), note["tax_cents"].as_i64(), note["total_cents"].as_i64()),
        (Some(1900), Some(1900), Some(11_900))
    );
    assert_eq!(invoice["status"], "credited");
    assert_eq!(invoice["bill_to"]["name"], "Jörg Müller GmbH");
    assert_eq!(invoice["lines"][0]["quantity"], 5);
    assert_eq!(invoice["lines"][0]["amount_cents"], 75_000);
    assert!(invoice["lines"][0]["period_start"].as_str().unwrap().ends_with('Z'));

    let res = app.get(&format!("/api/v1/customer/invoices/{invoice_id}"), Some(&client.access_token)).await;
    assert_eq!(res.status(), 200);
    let one: Value = res.json().await.unwrap();
    assert_eq!(&one, invoice);
    assert_eq!(
        (one["subtotal_cents"].as_i64(), one["tax_cents"].as_i64(), one["total_cents"].as_i64()),
        (Some(75_000), Some(14_250), Some(89_250))
    );

    // The PDF, in the client's language (English), and in German on request.
    let text = pdf_text(pdf(&app, &client, &invoice_id, "").await, &format!("invoice-{number}.pdf")).await;
    for expected in
        [number.as_str(), "Invoice", "Bill to", "Jörg Müller GmbH", "Hauptstraße 5", "10115 Berlin", "Partner Hub", "Example Street 1"]
    {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    for expected in [
        "Microsoft 365 Business Standard, yearly",
        "Period: ",
        "Subtotal",
        "$750.00",
        "Tax (19%)",
        "$142.50",
        "Total",
        "$892.50",
        "$150.00",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    let text = pdf_text(pdf(&app, &client, &invoice_id, "?lang=de").await, &format!("invoice-{number}.pdf")).await;
    for expected in [
        "Rechnung",
        "Rechnungsempfänger",
        "Leistungszeitraum",
        "Zwischensumme",
        "750,00 $",
        "Umsatzsteuer (19 %)",
        "142,50 $",
        "Gesamtbetrag",
        "892,50 $",
        "Einzelpreis",
        "Vielen Dank für Ihren Auftrag.",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }

    // The credit note names the invoice it credits; a German-speaking client reads it in German.
    let res =
        app.client.patch(app.url("/api/v1/me")).bearer_auth(&client.access_token).json(&json!({"locale": "de"})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let credit_number = note["number"].as_str().unwrap();
    let text = pdf_text(pdf(&app, &client, &credit_id, "").await, &format!("credit-note-{credit_number}.pdf")).await;
    for expected in
        ["Gutschrift", credit_number, &format!("Zu Rechnung: {number}"), "Erstatteter Betrag", "119,00 $", &format!("Rechnung {number}.")]
    {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    let text = pdf_text(pdf(&app, &client, &credit_id, "?lang=en").await, &format!("credit-note-{credit_number}.pdf")).await;
    assert!(
        text.contains("Credit note") && text.contains(&format!("Credits invoice: {number}")) && text.contains("Total refunded"),
        "{text}"
    );
}

#[actix_web::test]
async fn only_the_client_and_staff_see_an_invoice() {
    let app = TestApp::spawn().await;
    let owner = app.customer().await;
    let other = app.customer().await;
    let (freelancer, _, _) = app.eligible_freelancer().await;
    let support = app.support().await;
    let (id, number, _, _) = issue_invoice(&app, &owner, None, 1_500).await;

    for who in [&owner, &support] {
        assert_eq!(app.get(&format!("/api/v1/customer/invoices/{id}"), Some(&who.access_token)).await.status(), 200);
        pdf_text(pdf(&app, who, &id, "").await, &format!("invoice-{number}.pdf")).await;
    }
    for who in [&other, &freelancer] {
        let body = problem(app.get(&format!("/api/v1/customer/invoices/{id}"), Some(&who.access_token)).await, 404, "not_found").await;
        assert!(!body.to_string().contains(&number));
        problem(pdf(&app, who, &id, "").await, 404, "not_found").await;
        let list: Value = app.get("/api/v1/customer/invoices", Some(&who.access_token)).await.json().await.unwrap();
        assert_eq!(list["data"], json!([]));
    }
    // Staff see only their own in the client's list.
    let list: Value = app.get("/api/v1/customer/invoices", Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(list["data"], json!([]));
    problem(app.get("/api/v1/customer/invoices/inv_nothing", Some(&owner.access_token)).await, 404, "not_found").await;
    problem(app.get(&format!("/api/v1/customer/invoices/{id}"), None).await, 401, "unauthenticated").await;
    problem(app.get(&format!("/api/v1/customer/invoices/{id}/pdf"), None).await, 401, "unauthenticated").await;
}

#[actix_web::test]
async fn invoices_come_in_pages_newest_first() {
    let app = TestApp::spawn().await;
    let client = app.customer().await;
    let mut numbers = Vec::new();
    for _ in 0..3 {
        numbers.push(issue_invoice(&app, &client, None, 720).await.1);
    }
    let page: Value = app.get("/api/v1/customer/invoices?limit=2", Some(&client.access_token)).await.json().await.unwrap();
    let got: Vec<&str> = page["data"].as_array().unwrap().iter().map(|i| i["number"].as_str().unwrap()).collect();
    assert_eq!(got, [numbers[2].as_str(), numbers[1].as_str()]);
    let cursor = page["next_cursor"].as_str().unwrap();
    let page: Value =
        app.get(&format!("/api/v1/customer/invoices?limit=2&cursor={cursor}"), Some(&client.access_token)).await.json().await.unwrap();
    let got: Vec<&str> = page["data"].as_array().unwrap().iter().map(|i| i["number"].as_str().unwrap()).collect();
    assert_eq!(got, [numbers[0].as_str()]);
    assert_eq!(page["next_cursor"], Value::Null);
    problem(app.get("/api/v1/customer/invoices?limit=0", Some(&client.access_token)).await, 422, "validation_failed").await;
}
