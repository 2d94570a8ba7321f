//! Extractor configuration: JSON, query and path errors become problem+json 4xx instead
//! of actix's text/plain defaults.

use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::{web, HttpRequest};

use crate::error::{AppError, FieldError};
use crate::web::json::REQUIRED;

pub const JSON_LIMIT: usize = 64 * 1024;

pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default().limit(JSON_LIMIT).error_handler(|err, _req: &HttpRequest| json_error(err).into())
}

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _req| query_error(err).into())
}

pub fn path_config() -> web::PathConfig {
    web::PathConfig::default()
        .error_handler(|err: PathError, _req| AppError::bad_request("invalid_path", format!("The path is not valid: {err}.")).into())
}

fn json_error(err: JsonPayloadError) -> AppError {
    match err {
        JsonPayloadError::ContentType => {
            let mut e = AppError::bad_request("unsupported_media_type", "Send the body as application/json.");
            e.status = actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE;
            e
        }
        JsonPayloadError::Overflow { limit } | JsonPayloadError::OverflowKnownLength { limit, .. } => {
            let mut e = AppError::bad_request("payload_too_large", format!("The body is larger than {} KiB.", limit / 1024));
            e.status = actix_web::http::StatusCode::PAYLOAD_TOO_LARGE;
            e
        }
        JsonPayloadError::Deserialize(e) if e.is_data() => {
            let message = e.to_string();
            let field = missing_field(&message).unwrap_or_else(|| "body".to_string());
            AppError::validation(vec![FieldError {
                field,
                message: if message.starts_with("missing field") {
                    REQUIRED.into()
                } else {
                    format!("This value is not valid: {}.", strip_position(&message))
                },
            }])
        }
        JsonPayloadError::Deserialize(e) => {
            AppError::bad_request("malformed_body", format!("The body is not valid JSON: {}.", strip_position(&e.to_string())))
        }
        other => AppError::bad_request("malformed_body", format!("The body could not be read: {other}.")),
    }
}

fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest.split('`').next()?.to_string())
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn query_error(err: QueryPayloadError) -> AppError {
    let msg = match &err {
        QueryPayloadError::Deserialize(e) => e.to_string(),
        other => other.to_string(),
    };
    AppError::bad_request("invalid_query", format!("The query string is not valid: {msg}."))
}
