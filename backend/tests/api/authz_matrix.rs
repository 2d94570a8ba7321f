//! The authorization matrix, driven by the spec so that every new route is covered the
//! day it is added: protected routes refuse callers without a token, every
//! `/api/v1/admin/*` route refuses freelancers and customers, and every route with an id
//! in its path refuses another user's token (403 or 404, never data).

use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

/// A request body that passes JSON parsing for most routes; authorization is decided
/// before validation, so the content matters little.
fn body_for() -> Value {
    json!({})
}

/// For each path prefix, the value of its parameter that names a resource `owner` owns,
/// so that "another user's token" is tried against a real resource. Features add theirs.
async fn owned_ids(app: &TestApp, owner: &Session) -> Vec<(&'static str, String)> {
    let ticket: Value = app
        .post(
            "/api/v1/support-tickets",
            json!({"subject": "Owner's ticket", "category": "other", "message": "A ticket that only its owner may read."}),
            Some(&owner.access_token),
        )
        .await
        .json()
        .await
        .unwrap();
    vec![
        ("/api/v1/support-tickets/", ticket["id"].as_str().expect("ticket id").to_string()),
        ("/api/v1/admin/jobs/", "email".to_string()),
        ("/api/v1/invitations/", "not-a-token".to_string()),
    ]
}

/// The owner's id for this path, or a random id nobody owns.
fn fill(path: &str, ids: &[(&str, String)]) -> String {
    let value = ids.iter().find(|(prefix, _)| path.starts_with(prefix)).map(|(_, v)| v.as_str()).unwrap_or("zz_unknown_0000000000");
    let mut out = path.to_string();
    while let Some(start) = out.find('{') {
        let end = out[start..].find('}').unwrap() + start;
        out.replace_range(start..=end, value);
    }
    out
}

async fn call(app: &TestApp, method: &str, path: &str, token: Option<&str>) -> reqwest::Response {
    let mut req = app.client.request(method.parse().unwrap(), app.url(path));
    if method != "GET" && method != "DELETE" {
        req = req.json(&body_for());
    }
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

#[actix_web::test]
async fn every_route_in_the_spec_respects_authorization() {
    let app = TestApp::spawn().await;
    let owner = app.freelancer().await;
    let other_freelancer = app.freelancer().await;
    let customer = app.customer().await;
    let ids = owned_ids(&app, &owner).await;
    let spec = serde_json::to_value(partner_hub::openapi::document()).unwrap();
    let mut checked = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let method = method.to_uppercase();
            let public = op.get("security").map(|s| s == &json!([{}])).unwrap_or(false);
            let concrete = fill(path, &ids);
            if !public {
                let res = call(&app, &method, &concrete, None).await;
                assert_eq!(res.status(), 401, "{method} {path} without a token");
            }
            if path.starts_with("/api/v1/admin") {
                for s in [&owner, &customer] {
                    let res = call(&app, &method, &concrete, Some(&s.access_token)).await;
                    assert_eq!(res.status(), 403, "{method} {path} as a non-staff user");
                }
            } else if path.contains('{') && !public {
                let res = call(&app, &method, &concrete, Some(&other_freelancer.access_token)).await;
                assert!(matches!(res.status().as_u16(), 403 | 404), "{method} {path} with another user's token gave {}", res.status());
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "the matrix walked {checked} operations");
}
