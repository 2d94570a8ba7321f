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

/// Ids owned by `owner` for each path parameter name. Features add their resources here.
async fn owned_ids(_app: &TestApp, owner: &Session) -> Vec<(&'static str, String)> {
    vec![("name", "email".to_string()), ("id", owner.user_id.clone()), ("token", "not-a-token".to_string())]
}

fn fill(path: &str, ids: &[(&str, String)]) -> String {
    let mut out = path.to_string();
    for (name, value) in ids {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    // Any parameter not listed gets a random id that nobody owns.
    while let Some(start) = out.find('{') {
        let end = out[start..].find('}').unwrap() + start;
        out.replace_range(start..=end, "zz_unknown_0000000000");
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
