//! The JSON body extractor every handler uses. On top of actix's `web::Json` (limits,
//! content type, problem+json errors from `web::extractors`), it insists on a JSON
//! object at the top (serde would fill a struct from an array by position) and names the
//! offending field in `errors[]` (`personal.display_name`, `links[0]`) for type and enum
//! errors, so forms can show them where they belong. Before any of that, every string in
//! the body goes through `web::text` (control characters are refused, field named).

use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;

use actix_web::{web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use crate::error::{AppError, FieldError};

#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Json<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let value = web::Json::<serde_json::Value>::from_request(req, payload);
        Box::pin(async move {
            let value = value.await?.into_inner();
            parse(value).map(Json).map_err(Into::into)
        })
    }
}

pub const REQUIRED: &str = "This field is required.";

/// Reads a request body value into `T`, with field-level errors.
pub fn parse<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, AppError> {
    if !value.is_object() {
        return Err(AppError::validation(vec![FieldError { field: "body".into(), message: "Send a JSON object.".into() }]));
    }
    crate::web::text::check_json(&value)?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = e.into_inner().to_string();
        let error = match message.strip_prefix("missing field `").and_then(|rest| rest.split('`').next()) {
            Some(name) if path == "." => FieldError { field: name.to_string(), message: REQUIRED.into() },
            Some(name) => FieldError { field: format!("{path}.{name}"), message: REQUIRED.into() },
            // Keep what was expected, never echo the value (it may be a secret).
            None => {
                let expected = message.find("expected ").map(|i| message[i..].to_string()).unwrap_or(message);
                let field = if path == "." { "body".to_string() } else { path };
                FieldError { field, message: format!("This value is not valid: {expected}.") }
            }
        };
        AppError::validation(vec![error])
    })
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::parse;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        kind: Kind,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Internal,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        email: String,
        inner: Inner,
        tags: Vec<String>,
    }

    fn field_of(v: serde_json::Value) -> (String, String) {
        let e = parse::<Outer>(v).unwrap_err();
        (e.errors[0].field.clone(), e.errors[0].message.clone())
    }

    #[test]
    fn names_the_field_and_never_echoes_values() {
        assert_eq!(field_of(json!(["a", {"kind": "internal"}, []])).0, "body");
        assert_eq!(field_of(json!({"inner": {"kind": "internal"}, "tags": []})), ("email".into(), "This field is required.".into()));
        assert_eq!(field_of(json!({"email": "x", "inner": {}, "tags": []})).0, "inner.kind");
        let (field, message) = field_of(json!({"email": "x", "inner": {"kind": "secret-123"}, "tags": []}));
        assert_eq!(field, "inner.kind");
        assert!(!message.contains("secret-123"), "{message}");
        assert_eq!(field_of(json!({"email": "x", "inner": {"kind": "internal"}, "tags": [5]})).0, "tags[0]");
        assert_eq!(
            field_of(json!({"email": 123456789, "inner": {"kind": "internal"}, "tags": []})).1,
            "This value is not valid: expected a string."
        );
        assert!(parse::<Outer>(json!({"email": "x", "inner": {"kind": "internal"}, "tags": []})).is_ok());
    }
}
