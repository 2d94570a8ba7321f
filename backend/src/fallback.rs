//! What runs around the API handlers, beside `startup`: the route table read from the
//! spec (405 with `Allow`, the names of path parameters), the pre-routing check of paths
//! and query strings, and the default service. It reads the OpenAPI document, which
//! imports every route, so it sits at the top with `startup` and nothing below imports it.
//!
//! The default service: 405 with `Allow` when the path exists for other methods, the
//! SPA's `index.html` for browser navigation, problem+json 404 for the rest.

use std::path::PathBuf;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, HttpResponse};
use once_cell::sync::Lazy;

use crate::error::{AppError, FieldError};
use crate::web::text;

/// (path template segments, methods) for every documented route.
static ROUTES: Lazy<Vec<(Vec<String>, Vec<String>)>> = Lazy::new(|| {
    let doc = crate::openapi::document();
    doc.paths
        .paths
        .iter()
        .map(|(path, item)| {
            let mut methods = Vec::new();
            for (m, op) in [("GET", &item.get), ("POST", &item.post), ("PUT", &item.put), ("PATCH", &item.patch), ("DELETE", &item.delete)]
            {
                if op.is_some() {
                    methods.push(m.to_string());
                }
            }
            (segments(path), methods)
        })
        .collect()
});

fn segments(path: &str) -> Vec<String> {
    path.trim_matches('/').split('/').map(str::to_string).collect()
}

/// Methods the spec allows on this concrete path (empty when the path is unknown).
pub fn allowed_methods(path: &str) -> Vec<String> {
    let parts = segments(path);
    let mut allowed = Vec::new();
    for (template, methods) in ROUTES.iter() {
        let matches =
            template.len() == parts.len() && template.iter().zip(&parts).all(|(t, p)| (t.starts_with('{') && !p.is_empty()) || t == p);
        if matches {
            allowed.extend(methods.iter().cloned());
        }
    }
    allowed.sort();
    allowed.dedup();
    allowed
}

/// The name of the parameter at segment `index` of a concrete path (`token` for segment 3
/// of `/api/v1/invitations/abc`), when a documented route has one there.
pub fn param_name(path: &str, index: usize) -> Option<String> {
    let parts = segments(path);
    ROUTES.iter().find_map(|(template, _)| {
        let matches =
            template.len() == parts.len() && template.iter().zip(&parts).all(|(t, p)| (t.starts_with('{') && !p.is_empty()) || t == p);
        let segment = template.get(index).filter(|_| matches)?;
        segment.strip_prefix('{')?.strip_suffix('}').map(str::to_string)
    })
}

#[derive(Clone)]
pub struct StaticDir(pub Option<PathBuf>);

fn is_api(path: &str) -> bool {
    path.starts_with("/api/") || path == "/api" || ["/livez", "/readyz", "/healthz", "/metrics"].contains(&path)
}

pub async fn fallback(req: HttpRequest, dir: web::Data<StaticDir>) -> Result<HttpResponse, AppError> {
    let path = req.path();
    let allowed = allowed_methods(path);
    if !allowed.is_empty() && !allowed.iter().any(|m| m == req.method().as_str()) {
        return Err(AppError::method_not_allowed(allowed.join(", ")));
    }
    let navigation = req.method() == Method::GET || req.method() == Method::HEAD;
    if navigation && !is_api(path) {
        if let Some(dir) = &dir.0 {
            let index = dir.join("index.html");
            if let Ok(file) = actix_files::NamedFile::open(&index) {
                let mut res = file.use_etag(true).into_response(&req);
                res.headers_mut()
                    .insert(actix_web::http::header::CACHE_CONTROL, actix_web::http::header::HeaderValue::from_static("no-cache"));
                return Ok(res);
            }
        }
        return Err(AppError::not_found("The web app is not built here (run `make run`)."));
    }
    Err(AppError::not_found(format!("There is no route {} {path}.", req.method())))
}

/// Refuses a request whose query string or path carries a forbidden character, before
/// routing: extractors then never see one, whichever slice the route belongs to.
pub async fn refuse_control_characters(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let refused = text::check_query(req.query_string()).err().or_else(|| {
        text::forbidden_path_segment(req.path()).map(|i| {
            let field = param_name(req.path(), i).unwrap_or_else(|| "path".into());
            AppError::validation(vec![FieldError { field, message: text::MESSAGE.into() }])
        })
    });
    match refused {
        // `error_response` keeps the `AppError` in the response for `i18n::middleware`.
        Some(e) => Ok(req.error_response(e).map_into_right_body()),
        None => next.call(req).await.map(ServiceResponse::map_into_left_body),
    }
}
