//! The language a request asks for: `?lang=` first (where a route offers it), then
//! `Accept-Language`, else English. Public content that exists in several languages (the
//! programme page, the terms) reads it here and answers with `Content-Language`.

use actix_web::http::header;
use actix_web::HttpRequest;

use crate::domain::locale::Locale;

/// `?lang=` overrides the `Accept-Language` header.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// `en` or `de`; without it the `Accept-Language` header decides (default `en`).
    pub lang: Option<Locale>,
}

impl LangQuery {
    /// The requested language: the query's, else the request's.
    pub fn locale(&self, req: &HttpRequest) -> Locale {
        self.lang.unwrap_or_else(|| request_locale(req))
    }

    /// The language of a document for a signed-in user: the query's, else their
    /// account's, else the request's.
    pub async fn for_user(&self, state: &crate::state::AppState, user_id: &str, req: &HttpRequest) -> Locale {
        match self.lang {
            Some(locale) => locale,
            None => crate::auth::service::locale_of_user(state, user_id.to_string()).await.unwrap_or_else(|| self.locale(req)),
        }
    }
}

/// The first supported language of the request's `Accept-Language`, if it names one.
pub fn accept_language(req: &HttpRequest) -> Option<Locale> {
    req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::from_accept_language)
}

/// The language a request asks for (default `en`).
pub fn request_locale(req: &HttpRequest) -> Locale {
    accept_language(req).unwrap_or_default()
}
