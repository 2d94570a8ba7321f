//! Problem documents in the caller's language. Handlers, extractors and the other
//! middleware build their errors in English; this middleware, wrapped around the whole
//! app, rebuilds the body of every response that came from an `AppError` with `detail`
//! and each `errors[].message` translated, and says which language it chose in
//! `Content-Language`. `type`, `title` (the HTTP reason), `code` and `field` stay as
//! they are: clients branch on those.
//!
//! The language: a `Locale` in the request's extensions, else the signed-in user's own
//! (looked up only when a problem is answered to a request with a valid bearer token),
//! else the best of `Accept-Language`, else English.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderValue, CONTENT_LANGUAGE};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest};

use super::translate;
use crate::domain::locale::Locale;
use crate::error::{AppError, Problem};

/// The language to answer `req` in.
pub fn locale_of(req: &HttpRequest) -> Locale {
    if let Some(locale) = req.extensions().get::<Locale>() {
        return *locale;
    }
    crate::web::locale::request_locale(req)
}

/// The language of the account a valid bearer token names, unless the extensions say.
async fn users_locale(req: &HttpRequest) -> Option<Locale> {
    if req.extensions().get::<Locale>().is_some() {
        return None;
    }
    let user_id = crate::auth::extractors::bearer_subject(req)?;
    let state = req.app_data::<actix_web::web::Data<crate::state::AppState>>()?;
    crate::auth::service::locale_of_user(state, user_id).await
}

/// `problem` with its human-readable texts in `locale`.
pub fn localise(mut problem: Problem, locale: Locale) -> Problem {
    problem.detail = translate(locale, &problem.detail);
    for e in &mut problem.errors {
        e.message = translate(locale, &e.message);
    }
    problem
}

pub async fn middleware(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    // Handlers' and extractors' errors arrive as responses that keep their `AppError`;
    // so do the text check's (`HttpResponse::from_error`). An `Err` is passed on as it
    // is: the request cannot be kept to answer it here (a cloned `HttpRequest` breaks
    // routing), and no middleware inside this one returns one.
    let res = next.call(req).await?.map_into_boxed_body();
    let Some(problem) = res.response().error().and_then(|e| e.as_error::<AppError>()).map(AppError::problem) else {
        return Ok(res);
    };
    let locale = match users_locale(res.request()).await {
        Some(locale) => locale,
        None => locale_of(res.request()),
    };
    let body = serde_json::to_string(&localise(problem, locale)).unwrap_or_default();
    let mut res = res.map_body(|_, _| BoxBody::new(body));
    res.headers_mut().insert(CONTENT_LANGUAGE, HeaderValue::from_static(locale.as_str()));
    Ok(res)
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;
    use actix_web::HttpMessage;

    use super::locale_of;
    use crate::domain::locale::Locale;

    #[test]
    fn the_signed_in_users_language_wins_over_the_header() {
        let req = TestRequest::default().insert_header(("Accept-Language", "de")).to_http_request();
        assert_eq!(locale_of(&req), Locale::De);
        req.extensions_mut().insert(Locale::En);
        assert_eq!(locale_of(&req), Locale::En);
        assert_eq!(locale_of(&TestRequest::default().to_http_request()), Locale::En);
        let req = TestRequest::default().insert_header(("Accept-Language", "it, de;q=0.3")).to_http_request();
        assert_eq!(locale_of(&req), Locale::De);
    }
}
