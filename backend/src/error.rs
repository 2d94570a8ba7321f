//! One error type for the whole API. Every failure leaves as RFC 9457
//! `application/problem+json` with a stable snake_case `code`; the user-facing `detail`
//! is kept apart from the cause, which is only logged.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct FieldError {
    /// The JSON name of the field (dotted for nested fields).
    #[schema(example = "email")]
    pub field: String,
    #[schema(example = "Enter a valid email address.")]
    pub message: String,
}

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "type": "/problems/validation_failed",
    "title": "Unprocessable Entity",
    "status": 422,
    "detail": "The request has invalid fields.",
    "code": "validation_failed",
    "errors": [{"field": "email", "message": "Enter a valid email address."}]
}))]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable machine-readable code, e.g. `not_eligible`, `validation_failed`.
    pub code: String,
    /// Field errors, present for validation failures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Steps still missing, present with `not_eligible`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing_steps: Option<Vec<String>>,
    /// With `invalid_credentials`, when few attempts remain: how many more wrong
    /// passwords go through before each attempt has to wait (0: the next one waits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 0, example = 2)]
    pub remaining_attempts: Option<i32>,
}

#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: String,
    pub errors: Vec<FieldError>,
    pub missing_steps: Option<Vec<String>>,
    pub retry_after: Option<u64>,
    pub remaining_attempts: Option<i32>,
    pub allow: Option<String>,
    /// Logged, never sent.
    pub cause: Option<String>,
}

impl AppError {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> AppError {
        AppError {
            status,
            code,
            detail: detail.into(),
            errors: Vec::new(),
            missing_steps: None,
            retry_after: None,
            remaining_attempts: None,
            allow: None,
            cause: None,
        }
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> AppError {
        AppError::new(StatusCode::BAD_REQUEST, code, detail)
    }

    pub fn validation(errors: Vec<FieldError>) -> AppError {
        let mut e = AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", "The request has invalid fields.");
        e.errors = errors;
        e
    }

    pub fn field(field: &str, message: impl Into<String>) -> AppError {
        AppError::validation(vec![FieldError { field: field.to_string(), message: message.into() }])
    }

    pub fn unauthorized(code: &'static str, detail: impl Into<String>) -> AppError {
        AppError::new(StatusCode::UNAUTHORIZED, code, detail)
    }

    pub fn forbidden(code: &'static str, detail: impl Into<String>) -> AppError {
        AppError::new(StatusCode::FORBIDDEN, code, detail)
    }

    pub fn not_found(detail: impl Into<String>) -> AppError {
        AppError::new(StatusCode::NOT_FOUND, "not_found", detail)
    }

    pub fn conflict(code: &'static str, detail: impl Into<String>) -> AppError {
        AppError::new(StatusCode::CONFLICT, code, detail)
    }

    /// 429 with `Retry-After` in seconds and the wait in whole minutes, rounded up, in
    /// `detail` (people read "14 minutes", not "799 seconds").
    pub fn rate_limited(retry_after: u64) -> AppError {
        let secs = retry_after.max(1);
        let minutes = secs.div_ceil(60);
        let unit = if minutes == 1 { "minute" } else { "minutes" };
        let mut e =
            AppError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", format!("Too many attempts. Try again in {minutes} {unit}."));
        e.retry_after = Some(secs);
        e
    }

    pub fn unavailable(cause: impl Into<String>) -> AppError {
        let mut e = AppError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "The service is temporarily unavailable.");
        e.cause = Some(cause.into());
        e
    }

    pub fn internal(cause: impl Into<String>) -> AppError {
        let mut e =
            AppError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on our side. It has been logged.");
        e.cause = Some(cause.into());
        e
    }

    pub fn method_not_allowed(allow: String) -> AppError {
        let mut e = AppError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", format!("This route accepts only: {allow}."));
        e.allow = Some(allow);
        e
    }

    pub fn with_missing_steps(mut self, steps: Vec<String>) -> AppError {
        self.missing_steps = Some(steps);
        self
    }

    /// The field errors of every failed check in one 422, so that a form shows them all
    /// at once; a check that failed otherwise is returned as it is.
    pub fn all_of(checks: impl IntoIterator<Item = AppResult<()>>) -> AppResult<()> {
        let mut errors = Vec::new();
        for check in checks {
            match check {
                Ok(()) => {}
                Err(e) if e.code == "validation_failed" => errors.extend(e.errors),
                Err(e) => return Err(e),
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::validation(errors))
        }
    }

    pub fn problem(&self) -> Problem {
        Problem {
            type_: format!("/problems/{}", self.code),
            title: self.status.canonical_reason().unwrap_or("Error").to_string(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code.to_string(),
            errors: self.errors.clone(),
            missing_steps: self.missing_steps.clone(),
            remaining_attempts: self.remaining_attempts,
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.detail)?;
        if let Some(cause) = &self.cause {
            write!(f, " (cause: {cause})")?;
        }
        Ok(())
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        if self.status.is_server_error() {
            log::error!("{self}");
        }
        let mut res = HttpResponse::build(self.status);
        res.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        if let Some(secs) = self.retry_after {
            res.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        if let Some(allow) = &self.allow {
            res.insert_header((header::ALLOW, allow.clone()));
        }
        res.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> AppError {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => AppError::not_found("The resource does not exist."),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                let mut err = AppError::conflict("conflict", "The resource already exists.");
                err.cause = Some(info.message().to_string());
                err
            }
            other => AppError::internal(format!("database: {other}")),
        }
    }
}

impl From<validator::ValidationErrors> for AppError {
    fn from(errors: validator::ValidationErrors) -> AppError {
        let mut fields = Vec::new();
        collect_validation(&errors, "", &mut fields);
        fields.sort_by(|a, b| a.field.cmp(&b.field));
        AppError::validation(fields)
    }
}

fn collect_validation(errors: &validator::ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    use validator::ValidationErrorsKind;
    for (field, kind) in errors.errors() {
        let name = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    out.push(FieldError {
                        field: name.clone(),
                        message: e
                            .message
                            .as_ref()
                            .map(|m| m.to_string())
                            .unwrap_or_else(|| format!("This value is not valid ({}).", e.code)),
                    });
                }
            }
            ValidationErrorsKind::Struct(inner) => collect_validation(inner, &name, out),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    collect_validation(inner, &format!("{name}[{i}]"), out);
                }
            }
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
