//! One log line per request (method, path, status, duration, request id), the
//! `X-Request-Id` echo, security and caching headers, and the metrics observation.
//!
//! Secrets never reach the log: the query string is never written, and a path segment
//! that carries a token (a route parameter whose name contains `token`, or, for paths no
//! route matched such as the SPA's `/invitations/<token>` page, the segment after
//! `invitations`) is written as `{token}`.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue, CACHE_CONTROL, STRICT_TRANSPORT_SECURITY};
use actix_web::middleware::Next;
use actix_web::Error;

use crate::domain::ids::random_token;
use crate::state::AppState;

pub const REQUEST_ID: &str = "x-request-id";

/// A caller-supplied id is kept when it is short and printable; otherwise a new one.
fn request_id(req: &ServiceRequest) -> String {
    req.headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128 && v.chars().all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c)))
        .map(str::to_string)
        .unwrap_or_else(|| format!("req_{}", random_token(16)))
}

pub async fn middleware(req: ServiceRequest, next: Next<impl MessageBody>) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let id = request_id(&req);
    let method = req.method().to_string();
    let path = req.path().to_string();
    let https = req.app_data::<actix_web::web::Data<AppState>>().is_some_and(|s| s.settings.public_base_url.starts_with("https://"));
    let mut res = next.call(req).await?;
    let pattern = res.request().match_pattern();
    let route = pattern.clone().unwrap_or_else(|| "unmatched".into());
    let status = res.status().as_u16();
    let elapsed = started.elapsed();
    crate::ops::metrics::observe_request(&method, &route, status, elapsed.as_secs_f64());
    let logged = loggable_path(&path, pattern.as_deref());
    log::info!("{method} {logged} {status} {:.1}ms request_id={id}", elapsed.as_secs_f64() * 1000.0);
    let headers = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&id) {
        headers.insert(HeaderName::from_static(REQUEST_ID), v);
    }
    for (name, value) in SECURITY_HEADERS {
        headers.insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    }
    // API answers carry personal data or tokens: no shared or browser cache may keep them.
    // A handler that knows better (a public list) sets its own Cache-Control.
    if (path.starts_with("/api/") || path == "/metrics") && !headers.contains_key(CACHE_CONTROL) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    // Only when the public address is https: HSTS over plain http would lock out a
    // laptop set-up on the next visit.
    if https {
        headers.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    }
    Ok(res)
}

/// Path segments after which an unmatched path carries a token (links in emails).
const TOKEN_PARENTS: &[&str] = &["invitations", "partnership-invitations"];

/// The path as it may be logged: token segments replaced by `{token}` (see the module
/// doc). `pattern` is the matched route's template, when a route matched.
pub fn loggable_path(path: &str, pattern: Option<&str>) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    if let Some(template) = pattern.filter(|p| p.contains('{')) {
        let names: Vec<&str> = template.split('/').collect();
        if names.len() == parts.len() {
            return parts
                .iter()
                .zip(&names)
                .map(|(part, name)| if name.starts_with('{') && name.contains("token") { *name } else { *part })
                .collect::<Vec<_>>()
                .join("/");
        }
    }
    if pattern.is_some_and(|p| !p.is_empty() && !p.contains('{') && p.split('/').count() == parts.len()) {
        return path.to_string();
    }
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| if i > 0 && TOKEN_PARENTS.contains(&parts[i - 1]) && !part.is_empty() { "{token}" } else { part })
        .collect::<Vec<_>>()
        .join("/")
}

const SECURITY_HEADERS: &[(&str, &str)] = &[
    (
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; \
         font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
];

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn token_segments_are_redacted() {
        let p = Some("/api/v1/invitations/{token}/accept");
        assert_eq!(loggable_path("/api/v1/invitations/s3cret/accept", p), "/api/v1/invitations/{token}/accept");
        assert_eq!(loggable_path("/api/v1/invitations/s3cret", Some("/api/v1/invitations/{token}")), "/api/v1/invitations/{token}");
        // Ids are not secrets and help when reading logs.
        let p = Some("/api/v1/admin/invitations/{id}/revoke");
        assert_eq!(loggable_path("/api/v1/admin/invitations/inv_1/revoke", p), "/api/v1/admin/invitations/inv_1/revoke");
        // No route matched (the SPA page of an emailed link, a typo): redact by position.
        assert_eq!(loggable_path("/invitations/s3cret", None), "/invitations/{token}");
        assert_eq!(loggable_path("/partnership-invitations/s3cret/accept", Some("")), "/partnership-invitations/{token}/accept");
        assert_eq!(loggable_path("/api/v1/invitations/s3cret/nope", None), "/api/v1/invitations/{token}/nope");
        assert_eq!(loggable_path("/app/dashboard", None), "/app/dashboard");
        assert_eq!(loggable_path("/livez", Some("/livez")), "/livez");
    }
}
