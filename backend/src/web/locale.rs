//! The language a request asks for in `Accept-Language`.

use actix_web::http::header;
use actix_web::HttpRequest;

use crate::domain::locale::Locale;

/// The first supported language of the request's `Accept-Language`, if it names one.
pub fn accept_language(req: &HttpRequest) -> Option<Locale> {
    req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::from_accept_language)
}

/// The language a request asks for (default `en`).
pub fn request_locale(req: &HttpRequest) -> Locale {
    accept_language(req).unwrap_or_default()
}
