//! Support edits the catalogue: products and plans added, prices and commission changed
//! under the rules (yearly < 12 × monthly), plans retired and put back on sale, every
//! edit audited; customers and freelancers are refused.

use serde_json::{json, Value};

use crate::helpers::{problem, Session, TestApp};

async fn send(app: &TestApp, method: &str, path: &str, body: Option<Value>, who: &Session) -> reqwest::Response {
    let mut req = app.client.request(method.parse().unwrap(), app.url(path)).bearer_auth(&who.access_token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

fn plan_body(product_id: &str, name: &str) -> Value {
    json!({
        "product_id": product_id,
        "name": name,
        "description": "Enterprise productivity and security.",
        "monthly_price_cents": 4000,
        "yearly_price_cents": 43200,
        "commission_rate_bps": 1000
    })
}

async fn public_plan_ids(app: &TestApp) -> Vec<String> {
    let plans: Value = app.get("/api/v1/plans", None).await.json().await.unwrap();
    plans["data"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()).collect()
}

async fn audit(app: &TestApp, admin: &Session, action: &str, subject_id: &str) -> Vec<Value> {
    let res = app.get(&format!("/api/v1/admin/audit-log?action={action}&subject_id={subject_id}"), Some(&admin.access_token)).await;
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.unwrap();
    page["data"].as_array().unwrap().clone()
}

fn error_fields(body: &Value) -> Vec<String> {
    body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_string()).collect()
}

#[actix_web::test]
async fn support_adds_a_product_and_a_plan_that_goes_on_sale() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let admin = app.admin().await;

    // The seeded catalogue, retired plans included, with place and state.
    let catalog: Value = send(&app, "GET", "/api/v1/admin/catalog", None, &support).await.json().await.unwrap();
    let m365 = &catalog["products"][0];
    assert_eq!(m365["id"], "prd_microsoft_365");
    assert_eq!(m365["plans"].as_array().unwrap().len(), 4);
    assert_eq!(m365["plans"][0]["id"], "pln_m365_business_basic");
    assert_eq!(m365["plans"][0]["active"], true);
    assert_eq!(m365["plans"][0]["sort_order"], 1);
    assert_eq!(m365["plans"][0]["product_name"], "Microsoft 365");

    let res = send(
        &app,
        "POST",
        "/api/v1/admin/products",
        Some(json!({"name": "  Dynamics   365 ", "vendor": "Microsoft", "description": "Business applications."})),
        &support,
    )
    .await;
    assert_eq!(res.status(), 201);
    let product: Value = res.json().await.unwrap();
    let product_id = product["id"].as_str().unwrap().to_string();
    assert!(product_id.starts_with("prd_dynamics_365_"), "{product_id}");
    assert_eq!(product["name"], "Dynamics 365");
    assert_eq!(product["plans"], json!([]));

    let res = send(&app, "POST", "/api/v1/admin/plans", Some(plan_body(&product_id, "Dynamics 365 Sales")), &support).await;
    assert_eq!(res.status(), 201);
    let plan: Value = res.json().await.unwrap();
    let plan_id = plan["id"].as_str().unwrap().to_string();
    assert!(plan_id.starts_with("pln_dynamics_365_sales_"), "{plan_id}");
    assert_eq!(plan["product_name"], "Dynamics 365");
    assert_eq!(plan["currency"], "USD");
    assert_eq!(plan["active"], true);
    assert_eq!(plan["sort_order"], 5);
    assert!(public_plan_ids(&app).await.contains(&plan_id));

    let catalog: Value = send(&app, "GET", "/api/v1/admin/catalog", None, &support).await.json().await.unwrap();
    assert_eq!(catalog["products"][1]["id"], product_id.as_str());
    assert_eq!(catalog["products"][1]["plans"][0]["id"], plan_id.as_str());

    let created = audit(&app, &admin, "catalog.product_created", &product_id).await;
    assert_eq!(created.len(), 1);
    assert_eq!(created[0]["actor_id"], support.user_id.as_str());
    let created = audit(&app, &admin, "catalog.plan_created", &plan_id).await;
    assert_eq!(created.len(), 1);
    assert_eq!(created[0]["after"]["monthly_price_cents"], 4000);
}

#[actix_web::test]
async fn a_plan_is_refused_with_every_broken_rule_named() {
    let app = TestApp::spawn().await;
    let support = app.support().await;

    let mut body = plan_body("prd_microsoft_365", "ab");
    body["description"] = json!("x".repeat(1001));
    body["monthly_price_cents"] = json!(0);
    body["yearly_price_cents"] = json!(10_000_001);
    body["commission_rate_bps"] = json!(5001);
    let res = send(&app, "POST", "/api/v1/admin/plans", Some(body), &support).await;
    let p = problem(res, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), ["name", "description", "monthly_price_cents", "yearly_price_cents", "commission_rate_bps"]);

    // A yearly price of 12 months or more: the field error says why.
    let mut body = plan_body("prd_microsoft_365", "Plan E5");
    body["yearly_price_cents"] = json!(48_000);
    let res = send(&app, "POST", "/api/v1/admin/plans", Some(body), &support).await;
    let p = problem(res, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), ["yearly_price_cents"]);
    let message = p["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("yearly commitment costs less per month") && message.contains("48000"), "{message}");

    // In German too, for staff who read German.
    let res =
        app.client.patch(app.url("/api/v1/me")).bearer_auth(&support.access_token).json(&json!({"locale": "de"})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let mut body = plan_body("prd_microsoft_365", "Plan E5");
    body["yearly_price_cents"] = json!(48_000);
    let res = send(&app, "POST", "/api/v1/admin/plans", Some(body), &support).await;
    let p = problem(res, 422, "validation_failed").await;
    assert!(p["errors"][0]["message"].as_str().unwrap().starts_with("Eine jährliche Bindung kostet pro Monat weniger"), "{p}");

    let res = send(&app, "POST", "/api/v1/admin/plans", Some(plan_body("prd_nothing", "Plan E5")), &support).await;
    let p = problem(res, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), ["product_id"]);

    let res =
        send(&app, "POST", "/api/v1/admin/products", Some(json!({"name": "  ", "vendor": "", "description": "x".repeat(1001)})), &support)
            .await;
    let p = problem(res, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), ["name", "vendor", "description"]);

    // Nothing was written.
    let catalog: Value = send(&app, "GET", "/api/v1/admin/catalog", None, &support).await.json().await.unwrap();
    assert_eq!(catalog["products"].as_array().unwrap().len(), 1);
    assert_eq!(catalog["products"][0]["plans"].as_array().unwrap().len(), 4);
}

#[actix_web::test]
async fn a_price_change_and_retiring_a_plan_are_audited_and_reach_the_public_catalogue() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let basic = "pln_m365_business_basic";
    let path = format!("/api/v1/admin/plans/{basic}");

    let res = send(&app, "PATCH", &path, Some(json!({"monthly_price_cents": 780, "yearly_price_cents": 7800})), &admin).await;
    assert_eq!(res.status(), 200);
    let plan: Value = res.json().await.unwrap();
    assert_eq!((plan["monthly_price_cents"].as_i64(), plan["yearly_price_cents"].as_i64()), (Some(780), Some(7800)));
    assert_eq!(plan["name"], "Microsoft 365 Business Basic");
    let plans: Value = app.get("/api/v1/plans", None).await.json().await.unwrap();
    assert_eq!(plans["data"][0]["monthly_price_cents"], 780);

    let entries = audit(&app, &admin, "catalog.plan_updated", basic).await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["before"]["monthly_price_cents"], 720);
    assert_eq!(entries[0]["after"]["monthly_price_cents"], 780);
    assert_eq!(entries[0]["after"]["yearly_price_cents"], 7800);

    // The rules hold against the values the plan would have: 12 × 780 = 9360.
    let res = send(&app, "PATCH", &path, Some(json!({"yearly_price_cents": 9360})), &admin).await;
    let p = problem(res, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), ["yearly_price_cents"]);
    let res = send(&app, "PATCH", &path, Some(json!({"monthly_price_cents": 650})), &admin).await;
    problem(res, 422, "validation_failed").await;
    let res = send(&app, "PATCH", &path, Some(json!({"name": "no", "commission_rate_bps": -1})), &admin).await;
    let p = problem(res, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), ["name", "commission_rate_bps"]);

    // Retire: gone from the public catalogue and the plan page, still in support's view.
    let res = send(&app, "PATCH", &path, Some(json!({"active": false})), &admin).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["active"], false);
    assert!(!public_plan_ids(&app).await.contains(&basic.to_string()));
    let catalog: Value = send(&app, "GET", "/api/v1/admin/catalog", None, &admin).await.json().await.unwrap();
    let listed = catalog["products"][0]["plans"].as_array().unwrap().iter().find(|p| p["id"] == basic).cloned().unwrap();
    assert_eq!(listed["active"], false);
    let on_sale = app.db(|conn| partner_hub::catalog::service::plan_on_sale_in(conn, "pln_m365_business_basic")).await;
    assert!(on_sale.is_none(), "a retired plan is not sold");

    // A request that changes nothing writes nothing.
    let res = send(&app, "PATCH", &path, Some(json!({"active": false, "monthly_price_cents": 780})), &admin).await;
    assert_eq!(res.status(), 200);

    // And back on sale.
    let res = send(&app, "PATCH", &path, Some(json!({"active": true})), &admin).await;
    assert_eq!(res.status(), 200);
    assert!(public_plan_ids(&app).await.contains(&basic.to_string()));
    let entries = audit(&app, &admin, "catalog.plan_updated", basic).await;
    assert_eq!(entries.len(), 3, "price, retire, reactivate");
    assert_eq!(entries[0]["after"]["active"], true);
    assert_eq!(entries[1]["before"]["active"], true);
    assert_eq!(entries[1]["after"]["active"], false);

    let res = send(&app, "PATCH", "/api/v1/admin/plans/pln_nothing", Some(json!({"active": false})), &admin).await;
    problem(res, 404, "not_found").await;
}

#[actix_web::test]
async fn customers_and_freelancers_cannot_edit_the_catalogue() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let freelancer = app.freelancer().await;
    for who in [&customer, &freelancer] {
        problem(send(&app, "GET", "/api/v1/admin/catalog", None, who).await, 403, "forbidden").await;
        let body = json!({"name": "Sneaky", "vendor": "Me", "description": ""});
        problem(send(&app, "POST", "/api/v1/admin/products", Some(body), who).await, 403, "forbidden").await;
        let body = plan_body("prd_microsoft_365", "Sneaky plan");
        problem(send(&app, "POST", "/api/v1/admin/plans", Some(body), who).await, 403, "forbidden").await;
        let body = json!({"monthly_price_cents": 1});
        problem(send(&app, "PATCH", "/api/v1/admin/plans/pln_m365_business_basic", Some(body), who).await, 403, "forbidden").await;
    }
    let plans: Value = app.get("/api/v1/plans", None).await.json().await.unwrap();
    assert_eq!(plans["data"][0]["monthly_price_cents"], 720);
}
